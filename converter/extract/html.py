"""HTML releases (EDGAR exhibits, newsroom pages) -> Release.

    is_html(text) -> bool
    extract_html(text, path) -> Release

The page is parsed with lxml.html. Chrome is dropped first: script, style, noscript, nav,
form, aside, iframe, svg, and header/footer elements outside the release's <article>/<main>,
and elements whose role is navigation or whose class/id names a menu, navbar, breadcrumb,
sidebar, cookie banner or site header/footer. The rest is walked in document order into text
blocks (one per block element: p, div, h1-h6, li, ...) and data tables (tables that hold no
other table; a table holding tables is layout and only its cells' text is read as blocks).

Each data table becomes a grid of cells (grid.py; a cell with a rowspan keeps its columns in
the rows below it) and is classified by its nearest title:
its <caption>, title rows inside the table (or in the label column of its header rows), the
short blocks printed between the previous table and it, or the rows of small tables holding
no data printed just above it (financial supplements set each page's heading in a table of
its own). Untitled tables are classified by content (tablekind.py). Headers that leave part
of a period out are completed from the dates the release's text states (headers.release_dates
over the text blocks, so tags and entities do not split the phrases). A balance sheet / statement of operations (income, earnings, ...) with numeric
columns becomes a Statement; a non-GAAP reconciliation or segment table is listed in
Release.ignored_tables and not tagged; other tables are skipped. The scale is read from the
caption, title rows, header cells or those blocks ("(In millions, except per share data)").

Document facts (company, ticker, dates, fiscal period) are read by document.py from the text
blocks, each placed at the HTML line it starts on.

SourceRef of HTML: the line is the one the cell's (or block's) text starts on in the HTML
source. The column is found by searching the source, from the cell's start tag (`<td`/`<th`
on the element's `sourceline`, after the previous cell's), for the first word of the cell's
text; it is the 1-based character column of that word in its line. When the text is written
with entities or split by tags so the word is not found, the column of the start tag is used.
Columns of blocks (document facts) are offsets in the block's text plus one: approximate.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

import lxml.html
from lxml import etree

from converter.errors import ExtractionError, InputError
from converter.model import Release, RuleKind, SkippedTable, SourceRef, Statement

from .release import build_release
from .grid import GCell, Grid, grid_periods, header_from_paragraphs, row_tokens, split_grid, value_spans
from .headers import DURATION_RE, current_dates, fiscal_calendar, release_context, release_dates
from .dates import DATE_RE, MONTHDAY_RE
from .reader import Line
from .tablekind import classify, stacked_tables, statement_kind, statement_or_ignored

_MARKUP = re.compile(r"<(?:!doctype\s+html|html|body|table|tr|td|th|div|p|font)\b[^>]*>", re.IGNORECASE)
_CHROME_TAGS = ("script", "style", "noscript", "nav", "form", "aside", "iframe", "svg", "button", "select",
                "template", "head")
_CHROME_PARTS = {"nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "sidebar", "cookie",
                 "cookies", "masthead", "skip", "social", "subscribe"}
_CHROME_WORDS = {"site-header", "site-footer", "global-header", "global-footer", "page-header", "page-footer"}
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "center", "blockquote", "pre",
           "section", "article", "main", "caption", "tr", "td", "th", "table", "dt", "dd", "dl", "address",
           "header", "footer", "title", "body", "html", "hr"}
_WINDOW = 8  # blocks searched above a table for its title and scale
_MAX_ROWS = 2000  # rows of one HTML table
_MAX_COLUMNS = 400  # columns of one row, colspans counted (a bank's trend statement: about 100)


def is_html(text: str) -> bool:
    return _MARKUP.search(text) is not None


@dataclass
class _Block:
    text: str
    line: int


@dataclass
class _Table:
    element: etree._Element
    after_block: int  # blocks[:after_block] precede the table


class _Source:
    """Finds where a cell's text is printed in the HTML source (see the module docstring)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.cursor = 0

    def pos(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1

    def cell(self, element: etree._Element, text: str) -> tuple[int, int]:
        line = element.sourceline or 1
        start = max(self.cursor, self.starts[min(line, len(self.starts)) - 1])
        tag = re.compile(rf"<{element.tag}\b", re.I).search(self.text, start)
        if tag is None:
            return line, 1
        self.cursor = tag.end()
        close = self.text.find(">", tag.end())
        end = re.compile(r"<(?:t[dh]|/t[dh]|tr|/tr)\b", re.I).search(self.text, close + 1)
        limit = end.start() if end else len(self.text)
        word = re.search(r"[\w$()—–\-.,]+", text)
        if word:
            found = self.text.find(word[0][:20], close + 1, limit)
            if found < 0:
                first = re.search(r"[\w$]+", text)
                found = self.text.find(first[0][:12], close + 1, limit) if first else -1
            if found >= 0:
                return self.pos(found)
        skip = re.compile(r"(?:\s|&nbsp;|&#160;|<[^>]*>)*", re.I).match(self.text, close + 1)
        return self.pos(skip.end() if skip and skip.end() < limit else tag.start())


def extract_html(text: str, path: str) -> Release:
    """Statements, ignored tables and document facts of an HTML release."""
    source = text.replace("\r\n", "\n").replace("\r", "\n")
    markup = re.sub(r"<\?xml[^>]*\?>", lambda m: " " * len(m[0]), source)
    markup = _CHAR_REF.sub(_legal_ref, markup)
    parser = lxml.html.HTMLParser(huge_tree=True)  # its depth limit is 2048 levels, not 256
    try:
        root = lxml.html.document_fromstring(markup, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot parse HTML: {exc}", where=path, code="xc:unreadableHtml") from exc
    for error in parser.error_log:
        if error.type_name == "ERR_RESOURCE_LIMIT" or "Excessive depth" in error.message:
            raise InputError(f"HTML nested too deeply to read (more than 2,048 open tags): {error.message}",
                             where=f"{path}:{error.line}", code="xc:htmlTooDeep")
    _drop_chrome(root)
    blocks: list[_Block] = []
    tables: list[_Table] = []
    _walk(root, blocks, tables)
    dates = replace(release_dates([b.text for b in blocks]), balance_sheet_end=current_dates().balance_sheet_end)
    with release_context(dates):  # dates as read, without tags
        return _release(path, blocks, tables, _Source(source))


def _release(path: str, blocks: list[_Block], tables: list[_Table], locate: _Source) -> Release:
    statements: list[Statement] = []
    ignored: list[tuple[str, str, SourceRef]] = []
    skipped: list[SkippedTable] = []
    previous = 0
    carried: list[tuple[str, SourceRef]] = []  # text of small tables since the last data table
    pieces: list[_Piece] = []  # the tables of figures, a statement's continuations joined to it
    for table in tables:
        count = sum(1 for _ in table.element.iter("tr"))
        width = _width(table.element)
        if count > _MAX_ROWS or width > _MAX_COLUMNS:  # no release prints one so large; reading it would take minutes
            size = (f"table too long ({count:,} rows; at most {_MAX_ROWS:,})" if count > _MAX_ROWS
                    else f"table too wide ({width:,} columns; at most {_MAX_COLUMNS:,})")
            skipped.append(SkippedTable("table", "", SourceRef(path, table.element.sourceline or 1, 1), size,
                                        code="xc:tableTooLarge"))
            previous = table.after_block
            continue
        rows, *stacked = stacked_tables(_grid(table.element, locate))
        grid = split_grid(rows)
        between = blocks[previous : table.after_block]
        nearby = _after_figures(blocks[max(previous, table.after_block - _WINDOW) : table.after_block])
        previous = table.after_block
        more = [_Piece(g, [(c.text, SourceRef(path, c.line, c.col)) for c in reversed(g.captions)])
                for g in map(split_grid, stacked) if g.value_rows() >= 2]  # statements under it in the same table
        if pieces and grid.value_rows() and _continued(pieces[-1], grid, between, path):
            pieces.extend(more)
            continue
        if grid.value_rows() < 2:
            carried = _row_texts(rows, path)[::-1] + [(b.text, SourceRef(path, b.line, 1)) for b in reversed(nearby)] \
                + carried
            carried = carried[:_WINDOW]
            pieces.extend(more)
            continue
        candidates = _candidates(table.element, grid, nearby, path) + carried
        carried = []
        grid.captions.extend(GCell(b.text, b.line, 1, 0, 0) for b in _stated_lengths(nearby) + _dates_under_title(nearby))
        if not grid.header:
            header_from_paragraphs(grid, [GCell(b.text, b.line, 1, 0, 0) for b in nearby])
        pieces.append(_Piece(grid, candidates))
        pieces.extend(more)
    for piece in pieces:
        found = statement_or_ignored(piece.candidates, piece.grid, path)
        if isinstance(found, Statement):
            statements.append(found)
        elif isinstance(found, SkippedTable):
            skipped.append(found)
        elif found is not None:
            ignored.append(found)
    statements = fiscal_calendar(sorted(statements, key=lambda s: s.source))  # 52/53-week starts
    return build_release(path, _lines(blocks), statements, ignored, skipped)


_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));?")  # HTML parsers take "&#x1" too


def _legal_ref(match: re.Match[str]) -> str:
    """A numeric character reference to a character XML cannot hold (&#0;, &#x1a;) becomes a space."""
    code = int(match[1], 16) if match[1] else int(match[2])
    if code in (9, 10, 13) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF:
        return match[0]
    return " "


def _drop_chrome(root: etree._Element) -> None:
    doomed = []
    for el in root.iter():
        if not isinstance(el.tag, str):
            if isinstance(el, etree._Comment):
                doomed.append(el)
            continue
        tag = el.tag.lower()
        words = set(re.split(r"\s+", f"{el.get('class', '')} {el.get('id', '')}".lower())) - {""}
        parts = {p for w in words for p in re.split(r"[-_]+", w)}
        if (tag in _CHROME_TAGS or el.get("role", "").lower() in {"navigation", "banner", "contentinfo"}
                or words & _CHROME_WORDS or parts & _CHROME_PARTS or el.get("aria-hidden") == "true"):
            doomed.append(el)
        elif tag in ("header", "footer") and not any(a.tag in ("article", "main") for a in el.iterancestors()):
            doomed.append(el)
    _drop_all(doomed)


def _drop_all(doomed: list[etree._Element]) -> None:
    """drop_tree() for many elements in linear time: each parent's text and the tails of its
    kept children are joined once (drop_tree one by one copies the growing text each time)."""
    gone = set(doomed)
    parents: dict[etree._Element, None] = {}
    for el in doomed:
        parent = el.getparent()
        if parent is not None:
            parents.setdefault(parent, None)
    for parent in parents:
        pieces = [parent.text or ""]
        holder: etree._Element | None = None
        for child in list(parent):
            if child in gone:
                pieces.append(child.tail or "")
                parent.remove(child)
                continue
            _set_text(parent, holder, pieces)
            holder, pieces = child, [child.tail or ""]
        _set_text(parent, holder, pieces)


def _set_text(parent: etree._Element, holder: etree._Element | None, pieces: list[str]) -> None:
    text = "".join(pieces) or None
    if holder is None:
        parent.text = text
    else:
        holder.tail = text


def _walk(root: etree._Element, blocks: list[_Block], tables: list[_Table]) -> None:
    pending: list[tuple[str, int]] = []

    def flush() -> None:
        text = " ".join("".join(t for t, _ in pending).replace("\xa0", " ").split())
        if text:
            blocks.append(_Block(text, next(line for t, line in pending if t.strip())))
        pending.clear()

    def add(text: str | None, line: int) -> None:
        if text:
            lead = text[: len(text) - len(text.lstrip())]
            pending.append((text, line + lead.count("\n")))

    # depth-first, without recursion (unclosed tags nest up to 2048 levels deep)
    stack: list[tuple[etree._Element, int, bool]] = [(root, 1, False)]
    while stack:
        el, line, leaving = stack.pop()
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        here = el.sourceline or line
        if leaving:
            if tag in _BLOCKS:
                flush()
            add(el.tail, here)
        elif tag == "table" and el.find(".//table") is None:
            flush()
            tables.append(_Table(el, len(blocks)))
            add(el.tail, here)
        elif tag:
            if tag in _BLOCKS or tag == "br":
                flush()
            add(el.text, here)
            stack.append((el, line, True))
            stack.extend((child, here, False) for child in reversed(el))
        else:
            add(el.tail, here)
    flush()


def _text(el: etree._Element) -> str:
    for br in el.iter("br"):
        br.tail = " " + (br.tail or "")
    for sup in list(el.iter("sup")):
        if re.fullmatch(r"\s*\(?\s*(?:\d{1,2}|[a-zA-Z]|\*+|[†‡§])\s*\)?\s*", sup.text_content() or ""):
            sup.drop_tree()
    return " ".join(el.text_content().replace("\xa0", " ").replace("\u200b", "").split())


def _bold(td: etree._Element, text: str) -> bool:
    if re.search(r"font-weight\s*:\s*(?:bold|[6-9]00)", td.get("style", ""), re.I):
        return True
    bold = " ".join(" ".join(b.text_content().split()) for b in td.iter("b", "strong"))
    return bool(bold) and bold.replace("\xa0", " ").split() == text.split()


_MAX_ROWSPAN = 50  # rows one cell may reach down over
_BORDER_RE = re.compile(r"border-(bottom|top)(-style)?\s*:\s*([^;]*)", re.I)
_NO_LINE_RE = re.compile(r"\b(?:none|hidden)\b|(?<![\d.])0(?:\.0+)?(?:px|pt|em)?\b|#f{3}(?:f{3})?\b|\bwhite\b", re.I)


def _borders(td: etree._Element) -> tuple[RuleKind | None, RuleKind | None]:
    """The rules a cell's inline style draws under and over it: (bottom, top)."""
    found: dict[str, RuleKind] = {}
    for side, _style, value in _BORDER_RE.findall(td.get("style", "")):
        if _NO_LINE_RE.search(value) or not re.search(r"solid|double|dotted|dashed|groove|ridge|inset|outset", value, re.I):
            found.pop(side.lower(), None)
            continue
        found[side.lower()] = RuleKind.DOUBLE if "double" in value.lower() else RuleKind.SINGLE
    return found.get("bottom"), found.get("top")


def _grid(table: etree._Element, locate: _Source) -> list[list[GCell]]:
    """The table's cells with their column spans. A cell with a rowspan keeps its columns
    taken in the rows below it ("(millions of dollars)" beside two header rows), so that the
    cells of those rows start right of it."""
    rows = []
    below: dict[int, int] = {}  # column -> rows still taken by a cell with a rowspan above
    for tr in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
        row, col = [], 0
        taken = set(below)
        below = {c: n - 1 for c, n in below.items() if n > 1}
        for td in tr.xpath("./td|./th"):
            while col in taken:
                col += 1
            span, down = _span(td, "colspan", 1000), _span(td, "rowspan", _MAX_ROWSPAN)
            text = _text(td)
            line, column = locate.cell(td, text) if text else (td.sourceline or 1, 1)
            under, over = _borders(td)
            row.append(GCell(text, line, column, col, col + span - 1, bool(text) and _bold(td, text),
                             rule_under=under, rule_over=over))
            below.update({c: down - 1 for c in range(col, col + span) if down > 1})
            col += span
        rows.append(row)
    return rows


def _width(table: etree._Element) -> int:
    """The columns of the table's widest row, colspans counted."""
    return max((sum(_span(td, "colspan", 1000) for td in tr if isinstance(td.tag, str) and td.tag.lower() in ("td", "th"))
                for tr in table.iter("tr")), default=0)


def _span(td: etree._Element, attribute: str, most: int) -> int:
    try:
        return min(max(1, int(td.get(attribute, "1") or 1)), most)
    except ValueError:
        return 1


def _candidates(table: etree._Element, grid: Grid, nearby: list[_Block], path: str
                ) -> list[tuple[str, SourceRef]]:
    """Title candidates nearest first: caption, title rows in the table, blocks above it."""
    out = []
    caption = table.find("caption")
    if caption is not None:
        text = " ".join(caption.text_content().split())
        out.append((text, SourceRef(path, caption.sourceline or 1, 1)))
    for cell in reversed(grid.captions):
        out.append((cell.text, SourceRef(path, cell.line, cell.col)))
    for block in reversed(nearby):
        out.append((block.text, SourceRef(path, block.line, 1)))
    return out


# a block ending in amounts: a row of figures printed as text
_FIGURES_RE = re.compile(r"(?:\$\s*\(?\d[\d,.]*\)?|\(?\d{1,3}(?:,\d{3})+(?:\.\d+)?\)?)\s*$")


def _after_figures(nearby: list[_Block]) -> list[_Block]:
    """The blocks above a table after the last one ending in amounts ("Right-of-use assets
    obtained in exchange for lease obligations $ 213 $ 100" under "Supplemental Non-Cash
    Activity", both below a statement of cash flows): what is above such a row heads it, not
    the table (an untitled balance sheet had taken that heading for a summary's title)."""
    last = max((k for k, b in enumerate(nearby) if _FIGURES_RE.search(b.text)), default=-1)
    return nearby[last + 1 :]


def _stated_lengths(nearby: list[_Block]) -> list[_Block]:
    """A period length printed on its own right above the table ("12 Weeks Ended" between a
    PDF rendering's title and its table of dates, or "Three Months Ended June 30, Twelve Months
    Ended June 30," over columns of years): the table's header, read as a caption."""
    return [b for b in nearby[-2:] if DURATION_RE.match(b.text.strip())
            and len(b.text.split()) <= 8 * len(DURATION_RE.findall(b.text))]


_AT_DATES_RE = re.compile(rf"^\W*(?:at|as\s+of)\s+{DATE_RE.pattern}(?:,?\s+and\s+(?:{DATE_RE.pattern.replace('?P<', '?P<b_')}|(?:19|20)\d\d))?\W*$", re.I)


# a balance sheet's title naming its day without a year ("CONSOLIDATED BALANCE SHEETS AT DECEMBER 31,")
_TITLE_DAY_RE = re.compile(rf"\b(?:balance\s+sheets?|financial\s+(?:position|condition)|condition)\s+(?:at|as\s+of)\s+"
                           rf"{MONTHDAY_RE.pattern}\W*$", re.I)


def _dates_under_title(nearby: list[_Block]) -> list[_Block]:
    """The dates of a balance sheet printed on their own between its title and its table ("At
    December 31, 2025 and 2024" over columns headed "2025" and "2024"), or its day in the title
    itself ("CONSOLIDATED BALANCE SHEETS AT DECEMBER 31," over "2023" and "2022"): read as a caption."""
    return [b for b in nearby[-3:] if _AT_DATES_RE.match(b.text.strip()) or _TITLE_DAY_RE.search(b.text.strip())]


@dataclass
class _Piece:
    """A table of figures and the texts around it; `grid` grows by the tables continuing it."""

    grid: Grid
    candidates: list[tuple[str, SourceRef]]


# text between two tables that does not part them: nothing, a page number, "Page 7", "(continued)",
# and at a 10-K's page break the statement's footnotes, "See accompanying notes." and the
# company's name over the next page ("Salesforce, Inc.")
_FURNITURE_RE = re.compile(
    r"^\W*(?:page\s+)?\d{0,3}\W*$|^\W*(?:continued|table\s+of\s+contents)\W*$"
    r"|^\W*see\s+(?:the\s+)?accompanying\s+notes\b.{0,80}$"
    r"|^\W*\(?\s*(?:dollars\s+|amounts\s+)?in\s+(?:thousands|millions|billions)\b[^()]{0,60}\)?\W*$"  # "(in millions)"
    r"|^\W*supplemental\s+(?:cash\s+flows?\s+)?(?:disclosures?|information|data)\W*$"
    r"|^\s*(?:\(\d{1,2}\)|\d{1,2}\)|\*{1,3})\s+\S"  # a footnote to the statement's rows
    r"|^[\w.,&'’ -]{2,60}\b(?:inc|corp|corporation|company|co|ltd|limited|llc|plc)\.?(?:\s+and\s+subsidiar(?:y|ies))?\W*$",
    re.I)


def _continued(piece: _Piece, grid: Grid, between: list[_Block], path: str) -> bool:
    """Join `grid` to the statement table before it when it continues it: a statement split
    over several tables (a PDF rendering's pages: "Net sales ... Gross profit", then "Selling,
    general and administrative expenses ... Net income", then "Net income per share: Basic,
    Diluted", each a table of its own). Only with nothing but page furniture or the statement's
    own title between, the earlier table titled as a statement and headed with its periods, and
    the new one printing figures in as many columns with no header of other periods. Its
    figures are placed under the earlier table's columns in order."""
    kind = statement_kind(piece.candidates)
    if kind is None or not piece.grid.header:
        return False
    for block in between:
        found = classify(block.text)
        if not _FURNITURE_RE.match(block.text) and (found is None or found[0] != "statement" or found[1][0] is not kind):  # type: ignore[index]
            return False
    for cell in grid.captions:  # a title in the new table's own first rows: another table
        found = classify(cell.text)
        if found is not None and (found[0] != "statement" or found[1][0] is not kind):  # type: ignore[index]
            return False
    spans = value_spans(piece.grid)
    if grid.header:
        where = f"{path}:{grid.header[0][0].line}"
        try:
            if grid_periods(grid, kind, where)[2] != grid_periods(piece.grid, kind, where)[2]:
                return False
        except ExtractionError:
            return False
    rows = _placed(grid.body, spans)
    if rows is None:
        return False
    # a heading printed as the new table's first row ("Net income per common share:")
    piece.grid.body += [[replace(c, lo=0, hi=0)] for c in grid.captions] + rows
    return True


def _placed(body: list[list[GCell]], spans: list[tuple[int, int]]) -> list[list[GCell]] | None:
    """A continuing table's rows with their figures moved under the value columns `spans` in
    order: its label cells, then one cell per figure; None unless its figures stand in exactly
    as many columns."""
    anchors = sorted({t.cell.lo for row in body for t in row_tokens(row)[1] if t.kind == "value"})
    if len(anchors) != len(spans):
        return None
    out = []
    for row in body:
        labels, tokens = row_tokens(row)
        at = [spans[anchors.index(t.cell.lo)][0] for t in tokens if t.kind == "value"]
        out.append(labels + [replace(t.cell, text=t.text, lo=lo, hi=lo)
                             for t, lo in zip([t for t in tokens if t.kind == "value"], at)])
    return out


def _row_texts(rows: list[list[GCell]], path: str) -> list[tuple[str, SourceRef]]:
    """The rows of a table holding no data (a page heading printed as a table), as title candidates."""
    out = []
    for row in rows:
        filled = [c for c in row if c.text]
        if filled:
            out.append((" ".join(c.text for c in filled), SourceRef(path, filled[0].line, filled[0].col)))
    return out


def _lines(blocks: list[_Block]) -> list[Line]:
    """Text lines for document.py: list index i holds the blocks starting on HTML line i + 1."""
    last = max((b.line for b in blocks), default=1)
    texts = [""] * last
    for block in blocks:
        i = block.line - 1
        texts[i] = f"{texts[i]}  {block.text}" if texts[i] else block.text
    return [Line(i + 1, t) for i, t in enumerate(texts)]

