"""The last step of every reader: statements, ignored and skipped tables -> Release.

A table that was taken for a statement and could not be read is a SkippedTable: it is
reported and the rest of the release is converted. The release fails only when no statement
could be read at all (ExtractionError naming the first unreadable table), and is narrative
(NoStatementsError) when no table was taken for a statement.
"""

from __future__ import annotations

from converter.errors import ExtractionError, NoStatementsError
from converter.model import Release, SkippedTable, SourceRef, Statement

from .document import document_info
from .reader import Line
from .scaleinfer import infer_scale


def build_release(path: str, lines: list[Line], statements: list[Statement],
                  ignored: list[tuple[str, str, SourceRef]], skipped: list[SkippedTable]) -> Release:
    if not statements and skipped:
        first = min(skipped, key=lambda t: t.source)
        more = f" ({len(skipped) - 1} more unreadable table(s))" if len(skipped) > 1 else ""
        raise ExtractionError(f"{first.reason}{more}", where=first.where or str(first.source))
    if not statements:
        raise NoStatementsError("no financial statements found", where=path)
    ordered = tuple(infer_scale(sorted(statements, key=lambda s: s.source), lines))
    return Release(path, document_info(lines, list(ordered), path), ordered,
                   tuple(sorted(ignored, key=lambda t: t[2])),
                   tuple(sorted(skipped, key=lambda t: (t.source, t.reason))))
