#!/usr/bin/env python3
"""Build taxonomy_map/us-gaap-2024-offline.zip: the offline subset of US-GAAP 2024 and dei 2024
for the shipped concept table and learned vocabulary.

A thin wrapper of converter.taxonomy_package.build_package, the code behind
`xbrl-convert build-package`: the attributes come from the reference data shipped in
taxonomy_map/ (scripts/build_element_list.py builds those from ../shared/taxonomy-reference),
or from the official FASB us-gaap-2024.zip with --us-gaap-zip.

Usage: python scripts/build_taxonomy_package.py [--table YAML] [--output ZIP] [--us-gaap-zip ZIP]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from converter.errors import ConfigError  # noqa: E402
from converter.taxonomy_package import build_package, write_package  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--table", type=Path, default=REPO_ROOT / "taxonomy_map" / "concepts.yaml",
                        help="the concept table (default: taxonomy_map/concepts.yaml)")
    parser.add_argument("--output", type=Path, default=REPO_ROOT / "taxonomy_map" / "us-gaap-2024-offline.zip",
                        help="where to write the zip (default: taxonomy_map/us-gaap-2024-offline.zip)")
    parser.add_argument("--us-gaap-zip", type=Path, help="the official FASB us-gaap-2024.zip to read attributes from")
    args = parser.parse_args(argv)
    try:
        data = build_package(args.table, us_gaap_zip=args.us_gaap_zip)
        write_package(data, args.output)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    print(f"wrote {args.output} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
