"""`xbrl-convert validate`: Calculation 1.1 by default, Arelle's JSON/XML log, the JSON summary
and its schema, --quiet, exit codes."""

from __future__ import annotations

import json
import logging
import re
from decimal import Decimal
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from converter.cli import main

ROOT = Path(__file__).resolve().parents[1]
RELEASE = ROOT / "tests" / "fixtures" / "releases" / "marlowe-devices-q2-2024.txt"
CALC_CODE = "calc11e:inconsistentCalculationUsingRounding"
_ASSETS = re.compile(r'(<us-gaap:Assets contextRef="(?P<context>[^"]+)"[^>]*>)(?P<value>-?\d+)(</us-gaap:Assets>)')


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def converted(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A release converted by the tool, and a copy of its instance with total assets raised by
    10,000,000 in the latest balance sheet (next to the company schema it references)."""
    out = tmp_path_factory.mktemp("validate")
    result = run("convert", str(RELEASE), "--out", str(out), "--no-validate", "--jobs", "1")
    assert result.exit_code == 0, result.output
    folder = out / RELEASE.stem
    instance = next(p for p in folder.glob("*.xml") if not p.stem.endswith(("_cal", "_lab", "_pre")))
    text = instance.read_text(encoding="utf-8")
    found = sorted(_ASSETS.finditer(text), key=lambda m: m["context"])
    assert len(found) == 2, "the fixture's balance sheet has two columns"
    latest = found[-1]
    raised = Decimal(latest["value"]) + 10_000_000
    tampered = instance.with_name("tampered.xml")
    tampered.write_text(text[:latest.start("value")] + str(raised) + text[latest.end("value"):], encoding="utf-8")
    return instance, tampered


def test_a_tampered_total_fails_with_arelles_calculation_code(converted):
    instance, tampered = converted
    good = run("validate", str(instance))
    assert good.exit_code == 0, good.output
    assert "calculations: c11r" in good.stdout
    bad = run("validate", str(tampered))
    assert bad.exit_code == 1, bad.output
    assert CALC_CODE in bad.stdout and "us-gaap:Assets" in bad.stdout
    # the check can be turned off, as with Arelle's --calc none
    off = run("validate", str(tampered), "--calc", "none")
    assert off.exit_code == 0, off.output
    assert CALC_CODE not in off.output
    assert run("validate", str(tampered), "--calc", "c10").exit_code == 2


def test_log_file_is_arelles_json_or_xml_log(converted, tmp_path):
    _, tampered = converted
    as_json = tmp_path / "log.json"
    assert run("validate", str(tampered), "--log-file", str(as_json)).exit_code == 1
    entries = json.loads(as_json.read_text(encoding="utf-8"))["log"]
    calc = [e for e in entries if e["code"] == CALC_CODE]
    assert len(calc) == 1
    assert calc[0]["level"] == "inconsistency"  # Arelle's own level name, as in its own log
    assert calc[0]["message"]["args"]["concept"] == "us-gaap:Assets"
    assert calc[0]["refs"][0]["href"].startswith("tampered.xml#") and calc[0]["refs"][0]["sourceLine"] > 0
    as_xml = tmp_path / "log.xml"
    assert run("validate", str(tampered), "--log-file", str(as_xml)).exit_code == 1
    root = etree.parse(str(as_xml)).getroot()
    assert root.tag == "log"
    entry = root.find(f"entry[@code='{CALC_CODE}']")
    assert entry is not None and entry.get("level") == "inconsistency"
    assert entry.find("message").get("concept") == "us-gaap:Assets"
    # written again: replaced, not appended (an appended XML log would not parse)
    assert run("validate", str(tampered), "--log-file", str(as_xml)).exit_code == 1
    assert len(etree.parse(str(as_xml)).getroot().findall(f"entry[@code='{CALC_CODE}']")) == 1
    # the tool's own finding about a file that is not XBRL is in the log too
    other = tmp_path / "notes.txt"
    other.write_text("just text\n", encoding="utf-8")
    assert run("validate", str(other), "--log-file", str(as_json)).exit_code == 2
    entries = json.loads(as_json.read_text(encoding="utf-8"))["log"]
    assert [e["refs"] for e in entries if e["code"] == "xc:notXbrl"] == [[{"href": str(other)}]]


def test_log_file_must_be_json_or_xml(converted, tmp_path):
    instance, _ = converted
    result = run("validate", str(instance), "--log-file", str(tmp_path / "log.txt"))
    assert result.exit_code == 2 and ".json or .xml" in result.output


def _validate_schema():  # type: ignore[no-untyped-def]
    import jsonschema

    schema = json.loads(resources.files("converter").joinpath("schemas/validate.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_json_summary_follows_its_schema(converted, tmp_path):
    instance, tampered = converted
    validator = _validate_schema()
    unreadable = tmp_path / "garbage.xml"
    unreadable.write_text("<not closed", encoding="utf-8")
    result = run("validate", str(instance), str(tampered), str(unreadable), "--format", "json")
    assert result.exit_code == 2  # the unreadable file wins over the invalid one
    data = json.loads(result.stdout)
    assert sorted(e.message for e in validator.iter_errors(data)) == []
    assert data["schema_version"] == "1.0" and data["exit_code"] == 2 and data["ok"] is False
    assert data["counts"] == {"documents": 3, "valid": 1, "invalid": 1, "unreadable": 1, "failed": 0}
    good, bad, garbage = data["documents"]
    assert (good["status"], good["kind"], good["errors"]) == ("valid", "instance", 0)
    assert good["fact_count"] > 100
    assert bad["status"] == "invalid" and bad["errors"] == 1
    message = next(m for m in bad["messages"] if m["code"] == CALC_CODE)
    assert message["level"] == "error" and message["concept"] == "us-gaap:Assets"
    assert message["refs"][0]["href"].startswith("tampered.xml#") and message["refs"][0]["line"] > 0
    [calc] = bad["calculation_inconsistencies"]
    assert calc["concept"] == "us-gaap:Assets" and calc["reported"].startswith("[")
    assert garbage["status"] == "unreadable" and garbage["messages"][0]["code"] == "xc:notXbrl"
    assert "garbage.xml: error" in result.stderr  # errors also on stderr
    # a bad schema check would pass anything: a broken summary must fail it
    broken = dict(data, exit_code="2", documents=[dict(good, status="fine")])
    assert len(list(validator.iter_errors(broken))) >= 2


def test_quiet_prints_only_errors_on_stderr_and_keeps_the_exit_code(converted):
    instance, tampered = converted
    good = run("validate", str(instance), "--quiet")
    assert (good.exit_code, good.stdout, good.stderr) == (0, "", "")
    bad = run("validate", str(tampered), "-q")
    assert bad.exit_code == 1 and bad.stdout == ""
    assert CALC_CODE in bad.stderr and "invalid: 1 errors" in bad.stderr
    as_json = run("validate", str(tampered), "--quiet", "--format", "json")
    assert as_json.exit_code == 1 and as_json.stdout == ""


def test_a_report_package_is_validated(converted):
    instance, _ = converted
    package = next(instance.parent.glob("*.xbri"))
    result = run("validate", str(package), "--format", "json")
    assert result.exit_code == 0, result.output
    [document] = json.loads(result.stdout)["documents"]
    assert document["kind"] == "report_package" and document["fact_count"] > 100


def test_log_records_of_a_document_are_put_in_a_stable_order():
    from converter.arellelog import ArelleLog

    def record(code: str, text: str, line: int) -> logging.LogRecord:
        r = logging.LogRecord("arelle", logging.ERROR, "", 0, text, None, None)
        r.messageCode = code
        r.refs = [{"href": "a.xml", "sourceLine": line}]
        return r

    orders = []
    for reverse in (False, True):
        log = ArelleLog()
        log.add("info", "info", "first", "pkg.zip")
        start = log.mark()
        found = [record(CALC_CODE, "total B", 9), record(CALC_CODE, "total A", 3), record("xbrl.4.9", "x", 1)]
        for r in reversed(found) if reverse else found:
            log.handler.emit(r)
        log.settle(start)
        orders.append([(getattr(r, "messageCode"), r.msg) for r in log.records])
    assert orders[0] == orders[1] == [("info", "first"), (CALC_CODE, "total A"), (CALC_CODE, "total B"),
                                      ("xbrl.4.9", "x")]
