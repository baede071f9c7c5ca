"""Temporal tagger: explicit and relative expressions against an anchor, the stage, the command, TempEval-3 floor."""

from __future__ import annotations

import glob
import os

import pytest

from corroborate.model import Article, Sentence
from corroborate.timex import find_timexes, timex_command, timex_stage

ANCHOR = "2021-07-26"  # a Monday
TEMPEVAL = os.path.join(os.path.dirname(__file__), "..", "..", "shared", "data", "temporal-dev", "tempeval3")


def tag(text: str, anchor: str | None = ANCHOR) -> list[tuple[str, str, str]]:
    return [(t.text, t.value, t.type) for t in find_timexes(text, anchor)]


def only(text: str, anchor: str | None = ANCHOR) -> tuple[str, str, str]:
    found = tag(text, anchor)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, span, value", [
    ("The attack happened on September 11, 2001 in New York.", "September 11, 2001", "2001-09-11"),
    ("Published 25 April 2009 by the desk.", "25 April 2009", "2009-04-25"),
    ("The filing is dated 2019-03-04 in the registry.", "2019-03-04", "2019-03-04"),
    ("It was signed on 03/15/2020 by both sides.", "03/15/2020", "2020-03-15"),
    ("It was signed on 15.03.2020 by both sides.", "15.03.2020", "2020-03-15"),
    ("The vote was held on Saturday, April 25, 2009.", "Saturday, April 25, 2009", "2009-04-25"),
    ("The treaty was signed in March 1996.", "March 1996", "1996-03"),
    ("He was born in 1975.", "1975", "1975"),
    ("The town grew in the 1990s.", "the 1990s", "199"),
    ("Prices peaked in the late 1970s.", "the late 1970s", "197"),
    ("It was built in the 19th century.", "the 19th century", "18"),
    ("Profit rose in the third quarter of 2020.", "the third quarter of 2020", "2020-Q3"),
    ("Sales fell in fiscal 1989.", "fiscal 1989", "1989"),
    ("The first half of 1990 was weak.", "The first half of 1990", "1990-H1"),
    ("He was released on Christmas Day 2010.", "Christmas Day 2010", "2010-12-25"),
])
def test_explicit_dates(text: str, span: str, value: str) -> None:
    assert only(text)[:2] == (span, value)


@pytest.mark.parametrize("text, span, value", [
    ("Officials said Monday that the talks failed.", "Monday", "2021-07-26"),
    ("The minister resigned on Friday.", "Friday", "2021-07-23"),
    ("The summit will open on Thursday.", "Thursday", "2021-07-29"),
    ("The fighting started last week.", "last week", "2021-W29"),
    ("The ceasefire began a week ago.", "a week ago", "2021-07-19"),
    ("The bridge collapsed three months ago.", "three months ago", "2021-04"),
    ("The talks will resume next Monday.", "next Monday", "2021-08-02"),
    ("Growth has been slow this year.", "this year", "2021"),
    ("Elections were held last year.", "last year", "2020"),
    ("The plant will close next month.", "next month", "2021-08"),
    ("The vote took place yesterday.", "yesterday", "2021-07-25"),
    ("The court will rule tomorrow.", "tomorrow", "2021-07-27"),
    ("The protests began in April.", "April", "2021-04"),
    ("The report is due in October.", "October", "2021-10"),
    ("Inflation has doubled since 2017.", "2017", "2017"),
    ("Rates will rise before the end of 2021.", "the end of 2021", "2021"),
    ("Sales rose in the second quarter.", "the second quarter", "2021-Q2"),
    ("The heatwave hit Europe last summer.", "last summer", "2020-SU"),
    ("Prices fell two years ago.", "two years ago", "2019"),
    ("Rain fell on July 4.", "July 4", "2021-07-04"),
])
def test_relative_dates(text: str, span: str, value: str) -> None:
    assert only(text)[:2] == (span, value)


def test_end_of_year_value_is_the_year() -> None:
    assert only("The army will withdraw by the end of the year.")[1] == "2021"


@pytest.mark.parametrize("text, span, value, kind", [
    ("He served 18 years in prison.", "18 years", "P18Y", "DURATION"),
    ("The siege lasted three months.", "three months", "P3M", "DURATION"),
    ("Talks went on for more than four hours.", "more than four hours", "PT4H", "DURATION"),
    ("It took 2 1/2 years to finish.", "2 1/2 years", "P2Y6M", "DURATION"),
    ("Profit doubled over the past two years.", "the past two years", "P2Y", "DURATION"),
    ("A two-year contract was signed.", "two-year", "P2Y", "DURATION"),
    ("The council meets every Monday.", "every Monday", "XXXX-WXX-1", "SET"),
    ("The paper is printed daily.", "daily", "P1D", "SET"),
    ("The board meets twice a year.", "twice a year", "P1Y", "SET"),
])
def test_durations_and_sets(text: str, span: str, value: str, kind: str) -> None:
    assert only(text) == (span, value, kind)


@pytest.mark.parametrize("text, value", [
    ("Prices are now falling.", "PRESENT_REF"),
    ("The firm recently hired staff.", "PAST_REF"),
    ("They will talk in the future.", "FUTURE_REF"),
])
def test_vague_references(text: str, value: str) -> None:
    assert only(text)[1] == value


def test_clock_times() -> None:
    assert only("The blast happened at 5:30 p.m. on Tuesday.")[:2] == ("5:30 p.m. on Tuesday", "2021-07-20T17:30")
    assert only("The curfew starts at midnight.")[1] == "2021-07-26T24"
    assert only("He spoke this morning.")[1] == "2021-07-26TMO"


def test_without_anchor_relative_values_stay_open() -> None:
    assert only("Officials said Monday that the talks failed.", None)[1] == "XXXX-WXX-1"
    assert only("The fighting started last week.", None)[1] == "XXXX-WXX"
    assert only("The protests began in April.", None)[1] == "XXXX-04"
    assert only("The attack happened on September 11, 2001.", None)[1] == "2001-09-11"


def test_anaphoric_expressions_follow_the_last_date() -> None:
    found = tag("He was elected in 1996. The following year he resigned.")
    assert found[-1][:2] == ("The following year", "1997")
    found = tag("The plant opened on May 3, 2001. Two days later it closed.")
    assert found[-1][:2] == ("Two days later", "2001-05-05")


def test_spelled_out_years_and_seasons() -> None:
    assert only("Atlanta, January nineteen ninety-seven.")[:2] == ("January nineteen ninety-seven", "1997-01")
    assert only("He left in the fall.")[1] == "2020-FA"
    assert only("They will meet in the spring.")[1] == "2022-SP"


def test_anchor_coarser_than_a_day_leaves_relative_values_open() -> None:
    assert only("The vote took place yesterday.", "2021")[1] == "XXXX-XX-XX"


@pytest.mark.parametrize("text", [
    "He is 37 years old.",
    "The company earns $5 million a year from rentals.",
    "She said they may attend.",
    "The company raised its quarterly dividend.",
    "They left as soon as the rain stopped.",
    "Corker said on “Fox News Sunday” that a deal was near.",
    "The Easter Egg Roll drew crowds.",
    "About 2000 people marched.",
    "The fall of the regime was swift.",
    "The Arab Spring began in Tunisia.",
    "Version 3.5.2 was released.",
    "A second group of directors resigned.",
])
def test_non_temporal_text_is_left_alone(text: str) -> None:
    assert tag(text) == []


def test_every_rule_has_trigger_words() -> None:
    """A rule without trigger words is scanned at every character: correct but slow on long articles."""
    from corroborate.timex import _TRIGGERS, RULES

    assert [handler.__name__ for _, handler in RULES if handler.__name__ not in _TRIGGERS] == []


def test_offsets_match_text() -> None:
    text = "On March 3, 2020, and again last week, officials met for two days."
    for t in find_timexes(text, ANCHOR):
        assert text[t.start:t.end] == t.text


def test_stage_fills_sentence_indexes() -> None:
    body = "The council met on Monday. It will meet again next month."
    art = Article(id="a", source="s", raw_text=body, body=body, published=ANCHOR,
                  sentences=[Sentence(0, 26, body[:26]), Sentence(27, len(body), body[27:])])
    timex_stage(art)
    assert [(t.text, t.value, t.sentence) for t in art.timexes] == [("Monday", "2021-07-26", 0),
                                                                   ("next month", "2021-08", 1)]
    assert art.stages[-1] == "timex"


def test_command_on_text_and_timeml(tmp_path) -> None:
    txt = tmp_path / "a.txt"
    txt.write_text("The vote was held yesterday.", encoding="utf-8")
    assert timex_command(str(txt), ANCHOR) == [
        {"start": 18, "end": 27, "text": "yesterday", "value": "2021-07-25", "type": "DATE"}]
    tml = tmp_path / "b.tml"
    tml.write_text('<TimeML><DOCID>x</DOCID><DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-27" '
                   'functionInDocument="CREATION_TIME">02/27/1998</TIMEX3></DCT><TEXT>He spoke '
                   '<TIMEX3 tid="t1" type="DATE" value="1998-02-26">yesterday</TIMEX3>.</TEXT></TimeML>',
                   encoding="utf-8")
    assert [(r["text"], r["value"]) for r in timex_command(str(tml), None)] == [("yesterday", "1998-02-26")]


def test_tempeval3_floor() -> None:
    """Regression floor a little below the measured dev scores (relaxed span F1 94.3, value F1 80.5,
    value accuracy 85.2)."""
    if not os.path.isdir(TEMPEVAL):
        pytest.skip(f"TempEval-3 dev data not found at {TEMPEVAL}")
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "bench_timex", os.path.join(os.path.dirname(__file__), "..", "bench", "timex.py"))
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    paths = sorted(glob.glob(os.path.join(TEMPEVAL, "*", "*.tml")))
    scores = bench.evaluate(paths)
    assert scores["relaxed_f"] >= 0.92
    assert scores["value_acc"] >= 0.84
    assert scores["value_f"] >= 0.80
