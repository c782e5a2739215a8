"""Precision and recall of the number reader on the labelled reading set.

The set (``tests/data/reading_set.jsonl``, drawn by ``benchmarks/reading_sample.py`` and
labelled by reading) holds printed numbers of real and development documents with their
kind (quantity, identifier, date, year, heading, footnote, page) and, for quantities, the
value in base units and the unit. The reader runs over each document's full text; each
label's span is where its ``printed`` first occurs in its ``context``, and its ``context``
first occurs in the file.

- A quantity label is *recalled* when a reader quantity overlaps its span and has its value
  as printed or in base units (relative tolerance 1e-6; a percentage counts as a ratio, so
  "de helft" labelled 0.5 matches a reading of 50 %). Its unit is scored separately, over the
  recalled labels.
- A reader quantity overlapping a label of any other kind is a false positive
  ("identifier read as quantity").
- Precision = reader quantities that are a correct reading of a quantity label / reader
  quantities overlapping any labelled span (unlabelled text is not scored).

The reader is pluggable: ``--reader module:function`` names a function taking
``(text, language)`` and returning objects with ``value``, ``unit``, ``start`` and ``end``.

    python benchmarks/bench_reading.py [--reader qa_bot.read.quantities:quantities] [--verbose]
"""

from __future__ import annotations

import argparse
import importlib
import json
import math
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SET = ROOT / "tests" / "data" / "reading_set.jsonl"
SHARED = ROOT.parent / "shared"
DEFAULT_READER = "qa_bot.read.quantities:quantities"
READER_UNITS = {"%": "%", "euro": "euro", "": ""}


def load(path: Path = SET) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def span(text: str, item: dict[str, Any]) -> tuple[int, int]:
    """Character span of a label's printed number in the full document text."""
    at = text.find(item["context"])
    if at < 0:
        raise ValueError(f"{item['id']}: context not found in {item['doc']}")
    start = at + item["context"].index(item["printed"])
    return start, start + len(item["printed"])


def reader_function(spec: str) -> Callable[[str, str], list[Any]]:
    module, _, name = spec.partition(":")
    function: Callable[[str, str], list[Any]] = getattr(importlib.import_module(module), name or "quantities")
    return function


def language_of(text: str) -> str:
    from qa_bot.read.text import detect_language

    return detect_language(text)


def base(value: float, unit: str) -> float:
    """Value in base units: a percentage is a ratio (50 % = de helft = 0.5)."""
    return value / 100 if unit == "%" else value


def same_value(expected: float, expected_unit: str, got: float, got_unit: str) -> bool:
    """The same number, or the same number in base units; the unit itself is scored apart."""
    pairs = ((expected, got), (base(expected, expected_unit), base(got, got_unit)))
    return any(math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9) for a, b in pairs)


def evaluate(items: list[dict[str, Any]], reader: Callable[[str, str], list[Any]],
             shared: Path = SHARED) -> dict[str, Any]:  # fmt: skip
    by_doc: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        by_doc[(item["corpus"], item["doc"])].append(item)
    recalled = unit_ok = quantity_labels = 0
    confusion: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    by_group: dict[str, Counter[str]] = defaultdict(Counter)
    failures: list[dict[str, Any]] = []
    scored: set[tuple[str, int]] = set()  # reader quantities overlapping a labelled span
    correct: set[tuple[str, int]] = set()
    for (corpus, doc), labels in sorted(by_doc.items()):
        text = (shared / corpus / doc).read_text(encoding="utf-8")
        found = list(reader(text, language_of(text)))
        for item in labels:
            start, end = span(text, item)
            over = [(i, q) for i, q in enumerate(found) if q.start < end and q.end > start]
            scored.update((doc, i) for i, _ in over)
            kind = item["kind"]
            totals[kind] += 1
            got = ", ".join(f"{q.value:g} {q.unit}".strip() + f" [{text[q.start : q.end]!r}]" for _, q in over) or "-"
            if kind != "quantity":
                if over:
                    confusion[kind] += 1
                    failures.append({"id": item["id"], "doc": doc, "printed": item["printed"], "class": f"{kind} read as quantity",
                                     "expected": kind, "got": got})  # fmt: skip
                continue
            quantity_labels += 1
            for group in (corpus, f"stratum {item.get('stratum', '?')}"):
                by_group[group]["labels"] += 1
            hit = [(i, q) for i, q in over if same_value(item["value"], item["unit"], q.value, q.unit)]
            expected = f"{item['value']:g} {item['unit']}".strip()
            if not hit:
                failures.append({"id": item["id"], "doc": doc, "printed": item["printed"],
                                 "class": "wrong value" if over else "missed", "expected": expected, "got": got})  # fmt: skip
                continue
            recalled += 1
            for group in (corpus, f"stratum {item.get('stratum', '?')}"):
                by_group[group]["recalled"] += 1
            correct.update((doc, i) for i, _ in hit)
            if any(READER_UNITS.get(q.unit, q.unit) == item["unit"] for _, q in hit):
                unit_ok += 1
            else:
                failures.append({"id": item["id"], "doc": doc, "printed": item["printed"], "class": "wrong unit",
                                 "expected": expected, "got": got})  # fmt: skip
    return {
        "labels": len(items),
        "kinds": dict(totals),
        "quantity_labels": quantity_labels,
        "recall": recalled / quantity_labels if quantity_labels else 0.0,
        "precision": len(correct) / len(scored) if scored else 0.0,
        "reader_quantities_scored": len(scored),
        "unit_accuracy": unit_ok / recalled if recalled else 0.0,
        "confusion": {kind: confusion[kind] for kind in totals if kind != "quantity"},
        "recall_by_group": {g: c["recalled"] / c["labels"] for g, c in sorted(by_group.items())},
        "failures": failures,
    }


def report(result: dict[str, Any], verbose: bool) -> str:
    lines = [
        f"labels: {result['labels']} ({', '.join(f'{k} {n}' for k, n in sorted(result['kinds'].items()))})",
        f"quantity precision: {result['precision']:.3f} (over {result['reader_quantities_scored']} reader "
        "quantities on labelled spans)",
        f"quantity recall:    {result['recall']:.3f} (of {result['quantity_labels']} quantity labels)",
        f"unit accuracy:      {result['unit_accuracy']:.3f} (of recalled quantities)",
    ]
    for group, value in result["recall_by_group"].items():
        lines.append(f"  recall, {group}: {value:.3f}")
    for kind, n in sorted(result["confusion"].items()):
        lines.append(f"{kind} read as quantity: {n} of {result['kinds'][kind]}")
    classes = Counter(f["class"] for f in result["failures"])
    lines.append("failures: " + ", ".join(f"{c} {n}" for c, n in classes.most_common()))
    if verbose:
        for f in sorted(result["failures"], key=lambda f: (f["class"], f["doc"])):
            lines.append(
                f"  [{f['class']}] {f['id']} {f['doc']}: {f['printed']!r} expected {f['expected']}, got {f['got']}"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reader", default=DEFAULT_READER, help="module:function taking (text, language)")
    parser.add_argument("--set", type=Path, default=SET, help="labelled reading set (jsonl)")
    parser.add_argument("--shared", type=Path, default=SHARED, help="folder holding corpus-real/ and corpus-dev/")
    parser.add_argument("--verbose", action="store_true", help="list every failure")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    args = parser.parse_args()
    result = evaluate(load(args.set), reader_function(args.reader), args.shared)
    print(json.dumps(result, ensure_ascii=False, indent=1) if args.json else report(result, args.verbose))


if __name__ == "__main__":
    main()
