"""The facts of an Inline XBRL document: which fact is shown where, and the ix elements that tag them.

Every fact of the XML instance appears exactly once in the inline document, with the same id,
concept, context, unit, decimals and value. `Facts` keeps which facts are already placed; the
tag builders check that the printed text gives the fact's value exactly (content x 10^scale,
sign) and return None otherwise, so the caller leaves that fact to `ix:hidden`.

    number_tag(ns, facts, i, "1,234")     -> ix:nonFraction (format ixt:num-dot-decimal)
    number_tag(..., zero_text="--")      -> ix:nonFraction (format ixt:fixed-zero)
    nested(tags)                          -> one printed figure tagged for several facts
    text_tag(ns, facts, i, "Acme Corp")   -> ix:nonNumeric (or a date with ixt:date-monthname-day-year-en)
    hidden_fact(ns, parent, fact, id)     -> the fact inside ix:hidden
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from lxml import etree

from converter.model import Fact, MappedRelease, Period, SourceRef, UnitKind
from converter.serialize import UNIT_IDS, context_id, fact_ids, format_value

XHTML = "http://www.w3.org/1999/xhtml"
IX = "http://www.xbrl.org/2013/inlineXBRL"
IXT = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"  # Transformation Registry 4
NUM_FORMAT = "ixt:num-dot-decimal"
ZERO_FORMAT = "ixt:fixed-zero"
DATE_FORMAT = "ixt:date-monthname-day-year-en"

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")
_DATE_RE = re.compile(rf"\b({'|'.join(_MONTHS)})\s+(\d{{1,2}}),\s+(\d{{4}})\b")


def h(tag: str) -> str:
    return f"{{{XHTML}}}{tag}"


def ix(tag: str) -> str:
    return f"{{{IX}}}{tag}"


class Ns:
    """The document's namespace prefixes (from serialize.namespaces)."""

    def __init__(self, ns: dict[str, str]) -> None:
        self.ns = ns

    def q(self, prefixed: str) -> str:
        prefix, local = prefixed.split(":", 1)
        return f"{{{self.ns[prefix]}}}{local}"


@dataclass
class Facts:
    facts: tuple[Fact, ...]
    ids: tuple[str, ...]
    by_source: dict[SourceRef, list[int]]
    placed: set[int]

    @classmethod
    def of(cls, mapped: MappedRelease) -> Facts:
        by_source: dict[SourceRef, list[int]] = {}
        for i, fact in enumerate(mapped.facts):
            if fact.source is not None and fact.statement is not None:
                by_source.setdefault(fact.source, []).append(i)
        return cls(mapped.facts, fact_ids(mapped), by_source, set())

    def take(self, source: SourceRef, period: Period | None = None) -> int | None:
        """The first fact read from `source` not yet placed: one for `period` when there is one
        (a cell's column), else any (an instant read from a duration column: "cash at
        beginning of period")."""
        free = [i for i in self.by_source.get(source, ()) if i not in self.placed]
        return next((i for i in free if period is None or self.facts[i].period == period), free[0] if free else None)

    def take_all(self, source: SourceRef) -> list[int]:
        """Every fact read from `source` not yet placed, in fact order."""
        return [i for i in self.by_source.get(source, ()) if i not in self.placed]

    def first(self, concept: str) -> int | None:
        """The first unplaced fact of a concept that was not read from a statement (dei facts)."""
        return next((i for i, f in enumerate(self.facts)
                     if f.concept == concept and f.statement is None and i not in self.placed), None)


def _tagged_value(digits: str, scale: int, negative: bool) -> Decimal:
    value = Decimal(digits.replace(",", "")).scaleb(scale)
    return -value if negative else value


def _places(digits: str) -> int:
    return len(digits.split(".", 1)[1]) if "." in digits else 0


def number_tag(ns: Ns, facts: Facts, i: int, digits: str, zero_text: str | None = None) -> etree._Element | None:
    """An ix:nonFraction for fact i showing `digits` (or `zero_text` for a printed zero/none),
    or None when the shown text would not give the fact's value exactly."""
    fact = facts.facts[i]
    if fact.unit is None:
        return None
    attrs = {"name": fact.concept, "contextRef": context_id(fact.period, fact.dimensions), "unitRef": UNIT_IDS[fact.unit],
             "id": facts.ids[i]}
    if fact.value is None:
        el = etree.Element(ix("nonFraction"), attrs)
        el.set(ns.q("xsi:nil"), "true")
        return el
    if not isinstance(fact.value, Decimal) or fact.decimals is None:
        return None
    if zero_text is not None:
        if fact.value != 0:
            return None
        scale = -fact.decimals if fact.unit is not UnitKind.USD_PER_SHARE and fact.decimals < 0 else 0
        attrs.update(decimals=str(fact.decimals), scale=str(scale), format=ZERO_FORMAT)
        el = etree.Element(ix("nonFraction"), attrs)
        el.text = zero_text
        return el
    scale = _places(digits) - fact.decimals
    if _tagged_value(digits, scale, fact.value < 0) != fact.value:
        return None
    attrs.update(decimals=str(fact.decimals), scale=str(scale), format=NUM_FORMAT)
    if fact.value < 0:
        attrs["sign"] = "-"
    el = etree.Element(ix("nonFraction"), attrs)
    el.text = digits
    return el


def nested(tags: list[etree._Element]) -> list[etree._Element]:
    """The tags of one printed figure that can be nested (Inline XBRL 1.1: the same format, scale
    and unit, none nil), the outermost first; each holds the next, the innermost the text.
    Tags left out are not returned (their facts stay unplaced)."""
    if not tags:
        return []
    key = (tags[0].get("format"), tags[0].get("scale"), tags[0].get("unitRef"))
    kept = [t for t in tags if (t.get("format"), t.get("scale"), t.get("unitRef")) == key and t.text]
    for outer, inner in zip(kept, kept[1:]):
        inner.text = outer.text
        outer.text = None
        outer.append(inner)
    return kept


def text_tag(ns: Ns, facts: Facts, i: int, shown: str) -> etree._Element | None:
    """An ix:nonNumeric for fact i showing `shown`: the text itself when it is the fact's value,
    a printed date ("September 30, 2008") when it is the fact's date; None otherwise."""
    fact = facts.facts[i]
    if fact.unit is not None or fact.value is None or isinstance(fact.value, Decimal):
        return None
    attrs = {"name": fact.concept, "contextRef": context_id(fact.period, fact.dimensions), "id": facts.ids[i]}
    dates = printed_dates(shown)
    if dates and dates[0][:2] == (0, len(shown)):  # a printed date: its ISO form must be the value
        if dates[0][2].isoformat() != fact.value:
            return None
        attrs["format"] = DATE_FORMAT
    elif shown != format_value(fact.value):
        return None
    el = etree.Element(ix("nonNumeric"), attrs)
    el.text = shown
    return el


def printed_dates(text: str) -> list[tuple[int, int, date]]:
    """(start, end, date) of every "Month D, YYYY" in a text."""
    out = []
    for match in _DATE_RE.finditer(text):
        try:
            out.append((match.start(), match.end(), date(int(match[3]), _MONTHS.index(match[1]) + 1, int(match[2]))))
        except ValueError:
            continue
    return out


def hidden_fact(ns: Ns, parent: etree._Element, fact: Fact, fact_id: str) -> None:
    attrs = {"name": fact.concept, "contextRef": context_id(fact.period, fact.dimensions), "id": fact_id}
    if fact.unit is None:
        el = etree.SubElement(parent, ix("nonNumeric"), attrs)
        if fact.value is None:
            el.set(ns.q("xsi:nil"), "true")
        else:
            el.text = format_value(fact.value)
        return
    attrs["unitRef"] = UNIT_IDS[fact.unit]
    el = etree.SubElement(parent, ix("nonFraction"), attrs)
    if fact.value is None:
        el.set(ns.q("xsi:nil"), "true")
        return
    assert isinstance(fact.value, Decimal)
    if fact.decimals is not None:
        el.set("decimals", str(fact.decimals))
    if fact.value < 0:
        el.set("sign", "-")
    el.text = format_value(abs(fact.value))
