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


# the label column's header cell spans the two header rows (rowspan) and three columns (colspan),
# as in an oil major's 10-Q; a converter that ignores rowspans prints the years' row without it
ROWSPAN_LABEL = """<html><body>
<p>HALDANE PETROLEUM CORPORATION</p>
<p>CONDENSED CONSOLIDATED STATEMENT OF INCOME</p>
<table>
<tr><td colspan="3" rowspan="2">(millions of dollars, unless noted)</td>
<td colspan="6">Three Months Ended June 30,</td><td colspan="6">Six Months Ended June 30,</td></tr>
<tr><td colspan="3">2025</td><td colspan="3">2024</td><td colspan="3">2025</td><td colspan="3">2024</td></tr>
<tr><td colspan="3">Sales and other operating revenue</td><td>$</td><td>79,477</td><td></td><td>$</td><td>89,986</td><td></td>
<td>$</td><td>160,535</td><td></td><td>$</td><td>170,397</td><td></td></tr>
<tr><td colspan="3">Income from equity affiliates</td><td></td><td>1,462</td><td></td><td></td><td>1,744</td><td></td>
<td></td><td>2,831</td><td></td><td></td><td>3,586</td><td></td></tr>
<tr><td colspan="3">Total revenues and other income</td><td></td><td>80,939</td><td></td><td></td><td>91,730</td><td></td>
<td></td><td>163,366</td><td></td><td></td><td>173,983</td><td></td></tr>
<tr><td colspan="3">Net income</td><td>$</td><td>7,354</td><td></td><td>$</td><td>9,571</td><td></td>
<td>$</td><td>15,387</td><td></td><td>$</td><td>18,137</td><td></td></tr>
</table>
</body></html>
"""


@pytest.mark.parametrize("style", ["span", "plain", "compact", "text"])
def test_a_years_row_that_lost_its_label_cell_to_a_rowspan(tmp_path: Path, style: str) -> None:
    path = tmp_path / "haldane.htm"
    path.write_text(ROWSPAN_LABEL, encoding="utf-8")
    html = extract_text(ROWSPAN_LABEL, path.name)
    text = _renderer().render(path, style)
    if style != "text":  # a text browser keeps the spanned columns free; a markdown converter does not
        assert "\n| 2025 |" in text.replace("|  |", "|")  # the years' row opens in the label column
    rendered = extract_text(text, "haldane.txt" if style == "text" else "haldane.md")
    assert [s.periods for s in rendered.statements] == [s.periods for s in html.statements]
    assert len(html.statements[0].periods) == 4
    assert _figures(rendered) == _figures(html)


SHIFTED = """# Quillfeather Savings Corp. Reports First Quarter Results

| CONSOLIDATED STATEMENTS OF INCOME | Quarter Ended | Three Month | Quarter Ended | One Year | Quarter Ended |  |  |  |
|---|---|---|---|---|---|---|---|---|
| (unaudited) (in 000s, except share data) | June 30, 2008 | Change | Mar 31, 2008 | Change | June 30, 2007 |  |  |  |
| Interest income: |  |  |  |  |  |  |  |  |
| Interest on loans | $ | 20,446 |  | -10% | $ 22,637 | -14% | $ 23,884 |  |
| Interest and dividends on securities | 961 |  | 6% | 906 | -5% | 1,014 |  |  |
| Total interest income |  | 21,407 |  | -9% | 23,543 | -14% | 24,898 |  |
| Net income | 2,100 |  | -44% | 3,772 | -50% | 4,210 |  |  |
"""


def test_a_row_standing_off_its_headers_with_a_figure_under_a_change_column():
    """A pipe table saved with its colspans dropped (Horizon Financial, 2008): each row stands
    off the headers its own way; "906" (March 2008) lies under a change column and was dropped,
    so that total interest income did not add up. A row of one figure per period whose changes
    are percentages is read in order."""
    (st,) = extract_text(SHIFTED, "shifted.md").statements
    securities = next(item for item in st.items if item.label.startswith("Interest and dividends"))
    assert [c.value for c in securities.cells] == [961, 906, 1014]
