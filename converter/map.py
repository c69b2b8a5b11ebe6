"""Mapping stage: a taxonomy-free Release -> XBRL facts, through the concept table.

Values follow each concept's meaning, not the printed sign (see concepts.Sign), and the
statement's scale: amounts in thousands are multiplied out, per-share amounts never are.
Every fact keeps the SourceRef of the cell or label text it came from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from converter import oci
from converter.extract.dates import months_before
from converter.companymap import looks_per_share
from converter.concepts import ConceptEntry, ConceptTable, DashRule, Sign, normalize_label
from converter.fallback import element_of
from converter.model import (
    DetailKind,
    Layer,
    Cell,
    CellKind,
    Fact,
    LabelDetail,
    LineItem,
    MappedRelease,
    MappingDecision,
    Period,
    Release,
    Scale,
    SourceRef,
    Statement,
    StatementKind,
    UnitKind,
)

DEFAULT_DOCUMENT_TYPE = "8-K"


CIK_SCHEME = "http://www.sec.gov/CIK"


@dataclass(frozen=True)
class EntityId:
    """Who the facts are about: the CIK (10 digits) and registrant name. When no CIK could be
    found, `cik` holds another identifier under another `scheme` (see pipeline.resolve_entity)
    and `warning` says so."""

    cik: str
    name: str
    scheme: str = CIK_SCHEME
    found_by: str = ""  # how the CIK was found ("ticker CPST in entities.yaml", ...)
    warning: str | None = None
    ticker: str | None = None  # its trading symbol (the registry's for the CIK when none is printed)

    @property
    def has_cik(self) -> bool:
        return self.scheme == CIK_SCHEME


@dataclass(frozen=True)
class Match:
    entry: ConceptEntry | None
    rule: str
    alternatives: tuple[str, ...]
    layer: Layer | None = None  # where the entry (or an extension concept's name) came from


_CHANGE_IN_CASH = "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsPeriodIncreaseDecrease"
PROFIT_LOSS, NET_INCOME = "us-gaap:ProfitLoss", "us-gaap:NetIncomeLoss"
TO_COMMON = "us-gaap:NetIncomeLossAvailableToCommonStockholdersBasic"
_INCLUDING, _EXCLUDING = "IncludingExchangeRateEffect", "ExcludingExchangeRateEffect"


def match_line_item(table: ConceptTable, kind: StatementKind, item: LineItem) -> Match:
    """Find the concept-table entry for a row: label pattern within statement and section.
    `table` should be resolved for the row's release (ConceptTable.for_release). A table
    with `match_before` / `match_after` hooks is asked ahead of / after its own entries.
    A net change in cash printed before the exchange-rate effect (LineItem.before_exchange_effect,
    see converter.structure) is the change excluding that effect."""
    found = _match_line_item(table, kind, item)
    if kind is StatementKind.BALANCE_SHEET and found.entry is not None:
        found = replace(found, entry=class_of_stock(found.entry, item))
    if item.part_of and found.entry is not None and found.entry.concept == item.part_of:
        found = _other_than_total(table, kind, item, found)
    if item.net_of_minority and found.entry is not None and found.entry.concept in (PROFIT_LOSS, TO_COMMON) \
            and (parent := table.entry(NET_INCOME)) is not None:
        why = ("nothing is taken out for preferred or participating shares" if found.entry.concept == TO_COMMON
               else "the minority interest is taken out above it")
        return Match(parent, f"{found.rule}; {why}: the parent's net income",
                     (found.entry.concept,), found.layer)
    if item.repeats and found.entry is not None and found.entry.concept == item.repeats:
        return Match(None, f"{found.rule}; not {item.repeats}: an earlier row of the statement has it, "
                           "with other figures for the same period", ())
    if item.reconciles_cash and kind is StatementKind.CASH_FLOWS and found.layer is not Layer.COMPANY and (
            found.entry is None or found.entry.concept == CLOSING_CASH) and (cash := _reconciled_cash(table, item)):
        return cash
    if item.before_exchange_effect and found.entry is not None and found.entry.concept == _CHANGE_IN_CASH + _INCLUDING:
        excluding = table.entry(_CHANGE_IN_CASH + _EXCLUDING)
        if excluding is not None:
            return Match(excluding, f"{found.rule}; printed before the effect of exchange rates, which it excludes",
                         found.alternatives, found.layer)
    return found


# a statement of cash flows' balance of cash and restricted cash (converter.structure reads it too)
CLOSING_CASH = "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"
_AT_PERIOD_END = re.compile(r",? ?(at |as of )?(the )?end of (the )?(fiscal )?(period|year|quarter)$")


def _reconciled_cash(table: ConceptTable, item: LineItem) -> Match | None:
    """A row of a cash-flow statement's reconciliation of cash and restricted cash to the
    balance sheet (LineItem.reconciles_cash), as the balance sheet's cash line it names."""
    label = _AT_PERIOD_END.sub("", normalize_label(item.label)).strip()
    for entry, pattern in table.match(StatementKind.BALANCE_SHEET, label, ()):
        if entry.period_type == "instant" and "Cash" in entry.concept.partition(":")[2]:
            return Match(entry, f"label /{pattern.pattern}/ of the balance sheet: a line of the reconciliation "
                                "of the closing cash and restricted cash to it", (), Layer.TABLE)
    return None


_SIDE_WORDS = re.compile(r"asset|liabilit|equity|deficit|capital")
_SIDE_HEADINGS = {"assets": "Assets", "liabilities": "Liabilities and equity"}


def _with_side(kind: StatementKind, item: LineItem) -> LineItem:
    """A balance-sheet row printed without a heading that names its side is matched under the
    side its place gives it (LineItem.side): "Deferred income taxes" above total assets is the
    asset, below it the liability."""
    if kind is not StatementKind.BALANCE_SHEET or not item.side:
        return item
    place, side = item.side.split()[0], item.side.split()[-1]
    section = item.section
    if place in ("current", "noncurrent") and not any("current" in normalize_label(h) for h in section):
        # above "Total current assets" without a "Current assets:" heading: under one; between
        # it and total assets, under "Non-current assets"
        section = (*section, f"{'Current' if place == 'current' else 'Non-current'} {side}")
    if not any(_SIDE_WORDS.search(normalize_label(h)) for h in section):
        section = (_SIDE_HEADINGS[side], *section)
    return item if section == item.section else replace(item, section=section)


def _other_than_total(table: ConceptTable, kind: StatementKind, item: LineItem, found: Match) -> Match:
    """A row printed as a part of a total with the concept it matched (LineItem.part_of, see
    converter.structure): the entry's own `part` concept (net sales beside other revenue under
    total revenues: revenue from contracts with customers; property and equipment above its
    accumulated depreciation: the gross amount), else the next entry its label matches, else
    none (an extension concept)."""
    why = f"not {item.part_of}: the total printed under it adds this row into that concept"
    if found.entry is not None and found.entry.part and (part := table.entry(found.entry.part)) is not None:
        return Match(part, f"{found.rule}; printed as a part of {item.part_of}: {part.concept}", (), Layer.TABLE)
    for entry, pattern in table.match(kind, item.label, item.section):
        if entry.concept != item.part_of:
            return Match(entry, f"label /{pattern.pattern}/; {why}", (), Layer.TABLE)
    return Match(None, f"{found.rule}; {why}", ())


def _match_line_item(table: ConceptTable, kind: StatementKind, item: LineItem) -> Match:
    before = getattr(table, "match_before", None)
    if before is not None and (found := before(kind, item)) is not None:
        return Match(*found)  # the company's own map matches the row as printed
    found = _unclassified(kind, item, _match_by_table(table, kind, item))
    prefer = getattr(table, "company_alternative", None)  # the company tags the line with an alternative
    if prefer is not None and found.entry is not None and (chosen := prefer(kind, item, found.entry)) is not None:
        entry, why = chosen
        return Match(entry, f"{why}, where the concept table has {found.entry.concept} ({found.rule})",
                     (found.entry.concept,), Layer.COMPANY)
    return found


_SAYS_NONCURRENT_RE = re.compile(r"\bnon-?current\b|\bcurrent (portion|maturities)\b")


def _unclassified(kind: StatementKind, item: LineItem, found: Match) -> Match:
    """On a balance sheet that sorts nothing into current and non-current (a bank's: "Other
    assets", "Other liabilities", "Long-term borrowings"), a non-current element gives way to
    its unclassified counterpart, where US-GAAP has one of the same period type and balance."""
    entry = found.entry
    if (kind is not StatementKind.BALANCE_SHEET or entry is None or not (item.side or "").startswith("unclassified")
            or not entry.concept.endswith("Noncurrent") or _SAYS_NONCURRENT_RE.search(normalize_label(item.label))):
        return found  # a row saying it is the non-current part ("Long-term debt, less current portion") keeps it
    plain = entry.concept[: -len("Noncurrent")]
    element = element_of(plain)
    if element is None or element.period_type != "instant" or element.balance is None or element.balance != entry.balance:
        return found
    return Match(replace(entry, concept=plain),
                 f"{found.rule}; on a balance sheet without current and non-current sections: {plain}",
                 found.alternatives, found.layer)


_ALL_OTHER_RE = re.compile(r"^all other ")


def _match_by_table(table: ConceptTable, kind: StatementKind, item: LineItem) -> Match:
    """The concept table's entry for a row (then the learned vocabulary's and the fallback's)."""
    item = _with_side(kind, item)
    if item.oci is not None and (composed := _oci_match(table, item)) is not None:
        return composed
    # a bare "Total" totals its own heading ("Current assets:") before any heading above it ("Assets")
    bare_total = normalize_label(item.label) == "total"
    hits = [] if bare_total else _per_share_first(item, table.match(kind, item.label, item.section, item.nonoperating))
    if not hits:
        for label, section in _heading_total(item):
            if found := table.match(kind, label, section):
                return _first_hit(found, f"total under heading {item.section[-1]!r}, read as {label!r}: ")
        if bare_total:
            hits = table.match(kind, item.label, item.section)
    if not hits and (other := _ALL_OTHER_RE.sub("other ", normalize_label(item.label), count=1)) != normalize_label(item.label):
        if found := table.match(kind, other, item.section, item.nonoperating):
            return _first_hit(found, "'all other' read as 'other': ")  # "All other current assets", "All other investing activities"
    if not hits and (plain := _without_qualifier(item.label)) != item.label:
        if found := table.match(kind, plain, item.section, item.nonoperating):
            return _first_hit(found, f"the label without its qualifier {item.label[len(plain):].strip(' ,')!r}: ")
    if not hits and (lead := _LEAD_RE.match(normalize_label(item.label))):
        if found := table.match(kind, normalize_label(item.label)[lead.end():], item.section, item.nonoperating):
            return _first_hit(found, f"the label without its lead {lead[0].strip()!r}: ")  # "Less: income tax provision"
    if not hits and kind is StatementKind.BALANCE_SHEET and _BARE_OTHER_RE.fullmatch(normalize_label(item.label)):
        for reading in _other_readings(item):  # "Other" under current liabilities: "other current liabilities"
            if found := table.match(kind, reading, item.section):
                return _first_hit(found, f"'other' in its place, read as {reading!r}: ")
    if not hits and (stated := _PERIOD_STATED_RE.search(item.label)) and (plain := item.label[: stated.start()].strip()):
        if found := table.match(kind, plain, item.section, item.nonoperating):
            return _first_hit(found, f"the label without the period it names {stated[0].strip(' -–—()')!r}: ")
    if not hits and (subject := _working_capital_subject(kind, item)):
        if found := table.match(kind, subject, item.section):
            return _first_hit(found, f"the change in {subject!r} under {item.section[-1]!r}: ")
    if not hits:
        rule = f"no {kind.value} entry matches label {normalize_label(item.label)!r}"
        after = getattr(table, "match_after", None)
        if after is not None:
            entry, why, alternatives, layer = after(kind, item)
            return Match(entry, why if entry is not None else f"{rule}; {why}".rstrip("; "), alternatives, layer)
        return Match(None, rule, ())
    section = f" in section /{hits[0][0].section.pattern}/" if hits[0][0].section else ""
    return _first_hit(hits, "", section)


# a word in front of a line saying how it enters the total ("Less: income tax provision")
_LEAD_RE = re.compile(r"^(?:less|add|plus|deduct)\b:?\s*")
# a balance-sheet row named only "Other", which its place names ("Other" under current liabilities)
_BARE_OTHER_RE = re.compile(r"(?:all )?other(?:,? net)?")


def _other_readings(item: LineItem) -> list[str]:
    """What a balance-sheet row named only "Other" is, from its side (above total current
    liabilities: "other current liabilities") and from the headings above it ("Other" under
    "Deferred charges": "other deferred charges")."""
    readings = []
    if item.side:
        place, side = item.side.split()[0], item.side.split()[-1]
        if place == "current":
            readings.append(f"other current {side}")
        elif place == "noncurrent":
            readings.append(f"other non-current {side}")
        else:
            readings.append(f"other {side}")
    readings += [f"other {normalize_label(h)}" for h in reversed(item.section) if not normalize_label(h).startswith("other")]
    return readings


# what a label adds to the line it names ("Cost of revenue (exclusive of depreciation and
# amortization shown separately below)", "SALES, net of returns and allowances")
_QUALIFIER_RE = re.compile(r"\s*\((?:including|includes|excluding|excludes|exclusive of|inclusive of)\b"
                           r"(?![^()]*restricted)[^()]*\)\s*$"  # cash "(including restricted cash)" is other cash
                           r"|,?\s+net of (?:returns|discounts|allowances|rebates)\b[\w ,&]*$"
                           r"|,\s*(?:exclusive of|inclusive of|including|excluding) (?![\w ,&]*restricted)[\w ,&]*$", re.I)


# a label naming the period of its figures after a dash or in parentheses ("Net Income - Quarter",
# "Earnings Per Share (Basic) - YTD" in a release's full-year summary): see fact_period
_PERIOD_STATED_RE = re.compile(r"\s*(?:[-–—]\s*|\(\s*)(?P<which>quarter|qtd|ytd|year[- ]to[- ]date)\s*\)?\s*$", re.I)
_QUARTER_STATED = ("quarter", "qtd")


def stated_period(label: str) -> str | None:
    """The period a label names for its figures after a dash or in parentheses ("quarter", "ytd")."""
    found = _PERIOD_STATED_RE.search(label)
    return found["which"].lower() if found else None


def _without_qualifier(label: str) -> str:
    return _QUALIFIER_RE.sub("", label).strip()


def _first_hit(hits: list[tuple[ConceptEntry, re.Pattern[str]]], why: str, where: str = "") -> Match:
    """The first entry a row matched (table order), its rule, and the others as alternatives."""
    entry, pattern = hits[0]
    return Match(entry, f"{why}label /{pattern.pattern}/{where}", tuple(e.concept for e, _ in hits[1:]), Layer.TABLE)


_PER_SHARE_HEADING = re.compile(r"\bper (average |diluted |basic )?(common |ordinary )?share\b|\beps\b")


def _per_share_first(item: LineItem, hits: list) -> list:
    """Under a per-share heading ("Per common share:") a row of per-share figures is a per-share
    amount: "Income (loss) from discontinued operations" there is not the money line."""
    if hits and looks_per_share(item) and any(_PER_SHARE_HEADING.search(normalize_label(h)) for h in item.section):
        hits = [hit for hit in hits if hit[0].item_type == "perShareItemType"]
    if hits and item.section and _DILUTED_HEADING.fullmatch(normalize_label(item.section[-1])):
        # "Diluted" / "Earnings per share": the diluted figure, though its label reads like the basic one
        hits = sorted(hits, key=lambda hit: "Diluted" not in hit[0].concept)
    return hits


_DILUTED_HEADING = re.compile(r"(diluted|assuming (full )?dilution):?")


# "(Increase) decrease in accounts receivable", "Increase in inventories", "(Increase)/Decrease in
# other current assets", "Change in accrued liabilities": the change in a working-capital line
_CHANGE_IN = re.compile(r"^(net )?(\(?(increase|decrease)\)?( ?/ ?| )?(\(?(increase|decrease)\)?)?|changes?) in (the )?")
_OPERATING_HEADING = re.compile(r"operating|changes in|working capital|assets and liabilities")


def _working_capital_subject(kind: StatementKind, item: LineItem) -> str:
    """The line a row of the operating section of a statement of cash flows gives the change in,
    when its label is worded as the change ("Increase in inventories" -> "inventories")."""
    if kind is not StatementKind.CASH_FLOWS or not any(_OPERATING_HEADING.search(normalize_label(h)) for h in item.section):
        return ""
    label = normalize_label(item.label)
    found = _CHANGE_IN.match(label)
    subject = label[found.end():] if found and found.end() < len(label) else ""
    return "" if "cash" in subject else _without_qualifier(subject)  # "inventories, including deferred costs"


def _oci_match(table: ConceptTable, item: LineItem) -> Match | None:
    """A component of other comprehensive income, by its place (converter.oci): the first element
    for the place that the table (or the vocabulary around it) knows."""
    assert item.oci is not None
    wanted = oci.candidates(item.oci)
    for concept in wanted:
        entry = table.known_entry(concept, item.label) or oci.element_entry(concept, item.oci)
        if entry is not None:
            others = tuple(c for c in wanted if c != concept)
            return Match(entry, oci.describe(item.oci), others, Layer.TABLE)
    return None


def _heading_total(item: LineItem) -> list[tuple[str, tuple[str, ...]]]:
    """A row that totals the rows under its heading, worded "Total" or "Total <heading>"
    ("Total" under "Basic:" beneath "Earnings per share:"), read as the heading names it:
    ("total <heading>" and "<heading>", under the headings above it)."""
    if not item.section:
        return []
    label, head, outer = normalize_label(item.label), normalize_label(item.section[-1]), item.section[:-1]
    if not head or head.startswith("total"):
        return []
    if looks_per_share(item) and not any("per share" in normalize_label(h) for h in outer):
        outer += ("per share",)  # figures in cents under "Basic:" whose "per share" heading the table lost
    if label == "total":
        return [(f"total {head}", outer), (head, outer)]
    if label == f"total {head}":
        return [(head, outer)]
    return []


# a row printing its own scale: "Weighted-average common shares outstanding (000)" in a
# statement "(dollars in millions)"
_ROW_SCALE = re.compile(r"\((?:in\s+)?(000'?s?|thousands|millions)\)\s*$", re.IGNORECASE)


def _row_scale(statement: Statement, item: LineItem, unit: UnitKind) -> int | None:
    """The exponent a row states for itself ("(000)"); a share count without one, printed among
    share counts that state one under the same heading, shares theirs ("Effect of common share
    options" between "Weighted-average common shares outstanding (000)" and its diluted total)."""
    own = _ROW_SCALE.search(item.label)
    if own is None and unit is UnitKind.SHARES:
        own = next((found for other in statement.items if other.section == item.section and other is not item
                    and re.search(r"\bshares\b", other.label, re.IGNORECASE)
                    and (found := _ROW_SCALE.search(other.label))), None)
    if own is None:
        return None
    return 3 if own[1].lower().startswith(("000", "thousand")) else 6


def row_scale_stated(item: LineItem) -> bool:
    """Does the row state its own scale ("Weighted-average shares outstanding (000)")?"""
    return _ROW_SCALE.search(item.label) is not None


def _scale_exponent(unit: UnitKind | None, scale: Scale) -> int:
    if unit is UnitKind.USD:
        return scale.exponent
    if unit is UnitKind.SHARES:
        if scale.shares_exponent is not None:
            return scale.shares_exponent
        return scale.exponent if scale.shares_scaled else 0
    return 0


_LOSS_OR_GAIN = re.compile(r"\b(loss|losses|deficit|expense|expenses|income|profit|earnings|gain|gains)\b")


def states_loss_size(entry: ConceptEntry, item: LineItem) -> bool:
    """Does a row labelled as a loss ("Net loss", "Loss from operations", "Gross loss",
    "Accumulated deficit") or as an expense ("Other expense, net", "Interest expense, net" for a
    net interest concept) print the size of the loss, i.e. every figure without parentheses?
    Then an income-type concept (credit balance, or earnings per share) stores it negative.
    The label's first loss/income word decides ("Loss before income taxes" is a loss row);
    words in parentheses do not count ("Net income (loss)" is not)."""
    if entry.sign is not Sign.AS_PRINTED or (entry.balance != "credit" and entry.item_type != "perShareItemType"):
        return False
    if entry.never_negative:  # "Unpaid losses and loss adjustment expenses": a liability, not a loss
        return False
    first = _LOSS_OR_GAIN.search(re.sub(r"\([^)]*\)", " ", normalize_label(item.label)))
    losses = ("loss", "losses", "deficit") + (("expense", "expenses") if entry.statements == (StatementKind.OPERATIONS,) else ())
    if first is None or first.group(1) not in losses:
        return False
    values = [c.value for c in item.cells if c.kind is CellKind.NUMBER and c.value is not None]
    return bool(values) and all(v >= 0 for v in values) and any(v > 0 for v in values)


# "Net (income) loss attributable to noncontrolling interests": the wording puts income in
# parentheses, so the figure is printed as it affects the total it is taken out of.
_INCOME_IN_PARENTHESES = re.compile(r"\((income|earnings|profit)\) (loss|losses)\b")
# "Loss (gain) on extinguishment of debt", "(Gain) loss on sale", "Other operating expense
# (income), net", "Other (income) expense": the figure is printed as a loss or an expense
_LOSS_FIRST = re.compile(r"\b(loss|losses|expense|expenses) \((gain|gains|income)\)"
                         r"|\((gain|gains|income)\) (loss|losses|expense|expenses)\b")

_BENEFIT_FIRST = re.compile(r"\b(benefit|recovery|credit)( from| of)? ?/? ?\((expense|provision)( for)?\)"
                            r"|\((expense|provision)( for)?\) ?/? ?(benefit|recovery|credit)\b")


def prints_effect(entry: ConceptEntry, item: LineItem) -> bool:
    """Is a row worded "(income) loss", printing its figure as its effect on the total ("(5)"
    for income of 5 taken out, "3" for a loss of 3 added back), or worded "loss (gain)" /
    "(gain) loss" / "expense (income)" for a gain-type (credit) concept, printing a loss or an
    expense as a positive figure (in every column, whatever the sign of the others)? Then
    the concept stores the opposite of the printed figure."""
    if entry.sign is Sign.NEGATED:
        return False
    label = normalize_label(item.label)
    if _INCOME_IN_PARENTHESES.search(label):
        return True
    # a gain-type (credit) concept for a row printed as a loss: a loss of 235 is stored -235;
    # an expense-type (debit) one for a row printed as a benefit ("Income tax benefit
    # (expense)"): an expense printed "(100)" is stored 100
    if entry.balance == "debit" and _BENEFIT_FIRST.search(label):
        return True
    return entry.balance == "credit" and bool(_LOSS_FIRST.search(label))


_LESS = re.compile(r"less\b")


def states_deduction(entry: ConceptEntry, item: LineItem) -> bool:
    """Does the label say the row is subtracted ("Less: net income attributable to
    noncontrolling interests")? Then parentheses only mark the subtraction, as for a deduction;
    not where some columns print a figure in parentheses and others without ("7" and "(10)":
    there the parentheses are the figure's sign, a loss attributable to noncontrolling interests)."""
    if entry.sign is not Sign.AS_PRINTED or entry.unit is not UnitKind.USD or not _LESS.match(normalize_label(item.label)):
        return False
    if entry.company_sign:  # the company stores this line's figures as printed, "Less:" and all
        return False
    return not _mixed_signs(item)


_EXPENSE_WORDING = re.compile(r"\b(expenses?|provision for income tax(es)?|income taxes)\b")
_NOT_ONLY_EXPENSE = re.compile(r"benefit|recover|reversal|release|credit|\(income\)|\bincome \(|\bgains?\b")


def prints_expense_as_deduction(entry: ConceptEntry, item: LineItem) -> bool:
    """Does a statement-of-operations row worded only as an expense ("Income tax expense",
    "Provision for income taxes") print every figure in parentheses? Then the parentheses
    mark the subtraction (the statement prints what it takes away), and the expense concept
    stores the figure's size."""
    if entry.sign is not Sign.AS_PRINTED or entry.balance != "debit" or entry.statements != (StatementKind.OPERATIONS,):
        return False
    if not entry.labels:  # an extension concept stores the printed sign (converter.extension)
        return False
    label = normalize_label(item.label)
    if not _EXPENSE_WORDING.search(label) or _NOT_ONLY_EXPENSE.search(label):
        return False
    values = [c.value for c in item.cells if c.kind is CellKind.NUMBER and c.value is not None]
    return bool(values) and all(v <= 0 for v in values) and any(v < 0 for v in values)


def stored_value(printed: Decimal, entry: ConceptEntry, item: LineItem) -> Decimal:
    """The value a concept stores for a printed figure of a row (unscaled): the concept's
    meaning, not the printed sign."""
    if entry.sign is Sign.NEGATED or states_loss_size(entry, item) or prints_effect(entry, item):
        return -printed
    if item.loss_share and entry.sign is Sign.AS_PRINTED:  # a share of a net loss printed as its size
        return -printed
    if item.subtracted and entry.sign is Sign.AS_PRINTED:
        return -printed
    if entry.sign is Sign.DEDUCTION and _mixed_signs(item):
        # "Cash paid for acquisitions" (18) in one column and 2 in another: there the
        # parentheses are the figure's sign, and 2 is cash received, a payment of -2
        return -printed
    if entry.sign is Sign.DEDUCTION or states_deduction(entry, item) or prints_expense_as_deduction(entry, item):
        return abs(printed)
    return printed


def _mixed_signs(item: LineItem) -> bool:
    values = [c.value for c in item.cells if c.kind is CellKind.NUMBER and c.value is not None]
    return any(v > 0 for v in values) and any(v < 0 for v in values)


def fact_period(entry: ConceptEntry, item: LineItem, period: Period) -> Period:
    """The context period of a cell: the column's, except for a row naming the quarter of its
    figures in a longer column ("Net Income - Quarter" beside full years: the quarter ending with
    the column), for an instant concept in a duration
    column (cash in a statement of cash flows), which is taken at the column's end, or, for a
    row matching the entry's opening_labels ("Cash at beginning of period") or naming the day the
    period starts ("Cash at January 1"), on the day before the column's period starts."""
    if entry.period_type == "duration" and period.start is not None and (stated := stated_period(item.label)):
        if stated in _QUARTER_STATED and (period.end - period.start).days > 100:
            return Period(start=months_before(period.end, 3), end=period.end)  # the quarter ending with the column
        return period
    if entry.period_type != "instant" or period.start is None:
        return period
    if entry.is_opening(normalize_label(item.label), period):
        return Period(end=period.start - timedelta(days=1))
    return Period(end=period.end)


def cell_fact(entry: ConceptEntry, statement: Statement, item: LineItem, cell: Cell, period: Period) -> Fact | None:
    """The fact one printed cell stands for, or None for a blank cell, or for a row naming the year
    to date of its figures in a column of a quarter (its period is not the column's)."""
    if (stated := stated_period(item.label)) and stated not in _QUARTER_STATED \
            and period.start is not None and (period.end - period.start).days <= 100:
        return None
    unit = entry.unit
    exponent = _scale_exponent(unit, statement.scale)
    if unit in (UnitKind.USD, UnitKind.SHARES) and (own := _row_scale(statement, item, unit)) is not None:
        exponent = own
    period = fact_period(entry, item, period)
    common = dict(
        concept=entry.concept, period=period, unit=unit, source=cell.source, label=item.label,
        statement=statement.kind, section=item.section, dimensions=entry.dimensions,
    )
    if cell.kind is CellKind.BLANK:
        return None
    if cell.kind is CellKind.DASH:
        if entry.dash is DashRule.UNTAGGED:
            return None  # the company's own filing tags nothing where it prints a dash on this line
        if entry.dash is DashRule.NIL:
            return Fact(value=None, decimals=None, printed=None, **common)
        return Fact(value=Decimal(0), decimals=-exponent, printed=Decimal(0), **common)
    assert cell.value is not None
    value = stored_value(cell.value, entry, item).scaleb(exponent)
    return Fact(value=_plain(value), decimals=cell.decimals_printed - exponent, printed=cell.value, **common)


def _plain(value: Decimal) -> Decimal:
    """A Decimal without an exponent form (str() never gives '3.27E+5'), keeping printed
    decimal places ("(0.10)" stays -0.10)."""
    exponent = value.as_tuple().exponent
    return value.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else value


def _detail_periods(detail: LabelDetail, statement: Statement) -> tuple[Period, ...]:
    """The balance-sheet dates a figure stated in a label is for: its date; else the statement's
    date in its year, or in its column (in print order); else every one (none when the year or
    column names no single date)."""
    if detail.as_of is not None:
        return (Period(end=detail.as_of),)
    printed = list(dict.fromkeys(p for p in statement.periods if p.is_instant))
    if detail.year is not None:
        of_year = [p for p in printed if p.end.year == detail.year]
        return tuple(of_year) if len(of_year) == 1 else ()
    if detail.column is not None:
        return (printed[detail.column],) if len(printed) == detail.columns else ()
    return tuple(sorted(printed, reverse=True))


# a share count below this, stated in a label of a statement in millions (or billions) whose share
# counts take its scale ("In millions except par value"), is in that scale: "2,738 shares" of
# treasury stock is 2,738 million; a count written out in full is larger
_SMALL_COUNT = Decimal(1_000_000)
_COUNTED = (DetailKind.SHARES_ISSUED, DetailKind.SHARES_OUTSTANDING)
_MOST_SHARES = Decimal(10) ** 11  # more shares than any company has issued: a count that scaled is written in full


def label_counts_scaled(release: Release, statement: Statement) -> bool | None:
    """Are the share counts a statement states in its labels in the statement's scale? Told by
    the shares issued or outstanding they state against the weighted-average share counts the
    release prints in its statement of operations (in that statement's scale): about as many
    (a third to three times) as printed, they are scaled ("54,198 and 52,667 shares issued" in
    thousands, beside 52,500 weighted-average shares); as many as printed times the scale, they
    are written out in full. None when the release does not tell (no scale, no counts, no
    weighted-average row)."""
    scale = statement.scale
    if not scale.shares_scaled or scale.exponent <= 0:
        return None
    counts = [d.value for item in statement.items for d in item.details if d.kind in _COUNTED and d.value > 0]
    printed = [abs(cell.value) for other in release.statements
               if other.kind is StatementKind.OPERATIONS and other.scale.shares_scaled
               and other.scale.exponent == scale.exponent
               for row in other.items if re.search(r"weighted", row.label, re.I) and re.search(r"shares", row.label, re.I)
               and not _ROW_SCALE.search(row.label)
               for cell in row.cells[:1] if cell.kind is CellKind.NUMBER and cell.value]
    full = Decimal(10) ** scale.exponent
    for count in counts:
        for size in printed:
            if Decimal("0.3") <= count / size <= 3 and count * full <= _MOST_SHARES:
                return True
            if Decimal("0.3") <= count / (size * full) <= 3:
                return False
    return None


# a row of one class of common stock: "Class A common stock, $0.0001 par value", "Common stock,
# Class B" (not "Class A and B common stock", the classes' total)
_CLASS_OF_STOCK_RE = re.compile(r"^(?:class (?P<a>[a-c]) common (?:stock|shares)\b(?!,? (?:and|&) )"
                                r"|common (?:stock|shares),? class (?P<b>[a-c])\b(?! (?:and|&) )"
                                r"|class (?P<c>[a-c])\b(?!,? (?:and|&) )(?!.*\b(?:preferred|treasury)\b))")
CLASS_OF_STOCK_AXIS = "us-gaap:StatementClassOfStockAxis"


def class_of_stock(entry: ConceptEntry, item: LineItem) -> ConceptEntry:
    """A common-stock element (value, par value, shares) for a row naming one class of common
    stock: the element with the class as its member of StatementClassOfStockAxis, as companies
    tag each class (a company map's own dimensions are kept)."""
    if entry.dimensions or not entry.concept.startswith("us-gaap:CommonStock"):
        return entry
    match = _CLASS_OF_STOCK_RE.match(normalize_label(item.label))
    if match is None:
        return entry
    letter = (match["a"] or match["b"] or match["c"]).upper()
    return replace(entry, dimensions=((CLASS_OF_STOCK_AXIS, f"us-gaap:CommonClass{letter}Member"),))


def detail_facts(entry: ConceptEntry, statement: Statement, item: LineItem, detail: LabelDetail,
                 counts_scaled: bool | None = None) -> tuple[Fact, ...]:
    """Facts stated inside a label. Allowances are in the table's scale; par values are taken as
    written; share counts too, unless `counts_scaled` (label_counts_scaled) says they are in the
    statement's scale, or, when it does not tell, for a small count in a statement in millions
    whose share counts are scaled."""
    unit = entry.unit
    exponent = statement.scale.exponent if unit is UnitKind.USD else 0
    if unit is UnitKind.SHARES and statement.scale.shares_exponent is not None and detail.decimals_printed == 0:
        exponent = statement.scale.shares_exponent  # the scale line gives share counts a scale of their own
    elif unit is UnitKind.SHARES and statement.scale.shares_scaled and detail.decimals_printed == 0 and (
            counts_scaled or (counts_scaled is None and statement.scale.exponent >= 6
                              and 0 < detail.value < _SMALL_COUNT)):
        exponent = statement.scale.exponent
    value = _plain(detail.value.scaleb(exponent))
    decimals = detail.decimals_printed - exponent
    return tuple(
        Fact(concept=entry.concept, period=period, value=value, unit=unit, decimals=decimals,
             source=detail.source, label=detail.text, statement=statement.kind, section=item.section,
             printed=detail.value, dimensions=entry.dimensions)
        for period in _detail_periods(detail, statement)
    )


def _map_details(table: ConceptTable, statement: Statement, item: LineItem,
                 counts_scaled: bool | None = None) -> tuple[list[Fact], list[MappingDecision]]:
    facts: list[Fact] = []
    decisions: list[MappingDecision] = []
    label = normalize_label(item.label)
    carriers: dict[DetailKind, list[ConceptEntry]] = {}  # a label is matched once per kind of detail
    for detail in item.details:
        if detail.kind not in carriers:
            carriers[detail.kind] = [e for e in table.detail_entries(detail.kind) if e.carries_detail(label)]
        entries = carriers[detail.kind]
        rule = f"{detail.kind.value} stated in the label" if entries else (
            f"no entry for {detail.kind.value} stated in a label like {label[:60]!r}")
        prefer = getattr(table, "company_detail", None)  # the company states such figures with an alternative
        if entries and prefer is not None and (chosen := prefer(entries[0])) is not None:
            entries = [chosen[0], *entries[1:]]
            rule = f"{detail.kind.value} stated in the label; {chosen[1]}"
        concept = entries[0].concept if entries else None
        decisions.append(MappingDecision(statement.kind, item.section, detail.text, detail.source, concept, rule,
                                         tuple(e.concept for e in entries[1:]), Layer.TABLE if entries else None))
        if entries:
            facts.extend(detail_facts(class_of_stock(entries[0], item), statement, item, detail, counts_scaled))
    return facts, decisions


def _map_statement(table: ConceptTable, statement: Statement,
                   counts_scaled: bool | None = None) -> tuple[list[Fact], list[MappingDecision]]:
    facts: list[Fact] = []
    decisions: list[MappingDecision] = []
    for item in statement.items:
        match = match_line_item(table, statement.kind, item)
        decisions.append(MappingDecision(statement.kind, item.section, item.label, item.source,
                                         match.entry.concept if match.entry else None, match.rule, match.alternatives,
                                         match.layer))
        if match.entry is not None:
            for cell, period in zip(item.cells, statement.periods):
                fact = cell_fact(match.entry, statement, item, cell, period)
                if fact is not None:
                    facts.append(fact)
        more_facts, more_decisions = _map_details(table, statement, item, counts_scaled)
        facts.extend(more_facts)
        decisions.extend(more_decisions)
    return facts, decisions


def document_period(release: Release) -> Period | None:
    """The period the document reports on: the first duration column of the statement of
    operations (the current quarter), else the latest balance-sheet date as a one-day period."""
    for statement in release.statements:
        if statement.kind is StatementKind.OPERATIONS:
            for period in statement.periods:
                if not period.is_instant:
                    return period
    end = release.info.period_end or _latest_instant(release)
    return Period(start=end, end=end) if end else None


def _latest_instant(release: Release) -> date | None:
    instants = [p.end for s in release.statements for p in s.periods if p.is_instant]
    return max(instants) if instants else None


def dei_facts(release: Release, entity: EntityId, document_type: str = DEFAULT_DOCUMENT_TYPE) -> tuple[Fact, ...]:
    """Document and entity information facts, in the document period's context."""
    period = document_period(release)
    if period is None:
        return ()
    info = release.info
    period_end = info.period_end or period.end
    values: list[tuple[str, str | None, str]] = [
        ("dei:EntityRegistrantName", entity.name, "company_name"),
        ("dei:EntityCentralIndexKey", entity.cik if entity.has_cik else None,
         "cik" if info.cik and info.cik == entity.cik else "ticker"),
        ("dei:TradingSymbol", info.ticker, "ticker"),
        ("dei:DocumentType", document_type, ""),
        ("dei:DocumentPeriodEndDate", period_end.isoformat(), "period_end"),
        ("dei:DocumentFiscalYearFocus", str(info.fiscal_year_focus) if info.fiscal_year_focus else None, "fiscal_period_text"),
        ("dei:DocumentFiscalPeriodFocus", _dei_fiscal_period(info.fiscal_period_focus), "fiscal_period_text"),
        ("dei:AmendmentFlag", "false", ""),
    ]
    return tuple(
        Fact(concept=concept, period=period, value=value, source=info.source_of(field) if field else None,
             label=field or "set by the converter")
        for concept, value, field in values
        if value is not None
    )


def _dei_fiscal_period(focus: str | None) -> str | None:
    """dei's fiscalPeriodItemType has FY, Q1, Q2, Q3 (and H1, H2, M9, ...): a fourth quarter
    release reports the fiscal year."""
    return "FY" if focus == "Q4" else focus


def _dedupe(facts: list[Fact]) -> tuple[list[Fact], list[MappingDecision]]:
    """Drop repeated facts (same concept, period and value); keep the first of conflicting ones
    and report the other, so that the instance never carries duplicate facts."""
    kept: dict[tuple[str, Period, Dimensions], Fact] = {}
    out: list[Fact] = []
    notes: list[MappingDecision] = []
    for fact in facts:
        key = (fact.concept, fact.period, fact.dimensions)
        first = kept.get(key)
        if first is None:
            kept[key] = fact
            out.append(fact)
        elif first.value != fact.value and fact.statement is not None:
            if _is_total_of(fact, first):  # "Sales" under "Revenue:" read as revenues, then "Total revenue"
                out[out.index(first)] = kept[key] = fact
                first, fact = fact, first
            notes.append(MappingDecision(
                fact.statement, fact.section, fact.label, fact.source or SourceRef("?", 0), None,
                f"conflicts with {fact.concept} {first.value} for {fact.period} from {first.source}; not tagged"))
    return out, notes


def _is_total_of(later: Fact, first: Fact) -> bool:
    """A total row below a line of the same concept in the same statement and section takes the
    concept: the line above is one of its parts, matched too loosely."""
    return (later.statement is first.statement and later.section == first.section
            and normalize_label(later.label).startswith("total ")
            and not normalize_label(first.label).startswith("total "))


def map_release(release: Release, table: ConceptTable, entity: EntityId,
                document_type: str = DEFAULT_DOCUMENT_TYPE) -> MappedRelease:
    from converter.structure import mark_subtractions  # the structure reads stored values from here

    release = mark_subtractions(oci.annotate(release), table.for_release(release))
    table = table.for_release(release)
    facts: list[Fact] = list(dei_facts(release, entity, document_type))
    decisions: list[MappingDecision] = []
    for statement in release.statements:
        more_facts, more_decisions = _map_statement(table, statement, label_counts_scaled(release, statement))
        facts.extend(more_facts)
        decisions.extend(more_decisions)
    facts, conflicts = _dedupe(facts)
    return MappedRelease(release=release, facts=tuple(facts), decisions=tuple(decisions + conflicts),
                         cik=entity.cik, entity_name=entity.name, entity_scheme=entity.scheme,
                         ticker=entity.ticker)


__all__ = ["EntityId", "Match", "map_release", "match_line_item", "document_period", "dei_facts"]
