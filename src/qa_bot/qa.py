"""The library entry point: ``QaBot(settings).ask(question)`` → :class:`Answer`.

The CLI, the JSON API and the Gradio UI are thin layers over this class. It loads the
embedder and the index once, on first use, and can be shared between threads.
"""

from __future__ import annotations

import functools
import re
import threading
import time
import uuid
from collections import OrderedDict
from typing import Any

from qa_bot import __version__  # noqa: F401 — re-exported for the API and health
from qa_bot.answer import Composer, Reason, abstain
from qa_bot.answer.analysis import analyze, idf_from, is_follow_up, resolve_follow_up, with_abbreviations
from qa_bot.answer.matching import term_matches, text_keys, title_named
from qa_bot.answer.question import QuestionAnalysis
from qa_bot.config import Settings
from qa_bot.errors import InvalidQuestionError
from qa_bot.index.build import IndexReport, build_index
from qa_bot.index.embedding import Embedder, make_embedder
from qa_bot.index.reader import IndexReader
from qa_bot.read.text import detect_language, key
from qa_bot.retrieve import Filters, HybridRetriever, make_fusion
from qa_bot.types import Answer

COMPOSE_PASSAGES = 8  # passages the composer weighs (the first ``k`` are shown and scored as retrieval)
ANSWER_MEMORY = 2000  # answers remembered for feedback by id


_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]")


def validate_question(question: object, max_chars: int) -> str:
    """The question, cleaned; an :class:`InvalidQuestionError` for empty, over-long or
    malformed input (control characters and zero-width characters alone are empty; a lone
    surrogate is not text)."""
    if not isinstance(question, str):
        raise InvalidQuestionError("Stel een vraag: het vraagveld is leeg.")
    try:
        question.encode("utf-8")
    except UnicodeEncodeError:
        raise InvalidQuestionError("De vraag bevat ongeldige tekens (geen geldige Unicode-tekst).") from None
    text = _INVISIBLE.sub("", question).strip()
    if not text:
        raise InvalidQuestionError("Stel een vraag: het vraagveld is leeg.")
    if len(text) > max_chars:
        raise InvalidQuestionError(
            f"De vraag is te lang ({len(text)} tekens; maximaal {max_chars}). Stel een kortere vraag."
        )
    return text


# a word and the year (or range of years) printed right after it: "begrotingsaanpassing 2025", "BA2026", "oproepen 2021-2024"
_DATED_WORD = re.compile(r"([^\W\d_][\w-]*?)[ \t]*((?:19|20)\d{2})(?:[ \t]*[-–/][ \t]*((?:19|20)\d{2}))?(?!\d)")


class QaBot:
    def __init__(self, settings: Settings, embedder: Embedder | None = None) -> None:
        self.settings = settings
        self.embedder: Embedder = embedder or make_embedder(settings)
        self._reader: IndexReader | None = None
        self._lock = threading.Lock()
        self._answers: OrderedDict[str, Answer] = OrderedDict()

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
                self._doc_keys.cache_clear()
                self._doc_dated.cache_clear()
            return self._reader

    @functools.lru_cache(maxsize=4096)  # noqa: B019 — one QaBot per process; cleared with a new reader
    def _doc_keys(self, doc_id: str, part: str = "") -> frozenset[str]:
        """Every key of a document, or of one of its parts (its question, its answer)."""
        reader = self.reader
        chunks = [reader.chunks[i] for i in reader.by_doc.get(doc_id, ())]
        return frozenset().union(*(text_keys(c.text) for c in chunks if not part or c.part == part))

    @functools.lru_cache(maxsize=4096)  # noqa: B019 — one QaBot per process; cleared with a new reader
    def _doc_dated(self, doc_id: str) -> frozenset[tuple[str, str]]:
        """Every word of a document with the year printed right after it, as (key, year):
        "begrotingsaanpassing 2025", "BA2026"; a range gives each of its years ("oproepen
        2021-2024")."""
        reader = self.reader
        pairs: set[tuple[str, str]] = set()
        for i in reader.by_doc.get(doc_id, ()):
            for m in _DATED_WORD.finditer(reader.chunks[i].text):
                first = int(m.group(2))
                last = int(m.group(3)) if m.group(3) and 0 < int(m.group(3)) - first <= 10 else first
                pairs |= {(key(m.group(1).lower()), str(year)) for year in range(first, last + 1)}
        return frozenset(pairs)

    def _knows(self, forms: frozenset[str]) -> bool:
        vocabulary = self.reader.vocabulary
        if forms & vocabulary or forms & self.reader.title_acronyms:
            return True
        return any(form in term for form in forms if len(form) >= 4 for term in vocabulary)

    def analyze(self, question: str, previous: str | None = None) -> tuple[QuestionAnalysis, bool]:
        """The analysis of ``question`` (completed from ``previous`` when it is a follow-up),
        and whether a follow-up could not be resolved."""
        reader = self.reader
        language = detect_language(question)
        idf = idf_from(reader.document_frequency, max(len(reader.by_doc), 1))
        analysis = with_abbreviations(analyze(question, language, idf, self._knows), reader.abbreviations)
        if is_follow_up(question, language):
            if not previous:
                return analysis, True  # "En in 2022?" with nothing before it: which quantity?
            before = analyze(previous, detect_language(previous), idf, self._knows)
            resolved = resolve_follow_up(analysis, with_abbreviations(before, reader.abbreviations))
            if resolved is None:
                return analysis, True
            return resolved, False
        return analysis, False

    def _boost(self, analysis: QuestionAnalysis) -> dict[str, float]:
        """Documents the question names: by number ('vraag nr. 312'), by person, or by title words."""
        attribution = analysis.attribution
        if not attribution.present:
            return {}
        reader = self.reader
        boost: dict[str, float] = {}
        for doc_id in reader.by_doc:
            meta = reader.doc_meta(doc_id)
            factor = 1.0
            if attribution.number and meta.get("number", "").lstrip("0") == attribution.number.lstrip("0"):
                factor *= 2.0
            people = text_keys(" ".join(meta.get(k, "") for k in ("asked_by", "minister")))
            if any(term_matches(text_keys(p), people) for p in attribution.persons):
                factor *= 1.5
            if title_named(attribution, meta.get("title", "")):
                factor *= 1.3
            if factor != 1.0:
                boost[doc_id] = factor
        return boost

    # -- ask
    def ask(self, question: str, filters: Filters | dict[str, Any] | None = None, k: int | None = None,
            previous: str | None = None) -> Answer:  # fmt: skip
        """Answer ``question``; ``previous`` is the question before it, for follow-ups ("En in 2018?")."""
        text = validate_question(question, self.settings.max_question_chars)
        if previous is not None:
            previous = validate_question(previous, self.settings.max_question_chars)
        if not isinstance(filters, Filters):
            filters = Filters.from_dict(filters)
        started = time.perf_counter()
        k = k or self.settings.top_k
        analysis, unresolved = self.analyze(text, previous)
        if unresolved:
            return self._remember(abstain(text, analysis.language, Reason.FOLLOW_UP))
        retriever = self.retriever()
        search = analysis.question if not analysis.follow_up_of else _search_text(analysis)
        passages = retriever.retrieve(search, max(k, COMPOSE_PASSAGES), filters, analysis.language,
                                      boost=self._boost(analysis))  # fmt: skip
        retrieved = time.perf_counter()
        composer = Composer(self.settings.min_confidence, self._doc_keys, self.reader.doc_meta,
                            scorer=self.settings.scorer == "fitted", doc_dated=self._doc_dated)  # fmt: skip
        answer = composer.compose(analysis, passages)
        if answer.abstained and filters.active:
            answer = self._filtered(answer, filters)
        if analysis.follow_up_of:
            answer.resolved = _search_text(analysis)
        done = time.perf_counter()
        answer.timings = {**retriever.last_timings, "retrieve": retrieved - started,
                          "compose": done - retrieved, "total": done - started}  # fmt: skip
        return self._remember(answer)

    def _filtered(self, answer: Answer, filters: Filters) -> Answer:
        """An abstention under filters says which filters, and how many documents they left."""
        from qa_bot import lang

        labels = lang.get(answer.language).LABELS
        left = self.documents_matching(filters)
        detail = f"{filters.describe()}; {labels['documents_left'].format(n=left)}"
        answer.text = f"{answer.text} ({labels['filters']}: {detail})"
        return answer

    def documents_matching(self, filters: Filters) -> int:
        mask = self.retriever()._mask(filters)
        reader = self.reader
        if mask is None:
            return len(reader.by_doc)
        return len({reader.chunks[i].doc_id for i in range(len(reader.chunks)) if mask[i]})

    def _remember(self, answer: Answer) -> Answer:
        answer.answer_id = uuid.uuid4().hex
        with self._lock:
            self._answers[answer.answer_id] = answer
            while len(self._answers) > ANSWER_MEMORY:
                self._answers.popitem(last=False)
        return answer

    def answered(self, answer_id: str) -> Answer | None:
        """An answer this process gave, by its id (feedback refers to answers this way)."""
        with self._lock:
            return self._answers.get(answer_id)

    def retriever(self) -> HybridRetriever:
        s = self.settings
        return HybridRetriever(self.reader, self.embedder, make_fusion(s.fusion, s.bm25_weight, s.dense_weight),
                               part_prior=dict(s.part_prior))  # fmt: skip

    def warm_up(self) -> None:
        """Load the index and the model now, so the first question is not slow."""
        _ = self.reader.vocabulary
        _ = self.reader.document_frequency
        self.embedder.encode_query("opwarmen")

    def health(self, detailed: bool = True) -> dict[str, Any]:
        if not detailed:
            return {"status": "ok"}
        reader = self.reader
        return {"status": "ok", "version": __version__, "index": reader.summary(), "model": reader.model}


def _search_text(analysis: QuestionAnalysis) -> str:
    """A resolved follow-up as a question for retrieval: the previous need with the new details."""
    return " ".join([t.text for t in analysis.terms] + list(analysis.years))
