"""HTML, markdown and one-cell-per-line releases: cells, headers, scale, chrome, ignored tables."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from converter.extract import extract_file, extract_text
from converter.model import CellKind, StatementKind

RELEASES = Path(__file__).parent / "fixtures" / "releases"
EDGAR = RELEASES / "corvane-systems-q3-2024.htm"
NEWSROOM = RELEASES / "teskara-networks-fy2024.html"


def page(header: str, rows: str, above: str = "<p><b>CONSOLIDATED STATEMENTS OF OPERATIONS</b></p>") -> str:
    return (f"<html><body><p>Acme Widgets, Inc. (NASDAQ: ACMW) reports.</p>\n{above}\n<table>\n{header}\n"
            f"{rows}\n</table></body></html>\n")


HEAD = "<tr><td></td><td colspan=2>Three Months Ended March 31,</td></tr><tr><td></td><td>2024</td><td>2023</td></tr>"


def ops(rows: str, header: str = HEAD, above: str | None = None):
    text = page(header, rows) if above is None else page(header, rows, above)
    (statement,) = extract_text(text, "p.htm").statements
    return statement


@pytest.mark.parametrize("cells, texts, values", [
    ("<td>$</td><td>1,234</td><td>$</td><td>1,000</td>", ["$ 1,234", "$ 1,000"], [1234, 1000]),
    ("<td>(5,854</td><td>)</td><td>(12</td><td>)</td>", ["(5,854)", "(12)"], [-5854, -12]),
    ("<td>&#8212;</td><td>&#8211;</td>", ["—", "–"], [None, None]),
    ("<td>1,234 (a)</td><td>56*</td>", ["1,234", "56"], [1234, 56]),
    ("<td>1,234<sup>(1)</sup></td><td>&nbsp;<b>56</b>&nbsp;</td>", ["1,234", "56"], [1234, 56]),
])
def test_cells(cells, texts, values):
    header = "<tr><td></td><td colspan=4>Three Months Ended March 31,</td></tr>" \
             "<tr><td></td><td colspan=2>2024</td><td colspan=2>2023</td></tr>"
    if cells.count("<td>") == 2:
        header = HEAD
    st = ops(f"<tr><td>Revenue<sup>(2)</sup> (1)</td>{cells}</tr><tr><td>Net income</td>{cells}</tr>",
             header)
    item = st.items[0]
    assert item.label == "Revenue"
    assert [c.text for c in item.cells] == texts
    assert [c.value for c in item.cells] == [None if v is None else Decimal(v) for v in values]
    assert all(c.kind is (CellKind.DASH if v is None else CellKind.NUMBER) for c, v in zip(item.cells, values))


@pytest.mark.parametrize("header, periods", [
    (HEAD, ["2024-01-01..2024-03-31", "2023-01-01..2023-03-31"]),
    ("<tr><td></td><td>Three Months Ended March 31, 2024</td><td>Three Months Ended March 31, 2023</td></tr>",
     ["2024-01-01..2024-03-31", "2023-01-01..2023-03-31"]),
    ("<tr><th></th><th>Quarter Ended</th><th>Year Ended</th></tr><tr><th></th><th>December 31,</th>"
     "<th>December 31,</th></tr><tr><th></th><th>2024</th><th>2024</th></tr>"
     "<tr><td></td><td>(Unaudited)</td><td></td></tr>",
     ["2024-10-01..2024-12-31", "2024-01-01..2024-12-31"]),
    ("<tr><td></td><td colspan=3>Six Months Ended June 30,</td></tr>"
     "<tr><td></td><td>2024</td><td>% Change</td><td>2023</td></tr>",
     ["2024-01-01..2024-06-30", "2023-01-01..2023-06-30"]),
])
def test_header_rows_and_colspans_give_periods(header, periods):
    cells = "<td>1</td><td>2</td>" if "Change" not in header else "<td>1</td><td>50%</td><td>2</td>"
    st = ops(f"<tr><td>Revenue</td>{cells}</tr><tr><td>Net income</td>{cells}</tr>", header)
    assert [str(p) for p in st.periods] == periods
    assert [c.value for c in st.items[0].cells] == [1, 2]


@pytest.mark.parametrize("above, header, exponent", [
    ("<p><b>STATEMENTS OF INCOME</b></p><p>(In millions, except per share data)</p>", HEAD, 6),
    ("<p>Consolidated Statements of Income</p>", HEAD.replace("<tr><td></td><td>2024", "<tr><td>(in thousands)</td><td>2024"), 3),
    ("<table><caption>Consolidated Statements of Earnings (Dollars in millions)</caption>", HEAD, 6),
    ("<p><b>STATEMENTS OF INCOME</b></p>", HEAD, 0),
])
def test_scale_from_caption_heading_paragraph_or_header_cell(above, header, exponent):
    rows = "<tr><td>Revenue</td><td>1</td><td>2</td></tr><tr><td>Net income</td><td>1</td><td>2</td></tr>"
    if above.startswith("<table>"):
        text = f"<html><body>{above}\n{header}{rows}</table></body></html>"
        (st,) = extract_text(text, "p.htm").statements
    else:
        st = ops(rows, header, above)
    assert st.scale.exponent == exponent


def test_a_header_cell_opening_with_the_scale_and_the_period_length():
    """A railroad's 10-Q layout: the label cell of the header row says "Millions, except per
    share amounts, for the three months ended June 30," above columns "2025" and "2024"."""
    header = ("<tr><td>Millions, except per share amounts, for the three months ended June 30,</td>"
              "<td>2025</td><td>2024</td></tr>")
    rows = ("<tr><td>Operating revenues</td><td>6,155</td><td>6,011</td></tr>"
            "<tr><td>Net income</td><td>1,885</td><td>1,672</td></tr>"
            "<tr><td>Weighted average number of shares - basic</td><td>594.1</td><td>609.4</td></tr>")
    st = ops(rows, header)
    assert st.scale.exponent == 6 and st.scale.shares_scaled
    assert st.scale.text == "Millions, except per share amounts"
    assert [str(p) for p in st.periods] == ["2025-04-01..2025-06-30", "2024-04-01..2024-06-30"]


def test_newsroom_chrome_is_ignored_and_document_facts_read_from_the_release():
    release = extract_file(NEWSROOM)
    assert [s.kind for s in release.statements] == [StatementKind.BALANCE_SHEET, StatementKind.OPERATIONS]
    assert release.info.ticker == "TSKN" and release.info.company_name == "Teskara Networks, Inc."
    assert all(s.source.line > 40 for s in release.statements)  # not the nav menu or the scripts


def test_non_gaap_and_segment_tables_are_listed_not_tagged():
    release = extract_file(NEWSROOM)
    assert [(kind, title) for kind, title, _ in release.ignored_tables] == [
        ("non-GAAP reconciliation", "Reconciliation of GAAP Net Income to Adjusted EBITDA"),
        ("segment", "Revenue by Segment (in millions)"),
    ]
    labels = {item.label for s in release.statements for item in s.items}
    assert "Adjusted EBITDA" not in labels and "Enterprise" not in labels


def test_source_refs_point_at_the_html_cells():
    release = extract_file(EDGAR)
    lines = EDGAR.read_text(encoding="utf-8").splitlines()
    for st in release.statements:
        for item in st.items:
            assert item.label.split()[0] in lines[item.source.line - 1]
            for cell in item.cells:
                line = lines[cell.source.line - 1]
                digits = cell.text.removeprefix("$ ").rstrip(")")
                assert line[cell.source.column - 1:].startswith(digits if digits != "—" else "&#8212;"), (cell, line)


def test_markdown_and_cell_per_line_releases():
    md = extract_file(RELEASES / "quillon-biotech-q2-2025.md")
    assert [s.kind for s in md.statements] == [StatementKind.BALANCE_SHEET, StatementKind.OPERATIONS]
    assert md.ignored_tables[0][0] == "non-GAAP reconciliation"
    deficit = next(i for i in md.statements[0].items if i.label == "Accumulated deficit")
    assert [c.value for c in deficit.cells] == [Decimal(-179900), Decimal(-167000)]
    per_line = extract_file(RELEASES / "pellham-outdoor-q1-2025.txt")
    interest = next(i for i in per_line.statements[1].items if i.label == "Interest expense")
    assert [c.text for c in interest.cells] == ["(120)", "(150)"]
    assert len(per_line.statements[1].periods) == 2  # the % change column is dropped
    assert per_line.ignored_tables[0][1] == "Reconciliation of GAAP Net Income to Adjusted EBITDA"


_BALANCE_ROWS = ("<tr><td></td><td>December 31, 2024</td><td>December 31, 2023</td></tr>"
                 "<tr><td>Cash and cash equivalents</td><td>{0}</td><td>{1}</td></tr>"
                 "<tr><td>Total assets</td><td>{2}</td><td>{3}</td></tr>"
                 "<tr><td>Total liabilities</td><td>{4}</td><td>{5}</td></tr>"
                 "<tr><td>Total liabilities and shareholders' equity</td><td>{2}</td><td>{3}</td></tr>")


@pytest.mark.parametrize("marker", [
    "Schedule I - Condensed Financial Information of Registrant (Parent Company Only)",
    "Quillfeather Bancorp (Parent Company Only)",
])
def test_the_registrant_s_own_statements_are_not_read_as_the_consolidated_ones(marker):
    """A 10-K's Schedule I (UnitedHealth, 2025) or a bank holding company's parent-only balance
    sheet: the same concepts and dates as the consolidated statement with other figures. Read
    as statements, they clashed with the consolidated facts and the instance was invalid."""
    html = ("<html><body><p><b>CONSOLIDATED BALANCE SHEETS</b></p><p>(in millions)</p><table>"
            + _BALANCE_ROWS.format("25,312", "23,365", "298,278", "273,720", "196,544", "184,908")
            + "</table><p>" + marker + "</p><p>Quillfeather Group</p><p><b>Condensed Balance Sheets</b></p>"
            "<p>(in millions)</p><table>"
            + _BALANCE_ROWS.format("1,222", "1,001", "110,560", "104,372", "48,119", "42,601")
            + "</table></body></html>")
    release = extract_text(html, "schedule.htm")
    (st,) = release.statements
    assert st.title == "CONSOLIDATED BALANCE SHEETS" and st.items[0].cells[0].value == Decimal("25312")
    assert [(kind, title) for kind, title, _ in release.ignored_tables] == [("parent-only statement",
                                                                              "Condensed Balance Sheets")]
    text = "\n".join(["CONSOLIDATED BALANCE SHEETS", "(in millions)", "",
                      "                                        December 31, 2024    December 31, 2023",
                      "Total assets                                  298,278              273,720",
                      "Total liabilities                             196,544              184,908", "", "",
                      marker, "", "Condensed Balance Sheets", "(in millions)", "",
                      "                                        December 31, 2024    December 31, 2023",
                      "Total assets                                  110,560              104,372",
                      "Total liabilities                              48,119               42,601", ""])
    release = extract_text(text, "schedule.txt")
    assert [s.title for s in release.statements] == ["CONSOLIDATED BALANCE SHEETS"]
    assert [kind for kind, _, _ in release.ignored_tables] == ["parent-only statement"]


@pytest.mark.parametrize(("text", "statement"), [
    ("5. Balance Sheet Components", False),
    ("Note 7 - Statement of Cash Flows Information", False),
    ("Income Tax (Expense)/Credit For Components of Other Comprehensive Income", False),
    ("(Statement of Income line: Non-service pension and postretirement benefit expense)", False),
    ("Condensed Consolidated Balance Sheets", True),
    ("CONSOLIDATED STATEMENTS OF OPERATIONS (Unaudited)", True),
    ("Condensed Consolidated Balance Sheet Data", True),
    # a steel company's full statement of operations, titled so above a sentence naming it
    ("SUMMARY OF OPERATIONS (unaudited)", True),
    ("Consolidated Summary of Earnings", True),
    ("Financial Summary", False),
    ("Consolidated Statements of Assets and Liabilities", True),  # a business development company's
    ("Analysis of Consolidated Earnings", True),  # a utility's statement of income, a whole line
    ("CONSOLIDATED STATEMENTS OF COMPREHENSIVE (LOSS)/INCOME", True),  # Eversource's 10-K
    ("Consolidated Statements of Comprehensive (Loss) Income", True),
])
def test_texts_naming_a_statement_that_are_not_its_title(text, statement):
    """Note headings, components and remarks in parentheses name a statement but title a note's
    table (Netflix's "Balance Sheet Components", ExxonMobil's tax effects of other comprehensive
    income in its 10-Q): read as statements, their figures clashed with the statements' own."""
    from converter.extract.tablekind import classify

    found = classify(text)
    assert (found is not None and found[0] == "statement") is statement


def test_a_numbered_note_s_table_is_not_a_balance_sheet():
    html = ("<html><body><p><b>CONSOLIDATED BALANCE SHEETS</b></p><p>(in thousands)</p><table>"
            + _BALANCE_ROWS.format("1,000", "900", "54,000", "52,000", "30,000", "29,000")
            + "</table><p>5. Balance Sheet Components</p><p>Content Assets, Net</p>"
            "<p>Content assets consisted of the following:</p><table>"
            "<tr><td></td><td>June 30, 2025</td><td>December 31, 2024</td></tr>"
            "<tr><td>Licensed content, net</td><td>12,273,051</td><td>12,422,309</td></tr>"
            "<tr><td>Produced content, net</td><td>19,816,343</td><td>20,030,153</td></tr>"
            "<tr><td>Content assets, net</td><td>32,089,394</td><td>32,452,462</td></tr>"
            "</table></body></html>")
    assert [s.title for s in extract_text(html, "notes.htm").statements] == ["CONSOLIDATED BALANCE SHEETS"]


def test_a_numbered_statement_title_is_a_title():
    from converter.extract.tablekind import classify

    assert classify("1. Consolidated Balance Sheets") == ("statement", (StatementKind.BALANCE_SHEET,
                                                                        "Consolidated Balance Sheets"))


def test_a_title_set_in_bold_a_word_or_two_at_a_time_is_a_title():
    """A wire copy's markdown prints a title as runs of bold words; read with the marks left
    between its words it was no title, and the statement of cash flows under it was read as the
    rest of the statement of operations above it."""
    from converter.extract.tablekind import classify

    assert classify("**Condensed Consolidated** **Statements** **of** **Cash** **Flows**") == (
        "statement", (StatementKind.CASH_FLOWS, "Condensed Consolidated Statements of Cash Flows"))


ROWS = ("<tr><td>Net revenue</td><td>$ 17,846</td><td>$ 16,200</td></tr>"
        "<tr><td>Cost of sales</td><td>7,988</td><td>7,433</td></tr>"
        "<tr><td>Net income</td><td>1,944</td><td>1,864</td></tr>")


@pytest.mark.parametrize(("above", "dates", "starts"), [
    # a PDF rendering sets the length apart from a header of dates alone: 12 weeks, not unread
    ("<p><b>Condensed Consolidated Statement of Income</b></p><p>12 Weeks Ended</p>",
     ("3/25/2023", "3/19/2022"), ("2023-01-01", "2021-12-26")),
    # dates at the fiscal year's end under "13 Weeks Ended": the fourth quarter, not the year
    ("<p><b>Consolidated Statements of Income</b></p><p><b>13 Weeks Ended</b></p>",
     ("January 28, 2023", "January 29, 2022"), ("2022-10-30", "2021-10-31")),
])
def test_a_period_length_printed_above_a_header_of_dates(above, dates, starts):
    """One length over columns of dates alone (see the cases)."""
    header = f"<tr><td></td><td>{dates[0]}</td><td>{dates[1]}</td></tr>"
    text = ("<html><body><p>Made Up Foods, Inc. (NYSE: MUFI) reports results for the period ended "
            f"{dates[0]}; its fiscal year ends in {'December' if '/' in dates[0] else 'January'}.</p>\n"
            f"{above}\n<table>\n{header}\n{ROWS}\n</table></body></html>\n")
    (statement,) = extract_text(text, "p.htm").statements
    assert statement.kind is StatementKind.OPERATIONS
    assert tuple(str(p.start) for p in statement.periods) == starts


def test_two_period_lengths_printed_above_columns_of_years_share_them():
    """A PDF rendering of a fiscal year's release prints "Three Months Ended June 30, Twelve Months
    Ended June 30," as a paragraph above a table headed by four years: the quarter's columns were
    read as the years ending in June (the quarter's net sales given the year)."""
    header = "<tr><td>($ million)</td><td>2022</td><td>2023</td><td>2022</td><td>2023</td></tr>"
    rows = ("<tr><td>Net sales</td><td>3,909</td><td>3,673</td><td>14,544</td><td>14,694</td></tr>"
            "<tr><td>Cost of sales</td><td>(3,115)</td><td>(2,951)</td><td>(11,724)</td><td>(11,969)</td></tr>"
            "<tr><td>Net income</td><td>314</td><td>291</td><td>805</td><td>1,058</td></tr>")
    text = ("<html><body><p>Made Up Packaging plc (NYSE: MUPK) reports results for the fiscal year ended "
            "June 30, 2023.</p>\n<h2>Condensed Consolidated Statements of Income</h2>\n"
            "<p><strong>Three Months Ended June 30, Twelve Months Ended June 30,</strong></p>\n"
            f"<table>\n{header}\n{rows}\n</table></body></html>\n")
    (statement,) = extract_text(text, "p.htm").statements
    assert [(str(p.start), str(p.end)) for p in statement.periods] == [
        ("2022-04-01", "2022-06-30"), ("2023-04-01", "2023-06-30"),
        ("2021-07-01", "2022-06-30"), ("2022-07-01", "2023-06-30")]


def test_pipe_rows_without_a_separator_row_are_a_table():
    """A newsroom page saved as markdown by a converter that left out the separator row
    (`| --- |`): every statement was pipe rows alone, and the release had no statements."""
    text = ("# Made Up Platforms Reports Fourth Quarter 2023 Results\n\n"
            "| **MADE UP PLATFORMS, INC.****CONDENSED CONSOLIDATED STATEMENTS OF INCOME***(In millions, except per "
            "share amounts)**(Unaudited)* |   |\n"
            "|   |\n"
            "|   | **Three Months Ended December 31,** |   | **Twelve Months Ended December 31,** |   |\n"
            "|   | **2023** |   | **2022** |   | **2023** |   | **2022** |   |\n"
            "| **Revenue** | $            40,111 |   | $            32,165 |   | $          134,902 |   | $          116,609 |   |\n"
            "| Cost of revenue | 7,695 |   | 8,336 |   | 25,959 |   | 25,249 |   |\n"
            "| **Income from operations** | 32,416 |   | 23,829 |   | 108,943 |   | 91,360 |   |\n"
            "| **Net income** | $            28,017 |   | $              19,652 |   | $            94,098 |   | $    "
            "        73,200 |   |\n")
    (statement,) = extract_text(text, "made-up.md").statements
    assert statement.kind is StatementKind.OPERATIONS
    assert len(statement.periods) == 4
    rows = {i.label: [c.value for c in i.cells] for i in statement.items}
    assert rows["Revenue"] == [Decimal(40111), Decimal(32165), Decimal(134902), Decimal(116609)]
    assert rows["Net income"] == [Decimal(28017), Decimal(19652), Decimal(94098), Decimal(73200)]


def test_a_balance_sheet_s_unlabelled_total_assets_is_named_by_the_last_row():
    """An EDGAR exhibit prints total assets and total liabilities and equity as figures without
    a label, right under "Total other assets" and "Total stockholders' equity": total assets
    was a "Subtotal" and the release had no total assets. The row above the liabilities whose
    figures the last row repeats is total assets."""
    rows = ("<tr><td colspan=3><b>ASSETS</b></td></tr><tr><td><b>Current assets</b></td><td></td><td></td></tr>"
            "<tr><td>Cash and cash equivalents</td><td>$ 5,911,893</td><td>$ 4,703,059</td></tr>"
            "<tr><td>Total current assets</td><td>8,154,692</td><td>6,416,182</td></tr>"
            "<tr><td>Property and equipment, net</td><td>5,224,114</td><td>14,435,493</td></tr>"
            "<tr><td><b>Other assets</b></td><td></td><td></td></tr>"
            "<tr><td>Goodwill</td><td>32,313,586</td><td>20,047,441</td></tr>"
            "<tr><td>Total other assets</td><td>32,313,586</td><td>20,047,441</td></tr>"
            "<tr><td></td><td>$ 45,692,392</td><td>$ 40,899,116</td></tr>"
            "<tr><td colspan=3><b>LIABILITIES AND STOCKHOLDERS' EQUITY</b></td></tr>"
            "<tr><td>Total liabilities</td><td>40,482,269</td><td>29,922,350</td></tr>"
            "<tr><td>Total stockholders' equity</td><td>5,210,123</td><td>10,976,766</td></tr>"
            "<tr><td></td><td>$ 45,692,392</td><td>$ 40,899,116</td></tr>")
    header = "<tr><td>(In thousands)</td><td>December 31, 2022</td><td>December 31, 2021</td></tr>"
    rows = re.sub(r"<td>([^<]+)</td>", r"<td><b>\1</b></td>", rows)  # every cell bold, as the exhibit prints
    text = page(header, rows, above="<p><b>CONSOLIDATED BALANCE SHEETS</b></p>")
    (sheet,) = extract_text(text, "p.htm").statements
    labelled = {i.label: [c.value for c in i.cells] for i in sheet.items}
    assert labelled["Total assets"] == [Decimal(45692392), Decimal(40899116)]
    last = sheet.items[-1]
    assert last.label.startswith("Total liabilities and") and [c.value for c in last.cells] == [
        Decimal(45692392), Decimal(40899116)]
    assert "Subtotal" not in labelled


def test_a_date_header_spanning_the_label_column_heads_the_first_value_column():
    """A PDF rendering gives the first date of the header `colspan="2"` over a table of three
    columns, the label column included: the statement had one period for rows of two figures,
    and was skipped."""
    text = ("<html><body><p>Made Up Foods, Inc. (NYSE: MUFI) reports results for the 12 weeks ended March 25, "
            "2023.</p>\n<h3>Condensed Consolidated Statement of Income (in millions)</h3>\n<p>12 Weeks Ended</p>\n"
            "<table><thead><tr><th colspan=\"2\">3/25/2023</th><th>3/19/2022</th></tr></thead>\n<tbody>"
            f"{ROWS}</tbody></table></body></html>\n")
    (statement,) = extract_text(text, "p.htm").statements
    assert [str(p.end) for p in statement.periods] == ["2023-03-25", "2022-03-19"]
    assert [c.value for c in statement.items[0].cells] == [Decimal(17846), Decimal(16200)]


def test_a_heading_above_a_row_printed_as_text_is_not_the_next_table_s_title():
    """Under a statement of cash flows a release prints "Supplemental Non-Cash Activity" and one
    row as a paragraph ("... lease obligations $ 213 $ 100"), then its balance sheet without a
    title: the heading was taken for the balance sheet's (a summary's) and the table dropped."""
    sheet = ("<tr><td>ASSETS</td><td></td><td></td></tr>"
             "<tr><td>Cash and cash equivalents</td><td>$ 4,770</td><td>$ 4,954</td></tr>"
             "<tr><td>Total Assets</td><td>$ 93,042</td><td>$ 92,187</td></tr>"
             "<tr><td>Total Liabilities</td><td>75,867</td><td>74,914</td></tr>"
             "<tr><td>Total Equity</td><td>17,175</td><td>17,273</td></tr>"
             "<tr><td>Total Liabilities and Equity</td><td>$ 93,042</td><td>$ 92,187</td></tr>")
    text = ("<html><body><p>Made Up Foods, Inc. (NYSE: MUFI) reports results for the 12 weeks ended March 25, "
            "2023.</p>\n<p><strong>Supplemental Non-Cash Activity</strong></p>\n"
            "<p>Right-of-use assets obtained in exchange for lease obligations $ 213 $ 100</p>\n"
            "<table><tr><td></td><td>3/25/2023</td><td>12/31/2022</td></tr>\n"
            f"{sheet}</table></body></html>\n")
    (statement,) = extract_text(text, "p.htm").statements
    assert statement.kind is StatementKind.BALANCE_SHEET
    assert [c.value for c in statement.items[-1].cells] == [Decimal(93042), Decimal(92187)]


def test_a_summary_of_operations_under_a_sentence_naming_the_statement():
    """A newswire release says "The table below provides our unaudited statements of operations
    for ...:" above a table titled "SUMMARY OF OPERATIONS (unaudited)": the sentence was read as
    prose heading the table and the statement of operations was dropped."""
    text = ("# Made Up Steel Announces Third Quarter Results\n\n"
            "The table below provides our unaudited statements of operations for the three- and nine-month periods "
            "ended December 31, 2024 and 2023:\n\n"
            "| SUMMARY OF OPERATIONS (unaudited) | | | | |\n| --- | --- | --- | --- | --- |\n"
            "| (In thousands, except for per share data) | | | | |\n"
            "|  | Three Months Ended December 31, | | Nine Months Ended December 31, | |\n"
            "|  | 2024 | 2023 | 2024 | 2023 |\n"
            "| Net Sales | $ 94,074 | $ 115,973 | $ 315,384 | $ 384,019 |\n"
            "| Earnings (loss) before income taxes | (1,552) | 1,258 | 845 | 16,173 |\n"
            "| Income tax expense (benefit) | (400) | 74 | 105 | 3,786 |\n"
            "| Net earnings (loss) | $ (1,152) | $ 1,184 | $ 740 | $ 12,387 |\n")
    (statement,) = extract_text(text, "made-up-steel.md").statements
    assert statement.kind is StatementKind.OPERATIONS and statement.title == "SUMMARY OF OPERATIONS"
    assert [c.value for c in statement.items[-1].cells] == [Decimal(-1152), Decimal(1184), Decimal(740), Decimal(12387)]


def test_a_scale_in_the_singular_in_the_header_s_label_cell():
    """A foreign filer heads its label column "($ million, except per share amounts)": the
    singular was not read as a scale, so it became the heading of every row (the rows' concepts
    decided under a heading named "($ million ...)") and the scale was lost."""
    header = ("<tr><th>($ million, except per share amounts)</th><th>2023</th><th>2022</th></tr>")
    rows = ("<tr><td>Net sales</td><td>14,694</td><td>14,544</td></tr>"
            "<tr><td>Net income attributable to Made Up plc</td><td>1,048</td><td>805</td></tr>")
    text = ("<html><body><p>Made Up Packaging plc (NYSE: MUPK) reports results for the fiscal year ended "
            "June 30, 2023.</p>\n<h2>Consolidated Statements of Income</h2>\n<p>Twelve Months Ended June 30,</p>\n"
            f"<table>\n{header}\n{rows}\n</table></body></html>\n")
    (statement,) = extract_text(text, "p.htm").statements
    assert statement.scale.exponent == 6
    assert [i.section for i in statement.items] == [(), ()]


@pytest.mark.parametrize("band", [
    "| Three Months Ended |  |  | Twelve Months Ended |  |",  # the colspan left as empty cells
    "| Three Months Ended | Twelve Months Ended |  |  |  |",  # the empty cells dropped
])
def test_period_lengths_starting_in_the_label_column_of_a_pipe_table(band):
    """A statement saved as markdown by a converter that lost the colspans prints "Three Months
    Ended" in the label column's cell: all four columns were read as years ending in December
    (the quarter's revenue given the year)."""
    text = ("# Made Up Resorts Reports Fourth Quarter 2022 Results\n\n"
            "MADE UP RESORTS INTERNATIONAL CONSOLIDATED STATEMENTS OF OPERATIONS\n\n"
            "(In thousands, except per share data) (Unaudited)\n\n"
            f"{band}\n|---|---|---|---|---|\n"
            "|  | December 31, 2022 | December 31, 2021 | December 31, 2022 | December 31, 2021 |\n"
            "| Revenues | $ 3,592,216 | $ 2,838,614 | $ 13,127,485 | $ 9,680,140 |\n"
            "| Operating expenses | 3,594,112 | 2,543,421 | 11,688,812 | 8,401,017 |\n"
            "| Operating income (loss) | (1,896) | 295,193 | 1,438,673 | 1,279,123 |\n")
    (ops,) = extract_text(text, "made-up-resorts.md").statements
    assert [(str(p.start), str(p.end)) for p in ops.periods] == [
        ("2022-10-01", "2022-12-31"), ("2021-10-01", "2021-12-31"),
        ("2022-01-01", "2022-12-31"), ("2021-01-01", "2021-12-31")]
