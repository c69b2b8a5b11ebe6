"""Other comprehensive income read by its structure (converter.oci): each component's topic,
stage and tax from the row's words, its headings and the rows around it. Layouts after real
10-Q/10-K statements of comprehensive income (figures invented)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from converter import oci
from converter.concepts import concept_table
from converter.map import EntityId, map_release
from converter.model import OciPlace, StatementKind
from modelkit import item, release, statement

CI = StatementKind.COMPREHENSIVE_INCOME
ENTITY = EntityId(cik="0000000001", name="Made Up Corp")
OCI_HEADING = ("Other comprehensive income (loss):",)
G = "us-gaap:"


def _concepts(*items):  # type: ignore[no-untyped-def]
    mapped = map_release(release(statement(CI, list(items))), concept_table(), ENTITY)
    by_label: dict[str, set[str]] = {}
    for fact in mapped.facts:
        if fact.statement is CI:
            by_label.setdefault(fact.label, set()).add(fact.concept)
    return by_label, mapped


def test_tax_printed_on_its_own_row_makes_the_component_before_tax() -> None:
    """Each component, the income tax on it, then the component net of tax (a card network's layout)."""
    rows = [
        item("Net income", "3,264", "3,156"),
        item("Foreign currency translation adjustments", "(1,023)", "412", section=OCI_HEADING),
        item("Income tax effect", "29", "(11)", section=OCI_HEADING),
        item("Foreign currency translation adjustments, net of income tax effect", "(994)", "401", section=OCI_HEADING),
        item("Cash flow hedges", "66", "(28)", section=OCI_HEADING),
        item("Income tax effect", "(15)", "6", section=OCI_HEADING),
        item("Reclassification adjustments for cash flow hedges", "(4)", "3", section=OCI_HEADING),
        item("Income tax effect", "1", "(1)", section=OCI_HEADING),
        item("Cash flow hedges, net of income tax effect", "48", "(20)", section=OCI_HEADING),
        item("Investment securities available-for-sale", "5", "(2)", section=OCI_HEADING),
        item("Income tax effect", "(1)", "1", section=OCI_HEADING),
        item("Investment securities available-for-sale, net of income tax effect", "4", "(1)", section=OCI_HEADING),
        item("Other comprehensive income (loss), net of income tax effect", "(942)", "380", section=OCI_HEADING),
        item("Comprehensive income", "2,322", "3,536", section=OCI_HEADING),
    ]
    by_label, mapped = _concepts(*rows)
    assert by_label["Foreign currency translation adjustments"] == {
        G + "OtherComprehensiveIncomeLossForeignCurrencyTransactionAndTranslationAdjustmentBeforeTax"}
    assert by_label["Foreign currency translation adjustments, net of income tax effect"] == {
        G + "OtherComprehensiveIncomeLossForeignCurrencyTransactionAndTranslationAdjustmentNetOfTax"}
    assert by_label["Cash flow hedges"] == {G + "OtherComprehensiveIncomeLossCashFlowHedgeGainLossBeforeReclassificationAndTax"}
    assert by_label["Reclassification adjustments for cash flow hedges"] == {
        G + "OtherComprehensiveIncomeLossCashFlowHedgeGainLossReclassificationBeforeTax"}
    assert by_label["Cash flow hedges, net of income tax effect"] == {
        G + "OtherComprehensiveIncomeLossCashFlowHedgeGainLossAfterReclassificationAndTax"}
    assert by_label["Investment securities available-for-sale"] == {
        G + "OtherComprehensiveIncomeUnrealizedHoldingGainLossOnSecuritiesArisingDuringPeriodBeforeTax"}
    assert by_label["Investment securities available-for-sale, net of income tax effect"] == {
        G + "OtherComprehensiveIncomeUnrealizedHoldingGainLossOnSecuritiesArisingDuringPeriodNetOfTax"}
    # the tax on a securities gain is a debit element: a tax printed (1) reducing OCI is stored 1
    tax = [f for f in mapped.facts if f.concept == G + "OtherComprehensiveIncomeUnrealizedHoldingGainLossOnSecuritiesArisingDuringPeriodTax"]
    assert sorted(f.value for f in tax) == [Decimal(-1000), Decimal(1000)]
    assert {f.value for f in tax if f.period == mapped.release.statements[0].periods[0]} == {Decimal(1000)}
    assert by_label["Other comprehensive income (loss), net of income tax effect"] == {G + "OtherComprehensiveIncomeLossNetOfTax"}
    assert by_label["Comprehensive income"] == {G + "ComprehensiveIncomeNetOfTax"}


def test_component_headings_name_the_rows_under_them() -> None:
    """"Net change" under "Securities:", "Derivatives & hedges:" and "Employee benefit plans:"."""
    top = ("Other comprehensive income (loss), net of tax",)
    rows = [
        item("Net earnings", "5,537", "4,686"),
        item("Foreign currency translation", "1,442", "(586)", section=top),
        item("Unrealized holding gain (loss) arising during period", "2", "(1)", section=top + ("Securities:",)),
        item("Net change", "2", "(1)", section=top + ("Securities:",)),
        item("Prior service credit amortization during period", "(7)", "(9)", section=top + ("Employee benefit plans:",)),
        item("Net change", "(7)", "(9)", section=top + ("Employee benefit plans:",)),
        item("Unrealized gain (loss) arising during period", "(310)", "187", section=top + ("Derivatives & hedges:",)),
        item("Reclassifications to earnings", "41", "(60)", section=top + ("Derivatives & hedges:",)),
        item("Net change", "(269)", "127", section=top + ("Derivatives & hedges:",)),
        item("Other comprehensive income (loss)", "1,168", "(469)", section=top + ("Derivatives & hedges:",)),
    ]
    by_label, mapped = _concepts(*rows)
    assert by_label["Foreign currency translation"] == {
        G + "OtherComprehensiveIncomeLossForeignCurrencyTransactionAndTranslationAdjustmentNetOfTax"}
    assert by_label["Unrealized holding gain (loss) arising during period"] == {
        G + "OtherComprehensiveIncomeUnrealizedHoldingGainLossOnSecuritiesArisingDuringPeriodNetOfTax"}
    assert by_label["Prior service credit amortization during period"] == {
        G + "OtherComprehensiveIncomeLossAmortizationAdjustmentFromAOCIPensionAndOtherPostretirementBenefitPlansForNetPriorServiceCostCreditNetOfTax"}
    assert by_label["Net change"] == {
        G + "OtherComprehensiveIncomeLossAvailableForSaleSecuritiesAdjustmentNetOfTax",
        G + "OtherComprehensiveIncomeLossPensionAndOtherPostretirementBenefitPlansAdjustmentNetOfTax",
        G + "OtherComprehensiveIncomeLossCashFlowHedgeGainLossAfterReclassificationAndTax"}
    assert by_label["Unrealized gain (loss) arising during period"] == {
        G + "OtherComprehensiveIncomeLossCashFlowHedgeGainLossBeforeReclassificationAfterTax"}
    assert by_label["Reclassifications to earnings"] == {G + "OtherComprehensiveIncomeLossCashFlowHedgeGainLossReclassificationAfterTax"}
    # the statement's own total keeps its concept under a component's heading
    assert by_label["Other comprehensive income (loss)"] == {G + "OtherComprehensiveIncomeLossNetOfTax"}
    assert not mapped.unmapped


def test_a_before_tax_total_and_one_tax_row_for_all_components() -> None:
    """Components before tax, their before-tax total, the tax on all of them (a technology company's layout)."""
    rows = [
        item("Net income", "2,194", "1,834"),
        item("Foreign currency translation adjustments", "1,203", "(245)", section=OCI_HEADING),
        item("Prior service costs/(credits)", "(3)", "0", section=OCI_HEADING + ("Retirement-related benefit plans:",)),
        item("Net gains/(losses) arising during the period", "(5)", "17", section=OCI_HEADING + ("Retirement-related benefit plans:",)),
        item("Amortization of net (gains)/losses", "101", "180", section=OCI_HEADING + ("Retirement-related benefit plans:",)),
        item("Other comprehensive income/(loss), before tax", "1,296", "(48)"),
        item("Income tax (expense)/benefit related to items of other comprehensive income", "(31)", "(47)"),
        item("Other comprehensive income/(loss), net of tax", "1,265", "(95)"),
    ]
    places = oci.place_rows(statement(CI, rows))
    assert places[1] == OciPlace("fx", "total", "before")
    assert places[2] == OciPlace("pension", "arising", "before", "prior service")
    assert places[3] == OciPlace("pension", "arising", "before", "gain or loss")
    assert places[4] == OciPlace("pension", "reclassification", "before", "gain or loss")
    assert places[6] == OciPlace("all", "total", "tax")
    assert 0 not in places and 5 not in places and 7 not in places
    by_label, mapped = _concepts(*rows)
    # a prior service cost is a debit element: a cost printed (3) that lowers OCI is stored 3
    cost = [f for f in mapped.facts if f.label == "Prior service costs/(credits)"]
    assert {f.concept for f in cost} == {G + "OtherComprehensiveIncomeDefinedBenefitPlanNetPriorServiceCostCreditArisingDuringPeriodBeforeTax"}
    assert Decimal(3000) in {f.value for f in cost}


def test_tax_rows_worded_income_tax_provision_under_a_before_tax_total() -> None:
    """Hertz's 10-K: components before tax, their total "before income taxes", then the tax on each
    worded "Income tax (provision) benefit related to ...": tax rows, the second on the reclassified
    amounts; the before-tax total is the parent's portion of OtherComprehensiveIncomeLossBeforeTax."""
    rows = [
        item("Net income (loss)", "(2,862)", "616"),
        item("Foreign currency translation adjustments", "(74)", "49", section=OCI_HEADING),
        item("Net gain (loss) on pension and postretirement benefit plans", "4", "(5)", section=OCI_HEADING),
        item("Reclassification from other comprehensive income (loss) to other (income) expense for amortization "
             "of actuarial (gains) losses on pension and postretirement benefit plans", "4", "4", section=OCI_HEADING),
        item("Total other comprehensive income (loss) before income taxes", "(66)", "48", section=OCI_HEADING),
        item("Income tax (provision) benefit related to pension and postretirement benefit plans", "(1)", "(1)"),
        item("Income tax (provision) benefit related to reclassified amounts of net periodic costs on pension and "
             "postretirement benefit plans", "(1)", "(1)"),
        item("Total other comprehensive income (loss)", "(68)", "46"),
        item("Total comprehensive income (loss)", "(2,930)", "662"),
    ]
    places = oci.place_rows(statement(CI, rows))
    assert places[5] == OciPlace("pension", "total", "tax")
    assert places[6] == OciPlace("pension", "reclassification", "tax")
    by_label, _mapped = _concepts(*rows)
    assert by_label["Total other comprehensive income (loss) before income taxes"] == {G + "OtherComprehensiveIncomeLossBeforeTaxPortionAttributableToParent"}
    tax = by_label["Income tax (provision) benefit related to pension and postretirement benefit plans"]
    assert len(tax) == 1 and tax <= set(oci.candidates(OciPlace("pension", "total", "tax")))  # a tax element, not before tax


@pytest.mark.parametrize(("label", "section", "topic"), [
    ("Net change in unrealized gains (losses) excluded from the assessment of hedge effectiveness", ("Fair value hedges:",), None),
    ("Translation adjustments on net investment hedges", (), None),
    ("Net change in debt securities", (), "securities"),
    ("Employee benefit plan adjustments", (), "pension"),
    ("Net change in derivatives", (), "hedge"),
    ("Change in net foreign currency translation adjustment", (), "fx"),
    ("Comprehensive income", ("Derivative instruments:",), None),
    ("Net income", ("Foreign currency translation adjustments:",), None),
])
def test_component_topics(label: str, section: tuple[str, ...], topic: str | None) -> None:
    places = oci.place_rows(statement(CI, [item(label, "1", "2", section=section)]))
    assert (places[0].topic if 0 in places else None) == topic


def test_every_candidate_is_a_us_gaap_element() -> None:
    from converter.fallback import elements

    names = {e.name for e in elements()}
    missing = sorted(c for c in oci.all_candidates() if c.split(":", 1)[1] not in names)
    assert not missing, missing


def test_a_change_above_its_reclassification_and_a_net_change_is_the_part_arising():
    """ "Change in net unrealized gains (losses)", then the reclassification, then "Net change"
    under "Available-for-sale debt securities:" (a retailer's layout; invented figures): the first
    row is the gain arising in the period, not a second total of the component."""
    oci_heading = ("Other comprehensive income (loss):",)
    afs = oci_heading + ("Available-for-sale debt securities:",)
    rows = [item("Net income", "9,879"),
            item("Change in net unrealized gains (losses), net of tax of $(18)", "62", section=afs),
            item("Less: reclassification adjustment for losses (gains) included in other income, net of tax of $0",
                 "3", section=afs),
            item("Net change", "65", section=afs),
            item("Total other comprehensive income (loss)", "65", section=oci_heading),
            item("Comprehensive income", "9,944")]
    mapped = map_release(release(statement(CI, rows)), concept_table(), ENTITY)
    first = statement(CI, rows).periods[0]
    got = {f.label: (f.concept.split(":")[1], f.value) for f in mapped.facts if f.period == first}
    assert got["Change in net unrealized gains (losses), net of tax of $(18)"] == (
        "OtherComprehensiveIncomeUnrealizedHoldingGainLossOnSecuritiesArisingDuringPeriodNetOfTax", Decimal("62000"))
    assert got["Net change"] == ("OtherComprehensiveIncomeLossAvailableForSaleSecuritiesAdjustmentNetOfTax",
                                 Decimal("65000"))


def test_a_component_closed_by_net_change_then_the_total_of_other_comprehensive_income():
    """A retailer's layout: the currency translation under "Other comprehensive income (loss):",
    the available-for-sale securities under a heading of their own closed by "Net change", then
    "Other, net of tax" and the total. "Net change" had left its heading open ("Other, net"
    read as the securities' total, a conflict) and the comprehensive income's check added the
    reclassification a second time: the release was invalid."""
    from converter.checks import run_checks
    from converter.extract import extract_text

    text = ("# Made Up Retail Reports Third Quarter 2024 Results\n\n"
            "## MADE UP RETAIL, INC. Consolidated Statements of Comprehensive Income (in millions) (unaudited)\n\n"
            "| | Three Months Ended September 30, | Three Months Ended September 30, |\n|---|---|---|\n"
            "| | 2023 | 2024 |\n"
            "| Net income | $ 9,879 | $ 15,328 |\n"
            "| Other comprehensive income (loss): | | |\n"
            "| Foreign currency translation adjustments, net of tax of $36 and $(45) | (1,388) | 1,296 |\n"
            "| Available-for-sale debt securities: | | |\n"
            "| Change in net unrealized gains (losses), net of tax of $(18) and $(55) | 62 | 179 |\n"
            "| Less: reclassification adjustment for losses (gains) included in 'Other income (expense), net' | 3 | - |\n"
            "| Net change | 65 | 179 |\n"
            "| Other, net of tax of $0 and $3 | - | (9) |\n"
            "| Total other comprehensive income (loss) | (1,323) | 1,466 |\n"
            "| Comprehensive income | $ 8,556 | $ 16,794 |\n")
    release = extract_text(text, "made-up-retail.md")
    (ci,) = release.statements
    sections = {i.label: i.section for i in ci.items}
    assert sections["Net change"] == ("Available-for-sale debt securities",)
    assert "Available-for-sale debt securities" not in sections["Other, net of tax of $0 and $3"]
    mapped = map_release(release, concept_table(), ENTITY)
    net_change = {f.concept for f in mapped.facts if f.label == "Net change"}
    assert net_change == {G + "OtherComprehensiveIncomeLossAvailableForSaleSecuritiesAdjustmentNetOfTax"}
    assert [m.message for m in run_checks(mapped, concept_table()) if m.level.value == "error"] == []
