"""Tense read from the date's own clause, past-perfect deadlines, rates that are no durations, the discourse
marker "Now,", and tokenised news text ("May 11 , 2009", "Fox News Sunday ''")."""

from __future__ import annotations

import pytest

from corroborate.timex import find_timexes


def tag(text: str, anchor: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_timexes(text, anchor)]


def value_of(text: str, span: str, anchor: str) -> str:
    values = [value for found, value in tag(text, anchor) if found == span]
    assert values, tag(text, anchor)
    return values[0]


@pytest.mark.parametrize("text, span, anchor, value", [
    # the cue of another clause ("but it ... would work") does not decide the date's direction
    ("BP managed to place a cap on the well late Thursday, but it was too early to tell if it would work.",
     "late Thursday", "2010-06-04", "2010-06-03"),
    ("BP said it would make another attempt to plug the leak on Wednesday, but gave it only a 60 percent chance.",
     "Wednesday", "2010-05-24", "2010-05-26"),
    ("The cap, which was mounted on the well Monday, will ultimately be used to shut in the oil.",
     "Monday", "2010-07-15", "2010-07-12"),
    ("An EU meeting will discuss possible travel restrictions on Thursday, she added.",
     "Thursday", "2009-04-28", "2009-04-30"),
    # with no cue in its own clause the nearest one of the sentence still counts
    ("The agency said on Monday, that it would act.", "Monday", "2021-07-28", "2021-07-26"),
    # the end of a compound adjective is no past tense
    ("The department is ending its color-coded threat system in April, as expected, officials said.",
     "April", "2011-01-26", "2011-04"),
])
def test_tense_of_the_dates_own_clause(text: str, span: str, anchor: str, value: str) -> None:
    assert value_of(text, span, anchor) == value


@pytest.mark.parametrize("text, span, anchor, value", [
    # a deadline bounding a past perfect is past; other deadlines lie ahead
    ("Bacteria had devoured nearly all the methane gas from the well by August, says a study.",
     "August", "2011-01-06", "2010-08"),
    ("The company had already spent $11.2 billion on the spill by the end of September.",
     "the end of September", "2010-11-02", "2010-09"),
    ("The company will finish the work by August.", "August", "2011-01-06", "2011-08"),
    ("Analysts have started to factor in that the spill lasts until August, when a relief well is expected.",
     "August", "2010-06-03", "2010-08"),
    ("The sale, which had been expected, is part of a program to pay down the loan by February.",
     "February", "1989-10-30", "1990-02"),
    ("They had hoped to begin the test Monday but delayed it until Tuesday after a leak.",
     "Tuesday", "2010-08-02", "2010-08-03"),
])
def test_deadlines(text: str, span: str, anchor: str, value: str) -> None:
    assert value_of(text, span, anchor) == value


@pytest.mark.parametrize("text", [
    "The well was spewing as much as 2 million gallons of crude a day before the cap.",
    "BP was siphoning about 1,000 barrels of oil a day out of the pipe.",
    "The gulf often sees winds of more than 70km an hour.",
    "Unisys said that should help it save $500 million a year in costs.",
])
def test_a_count_before_a_day_makes_a_rate_not_a_duration(text: str) -> None:
    assert [span for span, _ in tag(text, "2010-06-13") if span.startswith(("a ", "an "))] == []


@pytest.mark.parametrize("text, span, value", [
    ("The appeal could take as long as a month or two.", "a month", "P1M"),  # "as" is no plural noun
    ("He won 3 races in a year.", "a year", "P1Y"),  # a preposition between count and "a year": no rate
])
def test_durations_that_are_no_rates(text: str, span: str, value: str) -> None:
    assert value_of(text, span, "2000-03-29") == value


def test_now_comma_opening_a_sentence_is_a_discourse_marker() -> None:
    assert tag('Iraq was ready to withdraw." Now, he says, "it looks bad."', "1991-02-25") == []
    assert tag("Now, following asset sales, the company is smaller.", "1989-10-30") == []
    assert tag("Joblessness is now at its highest level.", "1998-03-06") == [("now", "PRESENT_REF")]
    assert tag("Now the court has ruled.", "1998-03-06") == [("Now", "PRESENT_REF")]


@pytest.mark.parametrize("text, anchor, expected", [
    ("6:30 pm ET February 11 , 2013 RETWEET", "2011-02-07", [("6:30 pm ET February 11 , 2013", "2013-02-11T18:30")]),
    ("Posted April 15 , 2005 by a reader", "2010-06-01", [("April 15 , 2005", "2005-04-15")]),
    ("A summary of events on Sunday , June 13 , Day 54 of the spill", "2011-02-07",
     [("Sunday , June 13", "2010-06-13")]),
    ("Axelrod appeared on `` Fox News Sunday '' and ABC .", "2010-07-11", []),
    ("The group calls on its supporters to join protests after Friday 's prayers .", "2011-02-07",
     [("Friday", "2011-02-04")]),
])
def test_tokenised_news_text(text: str, anchor: str, expected: list[tuple[str, str]]) -> None:
    assert tag(text, anchor) == expected


@pytest.mark.parametrize("text", [
    "He said in USA Today that the plan had failed.",
    "This is VOA Today.",
    "Welcome to Piers Morgan Tonight , where the guest is Donny Deutsch .",
    "Speaking on NBC 's Today show , the spokesman said the leak was slowing .",
    "She is a journalist for The Sunday Times of London .",
    "He joined special guests for The Monday Night Club .",
])
def test_titles_are_no_days(text: str) -> None:
    assert [span for span, _ in tag(text, "2010-06-09") if span.lower() in ("today", "tonight", "sunday", "monday")] == []


@pytest.mark.parametrize("text, span", [
    ("Today, the company said it would close.", "Today"),
    ("The company said Today it would close.", "Today"),
    ("Officials said Tuesday that it would close.", "Tuesday"),
    ("What happened on the Monday before the vote?", "Monday"),
])
def test_days_that_look_like_titles(text: str, span: str) -> None:
    assert span in [found for found, _ in tag(text, "2010-06-09")]


@pytest.mark.parametrize("text, expected", [
    ("By mid afternoon, official sources said the offensive was over.", [("mid afternoon", "1998-03-06TAF")]),
    ("In London at mid-afternoon yesterday, shares were down.", [("mid-afternoon yesterday", "1998-03-05TAF")]),
    ("Dealers placed heavy buy orders in the morning.", [("the morning", "1998-03-06TMO")]),
    # a part of the day told last
    ("The quake struck on Tuesday. In the evening, rescuers arrived.",
     [("Tuesday", "1998-03-03"), ("the evening", "1998-03-03TEV")]),
    # no point in time: a noun of its own, an event's night, a title
    ("Police staged an early morning raid.", []),
    ("He left the night of the attack.", []),
    ("The crowd was shouting into the night.", []),
    ("This evening 's Late Night Prom presents a choral work .", [("This evening", "1998-03-06TEV")]),
])
def test_parts_of_the_day(text: str, expected: list[tuple[str, str]]) -> None:
    assert tag(text, "1998-03-06") == expected


@pytest.mark.parametrize("text, expected", [
    ("Here is what he had to say a while ago about the job.", [("a while ago", "PAST_REF")]),
    ("They met some time ago.", [("some time ago", "PAST_REF")]),
    ("It all began a long time ago.", [("a long time ago", "PAST_REF")]),
    # ages are no durations, with or without the second hyphen
    ("And 59-year old Raymond Canevari, an artist, said so.", []),
    ("A 6-year-old boy was found.", []),
])
def test_vague_past_and_ages(text: str, expected: list[tuple[str, str]]) -> None:
    assert tag(text, "2010-06-19") == expected
