"""Draw candidate printed numbers for the labelled reading set (tests/data/reading_set.jsonl).

Deterministic (fixed seed): the same corpora give the same candidates. The candidates are
labelled by hand (by reading the context, never with qa_bot's own parser) and the labels
are kept in ``tests/data/reading_set.jsonl``; this script only says *which* numbers to read.

Token rule for a printed number written in digits: a maximal run of digits, with ``.`` or
``,`` between digit groups, and single spaces before a group of exactly three digits
(``46 890``, ``1 211 000``, ``58,3``, ``50.324``). Letters glued to the run do not stop it
(``in2023`` gives ``2023``). Number words are drawn separately: cardinal words
(``vijftig``, ``één``, ``drie``, ``vijfentwintig``), scale words after them (``tien
miljoen``) and fraction phrases (``een derde``, ``de helft``, ``driekwart``). ``een``
alone is the article and is never drawn.

Sampling: ~60 % of the digit numbers from ``corpus-real``, ~40 % from ``corpus-dev``
(.txt and .md only), stratified by document (every document gives at least two and at most
``CAP``, the rest is shared by the square root of its count), plus a stratum of hard print forms (guilder
signs, scale abbreviations, ranges, glued letters) and a stratum of number words. The first
line of each file (a title written for the corpus) and mirrored text (rotated table pages
extracted back to front) are skipped.

    python benchmarks/reading_sample.py > /tmp/candidates.jsonl
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPORA = {"corpus-real": 0.6, "corpus-dev": 0.4}
SEED = 20261215
CAP = 12  # no document gives more than this many digit numbers
HARD_CAP = 3  # ... nor more than this many hard print forms

DIGITS = re.compile(r"\d+(?:(?:[.,]\d+)|(?: \d{3}(?!\d)))*")
_UNIT = r"(?:een|één|twee|drie|vier|vijf|zes|zeven|acht|negen)"
_TENS = r"(?:twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)"
_BASIC = (
    rf"(?:(?:{_UNIT}en)?{_TENS}|tien|elf|twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien"
    r"|één|twee|drie|vier|vijf|zes|zeven|acht|negen|honderd|duizend|(?:twee|drie|vier|vijf|zes|zeven|acht|negen)"
    r"(?:honderd|duizend))"
)
WORDS = re.compile(
    r"(?<![\w])(?:"
    r"(?:een|één|twee|drie)\s+(?:derde|kwart|vierde|vijfde|tiende)|de\s+helft|driekwart|anderhalf"
    rf"|{_BASIC}(?:\s+(?:miljoen|miljard|duizend))?"
    r")(?![\w])",
    re.IGNORECASE,
)
MIRRORED_YEAR = re.compile(r"(?<![\d.,])\d\d0[12](?![\d.,])")
HARD = re.compile(
    r"(?:[fƒ]\s?|fl\.\s?|hfl\.\s?|EUR\s|€\s?)$|^(?:\s?(?:mln|mld|min|mrd)\.?|\s?-\s?\d|\s?–\s?\d|[a-z])",
    re.IGNORECASE,
)


def documents() -> list[tuple[str, str, str]]:
    docs = []
    for corpus in CORPORA:
        for path in sorted((SHARED / corpus).iterdir()):
            if path.suffix in (".txt", ".md"):
                docs.append((corpus, path.name, path.read_text(encoding="utf-8")))
    return docs


def context(text: str, start: int, end: int, rng: random.Random) -> str:
    """A window of ~40-120 characters around [start, end) in which the printed run occurs once,
    unique in the file where possible."""
    for pad in (35, 45, 55):
        left = max(0, start - pad)
        right = min(len(text), end + pad)
        while left > 0 and left < start and not text[left - 1].isspace():
            left += 1
        while right < len(text) and right > end and not text[right].isspace():
            right -= 1
        window = text[left:right]
        if window.count(text[start:end]) == 1 and text.count(window) == 1:
            return window
    return window


def mirrored(text: str) -> list[tuple[int, int]]:
    """Stretches of mirrored text (rotated table pages extracted back to front: "9202" for
    2029, "negninekereb"): around two or more reversed years within 400 characters."""
    marks = [m.start() for m in MIRRORED_YEAR.finditer(text) if m.group()[:2] not in ("19", "20")]
    return [(p - 400, p + 400) for p in marks if sum(abs(q - p) <= 400 for q in marks) >= 2]


def occurrences(text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    body = text.index("\n") + 1 if "\n" in text else 0
    skip = mirrored(text)

    def keep(span: tuple[int, int]) -> bool:
        return not any(a <= span[0] < b for a, b in skip)

    digits = [m.span() for m in DIGITS.finditer(text, body) if keep(m.span())]
    words = [m.span() for m in WORDS.finditer(text, body) if keep(m.span())]
    return digits, words


def _share(weight: float, scale: float, available: int) -> int:
    """Numbers drawn from one document: two, plus its share, at most ``CAP``."""
    return min(available, CAP, 2 + round(weight * scale))


def sample(total: int, words_n: int, hard_n: int) -> list[dict]:
    rng = random.Random(SEED)
    docs = documents()
    found = {name: occurrences(text) for _, name, text in docs}
    picked: dict[str, set[tuple[int, int]]] = {name: set() for _, name, _ in docs}
    out: list[dict] = []

    def add(corpus: str, name: str, text: str, span: tuple[int, int], stratum: str) -> None:
        if span in picked[name]:
            return
        picked[name].add(span)
        start, end = span
        out.append({"doc": name, "corpus": corpus, "stratum": stratum, "start": start,
                    "printed": text[start:end], "context": context(text, start, end, rng)})  # fmt: skip

    for corpus, share in CORPORA.items():
        cdocs = [(c, n, t) for c, n, t in docs if c == corpus and found[n][0]]
        budget = round(total * share)
        weights = {n: math.sqrt(len(found[n][0])) for _, n, _ in cdocs}
        scale = 0.0
        while sum(_share(weights[n], scale, len(found[n][0])) for _, n, _ in cdocs) < budget:
            scale += 0.01
        for c, n, t in cdocs:
            k = _share(weights[n], scale, len(found[n][0]))
            for span in rng.sample(found[n][0], k):
                add(c, n, t, span, "digits")
    hard = [(c, n, t, s) for c, n, t in docs for s in found[n][0]
            if HARD.search(t[max(0, s[0] - 5):s[0]]) or HARD.search(t[s[1]:s[1] + 6])]  # fmt: skip
    per_doc: dict[str, int] = {}
    for c, n, t, s in rng.sample(hard, len(hard)):
        if sum(per_doc.values()) < hard_n and per_doc.get(n, 0) < HARD_CAP and s not in picked[n]:
            per_doc[n] = per_doc.get(n, 0) + 1
            add(c, n, t, s, "hard")
    words = [(c, n, t, s) for c, n, t in docs for s in found[n][1]]
    for c, n, t, s in rng.sample(words, min(words_n, len(words))):
        add(c, n, t, s, "words")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--total", type=int, default=290, help="digit numbers drawn by document")
    parser.add_argument("--words", type=int, default=30, help="number words")
    parser.add_argument("--hard", type=int, default=35, help="hard print forms")
    args = parser.parse_args()
    for i, item in enumerate(sample(args.total, args.words, args.hard), 1):
        print(json.dumps({"id": f"c{i:03d}", **item}, ensure_ascii=False))


if __name__ == "__main__":
    main()
