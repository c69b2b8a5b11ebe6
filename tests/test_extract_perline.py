"""Newswire pages saved as markdown with one table cell per paragraph: the forms their headers,
titles and value cells take (each a fixture of a layout a real small-cap release was printed in;
companies and figures invented)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from converter.extract import extract_text
from converter.extract.titles import TITLE_LINE_RE
from converter.model import CellKind, Period, StatementKind

Q3 = (Period(start=date(2024, 7, 1), end=date(2024, 9, 30)), Period(start=date(2023, 7, 1), end=date(2023, 9, 30)),
      Period(start=date(2024, 1, 1), end=date(2024, 9, 30)), Period(start=date(2023, 1, 1), end=date(2023, 9, 30)))


def _page(*blocks: str) -> str:
    """A release as the wire's page saver writes it: every cell a paragraph of its own."""
    return "# Ostrava Bio Reports Third Quarter 2024 Results\n\n" + "\n\n".join(blocks) + "\n"


def _cells(*cells: str) -> str:
    return "\n\n".join(cells)


OPERATIONS_BODY = _cells(
    " Revenue from grants", "$    2,789", "$         -", "$   3,090", "$           -",
    " Operating expenses:", "Research and development", "7,402", "6,948", "16,105", "14,487",
    " Loss from operations", "(4,613)", "(6,948)", "(13,015)", "(14,487)",
    " Net loss", "$   (4,574)", "$   (6,757)", "$ (12,945)", "$  (13,812)",
)


def _statement(text: str, kind: StatementKind):
    release = extract_text(text, "ostrava.md")
    return next(s for s in release.statements if s.kind is kind)


def test_a_dollar_sign_padded_apart_from_its_figure_is_one_value_cell():
    """ "$    2,789" and "$         -" (the cell's padding kept) were read as rows without a label."""
    text = _page(" ACME BIO, INC.", " Condensed Consolidated Statements of Operations",
                 _cells("Three Months Ended", "Nine Months Ended", "September 30,", "September 30,",
                        "2024", "2023", "2024", "2023"), OPERATIONS_BODY)
    ops = _statement(text, StatementKind.OPERATIONS)
    assert ops.periods == Q3
    assert [(i.label, i.section) for i in ops.items[:2]] == [("Revenue from grants", ()),
                                                              ("Research and development", ("Operating expenses",))]
    assert [i.label for i in ops.items[2:]] == ["Loss from operations", "Net loss"]
    grants = ops.items[0]
    assert [c.value for c in grants.cells] == [Decimal(2789), None, Decimal(3090), None]
    assert [c.kind for c in grants.cells][1::2] == [CellKind.DASH, CellKind.DASH]
    assert [c.value for c in ops.items[-1].cells] == [Decimal(-4574), Decimal(-6757), Decimal(-12945), Decimal(-13812)]


def test_a_line_break_lost_between_ended_and_the_month():
    text = _page(" CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS", "(Unaudited)",
                 _cells("Three Months EndedSeptember 30,", "Nine Months EndedSeptember 30,",
                        "2024", "2023", "2024", "2023"), OPERATIONS_BODY)
    assert _statement(text, StatementKind.OPERATIONS).periods == Q3


def test_a_qualified_title_ending_in_information_or_data():
    text = _page(" Condensed Consolidated Statements of Operations Information",
                 " (amounts in thousands, except per share information)",
                 _cells("Three Months Ended", "Nine Months Ended", "September 30,", "September 30,",
                        "2024", "2023", "2024", "2023"), OPERATIONS_BODY)
    ops = _statement(text, StatementKind.OPERATIONS)
    assert ops.title == "Condensed Consolidated Statements of Operations"
    assert ops.scale.exponent == 3


@pytest.mark.parametrize(("line", "title"), [
    ("CONSOLIDATED STATEMENTS OF OPERATIONS DATA", "CONSOLIDATED STATEMENTS OF OPERATIONS"),
    ("Condensed Consolidated Balance Sheet Information (Unaudited)", "Condensed Consolidated Balance Sheet"),
    # the company's name in capitals before the title, a corporate word closing it
    (" OSTRAVA ROYALTY HOLDING CORPORATION STATEMENTS OF OPERATIONS (Unaudited)", "STATEMENTS OF OPERATIONS"),
    ("KESTREL CLINICAL SERVICES, LTD. CONSOLIDATED BALANCE SHEETS", "CONSOLIDATED BALANCE SHEETS"),
    ("BRANDT & SONS, INC. AND SUBSIDIARIES CONSOLIDATED STATEMENTS OF CASH FLOWS",
     "CONSOLIDATED STATEMENTS OF CASH FLOWS"),
    # a bank's summary of average balances, the registrant's own statements, prose: no titles
    ("Balance Sheet Data (average) ($ in billions)", None),
    ("Selected Balance Sheet Data", None),
    ("PARENT COMPANY STATEMENTS OF INCOME", None),
    ("We refer to the Ostrava Inc. statements of operations", None),
])
def test_title_lines(line, title):
    match = TITLE_LINE_RE.match(line)
    assert (match["title"] if match else None) == title


def test_the_company_name_on_the_title_line_of_a_per_line_statement():
    text = _page(" OSTRAVA ROYALTY HOLDING CORPORATION STATEMENTS OF OPERATIONS (Unaudited)",
                 _cells("For the Three Months  Ended September 30, 2024", "For the Three Months Ended September 30, 2023"),
                 _cells(" Royalty income", "898,334", "136,020", " Net income (loss)", "12,418", "(40,121)"))
    ops = _statement(text, StatementKind.OPERATIONS)
    assert ops.periods == Q3[:2]
    assert [c.value for c in ops.items[-1].cells] == [Decimal(12418), Decimal(-40121)]


def test_a_heading_printed_before_the_period_cells_opens_the_body():
    """ "ASSETS" in the first cell of the header row came out before the dates: the statement was
    skipped for want of column headers."""
    text = _page(" OSTRAVA ROYALTY HOLDING CORPORATION", " BALANCE SHEET",
                 _cells(" ASSETS", "Dec. 31,", " 2024", "Dec. 31,", " 2023",
                        " Cash and Cash Equivalents", "$", "114,138", "$", "195,486",
                        " TOTAL ASSETS", "$", "914,138", "$", "995,486"))
    sheet = _statement(text, StatementKind.BALANCE_SHEET)
    assert sheet.periods == (Period(end=date(2024, 12, 31)), Period(end=date(2023, 12, 31)))
    cash = sheet.items[0]
    assert (cash.label, cash.section) == ("Cash and Cash Equivalents", ("ASSETS",))
    assert [c.value for c in cash.cells] == [Decimal(114138), Decimal(195486)]
