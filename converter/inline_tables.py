"""The statement tables of the Inline XBRL document, printed as the release prints them.

One statement -> a centred block: the caption lines above the title (the company name), the
title, the scale line and "(Unaudited)" when the release prints it, then the table: one column of
labels (headings as rows of their own, indented by depth) and one column per period. A figure's
`$` sign is shown at the left of its cell as printed (also when the release set it apart from
the figure), "(" and ")" around it, outside the tag. Rules are classes of the row, drawn by the
page's CSS: `rule-above` (a rule printed over the figures, e.g. under the rows a subtotal adds
up), `rule-below-single` and `rule-below-double` (the double rule under a total).

Tagging (inline_facts): a fact read from a table cell is tagged in that cell; a printed dash
that stands for zero is `ixt:fixed-zero`; a nil fact is an empty tag next to the dash; a fact
stated inside a label (par value, share counts, allowances) is tagged inside the label text,
and when the label states one figure for several dates (an undated par value) the facts of all
dates are nested on that one figure.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from lxml import etree

from converter.inline_facts import Facts, Ns, h, nested, number_tag
from converter.model import Cell, CellKind, LineItem, Period, Statement

_NUM_RE = re.compile(r"\d[\d,]*(?:\.\d+)?|\.\d+")
_WORDS = {1: "One", 2: "Two", 3: "Three", 4: "Four", 5: "Five", 6: "Six", 7: "Seven", 8: "Eight",
          9: "Nine", 10: "Ten", 11: "Eleven", 12: "Twelve"}

STYLE = """
div.statement { margin: 2.5em auto; }
div.statement p.caption { text-align: center; font-weight: bold; margin: 0; }
div.statement p.scale, div.statement p.unaudited { text-align: center; margin: 0; }
table.statement { border-collapse: collapse; margin: 0.8em auto 0 auto; min-width: 70%; }
table.statement th { font-weight: bold; text-align: center; vertical-align: bottom; padding: 0.1em 0.6em;
  border-bottom: 1px solid black; }
table.statement td { padding: 0.1em 0.6em; vertical-align: bottom; }
td.label { min-width: 18em; }
td.amount { text-align: right; white-space: nowrap; min-width: 6em; padding-right: 1em; }
span.close { display: inline-block; width: 0; }
span.currency { float: left; padding-right: 0.3em; }
tr.heading td { font-weight: bold; padding-top: 0.5em; }
tr.rule-above td.amount { border-top: 1px solid black; }
tr.rule-below-single td.amount { border-bottom: 1px solid black; }
tr.rule-below-double td.amount { border-bottom: 3px double black; }
"""


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


def _currency(td: etree._Element, text: str, cell: Cell) -> str:
    """Put the cell's "$" (printed in the text or set apart from it) at the left of the cell;
    the rest of the text is returned."""
    if text.startswith("$"):
        text = text[1:]  # the space after it, if printed, stays (collapsed after the floated sign)
    elif not cell.currency:
        return text
    sign = etree.SubElement(td, h("span"), {"class": "currency"})
    sign.text = "$"
    return text


def _amount_cell(ns: Ns, td: etree._Element, cell: Cell, fact_index: int | None, facts: Facts) -> None:
    text = _currency(td, " ".join(cell.text.split()), cell)
    if fact_index is None:
        _append_text(td, text)
        return
    fact = facts.facts[fact_index]
    if fact.value is None:  # nil: the printed dash, then an empty nil tag
        tag = number_tag(ns, facts, fact_index, "")
        _append_text(td, text)
        if tag is not None:
            td.append(tag)
            facts.placed.add(fact_index)
        return
    if cell.kind is CellKind.DASH:
        tag = number_tag(ns, facts, fact_index, "", zero_text=text)
        if tag is not None:
            td.append(tag)
            facts.placed.add(fact_index)
        else:
            _append_text(td, text)
        return
    found = _NUM_RE.search(text)
    tag = number_tag(ns, facts, fact_index, found.group(0)) if found else None
    if found is None or tag is None:
        _append_text(td, text)
        return
    _append_text(td, text[: found.start()])
    td.append(tag)
    _closing(td, tag, text[found.end():])
    facts.placed.add(fact_index)


def _closing(td: etree._Element, tag: etree._Element, after: str) -> None:
    """The text after a tagged figure; a closing parenthesis hangs right of the column (a
    zero-width box), so that the digits of "(868)" and "2,941" line up as printed."""
    if after.startswith(")"):
        close = etree.SubElement(td, h("span"), {"class": "close"})
        close.text = ")"
        close.tail = after[1:] or None
    else:
        tag.tail = after or None


def _label_tags(ns: Ns, facts: Facts, indexes: list[int], shown: str, zero: bool) -> list[etree._Element]:
    tags = [number_tag(ns, facts, i, "", zero_text=shown) if zero else number_tag(ns, facts, i, shown)
            for i in indexes]
    by_tag = {id(t): i for t, i in zip(tags, indexes) if t is not None}
    kept = nested([t for t in tags if t is not None])
    for tag in kept:
        facts.placed.add(by_tag[id(tag)])
    return kept


def _figure(label: str, pos: int, detail) -> tuple[int, int, bool] | None:
    """Where the label prints a detail's figure, from `pos` on: (start, end, printed as a word)
    for the first number whose value is the detail's ("25,100,000" of "25,400,000 and 25,100,000
    shares issued"), or the word of "none issued"."""
    at = label.find(detail.text, pos)
    numbers = _NUM_RE.search(detail.text) is not None
    if not numbers:
        word = re.search(r"[A-Za-z]+", detail.text) if at >= 0 else None
        return (at + word.start(), at + word.end(), True) if word else None
    for match in _NUM_RE.finditer(label, max(pos, at) if at >= 0 else pos):
        try:
            if Decimal(match[0].replace(",", "")) == detail.value:
                return match.start(), match.end(), False
        except InvalidOperation:
            continue
    return None


def _label_cell(ns: Ns, td: etree._Element, item: LineItem, facts: Facts) -> None:
    label = item.label
    pos = 0
    for detail in item.details:
        indexes = facts.take_all(detail.source)
        if not indexes:
            continue
        found = _figure(label, pos, detail)
        if found is None:
            continue
        start, end, word = found
        tags = _label_tags(ns, facts, indexes, label[start:end], zero=word)
        if not tags:
            continue
        _append_text(td, label[pos:start])
        td.append(tags[0])
        pos = end
    _append_text(td, label[pos:])


def _row_class(item: LineItem) -> dict[str, str]:
    classes = (["rule-above"] if item.rule_above else []) + (
        [f"rule-below-{item.rule_below.value}"] if item.rule_below is not None else [])
    return {"class": " ".join(classes)} if classes else {}


def render_statement(ns: Ns, parent: etree._Element, statement: Statement, captions: list[str], facts: Facts) -> None:
    """The statement's block (captions, title, scale, unaudited mark, table) appended to `parent`."""
    div = etree.SubElement(parent, h("div"), {"class": f"statement {statement.kind.value}"})
    for caption in captions:
        etree.SubElement(div, h("p"), {"class": "caption"}).text = caption
    etree.SubElement(div, h("p"), {"class": "caption"}).text = statement.title
    if statement.scale.text:
        etree.SubElement(div, h("p"), {"class": "scale"}).text = statement.scale.text
    if statement.unaudited and not re.search(r"unaudited", f"{statement.title} {statement.scale.text}", re.I):
        etree.SubElement(div, h("p"), {"class": "unaudited"}).text = "(Unaudited)"
    table = etree.SubElement(div, h("table"), {"class": "statement"})
    thead = etree.SubElement(table, h("thead"))
    row = etree.SubElement(thead, h("tr"))
    etree.SubElement(row, h("th"), {"class": "label"})
    for period in statement.periods:
        etree.SubElement(row, h("th"), {"class": "period"}).text = period_heading(period)
    tbody = etree.SubElement(table, h("tbody"))
    width = str(len(statement.periods) + 1)
    shown: tuple[str, ...] = ()
    for item in statement.items:
        common = 0
        while common < min(len(shown), len(item.section)) and shown[common] == item.section[common]:
            common += 1
        for depth in range(common, len(item.section)):
            tr = etree.SubElement(tbody, h("tr"), {"class": "heading"})
            etree.SubElement(tr, h("td"), colspan=width, style=f"padding-left:{depth}em").text = item.section[depth]
        shown = item.section
        tr = etree.SubElement(tbody, h("tr"), _row_class(item))
        label = etree.SubElement(tr, h("td"), {"class": "label", "style": f"padding-left:{len(item.section)}em"})
        _label_cell(ns, label, item, facts)
        for cell, period in zip(item.cells, statement.periods):
            td = etree.SubElement(tr, h("td"), {"class": "amount"})
            if cell.kind is CellKind.BLANK:
                continue
            _amount_cell(ns, td, cell, facts.take(cell.source, period), facts)
