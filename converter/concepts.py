"""Configuration: the concept table, loaded once into typed objects (the entity registry is in
converter/entities.py and re-exported here).

The concept table (taxonomy_map/concepts.yaml) has one entry per taxonomy concept:

    - concept: us-gaap:Assets
      type: monetaryItemType          # item type local name, as in the taxonomy
      period: instant                 # instant | duration
      balance: debit                  # debit | credit | omitted
      statement: balance_sheet        # balance_sheet | operations | cash_flows | comprehensive_income,
                                      #   or a list of them (omit for label details)
      section: "^assets$"             # optional regex; one heading above the row must match
      labels: ["total assets", "total"]   # regexes; one must match the whole normalized label
      under: "^assets$"               # optional regex, and labels_under: labels that apply only
      labels_under: ["total"]         #   under a heading matching `under` (`section` aside)
      total: true                     # the row is a subtotal/total of the rows above it
      sign: as-printed                # as-printed | deduction (printed in parentheses because
                                      #   it is subtracted; the concept stores its size) | negated
                                      #   (the concept stores the opposite of the printed figure:
                                      #   a cash-flow change in an operating asset, printed
                                      #   "(1,234)" for an increase, is IncreaseDecrease... +1234)
      opening_labels: ["cash.* beginning of (the )?period"]
                                      # an instant concept in a duration column is taken at the
                                      #   column's end; rows matching these patterns give the
                                      #   balance at its start: the day before the period begins
      dash: zero                      # zero | nil: what a printed "--" means for this concept
      never_negative: true            # the tool's checks flag a negative value
      detail: allowance               # for facts stated inside labels: the DetailKind ...
      detail_of: ["accounts receivable.*"]   # ... and the labels of rows that carry it
      beside: us-gaap:NetIncomeLossAttributableToNoncontrollingInterest   # (or a list of concepts)
      labels_beside: ["net income"]   # labels that apply only when the release also has a row
                                      #   of concept `beside` ("Net income" is ProfitLoss when
                                      #   a share of noncontrolling interests is taken out of it)

Labels are normalized before matching: lower case, curly quotes straightened, whitespace
collapsed, a trailing colon, footnote marks and "(Note 11)" removed. Patterns use Python
regex syntax and are matched with fullmatch, so "total" matches only the bare word.
Entries are tried in the table's order and the first that matches wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import Enum
from functools import lru_cache
from pathlib import Path
from typing import Any


from converter.entities import Entity, EntityRegistry, default_entity_registry_path, load_entity_registry  # noqa: F401 (re-exported)
from converter.config import read_yaml
from converter.errors import ConfigError
from converter.model import DetailKind, Dimensions, Period, Release, StatementKind, UnitKind


class Sign(str, Enum):
    AS_PRINTED = "as-printed"
    DEDUCTION = "deduction"
    NEGATED = "negated"

    @property
    def factor(self) -> int:
        """How the printed figure relates to the stored value, for figures that add up as
        printed (cash flows, comprehensive income): printed = factor * stored. A deduction is
        printed negative, so its factor is -1 too."""
        return 1 if self is Sign.AS_PRINTED else -1


class DashRule(str, Enum):
    ZERO = "zero"
    NIL = "nil"
    UNTAGGED = "untagged"  # no fact: a company map's line the company leaves untagged where it prints a dash


ITEM_TYPE_UNITS: dict[str, UnitKind | None] = {
    "monetaryItemType": UnitKind.USD,
    "sharesItemType": UnitKind.SHARES,
    "perShareItemType": UnitKind.USD_PER_SHARE,
    "stringItemType": None,
    "normalizedStringItemType": None,
    "dateItemType": None,
    "gYearItemType": None,
    "booleanItemType": None,
    # dei's own item types
    "centralIndexKeyItemType": None,
    "tradingSymbolItemType": None,
    "submissionTypeItemType": None,
    "fiscalPeriodItemType": None,
}

_NOTE_RE = re.compile(r"\s*\((?:note|notes|see note)\s+[\w ,.&-]+\)|\s*\(see notes?\)"
                      r"|\s*[-\u2013\u2014,;]\s*see notes?\s+\d+[a-z]?(?:\s*(?:,|and)\s*\d+[a-z]?)*\s*$",  # "- see Note 12"
                      re.IGNORECASE)
_FOOTNOTE_RE = re.compile(r"\s*(?:\(\s*(?:\d{1,2}|[a-z])\s*\)|\[\s*(?:\d{1,2}|[a-z])\s*\]|\*+)\s*$")
_GLUED_FOOTNOTE_RE = re.compile(r"(?<=[a-z]{2})[1-9]$")  # "Net Income Per Share1": a footnote mark
_UNIT_SUFFIX_RE = re.compile(r"\s*\((?:in )?(?:(?:u\.?s\.? )?(?:dollars|usd|\$)|000'?s?|thousands|millions)\)$",
                             re.IGNORECASE)  # "(dollars)", "Weighted-average common shares outstanding (000)"
_SYNONYMS = ((re.compile(r"\btaxes on income\b"), "income taxes"),  # "Provision for taxes on income"
             (re.compile(r"\bavg\.? "), "average "),  # "Avg. shares outstanding"
             (re.compile(r"\s+(?:--|-)\s+net$"), ", net"),  # "Other income (loss) — net", "Intangible assets – net"
             # a dash setting off a line's qualifier: "Finance lease obligations—current",
             # "Operating lease liabilities – net of current portion", "Investment securities-available for sale"
             (re.compile(r"(?<=[a-z)])(?:\s*--\s*|\s+-\s+)(?=(?:current|non-?current|long-term|short-term|net of|"
                         r"less current|available[- ]for[- ]sale|held[- ]to[- ]maturity|at cost|at fair value)\b)"), ", "),
             (re.compile(r"(?<=[a-z])-(?=(?:available[- ]for[- ]sale|held[- ]to[- ]maturity)\b)"), ", "),
             (re.compile(r"\bordinary (shares?|stock)\b"), r"common \1"),  # a foreign issuer's or a SPAC's common stock
             (re.compile(r"\bweighted-average\b"), "weighted average"),
             # the GAAP figure beside adjusted ones: "Net income as reported", "Net revenue (as reported)"
             (re.compile(r"(?:,|\s+-|\s+--)?\s+\(?as reported\)?$"), ""),
             (re.compile(r"(?<=\w) & (?=\w)"), " and "),  # "Property, plant & equipment", not "R&D"
             (re.compile(r"\bnci\b"), "noncontrolling interests"))  # "Income before income taxes and NCI", "Redeemable NCI"
_DEFINED_TERM_RE = re.compile(r'\s*\("[A-Za-z&\- ]{1,12}"\)')  # a term defined in quotes: ("EPS"), ("FFO")
_BULLET_RE = re.compile(r"^[-*\u2022\u00b7]+\s*(?=[a-z(])", re.IGNORECASE)  # "- Diluted", "-- Basic", "• Net sales"
_SLASHED_RE = re.compile(r"\s*/\s*(?=\()|(?<=\))\s*/\s*")  # "Increase/(decrease)", "(Decrease) / increase"


_HOLDERS_RE = re.compile(r"\b(stock|share|unit|member|partner)-\s?holders", re.I)


# the variants US-GAAP names by suffix: the parent's portion of an amount ("...NetOfTaxPortionAttributableToParent"),
# including a disposal group ("...IncludingDisposalGroupAndDiscontinuedOperations"), the shares outstanding
_FAMILY_SUFFIXES = re.compile(r"(PortionAttributableToParent|AttributableToParent|Parent|"
                              r"IncludingDisposalGroupAndDiscontinuedOperations|"
                              r"DisposalGroupIncludingDiscontinuedOperations|Outstanding)\d?$")


def concept_family(concept: str) -> str:
    """The name a concept shares with its variants: "OtherComprehensiveIncomeForeignCurrency...
    NetOfTaxPortionAttributableToParent" and "OtherComprehensiveIncomeLossForeignCurrency...
    NetOfTax" are one line, tagged by the parent's portion or by the whole when no
    noncontrolling interest shares it; so are "CommonStockValueOutstanding" and "CommonStockValue"."""
    name = concept.partition(":")[2] or concept
    name = _FAMILY_SUFFIXES.sub("", name)
    return name.replace("OtherComprehensiveIncomeLoss", "OtherComprehensiveIncome")


MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")
_LABEL_DATE_RE = re.compile(r"\b(?:at|as of) (" + "|".join(MONTH_NAMES) + r") (\d{1,2})(?:,? (\d{4}))?$")


def _names_start(normalized_label: str, period: Period) -> bool:
    """The label ends in the date ("... at January 1", "... as of December 31, 2024") of the
    start of `period` or the day before it, and not in the day `period` ends."""
    found = _LABEL_DATE_RE.search(normalized_label)
    if found is None or period.start is None:
        return False
    month, day, year = MONTH_NAMES.index(found.group(1)) + 1, int(found.group(2)), found.group(3)

    def named(when: date) -> bool:
        return (when.month, when.day) == (month, day) and (year is None or when.year == int(year))

    if named(period.end):
        return False
    return named(period.start) or named(period.start - timedelta(days=1))


def normalize_label(label: str) -> str:
    """The form a label is matched in: lower case, plain quotes, single spaces, no notes.
    (Remembered for the most recent short labels: the mapper and the checks ask for the same
    rows' labels many times.)"""
    return _normalized(label) if len(label) <= 300 else _normalized_long(label)


@lru_cache(maxsize=16384)
def _normalized(label: str) -> str:
    return _normalize(label)


@lru_cache(maxsize=32)
def _normalized_long(label: str) -> str:
    """A few long labels remembered too: a heading run on for pages is asked for by every entry
    of the table (it took a mangled release 16 ms each time, 30 s in all)."""
    return _normalize(label)


def _normalize(label: str) -> str:
    text = label.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    text = text.replace("\u2014", "--").replace("\u2013", "-").replace("\xa0", " ")
    text = re.sub(r"\s+", " ", text).strip()  # first: a run of spaces would make _NOTE_RE quadratic
    text = _NOTE_RE.sub("", text)
    text = _FOOTNOTE_RE.sub("", text)
    text = _GLUED_FOOTNOTE_RE.sub("", text)
    text = _UNIT_SUFFIX_RE.sub("", text)
    text = _SLASHED_RE.sub(" ", text)
    text = _BULLET_RE.sub("", text)
    text = _HOLDERS_RE.sub(r"\1holders", text)  # "stock-holders'" (a word broken at the end of a line)
    text = _DEFINED_TERM_RE.sub("", text)  # 'Earnings per share ("EPS"): Basic'
    text = text.rstrip(":$").strip().rstrip(":").strip().lower()  # "Cash and cash equivalents$" (a run-on page's dollar sign)
    for pattern, replacement in _SYNONYMS:
        text = pattern.sub(replacement, text)
    return text


@dataclass(frozen=True)
class ConceptEntry:
    concept: str
    item_type: str
    period_type: str  # "instant" | "duration"
    balance: str | None
    statement: StatementKind | None  # the first of `statements`
    section: re.Pattern[str] | None
    labels: tuple[re.Pattern[str], ...]
    total: bool
    sign: Sign
    dash: DashRule
    never_negative: bool
    detail: DetailKind | None
    detail_of: tuple[re.Pattern[str], ...]
    nillable: bool = True
    statements: tuple[StatementKind, ...] = ()  # every statement the entry's labels apply in
    opening_labels: tuple[re.Pattern[str], ...] = ()  # rows giving the balance at a period's start
    under: re.Pattern[str] | None = None  # labels_under apply only under a heading matching this
    labels_under: tuple[re.Pattern[str], ...] = ()
    labels_nonoperating: tuple[re.Pattern[str], ...] = ()  # apply only to rows printed below operating income
    beside: tuple[str, ...] = ()  # labels_beside apply only when the release has a row of one of these concepts
    labels_beside: tuple[re.Pattern[str], ...] = ()
    alternatives: tuple[str, ...] = ()  # concepts companies tag the same line with instead
    part: str | None = None  # the concept of a row matching this entry printed as a part of a total of it
    # the sign convention is the company's own, learned from its filing's line of this label: a
    # "Less:" in the label does not make the figures' parentheses a subtraction
    company_sign: bool = False
    # explicit dimensions of the company's own tagging of the line (a company map's line only)
    dimensions: Dimensions = ()

    @property
    def prefix(self) -> str:
        return self.concept.split(":", 1)[0]

    @property
    def local_name(self) -> str:
        return self.concept.split(":", 1)[1]

    @property
    def unit(self) -> UnitKind | None:
        return ITEM_TYPE_UNITS[self.item_type]

    def matches_label(self, normalized_label: str) -> re.Pattern[str] | None:
        for pattern in self.labels + self.opening_labels:
            if pattern.fullmatch(normalized_label):
                return pattern
        return None

    def is_opening(self, normalized_label: str, period: Period | None = None) -> bool:
        """The row gives the balance at the start of its column's period (beginning cash): its
        label matches an opening label, or, given the column's period, it names the day the
        period starts or the day before ("Cash at January 1", "Cash at December 31" in a
        statement of the six months to June 30), and not the day it ends."""
        if any(p.fullmatch(normalized_label) for p in self.opening_labels) and not any(
                p.fullmatch(normalized_label) for p in self.labels):
            return True
        return period is not None and period.start is not None and _names_start(normalized_label, period)

    def matches_section(self, section: tuple[str, ...], normalized_label: str = "") -> bool:
        """A heading above the row matches `section`, or the label itself names it
        ("Basic earnings per share" needs no "per share" heading)."""
        if self.section is None:
            return True
        return any(self.section.search(normalize_label(h)) for h in section) or bool(
            normalized_label and self.section.search(normalized_label))

    def match(self, normalized_label: str, section: tuple[str, ...], nonoperating: bool = False
              ) -> re.Pattern[str] | None:
        """The pattern by which a row with this label under these headings is this concept:
        one of its labels within its section, one of its labels_under under `under`, or, for a
        row printed below operating income, one of its labels_nonoperating."""
        if nonoperating:
            for pattern in self.labels_nonoperating:
                if pattern.fullmatch(normalized_label):
                    return pattern
        pattern = self.matches_label(normalized_label)
        if pattern is not None and self.matches_section(section, normalized_label):
            return pattern
        if self.under is not None and any(self.under.search(normalize_label(h)) for h in section):
            for pattern in self.labels_under:
                if pattern.fullmatch(normalized_label):
                    return pattern
        return None

    def carries_detail(self, normalized_label: str) -> bool:
        return any(p.fullmatch(normalized_label) for p in self.detail_of)


@dataclass(frozen=True)
class ConceptTable:
    entries: tuple[ConceptEntry, ...]
    source: str

    def line_item_entries(self, kind: StatementKind) -> tuple[ConceptEntry, ...]:
        cache = self._memo("line_item_entries")
        found = cache.get(kind)
        if found is None:
            found = cache[kind] = tuple(e for e in self.entries if kind in e.statements and e.detail is None)
        return found

    def _memo(self, name: str) -> dict[Any, Any]:
        """A per-table dictionary remembering what is computed from the (immutable) entries."""
        memos = self.__dict__.get("_memos")
        if memos is None:
            memos = {}
            object.__setattr__(self, "_memos", memos)
        return memos.setdefault(name, {})

    def __getstate__(self) -> dict[str, Any]:  # a pickled table (sent to workers) leaves its memos behind
        return {k: v for k, v in self.__dict__.items() if k != "_memos"}

    def detail_entries(self, detail: DetailKind) -> tuple[ConceptEntry, ...]:
        return tuple(e for e in self.entries if e.detail is detail)

    def entry(self, concept: str) -> ConceptEntry | None:
        for e in self.entries:
            if e.concept == concept:
                return e
        return None

    def known_entry(self, concept: str, label: str) -> ConceptEntry | None:
        """The entry of a concept the table knows, to tag a row printed as `label` with."""
        return self.entry(concept)

    def interchangeable(self, concept: str, other: str) -> bool:
        """Companies tag the same line with `other` instead of `concept`: one entry lists the
        other under `alternatives` (or both are listed together, or through a third), or the
        two are of one name family (`concept_family`)."""
        if concept == other:
            return False
        groups = self._memo("alternatives")
        if not groups:  # built once per table; the None key marks it built (a table may list none)
            groups[None] = set()
            for e in self.entries:
                group = {e.concept, *e.alternatives}
                for member in list(group):
                    group |= groups.get(member, set())
                for member in group:
                    groups[member] = group
        return other in groups.get(concept, ()) or concept_family(concept) == concept_family(other)

    def match(self, kind: StatementKind, label: str, section: tuple[str, ...], nonoperating: bool = False
              ) -> list[tuple[ConceptEntry, re.Pattern[str]]]:
        """Every entry a row of a statement of `kind` matches, in table order (the first wins);
        `nonoperating`: the row is printed below operating income (LineItem.nonoperating)."""
        normalized = normalize_label(label)
        return [(entry, pattern) for entry in self.line_item_entries(kind)
                if (pattern := entry.match(normalized, section, nonoperating)) is not None]

    def for_release(self, release: Release) -> ConceptTable:
        """The table as it applies to one release: entries whose `beside` concept some row of
        the release is tagged with take their labels_beside too (ahead of their labels). The
        result has no labels_beside left, so resolving it again changes nothing."""
        if not any(e.labels_beside for e in self.entries):
            return self
        return _resolved(self, release)


def _resolved(table: ConceptTable, release: Release) -> ConceptTable:
    """for_release, remembered by the table for its last few releases: the mapper, the checks
    and the extension taxonomy each resolve the same release."""
    memo = table._memo("for_release")
    hit = memo.get(id(release))
    if hit is not None and hit[0] is release:
        return hit[1]
    resolved = _resolve(table, release)
    if len(memo) >= 4:
        memo.pop(next(iter(memo)))
    memo[id(release)] = (release, resolved)
    return resolved


def _resolve(table: ConceptTable, release: Release) -> ConceptTable:
    wanted = {concept for e in table.entries if e.labels_beside for concept in e.beside}
    present: set[str] = set()
    before = getattr(table, "match_before", None)  # a layered table's own maps come first
    for statement in release.statements:
        for item in statement.items:
            found = before(statement.kind, item) if before is not None else None
            if found is not None:
                entry = found[0]
            else:
                hits = table.match(statement.kind, item.label, item.section)
                entry = hits[0][0] if hits else None
            if entry is not None and entry.concept in wanted:
                present.add(entry.concept)
    entries = tuple(
        replace(e, labels=(e.labels_beside + e.labels) if present.intersection(e.beside) else e.labels,
                labels_beside=(), beside=()) if e.labels_beside or e.beside else e
        for e in table.entries)
    return replace(table, entries=entries)  # keeps a subclass's own fields


# ---- loading -------------------------------------------------------------------------------

_ENTRY_KEYS = {
    "concept", "type", "period", "balance", "statement", "section", "labels", "total", "sign",
    "dash", "never_negative", "detail", "detail_of", "nillable", "note", "opening_labels",
    "under", "labels_under", "beside", "labels_beside", "labels_nonoperating", "alternatives", "part",
}


def _regex(text: Any, where: str) -> re.Pattern[str]:
    if not isinstance(text, str) or not text:
        raise ConfigError(f"pattern must be a non-empty string, got {text!r}", where)
    try:
        return re.compile(text, re.IGNORECASE)
    except re.error as exc:
        raise ConfigError(f"bad regular expression {text!r}: {exc}", where) from exc


def _patterns(value: Any, where: str) -> tuple[re.Pattern[str], ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        raise ConfigError("expected a list of patterns", where)
    return tuple(_regex(v, where) for v in value)


def _enum(cls: type[Enum], value: Any, where: str, field_name: str) -> Any:
    try:
        return cls(value)
    except ValueError:
        allowed = ", ".join(str(m.value) for m in cls)  # type: ignore[attr-defined]
        raise ConfigError(f"{field_name}: {value!r} is not one of {allowed}", where) from None


def _entry(raw: Any, where: str) -> ConceptEntry:
    if not isinstance(raw, dict):
        raise ConfigError("each entry must be a mapping", where)
    unknown = set(raw) - _ENTRY_KEYS
    if unknown:
        raise ConfigError(f"unknown keys {sorted(unknown)}", where)
    concept = raw.get("concept")
    if not isinstance(concept, str) or not re.fullmatch(r"(us-gaap|dei):[A-Z][A-Za-z0-9]+", concept):
        raise ConfigError(f"concept must look like us-gaap:Name, got {concept!r}", where)
    where = f"{where} ({concept})"
    item_type = raw.get("type")
    if item_type not in ITEM_TYPE_UNITS:
        raise ConfigError(f"type {item_type!r} is not supported ({', '.join(ITEM_TYPE_UNITS)})", where)
    period = raw.get("period")
    if period not in ("instant", "duration"):
        raise ConfigError(f"period must be instant or duration, got {period!r}", where)
    balance = raw.get("balance")
    if balance not in (None, "debit", "credit"):
        raise ConfigError(f"balance must be debit or credit, got {balance!r}", where)
    if balance and item_type != "monetaryItemType":
        raise ConfigError("only monetary concepts have a balance", where)
    raw_statements = raw.get("statement") or []
    if isinstance(raw_statements, str):
        raw_statements = [raw_statements]
    if not isinstance(raw_statements, list):
        raise ConfigError("statement must be a statement kind or a list of them", where)
    statements = tuple(_enum(StatementKind, s, where, "statement") for s in raw_statements)
    statement = statements[0] if statements else None
    detail = _enum(DetailKind, raw["detail"], where, "detail") if raw.get("detail") else None
    labels = _patterns(raw.get("labels"), where)
    detail_of = _patterns(raw.get("detail_of"), where)
    opening_labels = _patterns(raw.get("opening_labels"), where)
    if opening_labels and period != "instant":
        raise ConfigError("opening_labels are for instant concepts (balances at a period's start)", where)
    if detail is None and (labels or opening_labels or raw.get("labels_under") or raw.get("labels_beside")
                           or raw.get("labels_nonoperating")) and statement is None:
        raise ConfigError("an entry with labels needs a statement", where)
    if detail is not None and not detail_of:
        raise ConfigError("an entry with detail needs detail_of patterns", where)
    if detail is not None and period != "instant":
        raise ConfigError("facts stated in labels are balance-sheet instants", where)
    section = _regex(raw["section"], where) if raw.get("section") else None
    under = _regex(raw["under"], where) if raw.get("under") else None
    labels_under = _patterns(raw.get("labels_under"), where)
    if bool(labels_under) != bool(under):
        raise ConfigError("under and labels_under go together", where)
    labels_nonoperating = _patterns(raw.get("labels_nonoperating"), where)
    if labels_nonoperating and statements != (StatementKind.OPERATIONS,):
        raise ConfigError("labels_nonoperating are for the statement of operations", where)
    labels_beside = _patterns(raw.get("labels_beside"), where)
    raw_beside = raw.get("beside")
    beside = tuple(raw_beside) if isinstance(raw_beside, list) else (raw_beside,) if raw_beside is not None else ()
    if bool(labels_beside) != bool(beside):
        raise ConfigError("beside and labels_beside go together", where)
    if not all(isinstance(b, str) and re.fullmatch(r"(us-gaap|dei):[A-Z][A-Za-z0-9]+", b) for b in beside):
        raise ConfigError(f"beside must name a concept like us-gaap:Name, or a list of them, got {raw_beside!r}", where)
    alternatives = raw.get("alternatives") or []
    if not isinstance(alternatives, list) or not all(
            isinstance(a, str) and re.fullmatch(r"us-gaap:[A-Z][A-Za-z0-9]+", a) and a != concept for a in alternatives):
        raise ConfigError(f"alternatives must list other concepts like us-gaap:Name, got {alternatives!r}", where)
    part = raw.get("part")
    if part is not None and (not isinstance(part, str) or not re.fullmatch(r"us-gaap:[A-Z][A-Za-z0-9]+", part)
                             or part == concept):
        raise ConfigError(f"part must name another concept like us-gaap:Name, got {part!r}", where)
    return ConceptEntry(
        concept=concept,
        item_type=item_type,
        period_type=period,
        balance=balance,
        statement=statement,
        section=section,
        labels=labels,
        total=bool(raw.get("total", False)),
        sign=_enum(Sign, raw.get("sign", "as-printed"), where, "sign"),
        dash=_enum(DashRule, raw.get("dash", "zero"), where, "dash"),
        never_negative=bool(raw.get("never_negative", False)),
        detail=detail,
        detail_of=detail_of,
        nillable=bool(raw.get("nillable", True)),
        statements=statements,
        opening_labels=opening_labels,
        under=under,
        labels_under=labels_under,
        beside=beside,
        labels_beside=labels_beside,
        labels_nonoperating=labels_nonoperating,
        alternatives=tuple(alternatives),
        part=part,
    )


def load_concept_table(path: Path) -> ConceptTable:
    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("concepts"), list):
        raise ConfigError("expected a mapping with a 'concepts' list", str(path))
    entries = tuple(_entry(raw, f"{path}: concepts[{i}]") for i, raw in enumerate(data["concepts"]))
    concepts = {e.concept: e for e in entries}
    for e in entries:
        if e.part is not None and (e.part not in concepts or concepts[e.part].period_type != e.period_type):
            raise ConfigError(f"{e.concept}: its part {e.part} needs an entry of its own with the same period type",
                              str(path))
    seen: set[tuple[str, str | None]] = set()
    for e in entries:
        key = (e.concept, e.detail.value if e.detail else None)
        if key in seen:
            raise ConfigError(f"{e.concept} has more than one entry; give one entry its patterns", str(path))
        seen.add(key)
    return ConceptTable(entries=entries, source=str(path))


def default_concept_table_path() -> Path:
    from taxonomy_map import data_path

    return data_path("concepts.yaml")


@lru_cache(maxsize=8)
def _cached_table(path: str) -> ConceptTable:
    return load_concept_table(Path(path))


def concept_table(path: Path | None = None) -> ConceptTable:
    """Load (once per path) and return the concept table."""
    return _cached_table(str(path or default_concept_table_path()))
