"""Statements of cash flows read by their print order and printed arithmetic: a net change in cash
printed before the effect of exchange rates excludes it; the cash of continuing operations, then
of discontinued operations, then their sum."""

from __future__ import annotations

from converter.checks import run_checks, statement_totals
from converter.concepts import concept_table
from converter.map import EntityId, map_release, match_line_item
from converter.model import StatementKind
from modelkit import item, release, statement

ENTITY = EntityId(cik="0009990020", name="Made Up Corp")
G = "us-gaap:"
CHANGE = G + "CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsPeriodIncreaseDecrease"


def _cash_flows(change_first: bool, change: tuple[str, str] = ("(395)", "2,041")):
    rows = [
        item("Net income", "1,927", "1,287"),
        item("Net cash (used in) provided by operating activities", "(638)", "1,592"),
        item("Net cash used in investing activities", "(1,652)", "(232)"),
        item("Net cash provided by financing activities", "1,895", "681"),
    ]
    net = item("Net (decrease) increase in cash, cash equivalents and restricted cash", *change)
    fx = item("Effect of exchange rates on cash, cash equivalents and restricted cash", "90", "20")
    rows += [net, fx] if change_first else [fx, net]
    rows += [item("Cash, cash equivalents and restricted cash, beginning of period", "14,610", "9,555"),
             item("Cash, cash equivalents and restricted cash, end of period", "14,305", "11,616")]
    return release(statement(StatementKind.CASH_FLOWS, rows))


def _mapped(rel):
    table = concept_table()
    mapped = map_release(rel, table, ENTITY)
    return mapped, run_checks(mapped, table)


def test_change_printed_before_the_exchange_effect_excludes_it():
    mapped, messages = _mapped(_cash_flows(change_first=True))
    concepts = {f.concept for f in mapped.facts if f.label.startswith("Net (decrease)")}
    assert concepts == {CHANGE + "ExcludingExchangeRateEffect"}
    assert not [m for m in messages if m.code == "check.cash"]


def test_change_printed_after_the_exchange_effect_includes_it():
    rel = _cash_flows(change_first=False, change=("(305)", "2,061"))
    mapped, messages = _mapped(rel)
    concepts = {f.concept for f in mapped.facts if f.label.startswith("Net (decrease)")}
    assert concepts == {CHANGE + "IncludingExchangeRateEffect"}
    assert not [m for m in messages if m.code == "check.cash"]


def test_print_order_alone_is_not_enough_when_the_figures_say_otherwise():
    # printed first, but beginning + change is the ending cash: the change includes the effect
    mapped, _ = _mapped(_cash_flows(change_first=True, change=("(305)", "2,061")))
    concepts = {f.concept for f in mapped.facts if f.label.startswith("Net (decrease)")}
    assert concepts == {CHANGE + "IncludingExchangeRateEffect"}


def test_continuing_and_discontinued_operating_cash_add_up_to_the_section_total():
    rows = [
        item("Net income", "300", "250"),
        item("Net cash provided by continuing operating activities", "934", "755"),
        item("Net cash used in discontinued operating activities", "(38)", "\u2014"),
        item("Net cash provided by operating activities", "896", "755"),
        item("Net cash provided by investing activities", "265", "49"),
        item("Net cash used in financing activities", "(874)", "(1,009)"),
        item("Effect of exchange rate changes on cash and cash equivalents", "(5)", "22"),
        item("Net increase (decrease) in cash and cash equivalents", "282", "(183)"),
    ]
    rel = release(statement(StatementKind.CASH_FLOWS, rows))
    table = concept_table()
    st = rel.statements[0]
    entries = [(i, match_line_item(table, st.kind, i).entry) for i in st.items]
    assert [e.concept.split(":")[1] for _i, e in entries[1:4]] == [
        "NetCashProvidedByUsedInOperatingActivitiesContinuingOperations",
        "CashProvidedByUsedInOperatingActivitiesDiscontinuedOperations",
        "NetCashProvidedByUsedInOperatingActivities"]
    found, missing = statement_totals(st.kind, entries)
    parts = {f.total.label: [p[0].label for p in f.parts] for f in found}
    assert parts["Net cash provided by operating activities"] == [rows[1].label, rows[2].label]
    assert sorted(parts["Net increase (decrease) in cash and cash equivalents"]) == sorted(r.label for r in rows[3:7])
    assert "Net increase (decrease) in cash and cash equivalents" not in [m.total.label for m in missing]
