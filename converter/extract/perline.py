"""Text rendered from HTML with one table cell per line -> a Statement.

    Revenue
    $
    13,121
    $
    7,219

The label is on one line and each value on its own line (a `$` or a `)` may stand alone on a
line); the next label starts the next row. The header is the run of period lines under the
title ("Three Months Ended June 30," / "2024" / "2023"), with the band words and units among
them: placed by their order where the header's rows fit one another (converter.extract.lineheads),
else spread over the columns like the headers of flattened text, else read row by row by their
place. Values printed with % and "% change" headers are dropped; change columns printed without
% are dropped by their place (a row of units marking them, or the last columns repeating earlier
periods under a change heading). The table ends at a line of prose, a contact/source line, a
non-GAAP or segment table title, or the next table's caption with its scale over its dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import islice

from converter.errors import ExtractionError
from converter.model import Period, Statement, StatementKind

from .assemble import assemble
from .cells import is_rule, rule_kind, split_values
from .flat import _header_segments, _header_tokens
from .grid import SCALE_RE, header_cell
from .dates import YEAR_RE
from .headers import Seg, is_header_text, is_scale_text, names_year, parse_scale, resolve_periods
from .layout import RawCell, Row
from .lineheads import LineHeader, is_change, is_unit, line_header, stacked_headings
from .periodforms import unglued, written_dates
from .reader import Line
from .tablekind import ignored_title
from .titles import END_LINE_RE, TITLE_LINE_RE, is_prose


_SPACED_GROUPS_RE = re.compile(r"\$?\s?\(?\d{1,3}(?:,\s?\d{3})+\)?")


def _squeezed(text: str) -> str:
    """A value line with its dollar sign set apart by a run of spaces ("$    2,789", the cell's
    padding kept) as the cell reader reads it: "$ 2,789"."""
    text = re.sub(r"^\$\s{2,}(?=\S)", "$ ", text.strip())
    if _SPACED_GROUPS_RE.fullmatch(text):  # "5,828, 109": a space after a thousands separator
        text = re.sub(r",\s+", ",", text)
    return text


def _value(text: str) -> bool:
    text = _squeezed(text)
    return bool(text) and (text in ("$", ")", "%", ")%") or bool(re.fullmatch(r"n/?m|n/?a", text, re.I)) or split_values(text) == [(0, len(text))]
                           or bool(re.fullmatch(r"\$?\s*\(\s*\$?\s*[\d,.]*\d", text))
                           or (text.endswith("%") and split_values(text.rstrip("%").rstrip()) is not None))


def is_cell_per_line(lines: list[Line]) -> bool:
    """Rows whose values are alone on their lines, and no line holding a label and a value."""
    alone = mixed = 0
    for line in lines:
        text = line.text.strip()
        if not text or "\t" in text or is_rule(text):
            continue
        if _value(text):
            alone += 1
        elif re.search(r"\s{2,}\S", text) and split_values(text.split()[-1]) is not None:
            mixed += 1
    return alone >= 4 and mixed == 0


@dataclass
class _Header:
    """The lines between a statement's title and its first row."""

    scales: list[str] = field(default_factory=list)
    heads: list[Line] = field(default_factory=list)  # period cells, and cells read only by their place
    lead: list[Line] = field(default_factory=list)  # "ASSETS" printed in the header row's first cell
    bands: list[str] = field(default_factory=list)  # cells naming no period (see converter.extract.lineheads)
    end: int = 0  # the index of the first line of the body


def perline_statement(lines: list[Line], index: int, stop: int, kind: StatementKind, title: str,
                      path: str) -> Statement | None:
    """The statement titled at lines[index], or None when it is not printed one cell per line."""
    title_line = lines[index]
    where = f"{path}:{title_line.number}"
    rest = TITLE_LINE_RE.match(title_line.text)["rest"]
    head = _header(lines, index + 1, stop, [rest] if rest else [])
    body_end = head.end
    while body_end < stop and not _ends(lines[body_end].text) and not _next_caption(lines, body_end, stop):
        body_end += 1
    if not is_cell_per_line(lines[head.end:body_end]):
        return None
    columns = line_header([h.text.strip() for h in head.heads])
    segs, n = _segments(columns, head.bands, where)
    periods = resolve_periods(segs, n, kind, where)
    if (repeats := _change_repeats(periods, columns)) and not columns.dropped:
        # "Jun 30, 2021 Change" over the last columns, which repeat the periods of earlier ones
        columns = replace(columns, dropped=tuple(range(n - repeats, n)), printed=n)
        periods, n = periods[:-repeats], n - repeats
    rows = _rows(head.lead + lines[head.end:body_end], n, path, columns)
    items = assemble(rows, n, path, at_eof=body_end >= len(lines) and not any(l.text.strip() for l in lines[body_end:]))
    return Statement(kind, title, periods, parse_scale(head.scales), tuple(items),
                     _title_ref(path, title_line))


def _change_repeats(periods: tuple[Period, ...], columns: LineHeader) -> int:
    """How many last columns of a header with a change heading repeat the periods of earlier
    columns: the change columns under it ("Jun 30, 2021 Change" over "Mar 31, 2021" and "Jun 30,
    2020", beside the five quarters), their figures printed without % (0 when none)."""
    if not any(map(is_change, columns.texts)):
        return 0
    k = 0
    while k < len(periods) - 1 and periods[-1 - k] in periods[: len(periods) - 1 - k]:
        k += 1
    return k


def _header(lines: list[Line], i: int, stop: int, scales: list[str]) -> _Header:
    head = _Header(scales=scales)
    while i < stop:
        text = lines[i].text.strip()
        if text and (is_scale_text(text) or SCALE_RE.fullmatch(text)):
            head.scales.append(text)
        elif text and header_cell(text):
            head.heads.append(lines[i])
        elif text and (wrapped := _wrapped_header(lines, i, stop)):
            head.heads += wrapped
            i = lines.index(wrapped[-1], i)
        elif text and not head.heads and not head.lead and (top := _top_bands(lines, i, stop)):
            i = lines.index(top[-1], i)
            if _SECTION_RE.fullmatch(top[-1].text.strip()):
                head.lead.append(top.pop())  # "Assets" printed in the header row's first cell
            head.heads += top  # "QUARTERLY TRENDS" / "CHANGE VS." / "FULL YEAR" over the columns
            head.bands += [line.text.strip() for line in top]
        elif text and not head.heads and not head.lead and (_heads_next(lines, i + 1, stop) or _band_next(lines, i + 1, stop)):
            head.lead.append(lines[i])
        elif text and (head.heads or head.lead) and _band_word(text) and _heads_next(lines, i + 1, stop, header_cell):
            head.heads.append(lines[i])  # "One Year" over a change column, among the period cells
            head.bands.append(text)
        elif text and head.heads and is_unit(text) and (
                is_unit(head.heads[-1].text.strip()) or _heads_next(lines, i + 1, stop, is_unit)):
            head.heads.append(lines[i])  # "USD" / "USD" / "% Change": a row of units under the columns
            head.bands.append(text)
        elif text:
            break
        i += 1
    head.end = i
    return head


def _segments(columns: LineHeader, bands: list[str], where: str) -> tuple[list[list[Seg]], int]:
    """Header segments and the number of columns: one heading a column where the cells' order
    tells them, else the cells read as flattened text, else rows of words read by their place."""
    if columns.headings is not None:
        return [[Seg(written_dates(unglued(text)), col, col) for col, text in enumerate(columns.headings)]], len(columns.headings)
    header = written_dates(unglued(" ".join(t for t in columns.texts if not is_change(t) and t not in bands)))
    _, toks = _header_tokens(header, 0)
    try:
        return _header_segments(toks, where)
    except ExtractionError:
        stacked = stacked_headings(columns.texts)
        if stacked is None:
            raise
        return [[Seg(written_dates(unglued(text)), col, col) for col, text in enumerate(stacked)]], len(stacked)


def _heads_next(lines: list[Line], i: int, stop: int, test=is_header_text) -> bool:
    """The next line with text is a period header line (or passes `test`)."""
    nxt = next((line.text.strip() for line in lines[i:stop] if line.text.strip()), "")
    return bool(nxt) and test(nxt)


def _next_caption(lines: list[Line], i: int, stop: int) -> bool:
    """The caption of the next table, with its scale, over two period cells or more
    ("LOANS (unaudited) (in 000s)" / "June 30, 2008" / "March 31, 2008"): the statement ends."""
    text = lines[i].text.strip()
    nxt = list(islice((t for line in islice(lines, i + 1, stop) if (t := line.text.strip())), 6))
    if not SCALE_RE.search(text):  # "Average Daily VaR (unaudited)" / "$ in millions"
        if not nxt or not (SCALE_RE.fullmatch(nxt[0]) or is_scale_text(nxt[0])) or header_cell(text):
            return False
        nxt = nxt[1:]
    if not re.search(r"[A-Za-z]{3}", SCALE_RE.sub("", text).replace("unaudited", "")):
        return False
    bands = 0
    while nxt and bands < 2 and not names_year(nxt[0]) and (_band_word(nxt[0]) or is_header_text(nxt[0])):
        nxt, bands = nxt[1:], bands + 1  # "AS OF", "THREE MONTHS ENDED" over the dates
    return len(nxt) >= 2 and all(is_header_text(t) and names_year(t) for t in nxt[:2])


def _band_next(lines: list[Line], i: int, stop: int) -> bool:
    """The next line with text is a band word over a period header line ("Year" / "Three months")."""
    at = next((k for k in range(i, stop) if lines[k].text.strip()), None)
    return at is not None and _band_word(lines[at].text.strip()) and _heads_next(lines, at + 1, stop, header_cell)


_SECTION_RE = re.compile(r"(?i)assets|liabilities(?: and \S+ equity)?|revenues?|income|expenses|interest income")


def _top_bands(lines: list[Line], i: int, stop: int, most: int = 4) -> list[Line]:
    """A row of bands opening the header, one of them over change columns ("QUARTERLY TRENDS" /
    "CHANGE VS." / "FULL YEAR"), over the period cells (a scale line may come between): its
    lines, or [] when the header does not open so."""
    top: list[Line] = []
    for line in lines[i:stop]:
        text = line.text.strip()
        if not text:
            continue
        if len(top) < most and (is_change(text) or (_band_word(text) and not header_cell(text))
                                or (top and header_cell(text) and is_header_text(text) and not names_year(text))):
            top.append(line)
            continue
        if len(top) >= 2 and _SECTION_RE.fullmatch(text) and not _SECTION_RE.fullmatch(top[-1].text.strip()):
            top.append(line)  # "REVENUE" printed in the first cell of the last header row
            continue
        if top and (is_scale_text(text) or SCALE_RE.fullmatch(text)):
            continue
        bands = [t.text for t in top if not _SECTION_RE.fullmatch(t.text.strip())]
        ok = len(bands) >= 2 and any(map(is_change, bands)) and not all(map(is_change, bands))
        return top if ok and header_cell(text) and names_year(text) else []
    return []


def _band_word(text: str) -> bool:
    """A few words with no figure, as a band over a change column is headed ("One Year")."""
    return len(text.split()) <= 3 and not re.search(r"\d|[:.;]$", text) and not _value(text)


def _wrapped_header(lines: list[Line], i: int, stop: int, most: int = 3) -> list[Line]:
    """A header cell wrapped over several lines ("Three" / "Months Ended"): the lines whose
    joined text names a period, or [] when the line at i does not start one."""
    parts = [lines[i]]
    for line in lines[i + 1 : stop]:
        if len(parts) > most:
            break
        if not line.text.strip():
            continue
        parts.append(line)
        if is_header_text(" ".join(p.text.strip() for p in parts)):
            return parts
    return []


def _title_ref(path: str, line: Line):
    from converter.model import SourceRef

    return SourceRef(path, line.number, line.col(len(line.text) - len(line.text.lstrip())))


def _ends(text: str) -> bool:
    return bool(END_LINE_RE.match(text) or is_prose(text) or ignored_title(text)
                or (len(text.strip()) > 100 and text.strip().endswith(".")))


_AND_FIGURE_RE = re.compile(r"^(?:and|or)\s+\$?\s*[\d,.]*\d\s*$", re.I)


def _rows(body: list[Line], n: int, path: str, header: LineHeader) -> list[Row]:
    rows: list[Row] = []
    current: Row | None = None
    dollar = False

    def close() -> None:
        if current is not None and current.cells:
            current.cells = [c for c in current.cells if not c.text.endswith("%")]
            if dropped := header.dropped_from(len(current.cells)):  # change figures printed without %
                current.cells = [c for k, c in enumerate(current.cells) if k not in dropped]
            if len(current.cells) > n and len(current.cells) % n == 0:
                _split_unlabelled(rows, current, n)
            if len(current.cells) > n:
                raise ExtractionError(f"row {current.label!r} has {len(current.cells)} values but the statement "
                                      f"has {n} periods", where=f"{path}:{current.line}", code="xc:columnMismatch")
            current.columns = list(current.cells) + [None] * (n - len(current.cells))

    repeated = False  # inside the column headings printed again at a page break
    texts = [_squeezed(line.text) for line in body]
    for k, line in enumerate(body):
        text = texts[k]
        if not text:
            continue
        if (current is not None and _complete(len(current.cells), n, header) and re.fullmatch(r"\d{1,3}|\(\d{1,2}\)", text)
                and not _value(next((t for t in texts[k + 1 :] if t), "x"))):
            continue  # a page number or a footnote's mark after a row's figures ("12,315.2" / "10" / "THE COOPER ...")
        lead = len(line.text) - len(line.text.lstrip())
        if repeated and YEAR_RE.fullmatch(text):
            continue  # "2024" / "2023" under the repeated dates
        repeated = False
        if is_header_text(text) and not YEAR_RE.fullmatch(text) and not _value(text):
            close()
            current, repeated = None, True  # "September 30," / "31-Dec" over the liabilities
            continue
        if is_rule(text):
            close()
            rows.append(Row(line.number, rule=True, rule_kind=rule_kind(text)))
            current = None
            continue
        if _value(text):
            if current is None:
                current = Row(line.number)
                rows.append(current)
            if text == "$":
                dollar = True
            elif text in (")", ")%", "%") and current.cells:
                current.cells[-1].text += text
            elif not text.endswith("%") and not text[-1].isalpha():
                value = f"$ {text}" if dollar and not text.startswith("$") else text
                current.cells.append(RawCell(value, line.number, line.col(lead), len(current.cells)))
                dollar = False
            elif (header.dropped or header.dropped_whole) and re.fullmatch(r"n/?m|n/?a", text, re.I):
                # "NM" in a change column dropped by its place: it holds the place
                current.cells.append(RawCell(text, line.number, line.col(lead), len(current.cells)))
                dollar = False
            else:
                dollar = False
            continue
        if _AND_FIGURE_RE.match(text) and current is not None and current.label and len(current.cells) == 1:
            # "Accounts receivable, net of allowance ... of" / "$830" / "and $650": the figures
            # stated inside the label, broken over lines; the row's values follow
            current.label = f"{current.label} {current.cells[0].text} {' '.join(text.split())}"
            current.cells = []
            dollar = False
            continue
        close()
        dollar = False
        current = Row(line.number, " ".join(text.split()), line.col(lead), source=line, label_index=lead)
        rows.append(current)
    close()
    return rows


def _complete(cells: int, n: int, header: LineHeader) -> bool:
    """A row holds all its figures: one for each column (or for each printed column, change
    columns included), or full sets of them."""
    return (cells >= n and cells % n == 0) or bool(header.dropped_from(cells))


def _split_unlabelled(rows: list[Row], row: Row, n: int) -> None:
    """A row printed with two or more full sets of values: the sets after the first are rows of
    their own without a label (a subtotal printed under a rule, its label left blank)."""
    extra = row.cells[n:]
    row.cells = row.cells[:n]
    for k in range(0, len(extra), n):
        cells = [RawCell(c.text, c.line, c.col, j) for j, c in enumerate(extra[k : k + n])]
        rows.append(Row(cells[0].line, "", cells[0].col, cells=cells, columns=list(cells)))
