from pathlib import Path

from conftest import ROOT
from qa_bot.ingest import read_document
from qa_bot.structure import split_parts
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
    assert parts[0].text.endswith("Welke scholen?")
    assert parts[1].text == "Er zijn 83 scholen. Het zijn VET-scholen."


def test_reports_and_documents_without_question_are_one_rapport_part() -> None:
    assert [p.label for p in split_parts(doc("Titel\n\nHoe gaat het? Goed.", doc_type="rapport"))] == ["rapport"]
    assert [p.label for p in split_parts(doc("Titel\n\nGeen vraag hier. Alleen feiten."))] == ["rapport"]


def test_question_without_answer_is_not_split(tmp_path: Path) -> None:
    assert [p.label for p in split_parts(doc("Titel\n\nHoeveel scholen doen mee?"))] == ["rapport"]
