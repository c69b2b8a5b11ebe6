"""One document end to end: extract -> map -> serialize -> validate, and its output folder.

Output is written to a staging folder and moved into place only when complete, so a failure
never leaves a partial instance. A document that fails gets a report.json saying why, and no
instance.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from enum import Enum
from pathlib import Path
from typing import Any

from converter.checks import run_checks
from converter.concepts import ConceptTable, EntityRegistry
from converter.errors import ConversionError, MappingError, NoStatementsError
from converter.extension import build_extension
from converter.extract import clean_text, extract_text, read_text
from converter.inline import render_inline
from converter.map import DEFAULT_DOCUMENT_TYPE, EntityId, map_release
from converter.model import ExtensionTaxonomy, Level, MappedRelease, MappingDecision, Release, ValidationMessage
from converter.output import (
    OutputError,
    check_target,
    display_path,
    json_bytes,
    safe_stem,
    staged_folder,
    write_atomic,
)
from converter.packages import export_xbrl_json, write_report_package
from converter.report import extension_json, mapped_json, message_json, release_json, skipped_line
from converter.serialize import serialize
from converter.validate import calculation_inconsistencies, validate_instance


class Status(str, Enum):
    VALID = "valid"  # instance written, zero validation errors
    INVALID = "invalid"  # instance written, validation found errors
    NO_STATEMENTS = "no-statements"  # narrative-only release: nothing to tag, not a failure
    FAILED = "failed"  # no instance: the input could not be converted


@dataclass(frozen=True)
class ConvertOptions:
    out_dir: Path
    cik: str | None = None
    encoding: str | None = None
    fail_on_unmapped: bool = False
    validate: bool = True
    taxonomy_packages: tuple[Path, ...] = ()
    online: bool = False
    document_type: str = DEFAULT_DOCUMENT_TYPE
    filing: bool = True  # extension taxonomy, inline XBRL, report package, xBRL-JSON
    viewer: bool = False  # also build the iXBRL viewer
    overwrite: bool = False  # replace an existing output folder the tool did not write


@dataclass(frozen=True)
class DocumentResult:
    input: str
    status: Status
    message: str
    output_dir: str | None = None
    instance: str | None = None
    facts: int = 0
    unmapped: tuple[str, ...] = ()
    errors: int = 0
    warnings: int = 0
    taxonomy_source: str = ""
    messages: tuple[ValidationMessage, ...] = field(default=(), repr=False)
    skipped_tables: tuple[str, ...] = ()  # tables taken for statements that could not be read
    notes: tuple[str, ...] = ()  # what reading changed in the input (see reader.clean_text)

    @property
    def ok(self) -> bool:
        return self.status in (Status.VALID, Status.NO_STATEMENTS)

    def summary_json(self) -> dict[str, Any]:
        return {"input": self.input, "status": self.status.value, "message": self.message,
                "output_dir": self.output_dir, "instance": self.instance, "facts": self.facts,
                "unmapped": len(self.unmapped), "errors": self.errors, "warnings": self.warnings,
                "tables_skipped": len(self.skipped_tables)}


def resolve_entity(release: Release, registry: EntityRegistry, cik: str | None) -> EntityId:
    known = registry.by_ticker(release.info.ticker)
    name = (known.name if known else None) or release.info.company_name
    if cik:
        return EntityId(cik=cik.zfill(10), name=name or "")
    if known:
        return EntityId(cik=known.cik, name=known.name)
    ticker = release.info.ticker or "(none found)"
    raise ConversionError(f"no CIK for ticker {ticker}: add it to taxonomy_map/entities.yaml or pass --cik",
                          release.path)


def instance_name(release: Release, stem: str) -> str:
    info = release.info
    if info.ticker and info.period_end:
        return f"{info.ticker.lower()}-{info.period_end:%Y%m%d}.xml"
    return f"{stem}.xml"


def failure(path: Path, target: Path, status: Status, message: str, overwrite: bool = False) -> DocumentResult:
    """Record a document that produced no instance: target holds only its report.json.

    When the target cannot be written (a folder the tool did not write, a full disk), the
    result says so and no folder is made."""
    shown = display_path(path)
    report: dict[str, Any] = {"input": shown, "status": status.value, "message": message}
    try:
        with staged_folder(target, overwrite) as folder:
            (folder / "report.json").write_bytes(json_bytes(report))
    except OutputError as exc:
        return DocumentResult(input=shown, status=Status.FAILED, message=f"{message}; {exc}")
    except OSError as exc:
        return DocumentResult(input=shown, status=Status.FAILED,
                              message=f"{message}; cannot write {display_path(target)}: {exc.strerror or exc}")
    return DocumentResult(input=shown, status=status, message=message, output_dir=display_path(target))


@dataclass(frozen=True)
class _Document:
    """What a converted release consists of before validation."""

    release: Release
    mapped: MappedRelease
    extension: ExtensionTaxonomy | None
    files: dict[str, bytes]  # file name -> bytes, instance first
    instance: str
    inline: str | None
    unmapped: tuple[MappingDecision, ...]  # rows no US-GAAP concept matched (before extension concepts)
    notes: tuple[str, ...] = ()  # what reading changed in the input (characters XML cannot hold)


def _build(path: Path, options: ConvertOptions, table: ConceptTable, registry: EntityRegistry) -> _Document:
    name = display_path(path)
    text, notes = clean_text(read_text(path, options.encoding), name)
    release = extract_text(text, name)
    mapped = map_release(release, table, resolve_entity(release, registry, options.cik), options.document_type)
    if options.fail_on_unmapped and mapped.unmapped:
        first = mapped.unmapped[0]
        raise MappingError(f"{len(mapped.unmapped)} line item(s) match no concept, first {first.label!r}",
                           str(first.source))
    unmapped = mapped.unmapped
    extension = None
    if options.filing:
        mapped, extension = build_extension(mapped, table)
    name = instance_name(release, safe_stem(path.stem))
    files = {name: serialize(mapped, extension)}
    inline = None
    if extension is not None:
        files.update(extension.files)
        inline = name.removesuffix(".xml") + ".htm"
        files[inline] = render_inline(mapped, text, extension)
    return _Document(release, mapped, extension, files, name, inline, unmapped, notes)


def _validate(folder: Path, doc: _Document, table: ConceptTable,
              options: ConvertOptions) -> tuple[tuple[ValidationMessage, ...], str]:
    """Arelle on the instance (with Calculation 1.1 when there is a calculation linkbase) and on
    the inline document, then the tool's own checks."""
    messages: list[ValidationMessage] = []
    source = "not run (--no-validate)"
    if options.validate:
        calc = doc.extension is not None
        arelle = validate_instance(folder / doc.instance, taxonomy_packages=options.taxonomy_packages,
                                   online=options.online, calc=calc)
        messages.extend(stable_order(arelle.messages))
        source = arelle.taxonomy_source
        if doc.inline:
            inline = validate_instance(folder / doc.inline, taxonomy_packages=options.taxonomy_packages,
                                       online=options.online)
            messages.extend(stable_order(replace(m, source="arelle (inline)") for m in inline.messages))
    messages.extend(run_checks(doc.mapped, table))
    return tuple(messages), source


def stable_order(messages: Iterable[ValidationMessage]) -> list[ValidationMessage]:
    """Messages in an order that does not depend on PYTHONHASHSEED (Arelle reports calculation
    inconsistencies in set order): by code, concept, message text and references."""
    return sorted(messages, key=lambda m: (m.code, m.concept or "", m.message, m.refs, m.source))


def _packages(folder: Path, doc: _Document, options: ConvertOptions) -> list[str]:
    """Report package, xBRL-JSON and (on request) the viewer, written into `folder`."""
    if doc.inline is None:
        return []
    written = [write_report_package(folder, doc.inline, doc.extension).name]
    written.append(export_xbrl_json(folder / doc.instance, folder / doc.instance.replace(".xml", ".json")).name)
    if options.viewer:
        from converter.viewer import build_viewer

        viewer = build_viewer(folder / doc.inline, folder, taxonomy_packages=options.taxonomy_packages,
                              online=options.online)
        written += [viewer.name, "ixbrlviewer.js"]
    return written


def _unmapped_line(decision: MappingDecision, mapped: MappedRelease) -> str:
    """How the console lists a row no US-GAAP concept matched, and what became of it."""
    now = next((d.concept for d in mapped.decisions if d.source == decision.source and d.label == decision.label), None)
    tagged = f" -> extension concept {now}" if now else " (not tagged)"
    return f"{decision.source}: {decision.label}{tagged}"


def convert_document(path: Path, target: Path, options: ConvertOptions, table: ConceptTable,
                     registry: EntityRegistry) -> DocumentResult:
    """Convert one release into the folder `target`: instance, extension taxonomy, inline XBRL,
    report package, xBRL-JSON and report.json (or only report.json when it fails)."""
    try:
        check_target(target, options.overwrite)
    except OutputError as exc:
        return DocumentResult(input=display_path(path), status=Status.FAILED, message=str(exc))
    try:
        doc = _build(path, options, table, registry)
    except NoStatementsError as exc:
        return failure(path, target, Status.NO_STATEMENTS, exc.message, options.overwrite)
    except ConversionError as exc:
        return failure(path, target, Status.FAILED, str(exc), options.overwrite)

    mapped = doc.mapped
    with staged_folder(target, options.overwrite) as folder:
        for name, data in doc.files.items():
            (folder / name).write_bytes(data)
        messages, taxonomy_source = _validate(folder, doc, table, options)
        written = list(doc.files) + _packages(folder, doc, options)
        errors = sum(1 for m in messages if m.level is Level.ERROR)
        warnings = sum(1 for m in messages if m.level is Level.WARNING)
        status = Status.INVALID if errors else Status.VALID
        skipped = len(doc.release.skipped_tables)
        message = (f"{len(mapped.facts)} facts, {len(doc.unmapped)} unmapped, "
                   + (f"{skipped} table(s) skipped, " if skipped else "")
                   + f"{len(doc.extension.concepts) if doc.extension else 0} extension concepts, "
                   f"{errors} errors, {warnings} warnings")
        report = {"input": display_path(path), "status": status.value, "message": message,
                  "input_notes": list(doc.notes), "instance": doc.instance,
                  "inline": doc.inline, "files": sorted(written + ["report.json"]),
                  **release_json(doc.release), **mapped_json(mapped, doc.unmapped),
                  "extension_concepts": extension_json(doc.extension),
                  "validation": {"taxonomy_source": taxonomy_source, "errors": errors, "warnings": warnings,
                                 "calculation": [c.summary() for c in calculation_inconsistencies(messages)],
                                 "messages": [message_json(m) for m in messages]}}
        (folder / "report.json").write_bytes(json_bytes(report))
    return DocumentResult(
        input=display_path(path), status=status, message=message, output_dir=display_path(target),
        instance=display_path(target / doc.instance), facts=len(mapped.facts),
        unmapped=tuple(_unmapped_line(d, mapped) for d in doc.unmapped),
        errors=errors, warnings=warnings, taxonomy_source=taxonomy_source, messages=messages,
        skipped_tables=tuple(skipped_line(t) for t in doc.release.skipped_tables), notes=doc.notes)


INPUT_SUFFIXES = (".txt", ".text", ".htm", ".html", ".md")


def collect_inputs(paths: tuple[Path, ...]) -> list[Path]:
    """Files as given; folders contribute their files with an INPUT_SUFFIXES suffix, sorted
    (not recursive)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES))
        else:
            out.append(path)
    return out


def output_folders(inputs: list[Path], out_dir: Path) -> list[Path]:
    """out_dir/<input stem>, with -2, -3 ... when two inputs share a stem (a stem that is not
    valid UTF-8 is written escaped)."""
    used = {"summary.json"}
    folders = []
    for path in inputs:
        stem = display_path(path.stem) or "release"
        if stem.startswith("."):
            stem = "_" + stem[1:]
        name, n = stem, 1
        while name.lower() in used:
            n += 1
            name = f"{stem}-{n}"
        used.add(name.lower())
        folders.append(out_dir / name)
    return folders


def write_summary(out_dir: Path, results: list[DocumentResult]) -> Path:
    counts = {s.value: sum(1 for r in results if r.status is s) for s in Status}
    data = {"documents": [r.summary_json() for r in results], "counts": counts,
            "tables_skipped": sum(len(r.skipped_tables) for r in results),
            "ok": all(r.ok for r in results)}
    out_dir.mkdir(parents=True, exist_ok=True)
    return write_atomic(out_dir / "summary.json", json_bytes(data))
