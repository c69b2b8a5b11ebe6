"""Mutations of release files for the property tests and scripts/fuzz.py.

Each mutation takes the file's bytes and a random.Random and returns new bytes, an encoding to
pass with --encoding (or None) and a suffix for the file name. They model a hostile but
realistic user: byte flips, truncation, huge numbers, control characters, odd encodings, deep
HTML, long lines, degenerate column spacing, repeated escapes and brackets.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = sorted(p for p in [*(ROOT / "tests" / "fixtures" / "releases").iterdir(), *(ROOT / "examples").iterdir(),
                           *(ROOT / "tests" / "fixtures" / "extract").glob("*.txt")]
               if p.is_file() and p.suffix in (".txt", ".htm", ".html", ".md"))

Mutation = Callable[[bytes, random.Random], tuple[bytes, str | None]]
_NUMBER = re.compile(rb"\d[\d,]*(?:\.\d+)?")
# Mutations chain, so a huge line multiplied by a big table could reach gigabytes and exhaust the
# harness before the tool runs. Inputs are cut at twice the tool's 8 MB input limit: large enough
# to exercise that limit, small enough to build.
MAX_INPUT = 16 * 1024 * 1024


def _flip(data: bytes, rng: random.Random) -> tuple[bytes, str | None]:
    out = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        if out:
            out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out), None


def _truncate(data: bytes, rng: random.Random) -> tuple[bytes, str | None]:
    return data[: rng.randrange(len(data) + 1)], None


def _huge_number(data: bytes, rng: random.Random) -> tuple[bytes, str | None]:
    numbers = list(_NUMBER.finditer(data))
    if not numbers:
        return data + b"\n" + b"9" * 40, None
    out = data
    chosen = rng.sample(numbers, min(len(numbers), rng.randint(1, 5)))
    for match in sorted(chosen, key=lambda m: m.start(), reverse=True):
        digits = rng.choice([b"9" * rng.randint(19, 60), b"1" + b",000" * rng.randint(7, 20),
                             b"0." + b"0" * rng.randint(10, 40) + b"1", b"1" * 29])
        out = out[: match.start()] + digits + out[match.end():]
    return out, None


def _controls(data: bytes, rng: random.Random) -> tuple[bytes, str | None]:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        out.insert(rng.randrange(len(out) + 1), rng.choice([0x1A, 0x0B, 0x0C, 0x1B, 0x07, 0x7F, 0x01, 0x08, 0x1F]))
    if rng.random() < 0.5:
        out += b"\x1a"  # the DOS end-of-file mark
    return bytes(out), None


def _encoding(data: bytes, rng: random.Random) -> tuple[bytes, str | None]:
    text = data.decode("utf-8", "replace")
    name = rng.choice(["utf-16", "utf-16-le", "utf-32", "cp1252", "latin-1", "utf-8-sig", "cp437"])
    encoded = text.encode(name, "replace")
    given = rng.choice([name, name, None, "ascii", "no-such-codec"])
    return encoded, given


def _deep_html(data: bytes, rng: random.Random) -> tuple[bytes, str | None]:
    depth = rng.choice([50, 300, 1000, 5000])
    tag = rng.choice([b"<div>", b"<font>", b"<span>", b"<b>", b"<table><tr><td>"])
    cut = rng.randrange(len(data) + 1)
    if b"<" not in data:
        data = b"<html><body><pre>" + data + b"</pre></body></html>"
        cut = min(cut + 17, len(data))
    return data[:cut] + tag * depth + data[cut:], None


def _long_line(data: bytes, rng: random.Random) -> tuple[bytes, str | None]:
    kind = rng.randrange(5)
    if kind == 0:
        return data.replace(b"\n", b" "), None  # flattened onto one line
    filler = [b"\t" * 100_000, b"\\$" * 16_000, b"(" * 100_000, b"-" * 50_000, b"$ " * 30_000][kind]
    lines = data.split(b"\n")
    i = rng.randrange(len(lines))
    lines[i] = lines[i] + filler
    return b"\n".join(lines), None


def _columns(data: bytes, rng: random.Random) -> tuple[bytes, str | None]:
    """Collapse column spacing: single spaces, or tabs, or none."""
    sep = rng.choice([b" ", b"\t", b"", b"  "])
    return re.sub(rb"[ \t]{2,}", sep, data), None


def _lines(data: bytes, rng: random.Random) -> tuple[bytes, str | None]:
    lines = data.split(b"\n")
    for _ in range(rng.randint(1, 10)):
        i = rng.randrange(len(lines))
        op = rng.randrange(4)
        if op == 0:
            del lines[i]
            lines = lines or [b""]
        elif op == 1:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif op == 2:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            lines.insert(i, lines[i] * rng.randint(2, 50))
    return b"\n".join(lines), None


def _big_table(data: bytes, rng: random.Random) -> tuple[bytes, str | None]:
    lines = data.split(b"\n")
    rows = [line for line in lines if _NUMBER.search(line) and len(line) > 30] or [b"Revenue   1,000   2,000"]
    i = rng.randrange(len(lines))
    row = rng.choice(rows)
    count = min(rng.choice([500, 5_000, 30_000]), MAX_INPUT // (len(row) + 1) + 1)
    return b"\n".join(lines[:i] + [row] * count + lines[i:]), None


def _unicode(data: bytes, rng: random.Random) -> tuple[bytes, str | None]:
    text = data.decode("utf-8", "replace")
    odd = ["\u202e", "\ufeff", "\u00a0", "\u2028", "\u0085", "\ufffe", "\uffff", "\U0001f600", "\u0301", "—", "−", "＄"]
    chars = list(text)
    for _ in range(rng.randint(1, 30)):
        chars.insert(rng.randrange(len(chars) + 1), rng.choice(odd))
    return "".join(chars).encode("utf-8", "surrogatepass"), None


def _markup(data: bytes, rng: random.Random) -> tuple[bytes, str | None]:
    bits = [b"<!--", b"-->", b"<![CDATA[", b"&#0;", b"&#x1a;", b"&bogus;", b"<?xml version='1.0'?>", b"</table>",
            b"<td colspan='999999999'>", b"<td colspan='-5'>", b"<script>", b"]]>", b"<tr>", b"<caption>"]
    out = data
    for _ in range(rng.randint(1, 10)):
        i = rng.randrange(len(out) + 1)
        out = out[:i] + rng.choice(bits) + out[i:]
    return out, None


MUTATIONS: dict[str, Mutation] = {
    "flip": _flip, "truncate": _truncate, "huge-number": _huge_number, "controls": _controls,
    "encoding": _encoding, "deep-html": _deep_html, "long-line": _long_line, "columns": _columns,
    "lines": _lines, "big-table": _big_table, "unicode": _unicode, "markup": _markup,
}

ODD_NAMES = ["release--x", "re lease", "-dash", "quote'\"", "ünïcödé", "a&b<c>", "semi;colon", "dot.ted.name",
             "x" * 200, "tab\tname", "new\nline", ".hidden", "summary.json", "bad\udcffname", "lat\udce9in1"]


def mutate(seed: int) -> tuple[str, bytes, str | None, str]:
    """(mutation name(s), bytes, --encoding value or None, file name) for one seed."""
    rng = random.Random(seed)
    source = SEEDS[rng.randrange(len(SEEDS))]
    data = source.read_bytes()
    names: list[str] = []
    encoding = None
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        name = rng.choice(sorted(MUTATIONS))
        data, given = MUTATIONS[name](data, rng)
        data = data[:MAX_INPUT]
        encoding = given or encoding
        names.append(name)
    stem = source.stem if rng.random() < 0.8 else rng.choice(ODD_NAMES)
    return "+".join(names), data, encoding, f"{seed}-{stem}{source.suffix}"
