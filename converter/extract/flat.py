"""A release flattened onto one line: tokens of one statement -> periods and rows."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from converter.errors import ExtractionError
from converter.model import Period, Scale, StatementKind

from .cells import is_rule, rule_kind, split_values
from .dates import DATE_RE, MONTH, MONTHDAY_RE, YEAR_RE, make_date
from .headers import GLUED_DURATION, Seg, duration_months, is_scale_text, parse_scale, resolve_periods
from .layout import RawCell, Row
from .periodforms import normalize_header, unglued
from .reader import Line

_HEAD_RES = (
    # "31-Dec-24", and "31-Dec" over a row of years
    ("dayfirst", re.compile(rf"\d{{1,2}}-{MONTH}(?:-(?:(?:19|20)\d\d|\d\d)(?![\d,])|(?=\s|$))", re.I)),
    # "Six Months EndedJune 30," (the line break lost): a month name may follow with no space
    ("duration", re.compile(GLUED_DURATION + rf"(?:\b|(?={MONTH}))", re.I)),
    ("monthday", re.compile(rf"{MONTH}\s+\d{{1,2}}\b,?", re.I)),
    # "2023Net revenue:" glued to the first row, "2025(Unaudited)", "20242025" (two columns' years)
    ("year", re.compile(r"(?:19|20)\d\d(?=\s|$|[A-Z(]|(?:(?:19|20)\d\d)+(?!\d))")),
    ("rule", re.compile(r"[-=_]{3,}")),
    ("filler", re.compile(r"(?:and|as\s+of|at|for(?:\s+the)?|periods?\s+end(?:ed|ing)|\((?:un)?audited\))(?=\s|$)", re.I)),
)


@dataclass
class Tok:
    kind: str  # "word", "value" or "rule"
    text: str
    start: int


def flat_statement(line: Line, span: tuple[int, int], kind: StatementKind, path: str, at_eof: bool,
                   head_text: str = "") -> tuple[Scale, tuple[Period, ...], list[Row], tuple[str, ...]]:
    """Scale, periods, rows and notes (rows not read) of one flattened statement; `head_text`,
    column headings printed above the line ("Twelve Months Ended December 31,"), come first."""
    text, where = line.text[: span[1]], f"{path}:{line.number}"
    pos, scales = _scale_texts(text, span[0])
    above = _header_tokens(unglued(head_text), 0)[1] if head_text else []
    pos, heads = _header_tokens(text, pos)
    heads = above + heads
    lines, n = _header_segments(heads, where)
    periods = resolve_periods(lines, n, kind, where)
    notes: list[str] = []
    rows = _rows(_body_tokens(text, pos), n, line, path, at_eof, notes)
    if not any(row.cells for row in rows):
        raise ExtractionError("statement has column headers but no rows", where=where, code="xc:noRows")
    return parse_scale(scales), periods, rows, tuple(notes)


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _scale_texts(text: str, pos: int) -> tuple[int, list[str]]:
    found = []
    while (match := re.compile(r"\([^()]*\)").match(text, _skip(text, pos))) and is_scale_text(match[0]):
        found.append(match[0])
        pos = match.end()
    return pos, found


# "ASSETS" printed in the first cell of the header row, before the dates
_LEAD_HEADING_RE = re.compile(r"[A-Z][A-Z'’&]+(?:\s+[A-Z][A-Z'’&]+)*(?=\s)")


def _header_tokens(text: str, pos: int) -> tuple[int, list[tuple[str, str]]]:
    heads: list[tuple[str, str]] = []
    while True:
        pos = _skip(text, pos)
        for name, regex in _HEAD_RES:
            match = regex.match(text, pos)
            if match:
                heads.extend(_day_first(match[0]) if name == "dayfirst" else [(name, match[0])])
                pos = match.end()
                break
        else:
            lead = None if heads else _LEAD_HEADING_RE.match(text, pos)
            after = _skip(text, lead.end()) if lead else pos
            if lead is None or not any(regex.match(text, after) for name, regex in _HEAD_RES if name != "filler"):
                return pos, heads
            pos = lead.end()


def _day_first(text: str) -> list[tuple[str, str]]:
    """ "31-Dec-24" -> the month and day, and the year, as the header's other dates give them
    ("31-Dec" the month and day alone)."""
    written = normalize_header(text)
    if MONTHDAY_RE.fullmatch(written) is not None:
        return [("monthday", f"{written},")]
    if (match := DATE_RE.fullmatch(written)) is None:
        return [("word", text)]
    return [("monthday", f"{match['month']} {match['day']},"), ("year", match["year"])]


def _header_segments(heads: list[tuple[str, str]], where: str) -> tuple[list[list[Seg]], int]:
    def of(name: str) -> list[str]:
        return [t for k, t in heads if k == name]

    years = of("year")
    n = len(years)
    if not n:
        raise ExtractionError("statement has no column headers", where=where, code="xc:noColumnHeaders")
    durations, monthdays = of("duration"), of("monthday")
    stepped = _stepped(durations, monthdays, years) if durations and n % len(durations) else None
    lines = [stepped or _spread(durations, n, where), _spread(monthdays, n, where)]
    lines.append([Seg(t, i, i) for i, t in enumerate(years)])
    return lines, n


def _stepped(durations: list[str], monthdays: list[str], years: list[str]) -> list[Seg] | None:
    """Lengths that do not share the columns out evenly ("Three months ended" over five quarters,
    "Year ended" over two years), each over the run of columns whose ends step back by its
    length, in order; the last takes the rest. None when a column's date or a run does not fit."""
    months = [duration_months(t) for t in durations]
    if len(monthdays) != len(years) or None in months:
        return None
    ends = []
    for monthday, year in zip(monthdays, years):
        match = MONTHDAY_RE.search(monthday)
        end = make_date(match["month"], match["day"], year) if match else None
        if end is None:
            return None
        ends.append(end.year * 12 + end.month)
    segs, col = [], 0
    for k, (text, length) in enumerate(zip(durations, months)):
        last = col
        if k == len(durations) - 1:
            last = len(ends) - 1
        else:
            while last + 1 < len(ends) and ends[last] - ends[last + 1] == length:
                last += 1
        if last >= len(ends) or any(ends[j] - ends[j + 1] not in (0, length) for j in range(col, last)):
            return None
        segs.append(Seg(text, col, last))
        col = last + 1
    return segs if col == len(ends) else None


def _spread(texts: list[str], n: int, where: str) -> list[Seg]:
    if not texts:
        return []
    if n % len(texts):
        raise ExtractionError(f"{len(texts)} column headings do not fit {n} columns", where=where,
                              code="xc:columnMismatch")
    width = n // len(texts)
    return [Seg(t, i * width, i * width + width - 1) for i, t in enumerate(texts)]


# a row's last figure or dash glued to the next row's label: "10,912Royalty", "(944)Other",
# "7,603,300(Loss)", "-Stock-based"
_GLUED_RE = re.compile(r"(\(?\$?\(?\d[\d,]*(?:\.\d+)?\)?|[-\u2013\u2014])(?=\(?[A-Z][A-Za-z(])")


_GLUED_HEADING_RE = re.compile(r"([A-Z][A-Z/&'’]{2,})(?=[A-Z][a-z])")


def _words(text: str, pos: int) -> Iterator[tuple[int, str]]:
    """(position, word) of each word from pos, a figure glued to a label's first word set apart,
    and a heading's colon glued to the first word of the row under it ("(income):Interest")."""
    for match in re.finditer(r"[^\s:]*:(?=[A-Z])|\S+?(?=:[A-Z])|\S+", text[pos:]):
        start, word = pos + match.start(), match[0]
        if heading := _GLUED_HEADING_RE.match(word):  # "ASSETSCash": a heading in capitals glued to a label
            yield start, heading[1]
            start, word = start + heading.end(1), word[heading.end(1):]
        glued = _GLUED_RE.match(word)
        if glued and split_values(glued[1]) is not None:
            yield start, glued[1]
            yield from _unglued_figures(start + glued.end(), word[glued.end():])
        elif _dash_glued(word, text[start + len(word):]):
            yield start, word[:-1]  # a dash printed for a blank figure, glued to the label: "related party- 501,591"
            yield start + len(word) - 1, "-"
        else:
            yield from _unglued_figures(start, word)


def _dash_glued(word: str, after: str) -> bool:
    """A label's last word ending in a dash, a figure or another dash after it ("party- 501,591")."""
    return len(word) > 2 and word.endswith("-") and word[-2].isalpha() and re.match(r"\s+[-(\d$]", after) is not None


# figures with thousands separators run together or onto a label's last word, every separator
# of the rendering lost: "net7,090,854", "24,377,01921,685,542" (two figures)
_GROUPED = r"\(?\$?\(?\d{1,3}(?:,\d{3})+(?:\.\d+)?\)?"
_LABEL_THEN_FIGURES_RE = re.compile(rf"(?P<label>.*?(?:[a-z)\]]|[A-Z]{{3,}}))(?P<figures>(?:{_GROUPED})+)")  # "GMGI121,279,092"
_FIGURES_RE = re.compile(rf"(?:{_GROUPED})+")
# the next row's label glued after them too: "net1,097,7411,192,044Right", "23,98823,423Deferred"
_FIGURES_THEN_LABEL_RE = re.compile(rf"(?P<head>.*?(?:[a-z)\]]|[A-Z]{{3,}})?)(?P<figures>(?:{_GROUPED})+)(?P<next>[A-Z][a-z]+\S*)")


# a dash printed for a blank cell, glued between a label and a figure or a figure and the next
# label: "liabilities-512,137", "operations-(20,712)Accretion", "stock7,721-Tax"
_GLUED_DASH_RE = re.compile(rf"(?P<before>.*?(?:[a-z]|{_GROUPED}))-(?P<after>\(?\$?\d.*|[A-Z][a-z].*)")


def _unglued_figures(start: int, word: str) -> Iterator[tuple[int, str]]:
    at = 0
    if len(word) > 2 and word.endswith("$") and (word[-2].isalpha() or _LABEL_THEN_FIGURES_RE.fullmatch(word[:-1])):
        # the next figure's dollar sign glued on: "Diluted$", "GMGI$566,014$"
        yield from _unglued_figures(start, word[:-1])
        yield start + len(word) - 1, "$"
        return
    if (dash := _GLUED_DASH_RE.fullmatch(word)) and (dash["after"][:1].isupper() or dash["before"][-1:].isalpha()) and (
            _FIGURES_RE.search(dash["before"]) or _FIGURES_RE.match(dash["after"])):
        yield from _unglued_figures(start, dash["before"])
        yield start + dash.end("before"), "-"
        yield from _unglued_figures(start + dash.start("after"), dash["after"])
        return
    if (match := _FIGURES_THEN_LABEL_RE.fullmatch(word)) and not match["head"][-1:].isdigit():
        yield from _unglued_figures(start, word[:match.start("next")])
        yield from _unglued_figures(start + match.start("next"), match["next"])
        return
    if (match := _LABEL_THEN_FIGURES_RE.fullmatch(word)) and not match["label"][-1:].isdigit():
        yield start, match["label"]
        at = match.start("figures")
    if at or _FIGURES_RE.fullmatch(word):
        for figure in re.finditer(_GROUPED, word[at:]):
            yield start + at + figure.start(), figure[0]
        return
    yield start, word


def _body_tokens(text: str, pos: int) -> list[Tok]:
    toks: list[Tok] = []
    dollar: int | None = None
    for start, word in _words(text, pos):
        spans = None if word == "$" or is_rule(word) else split_values(word)
        trailing = None
        if spans is None and len(word) > 1 and word.endswith("$"):
            spans = split_values(word[:-1])
            trailing = start + len(word) - 1 if spans else None
        if word == "$" and dollar is None:
            dollar = start
            continue
        if dollar is not None and not spans:
            toks.append(Tok("word", "$", dollar))
        for i, (lo, hi) in enumerate(spans or []):
            first = dollar if (i == 0 and dollar is not None) else start + lo
            toks.append(Tok("value", text[first : start + hi], first))
        dollar = trailing
        if not spans:
            toks.append(Tok("rule" if is_rule(word) else "word", word, start))
    if dollar is not None:
        toks.append(Tok("word", "$", dollar))
    return toks


def _rows(toks: list[Tok], n: int, line: Line, path: str, at_eof: bool, notes: list[str]) -> list[Row]:
    """The rows of a flattened statement's body; a row printed with a blank cell, whose figures
    cannot be placed, is left out with a note (`notes`)."""
    rows: list[Row] = []
    words: list[Tok] = []
    run: list[Tok] = []
    where = f"{path}:{line.number}"
    for tok in toks:
        if tok.kind == "value":
            run.append(tok)
            continue
        if run and tok.kind == "word" and _inside_parentheses(words, run, tok):
            words += [Tok("word", t.text, t.start) for t in run]
        elif run and tok.kind == "word" and len(run) < n and words and _ends_row(words[-1], run, tok):
            label = " ".join(w.text for w in words)
            notes.append(f"row {label!r} ({where}, column {line.col(words[0].start)}) printed {len(run)} of {n} "
                         "figures and blank cells that text run onto one line does not show: not read")
            words = []
        elif run and tok.kind == "word" and len(run) < n and words and _unreadable_run(words[-1], run, tok):
            label = " ".join(w.text for w in words)
            notes.append(f"row {label!r} ({where}, column {line.col(words[0].start)}) printed figures run together "
                         f"({' '.join(t.text for t in run)}) that cannot be told apart: not read")
            words = []
        elif run and tok.kind == "word" and len(run) < n:
            words += [Tok("word", t.text, t.start) for t in run]
        elif run:
            rows += _emit(words, run, n, line, where)
            words = []
        run = []
        if tok.kind == "rule":
            rows.append(Row(line.number, rule=True, rule_kind=rule_kind(tok.text)))
        else:
            words.append(tok)
    if run:
        if len(run) < n:
            raise ExtractionError(f"table cut off: last row has {len(run)} of {n} values", where=where,
                                  code="xc:truncatedTable")
        rows += _emit(words, run, n, line, where)
    elif words and at_eof and not _is_caps(" ".join(w.text for w in words)):
        raise ExtractionError("table cut off in the middle of a row", where=where, code="xc:truncatedTable")
    return rows


def _inside_parentheses(words: list[Tok], run: list[Tok], nxt: Tok) -> bool:
    """Numbers inside a label's parenthesis, the word after them closing it: "Treasury stock, at
    cost (December 2024 – 59,796 shares)" (a date and a dash read as figures otherwise)."""
    text = " ".join(w.text for w in words)
    opened = text.count("(") > text.count(")")
    closes = ")" in nxt.text and "(" not in nxt.text.split(")")[0]
    return opened and closes and not any(")" in t.text for t in run)


def _ends_row(before: Tok, run: list[Tok], nxt: Tok) -> bool:
    """A run of fewer figures than columns closes a row (the next row's label starts after it)
    when they are amounts after a label's last word and a capitalised word follows: "... held by
    a related party) 24,370,509 Total current liabilities". Numbers inside a label stay in it:
    "$0.001 par value; 100,000,000 shares authorized" (a lower-case word follows), "par value
    $0.001; 10,000,000 Shares authorized" (a clause ends before them)."""
    amounts = all(re.search(r"[,.$()]", t.text) for t in run)
    ends_label = before.text[-1:].isalpha() or before.text.endswith(")")
    return amounts and ends_label and nxt.text[:1].isupper()


def _unreadable_run(before: Tok, run: list[Tok], nxt: Tok) -> bool:
    """Bare numbers after a label's last word, too few for the columns, a capitalised word after
    them: figures run together where no separator tells them apart ("Other income (expense)
    54 39151 70 Net loss": 39 and 151), not words of the label."""
    bare = len(run) >= 2 and all(re.fullmatch(r"\d+", t.text) and not YEAR_RE.fullmatch(t.text) for t in run)
    ends_label = before.text[-1:].isalpha() or before.text.endswith(")")
    return bare and ends_label and nxt.text[:1].isupper()


# figures run together where the second prints no thousands separator: "1,2341234" (which
# figure ends where cannot be read; "4,8773,522" is told apart by its separators, _unglued_figures)
_RUN_TOGETHER_RE = re.compile(r"\(?\$?\d{1,3}(?:,\d{3})*,\d{4,}")


def _emit(words: list[Tok], run: list[Tok], n: int, line: Line, where: str) -> list[Row]:
    together = next((w for w in words if _RUN_TOGETHER_RE.match(w.text)), None)
    if together is not None:  # which figure ends where cannot be read; its row would take the next row's
        raise ExtractionError(f"figures run together without a space ({together.text!r} at column "
                              f"{line.col(together.start)}): the rows cannot be told apart", where=where,
                              code="xc:columnMismatch")
    if len(run) < n:
        label = " ".join(w.text for w in words[-8:])
        raise ExtractionError(
            f"row {label!r} has {len(run)} values but the statement has {n} periods", where=where,
            code="xc:columnMismatch")
    extra, run = run[: len(run) - n], run[len(run) - n :]
    if extra and len(extra) % n == 0 and any(not re.fullmatch(r"\d+", t.text) for t in extra):
        # a row's figures, then a total printed without a label ("General and administrative
        # 1,330 1,241 4,559 3,785 6,373 8,643 19,686 19,890 Loss from operations ..."): the
        # label's row, and rows of the rest without one
        chunks = [(extra + run)[k:k + n] for k in range(0, len(extra) + n, n)]
        rows = _emit(words, chunks[0], n, line, where)
        for chunk in chunks[1:]:
            rows += _emit([], chunk, n, line, where)
        return rows
    if any(not re.fullmatch(r"\d+", t.text) for t in extra):
        raise ExtractionError(f"row has {len(extra) + n} values but the statement has {n} periods", where=where,
                              code="xc:columnMismatch")
    heads, label = _split_headings(words + [Tok("word", t.text, t.start) for t in extra])
    rows = [_label_row(h, line) for h in heads]
    row = _label_row(label, line)
    row.cells = [RawCell(t.text, line.number, line.col(t.start), i) for i, t in enumerate(run)]
    row.columns = list(row.cells)
    return rows + [row]


def _label_row(words: list[Tok], line: Line) -> Row:
    start = words[0].start if words else 0
    return Row(line.number, " ".join(w.text for w in words), line.col(start), source=line, label_index=start)


def _is_caps(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


# a stock caption's colon is not a heading's: "Common stock: $0.01 par value; 300,000,000 shares authorized"
_STATED_RE = re.compile(r"\$?\d[\d,.]*\s+(?:par|stated)\s+value\b", re.I)


def _split_headings(words: list[Tok]) -> tuple[list[list[Tok]], list[Tok]]:
    """Headings run into the label in flattened text: "ASSETS Current Assets: Cash ..."."""
    heads = []
    caps = 0
    while caps < len(words) and _is_caps(words[caps].text):
        caps += 1
    # not a total's label in capitals going on ("TOTAL LIABILITIES & CAPITAL/EQUITY")
    if 0 < caps < len(words) and words[0].text != "TOTAL" and words[caps].text.lower() not in ("&", "and"):
        heads.append(words[:caps])
        words = words[caps:]
    while True:
        colon = next((j for j, w in enumerate(words[:6]) if w.text.endswith(":")), None)
        if colon is None and _LONG_HEADING_RE.match(" ".join(w.text for w in words[:4])):
            colon = next((j for j, w in enumerate(words[:24]) if w.text.endswith(":")), None)
        if colon is None or colon == len(words) - 1 or _STATED_RE.match(" ".join(w.text for w in words[colon + 1:])):
            colon = _heading_phrase(words)  # "Operating expenses Selling, general and administrative"
            if colon is None:
                return heads, words
        heads.append(words[: colon + 1])
        words = words[colon + 1 :]


# a list's heading printed without a colon, run into the first label under it: no figures came
# between them, so the heading had none ("Operating expenses Selling, general and administrative
# expenses 26,681,869", "Interest expense Interest rate expense 1,200", "Loss Per Share - basic
# and diluted Loss from continuing operations ($0.01)")
_HEADING_PHRASE_RE = re.compile(
    r"(?:operating |total )?(?:costs and )?expenses|(?:net |operating )?revenues?|other income \(expense\)|other (?:income|expense)s?"
    r"|interest (?:income|expense)|non-?operating (?:income|expense)s?|current (?:assets|liabilities)|(?:non-?current )?(?:assets|liabilities)"
    r"|(?:net )?(?:income|loss|earnings|income \(loss\)|\(loss\) income) per (?:common )?share(?: ?[-–—]? ?basic and diluted)?"
    r"|weighted[- ]average (?:number of )?(?:common )?shares(?: outstanding)?"
    r"|liabilities and (?:stockholders|shareholders)['’]? (?:equity|deficit)(?: \(deficit\))?", re.I)
# a one-word heading run into the balance sheet's first label ("Assets Cash and cash equivalents"),
# not a label's own first word ("Assets held for sale", "Liabilities of discontinued operations")
_ONE_WORD_HEADING_RE = re.compile(r"assets|liabilities", re.I)
_LABEL_GOES_ON_RE = re.compile(r"held|of|related|subject|and|at|in|for|from|to|under", re.I)


# headings long enough to pass six words before their colon ("Adjustments to reconcile net (loss)
# income to net cash provided by (used in) operating activities - continuing operations:")
_LONG_HEADING_RE = re.compile(r"(?:adjustments to reconcile|reconciliation of|changes in (?:operating )?assets and|"
                              r"cash flows? (?:from|used in|provided by)|supplemental)\b", re.I)


def _heading_phrase(words: list[Tok]) -> int | None:
    """The index of the last word of a heading phrase opening `words` when a capitalised word
    follows it and more words follow that, else None."""
    for end in range(min(len(words) - 2, 8), 0, -1):
        phrase = " ".join(w.text for w in words[:end + 1])
        if _HEADING_PHRASE_RE.fullmatch(phrase) and words[end + 1].text[:1].isupper():
            return end
    if len(words) > 2 and _ONE_WORD_HEADING_RE.fullmatch(words[0].text) and words[1].text[:1].isupper() \
            and not _LABEL_GOES_ON_RE.fullmatch(words[1].text):
        return 0
    return None
