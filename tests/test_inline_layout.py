"""Inline XBRL a reviewer accepts: the page prints what the release prints ("$" signs,
"(Unaudited)", single and double rules, the headline as a heading), tags facts printed in labels
and in the narrative where they are printed (ix:hidden only for facts with no printed place),
and Arelle reads exactly the instance's facts from it. Fixtures are invented releases."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from converter.concepts import concept_table, default_entity_registry_path, load_entity_registry
from converter.extract import extract_file
from converter.extract.reader import decode
from converter.inline import render_inline
from converter.map import map_release
from converter.model import MappedRelease, RuleKind
from converter.packages import arelle_facts
from converter.pipeline import resolve_entity
from converter.serialize import serialize

ROOT = Path(__file__).resolve().parents[1]
FIXED_WIDTH = ROOT / "examples" / "bridgewell-instruments-q1-2025.txt"  # "$" set apart, ----- and =====
TABBED = ROOT / "examples" / "halmer-robotics-q2-2024.txt"  # par value and share counts in labels
HTML = ROOT / "tests" / "fixtures" / "releases" / "corvane-systems-q3-2024.htm"
MARKDOWN = ROOT / "tests" / "fixtures" / "releases" / "quillon-biotech-q2-2025.md"
X = "{http://www.w3.org/1999/xhtml}"
IX = "{http://www.xbrl.org/2013/inlineXBRL}"
NO_PRINTED_PLACE = {"dei:EntityCentralIndexKey", "dei:DocumentType", "dei:DocumentFiscalYearFocus",
                    "dei:DocumentFiscalPeriodFocus", "dei:AmendmentFlag"}


def _mapped(path: Path) -> MappedRelease:
    release = extract_file(path)
    registry = load_entity_registry(default_entity_registry_path())
    return map_release(release, concept_table(), resolve_entity(release, registry, None))


def _render(path: Path, text: str | None = None, tmp: Path | None = None) -> tuple[MappedRelease, etree._Element, bytes]:
    if text is not None:
        assert tmp is not None
        path = tmp / path.name
        path.write_text(text, encoding="utf-8")
    mapped = _mapped(path)
    data = render_inline(mapped, decode(path.read_bytes(), str(path)))
    return mapped, etree.fromstring(data), data


def _text(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())


def _row(root: etree._Element, label: str) -> etree._Element:
    for tr in root.iter(f"{X}tr"):
        cells = tr.findall(f"{X}td")
        if cells and _text(cells[0]) == label:
            return tr
    raise AssertionError(f"no row {label!r}")


def _hidden(root: etree._Element) -> set[str]:
    hidden = root.find(f".//{IX}hidden")
    return {el.get("name") for el in hidden} if hidden is not None else set()


def test_dollar_signs_set_apart_are_printed_in_their_cells():
    mapped, root, _ = _render(FIXED_WIDTH)
    cash = _row(root, "Cash and cash equivalents")
    amounts = cash.findall(f"{X}td[@class='amount']")
    assert [_text(td) for td in amounts] == ["$ 15,882", "$ 17,240"]
    for td in amounts:
        sign = td.find(f"{X}span[@class='currency']")
        assert sign is not None and sign.text == "$"
        assert td.find(f"{IX}nonFraction") is not None  # the figure stays tagged, "$" outside the tag
    # the model says where the sign was printed apart from the figure
    item = next(i for s in mapped.release.statements for i in s.items if i.label == "Cash and cash equivalents")
    assert all(c.currency and "$" not in c.text for c in item.cells)
    assert _text(_row(root, "Inventories").findall(f"{X}td")[1]) == "7,420"  # no sign where none is printed


def test_unaudited_mark_and_rules_as_printed():
    mapped, root, _ = _render(FIXED_WIDTH)
    balance = root.find(f".//{X}div[@class='statement balance_sheet']")
    assert [_text(p) for p in balance.findall(f"{X}p[@class='unaudited']")] == ["(Unaudited)"]
    assert all(s.unaudited for s in mapped.release.statements)
    assert _row(root, "Other current assets").get("class") == "rule-below-single"
    assert _row(root, "Total current assets").get("class") == "rule-above"
    assert _row(root, "Total assets").get("class") == "rule-above rule-below-double"
    assert "rule-below-double" in _row(root, "Total liabilities and stockholders' equity").get("class")
    assert _row(root, "Inventories").get("class") is None
    total = next(i for i in mapped.release.statements[0].items if i.label == "Total assets")
    assert total.rule_below is RuleKind.DOUBLE


def test_a_release_without_the_mark_gets_none(tmp_path):
    text = FIXED_WIDTH.read_text(encoding="utf-8").replace("(Unaudited)", "")
    mapped, root, _ = _render(FIXED_WIDTH, text, tmp_path)
    assert not any(s.unaudited for s in mapped.release.statements)
    assert root.find(f".//{X}p[@class='unaudited']") is None


def test_headline_is_the_page_heading_and_statements_are_centred():
    _, root, data = _render(FIXED_WIDTH)
    headings = root.findall(f".//{X}h1")
    assert [_text(h) for h in headings] == ["BRIDGEWELL INSTRUMENTS CORPORATION REPORTS FIRST QUARTER FISCAL 2025 RESULTS"]
    style = root.find(f".//{X}style").text
    assert "table.statement { border-collapse: collapse; margin: 0.8em auto" in style  # centred under the captions
    assert "tr.rule-below-double td.amount { border-bottom: 3px double" in style
    assert root.find(f".//{X}link[@rel='icon']").get("href") == "data:,"  # no favicon request


def test_label_figures_are_tagged_in_the_label_for_every_date():
    mapped, root, _ = _render(TABBED)
    common = _row(root, "Common stock, $0.001 par value; 100,000,000 shares authorized; 42,318,550 shares issued "
                        "and 41,902,114 shares outstanding at June 30, 2024; 42,011,903 shares issued and "
                        "41,655,467 shares outstanding at December 31, 2023")
    label = common.find(f"{X}td[@class='label']")
    tagged = {}
    for el in label.iter(f"{IX}nonFraction"):
        tagged.setdefault(el.get("name"), set()).add(el.get("contextRef"))
    # the undated par value and shares authorized hold for both balance-sheet dates: nested tags
    assert tagged["us-gaap:CommonStockParOrStatedValuePerShare"] == {"I20240630", "I20231231"}
    assert tagged["us-gaap:CommonStockSharesAuthorized"] == {"I20240630", "I20231231"}
    assert len(tagged["us-gaap:CommonStockSharesIssued"]) == 2
    outer = next(el for el in label.iter(f"{IX}nonFraction") if len(el))
    assert outer.text is None and len(outer) == 1 and outer[0].text and outer[0].tail is None
    # nothing printed in a label is left to ix:hidden
    assert _hidden(root) == NO_PRINTED_PLACE
    preferred = _row(root, "Preferred stock, $0.001 par value; 5,000,000 shares authorized; none issued")
    zero = [el for el in preferred.iter(f"{IX}nonFraction") if el.get("format") == "ixt:fixed-zero"]
    assert zero and "".join(zero[0].itertext()) == "none"


@pytest.mark.parametrize("path", [FIXED_WIDTH, TABBED, HTML, MARKDOWN], ids=lambda p: p.suffix)
def test_dei_facts_are_tagged_where_the_narrative_prints_them(path):
    mapped, root, _ = _render(path)
    body = root.find(f"{X}body/{X}div[@class='release']")
    shown = {el.get("name"): el for el in body.iter(f"{IX}nonNumeric")}
    values = {f.concept: f.value for f in mapped.facts}
    assert "dei:TradingSymbol" in shown and shown["dei:TradingSymbol"].text == values["dei:TradingSymbol"]
    date = shown["dei:DocumentPeriodEndDate"]
    assert date.get("format") == "ixt:date-monthname-day-year-en"
    if values["dei:EntityRegistrantName"] in _text(body):
        assert shown["dei:EntityRegistrantName"].text == values["dei:EntityRegistrantName"]
    assert _hidden(root) == NO_PRINTED_PLACE  # ix:hidden holds only facts with no printed place


@pytest.mark.parametrize("path", [FIXED_WIDTH, TABBED, HTML, MARKDOWN], ids=lambda p: p.suffix)
def test_arelle_reads_the_instance_facts_from_the_page(path, tmp_path):
    mapped, _, data = _render(path)
    inline = tmp_path / "report.htm"
    inline.write_bytes(data)
    instance = tmp_path / "report.xml"
    instance.write_bytes(serialize(mapped))
    from_xml, xml_errors = arelle_facts(instance, with_ids=True)
    from_inline, inline_errors = arelle_facts(inline, with_ids=True)
    assert xml_errors == [] and inline_errors == []
    assert from_inline == from_xml


def test_html_borders_are_the_rules_of_the_statement(tmp_path):
    html = HTML.read_text(encoding="utf-8")
    # draw a double rule under the total assets as the cells' bottom borders
    cell = '<td valign="bottom" align="right"><font style="font-family:Times New Roman,serif;font-size:10pt">60,950<'
    marked = html.replace(cell, cell.replace('align="right"', 'align="right" style="border-bottom:3pt double #000"'))
    assert marked != html
    mapped, root, _ = _render(HTML, marked, tmp_path)
    below = [i for s in mapped.release.statements for i in s.items if i.rule_below is not None]
    assert [i.label for i in below][0] == "Total assets"  # and the grand total printing the same figure
    assert all(i.rule_below is RuleKind.DOUBLE for i in below)
    assert _row(root, "Total assets").get("class") == "rule-below-double"
    white = html.replace(cell, cell.replace('align="right"', 'align="right" style="border-bottom:1px solid #ffffff"'))
    mapped, _, _ = _render(HTML, white, tmp_path)
    assert not any(i.rule_below for s in mapped.release.statements for i in s.items)  # a white border draws nothing


def test_markdown_is_read_not_shown_as_markup():
    _, root, _ = _render(MARKDOWN)
    body = root.find(f"{X}body/{X}div[@class='release']")
    assert _text(body.find(f"{X}h1")) == "Quillon Biotech, Inc. Reports Second Quarter 2025 Financial Results"
    assert body.find(f"{X}ul/{X}li") is not None  # "- " lines are a list
    texts = [_text(el) for el in body if el.tag != f"{X}div"]
    assert not any(t.startswith(("#", "- ", "|")) or "**" in t for t in texts), texts


def test_edgar_markup_is_not_text(tmp_path):
    text = ("<DOCUMENT>\n<TYPE>EX-99.1\n<SEQUENCE>2\n<FILENAME>ex991.txt\n<TEXT>\n"
            + FIXED_WIDTH.read_text(encoding="utf-8").replace("                      BRIDGEWELL INSTRUMENTS CORPORATION\n",
                                                              "<PAGE>\n                      BRIDGEWELL INSTRUMENTS CORPORATION\n", 1)
            + "</TEXT>\n</DOCUMENT>\n")
    _, root, _ = _render(FIXED_WIDTH, text, tmp_path)
    page = _text(root.find(f"{X}body/{X}div[@class='release']"))
    assert "<" not in page and "EX-99.1" not in page and "ex991" not in page


def test_closing_parenthesis_hangs_outside_the_tag():
    _, root, _ = _render(FIXED_WIDTH)
    deficit = _row(root, "Accumulated deficit").findall(f"{X}td[@class='amount']")[0]
    tag = deficit.find(f"{IX}nonFraction")
    close = deficit.find(f"{X}span[@class='close']")
    assert tag.get("sign") == "-" and close is not None and close.text == ")"
    assert tag.getnext() is close and not tag.tail  # right after the figure: "(23,412)", no space
    assert _text(deficit) == "(23,412)"


def test_narrative_blocks_of_text_and_html():
    from converter.inline_text import html_blocks, text_blocks

    blocks = text_blocks("<PAGE>\nItem 2.02 Results of Operations\n- ----------------\n\n"
                         "FINANCIAL SUMMARY\nRevenue rose 5% in the quarter.\n\n"
                         "   Segment        2025      2024\n   North           1.0       0.9\n")
    assert [(b.tag, b.text) for b in blocks][:3] == [
        ("p", "Item 2.02 Results of Operations"), ("h3", "FINANCIAL SUMMARY"), ("p", "Revenue rose 5% in the quarter.")]
    assert blocks[3].tag == "pre"  # a block laid out in columns keeps its layout
    page = ("<html><body><h1>Acme Widgets Reports Results</h1><p>\u2022Revenue up 5%.</p><p>\u2022Margin up.</p>"
            "<p>Second Quarter Highlights</p><p>12</p><table><tr><td>x</td></tr></table></body></html>")
    found = [(b.tag, b.text, b.items) for _, b in html_blocks(page)]
    assert found == [("h2", "Acme Widgets Reports Results", ()), ("ul", "", (("Revenue up 5%.",),)),
                     ("ul", "", (("Margin up.",),)), ("h3", "Second Quarter Highlights", ())]  # no page number "12"


def test_headline_of_an_8k_submission_is_the_exhibits():
    from converter.inline_text import mark_headline, text_blocks

    blocks = mark_headline(text_blocks("UNITED STATES\nSECURITIES AND EXCHANGE COMMISSION\n\nFORM 8-K\n\n"
                                       "CURRENT REPORT\n\nItem 2.02 Results of Operations\n\nExhibit 99.1\n\n"
                                       "Acme Widgets Reports Record Third Quarter Sales\n\nACME, Ohio -- Sales rose.\n"))
    assert [b.text for b in blocks if b.tag == "h1"] == ["Acme Widgets Reports Record Third Quarter Sales"]
