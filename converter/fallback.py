"""Fallback ranking over all US-GAAP 2024 numeric elements, for lines nothing else matched.

Candidates come from the compact element list (taxonomy_map/us-gaap-2024-elements.tsv, built by
scripts/build_element_list.py). What the line's place implies filters them: the statement
(balance-sheet lines are instants, the other statements' lines durations), the unit (per-share
amounts have cents; share counts say "shares"), the balance its section or wording implies
(assets debit; liabilities and equity credit; expenses debit; revenues and gains credit).
The rest are ranked by how well the words of the element name cover the words of the label
and its headings. Above THRESHOLD the line is tagged with the best element when real statements
of its kind are tagged with it (the concept table or the learned vocabulary gives it lines of
that statement) or when the label's words are its name, in order ("Prepaid insurance" is
PrepaidInsurance); otherwise it stays for an extension concept. Either way the three best candidates and their scores are reported.
An element whose period type or balance the reference data does not know is never chosen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from converter.companymap import looks_per_share, singular, words
from converter.concepts import ConceptEntry, DashRule, Sign, normalize_label
from converter.model import LineItem, StatementKind

THRESHOLD = 0.95
NUMERIC_TYPES = frozenset({"monetaryItemType", "sharesItemType", "perShareItemType"})
_CAMEL = re.compile(r"[A-Z][a-z]+|[A-Z]+(?![a-z])|\d+")
_DEBIT_WORDS = re.compile(r"\b(expenses?|costs?|loss(?:es)?|charges?|impairments?|depreciation|amortization|"
                          r"provision|taxes|interest expense|purchases?|payments?)\b")
_CREDIT_WORDS = re.compile(r"\b(revenues?|sales|income|gains?|profit|earnings|proceeds)\b")


@dataclass(frozen=True)
class Element:
    name: str
    item_type: str
    period_type: str | None  # None: unknown
    balance: str | None  # "debit" | "credit" | None (has none)
    balance_known: bool
    words: frozenset[str]
    sequence: tuple[str, ...]  # the name's words in order, singular, without filler (_name_sequence)

    @property
    def concept(self) -> str:
        return f"us-gaap:{self.name}"

    @property
    def emittable(self) -> bool:
        return self.period_type is not None and self.balance_known


@dataclass(frozen=True)
class Candidate:
    element: Element
    score: float
    exact: bool = False  # the label's words are the element name's words, in the same order

    def __str__(self) -> str:
        return f"{self.element.concept} ({self.score:.2f})"


def name_words(name: str) -> frozenset[str]:
    return frozenset(words(" ".join(_CAMEL.findall(name))))


def load_elements(path: Path) -> tuple[Element, ...]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        name, item_type, period, balance, *_ = line.split("\t")
        if item_type not in NUMERIC_TYPES:
            continue  # the list also holds the other item types a concept table can use
        out.append(Element(name=name, item_type=item_type, period_type=None if period == "-" else period,
                           balance=balance if balance in ("debit", "credit") else None,
                           balance_known=balance != "-", words=name_words(name), sequence=_name_sequence(name)))
    return tuple(out)


def default_elements_path() -> Path:
    from taxonomy_map import data_path

    return data_path("us-gaap-2024-elements.tsv")


@lru_cache(maxsize=4)
def elements(path: str | None = None) -> tuple[Element, ...]:
    return load_elements(Path(path) if path else default_elements_path())


@lru_cache(maxsize=1)
def _by_concept() -> dict[str, Element]:
    return {e.concept: e for e in elements()}


def element_of(concept: str) -> Element | None:
    """The shipped element list's entry for a concept ("us-gaap:Revenues"), or None."""
    return _by_concept().get(concept)


# a line about shares that is an amount of money: "Proceeds from issuance of shares",
# "Repurchases of shares", "Dividends on preferred shares", "Shares held in trust, at cost", and
# a stock's line describing its shares ("Authorized 800 shares, issued 543 shares")
_MONEY_WORDS = re.compile(r"\b(proceeds|payments?|paid|purchases?|repurchases?|dividends?|value|cost|costs|amount|"
                          r"issuances? of|premium|price|compensation|expense|tax(es)?|authorized)\b|\$"
                          r"|\d\s*(million |billion |thousand )?shares\b")


_PER_SHARE = re.compile(r"\bper (weighted[- ])?(average )?(common |ordinary |diluted |basic )?share\b|\beps\b")


def implied_item_type(item: LineItem) -> str:
    """Per-share, shares or money, by the row's figures and words (and its headings for shares)."""
    label = normalize_label(item.label)
    text = " ".join(normalize_label(t) for t in (item.label, *item.section))
    if _PER_SHARE.search(label):
        return "perShareItemType"
    if looks_per_share(item) and not re.search(r"\bshares\b", label) and any(
            _PER_SHARE.search(normalize_label(h)) for h in item.section):  # "Before special items" under "Diluted EPS"
        return "perShareItemType"
    # "Basic" / "Diluted" under "Weighted average shares outstanding:" count shares by their heading
    counted = re.search(r"^(basic|diluted|basic and diluted|assuming dilution)\b|\bdilut", label) and re.search(
        r"\bweighted[- ]average\b.*\bshares\b|\bshares\b.*\boutstanding\b", text)
    if (re.search(r"\bshares\b", label) or counted) and not _MONEY_WORDS.search(label):
        return "sharesItemType"
    return "monetaryItemType"


def implied_balance(kind: StatementKind, item: LineItem) -> str | None:
    """The balance a line's place implies, or None when it does not say."""
    if kind is StatementKind.BALANCE_SHEET:
        for heading in item.section:
            h = normalize_label(heading)
            if "asset" in h and "liabilit" not in h:
                return "debit"
            if "liabilit" in h or "equity" in h:
                return "credit"
        return None
    if kind is StatementKind.OPERATIONS:
        label = normalize_label(item.label)
        debit, credit = _DEBIT_WORDS.search(label), _CREDIT_WORDS.search(label)
        if debit and not credit:
            return "debit"
        if credit and not debit:
            return "credit"
    return None


def rank(kind: StatementKind, item: LineItem, limit: int = 3) -> tuple[Candidate, ...]:
    """The best `limit` emittable elements for a line, best first."""
    label_words = words(item.label)
    if not label_words:
        return ()
    section_words = set().union(*(words(h) for h in item.section)) if item.section else set()
    item_type = implied_item_type(item)
    period = "instant" if kind is StatementKind.BALANCE_SHEET else "duration"
    balance = implied_balance(kind, item) if item_type == "monetaryItemType" else None
    label_seq = _sequence(item.label)
    scored: list[Candidate] = []
    for element in elements():
        if not element.emittable or element.item_type != item_type or element.period_type != period:
            continue
        if balance and element.balance and element.balance != balance:
            continue
        common = label_words & element.words
        if not common:
            continue
        covered = len(common) / len(label_words)
        explained = len(element.words & (label_words | section_words)) / len(element.words)
        exact = label_seq == element.sequence
        score = 0.6 * covered + 0.4 * explained + (_ORDER_BONUS if exact else 0.0)
        scored.append(Candidate(element, round(score, 4), exact))
    scored.sort(key=lambda c: (-c.score, len(c.element.name), c.element.name))
    return tuple(scored[:limit])


_ORDER_BONUS = 0.01  # breaks ties between names with the same words: the label's word order wins


def _sequence(label: str) -> tuple[str, ...]:
    """A label's words in order, singular, without filler: equal to an element's _name_sequence
    when the label's words are the element's name in the same order ("Proceeds from warrants
    exercise" is ProceedsFromWarrantExercises)."""
    return tuple(singular(w) for w in re.findall(r"[a-z]+", normalize_label(label)) if w not in _FILLER)


def _name_sequence(name: str) -> tuple[str, ...]:
    return tuple(singular(w.lower()) for w in _CAMEL.findall(name) if w.lower() not in _FILLER)


_FILLER = ("net", "total", "of", "the")


def fallback_entry(kind: StatementKind, element: Element) -> ConceptEntry:
    """In a statement of cash flows a credit element (payments, increases in assets) is printed
    with the opposite sign of the value it stores; elsewhere the printed sign is kept."""
    sign = Sign.NEGATED if kind is StatementKind.CASH_FLOWS and element.balance == "credit" else Sign.AS_PRINTED
    return ConceptEntry(
        concept=element.concept, item_type=element.item_type, period_type=element.period_type or "duration",
        balance=element.balance, statement=kind, section=None, labels=(), total=False, sign=sign,
        dash=DashRule.ZERO, never_negative=False, detail=None, detail_of=(), statements=(kind,))
