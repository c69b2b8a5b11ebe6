"""The company extension taxonomy of a converted release.

`build_extension(mapped, table)` returns the mapped release with facts for extension concepts
added, and the `ExtensionTaxonomy` (schema + presentation, calculation, label linkbases) that the
instance points at (serialize(mapped, extension)).

Names:
* prefix: the ticker in lower case, else the letters of the first word of the company name;
* files: <prefix>-<period end yyyymmdd>.xsd, and _pre.xml, _cal.xml, _lab.xml next to it;
* namespace: http://xbrl-convert.org/<prefix>/<period end yyyymmdd> (another base than
  http://xbrl-convert.org with `convert --namespace URL`); role URIs are
  <namespace>/role/<RoleName> (BalanceSheet, BalanceSheetParenthetical, StatementOfOperations,
  DocumentAndEntityInformation);
* the period end is the document's period end (dei:DocumentPeriodEndDate).

Roles: a cover role with the dei facts, one role per statement reproducing its order and headings
(headings are extension abstracts, e.g. cpst:CurrentAssetsAbstract, under a root abstract named
after the statement title), and a balance-sheet parenthetical role with the facts stated in labels.

Calculation 1.1 arcs come from converter.checks.summations (the rows each subtotal and total adds
up) with weights from the concepts' balances (-1 when a part's balance differs from its total's:
treasury stock under equity, cost of goods under gross profit, interest expense). A total gets
arcs only when every part is tagged (mapped or an extension concept) and monetary, at most once
per role.

Labels: the release's wording is the standard label of every concept shown. A row whose printed
sign differs from the stored value (a `sign: deduction` concept printed in parentheses:
treasury stock, interest expense) also gets a negated label, used as the presentation arc's
preferredLabel. Rows whose stored value has the printed sign ("Net loss (9,911)" stored as
-9911000) keep the standard label, so that a viewer shows them as printed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from decimal import Decimal

from converter.checks import statement_totals, summations
from converter.structure import holds
from converter.concepts import ConceptEntry, ConceptTable, DashRule, Sign, normalize_label
from converter.errors import ConfigError
from converter.dimensions import families, with_extension_dimensions
from converter.fallback import implied_item_type
from converter.linkbases import (PERIOD_END_LABEL, PERIOD_START_LABEL, PresentationRow, RolePlan, Summation,
                                TaxonomyPlan, files)
from converter.map import cell_fact, document_period, match_line_item, stored_value
from converter.model import (
    Period,
    CellKind,
    ExtensionConcept,
    ExtensionTaxonomy,
    Fact,
    LineItem,
    MappedRelease,
    Statement,
    StatementKind,
)

EXTENSION_RULE = "extension concept: no US-GAAP element fits"
NAMESPACE_BASE = "http://xbrl-convert.org"  # default; `convert --namespace URL` sets another base
_ABSOLUTE_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s#<>\"{}|\\^`]+")
_RESERVED_PREFIXES = {"us-gaap", "dei", "xbrli", "link", "xlink", "xsi", "iso4217", "xs", "xml", "dtr-types"}

DEI_LABELS = {
    "dei:EntityRegistrantName": "Entity Registrant Name",
    "dei:EntityCentralIndexKey": "Entity Central Index Key",
    "dei:TradingSymbol": "Trading Symbol",
    "dei:DocumentType": "Document Type",
    "dei:DocumentPeriodEndDate": "Document Period End Date",
    "dei:DocumentFiscalYearFocus": "Document Fiscal Year Focus",
    "dei:DocumentFiscalPeriodFocus": "Document Fiscal Period Focus",
    "dei:AmendmentFlag": "Amendment Flag",
}

_DETAIL_WORDS = {
    "allowance": "allowance",
    "par_value": "par value",
    "shares_authorized": "shares authorized",
    "shares_issued": "shares issued",
    "shares_outstanding": "shares outstanding",
    "treasury_shares": "shares",
}

# Balance of an operations row from its wording: the first of these words in the label (then in
# its headings, innermost first) decides.
_DEBIT_WORDS = re.compile(r"\b(expenses?|costs?|loss(es)?|charges?|impairments?|provision|taxes|depreciation|"
                          r"amortization|write-?(offs?|downs?))\b")
_CREDIT_WORDS = re.compile(r"\b(income|gains?|revenues?|sales|profit|earnings|benefit)\b")


# ---- names ---------------------------------------------------------------------------------


def extension_prefix(mapped: MappedRelease) -> str:
    """The company's ticker in lower case (printed, else the registry's for its CIK), as the
    EDGAR Filer Manual recommends; else the first word of its name."""
    info = mapped.release.info
    text = (info.ticker or "").lower()
    if not re.fullmatch(r"[a-z][a-z0-9]*", text):
        text = re.sub(r"[^a-z0-9]", "", (mapped.ticker or "").lower())
    if not re.fullmatch(r"[a-z][a-z0-9]*", text):
        words = (mapped.entity_name or info.company_name or "").split()
        text = re.sub(r"[^a-z]", "", words[0].lower()) if words else ""
    text = text[:12] or "company"
    return text + "x" if text in _RESERVED_PREFIXES or text.startswith("xml") else text


def period_end(mapped: MappedRelease) -> date:
    info = mapped.release.info
    if info.period_end:
        return info.period_end
    period = document_period(mapped.release)
    if period is not None:
        return period.end
    raise ValueError("the release has no period end")


def upper_camel(text: str) -> str:
    """An NCName in UpperCamelCase from label words: "Gain on sale of patents" -> GainOnSaleOfPatents."""
    words = re.findall(r"[A-Za-z0-9]+", normalize_label(text).replace("'", ""))
    name = "".join(w[:1].upper() + w[1:] for w in words)[:120] or "Item"
    return name if name[0].isalpha() else "N" + name


class _Names:
    """Unique local names; a `line` (statement kind, name, section) given again from another table
    of no common period (a statement printed as a quarter's table and a year-to-date table) gets
    the name it got there: one concept for one line."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.lines: dict[tuple, tuple[str, int, frozenset[Period]]] = {}

    def __call__(self, base: str, line: tuple | None = None, table: int = -1,
                 periods: frozenset[Period] = frozenset()) -> str:
        if line is not None and (seen := self.lines.get(line)) is not None:
            name, where, when = seen
            if where != table and not (when & periods):
                return name
        name, n = base, 1
        while name in self.used:
            n += 1
            name = f"{base}{n}"
        self.used.add(name)
        if line is not None:
            self.lines.setdefault(line, (name, table, periods))
        return name


def _title(text: str) -> str:
    small = {"and", "of", "or", "the", "in", "for", "to", "a", "an", "on"}
    words = text.split()
    return " ".join(w.lower() if i and w.lower() in small else w[:1].upper() + w[1:].lower()
                    for i, w in enumerate(words))


# ---- extension concepts ----------------------------------------------------------------------


def _printed_values(item: LineItem) -> list[Decimal]:
    return [c.value for c in item.cells if c.kind is CellKind.NUMBER and c.value is not None]


def _wording_balance(kind: StatementKind, item: LineItem) -> str | None:
    """Balance sheet: under an ASSETS heading debit, under liabilities or equity credit.
    Operations: the first money word of the label, else of its headings (innermost first):
    expense/cost/loss/charge/tax... -> debit, income/gain/revenue/sales/profit -> credit."""
    if kind is StatementKind.BALANCE_SHEET:
        for heading in item.section:
            h = normalize_label(heading)
            if "asset" in h and "liabilit" not in h:
                return "debit"
            if "liabilit" in h or "equity" in h or "deficit" in h:
                return "credit"
    for text in (item.label, *reversed(item.section)):
        t = normalize_label(text)
        debit, credit = _DEBIT_WORDS.search(t), _CREDIT_WORDS.search(t)
        if debit or credit:
            if debit and credit:
                return "debit" if debit.start() < credit.start() else "credit"
            return "debit" if debit else "credit"
    return None


def _entry(name: str, kind: StatementKind, item: LineItem, balance: str | None,
           sign: Sign = Sign.AS_PRINTED, dash: DashRule = DashRule.ZERO) -> ConceptEntry:
    item_type = implied_item_type(item)
    return ConceptEntry(
        concept=name, item_type=item_type,
        period_type="instant" if kind is StatementKind.BALANCE_SHEET else "duration",
        balance=balance if item_type == "monetaryItemType" else None,
        statement=kind, section=None, labels=(), total=normalize_label(item.label).startswith("total "),
        sign=sign if sign is Sign.NEGATED else Sign.AS_PRINTED, dash=dash, never_negative=False,
        detail=None, detail_of=())


def _statement_entries(table: ConceptTable, statement: Statement, prefix: str,
                       names: _Names) -> list[tuple[LineItem, ConceptEntry, str | None]]:
    """(row, entry, the rule of its extension concept or None) for every row of a statement. Extension entries store the printed
    sign, or its opposite where the company stores the line's figures so (a row named after the
    company's own extension concept); a row stored negative takes the balance of the total it adds
    into (so that weight +1 lets its sign do the subtracting), else the opposite of its wording's balance."""
    rows: list[tuple[LineItem, ConceptEntry, str | None]] = []
    for item in statement.items:
        entry = match_line_item(table, statement.kind, item).entry
        if entry is not None:
            rows.append((item, entry, None))
            continue
        named = getattr(table, "extension_name", lambda _k, _i: None)(statement.kind, item)
        base = named.name if named else upper_camel(item.label)
        name = f"{prefix}:{names(base, (statement.kind, base, item.section), id(statement), frozenset(statement.periods))}"
        sign = named.sign if named else Sign.AS_PRINTED
        dash = DashRule.UNTAGGED if named and named.dash_untagged else DashRule.ZERO
        rows.append((item, _entry(name, statement.kind, item, _wording_balance(statement.kind, item), sign, dash),
                     named.rule if named else EXTENSION_RULE))
    negative = {id(item) for item, entry, ext in rows if ext and entry.balance
                and (vals := [-v if entry.sign is Sign.NEGATED else v for v in _printed_values(item)])
                and all(v <= 0 for v in vals) and any(v < 0 for v in vals)}
    if not negative:
        return rows
    totals: dict[int, ConceptEntry] = {}
    for _total_item, total_entry, parts in summations([(i, e) for i, e, _ in rows]):
        for part_item, _e in parts:
            totals.setdefault(id(part_item), total_entry)
    out = []
    for item, entry, ext in rows:
        if id(item) in negative:
            total = totals.get(id(item))
            flipped = {"debit": "credit", "credit": "debit"}[entry.balance or "debit"]
            balance = total.balance if total is not None and total.balance else flipped
            entry = replace(entry, balance=balance)
        out.append((item, entry, ext))
    return out


# ---- plan ----------------------------------------------------------------------------------


_ROLE_NAMES = {StatementKind.BALANCE_SHEET: "BalanceSheet", StatementKind.OPERATIONS: "StatementOfOperations",
               StatementKind.CASH_FLOWS: "StatementOfCashFlows",
               StatementKind.COMPREHENSIVE_INCOME: "StatementOfComprehensiveIncome"}
# Statements whose totals get calculation arcs from converter.checks.summations (weights from
# balances). Cash flows and comprehensive income add up as printed, not by balance: no arcs yet.
CALCULATED_STATEMENTS = (StatementKind.BALANCE_SHEET, StatementKind.OPERATIONS)


def _period_role(statement: Statement, item: LineItem, entry: ConceptEntry) -> str:
    """The label role of a balance printed in a statement of durations: at the start of each
    period ("Cash at beginning of period") or at its end ("Cash at end of period"); "" otherwise."""
    if entry.period_type != "instant" or all(p.start is None for p in statement.periods):
        return ""
    durations = [p for p in statement.periods if p.start is not None]
    label = normalize_label(item.label)
    opening = entry.is_opening(label) or all(entry.is_opening(label, p) for p in durations)
    return PERIOD_START_LABEL if opening else PERIOD_END_LABEL


def _negated(item: LineItem, entry: ConceptEntry) -> bool:
    """The row shows a figure whose printed sign differs from the value stored (treasury stock
    printed "(868)", a loss printed "9,911")."""
    return any((v < 0) != (stored_value(v, entry, item) < 0) for v in _printed_values(item) if v != 0)


def _detail_label(item: LineItem, kind: str) -> str:
    head = re.split(r"[,;]", item.label, maxsplit=1)[0].strip()
    words = _DETAIL_WORDS.get(kind, kind.replace("_", " "))
    if kind == "allowance":  # the label's own words: "allowance for doubtful accounts and sales returns"
        found = re.search(r"allowances?\b[^$\d,;]*?(?=\s+(?:of|at)\b|[$\d,;]|$)", item.label, re.IGNORECASE)
        words = found.group(0).strip() if found else words
    return f"{head}, {words}"


def check_namespace_base(base: str) -> str:
    """The extension namespace base `base` without a trailing slash; ConfigError unless it is an
    absolute URI (a scheme, no spaces or fragment; a host for http and https)."""
    from urllib.parse import urlsplit

    text = base.strip().rstrip("/")
    parts = urlsplit(text) if _ABSOLUTE_URI.fullmatch(text) else None
    if parts is None or (parts.scheme.lower() in ("http", "https") and not parts.netloc):
        raise ConfigError(f"the extension namespace must be an absolute URI such as https://www.example.com/xbrl, "
                          f"got {base!r}")
    return text


def build_extension(mapped: MappedRelease, table: ConceptTable,
                    namespace_base: str = NAMESPACE_BASE) -> tuple[MappedRelease, ExtensionTaxonomy]:
    """The extension taxonomy of a release; its namespace is <namespace_base>/<prefix>/<period end>."""
    release = mapped.release
    table = table.for_release(release)
    prefix = extension_prefix(mapped)
    end = period_end(mapped)
    namespace = f"{namespace_base}/{prefix}/{end:%Y%m%d}"
    schema_file = f"{prefix}-{end:%Y%m%d}.xsd"
    names = _Names()
    declared: set[str] = set()
    tagged = {f.concept for f in mapped.facts}

    labels: dict[str, str] = {}
    abstracts: list[tuple[str, str]] = []
    heading_keys: dict[tuple[str, ...], str] = {}
    roles: list[RolePlan] = []
    concepts: list[ExtensionConcept] = []
    new_facts: dict[int, list[Fact]] = {}  # statement index -> extension facts
    ext_periods: set[tuple[str, Period]] = set()
    ext_decisions: dict[tuple[str, str, StatementKind], tuple[str, str]] = {}  # -> (concept, rule)
    used_roles: _Names = _Names()

    def abstract(text: str, label_text: str) -> str:
        name = f"{prefix}:{names(upper_camel(text) + 'Abstract')}"
        abstracts.append((name, label_text))
        labels.setdefault(name, label_text)
        return name

    def headings(rows: list[PresentationRow]) -> None:
        for row in rows:
            for depth in range(1, len(row.section) + 1):
                key = row.section[:depth]
                if key not in heading_keys:
                    heading_keys[key] = abstract(row.section[depth - 1], row.section[depth - 1])

    # cover
    dei = [f for f in mapped.facts if f.concept.startswith("dei:")]
    if dei:
        cover = "DocumentAndEntityInformation"
        used_roles(cover)
        rows = [PresentationRow(c) for c in dict.fromkeys(f.concept for f in dei)]
        for row in rows:
            labels.setdefault(row.concept, DEI_LABELS.get(row.concept, row.concept.split(":", 1)[1]))
        roles.append(RolePlan(cover, "000100 - Document - Document and Entity Information",
                              abstract("DocumentAndEntityInformation", "Document and Entity Information"),
                              tuple(rows)))

    number = 100000
    for index, statement in enumerate(release.statements):
        role_name = used_roles(_ROLE_NAMES.get(statement.kind) or "Statement" + upper_camel(statement.kind.value))
        # a row tagged with the company's dimensions (a product line's revenue) is no line of the
        # statement's own presentation or calculations: its concept is the total's
        entries = [e for e in _statement_entries(table, statement, prefix, names) if not e[1].dimensions]
        rows = []
        for item, entry, ext in entries:
            labels.setdefault(entry.concept, item.label)
            rows.append(PresentationRow(entry.concept, item.section, _negated(item, entry),
                                        _period_role(statement, item, entry), item.label))
            if ext:
                if entry.concept not in declared:  # one line printed in two tables is one concept
                    declared.add(entry.concept)
                    concepts.append(ExtensionConcept(entry.concept, entry.item_type, entry.period_type,
                                                     entry.balance, item.label, item.source))
                ext_decisions[(item.label, str(item.source), statement.kind)] = (entry.concept, ext)
                facts = [cell_fact(entry, statement, item, cell, period)
                         for cell, period in zip(item.cells, statement.periods)]
                for fact in facts:  # two columns of one period (a repeated column): the first is the fact
                    if fact is not None and (fact.concept, fact.period) not in ext_periods:
                        ext_periods.add((fact.concept, fact.period))
                        new_facts.setdefault(index, []).append(fact)
                tagged.add(entry.concept)
        headings(rows)
        sums = _summations(statement.kind, entries, tagged) if statement.kind in CALCULATED_STATEMENTS else []
        title = _title(statement.title)
        roles.append(RolePlan(role_name, f"{number} - Statement - {title}", abstract(statement.title, title),
                              tuple(rows), tuple(sums)))
        number += 100
        if statement.kind is StatementKind.BALANCE_SHEET:
            paren = _parenthetical(table, statement, labels)
            if paren:
                paren_name = used_roles(role_name + "Parenthetical")
                headings(paren)
                roles.append(RolePlan(paren_name, f"{number} - Statement - {title} (Parenthetical)",
                                      abstract(statement.title + " Parenthetical", f"{title} (Parenthetical)"),
                                      tuple(paren)))
                number += 100

    result = _with_extension_facts(mapped, new_facts, ext_decisions)
    result, dimension_names = with_extension_dimensions(result, prefix)
    roles = [replace(role, summations=tuple(s for s in role.summations if holds(s, result.facts)))
             for role in roles]
    plan = TaxonomyPlan(prefix=prefix, namespace=namespace, schema_file=schema_file, roles=tuple(roles),
                        concepts=tuple(concepts), abstracts=tuple(abstracts), labels=tuple(labels.items()),
                        heading_keys=tuple(heading_keys.items()), namespace_base=namespace_base,
                        dimension_names=dimension_names,
                        uses_srt="srt" in families(result.facts))
    extension = ExtensionTaxonomy(prefix=prefix, namespace=namespace, schema_file=schema_file, files=files(plan),
                                  concepts=tuple(concepts))
    return result, extension


def _summations(kind: StatementKind, entries: list[tuple[LineItem, ConceptEntry, str | None]],
                tagged: set[str]) -> list[Summation]:
    out: list[Summation] = []
    seen_totals: set[str] = set()
    rows = [(item, entry) for item, entry, _ in entries if entry.unit is not None]
    found, _unexplained = statement_totals(kind, rows)
    for totalled in found:
        total, parts = totalled.entry, totalled.parts
        if not parts or total.item_type != "monetaryItemType" or total.concept in seen_totals:
            continue
        if total.concept not in tagged:
            continue
        if any(e.item_type != "monetaryItemType" or e.concept not in tagged for _i, e, _w in parts):
            continue
        arcs: dict[str, int] = {}
        for _i, e, w in parts:
            if e.concept != total.concept:
                arcs.setdefault(e.concept, w)
        if arcs:
            seen_totals.add(total.concept)
            out.append(Summation(total.concept, tuple(arcs.items())))
    return out


def _parenthetical(table: ConceptTable, statement: Statement, labels: dict[str, str]) -> list[PresentationRow]:
    rows: list[PresentationRow] = []
    for item in statement.items:
        normalized = normalize_label(item.label)
        for detail in item.details:
            entries = [e for e in table.detail_entries(detail.kind) if e.carries_detail(normalized)]
            if entries:
                labels.setdefault(entries[0].concept, _detail_label(item, detail.kind.value))
                rows.append(PresentationRow(entries[0].concept, item.section))
    return rows


def _with_extension_facts(mapped: MappedRelease, new_facts: dict[int, list[Fact]],
                          ext_decisions: dict[tuple[str, str, StatementKind], tuple[str, str]]) -> MappedRelease:
    """Insert each extension fact right before the first fact of a later row of its statement,
    so that facts stay in statement order."""
    if not new_facts:
        return mapped
    position: dict[str, tuple[int, int]] = {}
    for s_index, statement in enumerate(mapped.release.statements):
        for i_index, item in enumerate(statement.items):
            for ref in [c.source for c in item.cells] + [d.source for d in item.details]:
                position.setdefault(str(ref), (s_index, i_index))
    numbered = [(position.get(str(f.source), (s, 10**9)), f) for s, facts in sorted(new_facts.items()) for f in facts]
    pending = [(key, n, f) for n, (key, f) in sorted(enumerate(numbered), key=lambda t: (t[1][0], t[0]))]
    out: list[Fact] = []
    last = (-1, -1)
    for fact in mapped.facts:
        key = position.get(str(fact.source), last) if fact.statement is not None else last
        while pending and pending[0][0] < key:
            out.append(pending.pop(0)[2])
        out.append(fact)
        last = key
    out.extend(f for _k, _n, f in pending)
    decisions = tuple(
        replace(d, concept=named[0], rule=named[1])
        if d.concept is None and (named := ext_decisions.get((d.label, str(d.source), d.statement))) else d
        for d in mapped.decisions)
    return replace(mapped, facts=tuple(out), decisions=decisions)


__all__ = ["build_extension", "extension_prefix", "period_end", "upper_camel", "EXTENSION_RULE", "DEI_LABELS"]
