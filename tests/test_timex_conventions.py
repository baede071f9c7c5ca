"""TimeML value conventions the tagger follows: fiscal spans, quarters in results stories, tense cues, vague words."""

from __future__ import annotations

import pytest

from corroborate.timex import find_timexes

ANCHOR = "2021-07-26"  # a Monday in the third quarter


def tag(text: str, anchor: str = ANCHOR) -> list[tuple[str, str, str]]:
    return [(t.text, t.value, t.type) for t in find_timexes(text, anchor)]


def value_of(text: str, span: str, anchor: str = ANCHOR) -> str:
    values = [value for found, value, _ in tag(text, anchor) if found == span]
    assert values, tag(text, anchor)
    return values[0]


def test_year_named_by_its_last_day_is_a_duration() -> None:
    assert ("the year", "P1Y", "DURATION") in tag("Net income for the year ended March 31 rose 4%.")
    assert ("the fiscal year", "P1Y", "DURATION") in tag("Sales in the fiscal year ending June 30 will fall.")
    assert value_of("Sales for the year were flat.", "the year") == "2021"


def test_quarters_stay_quarters_in_durations_and_sets() -> None:
    assert value_of("Losses mounted over the past two quarters.", "the past two quarters") == "P2Q"
    assert ("every quarter", "P1Q", "SET") in tag("The bank pays interest every quarter.")
    assert ("twice a quarter", "P1Q", "SET") in tag("The board meets twice a quarter.")


def test_year_ago_in_a_results_story_is_the_same_quarter_a_year_back() -> None:
    text = ("The company said second-quarter net income rose to $5 million. The gain compares with "
            "a loss of $2 million a year earlier. Sales climbed 8% from $40 million last year.")
    found = tag(text)
    assert found[0][1] == "2021-Q2"
    assert value_of(text, "a year earlier") == "2020-Q2"
    assert value_of(text, "last year") == "2020-Q2"


def test_last_year_outside_a_comparison_stays_the_year() -> None:
    text = "The company said second-quarter net income rose to $5 million. Last year it moved to Denver."
    assert value_of(text, "Last year") == "2020"


@pytest.mark.parametrize("text, span, value", [
    ("Sales were hurt by weak demand in April.", "April", "2021-04"),  # "by" an agent, not a deadline
    ("Shipments rose this year through June.", "June", "2021-06"),
    ("The delegation could leave as soon as Tuesday.", "Tuesday", "2021-07-27"),
    ("The team planned to leave Nairobi on Thursday.", "Thursday", "2021-07-29"),
    ("Officials said Thursday that talks had failed.", "Thursday", "2021-07-22"),
])
def test_tense_cues_point_months_and_weekdays(text: str, span: str, value: str) -> None:
    assert value_of(text, span) == value


def test_soon_in_a_past_narrative_is_not_a_future_reference() -> None:
    assert tag("He was soon released from hospital.") == []
    assert tag("The rebels struck soon after the ceasefire.") == []
    assert tag("Talks will resume soon.") == [("soon", "FUTURE_REF", "DATE")]


def test_then_current_is_in_the_past() -> None:
    assert value_of("Holders may buy shares at half the then current price.", "current") == "PAST_REF"


def test_a_protest_march_is_not_the_month() -> None:
    assert tag("Thousands joined the annual March for Life downtown.") == []
    assert value_of("Prices rose in March for the third month.", "March") == "2021-03"


def test_or_so_ago_is_a_date() -> None:
    assert tag("The plant closed a week or so ago.") == [("a week or so ago", "2021-07-19", "DATE")]


def test_quarter_as_a_fraction_or_lodging_is_not_time() -> None:
    assert tag("Banks hold more than a quarter of the market.") == []
    assert tag("Inspectors searched the living quarters.") == []
    assert value_of("It returned to profit after several quarters of losses.", "several quarters") == "PXQ"
    assert value_of("Sales fell in the first quarter of the year.", "the first quarter of the year") == "2021-Q1"
    assert value_of("The credits will cut taxes in future quarters.", "future quarters") == "FUTURE_REF"
