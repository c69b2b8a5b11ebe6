"""Line maps learned from real filings: a company's own concept map, and the general vocabulary.

A line map is a list of lines (printed label, statement, section, concept, sign, item and period
type) as a company tagged them in its own 10-Q/10-K. Two kinds are used by the mapper:

* a company map (`xbrl-convert learn`), keyed by CIK, tried before the concept table: a release
  of that company gets the concepts the company itself uses;
* the general vocabulary (taxonomy_map/learned_vocabulary.yaml, harvested from many companies'
  filings by scripts/harvest_vocabulary.py), tried after the concept table, with counts.

A row matches a line with the same normalized label in the same statement (in a company map,
also one with the same content words in another order); among several, the one whose section
shares most words with the row's headings, whose unit fits the printed figures (per-share
amounts have cents), and the most frequent, wins.

The YAML form (readable and editable by hand):

    cik: "0001234567"
    company: Example Corp
    learned_from: [exmp-10-q-2025-06-30.htm]
    lines:
      - label: Cash and cash equivalents
        statement: balance_sheet
        section: [Assets, Current assets]
        concept: us-gaap:CashAndCashEquivalentsAtCarryingValue
        sign: as-printed          # as-printed | negated | deduction
        type: monetaryItemType    # monetaryItemType | sharesItemType | perShareItemType
        period: instant           # instant | duration
        opening: false            # an instant at the start of the column's period
        balance: debit            # when the reference data knows it
        filing: exmp-10-q-2025-06-30.htm
        count: 1                  # how many filings tagged it so (the vocabulary)
        figures: {"2024-12-31": "1234000000"}  # what the filing tagged on this line (company maps)

A company map also recognises a row by its figures: a release words a line differently from the
10-Q, but the figure it prints for a period the 10-Q covered too (the prior year end; the prior
year's quarter against last year's 10-Q) is the one the 10-Q tagged. A row no label of the map
matches takes the line whose tagged figure for the same period ("2024-12-31", or
"2024-04-01/2024-06-30") equals one of the row's, when exactly one concept of the map has it and
the line fits the row's unit and place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from converter.concepts import ITEM_TYPE_UNITS, MONTH_NAMES, ConceptEntry, DashRule, Sign, normalize_label
from converter.config import read_yaml
from converter.dimensions import QNAME
from converter.errors import ConfigError
from converter.model import CellKind, Dimensions, LineItem, Period, StatementKind

_WORD = re.compile(r"[a-z]+")
_SKIP_WORDS = {"and", "of", "the", "for", "in", "to", "a", "on", "from", "net", "total"}
_LABEL_KEYS = {"label", "statement", "section", "concept", "sign", "type", "period", "opening", "balance",
               "filing", "count", "note", "figures", "dimensions", "dash"}
MIN_FIGURE = Decimal(1000)  # a figure below this (as stored) is too common to recognise a line or company by


def words(text: str) -> set[str]:
    """The content words of a label or heading, singular ("assets" -> "asset")."""
    out = set()
    for w in _WORD.findall(normalize_label(text)):
        if w in _SKIP_WORDS:
            continue
        out.add(singular(w))
    return out


def singular(word: str) -> str:
    """ "assets" -> "asset" ("loss", "gas" and "tax" stay)."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def word_overlap(mine: set[str], theirs: set[str]) -> float:
    """The share of the words of two labels that both hold: shared words over all their words."""
    return len(mine & theirs) / len(mine | theirs) if mine | theirs else 0.0


def match_key(label: str) -> str:
    """The form labels are compared in: normalized, punctuation as spaces."""
    text = normalize_label(label)
    text = re.sub(r"[^a-z0-9$%()]+", " ", text)
    return " ".join(text.split())


# "attributable to <the company>": the parent's share, whatever the company's name
_ATTRIBUTABLE = re.compile(r"\b(attributable|available|applicable|related) to (?!.*\b(non-?controlling|minority|"
                           r"redeemable|participating|preferred|noncontrolling)\b).*")
_FIGURE_CLAUSE = re.compile(r",?\s*\b(net of|less|including|excluding|after)\b(?P<what>[^,]*?)\bof\s*\(?\$?\s*\(?\d.*$")
_FIGURES_PARENS = re.compile(r"\([^()]*\d[^()]*\)")
_SHARE_COUNTS = re.compile(r",?\s*[\d,.]+( million| billion)?( and [\d,.]+( million| billion)?)? shares\b[^,;]*")
_RESPECTIVELY = re.compile(r",?\s*\brespectively\b")
# "at June 30", "as of December 31, 2024": the date a balance is taken at moves every quarter
_DATE_PHRASE = re.compile(rf",?\s*\b(?:at|as of|on)\s+(?:{'|'.join(MONTH_NAMES)})\s+\d{{1,2}}(?:,?\s*\d{{4}})?\b")


def general_key(label: str) -> str | None:
    """The form a label takes in the general vocabulary, where many companies' wordings meet:
    figures stated in the label dropped ("net of tax of $16 in 2024" -> "net of tax",
    "(net of allowances of $109 ...)" -> gone), the parent named in "attributable to <company>"
    replaced by "parent", "&" read as "and", leading "Less:"/"Add:" and footnote digits dropped.
    None when figures remain (the label states amounts that cannot be generalized)."""
    text = normalize_label(label).replace("&", " and ")
    text = re.sub(r"(?<=[a-z])\d{1,2}$", "", text)  # "Net Income Per Share1": a footnote mark
    text = re.sub(r"^(less|add|plus|deduct)\b:?\s*", "", text)
    clause = _FIGURE_CLAUSE.search(text)
    if clause is not None:
        what = clause.group("what")
        text = text[:clause.start()].rstrip(" ,(") + (
            " net of tax" if "tax" in what else " net" if clause.group(1) == "net of" else "")
    text = _FIGURES_PARENS.sub(" ", text)
    text = _SHARE_COUNTS.sub("", text)
    text = _RESPECTIVELY.sub("", text)
    text = _DATE_PHRASE.sub("", text)
    text = _ATTRIBUTABLE.sub(r"\1 to parent", text)
    if re.search(r"\d", text):
        return None
    key = match_key(text)
    return key or None


# month names too: dates move every quarter ("... shares issued as of December 31, 2024")
_LOOSE_SKIP = {"net", "total", "the", "of", "and", "in", "for", "to", "a", "an", *MONTH_NAMES}


def loose_key(label: str) -> str:
    """A looser form, for a company's own map: its content words, sorted ("Revenues, net" and
    "Net revenues" meet; so do "Income taxes, provision for" and "Provision for income taxes")."""
    return " ".join(sorted({w for w in re.findall(r"[a-z]+", normalize_label(label)) if w not in _LOOSE_SKIP}))


@dataclass(frozen=True)
class MapLine:
    label: str
    statement: StatementKind
    section: tuple[str, ...]
    concept: str
    sign: Sign
    item_type: str
    period_type: str
    opening: bool = False
    balance: str | None = None
    filing: str = ""
    count: int = 1
    figures: tuple[tuple[str, Decimal], ...] = ()  # (period key, size) the filing tagged on this line
    # the explicit dimensions the company tagged the line's facts with (revenue of a product line:
    # srt:ProductOrServiceAxis = us-gaap:ServiceMember); a company map's lines only
    dimensions: Dimensions = ()
    # the company leaves a printed dash on this line untagged (no fact), where others tag zero
    dash_untagged: bool = False

    @property
    def tag(self) -> tuple[str, Dimensions]:
        """What the line's facts are tagged with: concept and dimensions."""
        return self.concept, self.dimensions

    @property
    def key(self) -> tuple[StatementKind, str]:
        return self.statement, match_key(self.label)

    @property
    def extension(self) -> bool:
        """Tagged with the company's own extension concept: the converter declares a concept of
        that name in its own extension taxonomy for the row (no US-GAAP concept)."""
        return not self.concept.startswith("us-gaap:")

    def entry(self, row_label: str, company: bool = False) -> ConceptEntry:
        """The concept-table entry the mapper uses for a row (its printed label) matched to this
        line; `company`: of the company's own map, whose sign convention is the company's."""
        pattern = re.compile(re.escape(normalize_label(row_label)), re.IGNORECASE)
        opening = (pattern,) if self.opening and self.period_type == "instant" else ()
        return ConceptEntry(
            concept=self.concept, item_type=self.item_type, period_type=self.period_type,
            balance=self.balance if self.item_type == "monetaryItemType" else None,
            statement=self.statement, section=None, labels=() if opening else (pattern,),
            total=match_key(self.label).startswith("total"), sign=self.sign,
            dash=DashRule.UNTAGGED if self.dash_untagged and company else DashRule.ZERO,
            never_negative=False, detail=None, detail_of=(), statements=(self.statement,),
            opening_labels=opening, company_sign=company, dimensions=self.dimensions)

    def as_yaml(self) -> dict[str, Any]:
        out: dict[str, Any] = {"label": self.label, "statement": self.statement.value,
                               "section": list(self.section), "concept": self.concept,
                               "sign": self.sign.value, "type": self.item_type, "period": self.period_type}
        if self.opening:
            out["opening"] = True
        if self.balance:
            out["balance"] = self.balance
        if self.filing:
            out["filing"] = self.filing
        if self.count != 1:
            out["count"] = self.count
        if self.figures:
            out["figures"] = {period: str(size) for period, size in self.figures}
        if self.dimensions:
            out["dimensions"] = dict(self.dimensions)
        if self.dash_untagged:
            out["dash"] = "untagged"
        return out


def looks_per_share(item: LineItem) -> bool:
    """Every printed figure has cents and is small: per-share amounts, not money or shares."""
    values = [c for c in item.cells if c.kind is CellKind.NUMBER and c.value is not None]
    return bool(values) and all(c.decimals_printed == 2 and abs(c.value) < 1000 for c in values)  # type: ignore[arg-type]


def fits_place(kind: StatementKind, item: LineItem, lines: list[MapLine], strict: bool = False) -> list[MapLine]:
    """On a balance sheet, lines whose balance and current/noncurrent fit the row's headings
    (a "Deferred income taxes" row under assets is not the liability); when none fits, all
    lines (a company map) or none (`strict`: the vocabulary of many companies)."""
    if kind is not StatementKind.BALANCE_SHEET:
        return lines
    headings = [normalize_label(h) for h in item.section]
    balance = None
    for h in headings:
        if "asset" in h and "liabilit" not in h:
            balance = "debit"
            break
        if "liabilit" in h or "equity" in h:
            balance = "credit"
            break
    placed = place_of(item)
    fitting = [line for line in lines if balance is None or balance_of(line) in (None, balance)]
    if strict and not fitting:
        return []
    if placed == "current":
        kept = [line for line in fitting if not line.concept.endswith("Noncurrent")]
    elif headings or placed == "noncurrent":
        kept = [line for line in fitting if not line.concept.endswith("Current")]
    else:
        kept = fitting
    if strict:  # many companies' noncurrent line is no match for a row under "Current liabilities"
        return kept
    return kept or fitting or lines


_NONCURRENT_RE = re.compile(r"\bnon[- ]?current\b|\blong[- ]term (assets|liabilities)\b")
_CURRENT_RE = re.compile(r"(?<!non)(?<!non-)\bcurrent\b")


def place_of(item: LineItem) -> str | None:
    """'current' or 'noncurrent' as a balance-sheet row's headings place it, else as its place
    among the statement's totals does (LineItem.side: above "Total current liabilities" in a
    table of liabilities printed without a "Current liabilities:" heading), else None."""
    placed = _current_or_not(item.section)
    if placed is None and item.side and item.side.split()[0] in ("current", "noncurrent"):
        return item.side.split()[0]
    return placed


def _current_or_not(section: Sequence[str]) -> str | None:
    """'noncurrent' or 'current' as the headings place a balance-sheet row, or None (a heading
    naming neither: "Liabilities")."""
    headings = [normalize_label(h) for h in section]
    if any(_NONCURRENT_RE.search(h) for h in headings):
        return "noncurrent"
    return "current" if any(_CURRENT_RE.search(h) for h in headings) else None


def balance_of(line: MapLine) -> str | None:
    """The line's balance, or for an element the reference data gives none, the one its name
    says ("DeferredIncomeTaxLiabilitiesNet" is a liability)."""
    if line.balance is not None or line.item_type != "monetaryItemType":
        return line.balance
    name = line.concept.partition(":")[2]
    liability, asset = "Liabilit" in name, "Asset" in name
    return "credit" if liability and not asset else "debit" if asset and not liability else None


@dataclass(frozen=True)
class LineMatch:
    line: MapLine
    score: float
    alternatives: tuple[str, ...]


@dataclass(frozen=True)
class LineMap:
    """A company map or the general vocabulary."""

    lines: tuple[MapLine, ...]
    cik: str | None = None
    company: str = ""
    source: str = ""
    learned_from: tuple[str, ...] = ()
    # concepts the company tags figures stated inside its statements' labels with (treasury shares,
    # allowances, par values): the converter's label facts take them among their alternatives
    label_facts: tuple[str, ...] = ()
    _index: dict[tuple[StatementKind, str], list[MapLine]] = field(default_factory=dict, compare=False, repr=False)
    _loose: dict[tuple[StatementKind, str], list[MapLine]] = field(default_factory=dict, compare=False, repr=False)
    _general: dict[tuple[StatementKind, str], list[MapLine]] = field(default_factory=dict, compare=False, repr=False)
    _figures: dict[tuple[StatementKind, str, Decimal], list[MapLine]] = field(default_factory=dict, compare=False,
                                                                            repr=False)

    def __post_init__(self) -> None:
        for line in self.lines:
            for day, size in line.figures:
                self._figures.setdefault((line.statement, day, size), []).append(line)
            self._index.setdefault(line.key, []).append(line)
            self._loose.setdefault((line.statement, loose_key(line.label)), []).append(line)
            general = general_key(line.label)
            if general:
                self._general.setdefault((line.statement, general), []).append(line)

    def match(self, kind: StatementKind, item: LineItem, strict: bool = False, occurrence: int = 0) -> LineMatch | None:
        """The line a row matches, or None. With `strict` (the vocabulary of many companies), a
        tie between lines of different concepts is no match (an extension concept is better
        than a guess) unless one concept was tagged so by more filings, at least two, and the
        row is the first of its label in the statement (`occurrence` 0). Otherwise (a company map) a tie goes to the line printed in the same
        place: the `occurrence`-th row of this label in the statement (0 for the first)."""
        candidates = self._index.get((kind, match_key(item.label)), [])
        general = general_key(item.label)
        if not candidates and general:  # figures stated in the label, "attributable to <company>"
            candidates = self._general.get((kind, general), [])
        if not candidates and not strict:  # the company's own wording, words reordered
            key = loose_key(general or item.label)
            candidates = self._loose.get((kind, key), []) if key else []
        if not candidates:
            return None
        per_share = looks_per_share(item)
        fitting = [c for c in candidates if (c.item_type == "perShareItemType") == per_share]
        if not fitting and strict:  # many companies' per-share line for a row of money or shares, or the reverse
            return None
        # a row of per-share amounts is never the company's share count of the same words ("Basic"
        # under "Net earnings per share" against "Basic" under "Average shares outstanding")
        fitting = fitting or [c for c in candidates if not (per_share and c.item_type == "sharesItemType")]
        if not fitting:
            return None
        fitting = fits_place(kind, item, fitting, strict)
        if not fitting:
            return None
        heading_words = set().union(*(words(h) for h in item.section)) if item.section else set()
        placed = place_of(item) if kind is StatementKind.BALANCE_SHEET else _current_or_not(item.section)

        def score(line: MapLine) -> tuple[float, int]:
            mine = set().union(*(words(h) for h in line.section)) if line.section else set()
            union = mine | heading_words
            overlap = len(mine & heading_words) / len(union) if union else 1.0
            if placed and (theirs := _current_or_not(line.section)) and theirs != placed:
                overlap = 0.0  # a line learned under "Current assets" for a row under "Non-current assets"
            return round(overlap, 3), line.count

        ranked = sorted(fitting, key=score, reverse=True)
        best = ranked[0]
        if strict and best.section and score(best)[0] < 0.5 and len(match_key(item.label).split()) <= 1:
            return None  # many companies' "Other" under "Operating expenses:" says nothing of an "Other" under "Revenues:"
        others = tuple(dict.fromkeys(c.concept for c in ranked[1:] if c.concept != best.concept))
        # a tie: lines of different concepts, or of one instant concept at the start and at the end
        # of the period ("Cash at January 1" / "Cash at June 30" once their dates are set aside)
        level = len(ranked) > 1 and score(ranked[1])[0] == score(best)[0]
        tied = level and ranked[1].tag != best.tag
        opening_tie = level and ranked[1].opening != best.opening
        if strict and opening_tie:
            return None  # many companies' opening and closing balance of one label: the row does not say which
        if tied and strict:
            # many companies against fewer: a label tagged so by at least two filings, more than any
            # other; not for a label printed again in the statement (one concept cannot take both rows)
            if occurrence > 0 or not (best.count >= 2 and best.count > max(
                    c.count for c in ranked[1:] if score(c)[0] == score(best)[0] and c.tag != best.tag)):
                return None
        if tied or opening_tie:
            in_order = [c for c in candidates if c in fitting]  # the map's (the filing's) order
            best = in_order[min(occurrence, len(in_order) - 1)]
            others = tuple(dict.fromkeys(c.concept for c in in_order if c.concept != best.concept))
        return LineMatch(best, score(best)[0], others)

    def match_figures(self, kind: StatementKind, item: LineItem, dated: Iterable[tuple[str, Decimal]]
                      ) -> LineMatch | None:
        """The line a row matches by its figures (`dated`: the row's sizes as stored, by period
        key): the lines of the row's unit and place whose tagged figure for a period equals the
        row's. Lines of two concepts sharing the figure ("Total assets" and "Total liabilities and
        equity") are told apart by the words of their labels, when one shares more with the row's;
        None otherwise (no figure known, or a tie)."""
        per_share = looks_per_share(item)
        found: list[MapLine] = []
        for day, size in dated:
            if per_share or size >= MIN_FIGURE:
                found += [line for line in self._figures.get((kind, day, size), []) if line not in found]
        found = fits_place(kind, item, [line for line in found if (line.item_type == "perShareItemType") == per_share],
                            strict=True)
        if len({line.tag for line in found}) <= 1:
            return LineMatch(found[0], 1.0, ()) if found else None
        mine = words(item.label)

        def overlap(line: MapLine) -> float:
            return word_overlap(mine, words(line.label))

        ranked = sorted(found, key=overlap, reverse=True)
        best = overlap(ranked[0])
        if best == 0 or any(overlap(line) == best and line.tag != ranked[0].tag for line in ranked[1:]):
            return None
        return LineMatch(ranked[0], round(best, 3), tuple(dict.fromkeys(
            line.concept for line in ranked[1:] if line.concept != ranked[0].concept)))

    def with_lines(self, lines: Iterable[MapLine]) -> LineMap:
        """The same map (CIK, company, source) with other lines, indexed afresh."""
        return replace(self, lines=tuple(lines), _index={}, _loose={}, _general={}, _figures={})

    def split(self) -> tuple[LineMap, LineMap]:
        """The map's lines of US-GAAP concepts, and those of the company's extension concepts."""
        return (self.with_lines(line for line in self.lines if not line.extension),
                self.with_lines(line for line in self.lines if line.extension))

    def concept_lines(self, concept: str) -> list[MapLine]:
        return [line for line in self.lines if line.concept == concept]


# ---- YAML ------------------------------------------------------------------------------------


def _line(raw: Any, where: str) -> MapLine:
    if not isinstance(raw, dict):
        raise ConfigError("each line must be a mapping", where)
    unknown = set(raw) - _LABEL_KEYS
    if unknown:
        raise ConfigError(f"unknown keys {sorted(unknown)}", where)
    try:
        statement = StatementKind(raw.get("statement"))
        sign = Sign(raw.get("sign", "as-printed"))
    except ValueError as exc:
        raise ConfigError(str(exc), where) from None
    concept, label = raw.get("concept"), raw.get("label")
    if not isinstance(concept, str) or not QNAME.fullmatch(concept):
        raise ConfigError(f"concept must look like us-gaap:Name, got {concept!r}", where)
    if not isinstance(label, str) or not label.strip():
        raise ConfigError("label must be a non-empty string", where)
    item_type = raw.get("type", "monetaryItemType")
    if item_type not in ITEM_TYPE_UNITS or ITEM_TYPE_UNITS[item_type] is None:
        raise ConfigError(f"type {item_type!r} is not a numeric item type the converter tags", where)
    period = raw.get("period")
    if period not in ("instant", "duration"):
        raise ConfigError(f"period must be instant or duration, got {period!r}", where)
    balance = raw.get("balance")
    if balance not in (None, "debit", "credit"):
        raise ConfigError(f"balance must be debit or credit, got {balance!r}", where)
    section = raw.get("section") or []
    if isinstance(section, str):
        section = [section]
    return MapLine(label=label, statement=statement, section=tuple(str(s) for s in section), concept=concept,
                   sign=sign, item_type=item_type, period_type=period, opening=bool(raw.get("opening", False)),
                   balance=balance, filing=str(raw.get("filing", "")), count=int(raw.get("count", 1)),
                   figures=_figures(raw.get("figures"), where), dimensions=_dimensions(raw.get("dimensions"), where),
                   dash_untagged=_dash(raw.get("dash"), where))


def _dash(raw: Any, where: str) -> bool:
    """`dash: untagged`: the company tags nothing where it prints a dash on the line."""
    if raw not in (None, "untagged", "zero"):
        raise ConfigError(f"dash must be untagged or zero, got {raw!r}", where)
    return raw == "untagged"


def _dimensions(raw: Any, where: str) -> Dimensions:
    """`dimensions: {srt:ProductOrServiceAxis: us-gaap:ServiceMember}` -> (("srt:...Axis", "us-gaap:...Member"),)."""
    if raw is None:
        return ()
    if not isinstance(raw, dict) or not all(isinstance(k, str) and isinstance(v, str) and QNAME.fullmatch(k)
                                            and QNAME.fullmatch(v) for k, v in raw.items()):
        raise ConfigError("dimensions must map prefixed axis names to prefixed member names "
                          "(srt:ProductOrServiceAxis: us-gaap:ServiceMember)", where)
    return tuple(sorted(raw.items()))


def period_key(period: Period) -> str:
    """"2024-12-31" for an instant, "2024-01-01/2024-06-30" for a duration."""
    return period.end.isoformat() if period.start is None else f"{period.start.isoformat()}/{period.end.isoformat()}"


def _figures(raw: Any, where: str) -> tuple[tuple[str, Decimal], ...]:
    """`figures: {"2024-12-31": "1234000000", "2024-01-01/2024-06-30": "52000000"}` -> ((key, size), ...)."""
    if raw is None:
        return ()
    if not isinstance(raw, dict):
        raise ConfigError("figures must map periods (YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD) to amounts", where)
    out = []
    for period, amount in raw.items():
        try:
            days = [d if isinstance(d, date) else date.fromisoformat(d) for d in
                    ([period] if isinstance(period, date) else str(period).split("/"))]
            if len(days) > 2 or (len(days) == 2 and days[0] > days[1]):
                raise ValueError(period)
            size = abs(Decimal(str(amount)))
        except (ValueError, InvalidOperation):
            raise ConfigError(f"figures: {period!r}: {amount!r} is not a period and an amount", where) from None
        out.append(("/".join(d.isoformat() for d in days), size))
    return tuple(sorted(out))


def load_line_map(path: Path) -> LineMap:
    """Read a company map or vocabulary YAML. Raises ConfigError naming the file and line."""
    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get("lines"), list):
        raise ConfigError("expected a mapping with a 'lines' list", str(path))
    cik = data.get("cik")
    if cik is not None and not re.fullmatch(r"\d{1,10}", str(cik)):
        raise ConfigError(f"cik must be up to 10 digits, got {cik!r}", str(path))
    lines = tuple(_line(raw, f"{path}: lines[{i}]") for i, raw in enumerate(data["lines"]))
    label_facts = data.get("label_facts") or []
    if not isinstance(label_facts, list) or not all(isinstance(c, str) and re.fullmatch(r"[\w-]+:\w+", c)
                                                    for c in label_facts):
        raise ConfigError("label_facts must be a list of prefixed concept names (us-gaap:TreasuryStockCommonShares)",
                          str(path))
    return LineMap(lines=lines, cik=str(cik).zfill(10) if cik is not None else None,
                   company=str(data.get("company", "")), source=str(path),
                   learned_from=tuple(str(f) for f in data.get("learned_from") or ()),
                   label_facts=tuple(label_facts))


def dump_line_map(line_map: LineMap, header: str = "") -> str:
    data: dict[str, Any] = {}
    if line_map.cik:
        data["cik"] = line_map.cik
    if line_map.company:
        data["company"] = line_map.company
    if line_map.learned_from:
        data["learned_from"] = list(line_map.learned_from)
    if line_map.label_facts:
        data["label_facts"] = list(line_map.label_facts)
    data["lines"] = [line.as_yaml() for line in line_map.lines]
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=120)
    return (header + body) if header else body


def load_company_maps(paths: Iterable[Path]) -> tuple[LineMap, ...]:
    """Company maps from files and folders (a folder contributes its .yaml/.yml files)."""
    out: list[LineMap] = []
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix.lower() in (".yaml", ".yml"))
            out.extend(load_line_map(p) for p in files)
        else:
            out.append(load_line_map(path))
    return tuple(out)
