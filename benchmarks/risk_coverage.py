"""Risk–coverage curve of the abstention threshold, to choose ``QA_BOT_MIN_CONFIDENCE``.

Answers every question with the threshold at 0 (hard rules still refuse: an unknown
name, a year no source prints, a figure the source says is not kept), records each
answer's confidence and whether it is correct, then sweeps the threshold: for each value
it prints the share of questions answered (coverage), the share answered wrongly (risk,
over all questions), answer accuracy and abstention recall.

    .venv/bin/python benchmarks/risk_coverage.py [QUESTIONS.jsonl --corpus DIR]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from qa_bot.config import Settings, force_offline
from qa_bot.evaluate import load_questions, score_question
from qa_bot.qa import QaBot

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"


def curve(records: list[dict], thresholds: list[float]) -> list[dict]:  # type: ignore[type-arg]
    """Per threshold: answered share, wrong share (over all), accuracy on answerable, abstention recall."""
    rows = []
    n = len(records)
    answerable = [r for r in records if r["answerable"]]
    unanswerable = [r for r in records if not r["answerable"]]
    for tau in thresholds:
        answered = [r for r in records if not r["abstained"] and r["confidence"] >= tau]
        wrong = [r for r in answered if not r["correct"]]
        right = [r for r in answerable if not r["abstained"] and r["confidence"] >= tau and r["correct"]]
        refused = [r for r in unanswerable if r["abstained"] or r["confidence"] < tau]
        rows.append({
            "threshold": tau,
            "answered": len(answered) / n,
            "wrong": len(wrong) / n,
            "accuracy": len(right) / max(len(answerable), 1),
            "abstention_recall": len(refused) / max(len(unanswerable), 1),
        })  # fmt: skip
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("questions", nargs="?", type=Path, default=SHARED / "eval/dev-corpus.jsonl")
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus-dev")
    parser.add_argument("--index", type=Path)
    args = parser.parse_args()
    force_offline()
    base = Path(tempfile.mkdtemp(prefix="qa-risk-"))
    try:
        settings = Settings(corpus_dir=args.corpus, index_dir=args.index or base / "index", min_confidence=0.0)
        bot = QaBot(settings)
        bot.index()
        bot.warm_up()
        records = [score_question(q, bot.ask(q.question, q.filters, k=5), 5) for q in load_questions(args.questions)]
        thresholds = [round(0.30 + 0.02 * i, 2) for i in range(31)]
        print(f"{len(records)} questions, {args.questions.name}, model {bot.reader.model}\n")
        print("| threshold | answered | wrong (of all) | accuracy | abstention recall |")
        print("|---|---|---|---|---|")
        for row in curve(records, thresholds):
            print(f"| {row['threshold']:.2f} | {row['answered']:.3f} | {row['wrong']:.3f} | {row['accuracy']:.3f} | "
                  f"{row['abstention_recall']:.3f} |")  # fmt: skip
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
