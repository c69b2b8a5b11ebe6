"""End to end on whole releases: the facts of each instance equal a reviewed golden fact list.

Golden lists live in tests/golden/<input stem>.facts (one fact a line: concept, period, value,
unit, decimals). They were written from the converter's output and checked line by line against
the releases. To rewrite them after a deliberate change, run
    XBRL_CONVERT_UPDATE_GOLDEN=1 python -m pytest tests/test_golden.py
and review the diff.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from converter.concepts import concept_table, default_entity_registry_path, load_entity_registry
from converter.pipeline import ConvertOptions, Status, convert_document

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
SEEDS = ROOT.parent / "shared" / "seeds"
EXAMPLES = sorted((ROOT / "examples").glob("*.txt"))
FIXTURES = sorted(p for p in (ROOT / "tests" / "fixtures" / "releases").glob("*.*")
                  if p.suffix in (".txt", ".htm", ".html", ".md"))
SEED_NAMES = ["000_39990f83eaa31146", "001_d66fa3068a69915c", "002_d6bbc0594e33033c", "003_0d8343092353dfea"]


def _fact_line(fact: dict) -> str:
    period = fact["period"]
    when = f"{period['start']}..{period['end']}" if period["start"] else period["end"]
    value = "nil" if fact["nil"] else fact["value"]
    return f"{fact['concept']} | {when} | {value} | {fact['unit'] or '-'} | {fact['decimals']}"


def convert(path: Path, tmp_path: Path) -> tuple[object, dict]:
    options = ConvertOptions(out_dir=tmp_path)
    result = convert_document(path, tmp_path / path.stem, options, concept_table(),
                              load_entity_registry(default_entity_registry_path()))
    report = json.loads((tmp_path / path.stem / "report.json").read_text(encoding="utf-8"))
    return result, report


def check_against_golden(path: Path, tmp_path: Path) -> None:
    result, report = convert(path, tmp_path)
    golden = GOLDEN / f"{path.stem}.facts"
    if result.status is Status.NO_STATEMENTS:
        assert not golden.exists()
        assert report["message"] == "no financial statements found"
        return
    assert result.status is Status.VALID, [m for m in report["validation"]["messages"]]
    assert report["validation"]["errors"] == 0
    assert report["unmapped"] == []
    lines = [_fact_line(f) for f in report["facts"]]
    if os.environ.get("XBRL_CONVERT_UPDATE_GOLDEN"):
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text("\n".join(lines) + "\n", encoding="utf-8")
    expected = golden.read_text(encoding="utf-8").splitlines()
    assert lines == expected
    assert all(f["source"] and f["source"]["href"] == path.name for f in report["facts"]
               if f["concept"].startswith("us-gaap:"))


@pytest.mark.parametrize("path", EXAMPLES + FIXTURES, ids=lambda p: p.stem)
def test_project_releases_match_their_golden_facts(path, tmp_path):
    check_against_golden(path, tmp_path)


@pytest.mark.parametrize("name", SEED_NAMES)
def test_seed_releases_match_their_golden_facts(name, tmp_path):
    path = SEEDS / f"{name}.txt"
    if not path.exists():
        pytest.skip(f"acceptance corpus not found at {SEEDS}")
    check_against_golden(path, tmp_path)


def test_a_figure_changed_in_a_release_fails_the_totals_check(tmp_path):
    example = ROOT / "examples" / "halmer-robotics-q2-2024.txt"
    tampered = tmp_path / "in" / example.name
    tampered.parent.mkdir()
    tampered.write_text(example.read_text(encoding="utf-8").replace("Inventories\t18,233", "Inventories\t18,333"),
                        encoding="utf-8")
    result, report = convert(tampered, tmp_path / "out")
    assert result.status is Status.INVALID
    failed = {(m["code"], m["concept"]) for m in report["validation"]["messages"] if m["level"] == "error"}
    # the tool's own check fails it; the calculation linkbase asserts no sum the figures contradict
    assert failed == {("check.total", "us-gaap:AssetsCurrent")}
    calc = (tmp_path / "out" / "halmer-robotics-q2-2024" / "hlmr-20240630_cal.xml").read_text(encoding="utf-8")
    assert 'xlink:from="loc_us-gaap_AssetsCurrent"' not in calc
    assert 'xlink:from="loc_us-gaap_Assets"' in calc  # the sums the figures support are still written


@pytest.mark.parametrize("path", [p for p in EXAMPLES if (GOLDEN / f"{p.stem}.facts").exists()], ids=lambda p: p.stem)
def test_the_same_release_flattened_onto_one_line_gives_the_same_facts(path, tmp_path):
    """Web copies of releases often lose their line breaks: columns survive only as runs of spaces."""
    text = path.read_text(encoding="utf-8").replace("\\$", "$")
    flat = " ".join(line.strip().replace("\t", "   ") for line in text.splitlines() if line.strip())
    assert "\n" not in flat
    flattened = tmp_path / "in" / path.name
    flattened.parent.mkdir()
    flattened.write_text(flat, encoding="utf-8")
    result, report = convert(flattened, tmp_path / "out")
    assert result.status is Status.VALID
    assert [_fact_line(f) for f in report["facts"]] == (GOLDEN / f"{path.stem}.facts").read_text().splitlines()
    assert {f["source"]["line"] for f in report["facts"] if f["source"]} == {1}


def test_inferred_start_dates_are_said_in_the_report(tmp_path):
    path = ROOT / "tests" / "fixtures" / "releases" / "brightwater-outfitters-q1-2024.txt"
    if not path.exists():
        pytest.skip("52/53-week fixture not present")
    _, report = convert(path, tmp_path)
    notes = [n for s in report["statements"] for n in s["notes"]]
    assert notes and all("inferred" in n for n in notes)
    assert any("2024-01-29" in n for n in notes)


def test_non_gaap_and_segment_tables_are_listed_not_tagged(tmp_path):
    path = ROOT / "tests" / "fixtures" / "releases" / "teskara-networks-fy2024.html"
    if not path.exists():
        pytest.skip("newsroom fixture not present")
    _, report = convert(path, tmp_path)
    kinds = {t["kind"] for t in report["ignored_tables"]}
    assert {"non_gaap_reconciliation", "segment"} <= kinds
    assert all(t["source"]["href"] == path.name and t["source"]["line"] >= 1 for t in report["ignored_tables"])


LOSSES_WITHOUT_PARENTHESES = """Made Up Therapeutics, Inc. (NASDAQ:MUTX) Reports Third Quarter Fiscal 2024 Results

MADE UP THERAPEUTICS, INC.
CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
(In thousands, except per share data)

\tThree Months Ended September 30,\t
\t2024\t2023
Revenue\t$ 5,000\t$ 4,000
Cost of revenue\t6,000\t4,500
\t-----\t-----
Gross loss\t1,000\t500
Research and development\t1,200\t1,100
\t-----\t-----
Loss from operations\t2,200\t1,600
Interest income\t30\t20
\t-----\t-----
Loss before income taxes\t2,170\t1,580
Provision for income taxes\t--\t--
\t-----\t-----
Net loss\t$ 2,170\t$ 1,580
\t=====\t=====
"""


def test_losses_printed_without_parentheses_add_up_and_get_negated_labels(tmp_path):
    source = tmp_path / "in" / "made-up-therapeutics.txt"
    source.parent.mkdir()
    source.write_text(LOSSES_WITHOUT_PARENTHESES, encoding="utf-8")
    options = ConvertOptions(out_dir=tmp_path / "out", cik="9990099")
    result = convert_document(source, tmp_path / "out" / "mutx", options, concept_table(),
                              load_entity_registry(default_entity_registry_path()))
    report = json.loads((tmp_path / "out" / "mutx" / "report.json").read_text())
    assert result.status is Status.VALID, report["validation"]["messages"]
    net = [f["value"] for f in report["facts"] if f["concept"] == "us-gaap:NetIncomeLoss"]
    assert net == ["-2170000", "-1580000"]
    labels = (tmp_path / "out" / "mutx" / "mutx-20240930_lab.xml").read_text()
    negated = set(re.findall(r'id="lab_us-gaap_(\w+)_negated"', labels))
    assert negated == {"GrossProfit", "OperatingIncomeLoss", "NetIncomeLoss",
                       "IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"}
