"""The files of a company extension taxonomy, written with lxml: the schema and its
presentation, calculation (Calculation 1.1) and label linkbases.

This module only writes XML from a `TaxonomyPlan` (what goes where); converter/extension.py
decides the plan from the mapped release. Output is deterministic: elements follow the plan's
order (the release's order for presentation), everything else is sorted, nothing depends on
time or hashing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from converter.dimensions import SRT_NS, SRT_XSD, XBRLDT_NS, XBRLDT_XSD, dimension_declaration, is_axis
from converter.model import ExtensionConcept
from converter.serialize import SCHEMA_REFS

XS = "http://www.w3.org/2001/XMLSchema"
XBRLI = "http://www.xbrl.org/2003/instance"
LINK = "http://www.xbrl.org/2003/linkbase"
XLINK = "http://www.w3.org/1999/xlink"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
DTR_TYPES = "http://www.xbrl.org/dtr/type/2022-03-31"
DTR_TYPES_XSD = "https://www.xbrl.org/dtr/type/2022-03-31/types.xsd"
US_GAAP_NS = "http://fasb.org/us-gaap/2024"
DEI_NS = "http://xbrl.sec.gov/dei/2024"

STANDARD_LABEL = "http://www.xbrl.org/2003/role/label"
NEGATED_LABEL = "http://www.xbrl.org/2009/role/negatedLabel"
PERIOD_START_LABEL = "http://www.xbrl.org/2003/role/periodStartLabel"  # "Cash at beginning of period"
PERIOD_END_LABEL = "http://www.xbrl.org/2003/role/periodEndLabel"  # "Cash at end of period"
NEGATED_LABEL_XSD = "http://www.xbrl.org/lrr/role/negated-2009-12-16.xsd#negatedLabel"
PARENT_CHILD = "http://www.xbrl.org/2003/arcrole/parent-child"
CONCEPT_LABEL = "http://www.xbrl.org/2003/arcrole/concept-label"
SUMMATION_ITEM = "https://xbrl.org/2023/arcrole/summation-item"  # Calculation 1.1
SUMMATION_ITEM_XSD = "https://www.xbrl.org/2023/calculation-1.1.xsd#summation-item"
LINK_ROLE = "http://www.xbrl.org/2003/role/link"
LINKBASE_XSD = "http://www.xbrl.org/2003/xbrl-linkbase-2003-12-31.xsd"
INSTANCE_XSD = "http://www.xbrl.org/2003/xbrl-instance-2003-12-31.xsd"
LANG = "en-US"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

# which item types are XBRL 2.1's own and which come from the DTR types schema
_DTR_ITEM_TYPES = {"perShareItemType"}


@dataclass(frozen=True)
class PresentationRow:
    """One concept in a presentation role, under the headings `section` (outermost first)."""

    concept: str  # prefixed
    section: tuple[str, ...] = ()
    negated: bool = False  # the arc's preferredLabel is the negated label
    period_role: str = ""  # PERIOD_START_LABEL / PERIOD_END_LABEL: a balance at a period's start or end
    label: str = ""  # the row's printed label (the text of its period_role label)

    @property
    def preferred(self) -> str:
        """The arc's preferredLabel role ("" for the standard label)."""
        return NEGATED_LABEL if self.negated else self.period_role


@dataclass(frozen=True)
class Summation:
    total: str  # prefixed concept
    parts: tuple[tuple[str, int], ...]  # (prefixed concept, weight)


@dataclass(frozen=True)
class RolePlan:
    name: str  # id of the roleType and last part of its URI, e.g. "BalanceSheet"
    definition: str  # "100000 - Statement - Condensed Consolidated Balance Sheets"
    root: str  # the role's root abstract (prefixed)
    rows: tuple[PresentationRow, ...]
    summations: tuple[Summation, ...] = ()


@dataclass(frozen=True)
class TaxonomyPlan:
    prefix: str
    namespace: str
    schema_file: str  # "cpst-20080930.xsd"; the linkbases are <stem>_pre.xml, _cal.xml, _lab.xml
    roles: tuple[RolePlan, ...]
    concepts: tuple[ExtensionConcept, ...]  # line items no US-GAAP element fits
    abstracts: tuple[tuple[str, str], ...]  # (prefixed name, label) of headings and role roots
    labels: tuple[tuple[str, str], ...]  # (prefixed concept, standard label), first wins
    heading_keys: tuple[tuple[tuple[str, ...], str], ...] = field(default=())
    # (heading path, prefixed abstract) for every heading; roles of one statement share them
    namespace_base: str = "http://xbrl-convert.org"  # the namespace is <base>/<prefix>/<period end>
    # local names of the company's own axes and members its facts' dimensions use (converter/dimensions.py)
    dimension_names: tuple[str, ...] = ()
    uses_srt: bool = False  # a fact's dimension is an SRT axis or member: the schema imports SRT

    @property
    def stem(self) -> str:
        return self.schema_file.removesuffix(".xsd")

    def role_uri(self, role: RolePlan) -> str:
        return f"{self.namespace}/role/{role.name}"

    def linkbase_files(self) -> dict[str, str]:
        return {"pre": f"{self.stem}_pre.xml", "cal": f"{self.stem}_cal.xml", "lab": f"{self.stem}_lab.xml"}


def _href(plan: TaxonomyPlan, concept: str) -> str:
    prefix, local = concept.split(":", 1)
    if prefix == "us-gaap":
        return f"{SCHEMA_REFS[0]}#us-gaap_{local}"
    if prefix == "dei":
        return f"{SCHEMA_REFS[1]}#dei_{local}"
    return f"{plan.schema_file}#{prefix}_{local}"


def _xl(name: str) -> str:
    return f"{{{XLINK}}}{name}"


def _ln(name: str) -> str:
    return f"{{{LINK}}}{name}"


def _bytes(root: etree._Element) -> bytes:
    etree.indent(root, space="  ")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


# ---- schema --------------------------------------------------------------------------------


def schema(plan: TaxonomyPlan) -> bytes:
    nsmap = {"xs": XS, "xbrli": XBRLI, "link": LINK, "xlink": XLINK, "us-gaap": US_GAAP_NS, "dei": DEI_NS,
             plan.prefix: plan.namespace}
    needs_dtr = any(c.item_type in _DTR_ITEM_TYPES for c in plan.concepts) or bool(plan.dimension_names)
    if needs_dtr:
        nsmap["dtr-types"] = DTR_TYPES
    axes = [n for n in plan.dimension_names if is_axis(n)]
    if axes:
        nsmap["xbrldt"] = XBRLDT_NS
    if plan.uses_srt:
        nsmap["srt"] = SRT_NS
    root = etree.Element(f"{{{XS}}}schema", nsmap=nsmap, targetNamespace=plan.namespace,
                         elementFormDefault="qualified", attributeFormDefault="unqualified")
    root.append(etree.Comment(
        " Company extension taxonomy written by xbrl-convert. Namespace scheme: "
        f"{plan.namespace_base}/<prefix>/<period end yyyymmdd>. "))
    appinfo = etree.SubElement(etree.SubElement(root, f"{{{XS}}}annotation"), f"{{{XS}}}appinfo")
    kinds = {"pre": "presentation", "cal": "calculation", "lab": "label"}
    for kind, name in plan.linkbase_files().items():
        etree.SubElement(appinfo, _ln("linkbaseRef"), {
            _xl("type"): "simple", _xl("href"): name,
            _xl("role"): f"http://www.xbrl.org/2003/role/{kinds[kind]}LinkbaseRef",
            _xl("arcrole"): "http://www.w3.org/1999/xlink/properties/linkbase"})
    for role in plan.roles:
        rt = etree.SubElement(appinfo, _ln("roleType"), roleURI=plan.role_uri(role), id=role.name)
        etree.SubElement(rt, _ln("definition")).text = role.definition
        etree.SubElement(rt, _ln("usedOn")).text = "link:presentationLink"
        etree.SubElement(rt, _ln("usedOn")).text = "link:calculationLink"
    etree.SubElement(root, f"{{{XS}}}import", namespace=XBRLI, schemaLocation=INSTANCE_XSD)
    if needs_dtr:
        etree.SubElement(root, f"{{{XS}}}import", namespace=DTR_TYPES, schemaLocation=DTR_TYPES_XSD)
    etree.SubElement(root, f"{{{XS}}}import", namespace=US_GAAP_NS, schemaLocation=SCHEMA_REFS[0])
    etree.SubElement(root, f"{{{XS}}}import", namespace=DEI_NS, schemaLocation=SCHEMA_REFS[1])
    if axes:
        etree.SubElement(root, f"{{{XS}}}import", namespace=XBRLDT_NS, schemaLocation=XBRLDT_XSD)
    if plan.uses_srt:
        etree.SubElement(root, f"{{{XS}}}import", namespace=SRT_NS, schemaLocation=SRT_XSD)
    declared: list[tuple[str, etree._Element]] = []
    for local in plan.dimension_names:  # the company's own axes and members
        el = etree.Element(f"{{{XS}}}element", id=f"{plan.prefix}_{local}", name=local)
        for attribute, value in dimension_declaration(local):
            el.set(f"{{{XBRLI}}}periodType" if attribute == "xbrli:periodType" else attribute, value)
        declared.append((local, el))
    for name, _label in plan.abstracts:
        local = name.split(":", 1)[1]
        el = etree.Element(f"{{{XS}}}element", id=f"{plan.prefix}_{local}", name=local,
                           type="xbrli:stringItemType", substitutionGroup="xbrli:item", abstract="true",
                           nillable="true")
        el.set(f"{{{XBRLI}}}periodType", "duration")
        declared.append((local, el))
    for concept in plan.concepts:
        local = concept.name.split(":", 1)[1]
        type_prefix = "dtr-types" if concept.item_type in _DTR_ITEM_TYPES else "xbrli"
        el = etree.Element(f"{{{XS}}}element", id=f"{plan.prefix}_{local}", name=local,
                           type=f"{type_prefix}:{concept.item_type}", substitutionGroup="xbrli:item",
                           abstract="false", nillable="true")
        el.set(f"{{{XBRLI}}}periodType", concept.period_type)
        if concept.balance:
            el.set(f"{{{XBRLI}}}balance", concept.balance)
        declared.append((local, el))
    for _local, el in sorted(declared, key=lambda pair: pair[0]):
        root.append(el)
    return _bytes(root)


# ---- linkbases -----------------------------------------------------------------------------


def _linkbase() -> etree._Element:
    root = etree.Element(_ln("linkbase"), nsmap={"link": LINK, "xlink": XLINK, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", f"{LINK} {LINKBASE_XSD}")
    return root


def _role_refs(root: etree._Element, plan: TaxonomyPlan, roles: list[RolePlan]) -> None:
    for role in roles:
        etree.SubElement(root, _ln("roleRef"), {"roleURI": plan.role_uri(role), _xl("type"): "simple",
                                               _xl("href"): f"{plan.schema_file}#{role.name}"})


def _loc_label(concept: str) -> str:
    return "loc_" + concept.replace(":", "_")


class _Locs:
    """One locator per concept per extended link, written before the first arc that uses it (and a
    second for the second arc between the same two concepts: a balance at the start and the end)."""

    def __init__(self, plan: TaxonomyPlan, link: etree._Element) -> None:
        self.plan, self.link, self.seen = plan, link, set()  # type: ignore[var-annotated]

    def __call__(self, concept: str, copy: int = 1) -> str:
        label = _loc_label(concept) + (f"_{copy}" if copy > 1 else "")
        if label not in self.seen:
            self.seen.add(label)
            etree.SubElement(self.link, _ln("loc"), {_xl("type"): "locator", _xl("href"): _href(self.plan, concept),
                                                     _xl("label"): label})
        return label


def presentation_tree(plan: TaxonomyPlan, role: RolePlan) -> list[tuple[str, str, str]]:
    """The (parent, child, preferred label role) arcs of a role in order: headings become
    abstracts under the role's root, rows go under their innermost heading. Repeated arcs are
    dropped; a balance printed at the start and at the end of the period ("Cash at beginning of
    period", "Cash at end of period") is two arcs, one per label role."""
    headings = dict(plan.heading_keys)
    arcs: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str, str]] = set()

    def add(parent: str, child: str, preferred: str = "") -> None:
        if (parent, child, preferred) not in seen and parent != child:
            seen.add((parent, child, preferred))
            arcs.append((parent, child, preferred))

    for row in role.rows:
        parent = role.root
        for depth in range(1, len(row.section) + 1):
            abstract = headings[row.section[:depth]]
            add(parent, abstract)
            parent = abstract
        add(parent, row.concept, row.preferred)
    return arcs


def presentation(plan: TaxonomyPlan) -> bytes:
    root = _linkbase()
    _role_refs(root, plan, list(plan.roles))
    for role in plan.roles:
        link = etree.SubElement(root, _ln("presentationLink"), {_xl("type"): "extended",
                                                                _xl("role"): plan.role_uri(role)})
        loc = _Locs(plan, link)
        order: dict[str, int] = {}
        pairs: dict[tuple[str, str], int] = {}
        for parent, child, preferred in presentation_tree(plan, role):
            order[parent] = order.get(parent, 0) + 1
            # XLink allows one arc between two locators: the balance at the end of the period takes a
            # second locator of its concept
            pairs[(parent, child)] = again = pairs.get((parent, child), 0) + 1
            attrs = {_xl("type"): "arc", _xl("arcrole"): PARENT_CHILD, _xl("from"): loc(parent),
                     _xl("to"): loc(child, again), "order": str(order[parent])}
            if preferred:
                attrs["preferredLabel"] = preferred
            etree.SubElement(link, _ln("presentationArc"), attrs)
    return _bytes(root)


def calculation(plan: TaxonomyPlan) -> bytes:
    root = _linkbase()
    roles = [r for r in plan.roles if r.summations]
    etree.SubElement(root, _ln("arcroleRef"), {"arcroleURI": SUMMATION_ITEM, _xl("type"): "simple",
                                               _xl("href"): SUMMATION_ITEM_XSD})
    _role_refs(root, plan, roles)
    for role in roles:
        link = etree.SubElement(root, _ln("calculationLink"), {_xl("type"): "extended",
                                                               _xl("role"): plan.role_uri(role)})
        loc = _Locs(plan, link)
        for summation in role.summations:
            for i, (part, weight) in enumerate(summation.parts, start=1):
                etree.SubElement(link, _ln("calculationArc"), {
                    _xl("type"): "arc", _xl("arcrole"): SUMMATION_ITEM, _xl("from"): loc(summation.total),
                    _xl("to"): loc(part), "order": str(i), "weight": f"{weight}.0"})
    return _bytes(root)


def negated_concepts(plan: TaxonomyPlan) -> set[str]:
    return {row.concept for role in plan.roles for row in role.rows if row.negated}


def _period_labels(plan: TaxonomyPlan) -> dict[str, dict[str, str]]:
    """concept -> {period start/end label role: the text first printed for it}."""
    out: dict[str, dict[str, str]] = {}
    for role in plan.roles:
        for row in role.rows:
            if row.period_role and not row.negated and row.label:
                out.setdefault(row.concept, {}).setdefault(row.period_role, row.label)
    return out


def label(plan: TaxonomyPlan) -> bytes:
    root = _linkbase()
    negated = negated_concepts(plan)
    period_labels = _period_labels(plan)
    if negated:
        etree.SubElement(root, _ln("roleRef"), {"roleURI": NEGATED_LABEL, _xl("type"): "simple",
                                               _xl("href"): NEGATED_LABEL_XSD})
    link = etree.SubElement(root, _ln("labelLink"), {_xl("type"): "extended", _xl("role"): LINK_ROLE})
    loc = _Locs(plan, link)
    suffixes = {PERIOD_START_LABEL: "_periodStart", PERIOD_END_LABEL: "_periodEnd"}
    for concept, text in sorted(plan.labels):
        resource = "lab_" + concept.replace(":", "_")
        roles = [(STANDARD_LABEL, resource, text)]
        if concept in negated:
            roles.append((NEGATED_LABEL, resource + "_negated", text))
        for role, printed in sorted(period_labels.get(concept, {}).items()):
            roles.append((role, resource + suffixes[role], printed))
        from_label = loc(concept)
        for role, res_id, words in roles:
            el = etree.SubElement(link, _ln("label"), {_xl("type"): "resource", _xl("label"): resource,
                                                       _xl("role"): role, "id": res_id})
            el.set(_XML_LANG, LANG)
            el.text = words
        etree.SubElement(link, _ln("labelArc"), {_xl("type"): "arc", _xl("arcrole"): CONCEPT_LABEL,
                                                 _xl("from"): from_label, _xl("to"): resource})
    return _bytes(root)


def files(plan: TaxonomyPlan) -> tuple[tuple[str, bytes], ...]:
    names = plan.linkbase_files()
    return ((plan.schema_file, schema(plan)), (names["pre"], presentation(plan)),
            (names["cal"], calculation(plan)), (names["lab"], label(plan)))
