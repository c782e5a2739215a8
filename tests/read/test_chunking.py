import pytest

from qa_bot.read.chunking import approx_tokens, chunk_document, pack
from qa_bot.read.structure import split_parts
from qa_bot.types import Document, Page


def test_pack_respects_budget_and_overlaps_one_sentence() -> None:
    spans = [(i * 10, i * 10 + 9) for i in range(6)]
    windows = pack(spans, [40] * 6, max_tokens=100, overlap=1)
    assert windows == [(0, 19), (10, 29), (20, 39), (30, 49), (40, 59)]


def test_pack_keeps_an_oversized_sentence_alone() -> None:
    assert pack([(0, 5), (6, 10)], [300, 10], max_tokens=100, overlap=1) == [(0, 5), (6, 10)]


@pytest.mark.parametrize("max_tokens", [40, 120, 200])
def test_chunks_fit_the_embedder_and_point_into_the_document(max_tokens: int) -> None:
    sentences = [
        f"In 20{10 + i} kregen {100 + i} leerlingen een beurs voor een stage in het buitenland." for i in range(30)
    ]
    text = "Titel\n\n" + " ".join(sentences) + " Hoe evalueert de minister dit?\n\n" + " ".join(sentences)
    document = Document("d.txt", "Titel", text, (Page(1, text, 0),))
    chunks = chunk_document(document, split_parts(document), max_tokens)
    assert {c.part for c in chunks} == {"vraag", "antwoord"}
    for chunk in chunks:
        assert text[chunk.start : chunk.end] == chunk.text
        assert approx_tokens(chunk.text) <= max_tokens
    assert len({c.chunk_id for c in chunks}) == len(chunks)


def test_chunk_ids_are_stable_across_runs() -> None:
    text = "Titel\n\nEen zin. Nog een zin."
    document = Document("d.txt", "Titel", text, (Page(1, text, 0),))
    first = chunk_document(document, split_parts(document), 100)
    second = chunk_document(document, split_parts(document), 100)
    assert [c.chunk_id for c in first] == [c.chunk_id for c in second]


def test_very_long_sentence_is_cut_at_words() -> None:
    text = "Titel\n\n" + " ".join(["woord"] * 400) + "."
    document = Document("d.txt", "Titel", text, (Page(1, text, 0),))
    chunks = chunk_document(document, split_parts(document), 50)
    assert len(chunks) > 5 and all(approx_tokens(c.text) <= 50 for c in chunks)


def test_pack_ends_a_window_at_a_paragraph_start_when_half_full() -> None:
    spans = [(i * 10, i * 10 + 9) for i in range(6)]
    sizes = [30] * 6
    # 3 sentences fit (90 ≤ 100); a paragraph starts at sentence 2 → the window ends before it
    assert pack(spans, sizes, 100, 1, paragraphs={2})[0] == (0, 19)
    assert pack(spans, sizes, 100, 1, paragraphs={2})[1][0] == 20  # no overlap into a new paragraph
    # a paragraph start that would leave the window less than half full is not used
    assert pack(spans, sizes, 100, 1, paragraphs={1})[0] == (0, 29)


def test_a_list_stays_with_the_sentence_that_opens_it() -> None:
    intro = "Inleiding. " * 12
    text = f"Titel\n\n{intro}\n\nDe vijf grootste richtingen waren:\n\n- Kapper: 812\n- Zorg: 655\n\nSlot van de tekst."
    doc = Document("d.md", "Titel", text, (Page(1, text, 0),))
    chunks = chunk_document(doc, split_parts(doc), max_tokens=60, count_tokens=approx_tokens)
    holding = [c.text for c in chunks if "waren:" in c.text]
    assert holding and all("Kapper: 812" in t for t in holding)


def test_only_the_chunk_that_opens_a_numbered_answer_carries_its_question() -> None:
    from qa_bot.read.chunking import chunk_document
    from qa_bot.read.structure import split_parts
    from qa_bot.types import Document, Page

    text = ("Titel\n\nVragen.\n1 Hoeveel taxi's rijden er in Rotterdam?\n2 Waarom?\n\nAntwoord\n\n"
            "1 Dat aantal bedroeg 260. " + " ".join(f"Zin {i} over iets anders." for i in range(60)) + " 2 Omdat het kan.")
    doc = Document(doc_id="d.txt", title="Titel", text=text, pages=(Page(1, text, 0),))
    chunks = [c for c in chunk_document(doc, split_parts(doc), max_tokens=60) if c.part == "antwoord"][:-1]
    assert len(chunks) > 1
    assert "taxi's rijden" in chunks[0].context and "260" in chunks[0].text
    assert all(c.context == "" for c in chunks[1:])


def test_a_numbered_answers_question_reaches_bm25_not_its_vector() -> None:
    # Embedded with its question, an answer chunk became as similar to a question as the
    # question itself and outranked the table that answers it (dev-corpus a003, a081).
    from qa_bot.index.vectors import embedding_text
    from qa_bot.types import Chunk

    chunk = Chunk("c", "d.txt", "antwoord", "Dat aantal bedroeg 260.", 0, 23, None, "Taxi's", "", "",
                  context="Hoeveel taxi's rijden er in Rotterdam?")
    assert embedding_text(chunk) == "Taxi's. Dat aantal bedroeg 260."
