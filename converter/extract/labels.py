"""Facts stated inside a line item's label: allowances, par value, share counts."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from dataclasses import replace
from decimal import Decimal

from converter.model import DetailKind, LabelDetail, SourceRef

from .cells import sane_digits
from .dates import AND_YEAR_RE, DATE_RE, date_of

_COUNT = r"(?P<n>\d{1,3}(?:,\d{3})+|\d+)"
_AMOUNT = r"\$\s?(?P<n>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)"
_AT_DATE = rf"(?:\s+(?:at|as\s+of|on)\s+(?P<date>{DATE_RE.pattern}))?"
_IN_YEAR = r"(?:\s+in\s+(?P<inyear>(?:19|20)\d\d)\b)?"
_ALLOWANCE_RE = re.compile(rf"{_AMOUNT}{_AT_DATE}{_IN_YEAR}", re.I)
# two figures for the two balance-sheet columns: "$503 and $506, respectively", "2,736 and 2,738 shares"
_ALLOWANCE_PAIR_RE = re.compile(rf"{_AMOUNT}\s+and\s+{_AMOUNT.replace('<n>', '<n2>')}(?!\s+in\s+\d)", re.I)
_PAR_RE = re.compile(
    rf"{_AMOUNT}\s+par\s+value|par\s+value(?:\s+of)?\s+{_AMOUNT.replace('<n>', '<n2>')}", re.I
)
_AUTHORIZED_RE = re.compile(
    rf"{_COUNT}\s+shares\s+authorized|authorized[:\s]+{_COUNT.replace('<n>', '<n2>')}\s+shares", re.I
)
_AUTHORIZED_PAIR_RE = re.compile(rf"{_COUNT}\s+and\s+{_COUNT.replace('<n>', '<n2>')}\s+shares\s+authorized", re.I)
_NONE_ISSUED_RE = re.compile(r"\bnone\s+issued(?P<out>\s+(?:and|or)\s+outstanding)?|\bno\s+shares\s+issued", re.I)
_ISSUED_RE = re.compile(
    rf"{_COUNT}\s+(?:shares\s+)?(?P<what>issued\s+and\s+outstanding|issued|outstanding)\b", re.I
)
_PAIR_RE = re.compile(
    rf"{_COUNT}\s+and\s+{_COUNT.replace('<n>', '<n2>')}\s+(?:shares\s+)?"
    r"(?P<what>issued\s+and\s+outstanding|issued|outstanding)\b",
    re.I,
)
_LISTED_RE = re.compile(r"\d,?\s+(?:and\s+)?$")  # "11,960,371, 11,917,113, and " before the last count of a list
_TREASURY_RE = re.compile(rf"{_COUNT}\s+(?:common\s+)?shares\b(?!\s+(?:authorized|issued|outstanding)){_AT_DATE}", re.I)
_TREASURY_PAIR_RE = re.compile(
    rf"{_COUNT}\s+and\s+{_COUNT.replace('<n>', '<n2>')}\s+(?:common\s+)?shares\b(?!\s+(?:authorized|issued|outstanding))",
    re.I)

Locate = Callable[[int], SourceRef]
_WHAT = {
    "issued": (DetailKind.SHARES_ISSUED,),
    "outstanding": (DetailKind.SHARES_OUTSTANDING,),
}


def label_details(label: str, locate: Locate) -> tuple[LabelDetail, ...]:
    """Every fact written inside `label`; `locate(offset)` gives the source of a label offset."""
    low = label.lower()
    found: list[LabelDetail] = []
    if "allowance" in low:
        found += _dated(label, _ALLOWANCE_RE, DetailKind.ALLOWANCE, locate, label.lower().index("allowance"),
                        _ALLOWANCE_PAIR_RE)
    for match in _PAR_RE.finditer(label):
        found.append(_detail(DetailKind.PAR_VALUE, match, None, locate))
    in_date = _in_date(label)
    # "800,000,000 and 300,000,000 shares authorized at December 31, 2025 and 2024, respectively"
    authorized = [m for m in _AUTHORIZED_PAIR_RE.finditer(label) if not in_date(m.start("n"))]
    for match in authorized:
        found += _pair(label, match, (DetailKind.SHARES_AUTHORIZED,), locate)
    for match in _AUTHORIZED_RE.finditer(label):
        if not any(p.start() <= match.start() < p.end() for p in authorized):
            found.append(_detail(DetailKind.SHARES_AUTHORIZED, match, None, locate))
    found += _issued(label, locate)
    if "treasury" in low:
        found += _dated(label, _TREASURY_RE, DetailKind.TREASURY_SHARES, locate, low.index("treasury"),
                        _TREASURY_PAIR_RE)
    return tuple(d for d in found if sane_digits(format(d.value, "f")))  # an absurd number is not a fact


def _issued(label: str, locate: Locate) -> list[LabelDetail]:
    found = []
    for match in _NONE_ISSUED_RE.finditer(label):
        kinds = [DetailKind.SHARES_ISSUED] + ([DetailKind.SHARES_OUTSTANDING] if match["out"] else [])
        for kind in kinds:
            found.append(LabelDetail(kind, Decimal(0), None, match[0], locate(match.start()), 0))
    in_date = _in_date(label)  # "..., 2024 and 9,222,157 shares" is no pair
    pairs = [m for m in _PAIR_RE.finditer(label) if not in_date(m.start("n"))]
    for match in pairs:
        found += _respectively(label, match, locate)
    for match in _ISSUED_RE.finditer(label):
        listed = _LISTED_RE.search(label, 0, match.start())
        if any(p.start() <= match.start() < p.end() for p in pairs) or (
                listed and not in_date(listed.start())):
            continue
        what = " ".join(match["what"].lower().split())
        kinds = _WHAT.get(what, (DetailKind.SHARES_ISSUED, DetailKind.SHARES_OUTSTANDING))
        as_of = _date_after(label, match.end())
        for kind in kinds:
            found.append(_detail(kind, match, as_of, locate))
    return found


def _respectively(label: str, match: re.Match[str], locate: Locate) -> list[LabelDetail]:
    """ "X and Y shares issued and outstanding at DATE1 and DATE2, respectively": X for DATE1,
    Y for DATE2; without two dates, X for the statement's first balance-sheet column and Y for
    its second (taken only when it prints two)."""
    kinds = _WHAT.get(" ".join(match["what"].lower().split()),
                      (DetailKind.SHARES_ISSUED, DetailKind.SHARES_OUTSTANDING))
    return _pair(label, match, kinds, locate)


def _dated(label: str, regex: re.Pattern[str], kind: DetailKind, locate: Locate, start: int,
           pair: re.Pattern[str]) -> list[LabelDetail]:
    """The figures of one kind a label states from `start`: a pair ("$503 and $506, respectively",
    "2,736 and 2,738 shares") for two dates named after it, else for the statement's two
    balance-sheet columns in print order; a single figure for the date or year after it, else
    for every balance-sheet date."""
    found: list[LabelDetail] = []
    in_date = _in_date(label)  # "June 30, 2024 and 356,436 shares" is no pair
    pairs = [m for m in pair.finditer(label, start)
             if not any(in_date(m.start(g)) for g in ("n", "n2"))]
    for match in pairs:
        found += _pair(label, match, (kind,), locate)
    for match in regex.finditer(label, start):
        if any(p.start() <= match.start() < p.end() for p in pairs):
            continue
        as_of = date_of(_sub_date(match)) if match["date"] else None
        year = int(match["inyear"]) if as_of is None and match.groupdict().get("inyear") else None
        if as_of is None and year is None and (before := _YEAR_BEFORE_RE.search(label, 0, match.start())):
            year = int(before["year"])
        found.append(replace(_detail(kind, match, as_of, locate), year=year))
    return found


# a year printed before a single figure: "(December 2024 – 59,796 shares)", "(2024: 1,200 shares)"
_YEAR_BEFORE_RE = re.compile(r"(?:\b[A-Z][a-z]+\.?\s+(?:\d{1,2},?\s+)?)?\b(?P<year>(?:19|20)\d{2})\s*[-–—:]\s*\Z")


def _in_date(label: str) -> Callable[[int], bool]:
    """Whether an offset of `label` lies inside a date it prints ("June 30, 2024")."""
    spans = [(m.start(), m.end()) for m in DATE_RE.finditer(label)]
    return lambda offset: any(a <= offset < b for a, b in spans)


def _pair(label: str, match: re.Match[str], kinds: tuple[DetailKind, ...], locate: Locate) -> list[LabelDetail]:
    """The two figures of a pair (groups n and n2) as details of each of `kinds`: for the two dates
    its clause names after it, else for the first and second of two balance-sheet columns."""
    clause = _clause(label, match.end())
    dates = [date_of(m) for m in DATE_RE.finditer(clause)]
    if len(dates) == 1 and dates[0] is not None and (
            year := AND_YEAR_RE.match(clause, next(DATE_RE.finditer(clause)).end())):
        dates.append(dates[0].replace(year=int(year["year"])))  # "at December 31, 2025 and 2024"
    found = []
    for k, group in enumerate(("n", "n2")):
        digits = match[group].replace(",", "")
        decimals = len(digits.split(".")[1]) if "." in digits else 0
        for kind in kinds:
            detail = LabelDetail(kind, Decimal(digits), dates[k] if len(dates) == 2 else None, match[0].strip(),
                                 locate(match.start(group)), decimals)
            found.append(detail if len(dates) == 2 else replace(detail, column=k, columns=2))
    return found


def _sub_date(match: re.Match[str]) -> re.Match[str]:
    found = DATE_RE.search(match["date"])
    assert found is not None
    return found


def _date_after(label: str, pos: int) -> date | None:
    """The date stated for a clause: the first date before the clause ends (";" or end)."""
    match = DATE_RE.search(_clause(label, pos))
    return date_of(match) if match else None


def _clause(label: str, pos: int) -> str:
    """The label from `pos` to the end of its clause (";" or the label's end)."""
    end = label.find(";", pos)
    return label[pos : end if end >= 0 else len(label)]


def _detail(kind: DetailKind, match: re.Match[str], as_of: date | None, locate: Locate) -> LabelDetail:
    groups = match.groupdict()
    raw = groups.get("n") or groups["n2"]
    digits = raw.replace(",", "")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return LabelDetail(kind, Decimal(digits), as_of, match[0].strip(), locate(match.start()), decimals)
