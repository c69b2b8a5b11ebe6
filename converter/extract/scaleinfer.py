"""A scale the release never prints, read from its own words.

Some releases print their tables in thousands without saying so anywhere ("Net income 3,983"
beside a narrative that says "net income of $4.0 million"). When no statement states a scale,
the amounts the narrative gives in millions or billions are compared with the table figures at
each scale: the scale under which the narrative's amounts are found in the tables (within the
narrative's rounding) is the tables' scale, and each statement says so in its notes.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal, InvalidOperation

from converter.model import CellKind, Scale, Statement

from .reader import Line

_AMOUNT_RE = re.compile(r"\$\s?(\d{1,4}(?:,\d{3})*(?:\.\d{1,3})?)\s*(million|billion)\b", re.I)
_WORDS = {"million": 6, "billion": 9}
_CANDIDATES = (0, 3, 6)  # units, thousands, millions
_MIN_MATCHES = 2


def _narrative_amounts(lines: list[Line]) -> list[tuple[Decimal, Decimal]]:
    """(amount in units, half a unit of its last printed digit) for each "$4.0 million"."""
    out = []
    for line in lines:
        for match in _AMOUNT_RE.finditer(line.text):
            try:
                number = Decimal(match[1].replace(",", ""))
            except InvalidOperation:
                continue
            exponent = _WORDS[match[2].lower()]
            places = len(match[1].split(".")[1]) if "." in match[1] else 0
            out.append((number.scaleb(exponent), Decimal(5).scaleb(exponent - places - 1)))
    return out


def _matches(amounts: list[tuple[Decimal, Decimal]], figures: set[Decimal], exponent: int) -> int:
    scaled = sorted(v.scaleb(exponent) for v in figures)
    return sum(1 for amount, tolerance in amounts if any(abs(v - amount) <= tolerance for v in scaled))


def infer_scale(statements: list[Statement], lines: list[Line]) -> list[Statement]:
    """`statements` with the scale their figures take in the narrative, when none is printed."""
    if not statements or any(s.scale.text or s.scale.exponent for s in statements):
        return statements
    figures = {abs(c.value) for s in statements for item in s.items for c in item.cells
               if c.kind is CellKind.NUMBER and c.value is not None and c.decimals_printed == 0 and c.value}
    amounts = _narrative_amounts(lines)
    if not amounts or not figures:
        return statements
    counts = {e: _matches(amounts, figures, e) for e in _CANDIDATES}
    best = max(_CANDIDATES, key=lambda e: (counts[e], -e))
    if best == 0 or counts[best] < _MIN_MATCHES or counts[best] <= counts[0]:
        return statements
    words = {3: "thousands", 6: "millions"}[best]
    note = (f"no scale is printed: figures read in {words}, as {counts[best]} of the {len(amounts)} "
            f"amounts the narrative states in millions or billions are found in the tables at that scale")
    scale = Scale(exponent=best, shares_scaled=False, text="")
    return [replace(s, scale=scale, notes=s.notes + (note,)) for s in statements]
