"""Fit the retrieval prior per part label on both development sets, folds grouped by document.

    .venv/bin/python benchmarks/fit_part_prior.py              # fit, report, write the prior
    .venv/bin/python benchmarks/fit_part_prior.py --no-write   # report only

A numbered question ("vraag") restates what a user asks and so draws the retriever, while the
answer is in the minister's reply. Instead of a hand-set penalty, the multiplier of a
passage's fused score per part label is chosen from a grid: for every answerable question
with an expected source the retriever lists its 60 best passages once (no prior); a
candidate prior re-ranks them, and hit@5 + MRR over the training questions picks the best.
Folds are grouped by document (``GroupKFold``): no document's questions are in both the
training and the test fold, so the out-of-fold hit@5 is what an unseen document can expect.
The prior fitted on all questions is written to ``src/qa_bot/retrieval_priors.json`` with
the in-fold and out-of-fold numbers.
"""

from __future__ import annotations

import argparse
import json
import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SETS = {
    "dev-corpus": (SHARED / "eval" / "dev-corpus.jsonl", SHARED / "corpus-dev"),
    "real-dev": (SHARED / "eval" / "real-dev.jsonl", SHARED / "corpus-real"),
}
OUT = ROOT / "src" / "qa_bot" / "retrieval_priors.json"
GRID = (1.0, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6, 0.5)
LABEL = "vraag"  # the part whose prior is fitted; the others keep 1
DEPTH = 60


@dataclass
class Listing:
    """One question's retrieved passages: (fused score, part label, expected source?)."""

    set_name: str
    doc: str
    passages: list[tuple[float, str, bool]]


def collect(set_name: str, questions_path: Path, corpus: Path, index: Path) -> list[Listing]:
    from qa_bot.config import load_settings
    from qa_bot.evaluate import load_questions, passage_matches
    from qa_bot.qa import QaBot
    from qa_bot.retrieve import Filters

    bot = QaBot(load_settings().replace(corpus_dir=corpus, index_dir=index, part_prior=()))
    bot.index()
    retriever = bot.retriever()
    out = []
    for q in load_questions(questions_path):
        if not (q.answerable and q.expect_source):
            continue
        analysis, _ = bot.analyze(q.question)
        passages = retriever.retrieve(analysis.question, DEPTH, Filters.from_dict(q.filters), analysis.language,
                                      boost=bot._boost(analysis))  # fmt: skip
        out.append(Listing(set_name, q.doc, [(p.score, p.chunk.part, passage_matches(p.chunk.text, q.expect_source))
                                             for p in passages]))  # fmt: skip
    return out


def rank(listing: Listing, prior: float) -> int | None:
    """Rank of the first expected passage once the part's scores are multiplied by ``prior``."""
    order = sorted(listing.passages, key=lambda p: -p[0] * (prior if p[1] == LABEL else 1.0))
    return next((i for i, p in enumerate(order, start=1) if p[2]), None)


def hit_and_mrr(ranks: list[int | None], k: int = 5) -> tuple[float, float]:
    """hit@k and MRR of the expected passages' ranks (None: not retrieved)."""
    hits = sum(1 for r in ranks if r is not None and r <= k)
    return hits / max(1, len(ranks)), sum(1 / r for r in ranks if r) / max(1, len(ranks))


def score(listings: list[Listing], prior: float) -> tuple[float, float]:
    """hit@5 and MRR of ``listings`` under ``prior``."""
    return hit_and_mrr([rank(item, prior) for item in listings])


def best(listings: list[Listing]) -> float:
    """The grid value with the highest hit@5 + MRR; ties go to the value nearest 1 (no prior)."""
    return max(GRID, key=lambda w: (round(sum(score(listings, w)), 9), -abs(w - 1.0)))


def main() -> None:
    from sklearn.model_selection import GroupKFold

    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index-dir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "qa-bot-fit")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--no-write", action="store_true")
    args = parser.parse_args()
    listings: list[Listing] = []
    for name, (questions, corpus) in SETS.items():
        listings += collect(name, questions, corpus, args.index_dir / name)
    groups = [f"{item.set_name}/{item.doc}" for item in listings]
    oof: dict[int, float] = {}
    chosen = []
    for train, test in GroupKFold(n_splits=args.folds).split(listings, groups=groups):
        prior = best([listings[i] for i in train])
        chosen.append(prior)
        oof.update({i: prior for i in test})
    fitted = best(listings)
    report: dict[str, dict[str, float]] = {}
    print(f"prior for '{LABEL}' per fold: {chosen}; on all questions: {fitted}\n")
    print("| set | questions | hit@5 / MRR without | in-fold | out-of-fold |\n|---|---|---|---|---|")
    for name in SETS:
        rows = [i for i, item in enumerate(listings) if item.set_name == name]
        items = [listings[i] for i in rows]
        base = score(items, 1.0)
        inside = score(items, fitted)
        outside = hit_and_mrr([rank(listings[i], oof[i]) for i in rows])
        report[name] = {"questions": len(rows), "hit@5_without": round(base[0], 4), "hit@5_in_fold": round(inside[0], 4),
                        "hit@5_out_of_fold": round(outside[0], 4), "mrr_without": round(base[1], 4),
                        "mrr_in_fold": round(inside[1], 4), "mrr_out_of_fold": round(outside[1], 4)}  # fmt: skip
        print(f"| {name} | {len(rows)} | {base[0]:.3f} / {base[1]:.3f} | {inside[0]:.3f} / {inside[1]:.3f} "
              f"| {outside[0]:.3f} / {outside[1]:.3f} |")  # fmt: skip
    if not args.no_write:
        data = {"part_prior": {LABEL: fitted}, "grid": list(GRID), "folds": args.folds, "per_fold": chosen,
                "fitted_by": "benchmarks/fit_part_prior.py", "report": report}  # fmt: skip
        OUT.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
        print(f"\nwritten: {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
