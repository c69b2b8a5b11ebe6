#!/usr/bin/env python3
"""Build taxonomy_map/us-gaap-2024-elements.tsv: the compact list of US-GAAP 2024 elements the
fallback ranking (converter/fallback.py) chooses from.

One line per US-GAAP 2024 element of a numeric item type a statement line can carry (monetary,
shares, per share), from the reference data (../shared/taxonomy-reference, see its SOURCES.md):

    name <TAB> item type <TAB> period type <TAB> balance <TAB> where the attributes come from

* names and item types: The-FinAI_FinTagging/taxonomy/us_gaap_2024_BM25.jsonl (the 17,388 names);
* period type and balance: the official us-gaap-2011-01-31.xsd ("2011"; balance "none" when the
  element has none); for elements added after 2011, the period type the contexts of real filings
  show (taxonomy_map/learned_vocabulary.yaml, "filings") and balance "-" (unknown);
* "-" where nothing is known. The fallback never emits an element whose period type or balance
  is unknown.

Usage: python scripts/build_element_list.py [--reference DIR] [--output TSV]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml
from lxml import etree

REPO_ROOT = Path(__file__).resolve().parents[1]
TYPES = ("monetaryItemType", "sharesItemType", "perShareItemType")
XS_NS = "http://www.w3.org/2001/XMLSchema"
HEADER = ("# US-GAAP 2024 numeric elements for the fallback ranking; built by scripts/build_element_list.py\n"
          "# name\ttype\tperiod\tbalance\tattributes from\n")


def build(reference: Path, vocabulary: Path | None) -> str:
    names: dict[str, str] = {}
    with (reference / "The-FinAI_FinTagging/taxonomy/us_gaap_2024_BM25.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                if row["entity_type"] in TYPES:
                    names[row["us_gaap_tag"]] = row["entity_type"]
    xsd = reference / "MattSheehanDev_sec-xbrl-nodejs/schemas/us-gaap/us-gaap-2011-01-31/elts/us-gaap-2011-01-31.xsd"
    old: dict[str, dict[str, str]] = {}
    for el in etree.parse(str(xsd)).getroot().iterfind(f"{{{XS_NS}}}element"):
        attrs = {etree.QName(k).localname: v for k, v in el.attrib.items()}
        old[attrs["name"]] = attrs
    seen_periods: dict[str, str] = {}
    if vocabulary is not None and vocabulary.is_file():
        for line in (yaml.safe_load(vocabulary.read_text(encoding="utf-8")) or {}).get("lines", []):
            concept = str(line.get("concept", ""))
            if concept.startswith("us-gaap:") and not line.get("opening"):
                seen_periods.setdefault(concept.split(":", 1)[1], str(line.get("period")))
    rows = []
    for name in sorted(names):
        item_type = names[name]
        attrs = old.get(name)
        if attrs is not None and attrs.get("type", "").endswith(item_type.replace("ItemType", "ItemType")):
            period, balance, origin = attrs.get("periodType", "-"), attrs.get("balance", "none"), "2011"
            if item_type != "monetaryItemType":
                balance = "none"
        elif name in seen_periods:
            period, balance, origin = seen_periods[name], "none" if item_type != "monetaryItemType" else "-", "filings"
        else:
            period, balance, origin = "-", "none" if item_type != "monetaryItemType" else "-", "-"
        rows.append(f"{name}\t{item_type}\t{period}\t{balance}\t{origin}\n")
    return HEADER + "".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reference", type=Path, default=REPO_ROOT.parent / "shared" / "taxonomy-reference")
    parser.add_argument("--vocabulary", type=Path, default=REPO_ROOT / "taxonomy_map" / "learned_vocabulary.yaml")
    parser.add_argument("--output", type=Path, default=REPO_ROOT / "taxonomy_map" / "us-gaap-2024-elements.tsv")
    args = parser.parse_args()
    if not args.reference.is_dir():
        print(f"reference folder not found: {args.reference}", file=sys.stderr)
        return 2
    args.output.write_text(build(args.reference, args.vocabulary), encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
