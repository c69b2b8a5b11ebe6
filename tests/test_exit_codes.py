"""One exit-code rule for every command (0 clean; 1 findings; 2 usage errors and input that cannot
be read), documented in each command's --help, and --quiet on every command (nothing on stdout,
only errors on stderr, the same exit code)."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from converter.cli import main

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "halmer-robotics-q2-2024.txt"
FILING_XML = ROOT / "tests" / "fixtures" / "compare" / "hlmr-20240630-10q.xml"
LEARN_FILING = ROOT / "examples" / "learn" / "frwk-20250331-10q.htm"
COMMANDS = ("convert", "validate", "view", "compare", "learn")


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A converted release folder (no Arelle run: quick)."""
    out = tmp_path_factory.mktemp("exit")
    assert run("convert", str(EXAMPLE), "--out", str(out), "--no-validate", "--jobs", "1").exit_code == 0
    return out / EXAMPLE.stem


def test_every_command_documents_the_rule_and_takes_quiet():
    assert set(COMMANDS) <= set(main.commands)
    top = run("--help")
    assert "Exit status (every command): 0 clean; 1 findings" in " ".join(top.output.split())
    for name in sorted(main.commands):  # any command added later too
        text = " ".join(run(name, "--help").output.split())
        assert "Exit status: 0" in text and " 2 usage errors" in text, name
        assert "--quiet" in text, name
        assert any(isinstance(p, click.Option) and "--quiet" in p.opts and "-q" in p.opts
                   for p in main.commands[name].params), name


@pytest.mark.parametrize("name", COMMANDS)
def test_a_missing_input_is_2_for_every_command(name, tmp_path):
    missing = str(tmp_path / "missing.xml")
    args = {"convert": [missing], "validate": [missing], "view": [missing],
            "compare": [missing, str(FILING_XML)], "learn": [missing, "--out", str(tmp_path / "m.yaml")]}[name]
    result = run(name, *args, "--quiet")
    assert result.exit_code == 2 and result.stdout == ""


@pytest.mark.parametrize("name", ("validate", "compare", "view", "learn"))
def test_a_file_that_is_not_xbrl_is_2_for_every_command_that_reads_xbrl(name, tmp_path, release):
    junk = tmp_path / "junk.htm"
    junk.write_bytes(b"\x00\x01 not xml")
    instance = release / "hlmr-20240630.xml"
    args = {"validate": [str(junk)], "view": [str(junk)], "compare": [str(instance), str(junk)],
            "learn": [str(junk), "--out", str(tmp_path / "m.yaml")]}[name]
    result = run(name, *args)
    assert result.exit_code == 2, result.output
    assert str(junk) in result.stderr and "Traceback" not in result.output


def test_convert_codes_and_quiet(tmp_path, monkeypatch):
    # 0, quiet: nothing at all
    ok = run("convert", str(EXAMPLE), "--out", str(tmp_path / "a"), "--no-validate", "--jobs", "1", "--quiet")
    assert (ok.exit_code, ok.stdout, ok.stderr) == (0, "", "")
    assert (tmp_path / "a" / "summary.json").is_file()
    # 1, quiet: the failed document on stderr
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    bad = run("convert", str(empty), str(EXAMPLE), "--out", str(tmp_path / "b"), "--no-validate", "--jobs", "1", "-q")
    assert bad.exit_code == 1 and bad.stdout == ""
    assert "empty.txt: failed:" in bad.stderr and "halmer" not in bad.stderr
    # 2: an input that cannot be read is refused before any work (click checks the paths given,
    # the command the files found in a folder)
    import converter.cli as cli

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "locked.txt").write_text(EXAMPLE.read_text())
    real = cli.os.access
    monkeypatch.setattr(cli.os, "access", lambda p, mode: False if Path(p).name == "locked.txt" else real(p, mode))
    refused = run("convert", str(folder), "--out", str(tmp_path / "c"), "--no-validate")
    assert refused.exit_code == 2 and "cannot read" in refused.output and "permission denied" in refused.output
    assert not (tmp_path / "c" / "summary.json").exists()


def test_compare_codes_and_quiet(release):
    instance = release / "hlmr-20240630.xml"
    same = run("compare", str(instance), str(instance), "--fail-on-difference", "--quiet")
    assert (same.exit_code, same.stdout, same.stderr) == (0, "", "")
    differs = run("compare", str(instance), str(FILING_XML), "--fail-on-difference", "--quiet")
    assert differs.exit_code == 1 and differs.stdout == ""
    assert "1 release fact(s) have another value" in differs.stderr
    assert run("compare", str(instance), str(FILING_XML), "--quiet").exit_code == 0  # differences are not failures


def test_learn_codes_and_quiet(tmp_path):
    out = tmp_path / "maps" / "frwk.yaml"
    ok = run("learn", str(LEARN_FILING), "--out", str(out), "--quiet")
    assert (ok.exit_code, ok.stdout, ok.stderr) == (0, "", "")
    assert out.is_file()
    (tmp_path / "file").write_text("x")
    unwritable = run("learn", str(LEARN_FILING), "--out", str(tmp_path / "file" / "frwk.yaml"), "-q")
    assert unwritable.exit_code == 2 and "cannot write the map" in unwritable.stderr and unwritable.stdout == ""


def test_view_codes_and_quiet(tmp_path, release):
    # 2: not a converted release folder; an XBRL instance is not a page to view
    assert run("view", str(tmp_path), "-q").exit_code == 2
    not_inline = run("view", str(release / "hlmr-20240630.xml"), "-q")
    assert not_inline.exit_code == 2 and "not an Inline XBRL document" in not_inline.stderr
    # 1: an inline document without facts
    empty = tmp_path / "empty.htm"
    empty.write_text('<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL">'
                     "<body><ix:header/><p>no facts</p></body></html>")
    no_facts = run("view", str(empty), "--quiet")
    assert no_facts.exit_code == 1 and no_facts.stdout == "" and "no facts" in no_facts.stderr
    # 0, quiet
    pytest.importorskip("iXBRLViewerPlugin")
    ok = run("view", str(release), "--quiet")
    assert (ok.exit_code, ok.stdout) == (0, "")
    assert list(release.glob("*-viewer.html"))
