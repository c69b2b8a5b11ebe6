"""A statement of operations that goes on with its other comprehensive income ("Statements of
Operations and Comprehensive Loss", the usual layout of a small biotech's release), and a
statement titled as comprehensive loss that opens with revenues: both statements are read and
tagged (companies and figures invented)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from converter.checks import run_checks
from converter.concepts import concept_table
from converter.extract import extract_text
from converter.map import EntityId, map_release
from converter.model import StatementKind

ENTITY = EntityId(cik="0009990021", name="Ostrava Therapeutics")
G = "us-gaap:"

HEAD = """Ostrava Therapeutics Reports Third Quarter 2024 Financial Results

OSTRAVA THERAPEUTICS, INC.
{title}
(In thousands, except per share data)
(Unaudited)

                                              Three Months Ended September 30,
                                                  2024            2023
"""
OPERATIONS = """Operating expenses:
  Research and development                    $  12,400       $  10,100
  General and administrative                      4,300           3,900
    Total operating expenses                     16,700          14,000
Loss from operations                            (16,700)        (14,000)
Interest income                                   1,200             900
Net loss                                      $ (15,500)      $ (13,100)
"""
PER_SHARE = """Net loss per share, basic and diluted         $   (0.31)      $   (0.29)
Weighted-average shares outstanding, basic
  and diluted                                    50,000          45,000
"""
OCI = """Other comprehensive income (loss):
  Unrealized gain (loss) on marketable securities    35             (12)
Comprehensive loss                            $ (15,465)      $ (13,112)
"""


def _tagged(text: str) -> tuple[dict[str, Decimal], list]:
    release = extract_text(text, "ostrava.txt")
    mapped = map_release(release, concept_table(), ENTITY)
    q3 = release.statements[0].periods[0]
    facts = {f.concept.removeprefix(G): f.value for f in mapped.facts if f.period == q3 and f.concept.startswith(G)}
    untagged = [d.label for d in mapped.decisions if d.concept is None]
    return facts, untagged


@pytest.mark.parametrize("body", [OPERATIONS + PER_SHARE + OCI, OPERATIONS + OCI + PER_SHARE])
def test_other_comprehensive_income_under_a_statement_of_operations(body):
    """Its other comprehensive income and comprehensive loss were extension concepts (matched
    as lines of a statement of operations); per-share rows after them stay in operations."""
    text = HEAD.format(title="CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS AND COMPREHENSIVE LOSS") + body
    release = extract_text(text, "ostrava.txt")
    assert [s.kind for s in release.statements] == [StatementKind.OPERATIONS, StatementKind.COMPREHENSIVE_INCOME]
    operations, comprehensive = release.statements
    assert [i.label for i in comprehensive.items] == [
        "Net loss", "Unrealized gain (loss) on marketable securities", "Comprehensive loss"]
    assert "Net loss per share, basic and diluted" in [i.label for i in operations.items]
    facts, untagged = _tagged(text)
    assert facts["ComprehensiveIncomeNetOfTax"] == Decimal("-15465000")
    assert facts["OtherComprehensiveIncomeUnrealizedHoldingGainLossOnSecuritiesArisingDuringPeriodNetOfTax"] == Decimal("35000")
    assert facts["NetIncomeLoss"] == Decimal("-15500000")
    assert facts["EarningsPerShareBasicAndDiluted"] == Decimal("-0.31")
    assert facts["WeightedAverageNumberOfShareOutstandingBasicAndDiluted"] == Decimal("50000000")
    assert untagged == []
    mapped = map_release(release, concept_table(), ENTITY)
    assert [m for m in run_checks(mapped, concept_table()) if m.level.value == "error"] == []


NET_COMPREHENSIVE = """Other comprehensive income, net:
  Net unrealized gains (losses) on securities available for sale    35     (12)
Net comprehensive loss                        $ (15,465)      $ (13,112)
Per Share Data:
  Basic and diluted loss per share            $   (0.31)      $   (0.29)
Weighted-average common shares outstanding:
  Basic and diluted                              50,000          45,000
"""
NO_TOTAL = """Other comprehensive income (loss):
  Unrealized gain (loss) on marketable securities    35             (12)
Per Share Data:
  Net loss per share, basic and diluted       $   (0.31)      $   (0.29)
"""


@pytest.mark.parametrize(("body", "last"), [
    (NET_COMPREHENSIVE, "Net comprehensive loss"),  # a total worded "Net comprehensive ..."
    (NO_TOTAL, "Unrealized gain (loss) on marketable securities"),  # no total printed
])
def test_per_share_rows_after_other_comprehensive_income_stay_in_operations(body, last):
    """The comprehensive income part ends at its total, or, without one, before the per-share
    figures and share counts: those were read as lines of a statement of comprehensive income,
    where no entry knows them (an insurer's release, figures invented)."""
    text = HEAD.format(title="CONSOLIDATED STATEMENTS OF INCOME") + OPERATIONS + body
    release = extract_text(text, "ostrava.txt")
    operations, comprehensive = release.statements
    assert comprehensive.kind is StatementKind.COMPREHENSIVE_INCOME
    assert comprehensive.items[-1].label == last
    assert not any("share" in i.label.lower() for i in comprehensive.items)
    facts, untagged = _tagged(text)
    assert facts["EarningsPerShareBasicAndDiluted"] == Decimal("-0.31")
    assert untagged == []
    if last == "Net comprehensive loss":
        assert facts["ComprehensiveIncomeNetOfTax"] == Decimal("-15465000")
        assert facts["WeightedAverageNumberOfShareOutstandingBasicAndDiluted"] == Decimal("50000000")


def test_a_statement_titled_comprehensive_loss_that_opens_with_revenue():
    text = HEAD.format(title="CONSOLIDATED STATEMENTS OF COMPREHENSIVE LOSS") + (
        "Revenue                                       $   4,200       $   3,100\n"
        "Cost of goods sold                                1,100             900\n" + OPERATIONS.replace(
            "Loss from operations                            (16,700)        (14,000)\n"
            "Interest income                                   1,200             900\n"
            "Net loss                                      $ (15,500)      $ (13,100)\n",
            "Loss from operations                            (13,600)        (11,800)\n"
            "Interest income                                   1,200             900\n"
            "Net loss from continuing operations            (12,400)        (10,900)\n"
            "Loss from discontinued operations, net of tax     (100)           (200)\n"
            "Net loss                                      $ (12,500)      $ (11,100)\n")
        + OCI.replace("(15,465)", "(12,465)").replace("(13,112)", "(11,112)"))
    release = extract_text(text, "ostrava.txt")
    assert [s.kind for s in release.statements] == [StatementKind.OPERATIONS, StatementKind.COMPREHENSIVE_INCOME]
    assert "read as a statement of operations" in release.statements[0].notes[0]
    assert release.statements[1].items[0].label == "Net loss"  # not the loss from continuing operations
    facts, untagged = _tagged(text)
    assert facts["CostOfGoodsAndServicesSold"] == Decimal("1100000")
    assert facts["OperatingIncomeLoss"] == Decimal("-13600000")
    assert facts["ComprehensiveIncomeNetOfTax"] == Decimal("-12465000")
    assert untagged == []


def test_a_statement_of_comprehensive_income_opening_with_net_income_is_left_alone():
    text = HEAD.format(title="CONSOLIDATED STATEMENTS OF COMPREHENSIVE LOSS") + (
        "Net loss                                      $ (15,500)      $ (13,100)\n" + OCI)
    release = extract_text(text, "ostrava.txt")
    assert [s.kind for s in release.statements] == [StatementKind.COMPREHENSIVE_INCOME]
    assert release.statements[0].notes == ()


UNHEADED = """Net loss                                      $ (15,500)      $ (13,100)
Foreign currency translation adjustment             (87)              61
Unrealized gain (loss) on marketable securities      35              (12)
Comprehensive loss                            $ (15,552)      $ (13,051)
"""


def test_other_comprehensive_income_printed_under_no_heading_is_found_by_its_sum():
    """Rows between the net loss and the comprehensive loss with no "Other comprehensive income"
    heading over them (a biotech's release): they add up with the net loss to the comprehensive
    loss, so they are its components (they were extension concepts of the statement of
    operations)."""
    body = OPERATIONS.replace("Net loss                                      $ (15,500)      $ (13,100)\n", "") + UNHEADED
    text = HEAD.format(title="CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS AND COMPREHENSIVE LOSS") + body + PER_SHARE
    release = extract_text(text, "ostrava.txt")
    operations, comprehensive = release.statements
    assert comprehensive.kind is StatementKind.COMPREHENSIVE_INCOME
    assert [i.label for i in comprehensive.items] == [
        "Net loss", "Foreign currency translation adjustment", "Unrealized gain (loss) on marketable securities",
        "Comprehensive loss"]
    facts, untagged = _tagged(text)
    assert facts["OtherComprehensiveIncomeLossForeignCurrencyTransactionAndTranslationAdjustmentNetOfTax"] == Decimal("-87000")
    assert facts["ComprehensiveIncomeNetOfTax"] == Decimal("-15552000")
    assert facts["EarningsPerShareBasicAndDiluted"] == Decimal("-0.31")
    assert untagged == []


def test_rows_after_the_net_income_that_do_not_add_up_to_a_comprehensive_total_stay_in_operations():
    body = OPERATIONS.replace("Net loss                                      $ (15,500)      $ (13,100)\n", "") + (
        UNHEADED.replace("(15,552)", "(15,000)"))
    release = extract_text(HEAD.format(title="CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS") + body, "ostrava.txt")
    assert [s.kind for s in release.statements] == [StatementKind.OPERATIONS]


NONCONTROLLING = """Net loss                                      $ (15,500)      $ (13,100)
Foreign currency translation adjustments            (87)              61
Comprehensive loss                            $ (15,587)      $ (13,039)
Less: Net loss attributable to noncontrolling interest  (500)    (400)
Comprehensive loss attributable to Ostrava    $ (15,087)      $ (12,639)
"""


def test_comprehensive_income_less_the_noncontrolling_share_of_net_income():
    """"Comprehensive loss", less the noncontrolling interest's share of the net loss, gives the
    company's comprehensive loss: the rows after the total are the comprehensive income's (they
    stayed in the statement of operations, where the company's share took the total's concept and
    the checks failed), and the total is the one including the noncontrolling share."""
    body = OPERATIONS.replace("Net loss                                      $ (15,500)      $ (13,100)\n", "") + NONCONTROLLING
    text = HEAD.format(title="CONDENSED CONSOLIDATED STATEMENTS OF OPERATIONS AND COMPREHENSIVE LOSS") + body
    release = extract_text(text, "ostrava.txt")
    comprehensive = release.statements[-1]
    assert comprehensive.kind is StatementKind.COMPREHENSIVE_INCOME
    assert comprehensive.items[-1].label == "Comprehensive loss attributable to Ostrava"
    facts, untagged = _tagged(text)
    assert facts["ComprehensiveIncomeNetOfTaxIncludingPortionAttributableToNoncontrollingInterest"] == Decimal("-15587000")
    assert facts["ComprehensiveIncomeNetOfTax"] == Decimal("-15087000")
    assert untagged == []
    mapped = map_release(release, concept_table(), ENTITY)
    assert [m for m in run_checks(mapped, concept_table()) if m.level.value == "error"] == []
