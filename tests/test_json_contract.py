"""The JSON contract (converter/contract.py, converter/schemas/): every JSON file the tool writes
validates against its shipped schema (report.json of valid, invalid, failed and no-statements
documents, summary.json, the compare output), starts with schema_version and tool_version, uses
snake_case keys and reference objects for places; the same inputs converted into two output
folders give the same bytes, summary.json included; every error code is in the README."""

from __future__ import annotations

import filecmp
import json
import re
import shutil
from importlib import metadata
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

import converter.contract as contract
from converter import errors
from converter.cli import main
from converter.contract import SCHEMA_NAMES, load_schema, relative_path, schema_errors, where_json
from converter.model import Level, ValidationMessage
from converter.report import calculation_json, message_json
from converter.validate import CalcInconsistency

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
TAB_EXAMPLE = EXAMPLES / "halmer-robotics-q2-2024.txt"
NARRATIVE_EXAMPLE = EXAMPLES / "oakvale-foods-dividend-2025.txt"
HTML_FIXTURE = ROOT / "tests" / "fixtures" / "releases" / "corvane-systems-q3-2024.htm"
FILING_HTM = ROOT / "tests" / "fixtures" / "compare" / "hlmr-20240630-10q.htm"
SNAKE = re.compile(r"^[a-z][a-z0-9_]*$")


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def _inputs(folder: Path) -> Path:
    """Documents of every outcome: valid, invalid (total assets raised by 10,000), failed (empty,
    binary), no statements, a skipped table and characters XML cannot hold (warnings)."""
    folder.mkdir()
    text = TAB_EXAMPLE.read_text(encoding="utf-8")
    shutil.copy(TAB_EXAMPLE, folder / "a-valid.txt")
    shutil.copy(HTML_FIXTURE, folder / "b-html.htm")
    (folder / "c-invalid.txt").write_text(text.replace("Total assets\t\\$ 79,450", "Total assets\t\\$ 89,450"),
                                          encoding="utf-8")
    (folder / "d-empty.txt").write_bytes(b"")
    (folder / "e-binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    shutil.copy(NARRATIVE_EXAMPLE, folder / "f-narrative.txt")
    lines = text.split("\n")
    cut = next(i for i, line in enumerate(lines) if line.startswith("\tThree Months Ended"))
    (folder / "g-truncated.txt").write_text("\n".join(lines[: cut + 1]).replace("Total current", "Total\x0bcurrent")
                                            + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def batch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same inputs converted into two sibling output folders, `one` and `two`."""
    base = tmp_path_factory.mktemp("contract")
    inputs = _inputs(base / "in")
    for name in ("one", "two"):
        result = run("convert", str(inputs), "--out", str(base / name), "--jobs", "1")
        assert result.exit_code == 1, result.output  # the failed and invalid documents
    return base


def _json_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.json"))


def _keys(data: object, path: str = "") -> list[tuple[str, str]]:
    """Every (place, key) of a JSON value; the keys of document.sources are item names (snake_case too)."""
    out = []
    if isinstance(data, dict):
        for key, value in data.items():
            out.append((path, key))
            out += _keys(value, f"{path}/{key}")
    elif isinstance(data, list):
        for i, value in enumerate(data):
            out += _keys(value, f"{path}/{i}")
    return out


def test_every_json_of_the_batch_validates_against_its_schema(batch):
    out = batch / "one"
    reports = {p.parent.name: json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*/report.json")}
    assert {name: r["status"] for name, r in reports.items()} == {
        "a-valid": "valid", "b-html": "valid", "c-invalid": "invalid", "d-empty": "failed",
        "e-binary": "failed", "f-narrative": "no-statements", "g-truncated": "valid"}
    for name, report in reports.items():
        assert schema_errors(report, "report") == [], name
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert schema_errors(summary, "summary") == []
    for data in [summary, *reports.values()]:
        assert list(data)[:2] == ["schema_version", "tool_version"]
        assert data["schema_version"] == "1.0" and data["tool_version"] == contract.tool_version()
        bad = [(place, key) for place, key in _keys(data) if not SNAKE.match(key)]
        assert bad == []


def test_failed_documents_and_warnings_carry_their_codes(batch):
    out = batch / "one"
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    codes = {Path(d["input"]).name: d["code"] for d in summary["documents"]}
    assert codes == {"a-valid.txt": None, "b-html.htm": None, "c-invalid.txt": None, "d-empty.txt": "xc:emptyInput",
                     "e-binary.txt": "xc:binaryInput", "f-narrative.txt": "xc:noStatements", "g-truncated.txt": None}
    empty = json.loads((out / "d-empty" / "report.json").read_text(encoding="utf-8"))
    assert (empty["code"], empty["message"], empty["where"]) == (
        "xc:emptyInput", "empty file", {"href": "d-empty.txt", "line": None, "column": None})
    truncated = json.loads((out / "g-truncated" / "report.json").read_text(encoding="utf-8"))
    assert [t["code"] for t in truncated["skipped_tables"]] == ["xc:noRows"]
    assert truncated["skipped_tables"][0]["source"]["href"] == "g-truncated.txt"
    assert [n["code"] for n in truncated["input_notes"]] == ["xc:illegalCharacters"]
    entry = next(d for d in summary["documents"] if d["input"].endswith("g-truncated.txt"))
    assert {"xc:illegalCharacters", "xc:noRows"} <= set(entry["warning_codes"])
    invalid = json.loads((out / "c-invalid" / "report.json").read_text(encoding="utf-8"))
    balance = [m for m in invalid["validation"]["messages"] if m["code"] == "check.balance"]
    assert balance and balance[0]["level"] == "error"
    assert balance[0]["refs"] == [{"href": "c-invalid.txt", "line": 42, "column": 15}]


def test_arelle_messages_and_calculation_findings_fit_the_report_schema(batch):
    """What Arelle reports (its references, Calculation 1.1 findings) in report.json's shapes."""
    report = json.loads((batch / "one" / "a-valid" / "report.json").read_text(encoding="utf-8"))
    finding = CalcInconsistency("calc11e:inconsistentCalculationUsingRounding", "us-gaap:Assets",
                                "http://example.com/role/BalanceSheet", "I20240630", "USD",
                                "[89449500, 89450500]", "[79449500.0, 79450500.0]", "Calculation inconsistent ...")
    message = ValidationMessage("calc11e:inconsistentCalculationUsingRounding", Level.ERROR, "Calculation ...",
                                "us-gaap:Assets", "arelle", ("/tmp/x/.staging/hlmr-20240630.htm#f12 line 40",))
    report["validation"]["calculation"] = [calculation_json(finding)]
    report["validation"]["messages"] = [message_json(message)]
    assert schema_errors(report, "report") == []
    assert report["validation"]["messages"][0]["refs"] == [{"href": "hlmr-20240630.htm#f12", "line": 40,
                                                            "column": None}]
    assert report["validation"]["calculation"][0]["reported"] == "[89449500, 89450500]"


def test_places_are_reference_objects(batch):
    report = json.loads((batch / "one" / "a-valid" / "report.json").read_text(encoding="utf-8"))
    cells = [c for s in report["statements"] for i in s["line_items"] for c in i["values"]]
    assert cells and all(set(c["source"]) == {"href", "line", "column"} for c in cells)
    assert {c["source"]["href"] for c in cells} == {"a-valid.txt"}
    fact = next(f for f in report["facts"] if f["concept"] == "us-gaap:Assets")
    lines = TAB_EXAMPLE.read_text(encoding="utf-8").split("\n")  # columns count the file as it is
    line = lines[fact["source"]["line"] - 1]
    assert line.startswith("Total assets") and line[fact["source"]["column"] - 1:].startswith("$ 79,450")


def test_summary_paths_are_relative_to_the_output_folder(batch):
    summary = json.loads((batch / "one" / "summary.json").read_text(encoding="utf-8"))
    for document in summary["documents"]:
        assert (batch / "one" / document["input"]).resolve().parent == (batch / "in").resolve()
        assert (batch / "one" / document["output_dir"]).is_dir()
        if document["instance"]:
            assert (batch / "one" / document["instance"]).is_file()
    assert str(batch) not in (batch / "one" / "summary.json").read_text(encoding="utf-8")


def test_two_output_folders_hold_byte_identical_files(batch):
    one, two = batch / "one", batch / "two"
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    assert Path("summary.json") in files and len(files) > 20
    different = [str(rel) for rel in files if not filecmp.cmp(one / rel, two / rel, shallow=False)]
    assert different == []


def test_compare_output_validates_and_names_documents_relative_to_it(tmp_path, batch):
    instance = batch / "one" / "a-valid" / "hlmr-20240630.xml"
    out = tmp_path / "cmp" / "result.json"
    result = run("compare", str(instance), str(FILING_HTM), "--out", str(out))
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert schema_errors(data, "compare") == []
    assert list(data)[:2] == ["schema_version", "tool_version"]
    assert [(place, key) for place, key in _keys(data) if not SNAKE.match(key)] == []
    assert (out.parent / data["release"]["path"]).resolve() == instance.resolve()
    assert {r["status"] for r in data["rows"]} <= {"match", "concept_differs", "value_differs", "only_in_release",
                                                  "only_in_filing"}
    assert "concept differs" in result.output  # the console keeps words


def test_the_schemas_refuse_what_breaks_the_contract(batch):
    report = json.loads((batch / "one" / "a-valid" / "report.json").read_text(encoding="utf-8"))
    report["facts"][0]["source"] = "a-valid.txt:12:40"  # a preformatted place
    assert any("facts/0/source" in e for e in schema_errors(report, "report"))
    summary = json.loads((batch / "one" / "summary.json").read_text(encoding="utf-8"))
    summary["documents"][0]["input"] = str(ROOT / "examples" / "x.txt")  # an absolute path
    assert schema_errors(summary, "summary")
    summary = json.loads((batch / "one" / "summary.json").read_text(encoding="utf-8"))
    summary["documents"][3]["code"] = None  # a failed document without its code
    assert schema_errors(summary, "summary")


@pytest.mark.parametrize("name", SCHEMA_NAMES)
def test_schemas_ship_in_the_package_and_are_valid_draft_2020_12(name):
    schema = load_schema(name)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)  # tests/test_packaging.py: in the wheel


def test_tool_version_falls_back_to_the_source_tree_when_not_installed(monkeypatch):
    from converter import __version__

    def missing(name: str) -> str:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(contract.metadata, "version", missing)
    assert contract.tool_version() == __version__
    assert contract.header() == {"schema_version": "1.0", "tool_version": __version__}


def test_reference_and_path_helpers(tmp_path):
    assert where_json("some/dir/release.txt:42:7") == {"href": "release.txt", "line": 42, "column": 7}
    assert where_json("release.txt:42") == {"href": "release.txt", "line": 42, "column": None}
    assert where_json("release.txt") == {"href": "release.txt", "line": None, "column": None}
    assert where_json(None) is None
    assert relative_path(tmp_path / "in" / "a.txt", tmp_path / "out") == "../in/a.txt"


# ---- error codes -------------------------------------------------------------------------------


def _all_codes() -> dict[str, str]:
    return {**errors.CODES, **errors.WARNING_CODES}


def test_every_error_class_and_raise_site_names_a_known_code():
    classes, todo = [], [errors.ConversionError]
    while todo:
        cls = todo.pop()
        classes.append(cls)
        todo += cls.__subclasses__()
    assert all(cls.code in errors.CODES for cls in classes), [(c.__name__, c.code) for c in classes]
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "converter").rglob("*.py"))
    named = set(re.findall(r'code="(xc:[A-Za-z]+)"', sources)) | set(re.findall(r'"(xc:[A-Za-z]+)"', sources))
    assert named - set(_all_codes()) == set()
    bare = re.findall(r"raise ConversionError\((?:[^()]|\([^()]*\))*\)", sources)
    assert [b for b in bare if "code=" not in b] == []
    with pytest.raises(ValueError, match="unknown error code"):
        errors.InputError("x", code="xc:noSuchCode")


def test_readme_lists_every_code_with_its_meaning_and_no_other():
    """The README's tables of codes are errors.CODES and errors.WARNING_CODES, row for row (the
    missing rows are printed, ready to paste)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = set(readme.splitlines())
    missing = [f"| `{code}` | {meaning} |" for code, meaning in _all_codes().items()
               if f"| `{code}` | {meaning} |" not in lines]
    assert missing == [], "\n".join(missing)
    listed = set(re.findall(r"^\| `(xc:[A-Za-z]+)` \|", readme, re.MULTILINE))
    assert listed - set(_all_codes()) == set(), "the README lists codes errors.py does not define"
    for name in SCHEMA_NAMES:
        assert f"converter/schemas/{name}.schema.json" in readme


def test_a_folder_the_tool_did_not_write_fails_with_its_code_and_no_absolute_path(tmp_path):
    out = tmp_path / "out"
    (out / "halmer-robotics-q2-2024").mkdir(parents=True)
    (out / "halmer-robotics-q2-2024" / "diary.txt").write_text("precious")
    result = run("convert", str(TAB_EXAMPLE), "--out", str(out), "--no-validate")
    assert result.exit_code == 1 and "was not written by xbrl-convert" in result.output
    summary = json.loads((out / "summary.json").read_text(encoding="utf-8"))
    assert schema_errors(summary, "summary") == []
    (entry,) = summary["documents"]
    assert (entry["status"], entry["code"], entry["output_dir"]) == ("failed", "xc:outputNotOurs", None)
    assert str(tmp_path) not in json.dumps(summary) and "halmer-robotics-q2-2024" in entry["message"]


def test_compare_output_with_text_and_dimensional_facts_validates(tmp_path, batch):
    """Text facts (nil-able, no unit or decimals), dimensions as objects, the inline release itself."""
    inline = batch / "one" / "a-valid" / "hlmr-20240630.htm"
    out = tmp_path / "cmp.json"
    result = run("compare", str(inline), str(FILING_HTM), "--out", str(out), "--text", "--dimensional")
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert schema_errors(data, "compare") == []
    text = [r for r in data["rows"] if (r["release"] or r["filing"])["unit"] is None]
    assert text and all((r["release"] or r["filing"])["decimals"] is None for r in text)
    dimensional = [r for r in data["rows"] if r["dimensions"]]
    assert dimensional and set(dimensional[0]["dimensions"][0]) == {"dimension", "member"}
