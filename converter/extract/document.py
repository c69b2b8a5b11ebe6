"""Document-level facts: company, exchange and ticker, CIK, release date, fiscal period.

The release's lines are read as one prose text (lines joined by a space, so that a name or a
phrase wrapped over two lines is still found; positions map back to file line and column):

- CIK and registrant name from an EDGAR submission header ("CENTRAL INDEX KEY:", "COMPANY
  CONFORMED NAME:") when the input carries one; SGML wrapper lines (<DOCUMENT>, <TYPE>EX-99.1,
  <FILENAME> ...) are otherwise ignored;
- ticker forms "(NASDAQ: NVDA)", "NYSE:USB", "(Nasdaq GS: X)", "(NASDAQ, TSX: X)",
  "NYSE American:", "OTCQB:", "(OTC Bulletin Board: X.OB)", "(Nasdaq:X - News)";
- the company name printed before the ticker, in a headline ("X, Inc. Reports ..."), in the
  submission header, or above a statement; `other_names` lists further printed names (for a
  registry lookup when no ticker is printed);
- the period end: the latest end date of the statements (the current period), else the
  latest "quarter/year ended <date>" of the text;
- fiscal year and period focus: the first quarter or fiscal-year phrase of the text ("Second
  Quarter Fiscal 2009", "fiscal fourth quarter", "Q3 FY2026", "fiscal year ending September 30,
  2004"); a phrase without a year takes it from the period end (a quarter's fiscal year ends
  3, 6 or 9 months after it); with no phrase, both come from the statements' dates. A fourth
  quarter is reported as "FY".
"""

from __future__ import annotations

import bisect
import calendar
import re
from datetime import date, timedelta

from converter.model import DocumentInfo, SourceRef, Statement, StatementKind

from .dates import DATE_RE, MONTH, date_of
from .reader import Line

_SUFFIX = (r"(?:(?i:Corporation|Corp\.?|Incorporated|Inc\.?|Company|Co\.|Ltd\.?|Limited|LLC|L\.P\.|plc|N\.V\.|S\.A\.)"
           r"|AG|SE|Holdings|Group|Bancorp(?:oration)?|Bancshares)")
_WORD = r"(?:[A-Z]|[a-z]{1,2}[A-Z])[\w&'.]*(?:-[\w&'.]+)*"  # "Pericom", "U.S.", "eBay", "iRobot", "Coca-Cola"
# the spaces between two words are taken whole (an atomic group): a text rendering's table lines
# hold runs of a hundred spaces, and "\s*,?\s+" could split each run a hundred ways per word
_NAME = rf"(?P<name>{_WORD},?\s+(?:(?:{_WORD}|of|and|de)(?>\s*,?\s+)(?:&\s+)?){{0,6}}?{_SUFFIX})"
_GENERIC = re.compile(rf"(?:(?i:the)\s+)?{_SUFFIX}(?:,?\s+{_SUFFIX})*")  # "The Company", "Group, Inc."
_MARK = r"(?:\s*\((?:R|TM)\)|\s*[®™])?"
_HEADLINE_RE = re.compile(rf"{_NAME}{_MARK}\s+(?:Announces|Reports|Posts|Releases|Declares|Signs)\b")
# a headline naming the company without its legal form ("Kimco Realty® Announces Fourth Quarter
# ...", "CRISPR Therapeutics Provides Business Update and Reports ..."): looked for in the
# release's first lines only
_PLAIN_HEADLINE_RE = re.compile(
    rf"(?P<plain>(?:{_WORD}\s+(?:&\s+)?){{0,3}}{_WORD}){_MARK}\s+(?:Announces|Reports|Posts|Provides|Releases)\b"
    r"(?=.*\b(?:Quarter|Year|Results|Earnings)\b)")
_HEADLINE_LINES = 12  # non-empty lines from the top searched for a headline
# markdown's heading marks, a saved page's front matter, bold marks, an EDGAR page's <title>Document</title>
_HEADLINE_LEAD_RE = re.compile(r"^\s*(?:#+\s*|title:\s*[\"']?|\*\*)?(?:Document\s+)?")
_BASED_RE = re.compile(r"^(?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*-based\s+")  # "Atlanta-based Southern Company"
_EXCHANGE = (r"(?i:nasdaq(?:\s+(?:gs|gm|cm|global\s+select\s+market|global\s+market|capital\s+market|national\s+market))?"
             r"|nyse(?:\s+(?:amex|arca|mkt|american))?|amex|otcqx|otcqb|otcbb|otc(?:\s+bulletin\s+board|\s+markets)?"
             r"|tsx(?:-?v)?|pink\s+sheets)")
_EXCHANGES = rf"{_EXCHANGE}(?:\s*(?:,|/|&|\band\b)\s*{_EXCHANGE})*"
_TICKER = r"[A-Z][A-Z0-9]{0,5}(?:[.-][A-Z]{1,2})?"
_TICKER_RE = re.compile(rf"(?:\((?:[^()]{{0,60}}?;\s*)?|\b)(?P<exchange>{_EXCHANGES})\s*:\s*(?P<ticker>{_TICKER})(?![\w:])")
_NAME_BEFORE_TICKER_RE = re.compile(
    rf"(?:{_NAME}|(?P<plain>(?:{_WORD}\s+(?:&\s+)?){{0,4}}{_WORD})){_MARK}\s*(?:\([^()]*\)\s*)*\(\s*{_EXCHANGES}\s*:")
_TIER_RE = re.compile(r"\s+(?:GS|GM|CM|GLOBAL.*|CAPITAL.*|NATIONAL.*|BULLETIN.*|MARKETS)$")
_HEADER_CIK_RE = re.compile(r"CENTRAL INDEX KEY:\s*(?P<cik>\d{1,10})\b")
_HEADER_NAME_RE = re.compile(r"COMPANY CONFORMED NAME:\s*(?P<name>\S.*\S)")
_HEADER_LINES = 200  # an EDGAR submission header is at the top of the file
_SGML_RE = re.compile(r"^\s*</?[A-Z][A-Z0-9-]*>")
_WIRE_DATE_RE = re.compile(rf"--\s*(?P<date>{MONTH}\s+\d{{1,2}},?\s+\d{{4}})\s*--|(?P<date2>{MONTH}\s+\d{{1,2}},?\s+\d{{4}})\s*\(\s*(?:GLOBE NEWSWIRE|BUSINESS WIRE|PR\s*Newswire|MARKET\s*WIRE|Marketwire)", re.I)

_ORDINALS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_Q = r"(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)"
_YEAR = r"(?P<qyear>(?:19|20)\d\d)"
_FISCAL_RE = re.compile(
    rf"\b(?:(?:fiscal\s+)?{_Q}\s+(?:fiscal\s+)?quarter(?:\s+(?:of\s+)?(?:fiscal\s+(?:year\s+)?)?{_YEAR}\b)?"
    rf"|fiscal\s+(?:year\s+)?(?P<year2>(?:19|20)\d\d)\s+(?P<q2>first|second|third|fourth)\s+quarter"
    rf"|(?P<qn>Q[1-4])\s+(?:of\s+)?(?:fiscal\s+(?:year\s+)?|FY\s*)?(?P<year3>(?:19|20)\d\d)\b"
    rf"|(?P<qn2>Q[1-4])\s*FY\s*'?(?P<yy>\d\d)\b"
    rf"|(?:fiscal|full)\s+year\s+(?:of\s+)?(?:fiscal\s+)?(?P<year4>(?:19|20)\d\d)\b"
    rf"|fiscal\s+year\s+end(?:ed|ing)\s+(?P<fyend>{MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d\d)"
    rf"|fiscal\s+(?P<year5>(?:19|20)\d\d)\b)",
    re.I,
)
_PERIOD_END_RE = re.compile(rf"\b(?:quarter|three months|six months|nine months|year|period)\s+ended\s+(?P<date>{DATE_RE.pattern})", re.I)
_PROSE_LIMIT = 400_000  # characters of prose searched (a financial supplement can be much longer)


class _Prose:
    """The non-empty lines joined by one space (by PARAGRAPH where a blank line parts them, so
    that no name or phrase runs from a headline into the next paragraph), with each offset's
    file line and column."""

    PARAGRAPH = " \u00b6 "

    def __init__(self, lines: list[Line], path: str, paragraphs: bool = True) -> None:
        self.path = path
        self.starts: list[int] = []
        self.lines: list[tuple[Line, int]] = []
        text = ""
        blank = False
        for line in lines:
            stripped = line.text.strip()
            if not stripped:
                blank = True
                continue
            if _SGML_RE.match(stripped) and len(stripped) < 80:
                continue
            if text:
                text += self.PARAGRAPH if blank and paragraphs else " "
            blank = False
            self.starts.append(len(text))
            self.lines.append((line, len(line.text) - len(line.text.lstrip())))
            text += stripped
            if len(text) > _PROSE_LIMIT:
                break
        self.text = text

    def ref(self, offset: int) -> SourceRef:
        i = max(bisect.bisect_right(self.starts, offset) - 1, 0)
        line, indent = self.lines[i]
        return SourceRef(self.path, line.number, line.col(indent + offset - self.starts[i]))


def document_info(lines: list[Line], statements: list[Statement], path: str) -> DocumentInfo:
    prose = _Prose(lines, path)
    found: dict[str, tuple[object, SourceRef]] = {}

    def first(key: str, regex: re.Pattern[str], group: str, convert=lambda m, g: m[g]) -> None:
        if key in found:
            return
        for match in regex.finditer(prose.text):
            value = convert(match, group)
            if value is not None:
                found[key] = (value, prose.ref(match.start(group)))
                return

    header_name = _header(lines, path, found)
    first("ticker", _TICKER_RE, "ticker")
    first("exchange", _TICKER_RE, "exchange", lambda m, g: _TIER_RE.sub("", re.split(r"\s*(?:,|/|&|\band\b)\s*", m[g])[0].upper()))
    names = _names(prose, lines, statements, header_name)
    if names:
        found["company_name"] = names[0]
    _release_date(lines, prose, found)
    period_end = _period_end_from_statements(statements) or _period_end_from_text(prose)
    if period_end:
        found["period_end"] = period_end
    _fiscal_focus(prose, statements, found)
    values = {key: value for key, (value, _) in found.items()}
    others = tuple(dict.fromkeys(n for n, _ in names[1:] + _attributed_names(statements)
                                 if n != values.get("company_name")))
    return DocumentInfo(**values, other_names=others, sources=tuple((key, src) for key, (_, src) in found.items()))


# ---- company name --------------------------------------------------------------------------

def _header(lines: list[Line], path: str, found: dict) -> tuple[str, SourceRef] | None:
    """The CIK (into `found`) and the conformed name of an EDGAR submission header's first filer."""
    name = None
    for line in lines[:_HEADER_LINES]:
        cik = _HEADER_CIK_RE.search(line.text)
        if cik and "cik" not in found:
            found["cik"] = (cik["cik"].zfill(10), SourceRef(path, line.number, line.col(cik.start("cik"))))
        conformed = _HEADER_NAME_RE.search(line.text)
        if conformed and name is None:
            name = (conformed["name"], SourceRef(path, line.number, line.col(conformed.start("name"))))
    return name


def _names(prose: _Prose, lines: list[Line], statements: list[Statement],
           header_name: tuple[str, SourceRef] | None) -> list[tuple[str, SourceRef]]:
    """Printed company names, most reliable first: before the ticker, in a headline, in the
    submission header, names with a legal form in the opening text, lines above statements."""
    out: list[tuple[str, SourceRef]] = []
    for text in (prose, _Prose(lines, prose.path, paragraphs=False)):  # also across a blank line
        match = _NAME_BEFORE_TICKER_RE.search(text.text)
        group = "name" if match and match["name"] else "plain"
        if match and not _GENERIC.fullmatch(" ".join(match[group].split())):
            out.append((match[group], text.ref(match.start(group))))
            break
    match = _HEADLINE_RE.search(prose.text)
    if match:
        out.append((match["name"], prose.ref(match.start("name"))))
    opening = [(m["name"], prose.ref(m.start("name")))
               for m in re.finditer(rf"(?<![\w&'.-]){_NAME}(?![\w])", prose.text[:6000]) if len(m["name"].split()) > 1]
    plain = None if match else _plain_headline(lines, prose.path)
    if plain:  # its name with the legal form when the opening text prints that ("Agios Pharmaceuticals, Inc.")
        out.append(next(((n, r) for n, r in opening if n.startswith(plain[0])), plain))
    if header_name:
        out.append(header_name)
    out += opening
    for st in statements:
        above = _company_line(lines, st)
        if above:
            out.append(above)
    cleaned = [(_BASED_RE.sub("", re.sub(r"\s+", " ", name)).strip(" ,"), ref) for name, ref in out]
    return [(name, ref) for name, ref in cleaned if name and not _GENERIC.fullmatch(name)]


def _plain_headline(lines: list[Line], path: str) -> tuple[str, SourceRef] | None:
    """The company a headline line at the top of the release opens with, legal form or not."""
    texts = [line for line in lines if line.text.strip()][:_HEADLINE_LINES]
    for line in texts:
        lead = _HEADLINE_LEAD_RE.match(line.text).end()
        found = _PLAIN_HEADLINE_RE.match(line.text, lead)
        if found and not _GENERIC.fullmatch(found["plain"]):
            return found["plain"], SourceRef(path, line.number, line.col(found.start("plain")))
    return None


_ATTRIBUTABLE_RE = re.compile(
    r"^(?i:(?:net\s+)?(?:income|earnings|loss|profit)\b.*?\b(?:attributable|applicable|available)\s+to)\s+(?P<name>(?:[A-Z]|[a-z]{1,2}[A-Z])[\w&'.,-]*(?:\s+(?:&\s+)?[A-Z][\w&'.,-]*){0,5})"
    r"(?=\s*(?:common|shareholders|stockholders|\(|$))")


def _attributed_names(statements: list[Statement]) -> list[tuple[str, SourceRef]]:
    """The company named in a statement row such as "Net income attributable to Acme Corp." or
    "Earnings applicable to Acme common shareholders": a candidate for a registry lookup only
    (never the printed company name: such rows may name a subsidiary)."""
    out = []
    for st in statements:
        for item in st.items:
            match = _ATTRIBUTABLE_RE.search(item.label.strip())
            if match and not re.match(r"(?i)(?:non|minority|common|participating|the company)", match["name"]):
                out.append((match["name"].rstrip(",."), item.source))
    return out


def _company_line(lines: list[Line], st: Statement) -> tuple[str, SourceRef] | None:
    """The company name line printed just above a statement title: the text a table reader
    found above it (HTML, markdown), else the file line above the title line (line layouts)."""
    if st.above is not None:
        text, ref = st.above
        return (text.strip(), ref) if _name_like(text) else None
    index = st.source.line - 2
    if index < 0 or index >= len(lines):
        return None
    line = lines[index]
    if not _name_like(line.text):
        return None
    indent = len(line.text) - len(line.text.lstrip())
    return line.text.strip(), SourceRef(st.source.path, line.number, line.col(indent))


def _name_like(text: str) -> bool:
    """Short, two words or more, no date, no bare number ("Exhibit 99.3", a page number)."""
    text = text.strip()
    return bool(text and len(text) < 100 and "\t" not in text and not DATE_RE.search(text)
                and re.search(r"[A-Za-z]", text) and len(text.split()) > 1
                and not any(re.fullmatch(r"[\d.,:()-]+", word) for word in text.split()))


# ---- dates ---------------------------------------------------------------------------------

def _release_date(lines: list[Line], prose: _Prose, found: dict) -> None:
    heading = [l for l in lines if l.text.strip() and not _SGML_RE.match(l.text.strip())][:5]
    for line in heading:
        match = DATE_RE.fullmatch(line.text.strip())
        if match and date_of(match):
            found["release_date"] = (date_of(match), SourceRef(prose.path, line.number,
                                                               line.col(len(line.text) - len(line.text.lstrip()))))
            return
    match = _WIRE_DATE_RE.search(prose.text)
    if match:
        group = "date" if match["date"] else "date2"
        value = _date_in(match[group])
        if value:
            found["release_date"] = (value, prose.ref(match.start(group)))


def _date_in(text: str) -> date | None:
    match = DATE_RE.search(text)
    return date_of(match) if match else None


def _period_end_from_statements(statements: list[Statement]) -> tuple[date, SourceRef] | None:
    """The latest period end of the first statement of operations, else of the first balance
    sheet, else of the first statement (later tables may be supplements on other periods)."""
    for kinds in ((StatementKind.OPERATIONS,), (StatementKind.BALANCE_SHEET,), tuple(StatementKind)):
        first = next((s for s in statements if s.kind in kinds and s.periods), None)
        if first:
            return max(p.end for p in first.periods), first.source
    return None


def _period_end_from_text(prose: _Prose) -> tuple[date, SourceRef] | None:
    found = [(date_of(m), m.start("date")) for m in _PERIOD_END_RE.finditer(prose.text[:20000])]
    found = [(d, at) for d, at in found if d]
    if not found:
        return None
    end, at = max(found, key=lambda x: (x[0], -x[1]))
    return end, prose.ref(at)


# ---- fiscal year and period ----------------------------------------------------------------

_FOCUS_BY_MONTHS = {3: "Q1", 6: "Q2", 9: "Q3", 12: "FY"}


def _fiscal_year_named(year_end: date) -> int:
    """The fiscal year a year ending on `year_end` is named for: the year it ends in, except a
    52/53-week year ending in the last week of January or the first week of February
    (retailers), which is named for the year it starts in."""
    late_january = year_end.month == 1 and 24 <= year_end.day < 31
    if late_january or (year_end.month == 2 and year_end.day <= 7):
        return year_end.year - 1
    return year_end.year


def _quarter_year(quarter: int, period_end: date) -> int:
    """The fiscal year of a quarter ending on period_end: it ends 3 * (4 - quarter) months later
    (at a month end when the quarter ends at one, else on about the same day)."""
    year, month = divmod(period_end.year * 12 + period_end.month - 1 + 3 * (4 - quarter), 12)
    month += 1
    last = calendar.monthrange(year, month)[1]
    month_end = period_end.day == calendar.monthrange(period_end.year, period_end.month)[1]
    return _fiscal_year_named(date(year, month, last if month_end else min(period_end.day, last)))


def _fiscal_focus(prose: _Prose, statements: list[Statement], found: dict) -> None:
    """The fiscal period the release reports: the first phrase naming one ("fourth quarter
    2024"), passing over the prior year's quarter, compared with before the quarter's own name
    ("... compared to ... for the fourth quarter of 2023"), unless no other phrase is left; else
    from the statements' dates."""
    end = found.get("period_end", (None,))[0]
    matches = list(_FISCAL_RE.finditer(prose.text))
    if end is not None:
        agreeing = [m for m in matches if _agrees(m, end)]
        matches = agreeing + [m for m in matches if m not in agreeing] if agreeing else matches
    for match in matches:
        quarter, year = _phrase(match)
        if year is None and end is None:
            continue
        if year is None:
            year = _quarter_year(quarter or 4, end)
        src = prose.ref(match.start())
        found["fiscal_period_text"] = (" ".join(match[0].split()), src)
        found["fiscal_year_focus"] = (year, src)
        found["fiscal_period_focus"] = ("FY" if quarter in (None, 4) else f"Q{quarter}", src)
        return
    _fiscal_focus_from_dates(statements, found)


def _agrees(match: re.Match[str], end: date) -> bool:
    """Does a fiscal-period phrase fit a release whose latest period ends on `end`? Not a
    quarter named with the year before the one ending then: the comparative quarter ("compared
    to ... for the fourth quarter of 2023"); other phrases are not judged here."""
    quarter, year = _phrase(match)
    return quarter is None or year is None or year != _quarter_year(quarter, end) - 1


def _phrase(match: re.Match[str]) -> tuple[int | None, int | None]:
    """(quarter or None for a fiscal year, fiscal year or None) of a _FISCAL_RE match."""
    if match["q"]:
        return _ORDINALS[match["q"].lower()], int(match["qyear"]) if match["qyear"] else None
    if match["q2"]:
        return _ORDINALS[match["q2"].lower()], int(match["year2"])
    if match["qn"]:
        return int(match["qn"][1]), int(match["year3"])
    if match["qn2"]:
        return int(match["qn2"][1]), 2000 + int(match["yy"])
    if match["fyend"]:
        fy_end = _date_in(match["fyend"])
        return None, _fiscal_year_named(fy_end) if fy_end else None
    return None, int(match["year4"] or match["year5"])


def _fiscal_focus_from_dates(statements: list[Statement], found: dict) -> None:
    """Fiscal year and period when the release does not name them: the fiscal year starts at
    the earliest of the starts of the columns ending on the latest date and the day after the
    prior fiscal year end, the one earlier balance-sheet date up to a year before it (a trend
    table with several earlier dates does not say which one ended the fiscal year); 3, 6, 9 or
    12 months from there give Q1, Q2, Q3 or FY."""
    durations = [(p, s) for s in statements for p in s.periods if p.start is not None]
    if not durations:
        return
    end = max(p.end for p, _ in durations)
    starts = [(p.start, s.source) for p, s in durations if p.end == end]
    earlier = {p.end: s.source for s in statements if s.kind is StatementKind.BALANCE_SHEET
               for p in s.periods if 80 <= (end - p.end).days <= 375}
    if len(earlier) == 1:
        (prior, source), = earlier.items()
        starts.append((prior + timedelta(days=1), source))
    start, src = min(starts)
    months = round(((end - start).days + 1) / (365.25 / 12))
    focus = _FOCUS_BY_MONTHS.get(months)
    if focus is None:
        return
    found["fiscal_year_focus"] = (_fiscal_year_named(start + timedelta(days=364)), src)
    found["fiscal_period_focus"] = (focus, src)
