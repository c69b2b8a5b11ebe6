"""`build-package`, the concept-table check before converting, and `--namespace`."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from lxml import etree

from converter.cli import main
from converter.concepts import default_concept_table_path
from converter.declared import undeclared_concepts
from converter.elementdata import read_fasb_zip
from converter.taxonomy_package import PackageBuildError, build_package
from converter.validate import shipped_package_path

ROOT = Path(__file__).resolve().parents[1]
FIXED_EXAMPLE = ROOT / "examples" / "bridgewell-instruments-q1-2025.txt"
XS = "{http://www.w3.org/2001/XMLSchema}"
XBRLI = "{http://www.xbrl.org/2003/instance}"
US_GAAP_XSD = "us-gaap-2024-offline/xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd"


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def custom_table(path: Path, extra: list[dict]) -> Path:
    """The shipped concept table with `extra` entries tried first."""
    data = yaml.safe_load(default_concept_table_path().read_text(encoding="utf-8"))
    data["concepts"] = extra + data["concepts"]
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


PREPAID = {"concept": "us-gaap:PrepaidInsurance", "type": "monetaryItemType", "period": "instant",
           "balance": "debit", "statement": "balance_sheet", "labels": ["prepaid insurance"]}


def declarations(package: Path) -> dict[str, etree._Element]:
    with zipfile.ZipFile(package) as zf:
        root = etree.fromstring(zf.read(US_GAAP_XSD))
    return {el.get("name"): el for el in root.iterfind(f"{XS}element")}


def test_build_package_command_rebuilds_the_shipped_package(tmp_path: Path) -> None:
    out = tmp_path / "pkg.zip"
    result = run("build-package", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == shipped_package_path().read_bytes()


def test_build_package_declares_a_concept_outside_the_shipped_subset(tmp_path: Path) -> None:
    assert "PrepaidInsurance" not in declarations(shipped_package_path())
    table = custom_table(tmp_path / "custom.yaml", [PREPAID])
    out = tmp_path / "pkg.zip"
    result = run("build-package", "--concepts", str(table), "--out", str(out))
    assert result.exit_code == 0, result.output
    el = declarations(out)["PrepaidInsurance"]
    assert (el.get("id"), el.get("type"), el.get(f"{XBRLI}periodType"), el.get(f"{XBRLI}balance")) == (
        "us-gaap_PrepaidInsurance", "xbrli:monetaryItemType", "instant", "debit")
    assert set(declarations(shipped_package_path())) < set(declarations(out))
    assert build_package(table) == out.read_bytes()  # deterministic


def test_build_package_refuses_a_table_the_taxonomy_contradicts(tmp_path: Path) -> None:
    table = custom_table(tmp_path / "custom.yaml", [dict(PREPAID, balance="credit")])
    result = run("build-package", "--concepts", str(table), "--out", str(tmp_path / "pkg.zip"))
    assert result.exit_code == 2
    assert "us-gaap:PrepaidInsurance: the concept table says balance credit, US-GAAP 2024 says debit" in result.output
    assert not (tmp_path / "pkg.zip").exists()


# ---- the official FASB package layout ------------------------------------------------------------

_FASB_XSD = """<?xml version="1.0" encoding="utf-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance"
  xmlns:dtr-types="http://www.xbrl.org/dtr/type/2022-03-31" xmlns:us-types="http://fasb.org/us-types/2024"
  xmlns:xbrldt="http://xbrl.org/2005/xbrldt" xmlns:us-gaap="http://fasb.org/us-gaap/2024"
  targetNamespace="http://fasb.org/us-gaap/2024" elementFormDefault="qualified">
  <xs:element id="us-gaap_Assets" name="Assets" type="xbrli:monetaryItemType" substitutionGroup="xbrli:item"
    abstract="false" nillable="true" xbrli:periodType="instant" xbrli:balance="debit"/>
  <xs:element id="us-gaap_FreightCostsPaid" name="FreightCostsPaid" type="xbrli:monetaryItemType"
    substitutionGroup="xbrli:item" abstract="false" nillable="false" xbrli:periodType="duration" xbrli:balance="debit"/>
  <xs:element id="us-gaap_EarningsPerShareBasic" name="EarningsPerShareBasic" type="dtr-types:perShareItemType"
    substitutionGroup="xbrli:item" abstract="false" nillable="true" xbrli:periodType="duration"/>
  <xs:element id="us-gaap_FreightMethod" name="FreightMethod" type="us-types:freightMethodItemType"
    substitutionGroup="xbrli:item" abstract="false" nillable="true" xbrli:periodType="duration"/>
  <xs:element id="us-gaap_FreightAxis" name="FreightAxis" type="xbrli:stringItemType"
    substitutionGroup="xbrldt:dimensionItem" abstract="true" nillable="true" xbrli:periodType="duration"/>
</xs:schema>
"""


def fasb_zip(path: Path) -> Path:
    """A tiny zip laid out like the FASB us-gaap-2024.zip (invented element FreightCostsPaid)."""
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("us-gaap-2024/META-INF/taxonomyPackage.xml", "<taxonomyPackage/>")
        zf.writestr("us-gaap-2024/META-INF/catalog.xml",
                    '<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">'
                    '<rewriteURI uriStartString="https://xbrl.fasb.org/us-gaap/2024/" rewritePrefix="../"/></catalog>')
        zf.writestr("us-gaap-2024/elts/us-gaap-2024.xsd", _FASB_XSD)
        zf.writestr("us-gaap-2024/elts/us-types-2024.xsd",
                    '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://fasb.org/us-types/2024"/>')
    return path


def test_fasb_zip_declarations_are_read_with_their_attributes(tmp_path: Path) -> None:
    elements = read_fasb_zip(fasb_zip(tmp_path / "us-gaap-2024.zip"))
    freight = elements["FreightCostsPaid"]
    assert (freight.item_type, freight.type_prefix, freight.period_type, freight.balance, freight.nillable) == (
        "monetaryItemType", "xbrli", "duration", "debit", False)
    assert elements["EarningsPerShareBasic"].type_prefix == "dtr-types"
    assert elements["FreightMethod"].type_prefix is None
    assert elements["FreightAxis"].abstract


def test_build_package_from_a_fasb_zip(tmp_path: Path) -> None:
    fasb = fasb_zip(tmp_path / "us-gaap-2024.zip")
    table = tmp_path / "t.yaml"
    table.write_text("concepts:\n"
                     "  - {concept: us-gaap:FreightCostsPaid, type: monetaryItemType, period: duration, balance: debit}\n"
                     "  - {concept: us-gaap:Assets, type: monetaryItemType, period: instant, balance: debit}\n"
                     "  - {concept: dei:EntityRegistrantName, type: normalizedStringItemType, period: duration}\n",
                     encoding="utf-8")
    out = tmp_path / "pkg.zip"
    result = run("build-package", "--concepts", str(table), "--us-gaap-zip", str(fasb), "--out", str(out))
    assert result.exit_code == 0, result.output
    declared = declarations(out)
    # the table's, and those of the learned vocabulary the zip declares (the others are left out)
    assert set(declared) == {"FreightCostsPaid", "Assets", "EarningsPerShareBasic"}
    assert declared["FreightCostsPaid"].get("nillable") == "false"  # the zip's attribute, not a default
    with zipfile.ZipFile(out) as zf:
        assert "added later" not in zf.read(US_GAAP_XSD).decode()
        assert 'name="EntityRegistrantName"' in zf.read("us-gaap-2024-offline/xbrl.sec.gov/dei/2024/dei-2024.xsd").decode()
    table.write_text("concepts:\n  - {concept: us-gaap:FreightMethod, type: stringItemType, period: duration}\n"
                     "  - {concept: us-gaap:PrepaidInsurance, type: monetaryItemType, period: instant, balance: debit}\n",
                     encoding="utf-8")
    with pytest.raises(PackageBuildError) as caught:
        build_package(table, us_gaap_zip=fasb)
    assert "us-gaap:PrepaidInsurance is not a US-GAAP 2024 element" in str(caught.value)
    assert "FreightMethod: the concept table says type stringItemType, US-GAAP 2024 says freightMethodItemType" in str(caught.value)


def test_a_zip_without_us_gaap_is_refused(tmp_path: Path) -> None:
    empty = tmp_path / "other.zip"
    with zipfile.ZipFile(empty, "w") as zf:
        zf.writestr("x/readme.txt", "nothing")
    result = run("build-package", "--us-gaap-zip", str(empty), "--out", str(tmp_path / "pkg.zip"))
    assert result.exit_code == 2 and "no schema of the namespace http://fasb.org/us-gaap/2024" in result.output


# ---- convert refuses undeclared concepts before converting ----------------------------------------


def test_convert_refuses_a_table_with_undeclared_concepts(tmp_path: Path) -> None:
    table = custom_table(tmp_path / "custom.yaml", [PREPAID])
    out = tmp_path / "out"
    result = run("convert", str(FIXED_EXAMPLE), "--concepts", str(table), "--out", str(out))
    assert result.exit_code == 2
    assert "us-gaap:PrepaidInsurance" in result.output and "does not declare" in result.output
    assert "build-package" in result.output
    assert not out.exists()  # refused before any document was converted


def test_the_active_taxonomy_decides_what_is_declared(tmp_path: Path) -> None:
    table = custom_table(tmp_path / "custom.yaml", [PREPAID])
    from converter.concepts import load_concept_table

    entries = load_concept_table(table).entries
    assert undeclared_concepts(entries)[0] == ["us-gaap:PrepaidInsurance"]
    built = tmp_path / "built.zip"
    built.write_bytes(build_package(table))
    missing, source = undeclared_concepts(entries, (built,))
    assert missing == [] and "built.zip" in source
    # a package covering only the us-gaap prefix replaces the shipped us-gaap schema, not dei
    fasb = fasb_zip(tmp_path / "us-gaap-2024.zip")
    missing, _ = undeclared_concepts(entries, (fasb,))
    assert "us-gaap:PrepaidInsurance" in missing and "us-gaap:Assets" not in missing
    assert not any(c.startswith("dei:") for c in missing)


# ---- --namespace -----------------------------------------------------------------------------------


@pytest.mark.parametrize("bad", ["www.example.com/xbrl", "http://", "https://example.com/a b", "http://x.org/#y"])
def test_namespace_must_be_an_absolute_uri(tmp_path: Path, bad: str) -> None:
    result = run("convert", str(FIXED_EXAMPLE), "--out", str(tmp_path / "out"), "--namespace", bad)
    assert result.exit_code == 2
    assert "--namespace" in result.output and "absolute URI" in result.output


def test_namespace_sets_the_extension_namespace(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("convert", str(FIXED_EXAMPLE), "--out", str(out), "--jobs", "1", "--no-validate",
                 "--namespace", "https://ir.example.com/xbrl/")
    assert result.exit_code == 0, result.output
    folder = out / FIXED_EXAMPLE.stem
    schema = etree.parse(str(folder / "brdg-20250331.xsd")).getroot()
    assert schema.get("targetNamespace") == "https://ir.example.com/xbrl/brdg/20250331"
    instance = etree.parse(str(folder / "brdg-20250331.xml")).getroot()
    assert "https://ir.example.com/xbrl/brdg/20250331" in instance.nsmap.values()
