"""Other comprehensive income, read by its structure: which component a row of a statement of
comprehensive income is, at which stage, and before or after tax.

US-GAAP names each component of other comprehensive income along three axes, and companies tag
their rows by them: the topic (foreign currency translation, available-for-sale securities, cash
flow hedges, pension and other postretirement plans), the stage (the gain or loss arising during
the period, the reclassification out of accumulated OCI, or the net change of both), and the tax
(before tax, the tax on it, net of tax). A row rarely says all three: "Net change" under
"Derivatives & hedges:"; "Income tax effect" under "Investment securities:"; "Foreign currency
translation adjustments" in a statement that prints the tax on each component on a row of its
own (so the component is before tax). `place_rows` reads the three from the row's words, its
headings and the rows around it (a pure function of the statement); `candidates` turns a place
into the US-GAAP elements companies use for it, best first. The mapper tags the row with the first
candidate the concept table or the learned vocabulary knows (see converter.map).
"""

from __future__ import annotations

import re
from dataclasses import replace

from converter.concepts import ConceptEntry, Sign, normalize_label
from converter.fallback import element_of, fallback_entry
from converter.model import LineItem, OciPlace, Release, Statement, StatementKind

# the topic a label or heading names; a fair value hedge is none of them (and hides its heading's)
_TOPICS = (
    ("none", re.compile(r"\b(fair value|net investment) hedg")),
    ("fx", re.compile(r"\b(currency|translation|foreign exchange)\b")),
    ("pension", re.compile(r"\b(pension|post-?retirement|post-?employment|benefit plans?|retirement|actuarial|"
                           r"prior service)\b")),
    ("hedge", re.compile(r"\b(cash flow hedg\w*|hedg\w*|derivatives?|derivative instruments)\b")),
    ("securities", re.compile(r"\b(securities|investments?|available-for-sale)\b")),
)
_TAX_ROW = re.compile(r"^(less:? )?(the )?(income )?tax(es)? (effect|expense|benefit|provision|\((expense|benefit|provision)\))"
                      r"|^(the )?(related )?(income )?tax(es)? (effect|impact)|^tax effects?\b|^(related )?(income )?taxes$"
                      r"|^(provision for|benefit from) income taxes")
_NET_OF_TAX = re.compile(r"\b(net of (income )?tax|after(-| )tax|net of (related )?(income )?tax(es)?)")
_BEFORE_TAX = re.compile(r"\b(before(-| )(income )?tax(es)?|pre-?tax|gross)\b")
_RECLASS = re.compile(r"\b(reclassifi\w*|amortization|included in (net )?(income|earnings|loss|net periodic)|"
                      r"recognized in (net )?(income|earnings)|realized (gains?|loss\w*)|curtailments?|settlements?)\b")
_ARISING = re.compile(r"\b(arising|during the period|during period|before reclassifications?)\b")
_CHANGE = re.compile(r"^(total|net change|change|changes)\b")
_CHANGE_ONLY = re.compile(r"^(net change|change|changes)\b")
# a row of the statement's own totals (net income, other comprehensive income, comprehensive
# income) is no component, whatever heading it is printed under
_NOT_A_COMPONENT = re.compile(r"\bcomprehensive (income|loss|earnings)\b|^(consolidated )?net (income|earnings|loss)\b")
# words of a row that goes on with the component printed above it ("Total unrealized gains
# (losses), net of tax" under "Gross unrealized gains (losses) on investment securities")
_CONTINUES = re.compile(r"\b(unrealized|realized|reclassifi\w*|arising|amortization)\b")
_OCI_TOTAL = re.compile(r"\bother comprehensive (income|loss)\b.*\b(before (income )?tax(es)?|pre-?tax)\b")


def topic_of(text: str) -> str | None:
    text = normalize_label(text)
    for topic, pattern in _TOPICS:
        if pattern.search(text):
            return topic
    return None


def _row_topic(item: LineItem) -> str | None:
    found = topic_of(item.label)
    if found in (None, "hedge") and any(topic_of(heading) == "none" for heading in item.section):
        return "none"  # under "Fair value hedges:", "...excluded from the assessment of hedge effectiveness"
    if found is not None:
        return found
    for heading in reversed(item.section):
        found = topic_of(heading)
        if found is not None:
            return found
    return None


def place_rows(statement: Statement) -> dict[int, OciPlace]:
    """Index of each row of the statement -> its place in other comprehensive income. Rows that
    name no component (net income, the OCI total, comprehensive income) have none."""
    items = statement.items
    labels = [normalize_label(i.label) for i in items]
    taxes = [bool(_TAX_ROW.search(text)) for text in labels]
    topics: list[str | None] = []
    for index, (item, text) in enumerate(zip(items, labels)):
        topic = None if _NOT_A_COMPONENT.search(text) and topic_of(text) is None else _row_topic(item)
        if topic is None and index and topics[-1] not in (None, "none") and (
                taxes[index] or _CONTINUES.search(text)) and not _NOT_A_COMPONENT.search(text):
            topic = topics[-1]  # "Income tax effect" under the component it taxes
        topics.append(topic)
    before_total = any(_OCI_TOTAL.search(text) for text in labels)
    places: dict[int, OciPlace] = {}
    for index, (item, text, topic) in enumerate(zip(items, labels, topics)):
        if topic is None or topic == "none":
            if taxes[index] and before_total:
                places[index] = OciPlace("all", "total", "tax")
            continue
        block = _block(items, topics, index)
        reclass_rows = [i for i, t in enumerate(topics) if t == topic and not taxes[i] and _RECLASS.search(labels[i])]
        if taxes[index]:  # the tax on the rows above it since the last tax row
            above = []
            for i in reversed([i for i in block if i < index]):
                if taxes[i]:
                    break
                above.append(i)
            stages = {places[i].stage for i in above if i in places}
            stage = stages.pop() if len(stages) == 1 else "total"
            if stage == "total" and _RECLASS.search(text):  # "Income tax ... related to reclassified amounts of ..."
                stage = "reclassification"
            detail = places[above[0]].detail if len(above) == 1 and above[0] in places else ""
            places[index] = OciPlace(topic, stage, "tax", detail)
            continue
        closed = bool(reclass_rows) and any(i > max(reclass_rows) and not taxes[i] for i in block)
        places[index] = OciPlace(topic, _stage(text, topic, index, reclass_rows, closed), _tax(text, block, taxes, before_total),
                                 _detail(text) if topic == "pension" else "")
    return places


def _stage(text: str, topic: str, index: int, reclass_rows: list[int], closed: bool = False) -> str:
    """Arising, reclassification or the total of both: by the row's words, else by where the
    component's reclassification rows are printed (a row above them is the gain or loss arising;
    a row below them totals both; `closed`: the component prints such a total row, so even a
    "Change in ..." above its reclassification is the part arising)."""
    if _RECLASS.search(text):
        return "reclassification"
    if _ARISING.search(text):
        return "arising"
    if any(i < index for i in reclass_rows):
        return "total"
    if closed and reclass_rows and all(i > index for i in reclass_rows):
        return "arising"
    if reclass_rows and not _CHANGE_ONLY.search(text):
        return "arising"
    if topic == "securities" and not _CHANGE.search(text):  # "Unrealized gains on securities"
        return "arising"
    return "total"


def _tax(text: str, block: list[int], taxes: list[bool], before_total: bool) -> str:
    """Net of tax, unless the row says before tax, or the tax is printed on a row of its own
    (under the component, or for all components above the statement's before-tax total)."""
    if _NET_OF_TAX.search(text):
        return "net"
    if _BEFORE_TAX.search(text) or any(taxes[i] for i in block) or before_total:
        return "before"
    return "net"
def _block(items: tuple[LineItem, ...], topics: list[str | None], index: int) -> list[int]:
    """The rows of the same component around a row: next to it, of the same topic and heading."""
    topic, section = topics[index], items[index].section
    first = index
    while first > 0 and topics[first - 1] == topic and items[first - 1].section == section:
        first -= 1
    last = index
    while last + 1 < len(items) and topics[last + 1] == topic and items[last + 1].section == section:
        last += 1
    return list(range(first, last + 1))


def _detail(text: str) -> str:
    """Which part of a pension plan's change a row is: its prior service cost or credit, its
    actuarial gain or loss, or a curtailment or settlement."""
    if re.search(r"\bcurtailments?\b|\bsettlements?\b", text):
        return "settlement"
    service, actuarial = bool(re.search(r"\bprior service\b", text)), bool(re.search(r"\bactuarial\b|\bnet (gains?|loss\w*)|\(gains?\)", text))
    if service and not actuarial:
        return "prior service"
    if actuarial and not service:
        return "gain or loss"
    return ""


def annotate(release: Release) -> Release:
    """The release with each row of its statements of comprehensive income given its place."""
    statements = []
    for statement in release.statements:
        if statement.kind is StatementKind.COMPREHENSIVE_INCOME:
            places = place_rows(statement)
            if places:
                statement = replace(statement, items=tuple(
                    replace(item, oci=places[i]) if i in places else item for i, item in enumerate(statement.items)))
        statements.append(statement)
    return replace(release, statements=tuple(statements))


_G = "us-gaap:"
_OCI = _G + "OtherComprehensiveIncome"
_OCIL = _G + "OtherComprehensiveIncomeLoss"
# (topic, stage, tax) -> the elements companies tag it with, best first
_CANDIDATES: dict[tuple[str, str, str], tuple[str, ...]] = {
    ("fx", "total", "net"): (_OCIL + "ForeignCurrencyTransactionAndTranslationAdjustmentNetOfTax",
                             _OCI + "ForeignCurrencyTransactionAndTranslationAdjustmentNetOfTaxPortionAttributableToParent"),
    ("fx", "total", "before"): (_OCIL + "ForeignCurrencyTransactionAndTranslationAdjustmentBeforeTax",
                                _OCI + "ForeignCurrencyTransactionAndTranslationAdjustmentBeforeTaxPortionAttributableToParent"),
    ("fx", "total", "tax"): (_OCIL + "ForeignCurrencyTranslationAdjustmentTax",
                             _OCI + "ForeignCurrencyTranslationAdjustmentTaxPortionAttributableToParent"),
    ("fx", "arising", "net"): (_OCI + "ForeignCurrencyTransactionAndTranslationGainLossArisingDuringPeriodNetOfTax",),
    ("fx", "arising", "before"): (_OCI + "ForeignCurrencyTransactionAndTranslationGainLossBeforeReclassificationAndTax",),
    ("fx", "arising", "tax"): (_OCI + "ForeignCurrencyTranslationGainLossArisingDuringPeriodTax",),
    ("fx", "reclassification", "net"): (
        _OCIL + "ForeignCurrencyTransactionAndTranslationReclassificationAdjustmentFromAOCIRealizedUponSaleOrLiquidationNetOfTax",),
    ("fx", "reclassification", "before"): (
        _OCIL + "ForeignCurrencyTransactionAndTranslationReclassificationAdjustmentFromAOCIRealizedUponSaleOrLiquidationBeforeTax",),
    ("fx", "reclassification", "tax"): (
        _OCIL + "ForeignCurrencyTransactionAndTranslationReclassificationAdjustmentFromAOCIRealizedUponSaleOrLiquidationTax",),
    ("securities", "total", "net"): (_OCIL + "AvailableForSaleSecuritiesAdjustmentNetOfTax",
                                     _OCI + "AvailableforsaleSecuritiesAdjustmentNetOfTaxPortionAttributableToParent"),
    ("securities", "total", "before"): (_OCIL + "AvailableForSaleSecuritiesAdjustmentBeforeTax",
                                        _OCI + "AvailableforsaleSecuritiesAdjustmentBeforeTaxPortionAttributableToParent"),
    ("securities", "total", "tax"): (_OCIL + "AvailableForSaleSecuritiesTax",
                                     _OCI + "AvailableforsaleSecuritiesTaxPortionAttributableToParent"),
    ("securities", "arising", "net"): (_OCI + "UnrealizedHoldingGainLossOnSecuritiesArisingDuringPeriodNetOfTax",
                                       _OCIL + "AvailableForSaleSecuritiesAdjustmentBeforeReclassificationAdjustmentsNetOfTax"),
    ("securities", "arising", "before"): (_OCI + "UnrealizedHoldingGainLossOnSecuritiesArisingDuringPeriodBeforeTax",
                                          _OCIL + "AvailableForSaleSecuritiesAdjustmentBeforeReclassificationAdjustmentsAndTax"),
    ("securities", "arising", "tax"): (_OCI + "UnrealizedHoldingGainLossOnSecuritiesArisingDuringPeriodTax",
                                       _OCIL + "AvailableForSaleSecuritiesBeforeReclassificationAdjustmentsTax"),
    ("securities", "reclassification", "net"): (_OCIL + "ReclassificationAdjustmentFromAOCIForSaleOfSecuritiesNetOfTax",),
    ("securities", "reclassification", "before"): (_OCIL + "ReclassificationAdjustmentFromAOCIForSaleOfSecuritiesBeforeTax",),
    ("securities", "reclassification", "tax"): (_OCIL + "ReclassificationAdjustmentFromAOCIForSaleOfSecuritiesTax",),
    ("hedge", "total", "net"): (_OCIL + "CashFlowHedgeGainLossAfterReclassificationAndTax",
                                _OCIL + "CashFlowHedgeGainLossAfterReclassificationAndTaxParent"),
    ("hedge", "total", "before"): (_OCIL + "CashFlowHedgeGainLossAfterReclassificationBeforeTax",
                                   _OCIL + "CashFlowHedgeGainLossAfterReclassificationBeforeTaxParent"),
    ("hedge", "total", "tax"): (_OCIL + "CashFlowHedgeGainLossAfterReclassificationTax",
                                _OCIL + "CashFlowHedgeGainLossAfterReclassificationTaxParent"),
    ("hedge", "arising", "net"): (_OCIL + "CashFlowHedgeGainLossBeforeReclassificationAfterTax",),
    ("hedge", "arising", "before"): (_OCIL + "CashFlowHedgeGainLossBeforeReclassificationAndTax",),
    ("hedge", "arising", "tax"): (_OCIL + "CashFlowHedgeGainLossBeforeReclassificationTax",),
    ("hedge", "reclassification", "net"): (_OCIL + "CashFlowHedgeGainLossReclassificationAfterTax",),
    ("hedge", "reclassification", "before"): (_OCIL + "CashFlowHedgeGainLossReclassificationBeforeTax",),
    ("hedge", "reclassification", "tax"): (_OCIL + "CashFlowHedgeGainLossReclassificationTax",),
    ("pension", "total", "net"): (_OCIL + "PensionAndOtherPostretirementBenefitPlansAdjustmentNetOfTax",
                                  _OCI + "DefinedBenefitPlansAdjustmentNetOfTaxPortionAttributableToParent"),
    ("pension", "total", "before"): (_OCIL + "PensionAndOtherPostretirementBenefitPlansAdjustmentBeforeTax",
                                     _OCI + "DefinedBenefitPlansAdjustmentBeforeTaxPortionAttributableToParent"),
    ("pension", "total", "tax"): (_OCIL + "PensionAndOtherPostretirementBenefitPlansTax",
                                  _OCI + "DefinedBenefitPlansTaxPortionAttributableToParent"),
    ("pension", "arising", "net"): (_OCIL + "PensionAndOtherPostretirementBenefitPlansAdjustmentBeforeReclassificationAdjustmentsNetOfTax",),
    ("pension", "arising", "before"): (_OCIL + "PensionAndOtherPostretirementBenefitPlansAdjustmentBeforeReclassificationAdjustmentsAndTax",),
    ("pension", "arising", "tax"): (_OCIL + "PensionAndOtherPostretirementBenefitPlansBeforeReclassificationAdjustmentsTax",),
    ("pension", "reclassification", "net"): (_OCIL + "ReclassificationAdjustmentFromAOCIPensionAndOtherPostretirementBenefitPlansNetOfTax",),
    ("pension", "reclassification", "before"): (_OCIL + "ReclassificationAdjustmentFromAOCIPensionAndOtherPostretirementBenefitPlansBeforeTax",),
    ("pension", "reclassification", "tax"): (_OCIL + "ReclassificationAdjustmentFromAOCIPensionAndOtherPostretirementBenefitPlansTax",),
    ("all", "total", "tax"): (_OCIL + "TaxPortionAttributableToParent1", _OCIL + "Tax"),
}
# a pension row of one part of the plans' change: (stage, detail, tax) -> elements
_PENSION_PARTS: dict[tuple[str, str, str], tuple[str, ...]] = {
    ("arising", "gain or loss", "net"): (_OCI + "DefinedBenefitPlansNetUnamortizedGainLossArisingDuringPeriodNetOfTax",),
    ("arising", "gain or loss", "before"): (_OCIL + "PensionAndOtherPostretirementBenefitPlansNetUnamortizedGainLossArisingDuringPeriodBeforeTax",),
    ("arising", "gain or loss", "tax"): (_OCI + "DefinedBenefitPlansNetUnamortizedGainLossArisingDuringPeriodTax",),
    ("arising", "prior service", "net"): (_OCI + "DefinedBenefitPlanNetPriorServiceCostsCreditArisingDuringPeriodNetOfTax",),
    ("arising", "prior service", "before"): (_OCI + "DefinedBenefitPlanNetPriorServiceCostCreditArisingDuringPeriodBeforeTax",),
    ("reclassification", "gain or loss", "net"): (
        _OCIL + "ReclassificationAdjustmentFromAOCIPensionAndOtherPostretirementBenefitPlansForNetGainLossNetOfTax",),
    ("reclassification", "gain or loss", "before"): (
        _OCIL + "ReclassificationAdjustmentFromAOCIPensionAndOtherPostretirementBenefitPlansForNetGainLossBeforeTax",),
    ("reclassification", "gain or loss", "tax"): (
        _OCIL + "ReclassificationAdjustmentFromAOCIPensionAndOtherPostretirementBenefitPlansForNetGainLossTax",),
    ("reclassification", "prior service", "net"): (
        _OCIL + "AmortizationAdjustmentFromAOCIPensionAndOtherPostretirementBenefitPlansForNetPriorServiceCostCreditNetOfTax",),
    ("reclassification", "prior service", "before"): (
        _OCIL + "AmortizationAdjustmentFromAOCIPensionAndOtherPostretirementBenefitPlansForNetPriorServiceCostCreditBeforeTax",),
    ("reclassification", "prior service", "tax"): (
        _OCIL + "AmortizationAdjustmentFromAOCIPensionAndOtherPostretirementBenefitPlansForNetPriorServiceCostCreditTax",),
    ("reclassification", "settlement", "net"): (_OCIL + "FinalizationOfPensionAndNonPensionPostretirementPlanValuationNetOfTax",),
    ("reclassification", "settlement", "before"): (_OCIL + "FinalizationOfPensionAndNonPensionPostretirementPlanValuationBeforeTax",),
    ("reclassification", "settlement", "tax"): (_OCI + "FinalizationOfPensionAndNonPensionPostretirementPlanValuationTax",),
}


def candidates(place: OciPlace) -> tuple[str, ...]:
    """The US-GAAP elements for a place in other comprehensive income, best first."""
    if place.topic == "pension" and place.detail:  # a part of the plans' change is not the whole of it
        return _PENSION_PARTS.get((place.stage, place.detail, place.tax), ())
    return _CANDIDATES.get((place.topic, place.stage, place.tax), ())


def element_entry(concept: str, place: OciPlace) -> ConceptEntry | None:
    """The entry of a candidate element neither the table nor the vocabulary knows, from the
    shipped element list: its period type must be known, and for the tax on a component its
    balance too (which says whether a tax printed as reducing the component is stored positive)."""
    element = element_of(concept)
    if element is None or element.period_type is None or (place.tax == "tax" and element.balance is None):
        return None
    # a component is printed as it adds to other comprehensive income: a debit element (a cost,
    # a tax expense) stores the opposite of the printed figure
    sign = Sign.NEGATED if element.balance == "debit" else Sign.AS_PRINTED
    return replace(fallback_entry(StatementKind.COMPREHENSIVE_INCOME, element), sign=sign, total=place.stage == "total")


def all_candidates() -> frozenset[str]:
    """Every element the reading of other comprehensive income can tag a row with."""
    return frozenset(c for table in (_CANDIDATES, _PENSION_PARTS) for names in table.values() for c in names)


def describe(place: OciPlace) -> str:
    names = {"fx": "foreign currency translation", "securities": "available-for-sale securities",
             "hedge": "cash flow hedges", "pension": "pension and postretirement plans", "all": "all components"}
    tax = {"net": "net of tax", "before": "before tax", "tax": "the tax"}[place.tax]
    detail = f" ({place.detail})" if place.detail else ""
    return f"other comprehensive income: {names[place.topic]}{detail}, {place.stage}, {tax}"


__all__ = ["all_candidates", "annotate", "candidates", "describe", "element_entry", "place_rows", "topic_of"]
