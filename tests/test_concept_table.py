"""The concept table against the taxonomy reference (../shared/taxonomy-reference, see SOURCES.md).

Skipped when the reference folder is not there. Independent of the package builder: the
reference files are read here directly.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pytest
from lxml import etree

from converter.concepts import ConceptEntry, default_concept_table_path, load_concept_table

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "taxonomy-reference"
US_GAAP_2024_LIST = "The-FinAI_FinTagging/taxonomy/us_gaap_2024_BM25.jsonl"
US_GAAP_2011_XSD = "MattSheehanDev_sec-xbrl-nodejs/schemas/us-gaap/us-gaap-2011-01-31/elts/us-gaap-2011-01-31.xsd"
DEI_2024_JSON = "xbrlus_metaTaxonomy-rules/taxonomy/us/2024/http-xbrl-sec-gov-dei-2024.json"

pytestmark = pytest.mark.skipif(not REFERENCE.is_dir(), reason="no ../shared/taxonomy-reference")


@lru_cache(maxsize=1)
def _types_2024() -> dict[str, str]:
    out = {}
    with (REFERENCE / US_GAAP_2024_LIST).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                out[row["us_gaap_tag"]] = row["entity_type"]
    return out


@lru_cache(maxsize=1)
def _decls_2011() -> dict[str, dict[str, str]]:
    root = etree.parse(str(REFERENCE / US_GAAP_2011_XSD)).getroot()
    return {
        el.get("name"): {etree.QName(k).localname: v for k, v in el.attrib.items()}
        for el in root.iterfind("{http://www.w3.org/2001/XMLSchema}element")
    }


@lru_cache(maxsize=1)
def _dei_2024() -> dict[str, dict[str, str]]:
    data = json.loads((REFERENCE / DEI_2024_JSON).read_text(encoding="utf-8"))
    return {e["localName"]: e for e in data["http://xbrl.sec.gov/dei/2024"] if e.get("type") == "Concept"}


def _entries(prefix: str) -> list[ConceptEntry]:
    return [e for e in load_concept_table(default_concept_table_path()).entries if e.prefix == prefix]


def _ids(entries: list[ConceptEntry]) -> list[str]:
    return [e.concept + (f"[{e.detail.value}]" if e.detail else "") for e in entries]


US_GAAP = _entries("us-gaap")
DEI = _entries("dei")


def test_table_has_us_gaap_and_dei_concepts() -> None:
    assert US_GAAP and DEI


@pytest.mark.parametrize("entry", US_GAAP, ids=_ids(US_GAAP))
def test_us_gaap_concept_exists_in_2024_with_the_table_type(entry: ConceptEntry) -> None:
    type_2024 = _types_2024().get(entry.local_name)
    assert type_2024 is not None, f"{entry.concept} is not a US-GAAP 2024 element"
    assert type_2024 == entry.item_type


@pytest.mark.parametrize("entry", US_GAAP, ids=_ids(US_GAAP))
def test_us_gaap_period_type_and_balance_agree_with_the_official_2011_schema(entry: ConceptEntry) -> None:
    old = _decls_2011().get(entry.local_name)
    if old is None:
        pytest.skip(f"{entry.concept} was added after 2011: no official periodType/balance here")
    assert old.get("abstract", "false") == "false", f"{entry.concept} is abstract"
    assert old["periodType"] == entry.period_type
    assert old.get("balance") == entry.balance


@pytest.mark.parametrize("entry", DEI, ids=_ids(DEI))
def test_dei_concept_agrees_with_dei_2024(entry: ConceptEntry) -> None:
    row = _dei_2024().get(entry.local_name)
    assert row is not None, f"{entry.concept} is not a dei 2024 element"
    assert row["isAbstract"] == "false"
    assert row["dataType"].split(":", 1)[1] == entry.item_type
    assert row["periodType"] == entry.period_type
    assert row.get("balanceType") == entry.balance


def test_balance_only_on_monetary_concepts() -> None:
    for e in US_GAAP + DEI:
        if e.item_type != "monetaryItemType":
            assert e.balance is None, e.concept


WITH_ALTERNATIVES = [e for e in US_GAAP if e.alternatives]


def test_some_entries_list_alternatives() -> None:
    assert len(WITH_ALTERNATIVES) >= 20


@pytest.mark.parametrize("entry", WITH_ALTERNATIVES, ids=_ids(WITH_ALTERNATIVES))
def test_alternatives_are_2024_elements_of_the_entrys_type_period_and_balance(entry: ConceptEntry) -> None:
    """A company's alternative replaces the entry's concept on the same printed row, with the
    entry's sign rule: it must be the same kind of element."""
    for alternative in entry.alternatives:
        name = alternative.partition(":")[2]
        assert _types_2024().get(name) == entry.item_type, alternative
        old = _decls_2011().get(name)
        if old is not None:  # added after 2011: no official periodType/balance here
            assert old["periodType"] == entry.period_type, alternative
            assert old.get("balance") in (None, entry.balance), alternative

