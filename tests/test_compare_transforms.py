"""`compare` decodes Inline XBRL transformation formats through Arelle's registry: dates, numbers
and booleans of an invented inline filing equal to the release's values are matches, and a fact
whose format is unknown or does not fit its text is a data problem of that fact, not a crash."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from converter.cli import main
from converter.compare import Status, compare_files
from converter.filing import read_document

_CONTEXT = """<xbrli:context id="{id}"><xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0009990077</xbrli:identifier>
</xbrli:entity><xbrli:period>{period}</xbrli:period></xbrli:context>"""
_Q = _CONTEXT.format(id="Q", period="<xbrli:startDate>2024-04-01</xbrli:startDate><xbrli:endDate>2024-06-30</xbrli:endDate>")
_I = _CONTEXT.format(id="I", period="<xbrli:instant>2024-06-30</xbrli:instant>")
_USD = '<xbrli:unit id="USD"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>'

RELEASE = f"""<?xml version="1.0" encoding="utf-8"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:iso4217="http://www.xbrl.org/2003/iso4217"
  xmlns:us-gaap="http://fasb.org/us-gaap/2024" xmlns:dei="http://xbrl.sec.gov/dei/2024">
{_Q}
{_I}
{_USD}
<dei:DocumentPeriodEndDate contextRef="Q">2024-06-30</dei:DocumentPeriodEndDate>
<dei:AmendmentFlag contextRef="Q">false</dei:AmendmentFlag>
<dei:CurrentFiscalYearEndDate contextRef="Q">--12-31</dei:CurrentFiscalYearEndDate>
<us-gaap:Revenues contextRef="Q" unitRef="USD" decimals="-3">24310000</us-gaap:Revenues>
<us-gaap:Goodwill contextRef="I" unitRef="USD" decimals="-3">5000000</us-gaap:Goodwill>
<us-gaap:PreferredStockValue contextRef="I" unitRef="USD" decimals="0">0</us-gaap:PreferredStockValue>
</xbrli:xbrl>
"""

FILING = f"""<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"
  xmlns:ixt="http://www.xbrl.org/inlineXBRL/transformation/2020-02-12"
  xmlns:ixt5="http://www.xbrl.org/inlineXBRL/transformation/2022-02-16"
  xmlns:ixt-sec="http://www.sec.gov/inlineXBRL/transformation/2015-08-31"
  xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:iso4217="http://www.xbrl.org/2003/iso4217"
  xmlns:us-gaap="http://fasb.org/us-gaap/2024" xmlns:dei="http://xbrl.sec.gov/dei/2024">
<body><div style="display:none"><ix:header><ix:resources>
{_Q}
{_I}
{_USD}
</ix:resources></ix:header></div>
<p>For the quarterly period ended <ix:nonNumeric name="dei:DocumentPeriodEndDate" contextRef="Q"
 format="ixt:date-monthname-day-year-en">June
 30, 2024</ix:nonNumeric>; fiscal year end <ix:nonNumeric name="dei:CurrentFiscalYearEndDate" contextRef="Q"
 format="ixt:date-monthname-day-en">December 31</ix:nonNumeric>;
 amendment <ix:nonNumeric name="dei:AmendmentFlag" contextRef="Q" format="ixt:fixed-false">No</ix:nonNumeric>.</p>
<p>Revenue <ix:nonFraction name="us-gaap:Revenues" contextRef="Q" unitRef="USD" decimals="-3" scale="3"
 format="ixt5:num-dot-decimal-apos">24'310</ix:nonFraction>; goodwill
 <ix:nonFraction name="us-gaap:Goodwill" contextRef="I" unitRef="USD" decimals="-3" scale="6"
 format="ixt:num-comma-decimal">5,0</ix:nonFraction>; preferred
 <ix:nonFraction name="us-gaap:PreferredStockValue" contextRef="I" unitRef="USD" decimals="0"
 format="ixt:fixed-zero">—</ix:nonFraction>.</p>
<p>Signed <ix:nonNumeric name="dei:DocumentFiscalYearFocus" contextRef="Q"
 format="ixt:date-day-monthname-year-en">2 August 2024</ix:nonNumeric>,
 <ix:nonNumeric name="dei:EntityExTransitionPeriod" contextRef="Q" format="ixt:no-such-format">n/a</ix:nonNumeric>,
 <ix:nonFraction name="us-gaap:Cash" contextRef="I" unitRef="USD" decimals="0"
 format="ixt:num-dot-decimal">see note</ix:nonFraction>,
 <ix:nonNumeric name="dei:SecurityExchangeName" contextRef="Q" format="ixt-sec:exchnameen">Nasdaq</ix:nonNumeric>.</p>
</body></html>
"""


@pytest.fixture()
def documents(tmp_path: Path) -> tuple[Path, Path]:
    release = tmp_path / "release.xml"
    release.write_text(RELEASE, encoding="utf-8")
    filing = tmp_path / "filing.htm"
    filing.write_text(FILING, encoding="utf-8")
    return release, filing


def test_inline_dates_numbers_and_booleans_are_decoded_through_arelles_registry(documents):
    _, filing = documents
    doc = read_document(filing)
    values = {f.concept: f.value for f in doc.facts}
    assert values["dei:DocumentPeriodEndDate"] == "2024-06-30"  # across a line break in the text
    assert values["dei:CurrentFiscalYearEndDate"] == "--12-31"
    assert values["dei:AmendmentFlag"] == "false"
    assert values["dei:DocumentFiscalYearFocus"] == "2024-08-02"  # date-day-monthname-year-en
    assert values["us-gaap:Revenues"] == Decimal("24310000")  # ixt v5 apostrophes, scale 3
    assert values["us-gaap:Goodwill"] == Decimal("5000000")  # comma decimal, scale 6
    assert values["us-gaap:PreferredStockValue"] == 0
    # an unknown format, text a format refuses, an SEC format Arelle does not ship: data problems
    assert "dei:EntityExTransitionPeriod" not in values and "us-gaap:Cash" not in values
    assert "dei:SecurityExchangeName" not in values
    problems = "\n".join(doc.skipped)
    assert len(doc.skipped) == 3
    assert "dei:EntityExTransitionPeriod" in problems and "no-such-format" in problems
    assert "us-gaap:Cash" in problems and "'see note' is not valid for the transformation format num-dot-decimal" in problems
    assert "ixt-sec:exchnameen is not available" in problems
    assert all(p.startswith(f"{filing}:") for p in doc.skipped)  # each with its line


def test_a_date_equal_to_the_instance_value_is_not_a_difference(documents):
    release, filing = documents
    comparison = compare_files(release, filing, include_text=True)
    by_concept = {(r.release or r.filing).concept: r.status for r in comparison.rows}
    assert by_concept["dei:DocumentPeriodEndDate"] is Status.MATCH
    assert by_concept["dei:CurrentFiscalYearEndDate"] is Status.MATCH
    assert by_concept["dei:AmendmentFlag"] is Status.MATCH
    assert by_concept["us-gaap:Revenues"] is Status.MATCH
    assert by_concept["us-gaap:Goodwill"] is Status.MATCH
    assert comparison.value_differences == 0
    # the release's own date against a wrong one in the filing is still a difference
    wrong = filing.with_name("wrong.htm")
    wrong.write_text(FILING.replace("June\n 30, 2024", "June 29, 2024"), encoding="utf-8")
    rows = compare_files(release, wrong, include_text=True).rows
    [row] = [r for r in rows if r.release is not None and r.release.concept == "dei:DocumentPeriodEndDate"]
    assert row.status is Status.VALUE_DIFFERS and row.filing is not None and row.filing.value == "2024-06-29"


def test_cli_reports_the_data_problems_and_exits_0(documents, tmp_path):
    release, filing = documents
    out = tmp_path / "cmp.json"
    result = CliRunner().invoke(main, ["compare", str(release), str(filing), "--text", "--fail-on-difference",
                                       "--out", str(out)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == 0, result.output
    assert "3 filing fact(s) could not be read" in result.output
    written = out.read_text(encoding="utf-8")
    assert "ixt-sec:exchnameen is not available" in written and "no-such-format" in written
