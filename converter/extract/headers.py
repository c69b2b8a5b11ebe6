"""Statement column headers -> Periods, and the scale line -> Scale."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from converter.errors import ExtractionError
from converter.model import Period, Scale, Statement, StatementKind

from .dates import DATE_RE, MONTHDAY_RE, YEAR_RE, make_date, months_before
from .periodforms import column_end, is_period_text, year_alone_end, year_to_date_months

_NUMBER_WORDS = {"one": 1, "three": 3, "six": 6, "nine": 9, "twelve": 12, "fifty-two": 12, "52": 12}
_WEEK_WORDS = {
    "thirteen": 13, "fourteen": 14, "twenty-six": 26, "twenty-seven": 27, "thirty-nine": 39, "forty": 40,
    "fifty-two": 52, "fifty-three": 53,
}
_WEEKS = r"thirteen|fourteen|twenty[\s-]six|twenty[\s-]seven|thirty[\s-]nine|forty|fifty[\s-]two|fifty[\s-]three|\d{1,2}"
DURATION_RE = re.compile(
    r"\b(?:(?P<n>three|six|nine|twelve|one|\d{1,2})[\s-]+months?|(?P<q>quarters?)|(?P<y>(?:fiscal\s+)?years?)"
    rf"|(?P<w>{_WEEKS})[\s-]+weeks?)"
    r"\s+(?:ended|ending|end)\b",
    re.I,
)
_FILLER_RE = re.compile(
    r"\b(?:un)?audited\b|\b(?:ended|ending|end|and|as|of|at|for|the"
    r"|fiscal|periods?|months?|quarters?|years?|three|six|nine|twelve|weeks?|restated"
    rf"|(?:{_WEEKS})(?=[\s-]+weeks?\b))\b",
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
        exponent = (9 if "billion" in low else 6 if "million" in low
                    else 3 if "thousand" in low or re.search(r"\b000'?s\b|\$\s?000\b", low) else None)
        if exponent is None:
            continue
        clause = low.split("except", 1)[1] if "except" in low else ""
        shares_apart = bool(re.search(r"(?<!per )(?<!per-)\bshares?\b(?![- ]?per)", clause))
        return Scale(exponent, not shares_apart, text.strip())
    return Scale()


def is_header_text(text: str) -> bool:
    """True when text only names periods: dates, years, "Three Months Ended", "(Unaudited)"."""
    if is_period_text(text):
        return True
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
    end, months = _column_end(segs, col, text, where)
    if kind is StatementKind.BALANCE_SHEET:
        return Period(end)
    weeks = duration_weeks(text)
    if weeks is not None:
        return Period(end, end - timedelta(days=7 * weeks - 1))
    months = duration_months(text) or months or year_to_date_months(text, end)
    if months is None:
        raise ExtractionError(f"column header {text!r} names no period length", where=where)
    if not is_month_end(end):
        # a 52/53-week calendar: 13 weeks a quarter until fiscal_calendar() finds better
        return Period(end, end - timedelta(days=_weeks_for(months) * 7 - 1))
    return Period(end, months_before(end, months))


def _column_end(segs: list[Seg], col: int, text: str, where: str) -> tuple[date, int | None]:
    """The end of a column's period, and its length when the form gives it ("4Q21", "FY 2021")."""
    year = _column_year(segs, col)
    monthday = MONTHDAY_RE.search(text)
    if year is not None and monthday is not None:
        end = make_date(monthday["month"], monthday["day"], year)
        if end is None:
            raise ExtractionError(f"invalid date in column header {text!r}", where=where)
        return end, None
    for seg in reversed(segs):  # the innermost header line naming the period decides
        found = column_end(seg.text, col - seg.lo, seg.hi - seg.lo + 1)
        if found is not None:
            return found
    if year is not None and (alone := year_alone_end(text, year)) is not None:
        return alone
    raise ExtractionError(f"cannot read the period of column {col + 1} from header {text!r}", where=where)


def _column_year(segs: list[Seg], col: int) -> int | None:
    for seg in reversed(segs):
        years = YEAR_RE.findall(seg.text)
        if years:
            index = col - seg.lo if len(years) == seg.hi - seg.lo + 1 else 0
            return int(years[index])
    return None


def duration_weeks(text: str) -> int | None:
    """The number of weeks a header names ("Thirteen Weeks Ended", "52 weeks ended"), or None."""
    match = DURATION_RE.search(text)
    if not match or not match["w"]:
        return None
    word = re.sub(r"[\s-]+", "-", match["w"].lower())
    return int(word) if word.isdigit() else _WEEK_WORDS[word]


def duration_months(text: str) -> int | None:
    match = DURATION_RE.search(text)
    if not match:
        return None
    if match["w"]:
        return round(int(duration_weeks(text) or 0) * 3 / 13)
    if match["q"]:
        return 3
    if match["y"]:
        return 12
    word = match["n"].lower()
    return int(word) if word.isdigit() else _NUMBER_WORDS[word]


# ---- 52/53-week fiscal calendars -----------------------------------------------------------


def is_month_end(day: date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def _weeks_for(months: int) -> int:
    """13 weeks a quarter: 3 months -> 13 weeks (91 days), 12 months -> 52 weeks."""
    return round(months * 13 / 3)


_SNAP_DAYS = 6  # a prior period end this close to the 13-week estimate is the real one


def fiscal_calendar(statements: list[Statement]) -> list[Statement]:
    """Starts of periods on a 52/53-week calendar, from what the whole release gives.

    A release with a period ending on a date that is not a month end ("Three Months Ended
    April 28, 2024", a balance sheet at January 28, 2024) is on a 52/53-week calendar: each
    period starts the day after the previous fiscal period ended, not on a calendar date, even
    for a column that happens to end on a month end ("April 30, 2023"). The start is taken, in
    this order, from
      1. the end of an earlier period printed in the release within 6 days of the 13-week
         estimate: a balance-sheet date (the prior fiscal year end, "January 28, 2024") or
         the end of another column;
      2. the header's week count ("Thirteen Weeks Ended" = 91 days), or, for months,
         13 weeks a quarter (three months = 91 days, twelve months = 364 days).
    Each inferred start is recorded in the statement's notes, saying from what.
    """
    ends: list[tuple[date, str]] = []
    for st in statements:
        for period in st.periods:
            where = "the balance sheet" if st.kind is StatementKind.BALANCE_SHEET else f"the {st.title.lower()}"
            what = "balance-sheet date" if period.is_instant else "end of another column"
            ends.append((period.end, f"the {what} {period.end.isoformat()} in {where}"))
    if all(is_month_end(end) for end, _ in ends):
        return statements
    out = []
    for st in statements:
        periods, notes = [], list(st.notes)
        for col, period in enumerate(st.periods):
            if period.start is None:
                periods.append(period)
                continue
            days = (period.end - period.start).days + 1
            if days % 7:  # a calendar-month start: take 13 weeks a quarter instead
                days = _weeks_for(round(days / (365.25 / 12))) * 7
            estimate = period.end - timedelta(days=days - 1)
            near = sorted(
                ((abs((d + timedelta(days=1) - estimate).days), d, why) for d, why in ends
                 if d < period.end and abs((d + timedelta(days=1) - estimate).days) <= _SNAP_DAYS),
                key=lambda t: (t[0], t[1]))
            if near:
                _, prior, why = near[0]
                start = prior + timedelta(days=1)
                basis = f"the day after {why}"
            else:
                start = estimate
                basis = f"{days} days ({days // 7} weeks) before the end, on a 52/53-week calendar"
            periods.append(Period(period.end, start))
            if start == period.start and is_month_end(period.end):
                continue  # nothing inferred: the header's own (calendar) period stands
            notes.append(f"start date {start.isoformat()} of column {col + 1} (ended {period.end.isoformat()}) "
                         f"inferred as {basis}")
        out.append(replace(st, periods=tuple(periods), notes=tuple(notes)) if notes != list(st.notes) else st)
    return out
