"""Measure the fusion weights on the question sets instead of guessing them.

For each dense weight (BM25 weight 1.0) and for plain reciprocal-rank fusion, prints
hit@5 and MRR of retrieval, and the answer metrics of the whole pipeline, over the dev
set and our own set on the distractor corpus.

    .venv/bin/python benchmarks/tune_fusion.py
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from qa_bot import retrieve
from qa_bot.config import Settings, force_offline
from qa_bot.evaluate import evaluate, load_questions
from qa_bot.qa import QaBot

ROOT = Path(__file__).resolve().parents[1]
SETS = [ROOT / "tests/eval/dev.jsonl", ROOT / "tests/eval/questions.jsonl"]


def main() -> None:
    force_offline()
    base = Path(tempfile.mkdtemp(prefix="qa-tune-"))
    try:
        shutil.copytree(ROOT / "tests/fixtures/eval_corpus", base / "corpus", symlinks=False)
        bot = QaBot(Settings(corpus_dir=base / "corpus", index_dir=base / "index"))
        bot.index()
        questions = [q for path in SETS for q in load_questions(path)]
        print(f"{len(questions)} questions (dev + own set) over the distractor corpus")
        print(f"{'fusion':<22} {'hit@5':>6} {'mrr':>6} {'answer_acc':>10} {'abst_recall':>11} {'false_abst':>10}")
        for weight in (0.0, 0.1, 0.2, 0.3, 0.5, 1.0, 2.0):
            bot.settings = bot.settings.replace(dense_weight=weight)
            _, s = evaluate(bot, questions)
            print(f"{'weighted, dense=' + str(weight):<22} {s['hit@k']:>6} {s['mrr']:>6} {s['answer_accuracy']:>10} "
                  f"{s['abstention_recall']:>11} {s['false_abstention_rate']:>10}")  # fmt: skip
        original = retrieve.weighted_fusion

        def rrf(lexical, dense, w_lexical, w_dense):  # type: ignore[no-untyped-def]
            rank = lambda d: sorted(d, key=lambda k: -d[k])  # noqa: E731
            return retrieve.reciprocal_rank_fusion([rank(lexical), rank(dense)], [1.0, 1.0])

        retrieve.weighted_fusion = rrf
        try:
            bot.settings = bot.settings.replace(dense_weight=1.0)
            _, s = evaluate(bot, questions)
            print(f"{'plain RRF (k=60)':<22} {s['hit@k']:>6} {s['mrr']:>6} {s['answer_accuracy']:>10} "
                  f"{s['abstention_recall']:>11} {s['false_abstention_rate']:>10}")  # fmt: skip
        finally:
            retrieve.weighted_fusion = original
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
