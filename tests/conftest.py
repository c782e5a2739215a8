"""Shared fixtures: a deterministic fake embedder for unit tests, the real model for integration."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import numpy as np
import pytest

from qa_bot.config import Settings, force_offline
from qa_bot.index.embedding import HashEmbedder

force_offline()

ROOT = Path(__file__).resolve().parents[1]
EVAL_CORPUS = ROOT / "tests" / "fixtures" / "eval_corpus"
SHARED_DEV = ROOT.parent / "shared" / "eval" / "dev.jsonl"
DEV_COPY = ROOT / "tests" / "eval" / "dev.jsonl"


class FakeEmbedder(HashEmbedder):
    """The test embedder (hashed character trigrams), counting how often it is asked."""

    name = "fake-trigram"

    def __init__(self) -> None:
        self.calls = 0

    def encode(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        self.calls += 1
        return super().encode(texts, batch_size)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    return FakeEmbedder()


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A writable copy of the evaluation corpus (real document + distractors)."""
    target = tmp_path / "corpus"
    target.mkdir()
    for path in EVAL_CORPUS.iterdir():
        shutil.copy(path.resolve(), target / path.name)
    return target


@pytest.fixture
def settings(tmp_path: Path, corpus: Path) -> Settings:
    return Settings(corpus_dir=corpus, index_dir=tmp_path / "index")


@pytest.fixture(scope="session")
def real_embedder():  # type: ignore[no-untyped-def]
    from qa_bot.index.embedding import E5Embedder

    return E5Embedder()


@pytest.fixture(scope="session")
def real_bot(tmp_path_factory: pytest.TempPathFactory, real_embedder):  # type: ignore[no-untyped-def]
    """The real pipeline over the evaluation corpus, indexed once per session."""
    from qa_bot.qa import QaBot

    base = tmp_path_factory.mktemp("real")
    corpus_dir = base / "corpus"
    corpus_dir.mkdir()
    for path in EVAL_CORPUS.iterdir():
        shutil.copy(path.resolve(), corpus_dir / path.name)
    bot = QaBot(Settings(corpus_dir=corpus_dir, index_dir=base / "index"), real_embedder)
    bot.index()
    return bot
