"""The last step of every reader: statements, ignored and skipped tables -> Release.

A table that was taken for a statement and could not be read is a SkippedTable: it is
reported and the rest of the release is converted. The release fails only when no statement
could be read at all (ExtractionError naming the first unreadable table), and is narrative
(NoStatementsError) when no table was taken for a statement. A statement of more than
MAX_TABLE_ROWS line items is skipped the same way (no release prints one that long), and so
is every statement after the first MAX_RELEASE_ROWS rows of a release, and a statement with a
row label of more than MAX_LABEL_CHARS characters (prose or a repeated line taken for one
label: the label would be written into every output many times over). A statement is marked
unaudited when "(Unaudited)" is printed on its title line or under it, above its first row.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from converter.errors import ExtractionError, NoStatementsError
from converter.model import SUBTOTAL, LineItem, Release, SkippedTable, SourceRef, Statement, StatementKind

from .document import document_info
from .reader import Line
from .cells import foreign_sign
from .headers import foreign_currency, release_scale
from .scaleinfer import infer_scale


MAX_TABLE_ROWS = 1000
MAX_RELEASE_ROWS = 2000
MAX_LABEL_CHARS = 5000


def _too_long(statement: Statement) -> tuple[str, str] | None:
    """Why a statement is too long to read (its code and the reason), or None."""
    if len(statement.items) > MAX_TABLE_ROWS:
        return "xc:tableTooLarge", f"table too long ({len(statement.items):,} rows; at most {MAX_TABLE_ROWS:,})"
    for item in statement.items:
        if len(item.label) > MAX_LABEL_CHARS:
            return "xc:labelTooLong", (f"row label too long at {item.source} ({len(item.label):,} characters;"
                                       f" at most {MAX_LABEL_CHARS:,})")
    return None


def _period_read_twice(statement: Statement) -> Statement:
    """A column read as the period of a column left of it, printing other figures (a header
    printing one date twice, "JULY 31, 2000" over both columns): its figures are stated for no
    period that can be told, and it is left out with a note; the first column keeps the period."""
    first = {j: statement.periods.index(period) for j, period in enumerate(statement.periods)}
    drop = [j for j, i in first.items() if i < j and any(
        len(item.cells) > j and item.cells[i].value != item.cells[j].value for item in statement.items)]
    if not drop:
        return statement
    notes = tuple(f"column {j + 1} is read as {statement.periods[j]} like column {first[j] + 1}"
                  " but prints other figures: left out" for j in drop)
    keep = [k for k in range(len(statement.periods)) if k not in drop]
    items = tuple(replace(item, cells=tuple(item.cells[k] for k in keep if k < len(item.cells)))
                  for item in statement.items)
    return replace(statement, periods=tuple(statement.periods[k] for k in keep), items=items,
                   notes=(*statement.notes, *notes))


_UNAUDITED_RE = re.compile(r"\bunaudited\b", re.I)
_HEAD_LINES = 12  # "(Unaudited)" is printed within this many lines under a title


def _unaudited(statement: Statement, lines: list[Line]) -> Statement:
    """The statement marked unaudited when "(Unaudited)" is printed on its title line or between
    the title and its first row (the scale line, a line of its own, the column headings)."""
    if statement.unaudited or not statement.items:
        return statement
    first = statement.source.line
    last = min(statement.items[0].source.line - 1, first + _HEAD_LINES)
    for line in lines[max(first - 1, 0):max(last, first)]:
        if _UNAUDITED_RE.search(line.text):
            return replace(statement, unaudited=True)
    return statement


_OPERATING_LINE_RE = re.compile(r"\b(revenues?|net sales|sales|gross (profit|margin|loss)|cost of (goods|revenues?|sales)"
                                r"|operating (income|loss|expenses?))\b", re.I)
_NET_INCOME = r"^\s*net (income|loss|earnings|\(loss\)|income \(loss\)|\(loss\) income)"
_NET_INCOME_RE = re.compile(_NET_INCOME + r"\b", re.I)  # "Net loss", "Net loss from continuing operations"
_NET_INCOME_ONLY_RE = re.compile(_NET_INCOME + r"\s*$", re.I)  # the net income itself


def _operations_first(statement: Statement) -> Statement:
    """A statement titled as comprehensive income ("Consolidated Statements of Comprehensive
    Loss") that opens with revenues, costs or operating lines before its net income is a
    statement of operations and comprehensive income, read as one (its comprehensive
    income is then split off again, see _split_comprehensive)."""
    if statement.kind is not StatementKind.COMPREHENSIVE_INCOME:
        return statement
    for item in statement.items:
        if _NET_INCOME_RE.match(item.label):
            return statement
        if _OPERATING_LINE_RE.search(item.label) and any(c.value is not None for c in item.cells):
            return replace(statement, kind=StatementKind.OPERATIONS,
                           notes=(*statement.notes, f"read as a statement of operations: {item.label!r} "
                                                    "comes before its net income"))
    return statement


_OCI_START_RE = re.compile(r"^\s*other comprehensive (income|loss|earnings|\(loss\)|\(income\))", re.I)
_COMPREHENSIVE_TOTAL_RE = re.compile(r"^\s*(total |net )?comprehensive (income|loss|earnings|\(loss\)|\(income\))", re.I)
_NONCONTROLLING_RE = re.compile(r"\b(non-?controlling|minority) interests?\b", re.I)
# the per-share figures and share counts a statement of operations prints after its comprehensive income
_SHARE_FIGURES_RE = re.compile(r"\bper (common |ordinary )?share\b|\bweighted[- ]average\b|\bshares (outstanding|used)\b", re.I)


_TOTAL_ASSETS_RE = re.compile(r"\s*total\s+assets\s*$", re.I)
_TOTAL_LIABILITIES_RE = re.compile(r"\s*total\s+liabilities\s*$", re.I)
_TOTAL_LIABILITIES_AND_EQUITY_RE = re.compile(r"\s*total\s+liabilities,?\s+(?:and|&)\s+.*(?:equity|deficit|deficiency|capital)"
                                              r"(?:\s*\(deficit\))?\s*$", re.I)
# "Total stockholders' equity", "Total equity", "TOTAL SHAREHOLDERS' DEFICIENCY", "Total partners' capital"
_TOTAL_EQUITY_RE = re.compile(r"\s*total\s+(?!.*\bliabilit)(.*\s)?(equity|deficit|deficiency|capital)(\s*\(deficit\))?\s*$", re.I)


def _named_totals(statement: Statement) -> Statement:
    """A balance sheet's rows printed without a label that nothing named ("Subtotal"), named by
    its arithmetic: the last row, repeating total assets, is total liabilities and equity; a
    row that with total equity makes total assets, where no row is labelled total liabilities,
    is total liabilities."""
    if statement.kind is not StatementKind.BALANCE_SHEET or not statement.items:
        return statement
    items = list(statement.items)

    def figures(item: LineItem) -> list[Decimal | None]:
        return [c.value for c in item.cells]

    assets = next((figures(i) for i in items if _TOTAL_ASSETS_RE.match(i.label)), None)
    if assets is None:
        assets = _unnamed_total_assets(items)
    if assets is None or not any(v is not None for v in assets):
        return statement
    last = items[-1]
    if last.unnamed and last.label == SUBTOTAL and figures(last) == assets:
        items[-1] = replace(last, label="Total liabilities and equity")
    equity = next((figures(i) for i in items if _TOTAL_EQUITY_RE.match(i.label)), None)
    if equity is not None and not any(_TOTAL_LIABILITIES_RE.match(i.label) for i in items):
        for k, item in enumerate(items):
            mine = figures(item)
            if item.unnamed and item.label == SUBTOTAL and len(mine) == len(assets) == len(equity) and all(
                    a is not None and m is not None and e is not None and m + e == a
                    for a, m, e in zip(assets, mine, equity)):
                items[k] = replace(item, label="Total liabilities")
                break
    return replace(statement, items=tuple(items))


def _unnamed_total_assets(items: list[LineItem]) -> list[Decimal | None] | None:
    """Where no row is labelled total assets: the row printed without a label, above the
    liabilities, whose figures the last row (total liabilities and equity, labelled or not)
    repeats is total assets; it is named so in `items`, and its figures returned."""
    last = items[-1]
    if not (last.unnamed and last.label == SUBTOTAL or _TOTAL_LIABILITIES_AND_EQUITY_RE.match(last.label)):
        return None
    totals = [c.value for c in last.cells]
    if not any(v is not None for v in totals):
        return None
    for k, item in enumerate(items[:-1]):
        if item.unnamed and item.label == SUBTOTAL and [c.value for c in item.cells] == totals:
            items[k] = replace(item, label="Total assets")
            return totals
    return None


def _unheaded_oci(items: tuple[LineItem, ...], net: int) -> int | None:
    """The first row of other comprehensive income printed under no heading: the rows between
    the net income and a comprehensive income total that, with the net income, add up to it
    ("Net (loss) income" / "Foreign currency translation adjustment" / "Unrealized (loss) gain on
    marketable securities" / "Comprehensive (loss) income")."""
    total = next((k for k in range(net + 1, len(items)) if _COMPREHENSIVE_TOTAL_RE.match(items[k].label)), None)
    if total is None:
        return None
    # the net income itself, the last printed before the total ("Net loss before income taxes" is not it)
    opening = next((k for k in range(total - 1, net - 1, -1) if _NET_INCOME_ONLY_RE.match(items[k].label)), net)
    if total == opening + 1:
        return None
    columns = list(zip(*(tuple(c.value for c in item.cells) for item in items[opening:total + 1])))
    added = [column for column in columns if column[0] is not None and column[-1] is not None]
    if not added or any(sum((v for v in column[:-1] if v is not None), Decimal(0)) != column[-1] for column in added):
        return None
    return opening + 1


def _split_comprehensive(statement: Statement) -> list[Statement]:
    """A statement of operations that goes on with its other comprehensive income ("Statements
    of Operations and Comprehensive Loss") -> the statement of operations, and the statement of
    comprehensive income printed in it: its net income row, then the rows from its other
    comprehensive income to its comprehensive income (rows printed after that, per-share figures
    and share counts, stay in the statement of operations)."""
    if statement.kind is not StatementKind.OPERATIONS:
        return [statement]
    items = statement.items
    net = next((k for k, item in enumerate(items) if _NET_INCOME_RE.match(item.label)
                and any(c.value is not None for c in item.cells)), None)
    if net is None:
        return [statement]
    start = next((k for k in range(net + 1, len(items)) if _OCI_START_RE.match(items[k].label)
                  or any(_OCI_START_RE.match(h) for h in items[k].section)), _unheaded_oci(items, net))
    if start is None:
        return [statement]
    # the comprehensive income opens with the net income itself, not a part of it ("Net loss from
    # continuing operations") nor what is left for common stockholders
    opening = next((k for k in range(start - 1, net - 1, -1) if _NET_INCOME_ONLY_RE.match(items[k].label)), net)
    # without a comprehensive income total it runs to the per-share figures and share counts
    last = next((k - 1 for k in range(start + 1, len(items)) if _SHARE_FIGURES_RE.search(items[k].label)
                 or any(_SHARE_FIGURES_RE.search(h) for h in items[k].section if h not in items[start].section)), len(items) - 1)
    end = next((k for k in range(start, len(items)) if _COMPREHENSIVE_TOTAL_RE.match(items[k].label)), last)
    while end + 1 < len(items):  # "Comprehensive loss attributable to noncontrolling interests", then to the company
        if _COMPREHENSIVE_TOTAL_RE.match(items[end + 1].label):
            end += 1
        elif (_NONCONTROLLING_RE.search(items[end + 1].label) and end + 2 < len(items)
              and _COMPREHENSIVE_TOTAL_RE.match(items[end + 2].label)):
            end += 2  # "Less: Net income attributable to noncontrolling interest" / "Comprehensive income attributable to ..."
        else:
            break
    note = f"printed in {statement.title!r} under its statement of operations"
    comprehensive = replace(statement, kind=StatementKind.COMPREHENSIVE_INCOME, items=(items[opening], *items[start:end + 1]),
                            source=items[start].source, notes=(*statement.notes, note))
    return [replace(statement, items=items[:start] + items[end + 1:]), comprehensive]


def _in_other_currency(statement: Statement) -> tuple[str, str] | None:
    """A statement whose scale line names another currency than the US dollar ("(RMB in
    thousands)") or whose figures print its sign ("€ 3,226", a text release), read by a reader
    that does not go through the grid (which checks its headings too): skipped, since its
    amounts would be written as US dollars."""
    currency = foreign_currency([statement.scale.text]) or foreign_sign(
        [cell.text for item in statement.items for cell in item.cells])
    if currency is None:
        return None
    return "xc:currency", f"amounts in {currency}: only statements in US dollars are converted"


def build_release(path: str, lines: list[Line], statements: list[Statement],
                  ignored: list[tuple[str, str, SourceRef]], skipped: list[SkippedTable]) -> Release:
    statements = [_period_read_twice(s) for s in statements]
    reasons = [_too_long(s) or _in_other_currency(s) for s in statements]
    skipped = skipped + [SkippedTable(s.kind.value, s.title, s.source, why[1], code=why[0])
                         for s, why in zip(statements, reasons) if why]
    statements = [s for s, why in zip(statements, reasons) if not why]
    kept, total = [], 0
    for st in sorted(statements, key=lambda s: s.source):
        total += len(st.items)
        if total > MAX_RELEASE_ROWS:
            skipped.append(SkippedTable(st.kind.value, st.title, st.source,
                                        f"release too long (over {MAX_RELEASE_ROWS:,} statement rows in all)",
                                        code="xc:tooManyRows"))
        else:
            kept.append(st)
    statements = kept
    if not statements and skipped:
        first = min(skipped, key=lambda t: t.source)
        more = f" ({len(skipped) - 1} more unreadable table(s))" if len(skipped) > 1 else ""
        raise ExtractionError(f"{first.reason}{more}", where=first.where or str(first.source), code=first.code)
    if not statements:
        raise NoStatementsError("no financial statements found", where=path)
    read = [part for s in statements for part in _split_comprehensive(_operations_first(_named_totals(s)))]
    ordered = tuple(_unaudited(s, lines)
                    for s in infer_scale(release_scale(sorted(read, key=lambda s: s.source)), lines))
    return Release(path, document_info(lines, list(ordered), path), ordered,
                   tuple(sorted(ignored, key=lambda t: t[2])),
                   tuple(sorted(skipped, key=lambda t: (t.source, t.reason))))
