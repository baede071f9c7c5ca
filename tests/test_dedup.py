import json

from corroborate.dedup import DedupOptions, SyndicationIndex, find_syndication, shingle_hashes
from corroborate.model import Article

WIRE = (
    "Firefighters battled a blaze that destroyed a historic textile mill on the edge of Millbrook late on "
    "Tuesday, forcing the evacuation of about 40 homes as thick smoke drifted across the valley. The fire "
    "broke out shortly after 9 p.m. in the disused west wing and spread to the roof within an hour, the "
    "county fire service said. Nobody was injured, but two firefighters were treated for heat exhaustion. "
    "Investigators have not yet determined the cause, and the building's owner said it had been empty "
    "since the mill closed in 2004. Residents were allowed back into their homes early on Wednesday after "
    "crews brought the flames under control, although the main road through the town remained closed."
)

# Same event, written independently: shares topic words and names but few five-word runs.
OTHER_REPORT = (
    "A disused textile mill in Millbrook was gutted by fire on Tuesday night. Dozens of households had to "
    "leave while crews fought the flames, which started in the west wing around 9 p.m. County officials "
    "said two firefighters needed treatment for heat exhaustion and that the cause is under investigation. "
    "The mill has stood empty since 2004, its owner told reporters, and the town's main road stays shut."
)


def art(aid: str, body: str, title: str = "", published: str | None = None, outlet: str = "") -> Article:
    return Article(id=aid, source=aid, raw_text=f"{title}\n{body}", title=title, body=body,
                   published=published, outlet=outlet)


def light_edit(text: str) -> str:
    """What a reprinting site does: new wording here and there, a trimmed last sentence."""
    edited = text.replace("late on Tuesday", "on Tuesday night").replace("about 40", "some 40")
    return edited.rsplit(". ", 1)[0] + "."


def test_reprint_with_new_headline_and_light_edit_is_grouped():
    original = art("a1", WIRE, "Historic mill destroyed by fire", "2026-03-03", "wire")
    reprint = art("a2", light_edit(WIRE), "Blaze guts Millbrook landmark; 40 homes evacuated", "2026-03-04", "local")
    groups = find_syndication([reprint, original])
    assert groups == {"a1": "a1", "a2": "a1"}


def test_independent_report_of_same_event_is_not_grouped():
    original = art("a1", WIRE, "Historic mill destroyed by fire", "2026-03-03")
    other = art("b1", OTHER_REPORT, "Fire guts Millbrook mill", "2026-03-03")
    assert find_syndication([original, other]) == {}


def test_incremental_index_reports_the_earlier_copy_and_estimates_without_shingles():
    index = SyndicationIndex()  # estimated containment (no shingle sets kept)
    assert index.add(art("a1", WIRE)) is None
    assert index.add(art("b1", OTHER_REPORT)) is None
    assert index.add(art("a2", light_edit(WIRE))) == "a1"
    assert index.add(art("a3", light_edit(WIRE) + " More to follow.")) in {"a1", "a2"}
    assert index.group_of("a3") == "a1"
    assert index.group_of("b1") == "b1"


def test_one_line_items_are_too_short_to_call_copies():
    short = "Police said the road was closed."
    assert find_syndication([art("x1", short), art("x2", short)]) == {}


def test_state_round_trip_keeps_finding_copies():
    index = SyndicationIndex(DedupOptions(window=10))
    index.add(art("a1", WIRE))
    restored = SyndicationIndex.from_state(json.loads(json.dumps(index.state_dict())))
    assert restored.add(art("a2", light_edit(WIRE))) == "a1"


def test_window_bounds_memory():
    index = SyndicationIndex(DedupOptions(window=3))
    for i in range(6):
        index.add(art(f"n{i}", f"{WIRE} Update number {i} " * (i + 1)))
    assert len(index.state_dict()["articles"]) == 3


def test_shingles_ignore_case_and_punctuation():
    assert (shingle_hashes("The Fire, broke out!") == shingle_hashes("the fire broke out")).all()
