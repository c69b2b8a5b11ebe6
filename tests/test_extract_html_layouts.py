"""HTML statement layouts of 10-Q/10-K style filings: row spans, lower-case titles, fiscal
quarters with their own end dates, a period length printed beside a header of years."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from converter.errors import ExtractionError
from converter.extract import extract_text
from converter.extract.periodforms import normalize_header
from converter.model import Period, Statement, StatementKind

ROWS = ("<tr><td>Revenues</td><td>$</td><td>5,843</td><td>$</td><td>5,638</td></tr>"
        "<tr><td>Operating expenses</td><td></td><td>3,300</td><td></td><td>3,200</td></tr>"
        "<tr><td>Net income</td><td>$</td><td>2,543</td><td>$</td><td>2,438</td></tr>"
        "<tr><td>Diluted earnings per share</td><td>$</td><td>4.20</td><td>$</td><td>3.98</td></tr>")


def _page(title: str, header: str, rows: str = ROWS) -> str:
    return (f"<html><body><p>Brackenridge Haulage reports its results for the quarter ended June 30, 2025.</p>"
            f"<p>{title}</p><table>{header}{rows}</table></body></html>")


def _statement(text: str):
    (statement,) = extract_text(text, "p.htm").statements
    return statement


def test_a_label_cell_spanning_two_header_rows_does_not_shift_the_years():
    header = ("<tr><td rowspan=2>(millions of dollars)</td><td colspan=4>Three Months Ended June 30,</td></tr>"
              "<tr><td colspan=2>2025</td><td colspan=2>2024</td></tr>")
    rows = ROWS.replace("<tr><td>", "<tr><td>", 1)
    st = _statement(_page("CONSOLIDATED STATEMENTS OF INCOME", header, rows))
    assert st.periods == (Period(date(2025, 6, 30), date(2025, 4, 1)), Period(date(2024, 6, 30), date(2024, 4, 1)))
    assert [c.value for c in st.items[0].cells] == [Decimal(5843), Decimal(5638)]
    assert st.scale.exponent == 6


def test_a_statement_title_in_lower_case_closing_a_short_heading():
    header = "<tr><td></td><td colspan=2>Three Months Ended June 30,</td></tr><tr><td></td><td>2025</td><td>2024</td></tr>"
    rows = ROWS.replace("<td>$</td>", "").replace("<td></td>", "")
    st = _statement(_page("Brackenridge Haulage and subsidiaries consolidated statements of earnings", header, rows))
    assert st.kind is StatementKind.OPERATIONS
    from converter.extract.tablekind import classify

    assert classify("Brackenridge Haulage and subsidiaries consolidated balance sheets (unaudited)")[0] == "statement"
    assert classify("amounts derived from the consolidated statements of earnings of prior years") is None


def test_a_fiscal_quarter_ended_takes_the_date_printed_under_it():
    assert normalize_header("Fiscal Second Quarter Ended") == "Fiscal Three Months Ended"
    assert normalize_header("Second Quarter 2025") == "Three Months Ended June 30, 2025"
    header = ("<tr><td></td><td colspan=2>Fiscal Second Quarter Ended</td></tr>"
              "<tr><td></td><td>June 29, 2025</td><td>June 30, 2024</td></tr>")
    rows = ROWS.replace("<td>$</td>", "").replace("<td></td>", "")
    st = _statement(_page("CONSOLIDATED STATEMENTS OF EARNINGS", header, rows))
    assert [p.end for p in st.periods] == [date(2025, 6, 29), date(2024, 6, 30)]


def test_a_period_length_beside_a_header_of_years():
    header = ("<tr><td>Millions, except per share amounts, for the three months ended June 30,</td>"
              "<td colspan=2>2025</td><td colspan=2>2024</td></tr>")
    st = _statement(_page("CONDENSED CONSOLIDATED STATEMENTS OF INCOME", header))
    assert st.periods == (Period(date(2025, 6, 30), date(2025, 4, 1)), Period(date(2024, 6, 30), date(2024, 4, 1)))
    assert st.items[0].label == "Revenues"


def test_a_period_length_whose_colspan_stops_short_covers_the_last_year_too():
    header = ("<tr><td></td><td colspan=2>Fiscal Year Ended January 31,</td></tr>"
              "<tr><td></td><td>2025</td><td>2024</td><td>2023</td></tr>")
    rows = ("<tr><td>Revenues</td><td>37,895</td><td>34,857</td><td>31,352</td></tr>"
            "<tr><td>Net income</td><td>6,197</td><td>4,136</td><td>208</td></tr>")
    st = _statement(_page("Consolidated Statements of Operations", header, rows))
    assert [(p.start, p.end) for p in st.periods] == [
        (date(2024, 2, 1), date(2025, 1, 31)), (date(2023, 2, 1), date(2024, 1, 31)), (date(2022, 2, 1), date(2023, 1, 31))]


def test_html_statements_on_a_52_53_week_quarter_in_a_calendar_year():
    """Quarters end on Fridays, the year on December 31: year-to-date columns start on
    January 1, also the prior year's, whose year end the release does not print."""
    ops_header = ("<tr><td></td><td colspan=2>Three Months Ended</td><td colspan=2>Six Months Ended</td></tr>"
                  "<tr><td></td><td>June 27, 2025</td><td>June 28, 2024</td><td>June 27, 2025</td><td>June 28, 2024</td></tr>")
    ops_rows = ("<tr><td>Net operating revenues</td><td>12,535</td><td>12,363</td><td>23,664</td><td>23,663</td></tr>"
                "<tr><td>Net income</td><td>3,810</td><td>2,411</td><td>7,140</td><td>5,588</td></tr>")
    bs = ("<p>CONDENSED CONSOLIDATED BALANCE SHEETS</p><table><tr><td></td><td>June 27, 2025</td>"
          "<td>December 31, 2024</td></tr><tr><td>Cash</td><td>9,000</td><td>10,800</td></tr>"
          "<tr><td>Total assets</td><td>104,000</td><td>100,500</td></tr></table>")
    text = _page("CONDENSED CONSOLIDATED STATEMENTS OF INCOME", ops_header, ops_rows).replace("</body>", bs + "</body>")
    ops = next(s for s in extract_text(text, "p.htm").statements if s.kind is StatementKind.OPERATIONS)
    assert [p.start for p in ops.periods] == [date(2025, 3, 29), date(2024, 3, 30), date(2025, 1, 1), date(2024, 1, 1)]


# a balance sheet printing components in an inner column and their subtotal in an outer one,
# beside the last component (the layout of insurers' and older statements)
_INNER_OUTER = ("<tr><td></td><td colspan=2>December 31, 2024</td><td colspan=2>December 31, 2023</td></tr>"
                "<tr><td>Invested assets</td></tr>"
                "<tr><td>Cash</td><td>1,200</td><td></td><td>900</td><td></td></tr>"
                "<tr><td>Bonds</td><td>8,300</td><td></td><td>7,100</td><td></td></tr>"
                "<tr><td>Accrued investment income</td><td>{accrued}</td><td>9,600</td><td>60</td><td>8,060</td></tr>"
                "<tr><td>Deferred acquisition costs</td><td></td><td>400</td><td></td><td>350</td></tr>"
                "<tr><td>Total assets</td><td></td><td>10,000</td><td></td><td>8,410</td></tr>")


def test_a_subtotal_in_an_outer_column_beside_the_last_component_is_a_row_of_its_own():
    st = _statement(_page("CONSOLIDATED BALANCE SHEETS", "", _INNER_OUTER.format(accrued="100")))
    rows = [(i.label, [c.value for c in i.cells]) for i in st.items]
    assert rows[2] == ("Accrued investment income", [Decimal(100), Decimal(60)])
    assert rows[3] == ("Total invested assets", [Decimal(9600), Decimal(8060)])
    assert rows[3][0] and st.items[3].source.line == st.items[2].source.line
    assert rows[-1] == ("Total assets", [Decimal(10000), Decimal(8410)])


def test_two_figures_per_period_that_are_no_subtotal_stay_an_error():
    from converter.errors import ExtractionError

    import pytest

    with pytest.raises(ExtractionError, match="more values than the statement has periods"):
        _statement(_page("CONSOLIDATED BALANCE SHEETS", "", _INNER_OUTER.format(accrued="150")))


_SHARES_BESIDE_DATES = (
    "<tr><td colspan=5>Amounts in millions</td><td>March 31, 2025</td><td></td><td>June 30, 2024</td></tr>"
    "<tr><td>Total assets</td><td></td><td></td><td></td><td></td><td>{assets}</td><td></td><td>122,370</td></tr>"
    "<tr><td>Common stock &#8211; shares issued &#8211;</td><td>March 2025</td><td></td><td>4,009.2</td>"
    "<td></td><td></td><td></td><td></td></tr>"
    "<tr><td></td><td>June 2024</td><td></td><td>4,009.2</td><td></td><td>4,009</td><td></td><td>4,009</td></tr>"
    "<tr><td>Retained earnings</td><td></td><td></td><td></td><td></td><td>131,000</td><td></td><td>127,000</td></tr>")


def test_share_counts_printed_inside_the_label_beside_their_dates_are_part_of_the_label():
    """Procter & Gamble's balance sheet prints the shares issued at each date in a column of the
    label, left of the value columns: the row was refused for having three figures for two
    periods, and with it the whole balance sheet."""
    st = _statement(_page("CONSOLIDATED BALANCE SHEETS", "", _SHARES_BESIDE_DATES.format(assets="125,000")))
    rows = [(i.label, [c.value for c in i.cells]) for i in st.items]
    assert rows[0] == ("Total assets", [Decimal(125000), Decimal(122370)])
    common = next(r for r in rows if r[0].startswith("Common stock"))
    assert common == ("Common stock – shares issued – March 2025 4,009.2 June 2024 4,009.2", [Decimal(4009)] * 2)
    assert rows[-1] == ("Retained earnings", [Decimal(131000), Decimal(127000)])


def test_a_balance_sheet_of_years_at_the_day_its_label_column_states():
    """Procter & Gamble's 10-K: "Amounts in millions except stated values; as of June 30" beside
    "2025" and "2024". The balance sheet had been skipped: no period read from "2025"."""
    header = "<tr><td>Amounts in millions except stated values; as of June 30</td><td>2025</td><td>2024</td></tr>"
    rows = ("<tr><td>Cash and cash equivalents</td><td>$ 9,556</td><td>$ 9,482</td></tr>"
            "<tr><td>Total assets</td><td>$ 125,231</td><td>$ 122,370</td></tr>")
    st = _statement(_page("Consolidated Balance Sheets", header, rows))
    assert st.kind is StatementKind.BALANCE_SHEET
    assert st.periods == (Period(end=date(2025, 6, 30)), Period(end=date(2024, 6, 30)))


def test_a_balance_sheet_of_years_at_the_dates_a_line_under_its_title_states():
    """Southern Company's 10-K: "CONSOLIDATED BALANCE SHEETS" / "At December 31, 2025 and 2024"
    over columns headed "2025" and "2024", the second date's month and day left out."""
    text = ("<html><body><p>CONSOLIDATED BALANCE SHEETS</p><p>At December 31, 2025 and 2024</p>"
            "<p>Made Up Power and Subsidiary Companies</p>"
            "<table><tr><td>Assets</td><td>2025</td><td>2024</td></tr><tr><td>(in millions)</td><td></td><td></td></tr>"
            "<tr><td>Cash and cash equivalents</td><td>$ 1,200</td><td>$ 1,100</td></tr>"
            "<tr><td>Total assets</td><td>$ 9,000</td><td>$ 8,500</td></tr>"
            "<tr><td>Total liabilities and stockholders' equity</td><td>$ 9,000</td><td>$ 8,500</td></tr></table></body></html>")
    assert _statement(text).periods == (Period(end=date(2025, 12, 31)), Period(end=date(2024, 12, 31)))


BALANCE_ROWS = ("<tr><th>Cash and cash equivalents</th><th>$ 737,877</th><th>$ 431,560</th></tr>"
                "<tr><td>Receivables, net</td><td>199,422</td><td>233,682</td></tr>"
                "<tr><td>Total current assets</td><td>937,299</td><td>665,242</td></tr>"
                "<tr><td>Property and equipment, net</td><td>962,397</td><td>950,777</td></tr>"
                "<tr><td>Total assets</td><td>1,899,696</td><td>1,616,019</td></tr>")


def _rendered_balance_sheet(header_paragraphs: str) -> str:
    """A PDF rendering: the dates and the first headings printed as paragraphs, the table
    starting with its first figures."""
    return ("<html><body><p>Fenwick Outfitters reports its fourth quarter results.</p>"
            "<p><strong>Fenwick Outfitters, Inc.</strong></p>"
            "<p><strong>Condensed Consolidated Balance Sheets (In thousands)</strong></p>"
            f"{header_paragraphs}<p><strong>Assets</strong></p><p>Current assets:</p>"
            f"<table>{BALANCE_ROWS}</table></body></html>")


def test_dates_printed_as_paragraphs_above_a_table_without_header_head_its_columns():
    st = _statement(_rendered_balance_sheet(
        "<p><strong>January 28, January 29,</strong></p><p><strong>2023 2022</strong></p>"
        "<p><strong>(Unaudited)</strong></p>"))
    assert st.kind is StatementKind.BALANCE_SHEET
    assert st.periods == (Period(date(2023, 1, 28)), Period(date(2022, 1, 29)))
    assert st.scale.exponent == 3
    cash, receivables = st.items[0], st.items[1]
    assert [c.value for c in cash.cells] == [Decimal(737877), Decimal(431560)]
    # the headings printed between the dates and the table are the first rows' sections
    assert cash.section == ("Assets", "Current assets") and receivables.section == ("Assets", "Current assets")
    assert st.items[-1].label == "Total assets" and st.items[-1].section == ("Assets",)


def test_paragraphs_naming_fewer_periods_than_the_table_has_columns_are_not_its_header():
    # one date over two columns of figures: not read as the header, the table stays unread
    text = _rendered_balance_sheet("<p><strong>January 28, 2023</strong></p>")
    with pytest.raises(ExtractionError, match="no column headers"):
        extract_text(text, "p.htm")


_SPLIT_HEAD = ("<tr><th></th><th>January 28,<br>2023</th><th></th><th></th><th>January 29,<br>2022</th><th></th></tr>")
_SPLIT_TOP = ("<tr><td>Net sales</td><td>$ 3,226,773</td><td>100.0%</td><td></td><td>$ 2,729,388</td><td>100.0%</td></tr>"
              "<tr><td>Cost of sales</td><td>2,014,270</td><td>62.4%</td><td></td><td>1,702,059</td><td>62.4%</td></tr>"
              "<tr><td>Gross profit</td><td>1,212,503</td><td>37.6%</td><td></td><td>1,027,329</td><td>37.6%</td></tr>")
_SPLIT_MIDDLE = ("<tr><td>Selling, general and administrative expenses</td><td>762,706</td><td>23.6%</td><td></td>"
                 "<td>649,968</td><td>23.8%</td></tr>"
                 "<tr><td>Net income</td><td>$ 340,751</td><td>10.6%</td><td></td><td>$ 289,366</td><td>10.6%</td></tr>")
_SPLIT_SHARES = ("<tr><th>Net income per common share:</th><th colspan=2></th></tr>"
                 "<tr><td>Basic</td><td>$ 6.73</td><td>$ 5.44</td></tr>"
                 "<tr><td>Diluted</td><td>$ 6.68</td><td>$ 5.41</td></tr>")


def _split_statement(between: str = "", last_head: str = "") -> str:
    """A PDF rendering's statement of operations cut into three tables at its page breaks."""
    return ("<html><body><p>Fenwick Outfitters reports its fourth quarter results.</p>"
            "<p><strong>Consolidated Statements of Income (In thousands, except per share data)</strong></p>"
            "<p><strong>13 Weeks Ended</strong></p>"
            f"<table>{_SPLIT_HEAD}{_SPLIT_TOP}</table>{between}<table>{_SPLIT_MIDDLE}</table>"
            f"<p>7</p><table>{last_head}{_SPLIT_SHARES}</table></body></html>")


def test_a_statement_cut_into_tables_at_page_breaks_is_read_as_one():
    st = _statement(_split_statement())
    assert st.periods == (Period(date(2023, 1, 28), date(2022, 10, 30)), Period(date(2022, 1, 29), date(2021, 10, 31)))
    by_label = {item.label: item for item in st.items}
    assert list(by_label) == ["Net sales", "Cost of sales", "Gross profit", "Selling, general and administrative expenses",
                              "Net income", "Basic", "Diluted"]
    assert [c.value for c in by_label["Net income"].cells] == [Decimal(340751), Decimal(289366)]
    # the narrower last table's figures fall under the same two periods, under its own heading
    assert [c.value for c in by_label["Diluted"].cells] == [Decimal("6.68"), Decimal("5.41")]
    assert by_label["Diluted"].section == ("Net income per common share",)
    assert by_label["Diluted"].cells[0].source.line == by_label["Diluted"].source.line


def test_a_statement_goes_on_over_a_10k_page_break_with_its_footnotes_and_running_heads():
    """Salesforce's 10-K prints its cash flows' supplemental disclosure on the next page, after
    the statement's footnote, "See accompanying Notes.", the page number, the company's name,
    the title again with "Supplemental Cash Flow Disclosure" and "(in millions)": all page
    furniture, the table goes on with the statement."""
    between = ("<p>(1) Includes amortization of intangible assets acquired through business combinations.</p>"
               "<p>See accompanying Notes.</p><p>63</p><p>Table of Contents</p><p>Fenwick Outfitters, Inc.</p>"
               "<p>Consolidated Statements of Income</p><p>Supplemental Disclosure</p><p>(in thousands)</p>")
    st = _statement(_split_statement(between=between))
    assert [item.label for item in st.items][:5] == ["Net sales", "Cost of sales", "Gross profit",
                                                     "Selling, general and administrative expenses", "Net income"]


def test_a_table_after_running_text_does_not_continue_the_statement():
    text = _split_statement(between="<p>The company opened 47 new stores during the fiscal year, in 18 states.</p>")
    st = _statement(text)
    assert [item.label for item in st.items] == ["Net sales", "Cost of sales", "Gross profit"]


def test_a_table_headed_with_other_periods_does_not_continue_the_statement():
    head = "<tr><th></th><th>January 28, 2024</th><th>January 29, 2023</th></tr>"
    st = _statement(_split_statement(last_head=head))
    assert "Diluted" not in [item.label for item in st.items]
    assert [item.label for item in st.items][-1] == "Net income"


@pytest.mark.parametrize(("band", "start"), [
    ("Three Mos. Ended June 30,", date(2025, 4, 1)),
    ("Qtr. Ended June 30,", date(2025, 4, 1)),
    ("6 Mos. Ended June 30,", date(2025, 1, 1)),
    ("Six Months Ended June 30,", date(2025, 1, 1)),
])
def test_abbreviated_period_lengths_over_years(band: str, start: date):
    header = f"<tr><td></td><td colspan=4>{band}</td></tr><tr><td></td><td colspan=2>2025</td><td colspan=2>2024</td></tr>"
    st = _statement(_page("CONSOLIDATED STATEMENTS OF INCOME", header))
    assert st.periods[0] == Period(date(2025, 6, 30), start)


@pytest.mark.parametrize(("text", "expected"), [
    ("3 Months Ended", True), ("6 mos. ended June 30, 2024", True), ("13 Wks. Ended", True),
    ("Qtr. Ended Dec. 31, 2024", True), ("Revenue 2024", False), ("6 2024", False),
])
def test_header_text_with_numerals_and_abbreviations(text: str, expected: bool):
    from converter.extract.headers import is_header_text

    assert is_header_text(text) is expected


def test_a_cell_printing_digits_that_read_as_no_figure_is_left_out_and_said_so():
    rows = ROWS.replace("<td>3,300</td>", "<td>3.300,5</td>")
    header = "<tr><td></td><td colspan=4>Three Months Ended June 30,</td></tr><tr><td></td><td colspan=2>2025</td><td colspan=2>2024</td></tr>"
    st = _statement(_page("CONSOLIDATED STATEMENTS OF INCOME", header, rows))
    expenses = next(item for item in st.items if item.label == "Operating expenses")
    assert [c.value for c in expenses.cells if c.value is not None] == [Decimal(3200)]
    (note,) = [n for n in st.notes if "not a figure" in n]
    assert "'Operating expenses'" in note and "'3.300,5'" in note and "p.htm:1:" in note


def _two_currency_page(scale: str, units: str = "") -> str:
    head = ("<tr><td></td><td colspan=3>For the Three Months Ended</td></tr>"
            "<tr><td></td><td>December 31, 2023</td><td>December 31, 2024</td><td>December 31, 2024</td></tr>" + units)
    rows = ("<tr><td>Revenues</td><td>5,843</td><td>6,210</td><td>851</td></tr>"
            "<tr><td>Net income</td><td>1,100</td><td>1,200</td><td>164</td></tr>")
    return (f"<html><body><p>Sterling Harbour Holdings Limited reports results for the quarter ended December 31, 2024.</p>"
            f"<p>CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS</p><p>{scale}</p><table>{head}{rows}</table></body></html>")


@pytest.mark.parametrize(("scale", "units", "named"), [
    ('(Amounts in thousands of Renminbi ("RMB") and U.S. dollars ("US$"), except per share data)', "", "Renminbi"),
    ("(in thousands, except per share data)", "<tr><td></td><td>RMB</td><td>RMB</td><td>US$</td></tr>", "RMB"),
    ("(€ in millions)", "", "€"),
    ("(in thousands of Chilean pesos)", "", "pesos"),
    ("(PLN thousands)", "", "PLN"),
    ("(Expressed in thousands of Canadian dollars)", "", "Canadian dollars"),
])
def test_a_statement_in_another_currency_is_skipped_not_written_as_dollars(scale: str, units: str, named: str):
    with pytest.raises(ExtractionError, match=f"amounts in {re.escape(named)}: only statements in US dollars") as caught:
        extract_text(_two_currency_page(scale, units), "p.htm")
    assert caught.value.code == "xc:currency"


def test_dollar_statements_of_a_company_named_sterling_are_read():
    page = _two_currency_page("(in thousands of U.S. dollars)").replace("<td>851</td>", "<td>6,100</td>").replace(
        "<td>December 31, 2024</td><td>December 31, 2024</td>", "<td>December 31, 2024</td><td>December 31, 2022</td>")
    st = _statement(page)
    assert len(st.periods) == 3 and st.items[0].cells[1].value == Decimal(6210)


def test_figures_printed_with_another_currencys_sign_are_refused_for_it():
    page = _two_currency_page("(in millions)").replace("<td>5,843</td>", "<td>€ 5,843</td>").replace(
        "<td>1,100</td>", "<td>€</td><td>1,100</td>")
    with pytest.raises(ExtractionError, match="amounts in €") as caught:
        extract_text(page, "p.htm")
    assert caught.value.code == "xc:currency"


def test_a_table_titled_in_its_own_first_row_does_not_continue_the_statement():
    titled = "<tr><td colspan=3>Reconciliation of GAAP to non-GAAP net income</td></tr>"
    st = _statement(_split_statement(last_head=titled))
    assert [item.label for item in st.items][-1] == "Net income"


# a company emerging from reorganization: successor and predecessor columns headed by the dates
# of their periods ("Period from February 1, 2021 through March 31, 2021")
SUCCESSOR_PREDECESSOR = """<html><body>
<p>Northgate Energy Holdings, Inc. (NYSE: NGE) today reported results for the first quarter ended March 31, 2021.</p>
<p><b>CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS</b><br>(In thousands)</p>
<table>
<tr><td></td><td colspan="2">Successor</td><td></td><td colspan="5">Predecessor</td></tr>
<tr><td></td><td colspan="2">Period from February 1, 2021 through March 31, 2021</td><td></td>
<td colspan="2">Period from January 1, 2021 through January 31, 2021</td><td></td><td colspan="2">Three Months Ended March 31, 2020</td></tr>
<tr><td>Revenues</td><td>$</td><td>84,210</td><td></td><td>$</td><td>40,118</td><td></td><td>$</td><td>131,905</td></tr>
<tr><td>Operating expenses</td><td></td><td>71,330</td><td></td><td></td><td>36,002</td><td></td><td></td><td>118,440</td></tr>
<tr><td>Net income</td><td>$</td><td>12,880</td><td></td><td>$</td><td>4,116</td><td></td><td>$</td><td>13,465</td></tr>
</table>
</body></html>
"""

INCEPTION_TEXT = """\
Larkspur Therapeutics, Inc. (NASDAQ: LRKS) today reported results for the year ended December 31, 2020.

                       CONSOLIDATED STATEMENTS OF OPERATIONS
                                 (In thousands)
                                                  Period from March 3, 2020
                                                  (inception) to December 31, 2020
Research and development                                       $ 14,220
General and administrative                                         3,915
Net loss                                                       $(18,135)
"""


@pytest.mark.parametrize("text, name", [(SUCCESSOR_PREDECESSOR, "successor.htm"), (INCEPTION_TEXT, "inception.txt")])
def test_a_column_headed_by_the_dates_of_its_period_takes_them(text: str, name: str):
    (ops,) = extract_text(text, name).statements
    periods = [(p.start, p.end) for p in ops.periods]
    if name.endswith(".htm"):
        assert periods == [(date(2021, 2, 1), date(2021, 3, 31)), (date(2021, 1, 1), date(2021, 1, 31)),
                           (date(2020, 1, 1), date(2020, 3, 31))]
        assert [c.value for c in ops.items[-1].cells] == [Decimal(12880), Decimal(4116), Decimal(13465)]
    else:
        assert periods == [(date(2020, 3, 3), date(2020, 12, 31))]
        assert [c.value for c in ops.items[-1].cells] == [Decimal(-18135)]


# a small company's release printing all its statements in one HTML table, one under another
STACKED = """<html><body>
<p>Elm Ridge Tools, Inc. (NASDAQ: ELRT) today reported results for the quarter ended September 30, 2025.</p>
<table>
<tr><td colspan="3"><b>ELM RIDGE TOOLS, INC.</b></td></tr>
<tr><td colspan="3"><b>CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS</b></td></tr>
<tr><td colspan="3">(In thousands, except per share data)</td></tr>
<tr><td></td><td>Three Months Ended September 30, 2025</td><td>Three Months Ended September 30, 2024</td></tr>
<tr><td>Net sales</td><td>$ 52,310</td><td>$ 47,120</td></tr>
<tr><td>Operating expenses</td><td>46,727</td><td>43,829</td></tr>
<tr><td>Net income</td><td>$ 5,583</td><td>$ 3,291</td></tr>
<tr><td colspan="3">&nbsp;</td></tr>
<tr><td colspan="3"><b>ELM RIDGE TOOLS, INC.</b></td></tr>
<tr><td colspan="3"><b>CONDENSED CONSOLIDATED BALANCE SHEETS</b></td></tr>
<tr><td colspan="3">(In thousands)</td></tr>
<tr><td></td><td>September 30, 2025</td><td>December 31, 2024</td></tr>
<tr><td>Cash and cash equivalents</td><td>$ 18,204</td><td>$ 14,110</td></tr>
<tr><td>Total assets</td><td>$ 72,400</td><td>$ 65,636</td></tr>
<tr><td>Total liabilities</td><td>17,754</td><td>17,773</td></tr>
<tr><td>Total stockholders' equity</td><td>54,646</td><td>47,863</td></tr>
<tr><td>Total liabilities and stockholders' equity</td><td>$ 72,400</td><td>$ 65,636</td></tr>
</table></body></html>
"""

STACKED_MD = """Elm Ridge Tools, Inc. (NASDAQ: ELRT) today reported results for the quarter ended September 30, 2025.

| CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS | | |
|---|---|---|
| | Three Months Ended September 30, 2025 | Three Months Ended September 30, 2024 |
| Net sales | $ 52,310 | $ 47,120 |
| Operating expenses | 46,727 | 43,829 |
| Net income | $ 5,583 | $ 3,291 |
| CONDENSED CONSOLIDATED BALANCE SHEETS | | |
| (In thousands) | | |
| | September 30, 2025 | December 31, 2024 |
| Cash and cash equivalents | $ 18,204 | $ 14,110 |
| Total assets | $ 72,400 | $ 65,636 |
| Total liabilities and stockholders' equity | $ 72,400 | $ 65,636 |
"""


@pytest.mark.parametrize("text, name", [(STACKED, "stacked.htm"), (STACKED_MD, "stacked.md")])
def test_statements_printed_one_under_another_in_one_table_are_each_read(text: str, name: str):
    ops, bs = extract_text(text, name).statements
    assert ops.kind is StatementKind.OPERATIONS and [i.label for i in ops.items][-1] == "Net income"
    assert bs.kind is StatementKind.BALANCE_SHEET and bs.title == "CONDENSED CONSOLIDATED BALANCE SHEETS"
    assert [p.end for p in bs.periods] == [date(2025, 9, 30), date(2024, 12, 31)]
    assert [c.value for c in bs.items[1].cells] == [Decimal(72400), Decimal(65636)]
    assert bs.items[0].label == "Cash and cash equivalents"


# a highlights table with a section titled like a statement and no header of its own: one table
HIGHLIGHTS_SECTION = """<html><body>
<p>Quarry Lane Bancorp (NYSE: QLB) today reported results for the quarter ended December 31, 2020.</p>
<p>CONSOLIDATED STATEMENTS OF INCOME</p>
<table>
<tr><td></td><td>Three Months Ended December 31, 2020</td><td>Three Months Ended September 30, 2020</td></tr>
<tr><td>Net interest income</td><td>$ 2,480</td><td>$ 2,511</td></tr>
<tr><td>Noninterest income</td><td>1,920</td><td>1,887</td></tr>
<tr><td>Net income</td><td>$ 1,601</td><td>$ 1,534</td></tr>
<tr><td>BALANCE SHEET DATA</td><td></td><td></td></tr>
<tr><td>Total assets</td><td>$ 466,679</td><td>$ 461,817</td></tr>
<tr><td>Loans</td><td>241,928</td><td>249,279</td></tr>
</table></body></html>
"""


def test_a_section_titled_like_a_statement_without_its_own_header_stays_in_its_table():
    release = extract_text(HIGHLIGHTS_SECTION, "highlights.htm")
    (ops,) = release.statements
    assert ops.kind is StatementKind.OPERATIONS and not release.skipped_tables
    assert [i.label for i in ops.items][-2:] == ["Total assets", "Loans"]


# a small company's titles stating the periods its columns of years cover
TITLE_STATES_PERIODS_HTML = """<html><body>
<p>Elm Ridge Tools, Inc. (NASDAQ: ELRT) today reported results for the quarter ended September 30, 2025.</p>
<p><b>CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS<br>FOR THE THREE AND NINE MONTHS ENDED SEPTEMBER 30, 2025 AND 2024</b><br>(In thousands)</p>
<table>
<tr><td></td><td>2025</td><td>2024</td><td>2025</td><td>2024</td></tr>
<tr><td>Net sales</td><td>$ 52,310</td><td>$ 47,120</td><td>$ 150,310</td><td>$ 140,120</td></tr>
<tr><td>Net income</td><td>$ 5,583</td><td>$ 3,291</td><td>$ 9,583</td><td>$ 6,291</td></tr>
</table>
<p><b>CONDENSED CONSOLIDATED BALANCE SHEETS<br>AS OF SEPTEMBER 30, 2025 AND DECEMBER 31, 2024</b><br>(In thousands)</p>
<table>
<tr><td></td><td>2025</td><td>2024</td></tr>
<tr><td>Cash and cash equivalents</td><td>$ 18,204</td><td>$ 14,110</td></tr>
<tr><td>Total assets</td><td>$ 72,400</td><td>$ 65,636</td></tr>
</table></body></html>
"""

TITLE_STATES_PERIODS_TEXT = """\
Elm Ridge Tools, Inc. (NASDAQ: ELRT) today reported results for the quarter ended September 30, 2025.

CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS FOR THE THREE AND NINE MONTHS ENDED SEPTEMBER 30, 2025 AND 2024
(In thousands)
                                 2025          2024          2025          2024
Net sales                   $  52,310     $  47,120     $ 150,310     $ 140,120
Net income                  $   5,583     $   3,291     $   9,583     $   6,291

CONDENSED CONSOLIDATED BALANCE SHEETS AS OF SEPTEMBER 30, 2025 AND DECEMBER 31, 2024
(In thousands)
                                 2025          2024
Cash and cash equivalents   $  18,204     $  14,110
Total assets                $  72,400     $  65,636
"""


@pytest.mark.parametrize("text, name", [(TITLE_STATES_PERIODS_HTML, "stated.htm"), (TITLE_STATES_PERIODS_TEXT, "stated.txt")])
def test_columns_of_years_take_the_periods_their_title_states(text: str, name: str):
    ops, bs = extract_text(text, name).statements
    assert [(p.start, p.end) for p in ops.periods] == [
        (date(2025, 7, 1), date(2025, 9, 30)), (date(2024, 7, 1), date(2024, 9, 30)),
        (date(2025, 1, 1), date(2025, 9, 30)), (date(2024, 1, 1), date(2024, 9, 30))]
    assert [p.end for p in bs.periods] == [date(2025, 9, 30), date(2024, 12, 31)]


def test_a_table_without_rows_beside_a_statement_is_no_error():
    text = STACKED.replace("<table>", "<table></table><table>", 1)
    assert [s.kind for s in extract_text(text, "empty.htm").statements] == [StatementKind.OPERATIONS,
                                                                            StatementKind.BALANCE_SHEET]


@pytest.mark.parametrize("heads, expected", [
    # a length printed without "Ended" over columns of years
    ('<tr><td></td><td colspan="2">Three Months</td><td colspan="2">Nine Months</td></tr>'
     '<tr><td></td><td>2025</td><td>2024</td><td>2025</td><td>2024</td></tr>',
     [(date(2025, 7, 1), date(2025, 9, 30)), (date(2024, 7, 1), date(2024, 9, 30)),
      (date(2025, 1, 1), date(2025, 9, 30)), (date(2024, 1, 1), date(2024, 9, 30))]),
    # the British "to"
    ('<tr><td></td><td>Six months to September 30, 2025</td><td>Six months to September 30, 2024</td></tr>',
     [(date(2025, 4, 1), date(2025, 9, 30)), (date(2024, 4, 1), date(2024, 9, 30))]),
])
def test_period_lengths_printed_without_ended(heads: str, expected: list):
    n = len(expected)
    figures = "".join(f"<td>{100 + k}</td>" for k in range(n))
    text = ("<html><body><p>Elm Ridge Tools, Inc. (NASDAQ: ELRT) today reported results for the quarter ended "
            "September 30, 2025.</p><p>CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS</p><table>" + heads
            + f"<tr><td>Net sales</td>{figures}</tr><tr><td>Net income</td>{figures}</tr></table></body></html>")
    (ops,) = extract_text(text, "lengths.htm").statements
    assert [(p.start, p.end) for p in ops.periods] == expected


# a 52/53-week retailer whose titles state each column's date, the columns headed by fiscal years
# alone (both balance-sheet columns "2024": the quarter's end and the fiscal year's end)
TITLE_STATES_EACH_DATE = """<html><body>
<p>Buckeye Outfitters, Inc. (NYSE: BKO) today reported results for the third quarter ended November 2, 2024.</p>
<p><b>CONDENSED CONSOLIDATED STATEMENTS OF INCOME<br>FOR THE THIRTEEN WEEKS ENDED NOVEMBER 2, 2024 AND OCTOBER 28, 2023</b></p>
<table>
<tr><td></td><td>2024</td><td>2023</td></tr>
<tr><td>Net sales</td><td>$ 293,618</td><td>$ 303,457</td></tr>
<tr><td>Net income</td><td>$ 44,172</td><td>$ 51,520</td></tr>
</table>
<p><b>CONDENSED CONSOLIDATED BALANCE SHEETS<br>NOVEMBER 2, 2024 AND FEBRUARY 3, 2024</b></p>
<table>
<tr><td></td><td>2024</td><td>2024</td></tr>
<tr><td>Cash and cash equivalents</td><td>$ 301,958</td><td>$ 268,213</td></tr>
<tr><td>Total assets</td><td>$ 976,270</td><td>$ 949,418</td></tr>
</table></body></html>
"""


def test_columns_of_years_take_the_dates_their_title_states_in_order():
    ops, bs = extract_text(TITLE_STATES_EACH_DATE, "weeks.htm").statements
    assert [(p.start, p.end) for p in ops.periods] == [(date(2024, 8, 4), date(2024, 11, 2)),
                                                      (date(2023, 7, 30), date(2023, 10, 28))]
    assert [p.end for p in bs.periods] == [date(2024, 11, 2), date(2024, 2, 3)]
    assert [c.value for c in bs.items[-1].cells] == [Decimal(976270), Decimal(949418)]


# the statement's title printed in the label cell of its header row, beside the dates
TITLE_IN_HEADER_ROW = """<html><body><p>Elm Ridge Tools, Inc. (NASDAQ: ELRT) today reported results for the quarter ended September 30, 2025.</p>
<table>
<tr><td><b>Condensed Consolidated Balance Sheets (in thousands)</b></td><td>September 30, 2025</td><td>December 31, 2024</td></tr>
<tr><td>Cash and cash equivalents</td><td>$ 18,204</td><td>$ 14,110</td></tr>
<tr><td>Total assets</td><td>$ 72,400</td><td>$ 65,636</td></tr>
</table></body></html>
"""

TITLE_IN_HEADER_ROW_MD = """Elm Ridge Tools, Inc. (NASDAQ: ELRT) today reported results for the quarter ended September 30, 2025.

| **Condensed Consolidated Balance Sheets (in thousands)** | September 30, 2025 | December 31, 2024 |
|---|---|---|
| Cash and cash equivalents | $ 18,204 | $ 14,110 |
| Total assets | $ 72,400 | $ 65,636 |
"""


@pytest.mark.parametrize("text, name", [(TITLE_IN_HEADER_ROW, "titled.htm"), (TITLE_IN_HEADER_ROW_MD, "titled.md")])
def test_a_title_in_the_label_cell_of_the_header_row_names_the_statement(text: str, name: str):
    (bs,) = extract_text(text, name).statements
    assert bs.kind is StatementKind.BALANCE_SHEET and bs.title == "Condensed Consolidated Balance Sheets"
    assert bs.scale.exponent == 3 and [c.value for c in bs.items[-1].cells] == [Decimal(72400), Decimal(65636)]


def test_an_increase_decrease_band_over_every_year_is_no_change_column():
    # Adobe's 10-K prints "Increase/(Decrease)" across the three years of its statement of
    # comprehensive income: a caption over the periods, not a column of changes to drop
    header = ("<tr><td></td><td colspan=6>Years Ended</td></tr>"
              "<tr><td></td><td colspan=2>November 29, 2024</td><td colspan=2>December 1, 2023</td>"
              "<td colspan=2>December 2, 2022</td></tr>"
              "<tr><td></td><td colspan=6>Increase/(Decrease)</td></tr>")
    rows = ("<tr><td>Net income</td><td>$</td><td>5,560</td><td>$</td><td>5,428</td><td>$</td><td>4,756</td></tr>"
            "<tr><td>Foreign currency translation adjustments</td><td></td><td>(12)</td><td></td><td>44</td>"
            "<td></td><td>(51)</td></tr>"
            "<tr><td>Total comprehensive income, net of taxes</td><td>$</td><td>5,548</td><td>$</td><td>5,472</td>"
            "<td>$</td><td>4,705</td></tr>")
    st = _statement(_page("CONSOLIDATED STATEMENTS OF COMPREHENSIVE INCOME (In millions)", header, rows))
    assert [p.end for p in st.periods] == [date(2024, 11, 29), date(2023, 12, 1), date(2022, 12, 2)]
    assert [c.value for c in st.items[1].cells] == [Decimal(-12), Decimal(44), Decimal(-51)]


def test_a_balance_sheet_title_naming_its_day_dates_columns_of_years():
    # PPL's 10-K: "CONSOLIDATED BALANCE SHEETS AT DECEMBER 31," over columns headed "2023", "2022"
    # (the release's own period end, June 30 here, is not the balance sheet's day)
    header = "<tr><td></td><td colspan=2>2023</td><td colspan=2>2022</td></tr>"
    rows = ("<tr><td>Cash and cash equivalents</td><td>$</td><td>331</td><td>$</td><td>356</td></tr>"
            "<tr><td>Accounts receivable</td><td></td><td>1,120</td><td></td><td>1,047</td></tr>"
            "<tr><td>Total Current Assets</td><td>$</td><td>1,451</td><td>$</td><td>1,403</td></tr>")
    st = _statement(_page("CONSOLIDATED BALANCE SHEETS AT DECEMBER 31,", header, rows))
    assert st.kind is StatementKind.BALANCE_SHEET
    assert st.periods == (Period(date(2023, 12, 31)), Period(date(2022, 12, 31)))


def _rows(*rows: tuple[str, ...]) -> str:
    """Table rows of a label and figures, a "$" beside the first and last rows' figures."""
    out = []
    for k, (label, *figures) in enumerate(rows):
        sign = "$" if k in (0, len(rows) - 1) else ""
        out.append(f"<tr><td>{label}</td>" + "".join(f"<td>{sign}</td><td>{f}</td>" for f in figures) + "</tr>")
    return "".join(out)


def _earnings_beside_a_balance_sheet(bs_head: str, bs_rows: str, ops_head: str, ops_rows: str) -> Statement:
    """The statement of earnings of a document printing a balance sheet and a statement of
    earnings and no sentence naming the period: it reads, with no table skipped."""
    release = extract_text(f"<html><body><p>CONSOLIDATED BALANCE SHEETS</p><table>{bs_head}{bs_rows}</table>"
                           f"<p>CONSOLIDATED STATEMENTS OF EARNINGS</p><table>{ops_head}{ops_rows}</table></body></html>", "k.htm")
    assert not release.skipped_tables
    return next(s for s in release.statements if s.kind is StatementKind.OPERATIONS)


def test_years_alone_end_on_the_balance_sheet_days_where_no_period_end_is_stated():
    # Johnson & Johnson's 10-K statements, read without its cover: a balance sheet at December 29,
    # 2024 and December 31, 2023 (a 52/53-week calendar), statements of earnings headed "2024",
    # "2023", "2022" alone, and no sentence naming the period anywhere
    earnings = _earnings_beside_a_balance_sheet(
        "<tr><td></td><td colspan=2>December 29, 2024</td><td colspan=2>December 31, 2023</td></tr>",
        _rows(("Cash and cash equivalents", "24,105", "21,859"), ("Inventories", "12,444", "11,181"),
              ("Total current assets", "36,549", "33,040")),
        "<tr><td>(Dollars in Millions)</td><td colspan=2>2024</td><td colspan=2>2023</td><td colspan=2>2022</td></tr>",
        _rows(("Sales to customers", "88,821", "85,159", "79,990"), ("Cost of products sold", "27,471", "26,553", "24,596"),
              ("Net earnings", "14,066", "35,153", "17,941")))
    assert earnings.periods == (Period(date(2024, 12, 29), date(2024, 1, 1)), Period(date(2023, 12, 31), date(2023, 1, 2)),
                                Period(date(2023, 1, 1), date(2022, 1, 3)))
    assert any("balance sheet's day 2024-12-29" in note for note in earnings.notes)


def test_fiscal_years_named_by_the_year_they_start_end_on_the_balance_sheet_days():
    # Home Depot's 10-K statements without its cover: "Fiscal 2024" ended February 2, 2025 (53
    # weeks), "Fiscal 2023" January 28, 2024, "Fiscal 2022" January 29, 2023
    earnings = _earnings_beside_a_balance_sheet(
        "<tr><td>in millions</td><td colspan=2>February 2, 2025</td><td colspan=2>January 28, 2024</td></tr>",
        _rows(("Cash and cash equivalents", "1,659", "3,760"), ("Merchandise inventories", "23,451", "20,976"),
              ("Total current assets", "25,110", "24,736")),
        "<tr><td>in millions</td><td colspan=2>Fiscal</td><td colspan=2>Fiscal</td><td colspan=2>Fiscal</td></tr>"
        "<tr><td></td><td colspan=2>2024</td><td colspan=2>2023</td><td colspan=2>2022</td></tr>",
        _rows(("Net sales", "159,514", "152,669", "157,403"), ("Cost of sales", "106,206", "101,709", "104,625"),
              ("Net earnings", "14,806", "15,143", "17,105")))
    assert earnings.periods == (Period(date(2025, 2, 2), date(2024, 1, 29)), Period(date(2024, 1, 28), date(2023, 1, 30)),
                                Period(date(2023, 1, 29), date(2022, 1, 31)))
