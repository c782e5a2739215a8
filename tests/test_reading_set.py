"""Integrity of the labelled reading set (tests/data/reading_set.jsonl); not the reader's score.

The score is ``benchmarks/bench_reading.py``; here only the data: enough items, each
context verbatim in its document, each printed number in its context, valid kinds, and a
value for every quantity.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "tests" / "data" / "reading_set.jsonl"
SHARED = ROOT.parent / "shared"
KINDS = {"quantity", "identifier", "date", "year", "heading", "footnote", "page"}


def _items() -> list[dict]:
    with SET.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def test_the_set_is_large_and_well_formed() -> None:
    items = _items()
    assert len(items) >= 300
    assert len({item["id"] for item in items}) == len(items)
    kinds = Counter(item["kind"] for item in items)
    assert set(kinds) <= KINDS
    assert kinds["quantity"] >= 180
    corpora = Counter(item["corpus"] for item in items)
    assert set(corpora) == {"corpus-real", "corpus-dev"}
    for item in items:
        assert item["printed"] in item["context"], item["id"]
        assert isinstance(item["approx"], bool), item["id"]
        if item["kind"] == "quantity":
            assert isinstance(item["value"], (int, float)), item["id"]
        else:
            assert item["value"] is None and item["unit"] == "", item["id"]


def test_every_context_is_in_its_document() -> None:
    if not (SHARED / "corpus-real").is_dir():
        pytest.skip("no ../shared checkout beside the repository")
    texts: dict[str, str] = {}
    for item in _items():
        path = SHARED / item["corpus"] / item["doc"]
        if str(path) not in texts:
            texts[str(path)] = path.read_text(encoding="utf-8")
        assert item["context"] in texts[str(path)], item["id"]
