"""Serialization: contexts, units, decimals, nil, determinism; and Arelle accepts the result."""

from __future__ import annotations

from lxml import etree

from converter.concepts import concept_table
from converter.map import EntityId, map_release
from converter.serialize import serialize
from converter.validate import validate_instance
from modelkit import balance_sheet, operations, release

ENTITY = EntityId(cik="0001009759", name="Made Up Corp")
NS = {"xbrli": "http://www.xbrl.org/2003/instance", "us-gaap": "http://fasb.org/us-gaap/2024",
      "dei": "http://xbrl.sec.gov/dei/2024", "link": "http://www.xbrl.org/2003/linkbase",
      "xlink": "http://www.w3.org/1999/xlink"}
NIL = "{http://www.w3.org/2001/XMLSchema-instance}nil"


def _instance():
    mapped = map_release(release(balance_sheet(), operations()), concept_table(), ENTITY)
    return mapped, serialize(mapped)


def test_contexts_units_and_facts():
    mapped, data = _instance()
    root = etree.fromstring(data)
    hrefs = root.xpath("link:schemaRef/@xlink:href", namespaces=NS)
    assert hrefs == ["https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd",
                     "https://xbrl.sec.gov/dei/2024/dei-2024.xsd"]
    assert set(root.xpath("xbrli:context/xbrli:entity/xbrli:identifier/text()", namespaces=NS)) == {"0001009759"}
    assert root.xpath("xbrli:context/xbrli:entity/xbrli:identifier/@scheme", namespaces=NS)[0] == "http://www.sec.gov/CIK"
    instants = root.xpath("xbrli:context/xbrli:period/xbrli:instant/text()", namespaces=NS)
    assert sorted(instants) == ["2008-03-31", "2008-09-30"]
    durations = root.xpath("xbrli:context[xbrli:period/xbrli:startDate='2008-07-01']/@id", namespaces=NS)
    assert durations == ["D20080701-20080930"]
    assert sorted(root.xpath("xbrli:unit/@id", namespaces=NS)) == ["USD", "USD-per-share", "shares"]
    cash = root.xpath("us-gaap:CashAndCashEquivalentsAtCarryingValue[@contextRef='I20080930']", namespaces=NS)[0]
    assert (cash.text, cash.get("decimals"), cash.get("unitRef")) == ("45988000", "-3", "USD")
    eps = root.xpath("us-gaap:EarningsPerShareBasicAndDiluted[@contextRef='D20080701-20080930']", namespaces=NS)[0]
    assert (eps.text, eps.get("decimals"), eps.get("unitRef")) == ("-0.06", "2", "USD-per-share")
    nil = root.xpath("us-gaap:CommitmentsAndContingencies", namespaces=NS)
    assert nil and all(n.get(NIL) == "true" and n.get("decimals") is None and not n.text for n in nil)
    assert len(root.xpath("//*[@contextRef]")) == len(mapped.facts)


def test_no_unused_contexts_or_units():
    _, data = _instance()
    root = etree.fromstring(data)
    used_contexts = set(root.xpath("//@contextRef"))
    used_units = set(root.xpath("//@unitRef"))
    assert set(root.xpath("xbrli:context/@id", namespaces=NS)) == used_contexts
    assert set(root.xpath("xbrli:unit/@id", namespaces=NS)) == used_units


def test_output_is_byte_identical_run_to_run():
    assert _instance()[1] == _instance()[1]


def test_arelle_validates_the_serialized_instance_offline(tmp_path):
    mapped, data = _instance()
    path = tmp_path / "made-up.xml"
    path.write_bytes(data)
    report = validate_instance(path)
    assert [(m.code, m.message) for m in report.errors] == []
    assert report.fact_count == len(mapped.facts)
