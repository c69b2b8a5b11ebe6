"""Company extension taxonomy: schema, presentation, Calculation 1.1 and label linkbases, checked
with Arelle (offline, calcs="c11r") on the seeds (skipped when ../shared/seeds is missing) and the
examples."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from converter.concepts import concept_table, default_entity_registry_path, load_entity_registry
from converter.errors import NoStatementsError
from converter.extension import EXTENSION_RULE, build_extension, upper_camel
from converter.extract import extract_file, extract_text
from converter.linkbases import NEGATED_LABEL, SUMMATION_ITEM
from converter.map import map_release
from converter.model import ExtensionTaxonomy, MappedRelease, Release, StatementKind
from converter.pipeline import instance_name, resolve_entity
from converter.serialize import serialize
from converter.validate import calculation_inconsistencies, validate_instance

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
HALMER = EXAMPLES / "halmer-robotics-q2-2024.txt"

NS = {"link": "http://www.xbrl.org/2003/linkbase", "xlink": "http://www.w3.org/1999/xlink",
      "xs": "http://www.w3.org/2001/XMLSchema", "xbrli": "http://www.xbrl.org/2003/instance"}
XL = "{http://www.w3.org/1999/xlink}"


def _documents() -> list:  # type: ignore[type-arg]
    docs = [pytest.param(p, id=p.name) for p in sorted(EXAMPLES.glob("*.txt"))]
    if SEEDS.is_dir():
        docs += [pytest.param(p, id=p.name) for p in sorted(SEEDS.glob("*.txt"))]
    else:
        docs.append(pytest.param(None, id="seeds", marks=pytest.mark.skip(reason=f"{SEEDS} not found")))
    return docs


def _mapped(release: Release) -> MappedRelease:
    registry = load_entity_registry(default_entity_registry_path())
    return map_release(release, concept_table(), resolve_entity(release, registry, None))


def _release(path: Path) -> Release:
    try:
        return extract_file(path)
    except NoStatementsError:
        pytest.skip(f"{path.name} has no financial statements")


def _write(mapped: MappedRelease, extension: ExtensionTaxonomy, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in extension.files:
        (folder / name).write_bytes(data)
    instance = folder / instance_name(mapped.release, "instance")
    instance.write_bytes(serialize(mapped, extension))
    return instance


def _file(extension: ExtensionTaxonomy, suffix: str) -> etree._Element:
    data = dict(extension.files)[extension.schema_file.removesuffix(".xsd") + suffix]
    return etree.fromstring(data)


def _build(path: Path) -> tuple[MappedRelease, ExtensionTaxonomy]:
    return build_extension(_mapped(_release(path)), concept_table())


# ---- Arelle: every document is valid and calculation-consistent ------------------------------


@pytest.mark.parametrize("path", _documents())
def test_instance_with_extension_is_valid_and_consistent(path: Path, tmp_path: Path) -> None:
    mapped, extension = _build(path)
    report = validate_instance(_write(mapped, extension, tmp_path), calc=True)
    assert report.errors == ()
    assert calculation_inconsistencies(report) == ()
    assert report.fact_count == len(mapped.facts)
    # the calculation linkbase is not empty: every statement with totals has summation arcs
    arcs = _file(extension, "_cal.xml").findall(".//link:calculationArc", NS)
    assert arcs and all(a.get(f"{XL}arcrole") == SUMMATION_ITEM for a in arcs)


def test_tampered_component_is_a_calculation_inconsistency(tmp_path: Path) -> None:
    mapped, extension = _build(HALMER)
    instance = _write(mapped, extension, tmp_path)
    root = etree.parse(str(instance)).getroot()
    cash = root.find("{http://fasb.org/us-gaap/2024}CashAndCashEquivalentsAtCarryingValue[@contextRef='I20240630']")
    assert cash is not None and cash.text == "31420000"
    cash.text = "31520000"
    instance.write_bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))
    report = validate_instance(instance, calc=True)
    found = calculation_inconsistencies(report)
    assert [(c.code, c.concept, c.context) for c in found] == [
        ("calc11e:inconsistentCalculationUsingRounding", "us-gaap:AssetsCurrent", "I20240630")]
    assert found[0].reported == "[64374500, 64375500]"
    assert "hlmr/20240630/role/BalanceSheet" in (found[0].link_role or "")
    assert any(m.code == "calc11e:inconsistentCalculationUsingRounding" for m in report.errors)


def test_weights_follow_balances() -> None:
    _mapped_release, extension = _build(HALMER)
    cal = _file(extension, "_cal.xml")
    weights = {}
    for link in cal.findall("link:calculationLink", NS):
        locs = {loc.get(f"{XL}label"): loc.get(f"{XL}href").split("#")[1] for loc in link.findall("link:loc", NS)}
        for arc in link.findall("link:calculationArc", NS):
            pair = (locs[arc.get(f"{XL}from")], locs[arc.get(f"{XL}to")])
            assert pair not in weights, "the same parent/child twice"
            weights[pair] = arc.get("weight")
    assert weights[("us-gaap_StockholdersEquity", "us-gaap_TreasuryStockValue")] == "-1.0"
    assert weights[("us-gaap_StockholdersEquity", "us-gaap_AdditionalPaidInCapital")] == "1.0"
    assert weights[("us-gaap_GrossProfit", "us-gaap_CostOfRevenue")] == "-1.0"
    assert weights[("us-gaap_GrossProfit", "us-gaap_Revenues")] == "1.0"
    pretax = "us-gaap_IncomeLossFromContinuingOperationsBeforeIncomeTaxesExtraordinaryItemsNoncontrollingInterest"
    assert weights[(pretax, "us-gaap_InterestExpenseNonoperating")] == "-1.0"
    assert weights[("us-gaap_NetIncomeLoss", "us-gaap_IncomeTaxExpenseBenefit")] == "-1.0"
    assert weights[("us-gaap_LiabilitiesAndStockholdersEquity", "us-gaap_Liabilities")] == "1.0"


# ---- presentation ----------------------------------------------------------------------------


def _labels(extension: ExtensionTaxonomy) -> dict[tuple[str, str], str]:
    """(concept id, label role) -> text, from the label linkbase."""
    lab = _file(extension, "_lab.xml")
    out = {}
    for link in lab.findall("link:labelLink", NS):
        locs = {loc.get(f"{XL}label"): loc.get(f"{XL}href").split("#")[1] for loc in link.findall("link:loc", NS)}
        resources: dict[str, list[etree._Element]] = {}
        for res in link.findall("link:label", NS):
            resources.setdefault(res.get(f"{XL}label"), []).append(res)
        for arc in link.findall("link:labelArc", NS):
            for res in resources[arc.get(f"{XL}to")]:
                out[(locs[arc.get(f"{XL}from")], res.get(f"{XL}role"))] = res.text
    return out


def _tree(extension: ExtensionTaxonomy, role_name: str) -> list[tuple[int, str, str | None]]:
    """The role's presentation tree, depth first in arc order: (depth, concept id, preferredLabel)."""
    pre = _file(extension, "_pre.xml")
    links = [lk for lk in pre.findall("link:presentationLink", NS) if lk.get(f"{XL}role").endswith("/role/" + role_name)]
    assert len(links) == 1
    link = links[0]
    locs = {loc.get(f"{XL}label"): loc.get(f"{XL}href").split("#")[1] for loc in link.findall("link:loc", NS)}
    children: dict[str, list[tuple[float, str, str | None]]] = {}
    targets = set()
    for arc in link.findall("link:presentationArc", NS):
        parent, child = locs[arc.get(f"{XL}from")], locs[arc.get(f"{XL}to")]
        children.setdefault(parent, []).append((float(arc.get("order")), child, arc.get("preferredLabel")))
        targets.add(child)
    roots = [c for c in children if c not in targets]
    assert len(roots) == 1
    out: list[tuple[int, str, str | None]] = []

    def walk(node: str, depth: int, preferred: str | None) -> None:
        out.append((depth, node, preferred))
        for _order, child, pref in sorted(children.get(node, [])):
            walk(child, depth + 1, pref)

    walk(roots[0], 0, None)
    return out


def test_balance_sheet_presentation_reproduces_release_order_and_headings() -> None:
    mapped, extension = _build(HALMER)
    labels = _labels(extension)
    tree = _tree(extension, "BalanceSheet")
    printed = [("  " * depth) + labels[(concept, "http://www.xbrl.org/2003/role/label")] for depth, concept, _ in tree]
    statement = next(s for s in mapped.release.statements if s.kind is StatementKind.BALANCE_SHEET)
    expected = ["Condensed Consolidated Balance Sheets"]
    open_path: tuple[str, ...] = ()
    for item in statement.items:
        for depth in range(len(item.section)):
            if open_path[: depth + 1] != item.section[: depth + 1]:
                expected.append("  " * (depth + 1) + item.section[depth])
        open_path = item.section
        expected.append("  " * (len(item.section) + 1) + item.label)
    assert printed == expected
    assert printed[:4] == ["Condensed Consolidated Balance Sheets", "  ASSETS", "    Current Assets",
                           "      Cash and cash equivalents"]
    assert "    Stockholders' Equity" in printed
    # headings are extension abstracts
    assert tree[1][1] == "hlmr_AssetsAbstract" and tree[2][1] == "hlmr_CurrentAssetsAbstract"
    xsd = etree.fromstring(dict(extension.files)[extension.schema_file])
    abstract = xsd.find("xs:element[@name='CurrentAssetsAbstract']", NS)
    assert abstract is not None and abstract.get("abstract") == "true"


def test_parenthetical_and_cover_roles() -> None:
    _mapped_release, extension = _build(HALMER)
    paren = [c for _d, c, _p in _tree(extension, "BalanceSheetParenthetical")]
    for concept in ("us-gaap_AllowanceForDoubtfulAccountsReceivableCurrent", "us-gaap_CommonStockParOrStatedValuePerShare",
                    "us-gaap_CommonStockSharesAuthorized", "us-gaap_TreasuryStockShares"):
        assert concept in paren
    assert "us-gaap_CommonStockValue" not in paren
    cover = [c for _d, c, _p in _tree(extension, "DocumentAndEntityInformation")]
    assert "dei_TradingSymbol" in cover and "dei_DocumentType" in cover
    xsd = etree.fromstring(dict(extension.files)[extension.schema_file])
    definitions = [d.text for d in xsd.iterfind(".//link:roleType/link:definition", NS)]
    assert "100000 - Statement - Condensed Consolidated Balance Sheets" in definitions


# ---- labels --------------------------------------------------------------------------------


@pytest.mark.parametrize("path", _documents())
def test_negated_labels_exactly_where_stored_sign_differs_from_printed(path: Path) -> None:
    mapped, extension = _build(path)
    differs = {f.concept.replace(":", "_") for f in mapped.facts
               if f.printed is not None and isinstance(f.value, Decimal) and f.printed != 0
               and (f.printed < 0) != (f.value < 0)}
    labels = _labels(extension)
    negated = {concept for concept, role in labels if role == NEGATED_LABEL}
    assert negated == differs
    preferred = {c for role in ("BalanceSheet", "StatementOfOperations") for _d, c, p in _tree(extension, role)
                 if p == NEGATED_LABEL}
    assert preferred == differs
    # every concept shown has a standard label with the release's wording
    for role in ("BalanceSheet", "StatementOfOperations"):
        for _d, concept, _p in _tree(extension, role):
            assert (concept, "http://www.xbrl.org/2003/role/label") in labels


def test_halmer_negated_labels() -> None:
    _mapped_release, extension = _build(HALMER)
    negated = {c for c, role in _labels(extension) if role == NEGATED_LABEL}
    assert negated == {"us-gaap_TreasuryStockValue", "us-gaap_InterestExpenseNonoperating"}
    assert _labels(extension)[("us-gaap_InterestExpenseNonoperating", NEGATED_LABEL)] == "Interest expense"


# ---- extension concepts --------------------------------------------------------------------


def _unmapped_release() -> Release:
    """Halmer with four rows no US-GAAP entry of the concept table matches (totals unchanged)."""
    text = HALMER.read_text(encoding="utf-8")
    for old, new in [("Goodwill\t", "Tooling deposits\t"),
                     ("Research and development\t", "Product engineering\t"),
                     ("Interest income\t", "Gain on sale of patents\t"),
                     ("Interest expense\t", "Loss on currency hedges\t")]:
        assert old in text
        text = text.replace(old, new)
    return extract_text(text, "halmer-unmapped.txt")


def test_unmapped_line_items_become_extension_concepts(tmp_path: Path) -> None:
    mapped = _mapped(_unmapped_release())
    assert len(mapped.unmapped) == 4
    new, extension = build_extension(mapped, concept_table())
    assert new.unmapped == ()
    decided = {d.label: d for d in new.decisions if d.rule == EXTENSION_RULE}
    assert {d.concept for d in decided.values()} == {
        "hlmr:ToolingDeposits", "hlmr:ProductEngineering", "hlmr:GainOnSaleOfPatents",
        "hlmr:LossOnCurrencyHedges"}

    xsd = etree.fromstring(dict(extension.files)[extension.schema_file])
    declared = {el.get("name"): el for el in xsd.findall("xs:element", NS)}
    expect = {
        "ToolingDeposits": ("instant", "debit"),  # under ASSETS
        "ProductEngineering": ("duration", "debit"),  # under "Operating expenses"
        "GainOnSaleOfPatents": ("duration", "credit"),  # "gain"
        # "loss" printed negative: stored as printed, so it takes the balance of the total it adds into
        "LossOnCurrencyHedges": ("duration", "credit"),
    }
    xbrli = "{http://www.xbrl.org/2003/instance}"
    for name, (period_type, balance) in expect.items():
        el = declared[name]
        assert el.get("id") == f"hlmr_{name}"
        assert el.get("type") == "xbrli:monetaryItemType"
        assert el.get("substitutionGroup") == "xbrli:item" and el.get("abstract") == "false"
        assert (el.get(f"{xbrli}periodType"), el.get(f"{xbrli}balance")) == (period_type, balance)
    assert {c.name for c in extension.concepts} == {d.concept for d in decided.values()}

    facts = {(f.concept, str(f.period)): f.value for f in new.facts if f.concept.startswith("hlmr:")}
    assert facts[("hlmr:GainOnSaleOfPatents", "2024-04-01..2024-06-30")] == Decimal("212000")
    assert facts[("hlmr:LossOnCurrencyHedges", "2024-04-01..2024-06-30")] == Decimal("-180000")
    assert facts[("hlmr:ToolingDeposits", "2024-06-30")] == Decimal("4500000")
    assert len(facts) == 2 + 4 + 4 + 4
    # facts stay in statement order: the new row sits between its neighbours
    order = [f.concept for f in new.facts]
    assert order.index("us-gaap:PropertyPlantAndEquipmentNet") < order.index("hlmr:ToolingDeposits") \
        < order.index("us-gaap:OtherAssetsNoncurrent")

    instance = _write(new, extension, tmp_path)
    text = instance.read_text(encoding="utf-8")
    assert "<hlmr:GainOnSaleOfPatents" in text and 'xmlns:hlmr="http://xbrl-convert.org/hlmr/20240630"' in text
    report = validate_instance(instance, calc=True)
    assert report.errors == ()
    assert calculation_inconsistencies(report) == ()
    assert report.fact_count == len(new.facts)
    # the extension rows take part in the calculations
    cal = dict(extension.files)["hlmr-20240630_cal.xml"].decode()
    for name in expect:
        assert f"#hlmr_{name}" in cal


def test_upper_camel_names() -> None:
    assert upper_camel("Gain on sale of patents (Note 4)") == "GainOnSaleOfPatents"
    assert upper_camel("Stockholders' equity:") == "StockholdersEquity"
    assert upper_camel("401(k) match") == "N401KMatch"


# ---- naming and determinism ------------------------------------------------------------------


def test_file_names_and_namespace() -> None:
    _mapped_release, extension = _build(HALMER)
    assert extension.prefix == "hlmr"
    assert extension.namespace == "http://xbrl-convert.org/hlmr/20240630"
    assert [name for name, _ in extension.files] == [
        "hlmr-20240630.xsd", "hlmr-20240630_pre.xml", "hlmr-20240630_cal.xml", "hlmr-20240630_lab.xml"]
    xsd = etree.fromstring(dict(extension.files)[extension.schema_file])
    imports = {i.get("namespace"): i.get("schemaLocation") for i in xsd.findall("xs:import", NS)}
    assert imports["http://fasb.org/us-gaap/2024"] == "https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd"
    assert imports["http://xbrl.sec.gov/dei/2024"] == "https://xbrl.sec.gov/dei/2024/dei-2024.xsd"
    refs = [r.get(f"{XL}href") for r in xsd.iterfind(".//xs:appinfo/link:linkbaseRef", NS)]
    assert refs == ["hlmr-20240630_pre.xml", "hlmr-20240630_cal.xml", "hlmr-20240630_lab.xml"]


@pytest.mark.parametrize("path", [HALMER, EXAMPLES / "bridgewell-instruments-q1-2025.txt"])
def test_two_builds_give_identical_bytes(path: Path) -> None:
    first_mapped, first = _build(path)
    second_mapped, second = _build(path)
    assert first.files == second.files
    assert serialize(first_mapped, first) == serialize(second_mapped, second)
    mapped = _mapped(_unmapped_release())
    a, b = build_extension(mapped, concept_table()), build_extension(mapped, concept_table())
    assert a[1].files == b[1].files and serialize(*a) == serialize(*b)


def test_cash_flow_statement_gets_a_role_and_no_calculation_yet(tmp_path: Path) -> None:
    """Statements beyond the balance sheet and operations get a presentation role (their rows,
    mapped or extension) but no calculation arcs: they add up as printed, not by balance."""
    from modelkit import item, release, statement

    cash_flows = statement(StatementKind.CASH_FLOWS, [
        item("Net loss", "(9,911)", "(8,453)", section=("Cash flows from operating activities",)),
        item("Depreciation and amortization", "512", "498", section=("Cash flows from operating activities",)),
        item("Royalty prepayments received", "100", "80", section=("Cash flows from operating activities",)),
    ])
    rel = release(cash_flows)
    from converter.map import EntityId

    mapped = map_release(rel, concept_table(), EntityId(cik="0001009759", name="Made Up Corp"))
    new, extension = build_extension(mapped, concept_table())
    tree = [c for _d, c, _p in _tree(extension, "StatementOfCashFlows")]
    assert "cpst_RoyaltyPrepaymentsReceived" in tree
    assert "cpst_CashFlowsFromOperatingActivitiesAbstract" in tree
    assert _file(extension, "_cal.xml").find(".//link:calculationArc", NS) is None
    report = validate_instance(_write(new, extension, tmp_path), calc=True)
    assert report.errors == ()


QUARTER_AND_YEAR = """Made Up Savings Bancorp Reports Results (NASDAQ: MUSB)

MADE UP SAVINGS BANCORP
CONSOLIDATED STATEMENTS OF INCOME
(In thousands)
                                   Three Months Ended September 30,
                                          2008          2007
Interest income                         5,000         4,800
Service fees                              819           918
Loan servicing gains                      120           140
Net income                              1,200         1,100

MADE UP SAVINGS BANCORP
CONSOLIDATED STATEMENTS OF INCOME
(In thousands)
                                    Six Months Ended September 30,
                                          2008          2007
Interest income                         9,900         9,500
Service fees                            1,779         1,799
Loan servicing gains                      350           487
Net income                              2,300         2,150
"""


def test_a_line_printed_in_a_quarter_table_and_a_year_to_date_table_is_one_extension_concept() -> None:
    # Horizon Financial and Goldman Sachs print a quarter's statement and the year's as two
    # tables: "Service fees" in both is one extension concept (not ServiceFees and ServiceFees2)
    release = extract_text(QUARTER_AND_YEAR, "made-up.txt")
    assert len(release.statements) == 2
    mapped, extension = build_extension(_mapped(release), concept_table())
    fees = {f.concept for f in mapped.facts if f.label == "Service fees"}
    assert len(fees) == 1 and fees.pop().endswith(":ServiceFees")
    declared = [c.name for c in extension.concepts]
    assert len(declared) == len(set(declared))
    assert sum(c.endswith(":ServiceFees") for c in declared) == 1
