"""The base taxonomy loaded once per Arelle engine and lent to every document's model.

Every release this tool writes discovers the same base taxonomy documents (the shipped US-GAAP
and dei subset, the XBRL 2.1 schemas, DTR types, Calculation 1.1, the negated-label role), and
Arelle used to parse them and build their concept objects again for every document. A
`SharedBase` loads them once, into a model of its own, and while the engine loads a document
(`lending`) Arelle's `ModelDocument.load` is given the already loaded document when discovery
asks for one of them: the document and every document it references join the new model (its
URL map, namespaces, concepts, types, attributes, role and arcrole types, the index space of
its model objects), the way a fresh load would have registered them. Closing the model gives
them back (`give_back`) instead of closing them.

Only base documents are lent: schema documents served from a taxonomy package or from
Arelle's bundled resources, whose loading logged nothing, that hold no linkbases, and whose
references are base documents too. A document asked for under another namespace than its own,
or not found among them, is loaded by Arelle as before. Their DTS checks were skipped before
(base taxonomies, see converter.validate) and still are; Arelle's schema checks of them ran on
every load and now run once, when the shared base is loaded. (Arelle numbers model objects in
load order; the shared documents keep the numbers of the shared model, so the number of a
schema particle some of Arelle's schema messages print can differ from a fresh load's.)
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from converter.linkbases import INSTANCE_XSD, LINKBASE_XSD, NEGATED_LABEL_XSD, SUMMATION_ITEM_XSD, DTR_TYPES_XSD
from converter.serialize import SCHEMA_REFS

# What the documents this tool writes reference, in the order their discovery meets them.
BASE_URLS = (INSTANCE_XSD, *SCHEMA_REFS, DTR_TYPES_XSD, LINKBASE_XSD, SUMMATION_ITEM_XSD.split("#")[0],
             NEGATED_LABEL_XSD.split("#")[0])

_ENTRY = """<?xml version="1.0" encoding="UTF-8"?>
<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:link="http://www.xbrl.org/2003/linkbase"
  xmlns:xlink="http://www.w3.org/1999/xlink">
{refs}</xbrli:xbrl>
"""
_KEYED = ("qnameConcepts", "qnameAttributes", "qnameAttributeGroups", "qnameGroupDefinitions", "qnameTypes")
_LISTED = ("nameConcepts", "roleTypes", "arcroleTypes")
_ATTRIBUTE = "xbrlConvertSharedBase"  # on Arelle's model manager while a document is loaded
_LENT = "xbrlConvertLent"  # on a model: the documents lent to it


def _under(path: str, bases: Sequence[Path]) -> bool:
    return any(path.startswith(str(p) + os.sep) for p in bases)


class SharedBase:
    """The base documents of one engine (see the module docstring)."""

    def __init__(self, cntlr: Any, folder: Path, bases: Sequence[Path], urls: Sequence[str] = BASE_URLS) -> None:
        from arelle import ModelXbrl
        from arelle.ModelDocument import Type

        entry = folder / "shared-base.xml"
        refs = "".join(f'  <link:schemaRef xlink:type="simple" xlink:href="{u}"/>\n' for u in urls)
        entry.write_text(_ENTRY.format(refs=refs), encoding="utf-8")
        self.model = ModelXbrl.load(cntlr.modelManager, str(entry), "loading the shared base taxonomy")
        self.docs: dict[str, Any] = {}
        model = self.model
        if model.modelDocument is None or model.baseSets:
            return
        for uri, doc in model.urlDocs.items():
            if doc.type == Type.SCHEMA and _under(str(getattr(doc, "filepath", "") or ""), bases):
                self.docs[uri] = doc
        self._contributions: dict[Any, list[tuple[str, Any, Any]]] = {doc: [] for doc in self.docs.values()}
        for name in _KEYED:
            for key, obj in getattr(model, name).items():
                if obj.modelDocument in self._contributions:
                    self._contributions[obj.modelDocument].append((name, key, obj))
        for name in _LISTED:
            for key, objs in getattr(model, name).items():
                for obj in objs:
                    if obj.modelDocument in self._contributions:
                        self._contributions[obj.modelDocument].append((name, key, obj))
        for namespace, docs in model.namespaceDocs.items():
            for doc in docs:
                if doc in self._contributions:
                    self._contributions[doc].append(("namespaceDocs", namespace, doc))
        self._closures = {doc: self._closure(doc) for doc in self.docs.values()}

    def _closure(self, doc: Any) -> tuple[Any, ...] | None:
        """`doc` and the documents it references, in the shared model's order; None when one of
        them is not a lendable base document."""
        seen = {doc}
        stack = [doc]
        while stack:
            for ref in stack.pop().referencesDocument:
                if ref not in seen:
                    if ref.uri not in self.docs or self.docs[ref.uri] is not ref:
                        return None
                    seen.add(ref)
                    stack.append(ref)
        return tuple(d for d in self.docs.values() if d in seen)

    def begin(self, model: Any) -> None:
        """A new model: its objects are numbered after the shared ones (whose numbers they keep)."""
        if not model.modelObjects:
            model.modelObjects.extend(self.model.modelObjects)

    def lend(self, model: Any, uri: str, namespace: str | None, discovered: bool) -> Any | None:
        """The shared document for `uri`, with its references, registered in `model`; None when
        it cannot be lent (Arelle then loads it). A document only schema-located (`discovered`
        false, e.g. the linkbase schema of a linkbase's xsi:schemaLocation) is lent only when
        none of them declares role or arcrole types (which count only within the DTS)."""
        doc = self.docs.get(uri)
        closure = self._closures.get(doc) if doc is not None else None
        if closure is None or (namespace and doc.targetNamespace != namespace) or not model.modelObjects:
            return None
        if not discovered and any(name in ("roleTypes", "arcroleTypes") for d in closure
                                  for name, _, _ in self._contributions[d]):
            return None
        if any(model.urlDocs.get(d.uri, d) is not d for d in closure):
            return None  # the model has its own copy of one of them
        lent = model.__dict__.setdefault(_LENT, [])
        for d in closure:
            if d.uri in model.urlDocs:
                continue
            model.urlDocs[d.uri] = d
            d.modelXbrl = model
            lent.append(d)
            for name, key, obj in self._contributions[d]:
                if name in _KEYED:
                    target = getattr(model, name)
                    if name == "qnameTypes":
                        target.setdefault(key, obj)
                    else:
                        target[key] = obj
                else:
                    getattr(model, name)[key].append(obj)
            if d.targetNamespace == "http://xbrl.org/2005/xbrldt":
                model.hasXDT = True
        return doc

    def give_back(self, model: Any) -> None:
        """Before `model` is closed: the lent documents leave it (closing it would close them)."""
        lent = model.__dict__.pop(_LENT, None) if hasattr(model, "__dict__") else None
        if not lent:
            return
        shared = set(lent)
        for uri in [u for u, d in model.urlDocs.items() if d in shared]:
            del model.urlDocs[uri]
        for doc in model.urlDocs.values():
            for ref in [r for r in doc.referencesDocument if r in shared]:
                del doc.referencesDocument[ref]
        for doc in lent:
            doc.modelXbrl = self.model

    def close(self) -> None:
        self.model.close()


def install_lending() -> None:
    """Make Arelle's document loading ask the model manager's shared base first. Idempotent."""
    from arelle import ModelDocument

    original = ModelDocument.load
    if getattr(original, "_xbrl_convert_lending", False):
        return

    def load(modelXbrl: Any, uri: str, base: str | None = None, referringElement: Any = None,  # noqa: N803 - Arelle's names
             isEntry: bool = False, isDiscovered: bool = False, isIncluded: bool = False, *args: Any,
             **kwargs: Any) -> Any:
        shared = getattr(modelXbrl.modelManager, _ATTRIBUTE, None)
        if shared is not None:
            if isEntry:
                shared.begin(modelXbrl)
            elif not isIncluded and not args:
                normalized = modelXbrl.modelManager.cntlr.webCache.normalizeUrl(uri, base)
                if normalized not in modelXbrl.urlDocs:
                    doc = shared.lend(modelXbrl, normalized, kwargs.get("namespace"), isDiscovered)
                    if doc is not None:
                        return doc
        return original(modelXbrl, uri, base, referringElement, isEntry, isDiscovered, isIncluded, *args, **kwargs)

    load._xbrl_convert_lending = True  # type: ignore[attr-defined]
    ModelDocument.load = load


class lending:  # noqa: N801 - used as a context manager
    """While the block runs, documents loaded by `manager` borrow from `shared` (None: no lending)."""

    def __init__(self, manager: Any, shared: SharedBase | None) -> None:
        self.manager, self.shared = manager, shared

    def __enter__(self) -> None:
        if self.shared is not None:
            setattr(self.manager, _ATTRIBUTE, self.shared)

    def __exit__(self, *exc: object) -> None:
        if self.shared is not None:
            delattr(self.manager, _ATTRIBUTE)
