"""One document end to end: extract -> map -> serialize -> validate, and its output folder.

Output is written to a staging folder and moved into place only when complete, so a failure
never leaves a partial instance. A document that fails gets a report.json saying why, and no
instance.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from converter.checks import run_checks
from converter.concepts import ConceptTable, EntityRegistry
from converter.errors import ConversionError, MappingError, NoStatementsError
from converter.extract import extract_file
from converter.map import DEFAULT_DOCUMENT_TYPE, EntityId, map_release
from converter.model import Level, MappedRelease, Release, ValidationMessage
from converter.report import mapped_json, message_json, release_json
from converter.serialize import serialize


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

    @property
    def ok(self) -> bool:
        return self.status in (Status.VALID, Status.NO_STATEMENTS)

    def summary_json(self) -> dict[str, Any]:
        return {"input": self.input, "status": self.status.value, "message": self.message,
                "output_dir": self.output_dir, "instance": self.instance, "facts": self.facts,
                "unmapped": len(self.unmapped), "errors": self.errors, "warnings": self.warnings}


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


def _write_folder(target: Path, files: dict[str, bytes]) -> None:
    """Write all files into a staging folder next to target, then swap it into place."""
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        for name, data in files.items():
            (staging / name).write_bytes(data)
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def _json_bytes(data: dict[str, Any]) -> bytes:
    return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _validate(instance: Path, mapped: MappedRelease, table: ConceptTable,
              options: ConvertOptions) -> tuple[tuple[ValidationMessage, ...], str]:
    messages = list(run_checks(mapped, table))
    source = "not run (--no-validate)"
    if options.validate:
        from converter.validate import validate_instance

        arelle = validate_instance(instance, taxonomy_packages=options.taxonomy_packages, online=options.online)
        messages = list(arelle.messages) + messages
        source = arelle.taxonomy_source
    return tuple(messages), source


def failure(path: Path, target: Path, status: Status, message: str, release: Release | None = None) -> DocumentResult:
    """Record a document that produced no instance: target holds only its report.json."""
    report: dict[str, Any] = {"input": str(path), "status": status.value, "message": message}
    if release is not None:
        report.update(release_json(release))
    _write_folder(target, {"report.json": _json_bytes(report)})
    return DocumentResult(input=str(path), status=status, message=message, output_dir=str(target))


def convert_document(path: Path, target: Path, options: ConvertOptions, table: ConceptTable,
                     registry: EntityRegistry) -> DocumentResult:
    """Convert one release into the folder `target` (instance + report.json)."""
    release: Release | None = None
    try:
        release = extract_file(path, encoding=options.encoding)
        entity = resolve_entity(release, registry, options.cik)
        mapped = map_release(release, table, entity, options.document_type)
        if options.fail_on_unmapped and mapped.unmapped:
            first = mapped.unmapped[0]
            raise MappingError(f"{len(mapped.unmapped)} line item(s) match no concept, first {first.label!r}",
                               str(first.source))
        instance_bytes = serialize(mapped)
    except NoStatementsError as exc:
        return failure(path, target, Status.NO_STATEMENTS, exc.message, release)
    except ConversionError as exc:
        return failure(path, target, Status.FAILED, str(exc), release)

    name = instance_name(release, path.stem)
    with tempfile.TemporaryDirectory(prefix="xbrl-convert-") as tmp:
        instance = Path(tmp) / name
        instance.write_bytes(instance_bytes)
        messages, taxonomy_source = _validate(instance, mapped, table, options)
    errors = sum(1 for m in messages if m.level is Level.ERROR)
    warnings = sum(1 for m in messages if m.level is Level.WARNING)
    status = Status.INVALID if errors else Status.VALID
    message = f"{len(mapped.facts)} facts, {len(mapped.unmapped)} unmapped, {errors} errors, {warnings} warnings"
    report = {"input": str(path), "status": status.value, "message": message, "instance": name,
              **release_json(release), **mapped_json(mapped),
              "validation": {"taxonomy_source": taxonomy_source, "errors": errors, "warnings": warnings,
                             "messages": [message_json(m) for m in messages]}}
    _write_folder(target, {name: instance_bytes, "report.json": _json_bytes(report)})
    return DocumentResult(
        input=str(path), status=status, message=message, output_dir=str(target), instance=str(target / name),
        facts=len(mapped.facts), unmapped=tuple(f"{d.source}: {d.label}" for d in mapped.unmapped),
        errors=errors, warnings=warnings, taxonomy_source=taxonomy_source, messages=messages)


INPUT_SUFFIXES = (".txt", ".text", ".htm", ".html", ".md")


def collect_inputs(paths: tuple[Path, ...]) -> list[Path]:
    """Files as given; folders contribute their *.txt files, sorted (not recursive)."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.iterdir() if p.is_file() and p.suffix.lower() in INPUT_SUFFIXES))
        else:
            out.append(path)
    return out


def output_folders(inputs: list[Path], out_dir: Path) -> list[Path]:
    """out_dir/<input stem>, with -2, -3 ... when two inputs share a stem."""
    seen: dict[str, int] = {}
    folders = []
    for path in inputs:
        stem = path.stem
        seen[stem] = seen.get(stem, 0) + 1
        folders.append(out_dir / (stem if seen[stem] == 1 else f"{stem}-{seen[stem]}"))
    return folders


def write_summary(out_dir: Path, results: list[DocumentResult]) -> Path:
    counts = {s.value: sum(1 for r in results if r.status is s) for s in Status}
    data = {"documents": [r.summary_json() for r in results], "counts": counts,
            "ok": all(r.ok for r in results)}
    path = out_dir / "summary.json"
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_bytes(_json_bytes(data))
    tmp.replace(path)
    return path
