"""The shipped offline taxonomy package: a valid Taxonomy Package, up to date, declaring the table."""

from __future__ import annotations

import sys
import tempfile
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from converter import oci
from converter.concepts import default_concept_table_path, load_concept_table
from converter.fallback import elements
from converter.layered import default_vocabulary
from converter.taxonomy_package import PackageBuildError, build_package
from converter.validate import shipped_package_path

REPO = Path(__file__).resolve().parents[1]
REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "taxonomy-reference"
XS = "{http://www.w3.org/2001/XMLSchema}"
XBRLI = "{http://www.xbrl.org/2003/instance}"
US_GAAP_XSD = "us-gaap-2024-offline/xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd"
DEI_XSD = "us-gaap-2024-offline/xbrl.sec.gov/dei/2024/dei-2024.xsd"


def _arelle_log(**options: object) -> tuple[list[dict[str, object]], int]:
    from arelle.api.Session import Session
    from arelle.RuntimeOptions import RuntimeOptions

    with tempfile.TemporaryDirectory() as cache, Session() as session:
        session.run(RuntimeOptions(internetConnectivity="offline", disablePersistentConfig=True,
                                   logFile="logToStructuredMessage", cacheDirectory=cache, keepOpen=True,
                                   validate=True, **options))  # type: ignore[arg-type]
        concepts = sum(len(m.qnameConcepts) for m in session.get_models())
        return list(session.get_log_messages()), concepts


def _declarations(member: str) -> dict[str, etree._Element]:
    with zipfile.ZipFile(shipped_package_path()) as zf:
        root = etree.fromstring(zf.read(member))
    return {el.get("name"): el for el in root.iterfind(f"{XS}element")}


def test_shipped_zip_is_a_valid_taxonomy_package() -> None:
    log, concepts = _arelle_log(entrypointFile=str(shipped_package_path()), taxonomyPackage=True)
    problems = [m for m in log if m["levelname"] != "INFO"]
    assert problems == []
    assert concepts > 0  # both entry points were loaded through the package


@pytest.mark.parametrize("entry", ["https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd",
                                   "http://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd",
                                   "https://xbrl.sec.gov/dei/2024/dei-2024.xsd"])
def test_official_urls_resolve_offline_through_the_package(entry: str) -> None:
    log, concepts = _arelle_log(entrypointFile=entry, packages=[str(shipped_package_path())])
    problems = [m for m in log if m["levelname"] != "INFO"]
    assert problems == []
    assert concepts > 0


def test_zip_is_deterministic_in_form() -> None:
    with zipfile.ZipFile(shipped_package_path()) as zf:
        infos = zf.infolist()
    names = [i.filename for i in infos]
    assert names == sorted(names)
    assert {i.date_time for i in infos} == {(2024, 1, 1, 0, 0, 0)}
    assert "us-gaap-2024-offline/META-INF/taxonomyPackage.xml" in names
    assert "us-gaap-2024-offline/META-INF/catalog.xml" in names


def test_every_table_concept_is_declared_with_the_table_attributes() -> None:
    table = load_concept_table(default_concept_table_path())
    declared = {"us-gaap": _declarations(US_GAAP_XSD), "dei": _declarations(DEI_XSD)}
    for e in table.entries:
        el = declared[e.prefix].get(e.local_name)
        assert el is not None, f"{e.concept} is not declared in the shipped package"
        assert el.get("id") == f"{e.prefix}_{e.local_name}"
        assert el.get("type").split(":", 1)[1] == e.item_type, e.concept
        assert el.get(f"{XBRLI}periodType") == e.period_type, e.concept
        assert el.get(f"{XBRLI}balance") == e.balance, e.concept
        assert el.get("substitutionGroup") == "xbrli:item"
        assert el.get("abstract") == "false"
    table_names = {(e.prefix, e.local_name) for e in table.entries}
    package_names = {(p, n) for p, decls in declared.items() for n in decls}
    vocabulary = default_vocabulary()
    learned = {("us-gaap", line.concept.split(":", 1)[1]) for line in vocabulary.lines} if vocabulary else set()
    listed = {e.name: e for e in elements()}
    oci_names = {("us-gaap", n) for c in oci.all_candidates()
                 if (n := c.split(":", 1)[1]) in listed and listed[n].period_type is not None}
    assert package_names == table_names | learned | oci_names, (
        "the package declares exactly the concepts of the table, of the learned vocabulary and the "
        "components of other comprehensive income whose period type is known")
    for _, name in oci_names - table_names - learned:  # with the element list's attributes
        assert declared["us-gaap"][name].get(f"{XBRLI}periodType") == listed[name].period_type
        assert declared["us-gaap"][name].get(f"{XBRLI}balance") == listed[name].balance


def test_notices_are_in_the_schemas() -> None:
    with zipfile.ZipFile(shipped_package_path()) as zf:
        us_gaap = zf.read(US_GAAP_XSD).decode()
        dei = zf.read(DEI_XSD).decode()
    assert "Financial Accounting Foundation" in us_gaap and "TaxonomiesTermsConditions" in us_gaap
    assert "subset built by xbrl-convert" in us_gaap
    assert "17 U.S.C. 105" in dei and "dei-2023.xsd" in dei


def test_rebuilding_gives_the_committed_bytes() -> None:
    """The shipped package is build_package's output for the shipped table, from shipped data only."""
    built = build_package(default_concept_table_path())
    assert built == shipped_package_path().read_bytes(), (
        "taxonomy_map/us-gaap-2024-offline.zip is out of date: run scripts/build_taxonomy_package.py")


def test_builder_rejects_a_concept_missing_from_2024(tmp_path: Path) -> None:
    table = tmp_path / "concepts.yaml"
    table.write_text("concepts:\n  - {concept: us-gaap:InventoryNetCurrent, type: monetaryItemType,"
                     " period: instant, balance: debit}\n", encoding="utf-8")
    with pytest.raises(PackageBuildError, match="InventoryNetCurrent is not a US-GAAP 2024 element"):
        build_package(table)


def test_builder_rejects_a_wrong_item_type(tmp_path: Path) -> None:
    table = tmp_path / "concepts.yaml"
    table.write_text("concepts:\n  - {concept: us-gaap:EarningsPerShareBasicAndDiluted, type: monetaryItemType,"
                     " period: duration}\n", encoding="utf-8")
    with pytest.raises(PackageBuildError, match="US-GAAP 2024 says perShareItemType"):
        build_package(table)


def test_builder_rejects_a_wrong_period_and_an_abstract_element(tmp_path: Path) -> None:
    table = tmp_path / "concepts.yaml"
    table.write_text("concepts:\n  - {concept: us-gaap:PrepaidInsurance, type: monetaryItemType, period: duration,"
                     " balance: debit}\n  - {concept: us-gaap:AssetsAbstract, type: stringItemType,"
                     " period: duration}\n  - {concept: dei:EntityRegistrantName, type: normalizedStringItemType,"
                     " period: instant}\n", encoding="utf-8")
    with pytest.raises(PackageBuildError) as caught:
        build_package(table)
    text = str(caught.value)
    assert "us-gaap:PrepaidInsurance: the concept table says period duration, US-GAAP 2024 says instant" in text
    assert "us-gaap:AssetsAbstract is abstract" in text


def test_builder_command_line(tmp_path: Path) -> None:
    import subprocess

    out = tmp_path / "pkg.zip"
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "build_taxonomy_package.py"), "--output", str(out)],
                          capture_output=True, text=True, check=False, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert out.read_bytes() == shipped_package_path().read_bytes()


@pytest.mark.skipif(not REFERENCE.is_dir(), reason="no ../shared/taxonomy-reference")
def test_shipped_element_lists_are_built_from_the_reference(tmp_path: Path) -> None:
    import subprocess

    done = subprocess.run([sys.executable, str(REPO / "scripts" / "build_element_list.py"), "--reference",
                           str(REFERENCE), "--out-dir", str(tmp_path)], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    for name in ("us-gaap-2024-elements.tsv", "dei-2024-elements.tsv", "dei-2024-types.xsd"):
        assert (tmp_path / name).read_bytes() == (REPO / "taxonomy_map" / name).read_bytes(), name
