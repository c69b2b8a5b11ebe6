#!/usr/bin/env python3
"""Build the element reference data shipped in taxonomy_map/, from the taxonomy reference folder
(../shared/taxonomy-reference, see its SOURCES.md):

* taxonomy_map/us-gaap-2024-elements.tsv: one line per US-GAAP 2024 element of an item type a
  concept table can use (monetary, shares, per share, string, normalized string, date, gYear,
  boolean). The fallback ranking (converter/fallback.py) chooses among its numeric lines; the
  taxonomy package builder (converter/taxonomy_package.py, `xbrl-convert build-package`)
  declares elements with its attributes:

      name <TAB> item type <TAB> period type <TAB> balance <TAB> where the period type and
      balance come from <TAB> nillable <TAB> abstract <TAB> substitution group

  - names and item types: The-FinAI_FinTagging/taxonomy/us_gaap_2024_BM25.jsonl (17,388 names);
  - period type and balance: the official us-gaap-2011-01-31.xsd ("2011"; balance "none" when
    the element has none) when the element kept its item type since 2011; else the period type
    the contexts of real filings show (taxonomy_map/learned_vocabulary.yaml, "filings") and
    balance "-" (unknown); else the period type the concept table gives the element
    (taxonomy_map/concepts.yaml, "table": a line the table decides is left out of the vocabulary)
    and balance "-"; "-" where nothing is known;
  - nillable, abstract, substitution group: us-gaap-2011-01-31.xsd when it declares the name
    (nillable "-" otherwise); for later elements, the US-GAAP naming rules: names ending in
    Abstract or LineItems are abstract items, Axis dimensions, Table hypercubes, any other
    name a concrete xbrli:item.
* taxonomy_map/dei-2024-elements.tsv: every dei 2024 concept (the XBRL US dei 2024 JSON):
  name, prefixed data type, period type, balance ("none"), abstract, and nillable from the
  official dei-2023.xsd ("-" for elements added in 2024).
* taxonomy_map/dei-2024-types.xsd: the dei item types a package declares, copied from the
  official SEC dei-2023.xsd (public domain, 17 U.S.C. 105).

Usage: python scripts/build_element_list.py [--reference DIR] [--vocabulary YAML] [--table YAML] [--out-dir DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml
from lxml import etree

REPO_ROOT = Path(__file__).resolve().parents[1]
NUMERIC = ("monetaryItemType", "sharesItemType", "perShareItemType")
TYPES = NUMERIC + ("stringItemType", "normalizedStringItemType", "dateItemType", "gYearItemType", "booleanItemType")
XS_NS = "http://www.w3.org/2001/XMLSchema"
DEI_NS = "http://xbrl.sec.gov/dei/2024"
DEI_TYPE_COPY = ("centralIndexKeyItemType", "tradingSymbolItemType", "submissionTypeItemType",
                 "fiscalPeriodItemType")
HEADER = ("# US-GAAP 2024 elements a concept table can use; built by scripts/build_element_list.py\n"
          "# name\ttype\tperiod\tbalance\tattributes from\tnillable\tabstract\tsubstitutionGroup\n")
DEI_HEADER = ("# dei 2024 concepts; built by scripts/build_element_list.py\n"
              "# name\ttype\tperiod\tbalance\tabstract\tnillable\n")
US_GAAP_2011 = "MattSheehanDev_sec-xbrl-nodejs/schemas/us-gaap/us-gaap-2011-01-31/elts/us-gaap-2011-01-31.xsd"
DEI_2023 = "RojerChien_StockScreener/cache/xbrl.sec.gov/dei/2023/dei-2023.xsd"
DEI_2024 = "xbrlus_metaTaxonomy-rules/taxonomy/us/2024/http-xbrl-sec-gov-dei-2024.json"


def _declarations(xsd: Path) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for el in etree.parse(str(xsd)).getroot().iterfind(f"{{{XS_NS}}}element"):
        attrs = {etree.QName(k).localname: v for k, v in el.attrib.items()}
        if "name" in attrs:
            out[attrs["name"]] = attrs
    return out


def _by_name(name: str) -> tuple[str, str]:
    """(abstract, substitution group) the US-GAAP naming rules give an element not in 2011."""
    if name.endswith("Axis"):
        return "true", "xbrldt:dimensionItem"
    if name.endswith("Table"):
        return "true", "xbrldt:hypercubeItem"
    if name.endswith(("Abstract", "LineItems", "Member", "Domain")):
        return "true", "xbrli:item"
    return "false", "xbrli:item"


def build(reference: Path, vocabulary: Path | None, table: Path | None = None) -> str:
    names: dict[str, str] = {}
    with (reference / "The-FinAI_FinTagging/taxonomy/us_gaap_2024_BM25.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                if row["entity_type"] in TYPES:
                    names[row["us_gaap_tag"]] = row["entity_type"]
    old = _declarations(reference / US_GAAP_2011)
    seen_periods: dict[str, str] = {}
    if vocabulary is not None and vocabulary.is_file():
        for line in (yaml.safe_load(vocabulary.read_text(encoding="utf-8")) or {}).get("lines", []):
            concept = str(line.get("concept", ""))
            if concept.startswith("us-gaap:") and not line.get("opening"):
                seen_periods.setdefault(concept.split(":", 1)[1], str(line.get("period")))
    table_periods: dict[str, str] = {}
    if table is not None and table.is_file():
        for entry in (yaml.safe_load(table.read_text(encoding="utf-8")) or {}).get("concepts", []):
            concept = str(entry.get("concept", ""))
            if concept.startswith("us-gaap:") and entry.get("period") in ("instant", "duration"):
                table_periods.setdefault(concept.split(":", 1)[1], str(entry["period"]))
    rows = []
    for name in sorted(names):
        item_type = names[name]
        attrs = old.get(name)
        no_balance = item_type != "monetaryItemType"
        if attrs is not None and attrs.get("type", "").endswith(item_type):
            period, balance, origin = attrs.get("periodType", "-"), attrs.get("balance", "none"), "2011"
            if no_balance:
                balance = "none"
        elif name in seen_periods:
            period, balance, origin = seen_periods[name], "none" if no_balance else "-", "filings"
        elif name in table_periods:
            period, balance, origin = table_periods[name], "none" if no_balance else "-", "table"
        else:
            period, balance, origin = "-", "none" if no_balance else "-", "-"
        if attrs is not None:
            nillable, abstract = attrs.get("nillable", "false"), attrs.get("abstract", "false")
            group = attrs.get("substitutionGroup", "-")
        else:
            nillable, (abstract, group) = "-", _by_name(name)
        rows.append(f"{name}\t{item_type}\t{period}\t{balance}\t{origin}\t{nillable}\t{abstract}\t{group}\n")
    return HEADER + "".join(rows)


def build_dei(reference: Path) -> str:
    data = json.loads((reference / DEI_2024).read_text(encoding="utf-8"))
    old = _declarations(reference / DEI_2023)
    rows = []
    for entry in sorted((e for e in data[DEI_NS] if e.get("type") == "Concept"), key=lambda e: e["localName"]):
        name = entry["localName"]
        nillable = old[name].get("nillable", "true") if name in old else "-"
        rows.append(f"{name}\t{entry['dataType']}\t{entry['periodType']}\t{entry.get('balanceType') or 'none'}\t"
                    f"{entry.get('isAbstract', 'false')}\t{nillable}\n")
    return DEI_HEADER + "".join(rows)


def build_dei_types(reference: Path) -> bytes:
    """A schema holding only the copied dei item types (their text is re-rendered when used)."""
    source = etree.parse(str(reference / DEI_2023)).getroot()
    root = etree.Element(f"{{{XS_NS}}}schema", nsmap={"xs": XS_NS, "xbrli": "http://www.xbrl.org/2003/instance"})
    root.append(etree.Comment(" dei item types copied from the official SEC dei-2023.xsd (public domain, "
                              "17 U.S.C. 105) by scripts/build_element_list.py "))
    types = {ct.get("name"): ct for ct in source.iterfind(f"{{{XS_NS}}}complexType")}
    for name in DEI_TYPE_COPY:
        root.append(types[name])
    etree.indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reference", type=Path, default=REPO_ROOT.parent / "shared" / "taxonomy-reference")
    parser.add_argument("--vocabulary", type=Path, default=REPO_ROOT / "taxonomy_map" / "learned_vocabulary.yaml")
    parser.add_argument("--table", type=Path, default=REPO_ROOT / "taxonomy_map" / "concepts.yaml")
    parser.add_argument("--out-dir", type=Path, default=REPO_ROOT / "taxonomy_map")
    args = parser.parse_args()
    if not args.reference.is_dir():
        print(f"reference folder not found: {args.reference}", file=sys.stderr)
        return 2
    (args.out_dir / "us-gaap-2024-elements.tsv").write_text(build(args.reference, args.vocabulary, args.table),
                                                            encoding="utf-8")
    (args.out_dir / "dei-2024-elements.tsv").write_text(build_dei(args.reference), encoding="utf-8")
    (args.out_dir / "dei-2024-types.xsd").write_bytes(build_dei_types(args.reference))
    print(f"wrote the element lists in {args.out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
