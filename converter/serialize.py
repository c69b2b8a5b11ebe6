"""Serialization stage: MappedRelease -> XBRL 2.1 instance document (bytes), with lxml.

Output is deterministic: contexts and units are sorted, fact IDs follow the fact order, and
nothing depends on time or hashing. Only contexts and units that facts use are written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal
from pathlib import PurePath

from lxml import etree

from converter.dimensions import SRT_NS, SRT_XSD, XBRLDI_NS, context_suffix, families
from converter.model import Dimensions, ExtensionTaxonomy, Fact, MappedRelease, Period, UnitKind

NS = {
    "xbrli": "http://www.xbrl.org/2003/instance",
    "link": "http://www.xbrl.org/2003/linkbase",
    "xlink": "http://www.w3.org/1999/xlink",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
    "iso4217": "http://www.xbrl.org/2003/iso4217",
    "us-gaap": "http://fasb.org/us-gaap/2024",
    "dei": "http://xbrl.sec.gov/dei/2024",
}
SCHEMA_REFS = (
    "https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd",
    "https://xbrl.sec.gov/dei/2024/dei-2024.xsd",
)
CIK_SCHEME = "http://www.sec.gov/CIK"  # the default of MappedRelease.entity_scheme
UNIT_IDS = {UnitKind.USD: "USD", UnitKind.SHARES: "shares", UnitKind.USD_PER_SHARE: "USD-per-share"}


def context_id(period: Period, dimensions: Dimensions = ()) -> str:
    base = f"I{period.end:%Y%m%d}" if period.start is None else f"D{period.start:%Y%m%d}-{period.end:%Y%m%d}"
    return base + context_suffix(dimensions)


ContextKey = tuple[Period, Dimensions]


def contexts(facts: Iterable[Fact]) -> list[ContextKey]:
    """The (period, dimensions) of the facts' contexts, in document order: instants before
    durations, by date, each period's plain context before its dimensional ones."""
    return sorted({(f.period, f.dimensions) for f in facts},
                  key=lambda c: (c[0].start is not None, c[0].end, c[0].start, c[1]))


def write_context(parent: etree._Element, q: Callable[[str], str], cik: str, scheme: str, key: ContextKey) -> None:
    """An xbrli:context (`q` turns "xbrli:context" into the element name of the document)."""
    period, dimensions = key
    ctx = etree.SubElement(parent, q("xbrli:context"), id=context_id(period, dimensions))
    entity = etree.SubElement(ctx, q("xbrli:entity"))
    etree.SubElement(entity, q("xbrli:identifier"), scheme=scheme).text = cik
    if dimensions:
        segment = etree.SubElement(entity, q("xbrli:segment"))
        for axis, member in dimensions:
            etree.SubElement(segment, q("xbrldi:explicitMember"), dimension=axis).text = member
    per = etree.SubElement(ctx, q("xbrli:period"))
    if period.start is None:
        etree.SubElement(per, q("xbrli:instant")).text = period.end.isoformat()
    else:
        etree.SubElement(per, q("xbrli:startDate")).text = period.start.isoformat()
        etree.SubElement(per, q("xbrli:endDate")).text = period.end.isoformat()


def fact_ids(mapped: MappedRelease) -> tuple[str, ...]:
    """Stable fact IDs, in fact order (the report uses the same IDs)."""
    return tuple(f"F{i:04d}" for i in range(1, len(mapped.facts) + 1))


def namespaces(extension: ExtensionTaxonomy | None = None, facts: Iterable[Fact] = ()) -> dict[str, str]:
    """Prefix -> namespace of an instance, with the company extension's prefix when there is one,
    and xbrldi (and srt) when facts carry dimensions."""
    ns = {**NS, extension.prefix: extension.namespace} if extension else dict(NS)
    used = families(facts)
    if used:
        ns["xbrldi"] = XBRLDI_NS
    if "srt" in used:
        ns["srt"] = SRT_NS
    return ns


def schema_refs(extension: ExtensionTaxonomy | None = None, facts: Iterable[Fact] = ()) -> tuple[str, ...]:
    """The instance points at the company schema (which imports US-GAAP, dei and SRT when used),
    else at the US-GAAP and dei (and SRT) schemas themselves."""
    if extension:
        return (extension.schema_file,)
    return SCHEMA_REFS + ((SRT_XSD,) if "srt" in families(facts) else ())


def _q(prefixed: str, ns: dict[str, str] = NS) -> str:
    prefix, local = prefixed.split(":", 1)
    return f"{{{ns[prefix]}}}{local}"


def format_value(value: Decimal | str) -> str:
    if isinstance(value, Decimal):
        text = format(value, "f")
        return "0" if text in ("-0", "0") else text
    return value


def _unit(root: etree._Element, unit: UnitKind) -> None:
    el = etree.SubElement(root, _q("xbrli:unit"), id=UNIT_IDS[unit])
    if unit is UnitKind.USD:
        etree.SubElement(el, _q("xbrli:measure")).text = "iso4217:USD"
    elif unit is UnitKind.SHARES:
        etree.SubElement(el, _q("xbrli:measure")).text = "xbrli:shares"
    else:
        div = etree.SubElement(el, _q("xbrli:divide"))
        num = etree.SubElement(div, _q("xbrli:unitNumerator"))
        etree.SubElement(num, _q("xbrli:measure")).text = "iso4217:USD"
        den = etree.SubElement(div, _q("xbrli:unitDenominator"))
        etree.SubElement(den, _q("xbrli:measure")).text = "xbrli:shares"


def _fact(root: etree._Element, fact: Fact, fact_id: str, ns: dict[str, str]) -> None:
    el = etree.SubElement(root, _q(fact.concept, ns), contextRef=context_id(fact.period, fact.dimensions), id=fact_id)
    if fact.unit is not None:
        el.set("unitRef", UNIT_IDS[fact.unit])
    if fact.value is None:
        el.set(_q("xsi:nil"), "true")
        return
    if fact.unit is not None and fact.decimals is not None:
        el.set("decimals", str(fact.decimals))
    el.text = format_value(fact.value)


def comment_safe(text: str) -> str:
    """`text` fit for an XML comment: no "--", no characters XML cannot hold (escaped as \\xNN)."""
    text = "".join(c if c in "\t\n\r" or (" " <= c and c not in "\ufffe\uffff" and not "\ud800" <= c <= "\udfff")
                   else f"\\x{ord(c):02x}" for c in text)
    while "--" in text:
        text = text.replace("--", "-\u2010")
    return text


def serialize(mapped: MappedRelease, extension: ExtensionTaxonomy | None = None) -> bytes:
    """The instance document as UTF-8 bytes."""
    ns = namespaces(extension, mapped.facts)
    root = etree.Element(_q("xbrli:xbrl"), nsmap=ns)
    root.append(etree.Comment(
        f" Generated by xbrl-convert from {comment_safe(PurePath(mapped.release.path).name)}; "
        "report.json gives the source line of every fact. "))
    for href in schema_refs(extension, mapped.facts):
        etree.SubElement(root, _q("link:schemaRef"), {_q("xlink:type"): "simple", _q("xlink:href"): href})
    for key in contexts(mapped.facts):
        write_context(root, lambda name: _q(name, ns), mapped.cik, mapped.entity_scheme, key)
    for unit in sorted({f.unit for f in mapped.facts if f.unit is not None}, key=lambda u: list(UnitKind).index(u)):
        _unit(root, unit)
    for fact, fact_id in zip(mapped.facts, fact_ids(mapped)):
        _fact(root, fact, fact_id, ns)
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
