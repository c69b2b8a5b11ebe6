"""Batches: worker processes and Dask give the serial run's output byte for byte, results come
back in input order, a dying worker is its document's failure, viewers share one script; and
the one-load Arelle engine keeps every check (base taxonomy validated here, once)."""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import converter.batch as batch
from converter.batch import run_batch
from converter.cli import main
from converter.concepts import concept_table, default_entity_registry_path, load_entity_registry
from converter.pipeline import ConvertOptions, Status, collect_inputs, output_folders
from converter.validate import arelle_session, instance_matches_model, shipped_package_path, validate_instance

ROOT = Path(__file__).resolve().parents[1]
INPUTS = collect_inputs((ROOT / "examples", ROOT / "tests" / "fixtures" / "releases"))


def _batch_inputs(tmp_path: Path, copies: int = 1) -> Path:
    """A folder holding `copies` copies of every example and fixture release."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(copies):
        for path in INPUTS:
            shutil.copyfile(path, folder / f"{i:02d}-{path.name}")
    return folder


def _same_tree(a: Path, b: Path) -> None:
    files_a = sorted(p.relative_to(a) for p in a.rglob("*") if p.is_file())
    files_b = sorted(p.relative_to(b) for p in b.rglob("*") if p.is_file())
    assert files_a == files_b
    for rel in files_a:  # summary.json included: its paths are relative to the output folder
        assert filecmp.cmp(a / rel, b / rel, shallow=False), rel


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def test_jobs_output_is_byte_identical_to_serial_and_in_input_order(tmp_path):
    inputs = _batch_inputs(tmp_path)
    serial = run("convert", str(inputs), "--out", str(tmp_path / "serial"), "--jobs", "1", "--viewer")
    parallel = run("convert", str(inputs), "--out", str(tmp_path / "parallel"), "--jobs", "3", "--viewer")
    assert serial.exit_code == parallel.exit_code == 0, parallel.output
    _same_tree(tmp_path / "serial", tmp_path / "parallel")
    lines = [line.split(":")[0] for line in parallel.output.splitlines() if line.startswith(str(inputs))]
    assert lines == sorted(str(p) for p in inputs.iterdir())


def test_viewers_share_one_script_per_batch_folder(tmp_path):
    inputs = _batch_inputs(tmp_path)
    out = tmp_path / "out"
    assert run("convert", str(inputs), "--out", str(out), "--viewer").exit_code == 0
    assert (out / "ixbrlviewer.js").is_file()
    assert not list(out.glob("*/ixbrlviewer.js"))
    pages = sorted(out.glob("*/*-viewer.html"))
    assert len(pages) == len([p for p in INPUTS if "oakvale" not in p.name])
    for page in pages:
        assert 'src="../ixbrlviewer.js"' in page.read_text(encoding="utf-8")


def _jobs(tmp_path: Path) -> list[tuple[Path, Path]]:
    inputs = sorted(_batch_inputs(tmp_path).iterdir())[:4]
    return list(zip(inputs, output_folders(inputs, tmp_path / "out")))


def test_a_worker_that_dies_is_its_documents_failure(tmp_path, monkeypatch):
    real = batch.convert_document

    def dies_on_bridgewell(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "bridgewell" in path.name:
            os._exit(3)  # a crash in native code, the out-of-memory killer: no exception, no result
        return real(path, *args, **kwargs)

    monkeypatch.setattr(batch, "convert_document", dies_on_bridgewell)
    jobs = _jobs(tmp_path)
    options = ConvertOptions(out_dir=tmp_path / "out", validate=False)
    table, registry = concept_table(), load_entity_registry(default_entity_registry_path())
    results = run_batch(jobs, options, table, registry, workers=2)
    assert [r.input for r in results] == [str(p) for p, _ in jobs]
    for result, (path, target) in zip(results, jobs):
        if "bridgewell" in path.name:
            assert result.status is Status.FAILED and "worker process" in result.message
            assert [p.name for p in target.iterdir()] == ["report.json"]
        else:
            assert result.status in (Status.VALID, Status.NO_STATEMENTS), result.message


def test_worker_processes_leave_no_temporary_folders(tmp_path):
    # Each process's Arelle engine keeps a cache folder; a pool's workers leave through os._exit,
    # skipping the interpreter's exit hooks: the folders were left behind, one per worker per run.
    temp = tmp_path / "tmp"
    temp.mkdir()
    inputs = _batch_inputs(tmp_path)
    done = subprocess.run([sys.executable, "-c", "from converter.cli import main; main()", "convert", str(inputs), "--out", str(tmp_path / "out"),
                           "--jobs", "2"], env={**os.environ, "TMPDIR": str(temp)}, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(list((tmp_path / "out").glob("*/report.json"))) == len(INPUTS)
    assert sorted(p.name for p in temp.iterdir()) == []


def test_dask_local_cluster_output_is_byte_identical_to_serial(tmp_path):
    distributed = pytest.importorskip("distributed", reason="dask[distributed] not installed (the dask extra)")
    inputs = sorted(_batch_inputs(tmp_path).iterdir())  # the 50-document check: scripts/benchmark.py
    options = ConvertOptions(out_dir=tmp_path / "serial")
    table, registry = concept_table(), load_entity_registry(default_entity_registry_path())
    serial = run_batch(list(zip(inputs, output_folders(inputs, tmp_path / "serial"))), options, table, registry)
    options = ConvertOptions(out_dir=tmp_path / "dask")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        on_dask = run_batch(list(zip(inputs, output_folders(inputs, tmp_path / "dask"))), options, table, registry,
                            scheduler=cluster.scheduler_address)
    assert [r.input for r in on_dask] == [r.input for r in serial]
    assert [r.status for r in on_dask] == [r.status for r in serial]
    _same_tree(tmp_path / "serial", tmp_path / "dask")


def test_unreachable_scheduler_is_a_usage_error(tmp_path):
    pytest.importorskip("distributed", reason="dask[distributed] not installed (the dask extra)")
    import dask

    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
        result = run("convert", str(INPUTS[0]), "--out", str(tmp_path / "out"), "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 2


# ---- the engine keeps every check ------------------------------------------------------------


@pytest.mark.parametrize("schema", ["https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd",
                                    "https://xbrl.sec.gov/dei/2024/dei-2024.xsd"])
def test_shipped_base_taxonomy_is_valid(schema, tmp_path):
    """The shipped package's schemas pass Arelle's DTS checks: done here, once, so conversions
    can skip them as base taxonomies."""
    entry = tmp_path / "entry.xsd"
    namespace = "http://fasb.org/us-gaap/2024" if "fasb" in schema else "http://xbrl.sec.gov/dei/2024"
    entry.write_text(f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://example.com/e">'
                     f'<xs:import namespace="{namespace}" schemaLocation="{schema}"/></xs:schema>', encoding="utf-8")
    assert shipped_package_path().is_file()
    with arelle_session(entry, validate=True, check_base=True) as run_:
        documents = {d.uri for d in run_.model.urlDocs.values()}
        errors = [r for r in run_.records if "ERROR" in str(r.get("levelname")).upper()]
    assert schema in documents
    assert errors == []


def _converted(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    assert run("convert", str(ROOT / "examples" / "halmer-robotics-q2-2024.txt"), "--out", str(out)).exit_code == 0
    return out / "halmer-robotics-q2-2024"


def test_invalid_xhtml_in_the_inline_document_is_still_an_error(tmp_path):
    folder = _converted(tmp_path)
    inline = folder / "hlmr-20240630.htm"
    assert validate_instance(inline).errors == ()
    broken = folder / "broken.htm"
    broken.write_text(inline.read_text(encoding="utf-8").replace("<body>", "<body><blink>x</blink>", 1),
                      encoding="utf-8")
    codes = {m.code for m in validate_instance(broken).errors}
    assert any(code.startswith("lxml.") for code in codes), codes
    assert validate_instance(inline).errors == ()  # the cached schema still accepts a valid one


def test_an_xml_instance_that_differs_from_the_inline_document_is_an_error(tmp_path):
    folder = _converted(tmp_path)
    instance = (folder / "hlmr-20240630.xml").read_bytes()
    with arelle_session(folder / "hlmr-20240630.htm") as run_:
        assert instance_matches_model(instance, run_.model, "hlmr-20240630.xml") == ()
        tampered = instance.replace(b">31420000<", b">31520000<", 1)
        assert tampered != instance
        found = instance_matches_model(tampered, run_.model, "hlmr-20240630.xml")
    assert found and all(m.code == "xbrl-convert:instanceInlineMismatch" for m in found)


def test_arelle_timing_messages_are_not_reported():
    """Arelle logs how long a slow step took: that would make output differ from run to run."""
    from converter.validate import _to_message

    record = {"messageCode": "info:profileActivity", "levelname": "INFO", "msg": "... bind facts 1.017 secs\n"}
    assert _to_message(record) is None
