"""EDGAR SGML-tagged plain text: what the markup is, and the tables its tags mark.

    is_sgml_text(text) -> bool
    sgml_tables(lines) -> (lines with the tags blanked, [TagTable])

Plain-text EDGAR exhibits (1990s-2000s) carry SGML tags on their own lines or at the start
of a line: the submission wrapper (<DOCUMENT>, <TYPE>, <SEQUENCE>, <FILENAME>,
<DESCRIPTION>, <TEXT>), page breaks (<PAGE>) and table marks (<TABLE>, <CAPTION>, <S>, <C>,
<FN>). Such a file is text, not HTML, although it holds <TABLE>: a file is HTML only when it
holds HTML elements (html, body, tr, td, div, p, font, ...), whatever its suffix, so a 2025
exhibit wrapped in <DOCUMENT>/<TEXT> around real HTML still goes to the HTML reader.

The tags are replaced by spaces (never removed), so every other character keeps its line and
column. Each <TABLE> ... </TABLE> becomes a TagTable: the line indices of its first and last
line inside the tags, where its <CAPTION> block ends (the header band ends at the <S>/<C>
line) and the character columns the <C> marks give as the value columns' starts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .reader import Line

_SGML_TAG_RE = re.compile(
    r"</?(?:DOCUMENT|TYPE|SEQUENCE|FILENAME|DESCRIPTION|TEXT|PAGE|TABLE|CAPTION|FN|S|C|R|F\d*)>", re.I)
_HTML_RE = re.compile(
    r"<(?:!doctype\s+html|html|body|head|tr|td|th|div|p|font|br|span|b|i|center|ix:\w+)\b[^>]*>", re.I)
_TABLE_OPEN_RE = re.compile(r"^\s*<TABLE>", re.I)
_TABLE_CLOSE_RE = re.compile(r"^\s*</TABLE>", re.I)
_COLUMNS_RE = re.compile(r"^\s*<S>(?:\s*<C>)*\s*$", re.I)


def is_sgml_text(text: str) -> bool:
    """EDGAR tagged text: <TABLE>, <PAGE> or <DOCUMENT> tags and no HTML element."""
    return bool(re.search(r"<(?:TABLE|PAGE|DOCUMENT|TEXT)>", text, re.I)) and _HTML_RE.search(text) is None


@dataclass(frozen=True)
class TagTable:
    """A <TABLE> region: lines[start:stop] are inside the tags; lines[start:header_end] are its
    <CAPTION> (header band); `starts` the character indices of the <C> marks."""

    start: int
    stop: int
    header_end: int
    starts: tuple[int, ...] = ()


def sgml_tables(lines: list[Line]) -> tuple[list[Line], list[TagTable]]:
    """The lines with SGML tags blanked, and the <TABLE> regions."""
    out: list[Line] = []
    tables: list[TagTable] = []
    open_at: int | None = None
    header_end: int | None = None
    starts: tuple[int, ...] = ()
    for i, line in enumerate(lines):
        text = line.text
        if _TABLE_OPEN_RE.match(text):
            open_at, header_end, starts = i + 1, None, ()
        elif _TABLE_CLOSE_RE.match(text) and open_at is not None:
            tables.append(TagTable(open_at, i, header_end if header_end is not None else open_at, starts))
            open_at = None
        elif open_at is not None and header_end is None and _COLUMNS_RE.match(text):
            header_end = i
            starts = tuple(m.start() for m in re.finditer(r"<C>", text, re.I))
        if "<" in text:
            text = _SGML_TAG_RE.sub(lambda m: " " * len(m[0]), text)
            if not text.strip():
                text = ""
        out.append(Line(line.number, text, line.removed))
    if open_at is not None:
        tables.append(TagTable(open_at, len(lines), header_end if header_end is not None else open_at, starts))
    return out, tables
