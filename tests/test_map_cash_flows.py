"""Statements of cash flows and comprehensive income: label matching, signs, beginning cash,
their checks; 52/53-week fiscal calendars."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from decimal import Decimal

import pytest

from converter.checks import run_checks, weight
from converter.concepts import concept_table
from converter.extract import extract_text
from converter.extract.headers import Seg, fiscal_calendar, resolve_periods
from converter.extract.titles import title_kind
from converter.map import EntityId, map_release, match_line_item
from converter.model import Period, SourceRef, Statement, StatementKind
from modelkit import THOUSANDS, item, release, statement

CF, CI, OPS, BS = (StatementKind.CASH_FLOWS, StatementKind.COMPREHENSIVE_INCOME, StatementKind.OPERATIONS,
                   StatementKind.BALANCE_SHEET)
OP = ("Cash flows from operating activities",)
CHG = ("Changes in operating assets and liabilities",)
INV = ("Cash flows from investing activities",)
FIN = ("Cash flows from financing activities",)
OCI = ("Other comprehensive income (loss), net of tax",)
ENTITY = EntityId(cik="0009990020", name="Made Up Corp")
G = "us-gaap:"


def test_purchases_beside_maturities_printed_apart_are_available_for_sale():
    """Sales and maturities printed apart are the available-for-sale disclosure, and so are the
    purchases printed with them; with one combined proceeds line, purchases stay general."""
    apart = statement(CF, [item("Purchases of marketable securities", "(5,214)", "(3,160)", section=INV),
                           item("Sales of marketable securities", "1,204", "989", section=INV),
                           item("Maturities of marketable securities", "2,870", "1,902", section=INV)])
    mapped = map_release(release(apart), concept_table(), ENTITY)
    concepts = {f.label: f.concept for f in mapped.facts if f.statement is CF}
    assert concepts["Purchases of marketable securities"] == G + "PaymentsToAcquireAvailableForSaleSecuritiesDebt"
    assert concepts["Sales of marketable securities"] == G + "ProceedsFromSaleOfAvailableForSaleSecuritiesDebt"
    assert concepts["Maturities of marketable securities"] == G + "ProceedsFromMaturitiesPrepaymentsAndCallsOfAvailableForSaleSecurities"
    together = statement(CF, [item("Purchases of investments", "(5,214)", "(3,160)", section=INV),
                              item("Proceeds from maturities and sales of investments", "4,074", "2,891", section=INV)])
    mapped = map_release(release(together), concept_table(), ENTITY)
    concepts = {f.label: f.concept for f in mapped.facts if f.statement is CF}
    assert concepts["Purchases of investments"] == G + "PaymentsToAcquireInvestments"
    assert concepts["Proceeds from maturities and sales of investments"] == G + "ProceedsFromSaleMaturityAndCollectionsOfInvestments"


@pytest.mark.parametrize(("kind", "section", "label", "concept"), [
    (CF, OP, "Net income", "NetIncomeLoss"),
    (CF, ("Cash flows from investing activities:",), "Payment of contingent consideration",
     "PaymentForContingentConsiderationLiabilityInvestingActivities"),
    (CF, ("Cash flows from financing activities:",), "Payments of contingent consideration",
     "PaymentForContingentConsiderationLiabilityFinancingActivities"),
    (CF, ("Cash flows from investing activities:",), "Proceeds from sale of investment",
     "ProceedsFromSaleMaturityAndCollectionsOfInvestments"),
    (CF, FIN, "Proceeds from equity offerings", "ProceedsFromIssuanceOrSaleOfEquity"),
    (CF, FIN, "Stock issuance costs", "PaymentsOfStockIssuanceCosts"),
    (CF, FIN, "Loan repayments", "RepaymentsOfDebt"),
    (CF, FIN, "Proceeds from term loan", "ProceedsFromIssuanceOfLongTermDebt"),
    (CF, (), "Effect of foreign exchange on cash", "EffectOfExchangeRateOnCashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"),
    (CF, FIN, "Proceeds from issuance of long-term debt, net of original issuance discount", "ProceedsFromIssuanceOfLongTermDebt"),
    (CF, FIN, "Payments for taxes related to net share settlement of equity awards",
     "PaymentsRelatedToTaxWithholdingForShareBasedCompensation"),
    (CF, OP, "Non-cash stock-based compensation expense", "ShareBasedCompensation"),
    (CF, OP, "Net loss", "NetIncomeLoss"),
    (CI, (), "Net income (loss)", "NetIncomeLoss"),
    (CI, (), "Total comprehensive earnings", "ComprehensiveIncomeNetOfTax"),
    (CI, (), "Comprehensive earnings (loss)", "ComprehensiveIncomeNetOfTax"),
    (CF, ("Adjustments to reconcile net income to net cash provided by operating activities",),
     "Depreciation and amortization", "DepreciationDepletionAndAmortization"),
    (CF, OP, "Stock-based compensation", "ShareBasedCompensation"),
    (CF, OP, "Share-based compensation expense", "ShareBasedCompensation"),
    (CF, OP, "Deferred income taxes", "DeferredIncomeTaxExpenseBenefit"),
    (CF, CHG, "Accounts receivable", "IncreaseDecreaseInAccountsReceivable"),
    (CF, CHG, "Accounts receivable, net", "IncreaseDecreaseInAccountsReceivable"),
    (CF, CHG, "Inventories", "IncreaseDecreaseInInventories"),
    (CF, CHG, "Prepaid expenses and other current assets", "IncreaseDecreaseInPrepaidDeferredExpenseAndOtherAssets"),
    (CF, CHG, "Accounts payable", "IncreaseDecreaseInAccountsPayable"),
    (CF, CHG, "Accrued expenses", "IncreaseDecreaseInAccruedLiabilities"),
    (CF, CHG, "Deferred revenue", "IncreaseDecreaseInContractWithCustomerLiability"),
    (CF, CHG, "Net cash provided by operating activities", "NetCashProvidedByUsedInOperatingActivities"),
    (CF, CHG, "Net cash provided by (used in) operating activities", "NetCashProvidedByUsedInOperatingActivities"),
    (CF, INV, "Purchases of property and equipment", "PaymentsToAcquirePropertyPlantAndEquipment"),
    (CF, FIN, "Payments of contingent consideration liabilities",
     "PaymentForContingentConsiderationLiabilityFinancingActivities"),
    (CF, OP, "Payments of contingent consideration liabilities",
     "PaymentForContingentConsiderationLiabilityOperatingActivities"),
    (CF, OP, "Change in fair value of contingent consideration liabilities", None),
    # "other" lines by their heading: the rest of the adjustments, of the changes, of an activity
    (CF, OP + ("Adjustments to reconcile net income to net cash provided by operating activities:",), "Other, net",
     "OtherNoncashIncomeExpense"),
    (CF, OP + ("Noncash items:",), "Other", "OtherNoncashIncomeExpense"),
    (CF, OP + CHG, "Other", "IncreaseDecreaseInOtherOperatingCapitalNet"),
    (CF, CHG, "Net change in other assets and liabilities", "IncreaseDecreaseInOtherOperatingCapitalNet"),
    (CF, CHG, "Other current assets", "IncreaseDecreaseInOtherCurrentAssets"),
    (CF, CHG, "Other current liabilities", "IncreaseDecreaseInOtherCurrentLiabilities"),
    (CF, CHG, "Other long-term liabilities", "IncreaseDecreaseInOtherNoncurrentLiabilities"),
    (CF, CHG, "Other non-current assets and liabilities", "IncreaseDecreaseInOtherNoncurrentAssetsAndLiabilitiesNet"),
    # an investing heading read below the operating one (the release's headings nest): still investing
    (CF, OP + INV, "Other, net", "PaymentsForProceedsFromOtherInvestingActivities"),
    (CF, OP + FIN, "Other, net", "ProceedsFromPaymentsForOtherFinancingActivities"),
    (CF, OP, "Other", None),  # no adjustments or changes heading: not guessed
    (CF, INV, "Purchases of property, plant and equipment", "PaymentsToAcquirePropertyPlantAndEquipment"),
    (CF, INV, "Capital expenditures", "PaymentsToAcquirePropertyPlantAndEquipment"),
    (CF, INV, "Capital investments", "PaymentsToAcquirePropertyPlantAndEquipment"),
    (CF, INV, "Purchase of fixed assets", "PaymentsToAcquirePropertyPlantAndEquipment"),
    (CF, FIN, "Repayments of commercial paper", "RepaymentsOfCommercialPaper"),
    (CF, CHG, "Accrued expenses and other", "IncreaseDecreaseInAccruedLiabilities"),
    (CF, CHG, "Accounts receivable, net and other", "IncreaseDecreaseInAccountsReceivable"),
    (CF, OP + CHG, "(Increase)/decrease in Trade and other receivables", "IncreaseDecreaseInAccountsReceivable"),
    (CF, FIN, "Foreign currency effect on cash, cash equivalents, and restricted cash",
     "EffectOfExchangeRateOnCashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"),
    (CF, OP + ("Supplemental cash flow information:", "Cash paid during the periods for:"), "Taxes", "IncomeTaxesPaid"),
    (CF, FIN, "Proceeds from issuance of commercial paper", "ProceedsFromIssuanceOfCommercialPaper"),
    (CF, FIN, "Commercial paper, net", "ProceedsFromRepaymentsOfCommercialPaper"),
    (CF, FIN, "Exercise of employee stock options", "ProceedsFromStockOptionsExercised"),
    (CF, FIN, "Payments related to shares withheld for taxes", "PaymentsRelatedToTaxWithholdingForShareBasedCompensation"),
    (CF, FIN, "Repayments of principal on finance leases", "FinanceLeasePrincipalPayments"),
    (CF, FIN, "Payments of dividends to stockholders", "PaymentsOfDividends"),
    (CF, INV, "Investment in marketable securities", "PaymentsToAcquireInvestments"),
    (CF, INV, "Purchases of marketable securities and other investments", "PaymentsToAcquireInvestments"),
    (CF, INV, "Proceeds from disposition of marketable securities and other investments",
     "ProceedsFromSaleMaturityAndCollectionsOfInvestments"),
    (CF, INV, "Proceeds from investments", "ProceedsFromSaleMaturityAndCollectionsOfInvestments"),
    (CF, INV, "Proceeds from sales of investments", "ProceedsFromSaleOfAvailableForSaleSecuritiesDebt"),  # as before
    (CF, INV, "Proceeds from sales and redemption of marketable securities", "ProceedsFromSaleMaturityAndCollectionsOfInvestments"),
    (CF, OP, "Amortization of premium and accretion of discount on marketable securities, net",
     "AccretionAmortizationOfDiscountsAndPremiumsInvestments"),
    (CF, OP, "Restructuring and other charges", "RestructuringCharges"),
    (CF, ("Change in operating assets and liabilities:",), "Trade receivables, net", "IncreaseDecreaseInAccountsReceivable"),
    (CF, ("Change in operating assets and liabilities:",), "Trade payables", "IncreaseDecreaseInAccountsPayable"),
    (CF, ("Change in operating assets and liabilities:",), "Employees and payroll accruals",
     "IncreaseDecreaseInEmployeeRelatedLiabilities"),
    (CF, ("Supplemental cash flow information:",), "Cash refunds from income taxes", "ProceedsFromIncomeTaxRefunds"),
    (CF, ("Reconciliation of cash, cash equivalents, and restricted cash equivalents",),
     "Total cash, cash equivalents, and restricted cash equivalents", "CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"),
    (CF, OP, "Non-cash lease expense", "OperatingLeaseRightOfUseAssetAmortizationExpense"),
    (CF, OP, "Amortization of operating lease right-of-use assets", "OperatingLeaseRightOfUseAssetAmortizationExpense"),
    (CF, OP, "Amortization of deferred finance charges", "AmortizationOfFinancingCostsAndDiscounts"),
    (CF, OP, "Amortization of intangibles", "AmortizationOfIntangibleAssets"),
    (CF, OP, "Change in fair value of warrant liability", "FairValueAdjustmentOfWarrants"),
    (CF, OP, "Credit loss expense", "ProvisionForLoanLeaseAndOtherLosses"),
    (CF, FIN, "Principal repayments of finance leases", "FinanceLeasePrincipalPayments"),
    (CF, FIN, "Dividends paid on preferred shares", "PaymentsOfDividendsPreferredStockAndPreferenceStock"),
    (CF, FIN, "Dividends paid", "PaymentsOfDividends"),
    (CF, OP + ("Supplemental disclosures:",), "Cash paid during the period for income taxes", "IncomeTaxesPaid"),
    (CF, OP + ("Supplemental disclosures:",), "Cash paid for interest on debt, net of capitalized interest", "InterestPaidNet"),
    (CF, CHG, "Deferred income", "IncreaseDecreaseInContractWithCustomerLiability"),
    # income taxes among the changes: the one line for all of them, or receivable and payable netted
    (CF, OP + CHG, "Income taxes", "IncreaseDecreaseInIncomeTaxes"),
    (CF, OP + CHG, "Income taxes receivable, payable and deferred", "IncreaseDecreaseInIncomeTaxes"),
    (CF, OP + CHG, "Income taxes receivable and payable, net", "IncreaseDecreaseInIncomeTaxesPayableNetOfIncomeTaxesReceivable"),
    (CF, OP + CHG, "Income tax assets and liabilities, net", "IncreaseDecreaseInIncomeTaxesPayableNetOfIncomeTaxesReceivable"),
    (CF, OP + CHG, "Income taxes payable", "IncreaseDecreaseInAccruedIncomeTaxesPayable"),
    (CF, OP + ("Supplemental cash flow information:", "Cash paid for:"), "Income taxes", "IncomeTaxesPaid"),
    (CF, OP + CHG, "Pension and other postretirement plans", "IncreaseDecreaseInPensionAndPostretirementObligations"),
    (CF, INV, "Purchases of short-term investments", "PaymentsToAcquireInvestments"),
    # sales and maturities printed apart are the available-for-sale disclosure; together, the general concept
    (CF, INV, "Maturities of short-term investments", "ProceedsFromMaturitiesPrepaymentsAndCallsOfAvailableForSaleSecurities"),
    (CF, INV, "Sales of marketable securities", "ProceedsFromSaleOfAvailableForSaleSecuritiesDebt"),
    (CF, INV, "Proceeds from maturities and sales of investments", "ProceedsFromSaleMaturityAndCollectionsOfInvestments"),
    (CF, INV, "Sales and maturities of investment securities", "ProceedsFromSaleMaturityAndCollectionsOfInvestments"),
    (CF, INV, "Purchases of investment securities available-for-sale", "PaymentsToAcquireAvailableForSaleSecuritiesDebt"),
    # a working-capital line worded as its change
    (CF, OP + ("Changes in assets and liabilities, net of effects from acquisitions:",), "Increase in accounts receivable",
     "IncreaseDecreaseInAccountsReceivable"),
    (CF, CHG, "(Increase) decrease in inventories", "IncreaseDecreaseInInventories"),
    (CF, CHG, "(Increase)/Decrease in other current and non-current assets", "IncreaseDecreaseInOtherOperatingAssets"),
    (CF, CHG, "Decrease in other current and non-current liabilities", "IncreaseDecreaseInOtherOperatingLiabilities"),
    (CF, ("Adjustments to reconcile net income to net cash provided by operating activities:",), "Other non-cash items",
     "OtherNoncashIncomeExpense"),
    (CF, ("Cash flows - operating activities:", "Non-cash items -"), "Other charges and credits, net", "OtherNoncashIncomeExpense"),
    (CF, FIN, "Dividends", "PaymentsOfDividends"),
    (CF, FIN, "Issuances of stock", "ProceedsFromIssuanceOfCommonStock"),
    (CF, ("Adjustments to reconcile net income to net cash provided by operating activities:",),
     "Changes in operating assets and liabilities, net of acquisitions/divestitures", "IncreaseDecreaseInOperatingCapital"),
    (CF, FIN, "Payment of debt", "RepaymentsOfDebt"),
    (CF, FIN, "Debt issued (Note 14)", "ProceedsFromIssuanceOfLongTermDebt"),
    (CF, INV, "Proceeds from sales and maturities of marketable securities",
     "ProceedsFromSaleMaturityAndCollectionsOfInvestments"),
    (CF, INV, "Net cash used in investing activities", "NetCashProvidedByUsedInInvestingActivities"),
    (CF, FIN, "Proceeds from issuance of common stock", "ProceedsFromIssuanceOfCommonStock"),
    (CF, FIN, "Proceeds from exercise of stock options", "ProceedsFromStockOptionsExercised"),
    (CF, FIN, "Proceeds from the exercise of employee stock options", "ProceedsFromStockOptionsExercised"),
    (CF, CHG, "Prepaid expense and other current assets", "IncreaseDecreaseInPrepaidDeferredExpenseAndOtherAssets"),
    (CF, (), "Balance of cash and cash equivalents at beginning of period",
     "CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"),
    (CF, FIN, "Repayments of long-term debt", "RepaymentsOfLongTermDebt"),
    (CF, FIN, "Repayments of debt", "RepaymentsOfDebt"),
    (CF, FIN, "Repurchases of common stock", "PaymentsForRepurchaseOfCommonStock"),
    (CF, FIN, "Dividends paid", "PaymentsOfDividends"),
    (CF, FIN, "Net cash provided by (used in) financing activities", "NetCashProvidedByUsedInFinancingActivities"),
    (CF, FIN, "Effect of exchange rate changes on cash and cash equivalents",
     "EffectOfExchangeRateOnCashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"),
    (CF, (), "Net increase (decrease) in cash and cash equivalents",
     "CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsPeriodIncreaseDecreaseIncludingExchangeRateEffect"),
    (CF, (), "Cash and cash equivalents at beginning of period", "CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"),
    (CF, (), "Cash, cash equivalents and restricted cash, end of year",
     "CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"),
    (CI, OCI, "Foreign currency translation adjustments",
     "OtherComprehensiveIncomeLossForeignCurrencyTransactionAndTranslationAdjustmentNetOfTax"),
    (CI, OCI, "Unrealized gains (losses) on available-for-sale securities",
     "OtherComprehensiveIncomeUnrealizedHoldingGainLossOnSecuritiesArisingDuringPeriodNetOfTax"),
    (CI, OCI, "Total other comprehensive income (loss)", "OtherComprehensiveIncomeLossNetOfTax"),
    (CI, (), "Other comprehensive loss, net of tax", "OtherComprehensiveIncomeLossNetOfTax"),
    (CI, (), "Comprehensive income", "ComprehensiveIncomeNetOfTax"),
    (CI, (), "Comprehensive income (loss)", "ComprehensiveIncomeNetOfTax"),
    # working-capital lines only under an operating heading; balance-sheet rows stay balance-sheet
    (CF, INV, "Inventories", None),
    (BS, ("ASSETS", "Current assets"), "Inventories", "InventoryNet"),
    # printed under a statement of operations (one of comprehensive income opening with revenue)
    (OPS, (), "Comprehensive income", "ComprehensiveIncomeNetOfTax"),
    # the cash of continuing operations is one part of the balance, not the balance (Johnson & Johnson)
    (CF, (), "Cash and cash equivalents from continuing operations, beginning of period", None),
    (CF, (), "Cash and cash equivalents from discontinued operations, end of period", None),
    (CF, (), "Cash and cash equivalents, beginning of year (Note 1)", "CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"),
])
def test_cash_flow_and_comprehensive_income_labels(kind, section, label, concept):
    match = match_line_item(concept_table(), kind, item(label, "1", section=section))
    assert (match.entry.concept if match.entry else None) == (G + concept if concept else None)


H1 = (Period(start=date(2024, 1, 1), end=date(2024, 6, 30)), Period(start=date(2023, 1, 1), end=date(2023, 6, 30)))


def cash_flows(**changes: str) -> Statement:
    v = {"ar": "(1,800)", "ppe": "(2,500)", "op": "6,700", "end": "29,000"} | changes
    return statement(CF, [
        item("Net income", "6,000", "2,700", section=OP),
        item("Depreciation and amortization", "2,400", "2,100", section=OP),
        item("Accounts receivable", v["ar"], "(900)", section=CHG),
        item("Accounts payable", "100", "(500)", section=CHG),
        item("Net cash provided by operating activities", v["op"], "3,400", section=CHG),
        item("Purchases of property and equipment", v["ppe"], "(1,900)", section=INV),
        item("Net cash used in investing activities", "(2,500)", "(1,900)", section=INV),
        item("Proceeds from issuance of common stock", "700", "500", section=FIN),
        item("Net cash provided by financing activities", "700", "500", section=FIN),
        item("Effect of exchange rate changes on cash", "(100)", "50", section=FIN),
        item("Net increase in cash and cash equivalents", "4,800", "2,050"),
        item("Cash and cash equivalents at beginning of period", "24,200", "21,000"),
        item("Cash and cash equivalents at end of period", v["end"], "23,050"),
    ], periods=H1)


def _facts(mapped, concept):
    return {f.period: f.value for f in mapped.facts if f.concept == G + concept}


def test_signs_and_beginning_cash_at_the_day_before_the_period():
    mapped = map_release(release(cash_flows()), concept_table(), ENTITY)
    h1 = H1[0]
    assert _facts(mapped, "IncreaseDecreaseInAccountsReceivable")[h1] == Decimal("1800000")  # printed (1,800)
    assert _facts(mapped, "IncreaseDecreaseInAccountsPayable")[h1] == Decimal("100000")
    assert _facts(mapped, "PaymentsToAcquirePropertyPlantAndEquipment")[h1] == Decimal("2500000")
    assert _facts(mapped, "NetCashProvidedByUsedInInvestingActivities")[h1] == Decimal("-2500000")
    cash = _facts(mapped, "CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents")
    assert cash == {Period(end=date(2023, 12, 31)): Decimal("24200000"), Period(end=date(2022, 12, 31)): Decimal("21000000"),
                    Period(end=date(2024, 6, 30)): Decimal("29000000"), Period(end=date(2023, 6, 30)): Decimal("23050000")}


@pytest.mark.parametrize(("opening", "closing", "opened_on"), [
    # a 10-Q's year to date: the first day of the period names the opening balance
    ("Cash, cash equivalents and restricted cash at January 1", "Cash, cash equivalents and restricted cash at June 30",
     date(2023, 12, 31)),
    # the day before the period starts ("at December 31"), with or without its year
    ("Cash and cash equivalents at December 31", "Cash and cash equivalents at June 30", date(2023, 12, 31)),
    ("Cash and cash equivalents as of December 31, 2023", "Cash and cash equivalents as of June 30, 2024",
     date(2023, 12, 31)),
])
def test_cash_balances_at_a_named_date_open_or_close_the_period(opening, closing, opened_on):
    dated = cash_flows()
    rows = list(dated.items)
    rows[-2] = item(opening, "24,200", "21,000")
    rows[-1] = item(closing, "29,000", "23,050")
    mapped = map_release(release(statement(CF, rows, periods=H1)), concept_table(), ENTITY)
    cash = _facts(mapped, "CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents")
    assert cash[Period(end=opened_on)] == Decimal("24200000")
    assert cash[Period(end=date(2024, 6, 30))] == Decimal("29000000")
    assert _check(statement(CF, rows, periods=H1)) == ()


def test_cash_at_the_year_end_named_in_an_annual_statement_is_the_closing_balance():
    year = (Period(start=date(2024, 1, 1), end=date(2024, 12, 31)),)
    rows = [item("Net increase in cash", "100"), item("Cash at January 1", "900"), item("Cash at December 31", "1,000")]
    mapped = map_release(release(statement(CF, rows, periods=year)), concept_table(), ENTITY)
    cash = _facts(mapped, "CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents")
    assert cash == {Period(end=date(2023, 12, 31)): Decimal("900000"), Period(end=date(2024, 12, 31)): Decimal("1000000")}


RESTRICTED = "Cash, cash equivalents and restricted cash at end of period"
RECONCILIATION = ("Reconciliation of cash, cash equivalents and restricted cash to the balance sheet",)


@pytest.mark.parametrize("closing", [
    # the reconciliation printed under the closing balance (Coca-Cola, Boeing)
    [item(RESTRICTED, "29,000", "23,050"),
     item("Less: restricted cash and restricted cash equivalents at end of period", "1,500", "1,050"),
     item("Cash and cash equivalents at end of period", "27,500", "22,000")],
    # the same lines above it
    [item("Cash and cash equivalents, end of period", "27,500", "22,000"),
     item("Restricted cash, end of period", "1,500", "1,050"),
     item(RESTRICTED, "29,000", "23,050")],
    # a section of its own under the closing balance, the lines named as the balance sheet names them (Union Pacific)
    [item(RESTRICTED, "29,000", "23,050"),
     item("Cash and cash equivalents", "27,500", "22,000", section=RECONCILIATION),
     item("Restricted cash in other current assets", "1,500", "1,050", section=RECONCILIATION),
     item("Total cash, cash equivalents and restricted cash", "29,000", "23,050", section=RECONCILIATION)],
])
def test_cash_reconciled_to_the_balance_sheet_is_its_cash_line(closing):
    """The issue's "Cash and cash equivalents in a cash-flow reconciliation": it was read as the
    closing balance again, clashed with it, and was left untagged in every period."""
    rows = [*cash_flows().items[:-2], item("Cash, cash equivalents and restricted cash at beginning of period",
                                              "24,200", "21,000"), *closing]
    mapped = map_release(release(statement(CF, rows, periods=H1)), concept_table(), ENTITY)
    assert _facts(mapped, "CashAndCashEquivalentsAtCarryingValue") == {
        Period(end=date(2024, 6, 30)): Decimal("27500000"), Period(end=date(2023, 6, 30)): Decimal("22000000")}
    assert _facts(mapped, "CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents")[
        Period(end=date(2024, 6, 30))] == Decimal("29000000")
    assert not [d for d in mapped.decisions if "conflicts with" in d.rule]
    assert _check(statement(CF, rows, periods=H1)) == ()


def test_cash_at_the_end_with_no_restricted_cash_named_is_the_closing_balance():
    mapped = map_release(release(cash_flows()), concept_table(), ENTITY)
    assert _facts(mapped, "CashAndCashEquivalentsAtCarryingValue") == {}
    assert len(_facts(mapped, "CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents")) == 4


def test_cash_flow_weights_are_us_gaap_calculation_weights():
    t = concept_table()
    op = t.entry(G + "NetCashProvidedByUsedInOperatingActivities")
    inv = t.entry(G + "NetCashProvidedByUsedInInvestingActivities")
    assert weight(CF, op, t.entry(G + "NetIncomeLoss")) == 1
    assert weight(CF, op, t.entry(G + "IncreaseDecreaseInAccountsReceivable")) == -1
    assert weight(CF, op, t.entry(G + "IncreaseDecreaseInAccountsPayable")) == 1
    assert weight(CF, inv, t.entry(G + "PaymentsToAcquirePropertyPlantAndEquipment")) == -1


def _check(*statements):
    return run_checks(map_release(release(*statements), concept_table(), ENTITY), concept_table())


def test_cash_flows_that_add_up_pass():
    assert _check(cash_flows()) == ()


@pytest.mark.parametrize(("change", "failed"), [
    ({"ar": "(1,700)"}, {("check.total", G + "NetCashProvidedByUsedInOperatingActivities")}),
    ({"ppe": "(2,400)"}, {("check.total", G + "NetCashProvidedByUsedInInvestingActivities")}),
    ({"op": "6,600"}, {("check.total", G + "NetCashProvidedByUsedInOperatingActivities"),
                       ("check.total", G + "CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsPeriodIncreaseDecreaseIncludingExchangeRateEffect")}),
    ({"end": "29,100"}, {("check.cash", G + "CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents")}),
])
def test_a_tampered_cash_flow_figure_fails(change, failed):
    messages = _check(cash_flows(**change))
    assert {(m.code, m.concept) for m in messages if m.level.value == "error"} == failed


def test_cash_at_the_end_off_by_its_printed_rounding_is_a_warning():
    """Procter & Gamble, nine months to March 2025: 9,482 at the beginning, a net change of
    (365), 9,116 at the end; each figure rounded to millions on its own."""
    messages = [m for m in _check(cash_flows(end="29,001")) if m.code == "check.cash"]
    assert [m.level.value for m in messages] == ["warning"]
    assert "difference 1000" in messages[0].message


def comprehensive(oci_total: str = "(215)") -> Statement:
    return statement(CI, [
        item("Net income", "1,400", "720"),
        item("Foreign currency translation adjustments", "(260)", "115", section=OCI),
        item("Unrealized gains (losses) on available-for-sale securities", "45", "(30)", section=OCI),
        item("Total other comprehensive income (loss)", oci_total, "85", section=OCI),
        item("Comprehensive income", "1,185", "805"),
    ])


def test_comprehensive_income_checks():
    assert _check(comprehensive()) == ()
    failed = {(m.code, m.concept) for m in _check(comprehensive("(205)")) if m.level.value == "error"}
    assert failed == {("check.total", G + "OtherComprehensiveIncomeLossNetOfTax"), ("check.total", G + "ComprehensiveIncomeNetOfTax")}


@pytest.mark.parametrize(("title", "kind"), [
    ("CONDENSED CONSOLIDATED STATEMENTS OF CASH FLOWS", CF),
    ("Consolidated Statements of Comprehensive Income (Loss)", CI),
    ("STATEMENTS OF OPERATIONS AND COMPREHENSIVE LOSS", OPS),
    ("CONSOLIDATED STATEMENTS OF STOCKHOLDERS' EQUITY", None),
])
def test_titles(title, kind):
    assert title_kind(title) is kind


# ---- 52/53-week calendars -------------------------------------------------------------------

def _periods(*headers: str, kind=OPS) -> tuple[Period, ...]:
    return resolve_periods([[Seg(h, i, i) for i, h in enumerate(headers)]], len(headers), kind, "x")


@pytest.mark.parametrize(("header", "start", "end"), [
    ("Thirteen Weeks Ended April 28, 2024", date(2024, 1, 29), date(2024, 4, 28)),
    ("Fourteen Weeks Ended February 1, 2025", date(2024, 10, 27), date(2025, 2, 1)),
    ("52 Weeks Ended January 28, 2024", date(2023, 1, 30), date(2024, 1, 28)),
    ("Fifty-three weeks ended February 3, 2024", date(2023, 1, 29), date(2024, 2, 3)),
    ("Three Months Ended April 28, 2024", date(2024, 1, 29), date(2024, 4, 28)),  # 13 weeks until better known
    ("Three Months Ended June 30, 2024", date(2024, 4, 1), date(2024, 6, 30)),  # calendar quarter
])
def test_week_and_month_headers(header, start, end):
    assert _periods(header) == (Period(end, start),)


def _st(kind, periods, title="t"):
    return Statement(kind, title, periods, THOUSANDS, (), SourceRef("x", 1))


def test_start_inferred_from_the_prior_fiscal_year_end_with_a_note():
    ops = _st(OPS, _periods("Three Months Ended May 4, 2024", "Three Months Ended April 29, 2023"))
    bs = _st(BS, (Period(date(2024, 5, 4)), Period(date(2024, 2, 3))))
    out_ops, _ = fiscal_calendar([ops, bs])
    assert out_ops.periods == (Period(date(2024, 5, 4), date(2024, 2, 4)), Period(date(2023, 4, 29), date(2023, 1, 29)))
    assert "2024-02-04" in out_ops.notes[0] and "balance-sheet date 2024-02-03" in out_ops.notes[0]
    assert "91 days (13 weeks)" in out_ops.notes[1]


def test_a_month_end_column_on_a_52_53_week_calendar_counts_weeks():
    cf = _st(CF, _periods("Three Months Ended April 28, 2024", "Three Months Ended April 30, 2023", kind=CF))
    bs = _st(BS, (Period(date(2024, 4, 28)), Period(date(2024, 1, 28))))
    out_cf, _ = fiscal_calendar([cf, bs])
    assert out_cf.periods == (Period(date(2024, 4, 28), date(2024, 1, 29)), Period(date(2023, 4, 30), date(2023, 1, 30)))


def test_a_53_week_year_ending_on_a_month_end_starts_the_day_after_the_year_before_it():
    """Apple's fiscal 2023 ran 53 weeks, from September 25, 2022 to September 30, 2023: the
    balance sheet's month-end date had made its start October 1, 2022, though the statement
    prints September 24, 2022, a whole 53 weeks before."""
    years = ("Years ended September 28, 2024", "Years ended September 30, 2023", "Years ended September 24, 2022")
    ops = _st(OPS, _periods(*years))
    bs = _st(BS, (Period(date(2024, 9, 28)), Period(date(2023, 9, 30))))
    out_ops, _ = fiscal_calendar([ops, bs])
    assert out_ops.periods == (Period(date(2024, 9, 28), date(2023, 10, 1)), Period(date(2023, 9, 30), date(2022, 9, 25)),
                               Period(date(2022, 9, 24), date(2021, 9, 26)))
    assert "day after the end of another column 2022-09-24" in out_ops.notes[1]


def test_a_cash_flow_column_headed_fiscal_over_a_year_is_the_fiscal_year():
    """Home Depot's 10-K heads its cash flows "Fiscal" over "2024": the fiscal year, not the
    months to date of an interim statement (it had been read as four weeks)."""
    from converter.extract.headers import ReleaseDates, release_context

    with release_context(ReleaseDates(date(2025, 2, 2), 1)):  # "for the fiscal year ended February 2, 2025"
        periods = resolve_periods([[Seg("Fiscal", 0, 0), Seg("Fiscal", 1, 1)], [Seg("2024", 0, 0), Seg("2023", 1, 1)]],
                                  2, CF, "x")
    assert all(364 <= (p.end - p.start).days + 1 <= 371 for p in periods), periods


def test_calendar_month_releases_are_left_alone():
    ops = _st(OPS, _periods("Three Months Ended June 30, 2024"))
    bs = _st(BS, (Period(date(2024, 6, 30)), Period(date(2023, 12, 31))))
    assert fiscal_calendar([ops, bs]) == [ops, bs]


# ---- fiscal year and period -----------------------------------------------------------------

RETAILER = Path(__file__).parent / "fixtures" / "releases" / "brightwater-outfitters-q1-2024.txt"


@pytest.mark.parametrize(("headline", "year", "focus"), [
    ("First Quarter Fiscal 2024", 2024, "Q1"),
    ("Fiscal 2025 Second Quarter", 2025, "Q2"),
    ("Q3 Fiscal 2024", 2024, "Q3"),
    ("Quarterly", 2024, "Q1"),  # not named: from the dates (fiscal year from January 29, 2024)
])
def test_fiscal_period_from_the_headline_or_the_dates(headline, year, focus):
    text = RETAILER.read_text(encoding="utf-8").replace("First Quarter Fiscal 2024", headline)
    info = extract_text(text, "x.txt").info
    assert (info.fiscal_year_focus, info.fiscal_period_focus) == (year, focus)


@pytest.mark.parametrize(("label", "concept", "printed", "stored"), [
    # gains and losses taken out of net income: a gain printed "(12)" is a gain of 12, a loss
    # added back "5" a loss of 5, whichever word the label puts first
    ("Gain on sale of assets", "GainLossOnDispositionOfAssets", "(12)", "12000"),
    ("(Gain) loss on sale of assets", "GainLossOnDispositionOfAssets", "5", "-5000"),
    ("Loss (gain) on disposal of property and equipment", "GainLossOnSaleOfPropertyPlantEquipment", "(7)", "7000"),
    ("Loss on disposal of property and equipment", "GainLossOnSaleOfPropertyPlantEquipment", "5", "-5000"),
    ("Gain on sale of business", "GainLossOnSaleOfBusiness", "(40)", "40000"),
    ("Provision for doubtful accounts", "ProvisionForDoubtfulAccounts", "3", "3000"),
    ("Bad debt expense", "ProvisionForDoubtfulAccounts", "3", "3000"),
    # income-statement gains and income taken out of net income: the opposite of the printed effect
    ("Equity in earnings of affiliates", "IncomeLossFromEquityMethodInvestments", "(120)", "120000"),
    ("Equity in losses of affiliates", "IncomeLossFromEquityMethodInvestments", "50", "-50000"),
    ("Gain on extinguishment of debt", "GainsLossesOnExtinguishmentOfDebt", "(500)", "500000"),
    ("Loss on extinguishment of debt", "GainsLossesOnExtinguishmentOfDebt", "30", "-30000"),
    ("(Gain) loss on extinguishment of debt", "GainsLossesOnExtinguishmentOfDebt", "(7)", "7000"),
])
def test_gains_and_provisions_among_the_adjustments(label, concept, printed, stored):
    rows = [item("Net income", "100", section=OP), item(label, printed, section=OP + ("Adjustments to reconcile net income",))]
    year = (Period(start=date(2024, 1, 1), end=date(2024, 12, 31)),)
    mapped = map_release(release(statement(CF, rows, periods=year)), concept_table(), ENTITY)
    assert [str(f.value) for f in mapped.facts if f.concept == G + concept] == [stored]


@pytest.mark.parametrize(("section", "label", "concept", "stored"), [
    (CHG, "Income taxes receivable", "IncreaseDecreaseInIncomeTaxesReceivable", "400000"),
    (CHG, "Contract assets", "IncreaseDecreaseInContractWithCustomerAsset", "400000"),
    (CHG, "Unbilled receivables", "IncreaseDecreaseInContractWithCustomerAsset", "400000"),
    (("Right-of-use assets obtained in exchange for lease obligations:",), "Operating leases",
     "RightOfUseAssetObtainedInExchangeForOperatingLeaseLiability", "-400000"),
    (("Right-of-use assets obtained in exchange for lease obligations:",), "Finance leases",
     "RightOfUseAssetObtainedInExchangeForFinanceLeaseLiability", "-400000"),
    (FIN, "Debt issuance costs", "PaymentsOfDebtIssuanceCosts", "400000"),
    (FIN, "Repayments under revolving credit facility", "RepaymentsOfLinesOfCredit", "400000"),
    (FIN, "Repayments of short-term borrowings", "RepaymentsOfShortTermDebt", "400000"),
    (FIN, "Net change in short-term borrowings", "ProceedsFromRepaymentsOfShortTermDebt", "-400000"),
    (INV, "Cash acquired in acquisitions", "CashAcquiredFromAcquisition", "-400000"),
])
def test_working_capital_and_other_lines_printed_400_in_parentheses(section, label, concept, stored):
    year = (Period(start=date(2024, 1, 1), end=date(2024, 12, 31)),)
    mapped = map_release(release(statement(CF, [item(label, "(400)", section=section)], periods=year)),
                         concept_table(), ENTITY)
    assert [str(f.value) for f in mapped.facts if f.concept == G + concept] == [stored]



def test_borrowings_under_a_line_of_credit():
    year = (Period(start=date(2024, 1, 1), end=date(2024, 12, 31)),)
    mapped = map_release(release(statement(CF, [item("Borrowings under revolving credit facility", "250", section=FIN)],
                                           periods=year)), concept_table(), ENTITY)
    assert [str(f.value) for f in mapped.facts if f.concept == G + "ProceedsFromLinesOfCredit"] == ["250000"]


def test_a_payment_printed_without_parentheses_beside_parenthesized_ones_is_cash_received():
    """"Cash paid for acquisitions, net of cash acquired" (18) in one column and 2 in another
    (a quarter where the cash acquired exceeded the price): the parentheses are the figures'
    own signs, 2 is a payment of -2, and the investing total adds up (it was stored as a
    payment of 2 and the check failed)."""
    rows = [item("Capital expenditures", "(255)", "(542)", section=INV),
            item("Cash paid for acquisitions, net of cash acquired", "2", "(18)", section=INV),
            item("Proceeds from sales and maturities of investments", "255", "669", section=INV),
            item("Purchases of investments", "(324)", "(730)", section=INV),
            item("Cash used in investing activities", "(322)", "(621)", section=INV)]
    cf = statement(CF, rows, periods=H1)
    mapped = map_release(release(cf), concept_table(), ENTITY)
    paid = _facts(mapped, "PaymentsToAcquireBusinessesNetOfCashAcquired")
    assert paid == {H1[0]: Decimal("-2000"), H1[1]: Decimal("18000")}  # in thousands
    assert _facts(mapped, "PaymentsToAcquirePropertyPlantAndEquipment")[H1[0]] == Decimal("255000")
    assert _check(cf) == ()


@pytest.mark.parametrize("label", ["Income tax benefit (expense)", "Income tax recovery (expense)",
                                   "(Provision) benefit for income taxes", "Benefit from (provision for) income taxes",
                                   "Income tax (expense) benefit", "Benefit/(provision) for income taxes, net",
                                   "Income tax credit (expense)", "Income tax (expense) credit"])
def test_income_taxes_worded_benefit_first_store_the_expense(label):
    """A row worded benefit first prints the benefit: "(100)" is an expense of 100, "50" a
    benefit of 50 (IncomeTaxExpenseBenefit -50000); "(Provision) benefit" had been stored as printed."""
    rows = [item("Income before income taxes", "900", "400"), item(label, "(100)", "50"),
            item("Net income", "800", "450")]
    ops = statement(OPS, rows)
    mapped = map_release(release(ops), concept_table(), ENTITY)
    tax = {f.period: f.value for f in mapped.facts if f.concept == G + "IncomeTaxExpenseBenefit"}
    assert sorted(tax.values()) == [Decimal("-50000"), Decimal("100000")]
    assert [m for m in _check(ops) if m.level.value == "error"] == []
