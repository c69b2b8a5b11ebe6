"""The `compare` command: a converted release against the company's own XBRL or Inline XBRL filing.

Exit status (the rule of every command): 0 the comparison ran (whatever it found); 1 with
--fail-on-difference when a release fact has another value in the filing; 2 usage errors, and
files that cannot be read or written. `--quiet`: nothing on stdout, errors on stderr.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from converter.compare import Status, compare_files, format_summary, format_table, write_outputs
from converter.errors import ConversionError

_STATUS_COLORS = {
    Status.MATCH: "green",
    Status.CONCEPT_DIFFERS: "yellow",
    Status.VALUE_DIFFERS: "red",
    Status.ONLY_IN_RELEASE: "cyan",
    Status.ONLY_IN_FILING: "magenta",
}


_EXIT = ("Exit status: 0 the comparison ran (whatever it found); 1 with --fail-on-difference when a release "
         "fact has another value in the filing; 2 usage errors, and a file that cannot be read as XBRL or an "
         "--out that cannot be written.")


@click.command("compare", epilog=_EXIT)
@click.argument("instance", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("filing", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", "out_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the comparison as JSON to this file and as CSV next to it (same name, .csv).")
@click.option("--fail-on-difference", is_flag=True,
              help="Exit 1 when a release fact has a different value in the filing.")
@click.option("--differences-only", is_flag=True, help="Print only the rows that are not a match (files keep all).")
@click.option("--dimensional", "include_dimensional", is_flag=True,
              help="Also compare the filing's facts with segment/scenario dimensions (dimensions must agree).")
@click.option("--text", "include_text", is_flag=True,
              help="Also compare non-numeric facts (by concept and period).")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing on stdout; only errors, on stderr.")
def compare_command(instance: Path, filing: Path, out_path: Path | None, fail_on_difference: bool,
                    differences_only: bool, include_dimensional: bool, include_text: bool,
                    quiet: bool = False) -> None:
    """Compare a converted release INSTANCE with the company's FILING (XBRL instance .xml or
    Inline XBRL .htm) for the same period, fact by fact."""
    try:
        comparison = compare_files(instance, filing, include_dimensional=include_dimensional,
                                   include_text=include_text)
        csv_path = write_outputs(comparison, out_path) if out_path is not None else None
    except ConversionError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    failed = fail_on_difference and comparison.value_differences > 0
    if quiet:
        if failed:
            click.echo(f"error: {comparison.value_differences} release fact(s) have another value in the filing",
                       err=True)
        sys.exit(1 if failed else 0)
    table = format_table(comparison, differences_only=differences_only)
    for k, line in enumerate(table.splitlines()):
        status = next((s for s in Status if k > 1 and line.startswith(s.label)), None)
        click.echo(line.replace(status.label, click.style(status.label, fg=_STATUS_COLORS[status]), 1)
                   if status else line)
    click.echo("")
    click.echo(format_summary(comparison))
    if out_path is not None:
        click.echo(f"Written: {out_path}, {csv_path}")
    sys.exit(1 if failed else 0)
