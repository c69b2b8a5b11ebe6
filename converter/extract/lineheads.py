"""Column headers printed one cell per line, row after row -> the heading of each column.

A table rendered one cell per line loses where each header cell stood. Their order still tells
it when the rows of the header fit one another:

* as many cells over the columns as in the row naming them, one over each ("Quarter Ended" /
  "Three Month" / "Quarter Ended" over "June 30, 2008" / "Change" / "Mar 31, 2008"), or bands
  over the change columns alone ("Three Month" / "One Year" over the same five: as many bands as
  change columns, and the other columns not a multiple of them);
* a first row of columns named whole ("Fourth Quarter 2021") and bands ("Year Ended
  December 31") over a last row of bare years, shared out among the bands where they stand;
* a last row of units under each column ("USD" / "USD" / "% Change"), which tells the change
  columns whose figures are printed without a % sign;
* bands, one of them over change columns, over columns named whole ("QUARTERLY TRENDS" /
  "CHANGE VS." / "FULL YEAR" over the quarters, two of them named again, and the years): the
  columns naming a period again are the change columns, each other band heads its run of columns;
* rows each shared out evenly over the next, over years and units ("Quarter Ended" /
  "Year-to-Date" over "Dec. 31" / "Change" twice over "2021" / "2020" / "$" / "%" twice);
* the same band printed twice over dates ("Three months ended" twice): every column has it.

Change columns are left out: their figures are dropped from the rows (those printed with % by
the row reader; the others by position, `LineHeader.dropped`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import YEAR_RE
from .grid import CHANGE_RE, FILLER_ONLY_RE
from .headers import names_year

_LENGTH_RE = re.compile(r"(?i)quarter|month|week|year|\bq[1-4]|[1-4]q\b|\bfy|ytd")
_UNIT_RE = re.compile(r"(?:US|HK|C|A)?\$|USD|US dollars?|RMB|EUR|€|£", re.I)


@dataclass(frozen=True)
class LineHeader:
    headings: tuple[str, ...] | None  # one per kept column; None: read `texts` as flattened text
    texts: tuple[str, ...]  # the header cells, a row of units and the change columns taken out
    dropped: tuple[int, ...] = ()  # change columns whose figures are printed without %
    printed: int = 0  # how many figures a row prints when it has them all, change columns included
    # a row printing every change figure without % ("—", "NM" for a "%" column): how many, and
    # which to drop (0 and () when the header has no "%" column)
    whole: int = 0
    dropped_whole: tuple[int, ...] = ()

    def dropped_from(self, count: int) -> tuple[int, ...]:
        """The places of the change figures among a row's `count` figures printed without %."""
        if self.dropped and count == self.printed:
            return self.dropped
        return self.dropped_whole if self.dropped_whole and count == self.whole else ()


def is_change(text: str) -> bool:
    """A change column's heading ("% Change", "Jun 30, 2021 Change")."""
    return bool(CHANGE_RE.search(text))


def is_unit(text: str) -> bool:
    """A cell of a row of units under the columns: a currency, or a change column's "%"."""
    return bool(_UNIT_RE.fullmatch(text.strip())) or is_change(text)


def line_header(texts: list[str]) -> LineHeader:
    """The columns of header cells printed one per line (see the module docstring)."""
    if len(texts) > 2 and names_year(texts[0]) and CHANGE_RE.fullmatch(texts[1].strip()):
        # "Jun 30, 2021" / "Change" opening the header: one band over change columns, no column
        texts = [f"{texts[0]} {texts[1]}", *texts[2:]]
    if under_change := _under_change_band(texts) or _nested(texts):
        return under_change
    dropped: tuple[int, ...] = ()
    printed = 0
    units = _unit_row(texts)
    if units:
        columns = texts[-2 * units : -units]
        marks = [is_change(t) for t in texts[-units:]]
        first = len(texts) - 2 * units
        printed = units
        dropped = tuple(k for k, mark in enumerate(marks) if mark)
        texts = texts[:first] + [t for t, mark in zip(columns, marks) if not mark]
    return LineHeader(_headings([t for t in texts if not FILLER_ONLY_RE.match(t)]), tuple(texts), dropped, printed)


def _under_change_band(texts: list[str]) -> LineHeader | None:
    """Bands over columns named whole, one band over change columns ("QUARTERLY TRENDS" /
    "CHANGE VS." / "FULL YEAR" over "4Q 21" ... "4Q 20" / "3Q 21" / "4Q 20" / "FY 2021" /
    "FY 2020" / "CHANGE"): the columns naming again a period named before them are the change
    columns under that band, their figures printed without %, and so is a "Change" column."""
    year = [names_year(t) and not is_change(t) for t in texts]
    if True not in year:
        return None
    first = year.index(True)
    top, leaves = texts[:first], texts[first:]
    if not any(map(is_change, top)) or not all(names_year(t) or is_change(t) for t in leaves):
        return None
    seen: set[str] = set()
    dropped: list[int] = []
    for k, text in enumerate(leaves):
        key = " ".join(text.lower().split())
        if is_change(text) or key in seen:
            dropped.append(k)
        seen.add(key)
    if not any(k in dropped and not is_change(text) for k, text in enumerate(leaves)):
        return None  # no period named twice: not change columns under the band
    kept = [t for k, t in enumerate(leaves) if k not in dropped]
    runs = [k for k in range(len(leaves)) if k not in dropped and (k == 0 or k - 1 in dropped)]
    bands = [t for t in top if not is_change(t)]
    if len(bands) == len(runs):  # each band over a run of columns between the change columns
        starts = dict(zip(runs, bands))
        band, named = "", []
        for k, text in enumerate(leaves):
            band = starts.get(k, band)
            if k not in dropped:
                named.append(f"{band} {text}")
        kept = named
    elif any(YEAR_RE.fullmatch(t.strip()) for t in kept):
        return None  # a bare year under a band that cannot be told ("FULL YEAR" / "2021")
    return LineHeader(tuple(kept), tuple(texts), tuple(dropped), len(leaves))


def _nested(texts: list[str]) -> LineHeader | None:
    """Rows of header cells, each row's cells shared out evenly over the next, over a last row of
    years and units ("Quarter Ended" / "Year-to-Date" over "Dec. 31" / "Change" / "Dec. 31" /
    "Change" over "2021" / "2020" / "$" / "%" twice): the column under a change heading, or
    headed by a "%", is a change column; its figures printed without % are dropped by their place."""
    last = len(texts)
    while last > 0 and (YEAR_RE.fullmatch(texts[last - 1].strip()) or _leaf_unit(texts[last - 1])):
        last -= 1
    upper, leaves = texts[:last], texts[last:]
    if (len(leaves) < 4 or not upper or not any(YEAR_RE.fullmatch(t.strip()) for t in leaves)
            or not any(map(_leaf_unit, leaves))):
        return None
    lengths = _dividing_rows(len(upper), len(leaves))
    if lengths is None:
        return None
    rows, at = [], 0
    for length in lengths:
        rows.append(upper[at : at + length])
        at += length
    heads = [[row[k * len(row) // len(leaves)] for row in rows] + [leaf] for k, leaf in enumerate(leaves)]
    change = [any(map(is_change, head)) or head[-1].strip() == "%" for head in heads]
    if not any(change) or all(change):
        return None
    printed = [k for k, leaf in enumerate(leaves) if "%" not in leaf]  # "%" figures are dropped by the row reader
    dropped = tuple(j for j, k in enumerate(printed) if change[k])
    kept = tuple(" ".join(head) for head, moved in zip(heads, change) if not moved)
    whole = tuple(k for k, moved in enumerate(change) if moved) if len(printed) < len(leaves) else ()
    return LineHeader(kept, tuple(texts), dropped, len(printed) if dropped else 0, len(leaves) if whole else 0, whole)


def _leaf_unit(text: str) -> bool:
    """A currency or a "%" heading a column under a band ("$" / "%" under "Change")."""
    return bool(_UNIT_RE.fullmatch(text.strip())) or text.strip() == "%"


def _dividing_rows(upper: int, leaves: int) -> tuple[int, ...] | None:
    """The lengths of the fewest rows (three at most) of `upper` cells, each longer than the one
    before, its length a divisor of the next one's (of `leaves` for the last): None when there are
    none, or several of the fewest."""
    found: list[tuple[int, ...]] = []

    def extend(rows: tuple[int, ...], left: int) -> None:
        if left == 0:
            if rows and leaves % rows[-1] == 0:
                found.append(rows)
            return
        for length in range(rows[-1] + 1 if rows else 1, left + 1):
            if (not rows or length % rows[-1] == 0) and len(rows) < 3:
                extend((*rows, length), left - length)

    extend((), upper)
    if not found:
        return None
    fewest = min(map(len, found))
    best = [rows for rows in found if len(rows) == fewest]
    return best[0] if len(best) == 1 else None


def _unit_row(texts: list[str]) -> int:
    """How many cells a last row of units under the columns has ("USD" / "USD" / "% Change"), as
    many as the cells over them naming years; 0 when the header has no such row."""
    k = 0
    while k < len(texts) and is_unit(texts[-1 - k]):
        k += 1
    if k < 2 or 2 * k > len(texts) or all(is_change(t) for t in texts[-k:]) or not any(map(is_change, texts[-k:])):
        return 0
    return k if all(names_year(t) for t in texts[-2 * k : -k]) else 0


def _headings(texts: list[str]) -> tuple[str, ...] | None:
    year = [names_year(t) and not is_change(t) for t in texts]
    change = [is_change(t) for t in texts]
    if True not in year:
        return None
    first = year.index(True)
    top, bottom = texts[:first], texts[first:]
    leaves_only = all(year[k] or change[k] for k in range(first, len(texts)))
    if top and leaves_only and any(change[first:]) and len(top) == len(bottom):
        return tuple(f"{band} {leaf}" for band, leaf, k in zip(top, bottom, range(first, len(texts))) if not change[k])
    if (len(top) > 1 and leaves_only and not any(change) and len({" ".join(t.lower().split()) for t in top}) == 1
            and not any(_LENGTH_RE.search(t) for t in bottom)):
        # "Three months ended" twice over dates: however the columns are shared out, each has it
        return tuple(f"{top[0]} {leaf}" for leaf in bottom)
    kept = len(bottom) - sum(change[first:])
    if top and leaves_only and len(top) == sum(change[first:]) and kept % len(top):
        # bands over the change columns alone: as many, and they cannot be shared out over the others
        return tuple(leaf for leaf, k in zip(bottom, range(first, len(texts))) if not change[k])
    return _bands_over_years(texts)


def _over_years(texts: list[str] | tuple[str, ...]) -> tuple[list[str], list[str]]:
    """The header cells before a last row of bare years, and those years."""
    last = len(texts)
    while last > 0 and YEAR_RE.fullmatch(texts[last - 1].strip()):
        last -= 1
    return list(texts[:last]), list(texts[last:])


def _bands_over_years(texts: list[str]) -> tuple[str, ...] | None:
    row, leaves = _over_years(texts)
    if not leaves or any(map(is_change, row)):
        return None
    whole = [names_year(t) for t in row]
    bands = whole.count(False)
    if not bands or bands == len(row) or len(leaves) % bands:
        return None
    width, used, columns = len(leaves) // bands, 0, []
    for text, named in zip(row, whole):
        if named:
            columns.append(text)
        else:
            columns += [f"{text} {leaf}" for leaf in leaves[used : used + width]]
            used += width
    return tuple(columns)


def stacked_headings(texts: tuple[str, ...]) -> tuple[str, ...] | None:
    """Rows of header cells of the same width over a last row of years, each cell over the
    same share of the years ("Year" / "Three months" / "ended" / "ended" / "December 31," /
    "December 31," over four years: "Year ended December 31," over the first two): for a header
    whose words do not read as flattened text. The widest such rows, two of them at least."""
    row, leaves = _over_years([t for t in texts if not FILLER_ONLY_RE.match(t) or t.strip().lower() in ("ended", "ending")])
    if not leaves or not row or any(map(is_change, row)) or any(map(names_year, row)):
        return None
    widths = [w for w in range(2, len(leaves) + 1) if len(row) % w == 0 and len(leaves) % w == 0 and len(row) // w >= 2]
    if not widths:
        return None
    width = max(widths)
    bands = [" ".join(row[k] for k in range(j, len(row), width)) for j in range(width)]
    share = len(leaves) // width
    return tuple(f"{bands[k // share]} {leaf}" for k, leaf in enumerate(leaves))

