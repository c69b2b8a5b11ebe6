"""The entity registry (converter/entities.py), its build script and how a release's entity is found."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from converter.entities import (Entity, EntityRegistry, load_entity_registry, load_listed, load_overrides,
                                name_key, ticker_forms)
from converter.errors import ConfigError
from converter.map import EntityId
from converter.model import DocumentInfo, Release
from converter.pipeline import NAME_SCHEME, TICKER_SCHEME, resolve_entity, with_ticker

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("XBRL_CONVERT_SHARED", ROOT.parent / "shared"))
SEC_LIST = SHARED / "entity-reference" / "company_tickers.json"

REGISTRY = EntityRegistry(
    overrides=(Entity("OLDX", "0000000042", "Oldex Instruments Corporation", "entities.yaml"),),
    listed=(Entity("NVLT", "0000000101", "NOVALITH CORP /DE/", "company_tickers.tsv"),
            Entity("NVLT-PA", "0000000101", "NOVALITH CORP /DE/", "company_tickers.tsv"),
            Entity("QRS-B", "0000000102", "QUARRISTONE HOLDINGS INC", "company_tickers.tsv"),
            Entity("QRS-A", "0000000102", "QUARRISTONE HOLDINGS INC", "company_tickers.tsv"),
            Entity("TWNA", "0000000103", "TWINCO INC", "company_tickers.tsv"),
            Entity("TWNB", "0000000104", "TWINCO INC /NV/", "company_tickers.tsv"),
            Entity("OLDX", "0000000999", "SOMEONE ELSE INC", "company_tickers.tsv")))


def _release(**info) -> Release:
    return Release("x.txt", DocumentInfo(**info), (), (), ())


def test_name_keys_ignore_case_punctuation_legal_forms_and_state_tags():
    assert name_key("The Novalith Corporation") == name_key("NOVALITH CORP /DE/") == "NOVALITH"
    assert name_key("U.S. Widgetcorp") == name_key("US WIDGETCORP DE") == "US WIDGETCORP"
    assert name_key("Fenwick & Co.") == name_key("FENWICK & COMPANY/MN") == "FENWICK"
    assert name_key("Quarristone Holdings, Inc.") == "QUARRISTONE HOLDINGS"


def test_tickers_are_found_in_share_class_and_otc_forms():
    assert ticker_forms("brk.b") == ["BRK.B", "BRK-B"]
    assert REGISTRY.by_ticker("QRS.B").cik == "0000000102"
    assert REGISTRY.by_ticker("QRS/A").ticker == "QRS-A"
    assert REGISTRY.by_ticker("NVLT.OB").ticker == "NVLT"
    assert REGISTRY.by_ticker("NOPE") is None and REGISTRY.by_ticker(None) is None


def test_overrides_win_and_names_find_the_first_ticker_of_one_registrant():
    assert REGISTRY.by_ticker("OLDX").cik == "0000000042"
    assert REGISTRY.by_name("The Novalith Corporation").ticker == "NVLT"
    assert REGISTRY.by_name("Twinco, Inc.") is None  # two registrants share the name
    assert REGISTRY.by_name("Oldex Instruments Corp.").cik == "0000000042"


def test_resolve_entity_order_and_registrant_name():
    found = resolve_entity(_release(ticker="NVLT", company_name="The Novalith Corporation"), REGISTRY, None)
    assert (found.cik, found.name, found.has_cik) == ("0000000101", "The Novalith Corporation", True)
    by_name = resolve_entity(_release(company_name="Novalith Corp."), REGISTRY, None)
    assert by_name.cik == "0000000101" and by_name.found_by.startswith("name")
    header = resolve_entity(_release(ticker="NVLT", cik="0000000777"), REGISTRY, None)
    assert header.cik == "0000000777" and header.name == "NOVALITH CORP /DE/"
    assert resolve_entity(_release(ticker="NVLT", cik="0000000777"), REGISTRY, "55").cik == "0000000055"


def test_a_reused_ticker_is_not_trusted_and_no_cik_is_invented():
    reused = resolve_entity(_release(ticker="NVLT", company_name="Brambleton Mills, Inc."), REGISTRY, None)
    assert (reused.scheme, reused.cik, reused.has_cik) == (TICKER_SCHEME, "NVLT", False)
    assert "listed for NOVALITH" in reused.warning
    unnamed = resolve_entity(_release(company_name="Brambleton Mills, Inc."), REGISTRY, None)
    assert (unnamed.scheme, unnamed.cik) == (NAME_SCHEME, "BRAMBLETON MILLS") and unnamed.warning
    with pytest.raises(Exception, match="no CIK, ticker or company name"):
        resolve_entity(_release(), REGISTRY, None)


def test_a_cik_finds_its_first_listed_ticker_and_overrides_win():
    assert REGISTRY.by_cik("0000000102").ticker == "QRS-B"  # the SEC lists a registrant's main class first
    assert REGISTRY.by_cik("0000000042").ticker == "OLDX"
    assert REGISTRY.by_cik("0000000555") is None and REGISTRY.by_cik(None) is None


@pytest.mark.parametrize(("printed", "cik", "ticker"), [
    ("NVLT", "0000000101", "NVLT"),        # printed and listed for the CIK
    (None, "0000000101", "NVLT"),          # a 10-Q or exhibit without "(NASDAQ: NVLT)": the registry's
    ("QRS.A", "0000000102", "QRS.A"),      # a share class of the CIK, as printed
    ("TWNA", "0000000101", "NVLT"),        # printed for another registrant: the CIK's own ticker
    ("ZZZ", "0000000555", "ZZZ"),          # a CIK the registry does not list: the printed one
    (None, "0000000555", None),
])
def test_the_entity_takes_its_ticker_printed_or_listed_for_its_cik(printed, cik, ticker):
    entity = with_ticker(EntityId(cik=cik, name="Novalith"), _release(ticker=printed), REGISTRY)
    assert entity.ticker == ticker


def test_an_entity_without_a_cik_gets_no_listed_ticker():
    entity = EntityId(cik="NVLT", name="x", scheme=TICKER_SCHEME)
    assert with_ticker(entity, _release(ticker="NVLT"), REGISTRY).ticker is None


def test_shipped_registry_keeps_the_seed_and_fixture_ciks():
    registry = load_entity_registry()
    assert registry.by_ticker("CPST").cik == "0001009759"
    assert registry.by_ticker("HLMR").cik == "0009990001"
    assert len(registry.listed) > 10000
    assert all(len(e.cik) == 10 for e in registry.listed)


def test_registry_files_are_validated(tmp_path):
    bad = tmp_path / "entities.yaml"
    bad.write_text("entities:\n  - ticker: ABC\n    cik: 12x\n    name: Abc\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="cik must be"):
        load_overrides(bad)
    tsv = tmp_path / "list.tsv"
    tsv.write_text("# header\nABC\t12\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="tabs"):
        load_listed(tsv)


@pytest.mark.skipif(not SEC_LIST.is_file(), reason="no ../shared/entity-reference/company_tickers.json")
def test_shipped_ticker_list_is_the_build_of_the_sec_list(tmp_path):
    out = tmp_path / "company_tickers.tsv"
    subprocess.run([sys.executable, str(ROOT / "scripts" / "build_entity_registry.py"), "--source", str(SEC_LIST),
                    "--output", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == (ROOT / "taxonomy_map" / "company_tickers.tsv").read_bytes()


def test_entity_id_defaults_to_the_cik_scheme():
    assert EntityId("0000000001", "X").has_cik


def test_a_release_without_a_printed_ticker_names_its_extension_by_the_cik_s_ticker(tmp_path):
    # the fixture with its "(NYSE: PLHM)" left out: the CIK found by the company's name lists PLHM
    from converter.api import convert_file

    text = (ROOT / "tests" / "fixtures" / "releases" / "pellham-outdoor-q1-2025.txt").read_text(encoding="utf-8")
    assert "(NYSE: PLHM)" in text
    release = tmp_path / "pellham.txt"
    release.write_text(text.replace(" (NYSE: PLHM)", ""), encoding="utf-8")
    convert_file(release, tmp_path / "out", validate=False)
    schemas = sorted(p.name for p in (tmp_path / "out").rglob("*.xsd"))
    assert schemas == ["plhm-20250331.xsd"]
