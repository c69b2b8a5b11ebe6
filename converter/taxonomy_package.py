"""Build an offline taxonomy package (US-GAAP 2024 and dei 2024 subset) for a concept table.

`build_package(table_path)` returns the bytes of a Taxonomy Packages 1.0 zip whose catalog
rewrites https://xbrl.fasb.org/us-gaap/2024/ and https://xbrl.sec.gov/dei/2024/ (and the http://
forms) to schemas inside it that declare the concepts of the concept table and of the learned
vocabulary (the fallback ranking emits only concepts of the two) and the components of other
comprehensive income converter.oci tags rows with, so an instance with the
official schemaRefs validates without network. The shipped taxonomy_map/us-gaap-2024-offline.zip
is this function's output for the shipped concept table (`xbrl-convert build-package`,
scripts/build_taxonomy_package.py).

Element attributes come from the reference data shipped in the package (converter/elementdata.py:
the compact US-GAAP element list, the dei concept list and item types), or, given
`us_gaap_zip`, from the official FASB us-gaap-2024.zip. An element the shipped list knows only
by name and type (added to US-GAAP after 2011) is declared with the concept table's period type,
balance and nillable, and its schema comment says so.

The output is byte-for-byte deterministic: sorted entries, fixed timestamps and attributes, and
stored (uncompressed) entries so the bytes do not depend on the zlib version. A concept table
that disagrees with the taxonomy (unknown element, other item type, period type or balance,
abstract element) raises PackageBuildError listing every disagreement.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from converter import oci
from converter.concepts import ConceptEntry, load_concept_table
from converter.elementdata import (
    DEI_NS,
    DTR_TYPES_NS,
    US_GAAP_NS,
    XBRLI_NS,
    XS_NS,
    ElementInfo,
    read_fasb_zip,
    shipped_dei,
    shipped_us_gaap,
)
from converter.errors import ConfigError

PACKAGE_DIR = "us-gaap-2024-offline"  # the single top-level folder of the zip (TP 1.0 section 3.1)
PACKAGE_VERSION = "2024.1"
PACKAGE_IDENTIFIER = "urn:xbrl-convert:taxonomy-package:us-gaap-2024-offline-subset"
US_GAAP_URL = "https://xbrl.fasb.org/us-gaap/2024/"
US_GAAP_ENTRY = US_GAAP_URL + "elts/us-gaap-2024.xsd"
DEI_URL = "https://xbrl.sec.gov/dei/2024/"
DEI_ENTRY = DEI_URL + "dei-2024.xsd"
XBRLI_XSD = "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"
DTR_TYPES_XSD = "https://www.xbrl.org/dtr/type/2022-03-31/types.xsd"  # bundled with Arelle
FIXED_DATE = (2024, 1, 1, 0, 0, 0)

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


class PackageBuildError(ConfigError):
    """The concept table and the taxonomy disagree, or the taxonomy source is incomplete."""


@dataclass(frozen=True)
class Declaration:
    name: str
    id: str
    type: str  # prefixed, e.g. "xbrli:monetaryItemType"
    period_type: str
    balance: str | None
    nillable: bool
    comment: str = ""


# ---- deciding the declarations -----------------------------------------------------------

_LATER = ("{name} is not in us-gaap-2011-01-31.xsd (added later): its type is the 2024 one; "
          "periodType, balance and nillable are the concept table's values")
_LATER_LISTED = ("{name} is not in us-gaap-2011-01-31.xsd (added later): its type is the 2024 one; periodType as "
                 "the contexts of real filings show it; balance unknown")


def _problems_of(e: ConceptEntry, info: ElementInfo | None, taxonomy: str) -> list[str]:
    if info is None:
        return [f"{e.concept} is not a {taxonomy} element (not in the 2024 element list)"]
    if info.item_type != e.item_type:
        return [f"{e.concept}: the concept table says type {e.item_type}, {taxonomy} says {info.item_type}"]
    out = []
    if info.abstract:
        out.append(f"{e.concept} is abstract in {taxonomy}; it cannot carry facts")
    if info.substitution_group not in (None, "xbrli:item"):
        out.append(f"{e.concept} is a {info.substitution_group} in {taxonomy}, not an item")
    if info.type_prefix is None:
        out.append(f"{e.concept}: item type {info.item_type} is not one this builder knows the namespace of")
    if info.official:
        if info.period_type != e.period_type:
            out.append(f"{e.concept}: the concept table says period {e.period_type}, {taxonomy} says {info.period_type}")
        if info.balance != e.balance:
            out.append(f"{e.concept}: the concept table says balance {e.balance}, {taxonomy} says {info.balance}")
    return out


def us_gaap_declarations(entries: list[ConceptEntry], elements: dict[str, ElementInfo]) -> list[Declaration]:
    problems: list[str] = []
    out: list[Declaration] = []
    for e in entries:
        info = elements.get(e.local_name)
        found = _problems_of(e, info, "US-GAAP 2024")
        if found or info is None:
            problems += found
            continue
        if info.official:
            period, balance, nillable, comment = info.period_type or "", info.balance, bool(info.nillable), ""
        else:
            period, balance, nillable = e.period_type, e.balance, e.nillable
            comment = _LATER.format(name=e.local_name)
        out.append(Declaration(name=e.local_name, id=f"us-gaap_{e.local_name}", type=f"{info.type_prefix}:{info.item_type}",
                               period_type=period, balance=balance, nillable=nillable, comment=comment))
    if problems:
        raise PackageBuildError("the concept table disagrees with US-GAAP 2024:\n  " + "\n  ".join(problems))
    return sorted(out, key=lambda d: d.name)


def listed_declarations(elements: dict[str, ElementInfo], declared: set[str], wanted: set[str]) -> list[Declaration]:
    """Declarations of the `wanted` elements (the learned vocabulary's) the table did not declare,
    with the element source's attributes; those whose period type is unknown are left out."""
    out = []
    for name in sorted(wanted - declared):
        info = elements.get(name)
        if info is None or info.period_type is None or info.type_prefix is None:
            continue
        comment = "" if info.official else _LATER_LISTED.format(name=name)
        out.append(Declaration(name=name, id=f"us-gaap_{name}", type=f"{info.type_prefix}:{info.item_type}",
                               period_type=info.period_type, balance=info.balance,
                               nillable=True if info.nillable is None else info.nillable, comment=comment))
    return out


def dei_declarations(entries: list[ConceptEntry]) -> tuple[list[Declaration], dict[str, str]]:
    elements, type_sources = shipped_dei()
    problems: list[str] = []
    out: list[Declaration] = []
    needed_types: dict[str, str] = {}
    for e in entries:
        info = elements.get(e.local_name)
        if info is None:
            problems.append(f"{e.concept} is not a dei 2024 element")
            continue
        if info.abstract:
            problems.append(f"{e.concept} is abstract in dei 2024")
        if info.item_type != e.item_type:
            problems.append(f"{e.concept}: the concept table says type {e.item_type}, dei 2024 says {info.item_type}")
            continue
        if info.period_type != e.period_type:
            problems.append(f"{e.concept}: the concept table says period {e.period_type}, "
                            f"dei 2024 says {info.period_type}")
        if info.balance != e.balance:
            problems.append(f"{e.concept}: the concept table says balance {e.balance}, dei 2024 says {info.balance}")
        if info.type_prefix == "dei":
            if info.item_type not in type_sources:
                problems.append(f"{e.concept}: dei item type {info.item_type} is not one this builder copies")
                continue
            needed_types[info.item_type] = type_sources[info.item_type]
        elif info.type_prefix not in ("xbrli", "dtr-types"):
            problems.append(f"{e.concept}: unsupported type namespace prefix {info.type_prefix}")
            continue
        out.append(Declaration(name=e.local_name, id=f"dei_{e.local_name}", type=f"{info.type_prefix}:{info.item_type}",
                               period_type=info.period_type or "", balance=info.balance,
                               nillable=True if info.nillable is None else info.nillable))
    if problems:
        raise PackageBuildError("the concept table disagrees with dei 2024:\n  " + "\n  ".join(problems))
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


def _schema(notice: str, prefix: str, namespace: str, body: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!--
{notice}
-->
<xs:schema xmlns:xs="{XS_NS}" xmlns:xbrli="{XBRLI_NS}" xmlns:dtr-types="{DTR_TYPES_NS}"
  xmlns:{prefix}="{namespace}" targetNamespace="{namespace}" elementFormDefault="qualified"
  attributeFormDefault="unqualified">
  <xs:import namespace="{XBRLI_NS}" schemaLocation="{XBRLI_XSD}"/>
  <xs:import namespace="{DTR_TYPES_NS}" schemaLocation="{DTR_TYPES_XSD}"/>
{body}
</xs:schema>
"""


def us_gaap_schema(decls: list[Declaration]) -> str:
    return _schema(FASB_NOTICE, "us-gaap", US_GAAP_NS, "\n".join(_element(d) for d in decls))


def dei_schema(decls: list[Declaration], types: dict[str, str]) -> str:
    body = ("  <!-- item types copied from the official SEC dei-2023.xsd (public domain, 17 U.S.C. 105) -->\n"
            + "\n".join(types.values()) + "\n" + "\n".join(_element(d) for d in decls))
    return _schema(SEC_NOTICE, "dei", DEI_NS, body)


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


def vocabulary_concepts(path: Path | None) -> set[str]:
    """Local names of the US-GAAP concepts of a learned vocabulary (taxonomy_map/learned_vocabulary.yaml)."""
    from converter.config import read_yaml

    if path is None or not path.is_file():
        return set()
    data = read_yaml(path) or {}
    return {str(line["concept"]).split(":", 1)[1] for line in data.get("lines", [])
            if str(line.get("concept", "")).startswith("us-gaap:")}


def default_vocabulary_path() -> Path:
    from taxonomy_map import data_path

    return data_path("learned_vocabulary.yaml")


def build_package(table_path: Path, us_gaap_zip: Path | None = None,
                  vocabulary_path: Path | None = None) -> bytes:
    """The bytes of the package zip for the concept table at `table_path` (and the learned
    vocabulary, by default the shipped one). Raises ConfigError (PackageBuildError when the
    table and the taxonomy disagree)."""
    table = load_concept_table(table_path)
    elements = read_fasb_zip(us_gaap_zip) if us_gaap_zip is not None else shipped_us_gaap()
    seen: set[str] = set()
    us_gaap: list[ConceptEntry] = []
    dei: list[ConceptEntry] = []
    for e in table.entries:  # a concept may have several entries (line item and label detail)
        if e.concept in seen:
            continue
        seen.add(e.concept)
        (us_gaap if e.prefix == "us-gaap" else dei).append(e)
    us_decls = us_gaap_declarations(us_gaap, elements)
    wanted = vocabulary_concepts(vocabulary_path or default_vocabulary_path())
    wanted |= {c.split(":", 1)[1] for c in oci.all_candidates()}  # the components of OCI, by their place
    extra = listed_declarations(elements, {d.name for d in us_decls}, wanted)
    us_decls = sorted(us_decls + extra, key=lambda d: d.name)
    dei_decls, dei_types = dei_declarations(dei)
    files = {
        f"{PACKAGE_DIR}/META-INF/taxonomyPackage.xml": taxonomy_package_xml(len(us_decls), len(dei_decls)),
        f"{PACKAGE_DIR}/META-INF/catalog.xml": catalog_xml(),
        f"{PACKAGE_DIR}/xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd": us_gaap_schema(us_decls),
        f"{PACKAGE_DIR}/xbrl.sec.gov/dei/2024/dei-2024.xsd": dei_schema(dei_decls, dei_types),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_STORED
            info.create_system = 3
            info.external_attr = 0o644 << 16
            zf.writestr(info, files[name].encode("utf-8"))
    return buf.getvalue()


def write_package(data: bytes, out: Path) -> Path:
    """Write the package bytes to `out` atomically (a temporary file beside it, then renamed)."""
    out = Path(out)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(out)
    return out


__all__ = ["build_package", "write_package", "PackageBuildError", "Declaration", "vocabulary_concepts"]
