#!/usr/bin/env python3
"""Evaluate the converter on the real-release corpus (../shared/corpus) against its hand-read keys.

    python scripts/evaluate_corpus.py [--corpus DIR] [--out DIR] [--json FILE] [--no-validate]

Converts every ``<id>/release.*`` in-process (into ``--out``, default a temporary folder) and
scores it with the rules of the corpus's own score.py:

- a release whose key lists a primary statement (balance_sheet, operations, cash_flows,
  comprehensive_income) is handled when it converts to a valid instance; any other release is
  handled when it does not fail;
- key figures (value in base units, exact period, one of the acceptable us-gaap concepts) are
  scored on the releases with primary statements (the others' figures are counted apart):
  ok | concept (value and period right, other concept) | period (value present, other period) |
  missing. Instance facts are the numeric facts of contexts without dimensions.

It prints, per release, the status, figures right/total, the cause when it is not handled (the
failure message and the skipped tables), and per missed figure why: the concept or period it
got, or for a missing one whether the value was read in a statement at all. The dei facts are
checked against the key too (CIK, period end, fiscal year and period focus, registrant name).
The last line is the total: ``corpus: releases handled N/57; key figures right N/293 ...``.
Exit status 0 always. tests/test_corpus_evaluation.py runs it against tests/corpus_baseline.json.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from lxml import etree

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from converter.concepts import concept_table  # noqa: E402
from converter.learn_cli import layered_table  # noqa: E402
from converter.entities import load_entity_registry, name_key  # noqa: E402
from converter.pipeline import ConvertOptions, convert_document, write_summary  # noqa: E402

DEFAULT_CORPUS = REPO_ROOT.parent / "shared" / "corpus"
XBRLI = "http://www.xbrl.org/2003/instance"
US_GAAP = "http://fasb.org/us-gaap/"
DEI = "http://xbrl.sec.gov/dei/"
PRIMARY = {"balance_sheet", "operations", "cash_flows", "comprehensive_income"}


@dataclass(frozen=True)
class InstanceFact:
    namespace: str
    local: str
    period: str  # "start/end" or "end"
    value: Decimal
    prefix: str = ""

    @property
    def qname(self) -> str:
        return f"{self.prefix}:{self.local}" if self.prefix else self.local


def instance_facts(path: Path) -> tuple[list[InstanceFact], dict[str, str]]:
    """Numeric facts of contexts without dimensions, and the dei facts (local name -> text)."""
    root = etree.parse(str(path)).getroot()
    periods = {}
    for c in root.iter(f"{{{XBRLI}}}context"):
        if c.find(f".//{{{XBRLI}}}segment") is not None or c.find(f".//{{{XBRLI}}}scenario") is not None:
            continue
        p = c.find(f"{{{XBRLI}}}period")
        inst = p.find(f"{{{XBRLI}}}instant")
        periods[c.get("id")] = (inst.text.strip() if inst is not None else
                                f"{p.findtext(f'{{{XBRLI}}}startDate').strip()}/{p.findtext(f'{{{XBRLI}}}endDate').strip()}")
    facts, dei = [], {}
    for el in root:
        if not isinstance(el.tag, str) or el.get("contextRef") not in periods:
            continue
        ns, local = el.tag[1:].split("}")
        if ns.startswith(DEI):
            dei.setdefault(local, (el.text or "").strip())
        if el.get("unitRef") is None:
            continue
        try:
            value = Decimal((el.text or "").strip())
        except InvalidOperation:
            continue
        facts.append(InstanceFact(ns, local, periods[el.get("contextRef")], value, el.prefix or ""))
    return facts, dei


def _tolerance(want: Decimal) -> Decimal:
    return Decimal("0.005") if abs(want) < 100 and want != want.to_integral_value() else Decimal(0)


def judge(figure: dict[str, Any], facts: list[InstanceFact]) -> tuple[str, str]:
    """score.py's verdict for one key figure, and what the instance has instead."""
    want = Decimal(figure["value"])
    same = [f for f in facts if abs(f.value - want) <= _tolerance(want)]
    at_period = [f for f in same if f.period == figure["period"]]
    if any(f.namespace.startswith(US_GAAP) and f.local in figure["concepts"] for f in at_period):
        return "ok", ""
    if at_period:
        return "concept", "got " + ", ".join(sorted({f.qname for f in at_period}))
    if same:
        return "period", "got " + ", ".join(sorted({f"{f.qname} at {f.period}" for f in same}))
    return "missing", ""


def _read_cells(report: dict[str, Any], want: Decimal) -> list[str]:
    """Where a statement of the report holds the value (printed, or scaled by the statement)."""
    out = []
    for st in report.get("statements", []):
        factor = Decimal(10) ** int(st.get("scale", {}).get("exponent") or 0)
        for item in st.get("line_items", []):
            for cell in item.get("values", []):
                if cell.get("value") is None:
                    continue
                printed = Decimal(cell["value"])
                if any(abs(v - want) <= _tolerance(want) or abs(-v - want) <= _tolerance(want)
                       for v in (printed, printed * factor)):
                    out.append(f"{st['kind']} row {item['label']!r} at {_place(cell['source'])}")
    return out


def _place(ref: dict[str, Any] | None) -> str:
    """A report.json reference object as "release.txt:12:40"."""
    if not ref:
        return "?"
    return ":".join(str(part) for part in (ref["href"], ref.get("line"), ref.get("column")) if part is not None)


def _expected_focus(text: str | None) -> tuple[str, str] | None:
    """(fiscal year, period focus) of a key's fiscal_period "Q3 2025" / "Q4 FY2004" (Q4 is FY)."""
    match = re.fullmatch(r"(Q[1-4]) (?:FY)?(\d{4})", (text or "").strip())
    if not match:
        return None
    return match[2], "FY" if match[1] == "Q4" else match[1]


def check_dei(key: dict[str, Any], dei: dict[str, str]) -> dict[str, str]:
    """Per dei item: "ok" or what the instance says instead (only items the key can judge)."""
    out: dict[str, str] = {}

    def verdict(name: str, want: str | None, got: str | None, same=lambda a, b: a == b) -> None:
        if want:
            out[name] = "ok" if got and same(want, got) else f"{got or 'none'} (key {want})"

    verdict("cik", key.get("cik"), dei.get("EntityCentralIndexKey"))
    verdict("registrant_name", key.get("company"), dei.get("EntityRegistrantName"),
            lambda a, b: name_key(a) == name_key(b))
    focus = _expected_focus(key.get("fiscal_period"))
    if focus:
        verdict("period_end", key.get("period_end"), dei.get("DocumentPeriodEndDate"))
        verdict("fiscal_year_focus", focus[0], dei.get("DocumentFiscalYearFocus"))
        verdict("fiscal_period_focus", focus[1], dei.get("DocumentFiscalPeriodFocus"))
    return out


@dataclass
class ReleaseScore:
    id: str
    primary: bool
    status: str
    handled: bool
    message: str
    figures: dict[str, tuple[str, str]] = field(default_factory=dict)  # name -> (verdict, why)
    skipped_tables: list[str] = field(default_factory=list)
    dei: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> int:
        return sum(v == "ok" for v, _ in self.figures.values())

    def lines(self) -> list[str]:
        head = (f"{'ok ' if self.handled else 'BAD'} {self.id:<26} {self.status:<14} figures "
                f"{self.ok}/{len(self.figures)}{'' if self.primary else ' (no primary statements)'}")
        out = [head]
        if not self.handled or self.status not in ("valid", "no-statements"):
            out.append(f"      cause: {self.message}")
        out += [f"      skipped table: {t}" for t in self.skipped_tables]
        out += [f"      {name}: {verdict}{' - ' + why if why else ''}"
                for name, (verdict, why) in self.figures.items() if verdict != "ok"]
        bad_dei = [f"{k} {v}" for k, v in self.dei.items() if v != "ok"]
        if bad_dei:
            out.append("      dei: " + "; ".join(bad_dei))
        return out


def score_release(rid: str, key: dict[str, Any], status: str, message: str, instance: Path | None,
                  report: dict[str, Any]) -> ReleaseScore:
    primary = bool(PRIMARY & set(key.get("statements", [])))
    facts, dei = instance_facts(instance) if instance and instance.exists() else ([], {})
    handled = status == "valid" if primary else status in ("valid", "no-statements")
    score = ReleaseScore(rid, primary, status, handled, message,
                         skipped_tables=[f"{t.get('kind')} {t.get('title')!r} at {_place(t.get('source'))}: "
                                         f"{t.get('reason')}"
                                         for t in report.get("skipped_tables", [])],
                         dei=check_dei(key, dei) if instance else {})
    for name, figure in key.get("figures", {}).items():
        verdict, why = judge(figure, facts)
        if verdict == "missing":
            where = _read_cells(report, Decimal(figure["value"]))
            why = f"read as {where[0]}, not tagged" if where else "not read"
        score.figures[name] = (verdict, why)
    return score


@dataclass
class Evaluation:
    releases: list[ReleaseScore]

    def totals(self) -> dict[str, int]:
        t = {"releases": len(self.releases), "handled": sum(r.handled for r in self.releases),
             "figures": 0, "ok": 0, "other_figures": 0, "other_ok": 0,
             "dei": sum(len(r.dei) for r in self.releases),
             "dei_ok": sum(v == "ok" for r in self.releases for v in r.dei.values())}
        for r in self.releases:
            t["figures" if r.primary else "other_figures"] += len(r.figures)
            t["ok" if r.primary else "other_ok"] += r.ok
        return t

    def total_line(self) -> str:
        t = self.totals()
        return (f"corpus: releases handled {t['handled']}/{t['releases']}; key figures right {t['ok']}/{t['figures']}"
                f" (other releases {t['other_ok']}/{t['other_figures']}); dei right {t['dei_ok']}/{t['dei']}")

    def json(self) -> dict[str, Any]:
        return {"totals": self.totals(),
                "releases": [{"id": r.id, "primary": r.primary, "status": r.status, "handled": r.handled,
                              "message": r.message, "skipped_tables": r.skipped_tables,
                              "figures": {n: {"verdict": v, "why": w} for n, (v, w) in r.figures.items()},
                              "dei": r.dei} for r in self.releases]}


def evaluate(corpus: Path, out: Path, validate: bool = True) -> Evaluation:
    """Convert every release of the corpus into out/<id> and score it."""
    # the table `convert` uses: concept table, learned vocabulary and fallback ranking
    table, registry = layered_table(concept_table(), ()), load_entity_registry()
    options = ConvertOptions(out_dir=out, validate=validate)
    scores, results = [], []
    for key_path in sorted(corpus.glob("*/key.json")):
        rid = key_path.parent.name
        key = json.loads(key_path.read_text(encoding="utf-8"))
        inputs = sorted(key_path.parent.glob("release.*"))
        if not inputs:
            scores.append(score_release(rid, key, "not run", "no release file", None, {}))
            continue
        target = out / rid
        try:
            result = convert_document(inputs[0], target, options, table, registry)
            results.append(result)
            status, message, instance = result.status.value, result.message, result.instance
        except Exception as exc:  # the harness reports a crash as that release's cause
            status, message, instance = "failed", f"internal error: {type(exc).__name__}: {exc}", None
        report_path = target / "report.json"
        report = json.loads(report_path.read_text(encoding="utf-8")) if report_path.exists() else {}
        if status == "invalid":
            errors = [m["message"] for m in report.get("validation", {}).get("messages", []) if m["level"] == "error"]
            message += "".join(f"\n      error: {e[:200]}" for e in errors[:3])
        scores.append(score_release(rid, key, status, message, Path(instance) if instance else None, report))
    write_summary(out, results)  # so that the corpus's own score.py can read the same folder
    return Evaluation(scores)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--out", type=Path, help="keep the conversions here (default: a temporary folder)")
    ap.add_argument("--json", type=Path, help="also write the scores as JSON")
    ap.add_argument("--no-validate", action="store_true", help="skip Arelle (faster; 'valid' then means no checks failed)")
    args = ap.parse_args()
    if not args.corpus.is_dir():
        raise SystemExit(f"no corpus at {args.corpus}")
    with tempfile.TemporaryDirectory(prefix="xbrl-convert-corpus-") as tmp:
        evaluation = evaluate(args.corpus, args.out or Path(tmp), validate=not args.no_validate)
    for release in evaluation.releases:
        print("\n".join(release.lines()))
    if args.json:
        args.json.write_text(json.dumps(evaluation.json(), indent=2) + "\n", encoding="utf-8")
    print(evaluation.total_line())


if __name__ == "__main__":
    main()
