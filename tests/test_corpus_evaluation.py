"""The corpus evaluation harness (scripts/evaluate_corpus.py).

On an invented two-release corpus it must score like the corpus's own score.py; on the real
corpus (../shared/corpus, or $XBRL_CONVERT_SHARED/corpus; skipped when absent) the figures must
not drop below tests/corpus_baseline.json (raise the baseline as the figures rise).
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from scriptkit import load_script

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("XBRL_CONVERT_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"
BASELINE = json.loads((ROOT / "tests" / "corpus_baseline.json").read_text(encoding="utf-8"))


def _harness():
    return load_script("evaluate_corpus")


def _figure(value: str, period: str, *concepts: str) -> dict:
    return {"value": value, "period": period, "concepts": list(concepts)}


def test_invented_corpus_is_scored_like_score_py(tmp_path):
    corpus = tmp_path / "corpus"
    (corpus / "hlmr-q2").mkdir(parents=True)
    shutil.copy(ROOT / "examples" / "halmer-robotics-q2-2024.txt", corpus / "hlmr-q2" / "release.txt")
    key = {"company": "Halmer Robotics, Inc.", "cik": "0009990001", "fiscal_period": "Q2 2024",
           "period_end": "2024-06-30", "statements": ["balance_sheet", "operations"],
           "figures": {"cash": _figure("31420000", "2024-06-30", "CashAndCashEquivalentsAtCarryingValue"),
                       "cash_wrong_concept": _figure("31420000", "2024-06-30", "Cash"),
                       "cash_wrong_period": _figure("28115000", "2024-06-29", "CashAndCashEquivalentsAtCarryingValue"),
                       "absent": _figure("123456789", "2024-06-30", "Assets")}}
    (corpus / "hlmr-q2" / "key.json").write_text(json.dumps(key), encoding="utf-8")
    (corpus / "narrative").mkdir()
    (corpus / "narrative" / "release.txt").write_text("Zorblax Mills, Inc. (NYSE: ZRBX) names a new chief executive.\n",
                                                       encoding="utf-8")
    (corpus / "narrative" / "key.json").write_text(json.dumps({"company": "Zorblax Mills, Inc.", "statements": [],
                                                                "figures": {}}), encoding="utf-8")
    evaluation = _harness().evaluate(corpus, tmp_path / "out", validate=False)
    first, second = evaluation.releases
    assert (first.status, first.handled, second.status, second.handled) == ("valid", True, "no-statements", True)
    verdicts = {name: verdict for name, (verdict, _) in first.figures.items()}
    assert verdicts == {"cash": "ok", "cash_wrong_concept": "concept", "cash_wrong_period": "period", "absent": "missing"}
    assert "us-gaap:CashAndCashEquivalentsAtCarryingValue" in first.figures["cash_wrong_concept"][1]
    assert first.figures["absent"][1] == "not read"
    assert set(first.dei.values()) == {"ok"} and len(first.dei) == 5
    assert evaluation.total_line().startswith("corpus: releases handled 2/2; key figures right 1/4 (other releases 0/0)")
    assert json.loads((tmp_path / "out" / "summary.json").read_text())["counts"]["valid"] == 1


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no ../shared/corpus")
def test_corpus_figures_do_not_drop_below_the_baseline(tmp_path):
    evaluation = _harness().evaluate(CORPUS, tmp_path / "out")
    totals = evaluation.totals()
    report = "\n".join(line for r in evaluation.releases for line in r.lines()) + "\n" + evaluation.total_line()
    assert totals["handled"] >= BASELINE["handled"], report
    assert totals["ok"] >= BASELINE["figures"], report
    assert totals["dei_ok"] >= BASELINE["dei"], report
