"""Document facts (converter/extract/document.py) on small invented texts: ticker forms, EDGAR
submission headers and SGML wrappers, names wrapped over lines, fiscal year and period phrases."""

from __future__ import annotations

from datetime import date

import pytest

from converter.entities import Entity, EntityRegistry
from converter.extract.document import document_info
from converter.extract.reader import split_lines
from converter.model import Release
from converter.pipeline import resolve_entity


def _info(text: str):
    return document_info(split_lines(text, "x.txt"), [], "x.txt")


@pytest.mark.parametrize(("sentence", "exchange", "ticker"), [
    ("Zorblax Mills, Inc. (NASDAQ: ZRBX) today reported", "NASDAQ", "ZRBX"),
    ("Zorblax Mills, Inc. (NYSE:ZRB) today reported", "NYSE", "ZRB"),
    ("Zorblax Mills, Inc. (Nasdaq: ZRBX) today reported", "NASDAQ", "ZRBX"),
    ("Zorblax Mills, Inc. (NYSE American: ZRB) today reported", "NYSE AMERICAN", "ZRB"),
    ("Zorblax Mills, Inc. (OTCQB: ZRBX) today reported", "OTCQB", "ZRBX"),
    ("Zorblax Mills, Inc. (NASDAQ GS:ZRBX) today reported", "NASDAQ", "ZRBX"),
    ("Zorblax Mills, Inc. (Nasdaq:ZRBX - News) today reported", "NASDAQ", "ZRBX"),
    ("Zorblax Mills, Inc. (NASDAQ, TSX: ZRBX) today reported", "NASDAQ", "ZRBX"),
    ("Zorblax Mills, Inc. (OTC Bulletin Board: ZRBX.OB) today reported", "OTC", "ZRBX.OB"),
    ("Zorblax Mills, Inc. (NYSE: ZRB.B) today reported", "NYSE", "ZRB.B"),
    ("Shares of Zorblax Mills trade on the NYSE:ZRB under", "NYSE", "ZRB"),
])
def test_ticker_forms(sentence, exchange, ticker):
    info = _info(f"Headline\n\n{sentence} results.\n")
    assert (info.exchange, info.ticker) == (exchange, ticker)
    assert info.company_name in ("Zorblax Mills, Inc.", None) or sentence.startswith("Shares")


def test_a_name_wrapped_over_two_lines_and_its_source():
    info = _info("    SPRINGFIELD, Ill., July 29 /PRNewswire/ -- Brambleton Mills\nCorporation (Nasdaq: BRML) "
                 "today announced results for its fiscal fourth\nquarter and year ended June 30, 2003.\n")
    assert info.company_name == "Brambleton Mills Corporation"
    assert info.source_of("company_name").line == 1 and info.source_of("ticker").line == 2
    assert (info.fiscal_year_focus, info.fiscal_period_focus, info.period_end) == (2003, "FY", date(2003, 6, 30))


def test_submission_header_and_sgml_wrapper():
    text = ("<SEC-HEADER>0000000000-05-000001.hdr.sgml : 20050505\n"
            "FILER:\n\tCOMPANY DATA:\n\t\tCOMPANY CONFORMED NAME:\t\t\tZORBLAX MILLS INC\n"
            "\t\tCENTRAL INDEX KEY:\t\t\t0000123456\n</SEC-HEADER>\n"
            "<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<FILENAME>ex99.txt\n<TEXT>\nMay 5, 2005\n\n"
            "Zorblax Mills Reports First Quarter Results\n")
    info = _info(text)
    assert info.cik == "0000123456" and info.source_of("cik").line == 5
    assert info.release_date == date(2005, 5, 5)
    assert info.company_name == "ZORBLAX MILLS INC"
    registry = EntityRegistry(listed=(Entity("ZRBX", "0000999999", "SOMEONE ELSE INC"),))
    entity = resolve_entity(Release("x.txt", info, (), (), ()), registry, None)
    assert (entity.cik, entity.found_by, entity.has_cik) == ("0000123456", "submission header", True)


@pytest.mark.parametrize(("text", "year", "focus"), [
    ("Zorblax Reports Second Quarter Fiscal 2009 Results", 2009, "Q2"),
    ("Zorblax reports results for the first quarter ended December 31, 2004.", 2005, "Q1"),
    ("SECOND QUARTER RESULTS\nfor the quarter ended July 31, 2000.", 2001, "Q2"),
    ("Zorblax Q3 FY26 results for the quarter ended October 31, 2025", 2026, "Q3"),
    ("Zorblax reports results for the fiscal year ending September 30, 2004", 2004, "FY"),
    ("Record 4th quarter results. Fourth quarter of fiscal\n2008 net income rose.", 2008, "FY"),
    ("Zorblax Fiscal 2025 Second Quarter results", 2025, "Q2"),
])
def test_fiscal_year_and_period_phrases(text, year, focus):
    info = _info(text + "\n")
    assert (info.fiscal_year_focus, info.fiscal_period_focus) == (year, focus)


_SUPPLEMENT = """<html><body>
<p>Exhibit 99.3</p>
<p>FOURTH QUARTER 2021 FINANCIAL SUPPLEMENT</p>
<p>(1) Fleet Services Group (FSG) are business customers.</p>
<table>
<tr><td>Exhibit 99.3</td></tr>
<tr><td><p>QUILLFEATHER FINANCIAL INC.</p>
<p>CONSOLIDATED INCOME STATEMENT</p></td></tr>
<tr><td>($ in millions)</td><td>4Q21</td><td>3Q21</td></tr>
<tr><td>Total net revenue</td><td>2,199</td><td>2,073</td></tr>
<tr><td>Net income</td><td>652</td><td>444</td></tr>
</table>
</body></html>
"""


def test_the_name_printed_over_a_statement_title_in_its_heading_cell_finds_the_registrant():
    """A financial supplement without a ticker (Ally's, 2021): its name is printed only in each
    statement's heading cell, over the title; the opening text names a customer group. The
    heading's name is a candidate and the registry knows it; "Exhibit 99.3" above a title is not."""
    from converter.extract import extract_text

    release = extract_text(_SUPPLEMENT, "supplement.htm")
    assert [s.title for s in release.statements] == ["CONSOLIDATED INCOME STATEMENT"]
    assert "QUILLFEATHER FINANCIAL INC." in release.info.other_names
    assert not any("Exhibit" in name for name in (release.info.company_name, *release.info.other_names))
    registry = EntityRegistry(listed=(Entity("QFIN", "0000040729", "Quillfeather Financial Inc."),))
    entity = resolve_entity(release, registry, None)
    assert (entity.cik, entity.name, entity.has_cik) == ("0000040729", "Quillfeather Financial Inc.", True)


@pytest.mark.parametrize(("text", "name"), [
    # a headline naming the company without its legal form, a partner's name with one below it
    ('---\ntitle: "Zorblax Realty\u00ae Announces Fourth Quarter and Full Year 2024 Results"\n---\n\n'
     "JERICHO, N.Y., Feb. 07, 2025 (GLOBE NEWSWIRE) \u2014 Zorblax Realty, a real estate investment trust, "
     "sold its stake in Albertsons Companies Inc. during the year.\n", "Zorblax Realty"),
    # the legal form printed in the opening text is preferred to the headline's short name
    ("# Zorblax Reports Fourth Quarter 2024 Results\n\nCAMBRIDGE, Mass., Feb. 13, 2025 -- Zorblax Pharmaceuticals, "
     "Inc., a biotechnology company, today reported results.\n", "Zorblax Pharmaceuticals, Inc."),
    # a place fused onto the name by "-based"
    ("Headline\n\nAtlanta-based Zorblax Company (NYSE: ZX) reported fourth quarter earnings.\n", "Zorblax Company"),
])
def test_company_names_from_headlines_without_a_legal_form(text, name):
    assert _info(text).company_name == name


def test_a_quarter_of_another_year_than_the_statements_is_passed_over():
    """A bank's release compares with "the fourth quarter of 2023" before it names its own
    quarter: the fiscal year focus was 2023 for statements ending on December 31, 2024."""
    from decimal import Decimal
    from converter.model import Cell, CellKind, LineItem, Period, Scale, SourceRef, Statement, StatementKind
    ref = SourceRef("x.txt", 9)
    cell = Cell("856,080", CellKind.NUMBER, Decimal(856080), ref)
    ops = Statement(StatementKind.OPERATIONS, "Statements of Income",
                    (Period(date(2024, 12, 31), date(2024, 10, 1)),), Scale(0),
                    (LineItem("Net income", (), (cell,), ref),), ref)
    text = ("Zorblax Bancshares, Inc. Reports Results\n\nNet income for the three months ended December 31, 2024 was "
            "$856,080, compared to $1,415,230 for the fourth quarter of 2023. Results for the fourth quarter of 2024 "
            "reflect loan growth.\n")
    info = document_info(split_lines(text, "x.txt"), [ops], "x.txt")
    assert (info.fiscal_year_focus, info.fiscal_period_focus) == (2024, "FY")
