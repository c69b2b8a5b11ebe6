"""Markdown releases (text rendered from HTML or PDF): pipe tables and text lines -> Statements.

    is_markdown(lines) -> bool
    markdown_statements(lines, path) -> (statements, ignored tables, skipped tables)

A pipe table is a run of lines starting with `|` that holds a separator row (`|---|---:|`);
a grid table (pandoc: `+-----+-----+` rules between rows) is one too, the lines between two
rules one row. Rows of cells separated by tabs, copied from a browser, are bare rows.
Each field between pipes is one cell of a grid (grid.py), so `$` in its own field, a `)` in
its own field, "% change" columns and several header rows are read as in HTML tables. The
table's title and scale are read from the lines just above it ("## Consolidated Balance
Sheets", "*(in thousands)*"); a table that opens a page of a PDF rendering ("## Page 7",
then the page's text, then "### Table 1") also looks at the first lines of its page. A line
just above the table naming a period length ("### Nine Months Ended") is the outermost band
of its column headers. `**bold**` and `_italic_` marks are dropped from cells; a bold label
on a row without values is an outermost heading. SourceRefs are the line and column of the
cell's text in the file.

A statement printed in several pipe tables (a balance sheet split at "Liabilities", or over
two pages) is read as one: a table continues the statement before it when nothing but page
furniture or untitled text lies between, it has as many columns, and its header (if any)
names the same periods. The reading path is chosen per region, not per file: the text
outside pipe tables (a PDF rendering's dot-leader lines) is read as a text release, and where
a text statement and a pipe table hold the same figures, the one read with more values is
kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from converter.errors import ExtractionError
from converter.model import SkippedTable, SourceRef, Statement, StatementKind

from .grid import SCALE_RE, GCell, Grid, grid_periods, grid_statement, header_from_paragraphs, split_grid
from .headers import DURATION_RE, bare_length, date_runs, fiscal_calendar, is_header_text, names_year
from .reader import Line
from .statements import find_statements
from .tablekind import classify, stacked_tables, statement_kind, statement_or_ignored
from .flowed import flowed_statement
from .titles import TITLE_LINE_RE, is_prose, title_kind

_SEP_RE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$|^\s*\+(?:[-=:]{3,}\+)+\s*$")
_GRID_RULE_RE = re.compile(r"^\s*\+(?:[-=:]{3,}\+)+\s*$")  # a rule of a grid table (pandoc): "+-----+-----+"
_TAG_RE = re.compile(r"<sup>[^<]{0,5}</sup>|</?[a-zA-Z][^>]*>")  # inline HTML left by a converter
_ABOVE = 6  # lines above a table searched for its title and scale
_FURNITURE_RE = re.compile(r"^\s*(?:#+\s*)?(?:page\s+\d+|table\s+\d+)?\s*$|^\s*(?:-{3,}|\*{3,}|\d{1,3})\s*$", re.I)
_PAGE_RE = re.compile(r"^\s*#+\s*page\s+\d+\s*$", re.I)
_BAND_RE = re.compile(rf"{DURATION_RE.pattern}|\bas\s+of\b|year[\s-]to[\s-]date", re.I)
_EMPHASIS_RE = re.compile(r"\*\*|__")  # bold marks: blanked, columns kept
_BOLD_JOIN_RE = re.compile(r"(?<=[a-z0-9,.)])(?:\*\*\*\*|____)(?=[A-Z0-9(])")
_WIDE = 10**6  # the physical columns of a band taken from a line above the table: all of them


def _is_pipe(line: Line) -> bool:
    return line.text.lstrip().startswith("|") or bool(_GRID_RULE_RE.match(line.text))


def is_markdown(lines: list[Line]) -> bool:
    return (any(_SEP_RE.match(line.text) and "|" in line.text for line in lines) or bool(_bare_runs(lines))
            or any(_unseparated_table(block) for block in _pipe_blocks(lines)))


def _pipe_blocks(lines: list[Line]) -> list[list[Line]]:
    blocks: list[list[Line]] = []
    for line in lines:
        if not _is_pipe(line):
            continue
        if blocks and blocks[-1][-1].number == line.number - 1:
            blocks[-1].append(line)
        else:
            blocks.append([line])
    return blocks


def _unseparated_table(block: list[Line]) -> bool:
    """A run of pipe rows without a separator row (a converter that left the header row out) is
    a table when at least three of its rows hold figures."""
    figures = sum(1 for line in block
                  if any(_FIGURE_CELL_RE.match(cell.strip().strip("*").strip()) for cell in line.text.split("|")[1:-1]))
    return figures >= _BARE_MIN_ROWS


# ---- bare pipe rows: "Cash and cash equivalents | 43,337 | 70,499", no leading bar, no separator ----

_BARE_MIN_ROWS = 3  # rows with figures that make a run of bare pipe rows a table
_BARE_HEADING_MAX = 80  # a line without bars inside such a table is a heading this long at most
_FIGURE_CELL_RE = re.compile(r"^\(?-?\$?\s*\(?[\d,]*\d(?:\.\d+)?\)?%?$|^[\u2014\u2013-]+$")


def _is_bare(line: Line) -> bool:
    return not _is_pipe(line) and ((" | " in line.text and not _SEP_RE.match(line.text)) or _is_tabbed(line))


def _is_tabbed(line: Line) -> bool:
    """A row of a table copied from a browser: its cells separated by tabs."""
    return "\t" in line.text and bool(line.text.strip())


def _last_field(text: str) -> str:
    return (text.rsplit("\t", 1) if "\t" in text else text.rsplit(" | ", 1))[-1].strip()


# a row copied cell for cell from an HTML table: an empty cell between two filled ones, or a
# cell holding only the `$`, `)` or `%` of a figure ("Net sales\t$\t1,060.3\t\t\t$\t1,002.8")
_CELL_COPY_RE = re.compile(r"[^\t\s][ ]*\t[ ]*\t[\t ]*[^\t\s]|(?:^|\t)[ ]*(?:\$|\)|%|\)%)[ ]*(?:\t|$)")
_CODE_RE = re.compile(r"\d{5,}")  # a number without separators: a date or file number, no amount


def _bare_runs(lines: list[Line]) -> list[tuple[int, int]]:
    """(first, end) of the runs of bare pipe rows: text rendered from HTML tables with a bar
    between cells and none around them, heading lines without bars among them; a run is a
    table when at least three of its rows end in figures. Rows of cells separated by tabs are
    such a run when three of them also show a cell copied for each cell of the HTML table (a
    table copied from a browser); tab-separated columns of whole figures are text tables."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(lines):
        if not _is_bare(lines[i]):
            i += 1
            continue
        j, last, figures, copied = i, i, 0, 0
        while j < len(lines) and lines[j].text.strip():
            text = lines[j].text.strip()
            if _is_bare(lines[j]):
                last = j
                figure = _last_field(text)
                figures += bool(_FIGURE_CELL_RE.match(figure)) and not _CODE_RE.fullmatch(figure)
                copied += bool(_CELL_COPY_RE.search(lines[j].text)) or " | " in text
            elif len(text) > _BARE_HEADING_MAX or "|" in text:
                break
            j += 1
        if figures >= _BARE_MIN_ROWS and copied >= _BARE_MIN_ROWS:
            runs.append((i, last + 1))
        i = max(j, i + 1)
    return runs


def _bare_rows(block: list[Line]) -> list[list[GCell]]:
    """Cells of bare pipe rows. A row of headings only, printed without the label column's
    (empty) cell ("June 30, | December 31,"), moves one column right, over the figures."""
    rows: list[list[GCell]] = []
    for line in block:
        if not _is_bare(line):
            lead = len(line.text) - len(line.text.lstrip())
            rows.append([GCell(" ".join(line.text.split()), line.number, line.col(lead), 0, 0)])
            continue
        cells = _cells(line)
        if cells and cells[0].text and all(is_header_text(c.text) or not c.text for c in cells):
            cells = [replace(c, lo=c.lo + 1, hi=c.hi + 1) for c in cells]
        rows.append(cells)
    return rows


def _lost_label_cells(rows: list[list[GCell]]) -> list[list[GCell]]:
    """Header rows that lost their label cell move one column right. In HTML the label column's
    header cell often spans two rows ("(millions of dollars)" over the row of years, rowspan=2);
    a converter that ignores rowspans prints the row below without it, so that its first year
    stands in the label column ("| 2025 | | | 2024 | ..."). Such a row: above the first row of
    figures, under a row whose label cell is filled, its label cell naming a year and every
    filled cell a period header, two at least. It moves by the columns the label cell above
    covers: up to the next filled cell of that row (a colspan printed as empty cells)."""
    out: list[list[GCell]] = []
    for row in rows:
        filled = [c for c in row if c.text]
        if any(c.lo > 0 and _FIGURE_CELL_RE.match(c.text) and not is_header_text(c.text) for c in filled):
            return out + rows[len(out):]  # the body begins
        if (out and out[-1] and out[-1][0].lo == 0 and out[-1][0].text and row and row[0].lo == 0 and row[0].text
                and names_year(row[0].text)
                and len(filled) >= 2 and all(is_header_text(c.text) for c in filled)):
            # as many columns as the label cell above covers (a colspan printed as empty cells)
            shift = min((c.lo for c in out[-1] if c.lo > 0 and c.text), default=1)
            row = [replace(c, lo=c.lo + shift, hi=c.hi + shift) for c in row]
        out.append(row)
    return out


_ESCAPE_RE = re.compile(r"\\(?=\W|$)")  # markdown's backslash before a punctuation mark it escapes


def _cells(line: Line) -> list[GCell]:
    text = line.text
    if _is_tabbed(line) and not _is_pipe(line) and " | " not in text:  # a tab before the first cell: an empty label cell
        bars = [-1] + [m.start() for m in re.finditer(r"\t", text)] + [len(text)]
    else:
        bars = [m.start() for m in re.finditer(r"(?<!\\)\|", text)]
        if not bars:
            return []
        if text[: bars[0]].strip():
            bars.insert(0, -1)
        if text[bars[-1] + 1 :].strip():
            bars.append(len(text))
    out = []
    for k, (a, b) in enumerate(zip(bars, bars[1:])):
        raw = _TAG_RE.sub(lambda m: " " * len(m[0]), text[a + 1 : b])
        bold = bool(re.fullmatch(r"\s*(\*\*|__).+\1\s*", raw))
        # two bold runs back to back: two words ("**Three Months Ended****December 31,**"), or one
        # word the rendering split ("**D****ecember 31,**")
        raw = _BOLD_JOIN_RE.sub(lambda m: " " * len(m[0]), raw)
        unmarked = re.sub(r"(\*\*|__|(?<!\w)_|_(?!\w)|(?<![\w$])\*|\*(?!\w))", "", raw)
        clean = " ".join(_ESCAPE_RE.sub("", unmarked).split())  # "capital\*" (an escaped footnote mark), "\|"
        lead = len(raw) - len(raw.lstrip(" *_"))
        out.append(GCell(clean, line.number, line.col(a + 1 + lead), k, k, bold and bool(clean)))
    return out


def _grid_rows(block: list[Line]) -> list[list[GCell]]:
    """The rows of a grid table (pandoc's "+----+----+" rules between rows): the lines between two
    rules are one row, a cell's text wrapped over them joined ("Total liabilities and" /
    "stockholders' equity"); each cell keeps the place of its first line's text."""
    rows: list[list[GCell]] = []
    current: list[GCell] = []
    for line in block:
        if _GRID_RULE_RE.match(line.text):
            if current:
                rows.append(current)
            current = []
            continue
        for cell in _cells(line):
            if cell.lo < len(current):
                held = current[cell.lo]
                if cell.text:
                    current[cell.lo] = replace(cell if not held.text else held,
                                               text=f"{held.text} {cell.text}".strip(), bold=held.bold or cell.bold)
            else:
                current.append(cell)
    if current:
        rows.append(current)
    return rows


@dataclass
class _Table:
    start: int  # index of its first line
    end: int  # index after its last line
    rows: list[list[GCell]]
    above: list[Line]  # non-blank lines between the previous table and this one, nearest last
    page_top: list[Line] = field(default_factory=list)  # first lines of its page, when it opens one

    @property
    def width(self) -> int:
        return max((len(row) for row in self.rows), default=0)

    def candidates(self, path: str) -> list[tuple[str, SourceRef]]:
        out = []
        for line in list(reversed(self.above[-_ABOVE:])) + self.page_top:
            lead = len(line.text) - len(line.text.lstrip(" #*_>"))
            out.append((line.text.strip(" #*_>"), SourceRef(path, line.number, line.col(lead))))
        return out


def _tables(lines: list[Line]) -> list[_Table]:
    tables: list[_Table] = []
    i, previous_end = 0, 0
    bare = dict(_bare_runs(lines))
    while i < len(lines):
        if i in bare:
            start, i = i, bare[i]
            above = [line for line in lines[previous_end:start] if line.text.strip()]
            _add(tables, _Table(start, i, _bare_rows(lines[start:i]), above))
            previous_end = i
            continue
        if not _is_pipe(lines[i]):
            i += 1
            continue
        start = i
        while i < len(lines) and _is_pipe(lines[i]):
            i += 1
        block = lines[start:i]
        if not any(_SEP_RE.match(line.text) for line in block) and not tables and not _unseparated_table(block):
            continue  # bars in text; once the release has shown a table, a block without separator is one
        rows = _grid_rows(block) if any(_GRID_RULE_RE.match(line.text) for line in block) else \
            [_cells(line) for line in block if not _SEP_RE.match(line.text)]
        above = [line for line in lines[previous_end:start] if line.text.strip()]
        page = max((k for k, line in enumerate(above) if _PAGE_RE.match(line.text)), default=None)
        top: list[Line] = []
        if page is not None and len(above) - page > _ABOVE:  # the page's top is out of the lines just above
            top = [line for line in above[page + 1 :] if not _FURNITURE_RE.match(line.text)][:_ABOVE]
        _add(tables, _Table(start, i, rows, above, top))
        previous_end = i
    return tables


def _add(tables: list[_Table], table: _Table) -> None:
    """A table, and each statement printed under it in the same table (tablekind.stacked_tables)
    as a table of its own, its title among its rows."""
    first, *more = stacked_tables(table.rows)
    tables.append(replace(table, rows=first))
    tables.extend(_Table(table.end, table.end, rows, []) for rows in more)


def _band_rows(table: _Table) -> list[list[GCell]]:
    """Lines just above the table that name a period length: an outer header band over all columns."""
    out = []
    for line in reversed(table.above[-3:]):
        text = line.text.strip(" #*_>")
        if not text or not is_header_text(text) or not _BAND_RE.search(text):
            break
        out.insert(0, [GCell(text, line.number, line.col(len(line.text) - len(line.text.lstrip(" #*_>"))), 1, _WIDE)])
    return out


def markdown_statements(lines: list[Line], path: str
                        ) -> tuple[list[Statement], list[tuple[str, str, SourceRef]], list[SkippedTable]]:
    statements: list[Statement] = []
    ignored: list[tuple[str, str, SourceRef]] = []
    skipped: list[SkippedTable] = []
    tables = _tables(lines)
    groups: list[tuple[_Table, Grid, list[tuple[str, SourceRef]]]] = []
    for table in tables:
        grid = split_grid(_band_rows(table) + _lost_label_cells(table.rows))
        grid.header = _spread(grid.header, table.width)
        grid.figures_in_order = True
        if not grid.header:  # the dates printed as lines above the table ("January 28, January 29," / "2023 2022")
            header_from_paragraphs(grid, [GCell(line.text.strip(" #*_>"), line.number,
                                                line.col(len(line.text) - len(line.text.lstrip(" #*_>"))), 0, 0)
                                          for line in table.above])
        candidates = table.candidates(path)
        if groups and _joins(groups[-1], table, grid, candidates, path):
            prev_table, prev_grid, _ = groups[-1]
            _outer_last_heading(prev_grid)
            prev_grid.body += _headings(table) + [[replace(c, bold=c.bold or k == 0)] for k, c in enumerate(grid.captions)] + grid.body
            prev_table.end = table.end
            continue
        groups.append((table, grid, candidates))
    carried: list[tuple[str, SourceRef]] = []  # text of small tables since the last table of figures
    for table, grid, candidates in groups:
        if grid.value_rows() < 2:
            # a title printed in a small table of its own ("| ACME CORP. CONSOLIDATED INCOME STATEMENT |")
            cells = [(c.text, SourceRef(path, c.line, c.col)) for row in table.rows for c in row if c.text]
            carried = (cells[::-1] + candidates + carried)[:_ABOVE * 2]
            continue
        candidates, carried = candidates + carried, []
        inside = [(c.text, SourceRef(path, c.line, c.col)) for c in reversed(grid.captions)]
        found = statement_or_ignored(inside + candidates, grid, path)
        if found is None and (opening := _cash_flows_opening(table, grid)) is not None:
            found = _untitled_cash_flows(grid, opening, candidates, path)
        if isinstance(found, Statement):
            statements.append(found)
        elif isinstance(found, SkippedTable):
            skipped.append(found)
        elif found is not None:
            ignored.append(found)
    text_statements, text_skipped = _text_regions(lines, tables, path)
    statements, skipped = _one_reading(statements, skipped, text_statements, text_skipped)
    return fiscal_calendar(sorted(statements, key=lambda s: s.source)), ignored, skipped


def _spread(header: list[list[GCell]], width: int) -> list[list[GCell]]:
    """Header cells over the columns they span. A pipe table has no colspans: a converter prints
    a spanning header's text in the first column of its span and leaves the rest empty ("4Q21
    Change" over the two change columns, "FULL YEAR" over the full-year columns). A header cell
    spans up to the next filled cell of its row, and no further than the next cell of a row above
    (a lower row's span stays inside the band over it). Only a table printed so: one whose header
    rows leave empty cells between filled ones; a converter that drops the empty cells of a span
    packs a row's headers to the left ("Three Months Ended", "Nine Months Ended" over four
    columns), and those are read as they are."""
    if not any(_gapped(row) for row in header):
        return header
    out: list[list[GCell]] = []
    starts: set[int] = set()  # where the cells of the rows above begin
    years_below: list[list[GCell]] = [[] for _ in range(len(header) + 1)]  # cells naming a year, below each row
    for k in range(len(header) - 1, -1, -1):
        years_below[k] = [c for c in header[k] if 0 < c.lo < _WIDE and names_year(c.text)] + years_below[k + 1]
    for row in header:
        cells = sorted(row, key=lambda c: c.lo)
        spread = []
        for k, cell in enumerate(cells):
            if cell.lo == 0 or cell.hi >= _WIDE:
                spread.append(cell)
                continue
            stop = min([cells[k + 1].lo if k + 1 < len(cells) else width] + [s for s in starts if s > cell.lo])
            spread.append(replace(cell, hi=max(cell.hi, stop - 1)))
        out.append(spread if _even_lengths(spread, years_below[len(out) + 1]) else cells)
        starts |= {c.lo for c in cells if 0 < c.lo < _WIDE}
    return out


def _even_lengths(row: list[GCell], years: list[GCell]) -> bool:
    """Do a row's period lengths, spread, cover as many year columns each ("Three Months Ended"
    and "Six Months Ended" two years each)? A converter that drops colspans but keeps a spacer
    cell leaves "Three Months Ended" over one year and "Six Months Ended" over three; that row
    is left for the header bands to share its lengths among the years below (bands.py); so is
    a row whose lengths, spread, do not cover the runs the years' dates start over in (three
    quarter-end dates, then two year-end dates, under "Three Months Ended" and "Year Ended").
    `years`: the cells naming a year in the rows below it."""
    lengths = [c for c in row if 0 < c.lo < _WIDE and bare_length(c.text)]
    if len(lengths) < 2 or not years:
        return True
    counts = [sum(1 for y in years if c.lo <= y.lo <= c.hi) for c in lengths]
    runs = date_runs([y.text for y in sorted(years, key=lambda y: y.lo)])
    if len(runs) == len(lengths) and len(years) % len(lengths) != 0:
        # the dates start over once per length: the spread holds only if it covers those runs
        return counts == [b - a for a, b in zip(runs, runs[1:] + [len(years)])]
    return len(set(counts)) == 1 or len(years) % len(lengths) != 0


def _gapped(row: list[GCell]) -> bool:
    """Empty cells between two filled header cells of a row."""
    starts = sorted(c.lo for c in row if 0 < c.lo < _WIDE)
    return any(b - a > 1 for a, b in zip(starts, starts[1:]))


def _outer_last_heading(grid: Grid) -> None:
    """A heading ending a piece of a statement ("Liabilities and stockholders' equity" before a
    page break) opens the next piece: it is an outermost heading."""
    for k in range(len(grid.body) - 1, -1, -1):
        filled = [c for c in grid.body[k] if c.text]
        if not filled:
            continue
        if len(filled) == 1 and filled[0].lo == 0 and not any(ch.isdigit() for ch in filled[0].text):
            grid.body[k] = [replace(filled[0], bold=True)]
        return


def _headings(table: _Table) -> list[list[GCell]]:
    """Markdown headings between two pieces of one statement ("## Cash Flows from Investing
    Activities"): section headings of its body. A repeated statement title is not one."""
    out = []
    for line in table.above:
        if not line.text.lstrip().startswith("#") or _FURNITURE_RE.match(line.text) or classify(line.text) is not None:
            continue
        lead = len(line.text) - len(line.text.lstrip(" #*_>"))
        out.append([GCell(line.text.strip(" #*_>"), line.number, line.col(lead), 0, 0, True)])
    return out


def _joins(group: tuple[_Table, Grid, list[tuple[str, SourceRef]]], table: _Table, grid: Grid,
           candidates: list[tuple[str, SourceRef]], path: str) -> bool:
    """Whether `table` continues the statement of the group before it."""
    prev_table, prev_grid, prev_candidates = group
    if table.width != prev_table.width or prev_grid.value_rows() < 2:
        return False
    prev_kind = statement_kind(prev_candidates)
    if prev_kind is None and _cash_flows_opening(prev_table, prev_grid) is not None:
        prev_kind = StatementKind.CASH_FLOWS
    if prev_kind is None:
        return False
    own = [line.text for line in table.above if not _FURNITURE_RE.match(line.text)]
    titles = [found for text in own + [c.text for c in grid.captions]
              if (found := classify(text)) is not None and found[0] != "prose"]
    if any(what != "statement" or detail[0] is not prev_kind for what, detail in titles):  # type: ignore[index]
        return False
    if not titles and any(is_prose(text) for text in own):
        return False  # running text between: the table stands on its own
    if not grid.header:
        return not titles
    if not any(names_year(c.text) for row in grid.header for c in row):
        return True  # a header naming no date ("Three Months Ended" alone) gives no periods of its own
    try:
        where = f"{path}:{table.rows[0][0].line if table.rows and table.rows[0] else 0}"
        return grid_periods(grid, prev_kind, where)[2] == grid_periods(prev_grid, prev_kind, where)[2]
    except ExtractionError:
        return False


_CASH_OPENING_RE = re.compile(r"^\W*cash\s+flows?\s+(?:from|provided\s+by|used\s+in)\s+(?:\(used\s+in\)\s+)?operating\s+activities\b", re.I)


def _cash_flows_opening(table: _Table, grid: Grid) -> GCell | None:
    """The "Cash flows from operating activities" heading that opens an untitled table (just
    above it or as its first row): the table is a statement of cash flows, since no other
    table of a release opens that way."""
    for line in table.above[-1:]:
        text = line.text.strip(" #*_>")
        if _CASH_OPENING_RE.match(text):
            lead = len(line.text) - len(line.text.lstrip(" #*_>"))
            return GCell(text, line.number, line.col(lead), 0, 0, True)
    first = next((c for row in grid.body for c in row if c.text), None)
    if first is not None and first.lo == 0 and _CASH_OPENING_RE.match(first.text):
        return first
    return None


def _untitled_cash_flows(grid: Grid, opening: GCell, candidates: list[tuple[str, SourceRef]], path: str
                         ) -> Statement | SkippedTable:
    ref = SourceRef(path, opening.line, opening.col)
    if grid.body and opening not in grid.body[0]:
        grid.body.insert(0, [opening])
    scales = [m[0] for text, _ in candidates for m in [SCALE_RE.search(text)] if m and len(text) < 200]
    title = "Statements of Cash Flows"
    try:
        return grid_statement(grid, StatementKind.CASH_FLOWS, title, ref, scales, path)
    except ExtractionError as exc:
        return SkippedTable(StatementKind.CASH_FLOWS.value, title, ref, exc.message, exc.where or "", exc.code)


def _text_regions(lines: list[Line], tables: list[_Table], path: str) -> tuple[list[Statement], list[SkippedTable]]:
    """Statements printed as text lines outside the pipe tables."""
    blank = [Line(line.number, _EMPHASIS_RE.sub(lambda m: " " * len(m[0]), line.text), line.removed) for line in lines]
    for table in tables:
        for k in range(table.start, table.end):
            blank[k] = Line(lines[k].number, "")
    if not any(line.text.strip() for line in blank):
        return [], []
    try:
        statements, skipped, _ = find_statements(blank, path)
    except ExtractionError:
        statements, skipped = [], []
    return _flowed(blank, statements, skipped, path)


def _flowed(lines: list[Line], statements: list[Statement], skipped: list[SkippedTable], path: str
            ) -> tuple[list[Statement], list[SkippedTable]]:
    """Each text statement also read as flowed with single spaces (flowed.py); the reading with
    more values is kept, and a table skipped by the text layouts may be read this way."""
    titles = [(k, m) for k, line in enumerate(lines) if (m := TITLE_LINE_RE.match(line.text))]
    by_line = {st.source.line: st for st in statements}
    skipped_at = {t.source.line: t for t in skipped}
    for j, (k, match) in enumerate(titles):
        kind = title_kind(match["title"])
        if kind is None:
            continue
        stop = titles[j + 1][0] if j + 1 < len(titles) else len(lines)
        try:
            found = flowed_statement(lines, k, stop, kind, " ".join(match["title"].split()), path)
        except ExtractionError:
            continue
        number = lines[k].number
        old = by_line.get(number)
        if old is None or _count(found) > _count(old):
            by_line[number] = found
            skipped_at.pop(number, None)
    return fiscal_calendar(sorted(by_line.values(), key=lambda s: s.source)), list(skipped_at.values())


def _count(statement: Statement) -> int:
    return sum(1 for item in statement.items for cell in item.cells if cell.value is not None)


def _values(statement: Statement) -> set:
    return {cell.value for item in statement.items for cell in item.cells if cell.value is not None and cell.value != 0}


def _one_reading(tables: list[Statement], table_skipped: list[SkippedTable],
                 texts: list[Statement], text_skipped: list[SkippedTable]
                 ) -> tuple[list[Statement], list[SkippedTable]]:
    """The pipe-table and text readings of a release, each statement read once."""
    kept = list(tables)
    for text in texts:
        values = _values(text)
        twins = [t for t in kept if t.kind is text.kind and values
                 and len(values & _values(t)) >= 0.5 * min(len(values), len(_values(t)) or 1)]
        if not twins:
            kept.append(text)
            continue
        twin = max(twins, key=lambda t: len(_values(t)))
        if len(values) > len(_values(twin)):
            kept[kept.index(twin)] = text
    read = {s.kind.value for s in kept}
    skipped = table_skipped + [t for t in text_skipped if t.kind not in read and t.kind != "table"]
    return kept, skipped
