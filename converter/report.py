"""report.json: what was read, how it was mapped, what was tagged, and what validation said.

Every fact carries its id in the instance and the source line:column it was read from.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

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


def _num(value: Decimal | None) -> str | None:
    return None if value is None else format_value(value)


def _period(period: Period) -> dict[str, str | None]:
    return {"start": period.start.isoformat() if period.start else None, "end": period.end.isoformat()}


def _cell(cell: Cell) -> dict[str, Any]:
    return {"text": cell.text, "kind": cell.kind.value, "value": _num(cell.value), "source": str(cell.source)}


def _detail(detail: LabelDetail) -> dict[str, Any]:
    return {"kind": detail.kind.value, "value": _num(detail.value),
            "as_of": detail.as_of.isoformat() if detail.as_of else None,
            "text": detail.text, "source": str(detail.source)}


def _item(item: LineItem) -> dict[str, Any]:
    return {"label": item.label, "section": list(item.section), "source": str(item.source),
            "rule_above": item.rule_above, "values": [_cell(c) for c in item.cells],
            "details": [_detail(d) for d in item.details]}


def _statement(statement: Statement) -> dict[str, Any]:
    return {"kind": statement.kind.value, "title": statement.title, "source": str(statement.source),
            "scale": {"exponent": statement.scale.exponent, "shares_scaled": statement.scale.shares_scaled,
                      "text": statement.scale.text},
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
            "sources": {name: str(ref) for name, ref in info.sources}}


def decision_json(d: MappingDecision) -> dict[str, Any]:
    return {"label": d.label, "statement": d.statement.value, "section": list(d.section),
            "source": str(d.source), "concept": d.concept, "rule": d.rule, "alternatives": list(d.alternatives)}


def _fact(fact: Fact, fact_id: str) -> dict[str, Any]:
    value = fact.value if not isinstance(fact.value, Decimal) else format_value(fact.value)
    return {"id": fact_id, "concept": fact.concept, "context": context_id(fact.period),
            "period": _period(fact.period), "value": value, "nil": fact.is_nil,
            "unit": fact.unit.value if fact.unit else None, "decimals": fact.decimals,
            "printed": _num(fact.printed), "label": fact.label,
            "source": str(fact.source) if fact.source else None}


def message_json(m: ValidationMessage) -> dict[str, Any]:
    return {"code": m.code, "level": m.level.value, "message": m.message, "concept": m.concept,
            "source": m.source, "refs": list(m.refs)}


def release_json(release: Release) -> dict[str, Any]:
    return {"document": _info(release.info), "statements": [_statement(s) for s in release.statements],
            "ignored_tables": [{"kind": kind, "title": title, "source": str(where)}
                               for kind, title, where in release.ignored_tables],
            "skipped_tables": [skipped_json(t) for t in release.skipped_tables]}


def skipped_json(table: SkippedTable) -> dict[str, Any]:
    return {"kind": table.kind, "title": table.title, "source": str(table.source), "reason": table.reason,
            "where": table.where or str(table.source)}


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
             "label": c.label, "source": str(c.source)} for c in extension.concepts]
