"""compare: a converted release against the company's own XBRL / Inline XBRL 10-Q.

The fixtures are an invented 10-Q of Halmer Robotics (examples/halmer-robotics-q2-2024.txt) as an
XBRL 2.1 instance and as Inline XBRL 1.1, with the same deliberate differences: revenue tagged
RevenueFromContractWithCustomerExcludingAssessedTax (4 facts), accrued expenses at June 30, 2024
of 4,121 instead of 4,120, the allowance for doubtful accounts not tagged (2 facts), stock-based
compensation only in the filing, and a segment fact (dimensional) that equals total revenue.
"""

from __future__ import annotations

import csv
import json
import os
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter.cli import main
from converter.compare import Status, compare, compare_files, values_equal
from converter.filing import XbrlFact, parse_inline_number, read_document
from converter.errors import InputError
from converter.model import Period

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "halmer-robotics-q2-2024.txt"
FIXTURES = ROOT / "tests" / "fixtures" / "compare"
FILING_XML = FIXTURES / "hlmr-20240630-10q.xml"
FILING_HTM = FIXTURES / "hlmr-20240630-10q.htm"
Q2_2024 = Period(end=date(2024, 6, 30), start=date(2024, 4, 1))
YTD_2024 = Period(end=date(2024, 6, 30), start=date(2024, 1, 1))
JUNE_2024 = Period(end=date(2024, 6, 30))
DEC_2023 = Period(end=date(2023, 12, 31))


@pytest.fixture(scope="module")
def instance(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("convert")
    result = CliRunner().invoke(main, ["convert", str(EXAMPLE), "--out", str(out), "--no-validate"])
    assert result.exit_code == 0, result.output
    path = out / "halmer-robotics-q2-2024" / "hlmr-20240630.xml"
    assert path.is_file()
    return path


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, ["compare", *args])


def _row(comparison, concept: str, period: Period):  # type: ignore[no-untyped-def]
    rows = [r for r in comparison.rows if (r.release or r.filing).concept == concept and r.period == period]
    assert len(rows) == 1, rows
    return rows[0]


# ---- reading -------------------------------------------------------------------------------


def test_inline_reading_scale_sign_formats_hidden_and_dimensions():
    doc = read_document(FILING_HTM)
    assert doc.kind == "inline"
    assert doc.entities == ("0009990001",)
    assert doc.skipped == ()

    def value(concept: str, period: Period, dims: bool = False) -> Decimal | str | None:
        found = [f for f in doc.facts if f.concept == concept and f.period == period and bool(f.dimensions) == dims]
        assert found, concept
        return found[0].value

    # scale="3" + ixt:num-dot-decimal; us-gaap/2023 namespace compared as "us-gaap"
    assert value("us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax", Q2_2024) == Decimal("24310000")
    # sign="-"
    assert value("us-gaap:RetainedEarningsAccumulatedDeficit", JUNE_2024) == Decimal("-132750000")
    assert value("us-gaap:EarningsPerShareBasicAndDiluted",
                 Period(end=date(2023, 6, 30), start=date(2023, 4, 1))) == Decimal("-0.02")
    # ixt:fixed-zero, ixt-sec:numwordsen ("none"), the hidden fact, nil
    assert value("us-gaap:PreferredStockValue", JUNE_2024) == 0
    assert value("us-gaap:PreferredStockSharesIssued", DEC_2023) == 0
    assert value("us-gaap:PreferredStockSharesIssued", JUNE_2024) == 0  # in ix:hidden
    assert value("us-gaap:CommitmentsAndContingencies", JUNE_2024) is None
    assert value("dei:DocumentType", YTD_2024) == "10-Q"  # ix:nonNumeric in ix:hidden
    # the segment fact keeps its dimension
    seg = [f for f in doc.facts if f.dimensions]
    assert [(f.concept, f.dimensions) for f in seg] == [
        ("us-gaap:Revenues", (("srt:ConsolidationItemsAxis", "us-gaap:OperatingSegmentsMember"),))]
    # the fact the filing shows twice, rounded differently
    sbc = [f for f in doc.facts if f.concept == "us-gaap:ShareBasedCompensation"]
    assert sorted((f.value, f.decimals) for f in sbc) == [(Decimal("1850000"), -3), (Decimal("1900000"), -5)]


def test_instance_reading():
    doc = read_document(FILING_XML)
    assert doc.kind == "instance"
    weighted = [f for f in doc.facts
                if f.concept == "us-gaap:WeightedAverageNumberOfShareOutstandingBasicAndDiluted" and f.period == Q2_2024]
    assert [(f.value, f.decimals, f.unit) for f in weighted] == [(Decimal("41801234"), 0, "xbrli:shares")]
    eps = next(f for f in doc.facts if f.concept == "us-gaap:EarningsPerShareBasicAndDiluted")
    assert eps.unit == "iso4217:USD/xbrli:shares"
    assert eps.where.endswith(f"{FILING_XML.name}:{eps.where.rsplit(':', 1)[1]}")


IXT4 = "http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"
IXT2 = "http://www.xbrl.org/inlineXBRL/transformation/2011-07-31"
IXT1 = "http://www.xbrl.org/inlineXBRL/transformation/2010-04-20"
IXT_SEC = "http://www.sec.gov/inlineXBRL/transformation/2015-08-31"


@pytest.mark.parametrize(("text", "fmt", "expected"), [
    ("24,310", (IXT4, "num-dot-decimal"), "24310"),
    ("1,234.56", (IXT2, "numdotdecimal"), "1234.56"),
    ("1.234,56", (IXT4, "num-comma-decimal"), "1234.56"),
    ("1 234,5", (IXT2, "numcommadecimal"), "1234.5"),
    ("—", (IXT4, "fixed-zero"), "0"),
    ("-", (IXT2, "zerodash"), "0"),
    ("79.4", (IXT1, "numcommadot"), "79.4"),
    ("1\u00a0234.5", (IXT4, "num-dot-decimal"), "1234.5"),
    ("none", (IXT_SEC, "numwordsen"), "0"),
    ("twenty-one", (IXT_SEC, "numwordsen"), "21"),
    ("one hundred five thousand", (IXT_SEC, "numwordsen"), "105000"),
    ("0.02", None, "0.02"),
])
def test_inline_number_formats(text, fmt, expected):
    assert parse_inline_number(text, fmt) == Decimal(expected)


def test_inline_number_bad_text():
    with pytest.raises(ValueError, match="not valid for the transformation format num-dot-decimal"):
        parse_inline_number("n/a", (IXT4, "num-dot-decimal"))
    with pytest.raises(ValueError, match="cannot read '2024-06-30' as a number"):
        parse_inline_number("2024-06-30", (IXT4, "date-year-month-day"))
    with pytest.raises(ValueError, match="not in the registry"):
        parse_inline_number("5", (IXT4, "num-made-up"))
    with pytest.raises(ValueError, match="unknown transformation registry"):
        parse_inline_number("5", ("http://example.com/transforms", "num-dot-decimal"))
    with pytest.raises(ValueError, match="ixt-sec:duryear is not available"):
        parse_inline_number("5", (IXT_SEC, "duryear"))


def test_ix_1_0_namespace_nested_fact_datetime_and_unreadable_fact_is_skipped(tmp_path):
    doc = tmp_path / "ix10.htm"
    doc.write_text("""<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2008/inlineXBRL"
  xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2010-04-20" xmlns:xbrli="http://www.xbrl.org/2003/instance"
  xmlns:iso4217="http://www.xbrl.org/2003/iso4217" xmlns:us-gaap="http://fasb.org/us-gaap/2010-01-31">
<body><ix:header><ix:resources>
<xbrli:context id="c"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">9990001</xbrli:identifier>
</xbrli:entity><xbrli:period><xbrli:instant>2024-07-01T00:00:00</xbrli:instant></xbrli:period></xbrli:context>
<xbrli:unit id="u"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>
</ix:resources></ix:header>
<p><ix:nonFraction name="us-gaap:Assets" contextRef="c" unitRef="u" decimals="-6" scale="6"
 format="ixt:numcommadot"><ix:nonFraction name="us-gaap:LiabilitiesAndStockholdersEquity" contextRef="c" unitRef="u"
 decimals="-6" scale="6" format="ixt:numcommadot">79.4</ix:nonFraction></ix:nonFraction>
<ix:nonFraction name="us-gaap:Goodwill" contextRef="c" unitRef="u" decimals="0" format="ixt:numcommadot">n/a</ix:nonFraction></p>
</body></html>""", encoding="utf-8")
    read = read_document(doc)
    assert [(f.concept, f.value, f.period) for f in read.facts] == [  # a nested nonFraction is a fact too
        ("us-gaap:Assets", Decimal("79400000"), JUNE_2024),
        ("us-gaap:LiabilitiesAndStockholdersEquity", Decimal("79400000"), JUNE_2024)]
    assert len(read.skipped) == 1 and "us-gaap:Goodwill" in read.skipped[0] and "ix10.htm:" in read.skipped[0]


def test_values_equal_within_the_less_precise_decimals():
    def fact(value: str, decimals: int | None) -> XbrlFact:
        return XbrlFact("us-gaap:Assets", JUNE_2024, Decimal(value), "iso4217:USD", decimals)

    assert values_equal(fact("24310000", -3), fact("24310400", 0))
    assert not values_equal(fact("24310000", -3), fact("24310600", 0))
    assert values_equal(fact("1900000", -5), fact("1850000", -3))  # shown as 1.9 million
    assert not values_equal(fact("4120000", -3), fact("4121000", -3))
    assert values_equal(fact("5", None), fact("5.0", None))
    assert not values_equal(fact("5", None), fact("5.01", 2))


@pytest.mark.parametrize("bad", ["missing.htm", "empty.htm", "broken.htm", "plain.xml"])
def test_unreadable_filing_names_the_file(tmp_path, bad):
    path = tmp_path / bad
    if bad == "empty.htm":
        path.write_text("", encoding="utf-8")
    elif bad == "broken.htm":
        path.write_text("<html><body><p>unclosed</body></html>", encoding="utf-8")
    elif bad == "plain.xml":
        path.write_text("<root><a>1</a></root>", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_document(path)
    assert str(path) in str(info.value)


# ---- matching ------------------------------------------------------------------------------


@pytest.mark.parametrize("filing", [FILING_XML, FILING_HTM], ids=["instance", "inline"])
def test_compare_counts_and_rows(instance, filing):
    c = compare_files(instance, filing)
    assert c.summary() == {
        "release_facts": 122, "match": 115, "concept_differs": 4, "value_differs": 1, "only_in_release": 2,
        "only_in_filing": 1, "percent_matched_by_value": 97.5, "percent_same_concept": 94.3}
    revenue = _row(c, "us-gaap:Revenues", Q2_2024)
    assert revenue.status is Status.CONCEPT_DIFFERS  # the segment fact with us-gaap:Revenues is ignored
    assert revenue.filing.concept == "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax"
    assert revenue.release.value == revenue.filing.value == Decimal("24310000")
    accrued = _row(c, "us-gaap:AccruedLiabilitiesCurrent", JUNE_2024)
    assert accrued.status is Status.VALUE_DIFFERS
    assert (accrued.release.value, accrued.filing.value) == (Decimal("4120000"), Decimal("4121000"))
    assert _row(c, "us-gaap:AccruedLiabilitiesCurrent", DEC_2023).status is Status.MATCH
    allowance = _row(c, "us-gaap:AllowanceForDoubtfulAccountsReceivableCurrent", JUNE_2024)
    assert allowance.status is Status.ONLY_IN_RELEASE and allowance.filing is None
    only_filing = [r for r in c.rows if r.status is Status.ONLY_IN_FILING]
    assert [(r.filing.concept, r.period, r.filing.value) for r in only_filing] == [
        ("us-gaap:ShareBasedCompensation", YTD_2024, Decimal("1850000"))]
    # zeros, nils, the hidden fact, signs, per-share and a more precise weighted average
    for concept, period in [("us-gaap:PreferredStockSharesIssued", JUNE_2024),
                            ("us-gaap:PreferredStockSharesIssued", DEC_2023),
                            ("us-gaap:PreferredStockValue", JUNE_2024),
                            ("us-gaap:CommitmentsAndContingencies", DEC_2023),
                            ("us-gaap:RetainedEarningsAccumulatedDeficit", JUNE_2024),
                            ("us-gaap:EarningsPerShareBasicAndDiluted", Q2_2024),
                            ("us-gaap:WeightedAverageNumberOfShareOutstandingBasicAndDiluted", Q2_2024)]:
        assert _row(c, concept, period).status is Status.MATCH, concept
    # the cover-page share count (July 31, 2024) is in none of the release's periods
    assert not any(r.filing and r.filing.concept == "dei:EntityCommonStockSharesOutstanding" for r in c.rows)
    assert c.notes == ("8 non-numeric release fact(s) not compared (--text compares them)",)


def test_compare_dimensional_and_text(instance):
    c = compare_files(instance, FILING_HTM, include_dimensional=True, include_text=True)
    segment = [r for r in c.rows if r.filing and r.filing.dimensions]
    assert [r.status for r in segment] == [Status.ONLY_IN_FILING]  # dimensions must agree
    doc_type = _row(c, "dei:DocumentType", Q2_2024)
    assert doc_type.status is Status.VALUE_DIFFERS
    assert (doc_type.release.value, doc_type.filing.value) == ("8-K", "10-Q")
    assert _row(c, "dei:TradingSymbol", Q2_2024).status is Status.MATCH
    assert c.release_fact_count == 130


def test_same_value_prefers_a_concept_the_release_does_not_use():
    def fact(concept: str, value: str) -> XbrlFact:
        return XbrlFact(concept, JUNE_2024, Decimal(value), "iso4217:USD", -3)

    from converter.filing import XbrlDocument
    release = XbrlDocument("r.xml", "instance", (), (fact("us-gaap:Assets", "100000"),
                                                     fact("us-gaap:OtherAssetsNoncurrent", "5000"),
                                                     fact("us-gaap:Goodwill", "5000")))
    filing = XbrlDocument("f.xml", "instance", (), (fact("us-gaap:Goodwill", "5000"),
                                                    fact("us-gaap:OtherAssets", "5000"),
                                                    fact("us-gaap:Assets", "0")))
    c = compare(release, filing)
    assert [(r.status, r.release and r.release.concept, r.filing and r.filing.concept) for r in c.rows] == [
        (Status.VALUE_DIFFERS, "us-gaap:Assets", "us-gaap:Assets"),
        (Status.CONCEPT_DIFFERS, "us-gaap:OtherAssetsNoncurrent", "us-gaap:OtherAssets"),
        (Status.MATCH, "us-gaap:Goodwill", "us-gaap:Goodwill"),
    ]


# ---- the command ---------------------------------------------------------------------------


def test_cli_prints_table_and_summary_and_writes_json_and_csv(instance, tmp_path):
    out = tmp_path / "cmp" / "halmer.json"
    result = run(str(instance), str(FILING_HTM), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "concept differs" in result.output and "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax" in result.output
    assert ("122 release facts: 115 match, 4 concept differs, 1 value differs, 2 only in release; "
            "1 only in filing.") in result.output
    assert "Matched by value: 97.5% of release facts; same concept: 94.3%." in result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["summary"]["value_differs"] == 1
    assert data["filing"]["path"] == os.path.relpath(FILING_HTM, out.parent)
    accrued_json = [r for r in data["rows"] if r["status"] == "value_differs"]
    assert [(r["release"]["concept"], r["period"], r["release"]["value"], r["filing"]["value"])
            for r in accrued_json] == [("us-gaap:AccruedLiabilitiesCurrent", {"start": None, "end": "2024-06-30"},
                                        "4120000", "4121000")]
    assert accrued_json[0]["filing"]["source"]["href"] == FILING_HTM.name
    assert accrued_json[0]["filing"]["source"]["line"] > 1
    assert data["filing"]["kind"] == "inline"
    assert len(data["rows"]) == 123
    with out.with_suffix(".csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 123
    accrued = [r for r in rows if r["status"] == "value_differs"]
    assert [(r["release_concept"], r["period_end"], r["release_value"], r["filing_value"]) for r in accrued] == [
        ("us-gaap:AccruedLiabilitiesCurrent", "2024-06-30", "4120000", "4121000")]


def test_cli_differences_only(instance):
    result = run(str(instance), str(FILING_XML), "--differences-only")
    assert result.exit_code == 0, result.output
    table = result.output.split("\n\n")[0].splitlines()
    assert len(table) == 2 + 8  # header, rule, the 8 rows that are not a match
    assert not any(line.startswith("match") for line in table)


def test_cli_fail_on_difference(instance):
    assert run(str(instance), str(FILING_XML), "--fail-on-difference").exit_code == 1
    assert run(str(instance), str(instance), "--fail-on-difference").exit_code == 0


def test_cli_usage_errors(instance, tmp_path):
    assert run(str(instance)).exit_code == 2  # FILING missing
    assert run(str(instance), str(tmp_path / "nope.htm")).exit_code == 2
    assert run(str(instance), str(FILING_XML), "--bogus").exit_code == 2
    result = run(str(instance), str(FILING_XML), "--out", str(tmp_path / "x.csv"))
    assert result.exit_code == 2 and "x.csv" in result.output


def test_cli_unreadable_filing_names_the_file(instance, tmp_path):
    bad = tmp_path / "filing.htm"
    bad.write_bytes(b"\x00\x01 not xml")
    result = run(str(instance), str(bad))
    assert result.exit_code == 2
    assert f"error: {bad}:" in result.output
    assert "not well-formed XML" in result.output
    assert "Traceback" not in result.output
