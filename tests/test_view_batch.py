"""`view` on a batch output folder: a viewer for every release folder in it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from converter.cli import main

ROOT = Path(__file__).resolve().parents[1]


def test_view_on_a_batch_folder_builds_every_release(tmp_path: Path) -> None:
    pytest.importorskip("iXBRLViewerPlugin")
    out = tmp_path / "out"
    converted = CliRunner().invoke(main, ["convert", str(ROOT / "examples"), "--out", str(out), "--no-validate",
                                          "--jobs", "1"], catch_exceptions=False)
    assert converted.exit_code == 0, converted.output
    result = CliRunner().invoke(main, ["view", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert (out / "halmer-robotics-q2-2024" / "hlmr-20240630-viewer.html").is_file()
    assert (out / "bridgewell-instruments-q1-2025" / "brdg-20250331-viewer.html").is_file()
    assert "oakvale-foods-dividend-2025: skipped: no Inline XBRL document (no-statements)" in result.output


def test_view_on_a_folder_without_releases_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(main, ["view", str(tmp_path / "empty")], catch_exceptions=False)
    assert result.exit_code != 0 and "not a converted release folder" in result.output
