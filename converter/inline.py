"""Inline XBRL 1.1: MappedRelease + release text -> one XHTML document that is both the
readable release and an XBRL report.

    render_inline(mapped, text, extension=None) -> bytes

The document holds, in the release's order, the narrative text as paragraphs (a block laid out
in columns, e.g. an untagged non-GAAP table, as <pre>) and each statement as an HTML table.
Statement regions are found from the SourceRefs of the title, rows, cells and label figures
(line and column, so a release flattened onto one line splits too); the all-capitals line right
above a title (the company name) is shown as the statement's caption. Every fact of the XML instance (serialize.serialize) appears
exactly once, with the SAME id (serialize.fact_ids: F0001, F0002, ... in fact order), the same
concept, context id (serialize.context_id), unit id (serialize.UNIT_IDS), decimals and value:

* a fact read from a table cell is tagged in that cell: `ix:nonFraction` around the printed
  digits (format ixt:num-dot-decimal, `scale` = the statement's power of ten for the fact,
  `sign="-"` when the stored value is negative); "$", "(" and ")" stay outside the tag;
  a printed dash that stands for zero is `format="ixt:fixed-zero"` with the dash as content;
  a nil fact is an empty `ix:nonFraction xsi:nil="true"` next to the printed dash;
* a fact stated inside a label (par value, share counts, allowances) is tagged inside the
  label text; "none issued" is tagged on "none" with ixt:fixed-zero;
* everything else goes to `ix:hidden`: the dei facts, and facts that are not printed where
  they can be tagged (e.g. the second balance-sheet date of an undated par value, which the
  label states once for both dates).

Before a fact is tagged visibly its tagged value (content x 10^scale, sign) is recomputed and
compared with the fact's value; a fact whose printed text does not give its value exactly goes
to ix:hidden instead, so Arelle always extracts the instance's facts.

Output is deterministic (no time, no hashing; element order follows the model).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from lxml import etree

from converter.errors import InputError
from converter.extract.reader import Line, split_lines
from converter.model import (
    Cell,
    CellKind,
    ExtensionTaxonomy,
    Fact,
    LineItem,
    MappedRelease,
    Period,
    SourceRef,
    Statement,
    UnitKind,
)
from converter.serialize import UNIT_IDS, context_id, fact_ids, format_value, namespaces, schema_refs

XHTML = "http://www.w3.org/1999/xhtml"
IX = "http://www.xbrl.org/2013/inlineXBRL"
IXT = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"  # Transformation Registry 4
NUM_FORMAT = "ixt:num-dot-decimal"
ZERO_FORMAT = "ixt:fixed-zero"

_NUM_RE = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
_RULE_RE = re.compile(r"[ \t\n]*[-=_]{3,}")
_WORDS = {1: "One", 2: "Two", 3: "Three", 4: "Four", 5: "Five", 6: "Six", 7: "Seven", 8: "Eight",
          9: "Nine", 10: "Ten", 11: "Eleven", 12: "Twelve"}

_STYLE = """
body { font-family: Georgia, serif; max-width: 60em; margin: 2em auto; }
table.statement { border-collapse: collapse; margin: 1em 0 2em 0; }
table.statement td, table.statement th { padding: 0.1em 0.6em; }
td.amount { text-align: right; white-space: nowrap; }
tr.heading td { font-weight: bold; padding-top: 0.5em; }
tr.rule td.amount { border-top: 1px solid black; }
p.caption { text-align: center; font-weight: bold; margin: 0; }
p.scale { text-align: center; margin: 0; }
"""


def _h(tag: str) -> str:
    return f"{{{XHTML}}}{tag}"


def _ix(tag: str) -> str:
    return f"{{{IX}}}{tag}"


class _Ns:
    def __init__(self, ns: dict[str, str]) -> None:
        self.ns = ns

    def q(self, prefixed: str) -> str:
        prefix, local = prefixed.split(":", 1)
        return f"{{{self.ns[prefix]}}}{local}"


# ---- facts: which ones are shown where ---------------------------------------------------------


@dataclass
class _Facts:
    facts: tuple[Fact, ...]
    ids: tuple[str, ...]
    by_source: dict[SourceRef, list[int]]
    placed: set[int]

    @classmethod
    def of(cls, mapped: MappedRelease) -> _Facts:
        by_source: dict[SourceRef, list[int]] = {}
        for i, fact in enumerate(mapped.facts):
            if fact.source is not None and fact.statement is not None:
                by_source.setdefault(fact.source, []).append(i)
        return cls(mapped.facts, fact_ids(mapped), by_source, set())

    def take(self, source: SourceRef, period: Period | None = None) -> int | None:
        """The first fact read from `source` (for `period` when given) not yet placed."""
        for i in self.by_source.get(source, ()):
            if i not in self.placed and (period is None or self.facts[i].period == period):
                return i
        return None


def _tagged_value(digits: str, scale: int, negative: bool) -> Decimal:
    value = Decimal(digits.replace(",", "")).scaleb(scale)
    return -value if negative else value


def _places(digits: str) -> int:
    return len(digits.split(".", 1)[1]) if "." in digits else 0


def _number_tag(ns: _Ns, facts: _Facts, i: int, digits: str, zero_text: str | None = None) -> etree._Element | None:
    """An ix:nonFraction for fact i showing `digits` (or `zero_text` for a printed zero/none),
    or None when the shown text would not give the fact's value exactly."""
    fact = facts.facts[i]
    if fact.unit is None:
        return None
    attrs = {"name": fact.concept, "contextRef": context_id(fact.period), "unitRef": UNIT_IDS[fact.unit],
             "id": facts.ids[i]}
    if fact.value is None:
        el = etree.Element(_ix("nonFraction"), attrs)
        el.set(ns.q("xsi:nil"), "true")
        return el
    if not isinstance(fact.value, Decimal) or fact.decimals is None:
        return None
    if zero_text is not None:
        if fact.value != 0:
            return None
        scale = -fact.decimals if fact.unit is not UnitKind.USD_PER_SHARE and fact.decimals < 0 else 0
        attrs.update(decimals=str(fact.decimals), scale=str(scale), format=ZERO_FORMAT)
        el = etree.Element(_ix("nonFraction"), attrs)
        el.text = zero_text
        return el
    scale = _places(digits) - fact.decimals
    if _tagged_value(digits, scale, fact.value < 0) != fact.value:
        return None
    attrs.update(decimals=str(fact.decimals), scale=str(scale), format=NUM_FORMAT)
    if fact.value < 0:
        attrs["sign"] = "-"
    el = etree.Element(_ix("nonFraction"), attrs)
    el.text = digits
    return el


def _hidden_fact(ns: _Ns, parent: etree._Element, fact: Fact, fact_id: str) -> None:
    attrs = {"name": fact.concept, "contextRef": context_id(fact.period), "id": fact_id}
    if fact.unit is None:
        el = etree.SubElement(parent, _ix("nonNumeric"), attrs)
        if fact.value is None:
            el.set(ns.q("xsi:nil"), "true")
        else:
            el.text = format_value(fact.value)
        return
    attrs["unitRef"] = UNIT_IDS[fact.unit]
    el = etree.SubElement(parent, _ix("nonFraction"), attrs)
    if fact.value is None:
        el.set(ns.q("xsi:nil"), "true")
        return
    assert isinstance(fact.value, Decimal)
    if fact.decimals is not None:
        el.set("decimals", str(fact.decimals))
    if fact.value < 0:
        el.set("sign", "-")
    el.text = format_value(abs(fact.value))


# ---- the header ---------------------------------------------------------------------------------


def _period_key(p: Period) -> tuple[bool, date, date | None]:
    return (p.start is not None, p.end, p.start)


def _header(ns: _Ns, mapped: MappedRelease, extension: ExtensionTaxonomy | None, facts: _Facts,
            body: etree._Element) -> None:
    box = etree.SubElement(body, _h("div"), style="display:none")
    header = etree.SubElement(box, _ix("header"))
    hidden = [i for i in range(len(facts.facts)) if i not in facts.placed]
    if hidden:
        el = etree.SubElement(header, _ix("hidden"))
        for i in hidden:
            _hidden_fact(ns, el, facts.facts[i], facts.ids[i])
    refs = etree.SubElement(header, _ix("references"))
    for href in schema_refs(extension):
        etree.SubElement(refs, ns.q("link:schemaRef"), {ns.q("xlink:type"): "simple", ns.q("xlink:href"): href})
    resources = etree.SubElement(header, _ix("resources"))
    for period in sorted({f.period for f in mapped.facts}, key=_period_key):
        ctx = etree.SubElement(resources, ns.q("xbrli:context"), id=context_id(period))
        entity = etree.SubElement(ctx, ns.q("xbrli:entity"))
        etree.SubElement(entity, ns.q("xbrli:identifier"), scheme=mapped.entity_scheme).text = mapped.cik
        per = etree.SubElement(ctx, ns.q("xbrli:period"))
        if period.start is None:
            etree.SubElement(per, ns.q("xbrli:instant")).text = period.end.isoformat()
        else:
            etree.SubElement(per, ns.q("xbrli:startDate")).text = period.start.isoformat()
            etree.SubElement(per, ns.q("xbrli:endDate")).text = period.end.isoformat()
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


# ---- statements ---------------------------------------------------------------------------------


def period_heading(period: Period) -> str:
    """"September 30, 2008" or "Three Months Ended September 30, 2008"."""
    end = f"{period.end:%B} {period.end.day}, {period.end.year}"
    if period.start is None:
        return end
    months = (period.end.year - period.start.year) * 12 + period.end.month - period.start.month + 1
    if period.start.day > 15:  # a 52/53-week year starting late in a month
        months -= 1
    word = _WORDS.get(months)
    return f"{word} Months Ended {end}" if word else f"{period.start.isoformat()} to {end}"


def _append_text(parent: etree._Element, text: str) -> None:
    if not text:
        return
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _amount_cell(ns: _Ns, td: etree._Element, cell: Cell, fact_index: int | None, facts: _Facts) -> None:
    text = " ".join(cell.text.split())
    if fact_index is None:
        _append_text(td, text)
        return
    fact = facts.facts[fact_index]
    if fact.value is None:  # nil: the printed dash, then an empty nil tag
        tag = _number_tag(ns, facts, fact_index, "")
        _append_text(td, text)
        if tag is not None:
            td.append(tag)
            facts.placed.add(fact_index)
        return
    if cell.kind is CellKind.DASH:
        tag = _number_tag(ns, facts, fact_index, "", zero_text=text)
        if tag is not None:
            td.append(tag)
            facts.placed.add(fact_index)
        else:
            _append_text(td, text)
        return
    found = _NUM_RE.search(text)
    tag = _number_tag(ns, facts, fact_index, found.group(0)) if found else None
    if found is None or tag is None:
        _append_text(td, text)
        return
    _append_text(td, text[: found.start()])
    td.append(tag)
    tag.tail = text[found.end():]
    facts.placed.add(fact_index)


def _label_cell(ns: _Ns, td: etree._Element, item: LineItem, facts: _Facts) -> None:
    label = item.label
    pos = 0
    for detail in item.details:
        at = label.find(detail.text, pos)
        if at < 0:
            continue
        i = facts.take(detail.source)
        if i is None:
            continue
        found = _NUM_RE.search(detail.text)
        if found is not None:
            tag = _number_tag(ns, facts, i, found.group(0))
            start, end = at + found.start(), at + found.end()
        else:
            word = re.search(r"[A-Za-z]+", detail.text)  # "none issued"
            if word is None:
                continue
            tag = _number_tag(ns, facts, i, "", zero_text=word.group(0))
            start, end = at + word.start(), at + word.end()
        if tag is None:
            continue
        _append_text(td, label[pos:start])
        td.append(tag)
        facts.placed.add(i)
        pos = end
    _append_text(td, label[pos:])


def _statement(ns: _Ns, parent: etree._Element, statement: Statement, captions: list[str], facts: _Facts) -> None:
    div = etree.SubElement(parent, _h("div"), {"class": f"statement {statement.kind.value}"})
    for caption in captions:
        etree.SubElement(div, _h("p"), {"class": "caption"}).text = caption
    etree.SubElement(div, _h("p"), {"class": "caption"}).text = statement.title
    if statement.scale.text:
        etree.SubElement(div, _h("p"), {"class": "scale"}).text = statement.scale.text
    table = etree.SubElement(div, _h("table"), {"class": "statement"})
    thead = etree.SubElement(table, _h("thead"))
    row = etree.SubElement(thead, _h("tr"))
    etree.SubElement(row, _h("th"))
    for period in statement.periods:
        etree.SubElement(row, _h("th")).text = period_heading(period)
    tbody = etree.SubElement(table, _h("tbody"))
    width = str(len(statement.periods) + 1)
    shown: tuple[str, ...] = ()
    for item in statement.items:
        common = 0
        while common < min(len(shown), len(item.section)) and shown[common] == item.section[common]:
            common += 1
        for depth in range(common, len(item.section)):
            tr = etree.SubElement(tbody, _h("tr"), {"class": "heading"})
            etree.SubElement(tr, _h("td"), colspan=width, style=f"padding-left:{depth}em").text = item.section[depth]
        shown = item.section
        tr = etree.SubElement(tbody, _h("tr"), {"class": "rule"} if item.rule_above else {})
        label = etree.SubElement(tr, _h("td"), {"class": "label", "style": f"padding-left:{len(item.section)}em"})
        _label_cell(ns, label, item, facts)
        for cell, period in zip(item.cells, statement.periods):
            td = etree.SubElement(tr, _h("td"), {"class": "amount"})
            if cell.kind is CellKind.BLANK:
                continue
            _amount_cell(ns, td, cell, facts.take(cell.source, period), facts)


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
    if not text.full[line_start:start].strip():
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
    if not text.full[end:line_end].strip():
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
        if not word or not any(c.isalpha() for c in word) or any(c.islower() for c in word) or word.endswith(":"):
            break
        words.append(word)
        pos = begin
    if not words:
        return start, []
    return pos, [" ".join(reversed(words))]


_BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "div", "blockquote", "pre")
_SKIP = ("script", "style", "noscript", "nav", "form", "aside", "iframe", "svg", "table", "head")


def _html_paragraphs(text: str) -> list[str]:
    """The text blocks of an HTML release outside its tables (narrative only; the statements
    are rendered from the model)."""
    import lxml.html

    from converter.extract import clean_text

    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return []
    out: list[str] = []
    for el in root.iter(*_BLOCKS):
        if any(a.tag in _SKIP for a in el.iterancestors()):
            continue
        if any(isinstance(c.tag, str) and c.tag in (*_BLOCKS, "table") for c in el.iterdescendants()):
            continue
        # character references the parser turned into characters XML cannot hold become spaces
        block = " ".join(clean_text(el.text_content(), "")[0].split())
        if block:
            out.append(block)
    return out


_COLUMNS_RE = re.compile(r"\S(?:\t| {3,})\S")


def _blocks(chunk: str) -> list[tuple[str, str]]:
    """Blank-line separated blocks of narrative as ("p", text joined into one line), or as
    ("pre", the lines as printed) for a block laid out in columns (a table that is not tagged,
    e.g. a non-GAAP reconciliation)."""
    out = []
    for block in re.split(r"\n[ \t]*\n", chunk):
        if not block.strip():
            continue
        if _COLUMNS_RE.search(block):
            out.append(("pre", "\n".join(line.rstrip() for line in block.strip("\n").split("\n"))))
        else:
            out.append(("p", " ".join(block.split())))
    return out


# ---- the document -------------------------------------------------------------------------------


def render_inline(mapped: MappedRelease, text: str, extension: ExtensionTaxonomy | None = None) -> bytes:
    """The Inline XBRL 1.1 document (XHTML, UTF-8) of a converted release; `text` is the
    release's decoded text (the file the statements' SourceRefs point into)."""
    ns = _Ns(namespaces(extension))
    facts = _Facts.of(mapped)
    try:
        source: _Text | None = _Text.of(text, mapped.release.path)
    except InputError:  # an HTML release: SourceRefs point into markup, not into text lines
        source = None
    nsmap: dict[str | None, str] = {None: XHTML, "ix": IX, "ixt": IXT, **ns.ns}
    html = etree.Element(_h("html"), nsmap=nsmap)
    head = etree.SubElement(html, _h("head"))
    etree.SubElement(head, _h("meta"), {"http-equiv": "Content-Type", "content": "text/html; charset=UTF-8"})
    info = mapped.release.info
    title = " ".join(x for x in (mapped.entity_name or info.company_name, info.fiscal_period_text) if x)
    etree.SubElement(head, _h("title")).text = title or "Earnings release"
    etree.SubElement(head, _h("style"), type="text/css").text = _STYLE
    body = etree.SubElement(html, _h("body"))
    header_at = len(body)
    content = etree.SubElement(body, _h("div"), {"class": "release"})

    statements = sorted(mapped.release.statements, key=lambda s: s.source)
    if source is None:
        for paragraph in _html_paragraphs(text):
            etree.SubElement(content, _h("p")).text = paragraph
        for statement in statements:
            _statement(ns, content, statement, [], facts)
    else:
        pos = 0
        for statement in statements:
            start, end, captions = _region(source, statement)
            start = max(start, pos)
            for tag, block in _blocks(source.full[pos:start]):
                etree.SubElement(content, _h(tag)).text = block
            _statement(ns, content, statement, captions, facts)
            pos = max(pos, end)
        for tag, block in _blocks(source.full[pos:]):
            etree.SubElement(content, _h(tag)).text = block

    header_box = etree.Element(_h("div"))
    _header(ns, mapped, extension, facts, header_box)
    body.insert(header_at, header_box[0])
    etree.indent(html, space=" ")
    return etree.tostring(html, xml_declaration=True, encoding="UTF-8", pretty_print=True)


__all__ = ["render_inline", "period_heading", "IX", "IXT"]
