"""Fuzzing campaign: mutated releases through `xbrl-convert convert`; prints counts.

    .venv/bin/python scripts/fuzz.py [--count 10000] [--start 0] [--jobs 2] [--validate-every 25]
                                     [--filing-every 4] [--log FILE.jsonl]
    .venv/bin/python scripts/fuzz.py --summarize FILE.jsonl     # counts of a (stopped) campaign

Each input is one seed of tests/mutate.py (a fixture or example with byte flips, truncation,
huge numbers, control characters, odd encodings, deep HTML, long lines, ... and sometimes an
odd file name). Worker processes run the command line (click's `convert`, in-process, one
document per call, with --cik so mapping runs) and check what it left:

- traceback: an exception escaped the command, or its exit status is not 0, 1 or 2
- internal-error: the output says "internal error"
- partial: a staging folder left behind, a report.json missing or unreadable, or the files in
  the folder differ from the ones report.json lists
- malformed: an .xml/.xsd/.htm that is not well-formed XML, a .json that does not load,
  a report.json or summary.json that breaks its schema (converter/schemas), an .xbri that is
  not a zip, or summary.json missing
- hang: more than --cpu-limit seconds of CPU time for one document, or no answer within
  --timeout seconds of wall time (the worker is killed and replaced)

Every --filing-every-th input is converted with all outputs (extension taxonomy, Inline XBRL,
report package, xBRL-JSON), the others with --xml-only; every --validate-every-th runs Arelle.

Exit status 1 when any of these is non-zero. Failing seeds are listed (rerun one with
--start SEED --count 1 --keep DIR to look at it).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import shutil
import sys
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

PROBLEMS = ("traceback", "internal-error", "partial", "malformed", "hang")


def check_output(out: Path, exit_code: int) -> list[tuple[str, str]]:
    """Problems in an output folder left by one `convert` run: (kind, detail)."""
    from lxml import etree

    from converter.contract import schema_errors
    from converter.output import STAGING_PREFIX

    problems = []
    if not out.exists():
        return [] if exit_code == 2 else [("malformed", "no output folder")]
    if exit_code != 2 and not (out / "summary.json").is_file():
        problems.append(("malformed", "no summary.json"))
    for entry in sorted(out.iterdir()):
        if entry.name.startswith(STAGING_PREFIX) or entry.name.startswith(".summary.json."):
            problems.append(("partial", f"left behind: {entry.name}"))
            continue
        files = [entry] if entry.is_file() else sorted(entry.iterdir())
        if entry.is_dir():
            try:
                report = json.loads((entry / "report.json").read_bytes())
            except (OSError, ValueError) as exc:
                problems.append(("partial", f"{entry.name}: report.json: {exc}"))
                continue
            problems += [("malformed", f"{entry.name}: report.json: {e}") for e in schema_errors(report, "report")[:3]]
            listed = set(report.get("files") or ["report.json"])
            present = {f.name for f in files}
            if listed != present:
                problems.append(("partial", f"{entry.name}: files {sorted(present ^ listed)} differ from report"))
        for path in files:
            try:
                if path.suffix in (".xml", ".xsd", ".htm"):
                    etree.parse(str(path), etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True))
                elif path.name == "summary.json":
                    problems += [("malformed", f"summary.json: {e}")
                                 for e in schema_errors(json.loads(path.read_bytes()), "summary")[:3]]
                elif path.suffix == ".json":
                    json.loads(path.read_bytes())
                elif path.suffix == ".xbri" and zipfile.ZipFile(path).testzip() is not None:
                    raise ValueError("bad zip member")
            except (etree.XMLSyntaxError, ValueError, OSError, zipfile.BadZipFile) as exc:
                problems.append(("malformed", f"{path.name}: {exc}"))
    return problems


def run_one(seed: int, work: Path, validate: bool, filing: bool = True) -> dict:
    """Mutate seed, run `convert` on it, check the output; a dict of findings."""
    from click.testing import CliRunner

    from converter.cli import main
    from mutate import mutate

    name, data, encoding, file_name = mutate(seed)
    case = work / str(seed)
    shutil.rmtree(case, ignore_errors=True)
    (case / "in").mkdir(parents=True)
    source = case / "in" / file_name.replace("/", "_")
    try:
        source.write_bytes(data)
    except OSError:
        source = case / "in" / f"{seed}.txt"
        source.write_bytes(data)
    args = ["convert", str(source), "--out", str(case / "out"), "--cik", "0000000001"]
    args += ["--encoding", encoding] if encoding else []
    args += [] if validate else ["--no-validate"]
    args += [] if filing else ["--xml-only"]
    started, cpu = time.monotonic(), time.process_time()
    result = CliRunner().invoke(main, args, catch_exceptions=True)
    seconds, cpu = time.monotonic() - started, time.process_time() - cpu
    problems = []
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        problems.append(("traceback", f"{type(result.exception).__name__}: {result.exception}"))
    elif result.exit_code not in (0, 1, 2):
        problems.append(("traceback", f"exit status {result.exit_code}"))
    if "internal error" in result.output or "Traceback" in result.output:
        line = next((x for x in result.output.splitlines() if "internal error" in x or "Traceback" in x), "")
        problems.append(("internal-error", line[:300]))
    problems += check_output(case / "out", result.exit_code)
    status = "usage" if result.exit_code == 2 else "?"
    if (case / "out" / "summary.json").is_file():
        try:
            docs = json.loads((case / "out" / "summary.json").read_bytes())["documents"]
            status = docs[0]["status"] if docs else "none"
        except (ValueError, KeyError, IndexError, OSError):
            pass
    return {"seed": seed, "mutation": name, "seconds": seconds, "cpu": cpu, "problems": problems,
            "status": status, "filing": filing, "validate": validate}


def _worker(conn, work: str) -> None:  # type: ignore[no-untyped-def]
    import logging

    logging.disable(logging.CRITICAL)
    while True:
        job = conn.recv()
        if job is None:
            return
        seed, validate, filing, keep = job
        try:
            found = run_one(seed, Path(work), validate, filing)
        except Exception as exc:  # the harness itself failed: count it, never hide it
            found = {"seed": seed, "mutation": "?", "seconds": 0.0, "status": "?",
                     "problems": [("traceback", f"harness: {type(exc).__name__}: {exc}")]}
        if not keep:
            shutil.rmtree(Path(work) / str(seed), ignore_errors=True)
        conn.send(found)


class _Slot:
    def __init__(self, ctx, work: Path) -> None:  # type: ignore[no-untyped-def]
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker, args=(child, str(work)), daemon=True)
        self.proc.start()
        self.job: tuple[int, float] | None = None  # (seed, started)


def campaign(seeds: list[int], jobs: int, timeout: float, validate_every: int, filing_every: int, work: Path,
             keep: bool, log: Path | None) -> list[dict]:
    ctx = mp.get_context("fork")
    slots = [_Slot(ctx, work) for _ in range(jobs)]
    pending = list(reversed(seeds))
    results: list[dict] = []
    done = 0
    while pending or any(s.job for s in slots):
        for i, slot in enumerate(slots):
            if slot.job is None and pending:
                seed = pending.pop()
                slot.conn.send((seed, validate_every > 0 and seed % validate_every == 0,
                                filing_every > 0 and seed % filing_every == 0, keep))
                slot.job = (seed, time.monotonic())
            elif slot.job is not None:
                if slot.conn.poll(0.05):
                    results.append(slot.conn.recv())
                    _log(log, results[-1])
                    slot.job = None
                    done += 1
                    if done % 250 == 0:
                        print(f"  {done}/{len(seeds)}", file=sys.stderr, flush=True)
                elif time.monotonic() - slot.job[1] > timeout:
                    seed = slot.job[0]
                    slot.proc.kill()
                    slot.proc.join()
                    results.append({"seed": seed, "mutation": "?", "seconds": timeout, "cpu": 0.0, "status": "?",
                                    "problems": [("hang", f"no answer in {timeout:.0f} s")]})
                    _log(log, results[-1])
                    slots[i] = _Slot(ctx, work)
                    done += 1
    for slot in slots:
        slot.conn.send(None)
        slot.proc.join(5)
    return sorted(results, key=lambda r: r["seed"])


def _log(log: Path | None, result: dict) -> None:
    if log is not None:
        with log.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(result, default=str) + "\n")


def summarize(results: list[dict], cpu_limit: float, elapsed: float | None = None) -> int:
    """Print failing seeds and the counts; 1 when any problem was found."""
    for r in results:
        if r.get("cpu", 0) > cpu_limit and not any(k == "hang" for k, _ in r["problems"]):
            r["problems"].append(("hang", f"{r['cpu']:.1f} s of CPU time"))
    counts = Counter(kind for r in results for kind in {k for k, _ in r["problems"]})
    statuses = Counter(r["status"] for r in results)
    for r in results:
        for kind, detail in r["problems"]:
            print(f"seed {r['seed']} ({r['mutation']}): {kind}: {detail}")
    took = f" in {elapsed:.0f} s" if elapsed is not None else ""
    print(f"inputs: {len(results)}{took} ({sum(1 for r in results if r.get('filing'))} with all outputs, "
          f"{sum(1 for r in results if r.get('validate'))} validated by Arelle); outcomes: "
          + ", ".join(f"{n} {s}" for s, n in sorted(statuses.items())))
    for key in ("cpu", "seconds"):
        slowest = max(results, key=lambda r: r.get(key, 0), default=None)
        if slowest:
            print(f"slowest ({'CPU' if key == 'cpu' else 'wall'}): {slowest.get(key, 0):.1f} s "
                  f"(seed {slowest['seed']}, {slowest['mutation']})")
    print("problems: " + ", ".join(f"{counts.get(k, 0)} {k}" for k in PROBLEMS))
    return 1 if any(counts.get(k) for k in PROBLEMS) else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--start", type=int, default=0)
    parser.add_argument("--jobs", type=int, default=max(1, os.cpu_count() or 1))
    parser.add_argument("--timeout", type=float, default=120.0, help="wall seconds before a worker is killed")
    parser.add_argument("--validate-every", type=int, default=25,
                        help="run Arelle on every N-th input (0: never); the others use --no-validate")
    parser.add_argument("--cpu-limit", type=float, default=30.0, help="CPU seconds one document may take")
    parser.add_argument("--filing-every", type=int, default=4,
                        help="all outputs for every N-th input (0: never); the others use --xml-only")
    parser.add_argument("--keep", type=Path, help="keep inputs and outputs in this folder")
    parser.add_argument("--log", type=Path, help="append every input's findings to this JSON-lines file")
    parser.add_argument("--summarize", type=Path, help="only print the counts of a --log file")
    args = parser.parse_args()
    if args.summarize:
        lines = args.summarize.read_text(encoding="utf-8").splitlines()
        return summarize([json.loads(x) for x in lines if x.strip()], args.cpu_limit)
    work = args.keep or Path(tempfile.mkdtemp(prefix="xbrl-fuzz-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    results = campaign(list(range(args.start, args.start + args.count)), args.jobs, args.timeout,
                       args.validate_every, args.filing_every, work, args.keep is not None, args.log)
    if args.keep is None:
        shutil.rmtree(work, ignore_errors=True)
    return summarize(results, args.cpu_limit, time.monotonic() - started)


if __name__ == "__main__":
    sys.exit(main())
