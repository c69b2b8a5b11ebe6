"""Reading tables of real layouts: labels wrapped word by word in a narrow label column."""

from __future__ import annotations

from decimal import Decimal

from converter.extract import extract_text
from converter.extract.labels import label_details
from converter.model import DetailKind, SourceRef, StatementKind

NARROW = """Quillfeather Savings Reports Second Quarter Results
October 20, 2010

Quillfeather Savings today reported results for the quarter ended September 30, 2010.

 CONSOLIDATED STATEMENTS OF FINANCIAL CONDITION

 (unaudited)
 (in 000s,                       Three                  One
  except share       Sept. 30,   Month     June 30,     Year      Sept. 30,
  data)                2010      Change     2010       Change       2009
 ----------------------------------------------------------------------------
 Assets:
   Cash and due
    from banks     $    22,117     -8%  $    24,095       20%   $    18,457
   Net loans
    receivable       1,239,696      0%    1,245,591        8%     1,146,413
   Other assets         23,798      1%       23,614        4%        22,792
                   -----------          -----------             -----------
     Total
      assets       $ 1,285,611      0%  $ 1,293,300        8%   $ 1,187,662
                   ===========          ===========             ===========

 Liabilities:
   Deposits        $ 1,147,278      5%  $ 1,096,754       15%   $   997,555
   Other
    liabilities         15,000     -8%       68,000      -34%        61,000
                   -----------          -----------             -----------
     Total
      liabili-
      ties         $ 1,162,278      1%  $ 1,164,754        9%   $ 1,058,555

 Stockholders'
  equity:
   Serial
    preferred
    stock, $1.00
    par value;
    10,000,000
    shares
    authorized;
    none issued
    or outstanding          --                   --                      --
   Common stock,
    $1.00 par
    value;
    30,000,000
    shares
    authorized;
    11,960,371,
    11,917,113, and
    12,123,595
    shares
    outstanding    $    11,960      0%  $    11,917       -1%   $    12,124
   Retained
    earnings           111,373      1%      116,629        0%       116,983
                   -----------          -----------             -----------
     Total
      stockholders'
      equity           123,333     -4%      128,546       -5%      129,107
                   -----------          -----------             -----------
     Total
      liabilities
      and stock-
      holders'
      equity       $ 1,285,611      0%  $ 1,293,300        8%   $ 1,187,662
                   ===========          ===========             ===========
"""


def _balance_sheet():
    release = extract_text(NARROW, "narrow.txt")
    sheets = [s for s in release.statements if s.kind is StatementKind.BALANCE_SHEET]
    assert len(sheets) == 1
    return sheets[0]


def test_a_long_wrapped_label_does_not_cut_the_table():
    items = {item.label: item for item in _balance_sheet().items}
    total = items["Total liabilities and stockholders' equity"]
    assert [c.value for c in total.cells] == [Decimal(1285611), Decimal(1293300), Decimal(1187662)]
    assert "Total liabilities" in items and "Total stockholders' equity" in items


def test_a_number_alone_in_the_label_column_is_part_of_the_label():
    items = {item.label: item for item in _balance_sheet().items}
    label = ("Common stock, $1.00 par value; 30,000,000 shares authorized; 11,960,371, 11,917,113, and "
             "12,123,595 shares outstanding")
    assert [c.value for c in items[label].cells] == [Decimal(11960), Decimal(11917), Decimal(12124)]
    assert items[label].source.line == NARROW.splitlines().index("   Common stock,") + 1
    assert not any(item.label == "" or item.label.endswith("$1.00 par value;") for item in items.values())


def test_the_last_count_of_a_list_is_not_taken_for_every_date():
    where = lambda pos: SourceRef("x", 1, pos + 1)  # noqa: E731
    listed = label_details("Common stock; 11,960,371, 11,917,113, and 12,123,595 shares outstanding", where)
    assert not [d for d in listed if d.kind is DetailKind.SHARES_OUTSTANDING]
    single = label_details("Common stock; 12,123,595 shares outstanding", where)
    assert [d.value for d in single if d.kind is DetailKind.SHARES_OUTSTANDING] == [Decimal(12123595)]


def test_a_table_region_runs_over_a_label_wrapped_on_many_lines():
    from converter.extract.reader import split_lines
    from converter.extract.texttables import untagged_regions

    lines = split_lines(NARROW, "narrow.txt")
    regions = untagged_regions(lines, set())
    first = next(k for k, line in enumerate(lines) if "Cash and due" in line.text)
    last = next(k for k, line in enumerate(lines) if "equity       $" in line.text)
    assert any(r.start <= first and last < r.stop for r in regions)
    far = NARROW.replace("    none issued\n", "    none issued\n" + "    and not\n" * 40)
    assert len(untagged_regions(split_lines(far, "far.txt"), set())) == 2  # not one table any more


NARROW_OPERATIONS = """Quillfeather Savings Reports Second Quarter Results
October 20, 2010

Quillfeather Savings today reported results for the quarter ended September 30, 2010.

 CONSOLIDATED STATEMENTS OF INCOME

 (unaudited)         Quarter               Quarter              Quarter
 (in 000s,            Ended     Three       Ended     One        Ended
  except share       Sept. 30,  Month      June 30,   Year      Sept. 30,
  data)               2010     Change       2010     Change       2009
 -----------------------------------------------------------------------------
 Total interest
  income           $    16,437     -3%  $    16,914       -6%   $    17,516
 Net income
  (loss)           $    (4,655)    N/A  $     2,066      N/A   $     4,838
                   ===========          ===========             ===========

 Earnings per
  share :
   Basic earnings
    (loss) per
    share        $     (0.39)    N/A   $      0.17     N/A   $      0.40

 Weighted average
  shares
  outstanding:
   Basic          11,940,064      0%    11,893,813     -2%    12,155,532
   Common stock
    equivalents       32,190    -55%        71,965    -68%       101,265
                 -----------           -----------           -----------
   Diluted        11,972,254      0%    11,965,778     -2%    12,256,797
"""


def test_a_heading_wrapped_over_three_lines_is_one_heading():
    """"Weighted average" / "  shares" / "  outstanding:" heads the share counts below it."""
    from converter.concepts import concept_table
    from converter.map import match_line_item

    release = extract_text(NARROW_OPERATIONS, "narrow-ops.txt")
    (ops,) = [s for s in release.statements if s.kind is StatementKind.OPERATIONS]
    items = {item.label: item for item in ops.items}
    assert items["Basic"].section == ("Weighted average shares outstanding",)
    assert items["Basic earnings (loss) per share"].section == ("Earnings per share",)
    table = concept_table()
    assert match_line_item(table, ops.kind, items["Basic"]).entry.concept == "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic"
    assert match_line_item(table, ops.kind, items["Diluted"]).entry.concept == "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding"
    assert [c.value for c in items["Basic"].cells] == [Decimal(11940064), Decimal(11893813), Decimal(12155532)]


MARKDOWN_WRAPPED = """# Quillfeather Commerce Reports Third Quarter 2025 Results

## Condensed Consolidated Statements of Cash Flows
(In US $ millions)

|                                                   | Three months ended September 30, 2025 | Three months ended September 30, 2024 |
|---------------------------------------------------|------|------|
| **Cash flows from operating activities**          |      |      |
| Net income for the period                         | 264  | 828  |
| Adjustments to reconcile net income to            |      |      |
| net cash provided by operating activities:        |      |      |
| Stock-based compensation                          | 107  | 110  |
| Impairment of right-of-use assets                 | 3    | —    |
| and leasehold improvements                        |      |      |
| Net loss on equity method investment              | 21   | 28   |
| Net cash provided by operating activities         | 395  | 966  |

## Condensed Consolidated Statements of Operations
(In US $ millions, except per share amounts)

|                                                   | Three months ended September 30, 2025 | Three months ended September 30, 2024 |
|---------------------------------------------------|------|------|
| Revenues                                          | 2,844 | 2,162 |
| Net income                                        | 264  | 828  |
| Weighted-average number of shares of common stock |      |      |
| outstanding used in computing per share amounts:  |      |      |
| Basic                                             | 130  | 123  |
| Diluted                                           | 131  | 125  |
"""


def test_labels_and_headings_wrapped_over_markdown_rows():
    """A heading continued on the next row in lower case is one heading; a lower-case line
    opening with a joining word, below a row of figures, ends that row's label."""
    from converter.concepts import concept_table
    from converter.map import match_line_item

    release = extract_text(MARKDOWN_WRAPPED, "wrapped.md")
    flows = next(s for s in release.statements if s.kind is StatementKind.CASH_FLOWS)
    ops = next(s for s in release.statements if s.kind is StatementKind.OPERATIONS)
    labels = [i.label for i in flows.items]
    assert "Impairment of right-of-use assets and leasehold improvements" in labels
    loss = next(i for i in flows.items if i.label == "Net loss on equity method investment")
    assert loss.section == ("Cash flows from operating activities",
                            "Adjustments to reconcile net income to net cash provided by operating activities")
    basic = next(i for i in ops.items if i.label == "Basic")
    assert basic.section == ("Weighted-average number of shares of common stock outstanding used in computing per share amounts",)
    table = concept_table()
    assert match_line_item(table, ops.kind, basic).entry.concept == "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic"


TWO_CAPTIONS = """Quillfeather Savings Reports Fourth Quarter Results
January 25, 2006

 CONSOLIDATED STATEMENTS OF FINANCIAL CONDITION
 (Dollars in thousands)
                                      Dec. 31,      Sept. 30,
                                        2005          2005
 Assets:
   Cash and due from banks            $ 22,117      $ 24,095
   Total assets                       $ 22,117      $ 24,095

 Stockholders' equity:
   Serial preferred stock, $1.00
    par value; 10,000,000 shares
    authorized; none issued or
    outstanding
   Common stock, $1.00 par value;
    30,000,000 shares authorized;
    9,894,380 and 9,918,707
    shares outstanding                   9,894         9,919
   Retained earnings                    12,223        14,176
   Total stockholders' equity         $ 22,117      $ 24,095
"""


def test_a_caption_without_figures_is_not_run_into_the_next_one():
    """A wrapped caption printed without figures ("Serial preferred stock ... none issued or
    outstanding") ends where the next caption starts back at its indent ("Common stock, ..."):
    two rows, the figures on the second; the first keeps the facts stated in its label."""
    from converter.concepts import concept_table
    from converter.map import match_line_item

    release = extract_text(TWO_CAPTIONS, "two-captions.txt")
    (bs,) = release.statements
    labels = [item.label for item in bs.items]
    preferred = "Serial preferred stock, $1.00 par value; 10,000,000 shares authorized; none issued or outstanding"
    common = "Common stock, $1.00 par value; 30,000,000 shares authorized; 9,894,380 and 9,918,707 shares outstanding"
    assert labels[2:4] == [preferred, common]
    items = {item.label: item for item in bs.items}
    assert all(c.value is None for c in items[preferred].cells)
    assert [c.value for c in items[common].cells] == [Decimal(9894), Decimal(9919)]
    assert {d.kind for d in items[preferred].details} >= {DetailKind.PAR_VALUE, DetailKind.SHARES_AUTHORIZED}
    table = concept_table()
    assert match_line_item(table, bs.kind, items[preferred]).entry.concept == "us-gaap:PreferredStockValue"
    assert match_line_item(table, bs.kind, items[common]).entry.concept == "us-gaap:CommonStockValue"



def test_a_blank_labelled_figure_under_a_gross_amount_and_its_deduction_is_the_net_amount():
    """A balance sheet leaving the net property line without a label, under a rule (a retailer's
    8-K exhibit): it had been read as total assets, the real total then a conflicting fact."""
    from converter.extract import extract_text

    text = "\n".join([
        "ACME RETAIL, INC.", "CONSOLIDATED BALANCE SHEETS", "(Dollar amounts in thousands)",
        "                                              November 2,    February 3,",
        "ASSETS                                           2024           2024",
        "CURRENT ASSETS:",
        "Cash and cash equivalents                      $ 301,958      $ 268,213",
        "Total current assets                             504,928        444,256",
        "PROPERTY AND EQUIPMENT                           508,273        489,037",
        "Less accumulated depreciation and amortization  (365,241)      (360,200)",
        "                                                 -------        -------",
        "                                                 143,032        128,837",
        "OTHER ASSETS                                      13,362         10,911",
        "Total assets                                  $ 661,322      $ 584,004",
        "",
    ])
    (sheet,) = extract_text(text, "acme-retail.txt").statements
    labels = [i.label for i in sheet.items]
    assert "PROPERTY AND EQUIPMENT, net" in labels
    assert labels.count("Total assets") == 1


CAPITALS_WRAPPED = """# Quillfeather Commerce Reports Third Quarter 2025 Results

## Consolidated Statements of Cash Flows
(in millions)

|                                                             | Three Months Ended September 30, 2025 | Three Months Ended September 30, 2024 |
|-------------------------------------------------------------|---------|---------|
| CASH, CASH EQUIVALENTS, AND RESTRICTED CASH, BEGINNING OF   |         |         |
| PERIOD                                                      | $ 50,067 | $ 71,673 |
| OPERATING ACTIVITIES:                                       |         |         |
| Net income                                                  | 9,879   | 15,328  |
| Net cash provided by (used in) operating activities         | 21,217  | 25,971  |
| CASH, CASH EQUIVALENTS, AND RESTRICTED CASH, END OF PERIOD  | $ 71,084 | $ 97,644 |
"""


def test_a_label_in_capitals_broken_off_at_a_joining_word_carries_on_into_the_next_row():
    """"CASH, ..., BEGINNING OF" / "PERIOD": a line in capitals ending in "OF" is no heading (it was
    taken for one, and "PERIOD" became a line item of its own, an extension concept)."""
    from converter.concepts import concept_table
    from converter.map import match_line_item

    flows = next(s for s in extract_text(CAPITALS_WRAPPED, "capitals.md").statements
                 if s.kind is StatementKind.CASH_FLOWS)
    first = flows.items[0]
    assert first.label == "CASH, CASH EQUIVALENTS, AND RESTRICTED CASH, BEGINNING OF PERIOD"
    assert first.section == ()
    assert [c.value for c in first.cells] == [Decimal(50067), Decimal(71673)]
    assert match_line_item(concept_table(), flows.kind, first).entry.concept == (
        "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents")
    assert flows.items[1].section == ("OPERATING ACTIVITIES",)


GROSS_LESS_NET = """# Quillfeather Graphite Reports Fourth Quarter 2024 Results

## Consolidated Balance Sheets
(Dollars in thousands)

|                                                        | December 31, 2024 | December 31, 2023 |
|--------------------------------------------------------|---------|---------|
| Cash and cash equivalents                              | $ 256,248 | $ 176,878 |
| Accounts and notes receivable, net of allowance for doubtful accounts of $7,114 as of December 31, 2024 and $7,708 as of December 31, 2023 | 93,576 | 101,387 |
| Property, plant and equipment                          | 910,247 | 920,444 |
| Less: accumulated depreciation                         | 427,548 | 398,330 |
| Net property, plant and equipment                      | 482,699 | 522,114 |
| Total assets\\*                                         | $ 832,523 | $ 800,379 |
"""


def test_gross_property_less_accumulated_depreciation_above_the_net_amount_and_escaped_marks():
    """"Property, plant and equipment" above "Less: accumulated depreciation" and "Net property,
    plant and equipment" is the gross amount (the net row conflicted with it and was left
    untagged); the allowance of "Accounts and notes receivable" is stated in its label; and
    markdown's escaped footnote mark ("Total assets\\*") leaves no backslash in the label."""
    from converter.concepts import concept_table
    from converter.map import EntityId, map_release

    release = extract_text(GROSS_LESS_NET, "gross.md")
    sheet = release.statements[0]
    assert sheet.items[-1].label == "Total assets"
    mapped = map_release(release, concept_table(), EntityId(cik="0009990022", name="Quillfeather Graphite"))
    facts = {(f.concept, f.period.end.year): f.value for f in mapped.facts}
    assert facts[("us-gaap:PropertyPlantAndEquipmentGross", 2024)] == Decimal(910_247_000)
    assert facts[("us-gaap:PropertyPlantAndEquipmentNet", 2024)] == Decimal(482_699_000)
    assert facts[("us-gaap:AllowanceForDoubtfulAccountsReceivableCurrent", 2023)] == Decimal(7_708_000)
    assert [d.label for d in mapped.decisions if d.concept is None] == []
