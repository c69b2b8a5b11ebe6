"""Compact period forms in column headers -> the long forms the header reader understands.

    normalize_header(text, fy_end_month=12) -> text

Column headers name periods in many ways besides "Three Months Ended September 30, 2025":
numeric and day-first dates ("3/31/2022", "30-Sep-24", "2025-09-30", "Sep-30-2025", "30.09.2025"), a month and year alone
("Sep-24", "September 2025": the month's last day), quarter and half codes ("Q3-2024",
"3Q25", "Q3 FY25", "Third Quarter 2025", "Fiscal 2025 Third Quarter", "FY25 Q3", "Qtr 3 2025",
"September Quarter 2025", "H1 2025",
"9M 2025": the first nine months) and fiscal years ("FY2024",
"Fiscal 2024", "Full Year 2024"). Each is rewritten to a duration and an end date ("Three
Months Ended September 30, 2024"); a code without a year ("Q3" over a row of years) keeps
the year out ("Three Months Ended September 30,") so the year row completes it. Quarters
and fiscal years end on month ends of the fiscal year that ends in `fy_end_month`
(December unless the release says otherwise); a 52/53-week calendar's exact days are
found later from the release's own dates (headers.fiscal_calendar).
"""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

from .dates import MONTH, month_number

_YEAR = r"(?P<year>(?:19|20)\d\d|[''’]?\d\d)"
_NUMERIC_RE = re.compile(r"(?<![\d/.,])(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<year>(?:19|20)\d\d|\d\d)(?![\d/])")
_ISO_RE = re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?![\d-])")
# "Sep-30-2025", "Dec 31 2024": month, day and year set apart by dashes or spaces alone
_MONTH_DAY_YEAR_RE = re.compile(rf"\b(?P<month>{MONTH})(?:-|\s+)(?P<d>\d{{1,2}})(?:-|\s+)(?P<year>(?:19|20)\d\d)(?![\d,])", re.I)
# "30.09.2025" (day first) or "09.30.2025" (month first): read only when one of the two is over 12
_DOTTED_RE = re.compile(r"(?<![\d.])(?P<a>\d{1,2})\.(?P<b>\d{1,2})\.(?P<year>(?:19|20)\d\d)(?![\d.])")
_DAY_FIRST_RE = re.compile(rf"(?<![\d/])(?P<d>\d{{1,2}})[-\s](?P<month>{MONTH})[-\s,]+(?P<year>(?:19|20)\d\d|\d\d)(?![\d,])", re.I)
_DAY_MONTH_RE = re.compile(rf"^\s*(?P<d>[1-9]|[12]\d|3[01])[-\s](?P<month>{MONTH})\.?,?\s*$", re.I)  # a cell "31-Dec"
_MONTH_YEAR_RE = re.compile(rf"\b(?P<month>{MONTH})(?:\s+|\s*[-'’]\s*)(?P<year>(?:19|20)\d\d(?![\d,])|(?<=[-'’])\d\d(?!\d))", re.I)
_YTD_RE = re.compile(r"\bYTD\s*[''’]?(?P<year>\d\d)\b", re.I)
# the quarter after its fiscal year ("Fiscal 2025 Third Quarter", "FY25 Q3", "2025 Q3") or
# numbered in words ("Qtr 3 2025", "Quarter 3, 2025"): rewritten to a quarter code first ("Q3 2025")
_ORDINAL_WORDS = r"first|second|third|fourth|1st|2nd|3rd|4th"
_YEAR_THEN_QUARTER_RE = re.compile(
    rf"\b(?:(?:FY|fiscal(?:\s+year)?)\s*[-'’]?\s*)?(?P<year>(?:19|20)\d\d|(?<=FY)\d\d|(?<=FY\s)\d\d)\s*[-,]?\s+"
    rf"(?:Q(?P<q>[1-4])\b|(?P<word>{_ORDINAL_WORDS})\s+(?:fiscal\s+)?quarter\b)", re.I)
_MONTH_QUARTER_RE = re.compile(rf"\b(?P<month>{MONTH})\s+quarter\s+(?:of\s+)?(?:fiscal\s+)?(?P<year>(?:19|20)\d\d)\b", re.I)
_NUMBERED_QUARTER_RE = re.compile(r"\b(?:qtr\.?|quarter)\s+(?P<q>[1-4])\b,?", re.I)
_QUARTER_RE = re.compile(
    rf"\b(?:Q(?P<q1>[1-4])|(?P<q2>[1-4])Q)(?:\s*(?:FY|fiscal)\s*|\s*[-'’]?\s*)(?:{_YEAR}\b)?", re.I)
_QUARTER_WORD_RE = re.compile(
    r"\b(?P<word>first|second|third|fourth|1st|2nd|3rd|4th)\s+(?:fiscal\s+)?quarter"
    r"(?:\s+(?:of\s+)?(?:fiscal\s+)?(?:year\s+)?(?P<year>(?:19|20)\d\d))?\b", re.I)
_HALF_RE = re.compile(rf"\b(?:H(?P<h1>[12])|(?P<h2>[12])H)(?:\s*(?:FY)?\s*[-'’]?\s*)(?:{_YEAR}\b)?", re.I)
_HALF_WORD_RE = re.compile(r"\b(?P<word>first|second)\s+half(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<year>(?:19|20)\d\d))?\b", re.I)
_NINE_RE = re.compile(rf"\b(?P<n>[69])M\s*[-'’]?\s*(?:FY)?\s*(?:{_YEAR}\b)?", re.I)
_FISCAL_RE = re.compile(rf"\b(?:FY|fiscal(?:\s+year)?|full[\s-]year)\s*[-'’]?\s*{_YEAR}\b(?!\s*(?:ended|ending))", re.I)
# "Three Months EndedSeptember 30,": a line break between the words lost in a rendering
_GLUED_MONTH_RE = re.compile(rf"\b(ended|ending|of|at)(?=(?:{MONTH})\b)", re.I)  # "As ofJune 30, 2025"
# "December 31,2024": the line break after a month and day's comma lost
_GLUED_YEAR_RE = re.compile(rf"\b((?:{MONTH})\.?\s+\d{{1,2}},)(?=(?:19|20)\d\d\b)", re.I)
# "December 312021", "ThirdQuarter2021": the line breaks inside a header cell lost, with no
# comma or space left between its words
_GLUED_DAY_YEAR_RE = re.compile(rf"\b((?:{MONTH})\.?\s+(?:[12]\d|3[01]|0?[1-9]))((?:19|20)\d\d)\b", re.I)
_GLUED_PERIOD_WORD_RE = re.compile(r"(?<=[a-z])(?=(?:Quarter|Months?|Weeks|Year|Ended)(?![a-z])|(?:19|20)\d\d\b)")
_ORDINAL = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_LENGTH = {3: "Three", 6: "Six", 9: "Nine", 12: "Twelve"}


def _year(text: str | None) -> int | None:
    if not text:
        return None
    digits = text.lstrip("'’")
    return int(digits) if len(digits) == 4 else 2000 + int(digits) if int(digits) < 70 else 1900 + int(digits)


def _end(months_into_year: int, year: int | None, fy_end_month: int) -> str:
    """'September 30, 2025' (or 'September 30,' without a year) for the end of a fiscal part."""
    month = (fy_end_month + months_into_year - 1) % 12 + 1
    if year is not None and month > fy_end_month:
        year -= 1  # a fiscal year ending in June: its first quarter ends in September of the year before
    day = calendar.monthrange(year or 2001, month)[1]
    return f"{calendar.month_name[month]} {day}," + (f" {year}" if year is not None else "")


def _date(month: int, day: int, year: int | None) -> str:
    return f"{calendar.month_name[month]} {day}, {year}"


# a comma printed between the month and its day: "As of June, 30"
_MONTH_COMMA_DAY_RE = re.compile(rf"\b({MONTH}),\s*(\d{{1,2}})\b(?![,.]?\d)", re.I)
_ORDINAL_DAY_RE = re.compile(rf"\b((?:{MONTH})\.?\s+\d{{1,2}})(?:st|nd|rd|th)\b", re.I)  # "September 30th, 2025"


def unglued(text: str) -> str:
    """ "Three Months EndedSeptember 30," and "December 31,2024" (a line break lost in a
    rendering) with their words apart, as "December 312021" and "ThirdQuarter2021", a day's
    ordinal suffix dropped ("September 30th") and a comma between a month and its day ("June, 30")."""
    text = _ORDINAL_DAY_RE.sub(r"\1", _GLUED_YEAR_RE.sub(r"\1 ", _GLUED_MONTH_RE.sub(r"\1 ", text)))
    text = _GLUED_DAY_YEAR_RE.sub(r"\1, \2", _GLUED_PERIOD_WORD_RE.sub(" ", text))
    return _MONTH_COMMA_DAY_RE.sub(r"\1 \2", text)


def written_dates(text: str) -> str:
    """`text` with its numeric dates written out ("3/31/2022" -> "March 31, 2022"), nothing else:
    what a reader tokenizing a header by words needs, before the fiscal year is known."""
    text = _ISO_RE.sub(lambda m: _checked(m, int(m["m"]), int(m["d"]), int(m["year"])), text)
    text = _NUMERIC_RE.sub(lambda m: _checked(m, int(m["m"]), int(m["d"]), _year(m["year"])), text)
    return _DOTTED_RE.sub(_dotted, text)


@lru_cache(maxsize=8192)  # a pure function, asked again for each column of a wide table's header
def normalize_header(text: str, fy_end_month: int = 12) -> str:
    """`text` with its compact period forms written out (see the module docstring)."""
    text = unglued(text)
    text = _MONTH_QUARTER_RE.sub(lambda m: f"Three Months Ended {_month_end(m)}", text)  # "September Quarter 2025"
    text = _NUMBERED_QUARTER_RE.sub(lambda m: f"Q{m['q']}", text)
    text = _YEAR_THEN_QUARTER_RE.sub(
        lambda m: f"Q{m['q'] or _ORDINAL[m['word'].lower()]} {m['year']}", text)
    text = written_dates(text)
    text = _MONTH_DAY_YEAR_RE.sub(lambda m: _checked(m, month_number(m["month"]), int(m["d"]), int(m["year"])), text)
    text = _DAY_FIRST_RE.sub(lambda m: _checked(m, month_number(m["month"]), int(m["d"]), _year(m["year"])), text)
    text = _DAY_MONTH_RE.sub(lambda m: f"{calendar.month_name[month_number(m['month'])]} {int(m['d'])}", text)
    text = _MONTH_YEAR_RE.sub(lambda m: _month_end(m), text)
    text = _QUARTER_RE.sub(lambda m: _part(3, int(m["q1"] or m["q2"]), m["year"], fy_end_month), text)
    text = _QUARTER_WORD_RE.sub(lambda m: _length_only(m, 3) or _part(3, _ORDINAL[m["word"].lower()], m["year"], fy_end_month), text)
    text = _HALF_RE.sub(lambda m: _part(6, int(m["h1"] or m["h2"]), m["year"], fy_end_month), text)
    text = _HALF_WORD_RE.sub(lambda m: _length_only(m, 6) or _part(6, _ORDINAL[m["word"].lower()], m["year"], fy_end_month), text)
    text = _NINE_RE.sub(lambda m: _part(int(m["n"]), 1, m["year"], fy_end_month), text)
    text = _FISCAL_RE.sub(lambda m: _part(12, 1, m["year"], fy_end_month), text)
    text = _YTD_RE.sub(lambda m: f"YTD {_year(m['year'])}", text)  # "YTD24": the year to date of 2024
    return text


_ENDED_RE = re.compile(r"\s*(?:ended|ending)\b", re.I)


def _length_only(match: re.Match[str], length: int) -> str | None:
    """ "Fiscal Second Quarter Ended" over "June 29, 2025": the header prints its own end date,
    so the quarter gives only the length ("Three Months"), not a calendar quarter's end."""
    if match["year"] or not _ENDED_RE.match(match.string, match.end()):
        return None
    return f"{_LENGTH[length]} Months"


def _checked(match: re.Match[str], month: int, day: int, year: int | None) -> str:
    if year is None or not 1 <= month <= 12 or not 1 <= day <= calendar.monthrange(year, month)[1]:
        return match[0]
    return _date(month, day, year)


def _dotted(match: re.Match[str]) -> str:
    a, b, year = int(match["a"]), int(match["b"]), int(match["year"])
    if a > 12 >= b:
        return _checked(match, b, a, year)
    if b > 12 >= a:
        return _checked(match, a, b, year)
    return match[0]  # "06.07.2025": June 7 or July 6, not read


def _month_end(match: re.Match[str]) -> str:
    year = _year(match["year"])
    month = month_number(match["month"])
    if year is None:
        return match[0]
    return _date(month, calendar.monthrange(year, month)[1], year)


def _part(length: int, index: int, year_text: str | None, fy_end_month: int) -> str:
    """'<Length> Months Ended <end>' for part `index` (1-based) of `length` months of a fiscal year."""
    return f"{_LENGTH[length]} Months Ended {_end(length * index, _year(year_text), fy_end_month)}"
