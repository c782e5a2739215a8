"""The library entry point: ``QaBot(settings).ask(question)`` → :class:`Answer`.

The CLI, the JSON API and the Gradio UI are thin layers over this class. It loads the
embedder and the index once, on first use, and can be shared between threads.
"""

from __future__ import annotations

import functools
import threading
import time
from typing import Any

from qa_bot.answer import Composer, stems_of
from qa_bot.config import Settings
from qa_bot.embedding import Embedder, SentenceTransformerEmbedder
from qa_bot.errors import InvalidQuestionError
from qa_bot.index import IndexReader, IndexReport, build_index
from qa_bot.retrieve import Filters, HybridRetriever
from qa_bot.text import detect_language
from qa_bot.types import Answer

__version__ = "0.1.0"


def validate_question(question: object, max_chars: int) -> str:
    """The question, stripped; an :class:`InvalidQuestionError` for empty or over-long input."""
    if not isinstance(question, str) or not question.strip():
        raise InvalidQuestionError("Stel een vraag: het vraagveld is leeg.")
    text = question.strip()
    if len(text) > max_chars:
        raise InvalidQuestionError(
            f"De vraag is te lang ({len(text)} tekens; maximaal {max_chars}). Stel een kortere vraag."
        )
    return text


class QaBot:
    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self.embedder: Embedder = embedder or SentenceTransformerEmbedder(settings.model_path, settings.device)
        self._reader: IndexReader | None = None
        self._lock = threading.Lock()

    # -- index
    def index(self, *, progress: bool = False, wait: bool = False, force: bool = False) -> IndexReport:
        report = build_index(self.settings, self.embedder, progress=progress, wait=wait, force=force)
        with self._lock:
            if self._reader is None or self._reader.generation != report.generation:
                self._reader = None
        return report

    @property
    def reader(self) -> IndexReader:
        with self._lock:
            if self._reader is None:
                self._reader = IndexReader(self.settings, self.embedder)
                self._doc_terms.cache_clear()
            return self._reader

    @functools.lru_cache(maxsize=4096)  # noqa: B019 — one QaBot per process; cleared with a new reader
    def _doc_terms(self, doc_id: str) -> frozenset[str]:
        reader = self.reader
        return frozenset().union(*(stems_of(reader.chunks[i].text) for i in reader.by_doc.get(doc_id, ())))

    def _knows(self, forms: frozenset[str]) -> bool:
        vocabulary = self.reader.vocabulary
        if forms & vocabulary:
            return True
        return any(form in term for form in forms if len(form) >= 4 for term in vocabulary)

    # -- ask
    def ask(self, question: str, filters: Filters | dict[str, Any] | None = None, k: int | None = None) -> Answer:
        text = validate_question(question, self.settings.max_question_chars)
        if not isinstance(filters, Filters):
            filters = Filters.from_dict(filters)
        started = time.perf_counter()
        reader = self.reader
        language = detect_language(text)
        retriever = HybridRetriever(reader, self.embedder, self.settings.bm25_weight, self.settings.dense_weight)
        passages = retriever.retrieve(text, k or self.settings.top_k, filters, language)
        retrieved = time.perf_counter()
        composer = Composer(self.settings.min_coverage, self._doc_terms, self._knows)
        answer = composer.compose(text, passages, language)
        done = time.perf_counter()
        answer.timings = {**retriever.last_timings, "retrieve": retrieved - started,
                          "compose": done - retrieved, "total": done - started}  # fmt: skip
        return answer

    def warm_up(self) -> None:
        """Load the index and the model now, so the first question is not slow."""
        _ = self.reader.vocabulary
        self.embedder.encode(["opwarmen"])

    def health(self) -> dict[str, Any]:
        reader = self.reader
        return {"status": "ok", "version": __version__, "index": reader.summary(), "model": reader.model}
