"""report.json: what was read, how it was mapped, what was tagged, and what validation said.

Every fact carries its id in the instance and a reference object to the line and column it was
read from ({"href": "release.txt", "line": 12, "column": 40}; see converter.contract). The
layout is converter/schemas/report.schema.json.
"""

from __future__ import annotations

from decimal import Decimal
import re
from typing import Any

from converter.contract import header, ref_json, where_json

from converter.model import (
    Cell,
    ExtensionTaxonomy,
    DocumentInfo,
    Fact,
    LabelDetail,
    LineItem,
    MappedRelease,
    MappingDecision,
    Period,
    Release,
    SkippedTable,
    Statement,
    ValidationMessage,
)
from converter.serialize import context_id, fact_ids, format_value
from converter.validate import CalcInconsistency


def snake(value: str) -> str:
    """An enumerated value as snake_case ("non-GAAP reconciliation" -> "non_gaap_reconciliation")."""
    return re.sub(r"[^a-z0-9]+", "_", value.lower()).strip("_")


def _num(value: Decimal | None) -> str | None:
    return None if value is None else format_value(value)


def _period(period: Period) -> dict[str, str | None]:
    return {"start": period.start.isoformat() if period.start else None, "end": period.end.isoformat()}


def _cell(cell: Cell) -> dict[str, Any]:
    return {"text": cell.text, "kind": cell.kind.value, "value": _num(cell.value), "source": ref_json(cell.source)}


def _detail(detail: LabelDetail) -> dict[str, Any]:
    return {"kind": detail.kind.value, "value": _num(detail.value),
            "as_of": detail.as_of.isoformat() if detail.as_of else None,
            "text": detail.text, "source": ref_json(detail.source)}


def _item(item: LineItem) -> dict[str, Any]:
    return {"label": item.label, "section": list(item.section), "source": ref_json(item.source),
            "rule_above": item.rule_above, "values": [_cell(c) for c in item.cells],
            "details": [_detail(d) for d in item.details]}


def _statement(statement: Statement) -> dict[str, Any]:
    return {"kind": statement.kind.value, "title": statement.title, "source": ref_json(statement.source),
            "scale": {"exponent": statement.scale.exponent, "shares_scaled": statement.scale.shares_scaled,
                      "text": statement.scale.text,
                      **({"shares_exponent": statement.scale.shares_exponent}
                         if statement.scale.shares_exponent is not None else {})},
            "periods": [_period(p) for p in statement.periods],
            "notes": list(statement.notes),
            "line_items": [_item(i) for i in statement.items]}


def _info(info: DocumentInfo) -> dict[str, Any]:
    return {"company_name": info.company_name, "exchange": info.exchange, "ticker": info.ticker,
            "release_date": info.release_date.isoformat() if info.release_date else None,
            "fiscal_period_text": info.fiscal_period_text, "fiscal_year_focus": info.fiscal_year_focus,
            "fiscal_period_focus": info.fiscal_period_focus,
            "period_end": info.period_end.isoformat() if info.period_end else None,
            "cik": info.cik, "other_names": list(info.other_names),
            "sources": {name: ref_json(ref) for name, ref in info.sources}}


def decision_json(d: MappingDecision) -> dict[str, Any]:
    return {"label": d.label, "statement": d.statement.value, "section": list(d.section),
            "source": ref_json(d.source), "concept": d.concept, "rule": d.rule, "alternatives": list(d.alternatives),
            "layer": d.layer.value if d.layer else None}


def _fact(fact: Fact, fact_id: str) -> dict[str, Any]:
    value = fact.value if not isinstance(fact.value, Decimal) else format_value(fact.value)
    return {"id": fact_id, "concept": fact.concept, "context": context_id(fact.period, fact.dimensions),
            "period": _period(fact.period), "value": value, "nil": fact.is_nil,
            "unit": fact.unit.value if fact.unit else None, "decimals": fact.decimals,
            "printed": _num(fact.printed), "label": fact.label,
            "source": ref_json(fact.source), **({"dimensions": dict(fact.dimensions)} if fact.dimensions else {})}


_ORIGINS = {"xbrl-convert": "converter"}


def origin(source: str) -> str:
    """Who reported a message, as the JSON outputs name it: arelle, checks or converter."""
    return _ORIGINS.get(source, snake(source))
_ARELLE_REF_RE = re.compile(r"^(?P<href>.+) line (?P<line>\d+)$")


def message_ref_json(text: str) -> dict[str, Any] | None:
    """A reference object from a message's reference text: Arelle's "doc.htm#f12 line 40" or
    the checks' "release.txt:12:40"."""
    found = _ARELLE_REF_RE.match(text)
    if found:
        ref = where_json(found["href"])
        return ref and {**ref, "line": int(found["line"])}
    return where_json(text)


def message_json(m: ValidationMessage) -> dict[str, Any]:
    """`origin`: who said it ("arelle", "checks", "converter")."""
    return {"code": m.code, "level": m.level.value, "message": m.message, "concept": m.concept,
            "origin": origin(m.source), "refs": [r for r in map(message_ref_json, m.refs) if r]}


def release_json(release: Release) -> dict[str, Any]:
    return {"document": _info(release.info), "statements": [_statement(s) for s in release.statements],
            "ignored_tables": [{"kind": snake(kind), "title": title, "source": ref_json(where)}
                               for kind, title, where in release.ignored_tables],
            "skipped_tables": [skipped_json(t) for t in release.skipped_tables]}


def skipped_json(table: SkippedTable) -> dict[str, Any]:
    """`source`: where the table starts; `where`: the place the reading error names."""
    return {"kind": table.kind, "title": table.title, "code": table.code, "reason": table.reason,
            "source": ref_json(table.source), "where": where_json(table.where) or ref_json(table.source)}


def skipped_line(table: SkippedTable) -> str:
    """How the console names a table that could not be read."""
    title = f" {table.title!r}" if table.title else ""
    return f"{table.where or table.source}: {table.kind.replace('_', ' ')}{title} skipped: {table.reason}"


def mapped_json(mapped: MappedRelease, unmapped: tuple[MappingDecision, ...] | None = None) -> dict[str, Any]:
    """`unmapped`: the rows no US-GAAP concept matched (default: those still without a concept)."""
    return {"entity": {"cik": mapped.cik, "name": mapped.entity_name, "scheme": mapped.entity_scheme},
            "mapping": [decision_json(d) for d in mapped.decisions],
            "unmapped": [decision_json(d) for d in (mapped.unmapped if unmapped is None else unmapped)],
            "facts": [_fact(f, i) for f, i in zip(mapped.facts, fact_ids(mapped))]}


def extension_json(extension: ExtensionTaxonomy | None) -> list[dict[str, Any]]:
    """The extension concepts declared for line items no US-GAAP element fits."""
    if extension is None:
        return []
    return [{"concept": c.name, "type": c.item_type, "period_type": c.period_type, "balance": c.balance,
             "label": c.label, "source": ref_json(c.source)} for c in extension.concepts]


def calculation_json(c: CalcInconsistency) -> dict[str, Any]:
    """One Calculation 1.1 inconsistency Arelle found (reported and computed are Arelle's
    intervals, e.g. "[64374500, 64375500]")."""
    return {"code": c.code, "concept": c.concept, "context": c.context, "unit": c.unit,
            "reported": c.reported, "computed": c.computed, "link_role": c.link_role, "message": c.message}


def failure_report(input_path: str, status: str, code: str, message: str, where: str | None) -> dict[str, Any]:
    """report.json of a document that produced no instance (failed, or no statements)."""
    return {**header(), "input": input_path, "status": status, "code": code, "message": message,
            "where": where_json(where)}
