"""Inline XBRL: the rendered XHTML document carries exactly the XML instance's facts (as Arelle
reads them, offline), shows the statements as printed and keeps the narrative text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from lxml import etree

from converter.concepts import concept_table, default_entity_registry_path, load_entity_registry
from converter.extract import extract_file
from converter.extract.reader import decode
from converter.inline import IX, render_inline
from converter.map import map_release
from converter.model import CellKind, MappedRelease
from converter.packages import arelle_facts
from converter.pipeline import resolve_entity
from converter.serialize import fact_ids, serialize
from converter.validate import validate_instance

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
EXAMPLES = ROOT / "examples"
XHTML = "http://www.w3.org/1999/xhtml"

# (file, a sentence of its narrative text)
SEED_DOCS = {
    "000_39990f83eaa31146": "Capstone's net loss was $9.9 million, or $0.06 per share, for the second quarter",
    "001_d66fa3068a69915c": None,
    "002_d6bbc0594e33033c": "Revenue for the second quarter was $7.2 million, an increase of approximately 145%",
}
EXAMPLE_DOCS = {
    "bridgewell-instruments-q1-2025": "Net sales were $14.2 million, up 10% from $12.9 million a year earlier",
    "halmer-robotics-q2-2024": "Gross margin improved to 46% of revenue from 43%.",
}


@dataclass(frozen=True)
class Doc:
    path: Path
    text: str
    mapped: MappedRelease


def convert(path: Path, text: str | None = None) -> Doc:
    if text is None:
        text = decode(path.read_bytes(), str(path))
    else:
        path.write_text(text, encoding="utf-8")
    release = extract_file(path)
    registry = load_entity_registry(default_entity_registry_path())
    mapped = map_release(release, concept_table(), resolve_entity(release, registry, None))
    return Doc(path, text, mapped)


def _doc_path(name: str) -> Path:
    if name in SEED_DOCS:
        path = SEEDS / f"{name}.txt"
        if not path.exists():
            pytest.skip(f"acceptance corpus not found at {SEEDS}")
        return path
    return EXAMPLES / f"{name}.txt"


ALL = list(SEED_DOCS) + list(EXAMPLE_DOCS)


@pytest.fixture(scope="module", params=ALL)
def doc(request) -> Doc:
    return convert(_doc_path(request.param))


def _write(doc: Doc, tmp_path: Path) -> tuple[Path, Path]:
    inline = tmp_path / "report.htm"
    inline.write_bytes(render_inline(doc.mapped, doc.text))
    instance = tmp_path / "report.xml"
    instance.write_bytes(serialize(doc.mapped))
    return inline, instance


def test_inline_has_exactly_the_instance_facts(doc, tmp_path):
    inline, instance = _write(doc, tmp_path)
    report = validate_instance(inline)
    assert report.errors == (), [m.message for m in report.errors]
    assert report.fact_count == len(doc.mapped.facts)
    from_xml, xml_errors = arelle_facts(instance, with_ids=True)
    from_inline, inline_errors = arelle_facts(inline, with_ids=True)
    assert xml_errors == [] and inline_errors == []
    assert len(from_xml) == len(doc.mapped.facts)
    assert from_inline == from_xml  # concept, entity, period, unit, decimals, value, nil and id


def test_every_fact_id_of_the_instance_is_used_once(doc):
    root = etree.fromstring(render_inline(doc.mapped, doc.text))
    ids = [el.get("id") for el in root.iter(f"{{{IX}}}nonFraction", f"{{{IX}}}nonNumeric")]
    assert sorted(ids) == sorted(fact_ids(doc.mapped))


def test_two_renders_are_byte_identical(doc):
    assert render_inline(doc.mapped, doc.text) == render_inline(doc.mapped, doc.text)


def _text(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).split())


def test_statements_are_displayed_as_printed(doc):
    root = etree.fromstring(render_inline(doc.mapped, doc.text))
    tables = root.findall(f".//{{{XHTML}}}table[@class='statement']")
    statements = doc.mapped.release.statements
    assert len(tables) == len(statements)
    for table, statement in zip(tables, statements):
        rows = [tr for tr in table.iter(f"{{{XHTML}}}tr") if tr.get("class") != "heading"][1:]
        assert len(rows) == len(statement.items)
        for tr, item in zip(rows, statement.items):
            cells = tr.findall(f"{{{XHTML}}}td")
            assert _text(cells[0]) == " ".join(item.label.split())
            for td, cell in zip(cells[1:], item.cells):
                printed = " ".join(cell.text.split())  # a "$" printed apart from the figure is shown with it
                assert _text(td) == (f"$ {printed}" if cell.currency else printed)
        # no statement figure is left untagged when it has a fact
        tagged = {el.text for el in table.iter(f"{{{IX}}}nonFraction") if el.text}
        for item in statement.items:
            for cell in item.cells:
                if cell.kind is CellKind.NUMBER and any(f.source == cell.source for f in doc.mapped.facts):
                    assert any(t in cell.text for t in tagged)


def test_numbers_carry_scale_format_and_sign(doc):
    root = etree.fromstring(render_inline(doc.mapped, doc.text))
    by_id = dict(zip(fact_ids(doc.mapped), doc.mapped.facts))
    body = root.find(f"{{{XHTML}}}body")
    visible = [el for el in body.iter(f"{{{IX}}}nonFraction") if el.getparent().tag != f"{{{IX}}}hidden"]
    assert visible
    for el in visible:
        fact = by_id[el.get("id")]
        if fact.value is None:
            assert el.get("{http://www.w3.org/2001/XMLSchema-instance}nil") == "true" and not el.text
            continue
        assert el.get("format") in ("ixt:num-dot-decimal", "ixt:fixed-zero")
        assert (el.get("sign") == "-") == (fact.value < 0)
        if fact.unit.value == "USD-per-share":
            assert el.get("scale") == "0"
        shown = "".join(el.itertext())  # a nested tag's text is its innermost tag's
        assert shown and "(" not in shown and "$" not in shown


def test_narrative_paragraphs_are_kept(doc):
    sentence = {**SEED_DOCS, **EXAMPLE_DOCS}[doc.path.stem]
    root = etree.fromstring(render_inline(doc.mapped, doc.text))
    paragraphs = [_text(p) for p in root.iter(f"{{{XHTML}}}p")]
    if sentence:
        assert any(sentence in p for p in paragraphs)
    # nothing of a statement body leaks into the narrative
    assert not any("-----" in p or "=====" in p for p in paragraphs)


def test_hidden_holds_dei_and_facts_not_printed_where_shown(doc):
    root = etree.fromstring(render_inline(doc.mapped, doc.text))
    hidden = root.find(f".//{{{IX}}}hidden")
    names = [el.get("name") for el in hidden]
    assert "dei:DocumentType" in names and "dei:EntityCentralIndexKey" in names
    # references and resources are those of the XML instance
    refs = [el.get("{http://www.w3.org/1999/xlink}href") for el in root.iter("{http://www.xbrl.org/2003/linkbase}schemaRef")]
    assert refs == ["https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd", "https://xbrl.sec.gov/dei/2024/dei-2024.xsd"]
    xml = etree.fromstring(serialize(doc.mapped))
    xbrli = "http://www.xbrl.org/2003/instance"
    for tag in ("context", "unit"):
        inline_ids = [el.get("id") for el in root.iter(f"{{{xbrli}}}{tag}")]
        xml_ids = [el.get("id") for el in xml.iter(f"{{{xbrli}}}{tag}")]
        assert inline_ids == xml_ids


def test_with_company_extension(tmp_path):
    """An unmapped row becomes an extension concept; the inline document references the company
    schema and still carries exactly the instance's facts."""
    extension_module = pytest.importorskip("converter.extension")
    source = EXAMPLES / "halmer-robotics-q2-2024.txt"
    text = source.read_text(encoding="utf-8").replace(
        "Interest expense\t(180)\t(120)\t(340)\t(241)\n",
        "Interest expense\t(180)\t(120)\t(340)\t(241)\nGain on sale of patents\t50\t--\t75\t(10)\n")
    doc = convert(tmp_path / "halmer-robotics-q2-2024.txt", text)
    mapped, extension = extension_module.build_extension(doc.mapped, concept_table())
    for name, data in extension.files:
        (tmp_path / name).write_bytes(data)
    inline = tmp_path / "hlmr-20240630.htm"
    inline.write_bytes(render_inline(mapped, text, extension))
    instance = tmp_path / "hlmr-20240630.xml"
    instance.write_bytes(serialize(mapped, extension))
    root = etree.fromstring(inline.read_bytes())
    refs = [el.get("{http://www.w3.org/1999/xlink}href") for el in root.iter("{http://www.xbrl.org/2003/linkbase}schemaRef")]
    assert refs == [extension.schema_file]
    assert root.nsmap[extension.prefix] == extension.namespace
    from_xml, xml_errors = arelle_facts(instance, with_ids=True)
    from_inline, inline_errors = arelle_facts(inline, with_ids=True)
    assert xml_errors == [] and inline_errors == []
    assert from_inline == from_xml
    assert [c.name for c in extension.concepts] == ["hlmr:GainOnSaleOfPatents"]
    tagged = [el for el in root.iter(f"{{{IX}}}nonFraction") if el.get("name") == "hlmr:GainOnSaleOfPatents"]
    assert [el.text for el in tagged] == ["50", "--", "75", "10"]


def test_html_release_renders_with_the_instance_facts(tmp_path):
    """An HTML release (when the extractor reads HTML): statements from the model, narrative from
    the page's text blocks, same facts as the instance."""
    path = ROOT / "tests" / "fixtures" / "releases" / "corvane-systems-q3-2024.htm"
    if not path.exists():
        pytest.skip("no HTML release fixture")
    from converter.errors import InputError

    try:
        doc = convert(path)
    except InputError as exc:
        pytest.skip(f"HTML input not supported: {exc}")
    inline, instance = _write(doc, tmp_path)
    from_xml, _ = arelle_facts(instance, with_ids=True)
    from_inline, errors = arelle_facts(inline, with_ids=True)
    assert errors == []
    assert from_inline == from_xml
    root = etree.fromstring(inline.read_bytes())
    assert len(root.findall(f".//{{{XHTML}}}table")) == len(doc.mapped.release.statements)
    assert any(_text(p) for p in root.iter(f"{{{XHTML}}}p"))
