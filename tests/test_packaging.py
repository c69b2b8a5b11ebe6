"""The wheel carries every package and data file (the tool must work installed, not only from a checkout)."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_package_folder_is_listed():
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in ROOT.glob("converter/**/__init__.py")}
    found |= {"taxonomy_map"}
    assert found == set(CONFIG["packages"])


def test_every_data_file_is_included():
    patterns = CONFIG["package-data"]["taxonomy_map"]
    data = [p.name for p in (ROOT / "taxonomy_map").iterdir() if p.is_file() and p.suffix != ".py"]
    assert data and all(any(fnmatch.fnmatch(name, pat) for pat in patterns) for name in data)


def test_every_json_schema_is_included():
    patterns = CONFIG["package-data"]["converter"]
    schemas = [p.relative_to(ROOT / "converter").as_posix() for p in (ROOT / "converter" / "schemas").iterdir()]
    assert schemas and all(any(fnmatch.fnmatch(name, pat) for pat in patterns) for name in schemas)
