"""Inline XBRL 1.1: MappedRelease + release text -> one XHTML document that is both the
readable release and an XBRL report.

    render_inline(mapped, text, extension=None) -> bytes

The document holds, in the release's order, the narrative (inline_text: paragraphs, headings,
lists, the headline as the page's h1; a block laid out in columns, e.g. an untagged non-GAAP
table, as <pre>) and each statement as a centred HTML table with its captions (inline_tables:
"$" signs, "(Unaudited)", single and double rules as printed). In a text or markdown release the
statement regions are found from the SourceRefs of the title, rows, cells and label figures
(line and column, so a release flattened onto one line splits too); the company-name line
right above a title is shown as the statement's caption. In an HTML release the statements
take the place of their tables among the page's text blocks (by source line).

Every fact of the XML instance (serialize.serialize) appears exactly once, with the SAME id
(serialize.fact_ids: F0001, F0002, ... in fact order), the same concept, context id
(serialize.context_id), unit id (serialize.UNIT_IDS), decimals and value:

* a fact read from a table cell is tagged in that cell: `ix:nonFraction` around the printed
  digits (format ixt:num-dot-decimal, `scale` = the statement's power of ten for the fact,
  `sign="-"` when the stored value is negative); "$", "(" and ")" stay outside the tag;
  a printed dash that stands for zero is `format="ixt:fixed-zero"` with the dash as content;
  a nil fact is an empty `ix:nonFraction xsi:nil="true"` next to the printed dash;
* a fact stated inside a label (par value, share counts, allowances) is tagged inside the
  label text ("none issued" on "none" with ixt:fixed-zero); one figure the label states for
  every balance-sheet date carries the facts of all dates as nested ix:nonFraction;
* the registrant's name, its ticker and the period-end date are tagged where the narrative
  prints them exactly (ix:nonNumeric, the date with ixt:date-monthname-day-year-en);
* everything else goes to `ix:hidden`: the dei facts with no printed place (document type,
  CIK, fiscal focus, amendment flag) and facts whose printed text does not give their value.

Before a fact is tagged visibly its tagged value (content x 10^scale, sign) is recomputed and
compared with the fact's value; a fact whose printed text does not give its value exactly goes
to ix:hidden instead, so Arelle always extracts the instance's facts.

Output is deterministic (no time, no hashing; element order follows the model).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from lxml import etree

from converter.errors import InputError
from converter.extract.reader import Line, split_lines
from converter.inline_facts import IX, IXT, XHTML, Facts, Ns, h, hidden_fact, ix
from converter.inline_tables import STYLE as TABLE_STYLE
from converter.inline_tables import period_heading, render_statement
from converter.inline_text import Placer, html_blocks, mark_headline, text_blocks
from converter.model import CellKind, ExtensionTaxonomy, MappedRelease, Period, SourceRef, Statement, UnitKind
from converter.serialize import UNIT_IDS, contexts, namespaces, schema_refs, write_context

_RULE_RE = re.compile(r"[ \t\n]*[-=_]{3,}")

_STYLE = """
body { font-family: Georgia, 'Times New Roman', serif; max-width: 62em; margin: 2em auto; padding: 0 1.5em;
  line-height: 1.35; }
h1.headline { font-size: 1.5em; text-align: center; margin: 0.5em 0 1em 0; }
h2, h3, h4 { font-size: 1.1em; margin: 1.2em 0 0.4em 0; }
pre { font-size: 0.85em; }
table.plain { border-collapse: collapse; margin: 1em auto; }
table.plain td { padding: 0.1em 0.6em; border-bottom: 1px solid #ccc; }
table.plain td.num { text-align: right; white-space: nowrap; }
""" + TABLE_STYLE


# ---- the header ---------------------------------------------------------------------------------


def _header(ns: Ns, mapped: MappedRelease, extension: ExtensionTaxonomy | None, facts: Facts,
            body: etree._Element) -> None:
    box = etree.SubElement(body, h("div"), style="display:none")
    header = etree.SubElement(box, ix("header"))
    hidden = [i for i in range(len(facts.facts)) if i not in facts.placed]
    if hidden:
        el = etree.SubElement(header, ix("hidden"))
        for i in hidden:
            hidden_fact(ns, el, facts.facts[i], facts.ids[i])
    refs = etree.SubElement(header, ix("references"))
    for href in schema_refs(extension, mapped.facts):
        etree.SubElement(refs, ns.q("link:schemaRef"), {ns.q("xlink:type"): "simple", ns.q("xlink:href"): href})
    resources = etree.SubElement(header, ix("resources"))
    for key in contexts(mapped.facts):
        write_context(resources, ns.q, mapped.cik, mapped.entity_scheme, key)
    for unit in sorted({f.unit for f in mapped.facts if f.unit is not None}, key=lambda u: list(UnitKind).index(u)):
        el = etree.SubElement(resources, ns.q("xbrli:unit"), id=UNIT_IDS[unit])
        if unit is UnitKind.USD:
            etree.SubElement(el, ns.q("xbrli:measure")).text = "iso4217:USD"
        elif unit is UnitKind.SHARES:
            etree.SubElement(el, ns.q("xbrli:measure")).text = "xbrli:shares"
        else:
            div = etree.SubElement(el, ns.q("xbrli:divide"))
            num = etree.SubElement(div, ns.q("xbrli:unitNumerator"))
            etree.SubElement(num, ns.q("xbrli:measure")).text = "iso4217:USD"
            den = etree.SubElement(div, ns.q("xbrli:unitDenominator"))
            etree.SubElement(den, ns.q("xbrli:measure")).text = "xbrli:shares"


# ---- where the statements are in the text -------------------------------------------------------


@dataclass
class _Text:
    """The release text with `\\$` unescaped, and offsets of SourceRefs in it."""

    lines: list[Line]
    starts: list[int]
    full: str

    @classmethod
    def of(cls, text: str, path: str) -> _Text:
        lines = split_lines(text, path)
        starts, at = [], 0
        for line in lines:
            starts.append(at)
            at += len(line.text) + 1
        return cls(lines, starts, "\n".join(line.text for line in lines))

    def offset(self, ref: SourceRef) -> int:
        if not 1 <= ref.line <= len(self.lines):
            return len(self.full)
        line = self.lines[ref.line - 1]
        index = max(ref.column - 1, 0)
        while index > 0 and line.col(index) > ref.column:
            index -= 1
        return self.starts[ref.line - 1] + min(index, len(line.text))


def _region(text: _Text, statement: Statement) -> tuple[int, int, list[str]]:
    """Where a statement is printed (start, end offsets) and the caption lines above its title."""
    start = text.offset(statement.source)
    line_start = text.full.rfind("\n", 0, start) + 1
    if not any(c.isalnum() for c in text.full[line_start:start]):  # indentation, "**", "#" of markdown
        start = line_start
    end = start
    for item in statement.items:
        end = max(end, text.offset(item.source) + 1)
        for cell in item.cells:
            if cell.kind is not CellKind.BLANK:
                end = max(end, text.offset(cell.source) + len(cell.text))
        for detail in item.details:
            end = max(end, text.offset(detail.source) + len(detail.text))
    while (rule := _RULE_RE.match(text.full, end)) is not None:
        end = rule.end()
    line_end = text.full.find("\n", end)
    line_end = len(text.full) if line_end < 0 else line_end
    if not any(c.isalnum() for c in text.full[end:line_end]):  # spaces, "|" or "**" closing the row
        end = line_end
    start, captions = _captions(text.full, start)
    return start, end, captions


def _captions(full: str, start: int) -> tuple[int, list[str]]:
    """All-capitals words right before a title (the company name above a statement)."""
    words: list[str] = []
    pos = start
    while True:
        stop = pos
        while stop > 0 and full[stop - 1] in " \t":
            stop -= 1
        if stop > 0 and full[stop - 1] == "\n":  # at most one line break, no blank line
            stop -= 1
            while stop > 0 and full[stop - 1] in " \t":
                stop -= 1
            if stop > 0 and full[stop - 1] == "\n":
                break
        begin = stop
        while begin > 0 and not full[begin - 1].isspace():
            begin -= 1
        word = full[begin:stop]
        if (not word or not any(c.isalpha() for c in word) or any(c.islower() for c in word) or word.endswith(":")
                or "<" in word or ">" in word):  # EDGAR markup ("<PAGE>") is no caption
            break
        words.append(word)
        pos = begin
    if not words:
        return _name_line(full, start)
    return pos, [" ".join(reversed(words))]


def _name_line(full: str, start: int) -> tuple[int, list[str]]:
    """The line right above a title (no blank line between) when it is a name, not a sentence:
    a few capitalised words ("Pericom Semiconductor Corporation")."""
    end = full.rfind("\n", 0, start)
    if end <= 0:
        return start, []
    begin = full.rfind("\n", 0, end) + 1
    line = " ".join(full[begin:end].split())
    words = re.findall(r"[A-Za-z][A-Za-z'.&-]*", line)
    if (not line or len(line.split()) > 8 or line.endswith((".", ":", ",")) or not words
            or not all(w[0].isupper() or w.lower() in ("of", "and", "the", "&") for w in words)
            or not re.fullmatch(r"[A-Za-z0-9 ,.'&()-]+", line)):
        return start, []
    return begin, [line]


# ---- the document -------------------------------------------------------------------------------


def _markdown(path: str) -> bool:
    return path.lower().endswith((".md", ".markdown"))


def _text_body(source: _Text, statements: list[Statement], markdown: bool) -> list[tuple[str, object]]:
    """The parts of a text or markdown release in order: ("block", Block) and
    ("statement", (statement, captions))."""
    parts: list[tuple[str, object]] = []
    pos = 0
    for statement in statements:
        start, end, captions = _region(source, statement)
        start = max(start, pos)
        parts += [("block", b) for b in text_blocks(source.full[pos:start], markdown)]
        parts.append(("statement", (statement, captions)))
        pos = max(pos, end)
    parts += [("block", b) for b in text_blocks(source.full[pos:], markdown)]
    return parts


_HEAD_RE = re.compile(r"^\(?\s*(?:unaudited|in (?:thousands|millions|billions)\b.*)\)?$", re.I)


def _html_body(text: str, statements: list[Statement]) -> list[tuple[str, object]]:
    """The parts of an HTML release in order: its text blocks, each statement in the place of its
    table (from its first to its last row; the blocks right above it that print its title, scale
    or "(Unaudited)" are the statement's own and left out)."""
    def at(ref: SourceRef) -> tuple[int, int]:
        return (ref.line, ref.column)

    spans = [(min(at(i.source) for i in s.items), max(at(i.source) for i in s.items)) if s.items
             else (at(s.source), at(s.source)) for s in statements]
    placed: list[tuple[tuple[int, int], int, tuple[str, object]]] = []
    for place, block in html_blocks(text):
        if not any(a <= place <= b for a, b in spans):
            placed.append((place, 1, ("block", block)))
    for statement, (a, _) in zip(statements, spans):
        placed.append((a, 0, ("statement", (statement, []))))
    parts = [part for _, _, part in sorted(placed, key=lambda x: (x[0], x[1]))]
    out: list[tuple[str, object]] = []
    for kind, part in parts:
        if kind == "statement":
            statement = part[0]  # type: ignore[index]
            own = {" ".join(statement.title.split()).lower(), " ".join(statement.scale.text.split()).lower()}
            while out and _caption_block(out[-1]) and (
                    out[-1][1].text.lower() in own or _HEAD_RE.match(out[-1][1].text)):  # type: ignore[union-attr]
                out.pop()
            captions = []
            if out and _caption_block(out[-1]) and _COMPANY_RE.search(out[-1][1].text):  # type: ignore[union-attr]
                captions.append(out.pop()[1].text)  # type: ignore[union-attr]
            part = (statement, captions)
        out.append((kind, part))
    return out


_COMPANY_RE = re.compile(r"^[^.!?]{0,80}\b(?:inc|corp|corporation|company|co|ltd|llc|plc|holdings|group|n\.v|s\.a|ag"
                         r"|subsidiaries)\b\.?(?:\s+and\s+subsidiaries)?$", re.I)


def _caption_block(part: tuple[str, object]) -> bool:
    """A one-line text block that can belong to a statement's head (a paragraph or a heading)."""
    kind, block = part
    return kind == "block" and block.tag in ("p", "h2", "h3", "h4") and len(block.text) <= 120  # type: ignore[union-attr]


def render_inline(mapped: MappedRelease, text: str, extension: ExtensionTaxonomy | None = None) -> bytes:
    """The Inline XBRL 1.1 document (XHTML, UTF-8) of a converted release; `text` is the
    release's decoded text (the file the statements' SourceRefs point into)."""
    ns = Ns(namespaces(extension, mapped.facts))
    facts = Facts.of(mapped)
    try:
        source: _Text | None = _Text.of(text, mapped.release.path)
    except InputError:  # an HTML release: SourceRefs point into markup, not into text lines
        source = None
    nsmap: dict[str | None, str] = {None: XHTML, "ix": IX, "ixt": IXT, **ns.ns}
    html = etree.Element(h("html"), nsmap=nsmap)
    head = etree.SubElement(html, h("head"))
    etree.SubElement(head, h("meta"), {"http-equiv": "Content-Type", "content": "text/html; charset=UTF-8"})
    info = mapped.release.info
    title = " ".join(x for x in (mapped.entity_name or info.company_name, info.fiscal_period_text) if x)
    etree.SubElement(head, h("title")).text = title or "Earnings release"
    etree.SubElement(head, h("link"), rel="icon", href="data:,")  # no favicon request
    etree.SubElement(head, h("style"), type="text/css").text = _STYLE
    body = etree.SubElement(html, h("body"))
    header_at = len(body)
    content = etree.SubElement(body, h("div"), {"class": "release"})

    statements = sorted(mapped.release.statements, key=lambda s: s.source)
    if source is None:
        parts = _html_body(text, statements)
    else:
        parts = _text_body(source, statements, _markdown(mapped.release.path))
    blocks = mark_headline([p for kind, p in parts if kind == "block"])  # type: ignore[misc]
    placer = Placer.of(ns, facts)
    at = 0
    for kind, part in parts:
        if kind == "block":
            placer.write(content, blocks[at])
            at += 1
        else:
            statement, captions = part  # type: ignore[misc]
            render_statement(ns, content, statement, captions, facts)

    header_box = etree.Element(h("div"))
    _header(ns, mapped, extension, facts, header_box)
    body.insert(header_at, header_box[0])
    etree.indent(html, space=" ")
    for outer in html.iter(ix("nonFraction")):  # nested tags hold their child only, no indentation
        if len(outer):
            outer.text = None
            outer[0].tail = None
    for close in html.iter(h("span")):  # ")" right after its figure, no space between
        before = close.getprevious()
        if close.get("class") == "close" and before is not None and not (before.tail or "").strip():
            before.tail = None
    return etree.tostring(html, xml_declaration=True, encoding="UTF-8", pretty_print=True)


__all__ = ["render_inline", "period_heading", "IX", "IXT"]
