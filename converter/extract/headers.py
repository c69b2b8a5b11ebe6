"""Statement column headers -> Periods, and the scale line -> Scale.

Header texts are first written out in long form (periodforms.normalize_header: "3Q25",
"3/31/2022", "FY2024"). A column whose header gives a year but no month and day takes them
from the nearest column of the same header that has them, else from the release's own
period end (ReleaseDates, set by the reader with `release_context`). "Year to date" is the
months since the fiscal year began.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import date, timedelta

from converter.errors import ExtractionError
from converter.model import Period, Scale, Statement, StatementKind

from .dates import DATE_RE, MONTHDAY_RE, YEAR_RE, make_date, months_before
from .periodforms import normalize_header

_NUMBER_WORDS = {"one": 1, "three": 3, "six": 6, "nine": 9, "twelve": 12, "fifty-two": 12, "52": 12}
_WEEK_WORDS = {
    "thirteen": 13, "fourteen": 14, "twenty-six": 26, "twenty-seven": 27, "thirty-nine": 39, "forty": 40,
    "fifty-two": 52, "fifty-three": 53,
}
_WEEKS = r"thirteen|fourteen|twenty[\s-]six|twenty[\s-]seven|thirty[\s-]nine|forty|fifty[\s-]two|fifty[\s-]three|\d{1,2}"
_LENGTH = (r"\b(?:(?P<n>three|six|nine|twelve|one|\d{1,2})[\s-]+(?:months?\b|mos?\.|mos?\b)|(?P<q>quarters?\b|qtrs?\.|qtrs?\b)"
           rf"|(?P<y>(?:fiscal\s+)?years?\b)|(?P<w>{_WEEKS})[\s-]+(?:weeks?\b|wks?\.|wks?\b))(?:\s+periods?)?")
# "Twelve Month Periods Ended", "Three Mos. Ended", "Six months to June 30, 2025" (UK)
ENDED = r"\s*(?<=[\s.])(?:ended|ending|end|to(?![\s-]+date))"
DURATION_RE = re.compile(rf"{_LENGTH}(?:{ENDED}\b|\s*(?=(?:19|20)\d\d\b|$))", re.I)  # or "Three Months" alone over its years
# a length whose "Ended" is glued to the month after it, the line break lost ("Six Months EndedJune 30,")
GLUED_DURATION = f"{_LENGTH}{ENDED}"
# lengths printed without "ended": the fiscal year to date, and a year ("FULL YEAR", "Fiscal Year")
_YTD_RE = re.compile(r"year[\s-]to[\s-]date|\bytd\b", re.I)
# a year's length: "Fiscal Year", "Full Year", "Annual", "Twelve Months", and a fiscal year named
# by its number ("Fiscal" over "2024"), never a part of one
_TWELVE_MONTHS_RE = re.compile(r"\b(?:fiscal|full)[\s-]year\b|\bannual\b|\btwelve\s+months\b|\bfiscal\s+(?:19|20)\d\d\b", re.I)


def names_length(text: str) -> bool:
    """Header text naming a period length ("Three Months Ended", "FULL YEAR", "YTD")."""
    return bool(DURATION_RE.search(text) or _YTD_RE.search(text) or _TWELVE_MONTHS_RE.search(text))


_FILLER_RE = re.compile(
    r"\b(?:un)?audited\b|\b(?:ended|ending|end|and|as|of|at|for|the"
    r"|fiscal|periods?|months?|mos?|quarters?|qtrs?|years?|three|six|nine|twelve|weeks?|wks?|restated|year[\s-]to[\s-]date|ytd"
    r"|from|through|to|inception|successor|predecessor"  # "Period from February 1, 2021 through March 31, 2021 (Successor)"
    r"|recast|revised|preliminary|reclassified|adjusted(?<=as\sadjusted)"  # "December 31, 2023 (As Adjusted)", "(Recast)"
    rf"|(?:{_WEEKS})(?=[\s-]+(?:weeks?|wks?)\b)|\d{{1,2}}(?=[\s-]+(?:months?|mos?)\b))\b",
    re.I,
)
_PAREN_RE = re.compile(r"\(([^()]*)\)")
_SCALE_WORDS = re.compile(r"thousand|million|billion|unaudited|dollars|amounts|\b000'?s\b|\b000\s+omitted\b|['’]000\b", re.I)
# "(in 000s)", "($000)", "$000's", "(000's omitted)", "(000s)", "(In EUR'000s)"
_THOUSANDS_RE = re.compile(r"(?:\bin\s+|\$\s*)000'?s\b|\$\s*000\b|\b000'?s?\s+omitted\b|\(\s*000'?s\s*\)"
                           r"|[a-z$€£¥]\s*['’]\s*000'?s?\b")  # "EUR'000s", "US$'000", "RMB’000"


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


# share counts given a scale of their own in a statement's scale line: "number of shares, which
# are reflected in thousands", "shares in millions"
_SHARES_IN_SCALE_RE = re.compile(r"(?<!per )(?<!per-)\bshares?\b(?![- ]?per)[^;()]*?\b(?P<scale>thousand|million|billion)s?\b")


def _exponent(low: str) -> int | None:
    return (9 if "billion" in low else 6 if "million" in low
            else 3 if "thousand" in low or _THOUSANDS_RE.search(low) else None)


def parse_scale(texts: list[str]) -> Scale:
    """Scale from the statement's parenthetical lines."""
    for text in texts:
        low = text.lower()
        exponent = _exponent(low.split("except", 1)[0])  # "(Dollars in thousands, except ... shares, which are in millions)"
        exponent = _exponent(low) if exponent is None else exponent
        if exponent is None:
            continue
        clause = low.split("except", 1)[1] if "except" in low else ""
        shares_apart = bool(re.search(r"(?<!per )(?<!per-)\bshares?\b(?![- ]?per)", clause))
        own = _SHARES_IN_SCALE_RE.search(clause or low)
        if own is not None:  # "except number of shares, which are reflected in thousands"
            shares = {"thousand": 3, "million": 6, "billion": 9}[own["scale"]]
            if shares != exponent:
                return Scale(exponent, False, text.strip(), shares_exponent=shares)
            shares_apart = False
        return Scale(exponent, not shares_apart, text.strip())
    return Scale()


# a currency other than the US dollar named in a statement's scale line or column headings:
# ISO codes and symbols as printed (case kept), names of currencies in words
_CURRENCY_CODES = re.compile(
    r"(?<![A-Za-z])(?:RMB|CNY|EUR|JPY|GBP|CHF|CAD|AUD|HKD|TWD|INR|KRW|BRL|MXN|SEK|NOK|DKK|ZAR|SGD|ILS|NIS|NZD|PLN|CZK"
    r"|HUF|RUB|TRY|IDR|THB|PHP|MYR|VND|NGN|EGP|ARS|CLP|COP|PEN|AED|SAR|QAR|KWD|PKR|KES)(?![A-Za-z])"
    r"|[€£¥₹₩]|(?<![A-Za-z])(?:C|A|HK|NT|S|NZ|R)\$")
_CURRENCY_NAMES = re.compile(
    r"\b(?:renminbi|euros?|yen|pounds?\s+sterling|swiss\s+francs?|rupees?|crores?|lakhs?|brazilian\s+reais"
    r"|pesos?|kronor|kroner|shekels?|zloty|rubles?|roubles?|lira|rupiah|baht|ringgit|naira|yuan|dirhams?|riyals?)\b"
    # "Canadian dollars", "thousands of Canadian $"
    r"|\b(?:canadian|australian|hong\s+kong|new\s+taiwan|singapore|new\s+zealand)\s+(?:dollars?\b|\$)", re.I)


def foreign_currency(texts: list[str]) -> str | None:
    """The first currency other than the US dollar a statement's scale line or column headings
    name ("(Amounts in thousands of Renminbi)", "(€ in millions)", a column headed "RMB"), or None."""
    for text in texts:
        found = _CURRENCY_CODES.search(text) or _CURRENCY_NAMES.search(text)
        if found:
            return found[0]
    return None


@dataclass(frozen=True)
class ReleaseDates:
    """What the release says about its own periods, for headers that leave something out."""

    period_end: date | None = None  # "for the quarter ended September 30, 2025"
    fy_end_month: int = 12  # the month the fiscal year ends in
    # where the release states no period end: its balance sheet's latest date, which dates
    # columns headed by a year alone (a 10-K's statements of operations: "2024", "2023", "2022")
    balance_sheet_end: date | None = None


_RELEASE: ContextVar[ReleaseDates] = ContextVar("release_dates", default=ReleaseDates())
_PERIOD_END_RE = re.compile(
    rf"\b(?:quarter|three\s+months|(?:thirteen|13)\s+weeks|six\s+months|nine\s+months|year|period)\s+ended\s+{DATE_RE.pattern}", re.I)
_HEADLINE_RE = re.compile(r"\b(?:(?:first|second|third|fourth)\s+(?:fiscal\s+)?quarter\s+(?:of\s+)?(?:fiscal\s+)?(?:19|20)\d\d"
                          r"|Q[1-4]\s*(?:FY\s*)?[-']?\s*(?:19|20)\d\d"
                          r"|(?<=\()[1-4]Q(?:19|20)?\d\d(?=\)))\b", re.I)  # "the fourth quarter (4Q24)"
_FY_END_RE = re.compile(rf"\bfiscal\s+year\s+(?:ended|ending|ends)\s+{DATE_RE.pattern}", re.I)


def release_dates(texts: list[str]) -> ReleaseDates:
    """The period end ("quarter ended September 30, 2025") and fiscal year end of a release."""
    end, fy_month = None, 12
    for text in texts:
        if end is None and (m := _PERIOD_END_RE.search(text)):
            end = make_date(m["month"], m["day"], m["year"])
        if (m := _FY_END_RE.search(text)) and (fy := make_date(m["month"], m["day"], m["year"])):
            fy_month = fy.month if fy.day > 20 else (fy.month - 2) % 12 + 1  # a 52/53-week year ending early in a month
            break
    if end is None:  # a sentence wrapped between its lines ("... for the fourth quarter and year ended" / "December 31, 1998.")
        end = next((make_date(m["month"], m["day"], m["year"]) for text in _paragraphs(texts)
                    if (m := _PERIOD_END_RE.search(text))), None)
    if end is None:  # the fiscal period of the headline: "Reports Third Quarter 2025 Results", "Q3 2025"
        for text in texts[:40]:
            if (m := _HEADLINE_RE.search(text)) and (d := DATE_RE.search(normalize_header(m[0], fy_month))):
                end = make_date(d["month"], d["day"], d["year"])
                break
    return ReleaseDates(end, fy_month)


def _paragraphs(texts: list[str]) -> list[str]:
    """Runs of non-blank texts joined by spaces (the lines of a text release's paragraphs)."""
    out: list[str] = []
    run: list[str] = []
    for text in [*texts, ""]:
        if text.strip():
            run.append(text.strip())
        elif run:
            out.append(" ".join(run))
            run = []
    return out


def current_dates() -> ReleaseDates:
    """The dates of the release being read (set by `release_context`)."""
    return _RELEASE.get()


@contextmanager
def release_context(dates: ReleaseDates) -> Iterator[None]:
    """Headers read inside this block may complete themselves from `dates`."""
    token = _RELEASE.set(dates)
    try:
        yield
    finally:
        _RELEASE.reset(token)


def date_runs(texts: list[str]) -> list[int]:
    """Where a row of column dates starts over: the first column of each run of dates in one
    order ("December 31, 2024", "September 30, 2024", "December 31, 2023" | "December 31, 2024",
    "December 31, 2023": [0, 3]). A band of period lengths covers such runs in order when a
    rendering lost its colspans. [] unless every column names a date or a year."""
    ends: list[date] = []
    for text in texts:
        text = normalize_header(text, _RELEASE.get().fy_end_month)
        if (m := DATE_RE.search(text)) and (d := make_date(m["month"], m["day"], m["year"])):
            ends.append(d)
        elif (y := YEAR_RE.search(text)) and not MONTHDAY_RE.search(text):
            ends.append(date(int(y[0]), 12, 31))
        else:
            return []
    if len(ends) < 3 or ends[0] == ends[1]:
        return []
    falling = ends[1] < ends[0]
    starts = [0]
    for i in range(1, len(ends)):
        if (ends[i] < ends[i - 1]) != falling or ends[i] == ends[i - 1]:
            starts.append(i)
    return starts


def is_period_text(text: str) -> bool:
    """Header text that names (part of) a period: a date, a year, a duration, "3Q25"."""
    text = normalize_header(text, _RELEASE.get().fy_end_month)
    return is_header_text(text) and bool(
        re.search(rf"{YEAR_RE.pattern}|{MONTHDAY_RE.pattern}|{DURATION_RE.pattern}|year[\s-]to[\s-]date|\bytd\b", text, re.I))


def names_year(text: str) -> bool:
    """Header text naming a year ("2025", "September 30, 2024", "3Q25"), not just "Nine Months Ended"."""
    return bool(YEAR_RE.search(normalize_header(text, _RELEASE.get().fy_end_month)))


def bare_length(text: str) -> bool:
    """Header text naming a period length and no year ("Three Months Ended", "Twelve Months Ended
    June 30,"): the band over the columns its dates or years name."""
    return bool(DURATION_RE.search(text)) and not names_year(text)


def heads_in_order(text: str, n: int) -> list[str] | None:
    """Header text printed with no columns to place it (a paragraph above a rendered table with
    no header row: "January 28, January 29," over "2023 2022"): its n dates, month-days or
    years in order, one per value column; None unless it names exactly n of one kind."""
    if n < 1 or not is_header_text(text):
        return None
    for pattern in (DATE_RE, MONTHDAY_RE, YEAR_RE):
        found = [m[0] for m in pattern.finditer(text)]
        if found:
            return found if len(found) == n else None
    return None


_FOOTNOTE_MARK_RE = re.compile(r"\(\s*(?:\d{1,2}|[a-z]|[ivx]{1,4})\s*\)|\*+", re.I)


def is_header_text(text: str) -> bool:
    """True when text only names periods: dates, years, "Three Months Ended", "(Unaudited)"."""
    text = normalize_header(text, _RELEASE.get().fy_end_month)
    if not re.search(rf"{YEAR_RE.pattern}|{MONTHDAY_RE.pattern}|{DURATION_RE.pattern}", text, re.I):
        return False
    rest = _PAREN_RE.sub(lambda m: "" if _SCALE_WORDS.search(m[1]) else m[0], text)
    rest = DATE_RE.sub(" ", rest)
    rest = MONTHDAY_RE.sub(" ", rest)
    rest = YEAR_RE.sub(" ", rest)
    rest = _FILLER_RE.sub(" ", rest)
    rest = re.sub(r"[-=_]{3,}", " ", rest)
    rest = _FOOTNOTE_MARK_RE.sub(" ", rest)  # "February 3, 2024 (1)"
    return not re.sub(r"[\s,.:;()\-–—]", "", rest)


def resolve_periods(lines: list[list[Seg]], n: int, kind: StatementKind, where: str) -> tuple[Period, ...]:
    """One Period per value column from header segments (outermost header line first)."""
    context = _RELEASE.get()
    lines = [[replace(seg, text=normalize_header(seg.text, context.fy_end_month)) for seg in line] for line in lines]
    texts = [" ".join(seg.text for line in lines for seg in line if seg.lo <= col <= seg.hi) for col in range(n)]
    return tuple(_column_period(lines, col, kind, where, _monthday_for(texts, col, context)) for col in range(n))


def _monthday_for(texts: list[str], col: int, context: ReleaseDates) -> tuple[str, str] | None:
    """Month and day for a column whose header gives only a year: for a full or fiscal year
    ("FULL YEAR" over "2021"), the fiscal year's end; for the year to date ("YTD24" beside
    "4Q24" and "3Q24"), the release's period end; else the nearest column's, else the
    release's period end."""
    if _FULL_YEAR_RE.search(texts[col]):
        month = context.fy_end_month
        return calendar.month_name[month], str(calendar.monthrange(2001, month)[1])
    if _YTD_RE.search(texts[col]) and context.period_end is not None:
        return calendar.month_name[context.period_end.month], str(context.period_end.day)
    for other in sorted(range(len(texts)), key=lambda k: (abs(k - col), k)):
        if (m := MONTHDAY_RE.search(texts[other])):
            return m["month"], m["day"]
    if context.period_end is not None:
        return calendar.month_name[context.period_end.month], str(context.period_end.day)
    if context.balance_sheet_end is not None:
        return calendar.month_name[context.balance_sheet_end.month], str(context.balance_sheet_end.day)
    return None


_FULL_YEAR_RE = re.compile(r"\b(?:fiscal|full)[\s-]year\b|\bannual\b", re.I)


def _column_period(lines: list[list[Seg]], col: int, kind: StatementKind, where: str,
                   fallback: tuple[str, str] | None = None) -> Period:
    segs = [seg for line in lines for seg in line if seg.lo <= col <= seg.hi]
    if kind is not StatementKind.BALANCE_SHEET:  # a period stated by its dates, in one cell or over the header's lines
        stated = next((span for seg in reversed(segs) if (span := date_range(seg.text))), None) \
            or date_range(" ".join(seg.text for seg in segs))
        if stated is not None:
            return Period(stated[1], stated[0])
    own = next((seg for seg in reversed(segs) if YEAR_RE.search(seg.text)), None)
    if own is not None and MONTHDAY_RE.search(own.text) and DURATION_RE.search(own.text) and kind is not StatementKind.BALANCE_SHEET:
        segs = [own]  # a column heading naming its whole period ("4Q20") under a band of other columns ("SIX MONTHS ENDED")
    text = " ".join(seg.text for seg in segs)
    year = _column_year(segs, col)
    # the column's own date before a band's ("... ENDED NOVEMBER 2, 2024 AND OCTOBER 28, 2023" over "October 28, 2023")
    dated = next((m for seg in reversed(segs) for m in DATE_RE.finditer(seg.text) if year is not None and int(m["year"]) == year), None)
    monthday = dated or MONTHDAY_RE.search(text)
    month, day = (monthday["month"], monthday["day"]) if monthday else fallback or (None, None)
    if year is None or month is None:
        raise ExtractionError(f"cannot read the period of column {col + 1} from header {text[:200]!r}", where=where,
                              code="xc:unreadableHeader")
    end = make_date(month, day, year)
    if end is None:
        raise ExtractionError(f"invalid date in column header {text!r}", where=where, code="xc:unreadableHeader")
    if kind is StatementKind.BALANCE_SHEET:
        return Period(end)
    weeks = duration_weeks(text)
    if weeks is not None:
        return Period(end, end - timedelta(days=7 * weeks - 1))
    months = duration_months(text)
    if months is None and _YTD_RE.search(text):
        months = (end.month - _RELEASE.get().fy_end_month - 1) % 12 + 1
    if months is None and _TWELVE_MONTHS_RE.search(text):
        months = 12
    if months is None and kind is StatementKind.CASH_FLOWS:
        months = (end.month - _RELEASE.get().fy_end_month - 1) % 12 + 1  # cash flows of an interim release: year to date
    if months is None and end.month == _RELEASE.get().fy_end_month and not any(
            names_length(seg.text) for line in lines for seg in line):
        months = 12  # bare fiscal year ends over every column ("Dec. 31, 2024"): the years they end
    if months is None:
        raise ExtractionError(f"column header {text!r} names no period length", where=where, code="xc:unreadableHeader")
    if not is_month_end(end):
        # a 52/53-week calendar: 13 weeks a quarter until fiscal_calendar() finds better
        return Period(end, end - timedelta(days=_weeks_for(months) * 7 - 1))
    return Period(end, months_before(end, months))


_RANGE_RE = re.compile(r"\s*(?:\(inception\)\s*)?(?:through|thru|to|until|[-\u2013\u2014])\s*(?:\(inception\)\s*)?$", re.I)


def date_range(text: str) -> tuple[date, date] | None:
    """The first and last day of a period a header states by its dates ("Period from February 1,
    2021 through March 31, 2021", "March 3, 2020 (inception) to December 31, 2020"), or None."""
    found = list(DATE_RE.finditer(text))
    if len(found) != 2 or not _RANGE_RE.fullmatch(text[found[0].end() : found[1].start()]):
        return None
    start, end = (make_date(m["month"], m["day"], m["year"]) for m in found)
    if start is None or end is None or not start < end <= start + timedelta(days=371):
        return None
    return start, end


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


# rows whose figures no scale line scales: per-share figures, percentages and ratios
_UNSCALED_ROW_RE = re.compile(r"\bper\b[\w\s,-]{0,30}\bshares?\b|\beps\b|%|\bpercent|\bratios?\b|\bmargins?\b"
                              r"|\breturn on\b|\brates?\b|\byields?\b|\bbasis points\b", re.I)


def release_scale(statements: list[Statement]) -> list[Statement]:
    """A statement printed without a scale line takes the one its release's other statements
    all state ("(In millions)" above the statement of operations but none above the balance
    sheet), with a note saying so. Statements holding an amount with decimals keep theirs; a
    per-share figure or a percentage ("Diluted earnings per common share 1.07", "Net interest
    margin (%) 2.40") is no such amount."""
    stated = {(st.scale.exponent, st.scale.shares_scaled, st.scale.text) for st in statements if st.scale.text}
    if len({e for e, _, _ in stated}) != 1:
        return statements
    exponent, shares, text = sorted(stated)[0]
    out = []
    for st in statements:
        if st.scale.text or any(c.decimals_printed for item in st.items for c in item.cells
                                if not _UNSCALED_ROW_RE.search(" ".join((*item.section, item.label)))):
            out.append(st)
            continue
        note = f"scale {text!r} taken from the release's other statements (none printed with this one)"
        out.append(replace(st, scale=Scale(exponent, shares, text), notes=(*st.notes, note)))
    return out


# ---- 52/53-week fiscal calendars -----------------------------------------------------------


def is_month_end(day: date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def _weeks_for(months: int) -> int:
    """13 weeks a quarter: 3 months -> 13 weeks (91 days), 12 months -> 52 weeks."""
    return round(months * 13 / 3)


_SNAP_DAYS = 6  # a prior period end this close to the 13-week estimate is the real one


def _whole_weeks(prior: date, end: date, printed: set[date]) -> bool:
    """Is `prior`, a date the release prints, a whole number of weeks before `end`?"""
    return prior in printed and (end - prior).days % 7 == 0


def _year_on(day: date) -> date:
    """The same day a year later (February 29 becomes February 28)."""
    return date(day.year + 1, day.month, min(day.day, calendar.monthrange(day.year + 1, day.month)[1]))


def _ends_on_balance_sheet_days(statements: list[Statement]) -> list[Statement]:
    """Columns of years alone dated by the balance sheet's day (the release states no period
    end): each year ends on the balance sheet's own date of that year where it prints one within
    6 days (December 31, 2023 beside the latest, December 29, 2024), else, on a 52/53-week
    calendar, a whole number of weeks before the next year's end (January 1, 2023)."""
    days = sorted({p.end for st in statements if st.kind is StatementKind.BALANCE_SHEET for p in st.periods})
    weeks = not all(is_month_end(d) for d in days)
    out = []
    for st in statements:
        durations = [p for p in st.periods if p.start is not None]
        if days and durations and 358 <= (days[-1] - max(p.end for p in durations)).days <= 372:
            # the latest year ends a year before the latest balance sheet: the years are named by
            # the calendar year they start in (a retailer's "Fiscal 2024" ended February 2, 2025)
            st = replace(st, periods=tuple(Period(_year_on(p.end), _year_on(p.start)) if p.start is not None else p
                                           for p in st.periods),
                         notes=(*st.notes, "the fiscal years are named by the calendar year they start in: "
                                           f"the latest ends on the balance sheet's day {days[-1].isoformat()}"))
            durations = [p for p in st.periods if p.start is not None]
        ends: dict[date, date] = {}
        for p in durations:
            near = [d for d in days if 0 < abs((d - p.end).days) <= _SNAP_DAYS]
            if near and p.end not in days:
                ends[p.end] = min(near, key=lambda d: (abs((d - p.end).days), d))
        for p in sorted(durations, key=lambda p: p.end, reverse=True) if weeks else ():
            later = [ends.get(q.end, q.end) for q in durations if q.end > p.end]
            if p.end in days or p.end in ends or not later or not 330 <= (min(later) - p.end).days <= 400:
                continue
            ends[p.end] = min((min(later) - timedelta(days=364), min(later) - timedelta(days=371)),
                              key=lambda d: abs((d - p.end).days))  # a 52- or 53-week year before it
        if not ends:
            out.append(st)
            continue
        notes = [f"end date {new.isoformat()} of the year printed {old.year} taken from "
                 + ("the balance sheet" if new in days else "a 52/53-week year before the next") for old, new in ends.items()]
        out.append(replace(st, periods=tuple(Period(ends.get(p.end, p.end), p.start) if p.start is not None else p
                                             for p in st.periods), notes=(*st.notes, *notes)))
    return out


def fiscal_calendar(statements: list[Statement]) -> list[Statement]:
    """Starts of periods on a 52/53-week calendar, from what the whole release gives.

    A release with a period ending on a date that is not a month end ("Three Months Ended
    April 28, 2024", a balance sheet at January 28, 2024) is on a 52/53-week calendar: each
    period starts the day after the previous fiscal period ended, not on a calendar date, even
    for a column that happens to end on a month end ("April 30, 2023"). The start is taken, in
    this order, from
      1. the end of an earlier period printed in the release within 6 days of the 13-week
         estimate: a balance-sheet date (the prior fiscal year end, "January 28, 2024") or
         the end of another column; first one a whole number of weeks before the end, which
         may be a week off the estimate (a 53-week year: "September 30, 2023" after
         "September 24, 2022", though the first ends on a month end);
      2. the header's week count ("Thirteen Weeks Ended" = 91 days), or, for months,
         13 weeks a quarter (three months = 91 days, twelve months = 364 days).
    Each inferred start is recorded in the statement's notes, saying from what.
    """
    if _RELEASE.get().balance_sheet_end is not None:
        statements = _ends_on_balance_sheet_days(statements)
    ends: list[tuple[date, str]] = []
    for st in statements:
        for period in st.periods:
            where = "the balance sheet" if st.kind is StatementKind.BALANCE_SHEET else f"the {st.title.lower()}"
            what = "balance-sheet date" if period.is_instant else "end of another column"
            ends.append((period.end, f"the {what} {period.end.isoformat()} in {where}"))
    if all(is_month_end(end) for end, _ in ends):
        return statements
    printed = {end for end, _ in ends}
    for st in statements:  # a fiscal year ending on a month end ends there every year
        for period in st.periods if st.kind is StatementKind.BALANCE_SHEET else ():
            if is_month_end(period.end):
                for year in (period.end.year - 1, period.end.year + 1):
                    same = date(year, period.end.month, calendar.monthrange(year, period.end.month)[1])
                    ends.append((same, f"the balance-sheet date {period.end.isoformat()} a year "
                                       f"{'earlier' if year < period.end.year else 'later'} ({same.isoformat()})"))
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
            # a date the release prints a whole number of weeks before the end, a week more or
            # less than the estimate (a 53-week year after a 52-week one) comes first
            near = sorted(
                ((not _whole_weeks(d, period.end, printed), abs((d + timedelta(days=1) - estimate).days), d, why)
                 for d, why in ends if d < period.end
                 and abs((d + timedelta(days=1) - estimate).days) <= (7 if _whole_weeks(d, period.end, printed) else _SNAP_DAYS)),
                key=lambda t: (t[0], t[1], t[2]))
            if near:
                *_, prior, why = near[0]
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
