"""The same release saved as other tools save it (scripts/render_corpus.py: markdown pipe tables
cell for cell, with colspans padded, dropped or their empty columns removed; a text-browser
dump) reads to the same statement figures as its HTML. Fixtures are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from converter.extract import extract_text
from scriptkit import load_script

ROOT = Path(__file__).resolve().parents[1]
RELEASES = [ROOT / "tests" / "fixtures" / "releases" / name
            for name in ("corvane-systems-q3-2024.htm", "teskara-networks-fy2024.html")]


def _renderer():
    return load_script("render_corpus")


def _figures(release) -> set[tuple]:
    return {(s.kind, p, cell.value) for s in release.statements for item in s.items
            for cell, p in zip(item.cells, s.periods) if cell.value is not None}


@pytest.mark.parametrize("style", ["span", "plain", "compact", "text"])
@pytest.mark.parametrize("path", RELEASES, ids=lambda p: p.name)
def test_a_rendering_reads_to_the_figures_of_its_html(path: Path, style: str) -> None:
    html = extract_text(path.read_text(encoding="utf-8"), path.name)
    text = _renderer().render(path, style)
    assert ("|---|" in text) is (style != "text")
    rendered = extract_text(text, path.stem + (".txt" if style == "text" else ".md"))
    assert [s.kind for s in rendered.statements] == [s.kind for s in html.statements]
    assert _figures(rendered) == _figures(html)
