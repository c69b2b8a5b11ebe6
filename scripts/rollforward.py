#!/usr/bin/env python3
"""The roll-forward, end to end, with the product's own commands: learn, convert, compare.

For every Inline XBRL filing in a folder (default ../shared/filings):

1. `xbrl-convert learn FILING --out MAP.yaml` (the company's map, from its own tags);
2. the filing with its Inline XBRL tags stripped is the "release";
   `xbrl-convert convert RELEASE --company-map MAP.yaml --out OUT`;
3. compare the instance with the filing (what `xbrl-convert compare OUT/.../NAME.xml FILING
   --dimensional` prints: a fact with dimensions matches a filing fact of the same dimensions).

It prints, per filing, the release's facts and how they compare with the filing's own facts
(same concept / concept differs / value differs / only in the release), and of the facts only in
the release how many the filing tagged with dimensions (an axis and member the release does not
write). This is the path a user of the roll-forward takes; the filings harness
(scripts/evaluate_filings.py) looks at the statement rows only and in process.

With --previous the map is learned from the company's filing before instead (a 10-K, then the next
10-Q; filings named like 'aapl-10-q-2025-08-01.html'): the roll-forward across periods, where labels
drift and the map knows the prior periods' figures only.

Usage: python scripts/rollforward.py [FOLDER] [--only NAME ...] [--previous] [--work DIR] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
sys.path.insert(0, str(REPO_ROOT / "scripts"))

from converter.compare import Status, compare_files  # noqa: E402
from converter.filing import read_document  # noqa: E402
from evaluate_filings import strip_inline  # noqa: E402

STATUSES = ("match", "concept_differs", "value_differs", "only_in_release")


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", "from converter.cli import main; main()", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=REPO_ROOT)


def roll_forward(filing: Path, work: Path, teacher: Path | None = None) -> dict[str, object]:
    """learn (from `teacher`, by default the filing itself) -> convert the stripped filing with the
    map -> compare; the counts of one filing."""
    name = filing.name.split(".")[0]
    folder = work / name
    folder.mkdir(parents=True, exist_ok=True)
    map_path = folder / "map.yaml"
    done = _cli("learn", str(teacher or filing), "--out", str(map_path))
    if done.returncode != 0:
        return {"filing": filing.name, "error": f"learn: {done.stderr.strip()[-300:]}"}
    release = folder / f"{name}.htm"
    release.write_text(strip_inline(filing), encoding="utf-8")
    out = folder / "out"
    done = _cli("convert", str(release), "--company-map", str(map_path), "--out", str(out))
    instances = sorted(p for p in out.rglob("*.xml") if p.parent.name == name and p.stem == name)
    if not instances:
        return {"filing": filing.name, "error": f"convert wrote no instance: {done.stdout.strip()[-300:]}"}
    # the release's facts with dimensions (a company map's product lines) are compared too: with
    # the filing's facts of the same dimensions
    comparison = compare_files(instances[0], filing, include_dimensional=True)
    counts = Counter(row.status.value for row in comparison.rows if row.status.value in STATUSES)
    # a fact only in the release (written without dimensions) whose value and period the filing
    # tags with dimensions
    dimensional = {(f.period, f.value) for f in read_document(filing).facts if f.dimensions and f.is_numeric}
    with_dims = sum(1 for row in comparison.rows if row.status is Status.ONLY_IN_RELEASE and row.release
                    and not row.release.dimensions and (row.release.period, row.release.value) in dimensional)
    return {"filing": filing.name, "learned_from": (teacher or filing).name, "facts": sum(counts.values()),
            **{s: counts[s] for s in STATUSES}, "only_dimensional": with_dims}


def _dated(path: Path) -> tuple[str, str]:
    """(company, filing date) from a name like 'aapl-10-q-2025-08-01.html'."""
    found = re.search(r"(\d{4}-\d{2}-\d{2})", path.name)
    return path.name.split("-")[0].lower(), found.group(1) if found else ""


def previous_filings(filings: list[Path]) -> list[tuple[Path, Path]]:
    """(filing, the same company's filing before it) for every company with two or more filings:
    the roll-forward from one period's filing to the next."""
    by_company: dict[str, list[Path]] = {}
    for path in filings:
        by_company.setdefault(_dated(path)[0], []).append(path)
    pairs = []
    for paths in by_company.values():
        paths.sort(key=lambda p: _dated(p)[1])
        pairs.extend((later, earlier) for earlier, later in zip(paths, paths[1:]))
    return sorted(pairs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=REPO_ROOT.parent / "shared" / "filings")
    parser.add_argument("--only", nargs="*", default=[], help="filings whose name starts with these")
    parser.add_argument("--work", type=Path, help="keep maps and outputs here (default: a temporary folder)")
    parser.add_argument("--json", type=Path, help="write the per-filing counts here")
    parser.add_argument("--previous", action="store_true",
                        help="learn each company's map from its filing before (a 10-K, the last 10-Q) and "
                             "score the next filing with it: companies with one filing are left out")
    options = parser.parse_args()
    filings = sorted(p for p in options.folder.glob("*.htm*")
                     if not options.only or any(p.name.startswith(o) for o in options.only))
    if not filings:
        print(f"no Inline XBRL filings (*.htm, *.html) in {options.folder}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as temporary:
        work = options.work or Path(temporary)
        if options.previous:
            results = [roll_forward(f, work, teacher) for f, teacher in previous_filings(filings)]
        else:
            results = [roll_forward(f, work) for f in filings]
    header = f"{'filing':28} {'facts':>6} {'same':>6} {'concept':>8} {'value':>6} {'only':>6} {'dims':>6}  same%"
    print("Roll-forward end to end (learn -> convert --company-map -> compare)")
    print(header)
    totals: Counter[str] = Counter()
    for r in results:
        if "error" in r:
            print(f"{r['filing']:28} {r['error']}")
            continue
        for key in ("facts", *STATUSES, "only_dimensional"):
            totals[key] += int(r[key])  # type: ignore[call-overload]
        share = 100 * int(r["match"]) / max(1, int(r["facts"]))  # type: ignore[call-overload]
        if r["learned_from"] != r["filing"]:
            print(f"  (map learned from {r['learned_from']})")
        print(f"{r['filing']:28} {r['facts']:>6} {r['match']:>6} {r['concept_differs']:>8} {r['value_differs']:>6} "
              f"{r['only_in_release']:>6} {r['only_dimensional']:>6}  {share:5.1f}%")
    share = 100 * totals["match"] / max(1, totals["facts"])
    print(f"{'total':28} {totals['facts']:>6} {totals['match']:>6} {totals['concept_differs']:>8} "
          f"{totals['value_differs']:>6} {totals['only_in_release']:>6} {totals['only_dimensional']:>6}  {share:5.1f}%")
    print("same: same concept, period and value; concept/value: that differs; only: no filing fact "
          "of that value; dims: of those, the filing tags the value with dimensions")
    if options.json:
        options.json.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
