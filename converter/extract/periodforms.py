"""Column-header period forms beyond "Three Months Ended June 30, 2024".

    column_end(text, col_index, count) -> (end date, months or None) | None
    is_period_text(text) -> bool

Forms read here (each names the end of a column's period, and for some its length):
  numeric dates          "3/31/2022", "03/31/22"            end only
  day-month-year         "30-Sep-24", "30 Sep 2024"        end only
  quarter codes          "4Q21", "4Q 2021", "Q3-2024", "Q4 '21", "3Q25", "Fourth Quarter 2021"
                         -> the end of that calendar quarter, three months
  full-year codes        "FY 2021", "FY21", "Full Year 2021", "Fiscal 2021"
                         -> December 31 of that year, twelve months
  years alone            "2021" under "Year Ended", "Full Year", "Twelve Months Ended" or
                         "Year-to-Date" (with no month and day anywhere above) -> December 31
Quarter and year codes assume a calendar fiscal year: a company whose fiscal year ends in another
month prints month-and-day headers, which headers.py reads first.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

from .dates import MONTH, month_number

_YY = r"(?:19|20)?\d\d"
NUMERIC_DATE_RE = re.compile(r"(?<![\d/])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>(?:19|20)\d\d|\d\d)(?![\d/])")
DAY_MONTH_RE = re.compile(rf"\b(?P<d>3[01]|[12]\d|0?[1-9])[-\s](?P<mon>{MONTH})[-\s](?P<y>(?:19|20)\d\d|\d\d)\b", re.I)
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
QUARTER_RE = re.compile(
    rf"(?<![\w/])(?:(?P<a>[1-4])\s?Q|Q(?P<b>[1-4]))(?:\s*(?:[-'’]\s*)?|\s*FY\s*)(?P<y>{_YY})(?!\d)"
    rf"|\b(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:fiscal\s+)?quarter(?:\s+of)?,?\s+(?:fiscal\s+)?(?P<y2>(?:19|20)\d\d)\b",
    re.I,
)
FULL_YEAR_RE = re.compile(
    r"\b(?:FY\s*['’]?\s*(?P<y>(?:19|20)?\d\d)|(?:full[\s-]+year|fiscal(?:\s+year)?)\s+(?P<y2>(?:19|20)\d\d))(?!\d)", re.I
)
YEAR_WORDS_RE = re.compile(
    r"\b(?:years?\s+ended|year[\s-]+to[\s-]+date|ytd|full[\s-]+year|twelve\s+months|12\s+months|fiscal\s+years?|annual)\b", re.I
)
YTD_RE = re.compile(r"\b(?:year[\s-]+to[\s-]+date|ytd)\b", re.I)
_YEAR_ALONE_RE = re.compile(r"(?<![\d,.$])(?:19|20)\d\d(?![\d,.%])")


def _year(text: str) -> int:
    y = int(text)
    if y < 100:
        y += 2000 if y < 70 else 1900
    return y


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def is_period_text(text: str) -> bool:
    """A header cell that names a column's period in one of the forms read here."""
    return bool(NUMERIC_DATE_RE.search(text) or DAY_MONTH_RE.search(text) or QUARTER_RE.search(text)
                or FULL_YEAR_RE.search(text))


def _pick(matches: list[re.Match[str]], col_index: int, count: int) -> re.Match[str]:
    """The match for this column when one header cell spans several columns and names each."""
    return matches[col_index] if len(matches) == count and 0 <= col_index < count else matches[0]


def column_end(text: str, col_index: int = 0, count: int = 1) -> tuple[date, int | None] | None:
    """End date and, when the form says it, length in months of a column's period.
    `col_index`/`count`: the column's place among the columns the header text spans."""
    found = list(NUMERIC_DATE_RE.finditer(text))
    if found:
        m = _pick(found, col_index, count)
        try:
            return date(_year(m["y"]), int(m["m"]), int(m["d"])), None
        except ValueError:
            return None
    found = list(DAY_MONTH_RE.finditer(text))
    if found:
        m = _pick(found, col_index, count)
        try:
            return date(_year(m["y"]), month_number(m["mon"]), int(m["d"])), None
        except (ValueError, KeyError):
            return None
    found = list(QUARTER_RE.finditer(text))
    if found:
        m = _pick(found, col_index, count)
        quarter = int(m["a"] or m["b"] or _ORDINALS[m["ord"].lower()])
        year = _year(m["y"] or m["y2"])
        return _month_end(year, quarter * 3), 3
    found = list(FULL_YEAR_RE.finditer(text))
    if found:
        m = _pick(found, col_index, count)
        return date(_year(m["y"] or m["y2"]), 12, 31), 12
    return None


def year_alone_end(text: str, year: int) -> tuple[date, int] | None:
    """A column headed only by a year under a full-year heading ("Year Ended" / "2021"):
    December 31 of that year, twelve months; None when the header names no year length."""
    if YEAR_WORDS_RE.search(text):
        return date(year, 12, 31), 12
    return None


def year_to_date_months(text: str, end: date) -> int | None:
    """ "Year-to-Date June 30" on a calendar year: the months from January to the end."""
    return end.month if YTD_RE.search(text) else None
