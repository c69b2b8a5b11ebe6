"""Column header bands and period forms of grids (markdown and HTML share them), and the
markdown reader's table regions. Fixtures are invented."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from converter.extract import extract_text
from converter.extract.bands import BandCell, band_segments
from converter.extract.headers import ReleaseDates, Seg, release_context, release_dates, resolve_periods
from converter.extract.periodforms import normalize_header
from converter.model import Period, StatementKind

OPS = StatementKind.OPERATIONS
BS = StatementKind.BALANCE_SHEET


@pytest.mark.parametrize("text, expected", [
    ("3Q25", "Three Months Ended September 30, 2025"),
    ("Q3-2024", "Three Months Ended September 30, 2024"),
    ("Q3 2024", "Three Months Ended September 30, 2024"),
    ("Q4'24", "Three Months Ended December 31, 2024"),
    ("Q3 FY25", "Three Months Ended September 30, 2025"),
    ("Third Quarter 2025", "Three Months Ended September 30, 2025"),
    ("Third Quarter", "Three Months Ended September 30,"),
    ("3/31/2022", "March 31, 2022"),
    ("6/30/25", "June 30, 2025"),
    ("30-Sep-24", "September 30, 2024"),
    ("2025-09-30", "September 30, 2025"),
    ("Sep-24", "September 30, 2024"),
    ("September 2025", "September 30, 2025"),
    ("FY2024", "Twelve Months Ended December 31, 2024"),
    ("Fiscal 2024", "Twelve Months Ended December 31, 2024"),
    ("Full Year 2024", "Twelve Months Ended December 31, 2024"),
    ("H1 2025", "Six Months Ended June 30, 2025"),
    ("9M 2025", "Nine Months Ended September 30, 2025"),
    ("September 27, 2025", "September 27, 2025"),
    ("Fiscal Year Ended December 31, 2024", "Fiscal Year Ended December 31, 2024"),
    # a line break after the comma lost in a rendering ("**December 31,****2024**")
    ("December 31,2024", "December 31, 2024"),
    ("Dec. 31,2024", "Dec. 31, 2024"),
    # the quarter after its fiscal year, numbered, or named by its last month
    ("Fiscal 2025 Third Quarter", "Three Months Ended September 30, 2025"),
    ("FY25 Q3", "Three Months Ended September 30, 2025"),
    ("FY 2025 Q4", "Three Months Ended December 31, 2025"),
    ("2025 Q2", "Three Months Ended June 30, 2025"),
    ("Qtr 3 2025", "Three Months Ended September 30, 2025"),
    ("Quarter 1, 2024", "Three Months Ended March 31, 2024"),
    ("September Quarter 2025", "Three Months Ended September 30, 2025"),
    ("Dec. quarter of fiscal 2024", "Three Months Ended December 31, 2024"),
    # month, day and year set apart by dashes or spaces; dotted dates when the day is over 12
    ("Sep-30-2025", "September 30, 2025"),
    ("Dec 31 2024", "December 31, 2024"),
    ("30.09.2025", "September 30, 2025"),
    ("09.30.2025", "September 30, 2025"),
    ("06.07.2025", "06.07.2025"),
    ("September 30th, 2025", "September 30, 2025"),  # a day's ordinal suffix
    ("December 31st, 2024", "December 31, 2024"),
    # the line breaks inside a header cell lost with nothing left between its words
    ("December 312021", "December 31, 2021"),
    ("Sept. 302021", "Sept. 30, 2021"),
    ("As of June, 30", "As of June 30"),
    ("ThirdQuarter2021", "Three Months Ended September 30, 2021"),
])
def test_compact_period_forms_are_written_out(text, expected):
    assert normalize_header(text) == expected


def test_quarter_of_a_fiscal_year_ending_in_june():
    assert normalize_header("Q1 FY2025", fy_end_month=6) == "Three Months Ended September 30, 2024"


def _periods(rows: list[list[tuple[str, int, int]]], n: int, kind=OPS) -> tuple[Period, ...]:
    return resolve_periods([[Seg(t, lo, hi) for t, lo, hi in row] for row in rows], n, kind, "x:1")


@pytest.mark.parametrize("header, kind, expected", [
    ([[("Three Months Ended September 30,", 0, 1)], [("2025", 0, 0), ("2024", 1, 1)]], OPS,
     [(date(2025, 7, 1), date(2025, 9, 30)), (date(2024, 7, 1), date(2024, 9, 30))]),
    ([[("Twelve Months Ended", 0, 0)], [("December 31, 2024", 0, 0)]], OPS, [(date(2024, 1, 1), date(2024, 12, 31))]),
    ([[("Year to Date", 0, 0)], [("September 30, 2025", 0, 0)]], OPS, [(date(2025, 1, 1), date(2025, 9, 30))]),
    ([[("Fiscal Year", 0, 0)], [("December 31, 2024", 0, 0)]], OPS, [(date(2024, 1, 1), date(2024, 12, 31))]),
    ([[("3Q25", 0, 0), ("Q3-2024", 1, 1)]], OPS,
     [(date(2025, 7, 1), date(2025, 9, 30)), (date(2024, 7, 1), date(2024, 9, 30))]),
    ([[("As of", 0, 1)], [("3/31/2022", 0, 0), ("30-Sep-21", 1, 1)]], BS,
     [(None, date(2022, 3, 31)), (None, date(2021, 9, 30))]),
    ([[("Nine Months Ended", 0, 1)], [("September 30, 2025", 0, 0), ("2024", 1, 1)]], OPS,
     [(date(2025, 1, 1), date(2025, 9, 30)), (date(2024, 1, 1), date(2024, 9, 30))]),
])
def test_period_forms(header, kind, expected):
    periods = _periods(header, len(expected), kind)
    assert [(p.start, p.end) for p in periods] == expected


def test_years_alone_take_the_release_period_end():
    with release_context(ReleaseDates(date(2025, 6, 30))):
        periods = _periods([[("Six Months Ended", 0, 1)], [("2025", 0, 0), ("2024", 1, 1)]], 2)
    assert [(p.start, p.end) for p in periods] == [(date(2025, 1, 1), date(2025, 6, 30)), (date(2024, 1, 1), date(2024, 6, 30))]


def test_release_dates_from_prose():
    found = release_dates(["Results for the quarter ended March 31, 2026, and for the fiscal year ending June 30, 2026."])
    assert found == ReleaseDates(date(2026, 3, 31), 6)


SPANS = [(1, 1), (2, 2), (3, 3), (4, 4)]


@pytest.mark.parametrize("cells, expected", [
    # two spanning cells left in the first columns, two empty after (a lost colspan)
    ([("Three Months Ended", 1, 1), ("Nine Months Ended", 2, 2)], [("Three Months Ended", 0, 1), ("Nine Months Ended", 2, 3)]),
    # each spanning cell left in the first of its columns
    ([("Three Months Ended", 1, 1), ("Nine Months Ended", 3, 3)], [("Three Months Ended", 0, 1), ("Nine Months Ended", 2, 3)]),
    # real colspans are taken as printed
    ([("Three Months Ended", 1, 2), ("Nine Months Ended", 3, 4)], [("Three Months Ended", 0, 1), ("Nine Months Ended", 2, 3)]),
    # one cell over the whole band
    ([("Three Months Ended", 1, 1)], [("Three Months Ended", 0, 3)]),
    # a cell over no value column is shared by all
    ([("September 30,", 0, 0)], [("September 30,", 0, 3)]),
])
def test_band_spans(cells, expected):
    segs = band_segments([BandCell(t, lo, hi, True) for t, lo, hi in cells], SPANS)
    assert sorted((s.text, s.lo, s.hi) for s in segs) == sorted(expected)


LOST_SPANS = """\
## Lakeside Gadgets Inc. Condensed Consolidated Statements of Operations
(In thousands)

| | Three Months Ended September 30, | Nine Months Ended September 30, | | |
|---|---|---|---|---|
| | 2025 | 2024 | 2025 | 2024 |
| Revenue | $ 1,200 | $ 1,000 | $ 3,400 | $ 3,000 |
| Cost of revenue | 700 | 600 | 2,000 | 1,800 |
| Gross profit | 500 | 400 | 1,400 | 1,200 |
| Net income | $ 120 | $ 90 | $ 330 | $ 280 |

## Lakeside Gadgets Inc. Condensed Consolidated Balance Sheets

| Assets | September 30, 2025 | December 31, 2024 |
|---|---|---|
| Cash | $ 500 | $ 400 |
| Inventory | 300 | 250 |
| **Total assets** | $ 800 | $ 650 |

| Liabilities and stockholders' equity | September 30, 2025 | December 31, 2024 |
|---|---|---|
| Accounts payable | 200 | 150 |
| Total liabilities | 200 | 150 |
| Common stock | 600 | 500 |
| Total liabilities and stockholders' equity | $ 800 | $ 650 |

## Lakeside Gadgets Inc. Condensed Consolidated Statements of Cash Flows
(In thousands)

### Nine Months Ended

| | September 30, 2025 | September 30, 2024 |
|---|---|---|
| Net income | 330 | 280 |
| Depreciation | 40 | 35 |

| Cash flows from investing activities | | |
| Purchases of equipment | (50) | (45) |
| Net cash used in investing activities | (50) | (45) |
"""


def _release(text: str):
    return extract_text(text, "lakeside.md")


def test_markdown_lost_spans_header_labels_continuations_and_period_lines():
    release = _release(LOST_SPANS)
    ops, bs, cf = release.statements
    assert [(p.start, p.end) for p in ops.periods] == [
        (date(2025, 7, 1), date(2025, 9, 30)), (date(2024, 7, 1), date(2024, 9, 30)),
        (date(2025, 1, 1), date(2025, 9, 30)), (date(2024, 1, 1), date(2024, 9, 30))]
    assert ops.scale.exponent == 3
    labels = [item.label for item in bs.items]
    assert "Accounts payable" in labels and labels[-1] == "Total liabilities and stockholders' equity"
    assert bs.items[0].section == ("Assets",)
    assert bs.items[-2].section[0] == "Liabilities and stockholders' equity"
    assert bs.scale.exponent == 3 and any("taken from the release's other statements" in n for n in bs.notes)
    assert [(p.start, p.end) for p in cf.periods] == [(date(2025, 1, 1), date(2025, 9, 30)), (date(2024, 1, 1), date(2024, 9, 30))]
    assert [item.label for item in cf.items][-1] == "Net cash used in investing activities"
    cash = next(item for item in bs.items if item.label == "Cash")
    assert (cash.cells[0].source.line, cash.cells[0].source.column) == (16, 10)


CHANGE_COLUMNS = """\
## Birchwood Tools Corp. Consolidated Statements of Income

| | Q3-2025 | Q3-2024 | B/(W) | % Change |
|---|---|---|---|---|
| Net sales | 1,500 | 1,400 | 100 | 7% |
| Cost of sales | 900 | 850 | (50) | (6)% |
| Net income | 600 | 550 | 50 | 9% |
"""


def test_change_columns_are_dropped_and_noted():
    (ops,) = _release(CHANGE_COLUMNS).statements
    assert [(p.start, p.end) for p in ops.periods] == [(date(2025, 7, 1), date(2025, 9, 30)), (date(2024, 7, 1), date(2024, 9, 30))]
    assert [str(c.value) for c in ops.items[0].cells] == ["1500", "1400"]
    assert any("'B/(W)'" in note and "dropped" in note for note in ops.notes)


# an HTML table converted to markdown cell for cell: each colspan's text in the first cell of its
# span, the rest of the span empty ("$" and the figure in cells of their own)
PADDED_SPANS = """\
Harrowgate Bancorp (NYSE: HRWG) today reported net income of $520 million for the fourth quarter of 2021, the quarter ended December 31, 2021.

## Harrowgate Bancorp Consolidated Statements of Income
(in millions, except per share data)

| | | QUARTERLY TRENDS | | | | | | | FULL YEAR | | | | |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
| | | | | | | 4Q21 Change | | | | | | | 2021 Change |
| | | 4Q21 | | 3Q21 | | 3Q21 | 4Q20 | | 2021 | | 2020 | | 2020 |
| Net interest income | | $ | 1,210 | $ | 1,180 | 3 % | 5 % | | $ | 4,800 | $ | 4,500 | 7 % |
| Noninterest income | | | 610 | | 590 | 3 | 2 | | | 2,400 | | 2,300 | 4 |
| Total net revenue | | | 1,820 | | 1,770 | 3 | 4 | | | 7,200 | | 6,800 | 6 |
| Net income | | $ | 520 | $ | 500 | 4 % | 6 % | | $ | 2,050 | $ | 1,900 | 8 % |
"""


def test_markdown_header_cells_span_the_empty_cells_after_them():
    """A pipe table rendered from HTML cell for cell: "4Q21 Change" spans its two change columns
    (dropped), "FULL YEAR" the full-year columns; the quarter and year columns are read, and a
    full year ends at the fiscal year's end, not at the nearest quarter column's (3Q21)."""
    (ops,) = _release(PADDED_SPANS).statements
    assert [(p.start, p.end) for p in ops.periods] == [
        (date(2021, 10, 1), date(2021, 12, 31)), (date(2021, 7, 1), date(2021, 9, 30)),
        (date(2021, 1, 1), date(2021, 12, 31)), (date(2020, 1, 1), date(2020, 12, 31))]
    net_income = ops.items[-1]
    assert [str(c.value) for c in net_income.cells] == ["520", "500", "2050", "1900"]
    assert ops.scale.exponent == 6


TITLE_TABLE = """\
Quarry Lane Financial reported results for the quarter ended December 31, 2021.

| QUARRY LANE FINANCIAL INC. CONSOLIDATED INCOME STATEMENT | | |
|---|---|---|

| ($ in millions) | 4Q 21 | 4Q 20 |
|---|---|---|
| Interest income | 1,679 | 1,607 |
| Interest expense | 415 | 644 |
| Net interest income | 1,264 | 963 |
| Net income | 540 | 420 |
"""


def test_a_title_printed_in_a_small_table_of_its_own_names_the_table_below():
    (ops,) = _release(TITLE_TABLE).statements
    assert ops.kind is OPS and ops.title == "CONSOLIDATED INCOME STATEMENT" and ops.source.line == 3
    assert [str(c.value) for c in ops.items[-1].cells] == ["540", "420"]


# a converter that ignores colspans: each row's "$" and empty cells shift its figures its own way
UNALIGNED = """\
## Kestrel Software Inc. Condensed Consolidated Statements of Operations
(in thousands)

|  | Three Months Ended July 31, |  | Six Months Ended July 31, |  |  |  |  |  |  |  |  |  |  |
|---|---|---|---|---|---|---|---|---|---|---|---|---|---|
|  | 2025 |  | 2024 |  | 2025 |  | 2024 |  |  |  |  |  |  |
| Subscription | $ | 1,102 |  |  | $ | 918 |  |  | $ | 2,153 |  | $ | 1,790 |
| Professional services | 66 |  |  | 45 |  |  | 118 |  |  | 94 |  |  |  |
| Total revenue | 1,168 |  |  | 963 |  |  | 2,271 |  |  | 1,884 |  |  |  |
"""


def test_a_row_of_one_figure_per_period_is_read_in_order_when_its_cells_do_not_line_up():
    (ops,) = _release(UNALIGNED).statements
    assert [(p.start, p.end) for p in ops.periods] == [
        (date(2025, 5, 1), date(2025, 7, 31)), (date(2024, 5, 1), date(2024, 7, 31)),
        (date(2025, 2, 1), date(2025, 7, 31)), (date(2024, 2, 1), date(2024, 7, 31))]
    values = {item.label: [str(c.value) for c in item.cells] for item in ops.items}
    assert values["Subscription"] == ["1102", "918", "2153", "1790"]
    assert values["Professional services"] == ["66", "45", "118", "94"]
    assert values["Total revenue"] == ["1168", "963", "2271", "1884"]


FOOTNOTE_SENTENCE = """\
## Alderbrook Co. Consolidated Statements of Operations

| | Year Ended December 31, | |
|---|---|---|
| | 2025 | 2024 |
|---|---|---|
| Revenue | 1,000 | 900 |
| Net income | 100 | 90 |

(1) Stock-based compensation expense included in the Consolidated Statements of Operations is as follows:

| | 2025 | 2024 |
|---|---|---|
| Research | 10 | 9 |
| Marketing | 5 | 4 |
"""


def test_a_sentence_mentioning_a_statement_is_not_its_title():
    release = _release(FOOTNOTE_SENTENCE)
    assert len(release.statements) == 1
    assert [(p.start, p.end) for p in release.statements[0].periods] == [
        (date(2025, 1, 1), date(2025, 12, 31)), (date(2024, 1, 1), date(2024, 12, 31))]


UNTITLED_CASH_FLOWS = """\
## Cedar Lane Apparel, Inc. - Third Quarter Results

### Cash flows from operating activities:
| Description | September 30, 2025 | September 30, 2024 |
|---|---|---|
| Net income | 1,500 | 800 |
| Depreciation | 200 | 150 |
| Net cash provided by operating activities | 1,700 | 950 |

### Cash flows from investing activities:
| Description | September 30, 2025 | September 30, 2024 |
|---|---|---|
| Purchases of equipment | (300) | (250) |
| Net cash used in investing activities | (300) | (250) |
"""


def test_untitled_table_opening_with_operating_cash_flows_is_a_year_to_date_cash_flow_statement():
    (cf,) = _release(UNTITLED_CASH_FLOWS).statements
    assert cf.kind is StatementKind.CASH_FLOWS
    assert [(p.start, p.end) for p in cf.periods] == [(date(2025, 1, 1), date(2025, 9, 30)), (date(2024, 1, 1), date(2024, 9, 30))]
    assert [item.label for item in cf.items][-1] == "Net cash used in investing activities"
    assert cf.items[-1].section[0] == "Cash flows from investing activities"
    assert all("Description" not in item.section for item in cf.items)


BOLD_TITLES = """\
**MAPLE RIDGE FOODS, INC.**

**CONDENSED CONSOLIDATED BALANCE SHEETS**

| | December 31, 2025 | December 31, 2024 |
|---|---|---|
| Cash | 900 | 800 |
| Total assets | 900 | 800 |

| **CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS** | | |
|---|---|---|
| | Year Ended December 31, 2025 | Year Ended December 31, 2024 |
| Revenue | 5,000 | 4,000 |
| Net income | 500 | 400 |
"""


def test_bold_titles_above_and_inside_a_table():
    bs, ops = _release(BOLD_TITLES).statements
    assert (bs.kind, ops.kind) == (StatementKind.BALANCE_SHEET, StatementKind.OPERATIONS)
    assert [(p.start, p.end) for p in ops.periods] == [(date(2025, 1, 1), date(2025, 12, 31)), (date(2024, 1, 1), date(2024, 12, 31))]


FLOWED = """\
## Page 5

Juniper Ridge Labs, Inc.
Condensed Consolidated Statements of Operations
(In thousands, except per share data)
Three Months Ended Nine Months Ended
September 30, September 30,
2025 2024 2025 2024
Revenue:
Net revenue............................ $ 1,500 $ 1,200 $ 4,200 $ 3,600
Cost of revenue (1)..................... 600 500 1,700 1,500
Gross profit............................ 900 700 2,500 2,100
Net income.............................. $ 300 $ 200 $ 800 $ 600
(1) Includes stock-based compensation as follows:
Cost of revenue 10 9 30 27
5



### Table 1

| Revenue: |
| --- |
| Net revenue............................ $ 1,500 $ 1,200 $ 4,200 $ 3,600 |
"""


def test_statement_flowed_with_single_spaces_is_read_from_the_text_beside_its_pipe_copy():
    (ops,) = _release(FLOWED).statements
    assert [(p.start, p.end) for p in ops.periods] == [
        (date(2025, 7, 1), date(2025, 9, 30)), (date(2024, 7, 1), date(2024, 9, 30)),
        (date(2025, 1, 1), date(2025, 9, 30)), (date(2024, 1, 1), date(2024, 9, 30))]
    assert [item.label for item in ops.items] == ["Net revenue", "Cost of revenue", "Gross profit", "Net income"]
    revenue = ops.items[0]
    assert [str(c.value) for c in revenue.cells] == ["1500", "1200", "4200", "3600"]
    assert (revenue.cells[0].source.line, revenue.cells[0].source.column) == (10, 43)
    assert ops.scale.exponent == 3


def test_release_period_end_from_the_headline_fiscal_period():
    assert release_dates(["# Quillfeather Inc. Reports Third Quarter 2025 Results", "Revenue grew."]).period_end == date(2025, 9, 30)
    assert release_dates(["Q2 2024 Shareholder Letter"]).period_end == date(2024, 6, 30)


# text saved from HTML tables with a bar between cells and none around them, no separator row:
# the headings rows print no label cell, headings without bars stand between the rows, and the
# converter lost the closing parenthesis of each negative figure
BARE_PIPES = """\
Harlow Sensors Reports First Quarter 2026 Results

BOSTON, May 5, 2026 -- Harlow Sensors, Inc. (Nasdaq: HRLW) today reported results for the first
quarter ended March 31, 2026.

Harlow Sensors, Inc.

Condensed Consolidated Statements of Operations

(In thousands, except per share data)

Three Months Ended March 31,
2026 | 2025
Revenues | 24,178 | 28,349
Costs
Cost of revenues | 12,483 | 11,718
Gross profit | 11,695 | 16,631
Operating expenses | 18,551 | 17,835
Operating loss | (6,856 | (1,204
Net loss | (7,005 | (1,484
Net loss per share, basic and diluted | (0.54 | (0.12

Harlow Sensors, Inc.

Condensed Consolidated Balance Sheets

(In thousands)

March 31, | December 31,
2026 | 2025
Assets
Cash and cash equivalents | 14,242 | 15,797
Total assets | 125,725 | 135,754
Liabilities and Stockholders' Equity
Total liabilities | 58,117 | 63,582
Accumulated deficit | (120,723 | (113,718
Total stockholders' equity | 67,608 | 72,172
Total liabilities and stockholders' equity | 125,725 | 135,754
"""


def test_bare_pipe_rows_are_tables():
    ops, bs = _release(BARE_PIPES).statements
    assert ops.title == "Condensed Consolidated Statements of Operations" and ops.scale.exponent == 3
    assert [(p.start, p.end) for p in ops.periods] == [(date(2026, 1, 1), date(2026, 3, 31)),
                                                      (date(2025, 1, 1), date(2025, 3, 31))]
    values = {item.label: [str(c.value) for c in item.cells] for item in ops.items}
    assert values["Net loss"] == ["-7005", "-1484"]
    assert values["Net loss per share, basic and diluted"] == ["-0.54", "-0.12"]
    assert ops.items[1].section == ("Costs",)
    assert [p.end for p in bs.periods] == [date(2026, 3, 31), date(2025, 12, 31)]
    deficit = next(item for item in bs.items if item.label == "Accumulated deficit")
    assert [str(c.value) for c in deficit.cells] == ["-120723", "-113718"]
    cash = bs.items[0]
    assert (cash.label, cash.section) == ("Cash and cash equivalents", ("Assets",))
    assert (cash.cells[0].source.line, cash.cells[0].source.column) == (32, 29)


def test_a_line_or_two_with_bars_in_prose_is_no_table():
    text = ("Acme Corp. reported results.\n\nInvestor contact: Pat Doe | Media contact: Lee Roe\n"
            "Revenue rose | costs fell | margins widened\n")
    assert not _markdown_like(text)


def _markdown_like(text: str) -> bool:
    from converter.extract.markdown import is_markdown
    from converter.extract.reader import split_lines

    return is_markdown(split_lines(text, "prose.txt"))


# a converter that drops colspans packs the period lengths to the left, the second over no
# value column, while the years keep their spread ("Six months" first, as an aircraft maker prints)
PACKED_LENGTHS = """Corrigan Aerospace

Condensed Consolidated Statements of Comprehensive Income

| (Dollars in millions) | Six months ended June 30 | Three months ended June 30 |  |  |  |  |  |  |  |
|---|---|---|---|---|---|---|---|---|---|
|  | 2025 |  |  | 2024 |  | 2025 |  |  | 2024 |
| Net loss | ($643) |  |  | ($1,794) |  | ($612) |  |  | ($1,439) |
| Currency translation adjustments | 108 |  |  | (24) |  | 62 |  |  | 11 |
| Comprehensive loss | (535) |  |  | (1,818) |  | (550) |  |  | (1,428) |
"""


def test_packed_period_lengths_cover_the_years_in_order():
    (statement,) = _release(PACKED_LENGTHS).statements
    assert [(p.start, p.end) for p in statement.periods] == [
        (date(2025, 1, 1), date(2025, 6, 30)), (date(2024, 1, 1), date(2024, 6, 30)),
        (date(2025, 4, 1), date(2025, 6, 30)), (date(2024, 4, 1), date(2024, 6, 30))]
    assert [c.value for c in statement.items[0].cells] == [Decimal("-643"), Decimal("-1794"), Decimal("-612"),
                                                           Decimal("-1439")]


@pytest.mark.parametrize("texts, runs", [
    (["December 31, 2024", "September 30, 2024", "December 31, 2023", "December 31, 2024", "December 31, 2023"], [0, 3]),
    (["2024", "2023", "2024", "2023"], [0, 2]),
    (["2023", "2024", "2023", "2024"], [0, 2]),  # years printed oldest first
    (["2025", "2024"], []),  # too few columns to tell
    (["December 31, 2024", "Change"], []),  # a column without a date: no runs
])
def test_date_runs_start_where_the_dates_start_over(texts, runs):
    from converter.extract.headers import date_runs

    assert date_runs(texts) == runs


# a bank's statement of operations rendered to markdown from HTML whose colspans were dropped:
# the lengths row keeps one cell per length, each date cell is two bold runs glued
# ("**December 31,****2024**"), and the body keeps a "$" and a ")" cell per figure
UNEVEN_BANDS = """**ALDERMOOR BANCORP**
**UNAUDITED STATEMENTS OF OPERATIONS**
**(Dollars in thousands)**

|  |  | **For the Three Months Ended** |  |  | **Year Ended** |  |
| --- | --- | --- | --- | --- | --- | --- |
|  |  | **December 31,****2024** |  |  | **September 30,****2024** |  |  | **December 31,****2023** |  |  | **December 31,****2024** |  |  | **December 31,****2023** |  |
| Interest income |  | **$** | **5,159** |  |  | $ | 4,895 |  |  | $ | 4,171 |  |  | **$** | **19,380** |  |  | $ | 15,598 |  |
| Interest expense |  |  | **(1,210** | **)** |  |  | (1,150 | ) |  |  | (990 | ) |  |  | **(4,560** | **)** |  |  | (3,710 | ) |
| Net income |  | **$** | **1,275** |  |  | $ | 725 |  |  | $ | 1,100 |  |  | **$** | **3,877** |  |  | $ | 3,871 |  |
"""


def test_period_lengths_over_uneven_runs_of_dates_cover_the_runs():
    """ "Three Months Ended" over three quarter-end dates, "Year Ended" over two year ends: the
    dates starting over (December 2024 after December 2023) show where the year columns begin."""
    (ops,) = _release(UNEVEN_BANDS).statements
    assert [(p.start, p.end) for p in ops.periods] == [
        (date(2024, 10, 1), date(2024, 12, 31)), (date(2024, 7, 1), date(2024, 9, 30)),
        (date(2023, 10, 1), date(2023, 12, 31)), (date(2024, 1, 1), date(2024, 12, 31)),
        (date(2023, 1, 1), date(2023, 12, 31))]
    assert [str(c.value) for c in ops.items[1].cells] == ["-1210", "-1150", "-990", "-4560", "-3710"]


# a PDF-to-markdown conversion flattening two header rows into one: each period length printed
# left of the dates it heads, the first in the label column
INTERLEAVED = """\
### CONDENSED CONSOLIDATED STATEMENTS OF INCOME
(In millions)

| Three Months Ended | October 26, 2025 | October 27, 2024 | Nine Months Ended | October 26, 2025 | October 27, 2024 |
|---|---|---|---|---|---|
| Revenue | $ 5,082 | $ 3,120 | | $ 14,166 | $ 8,819 |
| Cost of revenue | 1,926 | 1,720 | | 5,031 | 4,309 |
| Gross profit | 3,156 | 1,400 | | 9,135 | 4,510 |
"""


def test_period_lengths_printed_left_of_their_dates_in_one_row():
    (ops,) = _release(INTERLEAVED).statements
    assert [(p.start, p.end) for p in ops.periods] == [
        (date(2025, 7, 28), date(2025, 10, 26)), (date(2024, 7, 29), date(2024, 10, 27)),
        (date(2025, 1, 27), date(2025, 10, 26)), (date(2024, 1, 29), date(2024, 10, 27))]
    assert [str(c.value) for c in ops.items[0].cells] == ["5082", "3120", "14166", "8819"]


def test_a_date_printed_over_two_columns_leaves_the_second_out():
    """A balance sheet printing "July 31, 2000" over both its columns (a typo of the source):
    the first column keeps the date, the second is left out with a note, not tagged twice."""
    text = "\n".join([
        "ACME CLINICS, INC.",
        "CONDENSED CONSOLIDATED BALANCE SHEETS",
        "(In thousands)",
        "                                  July 31,     July 31,",
        "                                    2000         2000",
        "Cash and cash equivalents          8,973       25,558",
        "Accounts receivable, net          13,895       16,193",
        "Total assets                      22,868       41,751",
        "",
    ])
    (sheet,) = extract_text(text, "acme.txt").statements
    assert [p.end for p in sheet.periods] == [date(2000, 7, 31)]
    assert [str(c.value) for c in sheet.items[0].cells] == ["8973"]
    assert any("column 2" in note and "left out" in note for note in sheet.notes)


@pytest.mark.parametrize("text", ["Twelve Month Periods Ended December 31, 2024", "Three-Month Period Ended",
                                  "For the twelve month period ended"])
def test_a_period_length_worded_as_month_periods(text):
    from converter.extract.headers import DURATION_RE

    assert DURATION_RE.search(text)



@pytest.mark.parametrize("text", ["February 3, 2024 (1)", "2024 (a)", "December 31, 2024*"])
def test_a_footnote_mark_beside_a_date_is_still_a_period_header(text):
    from converter.extract.headers import is_period_text

    assert is_period_text(text)



def test_a_long_caption_with_its_scale_in_parentheses_is_a_title():
    """A table's first cell holding the company, the title and the scale ("... Statements of Income
    and Comprehensive Income (loss) (Unaudited)(in thousands, except shares and per share data)"):
    over 160 characters with its parentheses, it had been taken for prose and the statement lost."""
    from converter.extract.tablekind import classify

    caption = ("Ostrava Insurance Holdings, Inc. and SubsidiariesCondensed Consolidated Statements of Income and "
               "Comprehensive Income (loss) (Unaudited)(in thousands, except shares and per share data)")
    assert classify(caption) == ("statement", (OPS, "Consolidated Statements of Income"))
    assert classify("x " * 90)[0] == "prose"


@pytest.mark.parametrize("text, header", [
    ("December 31, 2023 (As Adjusted)", True), ("December 31, 2023 (Recast)", True), ("2023 As Revised", True),
    ("December 31, 2024 (Preliminary)", True), ("Period from February 1, 2021 through March 31, 2021", True),
    # a non-GAAP column and a row label stay no period header
    ("2024 Adjusted", False), ("Adjusted 2024", False),
])
def test_a_restated_or_preliminary_column_is_a_period_header(text, header):
    from converter.extract.headers import is_header_text

    assert is_header_text(text) is header
