"""A text release wrapped in HTML <pre> (an early EDGAR .htm exhibit): its fixed-width
statements are read as text, with the file's own lines and columns. Fixtures are invented."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from converter.extract import extract_text
from converter.extract.pre import pre_lines
from converter.model import StatementKind

ROOT = Path(__file__).resolve().parents[1]
TEXT_RELEASES = sorted((ROOT / "tests" / "fixtures" / "releases").glob("*.txt"))


def _figures(release) -> set[tuple]:
    return {(s.kind, p, cell.value) for s in release.statements for item in s.items
            for cell, p in zip(item.cells, s.periods) if cell.value is not None}


@pytest.mark.parametrize("path", TEXT_RELEASES, ids=lambda p: p.name)
def test_a_text_release_wrapped_in_pre_reads_to_the_figures_of_the_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    wrapped = f"<html>\n<head><title>EX-99.1</title></head>\n<body>\n<pre>\n{html.escape(text, quote=False)}</pre>\n</body>\n</html>\n"
    plain = extract_text(text, path.name)
    read = extract_text(wrapped, path.stem + ".htm")
    assert read.statements and [s.kind for s in read.statements] == [s.kind for s in plain.statements]
    assert _figures(read) == _figures(plain)
    # four lines above the text: each row keeps its line, four lines down
    assert [item.source.line for s in read.statements for item in s.items] == \
        [item.source.line + 4 for s in plain.statements for item in s.items]


WRAPPED = """<HTML>
<BODY>
<P>Exhibit 99.1</P>
<PRE>
Harrow &amp; Vane Corp. (NYSE: HVC) today reported results for the year ended December 31, 1999.

                 <B>CONSOLIDATED STATEMENTS OF INCOME</B>
                (In thousands, except per share data)

                                            Year Ended December 31,
                                              1999          1998
                                           ----------    ----------
Net sales                                  $  310,442    $  291,870
Cost of sales                                 201,119       190,334
<B>Net income</B>                                 &#36;   20,518    $   17,702
Diluted earnings per share                 $     1.12    $      .97
</PRE>
</BODY>
</HTML>
"""


def test_tags_and_character_references_inside_pre_keep_the_columns_of_the_file() -> None:
    release = extract_text(WRAPPED, "wrapped.htm")
    (ops,) = release.statements
    assert ops.kind is StatementKind.OPERATIONS and ops.title == "CONSOLIDATED STATEMENTS OF INCOME"
    net = next(item for item in ops.items if item.label == "Net income")
    line = WRAPPED.splitlines()[net.source.line - 1]
    assert line.startswith("<B>Net income</B>")
    assert net.source.column == line.index("Net income") + 1
    assert [line[c.source.column - 1 :].split()[0] for c in net.cells] == ["20,518", "17,702"]
    assert [str(c.value) for c in net.cells] == ["20518", "17702"]


def test_an_html_document_without_figures_in_pre_is_not_read_as_text() -> None:
    assert pre_lines("<html><body><pre>Contact: Jane Roe\n(555) 010-0199, ext. 2024</pre></body></html>") is None
    assert pre_lines("<html><body><p>Net sales  $ 310,442    $ 291,870</p></body></html>") is None
