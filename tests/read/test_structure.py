from pathlib import Path

from conftest import ROOT
from qa_bot.read.files import read_document
from qa_bot.read.structure import split_parts
from qa_bot.types import Document, Page


def doc(text: str, **meta: str) -> Document:
    title = text.splitlines()[0].strip()
    return Document("d.txt", meta.pop("title", title), text, (Page(1, text, 0),), dict(meta))


def test_source_document_splits_after_the_question_to_the_minister() -> None:
    corpus = ROOT / "corpus"
    document = read_document(corpus / "beroepsopleidingen-slechte-leermobiliteit.txt", corpus)
    parts = split_parts(document)
    assert [p.label for p in parts] == ["vraag", "antwoord"]
    assert parts[0].text.endswith("Mobility Scoreboard van de Europese Commissie?")
    assert parts[1].text.startswith("Het CEDEFOP-rapport geeft maar 1 dataset weer")
    assert "Beroepsopleidingen" not in parts[0].text[:20]  # the title line is not question text
    for part in parts:
        assert document.text[part.start : part.start + len(part.text)] == part.text


def test_explicit_headings() -> None:
    text = "Titel\n\nVraag van mevrouw Peeters\n\nHoeveel scholen doen mee?\n\nAntwoord\n\nEr doen 83 scholen mee."
    parts = split_parts(doc(text))
    assert [(p.label, p.text) for p in parts] == [("vraag", "Hoeveel scholen doen mee?"),
                                                  ("antwoord", "Er doen 83 scholen mee.")]  # fmt: skip


def test_numbered_questions_stay_in_the_question_part() -> None:
    text = "Titel\n\nInleiding.\n1. Hoeveel scholen?\n2. Welke scholen?\nEr zijn 83 scholen. Het zijn VET-scholen."
    parts = split_parts(doc(text))
    assert [(p.label, p.numbers) for p in parts] == [("vraag", ()), ("antwoord", ())]
    assert parts[0].text.endswith("Welke scholen?")
    assert parts[1].text == "Er zijn 83 scholen. Het zijn VET-scholen."


def test_numbered_answers_carry_their_question_as_context() -> None:
    # OCR pages run the numbered questions and answers on ("2 Ja. 3 Los van …"); the answer
    # to 3 does not repeat the question's words, so it carries them as context.
    text = ("Titel\n\nVragen van het lid X.\n1 Is het waar dat de winst stijgt?\n2 Hoeveel taxi's rijden er "
            "in Rotterdam?\n\nAntwoord\n\n1 Ja. 2 Dat aantal bedroeg 260 in 1978.")
    parts = split_parts(doc(text))
    answers = [p for p in parts if p.label == "antwoord"]
    assert [p.numbers for p in answers] == [(1,), (2,)]
    assert answers[1].text == "2 Dat aantal bedroeg 260 in 1978."
    assert "taxi's rijden er in Rotterdam" in answers[1].context
    assert "winst" in answers[0].context and "taxi" not in answers[0].context


def test_vraag_and_antwoord_headings_with_numbers_are_linked() -> None:
    text = ("Titel\n\nInleiding van de vragen.\nVraag 1\nHoeveel kost het?\nAntwoord 1\nHet kost f 2 min.\n"
            "Vraag 2 en 3\nWanneer? En waar?\nAntwoord 2 en 3\nIn mei, in Delft.\nAntwoord op vraag 4\nNee.")
    parts = split_parts(doc(text))
    assert [(p.label, p.numbers) for p in parts] == [
        ("vraag", ()), ("vraag", (1,)), ("antwoord", (1,)), ("vraag", (2, 3)), ("antwoord", (2, 3)), ("antwoord", (4,))]
    assert parts[2].context == "Hoeveel kost het?" and parts[4].context == "Wanneer? En waar?"
    assert parts[5].context == ""


def test_reports_and_documents_without_question_are_one_rapport_part() -> None:
    assert [p.label for p in split_parts(doc("Titel\n\nHoe gaat het? Goed.", doc_type="rapport"))] == ["rapport"]
    assert [p.label for p in split_parts(doc("Titel\n\nGeen vraag hier. Alleen feiten."))] == ["rapport"]


def test_question_without_answer_is_not_split(tmp_path: Path) -> None:
    assert [p.label for p in split_parts(doc("Titel\n\nHoeveel scholen doen mee?"))] == ["rapport"]


def test_a_run_on_answer_header_opens_the_answer_and_the_explanation_stays_with_the_question() -> None:
    # Scanned Handelingen: the answer's header runs on ("Antwoord Antwoord van Staatssecretaris
    # X (Financiën), mede namens … (Ontvangen …)"), too long for a heading line. The member's
    # "Toelichting" after the questions is question text, not the answer.
    text = ("Titel\n\nVragen van het lid X over gas. (Ingezonden 16 juni 1978) 1 Is het waar dat gas duurder "
            "wordt? 2 Zien zij een oplossing?\nToelichting Vloeibaar gas is duurder. Omdat het veel gebruikt "
            "wordt, worden deze bedrijven extra getroffen.\nAntwoord Antwoord van Staatssecretaris Nooteboom "
            "(Financiën), mede namens de Minister van Economische Zaken. (Ontvangen 17 oktober 1978)\n"
            "1 Ja. 2 Nee, want de belasting is evenredig aan de prijs.")
    for layout in (text, text.replace("\n", " ")):  # the scan's lines, or one paragraph
        parts = split_parts(doc(layout, title="Titel"))
        assert [(p.label, p.numbers) for p in parts] == [("vraag", ()), ("antwoord", ()), ("antwoord", (1,)),
                                                         ("antwoord", (2,))]  # fmt: skip
        assert "Toelichting" in parts[0].text and "Toelichting" not in " ".join(p.text for p in parts[1:])
        assert parts[3].text == "2 Nee, want de belasting is evenredig aan de prijs."
        assert "oplossing" in parts[3].context


def test_an_answer_to_several_questions_keeps_all_their_numbers() -> None:
    # "2 en 3 De verhoging …" answers questions 2 and 3 together; it is not an empty answer "2 en".
    text = ("Titel\n\nVragen van het lid X.\n1 Is het waar? 2 Hoeveel kost het? 3 Waarom zo duur?\n\nAntwoord\n\n"
            "1 Ja. 2 en 3 De verhoging is nodig om de kosten te dekken. 4, 5 en 6 Nee.")
    answers = [p for p in split_parts(doc(text)) if p.label == "antwoord"]
    assert [p.numbers for p in answers] == [(1,), (2, 3), (4, 5, 6)]
    assert answers[1].text == "2 en 3 De verhoging is nodig om de kosten te dekken."
    assert "Hoeveel kost het" in answers[1].context and "Waarom zo duur" in answers[1].context
