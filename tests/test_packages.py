"""Report package (.xbri) and xBRL-JSON export: both open in Arelle offline and carry the
instance's facts."""

from __future__ import annotations

import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from converter.concepts import concept_table, default_entity_registry_path, load_entity_registry
from converter.errors import ValidationError
from converter.extract import extract_file
from converter.extract.reader import decode
from converter.inline import render_inline
from converter.map import map_release
from converter.model import MappedRelease
from converter.packages import (
    REPORT_PACKAGE_TYPE,
    XBRL_JSON_TYPE,
    arelle_facts,
    export_xbrl_json,
    write_report_package,
)
from converter.pipeline import resolve_entity
from converter.serialize import fact_ids, format_value, serialize
from converter.validate import validate_instance

ROOT = Path(__file__).resolve().parents[1]
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
DOCS = [
    ROOT / "examples" / "halmer-robotics-q2-2024.txt",
    ROOT / "examples" / "bridgewell-instruments-q1-2025.txt",
    SEEDS / "000_39990f83eaa31146.txt",
    SEEDS / "002_d6bbc0594e33033c.txt",
]


def _mapped(path: Path) -> tuple[MappedRelease, str]:
    if not path.exists():
        pytest.skip(f"acceptance corpus not found at {path.parent}")
    release = extract_file(path)
    registry = load_entity_registry(default_entity_registry_path())
    mapped = map_release(release, concept_table(), resolve_entity(release, registry, None))
    return mapped, decode(path.read_bytes(), str(path))


def _folder(path: Path, tmp_path: Path, extension: bool = False):
    mapped, text = _mapped(path)
    ext = None
    if extension:
        module = pytest.importorskip("converter.extension")
        mapped, ext = module.build_extension(mapped, concept_table())
        for name, data in ext.files:
            (tmp_path / name).write_bytes(data)
    stem = f"{mapped.release.info.ticker.lower()}-{mapped.release.info.period_end:%Y%m%d}"
    (tmp_path / f"{stem}.htm").write_bytes(render_inline(mapped, text, ext))
    (tmp_path / f"{stem}.xml").write_bytes(serialize(mapped, ext))
    return mapped, ext, stem


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.stem)
def test_report_package_opens_in_arelle_with_the_instance_facts(path, tmp_path):
    mapped, ext, stem = _folder(path, tmp_path)
    package = write_report_package(tmp_path, f"{stem}.htm", ext)
    assert package == tmp_path / f"{stem}.xbri"
    report = validate_instance(package)
    assert report.errors == (), [m.message for m in report.errors]
    assert report.fact_count == len(mapped.facts)
    from_package, errors = arelle_facts(package, with_ids=True)
    from_xml, _ = arelle_facts(tmp_path / f"{stem}.xml", with_ids=True)
    assert errors == []
    assert from_package == from_xml


def test_report_package_layout_and_determinism(tmp_path):
    mapped, ext, stem = _folder(DOCS[0], tmp_path)
    first = write_report_package(tmp_path, f"{stem}.htm", ext).read_bytes()
    second = write_report_package(tmp_path, f"{stem}.htm", ext).read_bytes()
    assert first == second
    with zipfile.ZipFile(tmp_path / f"{stem}.xbri") as zf:
        names = zf.namelist()
        assert names == sorted(names)
        assert {n.split("/")[0] for n in names} == {stem}  # one top-level directory
        assert f"{stem}/META-INF/reportPackage.json" in names
        info = json.loads(zf.read(f"{stem}/META-INF/reportPackage.json"))
        assert info["documentInfo"]["documentType"] == REPORT_PACKAGE_TYPE
        assert zf.read(f"{stem}/reports/{stem}.htm") == (tmp_path / f"{stem}.htm").read_bytes()
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in zf.infolist())


def test_report_package_with_company_extension(tmp_path):
    mapped, ext, stem = _folder(DOCS[0], tmp_path, extension=True)
    package = write_report_package(tmp_path, f"{stem}.htm", ext)
    with zipfile.ZipFile(package) as zf:
        names = set(zf.namelist())
    for name, _ in ext.files:
        assert f"{stem}/reports/{name}" in names
    from_package, errors = arelle_facts(package, with_ids=True)
    assert errors == []
    from_xml, _ = arelle_facts(tmp_path / f"{stem}.xml", with_ids=True)
    assert from_package == from_xml


@pytest.mark.parametrize("path", DOCS[:1] + DOCS[2:3], ids=lambda p: p.stem)
@pytest.mark.parametrize("source", ["xml", "htm"])
def test_xbrl_json_export(path, source, tmp_path):
    mapped, ext, stem = _folder(path, tmp_path)
    out = export_xbrl_json(tmp_path / f"{stem}.{source}", tmp_path / "json" / f"{stem}.json")
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["documentInfo"]["documentType"] == XBRL_JSON_TYPE
    assert len(data["facts"]) == len(mapped.facts)
    facts = data["facts"]
    assert set(facts) == set(fact_ids(mapped))
    for fact_id, fact in zip(fact_ids(mapped), mapped.facts):
        got = facts[fact_id]
        assert got["dimensions"]["concept"] == fact.concept
        if fact.value is None:
            assert got["value"] is None
        elif isinstance(fact.value, Decimal):
            assert Decimal(got["value"]) == fact.value
            assert got["decimals"] == fact.decimals
            assert got["dimensions"]["unit"] in ("iso4217:USD", "xbrli:shares", "iso4217:USD/xbrli:shares")
        else:
            assert got["value"] == format_value(fact.value)


def test_xbrl_json_export_refuses_what_arelle_cannot_load(tmp_path):
    with pytest.raises(ValidationError):
        export_xbrl_json(tmp_path / "missing.xml", tmp_path / "out.json")
    broken = tmp_path / "broken.xml"
    broken.write_text("<xbrl>not an instance", encoding="utf-8")
    with pytest.raises(ValidationError):
        export_xbrl_json(broken, tmp_path / "out.json")
    assert not (tmp_path / "out.json").exists()
