"""Lines of the tab-separated and the fixed-width layouts -> rows of label and value cells."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from converter.errors import ExtractionError
from converter.model import RuleKind

from .cells import FOREIGN_SIGN_ALONE, dollar_after_label, figure_segments, heavier, is_rule, parse_cell, rule_kind, split_values
from .reader import Line

_SEG_RE = re.compile(r"\S+(?: \S+)*")
_LEADER_RE = re.compile(r"(?:\s?\.){3,}\s*$|(?:\s?\.){3,}(?=\s)")


@dataclass
class RawCell:
    """A value as printed, before it is put in its column.

    `slot` is the tab field (0 = first value field) or, in fixed width, the character index
    where the value starts; `end` the index after its last character (fixed width only).
    """

    text: str
    line: int
    col: int
    slot: int
    end: int = 0
    currency: bool = False  # a "$" printed apart from the figure (its own segment or cell)


@dataclass
class Row:
    """One table row: a label and/or values, or a rule, or a blank line."""

    line: int
    label: str = ""
    label_col: int = 1
    cells: list[RawCell] = field(default_factory=list)
    rule: bool = False
    blank: bool = False
    columns: list[RawCell | None] = field(default_factory=list)
    source: Line | None = None  # the line the label was read from, to place label facts
    label_index: int = 0  # where the label starts in `source.text`
    top: bool = False  # a heading marked as outermost (bold in HTML) though not in capitals
    indent: int | None = None  # fixed-width text: the label's character column (a deeper line continues it)
    rule_kind: RuleKind | None = None  # for a rule row: which rule it is
    rule_under: RuleKind | None = None  # HTML: a border under the row's figures
    rule_over: bool = False  # HTML: a border over the row's figures


def _where(path: str, line: Line) -> str:
    return f"{path}:{line.number}"


def tab_fields(line: Line) -> list[tuple[int, str]]:
    """(index in text, field text) for each tab-separated field."""
    out, pos = [], 0
    for part in line.text.split("\t"):
        out.append((pos, part))
        pos += len(part) + 1
    return out


def tab_row(line: Line, path: str) -> Row:
    if not line.text.strip():
        return Row(line.number, blank=True)
    fields = tab_fields(line)
    start, first = fields[0]
    lead = start + len(first) - len(first.lstrip())
    row = Row(line.number, first.strip(), line.col(lead), source=line, label_index=lead)
    for slot, (pos, text) in enumerate(fields[1:]):
        value = text.strip()
        if not value:
            continue
        if is_rule(value):
            row.rule = True
            row.rule_kind = heavier(row.rule_kind, rule_kind(value))
        elif parse_cell(value) is not None:
            lead = len(text) - len(text.lstrip())
            row.cells.append(RawCell(value, line.number, line.col(pos + lead), slot))
        elif not row.cells:
            if not row.label:
                row.label_index = pos + len(text) - len(text.lstrip())
                row.label_col = line.col(row.label_index)
            row.label = f"{row.label} {value}".strip()
        else:
            raise ExtractionError(f"unreadable value {value!r} in a table row", where=_where(path, line),
                                  code="xc:unreadableValue")
    return row


def fixed_row(line: Line) -> Row:
    """A space-aligned row: label text, then value segments set apart by 2+ spaces."""
    if not line.text.strip():
        return Row(line.number, blank=True)
    text = _LEADER_RE.sub(lambda m: " " * len(m[0]), line.text.replace("\t", " "))
    segments = figure_segments([(m.start(), m[0]) for m in _SEG_RE.finditer(text)])
    row = Row(line.number, source=line)
    cells: list[RawCell] = []
    while segments:
        start, seg = segments[-1]
        if seg == "$":
            if cells:
                cells[-1].currency = True
        elif cells and (cut := dollar_after_label(seg)) is not None:
            cells[-1].currency = True
            segments[-1] = (start, seg[: cut - 1])
            continue
        elif cells and FOREIGN_SIGN_ALONE.fullmatch(seg):  # "€    340": the sign stays with its figure
            cells[-1].text = f"{seg} {cells[-1].text}"
        elif is_rule(seg):
            row.rule = True
            row.rule_kind = heavier(row.rule_kind, rule_kind(seg))
        else:
            spans = split_values(seg)
            if spans is None:
                break
            for lo, hi in reversed(spans):
                value = seg[lo:hi].strip()
                lead = len(seg[lo:hi]) - len(seg[lo:hi].lstrip())
                cells.append(RawCell(value, line.number, line.col(start + lo + lead), start + lo + lead, start + hi))
        segments.pop()
    row.cells = cells[::-1]
    if segments:
        first = segments[0][0]
        last_start, last = segments[-1]
        row.label = " ".join(text[first : last_start + len(last)].split()).rstrip(" .")
        row.label_col, row.label_index = line.col(first), first
        row.indent = first
    return row
