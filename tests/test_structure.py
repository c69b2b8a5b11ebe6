"""Which rows a total adds up: the layout's reading, checked by the printed figures."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from converter.checks import run_checks, statement_totals
from converter.concepts import concept_table
from converter.linkbases import Summation
from converter.map import EntityId, map_release, match_line_item
from converter.model import Fact, Period, StatementKind, UnitKind
from converter.checks import weight
from converter.structure import explain, holds
from modelkit import CA, A, CL, L, SE, item, release, statement

ENTITY = EntityId(cik="0001009759", name="Made Up Corp")


def _totals(st):
    table = concept_table()
    rows = [(i, match_line_item(table, st.kind, i).entry) for i in st.items]
    return statement_totals(st.kind, rows)


def _sheet(extra_heading=()):
    """A balance sheet whose liabilities have no "Total liabilities" row and whose equity rows
    sit under no printed equity heading: the layout reads "Total liabilities and equity" as
    the sum of the liabilities only."""
    return statement(StatementKind.BALANCE_SHEET, [
        item("Cash and cash equivalents", "100", "90", section=CA),
        item("Inventories", "50", "40", section=CA),
        item("Total current assets", "150", "130", section=CA),
        item("Other assets", "10", "10", section=A),
        item("Total assets", "160", "140", section=A),
        item("Accounts payable", "30", "20", section=CL),
        item("Total current liabilities", "30", "20", section=CL),
        item("Long-term debt", "20", "20", section=L + extra_heading),
        item("Common stock", "1", "1", section=L + extra_heading),
        item("Additional paid-in capital", "109", "99", section=L + extra_heading),
        item("Total liabilities and stockholders' equity", "160", "140", section=L),
    ])


def test_a_layout_reading_that_adds_up_is_kept():
    found, missing = _totals(_sheet())
    by_total = {t.entry.local_name: (t.how, [e.local_name for _i, e, _w in t.parts]) for t in found}
    assert by_total["AssetsCurrent"] == ("layout", ["CashAndCashEquivalentsAtCarryingValue", "InventoryNet"])
    assert by_total["Assets"][0] == "layout"
    assert missing == []


def test_rows_above_are_tried_when_the_layout_reading_does_not_add_up():
    sheet = statement(StatementKind.BALANCE_SHEET, [
        item("Accounts payable", "30", "20", section=CL),
        item("Accrued liabilities", "5", "5", section=CL),
        item("Total current liabilities", "35", "25", section=CL),
        item("Common stock", "1", "1", section=SE),
        item("Additional paid-in capital", "114", "104", section=SE),
        item("Total stockholders' equity", "115", "105", section=SE),
        item("Total liabilities and stockholders' equity", "150", "130", section=L),
    ])
    table = concept_table()
    rows = [(i, match_line_item(table, sheet.kind, i).entry) for i in sheet.items]
    # a layout reading that forgot the current liabilities
    wrong = [(rows[2], rows[:2]), (rows[5], rows[3:5]), (rows[6], [rows[5]])]
    found, missing = explain(sheet.kind, rows, wrong, weight)
    total = next(t for t in found if t.entry.local_name == "LiabilitiesAndStockholdersEquity")
    assert total.how == "rows above"
    assert [e.local_name for _i, e, _w in total.parts] == ["LiabilitiesCurrent", "StockholdersEquity"]
    assert missing == []


def test_a_total_no_reading_explains_is_an_error_and_gets_no_sum():
    sheet = statement(StatementKind.BALANCE_SHEET, [
        item("Cash and cash equivalents", "100", "90", section=CA),
        item("Inventories", "50", "40", section=CA),
        item("Total current assets", "155", "130", section=CA),
    ])
    found, missing = _totals(sheet)
    assert [m.entry.local_name for m in missing] == ["AssetsCurrent"] and found == []
    messages = run_checks(map_release(release(sheet), concept_table(), ENTITY), concept_table())
    assert [(m.code, m.level.value) for m in messages] == [("check.total", "error")]


def test_a_sum_must_hold_in_every_context_of_the_instance():
    q = Period(start=date(2024, 7, 1), end=date(2024, 9, 30))
    ytd = Period(start=date(2024, 1, 1), end=date(2024, 9, 30))

    def fact(concept, period, value):
        return Fact(f"us-gaap:{concept}", period, Decimal(value), UnitKind.USD, -3)

    summation = Summation("us-gaap:GrossProfit", (("us-gaap:Revenues", 1), ("us-gaap:CostOfRevenue", -1)))
    good = [fact("Revenues", q, 100000), fact("CostOfRevenue", q, 60000), fact("GrossProfit", q, 40000)]
    assert holds(summation, good)
    # the same concepts from a year-to-date statement whose figures do not fit this sum
    assert not holds(summation, good + [fact("Revenues", ytd, 300000), fact("CostOfRevenue", ytd, 100000),
                                        fact("GrossProfit", ytd, 150000)])
    # rounding of the printed figures (thousands: half a unit each) is allowed
    assert holds(summation, [fact("Revenues", q, 100000), fact("CostOfRevenue", q, 60000),
                             fact("GrossProfit", q, 41000)])


def test_a_total_of_one_row_and_a_total_left_unexplained_by_an_unmapped_row():
    """ "Total minority interest" repeats its one row (nothing to add up); "Total shareholders'
    equity" cannot be checked (one of its rows has no concept) but its rows are still its own,
    so "Total liabilities and shareholders' equity" adds up the three totals above it."""
    table = concept_table()
    g = "us-gaap:"
    printed = [
        ("Accounts payable", "60", "50", L, "AccountsPayableCurrent"),
        ("Long-term debt", "40", "40", L, "LongTermDebtNoncurrent"),
        ("Total liabilities", "100", "90", L, "Liabilities"),
        ("Minority interest in consolidated subsidiary", "5", "0", L, "MinorityInterest"),
        ("Total minority interest", "5", "0", L, "MinorityInterest"),
        ("Common stock", "10", "10", SE, "CommonStockValue"),
        ("Widget reserves and other", "85", "80", SE, None),
        ("Total shareholders' equity", "95", "90", SE, "StockholdersEquity"),
        ("Total liabilities and shareholders' equity", "200", "180", L, "LiabilitiesAndStockholdersEquity"),
    ]
    rows = [(item(label, a, b, section=section), table.entry(g + concept) if concept else None)
            for label, a, b, section, concept in printed]
    found, missing = statement_totals(StatementKind.BALANCE_SHEET, rows)
    parts = {f.total.label: [p[0].label for p in f.parts] for f in found}
    assert parts["Total liabilities and shareholders' equity"] == [
        "Total liabilities", "Total minority interest", "Total shareholders' equity"]
    assert [m.total.label for m in missing] == ["Total shareholders' equity"]


def test_a_row_adding_into_a_total_of_its_own_concept_leaves_the_concept_to_the_total():
    rel = release(statement(StatementKind.OPERATIONS, [
        item("Net revenue", "1,793", "1,129", section=("Revenue",)),
        item("Other revenue", "76", "77", section=("Revenue",)),
        item("Total revenue", "1,869", "1,206", section=("Revenue",)),
        item("Operating expenses", "1,000", "900"),
        item("Net income", "869", "306"),
    ]))
    mapped = map_release(rel, concept_table(), ENTITY)
    revenues = sorted(f.value for f in mapped.facts if f.concept == "us-gaap:Revenues")
    assert revenues == [Decimal(1206000), Decimal(1869000)]
    assert not any(f.concept == "us-gaap:Revenues" and f.label == "Net revenue" for f in mapped.facts)
    # a total that only repeats its one row is no sum: the row keeps its concept
    rel = release(statement(StatementKind.OPERATIONS, [
        item("Net revenue", "1,869", "1,206", section=("Revenue",)),
        item("Total revenue", "1,869", "1,206", section=("Revenue",)),
        item("Net income", "869", "306"),
    ]))
    mapped = map_release(rel, concept_table(), ENTITY)
    assert "Net revenue" in {f.label for f in mapped.facts if f.concept == "us-gaap:Revenues"}


def test_an_unlabelled_subtotal_does_not_take_the_total_printed_with_its_label():
    """An IFRS airline's statement of financial position: "ASSETS" with no "Current assets:"
    heading, a subtotal printed without a label, then "TOTAL CURRENT ASSETS" and "TOTAL ASSETS".
    The reader named the subtotal after its heading ("Total assets"): it took total assets
    (the printed total lost, a wrong key figure), and "Prepaid expenses" above the current
    total was not known to be current."""
    from converter.checks import run_checks
    from converter.concepts import concept_table
    from converter.extract import extract_text
    from converter.map import EntityId, map_release

    text = ("# Made Up Air Reports Results\n\n**Consolidated statement of financial position**\n**(In US$ thousands)**\n\n"
            "|  | **December 2024** | **December 2023** |\n| --- | --- | --- |\n"
            "| **ASSETS** | **(Unaudited)** | **(Audited)** |\n"
            "| Cash and cash equivalents | 613,313 | 206,375 |\n"
            "| Accounts receivable, net | 166,014 | 156,720 |\n"
            "| Prepaid expenses | 42,926 | 44,635 |\n"
            "|  | **208,940** | **201,355** |\n"
            "| **TOTAL CURRENT ASSETS** | **822,253** | **407,730** |\n"
            "| Property and equipment, net | 3,458,261 | 3,238,632 |\n"
            "| **TOTAL ASSETS** | **4,280,514** | **3,646,362** |\n"
            "| **LIABILITIES** |  |  |\n"
            "| Accounts payable | 180,514 | 146,362 |\n"
            "| **TOTAL CURRENT LIABILITIES** | **180,514** | **146,362** |\n"
            "| Long-term debt | 1,100,000 | 1,000,000 |\n"
            "| **TOTAL LIABILITIES** | **1,280,514** | **1,146,362** |\n"
            "| **EQUITY** |  |  |\n"
            "| Retained earnings | 3,000,000 | 2,500,000 |\n"
            "| **TOTAL EQUITY** | **3,000,000** | **2,500,000** |\n"
            "| **TOTAL EQUITY AND LIABILITIES** | **4,280,514** | **3,646,362** |\n")
    release = extract_text(text, "made-up-air.md")
    mapped = map_release(release, concept_table(), EntityId(cik="0009990024", name="Made Up Air"))
    dec24 = release.statements[0].periods[0]
    facts = {f.concept: f.value for f in mapped.facts if f.period == dec24}
    assert facts["us-gaap:Assets"] == Decimal("4280514000")
    assert facts["us-gaap:AssetsCurrent"] == Decimal("822253000")
    assert facts["us-gaap:PrepaidExpenseCurrent"] == Decimal("42926000")
    assert facts["us-gaap:LiabilitiesAndStockholdersEquity"] == Decimal("4280514000")
    assert not any(d.concept is None and d.rule.startswith("conflicts") for d in mapped.decisions)
    assert [m.message for m in run_checks(mapped, concept_table()) if m.level.value == "error"] == []


def test_a_minority_interest_printed_as_its_effect_on_net_income_stores_the_opposite():
    """A 2005 text release prints "Minority interest in income (loss) of subsidiary 22" above
    "Net income (loss)", which adds it (310 - 125 + 22 - 73 = 134): the figure is its effect on
    net income, a loss of 22 attributable to the minority. The income tax row, printed without
    parentheses too, is subtracted as its concept says: only the minority row makes the total
    add up when added, so only it is turned."""
    rel = release(statement(StatementKind.OPERATIONS, [
        item("Net revenues", "5,000", "4,800"),
        item("Costs and expenses", "4,690", "5,215"),
        item("Income (loss) before income taxes", "310", "(415)"),
        item("Income tax (benefit)", "125", "102"),
        item("Minority interest in income (loss) of consolidated subsidiary", "22", "10"),
        item("Equity in income (loss) of unconsolidated subsidiary", "(73)", "0"),
        item("Net income (loss)", "134", "(507)"),
    ]))
    mapped = map_release(rel, concept_table(), ENTITY)
    minority = [f.value for f in mapped.facts if f.concept == "us-gaap:NetIncomeLossAttributableToNoncontrollingInterest"]
    assert sorted(minority) == [Decimal(-22000), Decimal(-10000)]
    tax = [f.value for f in mapped.facts if f.concept == "us-gaap:IncomeTaxExpenseBenefit"]
    assert sorted(tax) == [Decimal(102000), Decimal(125000)]
    assert not [m for m in run_checks(mapped, concept_table()) if m.level.value == "error"]


def test_a_second_row_of_a_concept_with_other_figures_becomes_an_extension_not_untagged():
    """A savings bank's balance sheet prints "Securities available for sale" and then
    "Securities available for sale, pledged as collateral": both match the available-for-sale
    concept, which cannot hold two figures for one date. The first keeps it; the second is
    something else (an extension concept), where it used to be dropped as a conflict."""
    from converter.extension import build_extension
    rel = release(statement(StatementKind.BALANCE_SHEET, [
        item("Cash and cash equivalents", "100", "90", section=A),
        item("Securities available for sale", "32,183", "51,652", section=A),
        item("Securities available for sale, pledged as collateral", "7,500", "9,100", section=A),
        item("Total assets", "39,783", "60,842", section=A),
    ]))
    table = concept_table()
    mapped = map_release(rel, table, ENTITY)
    afs = sorted(f.value for f in mapped.facts if f.concept == "us-gaap:AvailableForSaleSecuritiesDebtSecurities")
    assert afs == [Decimal(32183000), Decimal(51652000)]
    assert not [d for d in mapped.decisions if "conflicts with" in d.rule]
    with_ext, _taxonomy = build_extension(mapped, table)
    extension = {f.concept: f.value for f in with_ext.facts if f.label.endswith("pledged as collateral")}
    assert list(extension.values()) and all(not c.startswith("us-gaap:") for c in extension)
    assert sorted(f.value for f in with_ext.facts if f.label.endswith("pledged as collateral")) == [
        Decimal(7500000), Decimal(9100000)]


def test_a_gross_amount_is_known_by_its_net_within_the_rounding_of_printed_millions():
    """A 10-Q in millions prints "Property, plant and equipment 18,160", "Less: Accumulated
    depreciation 12,218" and "Property, plant and equipment — net 5,943": the figures, each
    rounded, differ from the net by one. The first row is still the gross amount, not a second
    net amount that would leave the printed net untagged."""
    rel = release(statement(StatementKind.BALANCE_SHEET, [
        item("Cash and cash equivalents", "11,943", "13,947", section=CA),
        item("Total current assets", "11,943", "13,947", section=CA),
        item("Property, plant and equipment", "18,160", "17,970", section=A),
        item("Less: Accumulated depreciation", "12,218", "12,022", section=A),
        item("Property, plant and equipment \u2014 net", "5,943", "5,948", section=A),
        item("Total assets", "17,886", "19,895", section=A),
    ]))
    mapped = map_release(rel, concept_table(), ENTITY)
    concept = {f.label: f.concept for f in mapped.facts if f.statement is StatementKind.BALANCE_SHEET}
    assert concept["Property, plant and equipment"] == "us-gaap:PropertyPlantAndEquipmentGross"
    assert concept["Property, plant and equipment \u2014 net"] == "us-gaap:PropertyPlantAndEquipmentNet"


def test_net_income_after_a_minority_interest_taken_out_is_the_parent_s():
    """A 2006 release prints "Minority interest in income of consolidated subsidiary" above
    "Net income": that net income is the parent's (NetIncomeLoss), not the consolidated one
    (ProfitLoss) that a release with a minority row gets when the minority is taken out below
    it. Its statement of cash flows opens with the same figures: the same concept."""
    def taxed():
        return [item("Net revenues", "5,000", "4,800"), item("Costs and expenses", "4,600", "4,500"),
                item("Income before income taxes", "400", "300"), item("Provision for income taxes", "150", "100")]

    ops = statement(StatementKind.OPERATIONS, [
        *taxed(),
        item("Minority interest in income of consolidated subsidiary", "30", "20"),
        item("Net income", "220", "180"),
    ])
    flows = statement(StatementKind.CASH_FLOWS, [
        item("Net income", "220", "180", section=("Cash flows from operating activities",)),
        item("Depreciation and amortization", "80", "70", section=("Cash flows from operating activities",)),
        item("Net cash provided by operating activities", "300", "250", section=("Cash flows from operating activities",)),
    ])
    mapped = map_release(release(ops, flows), concept_table(), ENTITY)
    by_statement = {(d.statement, d.label): d.concept for d in mapped.decisions if d.label == "Net income"}
    assert by_statement == {(StatementKind.OPERATIONS, "Net income"): "us-gaap:NetIncomeLoss",
                            (StatementKind.CASH_FLOWS, "Net income"): "us-gaap:NetIncomeLoss"}
    # one fact each period: the statement of cash flows repeats it
    assert sorted(f.value for f in mapped.facts if f.concept == "us-gaap:NetIncomeLoss") == [Decimal(180000), Decimal(220000)]
    assert not any(f.concept == "us-gaap:ProfitLoss" for f in mapped.facts)
    # the minority taken out below the consolidated net income: that one stays ProfitLoss
    modern = statement(StatementKind.OPERATIONS, [
        *taxed(),
        item("Net income", "250", "200"),
        item("Less: Net income attributable to noncontrolling interests", "30", "20"),
        item("Net income attributable to Made Up Corp", "220", "180"),
    ])
    mapped = map_release(release(modern), concept_table(), ENTITY)
    concept = {f.label: f.concept for f in mapped.facts}
    assert concept["Net income"] == "us-gaap:ProfitLoss"
    assert concept["Net income attributable to Made Up Corp"] == "us-gaap:NetIncomeLoss"
