"""Small builders for hand-made model objects in tests (no extraction involved)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from converter.model import (
    Cell,
    CellKind,
    DocumentInfo,
    LabelDetail,
    LineItem,
    Period,
    Release,
    Scale,
    SourceRef,
    Statement,
    StatementKind,
)

PATH = "made-up.txt"
THOUSANDS = Scale(exponent=3, shares_scaled=True, text="(In thousands, except per share data)")
BS_PERIODS = (Period(end=date(2008, 9, 30)), Period(end=date(2008, 3, 31)))
Q_PERIODS = (Period(start=date(2008, 7, 1), end=date(2008, 9, 30)),
             Period(start=date(2007, 7, 1), end=date(2007, 9, 30)))


def cell(text: str, line: int = 1) -> Cell:
    """A cell as extraction would give it for the printed text."""
    ref = SourceRef(PATH, line, 40)
    raw = text.replace("$", "").replace(" ", "")
    if raw in ("", None):
        return Cell(text, CellKind.BLANK, None, ref)
    if raw in ("--", "-", "\u2014"):
        return Cell(text, CellKind.DASH, None, ref)
    negative = raw.startswith("(")
    digits = raw.strip("()").replace(",", "")
    value = Decimal(digits)
    places = len(digits.split(".")[1]) if "." in digits else 0
    return Cell(text, CellKind.NUMBER, -value if negative else value, ref, places)


_line = [100]


def item(label: str, *values: str, section: tuple[str, ...] = (), details: tuple[LabelDetail, ...] = ()) -> LineItem:
    _line[0] += 1
    return LineItem(label=label, section=section, cells=tuple(cell(v, _line[0]) for v in values),
                    source=SourceRef(PATH, _line[0], 1), details=details)


def detail(kind, value: str, as_of: date | None = None, text: str = "") -> LabelDetail:  # type: ignore[no-untyped-def]
    digits = value.replace(",", "").replace("$", "")
    places = len(digits.split(".")[1]) if "." in digits else 0
    return LabelDetail(kind=kind, value=Decimal(digits), as_of=as_of, text=text or value,
                       source=SourceRef(PATH, 5, 10), decimals_printed=places)


def statement(kind: StatementKind, items: list[LineItem], periods=None, scale: Scale = THOUSANDS) -> Statement:  # type: ignore[no-untyped-def]
    if periods is None:
        periods = BS_PERIODS if kind is StatementKind.BALANCE_SHEET else Q_PERIODS
    return Statement(kind=kind, title=kind.value.upper(), periods=periods, scale=scale, items=tuple(items),
                     source=SourceRef(PATH, 1, 1))


def release(*statements: Statement, ticker: str = "CPST") -> Release:
    info = DocumentInfo(company_name="Made Up Corp", exchange="NASDAQ", ticker=ticker,
                        fiscal_year_focus=2009, fiscal_period_focus="Q2", period_end=date(2008, 9, 30),
                        sources=(("ticker", SourceRef(PATH, 3, 5)),))
    return Release(path=PATH, info=info, statements=tuple(statements))


A = ("ASSETS",)
CA = ("ASSETS", "Current Assets")
L = ("LIABILITIES AND STOCKHOLDERS' EQUITY",)
CL = L + ("Current Liabilities",)
SE = L + ("Stockholders' Equity",)
OPEX = ("Operating expenses",)


def balance_sheet(total_assets: str = "94,037") -> Statement:
    """A balance sheet whose figures add up (those of a real 2008 release)."""
    return statement(StatementKind.BALANCE_SHEET, [
        item("Cash and cash equivalents", "$ 45,988", "$ 42,605", section=CA),
        item("Accounts receivable, net", "10,856", "6,768", section=CA),
        item("Inventories", "23,887", "14,472", section=CA),
        item("Prepaid expenses and other current assets", "2,941", "1,614", section=CA),
        item("Total current assets", "83,672", "65,459", section=CA),
        item("Property, plant and equipment, net", "7,268", "5,536", section=A),
        item("Non-current portion of inventories", "2,388", "2,221", section=A),
        item("Intangible asset, net", "490", "624", section=A),
        item("Other assets", "219", "206", section=A),
        item("Total", f"$ {total_assets}", "$ 74,046", section=A),
        item("Accounts payable and accrued expenses", "$ 11,890", "$ 7,964", section=CL),
        item("Accrued salaries and wages", "1,917", "1,519", section=CL),
        item("Accrued warranty reserve", "4,321", "4,591", section=CL),
        item("Deferred revenue", "1,012", "780", section=CL),
        item("Current portion of notes payable", "19", "13", section=CL),
        item("Other current liabilities", "3,540", "5,658", section=CL),
        item("Total current liabilities", "22,699", "20,525", section=CL),
        item("Long-term portion of notes payable", "31", "5", section=L),
        item("Other long-term liabilities", "387", "463", section=L),
        item("Commitments and contingencies (Note 11)", "--", "--", section=L),
        item("Preferred stock, $.001 par value; 10,000,000 shares authorized; none issued", "--", "--", section=SE),
        item("Common stock, $.001 par value", "174", "148", section=SE),
        item("Additional paid-in capital", "664,725", "626,952", section=SE),
        item("Accumulated deficit", "(593,111)", "(573,383)", section=SE),
        item("Treasury stock, at cost", "(868)", "(664)", section=SE),
        item("Total stockholders' equity", "70,920", "53,053", section=SE),
        item("Total", "$ 94,037", "$ 74,046", section=L),
    ])


def operations(revenue: str = "$ 13,121") -> Statement:
    return statement(StatementKind.OPERATIONS, [
        item("Revenue", revenue, "$ 7,219"),
        item("Cost of goods sold", "13,448", "7,975"),
        item("Gross loss", "(327)", "(756)"),
        item("Research and development", "2,017", "2,433", section=OPEX),
        item("Selling, general and administrative", "7,720", "5,910", section=OPEX),
        item("Total operating expenses", "9,737", "8,343", section=OPEX),
        item("Loss from operations", "(10,064)", "(9,099)"),
        item("Interest income", "153", "646"),
        item("Interest expense", "--", "(1)"),
        item("Other income", "--", "1"),
        item("Loss before income taxes", "(9,911)", "(8,453)"),
        item("Provision for income taxes", "--", "--"),
        item("Net loss", "$ (9,911)", "$ (8,453)"),
        item("Net loss per common share -- Basic and Diluted", "$ (0.06)", "$ (0.06)"),
        item("Weighted average shares used to calculate Basic and Diluted net loss per common share",
             "159,240", "145,440"),
    ])
