"""HTML releases (EDGAR exhibits, newsroom pages) -> Release.

    is_html(text) -> bool
    extract_html(text, path) -> Release

The page is parsed with lxml.html. Chrome is dropped first: script, style, noscript, nav,
form, aside, iframe, svg, and header/footer elements outside the release's <article>/<main>,
and elements whose role is navigation or whose class/id names a menu, navbar, breadcrumb,
sidebar, cookie banner or site header/footer. The rest is walked in document order into text
blocks (one per block element: p, div, h1-h6, li, ...) and data tables (tables that hold no
other table; a table holding tables is layout and only its cells' text is read as blocks).

Each data table becomes a grid of cells (grid.py) and is classified by its nearest title:
its <caption>, title rows inside the table, or the short blocks printed between the previous
table and it. A balance sheet / statement of operations (income, earnings, ...) with numeric
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
from dataclasses import dataclass

import lxml.html
from lxml import etree

from converter.errors import InputError
from converter.model import Release, SkippedTable, SourceRef, Statement

from .release import build_release
from .grid import GCell, Grid, split_grid
from .reader import Line
from .tablekind import statement_or_ignored

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
    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot parse HTML: {exc}", where=path) from exc
    _drop_chrome(root)
    blocks: list[_Block] = []
    tables: list[_Table] = []
    _walk(root, blocks, tables)
    locate = _Source(source)
    statements: list[Statement] = []
    ignored: list[tuple[str, str, SourceRef]] = []
    skipped: list[SkippedTable] = []
    previous = 0
    carried: list[tuple[str, SourceRef]] = []  # text of small tables since the last data table
    for table in tables:
        rows = _grid(table.element, locate)
        grid = split_grid(rows)
        nearby = blocks[max(previous, table.after_block - _WINDOW) : table.after_block]
        previous = table.after_block
        if grid.value_rows() < 2:
            carried = _row_texts(rows, path)[::-1] + [(b.text, SourceRef(path, b.line, 1)) for b in reversed(nearby)] \
                + carried
            carried = carried[:_WINDOW]
            continue
        candidates = _candidates(table.element, grid, nearby, path) + carried
        carried = []
        found = statement_or_ignored(candidates, grid, path)
        if isinstance(found, Statement):
            statements.append(found)
        elif isinstance(found, SkippedTable):
            skipped.append(found)
        elif found is not None:
            ignored.append(found)
    return build_release(path, _lines(blocks), statements, ignored, skipped)


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
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()


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

    def visit(el: etree._Element, line: int) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        here = el.sourceline or line
        if tag == "table" and el.find(".//table") is None:
            flush()
            tables.append(_Table(el, len(blocks)))
        elif tag:
            block = tag in _BLOCKS
            if block or tag == "br":
                flush()
            add(el.text, here)
            for child in el:
                visit(child, here)
            if block:
                flush()
        add(el.tail, here)

    visit(root, 1)
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


def _grid(table: etree._Element, locate: _Source) -> list[list[GCell]]:
    rows = []
    for tr in table.xpath("./tr|./thead/tr|./tbody/tr|./tfoot/tr"):
        row, col = [], 0
        for td in tr.xpath("./td|./th"):
            try:
                span = max(1, int(td.get("colspan", "1") or 1))
            except ValueError:
                span = 1
            text = _text(td)
            line, column = locate.cell(td, text) if text else (td.sourceline or 1, 1)
            row.append(GCell(text, line, column, col, col + span - 1, bool(text) and _bold(td, text)))
            col += span
        rows.append(row)
    return rows


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

