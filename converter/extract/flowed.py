"""Statements flowed with single spaces (text taken from a PDF) -> Statements.

    flowed_statement(lines, title_index, stop, kind, title, path) -> Statement

A PDF rendered to text often loses the column gaps: "Cash and cash equivalents $ 2,423
$ 2,433", "Net revenue......... $ 1,792,984 $ 1,128,597 $ 5,173,399 $ 4,096,216", headers
"Three Months Ended Nine Months Ended" over "September 30, September 30, September 30,
September 30," over "2025 2024 2025 2024". No column can be found by position, but the
values are the number tokens ending a line (a `$` joins the number after it, a dot leader
is dropped) and the header lines are runs of period phrases: the line naming the most years
gives the value columns, and a header line of k phrases over n columns spreads each over
n/k of them (bands.py's rule). A line with fewer values than columns fills the last ones.
The body ends at the next title (`stop`), a markdown heading, an end line, prose, a footnote ("(1) Includes ..."), or a new header band (a
second table on the same page); lone page numbers are skipped.
"""

from __future__ import annotations

import re

from converter.errors import ExtractionError
from converter.model import SourceRef, Statement, StatementKind

from .assemble import assemble
from .cells import parse_cell
from .dates import MONTHDAY_RE, YEAR_RE
from .grid import clean_label
from .headers import DURATION_RE, Seg, is_header_text, is_scale_text, parse_scale, resolve_periods
from .layout import RawCell, Row
from .reader import Line
from .titles import END_LINE_RE, is_prose

_LEADER_RE = re.compile(r"(?:\s?\.){2,}\s*$")
_DURATION = re.sub(r"\(\?P<\w+>", "(?:", DURATION_RE.pattern)  # unnamed groups: used twice below
_PHRASE_RE = re.compile(
    rf"(?:(?:{_DURATION})\s+)?{re.sub(r'[(][?]P<[a-z]+>', '(?:', MONTHDAY_RE.pattern)}(?:\s+{YEAR_RE.pattern})?"
    rf"|{_DURATION}|{YEAR_RE.pattern}", re.I)
_FOOTNOTE_RE = re.compile(r"^(?:\(\d{1,2}\)|\([a-z]\)|\*+)\s*[A-Za-z]")
_PAGE_NUMBER_RE = re.compile(r"^\s*\d{1,3}\s*$")
_DASHES = {"—", "–", "-", "--"}
_CURRENCY = {"$", "US$", "€", "£"}


def _values(text: str) -> tuple[int, list[tuple[int, str]]]:
    """Where the label ends, and (index, text) of each value ending the line."""
    tokens = [(m.start(), m[0]) for m in re.finditer(r"\S+", text)]
    values: list[tuple[int, str]] = []
    k = len(tokens)
    while k > 0:
        pos, tok = tokens[k - 1]
        parsed = parse_cell(tok)
        if tok not in _DASHES and (parsed is None or parsed.value is None):
            break
        k -= 1
        if k > 0 and tokens[k - 1][1] in _CURRENCY:  # "$ 1,500": the value is the number, read with its sign
            k -= 1
            tok = f"{tokens[k][1]} {tok}"
        values.insert(0, (pos, tok))
    label_end = tokens[k - 1][0] + len(tokens[k - 1][1]) if k else 0
    return label_end, values


def _phrases(text: str) -> list[str]:
    return [m[0] for m in _PHRASE_RE.finditer(text)]


def flowed_statement(lines: list[Line], title_index: int, stop: int, kind: StatementKind, title: str,
                     path: str) -> Statement:
    where = f"{path}:{lines[title_index].number}"
    i = title_index + 1
    scales: list[str] = []
    header: list[Line] = []
    while i < stop:
        text = lines[i].text.strip()
        if not text or _PAGE_NUMBER_RE.match(text):
            pass
        elif is_scale_text(text):
            scales.append(text)
        elif is_header_text(text):
            header.append(lines[i])
        elif header or len(text) > 80:
            break
        i += 1
    years = [len(YEAR_RE.findall(line.text)) for line in header]
    if not header or max(years, default=0) == 0:
        raise ExtractionError("statement has no column headers", where=where, code="xc:noColumnHeaders")
    n = max(years)
    segs = []
    for line in header:
        phrases = _phrases(line.text)
        k = len(phrases)
        if k == n:
            segs.append([Seg(p, c, c) for c, p in enumerate(phrases)])
        elif k and n % k == 0:
            w = n // k
            segs.append([Seg(p, c * w, c * w + w - 1) for c, p in enumerate(phrases)])
        else:
            segs.append([Seg(line.text.strip(), 0, n - 1)])
    periods = resolve_periods(segs, n, kind, f"{path}:{header[0].number}")
    rows = _rows(lines, i, stop, n, path)
    if not any(row.cells for row in rows):
        raise ExtractionError("statement has column headers but no rows", where=where, code="xc:noRows")
    items = assemble(rows, n, path, at_eof=False)
    line = lines[title_index]
    lead = len(line.text) - len(line.text.lstrip())
    return Statement(kind, title, periods, parse_scale(scales), tuple(items), SourceRef(path, line.number, line.col(lead)))


def _rows(lines: list[Line], start: int, stop: int, n: int, path: str) -> list[Row]:
    rows: list[Row] = []
    for line in lines[start:stop]:
        text = line.text
        body = text.strip()
        if not body:
            rows.append(Row(line.number, blank=True))
            continue
        if _PAGE_NUMBER_RE.match(body):
            continue
        if body.startswith("#") or END_LINE_RE.match(text) or is_prose(text) or (rows and is_header_text(body) and _phrases(body)):
            break
        label_end, values = _values(text)
        if len(values) > n:  # a footnote mark "(1)" or a number ending the label
            extra = values[: len(values) - n]
            values = values[len(values) - n :]
            label_end = extra[-1][0] + len(extra[-1][1].split()[-1])
        if not values and _FOOTNOTE_RE.match(body):
            break  # "(1) Includes stock-based compensation as follows:": the notes under the statement
        label = text[:label_end]
        leader = _LEADER_RE.search(label)
        if leader:
            label = label[: leader.start()]
        lead = len(label) - len(label.lstrip())
        row = Row(line.number, clean_label(label), line.col(lead), source=line, label_index=lead)
        row.columns = [None] * n
        for slot, (pos, tok) in enumerate(values, start=n - len(values)):
            cell = RawCell(tok, line.number, line.col(pos), slot)
            row.cells.append(cell)
            row.columns[slot] = cell
        if not row.cells:
            row.columns = []
        last = next((r for r in reversed(rows) if not r.blank), None)
        if last is not None and not last.cells and row.label[:1].islower() and not last.label.endswith(":"):
            last.label = f"{last.label} {row.label}"  # a heading wrapped onto a second line
            last.cells, last.columns = row.cells, row.columns
            continue
        rows.append(row)
    return rows
