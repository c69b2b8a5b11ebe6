"""Hostile and broken input: never lose a user's files, never crash (issue 11).

Each case of the issue has a test here: output safety (an existing folder the tool did not
write, read-only and full output, --out under a file, stale staging folders, umask), input
errors with their place (control characters, huge numbers, single-space columns, '--' and
non-UTF-8 file names, FIFOs, UTF-16), limits (deep HTML, long lines, big tables), validate/view
refusals, compare's data problems and reruns under different PYTHONHASHSEED values.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from converter.cli import main
from converter.errors import ConversionError
from converter.extract import clean_text, extract_text
from converter.extract.reader import split_lines
from converter.model import Level, ValidationMessage
from converter.output import STAGING_PREFIX, clean_stale_staging, staged_folder
from converter.pipeline import stable_order

ROOT = Path(__file__).resolve().parents[1]
TAB_EXAMPLE = ROOT / "examples" / "halmer-robotics-q2-2024.txt"
FIXED = ROOT / "tests" / "fixtures" / "releases" / "marlowe-devices-q2-2024.txt"
HTML = ROOT / "tests" / "fixtures" / "releases" / "teskara-networks-fy2024.html"
CIK = ("--cik", "0000000001")


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _report(folder: Path) -> dict:
    return json.loads((folder / "report.json").read_text(encoding="utf-8"))


def _well_formed(folder: Path) -> None:
    for path in folder.iterdir():
        if path.suffix in (".xml", ".xsd", ".htm"):
            etree.parse(str(path))
        elif path.suffix == ".json":
            json.loads(path.read_bytes())


def _value_line(text: str) -> int:
    """Index of the first line of a statement row (a label and figures)."""
    lines = text.split("\n")
    return next(i for i, line in enumerate(lines) if "Net" in line and any(c.isdigit() for c in line))


# ---- output safety ---------------------------------------------------------------------------


def test_an_existing_folder_the_tool_did_not_write_is_never_deleted(tmp_path):
    home = tmp_path / "home"
    (home / "notes").mkdir(parents=True)
    (home / "notes" / "diary.txt").write_text("precious")
    source = tmp_path / "notes.txt"
    source.write_text("Nothing but prose here.\n")
    result = run("convert", str(source), "--out", str(home), "--no-validate", *CIK)
    assert result.exit_code == 1
    assert "was not written by xbrl-convert" in result.output
    assert (home / "notes" / "diary.txt").read_text() == "precious"
    assert json.loads((home / "summary.json").read_text())["counts"]["failed"] == 1
    # the same when the document converts
    shutil.copy(TAB_EXAMPLE, tmp_path / "notes.txt")
    assert run("convert", str(source), "--out", str(home), "--no-validate", *CIK).exit_code == 1
    assert (home / "notes" / "diary.txt").read_text() == "precious"
    # --overwrite says yes
    result = run("convert", str(source), "--out", str(home), "--no-validate", "--overwrite", *CIK)
    assert result.exit_code == 0, result.output
    assert not (home / "notes" / "diary.txt").exists()
    # and the tool's own folder is replaced on the next run without --overwrite
    assert run("convert", str(source), "--out", str(home), "--no-validate", *CIK).exit_code == 0


def test_out_under_an_existing_file_is_a_usage_error(tmp_path):
    (tmp_path / "file").write_text("x")
    result = run("convert", str(TAB_EXAMPLE), "--out", str(tmp_path / "file" / "out"), "--no-validate")
    assert result.exit_code == 2
    assert "cannot create output folder" in result.output


def _read_only_dir(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A folder nobody may write to: a read-only tmpfs for root, else chmod 0555."""
    target = tmp_path / "ro"
    target.mkdir()
    if os.geteuid() != 0:
        target.chmod(0o555)
        return target, lambda: target.chmod(0o755)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", str(target)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a read-only tmpfs: {done.stderr.decode(errors='replace').strip()}")
    return target, lambda: subprocess.run(["umount", str(target)], check=False)


def test_a_read_only_output_folder_is_a_usage_error_before_any_work(tmp_path):
    target, undo = _read_only_dir(tmp_path)
    try:
        result = run("convert", str(TAB_EXAMPLE), "--out", str(target), "--no-validate")
        assert result.exit_code == 2
        assert "cannot write to output folder" in result.output
        assert "Converting" not in result.output
    finally:
        undo()


def test_a_full_disk_fails_the_document_and_leaves_no_partial_folder(tmp_path):
    if os.geteuid() != 0:
        pytest.skip("a small tmpfs needs root")
    target = tmp_path / "full"
    target.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(target)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs: {done.stderr.decode(errors='replace').strip()}")
    try:
        (target / "filler").write_bytes(b"\0" * 40_000)
        result = CliRunner().invoke(main, ["convert", str(TAB_EXAMPLE), "--out", str(target), "--no-validate"])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
        assert result.exit_code == 1
        assert "internal error" not in result.output
        assert "cannot write" in result.output
        left = sorted(p.name for p in target.iterdir())
        assert not [n for n in left if n.startswith(STAGING_PREFIX)]
        for name in left:
            if (target / name).is_dir():
                assert (target / name / "report.json").is_file()
    finally:
        subprocess.run(["umount", str(target)], check=False)


def test_every_document_failing_still_writes_the_summary(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    result = run("convert", str(bad), "--out", str(tmp_path / "out"))
    assert result.exit_code == 1
    summary = json.loads((tmp_path / "out" / "summary.json").read_text())
    assert summary["counts"]["failed"] == 1 and summary["ok"] is False


def test_stale_staging_folders_are_removed_and_live_ones_kept(tmp_path):
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f"{STAGING_PREFIX}abc"
    stale.mkdir()
    (stale / ".xbrl-convert-staging").write_text(f"{os.uname().nodename} {dead.pid}\n")
    live = tmp_path / f"{STAGING_PREFIX}def"
    live.mkdir()
    (live / ".xbrl-convert-staging").write_text(f"{os.uname().nodename} {os.getpid()}\n")
    unrelated = tmp_path / f"{STAGING_PREFIX}mine"
    unrelated.mkdir()  # no staging marker: not the tool's
    assert clean_stale_staging(tmp_path) == [stale]
    assert live.exists() and unrelated.exists() and not stale.exists()


def test_a_staging_folder_made_by_a_process_killed_before_its_marker_is_stale(tmp_path):
    """A worker killed between making its staging folder and writing the marker (its batch
    process killed mid-run) left a folder no later run removed: the name says whose it is."""
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    with staged_folder(tmp_path / "doc") as live:
        assert live.name.startswith(f"{STAGING_PREFIX}{os.getpid()}@")
        orphan = tmp_path / live.name.replace(f"{STAGING_PREFIX}{os.getpid()}@", f"{STAGING_PREFIX}{dead.pid}@")
        orphan.mkdir()  # as mkdtemp made it: no marker yet
        (tmp_path / f"{STAGING_PREFIX}{dead.pid}@elsewhere").mkdir()  # a name not of the tool's form
        assert clean_stale_staging(tmp_path) == [orphan]
        assert live.exists()



@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_a_staging_folder_of_a_zombie_process_is_stale(tmp_path):
    """A killed batch's worker that has exited but was not reaped (an init that does not reap)
    still answers signal 0: its staging folder must be removed all the same."""
    zombie = subprocess.Popen([sys.executable, "-c", "pass"])
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and " Z " not in Path(f"/proc/{zombie.pid}/stat").read_text():
        time.sleep(0.05)  # exited, and not waited for: a zombie
    stale = tmp_path / f"{STAGING_PREFIX}zzz"
    stale.mkdir()
    (stale / ".xbrl-convert-staging").write_text(f"{os.uname().nodename} {zombie.pid}\n")
    try:
        assert clean_stale_staging(tmp_path) == [stale]
    finally:
        zombie.wait()

def test_output_folders_follow_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        assert run("convert", str(TAB_EXAMPLE), "--out", str(tmp_path / "out"), "--no-validate").exit_code == 0
    finally:
        os.umask(old)
    folder = tmp_path / "out" / TAB_EXAMPLE.stem
    assert folder.stat().st_mode & 0o777 == 0o755
    assert (tmp_path / "out" / "summary.json").stat().st_mode & 0o777 == 0o644


def _processes_mentioning(text: str) -> list[int]:
    """Live processes whose command line contains `text` (Linux /proc; zombies have none)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if text.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def test_kill_during_a_batch_leaves_no_partial_folder_and_the_next_run_cleans_up(tmp_path):
    inputs = []
    for i in range(4):
        inputs.append(tmp_path / f"r{i}.txt")
        shutil.copy(TAB_EXAMPLE, inputs[-1])
    out = tmp_path / "out"
    exe = [sys.executable, "-c", "from converter.cli import main; main()"]
    proc = subprocess.Popen([*exe, "convert", *map(str, inputs), "--out", str(out), "--no-validate"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (out / "r0").exists():
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    if sys.platform.startswith("linux"):  # its worker processes leave with it, not orphaned forever
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and _processes_mentioning(str(out)):
            time.sleep(0.1)
        assert not _processes_mentioning(str(out))
    for folder in out.iterdir():
        if folder.is_dir() and not folder.name.startswith(STAGING_PREFIX):
            assert set(_report(folder)["files"]) == {p.name for p in folder.iterdir()}
    done = subprocess.run([*exe, "convert", *map(str, inputs), "--out", str(out), "--no-validate"],
                          capture_output=True, cwd=ROOT)
    assert done.returncode == 0, done.stdout.decode()
    assert not [p for p in out.iterdir() if p.name.startswith(STAGING_PREFIX)]


# ---- input errors with their place -------------------------------------------------------------


def test_a_trailing_ctrl_z_and_control_characters_in_a_label_convert(tmp_path):
    text = FIXED.read_text()
    lines = text.split("\n")
    i = _value_line(text)
    lines[i] = lines[i].replace("Net", "Net\x0b\x1b", 1)
    source = tmp_path / "controls.txt"
    source.write_text("\n".join(lines) + "\x1a")
    result = run("convert", str(source), "--out", str(tmp_path / "out"), "--no-validate", *CIK)
    assert result.exit_code == 0, result.output
    assert "internal error" not in result.output
    report = _report(tmp_path / "out" / "controls")
    note = report["input_notes"][0]
    assert note["code"] == "xc:illegalCharacters" and "U+000B" in note["message"]
    assert note["source"]["href"] == "controls.txt" and note["source"]["line"] == i + 1
    _well_formed(tmp_path / "out" / "controls")


def test_utf8_read_as_cp1252_by_another_tool_is_repaired(tmp_path):
    # a newsroom page saved by a scraper that read its UTF-8 as cp1252: "12,535Â", "â€”"
    table = ["Quillmark Beverages, Inc. (NYSE: QLMK) reported results.", "",
             "## Consolidated Statements of Income", "", "(In millions)", "",
             "|  | Three Months Ended June 27, 2025 | Three Months Ended June 28, 2024 |", "|---|---|---|",
             "| Net operating revenues | 12,535\u00c2 | 12,363\u00c2 |",
             "| Cost of goods sold | 4,714\u00c2 | 4,812\u00c2 |",
             "| Gross profit | 7,821\u00c2 | 7,551\u00c2 |",
             "| Equity income (loss)\u00c2 \u00e2\u20ac\u201d net | 561\u00c2 | 537\u00c2 |",
             "| Net income | 3,810\u00c2 | 2,411\u00c2 |", ""]
    source = tmp_path / "mangled.md"
    source.write_text("\n".join(table), encoding="utf-8")
    result = run("convert", str(source), "--out", str(tmp_path / "out"), "--no-validate", *CIK)
    assert result.exit_code == 0, result.output
    report = _report(tmp_path / "out" / "mangled")
    note = report["input_notes"][0]
    assert note["code"] == "xc:mojibake" and note["source"]["line"] == 9
    revenue = next(f for f in report["facts"] if f["label"] == "Net operating revenues")
    assert revenue["value"] == "12535000000"
    assert any(d["label"] == "Equity income (loss) \u2014 net" for d in report["mapping"])


def test_clean_text_keeps_columns():
    text, notes = clean_text("a\x01b\n\x1a", "r.txt")
    assert text == "a b\n "
    assert [str(n) for n in notes] == ["replaced 2 character(s) XML cannot hold by spaces, first U+0001 at r.txt:1:2"]
    assert notes[0].code == "xc:illegalCharacters"
    assert clean_text("plain\ttext\n", "r.txt") == ("plain\ttext\n", ())


def test_a_number_beyond_a_sane_size_is_refused_with_its_place(tmp_path):
    text = FIXED.read_text()
    lines = text.split("\n")
    i = _value_line(text)
    number = lines[i].split()[-1]
    lines[i] = lines[i][: lines[i].rindex(number)] + "1" + "0" * 30
    source = tmp_path / "huge.txt"
    source.write_text("\n".join(lines))
    result = run("convert", str(source), "--out", str(tmp_path / "out"), "--no-validate", *CIK)
    assert "internal error" not in result.output
    assert f"huge.txt:{i + 1}" in result.output and "number too large" in result.output


def test_columns_separated_by_single_spaces_do_not_crash(tmp_path):
    source = tmp_path / "single.txt"
    source.write_text("\n".join(" ".join(line.split()) for line in FIXED.read_text().split("\n")))
    result = run("convert", str(source), "--out", str(tmp_path / "out"), "--no-validate", *CIK)
    assert result.exit_code == 1
    assert "internal error" not in result.output
    assert "no value columns found" in result.output


def test_double_dash_in_a_file_name_keeps_the_instance_well_formed(tmp_path):
    source = tmp_path / "q2--final-.txt"
    shutil.copy(TAB_EXAMPLE, source)
    result = run("convert", str(source), "--out", str(tmp_path / "out"), "--no-validate")
    assert result.exit_code == 0, result.output
    _well_formed(tmp_path / "out" / "q2--final-")


def test_a_non_utf8_file_name_is_reported_escaped(tmp_path):
    name = os.fsdecode(b"caf\xe9.txt")
    shutil.copy(TAB_EXAMPLE, tmp_path / name)
    result = run("convert", str(tmp_path / name), "--out", str(tmp_path / "out"), "--no-validate")
    assert result.exit_code == 0, result.output
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert summary["documents"][0]["input"].endswith("caf\\xe9.txt")
    assert (tmp_path / "out" / "caf\\xe9").is_dir()


def test_a_fifo_is_refused_without_hanging(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    result = run("convert", str(fifo), "--out", str(tmp_path / "out"), "--no-validate")
    assert result.exit_code == 1
    assert "not a regular file" in result.output


@pytest.mark.parametrize("encoding, given", [("utf-16", "utf-16"), ("utf-16", None), ("utf-16-le", "utf-16-le")])
def test_utf16_is_decoded_before_the_binary_test(tmp_path, encoding, given):
    source = tmp_path / "wide.txt"
    source.write_bytes(TAB_EXAMPLE.read_text().encode(encoding))
    extra = ["--encoding", given] if given else []
    result = run("convert", str(source), "--out", str(tmp_path / "out"), "--no-validate", *extra)
    assert result.exit_code == 0, result.output


# ---- limits ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("tag", ["<div>", "<font>"])
def test_html_after_hundreds_of_unclosed_tags_is_still_read(tag):
    text = HTML.read_text().replace("<body>", "<body>" + tag * 400, 1)
    release = extract_text(text, "deep.html")
    assert len(release.statements) >= 2


def test_html_nested_beyond_the_parser_limit_is_refused_with_a_message():
    from converter.errors import InputError

    text = HTML.read_text().replace("<body>", "<body>" + "<div>" * 5000, 1)
    with pytest.raises(InputError, match="nested too deeply"):
        extract_text(text, "deeper.html")


@pytest.mark.parametrize("filler", ["\\$" * 16_000, "\t" * 100_000, "(" * 100_000])
def test_long_lines_are_read_in_linear_time(filler):
    text = FIXED.read_text()
    lines = text.split("\n")
    i = _value_line(text)
    lines[i] = lines[i].replace("Net", "Net " + filler, 1)
    started = time.process_time()
    extract_text("\n".join(lines), "long.txt")
    assert time.process_time() - started < 5


@pytest.mark.parametrize("line", ["-" * 100_000 + "x", "=" * 50_000 + " " + "-" * 50_000 + ")", "(" * 100_000])
def test_a_long_run_of_rule_characters_is_read_in_linear_time(line):
    """Fuzz seed 200832: a line of 100,000 dashes not ending as a rule took minutes (a rule
    pattern with a nested quantifier backtracked on every way to split the run)."""
    started = time.process_time()
    release = extract_text(line + "\n" + FIXED.read_text(), "rules.txt")
    assert release.statements
    assert time.process_time() - started < 5


def test_words_parted_by_runs_of_spaces_are_read_in_linear_time():
    """A 10-Q saved as a text-browser dump hung: its table lines part capitalised words by a
    hundred spaces, and the company-name pattern tried every way to split each run."""
    line = (" " * 90).join(["Total", "Americas", "Europe", "Asia Pacific", "Other", "Segments"]) + "     1,234"
    started = time.process_time()
    release = extract_text("\n".join([line] * 40) + "\n\n" + FIXED.read_text(), "spaced.txt")
    assert release.statements
    assert time.process_time() - started < 5


def test_a_character_reference_without_its_semicolon_to_a_control_character_is_read():
    """Fuzz seed 500077: "&#x1" (no semicolon) became U+0001 in the parsed page, which lxml then
    refused to write back ("All strings must be XML compatible"): an internal error."""
    text = HTML.read_text().replace("<body>", "<body>&#x1<p>x</p>", 1)
    release = extract_text(text, "ref.html")
    assert release.statements


def test_a_control_character_reference_in_html_narrative_reaches_no_xml_writer(tmp_path):
    """Fuzz seed 703960: "&#x1a;" in the narrative of an HTML release broke the inline writer."""
    source = tmp_path / "ref.html"
    source.write_text(HTML.read_text().replace("<body>", "<body><p>Results&#x1a; for the quarter</p>", 1))
    result = CliRunner().invoke(main, ["convert", str(source), "--out", str(tmp_path / "out"), "--no-validate"])
    assert "internal error" not in result.output
    assert list((tmp_path / "out" / "ref").glob("*.htm"))


def test_a_flattened_release_and_a_huge_table_are_bounded():
    text = FIXED.read_text()
    started = time.process_time()
    release = extract_text(" ".join(text.split("\n")) * 20, "flat.txt")
    assert sum(len(s.items) for s in release.statements) <= 2000
    lines = text.split("\n")
    i = _value_line(text)
    release = extract_text("\n".join(lines[:i] + [lines[i]] * 20_000 + lines[i + 1:]), "big.txt")
    assert time.process_time() - started < 30
    assert release.statements


@pytest.mark.parametrize(("table", "reason"), [
    ("<table><tr><td>Revenue</td>" + '<td colspan="3">2024</td>' * 10_000 + "</tr></table>",
     "table too wide (30,001 columns; at most 400)"),
    ("<table>" + "<tr><td>Revenue</td><td>1,000</td></tr>" * 2_500 + "</table>",
     "table too long (2,500 rows; at most 2,000)"),
])
def test_a_table_too_wide_or_too_long_is_skipped_and_the_release_read(table, reason):
    """A table of ten thousand year cells in one row (a fuzzing mutation of a header row) took
    minutes: the header reader compares every period cell with every other."""
    text = HTML.read_text().replace("</body>", table + "</body>", 1)
    release = extract_text(text, "wide.html")
    assert len(release.statements) >= 2
    assert [(t.reason, t.code) for t in release.skipped_tables] == [(reason, "xc:tableTooLarge")]


def test_too_long_lines_and_files_are_refused_with_their_place():
    from converter.errors import InputError
    from converter.extract.reader import MAX_INPUT_BYTES, MAX_LINE_CHARS, decode

    with pytest.raises(InputError, match=r"r.txt:2: line too long"):
        split_lines("a\n" + "x" * (MAX_LINE_CHARS + 1), "r.txt")
    with pytest.raises(InputError, match="file too large"):
        decode(b"x" * (MAX_INPUT_BYTES + 1), "r.txt")


# ---- validate, view, compare -----------------------------------------------------------------


@pytest.mark.parametrize("content, suffix", [("<?xml version='1.0'?><root/>", ".xml"),
                                             ("<html><body><p>hello</p></body></html>", ".html")])
def test_validate_refuses_what_is_not_xbrl(tmp_path, content, suffix):
    path = tmp_path / f"doc{suffix}"
    path.write_text(content)
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 2  # input that cannot be read as XBRL, as in `compare`
    assert "xc:notXbrl" in result.output
    assert "valid:" not in result.output


def test_view_fails_when_the_document_has_no_facts(tmp_path):
    path = tmp_path / "empty.htm"
    path.write_text('<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL">'
                    "<body><ix:header/><p>no facts</p></body></html>")
    result = CliRunner().invoke(main, ["view", str(path)])
    assert result.exit_code == 1
    assert "no facts" in result.output
    assert not list(tmp_path.glob("*-viewer.html"))


_FILING = """<?xml version="1.0"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:us-gaap="http://fasb.org/us-gaap/2024"
  xmlns:iso4217="http://www.xbrl.org/2003/iso4217">
<xbrli:context id="c"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">1</xbrli:identifier>
</xbrli:entity><xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-03-31</xbrli:endDate>
</xbrli:period></xbrli:context>
<xbrli:context id="old"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">1</xbrli:identifier>
</xbrli:entity><xbrli:period><xbrli:instant>0001-01-01T00:00:00</xbrli:instant></xbrli:period></xbrli:context>
<xbrli:unit id="usd"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>
<us-gaap:Revenues contextRef="c" unitRef="usd" decimals="0">100</us-gaap:Revenues>
<us-gaap:CostOfRevenue contextRef="c" unitRef="usd" decimals="0">NaN</us-gaap:CostOfRevenue>
<us-gaap:GrossProfit contextRef="c" unitRef="usd" decimals="0">INF</us-gaap:GrossProfit>
<us-gaap:OperatingExpenses contextRef="c" unitRef="usd" decimals="99">1234567890123456789012345678901</us-gaap:OperatingExpenses>
<us-gaap:NetIncomeLoss contextRef="c" unitRef="usd" decimals="-99999999">5</us-gaap:NetIncomeLoss>
<us-gaap:Assets contextRef="old" unitRef="usd" decimals="0">7</us-gaap:Assets>
</xbrli:xbrl>
"""


def test_compare_reports_nan_inf_absurd_decimals_and_dates_per_fact(tmp_path):
    from converter.compare import compare
    from converter.filing import read_document

    path = tmp_path / "filing.xml"
    path.write_text(_FILING)
    document = read_document(path)
    assert [f.concept for f in document.facts] == ["us-gaap:Revenues"]
    reasons = "\n".join(document.skipped)
    for expected in ("CostOfRevenue", "GrossProfit", "OperatingExpenses", "NetIncomeLoss", "Assets"):
        assert expected in reasons
    compare(document, document)  # runs without a traceback


# ---- determinism -----------------------------------------------------------------------------------


def test_messages_are_ordered_by_a_stable_key():
    a = ValidationMessage("calc11e:x", Level.ERROR, "b", concept="us-gaap:Assets")
    b = ValidationMessage("calc11e:x", Level.ERROR, "a", concept="us-gaap:Assets")
    c = ValidationMessage("xbrl.4.9", Level.WARNING, "z")
    assert stable_order([c, a, b]) == stable_order([b, c, a]) == [b, a, c]


def test_reruns_under_different_hash_seeds_are_byte_identical(tmp_path):
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / "out"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", "from converter.cli import main; main()", "convert",
                        str(TAB_EXAMPLE), str(HTML), "--out", str(out), *CIK], env=env, cwd=ROOT,
                       capture_output=True, check=False)
        files = {p.relative_to(out): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}
        outputs.append(files)
        shutil.rmtree(out)
    assert outputs[0].keys() == outputs[1].keys()
    assert [k for k in outputs[0] if outputs[0][k] != outputs[1][k]] == []


def test_a_label_run_over_thousands_of_lines_skips_its_table_not_the_release():
    """Fuzz seed 900518: a label-only line repeated 30,000 times joined into a 3 MB row label,
    written into report.json many times over (80 MB, minutes)."""
    text = TAB_EXAMPLE.read_text()
    lines = text.split("\n")
    i = next(n for n, line in enumerate(lines) if line.startswith("Net income (loss)\t"))
    label_only = "Trade receivables, net of allowance for doubtful accounts of $120 and $95 at\t\t"
    release = extract_text("\n".join(lines[:i] + [label_only] * 600 + lines[i:]), "long-label.txt")
    reasons = [t.reason for t in release.skipped_tables]
    assert any(r.startswith("row label too long at long-label.txt:") for r in reasons), reasons
    assert "xc:labelTooLong" in {t.code for t in release.skipped_tables}
    assert release.statements  # the other statements are read
    assert all(len(item.label) <= 5000 for s in release.statements for item in s.items)


def test_unmapped_rows_are_listed_with_what_became_of_them():
    from converter.pipeline import _unmapped_lines

    class D:  # the two fields _unmapped_lines reads of a MappingDecision
        def __init__(self, source: str, label: str, concept: str | None) -> None:
            self.source, self.label, self.concept = source, label, concept

    class M:
        decisions = [D("r.txt:5:1", "Widgets", "xc_Widgets"), D("r.txt:6:1", "Gadgets", None)]

    lines = _unmapped_lines([D("r.txt:5:1", "Widgets", None), D("r.txt:6:1", "Gadgets", None)], M())  # type: ignore[arg-type]
    assert lines == ("r.txt:5:1: Widgets -> extension concept xc_Widgets", "r.txt:6:1: Gadgets (not tagged)")


def test_a_header_line_repeated_thousands_of_times_is_read_in_linear_time():
    """Fuzz seed 1002232: 30,000 copies of a fixed-width header line ("June 30,   June 30,") took
    minutes: each header segment searched every row below it for its underline."""
    source = ROOT / "tests" / "fixtures" / "extract" / "fixed_width.txt"
    lines = source.read_text().split("\n")
    i = next(n for n, line in enumerate(lines) if line.split() == ["June", "30,", "June", "30,"])
    j = next(n for n, line in enumerate(lines) if n > i and line.strip() == "(In millions)")
    started = time.process_time()  # the header line runs on into the next table's header
    with pytest.raises(ConversionError) as failed:  # a header of 10,000 lines names no period
        extract_text("\n".join(lines[:i] + [lines[i]] * 10_000 + lines[j:]), "headers.txt")
    assert time.process_time() - started < 30  # about 60 s when the search was quadratic
    assert len(str(failed.value)) < 400  # the message quotes the start of the header, not all of it


def test_a_long_heading_is_normalized_once_for_all_the_entries_that_ask():
    """A mangled release ran a heading on for 60,000 characters; every entry of the table asked
    for its normalized form (16 ms each, 30 s of CPU in all, the fuzzer's hang at seed 140348)."""
    from converter.concepts import _normalized_long, normalize_label

    heading = "Other income (expense) " * 3000
    before = _normalized_long.cache_info()
    first = normalize_label(heading)
    assert normalize_label(heading) == first == ("other income (expense) " * 3000).strip()
    after = _normalized_long.cache_info()
    assert (after.misses - before.misses, after.hits - before.hits) == (1, 1)
