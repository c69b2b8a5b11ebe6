"""Print speed and memory figures for converting releases (no pass/fail: figures to compare).

    .venv/bin/python scripts/benchmark.py [FILES_OR_FOLDERS...] [--repeat N]

Defaults to the bundled examples plus ../shared/seeds when present. Reports, per stage, the
median time per document over N rounds, and the peak resident memory of the process.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import tempfile
import time
from pathlib import Path

from converter.checks import run_checks
from converter.concepts import concept_table, default_entity_registry_path, load_entity_registry
from converter.errors import NoStatementsError
from converter.extract import extract_file
from converter.map import map_release
from converter.pipeline import collect_inputs, resolve_entity
from converter.serialize import serialize
from converter.validate import validate_instance

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    paths = args.paths or [ROOT / "examples"] + ([ROOT.parent / "shared" / "seeds"]
                                                  if (ROOT.parent / "shared" / "seeds").is_dir() else [])
    inputs = collect_inputs(tuple(paths))
    table, registry = concept_table(), load_entity_registry(default_entity_registry_path())
    times: dict[str, list[float]] = {"extract": [], "map+checks": [], "serialize": [], "arelle": []}
    facts = 0
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.repeat):
            for path in inputs:
                t0 = time.perf_counter()
                try:
                    release = extract_file(path)
                except NoStatementsError:
                    continue
                t1 = time.perf_counter()
                mapped = map_release(release, table, resolve_entity(release, registry, None))
                run_checks(mapped, table)
                t2 = time.perf_counter()
                data = serialize(mapped)
                t3 = time.perf_counter()
                instance = Path(tmp) / f"{path.stem}.xml"
                instance.write_bytes(data)
                validate_instance(instance)
                t4 = time.perf_counter()
                for stage, seconds in zip(times, (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
                    times[stage].append(seconds)
                facts += len(mapped.facts)
    documents = len(times["extract"])
    print(f"{documents} conversions of {len(inputs)} inputs ({facts // max(args.repeat, 1)} facts per round)")
    for stage, values in times.items():
        print(f"  {stage:<11} median {statistics.median(values) * 1000:8.1f} ms/document")
    total = sum(statistics.median(v) for v in times.values())
    print(f"  {'total':<11} median {total * 1000:8.1f} ms/document ({1 / total:.1f} documents/s)")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
