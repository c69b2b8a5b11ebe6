"""The Python API: `from converter import convert_file` and friends."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import converter
from converter import ConversionError, ConversionResult, Status, build_taxonomy_package, convert_file
from converter.errors import ConfigError
from converter.validate import shipped_package_path

ROOT = Path(__file__).resolve().parents[1]
FIXED_EXAMPLE = ROOT / "examples" / "bridgewell-instruments-q1-2025.txt"


def test_every_exported_name_resolves() -> None:
    assert set(converter.__all__) >= {"convert_file", "ConversionError", "ConversionResult", "__version__"}
    for name in converter.__all__:
        assert getattr(converter, name) is not None
    with pytest.raises(AttributeError):
        converter.no_such_name  # noqa: B018


def test_importing_a_submodule_does_not_load_the_pipeline() -> None:
    done = subprocess.run([sys.executable, "-c", "import sys, converter.errors; print('converter.pipeline' in sys.modules)"],
                          capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.strip() == "False"


def test_convert_file_writes_the_release_folder(tmp_path: Path) -> None:
    result = convert_file(FIXED_EXAMPLE, tmp_path / "out", validate=False, namespace="urn:example:xbrl")
    assert isinstance(result, ConversionResult)
    assert result.status is Status.VALID and result.ok and result.facts > 50
    folder = tmp_path / "out" / FIXED_EXAMPLE.stem
    assert Path(result.instance or "") == folder / "brdg-20250331.xml"
    assert json.loads((folder / "report.json").read_text(encoding="utf-8"))["status"] == "valid"
    assert 'targetNamespace="urn:example:xbrl/brdg/20250331"' in (folder / "brdg-20250331.xsd").read_text(encoding="utf-8")
    assert not (tmp_path / "out" / "summary.json").exists()


def test_a_document_that_fails_is_a_result_not_an_exception(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    result = convert_file(empty, tmp_path / "out")
    assert result.status is Status.FAILED and not result.ok and result.message


def test_configuration_problems_raise_before_converting(tmp_path: Path) -> None:
    table = tmp_path / "t.yaml"
    table.write_text("concepts:\n  - {concept: us-gaap:PrepaidInsurance, type: monetaryItemType, period: instant,"
                     " balance: debit}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="us-gaap:PrepaidInsurance"):
        convert_file(FIXED_EXAMPLE, tmp_path / "out", concepts=table)
    with pytest.raises(ConversionError, match="absolute URI"):
        convert_file(FIXED_EXAMPLE, tmp_path / "out", namespace="example.com")
    with pytest.raises(ConversionError, match="no such file"):
        convert_file(tmp_path / "missing.txt", tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_build_taxonomy_package(tmp_path: Path) -> None:
    written = build_taxonomy_package(tmp_path / "pkg.zip")
    assert written.read_bytes() == shipped_package_path().read_bytes()
