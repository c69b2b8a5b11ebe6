#!/usr/bin/env python3
"""Render the corpus's HTML releases as other tools would save them, to measure the readers on them.

Real releases also reach users as markdown or plain text that some converter made from the
EDGAR HTML. This writes, for every `release.htm` of a corpus folder, one rendering per style
into OUT/<style>/<release>/ with the release's key.json beside it, so that the usual scoring
works on it:

    python scripts/render_corpus.py ../shared/corpus --out /tmp/renders
    xbrl-convert convert /tmp/renders/span/*/release.md --out /tmp/span --no-validate
    python ../shared/corpus/score.py /tmp/span

(score.py counts the key figures of the whole corpus; the 23 HTML releases have 80 of them, of
which their HTML reads 74.)

Styles:
* span: a pipe table with one cell per <td>, a colspan padded with empty cells after its text;
* plain: the same with colspans ignored (markdownify, html2text);
* compact: the same with the columns empty in every row dropped;
* text: a text-browser dump (w3m, lynx): paragraphs as lines, tables as space-aligned columns
  with colspans honoured and figures right-aligned;
* tabs: a table copied from a browser and pasted as text: one line per row, its cells (each
  <td>, empty ones too, a colspan as one) separated by tabs;
* grid: pandoc's grid tables ("+-----+-----+" rules between rows, "+=====+" under the first),
  colspans ignored, labels wrapped at 30 characters and other cells at 14 over several lines.

The renderings are measurement input only: nothing of the corpus is copied into the repository.
"""

from __future__ import annotations

import argparse
import re
import shutil
import textwrap
import sys
from pathlib import Path

from lxml import html as lhtml

STYLES = ("span", "plain", "compact", "text", "tabs", "grid")
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "center"}
_FIGURE = re.compile(r"^[\s$(]*[-\u2014\u2013]?[\d,.]+\)?%?\s*$|^\s*[-\u2014\u2013]\s*$|^[)$%]$")
_LABEL_WIDTH = 70


def text_of(el) -> str:  # noqa: ANN001 - an lxml element
    """An element's text with line breaks and nested blocks as spaces, whitespace collapsed."""
    parts: list[str] = []

    def walk(e) -> None:  # noqa: ANN001
        if isinstance(e.tag, str) and e.tag in ("br", "p", "div"):
            parts.append(" ")
        if e.text:
            parts.append(e.text)
        for child in e:
            walk(child)
        if e is not el and e.tail:
            parts.append(e.tail)

    walk(el)
    return " ".join("".join(parts).split())


def _span(td, name: str) -> int:  # noqa: ANN001
    """A cell's colspan or rowspan: 1 unless a positive number is given."""
    value = td.get(name) or "1"
    return int(value) if value.isdigit() and int(value) > 0 else 1


def _tds(tr) -> list:  # noqa: ANN001
    return [td for td in tr if isinstance(td.tag, str) and td.tag in ("td", "th")]


def _cells(tr) -> list[tuple[int, str]]:  # noqa: ANN001
    """(colspan, text) of a row's cells."""
    return [(_span(td, "colspan"), text_of(td)) for td in _tds(tr)]


def pipe_table(table, style: str) -> list[str]:  # noqa: ANN001
    rows = []
    for tr in table.iter("tr"):
        cells: list[str] = []
        for span, text in _cells(tr):
            cells.append(text.replace("|", "\\|"))
            if style == "span":
                cells.extend([""] * (span - 1))
        if any(c.strip() for c in cells):
            rows.append(cells)
    if not rows:
        return []
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    if style == "compact":
        keep = [k for k in range(width) if any(r[k].strip() for r in rows)]
        rows = [[r[k] for k in keep] for r in rows]
        width = len(keep)
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
    return ["", *lines, ""]


def grid_table(table) -> list[str]:  # noqa: ANN001
    rows = [[text for _span, text in _cells(tr)] for tr in table.iter("tr")]
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        return []
    width = max(len(r) for r in rows)
    wrapped = [[textwrap.wrap(c, 30 if k == 0 else 14) or [""] for k, c in enumerate(r + [""] * (width - len(r)))]
               for r in rows]
    sizes = [max(3, *(len(piece) for r in wrapped for piece in r[k])) for k in range(width)]
    rule = "+" + "+".join("-" * (n + 2) for n in sizes) + "+"
    lines = [rule]
    for i, cells in enumerate(wrapped):
        for j in range(max(len(c) for c in cells)):
            lines.append("| " + " | ".join((c[j] if j < len(c) else "").ljust(sizes[k]) for k, c in enumerate(cells)) + " |")
        lines.append(rule.replace("-", "=") if i == 0 else rule)
    return ["", *lines, ""]


def tab_table(table) -> list[str]:  # noqa: ANN001
    rows = ["\t".join(text for _span, text in _cells(tr)) for tr in table.iter("tr")]
    rows = [r.rstrip("\t") for r in rows if r.strip()]
    return ["", *rows, ""] if rows else []


def text_table(table) -> list[str]:  # noqa: ANN001
    """A text browser's layout: colspans and rowspans honoured (a cell spanning two rows keeps
    its columns free in the row below), figures right-aligned."""
    grid = []
    held: dict[int, tuple[int, int]] = {}  # column -> (rows still covered, columns) by a rowspan above
    for tr in table.iter("tr"):
        row, col = [], 0
        spanning: dict[int, tuple[int, int]] = {}
        for (span, text), rows in zip(_cells(tr), (_span(td, "rowspan") for td in _tds(tr))):
            while col in held:
                col += held[col][1]
            row.append((col, span, text))
            if rows > 1:
                spanning[col] = (rows - 1, span)
            col += span
        held = {c: (r - 1, s) for c, (r, s) in held.items() if r > 1} | spanning
        if any(text for _, _, text in row):
            grid.append(row)
    if not grid:
        return []
    n = max(c + s for row in grid for c, s, _ in row)
    width = [0] * n
    for row in grid:
        for c, s, text in row:
            if s == 1:
                width[c] = max(width[c], len(text))
    for row in grid:  # a span wider than its columns widens its last column
        for c, s, text in row:
            room = sum(width[c:c + s]) + 2 * (s - 1)
            if s > 1 and len(text) > room:
                width[c + s - 1] += len(text) - room
    width[0] = min(max(width[0], 10), _LABEL_WIDTH)
    lines = []
    for row in grid:
        line = ""
        for c, s, text in row:
            start = sum(width[:c]) + 2 * c
            room = sum(width[c:c + s]) + 2 * (s - 1)
            if c == 0:
                cell = text[:_LABEL_WIDTH].ljust(room)
            elif _FIGURE.match(text) or (s == 1 and not text[:1].isalpha()):
                cell = text.rjust(room)
            else:
                cell = text.center(room)
            line = line.ljust(start)[:start] + cell
        lines.append(line.rstrip())
    return ["", *lines, ""]


def render(path: Path, style: str) -> str:
    root = lhtml.fromstring(path.read_bytes())
    out: list[str] = []

    def walk(el) -> None:  # noqa: ANN001
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            return
        if el.tag == "table":
            caption = el.find("caption")
            if caption is not None and text_of(caption):  # a caption as the line above the table
                out.extend(["", text_of(caption)])
            out.extend(text_table(el) if style == "text" else tab_table(el) if style == "tabs"
                       else grid_table(el) if style == "grid" else pipe_table(el, style))
        elif el.tag in _BLOCKS and el.find(".//table") is None:
            text = text_of(el)
            if text:
                out.extend(["", text])
        else:
            if el.text and el.text.strip():
                out.append(" ".join(el.text.split()))
            for child in el:
                walk(child)
        if el.tail and el.tail.strip():
            out.append(" ".join(el.tail.split()))

    walk(root)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, nargs="?", default=Path(__file__).resolve().parents[2] / "shared" / "corpus")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--style", choices=STYLES, action="append", help="default: every style")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus folder not found: {args.corpus}", file=sys.stderr)
        return 2
    styles = args.style or list(STYLES)
    count = 0
    for release in sorted(args.corpus.glob("*/release.htm*")):
        for style in styles:
            folder = args.out / style / release.parent.name
            folder.mkdir(parents=True, exist_ok=True)
            suffix = ".txt" if style in ("text", "tabs") else ".md"
            (folder / f"release{suffix}").write_text(render(release, style), encoding="utf-8")
            if (release.parent / "key.json").is_file():
                shutil.copyfile(release.parent / "key.json", folder / "key.json")
        count += 1
    print(f"{count} HTML releases rendered as {', '.join(styles)} under {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
