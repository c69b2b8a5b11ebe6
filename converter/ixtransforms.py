"""Inline XBRL transformation formats, decoded through Arelle's transformation registry.

`transform(namespace, local_name, text)` gives the value an ix:nonFraction or ix:nonNumeric
stands for under its `format`: every format of the XBRL transformation registries 1 to 5
(`arelle.FunctionIxt.ixtNamespaceFunctions`: numbers like num-dot-decimal, num-comma-decimal,
fixed-zero, num-unit-decimal, dates like date-monthname-day-year-en, date-day-monthname-year-en,
booleans like fixed-true), with the whitespace collapsed first, as Arelle does. The SEC's own
registry (the `ixt-sec` namespace) is not part of arelle-release; its number-word and ballot-box
formats are decoded here (`_SEC`), its other formats are reported as not available.

A format that is unknown, or text the format does not accept, raises TransformError (a
ValueError): the reader reports that fact as a data problem instead of comparing it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

IXT_SEC = "http://www.sec.gov/inlineXBRL/transformation/2015-08-31"
_WHITESPACE = re.compile(r"[ \t\n\r]+")  # XML whitespace, as arelle.XmlUtil.collapseWhitespace


class TransformError(ValueError):
    """The format is not in the registries, or the text is not valid for it."""


def _registry() -> dict[str, dict[str, Callable[[str], str]]]:
    from arelle.FunctionIxt import ixtNamespaceFunctions  # imported on first use (about a second)

    return ixtNamespaceFunctions  # type: ignore[return-value]


def transform(namespace: str, local_name: str, text: str) -> str:
    """The value of `text` under the transformation format {namespace}local_name, as the XML
    schema lexical form Arelle's registry gives ("2024-06-30", "1234.5", "false")."""
    collapsed = _WHITESPACE.sub(" ", text).strip(" ")
    if namespace == IXT_SEC:
        function = _SEC.get(local_name)
        if function is None:
            raise TransformError(f"the SEC transformation ixt-sec:{local_name} is not available "
                                 "(not in Arelle's registry)")
    else:
        functions = _registry().get(namespace)
        if functions is None:
            raise TransformError(f"unknown transformation registry {namespace!r} (format {local_name})")
        function = functions.get(local_name)
        if function is None:
            raise TransformError(f"transformation format {local_name!r} is not in the registry {namespace}")
    try:
        return function(collapsed)
    except Exception:  # noqa: BLE001 - Arelle raises XPath errors (or NameError outside its controller)
        raise TransformError(f"{collapsed[:40]!r} is not valid for the transformation format {local_name}") from None


# ---- the SEC registry's number words and ballot boxes ----------------------------------------

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * (i + 2) for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}


def _num_words_en(text: str) -> str:
    """ixt-sec:numwordsen: "no", "none", or an English number in words ("twenty-one",
    "one hundred five thousand"), or digits."""
    tokens = [t for t in re.split(r"[\s\-,]+", text.strip().lower()) if t and t != "and"]
    if tokens in (["no"], ["none"]):
        return "0"
    if not tokens:
        raise ValueError("no number words")
    total, current = 0, 0
    for token in tokens:
        if token in _UNITS:
            current += _UNITS[token]
        elif token in _TENS:
            current += _TENS[token]
        elif token.isdigit():
            current += int(token)
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in _SCALES:
            total += (current or 1) * _SCALES[token]
            current = 0
        else:
            raise ValueError(f"{token!r} is not a number word")
    return str(total + current)


_CHECKED = frozenset("☑☒✓✔✗✘x")
_UNCHECKED = frozenset("☐□")


def _ballot(text: str, yes: str, no: str) -> str:
    mark = text.strip().lower()
    if mark in _CHECKED:
        return yes
    if mark in _UNCHECKED:
        return no
    raise ValueError(f"{text!r} is not a ballot box")


_SEC: dict[str, Callable[[str], str]] = {
    "numwordsen": _num_words_en,
    "boolballotbox": lambda text: _ballot(text, "true", "false"),
    "yesnoballotbox": lambda text: _ballot(text, "Yes", "No"),
}
