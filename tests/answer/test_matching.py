"""Matching a question's terms against text: compounds that contradict."""

from qa_bot.answer.analysis import analyze
from qa_bot.answer.matching import contrasted


def test_a_compound_with_the_same_head_and_another_modifier_contradicts() -> None:
    terms = analyze("Op hoeveel worden de ontvangsten uit het verkooprecht geraamd?", "nl").terms
    assert contrasted(terms, "De ontvangsten uit het verdeelrecht worden geraamd op 89,3 miljoen euro.")
    assert contrasted(terms, "Het verkooprecht en het verdeelrecht brengen 2.944 miljoen op.") is None  # both said
    assert contrasted(terms, "De ontvangsten worden geraamd op 3 miljard euro.") is None  # only missing


def test_a_name_before_the_head_is_no_other_thing() -> None:
    terms = analyze("Hoeveel geld gaat naar de tweede fase van de hulpoperatie?", "nl").terms
    assert contrasted(terms, "Voor de tweede fase van de Unicef/ICRC-operatie is f 2 min. bestemd.") is None
