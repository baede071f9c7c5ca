"""Reference times and small TimeML conventions: "effective <date>", "later in the day", the compared side of a
comparison, "today is the eighth day of", "now that", "formerly", vague periods and "this crucial moment"."""

from __future__ import annotations

import pytest

from corroborate.timex import find_timexes


def tag(text: str, anchor: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_timexes(text, anchor)]


@pytest.mark.parametrize("text, anchor, expected", [
    # the date a change takes effect lies ahead of the announcement
    ("U.S. Trust also created a four-member office of the chairman, effective Feb. 1.", "1989-10-26",
     ("Feb. 1", "1990-02-01")),
    ("The new rules take hold effective as of March 1, the agency said.", "2011-01-20", ("March 1", "2011-03-01")),
    # "effective" elsewhere in the sentence is no cue ("the effective tax rate")
    ("The effective tax rate fell in April, the company said.", "1989-10-26", ("April", "1989-04")),
])
def test_effective_date_is_ahead(text: str, anchor: str, expected: tuple[str, str]) -> None:
    assert expected in tag(text, anchor)


@pytest.mark.parametrize("text, anchor, expected", [
    # the period of the day told just before, else of the anchor's day
    ("On Monday the minister resigned. Later in the day, the president named a successor.", "2011-02-03",
     ("Later in the day", "2011-01-31")),
    ("The president arrived in Philadelphia later in the day.", "1998-02-13", ("later in the day", "1998-02-13")),
    ("He spoke on Thursday morning. Later in the evening, he met aides.", "2010-07-30",
     ("Later in the evening", "2010-07-29TEV")),
    ("Several Egyptians set themselves on fire earlier in the month.", "2011-01-31", ("earlier in the month", "2011-01")),
])
def test_earlier_or_later_in_the_period(text: str, anchor: str, expected: tuple[str, str]) -> None:
    assert expected in tag(text, anchor)


def test_the_compared_side_is_no_reference_time() -> None:
    text = ("Oil prices were higher than a year ago. Herbicide use was delayed earlier in the year by heavy rains.")
    assert ("earlier in the year", "1989") in tag(text, "1989-10-26")
    # a told year still is the reference of what follows
    assert ("later that year", "1996") in tag("In 1996 he moved to Paris; later that year he married.", "1999-05-01")


@pytest.mark.parametrize("text, anchor, expected", [
    ("In Saudi Arabia, today is the eighth day of the operation.", "1990-08-15",
     [("today", "1990-08-15"), ("the eighth day", "1990-08-15")]),
    ("It's the second day of an offensive by the security forces.", "1998-03-06", [("the second day", "1998-03-06")]),
    # without "today is"/"it's" the count needs the event's start: not tagged
    ("Talks resumed on the second day of the summit.", "1998-03-06", []),
])
def test_counted_day_said_in_the_present(text: str, anchor: str, expected: list[tuple[str, str]]) -> None:
    assert tag(text, anchor) == expected


@pytest.mark.parametrize("text, expected", [
    ("Arab states show signs of swinging behind him now that he is in a confrontation.", [("now", "PRESENT_REF")]),
    ("The slick enters a powerful current that could carry it to the Keys.", []),
    ("The agency, formerly known as the Minerals Management Service, was renamed.", []),
    ("We're there to stay for a fairly lengthy period.", [("a fairly lengthy period", "PXX")]),
    ("The king would be traveling at this crucial moment.", [("this crucial moment", "PRESENT_REF")]),
])
def test_vague_references(text: str, expected: list[tuple[str, str]]) -> None:
    assert tag(text, "1990-08-16") == expected


@pytest.mark.parametrize("text, anchor, expected", [
    # the date dates the report; the reported clause's "will" is not its tense
    ("Egyptian President Hosni Mubarak's announcement Tuesday that he will turn over power was met with anger.",
     "2011-02-02", ("Tuesday", "2011-02-01")),
    ("BP's chief operating officer told a press conference on Saturday that he could not guarantee the attempt "
     "would work.", "2010-05-31", ("Saturday", "2010-05-29")),
    # without a report before it the sentence's cues still count ("it will mark the first time since ... that")
    ("It will mark the first time since the explosion on 20 April that the leaking oil has been stopped.",
     "2010-07-13", ("20 April", "2010-04-20")),
    ("He will meet the president on Thursday in Kennebunkport.", "1990-08-15", ("Thursday", "1990-08-16")),
])
def test_date_of_a_report_before_that(text: str, anchor: str, expected: tuple[str, str]) -> None:
    assert expected in tag(text, anchor)


def test_this_moment_of_an_event_is_no_present() -> None:
    assert tag("Conveniently this moment of contrition came at the end.", "2010-05-28") == []


@pytest.mark.parametrize("text, expected", [
    ("Maybe some day they'll learn.", [("some day", "FUTURE_REF")]),
    ("Islam will one day be the second largest religion.", [("one day", "FUTURE_REF")]),
    ("He hopes someday to return.", [("someday", "FUTURE_REF")]),
    # a counted day stays a duration
    ("Mr. Major had only been in the job one day.", [("one day", "P1D")]),
])
def test_an_unnamed_future_day(text: str, expected: list[tuple[str, str]]) -> None:
    assert tag(text, "1998-03-03") == expected
