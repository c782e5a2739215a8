"""Measure retrieval fusion on the question sets instead of guessing it.

Indexes each corpus once with the configured model, then runs the retriever with each
fusion function (injected: ``HybridRetriever(fusion=...)``) and prints hit@5 and MRR per
question set. Retrieval only: the composer is not involved.

    .venv/bin/python benchmarks/tune_fusion.py [--model multilingual-e5-small]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from pathlib import Path

from qa_bot.config import Settings, force_offline
from qa_bot.evaluate import load_questions, passage_matches
from qa_bot.qa import QaBot
from qa_bot.read.text import detect_language
from qa_bot.retrieve import HybridRetriever, minmax_fusion, reciprocal_rank_fusion

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SETS = [
    ("dev-corpus", SHARED / "corpus-dev", SHARED / "eval/dev-corpus.jsonl"),
    ("dev", ROOT / "tests/fixtures/eval_corpus", ROOT / "tests/eval/dev.jsonl"),
    ("own", ROOT / "tests/fixtures/eval_corpus", ROOT / "tests/eval/questions.jsonl"),
    ("holdout", ROOT / "tests/fixtures/eval_corpus", ROOT / "tests/eval/holdout.jsonl"),
]
FUSIONS = {
    "bm25 only": lambda lex, dense: dict(lex),
    "dense only": lambda lex, dense: dict(dense),
    "rrf k=60": lambda lex, dense: reciprocal_rank_fusion(lex, dense),
    "rrf k=20": lambda lex, dense: reciprocal_rank_fusion(lex, dense, k=20),
    "rrf lex 2:1": lambda lex, dense: reciprocal_rank_fusion(lex, dense, w_lexical=2.0),
    "rrf dense 2:1": lambda lex, dense: reciprocal_rank_fusion(lex, dense, w_dense=2.0),
    "minmax 1:0.5": lambda lex, dense: minmax_fusion(lex, dense, w_dense=0.5),
    "minmax 1:1": lambda lex, dense: minmax_fusion(lex, dense),
    "minmax 1:2": lambda lex, dense: minmax_fusion(lex, dense, w_dense=2.0),
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="")
    parser.add_argument("--k", type=int, default=5)
    args = parser.parse_args()
    force_offline()
    base = Path(tempfile.mkdtemp(prefix="qa-tune-"))
    try:
        bots: dict[Path, QaBot] = {}
        table: dict[str, dict[str, tuple[float, float]]] = {}
        for name, corpus, path in SETS:
            if not path.exists():
                continue
            if corpus not in bots:
                bots[corpus] = QaBot(Settings(corpus_dir=corpus, index_dir=base / f"index-{len(bots)}", model=args.model))
                bots[corpus].index()
            bot = bots[corpus]
            questions = [q for q in load_questions(path) if q.answerable and q.expect_source]
            for label, fusion in FUSIONS.items():
                retriever = HybridRetriever(bot.reader, bot.embedder, fusion)
                hits, rr = 0, 0.0
                for q in questions:
                    passages = retriever.retrieve(q.question, args.k, language=detect_language(q.question))
                    ranks = [p.rank for p in passages if passage_matches(p.chunk.text, q.expect_source)]
                    hits += bool(ranks)
                    rr += 1 / min(ranks) if ranks else 0.0
                table.setdefault(label, {})[f"{name} ({len(questions)})"] = (hits / len(questions), rr / len(questions))
        model = next(iter(bots.values())).embedder.name
        columns = list(next(iter(table.values())))
        print(f"model: {model}; hit@{args.k} / MRR per set\n")
        print("| fusion | " + " | ".join(columns) + " |")
        print("|---|" + "---|" * len(columns))
        for label, row in table.items():
            print(f"| {label} | " + " | ".join(f"{row[c][0]:.3f} / {row[c][1]:.3f}" for c in columns) + " |")
    finally:
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
