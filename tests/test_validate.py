"""The Arelle adapter: hand-written instances against the shipped offline package, no network."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from converter.errors import ValidationError
from converter.model import Level
from converter.validate import ArelleReport, shipped_package_path, validate_instance

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase"
  xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:iso4217="http://www.xbrl.org/2003/iso4217"
  xmlns:us-gaap="http://fasb.org/us-gaap/2024" xmlns:dei="http://xbrl.sec.gov/dei/2024">
  <link:schemaRef xlink:type="simple" xlink:href="https://xbrl.fasb.org/us-gaap/2024/elts/us-gaap-2024.xsd"/>
  <link:schemaRef xlink:type="simple" xlink:href="https://xbrl.sec.gov/dei/2024/dei-2024.xsd"/>
  <xbrli:context id="I2024">
    <xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0001009759</xbrli:identifier></xbrli:entity>
    <xbrli:period><xbrli:instant>2024-03-31</xbrli:instant></xbrli:period>
  </xbrli:context>
  <xbrli:context id="D2024Q1">
    <xbrli:entity><xbrli:identifier scheme="http://www.sec.gov/CIK">0001009759</xbrli:identifier></xbrli:entity>
    <xbrli:period><xbrli:startDate>2024-01-01</xbrli:startDate><xbrli:endDate>2024-03-31</xbrli:endDate></xbrli:period>
  </xbrli:context>
  <xbrli:unit id="USD"><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unit>
  <xbrli:unit id="shares"><xbrli:measure>xbrli:shares</xbrli:measure></xbrli:unit>
  <xbrli:unit id="USD-per-share">
    <xbrli:divide>
      <xbrli:unitNumerator><xbrli:measure>iso4217:USD</xbrli:measure></xbrli:unitNumerator>
      <xbrli:unitDenominator><xbrli:measure>xbrli:shares</xbrli:measure></xbrli:unitDenominator>
    </xbrli:divide>
  </xbrli:unit>
"""

DEI = """  <dei:EntityCentralIndexKey contextRef="D2024Q1">0001009759</dei:EntityCentralIndexKey>
  <dei:DocumentType contextRef="D2024Q1">8-K</dei:DocumentType>
  <dei:DocumentFiscalPeriodFocus contextRef="D2024Q1">Q1</dei:DocumentFiscalPeriodFocus>
"""

ASSETS = '  <us-gaap:Assets contextRef="I2024" unitRef="USD" decimals="-3">1000000</us-gaap:Assets>\n'
REVENUES = '  <us-gaap:Revenues contextRef="D2024Q1" unitRef="USD" decimals="-3">250000</us-gaap:Revenues>\n'
EPS = ('  <us-gaap:EarningsPerShareBasicAndDiluted contextRef="D2024Q1" unitRef="USD-per-share" decimals="2">'
       "-0.06</us-gaap:EarningsPerShareBasicAndDiluted>\n")
SHARES = ('  <us-gaap:CommonStockSharesIssued contextRef="I2024" unitRef="shares" decimals="INF">'
          "1000</us-gaap:CommonStockSharesIssued>\n")
TAIL = "</xbrli:xbrl>\n"

VALID = HEAD + DEI + ASSETS + REVENUES + EPS + SHARES + TAIL


def _write(tmp_path: Path, text: str, name: str = "instance.xml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _codes(report: ArelleReport) -> set[str]:
    return {m.code for m in report.errors}


def test_shipped_package_exists() -> None:
    assert shipped_package_path().is_file()
    assert shipped_package_path().name == "us-gaap-2024-offline.zip"


def test_valid_instance_has_no_errors_offline(tmp_path: Path) -> None:
    report = validate_instance(_write(tmp_path, VALID))
    assert report.errors == (), [m.message for m in report.errors]
    assert report.warnings == ()
    assert report.fact_count == 7
    assert report.taxonomy_source == "offline subset package taxonomy_map/us-gaap-2024-offline.zip"
    assert report.ok


def test_instant_concept_in_duration_context(tmp_path: Path) -> None:
    text = VALID.replace('<us-gaap:Assets contextRef="I2024"', '<us-gaap:Assets contextRef="D2024Q1"')
    report = validate_instance(_write(tmp_path, text))
    assert "xbrl.4.7.2:contextPeriodType" in _codes(report)
    [msg] = [m for m in report.errors if m.code == "xbrl.4.7.2:contextPeriodType"]
    assert msg.concept == "us-gaap:Assets"
    assert msg.source == "arelle"
    assert msg.level is Level.ERROR


def test_monetary_fact_without_unit(tmp_path: Path) -> None:
    text = VALID.replace('<us-gaap:Revenues contextRef="D2024Q1" unitRef="USD"', '<us-gaap:Revenues contextRef="D2024Q1"')
    report = validate_instance(_write(tmp_path, text))
    assert "xbrl.4.6.2:numericUnit" in _codes(report)
    assert all(m.concept == "us-gaap:Revenues" for m in report.errors)


def test_monetary_fact_with_shares_unit(tmp_path: Path) -> None:
    text = VALID.replace('<us-gaap:Revenues contextRef="D2024Q1" unitRef="USD"',
                         '<us-gaap:Revenues contextRef="D2024Q1" unitRef="shares"')
    report = validate_instance(_write(tmp_path, text))
    codes = _codes(report)
    assert "xbrl.4.8.2:monetaryFactUnit-notMonetaryMeasure" in codes
    assert "utre:error-NumericFactUtrInvalid" in codes  # the Unit Type Registry check is on


def test_per_share_fact_with_usd_unit_fails_utr(tmp_path: Path) -> None:
    text = VALID.replace('unitRef="USD-per-share"', 'unitRef="USD"')
    report = validate_instance(_write(tmp_path, text))
    assert "utre:error-NumericFactUtrInvalid" in _codes(report)


def test_duplicate_inconsistent_fact_is_an_error(tmp_path: Path) -> None:
    dup = '  <us-gaap:Revenues contextRef="D2024Q1" unitRef="USD" decimals="-3">260000</us-gaap:Revenues>\n'
    report = validate_instance(_write(tmp_path, VALID.replace(TAIL, dup + TAIL)))
    [msg] = [m for m in report.errors if m.code == "arelle:duplicateFacts"]
    assert msg.concept == "us-gaap:Revenues"
    assert len(msg.refs) == 2


def test_consistent_duplicate_is_not_reported(tmp_path: Path) -> None:
    report = validate_instance(_write(tmp_path, VALID.replace(TAIL, REVENUES + TAIL)))
    assert report.errors == ()


def test_undeclared_concept(tmp_path: Path) -> None:
    fact = '  <us-gaap:NoSuchConceptXyz contextRef="D2024Q1" unitRef="USD" decimals="-3">1</us-gaap:NoSuchConceptXyz>\n'
    report = validate_instance(_write(tmp_path, VALID.replace(TAIL, fact + TAIL)))
    assert "xbrl:schemaImportMissing" in _codes(report)
    assert any(m.concept == "us-gaap:NoSuchConceptXyz" for m in report.errors)


def test_dei_type_facets_are_checked(tmp_path: Path) -> None:
    text = VALID.replace(">0001009759</dei:EntityCentralIndexKey>", ">12</dei:EntityCentralIndexKey>")
    report = validate_instance(_write(tmp_path, text))
    assert "xmlSchema:valueError" in _codes(report)
    assert any(m.concept == "dei:EntityCentralIndexKey" for m in report.errors)


def test_non_xml_file_is_an_error_message(tmp_path: Path) -> None:
    report = validate_instance(_write(tmp_path, "This is not XML at all\n", "notxml.xml"))
    assert "xmlSchema:syntax" in _codes(report)
    assert report.fact_count == 0


def test_missing_file_is_an_error_message(tmp_path: Path) -> None:
    report = validate_instance(tmp_path / "missing.xml")
    assert "IOerror" in _codes(report)


def test_missing_user_package_raises(tmp_path: Path) -> None:
    with pytest.raises(ValidationError):
        validate_instance(_write(tmp_path, VALID), taxonomy_packages=[tmp_path / "nope.zip"])


def test_validation_prints_nothing(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    validate_instance(_write(tmp_path, HEAD + "<bad" + TAIL))
    validate_instance(_write(tmp_path, VALID))
    out, err = capfd.readouterr()
    assert out == "" and err == ""


# ---- package precedence ------------------------------------------------------------------

USER_SCHEMA = """<?xml version="1.0" encoding="UTF-8"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xbrli="http://www.xbrl.org/2003/instance"
  targetNamespace="http://fasb.org/us-gaap/2024" elementFormDefault="qualified">
  <xs:import namespace="http://www.xbrl.org/2003/instance" schemaLocation="http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"/>
  <xs:element id="us-gaap_OnlyInUserPackage" name="OnlyInUserPackage" type="xbrli:monetaryItemType"
    substitutionGroup="xbrli:item" nillable="true" xbrli:periodType="instant" xbrli:balance="debit"/>
</xs:schema>
"""

USER_DEI_SCHEMA = USER_SCHEMA.replace("http://fasb.org/us-gaap/2024", "http://xbrl.sec.gov/dei/2024").replace(
    "us-gaap_OnlyInUserPackage", "dei_OnlyInUserPackage")


def _user_package(tmp_path: Path, with_dei: bool) -> Path:
    rewrites = ['<rewriteURI uriStartString="https://xbrl.fasb.org/us-gaap/2024/" rewritePrefix="../us-gaap/"/>',
                '<rewriteURI uriStartString="http://xbrl.fasb.org/us-gaap/2024/" rewritePrefix="../us-gaap/"/>']
    if with_dei:
        rewrites += ['<rewriteURI uriStartString="https://xbrl.sec.gov/dei/2024/" rewritePrefix="../dei/"/>',
                     '<rewriteURI uriStartString="http://xbrl.sec.gov/dei/2024/" rewritePrefix="../dei/"/>']
    catalog = ('<?xml version="1.0" encoding="UTF-8"?>\n'
               '<catalog xmlns="urn:oasis:names:tc:entity:xmlns:xml:catalog">\n' + "\n".join(rewrites) + "\n</catalog>\n")
    meta = """<?xml version="1.0" encoding="UTF-8"?>
<tp:taxonomyPackage xmlns:tp="http://xbrl.org/2016/taxonomy-package" xml:lang="en">
  <tp:identifier>urn:test:user-package</tp:identifier>
  <tp:name>User test package</tp:name>
  <tp:version>1</tp:version>
</tp:taxonomyPackage>
"""
    path = tmp_path / "user-package.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("user-package/META-INF/taxonomyPackage.xml", meta)
        zf.writestr("user-package/META-INF/catalog.xml", catalog)
        zf.writestr("user-package/us-gaap/elts/us-gaap-2024.xsd", USER_SCHEMA)
        if with_dei:
            zf.writestr("user-package/dei/dei-2024.xsd", USER_DEI_SCHEMA)
    return path


USER_FACT = '  <us-gaap:OnlyInUserPackage contextRef="I2024" unitRef="USD" decimals="0">5</us-gaap:OnlyInUserPackage>\n'


def test_user_package_wins_over_shipped_package(tmp_path: Path) -> None:
    package = _user_package(tmp_path, with_dei=False)
    # us-gaap comes from the user package, dei still from the shipped one
    report = validate_instance(_write(tmp_path, HEAD + DEI + USER_FACT + TAIL), taxonomy_packages=[package])
    assert report.errors == (), [m.message for m in report.errors]
    assert report.warnings == ()
    assert "overridden by packages: user-package.zip" in report.taxonomy_source
    # a concept only the shipped us-gaap subset declares is now missing
    report = validate_instance(_write(tmp_path, HEAD + ASSETS + TAIL), taxonomy_packages=[package])
    assert "xbrl:schemaImportMissing" in _codes(report)


def test_user_packages_covering_everything_replace_shipped_package(tmp_path: Path) -> None:
    package = _user_package(tmp_path, with_dei=True)
    report = validate_instance(_write(tmp_path, HEAD + USER_FACT + TAIL), taxonomy_packages=[package])
    assert report.errors == ()
    assert report.taxonomy_source == "official packages: user-package.zip"


def test_fiscal_period_focus_q4_is_not_a_dei_value(tmp_path: Path) -> None:
    # dei's fiscalPeriodItemType allows FY, Q1, Q2, Q3: a fourth quarter is reported as FY
    text = VALID.replace(">Q1</dei:DocumentFiscalPeriodFocus>", ">Q4</dei:DocumentFiscalPeriodFocus>")
    report = validate_instance(_write(tmp_path, text))
    assert "xmlSchema:valueError" in _codes(report)


def test_calc_option_runs(tmp_path: Path) -> None:
    report = validate_instance(_write(tmp_path, VALID), calc=True)
    assert report.errors == ()


def test_user_package_with_shorter_prefixes_replaces_shipped_package(tmp_path: Path) -> None:
    package = _user_package(tmp_path, with_dei=True)
    # rewrite whole hosts instead of the 2024 folders: Arelle would prefer the shipped package's
    # longer start strings, so the adapter must not load the shipped one at all
    shorter = tmp_path / "shorter.zip"
    with zipfile.ZipFile(package) as src, zipfile.ZipFile(shorter, "w") as dst:
        for name in src.namelist():
            data = src.read(name)
            if name.endswith("catalog.xml"):
                data = (data.replace(b"us-gaap/2024/\" rewritePrefix=\"../us-gaap/", b"\" rewritePrefix=\"../fasb/")
                        .replace(b"dei/2024/\" rewritePrefix=\"../dei/", b"\" rewritePrefix=\"../sec/"))
                dst.writestr(name, data)
            elif name.endswith("us-gaap-2024.xsd"):
                dst.writestr("user-package/fasb/us-gaap/2024/elts/us-gaap-2024.xsd", data)
            elif name.endswith("dei-2024.xsd"):
                dst.writestr("user-package/sec/dei/2024/dei-2024.xsd", data)
            else:
                dst.writestr(name, data)
    report = validate_instance(_write(tmp_path, HEAD + USER_FACT + TAIL), taxonomy_packages=[shorter])
    assert report.errors == (), [m.message for m in report.errors]
    assert report.taxonomy_source == "official packages: shorter.zip"
