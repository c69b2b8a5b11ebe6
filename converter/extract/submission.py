"""EDGAR submissions that mix HTML and plain-text documents.

    mixed_parts(text) -> (html_text, plain_text) | None

A full submission (the `.txt` EDGAR serves for a filing, 2001-2010 above all) holds one
<DOCUMENT> per file filed: the 8-K itself and its press release in HTML, say, and the
release's financial tables as SGML-tagged text exhibits (<TABLE>, <S>, <C>). Read whole as
HTML, the text exhibits' tables are lost (an HTML parser takes their <TABLE> tags for empty
tables); read whole as text, the HTML documents are markup. So each reader gets its own
documents: the other documents are blanked (every character but the line breaks replaced by a
space), so that lines and columns stay those of the file. (The HTML documents' words are not
given to the text reader: an 8-K's body and its forward-looking boilerplate misled the
document facts, "fiscal year 2007" for a release of 2006 results.)
"""

from __future__ import annotations

import re

from .edgar import is_sgml_text

_DOCUMENT_RE = re.compile(r"<DOCUMENT>.*?(?:</DOCUMENT>|\Z)", re.S | re.I)
_SGML_TABLE_RE = re.compile(r"^\s*<TABLE>\s*$", re.I | re.M)
_NOT_NEWLINE_RE = re.compile(r"[^\n]")


def mixed_parts(text: str) -> tuple[str, str] | None:
    """(the text with its plain-text documents blanked, the text with its HTML documents
    blanked) when the submission holds both HTML documents and text documents with SGML
    tables; else None."""
    documents = [(m.start(), m.end()) for m in _DOCUMENT_RE.finditer(text)]
    if len(documents) < 2:
        return None
    html = [(a, b) for a, b in documents if not is_sgml_text(text[a:b])]
    plain = [(a, b) for a, b in documents if is_sgml_text(text[a:b])]
    if not html or not any(_SGML_TABLE_RE.search(text[a:b]) for a, b in plain):
        return None
    return _blanked(text, plain), _blanked(text, html)


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    out, last = [], 0
    for a, b in spans:
        out += [text[last:a], _NOT_NEWLINE_RE.sub(" ", text[a:b])]
        last = b
    out.append(text[last:])
    return "".join(out)
