"""Text table regions -> Statements through the grid interpreter (grid.py).

    tagged_statements(lines, tables, path) -> (statements, skipped, ignored)
    region_statement(lines, title_index, stop, kind, title, path) -> Statement

A region is an SGML <TABLE> (edgar.py) or the lines under a statement title in untagged
text. textgrid.py cuts it into a grid of cells; grid.py reads the grid as it reads HTML and
markdown tables (header band, periods, change columns, `$` cells, sections, totals).

An SGML table is classified like an HTML table (tablekind.statement_or_ignored) from its
title candidates, nearest first: label-only lines inside its <CAPTION> above the header, then
the short lines printed above the table since the previous table (a line of running prose
stops the search). A table no title names is classified by its rows: "Total assets" with a
"Total liabilities and ..." row is a balance sheet; a net income (loss) row with a per-share
row is a statement of operations.
"""

from __future__ import annotations

import re

from converter.errors import ExtractionError
from converter.model import SkippedTable, SourceRef, Statement, StatementKind

from .edgar import TagTable
from .headers import is_header_text
from .grid import SCALE_RE, Grid, clean_label, grid_statement, row_tokens
from .reader import Line
from .tablekind import classify, statement_or_ignored, titled_otherwise
from .textgrid import is_body, parse_line, text_grid
from .titles import END_LINE_RE, TITLE_LINE_RE, is_prose

_ABOVE = 8  # lines above a table searched for its title
_TITLE_MAX = 150  # a joined multi-line title candidate is cut to this length


def prose_line(text: str) -> bool:
    """A line of running text (wrapped prose), not a title: long, or many words in lower case."""
    # words of a parenthesised scale ("Selected Income Statement Data ($ in millions except per
    # share amounts") are not the line's own words
    words = re.findall(r"[A-Za-z][\w'-]*", _without_scales(text))
    lower = sum(1 for w in words if w[0].islower() and w not in ("of", "and", "in", "to", "the", "for", "with"))
    if re.fullmatch(r"\s*\(.*\)\s*", text):
        return False  # "(In thousands, except per share data)"
    segments = re.split(r"\s{3,}", text.strip())
    if len(segments) >= 3 and sum(1 for seg in segments[1:] if is_header_text(seg)) >= 2:
        return False  # a header line with a caption: "(unaudited) (in 000s)   June 30, 2008   Mar 31, 2008"
    if is_prose(text):
        return True
    if len(words) >= 8 and lower * 3 > len(words):
        # a heading closing on a statement title ("Acme Corp and subsidiaries consolidated
        # statements of cash flows", in small capitals in the HTML) is a title, not prose
        found = classify(text)
        return not (found and found[0] == "statement")
    return False


def _without_scales(text: str) -> str:
    """`text` without its parenthesised scale phrases. Tried only at each "(": the scale
    pattern tried at every place of a long run of spaces takes quadratic time."""
    pieces: list[str] = []
    at = 0
    for paren in re.finditer(r"\(", text):
        if paren.start() < at:
            continue
        scale = SCALE_RE.match(text, paren.start())
        if scale:
            pieces += [text[at:paren.start()], " "]
            at = scale.end()
    return "".join(pieces) + text[at:]


def _above(lines: list[Line], start: int, floor: int) -> list[Line]:
    out: list[Line] = []
    for i in range(start - 1, max(floor, 0) - 1, -1):
        text = lines[i].text
        if not text.strip():
            continue
        if prose_line(text) or len(out) >= _ABOVE:
            break
        out.append(lines[i])
    return out


def _ref(path: str, line: Line) -> SourceRef:
    lead = len(line.text) - len(line.text.lstrip())
    return SourceRef(path, line.number, line.col(lead))


def content_kind(grid: Grid) -> StatementKind | None:
    """The kind of statement a table is by its rows, when no title says."""
    labels = [clean_label(" ".join(c.text for c in row_tokens(row)[0])).lower() for row in grid.body]
    if any(l.startswith("total assets") for l in labels) and any(l.startswith("total liabilities and") for l in labels):
        return StatementKind.BALANCE_SHEET
    if (any(re.match(r"net\s+(?:income|loss|earnings)", l) for l in labels)
            and any("per share" in l or "per common share" in l for l in labels)):
        return StatementKind.OPERATIONS
    return None


_GAP = 10  # non-value lines a table's rows may be apart
_WRAPPED = 30  # lines of one label wrapped in a narrow label column ("Serial" / "preferred" / "stock, ...")
_HEAD = 12  # lines above a table's first row searched for its header band
_HEADING_MAX = 100  # a heading between two rows is no longer


def untagged_regions(lines: list[Line], taken: set[int]) -> list[TagTable]:
    """Table regions of text without <TABLE> tags: runs of rows with values, a few lines apart
    at most, with no prose, title or end line between them; each with the lines above its first
    row up to a prose line, two blank lines or another table (its header band and title)."""
    rows = [i for i, line in enumerate(lines) if i not in taken and line.text.strip() and _value_row(i, line)]
    groups: list[list[int]] = []
    for i in rows:
        if groups and _near(lines, groups[-1][-1], i) and not any(
                k in taken or (_breaks(lines[k].text) and not _heading_between(lines[k].text, groups[-1][-1], i))
                for k in range(groups[-1][-1] + 1, i)):
            groups[-1].append(i)
        else:
            groups.append([i])
    out: list[TagTable] = []
    floor = 0
    for group in groups:
        if len(group) < 2:
            continue
        start, blanks = group[0], 0
        spacing = min(sum(1 for k in range(a + 1, b) if not lines[k].text.strip())
                      for a, b in zip(group, group[1:]))  # double-spaced text: blank lines between all rows
        while start > floor and group[0] - start < _HEAD:
            k = start - 1
            text = lines[k].text
            if k in taken or END_LINE_RE.match(text) or prose_line(text) or _value_row(k, lines[k]):
                break  # a row of figures above the header band ("Form 10-Q   6") is no part of it
            blanks = blanks + 1 if not text.strip() else 0
            if blanks >= max(2, spacing + 1) and not _band_above(lines, k, start, group[0]):
                break
            start = k
        out.append(TagTable(start, group[-1] + 1, start))
        floor = group[-1] + 1
    return out


_UNAUDITED_RE = re.compile(r"(?:\W*\b(?:un)?audited\b\W*)+", re.I)  # "(unaudited)   (unaudited)"


def _band_above(lines: list[Line], k: int, start: int, first: int) -> bool:
    """Blank lines between a table's rows and a header band of dates above them ("THREE MONTHS
    ENDED" / "2000  1999  2000  1999" / "(UNAUDITED)", two blank lines, "Net revenues ..."):
    the band is the table's when no header line is printed below the blanks."""
    if any(is_header_text(lines[j].text) for j in range(start, first)):
        return False
    above = next((j for j in range(k - 1, max(k - _HEAD, -1), -1) if lines[j].text.strip()), None)
    if above is None:
        return False
    text = lines[above].text
    return is_header_text(text) or bool(_UNAUDITED_RE.fullmatch(text)) or bool(re.fullmatch(r"[\s\-=_]+", text))


def _near(lines: list[Line], a: int, b: int) -> bool:
    """Are rows a and b of one table: at most _GAP lines apart, not counting the lines of a label
    wrapped word by word in a narrow column (short indented fragments, no blank line among them)?"""
    if b - a <= _GAP + 1:
        return True
    if b - a > _WRAPPED + _GAP + 1:
        return False
    apart = sum(1 for k in range(a + 1, b) if not _fragment(lines[k].text))
    return apart <= _GAP


def _fragment(text: str) -> bool:
    """A piece of a wrapped label: indented, short, one run of words (no column gap)."""
    stripped = text.strip()
    return bool(stripped) and text[:1].isspace() and len(stripped) <= 24 and "  " not in stripped


def _value_row(i: int, line: Line) -> bool:
    row = parse_line(i, line)
    return is_body(row)


def _heading_between(text: str, above: int, below: int) -> bool:
    """The one line between two rows, a heading however many lower-case words it has ("Changes
    in assets and liabilities, net of effects from acquisitions:"): short, no sentence, no end
    line, no period headers, no other table's title."""
    stripped = _without_scales(text).strip()
    if below - above != 2 or not stripped or len(stripped) > _HEADING_MAX or stripped.endswith("."):
        return False
    if END_LINE_RE.match(text) or is_header_text(text) or "  " in stripped:
        return False
    found = classify(stripped)
    # a statement's title with rows right under it and no header band is a section of this
    # table ("Balance Sheet & Credit Quality ($s in billions)" in a bank's key-data table)
    return found is None or found[0] in ("prose", "statement")


def _breaks(text: str) -> bool:
    """A line between two rows that ends a table: prose, an end line, a table title."""
    if END_LINE_RE.match(text) or prose_line(text) or is_header_text(text):
        return True  # a header line ("June 30, 2006   June 30, 2005") starts another table
    stripped = text.strip()
    if not stripped:
        return False
    if len(stripped) < 120 and "  " not in stripped:
        return classify(stripped) not in (None, ("prose", None))
    if _dates_beside(stripped) is not None:
        return True  # a caption with the next table's dates: "LOANS (in 000s)   June 30, 2008   March 31, 2008"
    first, *rest = re.split(r"\s{3,}", stripped)
    # a title with the column headings beside it ("CONSOLIDATED BALANCE SHEETS   Three Month   One Year")
    return bool(rest) and not any(re.search(r"\d[\d,.]*\d|\d", seg) and not is_header_text(seg) for seg in rest) \
        and classify(first) not in (None, ("prose", None))


def _dates_beside(text: str) -> str | None:
    """The first segment of a line whose other segments, two or more, are period headers (a
    caption with a table's dates: "LOANS (in 000s)   June 30, 2008   March 31, 2008"), or None."""
    first, *rest = re.split(r"\s{3,}", text.strip())
    return first if len(rest) >= 2 and all(is_header_text(seg) for seg in rest) else None


def _caption_with_dates(text: str) -> bool:
    """A line of a caption, no date itself, and two dates or more."""
    first = _dates_beside(text)
    return first is not None and not is_header_text(first)


def tagged_statements(lines: list[Line], tables: list[TagTable], path: str
                      ) -> tuple[list[Statement], list[SkippedTable], list[tuple[str, str, SourceRef]]]:
    """The statements of table regions (SGML <TABLE>s or untagged_regions)."""
    statements: list[Statement] = []
    skipped: list[SkippedTable] = []
    ignored: list[tuple[str, str, SourceRef]] = []
    previous = 0
    for table in tables:
        header_end = table.header_end if table.header_end > table.start else None
        found_grid = text_grid(lines, table.start, table.stop, header_end)
        above = _above(lines, table.start, previous)
        previous = table.stop
        if found_grid is None or found_grid.grid.value_rows() < 2:
            continue
        candidates = [(c.text, SourceRef(path, c.line, c.col)) for c in found_grid.grid.captions]  # header label area
        candidates += [(text, _ref(path, line)) for text, line, _ in reversed(found_grid.captions)]
        if found_grid.captions:  # a title printed over several lines, the last in the header band
            joined = " ".join([text for text, _, _ in found_grid.captions] + [c.text for c in found_grid.grid.captions])
            candidates.append((joined[:_TITLE_MAX], _ref(path, found_grid.captions[0][1])))
        candidates += [(line.text.strip(), _ref(path, line)) for line in above]
        found = statement_or_ignored(candidates, found_grid.grid, path)
        if found is None:
            if titled_otherwise(candidates):  # "INCOME STATEMENT HIGHLIGHTS": not read by its rows
                continue
            kind = content_kind(found_grid.grid)
            if kind is None:
                continue
            title, ref = candidates[0] if candidates else ("", SourceRef(path, lines[table.start].number, 1))
            scales = [m[0] for text, _ in candidates for m in [SCALE_RE.search(text)] if m and len(text) < 200]
            try:
                found = grid_statement(found_grid.grid, kind, " ".join(title.split()), ref, scales, path)
            except ExtractionError as exc:
                found = SkippedTable(kind.value, title, ref, exc.message, exc.where or "", exc.code)
        if isinstance(found, Statement):
            statements.append(found)
        elif isinstance(found, SkippedTable):
            skipped.append(found)
        else:
            ignored.append(found)
    return statements, skipped, ignored


def region_statement(lines: list[Line], title_index: int, stop: int, kind: StatementKind, title: str,
                     path: str) -> Statement:
    """The statement under a title line in untagged text, read as a grid. It ends at an end line,
    at prose, and after its rows of figures at the next table's caption beside its dates ("LOANS
    (unaudited) (in 000s)   2006   2006   2005")."""
    end = title_index + 1
    started = rows = False
    while end < stop:
        text = lines[end].text
        if END_LINE_RE.match(text) or (started and is_prose(text)) or (rows and _caption_with_dates(text)):
            break
        started = started or bool(text.strip())
        rows = rows or _value_row(end, lines[end])
        end += 1
    title_line = lines[title_index]
    ref = _ref(path, title_line)
    found = text_grid(lines, title_index + 1, end)
    if found is None:
        raise ExtractionError("statement has no rows", where=f"{path}:{title_line.number}", code="xc:noRows")
    rest = TITLE_LINE_RE.match(title_line.text)
    scales = [rest["rest"]] if rest and rest["rest"] else []
    scales += [m[0] for text, _, _ in found.captions for m in [SCALE_RE.search(text)] if m]
    return grid_statement(found.grid, kind, title, ref, scales, path)
