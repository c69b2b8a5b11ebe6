"""Element declarations a taxonomy package is built from, and the concepts a package declares.

Two sources of US-GAAP 2024 element attributes (item type, period type, balance, nillable,
abstract, substitution group):

* the compact element list shipped in the package (taxonomy_map/us-gaap-2024-elements.tsv,
  built by scripts/build_element_list.py from public reference data: the 2024 names and item
  types, the 2011 official declarations, the period types real filings show);
* the official FASB taxonomy package `us-gaap-2024.zip`: the `xs:element` declarations of its
  schema whose target namespace is http://fasb.org/us-gaap/2024, read with lxml.

dei 2024 comes from taxonomy_map/dei-2024-elements.tsv and the dei item types copied from the
official SEC schema (taxonomy_map/dei-2024-types.xsd).

`declared_concepts(package)` lists, per namespace, the elements the schemas inside a taxonomy
package zip declare (what Arelle will find there).
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from converter.errors import ConfigError

US_GAAP_NS = "http://fasb.org/us-gaap/2024"
DEI_NS = "http://xbrl.sec.gov/dei/2024"
NAMESPACES = {"us-gaap": US_GAAP_NS, "dei": DEI_NS}
XS_NS = "http://www.w3.org/2001/XMLSchema"
XBRLI_NS = "http://www.xbrl.org/2003/instance"
DTR_TYPES_NS = "http://www.xbrl.org/dtr/type/2022-03-31"
_TYPE_PREFIXES = {XBRLI_NS: "xbrli", DTR_TYPES_NS: "dtr-types"}

# Where the 2024 item types live (local name -> prefix): us-gaap 2024 takes its numeric and
# non-numeric DTR types from the 2022-03-31 DTR schema.
XBRLI_TYPES = frozenset({
    "monetaryItemType", "sharesItemType", "stringItemType", "normalizedStringItemType",
    "dateItemType", "gYearItemType", "booleanItemType", "decimalItemType", "pureItemType",
    "integerItemType", "nonNegativeIntegerItemType", "tokenItemType", "dateTimeItemType",
    "durationItemType", "anyURIItemType",
})
DTR_TYPES = frozenset({"perShareItemType", "percentItemType", "domainItemType", "textBlockItemType",
                       "areaItemType", "volumeItemType", "energyItemType", "massItemType",
                       "durationStringItemType"})


@dataclass(frozen=True)
class ElementInfo:
    """What a source says about one element; None where it does not know."""

    name: str
    item_type: str  # local name, e.g. "monetaryItemType"
    type_prefix: str | None  # "xbrli" | "dtr-types" | "dei" | None: a namespace no package here imports
    period_type: str | None
    balance: str | None  # "debit" | "credit" | None (has none, or unknown: see balance_known)
    balance_known: bool
    nillable: bool | None
    abstract: bool | None
    substitution_group: str | None
    origin: str  # "2011" | "filings" | "-" (shipped list), "official" (FASB zip), "dei"

    @property
    def official(self) -> bool:
        """Period type and balance come from an official declaration (2011 schema or the FASB zip)."""
        return self.origin in ("2011", "official", "dei")


def type_prefix(local: str) -> str | None:
    """The prefix (xbrli, dtr-types) of a US-GAAP 2024 item type, None when neither."""
    if local in XBRLI_TYPES:
        return "xbrli"
    if local in DTR_TYPES:
        return "dtr-types"
    return None


def _flag(text: str) -> bool | None:
    return None if text == "-" else text == "true"


def read_element_list(path: Path) -> dict[str, ElementInfo]:
    """The shipped US-GAAP element list (see scripts/build_element_list.py for the columns)."""
    out: dict[str, ElementInfo] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, item_type, period, balance, origin, nillable, abstract, group = line.split("\t")[:8]
        out[name] = ElementInfo(name=name, item_type=item_type, type_prefix=type_prefix(item_type),
                                period_type=None if period == "-" else period,
                                balance=balance if balance in ("debit", "credit") else None,
                                balance_known=balance != "-", nillable=_flag(nillable), abstract=_flag(abstract),
                                substitution_group=None if group == "-" else group, origin=origin)
    return out


def read_dei_list(path: Path) -> dict[str, ElementInfo]:
    """The shipped dei 2024 concept list."""
    out: dict[str, ElementInfo] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, data_type, period, balance, abstract, nillable = line.split("\t")[:6]
        prefix, _, local = data_type.partition(":")
        out[name] = ElementInfo(name=name, item_type=local, type_prefix=prefix, period_type=period,
                                balance=balance if balance in ("debit", "credit") else None, balance_known=True,
                                nillable=_flag(nillable), abstract=abstract == "true",
                                substitution_group="xbrli:item", origin="dei")
    return out


def read_dei_types(path: Path) -> dict[str, str]:
    """The dei item types (complexType name -> its text, indented for the package schema)."""
    from lxml import etree

    root = etree.parse(str(path)).getroot()
    return {ct.get("name"): complex_type_text(ct) for ct in root.iterfind(f"{{{XS_NS}}}complexType")}


def complex_type_text(ct: object) -> str:
    """Re-serialize a complexType with the xs: prefix, indented by two spaces per level."""
    from lxml import etree

    assert isinstance(ct, etree._Element)

    def qn(tag: str) -> str:
        q = etree.QName(tag)
        return {XS_NS: "xs"}.get(q.namespace or "", "?") + ":" + q.localname

    def render(el: etree._Element, depth: int) -> list[str]:
        pad = "  " * depth
        attrs = "".join(f" {k}={_quote(v)}" for k, v in el.attrib.items())
        children = [c for c in el if isinstance(c.tag, str)]
        if not children:
            return [f"{pad}<{qn(el.tag)}{attrs}/>"]
        lines = [f"{pad}<{qn(el.tag)}{attrs}>"]
        for c in children:
            lines += render(c, depth + 1)
        lines.append(f"{pad}</{qn(el.tag)}>")
        return lines

    return "\n".join(render(ct, 1))


def _quote(value: str) -> str:
    from xml.sax.saxutils import quoteattr

    return quoteattr(value)


@lru_cache(maxsize=2)
def shipped_us_gaap() -> dict[str, ElementInfo]:
    from taxonomy_map import data_path

    return read_element_list(data_path("us-gaap-2024-elements.tsv"))


@lru_cache(maxsize=2)
def shipped_dei() -> tuple[dict[str, ElementInfo], dict[str, str]]:
    from taxonomy_map import data_path

    return read_dei_list(data_path("dei-2024-elements.tsv")), read_dei_types(data_path("dei-2024-types.xsd"))


# ---- taxonomy package zips ---------------------------------------------------------------


def _schemas(package: Path, namespace: str | None = None) -> list[tuple[str, object]]:
    """(member name, parsed root) of the schemas in a zip, those of `namespace` only when given."""
    from lxml import etree

    out = []
    try:
        with zipfile.ZipFile(package) as zf:
            for name in sorted(zf.namelist()):
                if not name.lower().endswith(".xsd"):
                    continue
                data = zf.read(name)
                try:
                    if namespace is not None and _target_namespace(data) != namespace:
                        continue
                    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True,
                                                                  huge_tree=True))
                except etree.XMLSyntaxError as exc:
                    raise ConfigError(f"{name} is not well-formed XML: {exc}", str(package)) from exc
                out.append((name, root))
    except (OSError, zipfile.BadZipFile) as exc:
        raise ConfigError(f"cannot read the taxonomy package: {exc}", str(package)) from exc
    return out


def _target_namespace(data: bytes) -> str | None:
    """The targetNamespace of a schema, read from its root start tag only."""
    import io

    from lxml import etree

    for _, element in etree.iterparse(io.BytesIO(data), events=("start",), resolve_entities=False,
                                      no_network=True, huge_tree=True):
        return element.get("targetNamespace")
    return None


def read_fasb_zip(package: Path) -> dict[str, ElementInfo]:
    """US-GAAP 2024 element declarations from the official FASB taxonomy package (or any zip
    holding a schema of the us-gaap 2024 namespace)."""
    from lxml import etree

    schemas = _schemas(package, US_GAAP_NS)
    if not schemas:
        raise ConfigError(f"no schema of the namespace {US_GAAP_NS} in the zip (is it the FASB us-gaap-2024.zip?)",
                          str(package))
    out: dict[str, ElementInfo] = {}
    for _, root in schemas:
        assert isinstance(root, etree._Element)
        for el in root.iterfind(f"{{{XS_NS}}}element"):
            name = el.get("name")
            if not name:
                continue
            prefix, _, local = (el.get("type") or "").rpartition(":")
            namespace = el.nsmap.get(prefix or None)
            balance = el.get(f"{{{XBRLI_NS}}}balance")
            out[name] = ElementInfo(
                name=name, item_type=local, type_prefix=_TYPE_PREFIXES.get(namespace or ""),
                period_type=el.get(f"{{{XBRLI_NS}}}periodType"), balance=balance, balance_known=True,
                nillable=el.get("nillable", "false") == "true", abstract=el.get("abstract", "false") == "true",
                substitution_group=el.get("substitutionGroup"), origin="official")
    return out


@lru_cache(maxsize=16)
def _declared(package: str, size: int, mtime: float) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for _, root in _schemas(Path(package)):
        namespace = root.get("targetNamespace")  # type: ignore[attr-defined]
        if namespace:
            names = {el.get("name") for el in root.iterfind(f"{{{XS_NS}}}element")}  # type: ignore[attr-defined]
            found.setdefault(namespace, set()).update(n for n in names if n)
    return {ns: frozenset(names) for ns, names in found.items()}


def declared_concepts(package: Path) -> dict[str, frozenset[str]]:
    """Namespace -> names of the elements the schemas in a taxonomy package zip declare."""
    stat = Path(package).stat()
    return _declared(str(package), stat.st_size, stat.st_mtime)


__all__ = ["ElementInfo", "read_element_list", "read_dei_list", "read_dei_types", "read_fasb_zip",
           "declared_concepts", "shipped_us_gaap", "shipped_dei", "complex_type_text", "type_prefix",
           "US_GAAP_NS", "DEI_NS", "NAMESPACES"]
