"""Building the index: ``build_index`` brings ``index/`` up to date with ``corpus/``.

Only new or changed files are read and embedded; a no-op run touches nothing. Vectors
are written first (vectors.py), then a complete new generation, then the switch
(store.py), then garbage is collected: a SIGKILL at any moment leaves the previous index
answering, and the next run finishes without manual cleanup.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from qa_bot.config import Settings
from qa_bot.errors import ConfigError, DocumentError
from qa_bot.index.embedding import Embedder
from qa_bot.index.store import (
    commit_generation,
    crash_point,
    current_generation,
    index_lock,
    read_chunks,
    read_manifest,
    remove_stale,
    stale_entries,
    update_manifest,
)
from qa_bot.index.vectors import chroma_client, collect_garbage, open_collection, store_vectors
from qa_bot.read.chunking import chunk_document
from qa_bot.read.files import META_KEYS, corpus_files, file_hash, read_document
from qa_bot.read.structure import split_parts
from qa_bot.types import Chunk

log = logging.getLogger(__name__)

SCHEMA_VERSION = 8  # 2: tables (table and row chunks), lemmatised BM25 with document metadata; 3: paragraph-aware chunks; 4: repaired text (glue, hyphens, footnote marks), numbered Q/A pairs with their question as context; 5: sentence spans stored with each chunk; 6: PDF line tables, running-head page numbers dropped; 7: OCR-split leading groups of spaced table amounts, no sentence starts in lower case after an abbreviation; 8: run-on answer headers ("Antwoord van Staatssecretaris …") open the answer, one answer to "2 en 3", no sentence end after a currency mark before its amount ("Hfl. 1 miljoen")


@dataclass
class IndexReport:
    documents: int = 0
    parts: int = 0
    chunks: int = 0
    tables: int = 0
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
    model: str = ""
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


def describe_change(old: dict[str, Any], new: dict[str, Any]) -> str:
    changed = [f"{k}: {old.get(k)!r} → {new.get(k)!r}" for k in new if old.get(k) != new.get(k)]
    return "gewijzigd " + "; ".join(changed) if changed else "nieuw formaat"


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
    report = IndexReport(model=embedder.name)
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
                report.rebuilt = describe_change(old_manifest.get("fingerprint", {}), fp)
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
        report.removed = sorted(set(old_files) - set(files) - {d for _, d, _, _ in to_read})
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
                "meta": {k: v for k, v in doc.metadata.items() if k in META_KEYS},
                "parts": [p.label for p in parts],
                "chunks": len(chunks),
                "tables": len(doc.tables),
            }
            (report.changed if doc_id in old_files else report.added).append(doc_id)

        report.documents = len(files)
        report.parts = sum(len(f["parts"]) for f in files.values())
        report.chunks = sum(int(f["chunks"]) for f in files.values())
        report.tables = sum(int(f.get("tables", 0)) for f in files.values())
        if report.noop and gen is not None and old_manifest is not None:
            if old_files != files:  # only mtimes moved: record them so the next run skips hashing
                update_manifest(gen, {**old_manifest, "files": files})
            if stale_entries(index_dir, gen.name):  # a run was killed after its switch: finish its cleanup
                client = chroma_client(settings)
                live = {c.chunk_id for c in read_chunks(gen)}
                collect_garbage(client, open_collection(client, old_manifest["collection"]),
                                old_manifest["collection"], live)  # fmt: skip
                remove_stale(index_dir, gen.name)
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
        report.embedded, report.reused_vectors = store_vectors(collection, embedder, fresh, progress,
                                                               report.phases, reuse=not force)  # fmt: skip
        report.phases["embed+store"] = time.perf_counter() - mark
        crash_point("vectors-stored")

        manifest = {
            "fingerprint": fp,
            "collection": name,
            "created": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
            "files": files,
            "counts": {"documents": report.documents, "parts": report.parts, "chunks": report.chunks,
                       "tables": report.tables},  # fmt: skip
        }
        mark = time.perf_counter()
        report.generation = commit_generation(index_dir, manifest, all_chunks)
        report.phases["bm25+commit"] = time.perf_counter() - mark
        crash_point("switched")
        mark = time.perf_counter()
        collect_garbage(client, collection, name, {c.chunk_id for c in all_chunks})
        remove_stale(index_dir, report.generation)
        report.phases["cleanup"] = time.perf_counter() - mark
    report.seconds = time.perf_counter() - started
    return report
