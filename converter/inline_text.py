"""The narrative of the Inline XBRL document: the release's text outside its statements, as blocks.

    text_blocks(chunk, markdown)  -> blocks of a plain-text or markdown release between statements
    html_blocks(text)             -> (line, block) of an HTML release outside its tables
    mark_headline(blocks)         -> the release's headline made the page's <h1>
    Placer                        -> dei facts tagged where the narrative prints them

A block is a paragraph, a heading, a list, a rule, a preformatted block (text laid out in
columns, e.g. an untagged non-GAAP table) or a small table (a markdown pipe table that is not a
statement). EDGAR submission markup (<DOCUMENT>, <TYPE>, <PAGE>, <TABLE>, <S>, <C> ...) is not
text of the release and is left out; so are page numbers of an HTML page. Markdown is read for
its headings (#), lists (-, *, 1.), rules (---) and pipe tables; emphasis markers and link
targets are dropped, their text kept.

The headline is the first heading of a markdown or HTML release, else the first short line in
title case or capitals near the top (not "Exhibit 99.1", not a date).

`Placer` tags the registrant's name, its ticker and the period-end date where the narrative
prints them (ix:nonNumeric, the date with ixt:date-monthname-day-year-en), each once, at its
first printed place; a fact whose printed form is not its value exactly is not tagged in place
(it stays in ix:hidden).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from converter.inline_facts import Facts, Ns, h, printed_dates, text_tag


@dataclass(frozen=True)
class Block:
    tag: str  # "p", "h1".."h4", "pre", "ul", "ol", "hr", "table"
    text: str = ""
    items: tuple[tuple[str, ...], ...] = ()  # list items (one text each) or table rows (cell texts)


_EDGAR_LINE_RE = re.compile(r"^\s*<(?:TYPE|SEQUENCE|FILENAME|DESCRIPTION)>.*$", re.I | re.M)
_EDGAR_TAG_RE = re.compile(r"</?(?:DOCUMENT|TEXT|PAGE|TABLE|CAPTION|S|C|FN|PRE|F\d+)>", re.I)
_COLUMNS_RE = re.compile(r"\S(?:\t| {3,})\S")
_MD_HEADING_RE = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_RULE_RE = re.compile(r"^\s*(?:-{3,}|\*{3,}|_{3,})\s*$")
_MD_ITEM_RE = re.compile(r"^\s*(?:([-*+•])|(\d{1,3})[.)])\s+")
_MD_EMPHASIS_RE = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_MD_LINK_RE = re.compile(r"!\[[^\]]*\]\([^)]*\)|\[([^\]]*)\]\([^)]*\)")
_PIPE_ROW_RE = re.compile(r"^\s*\|.*\|\s*$")
_PIPE_RULE_RE = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")


def _edgar_free(chunk: str) -> str:
    return _EDGAR_TAG_RE.sub("", _EDGAR_LINE_RE.sub("", chunk))


def _md_inline(text: str) -> str:
    text = _MD_LINK_RE.sub(lambda m: m[1] or "", text)
    for _ in range(2):  # "***bold italic***"
        text = _MD_EMPHASIS_RE.sub(lambda m: m[2], text)
    return " ".join(text.replace("**", "").split())


_RULE_WORDS_RE = re.compile(r"(?:\s+-)?(?:\s+[-=_]{3,})+(?=\s|$)|^[-=_]{3,}(?:\s+[-=_]{3,})*(?=\s|$)")


def _plain_block(block: str) -> Block | None:
    if _COLUMNS_RE.search(block):
        return Block("pre", "\n".join(line.rstrip() for line in block.strip("\n").split("\n")))
    text = _RULE_WORDS_RE.sub("", " ".join(block.split())).strip()  # "Item 2.02 ... - -------" underlines
    return Block("p", text) if text else None


def _markdown_block(block: str) -> list[Block]:
    lines = [line for line in block.split("\n") if line.strip()]
    if not lines:
        return []
    if all(_PIPE_ROW_RE.match(line) or _PIPE_RULE_RE.match(line) for line in lines):
        rows = tuple(tuple(_md_inline(c) for c in line.strip().strip("|").split("|"))
                     for line in lines if not _PIPE_RULE_RE.match(line))
        rows = tuple(r for r in rows if any(r))
        return [Block("table", items=rows)] if rows else []
    out: list[Block] = []
    para: list[str] = []
    items: list[str] = []
    ordered = False

    def flush() -> None:
        nonlocal para, items
        if para:
            text = _md_inline(" ".join(para))
            if text.strip("*_|# "):
                out.append(Block("p", text))
        if items:
            out.append(Block("ol" if ordered else "ul", items=tuple((_md_inline(i),) for i in items)))
        para, items = [], []

    for line in lines:
        heading = _MD_HEADING_RE.match(line)
        item = _MD_ITEM_RE.match(line)
        if heading:
            flush()
            text = _md_inline(heading[2])
            if text:
                out.append(Block(f"h{min(len(heading[1]) + 1, 4)}", text))
        elif _MD_RULE_RE.match(line):
            flush()
            out.append(Block("hr"))
        elif item:
            if para:
                flush()
            if items and ordered != (item[2] is not None):
                flush()
            ordered = item[2] is not None
            items.append(line[item.end():])
        elif items and line.startswith((" ", "\t")):
            items[-1] += " " + line.strip()
        else:
            if items:
                flush()
            para.append(line)
    flush()
    return out


def text_blocks(chunk: str, markdown: bool = False) -> list[Block]:
    """The blocks of narrative text (blank-line separated) between statements."""
    out: list[Block] = []
    for block in re.split(r"\n[ \t]*\n", _edgar_free(chunk)):
        if not block.strip():
            continue
        if markdown:
            out.extend(_markdown_block(block))
            continue
        lines = [line for line in block.strip("\n").split("\n") if line.strip()]
        first = lines[0].strip() if lines else ""
        if len(lines) > 1 and _subheading(first) and first.isupper():  # "NEW PRODUCTS" over its paragraph
            out.append(Block("h3", first))
            block = "\n".join(lines[1:])
        made = _plain_block(block)
        if made is not None:
            out.append(Block("h3", made.text) if made.tag == "p" and _subheading(made.text) else made)
    return _dedupe(out)


def _dedupe(blocks: list[Block]) -> list[Block]:
    """Without a heading that repeats the heading right before it."""
    out: list[Block] = []
    for block in blocks:
        if out and block.tag.startswith("h") and out[-1].tag.startswith("h") and block.text == out[-1].text:
            continue
        out.append(block)
    return out


_NOT_HEADLINE_RE = re.compile(r"^(?:ex(?:hibit)?[-\s]*\d|for immediate release|news release|press release|contacts?\b"
                              r"|source\b|media\b|investors?\b|united states\b|securities and exchange commission"
                              r"|form \d|current report|pursuant\b|item \d)", re.I)

_TITLE_SMALL = {"a", "an", "and", "as", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with",
                "vs", "vs.", "per", "its", "over"}


def _title_case(text: str) -> bool:
    words = [w for w in re.findall(r"[A-Za-z][A-Za-z'’.-]*", text)]
    if not words:
        return False
    big = [w for w in words if w.lower() not in _TITLE_SMALL]
    return bool(big) and all(w[0].isupper() for w in big)


def _subheading(text: str) -> bool:
    """A short line of its own in title case or capitals, no sentence: "Financial Summary"."""
    words = text.split()
    return (1 <= len(words) <= 8 and len(text) <= 80 and not text.endswith((".", ",", ";", "--", "-"))
            and not _NOT_HEADLINE_RE.match(text)
            and _title_case(text) and not printed_dates(text) and not re.search(r"\d{3,}|\$|%|@|www\.|https?:", text))


def _headline_text(text: str) -> bool:
    words = text.split()
    return (3 <= len(words) <= 30 and len(text) <= 220 and not text.endswith((".", ":", ","))
            and _title_case(text) and not _NOT_HEADLINE_RE.match(text) and not printed_dates(text[:20])
            and not re.search(r"https?:|www\.|@", text)
            and not text.startswith(("[", "—", "–", "-", "(", '"', "“")))  # an image's alt text, a quote's attribution


def mark_headline(blocks: list[Block], window: int = 8) -> list[Block]:
    """`blocks` with the release's headline (the first heading or paragraph among the first
    `window` blocks that reads as one, else the first after an "Exhibit 99.1" line) as the
    page's h1; any other h1 becomes an h2."""
    out = [Block("h2", b.text) if b.tag == "h1" else b for b in blocks]
    # the top of the page, then the top of each exhibit (an 8-K submission prints its cover first)
    anchors = [0] + [k + 1 for k, b in enumerate(out) if b.tag != "pre" and _EXHIBIT_RE.match(b.text)]
    for anchor in anchors:
        for k in range(anchor, min(anchor + window, len(out))):
            block = out[k]
            if block.tag in ("p", "h2", "h3", "h4") and _headline_text(block.text):
                out[k] = Block("h1", block.text)
                return out
    return out


_EXHIBIT_RE = re.compile(r"^ex(?:hibit)?[-\s]*99(?:\.\d+)?\s*$", re.I)


# ---- HTML releases ---------------------------------------------------------------------------

_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "blockquote", "pre")
_SKIP = ("script", "style", "noscript", "nav", "form", "aside", "iframe", "svg", "table", "head")


def html_blocks(text: str) -> list[tuple[tuple[int, int], Block]]:
    """((line, column), block) for the text blocks of an HTML release outside its tables (the
    statements are rendered from the model); headings keep their level, list items are items.
    The place is where the block's element starts in the source (pages often sit on a few long
    lines, so the column counts)."""
    import bisect

    import lxml.html

    from converter.extract import clean_text

    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return []
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    cursor = 0
    missing: dict[str, int] = {}
    out: list[tuple[tuple[int, int], Block]] = []
    for el in root.iter(*_BLOCK_TAGS):
        if any(a.tag in _SKIP for a in el.iterancestors()):
            continue
        if any(isinstance(c.tag, str) and c.tag in (*_BLOCK_TAGS, "table") for c in el.iterdescendants()):
            continue
        # character references the parser turned into characters XML cannot hold become spaces
        block = " ".join(clean_text(el.text_content(), "")[0].split())
        if not block or re.fullmatch(r"[\d\s|-]{1,6}|page \d+( of \d+)?", block, re.I):  # page numbers
            continue
        line = el.sourceline or 1
        line_start = starts[min(line, len(starts)) - 1]
        begin = max(cursor, line_start)
        # an element the parser made up (text wrapped in <p>) has no start tag: once a search for
        # a tag fails, later ones from further on fail too (linear time on any page)
        found = None if begin >= missing.get(el.tag, len(text) + 1) else \
            re.compile(rf"<{el.tag}\b", re.I).search(text, begin)
        if found is None:
            missing[el.tag] = min(begin, missing.get(el.tag, begin))
        offset = found.start() if found else line_start
        cursor = max(cursor, offset + 1)
        row = bisect.bisect_right(starts, offset)
        place = (row, offset - starts[row - 1] + 1)
        tag = el.tag if isinstance(el.tag, str) else "p"
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            out.append((place, Block(f"h{min(int(tag[1]) + 1, 4)}", block)))
        elif tag == "li" or block[0] in "•·▪":  # a list item, or a paragraph printed as one
            out.append((place, Block("ul", items=((block.lstrip("•·▪ "),),))))
        else:
            out.append((place, Block("h3" if _subheading(block) else "p", block)))
    return out


# ---- writing blocks, with dei facts tagged in place --------------------------------------------


@dataclass
class Placer:
    """Tags dei facts where the narrative prints them: each fact once, at its first place."""

    ns: Ns
    facts: Facts
    pending: list[tuple[int, re.Pattern[str]]] = field(default_factory=list)

    @classmethod
    def of(cls, ns: Ns, facts: Facts) -> Placer:
        placer = cls(ns, facts)
        for concept in ("dei:EntityRegistrantName", "dei:TradingSymbol", "dei:DocumentPeriodEndDate"):
            i = facts.first(concept)
            value = facts.facts[i].value if i is not None else None
            if i is None or not isinstance(value, str) or not value.strip():
                continue
            if concept == "dei:DocumentPeriodEndDate":
                pattern = re.compile(r"\b[A-Z][a-z]+ \d{1,2}, \d{4}\b")
            elif concept == "dei:TradingSymbol":
                # after an exchange's colon ("Nasdaq: PSEM"); a ticker of three letters or more anywhere
                lead = r"(?<=:)\s*" if len(value) < 3 else r"(?:(?<=:)\s*)?"
                pattern = re.compile(rf"{lead}(?<![A-Za-z0-9.]){re.escape(value)}(?![A-Za-z0-9])")
            else:
                pattern = re.compile(rf"(?<![A-Za-z0-9]){re.escape(value)}(?![A-Za-z0-9])")
            placer.pending.append((i, pattern))
        return placer

    def fill(self, el: etree._Element, text: str) -> None:
        """Set `text` as the content of `el`, with the pending facts it prints tagged in it."""
        found: list[tuple[int, int, etree._Element, int]] = []
        for i, pattern in list(self.pending):
            for match in pattern.finditer(text):
                start = match.start() + len(match[0]) - len(match[0].lstrip())
                if any(s < match.end() and start < e for s, e, _, _ in found):
                    continue
                tag = text_tag(self.ns, self.facts, i, text[start:match.end()])
                if tag is not None:
                    found.append((start, match.end(), tag, i))
                    break
        pos = 0
        el.text = ""
        last: etree._Element | None = None
        for start, end, tag, i in sorted(found, key=lambda x: x[0]):
            piece = text[pos:start]
            if last is None:
                el.text += piece
            else:
                last.tail = piece
            el.append(tag)
            last, pos = tag, end
            self.facts.placed.add(i)
            self.pending = [p for p in self.pending if p[0] != i]
        if last is None:
            el.text = text
        else:
            last.tail = text[pos:]

    def write(self, parent: etree._Element, block: Block) -> None:
        """Append one block to `parent`."""
        if block.tag == "hr":
            etree.SubElement(parent, h("hr"))
        elif block.tag in ("ul", "ol"):
            if len(parent) and parent[-1].tag == h(block.tag) and parent[-1].get("class") == "list":
                box = parent[-1]  # consecutive items of an HTML list
            else:
                box = etree.SubElement(parent, h(block.tag), {"class": "list"})
            for (item,) in block.items:
                self.fill(etree.SubElement(box, h("li")), item)
        elif block.tag == "table":
            table = etree.SubElement(parent, h("table"), {"class": "plain"})
            for row in block.items:
                tr = etree.SubElement(table, h("tr"))
                for cell in row:
                    figure = re.fullmatch(r"[$(~€£−-]*\s*\d[\d.,]*\s*[%)BMK]*\s*%?\)?", cell)
                    self.fill(etree.SubElement(tr, h("td"), {"class": "num"} if figure else {}), cell)
        elif block.tag == "pre":
            etree.SubElement(parent, h("pre")).text = block.text
        else:
            attrs = {"class": "headline"} if block.tag == "h1" else {}
            self.fill(etree.SubElement(parent, h(block.tag), attrs), block.text)
