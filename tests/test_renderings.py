"""The same release saved as other tools save it (scripts/render_corpus.py: markdown pipe tables
cell for cell, with colspans padded, dropped or their empty columns removed; a text-browser
dump; tables copied from a browser, a tab between cells; pandoc grid tables, cells wrapped over
lines) reads to the same statement figures as its HTML. Fixtures are invented."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
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


@pytest.mark.parametrize("style", ["span", "plain", "compact", "text", "tabs", "grid"])
@pytest.mark.parametrize("path", RELEASES, ids=lambda p: p.name)
def test_a_rendering_reads_to_the_figures_of_its_html(path: Path, style: str) -> None:
    html = extract_text(path.read_text(encoding="utf-8"), path.name)
    text = _renderer().render(path, style)
    assert ("|---|" in text) is (style not in ("text", "tabs", "grid")) and ("\t" in text) is (style == "tabs")
    assert ("+===" in text) is (style == "grid")
    rendered = extract_text(text, path.stem + (".txt" if style in ("text", "tabs") else ".md"))
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


# a trend table saved without its colspans: "SIX MONTHS ENDED JUNE 30," lands over a quarter's
# column, whose own heading ("4Q20") names its whole period
QUARTERS_UNDER_A_BAND = """\
# Harbor Point Bancorp Reports Second Quarter 2021 Results

Harbor Point Bancorp (NYSE: HPB) today reported results for the second quarter ended June 30, 2021.

## CONSOLIDATED STATEMENTS OF INCOME
(in millions, except per share data)

|  | QUARTERLY TRENDS |  | SIX MONTHS ENDED JUNE 30, |  |  |
|---|---|---|---|---|---|
| REVENUE | 2Q21 | 1Q21 | 4Q20 | 2021 | 2020 |
| Noninterest revenue | 1,738 | 1,937 | 1,607 | 3,675 | 3,306 |
| Net interest income | 1,274 | 1,288 | 1,325 | 2,562 | 2,829 |
| TOTAL NET REVENUE | 3,012 | 3,225 | 2,932 | 6,237 | 6,135 |
| Income tax expense | 314 | 339 | 304 | 653 | 131 |
| NET INCOME | $ 1,194 | $ 1,430 | $ 1,213 | $ 2,624 | $ 755 |
"""


def test_a_quarter_heading_under_a_band_of_other_columns_keeps_its_own_period() -> None:
    (ops,) = extract_text(QUARTERS_UNDER_A_BAND, "trends.md").statements
    assert [(p.start, p.end) for p in ops.periods] == [
        (date(2021, 4, 1), date(2021, 6, 30)), (date(2021, 1, 1), date(2021, 3, 31)),
        (date(2020, 10, 1), date(2020, 12, 31)), (date(2021, 1, 1), date(2021, 6, 30)),
        (date(2020, 1, 1), date(2020, 6, 30))]
    assert [c.value for c in ops.items[-1].cells] == [Decimal(1194), Decimal(1430), Decimal(1213), Decimal(2624),
                                                      Decimal(755)]
