"""Month names, dates written in prose, and period arithmetic."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
DATE_RE = re.compile(rf"\b(?P<month>{MONTH})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>(?:19|20)\d\d)\b", re.I)
MONTHDAY_RE = re.compile(rf"\b(?P<month>{MONTH})\s+(?P<day>\d{{1,2}})\b,?", re.I)
YEAR_RE = re.compile(r"(?<![\d,.])(?:19|20)\d\d(?![\d,])")
# a second year after a full date, its month and day left out: "December 31, 2025 and 2024"
# (not "... and 2024, 3,000 shares": a year followed by a count is no such date)
AND_YEAR_RE = re.compile(r",?\s+and\s+(?P<year>(?:19|20)\d\d)\b(?!,?\s+\d)")

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_abbr) if name}


def month_number(name: str) -> int:
    return _MONTHS[name.strip(".").lower()[:3]]


def make_date(month: str, day: str, year: str | int) -> date | None:
    try:
        return date(int(year), month_number(month), int(day))
    except (ValueError, KeyError):
        return None


def date_of(match: re.Match[str]) -> date | None:
    """The date of a DATE_RE match."""
    return make_date(match["month"], match["day"], match["year"])


def months_before(end: date, months: int) -> date:
    """First day of a period of `months` months ending on `end` (inclusive)."""
    index = end.year * 12 + end.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    if end.day == calendar.monthrange(end.year, end.month)[1]:
        day = last
    else:
        day = min(end.day, last)
    return date(year, month, day) + timedelta(days=1)
