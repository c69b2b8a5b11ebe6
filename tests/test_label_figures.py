"""Figures stated inside balance-sheet labels, paired with the statement's columns (a fixture per
bug: a converted Coca-Cola 10-Q gave "$503 and $506, respectively" one allowance of 503 at both
dates, and "2,736 and 2,738 shares" of treasury stock 2,738 shares, not millions)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from converter.concepts import concept_table
from converter.extract import extract_text
from converter.map import EntityId, map_release
from converter.model import Period

ENTITY = EntityId(cik="0009990020", name="Made Up Beverages")
G = "us-gaap:"
TREASURY = "Treasury stock, at cost \u2014 2,736 and 2,738 shares, respectively"


def _sheet(columns: tuple[str, ...], scale: str = "(In millions except par value)") -> str:
    def row(label: str, *values: str) -> str:
        cells = "".join(f"<td>{v}</td>" for v in values[:len(columns)])
        return f"<tr><td>{label}</td>{cells}</tr>"

    head = "".join(f"<td>{c}</td>" for c in columns)
    return f"""<html><body>
<p>MADE UP BEVERAGES COMPANY AND SUBSIDIARIES</p>
<p>CONDENSED CONSOLIDATED BALANCE SHEETS</p>
<p>{scale}</p>
<table>
<tr><td></td>{head}</tr>
{row("Cash and cash equivalents", "$ 9,594", "$ 10,828", "$ 9,100")}
{row("Trade accounts receivable, less allowances of $503 and $506, respectively", "4,168", "3,569", "3,400")}
{row("Total assets", "$ 13,762", "$ 14,397", "$ 12,500")}
{row("Accounts payable and accrued expenses", "$ 5,000", "$ 5,200", "$ 4,900")}
{row("Common stock, $0.25 par value", "1,760", "1,760", "1,760")}
{row("Retained earnings", "9,002", "9,437", "7,840")}
{row(TREASURY, "(2,000)", "(2,000)", "(2,000)")}
{row("Total equity", "8,762", "9,197", "7,600")}
{row("Total liabilities and equity", "$ 13,762", "$ 14,397", "$ 12,500")}
</table></body></html>
"""


def _facts(text: str, concept: str) -> dict[Period, Decimal]:
    release = extract_text(text, "made-up.htm")
    mapped = map_release(release, concept_table(), ENTITY)
    return {f.period: f.value for f in mapped.facts if f.concept == G + concept}


def test_two_figures_respectively_go_to_the_two_columns_in_print_order():
    text = _sheet(("June 27, 2025", "December 31, 2024"))
    june, december = Period(end=date(2025, 6, 27)), Period(end=date(2024, 12, 31))
    assert _facts(text, "AllowanceForDoubtfulAccountsReceivableCurrent") == {
        june: Decimal(503_000_000), december: Decimal(506_000_000)}
    # share counts of a statement in millions whose share figures take its scale
    assert _facts(text, "TreasuryStockShares") == {june: Decimal(2_736_000_000), december: Decimal(2_738_000_000)}


def test_two_figures_for_three_columns_are_not_placed():
    text = _sheet(("June 27, 2025", "December 31, 2024", "June 28, 2024"))
    assert _facts(text, "AllowanceForDoubtfulAccountsReceivableCurrent") == {}
    assert _facts(text, "TreasuryStockShares") == {}


def test_share_counts_of_a_statement_in_thousands_are_taken_as_written():
    text = _sheet(("June 27, 2025", "December 31, 2024"), scale="(In thousands)")
    assert _facts(text, "TreasuryStockShares") == {Period(end=date(2025, 6, 27)): Decimal(2736),
                                                   Period(end=date(2024, 12, 31)): Decimal(2738)}


def _with_operations(sheet_scale: str, weighted: str) -> str:
    ops = f"""<p>CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS</p>
<p>(in thousands, except per share amounts)</p>
<table>
<tr><td></td><td>Three Months Ended June 30, 2025</td><td>Three Months Ended June 30, 2024</td></tr>
<tr><td>Revenue</td><td>$ 760,866</td><td>$ 637,230</td></tr>
<tr><td>Net loss</td><td>$ (3,290)</td><td>$ (14,367)</td></tr>
<tr><td>Net loss per share, basic and diluted</td><td>$ (0.06)</td><td>$ (0.28)</td></tr>
<tr><td>Weighted average common shares used in computing basic and diluted net loss per share</td>
<td>{weighted}</td><td>51,400</td></tr>
</table>"""
    sheet = f"""<p>CONDENSED CONSOLIDATED BALANCE SHEETS</p>
<p>{sheet_scale}</p>
<table>
<tr><td></td><td>June 30, 2025</td><td>December 31, 2024</td></tr>
<tr><td>Total assets</td><td>$ 4,000,000</td><td>$ 3,800,000</td></tr>
<tr><td>Total liabilities</td><td>2,000,000</td><td>1,900,000</td></tr>
<tr><td>Common stock, $0.001 par value: 500,000 shares authorized; 54,198 and 52,667 shares issued</td>
<td>54</td><td>53</td></tr>
<tr><td>Total stockholders' equity</td><td>2,000,000</td><td>1,900,000</td></tr>
<tr><td>Total liabilities and stockholders' equity</td><td>$ 4,000,000</td><td>$ 3,800,000</td></tr>
</table>"""
    return f"<html><body><p>MADE UP SOFTWARE, INC.</p>{ops}{sheet}</body></html>"


def test_share_counts_in_labels_are_scaled_when_they_read_like_the_printed_weighted_shares():
    # HubSpot: "(in thousands)", 54,198 shares issued beside 52,500 weighted-average shares printed
    text = _with_operations("(in thousands)", "52,500")
    june = Period(end=date(2025, 6, 30))
    assert _facts(text, "CommonStockSharesIssued")[june] == Decimal(54_198_000)
    assert _facts(text, "CommonStockSharesAuthorized")[june] == Decimal(500_000_000)


def test_share_counts_in_labels_stay_as_written_when_the_weighted_shares_are_a_thousand_times_fewer():
    text = _with_operations("(in thousands)", "52").replace("51,400", "51")
    june = Period(end=date(2025, 6, 30))
    assert _facts(text, "CommonStockSharesIssued")[june] == Decimal(54_198)


def test_allowances_stated_in_loan_and_held_to_maturity_labels_are_their_own_allowances():
    """A bank's "Loans, less allowance for credit losses of $4,260 and $4,285" states the loan
    allowance, and held-to-maturity securities their own: they were left untagged ("no entry
    for allowance"), the trade-receivable allowance being the only one the table knew."""
    text = _sheet(("December 31, 2024", "December 31, 2023"), scale="(In thousands)").replace(
        "Trade accounts receivable, less allowances of $503 and $506, respectively",
        "Loans, less allowance for credit losses of $4,260 and $4,285").replace(
        "Cash and cash equivalents", "Securities held to maturity, at amortized cost less allowance for credit "
        "losses of $60 and $35")
    december, before = Period(end=date(2024, 12, 31)), Period(end=date(2023, 12, 31))
    assert _facts(text, "LoansAndLeasesReceivableAllowance") == {december: Decimal(4_260_000), before: Decimal(4_285_000)}
    assert _facts(text, "DebtSecuritiesHeldToMaturityAllowanceForCreditLoss") == {
        december: Decimal(60_000), before: Decimal(35_000)}
    assert _facts(text, "AllowanceForDoubtfulAccountsReceivableCurrent") == {}


def test_share_counts_in_a_scale_of_their_own_take_it_in_rows_and_in_labels():
    """Apple: "(In millions, except number of shares, which are reflected in thousands, and
    per-share amounts)": 14,902,886 weighted-average shares and 50,400,000 shares authorized are
    thousands of shares; they had been written as so many shares."""
    scale = "(In millions, except number of shares, which are reflected in thousands, and per-share amounts)"
    text = (_with_operations(scale, "52,500").replace("(in thousands, except per share amounts)", scale)
            .replace("$ (3,290)", "$ (3)").replace("$ (14,367)", "$ (14)").replace("$ (0.28)", "$ (0.27)"))
    june = Period(end=date(2025, 6, 30))
    quarter = Period(end=date(2025, 6, 30), start=date(2025, 4, 1))
    assert _facts(text, "WeightedAverageNumberOfShareOutstandingBasicAndDiluted")[quarter] == Decimal(52_500_000)
    assert _facts(text, "CommonStockSharesIssued")[june] == Decimal(54_198_000)
    assert _facts(text, "CommonStockSharesAuthorized")[june] == Decimal(500_000_000)
    assert _facts(text, "Assets")[june] == Decimal(4_000_000_000_000)
