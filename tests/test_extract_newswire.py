"""Newswire pages saved as markdown, their tables one cell per paragraph or run together onto
one line: the forms their headers, titles and value cells take (each a fixture of a layout a
real small-cap release was printed in; companies and figures invented)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import re

import pytest

from converter.errors import ExtractionError
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
    # a company's own short titles (an investor-relations page)
    ("INCOME STATEMENTS", "INCOME STATEMENTS"),
    ("COMPREHENSIVE INCOME STATEMENTS", "COMPREHENSIVE INCOME STATEMENTS"),
    ("CASH FLOWS STATEMENTS", "CASH FLOWS STATEMENTS"),
    ("Income Statement", None),  # alone and singular: a section heading of a summary table
    # IFRS, the loss in parentheses and a lost space
    ("Consolidated Statements of Profit or (Loss) and OtherComprehensive Income or (Loss)",
     "Consolidated Statements of Profit or (Loss) and OtherComprehensive Income or (Loss)"),
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


def _bare_dates(month_day: str) -> str:
    return _page(" OSTRAVA ROYALTY HOLDING CORPORATION", " STATEMENTS OF OPERATIONS",
                 _cells(f"{month_day},", " 2024", f"{month_day},", " 2023", " Royalty income", "807,089", "488,520",
                        " Net loss", "(114,160)", "(1,101,310)"))


def test_an_annual_statement_headed_by_bare_fiscal_year_ends_covers_the_years():
    ops = _statement(_bare_dates("Dec. 31"), StatementKind.OPERATIONS)
    assert ops.periods == (Period(start=date(2024, 1, 1), end=date(2024, 12, 31)),
                           Period(start=date(2023, 1, 1), end=date(2023, 12, 31)))


def test_bare_dates_inside_the_fiscal_year_name_no_length():
    with pytest.raises(ExtractionError, match=r"ostrava.md:5: column header 'Sep. 30, 2024' names no period length"):
        extract_text(_bare_dates("Sep. 30"), "ostrava.md")


# a statement's table run together onto one line: each row's last figure glued to the next
# row's label, the header's last year to the first heading, "ASSETS" printed before the dates
RUN_ON_OPERATIONS = (
    "                          OSTRAVA BIO, INC. AND SUBSIDIARIESCONDENSED  CONSOLIDATED STATEMENTS OF OPERATIONS "
    "(In thousands, except share and per share amounts)(Unaudited)                             "
    "Three Months Ended September 30,   Nine Months Ended September 30,      2024     2023     2024     2023"
    "Net revenue:                        Product revenues   $ 3,472   $ 3,713   $ 10,186   $ 10,912"
    "Royalty and other revenues     46     29     106     72Total net revenues     3,518     3,742     10,292     10,984"
    "Operating income (loss)      206     (203)     (311)     (944)Net income (loss)     $   183   $   (182)    $   (275)"
    "   $   (921)                                                  ")
RUN_ON_BALANCE_SHEET = (
    " CONDENSED CONSOLIDATED BALANCE SHEETS(In thousands)(Unaudited)         ASSETS   September 30, 2024   "
    "December 31, 2023Current assets:        Cash and cash equivalents    $   2,457    $   4,307"
    "Total current assets     7,356     8,405TOTAL ASSETS    $   10,386    $   11,861         "
    "LIABILITIES AND STOCKHOLDERS' EQUITY        Total current liabilities     1,058     2,113"
    "TOTAL LIABILITIES AND STOCKHOLDERS' EQUITY    $   10,386    $   11,861 ")


def test_a_table_run_onto_one_line_with_figures_glued_to_labels():
    release = extract_text(_page(RUN_ON_OPERATIONS, RUN_ON_BALANCE_SHEET), "ostrava.md")
    ops = next(s for s in release.statements if s.kind is StatementKind.OPERATIONS)
    assert ops.periods == Q3
    assert [i.label for i in ops.items] == ["Product revenues", "Royalty and other revenues", "Total net revenues",
                                            "Operating income (loss)", "Net income (loss)"]
    assert [c.value for c in ops.items[1].cells] == [Decimal(46), Decimal(29), Decimal(106), Decimal(72)]
    assert [c.value for c in ops.items[3].cells] == [Decimal(206), Decimal(-203), Decimal(-311), Decimal(-944)]
    sheet = next(s for s in release.statements if s.kind is StatementKind.BALANCE_SHEET)
    assert sheet.periods == (Period(end=date(2024, 9, 30)), Period(end=date(2023, 12, 31)))
    assert [i.label for i in sheet.items] == ["Cash and cash equivalents", "Total current assets", "TOTAL ASSETS",
                                              "Total current liabilities", "TOTAL LIABILITIES AND STOCKHOLDERS' EQUITY"]
    assert [c.value for c in sheet.items[2].cells] == [Decimal(10386), Decimal(11861)]


def test_a_cash_flow_for_the_period_ended_is_the_year_to_date():
    text = _page(" ACME INC.CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS(UNAUDITED)             "
                 "For the Period Ended September 30,    2024   2023CASH FLOWS FROM OPERATING ACTIVITIES:        "
                 "Net (loss) income    $   (3,970,781)    $   9,717,744Depreciation and amortization   23,405   64,285"
                 "Net cash used in operating activities   (3,947,376)   9,782,029 ")
    flows = _statement(text, StatementKind.CASH_FLOWS)
    assert flows.periods == (Q3[2], Q3[3])
    assert [c.value for c in flows.items[1].cells] == [Decimal(23405), Decimal(64285)]


def test_a_bare_year_end_under_a_change_header_beside_named_lengths_is_no_period():
    """The year-end default is for headers that name no length at all: under "% CHANGE FROM" beside
    "THREE MONTHS ENDED" a bare "DECEMBER 31, 2020" is a change column (it became a year of percentages)."""
    text = "\n".join([
        "Ostrava Bank Reports Fourth Quarter 2021 Results", "",
        "Consolidated Statements of Earnings (unaudited)", "In millions", "",
        "                                         THREE MONTHS ENDED                                    % CHANGE FROM",
        "                        DECEMBER 31, 2021   SEPTEMBER 30, 2021   DECEMBER 31, 2020   SEPTEMBER 30, 2021   DECEMBER 31, 2020",
        "Investment banking               $ 3,604              $ 3,548             $ 2,732                  2 %               32 %",
        "Net earnings                       3,937                5,378               4,506                (27)               (13)",
        ""])
    ops = _statement(text, StatementKind.OPERATIONS)
    assert ops.periods == (Period(start=date(2021, 10, 1), end=date(2021, 12, 31)),
                           Period(start=date(2021, 7, 1), end=date(2021, 9, 30)),
                           Period(start=date(2020, 10, 1), end=date(2020, 12, 31)))
    assert [c.value for c in ops.items[-1].cells] == [Decimal(3937), Decimal(5378), Decimal(4506)]


def test_a_run_on_row_with_a_blank_cell_is_left_out_with_a_note():
    """One figure for two periods: which column is blank does not show when a table is run onto one
    line. The row was read into the next row's label ("... party) 24,370,509 Total current
    liabilities"), and the total's figures were tagged under that made-up name."""
    text = _page(" ACME INC.CONDENSED CONSOLIDATED BALANCE SHEETS                September 30,   December 31,  2024   2023  "
                 "(UNAUDITED)    ASSETS      Current assets:      Cash and cash equivalents $   2,707,688   $   6,042,986"
                 "Total assets $   57,511,990   $   58,888,612       Current liabilities:      Accounts payable   1,190,351"
                 "   1,472,055 Convertible notes payable, net (held by a related party)   24,370,509   Total current "
                 "liabilities   27,046,411   3,155,000 Common stock, par value $0.001; 100,000,000 Shares authorized;"
                 " 31,092,695 issued and outstanding   31   31 Allowance for credit losses 225,000 -Retained deficit"
                 "   (14,860,711)   (10,889,930) Total liabilities and stockholders' equity $ 57,511,990 $ 58,888,612 ")
    release = extract_text(text, "acme.md")
    sheet = release.statements[0]
    labels = [i.label for i in sheet.items]
    assert "Total current liabilities" in labels
    total = sheet.items[labels.index("Total current liabilities")]
    assert [c.value for c in total.cells] == [Decimal(27046411), Decimal(3155000)]
    assert not any("24,370,509" in label for label in labels)
    assert len(sheet.notes) == 1 and "'Convertible notes payable, net (held by a related party)'" in sheet.notes[0]
    assert "printed 1 of 2 figures" in sheet.notes[0]
    # numbers inside a label stay in it, and a dash glued to the next label is that row's figure
    assert any(label.startswith("Common stock, par value $0.001; 100,000,000 Shares authorized") for label in labels)
    allowance = sheet.items[labels.index("Allowance for credit losses")]
    assert [c.kind for c in allowance.cells] == [CellKind.NUMBER, CellKind.DASH]
    assert labels[labels.index("Allowance for credit losses") + 1] == "Retained deficit"


def test_a_title_line_over_a_table_run_onto_the_next_line():
    """The company's name glued to the title ("INC.CONSOLIDATED"), the table on the next line run
    together, a heading's colon glued to the row under it ("(income):Interest"): the release
    ended no-statements."""
    text = _page(" OSTRAVA FUELS, INC.CONSOLIDATED CONDENSED STATEMENTS OF OPERATIONS(In thousands, except per share data)",
                 "For the three months ended December 31, For the years ended December 31, 2024 2023 2024 2023 "
                 "Revenues  $      47,004  $      70,764  $    267,640  $  186,717Cost of goods sold          49,044"
                 "          69,900        268,220      184,700Operating loss        (13,476)          (8,959)"
                 "        (40,416)      (37,401) Other expense (income):Interest expense          11,066            8,812"
                 "         46,091       37,260Net loss  $ (24,542)  $ (17,771)  $ (86,507)  $ (74,661) "
                 + " " * 40)
    ops = _statement(text, StatementKind.OPERATIONS)
    assert ops.title == "CONSOLIDATED CONDENSED STATEMENTS OF OPERATIONS"
    assert ops.scale.exponent == 3
    assert ops.periods == (Period(start=date(2024, 10, 1), end=date(2024, 12, 31)),
                           Period(start=date(2023, 10, 1), end=date(2023, 12, 31)),
                           Period(start=date(2024, 1, 1), end=date(2024, 12, 31)),
                           Period(start=date(2023, 1, 1), end=date(2023, 12, 31)))
    interest = next(i for i in ops.items if i.label == "Interest expense")
    assert interest.section == ("Other expense (income)",)
    assert [c.value for c in ops.items[-1].cells] == [Decimal(-24542), Decimal(-17771), Decimal(-86507), Decimal(-74661)]


def test_figures_run_together_without_a_space_are_read_by_their_thousands_separators():
    """ "Total net revenues 4,8773,522 Cost of goods sold 1,9021,655": a thousands separator is
    followed by exactly three digits, so where "4,877" ends and "3,522" begins can be read; the
    row had taken the next row's figures and the statement was skipped."""
    sheet = ("CONDENSED CONSOLIDATED BALANCE SHEETS (Unaudited)   March 31, 2025   December 31, 2024 "
             "Cash and cash equivalents $ 3,457 $ 3,981 Total assets $ 11,778 $ 11,210 "
             "Total liabilities and stockholders' equity $ 11,778 $ 11,210" + " " * 200)
    operations = (" STATEMENTS OF OPERATIONS (Unaudited) Three Months Ended March 31, 2025 2024 "
                  "Total net revenues 4,8773,522 Cost of goods sold 1,9021,655 Net income (loss) $ 558 $ (169)"
                  + " " * 200)
    release = extract_text(_page(sheet, operations), "ostrava.md")
    assert [s.kind for s in release.statements] == [StatementKind.BALANCE_SHEET, StatementKind.OPERATIONS]
    rows = {i.label: [c.value for c in i.cells] for i in release.statements[1].items}
    assert rows["Total net revenues"] == [Decimal(4877), Decimal(3522)]
    assert rows["Cost of goods sold"] == [Decimal(1902), Decimal(1655)]
    assert not release.skipped_tables


def test_a_table_whose_every_separator_was_lost():
    """A newswire page that lost every separator of its tables: the company's name in title case
    glued to the title, the column headings on lines of their own above the run-on body
    ("Six Months EndedJune 30," too), day-first dates ("31-Dec-24"), a label glued to its figure
    ("net7,090,854"), figures glued to each other, a dash glued to a label ("party- 501"): the
    release had no statements."""
    text = _page(" Ostrava Games Group, Inc. and SubsidiariesConsolidated Balance Sheets",
                 "     As of   As of    30-Jun-25   31-Dec-24         ASSETS     Current assets:  "
                 "Cash and cash equivalents  $    22,136,319 $ 30,125,944Accounts receivable, net7,090,854 6,061,281"
                 "Total current assets29,227,17336,187,225   LIABILITIES AND SHAREHOLDERS' EQUITY Current liabilities: "
                 "Loan – related party- 501,591 Taxes payable 3,644,543 3,774,418Total current liabilities3,644,5434,276,009"
                 + " " * 200)
    text += ("\n\n Ostrava Games Group, Inc. and SubsidiariesConsolidated Statements of Operations (Unaudited)\n\n"
             "  Three Months EndedJune 30,\n\nSix Months EndedJune 30,   2025 2024 2025 2024   "
             "Revenues $ 43,245,368 $ 39,415,242 $ 85,968,421 $ 64,265,829 Cost of goods sold(18,868,349)(17,729,700) "
             "(37,395,441)(24,888,357) Gross profit24,377,01921,685,542 48,572,98039,377,472" + " " * 200 + "\n")
    release = extract_text(text, "ostrava-games.md")
    sheet, ops = release.statements
    assert (sheet.kind, ops.kind) == (StatementKind.BALANCE_SHEET, StatementKind.OPERATIONS)
    assert sheet.periods == (Period(end=date(2025, 6, 30)), Period(end=date(2024, 12, 31)))
    rows = {i.label: [c.value for c in i.cells] for i in sheet.items}
    assert rows["Accounts receivable, net"] == [Decimal(7090854), Decimal(6061281)]
    assert rows["Total current assets"] == [Decimal(29227173), Decimal(36187225)]
    assert rows["Loan – related party"] == [None, Decimal(501591)]
    assert ops.periods == (Period(start=date(2025, 4, 1), end=date(2025, 6, 30)), Period(start=date(2024, 4, 1), end=date(2024, 6, 30)),
                           Period(start=date(2025, 1, 1), end=date(2025, 6, 30)), Period(start=date(2024, 1, 1), end=date(2024, 6, 30)))
    rows = {i.label: [c.value for c in i.cells] for i in ops.items}
    assert rows["Gross profit"] == [Decimal(24377019), Decimal(21685542), Decimal(48572980), Decimal(39377472)]
    assert rows["Cost of goods sold"][0] == Decimal(-18868349)


def test_a_title_broken_over_two_paragraphs_is_one_title():
    """ "INTERIM CONDENSED CONSOLIDATED STATEMENTS OF COMPREHENSIVE" / "LOSS": the statement was
    not found, its rows read as nothing (a layout of a newswire page; invented figures)."""
    text = _page(" OSTRAVA BIO LTD.", "INTERIM CONDENSED CONSOLIDATED STATEMENTS OF COMPREHENSIVE", "LOSS",
                 "U.S. dollars in thousands",
                 _cells("Three Months Ended", "Nine Months Ended", "September 30,", "September 30,",
                        "2024", "2023", "2024", "2023"), OPERATIONS_BODY)
    ops = _statement(text, StatementKind.OPERATIONS)
    assert ops.title == "INTERIM CONDENSED CONSOLIDATED STATEMENTS OF COMPREHENSIVE LOSS"
    assert ops.periods == Q3
    assert [i.label for i in ops.items][-1] == "Net loss"


@pytest.mark.parametrize("first, second", [
    ("CONSOLIDATED STATEMENTS OF", "Revenue"),  # a row label, not the rest of a title
    ("Statements of Operations and", "2024 was a year of growth for the company"),
])
def test_a_line_after_an_open_title_that_does_not_complete_it_is_left_alone(first, second):
    from converter.extract.reader import split_lines
    from converter.extract.titles import joined_titles

    lines = split_lines(f"{first}\n{second}\n", "x.txt")
    assert [line.text for line in joined_titles(lines)][:2] == [first, second]


def test_an_investor_relations_page_one_cell_per_line():
    """Short titles of the company's own, no blank lines, and a label stating figures broken over
    three lines ("... allowance for doubtful accounts of" / "$830" / "and $650") before its values:
    the statements had run into one another and the allowance had been tagged as receivables."""
    text = "\n".join([
        "OSTRAVA SOFTWARE CORPORATION", "INCOME STATEMENTS", "(In millions) (Unaudited)",
        "Three Months Ended", "September 30,", "2024", "2023",
        "Revenue", "$12,100", "$10,400", "Net income", "$2,300", "$1,950",
        "COMPREHENSIVE INCOME STATEMENTS", "(In millions) (Unaudited)",
        "Three Months Ended", "September 30,", "2024", "2023",
        "Net income", "$2,300", "$1,950", "Foreign currency translation adjustments", "(40)", "25",
        "Comprehensive income", "$2,260", "$1,975",
        "BALANCE SHEETS", "(In millions) (Unaudited)", "September 30,", "2024", "June 30,", "2024",
        "Accounts receivable, net of allowance for doubtful accounts of", "$830", "and $650", "56,924", "48,688",
        "Total assets", "$80,000", "$70,000", "",
    ])
    release = extract_text(text, "ostrava-ir.md")
    assert [s.kind for s in release.statements] == [StatementKind.OPERATIONS, StatementKind.COMPREHENSIVE_INCOME,
                                                     StatementKind.BALANCE_SHEET]
    receivables = release.statements[-1].items[0]
    assert receivables.label == "Accounts receivable, net of allowance for doubtful accounts of $830 and $650"
    assert [c.value for c in receivables.cells] == [Decimal(56924), Decimal(48688)]


def test_an_unlabelled_total_and_figures_that_cannot_be_told_apart_in_a_run_on_body():
    """Years glued ("20242025"), the total of the operating expenses printed without a label
    after the last expense's figures (eight figures in a row of four columns), and "54 39151 70"
    (figures run together with no separator to tell 39 from 151): the statement was
    unreadable; now the total is a row of its own and the garbled row is left out with a note
    rather than read into the next row's label."""
    text = _page(" OSTRAVA LABS, INC.Condensed Consolidated Statements of Operations Information(amounts in thousands)",
                 "Three Months EndedSeptember 30,", " Nine Months EndedSeptember 30,",
                 "2025 20242025 2024Revenue $ - $ 2,789 $ 2,489 $ 3,090Operating expenses: Research and development "
                 "5,043 7,40215,127 16,105 General and administrative 1,330 1,2414,559 3,785 6,373 8,64319,686 19,890"
                 "Loss from operations(6,373) (5,854)(17,197) (16,800)Other income (expense) 54 39151 70"
                 "Net loss $ (6,319) $ (5,815) $ (17,046) $ (16,730)" + " " * 200)
    ops = _statement(text, StatementKind.OPERATIONS)
    assert ops.periods == (Period(start=date(2025, 7, 1), end=date(2025, 9, 30)), Period(start=date(2024, 7, 1), end=date(2024, 9, 30)),
                           Period(start=date(2025, 1, 1), end=date(2025, 9, 30)), Period(start=date(2024, 1, 1), end=date(2024, 9, 30)))
    rows = [(i.label, [c.value for c in i.cells]) for i in ops.items]
    assert rows[3] == ("Total operating expenses", [Decimal(6373), Decimal(8643), Decimal(19686), Decimal(19890)])
    assert rows[-1] == ("Net loss", [Decimal(-6319), Decimal(-5815), Decimal(-17046), Decimal(-16730)])
    assert not any(label.startswith("Other income") for label, _ in rows)
    assert any("cannot be told apart" in note for note in ops.notes)


def test_two_bold_runs_back_to_back_in_a_header_cell_are_two_words():
    """ "**Three Months Ended****December 31,**" over "**2024**" cells, the header rows printed
    with fewer cells than the rows of figures: "EndedDecember" hid the period length, the
    quarter's prior-year column was read as a year, and the fourth column was lost."""
    text = ("# Made Up Pipeline Reports Results\n\n"
            "| **MADE UP PIPELINE, L.P.****FINANCIAL SUMMARY** (unaudited) |\n| --- | --- | --- | --- |\n"
            "| **CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS**(in millions, except per unit data) |\n"
            "|  | **Three Months Ended****December 31,** |  | **Twelve Months Ended****December 31,** |\n"
            "|  | **2024** |  | **2023** |  | **2024** |  | **2023** |\n"
            "| **REVENUES** | $ | 12,402 |  |  | $ | 12,698 |  |  | $ | 50,073 |  |  | $ | 48,712 |  |\n"
            "| Net income |  | 1,175 |  |  |  | 1,140 |  |  |  | 4,513 |  |  |  | 4,181 |  |\n")
    (ops,) = extract_text(text, "pipeline.md").statements
    assert ops.periods == (Period(start=date(2024, 10, 1), end=date(2024, 12, 31)), Period(start=date(2023, 10, 1), end=date(2023, 12, 31)),
                           Period(start=date(2024, 1, 1), end=date(2024, 12, 31)), Period(start=date(2023, 1, 1), end=date(2023, 12, 31)))
    assert [c.value for c in ops.items[0].cells] == [Decimal(12402), Decimal(12698), Decimal(50073), Decimal(48712)]
    # one word the rendering split in two bold runs stays one word
    assert extract_text(text.replace("**Three Months Ended****December 31,**", "**Three Months Ended D****ecember 31,**"),
                        "pipeline.md").statements[0].periods == ops.periods


def test_an_ifrs_statement_of_profit_or_loss_with_quarter_codes_and_the_year_to_date():
    """An IFRS filer's "Consolidated statement of profit or loss" (no statement of operations
    was found), headed "4Q24 4Q23 % Change 3Q24 % Change YTD24 YTD23 % Change": the year to
    date ends on the release's period end ("the fourth quarter (4Q24)"), not on the quarter
    printed beside it."""
    text = ("# Made Up Air Reports Fourth-Quarter Financial Results\n\n"
            "PANAMA CITY -- Made Up Air announced results for the fourth quarter (4Q24) and the full year 2024.\n\n"
            "**Consolidated statement of profit or loss**\n**(In US$ thousands)**\n\n"
            "|  | **4Q24** | **4Q23** | **%** | **3Q24** | **%** | **YTD24** | **YTD23** | **%** |\n"
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
            "|  |  |  | **Change** |  | **Change** |  |  | **Change** |\n"
            "| Passenger revenue | 833,189 | 875,257 | (4.8%) | 818,381 | 1.8% | 3,291,793 | 3,316,362 | (0.7%) |\n"
            "| **Total Operating Revenue** | **877,052** | **912,840** | **(3.9****%)** | **854,708** | **2.6****%** "
            "| **3,444,629** | **3,457,005** | **(0.4****%)** |\n"
            "| **Net profit** | **146,123** | **168,567** | **(13.3****%)** | **145,401** | **0.5****%** "
            "| **600,808** | **518,216** | **15.9****%** |\n")
    (ops,) = extract_text(text, "made-up-air.md").statements
    assert ops.kind is StatementKind.OPERATIONS
    assert ops.periods == (Period(start=date(2024, 10, 1), end=date(2024, 12, 31)), Period(start=date(2023, 10, 1), end=date(2023, 12, 31)),
                           Period(start=date(2024, 7, 1), end=date(2024, 9, 30)), Period(start=date(2024, 1, 1), end=date(2024, 12, 31)),
                           Period(start=date(2023, 1, 1), end=date(2023, 12, 31)))
    assert [c.value for c in ops.items[-1].cells] == [Decimal(146123), Decimal(168567), Decimal(145401), Decimal(600808), Decimal(518216)]


def test_a_pipe_table_with_subtotals_in_outer_columns_that_lost_their_colspans():
    # a PDF-to-markdown rendering: each period's inner and outer figures land in columns of
    # their own that drift from row to row; the outer subtotal sits beside the last component
    text = ("# Larchmont Re Reports Fourth Quarter 2024 Results\n\n**CONSOLIDATED BALANCE SHEETS**\n\n"
            "| (US$ millions) |  | | |  | December 31 | |  |  |  |  | December 31 | |  |\n"
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
            "|  |  | | |  |  | 2024 |  |  |  |  |  | 2023 |  |\n"
            "| Assets |  | | |  |  | | |  |  |  |  |\n"
            "| Invested assets |  | | |  |  | | |  |  |  |  |\n"
            "| Cash and cash equivalents | $ | 2,243 |  |  |  | $ | 1,308 |  |  | | |\n"
            "| Investments |  | 9,966 |  |  |  |  | 8,838 |  |  | | |\n"
            "| Accrued investment income |  | 160 |  |  | 12,369 |  |  | 80 |  |  |  | 10,226 |  |\n"
            "| Other assets |  | | |  |  | 1,631 |  |  |  |  |  | 1,774 |  |\n"
            "| Total assets |  | | |  |  | 14,000 |  |  |  |  |  | 12,000 |  |\n")
    st = _statement(text, StatementKind.BALANCE_SHEET)
    rows = {i.label: [c.value for c in i.cells] for i in st.items}
    assert rows["Accrued investment income"] == [Decimal(160), Decimal(80)]
    assert rows["Total invested assets"] == [Decimal(12369), Decimal(10226)]
    assert rows["Other assets"] == [Decimal(1631), Decimal(1774)]
    assert rows["Total assets"] == [Decimal(14000), Decimal(12000)]


def test_figures_printed_under_no_label_and_no_heading_are_a_subtotal():
    text = ("# Larchmont Re Reports Fourth Quarter 2024 Results\n\n**CONSOLIDATED BALANCE SHEETS**\n\n"
            "| (US$ millions) | December 31, 2024 | December 31, 2023 |\n| --- | --- | --- |\n"
            "| Cash | 2,000 | 1,000 |\n| Investments | 10,000 | 9,000 |\n| Total assets | 12,000 | 10,000 |\n"
            "| Policy liabilities | 7,000 | 6,000 |\n| Borrowings | 1,000 | 1,000 |\n| | 8,000 | 7,000 |\n"
            "| Common equity | 4,000 | 3,000 |\n| {last} | 12,000 | 10,000 |\n")
    st = _statement(text.format(last="Total liabilities and equity"), StatementKind.BALANCE_SHEET)
    labels = [i.label for i in st.items]
    assert labels[5] == "Subtotal" and [c.value for c in st.items[5].cells] == [Decimal(8000), Decimal(7000)]
    # the last row printed without a label and repeating total assets is total liabilities and equity
    st = _statement(text.format(last=""), StatementKind.BALANCE_SHEET)
    assert [i.label for i in st.items][-1] == "Total liabilities and equity"
    assert st.items[-1].unnamed and [c.value for c in st.items[-1].cells] == [Decimal(12000), Decimal(10000)]
    # with a total equity printed, the subtotal that makes total assets with it is total liabilities
    st = _statement(text.format(last="").replace("Common equity", "Total equity"), StatementKind.BALANCE_SHEET)
    assert [i.label for i in st.items][5] == "Total liabilities"
    st = _statement(text.format(last="").replace("Common equity | 4,000", "Total equity | 4,001"),
                    StatementKind.BALANCE_SHEET)
    assert [i.label for i in st.items][5] == "Subtotal"  # 8,000 and 4,001 do not make 12,000


def test_day_month_headings_over_years_and_the_headings_printed_again_at_a_page_break():
    # "September 30," / "31-Dec" over "2024" / "2023", and the same four cells again above the
    # liabilities: the repeated headings are no row
    text = _page(
        "HALDEN THERAPEUTICS CORP", "CONDENSED CONSOLIDATED BALANCE SHEETS",
        _cells("September 30,", "31-Dec", "2024", "2023", "U.S. dollars in thousands",
               "Cash and cash equivalents", "$", "1,973", "$", "4,595",
               "Prepaid expenses", "944", "335",
               "TOTAL ASSETS", "$", "2,917", "$", "4,930",
               "September 30,", "31-Dec", "2024", "2023",
               "Trade payables", "1,210", "880",
               "Shareholders' equity", "1,707", "4,050",
               "TOTAL LIABILITIES AND EQUITY", "$", "2,917", "$", "4,930"))
    st = _statement(text, StatementKind.BALANCE_SHEET)
    assert [p.end for p in st.periods] == [date(2024, 9, 30), date(2023, 12, 31)]
    rows = [(i.label, [c.value for c in i.cells]) for i in st.items]
    assert [label for label, _ in rows] == ["Cash and cash equivalents", "Prepaid expenses", "TOTAL ASSETS",
                                            "Trade payables", "Shareholders' equity", "TOTAL LIABILITIES AND EQUITY"]
    assert rows[3] == ("Trade payables", [Decimal(1210), Decimal(880)])


def test_a_label_closing_on_a_long_aside_with_figures_is_no_prose():
    aside = ("(including $1,796 and $51 from related party for the nine months period ended September 30, 2024 "
             "and 2023, respectively, and including $1,762 and $17 from related party for the three months)")
    text = _page(" CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS",
                 _cells("Three Months Ended", "Nine Months Ended", "September 30,", "September 30,",
                        "2024", "2023", "2024", "2023", "OPERATING EXPENSES:", f"Research and development {aside}",
                        "3,217", "535", "4,944", "2,451", "Financial expenses (income), " + aside, "(182)", "40", "(47)", "40",
                        "NET LOSS", "$", "(3,035)", "$", "(575)", "$", "(4,897)", "$", "(2,491)"))
    ops = _statement(text, StatementKind.OPERATIONS)
    assert [i.label.split(" (")[0] for i in ops.items] == ["Research and development", "Financial expenses", "NET LOSS"]
    assert [c.value for c in ops.items[0].cells] == [Decimal(3217), Decimal(535), Decimal(4944), Decimal(2451)]
    from converter.extract.titles import is_prose
    assert is_prose("The Company grew its revenue across all segments during the quarter as customers continued "
                    "to adopt the platform and its backlog grew to record levels (see the table below).")


def test_stock_captions_and_a_dated_count_in_parentheses_stay_in_their_labels_in_a_run_on_body():
    """A run-on equity section: "Common stock: $0.00001 par value; ..." is one caption (its colon
    opens no heading), and "(December 2024 – 59,796 shares)" stays in the treasury label, the
    count dated to the year printed before it (the year and the dash were read as figures, the
    row cut at "shares)")."""
    from converter.concepts import concept_table
    from converter.map import EntityId, map_release

    text = _page(
        " OSTRAVA LABS, INC.CONSOLIDATED BALANCE SHEETS     As of   As of    31-Dec-24   31-Dec-23   "
        "ASSETS Cash and cash equivalents $ 30,000 $ 20,000 Total assets $ 30,000 $ 20,000 "
        "LIABILITIES AND SHAREHOLDERS’ EQUITY Accounts payable 6,000 4,000 Total liabilities 6,000 4,000 "
        "Shareholders’ equity: Preferred stock: $0.00001 par value; 20,000,000 shares authorized  -   - "
        "Common stock: $0.00001 par value; 300,000,000 shares authorized; 129,242,993 and 83,475,190 shares "
        "issued and outstanding, respectively $ 1,292 $ 835 Additional paid-in capital 24,120,138 15,995,165 "
        "Treasury stock, at cost (December 2024 – 59,796 shares) (121,430) - "
        "Accumulated deficit (24,000,000) (16,000,000) Total shareholders’ equity 24,000 16,000 "
        "Total liabilities and shareholders’ equity $ 30,000 $ 20,000 " + " " * 200)
    release = extract_text(text, "ostrava.md")
    sheet = next(s for s in release.statements if s.kind is StatementKind.BALANCE_SHEET)
    labels = [i.label for i in sheet.items]
    assert "Preferred stock: $0.00001 par value; 20,000,000 shares authorized" in labels
    assert "Treasury stock, at cost (December 2024 – 59,796 shares)" in labels
    assert not any(label.startswith("$") or label == "shares)" for label in labels)
    facts = map_release(release, concept_table(), EntityId(cik="0009990021", name="Ostrava Labs")).facts
    by = {(f.concept, f.period.end): f.value for f in facts}
    assert by[("us-gaap:CommonStockSharesAuthorized", date(2024, 12, 31))] == Decimal(300_000_000)
    assert by[("us-gaap:CommonStockValue", date(2023, 12, 31))] == Decimal(835)
    assert by[("us-gaap:TreasuryStockValue", date(2024, 12, 31))] == Decimal(121_430)
    assert by[("us-gaap:TreasuryStockShares", date(2024, 12, 31))] == Decimal(59_796)
    assert ("us-gaap:TreasuryStockShares", date(2023, 12, 31)) not in by


def test_figures_and_blank_dashes_glued_between_two_labels_in_a_run_on_body():
    """"net1,097,7411,192,044Right of use assets": two figures glued to the label before them and
    to the next label after them; "liabilities-512,137Total": a dash printed for a blank cell
    glued between a label and a figure; "stock7,721-Tax": between a figure and the next label.
    Each ran the rows together into one long label (an extension concept)."""
    text = _page(
        " OSTRAVA LABS, INC.CONDENSED CONSOLIDATED BALANCE SHEETS(UNAUDITED)   June 30,   December 31,   2025   2024 "
        "ASSETS Cash$ 30,000,000 $ 29,000,000Intangible assets, net1,097,7411,192,044Right of use assets, net 23,988 35,560"
        "Total assets$ 31,121,729 $ 30,227,604 LIABILITIES AND STOCKHOLDERS' EQUITY Accounts payable$ 1,875,222 $ 982,665"
        "Other liabilities-512,137Total liabilities1,875,2221,494,802Total stockholders' equity29,246,50728,732,802"
        "Total liabilities and stockholders' equity$ 31,121,729 $ 30,227,604 " + " " * 200)
    sheet = _statement(text, StatementKind.BALANCE_SHEET)
    rows = {i.label: [c.value for c in i.cells] for i in sheet.items}
    assert rows["Intangible assets, net"] == [Decimal(1097741), Decimal(1192044)]
    assert rows["Right of use assets, net"] == [Decimal(23988), Decimal(35560)]
    assert rows["Other liabilities"] == [None, Decimal(512137)]
    assert rows["Total liabilities"] == [Decimal(1875222), Decimal(1494802)]
    assert [c.kind for c in sheet.items[[i.label for i in sheet.items].index("Other liabilities")].cells][0] is CellKind.DASH


def test_a_long_stock_caption_one_cell_per_paragraph_does_not_end_the_balance_sheet():
    """"Common stock, $0.001 par value, 25,000,000 shares authorized, 9,864,120 shares issued and
    9,236,987 shares outstanding as of September 30, 2024 and 9,222,157 shares outstanding as of
    December 31, 2023, respectively": over 160 characters, it was taken for prose and the balance
    sheet ended above the equity; and "2024 and 9,222,157 shares outstanding" was read as a pair
    of counts (2,024 shares outstanding)."""
    from converter.concepts import concept_table
    from converter.map import EntityId, map_release

    caption = ("Common stock, $0.001 par value, 25,000,000 shares authorized, 9,864,120 shares issued and 9,236,987 "
               "shares outstanding as of September 30, 2024 and 9,222,157 shares outstanding as of December 31, 2023, "
               "respectively")
    text = _page(_cells(
        " OSTRAVA MEDIA, INC.", " CONDENSED CONSOLIDATED BALANCE SHEETS", "September 30,", "December 31,", "2024", "2023",
        " Cash and cash equivalents", "$", "21,676,801", "$", "23,887,268",
        " Total assets", "$", "21,676,801", "$", "23,887,268",
        " Total liabilities", "4,313,920", "3,752,581",
        " Commitments and contingencies", " Stockholders’ equity:",
        " " + caption, "9,879", "9,864",
        " Additional paid-in capital", "36,372,615", "36,208,728",
        " Accumulated deficit", "(18,719,613", ")", "(16,073,426", ")",
        " Total stockholders’ equity", "17,362,881", "20,134,687",
        " Total liabilities and stockholders’ equity", "$", "21,676,801", "$", "23,887,268",
        "About Ostrava Media", "Ostrava Media builds video chat products for communities and has done so since 1998."))
    release = extract_text(text, "ostrava.md")
    sheet = next(s for s in release.statements if s.kind is StatementKind.BALANCE_SHEET)
    assert sheet.items[-1].label == "Total liabilities and stockholders’ equity"
    mapped = map_release(release, concept_table(), EntityId(cik="0009990024", name="Ostrava Media"))
    facts = {(f.concept, f.period.end): f.value for f in mapped.facts}
    assert facts[("us-gaap:CommonStockSharesOutstanding", date(2024, 9, 30))] == Decimal(9_236_987)
    assert facts[("us-gaap:CommonStockSharesOutstanding", date(2023, 12, 31))] == Decimal(9_222_157)
    assert facts[("us-gaap:StockholdersEquity", date(2024, 9, 30))] == Decimal(17_362_881)


def test_headings_without_colons_run_into_the_first_label_under_them():
    """Run-on text: "Operating expenses Selling, general and administrative expenses 26,681,869",
    "Loss Per Share - basic and diluted Loss from continuing operations ($0.01)": no figures came
    between the heading and the label, so the heading is one (they were read as one long label,
    an extension concept), and the per-share rows under a basic-and-diluted heading are the
    basic-and-diluted figures."""
    from converter.concepts import concept_table
    from converter.map import EntityId, map_release

    text = _page(
        " OSTRAVA GAMING CORP.CONSOLIDATED STATEMENTS OF OPERATIONS(Unaudited)     For the years ended December 31, "
        "2024 2023 Revenues $ 151,118,154 $ 44,173,111 Cost of goods sold (66,061,342) (19,117,592) "
        "Gross profit 85,056,812 25,055,519 Operating expenses Selling, general and administrative expenses "
        "84,156,211 18,129,212 Income (loss) from operations 900,601 6,926,307 Net income (loss) $ 900,601 $ 6,926,307 "
        "Loss Per Share - basic and diluted Loss from continuing operations ($0.01) ($0.02)Loss from discontinued "
        "operations ($0.00) ($0.01)Loss available to common stockholders ($0.01) ($0.03) " + " " * 200)
    release = extract_text(text, "ostrava.md")
    ops = _statement(text, StatementKind.OPERATIONS)
    sga = next(i for i in ops.items if i.label == "Selling, general and administrative expenses")
    assert sga.section[-1] == "Operating expenses"
    mapped = map_release(release, concept_table(), EntityId(cik="0009990025", name="Ostrava Gaming"))
    year = ops.periods[0]
    facts = {f.concept: f.value for f in mapped.facts if f.period == year}
    assert facts["us-gaap:SellingGeneralAndAdministrativeExpense"] == Decimal(84_156_211)
    assert facts["us-gaap:EarningsPerShareBasicAndDiluted"] == Decimal("-0.01")
    assert facts["us-gaap:IncomeLossFromDiscontinuedOperationsNetOfTaxPerBasicAndDilutedShare"] == Decimal("0.00")


def test_a_long_heading_with_its_colon_past_the_sixth_word_in_a_run_on_body():
    """"Adjustments to reconcile net loss to net cash provided by (used in) operating activities -
    continuing operations: Depreciation and amortization 23,405 64,285": the heading's colon
    comes after its sixth word; it was read as part of the first label under it."""
    text = _page(
        " OSTRAVA LABS, INC.CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS(UNAUDITED)   For the Period Ended "
        "September 30,    2024   2023CASH FLOWS FROM OPERATING ACTIVITIES:        Net loss    $ (3,970,781)    $ "
        "(2,114,444)Adjustments to reconcile net loss to net cash provided by (used in) operating activities - "
        "continuing operations:        Depreciation and amortization 23,405 64,285Stock-based compensation 16,296 "
        "16,750Net cash used in operating activities (3,931,080) (2,033,409) " + " " * 200)
    flows = _statement(text, StatementKind.CASH_FLOWS)
    depreciation = flows.items[1]
    assert depreciation.label == "Depreciation and amortization"
    assert depreciation.section[-1] == ("Adjustments to reconcile net loss to net cash provided by (used in) operating "
                                        "activities - continuing operations")


def test_a_dollar_sign_given_a_cell_of_its_own_only_in_the_rows_that_print_it():
    """A pipe table that lost its colspans: "NET INCOME | $ | 10,399 |  |  | $ | 11,687": each "$"
    pushes the figures after it one column right of the other rows' (which print figures where
    the "$" stands); the row's second-quarter figure was read under the third quarter, silently."""
    head = ("| | Three months ended December 31, 2021 | | | Three months ended September 30, 2021 | | | Three months ended "
            "June 30, 2021 | | | % Change | | | |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n")
    text = ("# Larchmont Bancorp Reports Fourth Quarter 2021 Results\n\n**CONSOLIDATED STATEMENTS OF INCOME**\n\n"
            "(in millions)\n\n" + head +
            "| Income before income tax expense | 12,657 |  |  | 14,111 |  |  | 15,097 |  |  | (10) |  |  |  |\n"
            "| Income tax expense | 2,258 |  |  | 2,424 |  |  | 3,149 |  |  | (7) |  |  |  |\n"
            "| NET INCOME | $ | 10,399 |  |  | $ | 11,687 |  |  | $ | 11,948 |  |  | (11) |\n")
    ops = _statement(text, StatementKind.OPERATIONS)
    rows = {i.label: [c.value for c in i.cells] for i in ops.items}
    assert rows["NET INCOME"] == [Decimal(10399), Decimal(11687), Decimal(11948)]
    assert rows["Income tax expense"] == [Decimal(2258), Decimal(2424), Decimal(3149)]


def test_a_business_development_company_s_statement_of_assets_and_liabilities():
    """A BDC's newswire release titles its balance sheet "Consolidated Statements of Assets and
    Liabilities", glued to the company's name in capitals ("ORVANE CAPITAL CORPORATIONConsolidated
    ..."): it was no statement. Its equity is "Total Net Assets", which had been read as total
    assets by the fallback ranking."""
    from converter.concepts import concept_table
    from converter.map import EntityId, map_release
    text = ("# Orvane Capital Corporation Announces Fiscal First Quarter 2025 Results\n\n"
            "| ORVANE CAPITAL CORPORATIONConsolidated Statements of Assets and Liabilities | | | |\n"
            "| --- | --- | --- | --- |\n"
            "|  | December 31, 2024(Unaudited) |  | September 30, 2024 |\n"
            "| Assets: |  |  |  |\n"
            "| Investments at fair value | $ 301,104,000 |  | $ 292,528,000 |\n"
            "| Cash and cash equivalents | 10,824,044 |  | 10,223,813 |\n"
            "| Total Assets | $ 311,928,044 |  | $ 302,751,813 |\n"
            "| Liabilities: |  |  |  |\n"
            "| Credit facility and notes payable | 149,156,114 |  | 142,444,040 |\n"
            "| Total Liabilities | 149,156,114 |  | 142,444,040 |\n"
            "| Net Assets: |  |  |  |\n"
            "| Total Net Assets | 162,771,930 |  | 160,307,773 |\n"
            "| Total Liabilities and Net Assets | $ 311,928,044 |  | $ 302,751,813 |\n")
    release = extract_text(text, "orvane.md")
    (sheet,) = release.statements
    assert sheet.kind is StatementKind.BALANCE_SHEET
    assert sheet.periods == (Period(end=date(2024, 12, 31)), Period(end=date(2024, 9, 30)))
    mapped = map_release(release, concept_table(), EntityId(cik="0001099941", name="Orvane Capital Corp"))
    latest = {f.concept: f.value for f in mapped.facts if f.period == Period(end=date(2024, 12, 31))}
    assert latest["us-gaap:Assets"] == Decimal(311928044)
    assert latest["us-gaap:StockholdersEquity"] == Decimal(162771930)
    assert latest["us-gaap:LiabilitiesAndStockholdersEquity"] == Decimal(311928044)


def test_a_title_glued_to_the_end_of_the_statement_above_heads_the_run_on_line_below():
    """A wire page runs each statement onto one line and glues the next statement's title to the
    end of the one above ("... 1,817,282  Condensed Consolidated Balance Sheet Information(amounts
    in thousands, ...)"), the balance sheet's rows on the line below with no title: it was not
    read. Its first label carries the "Assets" heading run into it ("Assets Cash and cash
    equivalents"), and "Liabilities and stockholders' equity" into "Total liabilities"."""
    ops = (" Year Ended December 31, 2024 2023Revenue from government contract $ 3,955  $  -   Operating expenses: "
           "Research and development               23,714               20,721 General and administrative          "
           "        5,385                   6,022                 29,099                 26,743Loss from operations     "
           "         (25,144)          (26,743)Other income (expense), net    152                  776 Net loss  $  "
           "(24,992)  $  (25,967) Net loss per common share $  (4.82)  $  (14.29) Weighted averages shares outstanding "
           "        5,187,038          1,817,282  Condensed Consolidated Balance Sheet Information(amounts in thousands, "
           "except common share information)")
    sheet = (" December 31, 2024 2023Assets Cash and cash equivalents $  5,507  $  6,453 Other current assets  2,428   "
             "1,433 Total current assets 7,935 7,886 Property and other assets  221   1,397 Total assets $  8,156  $  9,283 "
             "Liabilities and stockholders' equity Total liabilities $  3,107  $  3,520 Stockholders' equity  5,049   "
             "5,763 Total liabilities and stockholders' equity  $  8,156  $  9,283Common shares outstanding 10,536,875 "
             "1,977,152 ")
    text = _page(" ORVANE LABS, INC.Condensed Consolidated Statements of Operations Information(amounts in thousands, "
                 "except common share information)", ops, sheet)
    release = extract_text(text, "orvane-labs.md")
    assert [s.kind for s in release.statements] == [StatementKind.OPERATIONS, StatementKind.BALANCE_SHEET]
    balance = release.statements[1]
    assert balance.periods == (Period(end=date(2024, 12, 31)), Period(end=date(2023, 12, 31)))
    assert balance.scale.exponent == 3
    rows = {i.label: [c.value for c in i.cells] for i in balance.items}
    assert rows["Cash and cash equivalents"] == [Decimal(5507), Decimal(6453)]
    assert rows["Total assets"] == [Decimal(8156), Decimal(9283)]
    assert rows["Total liabilities"] == [Decimal(3107), Decimal(3520)]


RENDERED_BALANCE_SHEET = """# Fenwick Outfitters Reports Fourth Quarter Results

Fenwick Outfitters, Inc. reports its fourth quarter results.

Fenwick Outfitters, Inc.

Condensed Consolidated Balance Sheets (In thousands)

January 28, January 29,

2023 2022

(Unaudited)

Assets

Current assets:

| Cash and cash equivalents | $ 737,877 | $ 431,560 |
|---|---|---|
| Receivables, net | 199,422 | 233,682 |
| Total current assets | 937,299 | 665,242 |
| Property and equipment, net | 962,397 | 950,777 |
| Total assets | 1,899,696 | 1,616,019 |
"""


def test_markdown_dates_printed_as_lines_above_a_table_without_header_head_its_columns():
    (st,) = extract_text(RENDERED_BALANCE_SHEET, "r.md").statements
    assert st.periods == (Period(date(2023, 1, 28)), Period(date(2022, 1, 29)))
    cash = st.items[0]
    assert [c.value for c in cash.cells] == [Decimal(737877), Decimal(431560)]
    assert cash.section == ("Assets", "Current assets")


# one cell per line, the balance sheet's dates written as numbers and a page number printed
# between it and the next page's statement
CELL_PER_LINE_PAGES = """Tamsin Tools Inc. (NYSE: TMSN) today reported results for the first quarter ended March 31, 2022.
Consolidated Balance Sheets
(dollars in millions)
3/31/2022
12/31/2021
Assets
Cash and cash equivalents
$
1,060
$
1,002
Total assets
$
12,376
$
12,315
Total liabilities
4,023
4,231
Total liabilities and stockholders' equity
$
12,376
$
12,315
10
TAMSIN TOOLS INC.
Consolidated Statements of Income
(In millions)
Three Months Ended March 31,
2022
2021
Net sales
$
932
$
871
Net income
$
98
$
104
"""


def test_one_cell_per_line_with_numeric_dates_and_a_page_number_between_statements():
    bs, ops = extract_text(CELL_PER_LINE_PAGES, "pages.txt").statements
    assert [p.end for p in bs.periods] == [date(2022, 3, 31), date(2021, 12, 31)]
    assert bs.items[-1].label == "Total liabilities and stockholders' equity"
    assert [c.value for c in bs.items[-1].cells] == [Decimal(12376), Decimal(12315)]
    assert ops.kind is StatementKind.OPERATIONS and [c.value for c in ops.items[-1].cells] == [Decimal(98), Decimal(104)]


# one cell per line: a band over each column, the change columns' bands among them ("Three
# Month" / "One Year"), their figures percentages; the balance sheet's bands over the change
# columns alone, and the next table's caption with its scale over its dates after the total
BANDED_CELL_PER_LINE = """Vashon Savings Corp. reports results for the quarter ended June 30, 2008.
CONSOLIDATED STATEMENTS OF INCOME
Quarter Ended
Three Month
Quarter Ended
One Year
Quarter Ended
(unaudited) (in 000s, except share data)
June 30, 2008
Change
Mar 31, 2008
Change
June 30, 2007
Total interest income
21,407
-9%
23,543
-14%
24,898
Net income
$
2,051
-48%
$
3,917
-60%
$
5,110
CONSOLIDATED STATEMENTS OF FINANCIAL CONDITION
Three Month
One Year
(unaudited) (in 000s)
June 30, 2008
Change
March 31, 2008
Change
June 30, 2007
Total assets
$
1,445,010
1
%
$
1,431,116
5
%
$
1,378,901
Total liabilities and stockholders' equity
$
1,445,010
1
%
$
1,431,116
5
%
$
1,378,901
LOANS (unaudited) (in 000s)
June 30, 2008
March 31, 2008
June 30, 2007
Commercial loans
180,218
176,870
160,225
"""


def test_one_cell_per_line_bands_over_change_columns_and_the_next_tables_caption():
    ops, bs = extract_text(BANDED_CELL_PER_LINE, "vashon.txt").statements
    assert ops.periods == (Period(start=date(2008, 4, 1), end=date(2008, 6, 30)),
                           Period(start=date(2008, 1, 1), end=date(2008, 3, 31)),
                           Period(start=date(2007, 4, 1), end=date(2007, 6, 30)))
    assert [c.value for c in ops.items[-1].cells] == [Decimal(2051), Decimal(3917), Decimal(5110)]
    assert [p.end for p in bs.periods] == [date(2008, 6, 30), date(2008, 3, 31), date(2007, 6, 30)]
    assert [i.label for i in bs.items] == ["Total assets", "Total liabilities and stockholders' equity"]


def test_one_cell_per_line_columns_named_whole_beside_a_band_over_bare_years():
    """ "Year Ended December 31" over "2021" / "2020", printed after the quarters named whole in
    the same row: the band's columns come first, where the band stands."""
    text = "\n".join([
        "Ostrava Bancorp reports fourth quarter 2021 results.",
        "Consolidated Statement of Income", "(In millions, except per share information)",
        "Year Ended December 31", "Fourth Quarter 2021", "Third Quarter 2021", "Fourth Quarter 2020", "2021", "2020",
        "Total revenue", "$", "89,113", "$", "85,528", "$", "22,166", "$", "22,767", "$", "20,099",
        "Net income", "$", "31,978", "$", "17,894", "$", "7,013", "$", "7,694", "$", "5,470", ""])
    ops = _statement(text, StatementKind.OPERATIONS)
    assert ops.periods == tuple(Period(start=start, end=end) for start, end in [
        (date(2021, 1, 1), date(2021, 12, 31)), (date(2020, 1, 1), date(2020, 12, 31)), (date(2021, 10, 1), date(2021, 12, 31)),
        (date(2021, 7, 1), date(2021, 9, 30)), (date(2020, 10, 1), date(2020, 12, 31))])
    assert [c.value for c in ops.items[-1].cells] == [Decimal(31978), Decimal(17894), Decimal(7013), Decimal(7694),
                                                      Decimal(5470)]


@pytest.mark.parametrize("texts, headings", [
    (["Quarter Ended", "Three Month", "Quarter Ended", "June 30, 2008", "Change", "Mar 31, 2008"],
     ["Quarter Ended June 30, 2008", "Quarter Ended Mar 31, 2008"]),
    (["Three Month", "One Year", "June 30, 2008", "Change", "Mar 31, 2008", "Change", "June 30, 2007"],
     ["June 30, 2008", "Mar 31, 2008", "June 30, 2007"]),
    (["Year Ended", "Q4 2021", "2021", "2020"], ["Year Ended 2021", "Year Ended 2020", "Q4 2021"]),
    # no order to go by: read as flattened text
    (["Three Months Ended", "June 30,", "2025", "2024"], None),
    (["Three Months Ended", "Six Months Ended", "2025", "2024", "2025", "2024"], None),
    (["(Unaudited)", "June 30, 2025", "December 31, 2024"], None),
    (["Three Months Ended March 31,", "2025", "2024", "% Change"], None),
    (["Three Months", "Nine Months", "2025", "2024", "% Change", "2025", "2024", "% Change"], None),
    # bands over runs of columns between change columns naming earlier periods again
    (["QUARTERLY TRENDS", "CHANGE VS.", "FULL YEAR", "4Q 21", "3Q 21", "4Q 20", "3Q 21", "4Q 20", "FY 2021", "FY 2020",
      "CHANGE"], ["QUARTERLY TRENDS 4Q 21", "QUARTERLY TRENDS 3Q 21", "QUARTERLY TRENDS 4Q 20", "FULL YEAR FY 2021",
                  "FULL YEAR FY 2020"]),
    (["THREE MONTHS ENDED", "% CHANGE FROM", "DECEMBER 31, 2021", "SEPTEMBER 30, 2021", "SEPTEMBER 30, 2021"],
     ["THREE MONTHS ENDED DECEMBER 31, 2021", "THREE MONTHS ENDED SEPTEMBER 30, 2021"]),
    # the same band twice over dates, shared out unevenly: each column has it
    (["Three months ended", "Three months ended", "3/31/2022", "12/31/2021", "3/31/2021", "3/31/2022", "3/31/2021"],
     ["Three months ended 3/31/2022", "Three months ended 12/31/2021", "Three months ended 3/31/2021",
      "Three months ended 3/31/2022", "Three months ended 3/31/2021"]),
    (["Year Ended December 31", "Fourth Quarter 2021", "Third Quarter 2021", "2021", "2020"],
     ["Year Ended December 31 2021", "Year Ended December 31 2020", "Fourth Quarter 2021", "Third Quarter 2021"]),
    # rows each shared out evenly over the next, over years and units: "$" and "%" under "Change"
    (["Quarter Ended", "Year-to-Date", "Dec. 31", "Change", "Dec. 31", "Change", "2021", "2020", "$", "%", "2021",
      "2020", "$", "%"], ["Quarter Ended Dec. 31 2021", "Quarter Ended Dec. 31 2020", "Year-to-Date Dec. 31 2021",
                          "Year-to-Date Dec. 31 2020"]),
    # bare years under a band over their run of columns
    (["QUARTERLY TRENDS", "FULL YEAR", "4Q21 Change", "2021 Change", "4Q21", "3Q21", "3Q21", "2021", "2020", "2020"],
     ["QUARTERLY TRENDS 4Q21", "QUARTERLY TRENDS 3Q21", "FULL YEAR 2021", "FULL YEAR 2020"]),
    # a bare year under bands that cannot be shared out: read as flattened text
    (["QUARTERLY TRENDS", "4Q21 Change", "4Q21", "3Q21", "3Q21", "2021", "2020"], None),
])
def test_column_headings_of_header_cells_one_per_line(texts, headings):
    from converter.extract.lineheads import line_header

    assert line_header(texts).headings == (tuple(headings) if headings else None)


def test_one_cell_per_paragraph_a_row_of_units_marks_change_columns_printed_without_percent():
    """ "USD" / "USD" / "USD" / "% Change" / "% Change" under three years and two "2024 to 2023"
    columns: the change figures ("77.4") are dropped by position; the balance sheet's month is
    printed "June, 30"."""
    text = _page(_cells(
        " Statement of Operations", "            Year Ended June 30,", "   2024", "2023", "2022",
        "2024 to 2023", "2023 to 2022", "   USD", "USD", "USD", "% Change", "% Change",
        " Revenue", "13,968,535", "7,874,886", "6,988,849", "77.4", "12.7",
        " Net loss", "(15,602,792)", "(3,213,360)", "92,697", "385.6", "(3,566.5)",
        " Balance Sheet", "      As of June, 30", "   2024", "2023", "   US$", "US$",
        " Total assets", "12,371,000", "9,418,320", " Total liabilities", "2,213,006", "1,977,554"))
    ops = _statement(text, StatementKind.OPERATIONS)
    assert [p.end for p in ops.periods] == [date(2024, 6, 30), date(2023, 6, 30), date(2022, 6, 30)]
    assert [c.value for c in ops.items[0].cells] == [Decimal(13968535), Decimal(7874886), Decimal(6988849)]
    assert [c.value for c in ops.items[1].cells] == [Decimal(-15602792), Decimal(-3213360), Decimal(92697)]
    bs = _statement(text, StatementKind.BALANCE_SHEET)
    assert bs.periods == (Period(date(2024, 6, 30)), Period(date(2023, 6, 30)))


def test_a_run_on_row_whose_label_and_figures_have_the_dollar_signs_glued_on():
    """ "attributable to GMGI$566,014$ (3,405,564)" and "Diluted$ 0.00": the label, then figures."""
    text = "\n".join([
        "Ostrava Gaming Group Reports Third Quarter 2025 Results", "",
        "Ostrava Gaming Group, Inc. Consolidated Statements of Operations (Unaudited)", "",
        "Three Months Ended September 30,", "", " ", "", "Nine Months Ended September 30,", "",
        "    2025     2024    2025     2024   Revenues$ 47,316,308$ 40,992,329 $ 133,284,729$ 105,258,158 "
        "Net income (loss) $ 413,802$ (3,295,629) $ (3,576,306)$ 669,019 "
        "Net income (loss) attributable to OGGI$566,014$ (3,405,564)$ (3,249,939)$ 650,095 "
        "Net income (loss) per ordinary share attributable to OGGI: Basic $ 0.00$ (0.03) $ (0.02)$ 0.01"
        "Diluted$ 0.00$ (0.03) $ (0.02)$ 0.01", ""])
    ops = _statement(text, StatementKind.OPERATIONS)
    rows = {i.label: [c.value for c in i.cells] for i in ops.items}
    assert rows["Net income (loss) attributable to OGGI"] == [Decimal(566014), Decimal(-3405564), Decimal(-3249939),
                                                              Decimal(650095)]
    assert [label for label in rows if label.endswith("Diluted")] and all("$" not in label for label in rows)


def test_one_cell_per_paragraph_header_rows_of_words_that_read_only_by_their_place():
    """ "Year" / "Three months" / "ended" / "ended" / "December 31," / "December 31," over four
    years, under a lead label: a row of two cells three times, each over two of the years."""
    text = _page(_cells(
        "OSTRAVA AUTONOMOUS LTD.", "INTERIM CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOW", "U.S. dollars in thousands",
        "Adjustments to reconcile loss to net cash provided by (used in) operating activities:",
        "Year", "Three months", "ended", "ended", "December 31,", "December 31,", "2023", "2022", "2023", "2022",
        "Share-based payment", "1,441", "1,826", "258", "443", "Depreciation", "263", "218", "72", "57"))
    cf = _statement(text, StatementKind.CASH_FLOWS)
    assert [(p.start, p.end) for p in cf.periods] == [
        (date(2023, 1, 1), date(2023, 12, 31)), (date(2022, 1, 1), date(2022, 12, 31)),
        (date(2023, 10, 1), date(2023, 12, 31)), (date(2022, 10, 1), date(2022, 12, 31))]
    assert [c.value for c in cf.items[-1].cells] == [Decimal(263), Decimal(218), Decimal(72), Decimal(57)]


def test_one_cell_per_paragraph_an_unlabelled_total_ending_in_a_short_figure_and_a_spaced_count():
    """The figures of "Non-controlling interests" run on into the unlabelled total under them,
    whose last figure "809" had been taken for a page number; "5,828, 109" is one share count."""
    text = _page(_cells(
        "UNAUDITED CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS", "Nine months ended", "Three months ended",
        "September 30,", "September 30,", "2024", "2023", "2024", "2023", "U.S. dollars in thousands",
        "NET LOSS", "$", "14,772", "$", "3,428", "$", "11,860", "$", "809", "Attributable to:",
        "Equity holders of the Company", "$", "14,696", "$", "3,214", "$", "11,851", "$", "787",
        "Non-controlling interests", "76", "214", "9", "22", "$", "14,772", "$", "3,428", "$", "11,860", "$", "809",
        "WEIGHTED AVERAGE NUMBER OF ORDINARY SHARES OUTSTANDING", "2,622,655", "1,005,531", "5,828, 109", "1,005,531"))
    ops = _statement(text, StatementKind.OPERATIONS)
    rows = [(i.label, [c.value for c in i.cells]) for i in ops.items]
    assert rows[-2][1] == [Decimal(14772), Decimal(3428), Decimal(11860), Decimal(809)]
    assert rows[-1][1] == [Decimal(2622655), Decimal(1005531), Decimal(5828109), Decimal(1005531)]


def test_a_run_on_statement_with_four_years_glued_and_its_headings_glued_at_a_comma():
    """ "June 30,For the Six Months" and "2025202420252024" (four columns' years run together)."""
    text = "\n".join([
        "Ostrava Health Reports Second Quarter 2025 Results", "",
        " OSTRAVA HEALTH INC. CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS (UNAUDITED)", "",
        "For the Three Months Ended June 30,For the Six Months Ended June 30, 2025202420252024 Revenue   "
        "$ 7,476,140$ 4,777,101$ 14,532,256$ 9,654,479 Costs and Expenses:   Cost of revenue 3,228,169 1,806,918 "
        "6,359,791 3,510,275Research and development675,731 307,201 1,281,968 697,090Sales and marketing1,495,710 "
        "1,017,6592,878,4372,072,800General and administrative1,971,959 3,229,7575,251,0536,513,246 Total costs and "
        "expenses7,430,064 7,747,579 15,880,845 14,397,307 Operating income (loss)   46,076(2,970,478) (1,348,589) "
        "(4,742,828) Net income (loss)   $ 224,793$ (2,553,259)$ (901,069)$ (3,765,874)", ""])
    ops = _statement(text, StatementKind.OPERATIONS)
    assert [(p.start, p.end) for p in ops.periods] == [
        (date(2025, 4, 1), date(2025, 6, 30)), (date(2024, 4, 1), date(2024, 6, 30)),
        (date(2025, 1, 1), date(2025, 6, 30)), (date(2024, 1, 1), date(2024, 6, 30))]
    assert [c.value for c in ops.items[0].cells] == [Decimal(7476140), Decimal(4777101), Decimal(14532256), Decimal(9654479)]


def test_a_bank_summary_run_on_with_titles_and_headings_glued_to_the_words_before_them():
    """ "... December 31, 2024BALANCE SHEET December 31, 2024 December 31, 2023 ASSETSCash & Cash
    Equivalents $ 28,472,322 ..." and a "STATEMENT OF INCOME AND EXPENSE"; "TOTAL LIABILITIES &
    CAPITAL/EQUITY" is a total's label, no heading. The release had failed: no column headers."""
    text = "\n".join([
        "# Ostrava Valley Bancorp Announces 2024 4th Quarter Financial Results", "",
        "Ostrava Valley Bank / Ostrava Valley BancorpFinancial SummaryFor Quarter Ending December 31, 2024BALANCE SHEET "
        "December 31, 2024 December 31, 2023 ASSETSCash & Cash Equivalents $ 28,472,322  $  45,198,375  Gross Loans "
        "262,932,710  231,924,633  TOTAL ASSETS $ 311,367,385    $  297,040,638 LIABILITIESDeposits $ 270,934,149  "
        "$  259,604,962  TOTAL LIABILITIES $ 273,833,877  $  262,319,567 SHAREHOLDER CAPITAL/EQUITYTotal Stock, Equity, "
        "Retained Earnings $ 37,533,508  $  34,721,071  TOTAL LIABILITIES & CAPITAL/EQUITY $ 311,367,385  $  297,040,638 "
        "STATEMENT OF INCOME AND EXPENSE December 31, 2024 December 31, 2023 Total Interest Income $ 17,885,742  $  "
        "15,927,961  NET INCOME $ 4,156,350  $  4,004,744", ""])
    release = extract_text(text, "ostrava-valley.md")
    bs, ops = release.statements
    assert bs.kind is StatementKind.BALANCE_SHEET and ops.kind is StatementKind.OPERATIONS
    labels = [(i.label, i.section) for i in bs.items]
    assert labels[0] == ("Cash & Cash Equivalents", ("ASSETS",))
    assert ("Deposits", ("LIABILITIES",)) in labels
    assert labels[-1][0] == "TOTAL LIABILITIES & CAPITAL/EQUITY"
    assert [c.value for c in ops.items[-1].cells] == [Decimal(4156350), Decimal(4004744)]


def test_one_cell_per_line_a_numbered_table_with_lengths_over_uneven_runs_of_columns():
    """ "Table 1: Consolidated Income Statement (Unaudited)" (a bank's supplement numbers its
    tables) headed "Three months ended" over five quarters and "Year ended" over two years: each
    length over the run of columns whose ends step back by it."""
    text = "\n".join([
        "Ostrava Financial Group reports fourth quarter 2021 results.", "Page 1",
        "Table 1: Consolidated Income Statement (Unaudited)", "Three months ended", "Year ended",
        "December 31", "September 30", "June 30", "March 31", "December 31", "December 31", "December 31",
        "In millions, except per share data", "2021", "2021", "2021", "2021", "2020", "2021", "2020",
        "Net interest income", "$", "2,862", "$", "2,856", "$", "2,581", "$", "2,348", "$", "2,424", "$", "10,647",
        "$", "9,946", "Net income", "$", "1,711", "$", "1,102", "$", "1,100", "$", "1,813", "$", "1,766", "$",
        "5,726", "$", "7,517", ""])
    ops = _statement(text, StatementKind.OPERATIONS)
    assert [(p.start, p.end) for p in ops.periods] == [
        (date(2021, 10, 1), date(2021, 12, 31)), (date(2021, 7, 1), date(2021, 9, 30)), (date(2021, 4, 1), date(2021, 6, 30)),
        (date(2021, 1, 1), date(2021, 3, 31)), (date(2020, 10, 1), date(2020, 12, 31)),
        (date(2021, 1, 1), date(2021, 12, 31)), (date(2020, 1, 1), date(2020, 12, 31))]
    assert ops.items[-1].cells[-1].value == Decimal(7517)


def test_one_cell_per_line_change_columns_repeating_earlier_periods_under_a_dated_change_band():
    """ "Jun 30, 2021" / "Change" over the last two columns, which repeat the periods of the second
    and fifth ("Mar 31, 2021", "Jun 30, 2020"): change columns, their figures printed without %
    ("(1)", "NM"); they had been read as balances, a deposit of -1 at March 31, 2021."""
    text = "\n".join([
        "Ostrava Chase & Co. reported second-quarter 2021 results.", "CONSOLIDATED BALANCE SHEETS", "(in millions)",
        "Jun 30, 2021", "Change", "Jun 30,", "Mar 31,", "Dec 31,", "Sep 30,", "Jun 30,", "Mar 31,", "Jun 30,",
        "2021", "2021", "2020", "2020", "2020", "2021", "2020", "ASSETS",
        "Cash and due from banks", "$", "26,592", "$", "25,397", "$", "24,874", "$", "20,816", "$", "20,544", "5", "%",
        "29", "%",
        "Deposits with banks", "678,829", "685,675", "502,735", "466,706", "473,185", "(1)", "43",
        "Shares held in RSU Trust, at cost", "\u2014", "\u2014", "\u2014", "(11)", "(11)", "\u2014", "NM",
        "Total assets", "$", "3,684,256", "$", "3,689,336", "$", "3,384,757", "$", "3,246,076", "$", "3,213,616", "\u2014",
        "15", ""])
    bs = _statement(text, StatementKind.BALANCE_SHEET)
    assert [p.end for p in bs.periods] == [date(2021, 6, 30), date(2021, 3, 31), date(2020, 12, 31), date(2020, 9, 30),
                                          date(2020, 6, 30)]
    deposits = next(i for i in bs.items if i.label == "Deposits with banks")
    assert [c.value for c in deposits.cells] == [Decimal(678829), Decimal(685675), Decimal(502735), Decimal(466706),
                                                 Decimal(473185)]
    assert [c.value for c in bs.items[-1].cells][-1] == Decimal(3213616)


def test_a_company_name_in_capitals_glued_to_a_title_opening_with_a_qualifier():
    """ "OSTRAVA-GLADSTONE FINANCIAL CORPORATIONCONSOLIDATED STATEMENTS OF CONDITION(Dollars in
    Thousands)(Unaudited)" over a five-quarter balance sheet one cell per paragraph: the release
    had no statements."""
    text = _page(_cells(
        " OSTRAVA-GLADSTONE FINANCIAL CORPORATIONCONSOLIDATED STATEMENTS OF CONDITION(Dollars in Thousands)(Unaudited)",
        "As of", "Sept 30,2025", "June 30,2025", "March 31,2025", "Dec 312024", "Sept 30,2024", " ASSETS",
        " Cash and due from banks", "$", "8,514", "$", "7,524", "$", "7,885", "$", "8,492", "$", "8,129",
        " TOTAL ASSETS", "$", "7,439,642", "$", "7,200,673", "$", "7,120,652", "$", "7,011,238", "$", "6,793,792"))
    bs = _statement(text, StatementKind.BALANCE_SHEET)
    assert bs.scale.exponent == 3
    assert [p.end for p in bs.periods] == [date(2025, 9, 30), date(2025, 6, 30), date(2025, 3, 31), date(2024, 12, 31),
                                          date(2024, 9, 30)]
    assert [c.value for c in bs.items[-1].cells][0] == Decimal(7439642)


def test_one_cell_per_line_bands_and_a_change_band_over_the_columns_and_a_footnote_mark_after_the_last_row():
    """A bank's financial supplement copied from its PDF: "QUARTERLY TRENDS" / "CHANGE VS." /
    "FULL YEAR" over quarters, the two quarters compared again, the years and a "CHANGE" column,
    the change figures printed without %; "Assets" printed in the header row's first cell; a
    footnote's mark "(1)" after the last row's figures. The table had been skipped for want of
    column headers, then for a row of 11 values."""
    figures = ["$", "182,350", "$", "179,184", "$", "182,165", "$", "3,166", "$", "185"]
    text = "\n".join([
        "OSTRAVA FINANCIAL INC. (NYSE: OSTF) FOURTH QUARTER 2021 FINANCIAL SUPPLEMENT",
        "OSTRAVA FINANCIAL INC. CONSOLIDATED INCOME STATEMENT", "QUARTERLY TRENDS", "CHANGE VS.", "FULL YEAR",
        "($ in millions)", "4Q 21", "3Q 21", "4Q 20", "3Q 21", "4Q 20", "FY 2021", "FY 2020", "CHANGE",
        "Total net revenue", "$", "2,187", "$", "2,101", "$", "1,845", "$", "86", "$", "342", "$", "8,206",
        "$", "6,686", "$", "1,520",
        "Net income", "$", "1,034", "$", "1,005", "$", "816", "$", "29", "$", "218", "$", "3,060", "$", "1,085",
        "$", "1,975",
        "(1)", "Represents a non-GAAP financial measure. For more details refer to page 21.",
        "OSTRAVA FINANCIAL INC. CONSOLIDATED PERIOD-END BALANCE SHEET", "($ in millions)", "QUARTERLY TRENDS",
        "CHANGE VS.", "Assets", "4Q 21", "3Q 21", "4Q 20", "3Q 21", "4Q 20",
        "Total assets", *figures, "Total liabilities and equity", *figures,
        "(1)", "Includes held-to-maturity securities, which are carried at amortized cost, and other investments.",
        ""])
    release = extract_text(text, "ostrava.txt")
    ops = next(s for s in release.statements if s.kind is StatementKind.OPERATIONS)
    assert [(p.start, p.end) for p in ops.periods] == [
        (date(2021, 10, 1), date(2021, 12, 31)), (date(2021, 7, 1), date(2021, 9, 30)),
        (date(2020, 10, 1), date(2020, 12, 31)), (date(2021, 1, 1), date(2021, 12, 31)),
        (date(2020, 1, 1), date(2020, 12, 31))]
    assert [c.value for c in ops.items[-1].cells] == [Decimal(v) for v in ("1034", "1005", "816", "3060", "1085")]
    bs = next(s for s in release.statements if s.kind is StatementKind.BALANCE_SHEET)
    assert [p.end for p in bs.periods] == [date(2021, 12, 31), date(2021, 9, 30), date(2020, 12, 31)]
    assert bs.items[0].section[:1] == ("Assets",)
    assert [c.value for c in bs.items[-1].cells] == [Decimal(182350), Decimal(179184), Decimal(182165)]


def test_one_cell_per_line_header_rows_shared_out_over_years_and_change_units_and_a_trend_title():
    """A bank's supplement copied from its PDF: "Quarter Ended" / "Year-to-Date" over "Dec. 31" /
    "Change" twice over "2021" / "2020" / "$" / "%" twice. The "$" change figures are printed without
    %, and a row whose "%" change is "NM" or a dash prints every change figure without %; both are
    dropped by their place. The balance sheet is titled "Consolidated Ending Balance Sheets - Five
    Quarter Trend"; the table of contents naming both statements above is no table."""
    text = "\n".join([
        "Ostrava Financial Corporation (NYSE: OSTF) Fourth Quarter 2021 Earnings Release",
        "Table of Contents", "Consolidated Statements of Income", "3",
        "Consolidated Ending Balance Sheets - Five Quarter Trend", "4",
        "Net Interest Income and Noninterest Income", "5",
        "Consolidated Statements of Income", "Quarter Ended", "Year-to-Date", "Dec. 31", "Change", "Dec. 31", "Change",
        "(Dollars in millions, except per share data, shares in thousands)",
        "2021", "2020", "$", "%", "2021", "2020", "$", "%",
        "Interest Income",
        "Interest and fees on loans and leases", "$", "2,753", "$", "3,158", "$", "(405)", "(12.8)", "%",
        "$", "11,481", "$", "13,485", "$", "(2,004)", "(14.9)", "%",
        "Securities gains (losses)", "\u2014", "\u2014", "\u2014", "\u2014", "\u2014", "402", "(402)", "NM",
        "Net income", "$", "1,345", "$", "1,235", "$", "110", "8.9", "%", "$", "6,440", "$", "4,482", "$", "1,958",
        "43.7", "%",
        "Consolidated Ending Balance Sheets - Five Quarter Trend", "Dec. 31", "Sept. 30", "June 30",
        "(Dollars in millions)", "2021", "2021", "2021", "Assets",
        "Cash and due from banks", "$", "5,085", "$", "4,656", "$", "5,077",
        "Total assets", "$", "541,241", "$", "529,201", "$", "521,082",
        "Total liabilities and shareholders\u2019 equity", "$", "541,241", "$", "529,201", "$", "521,082",
        "Truist Reports Fourth Quarter 2021 Earnings, and the tables that follow are unaudited and preliminary.", ""])
    release = extract_text(text, "ostrava.txt")
    ops = next(s for s in release.statements if s.kind is StatementKind.OPERATIONS)
    assert [(p.start, p.end) for p in ops.periods] == [
        (date(2021, 10, 1), date(2021, 12, 31)), (date(2020, 10, 1), date(2020, 12, 31)),
        (date(2021, 1, 1), date(2021, 12, 31)), (date(2020, 1, 1), date(2020, 12, 31))]
    values = {i.label: [c.value for c in i.cells] for i in ops.items}
    assert values["Interest and fees on loans and leases"] == [Decimal(v) for v in ("2753", "3158", "11481", "13485")]
    assert len(values["Securities gains (losses)"]) == 4 and values["Securities gains (losses)"][3] == Decimal(402)
    assert values["Net income"] == [Decimal(v) for v in ("1345", "1235", "6440", "4482")]
    bs = next(s for s in release.statements if s.kind is StatementKind.BALANCE_SHEET)
    assert bs.title == "Consolidated Ending Balance Sheets"
    assert [c.value for c in bs.items[-1].cells] == [Decimal(541241), Decimal(529201), Decimal(521082)]
    assert not release.skipped_tables


@pytest.mark.parametrize("year_band, columns, ytd", [
    ("FULL YEAR", ["4Q21", "3Q21", "4Q20", "3Q21", "4Q20", "2021", "2020", "2020"], (date(2021, 1, 1), date(2021, 12, 31))),
    ("SIX MONTHS ENDED JUNE 30,", ["2Q21", "1Q21", "2Q20", "1Q21", "2Q20", "2021", "2020", "2020"],
     (date(2021, 1, 1), date(2021, 6, 30))),
])
def test_one_cell_per_line_two_rows_of_bands_and_the_first_heading_among_the_header(year_band, columns, ytd):
    """A bank's supplement copied from its PDF: "QUARTERLY TRENDS" / "FULL YEAR" over "4Q21 Change"
    / "2021 Change", then "REVENUE" (the heading printed in the first cell of the last header row)
    and the columns: the quarters, the two quarters compared again, the years and the prior year
    again; the change figures are printed with %."""
    text = "\n".join([
        "OSTRAVA CHASE & CO. (NYSE: OSTC) EARNINGS RELEASE FINANCIAL SUPPLEMENT",
        "CONSOLIDATED STATEMENTS OF INCOME", "(in millions, except per share and ratio data)",
        "QUARTERLY TRENDS", year_band, f"{columns[0]} Change", "2021 Change", "REVENUE", *columns,
        "Investment banking fees", "$", "3,494", "$", "3,282", "$", "2,583", "6", "%", "35", "%", "$", "13,216",
        "$", "9,486", "39", "%",
        "Total net revenue", "29,257", "29,647", "29,224", "(1)", "%", "\u2014", "%", "121,649", "119,951", "1", "%",
        "Net income", "$", "10,399", "$", "11,687", "$", "12,136", "(11)", "%", "(14)", "%", "$", "48,334", "$",
        "29,131", "66", "%",
        "Ostrava Chase & Co. is a leading financial services firm based in the United States of America.", ""])
    release = extract_text(text, "ostrava.txt")
    ops = next(s for s in release.statements if s.kind is StatementKind.OPERATIONS)
    assert len(ops.periods) == 5 and (ops.periods[3].start, ops.periods[3].end) == ytd
    assert ops.items[0].section[:1] == ("REVENUE",)
    assert [c.value for c in ops.items[-1].cells] == [Decimal(v) for v in ("10399", "11687", "12136", "48334", "29131")]


def test_one_cell_per_line_the_next_tables_caption_over_a_band_and_its_dates_ends_the_statement():
    """A balance sheet copied from a PDF, followed by other tables: a caption with its scale on its
    line over "AS OF" and the dates, then a caption over its scale on the next line, a band and the
    dates. Each ends the statement; their rows had been read as the balance sheet's (a row of five
    values there made the whole table unreadable)."""
    dates = ["DECEMBER 31,2021", "SEPTEMBER 30, 2021"]
    text = "\n".join([
        "The Ostrava Sachs Group, Inc. (NYSE: OSG) Reports Fourth Quarter 2021 Earnings Results",
        "Condensed Consolidated Balance Sheets (unaudited)", "$ in billions", "AS OF", *dates, "ASSETS",
        "Cash and cash equivalents", "$ 261", "$ 212", "Total assets", "$ 1,463", "$ 1,443",
        "LIABILITIES AND SHAREHOLDERS\u2019 EQUITY", "Total liabilities", "1,353", "1,337",
        "Shareholders\u2019 equity", "110", "106",
        "Total liabilities and shareholders\u2019 equity", "$ 1,463", "$ 1,443",
        "Capital Ratios and Supplementary Leverage Ratio (unaudited) $ in billions", "AS OF", *dates,
        "Common equity tier 1 capital", "$ 96.3", "$ 93.3",
        "Average Daily VaR (unaudited)", "$ in millions", "THREE MONTHS ENDED", *dates,
        "Interest rates", "$ 58", "$ 58", "$ 57", "$ 60", "$ 71", ""])
    release = extract_text(text, "ostrava.txt")
    bs = next(s for s in release.statements if s.kind is StatementKind.BALANCE_SHEET)
    assert [i.label for i in bs.items][-1] == "Total liabilities and shareholders\u2019 equity"
    assert [c.value for c in bs.items[-1].cells] == [Decimal(1463), Decimal(1443)]
    assert not release.skipped_tables


@pytest.mark.parametrize(("header", "scale", "named"), [
    # the scale glued to the title in the header's first cell
    ("| Ostrava Pharma A/SConsolidated Statements of Financial Position{} | December 31, 2024 | December 31, 2023 |",
     "(In EUR'000s)", "EUR"),
    # the title above the table, the scale in the header's first cell
    ("Condensed Consolidated Statements of Financial Position\n\n| {} | December 31, 2024 | December 31, 2023 |",
     "UNAUDITED (thousands of Canadian $)", "Canadian $"),
])
def test_a_statement_in_another_currency_named_in_its_scale_cell_is_refused_not_written_as_dollars(header, scale, named):
    """A wire copy's pipe table whose currency is named only in the scale, written "EUR'000s" or
    "thousands of Canadian $": its figures had been written as US dollars (and in units, the
    scale not being read)."""
    text = "\n".join([
        "# Ostrava Pharma A/S Reports Full Year 2024 Results", "", header.format(scale),
        "| --- | --- | --- |", "| Cash and cash equivalents | 559,543 | 399,550 |", "| Total assets | 1,179,495 | 1,046,372 |",
        "| Total liabilities | 1,285,201 | 1,094,432 |", "| Total equity and liabilities | 1,179,495 | 1,046,372 |", ""])
    with pytest.raises(ExtractionError, match=f"amounts in {re.escape(named)}: only statements in US dollars") as caught:
        extract_text(text, "ostrava.md")
    assert caught.value.code == "xc:currency"
    (bs,) = extract_text(text.replace(scale, "(In $'000s)"), "ostrava.md").statements
    assert bs.scale.exponent == 3
