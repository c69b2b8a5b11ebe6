"""The Python API: convert one release, or build a taxonomy package, from a program.

    from converter import convert_file, ConversionError

    result = convert_file("release.txt", out_dir="out")     # writes out/release/ as the CLI does
    if result.ok:
        print(result.status.value, result.instance, result.facts)

`convert_file` does what `xbrl-convert convert FILE --jobs 1` does for one file (no summary.json,
nothing printed): the release folder OUT/<input stem>/ with the instance, extension taxonomy,
Inline XBRL, report package, xBRL-JSON and report.json. A document that cannot be converted is
not an exception: its result has status FAILED (or NO_STATEMENTS) and a message, like in a
batch. Configuration problems raise ConversionError subclasses before anything is converted: an
unreadable concept table or entity file (ConfigError), a concept table whose concepts the
taxonomy does not declare, a namespace that is not an absolute URI, an output folder that
cannot be written (OutputError).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from converter.pipeline import DocumentResult, Status

ConversionResult = DocumentResult  # the result of one document (also what the batch reports)


def convert_file(path: str | Path, out_dir: str | Path = "out", *, cik: str | None = None,
                 encoding: str | None = None, concepts: str | Path | None = None,
                 entities: str | Path | None = None, company_maps: Sequence[str | Path] = (),
                 taxonomy_packages: Sequence[str | Path] = (), online: bool = False, validate: bool = True,
                 xml_only: bool = False, viewer: bool = False, document_type: str = "8-K",
                 namespace: str | None = None, fail_on_unmapped: bool = False,
                 overwrite: bool = False) -> ConversionResult:
    """Convert one press release into OUT/<input stem>/ and return its result.

    The keyword arguments are the `convert` command's options (`concepts`: a concept table YAML,
    `taxonomy_packages`: taxonomy package zips, `namespace`: the extension namespace base...).
    Raises ConversionError for configuration and output-folder problems; a document that fails
    is reported in the result (status FAILED, `message` says why)."""
    from converter.concepts import (
        concept_table,
        default_concept_table_path,
        default_entity_registry_path,
        load_entity_registry,
    )
    from converter.declared import check_table_declared
    from converter.errors import InputError
    from converter.extension import NAMESPACE_BASE, check_namespace_base
    from converter.learn_cli import layered_table
    from converter.output import check_out_dir, clean_stale_staging
    from converter.pipeline import ConvertOptions, convert_document, output_folders

    path, out = Path(path), Path(out_dir)
    if not path.is_file():
        raise InputError("no such file", str(path))
    base = check_namespace_base(namespace) if namespace is not None else NAMESPACE_BASE
    packages = tuple(Path(p) for p in taxonomy_packages)
    table = concept_table(Path(concepts) if concepts else default_concept_table_path())
    if not online:
        check_table_declared(table.entries, packages, f"the concept table {concepts}" if concepts else
                             "the shipped concept table")
    registry = load_entity_registry(Path(entities) if entities else default_entity_registry_path())
    table = layered_table(table, tuple(Path(m) for m in company_maps))
    check_out_dir(out)
    clean_stale_staging(out)
    options = ConvertOptions(out_dir=out, cik=cik, encoding=encoding, fail_on_unmapped=fail_on_unmapped,
                             validate=validate, taxonomy_packages=packages, online=online,
                             document_type=document_type, filing=not xml_only, viewer=viewer and not xml_only,
                             overwrite=overwrite, namespace_base=base)
    (target,) = output_folders([path], out)
    return convert_document(path, target, options, table, registry)


def build_taxonomy_package(out: str | Path, concepts: str | Path | None = None,
                           us_gaap_zip: str | Path | None = None) -> Path:
    """Write the offline taxonomy package for a concept table (default: the shipped one) to `out`,
    as `xbrl-convert build-package` does; the path written. Raises ConversionError."""
    from converter.concepts import default_concept_table_path
    from converter.taxonomy_package import build_package, write_package

    data = build_package(Path(concepts) if concepts else default_concept_table_path(),
                         us_gaap_zip=Path(us_gaap_zip) if us_gaap_zip else None)
    return write_package(data, Path(out))


__all__ = ["convert_file", "build_taxonomy_package", "ConversionResult", "Status"]
