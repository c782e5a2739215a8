"""Reading the live index generation: chunks, BM25, document metadata and the Chroma collection."""

from __future__ import annotations

import functools
from typing import Any

import numpy as np

from qa_bot.config import Settings
from qa_bot.errors import IndexMismatchError, IndexMissingError
from qa_bot.index.build import describe_change, fingerprint
from qa_bot.index.embedding import Embedder
from qa_bot.index.store import current_generation, read_chunks, read_manifest
from qa_bot.index.vectors import chroma_client, date_number, open_collection


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
                f"De index is gebouwd met andere instellingen ({describe_change(stored, expected)}). "
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
        # A row unit points at its table chunk; answers and citations use the table.
        self.parent = np.array([self.position.get(c.parent, i) if c.kind == "row" else i
                                for i, c in enumerate(self.chunks)], dtype=np.int64)  # fmt: skip

    def doc_meta(self, doc_id: str) -> dict[str, str]:
        entry = self.manifest["files"].get(doc_id, {})
        return {"title": entry.get("title", ""), "doc_type": entry.get("doc_type", ""), **entry.get("meta", {})}

    @functools.cached_property
    def vocabulary(self) -> frozenset[str]:
        """Every key of the corpus (from the BM25 vocabulary): 'does the corpus know this name at all?'."""
        if self.bm25 is None:
            return frozenset()
        return frozenset(self.bm25.vocab_dict)

    @functools.cached_property
    def title_acronyms(self) -> frozenset[str]:
        """Keys of the acronyms the documents' titles spell out ("Sociale Zaken en Werkgelegenheid"
        → szw): a question that says "SZW" names something the corpus knows."""
        from qa_bot.read.text import acronyms, keys

        return frozenset(k for doc_id in self.by_doc for a in acronyms(self.doc_meta(doc_id)["title"]) for k in keys(a))

    @functools.cached_property
    def abbreviations(self) -> dict[str, str]:
        """The abbreviations the documents define ("begrotingsaanpassing (BA)"), each with its
        long form: the first definition in the corpus counts."""
        from qa_bot.read.text import abbreviations

        found: dict[str, str] = {}
        for indices in self.by_doc.values():
            for i in indices:
                for abbr, long_form in abbreviations(self.chunks[i].text).items():
                    found.setdefault(abbr, long_form)
        return found

    @functools.cached_property
    def document_frequency(self) -> dict[str, int]:
        """Key → number of documents containing it (for weighting a question's terms)."""
        from qa_bot.read.text import keys

        counts: dict[str, int] = {}
        for doc_id, indices in self.by_doc.items():
            seen: set[str] = set()
            for i in indices:
                seen |= keys(self.chunks[i].text)
            seen |= keys(self.doc_meta(doc_id).get("title", ""))
            for k in seen:
                counts[k] = counts.get(k, 0) + 1
        return counts

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


