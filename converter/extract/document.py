"""Document-level facts: company, exchange and ticker, release date, fiscal period."""

from __future__ import annotations

import re
from datetime import date, timedelta

from converter.model import DocumentInfo, SourceRef, Statement, StatementKind

from .dates import DATE_RE, MONTH, date_of
from .reader import Line

_SUFFIX = r"(?:Corporation|Corp\.?|Incorporated|Inc\.?|Company|Co\.|Ltd\.?|Limited|LLC|L\.P\.|plc|PLC|N\.V\.|S\.A\.|AG|Holdings|Group)"
_NAME = rf"(?P<name>(?:[A-Z][\w&'.-]*,?\s+){{0,6}}?{_SUFFIX})"
_HEADLINE_RE = re.compile(rf"{_NAME}(?:\s*\((?:R|TM)\))?\s+(?:Announces|Reports|Posts|Releases|Declares|Signs)\b")
_EXCHANGE = r"NASDAQ|Nasdaq|NYSE(?:\s+(?:Amex|Arca|MKT|American))?|AMEX|Amex|OTCBB|OTC|TSX"
_TICKER_RE = re.compile(rf"\((?:[^()]*;\s*)?(?P<exchange>{_EXCHANGE})(?:\s*(?:GS|GM|CM))?\s*:\s*(?P<ticker>[A-Z][A-Z.]{{0,5}})\)")
_NAME_BEFORE_TICKER_RE = re.compile(rf"{_NAME}(?:\s*\((?:R|TM)\))?\s*(?:\([^()]*\)\s*)*\((?:{_EXCHANGE})\s*:")
_WIRE_DATE_RE = re.compile(rf"--\s*(?P<date>{MONTH}\s+\d{{1,2}},?\s+\d{{4}})\s*--|(?P<date2>{MONTH}\s+\d{{1,2}},?\s+\d{{4}})\s*\(\s*(?:GLOBE NEWSWIRE|BUSINESS WIRE|PR\s*Newswire|MARKET\s*WIRE|Marketwire)", re.I)
_ORDINAL = {"first": "Q1", "second": "Q2", "third": "Q3", "fourth": "FY"}
_FISCAL_RE = re.compile(
    r"\b(?:(?P<q>First|Second|Third|Fourth)\s+Quarter(?:\s+of)?(?:\s+Fiscal(?:\s+Year)?)?|(?P<fy>Fiscal|Full)\s+Year(?:\s+of)?(?:\s+Fiscal)?)\s+(?P<year>(?:19|20)\d\d)\b",
    re.I,
)
# "Fiscal 2025 First Quarter", "Q1 Fiscal 2025", "Q3 2024"
_FISCAL_ALT_RE = re.compile(
    r"\b(?:Fiscal\s+(?:Year\s+)?(?P<year>(?:19|20)\d\d)\s+(?P<q>First|Second|Third|Fourth)\s+Quarter"
    r"|(?P<qn>Q[1-4])\s+(?:of\s+)?(?:Fiscal\s+(?:Year\s+)?)?(?P<year2>(?:19|20)\d\d))\b",
    re.I,
)
_PERIOD_END_RE = re.compile(rf"\b(?:quarter|three months|six months|nine months|year|period)\s+ended\s+(?P<date>{DATE_RE.pattern})", re.I)


def document_info(lines: list[Line], statements: list[Statement], path: str) -> DocumentInfo:
    found: dict[str, tuple[object, SourceRef]] = {}

    def ref(line: Line, index: int) -> SourceRef:
        return SourceRef(path, line.number, line.col(index))

    def first(key: str, regex: re.Pattern[str], group: str, convert=lambda m, g: m[g]) -> None:
        if key in found:
            return
        for line in lines:
            for match in regex.finditer(line.text):
                value = convert(match, group)
                if value is not None:
                    found[key] = (value, ref(line, match.start(group)))
                    return

    first("company_name", _HEADLINE_RE, "name")
    for st in statements:
        above = _company_line(lines, st)
        if above and "company_name" not in found:
            found["company_name"] = (above[0].text.strip(), ref(above[0], above[1]))
    first("company_name", _NAME_BEFORE_TICKER_RE, "name")
    first("exchange", _TICKER_RE, "exchange", lambda m, g: m[g].upper())
    first("ticker", _TICKER_RE, "ticker")
    _release_date(lines, found, ref)
    first("fiscal_period_text", _FISCAL_RE, 0, lambda m, g: " ".join(m[0].split()))
    first("fiscal_period_text", _FISCAL_ALT_RE, 0, lambda m, g: " ".join(m[0].split()))
    if "fiscal_period_text" in found:
        src = found["fiscal_period_text"][1]
        match = _FISCAL_RE.search(found["fiscal_period_text"][0])
        if match:
            found["fiscal_year_focus"] = (int(match["year"]), src)
            found["fiscal_period_focus"] = (_ORDINAL[match["q"].lower()] if match["q"] else "FY", src)
        else:
            alt = _FISCAL_ALT_RE.search(found["fiscal_period_text"][0])
            found["fiscal_year_focus"] = (int(alt["year"] or alt["year2"]), src)
            quarter = alt["qn"].upper() if alt["qn"] else _ORDINAL[alt["q"].lower()]
            found["fiscal_period_focus"] = ("FY" if quarter == "Q4" else quarter, src)
    first("period_end", _PERIOD_END_RE, "date", lambda m, g: _date_in(m[g]))
    if "period_end" not in found:
        _period_end_from_statements(statements, found)
    if "fiscal_year_focus" not in found:
        _fiscal_focus_from_dates(statements, found)
    values = {key: value for key, (value, _) in found.items()}
    return DocumentInfo(**values, sources=tuple((key, src) for key, (_, src) in found.items()))


def _date_in(text: str) -> date | None:
    match = DATE_RE.search(text)
    return date_of(match) if match else None


def _company_line(lines: list[Line], st: Statement) -> tuple[Line, int] | None:
    """The company name line printed just above a statement title (line layouts)."""
    index = st.source.line - 2
    if index < 0 or index >= len(lines):
        return None
    line = lines[index]
    text = line.text.strip()
    if text and len(text) < 100 and "\t" not in text and not DATE_RE.search(text):
        return line, len(line.text) - len(line.text.lstrip())
    return None


def _release_date(lines: list[Line], found: dict, ref) -> None:
    for line in [l for l in lines if l.text.strip()][:5]:
        match = DATE_RE.fullmatch(line.text.strip())
        if match and date_of(match):
            found["release_date"] = (date_of(match), ref(line, len(line.text) - len(line.text.lstrip())))
            return
    for line in lines:
        match = _WIRE_DATE_RE.search(line.text)
        if match:
            group = "date" if match["date"] else "date2"
            value = _date_in(match[group])
            if value:
                found["release_date"] = (value, ref(line, match.start(group)))
                return


def _period_end_from_statements(statements: list[Statement], found: dict) -> None:
    sheets = [s for s in statements if s.kind is StatementKind.BALANCE_SHEET] or statements
    best = max(((p.end, s.source) for s in sheets for p in s.periods), default=None)
    if best:
        found["period_end"] = best


_FOCUS_BY_MONTHS = {3: "Q1", 6: "Q2", 9: "Q3", 12: "FY"}


def _fiscal_focus_from_dates(statements: list[Statement], found: dict) -> None:
    """Fiscal year and period when the release does not name them: the fiscal year starts at
    the earliest of the starts of the columns ending on the latest date and the days after the
    balance-sheet dates up to a year before it (the prior fiscal year end); 3, 6, 9 or 12 months
    from there give Q1, Q2, Q3 or FY. The fiscal year is the year it ends in, or, for one ending
    in January or the first week of February (retailers), the year it starts in."""
    durations = [(p, s) for s in statements for p in s.periods if p.start is not None]
    if not durations:
        return
    end = max(p.end for p, _ in durations)
    starts = [(p.start, s.source) for p, s in durations if p.end == end]
    starts += [(p.end + timedelta(days=1), s.source) for s in statements if s.kind is StatementKind.BALANCE_SHEET
               for p in s.periods if 80 <= (end - p.end).days <= 375]
    start, src = min(starts)
    months = round(((end - start).days + 1) / (365.25 / 12))
    focus = _FOCUS_BY_MONTHS.get(months)
    if focus is None:
        return
    year_end = start + timedelta(days=364)
    early = year_end.month == 1 or (year_end.month == 2 and year_end.day <= 7)
    found["fiscal_year_focus"] = (start.year if early else year_end.year, src)
    found["fiscal_period_focus"] = (focus, src)
