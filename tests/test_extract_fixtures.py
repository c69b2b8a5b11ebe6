"""Extraction of invented releases in each layout, and of broken input."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from converter.errors import ExtractionError, InputError, NoStatementsError
from converter.extract import extract_file, extract_text
from converter.model import CellKind, DetailKind, StatementKind

FIXTURES = Path(__file__).parent / "fixtures" / "extract"


def _values(item):
    return [c.value if c.kind is CellKind.NUMBER else c.kind.value for c in item.cells]


def _item(statement, label):
    (found,) = [i for i in statement.items if i.label == label]
    return found


def _sheets(release):
    by_kind = {s.kind: s for s in release.statements}
    return by_kind[StatementKind.BALANCE_SHEET], by_kind[StatementKind.OPERATIONS]


def _value_rows(path, start, stop, has_values):
    lines = path.read_text().splitlines()[start - 1 : stop]
    return sum(1 for line in lines if has_values(line))


def test_tab_layout_periods_scale_and_sections():
    path = FIXTURES / "tab_release.txt"
    release = extract_file(path)
    assert release.path == str(path)
    sheet, ops = _sheets(release)
    assert [str(p) for p in sheet.periods] == ["2009-12-31", "2008-12-31"]
    assert [str(p) for p in ops.periods] == [
        "2009-10-01..2009-12-31", "2008-10-01..2008-12-31", "2009-01-01..2009-12-31", "2008-01-01..2008-12-31"]
    assert (sheet.scale.exponent, sheet.scale.shares_scaled) == (3, False)
    assert (ops.scale.exponent, ops.scale.shares_scaled) == (3, True)
    assert _item(sheet, "Cash").section == ("ASSETS", "Current assets")
    assert _item(sheet, "Equipment, net").section == ("ASSETS",)
    assert _item(sheet, "Total current assets").section == ("ASSETS", "Current assets")
    assert _item(sheet, "Total current assets").rule_above
    assert _item(ops, "Engineering").section == ("Operating expenses",)
    assert _item(ops, "Gross profit").section == ()


def test_tab_layout_wrapped_label_joins_with_numbers_line():
    sheet, _ = _sheets(extract_file(FIXTURES / "tab_release.txt"))
    (item,) = [i for i in sheet.items if i.label.startswith("Trade receivables")]
    assert item.label.endswith("$95 at December 31, 2008")
    assert _values(item) == [Decimal(4210), Decimal(3980)]
    assert item.source.line == 20
    assert item.cells[0].source.line == 22
    assert [(d.kind, d.value, d.as_of) for d in item.details] == [
        (DetailKind.ALLOWANCE, Decimal(120), date(2009, 12, 31)),
        (DetailKind.ALLOWANCE, Decimal(95), date(2008, 12, 31)),
    ]


def test_tab_layout_rule_split_label_and_dashes():
    _, ops = _sheets(extract_file(FIXTURES / "tab_release.txt"))
    shares = _item(ops, "Shares used in computing net income per share, basic and diluted")
    assert _values(shares) == [Decimal(20000)] * 4
    assert shares.rule_above
    assert _values(_item(ops, "Other expense")) == ["dash", Decimal(-25), "dash", Decimal(-100)]
    eps = _item(ops, "Net income per share -- basic")
    assert [c.decimals_printed for c in eps.cells] == [2, 2, 2, 2]


def test_tab_layout_cell_columns_point_into_the_file():
    path = FIXTURES / "tab_release.txt"
    sheet, _ = _sheets(extract_file(path))
    lines = path.read_text().splitlines()
    for item in sheet.items:
        for cell in item.cells:
            if cell.kind is CellKind.NUMBER:
                line = lines[cell.source.line - 1]
                printed = line[cell.source.column - 1 :].split("\t")[0].replace("\\$", "$")
                assert printed == cell.text


def test_tab_layout_counts_every_value_row():
    path = FIXTURES / "tab_release.txt"
    sheet, ops = _sheets(extract_file(path))

    def has_values(line):
        return "\t" in line and any(c.strip() and "---" not in c and "===" not in c for c in line.split("\t")[1:])

    assert len(sheet.items) == _value_rows(path, 17, 46, has_values)
    assert len(ops.items) == _value_rows(path, 56, 72, has_values)


def test_tab_layout_document_info():
    info = extract_file(FIXTURES / "tab_release.txt").info
    assert info.company_name == "Bluefin Robotics Inc."
    assert (info.exchange, info.ticker) == ("NYSE", "BFR")
    assert info.release_date == date(2010, 3, 4)
    assert info.fiscal_period_text == "Fourth Quarter Fiscal 2009"
    assert (info.fiscal_year_focus, info.fiscal_period_focus) == (2009, "FY")
    assert info.period_end == date(2009, 12, 31)
    assert info.source_of("ticker").line == 6
    assert info.source_of("release_date").line == 2


def test_fixed_width_layout():
    path = FIXTURES / "fixed_width.txt"
    release = extract_file(path)
    sheet, ops = _sheets(release)
    assert [str(p) for p in ops.periods] == [
        "2008-04-01..2008-06-30", "2007-04-01..2007-06-30", "2007-10-01..2008-06-30", "2006-10-01..2007-06-30"]
    assert [str(p) for p in sheet.periods] == ["2008-06-30", "2007-09-30"]
    assert sheet.scale.exponent == 6
    assert _values(_item(ops, "Net sales")) == [Decimal(15200), Decimal(12900), Decimal(44310), Decimal(38020)]
    assert _values(_item(ops, "Interest expense")) == ["dash", Decimal(-12), Decimal(-5), Decimal(-40)]
    assert _values(_item(ops, "Net income per share -- diluted")) == [
        Decimal("0.14"), Decimal("0.09"), Decimal("0.39"), Decimal("0.28")]
    wrapped = _item(ops, "Weighted average shares outstanding used in per share amounts")
    assert _values(wrapped) == [Decimal(20100), Decimal(19950), Decimal(20050), Decimal(19900)]
    assert _item(ops, "Research and development").section == ("Operating expenses",)
    assert _values(_item(sheet, "Goodwill")) == [Decimal("5.0"), "dash"]
    assert _item(sheet, "Goodwill").cells[0].decimals_printed == 1
    assert _item(sheet, "Total current assets").section == ("ASSETS", "Current assets")
    assert _item(sheet, "Goodwill").section == ("ASSETS",)
    total = _item(sheet, "Total liabilities and stockholders' equity")
    assert _values(total) == [Decimal("46.3"), Decimal("35.1")]
    lines = path.read_text().splitlines()
    for item in ops.items + sheet.items:
        for cell in item.cells:
            if cell.kind is CellKind.NUMBER:
                assert lines[cell.source.line - 1][cell.source.column - 1 :].startswith(cell.text)
    assert release.info.company_name == "Harbor Lantern Corp."
    assert (release.info.exchange, release.info.ticker) == ("NASDAQ", "HLAN")
    assert release.info.release_date == date(2008, 8, 6)
    assert release.info.period_end == date(2008, 6, 30)


def test_flattened_layout():
    path = FIXTURES / "flattened.txt"
    release = extract_file(path)
    sheet, ops = _sheets(release)
    assert [str(p) for p in sheet.periods] == ["2009-12-31", "2009-06-30"]
    assert [str(p) for p in ops.periods] == [
        "2009-10-01..2009-12-31", "2008-10-01..2008-12-31", "2009-07-01..2009-12-31", "2008-07-01..2008-12-31"]
    labels = [i.label for i in sheet.items]
    assert labels[0] == "Cash and cash equivalents"
    assert _item(sheet, "Cash and cash equivalents").section == ("ASSETS", "Current Assets")
    assert _item(sheet, "Accounts payable").section == ("LIABILITIES AND STOCKHOLDERS' EQUITY", "Current Liabilities")
    assert len(sheet.items) == 11
    assert _values(_item(sheet, "Other current liabilities")) == [Decimal(1385), "dash"]
    assert _values(_item(ops, "Interest expense")) == ["dash", Decimal(-1), "dash", Decimal(-2)]
    net = _item(ops, "Net loss")
    assert [c.text for c in net.cells] == ["$ (8,453)", "$(10,419)", "$(18,860)", "$(19,751)"]
    assert _item(ops, "Net loss per share -- Basic and Diluted").cells[1].value == Decimal("-0.10")
    line = path.read_text()
    for item in sheet.items + ops.items:
        assert line[item.source.column - 1 :].startswith(item.label)
        for cell in item.cells:
            assert cell.source.line == 1
            if cell.kind is not CellKind.BLANK:
                assert line[cell.source.column - 1 :].startswith(cell.text)
    assert release.info.release_date == date(2010, 2, 9)
    assert release.info.company_name == "Quillmark Systems Inc."


@pytest.mark.parametrize(
    ("name", "error", "where", "words"),
    [
        ("empty.txt", InputError, "", "empty file"),
        ("whitespace.txt", InputError, "", "empty file"),
        ("binary.bin", InputError, "", "binary file"),
        ("bad_utf8.txt", InputError, ":3", "line 3"),
        ("narrative.txt", NoStatementsError, "", "no financial statements found"),
        ("truncated_header_only.txt", ExtractionError, ":15", "no rows"),
        ("truncated_mid_row.txt", ExtractionError, ":20", "cut off"),
        ("flattened_truncated.txt", ExtractionError, ":1", "cut off"),
    ],
)
def test_bad_input_raises(name, error, where, words):
    path = FIXTURES / name
    with pytest.raises(error) as info:
        extract_file(path)
    assert info.value.where == str(path) + where
    assert words in info.value.message


def test_unreadable_table_is_skipped_and_named_while_the_rest_is_read():
    path = FIXTURES / "too_many_values.txt"
    release = extract_file(path)
    assert [s.kind.value for s in release.statements] == ["operations"]
    (skipped,) = release.skipped_tables
    assert skipped.kind == "balance_sheet" and skipped.title == "CONSOLIDATED BALANCE SHEETS"
    assert skipped.where == f"{path}:23" and "3 values" in skipped.reason


def test_encoding_option_decodes_other_encodings():
    with pytest.raises(NoStatementsError):
        extract_file(FIXTURES / "bad_utf8.txt", encoding="latin-1")


def test_extract_text_uses_given_path_everywhere():
    text = (FIXTURES / "tab_release.txt").read_text()
    release = extract_text(text, "some/where.txt")
    refs = [c.source.path for s in release.statements for i in s.items for c in i.cells]
    assert set(refs) == {"some/where.txt"}
    assert {ref.path for _, ref in release.info.sources} == {"some/where.txt"}


def test_crlf_input_gives_same_result():
    text = (FIXTURES / "tab_release.txt").read_text()
    plain = extract_text(text, "r.txt")
    crlf = extract_text(text.replace("\n", "\r\n"), "r.txt")
    assert plain == crlf
