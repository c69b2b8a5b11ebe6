"""Rows -> LineItems: headings and sections, wrapped labels, rules, cells, label facts."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field, replace

from converter.errors import ExtractionError
from converter.model import SUBTOTAL, Cell, CellKind, LineItem, SourceRef

from .cells import MAX_INTEGER_DIGITS, heavier, oversized, parse_cell
from .dates import MONTH, YEAR_RE
from .labels import label_details
from .layout import RawCell, Row


def is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def is_heading(label: str) -> bool:
    """A label line printed as a heading: ending in a colon, or in capitals unless it breaks off
    mid-phrase ("CASH, CASH EQUIVALENTS, AND RESTRICTED CASH, BEGINNING OF" / "PERIOD")."""
    text = label.rstrip()
    return text.endswith(":") or (is_all_caps(label) and not _breaks_off(text))


def _breaks_off(text: str) -> bool:
    """A label line ending where a phrase cannot end: a comma or hyphen, or a joining word."""
    words = text.lower().split()
    return bool(words) and (text[-1] in ",;-&" or words[-1] in _CONNECTORS - {"net", "used"})


@dataclass
class _State:
    top: str | None = None
    subs: list[str] = field(default_factory=list)
    pending: list[Row] = field(default_factory=list)
    rule_above: bool = False

    top_open: bool = False  # the top heading was printed without a colon ("ASSETS")
    closed: str | None = None  # the last top heading a total row closed
    started: bool = False  # a line item has been read
    listing: bool = False  # the last line read was a heading ending in a colon, no line item since

    def heading(self, label: str) -> None:
        text = label.strip().rstrip(":").strip()
        listing = label.rstrip().endswith(":")
        if is_all_caps(label) and not (listing and self.top_open and not self.subs):
            self.top, self.subs, self.top_open = text, [], not listing
        elif self.top and self.top_open and not listing and _siblings(self.top, text):
            self.top, self.subs = text, []  # "Cash flows from investing activities" after "... operating activities"
        elif self.listing and self.subs:
            # a heading right under a heading that opens a list is the list's first heading
            # ("Per common share:" / "Net income available to common shareholders:" / "Basic")
            self.subs = [*self.subs, text]
        else:  # "CURRENT ASSETS:" under "ASSETS" is a subsection, as "Current assets:" is
            self.subs = [text]
        self.rule_above = False
        self.listing = listing

    def section(self) -> tuple[str, ...]:
        return ((self.top,) if self.top else ()) + tuple(self.subs)


def assemble(rows: list[Row], n: int, path: str, at_eof: bool) -> list[LineItem]:
    """Line items of one statement; `rows` have `columns` filled (n per row at most)."""
    state, items = _State(), []
    vocabulary = frozenset(w.lower() for row in rows for w in re.findall(r"[A-Za-z']+", row.label))
    under = False  # the last row read was a line item: a rule now is printed under its figures
    for row in rows:
        if row.rule_kind is not None and under and not row.label and not any(row.columns):
            items[-1] = replace(items[-1], rule_below=heavier(items[-1].rule_below, row.rule_kind))
        if row.blank:
            continue
        if not any(row.columns):
            if _DATES_ONLY_RE.fullmatch(row.label.strip()):
                continue  # "JULY 31,   APRIL 30,": the column headings printed again at a page break
            if under and items and not state.pending and _trails(row):
                # the end of the label above, wrapped below its figures ("Impairment of right-of-use
                # assets  3  --" / "and leasehold improvements")
                items[-1] = replace(items[-1], label=f"{items[-1].label} {row.label.strip()}")
                continue
            under = under and row.rule and not row.label
            _no_values(state, row)
            continue
        if _repeated_header(row):
            continue  # "(IN THOUSANDS)-UNAUDITED   2000   2000": the column headings printed again, not a line
        under = True
        # a row of values without a label closes the heading above it: under a rule, or right
        # after two or more rows of that heading (tables rendered without their rules)
        run = sum(1 for i in items[-2:] if i.section == state.section() and i.label)  # the last two rows
        unnamed = (not row.label and not state.pending
                   and (state.rule_above and bool(state.top or state.subs or state.closed or items)
                        or bool(state.subs or state.top) and run == 2))
        if unnamed:
            row.label = _unnamed_total(state, items)
        parts = state.pending + [row]
        state.pending = []
        *captions, parts = _captions(parts)
        for caption in captions:  # a caption printed without figures ("Preferred stock ... none issued")
            items.append(_item(caption, state, n, path, vocabulary))
        items.append(_item(parts, state, n, path, vocabulary))
        if unnamed and row.label:
            items[-1] = replace(items[-1], unnamed=True)
        elif not items[-1].label:  # figures under no label and no heading that names them
            items[-1] = replace(items[-1], label=SUBTOTAL, unnamed=True)
        state.started, state.listing = True, False
        if unnamed and not state.subs:
            state.top = None  # the unlabelled total under "ASSETS" closes it
        if _CLOSES_SUB_RE.match(row.label) and state.subs and not _PER_SHARE_RE.search(state.subs[-1]):
            state.subs.pop()  # (a per-share heading lists basic then diluted amounts, each with its total)
        elif state.top and not state.top_open and _closes(row.label, state.top):
            state.top, state.closed = None, state.top  # "Total" under "OPERATING EXPENSES:" ends that list
        elif state.top and state.top_open and not is_all_caps(state.top) and _names(row.label, state.top):
            state.top, state.closed = None, state.top  # "Total assets" ends the outer heading "Assets" (capitals keep theirs)
    if at_eof and state.pending:
        raise ExtractionError("table cut off in the middle of a row", where=f"{path}:{state.pending[-1].line}",
                              code="xc:truncatedTable")
    if at_eof and items and any(c.kind is CellKind.BLANK for c in items[-1].cells[-1:]):
        raise ExtractionError("table cut off: the last row is missing values", where=f"{path}:{rows[-1].line}",
                              code="xc:truncatedTable")
    return items


_DATES_ONLY_RE = re.compile(rf"(?:{MONTH}\s+\d{{1,2}},?(?:\s+(?:19|20)\d\d)?\s*){{2,}}", re.I)
_SCALE_LABEL_RE = re.compile(r"^\W*(?:\(?(?:in|amounts in|dollars in) (?:thousands|millions|billions)\b[^)]*\)?\W*)?"
                             r"(?:\(?unaudited\)?)?\W*$", re.I)


def _repeated_header(row: Row) -> bool:
    """A row whose figures are all years under a label that only states the scale or "unaudited"
    (or none): a header line printed among the rows, at a page break."""
    texts = [c.text.strip() for c in row.columns if c is not None]
    return (len(texts) >= 2 and all(YEAR_RE.fullmatch(t) for t in texts)
            and bool(_SCALE_LABEL_RE.match(row.label.strip())) and bool(re.search(r"[A-Za-z]", row.label)))


def _trails(row: Row) -> bool:
    """A label line without figures that can only end the label above it: it opens in lower case
    with a joining word ("and leasehold improvements", "of $12 and $10") and names no heading."""
    text = row.label.strip()
    words = text.split()
    return bool(words) and text[0].islower() and words[0] in _CONNECTORS and not text.endswith(":")


def _siblings(first: str, then: str) -> bool:
    """Two headings of the same form, the second replacing the first rather than nested under it:
    the same first two words and the same last word ("Cash flows from operating activities",
    "Cash flows from investing activities")."""
    a, b = first.lower().split(), then.lower().split()
    return len(a) >= 3 and len(b) >= 3 and a != b and a[:2] == b[:2] and a[-1] == b[-1]


# a total closes the heading its rows were listed under: "Total ...", and "Net change" after
# the parts of one component ("Available-for-sale debt securities:" / "Change in net unrealized
# gains" / "Less: reclassification adjustment" / "Net change")
_CLOSES_SUB_RE = re.compile(r"\s*(?:total\b|net(?: change)?(?:,? net of (?:income )?tax(?:es)?)?\s*$)", re.I)
_PER_SHARE_RE = re.compile(r"\bper\s+(?:common\s+|ordinary\s+)?share\b", re.I)


_LESS_RE = re.compile(r"\s*less\b", re.I)


def _unnamed_total(state: _State, items: list[LineItem]) -> str:
    """The name of a row of values printed without a label under a rule: the total of the
    heading it closes ("Total expenses" under "Expenses:"); after that heading's own total, the
    grand total of a balance sheet ("Total liabilities and stockholders' equity"); under a gross
    amount and its deduction, the net amount ("Property and equipment, net")."""
    if len(items) >= 2 and _LESS_RE.match(items[-1].label) and items[-2].label and not items[-2].label.lower().startswith("total"):
        return f"{items[-2].label}, net"  # "Property and equipment" / "Less accumulated depreciation" / (blank)
    heading = state.subs[-1] if state.subs else state.top or state.closed or ""
    name = heading.strip().rstrip(":").lower()
    last = items[-1].label.lower() if items else ""
    if last.startswith("total ") and (not name or last == f"total {name}"):
        closed = last[len("total "):]
        if re.search(r"equity|deficit|capital", closed) and "liabilities" not in closed:
            return f"Total liabilities and {closed}"
        return ""
    return f"Total {name}" if name else ""


def _closes(label: str, heading: str) -> bool:
    """A "Total" row naming a list heading printed with a colon ("Total", "Total operating expenses")."""
    words = label.lower().replace(":", " ").split()
    if not words or words[0] != "total":
        return False
    named = heading.lower().split()
    return len(words) == 1 or (bool(named) and named[-1] in words)


def _names(label: str, heading: str) -> bool:
    """A "Total" row naming every word of a heading ("Total assets" for "Assets")."""
    words = label.lower().replace(":", " ").split()
    named = heading.lower().split()
    return bool(words) and words[0] == "total" and bool(named) and all(w in words for w in named)


def _captions(parts: list[Row]) -> list[list[Row]]:
    """Label lines of fixed-width text split where a wrapped caption ends: after lines hanging
    under a caption's first line, a line back at that first line's indent that does not carry
    the one above on starts the next caption ("Serial preferred stock, $1.00" / "  par value;
    none issued" / "Common stock, $1.00 par value;" / "  9,894,380 shares outstanding  9,894").
    The captions before the last are rows without figures."""
    groups: list[list[Row]] = [[]]
    for part in parts:
        group = groups[-1]
        if (len(group) >= 2 and part.label and group[0].indent is not None and part.indent == group[0].indent
                and all(_hanging(group[0], p) for p in group[1:]) and not continues(group[-1].label, part.label)):
            groups.append([part])
        else:
            group.append(part)
    return groups


def _hanging(first: Row, then: Row) -> bool:
    """Fixed-width text: `then` is indented one or two characters under `first` (a wrapped line)."""
    return first.indent is not None and then.indent is not None and 0 < then.indent - first.indent <= 2


def _no_values(state: _State, row: Row) -> None:
    if row.rule:
        state.rule_above = True
    if not row.label:
        return
    if row.top and not state.pending and not row.label.rstrip().endswith(":"):
        state.top, state.subs, state.rule_above, state.top_open = row.label.strip(), [], False, True
        return
    if is_heading(row.label) and not state.pending:
        state.heading(row.label)
        return
    if is_heading(row.label) and (_hanging(state.pending[-1], row) or _wrapped_chain(state.pending, row)):
        # a heading wrapped with a hanging indent ("Non-interest" / " income:") is one heading,
        # over three lines too ("Weighted average" / "  shares" / "  outstanding:")
        joined = " ".join([p.label for p in state.pending] + [row.label])
        state.pending = []
        state.heading(joined)
        return
    if is_heading(row.label):
        for part in state.pending:  # "Assets" above "Current assets:" is the outer heading
            state.top, state.subs, state.rule_above = part.label.strip().rstrip(":").strip(), [], False
            state.top_open = True
        state.pending = []
        state.heading(row.label)
        return
    state.pending.append(row)


def _wrapped_chain(pending: list[Row], row: Row) -> bool:
    """Label lines hanging under the first one, each carrying the one above on, ending in `row`
    (in cells without indents, lines starting in lower case: "Weighted-average number of shares
    of common stock" / "outstanding used in computing per share amounts:")."""
    lines = [*pending, row]
    carried = all(continues(a.label, b.label) for a, b in zip(lines, lines[1:]))
    if all(line.indent is None for line in lines):  # cells without indents: a lower-case start carries on
        return carried and all(line.label.strip()[:1].islower() for line in lines[1:])
    return carried and all(_hanging(pending[0], later) for later in lines[1:])


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


# a line that is a whole heading of a statement's list is no label wrapped under a hanging
# indent, though the items under it are indented by as little ("Assets" / "  Current assets" /
# "    Cash and cash equivalents  $ 3,559"; "Basic" / "  Earnings per share")
_STANDARD_HEADING_RE = re.compile(
    r"((current|non-?current|long-term|other) )?(assets|liabilities)|(stock|share)holders['’]? (equity|investment|deficit)"
    r"|(total )?equity|revenues?|(costs and |operating )?expenses|costs and expenses|basic|diluted"
    r"|(earnings|income|\(loss\)|earnings/ ?\(loss\)|income \(loss\)) per (common )?share"
    r"|cash flows? (from|used in|provided by) (operating|investing|financing) activities|(operating|investing|financing) activities",
    re.I)


def _split_headings(parts: list[Row], state: _State) -> list[Row]:
    """Pending label lines split where a line does not carry on into the next: the runs before
    the last are headings (a run of two lines is one wrapped heading, or a text line such as
    "Shares issued: 2025 - 2,284,546,988" / "2024 - 2,279,164,313" above "Retained earnings");
    the last run is the row's label."""
    runs = _runs(parts)
    _take_headings(runs, state)
    return runs[-1]


def _runs(parts: list[Row]) -> list[list[Row]]:
    """Label lines grouped into runs, each a heading or the label, wrapped or not."""
    runs: list[list[Row]] = [parts[:1]]
    for part, after in zip(parts, parts[1:]):
        # a hanging indent of one or two characters carries a wrapped label on ("Federal Home" /
        # " Loan Bank stock"); deeper indents are items under a heading, and a whole standard
        # heading ("Assets" / "  Current assets") is no wrapped label
        indented = (part.indent is not None and after.indent is not None and 0 < after.indent - part.indent <= 2
                    and not _STANDARD_HEADING_RE.fullmatch(part.label.strip().rstrip(":").strip()))
        if part.label and after.label and not indented and not continues(part.label, after.label):
            runs.append([after])
        else:
            runs[-1].append(after)
    return runs


def _take_headings(runs: list[list[Row]], state: _State) -> None:
    """The runs before the last given to `state` as headings."""
    outer: list[Row] | None = None  # the run just taken as the outermost heading
    for run, inner in zip(runs[:-1], runs[1:]):
        label = " ".join(p.label.strip() for p in run if p.label)
        if not label:
            continue
        if outer is not None and _deeper(outer, run):
            state.subs, state.listing = [label.rstrip().rstrip(":").strip()], label.rstrip().endswith(":")
            outer = None  # "Current assets" indented under "Assets" is its subsection, not its sibling
            continue
        outer = None
        if not label.rstrip().endswith(":") and (
                (not state.started and state.top is None)
                or _STANDARD_HEADING_RE.fullmatch(label) and state.top is None and inner is not runs[-1]
                and _deeper(run, inner)):
            # the statement's first heading, printed without a colon ("Assets"), is outermost, as
            # a heading is that the next one is indented under ("Liabilities" / "  Current liabilities")
            state.top, state.subs, state.top_open, state.rule_above = label, [], True, False
            outer = run
            continue
        state.heading(label)


def _deeper(run: list[Row], inner: list[Row]) -> bool:
    return run[0].indent is not None and inner[0].indent is not None and inner[0].indent > run[0].indent


def _item(parts: list[Row], state: _State, n: int, path: str, vocabulary: frozenset[str] = frozenset()) -> LineItem:
    parts = _split_headings(parts, state)
    row = parts[-1]
    labelled = [p for p in parts if p.label]
    texts = _joined_texts(labelled, vocabulary)
    label = "".join(texts)
    first = labelled[0] if labelled else row
    cells = tuple(_cell(row.columns[i] if i < len(row.columns) else None, row, path) for i in range(n))
    item = LineItem(
        label=label,
        section=state.section(),
        cells=cells,
        source=SourceRef(path, first.line, first.label_col),
        rule_above=state.rule_above or row.rule_over,
        details=label_details(label, _locator(labelled, texts, path)),
        rule_below=row.rule_under,
    )
    state.rule_above = False
    return item


def _hyphenated(text: str) -> bool:
    """A label line broken inside a word ("Total liabili-" / "ties"): joined without a space."""
    return len(text) >= 2 and text[-1] == "-" and text[-2].isalpha()


def _cell(raw: RawCell | None, row: Row, path: str) -> Cell:
    if raw is None:
        return Cell("", CellKind.BLANK, None, SourceRef(path, row.line, 1))
    parsed = parse_cell(raw.text)
    if parsed is None:
        if oversized(raw.text):
            raise ExtractionError(f"number too large: {raw.text[:40]!r} (at most {MAX_INTEGER_DIGITS} digits)",
                                  where=f"{path}:{raw.line}:{raw.col}", code="xc:valueTooLarge")
        raise ExtractionError(f"unreadable value {raw.text[:80]!r}", where=f"{path}:{raw.line}",
                              code="xc:unreadableValue")
    return Cell(raw.text, parsed.kind, parsed.value, SourceRef(path, raw.line, raw.col), parsed.decimals,
                currency=raw.currency)


def _joined_texts(parts: list[Row], vocabulary: frozenset[str]) -> list[str]:
    """Each label line as it enters the joined label: a space before it, except after a word
    broken by a hyphen ("Total liabili-" / "ties"), whose hyphen is dropped when the whole word
    is printed elsewhere in the table ("liabilities") and kept otherwise ("Interest-bearing")."""
    out: list[str] = []
    for k, part in enumerate(parts):
        if k == 0:
            out.append(part.label)
            continue
        before = out[-1]
        if _hyphenated(before):
            head = re.findall(r"[A-Za-z']+$", before[:-1])
            tail = re.findall(r"^[A-Za-z']+", part.label)
            if head and tail and (head[0] + tail[0]).lower() in vocabulary:
                out[-1] = before[:-1]
            out.append(part.label)
        else:
            out.append(" " + part.label)
    return out


def _locator(parts: list[Row], texts: list[str], path: str):
    """Maps an offset in the joined label to the line and column it was printed at."""
    spans, offset = [], 0
    for part, text in zip(parts, texts):
        lead = len(text) - len(part.label) if text.startswith(" ") else 0
        spans.append((offset + lead, part))
        offset += len(text)

    starts = [start for start, _part in spans]

    def locate(pos: int) -> SourceRef:
        if not spans:
            return SourceRef(path, 1, 1)
        start, part = spans[max(bisect.bisect_right(starts, pos) - 1, 0)]  # the part the offset falls in
        if part.source is None:
            return SourceRef(path, part.line, part.label_col + pos - start)
        return SourceRef(path, part.line, part.source.col(part.label_index + pos - start))

    return locate
