"""Matching a question's terms against text: compounds that contradict."""

import pytest

from qa_bot.answer.analysis import analyze
from qa_bot.answer.matching import contrasted, coverage, text_keys


def test_a_compound_with_the_same_head_and_another_modifier_contradicts() -> None:
    terms = analyze("Op hoeveel worden de ontvangsten uit het verkooprecht geraamd?", "nl").terms
    assert contrasted(terms, "De ontvangsten uit het verdeelrecht worden geraamd op 89,3 miljoen euro.")
    assert contrasted(terms, "Het verkooprecht en het verdeelrecht brengen 2.944 miljoen op.") is None  # both said
    assert contrasted(terms, "De ontvangsten worden geraamd op 3 miljard euro.") is None  # only missing


def test_a_name_before_the_head_is_no_other_thing() -> None:
    terms = analyze("Hoeveel geld gaat naar de tweede fase van de hulpoperatie?", "nl").terms
    assert contrasted(terms, "Voor de tweede fase van de Unicef/ICRC-operatie is f 2 min. bestemd.") is None


def test_an_item_named_by_another_number_of_its_kind_is_another_item() -> None:
    # "Hoeveel kandidaten slaagden … voor het C 2-examen?" was answered "namen 30 kandidaten deel aan
    # het examen C 1"
    from qa_bot.answer.matching import contrasted_number

    assert contrasted_number("Hoeveel kandidaten slaagden voor het C 2-examen?", "30 kandidaten deden C 1.") == "c 2"
    assert contrasted_number("Met hoeveel stijgt artikel 58?", "Artikel 57 stijgt met 3%.") == "artikel 58"
    # the asked item said too, or no item of the kind said, or small numbers after function words
    assert contrasted_number("Hoeveel slaagden voor C 2?", "Voor C 1 slaagden er 30 en voor C 2 er 20.") == ""
    assert contrasted_number("Hoeveel stijgt artikel 58?", "De uitgaven stijgen met 3%.") == ""
    assert contrasted_number("Hoeveel scholen waren er meer dan 5 jaar?", "In de 3 gemeenten 40 scholen.") == ""


@pytest.mark.parametrize(("question", "text", "contrasted"), [
    # real-dev rd006 (unanswerable): the profit on gas was answered with the profit on electricity
    ("Hoeveel winst maakte het GEB in 1989 op de levering van gas?",
     "Het GEB begroot de winst op de levering van elektriciteit voor 1989 op f 58,3 min.", "gas"),
    ("Hoeveel geld in de tweede fase van de hulpoperatie?", "Voor de tweede fase van de Unicef/ICRC-operatie f 2 min.", ""),
    ("Hoeveel wachtten op de start van hun cursus?", "Het aantal dat wachtte op de start van de cursus daalde.", ""),
    ("Hoeveel winst op de levering van gas?", "De winst op de levering van gas en van elektriciteit was 5 min.", ""),
])  # fmt: skip
def test_another_complement_of_the_same_noun_is_another_thing(question: str, text: str, contrasted: str) -> None:
    from qa_bot.answer.matching import contrasted_complement

    assert contrasted_complement(question, text) == contrasted


def test_a_hyphenated_compound_meets_the_same_compound_written_as_one_word() -> None:
    # real-dev rd020: "taxi-tarieven" in the answer did not meet the question's "taxitarieven"
    terms = analyze("Waarom zijn de normen niet van toepassing op de taxitarieven?", "nl").terms
    taxi = next(t for t in terms if t.text == "taxitarieven")
    hyphenated = coverage([taxi], [(text_keys("Aangezien de taxi-tarieven onder geen categorie vallen."), 1.0)])
    assert hyphenated == 1.0
    assert coverage([taxi], [(text_keys("Aangezien de tarieven onder geen categorie vallen."), 1.0)]) < 1.0


def test_two_words_side_by_side_meet_the_compound_a_question_makes_of_them() -> None:
    # real-dev rd019: the question's "openbaarvervoertarieven" is "openbaar vervoertarieven" in the answer
    terms = analyze("Hoeveel procentpunt lag de verhoging boven de norm voor openbaarvervoertarieven?", "nl").terms
    term = next(t for t in terms if t.text == "openbaarvervoertarieven")
    assert coverage([term], [(text_keys("De rekenregel geldt voor de openbaar vervoertarieven."), 1.0)]) == 1.0
    assert coverage([term], [(text_keys("De rekenregel geldt voor openbaar, vervoertarieven."), 1.0)]) < 1.0


def test_each_number_of_a_respectively_list_owns_its_item() -> None:
    from qa_bot.answer.relations import own_words
    from qa_bot.read.quantities import printed_figures, quantities

    text = "De rekenregel van 3,5% en 5% geldt voor resp. de overheidstarieven en de openbaar vervoertarieven."
    qs = printed_figures(quantities(text))
    first, second = (own_words(text, qs, q) for q in qs)
    assert "overheidstarieven" in first and "vervoertarieven" not in first
    assert "vervoertarieven" in second and "overheidstarieven" not in second
