"""`xbrl-convert learn`: a company's concept map from its own filings (Inline XBRL, or XBRL
instances with their linkbases), and the general vocabulary harvested from many companies' filings.

Both are line maps (converter/companymap.py). A company map keeps every US-GAAP-tagged line
of the company's statements with the filing that taught it; when several filings are given, a
later filing's tagging of the same line (label, statement, section) wins. The vocabulary keeps
(label, statement, section, concept, sign) with the number of filings that tagged it so, only
for labels the hand-written concept table does not already decide.

A company map keeps the lines tagged with the company's own extension concepts too: the
converter names the extension concept it declares for such a row as the company named its own.
The vocabulary keeps US-GAAP lines only.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import replace
from collections.abc import Iterable, Sequence
from pathlib import Path

from converter.companymap import LineMap, MapLine, general_key, match_key, period_key
from converter.concepts import ConceptTable, Sign, normalize_label
from converter.dimensions import OTHER_STANDARD, learnable
from converter.errors import ConversionError
from converter.fallback import elements
from converter.ixtables import NO_LABEL, FilingStatements, TaggedLine, read_filing_statements
from converter.model import LineItem, SourceRef

STANDARD_PREFIXES = ("us-gaap:",)
_TAGGED_TYPES = ("monetaryItemType", "sharesItemType", "perShareItemType")


def _balances() -> dict[str, str | None]:
    return {e.concept: e.balance for e in elements() if e.balance_known}


def map_line(line: TaggedLine, filing: str, balances: dict[str, str | None]) -> MapLine:
    return MapLine(label=line.label, statement=line.statement, section=line.section, concept=line.concept,
                   sign=Sign(line.sign), item_type=line.item_type, period_type=line.period_type,
                   opening=line.opening, balance=balances.get(line.concept), filing=filing,
                   figures=_figures_tagged(line), dimensions=line.dimensions, dash_untagged=line.dash_untagged)


def _figures_tagged(line: TaggedLine) -> tuple:
    """The figures (period key, size) a filing tagged on a line, for recognising the line by its
    figures in a later release; none for a line of the opening balance (one row, two dates)."""
    if line.opening:
        return ()
    return tuple(sorted({(period_key(f.period), abs(f.value)) for f in line.facts if f.value}))


# prefixes of the standard taxonomies a filing may use besides US-GAAP; any other prefix is the
# company's own extension taxonomy
_STANDARD_TAXONOMIES = OTHER_STANDARD | {"srt"}


def usable(line: TaggedLine, dimensional: bool = False) -> bool:
    """A line tagged with a US-GAAP concept the converter can tag; with `dimensional`, also one
    whose facts carry the company's explicit dimensions (a company map keeps those, the general
    vocabulary does not: another company's product lines are not this one's)."""
    return (line.concept.startswith(STANDARD_PREFIXES) and line.item_type in _TAGGED_TYPES
            and (not line.dimensions or (dimensional and learnable(line.dimensions))))


def company_extension(line: TaggedLine) -> bool:
    """A line tagged with the company's own extension concept ("nflx:ContentAssetsNet")."""
    prefix = line.concept.partition(":")[0]
    standard = f"{prefix}:" in STANDARD_PREFIXES or prefix in _STANDARD_TAXONOMIES
    return not standard and line.item_type in _TAGGED_TYPES and not line.dimensions


def undeclared(line_map: LineMap) -> list[str]:
    """US-GAAP concepts of a map that the shipped offline package does not declare and cannot be
    made to (not US-GAAP 2024 names, or elements whose period type the reference data does not
    know): validating a release that uses them needs the official taxonomy (--taxonomy-package
    or --online)."""
    from converter.supplement import undeclarable

    return undeclarable((line.concept, line.period_type) for line in line_map.lines if not line.extension)


def read_filings(paths: Sequence[Path]) -> list[FilingStatements]:
    return [read_filing_statements(p) for p in paths]


def company_map(filings: Sequence[FilingStatements], company: str = "") -> LineMap:
    """The company map of one company's filings (given oldest first). Raises ConversionError
    when the filings belong to different companies or tag no statement line."""
    ciks = {f.cik for f in filings if f.cik}
    if len(ciks) > 1:
        raise ConversionError(f"the filings belong to different companies (CIKs {', '.join(sorted(ciks))})",
                              code="xc:mixedCompanies")
    balances = _balances()
    lines: dict[tuple, MapLine] = {}
    for filing in filings:
        name = Path(filing.path).name
        seen: Counter[tuple] = Counter()
        for line in filing.lines:
            if not usable(line, dimensional=True) and not company_extension(line):
                continue
            # a label printed more than once in a statement ("Income tax effect") keeps each row
            nth = (line.statement, match_key(line.label), line.section, line.item_type, line.concept, line.dimensions)
            seen[nth[:4]] += 0 if nth in seen else 1
            seen[nth] += 1
            key = (line.statement, match_key(line.label), line.section, line.item_type, seen[nth[:4]])
            learned = map_line(line, name, balances)
            if key in lines:  # a later filing's line keeps the balances of the earlier dates too
                earlier = {day: size for day, size in lines[key].figures}
                earlier.update(dict(learned.figures))
                learned = replace(learned, figures=tuple(sorted(earlier.items())))
            lines[key] = learned
    if not lines:
        raise ConversionError("no US-GAAP-tagged statement line found in the filings",
                              ", ".join(f.path for f in filings), code="xc:nothingToLearn")
    named = [f.company for f in filings if f.company]  # the registrant name the filings tag, latest last
    return LineMap(lines=tuple(lines.values()), cik=next(iter(ciks), None), company=company or (named[-1] if named else ""),
                   learned_from=tuple(Path(f.path).name for f in filings),
                   label_facts=tuple(sorted({c for f in filings for c in f.label_concepts})))


def _table_decides(table: ConceptTable, line: MapLine) -> str | None:
    """The concept the hand-written table gives this line's label in its statement and section."""
    from converter.map import match_line_item

    item = LineItem(label=line.label, section=line.section, cells=(), source=SourceRef("vocabulary", 0))
    entry = match_line_item(table, line.statement, item).entry
    return entry.concept if entry is not None else None


_NAME_NOISE = {"inc", "corp", "corporation", "company", "co", "group", "holdings", "the", "and", "of", "plc",
               "ltd", "incorporated", "international", "llc", "lp", "sa", "nv", "ag"}


def _name_words(company: str) -> set[str]:
    found = [w for w in re.findall(r"[a-z][a-z-]+", company.lower()) if w not in _NAME_NOISE]
    return set(found) | ({"".join(found)} if len(found) > 1 else set())


def general(text: str, name_words: set[str]) -> bool:
    """Text fit for the general vocabulary: no figures, no words of the company's own name."""
    low = text.lower()
    return not re.search(r"\d", text) and not any(re.search(rf"\b{re.escape(w)}\b", low) for w in name_words)


def harvest(filings: Iterable[FilingStatements], table: ConceptTable | None = None, min_count: int = 1) -> LineMap:
    """The general vocabulary: lines as many companies tagged them, with counts; labels the
    concept table decides are left to it."""
    balances = _balances()
    in_2024 = {e.concept for e in elements()}
    counts: Counter[tuple] = Counter()
    first: dict[tuple, MapLine] = {}
    sections: dict[tuple, Counter[tuple[str, ...]]] = defaultdict(Counter)
    seen_in: dict[tuple, set[str]] = defaultdict(set)
    for filing in filings:
        name = Path(filing.path).name
        own_name = _name_words(filing.company)
        for line in filing.lines:
            label = general_key(line.label)
            if (not usable(line) or label is None or not general(label, own_name) or line.concept not in in_2024
                    or line.label == NO_LABEL):  # a company's unlabelled row says nothing of other companies' wordings
                continue
            line = replace(line, label=label, section=tuple(h for h in line.section if general(h, own_name)))
            key = (line.statement, label, line.concept, line.sign, line.item_type, line.period_type,
                   line.opening)
            if name in seen_in[key]:
                continue
            seen_in[key].add(name)
            counts[key] += 1
            sections[key][line.section] += 1
            first.setdefault(key, replace(map_line(line, "", balances), dash_untagged=False))  # one company's habit
    out: list[MapLine] = []
    for key, count in sorted(counts.items(), key=lambda kv: (kv[0][0].value, kv[0][1], -kv[1], kv[0][2])):
        if count < min_count:
            continue
        proto = first[key]
        section = sections[key].most_common(1)[0][0]
        line = MapLine(label=normalize_label(proto.label), statement=proto.statement, section=section,
                       concept=proto.concept, sign=proto.sign, item_type=proto.item_type,
                       period_type=proto.period_type, opening=proto.opening, balance=proto.balance, count=count)
        if table is not None and _table_decides(table, line) is not None:
            continue
        out.append(line)
    return LineMap(lines=tuple(out), source="learned vocabulary")
