"""Header bands of a grid: which value columns each header cell covers.

A grid's header is a band of several rows ("Three Months Ended" over "September 30," over
"2025 2024"). In HTML a spanning cell says which columns it covers (colspan); a rendering
that lost the spans (markdown, text re-flowed into pipes) leaves the cell in the first
column it covered and empty cells after it, or even fewer cells than value columns
("| Three Months Ended | Nine Months Ended | | |" over four years). The columns a cell covers
are then inferred from the row itself:

  - a row whose period cells each cover their own value columns, and together all of them,
    is taken as printed (HTML colspans, aligned markdown);
  - otherwise, when its k period cells divide the n value columns evenly, the i-th cell
    covers the i-th n/k columns (a band of spanning headers, in order);
  - otherwise, when the columns' dates start over as many times as there are period cells
    (Dec 2024, Sep 2024, Dec 2023 | Dec 2024, Dec 2023), each cell covers its run of dates;
  - otherwise each cell covers from its first column up to the next cell's.

A cell that lies over no value column at all (a "September 30," in an empty column left of
the years) covers every column of the band, as a shared part of their headers; but when k period
cells of a row divide the n value columns evenly and some lie over none ("| Six months ended |
Three months ended |" packed over four years), the i-th covers the i-th n/k columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .headers import DURATION_RE, Seg, bare_length, names_year

Span = tuple[int, int]


@dataclass(frozen=True)
class BandCell:
    """Header text over physical columns lo..hi, and whether it names part of a period."""

    text: str
    lo: int
    hi: int
    period: bool  # a date, year, duration ("Three Months Ended"), not just "(Unaudited)"


def band_segments(row: list[BandCell], spans: list[Span], exact: bool = False, runs: list[int] | None = None
                  ) -> list[Seg]:
    """The header segments of one header row over the value columns `spans`; `exact`: the
    cells cover the columns they lie over, even when other rows name the rest (HTML colspans:
    "2021", "2020" under "Year Ended" beside quarter columns dated in the row above); `runs`:
    where the columns' dates start over (headers.date_runs), the columns k lost period cells
    cover in order when k does not divide the columns ("Three Months Ended" over three dates,
    "Year Ended" over two)."""
    n = len(spans)
    if n == 0:
        return []
    placed = [(cell, _covered(cell, spans)) for cell in row]
    periods = [(cell, cols) for cell, cols in placed if cell.period]
    if (not exact and len(periods) >= 2 and n % len(periods) == 0 and any(not cols for _, cols in periods)
            and all(len(cols) <= 1 for _, cols in periods)):
        # period cells packed to the left, some over no value column ("| Six months ended |
        # Three months ended | | |" over four years): the i-th covers the i-th n/k columns
        out = [Seg(cell.text, min(cols), max(cols)) for cell, cols in placed if cols and not cell.period]
        return out + _in_order([cell for cell, _ in periods], n)
    anchored = [(cell, cols) for cell, cols in placed if cols and cell.period]
    covered = {c for _, cols in anchored for c in cols}
    lost = not exact and bool(anchored) and len(covered) < n and all(len(cols) == 1 for _, cols in anchored)
    out: list[Seg] = []
    for cell, cols in placed:
        if not cols and cell.period:  # shared text over no value column: part of every column's header
            out.append(Seg(cell.text, 0, n - 1))
        elif cols and not (lost and cell.period):
            out.append(Seg(cell.text, min(cols), max(cols)))
    if not lost:
        return out
    k = len(anchored)
    if n % k == 0:
        out += _in_order([cell for cell, _ in anchored], n)
    elif runs is not None and len(runs) == k and all(cols[0] <= start for (_, cols), start in zip(anchored, runs)):
        ends = runs[1:] + [n]
        out += [Seg(cell.text, start, end - 1) for (cell, _), start, end in zip(anchored, runs, ends)]
    else:
        for i, (cell, cols) in enumerate(anchored):
            nxt = anchored[i + 1][1][0] - 1 if i + 1 < k else n - 1
            out.append(Seg(cell.text, cols[0], max(cols[-1], nxt)))
    return out


def interleaved_segments(row: list[BandCell], spans: list[Span]) -> list[Seg] | None:
    """One header row printing each period length left of the dates it heads, the first in the
    label column ("| Three Months Ended | October 27, 2024 | October 29, 2023 | Nine Months Ended |
    October 27, 2024 | October 29, 2023 |": a rendering that flattened two header rows): each
    length covers the dated columns up to the next length. None for any other row."""
    cells = sorted((c for c in row if c.period), key=lambda c: c.lo)
    lengths = [c for c in cells if bare_length(c.text)]
    dated = [(c, _covered(c, spans)) for c in cells if names_year(c.text)]
    if len(lengths) < 2 or not cells or cells[0] is not lengths[0] or len(lengths) + len(dated) != len(cells):
        return None
    if any(len(cols) != 1 for _, cols in dated) or len({cols[0] for _, cols in dated}) != len(spans):
        return None
    out = []
    for i, length in enumerate(lengths):
        stop = lengths[i + 1].lo if i + 1 < len(lengths) else float("inf")
        cols = [cols[0] for c, cols in dated if length.lo < c.lo < stop]
        if not cols:
            return None
        out.append(Seg(length.text, min(cols), max(cols)))
    return out + [Seg(c.text, cols[0], cols[0]) for c, cols in dated]


def _in_order(cells: list[BandCell], n: int) -> list[Seg]:
    """k cells over n value columns (k dividing n): the i-th covers the i-th n/k columns."""
    width = n // len(cells)
    return [Seg(cell.text, i * width, (i + 1) * width - 1) for i, cell in enumerate(cells)]


def _covered(cell: BandCell, spans: list[Span]) -> list[int]:
    return [i for i, (a, b) in enumerate(spans) if a <= cell.hi and cell.lo <= b]


JOINED_LENGTHS_RE = re.compile(r"\b(?P<a>three|six|nine|twelve|\d{1,2})\s+and\s+(?P<b>three|six|nine|twelve|\d{1,2})\s+"
                                r"(?P<unit>months|weeks)\s+(?P<end>ended|ending)\b(?P<rest>.*)$", re.I)


def stated_segments(stated: str, columns: int) -> list[Seg]:
    """A stated period length over the value columns; several lengths in one line ("Three Months
    Ended June 30, Twelve Months Ended June 30," above four columns of years, a PDF rendering
    having lost the cells' spans) share the columns evenly, in order."""
    stated = JOINED_LENGTHS_RE.sub(lambda m: f"{m['a']} {m['unit']} {m['end']}{m['rest']} {m['b']} {m['unit']} {m['end']}{m['rest']}",
                                    stated)  # "Three and Nine Months Ended June 30," over four columns
    starts = [m.start() for m in DURATION_RE.finditer(stated)]
    k = len(starts)
    if k < 2 or columns % k:
        return [Seg(stated, 0, columns - 1)]
    width = columns // k
    phrases = [stated[a:b].strip() for a, b in zip(starts, starts[1:] + [len(stated)])]
    return [Seg(phrase, i * width, (i + 1) * width - 1) for i, phrase in enumerate(phrases)]
