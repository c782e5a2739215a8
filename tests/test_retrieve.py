import pytest

from conftest import FakeEmbedder
from qa_bot.config import Settings
from qa_bot.errors import ConfigError
from qa_bot.index import IndexReader, build_index
from qa_bot.retrieve import Filters, HybridRetriever, reciprocal_rank_fusion, weighted_fusion


def test_weighted_fusion_scales_each_list_to_its_best() -> None:
    fused = weighted_fusion({1: 10.0, 2: 5.0}, {2: 0.8, 3: 0.4}, 1.0, 0.5)
    assert fused == pytest.approx({1: 1.0, 2: 0.5 + 0.5, 3: 0.25})


def test_weighted_fusion_with_empty_lists() -> None:
    assert weighted_fusion({}, {}, 1.0, 0.3) == {}
    assert weighted_fusion({1: 2.0}, {}, 1.0, 0.3) == {1: 1.0}


def test_lexical_lead_beats_dense_only_hit() -> None:
    fused = weighted_fusion({1: 3.0}, {2: 0.9, 1: 0.1}, 1.0, 0.3)
    assert fused[1] > fused[2]


def test_reciprocal_rank_fusion() -> None:
    fused = reciprocal_rank_fusion([[1, 2], [2, 3]], [1.0, 1.0], k=60)
    assert fused[2] == pytest.approx(1 / 62 + 1 / 61)
    assert max(fused, key=fused.get) == 2


def test_filters_validate_their_input() -> None:
    with pytest.raises(ConfigError, match="Onbekend deel 'bijlage'"):
        Filters.from_dict({"parts": ["bijlage"]})
    with pytest.raises(ConfigError, match="Onbekende filter"):
        Filters.from_dict({"auteur": "x"})
    assert Filters.from_dict({"parts": "antwoord"}).parts == ("antwoord",)


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
