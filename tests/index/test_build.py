import os
import threading
from pathlib import Path

import pytest

from conftest import FakeEmbedder
from qa_bot.config import Settings
from qa_bot.errors import ConfigError, IndexBusyError, IndexMismatchError, IndexMissingError
from qa_bot.index.build import build_index
from qa_bot.index.reader import IndexReader
from qa_bot.index.store import current_generation, index_lock
from qa_bot.index.vectors import chroma_client, open_collection


def test_build_then_noop_then_change_then_remove(settings: Settings, fake_embedder: FakeEmbedder) -> None:
    first = build_index(settings, fake_embedder)
    assert len(first.added) == 5 and first.chunks > 5 and first.embedded == first.chunks
    gen = current_generation(settings.index_dir)

    again = build_index(settings, fake_embedder)
    assert again.noop and again.embedded == 0
    assert current_generation(settings.index_dir) == gen

    path = settings.corpus_dir / "volwassenenonderwijs-leermobiliteit.txt"
    path.write_text(
        path.read_text(encoding="utf-8") + "\n\nIn 2025 kregen 500 cursisten een beurs.\n", encoding="utf-8"
    )
    changed = build_index(settings, fake_embedder)
    assert changed.changed == ["volwassenenonderwijs-leermobiliteit.txt"]
    assert 0 < changed.embedded < first.embedded  # only the changed document's new chunks
    assert changed.reused_vectors > 0

    (settings.corpus_dir / "europass-certificaatsupplement.txt").unlink()
    removed = build_index(settings, fake_embedder)
    assert removed.removed == ["europass-certificaatsupplement.txt"]
    reader = IndexReader(settings, fake_embedder)
    assert "europass-certificaatsupplement.txt" not in {c.doc_id for c in reader.chunks}
    assert reader.collection.count() == len(reader.chunks)  # no orphan vectors
    assert [p.name for p in settings.index_dir.glob("gen-*")] == [reader.generation]


def test_touching_a_file_does_not_reembed(settings: Settings, fake_embedder: FakeEmbedder) -> None:
    build_index(settings, fake_embedder)
    path = settings.corpus_dir / "hoger-onderwijs-erasmus.md"
    os.utime(path, (1, 1))
    report = build_index(settings, fake_embedder)
    assert report.noop and report.embedded == 0


def test_broken_update_keeps_the_previous_version(settings: Settings, fake_embedder: FakeEmbedder) -> None:
    build_index(settings, fake_embedder)
    (settings.corpus_dir / "nieuw.pdf").write_bytes(b"%PDF-1.4 kapot")
    path = settings.corpus_dir / "hoger-onderwijs-erasmus.md"
    path.write_bytes(b"\xff\xfe kapot")
    report = build_index(settings, fake_embedder)
    assert any(p.startswith("nieuw.pdf: onleesbaar PDF") for p in report.problems)
    assert any("hoger-onderwijs-erasmus.md" in p and "vorige versie" in p for p in report.problems)
    reader = IndexReader(settings, fake_embedder)
    assert any("6240 studenten" in c.text for c in reader.chunks)


def test_leftovers_of_a_killed_run_are_ignored_and_cleaned(settings: Settings, fake_embedder: FakeEmbedder) -> None:
    build_index(settings, fake_embedder)
    reader = IndexReader(settings, fake_embedder)
    # what a run killed before its switch leaves: a half-written generation and stray vectors
    (settings.index_dir / ".gen-99.tmp").mkdir()
    reader.collection.add(ids=["stray"], embeddings=fake_embedder.encode(["6240 studenten"]))
    from qa_bot.retrieve import HybridRetriever

    passages = HybridRetriever(reader, fake_embedder).retrieve("6240 studenten", k=20)
    assert passages and all(p.chunk.chunk_id != "stray" for p in passages)
    (settings.corpus_dir / "extra.txt").write_text("Extra\n\nNieuw document.", encoding="utf-8")
    build_index(settings, fake_embedder)
    assert not (settings.index_dir / ".gen-99.tmp").exists()
    assert IndexReader(settings, fake_embedder).collection.get(ids=["stray"])["ids"] == []


def test_missing_index_tells_which_command_to_run(settings: Settings, fake_embedder: FakeEmbedder) -> None:
    with pytest.raises(IndexMissingError, match="qa-bot index"):
        IndexReader(settings, fake_embedder)


def test_other_model_or_settings_are_detected(settings: Settings, fake_embedder: FakeEmbedder) -> None:
    build_index(settings, fake_embedder)

    class OtherModel(FakeEmbedder):
        name = "ander-model"

    with pytest.raises(IndexMismatchError, match="ander-model"):
        IndexReader(settings, OtherModel())
    with pytest.raises(IndexMismatchError, match="chunk_tokens"):
        IndexReader(settings.replace(chunk_tokens=100), fake_embedder)
    report = build_index(settings, OtherModel())
    assert "model" in report.rebuilt and report.embedded == report.chunks
    IndexReader(settings, OtherModel())  # rebuilt cleanly, one collection only
    client = chroma_client(settings)
    assert len(client.list_collections()) == 1


def test_second_indexing_run_is_refused_while_one_holds_the_lock(
    settings: Settings, fake_embedder: FakeEmbedder
) -> None:
    holding = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with index_lock(settings.index_dir):
            holding.set()
            release.wait(10)

    thread = threading.Thread(target=hold)
    thread.start()
    holding.wait(10)
    try:
        with pytest.raises(IndexBusyError, match="al een indexering"):
            build_index(settings, fake_embedder)
    finally:
        release.set()
        thread.join()
    assert build_index(settings, fake_embedder).chunks > 0


def test_missing_corpus_is_a_clear_error(tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    with pytest.raises(ConfigError, match="bestaat niet"):
        build_index(Settings(corpus_dir=tmp_path / "nergens", index_dir=tmp_path / "i"), fake_embedder)


def test_empty_corpus_gives_an_empty_index(tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    (tmp_path / "c").mkdir()
    settings = Settings(corpus_dir=tmp_path / "c", index_dir=tmp_path / "i")
    assert build_index(settings, fake_embedder).chunks == 0
    assert IndexReader(settings, fake_embedder).chunks == []


def test_chroma_url_must_be_http(settings: Settings) -> None:
    with pytest.raises(ConfigError, match="http://host:poort"):
        chroma_client(settings.replace(chroma_url="localhost:8000"))


def test_vectors_are_ours_not_chromas(settings: Settings, fake_embedder: FakeEmbedder) -> None:
    build_index(settings, fake_embedder)
    reader = IndexReader(settings, fake_embedder)
    collection = open_collection(chroma_client(settings), reader.manifest["collection"])
    assert collection.configuration.get("embedding_function") is None


def test_force_reembeds_everything(settings: Settings, fake_embedder: FakeEmbedder) -> None:
    first = build_index(settings, fake_embedder)
    forced = build_index(settings, fake_embedder, force=True)
    assert forced.rebuilt == "--force"
    assert forced.embedded == first.chunks and forced.reused_vectors == 0
    assert IndexReader(settings, fake_embedder).collection.count() == first.chunks


def test_metadata_tables_and_rows_are_indexed(settings: Settings, fake_embedder: FakeEmbedder) -> None:
    (settings.corpus_dir / "monitor.md").write_text(
        "# Monitor\n\nTabel 2: Beurzen per provincie\n\n| Provincie | 2023 |\n|---|---|\n| Antwerpen | 150 |\n"
        "| Limburg | 95 |\n", encoding="utf-8")  # fmt: skip
    build_index(settings, fake_embedder)
    reader = IndexReader(settings, fake_embedder)
    meta = reader.doc_meta("beroepsopleidingen-slechte-leermobiliteit.txt")
    assert meta["title"] == "Beroepsopleidingen - Slechte leermobiliteit" and meta["doc_type"] == "schriftelijke vraag"
    kinds = [c.kind for c in reader.chunks if c.doc_id == "monitor.md"]
    assert kinds.count("table") == 1 and kinds.count("row") == 2
    table = next(c for c in reader.chunks if c.doc_id == "monitor.md" and c.kind == "table")
    assert table.table is not None and table.table.caption.startswith("Tabel 2")
    assert reader.summary()["tables"] == 1 and reader.summary()["model"] == fake_embedder.name
