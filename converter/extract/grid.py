"""Tables given as grids of cells (HTML tables, markdown pipe tables) -> Statements.

A grid is a list of rows; each row a list of GCells with the physical columns they cover
(`lo`..`hi`, from colspans). The table is split into caption rows (a title, company name or
scale line inside the table), header rows (periods, "(Unaudited)", "% Change") and body rows.
Body cells are merged back into printed values: a `$` standing in its own cell joins the
number after it, a `)` (or `)%`, `%`) in its own cell joins the number before it. Values are
placed in the value columns given by the last header row naming years; columns headed
"change", "%", "vs." or "increase (decrease)" are dropped, and so is any value printed with %.
Rows are then handed to the same code as the text layouts (`assemble`, `resolve_periods`,
`parse_scale`), so headings, sections, wrapped labels, totals and label facts are shared.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from converter.errors import ExtractionError
from converter.model import CellKind, Period, RuleKind, SourceRef, Statement, StatementKind

from .assemble import assemble
from .cells import FOREIGN_SIGN_ALONE, heavier, is_rule, parse_cell, rule_kind
from .bands import JOINED_LENGTHS_RE, BandCell, band_segments, interleaved_segments, stated_segments
from .headers import (DURATION_RE, Seg, bare_length, date_runs, foreign_currency, heads_in_order, is_header_text,
                      is_period_text, names_length, names_year, parse_scale, resolve_periods)
from .layout import RawCell, Row
from .dates import AND_YEAR_RE, DATE_RE, MONTHDAY_RE, YEAR_RE
from .titles import TITLE_IN_TEXT_RE

_MARK = r"(?:\((?:\d{1,2}|[a-z])\)|\*{1,3}|[†‡§¹²³⁴⁵⁶⁷⁸⁹])"
_LABEL_MARK_RE = re.compile(rf"(?:\s*{_MARK})+\s*$")
_VALUE_MARK_RE = re.compile(rf"^(?P<value>.*?)\s*{_MARK}+$")
CHANGE_RE = re.compile(
    r"%|\bchange\b|\bvariance\b|\bincrease\b|\bdecrease\b|\bvs\.?(?!\w)|\bversus\b|\bpercent(?:age)?\b"
    r"|\bB\s*/\s*\(?W\)?|\bfav(?:orable)?\s*/\s*\(?unfav(?:orable)?\)?|\bbetter\s*/\s*\(?worse\)?", re.I)
SCALE_RE = re.compile(
    r"\(?[^()]{0,40}?\bin\s+(?:thousands|millions|billions)\b[^()]{0,80}\)?"
    r"|\(?\s*(?:in\s+)?(?:\$|us\$|dollars|amounts|[€£¥]|(?-i:[A-Z]{3}))\s*(?:in\s+)?(?:000s|000's|thousands?|millions?|billions?)\b[^()]{0,80}\)?"  # "($ million)", "(PLN thousands)"
    r"|\(?[^()]{0,40}?\bin\s+\$?000'?s\b[^()]{0,80}\)?"
    r"|\(\s*(?:thousands|millions|billions)\s+of\s+(?:u\.?s\.?\s+|[a-z]+\s+)?(?:dollars\b|\$)[^()]{0,80}\)"  # "(millions of dollars)", "(thousands of Canadian $)"
    # a header cell opening with the scale: "Millions, except per share amounts, for the three months ended"
    r"|^\s*(?:thousands|millions|billions)(?:,\s*except\s[^,()]{0,60})?(?=,|\s*$)"
    r"|\(\s*\$?\s*000'?s?\s+omitted\s*\)|\(\s*\$?\s*000'?s\s*\)"  # "(000's omitted)", "(000s)"
    r"|\(?[^()]{0,40}?[A-Za-z$€£¥]\s*['’]\s*000'?s?\b[^()]{0,80}\)?",  # "(In EUR'000s)", "US$'000", "RMB’000"
    re.I,
)
# words of column-group headings that name no period by themselves ("QUARTERLY TRENDS", "FULL YEAR")
_GROUP_RE = re.compile(
    r"\b(?:quarterly|trends?|full[\s-]+year|year[\s-]+to[\s-]+date|ytd|as\s+of|ended|ending|months?|years?|quarters?"
    r"|weeks?|periods?|fiscal|actual|reported|unaudited|audited)\b",
    re.I,
)
FILLER_ONLY_RE = re.compile(r"^[\s(]*(?:(?:un)?audited|as\s+of|ended|restated|actual|reported|successor|predecessor)[\s)]*$", re.I)
_COLUMN_NAME_RE = re.compile(r"^\W*(?:descriptions?|items?|line\s+items?|particulars|captions?|accounts?)\W*$", re.I)
_CLOSERS = {")", ")%", "%", ")*", "%)"}
_UNIT_HEADS = {"$", "%", "$/bps", "bps", "US$"}  # unit heads of change columns ("Change" over "$" and "%")


@dataclass
class GCell:
    """One table cell: its text (whitespace collapsed), where the text is, physical columns."""

    text: str
    line: int
    col: int
    lo: int
    hi: int
    bold: bool = False  # all of the text is bold (an outermost heading when the row has no values)
    indent: int | None = None  # fixed-width text only: the character column the text starts at
    rule_under: RuleKind | None = None  # HTML: the cell's bottom border (a rule under the figure)
    rule_over: RuleKind | None = None  # HTML: the cell's top border


@dataclass
class Tok:
    text: str
    cell: GCell  # the cell holding the number (not the `$` or `)` cell)
    kind: str = "text"  # "value", "pct", "rule" or "text"


@dataclass
class Grid:
    captions: list[GCell] = field(default_factory=list)  # title/company/scale rows inside the table
    header: list[list[GCell]] = field(default_factory=list)
    body: list[list[GCell]] = field(default_factory=list)
    # a pipe table: its cells need not line up with its headers (converters drop colspans), so a
    # row of one figure per period whose figures collide under one column is read in order
    figures_in_order: bool = False

    def value_rows(self) -> int:
        return sum(1 for row in self.body if any(t.kind == "value" for t in row_tokens(row)[1]))

    def scale_texts(self) -> list[str]:
        texts = [c.text for c in self.captions] + [c.text for row in self.header for c in row]
        return [m[0] for t in texts for m in [SCALE_RE.search(t)] if m]


def clean_label(text: str) -> str:
    """A row label without footnote markers ("Revenue (1)", "Net loss*")."""
    return _LABEL_MARK_RE.sub("", " ".join(text.split())).strip()


def clean_value(text: str) -> str:
    """A value cell's text without footnote markers ("1,234 (a)", "(56)*")."""
    text = " ".join(text.replace("\u2212", "-").split())
    if parse_cell(text) is not None:
        return text
    match = _VALUE_MARK_RE.match(text)
    if match and match["value"] and parse_cell(match["value"]) is not None:
        return match["value"]
    return text


# a row label naming what changed ("Increase in inventories", "(Increase) decrease in
# receivables", "Change in fair value"), not a change column's header ("Increase (Decrease)")
_CHANGE_IN_RE = re.compile(r"\b(?:increases?|decreases?|changes?)\)?\s+(?:in|of)\s+(?!prior\b|last\b|previous\b)[a-z]",
                           re.I)


def header_cell(text: str) -> bool:
    """A cell that can stand in a column header row."""
    text = text.strip()
    return (is_header_text(text) or bool(SCALE_RE.search(text)) or bool(FILLER_ONLY_RE.match(text))
            or (bool(CHANGE_RE.search(text)) and len(text) < 40 and not _CHANGE_IN_RE.search(text)))


def _kind(text: str) -> str:
    if is_rule(text):
        return "rule"
    if text.endswith("%") and text != "%" and parse_cell(text.rstrip("%").rstrip()) is not None:
        return "pct"
    parsed = parse_cell(text)
    if parsed is not None and parsed.kind is not CellKind.BLANK:
        return "value"
    if re.fullmatch(r"n/?m|n/?a|nm|\*+", text, re.I):
        return "pct"  # "not meaningful" in a change column
    return "text"


_UNCLOSED_RE = re.compile(r"^\(\s*\$?\s*\d[\d,]*(?:\.\d+)?$")


def row_tokens(row: list[GCell]) -> tuple[list[GCell], list[Tok]]:
    """The label cells (physical column 0 and text before the first value) and the value tokens."""
    label: list[GCell] = []
    toks: list[Tok] = []
    dollar: GCell | None = None
    for cell in row:
        text = cell.text
        if not text:
            continue
        if cell.lo == 0 and not toks:
            label.append(cell)
            continue
        if text in ("$", "US$"):
            dollar = cell
            continue
        if FOREIGN_SIGN_ALONE.fullmatch(text):  # another currency's sign in a cell of its own (see grid_statement)
            continue
        if text in _CLOSERS and toks:
            toks[-1].text += text
            toks[-1].kind = _kind(toks[-1].text)
            continue
        text = clean_value(text)
        if dollar is not None and not text.startswith("$"):
            text = "$ " + text if parse_cell("$ " + text) is not None else text
        dollar = None
        toks.append(Tok(text, cell, _kind(text)))
    for tok in toks:  # "(7,005" whose ")" the rendering lost (no closing cell after it): a negative figure
        if tok.kind == "text" and _UNCLOSED_RE.match(tok.text):
            tok.text += ")"
            tok.kind = _kind(tok.text)
    if toks and all(t.kind == "text" for t in toks) and not any(c.text for c in label):
        return [t.cell for t in toks], []
    while toks and toks[0].kind == "text" and not label:
        label.append(toks.pop(0).cell)
    return label, toks


def split_grid(rows: list[list[GCell]]) -> Grid:
    """Caption rows, header rows and body rows of a table.

    A header row holds only header text in its value columns ("September 30, 2025",
    "Three Months Ended", "(Unaudited)", "% Change", "QUARTERLY TRENDS"). Its label cell may
    hold text ("Assets", "Cash flows from operating activities:"): that text is the first
    heading of the body, kept as a body row of its own; a scale ("(In millions)") or a title
    ("Consolidated Statements of Income") printed there is a caption.

    A header band inside the body starts another table printed in the same HTML table: the
    body ends there, unless the band repeats the first one (a page break in a long table)."""
    grid = Grid()
    stage = "caption"
    for row in rows:
        filled = [c for c in row if c.text]
        if stage != "body":
            filled = _off_the_labels(filled)
        if stage == "body" and filled and _band_row(filled):
            if any(_texts(filled) == _texts(h) for h in grid.header):
                continue
            break
        if stage != "body":
            if not filled:
                continue
            values = [c for c in filled if c.lo > 0]
            if all(header_cell(c.text) for c in filled) and any(
                    c.lo > 0 or is_header_text(c.text) or stage == "header" and SCALE_RE.search(c.text) for c in filled):
                stage = "header"
                grid.header.append(filled)
                # "Millions, except per share amounts, for the three months ended June 30," in the
                # label column: the scale, and the period length the columns below it share
                # or the statement's title printed in the label cell of its header row ("Condensed
                # Consolidated Balance Sheets (in thousands)" beside the dates)
                grid.captions.extend(c for c in filled if c.lo == 0 and (
                    DURATION_RE.search(c.text) or TITLE_IN_TEXT_RE.search(c.text) or _AS_OF_DAY_RE.search(c.text)))
                continue
            if values and (all(header_cell(c.text) for c in values) and (
                    stage == "header" or any(is_period_text(c.text) for c in values)) or _band_row(filled)):
                stage = "header"
                grid.header.append(values)
                labels = [c for c in row if c.lo == 0 and c.text and not _COLUMN_NAME_RE.match(c.text)]
                if any(_caption_text(c.text) for c in labels):
                    grid.captions.extend(labels)
                else:
                    grid.body.append([replace(c, bold=True) for c in labels])  # an outermost heading
                continue
            if stage == "caption" and len(filled) == 1 and not _has_value(filled):
                grid.captions.append(filled[0])
                continue
            stage = "body"
        grid.body.append(row)
    return grid


def _off_the_labels(filled: list[GCell]) -> list[GCell]:
    """A header row's period text standing in the label column heads value columns: a date
    spanning the label column and the first value column (a PDF rendering's `<th colspan="2">
    3/25/2023</th>` over a table of three columns) heads the value column; a period length in
    the label cell of a band row naming another length further right ("| Three Months Ended | | |
    Twelve Months Ended | |", a rendering that lost the colspan) heads the columns up to it."""
    if not filled or filled[0].lo != 0 or not is_period_text(filled[0].text):
        return filled
    first, rest = filled[0], filled[1:]
    if first.hi > 0 and names_year(first.text):
        return [replace(first, lo=1)] + rest
    if not (bare_length(first.text) and rest and all(bare_length(c.text) for c in rest)):
        return filled
    if rest[0].lo > 1:  # the columns up to the next length are the first one's
        return [replace(first, lo=1, hi=max(first.hi, rest[0].lo - 1))] + rest
    # the lengths packed to the left from the label column ("| Three Months Ended | Twelve Months
    # Ended | | | |"): one column right, where the header bands share them among the years below
    return [replace(c, lo=c.lo + 1, hi=c.hi + 1) for c in filled]


def _band_row(filled: list[GCell]) -> bool:
    """A row of a header band: no values right of the label column, and a period, change or
    column-group heading among them ("4Q21", "% Change", "QUARTERLY TRENDS", "One Year")."""
    filled = [c for c in filled if c.text not in _UNIT_HEADS]
    rest = [c for c in filled if c.lo > 0]
    if not rest or any(t.kind in ("value", "pct") and not is_header_text(t.text) for t in row_tokens(filled)[1]):
        return False
    return any(header_cell(c.text) or is_period_text(c.text) or _GROUP_RE.search(c.text) for c in rest)


def _texts(cells: list[GCell]) -> list[str]:
    return [c.text for c in cells if c.lo > 0]


def _caption_text(text: str) -> bool:
    """Label-column text of a header row that is a scale, a title or a period length ("for the
    three months ended June 30,"), not the body's first heading."""
    return bool(SCALE_RE.search(text) or DURATION_RE.search(text) or re.search(r"\bstatements?\s+of\b|\bbalance\s+sheets?\b|income\s+statement"
                                                    r"|\(\s*unaudited\s*\)", text, re.I))


def _has_value(cells: list[GCell]) -> bool:
    return any(_kind(clean_value(c.text)) == "value" for c in cells if c.lo > 0)


def _columns(grid: Grid) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Physical spans of the value columns, and of dropped change columns.

    The value columns are the header cells naming periods one by one ("2025", "September 30,
    2024", "3Q25"), the lowest header row first: a cell of a higher row counts where no lower
    one lies under it ("Year Ended" / "2021", "2020" beside "Fourth Quarter 2021", ...); cells
    under a change heading are dropped ("% Change From" over the periods compared), unless it is
    printed under two or more of them (an "Increase/(Decrease)" band under the years of a
    statement of comprehensive income). Without any, the columns the body's values stand in."""
    named = [(k, c.lo, c.hi) for k, row in enumerate(grid.header) for c in row
             if c.lo > 0 and is_period_text(c.text) and names_year(c.text) and not CHANGE_RE.search(c.text)]
    dropped = [(c.lo, c.hi) for k, row in enumerate(grid.header) for c in row if c.lo > 0 and CHANGE_RE.search(c.text)
               and sum(1 for above, lo, hi in named if above < k and c.lo <= lo and hi <= c.hi) < 2]
    spans: list[tuple[int, int]] = []
    for row in reversed(grid.header):
        for c in row:
            if (c.lo > 0 and is_period_text(c.text) and names_year(c.text) and not CHANGE_RE.search(c.text)
                    and not any(a <= c.lo and c.hi <= b for a, b in dropped)
                    and not any(a <= c.hi and c.lo <= b for a, b in spans)):
                spans.append((c.lo, c.hi))
    if spans:
        return sorted(spans), dropped
    anchors = sorted({t.cell.lo for row in grid.body for t in row_tokens(row)[1] if t.kind == "value"})
    return [(a, a) for a in anchors], dropped


_PARAGRAPH_WINDOW = 6  # paragraphs above a table searched for its header printed as paragraphs
_HEADING_WORDS = 6


def header_from_paragraphs(grid: Grid, paragraphs: list[GCell]) -> None:
    """A table with no header row whose dates are printed as paragraphs right above it (a PDF
    rendering: "January 28, January 29," then "2023 2022", then "Assets", "Current assets:";
    `paragraphs` nearest last): those paragraphs become its header rows, one part per value
    column in order, and the short headings between them and the table its first rows. Nothing
    changes unless every paragraph read so names as many periods as the body has value columns,
    and one names years."""
    anchors = sorted({t.cell.lo for row in grid.body for t in row_tokens(row)[1] if t.kind == "value"})
    window = paragraphs[-_PARAGRAPH_WINDOW:]
    rows, last = [], -1
    for k, para in enumerate(window):
        parts = heads_in_order(para.text, len(anchors))
        if parts:
            rows.append([GCell(text, para.line, para.col, lo, lo) for text, lo in zip(parts, anchors)])
            last = k
    if not any(names_year(c.text) for row in rows for c in row):
        return
    headings = [[replace(p, lo=0, hi=0)] for p in window[last + 1 :]
                if len(p.text.split()) <= _HEADING_WORDS and not re.search(r"\d", p.text)
                and not re.fullmatch(r"\W*unaudited\W*", p.text, re.I)]
    grid.header = rows
    grid.body = headings + grid.body


def value_spans(grid: Grid) -> list[tuple[int, int]]:
    """The physical spans of a grid's value columns, left to right."""
    return _columns(grid)[0]


def _place(lo: int, spans: list[tuple[int, int]], dropped: list[tuple[int, int]]) -> int | None:
    for i, (a, b) in enumerate(spans):
        if a <= lo <= b:
            return i
    if any(a <= lo <= b for a, b in dropped):
        return None
    best = min(range(len(spans)), key=lambda i: min(abs(spans[i][0] - lo), abs(spans[i][1] - lo)))
    return best


def grid_periods(grid: Grid, kind: StatementKind, where: str
                 ) -> tuple[list[tuple[int, int]], list[tuple[int, int]], tuple[Period, ...]]:
    """The value columns' spans, the dropped change columns' spans, and each value column's Period.

    Under a change header, a column whose period repeats an earlier column's is a change
    column ("4Q21 change from" over "3Q21   4Q20" beside the quarters' own columns, in a text
    rendering where the header's words do not reach over every column they head)."""
    spans, dropped, periods = _grid_periods(grid, kind, where)
    if len(set(periods)) == len(periods) or not any(CHANGE_RE.search(c.text) for row in grid.header for c in row):
        return spans, dropped, periods
    kept: list[int] = []
    for i, period in enumerate(periods):
        if period in periods[:i]:
            dropped.append(spans[i])
        else:
            kept.append(i)
    return [spans[i] for i in kept], dropped, tuple(periods[i] for i in kept)


def _grid_periods(grid: Grid, kind: StatementKind, where: str
                  ) -> tuple[list[tuple[int, int]], list[tuple[int, int]], tuple[Period, ...]]:
    if not grid.header:
        raise ExtractionError("statement has no column headers", where=where, code="xc:noColumnHeaders")
    spans, dropped = _columns(grid)
    runs = date_runs(_column_dates(grid, spans))
    segs: list[list[Seg]] = []
    for row in grid.header:
        band = [BandCell(cell.text, cell.lo, cell.hi, is_period_text(cell.text)) for cell in row
                if not any(a <= cell.lo and cell.hi <= b for a, b in dropped)
                and not SCALE_RE.fullmatch(cell.text)]
        interleaved = interleaved_segments(band, spans)  # the label column's text counts there
        segs.append(interleaved if interleaved is not None else
                    band_segments([c for c in band if c.hi > 0], spans, _exact(grid, row, spans), runs))
    first = next((c for row in grid.header for c in row), None)
    header_where = f"{where.rsplit(':', 1)[0]}:{first.line}" if first else where
    if dated := _stated_dates(grid, spans):
        segs = [dated] + segs  # "AS OF SEPTEMBER 30, 2025 AND DECEMBER 31, 2024" over "2025  2024"
    elif kind is StatementKind.BALANCE_SHEET and (day := _stated_day(grid, spans)):
        segs = [day] + segs  # "Amounts in millions; as of June 30" beside "2025  2024"
    stated = _stated_duration(grid)
    if stated is not None and spans and not any(names_length(c.text) for row in grid.header for c in row):
        # a header of dates alone under a stated length ("12 Weeks Ended" printed above the table):
        # the length is the header's, not a guess from the dates (a fiscal year end is not a year)
        segs = [stated_segments(stated, len(spans))] + segs
        stated = None
    try:
        return spans, dropped, resolve_periods(segs, len(spans), kind, header_where)
    except ExtractionError:
        if not spans:
            raise
        if stated is not None:
            shared = [Seg(stated, 0, len(spans) - 1)]  # over every column, ahead of the header's own text
            return spans, dropped, resolve_periods([shared] + segs, len(spans), kind, header_where)
        widened = [_widened(line, len(spans)) for line in segs]
        if widened == segs:
            raise
        return spans, dropped, resolve_periods(widened, len(spans), kind, header_where)


def _stated_dates(grid: Grid, spans: list[tuple[int, int]]) -> list[Seg]:
    """The dates a statement's title states ("As of September 30, 2025 and December 31, 2024",
    "Thirteen Weeks Ended November 2, 2024 and October 28, 2023") over its columns headed by
    years alone: one date per column in order, each of its column's year; else each over the
    column of its year, when every column's year is stated once."""
    if any(MONTHDAY_RE.search(c.text) for row in grid.header for c in row):
        return []
    stated, more_years = [], []
    for c in grid.captions:
        for m in DATE_RE.finditer(c.text):
            stated.append((m[0], m["year"]))
            if (more := AND_YEAR_RE.match(c.text, m.end())):  # "At December 31, 2025 and 2024": the first's day
                more_years.append((f"{m['month']} {m['day']}, {more['year']}", more["year"]))
    stated = list(dict.fromkeys(stated + more_years))  # a caption read twice states its dates once
    years = _column_dates(grid, spans)
    if len(stated) == len(years) > 1 and all(y == year.strip() for (_, y), year in zip(stated, years)):
        return [Seg(text, k, k) for k, (text, _) in enumerate(stated)]
    out = []
    for k, year in enumerate(years):
        found = [text for text, y in stated if YEAR_RE.fullmatch(year.strip()) and y == year.strip()]
        if len(found) != 1:
            return []
        out.append(Seg(found[0], k, k))
    return out


# the day of the year a balance sheet's columns of years are at, stated in the label column
# beside them or over them: "Amounts in millions except stated values; as of June 30"
_AS_OF_DAY_RE = re.compile(rf"\b(?:as\s+of|at)\s+(?P<md>{MONTHDAY_RE.pattern})(?!\s*,?\s*(?:19|20)\d\d)", re.I)


def _stated_day(grid: Grid, spans: list[tuple[int, int]]) -> list[Seg]:
    """Each column of a balance sheet headed by a year alone, at the day the label column states:
    one date per column; else none."""
    found = next((m for c in grid.captions if (m := _AS_OF_DAY_RE.search(c.text))), None)
    years = _column_dates(grid, spans)
    if found is None or not years or not all(YEAR_RE.fullmatch(y.strip()) for y in years):
        return []
    return [Seg(f"{found['month']} {found['day']}, {year.strip()}", k, k) for k, year in enumerate(years)]


def _column_dates(grid: Grid, spans: list[tuple[int, int]]) -> list[str]:
    """Each value column's date or year as its lowest header cell naming a year prints it."""
    out = []
    for a, b in spans:
        cells = [c for row in grid.header for c in row if c.lo > 0 and a <= c.hi and c.lo <= b and names_year(c.text)]
        out.append(cells[-1].text if cells else "")
    return out


def _widened(line: list[Seg], n: int) -> list[Seg]:
    """A header row's one period length ("Fiscal Year Ended January 31,") stretched over the
    columns right of it, for a colspan that stops short of the last year column."""
    lengths = [seg for seg in line if DURATION_RE.search(seg.text)]
    if len(lengths) != 1 or lengths[0].hi >= n - 1 or any(seg.lo > lengths[0].hi for seg in line):
        return line
    return [Seg(seg.text, seg.lo, n - 1) if seg is lengths[0] else seg for seg in line]


def _stated_duration(grid: Grid) -> str | None:
    """A period length stated in the label column beside the header or in a caption row, for
    a header of years alone ("Millions, for the three months ended June 30," beside "2025",
    "2024"): the words from the length on."""
    for cell in grid.captions:
        match = DURATION_RE.search(cell.text)
        if match:
            joined = JOINED_LENGTHS_RE.search(cell.text)  # "Three and Nine Months Ended": both lengths
            return cell.text[joined.start() if joined and joined.start("b") == match.start() else match.start():]
    return None


def _exact(grid: Grid, row: list[GCell], spans: list[tuple[int, int]]) -> bool:
    """Does a header row of years cover just the columns it lies over, the rest being named with
    years by other rows (full-year columns beside quarter columns)?"""
    def cols(cells: list[GCell]) -> set[int]:
        return {i for c in cells if is_period_text(c.text) and names_year(c.text)
                for i, (a, b) in enumerate(spans) if a <= c.hi and c.lo <= b}
    mine = cols([c for c in row if c.lo > 0])
    if not mine or not all(names_year(c.text) for c in row if c.lo > 0 and is_period_text(c.text)):
        return False
    others = cols([c for other in grid.header if other is not row for c in other if c.lo > 0])
    return len(mine | others) == len(spans) and not mine & others


def grid_statement(grid: Grid, kind: StatementKind, title: str, title_ref: SourceRef,
                   scale_texts: list[str], path: str) -> Statement:
    """A Statement from a split grid."""
    where = f"{path}:{title_ref.line}"
    scales = scale_texts + grid.scale_texts()
    # the scale line, the headings, a row of currency units under them ("RMB  RMB  US$"), the figures' signs
    headings = [c.text for row in grid.header for c in row]
    units = [c.text for row in grid.body for c in row if c.lo > 0 and c.text]
    currency = foreign_currency([*scales, *headings, *units])
    if currency is not None:
        raise ExtractionError(f"amounts in {currency}: only statements in US dollars are converted",
                              where=where, code="xc:currency")
    spans, dropped, periods = grid_periods(grid, kind, where)
    n = len(spans)
    rows: list[Row] = []
    # the columns the rows printing no "$" cell put their figures in
    figure_columns = frozenset(c.lo for cells in grid.body if not any(c.text.strip() == "$" for c in cells)
                               for c in cells if c.lo > 0 and _is_figure(c.text)) if grid.figures_in_order else frozenset()
    # (a pipe table whose cells drift from row to row has no columns to tell by)
    inside = frozenset() if grid.figures_in_order else _label_area_columns(grid.body, spans, dropped)
    for cells in grid.body:
        try:
            rows.append(_row(cells, spans, dropped, path, grid.figures_in_order, figure_columns, inside))
        except ExtractionError as error:
            split = _inner_and_outer(cells, spans, dropped, rows) if error.code == "xc:columnMismatch" else None
            if split is None:
                raise
            rows.extend(split)
    if not any(row.cells for row in rows):
        raise ExtractionError("statement has column headers but no rows", where=where, code="xc:noRows")
    items = assemble(rows, n, path, at_eof=False)
    scale = parse_scale(scales)
    heads = [title, *scale_texts, *(c.text for c in grid.captions), *headings]
    unaudited = any(re.search(r"\bunaudited\b", t, re.I) for t in heads)
    notes = _dropped_notes(grid, dropped) + _unread_figures(grid, spans, path)
    return Statement(kind, title, periods, scale, tuple(items), title_ref, tuple(notes), unaudited=unaudited)


def _unread_figures(grid: Grid, spans: list[tuple[int, int]], path: str) -> list[str]:
    """One note per cell under a value column that prints digits but reads as no figure ("1 234",
    "1.234,5", "1,234 CR"): left out of its row, said so."""
    notes = []
    for cells in grid.body:
        labels, toks = row_tokens(cells)
        for tok in toks:
            if tok.kind == "text" and re.search(r"\d", tok.text) and any(a <= tok.cell.lo <= b for a, b in spans):
                label = clean_label(" ".join(c.text for c in labels if c.text))
                notes.append(f"row {label[:60]!r}: {tok.text[:30]!r} is not a figure; left out "
                             f"({path}:{tok.cell.line}:{tok.cell.col})")
    return notes


def _dropped_notes(grid: Grid, dropped: list[tuple[int, int]]) -> list[str]:
    """One note per column left out as not a period ("% Change", "B/(W)", "vs. prior year")."""
    notes, seen = [], set()
    for row in grid.header:
        for cell in row:
            if (cell.lo, cell.hi) in dropped and (cell.lo, cell.hi) not in seen:
                seen.add((cell.lo, cell.hi))
                notes.append(f"column {cell.text!r} (line {cell.line}) dropped: not a period")
    return notes


def _label_area_columns(body: list[list[GCell]], spans: list[tuple[int, int]],
                        dropped: list[tuple[int, int]]) -> frozenset[int]:
    """The columns left of every value column that print figures inside the label: a column
    whose figure would fall under the first period while the row prints its own figure there
    ("Common stock - shares issued - | June 2024 | 4,009.2 | 4,009 | 4,009", the share count beside
    the date it is counted at). Such a column holds part of the label in every row."""
    if not spans:
        return frozenset()
    first = min(a for a, _ in spans)
    found: set[int] = set()
    for cells in body:
        _, toks = row_tokens(cells)
        values = [t for t in toks if t.kind == "value"]
        left = [t for t in values if t.cell.lo < first and not any(a <= t.cell.lo <= b for a, b in dropped)]
        taken = {_place(t.cell.lo, spans, dropped) for t in values if any(a <= t.cell.lo <= b for a, b in spans)}
        found.update(t.cell.lo for t in left if _place(t.cell.lo, spans, dropped) in taken)
    return frozenset(found)


def _row(cells: list[GCell], spans: list[tuple[int, int]], dropped: list[tuple[int, int]], path: str,
         in_order: bool = False, figure_columns: frozenset[int] = frozenset(),
         label_area: frozenset[int] = frozenset()) -> Row:
    label_cells, toks = row_tokens(cells)
    if any(t.cell.lo in label_area for t in toks):  # figures printed inside the label: part of its words
        first = min(a for a, _ in spans)
        worded = [t for t in toks if t.cell.lo in label_area or (t.kind == "text" and t.cell.lo < first)]
        label_cells = sorted([*label_cells, *(t.cell for t in worded)], key=lambda c: c.lo)
        toks = [t for t in toks if t not in worded]
    label = clean_label(" ".join(c.text for c in label_cells if c.text))
    first = next((c for c in label_cells if c.text), None)
    anchor = first or (toks[0].cell if toks else None)
    if anchor is None:
        under = [c.rule_under or c.rule_over for c in cells if c.lo > 0 and (c.rule_under or c.rule_over)]
        if under:  # an empty row drawn as a rule (a spacer row with a border under a total)
            kind = RuleKind.DOUBLE if RuleKind.DOUBLE in under else RuleKind.SINGLE
            return Row(cells[0].line, blank=True, rule_kind=kind)
        return Row(cells[0].line if cells else 0, blank=True)
    row = Row(anchor.line, label, first.col if first else anchor.col, indent=first.indent if first else None)
    row.columns = [None] * len(spans)
    for cell in cells:
        if cell.lo > 0:  # borders of the value columns: the rules printed with the figures
            row.rule_under = heavier(row.rule_under, cell.rule_under)
            row.rule_over = row.rule_over or cell.rule_over is not None
    for tok in toks:
        if tok.kind == "rule":
            row.rule = True
            row.rule_kind = heavier(row.rule_kind, rule_kind(tok.text))
    values = [tok for tok in toks if tok.kind == "value"]
    slots = [_place(tok.cell.lo, spans, dropped) for tok in values]
    if in_order:
        slots = _without_dollar_cells(cells, values, slots, spans, dropped, figure_columns)
    placed = [(tok, slot) for tok, slot in zip(values, slots) if slot is not None]
    # a figure under a change column of a row whose changes are percentages, and one figure per
    # period in all: the row stands off its headers (a pipe table that lost its colspans)
    shifted = (in_order and len(values) == len(spans) and None in slots
               and any(tok.kind == "pct" for tok in toks))
    if len({slot for _, slot in placed}) < len(placed) or shifted:
        # two figures under one column: an error, except in a pipe table whose cells do not line
        # up with its headers (a converter that drops colspans shifts each row its own way), where
        # a row of one figure per period is read in order
        ordered = [tok for tok in values if not any(a <= tok.cell.lo <= b for a, b in dropped)]
        if len(ordered) != len(spans) and len(values) == len(spans):
            ordered = values
        if not in_order or len(ordered) != len(spans):
            raise ExtractionError(
                f"row {label!r} has more values than the statement has periods ({len(spans)})",
                where=f"{path}:{placed[-1][0].cell.line}", code="xc:columnMismatch")
        placed = list(zip(ordered, range(len(spans))))
    for tok, slot in placed:
        raw = RawCell(tok.text, tok.cell.line, tok.cell.col, slot)
        row.columns[slot] = raw
        row.cells.append(raw)
    if not row.cells:
        row.columns = []
        row.top = bool(label_cells) and all(c.bold for c in label_cells if c.text)
    return row


def _is_figure(text: str) -> bool:
    cell = parse_cell(text)
    return cell is not None and cell.value is not None


def _without_dollar_cells(cells: list[GCell], values: list[Tok], slots: list[int | None],
                          spans: list[tuple[int, int]], dropped: list[tuple[int, int]],
                          figure_columns: frozenset[int]) -> list[int | None]:
    """A pipe table that lost its colspans gives a row's "$" a cell of its own, which its other
    rows do not have (they print figures where it stands): each "$" pushes the figures after it
    one column right ("NET INCOME | $ | 10,399 |  |  | $ | 11,687"). The slots read with the "$"
    cells taken out, when that puts figures under more periods, each under its own."""
    dollars = [c.lo for c in cells if c.text.strip() == "$"]
    if not dollars or not all(d - k in figure_columns for k, d in enumerate(dollars)):
        return slots
    shifted = [_place(tok.cell.lo - sum(1 for d in dollars if d < tok.cell.lo), spans, dropped) for tok in values]
    taken = [slot for slot in shifted if slot is not None]
    before = {slot for slot in slots if slot is not None}
    if len(set(taken)) == len(taken) and len(set(taken)) > len(before):
        return shifted
    return slots


def _inner_and_outer(cells: list[GCell], spans: list[tuple[int, int]], dropped: list[tuple[int, int]],
                     above: list[Row]) -> list[Row] | None:
    """A row printing two figures per period, in an inner and an outer column (the last of a
    run of components beside their subtotal: "Accrued investment income  860  107,586"): the row
    with its own figures, then an unlabelled row of the subtotals. Only when each subtotal is the
    sum of this row and the rows right above it with figures, in every period; else None."""
    label_cells, toks = row_tokens(cells)
    values = [tok for tok in toks if tok.kind == "value" and not any(a <= tok.cell.lo <= b for a, b in dropped)]
    n = len(spans)
    if n == 0 or len(values) != 2 * n:
        return None
    inner, outer = values[0::2], values[1::2]
    own = [parse_cell(tok.text) for tok in inner]
    totals = [parse_cell(tok.text) for tok in outer]
    if any(p is None or p.value is None for p in own + totals):
        return None
    sums = [p.value for p in own]
    for row in reversed(above):
        if row.blank or not row.cells:
            break  # a heading or a blank line opens the run
        parsed = [parse_cell(c.text) if c is not None else None for c in row.columns]
        if len(parsed) != n or any(p is None or p.value is None for p in parsed):
            break
        sums = [s + p.value for s, p in zip(sums, parsed)]
        if sums == [p.value for p in totals]:
            return [_placed_row(label_cells, inner), _placed_row([], outer)]
    return None


def _placed_row(label_cells: list[GCell], values: list[Tok]) -> Row:
    """A row of one figure per period, in order, under `label_cells` (none: an unlabelled row)."""
    label = clean_label(" ".join(c.text for c in label_cells if c.text))
    first = next((c for c in label_cells if c.text), None)
    anchor = first or values[0].cell
    row = Row(anchor.line, label, first.col if first else anchor.col, indent=first.indent if first else None)
    row.columns = [RawCell(tok.text, tok.cell.line, tok.cell.col, slot) for slot, tok in enumerate(values)]
    row.cells = list(row.columns)
    return row
