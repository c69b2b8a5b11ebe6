"""The installed tool, from its wheel, in a fresh virtual environment: build-package with a custom
concept table using a US-GAAP concept outside the shipped subset, then convert with it, from a
temporary working folder (no checkout, no ../shared). Offline: the wheel is built without build
isolation and installed with --no-deps --no-index; its dependencies come from this environment."""

from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
FIXED_EXAMPLE = ROOT / "examples" / "bridgewell-instruments-q1-2025.txt"


def _run(*args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False,
                          timeout=1200)


def _wheel(tmp_path: Path) -> Path:
    source = tmp_path / "src"  # a clean copy: nothing left over from an earlier in-tree build
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, source / name)
    for folder in ("converter", "taxonomy_map"):
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    dist = tmp_path / "dist"
    done = _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                "-w", dist, source, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    (wheel,) = dist.glob("xbrl_convert-*.whl")
    return wheel


@pytest.mark.slow
def test_wheel_installs_and_builds_a_package_for_a_custom_table(tmp_path: Path) -> None:
    wheel = _wheel(tmp_path)
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
    assert {"converter/py.typed", "taxonomy_map/us-gaap-2024-elements.tsv", "taxonomy_map/dei-2024-elements.tsv",
            "taxonomy_map/dei-2024-types.xsd", "taxonomy_map/us-gaap-2024-offline.zip"} <= names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)

    venv = tmp_path / "venv"
    done = _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    python = venv / "bin" / "python"
    purelib = Path(_run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])",
                        cwd=tmp_path).stdout.strip())
    done = _run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index", wheel,
                cwd=tmp_path)
    if done.returncode != 0 and "no such option: --python" in done.stderr:  # pip < 22.3
        done = _run(sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--prefix", venv, wheel,
                    cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    # the dependencies from this environment (a .pth line, after the venv's own site-packages); written
    # after the install, else pip finds this environment's own (non-editable) copy and installs nothing
    (purelib / "deps.pth").write_text("\n".join(site.getsitepackages()) + "\n", encoding="utf-8")
    where = _run(python, "-c", "import converter, taxonomy_map; print(converter.__file__, taxonomy_map.__file__)",
                 cwd=tmp_path).stdout.split()
    assert where and all(Path(w).is_relative_to(venv) for w in where), where

    work = tmp_path / "work"  # no ../shared from here
    work.mkdir()
    assert not (work.parent / "shared").exists()
    table = yaml.safe_load((ROOT / "taxonomy_map" / "concepts.yaml").read_text(encoding="utf-8"))
    table["concepts"].insert(0, {"concept": "us-gaap:PrepaidInsurance", "type": "monetaryItemType",
                                 "period": "instant", "balance": "debit", "statement": "balance_sheet",
                                 "labels": ["prepaid insurance"]})
    (work / "custom.yaml").write_text(yaml.safe_dump(table, sort_keys=False), encoding="utf-8")
    release = FIXED_EXAMPLE.read_text(encoding="utf-8").replace("Short-term investments", "Prepaid insurance     ")
    (work / "brightwater-q1.txt").write_text(release, encoding="utf-8")
    tool = venv / "bin" / "xbrl-convert"

    refused = _run(tool, "convert", "brightwater-q1.txt", "--concepts", "custom.yaml", "--out", "out0", cwd=work)
    assert refused.returncode == 2 and "us-gaap:PrepaidInsurance" in refused.stderr, refused.stderr
    built = _run(tool, "build-package", "--concepts", "custom.yaml", "--out", "custom-pkg.zip", cwd=work)
    assert built.returncode == 0, built.stdout + built.stderr
    done = _run(tool, "convert", "brightwater-q1.txt", "--concepts", "custom.yaml", "--taxonomy-package",
                "custom-pkg.zip", "--out", "out", "--jobs", "1", cwd=work)
    assert done.returncode == 0, done.stdout + done.stderr
    report = json.loads((work / "out" / "brightwater-q1" / "report.json").read_text(encoding="utf-8"))
    assert report["status"] == "valid"
    assert report["validation"]["errors"] == 0
    assert "custom-pkg.zip" in report["validation"]["taxonomy_source"]
    prepaid = [f for f in report["facts"] if f["concept"] == "us-gaap:PrepaidInsurance"]
    assert sorted(f["value"] for f in prepaid) == ["4000000", "5000000"], prepaid
