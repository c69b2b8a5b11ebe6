"""Markdown releases (text rendered from HTML): pipe tables -> Statements.

    is_markdown(lines) -> bool
    markdown_statements(lines, path) -> (statements, ignored tables, skipped tables)

A pipe table is a run of lines starting with `|` that holds a separator row (`|---|---:|`).
Each field between pipes is one cell of a grid (grid.py), so `$` in its own field, a `)` in
its own field, "% change" columns and several header rows are read as in HTML tables. The
table's title and scale are read from the lines just above it ("## Consolidated Balance
Sheets", "*(in thousands)*"). `**bold**` and `_italic_` marks are dropped from cells; a bold
label on a row without values is an outermost heading. SourceRefs are the line and column of
the cell's text in the file.
"""

from __future__ import annotations

import re

from converter.model import SkippedTable, SourceRef, Statement

from .grid import GCell, split_grid
from .reader import Line
from .tablekind import statement_or_ignored

_SEP_RE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_TAG_RE = re.compile(r"<sup>[^<]{0,5}</sup>|</?[a-zA-Z][^>]*>")  # inline HTML left by a converter
_ABOVE = 6  # lines above a table searched for its title and scale


def _is_pipe(line: Line) -> bool:
    return line.text.lstrip().startswith("|")


def is_markdown(lines: list[Line]) -> bool:
    return any(_SEP_RE.match(line.text) and "|" in line.text for line in lines)


def _cells(line: Line) -> list[GCell]:
    text = line.text
    bars = [m.start() for m in re.finditer(r"(?<!\\)\|", text)]
    if not bars:
        return []
    if text[: bars[0]].strip():
        bars.insert(0, -1)
    if text[bars[-1] + 1 :].strip():
        bars.append(len(text))
    out = []
    for k, (a, b) in enumerate(zip(bars, bars[1:])):
        raw = _TAG_RE.sub(lambda m: " " * len(m[0]), text[a + 1 : b])
        bold = bool(re.fullmatch(r"\s*(\*\*|__).+\1\s*", raw))
        clean = " ".join(re.sub(r"(\*\*|__|(?<!\w)_|_(?!\w)|(?<![\w$])\*|\*(?!\w))", "", raw).replace("\\|", "|").split())
        lead = len(raw) - len(raw.lstrip(" *_"))
        out.append(GCell(clean, line.number, line.col(a + 1 + lead), k, k, bold and bool(clean)))
    return out


def markdown_statements(lines: list[Line], path: str
                        ) -> tuple[list[Statement], list[tuple[str, str, SourceRef]], list[SkippedTable]]:
    statements: list[Statement] = []
    ignored: list[tuple[str, str, SourceRef]] = []
    skipped: list[SkippedTable] = []
    i, previous_end = 0, 0
    while i < len(lines):
        if not _is_pipe(lines[i]):
            i += 1
            continue
        start = i
        while i < len(lines) and _is_pipe(lines[i]):
            i += 1
        block = lines[start:i]
        if not any(_SEP_RE.match(line.text) for line in block):
            continue
        rows = [_cells(line) for line in block if not _SEP_RE.match(line.text)]
        grid = split_grid(rows)
        above = [line for line in lines[max(previous_end, start - _ABOVE) : start] if line.text.strip()]
        previous_end = i
        if grid.value_rows() < 2:
            continue
        candidates = []
        for line in reversed(above):
            lead = len(line.text) - len(line.text.lstrip(" #*_>"))
            candidates.append((line.text.strip(" #*_>"), SourceRef(path, line.number, line.col(lead))))
        found = statement_or_ignored(candidates, grid, path)
        if isinstance(found, Statement):
            statements.append(found)
        elif isinstance(found, SkippedTable):
            skipped.append(found)
        elif found is not None:
            ignored.append(found)
    return statements, ignored, skipped
