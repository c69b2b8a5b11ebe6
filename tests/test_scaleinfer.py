"""A scale the release never prints is read from the amounts its narrative states."""

from __future__ import annotations

from converter.extract import extract_text

TABLE = """Kelridge Savings Corp. Reports Third Quarter Results

KELRIDGE, Ore. -- Net income for the quarter was $4.0 million, or $0.40 per diluted share,
compared to $3.2 million a year ago. Total assets grew to $1.08 billion.

CONSOLIDATED STATEMENTS OF INCOME
\tThree Months Ended December 31,
\t2005\t2004
Interest income\t14,120\t12,330
Interest expense\t6,100\t5,700
Net interest income\t8,020\t6,630
Net income\t3,983\t3,224
Diluted earnings per share\t$ 0.40\t$ 0.31
"""


def test_an_unprinted_scale_is_taken_from_the_narrative_amounts():
    (st,) = extract_text(TABLE, "kelridge.txt").statements
    assert st.scale.exponent == 3
    assert any("no scale is printed: figures read in thousands" in note for note in st.notes)


def test_figures_printed_in_full_stay_in_units():
    text = TABLE.replace("3,983\t3,224", "3,983,000\t3,224,000").replace("14,120\t12,330", "14,120,000\t12,330,000")
    text = text.replace("6,100\t5,700", "6,100,000\t5,700,000").replace("8,020\t6,630", "8,020,000\t6,630,000")
    (st,) = extract_text(text, "kelridge.txt").statements
    assert st.scale.exponent == 0 and not st.notes


def test_a_printed_scale_is_never_second_guessed():
    text = TABLE.replace("CONSOLIDATED STATEMENTS OF INCOME\n", "CONSOLIDATED STATEMENTS OF INCOME\n(In millions)\n")
    (st,) = extract_text(text, "kelridge.txt").statements
    assert st.scale.exponent == 6
