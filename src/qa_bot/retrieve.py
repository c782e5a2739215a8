"""Hybrid retrieval: BM25 (Dutch stemming) leads, dense vectors are a weighted second signal.

Plain reciprocal-rank fusion treats the English-only embedder as BM25's equal and
loses to BM25 alone on Dutch (see STACK-NOTES); a weighted sum of max-normalised
scores lets lexical evidence lead. The weights are settings, measured with
``benchmarks/tune_fusion.py`` on the evaluation sets.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from qa_bot.embedding import Embedder
from qa_bot.errors import ConfigError
from qa_bot.index import IndexReader, date_number
from qa_bot.text import bm25_tokens, detect_language, expand_query
from qa_bot.types import PART_LABELS, Passage

log = logging.getLogger(__name__)

CANDIDATES = 50


@dataclass(frozen=True)
class Filters:
    doc_types: tuple[str, ...] = ()
    parts: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()
    date_from: str = ""  # ISO date or year, inclusive
    date_to: str = ""

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> Filters:
        data = data or {}
        unknown = set(data) - {"doc_types", "parts", "doc_ids", "date_from", "date_to"}
        if unknown:
            raise ConfigError(
                f"Onbekende filter(s): {', '.join(sorted(unknown))}. "
                "Geldig: doc_types, parts, doc_ids, date_from, date_to."
            )

        def seq(key: str) -> tuple[str, ...]:
            value = data.get(key) or ()
            return (value,) if isinstance(value, str) else tuple(str(v) for v in value)

        filters = cls(seq("doc_types"), seq("parts"), seq("doc_ids"), str(data.get("date_from") or ""),
                      str(data.get("date_to") or ""))  # fmt: skip
        bad = [p for p in filters.parts if p not in PART_LABELS]
        if bad:
            raise ConfigError(f"Onbekend deel {bad[0]!r}; kies uit {', '.join(PART_LABELS)}.")
        return filters

    @property
    def active(self) -> bool:
        return bool(self.doc_types or self.parts or self.doc_ids or self.date_from or self.date_to)

    def date_bounds(self) -> tuple[int, int]:
        low = date_number(self.date_from) if self.date_from else 0
        high = date_number(self.date_to) if self.date_to else 0
        if high and len("".join(c for c in self.date_to if c.isdigit())) <= 4:
            high += 1231  # a bare year includes its whole last year
        return low, high

    def chroma_where(self) -> dict[str, Any] | None:
        clauses: list[dict[str, Any]] = []
        for key, values in (("doc_type", self.doc_types), ("part", self.parts), ("doc_id", self.doc_ids)):
            if values:
                clauses.append({key: {"$in": list(values)}})
        low, high = self.date_bounds()
        if high:
            low = max(low, 1)  # an upper bound excludes undated documents, as in the BM25 mask
        if low:
            clauses.append({"date_num": {"$gte": low}})
        if high:
            clauses.append({"date_num": {"$lte": high}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}


def weighted_fusion(
    lexical: dict[int, float], dense: dict[int, float], w_lexical: float, w_dense: float
) -> dict[int, float]:
    """score(d) = w_lex · lex(d) / max(lex) + w_dense · max(dense(d), 0) / max(dense).

    Each list is scaled so its best hit is 1; a document missing from a list gets 0
    from it. Ties keep the lexical order downstream.
    """
    top_lex = max(lexical.values(), default=0.0)
    top_dense = max((max(v, 0.0) for v in dense.values()), default=0.0)
    fused: dict[int, float] = {}
    for key in set(lexical) | set(dense):
        score = 0.0
        if top_lex > 0:
            score += w_lexical * lexical.get(key, 0.0) / top_lex
        if top_dense > 0:
            score += w_dense * max(dense.get(key, 0.0), 0.0) / top_dense
        fused[key] = score
    return fused


def reciprocal_rank_fusion(rankings: list[list[int]], weights: list[float], k: int = 60) -> dict[int, float]:
    """score(d) = Σ_i w_i / (k + rank_i(d)), rank starting at 1 (kept for comparison runs)."""
    fused: dict[int, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, key in enumerate(ranking, start=1):
            fused[key] = fused.get(key, 0.0) + weight / (k + rank)
    return fused


@dataclass
class HybridRetriever:
    reader: IndexReader
    embedder: Embedder
    bm25_weight: float = 1.0
    dense_weight: float = 0.3
    last_timings: dict[str, float] = field(default_factory=dict)

    def retrieve(
        self, question: str, k: int = 5, filters: Filters | None = None, language: str | None = None
    ) -> list[Passage]:
        filters = filters or Filters()
        chunks = self.reader.chunks
        if not chunks:
            return []
        mask = self._mask(filters)
        if mask is not None and not mask.any():
            return []
        t0 = time.perf_counter()
        lexical = self._bm25(expand_query(question, language or detect_language(question)), mask)
        t1 = time.perf_counter()
        dense = self._dense(question, filters) if self.dense_weight > 0 else {}
        t2 = time.perf_counter()
        fused = weighted_fusion(lexical, dense, self.bm25_weight, self.dense_weight)
        order = sorted(fused, key=lambda i: (-fused[i], -lexical.get(i, 0.0), i))[:k]
        self.last_timings = {"bm25": t1 - t0, "dense": t2 - t1}
        return [
            Passage(chunk=chunks[i], score=fused[i], bm25=lexical.get(i, 0.0), dense=dense.get(i, 0.0), rank=r)
            for r, i in enumerate(order, start=1)
        ]

    def _mask(self, filters: Filters) -> np.ndarray | None:
        if not filters.active:
            return None
        r = self.reader
        mask = np.ones(len(r.chunks), dtype=bool)
        if filters.doc_types:
            mask &= np.isin(r.doc_types, filters.doc_types)
        if filters.parts:
            mask &= np.isin(r.parts, filters.parts)
        if filters.doc_ids:
            mask &= np.isin(r.doc_ids, filters.doc_ids)
        low, high = filters.date_bounds()
        if low:
            mask &= r.dates >= low
        if high:
            mask &= (r.dates <= high) & (r.dates > 0)
        return mask

    def _bm25(self, question: str, mask: np.ndarray | None) -> dict[int, float]:
        bm25 = self.reader.bm25
        vocab = bm25.vocab_dict
        tokens = [t for t in bm25_tokens(question) if t in vocab]
        if not tokens:
            return {}
        n = min(CANDIDATES, len(self.reader.chunks))
        weight_mask = None if mask is None else mask.astype(np.float32)
        ids, scores = bm25.retrieve([tokens], k=n, show_progress=False, weight_mask=weight_mask)
        return {int(i): float(s) for i, s in zip(ids[0], scores[0], strict=True) if s > 0}

    def _dense(self, question: str, filters: Filters) -> dict[int, float]:
        vector = self.embedder.encode([question])
        count = len(self.reader.chunks)
        result = self.reader.collection.query(
            query_embeddings=vector,
            n_results=min(CANDIDATES, count),
            where=filters.chroma_where(),
            include=["distances"],
        )
        position = self.reader.position
        hits: dict[int, float] = {}
        for chunk_id, distance in zip(result["ids"][0], result["distances"][0], strict=True):
            index = position.get(chunk_id)  # vectors a crashed run left behind are not live
            if index is not None:
                hits[index] = 1.0 - float(distance)
        return hits
