"""Which reference time a relative expression is resolved against: the tense of its own clause, a deadline,
the date the story told last, holidays and coordinated days (TimeML conventions)."""

from __future__ import annotations

import pytest

from corroborate.timex import find_timexes

ANCHOR = "2021-07-26"  # a Monday


def tag(text: str, anchor: str = ANCHOR) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_timexes(text, anchor)]


def value_of(text: str, span: str, anchor: str = ANCHOR) -> str:
    values = [value for found, value in tag(text, anchor) if found == span]
    assert values, tag(text, anchor)
    return values[0]


@pytest.mark.parametrize("text, span, value", [
    # a plan told in the past perfect was due before the story's time
    ("The offer had been scheduled to expire Friday.", "Friday", "2021-07-23"),
    ("The offer is scheduled to expire Friday.", "Friday", "2021-07-30"),
    # a participle after "be" takes the auxiliary's tense; after a determiner it is an adjective
    ("The stock split would be paid on a still unspecified date in January.", "January", "2022-01"),
    # "until" right before the date is a deadline
    ("The agency has given the family until 9 a.m. Tuesday to sign.", "9 a.m. Tuesday", "2021-07-27T09:00"),
    # the month right after the anchor's is that one even in a past-tense report
    ("Saudi Arabia told oil companies of a cut in its supply in August.", "August", "2021-08"),
    ("The company said in December that it would close the plant.", "December", "2020-12"),
])
def test_tense_of_the_clause(text: str, span: str, value: str) -> None:
    assert value_of(text, span) == value


def test_a_date_opening_its_sentence_takes_the_main_clause_tense() -> None:
    text = "In January, the immigration commissioner in charge of the case ruled that the boy should be returned."
    assert value_of(text, "January", anchor="2021-04-05") == "2021-01"
    assert value_of("In January, the court will rule on the appeal.", "January", anchor="2021-04-05") == "2022-01"


def test_the_previous_weekday_counts_from_the_date_told_last() -> None:
    text = "Stocks fell 2% on Friday and were down 4% from the previous Friday."
    assert tag(text) == [("Friday", "2021-07-23"), ("the previous Friday", "2021-07-16")]
    assert value_of("They will meet the following Monday.", "the following Monday") == "2021-08-02"


def test_a_bare_clock_time_is_on_the_day_told_last() -> None:
    text = "The blast struck on Saturday. Officials said it hit at 3 a.m. local time."
    assert value_of(text, "3 a.m. local time") == "2021-07-24T03:00"
    assert value_of("Markets opened at 9:30 a.m. ET.", "9:30 a.m. ET") == "2021-07-26T09:30"
    far = "The blast struck on Saturday. " + "Rescue teams searched the rubble for survivors. " * 6 + "Update at 2 p.m."
    assert value_of(far, "2 p.m.") == "2021-07-26T14:00"


@pytest.mark.parametrize("text, span, value", [
    ("The vote is due on Tuesday.", "Tuesday", "2021-07-27"),
    ("The law comes into force at midnight on Sunday.", "midnight on Sunday", "2021-08-01T24"),
    ("The summit takes place on Thursday.", "Thursday", "2021-07-29"),
    ("The summit took place on Thursday.", "Thursday", "2021-07-22"),
])
def test_a_timetable_in_the_present_tense_is_ahead(text: str, span: str, value: str) -> None:
    assert value_of(text, span) == value


@pytest.mark.parametrize("text, span, value", [
    ("The campaign will run from now to Election Day.", "Election Day", "2021-11-02"),
    ("Crowds gathered on Palm Sunday.", "Palm Sunday", "2021-03-28"),
    ("Protesters prayed as Easter week began.", "Easter week", "2021-W13"),
    ("Stores opened early on Black Friday 2020.", "Black Friday 2020", "2020-11-27"),
    ("We met last Christmas.", "last Christmas", "2020-12-25"),
    ("Shops shut on Easter Monday.", "Easter Monday", "2021-04-05"),
])
def test_holidays(text: str, span: str, value: str) -> None:
    assert value_of(text, span) == value


def test_holiday_names_are_capitalised() -> None:
    assert tag("It was a hard labor day in the fields.") == []


def test_a_day_number_after_a_date_is_a_day_of_that_month() -> None:
    assert tag("Leaders meet at the summit on April 24 and 25.") == [("April 24", "2021-04-24"), ("25", "2021-04-25")]
    assert tag("On May 3 and 4 people died.") == [("May 3", "2021-05-03")]


def test_a_weekday_after_a_sentence_opening_word_is_a_date() -> None:
    text = "``We will win,'' he said.''\n\nIn Sunday's debate the rivals clashed."
    assert tag(text) == [("Sunday", "2021-07-25")]


def test_approximation_words_belong_to_the_expression() -> None:
    assert tag("Actually, about two years ago, the paper listed it.") == [("about two years ago", "2019")]
    assert tag("The deal is to be completed around Aug. 1.") == [("around Aug. 1", "2021-08-01")]
    assert tag("The car had been in the lot for about two weeks.") == [("about two weeks", "P2W")]
    assert tag("They worried about 2020.") == [("2020", "2020")]
    assert tag("Exiles want to get around Tuesday's ruling.") == [("Tuesday", "2021-07-20")]


def test_that_quarter_is_the_quarter_told_last() -> None:
    text = "In the second quarter of 2019 it earned $5 million. Results for that quarter included a gain."
    assert tag(text) == [("the second quarter of 2019", "2019-Q2"), ("that quarter", "2019-Q2")]
    assert value_of("Sales rose in March. That quarter was strong.", "That quarter") == "2021-Q1"


def test_counts_beyond_the_calendar_do_not_break_the_tagger() -> None:
    assert tag("Humans settled here 2,500 years ago.", anchor="2009-01-01") == [("2,500 years ago", "BC0492")]
    assert tag("It happened 1,000,000 days ago.") == [("1,000,000 days ago", "BC0718")]
    assert tag("In 1990 it began. 9,000,000 days later it ended.") == [("1990", "1990"), ("9,000,000 days later", "XXXX")]
