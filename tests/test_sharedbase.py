"""The shared base taxonomy (converter.sharedbase): lent to every load, left intact by closing
the loaded models, and Arelle's messages the same as when every load reads it itself."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from converter.validate import arelle_engine, arelle_session, validate_instance

sys.path.insert(0, str(Path(__file__).resolve().parent))
from test_validate import ASSETS, DEI, EPS, HEAD, REVENUES, SHARES, TAIL  # noqa: E402

VALID = HEAD + DEI + ASSETS + REVENUES + EPS + SHARES + TAIL
BROKEN = {
    "valid": VALID,
    "missing unit": VALID.replace('<us-gaap:Revenues contextRef="D2024Q1" unitRef="USD"',
                                  '<us-gaap:Revenues contextRef="D2024Q1"'),
    "instant concept, duration context": VALID.replace('<us-gaap:Assets contextRef="I2024"',
                                                       '<us-gaap:Assets contextRef="D2024Q1"'),
    "undeclared concept": VALID.replace(TAIL, '  <us-gaap:NoSuchConceptXyz contextRef="D2024Q1" unitRef="USD" '
                                              'decimals="-3">1</us-gaap:NoSuchConceptXyz>\n' + TAIL),
    "per-share fact in USD": VALID.replace('unitRef="USD-per-share"', 'unitRef="USD"'),
    "inconsistent duplicate": VALID.replace(TAIL, REVENUES.replace("250000", "260000") + TAIL),
}


def _messages(path: Path, shared: bool, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str, tuple[str, ...]]]:
    engine = arelle_engine()
    with monkeypatch.context() as patch:
        if not shared:
            patch.setattr(engine, "shared", None)
        report = validate_instance(path, calc=True)
    # Arelle numbers its model objects in load order and prints the number of a schema particle
    # ("ModelSequence[733, ..."): the shared base keeps its own numbering.
    return sorted((m.level.value, m.code, re.sub(r"(Model\w+)\[\d+", r"\1[N", m.message), m.refs)
                  for m in report.messages)


def test_the_base_taxonomy_is_lent_to_each_load_and_survives_it(halmer_release: Path) -> None:
    engine = arelle_engine()
    assert engine.shared is not None
    shared_docs = dict(engine.shared.docs)
    assert any(uri.endswith("us-gaap-2024.xsd") for uri in shared_docs)
    for _ in range(2):
        with arelle_session(halmer_release / "hlmr-20240630.htm", validate=True, calc=True) as run:
            model = run.model
            for uri, doc in shared_docs.items():
                assert model.urlDocs.get(uri) is doc  # the shared document, not a fresh copy
                assert doc.modelXbrl is model
            assert run.records == [] or all("ERROR" not in str(r.get("levelname")) for r in run.records)
    for doc in shared_docs.values():  # closing the models gave them back intact
        assert doc.modelXbrl is engine.shared.model
        assert doc.xmlRootElement is not None and len(doc.xmlRootElement)


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_messages_are_the_same_without_sharing(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "instance.xml"
    path.write_text(BROKEN[case], encoding="utf-8")
    with_sharing = _messages(path, True, monkeypatch)
    assert with_sharing == _messages(path, False, monkeypatch)
    assert (case == "valid") == (not any(level == "error" for level, *_ in with_sharing))


def test_a_converted_release_gets_the_same_messages_without_sharing(halmer_release: Path, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("hlmr-20240630.xml", "hlmr-20240630.htm"):
        assert _messages(halmer_release / name, True, monkeypatch) == _messages(halmer_release / name, False, monkeypatch)
    # a tampered total: the Calculation 1.1 finding, with and without sharing
    tampered = tmp_path / "tampered"
    tampered.mkdir()
    for path in halmer_release.iterdir():
        (tampered / path.name).write_bytes(path.read_bytes())
    instance = tampered / "hlmr-20240630.xml"
    instance.write_text(instance.read_text(encoding="utf-8").replace(">31420000<", ">31520000<", 1), encoding="utf-8")
    found = _messages(instance, True, monkeypatch)
    assert any(code.startswith("calc11e:") for _, code, _, _ in found)
    assert found == _messages(instance, False, monkeypatch)


def test_a_base_schema_imported_under_another_namespace_is_not_lent(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    schema = tmp_path / "wrong.xsd"
    schema.write_text(
        '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://example.com/wrong">\n'
        '  <xs:import namespace="http://example.com/not-us-gaap"'
        ' schemaLocation="https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd"/>\n'
        "</xs:schema>\n", encoding="utf-8")
    path = tmp_path / "instance.xml"
    us_gaap = '<link:schemaRef xlink:type="simple" xlink:href="https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd"/>'
    assert us_gaap in VALID
    path.write_text(VALID.replace(us_gaap, '<link:schemaRef xlink:type="simple" xlink:href="wrong.xsd"/>'),
                    encoding="utf-8")
    found = _messages(path, True, monkeypatch)
    assert "xmlSchema1.4.2.3:refSchemaNamespace" in {code for _, code, _, _ in found}
    assert found == _messages(path, False, monkeypatch)
