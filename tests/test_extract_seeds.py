"""Acceptance: the real releases in ../shared/seeds (skipped when the folder is absent)."""

from __future__ import annotations

from datetime import date
import re
from decimal import Decimal
from pathlib import Path

import pytest

from converter.errors import NoStatementsError
from converter.extract import extract_file
from converter.model import CellKind, DetailKind, StatementKind

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def _seed(prefix):
    if not SEEDS.is_dir():
        pytest.skip(f"no seeds folder at {SEEDS}")
    found = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not found:
        pytest.skip(f"seed {prefix} not present")
    return found[0]


def _sheets(path):
    release = extract_file(path)
    by_kind = {s.kind: s for s in release.statements}
    return release, by_kind[StatementKind.BALANCE_SHEET], by_kind[StatementKind.OPERATIONS]


def _table(statement):
    """(label start, section, values) per item; DASH as "--", BLANK as None."""
    out = []
    for item in statement.items:
        values = [str(c.value) if c.kind is CellKind.NUMBER else ("--" if c.kind is CellKind.DASH else None)
                  for c in item.cells]
        out.append((item.label, item.section, values))
    return out


def _values(statement, label):
    (item,) = [i for i in statement.items if i.label.startswith(label)]
    return [str(c.value) if c.kind is CellKind.NUMBER else c.kind.value for c in item.cells], item


def _tab_value_rows(path, first_line, last_line):
    lines = path.read_text().splitlines()[first_line - 1 : last_line]
    return sum(1 for line in lines if line.split("\t")[0].strip() and any(_is_value(f) for f in line.split("\t")[1:]))


def _is_value(field):
    return bool(re.fullmatch(r"(?:\\?\$\s*)?\(?[\d,.]+\)?|--", field.strip()))


A = "ASSETS"
CA = (A, "Current Assets")
L = "LIABILITIES AND STOCKHOLDERS' EQUITY"
CL = (L, "Current Liabilities")
SE = (L, "Stockholders' Equity")

SHEET_000 = [
    ("Cash and cash equivalents", CA, ["45988", "42605"]),
    ("Accounts receivable, net of allowance", CA, ["10856", "6768"]),
    ("Inventories", CA, ["23887", "14472"]),
    ("Prepaid expenses and other current assets", CA, ["2941", "1614"]),
    ("Total current assets", CA, ["83672", "65459"]),
    ("Property, plant and equipment, net", (A,), ["7268", "5536"]),
    ("Non-current portion of inventories", (A,), ["2388", "2221"]),
    ("Intangible asset, net", (A,), ["490", "624"]),
    ("Other assets", (A,), ["219", "206"]),
    ("Total", (A,), ["94037", "74046"]),
    ("Accounts payable and accrued expenses", CL, ["11890", "7964"]),
    ("Accrued salaries and wages", CL, ["1917", "1519"]),
    ("Accrued warranty reserve", CL, ["4321", "4591"]),
    ("Deferred revenue", CL, ["1012", "780"]),
    ("Current portion of notes payable", CL, ["19", "13"]),
    ("Other current liabilities", CL, ["3540", "5658"]),
    ("Total current liabilities", CL, ["22699", "20525"]),
    ("Long-term portion of notes payable", (L,), ["31", "5"]),
    ("Other long-term liabilities", (L,), ["387", "463"]),
    ("Commitments and contingencies", (L,), ["--", "--"]),
    ("Preferred stock", SE, ["--", "--"]),
    ("Common stock", SE, ["174", "148"]),
    ("Additional paid-in capital", SE, ["664725", "626952"]),
    ("Accumulated deficit", SE, ["-593111", "-573383"]),
    ("Treasury stock", SE, ["-868", "-664"]),
    ("Total stockholders' equity", SE, ["70920", "53053"]),
    ("Total", (L,), ["94037", "74046"]),
]

OPS_000 = [
    ("Revenue", (), ["13121", "7219", "20645", "12834"]),
    ("Cost of goods sold", (), ["13448", "7975", "22074", "16063"]),
    ("Gross loss", (), ["-327", "-756", "-1429", "-3229"]),
    ("Research and development", ("Operating expenses",), ["2017", "2433", "4001", "5182"]),
    ("Selling, general and administrative", ("Operating expenses",), ["7720", "5910", "14651", "11803"]),
    ("Total operating expenses", ("Operating expenses",), ["9737", "8343", "18652", "16985"]),
    ("Loss from operations", (), ["-10064", "-9099", "-20081", "-20214"]),
    ("Interest income", (), ["153", "646", "355", "1356"]),
    ("Loss before income taxes", (), ["-9911", "-8453", "-19726", "-18858"]),
    ("Provision for income taxes", (), ["--", "--", "2", "2"]),
    ("Net loss", (), ["-9911", "-8453", "-19728", "-18860"]),
    ("Net loss per common share -- Basic and Diluted", (), ["-0.06", "-0.06", "-0.13", "-0.13"]),
    ("Weighted average shares used to calculate Basic and Diluted net loss per common share", (),
     ["159240", "145440", "154990", "144710"]),
]


def _assert_table(statement, expected):
    got = _table(statement)
    assert len(got) == len(expected)
    for (label, section, values), (want_label, want_section, want_values) in zip(got, expected):
        assert label.startswith(want_label)
        assert (section, values) == (want_section, want_values), label


def test_000_statements():
    path = _seed("000")
    release, sheet, ops = _sheets(path)
    assert [str(p) for p in sheet.periods] == ["2008-09-30", "2008-03-31"]
    assert [str(p) for p in ops.periods] == [
        "2008-07-01..2008-09-30", "2007-07-01..2007-09-30", "2008-04-01..2008-09-30", "2007-04-01..2007-09-30"]
    assert (sheet.scale.exponent, sheet.scale.shares_scaled) == (3, False)
    assert (ops.scale.exponent, ops.scale.shares_scaled) == (3, True)
    _assert_table(sheet, SHEET_000)
    _assert_table(ops, OPS_000)
    assert len(sheet.items) == _tab_value_rows(path, sheet.source.line, ops.source.line)
    assert len(ops.items) == _tab_value_rows(path, ops.source.line, 10_000)
    eps = [i for i in ops.items if "per common share --" in i.label][0]
    assert eps.cells[0].value == Decimal("-0.06") and eps.cells[0].decimals_printed == 2


def test_000_label_facts():
    path = _seed("000")
    _, sheet, _ = _sheets(path)
    values, receivable = _values(sheet, "Accounts receivable")
    assert values == ["10856", "6768"]
    assert receivable.label.endswith("$629 at March 31, 2008")
    assert receivable.cells[0].source.line == receivable.source.line + 2
    assert [(d.kind, d.value, d.as_of) for d in receivable.details] == [
        (DetailKind.ALLOWANCE, Decimal(687), date(2008, 9, 30)),
        (DetailKind.ALLOWANCE, Decimal(629), date(2008, 3, 31)),
    ]
    _, treasury = _values(sheet, "Treasury stock")
    assert [(d.kind, d.value, d.as_of) for d in treasury.details] == [
        (DetailKind.TREASURY_SHARES, Decimal(724309), date(2008, 9, 30)),
        (DetailKind.TREASURY_SHARES, Decimal(660541), date(2008, 3, 31)),
    ]
    _, common = _values(sheet, "Common stock")
    assert [(d.kind, d.value, d.as_of) for d in common.details] == [
        (DetailKind.PAR_VALUE, Decimal("0.001"), None),
        (DetailKind.SHARES_AUTHORIZED, Decimal(415000000), None),
        (DetailKind.SHARES_ISSUED, Decimal(174323989), date(2008, 9, 30)),
        (DetailKind.SHARES_OUTSTANDING, Decimal(173599680), date(2008, 9, 30)),
        (DetailKind.SHARES_ISSUED, Decimal(148238852), date(2008, 3, 31)),
        (DetailKind.SHARES_OUTSTANDING, Decimal(147578311), date(2008, 3, 31)),
    ]
    _, preferred = _values(sheet, "Preferred stock")
    assert (DetailKind.SHARES_ISSUED, Decimal(0), None) in [(d.kind, d.value, d.as_of) for d in preferred.details]
    lines = path.read_text().splitlines()
    for detail in receivable.details + treasury.details + common.details:
        line = lines[detail.source.line - 1]
        assert line[detail.source.column - 1 :].replace("\\$", "$").startswith(detail.text.split()[0])


def test_000_document_info():
    release, _, _ = _sheets(_seed("000"))
    info = release.info
    assert info.company_name == "Capstone Turbine Corporation"
    assert (info.exchange, info.ticker) == ("NASDAQ", "CPST")
    assert info.release_date == date(2008, 11, 10)
    assert (info.fiscal_period_text, info.fiscal_year_focus, info.fiscal_period_focus) == (
        "Second Quarter Fiscal 2009", 2009, "Q2")
    assert info.period_end == date(2008, 9, 30)
    assert all(info.source_of(name) is not None for name in ("company_name", "ticker", "release_date"))


def test_001_rule_split_label_and_undated_treasury():
    path = _seed("001")
    release, sheet, ops = _sheets(path)
    assert [str(p) for p in ops.periods] == ["2007-04-01..2007-06-30", "2006-04-01..2006-06-30"]
    values, weighted = _values(ops, "Weighted average shares")
    assert weighted.label == "Weighted average shares used to calculate Basic and Diluted net loss per share"
    assert values == ["144000", "103323"]
    assert weighted.rule_above
    _, treasury = _values(sheet, "Treasury stock")
    assert [(d.kind, d.value, d.as_of) for d in treasury.details] == [
        (DetailKind.TREASURY_SHARES, Decimal(551356), None)]
    assert _values(sheet, "Current portion of notes payable")[1].section == (
        "LIABILITIES AND STOCKHOLDERS' EQUITY", "Current Liabilities")
    assert len(sheet.items) == _tab_value_rows(path, sheet.source.line, ops.source.line)
    assert len(ops.items) == _tab_value_rows(path, ops.source.line, 10_000)
    assert release.info.fiscal_period_focus == "Q1"


SHEET_002 = [
    ("Cash and cash equivalents", CA, ["46276", "60322"]),
    ("Accounts receivable, net of allowance", CA, ["5876", "3514"]),
    ("Inventories", CA, ["18515", "21283"]),
    ("Prepaid expenses and other current assets", CA, ["1391", "1614"]),
    ("Total current assets", CA, ["72058", "86733"]),
    ("Property, plant and equipment, net", (A,), ["5619", "6256"]),
    ("Non-current portion of inventories", (A,), ["3181", "3005"]),
    ("Intangible asset, net and other long-term assets", (A,), ["911", "1009"]),
    ("Total", (A,), ["81769", "97003"]),
    ("Accounts payable and accrued expenses", CL, ["5804", "5686"]),
    ("Accrued salaries and wages", CL, ["1296", "1434"]),
    ("Accrued warranty reserve", CL, ["6017", "6554"]),
    ("Deferred revenue", CL, ["794", "937"]),
    ("Current portion of notes payable", CL, ["13", "19"]),
    ("Other current liabilities", CL, ["1385", "--"]),
    ("Total current liabilities", CL, ["15309", "14630"]),
    ("Long-term portion of notes payable", (L,), ["12", "27"]),
    ("Other long-term liabilities", (L,), ["515", "561"]),
    ("Commitments and contingencies", (L,), ["--", "--"]),
    ("Preferred stock", SE, ["--", "--"]),
    ("Common stock", SE, ["146", "145"]),
    ("Additional paid-in capital", SE, ["622476", "619423"]),
    ("Accumulated deficit", SE, ["-556130", "-537270"]),
    ("Deferred stock compensation", SE, ["--", "--"]),
    ("Treasury stock", SE, ["-559", "-513"]),
    ("Total stockholders' equity", SE, ["65933", "81785"]),
    ("Total", (L,), ["81769", "97003"]),
]

OPS_002 = [
    ("Revenue", (), ["7219", "2946", "12834", "9512"]),
    ("Cost of goods sold", (), ["7975", "5282", "16063", "13084"]),
    ("Gross loss", (), ["-756", "-2336", "-3229", "-3572"]),
    ("Research and development", ("Operating expenses",), ["2433", "2592", "5182", "5398"]),
    ("Selling, general and administrative", ("Operating expenses",), ["5910", "6061", "11803", "11976"]),
    ("Total operating expenses", ("Operating expenses",), ["8343", "8653", "16985", "17374"]),
    ("Loss from operations", (), ["-9099", "-10989", "-20214", "-20946"]),
    ("Interest income", (), ["646", "571", "1356", "1198"]),
    ("Interest expense", (), ["--", "-1", "--", "-2"]),
    ("Other income", (), ["--", "--", "--", "1"]),
    ("Loss before income taxes", (), ["-8453", "-10419", "-18858", "-19749"]),
    ("Provision for income taxes", (), ["--", "--", "2", "2"]),
    ("Net loss", (), ["-8453", "-10419", "-18860", "-19751"]),
    ("Net loss per share of common stock -- Basic and Diluted", (), ["-0.06", "-0.10", "-0.13", "-0.19"]),
    ("Weighted average shares used to calculate Basic and Diluted net loss per share", (),
     ["145440", "103901", "144710", "103612"]),
]


def test_002_flattened():
    path = _seed("002")
    release, sheet, ops = _sheets(path)
    assert [str(p) for p in sheet.periods] == ["2007-09-30", "2007-03-31"]
    assert [str(p) for p in ops.periods] == [
        "2007-07-01..2007-09-30", "2006-07-01..2006-09-30", "2007-04-01..2007-09-30", "2006-04-01..2006-09-30"]
    _assert_table(sheet, SHEET_002)
    _assert_table(ops, OPS_002)
    line = path.read_text().splitlines()[0]
    for item in sheet.items + ops.items:
        assert line[item.source.column - 1 :].startswith(item.label)
        for cell in item.cells:
            assert cell.source.line == 1
            assert line[cell.source.column - 1 :].startswith(cell.text)
    (net,) = [i for i in ops.items if i.label == "Net loss"]
    assert [c.text for c in net.cells][:2] == ["$ (8,453)", "$(10,419)"]
    assert release.info.release_date == date(2007, 11, 8)
    assert (release.info.fiscal_year_focus, release.info.fiscal_period_focus) == (2008, "Q2")


def test_003_narrative_only():
    path = _seed("003")
    with pytest.raises(NoStatementsError) as info:
        extract_file(path)
    assert info.value.message == "no financial statements found"
    assert info.value.where == str(path)
