"""The tagged lines of an XBRL 2.1 instance's statements, read with the company's own linkbases.

An XML instance (the form EDGAR filings took before Inline XBRL) prints nothing: the printed
label of a line is in the company's label linkbase, and the statement, its order and its
headings are in its presentation linkbase. Both are found as a filing ships them: the
instance's `link:schemaRef` names the company's schema beside it, whose `link:linkbaseRef`s
name the linkbases (local files only; nothing is fetched).

For each presentation role that is one of the four statements (known, as in an Inline XBRL
filing, from the concepts it carries; the first role of each kind in the schema's order, and
never a parenthetical one), each concept below the role's root becomes a line:

* the label is the concept's label of the arc's `preferredLabel` role (terse, total,
  "beginning of period" ...), else its standard label, else the words of its name (the
  taxonomy's own labels are not at hand offline);
* the section is the labels of the abstract concepts above it ("[Abstract]" dropped), the
  role's root and "[Line Items]" / "[Table]" nodes left out;
* the sign is "negated" under a negated label role (the statement prints the opposite of the
  stored value), else as printed;
* a concept under a `periodStartLabel` is the balance at the start of each period;
* the facts are the instance's facts of the concept without dimensions for the periods of the
  statement (those of the concepts that say what the statement is).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlparse

from lxml import etree

from converter.errors import InputError
from converter.filing import XbrlDocument, XbrlFact
from converter.ixtables import ANCHORS, MIN_FACTS, UNIT_TYPES, TaggedFact, TaggedLine, sign_of, statement_kind
from converter.linkbases import LINK, STANDARD_LABEL, XLINK
from converter.model import Period, StatementKind

_STRUCTURE = re.compile(r"(Abstract|LineItems|Table|Axis|Domain|Member)$")
_LABEL_SUFFIX = re.compile(r"\s*\[(abstract|line items|table|axis|domain|member)\]\s*$", re.I)


@dataclass(frozen=True)
class _Node:
    concept: str
    preferred: str  # the arc's preferredLabel role ("" for none)
    ancestors: tuple[str, ...]  # the concepts above it, root first
    where: str  # file:line of the arc


def read_instance_statements(path: Path, root: etree._Element, document: XbrlDocument) -> tuple[TaggedLine, ...]:
    """The statement lines of an XBRL instance (`root`, read as `document`). Raises InputError
    when the instance comes without its label and presentation linkbases."""
    labels_files, presentation_files, roles = _linkbases(path, root)
    if not labels_files or not presentation_files:
        raise InputError("an XBRL instance is learned from with the company's own label and presentation "
                         "linkbases (named by its schema's linkbaseRefs); none was found beside it",
                         where=str(path), code="xc:noLinkbases")
    labels = _labels(labels_files)
    trees = _presentation(presentation_files)
    facts: dict[str, list[XbrlFact]] = defaultdict(list)
    for fact in document.facts:
        if not fact.dimensions and fact.unit in UNIT_TYPES and fact.value is not None and not isinstance(
                fact.value, str):
            facts[fact.concept].append(fact)
    order = {role: k for k, role in enumerate(roles)}
    seen: set[StatementKind] = set()
    lines: list[TaggedLine] = []
    for role in sorted(trees, key=lambda r: (order.get(r, len(order)), r)):
        if "parenthetical" in (roles.get(role, "") + role).lower():
            continue
        nodes = trees[role]
        concepts = {n.concept for n in nodes}
        kind = statement_kind(concepts)
        if kind is None or kind in seen or sum(len(facts.get(c, ())) for c in concepts) < MIN_FACTS:
            continue
        seen.add(kind)
        periods = {f.period for anchors in (a for k, a in ANCHORS if k is kind) for c in anchors & concepts
                   for f in facts.get(c, ())}
        lines.extend(line for node in nodes if (line := _line(kind, node, labels, facts, periods)) is not None)
    return tuple(lines)


def _line(kind: StatementKind, node: _Node, labels: dict[str, dict[str, str]], facts: dict[str, list[XbrlFact]],
          periods: set[Period]) -> TaggedLine | None:
    if _STRUCTURE.search(node.concept):
        return None
    own = labels.get(node.concept, {})
    label = own.get(node.preferred) or own.get(STANDARD_LABEL) or next(iter(own.values()), "") or _name_words(
        node.concept)
    opening = node.preferred.endswith("periodStartLabel")
    durations = {p for p in periods if p.start is not None}
    chosen = []
    for fact in facts.get(node.concept, ()):
        period = fact.period
        if period.start is not None or kind is StatementKind.BALANCE_SHEET:
            keep = period in periods
        elif opening:  # the balance the day before each period of the statement starts
            keep = any(d.start - timedelta(days=1) == period.end for d in durations)  # type: ignore[operator]
        else:  # the balance at the end of each period
            keep = any(d.end == period.end for d in durations)
        if keep:
            chosen.append(fact)
    if not label or not chosen:
        return None
    negated = "negated" in node.preferred.lower()
    tagged = [TaggedFact(f.period, f.value, -f.value if negated else f.value, f.unit or "")  # type: ignore[arg-type,operator]
              for f in sorted(chosen, key=lambda f: (f.period.end, f.period.start or f.period.end))]
    instant = all(f.period.start is None for f in tagged)
    section = tuple(_heading(labels.get(c, {})) for c in node.ancestors[1:] if c.endswith("Abstract"))
    return TaggedLine(label=label, statement=kind, section=tuple(s for s in section if s), concept=node.concept,
                      sign="negated" if negated else sign_of([(f.value, f.printed) for f in tagged]),
                      item_type=UNIT_TYPES.get(tagged[0].unit, "other"),
                      period_type="instant" if instant else "duration", opening=opening and instant,
                      facts=tuple(tagged), where=node.where)


def _name_words(concept: str) -> str:
    """A label for a concept the company's linkbase gives none (its label is the taxonomy's own,
    not at hand offline): the words of its name ("AccountsPayableCurrent" -> "Accounts payable current")."""
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", concept.partition(":")[2]).split()
    return " ".join([words[0], *(w.lower() for w in words[1:])]) if words else ""


def _heading(own: dict[str, str]) -> str:
    """An abstract concept's heading: its terse label, else its standard label, "[Abstract]" dropped."""
    terse = next((text for role, text in own.items() if role.endswith("terseLabel")), "")
    return _LABEL_SUFFIX.sub("", terse or own.get(STANDARD_LABEL, ""))


# ---- the company's schema and linkbases --------------------------------------------------------


def _local_file(base: Path, href: str) -> Path | None:
    """The local file an href names relative to `base`'s folder (none for a web address)."""
    parsed = urlparse(href)
    if parsed.scheme in ("http", "https") or not parsed.path:
        return None
    found = (base.parent / parsed.path).resolve()
    return found if found.is_file() else None


def _parse(path: Path) -> etree._Element:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True, remove_comments=True)
    try:
        return etree.parse(str(path), parser).getroot()
    except (OSError, etree.XMLSyntaxError) as exc:
        raise InputError(f"cannot read the linked file: {exc}", where=str(path), code="xc:notXbrl") from None


def _linkbases(path: Path, root: etree._Element) -> tuple[list[Path], list[Path], dict[str, str]]:
    """(label linkbases, presentation linkbases, role URI -> definition in the schema's order)
    named by the instance's schemaRef and linkbaseRefs and by the schema's linkbaseRefs."""
    labels: list[Path] = []
    presentation: list[Path] = []
    roles: dict[str, str] = {}

    def take(base: Path, ref: etree._Element) -> None:
        found = _local_file(base, ref.get(f"{{{XLINK}}}href", ""))
        role = ref.get(f"{{{XLINK}}}role", "")
        if found is None:
            return
        if role.endswith("labelLinkbaseRef") and found not in labels:
            labels.append(found)
        elif role.endswith("presentationLinkbaseRef") and found not in presentation:
            presentation.append(found)

    for ref in root.iter(f"{{{LINK}}}linkbaseRef"):
        take(path, ref)
    for ref in root.iter(f"{{{LINK}}}schemaRef"):
        schema_path = _local_file(path, ref.get(f"{{{XLINK}}}href", ""))
        if schema_path is None:
            continue
        schema = _parse(schema_path)
        for linkbase_ref in schema.iter(f"{{{LINK}}}linkbaseRef"):
            take(schema_path, linkbase_ref)
        for role_type in schema.iter(f"{{{LINK}}}roleType"):
            definition = role_type.findtext(f"{{{LINK}}}definition") or ""
            roles[role_type.get("roleURI", "")] = definition.strip()
    return labels, presentation, roles


def _concept(href: str) -> str:
    """"us-gaap_Revenues" (a locator's fragment, the element's id) -> "us-gaap:Revenues"."""
    fragment = urlparse(href).fragment
    prefix, _, local = fragment.partition("_")
    return f"{prefix}:{local}" if local else fragment


def _locators(link: etree._Element) -> dict[str, str]:
    return {loc.get(f"{{{XLINK}}}label", ""): _concept(loc.get(f"{{{XLINK}}}href", ""))
            for loc in link.iter(f"{{{LINK}}}loc")}


def _labels(files: list[Path]) -> dict[str, dict[str, str]]:
    """concept -> label role -> text (the first English label of the role, else the first)."""
    out: dict[str, dict[str, str]] = defaultdict(dict)
    english: set[tuple[str, str]] = set()
    for path in files:
        for link in _parse(path).iter(f"{{{LINK}}}labelLink"):
            locators = _locators(link)
            resources: dict[str, list[etree._Element]] = defaultdict(list)
            for label in link.iter(f"{{{LINK}}}label"):
                resources[label.get(f"{{{XLINK}}}label", "")].append(label)
            for arc in link.iter(f"{{{LINK}}}labelArc"):
                concept = locators.get(arc.get(f"{{{XLINK}}}from", ""))
                if concept is None:
                    continue
                for label in resources.get(arc.get(f"{{{XLINK}}}to", ""), []):
                    role = label.get(f"{{{XLINK}}}role", STANDARD_LABEL)
                    is_english = label.get("{http://www.w3.org/XML/1998/namespace}lang", "en").lower().startswith("en")
                    text = " ".join("".join(label.itertext()).split())
                    if text and (role not in out[concept] or (is_english and (concept, role) not in english)):
                        out[concept][role] = text
                        if is_english:
                            english.add((concept, role))
    return out


def _presentation(files: list[Path]) -> dict[str, list[_Node]]:
    """role URI -> its concepts in presentation order (depth first, by the arcs' order)."""
    arcs: dict[str, dict[str, list[tuple[float, str, str, str]]]] = defaultdict(lambda: defaultdict(list))
    for path in files:
        for link in _parse(path).iter(f"{{{LINK}}}presentationLink"):
            role = link.get(f"{{{XLINK}}}role", "")
            locators = _locators(link)
            for arc in link.iter(f"{{{LINK}}}presentationArc"):
                parent = locators.get(arc.get(f"{{{XLINK}}}from", ""))
                child = locators.get(arc.get(f"{{{XLINK}}}to", ""))
                if parent is None or child is None:
                    continue
                try:
                    order = float(arc.get("order", "1"))
                except ValueError:
                    order = 1.0
                arcs[role][parent].append((order, child, arc.get("preferredLabel", ""),
                                           f"{path.name}:{arc.sourceline}"))
    out: dict[str, list[_Node]] = {}
    for role, children in arcs.items():
        below = {child for kids in children.values() for _, child, _, _ in kids}
        nodes: list[_Node] = []

        def walk(concept: str, ancestors: tuple[str, ...]) -> None:
            for _, child, preferred, where in sorted(children.get(concept, []), key=lambda a: a[0]):
                if child in ancestors:
                    continue  # a cycle: not a tree
                nodes.append(_Node(child, preferred, ancestors + (concept,), where))
                walk(child, ancestors + (concept,))

        for root in [c for c in children if c not in below]:
            walk(root, ())
        out[role] = nodes
    return out


__all__ = ["read_instance_statements"]
