"""What a table is, from its title: a statement, a non-GAAP reconciliation, a segment table.

Shared by the HTML, markdown and text layouts. Non-GAAP reconciliations ("Reconciliation of
GAAP to non-GAAP", "Adjusted EBITDA", "Non-GAAP net income") and segment tables ("Segment
information", "Revenue by segment") are recognised so they are never read as GAAP statements;
they are listed in Release.ignored_tables and nothing in them is tagged. So are the registrant's
own statements ("Parent Company Only", "Condensed Financial Information of Registrant"), named
in the title or the three texts above it. Average balance
sheets, highlights, selected data and summaries are unrecognised tables, never statements.
An untitled table with rows "Total assets" and "Total liabilities and ... equity" is a
balance sheet. One table holding several statements one under another is cut at each title row
with a header of dates of its own under it (`stacked_tables`), and the periods a title states
("... FOR THE THREE MONTHS ENDED SEPTEMBER 30, 2025 AND 2024") are handed to the grid reader as
captions, for columns headed by years alone.
"""

from __future__ import annotations

import re
from dataclasses import replace

from converter.errors import ExtractionError
from converter.model import SkippedTable, SourceRef, Statement, StatementKind

from .grid import SCALE_RE, GCell, Grid, grid_statement
from .dates import DATE_RE
from .headers import DURATION_RE, is_header_text, names_year
from .titles import TITLE_IN_TEXT_RE, TITLE_LINE_RE, looks_like_title_case, title_kind

NON_GAAP = "non-GAAP reconciliation"
SEGMENT = "segment"
PARENT_ONLY = "parent-only statement"
# the registrant's own statements beside the consolidated ones (a 10-K's Schedule I, a bank
# holding company's "Parent Company Only" balance sheet): the same concepts and periods as the
# consolidated statements with other figures, so never read as them
_PARENT_ONLY_RE = re.compile(r"\bparent[-\s]+(?:company[-\s]+)?only\b|\bfinancial\s+(?:information|statements)\s+of\s+(?:the\s+)?registrant\b"
                             r"|\bregistrant[-\s]+only\b", re.I)
PARENT_ABOVE = 3  # texts above a statement's title searched for it
_NON_GAAP_RE = re.compile(r"non[-\s]?gaap|\bpro[-\s]forma\b|\breconciliation\b|\badjusted\s+(?:ebitda|net\s+income|earnings|eps)|\bebitda\b", re.I)
_SEGMENT_RE = re.compile(r"\bsegments?\b|\bby\s+(?:business|geograph\w*|region)", re.I)
# tables that look like statements but are summaries of them: average balances, highlights, ratios
_SUMMARY_RE = re.compile(r"\baverage\b|\bhighlights\b|\bselected\b|\bratios?\b|\bfinancial\s+summary\b"
                         r"|\bsupplemental\b|\bsummary\s*(?:\(|$)", re.I)
# texts that name a statement without being its title: a note's heading ("Note 7 - Statement of
# Cash Flows Information"), the components of one ("5. Balance Sheet Components", "Tax Effects of
# Components of Other Comprehensive Income"), a remark in parentheses ("(Statement of Income line:
# Non-service pension expense)"). A numbered heading alone ("1. Consolidated Balance Sheets") may
# be a release's own numbering of its statements.
_NOT_A_TITLE_RE = re.compile(r"^note\s+\d{1,2}\b|\bcomponents\b|^\(.*\)$", re.I)
_BOLD_RUNS_RE = re.compile(r"\*\*(\s*)\*\*")  # the end of one bold run and the start of the next
_TITLE_MAX = 160  # longer text is prose, not a table title


def classify(text: str) -> tuple[str, object] | None:
    """("prose", None), (NON_GAAP, title), (SEGMENT, title), ("statement", (kind, title)) or None."""
    # a title set in bold a word or two at a time: "**Condensed Consolidated** **Statements** **of** ..."
    text = " ".join(_BOLD_RUNS_RE.sub(r"\1", text).strip().strip("#*_|").split())
    if not text:
        return None
    if len(re.sub(r"\([^()]*\)", "", text)) > _TITLE_MAX:  # a caption's "(in thousands, except ...)" does not count
        return ("prose", None)
    if _NON_GAAP_RE.search(text):
        return (NON_GAAP, text)
    if _SEGMENT_RE.search(text) and len(text) < 100 and not text.endswith("."):
        return (SEGMENT, text)
    if text.endswith((".", ":")) and len(text.split()) >= 10:
        return ("prose", None)  # a sentence mentioning a statement ("... included in the Statements of Operations is as follows:")
    if _NOT_A_TITLE_RE.search(text):
        return None  # a note's heading ("5. Balance Sheet Components"), a remark in parentheses
    if (_SUMMARY_RE.search(text) and len(text) < 100 and not text.endswith(".")
            and (looks_like_title_case(text)
                 or (len(text.split()) <= _SHORT_HEADING and re.search(r"\bhighlights\b|\bsummary\b", text, re.I)))):
        return ("summary", text)  # "Average Balances and Rates", "Financial Highlights", "Earnings highlights:"
    for match in TITLE_IN_TEXT_RE.finditer(text):
        if looks_like_title_case(match["title"]) or _ends_heading(text, match):
            if _SUMMARY_RE.search(text):
                return ("summary", text)
            title = " ".join(match["title"].split())
            return ("statement", (title_kind(title), title))
    line = TITLE_LINE_RE.match(text)  # an older short title, a whole line ("CONSOLIDATED INCOME", "Analysis of Consolidated Earnings")
    if line is not None and looks_like_title_case(line["title"]):
        title = " ".join(line["title"].split())
        return ("statement", (title_kind(title), title))
    return None


def _ends_heading(text: str, match: re.Match[str]) -> bool:
    """A statement title closing a short heading whatever its case ("Acme Corp and subsidiaries
    consolidated balance sheets", set in small capitals by a style sheet): only a parenthesis
    may follow it. A prose mention goes on after the title or is a long sentence."""
    rest = text[match.end():].strip()
    return len(text.split()) <= _HEADING_WORDS and (not rest or bool(re.fullmatch(r"(?:\([^)]*\)\s*)+", rest)))


_HEADING_WORDS = 12
_SHORT_HEADING = 4  # words of a heading in sentence case naming highlights or a summary ("Earnings highlights:")


_LEAD_ROWS = 3  # rows above a stacked table's title taken with it (the company's name, a blank row)


def stacked_tables(rows: list[list[GCell]]) -> list[list[list[GCell]]]:
    """The tables of one HTML or pipe table holding several, one under another: a row whose
    only text is a statement's, a non-GAAP reconciliation's or a segment table's title, below
    rows of figures, starts the next, with the text-only rows right above it (the company's
    name). A table holding one is returned whole."""
    parts: list[list[list[GCell]]] = [[]]
    figures = False
    for k, row in enumerate(rows):
        filled = [c for c in row if c.text]
        found = classify(filled[0].text) if len(filled) == 1 and not _has_figure(filled[0].text) else None
        if (figures and found is not None and found[0] in ("statement", NON_GAAP, SEGMENT)
                and _own_header(rows[k + 1 : k + 1 + _LEAD_ROWS + 1])):
            current = parts[-1]
            lead = 0
            while lead < _LEAD_ROWS and lead < len(current) and not any(_has_figure(c.text) for c in current[-1 - lead]) \
                    and sum(1 for c in current[-1 - lead] if c.text) <= 1:
                lead += 1
            parts[-1], moved = current[: len(current) - lead], current[len(current) - lead :]
            parts.append(moved)
            figures = False
        parts[-1].append(row)
        figures = figures or any(c.lo > 0 and _has_figure(c.text) for c in filled)
    return [part for part in parts if part] or [rows]  # a table without rows stays one


def _own_header(below: list[list[GCell]]) -> bool:
    """Rows under a title that start with a header of dates of their own, before any figure (a
    section titled "BALANCE SHEET DATA" under the highlights' header has none)."""
    for row in below:
        values = [c for c in row if c.lo > 0 and c.text]
        if any(_has_figure(c.text) and not names_year(c.text) for c in values):
            return False
        if values and all(is_header_text(c.text) for c in values) and any(names_year(c.text) for c in values):
            return True
    return False


def _has_figure(text: str) -> bool:
    return bool(re.search(r"\d", text)) and bool(re.fullmatch(r"[\s$()\-\u2212\u2013.,%\d]+", text))


def ignored_title(text: str) -> tuple[str, str] | None:
    """(kind, title) when a line is the title of a non-GAAP reconciliation or segment table."""
    stripped = " ".join(text.strip().strip("#*_|").split())
    if not stripped or len(stripped) > 100 or stripped.endswith(".") or "\t" in text or re.search(r"\d,\d{3}|\s{3}", text):
        return None
    if not re.search(r"reconciliation|non[-\s]?gaap|\bsegments?\b", stripped, re.I):
        return None  # "Adjusted EBITDA" alone is more often a row label than a title
    found = classify(stripped)
    if found and found[0] in (NON_GAAP, SEGMENT):
        return found[0], str(found[1])
    return None


def titled_otherwise(candidates: list[tuple[str, SourceRef]]) -> bool:
    """Does the nearest text that names a kind of table name one that is no statement ("INCOME
    STATEMENT HIGHLIGHTS", running text)? Such a table is not read for a statement by its rows."""
    for text, _ref in candidates:
        found = classify(text)
        if found is not None:
            return found[0] in ("prose", "summary")
    return False


def parent_only(texts: list[str]) -> bool:
    """Do a statement's title and the texts above it say it is the registrant's own ("Parent
    Company Only", "Condensed Financial Information of Registrant")?"""
    return any(_PARENT_ONLY_RE.search(text) for text in texts)


def statement_kind(candidates: list[tuple[str, SourceRef]]) -> StatementKind | None:
    """The kind of statement the nearest classified text around a table titles, if a statement."""
    for text, _ in candidates:
        found = classify(text)
        if found is None:
            continue
        if found[0] == "statement":
            return found[1][0]  # type: ignore[index, no-any-return]
        return None
    return None


def statement_or_ignored(candidates: list[tuple[str, SourceRef]], grid: Grid, path: str
                         ) -> Statement | SkippedTable | tuple[str, str, SourceRef] | None:
    """The statement a table is, or its ignored_tables entry, or None (an unrecognised table),
    or a SkippedTable when it was taken for a statement that cannot be read.
    `candidates` are the texts around the table (caption, title rows, lines above), nearest
    first; short ones that state a scale ("(In millions, except per share data)") give it."""
    scales = [m[0] for text, _ in candidates for m in [SCALE_RE.search(text)] if m and len(text) < 200]
    for i, (text, ref) in enumerate(candidates):
        found = classify(text)
        if found is None:
            continue
        what, detail = found
        if what in ("prose", "summary"):
            return None
        if what in (NON_GAAP, SEGMENT):
            return (what, str(detail), ref)
        kind, title = detail  # type: ignore[misc]
        if kind is None:
            return None
        if parent_only([t for t, _ in candidates[i : i + 1 + PARENT_ABOVE]]):
            return (PARENT_ONLY, text, ref)
        stated = _stated_periods(text, title, ref) + [(t, r) for t, r in candidates[:i] if _states_period(t)]
        if stated:  # "... STATEMENTS OF OPERATIONS FOR THE THREE MONTHS ENDED SEPTEMBER 30, 2025 AND 2024" over "2025  2024"
            grid = replace(grid, captions=grid.captions + [GCell(t, r.line, r.column, 0, 0) for t, r in stated])
        read = _read(grid, kind, title, ref, scales, path)
        if isinstance(read, Statement):
            read = replace(read, above=_above(title, candidates[i:]))
        return read
    if _balance_sheet_rows(grid):
        first = next(c for row in grid.body for c in row if c.text)
        return _read(grid, StatementKind.BALANCE_SHEET, "Balance sheet", SourceRef(path, first.line, first.col),
                     scales, path)
    return None


_STATED_MAX = 200  # longer text states no period: it is prose


def _states_period(text: str) -> bool:
    """A short text between a statement's title and its table stating its periods' dates or
    length ("As of September 30, 2025 and December 31, 2024", "For the Three Months Ended ...")."""
    return len(text) <= _STATED_MAX and bool(DATE_RE.search(text) or DURATION_RE.search(text)) \
        and classify(text) is None


def _stated_periods(text: str, title: str, ref: SourceRef) -> list[tuple[str, SourceRef]]:
    """The periods a statement's title line states after the title ("... FOR THE THREE MONTHS
    ENDED SEPTEMBER 30, 2025 AND 2024", "... AS OF SEPTEMBER 30, 2025 AND DECEMBER 31, 2024")."""
    text = " ".join(text.split())
    rest = text[text.find(title) + len(title) :].strip(" ,-:") if title in text else ""
    if len(rest) > _STATED_MAX or not (DATE_RE.search(rest) or DURATION_RE.search(rest)):
        return []
    return [(rest, ref)]


def _above(title: str, candidates: list[tuple[str, SourceRef]]) -> tuple[str, SourceRef] | None:
    """The text printed above a title: before it in its own line or cell ("ALLY FINANCIAL INC.
    CONSOLIDATED INCOME STATEMENT"), else the next candidate (they run upwards from the table)."""
    text, ref = candidates[0]
    before = text[: text.find(title)].strip(" -,:") if title in text else ""
    if before:
        return before, ref
    return candidates[1] if len(candidates) > 1 else None


def _read(grid: Grid, kind: StatementKind, title: str, ref: SourceRef, scales: list[str], path: str
          ) -> Statement | SkippedTable:
    try:
        return grid_statement(grid, kind, title, ref, scales, path)
    except ExtractionError as exc:
        return SkippedTable(kind.value, title, ref, exc.message, exc.where or "", exc.code)


def _balance_sheet_rows(grid: Grid) -> bool:
    """An untitled table is a balance sheet when it totals assets and liabilities and equity."""
    labels = [" ".join(c.text for c in row if c.lo == 0 and c.text).lower() for row in grid.body]
    return (any(re.match(r"total\s+assets\b", label) for label in labels)
            and any(re.match(r"total\s+liabilities\s*(?:,|and|&)[\w\s,’'()-]*?(?:equity|capital|deficit)", label)
                    for label in labels))
