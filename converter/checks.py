"""The converter's own checks on a mapped release, on top of Arelle's validation:

- every subtotal and total equals the sum of the rows it closes (weights from the concepts'
  balances: a debit row under a credit total is subtracted, as in a calculation linkbase);
- total assets equal total liabilities and equity;
- concepts that cannot be negative are not.

Which rows a total closes follows the statement's layout: the rows at the same heading level
since the previous total there (that total included), plus the totals of sub-sections closed
since (or, for a sub-section without a total row, its rows).

Statements of cash flows and comprehensive income are read differently (see
`_signed_components`): their printed figures add up as printed, so a row's weight comes from
its sign rule, not its balance (`weight`), and a total takes the rows printed since the
previous total. On top of that, in a statement of cash flows the cash at the end of each
period must equal the cash at its beginning plus the net change (`check_cash`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from datetime import timedelta

from converter.concepts import ConceptEntry, ConceptTable, Sign, normalize_label
from converter.map import match_line_item
from converter.structure import TotalParts, Unexplained, explain
from converter.model import (
    Dimensions,
    Fact,
    Layer,
    Level,
    LineItem,
    MappedRelease,
    Period,
    Statement,
    StatementKind,
    UnitKind,
    ValidationMessage,
)

# statements whose printed figures add up as printed ("(1,234)" is subtracted)
SIGNED_STATEMENTS = (StatementKind.CASH_FLOWS, StatementKind.COMPREHENSIVE_INCOME)
# totals of a signed statement that sum the section totals above them
_GRAND_TOTALS = (
    "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsPeriodIncreaseDecreaseIncludingExchangeRateEffect",
    "us-gaap:ComprehensiveIncomeNetOfTax",
    "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsPeriodIncreaseDecreaseExcludingExchangeRateEffect",
)
CASH = "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"
NET_CHANGE_IN_CASH = _GRAND_TOTALS[0]
# the net change before the effect of exchange rates: a grand total that the net change adds to that effect
NET_CHANGE_BEFORE_FX = _GRAND_TOTALS[2]
FX_EFFECT = "us-gaap:EffectOfExchangeRateOnCashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"


@dataclass(frozen=True)
class _Row:
    item: LineItem
    entry: ConceptEntry | None  # None: the row matched no concept

    @property
    def is_total(self) -> bool:
        return self.entry is not None and self.entry.total


def weight(kind: StatementKind, total: ConceptEntry, part: ConceptEntry) -> int:
    """The calculation weight of `part` under `total` in a statement of `kind`.

    Balance sheets and statements of operations: from the balances (a debit row under a credit
    total is subtracted). Statements of cash flows and comprehensive income: printed figures
    add up as printed and each concept stores printed * factor of its sign rule (as-printed
    +1; deduction and negated -1), so the weight is the product of the two factors. This
    gives US-GAAP's own weights: - IncreaseDecreaseInAccountsReceivable and
    - PaymentsToAcquirePropertyPlantAndEquipment, + NetIncomeLoss, under the activity totals."""
    if kind in SIGNED_STATEMENTS:
        return total.sign.factor * part.sign.factor
    return -1 if total.balance and part.balance and total.balance != part.balance else 1


_Index = dict[tuple[str, Period, Dimensions], Fact]


def _fact_index(mapped: MappedRelease) -> _Index:
    """Facts by concept, period and dimensions (a product line's revenue is not the total)."""
    return {(f.concept, f.period, f.dimensions): f for f in mapped.facts}


def _value(facts: _Index, concept: str, period: Period, dimensions: Dimensions = ()) -> Decimal | None:
    fact = facts.get((concept, period, dimensions))
    if fact is None:
        return None
    return fact.value if isinstance(fact.value, Decimal) else Decimal(0)


# Totals that nothing adds up: they are not carried into a later total.
BALANCE_SHEET_GRAND_TOTALS = frozenset({"us-gaap:Assets", "us-gaap:LiabilitiesAndStockholdersEquity"})


def _is_named_total(row: _Row) -> bool:
    return normalize_label(row.item.label).split(" ", 1)[0] == "total"


def _total_level(row: _Row, path: tuple[str, ...]) -> tuple[tuple[str, ...], bool, str | None]:
    """The heading level a named total sums, whether it closes that heading, and the label of
    the total after which its rows start (None: all the level's rows not yet added up).

    A bare "Total", or "Total <heading>", closes the heading it names ("Total current assets"
    under "Current Assets"). A total named for the start of an outer heading sums that outer
    level without closing it ("Total liabilities" under "Long-term liabilities" sums everything
    under "LIABILITIES AND STOCKHOLDERS' EQUITY" so far). A total named for the end of an outer
    heading sums that level's rows after the total named for its start, without closing it
    ("Total equity" under "LIABILITIES AND EQUITY" takes the rows after "Total liabilities").
    Otherwise the total sums its own heading and stays there ("Total operating costs and
    expenses" under "COSTS AND EXPENSES").
    """
    label = normalize_label(row.item.label)
    if label == "total":
        return path, bool(path), None
    rest = label.removeprefix("total ")
    for depth in range(len(path), 0, -1):
        heading = normalize_label(path[depth - 1])
        if rest.startswith(heading):
            return path[:depth], True, None
        if heading.startswith(rest + " "):
            return path[:depth], False, None
        for connector in (" and ", " & "):
            head, _, tail = heading.partition(connector)
            if tail and (tail == rest or tail.endswith(" " + rest)):
                return path[:depth], False, "total " + head.strip()
    return path, False, None


def _components(statement_rows: list[_Row]) -> list[tuple[_Row, list[_Row]]]:
    """For each total row, the rows it should add up (see module docstring).

    A "Total ..." row (whatever its concept) sums the rows at its level (see `_total_level`)
    and then stands for them: one level up when it closes its heading. A running total such
    as "Operating loss" or "Loss before income taxes" takes in every row not yet added up,
    since headings without a total row ("Other income (expense):") cannot be seen to end.
    """
    pending: dict[tuple[str, ...], list[_Row]] = {}
    out: list[tuple[_Row, list[_Row]]] = []
    for row in statement_rows:
        path = row.item.section
        named = _is_named_total(row) and row.entry is not None and row.entry.unit is UnitKind.USD
        # Running totals ("Operating loss") belong to statements of operations; a balance-sheet
        # total says "Total" ("Photronics, Inc. shareholders' equity" above "Total equity" is a row).
        running = row.is_total and not named and row.entry is not None and row.entry.period_type == "duration"
        if not (running or named):
            pending.setdefault(path, []).append(row)
            continue
        parts: list[_Row] = []
        if named:
            level, closes, since = _total_level(row, path)
            subs = sorted(p for p in pending if p[: len(level)] == level)
            starts = [r.item.source for sub in subs for r in pending[sub]
                      if since and normalize_label(r.item.label) == since]
            if starts:  # "Total equity" after "Total liabilities": the rows after it
                for sub in subs:
                    parts.extend(r for r in pending[sub] if r.item.source > max(starts))
                    pending[sub] = [r for r in pending[sub] if r.item.source <= max(starts)]
            else:
                for sub in subs:
                    parts.extend(pending.pop(sub))
            target = level[:-1] if closes else level
        else:
            for sub in sorted(pending):
                parts.extend(pending.pop(sub))
            target = path
        parts.sort(key=lambda r: r.item.source)
        out.append((row, parts))
        if row.entry is None or row.entry.concept not in BALANCE_SHEET_GRAND_TOTALS:
            pending.setdefault(target, []).append(row)
    return out


def summations(rows: Sequence[tuple[LineItem, ConceptEntry | None]]
               ) -> list[tuple[LineItem, ConceptEntry, list[tuple[LineItem, ConceptEntry | None]]]]:
    """Public form of the component logic: for each total row (in statement order) the total's
    line item and entry and the (line item, entry) rows it adds up; entry None for an unmapped
    row. `rows` are a statement's rows in order, with the entry each one is tagged with."""
    return [(total.item, total.entry, [(p.item, p.entry) for p in parts])  # type: ignore[misc]
            for total, parts in _components([_Row(item, entry) for item, entry in rows])]


def _signed_components(statement_rows: list[_Row], kind: StatementKind) -> list[tuple[_Row, list[_Row]]]:
    """For each total row of a statement of cash flows or comprehensive income, the rows it adds.

    Rows are taken in print order, whatever their headings: a section total ("Net cash used
    in investing activities", "Other comprehensive loss") takes the rows since the previous
    total; a grand total (net change in cash, comprehensive income) takes the section totals
    since the previous grand total and the rows since the last of them (the effect of
    exchange rates). A total with no rows above it is a figure carried in: net income, which
    opens the operating section of a statement of cash flows and goes straight into
    comprehensive income (other comprehensive income is totalled on its own). Balances (cash
    at the beginning and end of the period) are left to `check_cash`.
    """
    open_rows: list[_Row] = []
    subtotals: list[_Row] = []
    nested: list[_Row] = []  # component totals an outer total of comprehensive income adds
    waiting: list[_Row] = []  # open rows a component's total leaves to the outer total
    carried: list[_Row] = []
    out: list[tuple[_Row, list[_Row]]] = []
    for row in statement_rows:
        if row.entry is not None and row.entry.period_type == "instant":
            continue
        if not row.is_total:
            open_rows.append(row)
            continue
        assert row.entry is not None
        grand = row.entry.concept in _GRAND_TOTALS
        if not grand and not open_rows:
            carried.append(row)
            continue
        if grand:
            parts, carried = carried + subtotals + open_rows, []
            subtotals = [row] if row.entry.concept == NET_CHANGE_BEFORE_FX else []
        elif kind is StatementKind.CASH_FLOWS:
            parts, carried = carried + open_rows, []
            if subtotals and out and out[-1][0] is subtotals[-1] and _same_activity(subtotals[-1], row):
                parts = [subtotals.pop()] + parts  # continuing operations' cash, then the discontinued, then both
            subtotals.append(row)
        elif (own := _own_component(open_rows, row)) is not None:
            # a component's total under its own heading ("Net change" under "Available-for-sale
            # debt securities:") adds that heading's rows; the rows above it under the outer
            # heading wait for the outer total, which adds this one too
            parts, waiting = own, [r for r in open_rows if r not in own]
            nested.append(row)
            subtotals.append(row)
        else:
            parts, nested = nested + open_rows, []
            subtotals = [r for r in subtotals if r not in parts] + [row]
        open_rows, waiting = waiting, []
        out.append((row, parts))
    return out


def _own_component(open_rows: list[_Row], total: _Row) -> list[_Row] | None:
    """The open rows printed under the heading of `total` when it has one and rows under other
    headings are open too; else None."""
    if not total.item.section:
        return None
    own = [r for r in open_rows if r.item.section == total.item.section]
    return own if own and len(own) < len(open_rows) else None


_ACTIVITIES = ("operating", "investing", "financing")


def _same_activity(first: _Row, then: _Row) -> bool:
    """Two section totals of a statement of cash flows naming the same activity ("Net cash
    provided by continuing operating activities" and "Net cash provided by operating activities")."""
    a, b = normalize_label(first.item.label), normalize_label(then.item.label)
    return any(word in a and word in b for word in _ACTIVITIES)


def _tolerance(parts: int, decimals: int | None) -> Decimal:
    """Independently rounded printed figures may differ from their printed total by up to half
    a unit of the last printed digit for each figure, the total's included."""
    unit = Decimal(1).scaleb(-(decimals or 0))
    return unit * Decimal(parts + 1) / 2


def _check_total(total: _Row, parts: list[tuple[_Row, int]], statement: Statement,
                 facts: _Index) -> list[ValidationMessage]:
    """Differences between a total and the rows that add up to it: within the printed
    rounding a warning, else an error."""
    assert total.entry is not None
    entry = total.entry
    unmapped = [p.item.label for p, _w in parts if p.entry is None]
    # a row of the company's own member written without its extension taxonomy (--xml-only) has no facts
    untagged = [p.item.label for p, _w in parts if p.entry is not None and p.entry.dimensions and all(
        _value(facts, p.entry.concept, period, p.entry.dimensions) is None for period in statement.periods)]
    if unmapped or untagged:
        why = f"its row {unmapped[0]!r} is unmapped" if unmapped else f"its row {untagged[0]!r} has no facts"
        return [ValidationMessage(
            code="check.skipped", level=Level.WARNING, concept=entry.concept, source="checks",
            message=f"{total.item.label!r} ({entry.local_name}) not checked: {why}",
            refs=(str(total.item.source),))]
    messages = []
    for period in statement.periods:
        found = _value(facts, entry.concept, period, entry.dimensions)
        if found is None:
            continue
        weighted = [(w, p.entry) for p, w in parts if p.entry is not None]
        expected = sum((w * (_value(facts, e.concept, period, e.dimensions) or 0) for w, e in weighted), Decimal(0))
        diff = abs(expected - found)
        if diff == 0:
            continue
        terms = " ".join(f"{'+' if w > 0 else '-'} {e.local_name}" for w, e in weighted)
        level = Level.WARNING if diff <= _tolerance(len(parts), facts[(entry.concept, period, entry.dimensions)].decimals) else Level.ERROR
        messages.append(ValidationMessage(
            code="check.total", level=level, concept=entry.concept, source="checks",
            message=(f"{total.item.label!r} ({entry.local_name}) for {period} is {found}, "
                     f"but {terms.lstrip('+ ')} = {expected} (difference {diff})"),
            refs=(str(total.item.source),)))
    return messages


def check_totals(mapped: MappedRelease, statement: Statement, table: ConceptTable) -> list[ValidationMessage]:
    facts = _fact_index(mapped)
    rows = []
    for item in statement.items:
        entry = match_line_item(table, statement.kind, item).entry
        if entry is None or entry.unit is not None:
            rows.append(_Row(item, entry))
    messages: list[ValidationMessage] = []
    found, unexplained = statement_totals(statement.kind, [(r.item, r.entry) for r in rows])
    for parts in found:
        total = _Row(parts.total, parts.entry)
        messages.extend(_check_total(total, [(_Row(i, e), w) for i, e, w in parts.parts], statement, facts))
    for miss in unexplained:
        if miss.nearly is not None:  # the structure is seen and a figure is wrong: an error
            parts = [(_Row(i, e), w) for i, e, w in miss.nearly.parts]
            messages.extend(_check_total(_Row(miss.total, miss.entry), parts, statement, facts))
            continue
        unmapped = [item.label for item, e in miss.layout_parts if e is None]
        code, why = (("check.skipped", f"its row {unmapped[0]!r} is unmapped") if unmapped else
                     ("check.unverified", "no reading of the rows above it adds up to it in any period"))
        messages.append(ValidationMessage(
            code=code, level=Level.WARNING, concept=miss.entry.concept, source="checks",
            message=f"{miss.total.label!r} ({miss.entry.local_name}) not checked, no calculation written: {why}",
            refs=(str(miss.total.source),)))
    return messages


def statement_totals(kind: StatementKind, rows: Sequence[tuple[LineItem, ConceptEntry | None]]
                     ) -> tuple[list[TotalParts], list[Unexplained]]:
    """The totals of a statement with the rows each adds up, read from the layout and checked
    by the figures (converter.structure), and the totals nothing explains."""
    wrapped = [_Row(item, entry) for item, entry in rows]
    signed = kind in SIGNED_STATEMENTS
    layout = _signed_components(wrapped, kind) if signed else _components(wrapped)
    return explain(kind, rows, [((t.item, t.entry), [(p.item, p.entry) for p in parts]) for t, parts in layout],
                   weight)


def check_balance(mapped: MappedRelease) -> list[ValidationMessage]:
    facts = _fact_index(mapped)
    messages = []
    for (concept, period, dimensions), fact in sorted(facts.items(), key=lambda kv: (kv[0][1].end, kv[0][0], kv[0][2])):
        if concept != "us-gaap:Assets" or dimensions:
            continue
        other = _value(facts, "us-gaap:LiabilitiesAndStockholdersEquity", period)
        if other is not None and other != fact.value:
            messages.append(ValidationMessage(
                code="check.balance", level=Level.ERROR, concept=concept, source="checks",
                message=f"total assets {fact.value} differ from total liabilities and equity {other} at {period}",
                refs=(str(fact.source),)))
    return messages


def check_cash(mapped: MappedRelease, statement: Statement) -> list[ValidationMessage]:
    """Statement of cash flows: cash at the end of each column's period equals cash at its
    beginning (the day before the period starts) plus the net change in cash. A difference within
    the printed rounding of the figures is a warning, as for any total."""
    if statement.kind is not StatementKind.CASH_FLOWS:
        return []
    facts = _fact_index(mapped)
    messages = []
    for period in statement.periods:
        if period.start is None:
            continue
        begin = _value(facts, CASH, Period(end=period.start - timedelta(days=1)))
        end = _value(facts, CASH, Period(end=period.end))
        change, parts = _value(facts, NET_CHANGE_IN_CASH, period), 2
        if change is None:  # printed only before the effect of exchange rates
            before, effect = _value(facts, NET_CHANGE_BEFORE_FX, period), _value(facts, FX_EFFECT, period)
            change, parts = (None if before is None else before + (effect or Decimal(0))), 2 + (effect is not None)
        if begin is None or end is None or change is None or begin + change == end:
            continue
        fact = facts[(CASH, Period(end=period.end), ())]
        rounding = abs(begin + change - end) <= _tolerance(parts, fact.decimals)
        messages.append(ValidationMessage(
            code="check.cash", level=Level.WARNING if rounding else Level.ERROR, concept=CASH, source="checks",
            message=(f"cash at the end of {period} is {end}, but cash at its beginning {begin} "
                     f"plus the net change {change} is {begin + change} (difference {abs(begin + change - end)})"),
            refs=(str(fact.source),)))
    return messages


def check_signs(mapped: MappedRelease, table: ConceptTable) -> list[ValidationMessage]:
    """Facts of concepts that cannot be negative (by the concept table) are not, except on rows
    tagged through the company's own map: the company's filings store such a figure so too."""
    messages = []
    own = {(d.statement, d.label) for d in mapped.decisions if d.layer is Layer.COMPANY}
    for fact in mapped.facts:
        if (fact.statement, fact.label) in own:
            continue
        entry = table.entry(fact.concept)
        if entry and entry.sign is Sign.DEDUCTION and fact.printed is not None and fact.printed > 0:
            continue  # printed without parentheses among figures printed in them: the other way (cash received)
        if entry and entry.never_negative and isinstance(fact.value, Decimal) and fact.value < 0:
            messages.append(ValidationMessage(
                code="check.negative", level=Level.ERROR, concept=fact.concept, source="checks",
                message=f"{fact.concept} cannot be negative, but {fact.label!r} gives {fact.value} for {fact.period}",
                refs=(str(fact.source),)))
    return messages


def run_checks(mapped: MappedRelease, table: ConceptTable) -> tuple[ValidationMessage, ...]:
    messages: list[ValidationMessage] = []
    table = table.for_release(mapped.release)
    for statement in mapped.release.statements:
        messages.extend(check_totals(mapped, statement, table))
        messages.extend(check_cash(mapped, statement))
    messages.extend(check_balance(mapped))
    messages.extend(check_signs(mapped, table))
    return tuple(dict.fromkeys(messages))  # once each: two statements of cash flows over the same periods
