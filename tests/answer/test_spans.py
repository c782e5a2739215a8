import pytest

from qa_bot.answer.spans import cause_and_effect


@pytest.mark.parametrize(
    ("sentence", "cause", "effect"),
    [
        ("De prijs stijgt omdat de vraag groeit.", "de vraag groeit", "De prijs stijgt"),
        ("3 Omdat het regent, blijven we thuis.", "het regent", "blijven we thuis"),
        ("De tarieven zijn verhoogd, waardoor de winst toeneemt.", "De tarieven zijn verhoogd", "de winst toeneemt"),
        ("Ik ga door, want de heer X heeft een motie ingediend.", "de heer X heeft een motie ingediend", "Ik ga door"),
        ("Costs rose because wages went up.", "wages went up", "Costs rose"),
    ],
)
def test_a_conjunction_splits_a_sentence_into_cause_and_effect(sentence: str, cause: str, effect: str) -> None:
    split = cause_and_effect(sentence)
    assert split is not None
    assert split[0].strip(" ,.") == cause and split[1].strip(" ,.") == effect


def test_a_sentence_opening_with_a_back_reference_takes_its_cause_from_the_sentence_before() -> None:
    assert cause_and_effect("Daardoor stijgt de prijs.") is None
    assert cause_and_effect("Er is geen voegwoord in deze zin.") is None
