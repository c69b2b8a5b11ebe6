"""Compare a converted release with the company's own XBRL or Inline XBRL filing.

Both sides are read without their taxonomy by converter/filing.py: an XBRL 2.1 instance and an
Inline XBRL document (ix 1.0 or 1.1) both become an `XbrlDocument`.

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
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, localcontext
from enum import Enum
from pathlib import Path
from typing import Any

from converter.contract import header, relative_path, where_json

from converter.errors import InputError
from converter.filing import DECIMAL_CONTEXT, XbrlDocument, XbrlFact, read_document
from converter.model import Period

class Status(str, Enum):
    MATCH = "match"
    CONCEPT_DIFFERS = "concept_differs"
    VALUE_DIFFERS = "value_differs"
    ONLY_IN_RELEASE = "only_in_release"
    ONLY_IN_FILING = "only_in_filing"

    @property
    def label(self) -> str:
        """How the console shows it: "concept differs"."""
        return self.value.replace("_", " ")


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
        """A flat record: the CSV columns."""
        period = self.period
        record = {
            "status": self.status.value,
            "period_start": period.start.isoformat() if period.start else "",
            "period_end": period.end.isoformat(),
            "dimensions": _dims_text((self.release or self.filing).dimensions),  # type: ignore[union-attr]
        }
        for side, fact in (("release", self.release), ("filing", self.filing)):
            ref = where_json(fact.where) if fact else None
            record[f"{side}_concept"] = fact.concept if fact else ""
            record[f"{side}_value"] = _plain(fact.value) if fact else ""
            record[f"{side}_unit"] = (fact.unit or "") if fact else ""
            record[f"{side}_decimals"] = _decimals_text(fact) if fact else ""
            record[f"{side}_id"] = (fact.fact_id or "") if fact else ""
            record[f"{side}_href"] = ref["href"] if ref else ""
            record[f"{side}_line"] = str(ref["line"] or "") if ref else ""
        return record

    def as_json(self) -> dict[str, Any]:
        """A row of the JSON output: period, dimensions and each side's fact as objects."""
        period = self.period
        dims = (self.release or self.filing).dimensions  # type: ignore[union-attr]
        return {"status": self.status.value,
                "period": {"start": period.start.isoformat() if period.start else None, "end": period.end.isoformat()},
                "dimensions": [{"dimension": d, "member": m} for d, m in dims],
                "release": _fact_json(self.release), "filing": _fact_json(self.filing)}


def _fact_json(fact: XbrlFact | None) -> dict[str, Any] | None:
    if fact is None:
        return None
    value = fact.value
    return {"concept": fact.concept, "value": None if value is None else _plain(value), "nil": value is None,
            "unit": fact.unit, "decimals": None if not fact.is_numeric or fact.is_nil else
            ("INF" if fact.decimals is None else fact.decimals),
            "id": fact.fact_id, "source": where_json(fact.where)}


_SKIPPED_RE = re.compile(r"^(?P<where>.*?:\d+): (?P<reason>.*)$", re.DOTALL)


def _skipped_json(text: str) -> dict[str, Any]:
    """A filing fact that could not be read ("filing.htm:40: us-gaap:X: unknown unit 'u9'")."""
    found = _SKIPPED_RE.match(text)
    if not found:
        return {"source": None, "reason": text}
    return {"source": where_json(found["where"]), "reason": found["reason"]}


CSV_COLUMNS = (
    "status", "period_start", "period_end", "dimensions",
    "release_concept", "release_value", "release_unit", "release_decimals", "release_id", "release_href",
    "release_line",
    "filing_concept", "filing_value", "filing_unit", "filing_decimals", "filing_id", "filing_href", "filing_line",
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

    def summary(self) -> dict[str, Any]:
        """Counts per status (keys: the status values), and the two percentages."""
        return {
            "release_facts": self.release_fact_count,
            **{s.value: self.count(s) for s in Status},
            "percent_matched_by_value": round(self.percent_matched_by_value(), 1),
            "percent_same_concept": round(self.percent_same_concept(), 1),
        }

    def as_json(self, base: Path | None = None) -> str:
        """The JSON output (converter/schemas/compare.schema.json); the two documents' paths are
        relative to the folder `base` (the JSON file's folder) when given."""
        def path(text: str) -> str:
            return relative_path(text, base) if base is not None else text

        data = {
            **header(),
            "release": {"path": path(self.release.path), "kind": self.release.kind,
                        "entities": list(self.release.entities)},
            "filing": {"path": path(self.filing.path), "kind": self.filing.kind, "entities": list(self.filing.entities),
                       "skipped": [_skipped_json(s) for s in self.filing.skipped]},
            "options": {"include_dimensional": self.include_dimensional, "include_text": self.include_text},
            "summary": self.summary(),
            "notes": list(self.notes),
            "rows": [r.as_json() for r in self.rows],
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
    with localcontext(DECIMAL_CONTEXT):
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
        lines.append((row.status.label, period, ours.concept if ours else "", display_value(ours),
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
        f"{s['release_facts']} release facts: {s['match']} match, {s['concept_differs']} concept differs, "
        f"{s['value_differs']} value differs, {s['only_in_release']} only in release; "
        f"{s['only_in_filing']} only in filing.",
        f"Matched by value: {s['percent_matched_by_value']}% of release facts; "
        f"same concept: {s['percent_same_concept']}%.",
    ]
    lines.extend(f"Note: {n}" for n in comparison.notes)
    return "\n".join(lines)


def write_outputs(comparison: Comparison, json_path: Path) -> Path:
    """Write the comparison as JSON to json_path and as CSV next to it; returns the CSV path."""
    csv_path = json_path.with_suffix(".csv")
    if csv_path == json_path:
        raise InputError("the --out file must not end in .csv (the CSV is written next to it)", where=str(json_path),
                         code="xc:badOutputName")
    try:
        json_path.parent.mkdir(parents=True, exist_ok=True)
        json_path.write_text(comparison.as_json(json_path.parent), encoding="utf-8")
        csv_path.write_text(comparison.as_csv(), encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write: {exc.strerror or exc}", where=str(exc.filename or json_path),
                         code="xc:outputNotWritable") from exc
    return csv_path
