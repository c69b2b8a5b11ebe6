"""Rows that finish the label of the row above them.

A release often prints a pair of rows as "Net income per share - Basic" and then "- Diluted"
(or "Diluted"): the second row's label is only the word that differs, and what it is a figure
of is the first row's label. Reading the second row under the first one's stem ("Net income
per share", "Weighted average number of shares outstanding") gives it the heading a layout
with headings would have printed. A pure pass over the extracted statements.
"""

from __future__ import annotations

import re
from dataclasses import replace

from converter.concepts import normalize_label
from converter.model import LineItem, Release, Statement

_SECOND = re.compile(r"^[\s\-\u2013\u2014:]*(diluted|assuming (full )?dilution|fully diluted)$")
_FIRST = re.compile(r"^(?P<stem>.*?\w)[\s,:;\-\u2013\u2014]+(?:-\s*)?basic$", re.IGNORECASE)


def paired_rows(release: Release) -> Release:
    statements = tuple(_statement(s) for s in release.statements)
    if all(a is b for a, b in zip(statements, release.statements)):
        return release
    return replace(release, statements=statements)


def _statement(statement: Statement) -> Statement:
    items = list(statement.items)
    changed = False
    for k in range(1, len(items)):
        stem = _stem(items[k - 1], items[k])
        if stem is not None:
            items[k] = replace(items[k], section=items[k].section + (stem,))
            changed = True
    return replace(statement, items=tuple(items)) if changed else statement


def _stem(first: LineItem, second: LineItem) -> str | None:
    """The first row's label without its "basic", when the second row only says "diluted"."""
    if first.section != second.section or not _SECOND.match(normalize_label(second.label)):
        return None
    found = _FIRST.match(first.label.strip())
    return found.group("stem").strip() if found else None
