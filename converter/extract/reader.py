"""Bytes -> checked, normalized text lines that remember their original columns.

Limits, each refused with an InputError naming the place: MAX_INPUT_BYTES per file and
MAX_LINE_CHARS per line. Characters XML cannot hold (C0 controls other than tab and line ends,
U+FFFE/U+FFFF, lone surrogates) are replaced by a space at reading (clean_text), so columns
stay where they were printed; the report lists what was replaced.
"""

from __future__ import annotations

import bisect
import codecs
import re
from dataclasses import dataclass

from converter.errors import InputError
from converter.model import Notice, SourceRef

_TEXT_CONTROLS = {9, 10, 12, 13}
MAX_INPUT_BYTES = 8 * 1024 * 1024
MAX_LINE_CHARS = 250_000
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


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
        return index + 1 + bisect.bisect_right(self.removed, index)


def decode(data: bytes, path: str, encoding: str | None = None) -> str:
    """Decode a release's bytes, refusing empty, oversized, binary and badly encoded input.

    With `encoding` (or a UTF-16/UTF-32 byte order mark) the bytes are decoded first and the
    text is then checked, so a UTF-16 file is not taken for binary because of its NUL bytes."""
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"file too large ({len(data):,} bytes; at most {MAX_INPUT_BYTES:,})", where=path,
                         code="xc:inputTooLarge")
    if not encoding:
        encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if encoding:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(f"cannot decode as {encoding}: {exc}", where=path, code="xc:badEncoding") from exc
        text = text.removeprefix("\ufeff")
        if not text.strip():
            raise InputError("empty file", where=path, code="xc:emptyInput")
        if _looks_binary_text(text):
            raise InputError("binary file, not a text press release", where=path, code="xc:binaryInput")
        return text
    if not data.strip():
        raise InputError("empty file", where=path, code="xc:emptyInput")
    if _looks_binary(data):
        raise InputError("binary file, not a text press release", where=path, code="xc:binaryInput")
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
            where=f"{path}:{line}", code="xc:badEncoding") from exc


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data:
        return True
    sample = data[:8192]
    controls = sum(1 for b in sample if b < 32 and b not in _TEXT_CONTROLS)
    return controls > len(sample) * 0.1


def _looks_binary_text(text: str) -> bool:
    if "\x00" in text:
        return True
    sample = text[:8192]
    controls = sum(1 for c in sample if ord(c) < 32 and ord(c) not in _TEXT_CONTROLS)
    return controls > len(sample) * 0.1


# UTF-8 read as cp1252 or Latin-1 by a tool before us ("12,535Â", "Equity income â€” net"): a
# no-break space's lead byte, and the three bytes of a dash, quote or bullet
_MOJIBAKE_RE = re.compile("\u00c2(?=[ \u00a0\t]|$)|\u00e2(?:\u20ac|\u0080)[\u0080-\u00bf\u0152-\u2122]", re.M)
_MIN_MOJIBAKE = 2  # fewer is no evidence (a French name may hold an "Â")


def _line_col(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of `index` in `text`."""
    return text.count("\n", 0, index) + 1, index - (text.rfind("\n", 0, index) + 1) + 1


def _unmangled(match: re.Match[str]) -> str:
    """The character a mis-decoded sequence stood for, padded with spaces to its length (so that
    the columns of a fixed-width table stay where they are)."""
    seq = match[0]
    if seq == "\u00c2":
        return " "
    for codec in ("cp1252", "latin-1"):
        try:
            return seq.encode(codec).decode("utf-8").ljust(len(seq))
        except (UnicodeEncodeError, UnicodeDecodeError):
            continue
    return seq


def repair_mojibake(text: str, path: str) -> tuple[str, tuple[Notice, ...]]:
    """`text` with UTF-8 that was read as cp1252 or Latin-1 repaired, and a note saying so."""
    found = list(_MOJIBAKE_RE.finditer(text))
    if len(found) < _MIN_MOJIBAKE:
        return text, ()
    first = found[0]
    line, col = _line_col(text, first.start())
    note = Notice("xc:mojibake", f"repaired {len(found)} character(s) of UTF-8 read as cp1252 or Latin-1 "
                  f"(first {first[0]!r})", SourceRef(path, line, col))
    return _MOJIBAKE_RE.sub(_unmangled, text), (note,)


def clean_text(text: str, path: str) -> tuple[str, tuple[Notice, ...]]:
    """`text` with every character XML cannot hold replaced by a space, and what was replaced
    ("replaced 2 character(s) XML cannot hold by spaces, first U+001A" at release.txt:40:1);
    UTF-8 another tool read as cp1252 or Latin-1 is repaired (`repair_mojibake`)."""
    text, repaired = repair_mojibake(text, path)
    first = _XML_ILLEGAL.search(text)
    if first is None:
        return text, repaired
    count = len(_XML_ILLEGAL.findall(text))
    line, col = _line_col(text, first.start())
    note = Notice("xc:illegalCharacters",
                  f"replaced {count} character(s) XML cannot hold by spaces, first U+{ord(first[0]):04X}",
                  SourceRef(path, line, col))
    return _XML_ILLEGAL.sub(" ", text), (*repaired, note)


_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})*(?:\.\d+)?")
_LONG_NUMBER = re.compile(r"(?<![\w.,/:=&#%@+-])\d[\d,]{18,}(?:\.\d+)?(?![\w/])")


def check_numbers(text: str, path: str) -> None:
    """Refuse (InputError with line and column) a stand-alone number of more than
    MAX_INTEGER_DIGITS digits: no release prints one, and Decimal arithmetic would overflow."""
    from .cells import MAX_INTEGER_DIGITS

    for match in _LONG_NUMBER.finditer(text):
        if "," in match[0] and not _GROUPED.fullmatch(match[0]):
            continue  # figures run together ("3,229,7575,251,053"): the readers part them by their separators
        digits = match[0].split(".")[0].replace(",", "").lstrip("0")
        if len(digits) > MAX_INTEGER_DIGITS:
            line, col = _line_col(text, match.start())
            raise InputError(f"number too large: {match[0][:30]}... ({len(digits)} digits; "
                             f"at most {MAX_INTEGER_DIGITS})", where=f"{path}:{line}:{col}", code="xc:numberTooLarge")


def check_line_lengths(text: str, path: str) -> None:
    """Refuse a line longer than MAX_LINE_CHARS (InputError naming the line)."""
    start = 0
    number = 1
    size = len(text)
    while start <= size:
        end = text.find("\n", start)
        end = size if end < 0 else end
        if end - start > MAX_LINE_CHARS:
            raise InputError(f"line too long ({end - start:,} characters; at most {MAX_LINE_CHARS:,})",
                             where=f"{path}:{number}", code="xc:lineTooLong")
        start = end + 1
        number += 1


def split_lines(text: str, path: str) -> list[Line]:
    """Normalize line ends, drop a BOM, un-escape `\\$`, and number the lines."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise InputError("empty file", where=path, code="xc:emptyInput")
    if "\x00" in text:
        raise InputError("binary file, not a text press release", where=path, code="xc:binaryInput")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    check_line_lengths(text, path)
    text = _XML_ILLEGAL.sub(" ", text)
    _refuse_markup(text, path)
    return [_unescape(number, raw) for number, raw in enumerate(text.split("\n"), start=1)]


_MARKUP = re.compile(r"<(?:!doctype\s+html|html|body|tr|td|th|div|p|font)\b[^>]*>", re.IGNORECASE)


def _refuse_markup(text: str, path: str) -> None:
    """HTML exhibits are not read yet: say so instead of finding no statements in the tags."""
    found = _MARKUP.search(text)
    if found is not None:
        line, _ = _line_col(text, found.start())
        raise InputError(
            f"HTML input is not supported yet (found {found.group(0)[:20]!r}); "
            "give the release as plain text (e.g. the EDGAR .txt exhibit)",
            where=f"{path}:{line}", code="xc:unsupportedInput")


# "\\$" (markdown's escaped dollar sign) and "/dollarsign" (a PDF glyph's name a converter wrote
# for "$": "/dollarsign 14,736") are a dollar sign
_DOLLAR_RE = re.compile(r"\\\$|/dollarsign\b")


def _unescape(number: int, raw: str) -> Line:
    if "\\$" not in raw and "/dollarsign" not in raw:
        return Line(number, raw)
    out, removed, at = "", [], 0
    for match in _DOLLAR_RE.finditer(raw):
        out += raw[at:match.start()]
        removed.extend([len(out)] * (len(match[0]) - 1))
        out += "$"
        at = match.end()
    return Line(number, out + raw[at:], tuple(removed))
