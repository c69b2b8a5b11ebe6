"""Statement column headers -> Periods, and the scale line -> Scale."""

from __future__ import annotations

import re
from dataclasses import dataclass

from converter.errors import ExtractionError
from converter.model import Period, Scale, StatementKind

from .dates import DATE_RE, MONTHDAY_RE, YEAR_RE, make_date, months_before

_NUMBER_WORDS = {"one": 1, "three": 3, "six": 6, "nine": 9, "twelve": 12, "fifty-two": 12, "52": 12}
DURATION_RE = re.compile(
    r"\b(?:(?P<n>three|six|nine|twelve|one|\d{1,2})[\s-]+months?|(?P<q>quarters?)|(?P<y>(?:fiscal\s+)?years?))"
    r"\s+(?:ended|ending|end)\b",
    re.I,
)
_FILLER_RE = re.compile(
    r"\b(?:un)?audited\b|\b(?:ended|ending|end|and|as|of|at|for|the"
    r"|fiscal|periods?|months?|quarters?|years?|three|six|nine|twelve|weeks?|restated)\b",
    re.I,
)
_PAREN_RE = re.compile(r"\(([^()]*)\)")
_SCALE_WORDS = re.compile(r"thousand|million|billion|unaudited|dollars|amounts", re.I)


@dataclass(frozen=True)
class Seg:
    """Header text covering value columns lo..hi (inclusive, 0-based)."""

    text: str
    lo: int
    hi: int


def is_scale_text(text: str) -> bool:
    """A parenthetical like "(In thousands, except per share data)" or "(Unaudited)"."""
    inner = text.strip()
    return inner.startswith("(") and inner.endswith(")") and bool(_SCALE_WORDS.search(inner))


def parse_scale(texts: list[str]) -> Scale:
    """Scale from the statement's parenthetical lines."""
    for text in texts:
        low = text.lower()
        exponent = 9 if "billion" in low else 6 if "million" in low else 3 if "thousand" in low else None
        if exponent is None:
            continue
        clause = low.split("except", 1)[1] if "except" in low else ""
        shares_apart = bool(re.search(r"(?<!per )(?<!per-)\bshares?\b(?![- ]?per)", clause))
        return Scale(exponent, not shares_apart, text.strip())
    return Scale()


def is_header_text(text: str) -> bool:
    """True when text only names periods: dates, years, "Three Months Ended", "(Unaudited)"."""
    if not re.search(rf"{YEAR_RE.pattern}|{MONTHDAY_RE.pattern}|{DURATION_RE.pattern}", text, re.I):
        return False
    rest = _PAREN_RE.sub(lambda m: "" if _SCALE_WORDS.search(m[1]) else m[0], text)
    rest = DATE_RE.sub(" ", rest)
    rest = MONTHDAY_RE.sub(" ", rest)
    rest = YEAR_RE.sub(" ", rest)
    rest = _FILLER_RE.sub(" ", rest)
    rest = re.sub(r"[-=_]{3,}", " ", rest)
    return not re.sub(r"[\s,.:;()\-–—]", "", rest)


def resolve_periods(lines: list[list[Seg]], n: int, kind: StatementKind, where: str) -> tuple[Period, ...]:
    """One Period per value column from header segments (outermost header line first)."""
    return tuple(_column_period(lines, col, kind, where) for col in range(n))


def _column_period(lines: list[list[Seg]], col: int, kind: StatementKind, where: str) -> Period:
    segs = [seg for line in lines for seg in line if seg.lo <= col <= seg.hi]
    text = " ".join(seg.text for seg in segs)
    year = _column_year(segs, col)
    monthday = MONTHDAY_RE.search(text)
    if year is None or monthday is None:
        raise ExtractionError(f"cannot read the period of column {col + 1} from header {text!r}", where=where)
    end = make_date(monthday["month"], monthday["day"], year)
    if end is None:
        raise ExtractionError(f"invalid date in column header {text!r}", where=where)
    if kind is StatementKind.BALANCE_SHEET:
        return Period(end)
    months = duration_months(text)
    if months is None:
        raise ExtractionError(f"column header {text!r} names no period length", where=where)
    return Period(end, months_before(end, months))


def _column_year(segs: list[Seg], col: int) -> int | None:
    for seg in reversed(segs):
        years = YEAR_RE.findall(seg.text)
        if years:
            index = col - seg.lo if len(years) == seg.hi - seg.lo + 1 else 0
            return int(years[index])
    return None


def duration_months(text: str) -> int | None:
    match = DURATION_RE.search(text)
    if not match:
        return None
    if match["q"]:
        return 3
    if match["y"]:
        return 12
    word = match["n"].lower()
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]
