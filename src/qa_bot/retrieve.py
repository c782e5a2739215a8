"""Hybrid retrieval: BM25 over lemmatised keys (with document metadata) and dense vectors,
fused by a pluggable function, table rows folded into their tables.

``HybridRetriever`` takes its fusion function as a constructor argument (a
:data:`Fusion`): :func:`reciprocal_rank_fusion` and :func:`minmax_fusion` are the two
measured in ``benchmarks/tune_fusion.py``; the setting ``QA_BOT_FUSION`` picks one.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np

from qa_bot.errors import ConfigError
from qa_bot.index.embedding import Embedder
from qa_bot.index.reader import IndexReader
from qa_bot.index.vectors import date_number
from qa_bot.read.text import bm25_tokens, detect_language, expand_query
from qa_bot.types import PART_LABELS, Passage

log = logging.getLogger(__name__)

CANDIDATES = 300  # per signal, before fusion (rows of one table count separately)

Fusion = Callable[[Mapping[int, float], Mapping[int, float]], dict[int, float]]


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

        filters = cls(seq("doc_types"), seq("parts"), seq("doc_ids"), str(data.get("date_from") or "").strip(),
                      str(data.get("date_to") or "").strip())  # fmt: skip
        bad = [p for p in filters.parts if p not in PART_LABELS]
        if bad:
            raise ConfigError(f"Onbekend deel {bad[0]!r}; kies uit {', '.join(PART_LABELS)}.")
        for name, value in (("date_from", filters.date_from), ("date_to", filters.date_to)):
            if value and not _valid_date(value):
                raise ConfigError(f"Ongeldige datum {value!r} voor {name}: gebruik JJJJ, JJJJ-MM of JJJJ-MM-DD.")
        low, high = filters.date_bounds()
        if low and high and low > high:
            raise ConfigError(f"De periode is omgekeerd: {filters.date_from} ligt na {filters.date_to}.")
        return filters

    @property
    def active(self) -> bool:
        return bool(self.doc_types or self.parts or self.doc_ids or self.date_from or self.date_to)

    def describe(self) -> str:
        """The active filters in words, for a message ('documenttype: rapport; vanaf 2024')."""
        items = []
        if self.doc_types:
            items.append("documenttype: " + ", ".join(self.doc_types))
        if self.parts:
            items.append("deel: " + ", ".join(self.parts))
        if self.doc_ids:
            items.append("document: " + ", ".join(self.doc_ids))
        if self.date_from:
            items.append(f"vanaf {self.date_from}")
        if self.date_to:
            items.append(f"tot en met {self.date_to}")
        return "; ".join(items)

    def date_bounds(self) -> tuple[int, int]:
        low = date_number(self.date_from) if self.date_from else 0
        high = _upper_bound(self.date_to) if self.date_to else 0
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


def _valid_date(value: str) -> bool:
    import datetime

    for fmt in ("%Y", "%Y-%m", "%Y-%m-%d"):
        try:
            datetime.datetime.strptime(value, fmt)
            return True
        except ValueError:
            continue
    return False


def _upper_bound(value: str) -> int:
    """A bare year or month includes all of it: '2024' → 20241231, '2024-06' → 20240631."""
    number = date_number(value)
    digits = len("".join(c for c in value if c.isdigit()))
    if digits <= 4:
        return number + 1231
    if digits <= 6:
        return number + 31
    return number


# ---------------------------------------------------------------- fusion (pure)


def reciprocal_rank_fusion(lexical: Mapping[int, float], dense: Mapping[int, float], k: int = 60,
                           w_lexical: float = 1.0, w_dense: float = 1.0) -> dict[int, float]:  # fmt: skip
    """score(d) = w_lex / (k + rank_lex(d)) + w_dense / (k + rank_dense(d)), ranks from 1."""
    fused: dict[int, float] = {}
    for ranking, weight in ((lexical, w_lexical), (dense, w_dense)):
        order = sorted(ranking, key=lambda i: (-ranking[i], i))
        for rank, key in enumerate(order, start=1):
            fused[key] = fused.get(key, 0.0) + weight / (k + rank)
    return fused


def minmax_fusion(lexical: Mapping[int, float], dense: Mapping[int, float], w_lexical: float = 1.0,
                  w_dense: float = 1.0) -> dict[int, float]:  # fmt: skip
    """score(d) = w_lex · (lex − min)/(max − min) + w_dense · (dense − min)/(max − min).

    Each list is scaled to [0, 1] over its candidates (e5 cosines cluster in 0.75–0.9, so
    raw values would let the dense side barely move); a candidate missing from a list gets 0.
    """

    def scaled(scores: Mapping[int, float]) -> dict[int, float]:
        if not scores:
            return {}
        low, high = min(scores.values()), max(scores.values())
        span = high - low
        return {i: (s - low) / span if span > 0 else 1.0 for i, s in scores.items()}

    a, b = scaled(lexical), scaled(dense)
    return {i: w_lexical * a.get(i, 0.0) + w_dense * b.get(i, 0.0) for i in set(a) | set(b)}


FUSIONS: dict[str, Callable[..., dict[int, float]]] = {"rrf": reciprocal_rank_fusion, "minmax": minmax_fusion}


def make_fusion(name: str, w_lexical: float, w_dense: float) -> Fusion:
    if name not in FUSIONS:
        raise ConfigError(f"QA_BOT_FUSION={name!r}: kies {' of '.join(FUSIONS)}.")
    function = FUSIONS[name]
    return lambda lexical, dense: function(lexical, dense, w_lexical=w_lexical, w_dense=w_dense)


def _matched_rows(lexical: Mapping[int, float], dense: Mapping[int, float]) -> tuple[int, ...]:
    """Rows of a table that matched, best first: by reciprocal rank over both signals."""
    fused = reciprocal_rank_fusion(lexical, dense, k=5)
    return tuple(sorted(fused, key=lambda r: (-fused[r], r)))


# ---------------------------------------------------------------- retriever


class Retriever(Protocol):
    def retrieve(self, question: str, k: int = 5, filters: Filters | None = None, language: str | None = None,
                 boost: Mapping[str, float] | None = None) -> list[Passage]: ...  # fmt: skip


@dataclass
class HybridRetriever:
    reader: IndexReader
    embedder: Embedder
    fusion: Fusion = field(default_factory=lambda: make_fusion("minmax", 1.0, 1.0))
    # fused score × prior of the passage's part ("vraag": a question restates what is asked and
    # rarely answers it); fitted by benchmarks/fit_part_prior.py, read by :mod:`qa_bot.config`
    part_prior: Mapping[str, float] = field(default_factory=dict)
    last_timings: dict[str, float] = field(default_factory=dict)

    def retrieve(
        self,
        question: str,
        k: int = 5,
        filters: Filters | None = None,
        language: str | None = None,
        boost: Mapping[str, float] | None = None,
    ) -> list[Passage]:
        """The ``k`` best passages (text chunks and whole tables), best first.

        ``boost`` multiplies the fused score of a document's chunks (documents the
        question names by number, author or title).
        """
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
        dense = self._dense(question, filters)
        t2 = time.perf_counter()
        lexical_rows, lexical = self._fold(lexical)
        dense_rows, dense = self._fold(dense)
        fused = self.fusion(lexical, dense)
        if boost:
            fused = {i: s * boost.get(chunks[i].doc_id, 1.0) for i, s in fused.items()}
        if self.part_prior:
            fused = {i: s * self.part_prior.get(chunks[i].part, 1.0) for i, s in fused.items()}
        self.last_timings = {"bm25": t1 - t0, "dense": t2 - t1}
        order = sorted(fused, key=lambda i: (-fused[i], -lexical.get(i, 0.0), i))[:k]
        return [
            Passage(chunk=chunks[i], score=fused[i], bm25=lexical.get(i, 0.0), dense=dense.get(i, 0.0), rank=r,
                    rows=_matched_rows(lexical_rows.get(i, {}), dense_rows.get(i, {})))
            for r, i in enumerate(order, start=1)
        ]  # fmt: skip

    def _fold(self, scores: Mapping[int, float]) -> tuple[dict[int, dict[int, float]], dict[int, float]]:
        """Rows become their table, per signal: a table scores its best unit (so one table's
        rows do not crowd out other passages) and remembers each row's own score."""
        parent = self.reader.parent
        chunks = self.reader.chunks
        rows: dict[int, dict[int, float]] = {}
        best: dict[int, float] = {}
        for i, score in scores.items():
            p = int(parent[i])
            if p != i:
                rows.setdefault(p, {})[chunks[i].row] = score
            if score > best.get(p, float("-inf")):
                best[p] = score
        return rows, best

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
        if bm25 is None:
            return {}
        vocab = bm25.vocab_dict
        tokens = [t for t in bm25_tokens(question) if t in vocab]
        if not tokens:
            return {}
        n = min(CANDIDATES, len(self.reader.chunks))
        weight_mask = None if mask is None else mask.astype(np.float32)
        ids, scores = bm25.retrieve([tokens], k=n, show_progress=False, weight_mask=weight_mask)
        return {int(i): float(s) for i, s in zip(ids[0], scores[0], strict=True) if s > 0}

    def _dense(self, question: str, filters: Filters) -> dict[int, float]:
        vector = self.embedder.encode_query(question)
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
