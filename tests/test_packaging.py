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


PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
LOWEST = ROOT / ".ci" / "constraints-lowest.txt"


def _lower_bounds() -> dict[str, str]:
    """Every dependency (runtime, extras, build system) -> its lower bound, as pyproject.toml says."""
    import re

    specs = [*PROJECT["project"]["dependencies"], *PROJECT["build-system"]["requires"]]
    for extra in PROJECT["project"]["optional-dependencies"].values():
        specs += extra
    out: dict[str, str] = {}
    for spec in specs:
        found = re.fullmatch(r"([A-Za-z0-9_.-]+)(?:\[([a-z,]+)\])?>=([0-9][0-9.]*)", spec)
        assert found, f"{spec}: every dependency needs a tested lower bound (name>=version)"
        name, extras, version = found.groups()
        assert out.setdefault(name.lower(), version) == version, f"{name}: two lower bounds"
        for extra in (extras or "").split(","):
            if extra:  # dask[distributed]: distributed is pinned with dask's version
                out.setdefault(extra, version)
    return out


def test_the_lowest_constraints_pin_every_lower_bound():
    pins = {}
    for line in LOWEST.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[name.strip().lower()] = version.strip()
    assert pins == _lower_bounds()


def test_ci_runs_tests_with_the_lowest_versions():
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "-c .ci/constraints-lowest.txt" in script and ".venv-lowest/bin/python -m pytest" in script


def test_license_and_type_marker_ship():
    license_text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert license_text.startswith("MIT License") and "xbrl-convert contributors" in license_text
    assert PROJECT["project"]["license"] == "MIT"
    assert (ROOT / "converter" / "py.typed").is_file()
    assert "py.typed" in CONFIG["package-data"]["converter"]


def test_every_json_schema_is_included():
    patterns = CONFIG["package-data"]["converter"]
    schemas = [p.relative_to(ROOT / "converter").as_posix() for p in (ROOT / "converter" / "schemas").iterdir()]
    assert schemas and all(any(fnmatch.fnmatch(name, pat) for pat in patterns) for name in schemas)
