"""Command line: the only place that prints and picks exit codes.

One exit-code rule for every command (EXIT_CODES, in each command's --help and the README): 0
clean; 1 findings (validation errors, differences with --fail-on-difference, failed documents);
2 usage errors and input that cannot be read (missing, unreadable, not the kind of file the
command takes). `--quiet` on every command: nothing on stdout, only errors on stderr, the same
exit code.
"""

from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import click

from converter import __version__
from converter.concepts import (
    concept_table,
    default_concept_table_path,
    default_entity_registry_path,
    load_entity_registry,
)
from converter.batch import default_jobs, run_batch, tune_gc
from converter.declared import check_table_declared
from converter.errors import ConversionError, InputError
from converter.extension import NAMESPACE_BASE, check_namespace_base
from converter.learn_cli import learn_command, layered_table, print_explanations
from converter.model import Level, ValidationMessage
from converter.pipeline import (
    ConvertOptions,
    DocumentResult,
    Status,
    collect_inputs,
    output_folders,
    stable_order,
    write_summary,
)
from converter.output import OutputError, check_out_dir, clean_stale_staging, display_path

_STATUS_COLORS = {Status.VALID: "green", Status.NO_STATEMENTS: "yellow", Status.INVALID: "red", Status.FAILED: "red"}
_package_option = click.option(
    "--taxonomy-package", "taxonomy_packages", multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Official taxonomy package zip (e.g. us-gaap-2024.zip); repeatable. Wins over the shipped subset.")
_online_option = click.option("--online", is_flag=True, help="Let Arelle fetch the official taxonomy from the web.")
quiet_option = click.option("--quiet", "-q", is_flag=True, help="Print nothing on stdout; only errors, on stderr.")
EXIT_CODES = ("Exit status (every command): 0 clean; 1 findings (validation errors, differences with "
              "--fail-on-difference, failed documents); 2 usage errors and input that cannot be read "
              "(missing, unreadable, not the kind of file the command takes).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, epilog=EXIT_CODES)
@click.version_option(__version__, prog_name="xbrl-convert")
def main() -> None:
    """Convert earnings press releases into validated US-GAAP XBRL instances."""


def _cik(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    if value is not None and not (value.isdigit() and len(value) <= 10):
        raise click.BadParameter("a CIK is up to 10 digits")
    return value


_CONVERT_EXIT = ("Exit status: 0 every document converted and validated (a release without statements counts); "
                 "1 a document failed or has validation errors; 2 usage errors and an input that cannot be read "
                 "(missing or unreadable path, an --out that cannot be written).")


@main.command(epilog=_CONVERT_EXIT)
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--out", "out_dir", default="out", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Output folder; each input gets OUT/<input stem>/.")
@click.option("--cik", callback=_cik, help="CIK of the company (wins over the submission header and the entity registry).")
@click.option("--encoding", help="Text encoding of the inputs, when they are not UTF-8 (e.g. cp1252).")
@click.option("--fail-on-unmapped", is_flag=True, help="Treat a line item that matches no concept as an error.")
@click.option("--no-validate", is_flag=True, help="Skip Arelle (the tool's own checks still run).")
@click.option("--xml-only", is_flag=True,
              help="Write only the XBRL instance (against the US-GAAP entry points) and report.json: no "
                   "extension taxonomy, Inline XBRL, report package or xBRL-JSON.")
@click.option("--viewer", is_flag=True, help="Also build the Arelle iXBRL Viewer for each release (offline).")
@click.option("--document-type", default="8-K", show_default=True, help="Value of dei:DocumentType.")
@click.option("--concepts", "concepts_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Concept table YAML (default: the shipped taxonomy_map/concepts.yaml).")
@click.option("--entities", "entities_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Entity overrides YAML (ticker, cik, name), looked up before the shipped SEC ticker "
                   "list (default: taxonomy_map/entities.yaml, delisted and historical tickers).")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes converting documents in parallel (default: the machine's cores).")
@click.option("--scheduler", metavar="ADDRESS",
              help="Run the batch on a Dask cluster (e.g. tcp://10.0.0.5:8786); needs the dask extra.")
@click.option("--overwrite", is_flag=True,
              help="Replace an existing OUT/<input stem> folder even when xbrl-convert did not write it.")
@_package_option
@_online_option
@click.option("--company-map", "company_maps", multiple=True, type=click.Path(exists=True, path_type=Path),
              help="Company concept map from `xbrl-convert learn` (or a folder of them, picked by the release's "
                   "CIK); repeatable. Tried before the concept table. A release whose CIK is not found takes the "
                   "CIK of the maps when they are all of one company.")
@click.option("--explain", is_flag=True,
              help="Print each fallback decision and extension concept with its three best US-GAAP candidates.")
@click.option("--namespace", "namespace_base", metavar="URL", default=NAMESPACE_BASE, show_default=True,
              help="Base of the extension taxonomy namespaces (an absolute URI); each release's namespace is "
                   "URL/<prefix>/<period end yyyymmdd>.")
@quiet_option
def convert(paths: tuple[Path, ...], out_dir: Path, cik: str | None, encoding: str | None, fail_on_unmapped: bool,
            no_validate: bool, xml_only: bool, viewer: bool, document_type: str, concepts_path: Path | None, entities_path: Path | None,
            jobs: int | None, scheduler: str | None, overwrite: bool, taxonomy_packages: tuple[Path, ...],
            online: bool, company_maps: tuple[Path, ...] = (), explain: bool = False,
            namespace_base: str = NAMESPACE_BASE, quiet: bool = False) -> None:
    """Convert press releases (files, or folders of .txt/.htm/.html/.md files) into XBRL."""
    try:
        namespace_base = check_namespace_base(namespace_base)
    except ConversionError as exc:
        raise click.BadParameter(exc.message, param_hint="--namespace") from exc
    try:
        table = concept_table(concepts_path or default_concept_table_path())
        if not online:  # the concepts must be declared by the taxonomy validation loads
            check_table_declared(table.entries, taxonomy_packages,
                                 f"the concept table {display_path(concepts_path)}" if concepts_path else
                                 "the shipped concept table")
        registry = load_entity_registry(entities_path or default_entity_registry_path())
        table = layered_table(table, company_maps)
    except ConversionError as exc:
        raise click.UsageError(str(exc)) from exc
    if encoding:
        _check_encoding(encoding)
    try:
        inputs = collect_inputs(paths)
    except OSError as exc:
        raise click.UsageError(f"cannot list {display_path(exc.filename or '')}: {exc.strerror or exc}") from exc
    if not inputs:
        raise click.UsageError("no input files (folders are searched for .txt, .htm, .html and .md files)")
    unreadable = [p for p in inputs if not os.access(p, os.R_OK)]
    if unreadable:
        raise click.UsageError(f"cannot read {display_path(unreadable[0])}: permission denied")
    try:
        check_out_dir(out_dir)
    except OutputError as exc:
        raise click.UsageError(str(exc)) from exc
    clean_stale_staging(out_dir)
    options = ConvertOptions(out_dir=out_dir, cik=cik, encoding=encoding, fail_on_unmapped=fail_on_unmapped,
                             validate=not no_validate, taxonomy_packages=taxonomy_packages, online=online,
                             document_type=document_type, filing=not xml_only, viewer=viewer and not xml_only,
                             overwrite=overwrite, namespace_base=namespace_base)
    pairs = list(zip(inputs, output_folders(inputs, out_dir)))
    with click.progressbar(length=len(pairs), label="Converting", file=io.StringIO() if quiet else sys.stderr,
                           item_show_func=lambda r: display_path(Path(r.input).name) if r else "") as bar:
        def advance(result: DocumentResult) -> None:
            bar.update(1, result)

        tune_gc()
        try:
            results = run_batch(pairs, options, table, registry, workers=jobs or default_jobs(),
                                scheduler=scheduler, progress=advance)
        except ConversionError as exc:
            raise click.UsageError(str(exc)) from exc
    for result in results:
        if quiet:
            _print_errors(result)
            continue
        _print_result(result)
        if explain:
            print_explanations(result)
    try:
        summary = write_summary(out_dir, results)
    except OSError as exc:
        if not quiet:
            _print_summary(results, None)
        click.echo(f"error: cannot write {display_path(out_dir / 'summary.json')}: {exc.strerror or exc}", err=True)
        sys.exit(1)
    if not quiet:
        _print_summary(results, summary)
    sys.exit(0 if all(r.ok for r in results) else 1)


def _check_encoding(encoding: str) -> None:
    import codecs

    try:
        codecs.lookup(encoding)
    except LookupError as exc:
        raise click.BadParameter(f"unknown encoding {encoding!r}", param_hint="--encoding") from exc


def _print_result(result: DocumentResult) -> None:
    status = click.style(result.status.value, fg=_STATUS_COLORS[result.status])
    click.echo(f"{result.input}: {status}: {result.message}")
    for note in result.notes:
        click.echo(f"  WARNING {note}")
    for table in result.skipped_tables:
        click.echo(f"  WARNING table skipped: {table}")
    for item in result.unmapped:
        click.echo(f"  unmapped: {item}")
    for m in result.messages:
        if m.level is not Level.INFO:
            click.echo(f"  {_format_message(m)}")


def _print_errors(result: DocumentResult) -> None:
    """--quiet: a document that failed or has errors, and its errors, on stderr."""
    if result.ok:
        return
    click.echo(f"{result.input}: {result.status.value}: {result.message}", err=True)
    for m in result.messages:
        if m.level is Level.ERROR:
            click.echo(f"  {_format_message(m)}", err=True)


def _format_message(m: ValidationMessage) -> str:
    concept = f" [{m.concept}]" if m.concept else ""
    where = f" ({', '.join(m.refs)})" if m.refs else ""
    return f"{m.level.value.upper()} {m.code}{concept}: {m.message}{where}"


def _print_summary(results: list[DocumentResult], summary: Path | None) -> None:
    width = max([len(Path(r.input).name) for r in results] + [8])
    click.echo("")
    click.echo(f"{'document':<{width}}  {'status':<13}  {'facts':>5}  {'unmapped':>8}  {'errors':>6}  {'warnings':>8}")
    for r in results:
        click.echo(f"{Path(r.input).name:<{width}}  {r.status.value:<13}  {r.facts:>5}  {len(r.unmapped):>8}  "
                   f"{r.errors:>6}  {r.warnings:>8}")
    counts = ", ".join(f"{sum(1 for r in results if r.status is s)} {s.value}" for s in Status)
    where = f" Summary: {display_path(summary)}" if summary else ""
    click.echo(f"\n{len(results)} document(s): {counts}.{where}")


from converter.compare_cli import compare_command  # noqa: E402
from converter.validate_cli import validate_command  # noqa: E402

from converter.package_cli import build_package_command  # noqa: E402

main.add_command(validate_command)
main.add_command(compare_command)
main.add_command(learn_command)
main.add_command(build_package_command)


_VIEW_EXIT = ("Exit status: 0 every viewer was built; 1 a viewer could not be built for a release or inline "
              "document (no inline document, no facts, Arelle failed); 2 usage errors and a target that cannot "
              "be read as one (missing, not a converted release folder, not an Inline XBRL document).")


@main.command(epilog=_VIEW_EXIT)
@click.argument("targets", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@_package_option
@_online_option
@quiet_option
def view(targets: tuple[Path, ...], taxonomy_packages: tuple[Path, ...], online: bool, quiet: bool = False) -> None:
    """Build the Arelle iXBRL Viewer for converted releases (output folders, a batch folder: every
    release folder in it, or .htm inline documents).

    The viewer is written next to the inline document. Open it through a local web server, e.g.
    `python -m http.server -d OUT/<release>` and http://127.0.0.1:8000/<name>-viewer.html.
    """
    from converter.viewer import build_viewer

    exit_code = 0
    for target, in_batch in _view_targets(targets):
        reason = _without_inline(target) if in_batch else None
        if reason is not None:
            if not quiet:
                click.echo(f"{target}: skipped: no Inline XBRL document ({reason})")
            continue
        try:
            inline = _inline_document(target)
            _has_facts(inline)
            page = build_viewer(inline, inline.parent, taxonomy_packages=taxonomy_packages, online=online)
        except ConversionError as exc:
            click.echo(f"{target}: error: {exc}", err=True)
            exit_code = max(exit_code, 2 if isinstance(exc, InputError) else 1)
            continue
        if not quiet:
            click.echo(f"{target}: viewer {page}")
    sys.exit(exit_code)


def _view_targets(targets: tuple[Path, ...]) -> list[tuple[Path, bool]]:
    """The targets, a batch folder (no report.json of its own, release folders with one) replaced
    by its release folders in name order; each with whether it came from a batch folder."""
    out: list[tuple[Path, bool]] = []
    for target in targets:
        releases = []
        if target.is_dir() and not (target / "report.json").exists():
            releases = sorted(p for p in target.iterdir() if p.is_dir() and (p / "report.json").is_file())
        out += [(r, True) for r in releases] if releases else [(target, False)]
    return out


def _without_inline(release: Path) -> str | None:
    """Why a release folder of a batch has no inline document to view (its status), or None."""
    try:
        data = json.loads((release / "report.json").read_bytes())
    except (OSError, ValueError):
        return None  # reported as an error by _inline_document
    if isinstance(data, dict) and not data.get("inline"):
        return str(data.get("status") or "converted without one")
    return None


def _has_facts(inline: Path) -> None:
    """Refuse a document that is not Inline XBRL (InputError) or holds no facts (ConversionError)."""
    from converter.filing import read_document

    document = read_document(inline)
    if document.kind != "inline":
        raise InputError("not an Inline XBRL document (an XBRL instance has no page to view)",
                         display_path(inline), code="xc:notInlineXbrl")
    if not document.facts:
        raise ConversionError("the Inline XBRL document holds no facts that can be read", display_path(inline),
                              code="xc:noFacts")


def _inline_document(target: Path) -> Path:
    if target.is_file():
        return target
    report = target / "report.json"
    if not report.exists():
        raise InputError("not a converted release folder (no report.json)", display_path(target),
                         code="xc:notReleaseFolder")
    try:
        data = json.loads(report.read_bytes())
    except (OSError, ValueError) as exc:
        raise InputError(f"cannot read report.json: {exc}", display_path(target),
                         code="xc:notReleaseFolder") from exc
    inline = data.get("inline") if isinstance(data, dict) else None
    if not inline:
        raise ConversionError("this release has no Inline XBRL document (converted with --xml-only?)",
                              display_path(target), code="xc:notReleaseFolder")
    if not isinstance(inline, str) or Path(inline).name != inline or not (target / inline).is_file():
        raise ConversionError(f"report.json names an inline document that is not in the folder: {inline!r}",
                              display_path(target), code="xc:notReleaseFolder")
    return target / inline
