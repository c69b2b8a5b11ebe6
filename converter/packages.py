"""Report packaging and OIM export around the instance/inline documents, and a fact reader.

    write_report_package(folder, inline_name, extension) -> Path   # <stem>.xbri in folder
    export_xbrl_json(instance, out) -> Path                         # xBRL-JSON via Arelle
    save_xbrl_json(model, out, source) -> Path                      # the same from a loaded model
    arelle_facts(document) -> frozenset[ArelleFact]                 # facts as Arelle reads them

Report package (XBRL Report Packages 1.0, inline type): a zip named <inline stem>.xbri with one
top-level directory <inline stem>/ holding

    <stem>/META-INF/reportPackage.json     {"documentInfo": {"documentType": ".../2023/xbri"}}
    <stem>/reports/<inline document>       the one report (.htm/.html/.xhtml)
    <stem>/reports/<extension files>       the company schema and linkbases it references
                                           (relative hrefs resolve next to the report)

Only the inline document has a report file extension inside reports/, so the package holds
exactly one report. The zip is deterministic: entries sorted by name, fixed timestamps
(1980-01-01), fixed permissions, deflate.

Arelle runs through converter.validate's long-lived engine: offline with the shipped US-GAAP/dei
subset package, no persistent config, its log captured as structured messages (nothing printed),
one load at a time (validate's lock). xBRL-JSON export calls the bundled `saveLoadableOIM`
plugin's function on a loaded model (a .json name selects xBRL-JSON): the convert flow passes
the model it already loaded for validation, so the export costs no second load.
"""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from collections.abc import Sequence
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path, PurePath
from typing import Any

from converter.errors import ValidationError
from converter.model import ExtensionTaxonomy
from converter.validate import arelle_session

REPORT_PACKAGE_TYPE = "https://xbrl.org/report-package/2023/xbri"
XBRL_JSON_TYPE = "https://xbrl.org/2021/xbrl-json"
INLINE_SUFFIXES = (".htm", ".html", ".xhtml")
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


# ---- report package -----------------------------------------------------------------------------


def _zip_entry(zf: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.create_system = 3
    info.external_attr = 0o100644 << 16
    zf.writestr(info, data)


def report_package_bytes(inline_name: str, inline: bytes, extension: ExtensionTaxonomy | None) -> bytes:
    """The .xbri zip of one inline document and its extension taxonomy files."""
    if PurePath(inline_name).suffix.lower() not in INLINE_SUFFIXES:
        raise ValueError(f"an inline report package needs an .htm/.html/.xhtml document, not {inline_name}")
    top = PurePath(inline_name).stem
    rp_json = json.dumps({"documentInfo": {"documentType": REPORT_PACKAGE_TYPE}}, indent=2) + "\n"
    entries: dict[str, bytes] = {
        f"{top}/META-INF/reportPackage.json": rp_json.encode("utf-8"),
        f"{top}/reports/{inline_name}": inline,
    }
    for name, data in (extension.files if extension else ()):
        if PurePath(name).suffix.lower() in (*INLINE_SUFFIXES, ".xbrl", ".json"):
            raise ValueError(f"extension file {name} would count as a second report in the package")
        entries[f"{top}/reports/{name}"] = data
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name in sorted(entries):
            _zip_entry(zf, name, entries[name])
    return buffer.getvalue()


def write_report_package(folder: Path, inline_name: str, extension: ExtensionTaxonomy | None) -> Path:
    """Write <inline stem>.xbri into `folder` from folder/inline_name and the extension's files."""
    folder = Path(folder)
    inline = (folder / inline_name).read_bytes()
    target = folder / f"{PurePath(inline_name).stem}.xbri"
    data = report_package_bytes(inline_name, inline, extension)
    tmp = target.with_suffix(".xbri.tmp")
    tmp.write_bytes(data)
    tmp.replace(target)
    return target


# ---- running Arelle -----------------------------------------------------------------------------


def _errors(records: Sequence[dict[str, Any]]) -> list[str]:
    out = []
    for record in records:
        level = str(record.get("levelname") or "").upper()
        if "ERROR" in level or level in ("CRITICAL", "INCONSISTENCY"):
            out.append(f"{record.get('messageCode')}: {record.get('msg')}")
    return out


# ---- xBRL-JSON ----------------------------------------------------------------------------------


def save_xbrl_json(model: Any, out: Path, source: str) -> Path:
    """Save a loaded Arelle model (XML or inline instance) as an xBRL-JSON report at `out`
    through the saveLoadableOIM plugin's function (no plugin discovery). Raises ValidationError
    when Arelle does not write a JSON report; `source` names the document in the error."""
    from arelle.plugin.saveLoadableOIM import saveLoadableOIM

    out = Path(out)
    if out.suffix.lower() != ".json":
        raise ValidationError("the xBRL-JSON file name must end in .json", str(out), code="xc:xbrlJsonFailed")
    if model is None or model.modelDocument is None:
        raise ValidationError("Arelle could not export xBRL-JSON: the document did not load", source,
                              code="xc:xbrlJsonFailed")
    out.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="xbrl-convert-oim-", dir=out.parent) as tmp:
        staged = Path(tmp) / out.name
        sink = io.StringIO()
        try:
            with redirect_stdout(sink), redirect_stderr(sink):
                saveLoadableOIM(model, str(staged))
        except Exception as exc:  # noqa: BLE001 - any failure inside Arelle's export
            raise ValidationError(f"Arelle could not export xBRL-JSON: {type(exc).__name__}: {exc}", source,
                                  code="xc:xbrlJsonFailed") from exc
        if not staged.is_file():
            raise ValidationError("Arelle could not export xBRL-JSON: no xBRL-JSON written", source,
                                  code="xc:xbrlJsonFailed")
        try:
            document_type = json.loads(staged.read_text(encoding="utf-8"))["documentInfo"]["documentType"]
        except (ValueError, KeyError, TypeError) as exc:
            raise ValidationError(f"Arelle wrote an unreadable xBRL-JSON file: {exc}", source,
                                  code="xc:xbrlJsonFailed") from exc
        if document_type != XBRL_JSON_TYPE:
            raise ValidationError(f"unexpected xBRL-JSON documentType {document_type!r}", source,
                                  code="xc:xbrlJsonFailed")
        staged.replace(out)
    return out


def export_xbrl_json(instance: Path, out: Path) -> Path:
    """Save the instance (XML or inline) as an xBRL-JSON report at `out` through Arelle's
    saveLoadableOIM plugin, offline. Raises ValidationError when Arelle cannot load the
    instance or does not write a JSON report."""
    instance, out = Path(instance), Path(out)
    if not instance.is_file():
        raise ValidationError("instance not found", str(instance), code="xc:unreadableInput")
    if out.suffix.lower() != ".json":
        raise ValidationError("the xBRL-JSON file name must end in .json", str(out), code="xc:xbrlJsonFailed")
    with arelle_session(instance) as run:
        errors = _errors(run.records)
        if run.model is None or errors:
            detail = "; ".join(errors[:3]) or "no xBRL-JSON written"
            raise ValidationError(f"Arelle could not export xBRL-JSON: {detail}", str(instance),
                                  code="xc:xbrlJsonFailed")
        return save_xbrl_json(run.model, out, str(instance))


# ---- facts as Arelle reads them -----------------------------------------------------------------


@dataclass(frozen=True, order=True)
class ArelleFact:
    """One fact as Arelle extracted it, comparable between an XML and an inline document."""

    concept: str  # "{namespace}local"
    entity: tuple[str, str]  # (scheme, identifier)
    period: tuple[tuple[str, str], ...]  # (("instant", "2008-09-30"),) or start/end
    unit: tuple[tuple[str, ...], tuple[str, ...]] | None  # (numerators, denominators) as Clark names
    decimals: str | None
    value: str | None  # numbers normalized ("45988000", "-0.06"), None when nil
    fact_id: str | None = None


def _number(text: str) -> str:
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        return text
    text = format(value.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def _period(context: Any) -> tuple[tuple[str, str], ...]:
    out = []
    for child in context.period.iterchildren():
        if isinstance(child.tag, str):
            out.append((child.tag.rsplit("}", 1)[-1], (child.text or "").strip()))
    return tuple(sorted(out))


def _unit(unit: Any) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    if unit is None:
        return None
    num, den = unit.measures
    return (tuple(sorted(q.clarkNotation for q in num)), tuple(sorted(q.clarkNotation for q in den)))


def arelle_facts(document: Path, *, with_ids: bool = False) -> tuple[frozenset[ArelleFact], list[str]]:
    """The facts Arelle reads from an XML instance, an inline document or a report package
    (offline, shipped taxonomy package), and the errors it logged while loading and validating."""
    facts: set[ArelleFact] = set()
    with arelle_session(Path(document), validate=True) as run:
        records = run.records
        for model in run.models:
            for fact in model.factsInInstance:
                ctx = fact.context
                numeric = fact.isNumeric
                value = None if fact.isNil else (_number(fact.value) if numeric else fact.value)
                facts.add(ArelleFact(
                    concept=fact.qname.clarkNotation,
                    entity=tuple(ctx.entityIdentifier) if ctx is not None else ("", ""),
                    period=_period(ctx) if ctx is not None else (),
                    unit=_unit(fact.unit) if numeric else None,
                    decimals=fact.decimals if numeric and not fact.isNil else None,
                    value=value,
                    fact_id=fact.id if with_ids else None,
                ))
    return frozenset(facts), _errors(records)


__all__ = ["write_report_package", "report_package_bytes", "export_xbrl_json", "save_xbrl_json", "arelle_facts", "ArelleFact",
           "REPORT_PACKAGE_TYPE", "XBRL_JSON_TYPE"]
