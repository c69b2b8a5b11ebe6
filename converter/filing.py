"""Read an XBRL 2.1 instance or an Inline XBRL document without its taxonomy.

Straight from the XML with lxml: contexts (entity, period, segment/scenario dimensions), units
and facts, into an `XbrlDocument`. Inline facts get their format decoded through Arelle's
transformation registry (converter/ixtransforms.py: ixt:num-dot-decimal, fixed-zero,
date-monthname-day-year-en, ..., and the SEC's number words), then their scale and sign. A fact
whose format is unknown or does not accept its text is a data problem of that fact
(`XbrlDocument.skipped`), as is any other fact that cannot be read.
Concepts are named with the version year of standard namespaces dropped
(http://fasb.org/us-gaap/2023 and /2024 are both "us-gaap"). Used by `compare`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_EVEN, Context, Decimal, InvalidOperation, localcontext
from pathlib import Path

from lxml import etree

from converter.errors import InputError
from converter.ixtransforms import transform
from converter.model import Period

XBRLI = "http://www.xbrl.org/2003/instance"
XBRLDI = "http://xbrl.org/2006/xbrldi"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
IX_NAMESPACES = ("http://www.xbrl.org/2013/inlineXBRL", "http://www.xbrl.org/2008/inlineXBRL")
_SKIP_FACT_NAMESPACES = {XBRLI, "http://www.xbrl.org/2003/linkbase", *IX_NAMESPACES}
_KNOWN_PREFIXES = {
    XBRLI: "xbrli",
    "http://www.xbrl.org/2003/iso4217": "iso4217",
}
# http://fasb.org/us-gaap/2024, http://xbrl.sec.gov/dei/2024, http://xbrl.us/us-gaap/2009-01-31, ...
_STANDARD_NS = re.compile(r"^https?://(?:fasb\.org|xbrl\.sec\.gov|xbrl\.us)/([A-Za-z-]+)/\d{4}(?:-\d{2}-\d{2})?/?$")
DECIMAL_CONTEXT = Context(prec=60, rounding=ROUND_HALF_EVEN)
_MAX_EXPONENT = 28  # values and decimals beyond 10**28 / 10**-28 are data problems, not figures
_YEARS = (1800, 2200)  # dates outside these years are data problems


# ---- the model -----------------------------------------------------------------------------


@dataclass(frozen=True)
class XbrlFact:
    """One fact of an instance or inline document, read without the taxonomy.

    `concept` is "family:LocalName" ("us-gaap:Revenues", "dei:TradingSymbol", "hlmr:Backlog").
    Numeric facts have a `unit` ("iso4217:USD", "xbrli:shares", "iso4217:USD/xbrli:shares") and a
    Decimal value (scaled and signed for inline facts); `decimals` None means INF (exact).
    `value` None is xsi:nil. `dimensions` holds (dimension, member) pairs of the context's
    segment and scenario; any other segment/scenario content counts as a dimension too.
    """

    concept: str
    period: Period
    value: Decimal | str | None
    unit: str | None = None
    decimals: int | None = None
    dimensions: tuple[tuple[str, str], ...] = ()
    fact_id: str | None = None
    where: str = ""  # file:line

    @property
    def is_numeric(self) -> bool:
        return self.unit is not None

    @property
    def is_nil(self) -> bool:
        return self.value is None


@dataclass(frozen=True)
class XbrlDocument:
    path: str
    kind: str  # "instance" | "inline"
    entities: tuple[str, ...]  # entity identifiers of the contexts, e.g. ("0009990001",)
    facts: tuple[XbrlFact, ...]
    skipped: tuple[str, ...] = ()  # facts that could not be read, and why


# ---- reading -------------------------------------------------------------------------------


def document_kind(path: Path) -> str:
    """"instance" or "inline" for an XBRL 2.1 instance or an Inline XBRL document; InputError
    (naming the file) for anything else: not XML, HTML that is not XHTML, XML of another kind."""
    root = parse_xml(path)
    if root.tag == f"{{{XBRLI}}}xbrl":
        return "instance"
    if any(_is_ix(el, "nonFraction") or _is_ix(el, "nonNumeric") or _is_ix(el, "header") for el in root.iter()):
        return "inline"
    raise InputError("neither an XBRL instance (xbrli:xbrl) nor an Inline XBRL document (no ix: facts)",
                     where=str(path), code="xc:notXbrl")


def parse_xml(path: Path) -> etree._Element:
    """The root of an XML or XHTML file (no DTDs, entities or network). Raises InputError."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", where=str(path)) from exc
    if not data.strip():
        raise InputError("the file is empty", where=str(path), code="xc:emptyInput")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True,
                             remove_pis=True)
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"not well-formed XML (line {exc.lineno}: {exc.msg}); an HTML filing must be "
                         "Inline XBRL (XHTML)", where=str(path), code="xc:notWellFormed") from exc


def read_document(path: Path, root: etree._Element | None = None) -> XbrlDocument:
    """Read an XBRL 2.1 instance or an Inline XBRL document (`root`: the file already parsed by
    parse_xml). Raises InputError naming the file."""
    root = parse_xml(path) if root is None else root
    if root.tag == f"{{{XBRLI}}}xbrl":
        return _Reader(path, root, inline=False).read()
    if any(_is_ix(el, "nonFraction") or _is_ix(el, "nonNumeric") or _is_ix(el, "header") for el in root.iter()):
        return _Reader(path, root, inline=True).read()
    raise InputError("neither an XBRL instance (xbrli:xbrl) nor an Inline XBRL document (no ix: facts)",
                     where=str(path), code="xc:notXbrl")


def _is_ix(el: etree._Element, local: str) -> bool:
    return isinstance(el.tag, str) and el.tag in (f"{{{ns}}}{local}" for ns in IX_NAMESPACES)


def _split(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        ns, local = tag[1:].split("}", 1)
        return ns, local
    return "", tag


def _family(namespace: str, prefix: str | None) -> str:
    """The name a namespace is compared by: "us-gaap" for every us-gaap year, else its prefix."""
    if namespace in _KNOWN_PREFIXES:
        return _KNOWN_PREFIXES[namespace]
    match = _STANDARD_NS.match(namespace)
    if match:
        return match.group(1)
    return prefix or f"{{{namespace}}}"


def _resolve_qname(el: etree._Element, text: str) -> tuple[str, str]:
    """(namespace, local name) of a QName written in an attribute or text, in el's scope."""
    text = text.strip()
    prefix, _, local = text.rpartition(":")
    namespace = el.nsmap.get(prefix or None)
    if namespace is None:
        raise ValueError(f"undeclared prefix in {text!r}")
    return namespace, local


def _qname_text(el: etree._Element, text: str) -> str:
    namespace, local = _resolve_qname(el, text)
    prefix = text.strip().rpartition(":")[0] or None
    return f"{_family(namespace, prefix)}:{local}"


def _parse_date(text: str, end: bool) -> date:
    """An XBRL date or dateTime. A date-only end or instant means the end of that day; a dateTime
    at midnight as end or instant means the end of the day before (XBRL 2.1, 4.7.2)."""
    text = text.strip()
    if "T" not in text:
        return date.fromisoformat(text[:10])
    moment = datetime.fromisoformat(text.rstrip("Z"))
    if end and moment.time() == datetime.min.time():
        return moment.date() - timedelta(days=1)
    return moment.date()


@dataclass(frozen=True)
class _Context:
    period: Period | None  # None: forever
    entity: str
    dimensions: tuple[tuple[str, str], ...]
    problem: str = ""  # why the context cannot be used (a bad date): its facts are skipped


class _Reader:
    def __init__(self, path: Path, root: etree._Element, inline: bool) -> None:
        self.path = path
        self.root = root
        self.inline = inline
        self.skipped: list[str] = []

    def where(self, el: etree._Element) -> str:
        return f"{self.path}:{el.sourceline}" if el.sourceline else str(self.path)

    def read(self) -> XbrlDocument:
        contexts = {c.get("id"): self._context(c) for c in self.root.iter(f"{{{XBRLI}}}context")}
        units = {u.get("id"): self._unit(u) for u in self.root.iter(f"{{{XBRLI}}}unit")}
        facts: list[XbrlFact] = []
        for el, numeric in self._fact_elements():
            try:
                fact = self._fact(el, numeric, contexts, units)
            except (ValueError, InvalidOperation) as exc:
                self.skipped.append(f"{self.where(el)}: {exc}")
                continue
            if fact is not None:
                facts.append(fact)
        entities = tuple(sorted({c.entity for c in contexts.values() if c.entity}))
        return XbrlDocument(path=str(self.path), kind="inline" if self.inline else "instance",
                            entities=entities, facts=tuple(facts), skipped=tuple(self.skipped))

    def _fact_elements(self) -> Iterator[tuple[etree._Element, bool]]:
        """(element, is numeric) of every fact; a nonFraction nested in another (the same figure
        tagged with a second concept) is a fact of its own."""
        for el in self.root.iter():
            if not isinstance(el.tag, str):
                continue
            if self.inline:
                if _is_ix(el, "nonFraction"):
                    yield el, True
                elif _is_ix(el, "nonNumeric"):
                    yield el, False
            elif el.get("contextRef") is not None and _split(el.tag)[0] not in _SKIP_FACT_NAMESPACES:
                yield el, el.get("unitRef") is not None

    def _context(self, el: etree._Element) -> _Context:
        identifier = el.find(f"{{{XBRLI}}}entity/{{{XBRLI}}}identifier")
        entity = (identifier.text or "").strip() if identifier is not None else ""
        period_el = el.find(f"{{{XBRLI}}}period")
        period: Period | None = None
        if period_el is None:
            raise InputError(f"context {el.get('id')!r} has no period", where=self.where(el), code="xc:badXbrl")
        try:
            instant = period_el.find(f"{{{XBRLI}}}instant")
            start = period_el.find(f"{{{XBRLI}}}startDate")
            end = period_el.find(f"{{{XBRLI}}}endDate")
            if instant is not None:
                period = Period(end=_parse_date(instant.text or "", end=True))
            elif start is not None and end is not None:
                period = Period(end=_parse_date(end.text or "", end=True), start=_parse_date(start.text or "", end=False))
            for day in (period.start, period.end) if period else ():
                if day is not None and not _YEARS[0] <= day.year <= _YEARS[1]:
                    raise ValueError(f"year {day.year} is outside {_YEARS[0]}-{_YEARS[1]}")
        except (ValueError, OverflowError) as exc:
            return _Context(period=None, entity="", dimensions=(), problem=f"context {el.get('id')!r}: bad date ({exc})")
        dims: list[tuple[str, str]] = []
        for holder in (el.find(f"{{{XBRLI}}}entity/{{{XBRLI}}}segment"), el.find(f"{{{XBRLI}}}scenario")):
            if holder is None:
                continue
            for member in holder:
                if not isinstance(member.tag, str):
                    continue
                ns, local = _split(member.tag)
                if ns == XBRLDI and local == "explicitMember":
                    dims.append((self._qname(member, member.get("dimension", "")),
                                 self._qname(member, member.text or "")))
                elif ns == XBRLDI and local == "typedMember":
                    dims.append((self._qname(member, member.get("dimension", "")),
                                 " ".join("".join(member.itertext()).split())))
                else:
                    dims.append((f"{_family(ns, member.prefix)}:{local}", " ".join("".join(member.itertext()).split())))
        return _Context(period=period, entity=entity, dimensions=tuple(sorted(dims)))

    def _qname(self, el: etree._Element, text: str) -> str:
        try:
            return _qname_text(el, text)
        except ValueError:
            return text.strip()

    def _unit(self, el: etree._Element) -> str:
        def measures(parent: etree._Element | None) -> list[str]:
            if parent is None:
                return []
            return sorted(self._qname(m, m.text or "") for m in parent.findall(f"{{{XBRLI}}}measure"))

        divide = el.find(f"{{{XBRLI}}}divide")
        if divide is not None:
            num = measures(divide.find(f"{{{XBRLI}}}unitNumerator"))
            den = measures(divide.find(f"{{{XBRLI}}}unitDenominator"))
            return "*".join(num) + "/" + "*".join(den)
        return "*".join(measures(el))

    def _fact(self, el: etree._Element, numeric: bool, contexts: dict[str | None, _Context],
              units: dict[str | None, str]) -> XbrlFact | None:
        if self.inline:
            concept = _qname_text(el, el.get("name", ""))
        else:
            ns, local = _split(el.tag)
            concept = f"{_family(ns, el.prefix)}:{local}"
        context_ref = el.get("contextRef")
        context = contexts.get(context_ref)
        if context is None:
            raise ValueError(f"{concept}: unknown context {context_ref!r}")
        if context.problem:
            raise ValueError(f"{concept}: {context.problem}")
        if context.period is None:
            self.skipped.append(f"{self.where(el)}: {concept}: period 'forever' is not compared")
            return None
        unit: str | None = None
        if numeric:
            unit = units.get(el.get("unitRef"))
            if unit is None:
                raise ValueError(f"{concept}: unknown unit {el.get('unitRef')!r}")
        nil = el.get(f"{{{XSI}}}nil", "false").strip() in ("true", "1")
        value: Decimal | str | None
        decimals: int | None = None
        if nil:
            value = None
        elif numeric:
            value = self._inline_number(el, concept) if self.inline else Decimal(_text(el).strip())
            if not value.is_finite():
                raise ValueError(f"{concept}: value {_text(el).strip()[:20]!r} is not a finite number")
            if value != 0 and not -_MAX_EXPONENT <= value.adjusted() <= _MAX_EXPONENT:
                raise ValueError(f"{concept}: value out of range ({value.adjusted() + 1} digits)")
            value = _canonical(value)
            decimals = _decimals(el, value)
            if decimals is not None and not -_MAX_EXPONENT <= decimals <= _MAX_EXPONENT:
                raise ValueError(f"{concept}: decimals {decimals} out of range (-{_MAX_EXPONENT} to {_MAX_EXPONENT})")
        else:
            value = " ".join(_text(el, skip_exclude=self.inline).split())
            if self.inline and el.get("format"):
                try:
                    value = transform(*_resolve_qname(el, el.get("format", "")), _text(el, skip_exclude=True))
                except ValueError as exc:
                    raise ValueError(f"{concept}: {exc}") from None
        return XbrlFact(concept=concept, period=context.period, value=value, unit=unit, decimals=decimals,
                        dimensions=context.dimensions, fact_id=el.get("id"), where=self.where(el))

    def _inline_number(self, el: etree._Element, concept: str) -> Decimal:
        text = _text(el)
        fmt = el.get("format")
        try:
            value = parse_inline_number(text, _resolve_qname(el, fmt) if fmt else None)
        except ValueError as exc:
            raise ValueError(f"{concept}: {exc}") from exc
        scale = el.get("scale")
        if scale:
            value = value.scaleb(int(scale), DECIMAL_CONTEXT)
        if el.get("sign") == "-":
            value = -value
        return value


def _text(el: etree._Element, skip_exclude: bool = False) -> str:
    if not skip_exclude:
        return "".join(el.itertext())
    parts: list[str] = [el.text or ""]
    for child in el:
        if not _is_ix(child, "exclude"):
            parts.append(_text(child, skip_exclude=True))
        parts.append(child.tail or "")
    return "".join(parts)


def _canonical(value: Decimal) -> Decimal:
    """No exponent notation for whole numbers (24310E3 -> 24310000)."""
    with localcontext(DECIMAL_CONTEXT):
        if value.as_tuple().exponent > 0:  # type: ignore[operator]
            return value.quantize(Decimal(1))
        return value + 0 if value == 0 else value


def _decimals(el: etree._Element, value: Decimal) -> int | None:
    decimals = el.get("decimals")
    if decimals is not None:
        decimals = decimals.strip()
        return None if decimals == "INF" else int(decimals)
    precision = el.get("precision")
    if precision is None or precision.strip() == "INF":
        return None
    if value == 0:
        return None
    # precision p: the first p significant digits are exact
    return int(precision) - (value.adjusted() + 1)


def parse_inline_number(text: str, fmt: tuple[str, str] | None) -> Decimal:
    """The (unscaled, unsigned) value of an ix:nonFraction's content under its transformation
    format, given as (namespace, local name), decoded through Arelle's registry. Raises ValueError."""
    raw = text.strip()
    value = transform(*fmt, text) if fmt is not None else raw
    try:
        return Decimal(value)
    except InvalidOperation:
        shown = f"format {fmt[1]}" if fmt is not None else "no format"
        raise ValueError(f"cannot read {raw[:40]!r} as a number ({shown})") from None
