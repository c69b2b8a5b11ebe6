"""The JSON contract of the files the tool writes: report.json, summary.json and the compare output.

Each of them starts with `schema_version` (SCHEMA_VERSION) and `tool_version` (the installed
package's version), uses snake_case keys, gives a place in a source document as a reference
object {"href": "release.txt", "line": 12, "column": 40} (href: the document's file name) and
names other files by paths relative to the folder of the JSON file itself, so that the same
inputs converted into two output folders give the same bytes. The JSON Schemas (draft 2020-12)
ship in the package: converter/schemas/<name>.schema.json, read with `load_schema`.
"""

from __future__ import annotations

import json
import os
import re
from importlib import metadata, resources
from typing import Any

from converter.model import SourceRef

SCHEMA_VERSION = "1.0"
SCHEMA_NAMES = ("report", "summary", "compare")
DISTRIBUTION = "xbrl-convert"

_WHERE_RE = re.compile(r"^(?P<path>.*?)(?::(?P<line>\d+)(?::(?P<column>\d+))?)?$", re.DOTALL)


def tool_version() -> str:
    """The installed package's version; the source tree's converter.__version__ when the package
    is not installed (run from a checkout)."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        from converter import __version__

        return __version__


def header() -> dict[str, str]:
    """The first two keys of every JSON file the tool writes."""
    return {"schema_version": SCHEMA_VERSION, "tool_version": tool_version()}


def _href(path: str) -> str:
    return path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or path


def ref_json(ref: SourceRef | None) -> dict[str, Any] | None:
    """A source reference object: the document's file name, 1-based line and column."""
    if ref is None:
        return None
    return {"href": _href(ref.path), "line": ref.line, "column": ref.column}


def where_json(where: str | None) -> dict[str, Any] | None:
    """A reference object from an error's place text ("release.txt:42", "release.txt:42:7",
    "release.txt"); line and column are null when the text does not give them."""
    if not where:
        return None
    found = _WHERE_RE.match(where)
    assert found is not None  # the pattern matches any text
    path = found["path"] or where
    return {"href": _href(path), "line": int(found["line"]) if found["line"] else None,
            "column": int(found["column"]) if found["column"] else None}


def relative_path(path: str | os.PathLike[str], base: str | os.PathLike[str]) -> str:
    """`path` relative to the folder `base`, with '/' separators (absolute only when no relative
    path exists, e.g. another drive on Windows); bytes that are not UTF-8 are shown escaped."""
    try:
        rel = os.path.relpath(os.path.abspath(os.fspath(path)), os.path.abspath(os.fspath(base)))
    except ValueError:
        rel = os.path.abspath(os.fspath(path))
    text = os.fsencode(rel).decode("utf-8", "backslashreplace")
    return text.replace(os.sep, "/") if os.sep != "/" else text


def load_schema(name: str) -> dict[str, Any]:
    """The shipped JSON Schema `name` ("report", "summary", "compare", ...)."""
    source = resources.files("converter") / "schemas" / f"{name}.schema.json"
    return json.loads(source.read_text(encoding="utf-8"))


def schema_errors(data: Any, name: str) -> list[str]:
    """What makes `data` break the shipped schema `name` (empty when it conforms). Needs
    `jsonschema` (installed with Arelle)."""
    import jsonschema

    schema = load_schema(name)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return [f"{'/'.join(str(p) for p in error.absolute_path) or '(top)'}: {error.message}"
            for error in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))]
