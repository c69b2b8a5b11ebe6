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
from converter.concepts import ConceptTable
from converter.entities import Entity, EntityRegistry, name_key
from converter.contract import header, ref_json, relative_path, where_json
from converter.errors import ConversionError, EntityError, MappingError, NoStatementsError
from converter.dimensions import without_company_dimensions
from converter.extension import NAMESPACE_BASE, build_extension
from converter.extract import clean_text, extract_text, read_text
from converter.inline import render_inline
from converter.layered import for_entity, map_cik, unused_maps
from converter.supplement import supplemented_for
from converter.map import CIK_SCHEME, DEFAULT_DOCUMENT_TYPE, EntityId, map_release
from converter.model import (
    ExtensionTaxonomy,
    Level,
    MappedRelease,
    MappingDecision,
    Notice,
    Release,
    ValidationMessage,
)
from converter.output import (
    OutputError,
    check_target,
    display_path,
    json_bytes,
    safe_stem,
    staged_folder,
    write_atomic,
)
from converter.packages import save_xbrl_json, write_report_package
from converter.report import (
    calculation_json,
    extension_json,
    failure_report,
    mapped_json,
    message_json,
    release_json,
    skipped_line,
)
from converter.serialize import serialize
from converter.validate import (
    arelle_report,
    arelle_session,
    calculation_inconsistencies,
    instance_matches_model,
)
from converter.validate import taxonomy_source as describe_taxonomy_source


class Status(str, Enum):
    """A document's outcome. "no-statements" keeps its hyphen (the one value that is not
    snake_case): scripts that score a batch from summary.json compare it literally."""

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
    namespace_base: str = NAMESPACE_BASE  # extension namespaces are <base>/<prefix>/<period end>


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
    notes: tuple[Notice, ...] = ()  # what reading changed in the input (see reader.clean_text)
    code: str | None = None  # why no instance was written (converter.errors.CODES)
    reason: str | None = None  # the message without the paths of input and output (for JSON); default message
    warning_codes: tuple[str, ...] = ()  # the codes of the document's warnings, sorted, once each

    @property
    def ok(self) -> bool:
        return self.status in (Status.VALID, Status.NO_STATEMENTS)

    def summary_json(self, out_dir: Path) -> dict[str, Any]:
        """The document's entry in summary.json; paths relative to `out_dir` (summary.json's folder)."""
        def rel(path: str | None) -> str | None:
            return relative_path(path, out_dir) if path else None

        return {"input": rel(self.input), "status": self.status.value, "code": self.code,
                "message": self.reason or self.message,
                "output_dir": rel(self.output_dir), "instance": rel(self.instance), "facts": self.facts,
                "unmapped": len(self.unmapped), "errors": self.errors, "warnings": self.warnings,
                "tables_skipped": len(self.skipped_tables), "warning_codes": list(self.warning_codes)}


# Identifier schemes of a release whose CIK cannot be found (see resolve_entity).
TICKER_SCHEME = "urn:xbrl-convert:ticker"
NAME_SCHEME = "urn:xbrl-convert:registrant-name"
_GENERIC_WORDS = frozenset("""THE INC INCORPORATED CORP CORPORATION CO COMPANY COMPANIES LTD LIMITED LLC LP PLC
    GROUP HOLDINGS HOLDING FINANCIAL BANCORP BANK INTERNATIONAL INDUSTRIES SYSTEMS TECHNOLOGIES SERVICES
    TRUST CAPITAL AMERICA AMERICAN NATIONAL GLOBAL US & AND OF""".split())


def _distinctive(name: str) -> set[str]:
    return set(name_key(name).split()) - _GENERIC_WORDS


def _agree(printed: str, registered: str) -> bool:
    """The names share a distinctive word, also when one writes it joined ("CooperCompanies")."""
    ours, theirs = _distinctive(printed), _distinctive(registered)
    joined_ours, joined_theirs = "".join(name_key(printed).split()), "".join(name_key(registered).split())
    return bool(ours & theirs) or any(w in joined_ours for w in theirs) or any(w in joined_theirs for w in ours)


def _find_by_name(registry: EntityRegistry, names: list[str]) -> tuple[str, Entity] | None:
    """The first printed name, or its longest tail ("Quarterly Summary Acme Widget Corp." ->
    "Acme Widget Corp."), that names one registrant."""
    for name in names:
        words = name.split()
        for i in range(len(words)):
            tail = " ".join(words[i:])
            key = name_key(tail)
            if not tail[0].isupper() or not key or (" " not in key and key in _GENERIC_WORDS):
                continue
            found = registry.by_name(tail)
            if found:
                return tail, found
    return None


def _registrant_name(printed: str | None, known: Entity | None, names: list[str]) -> str:
    """The registry's name, except that an upper-case SEC conformed name ("COOPER COMPANIES,
    INC.") gives way to the same name as the release prints it in mixed case."""
    if known is None:
        return printed or ""
    if known.name.isupper():
        for name in (printed, *names):
            if name and not name.isupper() and name_key(name) == name_key(known.name):
                return name
    return known.name


def with_ticker(entity: EntityId, release: Release, registry: EntityRegistry) -> EntityId:
    """The entity with its trading symbol: the one printed when the registry lists it for the
    entity's CIK (or the CIK is not listed), else the registry's first ticker for the CIK (a
    10-Q or an exhibit without "(NYSE: KO)" in its text); none without a CIK."""
    if not entity.has_cik:
        return entity
    printed = release.info.ticker
    listed = registry.by_cik(entity.cik)
    by_printed = registry.by_ticker(printed)
    if printed and (listed is None or (by_printed is not None and by_printed.cik == entity.cik)):
        return replace(entity, ticker=printed.upper())
    return replace(entity, ticker=listed.ticker) if listed is not None else entity


def resolve_entity(release: Release, registry: EntityRegistry, cik: str | None) -> EntityId:
    """Who the release is about. The CIK comes from --cik, else the EDGAR submission header,
    else the printed ticker in the registry (entities.yaml overrides, then the SEC's list), else
    the printed company name in the registry. A ticker whose registrant shares no distinctive
    word with the printed company name is not trusted (tickers are reused after delisting).

    When no CIK can be found (delisted companies are common in EDGAR archives) the release is
    still converted: the context identifier is the ticker (or the normalized company name)
    under a scheme of this tool's own (TICKER_SCHEME, NAME_SCHEME), never a made-up CIK, no
    dei:EntityCentralIndexKey is written, and `warning` says so. Only a release with no CIK,
    ticker or company name at all fails."""
    info = release.info
    printed = info.company_name
    names = [n for n in (printed, *info.other_names) if n]
    by_ticker = registry.by_ticker(info.ticker)
    named = _find_by_name(registry, names)
    by_name = named[1] if named else None
    doubt = None
    if by_ticker and any(_distinctive(n) for n in names) and not any(_agree(n, by_ticker.name) for n in names):
        doubt = f"ticker {info.ticker} is listed for {by_ticker.name} (CIK {by_ticker.cik}), not {printed!r}"
        by_ticker = None
    if named and (by_ticker is None or by_ticker.cik == by_name.cik):
        printed = named[0]
    known = by_ticker or by_name
    name = _registrant_name(printed, known, names)
    if cik:
        return EntityId(cik=cik.zfill(10), name=name, found_by="--cik")
    if info.cik:
        return EntityId(cik=info.cik, name=name, found_by="submission header")
    if by_ticker:
        return EntityId(cik=by_ticker.cik, name=name, found_by=f"ticker {info.ticker} in {by_ticker.source}")
    if by_name:
        return EntityId(cik=by_name.cik, name=name, found_by=f"name {named[0]!r} in {by_name.source}")
    why = doubt or f"no CIK for ticker {info.ticker or '(none printed)'} or name {printed!r}"
    advice = "pass --cik or add the company to taxonomy_map/entities.yaml"
    if info.ticker:
        return EntityId(cik=info.ticker.upper(), name=name, scheme=TICKER_SCHEME, found_by="ticker, no CIK",
                        warning=f"{why}: entity identified by its ticker under {TICKER_SCHEME}; {advice}")
    printed = printed or next(iter(info.other_names), None)  # e.g. "Net income attributable to X"
    if printed and name_key(printed):
        return EntityId(cik=name_key(printed), name=name or printed, scheme=NAME_SCHEME, found_by="name, no CIK",
                        warning=f"{why}: entity identified by its name under {NAME_SCHEME}; {advice}")
    raise EntityError(f"no CIK, ticker or company name found: {advice}", release.path)


def instance_name(release: Release, stem: str) -> str:
    info = release.info
    if info.ticker and info.period_end:
        return f"{info.ticker.lower()}-{info.period_end:%Y%m%d}.xml"
    return f"{stem}.xml"


def failure(path: Path, target: Path, status: Status, message: str, overwrite: bool = False, *,
            code: str = "xc:internalError", where: str | None = None, reason: str | None = None) -> DocumentResult:
    """Record a document that produced no instance: target holds only its report.json, which
    says why (`code`; `reason`, the message without paths, default `message`; and `where` the
    error names). `message` is for the console.

    When the target cannot be written (a folder the tool did not write, a full disk), the
    result says so and no folder is made."""
    shown = display_path(path)
    reason = reason or message
    report = failure_report(relative_path(path, target), status.value, code, reason, where)
    try:
        with staged_folder(target, overwrite) as folder:
            (folder / "report.json").write_bytes(json_bytes(report))
    except OutputError as exc:  # the code says what stopped the report being written
        return DocumentResult(input=shown, status=Status.FAILED, message=f"{message}; {exc}", code=exc.code,
                              reason=f"{reason}; {_placed(exc, target)}")
    except OSError as exc:
        return DocumentResult(input=shown, status=Status.FAILED, code="xc:outputNotWritable",
                              reason=f"{reason}; cannot write output: {exc.strerror or type(exc).__name__}",
                              message=f"{message}; cannot write {display_path(target)}: {exc.strerror or exc}")
    return DocumentResult(input=shown, status=status, message=message, output_dir=display_path(target), code=code,
                          reason=reason)


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
    entity: EntityId
    table: ConceptTable  # the table the release was mapped with (with its company's map)
    notes: tuple[Notice, ...] = ()  # what reading changed in the input (characters XML cannot hold)


def _build(path: Path, options: ConvertOptions, table: ConceptTable, registry: EntityRegistry) -> _Document:
    name = display_path(path)
    text, notes = clean_text(read_text(path, options.encoding), name)
    release = extract_text(text, name)
    try:
        entity = resolve_entity(release, registry, options.cik)
    except EntityError:
        if (named := map_cik(table, release)) is None:
            raise
        entity = EntityId(cik=named[0], name=release.info.company_name or named[2], found_by=named[1])
    if not entity.has_cik and (named := map_cik(table, release)) is not None:  # the company of its map
        entity = replace(entity, cik=named[0], scheme=CIK_SCHEME, found_by=named[1], warning=None,
                         name=entity.name or named[2])
    entity = with_ticker(entity, release, registry)
    table = for_entity(table, entity.cik if entity.has_cik else None, release)  # the company's own map, when one was given
    mapped = map_release(release, table, entity, options.document_type)
    if options.fail_on_unmapped and mapped.unmapped:
        first = mapped.unmapped[0]
        raise MappingError(f"{len(mapped.unmapped)} line item(s) match no concept, first {first.label!r}",
                           str(first.source))
    unmapped = mapped.unmapped
    extension = None
    if options.filing:
        mapped, extension = build_extension(mapped, table, options.namespace_base)
    else:
        mapped = without_company_dimensions(mapped)
    name = instance_name(release, safe_stem(path.stem))
    files = {name: serialize(mapped, extension)}
    inline = None
    if extension is not None:
        files.update(extension.files)
        inline = name.removesuffix(".xml") + ".htm"
        files[inline] = render_inline(mapped, text, extension)
    return _Document(release, mapped, extension, files, name, inline, unmapped, entity, table, notes)


def _arelle(folder: Path, doc: _Document, table: ConceptTable,
            options: ConvertOptions) -> tuple[tuple[ValidationMessage, ...], str, list[str]]:
    """One Arelle load per release: the inline document (or, with --xml-only, the instance) is
    loaded once by this process's long-lived engine and validated (XBRL 2.1, dimensions, UTR,
    inconsistent duplicates, Calculation 1.1 when there is a calculation linkbase); the same
    model is checked against the XML instance's facts and gives the xBRL-JSON export and the
    viewer. Then the report package (no Arelle) and the tool's own checks. Returns the messages,
    the taxonomy source and the files written."""
    messages: list[ValidationMessage] = []
    written: list[str] = []
    source = "not run (--no-validate)"
    if options.validate or doc.inline is not None:
        entry = folder / (doc.inline or doc.instance)
        with arelle_session(entry, taxonomy_packages=options.taxonomy_packages, online=options.online,
                            validate=options.validate, calc=options.validate and doc.extension is not None) as run:
            if options.validate:
                source = describe_taxonomy_source(options.taxonomy_packages, options.online)
                messages.extend(stable_order(arelle_report(run, source).messages))
                if doc.inline is not None:
                    messages.extend(instance_matches_model(doc.files[doc.instance], run.model, doc.instance))
            if doc.inline is not None:
                written.append(write_report_package(folder, doc.inline, doc.extension).name)
                json_name = doc.instance.replace(".xml", ".json")
                written.append(save_xbrl_json(run.model, folder / json_name, str(entry)).name)
                if options.viewer:
                    from converter.viewer import VIEWER_JS, viewer_name, write_viewer

                    html = write_viewer(run.cntlr, run.model, folder / viewer_name(doc.inline), f"../{VIEWER_JS}",
                                        copy_script=False, source=str(entry))
                    written.append(html.name)
    messages.extend(run_checks(doc.mapped, table))
    if doc.entity.warning:
        messages.append(ValidationMessage("xc:noCik", Level.WARNING, doc.entity.warning, source="converter"))
    if (unused := unused_maps(table, doc.entity.cik if doc.entity.has_cik else None)) is not None:
        messages.append(ValidationMessage("xc:companyMapNotUsed", Level.WARNING, unused, source="converter"))
    return tuple(messages), source, written


def _placed(exc: ConversionError, target: Path) -> str:
    """An error's message with the line and column it names, without the path of the input (the
    report names the input): "unreadable value '1.2.3' (line 42, column 7)". An output folder
    is named relative to the batch folder."""
    ref = where_json(exc.where)
    if ref is None:
        return exc.message
    if ref["line"] is None:
        shown = display_path(exc.where or "")
        if shown == display_path(target):
            return f"{exc.message}: {relative_path(target, target.parent)}"
        return exc.message
    column = f", column {ref['column']}" if ref["column"] else ""
    return f"{exc.message} (line {ref['line']}{column})"


def stable_order(messages: Iterable[ValidationMessage]) -> list[ValidationMessage]:
    """Messages in an order that does not depend on PYTHONHASHSEED (Arelle reports calculation
    inconsistencies in set order): by code, concept, message text and references."""
    return sorted(messages, key=lambda m: (m.code, m.concept or "", m.message, m.refs, m.source))


def _unmapped_lines(unmapped: Iterable[MappingDecision], mapped: MappedRelease) -> tuple[str, ...]:
    """How the console lists the rows no US-GAAP concept matched, and what became of each (one
    index of the final decisions, so a table of thousands of unmapped rows stays linear)."""
    final: dict[tuple[object, str], str | None] = {}
    for d in mapped.decisions:
        final.setdefault((d.source, d.label), d.concept)
    lines = []
    for decision in unmapped:
        now = final.get((decision.source, decision.label))
        tagged = f" -> extension concept {now}" if now else " (not tagged)"
        lines.append(f"{decision.source}: {decision.label}{tagged}")
    return tuple(lines)


def convert_document(path: Path, target: Path, options: ConvertOptions, table: ConceptTable,
                     registry: EntityRegistry) -> DocumentResult:
    """Convert one release into the folder `target`: instance, extension taxonomy, inline XBRL,
    report package, xBRL-JSON and report.json (or only report.json when it fails)."""
    try:
        check_target(target, options.overwrite)
    except OutputError as exc:
        return DocumentResult(input=display_path(path), status=Status.FAILED, message=str(exc), code=exc.code,
                              reason=_placed(exc, target))
    try:
        doc = _build(path, options, table, registry)
    except NoStatementsError as exc:
        return failure(path, target, Status.NO_STATEMENTS, exc.message, options.overwrite, code=exc.code,
                       where=exc.where)
    except ConversionError as exc:
        return failure(path, target, Status.FAILED, str(exc), options.overwrite, code=exc.code, where=exc.where,
                       reason=_placed(exc, target))

    mapped = doc.mapped
    with staged_folder(target, options.overwrite) as folder:
        for name, data in doc.files.items():
            (folder / name).write_bytes(data)
        # concepts a company map brings, with the period type of their facts
        with supplemented_for(mapped.facts):
            messages, taxonomy_source, extra = _arelle(folder, doc, doc.table, options)
        written = list(doc.files) + extra
        errors = sum(1 for m in messages if m.level is Level.ERROR)
        warnings = sum(1 for m in messages if m.level is Level.WARNING)
        status = Status.INVALID if errors else Status.VALID
        skipped = len(doc.release.skipped_tables)
        message = (f"{len(mapped.facts)} facts, {len(doc.unmapped)} unmapped, "
                   + (f"{skipped} table(s) skipped, " if skipped else "")
                   + f"{len(doc.extension.concepts) if doc.extension else 0} extension concepts, "
                   f"{errors} errors, {warnings} warnings")
        report = {**header(), "input": relative_path(path, target), "status": status.value, "code": None,
                  "message": message,
                  "input_notes": [{"code": n.code, "message": n.message, "source": ref_json(n.source)}
                                  for n in doc.notes],
                  "instance": doc.instance,
                  "inline": doc.inline, "files": sorted(written + ["report.json"]),
                  **release_json(mapped.release), **mapped_json(mapped, doc.unmapped),
                  "extension_concepts": extension_json(doc.extension),
                  "validation": {"taxonomy_source": taxonomy_source, "errors": errors, "warnings": warnings,
                                 "calculation": [calculation_json(c) for c in calculation_inconsistencies(messages)],
                                 "messages": [message_json(m) for m in messages]}}
        report["entity"]["found_by"] = doc.entity.found_by
        (folder / "report.json").write_bytes(json_bytes(report))
    if options.viewer and doc.inline is not None:
        from converter.viewer import install_viewer_script

        install_viewer_script(target.parent)  # the one script the batch's viewers share
    return DocumentResult(
        input=display_path(path), status=status, message=message, output_dir=display_path(target),
        instance=display_path(target / doc.instance), facts=len(mapped.facts),
        unmapped=_unmapped_lines(doc.unmapped, mapped),
        errors=errors, warnings=warnings, taxonomy_source=taxonomy_source, messages=messages,
        skipped_tables=tuple(skipped_line(t) for t in doc.release.skipped_tables), notes=doc.notes,
        warning_codes=tuple(sorted({*(n.code for n in doc.notes), *(t.code for t in doc.release.skipped_tables),
                                    *(m.code for m in messages if m.level is Level.WARNING)})))


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
    """OUT/summary.json (converter/schemas/summary.schema.json), written atomically; its paths
    are relative to OUT."""
    counts = {s.name.lower(): sum(1 for r in results if r.status is s) for s in Status}
    data = {**header(), "documents": [r.summary_json(out_dir) for r in results], "counts": counts,
            "tables_skipped": sum(len(r.skipped_tables) for r in results),
            "ok": all(r.ok for r in results)}
    out_dir.mkdir(parents=True, exist_ok=True)
    return write_atomic(out_dir / "summary.json", json_bytes(data))
