"""Header bands of HTML statements: label-column text, period forms, change columns, titles."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from converter.extract import extract_text
from converter.extract.headers import is_period_text
from converter.model import StatementKind


def release(table: str, above: str = "") -> str:
    return (f"<html><body><p>Brindlewood Bancorp (NYSE: BWB) reports.</p>\n{above}\n<table>\n{table}\n"
            f"</table></body></html>\n")


def row(*cells: str) -> str:
    return "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"


@pytest.mark.parametrize("text", ["3/31/2022", "12/31/21", "30-Sep-24", "4Q21", "4Q 2021", "Q3-2024", "3Q25",
                                  "Second Quarter 2021", "FY 2021", "Full Year 2020"])
def test_period_forms(text):
    assert is_period_text(text)


def test_plain_words_are_no_period_forms():
    assert not is_period_text("Total loans")


def test_title_and_scale_in_label_column_of_header_rows():
    table = (row("CONSOLIDATED STATEMENTS OF INCOME", "Quarter Ended", "Three Month", "Quarter Ended")
             + row("(unaudited) (in 000s)", "June 30, 2008", "Change", "Mar 31, 2008")
             + row("Interest on loans", "$ 20,446", "-10%", "$ 22,637")
             + row("Net income", "2,020", "-46%", "3,772"))
    (st,) = extract_text(release(table), "b.htm").statements
    assert st.kind is StatementKind.OPERATIONS
    assert st.scale.exponent == 3
    assert [str(p) for p in st.periods] == ["2008-04-01..2008-06-30", "2008-01-01..2008-03-31"]
    assert [c.value for c in st.items[1].cells] == [Decimal(2020), Decimal(3772)]


def test_quarter_codes_change_and_full_year_columns():
    table = (row("($ in millions)", "QUARTERLY TRENDS", "", "CHANGE VS.", "FULL YEAR", "")
             + row("Assets", "4Q 21", "3Q 21", "3Q 21", "FY 2021", "FY 2020")
             + row("Net interest income", "1,663", "1,603", "60", "6,205", "4,739")
             + row("Net income", "652", "600", "52", "2,000", "1,100"))
    table = table.replace("<td>CHANGE VS.</td>", "<td colspan=1>CHANGE VS.</td>")
    (st,) = extract_text(release(table, "<p>Consolidated Statements of Income</p>"), "b.htm").statements
    assert [str(p) for p in st.periods] == ["2021-10-01..2021-12-31", "2021-07-01..2021-09-30",
                                            "2021-01-01..2021-12-31", "2020-01-01..2020-12-31"]
    assert [c.value for c in st.items[0].cells] == [Decimal(1663), Decimal(1603), Decimal(6205), Decimal(4739)]
    assert st.items[0].section == ("Assets",)


def test_numeric_dates_under_a_spanning_duration():
    table = (row("", "<b>Three months ended</b>", "", "")
             + row("", "3/31/2022", "12/31/2021", "3/31/2021")
             + row("Loans", "837", "873", "889")
             + row("Net income", "448", "629", "622"))
    table = table.replace("<td><b>Three months ended</b></td><td></td><td></td>",
                          "<td colspan=3>Three months ended</td>")
    (st,) = extract_text(release(table, "<p>Consolidated Statements of Income</p>"), "b.htm").statements
    assert [str(p) for p in st.periods] == ["2022-01-01..2022-03-31", "2021-10-01..2021-12-31",
                                            "2021-01-01..2021-03-31"]


BODY = row("", "December 31, 2021", "September 30, 2021") + row("Loans", "100", "90") + row("Total assets", "300", "280")


@pytest.mark.parametrize("title, kind", [
    ("Consolidated Income Statement", StatementKind.OPERATIONS),
    ("Consolidated Statement of Condition", StatementKind.BALANCE_SHEET),
    ("CONSOLIDATED PERIOD-END BALANCE SHEET", StatementKind.BALANCE_SHEET),
    ("Consolidated Average Balance Sheet", None),
    ("Selected Income Statement Data", None),
])
def test_titles(title, kind):
    body = BODY.replace("December 31, 2021", "Quarter Ended December 31, 2021").replace(
        "September 30, 2021", "Quarter Ended September 30, 2021")
    text = release(body, f"<p>{title}</p>")
    if kind is None:
        with pytest.raises(Exception):
            extract_text(text, "b.htm")
        return
    (st,) = extract_text(text, "b.htm").statements
    assert st.kind is kind


def test_title_in_a_table_of_its_own_above():
    above = "<table><tr><td>BRINDLEWOOD BANCORP CONSOLIDATED BALANCE SHEET</td></tr></table>"
    (st,) = extract_text(release(BODY, above), "b.htm").statements
    assert st.kind is StatementKind.BALANCE_SHEET
    assert [str(p) for p in st.periods] == ["2021-12-31", "2021-09-30"]


def test_a_summary_titled_like_a_statement_is_not_one():
    text = release(BODY, "<p>Balance Sheet and Credit Quality Summary</p>")
    with pytest.raises(Exception, match="no financial statements"):
        extract_text(text, "b.htm")


def test_a_second_header_band_ends_the_statement_and_a_repeated_one_does_not():
    band = "<tr><td></td><td>December 31, 2021</td><td>September 30, 2021</td></tr>"
    table = (band + row("Loans", "100", "90") + band + row("Total assets", "300", "280")
             + row("Daily VaR", "", "") + "<tr><td></td><td>Three Months Ended December 31, 2021</td>"
             "<td>Year Ended December 31, 2021</td></tr>" + row("Interest rates", "58", "60"))
    (st,) = extract_text(release(table, "<p>Consolidated Balance Sheets</p>"), "b.htm").statements
    assert [i.label for i in st.items] == ["Loans", "Total assets"]


def test_an_untitled_table_with_asset_and_liability_totals_is_a_balance_sheet():
    table = BODY + row("Total liabilities and shareholders’ equity", "300", "280")
    (st,) = extract_text(release(table, "<p>Brindlewood reported results.</p>"), "b.htm").statements
    assert st.kind is StatementKind.BALANCE_SHEET
    assert [i.label for i in st.items][-1] == "Total liabilities and shareholders’ equity"


def test_full_year_columns_before_quarter_columns():
    table = ("<tr><td></td><td colspan=2>Year Ended December 31</td><td>Fourth Quarter 2021</td>"
             "<td>Third Quarter 2021</td><td>Second Quarter 2021</td></tr>"
             + row("", "2021", "2020", "", "", "")
             + row("Total revenue", "89,113", "85,528", "22,060", "22,766", "21,466")
             + row("Net income", "31,978", "17,894", "7,013", "7,691", "9,224"))
    (st,) = extract_text(release(table, "<p>Consolidated Statement of Income</p>"), "b.htm").statements
    assert [str(p) for p in st.periods] == ["2021-01-01..2021-12-31", "2020-01-01..2020-12-31",
                                            "2021-10-01..2021-12-31", "2021-07-01..2021-09-30",
                                            "2021-04-01..2021-06-30"]
    assert [c.value for c in st.items[1].cells] == [Decimal(31978), Decimal(17894), Decimal(7013), Decimal(7691),
                                                    Decimal(9224)]


def test_dollar_and_percent_heads_of_change_columns_stay_in_the_header():
    table = ("<tr><td></td><td>Quarter Ended</td><td></td><td colspan=2>Change</td></tr>"
             + row("", "Dec. 31", "", "", "")
             + row("(Dollars in millions)", "2021", "2020", "$", "%")
             + row("Net interest income", "3,123", "3,175", "(52)", "(1.6)%")
             + row("Net income", "1,602", "1,330", "272", "20.5%"))
    table = table.replace("<td>Quarter Ended</td><td></td>", "<td colspan=2>Quarter Ended</td>")
    table = table.replace("<td>Dec. 31</td><td></td>", "<td colspan=2>Dec. 31</td>")
    (st,) = extract_text(release(table, "<p>Consolidated Statements of Income</p>"), "b.htm").statements
    assert [str(p) for p in st.periods] == ["2021-10-01..2021-12-31", "2020-10-01..2020-12-31"]
    assert [c.value for c in st.items[1].cells] == [Decimal(1602), Decimal(1330)]


def test_an_untitled_average_balance_table_is_not_a_balance_sheet():
    table = BODY + row("Total liabilities and shareholders’ equity", "300", "280")
    with pytest.raises(Exception, match="no financial statements"):
        extract_text(release(table, "<p>Average Balances and Rates</p>"), "b.htm")


def test_the_first_heading_without_a_colon_is_outermost_until_its_total():
    table = (row("", "December 31, 2021", "December 31, 2020") + row("Assets", "", "")
             + row("Cash and due from banks", "29", "36") + row("Debt securities:", "", "")
             + row("Carried at fair value", "308", "246") + row("Total debt securities", "982", "682")
             + row("Loans", "979", "887") + row("Total assets", "1,990", "1,605")
             + row("Deposits", "1,900", "1,500") + row("Total liabilities and shareholders’ equity", "1,990", "1,605"))
    (st,) = extract_text(release(table, "<p>Consolidated Balance Sheet</p>"), "b.htm").statements
    sections = {i.label: i.section for i in st.items}
    assert sections["Carried at fair value"] == ("Assets", "Debt securities")
    assert sections["Loans"] == ("Assets",)
    assert sections["Total assets"] == ("Assets",)
    assert sections["Deposits"] == ()
