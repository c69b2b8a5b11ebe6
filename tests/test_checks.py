"""The converter's own checks: totals add up, the balance sheet balances, no negative assets."""

from __future__ import annotations

from converter.checks import run_checks
from converter.concepts import concept_table
from converter.map import EntityId, map_release
from converter.model import Level, StatementKind
from modelkit import CA, CL, L, SE, A, balance_sheet, item, operations, release, statement

ENTITY = EntityId(cik="0001009759", name="Made Up Corp")


def _check(*statements):
    return run_checks(map_release(release(*statements), concept_table(), ENTITY), concept_table())


def test_figures_that_add_up_pass():
    assert _check(balance_sheet(), operations()) == ()


def test_a_total_that_does_not_add_up_is_an_error_naming_the_concept():
    messages = _check(balance_sheet(total_assets="94,137"))
    codes = {(m.code, m.concept) for m in messages}
    assert ("check.total", "us-gaap:Assets") in codes
    assert ("check.balance", "us-gaap:Assets") in codes
    total = next(m for m in messages if m.code == "check.total")
    assert total.level is Level.ERROR and "94137000" in total.message and "94037000" in total.message


def test_running_totals_of_the_statement_of_operations_are_checked():
    messages = _check(operations(revenue="$ 13,221"))
    assert [m.concept for m in messages if m.code == "check.total"] == ["us-gaap:GrossProfit"]


def test_total_liabilities_then_total_liabilities_and_equity():
    bs = statement(StatementKind.BALANCE_SHEET, [
        item("Cash", "100", "90", section=CA),
        item("Total current assets", "100", "90", section=CA),
        item("Total assets", "100", "90", section=A),
        item("Accounts payable", "30", "20", section=CL),
        item("Total current liabilities", "30", "20", section=CL),
        item("Long-term debt", "10", "10", section=L),
        item("Total liabilities", "40", "30", section=L),
        item("Commitments and contingencies", "--", "--", section=L),
        item("Common stock", "1", "1", section=SE),
        item("Additional paid-in capital", "69", "69", section=SE),
        item("Accumulated deficit", "(10)", "(10)", section=SE),
        item("Total stockholders' equity", "60", "60", section=SE),
        item("Total liabilities and stockholders' equity", "100", "90", section=L),
    ])
    assert _check(bs) == ()


def test_rounding_differences_within_half_a_unit_per_figure_are_warnings():
    ops = statement(StatementKind.OPERATIONS, [
        item("Revenue", "10.4", "10"), item("Cost of revenue", "4.3", "4"), item("Gross profit", "6.2", "6")])
    messages = _check(ops)
    assert [(m.code, m.level) for m in messages] == [("check.total", Level.WARNING)]


def test_negative_value_of_a_never_negative_concept_is_an_error():
    ops = statement(StatementKind.OPERATIONS, [item("Revenue", "(5)", "7")])
    messages = _check(ops)
    assert [(m.code, m.concept) for m in messages] == [("check.negative", "us-gaap:Revenues")]


def test_a_total_over_an_unmapped_row_is_not_checked_but_said_so():
    ops = statement(StatementKind.OPERATIONS, [
        item("Revenue", "10", "9"), item("Cost of revenue", "4", "4"), item("Gross profit", "6", "5"),
        item("Warehouse flood losses", "2", "1"), item("Income from operations", "4", "4")])
    messages = _check(ops)
    assert [(m.code, m.level, m.concept) for m in messages] == [
        ("check.skipped", Level.WARNING, "us-gaap:OperatingIncomeLoss")]
    assert "'Warehouse flood losses' is unmapped" in messages[0].message


def test_total_liabilities_under_a_long_term_heading_sums_all_liabilities():
    ltl = L + ("Long-term liabilities",)
    bs = statement(StatementKind.BALANCE_SHEET, [
        item("Cash", "100", "90", section=CA),
        item("Total current assets", "100", "90", section=CA),
        item("Total assets", "100", "90", section=A),
        item("Accounts payable", "30", "20", section=CL),
        item("Total current liabilities", "30", "20", section=CL),
        item("Convertible debt", "10", "10", section=ltl),
        item("Total liabilities", "40", "30", section=ltl),
        item("Common stock", "1", "1", section=SE),
        item("Additional paid-in capital", "59", "59", section=SE),
        item("Total stockholders' equity", "60", "60", section=SE),
        item("Total liabilities and stockholders' equity", "100", "90", section=L),
    ])
    assert _check(bs) == ()


def test_a_named_total_stands_for_its_heading_in_a_running_total():
    rev, costs = ("REVENUE",), ("COSTS AND EXPENSES",)
    ops = statement(StatementKind.OPERATIONS, [
        item("Product revenue", "60", "50", section=rev),
        item("Service revenue", "40", "30", section=rev),
        item("Total revenue", "100", "80", section=rev),
        item("Cost of revenue", "60", "50", section=costs),
        item("Research and development", "30", "20", section=costs),
        item("Total operating costs and expenses", "90", "70", section=costs),
        item("Operating income", "10", "10", section=costs),
        item("Interest expense", "(2)", "(1)", section=costs),
        item("Income before income taxes", "8", "9", section=costs),
    ])
    messages = _check(ops)
    assert [(m.code, m.concept) for m in messages] == [("check.skipped", "us-gaap:Revenues")]
