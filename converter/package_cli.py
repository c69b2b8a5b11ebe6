"""The `build-package` command: the offline taxonomy package for a custom concept table.

Exit status (the rule of every command): 0 the package was written; 2 usage errors: an unreadable
concept table or FASB zip, a table that disagrees with the taxonomy (each disagreement is named),
an output that cannot be written. `--quiet`: nothing on stdout, errors on stderr.
"""

from __future__ import annotations

from pathlib import Path

import click

from converter.errors import ConversionError
from converter.output import display_path


@click.command("build-package", epilog="Exit status: 0 the package was written; 2 usage errors: an unreadable "
                                        "concept table or FASB zip, a table the taxonomy contradicts, an output "
                                        "that cannot be written.")
@click.option("--concepts", "concepts_path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Concept table YAML (default: the shipped taxonomy_map/concepts.yaml).")
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The taxonomy package zip to write.")
@click.option("--us-gaap-zip", "us_gaap_zip", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The official FASB us-gaap-2024.zip: read the element declarations from its schemas "
                   "(default: the reference data shipped with xbrl-convert).")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing on stdout; only errors, on stderr.")
def build_package_command(concepts_path: Path | None, out_path: Path, us_gaap_zip: Path | None,
                          quiet: bool = False) -> None:
    """Build the offline US-GAAP 2024 / dei 2024 taxonomy package for a concept table.

    The package declares the table's concepts and those of the learned vocabulary; use it with
    `convert --concepts TABLE --taxonomy-package PACKAGE.zip` (and `validate`, `view`).
    """
    from converter.concepts import default_concept_table_path
    from converter.taxonomy_package import build_package, write_package

    try:
        data = build_package(concepts_path or default_concept_table_path(), us_gaap_zip=us_gaap_zip)
    except ConversionError as exc:
        raise click.UsageError(str(exc)) from exc
    try:
        write_package(data, out_path)
    except OSError as exc:
        raise click.UsageError(f"cannot write {display_path(out_path)}: {exc.strerror or exc}") from exc
    if not quiet:
        click.echo(f"wrote {display_path(out_path)} ({len(data)} bytes)")
