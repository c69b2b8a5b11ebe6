"""The command line: exit codes, messages, output folders, batches with bad documents."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
TAB_EXAMPLE = EXAMPLES / "halmer-robotics-q2-2024.txt"
FIXED_EXAMPLE = EXAMPLES / "bridgewell-instruments-q1-2025.txt"
NARRATIVE_EXAMPLE = EXAMPLES / "oakvale-foods-dividend-2025.txt"


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _report(folder: Path) -> dict:
    return json.loads((folder / "report.json").read_text(encoding="utf-8"))


def test_convert_examples_validates_offline(tmp_path):
    out = tmp_path / "out"
    result = run("convert", str(EXAMPLES), "--out", str(out))
    assert result.exit_code == 0, result.output
    tab = out / "halmer-robotics-q2-2024"
    assert sorted(p.name for p in tab.iterdir()) == [
        "hlmr-20240630.htm", "hlmr-20240630.json", "hlmr-20240630.xbri", "hlmr-20240630.xml",
        "hlmr-20240630.xsd", "hlmr-20240630_cal.xml", "hlmr-20240630_lab.xml", "hlmr-20240630_pre.xml",
        "report.json"]
    report = _report(tab)
    assert report["status"] == "valid"
    assert report["validation"]["errors"] == 0
    assert "offline subset package" in report["validation"]["taxonomy_source"]
    assert report["unmapped"] == []
    read = [f for f in report["facts"] if f["label"] != "set by the converter"]
    assert len(read) == len(report["facts"]) - 2 and all(f["source"] for f in read)
    assert report["files"] == sorted(p.name for p in tab.iterdir())
    assert report["validation"]["calculation"] == []
    assert (out / "bridgewell-instruments-q1-2025" / "brdg-20250331.xml").exists()
    narrative = out / "oakvale-foods-dividend-2025"
    assert [p.name for p in narrative.iterdir()] == ["report.json"]
    assert _report(narrative)["status"] == "no-statements"
    summary = json.loads((out / "summary.json").read_text())
    assert summary["counts"] == {"valid": 2, "invalid": 0, "no_statements": 1, "failed": 0}
    assert "no financial statements found" in result.output
    assert "3 document(s)" in result.output


def test_bad_documents_fail_without_stopping_the_batch(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a-empty.txt").write_bytes(b"")
    (inputs / "b-binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    (inputs / "c-latin1.txt").write_bytes("Caf\xe9 Holdings reports results\n".encode("latin-1"))
    shutil.copy(TAB_EXAMPLE, inputs / "d-good.txt")
    out = tmp_path / "out"
    result = run("convert", str(inputs), "--out", str(out), "--no-validate")
    assert result.exit_code == 1
    assert "a-empty.txt" in result.output and "empty" in result.output
    assert "b-binary.txt" in result.output and "binary" in result.output
    assert "c-latin1.txt:1" in result.output
    for stem in ("a-empty", "b-binary", "c-latin1"):
        assert [p.name for p in (out / stem).iterdir()] == ["report.json"]
        assert _report(out / stem)["status"] == "failed"
    assert _report(out / "d-good")["status"] == "valid"


def test_encoding_option_reads_a_non_utf8_release(tmp_path):
    source = tmp_path / "release-cp1252.txt"
    source.write_bytes(TAB_EXAMPLE.read_text(encoding="utf-8").replace("Inc. Reports", "Inc.\u2019s Report")
                       .encode("cp1252"))
    result = run("convert", str(source), "--out", str(tmp_path / "out"), "--no-validate", "--encoding", "cp1252")
    assert result.exit_code == 0, result.output


def test_truncated_table_is_skipped_and_the_rest_converted(tmp_path):
    lines = TAB_EXAMPLE.read_text(encoding="utf-8").splitlines()
    cut = next(i for i, line in enumerate(lines) if line.startswith("\tThree Months Ended"))
    source = tmp_path / "truncated.txt"
    source.write_text("\n".join(lines[: cut + 1]) + "\n", encoding="utf-8")
    result = run("convert", str(source), "--out", str(tmp_path / "out"), "--no-validate")
    assert result.exit_code == 0, result.output
    assert "WARNING table skipped: " in result.output and "truncated.txt:" in result.output
    report = _report(tmp_path / "out" / "truncated")
    assert [t["kind"] for t in report["skipped_tables"]] == ["operations"]
    assert report["skipped_tables"][0]["reason"].startswith("statement has")
    assert [s["kind"] for s in report["statements"]] == ["balance_sheet"]
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert summary["tables_skipped"] == 1 and summary["documents"][0]["tables_skipped"] == 1


def test_release_whose_only_statement_is_unreadable_fails_naming_the_line(tmp_path):
    lines = TAB_EXAMPLE.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if "STATEMENTS OF OPERATIONS" in line.upper())
    cut = next(i for i, line in enumerate(lines) if line.startswith("\tThree Months Ended"))
    source = tmp_path / "truncated.txt"
    source.write_text("\n".join(lines[start: cut + 1]) + "\n", encoding="utf-8")
    result = run("convert", str(source), "--out", str(tmp_path / "out"), "--no-validate")
    assert result.exit_code == 1
    assert "truncated.txt:" in result.output
    assert not list((tmp_path / "out" / "truncated").glob("*.xml"))


def test_unmapped_items_are_listed_and_can_fail_the_run(tmp_path):
    text = TAB_EXAMPLE.read_text(encoding="utf-8").replace(
        "Interest income\t212", "Gain on sale of patents\t212")
    source = tmp_path / "with-unmapped.txt"
    source.write_text(text, encoding="utf-8")
    result = run("convert", str(source), "--out", str(tmp_path / "a"))
    assert result.exit_code == 0, result.output
    assert "unmapped: " in result.output and "Gain on sale of patents -> extension concept hlmr:" in result.output
    report = _report(tmp_path / "a" / "with-unmapped")
    assert [u["label"] for u in report["unmapped"]] == ["Gain on sale of patents"]
    assert [c["label"] for c in report["extension_concepts"]] == ["Gain on sale of patents"]
    xml_only = run("convert", str(source), "--out", str(tmp_path / "c"), "--no-validate", "--xml-only")
    assert "Gain on sale of patents (not tagged)" in xml_only.output
    strict = run("convert", str(source), "--out", str(tmp_path / "b"), "--no-validate", "--fail-on-unmapped")
    assert strict.exit_code == 1
    assert "match no concept" in strict.output
    assert not list((tmp_path / "b" / "with-unmapped").glob("*.xml"))


def test_unknown_ticker_converts_without_a_cik_and_says_so(tmp_path):
    source = tmp_path / "unknown.txt"
    text = TAB_EXAMPLE.read_text(encoding="utf-8").replace("NASDAQ:HLMR", "NASDAQ:ZZZQ")
    source.write_text(text.replace("Halmer", "Zorblax").replace("HALMER", "ZORBLAX"), encoding="utf-8")
    result = run("convert", str(source), "--out", str(tmp_path / "a"))
    assert result.exit_code == 0, result.output
    assert "no CIK for ticker ZZZQ" in result.output
    folder = tmp_path / "a" / "unknown"
    report = _report(folder)
    assert report["status"] == "valid"
    assert report["entity"]["scheme"] == "urn:xbrl-convert:ticker" and report["entity"]["cik"] == "ZZZQ"
    assert any(m["code"] == "xc:noCik" for m in report["validation"]["messages"])
    instance = (folder / report["instance"]).read_text()
    assert 'scheme="urn:xbrl-convert:ticker">ZZZQ</xbrli:identifier>' in instance
    assert "EntityCentralIndexKey" not in instance
    result = run("convert", str(source), "--out", str(tmp_path / "b"), "--no-validate", "--cik", "320193")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "b" / "unknown"
    instance = (folder / _report(folder)["instance"]).read_text()
    assert ">0000320193</xbrli:identifier>" in instance


@pytest.mark.parametrize("args", [
    ["convert", "does-not-exist.txt"],
    ["convert"],
    ["convert", "examples", "--cik", "12ab"],
    ["validate"],
    ["frobnicate"],
])
def test_usage_errors_exit_2(args):
    assert run(*args).exit_code == 2


def test_two_runs_give_byte_identical_files(tmp_path):
    for name in ("one", "two"):
        assert run("convert", str(TAB_EXAMPLE), str(FIXED_EXAMPLE), "--out", str(tmp_path / name)).exit_code == 0
    files = sorted(p.relative_to(tmp_path / "one") for p in (tmp_path / "one").rglob("*") if p.is_file()
                   and p.name != "summary.json")
    assert len(files) == 18
    for rel in files:
        assert (tmp_path / "one" / rel).read_bytes() == (tmp_path / "two" / rel).read_bytes(), rel


def test_validate_command_prints_arelle_codes(tmp_path):
    out = tmp_path / "out"
    assert run("convert", str(TAB_EXAMPLE), "--out", str(out), "--no-validate").exit_code == 0
    instance = out / "halmer-robotics-q2-2024" / "hlmr-20240630.xml"
    good = run("validate", str(instance))
    assert good.exit_code == 0, good.output
    assert "valid" in good.output and "0 errors" in good.output
    broken = instance.with_name("broken.xml")  # next to the company schema it references
    broken.write_text(instance.read_text().replace('unitRef="USD"', 'unitRef="shares"', 1))
    bad = run("validate", str(broken))
    assert bad.exit_code == 1
    assert "xbrl.4.8.2" in bad.output or "utre:error" in bad.output


def test_an_internal_error_in_one_document_does_not_stop_the_batch(tmp_path, monkeypatch):
    import converter.pipeline as pipeline

    real = pipeline.map_release

    def broken_for_bridgewell(release, *args, **kwargs):  # type: ignore[no-untyped-def]
        if "bridgewell" in release.path:
            raise RuntimeError("simulated bug")
        return real(release, *args, **kwargs)

    monkeypatch.setattr(pipeline, "map_release", broken_for_bridgewell)
    out = tmp_path / "out"
    (out / "bridgewell-instruments-q1-2025").mkdir(parents=True)
    (out / "bridgewell-instruments-q1-2025" / "stale.xml").write_text("<old/>")
    (out / "bridgewell-instruments-q1-2025" / "report.json").write_text('{"input": "x", "status": "valid"}')
    result = run("convert", str(FIXED_EXAMPLE), str(TAB_EXAMPLE), "--out", str(out), "--no-validate")
    assert result.exit_code == 1
    assert "internal error: RuntimeError: simulated bug" in result.output
    assert [p.name for p in (out / "bridgewell-instruments-q1-2025").iterdir()] == ["report.json"]
    assert _report(out / "halmer-robotics-q2-2024")["status"] == "valid"


def test_html_input_converts(tmp_path):
    source = tmp_path / "exhibit99.htm"
    shutil.copy(Path(__file__).parent / "fixtures" / "releases" / "corvane-systems-q3-2024.htm", source)
    result = run("convert", str(source), "--out", str(tmp_path / "out"), "--no-validate")
    assert result.exit_code == 0, result.output
    report = _report(tmp_path / "out" / "exhibit99")
    assert report["facts"] and report["unmapped"] == []
    assert any(f["source"]["href"] == source.name and f["source"]["line"] > 1 for f in report["facts"] if f["source"])


def test_xml_only_writes_the_instance_against_the_us_gaap_entry_points(tmp_path):
    out = tmp_path / "out"
    result = run("convert", str(TAB_EXAMPLE), "--out", str(out), "--xml-only")
    assert result.exit_code == 0, result.output
    folder = out / "halmer-robotics-q2-2024"
    assert sorted(p.name for p in folder.iterdir()) == ["hlmr-20240630.xml", "report.json"]
    assert "https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd" in (folder / "hlmr-20240630.xml").read_text()
    refused = run("view", str(folder))
    assert refused.exit_code == 1 and "no Inline XBRL document" in refused.output


def test_view_builds_the_viewer_for_a_converted_release(tmp_path):
    pytest.importorskip("iXBRLViewerPlugin")
    out = tmp_path / "out"
    assert run("convert", str(TAB_EXAMPLE), "--out", str(out), "--no-validate").exit_code == 0
    result = run("view", str(out / "halmer-robotics-q2-2024"))
    assert result.exit_code == 0, result.output
    page = out / "halmer-robotics-q2-2024" / "hlmr-20240630-viewer.html"
    assert page.exists() and (page.parent / "ixbrlviewer.js").exists()
    assert str(page) in result.output
