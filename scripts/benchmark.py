"""Print speed and memory figures for batch conversion (no pass/fail: figures to compare).

    .venv/bin/python scripts/benchmark.py [FILES_OR_FOLDERS...] [--documents 1000] [--jobs N]
                                          [--sample 100] [--naive 20] [--dask 50]

The inputs (default: the bundled examples, the test fixtures and ../shared/seeds when present)
are copied round-robin into a batch of --documents files (`0001-<stem>.txt`, ...). Then, in one
run on those inputs, each configuration runs the real command line (`xbrl-convert convert`) in a
subprocess and the script prints:

* per-document wall time and CPU time (user+system of the command and its workers) for default
  output, --xml-only and --viewer, serially (--jobs 1) and with --jobs N, on the first --sample
  documents;
* default output with --jobs N on 10, 100, ... up to --documents documents, to show how time
  grows with the batch (seconds per 1,000 documents at each size);
* the naive baseline: `python -m arelle.CntlrCmdLine --file X --validate` once per instance
  (offline, with the shipped package, UTR and Calculation 1.1), on --naive of the instances the
  default run wrote, and the ratio between it and the default output's per-document time;
* peak resident memory of each process (the command and each worker, from /proc VmHWM);
* with dask installed, the first --dask documents on a LocalCluster (N workers, one thread each)
  and whether the output is byte-identical to the serial run.

The machine's load average is printed before and after: other programs running at the same
time slow the wall-clock figures, not the CPU-time ones.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = [sys.executable, "-c", "from converter.cli import main; main()"]


def _default_inputs() -> list[Path]:
    paths = [ROOT / "examples", ROOT / "tests" / "fixtures" / "releases"]
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        paths.append(seeds)
    return paths


def _make_batch(sources: list[Path], count: int, folder: Path) -> list[Path]:
    folder.mkdir(parents=True)
    made = []
    for i in range(count):
        source = sources[i % len(sources)]
        target = folder / f"{i + 1:04d}-{source.stem}{source.suffix}"
        shutil.copyfile(source, target)
        made.append(target)
    return made


def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in Path(f"/proc/{pid}/task").iterdir():
            text = (task / "children").read_text()
            out += [int(c) for c in text.split()]
    except OSError:
        pass
    return out


def _hwm(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) // 1024
    except OSError:
        return None
    return None


def _run(args: list[str], env: dict[str, str]) -> tuple[float, float, dict[int, int], int]:
    """Run a command; (wall seconds, CPU seconds of it and its descendants, peak MiB per process,
    exit status)."""
    before = os.times()
    start = time.perf_counter()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    peaks: dict[int, int] = {}
    while proc.poll() is None:
        stack = [proc.pid]
        while stack:
            pid = stack.pop()
            mib = _hwm(pid)
            if mib is not None:
                peaks[pid] = max(peaks.get(pid, 0), mib)
            stack += _children(pid)
        time.sleep(0.05)
    wall = time.perf_counter() - start
    after = os.times()
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return wall, cpu, peaks, proc.returncode


def _convert(inputs: list[Path], out: Path, flags: list[str], env: dict[str, str]) -> tuple[float, float, dict[int, int], int]:
    folder = out.parent / f"in-{len(inputs)}"  # the same input paths for runs on the same documents
    if not folder.is_dir():
        folder.mkdir()
        for path in inputs:  # a folder of links: one command line argument however many documents
            (folder / path.name).symlink_to(path)
    return _run([*CLI, "convert", str(folder), "--out", str(out), "--cik", "0000000001", *flags], env)


def _same_output(a: Path, b: Path) -> bool:
    """Every file byte-identical, summary.json included (its paths are relative to the output folder)."""
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    if files_a != files_b:
        return False
    return all(filecmp.cmp(a / rel, b / rel, shallow=False) for rel in files_a)


def _naive(instances: list[Path], env: dict[str, str]) -> tuple[float, float, int]:
    from converter.validate import shipped_package_path

    wall = cpu = 0.0
    peak = 0
    for instance in instances:
        with tempfile.TemporaryDirectory(prefix="benchmark-cache-") as cache:
            w, c, peaks, _ = _run([sys.executable, "-m", "arelle.CntlrCmdLine", "--file", str(instance), "--validate",
                                   "--packages", str(shipped_package_path()), "--internetConnectivity", "offline",
                                   "--utr", "--calc", "c11r", "--cacheDirectory", cache,
                                   "--disablePersistentConfig", "--logFile", os.devnull], env)
        wall, cpu, peak = wall + w, cpu + c, max([peak, *peaks.values()])
    return wall / len(instances), cpu / len(instances), peak


def _line(label: str, n: int, wall: float, cpu: float, peaks: dict[int, int]) -> str:
    mem = max(peaks.values()) if peaks else 0
    return (f"  {label:<34} {n:>5} docs  {wall / n * 1000:7.1f} ms/doc wall  {cpu / n * 1000:7.1f} ms/doc CPU  "
            f"peak {mem} MiB/process ({len(peaks)} processes)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--sample", type=int, default=100, help="documents for the per-mode figures")
    parser.add_argument("--naive", type=int, default=20, help="instances for the naive Arelle baseline")
    parser.add_argument("--dask", type=int, default=50, help="documents for the Dask LocalCluster check (0: skip)")
    args = parser.parse_args()

    sys.path.insert(0, str(ROOT))
    from converter.pipeline import collect_inputs

    sources = collect_inputs(tuple(args.paths or _default_inputs()))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    jobs = str(args.jobs)
    print(f"benchmark: {len(sources)} source releases copied into {args.documents} documents; "
          f"{os.cpu_count()} cores, --jobs {jobs}; load average before {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory(prefix="xbrl-convert-benchmark-") as tmp_name:
        tmp = Path(tmp_name)
        batch = _make_batch(sources, args.documents, tmp / "inputs")
        sample = batch[:args.sample]

        print(f"\nper document, first {len(sample)} documents:")
        serial_out, serial_cpu = None, float("nan")
        for label, flags in (("default, serial (--jobs 1)", ["--jobs", "1"]),
                             ("--xml-only, serial", ["--xml-only", "--jobs", "1"]),
                             ("--viewer, serial", ["--viewer", "--jobs", "1"]),
                             (f"default, --jobs {jobs}", ["--jobs", jobs]),
                             (f"--xml-only, --jobs {jobs}", ["--xml-only", "--jobs", jobs]),
                             (f"--viewer, --jobs {jobs}", ["--viewer", "--jobs", jobs])):
            out = tmp / f"out-{len(list(tmp.iterdir()))}"
            wall, cpu, peaks, _ = _convert(sample, out, flags, env)
            print(_line(label, len(sample), wall, cpu, peaks), flush=True)
            if label.startswith("default, serial"):
                serial_out, serial_cpu = out, cpu / len(sample)
            elif label.startswith("default, --jobs"):
                print(f"    --jobs {jobs} output byte-identical to the serial run: "
                      f"{'yes' if serial_out and _same_output(serial_out, out) else 'NO'}")
            else:
                shutil.rmtree(out)

        print(f"\ngrowth, default output with --jobs {jobs}:")
        sizes = [n for n in (10, 100, 1000, 10000) if n < args.documents] + [args.documents]
        per_doc = {}
        for n in sizes:
            out = tmp / f"growth-{n}"
            wall, cpu, peaks, status = _convert(batch[:n], out, ["--jobs", jobs], env)
            per_doc[n] = wall / n
            print(_line(f"{n} documents", n, wall, cpu, peaks) + f"  = {wall / n * 1000:.1f} s per 1,000 docs, "
                  f"exit {status}", flush=True)
            shutil.rmtree(out)
        first, last = sizes[0], sizes[-1]
        print(f"  time per document at {last} vs {first} documents: {per_doc[last] / per_doc[first]:.2f}x "
              f"(1.00x = linear growth)")

        instances = sorted(serial_out.glob("*/*.xml")) if serial_out else []
        instances = [p for p in instances if not p.name.endswith(("_pre.xml", "_cal.xml", "_lab.xml"))][:args.naive]
        if instances:
            wall, cpu, peak = _naive(instances, env)
            default_wall = per_doc[last]
            print(f"\nnaive baseline: python -m arelle.CntlrCmdLine --file X --validate once per instance "
                  f"({len(instances)} instances)")
            print(f"  {wall * 1000:7.1f} ms/doc wall  {cpu * 1000:7.1f} ms/doc CPU  peak {peak} MiB")
            print(f"  default output with --jobs {jobs} ({last} documents) is {wall / default_wall:.1f}x faster "
                  f"per document (wall); serial default output uses {cpu / serial_cpu:.1f}x less CPU per document")

        if args.dask and serial_out is not None:
            _dask_check(batch[:args.dask], tmp, int(jobs), env)
    print(f"\nload average after {os.getloadavg()[0]:.2f}")


def _dask_check(inputs: list[Path], tmp: Path, workers: int, env: dict[str, str]) -> None:
    try:
        from distributed import LocalCluster
    except ImportError:
        print("\nDask: not installed (pip install 'xbrl-convert[dask]'); LocalCluster check skipped")
        return
    serial, dask_out = tmp / "dask-serial", tmp / "dask-out"
    _convert(inputs, serial, ["--jobs", "1"], env)
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        wall, cpu, peaks, status = _convert(inputs, dask_out, ["--scheduler", cluster.scheduler_address], env)
    print(f"\nDask LocalCluster ({workers} workers x 1 thread), {len(inputs)} documents: "
          f"{wall:.1f} s including connecting, exit {status}; output byte-identical to the serial run: "
          f"{'yes' if _same_output(serial, dask_out) else 'NO'}")


if __name__ == "__main__":
    main()
