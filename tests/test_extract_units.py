"""Unit tests of the extraction stage: cells, headers and periods, scale, label facts, reading."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from converter.errors import InputError
from converter.extract.cells import parse_cell, split_values
from converter.extract.dates import months_before
from converter.extract.headers import Seg, is_header_text, parse_scale, resolve_periods
from converter.extract.labels import label_details
from converter.extract import extract_text
from converter.extract.reader import decode, split_lines
from converter.model import CellKind, DetailKind, Period, SourceRef, StatementKind


@pytest.mark.parametrize(
    ("text", "kind", "value", "decimals"),
    [
        ("$ 45,988", CellKind.NUMBER, "45988", 0),
        ("$45,988", CellKind.NUMBER, "45988", 0),
        ("$(8,453)", CellKind.NUMBER, "-8453", 0),
        ("(9,911)", CellKind.NUMBER, "-9911", 0),
        ("$ (0.06)", CellKind.NUMBER, "-0.06", 2),
        ("($0.06)", CellKind.NUMBER, "-0.06", 2),
        (".001", CellKind.NUMBER, "0.001", 3),
        ("-1,234", CellKind.NUMBER, "-1234", 0),
        ("1,234.5", CellKind.NUMBER, "1234.5", 1),
        ("159,240", CellKind.NUMBER, "159240", 0),
        ("--", CellKind.DASH, None, 0),
        ("-", CellKind.DASH, None, 0),
        ("—", CellKind.DASH, None, 0),
        ("–", CellKind.DASH, None, 0),
        # an en dash printed against the figure is its minus sign (a newsroom page's typography)
        ("–1,234", CellKind.NUMBER, "-1234", 0),
        ("$–0.16", CellKind.NUMBER, "-0.16", 2),
        ("−1,234", CellKind.NUMBER, "-1234", 0),
        # a trailing minus, as old accounting systems print a negative figure
        ("1,234-", CellKind.NUMBER, "-1234", 0),
        ("$ 0.16-", CellKind.NUMBER, "-0.16", 2),
        ("$ --", CellKind.DASH, None, 0),
        ("", CellKind.BLANK, None, 0),
        ("   ", CellKind.BLANK, None, 0),
    ],
)
def test_parse_cell(text, kind, value, decimals):
    parsed = parse_cell(text)
    assert parsed is not None
    assert parsed.kind is kind
    assert parsed.value == (Decimal(value) if value is not None else None)
    assert parsed.decimals == decimals


@pytest.mark.parametrize("text", ["Revenue", "30,", "11)", "1,2345", "(Note 3)", "12%", "-----", "– 1,234", "1,234–", "-1,234-", "1,234--"])
def test_parse_cell_rejects_non_values(text):
    assert parse_cell(text) is None


@pytest.mark.parametrize(
    ("text", "cells"),
    [
        ("$ (8,453)$(10,419)", ["$ (8,453)", "$(10,419)"]),
        ("(0.06)$ (0.10)", ["(0.06)", "$ (0.10)"]),
        ("-- (1)", ["--", "(1)"]),
        ("2,433", ["2,433"]),
    ],
)
def test_split_values_glued(text, cells):
    spans = split_values(text)
    assert spans is not None
    assert [text[a:b].strip() for a, b in spans] == cells


@pytest.mark.parametrize("text", ["30,", "2007and", "Revenue", "$"])
def test_split_values_rejects_words(text):
    assert not split_values(text)


@pytest.mark.parametrize(
    ("end", "months", "start"),
    [
        (date(2008, 9, 30), 3, date(2008, 7, 1)),
        (date(2008, 9, 30), 6, date(2008, 4, 1)),
        (date(2008, 6, 30), 9, date(2007, 10, 1)),
        (date(2009, 12, 31), 12, date(2009, 1, 1)),
        (date(2008, 2, 29), 3, date(2007, 12, 1)),
        (date(2008, 9, 27), 3, date(2008, 6, 28)),
    ],
)
def test_months_before(end, months, start):
    assert months_before(end, months) == start


@pytest.mark.parametrize(
    ("lines", "n", "kind", "expected"),
    [
        # tab layout: one header cell per column
        ([[Seg("September 30, 2008", 0, 0), Seg("March 31, 2008", 1, 1)]], 2, StatementKind.BALANCE_SHEET,
         ["2008-09-30", "2008-03-31"]),
        # month-day spanning two year columns
        ([[Seg("December 31,", 0, 1)], [Seg("2009", 0, 0), Seg("2008", 1, 1)]], 2, StatementKind.BALANCE_SHEET,
         ["2009-12-31", "2008-12-31"]),
        ([[Seg("Three Months Ended September 30,", 0, 1), Seg("Six Months Ended September 30,", 2, 3)],
          [Seg("2008", 0, 0), Seg("2007", 1, 1), Seg("2008", 2, 2), Seg("2007", 3, 3)]], 4, StatementKind.OPERATIONS,
         ["2008-07-01..2008-09-30", "2007-07-01..2007-09-30", "2008-04-01..2008-09-30", "2007-04-01..2007-09-30"]),
        ([[Seg("Three months ended June 30, 2007 and 2006", 0, 1)]], 2, StatementKind.OPERATIONS,
         ["2007-04-01..2007-06-30", "2006-04-01..2006-06-30"]),
        ([[Seg("Nine Months Ended", 0, 0)], [Seg("Sept. 30, 2008", 0, 0)]], 1, StatementKind.OPERATIONS,
         ["2008-01-01..2008-09-30"]),
        ([[Seg("Fiscal Year Ended", 0, 1)], [Seg("June 30,", 0, 1)], [Seg("2009", 0, 0), Seg("2008", 1, 1)]], 2,
         StatementKind.OPERATIONS, ["2008-07-01..2009-06-30", "2007-07-01..2008-06-30"]),
        ([[Seg("Quarter Ended", 0, 0), Seg("Twelve Months Ended", 1, 1)], [Seg("Dec. 31, 2009", 0, 0),
          Seg("Dec. 31, 2009", 1, 1)]], 2, StatementKind.OPERATIONS,
         ["2009-10-01..2009-12-31", "2009-01-01..2009-12-31"]),
    ],
)
def test_resolve_periods(lines, n, kind, expected):
    assert [str(p) for p in resolve_periods(lines, n, kind, "x:1")] == expected


def test_resolve_periods_instants_are_instants():
    (period,) = resolve_periods([[Seg("March 31, 2008", 0, 0)]], 1, StatementKind.BALANCE_SHEET, "x:1")
    assert period == Period(date(2008, 3, 31))
    assert period.is_instant


@pytest.mark.parametrize(
    ("text", "header"),
    [
        ("\tSeptember 30, 2008\tMarch 31, 2008", True),
        ("\t2008\t2007\t2008\t2007", True),
        ("     Three Months Ended          Six Months Ended", True),
        ("Year Ended December 31,", True),
        ("ASSETS", False),
        ("Revenue\t$ 13,121", False),
        ("Commitments and contingencies (Note 11)", False),
    ],
)
def test_is_header_text(text, header):
    assert is_header_text(text) is header


@pytest.mark.parametrize(
    ("text", "exponent", "shares_scaled"),
    [
        ("(In thousands, except per share data)", 3, True),
        ("(In thousands, except share amounts)", 3, False),
        ("(in thousands, except share data)", 3, False),
        ("(In thousands, except shares)", 3, False),
        ("(in millions, except share and per share data)", 6, False),
        ("(In millions)", 6, True),
        ("(Unaudited)", 0, True),
        # thousands written "'000": IFRS and foreign filers
        ("(In EUR'000s, except share and per share data)", 3, False),
        ("(in $'000)", 3, True),
        ("US$\u2019000", 3, True),
        ("(thousands of Canadian $ except per share amounts)", 3, True),
    ],
)
def test_parse_scale(text, exponent, shares_scaled):
    scale = parse_scale([text])
    assert (scale.exponent, scale.shares_scaled) == (exponent, shares_scaled)
    assert scale.shares_exponent is None


@pytest.mark.parametrize(
    ("text", "exponent", "shares"),
    [
        # Apple: amounts in millions, share counts in thousands
        ("(In millions, except number of shares, which are reflected in thousands, and per-share amounts)", 6, 3),
        ("(in millions, except per share amounts; shares in thousands)", 6, 3),
        ("(Dollars in thousands, except per share data and shares, which are in millions)", 3, 6),
    ],
)
def test_a_scale_line_giving_share_counts_a_scale_of_their_own(text, exponent, shares):
    scale = parse_scale([text])
    assert (scale.exponent, scale.shares_scaled, scale.shares_exponent) == (exponent, False, shares)


def test_shares_in_the_amounts_own_scale_are_scaled_shares():
    scale = parse_scale(["(In millions, except per share data; shares in millions)"])
    assert (scale.exponent, scale.shares_scaled, scale.shares_exponent) == (6, True, None)


def _details(label):
    return [(d.kind, d.value, d.as_of) for d in label_details(label, lambda pos: SourceRef("x", 1, pos + 1))]


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Receivables, net of allowance for doubtful accounts of $120 at December 31, 2009 and $95 at June 30, 2009",
         [(DetailKind.ALLOWANCE, Decimal(120), date(2009, 12, 31)), (DetailKind.ALLOWANCE, Decimal(95), date(2009, 6, 30))]),
        ("Preferred stock, $.001 par value; 5,000,000 shares authorized; none issued",
         [(DetailKind.PAR_VALUE, Decimal("0.001"), None), (DetailKind.SHARES_AUTHORIZED, Decimal(5000000), None),
          (DetailKind.SHARES_ISSUED, Decimal(0), None)]),
        ("Common stock, $0.01 par value; 90,000,000 shares authorized; 1,200 shares issued and 1,100 shares "
         "outstanding at May 31, 2010; 1,000 shares issued and 990 shares outstanding at Feb. 28, 2010",
         [(DetailKind.PAR_VALUE, Decimal("0.01"), None), (DetailKind.SHARES_AUTHORIZED, Decimal(90000000), None),
          (DetailKind.SHARES_ISSUED, Decimal(1200), date(2010, 5, 31)),
          (DetailKind.SHARES_OUTSTANDING, Decimal(1100), date(2010, 5, 31)),
          (DetailKind.SHARES_ISSUED, Decimal(1000), date(2010, 2, 28)),
          (DetailKind.SHARES_OUTSTANDING, Decimal(990), date(2010, 2, 28))]),
        ("Common stock, 7,500 shares issued and outstanding",
         [(DetailKind.SHARES_ISSUED, Decimal(7500), None), (DetailKind.SHARES_OUTSTANDING, Decimal(7500), None)]),
        ("Treasury stock, at cost; 4,000 shares at May 31, 2010 and 3,500 shares at Feb. 28, 2010",
         [(DetailKind.TREASURY_SHARES, Decimal(4000), date(2010, 5, 31)),
          (DetailKind.TREASURY_SHARES, Decimal(3500), date(2010, 2, 28))]),
        ("Treasury stock, at cost; 812 shares", [(DetailKind.TREASURY_SHARES, Decimal(812), None)]),
        ("Common stock, $0.001 par value; 100,000,000 shares authorized; 42,318,550 and 42,011,903 shares issued "
         "and outstanding at June 30, 2024 and December 31, 2023, respectively",
         [(DetailKind.PAR_VALUE, Decimal("0.001"), None), (DetailKind.SHARES_AUTHORIZED, Decimal(100000000), None),
          (DetailKind.SHARES_ISSUED, Decimal(42318550), date(2024, 6, 30)),
          (DetailKind.SHARES_OUTSTANDING, Decimal(42318550), date(2024, 6, 30)),
          (DetailKind.SHARES_ISSUED, Decimal(42011903), date(2023, 12, 31)),
          (DetailKind.SHARES_OUTSTANDING, Decimal(42011903), date(2023, 12, 31))]),
        # Ondas: a pair of authorized counts, the year of the second date left out
        ("Common stock – par value $0.0001; 800,000,000 and 300,000,000 shares authorized at December 31, 2025 "
         "and 2024, respectively; 380,763,481 and 93,173,191 issued and outstanding at December 31, 2025 and "
         "December 31, 2024, respectively",
         [(DetailKind.PAR_VALUE, Decimal("0.0001"), None),
          (DetailKind.SHARES_AUTHORIZED, Decimal(800000000), date(2025, 12, 31)),
          (DetailKind.SHARES_AUTHORIZED, Decimal(300000000), date(2024, 12, 31)),
          (DetailKind.SHARES_ISSUED, Decimal(380763481), date(2025, 12, 31)),
          (DetailKind.SHARES_OUTSTANDING, Decimal(380763481), date(2025, 12, 31)),
          (DetailKind.SHARES_ISSUED, Decimal(93173191), date(2024, 12, 31)),
          (DetailKind.SHARES_OUTSTANDING, Decimal(93173191), date(2024, 12, 31))]),
        ("Common stock, $0.01 par value; 500,000 shares authorized; 2,100 and 2,000 shares issued at June 30, 2025 "
         "and 2024, respectively",
         [(DetailKind.PAR_VALUE, Decimal("0.01"), None), (DetailKind.SHARES_AUTHORIZED, Decimal(500000), None),
          (DetailKind.SHARES_ISSUED, Decimal(2100), date(2025, 6, 30)),
          (DetailKind.SHARES_ISSUED, Decimal(2000), date(2024, 6, 30))]),
        ("Accounts payable", []),
    ],
)
def test_label_details(label, expected):
    assert _details(label) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        # two figures without dates: the statement's two balance-sheet columns in print order
        ("Trade accounts receivable, less allowances of $503 and $506, respectively",
         [(DetailKind.ALLOWANCE, Decimal(503), None, 0), (DetailKind.ALLOWANCE, Decimal(506), None, 1)]),
        ("Treasury stock, at cost \u2014 2,736 and 2,738 shares, respectively",
         [(DetailKind.TREASURY_SHARES, Decimal(2736), None, 0), (DetailKind.TREASURY_SHARES, Decimal(2738), None, 1)]),
        ("Common stock, 2,000 and 1,900 shares outstanding, respectively",
         [(DetailKind.SHARES_OUTSTANDING, Decimal(2000), None, 0), (DetailKind.SHARES_OUTSTANDING, Decimal(1900), None, 1)]),
        # with two dates after them, the dates
        ("Receivables, less allowances of $5 and $4 at June 30, 2025 and December 31, 2024, respectively",
         [(DetailKind.ALLOWANCE, Decimal(5), date(2025, 6, 30), None),
          (DetailKind.ALLOWANCE, Decimal(4), date(2024, 12, 31), None)]),
        # the year of a date is no count of a pair
        ("Treasury stock, at cost; 416,436 shares at June 30, 2024 and 356,436 shares at December 31, 2023",
         [(DetailKind.TREASURY_SHARES, Decimal(416436), date(2024, 6, 30), None),
          (DetailKind.TREASURY_SHARES, Decimal(356436), date(2023, 12, 31), None)]),
    ],
)
def test_label_figures_paired_with_columns(label, expected):
    found = label_details(label, lambda pos: SourceRef("x", 1, pos + 1))
    assert [(d.kind, d.value, d.as_of, d.column) for d in found] == expected
    assert all(d.columns == 2 for d in found if d.column is not None)


def test_label_figures_stated_for_a_year():
    found = label_details("Held for investment (net of allowances of $112 in 2025 and $109 in 2024)",
                          lambda pos: SourceRef("x", 1, pos + 1))
    assert [(d.value, d.year) for d in found] == [(Decimal(112), 2025), (Decimal(109), 2024)]


def test_label_detail_keeps_printed_decimals_and_position():
    (par,) = label_details("Stock, $.001 par value", lambda pos: SourceRef("x", 3, pos + 1))
    assert par.decimals_printed == 3
    assert par.source == SourceRef("x", 3, 8)


def test_decode_rejects_bad_utf8_naming_line_and_offset():
    with pytest.raises(InputError) as info:
        decode(b"ok line\nsecond \xff here\n", "r.txt")
    assert info.value.where == "r.txt:2"
    assert "byte offset 15" in info.value.message
    assert "--encoding" in info.value.message


def test_decode_with_encoding_and_bom():
    assert decode(b"caf\xe9 $5", "r.txt", encoding="cp1252") == "café $5"
    assert decode(b"\xef\xbb\xbfhello", "r.txt") == "hello"


def test_split_lines_normalizes_line_ends_and_escaped_dollars():
    lines = split_lines("a\r\nb\rTotal\t\\$ 5\t\\$ 6\n", "r.txt")
    assert [line.text for line in lines[:3]] == ["a", "b", "Total\t$ 5\t$ 6"]
    total = lines[2]
    assert total.col(total.text.index("$ 5")) == 8
    assert total.col(total.text.index("$ 6")) == 13


def test_a_dollar_sign_written_as_its_pdf_glyph_name_is_a_dollar_sign():
    """ "/dollarsign 14,736" (a PDF converter's name for the glyph): the net income and the
    figures per share printed with it were not values; columns still point into the file."""
    raw = "| Net income | /dollarsign 14,736 | /dollarsign 22,956 |"
    (line,) = split_lines(raw + "\n", "r.md")[:1]
    assert line.text == "| Net income | $ 14,736 | $ 22,956 |"
    assert raw[line.col(line.text.index("14,736")) - 1:].startswith("14,736")
    assert raw[line.col(line.text.index("22,956")) - 1:].startswith("22,956")
    release = extract_text("# Made Up Devices Reports Results\n\n## CONSOLIDATED STATEMENTS OF OPERATIONS\n\n"
                           "| | Three Months Ended September 28, 2024 | Three Months Ended September 30, 2023 |\n"
                           "|---|---|---|\n| Total net sales | 94,930 | 89,498 |\n" + raw + "\n", "r.md")
    (ops,) = release.statements
    assert [c.value for c in ops.items[-1].cells] == [Decimal(14736), Decimal(22956)]
