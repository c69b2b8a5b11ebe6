"""Fixtures shared by several test modules."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from converter.cli import main

HALMER = Path(__file__).resolve().parents[1] / "examples" / "halmer-robotics-q2-2024.txt"


@pytest.fixture(scope="session")
def halmer_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The release folder of the bundled Halmer Robotics example, converted once with default
    output (instance, extension taxonomy, inline document). Tests that change a file copy it first."""
    out = tmp_path_factory.mktemp("halmer") / "out"
    result = CliRunner().invoke(main, ["convert", str(HALMER), "--out", str(out), "--jobs", "1"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return out / HALMER.stem
