"""Text rendered from HTML with a `|` at each table cell boundary -> one cell per line.

Pages saved as text often print an HTML table with a bar where a cell starts or ends, one
cell (or a few) a line and empty cells as lines of bars alone:

    Cash and cash equivalents        Net sales                 Net sales | | $ | 670,165 | |
    |$                               |                         | |
    |850                             $                         |
    |$                               |
    |1,895                           670,165
    |

Every piece of a line between bars is a cell of its own, so these become the one-cell-per-line
layout (perline.py). Each piece keeps its line number and column (the rest of the line is
blanked, not removed), so source references still point into the file. A line of bars alone
carries no cell and becomes blank. Markdown pipe tables (with a `|---|` separator row) are read
by markdown.py instead.
"""

from __future__ import annotations

import re

from .reader import Line

_BARS_ONLY_RE = re.compile(r"^[\s|]*\|[\s|]*$")
_MIN_BAR_LINES = 8  # lines of bars alone that mark a whole text as rendered this way


def is_pipe_cells(lines: list[Line]) -> bool:
    """Many lines holding nothing but bars: the empty cells of tables rendered from HTML."""
    return sum(1 for line in lines if _BARS_ONLY_RE.match(line.text)) >= _MIN_BAR_LINES


def split_pipe_cells(lines: list[Line]) -> list[Line]:
    """Each piece between bars on its own line (same line number and column)."""
    out: list[Line] = []
    for line in lines:
        text = line.text
        if "|" not in text:
            out.append(line)
            continue
        pieces = [m for m in re.finditer(r"[^|]+", text) if m[0].strip()]
        if not pieces:
            out.append(Line(line.number, "", line.removed))
            continue
        for piece in pieces:
            start = piece.start() + len(piece[0]) - len(piece[0].lstrip())
            out.append(Line(line.number, " " * start + piece[0].strip(), line.removed))
    return out
