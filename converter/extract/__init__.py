"""Extraction stage: press release text -> Release (taxonomy-free).

    extract_file(path, encoding=None) -> Release
    extract_text(text, path) -> Release

Raises InputError (unreadable input), NoStatementsError (narrative-only release) and
ExtractionError (no statement table could be read), each naming `path:line`. A statement
table that cannot be read while others can is kept in Release.skipped_tables.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import fields, replace
from datetime import date
from pathlib import Path

from converter.errors import ExtractionError, InputError, NoStatementsError

from converter.model import Release, SourceRef, StatementKind

from .edgar import is_sgml_text, sgml_tables
from .headers import current_dates, release_context, release_dates
from .html import extract_html, is_html
from .markdown import is_markdown, markdown_statements
from .pairs import paired_rows
from .pipecells import is_pipe_cells, split_pipe_cells
from .pre import pre_lines
from .reader import MAX_INPUT_BYTES, Line, check_numbers, clean_text, decode, split_lines
from .release import build_release
from .submission import mixed_parts
from .titles import joined_titles
from .statements import find_statements
from .tablekind import ignored_title
from .texttables import prose_line

__all__ = ["clean_text", "extract_file", "extract_text", "read_text"]


def read_text(path: Path, encoding: str | None = None) -> str:
    """A release file's text, refusing what is not a regular file (a FIFO, a device), and
    empty, oversized, binary and badly encoded files (InputError)."""
    name = os.fsencode(os.fspath(path)).decode("utf-8", "backslashreplace")
    try:
        with open(path, "rb", opener=_open_regular) as handle:
            data = handle.read(MAX_INPUT_BYTES + 1)
    except _NotRegular as exc:
        raise InputError("not a regular file", where=name) from exc
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", where=name) from exc
    return decode(data, name, encoding)


class _NotRegular(OSError):
    pass


def _open_regular(path: str, flags: int) -> int:
    """Open without blocking (a FIFO with no writer would hang) and accept only regular files."""
    fd = os.open(path, flags | os.O_NONBLOCK)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise _NotRegular(path)
    return fd


def extract_file(path: Path, encoding: str | None = None) -> Release:
    """Read a press release file and extract it; see extract_text."""
    return extract_text(read_text(path, encoding), str(path))


def extract_text(text: str, path: str) -> Release:
    """Extract the statements and document facts of a release's text (plain text or HTML).

    The reading path follows what the markup is: HTML elements go to the HTML reader; EDGAR
    SGML-tagged text (<DOCUMENT>, <PAGE>, <TABLE>, <S>, <C>) is text with its tags blanked.
    Headers that leave part of a period out are completed from the release's own dates."""
    check_numbers(text, path)
    dates = release_dates(text.splitlines())
    with release_context(dates):
        release = paired_rows(_extract(text, path))
    if (day := _balance_sheet_day(release)) is None:
        return release
    # no period end stated anywhere, and statements of years alone left unread: their columns
    # end on the balance sheet's day (a 10-K's statements of operations beside its balance sheet)
    with release_context(replace(dates, balance_sheet_end=day)):
        again = paired_rows(_extract(text, path))
    if len(again.statements) <= len(release.statements):
        return release
    note = f"columns headed by a year alone end on the balance sheet's day {day.isoformat()}: the release states no period end"
    read_before = {(s.source, s.periods) for s in release.statements}
    return replace(again, statements=tuple(s if (s.source, s.periods) in read_before else replace(s, notes=(*s.notes, note))
                                           for s in again.statements))


def _balance_sheet_day(release: Release) -> date | None:
    """The latest date of the release's balance sheets, when a statement was skipped for a header
    it could not date and the release's text states no period end; else None."""
    if current_dates().period_end is not None or not any(t.code == "xc:unreadableHeader" for t in release.skipped_tables):
        return None
    days = [p.end for s in release.statements if s.kind is StatementKind.BALANCE_SHEET for p in s.periods]
    return max(days) if days else None


def _extract(text: str, path: str) -> Release:
    sgml = is_sgml_text(text)
    if is_html(text) and not sgml:
        parts = mixed_parts(text)
        if parts is not None:
            return _merged(path, (_plain, parts[1]), (extract_html, parts[0]))
        fixed = pre_lines(text)
        if fixed is not None:  # text releases wrapped in <pre>: each reader gets its own part
            return _merged(path, (extract_html, text), (lambda _text, where: _plain_lines(fixed, False, where), text))
        return extract_html(text, path)
    return _plain(text, path)


def _merged(path: str, *readings: tuple[Callable[[str, str], Release], str]) -> Release:
    """One release from the readings of a submission's parts (see submission.py): their
    statements and tables together, each document fact from the first part that states it.
    A part without statements adds nothing; when no part has any, the first part's error."""
    releases: list[Release] = []
    errors: list[ExtractionError | NoStatementsError] = []
    for reader, text in readings:
        try:
            releases.append(reader(text, path))
        except (ExtractionError, NoStatementsError) as exc:
            errors.append(exc)
    if not releases:
        raise next((e for e in errors if not isinstance(e, NoStatementsError)), errors[0])
    first, *others = releases
    info = first.info
    for other in others:
        taken = {f.name: getattr(other.info, f.name) for f in fields(info) if f.name != "sources"
                 and getattr(info, f.name) in (None, ()) and getattr(other.info, f.name) not in (None, ())}
        sources = info.sources + tuple((name, ref) for name, ref in other.info.sources if name in taken)
        info = replace(info, **taken, sources=sources)
    return Release(path, info, tuple(sorted((s for r in releases for s in r.statements), key=lambda s: s.source)),
                   tuple(sorted((t for r in releases for t in r.ignored_tables), key=lambda t: t[2])),
                   tuple(sorted((t for r in releases for t in r.skipped_tables), key=lambda t: (t.source, t.reason))))


def _plain(text: str, path: str) -> Release:
    """A text release (EDGAR SGML-tagged text, markdown, fixed-width or flowed text)."""
    return _plain_lines(split_lines(text, path), is_sgml_text(text), path)


def _plain_lines(lines: list[Line], sgml: bool, path: str) -> Release:
    lines = joined_titles(lines)
    tagged = []
    if sgml:
        lines, tagged = sgml_tables(lines)
    if is_markdown(lines):
        statements, ignored, skipped = markdown_statements(lines, path)
    else:
        if is_pipe_cells(lines):
            lines = split_pipe_cells(lines)
        statements, skipped, found_ignored = find_statements(lines, path, tagged)
        ignored = [(*found, SourceRef(path, line.number, 1)) for line in lines
                   if not prose_line(line.text) and (found := ignored_title(line.text))]
        seen = {ref.line for _, _, ref in ignored}
        ignored += [entry for entry in found_ignored if entry[2].line not in seen]
    return build_release(path, lines, statements, ignored, skipped)
