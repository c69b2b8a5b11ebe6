"""Text rendered from HTML with a `|` at each cell boundary (pages saved as text): invented tables."""

from __future__ import annotations

from decimal import Decimal

import pytest

from converter.errors import ExtractionError
from converter.extract import extract_text
from converter.model import StatementKind

# A bar starts each cell; empty cells are lines of bars alone; a wrapped label; a negative
# split as "(16,729" and ")"; "For The Three Months Ended" over its date.
BAR_BEFORE = """\
|
Tallow Ridge Instruments Reports First Quarter Results
|
TALLOW RIDGE INSTRUMENTS, INC.
|
Condensed Consolidated Balance Sheets
|
(Unaudited - in thousands)
|
March 31,
|
December 31,
|
2025
|
2024
|
ASSETS
|
Current assets:
|
Cash and cash equivalents
|$
|410
|$
|520
|
Accounts receivable, net of allowance of $12 both at
March 31, 2025 and December 31, 2024, respectively
|1,300
|1,250
|
Total current assets
|1,710
|1,770
|
Total assets
|$
|1,710
|$
|1,770
|
LIABILITIES AND STOCKHOLDERS' EQUITY
|
Accounts payable
|$
|900
|$
|880
|
Accumulated deficit
|(2,190
|)
|(2,110
|)
|
Common stock and additional paid-in capital
|3,000
|3,000
|
Total liabilities and stockholders' equity
|$
|1,710
|$
|1,770
|
TALLOW RIDGE INSTRUMENTS, INC.
|
Condensed Consolidated Statements of Operations
|
(Unaudited - in thousands)
|
For The Three Months Ended
March 31,
|
2025
|
2024
|
Net sales
|$
|2,010
|$
|1,940
|
Other income (loss)
|(15
|)
|9
|1,995
|1,949
|
Cost of sales
|1,100
|1,050
|
Net income
|$
|895
|$
|899
|
|Investor contact: Dana Wells
"""

# A bar ends each cell; empty cells are bars alone; a period header wrapped over two lines.
BAR_AFTER = """\
CONSOLIDATED STATEMENT OF INCOME
(in thousands)
|
|
Three
Months Ended
June 30,
|
|
Six Months
Ended
June 30,
|
|
2025
|
|
2024
|
|
2025
|
|
2024
|
|
|
|
Net sales
|
|
$
|
800
|
|
$
|
700
|
|
$
|
1,500
|
|
$
|
1,300
|
|
Cost of products sold
|
|
500
|
|
450
|
|
950
|
|
850
|
|
Net income
|
|
$
|
300
|
|
$
|
250
|
|
$
|
550
|
|
$
|
450
See accompanying notes to consolidated financial statements.
"""

# Rows on one line with bars between the cells, rules as lines of bars (no |---| separator).
BAR_ROWS = """\
Consolidated Statements of Operations
(in thousands)
| | Three months ended September 30
| |
| | 2025
| | | 2024
| |
Net sales | | $ | 5,100 | | | $ | 4,800 | |
Other income (loss) | | | (20 | ) | | | 5 | |
| |
|
|
| |
|
|
|
| | | 5,080 | | | | 4,805 | |
Cost of sales | | | 3,000 | | | | 2,900 | |
| |
|
|
| |
|
|
|
Net income | | $ | 2,080 | | | $ | 1,905 | |
| |
|
|
| |
|
|
|
Contact: investor relations
"""


def _values(statement, label):
    item = next(i for i in statement.items if i.label == label)
    return [c.value for c in item.cells]


def test_bar_before_each_cell():
    release = extract_text(BAR_BEFORE, "bars.txt")
    sheet, ops = release.statements
    assert sheet.kind is StatementKind.BALANCE_SHEET
    assert [p.end.isoformat() for p in sheet.periods] == ["2025-03-31", "2024-12-31"]
    assert _values(sheet, "Cash and cash equivalents") == [Decimal(410), Decimal(520)]
    label = "Accounts receivable, net of allowance of $12 both at March 31, 2025 and December 31, 2024, respectively"
    assert _values(sheet, label) == [Decimal(1300), Decimal(1250)]
    assert _values(sheet, "Accumulated deficit") == [Decimal(-2190), Decimal(-2110)]
    total = next(i for i in sheet.items if i.label == "Total assets")
    assert total.section == ("ASSETS",)
    # the source of a value is its line and column in the file
    cash = next(i for i in sheet.items if i.label == "Cash and cash equivalents")
    assert (cash.cells[0].source.line, cash.cells[0].source.column) == (24, 2)
    assert ops.kind is StatementKind.OPERATIONS
    assert [(p.start.isoformat(), p.end.isoformat()) for p in ops.periods] == [("2025-01-01", "2025-03-31"),
                                                                               ("2024-01-01", "2024-03-31")]
    # a second set of values in a row is an unlabelled subtotal of its own
    assert _values(ops, "Other income (loss)") == [Decimal(-15), Decimal(9)]
    assert _values(ops, "Subtotal") == [Decimal(1995), Decimal(1949)]
    assert _values(ops, "Net income") == [Decimal(895), Decimal(899)]


def test_bar_after_each_cell_with_wrapped_period_headers():
    release = extract_text(BAR_AFTER, "bars-after.txt")
    (ops,) = release.statements
    assert [(p.start.isoformat(), p.end.isoformat()) for p in ops.periods] == [
        ("2025-04-01", "2025-06-30"), ("2024-04-01", "2024-06-30"),
        ("2025-01-01", "2025-06-30"), ("2024-01-01", "2024-06-30")]
    assert _values(ops, "Net sales") == [Decimal(800), Decimal(700), Decimal(1500), Decimal(1300)]
    assert _values(ops, "Net income") == [Decimal(300), Decimal(250), Decimal(550), Decimal(450)]


def test_rows_with_bars_between_cells():
    release = extract_text(BAR_ROWS, "bar-rows.txt")
    (ops,) = release.statements
    assert [p.end.isoformat() for p in ops.periods] == ["2025-09-30", "2024-09-30"]
    assert _values(ops, "Other income (loss)") == [Decimal(-20), Decimal(5)]
    assert _values(ops, "Subtotal") == [Decimal(5080), Decimal(4805)]
    assert _values(ops, "Net income") == [Decimal(2080), Decimal(1905)]
    net = next(i for i in ops.items if i.label == "Net income")
    assert (net.source.line, net.cells[0].source.line) == (26, 26)


def test_bar_rendered_table_cut_off_names_the_line():
    cut = BAR_BEFORE[: BAR_BEFORE.index("|1,100")]
    release = extract_text(cut, "cut.txt")  # the balance sheet above the cut is still read
    assert [s.kind.value for s in release.statements] == ["balance_sheet"]
    (skipped,) = release.skipped_tables
    assert "cut off" in skipped.reason and skipped.where.startswith("cut.txt:")
