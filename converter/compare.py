"""Compare a converted release with the company's own XBRL or Inline XBRL filing.

Both sides are read without their taxonomy, straight from the XML with lxml: contexts (entity,
period, segment/scenario dimensions), units and facts. An XBRL 2.1 instance (root xbrli:xbrl) and
an Inline XBRL document (XHTML with ix 1.0 or 1.1 facts) are both read into an `XbrlDocument`.

Matching (`compare`), per fact of the release, in passes so that an exact match always wins:

1. match: a filing fact with the same concept, period and dimensions and a compatible unit whose
   value is equal within the decimals of the less precise side (nil equals nil);
2. concept differs: a filing fact with the same period, dimensions, unit and value but another
   concept (zero and nil values are not matched by value alone: too many facts are zero);
3. value differs: a filing fact with the same concept, period and dimensions, another value;
4. only in release: none of those.

Each filing fact is used once. Filing facts in the release's periods that none of the release
facts used are "only in filing". By default only the filing's facts without segment/scenario are
compared, and only numeric facts; `include_dimensional` and `include_text` widen that. Text facts
are matched by concept and period only; dei text facts (document type, fiscal period focus, ...)
by concept whatever their period.
Concepts are compared by name with the version year of standard namespaces dropped
(http://fasb.org/us-gaap/2023 and /2024 are both "us-gaap").
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal, InvalidOperation, localcontext
from enum import Enum
from pathlib import Path

from lxml import etree

from converter.errors import InputError
from converter.model import Period

XBRLI = "http://www.xbrl.org/2003/instance"
XBRLDI = "http://xbrl.org/2006/xbrldi"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
IX_NAMESPACES = ("http://www.xbrl.org/2013/inlineXBRL", "http://www.xbrl.org/2008/inlineXBRL")
_SKIP_FACT_NAMESPACES = {XBRLI, "http://www.xbrl.org/2003/linkbase", *IX_NAMESPACES}
_KNOWN_PREFIXES = {
    XBRLI: "xbrli",
    "http://www.xbrl.org/2003/iso4217": "iso4217",
}
# http://fasb.org/us-gaap/2024, http://xbrl.sec.gov/dei/2024, http://xbrl.us/us-gaap/2009-01-31, ...
_STANDARD_NS = re.compile(r"^https?://(?:fasb\.org|xbrl\.sec\.gov|xbrl\.us)/([A-Za-z-]+)/\d{4}(?:-\d{2}-\d{2})?/?$")
_DECIMAL_CONTEXT = Context(prec=60, rounding=ROUND_HALF_EVEN)


# ---- the model -----------------------------------------------------------------------------


@dataclass(frozen=True)
class XbrlFact:
    """One fact of an instance or inline document, read without the taxonomy.

    `concept` is "family:LocalName" ("us-gaap:Revenues", "dei:TradingSymbol", "hlmr:Backlog").
    Numeric facts have a `unit` ("iso4217:USD", "xbrli:shares", "iso4217:USD/xbrli:shares") and a
    Decimal value (scaled and signed for inline facts); `decimals` None means INF (exact).
    `value` None is xsi:nil. `dimensions` holds (dimension, member) pairs of the context's
    segment and scenario; any other segment/scenario content counts as a dimension too.
    """

    concept: str
    period: Period
    value: Decimal | str | None
    unit: str | None = None
    decimals: int | None = None
    dimensions: tuple[tuple[str, str], ...] = ()
    fact_id: str | None = None
    where: str = ""  # file:line

    @property
    def is_numeric(self) -> bool:
        return self.unit is not None

    @property
    def is_nil(self) -> bool:
        return self.value is None


@dataclass(frozen=True)
class XbrlDocument:
    path: str
    kind: str  # "instance" | "inline"
    entities: tuple[str, ...]  # entity identifiers of the contexts, e.g. ("0009990001",)
    facts: tuple[XbrlFact, ...]
    skipped: tuple[str, ...] = ()  # facts that could not be read, and why


class Status(str, Enum):
    MATCH = "match"
    CONCEPT_DIFFERS = "concept differs"
    VALUE_DIFFERS = "value differs"
    ONLY_IN_RELEASE = "only in release"
    ONLY_IN_FILING = "only in filing"


@dataclass(frozen=True)
class ComparisonRow:
    status: Status
    release: XbrlFact | None
    filing: XbrlFact | None

    @property
    def period(self) -> Period:
        fact = self.release or self.filing
        assert fact is not None
        return fact.period

    def as_dict(self) -> dict[str, str]:
        """A flat record (the CSV columns; JSON rows use the same keys)."""
        period = self.period
        record = {
            "status": self.status.value,
            "period_start": period.start.isoformat() if period.start else "",
            "period_end": period.end.isoformat(),
            "dimensions": _dims_text((self.release or self.filing).dimensions),  # type: ignore[union-attr]
        }
        for side, fact in (("release", self.release), ("filing", self.filing)):
            record[f"{side}_concept"] = fact.concept if fact else ""
            record[f"{side}_value"] = _plain(fact.value) if fact else ""
            record[f"{side}_unit"] = (fact.unit or "") if fact else ""
            record[f"{side}_decimals"] = _decimals_text(fact) if fact else ""
            record[f"{side}_id"] = (fact.fact_id or "") if fact else ""
            record[f"{side}_where"] = fact.where if fact else ""
        return record


CSV_COLUMNS = (
    "status", "period_start", "period_end", "dimensions",
    "release_concept", "release_value", "release_unit", "release_decimals", "release_id", "release_where",
    "filing_concept", "filing_value", "filing_unit", "filing_decimals", "filing_id", "filing_where",
)


@dataclass(frozen=True)
class Comparison:
    release: XbrlDocument
    filing: XbrlDocument
    rows: tuple[ComparisonRow, ...]
    include_dimensional: bool = False
    include_text: bool = False
    notes: tuple[str, ...] = field(default=())

    def count(self, status: Status) -> int:
        return sum(1 for r in self.rows if r.status is status)

    @property
    def release_fact_count(self) -> int:
        return sum(1 for r in self.rows if r.release is not None)

    @property
    def value_differences(self) -> int:
        return self.count(Status.VALUE_DIFFERS)

    def percent_matched_by_value(self) -> float:
        total = self.release_fact_count
        return 100.0 * (self.count(Status.MATCH) + self.count(Status.CONCEPT_DIFFERS)) / total if total else 0.0

    def percent_same_concept(self) -> float:
        total = self.release_fact_count
        return 100.0 * self.count(Status.MATCH) / total if total else 0.0

    def summary(self) -> dict[str, object]:
        return {
            "release_facts": self.release_fact_count,
            **{s.value: self.count(s) for s in Status},
            "percent_matched_by_value": round(self.percent_matched_by_value(), 1),
            "percent_same_concept": round(self.percent_same_concept(), 1),
        }

    def as_json(self) -> str:
        data = {
            "release": {"path": self.release.path, "kind": self.release.kind, "entities": list(self.release.entities)},
            "filing": {"path": self.filing.path, "kind": self.filing.kind, "entities": list(self.filing.entities),
                       "skipped": list(self.filing.skipped)},
            "options": {"include_dimensional": self.include_dimensional, "include_text": self.include_text},
            "summary": self.summary(),
            "notes": list(self.notes),
            "rows": [r.as_dict() for r in self.rows],
        }
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"

    def as_csv(self) -> str:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\n")
        writer.writeheader()
        for row in self.rows:
            writer.writerow(row.as_dict())
        return buffer.getvalue()


# ---- formatting helpers --------------------------------------------------------------------


def _plain(value: Decimal | str | None) -> str:
    if value is None:
        return "(nil)"
    if isinstance(value, Decimal):
        text = format(value, "f")
        return "0" if text in ("-0", "0") else text
    return value


def _decimals_text(fact: XbrlFact) -> str:
    if not fact.is_numeric or fact.is_nil:
        return ""
    return "INF" if fact.decimals is None else str(fact.decimals)


def _dims_text(dims: tuple[tuple[str, str], ...]) -> str:
    return "; ".join(f"{d}={m}" for d, m in dims)


def display_value(fact: XbrlFact | None) -> str:
    """A value for the printed table: thousands separators, "(nil)", text cut to 40 characters."""
    if fact is None:
        return ""
    if isinstance(fact.value, Decimal):
        text = f"{fact.value:,f}"
        return "0" if text in ("-0", "0") else text
    text = _plain(fact.value)
    return text if len(text) <= 40 else text[:37] + "..."


# ---- reading -------------------------------------------------------------------------------


def read_document(path: Path) -> XbrlDocument:
    """Read an XBRL 2.1 instance or an Inline XBRL document. Raises InputError naming the file."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", where=str(path)) from exc
    if not data.strip():
        raise InputError("the file is empty", where=str(path))
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True,
                             remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise InputError(f"not well-formed XML (line {exc.lineno}: {exc.msg}); an HTML filing must be "
                         "Inline XBRL (XHTML)", where=str(path)) from exc
    if root.tag == f"{{{XBRLI}}}xbrl":
        return _Reader(path, root, inline=False).read()
    if any(_is_ix(el, "nonFraction") or _is_ix(el, "nonNumeric") or _is_ix(el, "header") for el in root.iter()):
        return _Reader(path, root, inline=True).read()
    raise InputError("neither an XBRL instance (xbrli:xbrl) nor an Inline XBRL document (no ix: facts)",
                     where=str(path))


def _is_ix(el: etree._Element, local: str) -> bool:
    return isinstance(el.tag, str) and el.tag in (f"{{{ns}}}{local}" for ns in IX_NAMESPACES)


def _split(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        ns, local = tag[1:].split("}", 1)
        return ns, local
    return "", tag


def _family(namespace: str, prefix: str | None) -> str:
    """The name a namespace is compared by: "us-gaap" for every us-gaap year, else its prefix."""
    if namespace in _KNOWN_PREFIXES:
        return _KNOWN_PREFIXES[namespace]
    match = _STANDARD_NS.match(namespace)
    if match:
        return match.group(1)
    return prefix or f"{{{namespace}}}"


def _resolve_qname(el: etree._Element, text: str) -> tuple[str, str]:
    """(namespace, local name) of a QName written in an attribute or text, in el's scope."""
    text = text.strip()
    prefix, _, local = text.rpartition(":")
    namespace = el.nsmap.get(prefix or None)
    if namespace is None:
        raise ValueError(f"undeclared prefix in {text!r}")
    return namespace, local


def _qname_text(el: etree._Element, text: str) -> str:
    namespace, local = _resolve_qname(el, text)
    prefix = text.strip().rpartition(":")[0] or None
    return f"{_family(namespace, prefix)}:{local}"


def _parse_date(text: str, end: bool) -> date:
    """An XBRL date or dateTime. A date-only end or instant means the end of that day; a dateTime
    at midnight as end or instant means the end of the day before (XBRL 2.1, 4.7.2)."""
    text = text.strip()
    if "T" not in text:
        return date.fromisoformat(text[:10])
    moment = datetime.fromisoformat(text.rstrip("Z"))
    if end and moment.time() == datetime.min.time():
        return moment.date() - timedelta(days=1)
    return moment.date()


@dataclass(frozen=True)
class _Context:
    period: Period | None  # None: forever
    entity: str
    dimensions: tuple[tuple[str, str], ...]


class _Reader:
    def __init__(self, path: Path, root: etree._Element, inline: bool) -> None:
        self.path = path
        self.root = root
        self.inline = inline
        self.skipped: list[str] = []

    def where(self, el: etree._Element) -> str:
        return f"{self.path}:{el.sourceline}" if el.sourceline else str(self.path)

    def read(self) -> XbrlDocument:
        contexts = {c.get("id"): self._context(c) for c in self.root.iter(f"{{{XBRLI}}}context")}
        units = {u.get("id"): self._unit(u) for u in self.root.iter(f"{{{XBRLI}}}unit")}
        facts: list[XbrlFact] = []
        for el, numeric in self._fact_elements():
            try:
                fact = self._fact(el, numeric, contexts, units)
            except (ValueError, InvalidOperation) as exc:
                self.skipped.append(f"{self.where(el)}: {exc}")
                continue
            if fact is not None:
                facts.append(fact)
        entities = tuple(sorted({c.entity for c in contexts.values() if c.entity}))
        return XbrlDocument(path=str(self.path), kind="inline" if self.inline else "instance",
                            entities=entities, facts=tuple(facts), skipped=tuple(self.skipped))

    def _fact_elements(self) -> Iterator[tuple[etree._Element, bool]]:
        """(element, is numeric) of every fact; a nonFraction nested in another (the same figure
        tagged with a second concept) is a fact of its own."""
        for el in self.root.iter():
            if not isinstance(el.tag, str):
                continue
            if self.inline:
                if _is_ix(el, "nonFraction"):
                    yield el, True
                elif _is_ix(el, "nonNumeric"):
                    yield el, False
            elif el.get("contextRef") is not None and _split(el.tag)[0] not in _SKIP_FACT_NAMESPACES:
                yield el, el.get("unitRef") is not None

    def _context(self, el: etree._Element) -> _Context:
        identifier = el.find(f"{{{XBRLI}}}entity/{{{XBRLI}}}identifier")
        entity = (identifier.text or "").strip() if identifier is not None else ""
        period_el = el.find(f"{{{XBRLI}}}period")
        period: Period | None = None
        if period_el is None:
            raise InputError(f"context {el.get('id')!r} has no period", where=self.where(el))
        try:
            instant = period_el.find(f"{{{XBRLI}}}instant")
            start = period_el.find(f"{{{XBRLI}}}startDate")
            end = period_el.find(f"{{{XBRLI}}}endDate")
            if instant is not None:
                period = Period(end=_parse_date(instant.text or "", end=True))
            elif start is not None and end is not None:
                period = Period(end=_parse_date(end.text or "", end=True), start=_parse_date(start.text or "", end=False))
        except ValueError as exc:
            raise InputError(f"context {el.get('id')!r}: bad date ({exc})", where=self.where(el)) from exc
        dims: list[tuple[str, str]] = []
        for holder in (el.find(f"{{{XBRLI}}}entity/{{{XBRLI}}}segment"), el.find(f"{{{XBRLI}}}scenario")):
            if holder is None:
                continue
            for member in holder:
                if not isinstance(member.tag, str):
                    continue
                ns, local = _split(member.tag)
                if ns == XBRLDI and local == "explicitMember":
                    dims.append((self._qname(member, member.get("dimension", "")),
                                 self._qname(member, member.text or "")))
                elif ns == XBRLDI and local == "typedMember":
                    dims.append((self._qname(member, member.get("dimension", "")),
                                 " ".join("".join(member.itertext()).split())))
                else:
                    dims.append((f"{_family(ns, member.prefix)}:{local}", " ".join("".join(member.itertext()).split())))
        return _Context(period=period, entity=entity, dimensions=tuple(sorted(dims)))

    def _qname(self, el: etree._Element, text: str) -> str:
        try:
            return _qname_text(el, text)
        except ValueError:
            return text.strip()

    def _unit(self, el: etree._Element) -> str:
        def measures(parent: etree._Element | None) -> list[str]:
            if parent is None:
                return []
            return sorted(self._qname(m, m.text or "") for m in parent.findall(f"{{{XBRLI}}}measure"))

        divide = el.find(f"{{{XBRLI}}}divide")
        if divide is not None:
            num = measures(divide.find(f"{{{XBRLI}}}unitNumerator"))
            den = measures(divide.find(f"{{{XBRLI}}}unitDenominator"))
            return "*".join(num) + "/" + "*".join(den)
        return "*".join(measures(el))

    def _fact(self, el: etree._Element, numeric: bool, contexts: dict[str | None, _Context],
              units: dict[str | None, str]) -> XbrlFact | None:
        if self.inline:
            concept = _qname_text(el, el.get("name", ""))
        else:
            ns, local = _split(el.tag)
            concept = f"{_family(ns, el.prefix)}:{local}"
        context_ref = el.get("contextRef")
        context = contexts.get(context_ref)
        if context is None:
            raise ValueError(f"{concept}: unknown context {context_ref!r}")
        if context.period is None:
            self.skipped.append(f"{self.where(el)}: {concept}: period 'forever' is not compared")
            return None
        unit: str | None = None
        if numeric:
            unit = units.get(el.get("unitRef"))
            if unit is None:
                raise ValueError(f"{concept}: unknown unit {el.get('unitRef')!r}")
        nil = el.get(f"{{{XSI}}}nil", "false").strip() in ("true", "1")
        value: Decimal | str | None
        decimals: int | None = None
        if nil:
            value = None
        elif numeric:
            value = self._inline_number(el, concept) if self.inline else Decimal(_text(el).strip())
            value = _canonical(value)
            decimals = _decimals(el, value)
        else:
            value = " ".join(_text(el, skip_exclude=self.inline).split())
        return XbrlFact(concept=concept, period=context.period, value=value, unit=unit, decimals=decimals,
                        dimensions=context.dimensions, fact_id=el.get("id"), where=self.where(el))

    def _inline_number(self, el: etree._Element, concept: str) -> Decimal:
        text = _text(el)
        fmt = el.get("format")
        fmt_local = _resolve_qname(el, fmt)[1] if fmt else None
        try:
            value = parse_inline_number(text, fmt_local)
        except ValueError as exc:
            raise ValueError(f"{concept}: {exc}") from exc
        scale = el.get("scale")
        if scale:
            value = value.scaleb(int(scale), _DECIMAL_CONTEXT)
        if el.get("sign") == "-":
            value = -value
        return value


def _text(el: etree._Element, skip_exclude: bool = False) -> str:
    if not skip_exclude:
        return "".join(el.itertext())
    parts: list[str] = [el.text or ""]
    for child in el:
        if not _is_ix(child, "exclude"):
            parts.append(_text(child, skip_exclude=True))
        parts.append(child.tail or "")
    return "".join(parts)


def _canonical(value: Decimal) -> Decimal:
    """No exponent notation for whole numbers (24310E3 -> 24310000)."""
    with localcontext(_DECIMAL_CONTEXT):
        if value.as_tuple().exponent > 0:  # type: ignore[operator]
            return value.quantize(Decimal(1))
        return value + 0 if value == 0 else value


def _decimals(el: etree._Element, value: Decimal) -> int | None:
    decimals = el.get("decimals")
    if decimals is not None:
        decimals = decimals.strip()
        return None if decimals == "INF" else int(decimals)
    precision = el.get("precision")
    if precision is None or precision.strip() == "INF":
        return None
    if value == 0:
        return None
    # precision p: the first p significant digits are exact
    return int(precision) - (value.adjusted() + 1)


_WORD_NUMBERS = {
    w: i for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
        "sixteen seventeen eighteen nineteen".split())
}
_WORD_NUMBERS.update({w: 10 * (i + 2) for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split())})
_WORD_NUMBERS.update({"no": 0, "none": 0, "nil": 0})
_WORD_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}


def _number_words(text: str) -> Decimal:
    tokens = [t for t in re.split(r"[\s\-,]+", text.strip().lower()) if t and t != "and"]
    if not tokens:
        raise ValueError("no number words")
    total, current = 0, 0
    for token in tokens:
        if token in _WORD_NUMBERS:
            current += _WORD_NUMBERS[token]
        elif token.isdigit():
            current += int(token)
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in _WORD_SCALES:
            total += (current or 1) * _WORD_SCALES[token]
            current = 0
        else:
            raise ValueError(f"{token!r} is not a number word")
    return Decimal(total + current)


def parse_inline_number(text: str, fmt: str | None) -> Decimal:
    """The (unscaled, unsigned) value of an ix:nonFraction's content under a transformation format,
    given by its local name (ixt 1-5 and ixt-sec names). Raises ValueError."""
    raw = text.strip()
    try:
        if fmt is None:
            return Decimal(raw)
        name = fmt.lower()
        if name in ("fixed-zero", "zerodash", "fixedzero", "numdash"):
            return Decimal(0)
        if name in ("num-dot-decimal", "numdotdecimal", "numcommadot", "numspacedot", "num-dot-decimal-apos"):
            cleaned = re.sub(r"[^0-9.]", "", raw)
        elif name in ("num-comma-decimal", "numcommadecimal", "numdotcomma", "numspacecomma"):
            cleaned = re.sub(r"[^0-9,]", "", raw).replace(",", ".")
        elif name in ("numwordsen", "num-word-en", "numwordsenno"):
            return _number_words(raw)
        else:
            raise ValueError(f"transformation format {fmt!r} is not supported")
        if not cleaned or cleaned.count(".") > 1:
            raise InvalidOperation
        return Decimal(cleaned)
    except InvalidOperation:
        raise ValueError(f"cannot read {raw!r} as a number (format {fmt or 'none'})") from None


# ---- matching ------------------------------------------------------------------------------


def values_equal(a: XbrlFact, b: XbrlFact) -> bool:
    """Equal within the decimals of the less precise side; nil equals only nil; text compares
    with whitespace collapsed."""
    if a.value is None or b.value is None:
        return a.value is None and b.value is None
    if isinstance(a.value, str) or isinstance(b.value, str):
        return str(a.value) == str(b.value)
    decimals = [d for d in (a.decimals, b.decimals) if d is not None]
    if not decimals:
        return a.value == b.value
    d = min(decimals)
    with localcontext(_DECIMAL_CONTEXT):
        unit = Decimal(1).scaleb(-d)
        # both round to the same figure, or one is the other rounded (a tie either way: 1,850 shown
        # as 1.9 thousand by one side and rounded half to even to 1.8 by the other)
        return (a.value.quantize(unit, rounding=ROUND_HALF_UP) == b.value.quantize(unit, rounding=ROUND_HALF_UP)
                or abs(a.value - b.value) * 2 <= unit)


def _units_compatible(a: XbrlFact, b: XbrlFact) -> bool:
    return a.unit == b.unit


def _document_level(fact: XbrlFact) -> bool:
    """dei text facts describe the document: compared whatever their period (a release tags them
    for the quarter, a 10-Q for the year to date)."""
    return not fact.is_numeric and fact.concept.startswith("dei:")


def _concept_key(fact: XbrlFact) -> tuple[str, Period | None, tuple[tuple[str, str], ...]]:
    return fact.concept, None if _document_level(fact) else fact.period, fact.dimensions


def _filing_candidates(filing: XbrlDocument, periods: set[Period], include_dimensional: bool,
                       include_text: bool) -> list[XbrlFact]:
    """The filing's facts that take part, with consistent duplicates (the same fact shown twice,
    perhaps rounded differently) kept once, the most precise."""
    kept: list[XbrlFact] = []
    groups: dict[tuple[object, ...], list[XbrlFact]] = {}
    ordered = sorted(
        (f for f in filing.facts
         if (f.period in periods or _document_level(f)) and (include_dimensional or not f.dimensions) and (include_text or f.is_numeric)),
        key=lambda f: (f.decimals is not None, -(f.decimals or 0)))  # INF first, then most decimals
    for fact in ordered:
        group = groups.setdefault((fact.concept, fact.period, fact.dimensions, fact.unit), [])
        if any(values_equal(fact, other) for other in group):
            continue
        group.append(fact)
        kept.append(fact)
    order = {id(f): i for i, f in enumerate(filing.facts)}
    return sorted(kept, key=lambda f: order[id(f)])


def compare(release: XbrlDocument, filing: XbrlDocument, *, include_dimensional: bool = False,
            include_text: bool = False) -> Comparison:
    ours = [f for f in release.facts if (include_dimensional or not f.dimensions) and (include_text or f.is_numeric)]
    periods = {f.period for f in ours}
    theirs = _filing_candidates(filing, periods, include_dimensional, include_text)
    used: set[int] = set()  # indexes into theirs
    found: dict[int, tuple[Status, int]] = {}  # index into ours -> (status, index into theirs)

    by_concept: dict[tuple[str, Period | None, tuple[tuple[str, str], ...]], list[int]] = {}
    by_value: dict[tuple[Period, tuple[tuple[str, str], ...], str | None], list[int]] = {}
    for j, fact in enumerate(theirs):
        by_concept.setdefault(_concept_key(fact), []).append(j)
        by_value.setdefault((fact.period, fact.dimensions, fact.unit), []).append(j)
    release_concepts = {(f.concept, f.period) for f in ours}

    def take(i: int, status: Status, j: int) -> None:
        found[i] = (status, j)
        used.add(j)

    # 1. same concept, period and value
    for i, fact in enumerate(ours):
        for j in by_concept.get(_concept_key(fact), []):
            if j not in used and _units_compatible(fact, theirs[j]) and values_equal(fact, theirs[j]):
                take(i, Status.MATCH, j)
                break
    # 2. same period and value, another concept; prefer concepts the release does not use there
    for i, fact in enumerate(ours):
        if i in found or not isinstance(fact.value, Decimal) or fact.value == 0:
            continue
        candidates = [j for j in by_value.get((fact.period, fact.dimensions, fact.unit), [])
                      if j not in used and theirs[j].concept != fact.concept and values_equal(fact, theirs[j])]
        if candidates:
            candidates.sort(key=lambda j: ((theirs[j].concept, theirs[j].period) in release_concepts, j))
            take(i, Status.CONCEPT_DIFFERS, candidates[0])
    # 3. same concept and period, another value
    for i, fact in enumerate(ours):
        if i in found:
            continue
        for j in by_concept.get(_concept_key(fact), []):
            if j not in used:
                take(i, Status.VALUE_DIFFERS, j)
                break

    rows: list[ComparisonRow] = []
    for i, fact in enumerate(ours):
        if i in found:
            status, j = found[i]
            rows.append(ComparisonRow(status, fact, theirs[j]))
        else:
            rows.append(ComparisonRow(Status.ONLY_IN_RELEASE, fact, None))
    rows.extend(ComparisonRow(Status.ONLY_IN_FILING, None, f) for j, f in enumerate(theirs) if j not in used)

    notes: list[str] = []
    ours_cik = {e.lstrip("0") for e in release.entities}
    theirs_cik = {e.lstrip("0") for e in filing.entities}
    if ours_cik and theirs_cik and not ours_cik & theirs_cik:
        notes.append(f"the entities differ: release {', '.join(release.entities)}, filing {', '.join(filing.entities)}")
    if not include_text and (text := sum(1 for f in release.facts if not f.is_numeric)):
        notes.append(f"{text} non-numeric release fact(s) not compared (--text compares them)")
    if not include_dimensional and (dimensional := sum(1 for f in release.facts if f.dimensions)):
        notes.append(f"{dimensional} dimensional release fact(s) not compared (--dimensional compares them)")
    if filing.skipped:
        notes.append(f"{len(filing.skipped)} filing fact(s) could not be read (see filing.skipped)")
    return Comparison(release=release, filing=filing, rows=tuple(rows), include_dimensional=include_dimensional,
                      include_text=include_text, notes=tuple(notes))


def compare_files(instance: Path, filing: Path, *, include_dimensional: bool = False,
                  include_text: bool = False) -> Comparison:
    return compare(read_document(instance), read_document(filing), include_dimensional=include_dimensional,
                   include_text=include_text)


# ---- the printed table ---------------------------------------------------------------------


def format_table(comparison: Comparison, differences_only: bool = False) -> str:
    headers = ("status", "period", "concept (release)", "release", "filing", "concept (filing, when other)")
    lines: list[tuple[str, ...]] = []
    for row in comparison.rows:
        if differences_only and row.status is Status.MATCH:
            continue
        ours, theirs = row.release, row.filing
        other = theirs.concept if theirs and (ours is None or theirs.concept != ours.concept) else ""
        dims = _dims_text((ours or theirs).dimensions)  # type: ignore[union-attr]
        period = str(row.period) + (f" [{dims}]" if dims else "")
        lines.append((row.status.value, period, ours.concept if ours else "", display_value(ours),
                      display_value(theirs), other))
    widths = [max([len(h)] + [len(line[k]) for line in lines]) for k, h in enumerate(headers)]
    right = {3, 4}

    def fmt(cells: tuple[str, ...]) -> str:
        return "  ".join(c.rjust(w) if k in right else c.ljust(w) for k, (c, w) in enumerate(zip(cells, widths))).rstrip()

    out = [fmt(headers), fmt(tuple("-" * w for w in widths))]
    out.extend(fmt(line) for line in lines)
    return "\n".join(out)


def format_summary(comparison: Comparison) -> str:
    s = comparison.summary()
    lines = [
        f"Release: {comparison.release.path} ({comparison.release.kind})",
        f"Filing:  {comparison.filing.path} ({comparison.filing.kind})",
        f"{s['release_facts']} release facts: {s['match']} match, {s['concept differs']} concept differs, "
        f"{s['value differs']} value differs, {s['only in release']} only in release; "
        f"{s['only in filing']} only in filing.",
        f"Matched by value: {s['percent_matched_by_value']}% of release facts; "
        f"same concept: {s['percent_same_concept']}%.",
    ]
    lines.extend(f"Note: {n}" for n in comparison.notes)
    return "\n".join(lines)


def write_outputs(comparison: Comparison, json_path: Path) -> Path:
    """Write the comparison as JSON to json_path and as CSV next to it; returns the CSV path."""
    csv_path = json_path.with_suffix(".csv")
    if csv_path == json_path:
        raise InputError("the --out file must not end in .csv (the CSV is written next to it)", where=str(json_path))
    try:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(comparison.as_json(), encoding="utf-8")
        csv_path.write_text(comparison.as_csv(), encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", where=str(exc.filename or json_path)) from exc
    return csv_path
