"""Repairs of extracted text (issue 15, class 3): glue, in-line hyphens, footnote markers."""

from __future__ import annotations

import pytest

from qa_bot.read.normalise import repair, split_glued, strip_footnote_markers


@pytest.mark.parametrize(
    "raw, repaired",
    [
        ("het gewijzigde amendementvan het lid", "het gewijzigde amendement van het lid"),
        ("en datdaarmee een fixus", "en dat daarmee een fixus"),
        ("eentotaalbedrag van", "een totaalbedrag van"),
        ("in2023 was het", "in 2023 was het"),
        ("er10,4 procent", "er 10,4 procent"),
        ("2026–2027gaat het", "2026–2027 gaat het"),
        ("met 21procentpunten", "met 21 procentpunten"),
        ("(13)auteurs", "(13) auteurs"),
        ("De 330betrokken personen", "De 330 betrokken personen"),
        ("de brief van12 april 2024", "de brief van 12 april 2024"),
        ("2025eenopmerkelijke daling", "2025 een opmerkelijke daling"),
        ("meegewo-gen en winstbe-drag", "meegewogen en winstbedrag"),
        ("catego-rieën en kandi-daten", "categorieën en kandidaten"),
        ("vorig jaar5 werd", "vorig jaar werd"),
        ("nieuwe toeslagenfraude?1 Bent u", "nieuwe toeslagenfraude? Bent u"),
        ("een schuldgraad van 16,3% in 202910, wat", "een schuldgraad van 16,3% in 2029, wat"),
    ],
)
def test_extraction_damage_is_repaired(raw: str, repaired: str) -> None:
    assert repair(raw) == repaired


@pytest.mark.parametrize(
    "kept",
    ["oud-minister", "VEEN-advies", "e-mail", "CO2 en co2", "studiekeuze123.nl", "https://x.nl/a%20b", "f45 min.",
     "1ste keer, 2de keer", "een stagebeurs en een stagecertificaat", "het restrisico en de jaarinkomsten",
     "constaterende dat", "ontraad de motie", "de aankoopsommen", "in 200000 gevallen", "in 201512 gevallen"],
)
def test_words_and_compounds_are_left_alone(kept: str) -> None:
    assert repair(kept) == kept


def test_glue_is_split_by_frequencies_of_the_texts_language() -> None:
    assert split_glued("stagebeurs", "nl") == ("stagebeurs",)  # English "stage" is frequent, Dutch is not
    assert split_glued("ministervan", "nl") == ("minister", "van")


def test_footnote_markers_are_returned() -> None:
    assert strip_footnote_markers("fraude?1 en vorig jaar5 werd") == ("fraude? en vorig jaar werd", ["5", "1"])


def test_a_lost_thousands_space_is_put_back() -> None:
    from qa_bot.read.normalise import regroup_thousands

    assert regroup_thousands("een claim van f6381 032, waarbij") == "een claim van f6 381 032, waarbij"
    assert regroup_thousands("daalde met ƒ 11316 776 ten opzichte") == "daalde met ƒ 11 316 776 ten opzichte"
    assert regroup_thousands("in totaal 12345 012 stuks") == "in totaal 12 345 012 stuks"
    # a year before a count, an amount already grouped, and a decimal stay as printed
    for text in ("in 1985 300 woningen", "f 7 410 203", "f 1234,50 per maand", "nummer 123456"):
        assert regroup_thousands(text) == text
