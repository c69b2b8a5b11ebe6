"""The tagged lines of an Inline XBRL filing's financial statements, read without a taxonomy.

Each statement row of a company's own 10-Q/10-K is a printed label followed by `ix:nonFraction`
facts. This module reads, for every table that is one of the four statements the converter
tags (balance sheet, operations, cash flows, comprehensive income), each row's label, the
headings above it, its concept, its facts and the sign convention (does the fact store the
printed figure, or its opposite). Used by `xbrl-convert learn`, by the vocabulary harvest and
by the filings harness (scripts/evaluate_filings.py).

A table's statement is known from the concepts it carries (a balance sheet totals assets, a
cash-flow statement has net cash from operating activities ...), the first such table of each
kind being the statement itself (later ones are notes that repeat some lines).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path

from lxml import etree

from converter.dimensions import explicit
from converter.errors import InputError
from converter.extract.cells import parse_cell
from converter.filing import XBRLI, XbrlDocument, XbrlFact, _is_ix, _Reader, parse_xml, read_document
from converter.model import CellKind, Dimensions, Period, StatementKind

_HTML_NS = "http://www.w3.org/1999/xhtml"

# concepts that say what a table is (without dimensions); checked in this order
ANCHORS: tuple[tuple[StatementKind, frozenset[str]], ...] = (
    (StatementKind.CASH_FLOWS, frozenset({
        "us-gaap:NetCashProvidedByUsedInOperatingActivities",
        "us-gaap:NetCashProvidedByUsedInOperatingActivitiesContinuingOperations",
        "us-gaap:NetCashProvidedByUsedInInvestingActivities",
        "us-gaap:NetCashProvidedByUsedInFinancingActivities"})),
    (StatementKind.BALANCE_SHEET, frozenset({
        "us-gaap:LiabilitiesAndStockholdersEquity", "us-gaap:Assets", "us-gaap:AssetsCurrent",
        "us-gaap:LiabilitiesCurrent"})),
    (StatementKind.OPERATIONS, frozenset({
        "us-gaap:EarningsPerShareBasic", "us-gaap:EarningsPerShareDiluted",
        "us-gaap:EarningsPerShareBasicAndDiluted", "us-gaap:IncomeTaxExpenseBenefit",
        "us-gaap:OperatingIncomeLoss", "us-gaap:GrossProfit"})),
    (StatementKind.COMPREHENSIVE_INCOME, frozenset({
        "us-gaap:ComprehensiveIncomeNetOfTax",
        "us-gaap:ComprehensiveIncomeNetOfTaxIncludingPortionAttributableToNoncontrollingInterest",
        "us-gaap:OtherComprehensiveIncomeLossNetOfTax"})),
)
MIN_FACTS = 6  # fewer plain facts: a small note table, not a statement
UNIT_TYPES = {"iso4217:USD": "monetaryItemType", "xbrli:shares": "sharesItemType",
               "iso4217:USD/xbrli:shares": "perShareItemType"}


@dataclass(frozen=True)
class TaggedFact:
    """One fact of a statement row: its period, the value it stores and the figure as printed
    (unscaled, negative when printed in parentheses)."""

    period: Period
    value: Decimal
    printed: Decimal
    unit: str


@dataclass(frozen=True)
class TaggedLine:
    """One tagged row of a filing's statement."""

    label: str
    statement: StatementKind
    section: tuple[str, ...]  # headings above the row, outermost first
    concept: str  # "us-gaap:Revenues", or the company's own "nflx:ContentAssetsNet"
    sign: str  # "as-printed" | "negated" | "deduction" (stores the size of a printed negative)
    item_type: str  # monetaryItemType | sharesItemType | perShareItemType | other
    period_type: str  # instant | duration
    opening: bool  # an instant taken at the start of the column's period ("beginning of period")
    facts: tuple[TaggedFact, ...]
    where: str  # file:line of the row
    # explicit dimensions of the row's facts (a product line's revenue: srt:ProductOrServiceAxis =
    # us-gaap:ServiceMember); () for the statement's plain lines
    dimensions: Dimensions = ()
    # the company prints a dash in a column of this row and tags nothing there (an untagged "-"),
    # where others tag a dash as zero
    dash_untagged: bool = False


@dataclass(frozen=True)
class FilingStatements:
    path: str
    cik: str | None
    lines: tuple[TaggedLine, ...]
    company: str  # dei:EntityRegistrantName ("" when not tagged)
    document: XbrlDocument
    # US-GAAP concepts of the figures the statements state inside their labels ("Treasury stock,
    # at cost - 2,736 and 2,738 shares": us-gaap:TreasuryStockCommonShares), sorted
    label_concepts: tuple[str, ...] = ()


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _text(el: etree._Element) -> str:
    return " ".join("".join(el.itertext()).replace("\xa0", " ").split())


def _cells(row: etree._Element) -> list[etree._Element]:
    return [c for c in row if _local(c) in ("td", "th")]


_NUMBERISH = re.compile(r"^[\s$€£()\-—–.,%0-9]*$")


NO_LABEL = "(no label)"  # the label a map gives a tagged row printed without one


def _label(cells: list[etree._Element]) -> tuple[str, int]:
    """The row's label and the index of its cell (-1 when the row has none)."""
    for index, cell in enumerate(cells):
        text = _text(cell)
        if text and not _NUMBERISH.match(text):
            return text, index
    return "", -1


_PERIOD_HEADING = re.compile(r"\b(?:ended|months|weeks|quarter|year|as of|fiscal)\b|\b(?:19|20)\d\d\b", re.I)


def _printed_negative(cells: list[etree._Element], index: int, fact_el: etree._Element) -> bool:
    """Is the figure printed in parentheses (in its cell or the cells around it)?"""
    before = "".join(_text(c) for c in cells[max(0, index - 1):index])
    cell_text = "".join(cells[index].itertext())
    shown = "".join(fact_el.itertext())
    at = cell_text.find(shown)
    inside_before, inside_after = (cell_text[:at], cell_text[at + len(shown):]) if at >= 0 else ("", "")
    after = "".join(_text(c) for c in cells[index + 1:index + 2])
    opened = "(" in inside_before or before.rstrip().endswith("(") or before.strip() in ("$(", "(")
    closed = ")" in inside_after or after.lstrip().startswith(")")
    return opened and closed


def _ix_facts(row: etree._Element) -> list[tuple[int, etree._Element]]:
    out = []
    for i, cell in enumerate(_cells(row)):
        for el in cell.iter():
            if _is_ix(el, "nonFraction"):
                out.append((i, el))
    return out


def statement_kind(concepts: set[str]) -> StatementKind | None:
    for kind, anchors in ANCHORS:
        if concepts & anchors:
            return kind
    return None


def sign_of(pairs: list[tuple[Decimal, Decimal]]) -> str:
    """as-printed when the stored value follows the printed sign, negated when it is the
    opposite, deduction when a printed negative is stored as its size (and positives as is)."""
    votes: Counter[str] = Counter()
    for value, printed in pairs:
        if value == 0 or printed == 0:
            continue
        if (value > 0) == (printed > 0):
            votes["as-printed"] += 1
        else:
            votes["negated"] += 1
    if votes["as-printed"] and votes["negated"]:
        return "deduction" if all(v >= 0 for v, _ in pairs) else "as-printed"
    return "negated" if votes["negated"] else "as-printed"


class _TableReader:
    def __init__(self, path: Path, root: etree._Element) -> None:
        self.path = path
        # the filing reader's own fact reading (scale, sign, formats), element by element
        self.reader = _Reader(path, root, inline=True)
        self.contexts = {c.get("id"): self.reader._context(c) for c in root.iter(f"{{{XBRLI}}}context")}
        self.units = {u.get("id"): self.reader._unit(u) for u in root.iter(f"{{{XBRLI}}}unit")}
        self.label_concepts: set[str] = set()  # of figures stated inside the label cells of statement rows

    def fact(self, el: etree._Element) -> XbrlFact | None:
        try:
            return self.reader._fact(el, True, self.contexts, self.units)
        except (ValueError, InvalidOperation):
            return None

    def read(self, table: etree._Element, follows: StatementKind | None = None
             ) -> tuple[StatementKind | None, list[TaggedLine]]:
        """The statement a table is and its tagged lines; a table of no statement's own (none of
        its concepts names one) is read as `follows`, the statement printed right before it."""
        rows = [r for r in table.iter() if _local(r) == "tr"]
        plain: list[tuple[etree._Element, list[tuple[int, XbrlFact, etree._Element]]]] = []
        concepts: set[str] = set()
        count = 0
        for row in rows:
            facts = []
            for index, el in _ix_facts(row):
                fact = self.fact(el)
                if fact is None or not isinstance(fact.value, Decimal) or not explicit(fact.dimensions):
                    continue
                facts.append((index, fact, el))
                if not fact.dimensions:  # what the table is, is told by its plain facts
                    concepts.add(fact.concept)
                    count += 1
            plain.append((row, facts))
        kind = (statement_kind(concepts) or follows) if count >= MIN_FACTS else None
        if kind is None:
            return None, []
        columns: dict[int, Counter[Period]] = {}
        for _, facts in plain:
            for index, f, _ in facts:
                if f.period.start is not None and not f.dimensions:
                    columns.setdefault(index, Counter())[f.period] += 1
        durations = {index: counter.most_common(1)[0][0] for index, counter in columns.items()}
        return kind, self._lines(kind, plain, durations)

    def _lines(self, kind: StatementKind, plain: list, durations: dict[int, Period]) -> list[TaggedLine]:
        lines: list[TaggedLine] = []
        headings: list[str] = []
        for row, facts in plain:
            cells = _cells(row)
            label, at = _label(cells)
            self.label_concepts.update(f[1].concept for f in facts if f[0] == at and f[1].concept.startswith("us-gaap:")
                                       and not f[1].dimensions)
            facts = [f for f in facts if f[0] != at]  # figures stated inside the label (par values, taxes)
            if not facts:
                numbers = any(re.search(r"\d", _text(c)) for c in cells[at + 1:]) if at >= 0 else True
                if label and not numbers and not _PERIOD_HEADING.search(label):
                    headings = _push_heading(headings, label)
                continue
            if not label:
                # a subtotal printed without a label (Boeing's gross profit), its figures in columns of
                # their own: known by figures and place; a line of text that is only a figure
                # ("2024 - 2,279,164,313" under "Shares issued: 2025 - ...") is no statement row
                if len({f[0] for f in facts}) < 2 or any(f[0] == 0 for f in facts):
                    continue
                label = NO_LABEL
            by_tag: dict[tuple[str, Dimensions], list[tuple[int, XbrlFact, etree._Element]]] = {}
            for item in facts:
                by_tag.setdefault((item[1].concept, item[1].dimensions), []).append(item)
            for (concept, dimensions), items in by_tag.items():
                line = self._line(kind, label, tuple(headings), concept, cells, items, durations, row)
                lines.append(replace(line, dimensions=dimensions) if dimensions else line)
            if label.lower().startswith("total") and any(not f[1].dimensions for f in facts):
                headings = headings[:-1]
        return lines

    def _line(self, kind, label, section, concept, cells, items, durations, row) -> TaggedLine:
        tagged: list[TaggedFact] = []
        for index, fact, el in items:
            shown = _shown_value(el)
            printed = -shown if _printed_negative(cells, index, el) else shown
            tagged.append(TaggedFact(fact.period, fact.value, printed, fact.unit or ""))
        units = Counter(f.unit for f in tagged)
        unit = units.most_common(1)[0][0]
        instant = all(f.period.start is None for f in tagged)
        # "at beginning of period": each instant is the day before its column's period starts
        column_starts = [durations[index].start if index in durations else None for index, _, _ in items]
        opening = instant and all(start is not None and f.period.end == start - timedelta(days=1)
                                  for f, start in zip(tagged, column_starts))
        return TaggedLine(
            label=label, statement=kind, section=section, concept=concept,
            sign=sign_of([(f.value, f.printed) for f in tagged]),
            item_type=UNIT_TYPES.get(unit, "other"), period_type="instant" if instant else "duration",
            opening=opening, facts=tuple(tagged), where=f"{self.path.name}:{row.sourceline}",
            dash_untagged=_untagged_dash(cells))


def _untagged_dash(cells: list[etree._Element]) -> bool:
    """Does the row print a dash (as the release reader reads one) in a cell holding no Inline
    XBRL fact?"""
    return any((cell := parse_cell(_text(c))) is not None and cell.kind is CellKind.DASH
               and not any(_local(el) == "nonFraction" for el in c.iter()) for c in cells)


def _push_heading(headings: list[str], label: str) -> list[str]:
    """A heading ending in a colon is a subsection of a title-like heading above it; any other
    heading starts a new outer section."""
    if label.endswith(":") and headings and not headings[-1].endswith(":"):
        return [headings[-1], label]
    if label.endswith(":") and len(headings) > 1:
        return [headings[0], label]
    return [label]


def _shown_value(el: etree._Element) -> Decimal:
    text = "".join(el.itertext()).strip()
    cleaned = re.sub(r"[^0-9.]", "", text)
    try:
        return Decimal(cleaned) if cleaned else Decimal(0)
    except InvalidOperation:
        return Decimal(0)


def read_filing_statements(path: Path) -> FilingStatements:
    """The tagged statement lines of an Inline XBRL filing, or of an XBRL instance read with the
    company's own linkbases (converter/instance_tables.py). Raises InputError."""
    root = parse_xml(path)
    document = read_document(path, root)
    lines: list[TaggedLine] = []
    if document.kind != "inline":  # an XML instance: labels and statements from the company's linkbases
        from converter.instance_tables import read_instance_statements

        lines.extend(read_instance_statements(path, root, document))
    else:
        reader = _TableReader(path, root)
        seen: set[StatementKind] = set()
        last: StatementKind | None = None
        previous: StatementKind | None = None  # what the table right before this one was read as
        tables = list(root.iter(f"{{{_HTML_NS}}}table", "table"))
        gaps = _text_between(root, tables)
        for k, table in enumerate(tables):
            # a table printed right under a statement's (its supplemental data) may go on with it
            right_after = last if k and gaps[k] <= _NEXT_TO and previous is last else None
            kind, table_lines = reader.read(table, follows=right_after)
            previous = kind
            if kind is None:
                continue
            if kind in seen and not (kind is last and _continues(lines, table_lines)):
                continue  # a later table of a statement already read: a note repeating some lines
            seen.add(kind)
            last = kind
            lines.extend(table_lines)
    company = next((str(f.value) for f in document.facts if f.concept == "dei:EntityRegistrantName" and f.value), "")
    labelled = tuple(sorted(reader.label_concepts)) if document.kind == "inline" else ()
    return FilingStatements(path=str(path), cik=_cik(document), lines=tuple(lines), company=company,
                            document=document, label_concepts=labelled)


_NEXT_TO = 300  # characters of text at most between a statement's table and the one going on with it


def _text_between(root: etree._Element, tables: list[etree._Element]) -> list[int]:
    """For each table, the characters of text printed between the end of the table before it
    and its start (a page footer, a heading), spaces left out; the first table's is its start."""
    position, starts, ends = 0, {}, {}
    wanted = {id(t) for t in tables}
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            if id(el) in wanted:
                starts[id(el)] = position
            position += len("".join((el.text or "").split())) if isinstance(el.tag, str) else 0
        else:
            if id(el) in wanted:
                ends[id(el)] = position
            position += len("".join((el.tail or "").split()))
    return [starts[id(t)] - (ends[id(tables[k - 1])] if k else 0) for k, t in enumerate(tables)]


def _continues(lines: list[TaggedLine], table_lines: list[TaggedLine]) -> bool:
    """The table goes on with the statement read just before it (a balance sheet printed over
    two pages: assets, then liabilities and equity): it tags none of the concepts already read
    for that statement, for the same periods."""
    kind = table_lines[0].statement if table_lines else None
    before = [line for line in lines if line.statement is kind and not line.dimensions]
    table_lines = [line for line in table_lines if not line.dimensions]
    concepts = {line.concept for line in before}
    periods = {f.period for line in before for f in line.facts}
    # a balance at the end of the columns' periods (cash at the end of the year in a statement of
    # cash flows going on over a page) is in the same columns
    periods |= {Period(p.end) for p in periods if not p.is_instant}
    return bool(before) and all(line.concept not in concepts for line in table_lines) and all(
        f.period in periods for line in table_lines for f in line.facts if not line.opening)


def _cik(document: XbrlDocument) -> str | None:
    for fact in document.facts:
        if fact.concept == "dei:EntityCentralIndexKey" and isinstance(fact.value, str) and fact.value.isdigit():
            return fact.value.zfill(10)
    digits = [e for e in document.entities if e.isdigit()]
    return digits[0].zfill(10) if digits else None


__all__ = ["NO_LABEL", "FilingStatements", "TaggedFact", "TaggedLine", "read_filing_statements"]
