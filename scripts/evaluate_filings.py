#!/usr/bin/env python3
"""The filings harness: how well the converter tags real statements, against the company's own tags.

For every Inline XBRL filing in a folder (default ../shared/filings): strip its Inline XBRL tags,
convert the statement tables of the remaining HTML as a release (extract and map, in process),
and compare with the filing's own statement facts (value, period, concept). Twice:

* leave-one-out: the general vocabulary is learned from the OTHER filings only (the company's
  own tags cannot leak), then the concept table, vocabulary and fallback tag the release;
* roll-forward: the company map learned from the filing itself is tried first (then the
  concept table and the fallback ranking).

Per filing it prints: the statement facts of the filing (a printed figure tagged with two
concepts, e.g. NetIncomeLoss and ProfitLoss, counts once, and either concept counts as the same), how many the release reading found
(value and period on a row of the same statement), and of those: same concept, a different
US-GAAP concept, an extension concept, untagged; and, separately, how many of the filing's
facts carry the company's own extension concepts (which no standard concept can equal).

With --rendering span|plain|compact|text the stripped filing is first saved as another tool
would save it (markdown pipe tables, or a text-browser dump; scripts/render_corpus.py) and read
as that: the same statements, measured through the markdown and text readers.

Usage: python scripts/evaluate_filings.py [FOLDER] [--only NAME ...] [--mode loo|own|both]
                                          [--rendering html|span|plain|compact|text] [--details]
"""

from __future__ import annotations

import argparse
import calendar
import json
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path

from lxml import etree

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from converter.companymap import MONTH_NAMES, LineMap, match_key  # noqa: E402
from converter.concepts import concept_table  # noqa: E402
from converter.errors import ConversionError  # noqa: E402
from converter.extract import extract_text  # noqa: E402
from converter.filing import IX_NAMESPACES  # noqa: E402
from converter.ixtables import FilingStatements, read_filing_statements  # noqa: E402
from converter.layered import LayeredTable  # noqa: E402
from converter.learn import company_map, harvest  # noqa: E402
from converter.map import EntityId, map_release  # noqa: E402
from converter.model import CellKind, MappedRelease, Period, StatementKind, UnitKind  # noqa: E402

sys.path.insert(0, str(REPO_ROOT / "scripts"))
from render_corpus import render  # noqa: E402

CATEGORIES = ("same", "different", "extension", "untagged")


def strip_inline(path: Path) -> str:
    """The filing's HTML without its Inline XBRL: ix:header dropped, every other ix element
    replaced by its content."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True)
    root = etree.parse(str(path), parser).getroot()
    for el in list(root.iter()):
        if isinstance(el.tag, str) and etree.QName(el).namespace in IX_NAMESPACES:
            if etree.QName(el).localname in ("header", "exclude"):
                _drop(el, keep_content=False)
    for el in list(root.iter()):
        if isinstance(el.tag, str) and etree.QName(el).namespace in IX_NAMESPACES:
            _drop(el, keep_content=True)
    etree.cleanup_namespaces(root)
    return etree.tostring(root, method="html", encoding="unicode")


_MONTHS = tuple(name.capitalize() for name in MONTH_NAMES)
_MONTH_WORD = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b(?: (\d{1,2})\b)?", re.IGNORECASE)
_YEARS_ONLY = re.compile(r"(?:(?:19|20)\d\d\s*)+|[^\d]*")
_LONG_NUMBER = re.compile(r"\d(?:[\d,]*\d)?")


def _next_quarter(text: str) -> str:
    """A label as the next quarter would print it: months a quarter on ("at June 30" -> "at
    September 30"), numbers of three or more digits changed (share counts, years)."""
    def month(m: re.Match[str]) -> str:
        index = _MONTHS.index(m.group(1).capitalize())
        name = _MONTHS[(index + 3) % 12]
        day = m.group(2)
        if day is not None:  # a month's last day stays its last day ("June 30" -> "September 30")
            last, next_last = calendar.mdays[index + 1], calendar.mdays[(index + 3) % 12 + 1]
            if int(day) >= last or int(day) > next_last:
                day = str(next_last)
        name = name.upper() if m.group(1).isupper() else name
        return name + (f" {day}" if day is not None else "")

    def number(m: re.Match[str]) -> str:
        digits = m.group(0)
        if sum(c.isdigit() for c in digits) < 3:
            return digits
        return digits[:-1] + str((int(digits[-1]) + 1) % 10)

    return _LONG_NUMBER.sub(number, _MONTH_WORD.sub(month, text))


_FIGURE = re.compile(r"[$(\s]*[\d,]*\d(?:\.\d+)?\s*\)?\s*%?")  # a figure cell, not a heading's date


def _label_cells(root: etree._Element) -> Iterator[tuple[list[etree._Element], str]]:
    """(cells, label) of each table row with figures whose first cell is its label; header rows
    (periods, years, a scale such as "(millions of dollars)" in the first cell), headings and rows
    without a label are left out."""
    for row in root.iter("tr"):
        texts = ["".join(c.itertext()) for c in row if isinstance(c.tag, str)]
        if not any(_FIGURE.fullmatch(t.strip()) and not _YEARS_ONLY.fullmatch(t.strip()) for t in texts[1:]):
            continue
        cells = [c for c in row if isinstance(c.tag, str)]
        if cells and re.search(r"[A-Za-z]", texts[0]):
            yield cells, " ".join(texts[0].split())


def next_quarter_labels(html: str) -> str:
    """The stripped filing with each table row's label cell worded as next quarter's release
    would word it (see _next_quarter); figures and headers are left as they are."""
    root = etree.fromstring(html, etree.HTMLParser(huge_tree=True))
    for cells, _label in _label_cells(root):
        for el in cells[0].iter():
            if el.text:
                el.text = _next_quarter(el.text)
            if el is not cells[0] and el.tail:
                el.tail = _next_quarter(el.tail)
    return etree.tostring(root, method="html", encoding="unicode")


def reworded_labels(html: str, every: int = 1) -> str:
    """The stripped filing with every table row's label (or every `every`-th) worded otherwise (a
    word added at its end), so that no label of the company's map matches: the rows must be
    recognised otherwise."""
    root = etree.fromstring(html, etree.HTMLParser(huge_tree=True))
    seen = 0
    for cells, _label in _label_cells(root):
        last = [el for el in cells[0].iter() if el.text and el.text.strip()]
        seen += 1
        if last and seen % every == 0:
            last[-1].text = last[-1].text.rstrip() + " as reworded"
    return etree.tostring(root, method="html", encoding="unicode")


# how a release words a 10-Q's line otherwise: one word for another, the first that applies
_SWAPS = ((r"expenses", "costs"), (r"expense", "cost"), (r"costs", "expenses"), (r"cost", "expense"),
          (r"income", "earnings"), (r"earnings", "income"), (r"revenues", "sales"), (r"revenue", "sales"),
          (r"sales", "revenues"), (r"purchases of", "payments for"), (r"proceeds from", "receipts from"),
          (r"provided by", "from"), (r"payments of", "repayments of"))


def other_wording(label: str) -> str:
    """A label worded as a release might word it: the first word of _SWAPS that it holds
    swapped ("Research and development expenses" -> "Research and development costs"), else its
    last word dropped when it has three or more ("Cash and cash equivalents" -> "Cash and
    cash"), else as printed."""
    for old, new in _SWAPS:
        found = re.search(rf"\b{old}\b", label, re.IGNORECASE)
        if found:
            word = new.capitalize() if found.group(0)[0].isupper() else new
            return label[:found.start()] + word + label[found.end():]
    parts = label.split()
    return " ".join(parts[:-1]) if len(parts) >= 3 else label


def synonym_labels(html: str) -> str:
    """The stripped filing with every table row's label worded otherwise (`other_wording`)."""
    root = etree.fromstring(html, etree.HTMLParser(huge_tree=True))
    for cells, label in _label_cells(root):
        for child in list(cells[0]):
            cells[0].remove(child)
        cells[0].text = other_wording(label)
    return etree.tostring(root, method="html", encoding="unicode")


def prior_year_map(line_map: LineMap, durations: bool = True) -> LineMap:
    """The company map as an earlier filing would give it: in each statement, the figures of the
    earliest instant and of the earliest-ending durations only (the prior year end, and the prior
    year's periods, that a release prints beside its own and the earlier 10-Q/10-K tagged); with
    `durations` False the earliest instant only (the previous quarter's 10-Q shares no period of
    the next quarter's statement of operations or cash flows with its release)."""
    earliest: dict[tuple[StatementKind, bool], str] = {}
    for line in line_map.lines:
        for key, _ in line.figures:
            place = (line.statement, "/" in key)
            end = key.rpartition("/")[2]
            earliest[place] = min(end, earliest.get(place, end))
    return line_map.with_lines(replace(line, figures=tuple(
        f for f in line.figures if f[0].rpartition("/")[2] == earliest.get((line.statement, "/" in f[0]))
        and (durations or "/" not in f[0]))) for line in line_map.lines)


def _drop(el: etree._Element, keep_content: bool) -> None:
    parent = el.getparent()
    if parent is None:
        return
    index = parent.index(el)
    text = (el.text or "") if keep_content else ""
    children = list(el) if keep_content else []
    tail = el.tail or ""
    previous = parent[index - 1] if index > 0 else None
    if previous is None:
        parent.text = (parent.text or "") + text
    else:
        previous.tail = (previous.tail or "") + text
    for offset, child in enumerate(children):
        parent.insert(index + offset, child)
    last = children[-1] if children else previous
    if last is None:
        parent.text = (parent.text or "") + tail
    else:
        last.tail = (last.tail or "") + tail
    parent.remove(el)


@dataclass
class Score:
    name: str
    facts: int = 0  # statement facts of the filing (us-gaap and the company's own)
    company_ext: int = 0  # of which with the company's own extension concepts
    ext_named: int = 0  # of those, found on a row whose extension concept gets the company's own name
    found: int = 0
    counts: Counter = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)
    error: str = ""
    layers: Counter = field(default_factory=Counter)  # (layer, same|different) -> facts
    records: list[dict] = field(default_factory=list)  # one per standard fact found (--json)

    def pct(self, what: str) -> str:
        found = self.found_standard
        return f"{100 * self.counts[what] / found:5.1f}%" if found else "   - "

    @property
    def found_standard(self) -> int:
        return sum(self.counts[c] for c in CATEGORIES)


def _scale(unit: UnitKind | None, statement) -> int:
    if unit is UnitKind.USD_PER_SHARE:
        return 0
    return statement.scale.exponent


@dataclass
class Reading:
    """What the release reading gave, keyed by (statement, period, |value|[, label or concept])."""

    tagged: dict[tuple, set[str]] = field(default_factory=dict)  # -> concepts of the facts produced
    rows: dict[str, dict[tuple, set[str]]] = field(default_factory=lambda: {"extension": {}, "read": {}})
    layer_of: dict[tuple, str] = field(default_factory=dict)  # (..., concept) -> which layer tagged it
    rule_of: dict[tuple, str] = field(default_factory=dict)  # (..., concept) -> the mapping rule that tagged it
    candidates_of: dict[tuple, tuple[str, ...]] = field(default_factory=dict)  # -> fallback candidates of its row
    ext_names: dict[tuple, set[str]] = field(default_factory=dict)  # -> extension names a company map gives its rows


def _printed_amount(cell) -> Decimal | None:
    """The size of a printed figure; a dash is a printed zero (the company tags "—" as 0, and a
    row of dashes must be judged by its own row, not by any other row of the statement worth 0)."""
    if cell.kind is CellKind.DASH:
        return Decimal(0)
    if cell.kind is not CellKind.NUMBER or cell.value is None:
        return None
    return abs(cell.value)


def _read_values(mapped: MappedRelease, table) -> Reading:
    """(statement, period, |value|) -> concepts of the facts produced; and -> labels of rows
    read but not tagged with a standard concept (they become extension concepts)."""
    reading = Reading()
    tagged = reading.tagged
    layers = {(d.statement, d.label, d.section): d.layer.value for d in mapped.decisions if d.concept and d.layer}
    rules = {(d.statement, d.label, d.section): d.rule for d in mapped.decisions if d.concept}
    for fact in mapped.facts:
        if fact.statement is not None and isinstance(fact.value, Decimal):
            tagged.setdefault((fact.statement, fact.period, abs(fact.value)), set()).add(fact.concept)
            tagged.setdefault(("any", fact.period, abs(fact.value)), set()).add(fact.concept)
            tagged.setdefault((fact.statement, fact.period, abs(fact.value), match_key(fact.label)), set()).add(
                fact.concept)
            reading.layer_of[(fact.statement, fact.period, abs(fact.value), fact.concept)] = layers.get(
                (fact.statement, fact.label, fact.section), "table")
            reading.rule_of[(fact.statement, fact.period, abs(fact.value), fact.concept)] = rules.get(
                (fact.statement, fact.label, fact.section), "")
    # a row whose fact the instance carries once, under the statement printed first ("Net income"
    # of the statement of operations, again in cash flows), keeps its own concept on its own row
    decided = {(d.source, d.label): d.concept for d in mapped.decisions if d.concept}
    for statement in mapped.release.statements:
        for item in statement.items:
            concept = decided.get((item.source, item.label))
            if concept is None:
                continue
            for cell, period in zip(item.cells, statement.periods):
                amount = _printed_amount(cell)
                if amount is None:
                    continue
                for exponent in {statement.scale.exponent, 0}:
                    key = (statement.kind, period, amount.scaleb(exponent))
                    own = key + (match_key(item.label),)
                    if own not in tagged:
                        tagged.setdefault(own, set()).add(concept)
                        tagged.setdefault(key, set()).add(concept)
    unmapped_rows = {(d.source, d.label) for d in mapped.unmapped}
    candidates = {(d.source, d.label): d.alternatives for d in mapped.unmapped}
    extension, read = reading.rows["extension"], reading.rows["read"]
    for statement in mapped.release.statements:
        for item in statement.items:
            target = extension if (item.source, item.label) in unmapped_rows else read
            for cell, period in zip(item.cells, statement.periods):
                amount = _printed_amount(cell)
                if amount is None:
                    continue
                for exponent in {statement.scale.exponent, 0}:
                    value = amount.scaleb(exponent)
                    for p in (period, Period(end=period.end)) if period.start else (period,):
                        target.setdefault((statement.kind, p, value.normalize()), set()).add(item.label)
                        target.setdefault((statement.kind, p, value.normalize(), match_key(item.label)),
                                          set()).add(item.label)
                        if target is extension:
                            reading.candidates_of[(statement.kind, p, value.normalize())] = candidates[
                                (item.source, item.label)]
                            named = table.extension_name(statement.kind, item)
                            if named is not None:
                                reading.ext_names.setdefault((statement.kind, p, value.normalize()), set()).add(
                                    named.name)
    return reading


def score_filing(filing: FilingStatements, table, text: str, suffix: str = ".htm") -> Score:
    score = Score(Path(filing.path).name)
    try:
        release = extract_text(text, score.name.replace(".html", suffix))
        table = table.for_cik(filing.cik, release)
        mapped = map_release(release, table, EntityId(cik=filing.cik or "0000000001", name="evaluated"))
    except ConversionError as exc:
        score.error = str(exc)
        release = None
    reading = _read_values(mapped, table) if release is not None else Reading()
    tagged, rows = reading.tagged, reading.rows
    seen: set[tuple] = set()
    doubles: dict[tuple, set[str]] = {}
    # the statement's plain lines: lines tagged with the company's dimensions (a product line's
    # revenue) are the roll-forward's alone, measured end to end by scripts/rollforward.py
    plain = [line for line in filing.lines if not line.dimensions]
    for line in plain:
        for fact in line.facts:
            doubles.setdefault((line.statement, line.where, line.label, fact.period, fact.value), set()).add(line.concept)
    for line in plain:
        if line.item_type == "other":
            continue
        standard = line.concept.startswith("us-gaap:")
        for fact in line.facts:
            printed = (line.statement, line.where, line.label, fact.period, fact.value)
            if printed in seen:  # the same printed figure tagged with a second concept
                continue
            seen.add(printed)
            concepts_of_figure = doubles.get(printed, {line.concept})
            score.facts += 1
            score.company_ext += 0 if standard else 1
            key = (line.statement, fact.period, abs(fact.value))
            norm = (line.statement, fact.period, abs(fact.value).normalize())
            # the row of the same label first (a figure printed on two rows, "Net income" and a
            # subtotal of the same amount, is judged by its own row); else any row of that value
            own_row = key + (match_key(line.label),)
            if own_row in tagged:
                concepts = set(tagged[own_row])
            elif norm + (match_key(line.label),) in rows["extension"]:
                concepts = set()
            else:
                concepts = set(tagged.get(key, set()))
            # the instance carries a repeated fact once ("Net income" of the statement of
            # operations, again in cash flows): the company's concept tagged in another statement counts
            if line.concept in tagged.get(("any", fact.period, abs(fact.value)), set()):
                concepts.add(line.concept)
            if concepts or norm in rows["extension"] or norm in rows["read"]:
                score.found += 1
            else:
                continue
            if not standard:
                score.ext_named += line.concept.partition(":")[2] in reading.ext_names.get(norm, set())
                continue
            if concepts_of_figure & concepts:
                category = "same"
                hit = next(iter(concepts_of_figure & concepts))
                score.layers[(reading.layer_of.get(key + (hit,), "?"), "same")] += 1
            elif concepts:
                category = "different"
                for c in concepts:
                    score.layers[(reading.layer_of.get(key + (c,), "?"), "different")] += 1
                score.problems.append(f"{line.statement.value}: {line.label!r}: {line.concept} -> {sorted(concepts)}")
            elif norm in rows["extension"]:
                category = "extension"
                score.problems.append(f"{line.statement.value}: {line.label!r}: {line.concept} -> extension")
            else:
                category = "untagged"
                near = sorted(c for k, cs in tagged.items() if k[0] == line.statement and k[2] == abs(fact.value)
                              for c in cs)
                score.problems.append(f"{line.statement.value}: {line.label!r}: {line.concept} {fact.period} "
                                      f"{fact.value} -> untagged (same value tagged {near[:2]} at other periods)")
            score.counts[category] += 1
            score.records.append({"statement": line.statement.value, "label": line.label,
                                  "section": list(line.section), "concept": line.concept,
                                  "period": str(fact.period), "value": str(fact.value), "category": category,
                                  "got": sorted(concepts),
                                  "layers": [reading.layer_of.get(key + (c,), "?") for c in sorted(concepts)],
                                  "rules": [reading.rule_of.get(key + (c,), "") for c in sorted(concepts)],
                                  "candidates": list(reading.candidates_of.get(norm, ())) if category == "extension" else []})
    score.problems = sorted(set(score.problems))
    return score


RENDERINGS = ("html", "span", "plain", "compact", "text")


def rendered(html: str, style: str) -> tuple[str, str]:
    """The stripped filing as another tool would save it (scripts/render_corpus.py), and the
    file suffix it is read under."""
    if style == "html":
        return html, ".htm"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "filing.htm"
        path.write_bytes(html.encode("ascii", "xmlcharrefreplace"))  # no charset guessing
        return render(path, style), ".txt" if style == "text" else ".md"


def evaluate(folder: Path, only: list[str], modes: list[str], details: bool,
             rendering: str = "html", teachers: Path | None = None) -> dict[str, list[Score]]:
    paths = sorted(folder.glob("*.htm*"))
    selected = [p for p in paths if not only or any(o in p.name for o in only)]
    # leave-one-out learns from every other filing; the roll-forward needs only the filing itself
    filings = {p: read_filing_statements(p) for p in (paths if "loo" in modes and not teachers else selected)}
    # other companies' filings to learn the vocabulary from: every one of them is "another" filing
    taught = [read_filing_statements(p) for p in sorted(teachers.glob("*.htm*"))] if teachers else []
    base = concept_table()
    results: dict[str, list[Score]] = {m: [] for m in modes}
    for path in paths:
        if only and not any(o in path.name for o in only):
            continue
        text = strip_inline(path)
        filing = filings[path]
        for mode in modes:
            others = taught or [f for p, f in filings.items() if p != path]
            vocabulary = harvest(others, base) if mode in ("loo", "concepts") else None
            maps: tuple[LineMap, ...] = (company_map([filing]),) if mode != "loo" else ()
            if mode == "concepts":  # the company's concepts without its labels or figures
                maps = (maps[0].with_lines(replace(line, label=f"line {k} of another wording", figures=())
                                           for k, line in enumerate(maps[0].lines)),)
            if mode in ("reworded", "reworded-quarter"):
                maps = (prior_year_map(maps[0], durations=mode == "reworded"),)
            elif mode in ("reworded-labels", "reworded-some", "synonyms"):
                maps = (maps[0].with_lines(replace(line, figures=()) for line in maps[0].lines),)
            table = LayeredTable.around(base, company_maps=maps, vocabulary=vocabulary)
            worded = {"next": next_quarter_labels, "reworded": reworded_labels, "reworded-quarter": reworded_labels,
                      "reworded-labels": reworded_labels, "reworded-some": lambda t: reworded_labels(t, every=3), "synonyms": synonym_labels}
            document, suffix = rendered(worded.get(mode, str)(text), rendering)
            results[mode].append(score_filing(filing, table, document, suffix))
    return results


def print_table(title: str, scores: list[Score], details: bool) -> None:
    print(f"\n{title}")
    print(f"{'filing':<28} {'facts':>5} {'co.ext':>6} {'named':>5} {'found':>5} {'same':>5} {'diff':>5} {'ext':>5}"
          f" {'untag':>5} {'same%':>6} {'diff%':>6}")
    total = Score("total")
    for s in scores:
        print(f"{s.name:<28} {s.facts:>5} {s.company_ext:>6} {s.ext_named:>5} {s.found:>5} {s.counts['same']:>5} "
              f"{s.counts['different']:>5} {s.counts['extension']:>5} {s.counts['untagged']:>5} "
              f"{s.pct('same'):>6} {s.pct('different'):>6}" + (f"  ERROR {s.error}" if s.error else ""))
        total.facts += s.facts
        total.company_ext += s.company_ext
        total.ext_named += s.ext_named
        total.found += s.found
        total.counts.update(s.counts)
        total.layers.update(s.layers)
        if details:
            for p in s.problems:
                print(f"    {p}")
    print(f"{'total':<28} {total.facts:>5} {total.company_ext:>6} {total.ext_named:>5} {total.found:>5} {total.counts['same']:>5} "
          f"{total.counts['different']:>5} {total.counts['extension']:>5} {total.counts['untagged']:>5} "
          f"{total.pct('same'):>6} {total.pct('different'):>6}")
    by_layer = ", ".join(f"{layer} {total.layers[(layer, 'same')]} same / {total.layers[(layer, 'different')]} different"
                         for layer in ("company", "table", "vocabulary", "fallback"))
    print(f"by layer: {by_layer}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=REPO_ROOT.parent / "shared" / "filings")
    parser.add_argument("--only", nargs="*", default=[])
    parser.add_argument("--mode", choices=("loo", "own", "next", "reworded", "reworded-quarter", "reworded-labels",
                                           "reworded-some", "synonyms", "concepts", "both", "all"),
                        default="both",
                        help="both: loo and own; all: loo, own, next (the company map on the filing's tables with "
                             "next quarter's labels: months a quarter on, share counts changed), reworded (every "
                             "label worded otherwise; the map keeps the prior year's figures, by which a row "
                             "is recognised), reworded-quarter (the same with the prior year end's balances only, "
                             "as the previous quarter's 10-Q shares them) and reworded-labels (the same without "
                             "the figures); concepts: leave-one-out with the company's map stripped of its labels "
                             "and figures (only the concepts it chooses among alternatives act)")
    parser.add_argument("--rendering", choices=RENDERINGS, default="html",
                        help="read each filing as another tool would save it: a markdown pipe table per "
                             "table (span, plain, compact) or a text-browser dump (text); see "
                             "scripts/render_corpus.py")
    parser.add_argument("--vocabulary-from", type=Path, metavar="FOLDER",
                        help="learn the vocabulary of the leave-one-out mode from these other companies' filings "
                             "instead (filings of companies never seen: how the general mapping fares out of sample)")
    parser.add_argument("--details", action="store_true", help="list every fact not tagged with the same concept")
    parser.add_argument("--json", type=Path, help="write every found fact's outcome (mode, filing, row, concepts) here")
    args = parser.parse_args()
    if not args.folder.is_dir():
        print(f"filings folder not found: {args.folder}", file=sys.stderr)
        return 2
    modes = {"both": ["loo", "own"], "all": ["loo", "own", "next", "reworded", "reworded-quarter",
                                             "reworded-labels", "reworded-some", "synonyms", "concepts"]}.get(
        args.mode, [args.mode])
    results = evaluate(args.folder, args.only, modes, args.details, args.rendering, args.vocabulary_from)
    titles = {"loo": "Leave-one-out (vocabulary learned from the other filings)",
              "own": "Roll-forward (company map learned from the filing itself)",
              "next": "Roll-forward to next quarter's wording (the filing's map; labels with months a quarter on, "
                      "share counts changed)",
              "reworded": "Roll-forward to a release worded otherwise (every label changed; the map keeps only "
                          "the prior year's figures, by which rows are recognised)",
              "reworded-quarter": "The same with the prior year end's balances only (what the previous quarter's "
                                  "10-Q shares with the next quarter's release)",
              "reworded-some": "Roll-forward to a release with every third label worded otherwise, the map without "
                               "figures (the rows around a reworded one still match by label)",
              "reworded-labels": "The same without the figures (labels only: the table, vocabulary and fallback "
                                 "tag the reworded rows)",
              "synonyms": "Roll-forward to a release with every label worded otherwise by a word swapped or "
                          "dropped, the map without figures",
              "concepts": "Leave-one-out with the company's choice among alternative concepts (its map without "
                          "labels or figures)"}
    for mode in modes:
        print_table(titles[mode], results[mode], args.details)
    if args.json:
        records = [dict(mode=mode, filing=s.name, **r) for mode in modes for s in results[mode] for r in s.records]
        args.json.write_text(json.dumps(records, indent=1) + "\n", encoding="utf-8")
    print("\n'named': of the 'co.ext' facts, those on a row whose extension concept gets the company's own name "
          "(from its company map).")
    print("same%/diff% are of the found facts tagged with US-GAAP concepts by the company; 'co.ext' facts carry "
          "the company's own extension concepts.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
