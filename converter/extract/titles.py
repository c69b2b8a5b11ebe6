"""Statement titles and the places where a statement table ends."""

from __future__ import annotations

import re
from dataclasses import replace

from converter.model import CellKind, StatementKind

from .cells import is_rule, parse_cell
from .reader import Line

_QUALIFIER = r"(?:condensed|consolidated|unaudited|interim|combined|period[\s-]end|ending|(?:u\.s\.\s+)?gaap)\s+"  # "U.S. GAAP Condensed ..."
_TITLE = (
    rf"(?:{_QUALIFIER})+income\s+statements?|"  # "Consolidated Income Statement"
    rf"(?:{_QUALIFIER})*(?:comprehensive\s+)?income\s+statements|(?:{_QUALIFIER})*cash\s+flows?\s+statements?|"  # "INCOME STATEMENTS", "CASH FLOWS STATEMENTS"
    rf"(?:{_QUALIFIER})*comprehensive\s+income\s+statement|"
    rf"(?:{_QUALIFIER})*"
    r"(?:balance\s+sheets?|statements?\s+of\s+(?:consolidated\s+)?(?:financial\s+(?:position|condition)|condition"
    r"|operations(?:\s+and\s+comprehensive\s+(?:income|loss)(?:\s+\(loss\))?)?|income(?:\s+\(loss\))?(?:\s+and\s+expenses?)?|earnings"
    r"|profit\s+or\s+\(?loss\)?(?:\s+and\s+other\s*comprehensive\s+(?:income|loss)(?:\s+or\s+\(?loss\)?)?)?"  # IFRS: "Statement of profit or loss"
    r"|\(?loss\)?|comprehensive\s+(?:income|loss|\(loss\))(?:\s*/?\s*\(?(?:loss|income)\)?)?|cash\s+flows?"  # "Comprehensive (Loss)/Income"
    r"|(?:changes\s+in\s+)?(?:stockholders|shareholders)['’]?\s+(?:equity|deficit)(?:\s+\(deficit\))?"
    r"|assets\s+and\s+liabilities)"  # a business development company's or a fund's balance sheet
    r"|summary\s+of\s+(?:consolidated\s+)?(?:operations|earnings))"  # "SUMMARY OF OPERATIONS (unaudited)"
)
# the company's name in capitals may open the title's line: "ACME HOLDING CORPORATION STATEMENTS OF
# OPERATIONS", "ACME, INC. AND SUBSIDIARIES CONSOLIDATED BALANCE SHEETS" (a corporate word ends it;
# after "INC." the title may follow with no space: "ACME, INC.CONSOLIDATED BALANCE SHEETS")
_CORPORATE = r"Corporation|Corp\.?|Incorporated|Inc\.?|LLC|L\.L\.C\.|Ltd\.?|Limited|plc|PLC|N\.V\.|S\.A\.|Company|Co\.|Holdings?|Bancorp|Group"
_COMPANY_PREFIX = (rf"(?-i:(?!PARENT\s)[A-Z][A-Z0-9&.,'’\-]*(?:\s+[A-Z0-9&.,'’\-]+)*?,?\s+(?:{_CORPORATE.upper()})"
                   r"(?:,?\s+(?:AND|&)\s+(?:CONSOLIDATED\s+)?SUBSIDIARIES)?)(?:\s+|(?<=\.)|(?-i:(?<=[A-Z])(?=[A-Z][a-z]))"
                   # or glued to a title in capitals opening with a qualifier: "... CORPORATIONCONSOLIDATED STATEMENTS"
                   r"|(?-i:(?<=[A-Z])(?=(?:CONSOLIDATED|CONDENSED|UNAUDITED|INTERIM)\s)))"
                   # or in title case, glued to the title on a newswire page: "Golden Matrix Group, Inc.
                   # and SubsidiariesConsolidated Balance Sheets"
                   rf"|(?-i:[A-Z][\w&.,'’\-]*(?:\s+(?:[A-Z][\w&.,'’\-]*|&|and|of|the))*?,?\s+(?:{_CORPORATE})"
                   r"(?:,?\s+(?:and|&)\s+(?:Consolidated\s+)?Subsidiaries)?)(?:\s+|(?<=\.)|(?<=[a-z])(?=[A-Z]))")
# a bank's supplement numbers its tables: "Table 1: Consolidated Income Statement (Unaudited)" (read
# so only over a table printed one cell per line, see converter.extract.statements)
# "Consolidated Statements of Operations Data": a qualified title may end in "data" or
# "information" ("Balance Sheet Data (average)", unqualified, is a bank's summary of averages);
# a footnote mark may close the line: "Condensed Consolidated Balance Sheets (unaudited)4"
# an older short title, read as a whole line only ("CONSOLIDATED INCOME", "Consolidated Earnings")
_LINE_TITLE = r"(?:analysis\s+of\s+)?consolidated\s+(?:income|earnings)(?:\s+\(loss\))?"  # a utility's "Analysis of Consolidated Earnings"
# a bank's supplement names its trend tables so: "Consolidated Ending Balance Sheets - Five Quarter Trend"
_TREND = r"(?:\s+[-\u2013\u2014]\s+(?:(?:two|three|four|five|six|eight|\d{1,2})[\s-]+)?quarters?\s+trends?)?"
TITLE_LINE_RE = re.compile(rf"^\s*(?P<numbered>table\s+\d{{1,2}}\s*[:.\-\u2013\u2014]\s*)?(?:{_COMPANY_PREFIX})?(?:(?=(?P<qualified>{_QUALIFIER}))|)(?P<title>{_TITLE}|{_LINE_TITLE})"
                           rf"(?(qualified)(?:\s+(?:data|information))?){_TREND}\s*(?P<rest>(?:\([^)]*\)\s*)*)(?:\d{{1,2}}(?:,\d{{1,2}})*|\*{{1,3}})?\s*$", re.I)
# a title in capitals may follow the text before it with no space: "... December 31, 2024BALANCE SHEET"
TITLE_IN_TEXT_RE = re.compile(rf"(?:(?<![\w'])|(?-i:(?<=[a-z0-9])(?=[A-Z]{{3}})))(?P<title>{_TITLE})(?![\w'])", re.I)
END_LINE_RE = re.compile(
    r"^\s*(?:source|contacts?|media contacts?|investor contacts?|investor relations)\s*:|^\s*(?:###|-30-)\s*$"
    r"|^\s*(?:see\s+)?(?:the\s+)?accompanying\s+notes\b"  # "See accompanying notes to ... statements."
    r"|^\s*see\s+(?:the\s+)?notes\s+to\s+(?:the\s+)?(?:condensed\s+)?(?:consolidated\s+)?(?:interim\s+)?financial\s+statements\b",
    re.I,
)
END_IN_TEXT_RE = re.compile(r"\b(?:CONTACTS?|Contacts?|SOURCE|Source)\s*:|###|\s-30-\s")


def title_kind(title: str) -> StatementKind | None:
    """The kind of statement a title names, or None for statements not read (equity).

    "Statements of operations and comprehensive income" is a statement of operations (its
    net income comes first); "Statements of comprehensive income (loss)" is one of
    comprehensive income."""
    low = " ".join(title.lower().split())
    if "balance sheet" in low or "financial position" in low or re.search(r"\bof (?:financial )?condition", low) \
            or re.search(r"\bof assets and liabilities\b", low):
        return StatementKind.BALANCE_SHEET
    if "cash flow" in low:
        return StatementKind.CASH_FLOWS
    if re.search(r"of (consolidated )?comprehensive|comprehensive income statement", low):
        return StatementKind.COMPREHENSIVE_INCOME
    if "equity" in low or "deficit" in low:
        return None
    return StatementKind.OPERATIONS


def looks_like_title_case(text: str) -> bool:
    """All caps or Every Word Capitalized (titles inside flattened text, not prose mentions)."""
    # a hyphenated word is one word: "Company-wide Financial Summary" is title case
    words = [w for w in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", text) if w.lower() not in {"of", "and", "in"}]
    return text.upper() == text or all(w[0].isupper() for w in words)


def is_prose(text: str) -> bool:
    """A line of running text: a table has ended."""
    body = text.strip()
    if not body or "\t" in text.strip() or is_rule(body):
        return False
    words = body.split()
    last = parse_cell(words[-1])
    if last is not None and (last.value is not None or last.kind is CellKind.DASH):
        return False  # a row ending in a figure or a dash ("—": nil)
    # a label closing on a long aside is a label ("Research and development (including $1,796
    # and $51 from related party for the nine months ended ...)"): the words before it are measured
    if aside := _ASIDE_RE.match(body):
        words = aside["label"].split()
    if not body.endswith(".") and len(body) <= 400 and _STOCK_CAPTION_RE.search(body):
        return False  # a stock caption runs long ("Common stock, $0.001 par value, 25,000,000 shares authorized, ...")
    # a table row's figure columns make it wide, not long: its words are measured
    return len(" ".join(words)) > 160 or (len(words) >= 12 and body.endswith("."))


_STOCK_CAPTION_RE = re.compile(r"^(?:[A-Za-z-]+ ){0,4}(?:common|preferred|ordinary|capital) (?:stock|shares)\b.*\b(?:par value|"
                               r"shares (?:authorized|issued|outstanding))\b", re.I)


_ASIDE_RE = re.compile(r"(?P<label>[A-Za-z](?:[^().;:]|\([^()]{0,20}\)){0,80}?),?\s*\((?P<aside>[^()]*(?:\([^()]*\)[^()]*)*)\)\s*$")


_OPEN_END_RE = re.compile(r"\b(?:of|and|in|comprehensive|changes|cash|financial|stockholders['’]?|shareholders['’]?)\s*$", re.I)
_MARKS = " #*_>"


def joined_titles(lines: list[Line]) -> list[Line]:
    """The lines with a statement title broken over two lines joined on the first ("INTERIM
    CONDENSED CONSOLIDATED STATEMENTS OF COMPREHENSIVE" / "LOSS"), the second left blank: a
    title line ending on a word a title cannot end on, and a short line of words after it (a
    blank line between them at most) that completes it."""
    out = list(lines)
    for i, line in enumerate(lines):
        head = line.text.strip(_MARKS)
        if not head or not _OPEN_END_RE.search(head) or TITLE_LINE_RE.match(head):
            continue
        j = next((k for k in range(i + 1, min(i + 3, len(lines))) if lines[k].text.strip()), None)
        if j is None:
            continue
        tail = lines[j].text.strip(_MARKS)
        if len(tail.split()) > 3 or any(ch.isdigit() for ch in tail) or not TITLE_LINE_RE.match(f"{head} {tail}"):
            continue
        out[i] = replace(line, text=line.text.rstrip(_MARKS + " ") + " " + tail)
        out[j] = replace(lines[j], text="", removed=())
    return out
