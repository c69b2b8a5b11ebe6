"""Fixed-width text inside an HTML document's <pre> elements.

    pre_lines(text) -> list[Line] | None

An HTML exhibit of the early EDGAR years (and a newsroom page now and then) is often a text
release wrapped in <pre>: its statements are columns of figures aligned by spaces, which an
HTML reader sees as one paragraph of words. So the text of those elements is read again as a
text release: every line of the file is kept (numbered as in the file), the text outside the
<pre> elements left out, and inside them the tags dropped and the character references
decoded, as a browser shows the text. Each line remembers what was dropped (Line.removed), so
a figure's column is its column in the file.
"""

from __future__ import annotations

import html
import re

from .reader import Line

_PRE_RE = re.compile(r"<pre\b[^>]*>(.*?)(?:</pre\s*>|\Z)", re.I | re.S)
_TOKEN_RE = re.compile(r"<[^>]*>|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?|\n")
_FIGURE_RE = re.compile(r"\d,\d{3}\b")  # an amount with a thousands separator


def pre_lines(text: str) -> list[Line] | None:
    """The file's lines with only the text of its <pre> elements, or None when no <pre>
    element holds an amount (a figure with a thousands separator)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    spans = [m.span(1) for m in _PRE_RE.finditer(text)]
    if not any(_FIGURE_RE.search(text, a, b) for a, b in spans):
        return None
    texts: dict[int, str] = {}
    removed: dict[int, list[int]] = {}
    for a, b in spans:
        number = text.count("\n", 0, a) + 1
        out: list[str] = []
        gone: list[int] = [0] * (a - (text.rfind("\n", 0, a) + 1))  # the line's text up to the <pre> tag
        size = 0
        at = a
        for match in _TOKEN_RE.finditer(text, a, b):
            piece = text[at : match.start()]
            out.append(piece)
            size += len(piece)
            token = match[0]
            at = match.end()
            if token == "\n":
                texts[number], removed[number] = "".join(out), gone
                number, out, gone, size = number + 1, [], [], 0
            elif token.startswith("<"):
                gone.extend([size] * len(token))
            elif (char := html.unescape(token)) == token:  # no character reference ("&Co")
                out.append(token)
                size += len(token)
            else:
                char = char.replace("\xa0", " ") if len(char) == 1 and char.isprintable() else " "
                out.append(char)
                gone.extend([size + 1] * (len(token) - 1))
                size += 1
        out.append(text[at:b])
        texts[number], removed[number] = "".join(out), gone
    count = text.count("\n") + 1
    return [Line(n, texts.get(n, ""), tuple(removed.get(n, ()))) for n in range(1, count + 1)]
