#!/usr/bin/env python3
"""Build taxonomy_map/us-gaap-2024-offline.zip: an offline subset of US-GAAP 2024 and dei 2024.

The package declares the concepts of the concept table (taxonomy_map/concepts.yaml) and of the
learned vocabulary (taxonomy_map/learned_vocabulary.yaml; the fallback ranking emits only
concepts of the two), with the attributes of the official taxonomies, read from the reference
folder
(../shared/taxonomy-reference, see its SOURCES.md):

* us-gaap 2024 names and item types: The-FinAI_FinTagging/taxonomy/us_gaap_2024_BM25.jsonl
* periodType, balance, nillable: the official us-gaap-2011-01-31.xsd (for elements added after
  2011 the concept table's own values are used, and the schema says so in a comment)
* dei 2024 concepts: xbrlus_metaTaxonomy-rules/taxonomy/us/2024/http-xbrl-sec-gov-dei-2024.json
* dei item types and dei element ids/nillable: the official SEC dei-2023.xsd

The zip is a Taxonomy Packages 1.0 package whose catalog rewrites
https://xbrl.fasb.org/us-gaap/2024/ and https://xbrl.sec.gov/dei/2024/ (and the http:// forms) to
folders inside it, so an instance with the official schemaRefs validates without network.

The output is byte-for-byte deterministic: sorted entries, fixed timestamps and attributes, and
stored (uncompressed) entries so the bytes do not depend on the zlib version.

Usage: python scripts/build_taxonomy_package.py [--reference DIR] [--table YAML] [--output ZIP]
"""

from __future__ import annotations

import argparse
import json
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from converter.concepts import ConceptEntry, load_concept_table  # noqa: E402
from converter.errors import ConfigError  # noqa: E402

PACKAGE_DIR = "us-gaap-2024-offline"  # the single top-level folder of the zip (TP 1.0 section 3.1)
PACKAGE_VERSION = "2024.1"
PACKAGE_IDENTIFIER = "urn:xbrl-convert:taxonomy-package:us-gaap-2024-offline-subset"

US_GAAP_NS = "http://fasb.org/us-gaap/2024"
US_GAAP_URL = "https://xbrl.fasb.org/us-gaap/2024/"
US_GAAP_ENTRY = US_GAAP_URL + "elts/us-gaap-2024.xsd"
DEI_NS = "http://xbrl.sec.gov/dei/2024"
DEI_URL = "https://xbrl.sec.gov/dei/2024/"
DEI_ENTRY = DEI_URL + "dei-2024.xsd"

XBRLI_NS = "http://www.xbrl.org/2003/instance"
XBRLI_XSD = "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"
DTR_TYPES_NS = "http://www.xbrl.org/dtr/type/2022-03-31"
DTR_TYPES_XSD = "https://www.xbrl.org/dtr/type/2022-03-31/types.xsd"  # bundled with Arelle
XS_NS = "http://www.w3.org/2001/XMLSchema"

# Where the 2024 item types live (local name -> prefix). us-gaap 2024 takes its numeric and
# non-numeric DTR types from the 2022-03-31 DTR schema.
XBRLI_TYPES = {
    "monetaryItemType", "sharesItemType", "stringItemType", "normalizedStringItemType",
    "dateItemType", "gYearItemType", "booleanItemType", "decimalItemType", "pureItemType",
    "integerItemType", "nonNegativeIntegerItemType", "tokenItemType", "dateTimeItemType",
    "durationItemType", "anyURIItemType",
}
DTR_TYPES = {"perShareItemType", "percentItemType", "domainItemType", "textBlockItemType", "areaItemType",
             "volumeItemType", "energyItemType", "massItemType", "durationStringItemType"}
DEI_TYPE_COPY = ("centralIndexKeyItemType", "tradingSymbolItemType", "submissionTypeItemType",
                 "fiscalPeriodItemType")

FASB_NOTICE = """\
(c) Financial Accounting Foundation, Inc. All Rights Reserved.
Notice: Authorized Uses are Set Forth at https://xbrl.fasb.org/terms/TaxonomiesTermsConditions.html

This is NOT the official us-gaap-2024.xsd. It is a subset built by xbrl-convert
(scripts/build_taxonomy_package.py) for offline validation: it declares only the US-GAAP 2024
elements xbrl-convert can emit (its concept table, learned vocabulary and fallback ranking), with
the element names, ids and attributes of the official FASB taxonomy where known. It has no labels, references or linkbases. Use the official FASB
taxonomy package (us-gaap-2024.zip) for anything else."""

SEC_NOTICE = """\
This is NOT the official dei-2024.xsd. It is a subset built by xbrl-convert
(scripts/build_taxonomy_package.py) for offline validation: it declares only the dei 2024
elements in xbrl-convert's concept table and the dei item types they use.
The element attributes come from the dei 2024 concept list published by XBRL US
(xbrlus/metaTaxonomy-rules, taxonomy/us/2024/http-xbrl-sec-gov-dei-2024.json); the item type
definitions and the ids/nillable of the elements are copied from the official SEC dei-2023.xsd.
The dei taxonomy was created by staff of the U.S. Securities and Exchange Commission; data and
content created by government employees within the scope of their employment are not subject
to domestic copyright protection (17 U.S.C. 105)."""

FIXED_DATE = (2024, 1, 1, 0, 0, 0)


class BuildError(Exception):
    """The concept table and the reference disagree, or the reference is incomplete."""


@dataclass(frozen=True)
class Declaration:
    name: str
    id: str
    type: str  # prefixed, e.g. "xbrli:monetaryItemType"
    period_type: str
    balance: str | None
    nillable: bool
    comment: str = ""


# ---- reading the reference ---------------------------------------------------------------


def _ref(reference: Path, relative: str) -> Path:
    path = reference / relative
    if not path.is_file():
        raise BuildError(f"reference file missing: {path}")
    return path


def read_us_gaap_2024_types(reference: Path) -> dict[str, str]:
    """US-GAAP 2024 element name -> item type local name."""
    out: dict[str, str] = {}
    path = _ref(reference, "The-FinAI_FinTagging/taxonomy/us_gaap_2024_BM25.jsonl")
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                out[row["us_gaap_tag"]] = row["entity_type"]
    return out


def read_us_gaap_2011(reference: Path) -> dict[str, dict[str, str]]:
    """US-GAAP 2011 element name -> its declaration attributes (periodType, balance, ...)."""
    from lxml import etree

    path = _ref(reference, "MattSheehanDev_sec-xbrl-nodejs/schemas/us-gaap/us-gaap-2011-01-31/elts/"
                           "us-gaap-2011-01-31.xsd")
    out: dict[str, dict[str, str]] = {}
    for el in etree.parse(str(path)).getroot().iterfind(f"{{{XS_NS}}}element"):
        attrs = {etree.QName(k).localname: v for k, v in el.attrib.items()}
        out[attrs["name"]] = attrs
    return out


def read_dei_2024(reference: Path) -> dict[str, dict[str, str]]:
    """dei 2024 concept local name -> the XBRL US JSON entry (dataType, periodType, ...)."""
    path = _ref(reference, "xbrlus_metaTaxonomy-rules/taxonomy/us/2024/http-xbrl-sec-gov-dei-2024.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    return {e["localName"]: e for e in data[DEI_NS] if e.get("type") == "Concept"}


def read_dei_2023(reference: Path) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    """The official dei-2023.xsd: element attributes by name and complexType source by name."""
    from lxml import etree

    path = _ref(reference, "RojerChien_StockScreener/cache/xbrl.sec.gov/dei/2023/dei-2023.xsd")
    root = etree.parse(str(path)).getroot()
    elements = {}
    for el in root.iterfind(f"{{{XS_NS}}}element"):
        attrs = {etree.QName(k).localname: v for k, v in el.attrib.items()}
        elements[attrs["name"]] = attrs
    types = {}
    for ct in root.iterfind(f"{{{XS_NS}}}complexType"):
        types[ct.get("name")] = ct
    sources = {}
    for name in DEI_TYPE_COPY:
        if name not in types:
            raise BuildError(f"dei-2023.xsd has no complexType {name}")
        sources[name] = _complex_type_text(types[name])
    return elements, sources


def _complex_type_text(ct: object) -> str:
    """Re-serialize a dei complexType with the xs:/xbrli: prefixes, indented."""
    from lxml import etree

    assert isinstance(ct, etree._Element)

    def qn(tag: str) -> str:
        q = etree.QName(tag)
        return {XS_NS: "xs"}.get(q.namespace or "", "?") + ":" + q.localname

    def render(el: etree._Element, depth: int) -> list[str]:
        pad = "  " * depth
        attrs = "".join(f" {k}={quoteattr(v)}" for k, v in el.attrib.items())
        children = [c for c in el if isinstance(c.tag, str)]
        if not children:
            return [f"{pad}<{qn(el.tag)}{attrs}/>"]
        lines = [f"{pad}<{qn(el.tag)}{attrs}>"]
        for c in children:
            lines += render(c, depth + 1)
        lines.append(f"{pad}</{qn(el.tag)}>")
        return lines

    return "\n".join(render(ct, 1))


# ---- deciding the declarations -----------------------------------------------------------


def _prefixed_type(local: str, concept: str) -> str:
    if local in XBRLI_TYPES:
        return "xbrli:" + local
    if local in DTR_TYPES:
        return "dtr-types:" + local
    raise BuildError(f"{concept}: item type {local} is not one this builder knows the namespace of")


def us_gaap_declarations(entries: list[ConceptEntry], reference: Path) -> list[Declaration]:
    types_2024 = read_us_gaap_2024_types(reference)
    decl_2011 = read_us_gaap_2011(reference)
    problems: list[str] = []
    out: list[Declaration] = []
    for e in entries:
        name = e.local_name
        type_2024 = types_2024.get(name)
        if type_2024 is None:
            problems.append(f"{e.concept} is not a US-GAAP 2024 element (not in the 2024 element list)")
            continue
        if type_2024 != e.item_type:
            problems.append(f"{e.concept}: the concept table says type {e.item_type}, US-GAAP 2024 says {type_2024}")
            continue
        old = decl_2011.get(name)
        if old is not None:
            period_type = old["periodType"]
            balance = old.get("balance")
            nillable = old.get("nillable", "false") == "true"
            if old.get("abstract") == "true":
                problems.append(f"{e.concept} is abstract in the official schema; it cannot carry facts")
            if period_type != e.period_type:
                problems.append(f"{e.concept}: the concept table says period {e.period_type}, "
                                f"the official schema says {period_type}")
            if (balance or None) != e.balance:
                problems.append(f"{e.concept}: the concept table says balance {e.balance}, "
                                f"the official schema says {balance}")
            comment = ""
        else:
            period_type, balance, nillable = e.period_type, e.balance, e.nillable
            comment = (f"{name} is not in us-gaap-2011-01-31.xsd (added later): its type is the 2024 one; "
                       "periodType, balance and nillable are the concept table's values")
        try:
            prefixed = _prefixed_type(type_2024, e.concept)
        except BuildError as exc:
            problems.append(str(exc))
            continue
        out.append(Declaration(name=name, id=f"us-gaap_{name}", type=prefixed, period_type=period_type,
                               balance=balance, nillable=nillable, comment=comment))
    if problems:
        raise BuildError("the concept table disagrees with US-GAAP 2024:\n  " + "\n  ".join(problems))
    return sorted(out, key=lambda d: d.name)


def dei_declarations(entries: list[ConceptEntry], reference: Path) -> tuple[list[Declaration], dict[str, str]]:
    dei_2024 = read_dei_2024(reference)
    elements_2023, type_sources = read_dei_2023(reference)
    problems: list[str] = []
    out: list[Declaration] = []
    needed_types: dict[str, str] = {}
    for e in entries:
        name = e.local_name
        row = dei_2024.get(name)
        if row is None:
            problems.append(f"{e.concept} is not a dei 2024 element")
            continue
        if row.get("isAbstract") == "true":
            problems.append(f"{e.concept} is abstract in dei 2024")
        prefix, _, local_type = row["dataType"].partition(":")
        if local_type != e.item_type:
            problems.append(f"{e.concept}: the concept table says type {e.item_type}, dei 2024 says {local_type}")
            continue
        if row["periodType"] != e.period_type:
            problems.append(f"{e.concept}: the concept table says period {e.period_type}, "
                            f"dei 2024 says {row['periodType']}")
        if (row.get("balanceType") or None) != e.balance:
            problems.append(f"{e.concept}: the concept table says balance {e.balance}, "
                            f"dei 2024 says {row.get('balanceType')}")
        if prefix == "dei":
            if local_type not in type_sources:
                problems.append(f"{e.concept}: dei item type {local_type} is not one this builder copies")
                continue
            needed_types[local_type] = type_sources[local_type]
            prefixed = "dei:" + local_type
        elif prefix in ("xbrli", "dtr-types"):
            prefixed = f"{prefix}:{local_type}"
        else:
            problems.append(f"{e.concept}: unsupported type namespace prefix {prefix}")
            continue
        old = elements_2023.get(name, {})
        nillable = old.get("nillable", "true") == "true"
        out.append(Declaration(name=name, id=f"dei_{name}", type=prefixed, period_type=row["periodType"],
                               balance=row.get("balanceType"), nillable=nillable))
    if problems:
        raise BuildError("the concept table disagrees with dei 2024:\n  " + "\n  ".join(problems))
    return sorted(out, key=lambda d: d.name), dict(sorted(needed_types.items()))


# ---- writing -------------------------------------------------------------------------------


def _element(d: Declaration) -> str:
    attrs = [
        ("id", d.id), ("name", d.name), ("type", d.type), ("substitutionGroup", "xbrli:item"),
        ("abstract", "false"), ("nillable", "true" if d.nillable else "false"), ("xbrli:periodType", d.period_type),
    ]
    if d.balance:
        attrs.append(("xbrli:balance", d.balance))
    text = "  <xs:element " + " ".join(f"{k}={quoteattr(v)}" for k, v in attrs) + "/>"
    if d.comment:
        text = f"  <!-- {escape(d.comment)} -->\n" + text
    return text


def us_gaap_schema(decls: list[Declaration]) -> str:
    body = "\n".join(_element(d) for d in decls)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!--
{FASB_NOTICE}
-->
<xs:schema xmlns:xs="{XS_NS}" xmlns:xbrli="{XBRLI_NS}" xmlns:dtr-types="{DTR_TYPES_NS}"
  xmlns:us-gaap="{US_GAAP_NS}" targetNamespace="{US_GAAP_NS}" elementFormDefault="qualified"
  attributeFormDefault="unqualified">
  <xs:import namespace="{XBRLI_NS}" schemaLocation="{XBRLI_XSD}"/>
  <xs:import namespace="{DTR_TYPES_NS}" schemaLocation="{DTR_TYPES_XSD}"/>
{body}
</xs:schema>
"""


def dei_schema(decls: list[Declaration], types: dict[str, str]) -> str:
    type_text = "\n".join(types.values())
    body = "\n".join(_element(d) for d in decls)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!--
{SEC_NOTICE}
-->
<xs:schema xmlns:xs="{XS_NS}" xmlns:xbrli="{XBRLI_NS}" xmlns:dtr-types="{DTR_TYPES_NS}"
  xmlns:dei="{DEI_NS}" targetNamespace="{DEI_NS}" elementFormDefault="qualified"
  attributeFormDefault="unqualified">
  <xs:import namespace="{XBRLI_NS}" schemaLocation="{XBRLI_XSD}"/>
  <xs:import namespace="{DTR_TYPES_NS}" schemaLocation="{DTR_TYPES_XSD}"/>
  <!-- item types copied from the official SEC dei-2023.xsd (public domain, 17 U.S.C. 105) -->
{type_text}
{body}
</xs:schema>
"""


def taxonomy_package_xml(n_us_gaap: int, n_dei: int) -> str:
    description = (
        f"A subset of the US-GAAP 2024 and dei 2024 taxonomies built by xbrl-convert for offline validation: "
        f"{n_us_gaap} us-gaap and {n_dei} dei element declarations (the concepts xbrl-convert can emit: its "
        "concept table, learned vocabulary and fallback ranking) with their official names and attributes; "
        "no labels, references or linkbases. "
        "Not the official FASB or SEC taxonomy."
    )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<tp:taxonomyPackage xmlns:tp="http://xbrl.org/2016/taxonomy-package" xml:lang="en">
  <tp:identifier>{PACKAGE_IDENTIFIER}</tp:identifier>
  <tp:name>US-GAAP 2024 and dei 2024 offline subset (xbrl-convert)</tp:name>
  <tp:description>{escape(description)}</tp:description>
  <tp:version>{PACKAGE_VERSION}</tp:version>
  <tp:license href="https://xbrl.fasb.org/terms/TaxonomiesTermsConditions.html" name="FASB Taxonomies Terms and Conditions (us-gaap); dei: SEC work, public domain"/>
  <tp:publisher>xbrl-convert</tp:publisher>
  <tp:entryPoints>
    <tp:entryPoint>
      <tp:name>US-GAAP 2024 elements (subset)</tp:name>
      <tp:entryPointDocument href="{US_GAAP_ENTRY}"/>
    </tp:entryPoint>
    <tp:entryPoint>
      <tp:name>dei 2024 (subset)</tp:name>
      <tp:entryPointDocument href="{DEI_ENTRY}"/>
    </tp:entryPoint>
  </tp:entryPoints>
</tp:taxonomyPackage>
"""


def catalog_xml() -> str:
    rewrites = []
    for url, folder in ((US_GAAP_URL, "xbrl.fasb.org/us-gaap/2024/"), (DEI_URL, "xbrl.sec.gov/dei/2024/")):
        for scheme_url in (url, url.replace("https://", "http://", 1)):
            rewrites.append(f'  <rewriteURI uriStartString="{scheme_url}" rewritePrefix="../{folder}"/>')
    body = "\n".join(rewrites)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">
{body}
</catalog>
"""


def vocabulary_concepts(path: Path) -> set[str]:
    """Local names of the US-GAAP concepts of the learned vocabulary (taxonomy_map/learned_vocabulary.yaml)."""
    import yaml

    if not path.is_file():
        return set()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(line["concept"]).split(":", 1)[1] for line in data.get("lines", [])
            if str(line.get("concept", "")).startswith("us-gaap:")}


def element_list_declarations(path: Path, reference: Path, declared: set[str], wanted: set[str]) -> list[Declaration]:
    """Declarations, from the compact element list (taxonomy_map/us-gaap-2024-elements.tsv, built by
    scripts/build_element_list.py), of the `wanted` elements: those the learned vocabulary can emit
    (the fallback ranking emits only elements of the concept table or the vocabulary). Attributes
    from us-gaap-2011-01-31.xsd, or the period type real filings' contexts show (balance then
    unknown, and left out). Elements whose period type is unknown are not declared."""
    decl_2011 = read_us_gaap_2011(reference)
    out: list[Declaration] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, item_type, period, balance, origin = line.split("\t")[:5]
        if name in declared or name not in wanted or period == "-":
            continue
        old = decl_2011.get(name)
        nillable = old.get("nillable", "true") == "true" if old else True
        comment = "" if origin == "2011" else (
            f"{name} is not in us-gaap-2011-01-31.xsd (added later): its type is the 2024 one; periodType as "
            "the contexts of real filings show it; balance unknown")
        out.append(Declaration(name=name, id=f"us-gaap_{name}", type=_prefixed_type(item_type, name),
                               period_type=period, balance=balance if balance in ("debit", "credit") else None,
                               nillable=nillable, comment=comment))
    return out


DEFAULT_ELEMENTS = REPO_ROOT / "taxonomy_map" / "us-gaap-2024-elements.tsv"
DEFAULT_VOCABULARY = REPO_ROOT / "taxonomy_map" / "learned_vocabulary.yaml"


def build(table_path: Path, reference: Path, elements_path: Path | None = DEFAULT_ELEMENTS,
          vocabulary_path: Path | None = DEFAULT_VOCABULARY) -> bytes:
    """Return the bytes of the package zip: the concept table's concepts, and the learned
    vocabulary's (with their attributes from the compact element list)."""
    table = load_concept_table(table_path)
    seen: set[str] = set()
    us_gaap: list[ConceptEntry] = []
    dei: list[ConceptEntry] = []
    for e in table.entries:  # a concept may have several entries (line item and label detail)
        if e.concept in seen:
            continue
        seen.add(e.concept)
        (us_gaap if e.prefix == "us-gaap" else dei).append(e)
    us_decls = us_gaap_declarations(us_gaap, reference)
    if elements_path is not None and elements_path.is_file() and vocabulary_path is not None:
        wanted = vocabulary_concepts(vocabulary_path)
        extra = element_list_declarations(elements_path, reference, {d.name for d in us_decls}, wanted)
        us_decls = sorted(us_decls + extra, key=lambda d: d.name)
    dei_decls, dei_types = dei_declarations(dei, reference)
    files = {
        f"{PACKAGE_DIR}/META-INF/taxonomyPackage.xml": taxonomy_package_xml(len(us_decls), len(dei_decls)),
        f"{PACKAGE_DIR}/META-INF/catalog.xml": catalog_xml(),
        f"{PACKAGE_DIR}/xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd": us_gaap_schema(us_decls),
        f"{PACKAGE_DIR}/xbrl.sec.gov/dei/2024/dei-2024.xsd": dei_schema(dei_decls, dei_types),
    }
    import io

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_STORED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            zf.writestr(info, files[name].encode("utf-8"))
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reference", type=Path, default=REPO_ROOT.parent / "shared" / "taxonomy-reference",
                        help="the taxonomy reference folder (default: ../shared/taxonomy-reference)")
    parser.add_argument("--table", type=Path, default=REPO_ROOT / "taxonomy_map" / "concepts.yaml",
                        help="the concept table (default: taxonomy_map/concepts.yaml)")
    parser.add_argument("--output", type=Path, default=REPO_ROOT / "taxonomy_map" / "us-gaap-2024-offline.zip",
                        help="where to write the zip (default: taxonomy_map/us-gaap-2024-offline.zip)")
    args = parser.parse_args(argv)
    if not args.reference.is_dir():
        print(f"error: reference folder not found: {args.reference}", file=sys.stderr)
        return 2
    try:
        data = build(args.table, args.reference)
    except (BuildError, ConfigError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    args.output.write_bytes(data)
    print(f"wrote {args.output} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
