"""A row that only says "- Diluted" under a row "... - Basic" is read under the first row's stem."""

from __future__ import annotations

from converter.concepts import concept_table
from converter.extract import extract_text
from converter.map import match_line_item

RELEASE = """Made Up Scanners, Inc. Reports First Quarter Results

MADE UP SCANNERS, INC.
CONSOLIDATED STATEMENTS OF OPERATIONS
(In thousands, except per share data)

\tThree Months Ended March 31,\t
\t2005\t2004
Net sales\t$ 9,000\t$ 8,000
Cost of sales\t6,000\t5,500
\t-----\t-----
Gross profit\t3,000\t2,500
Selling, general and administrative\t1,800\t1,700
\t-----\t-----
Net income\t$ 1,200\t$ 800
\t=====\t=====
Net income per share - Basic\t$ 0.12\t$ 0.08
                  - Diluted\t$ 0.11\t$ 0.08
Weighted average number of shares outstanding - Basic\t10,000\t9,900
                  - Diluted\t10,500\t10,200
"""


def _rows():
    (ops,) = extract_text(RELEASE, "made-up.txt").statements
    return ops, [item for item in ops.items if "iluted" in item.label]


def test_diluted_rows_take_the_stem_of_the_basic_row_above_as_their_heading():
    _, (eps, shares) = _rows()
    assert eps.section[-1] == "Net income per share"
    assert shares.section[-1] == "Weighted average number of shares outstanding"


def test_diluted_rows_map_to_diluted_eps_and_diluted_shares():
    ops, (eps, shares) = _rows()
    table = concept_table()
    assert match_line_item(table, ops.kind, eps).entry.concept == "us-gaap:EarningsPerShareDiluted"
    assert match_line_item(table, ops.kind, shares).entry.concept == \
        "us-gaap:WeightedAverageNumberOfDilutedSharesOutstanding"


def test_a_diluted_row_after_a_row_not_ending_in_basic_keeps_its_section():
    text = RELEASE.replace("Net income per share - Basic", "Net income per share")
    (ops,) = extract_text(text, "made-up.txt").statements
    first_diluted = next(item for item in ops.items if "iluted" in item.label)
    assert "Net income per share" not in first_diluted.section
