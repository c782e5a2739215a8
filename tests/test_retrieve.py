import pytest

from conftest import FakeEmbedder
from qa_bot.config import Settings
from qa_bot.errors import ConfigError
from qa_bot.index.build import build_index
from qa_bot.index.reader import IndexReader
from qa_bot.retrieve import Filters, HybridRetriever, make_fusion, minmax_fusion, reciprocal_rank_fusion


def test_minmax_fusion_scales_each_list_to_zero_one() -> None:
    fused = minmax_fusion({1: 10.0, 2: 5.0, 4: 0.0}, {2: 0.8, 3: 0.4}, 1.0, 0.5)
    assert fused == pytest.approx({1: 1.0, 2: 0.5 + 0.5, 3: 0.0, 4: 0.0})


def test_minmax_fusion_with_empty_or_flat_lists() -> None:
    assert minmax_fusion({}, {}) == {}
    assert minmax_fusion({1: 2.0}, {}) == {1: 1.0}


def test_dense_cosines_that_cluster_still_move_the_ranking() -> None:
    """e5 cosines lie in 0.75–0.9: scaled, the dense side can overturn a small lexical lead."""
    fused = minmax_fusion({1: 10.0, 2: 9.5, 3: 0.0}, {1: 0.80, 2: 0.86, 3: 0.78})
    assert max(fused, key=fused.__getitem__) == 2


def test_reciprocal_rank_fusion() -> None:
    fused = reciprocal_rank_fusion({1: 3.0, 2: 2.0}, {2: 0.9, 3: 0.1}, k=60)
    assert fused[2] == pytest.approx(1 / 62 + 1 / 61)
    assert max(fused, key=fused.__getitem__) == 2


def test_make_fusion_names_the_choices() -> None:
    assert make_fusion("rrf", 1.0, 1.0)({1: 1.0}, {}) == pytest.approx({1: 1 / 61})
    with pytest.raises(ConfigError, match="QA_BOT_FUSION='x': kies rrf of minmax"):
        make_fusion("x", 1.0, 1.0)


def test_filters_validate_their_input() -> None:
    with pytest.raises(ConfigError, match="Onbekend deel 'bijlage'"):
        Filters.from_dict({"parts": ["bijlage"]})
    with pytest.raises(ConfigError, match="Onbekende filter"):
        Filters.from_dict({"auteur": "x"})
    assert Filters.from_dict({"parts": "antwoord"}).parts == ("antwoord",)
    with pytest.raises(ConfigError, match="Ongeldige datum '2024-13-45'"):
        Filters.from_dict({"date_from": "2024-13-45"})
    with pytest.raises(ConfigError, match="omgekeerd"):
        Filters.from_dict({"date_from": "2025", "date_to": "2024"})


def test_filters_say_what_they_are() -> None:
    filters = Filters.from_dict({"doc_types": ["rapport"], "date_from": "2024"})
    assert filters.describe() == "documenttype: rapport; vanaf 2024"


def test_chroma_where_clause() -> None:
    where = Filters(doc_types=("rapport",), date_from="2024", date_to="2024").chroma_where()
    assert where == {"$and": [{"doc_type": {"$in": ["rapport"]}}, {"date_num": {"$gte": 20240000}},
                              {"date_num": {"$lte": 20241231}}]}  # fmt: skip


@pytest.fixture
def retriever(settings: Settings, fake_embedder: FakeEmbedder) -> HybridRetriever:
    build_index(settings, fake_embedder)
    return HybridRetriever(IndexReader(settings, fake_embedder), fake_embedder)


def test_bm25_finds_the_dutch_passage(retriever: HybridRetriever) -> None:
    passages = retriever.retrieve("Hoeveel mobiliteiten kregen in 2025 een beurs?", k=5)
    # distractors sharing "kregen in 2025 een beurs" may rank above it; the default k is 5
    assert any("5171" in p.chunk.text for p in passages)
    assert [p.rank for p in passages] == [1, 2, 3, 4, 5]


@pytest.mark.parametrize(
    ("filters", "check"),
    [
        ({"parts": ["vraag"]}, lambda c: c.part == "vraag"),
        ({"doc_types": ["rapport"]}, lambda c: c.doc_type == "rapport"),
        ({"doc_ids": ["hoger-onderwijs-erasmus.md"]}, lambda c: c.doc_id == "hoger-onderwijs-erasmus.md"),
        ({"date_from": "2025-01-01"}, lambda c: c.date >= "2025"),
        ({"date_to": "2024"}, lambda c: "" < c.date <= "2024-12-31"),
    ],
)
def test_metadata_filters_apply_to_both_signals(retriever: HybridRetriever, filters, check) -> None:  # type: ignore[no-untyped-def]
    passages = retriever.retrieve("beurs studenten mobiliteit leerlingen", k=10, filters=Filters.from_dict(filters))
    assert passages and all(check(p.chunk) for p in passages)


def test_filter_that_matches_nothing_returns_nothing(retriever: HybridRetriever) -> None:
    assert retriever.retrieve("beurs", filters=Filters(doc_ids=("bestaat-niet.txt",))) == []


def test_a_matched_table_row_brings_its_table(settings: Settings, fake_embedder: FakeEmbedder,
                                              tmp_path) -> None:  # type: ignore[no-untyped-def]  # fmt: skip
    (settings.corpus_dir / "monitor.md").write_text(
        "# Monitor\n\nTabel 2: Beurzen per provincie\n\n| Provincie | 2023 |\n|---|---|\n| Antwerpen | 150 |\n"
        "| Limburg | 95 |\n| Namen | 12 |\n", encoding="utf-8")  # fmt: skip
    build_index(settings, fake_embedder)
    retriever = HybridRetriever(IndexReader(settings, fake_embedder), fake_embedder)
    passages = retriever.retrieve("beurzen Limburg provincie 2023", k=3)
    table = next(p for p in passages if p.chunk.doc_id == "monitor.md")
    assert table.chunk.kind == "table" and table.chunk.table is not None
    assert table.rows and table.chunk.table.label(table.rows[0]) == "Limburg"
    assert sum(p.chunk.doc_id == "monitor.md" for p in passages) == 1  # rows fold into their table


def test_the_part_prior_weighs_a_passage_by_its_part(retriever: HybridRetriever) -> None:
    question = "beurs studenten mobiliteit leerlingen"
    plain = retriever.retrieve(question, k=20)
    asked = [p for p in plain if p.chunk.part == "vraag"]
    assert asked, "the fixture corpus has question parts"
    retriever.part_prior = {"vraag": 0.5}
    weighed = {p.chunk.chunk_id: p for p in retriever.retrieve(question, k=20)}
    for p in asked:
        if p.chunk.chunk_id in weighed:
            assert weighed[p.chunk.chunk_id].score == pytest.approx(p.score * 0.5)
    others = [p for p in plain if p.chunk.part != "vraag"]
    assert all(weighed[p.chunk.chunk_id].score == pytest.approx(p.score) for p in others if p.chunk.chunk_id in weighed)
