"""llama-index adapters: use qa-bot's embedder and hybrid retriever inside llama-index.

    from qa_bot.llama import QaBotEmbedding, QaBotRetriever
    retriever = QaBotRetriever(bot)                 # BaseRetriever: hybrid BM25 + dense
    nodes = retriever.retrieve("Hoeveel mobiliteiten kregen in 2025 een beurs?")

Nothing here touches llama-index's global ``Settings`` (which would resolve to OpenAI).
"""

from __future__ import annotations

from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.retrievers import BaseRetriever
from llama_index.core.schema import NodeWithScore, QueryBundle, TextNode
from pydantic import PrivateAttr

from qa_bot.index.embedding import Embedder
from qa_bot.qa import QaBot
from qa_bot.retrieve import Filters
from qa_bot.types import Chunk


class QaBotEmbedding(BaseEmbedding):
    """A llama-index embedding model backed by a qa-bot :class:`Embedder` (offline)."""

    _embedder: Any = PrivateAttr()

    def __init__(self, embedder: Embedder, **kwargs: Any) -> None:
        super().__init__(model_name=embedder.name, **kwargs)
        self._embedder = embedder

    def _get_query_embedding(self, query: str) -> list[float]:
        return [float(x) for x in self._embedder.encode([query])[0]]

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_query_embedding(text)

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return [[float(x) for x in row] for row in self._embedder.encode(texts)]

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)


def chunk_node(chunk: Chunk) -> TextNode:
    return TextNode(
        id_=chunk.chunk_id,
        text=chunk.text,
        metadata={k: v for k, v in chunk.to_dict().items() if k not in ("text", "chunk_id") and v is not None},
    )


class QaBotRetriever(BaseRetriever):
    """llama-index's retriever contract over qa-bot's hybrid retrieval."""

    def __init__(self, bot: QaBot, k: int | None = None, filters: Filters | None = None) -> None:
        super().__init__()
        self._bot = bot
        self._k = k or bot.settings.top_k
        self._filters = filters

    def _retrieve(self, query_bundle: QueryBundle) -> list[NodeWithScore]:
        passages = self._bot.retriever().retrieve(query_bundle.query_str, self._k, self._filters)
        return [NodeWithScore(node=chunk_node(p.chunk), score=p.score) for p in passages]
