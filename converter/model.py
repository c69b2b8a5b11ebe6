"""The typed model the pipeline stages hand to each other.

Data flows one way:

    extract:  text -> Release (statements of LineItems with Cells, DocumentInfo)
    map:      Release -> MappedRelease (Facts + MappingDecisions), taxonomy-aware
    serialize: MappedRelease -> XBRL instance bytes
    validate: instance -> ValidationMessages

Everything here is a frozen dataclass; amounts are Decimal, never float.
Every number keeps a SourceRef to the place in the input it was read from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum


@dataclass(frozen=True, order=True)
class SourceRef:
    """A place in an input file: 1-based line and 1-based column (character offset in the line)."""

    path: str
    line: int
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Notice:
    """A warning about a document that still converts, with its stable code (see
    converter.errors.WARNING_CODES), e.g. characters XML cannot hold that reading replaced."""

    code: str
    message: str
    source: SourceRef | None = None

    def __str__(self) -> str:
        return f"{self.message} at {self.source}" if self.source else self.message


class Layer(str, Enum):
    """Where a row's concept came from, in the order they are asked (converter/layered.py)."""

    COMPANY = "company"  # the company's own map (--company-map)
    TABLE = "table"  # the hand-written concept table
    VOCABULARY = "vocabulary"  # the vocabulary learned from real filings
    FALLBACK = "fallback"  # the ranking over all US-GAAP elements


class StatementKind(str, Enum):
    BALANCE_SHEET = "balance_sheet"
    OPERATIONS = "operations"
    CASH_FLOWS = "cash_flows"
    COMPREHENSIVE_INCOME = "comprehensive_income"


@dataclass(frozen=True, order=True)
class Period:
    """An instant (start is None) or a duration start..end, both dates inclusive."""

    end: date
    start: date | None = None

    @property
    def is_instant(self) -> bool:
        return self.start is None

    def __str__(self) -> str:
        return self.end.isoformat() if self.start is None else f"{self.start.isoformat()}..{self.end.isoformat()}"


class RuleKind(str, Enum):
    """A rule printed under (or over) a row's figures: ----- is single, ===== double (under a total)."""

    SINGLE = "single"
    DOUBLE = "double"


class CellKind(str, Enum):
    NUMBER = "number"  # a printed amount
    DASH = "dash"  # "--", "-", an em dash: printed as nothing/zero
    BLANK = "blank"  # no value in this column


@dataclass(frozen=True)
class Cell:
    """One value cell of a line item, as printed.

    `value` is the printed number with the printed sign: "(9,911)" and "$(0.06)" are negative,
    unscaled (thousands are not multiplied out). None for DASH and BLANK.
    `decimals_printed` is the count of digits after the decimal point as printed (2 for "0.06",
    3 for ".001", 0 for "9,911").
    """

    text: str
    kind: CellKind
    value: Decimal | None
    source: SourceRef
    decimals_printed: int = 0
    # a "$" printed with the figure but set apart from it (its own column or cell), so not in `text`
    currency: bool = False


@dataclass(frozen=True)
class Scale:
    """The scale line of a statement, e.g. "(In thousands, except per share data)".

    `exponent` is the power of ten that table amounts are printed in (3 for thousands, 6 for
    millions, 0 when no scale line). Per-share amounts are never scaled. `shares_scaled` tells
    whether share counts in the table are in the same scale ("except share amounts" says no).
    """

    exponent: int = 0
    shares_scaled: bool = True
    text: str = ""
    # share counts in a scale of their own, as the line says ("except number of shares, which
    # are reflected in thousands"): the power of ten they are printed in, else None
    shares_exponent: int | None = None


class DetailKind(str, Enum):
    """Facts stated inside a label, e.g. "Common stock, $.001 par value; 415,000,000 shares authorized"."""

    ALLOWANCE = "allowance"  # "net of allowance ... of $687 at September 30, 2008"
    PAR_VALUE = "par_value"  # "$.001 par value"
    SHARES_AUTHORIZED = "shares_authorized"
    SHARES_ISSUED = "shares_issued"  # "none issued" gives value 0
    SHARES_OUTSTANDING = "shares_outstanding"
    TREASURY_SHARES = "treasury_shares"  # "Treasury stock, at cost; 724,309 shares at ..."


@dataclass(frozen=True)
class LabelDetail:
    """A number stated inside a line item's label.

    `value` is as written and unscaled ("$687" -> 687, "$.001" -> 0.001, "415,000,000" -> 415000000).
    Whether the statement's scale applies is decided by the mapper (allowances are amounts in the
    table's scale; par values and share counts written out in full are not).
    `as_of` is the date the figure is stated for, or None when the label gives no date (then it
    holds for every balance-sheet date of the statement), unless `year` names the year of the
    balance-sheet date ("$112 in 2025") or `column` its place among the statement's balance-sheet
    columns in print order ("less allowances of $503 and $506, respectively": 0 and 1 of 2
    columns; none are taken when the statement prints another number of balance-sheet columns).
    """

    kind: DetailKind
    value: Decimal
    as_of: date | None
    text: str
    source: SourceRef
    decimals_printed: int = 0
    year: int | None = None
    column: int | None = None
    columns: int = 0  # with `column`: how many figures the label pairs with as many columns


@dataclass(frozen=True)
class OciPlace:
    """Where a row of a statement of comprehensive income sits in other comprehensive income
    (see converter.oci): its component ("fx", "securities", "hedge", "pension", or "all" for a
    tax on every component), its stage ("arising", "reclassification", "total") and its tax
    ("before", "tax", "net"); `detail` names the part of a pension plans' change, if one."""

    topic: str
    stage: str
    tax: str
    detail: str = ""


# the label of a row of figures printed without a label that nothing names (extract.assemble),
# or of a reader-named total a labelled row supersedes (structure.superseded_rows)
SUBTOTAL = "Subtotal"


@dataclass(frozen=True)
class LineItem:
    """One row of a statement with values.

    `section` is the path of headings above the row, outermost first, as printed without a
    trailing colon, e.g. ("ASSETS", "Current Assets"). A heading's subsection is closed after
    its "Total ..." row, so "Property, plant and equipment, net" after "Total current assets"
    has section ("ASSETS",).
    `cells` has one Cell per statement period, in the statement's column order.
    `rule_above` is True when a rule row (----- or =====) precedes the row.
    `rule_below` is the rule printed right under the row's figures (a double rule under a total),
    None when none is; both are read from rule rows of text and from cell borders of HTML.
    """

    label: str
    section: tuple[str, ...]
    cells: tuple[Cell, ...]
    source: SourceRef
    rule_above: bool = False
    details: tuple[LabelDetail, ...] = ()
    # its figures are printed as their effect on the total it enters, opposite to its concept's
    # sign: a subtraction ("Provision for income taxes (16,582)" above "Net income"), or an
    # addition where the concept is subtracted ("Minority interest in income (loss) 22" added
    # into net income); found from the printed arithmetic before mapping
    subtracted: bool = False
    # a net change in cash printed before the effect of exchange rates, which the printed
    # figures add to it: the change excluding that effect (found from print order and arithmetic)
    before_exchange_effect: bool = False
    # the concept of the total printed under this row that it adds into, which the row itself
    # therefore is not ("Net revenue" above "Total revenue"); found from the printed arithmetic
    part_of: str = ""
    rule_below: RuleKind | None = None
    # a row of figures printed without a label, named by the reader ("Total assets" under
    # "ASSETS"): a row printed with that concept's label wins over it (converter.structure)
    unnamed: bool = False
    # its place in other comprehensive income, read from its words, headings and neighbours
    oci: OciPlace | None = None
    # printed below operating income and above income before income taxes (converter.structure):
    # a nonoperating line, whatever heading it has or lacks
    nonoperating: bool = False
    # on a balance sheet, printed above total assets ("assets") or below it ("liabilities"),
    # above total current assets ("current assets"), between it and total assets ("noncurrent
    # assets"), between total assets and total current liabilities ("current liabilities"): the
    # side of a row whose headings do not say (converter.structure)
    side: str = ""
    # statement of cash flows: a row of the reconciliation of its closing balance of cash and
    # restricted cash to the balance sheet (converter.structure), matched as the balance-sheet
    # line it names ("Cash and cash equivalents at end of period" under that closing balance)
    reconciles_cash: bool = False
    # the concept an earlier row of its statement matched and is tagged with, printing other
    # figures for the same period ("Investment securities - available for sale", then
    # "Mortgage-backed securities - available for sale"): one concept cannot hold both, so this
    # row is something else (converter.structure)
    repeats: str = ""
    # a consolidated net income whose total takes the minority (noncontrolling) interest out above
    # it, or a row printing its figures elsewhere: the parent's net income (converter.structure)
    net_of_minority: bool = False
    # one of the rows sharing out a net loss printed as its size ("NET LOSS 14,772" / "Attributable
    # to:" / "Equity holders of the Company 14,696"): its figures are sizes of loss too (converter.structure)
    loss_share: bool = False


@dataclass(frozen=True)
class Statement:
    kind: StatementKind
    title: str  # e.g. "CONDENSED CONSOLIDATED BALANCE SHEETS"
    periods: tuple[Period, ...]  # one per value column
    scale: Scale
    items: tuple[LineItem, ...]
    source: SourceRef  # the title line
    notes: tuple[str, ...] = ()  # e.g. "start date 2024-01-29 inferred from the prior fiscal year end"
    unaudited: bool = False  # "(Unaudited)" is printed with the title, scale line or column headings
    # the text printed just above the title in a table's heading rows or the blocks above it
    # (often the company's name: "ALLY FINANCIAL INC." over "CONSOLIDATED INCOME STATEMENT")
    above: tuple[str, SourceRef] | None = None


@dataclass(frozen=True)
class DocumentInfo:
    """Document-level facts read from the release text. Any may be None when not stated."""

    company_name: str | None = None
    exchange: str | None = None  # "NASDAQ"
    ticker: str | None = None  # "CPST"
    release_date: date | None = None
    fiscal_period_text: str | None = None  # "Second Quarter Fiscal 2009"
    fiscal_year_focus: int | None = None  # 2009
    fiscal_period_focus: str | None = None  # "Q1".."Q4" or "FY" as read (dei takes FY for Q4)
    period_end: date | None = None
    cik: str | None = None  # 10 digits, from an EDGAR submission header ("CENTRAL INDEX KEY:")
    other_names: tuple[str, ...] = ()  # further company names printed (registry lookups), best first
    sources: tuple[tuple[str, SourceRef], ...] = ()  # (field name, where it was read)

    def source_of(self, name: str) -> SourceRef | None:
        for key, ref in self.sources:
            if key == name:
                return ref
        return None


@dataclass(frozen=True)
class SkippedTable:
    """A table taken for a statement that could not be read: reported, never fatal to the release."""

    kind: str  # the statement kind it was taken for ("balance_sheet", ...) or "table"
    title: str  # its title as printed ("" when untitled)
    source: SourceRef  # where the table (or its title) starts
    reason: str  # the reading error, e.g. "statement has no column headers"
    where: str = ""  # the place the reading error names ("release.htm:412"), when more precise
    code: str = "xc:unreadableTable"  # the reading error's code (converter.errors.CODES)


@dataclass(frozen=True)
class Release:
    """Everything extraction read from one press release. Taxonomy-free."""

    path: str
    info: DocumentInfo
    statements: tuple[Statement, ...]
    # tables recognised and deliberately not tagged (non-GAAP reconciliations, segments):
    # (what it is, its title as printed, where)
    ignored_tables: tuple[tuple[str, str, SourceRef], ...] = ()
    # tables taken for statements that could not be read (each reported as a warning)
    skipped_tables: tuple[SkippedTable, ...] = ()


# ---- after mapping -------------------------------------------------------------------------


class UnitKind(str, Enum):
    USD = "USD"
    SHARES = "shares"
    USD_PER_SHARE = "USD-per-share"


# a fact's explicit dimensions: (axis, member) pairs of prefixed names, sorted by axis
# ((("srt:ProductOrServiceAxis", "us-gaap:ServiceMember"),): the company's own tagging of a line)
Dimensions = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Fact:
    """One XBRL fact. Numeric facts have a unit and decimals; value None means xsi:nil.
    `dimensions` (explicit axis/member pairs) come only from a company map that learned them."""

    concept: str  # prefixed name, "us-gaap:Assets" or "dei:TradingSymbol"
    period: Period
    value: Decimal | str | None
    unit: UnitKind | None = None
    decimals: int | None = None
    source: SourceRef | None = None
    label: str = ""  # the printed label (or detail text) the fact came from
    statement: StatementKind | None = None
    section: tuple[str, ...] = ()
    printed: Decimal | None = None  # the value with the printed sign, unscaled
    dimensions: Dimensions = ()

    @property
    def is_nil(self) -> bool:
        return self.value is None


@dataclass(frozen=True)
class MappingDecision:
    """What the mapper decided for one line item (or label detail): kept in the report."""

    statement: StatementKind
    section: tuple[str, ...]
    label: str
    source: SourceRef
    concept: str | None  # None: unmapped
    rule: str = ""  # which concept-table entry/pattern matched, or why nothing did
    alternatives: tuple[str, ...] = ()  # other concepts that also matched
    layer: Layer | None = None  # where the concept (or an extension concept's name) came from; None: nowhere


@dataclass(frozen=True)
class MappedRelease:
    release: Release
    facts: tuple[Fact, ...]
    decisions: tuple[MappingDecision, ...]
    cik: str  # 10 digits under CIK_SCHEME; otherwise the identifier under entity_scheme
    entity_name: str
    entity_scheme: str = "http://www.sec.gov/CIK"  # another scheme only when no CIK was found
    ticker: str | None = None  # the entity's trading symbol: printed, else the registry's for its CIK

    @property
    def unmapped(self) -> tuple[MappingDecision, ...]:
        return tuple(d for d in self.decisions if d.concept is None)


# ---- validation ----------------------------------------------------------------------------


class Level(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True)
class ValidationMessage:
    """A message from Arelle or from the converter's own checks."""

    code: str  # Arelle's code ("xbrl.4.9.2:...") or ours ("calc.subtotal", ...)
    level: Level
    message: str
    concept: str | None = None
    source: str = "arelle"  # "arelle" or "checks"
    refs: tuple[str, ...] = field(default=())  # e.g. source lines of the facts involved


# ---- company extension taxonomy ------------------------------------------------------------


@dataclass(frozen=True)
class ExtensionConcept:
    """A concept declared in the company's extension schema for a line item no US-GAAP element fits."""

    name: str  # prefixed, "cpst:GainOnSaleOfPatents"
    item_type: str  # "monetaryItemType", ...
    period_type: str  # "instant" | "duration"
    balance: str | None
    label: str  # the release's wording
    source: SourceRef


@dataclass(frozen=True)
class ExtensionTaxonomy:
    """The company extension taxonomy of one converted release: a schema that imports US-GAAP and
    dei, and its presentation, calculation and label linkbases. `files` holds every file (schema
    first) as (file name, bytes); they are written next to the instance."""

    prefix: str  # "cpst"
    namespace: str
    schema_file: str  # "cpst-20080930.xsd"
    files: tuple[tuple[str, bytes], ...]
    concepts: tuple[ExtensionConcept, ...] = ()
