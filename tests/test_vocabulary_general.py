"""The general vocabulary meets other companies' wordings; the concept table reads the structure
around a line (noncontrolling interests, "changes in assets and liabilities" headings)."""

from __future__ import annotations

import pytest

from converter.companymap import LineMap, MapLine, general_key
from converter.concepts import Sign, concept_table
from converter.map import EntityId, map_release, match_line_item
from converter.model import Cell, CellKind, LineItem, SourceRef, StatementKind
from modelkit import Q_PERIODS, item, release, statement

BS, OPS, CF, CI = (StatementKind.BALANCE_SHEET, StatementKind.OPERATIONS, StatementKind.CASH_FLOWS,
                   StatementKind.COMPREHENSIVE_INCOME)


@pytest.mark.parametrize(("label", "key"), [
    ("Cash flow hedges, net of tax expense (benefit) of $16 in 2024, $(19) in 2023 and $5 in 2022",
     "cash flow hedges net of tax"),
    ("Property, plant and equipment, net of accumulated depreciation of $23,208 and $22,925",
     "property plant and equipment net"),
    ("Notes and accounts receivable — trade (net of allowances of $109 in 2025 and $98 in 2024)",
     "notes and accounts receivable trade net"),
    ("Class A treasury stock, at cost, 497 and 475 shares, respectively", "class a treasury stock at cost"),
    ("Comprehensive income attributable to Quillmere Tools Inc.", "comprehensive income attributable to parent"),
    ("Less: Comprehensive income attributable to noncontrolling interests",
     "comprehensive income attributable to noncontrolling interests"),
    ("Basic Net Income Per Share1", "basic net income per share"),
    ("Restricted cash & cash equivalents", "restricted cash and cash equivalents"),
    ("Common stock, 4,000,000,000 shares authorized", "common stock"),
    ("Common stock, $0.01 par value", None),  # figures that say something
])
def test_general_key(label, key):
    assert general_key(label) == key


def _line(label, concept, count=1, section=(), statement=CI, balance=None):
    return MapLine(label, statement, section, concept, Sign.AS_PRINTED, "monetaryItemType",
                   "instant" if statement is BS else "duration", balance=balance, count=count)


def _row(label, section=()):
    return LineItem(label=label, section=section, cells=(Cell("1", CellKind.NUMBER, None, SourceRef("r", 1)),),
                    source=SourceRef("r", 1))


def test_vocabulary_matches_a_label_with_figures_and_the_company_name_in_it():
    vocabulary = LineMap(lines=(
        _line("cash flow hedges net of tax", "us-gaap:OtherComprehensiveIncomeLossCashFlowHedgeGainLossAfterReclassificationAndTax"),
        _line("comprehensive income attributable to parent", "us-gaap:ComprehensiveIncomeNetOfTax"),
    ))
    found = vocabulary.match(CI, _row("Cash flow hedges, net of income taxes of $(4) and $7"), strict=True)
    assert found and found.line.concept.endswith("CashFlowHedgeGainLossAfterReclassificationAndTax")
    found = vocabulary.match(CI, _row("Comprehensive income attributable to Harrowgate Mills, Inc."), strict=True)
    assert found and found.line.concept == "us-gaap:ComprehensiveIncomeNetOfTax"


def test_vocabulary_tie_goes_to_the_concept_more_companies_use():
    two_to_one = LineMap(lines=(_line("other", "us-gaap:OtherNoncashIncomeExpense", count=2, statement=CF),
                                _line("other", "us-gaap:IncreaseDecreaseInOtherOperatingCapitalNet", statement=CF)))
    found = two_to_one.match(CF, _row("Other"), strict=True)
    assert found and found.line.concept == "us-gaap:OtherNoncashIncomeExpense"
    one_to_one = LineMap(lines=(_line("other", "us-gaap:OtherNoncashIncomeExpense", statement=CF),
                                _line("other", "us-gaap:IncreaseDecreaseInOtherOperatingCapitalNet", statement=CF)))
    assert one_to_one.match(CF, _row("Other"), strict=True) is None  # a guess: left for an extension
    # a label printed again in the statement: one concept cannot take both rows
    assert two_to_one.match(CF, _row("Other"), strict=True, occurrence=1) is None


def test_vocabulary_liability_line_is_not_taken_for_an_asset_row():
    # the reference data gives DeferredIncomeTaxLiabilitiesNet no balance: its name does
    vocabulary = LineMap(lines=(_line("deferred income taxes", "us-gaap:DeferredIncomeTaxLiabilitiesNet", count=4,
                                      statement=BS),))
    assert vocabulary.match(BS, _row("Deferred income taxes", ("Assets", "Current assets")), strict=True) is None
    found = vocabulary.match(BS, _row("Deferred income taxes", ("Liabilities",)), strict=True)
    assert found and found.line.concept == "us-gaap:DeferredIncomeTaxLiabilitiesNet"


def test_vocabulary_per_share_line_is_not_taken_for_a_row_of_money():
    # "Basic" / "Diluted" under "Net income attributable to common stockholders:" print dollars
    # (432,552); the companies' "basic" line is earnings per share: no match, not EPS of 432,552
    eps = MapLine("basic", OPS, (), "us-gaap:EarningsPerShareBasic", Sign.AS_PRINTED, "perShareItemType",
                  "duration", count=4)
    vocabulary = LineMap(lines=(eps,))
    money = item("Basic", "432,552", "75,455", section=("Net income attributable to common stockholders",))
    assert vocabulary.match(OPS, money, strict=True) is None
    per_share = item("Basic", "1.65", "0.30", section=("Net income per share",))
    found = vocabulary.match(OPS, per_share, strict=True)
    assert found and found.line.concept == "us-gaap:EarningsPerShareBasic"


def test_vocabulary_noncurrent_line_is_not_taken_for_a_row_under_current_liabilities():
    vocabulary = LineMap(lines=(_line("operating lease liabilities", "us-gaap:OperatingLeaseLiabilityNoncurrent",
                                      count=2, statement=BS, balance="credit"),))
    assert vocabulary.match(BS, _row("Operating lease liabilities", ("Liabilities", "Current liabilities:")),
                            strict=True) is None
    found = vocabulary.match(BS, _row("Operating lease liabilities", ("Liabilities",)), strict=True)
    assert found and found.line.concept == "us-gaap:OperatingLeaseLiabilityNoncurrent"


def test_vocabulary_line_learned_under_current_assets_is_not_taken_for_a_row_under_non_current_assets():
    """"Non-current assets" shares its words with "Current assets": a line learned there scored as
    the best match for a long-term row and tagged it with a current concept."""
    vocabulary = LineMap(lines=(
        _line("investment securities", "us-gaap:ShortTermInvestments", count=2, statement=BS, balance="debit",
              section=("Assets", "Current assets:")),
        _line("investment securities", "us-gaap:LongTermInvestments", statement=BS, balance="debit", section=("Assets",))))
    found = vocabulary.match(BS, _row("Investment securities", ("Assets", "Non-current assets")), strict=True)
    assert found and found.line.concept == "us-gaap:LongTermInvestments"
    found = vocabulary.match(BS, _row("Investment securities", ("Assets", "Current assets")), strict=True)
    assert found and found.line.concept == "us-gaap:ShortTermInvestments"


CHANGES = ("Cash flows from operating activities", "Changes in assets and liabilities")


@pytest.mark.parametrize(("kind", "section", "label", "concept"), [
    (CI, (), "Comprehensive income attributable to Harrowgate Mills, Inc.", "us-gaap:ComprehensiveIncomeNetOfTax"),
    (CI, (), "Less: Comprehensive income/(loss) related to noncontrolling interest",
     "us-gaap:ComprehensiveIncomeNetOfTaxAttributableToNoncontrollingInterest"),
    (CI, (), "Other comprehensive income (loss) attributable to Harrowgate Mills",
     "us-gaap:OtherComprehensiveIncomeLossNetOfTaxPortionAttributableToParent"),
    (CI, (), "Consolidated net income attributable to Harrowgate Mills", "us-gaap:NetIncomeLoss"),
    (OPS, (), "Less: net earnings/(loss) attributable to noncontrolling interest",
     "us-gaap:NetIncomeLossAttributableToNoncontrollingInterest"),
    (OPS, (), "Basic earnings per share attributable to Harrowgate Mills, Inc.", "us-gaap:EarningsPerShareBasic"),
    (OPS, (), "Diluted net income per common share attributable to Harrowgate Mills",
     "us-gaap:EarningsPerShareDiluted"),
    (OPS, (), "Basic weighted-average shares outstanding", "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic"),
    (BS, (), "Total liabilities, redeemable noncontrolling interests and equity",
     "us-gaap:LiabilitiesAndStockholdersEquity"),
    (BS, (), "Total liabilities and common shareholders' equity", "us-gaap:LiabilitiesAndStockholdersEquity"),
    (CF, CHANGES[1:], "Accounts receivable", "us-gaap:IncreaseDecreaseInAccountsReceivable"),
    (CF, ("Cash flows from investing activities",), "Accounts receivable", None),
    (CF, CHANGES[:1], "Depreciation", "us-gaap:Depreciation"),
    (CF, CHANGES[:1], "Depreciation and amortization", "us-gaap:DepreciationDepletionAndAmortization"),
    (CF, (), "Cash used in investing activities", "us-gaap:NetCashProvidedByUsedInInvestingActivities"),
    (CF, (), "Cash flows (used for) from financing activities", "us-gaap:NetCashProvidedByUsedInFinancingActivities"),
    (CF, (), "Cash provided (used) by operations", "us-gaap:NetCashProvidedByUsedInOperatingActivities"),
    (CF, (), "Common share repurchases", "us-gaap:PaymentsForRepurchaseOfCommonStock"),
    (CF, (), "Repurchases of class A common stock", "us-gaap:PaymentsForRepurchaseOfCommonStock"),
    (CF, (), "Payments for property and equipment", "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment"),
    (CF, (), "Sales and maturities of investment securities",
     "us-gaap:ProceedsFromSaleMaturityAndCollectionsOfInvestments"),
    (CF, (), "Effect of exchange rate changes",
     "us-gaap:EffectOfExchangeRateOnCashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"),
    (CF, ("Changes in certain assets and liabilities, net of effects of acquisitions",), "Unearned revenue",
     "us-gaap:IncreaseDecreaseInContractWithCustomerLiability"),
    (OPS, (), "Operating earnings", "us-gaap:OperatingIncomeLoss"),
    (OPS, (), "Earnings/(loss) from operations", "us-gaap:OperatingIncomeLoss"),
    (BS, ("Equity",), "Nonredeemable noncontrolling interests", "us-gaap:MinorityInterest"),
    (BS, ("Equity",), "Reinvested earnings", "us-gaap:RetainedEarningsAccumulatedDeficit"),
    (BS, ("Assets",), "Operating lease assets", "us-gaap:OperatingLeaseRightOfUseAsset"),
    (BS, ("Current liabilities",), "Operating lease obligations due within one year",
     "us-gaap:OperatingLeaseLiabilityCurrent"),
    (BS, ("Liabilities",), "Long-term operating lease obligations", "us-gaap:OperatingLeaseLiabilityNoncurrent"),
    (BS, ("Current liabilities",), "Long-term debt due within one year", "us-gaap:LongTermDebtCurrent"),
    (BS, ("Liabilities",), "Noncurrent debt", "us-gaap:LongTermDebtNoncurrent"),
    # footnote marks, unit suffixes and slashes are not wording
    (OPS, (), "Basic Net Income Per Share1", "us-gaap:EarningsPerShareBasic"),
    (OPS, (), "Earnings (loss) per common share - assuming dilution (dollars)", "us-gaap:EarningsPerShareDiluted"),
    (OPS, (), "Earnings (loss) per common share (dollars)", "us-gaap:EarningsPerShareBasic"),
    (OPS, (), "Provision for/(benefit from) income taxes", "us-gaap:IncomeTaxExpenseBenefit"),
    (CF, (), "(Decrease) / Increase in cash and cash equivalents",
     "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsPeriodIncreaseDecreaseIncludingExchangeRateEffect"),
    (CI, (), "Total other comprehensive income/(loss) [a]", "us-gaap:OtherComprehensiveIncomeLossNetOfTax"),
    # "taxes on income" is "income taxes"; "Avg." is "average"
    (OPS, (), "Provision for taxes on income (Note 5)", "us-gaap:IncomeTaxExpenseBenefit"),
    (OPS, (), "Earnings before provision for taxes on income",
     "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"),
    (OPS, ("Avg. shares outstanding",), "Basic", "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic"),
    # interest expense under a non-operating heading; elsewhere (banks, no such heading) InterestExpense
    (OPS, ("Other income (expense)",), "Interest expense", "us-gaap:InterestExpenseNonoperating"),
    (OPS, ("Non-operating income (expense)",), "Interest expense", "us-gaap:InterestExpenseNonoperating"),
    (OPS, (), "Interest expense", "us-gaap:InterestExpense"),
    (OPS, ("Costs and other deductions",), "Interest expense", "us-gaap:InterestExpense"),
    # wordings of the same lines
    (OPS, (), "Selling, marketing and administrative expenses", "us-gaap:SellingGeneralAndAdministrativeExpense"),
    (OPS, (), "Operating, selling, general and administrative expenses",
     "us-gaap:SellingGeneralAndAdministrativeExpense"),
    (OPS, (), "Total costs and other deductions", "us-gaap:CostsAndExpenses"),
    (CF, CHANGES[:1], "Depreciation and amortization of property, equipment and intangibles",
     "us-gaap:DepreciationDepletionAndAmortization"),
    (CF, CHANGES[:1], "Provision for (benefit from) deferred income taxes", "us-gaap:DeferredIncomeTaxExpenseBenefit"),
    (CF, CHANGES[:1], "Share-based plans expense", "us-gaap:ShareBasedCompensation"),
    (CF, (), "Purchases of property, equipment and capitalized software",
     "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment"),
    (CF, (), "Additions to long-term debt", "us-gaap:ProceedsFromIssuanceOfLongTermDebt"),
    (CF, (), "Reductions in long-term debt", "us-gaap:RepaymentsOfLongTermDebt"),
    (CF, (), "Purchases of stock for treasury", "us-gaap:PaymentsForRepurchaseOfCommonStock"),
    (CF, (), "Effects of exchange rate changes on cash",
     "us-gaap:EffectOfExchangeRateOnCashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"),
    (CF, (), "Cash and cash equivalents at end of period (including restricted)",
     "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"),
    (CI, (), "Net foreign currency translation adjustments",
     "us-gaap:OtherComprehensiveIncomeLossForeignCurrencyTransactionAndTranslationAdjustmentNetOfTax"),
    (CI, (), "Currency translation adjustments",
     "us-gaap:OtherComprehensiveIncomeLossForeignCurrencyTransactionAndTranslationAdjustmentNetOfTax"),
    (BS, ("Assets",), "Acquired intangible assets, net", "us-gaap:IntangibleAssetsNetExcludingGoodwill"),
    # lines most statements of cash flows carry
    (CF, (), "Acquisitions of businesses, net of cash acquired", "us-gaap:PaymentsToAcquireBusinessesNetOfCashAcquired"),
    (CF, (), "Business combinations, net of cash and restricted cash acquired",
     "us-gaap:PaymentsToAcquireBusinessesNetOfCashAcquired"),
    (CF, (), "Proceeds from sales of property and equipment", "us-gaap:ProceedsFromSaleOfPropertyPlantAndEquipment"),
    (CF, (), "Taxes paid related to net share settlement of equity awards",
     "us-gaap:PaymentsRelatedToTaxWithholdingForShareBasedCompensation"),
    (CF, (), "Shares withheld for taxes", "us-gaap:PaymentsRelatedToTaxWithholdingForShareBasedCompensation"),
    (CF, (), "Distributions to noncontrolling interests", "us-gaap:PaymentsOfDividendsMinorityInterest"),
    (CF, (), "Amortization of debt issuance costs", "us-gaap:AmortizationOfFinancingCostsAndDiscounts"),
    (CF, (), "Impairment of intangible assets", "us-gaap:ImpairmentOfIntangibleAssetsExcludingGoodwill"),
    (CF, ("Supplemental disclosures", "Cash paid during the period for:"), "Interest", "us-gaap:InterestPaidNet"),
    (CF, ("Supplemental disclosures", "Cash paid during the period for:"), "Income taxes",
     "us-gaap:IncomeTaxesPaid"),
    (CF, ("Supplemental disclosures", "Cash paid during the period for:"), "Income taxes, net of refunds",
     "us-gaap:IncomeTaxesPaidNet"),
    (CF, (), "Cash paid for income taxes, net", "us-gaap:IncomeTaxesPaidNet"),
    (CF, (), "Income taxes paid", "us-gaap:IncomeTaxesPaid"),
    (CF, (), "Cash paid for interest, net of amounts capitalized", "us-gaap:InterestPaidNet"),
    (CF, (), "Interest", None),  # a bare "Interest" needs its supplemental heading
    (CF, (), "Property and equipment purchases accrued but not paid", "us-gaap:CapitalExpendituresIncurredButNotYetPaid"),
    (CF, (), "Right-of-use assets obtained in exchange for new operating lease liabilities",
     "us-gaap:RightOfUseAssetObtainedInExchangeForOperatingLeaseLiability"),
    (OPS, ("Net income per share",), "- Diluted", "us-gaap:EarningsPerShareDiluted"),  # a bullet is not wording
    # balance-sheet and operations lines beyond the totals
    (BS, ("Liabilities", "Current liabilities:"), "Operating lease liabilities", "us-gaap:OperatingLeaseLiabilityCurrent"),
    (BS, ("Liabilities", "Current liabilities:"), "Finance lease liabilities", "us-gaap:FinanceLeaseLiabilityCurrent"),
    (BS, ("Liabilities",), "Finance lease liabilities, net of current portion", "us-gaap:FinanceLeaseLiabilityNoncurrent"),
    (BS, ("Assets",), "Finance lease assets, net", "us-gaap:FinanceLeaseRightOfUseAsset"),
    (BS, ("Assets",), "Investments accounted for using the equity method", "us-gaap:EquityMethodInvestments"),
    (BS, ("Assets",), "Capitalized internal-use software, net", "us-gaap:CapitalizedComputerSoftwareNet"),
    (BS, (), "Redeemable noncontrolling interest", "us-gaap:RedeemableNoncontrollingInterestEquityCarryingAmount"),
    (OPS, (), "Equity in earnings (losses) of unconsolidated affiliates",
     "us-gaap:IncomeLossFromEquityMethodInvestments"),
    # debt with finance leases, other investing and financing lines, OCI of pensions and hedges
    (BS, ("Current liabilities",), "Short-term borrowings and current maturities of long-term debt",
     "us-gaap:DebtCurrent"),
    (BS, ("Liabilities",), "Long-term debt and finance lease obligations, net of current portion",
     "us-gaap:LongTermDebtAndCapitalLeaseObligations"),
    (CF, CHANGES, "Accounts payable and accrued expenses", "us-gaap:IncreaseDecreaseInAccountsPayableAndAccruedLiabilities"),
    (CF, ("Cash flows from investing activities",), "Other, net", "us-gaap:PaymentsForProceedsFromOtherInvestingActivities"),
    (CF, ("Cash flows from financing activities",), "Other", "us-gaap:ProceedsFromPaymentsForOtherFinancingActivities"),
    (CF, CHANGES[:1], "Other", None),  # operating "Other": non-cash item or working capital, left to the vocabulary
    (CF, (), "Proceeds from issuance of notes, net of issuance costs", "us-gaap:ProceedsFromIssuanceOfDebt"),
    (CF, CHANGES[:1], "Impairment of long-lived assets", "us-gaap:AssetImpairmentCharges"),
    (CI, ("Other comprehensive income (loss):",), "Pension and other postretirement benefit plans, net of tax",
     "us-gaap:OtherComprehensiveIncomeLossPensionAndOtherPostretirementBenefitPlansAdjustmentNetOfTax"),
    (CI, ("Other comprehensive income (loss):",), "Unrealized gains (losses) on derivative instruments, net of tax",
     "us-gaap:OtherComprehensiveIncomeLossCashFlowHedgeGainLossAfterReclassificationAndTax"),
    # lines of many releases: restructuring, impairments, acquisition costs, debt extinguishment, ...
    (OPS, ("Operating expenses:",), "Restructuring and other charges", "us-gaap:RestructuringCharges"),
    (OPS, ("Operating expenses:",), "Impairment of goodwill", "us-gaap:GoodwillImpairmentLoss"),
    (OPS, ("Operating expenses:",), "Acquisition-related expenses", "us-gaap:BusinessCombinationAcquisitionRelatedCosts"),
    (OPS, (), "Loss on extinguishment of debt", "us-gaap:GainsLossesOnExtinguishmentOfDebt"),
    (BS, ("Current liabilities:",), "Accrued interest", "us-gaap:InterestPayableCurrent"),
    (BS, ("Current liabilities:",), "Dividends payable", "us-gaap:DividendsPayableCurrent"),
    (CF, CHANGES[:1], "Amortization of deferred contract acquisition costs", "us-gaap:CapitalizedContractCostAmortization"),
    (CF, CHANGES, "Operating lease liabilities", "us-gaap:IncreaseDecreaseInOperatingLeaseLiability"),
    (CF, ("Cash flows from investing activities",), "Capitalization of internal-use software",
     "us-gaap:PaymentsToDevelopSoftware"),
    (CF, (), "Purchases of intangible assets", "us-gaap:PaymentsToAcquireIntangibleAssets"),
    (CF, (), "Proceeds from divestiture of businesses, net of cash divested",
     "us-gaap:ProceedsFromDivestitureOfBusinessesNetOfCashDivested"),
    (CF, (), "Proceeds from employee stock purchase plan", "us-gaap:ProceedsFromStockPlans"),
    (CF, (), "Repayment of convertible senior notes", "us-gaap:RepaymentsOfConvertibleDebt"),
    (OPS, ("Net income attributable to common stockholders",), "Diluted",
     "us-gaap:NetIncomeLossAvailableToCommonStockholdersDiluted"),
    (OPS, ("Operating expenses",), "Product development", "us-gaap:ResearchAndDevelopmentExpense"),
    (BS, ("Stockholders' deficit",), "Total stockholders' deficit", "us-gaap:StockholdersEquity"),
    (OPS, ("Expenses",), "Total expenses", "us-gaap:CostsAndExpenses"),
    (OPS, (), "Pre-tax income from continuing operations",
     "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"),
    (OPS, (), "Provision for taxes", "us-gaap:IncomeTaxExpenseBenefit"),
    # "tax" and "loss" in the singular (patterns once read "taxes?" and "losses?")
    (BS, ("Current liabilities",), "Income tax payable", "us-gaap:AccruedIncomeTaxesCurrent"),
    (OPS, ("Non-interest income",), "Net loss on investment securities", "us-gaap:DebtSecuritiesRealizedGainLoss"),
    (OPS, (), "Foreign exchange gain (loss), net", "us-gaap:ForeignCurrencyTransactionGainLossBeforeTax"),
    (BS, ("Stockholders' equity",), "Accumulated other comprehensive (loss) gain",
     "us-gaap:AccumulatedOtherComprehensiveIncomeLossNetOfTax"),
    (CF, (), "Payments on finance lease liabilities", "us-gaap:FinanceLeasePrincipalPayments"),
    (CF, CHANGES, "Accrued payroll and related costs", "us-gaap:IncreaseDecreaseInEmployeeRelatedLiabilities"),
    (CF, CHANGES, "Income taxes payable", "us-gaap:IncreaseDecreaseInAccruedIncomeTaxesPayable"),
    (BS, ("Assets", "Current assets"), "Deferred commissions, current", "us-gaap:CapitalizedContractCostNetCurrent"),
    (BS, ("Assets",), "Deferred commissions, net of current portion", "us-gaap:CapitalizedContractCostNetNoncurrent"),
    # a total read as its heading names it
    (OPS, ("Earnings per share of common stock:", "Basic:"), "Total", "us-gaap:EarningsPerShareBasic"),
    (OPS, ("Earnings per share of common stock:", "Assuming dilution:"), "Total", "us-gaap:EarningsPerShareDiluted"),
    (OPS, ("Weighted-average number of common shares outstanding: (millions)",), "Assuming dilution",
     "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding"),
    (OPS, (), "Assuming dilution", None),  # needs its heading
    (OPS, ("Operating expenses:",), "Total", "us-gaap:OperatingExpenses"),
    (BS, ("Assets", "Current assets:"), "Total", "us-gaap:AssetsCurrent"),
    (OPS, ("Made-up charges:",), "Total", None),
])
def test_table_reads_wordings_of_many_companies(kind, section, label, concept):
    match = match_line_item(concept_table(), kind, item(label, "1", section=section))
    assert (match.entry.concept if match.entry else None) == concept


def _concepts(kind, labels):
    rows = [item(label, value, value) for label, value in labels]
    mapped = map_release(release(statement(kind, rows, periods=Q_PERIODS)), concept_table(),
                         EntityId(cik="0000000001", name="Harrowgate Mills"))
    return {d.label: d.concept for d in mapped.decisions}


def test_comprehensive_income_includes_noncontrolling_interests_when_their_share_is_taken_out():
    with_nci = _concepts(CI, [("Net income", "10"), ("Comprehensive income", "12"),
                              ("Comprehensive income attributable to noncontrolling interests", "2"),
                              ("Comprehensive income attributable to Harrowgate Mills", "10")])
    assert with_nci["Comprehensive income"] == (
        "us-gaap:ComprehensiveIncomeNetOfTaxIncludingPortionAttributableToNoncontrollingInterest")
    assert with_nci["Comprehensive income attributable to Harrowgate Mills"] == "us-gaap:ComprehensiveIncomeNetOfTax"
    alone = _concepts(CI, [("Net income", "10"), ("Comprehensive income", "12")])
    assert alone["Comprehensive income"] == "us-gaap:ComprehensiveIncomeNetOfTax"


def test_total_in_cents_under_basic_is_earnings_per_share_when_the_per_share_heading_is_lost():
    table = concept_table()
    per_share = match_line_item(table, OPS, item("Total", "1.65", "0.30", section=("Basic:",)))
    assert per_share.entry and per_share.entry.concept == "us-gaap:EarningsPerShareBasic"
    dollars = match_line_item(table, OPS, item("Total", "432,552", "75,455", section=("Basic:",)))
    assert dollars.entry is None or dollars.entry.concept != "us-gaap:EarningsPerShareBasic"


def test_pension_gain_in_other_comprehensive_income_is_stored_negative_hedge_gain_positive():
    # the pension element is "Other comprehensive (income) loss" (debit): a gain printed 12 is -12
    rows = [statement(CI, [item("Net income", "100", "90"),
                           item("Pension and other postretirement benefit plans, net of tax", "12", "(3)"),
                           item("Cash flow hedges, net of tax", "5", "(2)"),
                           item("Comprehensive income", "117", "85")])]
    mapped = map_release(release(*rows), concept_table(), EntityId(cik="0009990001", name="Made Up"))
    values = {(f.concept, f.period.end.year, f.period.end.month): f.value for f in mapped.facts}
    pension = "us-gaap:OtherComprehensiveIncomeLossPensionAndOtherPostretirementBenefitPlansAdjustmentNetOfTax"
    hedges = "us-gaap:OtherComprehensiveIncomeLossCashFlowHedgeGainLossAfterReclassificationAndTax"
    first, second = sorted({(y, m) for (c, y, m) in values if c == pension}, reverse=True)
    assert values[(pension, *first)] == -12000 and values[(pension, *second)] == 3000
    assert values[(hedges, *first)] == 5000 and values[(hedges, *second)] == -2000


def test_vocabulary_opening_and_closing_balance_of_one_label_is_no_match():
    concept = "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"
    lines = tuple(MapLine("cash cash equivalents and restricted cash", CF, (), concept, Sign.AS_PRINTED,
                          "monetaryItemType", "instant", opening=opening) for opening in (True, False))
    assert LineMap(lines=lines).match(CF, _row("Cash, cash equivalents and restricted cash at September 30"),
                                      strict=True) is None


def test_loss_gain_wording_stores_a_printed_loss_negative_in_a_gain_concept():
    # "Loss (gain) on early extinguishment of debt" printed 235 (a loss) and (1) (a gain)
    rows = [statement(OPS, [item("Loss (gain) on early extinguishment of debt", "235", "(1)")])]
    mapped = map_release(release(*rows), concept_table(), EntityId(cik="0009990001", name="Made Up"))
    values = sorted(f.value for f in mapped.facts if f.concept == "us-gaap:GainsLossesOnExtinguishmentOfDebt")
    assert values == [-235000, 1000]
    printed_as_gain = [statement(OPS, [item("Gain (loss) on extinguishment of debt", "235", "(1)")])]
    mapped = map_release(release(*printed_as_gain), concept_table(), EntityId(cik="0009990001", name="Made Up"))
    assert sorted(f.value for f in mapped.facts if f.concept == "us-gaap:GainsLossesOnExtinguishmentOfDebt") == [
        -1000, 235000]


def test_vocabulary_one_word_line_needs_a_heading_in_common():
    """ "Other" that one company tags under "Operating expenses:" is not "Other" under "Interest
    expense:" or "Revenues:" of another release (Vycor's other interest expense had become an
    operating expense)."""
    vocabulary = LineMap(lines=(_line("other", "us-gaap:OtherCostAndExpenseOperating", statement=OPS,
                                      section=("Operating expenses:",)),))
    assert vocabulary.match(OPS, _row("Other", ("Interest expense",)), strict=True) is None
    found = vocabulary.match(OPS, _row("Other", ("Operating expenses",)), strict=True)
    assert found and found.line.concept == "us-gaap:OtherCostAndExpenseOperating"
