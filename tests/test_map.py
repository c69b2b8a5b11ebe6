"""Mapping: label matching within statement and section, signs, scale, facts in labels."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from converter.concepts import concept_table
from converter.map import EntityId, map_release, match_line_item
from converter.model import DetailKind, Period, StatementKind, UnitKind
from modelkit import BS_PERIODS, CA, CL, OPEX, SE, A, L, Scale, balance_sheet, detail, item, operations, release, statement

BS, OPS = StatementKind.BALANCE_SHEET, StatementKind.OPERATIONS
ENTITY = EntityId(cik="0001009759", name="Made Up Corp")


@pytest.mark.parametrize(("kind", "section", "label", "concept"), [
    (BS, A, "Total", "us-gaap:Assets"),
    (OPS, (), "Net Operating Revenues", "us-gaap:Revenues"),
    (OPS, (), "Operating expenses", "us-gaap:OperatingExpenses"),  # a condensed statement's one line
    (OPS, (), "Costs and expenses", "us-gaap:CostsAndExpenses"),
    (OPS, ("Operating revenues:",), "Total operating revenues", "us-gaap:Revenues"),
    (OPS, (), "Other income (loss) — net", "us-gaap:OtherNonoperatingIncomeExpense"),
    (OPS, ("Net interest income", "Noninterest income"), "Other income (loss)", "us-gaap:NoninterestIncomeOtherOperatingIncome"),
    (OPS, (), "Interest expense, net of portion capitalized", "us-gaap:InterestExpense"),
    (OPS, (), "Effect of dilutive securities", "us-gaap:WeightedAverageNumberDilutedSharesOutstandingAdjustment"),
    (BS, SE, "Capital surplus", "us-gaap:AdditionalPaidInCapital"),
    (BS, SE, "Common stock and additional paid-in capital, $0.00001 par value: 50,400,000 shares authorized",
     "us-gaap:CommonStocksIncludingAdditionalPaidInCapital"),
    (BS, SE, "Class A, Class B, and Class C stock and additional paid-in capital",
     "us-gaap:CommonStocksIncludingAdditionalPaidInCapital"),
    (BS, SE, "Common stock and paid-in capital – shares authorized 24,000; outstanding 7,434 and 7,432",
     "us-gaap:CommonStocksIncludingAdditionalPaidInCapital"),
    (BS, SE, "Common stock, $0.01 par value; 500,000 shares authorized", "us-gaap:CommonStockValue"),
    (BS, A, "Property, equipment and capitalized software, net of accumulated depreciation and amortization of $15,000",
     "us-gaap:PropertyPlantAndEquipmentNet"),
    (BS, A, "Property, equipment and right-of-use assets, net", "us-gaap:PropertyPlantAndEquipmentAndFinanceLeaseRightOfUseAssetAfterAccumulatedDepreciationAndAmortization"),
    (BS, A, "Other assets, net of accumulated amortization of $879 and $1,085", "us-gaap:OtherAssetsNoncurrent"),
    (BS, CA, "Notes and accounts receivable — trade (net of allowances of $109)", "us-gaap:AccountsReceivableNetCurrent"),
    (BS, SE, "Equity attributable to shareowners of Made Up Corp", "us-gaap:StockholdersEquity"),
    (BS, CL, "Debt due within one year", "us-gaap:LongTermDebtCurrent"),
    (BS, SE, "Treasury stock, at cost", "us-gaap:TreasuryStockValue"),
    (BS, CA, "Deferred income taxes", "us-gaap:DeferredTaxAssetsNetCurrent"),
    (BS, ("ASSETS", "Non-current assets"), "Deferred tax assets, net", "us-gaap:DeferredIncomeTaxAssetsNet"),
    (BS, A, "Deferred income taxes-non current", "us-gaap:DeferredIncomeTaxAssetsNet"),
    (BS, L, "Deferred income taxes", "us-gaap:DeferredIncomeTaxLiabilitiesNet"),
    (OPS, (), "Acquired IPR&D and milestones", "us-gaap:ResearchAndDevelopmentAssetAcquiredOtherThanThroughBusinessCombinationWrittenOff"),
    (BS, SE, "Paid-in-surplus", "us-gaap:AdditionalPaidInCapital"),
    (BS, SE, "Capital in excess of stated value", "us-gaap:AdditionalPaidInCapital"),
    (BS, L, "Total", "us-gaap:LiabilitiesAndStockholdersEquity"),
    (BS, L, "Total liabilities and shareholders' equity", "us-gaap:LiabilitiesAndStockholdersEquity"),
    (BS, L, "Total liabilities", "us-gaap:Liabilities"),
    (BS, CA, "Total current assets", "us-gaap:AssetsCurrent"),
    (BS, CA, "Cash and cash equivalents", "us-gaap:CashAndCashEquivalentsAtCarryingValue"),
    (BS, CA, "Accounts receivable, net of allowance for doubtful accounts and sales returns of $687 at "
             "September 30, 2008 and $629 at March 31, 2008", "us-gaap:AccountsReceivableNetCurrent"),
    (BS, CA, "Inventories", "us-gaap:InventoryNet"),
    (BS, A, "Non-current portion of inventories", "us-gaap:InventoryNoncurrent"),
    (BS, A, "Intangible asset, net and other long-term assets", "us-gaap:OtherAssetsNoncurrent"),
    (BS, CL, "Accrued salaries and wages", "us-gaap:EmployeeRelatedLiabilitiesCurrent"),
    (BS, CL, "Deferred revenue", "us-gaap:DeferredRevenueCurrent"),
    (BS, L, "Commitments and contingencies (Note 11)", "us-gaap:CommitmentsAndContingencies"),
    (BS, SE, "Treasury stock, at cost; 724,309 shares at September 30, 2008", "us-gaap:TreasuryStockValue"),
    (BS, SE, "Deferred stock compensation", "us-gaap:DeferredCompensationEquity"),
    (BS, SE, "Total stockholders\u2019 equity", "us-gaap:StockholdersEquity"),
    (OPS, (), "Net sales", "us-gaap:Revenues"),
    (OPS, (), "Pre-opening expenses", "us-gaap:PreOpeningCosts"),
    (OPS, (), "Interest and finance costs", "us-gaap:InterestExpense"),
    (OPS, (), "Loss from joint venture", "us-gaap:IncomeLossFromEquityMethodInvestments"),
    (OPS, (), "Net loss on sale of vessel", "us-gaap:GainLossOnSaleOfPropertyPlantEquipment"),
    (OPS, (), "Equity earnings in unconsolidated entities", "us-gaap:IncomeLossFromEquityMethodInvestments"),
    (BS, CA, "Prepaid income tax", "us-gaap:PrepaidTaxes"),
    (BS, A, "Long-term prepaid expenses", "us-gaap:PrepaidExpenseNoncurrent"),
    (BS, A, "Long-term deposit", "us-gaap:DepositsAssetsNoncurrent"),
    (BS, A, "Long-term operating lease right-of-use assets, net", "us-gaap:OperatingLeaseRightOfUseAsset"),
    (BS, L, "Other long - term liabilities", "us-gaap:OtherLiabilitiesNoncurrent"),
    (BS, L, "Other long-term liabilities and deferred credits", "us-gaap:DeferredCreditsAndOtherLiabilitiesNoncurrent"),
    (OPS, (), "Interest income \u2013 related party", "us-gaap:InterestIncomeRelatedParty"),
    (BS, CL, "Payable to related parties", "us-gaap:DueToRelatedPartiesCurrent"),
    (OPS, ("Noninterest income",), "Operating lease income", "us-gaap:OperatingLeaseLeaseIncome"),
    (BS, A, "Other long-term assets, net", "us-gaap:OtherAssetsNoncurrent"),
    (OPS, (), "Total revenues", "us-gaap:Revenues"),
    (OPS, (), "Cost of revenue", "us-gaap:CostOfRevenue"),
    (OPS, (), "Cost of goods sold", "us-gaap:CostOfGoodsAndServicesSold"),
    (OPS, (), "Gross loss", "us-gaap:GrossProfit"),
    (OPS, (), "Income (loss) from operations", "us-gaap:OperatingIncomeLoss"),
    (OPS, (), "Loss from operations", "us-gaap:OperatingIncomeLoss"),
    (OPS, OPEX, "Total operating expenses", "us-gaap:OperatingExpenses"),
    (OPS, (), "Loss before income taxes", "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"),
    (OPS, (), "Provision for income taxes", "us-gaap:IncomeTaxExpenseBenefit"),
    (OPS, (), "Net loss", "us-gaap:NetIncomeLoss"),
    (OPS, (), "Net income (loss)", "us-gaap:NetIncomeLoss"),
    (OPS, (), "Net loss per share of common stock -- Basic and Diluted", "us-gaap:EarningsPerShareBasicAndDiluted"),
    (OPS, (), "Loss from operations before provision for income taxes",
     "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"),
    (BS, ("Current assets",), "Prepaid expenses", "us-gaap:PrepaidExpenseCurrent"),
    (BS, ("Current assets",), "Prepaid expense and other current assets", "us-gaap:PrepaidExpenseAndOtherAssetsCurrent"),
    (BS, ("Liabilities",), "Operating lease liabilities, non-current portion", "us-gaap:OperatingLeaseLiabilityNoncurrent"),
    (BS, CL, "Accounts payable – related party", "us-gaap:AccountsPayableRelatedPartiesCurrent"),
    (BS, CL, "Due to related parties", "us-gaap:DueToRelatedPartiesCurrent"),
    (BS, CA, "Due from related party", "us-gaap:DueFromRelatedPartiesCurrent"),
    (BS, CL, "Notes payable - related party, net", "us-gaap:NotesPayableRelatedPartiesClassifiedCurrent"),
    # ordinary shares (a foreign issuer's, a SPAC's) are its common stock
    (OPS, (), "Basic and diluted net income per ordinary share", "us-gaap:EarningsPerShareBasicAndDiluted"),
    (BS, SE, "Ordinary shares, $0.0001 par value", "us-gaap:CommonStockValue"),
    # a loss per share printed once, neither named: basic and diluted are equal
    (OPS, (), "Loss per common share", "us-gaap:EarningsPerShareBasicAndDiluted"),
    (OPS, (), "Net loss per share", "us-gaap:EarningsPerShareBasicAndDiluted"),
    (OPS, ("Net loss per share",), "Basic", "us-gaap:EarningsPerShareBasic"),
    (OPS, (), "Net income per share", "us-gaap:EarningsPerShareBasic"),
    (OPS, (), "Weighted average shares used to calculate Basic and Diluted net loss per share",
     "us-gaap:WeightedAverageNumberOfShareOutstandingBasicAndDiluted"),
    (OPS, ("Net income per share",), "Basic", "us-gaap:EarningsPerShareBasic"),
    (OPS, ("Net income per share",), "Diluted", "us-gaap:EarningsPerShareDiluted"),
    (OPS, ("Weighted average shares outstanding",), "Basic", "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic"),
    (OPS, ("Weighted average shares outstanding",), "Diluted", "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding"),
    (OPS, (), "Restructuring charges", "us-gaap:RestructuringCharges"),
    (BS, A, "Total operating expenses", None),
    (OPS, (), "Total", None),
])
def test_label_matching(kind, section, label, concept):
    match = match_line_item(concept_table(), kind, item(label, "1", section=section))
    assert (match.entry.concept if match.entry else None) == concept


def _facts(mapped, concept):
    return {f.period: f for f in mapped.facts if f.concept == concept}


def test_values_follow_the_concepts_meaning_not_the_printed_sign():
    mapped = map_release(release(balance_sheet(), operations()), concept_table(), ENTITY)
    q3_2008, q3_2007 = operations().periods
    assert _facts(mapped, "us-gaap:GrossProfit")[q3_2008].value == Decimal("-327000")
    assert _facts(mapped, "us-gaap:TreasuryStockValue")[BS_PERIODS[0]].value == Decimal("868000")
    assert _facts(mapped, "us-gaap:InterestExpenseNonoperating")[q3_2007].value == Decimal("1000")
    assert _facts(mapped, "us-gaap:RetainedEarningsAccumulatedDeficit")[BS_PERIODS[0]].value == Decimal("-593111000")
    eps = _facts(mapped, "us-gaap:EarningsPerShareBasicAndDiluted")[q3_2008]
    assert (eps.value, eps.decimals, eps.unit) == (Decimal("-0.06"), 2, UnitKind.USD_PER_SHARE)
    shares = _facts(mapped, "us-gaap:WeightedAverageNumberOfShareOutstandingBasicAndDiluted")[q3_2008]
    assert (shares.value, shares.decimals, shares.unit) == (Decimal("159240000"), -3, UnitKind.SHARES)
    cash = _facts(mapped, "us-gaap:CashAndCashEquivalentsAtCarryingValue")[BS_PERIODS[1]]
    assert (cash.value, cash.decimals, cash.unit) == (Decimal("42605000"), -3, UnitKind.USD)
    assert cash.source is not None and cash.source.line > 100


def test_dashes_are_nil_or_zero_by_concept():
    mapped = map_release(release(balance_sheet(), operations()), concept_table(), ENTITY)
    commitments = _facts(mapped, "us-gaap:CommitmentsAndContingencies")[BS_PERIODS[0]]
    assert commitments.value is None and commitments.decimals is None
    tax = _facts(mapped, "us-gaap:IncomeTaxExpenseBenefit")[operations().periods[0]]
    assert (tax.value, tax.decimals) == (Decimal(0), -3)


def test_share_counts_are_not_scaled_when_the_scale_line_excepts_them():
    scale = Scale(exponent=3, shares_scaled=False, text="(In thousands, except share amounts)")
    ops = statement(OPS, [item("Weighted average shares used to calculate basic and diluted net loss per share",
                                "159,240", "145,440")], scale=scale)
    mapped = map_release(release(ops), concept_table(), ENTITY)
    facts = _facts(mapped, "us-gaap:WeightedAverageNumberOfShareOutstandingBasicAndDiluted")
    assert facts[ops.periods[0]].value == Decimal("159240") and facts[ops.periods[0]].decimals == 0


def test_facts_stated_in_labels():
    sep, mar = date(2008, 9, 30), date(2008, 3, 31)
    bs = statement(BS, [
        item("Accounts receivable, net of allowance", "10,856", "6,768", section=CA, details=(
            detail(DetailKind.ALLOWANCE, "687", sep), detail(DetailKind.ALLOWANCE, "629", mar))),
        item("Preferred stock, $.001 par value; 10,000,000 shares authorized; none issued", "--", "--", section=SE,
             details=(detail(DetailKind.PAR_VALUE, ".001"), detail(DetailKind.SHARES_AUTHORIZED, "10,000,000"),
                      detail(DetailKind.SHARES_ISSUED, "0"))),
        item("Treasury stock, at cost; 551,356 shares", "(513)", "(513)", section=SE,
             details=(detail(DetailKind.TREASURY_SHARES, "551,356"),)),
    ])
    mapped = map_release(release(bs), concept_table(), ENTITY)
    allowance = _facts(mapped, "us-gaap:AllowanceForDoubtfulAccountsReceivableCurrent")
    assert allowance[Period(end=sep)].value == Decimal("687000") and allowance[Period(end=mar)].value == Decimal("629000")
    par = _facts(mapped, "us-gaap:PreferredStockParOrStatedValuePerShare")
    assert {p.end for p in par} == {sep, mar}
    assert par[Period(end=sep)].value == Decimal("0.001") and par[Period(end=sep)].decimals == 3
    assert _facts(mapped, "us-gaap:PreferredStockSharesAuthorized")[Period(end=sep)].value == Decimal("10000000")
    assert _facts(mapped, "us-gaap:PreferredStockSharesIssued")[Period(end=mar)].value == Decimal(0)
    treasury = _facts(mapped, "us-gaap:TreasuryStockShares")
    assert {f.value for f in treasury.values()} == {Decimal("551356")} and len(treasury) == 2
    assert _facts(mapped, "us-gaap:PreferredStockValue")[Period(end=sep)].value == Decimal(0)


def test_unmapped_items_are_reported_not_dropped():
    ops = statement(OPS, [item("Revenue", "10", "9"), item("Vendor settlement release", "3", "2")])
    mapped = map_release(release(ops), concept_table(), ENTITY)
    assert [d.label for d in mapped.unmapped] == ["Vendor settlement release"]
    assert mapped.unmapped[0].source.line > 0
    assert "vendor settlement release" in mapped.unmapped[0].rule


def test_dei_facts_use_the_current_quarter_context():
    mapped = map_release(release(balance_sheet(), operations()), concept_table(), ENTITY)
    dei = {f.concept: f for f in mapped.facts if f.concept.startswith("dei:")}
    assert dei["dei:EntityCentralIndexKey"].value == "0001009759"
    assert dei["dei:TradingSymbol"].value == "CPST"
    assert dei["dei:DocumentPeriodEndDate"].value == "2008-09-30"
    assert dei["dei:DocumentFiscalYearFocus"].value == "2009"
    assert dei["dei:DocumentFiscalPeriodFocus"].value == "Q2"
    assert dei["dei:AmendmentFlag"].value == "false"
    assert {f.period for f in dei.values()} == {operations().periods[0]}


def test_no_duplicate_facts():
    mapped = map_release(release(balance_sheet(), operations()), concept_table(), ENTITY)
    keys = [(f.concept, f.period) for f in mapped.facts]
    assert len(keys) == len(set(keys))


def test_a_total_row_takes_the_concept_from_a_part_matched_to_it_above():
    """IBM-like layout: "Sales" under "Revenue:" reads as revenues, then "Total revenue" below:
    the total keeps us-gaap:Revenues and the part is reported as a conflict, not tagged."""
    rev = ("Revenue",)
    ops = statement(OPS, [item("Services", "7,848", "7,575", section=rev), item("Sales", "9,129", "8,195", section=rev),
                          item("Total revenue", "16,977", "15,770", section=rev)])
    mapped = map_release(release(ops), concept_table(), ENTITY)
    revenues = _facts(mapped, "us-gaap:Revenues")
    assert {f.value for f in revenues.values()} == {Decimal("16977000"), Decimal("15770000")}
    assert {f.label for f in revenues.values()} == {"Total revenue"}
    assert any(d.label == "Sales" and "conflicts with us-gaap:Revenues" in d.rule for d in mapped.decisions)


def test_per_share_rows_and_share_counts_in_thousands_under_per_share_headings():
    """A bank's layout: per-share parts of earnings under "Per common share:" and "... assuming
    dilution:", and share counts printed "(000)" in a statement "(dollars in millions)"."""
    millions = Scale(exponent=6, shares_scaled=True, text="(dollars in millions, except per share amounts)")
    basic, diluted = ("Per common share",), ("Per common share \u2014 assuming dilution",)
    ops = statement(OPS, [
        item("Income (loss) from continuing operations attributable to Key common shareholders", ".45", ".31", section=basic),
        item("Income (loss) from discontinued operations, net of taxes", ".01", "(.02)", section=basic),
        item("Net income (loss) attributable to Key common shareholders", ".46", ".29", section=basic),
        item("Income (loss) from continuing operations attributable to Key common shareholders", ".44", ".30", section=diluted),
        item("Income (loss) from discontinued operations, net of taxes", ".01", "(.02)", section=diluted),
        item("Net income (loss) attributable to Key common shareholders", ".45", ".28", section=diluted),
        item("Weighted-average common shares outstanding (000)", "922,941", "922,970", section=diluted),
        item("Effect of common share options and other stock awards", "10,692", "11,758", section=diluted),
        item("Weighted-average common shares and potential common shares outstanding (000)", "933,634", "934,728",
             section=diluted),
    ], scale=millions)
    mapped = map_release(release(ops), concept_table(), ENTITY)
    q3 = ops.periods[0]
    got = {f.concept: f.value for f in mapped.facts if f.period == q3 and not f.concept.startswith("dei:")}
    assert got == {
        "us-gaap:IncomeLossFromContinuingOperationsPerBasicShare": Decimal(".45"),
        "us-gaap:IncomeLossFromDiscontinuedOperationsNetOfTaxPerBasicShare": Decimal(".01"),
        "us-gaap:EarningsPerShareBasic": Decimal(".46"),
        "us-gaap:IncomeLossFromContinuingOperationsPerDilutedShare": Decimal(".44"),
        "us-gaap:IncomeLossFromDiscontinuedOperationsNetOfTaxPerDilutedShare": Decimal(".01"),
        "us-gaap:EarningsPerShareDiluted": Decimal(".45"),
        "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic": Decimal("922941000"),
        "us-gaap:WeightedAverageNumberDilutedSharesOutstandingAdjustment": Decimal("10692000"),
        "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding": Decimal("933634000"),
    }


def test_lines_below_operating_income_are_nonoperating():
    """Between "Income from operations" and "Income before income taxes", with no heading: a net
    interest line is the net nonoperating element (an expense printed as its size is stored
    negative), "Other expense, net" a net expense, and "Interest expense" InterestExpenseNonoperating
    (as 14 of the 16 companies among 32 real 2024-2025 filings that print it there tag it)."""
    rows = [item("Revenue", "1,000", "900"), item("Income from operations", "300", "250"),
            item("Interest expense", "(20)", "(15)"), item("Interest expense, net", "31", "12"),
            item("Other expense, net", "5", "2"), item("Income before income taxes", "244", "221"),
            item("Provision for income taxes", "50", "40"), item("Net income", "194", "181")]
    ops = statement(OPS, rows)
    mapped = map_release(release(ops), concept_table(), ENTITY)
    got = {f.label: (f.concept, f.value) for f in mapped.facts if f.period == ops.periods[0] and f.statement}
    assert got["Interest expense"] == ("us-gaap:InterestExpenseNonoperating", Decimal(20000))
    assert got["Interest expense, net"] == ("us-gaap:InterestIncomeExpenseNonoperatingNet", Decimal(-31000))
    assert got["Other expense, net"] == ("us-gaap:OtherNonoperatingIncomeExpense", Decimal(-5000))
    # a bank's statement has no operating income: its net interest income is a bank's
    bank = statement(OPS, [item("Total interest income", "500", "450"), item("Interest expense", "120", "100"),
                           item("Net interest income", "380", "350")])
    mapped = map_release(release(bank), concept_table(), ENTITY)
    assert {f.concept for f in mapped.facts if f.label == "Net interest income"} == {"us-gaap:InterestIncomeExpenseNet"}


def test_rows_between_total_current_assets_and_total_assets_are_non_current():
    """A balance sheet printing "Total current assets" without a "Non-current assets" heading: the
    rows below it and above total assets are long-term ("Restricted cash", "Investments"), and a
    current concept whose entry asks for a "current" heading is not theirs. Without a total of
    current assets nothing is placed so."""
    rows = [item("Cash and cash equivalents", "4,680", "5,019"), item("Restricted cash", "805", "808"),
            item("Total current assets", "5,485", "5,827"), item("Restricted cash", "1,519", "2,157"),
            item("Investments", "6,101", "5,587"), item("Due from related party", "12", "10"),
            item("Total assets", "13,117", "13,581")]
    mapped = map_release(release(statement(BS, rows)), concept_table(), ENTITY)
    got = {(f.label, f.source.line): f.concept for f in mapped.facts if f.statement}
    concepts = [got.get((r.label, r.source.line)) for r in rows]
    assert concepts[1] == "us-gaap:RestrictedCashCurrent" or concepts[1] == "us-gaap:RestrictedCash"
    assert concepts[3:5] == ["us-gaap:RestrictedCashNoncurrent", "us-gaap:LongTermInvestments"]
    assert concepts[5] != "us-gaap:DueFromRelatedPartiesCurrent"
    unclassified = [item("Cash and cash equivalents", "298", "389"), item("Restricted cash", "5", "7"),
                    item("Total assets", "2,242", "2,229")]
    mapped = map_release(release(statement(BS, unclassified)), concept_table(), ENTITY)
    assert {f.concept for f in mapped.facts if f.label == "Restricted cash"} == {"us-gaap:RestrictedCash"}


def test_finance_income_is_revenue_above_operating_income_and_interest_earned_below_it():
    """An airline's IFRS-worded "Finance income" and "Finance cost" under "Non-operating Income
    (Expense):" are the interest it earns on its cash and pays on its debt; a debt buyer's
    "Finance income", its revenue, stays its operating interest income. (The airline's had been
    tagged as a lender's operating interest income.)"""
    airline = statement(OPS, [item("Total Operating Revenue", "877,052", "912,840"),
                              item("Total Operating Expense", "672,862", "698,504"),
                              item("Operating Profit/(Loss)", "204,190", "214,336"),
                              item("Finance cost", "(21,498)", "(20,408)", section=("Non-operating Income (Expense):",)),
                              item("Finance income", "16,064", "14,289", section=("Non-operating Income (Expense):",)),
                              item("Profit before taxes", "198,756", "208,217")])
    mapped = map_release(release(airline), concept_table(), ENTITY)
    got = {f.label: f.concept for f in mapped.facts if f.statement}
    assert got["Finance income"] == "us-gaap:InvestmentIncomeInterest"
    assert got["Finance cost"] == "us-gaap:InterestExpenseNonoperating"
    lender = statement(OPS, [item("Finance income", "14,806", "11,183", section=("Revenues:",)),
                             item("Total revenues", "14,806", "11,183", section=("Revenues:",))])
    mapped = map_release(release(lender), concept_table(), ENTITY)
    assert {f.concept for f in mapped.facts if f.label == "Finance income"} == {"us-gaap:InterestAndDividendIncomeOperating"}


def test_research_and_development_beside_acquired_ipr_and_d_excludes_it():
    """A pharmaceutical layout: "Acquired IPR&D and milestones" on its own line makes
    "Research and development" the line that excludes it; without it, plain R&D."""
    with_iprd = statement(OPS, [item("Net revenues", "56,334", "54,318"), item("Research and development", "12,791", "7,675"),
                                item("Acquired IPR&D and milestones", "2,759", "778")])
    mapped = map_release(release(with_iprd), concept_table(), ENTITY)
    assert {f.concept for f in mapped.facts if f.label == "Research and development"} == {
        "us-gaap:ResearchAndDevelopmentExpenseExcludingAcquiredInProcessCost"}
    plain = statement(OPS, [item("Net revenues", "56,334", "54,318"), item("Research and development", "12,791", "7,675")])
    mapped = map_release(release(plain), concept_table(), ENTITY)
    assert {f.concept for f in mapped.facts if f.label == "Research and development"} == {"us-gaap:ResearchAndDevelopmentExpense"}


def test_a_balance_sheet_row_without_headings_takes_its_side_from_total_assets():
    """A condensed balance sheet printed without headings: "Deferred income taxes" above total
    assets is the asset, below it the liability."""
    rows = [item("Cash and cash equivalents", "500", "450"), item("Deferred income taxes", "40", "35"),
            item("Total assets", "540", "485"), item("Accounts payable", "100", "90"),
            item("Deferred income taxes", "25", "20"), item("Total liabilities", "125", "110")]
    mapped = map_release(release(statement(BS, rows)), concept_table(), ENTITY)
    got = {(f.source.line, f.concept) for f in mapped.facts if f.label == "Deferred income taxes"}
    assert {c for _l, c in got} == {"us-gaap:DeferredIncomeTaxAssetsNet", "us-gaap:DeferredIncomeTaxLiabilitiesNet"}
    asset_line = min(line for line, _c in got)
    assert (asset_line, "us-gaap:DeferredIncomeTaxAssetsNet") in got


def test_a_fourth_quarter_release_reports_fiscal_year_focus_fy():
    from dataclasses import replace

    rel = release(balance_sheet(), operations())
    rel = replace(rel, info=replace(rel.info, fiscal_period_focus="Q4"))
    mapped = map_release(rel, concept_table(), ENTITY)
    focus = [f.value for f in mapped.facts if f.concept == "dei:DocumentFiscalPeriodFocus"]
    assert focus == ["FY"]


@pytest.mark.parametrize(("label", "printed", "stored"), [
    ("Net loss", ("9,911", "8,453"), ("-9911000", "-8453000")),
    ("Net loss", ("(9,911)", "(8,453)"), ("-9911000", "-8453000")),
    ("Gross loss", ("327", "756"), ("-327000", "-756000")),
    ("Loss from operations", ("10,064", "9,099"), ("-10064000", "-9099000")),
    ("Loss before income taxes", ("9,911", "--"), ("-9911000", "0")),
    ("Net income (loss)", ("9,911", "(8,453)"), ("9911000", "-8453000")),
    ("Net income (loss)", ("9,911", "8,453"), ("9911000", "8453000")),
    ("Net (loss) income", ("9,911", "8,453"), ("9911000", "8453000")),
    ("Net loss per share -- basic and diluted", ("0.06", "0.06"), ("-0.06", "-0.06")),
])
def test_a_loss_printed_without_parentheses_is_stored_negative(label, printed, stored):
    ops = statement(OPS, [item(label, *printed)])
    mapped = map_release(release(ops), concept_table(), ENTITY)
    values = [str(f.value) for f in mapped.facts if not f.concept.startswith("dei:")]
    assert values == list(stored)


def test_accumulated_deficit_printed_without_parentheses_is_negative_retained_earnings():
    bs = statement(BS, [item("Accumulated deficit", "593,111", "573,383", section=SE)])
    mapped = map_release(release(bs), concept_table(), ENTITY)
    assert [str(f.value) for f in mapped.facts if f.concept.endswith("RetainedEarningsAccumulatedDeficit")] == [
        "-593111000", "-573383000"]


@pytest.mark.parametrize(("label", "printed", "stored"), [
    # an expense-first wording prints the expense as a positive figure in every column, whatever
    # the sign of the others (Coinbase's "Other operating expense (income), net 61,280 (8,556)")
    ("Other operating expense (income), net", ("61,280", "(8,556)"), ("-61280000", "8556000")),
    ("Other (income) expense, net", ("(1,200)", "300"), ("1200000", "-300000")),
    ("Other operating income, net", ("1,200", "(300)"), ("1200000", "-300000")),
    ("Net foreign exchange loss", ("84", "26"), ("-84000", "-26000")),
])
def test_expense_first_wording_of_an_income_concept_stores_the_opposite(label, printed, stored):
    ops = statement(OPS, [item(label, *printed, section=("Other income (expense)",))])
    mapped = map_release(release(ops), concept_table(), ENTITY)
    values = [str(f.value) for f in mapped.facts if not f.concept.startswith("dei:")]
    assert values == list(stored)


def _first_period_values(ops) -> dict[str, str]:
    """The facts of a statement of operations mapped alone, for its first period."""
    mapped = map_release(release(ops), concept_table(), ENTITY)
    first = ops.periods[0]
    return {f.concept: str(f.value) for f in mapped.facts if f.period == first}


def test_an_expenses_heading_printed_in_parentheses_stores_the_expenses_sizes():
    """A REIT's statement of income printing every expense in parentheses, its total too, taken
    from total revenues: the parentheses mark the subtraction (Kimco-like layout; invented figures)."""
    opex = ("Operating expenses",)
    ops = statement(OPS, [
        item("Revenues", "525,397", "451,603"),
        item("Real estate taxes", "(67,162)", "(58,576)", section=opex),
        item("General and administrative", "(34,902)", "(35,627)", section=opex),
        item("Merger charges", "-", "(1,016)", section=opex),
        item("Depreciation and amortization", "(156,130)", "(124,282)", section=opex),
        item("Total operating expenses", "(258,194)", "(219,501)", section=opex),
        item("Operating income", "267,203", "232,102"),
    ])
    values = _first_period_values(ops)
    assert values["us-gaap:GeneralAndAdministrativeExpense"] == "34902000"
    assert values["us-gaap:DepreciationAndAmortization"] == "156130000"
    assert values["us-gaap:OperatingExpenses"] == "258194000"
    assert values["us-gaap:OperatingIncomeLoss"] == "267203000"


def test_expenses_printed_in_parentheses_under_no_heading_above_their_total_store_their_sizes():
    """The same layout without an "Operating expenses" heading: the rows between gross profit and
    "Total operating expenses", all in parentheses, are expenses (they were stored negative, and
    the depreciation conflicted with the cash-flow statement's; a small company's release)."""
    ops = statement(OPS, [
        item("Gross profit", "784,390", "471,926"),
        item("Depreciation Expense", "(1,586)", "(1,586)"),
        item("General and Administrative Expenses", "(761,369)", "(701,262)"),
        item("Research and Development", "(276,947)", "(255,000)"),
        item("Total Operating Expenses", "(1,039,902)", "(957,848)"),
        item("Net loss from operations", "(255,512)", "(485,922)"),
    ])
    values = _first_period_values(ops)
    assert values["us-gaap:Depreciation"] == "1586000"
    assert values["us-gaap:ResearchAndDevelopmentExpense"] == "276947000"
    assert values["us-gaap:OperatingExpenses"] == "1039902000"
    assert values["us-gaap:GrossProfit"] == "784390000"


def test_an_expenses_heading_with_a_figure_printed_plainly_is_read_as_printed():
    opex = ("Operating expenses",)
    ops = statement(OPS, [
        item("General and administrative", "(34,902)", "(35,627)", section=opex),
        item("Other operating income", "1,200", "900", section=opex),
        item("Depreciation and amortization", "(156,130)", "(124,282)", section=opex),
        item("Total operating expenses", "(189,832)", "(159,009)", section=opex),
    ])
    values = _first_period_values(ops)
    assert values["us-gaap:GeneralAndAdministrativeExpense"] == "-34902000"



def test_a_line_printed_as_a_part_of_a_total_of_its_concept_takes_the_entrys_part():
    """ "Net sales" and "Other income" above "Total revenues": the net sales are the revenue from
    contracts with customers; "Property and equipment" above its accumulated depreciation and the
    net amount is the gross amount (the entries' `part`)."""
    ops = statement(OPS, [item("Net sales", "900", "800"), item("Membership and other income", "100", "90"),
                          item("Total revenues", "1,000", "890")])
    bs = statement(BS, [item("Property and equipment", "508", "489", section=A),
                        item("Less accumulated depreciation and amortization", "(365)", "(360)", section=A),
                        item("Property and equipment, net", "143", "129", section=A)])
    mapped = map_release(release(ops, bs), concept_table(), ENTITY)
    by_label = {}
    for f in mapped.facts:
        by_label.setdefault(f.label, set()).add((f.concept, str(f.value)))
    assert {c for c, _v in by_label["Net sales"]} == {"us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax"}
    assert {c for c, _v in by_label["Total revenues"]} == {"us-gaap:Revenues"}
    assert by_label["Property and equipment"] == {("us-gaap:PropertyPlantAndEquipmentGross", "508000"),
                                                  ("us-gaap:PropertyPlantAndEquipmentGross", "489000")}
    assert ("us-gaap:AccumulatedDepreciationDepletionAndAmortizationPropertyPlantAndEquipment", "365000") in \
        by_label["Less accumulated depreciation and amortization"]
    assert {c for c, _v in by_label["Property and equipment, net"]} == {"us-gaap:PropertyPlantAndEquipmentNet"}


@pytest.mark.parametrize(("label", "concept"), [
    ("COST OF SALES (Including buying, distribution, and occupancy costs)", "us-gaap:CostOfGoodsAndServicesSold"),
    ("Cost of revenue (exclusive of depreciation and amortization shown separately below)", "us-gaap:CostOfRevenue"),
    ("SALES, Net of returns and allowances", "us-gaap:Revenues"),
    ("Net sales (including excise taxes of $12)", "us-gaap:Revenues"),
])
def test_a_label_qualifying_the_line_it_names_matches_that_line(label, concept):
    found = match_line_item(concept_table(), OPS, item(label, "1"))
    assert (found.entry.concept if found.entry else None) == concept
    assert "without its qualifier" in found.rule


def test_cash_including_restricted_cash_is_not_plain_cash():
    found = match_line_item(concept_table(), BS, item("Cash and cash equivalents (including restricted cash of $5)",
                                                       "1", section=CA))
    assert found.entry is None or found.entry.concept != "us-gaap:CashAndCashEquivalentsAtCarryingValue"
