"""Refuse, before any document is converted, a concept table whose concepts the active taxonomy
does not declare.

The active taxonomy is what validation will load (converter.validate): the shipped offline
package, then the packages given with --taxonomy-package (a later package that declares a
namespace replaces what an earlier one declared for it, as its catalog rewrites replace the
earlier ones), or only the given packages when they cover everything the shipped one maps.
With --online the official taxonomy is fetched and nothing is checked here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from converter.concepts import ConceptEntry
from converter.elementdata import NAMESPACES, declared_concepts
from converter.errors import ConfigError


def active_declarations(taxonomy_packages: Sequence[Path] = ()) -> tuple[dict[str, frozenset[str]], str]:
    """Namespace -> declared element names of the taxonomy validation will load, and its description."""
    from converter.validate import _packages_to_load

    packages, source = _packages_to_load(taxonomy_packages)
    declared: dict[str, frozenset[str]] = {}
    for package in packages:
        declared.update(declared_concepts(package))
    return declared, source


def undeclared_concepts(entries: Iterable[ConceptEntry], taxonomy_packages: Sequence[Path] = ()) -> tuple[list[str], str]:
    """The concepts of `entries` the active taxonomy does not declare (sorted), and its description."""
    declared, source = active_declarations(taxonomy_packages)
    missing = set()
    for e in entries:
        namespace = NAMESPACES.get(e.prefix)
        if namespace is None or e.local_name not in declared.get(namespace, frozenset()):
            missing.add(e.concept)
    return sorted(missing), source


def check_table_declared(entries: Iterable[ConceptEntry], taxonomy_packages: Sequence[Path] = (),
                         table_name: str = "the concept table") -> None:
    """Raise ConfigError naming every concept of the table the active taxonomy does not declare."""
    missing, source = undeclared_concepts(entries, taxonomy_packages)
    if not missing:
        return
    shown = ", ".join(missing[:10]) + (f" and {len(missing) - 10} more" if len(missing) > 10 else "")
    raise ConfigError(
        f"{table_name} uses {len(missing)} concept(s) the taxonomy ({source}) does not declare: {shown}. "
        "Build a package for the table with `xbrl-convert build-package --concepts TABLE --out PACKAGE.zip` "
        "and pass it with --taxonomy-package, or give the official us-gaap-2024.zip with --taxonomy-package, "
        "or use --online")


__all__ = ["check_table_declared", "undeclared_concepts", "active_declarations"]
