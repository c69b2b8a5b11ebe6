"""The `validate` command: Arelle on any XBRL instance, Inline XBRL document or report package.

Calculation 1.1 runs by default (`--calc c11r`, Arelle's round-to-nearest Calculation 1.1 as with
`arelle.CntlrCmdLine --calc c11r`; `--calc none` turns it off). `--log-file FILE.json|FILE.xml`
writes Arelle's own message log (converter/arellelog.py); `--format json` prints a summary that
follows converter/schemas/validate.schema.json instead of the text lines.

Exit status: 0 every document is valid; 1 any document has errors (or Arelle could not run on
it); 2 usage errors and a file that cannot be read as XBRL (missing, unreadable, not an instance,
an inline document or a report package). The highest applies when there are several documents.
"""

from __future__ import annotations

import json
import re
import sys
import zipfile
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import click

from converter.contract import tool_version
from converter.errors import ConversionError
from converter.model import Level, ValidationMessage
from converter.output import display_path
from converter.report import origin

SCHEMA_VERSION = "1.0"
CALC_MODES = ("c11r", "none")
NOT_XBRL = "xc:notXbrl"  # converter.errors.CODES
ARELLE_FAILED = "xc:arelleFailed"
_REF_RE = re.compile(r"^(?P<href>.*?)(?: line (?P<line>\d+))?$")


@dataclass
class Outcome:
    """What `validate` found for one document."""

    path: Path
    status: str  # "valid" | "invalid" | "unreadable" | "failed"
    kind: str | None = None  # "instance" | "inline" | "report_package"
    fact_count: int | None = None
    taxonomy_source: str | None = None
    messages: list[ValidationMessage] = field(default_factory=list)
    problem: str = ""  # why the document is unreadable or failed

    @property
    def exit_code(self) -> int:
        return {"valid": 0, "invalid": 1, "failed": 1}.get(self.status, 2)


def _kind(path: Path) -> str:
    """The document's kind; InputError when it cannot be read as XBRL."""
    from converter.filing import document_kind

    try:
        if zipfile.is_zipfile(path):
            return "report_package"
    except OSError:
        pass  # document_kind says why it cannot be read
    return document_kind(path)


def _supplemented_for(path: Path, kind: str, taxonomy_packages: tuple[Path, ...], online: bool
                      ) -> AbstractContextManager[None]:
    """The shipped offline package supplemented, as `convert` supplements it, with the US-GAAP
    concepts, axes and members the document uses beyond it (a release converted with a company
    map): a document `convert` found valid is valid here too. Not with --online or
    --taxonomy-package (the official taxonomy declares them), nor for a report package."""
    from converter.filing import read_document
    from converter.supplement import supplemented_for

    if online or taxonomy_packages or kind == "report_package":
        return nullcontext()
    try:
        facts = read_document(path).facts
    except ConversionError:
        return nullcontext()  # Arelle says what is wrong with it
    return supplemented_for(facts)


def validate_one(path: Path, calc: bool, taxonomy_packages: tuple[Path, ...], online: bool) -> Outcome:
    """Run Arelle on one document (the library side of the command: no printing)."""
    from converter.pipeline import stable_order
    from converter.validate import validate_instance

    try:
        kind = _kind(path)
    except ConversionError as exc:
        return Outcome(path, "unreadable", problem=exc.message)
    try:
        with _supplemented_for(path, kind, taxonomy_packages, online):
            report = validate_instance(path, taxonomy_packages=taxonomy_packages, online=online, calc=calc)
    except ConversionError as exc:
        return Outcome(path, "failed", kind=kind, problem=exc.message)
    status = "invalid" if report.errors else "valid"
    return Outcome(path, status, kind=kind, fact_count=report.fact_count, taxonomy_source=report.taxonomy_source,
                   messages=stable_order(report.messages))


# ---- the JSON summary (converter/schemas/validate.schema.json) -----------------------------


def _ref_object(ref: Any) -> dict[str, Any]:
    """A message reference as {"href", "line", "column"} (Arelle gives no column)."""
    if not isinstance(ref, str):
        return {"href": str(getattr(ref, "href", None) or getattr(ref, "file", "")),
                "line": getattr(ref, "line", None), "column": getattr(ref, "column", None)}
    found = _REF_RE.match(ref)
    assert found is not None  # the pattern matches every string
    return {"href": found["href"], "line": int(found["line"]) if found["line"] else None, "column": None}


def _message_object(m: ValidationMessage) -> dict[str, Any]:
    return {"code": m.code, "level": m.level.value, "message": m.message, "concept": m.concept,
            "origin": origin(m.source),
            "refs": [_ref_object(r) for r in m.refs]}


def _calc_object(c: Any) -> dict[str, Any]:
    return {"code": c.code, "concept": c.concept, "link_role": c.link_role, "context": c.context, "unit": c.unit,
            "reported": c.reported, "computed": c.computed}


def summary_json(outcomes: list[Outcome], calc_mode: str) -> dict[str, Any]:
    """The `--format json` summary of a validate run."""
    from converter.validate import calculation_inconsistencies

    documents = []
    for o in outcomes:
        messages = list(o.messages)
        if o.problem:
            code = NOT_XBRL if o.status == "unreadable" else ARELLE_FAILED
            messages.insert(0, ValidationMessage(code, Level.ERROR, o.problem, source="xbrl-convert",
                                                 refs=(display_path(o.path),)))
        documents.append({
            "path": display_path(o.path),
            "status": o.status,
            "kind": o.kind,
            "fact_count": o.fact_count,
            "taxonomy_source": o.taxonomy_source,
            "errors": sum(1 for m in messages if m.level is Level.ERROR),
            "warnings": sum(1 for m in messages if m.level is Level.WARNING),
            "messages": [_message_object(m) for m in messages],
            "calculation_inconsistencies": [_calc_object(c) for c in calculation_inconsistencies(o.messages)],
        })
    exit_code = max((o.exit_code for o in outcomes), default=0)
    counts = {s: sum(1 for o in outcomes if o.status == s) for s in ("valid", "invalid", "unreadable", "failed")}
    return {"schema_version": SCHEMA_VERSION, "tool_version": tool_version(), "command": "validate",
            "calc": calc_mode, "ok": exit_code == 0, "exit_code": exit_code,
            "counts": {"documents": len(outcomes), **counts}, "documents": documents}


# ---- the command ---------------------------------------------------------------------------


def _format_message(m: ValidationMessage) -> str:
    concept = f" [{m.concept}]" if m.concept else ""
    where = f" ({', '.join(str(r) for r in m.refs)})" if m.refs else ""
    return f"{m.level.value.upper()} {m.code}{concept}: {m.message}{where}"


def _print_text(o: Outcome, calc_mode: str, quiet: bool) -> None:
    name = display_path(o.path)
    if o.status == "unreadable":
        click.echo(f"{name}: error [{NOT_XBRL}]: {o.problem}", err=True)
        return
    if o.status == "failed":
        click.echo(f"{name}: error: {o.problem}", err=True)
        return
    errors = [m for m in o.messages if m.level is Level.ERROR]
    if quiet:  # only the errors, on stderr
        if errors:
            click.echo(f"{name}: invalid: {len(errors)} errors", err=True)
        for m in errors:
            click.echo(f"  {_format_message(m)}", err=True)
        return
    verdict = click.style(o.status, fg="green" if not errors else "red")
    click.echo(f"{name}: {verdict}: {o.fact_count} facts, {len(errors)} errors "
               f"(taxonomy: {o.taxonomy_source}; calculations: {calc_mode})")
    for m in o.messages:
        click.echo(f"  {_format_message(m)}")


def _log_file(ctx: click.Context, param: click.Parameter, value: Path | None) -> Path | None:
    from converter.arellelog import log_format

    if value is not None:
        try:
            log_format(value)
        except ConversionError as exc:
            raise click.BadParameter(exc.message) from exc
    return value


_EPILOG = ("Exit status: 0 every document is valid; 1 a document has errors (validation errors, "
           "calculation inconsistencies) or Arelle could not run on it; 2 usage errors, and a file that "
           "cannot be read as XBRL (missing, unreadable, not an instance, inline document or report package).")


@click.command("validate", epilog=_EPILOG)
@click.argument("instances", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--calc", "calc_mode", type=click.Choice(CALC_MODES), default="c11r", show_default=True,
              help="Calculation check: c11r = Calculation 1.1 rounding to nearest (as Arelle's --calc c11r); none = off.")
@click.option("--log-file", type=click.Path(dir_okay=False, path_type=Path), callback=_log_file,
              help="Also write Arelle's own message log, JSON or XML by the extension (.json/.xml), as Arelle's --logFile.")
@click.option("--format", "output_format", type=click.Choice(("text", "json")), default="text", show_default=True,
              help="text: a line per document and its messages; json: one JSON summary "
                   "(converter/schemas/validate.schema.json).")
@click.option("--taxonomy-package", "taxonomy_packages", multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Official taxonomy package zip (e.g. us-gaap-2024.zip); repeatable. Wins over the shipped subset.")
@click.option("--online", is_flag=True, help="Let Arelle fetch the official taxonomy from the web.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing on stdout; only errors, on stderr.")
def validate_command(instances: tuple[Path, ...], calc_mode: str, log_file: Path | None, output_format: str,
                     taxonomy_packages: tuple[Path, ...], online: bool, quiet: bool) -> None:
    """Validate XBRL instances, Inline XBRL documents or report packages with Arelle (XBRL 2.1,
    dimensions, units, inconsistent duplicates, Calculation 1.1) and print its messages with their codes."""
    from converter.arellelog import ArelleLog

    outcomes: list[Outcome] = []
    with ArelleLog() as log:
        for path in instances:
            start = log.mark()
            outcome = validate_one(path, calc_mode == "c11r", taxonomy_packages, online)
            log.settle(start)
            if outcome.problem:
                code = NOT_XBRL if outcome.status == "unreadable" else ARELLE_FAILED
                log.add(code, "error", outcome.problem, display_path(path))
            outcomes.append(outcome)
            if output_format == "text" or outcome.problem:
                _print_text(outcome, calc_mode, quiet or output_format == "json")
    exit_code = max(o.exit_code for o in outcomes)
    if log_file is not None:
        try:
            log.write(log_file)
        except ConversionError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(2)
    if output_format == "json" and not quiet:
        click.echo(json.dumps(summary_json(outcomes, calc_mode), indent=2, ensure_ascii=False))
    sys.exit(exit_code)
