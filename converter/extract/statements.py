"""Find the statements of a release and read each one."""

from __future__ import annotations

import re
from dataclasses import dataclass

from converter.errors import ExtractionError
from converter.model import SkippedTable, SourceRef, Statement, StatementKind

from .assemble import assemble
from .cells import is_rule
from .edgar import TagTable
from .columns import fixed_anchors, fixed_header, place_fixed, place_tab, tab_header
from .flat import flat_statement
from .grid import SCALE_RE
from .headers import fiscal_calendar, is_header_text, is_scale_text, names_year, parse_scale, resolve_periods
from .layout import fixed_row, tab_row
from .perline import is_cell_per_line, perline_statement
from .reader import Line
from .tablekind import PARENT_ABOVE, PARENT_ONLY, ignored_title, parent_only
from .texttables import region_statement, tagged_statements, untagged_regions
from .titles import END_IN_TEXT_RE, END_LINE_RE, TITLE_IN_TEXT_RE, TITLE_LINE_RE, is_prose, looks_like_title_case, title_kind

_NUMBERED_LOOKAHEAD = 60  # lines below a numbered table title read to tell a table printed one cell per line
_FLAT_MIN = 300  # a line this long holding a title is a flattened release


@dataclass
class _Title:
    index: int  # index into lines
    kind: StatementKind | None
    title: str


def find_statements(lines: list[Line], path: str, tagged: list[TagTable] | None = None
                    ) -> tuple[list[Statement], list[SkippedTable], list[tuple[str, str, SourceRef]]]:
    """The statements of a text release, the tables taken for statements that cannot be read,
    and the non-GAAP/segment tables found in SGML <TABLE> regions.

    Tables inside SGML <TABLE> tags are read as grids (texttables.py); the other tables are
    found by their title lines and read by the line layouts, falling back to the grid reader
    when those cannot read them."""
    tagged = tagged or []
    statements, skipped, ignored = tagged_statements(lines, tagged, path)
    line_titles = []
    parents: list[tuple[str, str, SourceRef]] = []  # the registrant's own statements (parent only)
    for i, line in enumerate(lines):
        if len(line.text) >= _FLAT_MIN:
            try:
                statements += _flat_line(lines, i, path)
            except ExtractionError as exc:
                skipped.append(SkippedTable("table", "", SourceRef(path, line.number, 1), exc.message, exc.where or "",
                                            exc.code))
            continue
        match = TITLE_LINE_RE.match(line.text)
        if match and match["numbered"] and not is_cell_per_line(lines[i + 1 : i + _NUMBERED_LOOKAHEAD]):
            match = None  # "Table 1: Consolidated Income Statement" over a table the region reader places
        if match and _inside_table(lines, i):
            continue  # "Income Statement ($s in millions)" under "Key Financial Data  4Q21  3Q21": a table's section
        if match:
            title = " ".join(match["title"].split())
            if parent_only([line.text] + [above.text for above in _texts_above(lines, i, PARENT_ABOVE)]):
                line_titles.append(_Title(i, None, title))  # ends the statement above; not read
                parents.append((PARENT_ONLY, title, SourceRef(path, line.number, 1)))
            else:
                line_titles.append(_Title(i, title_kind(match["title"]), title))
        elif ignored_title(line.text):  # a non-GAAP or segment table ends the statement above it
            line_titles.append(_Title(i, None, line.text.strip()))
    taken = {i for t in tagged for i in range(max(t.start - 1, 0), min(t.stop + 1, len(lines)))}
    titled_skips: list[tuple[int, int, SkippedTable]] = []
    for k, title in enumerate(line_titles):
        if title.kind is None:
            continue
        stop = line_titles[k + 1].index if k + 1 < len(line_titles) else len(lines)
        if any(t.start - 1 <= title.index < t.stop or title.index < t.start < stop for t in tagged):
            continue  # the title of a <TABLE> region, read above
        try:
            found = _line_statement(lines, title, stop, path)
        except ExtractionError as exc:
            try:
                found = _run_on_body(lines, title, stop, path) or region_statement(
                    lines, title.index, stop, title.kind, title.title, path)
            except ExtractionError:
                if _contents_line(lines[title.index + 1 : stop]):
                    continue  # a line of a table of contents ("Consolidated Income Statement" / "5"): no table
                ref = SourceRef(path, lines[title.index].number, 1)
                titled_skips.append((title.index, stop, SkippedTable(title.kind.value, title.title, ref, exc.message,
                                                                     exc.where or "", exc.code)))
                continue
        statements.append(found)
        last = max((item.source.line for item in found.items), default=lines[title.index].number)
        taken.update(range(title.index, last))
    regions = untagged_regions(lines, taken)
    more, more_skipped, more_ignored = tagged_statements(lines, regions, path)
    statements += more
    ignored += more_ignored
    skipped += more_skipped
    read = [(r.start, r.stop) for r in regions]
    for start, stop, table in titled_skips:  # a titled table the region reader read is not skipped
        if not any(a < stop and start <= b and any(s.source.line - 1 in range(a - 1, b) for s in more) for a, b in read):
            skipped.append(table)
    ignored += [p for p in parents if p not in ignored]  # the region reader may have listed it too
    return fiscal_calendar(sorted(statements, key=lambda s: s.source)), skipped, ignored  # 52/53-week starts


_FIGURE_RE = re.compile(r"(?<![\w.])\(?\$?\d[\d,]*(?:\.\d+)?\)?(?!\w)")


def _contents_line(lines: list[Line]) -> bool:
    """The lines under a title up to the next title print no column heading and two figures at
    most (a page number): the title is a line of a table of contents."""
    return (sum(len(_FIGURE_RE.findall(line.text)) for line in lines) < 3
            and not any(is_header_text(line.text) for line in lines))


def _texts_above(lines: list[Line], i: int, count: int) -> list[Line]:
    """The `count` lines with text above line i."""
    out: list[Line] = []
    for k in range(i - 1, -1, -1):
        if len(out) >= count:
            break
        if lines[k].text.strip():
            out.append(lines[k])
    return out


def _inside_table(lines: list[Line], i: int) -> bool:
    """A title-like line right under a header line naming two periods or more, no blank line
    between ("Quarter Ended   Mar 31, 2022   Dec 31, 2021" over "Consolidated Balance sheet"):
    a section heading of that table, not a statement's title."""
    if i == 0 or not lines[i - 1].text.strip():
        return False
    segments = re.split(r"\s{3,}|\t", lines[i - 1].text.strip())
    return sum(1 for seg in segments if is_header_text(seg) and names_year(seg)) >= 2


def _is_last(lines: list[Line], i: int) -> bool:
    return not any(line.text.strip() for line in lines[i + 1 :])


def _flat_line(lines: list[Line], i: int, path: str) -> list[Statement]:
    """The statements flattened into a long line, each after its title. A title ending the line
    with no figures after it ("... 1,817,282  Condensed Consolidated Balance Sheet Information
    (amounts in thousands)") heads the run-on line below it, a newswire page having glued it to
    the end of the statement above."""
    line = lines[i]
    text = line.text
    titles = [m for m in TITLE_IN_TEXT_RE.finditer(text) if looks_like_title_case(m["title"])]
    out = []
    for k, match in enumerate(titles):
        kind = title_kind(match["title"])
        if kind is None:
            continue
        stop = titles[k + 1].start() if k + 1 < len(titles) else len(text)
        title = " ".join(match["title"].split())
        ref = _ref(path, line, match.start())
        below = _next_text_line(lines, i) if stop == len(text) and not _DIGIT_RE.search(text[match.end():]) else None
        if below is not None and len(lines[below].text) >= _FLAT_MIN \
                and not any(looks_like_title_case(m["title"]) for m in TITLE_IN_TEXT_RE.finditer(lines[below].text)):
            body = lines[below]
            out.append(_flat_span(body, (0, len(body.text)), kind, title, ref, path, _is_last(lines, below),
                                  scale_text=text[match.end():]))
            continue
        out.append(_flat_span(line, (match.end(), stop), kind, title, ref, path, _is_last(lines, i)))
    return out


_DIGIT_RE = re.compile(r"\d")


def _next_text_line(lines: list[Line], i: int) -> int | None:
    return next((k for k in range(i + 1, len(lines)) if lines[k].text.strip()), None)


def _flat_span(line: Line, span: tuple[int, int], kind: StatementKind, title: str, ref: SourceRef, path: str,
               is_last: bool, scale_text: str = "", head_text: str = "") -> Statement:
    """The statement flattened into `span` of a line, up to an end marker ("Contact:") in it;
    `scale_text` is the scale its title line printed, for a body that prints none; `head_text`
    the column headings printed on lines of their own above it."""
    marker = END_IN_TEXT_RE.search(line.text, span[0], span[1])
    end = marker.start() if marker else span[1]
    at_eof = is_last and end == len(line.text) and not marker
    scale, periods, rows, notes = flat_statement(line, (span[0], end), kind, path, at_eof, head_text)
    if scale_text and scale.exponent == 0 and not scale.text:
        scale = parse_scale([scale_text])
    items = assemble(rows, len(periods), path, at_eof=False)
    return Statement(kind, title, periods, scale, tuple(items), ref, notes=notes)


def _run_on_body(lines: list[Line], title: _Title, stop: int, path: str) -> Statement | None:
    """A statement titled on its own line whose table is run together onto the next line with
    text (a newswire page: "AEMETIS, INC. CONSOLIDATED BALANCE SHEETS" over one line holding the
    dates and every row), or None when that line is not so long."""
    heads: list[str] = []  # header lines printed on their own above the run-on body ("Twelve Months Ended December 31,")
    body = None
    for k in range(title.index + 1, stop):
        text = lines[k].text.strip()
        if not text:
            continue
        if len(lines[k].text) < _FLAT_MIN and is_header_text(text) and len(heads) < 2:
            heads.append(text)
            continue
        body = k
        break
    if body is None or len(lines[body].text) < _FLAT_MIN:
        return None
    assert title.kind is not None
    line = lines[body]
    rest = TITLE_LINE_RE.match(lines[title.index].text)["rest"]
    return _flat_span(line, (0, len(line.text)), title.kind, title.title, _ref(path, lines[title.index], 0), path,
                      _is_last(lines, body), scale_text=rest or "", head_text="  ".join(heads))


def _ref(path: str, line: Line, index: int) -> SourceRef:
    return SourceRef(path, line.number, line.col(index))


def _line_statement(lines: list[Line], title: _Title, stop: int, path: str) -> Statement:
    per_line = perline_statement(lines, title.index, stop, title.kind, title.title, path)
    if per_line is not None:
        return per_line
    title_line = lines[title.index]
    where = f"{path}:{title_line.number}"
    rest = TITLE_LINE_RE.match(title_line.text)["rest"]
    scales = [rest] if rest else []
    i = title.index + 1
    while i < stop and (not lines[i].text.strip() or is_scale_text(lines[i].text)):
        scales.append(lines[i].text)
        i += 1
    header: list[Line] = []
    while i < stop and (not lines[i].text.strip() or _rule_only(lines[i]) or is_header_text(lines[i].text)
                        or (header and _scale_under_header(lines, i, stop))):
        if header and is_scale_text(lines[i].text) and not is_header_text(lines[i].text):
            scales.append(lines[i].text)  # "(in millions)" printed under the dates
        elif lines[i].text.strip() and not _rule_only(lines[i]):
            header.append(lines[i])
        i += 1
    if not header:
        raise ExtractionError("statement has no column headers", where=where, code="xc:noColumnHeaders")
    # "(Dollars in millions)" printed at the left of the period headers' line
    scales += [m[0] for line in header for m in [SCALE_RE.search(line.text)] if m]
    body, at_eof = _body(lines, i, stop)
    tabbed = any("\t" in line.text for line in header + body)
    rows = [tab_row(line, path) if tabbed else fixed_row(line) for line in body]
    if tabbed:
        segs, n = tab_header(header)
        for row in rows:
            place_tab(row, n, path)
    else:
        anchors = fixed_anchors(header, rows)
        if not anchors:
            raise ExtractionError("no value columns found (are the columns separated by single spaces?)",
                                  where=f"{path}:{header[0].number}", code="xc:noValueColumns")
        segs, n = fixed_header(header, anchors), len(anchors)
        for row in rows:
            place_fixed(row, anchors, path)
    if not any(row.cells for row in rows):
        raise ExtractionError("statement has column headers but no rows", where=f"{path}:{header[-1].number}",
                              code="xc:noRows")
    periods = resolve_periods(segs, n, title.kind, f"{path}:{header[0].number}")
    items = assemble(rows, n, path, at_eof)
    return Statement(title.kind, title.title, periods, parse_scale(scales), tuple(items), _ref(path, title_line, 0))


def _scale_under_header(lines: list[Line], i: int, stop: int) -> bool:
    """A scale line closing a header band ("(in millions, except per share data)" under the
    dates): the next line with text is no header line (another table's header band)."""
    if not is_scale_text(lines[i].text):
        return False
    following = next((lines[k] for k in range(i + 1, stop) if lines[k].text.strip()), None)
    return following is None or not is_header_text(following.text)


def _rule_only(line: Line) -> bool:
    parts = [p for p in line.text.replace("\t", " ").split() if p]
    return bool(parts) and all(is_rule(p) for p in parts)


def _body(lines: list[Line], start: int, stop: int) -> tuple[list[Line], bool]:
    """Lines of the table body and whether the table ran to the end of the file."""
    body: list[Line] = []
    for line in lines[start:stop]:
        if END_LINE_RE.match(line.text) or is_prose(line.text):
            return _trim(body), False
        body.append(line)
    if stop < len(lines):
        return _trim(body), False
    return _trim(body), True


def _trim(body: list[Line]) -> list[Line]:
    """Drop trailing blank lines."""
    while body and not body[-1].text.strip():
        body.pop()
    return body
