"""Rows -> LineItems: headings and sections, wrapped labels, rules, cells, label facts."""

from __future__ import annotations

from dataclasses import dataclass, field

from converter.errors import ExtractionError
from converter.model import Cell, CellKind, LineItem, SourceRef

from .cells import MAX_INTEGER_DIGITS, oversized, parse_cell
from .labels import label_details
from .layout import RawCell, Row


def is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def is_heading(label: str) -> bool:
    return label.rstrip().endswith(":") or is_all_caps(label)


@dataclass
class _State:
    top: str | None = None
    subs: list[str] = field(default_factory=list)
    pending: list[Row] = field(default_factory=list)
    rule_above: bool = False

    def heading(self, label: str) -> None:
        text = label.strip().rstrip(":").strip()
        if is_all_caps(label):
            self.top, self.subs = text, []
        else:
            self.subs = [text]
        self.rule_above = False

    def section(self) -> tuple[str, ...]:
        return ((self.top,) if self.top else ()) + tuple(self.subs)


def assemble(rows: list[Row], n: int, path: str, at_eof: bool) -> list[LineItem]:
    """Line items of one statement; `rows` have `columns` filled (n per row at most)."""
    state, items = _State(), []
    for row in rows:
        if row.blank:
            continue
        if not any(row.columns):
            _no_values(state, row)
            continue
        parts = state.pending + [row]
        state.pending = []
        items.append(_item(parts, state, n, path))
        if row.label.lower().startswith("total") and state.subs:
            state.subs.pop()
    if at_eof and state.pending:
        raise ExtractionError("table cut off in the middle of a row", where=f"{path}:{state.pending[-1].line}")
    if at_eof and items and any(c.kind is CellKind.BLANK for c in items[-1].cells[-1:]):
        raise ExtractionError("table cut off: the last row is missing values", where=f"{path}:{rows[-1].line}")
    return items


def _no_values(state: _State, row: Row) -> None:
    if row.rule:
        state.rule_above = True
    if not row.label:
        return
    if row.top and not state.pending and not row.label.rstrip().endswith(":"):
        state.top, state.subs, state.rule_above = row.label.strip(), [], False
        return
    if is_heading(row.label) and not state.pending:
        state.heading(row.label)
        return
    if is_heading(row.label):
        for part in state.pending:  # "Assets" above "Current assets:" is the outer heading
            state.top, state.subs, state.rule_above = part.label.strip().rstrip(":").strip(), [], False
        state.pending = []
        state.heading(row.label)
        return
    state.pending.append(row)


_CONNECTORS = {"and", "or", "of", "at", "for", "to", "in", "on", "by", "net", "from", "the", "as", "less",
               "plus", "with", "per", "used", "including", "excluding"}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def continues(first: str, then: str) -> bool:
    """Does label line `then` carry on label line `first` (a wrapped label), rather than
    `first` being a heading without a colon ("Other income (expense)")?"""
    first, then = first.strip(), then.strip()
    if not first or not then:
        return True
    last_word = first.split()[-1].lower()
    if first[-1] in ",;-&" or last_word in _CONNECTORS:
        return True
    return not then[0].isupper() or then.lower().startswith(_MONTHS)


def _split_headings(parts: list[Row], state: _State) -> list[Row]:
    """Pending label lines that do not carry on into the next line are headings."""
    kept: list[Row] = []
    for part, after in zip(parts, parts[1:]):
        if part.label and after.label and not continues(part.label, after.label) and not kept:
            state.heading(part.label)
        else:
            kept.append(part)
    return kept + parts[-1:]


def _item(parts: list[Row], state: _State, n: int, path: str) -> LineItem:
    parts = _split_headings(parts, state)
    row = parts[-1]
    labelled = [p for p in parts if p.label]
    label = " ".join(p.label for p in labelled)
    first = labelled[0] if labelled else row
    cells = tuple(_cell(row.columns[i] if i < len(row.columns) else None, row, path) for i in range(n))
    item = LineItem(
        label=label,
        section=state.section(),
        cells=cells,
        source=SourceRef(path, first.line, first.label_col),
        rule_above=state.rule_above,
        details=label_details(label, _locator(labelled, path)),
    )
    state.rule_above = False
    return item


def _cell(raw: RawCell | None, row: Row, path: str) -> Cell:
    if raw is None:
        return Cell("", CellKind.BLANK, None, SourceRef(path, row.line, 1))
    parsed = parse_cell(raw.text)
    if parsed is None:
        if oversized(raw.text):
            raise ExtractionError(f"number too large: {raw.text[:40]!r} (at most {MAX_INTEGER_DIGITS} digits)",
                                  where=f"{path}:{raw.line}:{raw.col}")
        raise ExtractionError(f"unreadable value {raw.text[:80]!r}", where=f"{path}:{raw.line}")
    return Cell(raw.text, parsed.kind, parsed.value, SourceRef(path, raw.line, raw.col), parsed.decimals)


def _locator(parts: list[Row], path: str):
    """Maps an offset in the joined label to the line and column it was printed at."""
    spans, offset = [], 0
    for part in parts:
        spans.append((offset, part))
        offset += len(part.label) + 1

    def locate(pos: int) -> SourceRef:
        start, part = next((s, p) for s, p in reversed(spans) if s <= pos) if spans else (0, None)
        if part is None:
            return SourceRef(path, 1, 1)
        if part.source is None:
            return SourceRef(path, part.line, part.label_col + pos - start)
        return SourceRef(path, part.line, part.source.col(part.label_index + pos - start))

    return locate
