"""Explicit dimensions a company map brings: the axes and members of the company's own tagging.

A company tags some statement lines with a concept and an explicit dimension: the revenue of a
product line is `RevenueFromContractWithCustomerExcludingAssessedTax` with
`srt:ProductOrServiceAxis = us-gaap:ServiceMember`, a class of stock's earnings per share is
`EarningsPerShareBasic` with `us-gaap:StatementClassOfStockAxis = us-gaap:CommonClassAMember`.
`learn` keeps those dimensions on the map's line, and a release row matched to the line gets a
fact in a context with that segment.

Axes and members come from three places:
* US-GAAP (`us-gaap:`): declared by the offline package (supplemented, converter/supplement.py);
* SRT (`srt:`, http://fasb.org/srt/2024): the same, in an SRT schema the supplemented package adds;
* the company's own taxonomy (any other prefix): declared in the release's extension schema under
  the extension's prefix, with the company's local name (`v:CommonClassB1Member` becomes
  `<prefix>:CommonClassB1Member`).
A member or axis of another standard taxonomy (country:, currency:, exch:) is not learned.
"""

from __future__ import annotations

from collections.abc import Iterable
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from converter.model import Dimensions, Fact, MappedRelease

if TYPE_CHECKING:
    from converter.filing import XbrlFact

SRT_NS = "http://fasb.org/srt/2024"
SRT_XSD = "https://xbrl.fasb.org/srt/2024/elts/srt-2024.xsd"
XBRLDI_NS = "http://xbrl.org/2006/xbrldi"
XBRLDT_NS = "http://xbrl.org/2005/xbrldt"
XBRLDT_XSD = "http://www.xbrl.org/2005/xbrldt-2005.xsd"

QNAME = re.compile(r"[A-Za-z_][\w.-]*:[A-Za-z_][\w.-]*")  # a prefixed name, "srt:ProductOrServiceAxis"

# standard taxonomies whose axes and members the converter declares (the offline package)
DECLARABLE_FAMILIES = ("us-gaap", "srt")
# prefixes of other standard taxonomies: their members are not the company's, and not declarable
OTHER_STANDARD = frozenset({"dei", "ifrs-full", "country", "currency", "exch", "naics", "sic", "stpr", "ecd", "cyd",
                            "invest", "rxp", "spac", "fnd", "cef", "oef", "vip", "sro", "ffd", "snj", "xbrli"})


def explicit(dimensions: Dimensions) -> bool:
    """Every dimension an explicit axis with a member (no typed dimension, no other segment content)."""
    return all(QNAME.fullmatch(axis) and QNAME.fullmatch(member) for axis, member in dimensions)


def family(qname: str) -> str:
    return qname.partition(":")[0]


def is_axis(qname: str) -> bool:
    return qname.endswith("Axis")


def dimension_declaration(name: str) -> list[tuple[str, str]]:
    """The schema attributes of an axis (an xbrldt:dimensionItem) or a member (a
    dtr-types:domainItemType), as US-GAAP and SRT declare them, after its id and name."""
    axis = is_axis(name)
    return [("type", "xbrli:stringItemType" if axis else "dtr-types:domainItemType"),
            ("substitutionGroup", "xbrldt:dimensionItem" if axis else "xbrli:item"), ("abstract", "true"),
            ("nillable", "true"), ("xbrli:periodType", "duration")]


def learnable(dimensions: Dimensions) -> bool:
    """Axes and members the converter can declare: US-GAAP, SRT or the company's own."""
    return all(family(q) not in OTHER_STANDARD for pair in dimensions for q in pair)


def company_names(dimensions: Dimensions) -> list[str]:
    """The company's own axes and members among `dimensions` (prefixed as in the map)."""
    return [q for pair in dimensions for q in pair if family(q) not in DECLARABLE_FAMILIES]


def families(facts: Iterable[Fact]) -> set[str]:
    """The prefixes of the axes and members the facts' dimensions use ("srt", "us-gaap", ...)."""
    return {family(q) for f in facts for pair in f.dimensions for q in pair}


def standard_names(facts: Iterable[Fact] | Iterable[XbrlFact]) -> list[str]:
    """The US-GAAP and SRT axes and members the facts (converted, or read from a document) use, sorted."""
    return sorted({q for f in facts for pair in f.dimensions for q in pair if family(q) in DECLARABLE_FAMILIES})


def under_prefix(dimensions: Dimensions, prefix: str) -> Dimensions:
    """The company's own axes and members renamed into the extension's prefix."""
    def rename(q: str) -> str:
        return q if family(q) in DECLARABLE_FAMILIES else f"{prefix}:{q.partition(':')[2]}"
    return tuple(sorted((rename(a), rename(m)) for a, m in dimensions))


def with_extension_dimensions(mapped: MappedRelease, prefix: str) -> tuple[MappedRelease, tuple[str, ...]]:
    """The release with the company's own axes and members under the extension's prefix, and
    their local names (to declare in the extension schema), sorted."""
    names = sorted({q.partition(":")[2] for f in mapped.facts for q in company_names(f.dimensions)})
    if not names:
        return mapped, ()
    facts = tuple(replace(f, dimensions=under_prefix(f.dimensions, prefix)) if f.dimensions else f
                  for f in mapped.facts)
    return replace(mapped, facts=facts), tuple(names)


def without_company_dimensions(mapped: MappedRelease) -> MappedRelease:
    """Without an extension taxonomy nothing declares the company's own members: their facts are
    left out (written without the member they would be a second, conflicting total)."""
    if not any(company_names(f.dimensions) for f in mapped.facts):
        return mapped
    return replace(mapped, facts=tuple(f for f in mapped.facts if not company_names(f.dimensions)))


def context_suffix(dimensions: Dimensions) -> str:
    """The part of a context id that names its dimensions ("" without)."""
    return "".join(f"_{a.partition(':')[2]}_{m.partition(':')[2]}" for a, m in dimensions)


__all__ = ["dimension_declaration", "families", "QNAME", "OTHER_STANDARD", "explicit", "SRT_NS", "SRT_XSD", "XBRLDI_NS", "XBRLDT_NS", "XBRLDT_XSD", "context_suffix", "learnable",
           "company_names", "standard_names", "under_prefix", "with_extension_dimensions",
           "without_company_dimensions", "is_axis", "family"]
