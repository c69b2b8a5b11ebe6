"""The concept table with what was learned around it: the order in which a row finds its concept.

1. the company's own map (`--company-map`, picked by the release's CIK): the concepts the
   company uses in its own 10-Q/10-K;
2. the hand-written concept table (taxonomy_map/concepts.yaml), where an accountant decides;
3. the general vocabulary learned from real filings (taxonomy_map/learned_vocabulary.yaml);
4. the fallback ranking over all US-GAAP 2024 numeric elements (converter/fallback.py).

`LayeredTable` is a ConceptTable (every stage that asks the table keeps working); the mapper
(converter.map.match_line_item) asks `match_before` ahead of the table's own entries and
`match_after` when none matched. Decisions are cached per row so that the stages asking again
(extension concepts, checks) get the same answer.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from converter.companymap import (MIN_FIGURE, LineMap, MapLine, balance_of, fits_place, general_key,
                                  load_line_map, looks_per_share, match_key, period_key, word_overlap, words)
from converter.concepts import ConceptEntry, ConceptTable, Sign, normalize_label
from converter.fallback import THRESHOLD, fallback_entry, rank
from converter.model import CellKind, Layer, LineItem, Release, SourceRef, StatementKind

Found = tuple[ConceptEntry | None, str, tuple[str, ...], Layer | None]  # entry, rule, alternatives, layer


def default_vocabulary_path() -> Path:
    from taxonomy_map import data_path

    return data_path("learned_vocabulary.yaml")


@lru_cache(maxsize=4)
def _vocabulary(path: str) -> LineMap:
    return load_line_map(Path(path))


def default_vocabulary() -> LineMap | None:
    path = default_vocabulary_path()
    return _vocabulary(str(path)) if path.is_file() else None


def _key(kind: StatementKind, item: LineItem) -> tuple:
    return (kind, normalize_label(item.label), item.section, item.side,
            tuple((c.kind, c.decimals_printed) for c in item.cells))


@dataclass(frozen=True)
class CompanyExtension:
    """The company's own extension concept for a row: its local name, the rule that found it, and
    the sign the company stores the line's figures with (NEGATED: a payment printed "(2,865)"
    stored 2865)."""

    name: str
    rule: str
    sign: Sign = Sign.AS_PRINTED
    dash_untagged: bool = False  # the company tags nothing where it prints a dash on the line


@dataclass(frozen=True)
class LayeredTable(ConceptTable):
    company_maps: tuple[LineMap, ...] = ()  # every map given (its US-GAAP lines); those of `cik` are used
    company_extensions: tuple[LineMap, ...] = ()  # the maps' lines of the company's own extension concepts
    company_full: tuple[LineMap, ...] = ()  # the maps as given (every line in the filing's order)
    cik: str | None = None
    vocabulary: LineMap | None = None
    fallback: bool = True
    _cache: dict = field(default_factory=dict, compare=False, repr=False)
    _learned: dict = field(default_factory=dict, compare=False, repr=False)  # concept -> entry
    _learned_sets: dict = field(default_factory=dict, compare=False, repr=False)
    _dated: dict = field(default_factory=dict, compare=False, repr=False)  # row source -> its figures by period
    _aligned: dict = field(default_factory=dict, compare=False, repr=False)  # row source -> (line, rule)
    _rows: dict = field(default_factory=dict, compare=False, repr=False)  # statement kind -> the release's rows

    @classmethod
    def around(cls, table: ConceptTable, company_maps: tuple[LineMap, ...] = (),
               vocabulary: LineMap | None = None, fallback: bool = True) -> LayeredTable:
        parts = [m.split() for m in company_maps]
        return cls(entries=table.entries, source=table.source, company_maps=tuple(p[0] for p in parts),
                   company_extensions=tuple(p[1] for p in parts), company_full=tuple(company_maps),
                   vocabulary=vocabulary, fallback=fallback)

    def for_cik(self, cik: str | None, release: Release | None = None) -> LayeredTable:
        """The table for one release: its company's maps (a map without a CIK applies to any);
        with the release, its rows' figures too (a company map recognises a row by them)."""
        bound = replace(self, cik=cik.zfill(10) if cik else None, _cache={}, _learned={}, _dated={}, _aligned={},
                        _rows={})
        if release is not None and bound._company():
            bound._dated.update(_figures_printed(release))
            bound._aligned.update(bound._alignments(release))
            for statement in release.statements:
                bound._rows.setdefault(statement.kind, []).extend(statement.items)
        return bound

    def _alignments(self, release: Release) -> dict[SourceRef, tuple[MapLine, str]]:
        """Rows the company's map recognises by their place or their closest wording (see
        `_in_place` and `_closest_wordings`): a release words some lines of the 10-Q otherwise."""
        out: dict[SourceRef, tuple[MapLine, str]] = {}
        for company in self.company_full:
            if company.cik is not None and company.cik != self.cik:
                continue
            name = Path(company.source).name
            for statement in release.statements:
                lines = [line for line in company.lines if line.statement is statement.kind]
                place = {id(line): k for k, line in enumerate(lines)}
                rows = [item for item in statement.items
                        if any(c.kind is CellKind.NUMBER and c.value is not None for c in item.cells)]
                anchors, matched = self._places(company, statement.kind, rows, place)
                placed = self._in_place(statement.kind, rows, lines, anchors, set(matched))
                for r, k in placed.items():
                    out.setdefault(rows[r].source, (lines[k], _place_rule(lines[k], name)))
                taken = set(matched.values()) | set(placed.values())
                left = [r for r in range(len(rows)) if r not in matched and r not in placed]
                for r, k, score in _closest_wordings(statement.kind, rows, lines, left, taken):
                    out.setdefault(rows[r].source, (lines[k], _worded_rule(lines[k], name, score)))
        return out

    @staticmethod
    def _in_place(kind: StatementKind, rows: list[LineItem], lines: list[MapLine], anchors: list[tuple[int, int]],
                  matched: set[int]) -> dict[int, int]:
        """Row index -> line index of the rows recognised by their place: a row with figures that
        neither its label nor its figures match, between two rows that match lines of the map in
        the filing's order, takes the line in the same place when the rows and the lines between
        those two are as many, and each fits its line's unit and balance-sheet place."""
        out: dict[int, int] = {}
        for (a, la), (b, lb) in zip(anchors, anchors[1:]):
            if any(r in matched for r in range(a + 1, b)):
                continue  # a row between matches a line out of the filing's order
            between, gap = list(range(a + 1, b)), list(range(la + 1, lb))
            if between and len(between) == len(gap) and all(
                    _fits(kind, rows[r], lines[k]) for r, k in zip(between, gap)):
                out.update(zip(between, gap))
        return out

    def _places(self, company: LineMap, kind: StatementKind, rows: list[LineItem],
                place: dict[int, int]) -> tuple[list[tuple[int, int]], dict[int, int]]:
        """(row index, line index) of the rows the map matches by label or figures, in rising
        order of both, and row index -> line index of every row it matches (in order or not)."""
        seen: dict[str, int] = {}
        anchors: list[tuple[int, int]] = []
        matched: dict[int, int] = {}
        for r, item in enumerate(rows):
            key = general_key(item.label) or match_key(item.label)
            occurrence = seen.get(key, 0)
            seen[key] = occurrence + 1
            match = company.match(kind, item, occurrence=occurrence)
            if match is None and (dated := self._dated.get(item.source)):
                match = company.match_figures(kind, item, dated)
            k = place.get(id(match.line)) if match is not None else self._table_place(kind, item, company, place)
            if k is None:
                continue
            matched[r] = k
            if not anchors or k > anchors[-1][1]:
                anchors.append((r, k))
        return anchors, matched

    def _table_place(self, kind: StatementKind, item: LineItem, company: LineMap, place: dict[int, int]) -> int | None:
        """The place of the one line of the map whose concept the concept table gives a row the
        map does not match ("Sales" for the 10-Q's "Revenues"), or an alternative of it: the row
        holds that place among the rows the map matches."""
        found = ConceptTable.match(self, kind, item.label, item.section, item.nonoperating)
        if not found:
            return None
        concept = found[0][0].concept
        lines = [line for line in company.lines if id(line) in place and line.statement is kind
                 and (line.concept == concept or self.interchangeable(concept, line.concept))]
        return place[id(lines[0])] if len(lines) == 1 else None

    def _company(self) -> tuple[LineMap, ...]:
        return tuple(m for m in self.company_maps if m.cik is None or m.cik == self.cik)

    def extension_name(self, kind: StatementKind, item: LineItem) -> CompanyExtension | None:
        """For a row no US-GAAP concept tags: the name the company gave its own extension concept
        for the line (its local name, "ContentAssetsNet"), the rule that found it and the sign
        the company stores the line's figures with; None when no company map of the release has
        such a line."""
        named = self._extension_line(kind, item, by_figures=False) or self._extension_line(kind, item, by_figures=True)
        aligned = self._aligned.get(item.source)
        if named is None and aligned is not None and aligned[0].extension:
            line, rule = aligned
            named = CompanyExtension(line.concept.partition(":")[2], _named_rule(line, rule), line.sign, line.dash_untagged)
        return named

    def _extension_line(self, kind: StatementKind, item: LineItem, by_figures: bool) -> CompanyExtension | None:
        dated = self._dated.get(item.source, ())
        for company in self.company_extensions:
            if company.cik is not None and company.cik != self.cik:
                continue
            if by_figures:
                found = company.match_figures(kind, item, dated) if dated else None
            else:
                found = company.match(kind, item, occurrence=self._occurrence(kind, item))
            if found is not None:
                line = found.line
                where = f" (learned from {line.filing})" if line.filing else ""
                how = "by its figures" if by_figures else f"{line.label!r}"
                return CompanyExtension(line.concept.partition(":")[2], _named_rule(
                    line, f"company map {Path(company.source).name}{where}: {how}"), line.sign, line.dash_untagged)
        return None

    def _remember(self, entry: ConceptEntry) -> ConceptEntry:
        self._learned.setdefault(entry.concept, entry)
        return entry

    def match_before(self, kind: StatementKind, item: LineItem) -> Found | None:
        # the row's place among rows of its label is part of the key: a company map tells two
        # "Deferred costs" rows (current, then noncurrent) apart by their order
        key = ("before", self._occurrence(kind, item)) + _key(kind, item)
        if key not in self._cache:
            self._cache[key] = self._before(kind, item)
        return self._cache[key]

    def _occurrence(self, kind: StatementKind, item: LineItem) -> int:
        """How many rows of the same label (dates in it set aside) came before this one in its statement."""
        rows = self._learned_sets.setdefault(("rows", kind, general_key(item.label) or match_key(item.label)), [])
        if item.source not in rows:
            rows.append(item.source)
        return rows.index(item.source)

    def _before(self, kind: StatementKind, item: LineItem) -> Found | None:
        occurrence = self._occurrence(kind, item)
        companies = [(full, company, company.match(kind, item, occurrence=occurrence))
                     for full, company in zip(self.company_full, self.company_maps)
                     if company.cik is None or company.cik == self.cik]
        for full, _company, standard in companies:
            # the company's own extension line where its headings fit the row better than any of
            # its US-GAAP lines of the same words do (Apple's "Adjustment for net (gains)/losses
            # realized ..." under derivative instruments, its own concept, and under marketable
            # debt securities, a US-GAAP one)
            best = full.match(kind, item, occurrence=occurrence)
            if best is not None and best.line.extension and (standard is None or best.score > standard.score) and (
                    named := self._extension_line(kind, item, by_figures=False)):
                return None, named.rule, (), Layer.COMPANY
        for _full, company, found in companies:
            if found is not None:
                line = found.line
                where = f" (learned from {line.filing})" if line.filing else ""
                rule = f"company map {Path(company.source).name}{where}: {line.label!r} in {' / '.join(line.section) or 'no section'}"
                return self._remember(line.entry(item.label, company=True)), rule, found.alternatives, Layer.COMPANY
        named = self._extension_line(kind, item, by_figures=False)
        if named is not None:  # the company tags the line with its own extension concept: so does the converter
            return None, named.rule, (), Layer.COMPANY
        dated = self._dated.get(item.source, ())
        for company in self._company() if dated else ():
            found = company.match_figures(kind, item, dated)
            if found is not None:
                line = found.line
                shared = sorted(period for period, size in dated if (period, size) in line.figures)
                rule = (f"company map {Path(company.source).name}: the figure for {', '.join(shared)} is the one "
                        f"{line.filing or 'the filing'} tagged on {line.label!r} ({line.concept})")
                return self._remember(line.entry(item.label, company=True)), rule, found.alternatives, Layer.COMPANY
        named = self._extension_line(kind, item, by_figures=True)
        if named is not None:
            return None, named.rule, (), Layer.COMPANY
        aligned = self._aligned.get(item.source)
        if aligned is None:
            return None
        line, rule = aligned
        if line.extension:
            return None, _named_rule(line, rule), (), Layer.COMPANY
        return self._remember(line.entry(item.label, company=True)), rule, (), Layer.COMPANY

    def company_alternative(self, kind: StatementKind, item: LineItem, entry: ConceptEntry
                            ) -> tuple[ConceptEntry, str] | None:
        """For a row the company's map does not recognise and the concept table tags with `entry`:
        the concept the company tags such a line with instead (Revenues or
        RevenueFromContractWithCustomerExcludingAssessedTax, the whole or the parent's portion;
        see ConceptTable.interchangeable), and the rule; None when the company's map has a line of
        `entry`'s concept in the statement itself, lines of no alternative or of several, or when
        another row of the release already takes the alternative through the map."""
        for company in self._company():
            lines = [line for line in company.lines if line.statement is kind]
            if any(line.concept == entry.concept for line in lines):
                return None
            found = [line for line in lines if self.interchangeable(entry.concept, line.concept)
                     and line.period_type == entry.period_type and line.item_type == entry.item_type
                     and (entry.balance is None or balance_of(line) in (None, entry.balance))]
            if len({line.concept for line in found}) != 1 or found[0].concept in self._taken(kind, item):
                continue
            line = found[0]
            where = f" (learned from {line.filing})" if line.filing else ""
            chosen = replace(entry, concept=line.concept, balance=line.balance or entry.balance, alternatives=())
            return self._remember(chosen), (f"company map {Path(company.source).name}{where}: the company tags "
                                             f"{line.label!r} {line.concept}")
        return None

    def company_detail(self, entry: ConceptEntry) -> tuple[ConceptEntry, str] | None:
        """For a figure stated inside a label that the concept table tags with `entry`: the
        concept the company tags such figures with instead (us-gaap:TreasuryStockCommonShares for
        TreasuryStockShares), from the label facts of its filings, and the rule; None when the
        company uses `entry`'s own concept, or no alternative of it or several."""
        for company in self._company():
            if entry.concept in company.label_facts:
                return None
            found = [c for c in company.label_facts if self.interchangeable(entry.concept, c)]
            if len(found) == 1:
                where = f" (learned from {', '.join(company.learned_from)})" if company.learned_from else ""
                return (self._remember(replace(entry, concept=found[0], alternatives=())),
                        f"company map {Path(company.source).name}{where}: the company states such figures as {found[0]}")
        return None

    def _taken(self, kind: StatementKind, item: LineItem) -> set[str]:
        """Concepts the company's map gives the other rows of the release's statements of `kind`."""
        return {found[0].concept for row in self._rows.get(kind, ()) if row.source != item.source
                and (found := self.match_before(kind, row)) is not None and found[0] is not None}

    def match_after(self, kind: StatementKind, item: LineItem) -> Found:
        key = ("after", self._occurrence(kind, item)) + _key(kind, item)
        if key not in self._cache:
            self._cache[key] = self._after(kind, item)
        return self._cache[key]

    def _after(self, kind: StatementKind, item: LineItem) -> Found:
        if self.vocabulary is not None:
            found = self.vocabulary.match(kind, item, strict=True, occurrence=self._occurrence(kind, item))
            if found is not None:
                line = found.line
                rule = (f"learned vocabulary: {line.label!r} tagged {line.concept} in {line.count} filing(s)"
                        f" under {' / '.join(line.section) or 'no section'}")
                return self._remember(line.entry(item.label)), rule, found.alternatives, Layer.VOCABULARY
        if not self.fallback:
            return None, "", (), None
        candidates = rank(kind, item)
        listed = tuple(str(c) for c in candidates)
        if candidates and candidates[0].score >= THRESHOLD and (
                candidates[0].exact or candidates[0].element.concept in self._statement_concepts(kind)):
            best = candidates[0]
            named = ", the label's words are its name" if best.exact else ""
            rule = f"fallback ranking: {best} at or above {THRESHOLD}{named}"
            return self._remember(fallback_entry(kind, best.element)), rule, listed[1:], Layer.FALLBACK
        if candidates and candidates[0].score >= THRESHOLD:
            return None, (f"fallback ranking: {candidates[0]} is not an element companies tag lines of this "
                          "statement with (not given them by the concept table or the learned vocabulary)"), listed, None
        best_score = f"{candidates[0].score:.2f}" if candidates else "none"
        return None, f"fallback ranking below {THRESHOLD} (best {best_score})", listed, None

    def _statement_concepts(self, kind: StatementKind) -> frozenset[str]:
        """Elements real statements of `kind` are tagged with: those the concept table gives
        lines of that statement and those the vocabulary learned in it (an income statement's
        "Other income" is no line of a statement of cash flows)."""
        key = f"statement_concepts:{kind.value}"
        if key not in self._learned_sets:
            found = {e.concept for e in self.entries if kind in e.statements}
            if self.vocabulary is not None:
                found |= {line.concept for line in self.vocabulary.lines if line.statement is kind}
            self._learned_sets[key] = frozenset(found)
        return self._learned_sets[key]

    def entry(self, concept: str) -> ConceptEntry | None:
        return super().entry(concept) or self._learned.get(concept)

    def known_entry(self, concept: str, label: str) -> ConceptEntry | None:
        """A concept of the table, else of the learned vocabulary (its most frequent line's sign)."""
        found = super().entry(concept)
        if found is not None or self.vocabulary is None:
            return found
        lines = [line for line in self.vocabulary.lines if line.concept == concept]
        if not lines:
            return None
        return self._remember(max(lines, key=lambda line: line.count).entry(label))


_MIN_SHARED_FIGURES = 3  # figures a release must share with a map to be taken for its company


def map_cik(table: ConceptTable, release: Release | None = None) -> tuple[str, str, str] | None:
    """(CIK, how it was found, company name of the map) for a release whose own CIK cannot be found: the company of the
    maps given when they are all of one company (the user named the company by its map); among
    maps of several companies, the one whose filings tagged the most of the figures the release
    prints (at least three, twice as many as any other company's)."""
    if not isinstance(table, LayeredTable):
        return None
    maps = [m for m in table.company_maps if m.cik]
    ciks = {m.cik for m in maps}
    if len(ciks) == 1 and not any(m.cik is None for m in table.company_maps):
        return maps[0].cik, f"company map {Path(maps[0].source).name}", maps[0].company  # type: ignore[return-value]
    if release is None or len(ciks) < 2:
        return None
    printed = {(kind, key, size) for kind, _source, dated in _dated_rows(release) for key, size in dated
               if size >= MIN_FIGURE}
    shared: Counter[str] = Counter()
    first: dict[str, LineMap] = {}
    for m in maps:
        shared[m.cik] += sum(1 for line in m.lines for key, size in line.figures  # type: ignore[index]
                             if (line.statement, key, size) in printed)
        first.setdefault(m.cik, m)  # type: ignore[arg-type]
    ranked = shared.most_common(2)
    best, count = ranked[0]
    if count >= _MIN_SHARED_FIGURES and (len(ranked) < 2 or count >= 2 * ranked[1][1]):
        chosen = first[best]
        return best, (f"company map {Path(chosen.source).name} (the release prints {count} figures its filings "
                      "tagged)"), chosen.company
    return None


_LISTED_CIKS = 3  # a batch run with a folder of maps names a few of their companies, not thousands


def unused_maps(table: ConceptTable, cik: str | None) -> str | None:
    """Why the company maps given do not apply to a release of `cik`, or None when one does (or
    none was given, or a map without a CIK applies to every release)."""
    if not isinstance(table, LayeredTable) or not table.company_maps:
        return None
    if any(m.cik is None or m.cik == cik for m in table.company_maps):
        return None
    ciks = sorted({m.cik for m in table.company_maps if m.cik})
    given = ", ".join(ciks) if len(ciks) <= _LISTED_CIKS else (
        f"{', '.join(ciks[:_LISTED_CIKS])} and {len(ciks) - _LISTED_CIKS} more")
    return (f"no company map for CIK {cik or '(none found)'} (maps given for CIK {given}); "
            "the concept table, the vocabulary and the fallback tagged the release")


def for_entity(table: ConceptTable, cik: str | None, release: Release | None = None) -> ConceptTable:
    """The table one release is mapped with: a LayeredTable bound to the release's CIK (and rows)."""
    return table.for_cik(cik, release) if isinstance(table, LayeredTable) else table


def _named_rule(line: MapLine, how: str) -> str:
    """The rule of a row whose extension concept takes the name of the company's own."""
    return f"extension concept named as the company names it, {line.concept}: {how}"


def _place_rule(line: MapLine, source: str) -> str:
    """The rule of a row a company map recognises by its place."""
    return f"company map {source}: in the place of {line.label!r} among the rows its labels and figures match"


def _worded_rule(line: MapLine, source: str, score: float) -> str:
    """The rule of a row a company map recognises by its closest wording."""
    return (f"company map {source}: worded most like {line.label!r} ({score:.2f} of their words shared), "
            "a line no other row takes")


MIN_WORDING = 0.5  # the share of words a row and a map line must have in common (and two at least)


def _closest_wordings(kind: StatementKind, rows: list[LineItem], lines: list[MapLine], left: list[int],
                      taken: set[int]) -> list[tuple[int, int, float]]:
    """(row index, line index, score) for rows the map recognised by neither label, figures nor
    place: each takes the map line no other row takes whose label shares the most words with its
    own (at least two, and half of the words of both together), when the line fits its unit and
    balance-sheet place; best pairs first, each row and each line once. A row whose best lines
    are of different concepts and score alike takes none, nor does a line two rows want alike."""
    pairs: list[tuple[float, int, int]] = []
    for r in left:
        mine = words(rows[r].label)
        for k, line in enumerate(lines):
            if k in taken or not mine or not _fits(kind, rows[r], line):
                continue
            theirs = words(line.label)
            score = round(word_overlap(mine, theirs), 3)
            if score >= MIN_WORDING and len(mine & theirs) >= 2:
                pairs.append((score, r, k))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    lines_of: dict[tuple[float, int], list[int]] = {}  # (score, row) -> lines
    rows_of: dict[tuple[float, int], list[int]] = {}  # (score, line) -> rows
    for score, r, k in pairs:
        lines_of.setdefault((score, r), []).append(k)
        rows_of.setdefault((score, k), []).append(r)
    out: list[tuple[int, int, float]] = []
    used_rows: set[int] = set()
    used_lines: set[int] = set()
    for score, r, k in pairs:  # each turn that gets past this test uses up a row or a line
        if r in used_rows or k in used_lines:
            continue
        if len({lines[j].concept for j in lines_of[(score, r)] if j not in used_lines}) > 1:
            used_rows.add(r)  # lines of two concepts fit the row alike: it takes none
            continue
        if len([i for i in rows_of[(score, k)] if i not in used_rows]) > 1:
            used_lines.add(k)  # two rows fit the line alike: neither takes it
            continue
        out.append((r, k, score))
        used_rows.add(r)
        used_lines.add(k)
    return out


def _fits(kind: StatementKind, item: LineItem, line: MapLine) -> bool:
    """A map line can stand in a row's place: per-share for a per-share row and not otherwise,
    on the row's side of the balance sheet."""
    if (line.item_type == "perShareItemType") != looks_per_share(item):
        return False
    return bool(fits_place(kind, item, [line], strict=True))


MIN_PRINTED = Decimal(100)  # a figure printed smaller ("6", in millions) is too common to recognise a line by


def _dated_rows(release: Release) -> Iterator[tuple[StatementKind, SourceRef, tuple[tuple[str, Decimal], ...]]]:
    """(statement kind, row, the row's figures as stored (size, scaled) by period key) of each row
    with figures; a figure printed with fewer than three digits ("6" in millions) is too common
    to recognise a line by and left out (not of a per-share row)."""
    for statement in release.statements:
        periods = [(k, period_key(p)) for k, p in enumerate(statement.periods)]
        for item in statement.items:
            per_share = looks_per_share(item)
            exponent = 0 if per_share else statement.scale.exponent
            dated = tuple((key, abs(item.cells[k].value).scaleb(exponent))  # type: ignore[arg-type]
                          for k, key in periods if k < len(item.cells) and item.cells[k].kind is CellKind.NUMBER
                          and item.cells[k].value and (per_share or abs(item.cells[k].value) >= MIN_PRINTED))
            if dated:
                yield statement.kind, item.source, dated


def _figures_printed(release: Release) -> dict[SourceRef, tuple[tuple[str, Decimal], ...]]:
    """Each row's figures as stored (size, scaled), by period key."""
    return {source: dated for _kind, source, dated in _dated_rows(release)}
