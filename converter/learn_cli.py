"""The `learn` command, and the convert options that use what was learned (--company-map, --explain).

`xbrl-convert learn FILING... --out MAP.yaml` reads a company's own Inline XBRL 10-Q/10-K
filings (or XBRL instances with their linkbases) and writes its concept map (converter/learn.py). Exit status (the rule of every
command): 0 the map was written; 2 usage errors, filings that cannot be read and a map that
cannot be written. `--quiet`: nothing on stdout, errors on stderr.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from converter.companymap import dump_line_map, load_company_maps
from converter.concepts import ConceptTable
from converter.errors import ConversionError
from converter.layered import LayeredTable, default_vocabulary
from converter.learn import company_map, read_filings, undeclared

_HEADER = ("# Company concept map written by `xbrl-convert learn`: the concepts this company tags its\n"
           "# statement lines with in its own filings. Edit by hand as needed; use it with\n"
           "# `xbrl-convert convert --company-map THIS_FILE`.\n")


def layered_table(table: ConceptTable, company_maps: tuple[Path, ...]) -> LayeredTable:
    """The concept table with the company maps before it and the learned vocabulary and the
    fallback ranking after it. Raises ConfigError for a map that cannot be read."""
    return LayeredTable.around(table, company_maps=load_company_maps(company_maps), vocabulary=default_vocabulary())


@click.command("learn", epilog="Exit status: 0 the map was written; 2 usage errors, a filing that cannot be read "
                                "as Inline XBRL or as an XBRL instance with its linkbases, and a map that cannot be written.")
@click.argument("filings", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--out", "out_path", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the company map (YAML).")
@click.option("--company", default="", help="Company name to record in the map.")
@click.option("--quiet", "-q", is_flag=True, help="Print nothing on stdout; only errors, on stderr.")
def learn_command(filings: tuple[Path, ...], out_path: Path, company: str, quiet: bool = False) -> None:
    """Learn a company's concept map from its own Inline XBRL filings, or XBRL instances with their
    schema, label and presentation linkbases beside them (oldest first; later ones win)."""
    try:
        line_map = company_map(read_filings(list(filings)), company=company)
    except ConversionError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(2)
    try:
        out_path.parent.mkdir(parents=True, exist_ok=True)
        out_path.write_text(dump_line_map(line_map, _HEADER), encoding="utf-8")
    except OSError as exc:
        click.echo(f"error: {out_path}: cannot write the map: {exc.strerror or exc}", err=True)
        sys.exit(2)
    if quiet:
        return
    kinds: dict[str, int] = {}
    for line in line_map.lines:
        kinds[line.statement.value] = kinds.get(line.statement.value, 0) + 1
    detail = ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in sorted(kinds.items()))
    click.echo(f"{out_path}: {len(line_map.lines)} lines for CIK {line_map.cik or '(unknown)'} ({detail})")
    missing = undeclared(line_map)
    if missing:
        click.echo(f"  warning: {len(missing)} concept(s) are not in the shipped offline taxonomy package "
                   f"({', '.join(missing[:5])}{' ...' if len(missing) > 5 else ''}); validating releases that use "
                   "them needs --taxonomy-package us-gaap-2024.zip or --online")


def print_explanations(result) -> None:  # noqa: ANN001 - a pipeline.DocumentResult
    """The fallback decisions and the rows left for extension concepts, with their candidates,
    as recorded in the release's report.json."""
    if not result.output_dir:
        return
    report = Path(result.output_dir) / "report.json"
    if not report.exists():
        return
    data = json.loads(report.read_text(encoding="utf-8"))
    shown = set()
    for decision in data.get("unmapped", []) + data.get("mapping", []):
        rule = decision.get("rule", "")
        ref = decision["source"]  # {"href", "line", "column"}
        where = f"{ref['href']}:{ref['line']}:{ref['column']}"
        if "fallback" not in rule or where in shown:
            continue
        shown.add(where)
        verdict = decision["concept"] or "extension concept"
        click.echo(f"  explain: {where}: {decision['label']!r} -> {verdict}: {rule}")
        for candidate in decision.get("alternatives", []):
            click.echo(f"      candidate {candidate}")
