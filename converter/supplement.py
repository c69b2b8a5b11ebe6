"""The offline taxonomy package, supplemented with the concepts a company map brings.

The shipped package (taxonomy_map/us-gaap-2024-offline.zip) declares every concept the concept
table, the learned vocabulary and the fallback ranking can emit. A company's own map (`learn`)
may use any other US-GAAP 2024 element: while such a release is validated and exported, a copy
of the shipped package whose us-gaap schema also declares those elements, with the attributes of
the compact element list (taxonomy_map/us-gaap-2024-elements.tsv), stands in for the shipped one.
Where the element list knows no period type for an element, the period type the company's own
contexts gave it (the map line's, the release's facts') is declared, without a balance; a name
that is no US-GAAP 2024 element is not declared (validation then reports it).
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING
from xml.sax.saxutils import quoteattr

from converter.dimensions import SRT_NS, XBRLDT_NS, XBRLDT_XSD, dimension_declaration, family, is_axis, standard_names
from converter.fallback import element_of
from converter.model import Fact
from converter.validate import _PACKAGE_OVERRIDE, SHIPPED_PACKAGE

if TYPE_CHECKING:
    from converter.filing import XbrlFact

_US_GAAP_XSD = re.compile(r"xbrl\.fasb\.org/us-gaap/2024/elts/us-gaap-2024\.xsd$")
_TYPE_PREFIX = {"monetaryItemType": "xbrli", "sharesItemType": "xbrli", "perShareItemType": "dtr-types"}


def _declaration(name: str, item_type: str, period: str, balance: str | None) -> str:
    attrs = [("id", f"us-gaap_{name}"), ("name", name), ("type", f"{_TYPE_PREFIX[item_type]}:{item_type}"),
             ("substitutionGroup", "xbrli:item"), ("abstract", "false"), ("nillable", "true"),
             ("xbrli:periodType", period)]
    if balance:
        attrs.append(("xbrli:balance", balance))
    return ("  <!-- declared for a company map by xbrl-convert (attributes from its element list, or the period"
            " type of the company's own contexts) -->\n"
            "  <xs:element " + " ".join(f"{k}={quoteattr(v)}" for k, v in attrs) + "/>\n")


def _dimension_declaration(prefix: str, name: str) -> str:
    """An axis or a member, as US-GAAP and SRT declare them (dimensions.dimension_declaration)."""
    attrs = [("id", f"{prefix}_{name}"), ("name", name), *dimension_declaration(name)]
    return ("  <!-- declared for a company map's dimensions by xbrl-convert -->\n"
            "  <xs:element " + " ".join(f"{k}={quoteattr(v)}" for k, v in attrs) + "/>\n")


_XBRLDT_IMPORT = f'  <xs:import namespace="{XBRLDT_NS}" schemaLocation="{XBRLDT_XSD}"/>\n'


def _with_xbrldt(xsd: str) -> str:
    """The schema importing xbrldt (for axes), once."""
    if XBRLDT_NS in xsd:
        return xsd
    xsd = xsd.replace("<xs:schema ", f'<xs:schema xmlns:xbrldt="{XBRLDT_NS}" ', 1)
    at = xsd.index("<xs:import ")
    return xsd[:at] + _XBRLDT_IMPORT.lstrip() + "  " + xsd[at:]


def _srt_schema(names: list[str]) -> str:
    """An SRT 2024 schema declaring only `names` (SRT axes and members a company map uses)."""
    body = "".join(_dimension_declaration("srt", n) for n in names)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            "<!-- NOT the official srt-2024.xsd: the SRT axes and members a company map of xbrl-convert uses,"
            " declared as the official taxonomy declares them, for offline validation. -->\n"
            f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance"'
            f' xmlns:xbrldt="{XBRLDT_NS}" xmlns:dtr-types="http://www.xbrl.org/dtr/type/2022-03-31"'
            f' xmlns:srt="{SRT_NS}" targetNamespace="{SRT_NS}" elementFormDefault="qualified"'
            ' attributeFormDefault="unqualified">\n'
            '  <xs:import namespace="http://www.xbrl.org/2003/instance"'
            ' schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>\n'
            f"{_XBRLDT_IMPORT}"
            '  <xs:import namespace="http://www.xbrl.org/dtr/type/2022-03-31"'
            ' schemaLocation="https://www.xbrl.org/dtr/type/2022-03-31/types.xsd"/>\n'
            f"{body}</xs:schema>\n")


_SRT_REWRITES = ('  <rewriteURI uriStartString="https://xbrl.fasb.org/srt/2024/" rewritePrefix="../xbrl.fasb.org/srt/2024/"/>\n'
                 '  <rewriteURI uriStartString="http://xbrl.fasb.org/srt/2024/" rewritePrefix="../xbrl.fasb.org/srt/2024/"/>\n')


def _read(shipped: Path) -> tuple[list[tuple[zipfile.ZipInfo, bytes]], int, frozenset[str]]:
    """The package's entries, the index of its us-gaap schema and the names that schema declares."""
    with zipfile.ZipFile(shipped) as zf:
        entries = [(info, zf.read(info.filename)) for info in zf.infolist()]
    xsd_index = next(i for i, (info, _) in enumerate(entries) if _US_GAAP_XSD.search(info.filename))
    declared = frozenset(re.findall(r'\bname="([A-Za-z0-9]+)"', entries[xsd_index][1].decode("utf-8")))
    return entries, xsd_index, declared


# The names the shipped package declares, per (path, size, modification time): every release
# asks, and most use no concept beyond them.
_DECLARED: dict[tuple[str, int, int], frozenset[str]] = {}


def _declared(shipped: Path) -> frozenset[str]:
    stat = shipped.stat()
    key = (str(shipped), stat.st_size, stat.st_mtime_ns)
    if key not in _DECLARED:
        _DECLARED.clear()
        _DECLARED[key] = _read(shipped)[2]
    return _DECLARED[key]


Seen = tuple[str, str | None]  # a concept and the period type its facts or map line have ("instant"/"duration")


def _lacking(shipped: Path, concepts: Iterable[Seen]) -> dict[str, str | None]:
    """The us-gaap concepts among `concepts` the shipped package does not declare, with a period
    type seen for each (None when none was)."""
    declared = _declared(shipped)
    out: dict[str, str | None] = {}
    for concept, period in concepts:
        if concept.startswith("us-gaap:") and concept.split(":", 1)[1] not in declared:
            out[concept] = out.get(concept) or period
    return dict(sorted(out.items()))


def _attributes(concept: str, period: str | None) -> tuple[str, str, str | None] | None:
    """(item type, period type, balance) to declare `concept` with, or None when it cannot be:
    not a US-GAAP 2024 element, or its period type neither in the element list nor seen."""
    element = element_of(concept)
    if element is None or not (element.period_type or period):
        return None
    return element.item_type, element.period_type or period or "", element.balance if element.period_type else None


def undeclarable(concepts: Iterable[Seen]) -> list[str]:
    """The us-gaap concepts among `concepts` that neither the shipped package declares nor a
    supplemented copy can, sorted."""
    from taxonomy_map import data_path

    return [c for c, period in _lacking(data_path(SHIPPED_PACKAGE), concepts).items()
            if _attributes(c, period) is None]


def _lacking_names(shipped: Path, names: Iterable[str]) -> list[str]:
    """The US-GAAP and SRT axes and members among `names` the shipped package does not declare."""
    declared = _declared(shipped)
    return sorted({n for n in names if family(n) == "srt" or (family(n) == "us-gaap" and n.split(":", 1)[1] not in declared)})


def supplement(shipped: Path, concepts: Iterable[Seen], target: Path, dimension_names: Iterable[str] = ()) -> Path | None:
    """Write the shipped package with `concepts` (us-gaap:Name, period type seen) it lacks declared,
    and the US-GAAP and SRT axes and members of `dimension_names`, to `target`; None when it lacks
    none that can be declared."""
    lacking = _lacking(shipped, concepts)
    names = _lacking_names(shipped, dimension_names)
    if not lacking and not names:
        return None
    entries, xsd_index, declared = _read(shipped)
    xsd = entries[xsd_index][1].decode("utf-8")
    added = []
    for concept, period in lacking.items():
        local = concept.split(":", 1)[1]
        attributes = _attributes(concept, period)
        if local not in declared and attributes is not None:
            added.append(_declaration(local, *attributes))
    us_gaap = [n.split(":", 1)[1] for n in names if family(n) == "us-gaap"]
    added += [_dimension_declaration("us-gaap", n) for n in us_gaap]
    srt = [n.split(":", 1)[1] for n in names if family(n) == "srt"]
    if not added and not srt:
        return None
    xsd = xsd.replace("</xs:schema>", "".join(added) + "</xs:schema>")
    if any(is_axis(n) for n in us_gaap):
        xsd = _with_xbrldt(xsd)
    root = entries[xsd_index][0].filename.split("/", 1)[0]
    with zipfile.ZipFile(target, "w") as out:
        for i, (info, data) in enumerate(entries):
            if i == xsd_index:
                data = xsd.encode("utf-8")
            elif srt and info.filename.endswith("META-INF/catalog.xml"):
                data = data.decode("utf-8").replace("</catalog>", _SRT_REWRITES + "</catalog>").encode("utf-8")
            out.writestr(info, data)
        if srt:
            info = zipfile.ZipInfo(f"{root}/xbrl.fasb.org/srt/2024/elts/srt-2024.xsd", date_time=(2024, 1, 1, 0, 0, 0))
            out.writestr(info, _srt_schema(srt).encode("utf-8"))
    return target


@contextmanager
def supplemented(concepts: Iterable[Seen], dimension_names: Iterable[str] = ()) -> Iterator[None]:
    """Within the block, Arelle sessions use the shipped package supplemented with `concepts`
    and the US-GAAP and SRT axes and members of `dimension_names`."""
    from taxonomy_map import data_path

    shipped = data_path(SHIPPED_PACKAGE)
    lacking = _lacking(shipped, concepts)
    names = _lacking_names(shipped, dimension_names)
    if not lacking and not names:  # the usual case: no temporary package
        yield
        return
    with tempfile.TemporaryDirectory(prefix="xbrl-convert-pkg-") as tmp:
        package = supplement(shipped, lacking.items(), Path(tmp) / SHIPPED_PACKAGE, names)
        if package is not None:
            _PACKAGE_OVERRIDE.append(package)
        try:
            yield
        finally:
            if package is not None:
                _PACKAGE_OVERRIDE.remove(package)


def supplemented_for(facts: Iterable[Fact] | Iterable[XbrlFact]) -> AbstractContextManager[None]:
    """`supplemented` with what the facts (converted, or read from a document) use: their
    concepts with the period type of their contexts, and their US-GAAP and SRT axes and members."""
    facts = list(facts)
    return supplemented(((f.concept, "instant" if f.period.start is None else "duration") for f in facts
                         if f.period is not None), standard_names(facts))
