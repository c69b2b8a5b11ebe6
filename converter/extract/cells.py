"""One printed table value -> kind, signed Decimal and printed decimals."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from converter.model import CellKind, RuleKind

from .dates import YEAR_RE

NUM = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
# another currency's sign before a figure ("€ 3,226", "EUR 1,200"): read like "$"; the statement
# is then refused for its currency (grid.grid_statement, release.build_release), not written as dollars
FOREIGN_SIGN = r"(?:€|£|¥|₹|₩|RMB|EUR|GBP|JPY|CHF|C\$|A\$|HK\$|NT\$|S\$|R\$)"
FOREIGN_SIGN_ALONE = re.compile(FOREIGN_SIGN)
_SIGNED_FIGURE_RE = re.compile(rf"(?<![A-Za-z])({FOREIGN_SIGN})\s*\(?[\d.]")
# a minus sign: hyphen, U+2212, or an en dash printed right against the figure ("–1,234")
_NUMBER_RE = re.compile(
    rf"^(?:\$|{FOREIGN_SIGN})?\s*(?:\(\s*\$?\s*(?P<paren>{NUM})\s*\)|(?P<minus>[-−]|–(?=\$?\d))?\s*\$?\s*(?P<plain>{NUM})(?P<trailing>-)?)$"
)
_DASH_RE = re.compile(r"^\$?\s*(?:-{1,2}|[—–]{1,2})$")
_RULE_RE = re.compile(r"^[-=_]{3,}(?:\s+[-=_]{3,})*\s*$")  # linear: no nested quantifier
# one value inside a run of glued or space-separated values ("$ (8,453)$(10,419)")
_ATOM_RE = re.compile(
    rf"(?:\$|{FOREIGN_SIGN})?[ ]?(?:\([ ]?\$?[ ]?(?:{NUM})[ ]?\)|(?:[-−]|–(?=\d))?(?:{NUM})(?:-(?![-\d.]))?|-{{1,2}}(?![-\d.])|[—–]{{1,2}})"
)


MAX_INTEGER_DIGITS = 18  # a quintillion: beyond any amount a release prints, even in thousands
MAX_FRACTION_DIGITS = 10


def sane_digits(digits: str) -> bool:
    """True when a printed number (commas allowed) is within the sizes the converter handles."""
    whole, _, fraction = digits.replace(",", "").partition(".")
    return len(whole.lstrip("0")) <= MAX_INTEGER_DIGITS and len(fraction) <= MAX_FRACTION_DIGITS


def oversized(text: str) -> bool:
    """True when `text` reads as a number but one beyond the sane size (see sane_digits)."""
    match = _NUMBER_RE.match(text.strip())
    return bool(match) and not sane_digits(match["paren"] or match["plain"])


@dataclass(frozen=True)
class Parsed:
    kind: CellKind
    value: Decimal | None = None
    decimals: int = 0


def foreign_sign(texts: list[str]) -> str | None:
    """The first sign of another currency than the US dollar printed against a figure in
    `texts` (a statement's cells: "€ 3,226"), or None."""
    for text in texts:
        found = _SIGNED_FIGURE_RE.search(text)
        if found:
            return found[1]
    return None


def is_rule(text: str) -> bool:
    """A rule printed under a column: ----- or ===== (3 or more)."""
    return bool(_RULE_RE.match(text.strip()))


def rule_kind(text: str) -> RuleKind:
    """Which rule a rule text is: ===== double (printed under totals), anything else single."""
    return RuleKind.DOUBLE if "=" in text else RuleKind.SINGLE


def heavier(a: RuleKind | None, b: RuleKind | None) -> RuleKind | None:
    """The heavier of two rules (double over single over none)."""
    return RuleKind.DOUBLE if RuleKind.DOUBLE in (a, b) else a or b


def parse_cell(text: str) -> Parsed | None:
    """Parse one cell; None when the text is not a table value."""
    text = text.strip()
    if not text or text == "$":
        return Parsed(CellKind.BLANK)
    if _DASH_RE.match(text):
        return Parsed(CellKind.DASH)
    match = _NUMBER_RE.match(text)
    if not match:
        return None
    digits = (match["paren"] or match["plain"]).replace(",", "")
    if not sane_digits(digits):
        return None  # refused: assemble reports it with its place
    value = Decimal(digits)
    if match["paren"] or match["minus"] or match["trailing"]:  # "1,234-": a trailing minus (an old accounting print)
        if match["minus"] and match["trailing"]:
            return None
        value = -value
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    return Parsed(CellKind.NUMBER, value, decimals)


def split_values(text: str) -> list[tuple[int, int]] | None:
    """Spans of the values a run of text consists of, or None when it is not only values.

    Handles glued cells ("$(8,453)$(10,419)") and a `$` set apart by one space.
    """
    spans: list[tuple[int, int]] = []
    pos, size = 0, len(text)
    while pos < size:
        if text[pos] == " ":
            pos += 1
            continue
        match = _ATOM_RE.match(text, pos)
        if not match:
            return None
        end = match.end()
        if end < size and text[end] not in " $(":
            return None
        spans.append((pos, end))
        pos = end
    return spans


_LETTER_MARK_RE = re.compile(r"^(?P<figure>.*[\d)])\s+\([a-z]\)$")  # "5,200 (a)": a figure and its footnote mark


def figure_segments(segments: list[tuple]) -> list[tuple]:
    """Text segments of a fixed-width line, (start, text) or (start, end, text), with the pieces
    of a figure printed apart (cells of their own in the HTML the text was rendered from) put
    back: a percent sign or closing parenthesis joins the figure on its left ("8  %" -> "8%",
    "(10,855  )" -> "(10,855)"; a year takes no percent sign: "2004      %" heads two columns),
    and a letter footnote mark after a figure is dropped ("5,200 (a)" -> "5,200")."""
    out: list[tuple] = []
    for seg in segments:
        text = seg[-1]
        if (text.strip() in ("%", ")", ")%") and out and re.search(r"[\d)]$", out[-1][-1])
                and not (text.strip() == "%" and YEAR_RE.fullmatch(out[-1][-1].strip()))):  # "2004      %": two heads
            before = out[-1]
            out[-1] = before[:1] + seg[1:-1] + (before[-1] + text.strip(),)
            continue
        marked = _LETTER_MARK_RE.match(text)
        if marked and parse_cell(marked["figure"]) is not None:
            figure = marked["figure"]
            seg = seg[:1] + ((seg[0] + len(figure),) if len(seg) == 3 else ()) + (figure,)
        out.append(seg)
    return out


_DOLLAR_AFTER_LABEL_RE = re.compile(r"[^\W\d_]\S* (?:US)?\$$")


def dollar_after_label(segment: str) -> int | None:
    """Where the `$` of a row's first figure starts in a label segment that ran into it, one
    space apart ("Diluted net income per common share $      1.38"), or None."""
    return segment.rindex(" ") + 1 if _DOLLAR_AFTER_LABEL_RE.search(segment) else None


_TRAILING_FIGURE_RE = re.compile(r"^(?P<label>.*[^\s$])\s+(?P<dollar>\$\s?)?(?P<figure>\(?\d[\d,]*(?:\.\d+)?\)?)$")


def trailing_figure(label: str) -> tuple[str, str] | None:
    """A label that ran into its row's first figure, one space apart ("Total liabilities and
    shareholders' investment $ 1,500"): the label and the figure, or None. Only a figure printed
    with a `$` or a thousands separator: "Common stock (2)" ends in a footnote mark, "Notes due
    2025" in a year."""
    match = _TRAILING_FIGURE_RE.match(label)
    if (not match or split_values(match["figure"]) != [(0, len(match["figure"]))]
            or not (match["dollar"] or "," in match["figure"])):
        return None
    return match["label"], match["figure"]
