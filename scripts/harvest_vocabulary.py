#!/usr/bin/env python3
"""Harvest the general vocabulary from real filings: taxonomy_map/learned_vocabulary.yaml.

Reads every Inline XBRL filing in a folder (default ../shared/filings), takes the statement lines
each company tagged with a US-GAAP concept (label, statement, section, concept, sign, item and
period type) and writes them with the number of filings that tagged them so. Labels the
hand-written concept table already decides in that statement and section are left out: the
table is where an accountant decides, the vocabulary only fills its gaps (the converter asks it
after the table). Review the output before committing it.

Usage: python scripts/harvest_vocabulary.py [FOLDER] [--output YAML] [--min-count N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from converter.companymap import dump_line_map  # noqa: E402
from converter.concepts import concept_table  # noqa: E402
from converter.learn import harvest, read_filings  # noqa: E402

HEADER = """\
# Learned vocabulary: how real companies tag the lines of their statements, harvested from their
# own Inline XBRL 10-Q/10-K filings ({count} filings) by scripts/harvest_vocabulary.py. Labels with
# figures or with words of the filer's own name are left out.
# Data, not decisions: the converter asks it only for rows the concept table (concepts.yaml)
# does not match; labels the table decides are left out. `count` is how many filings tagged the
# label so. tests/test_learn.py checks that no line contradicts the table.
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=REPO_ROOT.parent / "shared" / "filings")
    parser.add_argument("--output", type=Path, default=REPO_ROOT / "taxonomy_map" / "learned_vocabulary.yaml")
    parser.add_argument("--min-count", type=int, default=1)
    args = parser.parse_args()
    paths = sorted(args.folder.glob("*.htm*"))
    if not paths:
        print(f"no filings in {args.folder}", file=sys.stderr)
        return 2
    vocabulary = harvest(read_filings(paths), concept_table(), args.min_count)
    header = HEADER.format(count=len(paths))
    args.output.write_text(dump_line_map(vocabulary, header), encoding="utf-8")
    print(f"wrote {args.output}: {len(vocabulary.lines)} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
