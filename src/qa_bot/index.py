"""The persisted index: Chroma vectors + BM25 + chunk store + manifest.

Layout of ``index/``::

    CURRENT            name of the live generation (replaced atomically)
    gen-000007/        manifest.json, chunks.jsonl, bm25/  (never modified once live)
    chroma/            embedded Chroma (absent with QA_BOT_CHROMA_URL)
    .lock              held while indexing

Crash safety: a run writes vectors first (ids are content hashes, so a vector written
by a killed run is simply reused by the next), then a complete new generation folder,
and only then points ``CURRENT`` at it with ``os.replace``. Until that instant readers
use the previous generation; vectors that only a dead run knows are ignored, because
every dense hit is looked up in the live generation's chunk store, and are deleted by
the next successful run.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import functools
import hashlib
import json
import logging
import os
import shutil
import signal
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import numpy as np

from qa_bot.chunking import chunk_document
from qa_bot.config import Settings, force_offline
from qa_bot.embedding import Embedder
from qa_bot.errors import ConfigError, DocumentError, IndexBusyError, IndexMismatchError, IndexMissingError
from qa_bot.ingest import corpus_files, file_hash, read_document
from qa_bot.structure import split_parts
from qa_bot.text import bm25_tokens
from qa_bot.types import Chunk

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
EMBED_BATCH = 128  # vectors are stored per batch: a killed run keeps what it embedded


@dataclass
class IndexReport:
    documents: int = 0
    parts: int = 0
    chunks: int = 0
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    embedded: int = 0
    reused_vectors: int = 0
    problems: list[str] = field(default_factory=list)
    rebuilt: str = ""  # why a full rebuild happened
    seconds: float = 0.0
    generation: str = ""
    phases: dict[str, float] = field(default_factory=dict)  # seconds per stage

    @property
    def noop(self) -> bool:
        return not (self.added or self.changed or self.removed or self.rebuilt)

    def to_dict(self) -> dict[str, Any]:
        return {**asdict(self), "noop": self.noop}


def fingerprint(embedder_name: str, dim: int, settings: Settings) -> dict[str, Any]:
    """Everything that makes vectors or chunks incompatible with another index."""
    return {
        "schema_version": SCHEMA_VERSION,
        "model": embedder_name,
        "dim": dim,
        "chunk_tokens": settings.chunk_tokens,
        "overlap_sentences": settings.chunk_overlap_sentences,
    }


def collection_name(fp: dict[str, Any]) -> str:
    digest = hashlib.sha1(json.dumps(fp, sort_keys=True).encode()).hexdigest()[:12]
    return f"qa-bot-{digest}"


# ---------------------------------------------------------------- chroma access


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


def chunk_metadata(chunk: Chunk) -> dict[str, Any]:
    return {
        "doc_id": chunk.doc_id,
        "part": chunk.part,
        "doc_type": chunk.doc_type or "",
        "date_num": date_number(chunk.date),
        "page": chunk.page or 0,
    }


def date_number(date: str) -> int:
    """'2025-03-14' → 20250314; '2025' → 20250000; unknown → 0 (for range filters)."""
    digits = "".join(ch for ch in date if ch.isdigit())[:8]
    return int(digits.ljust(8, "0")) if len(digits) >= 4 else 0


def crash_point(name: str) -> None:
    """Fault injection for the kill tests: ``QA_BOT_CRASH_AT=name`` SIGKILLs the process here."""
    if os.environ.get("QA_BOT_CRASH_AT") == name:
        os.kill(os.getpid(), signal.SIGKILL)


# ---------------------------------------------------------------- locking


@contextlib.contextmanager
def index_lock(index_dir: Path, wait: bool = False) -> Iterator[None]:
    index_dir.mkdir(parents=True, exist_ok=True)
    with (index_dir / ".lock").open("a") as handle:
        flags = fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB)
        try:
            fcntl.flock(handle, flags)
        except OSError as exc:
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                raise IndexBusyError(
                    f"Er loopt al een indexering op {index_dir}. Wacht tot die klaar is (of gebruik --wait)."
                ) from None
            raise
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


# ---------------------------------------------------------------- generations


def current_generation(index_dir: Path) -> Path | None:
    pointer = index_dir / "CURRENT"
    if not pointer.exists():
        return None
    gen = index_dir / pointer.read_text().strip()
    return gen if (gen / "manifest.json").exists() else None


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_file(path: Path, data: str) -> None:
    with path.open("w", encoding="utf-8") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def read_chunks(gen: Path) -> list[Chunk]:
    with (gen / "chunks.jsonl").open(encoding="utf-8") as handle:
        return [Chunk.from_dict(json.loads(line)) for line in handle if line.strip()]


def read_manifest(gen: Path) -> dict[str, Any]:
    return dict(json.loads((gen / "manifest.json").read_text(encoding="utf-8")))


def _commit_generation(index_dir: Path, manifest: dict[str, Any], chunks: list[Chunk]) -> str:
    import bm25s

    logging.getLogger("bm25s").setLevel(logging.WARNING)

    number = int(time.time() * 1000)
    name = f"gen-{number}"
    tmp = index_dir / f".{name}.tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    tmp.mkdir(parents=True)
    _write_file(tmp / "chunks.jsonl", "".join(json.dumps(c.to_dict(), ensure_ascii=False) + "\n" for c in chunks))
    if chunks:
        bm25 = bm25s.BM25()
        bm25.index([bm25_tokens(c.text) or ["\u2205"] for c in chunks], show_progress=False)
        bm25.save(str(tmp / "bm25"), show_progress=False)
    _write_file(tmp / "manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1))
    crash_point("generation-written")
    _fsync_dir(tmp)
    os.replace(tmp, index_dir / name)
    _fsync_dir(index_dir)
    pointer_tmp = index_dir / "CURRENT.tmp"
    _write_file(pointer_tmp, name + "\n")
    os.replace(pointer_tmp, index_dir / "CURRENT")  # the switch: atomic on POSIX
    _fsync_dir(index_dir)
    return name


def _stale_entries(index_dir: Path, keep: str | None) -> list[Path]:
    """Generations other than the live one, and half-written ones of killed runs."""
    return [
        path
        for path in index_dir.iterdir()
        if (path.name.startswith("gen-") and path.name != keep)
        or (path.name.startswith(".gen-") and path.name.endswith(".tmp"))
    ]


def _remove_stale(index_dir: Path, keep: str | None) -> None:
    for path in _stale_entries(index_dir, keep):
        shutil.rmtree(path, ignore_errors=True)


# ---------------------------------------------------------------- building


def build_index(
    settings: Settings,
    embedder: Embedder,
    *,
    progress: bool = False,
    wait: bool = False,
    force: bool = False,
) -> IndexReport:
    """Bring ``settings.index_dir`` up to date with ``settings.corpus_dir``.

    Only new or changed files are read and embedded; a no-op run touches nothing.
    """
    started = time.perf_counter()
    report = IndexReport()
    index_dir = settings.index_dir
    corpus_dir = settings.corpus_dir
    if not corpus_dir.is_dir():
        raise ConfigError(f"Corpusmap {corpus_dir} bestaat niet.")
    with index_lock(index_dir, wait=wait):
        fp = fingerprint(embedder.name, embedder.dim, settings)
        fp["chroma"] = settings.chroma_url or "embedded"
        gen = current_generation(index_dir)
        old_manifest = read_manifest(gen) if gen else None
        old_files: dict[str, Any] = {}
        if old_manifest is not None and gen is not None:
            if old_manifest.get("fingerprint") != fp:
                report.rebuilt = _describe_change(old_manifest.get("fingerprint", {}), fp)
                log.warning("Volledige herbouw: %s", report.rebuilt)
            elif not force:
                old_files = old_manifest["files"]
        if force and not report.rebuilt:
            report.rebuilt = "--force"

        files: dict[str, Any] = {}
        to_read: list[tuple[Path, str, os.stat_result, str]] = []
        for path in corpus_files(corpus_dir):
            doc_id = path.relative_to(corpus_dir).as_posix()
            stat = path.stat()
            old = old_files.get(doc_id)
            if old and old["size"] == stat.st_size and old["mtime_ns"] == stat.st_mtime_ns:
                files[doc_id] = old
                continue
            digest = file_hash(path)
            if old and old["sha256"] == digest:
                files[doc_id] = {**old, "mtime_ns": stat.st_mtime_ns}
                continue
            to_read.append((path, doc_id, stat, digest))
        report.removed = sorted(set(old_files) - {d for d in files} - {d for _, d, _, _ in to_read})
        report.unchanged = len(files)

        report.phases["scan"] = time.perf_counter() - started
        new_chunks: dict[str, list[Chunk]] = {}
        for path, doc_id, stat, digest in to_read:
            try:
                doc = read_document(path, corpus_dir)
            except DocumentError as problem:
                report.problems.append(str(problem))
                log.warning("Overgeslagen: %s", problem)
                if doc_id in old_files:  # keep the last good version rather than lose it
                    files[doc_id] = old_files[doc_id]
                    report.problems[-1] += " (vorige versie blijft in de index)"
                continue
            parts = split_parts(doc)
            chunks = chunk_document(
                doc, parts, settings.chunk_tokens, settings.chunk_overlap_sentences, embedder.count_tokens
            )
            new_chunks[doc_id] = chunks
            files[doc_id] = {
                "sha256": digest,
                "size": stat.st_size,
                "mtime_ns": stat.st_mtime_ns,
                "title": doc.title,
                "doc_type": doc.doc_type,
                "parts": [p.label for p in parts],
                "chunks": len(chunks),
            }
            (report.changed if doc_id in old_files else report.added).append(doc_id)

        report.documents = len(files)
        report.parts = sum(len(f["parts"]) for f in files.values())
        report.chunks = sum(int(f["chunks"]) for f in files.values())
        if report.noop and gen is not None:
            if old_files != files:  # only mtimes moved: record them so the next run skips hashing
                _write_file(gen / "manifest.json.tmp", json.dumps({**old_manifest, "files": files}, indent=1))
                os.replace(gen / "manifest.json.tmp", gen / "manifest.json")
            if _stale_entries(index_dir, gen.name):  # a run was killed after its switch: finish its cleanup
                client = chroma_client(settings)
                live = {c.chunk_id for c in read_chunks(gen)}
                _collect_garbage(client, open_collection(client, old_manifest["collection"]),
                                 old_manifest["collection"], live)  # fmt: skip
                _remove_stale(index_dir, gen.name)
            report.generation = gen.name
            report.seconds = time.perf_counter() - started
            return report

        report.phases["read+chunk"] = time.perf_counter() - started - report.phases["scan"]
        # Only now, with something to change, are the old chunks read (a no-op run skips this).
        old_chunks: dict[str, list[Chunk]] = {}
        if old_files and gen is not None:
            for chunk in read_chunks(gen):
                old_chunks.setdefault(chunk.doc_id, []).append(chunk)
        all_chunks = [c for d in sorted(files) for c in new_chunks.get(d, old_chunks.get(d, []))]
        client = chroma_client(settings)
        name = collection_name(fp)
        collection = open_collection(client, name)
        fresh = [c for chunks in new_chunks.values() for c in chunks]
        mark = time.perf_counter()
        report.embedded, report.reused_vectors = _store_vectors(collection, embedder, fresh, progress,
                                                                report.phases, reuse=not force)  # fmt: skip
        report.phases["embed+store"] = time.perf_counter() - mark
        crash_point("vectors-stored")

        manifest = {
            "fingerprint": fp,
            "collection": name,
            "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "files": files,
            "counts": {"documents": report.documents, "parts": report.parts, "chunks": report.chunks},
        }
        mark = time.perf_counter()
        report.generation = _commit_generation(index_dir, manifest, all_chunks)
        report.phases["bm25+commit"] = time.perf_counter() - mark
        crash_point("switched")
        mark = time.perf_counter()
        _collect_garbage(client, collection, name, {c.chunk_id for c in all_chunks})
        _remove_stale(index_dir, report.generation)
        report.phases["cleanup"] = time.perf_counter() - mark
    report.seconds = time.perf_counter() - started
    return report


def _describe_change(old: dict[str, Any], new: dict[str, Any]) -> str:
    changed = [f"{k}: {old.get(k)!r} → {new.get(k)!r}" for k in new if old.get(k) != new.get(k)]
    return "gewijzigd " + "; ".join(changed) if changed else "nieuw formaat"


def _store_vectors(collection, embedder: Embedder, chunks: list[Chunk], progress: bool,  # type: ignore[no-untyped-def]
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
        vectors = embedder.encode([c.text for c in batch])
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


def _collect_garbage(client, collection, name: str, live: set[str]) -> None:  # type: ignore[no-untyped-def]
    stored = collection.get(include=[])["ids"]
    dead = [i for i in stored if i not in live]
    for i in range(0, len(dead), 5000):
        collection.delete(ids=dead[i : i + 5000])
    for other in client.list_collections():
        other_name = other if isinstance(other, str) else other.name
        if other_name.startswith("qa-bot-") and other_name != name:
            client.delete_collection(other_name)


# ---------------------------------------------------------------- reading


class IndexReader:
    """The live generation, loaded once: chunks, BM25 and the Chroma collection."""

    def __init__(self, settings: Settings, embedder: Embedder) -> None:
        import bm25s

        gen = current_generation(settings.index_dir)
        if gen is None:
            raise IndexMissingError(f"Geen index in {settings.index_dir}/. Draai eerst: qa-bot index")
        self.generation = gen.name
        self.manifest = read_manifest(gen)
        expected = fingerprint(embedder.name, embedder.dim, settings)
        stored = {k: v for k, v in self.manifest["fingerprint"].items() if k != "chroma"}
        if stored != expected:
            raise IndexMismatchError(
                f"De index is gebouwd met andere instellingen ({_describe_change(stored, expected)}). "
                "Draai: qa-bot index"
            )
        if self.manifest["fingerprint"].get("chroma") != (settings.chroma_url or "embedded"):
            raise IndexMismatchError(
                "De index hoort bij een andere Chroma (QA_BOT_CHROMA_URL gewijzigd). Draai: qa-bot index"
            )
        self.chunks = read_chunks(gen)
        self.position = {c.chunk_id: i for i, c in enumerate(self.chunks)}
        self.by_doc: dict[str, list[int]] = {}
        for i, c in enumerate(self.chunks):
            self.by_doc.setdefault(c.doc_id, []).append(i)
        self.bm25 = bm25s.BM25.load(str(gen / "bm25"), show_progress=False) if self.chunks else None
        self.collection = open_collection(chroma_client(settings), self.manifest["collection"])
        self.doc_types = np.array([c.doc_type for c in self.chunks], dtype=object)
        self.parts = np.array([c.part for c in self.chunks], dtype=object)
        self.doc_ids = np.array([c.doc_id for c in self.chunks], dtype=object)
        self.dates = np.array([date_number(c.date) for c in self.chunks], dtype=np.int64)

    @functools.cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every content word of the corpus (folded stems, from the BM25 vocabulary), for
        'does the corpus know this name at all?'."""
        import re

        if self.bm25 is None:
            return frozenset()
        return frozenset(re.sub(r"([aeiou])\1", r"\1", term) for term in self.bm25.vocab_dict)

    @property
    def model(self) -> str:
        return str(self.manifest["fingerprint"]["model"])

    def summary(self) -> dict[str, Any]:
        return {
            "generation": self.generation,
            "created": self.manifest.get("created"),
            "model": self.model,
            **self.manifest["counts"],
        }
