"""Label synonyms other releases use, and labels that name their own section."""

from __future__ import annotations

import pytest

from converter.concepts import concept_table
from converter.extract import extract_text
from converter.map import match_line_item
from converter.model import StatementKind
from modelkit import CA, CL, SE, L, item

BS, OPS, CF = StatementKind.BALANCE_SHEET, StatementKind.OPERATIONS, StatementKind.CASH_FLOWS
EQ = ("Liabilities and Equity",)


@pytest.mark.parametrize(("kind", "section", "label", "concept"), [
    (BS, CA, "Prepaid and other current assets", "us-gaap:PrepaidExpenseAndOtherAssetsCurrent"),
    (BS, CL, "Customer advances", "us-gaap:CustomerAdvancesCurrent"),
    (BS, L + ("Long-term liabilities",), "Convertible debt", "us-gaap:ConvertibleDebtNoncurrent"),
    (BS, CL, "Convertible debt", None),  # not under a long-term heading: not guessed
    (BS, EQ, "Made Up Holdings, Inc. shareholders' equity", "us-gaap:StockholdersEquity"),
    (BS, EQ, "Total Made Up Corp. stockholders' equity", "us-gaap:StockholdersEquity"),
    (BS, EQ, "Noncontrolling interests", "us-gaap:MinorityInterest"),
    (BS, EQ, "Total equity", "us-gaap:StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest"),
    (BS, EQ, "Total liabilities and equity", "us-gaap:LiabilitiesAndStockholdersEquity"),
    (BS, EQ, "Total", "us-gaap:LiabilitiesAndStockholdersEquity"),
    (BS, SE, "Total stockholders' equity", "us-gaap:StockholdersEquity"),
    (BS, SE, "Serial preferred stock, $1.00 par value", "us-gaap:PreferredStockValue"),
    (BS, SE, "Cumulative convertible preferred stock, 5,000 shares issued", "us-gaap:PreferredStockValue"),
    # two captions read as one row (the preferred stock printed without figures): neither concept
    (BS, SE, "Preferred stock, none issued or outstanding Common stock, $1.00 par value", None),
    # restricted cash by its wording: with its equivalents, noncurrent, or printed after them
    (BS, CA, "Restricted cash and restricted cash equivalents", "us-gaap:RestrictedCashAndCashEquivalentsAtCarryingValue"),
    (BS, ("Assets",), "Cash and cash equivalents – restricted", "us-gaap:RestrictedCashAndCashEquivalentsAtCarryingValue"),
    (BS, ("Assets",), "Restricted cash, non-current", "us-gaap:RestrictedCashNoncurrent"),
    (BS, ("Assets",), "Long-term restricted cash", "us-gaap:RestrictedCashNoncurrent"),
    (BS, ("Assets",), "Restricted cash and cash equivalents, noncurrent", "us-gaap:RestrictedCashAndCashEquivalentsNoncurrent"),
    (BS, CA, "Restricted cash", "us-gaap:RestrictedCash"),
    (StatementKind.CASH_FLOWS, ("Cash flows from operating activities",), "Amortization and depreciation",
     "us-gaap:DepreciationDepletionAndAmortization"),
    (StatementKind.CASH_FLOWS, ("Operating activities",), "(Loss) income from continuing operations",
     "us-gaap:IncomeLossFromContinuingOperations"),
    # IFRS: "Attributable to:" / "Equity holders of the Company" / "Non-controlling interests"
    (OPS, ("Attributable to:",), "Equity holders of the Company", "us-gaap:NetIncomeLoss"),
    (OPS, ("Net loss attributable to:",), "Owners of the parent", "us-gaap:NetIncomeLoss"),
    (OPS, ("Attributable to:",), "Non-controlling interests", "us-gaap:NetIncomeLossAttributableToNoncontrollingInterest"),
    (OPS, ("Comprehensive income attributable to:",), "Equity holders of the Company", None),
    (OPS, (), "LOSS PER SHARE, BASIC AND DILUTED", "us-gaap:EarningsPerShareBasicAndDiluted"),
    (OPS, (), "INCOME TAX", "us-gaap:IncomeTaxExpenseBenefit"),
    (OPS, (), "Weighted average number of ordinary shares outstanding used in computation of basic and diluted loss "
              "per share", "us-gaap:WeightedAverageNumberOfShareOutstandingBasicAndDiluted"),
    (BS, CL, "Convertible senior notes, net", "us-gaap:ConvertibleNotesPayableCurrent"),
    (BS, L + ("Non-current liabilities",), "Convertible senior notes, net", "us-gaap:ConvertibleDebtNoncurrent"),
    (BS, CL, "Accrued commissions", "us-gaap:AccruedSalesCommissionCurrent"),
    (BS, CL, "Accrued and other current liabilities", "us-gaap:AccruedLiabilitiesCurrent"),
    # the residual line of an 'Other income (expense)' block
    (OPS, ("Other income (expense):",), "Other, net", "us-gaap:OtherNonoperatingIncomeExpense"),
    (OPS, ("Non-operating income (expense)",), "Other", "us-gaap:OtherNonoperatingIncomeExpense"),
    (BS, CL, "Current operating lease liabilities", "us-gaap:OperatingLeaseLiabilityCurrent"),
    (BS, ("Assets",), "Investments and sundry assets", "us-gaap:InvestmentsAndOtherNoncurrentAssets"),
    (BS, ("Assets",), "Deferred income taxes and other assets", "us-gaap:DeferredIncomeTaxesAndOtherAssetsNoncurrent"),
    (BS, SE, "Class A treasury stock, at cost, 497 and 475 shares, respectively", "us-gaap:TreasuryStockValue"),
    (StatementKind.CASH_FLOWS, ("Investing activities",), "Purchases related to property and equipment and intangible assets",
     "us-gaap:PaymentsToAcquireProductiveAssets"),
    (StatementKind.CASH_FLOWS, ("Investing activities",), "Purchases of property and equipment",
     "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment"),
    (OPS, (), "Depreciation, depletion and amortization", "us-gaap:DepreciationDepletionAndAmortization"),
    (OPS, (), "Depreciation and amortization", "us-gaap:DepreciationAndAmortization"),
    (OPS, (), "Anti-dilutive shares excluded from the calculation of diluted earnings per share",
     "us-gaap:AntidilutiveSecuritiesExcludedFromComputationOfEarningsPerShareAmount"),
    (StatementKind.CASH_FLOWS, ("Financing activities",), "Repayments of long-term debt and finance lease obligations",
     "us-gaap:RepaymentsOfLongTermDebtAndCapitalSecurities"),
    # receivables not named as the customers' accounts alone are receivables of every kind
    (BS, CA, "Receivables, net", "us-gaap:ReceivablesNetCurrent"),
    (BS, CA, "Notes and accounts receivable – net", "us-gaap:ReceivablesNetCurrent"),
    (BS, CA, "Notes and accounts receivable — trade (net of allowances of $12)", "us-gaap:AccountsReceivableNetCurrent"),
    (BS, CA, "Trade receivables, net", "us-gaap:AccountsReceivableNetCurrent"),
    # key lines in other wordings: revenue, the bottom line, earnings per share (1990s: APB 15)
    (OPS, (), "Sales and other operating revenue", "us-gaap:Revenues"),
    (OPS, (), "Sales, net", "us-gaap:Revenues"),
    (OPS, (), "Turnover", "us-gaap:Revenues"),
    (OPS, (), "Net income applicable to common stock", "us-gaap:NetIncomeLossAvailableToCommonStockholdersBasic"),
    (OPS, (), "Net loss and comprehensive loss", "us-gaap:NetIncomeLoss"),
    (OPS, (), "Per share - assuming dilution", "us-gaap:EarningsPerShareDiluted"),
    (OPS, ("Per share data:",), "Diluted net income", "us-gaap:EarningsPerShareDiluted"),
    (OPS, (), "Diluted net income", None),  # not under a per-share heading: a numerator, not EPS
    (OPS, ("Per common share:",), "Net income - diluted", "us-gaap:EarningsPerShareDiluted"),
    (OPS, ("Per common share:",), "Net income - basic", "us-gaap:EarningsPerShareBasic"),
    (OPS, (), "Net income - diluted", None),
    (OPS, (), "Total net sales and revenue", "us-gaap:Revenues"),
    (OPS, (), "Net revenues and other income", "us-gaap:Revenues"),
    (OPS, ("Earnings per share:",), "Fully diluted", "us-gaap:EarningsPerShareDiluted"),
    (OPS, ("Earnings per share:",), "Primary", "us-gaap:EarningsPerShareBasic"),
    (OPS, ("Weighted average shares outstanding:",), "Primary", "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic"),
    (OPS, ("Weighted average shares outstanding:",), "Fully diluted", "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding"),
    (OPS, (), "Net loss per share attributable to common stockholders, basic and diluted",
     "us-gaap:EarningsPerShareBasicAndDiluted"),
    (BS, EQ, "Total liabilities, convertible preferred stock and stockholders' deficit",
     "us-gaap:LiabilitiesAndStockholdersEquity"),
    (BS, EQ, "Total liabilities and shareholders' investment", "us-gaap:LiabilitiesAndStockholdersEquity"),
    (BS, SE, "Total shareholders' investment", "us-gaap:StockholdersEquity"),
    (OPS, (), "Profit from operations", "us-gaap:OperatingIncomeLoss"),
    (StatementKind.CASH_FLOWS, (), "Cash flow from operations", "us-gaap:NetCashProvidedByUsedInOperatingActivities"),
    # the discontinued operations' cash: not the operating activities' total
    (StatementKind.CASH_FLOWS, (), "Net cash used in discontinued operations",
     "us-gaap:NetCashProvidedByUsedInDiscontinuedOperations"),
    (StatementKind.CASH_FLOWS, ("Cash flows from operating activities:",), "Net cash used in discontinued operations",
     "us-gaap:CashProvidedByUsedInOperatingActivitiesDiscontinuedOperations"),
    (StatementKind.CASH_FLOWS, ("Cash flows from investing activities:",), "Net cash provided by discontinued operations",
     "us-gaap:CashProvidedByUsedInInvestingActivitiesDiscontinuedOperations"),
    (StatementKind.CASH_FLOWS, ("Changes in operating assets and liabilities",), "Accrued and other current liabilities",
     "us-gaap:IncreaseDecreaseInAccruedLiabilitiesAndOtherOperatingLiabilities"),
    (StatementKind.CASH_FLOWS, ("Financing activities",), "Payments related to repurchases of common stock",
     "us-gaap:PaymentsForRepurchaseOfCommonStock"),
    (StatementKind.CASH_FLOWS, ("Financing activities",), "Payments related to employee stock plan taxes",
     "us-gaap:PaymentsRelatedToTaxWithholdingForShareBasedCompensation"),
    # receivables from related parties apart from the trade receivables, which keep theirs
    (BS, CA, "Accounts receivable – related parties", "us-gaap:AccountsReceivableRelatedPartiesCurrent"),
    (BS, CA, "Receivables from related parties", "us-gaap:AccountsReceivableRelatedPartiesCurrent"),
    (BS, CA, "Accounts receivable, net of allowance of $12 and $10", "us-gaap:AccountsReceivableNetCurrent"),
    (StatementKind.CASH_FLOWS, ("Changes in operating assets and liabilities",), "Accounts receivable – related parties",
     "us-gaap:IncreaseDecreaseInAccountsReceivableRelatedParties"),
    (StatementKind.CASH_FLOWS, ("Changes in operating assets and liabilities",), "Due from related party",
     "us-gaap:IncreaseDecreaseInDueFromRelatedParties"),
    (StatementKind.CASH_FLOWS, ("Changes in operating assets and liabilities",), "Accounts payable – related party",
     "us-gaap:IncreaseDecreaseInAccountsPayableRelatedParties"),
    (StatementKind.CASH_FLOWS, ("Changes in operating assets and liabilities",), "Due to related parties",
     "us-gaap:IncreaseDecreaseInDueToRelatedParties"),
    (StatementKind.CASH_FLOWS, ("Changes in operating assets and liabilities",), "Accounts receivable",
     "us-gaap:IncreaseDecreaseInAccountsReceivable"),
    (StatementKind.CASH_FLOWS, ("Supplemental cash flow information",), "Total cash interest paid", "us-gaap:InterestPaid"),
    (StatementKind.CASH_FLOWS, ("Supplemental cash flow information",), "Cash paid for interest", "us-gaap:InterestPaidNet"),
    (OPS, (), "Net sales and operating revenues", "us-gaap:Revenues"),
    (OPS, (), "Total operating costs and expenses", "us-gaap:CostsAndExpenses"),
    (OPS, (), "Total costs and expenses", "us-gaap:CostsAndExpenses"),
    (OPS, (), "Foreign currency transaction gains (losses)", "us-gaap:ForeignCurrencyTransactionGainLossBeforeTax"),
    # the label names its section: no "per share" / "weighted average" heading needed
    (OPS, (), "Basic earnings per share of common stock", "us-gaap:EarningsPerShareBasic"),
    (OPS, (), "Diluted net income per average common share", "us-gaap:EarningsPerShareDiluted"),
    (OPS, (), "Basic income per share", "us-gaap:EarningsPerShareBasic"),
    (OPS, (), "Weighted-average common shares outstanding", "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic"),
    (OPS, (), "Average common shares outstanding assuming dilution",
     "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding"),
    (OPS, (), "Weighted-average common shares and common stock equivalents outstanding",
     "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding"),
    (OPS, (), "Cash dividends paid per share of common stock", None),
    (OPS, (), "Basic", None),  # a bare "Basic" still needs its heading
    # wordings of real 10-Qs/10-Ks that had become extension concepts
    (BS, CA, "Other accounts receivable (net of allowances of $41 in 2025 and $39 in 2024)",
     "us-gaap:OtherReceivablesNetCurrent"),
    (BS, CA, "Other current receivables, net", "us-gaap:OtherReceivablesNetCurrent"),
    (BS, ("Assets",), "Property, plant and equipment at cost", "us-gaap:PropertyPlantAndEquipmentGross"),
    (BS, ("Assets",), "Property, plant and equipment", "us-gaap:PropertyPlantAndEquipmentNet"),
    (BS, ("Assets",), "Prepaid pension assets", "us-gaap:DefinedBenefitPlanAssetsForPlanBenefitsNoncurrent"),
    (BS, CL, "Compensation and benefits", "us-gaap:EmployeeRelatedLiabilitiesCurrent"),
    (BS, CL, "Accrued compensation and employee related obligations", "us-gaap:EmployeeRelatedLiabilitiesCurrent"),
    (BS, L, "Employee related obligations", None),  # current and noncurrent: not guessed
    (BS, L, "Long-term taxes payable", "us-gaap:AccruedIncomeTaxesNoncurrent"),
    (BS, CL, "Taxes payable", "us-gaap:AccruedIncomeTaxesCurrent"),
    (BS, L, "Deferred income taxes and other liabilities", "us-gaap:DeferredIncomeTaxesAndOtherLiabilitiesNoncurrent"),
    (BS, L, "Deferred income taxes", "us-gaap:DeferredIncomeTaxLiabilitiesNet"),
    (BS, L, "Retirement and nonpension postretirement benefit obligations",
     "us-gaap:PensionAndOtherPostretirementDefinedBenefitPlansLiabilitiesNoncurrent"),
    (BS, L, "Postretirement benefits reserves",
     "us-gaap:PensionAndOtherPostretirementDefinedBenefitPlansLiabilitiesNoncurrent"),
    (OPS, (), "Exploration expenses, including dry holes", "us-gaap:ExplorationExpense"),
    (OPS, (), "Income from discontinued operations, net of tax", "us-gaap:IncomeLossFromDiscontinuedOperationsNetOfTax"),
    (OPS, ("Basic:",), "Continuing operations", "us-gaap:IncomeLossFromContinuingOperationsPerBasicShare"),
    (OPS, ("Assuming dilution:",), "Continuing operations", "us-gaap:IncomeLossFromContinuingOperationsPerDilutedShare"),
    (OPS, ("Assuming dilution:",), "Discontinued operations",
     "us-gaap:IncomeLossFromDiscontinuedOperationsNetOfTaxPerDilutedShare"),
    (OPS, (), "Continuing operations", None),  # no per-share heading: not a per-share line
    (BS, L, "Operating lease liabilities", "us-gaap:OperatingLeaseLiabilityNoncurrent"),
    (BS, CL, "Operating lease liabilities", "us-gaap:OperatingLeaseLiabilityCurrent"),
    (BS, L, "Finance lease liabilities", "us-gaap:FinanceLeaseLiabilityNoncurrent"),
    (BS, CL, "Accrued income taxes", "us-gaap:AccruedIncomeTaxesCurrent"),
    (BS, CL, "Accrued taxes on income", "us-gaap:AccruedIncomeTaxesCurrent"),
    (BS, CL, "Short-term debt", "us-gaap:ShortTermBorrowings"),
    (BS, CL, "Notes payable", "us-gaap:ShortTermBorrowings"),
    (BS, L + ("Long-term liabilities",), "Notes payable", None),  # not under current liabilities: not guessed
    (BS, CL, "Accrued litigation", "us-gaap:LitigationReserveCurrent"),
    (BS, ("Assets",), "Long-term investments", "us-gaap:LongTermInvestments"),
    (OPS, ("Operating expenses",), "Depreciation and amortization", "us-gaap:DepreciationAndAmortization"),
    # common lines that had been extension concepts for companies the learned vocabulary had not seen
    (BS, CA, "Restricted cash", "us-gaap:RestrictedCash"),
    (BS, CA, "Restricted cash, current", "us-gaap:RestrictedCashCurrent"),
    (BS, CA, "Total cash, cash equivalents and short-term investments", "us-gaap:CashCashEquivalentsAndShortTermInvestments"),
    (BS, CA + ("Inventories:",), "Finished goods", "us-gaap:InventoryFinishedGoodsNetOfReserves"),
    (BS, CA + ("Inventories:",), "Raw materials", "us-gaap:InventoryRawMaterialsNetOfReserves"),
    (BS, CA + ("Inventories:",), "Work in process", "us-gaap:InventoryWorkInProcessNetOfReserves"),
    (BS, CA + ("Inventories:",), "Work in process and raw materials",
     "us-gaap:InventoryWorkInProcessAndRawMaterialsNetOfReserves"),
    (BS, CA, "Assets held for sale", "us-gaap:AssetsOfDisposalGroupIncludingDiscontinuedOperationCurrent"),
    (BS, ("Assets",), "Assets held for sale", "us-gaap:AssetsOfDisposalGroupIncludingDiscontinuedOperation"),
    (BS, CL, "Liabilities held for sale", "us-gaap:LiabilitiesOfDisposalGroupIncludingDiscontinuedOperationCurrent"),
    (BS, CL, "Taxes", "us-gaap:TaxesPayableCurrent"),
    (BS, CL, "Medical costs payable", "us-gaap:LiabilityForClaimsAndClaimsAdjustmentExpense"),
    (BS, CL, "Unearned revenue", "us-gaap:DeferredRevenueCurrent"),
    (BS, L, "Deferred revenue, net of current portion", "us-gaap:DeferredRevenueNoncurrent"),
    (BS, L, "Accrued pension plan liability, net", "us-gaap:DefinedBenefitPensionPlanLiabilitiesNoncurrent"),
    (BS, L, "Accrued retiree health care", "us-gaap:OtherPostretirementDefinedBenefitPlanLiabilitiesNoncurrent"),
    (BS, CA, "Unbilled receivables, net", "us-gaap:UnbilledContractsReceivable"),
    (BS, ("Assets",), "Trademarks with indefinite lives", "us-gaap:IndefiniteLivedTrademarks"),
    (BS, CA, "Costs capitalized to obtain revenue contracts, net", "us-gaap:CapitalizedContractCostNetCurrent"),
    (BS, ("Assets",), "Noncurrent costs capitalized to obtain revenue contracts, net",
     "us-gaap:CapitalizedContractCostNetNoncurrent"),
    (OPS, ("Operating expenses:",), "Fuel", "us-gaap:FuelCosts"),
    (OPS, ("Revenues:",), "Fuel", None),  # not among expenses: not guessed
    (OPS, ("Operating Expenses",), "Marketing", "us-gaap:MarketingAndAdvertisingExpense"),
    (OPS, ("Costs and other deductions",), "Other taxes and duties", "us-gaap:TaxesOther"),
    (OPS, ("Operating Expenses",), "Litigation provision", "us-gaap:LitigationSettlementExpense"),
    (OPS, (), "Medical costs", "us-gaap:PolicyholderBenefitsAndClaimsIncurredNet"),
    (OPS, (), "Interest and debt expense", "us-gaap:InterestAndDebtExpense"),
    (OPS, (), "Other operating expense (income), net", "us-gaap:OtherOperatingIncomeExpenseNet"),
    (OPS, ("Operating expenses:",), "Other operating expenses", "us-gaap:OtherCostAndExpenseOperating"),  # not the net one
    (OPS, ("Operating expenses:",), "Other", "us-gaap:OtherCostAndExpenseOperating"),
    (OPS, ("Noninterest expense",), "Other operating expenses", "us-gaap:OtherNoninterestExpense"),
    (OPS, ("Revenues:",), "Other", None),  # many companies' "Other" under "Operating expenses:" says nothing here
    (OPS, ("Cost:",), "Total cost", "us-gaap:CostOfRevenue"),
    (OPS, (), "Gain on dispositions, net", "us-gaap:GainLossOnDispositionOfAssets"),
    (OPS, (), "Non-service pension and postretirement benefit expense",
     "us-gaap:NetPeriodicDefinedBenefitsExpenseReversalOfExpenseExcludingServiceCostComponent"),
    (OPS, (), "Sales to customers", "us-gaap:Revenues"),
    (BS, CL, "Deferred income", "us-gaap:DeferredRevenueCurrent"),
    (BS, CL, "Trade payables", "us-gaap:AccountsPayableCurrent"),
    (BS, CA, "Trade receivables, net", "us-gaap:AccountsReceivableNetCurrent"),
    (BS, ("Assets",), "Property, plant & equipment, net", "us-gaap:PropertyPlantAndEquipmentNet"),
    (BS, CA, "Cash, cash equivalents, and marketable securities", "us-gaap:CashCashEquivalentsAndShortTermInvestments"),
    (BS, CA, "Cash and cash equivalents$", "us-gaap:CashAndCashEquivalentsAtCarryingValue"),  # a run-on page's dollar sign
    (BS, SE, "Total stockholders' (deficit) equity", "us-gaap:StockholdersEquity"),
    (BS, CA, "Vendor non-trade receivables", "us-gaap:NontradeReceivablesCurrent"),
    (BS, CL, "Accrued expenses and other", "us-gaap:AccruedLiabilitiesCurrent"),
    (BS, CL, "Deferred subscription revenue", "us-gaap:DeferredRevenueCurrent"),
    (BS, ("Assets",), "Operating leases", "us-gaap:OperatingLeaseRightOfUseAsset"),  # among the assets
    (BS, CL, "Current portion of lease liabilities", "us-gaap:OperatingLeaseLiabilityCurrent"),
    (BS, L, "Long-term lease liabilities", "us-gaap:OperatingLeaseLiabilityNoncurrent"),
    (BS, L, "Long-term debt, net of issuance costs", "us-gaap:LongTermDebtNoncurrent"),
    (BS, ("Assets",), "Cash, cash equivalents and restricted cash",
     "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"),  # not the restricted cash alone
    (BS, EQ, "Total liabilities and stockholders' (deficit) equity", "us-gaap:LiabilitiesAndStockholdersEquity"),
    (BS, CL, "Long-term debt, current maturities", "us-gaap:LongTermDebtCurrent"),
    (BS, CA, "Accounts and notes receivable, net of allowance for doubtful accounts", "us-gaap:ReceivablesNetCurrent"),
    (OPS, (), 'Earnings per share ("EPS"): Basic', "us-gaap:EarningsPerShareBasic"),
    (OPS, (), "Net profit", "us-gaap:NetIncomeLoss"),  # IFRS wordings
    (OPS, (), "Profit before income tax",
     "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"),
    # partnerships: partners' capital and net income per unit
    (BS, ("Liabilities and partners' capital",), "Partners' capital excluding noncontrolling interests", "us-gaap:PartnersCapital"),
    (BS, ("Liabilities and partners' capital",), "Total liabilities and partners' capital", "us-gaap:LiabilitiesAndStockholdersEquity"),
    (OPS, ("Net income/(loss) per common unit:",), "Basic", "us-gaap:NetIncomeLossPerOutstandingLimitedPartnershipUnitBasicNetOfTax"),
    (OPS, ("Net income/(loss) per common unit:",), "Diluted", "us-gaap:NetIncomeLossNetOfTaxPerOutstandingLimitedPartnershipUnitDiluted"),
    (OPS, ("Net income per share:",), "Basic", "us-gaap:EarningsPerShareBasic"),
    (BS, ("Assets",), "Goodwill & intangible assets, net", "us-gaap:IntangibleAssetsNetIncludingGoodwill"),
    (BS, ("Assets", "Long-term assets"), "Marketable securities", "us-gaap:MarketableSecuritiesNoncurrent"),
    (BS, CA, "Marketable securities", "us-gaap:MarketableSecuritiesCurrent"),  # as 8 of 10 companies tag it
    (BS, CA, "Short-term investments", "us-gaap:ShortTermInvestments"),
    (BS, CA, "Short-term and other investments", "us-gaap:ShortTermInvestments"),
    (BS, CL, "Term debt", "us-gaap:LongTermDebtCurrent"),
    (BS, L + ("Non-current liabilities:",), "Term debt", "us-gaap:LongTermDebtNoncurrent"),
    (OPS, (), "(Loss) income from continuing operations, net of tax", "us-gaap:IncomeLossFromContinuingOperations"),
    (OPS, (), "Weighted average number of shares used in computing basic net income (loss) per share",
     "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic"),
    # banks: interest by source under its heading
    (OPS, ("Interest income",), "Investment securities - taxable", "us-gaap:InterestIncomeSecuritiesTaxable"),
    (OPS, ("Interest income",), "Investment securities - tax exempt", "us-gaap:InterestIncomeSecuritiesTaxExempt"),
    (OPS, ("Interest income",), "Investment securities", "us-gaap:InterestAndDividendIncomeSecurities"),
    (OPS, ("Interest income",), "Federal funds sold", "us-gaap:InterestIncomeFederalFundsSold"),
    (OPS, ("Interest expense",), "Securities sold under repurchase agreements",
     "us-gaap:InterestExpenseSecuritiesSoldUnderAgreementsToRepurchase"),
    (OPS, ("Interest expense",), "Federal Home Loan Bank advances",
     "us-gaap:InterestExpenseFederalHomeLoanBankAndFederalReserveBankAdvancesLongTerm"),
    (OPS, ("Interest expense",), "Federal Home Loan Bank advances and other borrowings", "us-gaap:InterestExpenseBorrowings"),
    (BS, CL, "Contract liabilities", "us-gaap:ContractWithCustomerLiabilityCurrent"),
    (BS, CL, "Employees and payroll accruals", "us-gaap:EmployeeRelatedLiabilitiesCurrent"),
    (BS, CL, "Deferred revenues and advances from customers", "us-gaap:DeferredRevenueCurrent"),
    (BS, ("Assets",), "Purchased technology and other intangible assets, net", "us-gaap:IntangibleAssetsNetExcludingGoodwill"),
    (BS, CL, "Short-term operating lease liabilities", "us-gaap:OperatingLeaseLiabilityCurrent"),
    (BS, CL, "Commercial paper", "us-gaap:CommercialPaper"),
    (BS, L, "Subordinated debt", "us-gaap:SubordinatedDebt"),
    (BS, CA, "Contract assets", "us-gaap:ContractWithCustomerAssetNetCurrent"),
    (BS, ("Assets",), "Goodwill and other intangibles, net", "us-gaap:IntangibleAssetsNetIncludingGoodwill"),
    (BS, ("Assets",), "Fixed assets, net", "us-gaap:PropertyPlantAndEquipmentNet"),
    (BS, ("Assets",), "Total non-current assets", "us-gaap:NoncurrentAssets"),
    (BS, L, "Total long-term liabilities", "us-gaap:LiabilitiesNoncurrent"),
    (OPS, ("Operating expenses",), "Real estate taxes", "us-gaap:RealEstateTaxExpense"),
    (OPS, ("Operating expenses",), "Impairment charges", "us-gaap:AssetImpairmentCharges"),
    (OPS, (), "Loss on foreign currency exchange", "us-gaap:ForeignCurrencyTransactionGainLossBeforeTax"),
    (OPS, (), "Net comprehensive income", "us-gaap:ComprehensiveIncomeNetOfTax"),
    (OPS, (), "Weighted-average number of common shares used in computing net income (loss) per share – basic",
     "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic"),
    (OPS, ("Weighted-average common shares outstanding:",), "Basic and diluted",
     "us-gaap:WeightedAverageNumberOfShareOutstandingBasicAndDiluted"),
    (OPS, ("Net loss per share:",), "Basic and diluted", "us-gaap:EarningsPerShareBasicAndDiluted"),
    (BS, L, "Deferred income", None),  # not under current liabilities: not guessed
    # the components of accumulated other comprehensive income listed under their heading
    (BS, EQ + ("Accumulated other comprehensive income (loss):",), "Foreign currency translation adjustments",
     "us-gaap:AccumulatedOtherComprehensiveIncomeLossForeignCurrencyTranslationAdjustmentNetOfTax"),
    (BS, EQ + ("Accumulated other comprehensive loss:",), "Defined benefit pension and other postretirement plans",
     "us-gaap:AccumulatedOtherComprehensiveIncomeLossDefinedBenefitPensionAndOtherPostretirementPlansNetOfTax"),
    (BS, EQ + ("Accumulated other comprehensive income (loss):",), "Investment securities",
     "us-gaap:AccumulatedOtherComprehensiveIncomeLossAvailableForSaleSecuritiesAdjustmentNetOfTax"),
    (BS, ("Assets",), "Investment securities", None),  # an asset elsewhere: not the AOCI component
    (BS, EQ, "Accumulated translation adjustment",
     "us-gaap:AccumulatedOtherComprehensiveIncomeLossForeignCurrencyTranslationAdjustmentNetOfTax"),
    # insurers
    (BS, ("Investments:",), "Fixed maturity securities available for sale, at fair value (amortized cost: $812)",
     "us-gaap:AvailableForSaleSecuritiesDebtSecurities"),
    (BS, ("Assets",), "Accrued investment income", "us-gaap:AccruedInvestmentIncomeReceivable"),
    (BS, ("Assets",), "Premium receivable", "us-gaap:PremiumsReceivableAtCarryingValue"),
    (BS, ("Assets",), "Deferred policy acquisition costs, net of ceding commissions", "us-gaap:DeferredPolicyAcquisitionCosts"),
    (BS, ("Assets",), "Reinsurance recoverable on paid losses and loss adjustment expenses",
     "us-gaap:ReinsuranceRecoverables"),
    (BS, ("Assets",), "Ceded unearned premiums", "us-gaap:PrepaidReinsurancePremiums"),
    (OPS, ("Revenues:",), "Ceded written premiums", "us-gaap:CededPremiumsWritten"),
    (OPS, ("Revenues:",), "Net written premiums", "us-gaap:PremiumsWrittenNet"),
    (OPS, ("Revenues:",), "Net earned premiums", "us-gaap:PremiumsEarnedNet"),
    (OPS, (), "Net foreign exchange loss", "us-gaap:ForeignCurrencyTransactionGainLossBeforeTax"),
    (OPS, (), "Other expense (income), net", "us-gaap:OtherNonoperatingIncomeExpense"),
    (BS, CL, "Short-term unearned revenue", "us-gaap:DeferredRevenueCurrent"),
    (BS, L, "Long-term unearned revenue", "us-gaap:DeferredRevenueNoncurrent"),
    (BS, CL, "Short-term income taxes", "us-gaap:AccruedIncomeTaxesCurrent"),
    (StatementKind.CASH_FLOWS, ("Operations",), "Net cash from operations",
     "us-gaap:NetCashProvidedByUsedInOperatingActivities"),
    (StatementKind.CASH_FLOWS, ("Financing",), "Net cash used in financing",
     "us-gaap:NetCashProvidedByUsedInFinancingActivities"),
    (StatementKind.CASH_FLOWS, ("Investing",), "Net cash used in investing",
     "us-gaap:NetCashProvidedByUsedInInvestingActivities"),
    (StatementKind.CASH_FLOWS, ("Financing",), "Cash paid for financing costs", None),
    (StatementKind.CASH_FLOWS, ("Financing",), "Common stock issued", "us-gaap:ProceedsFromIssuanceOfCommonStock"),
    (StatementKind.CASH_FLOWS, ("Financing",), "Common stock cash dividends paid", "us-gaap:PaymentsOfDividends"),
    (OPS, (), "Net income (loss) before taxes",
     "us-gaap:IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"),
    (StatementKind.CASH_FLOWS, ("Operating activities",), "Net income for the year", "us-gaap:NetIncomeLoss"),
    (StatementKind.CASH_FLOWS, ("Operating activities",), "Impairment loss", "us-gaap:AssetImpairmentCharges"),
    (OPS, (), "Other income/(expenses), net", "us-gaap:OtherNonoperatingIncomeExpense"),
    (BS, CA, "Trade and other receivables", "us-gaap:AccountsAndOtherReceivablesNetCurrent"),
    (BS, ("Assets",), "Bank owned life insurance", "us-gaap:BankOwnedLifeInsurance"),
    (OPS, (), "Bank owned life insurance income", "us-gaap:BankOwnedLifeInsuranceIncome"),
    (OPS, (), "Provision for (recovery of) credit losses", "us-gaap:ProvisionForLoanLeaseAndOtherLosses"),
    # a statement of comprehensive income opening with revenue, read as one of operations, closes
    # with its comprehensive income (an asset manager without other comprehensive income)
    (OPS, (), "Total comprehensive income", "us-gaap:ComprehensiveIncomeNetOfTax"),
    (OPS, (), "Less: Comprehensive income attributable to noncontrolling interest",
     "us-gaap:ComprehensiveIncomeNetOfTaxAttributableToNoncontrollingInterest"),
    (OPS, (), "Net interest income after provision for (recovery of) credit losses",
     "us-gaap:InterestIncomeExpenseAfterProvisionForLoanLoss"),
    # a dash setting off the qualifier, spaced or not, is the comma other releases print
    (BS, CL, "Finance lease obligations\u2014current", "us-gaap:FinanceLeaseLiabilityCurrent"),
    (BS, L, "Finance lease obligations\u2014net of current portion", "us-gaap:FinanceLeaseLiabilityNoncurrent"),
    (BS, ("Assets",), "Investment securities-available for sale", "us-gaap:AvailableForSaleSecuritiesDebtSecurities"),
    (BS, ("Assets",), "Mortgage-backed securities - held to maturity", "us-gaap:HeldToMaturitySecurities"),
    (BS, CA, "Prepaid income taxes", "us-gaap:PrepaidTaxes"),
    (BS, CL, "Sales tax payable", "us-gaap:SalesAndExciseTaxPayableCurrent"),
    (BS, CL, "Short-term and current portion of long-term debt", "us-gaap:DebtCurrent"),
    (BS, ("Assets",), "Investment in unconsolidated affiliates", "us-gaap:EquityMethodInvestments"),
    (OPS, (), "Loss on debt extinguishment, net", "us-gaap:GainsLossesOnExtinguishmentOfDebt"),
    (OPS, (), "Provision for income taxes, net", "us-gaap:IncomeTaxExpenseBenefit"),
    (OPS, (), "Equity in income of unconsolidated subsidiary", "us-gaap:IncomeLossFromEquityMethodInvestments"),
    (StatementKind.CASH_FLOWS, ("Adjustments",), "Deferred income tax (recovery) expense",
     "us-gaap:DeferredIncomeTaxExpenseBenefit"),
    (StatementKind.CASH_FLOWS, ("Adjustments",), "Deferred provision (benefit) for income taxes",
     "us-gaap:DeferredIncomeTaxExpenseBenefit"),
    (StatementKind.CASH_FLOWS, ("Adjustments",), "Unrealized foreign exchange loss (gain)",
     "us-gaap:ForeignCurrencyTransactionGainLossUnrealized"),
    (StatementKind.CASH_FLOWS, ("Financing activities",), "Proceeds from issuance of common stock upon exercise of stock "
     "options", "us-gaap:ProceedsFromStockOptionsExercised"),
    (StatementKind.CASH_FLOWS, ("Investing activities",), "Proceeds from sale of business, net of cash",
     "us-gaap:ProceedsFromDivestitureOfBusinessesNetOfCashDivested"),
    # the GAAP figure named beside adjusted ones
    (OPS, (), "NET INCOME AS REPORTED (See Notes)", "us-gaap:NetIncomeLoss"),
    (OPS, (), "Net income - as reported", "us-gaap:NetIncomeLoss"),
    (BS, ("Assets",), "Amortizable Intangible Assets, net", "us-gaap:FiniteLivedIntangibleAssetsNet"),
    (BS, ("Assets",), "Investments in Noncontrolled Affiliates", "us-gaap:EquityMethodInvestments"),
    (BS, CL, "Short-term debt obligations", "us-gaap:ShortTermBorrowings"),
    (BS, L, "Long-Term Debt Obligations", "us-gaap:LongTermDebtNoncurrent"),
    (BS, CL, "Accrued interest on long-term debt", "us-gaap:InterestPayableCurrent"),
    (OPS, (), "Impairment of intangible assets", "us-gaap:ImpairmentOfIntangibleAssetsExcludingGoodwill"),
    (OPS, (), "Income (loss) from unconsolidated affiliates", "us-gaap:IncomeLossFromEquityMethodInvestments"),
    (OPS, ("Other Income (Expense)",), "Gain on debt redemption", "us-gaap:GainsLossesOnExtinguishmentOfDebt"),
    (StatementKind.CASH_FLOWS, ("Supplemental cash flow information",), "Cash paid for operating leases",
     "us-gaap:OperatingLeasePayments"),
    (StatementKind.CASH_FLOWS, ("Adjustments to reconcile net loss to net cash used in operating activities",),
     "Impairments of goodwill, long-lived assets and other assets", "us-gaap:AssetImpairmentCharges"),
    # a newswire release of a small company (2024-2025)
    (BS, CA, "Amount due from related parties", "us-gaap:DueFromRelatedPartiesCurrent"),
    (BS, CL, "Amounts due to related parties", "us-gaap:DueToRelatedPartiesCurrent"),
    (BS, ("Assets", "Non-current assets"), "Plant and equipment, net", "us-gaap:PropertyPlantAndEquipmentNet"),
    (BS, ("Assets", "Non-current assets"), "Operating leases right-of-use assets", "us-gaap:OperatingLeaseRightOfUseAsset"),
    (StatementKind.CASH_FLOWS, ("Cash flows from financing activities",), "Cash \u2013 Ending of Period",
     "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"),
    (OPS, ("Net income (loss) per ordinary share attributable to GMGI",), "Basic", "us-gaap:EarningsPerShareBasic"),
    (OPS, (), "Net income (loss) per ordinary share attributable to Ostrava Group: Basic", "us-gaap:EarningsPerShareBasic"),
    (OPS, (), "Net loss per share attributable to Ostrava Group: Diluted", "us-gaap:EarningsPerShareDiluted"),
    (OPS, (), "Net loss per share attributable to noncontrolling interests: Diluted", None),
    # a foreign private issuer's cash flows in US dollars (2023)
    (StatementKind.CASH_FLOWS, ("Adjustments to reconcile loss to net cash provided by (used in) operating activities",),
     "Share-based payment", "us-gaap:ShareBasedCompensation"),
    (StatementKind.CASH_FLOWS, ("Changes in assets and liabilities",), "Decrease (increase) in other receivables",
     "us-gaap:IncreaseDecreaseInOtherReceivables"),
    (StatementKind.CASH_FLOWS, ("Supplemental cash flow information related to operating leases",),
     "Cash payments for operating leases", "us-gaap:OperatingLeasePayments"),
    (StatementKind.CASH_FLOWS, ("Supplemental cash flow information related to operating leases",),
     "New operating lease assets obtained in exchange for operating lease liabilities",
     "us-gaap:RightOfUseAssetObtainedInExchangeForOperatingLeaseLiability"),
    (BS, CL, "Other accounts payables", "us-gaap:AccountsPayableOtherCurrent"),
    (StatementKind.CASH_FLOWS, ("Cash flows from Financing Activities",), "Issuance of ordinary shares, net of issuance expenses",
     "us-gaap:ProceedsFromIssuanceOfCommonStock"),
    (BS, ("ASSETS",), "Total cash and cash equivalents", "us-gaap:CashAndCashEquivalentsAtCarryingValue"),
    (BS, ("LIABILITIES",), "TOTAL LIABILITIES & CAPITAL/EQUITY", "us-gaap:LiabilitiesAndStockholdersEquity"),
    (BS, ("Assets", "NON-CURRENT ASSETS"), "Restricted cash", "us-gaap:RestrictedCashNoncurrent"),
    (BS, ("Assets", "CURRENT ASSETS"), "Restricted cash", "us-gaap:RestrictedCash"),
    (StatementKind.CASH_FLOWS, ("Adjustments to reconcile net loss to net cash used in operating activities",),
     "Fair Value Adjustment of Public Warrants", "us-gaap:FairValueAdjustmentOfWarrants"),
    # a retailer's cost of sales with its buying and occupancy costs (2004)
    (OPS, (), "Cost of sales, buying and occupancy", "us-gaap:CostOfGoodsAndServicesSold"),
    (OPS, (), "Cost of merchandise sold", "us-gaap:CostOfGoodsAndServicesSold"),
    # wordings of real 10-Qs and 10-Ks of companies outside the fifteen the vocabulary learns from
    (CF, ("OPERATING ACTIVITIES",), "TOTAL OPERATING ACTIVITIES", "us-gaap:NetCashProvidedByUsedInOperatingActivities"),
    (CF, ("INVESTING ACTIVITIES",), "TOTAL INVESTING ACTIVITIES", "us-gaap:NetCashProvidedByUsedInInvestingActivities"),
    (CF, ("FINANCING ACTIVITIES",), "TOTAL FINANCING ACTIVITIES", "us-gaap:NetCashProvidedByUsedInFinancingActivities"),
    (CF, ("Investing activities",), "Payments for acquisition of property, plant and equipment",
     "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment"),
    (CF, ("Investing activities",), "Purchase of equipment", "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment"),
    (CF, ("Investing activities",), "Purchases of property and equipment excluding finance leases, net of sales",
     "us-gaap:PaymentsToAcquirePropertyPlantAndEquipment"),
    (CF, ("Investing activities",), "Proceeds from sale of equipment", "us-gaap:ProceedsFromSaleOfPropertyPlantAndEquipment"),
    (CF, ("INVESTING ACTIVITIES",), "Proceeds from asset sales", "us-gaap:ProceedsFromSaleOfProductiveAssets"),
    (CF, ("INVESTING ACTIVITIES",), "Other investing activity", "us-gaap:PaymentsForProceedsFromOtherInvestingActivities"),
    (CF, ("Financing activities",), "Payments for dividends and dividend equivalents", "us-gaap:PaymentsOfDividends"),
    (CF, ("Financing activities",), "Proceeds from issuance of term debt, net", "us-gaap:ProceedsFromIssuanceOfLongTermDebt"),
    (CF, ("Financing activities",), "Repayments of term debt", "us-gaap:RepaymentsOfLongTermDebt"),
    (CF, ("Financing activities",), "Long-term debt issued, net of discount and issuance costs of $49 and $37",
     "us-gaap:ProceedsFromIssuanceOfLongTermDebt"),
    (CF, ("Financing activities",), "Long-term debt repaid", "us-gaap:RepaymentsOfLongTermDebt"),
    (CF, ("Financing activities",), "Short-term debt issued", "us-gaap:ProceedsFromShortTermDebt"),
    (CF, ("Financing activities",), "Short-term debt repaid", "us-gaap:RepaymentsOfShortTermDebt"),
    (CF, ("FINANCING ACTIVITIES",), "Additions to short-term debt with original maturities of more than three months",
     "us-gaap:ProceedsFromShortTermDebtMaturingInMoreThanThreeMonths"),
    (CF, ("FINANCING ACTIVITIES",), "Reductions in short-term debt with original maturities of more than three months",
     "us-gaap:RepaymentsOfShortTermDebtMaturingInMoreThanThreeMonths"),
    (CF, ("FINANCING ACTIVITIES",), "Treasury stock purchases", "us-gaap:PaymentsForRepurchaseOfCommonStock"),
    (CF, ("Financing activities",), "Proceeds from convertible notes payable, net of issuance costs",
     "us-gaap:ProceedsFromConvertibleDebt"),
    (CF, ("Financing activities",), "Distributions paid to noncontrolling interests in subsidiaries",
     "us-gaap:PaymentsToMinorityShareholders"),
    (CF, ("Financing activities",), "Payments related to tax on restricted stock units",
     "us-gaap:PaymentsRelatedToTaxWithholdingForShareBasedCompensation"),
    (CF, (), "Cash, cash equivalents, and restricted cash and cash equivalents, ending balances",
     "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"),
    (CF, ("Operating activities",), "Amortization of debt discount and issuance cost", "us-gaap:AmortizationOfFinancingCostsAndDiscounts"),
    (CF, ("Adjustments to reconcile net loss to net cash used in operating activities",), "Credit losses",
     "us-gaap:ProvisionForDoubtfulAccounts"),
    (CF, ("Operating activities",), "Change in fair value of warrant liability, net", "us-gaap:FairValueAdjustmentOfWarrants"),
    (CF, ("Operating activities",), "Inventory and purchase commitments write-downs", "us-gaap:InventoryWriteDown"),
    (CF, ("OPERATING ACTIVITIES",), "Indefinite-lived intangible asset impairment charge",
     "us-gaap:ImpairmentOfIntangibleAssetsIndefinitelivedExcludingGoodwill"),
    (CF, ("OPERATING ACTIVITIES",), "Change in accounts payable and accrued and other liabilities",
     "us-gaap:IncreaseDecreaseInAccountsPayableAndAccruedLiabilities"),
    (CF, ("OPERATING ACTIVITIES",), "Change in other operating assets and liabilities",
     "us-gaap:IncreaseDecreaseInOtherOperatingCapitalNet"),
    (CF, ("Supplemental non-cash investing and financing activities",),
     "Leased assets obtained in exchange for operating lease liabilities",
     "us-gaap:RightOfUseAssetObtainedInExchangeForOperatingLeaseLiability"),
    (CF, ("Supplemental non-cash investing and financing activities",),
     "Leased assets obtained in exchange for finance lease liabilities",
     "us-gaap:RightOfUseAssetObtainedInExchangeForFinanceLeaseLiability"),
    (OPS, (), "Other non-operating income/(expense), net", "us-gaap:OtherNonoperatingIncomeExpense"),
    (OPS, (), "Weighted average shares of common stock outstanding", "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic"),
    (OPS, (), "Weighted average shares of common stock outstanding, including effect of dilutive securities",
     "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding"),
    (BS, CA, "Total inventories", "us-gaap:InventoryNet"),
    (BS, ("Assets",), "Goodwill, net of accumulated impairment charges", "us-gaap:Goodwill"),
    (BS, L, "Commitments and contingencies - see Note 12", "us-gaap:CommitmentsAndContingencies"),
    # General Electric's and Amazon's 10-Ks
    (BS, CA, "All other current assets (Note 9)", "us-gaap:OtherAssetsCurrent"),
    (CF, ("Cash flows - investing activities",), "All other investing activities",
     "us-gaap:PaymentsForProceedsFromOtherInvestingActivities"),
    (CF, ("Cash flows - operating activities",), "Cash from (used for) operating activities – continuing operations",
     "us-gaap:NetCashProvidedByUsedInOperatingActivitiesContinuingOperations"),
    (CF, ("Cash flows - investing activities",), "Cash from (used for) investing activities – discontinued operations",
     "us-gaap:CashProvidedByUsedInInvestingActivitiesDiscontinuedOperations"),
    (CF, ("Cash flows - investing activities",), "Dispositions of property, plant and equipment",
     "us-gaap:ProceedsFromSaleOfPropertyPlantAndEquipment"),
    (CF, ("Cash flows - investing activities",), "Additions to property, plant and equipment and internal-use software",
     "us-gaap:PaymentsToAcquireProductiveAssets"),
    (CF, ("Financing activities",), "Proceeds from short-term debt, and other", "us-gaap:ProceedsFromShortTermDebt"),
    # Meta's, Alphabet's, Home Depot's and Procter & Gamble's 10-Ks
    (OPS, ("Costs and expenses",), "Marketing and sales", "us-gaap:SellingAndMarketingExpense"),
    (CF, ("Financing activities",), "Repurchases of stock", "us-gaap:PaymentsForRepurchaseOfCommonStock"),
    (CF, ("Operating activities",), "Depreciation of property and equipment", "us-gaap:Depreciation"),
    (BS, CL, "Current installments of long-term debt", "us-gaap:LongTermDebtCurrent"),
    (BS, L, "Long-term debt, excluding current installments", "us-gaap:LongTermDebtNoncurrent"),
    (BS, CL, "Accrued salaries and related expenses", "us-gaap:EmployeeRelatedLiabilitiesCurrent"),
    (BS, CL, "Other accrued expenses", "us-gaap:OtherAccruedLiabilitiesCurrent"),
    (BS, L, "Other accrued expenses", None),  # not under current liabilities: not guessed
    (BS, ("Assets",), "TRADEMARKS AND OTHER INTANGIBLE ASSETS, NET", "us-gaap:IntangibleAssetsNetExcludingGoodwill"),
    # the lines of a cash-flow statement's reconciliation of restricted cash to the balance sheet (Meta, Union Pacific)
    (BS, (), "Restricted cash, included in prepaid expenses and other current assets",
     "us-gaap:RestrictedCashAndCashEquivalentsAtCarryingValue"),
    (BS, (), "Restricted cash, included in other assets", "us-gaap:RestrictedCashAndCashEquivalentsNoncurrent"),
    (BS, (), "Restricted cash equivalents in other current assets", "us-gaap:RestrictedCashAndCashEquivalentsAtCarryingValue"),
])
def test_synonyms(kind, section, label, concept):
    match = match_line_item(concept_table(), kind, item(label, "1", section=section))
    assert (match.entry.concept if match.entry else None) == concept


def test_title_case_heading_above_a_colon_heading_is_the_outer_section():
    text = "\n".join([
        "Condensed Consolidated Balance Sheets",
        "(in thousands)",
        "\tJune 30, 2025\tDecember 31, 2024",
        "Assets",
        "Current assets:",
        "Cash\t$ 10\t$ 12",
        "Total current assets\t10\t12",
        "Other assets\t5\t5",
        "Total assets\t$ 15\t$ 17",
        "Liabilities and Equity",
        "Current liabilities:",
        "Accounts payable\t$ 4\t$ 6",
        "Total current liabilities\t4\t6",
        "Total equity\t11\t11",
        "Total liabilities and equity\t$ 15\t$ 17",
        "",
    ])
    (sheet,) = extract_text(text, "headings.txt").statements
    sections = {i.label: i.section for i in sheet.items}
    assert sections["Cash"] == ("Assets", "Current assets")
    assert sections["Total assets"] == ("Assets",)
    assert sections["Accounts payable"] == ("Liabilities and Equity", "Current liabilities")
    table = concept_table()
    concepts = {i.label: match_line_item(table, BS, i).entry.concept for i in sheet.items}
    assert concepts["Total assets"] == "us-gaap:Assets"
    assert concepts["Total liabilities and equity"] == "us-gaap:LiabilitiesAndStockholdersEquity"


@pytest.mark.parametrize(("label", "section", "item_type"), [
    ("Cumulative effect of accounting change", ("Basic net income per average common share",), "perShareItemType"),
    ("Before special items", ("Diluted earnings per common share",), "perShareItemType"),
    ("Before special items", ("Operating expenses",), "monetaryItemType"),
])
def test_extension_rows_under_a_per_share_heading_are_per_share(label, section, item_type):
    from converter.fallback import implied_item_type

    assert implied_item_type(item(label, "0.07", section=section)) == item_type


@pytest.mark.parametrize(("label", "values", "section", "item_type"), [
    # a count of shares printed under a per-share heading, in thousands
    ("Weighted-average common shares outstanding (000)", ("922,941",), ("Per common share -- assuming dilution",),
     "sharesItemType"),
    ("Common shares outstanding (000)", ("932,398",), (), "sharesItemType"),
    ("Basic", ("11,940,064",), ("Weighted average shares outstanding",), "sharesItemType"),
    # amounts of money that speak of shares
    ("Shares held in RSU Trust, at cost", ("(11)",), ("Stockholders' equity",), "monetaryItemType"),
    ("Proceeds from issuance of shares", ("1,024",), ("Financing activities",), "monetaryItemType"),
    ("Authorized 800 shares, issued 543 shares", ("2,713",), ("Common stock - $5 par value",), "monetaryItemType"),
    # money rows under a heading that mentions per-share amounts are money
    ("U.S. net revenue", ("2,654",), ("Weighted-average number of shares of common stock outstanding used in "
                                      "computing per share amounts",), "monetaryItemType"),
])
def test_extension_item_types(label, values, section, item_type):
    from converter.fallback import implied_item_type

    assert implied_item_type(item(label, *values, section=section)) == item_type


def _bank_sheet(classified: bool) -> list:
    from modelkit import item as row

    a, l = ("Assets",), ("Liabilities and equity",)
    rows = [row("Cash and due from banks", "2,000", "1,900", section=a),
            row("Loans, net", "80,000", "79,000", section=a),
            row("Other assets", "6,000", "5,900", section=a),
            row("Total assets", "88,000", "86,800", section=a),
            row("Deposits", "70,000", "69,000", section=l),
            row("Long-term borrowings", "5,000", "4,900", section=l),
            row("Other liabilities", "3,000", "2,900", section=l),
            row("Total liabilities", "78,000", "76,800", section=l),
            row("Total shareholders' equity", "10,000", "10,000", section=l),
            row("Total liabilities and equity", "88,000", "86,800", section=l)]
    if classified:  # a total of current assets: the rows after it are non-current
        rows.insert(2, row("Total current assets", "82,000", "80,900", section=a))
    return rows


@pytest.mark.parametrize(("classified", "expected"), [
    (False, {"us-gaap:OtherAssets", "us-gaap:OtherLiabilities", "us-gaap:LongTermDebt"}),
    (True, {"us-gaap:OtherAssetsNoncurrent", "us-gaap:OtherLiabilitiesNoncurrent", "us-gaap:LongTermDebtNoncurrent"}),
])
def test_a_balance_sheet_without_current_sections_takes_unclassified_elements(classified, expected):
    """Regions Financial, like every bank, sorts nothing into current and non-current: its
    "Other assets", "Other liabilities" and "Long-term borrowings" had been tagged as non-current."""
    from converter.map import EntityId, map_release
    from modelkit import release, statement

    mapped = map_release(release(statement(BS, _bank_sheet(classified))), concept_table(),
                         EntityId(cik="0009990031", name="Made Up Bancorp"))
    concepts = {f.concept for f in mapped.facts}
    assert expected <= concepts
