"""Name-variant primitives: core tokens, company designators, and the guards they must keep."""

from __future__ import annotations

from corroborate.names import core_tokens, name_key, names_compatible


def test_company_designators_carry_no_identity():
    assert core_tokens("Microsoft Corp.") == core_tokens("Microsoft") == ["microsoft"]
    assert core_tokens("Tallgrass Distributors Ltd.") == ["tallgrass", "distributors"]
    assert name_key("Apple Inc.") == name_key("Apple")


def test_a_designator_alone_stays_a_token():
    assert core_tokens("Inc") == ["inc"]


def test_particles_dropped_and_guards_kept():
    assert core_tokens("Mustafa al-Kadhimi") == ["mustafa", "kadhimi"]
    assert names_compatible("Mustafa al-Kazemi", "Mustafa al-Kadhimi")
    assert not names_compatible("Saddam Hussein", "Fuad Hussein")
    assert not names_compatible("Iraq", "Iran")
