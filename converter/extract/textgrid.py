"""A fixed-width text table region -> a Grid of GCells, read by grid.py like HTML tables.

    text_grid(lines, start, stop, header_end=None) -> TextTable | None

The region lines[start:stop] holds a table printed with spaces (with or without EDGAR SGML
tags, which edgar.py has blanked). Each line is cut into segments (runs of text set apart by
two or more spaces; dot leaders are spaces). Read from the right, a line's segments are
values ("1,234", "(56)", "$ 6,509,000", "--"), change figures ("-2%", "NA"), `$` signs and
rules ("-----"); what is left of them is the row label.

Physical columns: column 0 is the label; the others are the character spans of the values of
the body rows (spans that overlap, row after row, are one column: right-aligned numbers of
different widths overlap). A change figure gets its own column, so "% change" columns are
dropped by the grid reader as in HTML.

Header band: the lines above the first body row (or, in an SGML table, above the <S> line)
that print periods: each segment becomes a cell over the columns it overlaps; a segment
underlined by a dash run on a later header line spans the run ("Three Months Ended" over
"----------" over two year columns); a duration segment ("Nine Months Ended") that overlaps
no column takes the nearest one, and columns under no duration segment of a duration line
take the nearest such segment. Text in the label area of header lines ("(in 000s, except
share data)") is kept as one caption (scale). Label-area lines above the header are captions
(title candidates). Headings (label-only lines) after the header start the body.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field, replace

from .cells import FOREIGN_SIGN_ALONE, dollar_after_label, figure_segments, is_rule, split_values, trailing_figure
from .dates import MONTHDAY_RE, YEAR_RE
from .grid import GCell, Grid, header_cell
from .headers import bare_length, is_header_text, names_length
from .reader import Line

_SEG_RE = re.compile(r"\S+(?: \S+)*")
_LEADER_RE = re.compile(r"(?:\s?\.){3,}\s*$|(?:\s?\.){3,}(?=\s)")
_PCT_RE = re.compile(r"^[-+(]?\s*\d[\d,]*(?:\.\d+)?\s*(?:%\)?|\)%)$|^(?:n/?a|n/?m|nmf?|\*+)$", re.I)
_YEAR_ONLY_RE = re.compile(r"^(?:19|20)\d\d\*?$")
_VALUE_MARK_RE = re.compile(r"^(.*[\d)])\*{1,3}$")
_HEADER_MARK_RE = re.compile(r"(?<=\d)\s*(?:\*+|\(\d\)|\([a-z]\))$")
_STRAY_SPACE_RE = re.compile(r"(\d) (,\d{3})")
_NUMERIC_DATE_RE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/])")
_DAY_COMMA_YEAR_RE = re.compile(r"(\b[A-Za-z]{3,9}\.?\s+\d{1,2}),((?:19|20)\d\d)\b")


@dataclass
class _Tok:
    start: int
    end: int
    text: str
    kind: str  # "value", "pct", "dollar", "rule"


@dataclass
class _Line:
    index: int
    line: Line
    label: str = ""
    label_start: int = 0
    label_end: int = 0
    toks: list[_Tok] = field(default_factory=list)
    segs: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def values(self) -> list[_Tok]:
        return [t for t in self.toks if t.kind in ("value", "pct")]


@dataclass
class TextTable:
    grid: Grid
    captions: list[tuple[str, Line, int]]  # label-area lines above the header: text, line, index
    first_body: int  # index in lines of the first body row


def parse_line(index: int, line: Line) -> _Line:
    """A line cut into its label and its value, change, `$` and rule tokens."""
    text = _LEADER_RE.sub(lambda m: " " * len(m[0]), line.text.replace("\t", " "))
    segs = figure_segments([(m.start(), m.end(), m[0]) for m in _SEG_RE.finditer(text)])
    out = _Line(index, line, segs=segs)
    rest = list(segs)
    toks: list[_Tok] = []
    while rest:
        start, end, seg = rest[-1]
        if seg in ("$", "US$"):
            toks.append(_Tok(start, end, seg, "dollar"))
        elif toks and toks[-1].kind == "value" and (cut := dollar_after_label(seg)) is not None:
            toks.append(_Tok(start + cut, end, seg[cut:], "dollar"))
            rest[-1] = (start, start + cut - 1, seg[: cut - 1])
            continue
        elif toks and toks[-1].kind == "value" and FOREIGN_SIGN_ALONE.fullmatch(seg):
            toks[-1].text = f"{seg} {toks[-1].text}"  # "€    340": the sign stays with its figure
        elif is_rule(seg):
            toks.append(_Tok(start, end, seg, "rule"))
        elif _PCT_RE.match(seg):
            toks.append(_Tok(start, end, seg, "pct"))
        else:
            marked = _VALUE_MARK_RE.match(seg)  # "0.37*": a value with a footnote mark
            if marked and split_values(marked[1]) == [(0, len(marked[1]))]:
                toks.append(_Tok(start, start + len(marked[1]), marked[1], "value"))
                rest.pop()
                continue
            spans = split_values(seg)
            if spans is None and _STRAY_SPACE_RE.search(seg):  # "4,180 ,000": a stray space in a number
                joined = _STRAY_SPACE_RE.sub(r"\1\2", seg)
                if split_values(joined) == [(0, len(joined))]:
                    toks.append(_Tok(start, end, joined, "value"))
                    rest.pop()
                    continue
            if spans is None:
                pieces = _pieces(start, seg)  # "37% $" : a change figure and a `$` one space apart
                if pieces is None:
                    break
                toks.extend(reversed(pieces))
                rest.pop()
                continue
            for lo, hi in reversed(spans):
                piece = seg[lo:hi]
                lead = len(piece) - len(piece.lstrip())
                toks.append(_Tok(start + lo + lead, start + hi, piece.strip(), "value"))
        rest.pop()
    out.toks = toks[::-1]
    if rest:
        out.label_start, out.label_end = rest[0][0], rest[-1][1]
        out.label = " ".join(text[rest[0][0] : rest[-1][1]].split())
    return out


def _label_overflow(row: _Line, cols: list[list[int]]) -> None:
    """A label too long for its column runs into the first figure, one space apart ("Total
    liabilities and shareholders' investment $ 1,500   $ 1,350"): when the row's figures fill
    every value column but the first, and the label ends in a figure reaching past the first
    column's start, that figure is the first column's value."""
    found = trailing_figure(row.label)
    if found is None or not cols or len(row.values) != len(cols) - 1 or row.label_end <= cols[0][0]:
        return
    taken = {i for t in row.values for i in _cover(cols, t.start, t.end)}
    if taken != set(range(1, len(cols))):
        return
    row.label = found[0]
    row.toks.insert(0, _Tok(cols[0][0], cols[0][1], found[1], "value"))


def _pieces(start: int, seg: str) -> list[_Tok] | None:
    """Tokens of a segment whose space-separated words are each a value, change figure or `$`."""
    out = []
    for m in re.finditer(r"\S+", seg):
        word, a, b = m[0], start + m.start(), start + m.end()
        if word in ("$", "US$"):
            out.append(_Tok(a, b, word, "dollar"))
        elif _PCT_RE.match(word):
            out.append(_Tok(a, b, word, "pct"))
        elif split_values(word) == [(0, len(word))]:
            out.append(_Tok(a, b, word, "value"))
        else:
            return None
    return out


def _is_year_row(row: _Line) -> bool:
    vals = [t for t in row.toks if t.kind == "value"]
    return bool(vals) and all(_YEAR_ONLY_RE.match(t.text) for t in vals)


def is_body(row: _Line) -> bool:
    """A row with a label and values, not a header line like "(unaudited)   (1)" or "2004  2003"."""
    return bool(row.values) and bool(row.label) and not header_cell(row.label) and not _is_year_row(row)


def _columns(rows: list[_Line]) -> list[list[int]]:
    spans = sorted((t.start, t.end) for row in rows for t in row.toks if t.kind in ("value", "pct"))
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return merged


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return min(a1, b1) - max(a0, b0)


def _nearest(cols: list[list[int]], a: int, b: int) -> int:
    center = (a + b) / 2
    return min(range(len(cols)), key=lambda i: abs((cols[i][0] + cols[i][1]) / 2 - center))


def _cover(cols: list[list[int]], a: int, b: int) -> list[int]:
    return [i for i, (c0, c1) in enumerate(cols) if _overlap(a, b, c0, c1) > 0]


def text_grid(lines: list[Line], start: int, stop: int, header_end: int | None = None) -> TextTable | None:
    """The grid of a text table region, or None when it has no body rows."""
    parsed = [parse_line(i, lines[i]) for i in range(start, stop)]
    _numbers_in_labels(parsed)
    first = header_end - start if header_end is not None and header_end > start else None
    if first is None:
        first = next((k for k, row in enumerate(parsed) if is_body(row)), None)
    else:
        first = next((k for k, row in enumerate(parsed) if k >= first and (row.values or row.label)), first)
    if first is None:
        return None
    if header_end is None:  # label-only lines under the last header line are body headings
        first = _after_header(parsed, first)
    body = parsed[first:]
    cols = _columns([row for row in body if row.values and not _is_year_row(row)])
    if not cols:
        return None
    value_start = cols[0][0]
    grid = Grid()
    captions: list[tuple[str, Line, int]] = []
    label_area: list[GCell] = []
    header_rows = _header_rows(parsed[:first], cols, value_start, captions, label_area)
    grid.header = header_rows
    if label_area:
        first_cell = label_area[0]
        grid.captions.append(GCell(" ".join(c.text for c in label_area), first_cell.line, first_cell.col, 0, 0))
    _repeat_stems(body)
    for row in body:
        _label_overflow(row, cols)
    grid.body = [_body_row(row, cols) for row in body]
    _drop_superseded(grid)
    return TextTable(grid, captions, start + first)


def _numbers_in_labels(rows: list[_Line]) -> None:
    """A line holding only a number printed left of every value column, inside the label column
    ("30,000,000" on its own line of a label wrapped word by word: "Common stock, $1.00 par
    value;" / "30,000,000" / "shares authorized"), is a piece of that label, not a row of values.
    The value columns start where the labelled rows' first values start (the second leftmost,
    so that one odd row does not move them)."""
    starts = sorted(min(t.start for t in row.values) for row in rows if is_body(row))
    if len(starts) < 2:
        return
    left = starts[1]
    for row in rows:
        if row.label or not row.toks or any(t.end > left for t in row.toks):
            continue
        if any(t.kind == "rule" for t in row.toks):
            continue
        row.label_start = row.toks[0].start
        row.label = " ".join(row.line.text[row.label_start : row.toks[-1].end].split())
        row.toks = []


_SUPERSEDED_RE = re.compile(r"\b(?:as\s+)?previously\s+reported\b|\bas\s+originally\s+reported\b", re.I)


def _drop_superseded(grid: Grid) -> None:
    """Columns headed "As previously reported" (beside "As restated") hold superseded figures:
    their header and body cells are dropped. The words may stand on separate header lines."""
    texts: dict[int, list[str]] = {}
    for row in grid.header:
        for cell in row:
            if cell.lo == cell.hi:
                texts.setdefault(cell.lo, []).append(cell.text)
    gone = {col for col, words in texts.items() if _SUPERSEDED_RE.search(" ".join(words))}
    if not gone:
        return
    grid.header = [[c for c in row if not (c.lo == c.hi and c.lo in gone)] for row in grid.header]
    grid.body = [[c for c in row if not (c.lo > 0 and c.lo == c.hi and c.lo in gone)] for row in grid.body]


def _spelled_date(match: re.Match[str]) -> str:
    """ "3/31/05" -> "March 31, 2005" (month first, as EDGAR filers print; 2-digit years < 50 are 20xx)."""
    month, day, year = int(match[1]), int(match[2]), int(match[3])
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        return match[0]
    if year < 100:
        year += 2000 if year < 50 else 1900
    return f"{calendar.month_name[month]} {day}, {year}"


def _repeat_stems(rows: list[_Line]) -> None:
    """A label printed as "- Diluted" under "Net income per share - Basic" repeats the stem
    above it: "Net income per share - Diluted"."""
    stem = ""
    for row in rows:
        if not row.label:
            continue
        if row.label.startswith("- ") and stem:
            row.label = f"{stem} {row.label}"
        elif " - " in row.label:
            stem = row.label.rsplit(" - ", 1)[0]
        else:
            stem = ""


def _after_header(rows: list[_Line], first: int) -> int:
    """The first body line: after the last line above `first` that prints period headers or a rule."""
    value_start = min((t.start for t in rows[first].values), default=0)
    for k in range(first - 1, -1, -1):
        row = rows[k]
        if not row.segs:
            continue
        if all(is_rule(s[2]) for s in row.segs) or any(s[1] > value_start for s in row.segs):
            return k + 1
    return first


def _caption_only(segs: list[tuple[int, int, str]]) -> bool:
    """A line of one text of three words or more that names no period: a title or company line."""
    if len(segs) != 1:
        return False
    text = segs[0][2]
    return len(text.split()) >= 3 and not is_header_text(text) and not header_cell(text)


def _header_rows(rows: list[_Line], cols: list[list[int]], value_start: int,
                 captions: list[tuple[str, Line, int]], label_area: list[GCell]) -> list[list[GCell]]:
    out: list[list[GCell]] = []
    lines_segs: list[tuple[_Line, list[list[int | str]]]] = []
    rule_rows = [bool(row.segs) and all(is_rule(s[2]) for s in row.segs) for row in rows]
    next_rule: list[_Line | None] = [None] * len(rows)  # the first rule line below each row, in one pass
    following: _Line | None = None
    for k in range(len(rows) - 1, -1, -1):
        next_rule[k] = following
        if rule_rows[k]:
            following = rows[k]
    for k, row in enumerate(rows):
        if not row.segs:
            continue
        if rule_rows[k]:
            continue
        in_values = [s for s in row.segs if s[1] > value_start - 1]
        if not in_values or _caption_only(row.segs):  # title, company, scale, dateline
            text = " ".join(row.line.text.split())
            # a period length on its own line at the margin above the header ("13 Weeks Ended"
            # over "January 28,  January 29," / "2023  2022") is stated for its years, like the
            # label-area text beside the header
            if not lines_segs and not (bare_length(text) and is_header_text(text)):
                captions.append((text, row.line, row.index))
            else:
                label_area.append(GCell(text, row.line.number, row.line.col(row.segs[0][0]), 0, 0))
            continue
        segs: list[list[int | str]] = []
        lengths_right = any(names_length(s[2]) and not YEAR_RE.search(s[2]) for s in in_values)
        for a, b, text in row.segs:
            if b <= value_start - 1 and lengths_right and names_length(text) and not YEAR_RE.search(text):
                # a period length printed at the left margin, another further right ("Three Months
                # Ended   ...   Twelve Months Ended", a text dump of a colspan over the label
                # column): it heads the first value columns, up to the other one
                segs.append([value_start, value_start, text, a])
                continue
            if b <= value_start - 1:
                label_area.append(GCell(text, row.line.number, row.line.col(a), 0, 0))
                continue
            a2, b2 = _underline(next_rule[k], a, b, row.segs)
            segs.append([a2, b2, text, a])
        lines_segs.append((row, segs))
    for row, segs in lines_segs:
        cells: list[GCell] = []
        covered: set[int] = set()
        placed: list[tuple[list[int], str, int]] = []
        for a, b, text, orig in segs:  # type: ignore[misc]
            hits = _cover(cols, a, b) or [_nearest(cols, a, b)]
            placed.append((hits, text, orig))
            covered.update(hits)
        lengths = [k for k, (_, text, _) in enumerate(placed)
                   if names_length(text) or (MONTHDAY_RE.search(text) and not YEAR_RE.search(text))]
        if lengths:
            _fill_uncovered(placed, lengths, covered, len(cols))
        for hits, text, orig in placed:
            text = _NUMERIC_DATE_RE.sub(_spelled_date, _DAY_COMMA_YEAR_RE.sub(r"\1, \2", text))
            text = _HEADER_MARK_RE.sub("", text) or text  # "June 30, 2002*": a footnote mark
            cells.append(GCell(text, row.line.number, row.line.col(orig), min(hits) + 1, max(hits) + 1))
        if cells:
            out.append(cells)
    return _in_order(out, len(cols))


def _fill_uncovered(placed: list[tuple[list[int], str, int]], lengths: list[int], covered: set[int], n: int) -> None:
    """Give each of the n columns no cell of a header line lies over to the nearest period
    length of the line (`lengths`: indexes into `placed`): "Three Months Ended" centred over two
    years reaches one of them. Not when another header of the line is nearer ("QUARTERLY TRENDS"
    over the quarter codes beside "SIX MONTHS ENDED" over the years: the quarters are no part of
    the six months). Distances are measured from the columns each cell lies over, not from those
    given here (a length given the columns up to one beside another length would win it a tie)."""
    over = [list(hits) for hits, _, _ in placed]
    others = [k for k in range(len(placed)) if k not in lengths]
    for col in range(n):
        if col in covered:
            continue
        distance = [min(abs(col - h) for h in hits) for hits in over]
        best = min(lengths, key=distance.__getitem__)
        if not others or distance[best] <= min(distance[k] for k in others):
            placed[best][0].append(col)


def _in_order(rows: list[list[GCell]], n: int) -> list[list[GCell]]:
    """Header rows whose text lies off the value columns (a renderer that centres a year over a
    cell spanning the `$` and the figure): a last row of n year cells over n value columns,
    two of them on one column, gives the i-th year to the i-th column; a row of k lengths above
    years that repeat one pattern k times ("2025 2024 2025 2024" under "Three Months Ended" and
    "Six Months Ended") gives the i-th length the i-th group of n/k columns."""
    if not rows:
        return rows
    years = rows[-1]
    if (len(years) != n or not all(_YEAR_ONLY_RE.match(c.text) for c in years)
            or len({c.lo for c in years}) == n):
        return rows
    placed = [replace(c, lo=i + 1, hi=i + 1) for i, c in enumerate(years)]
    pattern = [c.text for c in placed]
    out = []
    for row in rows[:-1]:
        k = len(row)
        if (k > 1 and n % k == 0 and all(names_length(c.text) for c in row)
                and pattern == pattern[: n // k] * k):
            width = n // k
            row = [replace(c, lo=i * width + 1, hi=(i + 1) * width) for i, c in enumerate(row)]
        out.append(row)
    return out + [placed]


def _underline(rule: _Line | None, a: int, b: int, segs: list[tuple[int, int, str]]) -> tuple[int, int]:
    """The span of the dash run under a header segment on the next rule line below it (`rule`),
    when that run underlines this segment alone (a run under the whole header line is ignored)."""
    if rule is None:
        return a, b
    for m in re.finditer(r"[-=_]{3,}", rule.line.text):
        r0, r1 = m.start(), m.end()
        if _overlap(a, b, r0, r1) > 0:
            if sum(1 for s0, s1, _ in segs if _overlap(s0, s1, r0, r1) > 0) > 1:
                return a, b
            return min(a, r0), max(b, r1)
    return a, b


def _body_row(row: _Line, cols: list[list[int]]) -> list[GCell]:
    line = row.line
    cells: list[GCell] = []
    if row.label:
        cells.append(GCell(row.label, line.number, line.col(row.label_start), 0, 0, indent=row.label_start))
    pending: _Tok | None = None
    for tok in row.toks:
        if tok.kind == "dollar":
            pending = tok
            continue
        if tok.kind == "rule":
            hits = _cover(cols, tok.start, tok.end) or [_nearest(cols, tok.start, tok.end)]
            cells.append(GCell(tok.text, line.number, line.col(tok.start), min(hits) + 1, min(hits) + 1))
            continue
        hits = _cover(cols, tok.start, tok.end)
        slot = max(hits, key=lambda i: _overlap(tok.start, tok.end, *cols[i])) if hits else _nearest(cols, tok.start, tok.end)
        if pending is not None:
            cells.append(GCell("$", line.number, line.col(pending.start), slot + 1, slot + 1))
            pending = None
        cells.append(GCell(tok.text, line.number, line.col(tok.start), slot + 1, slot + 1))
    return cells
