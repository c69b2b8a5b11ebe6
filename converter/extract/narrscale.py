"""A statement that prints no scale line takes its scale from the release's own narrative.

    infer_scales(statements, lines) -> statements

Some releases print tables in thousands without saying so anywhere ("Net income  3,983"
while the text says "net income of $4.0 million"). For a statement with no scale text, the
amounts the narrative states ("$4.0 million", "$1.08 billion", "$3,983,000") are compared with
the statement's amounts read in units, in thousands and in millions: the scale under which at
least two narrative amounts are found in the table (within the narrative's rounding), and
more of them than under any other scale, is taken, and noted in the statement's notes.
Share counts printed in full (a million or more) are then not scaled; per-share amounts never are.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from converter.model import CellKind, Scale, Statement

from .reader import Line

_AMOUNT_RE = re.compile(r"\$\s?(\d{1,3}(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s+(million|billion))?\b", re.I)
_TABLE_ROW_RE = re.compile(r"\S\s{3,}\S")
_WORDS = {"million": 6, "billion": 9}


def _narrative_amounts(lines: list[Line]) -> list[tuple[Decimal, Decimal]]:
    """(amount in units, half of its last printed digit) of each dollar amount in the text."""
    out = []
    for line in lines:
        if _TABLE_ROW_RE.search(line.text):
            continue  # a table row, not running text
        for match in _AMOUNT_RE.finditer(line.text):
            digits = match[1].replace(",", "")
            exponent = _WORDS.get((match[2] or "").lower(), 0)
            value = Decimal(digits).scaleb(exponent)
            places = len(digits.split(".")[1]) if "." in digits else 0
            if value < 1000:
                continue
            out.append((value, Decimal(5).scaleb(exponent - places - 1)))
    return out


def _hits(statement: Statement, amounts: list[tuple[Decimal, Decimal]], exponent: int) -> int:
    values = {abs(c.value).scaleb(exponent) for item in statement.items for c in item.cells
              if c.kind is CellKind.NUMBER and c.value is not None and c.decimals_printed == 0 and abs(c.value) >= 100}
    return sum(1 for amount, tol in amounts if any(abs(v - amount) <= tol for v in values))


def infer_scales(statements: list[Statement], lines: list[Line]) -> list[Statement]:
    """The statements, those printed without a scale given the one the narrative implies
    (one scale for all of them: a release prints its tables alike)."""
    bare = [st for st in statements if st.scale.exponent == 0 and not st.scale.text]
    if not bare:
        return statements
    amounts = _narrative_amounts(lines)
    scores = {e: sum(_hits(st, amounts, e) for st in bare) for e in (0, 3, 6)}
    best = max((3, 6), key=lambda e: scores[e])
    if not (scores[best] >= 2 and scores[best] > scores[0] and scores[best] > scores[9 - best]):
        return statements
    unit = "thousands" if best == 3 else "millions"
    note = (f"no scale printed: amounts taken in {unit}, as {scores[best]} amounts stated in the release's "
            f"text are found in its unscaled tables at that scale")
    out = []
    for st in statements:
        if st not in bare:
            out.append(st)
            continue
        shares_full = any(c.value is not None and abs(c.value) >= 1_000_000 for item in st.items for c in item.cells
                          if re.search(r"shares|basic|diluted", item.label, re.I) and not c.decimals_printed)
        out.append(replace(st, scale=Scale(best, not shares_full, ""), notes=st.notes + (note,)))
    return out
