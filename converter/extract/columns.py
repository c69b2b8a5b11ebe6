"""Put each row's values in the statement's value columns and map header text to columns."""

from __future__ import annotations

import re

from converter.errors import ExtractionError

from .dates import YEAR_RE
from .bands import stated_segments
from .headers import DURATION_RE, Seg
from .cells import trailing_figure
from .layout import RawCell, Row, tab_fields
from .reader import Line

_SEG_RE = re.compile(r"\S+(?: \S+)*")
Span = tuple[int, int]


def tab_header(lines: list[Line]) -> tuple[list[list[Seg]], int]:
    """Header segments of a tab layout; a header cell spans until the next filled field. A row
    of fewer cells, one after another, than the columns, which they divide evenly ("Three Months
    Ended" then "Year Ended" over four years: a table copied without its colspans), spans them
    in equal shares."""
    filled = [[(k, text.strip()) for k, (_, text) in enumerate(tab_fields(line)[1:]) if text.strip()] for line in lines]
    n = max((cells[-1][0] + 1 for cells in filled if cells), default=0)
    out = []
    for cells in filled:
        segs = []
        share = n // len(cells) if cells else 0
        if 1 < len(cells) < n and n % len(cells) == 0 and [k for k, _ in cells] == list(range(len(cells))):
            segs = [Seg(text, i * share, (i + 1) * share - 1) for i, (_k, text) in enumerate(cells)]
        else:
            for i, (k, text) in enumerate(cells):
                hi = cells[i + 1][0] - 1 if i + 1 < len(cells) else n - 1
                segs.append(Seg(text, k, hi))
        out.append(segs)
    return out, n


def fixed_anchors(header: list[Line], rows: list[Row]) -> list[Span]:
    """Character spans of the value columns: the year headers, else the values themselves."""
    for line in reversed(header):
        spans = [(m.start(), m.end()) for m in _SEG_RE.finditer(line.text) if YEAR_RE.search(m[0])]
        counts = [len(YEAR_RE.findall(line.text[a:b])) for a, b in spans]
        if spans and all(c == 1 for c in counts):
            return spans
        if spans:
            break
    merged: list[list[int]] = []
    for a, b in sorted((c.slot, c.end) for row in rows for c in row.cells):
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b) for a, b in merged]


def fixed_header(lines: list[Line], anchors: list[Span]) -> list[list[Seg]]:
    out = []
    for line in lines:
        segs = []
        for m in _SEG_RE.finditer(line.text.replace("\t", " ")):
            if len(DURATION_RE.findall(m[0])) >= 2 and m.end() <= anchors[0][0]:
                # several lengths in one run of words left of the figures ("Three Months Ended June 30,
                # Twelve Months Ended June 30," over four years): they share the columns in order
                segs += stated_segments(m[0], len(anchors))
                continue
            hits = [i for i, span in enumerate(anchors) if _overlap((m.start(), m.end()), span) > 0]
            if not hits:
                hits = [_nearest(anchors, (m.start() + m.end()) / 2)]
            segs.append(Seg(m[0], min(hits), max(hits)))
        out.append(segs)
    return out


def _overlap(a: Span, b: Span) -> int:
    return min(a[1], b[1]) - max(a[0], b[0])


def _nearest(anchors: list[Span], center: float) -> int:
    return min(range(len(anchors)), key=lambda i: abs((anchors[i][0] + anchors[i][1]) / 2 - center))


def place_tab(row: Row, n: int, path: str) -> None:
    row.columns = [None] * n
    for cell in row.cells:
        if cell.slot >= n:
            raise _too_many(row, n, path)
        row.columns[cell.slot] = cell


def _label_overflow(row: Row, anchors: list[Span]) -> None:
    """A label too long for its column runs into the first figure, one space apart ("Total
    liabilities and shareholders' investment $ 1,500   $ 1,350"): when the row's own figures
    all stand right of the first column and the label ends in a figure reaching past that
    column's start, the figure is the first column's value."""
    found = trailing_figure(row.label) if row.source is not None and row.cells else None
    if found is None or len(row.cells) != len(anchors) - 1 or any(c.slot <= anchors[0][1] for c in row.cells):
        return
    line = row.source
    assert line is not None
    start = line.text.rfind(found[1], 0, row.cells[0].slot)
    end = start + len(found[1])
    if end <= anchors[0][0]:
        return
    row.label = found[0]
    row.cells.insert(0, RawCell(found[1], row.line, line.col(start), start, end))


def place_fixed(row: Row, anchors: list[Span], path: str) -> None:
    n = len(anchors)
    _label_overflow(row, anchors)
    row.columns = [None] * n
    if len(row.cells) > n:
        raise _too_many(row, n, path)
    if len(row.cells) == n:
        row.columns = list(row.cells)
        return
    for cell in row.cells:
        span = (cell.slot, cell.end)
        best = max(range(n), key=lambda i: (_overlap(span, anchors[i]), -abs(anchors[i][1] - cell.end)))
        if _overlap(span, anchors[best]) <= 0:
            best = min(range(n), key=lambda i: abs(anchors[i][1] - cell.end))
        if row.columns[best] is not None:
            raise _too_many(row, n, path)
        row.columns[best] = cell


def _too_many(row: Row, n: int, path: str) -> ExtractionError:
    return ExtractionError(
        f"row {row.label!r} has {len(row.cells)} values but the statement has {n} periods",
        where=f"{path}:{row.line}",
    )

