"""The compiled-schema check of linkbases (converter.arellefast): taken for the linkbases this
tool writes, and Arelle's messages exactly the same as without it for valid and broken ones."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from arelle import ValidateXbrlDTS, XmlValidate

import converter.arellefast as arellefast
from converter.validate import validate_instance

STEM = "hlmr-20240630"


def _messages(instance: Path, fast: bool, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str, str]]:
    validate_instance(instance)  # the engine exists (and installed the check) before it is switched
    with monkeypatch.context() as patch:
        if not fast:
            patch.setattr(ValidateXbrlDTS, "XmlValidate", XmlValidate)
        report = validate_instance(instance, calc=True)
    return sorted((m.level.value, m.code, m.message) for m in report.messages)


def test_the_tools_linkbases_take_the_fast_path(halmer_release: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    taken: list[tuple[str, bool]] = []
    original = arellefast._valid_plain_linkbase

    def spy(model, elt):  # type: ignore[no-untyped-def]
        found = original(model, elt)
        taken.append((Path(elt.modelDocument.uri).name, found))
        return found

    monkeypatch.setattr(arellefast, "_valid_plain_linkbase", spy)
    report = validate_instance(halmer_release / f"{STEM}.xml", calc=True)
    assert report.errors == ()
    linkbases = sorted(t for t in taken if t[0].endswith(("_pre.xml", "_cal.xml", "_lab.xml")))
    assert linkbases == [(f"{STEM}{s}", True) for s in ("_cal.xml", "_lab.xml", "_pre.xml")]
    assert not any(found for _, found in set(taken) - set(linkbases))  # the schema and its roles: Arelle's


TAMPERING = [
    ("calculation weight", "_cal.xml", 'weight="1.0"', 'weight="heavy"', "xmlSchema:valueError"),
    ("presentation order", "_pre.xml", 'order="1"', 'order="first"', "xmlSchema:valueError"),
    ("unknown element", "_pre.xml", "<link:loc ", "<link:bogus/><link:loc ", "xmlSchema:elementUnexpected"),
    ("xml:lang libxml2 accepts", "_lab.xml", 'xml:lang="en-US"', 'xml:lang="en US"', "xmlSchema:valueError"),
    ("arc use", "_cal.xml", 'xlink:type="arc"', 'use="maybe" xlink:type="arc"', "xmlSchema:valueError"),
    ("extraneous attribute", "_pre.xml", 'order="1"', 'order="1" weight="1"', "xmlSchema:attributesExtraneous"),
    ("priority", "_pre.xml", 'order="1"', 'order="1" priority="1.5"', "xmlSchema:valueError"),
    ("id not a name", "_lab.xml", ' id="lab_', ' id="1lab_', "xmlSchema:valueError"),
    ("text in a locator", "_pre.xml", '"/>', '">text</link:loc>', "xmlSchema:valueError"),
    ("duplicate id", "_lab.xml", ' id="lab_dei_DocumentFiscalPeriodFocus"', ' id="lab_dei_AmendmentFlag"',
     "xml.3.3.1:idMustBeUnique"),
    ("role URI", "_pre.xml", 'roleURI="http', 'roleURI="ht tp', "xmlSchema:valueError"),
    ("arcrole URI", "_cal.xml", 'xlink:arcrole="http', 'xlink:arcrole="not a uri http', "xmlSchema:valueError"),
    ("xlink type", "_pre.xml", 'xlink:type="locator"', 'xlink:type="locatr"', "xbrl.3.5.3.7.1:linkLocType"),
]


@pytest.mark.parametrize(("suffix", "old", "new", "code"), [pytest.param(*t[1:], id=t[0]) for t in TAMPERING])
def test_broken_linkbases_get_arelles_own_messages(halmer_release: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   suffix: str, old: str, new: str, code: str) -> None:
    folder = tmp_path / "broken"
    shutil.copytree(halmer_release, folder)
    linkbase = folder / f"{STEM}{suffix}"
    text = linkbase.read_text(encoding="utf-8")
    assert old in text
    linkbase.write_text(text.replace(old, new, 1), encoding="utf-8")
    fast = _messages(folder / f"{STEM}.xml", True, monkeypatch)
    assert code in {c for _, c, _ in fast}
    assert fast == _messages(folder / f"{STEM}.xml", False, monkeypatch)


def test_valid_linkbases_same_messages_as_arelle(halmer_release: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for entry in (f"{STEM}.xml", f"{STEM}.htm"):
        assert _messages(halmer_release / entry, True, monkeypatch) == _messages(halmer_release / entry, False, monkeypatch)


def test_a_linkbase_with_other_namespaces_is_left_to_arelle() -> None:
    from lxml import etree

    root = etree.fromstring(
        b'<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" xmlns:gen="http://xbrl.org/2008/generic">'
        b"<gen:link/></link:linkbase>")
    assert not arellefast._plain(root)
    plain = etree.fromstring(b'<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase"><link:documentation/>'
                             b"</link:linkbase>")
    assert arellefast._plain(plain)
    odd = etree.fromstring(b'<link:linkbase xmlns:link="http://www.xbrl.org/2003/linkbase" foo="1"/>')
    assert not arellefast._plain(odd)
