"""Bytes -> checked, normalized text lines that remember their original columns."""

from __future__ import annotations

import re
from dataclasses import dataclass

from converter.errors import InputError

_TEXT_CONTROLS = {9, 10, 12, 13}


@dataclass(frozen=True)
class Line:
    """One line of the release after normalization.

    `removed` lists indices in `text` of each `$` whose escaping backslash was dropped, so
    `col()` can map a position in `text` back to the column in the file.
    """

    number: int
    text: str
    removed: tuple[int, ...] = ()

    def col(self, index: int) -> int:
        """1-based column in the original line of the character at `index` in `text`."""
        return index + 1 + sum(1 for r in self.removed if r <= index)


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Decode a release's bytes, refusing empty, binary and badly encoded input."""
    if not data.strip():
        raise InputError("empty file", where=path)
    if _looks_binary(data):
        raise InputError("binary file, not a text press release", where=path)
    if encoding:
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"cannot decode as {encoding}: {exc}", where=path) from exc
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        raise InputError(
            f"invalid UTF-8 at line {line}, byte offset {exc.start} "
            f"(byte {exc.start - line_start + 1} of the line, 0x{data[exc.start]:02x}); "
            "give the file's encoding with --encoding (e.g. --encoding cp1252)",
            where=f"{path}:{line}",
        ) from exc


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data:
        return True
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    return controls > len(sample) * 0.1


def split_lines(text: str, path: str) -> list[Line]:
    """Normalize line ends, drop a BOM, un-escape `\\$`, and number the lines."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError("empty file", where=path)
    if "\x00" in text:
        raise InputError("binary file, not a text press release", where=path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    _refuse_markup(text, path)
    return [_unescape(number, raw) for number, raw in enumerate(text.split("\n"), start=1)]


_MARKUP = re.compile(r"<(?:!doctype\s+html|html|body|tr|td|th|div|p|font)\b[^>]*>", re.IGNORECASE)


def _refuse_markup(text: str, path: str) -> None:
    """HTML exhibits are not read yet: say so instead of finding no statements in the tags."""
    found = _MARKUP.search(text)
    if found is not None:
        line = text.count("\n", 0, found.start()) + 1
        raise InputError(
            f"HTML input is not supported yet (found {found.group(0)[:20]!r}); "
            "give the release as plain text (e.g. the EDGAR .txt exhibit)",
            where=f"{path}:{line}",
        )


def _unescape(number: int, raw: str) -> Line:
    if "\\$" not in raw:
        return Line(number, raw)
    parts = raw.split("\\$")
    out, removed = parts[0], []
    for part in parts[1:]:
        removed.append(len(out))
        out += "$" + part
    return Line(number, out, tuple(removed))
