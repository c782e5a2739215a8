import pytest

from qa_bot.answer import Composer, counted_noun, coverage, proper_names, stems_of, term_groups, term_matches
from qa_bot.types import Chunk, Passage

GRANTS = (
    "Het CEDEFOP-rapport geeft maar 1 dataset weer. Zo kon er in 2025 voor 5171 mobiliteiten een beurs "
    "toegekend worden t.o.v. een vraag naar 8159 mobiliteiten vanuit de scholen."
)
EUROPASS = (
    "De Europass-Mobiliteit is een certificaat dat leerlingen uit het beroepsonderwijs krijgen na een "
    "buitenlandse (Erasmus) stage. De evolutie van de uitgegeven Europass Mobiliteiten tussen 2018 en 2025 geeft "
    "een stijging aan, met 2211 in 2018 tot 4535 mobiliteiten in 2025."
)


def passage(text: str, rank: int = 1, part: str = "antwoord") -> Passage:
    chunk = Chunk(f"c{rank}", "vraag.txt", part, text, 0, len(text), None, "Leermobiliteit", "schriftelijke vraag", "")
    return Passage(chunk, score=1.0 / rank, rank=rank)


PASSAGES = [passage(GRANTS, 1), passage(EUROPASS, 2)]


def compose(question: str, language: str = "nl"):  # type: ignore[no-untyped-def]
    return Composer(min_coverage=0.6).compose(question, PASSAGES, language)


def test_factual_answer_cites_and_highlights_the_number() -> None:
    answer = compose("Hoeveel mobiliteiten kregen in 2025 een beurs?")
    assert not answer.abstained
    assert answer.text.startswith("**5171 mobiliteiten**")
    assert "[1]" in answer.text
    assert answer.citations[0].quote.startswith("Zo kon er in 2025")
    assert answer.citations[0].part == "antwoord"


def test_definition_question_prefers_the_defining_sentence() -> None:
    answer = compose("Wat is de Europass-Mobiliteit?")
    assert "is een certificaat" in answer.citations[0].quote


def test_figure_answer_shows_formula_and_cites_operands() -> None:
    answer = compose("Welk aandeel van de gevraagde mobiliteiten kon in 2025 gefinancierd worden?")
    figure = answer.figures[0]
    assert figure.display == "63,4%"
    assert "Berekening: 5171 / 8159 = 63,4%" in answer.text
    assert {op.citation for op in figure.operands} == {1}


def test_english_question_gets_english_labels_and_notation() -> None:
    answer = compose("What share of the requested mobilities received a grant in 2025?", "en")
    assert answer.figures[0].display == "63.4%"
    assert "Calculation:" in answer.text


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("Hoeveel mobiliteiten kregen in 2019 een beurs?", "2019"),
        ("Welk aandeel van de gevraagde mobiliteiten kreeg in 2019 een beurs?", "2019"),
        ("Wie won de Ronde van Vlaanderen?", "dekking"),
        ("Hoeveel leerkrachten kregen in 2025 een beurs?", "geen getal"),
    ],
)
def test_abstains_with_a_reason(question: str, reason: str) -> None:
    answer = compose(question)
    assert answer.abstained
    assert answer.text.startswith("Dat staat niet in de bronnen")
    assert reason in answer.reason
    assert answer.citations == [] and answer.figures == []


def test_refused_computation_says_what_is_missing() -> None:
    answer = compose("Met hoeveel procent steeg het aantal beurzen voor mobiliteiten in 2025?")
    assert answer.abstained
    assert answer.text.startswith("Dat kan ik niet berekenen")


def test_no_passages_abstains() -> None:
    assert Composer().compose("Hoeveel scholen?", [], "nl").abstained


def test_unknown_name_abstains_when_the_corpus_is_known() -> None:
    composer = Composer(
        min_coverage=0.6, knows=lambda forms: "wallonie" not in str(forms) and "walloni" not in str(forms)
    )
    answer = composer.compose("How many mobilities were requested by schools in Wallonia in 2025?", PASSAGES, "en")
    assert answer.abstained and "Wallonia" in answer.reason


def test_term_matching_rules() -> None:
    terms = stems_of("leermobiliteit vraag beroepsonderwijs")
    assert term_matches(frozenset({"mobiliteit"}), terms)  # compound in the passage
    assert term_matches(stems_of("gevraagde"), stems_of("een vraag naar"))  # inflection
    assert not term_matches(stems_of("beroepsonderwijs"), stems_of("hoger onderwijs"))  # generic head only


def test_coverage_credits_sentence_passage_document() -> None:
    groups = term_groups("mobiliteiten beurs scoreboard")
    cov = coverage(groups, stems_of("5171 mobiliteiten"), stems_of("een beurs"), stems_of("scoreboard"))
    assert cov == pytest.approx((1 + 0.75 + 0.5) / 3)


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("Hoeveel nieuwe VET-scholen raakten betrokken?", "schol"),
        ("Hoeveel Europass Mobiliteiten werden uitgegeven?", "mobiliteit"),
        ("How many mobilities were requested?", "mobiliteit"),
        ("Hoeveel bedraagt het budget?", None),
        ("Hoeveel keer meer studenten?", None),
    ],
)
def test_counted_noun(question: str, noun: str | None) -> None:
    forms = counted_noun(question)
    assert (noun in forms) if noun else not forms


def test_proper_names() -> None:
    assert proper_names("Wie won de Ronde van Vlaanderen in 2024?") == ["Ronde", "Vlaanderen"]
    assert proper_names("Hoeveel ging naar het BSO?") == ["BSO"]


@pytest.mark.parametrize(
    ("year", "asked", "ok"),
    [
        ("2025", ["2025"], True),
        ("2018", ["2025"], False),
        ("", ["2025"], True),
        ("2022-2025", ["2024"], False),
        ("2022-2025", ["2022", "2025"], True),
    ],
)
def test_a_total_over_years_does_not_answer_one_year(year: str, asked: list[str], ok: bool) -> None:
    from qa_bot.answer import _year_ok

    assert _year_ok(year, asked) is ok


def test_count_over_a_year_range_is_not_an_answer_for_one_year() -> None:
    text = "Tussen 2022 en 2025 werden 83 nieuwe VET-scholen betrokken in Erasmus+ en kregen ze een beurs."
    answer = Composer(min_coverage=0.5).compose(
        "Hoeveel scholen kregen in 2024 een beurs?", [passage(text + " (2024)")], "nl"
    )
    assert answer.abstained


def test_term_groups_skip_question_words_and_translate_english() -> None:
    groups = term_groups("Hoeveel mobiliteiten kregen in 2025 een beurs?")
    assert [sorted(g.forms) for g in groups] == [["mobiliteit"], ["2025"], ["beur"]]
    english = term_groups("How many mobilities were requested?")
    assert any("mobiliteit" in g.forms for g in english) and any("vrag" in g.forms for g in english)


def test_no_answer_path_can_emit_an_uncited_number(monkeypatch: pytest.MonkeyPatch) -> None:
    from qa_bot.types import Answer

    composer = Composer(min_coverage=0.6)
    honest = composer.compose("Hoeveel mobiliteiten kregen in 2025 een beurs?", PASSAGES, "nl")
    invented = Answer(honest.question, honest.text + " Dat zijn er 6000.", "nl", citations=honest.citations)
    monkeypatch.setattr(Composer, "_compose", lambda self, q, p, lang: invented)
    answer = composer.compose("Hoeveel mobiliteiten kregen in 2025 een beurs?", PASSAGES, "nl")
    assert answer.abstained and answer.reason == "ongedekte getallen"
