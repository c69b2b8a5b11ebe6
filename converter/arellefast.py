"""Per-process speed-ups of Arelle's per-document work that keep its findings and codes.

Installed once per process by the long-lived engine (converter.validate.ArelleEngine):

* linkbase documents: Arelle's DTS check validates every linkbase (the company's presentation,
  calculation and label linkbases) against the XBRL linkbase schema in Python, element by
  element (about a quarter of its validation time). `install_linkbase_schema_check` first
  validates the linkbase with the same schema documents (the ones Arelle loaded for the
  linkbase namespace) compiled once per process by lxml; when lxml finds it valid Arelle's own
  pass is skipped (it would report nothing), otherwise Arelle's own validation runs, so an
  invalid linkbase gets exactly Arelle's messages and codes. Only linkbases whose elements
  are all in the linkbase namespace (and whose attributes are in no namespace or in xlink, xml
  and xsi) take the fast path; any other linkbase is validated by Arelle as before. The XBRL
  2.1 rules of the DTS check (roles, arcs, locators, ids, cycles...) still run in Arelle.
"""

from __future__ import annotations

from typing import Any

_LINK = "http://www.xbrl.org/2003/linkbase"
_XLINK = "{http://www.w3.org/1999/xlink}"
_XML = "{http://www.w3.org/XML/1998/namespace}"
_LINK_PREFIX = "{" + _LINK + "}"

# The attributes a plain linkbase may carry (from the XBRL 2.1 xl, xlink and linkbase schemas).
# lxml validates them all; the values of the types Arelle checks more strictly than libxml2
# (URIs, xml:lang) also go through Arelle's own lexical check ("uri", "lang"). Any other
# attribute sends the linkbase to Arelle's own validation.
_ATTRIBUTES = {
    _XLINK + "type": "", _XLINK + "show": "", _XLINK + "actuate": "", _XLINK + "title": "", "use": "",
    _XLINK + "label": "", _XLINK + "from": "", _XLINK + "to": "", "id": "", "order": "", "weight": "",
    "priority": "", "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation": "",
    _XLINK + "href": "uri", _XLINK + "role": "uri", _XLINK + "arcrole": "uri", "roleURI": "uri",
    "arcroleURI": "uri", "preferredLabel": "uri", _XML + "base": "uri", _XML + "lang": "lang",
}

_COMPILED: dict[str, Any] = {}  # schema file path -> lxml XMLSchema (None: could not compile)


class _XmlValidateForDTS:
    """Arelle's XmlValidate module as ValidateXbrlDTS sees it, with `validate` checking plain
    linkbases against the compiled schema first."""

    def __init__(self, module: Any) -> None:
        self._module = module

    def __getattr__(self, name: str) -> Any:
        return getattr(self._module, name)

    def validate(self, modelXbrl: Any, elt: Any, *args: Any, **kwargs: Any) -> None:  # noqa: N803 - Arelle's name
        if not args and not kwargs and _valid_plain_linkbase(modelXbrl, elt):
            return None
        return self._module.validate(modelXbrl, elt, *args, **kwargs)


def _plain(root: Any) -> bool:
    """Every element in the linkbase namespace, every attribute one of _ATTRIBUTES, URIs and
    languages that Arelle's own lexical checks accept (as XmlValidate checks an anyURI or an
    xml:lang value: whitespace collapsed, then its test)."""
    from arelle.UrlUtil import isValidUriReference
    from arelle.XmlUtil import collapseWhitespace
    from arelle.XmlValidate import baseXsdTypePatterns

    language = baseXsdTypePatterns["languageOrEmpty"]
    checked: set[tuple[str, str]] = set()
    for el in root.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue  # comments, processing instructions
        if not tag.startswith(_LINK_PREFIX):
            return False
        for name, value in el.attrib.items():
            kind = _ATTRIBUTES.get(name)
            if kind is None:
                return False
            if kind and (kind, value) not in checked:
                text = collapseWhitespace(value)
                if not (isValidUriReference(text) if kind == "uri" else language.match(text) is not None):
                    return False
                checked.add((kind, value))
    return True


def _schema(modelXbrl: Any) -> Any | None:
    """The compiled schema of the linkbase namespace, from the document Arelle loaded for it."""
    from arelle import XmlValidate
    from lxml import etree

    docs = modelXbrl.namespaceDocs.get(_LINK) or ()
    path = str(getattr(docs[0], "filepath", "") or "") if docs else ""
    if not path:
        return None
    if path not in _COMPILED:
        try:
            tree = etree.parse(path, parser=XmlValidate.lxmlResolvingParser(modelXbrl.modelManager.cntlr, modelXbrl))
            _COMPILED[path] = etree.XMLSchema(tree)
        except Exception:  # noqa: BLE001 - no fast path; Arelle validates as before
            _COMPILED[path] = None
    return _COMPILED[path]


def _valid_plain_linkbase(modelXbrl: Any, elt: Any) -> bool:
    """Whether `elt` is the root of a stand-alone, not yet validated linkbase of plain linkbase
    elements that the compiled linkbase schema finds valid."""
    from arelle.XmlValidateConst import UNVALIDATED

    if (modelXbrl is None or getattr(elt, "tag", None) != _LINK_PREFIX + "linkbase" or elt.getparent() is not None
            or getattr(elt, "xValid", UNVALIDATED) != UNVALIDATED):
        return False
    if not _plain(elt):
        return False
    schema = _schema(modelXbrl)
    return schema is not None and bool(schema.validate(elt.getroottree()))


def install_linkbase_schema_check() -> None:
    """Make Arelle's DTS check validate plain linkbases with the compiled schema first (see the
    module docstring). Idempotent."""
    from arelle import ValidateXbrlDTS, XmlValidate

    if not isinstance(ValidateXbrlDTS.XmlValidate, _XmlValidateForDTS):
        ValidateXbrlDTS.XmlValidate = _XmlValidateForDTS(XmlValidate)
