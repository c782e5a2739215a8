"""Vectors in Chroma (embedded, or a ``chroma run`` server): access, storage, garbage.

Vector ids are chunk ids, which are content hashes: a vector written by a killed run is
simply reused by the next, and vectors that only a dead run knows are ignored (every
dense hit is looked up in the live generation) until the next successful run deletes them.
"""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import urlparse

from qa_bot.config import Settings, force_offline
from qa_bot.errors import ConfigError
from qa_bot.index.embedding import Embedder
from qa_bot.index.store import crash_point
from qa_bot.types import Chunk

EMBED_BATCH = 128  # vectors are stored per batch: a killed run keeps what it embedded


def chroma_client(settings: Settings):  # type: ignore[no-untyped-def]
    force_offline()
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        if url.scheme not in ("http", "https") or not url.hostname:
            raise ConfigError(f"QA_BOT_CHROMA_URL={settings.chroma_url!r}: verwacht http://host:poort")
        return chromadb.HttpClient(
            host=url.hostname, port=url.port or 8000, ssl=url.scheme == "https", settings=chroma_settings
        )
    path = settings.index_dir / "chroma"
    path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(path), settings=chroma_settings)


def open_collection(client, name: str):  # type: ignore[no-untyped-def]
    # embedding_function=None: chromadb's default would download an ONNX model.
    return client.get_or_create_collection(name, embedding_function=None, configuration={"hnsw": {"space": "cosine"}})


def date_number(date: str) -> int:
    """'2025-03-14' → 20250314; '2025' → 20250000; unknown → 0 (for range filters)."""
    digits = "".join(ch for ch in date if ch.isdigit())[:8]
    return int(digits.ljust(8, "0")) if len(digits) >= 4 else 0


def chunk_metadata(chunk: Chunk) -> dict[str, Any]:
    return {
        "doc_id": chunk.doc_id,
        "part": chunk.part,
        "doc_type": chunk.doc_type or "",
        "date_num": date_number(chunk.date),
        "page": chunk.page or 0,
        "kind": chunk.kind,
    }


def embedding_text(chunk: Chunk) -> str:
    """What the embedder sees: a text chunk with its document title as context. A numbered
    answer's question is not embedded with it: its words reach BM25 (``store.py``), where
    they help an answer that does not repeat them, without making the answer as similar to a
    question as the question itself (it then outranked the tables that answer)."""
    return f"{chunk.title}. {chunk.text}" if chunk.kind == "text" and chunk.title else chunk.text


def store_vectors(collection, embedder: Embedder, chunks: list[Chunk], progress: bool,  # type: ignore[no-untyped-def]
                  phases: dict[str, float] | None = None, reuse: bool = True) -> tuple[int, int]:  # fmt: skip
    """Embed and upsert the chunks whose vectors are not stored yet (all of them without ``reuse``)."""
    unique = list({c.chunk_id: c for c in chunks}.values())
    present: set[str] = set()
    for i in range(0, len(unique), 5000) if reuse else ():
        present.update(collection.get(ids=[c.chunk_id for c in unique[i : i + 5000]], include=[])["ids"])
    # Similar lengths in one batch means little padding: the model pads to the longest text.
    todo = sorted((c for c in unique if c.chunk_id not in present), key=lambda c: len(c.text))
    bar = None
    if progress and todo:
        from tqdm import tqdm

        bar = tqdm(total=len(todo), unit="chunk", desc="Embedden")
    for i in range(0, len(todo), EMBED_BATCH):
        if i:
            crash_point("mid-embedding")
        batch = todo[i : i + EMBED_BATCH]
        mark = time.perf_counter()
        vectors = embedder.encode([embedding_text(c) for c in batch])
        if phases is not None:
            phases["encode"] = phases.get("encode", 0.0) + time.perf_counter() - mark
        collection.upsert(
            ids=[c.chunk_id for c in batch],
            embeddings=vectors,
            metadatas=[chunk_metadata(c) for c in batch],
        )
        if bar:
            bar.update(len(batch))
    if bar:
        bar.close()
    return len(todo), len(unique) - len(todo)


def collect_garbage(client, collection, name: str, live: set[str]) -> None:  # type: ignore[no-untyped-def]
    """Delete vectors no live chunk uses, and collections of other models or settings."""
    stored = collection.get(include=[])["ids"]
    dead = [i for i in stored if i not in live]
    for i in range(0, len(dead), 5000):
        collection.delete(ids=dead[i : i + 5000])
    for other in client.list_collections():
        other_name = other if isinstance(other, str) else other.name
        if other_name.startswith("qa-bot-") and other_name != name:
            client.delete_collection(other_name)
