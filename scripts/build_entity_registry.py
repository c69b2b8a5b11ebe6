#!/usr/bin/env python3
"""Build taxonomy_map/company_tickers.tsv, the shipped ticker -> CIK -> registrant list.

Reads the SEC's company tickers list (../shared/entity-reference/company_tickers.json, shape
``{"0": {"cik_str": 1045810, "ticker": "NVDA", "title": "NVIDIA CORP"}, ...}``) and writes one
line per ticker, ``TICKER<TAB>CIK<TAB>TITLE`` (CIK as 10 digits), in the order of the SEC's
numbered entries (a registrant's first ticker is its main one: the registry names it when a
company is found by name), after a comment header. A rebuild is byte-for-byte identical. converter/entities.py loads it; taxonomy_map/entities.yaml adds
delisted and historical tickers on top.

Usage: python scripts/build_entity_registry.py [--source JSON] [--output TSV]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SOURCE = REPO_ROOT.parent / "shared" / "entity-reference" / "company_tickers.json"
DEFAULT_OUTPUT = REPO_ROOT / "taxonomy_map" / "company_tickers.tsv"

HEADER = ("# SEC company tickers: TICKER, CIK (10 digits), registrant title, tab-separated, in the SEC's order.\n"
          "# Built by scripts/build_entity_registry.py from the SEC's company_tickers.json; do not edit by hand\n"
          "# (add delisted and historical tickers to entities.yaml).\n")


def registry_lines(data: dict) -> list[str]:
    """The TSV lines of the SEC list in its entries' numeric order; a ticker listed twice keeps
    its first entry."""
    rows: dict[str, tuple[str, str]] = {}
    for where, entry in sorted(data.items(), key=lambda item: (len(item[0]), item[0])):
        try:
            ticker = str(entry["ticker"]).strip().upper()
            cik = str(int(entry["cik_str"])).zfill(10)
            title = " ".join(str(entry["title"]).split())
        except (KeyError, TypeError, ValueError) as exc:
            raise SystemExit(f"entry {where}: expected cik_str, ticker and title ({exc})") from None
        if not re.fullmatch(r"[A-Z0-9][A-Z0-9.\-]*", ticker) or len(cik) != 10 or not title:
            raise SystemExit(f"entry {where}: unusable ticker {ticker!r}, cik {cik!r} or title {title!r}")
        rows.setdefault(ticker, (cik, title))
    return [f"{t}\t{cik}\t{title}\n" for t, (cik, title) in rows.items()]


def build(source: Path) -> str:
    return HEADER + "".join(registry_lines(json.loads(source.read_text(encoding="utf-8"))))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--source", type=Path, default=DEFAULT_SOURCE)
    ap.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    args = ap.parse_args()
    text = build(args.source)
    args.output.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {args.output} ({text.count(chr(10)) - HEADER.count(chr(10))} tickers)")


if __name__ == "__main__":
    sys.exit(main())
