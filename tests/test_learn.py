"""Learning from real filings: `learn` (company maps), --company-map, the learned vocabulary,
the fallback ranking and --explain, on the invented Ferrowick Instruments 10-Q and next-quarter
release in examples/learn/; and the filings harness on one real filing when ../shared exists."""

from __future__ import annotations

from decimal import Decimal
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter.cli import main
from converter.companymap import LineMap, load_line_map, match_key
from converter.concepts import concept_table, normalize_label
from converter.fallback import elements, rank
from converter.ixtables import read_filing_statements
from converter.layered import LayeredTable, default_vocabulary, default_vocabulary_path
from converter.map import match_line_item
from converter.model import Cell, CellKind, LineItem, SourceRef, StatementKind
from scriptkit import load_script

ROOT = Path(__file__).resolve().parents[1]
FILING = ROOT / "examples" / "learn" / "frwk-20250331-10q.htm"
RELEASE = ROOT / "examples" / "learn" / "ferrowick-instruments-q2-2025.txt"
FILINGS = ROOT.parent / "shared" / "filings"
CIK = "0009990042"


def _lines():
    return {(line.statement, line.label, line.concept): line for line in read_filing_statements(FILING).lines}


def test_filing_lines_carry_label_section_concept_and_sign() -> None:
    statements = read_filing_statements(FILING)
    assert statements.cik == CIK and statements.company == "Ferrowick Instruments, Inc."
    lines = _lines()
    interest = lines[(StatementKind.OPERATIONS, "Interest expense", "us-gaap:InterestExpenseNonoperating")]
    assert interest.sign == "negated" and interest.period_type == "duration"  # printed (400), stored 400
    deficit = lines[(StatementKind.BALANCE_SHEET, "Accumulated deficit", "us-gaap:RetainedEarningsAccumulatedDeficit")]
    assert deficit.sign == "as-printed" and deficit.section[-1] == "Stockholders' equity:"
    basic_eps = lines[(StatementKind.OPERATIONS, "Basic", "us-gaap:EarningsPerShareBasic")]
    assert basic_eps.item_type == "perShareItemType" and basic_eps.section == ("Net income per share:",)
    opening = lines[(StatementKind.CASH_FLOWS, "Cash and cash equivalents at beginning of period",
                     "us-gaap:CashAndCashEquivalentsAtCarryingValue")]
    assert opening.opening and opening.period_type == "instant"
    assert str(opening.facts[0].period) == "2024-12-31" and opening.facts[0].value == 36200000


def test_learn_writes_an_editable_company_map(tmp_path: Path) -> None:
    out = tmp_path / "frwk.yaml"
    result = CliRunner().invoke(main, ["learn", str(FILING), "--out", str(out), "--company", "Ferrowick"])
    assert result.exit_code == 0, result.output
    assert f"CIK {CIK}" in result.output
    line_map = load_line_map(out)
    assert line_map.cik == CIK and line_map.learned_from == ("frwk-20250331-10q.htm",)
    by_label = {(line.statement, line.label): line for line in line_map.lines}
    assert by_label[(StatementKind.BALANCE_SHEET, "Operating lease assets")].concept == \
        "us-gaap:OperatingLeaseRightOfUseAsset"
    assert by_label[(StatementKind.BALANCE_SHEET, "Goodwill")].balance == "debit"  # from the element list
    assert all(line.filing == "frwk-20250331-10q.htm" for line in line_map.lines)


def test_learn_rejects_a_file_that_is_not_inline_xbrl(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["learn", str(RELEASE), "--out", str(tmp_path / "x.yaml")])
    assert result.exit_code == 2 and "error" in result.output


def _convert(tmp_path: Path, *extra: str) -> tuple[dict, str]:
    result = CliRunner().invoke(main, ["convert", str(RELEASE), "--cik", CIK, "--out", str(tmp_path / "out"),
                                       "--no-validate", "--xml-only", *extra])
    report = json.loads((tmp_path / "out" / RELEASE.stem / "report.json").read_text(encoding="utf-8"))
    return report, result.output


def test_company_map_tags_the_next_release_like_the_company(tmp_path: Path) -> None:
    company = tmp_path / "maps"
    company.mkdir()
    CliRunner().invoke(main, ["learn", str(FILING), "--out", str(company / "frwk.yaml")])
    report, _ = _convert(tmp_path, "--company-map", str(company))  # a folder: picked by CIK
    tagged = {(d["statement"], d["label"]): d for d in report["mapping"] if d["concept"]}
    labels = [(k.value, label) for k, label, _ in _lines()]
    unique = {(k.value, label): concept for k, label, concept in _lines() if labels.count((k.value, label)) == 1}
    matched = [(key, tagged[key]["concept"], concept) for key, concept in unique.items() if key in tagged]
    assert len(matched) >= 35
    assert all(got == want for _, got, want in matched), [m for m in matched if m[1] != m[2]]
    lease = tagged[("balance_sheet", "Operating lease assets")]
    assert lease["concept"] == "us-gaap:OperatingLeaseRightOfUseAsset"
    assert "company map frwk.yaml (learned from frwk-20250331-10q.htm)" in lease["rule"]
    assert lease["layer"] == "company"
    assert not report["unmapped"]


def test_company_map_keeps_the_company_sign(tmp_path: Path) -> None:
    maps = tmp_path / "frwk.yaml"
    CliRunner().invoke(main, ["learn", str(FILING), "--out", str(maps)])
    report, _ = _convert(tmp_path, "--company-map", str(maps))
    values = {(f["concept"], _period(f["period"])): f["value"] for f in report["facts"]}
    # printed "(390)" interest expense in thousands: the company stores +390000
    assert values[("us-gaap:InterestExpenseNonoperating", "2025-04-01..2025-06-30")] == "390000"
    assert values[("us-gaap:PaymentsToAcquirePropertyPlantAndEquipment", "2025-01-01..2025-06-30")] == "1200000"
    assert values[("us-gaap:CashAndCashEquivalentsAtCarryingValue", "2024-12-31")] == "36200000"


def _period(period: dict) -> str:
    return f"{period['start']}..{period['end']}" if period.get("start") else period["end"]


def test_explain_lists_three_candidates_for_extension_concepts(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["convert", str(RELEASE), "--cik", CIK, "--out", str(tmp_path / "out"),
                                       "--no-validate", "--explain"])
    assert "explain:" in result.output and "candidate us-gaap:" in result.output
    report = json.loads((tmp_path / "out" / RELEASE.stem / "report.json").read_text(encoding="utf-8"))
    extensions = [d for d in report["unmapped"] if "fallback" in d["rule"]]
    assert extensions
    for decision in extensions:
        assert decision["layer"] is None and decision["concept"] is None
        assert 1 <= len(decision["alternatives"]) <= 3
        assert all(re.fullmatch(r"us-gaap:\w+ \(\d\.\d\d\)", c) for c in decision["alternatives"])


def test_fallback_never_offers_an_element_with_unknown_period_or_balance() -> None:
    item = LineItem(label="Deferred revenue, current", section=("Liabilities", "Current liabilities"),
                    cells=(Cell("1", CellKind.NUMBER, None, SourceRef("x", 1)),), source=SourceRef("x", 1))
    candidates = rank(StatementKind.BALANCE_SHEET, item)
    assert candidates
    assert all(c.element.period_type == "instant" and c.element.balance_known for c in candidates)
    assert all(c.element.balance in (None, "credit") for c in candidates)
    unknown = [e for e in elements() if not e.emittable]
    assert unknown and all(e.period_type is None or not e.balance_known for e in unknown)


@pytest.mark.parametrize(("kind", "section", "label", "expected"), [
    # the label's words are the element's name, in order (either in the singular): tagged
    (StatementKind.BALANCE_SHEET, ("ASSETS",), "Prepaid Insurance", "us-gaap:PrepaidInsurance"),
    (StatementKind.BALANCE_SHEET, ("Liabilities",), "Senior notes, net", "us-gaap:SeniorNotes"),
    (StatementKind.CASH_FLOWS, ("Cash flows from financing activities",), "Proceeds from warrants exercise",
     "us-gaap:ProceedsFromWarrantExercises"),
    # the same words in another order, or fewer than the name has: an extension concept
    (StatementKind.BALANCE_SHEET, ("Assets",), "Insurance prepaid", None),
    (StatementKind.BALANCE_SHEET, ("Assets",), "Intangibles and other assets", None),
    (StatementKind.OPERATIONS, ("Other income/(expense)",), "Depreciation, amortization, and other", None),
])
def test_fallback_tags_a_label_that_is_an_element_name(kind: StatementKind, section: tuple[str, ...],
                                                       label: str, expected: str | None) -> None:
    layered = LayeredTable.around(concept_table(), vocabulary=None).for_cik(None)
    item = LineItem(label=label, section=section, cells=(Cell("1", CellKind.NUMBER, None, SourceRef("x", 1)),),
                    source=SourceRef("x", 1))
    entry = match_line_item(layered, kind, item).entry
    assert (entry.concept if entry else None) == expected


def test_fallback_takes_only_elements_tagged_in_the_same_statement() -> None:
    # the vocabulary learned OtherIncome for an income statement's "Membership and other income";
    # "Other" among a statement of cash flows' operating lines is not that element
    vocabulary = default_vocabulary()
    assert any(line.concept == "us-gaap:OtherIncome" and line.statement is StatementKind.OPERATIONS
               for line in vocabulary.lines)
    layered = LayeredTable.around(concept_table(), vocabulary=vocabulary).for_cik(None)
    item = LineItem(label="Other", section=("CASH FLOWS FROM OPERATING ACTIVITIES", "Net income"),
                    cells=(Cell("1", CellKind.NUMBER, None, SourceRef("x", 1)),), source=SourceRef("x", 1))
    assert match_line_item(layered, StatementKind.CASH_FLOWS, item).entry is None
    assert rank(StatementKind.CASH_FLOWS, item)[0].element.concept == "us-gaap:OtherIncome"  # ranked first, not taken


def test_vocabulary_never_contradicts_the_concept_table() -> None:
    vocabulary = default_vocabulary()
    assert vocabulary is not None and vocabulary.lines, f"no vocabulary at {default_vocabulary_path()}"
    table = concept_table()
    for line in vocabulary.lines:
        item = LineItem(label=line.label, section=line.section, cells=(), source=SourceRef("v", 0))
        entry = match_line_item(table, line.statement, item).entry
        assert entry is None or entry.concept == line.concept, (line, entry and entry.concept)


def test_vocabulary_is_general_vocabulary() -> None:
    vocabulary = default_vocabulary()
    assert vocabulary is not None
    for line in vocabulary.lines:
        assert not re.search(r"\d", line.label + " ".join(line.section)), line.label
        assert line.label == normalize_label(line.label) and line.count >= 1
        assert line.concept.startswith("us-gaap:")


def test_every_concept_the_general_layers_can_emit_is_in_the_offline_package() -> None:
    import zipfile

    from converter.validate import shipped_package_path

    with zipfile.ZipFile(shipped_package_path()) as zf:
        xsd = next(zf.read(n) for n in zf.namelist() if n.endswith("us-gaap-2024.xsd")).decode()
    declared = set(re.findall(r'\bname="(\w+)"', xsd))
    vocabulary = default_vocabulary()
    assert vocabulary is not None
    missing = sorted({line.concept for line in vocabulary.lines} - {f"us-gaap:{n}" for n in declared})
    assert not missing


def test_layered_table_order_company_then_table_then_vocabulary() -> None:
    from converter.companymap import LineMap, MapLine
    from converter.concepts import Sign

    base = concept_table()
    mine = LineMap(lines=(MapLine("Cash and cash equivalents", StatementKind.BALANCE_SHEET, ("Assets",),
                                  "us-gaap:CashCashEquivalentsAndShortTermInvestments", Sign.AS_PRINTED,
                                  "monetaryItemType", "instant", filing="own.htm"),), cik=CIK)
    item = LineItem(label="Cash and cash equivalents", section=("ASSETS", "Current assets"), cells=(),
                    source=SourceRef("r", 1))
    layered = LayeredTable.around(base, company_maps=(mine,))
    assert match_line_item(layered.for_cik(CIK), StatementKind.BALANCE_SHEET, item).entry.concept == \
        "us-gaap:CashCashEquivalentsAndShortTermInvestments"
    other = match_line_item(layered.for_cik("0000000007"), StatementKind.BALANCE_SHEET, item).entry
    assert other.concept == "us-gaap:CashAndCashEquivalentsAtCarryingValue"  # another company: the table
    assert match_key("Cash, and cash   equivalents") == "cash and cash equivalents"


def _harness():
    """scripts/evaluate_filings.py as a module."""
    return load_script("evaluate_filings")


@pytest.mark.skipif(not FILINGS.is_dir(), reason="no ../shared/filings")
def test_filings_harness_roll_forward_on_one_filing() -> None:
    results = _harness().evaluate(FILINGS, ["abbv"], ["own", "next"], details=False)
    for mode in ("own", "next"):  # next: the same map on next quarter's wording (months moved, share counts changed)
        (score,) = results[mode]
        assert not score.error
        assert score.found >= 250
        assert score.counts["same"] / score.found_standard >= 0.98, mode
        assert score.counts["different"] == 0, mode


@pytest.mark.skipif(not FILINGS.is_dir(), reason="no ../shared/filings")
@pytest.mark.parametrize(("name", "rendering"), [("xom", "span"), ("ba", "text")])
def test_filings_harness_reads_a_filing_saved_as_markdown_or_text(name: str, rendering: str) -> None:
    # xom: the years' row lost its label cell to a rowspan; ba: "(Dollars in millions)" beside
    # the period headers of a text dump (both read no or wrong figures before)
    (score,) = _harness().evaluate(FILINGS, [name], ["own"], details=False, rendering=rendering)["own"]
    assert not score.error
    assert score.found >= 0.98 * score.facts
    assert score.counts["same"] / score.found_standard >= 0.9


def test_next_quarter_wording_moves_months_and_share_counts_not_par_values() -> None:
    module = _harness()
    assert module._next_quarter("Cash at June 30") == "Cash at September 30"
    assert module._next_quarter("1,056 shares issued as of January 31, 2025") == "1,057 shares issued as of April 30, 2026"
    assert module._next_quarter("Common stock, $0.01 par value (Note 5)") == "Common stock, $0.01 par value (Note 5)"


def test_company_map_matches_its_own_wording_reordered() -> None:
    from converter.companymap import LineMap, MapLine
    from converter.concepts import Sign

    mine = LineMap(lines=(MapLine("Revenues, net", StatementKind.OPERATIONS, (), "us-gaap:Revenues",
                                  Sign.AS_PRINTED, "monetaryItemType", "duration"),), cik=CIK)
    item = LineItem(label="Net revenues", section=(), cells=(), source=SourceRef("r", 1))
    assert mine.match(StatementKind.OPERATIONS, item).line.concept == "us-gaap:Revenues"
    assert mine.match(StatementKind.OPERATIONS, item, strict=True) is None  # not for the vocabulary


def test_a_per_share_row_never_takes_the_company_share_count_of_the_same_words() -> None:
    # Johnson & Johnson's 10-K map has "Basic" under "Average shares outstanding" only (its
    # earnings per share rows are worded otherwise); its next 10-Q prints "Basic" under "Net
    # earnings per share" too: that row of per-share amounts is not the share count
    from converter.companymap import LineMap, MapLine
    from converter.concepts import Sign

    mine = LineMap(lines=(MapLine("Basic", StatementKind.OPERATIONS, ("Average shares outstanding",),
                                  "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic", Sign.AS_PRINTED,
                                  "sharesItemType", "duration"),), cik=CIK)
    cents = Cell(text="2.29", kind=CellKind.NUMBER, value=Decimal("2.29"), source=SourceRef("r", 9), decimals_printed=2)
    eps = LineItem(label="Basic", section=("Net earnings per share",), cells=(cents,), source=SourceRef("r", 9))
    assert mine.match(StatementKind.OPERATIONS, eps) is None
    count = Cell(text="2,407.3", kind=CellKind.NUMBER, value=Decimal("2407.3"), source=SourceRef("r", 12), decimals_printed=1)
    shares = LineItem(label="Basic", section=("Avg. shares outstanding",), cells=(count,), source=SourceRef("r", 12))
    assert mine.match(StatementKind.OPERATIONS, shares).line.concept == "us-gaap:WeightedAverageNumberOfSharesOutstandingBasic"


def test_company_map_names_the_company_of_a_release_whose_cik_is_not_found(tmp_path: Path) -> None:
    maps = tmp_path / "frwk.yaml"
    CliRunner().invoke(main, ["learn", str(FILING), "--out", str(maps)])
    result = CliRunner().invoke(main, ["convert", str(RELEASE), "--out", str(tmp_path / "out"), "--no-validate",
                                       "--xml-only", "--company-map", str(maps)])
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "out" / RELEASE.stem / "report.json").read_text(encoding="utf-8"))
    assert report["entity"]["cik"] == CIK and report["entity"]["found_by"] == "company map frwk.yaml"
    assert not [m for m in report["validation"]["messages"] if m["code"] in ("xc:noCik", "xc:companyMapNotUsed")]
    lease = next(d for d in report["mapping"] if d["label"] == "Operating lease assets")
    assert lease["rule"].startswith("company map frwk.yaml")


def test_company_map_of_another_company_is_not_used_and_says_so(tmp_path: Path) -> None:
    learned = tmp_path / "frwk.yaml"
    CliRunner().invoke(main, ["learn", str(FILING), "--out", str(learned)])
    other = tmp_path / "other.yaml"
    other.write_text(re.sub(r"(?m)^cik: .*$", "cik: '0009990099'", learned.read_text(encoding="utf-8")),
                     encoding="utf-8")
    report, _ = _convert(tmp_path, "--company-map", str(other))
    warnings = [m for m in report["validation"]["messages"] if m["code"] == "xc:companyMapNotUsed"]
    assert len(warnings) == 1 and "CIK 0009990042" in warnings[0]["message"] and "0009990099" in warnings[0]["message"]
    assert not any(d["rule"].startswith("company map") for d in report["mapping"])


def test_folder_of_many_other_companies_maps_is_named_briefly(tmp_path: Path) -> None:
    # a batch run with a folder of maps: the warning names three companies and counts the others
    learned = tmp_path / "frwk.yaml"
    CliRunner().invoke(main, ["learn", str(FILING), "--out", str(learned)])
    folder = tmp_path / "maps"
    folder.mkdir()
    for n in range(5):
        (folder / f"c{n}.yaml").write_text(
            re.sub(r"(?m)^cik: .*$", f"cik: '000999010{n}'", learned.read_text(encoding="utf-8")), encoding="utf-8")
    report, _ = _convert(tmp_path, "--company-map", str(folder))
    warnings = [m["message"] for m in report["validation"]["messages"] if m["code"] == "xc:companyMapNotUsed"]
    assert len(warnings) == 1
    assert "maps given for CIK 0009990100, 0009990101, 0009990102 and 2 more" in warnings[0]
    assert "0009990104" not in warnings[0]


def test_company_map_reads_next_quarters_dated_cash_rows_by_their_place() -> None:
    # the 10-Q prints "... at January 1" (opening) and "... at June 30"; the next release "... at September 30"
    from converter.companymap import LineMap, MapLine
    from converter.concepts import Sign

    concept = "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"
    cf = StatementKind.CASH_FLOWS
    lines = tuple(MapLine(label, cf, (), concept, Sign.AS_PRINTED, "monetaryItemType", "instant", opening=opening,
                          balance="debit", filing="q2-10q.htm")
                  for label, opening in (("Cash, cash equivalents and restricted cash at January 1", True),
                                         ("Cash, cash equivalents and restricted cash at June 30", False)))
    table = LayeredTable.around(concept_table(), company_maps=(LineMap(lines=lines, cik="0009990042"),))
    table = table.for_cik("0009990042")
    rows = [LineItem(label=label, section=(), cells=(Cell("1", CellKind.NUMBER, None, SourceRef("r", n)),),
                     source=SourceRef("r", n))
            for n, label in enumerate(("Cash, cash equivalents and restricted cash at January 1",
                                       "Cash, cash equivalents and restricted cash at September 30"), start=1)]
    opening, closing = (match_line_item(table, cf, row).entry for row in rows)
    assert opening.concept == closing.concept == concept
    assert opening.opening_labels and not closing.opening_labels


def test_a_company_extension_line_under_the_row_s_own_heading_wins_over_a_standard_line_elsewhere() -> None:
    # Apple's 10-K: "Adjustment for net (gains)/losses realized and included in net income" under
    # derivative instruments (its own concept) and under marketable debt securities (a US-GAAP
    # one); its next 10-Q's derivative row had taken the securities' concept
    from converter.companymap import LineMap, MapLine
    from converter.concepts import Sign

    ci, label = StatementKind.COMPREHENSIVE_INCOME, "Adjustment for net (gains)/losses realized and included in net income"
    derivatives = "Change in unrealized gains/losses on derivative instruments, net of tax:"
    securities = "Change in unrealized gains/losses on marketable debt securities, net of tax:"
    lines = (MapLine(label, ci, (derivatives,), "aapl:OtherComprehensiveIncomeLossDerivativeInstrumentGainLossReclassificationAfterTax",
                     Sign.AS_PRINTED, "monetaryItemType", "duration", filing="aapl-10k.htm"),
             MapLine(label, ci, (securities,), "us-gaap:OtherComprehensiveIncomeLossReclassificationAdjustmentFromAOCIForSaleOfSecuritiesNetOfTax",
                     Sign.AS_PRINTED, "monetaryItemType", "duration", filing="aapl-10k.htm"))
    table = LayeredTable.around(concept_table(), company_maps=(LineMap(lines=lines, cik="0000320193"),))
    table = table.for_cik("0000320193")
    rows = [LineItem(label=label, section=(heading.rstrip(":"),), cells=(Cell("1", CellKind.NUMBER, None, SourceRef("r", n)),),
                     source=SourceRef("r", n)) for n, heading in ((4, derivatives), (8, securities))]
    derivative, security = (match_line_item(table, ci, row) for row in rows)
    assert derivative.entry is None  # the company's own extension concept
    assert table.extension_name(ci, rows[0]).name == "OtherComprehensiveIncomeLossDerivativeInstrumentGainLossReclassificationAfterTax"
    assert security.entry.concept == "us-gaap:OtherComprehensiveIncomeLossReclassificationAdjustmentFromAOCIForSaleOfSecuritiesNetOfTax"


def test_company_map_reads_a_balance_sheet_row_as_printed_not_by_its_side() -> None:
    # IBM prints two "Deferred costs" rows without headings, current above noncurrent; the
    # company map tells them apart by their order, before any reading of the balance-sheet side
    from converter.companymap import LineMap, MapLine
    from converter.concepts import Sign
    from dataclasses import replace

    bs = StatementKind.BALANCE_SHEET
    lines = tuple(MapLine("Deferred costs", bs, (), concept, Sign.AS_PRINTED, "monetaryItemType", "instant",
                          balance="debit", filing="ibm-10q.htm")
                  for concept in ("us-gaap:CapitalizedContractCostNetCurrent", "us-gaap:CapitalizedContractCostNetNoncurrent"))
    table = LayeredTable.around(concept_table(), company_maps=(LineMap(lines=lines, cik="0000051143"),))
    table = table.for_cik("0000051143")
    rows = [LineItem(label="Deferred costs", section=(), cells=(Cell("1", CellKind.NUMBER, None, SourceRef("r", n)),),
                     source=SourceRef("r", n), side="assets")
            for n in (3, 9)]
    first, second = (match_line_item(table, bs, row).entry.concept for row in rows)
    assert (first, second) == ("us-gaap:CapitalizedContractCostNetCurrent", "us-gaap:CapitalizedContractCostNetNoncurrent")
    # without a company map the side reads an unlabelled "Deferred income taxes" above total assets as the asset
    general = LayeredTable.around(concept_table()).for_cik(None)
    taxes = replace(rows[0], label="Deferred income taxes")
    assert match_line_item(general, bs, taxes).entry.concept == "us-gaap:DeferredIncomeTaxAssetsNet"


def _reworded_roll_forward(tmp_path: Path, *renames: tuple[str, str]) -> tuple[dict[str, dict], LineMap]:
    """The Ferrowick map learned from its 10-Q, and the next quarter's release with each printed
    text of `renames` (printed once) worded otherwise, converted with the map: its mapping
    decisions by label, and the map."""
    maps = tmp_path / "frwk.yaml"
    CliRunner().invoke(main, ["learn", str(FILING), "--out", str(maps)])
    text = RELEASE.read_text(encoding="utf-8")
    for old, new in renames:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    release = tmp_path / RELEASE.name
    release.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["convert", str(release), "--cik", CIK, "--out", str(out), "--no-validate",
                                       "--xml-only", "--company-map", str(maps)])
    assert result.exit_code == 0, result.output
    report = json.loads((out / RELEASE.stem / "report.json").read_text(encoding="utf-8"))
    return {d["label"]: d for d in report["mapping"]}, load_line_map(maps)


def test_company_map_recognises_a_reworded_row_by_the_figure_the_filing_tagged(tmp_path: Path) -> None:
    """The release words two balance sheet lines otherwise than the 10-Q; their December 31, 2024
    balances are the ones the 10-Q tagged, so they take the company's concepts all the same."""
    tagged, line_map = _reworded_roll_forward(
        tmp_path, ("Operating lease assets\t", "Right-of-use lease assets, operating\t"),
        ("Accrued and other current liabilities\t", "Accruals\t"))
    lease = next(line for line in line_map.lines if line.label == "Operating lease assets")
    assert dict(lease.figures)["2024-12-31"] == 6700000
    right_of_use = tagged["Right-of-use lease assets, operating"]
    assert right_of_use["statement"] == "balance_sheet" and tagged["Accruals"]["statement"] == "balance_sheet"
    assert right_of_use["concept"] == "us-gaap:OperatingLeaseRightOfUseAsset"
    assert "the figure for 2024-12-31 is the one frwk-20250331-10q.htm tagged on 'Operating lease assets'" in \
        right_of_use["rule"]
    accrued = next(line for line in line_map.lines if line.label == "Accrued and other current liabilities")
    assert tagged["Accruals"]["concept"] == accrued.concept


def test_a_figure_two_concepts_share_goes_to_the_line_of_more_shared_words() -> None:
    from converter.companymap import LineMap, MapLine
    from converter.concepts import Sign

    def line(label: str, concept: str) -> MapLine:
        return MapLine(label=label, statement=StatementKind.BALANCE_SHEET, section=("Current assets",), concept=concept,
                       sign=Sign.AS_PRINTED, item_type="monetaryItemType", period_type="instant", balance="debit",
                       figures=(("2024-12-31", Decimal(5000000)),))

    one = LineMap(lines=(line("Receivables", "us-gaap:AccountsReceivableNetCurrent"),))
    two = LineMap(lines=one.lines + (line("Prepaid expenses", "us-gaap:PrepaidExpenseCurrent"),))
    cell = Cell("5,000", CellKind.NUMBER, Decimal(5000), SourceRef("r.txt", 3, 20))
    item = LineItem("Trade and other receivables", ("Current assets",), (cell,), SourceRef("r.txt", 3, 1))
    dated = [("2024-12-31", Decimal(5000000))]
    assert one.match_figures(StatementKind.BALANCE_SHEET, item, dated).line.concept == \
        "us-gaap:AccountsReceivableNetCurrent"
    found = two.match_figures(StatementKind.BALANCE_SHEET, item, dated)  # "receivables" in both labels
    assert found.line.concept == "us-gaap:AccountsReceivableNetCurrent"
    assert found.alternatives == ("us-gaap:PrepaidExpenseCurrent",)
    unlike = LineItem("Sundry current items", ("Current assets",), (cell,), SourceRef("r.txt", 3, 1))
    assert two.match_figures(StatementKind.BALANCE_SHEET, unlike, dated) is None  # no word tells them apart
    assert one.match_figures(StatementKind.BALANCE_SHEET, item, [("2025-06-30", Decimal(5000000))]) is None


def test_company_map_figures_must_be_periods_and_amounts(tmp_path: Path) -> None:
    from converter.errors import ConfigError

    bad = tmp_path / "bad.yaml"
    bad.write_text('lines:\n  - {label: Cash, statement: balance_sheet, concept: "us-gaap:Cash", period: instant,\n'
                   '     figures: {"2024-13-40": "12"}}\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad.yaml: lines\[0\].*figures: '2024-13-40'"):
        load_line_map(bad)


def test_a_line_the_company_tags_with_its_own_extension_concept_keeps_that_name(tmp_path: Path) -> None:
    """The 10-Q tags "Operating lease assets" with its own frwk:RightOfUseAssetsOperating: the map
    keeps the line, the table does not give the row a US-GAAP concept instead, and the release's
    extension concept takes the company's name (the rule says so)."""
    filing = tmp_path / FILING.name
    filing.write_text(FILING.read_text(encoding="utf-8")
                      .replace('xmlns:dei="http://xbrl.sec.gov/dei/2024"',
                               'xmlns:dei="http://xbrl.sec.gov/dei/2024" xmlns:frwk="http://ferrowick.example/20250331"')
                      .replace('name="us-gaap:OperatingLeaseRightOfUseAsset"', 'name="frwk:RightOfUseAssetsOperating"'),
                      encoding="utf-8")
    maps = tmp_path / "frwk.yaml"
    result = CliRunner().invoke(main, ["learn", str(filing), "--out", str(maps)])
    assert result.exit_code == 0 and "frwk:" not in result.output, result.output  # declared by the converter
    line = next(line for line in load_line_map(maps).lines if line.label == "Operating lease assets")
    assert line.concept == "frwk:RightOfUseAssetsOperating" and line.extension
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["convert", str(RELEASE), "--cik", CIK, "--out", str(out),
                                       "--company-map", str(maps)])
    report = json.loads((out / RELEASE.stem / "report.json").read_text(encoding="utf-8"))
    assert report["status"] == "valid", result.output
    lease = next(d for d in report["mapping"] if d["label"] == "Operating lease assets")
    assert lease["concept"] == "frwk:RightOfUseAssetsOperating"
    assert "named as the company names it, frwk:RightOfUseAssetsOperating: company map frwk.yaml" in lease["rule"]
    assert any(c["concept"] == "frwk:RightOfUseAssetsOperating" for c in report["extension_concepts"])
    assert not any(f["concept"] == "us-gaap:OperatingLeaseRightOfUseAsset" for f in report["facts"])


def test_learn_warns_only_about_concepts_the_offline_package_cannot_declare() -> None:
    from converter.companymap import LineMap, MapLine
    from converter.concepts import Sign
    from converter.learn import undeclared

    def line(concept: str) -> MapLine:
        return MapLine(label="Interest expense", statement=StatementKind.OPERATIONS, section=(), concept=concept,
                       sign=Sign.AS_PRINTED, item_type="monetaryItemType", period_type="duration")

    line_map = LineMap(lines=(line("us-gaap:InterestExpenseNonoperating"),  # declared by the shipped package
                              line("us-gaap:InterestExpenseMadeUpForTheTest"),  # no such 2024 element
                              line("frwk:InterestOnNotes")))  # the company's own: the converter declares it
    assert undeclared(line_map) == ["us-gaap:InterestExpenseMadeUpForTheTest"]


def test_a_company_map_concept_of_unknown_period_type_is_declared_with_the_companys_own(tmp_path: Path) -> None:
    """The element list knows no period type for InventoryNetOfAllowancesCustomerAdvancesAndProgressBillings
    (a US-GAAP 2024 element): the company's contexts give it (instant), so learn does not warn
    and the release tagged with it validates offline."""
    concept = "us-gaap:InventoryNetOfAllowancesCustomerAdvancesAndProgressBillings"
    assert next(e for e in elements() if e.concept == concept).period_type is None
    filing = tmp_path / FILING.name
    filing.write_text(FILING.read_text(encoding="utf-8").replace(
        'name="us-gaap:OperatingLeaseRightOfUseAsset"', f'name="{concept}"'), encoding="utf-8")
    maps = tmp_path / "frwk.yaml"
    result = CliRunner().invoke(main, ["learn", str(filing), "--out", str(maps)])
    assert result.exit_code == 0 and "warning" not in result.output, result.output
    out = tmp_path / "out"
    CliRunner().invoke(main, ["convert", str(RELEASE), "--cik", CIK, "--out", str(out), "--xml-only",
                              "--company-map", str(maps)])
    report = json.loads((out / RELEASE.stem / "report.json").read_text(encoding="utf-8"))
    assert report["status"] == "valid", report["validation"]["messages"][:3]
    assert {f["value"] for f in report["facts"] if f["concept"] == concept} == {"6100000", "6700000"}


def test_a_company_extension_name_may_hold_dots(tmp_path: Path) -> None:
    path = tmp_path / "v.yaml"
    path.write_text('cik: "1403161"\nlines:\n  - {label: Restricted cash, statement: balance_sheet, period: instant,\n'
                    '     concept: "v:RestrictedCashAndCashEquivalentsU.S.LitigationEscrow"}\n', encoding="utf-8")
    (line,) = load_line_map(path).lines
    assert line.extension and line.concept.endswith("U.S.LitigationEscrow")


def test_a_figure_the_company_stores_negative_is_no_sign_error_on_its_own_line(tmp_path: Path) -> None:
    """The concept table holds CashAndCashEquivalentsAtCarryingValue never negative; a company
    whose own filing tags a negative figure on the line ("Other, net" printed (20)) keeps it."""
    maps = tmp_path / "frwk.yaml"
    maps.write_text(f'cik: "{CIK}"\nlines:\n  - {{label: "Other, net", statement: operations, period: duration,\n'
                    '     concept: "us-gaap:CashAndCashEquivalentsAtCarryingValue"}\n', encoding="utf-8")
    out = tmp_path / "out"
    CliRunner().invoke(main, ["convert", str(RELEASE), "--cik", CIK, "--out", str(out), "--no-validate",
                              "--xml-only", "--company-map", str(maps)])
    report = json.loads((out / RELEASE.stem / "report.json").read_text(encoding="utf-8"))
    other = [f for f in report["facts"] if f["label"] == "Other, net"]
    assert "-20000" in {f["value"] for f in other}
    assert not any(m["code"] == "check.negative" for m in report["validation"]["messages"])


def test_among_maps_of_several_companies_the_release_is_taken_for_the_one_whose_figures_it_prints(
        tmp_path: Path) -> None:
    """No CIK is printed and the ticker is not in the registry; of two companies' maps, the
    release prints the figures one of them tagged (the December 31, 2024 balances of its 10-Q)."""
    maps = tmp_path / "maps"
    maps.mkdir()
    CliRunner().invoke(main, ["learn", str(FILING), "--out", str(maps / "frwk.yaml")])
    (maps / "other.yaml").write_text(
        'cik: "0009990077"\ncompany: Other Co.\nlines:\n  - {label: Cash and cash equivalents, statement: balance_sheet,'
        ' period: instant, concept: "us-gaap:Cash", figures: {"2024-12-31": "123456000"}}\n', encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["convert", str(RELEASE), "--out", str(out), "--no-validate", "--xml-only",
                                       "--company-map", str(maps)])
    assert result.exit_code == 0, result.output
    report = json.loads((out / RELEASE.stem / "report.json").read_text(encoding="utf-8"))
    assert report["entity"]["cik"] == CIK
    assert re.fullmatch(r"company map frwk\.yaml \(the release prints \d+ figures its filings tagged\)",
                        report["entity"]["found_by"])
    lease = next(d for d in report["mapping"] if d["label"] == "Operating lease assets")
    assert lease["rule"].startswith("company map frwk.yaml")


def test_a_reworded_row_between_rows_the_map_matches_takes_the_line_in_its_place(tmp_path: Path) -> None:
    """The release calls the 10-Q's "Platform and data costs" "Delivery costs"; its figures are of
    periods the 10-Q did not print. Between "Revenue" and "Gross profit", which match, it stands
    where the 10-Q's line stands: the company's concept."""
    tagged, line_map = _reworded_roll_forward(tmp_path, ("Platform and data costs\t", "Delivery costs\t"))
    costs = next(line for line in line_map.lines if line.label == "Platform and data costs")
    delivery = tagged["Delivery costs"]
    assert delivery["concept"] == costs.concept
    assert delivery["rule"] == ("company map frwk.yaml: in the place of 'Platform and data costs' among the rows its "
                                "labels and figures match")


def test_a_row_the_concept_table_reads_is_a_place_among_the_rows_the_map_matches(tmp_path: Path) -> None:
    """The release words both the 10-Q's first line ("Revenue" -> "Net sales") and the next
    ("Platform and data costs" -> "Delivery costs"). The concept table reads "Net sales" as the
    concept of the map's first line (an alternative of it): that places "Delivery costs" on the
    map's second line, between it and "Gross profit"."""
    tagged, line_map = _reworded_roll_forward(tmp_path, ("Platform and data costs\t", "Delivery costs\t"),
                                              ("\nRevenue\t", "\nNet sales\t"))
    costs = next(line for line in line_map.lines if line.label == "Platform and data costs")
    delivery = tagged["Delivery costs"]
    assert delivery["concept"] == costs.concept
    assert delivery["rule"].startswith("company map frwk.yaml: in the place of 'Platform and data costs'")
    assert tagged["Net sales"]["concept"] == "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax"  # the company's alternative


def test_a_reworded_row_the_table_reads_takes_the_alternative_the_company_uses(tmp_path: Path) -> None:
    """The release calls the 10-Q's "Revenue" "Net sales": no label of the map matches, its figures
    are of periods the 10-Q did not print, and it is the statement's first row (no place). The
    table reads it as Revenues; the company tags its revenue line
    RevenueFromContractWithCustomerExcludingAssessedTax, an alternative the table lists."""
    maps = tmp_path / "frwk.yaml"
    CliRunner().invoke(main, ["learn", str(FILING), "--out", str(maps)])
    release = tmp_path / RELEASE.name
    text = RELEASE.read_text(encoding="utf-8")
    assert text.count("\nRevenue\t") == 1
    release.write_text(text.replace("\nRevenue\t", "\nNet sales\t"), encoding="utf-8")

    def sales(*extra: str) -> dict:
        out = tmp_path / ("with" if extra else "without")
        result = CliRunner().invoke(main, ["convert", str(release), "--cik", CIK, "--out", str(out), "--no-validate",
                                           "--xml-only", *extra])
        assert result.exit_code == 0, result.output
        report = json.loads((out / RELEASE.stem / "report.json").read_text(encoding="utf-8"))
        return next(d for d in report["mapping"] if d["label"] == "Net sales")

    assert sales()["concept"] == "us-gaap:Revenues" and sales()["layer"] == "table"
    decision = sales("--company-map", str(maps))
    assert decision["concept"] == "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax"
    assert decision["layer"] == "company"
    assert decision["rule"].startswith("company map frwk.yaml (learned from frwk-20250331-10q.htm): the company "
                                       "tags 'Revenue' us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax, "
                                       "where the concept table has us-gaap:Revenues")


def test_no_alternative_when_the_company_tags_the_tables_concept_or_another_row_takes_it() -> None:
    """The company's own choice is taken only when its map does not use the table's concept in the
    statement, and no other row of the release takes the alternative through the map."""
    from converter.companymap import LineMap, MapLine
    from converter.concepts import Sign
    from modelkit import item, release, statement

    def line(label: str, concept: str) -> MapLine:
        return MapLine(label=label, statement=StatementKind.OPERATIONS, section=(), concept=concept,
                       sign=Sign.AS_PRINTED, item_type="monetaryItemType", period_type="duration", balance="credit")

    contract = "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax"
    sales, total = item("Net sales", "100", "90"), item("Total revenues", "120", "110")
    printed = release(statement(StatementKind.OPERATIONS, [sales, total]))
    revenues = concept_table().entry("us-gaap:Revenues")

    def choose(*lines: MapLine, row: LineItem = sales):
        table = LayeredTable.around(concept_table(), company_maps=(LineMap(lines=lines, cik=CIK, source="m.yaml"),))
        return table.for_cik(CIK, printed).company_alternative(StatementKind.OPERATIONS, row, revenues)

    assert choose(line("Revenue", contract))[0].concept == contract
    assert choose(line("Revenue", contract), line("Revenues", "us-gaap:Revenues")) is None  # it uses Revenues too
    assert choose(line("Total revenues", contract)) is None  # the release's "Total revenues" takes it by label
    assert choose(line("Revenue", "us-gaap:InterestAndDividendIncomeOperating")) is None  # no alternative


@pytest.mark.parametrize("concept, other, expected", [
    ("us-gaap:Revenues", "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax", True),  # listed
    ("us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax", "us-gaap:Revenues", True),  # either way
    ("us-gaap:OtherComprehensiveIncomeLossForeignCurrencyTransactionAndTranslationAdjustmentNetOfTax",
     "us-gaap:OtherComprehensiveIncomeForeignCurrencyTransactionAndTranslationAdjustmentNetOfTaxPortionAttributableToParent",
     True),  # the whole and the parent's portion
    ("us-gaap:CommonStockValue", "us-gaap:CommonStockValueOutstanding", True),
    ("us-gaap:Revenues", "us-gaap:CostOfRevenue", False),
    ("us-gaap:NetIncomeLoss", "us-gaap:NetIncomeLossAttributableToNoncontrollingInterest", False),
    ("us-gaap:Revenues", "us-gaap:Revenues", False),
])
def test_interchangeable_concepts(concept: str, other: str, expected: bool) -> None:
    assert concept_table().interchangeable(concept, other) is expected


def _ops_line(label: str, concept: str):  # type: ignore[no-untyped-def]
    from converter.companymap import MapLine
    from converter.concepts import Sign

    return MapLine(label=label, statement=StatementKind.OPERATIONS, section=(), concept=concept,
                   sign=Sign.AS_PRINTED, item_type="monetaryItemType", period_type="duration", balance="debit")


def _company_table(lines, printed):  # type: ignore[no-untyped-def]
    from converter.companymap import LineMap

    table = LayeredTable.around(concept_table(), company_maps=(LineMap(lines=tuple(lines), cik=CIK, source="m.yaml"),))
    return table.for_cik(CIK, printed)


def test_a_reworded_row_takes_the_map_line_no_other_row_takes_worded_most_like_it() -> None:
    """The release words two lines otherwise and prints a line the 10-Q has not, so the rows
    between "Revenue" and "Total operating expenses" do not stand line for line: each reworded
    row takes the free map line whose label shares most words with its own."""
    from modelkit import item, release, statement

    lines = [_ops_line("Revenue", "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax"),
             _ops_line("Platform and data expenses", "us-gaap:CostOfRevenue"),
             _ops_line("Customer acquisition expenses", "us-gaap:SellingAndMarketingExpense"),
             _ops_line("Total operating expenses", "us-gaap:OperatingExpenses")]
    # wordings the concept table does not read either
    rows = [item("Revenue", "500", "400"), item("Platform and data costs", "100", "90"),
            item("Customer acquisition", "80", "70"), item("Restructuring charges", "20", "0"),
            item("Total operating expenses", "200", "160")]
    table = _company_table(lines, release(statement(StatementKind.OPERATIONS, rows)))
    found = {row.label: match_line_item(table, StatementKind.OPERATIONS, row) for row in rows}
    platform = found["Platform and data costs"]
    assert platform.entry.concept == "us-gaap:CostOfRevenue"
    assert platform.rule == ("company map m.yaml: worded most like 'Platform and data expenses' (0.50 of "
                             "their words shared), a line no other row takes")
    assert found["Customer acquisition"].entry.concept == "us-gaap:SellingAndMarketingExpense"
    assert not found["Restructuring charges"].rule.startswith("company map")  # shares no two words with a line


def test_two_rows_worded_alike_against_one_map_line_take_neither_it() -> None:
    from modelkit import item, release, statement

    lines = [_ops_line("Revenue", "us-gaap:Revenues"),
             _ops_line("Selling and marketing expenses", "us-gaap:SellingAndMarketingExpense")]
    rows = [item("Revenue", "500", "400"), item("Selling and marketing costs", "80", "70"),
            item("Selling and marketing charges", "10", "5")]
    table = _company_table(lines, release(statement(StatementKind.OPERATIONS, rows)))
    for row in rows[1:]:
        assert "worded most like" not in match_line_item(table, StatementKind.OPERATIONS, row).rule


def test_other_wording_swaps_a_word_or_drops_the_last() -> None:
    harness = load_script("evaluate_filings")
    assert harness.other_wording("Research and development expenses") == "Research and development costs"
    assert harness.other_wording("Net income") == "Net earnings"
    assert harness.other_wording("Cash and cash equivalents") == "Cash and cash"
    assert harness.other_wording("Goodwill") == "Goodwill"
    assert harness.other_wording("Total current assets") == "Total current"
    assert harness.other_wording("Goodwill, net") == "Goodwill, net"  # two words: as printed


XML_FILING = ROOT / "examples" / "learn" / "xml" / "frwk-20250331.xml"


def _map_lines(path: Path) -> set[tuple]:
    return {(line.statement, line.label, line.section, line.concept, line.sign, line.item_type, line.period_type,
             line.opening, line.balance, line.figures) for line in load_line_map(path).lines}


def test_learn_reads_an_xbrl_instance_with_its_label_and_presentation_linkbases(tmp_path: Path) -> None:
    """The same 10-Q as an XBRL 2.1 instance: labels of the arcs' preferred roles (terse, total,
    negated, beginning and end of period), headings from the abstract concepts, statements from
    the presentation roles. The map equals the one learned from the Inline XBRL filing."""
    from_xml, from_inline = tmp_path / "xml.yaml", tmp_path / "inline.yaml"
    result = CliRunner().invoke(main, ["learn", str(XML_FILING), "--out", str(from_xml)])
    assert result.exit_code == 0, result.output
    assert "51 lines for CIK 0009990042 (20 balance sheet, 14 cash flows, 17 operations)" in result.output
    CliRunner().invoke(main, ["learn", str(FILING), "--out", str(from_inline)])
    assert _map_lines(from_xml) == _map_lines(from_inline)
    lines = {(line.statement, line.label): line for line in load_line_map(from_xml).lines}
    interest = lines[(StatementKind.OPERATIONS, "Interest expense")]
    assert interest.sign.value == "negated" and interest.concept == "us-gaap:InterestExpenseNonoperating"
    opening = lines[(StatementKind.CASH_FLOWS, "Cash and cash equivalents at beginning of period")]
    assert opening.opening and opening.period_type == "instant"
    assert lines[(StatementKind.BALANCE_SHEET, "Total current assets")].section == ("Assets", "Current assets:")
    assert load_line_map(from_xml).company == "Ferrowick Instruments, Inc."


def test_learn_says_so_when_an_instance_comes_without_its_linkbases(tmp_path: Path) -> None:
    alone = tmp_path / XML_FILING.name
    alone.write_bytes(XML_FILING.read_bytes())  # no schema or linkbases beside it
    out = tmp_path / "map.yaml"
    result = CliRunner().invoke(main, ["learn", str(alone), "--out", str(out)])
    assert result.exit_code == 2 and not out.exists()
    assert "label and presentation linkbases" in result.output and str(alone) in result.output
    assert "Traceback" not in result.output


def test_learn_names_a_linkbase_that_is_not_well_formed(tmp_path: Path) -> None:
    for path in XML_FILING.parent.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    broken = tmp_path / "frwk-20250331_pre.xml"
    broken.write_text(broken.read_text(encoding="utf-8")[:5000], encoding="utf-8")  # cut off mid-file
    out = tmp_path / "map.yaml"
    result = CliRunner().invoke(main, ["learn", str(tmp_path / XML_FILING.name), "--out", str(out)])
    assert result.exit_code == 2 and not out.exists()
    assert str(broken) in result.output and "Traceback" not in result.output


def test_a_concept_the_company_gives_no_label_is_learned_by_the_words_of_its_name(tmp_path: Path) -> None:
    for path in XML_FILING.parent.iterdir():
        (tmp_path / path.name).write_bytes(path.read_bytes())
    labels = tmp_path / "frwk-20250331_lab.xml"
    text = labels.read_text(encoding="utf-8")
    kept = "\n".join(line for line in text.splitlines() if 'xlink:label="lab_us-gaap_AccountsPayableCurrent"' not in line)
    assert kept != text
    labels.write_text(kept, encoding="utf-8")
    out = tmp_path / "map.yaml"
    assert CliRunner().invoke(main, ["learn", str(tmp_path / XML_FILING.name), "--out", str(out)]).exit_code == 0
    payable = [line for line in load_line_map(out).lines if line.concept == "us-gaap:AccountsPayableCurrent"]
    assert [line.label for line in payable] == ["Accounts payable current"]  # printed "Accounts payable"
    assert payable[0].figures == (("2024-12-31", Decimal(5900000)), ("2025-03-31", Decimal(5600000)))


def test_a_converted_release_is_learned_back_from_its_instance_and_linkbases(tmp_path: Path) -> None:
    """xbrl-convert's own output is a filing `learn` reads: the cash balance printed at the start
    and at the end of the period is presented twice, under the period start and end label roles
    (two locators: XLink allows one arc between two), so both rows come back with their labels."""
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["convert", str(RELEASE), "--cik", CIK, "--out", str(out), "--no-validate"])
    assert result.exit_code == 0, result.output
    instance = next(p for p in sorted((out / RELEASE.stem).glob("*.xml")) if "_" not in p.stem)
    pre = instance.with_name(instance.stem + "_pre.xml").read_text(encoding="utf-8")
    assert 'preferredLabel="http://www.xbrl.org/2003/role/periodStartLabel"' in pre
    assert 'preferredLabel="http://www.xbrl.org/2003/role/periodEndLabel"' in pre
    learned = tmp_path / "map.yaml"
    assert CliRunner().invoke(main, ["learn", str(instance), "--out", str(learned)]).exit_code == 0
    cash = {(line.label, line.opening) for line in load_line_map(learned).lines
            if line.statement is StatementKind.CASH_FLOWS and line.period_type == "instant"}
    assert cash == {("Cash and cash equivalents at beginning of period", True),
                    ("Cash and cash equivalents at end of period", False)}


def test_a_balance_sheet_printed_over_two_tables_is_learned_whole(tmp_path: Path) -> None:
    """Assets on one page, liabilities and equity on the next: the second table goes on with the
    statement (it tags none of its concepts, for the same periods), not a note repeating it."""
    text = FILING.read_text(encoding="utf-8")
    end = text.index("</tr>", text.index("<tr><td>Total assets</td>")) + len("</tr>")
    split = tmp_path / FILING.name
    split.write_text(text[:end] + "\n</table>\n<p>CONDENSED CONSOLIDATED BALANCE SHEETS (continued)</p>\n<table>\n"
                     "<tr><th></th><th>March 31, 2025</th><th>December 31, 2024</th></tr>" + text[end:],
                     encoding="utf-8")
    assert split.read_text(encoding="utf-8").count("<table>") == FILING.read_text(encoding="utf-8").count("<table>") + 1
    whole = [(line.statement, line.label, line.concept) for line in read_filing_statements(FILING).lines]
    assert [(line.statement, line.label, line.concept) for line in read_filing_statements(split).lines] == whole


def test_harness_rewording_leaves_header_rows_as_printed() -> None:
    """A header row whose first cell holds the scale keeps it (the rewording once dropped
    "dollars)" from "(millions of dollars)", and with the scale every figure of the table)."""
    harness = load_script("evaluate_filings")
    html = ("<html><body><table><tr><td>(millions of dollars)</td><td>June 30, 2025</td><td>June 30, 2024</td></tr>"
            "<tr><td>Research and development expenses</td><td>1,234</td><td>(1,100)</td></tr></table></body></html>")
    worded = harness.synonym_labels(html)
    assert "(millions of dollars)" in worded and "June 30, 2025" in worded
    assert "Research and development costs" in worded and "expenses" not in worded


def test_a_less_row_of_the_company_map_keeps_the_companys_signs() -> None:
    # Coca-Cola prints "Less: Net income (loss) attributable to noncontrolling interests" (7) and
    # (10) and tags -7 and -10 (losses): its map says as printed, and the "Less:" does not make the
    # parentheses a subtraction as it does for the concept table's rows
    from converter.companymap import LineMap, MapLine
    from converter.concepts import Sign
    from converter.map import EntityId, map_release
    from modelkit import Q_PERIODS, item, release, statement

    label = "Less: Net income (loss) attributable to noncontrolling interests"
    concept = "us-gaap:NetIncomeLossAttributableToNoncontrollingInterest"
    line = MapLine(label, StatementKind.OPERATIONS, (), concept, Sign.AS_PRINTED, "monetaryItemType", "duration",
                   balance="debit", filing="ko-10q.htm")
    ops = statement(StatementKind.OPERATIONS, [item("Consolidated net income", "3,804", "2,408"),
                                               item(label, "(7)", "(10)"),
                                               item("Net income attributable to shareowners", "3,811", "2,418")],
                    Q_PERIODS)
    entity = EntityId(cik="0000021344", name="Made Up Beverages")
    own = LayeredTable.around(concept_table(), company_maps=(LineMap(lines=(line,), cik="0000021344"),))
    mapped = map_release(release(ops), own.for_cik("0000021344"), entity)
    assert [f.value for f in mapped.facts if f.concept == concept] == [Decimal(-7000), Decimal(-10000)]
    general = map_release(release(ops), concept_table(), entity)
    assert [f.value for f in general.facts if f.concept == concept] == [Decimal(7000), Decimal(10000)]


def test_a_row_named_after_the_companys_extension_concept_stores_its_figures_as_the_company_does(
        tmp_path: Path) -> None:
    """The company tags "Purchases of property and equipment", printed (1,200), with its own
    frwk:PaymentsForEquipment and stores 1200 (a payment): the release's row named after that
    concept stores the printed figure's opposite too, not the printed -1200."""
    filing = tmp_path / FILING.name
    filing.write_text(FILING.read_text(encoding="utf-8")
                      .replace('xmlns:dei="http://xbrl.sec.gov/dei/2024"',
                               'xmlns:dei="http://xbrl.sec.gov/dei/2024" xmlns:frwk="http://ferrowick.example/20250331"')
                      .replace('name="us-gaap:PaymentsToAcquirePropertyPlantAndEquipment"',
                               'name="frwk:PaymentsForEquipment"'),
                      encoding="utf-8")
    maps = tmp_path / "frwk.yaml"
    assert CliRunner().invoke(main, ["learn", str(filing), "--out", str(maps)]).exit_code == 0
    line = next(line for line in load_line_map(maps).lines if line.concept == "frwk:PaymentsForEquipment")
    assert line.sign.value == "negated"
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["convert", str(RELEASE), "--cik", CIK, "--out", str(out),
                                       "--company-map", str(maps)])
    report = json.loads((out / RELEASE.stem / "report.json").read_text(encoding="utf-8"))
    assert report["status"] == "valid", result.output
    values = {f["value"] for f in report["facts"] if f["concept"] == "frwk:PaymentsForEquipment"}
    assert values and all(Decimal(v) > 0 for v in values)


@pytest.mark.parametrize(("printed", "recognised"), [("6", False), ("5,750", True)])
def test_a_figure_printed_with_fewer_than_three_digits_recognises_no_line(printed: str, recognised: bool) -> None:
    # Boeing's "Mandatory convertible preferred stock ..." prints 6 (millions), the figure its
    # "Noncontrolling interests" line tagged at the year end: too common a figure to tell a line by
    from converter.companymap import LineMap, MapLine
    from converter.concepts import Sign
    from converter.map import EntityId, map_release
    from converter.model import Scale
    from modelkit import BS_PERIODS, item, release, statement

    size = Decimal(printed.replace(",", "")) * 1_000_000
    line = MapLine("Noncontrolling interests", StatementKind.BALANCE_SHEET, (), "us-gaap:MinorityInterest",
                   Sign.AS_PRINTED, "monetaryItemType", "instant", balance="credit", filing="ba-10q.htm",
                   figures=(("2008-03-31", size),))
    row = item("Mandatory convertible preferred stock, 6.00% Series A", printed, printed)
    sheet = statement(StatementKind.BALANCE_SHEET, [row], BS_PERIODS, scale=Scale(6, True, "(Dollars in millions)"))
    own = LayeredTable.around(concept_table(), company_maps=(LineMap(lines=(line,), cik="0000012927"),))
    printed_release = release(sheet)
    mapped = map_release(printed_release, own.for_cik("0000012927", printed_release),
                         EntityId("0000012927", "Made Up Aerospace"))
    tagged = {f.concept for f in mapped.facts}
    assert ("us-gaap:MinorityInterest" in tagged) is recognised


def test_learn_records_the_concepts_of_figures_stated_in_labels_and_convert_takes_them(tmp_path: Path) -> None:
    # the 10-Q states its treasury shares inside the label ("Treasury stock, at cost - 2,736 and
    # 2,738 shares"), tagged us-gaap:TreasuryStockCommonShares as real filers do; the concept table
    # says TreasuryStockShares; with the company's map the release's label fact takes the company's
    from converter.companymap import LineMap, dump_line_map
    from converter.map import EntityId, map_release
    from converter.model import DetailKind, Scale
    from modelkit import BS_PERIODS, detail, item, release, statement

    text = FILING.read_text(encoding="utf-8")
    marker = "Total liabilities"
    assert marker in text
    filing = tmp_path / FILING.name
    # a label fact inside the first balance-sheet label cell holding the marker's row: a treasury count
    head, sep, tail = text.partition(marker)
    filing.write_text(head + sep + ' (treasury <ix:nonFraction name="us-gaap:TreasuryStockCommonShares" '
                      'contextRef="i1" unitRef="shares" decimals="INF" format="ixt:num-dot-decimal">2,736</ix:nonFraction> shares)' + tail,
                      encoding="utf-8")
    maps = tmp_path / "frwk.yaml"
    result = CliRunner().invoke(main, ["learn", str(filing), "--out", str(maps)])
    assert result.exit_code == 0, result.output
    learned = load_line_map(maps)
    assert "us-gaap:TreasuryStockCommonShares" in learned.label_facts
    assert load_line_map(maps) == learned and "label_facts:" in dump_line_map(learned)

    row = item("Treasury stock, at cost; 2,736 shares", "(100)", "(90)",
               details=(detail(DetailKind.TREASURY_SHARES, "2,736"),))
    sheet = statement(StatementKind.BALANCE_SHEET, [row], BS_PERIODS, scale=Scale(0, True, ""))
    entity = EntityId(CIK, "Ferrowick Instruments")
    own = LayeredTable.around(concept_table(), company_maps=(LineMap(lines=learned.lines, cik=CIK,
                                                                      label_facts=learned.label_facts),))
    mapped = map_release(release(sheet), own.for_cik(CIK, release(sheet)), entity)
    assert {f.concept for f in mapped.facts if f.value == 2736} == {"us-gaap:TreasuryStockCommonShares"}
    general = map_release(release(sheet), concept_table(), entity)
    assert {f.concept for f in general.facts if f.value == 2736} == {"us-gaap:TreasuryStockShares"}


def test_label_facts_of_a_company_map_must_be_concept_names(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("cik: 12\nlabel_facts: [TreasuryStockCommonShares]\nlines: []\n", encoding="utf-8")
    with pytest.raises(Exception, match="label_facts must be a list of prefixed concept names"):
        load_line_map(bad)


def test_a_row_printed_without_a_label_is_learned_and_recognised_by_its_place(tmp_path: Path) -> None:
    # Boeing prints its gross profit as a subtotal without a label: the map keeps the line as
    # "(no label)", the vocabulary of many companies does not, and a release row printed without a
    # label between the rows around it in the 10-Q takes the line by its place
    from converter.ixtables import NO_LABEL
    from converter.map import EntityId, map_release
    from modelkit import Q_PERIODS, item, release, statement

    filing = tmp_path / FILING.name
    filing.write_text(FILING.read_text(encoding="utf-8").replace("<td>Gross profit</td>", "<td></td>"),
                      encoding="utf-8")
    maps = tmp_path / "frwk.yaml"
    assert CliRunner().invoke(main, ["learn", str(filing), "--out", str(maps)]).exit_code == 0
    learned = load_line_map(maps)
    (unlabelled,) = [line for line in learned.lines if line.label == NO_LABEL]
    assert unlabelled.concept == "us-gaap:GrossProfit"
    from converter.learn import harvest
    assert not any(line.label == NO_LABEL for line in harvest([read_filing_statements(filing)], concept_table()).lines)

    ops = statement(StatementKind.OPERATIONS, [
        item("Revenue", "55,000", "49,000"), item("Platform and data costs", "22,000", "20,500"),
        item("", "33,000", "28,500"), item("Technology and development", "10,100", "9,300")], Q_PERIODS)
    printed = release(ops)
    own = LayeredTable.around(concept_table(), company_maps=(learned,)).for_cik(CIK, printed)
    mapped = map_release(printed, own, EntityId(CIK, "Ferrowick Instruments"))
    assert {f.concept for f in mapped.facts if f.value == Decimal(33_000_000)} == {"us-gaap:GrossProfit"}


def test_a_liabilities_table_of_its_own_places_rows_above_total_current_liabilities_as_current() -> None:
    """Edison International prints its liabilities in a table of their own, headed "LIABILITIES
    AND EQUITY" without a "Current liabilities:" heading, and "Regulatory liabilities" twice:
    above "Total current liabilities" (tagged RegulatoryLiabilityCurrent) and among the deferred
    credits (RegulatoryLiabilityNoncurrent). Both rows had taken the noncurrent line of its map."""
    from converter.companymap import LineMap, MapLine
    from converter.concepts import Sign
    from modelkit import item, release, statement

    from converter.map import EntityId, map_release

    bs, head = StatementKind.BALANCE_SHEET, ("LIABILITIES AND EQUITY",)
    lines = tuple(MapLine("Regulatory liabilities", bs, section, concept, Sign.AS_PRINTED, "monetaryItemType",
                          "instant", balance="credit", filing="eix-10q.htm")
                  for section, concept in ((head, "us-gaap:RegulatoryLiabilityCurrent"),
                                           ((), "us-gaap:RegulatoryLiabilityNoncurrent")))
    table = LayeredTable.around(concept_table(), company_maps=(LineMap(lines=lines, cik=CIK, source="m.yaml"),))
    rows = [item("Accounts payable", "2,346", "2,000", section=head),
            item("Regulatory liabilities", "1,109", "1,347", section=head),
            item("Total current liabilities", "3,455", "3,347", section=head),
            item("Long-term debt", "34,479", "33,534", section=head),
            item("Regulatory liabilities", "10,736", "10,159", section=head),
            item("Total liabilities", "48,670", "47,040", section=head)]
    mapped = map_release(release(statement(bs, rows)), table.for_cik(CIK), EntityId(cik=CIK, name="Made Up Power"))
    first = statement(bs, rows).periods[0]
    regulatory = {f.concept: f.value for f in mapped.facts if "Regulatory" in f.concept and f.period == first}
    assert regulatory == {"us-gaap:RegulatoryLiabilityCurrent": 1_109_000, "us-gaap:RegulatoryLiabilityNoncurrent": 10_736_000}


def _supplemental(rows: str) -> str:
    cell = ('<td><ix:nonFraction name="us-gaap:{c}" contextRef="{ctx}" unitRef="usd" decimals="-3" scale="3" '
            'format="ixt:num-dot-decimal">{v}</ix:nonFraction></td>')
    body = "".join(f"<tr><td>{label}</td>{cell.format(c=c, ctx='d1', v=a)}{cell.format(c=c, ctx='d2', v=b)}</tr>"
                   for label, c, a, b in (("Cash paid for interest", "InterestPaidNet", "410", "380"),
                                          ("Cash paid for income taxes, net", "IncomeTaxesPaidNet", "1,250", "990"),
                                          ("Property and equipment in accounts payable", "CapitalExpendituresIncurredButNotYetPaid",
                                           "120", "75")))
    return rows + ("<table><tr><th></th><th>Three Months Ended March 31, 2025</th><th>Three Months Ended March 31, 2024</th>"
                   f"</tr><tr><td>Supplemental cash flow data:</td><td></td><td></td></tr>{body}</table>")


@pytest.mark.parametrize(("between", "learned"), [
    ("\n<p>63</p>\n", True),  # Meta's 10-K: the supplemental data in a table of its own under the statement
    ("\n<p>Note 4. Income taxes. The Company is subject to income taxes in the United States and in several "
     "foreign jurisdictions. Significant judgment is required in determining its provision for income taxes, its "
     "deferred tax assets and liabilities and any valuation allowance recorded against its net deferred tax "
     "assets. The provision for income taxes and the cash it paid consist of the following, for the quarters "
     "ended March 31, 2025 and 2024, in thousands of dollars.</p>\n", False),
])
def test_a_table_printed_right_under_a_statement_goes_on_with_it(tmp_path: Path, between: str, learned: bool) -> None:
    text = FILING.read_text(encoding="utf-8")
    end = text.rindex("</table>") + len("</table>")
    filing = tmp_path / FILING.name
    filing.write_text(text[:end] + between + _supplemental("") + text[end:], encoding="utf-8")
    lines = {(line.statement, line.label): line.concept for line in read_filing_statements(filing).lines}
    expected = {(StatementKind.CASH_FLOWS, "Property and equipment in accounts payable"):
                "us-gaap:CapitalExpendituresIncurredButNotYetPaid"}
    assert (expected.items() <= lines.items()) is learned


def test_a_statement_of_cash_flows_going_on_with_its_closing_cash_is_learned(tmp_path: Path) -> None:
    # Hertz's 10-K: the statement of cash flows goes on over a page break with its cash at the
    # beginning and end of each period (instants the first page does not print) above its
    # supplemental data: the second table is learned as the statement going on
    text = FILING.read_text(encoding="utf-8")
    end = text.rindex("</table>")
    first = text.index("<tr><td>Cash and cash equivalents at beginning of period</td>")
    balances = text[first:end]  # the beginning and closing cash rows, moved to the next page
    table = _supplemental("").replace("<tr><td>Supplemental cash flow data:</td>", balances + "<tr><td>Supplemental cash flow data:</td>")
    filing = tmp_path / FILING.name
    filing.write_text(text[:first] + "</table>\n<p>63</p>\n" + table + text[end + len("</table>"):], encoding="utf-8")
    lines = {(line.statement, line.label): line.concept for line in read_filing_statements(filing).lines}
    assert lines[(StatementKind.CASH_FLOWS, "Cash and cash equivalents at end of period")] == \
        "us-gaap:CashAndCashEquivalentsAtCarryingValue"
    assert lines[(StatementKind.CASH_FLOWS, "Property and equipment in accounts payable")] == \
        "us-gaap:CapitalExpendituresIncurredButNotYetPaid"


@pytest.mark.parametrize("concept", ["us-gaap:IncreaseDecreaseInContractWithCustomerLiability",
                                     "frwk:IncreaseDecreaseInCustomerDeposits"])
def test_a_dash_the_company_leaves_untagged_is_no_fact_on_its_line(tmp_path: Path, concept: str) -> None:
    """Ondas prints "-" for a zero and tags nothing there (Workiva's filers tag it as zero): the
    company map says so (`dash: untagged`), and a release's dash on that line writes no fact, as
    the company's own filing would not, also on a line of the company's own extension concept."""
    text = FILING.read_text(encoding="utf-8").replace(
        'xmlns:dei="http://xbrl.sec.gov/dei/2024"',
        'xmlns:dei="http://xbrl.sec.gov/dei/2024" xmlns:frwk="http://ferrowick.example/20250331"').replace(
        'name="us-gaap:IncreaseDecreaseInContractWithCustomerLiability"', f'name="{concept}"')
    row = text.index(f"<tr><td>Customer deposits</td><td><ix:nonFraction name=\"{concept}")
    second = text.index("<td><ix:nonFraction", text.index("</td>", row + len("<tr><td>Customer deposits</td>")))
    end = text.index("</td>", second) + len("</td>")
    filing = tmp_path / FILING.name
    filing.write_text(text[:second] + "<td>\u2014</td>" + text[end:], encoding="utf-8")
    maps = tmp_path / "frwk.yaml"
    assert CliRunner().invoke(main, ["learn", str(filing), "--out", str(maps)]).exit_code == 0
    learned = {line.concept: line for line in load_line_map(maps).lines}
    assert learned[concept].dash_untagged
    assert not learned["us-gaap:ContractWithCustomerLiabilityCurrent"].dash_untagged
    release = RELEASE.read_text(encoding="utf-8").replace("Customer deposits\t700\t400", "Customer deposits\t700\t\u2014")
    path = tmp_path / RELEASE.name
    path.write_text(release, encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(path), "--cik", CIK, "--out", str(tmp_path / "out"), "--no-validate",
                                       "--company-map", str(maps)])
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "out" / RELEASE.stem / "report.json").read_text(encoding="utf-8"))
    deposits = [f for f in report["facts"] if f["concept"].endswith(concept.partition(":")[2])]
    assert [f["value"] for f in deposits] == ["700000"]
