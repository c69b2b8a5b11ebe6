"""EDGAR SGML-tagged text and fixed-width text tables read through the grid interpreter."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from converter.extract import extract_text
from converter.extract.assemble import assemble
from converter.extract.edgar import is_sgml_text
from converter.extract.headers import parse_scale
from converter.extract.layout import RawCell, Row
from converter.errors import ExtractionError, NoStatementsError
from converter.extract.tablekind import classify
from converter.extract.titles import looks_like_title_case
from converter.model import Period, StatementKind

SGML = """<DOCUMENT>
<TYPE>EX-99.1
<TEXT>
<PAGE>
            FENWICK LOOM CORP. REPORTS FOURTH QUARTER RESULTS

Fenwick Loom Corp. today reported results for the year ended September 30, 2004.
                                                      - TABLES FOLLOW -
<PAGE>
                       FENWICK LOOM CORP. AND SUBSIDIARIES
                          CONSOLIDATED OPERATIONS DATA
<TABLE>
<CAPTION>
                                     Three Months Ended      Three Months Ended         Year Ended
                                       September 30,           September 30,          September 30,
                                    ---------------------    -------------------    -------------------
                                            2004                    2003                   2004
                                            ----                    ----                   ----
                                        (unaudited)             (unaudited)
<S>                                     <C>                    <C>                    <C>
REVENUES:
Finance income                          $14,806,000            $11,183,000            $51,175,000
                                        -----------            -----------            -----------
EXPENSES:
General and administrative                3,260,000              2,408,000             11,258,000
Interest                                    222,000                433,000                845,000
                                        -----------            -----------            -----------
    Total expenses                        3,482,000              2,841,000             12,103,000
                                        -----------            -----------            -----------
Net income                              $11,324,000            $ 8,342,000            $39,072,000
                                        ===========            ===========            ===========
Net income per share - Diluted          $      0.46            $      0.31            $      1.57
</TABLE>
<PAGE>
                     CONSOLIDATED STATEMENTS OF OPERATIONS - PRO FORMA
<TABLE>
<CAPTION>
                                     Three Months Ended      Three Months Ended         Year Ended
                                       September 30,           September 30,          September 30,
                                    ---------------------    -------------------    -------------------
                                            2004                    2003                   2004
<S>                                     <C>                    <C>                    <C>
Net income                              $11,324,000            $ 8,342,000            $39,072,000
Net income per share - Diluted          $      0.46            $      0.31            $      1.57
</TABLE>
</TEXT>
</DOCUMENT>
"""

BANDED = """             Gorsedd Savings Corp. reports third quarter results

Gorsedd Savings Corp. (Nasdaq: GRSD) today announced results for the quarter.

 CONSOLIDATED STATEMENTS OF INCOME

 (unaudited)              Quarter              Quarter
 (in 000s,                 Ended     Three      Ended     One
  except share            Dec 31,    Month     Sept 30,   Year
  data)                    2007     Change      2007     Change
 ----------------------------------------------------------------
 Interest income:
   Interest on loans    $    24,917     0%   $    24,881     7%
   Interest on
    securities                  992    -2%         1,011    -3%
                        -----------          -----------
     Total
      interest income        25,909     0%        25,892     7%
 Net Income             $     4,712    -4%   $     4,913    -4%
 Earnings per share:
   Diluted earnings
    per share           $      0.39    -3%   $      0.40     0%
"""


def test_sgml_text_is_not_html():
    assert is_sgml_text(SGML)
    assert not is_sgml_text("<DOCUMENT>\n<TEXT>\n<html><body><table><tr><td>1</td></tr></table></body></html>")


def test_sgml_tables_are_read_as_grids():
    release = extract_text(SGML, "fenwick.txt")
    assert len(release.statements) == 1  # the pro forma table is not a GAAP statement
    st = release.statements[0]
    assert st.kind is StatementKind.OPERATIONS
    assert st.periods == (
        Period(date(2004, 9, 30), date(2004, 7, 1)),
        Period(date(2003, 9, 30), date(2003, 7, 1)),
        Period(date(2004, 9, 30), date(2003, 10, 1)),
    )
    labels = [item.label for item in st.items]
    assert labels[0] == "Finance income"
    net = next(item for item in st.items if item.label == "Net income")
    assert [c.value for c in net.cells] == [Decimal("11324000"), Decimal("8342000"), Decimal("39072000")]
    assert net.cells[0].source.line == SGML.split("\n").index(
        next(l for l in SGML.split("\n") if l.startswith("Net income   "))) + 1
    total = next(item for item in st.items if item.label == "Total expenses")
    assert total.section == ("EXPENSES",)
    assert any("PRO FORMA" in t[1] for t in release.ignored_tables)


def test_banded_header_with_change_columns_and_label_area_scale():
    release = extract_text(BANDED, "gorsedd.txt")
    st = release.statements[0]
    assert st.scale.exponent == 3
    assert st.periods == (
        Period(date(2007, 12, 31), date(2007, 10, 1)),
        Period(date(2007, 9, 30), date(2007, 7, 1)),
    )
    loans = st.items[0]
    assert [c.text for c in loans.cells] == ["$ 24,917", "$ 24,881"]
    eps = st.items[-1]
    assert eps.label == "Diluted earnings per share" and eps.cells[1].value == Decimal("0.40")


def test_scale_in_000s():
    assert parse_scale(["(in 000s, except share data)"]).exponent == 3
    assert parse_scale(["($000)"]).exponent == 3
    assert parse_scale(["(000's omitted)"]).exponent == 3
    assert parse_scale(["(000s)"]).exponent == 3
    assert parse_scale(["(Note 3)"]).exponent == 0


def test_a_statement_scaled_by_thousands_omitted():
    text = MARGIN_LENGTH.replace("Consolidated Statements of Income (In thousands, except per share data)",
                                 "CONSOLIDATED STATEMENTS OF INCOME\n(000's omitted)")
    (st,) = extract_text(text, "r.txt").statements
    assert st.scale.exponent == 3


def test_pro_forma_tables_are_not_gaap_statements():
    assert classify("Consolidated Statements of Operations - Pro Forma")[0] == "non-GAAP reconciliation"


def test_capitals_list_heading_under_outer_heading_is_a_subsection():
    def row(label: str, value: str | None = None) -> Row:
        r = Row(1, label)
        if value is not None:
            r.cells = [RawCell(value, 1, 40, 0)]
            r.columns = list(r.cells)
        return r

    rows = [row("ASSETS"), row("CURRENT ASSETS:"), row("Cash", "5"), row("Total current assets", "5"),
            row("Land", "7"), row("Total assets", "12")]
    items = assemble(rows, 1, "x.txt", at_eof=False)
    assert [i.section for i in items] == [("ASSETS", "CURRENT ASSETS"), ("ASSETS", "CURRENT ASSETS"),
                                         ("ASSETS",), ("ASSETS",)]
    rows = [row("OPERATING EXPENSES:"), row("Research", "5"), row("Total", "5"), row("Operating loss", "7")]
    items = assemble(rows, 1, "x.txt", at_eof=False)
    assert [i.section for i in items] == [("OPERATING EXPENSES",), ("OPERATING EXPENSES",), ()]


DOUBLE_SPACED = """            Quorra Devices reports results

Quorra Devices (Nasdaq: QRRA) today reported revenue of $11.1 million for the quarter.


                 Condensed Statements of Operations - GAAP

                    (In thousands, except per share data)



                                                  Three Months Ended

                                            3/31/05     12/31/04

    Net revenues                            $11,072     $11,506

    Cost of revenues                          7,854       8,027

    Operating expenses:

        Research and development              3,210       2,871

               Total                          3,210       2,871

    Net income                                    8         608

    Net income per share - Diluted            $0.00       $0.02
"""

RESTATED = """                          STATEMENTS OF OPERATIONS
<TABLE>
<CAPTION>
                                          Three Months Ended          Three Months Ended
                                       ------------------------    ------------------------
                                         Apr 1,        Apr 1,        Dec 31,       Dec 31,
                                          2006          2006          2005          2005
                                           As                          As
                                       Previously        As        Previously        As
                                        Reported      Restated      Reported      Restated
<S>                                    <C>           <C>           <C>           <C>
Net revenues                           $   27,847    $   27,847    $   26,270    $   26,270
Cost of revenues                           18,157        18,402        16,719        16,958
Net income                                  1,126         1,001           679           600
Net income per share - Diluted               0.04          0.03          0.02          0.02
</TABLE>
"""

UNNAMED = """                          BALANCE SHEET DATA
<TABLE>
<CAPTION>
                                                 June 30,           September 30,
                                                   2005                 2004
<S>                                              <C>                  <C>
ASSETS
Cash                                             $ 1,920,000          $ 3,344,000
Receivables                                        166,728,000          146,165,000
                                                 ------------         ------------
                                                 $168,648,000         $149,509,000
                                                 ============         ============
LIABILITIES
   Debt                                          $30,700,000          $39,355,000
   Taxes                                             711,000            1,425,000
                                                 ------------         ------------
   Total liabi-
    lities                                        31,411,000           40,780,000
STOCKHOLDERS' EQUITY
   Common stock                                  137,237,000          108,729,000
                                                 ------------         ------------
   Total stockholders' equity                    137,237,000          108,729,000
                                                 ------------         ------------
                                                 $168,648,000         $149,509,000
</TABLE>
"""


def test_untagged_double_spaced_table_with_numeric_dates():
    st = extract_text(DOUBLE_SPACED, "quorra.txt").statements[0]
    assert st.kind is StatementKind.OPERATIONS and st.scale.exponent == 3
    assert st.periods == (Period(date(2005, 3, 31), date(2005, 1, 1)), Period(date(2004, 12, 31), date(2004, 10, 1)))
    assert [i.label for i in st.items][:2] == ["Net revenues", "Cost of revenues"]


def test_previously_reported_columns_are_dropped():
    st = extract_text(RESTATED, "restated.txt").statements[0]
    assert len(st.periods) == 2
    net = next(i for i in st.items if i.label == "Net income")
    assert [c.value for c in net.cells] == [Decimal("1001"), Decimal("600")]


def test_unlabelled_totals_are_named_for_their_heading_and_broken_words_joined():
    st = extract_text(UNNAMED, "unnamed.txt").statements[0]
    assert st.kind is StatementKind.BALANCE_SHEET
    labels = [i.label for i in st.items]
    assert labels[2] == "Total assets"
    assert "Total liabilities" in labels  # "liabi-" / "lities": the word is printed elsewhere
    assert labels[-1] == "Total liabilities and stockholders' equity"
    assert st.items[2].section == ("ASSETS",) and st.items[3].section == ("LIABILITIES",)


NO_SCALE = """            Tarrow Bancorp reports quarterly earnings

Tarrow Bancorp today reported net income of $4.0 million for the quarter, compared with
$3.2 million a year ago. Total assets reached $1.08 billion.

                      CONSOLIDATED STATEMENTS OF INCOME

                                          Quarter Ended       Quarter Ended
                                          Dec 31, 2005        Dec 31, 2004
 Interest income                           $ 17,328            $ 12,272
 Net Income                                $  3,983            $  3,224
 Diluted EPS                               $   0.40            $   0.31
"""


def test_scale_inferred_from_the_narrative_when_none_is_printed():
    st = extract_text(NO_SCALE, "tarrow.txt").statements[0]
    assert st.scale.exponent == 3
    assert st.notes  # says where the scale came from


def test_values_with_footnote_stars_and_glued_change_figures():
    from converter.extract.reader import Line
    from converter.extract.textgrid import parse_line

    row = parse_line(0, Line(1, "  Diluted EPS          $      0.37          0%         $      0.37*     23% $   0.30*"))
    assert row.label == "Diluted EPS"
    assert [(t.text, t.kind) for t in row.toks if t.kind in ("value", "pct")] == [
        ("0.37", "value"), ("0%", "pct"), ("0.37", "value"), ("23%", "pct"), ("0.30", "value")]


def test_dash_label_repeats_the_stem_above():
    text = SGML.replace("Net income per share - Diluted          $      0.46            $      0.31            $      1.57",
                        "Net income per share - Basic            $      0.48            $      0.33            $      1.67\n"
                        "                     - Diluted          $      0.46            $      0.31            $      1.57", 1)
    st = extract_text(text, "fenwick.txt").statements[0]
    assert [i.label for i in st.items][-2:] == ["Net income per share - Basic", "Net income per share - Diluted"]


# a text rendering of an HTML release (no SGML tags): the title printed beside the column
# headings, and a caption in the label column of the dates line
TITLE_BESIDE_HEADINGS = """\
Quarry Lane Savings Reports First Quarter Fiscal 2009 Results

Quarry Lane Savings (NASDAQ: QLSB) today reported results for the quarter ended June 30, 2008.

QLSB - Reports First Quarter Fiscal 2009 Profits July 22, 2008 Page 4

CONSOLIDATED STATEMENTS OF INCOME                      Quarter Ended     Quarter Ended
(unaudited) (in 000s, except share data)               June 30, 2008     June 30, 2007
Interest income:
Interest on loans                                   $      20,446        $    23,884
Interest and dividends on securities                          961             1,014
Total interest income                                      21,407            24,898
Interest expense                                           10,180            11,457
Net interest income                                        11,227            13,441
Net income                                                  3,772             5,013

QLSB - Reports First Quarter Fiscal 2009 Profits July 22, 2008 Page 5

CONSOLIDATED STATEMENTS OF FINANCIAL CONDITION
(unaudited) (in 000s)                                June 30, 2008        March 31, 2008
Assets:
Cash and due from banks                             $      24,095        $     22,412
Net loans receivable                                    1,239,696          1,245,591
Total assets                                        $   1,263,791        $  1,268,003
Liabilities:
Deposits                                            $   1,147,278        $  1,096,754
Total liabilities                                       1,147,278          1,096,754
Total stockholders' equity                                116,513            171,249
Total liabilities and stockholders' equity          $   1,263,791        $  1,268,003
"""


def test_a_title_printed_beside_its_column_headings_starts_its_own_table():
    release = extract_text(TITLE_BESIDE_HEADINGS, "beside.txt")
    ops, bs = release.statements
    assert ops.kind is StatementKind.OPERATIONS and ops.title == "CONSOLIDATED STATEMENTS OF INCOME"
    assert [(p.start, p.end) for p in ops.periods] == [(date(2008, 4, 1), date(2008, 6, 30)),
                                                      (date(2007, 4, 1), date(2007, 6, 30))]
    assert [item.label for item in ops.items][-1] == "Net income"
    assert [c.value for c in ops.items[-1].cells] == [Decimal(3772), Decimal(5013)]
    assert ops.scale.exponent == 3
    assert bs.kind is StatementKind.BALANCE_SHEET and bs.items[0].label == "Cash and due from banks"


# percent signs printed apart from their figures ("8  %": a cell of its own in the HTML the text
# was rendered from), in a change column
PERCENT_APART = """\
Quarry Lane Savings Reports Results

CONSOLIDATED STATEMENTS OF FINANCIAL CONDITION
(unaudited) (in 000s)                     June 30, 2008     Change      March 31, 2008
Assets:
Cash and due from banks                  $      24,095        8  %    $       22,412
Interest-bearing deposits                        2,831       -3  %             2,912
Net loans receivable                         1,239,696        1  %         1,245,591
Total assets                             $   1,266,622        1  %    $    1,270,915
Liabilities:
Deposits                                 $   1,147,278        5  %    $    1,096,754
Total liabilities                            1,147,278        5  %         1,096,754
Total stockholders' equity                     119,344       -3  %           174,161
Total liabilities and stockholders' equity   1,266,622        1  %         1,270,915
"""


def test_a_percent_sign_printed_apart_from_its_figure_stays_in_the_change_column():
    (bs,) = extract_text(PERCENT_APART, "percent.txt").statements
    assert [p.end for p in bs.periods] == [date(2008, 6, 30), date(2008, 3, 31)]
    assert bs.items[0].label == "Cash and due from banks"
    assert [c.value for c in bs.items[0].cells] == [Decimal(24095), Decimal(22412)]
    assert [item.label for item in bs.items][-1] == "Total liabilities and stockholders' equity"
    assert any("'Change'" in note and "dropped" in note for note in bs.notes)


# a column of percentages of net sales beside each year's figures, headed "%" ("2004      %"),
# and a change column: the "%" beside a year heads a column of its own
PERCENT_OF_SALES = """\
Tillamook Gear Reports Fourth Quarter Results

                   CONDENSED CONSOLIDATED STATEMENTS OF INCOME
                  (In thousands, except per share amounts)

                                 Three Months Ended December 31,
                              -------------------------------------
                                   2004      %        2003      %     % Change
                              ---------  -----   ---------  -----   --------
Net sales                     $  52,310  100.0   $  47,120  100.0      11.0
Cost of sales                    31,402   60.0      29,003   61.6       8.3
                              ---------  -----   ---------  -----
Gross profit                     20,908   40.0      18,117   38.4      15.4
Operating expenses               15,325   29.3      14,826   31.5       3.4
                              ---------  -----   ---------  -----
Net income                    $   5,583   10.7   $   3,291    7.0      69.6
                              =========  =====   =========  =====
Net income per share, diluted $    0.35          $    0.21
"""


def test_a_percent_column_headed_beside_each_year_is_dropped():
    (ops,) = extract_text(PERCENT_OF_SALES, "pct.txt").statements
    assert [(p.start, p.end) for p in ops.periods] == [(date(2004, 10, 1), date(2004, 12, 31)),
                                                      (date(2003, 10, 1), date(2003, 12, 31))]
    assert [item.label for item in ops.items] == ["Net sales", "Cost of sales", "Gross profit", "Operating expenses",
                                                  "Net income", "Net income per share, diluted"]
    assert [c.value for c in ops.items[0].cells] == [Decimal(52310), Decimal(47120)]
    assert [c.value for c in ops.items[-1].cells] == [Decimal("0.35"), Decimal("0.21")]


# a label too long for its column runs into the `$` of its first figure, one space apart
DOLLAR_AFTER_LABEL = """\
Tillamook Gear Reports Fourth Quarter Results

CONSOLIDATED STATEMENTS OF OPERATIONS
(In thousands, except per share amounts)        Year Ended December 31,
                                                2004           2003
Net sales                                  $  210,440     $  188,915
Net income                                 $   14,020     $   10,118
Diluted net income per common share $         1.38     $       1.01
"""


def test_a_label_run_into_the_dollar_sign_of_its_first_figure_loses_it():
    (ops,) = extract_text(DOLLAR_AFTER_LABEL, "dollar.txt").statements
    assert [item.label for item in ops.items] == ["Net sales", "Net income", "Diluted net income per common share"]
    assert [c.value for c in ops.items[-1].cells] == [Decimal("1.38"), Decimal("1.01")]


# an untitled table of text without SGML tags whose header band of dates is printed apart
# from its rows by two blank lines, "(UNAUDITED)" its last line
BAND_APART = """\
Kestrel Health Services (NASDAQ: KHSV) today reported results for the quarter ended July 31, 2000.

                                   KHSV
                             FINANCIAL RESULTS
                   (IN THOUSANDS, EXCEPT PER SHARE DATA)


                                        THREE MONTHS ENDED   NINE MONTHS ENDED
                                             JULY 31,            JULY 31,
                                         2000       1999      2000      1999
                                        ------     ------    ------    ------
                                                     (UNAUDITED)


Net revenues from services           $ 12,410     31,220    24,010    70,188
Net revenues from other services        9,300     10,105    19,442    21,930
Total revenues                         21,710     41,325    43,452    92,118
Salaries, wages and benefits            7,102     15,200    14,011    33,870
Total operating costs                  19,880     38,410    40,122    86,310
Net income                              1,830      2,915     3,330     5,808
Net income per share - diluted         $ 0.11       0.18      0.20      0.36
"""


def test_a_header_band_printed_two_blank_lines_above_its_rows_heads_them():
    (ops,) = extract_text(BAND_APART, "apart.txt").statements
    assert ops.kind is StatementKind.OPERATIONS
    assert [(p.start, p.end) for p in ops.periods] == [
        (date(2000, 5, 1), date(2000, 7, 31)), (date(1999, 5, 1), date(1999, 7, 31)),
        (date(1999, 11, 1), date(2000, 7, 31)), (date(1998, 11, 1), date(1999, 7, 31))]
    assert [c.value for c in ops.items[-2].cells] == [Decimal(1830), Decimal(2915), Decimal(3330), Decimal(5808)]


# untagged text: a balance sheet, a page break, then a loans table whose caption is printed beside
# its dates on a line of its own ("LOANS (unaudited) (in 000s)   2008   2008   2007"), the other
# dates on the line above it: the balance sheet ends there
CAPTION_BESIDE_DATES_BELOW = """\
Quarry Lane Savings (NASDAQ: QLSB) today reported results for the quarter ended June 30, 2008.

CONSOLIDATED STATEMENTS OF
 FINANCIAL CONDITION
 (unaudited) (in 000s, except         June 30,     Three Month     March 31,    One Year      June 30,
 per share data)                        2008          Change          2008       Change         2007
- ------------------------------------------------------------------------------------------------------
Assets:
  Cash and due from banks           $   24,095          8%       $   22,412        -5%      $   25,301
  Net loans receivable               1,239,696          1%        1,245,591        12%       1,102,330
                                    ----------                   ----------                 ----------
    Total assets                    $1,263,791          1%       $1,268,003        12%      $1,127,631
                                    ==========                   ==========                 ==========
Liabilities:
  Deposits                          $1,147,278          5%       $1,096,754         9%      $1,051,221
  Total stockholders' equity           116,513        -32%          171,249        53%          76,410
                                    ----------                   ----------                 ----------
    Total liabilities and
     stockholders' equity           $1,263,791          1%       $1,268,003        12%      $1,127,631
                                    ==========                   ==========                 ==========

                                                   (more)

QLSB - Reports First Quarter Fiscal 2009 Profits July 22, 2008
Page 6
                             June 30,          March 31,         June 30,
LOANS (unaudited) (in 000s)    2008              2008              2007
- --------------------------------------------------------------------------
 1-4 Family                 $  167,788        $  165,824        $148,692
 Commercial real estate        412,004           410,117         398,221
 Construction and land         659,904           669,650         555,417
                            ----------        ----------        --------
Net loans receivable        $1,239,696        $1,245,591        $1,102,330
"""


def test_an_untagged_statement_ends_at_the_next_tables_caption_beside_its_dates():
    release = extract_text(CAPTION_BESIDE_DATES_BELOW, "caption.txt")
    (bs,) = release.statements
    assert bs.kind is StatementKind.BALANCE_SHEET
    assert [p.end for p in bs.periods] == [date(2008, 6, 30), date(2008, 3, 31), date(2007, 6, 30)]
    assert [item.label for item in bs.items][-1] == "Total liabilities and stockholders' equity"
    assert [c.value for c in bs.items[-1].cells] == [Decimal(1263791), Decimal(1268003), Decimal(1127631)]


# the period end stated in a sentence wrapped over two lines ("... year ended" / "December 31,
# 1998."), the columns headed "Three Months" and "Twelve Months" over years alone
WRAPPED_PERIOD_END = """\
EUGENE, Ore.--(BUSINESS WIRE)--Feb. 4, 1999--Pacific Alder Products, Inc.
(NYSE:PAP) today reported results for the fourth quarter and year ended
December 31, 1998.

                     CONSOLIDATED STATEMENTS OF OPERATIONS
                 (Dollars in thousands, except per share data)

                                   Three Months                 Twelve Months

                                 1998          1997          1998          1997
                              ----------    ----------    ----------    ----------
Net sales                     $  121,334    $  118,903    $  487,221    $  462,118
Net income                    $    4,837    $    6,050    $   22,449    $   21,516
"""


def test_a_period_end_stated_over_two_lines_dates_columns_of_years():
    (ops,) = extract_text(WRAPPED_PERIOD_END, "wrapped.txt").statements
    assert [(p.start, p.end) for p in ops.periods] == [
        (date(1998, 10, 1), date(1998, 12, 31)), (date(1997, 10, 1), date(1997, 12, 31)),
        (date(1998, 1, 1), date(1998, 12, 31)), (date(1997, 1, 1), date(1997, 12, 31))]


# the next table's caption printed on its dates line ("LOANS (unaudited) (in 000s)   June 30,
# 2008   ..."), after a page footer: it ends the balance sheet above it
CAPTION_ON_DATES_LINE = """\
Quarry Lane Savings (NASDAQ: QLSB) today reported results for the quarter ended June 30, 2008.

CONSOLIDATED STATEMENTS OF FINANCIAL CONDITION                           Three Month
(unaudited) (in 000s)                          June 30, 2008        Change        March 31, 2008
Assets:
Cash and due from banks                        $      24,095         8  %       $       22,412
Net loans receivable                               1,239,696         1  %            1,245,591
Total assets                                   $   1,263,791         1  %       $    1,268,003
Liabilities:
Deposits                                       $   1,147,278         5  %       $    1,096,754
Total liabilities                                  1,147,278         5  %            1,096,754
Total stockholders' equity                           116,513       -32  %              171,249
Total liabilities and stockholders' equity     $   1,263,791         1  %       $    1,268,003

QLSB - Reports First Quarter Fiscal 2009 Profits July 22, 2008 Page 6

LOANS (unaudited) (in 000s)         June 30, 2008                   March 31, 2008                   June 30, 2007
1-4 Family residential              $     167,788                   $      165,824                   $     148,692
1-4 Family construction                    37,719                           35,303                          27,963
Commercial real estate                    412,004                          410,117                         398,221
"""


def test_a_caption_on_the_next_tables_dates_line_ends_the_statement_above():
    release = extract_text(CAPTION_ON_DATES_LINE, "loans.txt")
    (bs,) = release.statements
    assert bs.kind is StatementKind.BALANCE_SHEET and len(bs.periods) == 2
    assert [item.label for item in bs.items][-1] == "Total liabilities and stockholders' equity"
    assert [c.value for c in bs.items[-1].cells] == [Decimal(1263791), Decimal(1268003)]
    assert not release.skipped_tables


def test_a_table_titled_as_highlights_is_not_read_for_a_statement_by_its_rows():
    from converter.extract.tablekind import titled_otherwise
    from converter.model import SourceRef

    ref = SourceRef("r.txt", 1)
    assert titled_otherwise([("($ in millions, except per-share data)", ref), ("INCOME STATEMENT HIGHLIGHTS", ref)])
    assert not titled_otherwise([("CONSOLIDATED STATEMENT OF INCOME", ref), ("INCOME STATEMENT HIGHLIGHTS", ref)])
    assert not titled_otherwise([("($ in millions)", ref)])  # nothing names the table: its rows may


# a text-browser dump of a 10-Q: the scale printed at the left of the period headers' line
SCALE_BESIDE_HEADERS = """Harrowgate Aerostructures Reports Second Quarter Results

Condensed Consolidated Statements of Comprehensive Income

(Unaudited)

(Dollars in millions)                                                             Six months ended June 30            Three months ended June 30
                                                                                   2025              2024              2025              2024
Net loss                                                                          ($643)          ($1,794)            ($612)          ($1,439)
Currency translation adjustments                                                    108              (24)                62                11
Comprehensive loss, net of tax                                                     (535)          (1,818)              (550)          (1,428)

Condensed Consolidated Statements of Financial Position

(Unaudited)

(Dollars in millions, except per share data)                                                  June 30 2025              December 31 2024
Cash and cash equivalents                                                                          $7,087                   $13,801
Accounts receivable, net                                                                            3,190                     2,631
Total assets                                                                                       10,277                    16,432
"""


def test_scale_at_the_left_of_the_period_headers_line():
    release = extract_text(SCALE_BESIDE_HEADERS, "harrowgate.txt")
    assert [s.kind for s in release.statements] == [StatementKind.COMPREHENSIVE_INCOME, StatementKind.BALANCE_SHEET]
    assert [s.scale.exponent for s in release.statements] == [6, 6]
    oci, balance = release.statements
    assert oci.periods[0] == Period(start=date(2025, 1, 1), end=date(2025, 6, 30))
    assert oci.items[0].cells[0].value == Decimal("-643")
    assert balance.periods == (Period(end=date(2025, 6, 30)), Period(end=date(2024, 12, 31)))
    assert balance.items[0].cells[1].value == Decimal("13801")


# a bank's release: a highlights table printed without a scale (its per-share figures and
# percentages have decimals), then the statement with its scale beside the period headers
UNSCALED_HIGHLIGHTS = """Larchmont Bancorp Reports Fourth Quarter Results

Fourth Quarter Key Financial Data
                                                      Three Months Ended December 31,
                                                         2021                   2020
Return on average common equity (%)                      16.6                   15.6
Net interest margin (%)                                  2.40                   2.57
Noninterest income                                      2,534                  2,550
Net income attributable to Larchmont Bancorp            1,673                  1,519
Diluted earnings per common share                        1.07                    .95

CONSOLIDATED STATEMENT OF INCOME
(Dollars and Shares in Millions, Except Per Share Data)       Three Months Ended December 31,
(Unaudited)                                                       2021                   2020
Net interest income                                             3,123                  3,175
Total noninterest income                                        2,534                  2,550
Total noninterest expense                                       3,520                  3,805
Net income                                                      2,137                  1,920
Diluted earnings per common share                               $1.07                   $.95
"""


def test_a_table_without_a_scale_takes_the_one_the_statements_print():
    release = extract_text(UNSCALED_HIGHLIGHTS, "larchmont.txt")
    assert [s.kind for s in release.statements] == [StatementKind.OPERATIONS, StatementKind.OPERATIONS]
    highlights, statement = release.statements
    assert statement.scale.exponent == 6 and statement.scale.shares_scaled
    assert highlights.scale.exponent == 6  # its decimals are per-share figures and percentages only
    assert any("taken from the release's other statements" in note for note in highlights.notes)


# a text-browser dump of a 10-Q's cash flows: the title closes a heading that opens with the
# company's name, a long lower-case heading stands between two rows, and rows open with
# "Increase in" (no change column's header); the footer ends it before the page number
LOWER_CASE_HEADINGS = """Form 10-Q               6

Table of Contents

Wexford Pharmaceutical and subsidiaries consolidated statements of cash flows

(Unaudited; Dollars in Millions)

                                                                              Fiscal Six Months Ended
                                                                           June 29, 2025         June 30, 2024
Cash flows from operating activities
Net earnings                                                                     $16,536                   7,941
Adjustments to reconcile net earnings to cash flows from operating act
Depreciation and amortization of property and intangibles                          3,715                   3,597
Deferred tax provision                                                             2,997                 (2,257)
Changes in assets and liabilities, net of effects from acquisitions an
Increase in accounts receivable                                                   (2,283)                 (1,163)
Increase in inventories                                                             (656)                   (739)
Net cash flows from operating activities                                          20,309                   7,379
Cash flows from investing activities
Additions to property, plant and equipment                                        (1,838)                 (1,783)
Net cash used by investing activities                                             (1,838)                 (1,783)
Increase in cash and cash equivalents                                             18,471                   5,596
Cash and cash equivalents, beginning of period                                     24,105                  21,859
Cash and cash equivalents, end of period                                           42,576                  27,455

See Notes to Consolidated Financial Statements

Form 10-Q               7
"""


def test_lower_case_title_and_headings_and_increase_rows_of_a_text_dump():
    release = extract_text(LOWER_CASE_HEADINGS, "wexford.txt")
    (cash,) = release.statements
    assert cash.kind is StatementKind.CASH_FLOWS and cash.title == "consolidated statements of cash flows"
    assert cash.scale.exponent == 6
    labels = [item.label for item in cash.items]
    assert labels[:4] == ["Net earnings", "Depreciation and amortization of property and intangibles",
                          "Deferred tax provision", "Increase in accounts receivable"]
    assert labels[-1] == "Cash and cash equivalents, end of period" and len(labels) == 11
    receivables = cash.items[3]
    assert receivables.section[-1].startswith("Changes in assets and liabilities")
    assert [c.value for c in receivables.cells] == [Decimal("-2283"), Decimal("-1163")]


def _wide(label: str, *figures: str) -> str:
    """A row of a text dump whose figure columns stand far right (a wide page)."""
    return label.ljust(170) + "".join(f.rjust(14) for f in figures)


def test_wide_rows_and_rows_of_dashes_are_no_prose():
    text = "\n".join([
        "HOLLIS PAYMENTS", "", "CONSOLIDATED BALANCE SHEETS", "",
        " " * 170 + "September 30,".rjust(28), " " * 170 + "2024".rjust(14) + "2023".rjust(14),
        " " * 170 + "(in millions, except per share data)",
        "Assets",
        _wide("Cash and cash equivalents", "$ 11,975", "$ 16,286"),
        _wide("Total assets", "94,511", "90,499"),
        "Equity",
        _wide("Preferred stock, $0.0001 par value, 5 shares issued and outstanding as", "1,031", "1,698"),
        "Common stock, $0.0001 par value:",
        _wide("Class A common stock, 1,733 and 1,594 shares issued and outstanding as", "—", "—"),
        _wide("Class C common stock, 10 shares issued and outstanding as of September", "—", "—"),
        _wide("Additional paid-in capital", "21,229", "20,452"),
        _wide("Total equity", "39,137", "38,733"),
        _wide("Total liabilities and equity", "94,511", "90,499"),
        "",
    ])
    (balance,) = extract_text(text, "hollis.txt").statements
    assert balance.scale.exponent == 6
    labels = [item.label for item in balance.items]
    assert labels[-1] == "Total liabilities and equity" and "Additional paid-in capital" in labels
    assert balance.items[-1].cells[0].value == Decimal("94511")


TRENDS = """ZORBLAX BANK CORP.
CONSOLIDATED STATEMENTS OF INCOME
(in millions, except per share data)
                                              QUARTERLY TRENDS                                     SIX MONTHS ENDED JUNE 30,
                                                                              2Q21 Change                                2021 Change
REVENUE                            2Q21          1Q21          4Q20          1Q21      2Q20          2021        2020        2020
Fees                           $  3,470     $   2,970     $   2,583           17 %     22 %    $  6,440    $  4,716        37 %
Interest income                  14,094        14,271        14,550           (1)      (13)      28,365      35,273       (20)
TOTAL NET REVENUE                17,564        17,241        17,133            2        4        34,805      39,989       (13)
Net income                        1,000           900           800           11       25         1,900       1,500        27
"""


def test_quarter_columns_under_a_trends_heading_are_no_part_of_the_six_months_beside_them():
    """A bank's trend statement as a text browser prints it (JPMorgan, 2021): "QUARTERLY TRENDS"
    centred over the quarter codes, "SIX MONTHS ENDED JUNE 30," over the years. The first
    quarter column lies under neither; it went to the only period length of the line, and every
    quarter was read as six months."""
    (st,) = extract_text(TRENDS, "trends.txt").statements
    assert st.periods == (Period(date(2021, 6, 30), date(2021, 4, 1)), Period(date(2021, 3, 31), date(2021, 1, 1)),
                          Period(date(2020, 12, 31), date(2020, 10, 1)), Period(date(2021, 6, 30), date(2021, 1, 1)),
                          Period(date(2020, 6, 30), date(2020, 1, 1)))
    assert [c.value for c in st.items[0].cells] == [Decimal(v) for v in ("3470", "2970", "2583", "6440", "4716")]


SUMMARY_DUMP = """Quillfeather Bank Reports Fourth Quarter 2021 Net Income of $5.8 billion

Company-wide Financial Summary
                                                                      Quarter ended
                                                             Dec 31, 2021           Dec 31, 2020
Selected Income Statement Data ($ in millions except per share amounts
                                   Total revenue                $  20,856            18,489
                             Noninterest expense                   13,198            14,802
                                      Net income                    5,750             3,091
               Diluted earnings per common share                     1.38              0.66
"""

SUPPLEMENT_DUMP = """Supplemental Financial Information
(unaudited, dollars in millions)
                                          Quarter Ended                        Percentage Change From:
                              Mar 31, 2022       Dec 31, 2021       Mar 31, 2021       Dec 31, 2021
Consolidated Balance sheet
Total assets                  $  1,222,233       $  1,188,140       $  1,158,772              3   %
Deposits                      $    360,840       $    347,574       $    323,138              4   %
Common equity                 $     95,151       $     97,691       $     98,509             (3   %)
"""


def test_a_financial_summary_with_a_scale_caption_is_not_read_for_a_statement_by_its_rows():
    """A bank's first-page summary as a text browser prints it (Wells Fargo, 2021): the caption
    "Selected Income Statement Data ($ in millions ..." lost its closing parenthesis. Its scale
    words made it look like prose, which hid the "Company-wide Financial Summary" title above;
    the net income and per-share rows then made it a statement of operations without headers,
    and the release failed. It is a summary: the release has no statements."""
    with pytest.raises(NoStatementsError):  # was ExtractionError: "statement has no column headers"
        extract_text(SUMMARY_DUMP, "summary.txt")


def test_a_title_under_a_header_line_is_a_section_of_that_table():
    """"Consolidated Balance sheet" printed under the dates of a supplement's table (Morgan
    Stanley, 2022) heads a section of it: it is no statement's title (which failed the release
    with "statement has no column headers")."""
    with pytest.raises(NoStatementsError):  # was ExtractionError: "statement has no column headers"
        extract_text(SUPPLEMENT_DUMP, "supplement.txt")


@pytest.mark.parametrize(("text", "title_case"), [
    ("Company-wide Financial Summary", True),
    ("Year-End Balance Sheet", True),
    ("Company-wide financial summary", False),
    ("CONSOLIDATED STATEMENTS OF INCOME", True),
])
def test_a_hyphenated_word_is_one_word_of_a_title(text, title_case):
    assert looks_like_title_case(text) is title_case


FULL_YEAR = """ZORBLAX BANK CORP.
CONSOLIDATED STATEMENTS OF INCOME
(in millions)
                                        QUARTERLY TRENDS                                                         FULL YEAR
                                                                            4Q21 change from                                   2021 change
REVENUE                       4Q21         3Q21         4Q20        3Q21              4Q20                 2021         2020      2020
                                                                   $/bps       %     $/bps       %                                   %
Fees                      $  3,494     $  3,282     $  2,583       $ 212     6 %     $ 911    35 %     $ 13,216     $  9,486      39 %
Interest income             14,094       14,271       14,550       (177)     (1)     (456)     (3)       56,365       55,273         2
TOTAL NET REVENUE           17,588       17,553       17,133          35       —       455       3       69,581       64,759         7
Net income                   1,000          900          800         100      11       200      25        3,900        3,500        11
"""


def test_full_year_over_the_years_and_a_change_header_that_does_not_reach_its_columns():
    """A bank's trend statement as a text browser prints it (JPMorgan, Citizens, 2021).
    "FULL YEAR" names a length without "ended": the year column it does not lie over is still
    its. "4Q21 change from", centred over "3Q21   4Q20", reaches over one of them only: a
    column whose period repeats an earlier column's under a change header is a change column."""
    (st,) = extract_text(FULL_YEAR, "full-year.txt").statements
    assert st.periods == (Period(date(2021, 12, 31), date(2021, 10, 1)), Period(date(2021, 9, 30), date(2021, 7, 1)),
                          Period(date(2020, 12, 31), date(2020, 10, 1)), Period(date(2021, 12, 31), date(2021, 1, 1)),
                          Period(date(2020, 12, 31), date(2020, 1, 1)))
    assert [c.value for c in st.items[0].cells] == [Decimal(v) for v in ("3494", "3282", "2583", "13216", "9486")]


@pytest.mark.parametrize(("text", "what"), [
    ("Earnings highlights:", "summary"),
    ("Financial Highlights", "summary"),
    ("Weighted average shares outstanding:", None),  # a heading of rows, not a table's title
])
def test_short_headings_naming_highlights_are_summaries(text, what):
    found = classify(text)
    assert (found[0] if found else None) == what


CENTRED_YEARS = """CONDENSED CONSOLIDATED STATEMENT OF INCOME

(millions of dollars, unless noted)                    Three Months Ended June 30,                 Six Months Ended June 30,
                                                       2025                    2024       2025                                    2024
Revenues and other income
Sales and other operating revenue                  79,477    89,986          160,535    170,397
Other income                                          567     1,330            1,270      2,160
Total revenues and other income                    80,044    91,316          161,805    172,557
Net income (loss)                                   7,082     9,240           14,795     17,460
"""


def test_years_centred_off_their_columns_are_the_columns_in_order():
    """A text browser centres each year over an HTML cell spanning the `$` and the figure
    (ExxonMobil's 10-Q, 2025): "2024" and the second "2025" lie over the same figure column.
    Four years over four value columns are the columns in order, and the two lengths above
    the repeated "2025 2024" cover two columns each (the second quarter had read as six months,
    and the statement was skipped)."""
    (st,) = extract_text(CENTRED_YEARS, "centred.txt").statements
    assert st.periods == (Period(date(2025, 6, 30), date(2025, 4, 1)), Period(date(2024, 6, 30), date(2024, 4, 1)),
                          Period(date(2025, 6, 30), date(2025, 1, 1)), Period(date(2024, 6, 30), date(2024, 1, 1)))
    assert [c.value for c in st.items[0].cells] == [Decimal(v) for v in ("79477", "89986", "160535", "170397")]


FOOTNOTED_TITLE = """The Quillfeather Group, Inc. and Subsidiaries

Consolidated Statements of Earnings (unaudited)

$ in millions

                                              THREE MONTHS ENDED
                                              DECEMBER 31, 2021      SEPTEMBER 30, 2021      DECEMBER 31, 2020
Total net revenues                                     $ 12,638                $ 13,607               $ 11,743
Net earnings                                           $  3,937                $  5,379               $  4,506

The Quillfeather Group, Inc. and Subsidiaries

Condensed Consolidated Balance Sheets (unaudited)4

$ in billions

                                                                           AS OF
                                              DECEMBER 31, 2021      SEPTEMBER 30, 2021      DECEMBER 31, 2020
ASSETS
Cash and cash equivalents                                 $ 261                   $ 212                  $ 156
Loans                                                       158                     143                    116
Total assets                                              $ 419                   $ 355                  $ 272
LIABILITIES AND SHAREHOLDERS' EQUITY
Deposits                                                  $ 364                   $ 333                  $ 260
Shareholders' equity                                         55                      22                     12
Total liabilities and shareholders' equity                $ 419                   $ 355                  $ 272
Capital Ratios and Supplementary Leverage Ratio (unaudited)3,4 $ in billions
                                                                           AS OF
                                              DECEMBER 31, 2021      SEPTEMBER 30, 2021      DECEMBER 31, 2020
Common equity tier 1 capital                             $ 96.3                  $ 93.3                 $ 81.6
Tier 1 capital                                            107.2                   103.9                   93.1
"""


def test_a_statement_title_closed_by_a_footnote_mark_is_a_title():
    """"(unaudited)4": a footnote mark after the title line's parentheses (Goldman Sachs, 2021);
    the balance sheet was read as more rows of the statement above it, or not at all."""
    earnings, st = extract_text(FOOTNOTED_TITLE, "footnoted.txt").statements
    assert len(earnings.items) == 2
    assert (st.kind, st.title) == (StatementKind.BALANCE_SHEET, "Condensed Consolidated Balance Sheets")
    assert st.periods == (Period(date(2021, 12, 31)), Period(date(2021, 9, 30)), Period(date(2020, 12, 31)))
    assert st.scale.exponent == 9


YEAR_ENDED_BESIDE_QUARTERS = """Consolidated Income Statement
                                                                      Three months ended                                                              Year ended
                                December 31        September 30          June 30            March 31         December 31              December 31        December 31
In millions                            2021                2021               2021               2021               2020                     2021               2020
Total interest income                 2,975              2,975              2,701              2,483              2,576                   11,134             11,395
Total interest expense                  113                119                120                135                152                      487                928
Net interest income                   2,862              2,856              2,581              2,348              2,424                   10,647             10,467
Net income                            1,306              1,531              1,104              1,816              1,454                    5,757              7,558
"""


def test_a_column_between_two_lengths_goes_to_the_nearer_one_by_where_they_are_printed():
    """PNC's supplement as a text browser prints it (2021): "Three months ended" centred over
    five quarter columns reaches over one of them, "Year ended" over one of its two. The columns
    under neither went, one by one, to the nearest length; measuring from the columns already
    given to "Three months ended", the first year column tied and went to it: a quarter."""
    (st,) = extract_text(YEAR_ENDED_BESIDE_QUARTERS, "beside.txt").statements
    assert st.periods[4:] == (Period(date(2020, 12, 31), date(2020, 10, 1)), Period(date(2021, 12, 31), date(2021, 1, 1)),
                              Period(date(2020, 12, 31), date(2020, 1, 1)))


KEY_DATA = """Quillfeather Financial Reports Fourth Quarter 2021 Net Income of $530 million

                                                        Key Financial Data                   4Q21         3Q21         4Q20
Income Statement                                         ($s in millions)
                                                          Total revenue                  $  1,720     $  1,659     $  1,707
                                                            Net income                        530          530          456
Balance Sheet & Credit Quality                           ($s in billions)
                                                   Period-end loans and leases           $  128.2     $  123.3     $  123.1
                                                       Period-end deposits                  154.4        152.2        147.2
Financial Metrics                                          Diluted EPS                   $   1.17     $   1.18     $   0.99
"""


def test_a_statement_name_heading_a_section_of_a_key_data_table_starts_no_statement():
    """A bank's key-data table as a text browser prints it (Citizens, 2021): "Balance Sheet &
    Credit Quality ($s in billions)" heads the rows under it, with no header band of its own.
    It was taken for a balance sheet's title, which had no column headers, and the release
    failed; its HTML has no statements."""
    with pytest.raises(NoStatementsError):  # was ExtractionError: "statement has no column headers"
        extract_text(KEY_DATA, "key-data.txt")


def test_a_utility_s_analysis_of_consolidated_earnings_is_its_statement_of_operations():
    """A 2005 utility holding company's EDGAR exhibit titles its statement of income "Analysis of
    Consolidated Earnings" over an SGML <TABLE>, its net income "NET INCOME AS REPORTED (See
    Notes)": the release had no statements."""
    text = ("<DOCUMENT>\n<TYPE>EX-99.04\n<TEXT>\n\n"
            "Made Up Southern Power Company reports earnings for the year ended December 31, 2004.\n\n"
            "                        Made Up Southern Power Company\n"
            "                       Analysis of Consolidated Earnings\n"
            "                           (In Millions of Dollars)\n\n"
            "<TABLE>\n<CAPTION>\n"
            "                                       3 Months Ended December          12 Months Ended December\n"
            "                                     --------------------------       ---------------------------\n"
            "                                      2004     2003     Change          2004     2003     Change\n"
            "                                     ------   ------   --------       -------   ------   --------\n"
            "<S>                                  <C>      <C>      <C>            <C>      <C>        <C>\n"
            "Retail Revenue                       $2,505   $2,669   $ (164)        $11,801  $11,165    $ 636\n"
            "Wholesale Revenue                       461      429       32           1,822    1,667      155\n"
            "                                     ------   ------   ------         -------  -------    -----\n"
            "Total Revenues                        2,966    3,098     (132)         13,623   12,832      791\n"
            "Total Operating Expenses              2,570    2,694     (124)         10,399    9,870      529\n"
            "                                     ------   ------   ------         -------  -------    -----\n"
            "Operating Income                        396      404       (8)          3,224    2,962      262\n"
            "Income Taxes                            192      245      (53)          1,651    1,371      280\n"
            "                                     ------   ------   ------         -------  -------    -----\n"
            "NET INCOME AS REPORTED (See Notes)   $  204   $  159   $   45         $ 1,573  $ 1,591    $ (18)\n"
            "                                     ======   ======   ======         =======  =======    =====\n"
            "</TABLE>\n</TEXT>\n</DOCUMENT>\n")
    from converter.concepts import concept_table
    from converter.map import EntityId, map_release
    release = extract_text(text, "made-up-southern.txt")
    (ops,) = release.statements
    assert ops.kind is StatementKind.OPERATIONS and ops.title == "Analysis of Consolidated Earnings"
    assert len(ops.periods) == 4  # the change columns dropped
    mapped = map_release(release, concept_table(), EntityId(cik="0000092122", name="Made Up Southern Power Co"))
    net = {f.value for f in mapped.facts if f.concept == "us-gaap:NetIncomeLoss"}
    assert net == {Decimal(204000000), Decimal(159000000), Decimal(1573000000), Decimal(1591000000)}


def test_a_submission_mixing_an_html_release_and_text_exhibits_reads_both():
    """A 2007 EDGAR submission files the 8-K and its press release in HTML and the financial
    tables as SGML-tagged text exhibits: read whole as HTML, the exhibits' <TABLE>s were empty
    tables and the release had no statements. Each reader now gets its own documents, lines and
    columns those of the file."""
    html = ("<DOCUMENT>\n<TYPE>EX-99.01\n<TEXT>\n<html><body>\n"
            "<p>Made Up Southern Power Company (NYSE: MUSP) reports fourth quarter 2006 earnings for the quarter "
            "ended December 31, 2006.</p>\n</body></html>\n</TEXT>\n</DOCUMENT>\n")
    table = ("<DOCUMENT>\n<TYPE>EX-99.04\n<TEXT>\n\n"
             "                       Analysis of Consolidated Earnings\n"
             "                           (In Millions of Dollars)\n\n"
             "<TABLE>\n<CAPTION>\n"
             "                                       3 Months Ended December\n"
             "                                      2006     2005\n"
             "                                     ------   ------\n"
             "<S>                                  <C>      <C>\n"
             "Total Revenues                       $3,152   $3,290\n"
             "Operating Income                        469      404\n"
             "Income Taxes                             46       21\n"
             "NET INCOME AS REPORTED (See Notes)   $  188   $  159\n"
             "</TABLE>\n</TEXT>\n</DOCUMENT>\n")
    text = "<SEC-DOCUMENT>\n" + html + table + "</SEC-DOCUMENT>\n"
    release = extract_text(text, "made-up-southern-2006.txt")
    (ops,) = release.statements
    assert ops.kind is StatementKind.OPERATIONS and ops.title == "Analysis of Consolidated Earnings"
    net = ops.items[-1]
    assert [c.value for c in net.cells] == [Decimal(188), Decimal(159)]
    assert net.source.line == text.splitlines().index("NET INCOME AS REPORTED (See Notes)   $  188   $  159") + 1
    assert release.info.period_end == date(2006, 12, 31)


def test_a_period_length_at_the_left_margin_of_a_text_header():
    """A text-browser dump of an HTML statement whose first header cell spans the label column
    prints "Three Months Ended" at the left margin and "Twelve Months Ended" over the last two
    columns: the quarter's columns were given twelve months too (the quarter's revenue read as
    the year's)."""
    text = ("MADE UP RESORTS INTERNATIONAL CONSOLIDATED STATEMENTS OF OPERATIONS\n\n"
            "(In thousands, except per share data) (Unaudited)\n\n"
            "Three Months Ended                                                                       Twelve Months Ended\n"
            "                                       December 31, 2022  December 31, 2021  December 31, 2022  December 31, 2021\n"
            "Revenues                                  $ 3,592,216        $ 2,838,614       $ 13,127,485        $ 9,680,140\n"
            "Operating expenses                          3,594,112          2,543,421         11,688,812          8,401,017\n"
            "Operating income (loss)                        (1,896)           295,193          1,438,673          1,279,123\n")
    (ops,) = extract_text(text, "made-up-resorts.txt").statements
    assert [(str(p.start), str(p.end)) for p in ops.periods] == [
        ("2022-10-01", "2022-12-31"), ("2021-10-01", "2021-12-31"),
        ("2022-01-01", "2022-12-31"), ("2021-01-01", "2021-12-31")]
    assert [c.value for c in ops.items[0].cells] == [Decimal(3592216), Decimal(2838614), Decimal(13127485), Decimal(9680140)]


def test_a_us_gaap_title_over_two_period_lengths_on_one_line():
    """A foreign filer's release as text: "U.S. GAAP Condensed Consolidated Statements of Income"
    (not read as a title line), then "Three Months Ended June 30, Twelve Months Ended June 30," on
    one line over four columns of years: the quarter's columns were taken for fiscal years."""
    text = ("Made Up Packaging plc reports results for the fiscal year ended June 30, 2023.\n\n"
            "U.S. GAAP Condensed Consolidated Statements of Income (Unaudited)\n\n"
            "Three Months Ended June 30, Twelve Months Ended June 30,\n\n"
            "($ million, except per share amounts)                           2022     2023      2022      2023\n"
            "Net sales                                                      3,909    3,673    14,544    14,694\n"
            "Cost of sales                                                (3,115)  (2,951)  (11,724)  (11,969)\n"
            "Gross profit                                                     794      722     2,820     2,725\n")
    (ops,) = extract_text(text, "made-up-packaging.txt").statements
    assert ops.kind is StatementKind.OPERATIONS
    assert [(str(p.start), str(p.end)) for p in ops.periods] == [
        ("2022-04-01", "2022-06-30"), ("2023-04-01", "2023-06-30"),
        ("2021-07-01", "2022-06-30"), ("2022-07-01", "2023-06-30")]


MARGIN_LENGTH = """Hollis Outfitters Reports Fourth Quarter Results

Hollis Outfitters, Inc. today reported results for the quarter ended January 28, 2023.

Consolidated Statements of Income (In thousands, except per share data)

13 Weeks Ended

               January 28,             January 29,
                      2023                   2022
               (Unaudited)             (Unaudited)
Net sales      $ 3,226,773             $ 2,729,388
Cost of sales    2,014,270               1,702,059
Gross profit     1,212,503               1,027,329
Net income         340,751                 289,366
"""


def test_a_period_length_on_its_own_line_at_the_margin_above_the_header_heads_its_dates():
    (st,) = extract_text(MARGIN_LENGTH, "r.txt").statements
    assert st.periods == (Period(date(2023, 1, 28), date(2022, 10, 30)), Period(date(2022, 1, 29), date(2021, 10, 31)))
    assert [c.value for c in st.items[-1].cells] == [Decimal(340751), Decimal(289366)]


OVERFLOW = """Hollis Outfitters Reports Third Quarter Results

Hollis Outfitters, Inc. today reported results for the quarter ended September 30, 2024.

                      CONSOLIDATED BALANCE SHEETS
                           (000's omitted)
                                      Sept. 30,     Dec. 31,
                                        2024          2023
                                      --------      --------
Cash and cash equivalents             $  1,000      $    900
Receivables, net                           500           450
Total assets                           $ 1,500      $  1,350
Total liabilities                          300           250
Common stock (2)                           200           200
Total shareholders' investment           1,200         1,100
Total liabilities and shareholders' investment $ 1,500  $ 1,350
"""


def test_a_label_running_into_its_first_figure_gives_the_figure_back():
    (st,) = extract_text(OVERFLOW, "r.txt").statements
    last = st.items[-1]
    assert last.label == "Total liabilities and shareholders' investment"
    assert [c.value for c in last.cells] == [Decimal(1500), Decimal(1350)]
    assert last.cells[0].source.column == OVERFLOW.splitlines()[-1].index("1,500") + 1
    # a footnote mark closing a label is not a figure
    (stock,) = [item for item in st.items if item.label.startswith("Common stock")]
    assert [c.value for c in stock.cells] == [Decimal(200), Decimal(200)]


@pytest.mark.parametrize(("label", "expected"), [
    ("Total liabilities and shareholders' investment $ 1,500", ("Total liabilities and shareholders' investment", "1,500")),
    ("Total equity 12,345", ("Total equity", "12,345")),
    ("Common stock and paid-in capital (2)", None),
    ("Senior notes due 2025", None),
    ("Total assets", None),
])
def test_trailing_figure(label, expected):
    from converter.extract.cells import trailing_figure

    assert trailing_figure(label) == expected


EURO = """Hollis Outfitters Reports Third Quarter Results

Hollis Outfitters N.V. today reported results for the quarter ended September 30, 2024.

                CONSOLIDATED STATEMENTS OF OPERATIONS
                        (in thousands)

                                  Three Months Ended
                                     September 30,
                                   2024         2023
Net sales                        € 3,226      € 2,729
Cost of sales                      2,014        1,702
Gross profit                       1,212        1,027
Net income                       €   340      €   289
"""


@pytest.mark.parametrize("text", [EURO, EURO.replace("€ 3,226      € 2,729", "€   3,226    €   2,729")])
def test_a_text_statement_printing_euro_signs_is_refused_not_written_as_dollars(text):
    with pytest.raises(ExtractionError, match="amounts in €: only statements in US dollars") as caught:
        extract_text(text, "r.txt")
    assert caught.value.code == "xc:currency"
    dollars = text.replace("€", "$")
    (st,) = extract_text(dollars, "r.txt").statements
    assert [c.value for c in st.items[-1].cells] == [Decimal(340), Decimal(289)]


@pytest.mark.parametrize(("text", "value"), [("€ 3,226", "3226"), ("RMB 1,200", "1200"), ("EUR 1,200", "1200"), ("£(45)", "-45")])
def test_figures_with_another_currencys_sign_parse(text, value):
    from converter.extract.cells import parse_cell

    assert parse_cell(text).value == Decimal(value)
