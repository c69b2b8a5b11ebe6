"""Which rows each total of a statement adds up: the layout's reading, checked by its figures.

The layout gives a first reading of a statement's totals (converter.checks: headings, "Total"
labels, running totals). Real releases do not always print what that reading expects: a
subtotal without a label, an outer heading that is not printed, costs printed as negative
figures. So each reading is checked against the printed figures before it is believed:

1. the rows the layout assigns to the total, weighted by balance (a debit row under a credit
   total is subtracted; in statements of cash flows and comprehensive income the sign rules);
2. the same rows as printed: the printed figures add up as printed, and the weights follow
   from how each row stores its printed sign;
3. runs of the rows printed right above the total that are not yet added into another total
   (longest first), with either weighting.

The first candidate whose stored values add up to the total in every period (within the
rounding of the printed figures, as Calculation 1.1 allows) is the total's summation. A total
that no candidate explains gets no summation; it is reported (`Unexplained`) so that neither a
calculation arc nor a check asserts a sum the release does not print.

Before mapping, the printed arithmetic also marks rows whose concept depends on where they
stand (`mark_subtractions`): parentheses that only mark a subtraction; a net change in cash
printed before the effect of exchange rates that the figures add to it (the change excluding
that effect); a row adding into a total of the concept it matched ("Net revenue" above "Total
revenue": the total keeps the concept).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal

from converter.concepts import ConceptEntry, ConceptTable, Sign
from converter.map import (CLOSING_CASH, NET_INCOME, PROFIT_LOSS, TO_COMMON, row_scale_stated, stated_period, states_loss_size,
                           stored_value)
from converter.linkbases import Summation
from converter.model import (SUBTOTAL, CellKind, Dimensions, Fact, LineItem, Period, Release, Scale, Statement, StatementKind,
                             UnitKind)

Row = tuple[LineItem, ConceptEntry | None]
_MAX_RUN = 25  # rows above a total tried as its parts


@dataclass(frozen=True)
class TotalParts:
    """A total row, the rows it adds up (with their calculation weights), and which reading found them."""

    total: LineItem
    entry: ConceptEntry
    parts: tuple[tuple[LineItem, ConceptEntry, int], ...]
    how: str  # "layout", "layout as printed", "rows above", "rows above as printed", "... subtracting"
    subtracted: tuple[LineItem, ...] = ()  # parts whose printed figures are a subtraction


@dataclass(frozen=True)
class Unexplained:
    """A total whose figures no reading of the rows above adds up to in every period.

    `nearly`: a reading that adds up in some periods and not in others: the structure is seen,
    and a figure of the periods where it fails is wrong (misprinted or misread)."""

    total: LineItem
    entry: ConceptEntry
    layout_parts: tuple[Row, ...]
    nearly: TotalParts | None = None


def _stored(item: LineItem, entry: ConceptEntry, flip: bool = False) -> list[Decimal | None]:
    out: list[Decimal | None] = []
    for cell in item.cells:
        if cell.kind is CellKind.NUMBER and cell.value is not None:
            value = stored_value(cell.value, entry, item)
            out.append(-value if flip else value)
        elif cell.kind is CellKind.DASH:
            out.append(Decimal(0))
        else:
            out.append(None)
    return out


def _factor(item: LineItem, entry: ConceptEntry) -> int:
    """+1 when the row stores its printed sign, -1 when it stores the opposite."""
    for cell in item.cells:
        if cell.kind is CellKind.NUMBER and cell.value:
            return 1 if (stored_value(cell.value, entry, item) > 0) == (cell.value > 0) else -1
    return 1


def _unit(item: LineItem) -> Decimal:
    decimals = max((c.decimals_printed for c in item.cells if c.kind is CellKind.NUMBER), default=0)
    return Decimal(1).scaleb(-decimals)


def fits(total: LineItem, entry: ConceptEntry, parts: Sequence[tuple[LineItem, ConceptEntry, int]],
         flipped: frozenset[int] = frozenset()) -> list[bool]:
    """For each period where the total and at least one part have a figure: do the weighted
    stored values of `parts` give the total's stored value (within the printed rounding)?
    `flipped`: ids of parts whose stored values are taken negated."""
    totals = _stored(total, entry)
    columns = [(_stored(item, e, id(item) in flipped), w) for item, e, w in parts]
    tolerance = _unit(total) * (len(parts) + 1) / 2
    out = []
    for k, value in enumerate(totals):
        present = [(vals[k], w) for vals, w in columns if k < len(vals) and vals[k] is not None]
        if value is None or not present:
            continue
        out.append(abs(sum((w * v for v, w in present), Decimal(0)) - value) <= tolerance)
    return out


def adds_up(total: LineItem, entry: ConceptEntry, parts: Sequence[tuple[LineItem, ConceptEntry, int]],
            flipped: frozenset[int] = frozenset()) -> bool:
    """`parts` add up to the total in every period where both have figures (and in one at least)."""
    checks = fits(total, entry, parts, flipped)
    return bool(checks) and all(checks)


def _weighted(parts: Sequence[Row], weigh) -> list[tuple[LineItem, ConceptEntry, int]] | None:
    out = []
    for item, e in parts:
        w = weigh(item, e) if e is not None else None
        if e is None or w is None:
            return None
        out.append((item, e, w))
    return out


def explain(kind: StatementKind, rows: Sequence[Row], layout: Sequence[tuple[Row, Sequence[Row]]],
            balance_weight) -> tuple[list[TotalParts], list[Unexplained]]:
    """Each total of `layout` (total row, the rows the layout says it adds) checked against the
    figures (see the module docstring). `rows` are the statement's rows in print order;
    `balance_weight(kind, total_entry, part_entry)` the layout's weight."""
    found: list[TotalParts] = []
    missing: list[Unexplained] = []
    ambiguous = _ambiguous(rows)
    position = {id(item): i for i, (item, _e) in enumerate(rows)}
    consumed: set[int] = set()
    grand: set[int] = set()
    for (total, entry), layout_parts in layout:
        if entry is None or entry.unit is not UnitKind.USD:
            continue
        by_balance = lambda item, e, entry=entry: balance_weight(kind, entry, e)  # noqa: E731
        t_factor = _factor(total, entry)

        def as_printed(item: LineItem, e: ConceptEntry, entry=entry, t_factor=t_factor) -> int | None:
            w = t_factor * _factor(item, e)
            # XBRL 2.1 (5.1.1.2): two concepts with balances take the weight their balances imply
            return w if not (entry.balance and e.balance) or w == balance_weight(kind, entry, e) else None

        candidates: list[tuple[str, Sequence[Row], object]] = [
            ("layout", layout_parts, by_balance), ("layout as printed", layout_parts, as_printed)]
        start = position.get(id(total), 0)
        if _repeats(rows[start - 1] if start > 0 else None, total, entry):
            consumed.add(id(rows[start - 1][0]))  # "Total minority interest" under its one row: nothing to add up
            continue
        above = [r for r in rows[:start] if id(r[0]) not in consumed and id(r[0]) not in grand
                 and r[1] is not None and r[1].unit is UnitKind.USD
                 and r[1].period_type == entry.period_type][-_MAX_RUN:]
        for length in range(len(above), 0, -1):
            run = above[-length:]
            candidates.append(("rows above", run, by_balance))
            candidates.append(("rows above as printed", run, as_printed))
        chosen = nearly = None
        for how, parts, weigh in candidates:
            if not parts:
                continue
            weighted = _weighted(parts, weigh)
            if weighted is None or not _distinct(entry, weighted, ambiguous):
                continue
            checks = fits(total, entry, weighted)
            if checks and all(checks):
                chosen = TotalParts(total, entry, tuple(weighted), how)
                break
            if nearly is None and len(checks) > 1 and any(checks) and how.startswith("layout"):
                nearly = TotalParts(total, entry, tuple(weighted), how)
            subtracting = _printed_subtractions(weighted) if weigh is by_balance else frozenset()
            if subtracting and adds_up(total, entry, weighted, subtracting):
                chosen = TotalParts(total, entry, tuple(weighted), how + " subtracting",
                                    tuple(item for item, _e, _w in weighted if id(item) in subtracting))
                break
            adding = _printed_addition(total, entry, weighted) \
                if weigh is by_balance and kind is StatementKind.OPERATIONS else None
            if adding is not None:
                chosen = TotalParts(total, entry, tuple(weighted), how + " adding", (adding,))
                break
        if chosen is None:
            missing.append(Unexplained(total, entry, tuple(layout_parts), nearly))
            # its rows are still its rows (a row without a concept left it unexplained): a later
            # total takes this one, not them
            consumed.update(id(item) for item, _e in layout_parts if item is not total)
            continue
        found.append(chosen)
        consumed.update(id(item) for item, _e, _w in chosen.parts)
        if entry.concept in _NOT_CARRIED:
            grand.add(id(total))
    return found, missing


def _repeats(above: Row | None, total: LineItem, entry: ConceptEntry) -> bool:
    """A total printed right under its only row, repeating its concept and figures."""
    return (above is not None and above[1] is not None and above[1].concept == entry.concept
            and above[1].dimensions == entry.dimensions
            and above[0] is not total and _stored(above[0], above[1]) == _stored(total, entry))


def _printed_subtractions(parts: Sequence[tuple[LineItem, ConceptEntry, int]]) -> frozenset[int]:
    """Parts that are subtracted (weight -1) and printed in parentheses in every column, where
    the value stored as printed would add them instead: "Provision for income taxes (16,582)"
    above "Net income". Their parentheses mark the subtraction."""
    out = set()
    for item, e, w in parts:
        printed = _figures(item)
        stored = [v for v in _stored(item, e) if v is not None]
        if w == -1 and printed and all(v <= 0 for v in printed) and any(v < 0 for v in stored) \
                and all(v <= 0 for v in stored):
            out.add(id(item))
    return frozenset(out)


def _printed_addition(total: LineItem, entry: ConceptEntry,
                      parts: Sequence[tuple[LineItem, ConceptEntry, int]]) -> LineItem | None:
    """The one part that is subtracted (weight -1) and printed without parentheses in every
    column, where the total adds up only when it is added: its figures are its effect on the
    total ("Minority interest in income (loss) of subsidiary 22" added into net income: a loss
    of 22 attributable to the minority), and its concept stores their opposite. None when no
    such part, or more than one, makes the total add up."""
    found = []
    for item, e, w in parts:
        printed = _figures(item)
        if w == -1 and printed and all(v >= 0 for v in printed) and any(v > 0 for v in printed) \
                and _factor(item, e) == 1 and adds_up(total, entry, parts, frozenset({id(item)})):
            found.append(item)
    return found[0] if len(found) == 1 else None


def mark_subtractions(release: Release, table: ConceptTable) -> Release:
    """The release with the rows whose parentheses only mark a subtraction marked
    (LineItem.subtracted), so that every stage stores their figures by meaning: found where a
    total adds up only when those rows are subtracted (see `explain`)."""
    from converter.checks import statement_totals  # checks builds the layout reading on this module
    from converter.map import match_line_item

    statements = []
    parents: list[tuple[LineItem, tuple[Period, ...]]] = []  # net income after the minority interest, its periods
    for statement in release.statements:
        rows = [(item, match_line_item(table, statement.kind, item).entry) for item in statement.items]
        if superseded := superseded_rows(rows):  # not the total their heading names: a subtotal
            statement = replace(statement, items=tuple(replace(item, label=SUBTOTAL) if id(item) in superseded else item
                                                       for item in statement.items))
            rows = [(item, None if id(old) in superseded else entry)
                    for (old, entry), item in zip(rows, statement.items)]
        found, _missing = statement_totals(statement.kind, rows)
        marked = {id(item) for parts in found for item in parts.subtracted}
        if statement.kind is StatementKind.OPERATIONS:
            parents += [(t.total, statement.periods) for t in found if t.entry.concept == PROFIT_LOSS
                        and any(e.concept == _MINORITY for _i, e, _w in t.parts)]
        if statement.kind is StatementKind.OPERATIONS:
            marked |= expenses_in_parentheses(rows)
        if statement.kind in (StatementKind.OPERATIONS, StatementKind.COMPREHENSIVE_INCOME):
            marked |= minority_taken_out(rows)
        shares = loss_shares(rows) if statement.kind is StatementKind.OPERATIONS else set()
        parent = parent_income_to_common(rows) if statement.kind is StatementKind.OPERATIONS else set()
        if statement.kind is StatementKind.OPERATIONS and (counted := shares_counted(statement, rows)) is not None:
            statement = replace(statement, scale=counted[0], notes=statement.notes + (counted[1],))
        if statement.kind is StatementKind.CASH_FLOWS:
            marked |= income_taken_out(rows)
        before_fx = change_before_exchange_effect(rows) if statement.kind is StatementKind.CASH_FLOWS else set()
        part_of = parts_of_same_concept(rows)
        below = nonoperating_rows(rows) if statement.kind is StatementKind.OPERATIONS else set()
        sides = balance_sheet_sides(rows) if statement.kind is StatementKind.BALANCE_SHEET else {}
        reconciling = cash_reconciliation_rows(rows) if statement.kind is StatementKind.CASH_FLOWS else set()
        if marked or before_fx or part_of or below or sides or reconciling or shares or parent:
            items = tuple(replace(item, subtracted=id(item) in marked or item.subtracted,
                                  loss_share=id(item) in shares or item.loss_share,
                                  net_of_minority=id(item) in parent or item.net_of_minority,
                                  before_exchange_effect=id(item) in before_fx or item.before_exchange_effect,
                                  part_of=part_of.get(id(item), item.part_of),
                                  nonoperating=id(item) in below or item.nonoperating,
                                  side=sides.get(id(item), item.side),
                                  reconciles_cash=id(item) in reconciling or item.reconciles_cash)
                          for item in statement.items)
            statement = replace(statement, items=items)
        # rows matching the concept of an earlier row, matched as they now stand (side, part of a total)
        repeats = repeated_concepts(statement.kind, [(item, match_line_item(table, statement.kind, item).entry)
                                                     for item in statement.items])
        if repeats:
            statement = replace(statement, items=tuple(replace(item, repeats=repeats.get(id(item), item.repeats))
                                                       for item in statement.items))
        statements.append(statement)
    if parents:
        statements = [_net_of_minority(statement, parents, table) for statement in statements]
    return replace(release, statements=tuple(statements))


_MINORITY = "us-gaap:NetIncomeLossAttributableToNoncontrollingInterest"


def _net_of_minority(statement: Statement, parents: list[tuple[LineItem, tuple[Period, ...]]],
                     table: ConceptTable) -> Statement:
    """Marks the statement's rows that are the parent's net income (LineItem.net_of_minority):
    a net income total whose parts take the minority interest out (an older statement of
    operations prints "Minority interest" above "Net income"), and a row of the consolidated
    net income's concept printing the same figures for the same periods (the statement of cash
    flows opening with that net income)."""
    from converter.map import match_line_item

    figures = {(p, v) for item, periods in parents for p, v in zip(periods, _printed(item)) if v is not None}

    def parent(item: LineItem) -> bool:
        if any(item is p for p, _periods in parents):
            return True
        entry = match_line_item(table, statement.kind, item).entry
        printed = [(p, v) for p, v in zip(statement.periods, _printed(item)) if v is not None]
        return (entry is not None and entry.concept == PROFIT_LOSS and bool(printed)
                and all(pv in figures for pv in printed))

    items = tuple(replace(item, net_of_minority=True) if parent(item) else item for item in statement.items)
    return replace(statement, items=items)


_BASIC_EPS = ("us-gaap:EarningsPerShareBasic", "us-gaap:EarningsPerShareBasicAndDiluted")
_BASIC_SHARES = ("us-gaap:WeightedAverageNumberOfSharesOutstandingBasic",
                 "us-gaap:WeightedAverageNumberOfShareOutstandingBasicAndDiluted")
_EARNINGS = (TO_COMMON, NET_INCOME, PROFIT_LOSS)


def shares_counted(statement: Statement, rows: Sequence[Row]) -> tuple[Scale, str] | None:
    """The scale of a statement of operations' share counts told by its own arithmetic, where its
    scale line does not say it right: basic earnings per share is the net income over the
    weighted-average shares, so "U.S. dollars in thousands" over a net loss of 14,696, 2,622,655
    shares and a loss per share of 5.60 prints the shares in full. The corrected scale and a note,
    or None when the columns agree with the scale line or do not tell."""
    scale = statement.scale
    if scale.exponent <= 0 or scale.shares_exponent is not None:
        return None

    def row(concepts: tuple[str, ...]) -> LineItem | None:
        return next((item for concept in concepts for item, entry in rows
                     if entry is not None and entry.concept == concept and not row_scale_stated(item)), None)

    eps, shares, earnings = row(_BASIC_EPS), row(_BASIC_SHARES), row(_EARNINGS)
    if eps is None or shares is None or earnings is None:
        return None
    full = Decimal(10) ** scale.exponent
    fits = {True: 0, False: 0}  # shares in the scale, shares in full: columns where the arithmetic holds
    for e, n, i in zip(eps.cells, shares.cells, earnings.cells):
        if not all(c.kind is CellKind.NUMBER and c.value for c in (e, n, i)):
            continue
        for scaled in fits:
            per_share = abs(i.value) * full / (abs(n.value) * (full if scaled else 1))
            if abs(per_share - abs(e.value)) <= max(Decimal("0.015"), abs(e.value) * Decimal("0.05")):
                fits[scaled] += 1
    if fits[not scale.shares_scaled] and not fits[scale.shares_scaled]:
        words = "in the statement's scale" if not scale.shares_scaled else "in full"
        return (replace(scale, shares_scaled=not scale.shares_scaled),
                f"share counts read {words}: basic earnings per share is the net income over them "
                f"in {fits[not scale.shares_scaled]} column(s)")
    return None


_PREFERRED_RE = re.compile(r"\b(preferred|preference|participating)\b", re.I)
_TO_RE = re.compile(r"\b(attributable|available|applicable) to\b", re.I)


def parent_income_to_common(rows: Sequence[Row]) -> set[int]:
    """Statement of operations: the row "Net earnings attributable to <company> common
    shareholders" (ids) of a statement that prints the parent's net income on no other row and
    takes nothing out for preferred or participating shares: the parent's net income itself
    (LineItem.net_of_minority), all of it going to the common shareholders."""
    if any(e is not None and e.concept == NET_INCOME for _i, e in rows) or any(
            _PREFERRED_RE.search(" ".join((*item.section, item.label))) for item, _e in rows):
        return set()
    found = [item for item, e in rows if e is not None and e.concept == TO_COMMON and _TO_RE.search(item.label)]
    return {id(found[0])} if len(found) == 1 else set()


_ATTRIBUTABLE_RE = re.compile(r"\battributable to\b", re.I)


# (consolidated total, noncontrolling share, parent's part) of net income and of comprehensive income
_SHARED_OUT = ((PROFIT_LOSS, "us-gaap:NetIncomeLossAttributableToNoncontrollingInterest", (NET_INCOME, TO_COMMON)),
               ("us-gaap:ComprehensiveIncomeNetOfTaxIncludingPortionAttributableToNoncontrollingInterest",
                "us-gaap:ComprehensiveIncomeNetOfTaxAttributableToNoncontrollingInterest",
                ("us-gaap:ComprehensiveIncomeNetOfTax",)))


def minority_taken_out(rows: Sequence[Row]) -> set[int]:
    """Statements of operations and comprehensive income: the noncontrolling share (ids) printed
    in parentheses between the consolidated total and the parent's part, the three adding up as
    printed in every column ("Net income 4,399" / "Net income attributable to noncontrolling
    interests (2,510)" / "Net income attributable to common stockholders 1,889"): its parentheses
    mark the subtraction, and the share is income of 2,510 (LineItem.subtracted), whatever its
    label says."""
    out: set[int] = set()
    for k, (item, entry) in enumerate(rows):
        shared = next((s for s in _SHARED_OUT if entry is not None and entry.concept == s[1]), None)
        if shared is None or not _all_in_parentheses(item):
            continue
        above = next((i for i, e in reversed(rows[:k]) if e is not None and e.concept == shared[0]), None)
        below = next((i for i, e in rows[k + 1:] if e is not None and e.concept in shared[2]), None)
        if above is None or below is None:
            continue
        columns = list(zip(_printed(above), _printed(item), _printed(below)))
        if any(None not in c for c in columns) and all(
                None in c or c[0] + c[1] == c[2] for c in columns):  # type: ignore[operator]
            out.add(id(item))
    return out


def loss_shares(rows: Sequence[Row]) -> set[int]:
    """Statement of operations: the rows (ids) sharing out a net loss printed as its size, under
    a heading "Attributable to:" right after it ("NET LOSS 14,772" / "Equity holders of the
    Company 14,696" / "Non-controlling interests 76"), their figures adding up to the loss in
    every column: they print sizes of loss too, whatever their own words."""
    out: set[int] = set()
    for k, (total, entry) in enumerate(rows):
        if entry is None or not states_loss_size(entry, total):
            continue
        target = [c.value if c.kind is CellKind.NUMBER else None for c in total.cells]
        if None in target:
            continue
        parts: list[LineItem] = []
        sums = [Decimal(0)] * len(target)
        for item, _entry in rows[k + 1 :]:
            if len(item.section) <= len(total.section) or not _ATTRIBUTABLE_RE.search(item.section[-1]) \
                    or len(item.cells) != len(target):
                break
            parts.append(item)
            sums = [acc + (c.value if c.kind is CellKind.NUMBER and c.value is not None else 0)
                    for acc, c in zip(sums, item.cells)]
            if sums == target:  # the parts add up to the loss (a total printed under them is not one)
                if len(parts) >= 2:
                    out |= {id(p) for p in parts}
                break
    return out


def income_taken_out(rows: Sequence[Row]) -> set[int]:
    """Statement of cash flows: the rows (ids) of an income-statement gain or income concept
    among the adjustments ("Equity in earnings of affiliates (120)", "Gain on extinguishment of
    debt (500)"): the statement prints their effect on cash, the opposite of the gain or income."""
    return {id(item) for item, entry in rows
            if entry is not None and entry.balance == "credit" and not entry.total and entry.sign is Sign.AS_PRINTED
            and StatementKind.OPERATIONS in entry.statements and StatementKind.CASH_FLOWS in entry.statements}


_EXPENSES_HEADING = re.compile(r"\b(expenses|costs)\b", re.I)


def expenses_in_parentheses(rows: Sequence[Row]) -> set[int]:
    """Statement of operations: the rows (ids) of an expenses heading that prints every figure
    of every row in parentheses, its total among them ("Operating expenses" / "Rent (4,093)" ...
    "Total operating expenses (359,335)", taken from total revenues): the parentheses mark the
    subtraction, the expenses are their sizes. Rows of a credit concept are left as printed."""
    by_heading: dict[tuple[str, ...], list[Row]] = {}
    for item, entry in rows:
        if item.section and _EXPENSES_HEADING.search(item.section[-1]):
            by_heading.setdefault(item.section, []).append((item, entry))
    out: set[int] = set()
    for members in by_heading.values():
        printed = [_figures(item) for item, _entry in members]
        figured = [values for values in printed if values]
        has_total = any(item.label.lower().startswith("total") and values
                        for (item, _entry), values in zip(members, printed))
        if len(figured) < 3 or not has_total or any(v > 0 for values in figured for v in values):
            continue
        out |= {id(item) for item, entry in members if entry is None or entry.balance != "credit"}
    return out | _unheaded_expenses_in_parentheses(rows)


_TOTAL_EXPENSES = re.compile(r"^total\b.*\b(expenses|costs)\b", re.I)


def _unheaded_expenses_in_parentheses(rows: Sequence[Row]) -> set[int]:
    """The same printed under no expenses heading: the rows right above a "Total operating
    expenses" row, every figure of theirs and of the total in parentheses ("GROSS PROFIT 784,390"
    / "Depreciation Expense (1,586)" / ... / "Total Operating Expenses (1,096,748)")."""
    out: set[int] = set()
    for k, (total, _entry) in enumerate(rows):
        if not _TOTAL_EXPENSES.search(total.label) or not _all_in_parentheses(total):
            continue
        run = []
        for item, entry in reversed(rows[:k]):
            if item.section and _EXPENSES_HEADING.search(item.section[-1]):
                break  # the heading's rule reads them
            if not _all_in_parentheses(item):
                break
            run.append((item, entry))
        if len(run) >= 2:
            out |= {id(item) for item, entry in [*run, rows[k]] if entry is None or entry.balance != "credit"}
    return out


def _figures(item: LineItem) -> list[Decimal]:
    """The figures a row prints (no dashes, no blanks)."""
    return [c.value for c in item.cells if c.kind is CellKind.NUMBER and c.value is not None]


def _all_in_parentheses(item: LineItem) -> bool:
    values = _figures(item)
    return bool(values) and all(v < 0 for v in values)


_OPERATING_INCOME = "us-gaap:OperatingIncomeLoss"


def nonoperating_rows(rows: Sequence[Row]) -> set[int]:
    """Rows (ids) printed between operating income and income before income taxes: the
    nonoperating lines ("Interest expense, net" there is InterestIncomeExpenseNonoperatingNet),
    under a heading or none."""
    concepts = [entry.concept if entry is not None else "" for _item, entry in rows]
    if _OPERATING_INCOME not in concepts:
        return set()
    start = concepts.index(_OPERATING_INCOME) + 1
    out: set[int] = set()
    for (item, _entry), concept in zip(rows[start:], concepts[start:]):
        if "BeforeIncomeTaxes" in concept or concept == _OPERATING_INCOME:
            break
        out.add(id(item))
    else:
        return set()  # no income before taxes below it: not a statement read to its end
    return out


def superseded_rows(rows: Sequence[Row]) -> set[int]:
    """Rows (ids) printed without a label, named by the reader after their heading ("Total
    assets" under "ASSETS"), whose concept a row printed with its label has too: the labelled
    row is that concept, the unnamed one a subtotal (of some current assets above "TOTAL
    CURRENT ASSETS" and "TOTAL ASSETS", it had taken total assets)."""
    printed: dict[str, list[list[Decimal | None]]] = {}
    for item, entry in rows:
        if entry is not None and not item.unnamed:
            printed.setdefault(entry.concept, []).append(_printed(item))
    # the same figures printed again (a total repeated under a page break) are the same total
    return {id(item) for item, entry in rows if item.unnamed and item.label.startswith("Total ") and entry is not None
            and entry.concept in printed and _printed(item) not in printed[entry.concept]}


def repeated_concepts(kind: StatementKind, rows: Sequence[Row]) -> dict[int, str]:
    """Rows (ids) matching the concept of an earlier row of the statement that prints other
    figures for the same period ("Investment securities - available for sale", then
    "Mortgage-backed securities - available for sale"): one concept cannot hold both, so the
    earlier row keeps it and the later one is something else (an extension concept), not left
    untagged. A total under a row of its concept is left to the mapper (the total takes it), so
    are balances at the start and end of a period. `rows` are matched as they stand (their side
    of the balance sheet, the total they are part of)."""
    first: dict[tuple, tuple[LineItem, list[Decimal | None]]] = {}
    out: dict[int, str] = {}
    for item, entry in rows:
        if entry is None or item.unnamed:
            continue
        if entry.period_type == "instant" and kind is not StatementKind.BALANCE_SHEET:
            continue
        key = (entry.concept, entry.dimensions, stated_period(item.label))  # "Net Income - Quarter": another period
        figures = _printed(item)
        if key not in first:
            first[key] = (item, figures)
            continue
        earlier, printed = first[key]
        if _named_total(item) and not _named_total(earlier):
            continue
        if any(a is not None and b is not None and a != b for a, b in zip(printed, figures)):
            out[id(item)] = entry.concept
    return out


def _named_total(item: LineItem) -> bool:
    return item.label.lower().startswith("total")


def balance_sheet_sides(rows: Sequence[Row]) -> dict[int, str]:
    """Rows (ids) of a balance sheet -> "assets" above its total assets, "liabilities" below it
    ("unclassified assets", "unclassified liabilities" on a balance sheet with neither total
    current assets nor total current liabilities);
    "current assets" above its total current assets, "noncurrent assets" between it and total
    assets, "current liabilities" between total assets
    and total current liabilities (a balance sheet that prints those totals without a "Current
    assets:" heading over their rows)."""
    concepts = [entry.concept if entry is not None else "" for _item, entry in rows]
    if "us-gaap:Assets" not in concepts:
        return _liabilities_sides(rows, concepts)
    total = concepts.index("us-gaap:Assets")
    current_assets = concepts.index("us-gaap:AssetsCurrent") if "us-gaap:AssetsCurrent" in concepts[:total] else -1
    current_liabilities = (concepts.index("us-gaap:LiabilitiesCurrent", total) if "us-gaap:LiabilitiesCurrent" in concepts[total:]
                           else -1)
    # a bank's or an insurer's balance sheet sorts nothing into current and non-current
    unclassified = "unclassified " if current_assets < 0 and "us-gaap:LiabilitiesCurrent" not in concepts else ""
    out = {}
    for i, (item, _entry) in enumerate(rows):
        if i == total:
            continue
        if i < current_assets:
            out[id(item)] = "current assets"
        elif 0 <= current_assets < i < total:
            out[id(item)] = "noncurrent assets"
        elif total < i < current_liabilities:
            out[id(item)] = "current liabilities"
        else:
            out[id(item)] = unclassified + ("assets" if i < total else "liabilities")
    return out


def _liabilities_sides(rows: Sequence[Row], concepts: list[str]) -> dict[int, str]:
    """A balance sheet's liabilities printed as a table of their own (Edison International's
    "LIABILITIES AND EQUITY" under its assets' table): the rows above its total current
    liabilities are "current liabilities", when each is printed under a heading naming
    liabilities and none naming assets."""
    if "us-gaap:LiabilitiesCurrent" not in concepts:
        return {}
    above = rows[:concepts.index("us-gaap:LiabilitiesCurrent")]
    headed = all(any("liabilit" in h.lower() for h in item.section) and not any("asset" in h.lower() for h in item.section)
                 for item, _entry in above)
    return {id(item): "current liabilities" for item, _entry in above} if above and headed else {}


_NET_RE = re.compile(r",?\s+net$|^\s*net\s", re.I)  # "Property and equipment, net", "Net property, ..." under its gross amount


def parts_of_same_concept(rows: Sequence[Row]) -> dict[int, str]:
    """Rows (ids) that match the concept of a total printed under them and add into it: "Net
    revenue" and "Other revenue" printed right above "Total revenue", their printed figures
    adding up to it in every period. The total keeps the concept; the row is something else."""
    out: dict[int, str] = {}
    for t, (total, te) in enumerate(rows):
        if te is None or not (te.total or total.label.lower().startswith("total") or _NET_RE.search(total.label)):
            continue
        for r in range(t - 1, max(t - _MAX_RUN, 0) - 1, -1):
            item, e = rows[r]
            if e is None or e.concept != te.concept or e.dimensions != te.dimensions:
                continue
            run = [i for i, _e in rows[r:t]]
            # a deduction printed without a minus sign is taken off ("Property, plant and
            # equipment" / "Less: accumulated depreciation 427,548" / "Net property, ...")
            signs = [-1 if _e is not None and _e.sign is Sign.DEDUCTION and _positive(i) else 1 for i, _e in rows[r:t]]
            if len(run) >= 2 and _sums_to(run, total, signs):
                out[id(item)] = te.concept
            break
    return out


def _positive(item: LineItem) -> bool:
    return all(v is None or v >= 0 for v in _printed(item))


def _sums_to(run: Sequence[LineItem], total: LineItem, signs: Sequence[int] | None = None) -> bool:
    """The printed figures of `run` add up, as printed (each times its sign), to the total's in
    every period (one at least), within the rounding of the printed figures (18,160 less 12,218
    is printed 5,943 in millions)."""
    checked = 0
    signs = signs or [1] * len(run)
    tolerance = _unit(total) * (len(run) + 1) / 2
    for k, value in enumerate(_printed(total)):
        if value is None:
            continue
        column = [_printed(item)[k] if k < len(item.cells) else None for item in run]
        if any(v is None for v in column):
            return False
        if abs(sum((v * sign for v, sign in zip(column, signs)), Decimal(0)) - value) > tolerance:  # type: ignore[operator]
            return False
        checked += 1
    return checked > 0


_CHANGE = "us-gaap:CashCashEquivalentsRestrictedCashAndRestrictedCashEquivalentsPeriodIncreaseDecreaseIncludingExchangeRateEffect"
_FX = "us-gaap:EffectOfExchangeRateOnCashCashEquivalentsRestrictedCashAndRestrictedCashEquivalents"


def change_before_exchange_effect(rows: Sequence[Row]) -> set[int]:
    """Statement of cash flows: the net change in cash rows (ids) printed BEFORE the effect of
    exchange rates, when the printed figures show that the change leaves that effect out: the
    change plus the effect is a later net change row, or is what the cash at the end of the
    period exceeds the cash at its beginning by (in every column, and not without the effect)."""
    out: set[int] = set()
    for k, (item, entry) in enumerate(rows):
        if entry is None or entry.concept != _CHANGE:
            continue
        effect = next((i for i, e in rows[k + 1:] if e is not None and e.concept == _FX), None)
        if effect is None:
            continue
        summed = [a + b if a is not None and b is not None else None
                  for a, b in zip(_printed(item), _printed(effect))]
        if None in summed:
            continue
        later = [_printed(i) for i, e in rows[k + 1:] if e is not None and e.concept == _CHANGE]
        balances = [(i.label.lower(), _printed(i)) for i, e in rows[k + 1:] if e is not None and e.concept == CLOSING_CASH]
        begin = next((v for label, v in balances if "beginning" in label), None)
        end = next((v for label, v in balances if "end of" in label or label.endswith(" end")), None)
        if summed in later:
            out.add(id(item))
        elif begin is not None and end is not None and None not in begin + end:
            moved = [e - b for b, e in zip(begin, end)]  # type: ignore[operator]
            if moved == summed and moved != _printed(item):
                out.add(id(item))
    return out


def cash_reconciliation_rows(rows: Sequence[Row]) -> set[int]:
    """Statement of cash flows: the rows (ids) reconciling its closing balance of cash and
    restricted cash to the balance sheet: every row printed under a closing balance whose label
    names restricted cash ("Less: restricted cash", "Cash and cash equivalents at end of
    period"), and a closing balance not naming it beside one that does, in either order."""
    closing = [(k, "restricted" in item.label.lower()) for k, (item, entry) in enumerate(rows)
               if entry is not None and entry.concept == CLOSING_CASH and "beginning" not in item.label.lower()]
    with_restricted = [k for k, restricted in closing if restricted]
    if not with_restricted:
        return set()
    out = {id(item) for item, _entry in rows[with_restricted[0] + 1:]}
    out.update(id(rows[k][0]) for k, restricted in closing if not restricted)
    return out - {id(rows[k][0]) for k in with_restricted}


def _printed(item: LineItem) -> list[Decimal | None]:
    """A row's figures as printed (a dash is zero), which add up as printed in a statement of cash flows."""
    return [c.value if c.kind is CellKind.NUMBER else Decimal(0) if c.kind is CellKind.DASH else None
            for c in item.cells]


def _ambiguous(rows: Sequence[Row]) -> set[str]:
    """Concepts that two rows of the statement give different figures for: only one of them
    becomes a fact, so no sum can rely on them."""
    seen: dict[tuple[str, Dimensions], list[Decimal | None]] = {}
    out = set()
    for item, e in rows:
        if e is None:
            continue
        values = _stored(item, e)
        if (e.concept, e.dimensions) in seen and seen[(e.concept, e.dimensions)] != values:
            out.add(e.concept)
        seen.setdefault((e.concept, e.dimensions), values)
    return out


def _distinct(entry: ConceptEntry, parts: Sequence[tuple[LineItem, ConceptEntry, int]], ambiguous: set[str]) -> bool:
    """A sum names each concept once, never its own total's, and none that is ambiguous."""
    tags = [(e.concept, e.dimensions) for _i, e, _w in parts]  # a product line's revenue is a part of the total
    return ((entry.concept, entry.dimensions) not in tags and len(set(tags)) == len(tags)
            and entry.concept not in ambiguous and not ambiguous.intersection(c for c, _d in tags))


_NOT_CARRIED = frozenset({"us-gaap:Assets", "us-gaap:LiabilitiesAndStockholdersEquity"})


def holds(summation: Summation, facts: Sequence[Fact]) -> bool:
    """Does a calculation hold in every context of the instance where its total has a value?
    Calculation 1.1 checks an arc in every context, not just the columns of the statement it
    was read from: a release that prints the same line in two statements (quarter and year to
    date, a restated column) must agree everywhere, or the calculation is not written."""
    values: dict[tuple[str, Period], Fact] = {}
    for fact in facts:
        if not fact.dimensions:  # calculations hold between the facts without dimensions
            values.setdefault((fact.concept, fact.period), fact)
    weights = dict(summation.parts)
    for (concept, period), total in values.items():
        if concept != summation.total or not isinstance(total.value, Decimal):
            continue
        present = [(values[(c, period)], w) for c, w in weights.items()
                   if (c, period) in values and isinstance(values[(c, period)].value, Decimal)]
        if not present:
            continue
        units = [Decimal(1).scaleb(-(f.decimals or 0)) for f, _w in present + [(total, 1)]]
        tolerance = sum(units, Decimal(0)) / 2
        computed = sum((w * f.value for f, w in present), Decimal(0))  # type: ignore[operator]
        if abs(computed - total.value) > tolerance:
            return False
    return True
