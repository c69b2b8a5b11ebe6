"""Headings without a colon versus labels wrapped over two lines (a fixture per bug)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from converter.concepts import concept_table
from converter.extract import extract_text
from converter.extract.assemble import continues
from converter.map import EntityId, map_release

RELEASE = """Made Up Devices, Inc. (NASDAQ:MUDV) Reports Third Quarter Fiscal 2024 Results

MADE UP DEVICES, INC.
CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS
(In thousands, except per share data)

\tThree Months Ended September 30,\t
\t2024\t2023
Revenue\t$ 5,000\t$ 4,000
Cost of revenue\t3,000\t2,500
\t-----\t-----
Gross profit\t2,000\t1,500
Operating expenses\t1,200\t1,100
\t-----\t-----
Income from operations\t800\t400
Other income (expense)\t\t
Interest income\t30\t20
Interest expense\t(10)\t(12)
\t-----\t-----
Income before income taxes\t820\t408
Provision for income taxes\t200\t100
\t-----\t-----
Net income\t$ 620\t$ 308
\t=====\t=====
Weighted average shares used to calculate basic and\t\t
diluted net income per share\t10,000\t9,900
"""


def test_a_heading_without_colon_is_a_section_not_part_of_the_next_label():
    (ops,) = extract_text(RELEASE, "made-up.txt").statements
    labels = {item.label: item for item in ops.items}
    assert "Interest income" in labels and "Interest expense" in labels
    assert labels["Interest income"].section == ("Other income (expense)",)
    assert "Weighted average shares used to calculate basic and diluted net income per share" in labels


@pytest.mark.parametrize(("first", "then", "wrapped"), [
    ("Accounts receivable, net of allowance of $629 at", "March 31, 2008", True),
    ("Weighted average shares used to calculate Basic and", "Diluted net loss per share", True),
    ("Accounts receivable, net of allowance for doubtful", "accounts of $412", True),
    ("Property, plant and equipment,", "Net", True),
    ("Other income (expense)", "Interest income", False),
    ("Costs and expenses", "Cost of revenue", False),
])
def test_continues(first, then, wrapped):
    assert continues(first, then) is wrapped


PER_SHARE = """Made Up Bancorp Reports Fourth Quarter 2021 Results

CONSOLIDATED INCOME STATEMENT
(In millions, except per share data)

\tThree Months Ended December 31,\t
\t2021\t2020
Total revenue\t$ 5,127\t$ 4,999
Net income\t$ 1,306\t$ 1,456
Earnings Per Common Share:\t\t
Basic earnings from continuing operations\t$ 2.87\t$ 3.26
Total basic earnings\t$ 2.87\t$ 3.26
Diluted earnings from continuing operations\t$ 2.86\t$ 3.26
Total diluted earnings\t$ 2.86\t$ 3.26
Expenses:\t\t
Salaries\t100\t90
Total expenses\t100\t90
Net interest income\t900\t800
"""


def test_a_total_under_a_per_share_heading_leaves_the_heading_open():
    (st,) = extract_text(PER_SHARE, "ps.txt").statements
    sections = {i.label: i.section for i in st.items}
    assert sections["Diluted earnings from continuing operations"] == ("Earnings Per Common Share",)
    assert sections["Total diluted earnings"] == ("Earnings Per Common Share",)
    assert sections["Net interest income"] == ()  # other headings close at their total


SIBLINGS = """Made Up Exchange Reports Third Quarter 2025 Results

CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS
(In thousands)

\tNine Months Ended September 30,\t
\t2025\t2024
Cash flows from operating activities\t\t
Net income\t$ 1,927\t$ 1,287
Net cash provided by operating activities\t638\t1,592
Cash flows from investing activities\t\t
Purchases of investments\t(1,652)\t(232)
Net cash used in investing activities\t(1,652)\t(232)
Cash flows from financing activities\t\t
Repayment of notes\t(100)\t(50)
Net cash used in financing activities\t(100)\t(50)
"""


def test_a_heading_of_the_same_form_replaces_the_open_heading():
    (st,) = extract_text(SIBLINGS, "cf.txt").statements
    sections = {i.label: i.section for i in st.items}
    assert sections["Purchases of investments"] == ("Cash flows from investing activities",)
    assert sections["Repayment of notes"] == ("Cash flows from financing activities",)
    assert sections["Net income"] == ("Cash flows from operating activities",)


EQUITY_TEXT_LINES = """<html><body>
<p>MADE UP MACHINES CORPORATION</p>
<p>CONSOLIDATED BALANCE SHEET</p>
<p>(Dollars in millions)</p>
<table>
<tr><td></td><td>June 30, 2025</td><td>December 31, 2024</td></tr>
<tr><td>Total assets</td><td>$ 9,000</td><td>$ 8,800</td></tr>
<tr><td>Total liabilities</td><td>5,000</td><td>5,100</td></tr>
<tr><td>Stockholders' equity:</td><td></td><td></td></tr>
<tr><td>Common stock, par value $0.20 per share, and additional paid-in capital</td><td>2,300</td><td>2,250</td></tr>
<tr><td>Shares authorized: 4,687,500,000</td><td></td><td></td></tr>
<tr><td>Shares issued: 2025 - 2,284,546,988</td><td></td><td></td></tr>
<tr><td>2024 - 2,279,164,313</td><td></td><td></td></tr>
<tr><td>Retained earnings</td><td>3,000</td><td>2,700</td></tr>
<tr><td>Treasury stock - at cost</td><td>(1,000)</td><td>(950)</td></tr>
<tr><td>Shares: 2025 - 1,353,027,746</td><td></td><td></td></tr>
<tr><td>2024 - 1,352,874,243</td><td></td><td></td></tr>
<tr><td>Accumulated other comprehensive income/(loss)</td><td>(300)</td><td>(300)</td></tr>
<tr><td>Total stockholders' equity</td><td>4,000</td><td>3,700</td></tr>
<tr><td>Total liabilities and equity</td><td>$ 9,000</td><td>$ 8,800</td></tr>
</table></body></html>
"""


def test_text_lines_between_rows_wrapped_in_two_are_headings_not_part_of_the_next_label():
    # a share-count line printed over two rows ("Shares issued: 2025 - ..." / "2024 - ...") carries
    # on into its second row, but not into "Retained earnings" below it, which starts a new label
    (sheet,) = extract_text(EQUITY_TEXT_LINES, "made-up.htm").statements
    labels = [item.label for item in sheet.items]
    assert "Retained earnings" in labels
    assert "Accumulated other comprehensive income/(loss)" in labels
    assert not any(label.startswith("Shares") for label in labels)
    retained = next(item for item in sheet.items if item.label == "Retained earnings")
    assert retained.section[-1] == "Shares issued: 2025 - 2,284,546,988 2024 - 2,279,164,313"


NESTED = """Made Up Realty Reports Fourth Quarter 2024 Results

MADE UP REALTY CORP.
CONDENSED CONSOLIDATED STATEMENTS OF INCOME
(in thousands, except per share data)

| | Three Months Ended December 31, | |
| --- | --- | --- |
| | 2024 | 2023 |
| Revenues from rental properties, net | $ 520,000 | $ 490,000 |
| Income from continuing operations | 160,000 | 140,000 |
| Net income available to the company's common shareholders | $ 154,835 | $ 133,360 |
| Per common share: | | |
| Net income available to the company's common shareholders: (1) | | |
| Basic | $ 0.23 | $ 0.22 |
| Diluted (2) | $ 0.23 | $ 0.22 |
| Earnings per share of common stock: | | |
| Assuming dilution: | | |
| Continuing operations | $ 0.24 | $ 0.21 |
| Weighted average shares: | | |
| Basic | 673,676 | 617,122 |
| Diluted | 674,531 | 618,092 |
"""


def test_a_heading_right_under_a_heading_that_opens_a_list_is_nested_in_it():
    """"Per common share:" then "Net income available to ... shareholders:" then "Basic": the
    second heading is the first of the list the first one opens, not its replacement (the basic
    and diluted amounts per share were left untagged); a heading after line items replaces it."""
    (ops,) = extract_text(NESTED, "made-up-realty.md").statements
    sections = {(i.label, i.cells[0].value): i.section for i in ops.items}
    assert sections[("Basic", Decimal("0.23"))] == (
        "Per common share", "Net income available to the company's common shareholders")
    assert sections[("Continuing operations", Decimal("0.24"))] == ("Earnings per share of common stock", "Assuming dilution")
    assert sections[("Basic", Decimal("673676"))] == ("Weighted average shares",)
    mapped = map_release(extract_text(NESTED, "made-up-realty.md"), concept_table(), EntityId(cik="0009990022", name="Made Up Realty"))
    q4 = {(f.concept, f.value) for f in mapped.facts if f.period == ops.periods[0]}
    assert ("us-gaap:EarningsPerShareBasic", Decimal("0.23")) in q4
    assert ("us-gaap:EarningsPerShareDiluted", Decimal("0.23")) in q4
    # "Assuming dilution:" under a heading that names no dilution: still the diluted amount
    assert ("us-gaap:IncomeLossFromContinuingOperationsPerDilutedShare", Decimal("0.24")) in q4
    assert ("us-gaap:WeightedAverageNumberOfSharesOutstandingBasic", Decimal("673676000")) in q4


NESTED_BY_TWO = """Quillfeather Stores Reports Second Quarter Results

    QUILLFEATHER STORES, INC.
    CONSOLIDATED INCOME

                                          For the 13         For the 26
                                          Weeks Ended        Weeks Ended
                                        July 3, 2004 and   July 3, 2004 and
                                         June 28, 2003      June 28, 2003
    (millions, except earnings per
     common share)                       2004     2003      2004      2003

    Total revenues                      $8,781  $10,196   $16,575   $19,076
    Income before income taxes, minority
     interest and cumulative effect of
     change in accounting principle         89      502        64       812
    NET INCOME/ (LOSS)                   $  53   $  309   $  (806)  $   501

    EARNINGS/ (LOSS) PER COMMON SHARE

    Basic
      Earnings/ (loss) per share        $ 0.25   $ 1.04   $ (3.71)  $  1.63

    Diluted
      Earnings/ (loss) per share        $ 0.24   $ 1.04   $ (3.71)  $  1.63


    QUILLFEATHER STORES, INC.
    CONSOLIDATED BALANCE SHEET

        (millions)
                                            July 3,   June 28,  January 3,
                                             2004       2003       2004
    Assets
      Current assets
        Cash and cash equivalents          $ 3,559    $ 2,921    $ 9,057
        Accounts receivable, net of
         allowance for doubtful accounts     1,813      1,849      1,998
          Total current assets               5,372      4,770     11,055
      Other assets                          16,555     45,603     16,668
          Total assets                     $21,927    $50,373    $27,723

    Liabilities
      Current liabilities
        Short-term borrowings              $   770    $ 5,464    $ 1,033
          Total current liabilities          9,084     19,025     13,759
          Total liabilities                 16,226     44,141     21,322

    Shareholders' Equity
      Common shares                            323        323        323
          Total shareholders' equity         5,701      6,232      6,401
          Total liabilities and
           shareholders' equity            $21,927    $50,373    $27,723
"""


def test_headings_without_colons_nesting_their_items_by_two_characters():
    """"Assets" / "  Current assets" / "    Cash and cash equivalents": headings indented by two
    under each other are headings, not a label wrapped under a hanging indent (it was read as
    one label "Assets Current assets Cash and cash equivalents", an extension concept); a
    per-share row under a "Diluted" heading is the diluted figure (it took the basic concept,
    conflicted with it and was left untagged); a one-character hanging indent still wraps."""
    from converter.concepts import concept_table
    from converter.map import EntityId, map_release

    release = extract_text(NESTED_BY_TWO, "nested.txt")
    ops, sheet = release.statements
    assert ops.title == "CONSOLIDATED INCOME"  # an older short title (was the scale line under it)
    cash = sheet.items[0]
    assert (cash.label, cash.section) == ("Cash and cash equivalents", ("Assets", "Current assets"))
    assert sheet.items[1].label == "Accounts receivable, net of allowance for doubtful accounts"
    borrowings = next(i for i in sheet.items if i.label == "Short-term borrowings")
    assert borrowings.section == ("Liabilities", "Current liabilities")
    common = next(i for i in sheet.items if i.label == "Common shares")
    assert common.section == ("Shareholders' Equity",)
    mapped = map_release(release, concept_table(), EntityId(cik="0009990023", name="Quillfeather Stores"))
    q2 = ops.periods[0]
    facts = {f.concept: f.value for f in mapped.facts if f.period == q2}
    assert facts["us-gaap:EarningsPerShareBasic"] == Decimal("0.25")
    assert facts["us-gaap:EarningsPerShareDiluted"] == Decimal("0.24")
    assert facts["us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"] == Decimal(89_000_000)
    end = {f.concept: f.value for f in mapped.facts if f.period == sheet.periods[0]}
    assert end["us-gaap:CashAndCashEquivalentsAtCarryingValue"] == Decimal(3_559_000_000)
    assert end["us-gaap:ShortTermBorrowings"] == Decimal(770_000_000)
    assert [d.label for d in mapped.decisions if d.concept is None] == []


REPEATED_HEADER = """Quillfeather Clinical Reports Second Quarter Results

                    QUILLFEATHER CLINICAL, LTD.
                    CONSOLIDATED BALANCE SHEETS

                                                 JULY 31,   APRIL 30,
(IN THOUSANDS)-UNAUDITED                           2000        2000
                                                   ----        ----
Cash and cash equivalents                         $4,317    $ 11,718
Total assets                                      $9,000    $ 14,000

                      LIABILITIES AND STOCKHOLDERS' EQUITY

                                                 JULY 31,   APRIL 30,
(IN THOUSANDS)-UNAUDITED                           2000        2000
                                                   ----        ----
Accounts payable                                   3,000       4,000
Total liabilities                                  3,000       4,000
Total stockholders' equity                         6,000      10,000
Total liabilities and stockholders' equity        $9,000    $ 14,000
"""


def test_column_headings_printed_again_among_the_rows_are_no_line_item():
    """"(IN THOUSANDS)-UNAUDITED   2000   2000" printed again over the liabilities: a header line,
    not a line whose figures are 2,000 (it became an extension fact of 2,000,000)."""
    sheet = extract_text(REPEATED_HEADER, "repeated.txt").statements[0]
    labels = [i.label for i in sheet.items]
    assert not any("THOUSANDS" in label for label in labels)
    assert "Accounts payable" in labels
    assert not any(c.value == Decimal(2000) for i in sheet.items for c in i.cells)
