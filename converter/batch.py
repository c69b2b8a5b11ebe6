"""Convert a batch of documents: serially, on worker processes (--jobs N) or on a Dask cluster
(--scheduler ADDRESS), with the same output byte for byte.

Every engine hands back one DocumentResult per input, in input order, whatever order the
documents finish in. Each document is converted by `convert_one` in a worker that keeps its
Arelle engine (converter.validate) from one document to the next. One bad document never stops
the others: a library error or an unexpected exception becomes that document's failure, and a
worker process that dies (a crash in a native library, the out-of-memory killer) is reported as
the failure of the document it was converting; the documents that were in flight with it are
converted again, one at a time, to tell which one it was.

Dask (`dask[distributed]`) is optional: it is imported only for --scheduler.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from converter.concepts import ConceptTable, EntityRegistry
from converter.errors import BatchError, ConversionError
from converter.output import display_path
from converter.pipeline import ConvertOptions, DocumentResult, Status, convert_document, failure
from converter.validate import remove_engine_files

Job = tuple[Path, Path]  # (input, output folder)
Progress = Callable[[DocumentResult], None]


def convert_one(path: Path, target: Path, options: ConvertOptions, table: ConceptTable,
                registry: EntityRegistry) -> DocumentResult:
    """One document, never raising: an unexpected error becomes the document's failure."""
    try:
        return convert_document(path, target, options, table, registry)
    except OSError as exc:  # the output could not be written (full disk, permissions)
        where = display_path(exc.filename) if exc.filename else display_path(target)
        return _failed(path, target, f"cannot write output: {where}: {exc.strerror or exc}", options.overwrite,
                       "xc:outputNotWritable", f"cannot write output: {exc.strerror or type(exc).__name__}")
    except Exception as exc:  # noqa: BLE001 - one bad document never stops the batch
        return _failed(path, target, f"internal error: {type(exc).__name__}: {exc}", options.overwrite,
                       "xc:internalError")


def _failed(path: Path, target: Path, message: str, overwrite: bool, code: str,
            reason: str | None = None) -> DocumentResult:
    """A document that failed outside the library's errors; `reason`: the message without paths."""
    try:
        return failure(path, target, Status.FAILED, message, overwrite, code=code, reason=reason)
    except (OSError, ConversionError):
        return DocumentResult(input=display_path(path), status=Status.FAILED, message=message, code=code,
                              reason=reason)


def tune_gc() -> None:
    """Garbage collection for a long batch: what is loaded once (modules, the Arelle engine's
    controller) is frozen out of the collector's sight, and young collections run less often
    (Arelle creates many short-lived objects per document). Saves about 5 % CPU per document."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)


def default_jobs() -> int:
    """The machine's cores available to this process."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


# ---- serial ----------------------------------------------------------------------------------


def _serial(jobs: Sequence[Job], options: ConvertOptions, table: ConceptTable, registry: EntityRegistry,
            progress: Progress | None) -> list[DocumentResult]:
    results = []
    for path, target in jobs:
        results.append(convert_one(path, target, options, table, registry))
        if progress:
            progress(results[-1])
    return results


# ---- worker processes ------------------------------------------------------------------------

_WORKER: dict[str, object] = {}


def _init_worker(options: ConvertOptions, table: ConceptTable, registry: EntityRegistry) -> None:
    _WORKER.update(options=options, table=table, registry=registry)
    tune_gc()
    threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()


def _exit_with_parent(parent: int) -> None:
    """A worker whose batch process was killed (kill -9, the out-of-memory killer) would wait on
    its task queue forever: it leaves as soon as it has another parent."""
    while os.getppid() == parent:
        time.sleep(0.5)
    remove_engine_files()
    os._exit(1)


def _work(path: Path, target: Path) -> DocumentResult:
    return convert_one(path, target, _WORKER["options"], _WORKER["table"], _WORKER["registry"])  # type: ignore[arg-type]


def _context() -> multiprocessing.context.BaseContext:
    # fork: workers start at once with the parent's loaded modules; elsewhere the platform default.
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


@dataclass
class _Pool:
    """A process pool that can be replaced when one of its workers dies."""

    workers: int
    options: ConvertOptions
    table: ConceptTable
    registry: EntityRegistry
    executor: ProcessPoolExecutor | None = None

    def get(self) -> ProcessPoolExecutor:
        if self.executor is None:
            self.executor = ProcessPoolExecutor(max_workers=self.workers, mp_context=_context(),
                                                initializer=_init_worker,
                                                initargs=(self.options, self.table, self.registry))
        return self.executor

    def discard(self) -> None:
        if self.executor is not None:
            self.executor.shutdown(wait=True, cancel_futures=True)
            self.executor = None


def _alone(job: Job, pool: _Pool) -> DocumentResult:
    """Convert one document in a pool of its own; a dying worker is this document's failure."""
    single = _Pool(1, pool.options, pool.table, pool.registry)
    try:
        return single.get().submit(_work, *job).result()
    except BrokenProcessPool:
        return _failed(job[0], job[1], "internal error: the worker process converting this document died",
                       pool.options.overwrite, "xc:workerDied")
    finally:
        single.discard()


def _parallel(jobs: Sequence[Job], workers: int, options: ConvertOptions, table: ConceptTable,
              registry: EntityRegistry, progress: Progress | None) -> list[DocumentResult]:
    results: list[DocumentResult | None] = [None] * len(jobs)
    pool = _Pool(workers, options, table, registry)
    window = workers * 2  # documents in flight: bounded, so a crash only puts these in doubt
    pending = iter(range(len(jobs)))
    running: dict[Future[DocumentResult], int] = {}

    def fill() -> None:
        while len(running) < window:
            index = next(pending, None)
            if index is None:
                return
            running[pool.get().submit(_work, *jobs[index])] = index

    def done(index: int, result: DocumentResult) -> None:
        results[index] = result
        if progress:
            progress(result)

    try:
        fill()
        while running:
            finished, _ = wait(running, return_when=FIRST_COMPLETED)
            broken = []
            for future in finished:
                index = running.pop(future)
                try:
                    done(index, future.result())
                except BrokenProcessPool:
                    broken.append(index)
            if broken:  # a worker died: every document still in flight is in doubt
                broken += list(running.values())
                running.clear()
                pool.discard()
                for index in sorted(broken):
                    done(index, _alone(jobs[index], pool))
            fill()
    finally:
        pool.discard()
    return [r for r in results if r is not None]


# ---- Dask ------------------------------------------------------------------------------------


def _dask_work(path: Path, target: Path, options: ConvertOptions, table: ConceptTable,
               registry: EntityRegistry) -> DocumentResult:
    return convert_one(path, target, options, table, registry)


def _dask(jobs: Sequence[Job], scheduler: str, options: ConvertOptions, table: ConceptTable,
          registry: EntityRegistry, progress: Progress | None) -> list[DocumentResult]:
    try:
        from distributed import Client, as_completed
    except ImportError as exc:
        raise BatchError("--scheduler needs Dask: pip install 'xbrl-convert[dask]' "
                              "(or pip install 'dask[distributed]')", code="xc:daskMissing") from exc
    try:
        client = Client(scheduler, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise BatchError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
    results: list[DocumentResult | None] = [None] * len(jobs)
    try:
        shared = client.scatter([options, table, registry], broadcast=True)
        futures = {client.submit(_dask_work, path, target, *shared, key=f"xbrl-convert-{i}-{path.name}",
                                 pure=False, retries=0): i
                   for i, (path, target) in enumerate(jobs)}
        for future in as_completed(list(futures), loop=client.loop):
            index = futures[future]
            path, target = jobs[index]
            try:
                result = future.result()
            except Exception as exc:  # noqa: BLE001 - a worker that died or a task Dask gave up on
                result = _failed(path, target, f"internal error: the Dask task failed: {type(exc).__name__}: {exc}",
                                 options.overwrite, "xc:workerDied")
            results[index] = result
            if progress:
                progress(result)
    finally:
        client.close()
    return [r for r in results if r is not None]


# ---- entry -----------------------------------------------------------------------------------


def run_batch(jobs: Sequence[Job], options: ConvertOptions, table: ConceptTable, registry: EntityRegistry, *,
              workers: int = 1, scheduler: str | None = None,
              progress: Progress | None = None) -> list[DocumentResult]:
    """Convert every (input, output folder) pair; the results in input order.

    `scheduler` (a Dask scheduler address) runs the batch on that cluster; otherwise `workers`
    processes convert it (1: in this process). ConversionError when the Dask scheduler cannot
    be used.
    """
    jobs = list(jobs)
    if scheduler:
        return _dask(jobs, scheduler, options, table, registry, progress)
    workers = max(1, min(workers, len(jobs)))
    if workers == 1:
        return _serial(jobs, options, table, registry, progress)
    return _parallel(jobs, workers, options, table, registry, progress)

