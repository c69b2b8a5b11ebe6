"""A company map keeps the explicit dimensions the company tags statement lines with (revenue by
product line: srt:ProductOrServiceAxis), and a release converted with the map writes those lines
as dimensional facts that validate offline: US-GAAP and SRT members from the (supplemented)
offline package, the company's own members from its extension schema.

The filing is the invented Ferrowick 10-Q of examples/learn with its revenue line split into two
product lines, as a SaaS company's statement of operations prints it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from converter.cli import main
from converter.companymap import load_line_map
from converter.errors import ConfigError
from converter.ixtables import read_filing_statements
from converter.learn import company_map, harvest

ROOT = Path(__file__).resolve().parents[1]
FILING = ROOT / "examples" / "learn" / "frwk-20250331-10q.htm"
RELEASE = ROOT / "examples" / "learn" / "ferrowick-instruments-q2-2025.txt"
CIK = "0009990042"
PRODUCT_AXIS = "srt:ProductOrServiceAxis"
REVENUE = "us-gaap:RevenueFromContractWithCustomerExcludingAssessedTax"


def _context(cid: str, period: str, member: str) -> str:
    return (f'<xbrli:context id="{cid}"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">{CIK}'
            f'</xbrli:identifier><xbrli:segment><xbrldi:explicitMember dimension="{PRODUCT_AXIS}">{member}'
            f'</xbrldi:explicitMember></xbrli:segment></xbrli:entity><xbrli:period>{period}</xbrli:period>'
            "</xbrli:context>\n")


def _cell(context: str, figure: str) -> str:
    return (f'<td><ix:nonFraction name="{REVENUE}" contextRef="{context}" unitRef="usd" decimals="-3" scale="3" '
            f'format="ixt:num-dot-decimal">{figure}</ix:nonFraction></td>')


def dimensional_filing(folder: Path) -> Path:
    """The Ferrowick 10-Q whose revenue is printed as two product lines (the company's own
    frwk:SubscriptionMember and US-GAAP's ServiceMember) and their total."""
    text = FILING.read_text(encoding="utf-8")
    text = text.replace('xmlns:dei="http://xbrl.sec.gov/dei/2024"',
                        'xmlns:dei="http://xbrl.sec.gov/dei/2024" xmlns:srt="http://fasb.org/srt/2024" '
                        'xmlns:xbrldi="http://xbrl.org/2006/xbrldi" xmlns:frwk="http://ferrowick.example/20250331"')
    q1, q1_prior = "<xbrli:startDate>2025-01-01</xbrli:startDate><xbrli:endDate>2025-03-31</xbrli:endDate>", \
        "<xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-03-31</xbrli:endDate>"
    contexts = (_context("d1sub", q1, "frwk:SubscriptionMember") + _context("d2sub", q1_prior, "frwk:SubscriptionMember")
                + _context("d1svc", q1, "us-gaap:ServiceMember") + _context("d2svc", q1_prior, "us-gaap:ServiceMember"))
    text = text.replace('<xbrli:unit id="usd">', contexts + '<xbrli:unit id="usd">', 1)
    revenue_row = re.search(r"<tr><td>Revenue</td>.*?</tr>", text)
    assert revenue_row is not None
    rows = ("<tr><td>Revenue:</td><td></td><td></td></tr>"
            f"<tr><td>Subscription</td>{_cell('d1sub', '40,000')}{_cell('d2sub', '36,000')}</tr>\n"
            f"<tr><td>Services</td>{_cell('d1svc', '12,400')}{_cell('d2svc', '11,100')}</tr>\n"
            + revenue_row.group(0).replace("<td>Revenue</td>", "<td>Total revenue</td>"))
    path = folder / "frwk-20250331-10q.htm"
    path.write_text(text.replace(revenue_row.group(0), rows), encoding="utf-8")
    return path


def dimensional_release(folder: Path) -> Path:
    """The next quarter's release printing the same two product lines."""
    text = RELEASE.read_text(encoding="utf-8")
    old = "Revenue\t$ 55,000\t$ 49,000\t$ 107,400\t$ 96,100\n"
    assert old in text
    new = ("Revenue:\t\t\t\t\nSubscription\t$ 42,000\t$ 37,500\t$ 82,000\t$ 73,500\n"
           "Services\t13,000\t11,500\t25,400\t22,600\nTotal revenue\t55,000\t49,000\t107,400\t96,100\n")
    path = folder / RELEASE.name
    path.write_text(text.replace(old, new), encoding="utf-8")
    return path


def test_filing_lines_keep_the_companys_explicit_dimensions(tmp_path: Path) -> None:
    lines = read_filing_statements(dimensional_filing(tmp_path)).lines
    tagged = {(line.label, line.concept): line.dimensions for line in lines if line.concept == REVENUE}
    assert tagged == {("Subscription", REVENUE): ((PRODUCT_AXIS, "frwk:SubscriptionMember"),),
                      ("Services", REVENUE): ((PRODUCT_AXIS, "us-gaap:ServiceMember"),),
                      ("Total revenue", REVENUE): ()}


def test_company_map_keeps_dimensions_and_the_vocabulary_does_not(tmp_path: Path) -> None:
    filing = read_filing_statements(dimensional_filing(tmp_path))
    lines = {line.label: line for line in company_map([filing]).lines}
    assert lines["Services"].dimensions == ((PRODUCT_AXIS, "us-gaap:ServiceMember"),)
    assert lines["Total revenue"].dimensions == ()
    assert not [line for line in harvest([filing]).lines if line.dimensions or line.label in ("subscription", "services")]


def test_learned_dimensions_are_written_and_read_back(tmp_path: Path) -> None:
    out = tmp_path / "frwk.yaml"
    result = CliRunner().invoke(main, ["learn", str(dimensional_filing(tmp_path)), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "srt:ProductOrServiceAxis: frwk:SubscriptionMember" in out.read_text(encoding="utf-8")
    lines = {line.label: line for line in load_line_map(out).lines}
    assert lines["Subscription"].dimensions == ((PRODUCT_AXIS, "frwk:SubscriptionMember"),)


@pytest.mark.parametrize("dimensions", ["ProductOrServiceAxis", "{srt:ProductOrServiceAxis: Service}",
                                        "[srt:ProductOrServiceAxis, us-gaap:ServiceMember]"])
def test_dimensions_in_a_map_must_map_prefixed_axes_to_prefixed_members(tmp_path: Path, dimensions: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("lines:\n- label: Services\n  statement: operations\n  concept: us-gaap:Revenues\n"
                    f"  period: duration\n  dimensions: {dimensions}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"bad\.yaml: lines\[0\].*dimensions must map prefixed axis names"):
        load_line_map(path)


def _convert(tmp_path: Path, *extra: str) -> tuple[Path, dict]:
    maps = tmp_path / "frwk.yaml"
    CliRunner().invoke(main, ["learn", str(dimensional_filing(tmp_path)), "--out", str(maps)])
    release = dimensional_release(tmp_path)
    result = CliRunner().invoke(main, ["convert", str(release), "--cik", CIK, "--company-map", str(maps),
                                       "--out", str(tmp_path / "out"), *extra])
    folder = tmp_path / "out" / release.stem
    assert (folder / "report.json").exists(), result.output
    return folder, json.loads((folder / "report.json").read_text(encoding="utf-8"))


def test_release_lines_take_the_companys_dimensions_and_validate_offline(tmp_path: Path) -> None:
    folder, report = _convert(tmp_path)
    assert report["status"] == "valid", report["validation"]
    assert not [m for m in report["validation"]["messages"] if m["level"] == "error"]
    # the total is checked against its product lines (no "not checked" warning)
    assert not [m for m in report["validation"]["messages"]
                if m["concept"] == REVENUE and m["code"] in ("check.unverified", "check.total")]
    facts = [f for f in report["facts"] if f["concept"] == REVENUE and f["period"]["start"] == "2025-04-01"]
    by_member = {f.get("dimensions", {}).get(PRODUCT_AXIS): f["value"] for f in facts}
    # the company's own member is declared under the extension's prefix (the ticker's)
    assert by_member == {"frwk:SubscriptionMember": "42000000", "us-gaap:ServiceMember": "13000000", None: "55000000"}
    instance = etree.parse(str(folder / "frwk-20250630.xml")).getroot()
    members = {(m.get("dimension"), m.text) for m in instance.iter("{http://xbrl.org/2006/xbrldi}explicitMember")}
    assert members == {(PRODUCT_AXIS, "frwk:SubscriptionMember"), (PRODUCT_AXIS, "us-gaap:ServiceMember")}
    schema = (folder / "frwk-20250630.xsd").read_text(encoding="utf-8")
    assert 'name="SubscriptionMember"' in schema and 'type="dtr-types:domainItemType"' in schema
    assert 'namespace="http://fasb.org/srt/2024"' in schema
    inline = (folder / "frwk-20250630.htm").read_text(encoding="utf-8")
    assert inline.count("<xbrldi:explicitMember ") == 8  # 2 members x 4 columns, one context each


def test_without_an_extension_taxonomy_the_companys_own_members_are_left_out(tmp_path: Path) -> None:
    folder, report = _convert(tmp_path, "--xml-only")
    dims = {tuple(f["dimensions"].values())[0] for f in report["facts"] if f.get("dimensions")}
    assert dims == {"us-gaap:ServiceMember"}
    assert report["status"] == "valid", report["validation"]


def test_validate_supplements_the_offline_package_as_convert_does(tmp_path: Path) -> None:
    folder, _report = _convert(tmp_path)
    for document in ("frwk-20250630.xml", "frwk-20250630.htm"):
        result = CliRunner().invoke(main, ["validate", str(folder / document)])
        assert result.exit_code == 0, result.output
        assert ": valid:" in result.output


FILINGS = ROOT.parent / "shared" / "filings"


@pytest.mark.skipif(not (FILINGS / "hubs-10-q-2025-08-06.html").exists(), reason="no ../shared/filings")
def test_roll_forward_end_to_end_writes_hubspots_product_lines_as_it_tags_them(tmp_path: Path) -> None:
    from scriptkit import load_script

    result = load_script("rollforward").roll_forward(FILINGS / "hubs-10-q-2025-08-06.html", tmp_path)
    # HubSpot tags its subscription and professional services revenue and cost under
    # srt:ProductOrServiceAxis: the release's rows are written so, none left for the filing's dimensions
    assert result["only_dimensional"] == 0
    assert result["concept_differs"] == 0
    assert int(result["match"]) >= 0.96 * int(result["facts"])
    instance = next((tmp_path / "hubs-10-q-2025-08-06" / "out").rglob("hubs-10-q-2025-08-06.xml"))
    assert instance.read_text(encoding="utf-8").count("<xbrldi:explicitMember") >= 8


_CLASSES = """# Marrowgate Outfitters Reports Third Quarter 2025 Results

**CONDENSED CONSOLIDATED BALANCE SHEETS** (in thousands, except share data)

| | September 30, 2025 | December 31, 2024 |
| --- | --- | --- |
| Cash and cash equivalents | 41,000 | 38,000 |
| Total assets | 41,000 | 38,000 |
| Accounts payable | 9,000 | 8,000 |
| Total liabilities | 9,000 | 8,000 |
| Class A common stock, $0.0001 par value; 500,000,000 shares authorized | 12 | 11 |
| Class B common stock, $0.0001 par value; 100,000,000 shares authorized | 3 | 3 |
| Additional paid-in capital | 31,985 | 29,986 |
| Total stockholders' equity | 32,000 | 30,000 |
| Total liabilities and stockholders' equity | 41,000 | 38,000 |
"""


def _converted(tmp_path: Path, text: str) -> dict:
    """The report of a release converted by the CLI, checked valid."""
    release = tmp_path / "marrowgate-q3-2025.md"
    release.write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["convert", str(release), "--out", str(tmp_path / "out"), "--cik", CIK])
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "out" / release.stem / "report.json").read_text(encoding="utf-8"))
    assert report["status"] == "valid"
    return report


def test_each_class_of_common_stock_is_the_element_with_its_class_member(tmp_path: Path) -> None:
    """'Class A common stock' and 'Class B common stock' are CommonStockValue with
    StatementClassOfStockAxis = CommonClassAMember / CommonClassBMember (their par values and
    authorized shares too), as companies tag them; 'Class A and B common stock' stays the total."""
    report = _converted(tmp_path, _CLASSES)
    facts = {(f["concept"], f["context"], f["value"]) for f in report["facts"]}
    axis = "StatementClassOfStockAxis"
    assert ("us-gaap:CommonStockValue", f"I20250930_{axis}_CommonClassAMember", "12000") in facts
    assert ("us-gaap:CommonStockValue", f"I20250930_{axis}_CommonClassBMember", "3000") in facts
    assert ("us-gaap:CommonStockSharesAuthorized", f"I20250930_{axis}_CommonClassBMember", "100000000") in facts
    assert not any(c == "us-gaap:CommonStockValue" and not ctx.endswith("Member") for c, ctx, _ in facts)
    # the classes' total checks against them: no warning on the total stockholders' equity
    assert not [m for m in report["validation"]["messages"] if "StockholdersEquity)" in m["message"]]
    from converter.map import class_of_stock
    from converter.concepts import concept_table
    from modelkit import item

    entry = concept_table().entry("us-gaap:CommonStockValue")
    assert class_of_stock(entry, item("Class A and B common stock, $0.00001 par value", "1")).dimensions == ()
    assert class_of_stock(entry, item("Common stock, Class C", "1")).dimensions == (
        ("us-gaap:StatementClassOfStockAxis", "us-gaap:CommonClassCMember"),)


_CLASSES_UNNAMED = _CLASSES.replace(
    "| Class A common stock, $0.0001 par value; 500,000,000 shares authorized | 12 | 11 |\n"
    "| Class B common stock, $0.0001 par value; 100,000,000 shares authorized | 3 | 3 |\n",
    "| EQUITY | | |\n| Class A - 34,195,704 issued and 30,234,831 outstanding | 12 | 11 |\n| Class B - 10,938,125 | 3 | 3 |\n")


def test_classes_printed_without_the_words_common_stock_under_the_equity_heading(tmp_path: Path) -> None:
    """An airline's "EQUITY" / "Class A - 34,195,704 issued and 30,234,831 outstanding" / "Class B -
    10,938,125": the classes of its common stock (they were extension concepts, their counts untagged)."""
    report = _converted(tmp_path, _CLASSES_UNNAMED)
    facts = {(f["concept"], f["context"], f["value"]) for f in report["facts"]}
    axis = "StatementClassOfStockAxis"
    assert ("us-gaap:CommonStockValue", f"I20250930_{axis}_CommonClassAMember", "12000") in facts
    assert ("us-gaap:CommonStockValue", f"I20250930_{axis}_CommonClassBMember", "3000") in facts
    assert ("us-gaap:CommonStockSharesOutstanding", f"I20250930_{axis}_CommonClassAMember", "30234831") in facts
    from converter.map import class_of_stock
    from converter.concepts import concept_table
    from modelkit import item

    entry = concept_table().entry("us-gaap:CommonStockValue")
    assert class_of_stock(entry, item("Class A and class B", "1")).dimensions == ()
    assert class_of_stock(entry, item("Class A preferred stock", "1")).dimensions == ()


def test_roll_forward_across_periods_pairs_each_filing_with_the_companys_one_before() -> None:
    from scriptkit import load_script

    names = ["aapl-10-q-2025-08-01.html", "aapl-10-k-2024-11-01.html", "aapl-10-q-2025-05-02.html",
             "nvda-10-q-2025-08-27.html", "ko-10-q-2025-07-24.html", "ko-10-k-2025-02-20.html"]
    pairs = load_script("rollforward").previous_filings([Path(n) for n in names])
    assert [(later.name, earlier.name) for later, earlier in pairs] == [
        ("aapl-10-q-2025-05-02.html", "aapl-10-k-2024-11-01.html"),
        ("aapl-10-q-2025-08-01.html", "aapl-10-q-2025-05-02.html"),
        ("ko-10-q-2025-07-24.html", "ko-10-k-2025-02-20.html"),
    ]
