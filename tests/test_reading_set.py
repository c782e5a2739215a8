"""Integrity of the labelled reading sets (tests/data/reading_set.jsonl, and reading_heldout.jsonl,
drawn later with another seed and never used to tune the reader); not the reader's score.

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
SETS = {"reading_set.jsonl": (300, 180), "reading_heldout.jsonl": (150, 70)}  # least items, least quantities
SHARED = ROOT.parent / "shared"
KINDS = {"quantity", "identifier", "date", "year", "heading", "footnote", "page"}


def _items(name: str) -> list[dict]:
    with (ROOT / "tests" / "data" / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.mark.parametrize("name", sorted(SETS))
def test_the_set_is_large_and_well_formed(name: str) -> None:
    items = _items(name)
    least, quantities = SETS[name]
    assert len(items) >= least
    assert len({item["id"] for item in items}) == len(items)
    kinds = Counter(item["kind"] for item in items)
    assert set(kinds) <= KINDS
    assert kinds["quantity"] >= quantities
    corpora = Counter(item["corpus"] for item in items)
    assert set(corpora) == {"corpus-real", "corpus-dev"}
    for item in items:
        assert item["printed"] in item["context"], item["id"]
        assert isinstance(item["approx"], bool), item["id"]
        if item["kind"] == "quantity":
            assert isinstance(item["value"], (int, float)), item["id"]
        else:
            assert item["value"] is None and item["unit"] == "", item["id"]


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_context_is_in_its_document(name: str) -> None:
    if not (SHARED / "corpus-real").is_dir():
        pytest.skip("no ../shared checkout beside the repository")
    texts: dict[str, str] = {}
    for item in _items(name):
        path = SHARED / item["corpus"] / item["doc"]
        if str(path) not in texts:
            texts[str(path)] = path.read_text(encoding="utf-8")
        assert item["context"] in texts[str(path)], item["id"]
