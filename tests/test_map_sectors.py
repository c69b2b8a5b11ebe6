"""Banks, insurers and noncontrolling interests: their statement lines in the concept table,
the release-wide choice between ProfitLoss and NetIncomeLoss, the signs of the noncontrolling
share, and two invented releases (a bank and an insurer, both with noncontrolling interests)
converted end to end against reviewed golden fact lists."""

from __future__ import annotations

import json
import os
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from converter.concepts import concept_table, load_concept_table
from converter.errors import ConfigError
from converter.map import EntityId, map_release, match_line_item
from converter.model import DocumentInfo, Period, Release, StatementKind
from converter.pipeline import ConvertOptions, Status, convert_document
from converter.concepts import default_entity_registry_path, load_entity_registry
from modelkit import BS_PERIODS, Q_PERIODS, item, statement

BS, OPS, CF = StatementKind.BALANCE_SHEET, StatementKind.OPERATIONS, StatementKind.CASH_FLOWS
ROOT = Path(__file__).resolve().parents[1]
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "sectors").glob("*.txt"))
GOLDEN = ROOT / "tests" / "golden"
ASSETS, LIAB, DEP, EQ = ("ASSETS",), ("LIABILITIES AND EQUITY",), ("LIABILITIES AND EQUITY", "Deposits"), ("Equity",)
II, IE = ("Interest income",), ("Interest expense",)
NII, NIE = ("Noninterest income",), ("Noninterest expense",)


@pytest.mark.parametrize(("kind", "section", "label", "concept"), [
    # bank statement of condition
    (BS, ASSETS, "Cash and due from banks", "us-gaap:CashAndDueFromBanks"),
    (BS, ASSETS, "Gross loans receivable", "us-gaap:LoansAndLeasesReceivableNetOfDeferredIncome"),
    (BS, ASSETS, "Other real estate owned", "us-gaap:RealEstateAcquiredThroughForeclosure"),
    (BS, ASSETS, "Federal income tax receivable", "us-gaap:IncomeTaxesReceivable"),
    (BS, ASSETS, "Derivative receivables", "us-gaap:DerivativeAssets"),
    (BS, ASSETS, "Securities borrowed", "us-gaap:SecuritiesBorrowed"),
    (BS, ("Liabilities",), "Advances by borrowers for taxes and insurance", "us-gaap:AdvancePaymentsByBorrowersForTaxesAndInsurance"),
    (BS, ("Liabilities",), "Accounts payable and other liabilities", "us-gaap:AccountsPayableAndAccruedLiabilitiesCurrentAndNoncurrent"),
    (BS, ("Liabilities", "Current liabilities"), "Accounts payable and other liabilities", "us-gaap:AccountsPayableAndAccruedLiabilitiesCurrent"),
    (BS, ("Liabilities",), "Accrued expense and other liabilities", "us-gaap:AccruedLiabilitiesAndOtherLiabilities"),
    (BS, ("Liabilities",), "Derivative payables", "us-gaap:DerivativeLiabilities"),
    (BS, ASSETS, "Interest-bearing deposits with the central bank and other banks", "us-gaap:InterestBearingDepositsInBanks"),
    (BS, ASSETS, "Interest-earning deposits with banks", "us-gaap:InterestBearingDepositsInBanks"),
    (BS, ASSETS, "Federal funds sold and securities purchased under agreements to resell",
     "us-gaap:FederalFundsSoldAndSecuritiesPurchasedUnderAgreementsToResell"),
    (BS, ASSETS, "Investment securities available for sale", "us-gaap:AvailableForSaleSecuritiesDebtSecurities"),
    (BS, ASSETS, "Securities held to maturity (fair value $1,020)", "us-gaap:HeldToMaturitySecurities"),
    (BS, ASSETS, "Held-to-maturity, at amortized cost", "us-gaap:HeldToMaturitySecurities"),
    (BS, ASSETS, "Loans held for sale", "us-gaap:LoansReceivableHeldForSaleAmount"),
    (BS, ASSETS, "Loans and leases", "us-gaap:LoansAndLeasesReceivableNetOfDeferredIncome"),
    (BS, ASSETS, "Total loans", "us-gaap:LoansAndLeasesReceivableNetOfDeferredIncome"),
    (BS, ASSETS, "Less allowance for loan losses", "us-gaap:LoansAndLeasesReceivableAllowance"),
    (BS, ASSETS, "Allowance for credit losses", "us-gaap:LoansAndLeasesReceivableAllowance"),
    (BS, ASSETS, "Net loans", "us-gaap:LoansAndLeasesReceivableNetReportedAmount"),
    (BS, ASSETS, "Loans and leases, net of allowance", "us-gaap:LoansAndLeasesReceivableNetReportedAmount"),
    (BS, ASSETS, "Premises and equipment, net", "us-gaap:PropertyPlantAndEquipmentNet"),
    (BS, ASSETS, "Core deposit and other intangible assets", "us-gaap:IntangibleAssetsNetExcludingGoodwill"),
    (BS, ("Assets",), "Total", "us-gaap:Assets"),
    (BS, (), "Total assets", "us-gaap:Assets"),  # no "Assets" heading needed
    (BS, DEP, "Noninterest-bearing", "us-gaap:NoninterestBearingDepositLiabilities"),
    (BS, DEP, "Interest-bearing", "us-gaap:InterestBearingDepositLiabilities"),
    (BS, ASSETS, "Interest-bearing", None),  # not a deposit outside a "Deposits" heading
    (BS, DEP, "Total deposits", "us-gaap:Deposits"),
    (BS, LIAB, "Deposits", "us-gaap:Deposits"),
    (BS, ("Other assets",), "Deposits", None),  # a deposit paid is not a bank's deposits
    (BS, LIAB, "Federal funds purchased and securities sold under agreements to repurchase",
     "us-gaap:FederalFundsPurchasedAndSecuritiesSoldUnderAgreementsToRepurchase"),
    (BS, LIAB, "Short-term borrowings", "us-gaap:ShortTermBorrowings"),
    (BS, LIAB, "Accrued expenses and other liabilities", "us-gaap:AccruedLiabilitiesAndOtherLiabilities"),
    (BS, EQ, "Less treasury stock", "us-gaap:TreasuryStockValue"),
    (BS, EQ, "Common stock held in treasury, at cost", "us-gaap:TreasuryStockCommonValue"),
    (BS, EQ, "Total Made Up Bancorp shareholders' equity", "us-gaap:StockholdersEquity"),
    (BS, EQ, "Total equity", "us-gaap:StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest"),
    (BS, LIAB, "Total liabilities, redeemable convertible preferred stock and stockholders' equity",
     "us-gaap:LiabilitiesAndStockholdersEquity"),
    (BS, LIAB, "Total liabilities and stockholders' deficit", "us-gaap:LiabilitiesAndStockholdersEquity"),
    # bank statement of income
    (OPS, II, "Loans, including fees", "us-gaap:InterestAndFeeIncomeLoansAndLeases"),
    (OPS, II, "Interest and fees on loans and leases", "us-gaap:InterestAndFeeIncomeLoansAndLeases"),
    (OPS, II, "Investment securities", "us-gaap:InterestAndDividendIncomeSecurities"),
    (OPS, II, "Other interest income", "us-gaap:OtherInterestAndDividendIncome"),
    (OPS, (), "Total interest income", "us-gaap:InterestAndDividendIncomeOperating"),
    (OPS, IE, "Deposits", "us-gaap:InterestExpenseDeposits"),
    (OPS, IE, "Interest on long-term debt", "us-gaap:InterestExpenseLongTermDebt"),
    (OPS, IE, "Short-term borrowings", "us-gaap:InterestExpenseShortTermBorrowings"),
    (OPS, (), "Total interest expense", "us-gaap:InterestExpense"),
    (OPS, (), "Net interest income", "us-gaap:InterestIncomeExpenseNet"),
    (OPS, (), "Provision for credit losses", "us-gaap:ProvisionForLoanLeaseAndOtherLosses"),
    (OPS, (), "Provision (benefit) for credit losses", "us-gaap:ProvisionForLoanLeaseAndOtherLosses"),
    (OPS, (), "Net interest income after provision for loan losses", "us-gaap:InterestIncomeExpenseAfterProvisionForLoanLoss"),
    (OPS, NII, "Mortgage banking revenue", "us-gaap:FeesAndCommissionsMortgageBankingAndServicing"),
    (OPS, NII, "Securities gains (losses), net", "us-gaap:DebtSecuritiesRealizedGainLoss"),
    (OPS, NII, "Other", "us-gaap:NoninterestIncomeOtherOperatingIncome"),
    (OPS, NII, "Other income", "us-gaap:NoninterestIncomeOtherOperatingIncome"),
    (OPS, (), "Other income", "us-gaap:OtherNonoperatingIncomeExpense"),  # no bank heading
    (OPS, (), "Total noninterest income", "us-gaap:NoninterestIncome"),
    (OPS, NIE, "Salaries and employee benefits", "us-gaap:LaborAndRelatedExpense"),
    (OPS, NIE, "Personnel expense", "us-gaap:LaborAndRelatedExpense"),
    (OPS, NIE, "Net occupancy expense", "us-gaap:OccupancyNet"),
    (OPS, NIE, "Technology and communications", "us-gaap:CommunicationsAndInformationTechnology"),
    (OPS, NIE, "FDIC insurance", "us-gaap:FederalDepositInsuranceCorporationPremiumExpense"),
    (OPS, NIE, "Other", "us-gaap:OtherNoninterestExpense"),
    (OPS, (), "Total noninterest expense", "us-gaap:NoninterestExpense"),
    (OPS, (), "Applicable income taxes", "us-gaap:IncomeTaxExpenseBenefit"),
    (OPS, (), "Total net revenue", "us-gaap:Revenues"),
    (OPS, (), "Total revenue, net of interest expense", "us-gaap:Revenues"),
    (OPS, ("Revenues",), "Total", "us-gaap:Revenues"),
    (OPS, ("Revenues",), "Finance income", "us-gaap:InterestAndDividendIncomeOperating"),
    # insurers
    (OPS, (), "Net premiums earned", "us-gaap:PremiumsEarnedNet"),
    (OPS, (), "Net investment income", "us-gaap:NetInvestmentIncome"),
    (OPS, (), "Losses and loss adjustment expenses", "us-gaap:PolicyholderBenefitsAndClaimsIncurredNet"),
    (OPS, (), "Amortization of deferred policy acquisition costs", "us-gaap:DeferredPolicyAcquisitionCostAmortizationExpense"),
    (BS, LIAB, "Unpaid losses and loss adjustment expenses", "us-gaap:LiabilityForClaimsAndClaimsAdjustmentExpense"),
    (BS, LIAB, "Unearned premiums", "us-gaap:UnearnedPremiums"),
    (BS, ASSETS, "Deferred policy acquisition costs", "us-gaap:DeferredPolicyAcquisitionCosts"),
    # noncontrolling interests and the company's share
    (OPS, (), "Net (income) loss attributable to noncontrolling interests",
     "us-gaap:NetIncomeLossAttributableToNoncontrollingInterest"),
    (OPS, (), "Less: Net income attributable to noncontrolling interest",
     "us-gaap:NetIncomeLossAttributableToNoncontrollingInterest"),
    (OPS, ("Earnings",), "Noncontrolling interests", "us-gaap:NetIncomeLossAttributableToNoncontrollingInterest"),
    (OPS, (), "Net income attributable to Made Up Corp.", "us-gaap:NetIncomeLoss"),
    (OPS, (), "Net income available to the bank holding company", "us-gaap:NetIncomeLoss"),
    (OPS, (), "Net income excluding noncontrolling interests", "us-gaap:NetIncomeLoss"),
    (OPS, (), "Net income including noncontrolling interests", "us-gaap:ProfitLoss"),
    (OPS, (), "Net income applicable to Made Up common shareholders", "us-gaap:NetIncomeLossAvailableToCommonStockholdersBasic"),
    (OPS, (), "Net income available to common stockholders", "us-gaap:NetIncomeLossAvailableToCommonStockholdersBasic"),
    (OPS, (), "Preferred stock dividends and other", "us-gaap:PreferredStockDividendsAndOtherAdjustments"),
    (OPS, (), "Other comprehensive income", None),
    # per-share lines, also when worded as income lines under a per-share heading
    (OPS, (), "Earnings per share - diluted", "us-gaap:EarningsPerShareDiluted"),
    (OPS, (), "Earnings per diluted share", "us-gaap:EarningsPerShareDiluted"),
    (OPS, (), "Diluted earnings per common share - as reported", "us-gaap:EarningsPerShareDiluted"),
    (OPS, (), "Basic and diluted loss per share", "us-gaap:EarningsPerShareBasicAndDiluted"),
    (OPS, (), "Earnings per common share", "us-gaap:EarningsPerShareBasic"),
    (OPS, ("Per common share - assuming dilution",), "Net income attributable to Made Up common shareholders",
     "us-gaap:EarningsPerShareDiluted"),
    (OPS, ("Net income (loss) per share - diluted",), "Net loss", "us-gaap:EarningsPerShareDiluted"),
    (OPS, ("Weighted-average shares used in computing net income per share",), "Diluted",
     "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding"),
    (OPS, (), "Average diluted common shares outstanding", "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding"),
    (OPS, (), "Number of shares used to compute diluted earnings per share",
     "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding"),
    (OPS, (), "Dividends declared per common share", "us-gaap:CommonStockDividendsPerShareDeclared"),
    # general lines in other wordings
    (OPS, (), "Net income (loss) before provision (benefit) for income taxes",
     "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"),
    (OPS, (), "Total other income, net", "us-gaap:NonoperatingIncomeExpense"),
    (BS, ("Current assets",), "Cash & cash equivalents", "us-gaap:CashAndCashEquivalentsAtCarryingValue"),
    (BS, ("Current assets",), "Restricted cash, current", "us-gaap:RestrictedCashCurrent"),
    # a partnership's per-unit lines (a pipeline partnership's release)
    (OPS, ("NET INCOME/(LOSS) PER COMMON UNIT",), "Net income/(loss) allocated to common unitholders — Basic and Diluted",
     "us-gaap:NetIncomeLossAllocatedToLimitedPartners"),
    (OPS, ("NET INCOME/(LOSS) PER COMMON UNIT",), "Basic and diluted weighted average common units outstanding",
     "us-gaap:WeightedAverageLimitedPartnershipUnitsOutstanding"),
    (OPS, ("NET INCOME/(LOSS) PER COMMON UNIT",), "Basic and diluted net income/(loss) per common unit",
     "us-gaap:NetIncomeLossPerOutstandingLimitedPartnershipUnitBasicNetOfTax"),
    # a bank's deposits, allowances and an older retailer's wordings
    (BS, DEP, "Time certificates of deposit", "us-gaap:TimeDeposits"),
    (BS, DEP, "Savings deposits", "us-gaap:DepositsSavingsDeposits"),
    (BS, DEP, "Money market", "us-gaap:DepositsMoneyMarketDeposits"),
    (BS, ("Assets", "Current assets"), "Less allowance for uncollectible accounts",
     "us-gaap:AllowanceForDoubtfulAccountsReceivableCurrent"),
    (BS, ("Assets", "Current assets"), "Merchandise inventories, net", "us-gaap:InventoryNet"),
    (BS, ("Liabilities", "Current liabilities"), "Merchandise payables", "us-gaap:AccountsPayableCurrent"),
    (BS, ("Liabilities",), "Long-term debt and capitalized lease obligations", "us-gaap:LongTermDebtAndCapitalLeaseObligations"),
    (BS, ("Liabilities",), "Pension and postretirement benefits",
     "us-gaap:PensionAndOtherPostretirementDefinedBenefitPlansLiabilitiesNoncurrent"),
    (BS, ASSETS, "Net property, plant and equipment", "us-gaap:PropertyPlantAndEquipmentNet"),
    (OPS, (), "Loss for the period", "us-gaap:NetIncomeLoss"),
    (OPS, (), "Net income (loss) before tax",
     "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"),
    (OPS, (), "Revenue from government contract", "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax"),
    (OPS, ("Other income (expense)",), "Interest earned", "us-gaap:InvestmentIncomeInterest"),
    (OPS, ("Operating expenses",), "Depreciation expense", "us-gaap:Depreciation"),
    (OPS, (), "Intangibles Amortization Expense", "us-gaap:AmortizationOfIntangibleAssets"),
    (CF, ("Supplemental Information",), "Cash Paid for Taxes", "us-gaap:IncomeTaxesPaid"),
    # an investment company's (a BDC's) statement of operations
    (OPS, (), "Net Increase (Decrease) in Net Assets Resulting from Operations", "us-gaap:NetIncomeLoss"),
    (OPS, (), "Weighted average basic and diluted earnings per common share", "us-gaap:EarningsPerShareBasicAndDiluted"),
    (OPS, (), "Net investment income (loss)", "us-gaap:NetInvestmentIncome"),
    # wordings of small companies' releases
    (BS, ("ASSETS", "Non-current assets"), "ROU asset", "us-gaap:OperatingLeaseRightOfUseAsset"),
    (BS, ("LIABILITIES", "CURRENT LIABILITIES"), "Current maturities of operating lease liability",
     "us-gaap:OperatingLeaseLiabilityCurrent"),
    (BS, ("LIABILITIES", "CURRENT LIABILITIES"), "Employee related obligations", "us-gaap:EmployeeRelatedLiabilitiesCurrent"),
    (OPS, ("Other income (expense)",), "Foreign exchange loss/gain", "us-gaap:ForeignCurrencyTransactionGainLossBeforeTax"),
    (CF, ("Cash flow from investing activities",), "Proceeds from the sale of fixed assets",
     "us-gaap:ProceedsFromSaleOfPropertyPlantAndEquipment"),
    (CF, ("Cash flow from financing activities",), "Principal payments under finance lease obligations",
     "us-gaap:FinanceLeasePrincipalPayments"),    # utilities (wordings of Edison's and Southern Company's filings)
    (BS, ("ASSETS", "Current assets"), "Regulatory assets", "us-gaap:RegulatoryAssetsCurrent"),
    (BS, ("ASSETS", "Regulatory assets and other"), "Regulatory assets (include $1,476 related to a VIE)",
     "us-gaap:RegulatoryAssetsNoncurrent"),
    (BS, ("ASSETS", "Current assets"), "Accrued unbilled revenue", "us-gaap:UnbilledReceivablesCurrent"),
    (BS, ("ASSETS", "Nuclear decommissioning trusts and other investments"), "Nuclear decommissioning trusts",
     "us-gaap:DecommissioningTrustAssetsAmount"),
    (BS, ("LIABILITIES AND EQUITY", "Current liabilities"), "Regulatory liabilities", "us-gaap:RegulatoryLiabilityCurrent"),
    (BS, ("LIABILITIES AND EQUITY", "Deferred credits and other liabilities"), "Regulatory liabilities",
     "us-gaap:RegulatoryLiabilityNoncurrent"),
    (BS, ("LIABILITIES AND EQUITY", "Deferred credits and other liabilities"), "Deferred income taxes and credits",
     "us-gaap:DeferredIncomeTaxLiabilitiesNet"),
    (BS, ("LIABILITIES AND EQUITY", "Deferred credits and other liabilities"), "Pensions and benefits",
     "us-gaap:PensionAndOtherPostretirementDefinedBenefitPlansLiabilitiesNoncurrent"),
    (BS, ("LIABILITIES AND EQUITY", "Deferred credits and other liabilities"),
     "Other deferred credits and other long-term liabilities", "us-gaap:OtherLiabilitiesNoncurrent"),
    (OPS, ("Operating expenses",), "Operation and maintenance", "us-gaap:UtilitiesOperatingExpenseMaintenanceAndOperations"),
    (CF, ("Cash flows from operating activities",), "Equity allowance for funds used during construction",
     "us-gaap:PublicUtilitiesAllowanceForFundsUsedDuringConstructionAdditions"),
    (CF, ("Cash flows from operating activities", "Changes in operating assets and liabilities"),
     "Regulatory assets and liabilities, net", "us-gaap:IncreaseDecreaseInRegulatoryAssetsAndLiabilities"),
    (CF, ("Cash flows from operating activities", "Changes in operating assets and liabilities"),
     "Derivative assets and liabilities, net", "us-gaap:IncreaseDecreaseInDerivativeAssetsAndLiabilities"),
    (CF, ("Cash flows from operating activities", "Changes in operating assets and liabilities"),
     "Other current assets and liabilities", "us-gaap:IncreaseDecreaseInOtherCurrentAssetsAndLiabilitiesNet"),
    (CF, ("Cash flows from operating activities", "Changes in operating assets and liabilities"),
     "Decrease (increase) in inventories, including deferred inventory costs", "us-gaap:IncreaseDecreaseInInventories"),
    (CF, ("Cash flows from investing activities",), "Proceeds from sale of nuclear decommissioning trust investments",
     "us-gaap:ProceedsFromDecommissioningFund"),
    (CF, ("Cash flows from investing activities",), "Purchases of nuclear decommissioning trust investments",
     "us-gaap:PaymentsToInvestInDecommissioningFund"),
    (CF, ("Cash flows from financing activities",), "Preference stock issued, net of issuance cost",
     "us-gaap:ProceedsFromIssuanceOfPreferredStockAndPreferenceStock"),
    (CF, ("Cash flows from financing activities",), "Redemption of preferred stock",
     "us-gaap:PaymentsForRepurchaseOfPreferredStockAndPreferenceStock"),
    (CF, ("Cash flows from financing activities",), "Dividends and distribution to noncontrolling interests",
     "us-gaap:PaymentsOfDividendsMinorityInterest"),
    # equity securities at fair value, and other wordings of the unseen filings
    (CF, ("Cash flows from investing activities",), "Purchases of non-marketable equity securities",
     "us-gaap:PaymentsToAcquireEquitySecuritiesFvNi"),
    (CF, ("Cash flows from investing activities",), "Proceeds from sales of non-marketable equity securities",
     "us-gaap:ProceedsFromSaleOfEquitySecuritiesFvNi"),
    (CF, ("Cash flows from investing activities",), "Proceeds from sales of equity investments", None),  # equity-method or not
    (CF, ("Cash flows from operating activities",), "(Gains) losses on equity securities", "us-gaap:EquitySecuritiesFvNiGainLoss"),
    (CF, ("Cash flows from operating activities",), "Loss (gain) on debt and equity securities, net",
     "us-gaap:DebtAndEquitySecuritiesGainLoss"),
    (CF, ("Cash flows from operating activities",), "Gain on termination of operating lease", "us-gaap:GainLossOnTerminationOfLease"),
    (CF, ("Cash flows from investing activities",), "Purchase of software intangible", "us-gaap:PaymentsToAcquireSoftware"),
    (CF, ("Cash flows from investing activities",), "Patent costs", "us-gaap:PaymentsToAcquireIntangibleAssets"),
    (CF, ("Supplemental disclosure of non-cash investing activities",),
     "Property and equipment in accounts payable and accrued expenses", "us-gaap:CapitalExpendituresIncurredButNotYetPaid"),
    (CF, ("Cash flows from operating activities", "Changes in operating assets and liabilities"),
     "Vendor non-trade receivables", "us-gaap:IncreaseDecreaseInOtherReceivables"),
    (OPS, ("Other income (expense)",), "Unrealized gain on investments", "us-gaap:UnrealizedGainLossOnInvestments"),
    (OPS, (), "Equity-method investment activity, net of tax", "us-gaap:IncomeLossFromEquityMethodInvestments"),    # energy and mining companies' lines (wordings of Freeport-McMoRan's, Cheniere's, Talos's,
    # Viper's and FirstEnergy's 10-Ks)
    (BS, ("ASSETS", "Current assets"), "Assets from price risk management activities", "us-gaap:DerivativeAssetsCurrent"),
    (BS, ("ASSETS", "Other long-term assets"), "Assets from price risk management activities",
     "us-gaap:DerivativeAssetsNoncurrent"),
    (BS, ("LIABILITIES AND EQUITY", "Current liabilities"), "Current derivative liabilities",
     "us-gaap:DerivativeLiabilitiesCurrent"),
    (BS, ("LIABILITIES AND EQUITY", "Current liabilities"), "Current portion of asset retirement obligations",
     "us-gaap:AssetRetirementObligationCurrent"),
    (BS, ("LIABILITIES AND EQUITY", "Current liabilities"), "Asset retirement obligations",
     "us-gaap:AssetRetirementObligationCurrent"),
    (BS, ("LIABILITIES AND EQUITY",), "Asset retirement obligations", "us-gaap:AssetRetirementObligationsNoncurrent"),
    (BS, ("LIABILITIES AND EQUITY", "Current liabilities"), "Accrued royalties", "us-gaap:AccruedRoyaltiesCurrent"),
    (BS, ("ASSETS", "Property and equipment"), "Proved properties", "us-gaap:CapitalizedCostsProvedProperties"),
    (BS, ("ASSETS", "Property and equipment"), "Unproved properties, not subject to amortization",
     "us-gaap:CapitalizedCostsOfUnprovedPropertiesExcludedFromAmortizationCumulative"),
    (BS, ("ASSETS", "Property and equipment"), "Other property and equipment", "us-gaap:PropertyPlantAndEquipmentOther"),
    (BS, ("ASSETS", "Property and equipment"), "Total property and equipment, net", "us-gaap:PropertyPlantAndEquipmentNet"),
    (BS, ("ASSETS", "Current assets"), "Value added and other tax receivables", "us-gaap:ValueAddedTaxReceivableCurrent"),
    (BS, ("LIABILITIES AND EQUITY", "Current liabilities"), "Current portion of debt", "us-gaap:LongTermDebtCurrent"),
    (BS, ("LIABILITIES AND EQUITY",), "Redeemable NCI", "us-gaap:RedeemableNoncontrollingInterestEquityCarryingAmount"),
    (BS, ("LIABILITIES AND EQUITY", "Current liabilities"), "Other", "us-gaap:OtherLiabilitiesCurrent"),
    (BS, ("ASSETS", "Noncurrent assets"), "Other", "us-gaap:OtherAssetsNoncurrent"),
    (OPS, ("Operating expenses",), "Purchased power", "us-gaap:UtilitiesOperatingExpensePurchasedPower"),
    (OPS, ("Operating expenses",), "Production and ad valorem taxes", "us-gaap:ProductionTaxExpense"),
    (OPS, ("Costs and expenses",), "Exploration and research expenses", "us-gaap:ExplorationExpense"),
    (OPS, (), "Impairment of assets (Note 1.)", "us-gaap:AssetImpairmentCharges"),
    (OPS, (), "Income before income taxes and NCI",
     "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"),
    (OPS, (), "Less: income tax provision", "us-gaap:IncomeTaxExpenseBenefit"),
    (OPS, (), "EARNINGS ATTRIBUTABLE TO FIRSTENERGY CORP.", "us-gaap:NetIncomeLoss"),
    (OPS, ("Net income per share",), "Basic - continuing operations", "us-gaap:IncomeLossFromContinuingOperationsPerBasicShare"),
    (OPS, ("Net income per share",), "Diluted - discontinued operations",
     "us-gaap:IncomeLossFromDiscontinuedOperationsNetOfTaxPerDilutedShare"),
    (OPS, (), "Net gain on early extinguishment of debt", "us-gaap:GainsLossesOnExtinguishmentOfDebt"),
    (CF, ("Cash flows from financing activities",), "Finance lease payments", "us-gaap:FinanceLeasePrincipalPayments"),
    (CF, ("Cash flows from investing activities",), "Acquisitions", "us-gaap:PaymentsToAcquireBusinessesNetOfCashAcquired"),
    (CF, ("Cash flows from investing activities",), "Investments in equity method investments",
     "us-gaap:PaymentsToAcquireEquityMethodInvestments"),
    (CF, ("Cash flows from financing activities",), "Proceeds from re-issuance of treasury stock",
     "us-gaap:ProceedsFromSaleOfTreasuryStock"),
    (CF, ("Supplemental cash flow information", "Cash paid for"), "Interest (net of amounts capitalized)",
     "us-gaap:InterestPaidNet"),
    (CF, ("Cash flows from operating activities", "Changes in operating assets and liabilities"), "Accrued interest",
     "us-gaap:IncreaseDecreaseInInterestPayableNet"),
    (CF, ("Cash flows from operating activities",), "Deferred income taxes and investment tax credits, net",
     "us-gaap:DeferredIncomeTaxesAndTaxCredits"),
])
def test_sector_labels(kind, section, label, concept):
    match = match_line_item(concept_table(), kind, item(label, "1", section=section))
    assert (match.entry.concept if match.entry else None) == concept


def _release(*statements) -> Release:  # type: ignore[no-untyped-def]
    return Release(path="made-up.txt", info=DocumentInfo(), statements=tuple(statements))


def _concepts(mapped) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {d.label: d.concept for d in mapped.decisions}


def test_net_income_is_profit_loss_beside_a_noncontrolling_share_in_every_statement():
    ops = statement(OPS, [item("Net income", "1,000", "900"),
                          item("Net (income) loss attributable to noncontrolling interests", "(40)", "10"),
                          item("Net income attributable to Made Up Corp.", "960", "910")], Q_PERIODS)
    flows = statement(CF, [item("Net income", "1,000", "900", section=("Operating activities",))], Q_PERIODS)
    mapped = map_release(_release(ops, flows), concept_table(), EntityId("0000000001", "Made Up Corp."))
    assert [d.concept for d in mapped.decisions] == [
        "us-gaap:ProfitLoss", "us-gaap:NetIncomeLossAttributableToNoncontrollingInterest", "us-gaap:NetIncomeLoss",
        "us-gaap:ProfitLoss"]
    nci = {f.period.start.year: f.value for f in mapped.facts  # type: ignore[union-attr]
           if f.concept == "us-gaap:NetIncomeLossAttributableToNoncontrollingInterest"}
    # "(income) loss" wording: "(40)" is income of 40 taken out, "10" a loss of 10 added back
    assert nci == {2008: Decimal(40000), 2007: Decimal(-10000)}


def test_net_income_stays_net_income_loss_without_a_noncontrolling_share():
    ops = statement(OPS, [item("Net income", "1,000", "900")], Q_PERIODS)
    sheet = statement(BS, [item("Total equity", "5,000", "4,000")], BS_PERIODS)
    mapped = map_release(_release(ops, sheet), concept_table(), EntityId("0000000001", "Made Up Corp."))
    assert _concepts(mapped)["Net income"] == "us-gaap:NetIncomeLoss"


def _noncontrolling_values(*rows) -> list[Decimal]:  # type: ignore[no-untyped-def]
    """The stored values of the noncontrolling share, in order, of a statement of operations of `rows`."""
    mapped = map_release(_release(statement(OPS, list(rows), Q_PERIODS)), concept_table(),
                         EntityId("0000000001", "Made Up Corp."))
    return [f.value for f in mapped.facts if f.concept == "us-gaap:NetIncomeLossAttributableToNoncontrollingInterest"]


def test_noncontrolling_share_signs():
    values = _noncontrolling_values(item("Net income", "500", "400"),
                                    item("Less: Net income attributable to noncontrolling interests", "(12)", "(8)"),
                                    item("Net income (loss) attributable to noncontrolling interests", "30", "(5)"))
    # "Less:" with every figure in parentheses: they mark the subtraction (12 and 8 of income); a
    # plain label prints the income (30, -5), but the first row's facts win over the conflicting second ones
    assert values[:2] == [Decimal(12000), Decimal(8000)]


def test_a_less_row_printing_figures_with_and_without_parentheses_prints_their_signs():
    # Coca-Cola's 10-Q: "Less: Net income (loss) attributable to noncontrolling interests" 7 and
    # (10), which it tags 7 and -10: parentheses in some columns only are the figure's sign
    values = _noncontrolling_values(item("Consolidated net income", "3,818", "2,418"),
                                    item("Less: Net income (loss) attributable to noncontrolling interests", "7", "(10)"),
                                    item("Net income attributable to shareowners", "3,811", "2,428"))
    assert values == [Decimal(7000), Decimal(-10000)]


def test_a_noncontrolling_share_printed_in_parentheses_between_the_totals_it_adds_up_to_is_income():
    # Freeport-McMoRan's 10-K: "Net income 4,399" / "Net income attributable to noncontrolling
    # interests (2,510)" / "Net income attributable to common stockholders 1,889": no "Less:", but
    # the rows add up as printed, so the parentheses mark the subtraction (income of 2,510)
    values = _noncontrolling_values(item("Net income", "4,399", "3,751"),
                                    item("Net income attributable to noncontrolling interests", "(2,510)", "(1,903)"),
                                    item("Net income attributable to common stockholders", "1,889", "1,848"))
    assert values == [Decimal(2510000), Decimal(1903000)]
    # the same words printing a loss attributable to them, the parent's part larger: a loss
    values = _noncontrolling_values(item("Net income", "500", "400"),
                                    item("Net income attributable to noncontrolling interests", "(12)", "(8)"),
                                    item("Net income attributable to the company", "512", "408"))
    assert values == [Decimal(-12000), Decimal(-8000)]


def test_a_noncontrolling_share_of_comprehensive_income_printed_in_parentheses_is_income():
    ci = statement(StatementKind.COMPREHENSIVE_INCOME, [
        item("Total comprehensive income", "4,357", "3,795"),
        item("Total comprehensive income attributable to noncontrolling interests", "(2,508)", "(1,901)"),
        item("Total comprehensive income attributable to common stockholders", "1,849", "1,894")], Q_PERIODS)
    mapped = map_release(_release(ci), concept_table(), EntityId("0000000001", "Made Up Corp."))
    share = [f.value for f in mapped.facts if f.concept == "us-gaap:ComprehensiveIncomeNetOfTaxAttributableToNoncontrollingInterest"]
    assert share == [Decimal(2508000), Decimal(1901000)]


def test_total_stockholders_equity_below_noncontrolling_interests_includes_them():
    sheet = statement(BS, [item("Total Made Up Corp. stockholders' equity", "900", "800", section=EQ),
                           item("Noncontrolling interests", "100", "90", section=EQ),
                           item("Total stockholders' equity", "1,000", "890", section=EQ)], BS_PERIODS)
    mapped = map_release(_release(sheet), concept_table(), EntityId("0000000001", "Made Up Corp."))
    assert _concepts(mapped)["Total stockholders' equity"] == \
        "us-gaap:StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest"


def test_continuing_operations_is_net_income_unless_discontinued_operations_are_reported():
    rows = [item("Net income from continuing operations", "300", "200")]
    table = concept_table()
    alone = map_release(_release(statement(OPS, rows, Q_PERIODS)), table, EntityId("0000000001", "X"))
    assert _concepts(alone)["Net income from continuing operations"] == "us-gaap:NetIncomeLoss"
    both = rows + [item("Loss from discontinued operations, net of tax", "(20)", "--"), item("Net income", "280", "200")]
    mapped = map_release(_release(statement(OPS, both, Q_PERIODS)), table, EntityId("0000000001", "X"))
    assert _concepts(mapped)["Net income from continuing operations"] == "us-gaap:IncomeLossFromContinuingOperations"
    assert _concepts(mapped)["Net income"] == "us-gaap:NetIncomeLoss"


def test_an_expense_printed_in_parentheses_throughout_stores_its_size():
    ops = statement(OPS, [item("Income before income taxes", "92", "74"),
                          item("Provision for income taxes", "(17)", "(16)"),
                          item("Income tax benefit (expense)", "(5)", "(4)"),
                          item("Net income", "75", "58")], Q_PERIODS)
    mapped = map_release(_release(ops), concept_table(), EntityId("0000000001", "X"))
    taxes = [f.value for f in mapped.facts if f.concept == "us-gaap:IncomeTaxExpenseBenefit"]
    # the first row wins; a label that allows a benefit keeps the printed sign (conflict, untagged)
    assert taxes == [Decimal(17000), Decimal(16000)]


def test_total_equity_after_total_liabilities_sums_the_equity_rows():
    from converter.checks import summations
    le = ("Liabilities and Shareholders' Equity",)
    rows = [item("Deposits", "900", section=le), item("Total liabilities", "900", section=le),
            item("Common stock", "50", section=le + ("Shareholders' equity",)),
            item("Total Made Up Bancorp shareholders' equity", "50", section=le + ("Shareholders' equity",)),
            item("Noncontrolling interests", "5", section=le), item("Total equity", "55", section=le),
            item("Total liabilities and equity", "955", section=le)]
    table = concept_table()
    sums = {total.label: [p.label for p, _ in parts]
            for total, _e, parts in summations([(r, match_line_item(table, BS, r).entry) for r in rows])}
    assert sums["Total equity"] == ["Total Made Up Bancorp shareholders' equity", "Noncontrolling interests"]
    assert sums["Total liabilities and equity"] == ["Total liabilities", "Total equity"]


@pytest.mark.parametrize(("extra", "message"), [
    ("    under: \"^assets$\"\n", "under and labels_under go together"),
    ("    labels_beside: [\"net income\"]\n", "beside and labels_beside go together"),
    ("    beside: NetIncomeLoss\n    labels_beside: [\"net income\"]\n", "beside must name a concept"),
    ("    part: Liabilities\n", "part must name another concept"),
    ("    part: us-gaap:AssetsCurrent\n", "needs an entry of its own"),
])
def test_table_keys_are_checked(tmp_path, extra, message):
    path = tmp_path / "concepts.yaml"
    path.write_text("concepts:\n  - concept: us-gaap:Assets\n    type: monetaryItemType\n    period: instant\n"
                    "    balance: debit\n    statement: balance_sheet\n    labels: [\"total assets\"]\n" + extra)
    with pytest.raises(ConfigError, match=message):
        load_concept_table(path)


def _fact_line(fact: dict) -> str:
    period = fact["period"]
    when = f"{period['start']}..{period['end']}" if period["start"] else period["end"]
    value = "nil" if fact["nil"] else fact["value"]
    return f"{fact['concept']} | {when} | {value} | {fact['unit'] or '-'} | {fact['decimals']}"


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_sector_releases_convert_valid_and_match_their_golden_facts(path, tmp_path):
    options = ConvertOptions(out_dir=tmp_path, cik="0000000001")
    result = convert_document(path, tmp_path / path.stem, options, concept_table(),
                              load_entity_registry(default_entity_registry_path()))
    report = json.loads((tmp_path / path.stem / "report.json").read_text(encoding="utf-8"))
    assert result.status is Status.VALID, report["validation"]["messages"]
    assert report["validation"]["errors"] == 0 and report["validation"]["warnings"] == 0
    assert report["unmapped"] == [] and report["extension_concepts"] == []
    lines = [_fact_line(f) for f in report["facts"]]
    golden = GOLDEN / f"{path.stem}.facts"
    if os.environ.get("XBRL_CONVERT_UPDATE_GOLDEN"):
        golden.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert lines == golden.read_text(encoding="utf-8").splitlines()
    assert all(f["source"] and f["source"]["href"] == path.name for f in report["facts"]
               if f["concept"].startswith("us-gaap:"))


def test_a_net_loss_printed_as_its_size_shared_out_under_attributable_to():
    """ "NET LOSS 14,772" (a size of loss) / "Attributable to:" / "Equity holders of the Company
    14,696" / "Non-controlling interests 76": the shares are sizes of loss too (the parent's
    net income -14,696, the noncontrolling share -76); they had been stored as income."""
    to = ("Attributable to",)
    ops = statement(OPS, [item("OPERATING LOSS", "10,671", "2,953"), item("NET LOSS", "14,772", "3,428"),
                          item("Equity holders of the Company", "14,696", "3,214", section=to),
                          item("Non-controlling interests", "76", "214", section=to),
                          item("Total", "14,772", "3,428", section=to)], Q_PERIODS)
    mapped = map_release(_release(ops), concept_table(), EntityId("0000000001", "Made Up Corp."))
    values = {(f.concept.split(":")[1], f.period.start.year): f.value for f in mapped.facts}  # type: ignore[union-attr]
    assert values[("ProfitLoss", 2008)] == Decimal(-14772000)
    assert values[("NetIncomeLoss", 2008)] == Decimal(-14696000)
    assert values[("NetIncomeLossAttributableToNoncontrollingInterest", 2007)] == Decimal(-214000)


def test_shares_in_full_under_a_thousands_scale_line_told_by_earnings_per_share():
    """ "U.S. dollars in thousands" over a net loss of 14,696, 2,622,655 weighted-average shares
    and a loss per share of 5.60: the shares are printed in full (14,696,000 / 2,622,655 = 5.60)."""
    ops = statement(OPS, [item("Net loss", "(14,696)", "(3,214)"),
                          item("Loss per share, basic and diluted", "(5.60)", "(3.20)"),
                          item("Weighted average number of shares outstanding, basic and diluted", "2,622,655", "1,005,531")],
                    Q_PERIODS)
    mapped = map_release(_release(ops), concept_table(), EntityId("0000000001", "Made Up Corp."))
    shares = [f.value for f in mapped.facts if "WeightedAverage" in f.concept]
    assert shares == [Decimal(2622655), Decimal(1005531)]
    assert any("share counts read in full" in note for note in mapped.release.statements[0].notes)
    in_thousands = statement(OPS, [item("Net loss", "(14,696)", "(3,214)"),
                                   item("Loss per share, basic and diluted", "(5.60)", "(3.20)"),
                                   item("Weighted average number of shares outstanding, basic and diluted", "2,623", "1,006")],
                             Q_PERIODS)
    mapped = map_release(_release(in_thousands), concept_table(), EntityId("0000000001", "Made Up Corp."))
    assert [f.value for f in mapped.facts if "WeightedAverage" in f.concept] == [Decimal(2623000), Decimal(1006000)]


def test_net_earnings_attributable_to_common_shareholders_is_the_parents_net_income_without_preferred():
    """ "Net earnings attributable to Made Up Group common shareholders" under "Net earnings" and the
    noncontrolling share, with no preferred dividends: the parent's net income (NetIncomeLoss, as
    UnitedHealth tags it); with preferred dividends taken out it stays the common holders' share."""
    ops = statement(OPS, [item("Net earnings", "14,405", "22,764"),
                          item("Earnings attributable to noncontrolling interests", "(405)", "(383)"),
                          item("Net earnings attributable to Made Up Group common shareholders", "14,000", "22,381")],
                    Q_PERIODS)
    mapped = map_release(_release(ops), concept_table(), EntityId("0000000001", "Made Up Corp."))
    assert _concepts(mapped)["Net earnings attributable to Made Up Group common shareholders"] == "us-gaap:NetIncomeLoss"
    with_preferred = statement(OPS, [item("Net income", "1,000", "900"),
                                     item("Preferred stock dividends", "(50)", "(50)"),
                                     item("Net income available to common stockholders", "950", "850")], Q_PERIODS)
    mapped = map_release(_release(with_preferred), concept_table(), EntityId("0000000001", "Made Up Corp."))
    assert _concepts(mapped)["Net income available to common stockholders"] == \
        "us-gaap:NetIncomeLossAvailableToCommonStockholdersBasic"


def test_rows_naming_the_quarter_or_the_year_to_date_of_their_figures():
    """A bank's full-year summary goes on with "Net Income - Quarter" and "Earnings Per Share
    (Basic) - YTD": the first is the fourth quarter's (the quarter ending with the column), the
    second the column's year; they had been extension concepts of the full year."""
    year = (Period(start=date(2024, 1, 1), end=date(2024, 12, 31)), Period(start=date(2023, 1, 1), end=date(2023, 12, 31)))
    ops = statement(OPS, [item("NET INCOME", "4,156", "4,005"),
                          item("Net Income - Quarter", "1,063", "1,131", section=("FINANCIAL RATIOS",)),
                          item("Earnings Per Share (Basic) - Quarter", "0.61", "0.64", section=("FINANCIAL RATIOS",)),
                          item("Earnings Per Share (Basic) - YTD", "2.38", "2.26", section=("FINANCIAL RATIOS",))], year)
    mapped = map_release(_release(ops), concept_table(), EntityId("0000000001", "Made Up Corp."))
    facts = {(f.concept.split(":")[1], f.period.start): f.value for f in mapped.facts}  # type: ignore[union-attr]
    assert facts[("NetIncomeLoss", date(2024, 10, 1))] == Decimal(1063000)
    assert facts[("NetIncomeLoss", date(2024, 1, 1))] == Decimal(4156000)
    assert facts[("EarningsPerShareBasic", date(2024, 10, 1))] == Decimal("0.61")
    assert facts[("EarningsPerShareBasic", date(2024, 1, 1))] == Decimal("2.38")
    quarter = statement(OPS, [item("Earnings per share - YTD", "2.38", "2.26")], Q_PERIODS)
    mapped = map_release(_release(quarter), concept_table(), EntityId("0000000001", "Made Up Corp."))
    assert [f for f in mapped.facts if "EarningsPerShare" in f.concept] == []  # a year to date in a quarter's column
