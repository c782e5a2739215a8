"""Fit the answer scorer on both development sets, validated with folds grouped by document.

    .venv/bin/python benchmarks/fit_scorer.py                       # fit, report, write the weights
    .venv/bin/python benchmarks/fit_scorer.py --no-write            # report only

For every question the composer lists its candidates (``Composer.choices``: prior, features);
each candidate is rendered and scored against the question's expectations, which labels it
right or wrong. A logistic regression (scikit-learn) is fitted on those labelled candidates.
Folds are grouped by document (``GroupKFold``): no document's questions are in both the
training and the test fold. For each question the candidate with the highest out-of-fold
probability is the answer when its probability reaches the threshold; the threshold is the
one that gives the highest out-of-fold accuracy with at most ``--max-wrong`` wrong answers
(both sets pooled). The report prints in-fold and out-of-fold numbers side by side, and the
out-of-fold risk–coverage curve. The weights and the threshold are written to
``src/qa_bot/answer/scorer_weights.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SETS = {
    "dev-corpus": (SHARED / "eval" / "dev-corpus.jsonl", SHARED / "corpus-dev"),
    "real-dev": (SHARED / "eval" / "real-dev.jsonl", SHARED / "corpus-real"),
}
FIXED = {"no_passages", "unknown_name", "missing_year", "not_kept", "follow_up", "not_covered", "no_operands",
         "empty_index", "filtered"}  # fmt: skip


@dataclass
class Item:
    """One question: its candidates' features and labels, or a fixed abstention."""

    set_name: str
    qid: str
    doc: str
    answerable: bool
    fixed: bool  # abstained before any candidate was weighed (unknown name, missing year, …)
    x: list[list[float]] = field(default_factory=list)
    right: list[bool] = field(default_factory=list)
    renders: list[bool] = field(default_factory=list)  # False: the answer would print an unsupported number


def collect(set_name: str, questions_path: Path, corpus: Path, index: Path) -> list[Item]:
    from qa_bot.answer import Composer
    from qa_bot.answer.figures import unsupported_numbers
    from qa_bot.answer.scorer import features
    from qa_bot.config import load_settings
    from qa_bot.evaluate import load_questions, score_question
    from qa_bot.qa import COMPOSE_PASSAGES, QaBot
    from qa_bot.retrieve import Filters

    bot = QaBot(load_settings().replace(corpus_dir=corpus, index_dir=index))
    bot.index()
    items = []
    for q in load_questions(questions_path):
        analysis, unresolved = bot.analyze(q.question, None)
        doc = q.doc or "?"
        if unresolved:
            items.append(Item(set_name, q.id, doc, q.answerable, True))
            continue
        passages = bot.retriever().retrieve(analysis.question, max(5, COMPOSE_PASSAGES), Filters.from_dict(q.filters),
                                            analysis.language, boost=bot._boost(analysis))  # fmt: skip
        composer = Composer(None, bot._doc_keys, bot.reader.doc_meta, scorer=False, doc_dated=bot._doc_dated)
        answer = composer.compose(analysis, passages)
        if answer.abstained and answer.reason in FIXED:
            items.append(Item(set_name, q.id, doc, q.answerable, True))
            continue
        item = Item(set_name, q.id, doc, q.answerable, False)
        choices = [c for c in composer._choices if not c.not_kept]
        for choice in choices:
            rendered = choice.render()
            rendered.passages = passages
            ok = not unsupported_numbers(rendered.text, rendered.citations, rendered.figures, analysis.language,
                                         analysis.question)  # fmt: skip
            choice.rendered = rendered
            contexts = {p.chunk.chunk_id: p.chunk.context for p in passages}
            choice.features["paired"] = float(any(contexts.get(c.chunk_id) for c in rendered.citations))
            item.x.append(features(choice, composer._choices, analysis))
            item.renders.append(ok)
            item.right.append(ok and q.answerable and bool(score_question(q, rendered, 5)["correct"]))
        items.append(item)
    return items


def decide(items: list[Item], probs: list[np.ndarray | None], threshold: float) -> dict[str, dict[str, float]]:
    """Metrics per set (as ``qa-bot eval`` computes them) when each question's best candidate
    answers at or above ``threshold``."""
    out: dict[str, dict[str, list[bool]]] = {}
    for item, p in zip(items, probs, strict=True):
        answered = correct = False
        if not item.fixed and p is not None and len(p):
            best = int(np.argmax(p))
            answered = bool(p[best] >= threshold) and item.renders[best]
            correct = answered and item.right[best]
        record = out.setdefault(item.set_name, {"acc": [], "wrong": [], "fa": [], "ar": []})
        if item.answerable:
            record["acc"].append(correct)
            record["fa"].append(not answered)
        else:
            record["ar"].append(not answered)
        record["wrong"].append(answered and not (correct if item.answerable else False))
    return {name: {k: round(float(np.mean(v)), 4) if v else float("nan") for k, v in r.items()} for name, r in out.items()}


def counts(items: list[Item], probs: list[np.ndarray | None], threshold: float) -> tuple[int, int]:
    """Right and wrong answers over all questions at ``threshold``."""
    right = wrong = 0
    for item, p in zip(items, probs, strict=True):
        if item.fixed or p is None or not len(p):
            continue
        best = int(np.argmax(p))
        if p[best] >= threshold and item.renders[best]:
            right += int(item.right[best])
            wrong += int(not item.right[best])
    return right, wrong


def fit(items: list[Item], c: float):  # type: ignore[no-untyped-def]
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    x = np.array([row for it in items for row in it.x])
    y = np.array([r for it in items for r in it.right])
    scaler = StandardScaler().fit(x)
    model = LogisticRegression(C=c, max_iter=3000).fit(scaler.transform(x), y)
    return scaler, model


def predict(scaler, model, items: list[Item]) -> list[np.ndarray | None]:  # type: ignore[no-untyped-def]
    return [model.predict_proba(scaler.transform(np.array(it.x)))[:, 1] if it.x else None for it in items]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index-dir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "qa-bot-fit")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--c", type=float, default=0.3, help="inverse regularisation strength")
    parser.add_argument("--wrong-cost", type=float, default=2.0,
                        help="what a wrong answer costs, in right answers (a wrong answer is worse than none)")
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--cache", type=Path, help="read/write the collected candidates here (JSON)")
    args = parser.parse_args()
    from sklearn.model_selection import GroupKFold

    from qa_bot.answer.scorer import FEATURES, WEIGHTS, FittedScorer

    if args.cache and args.cache.exists():
        items = [Item(**d) for d in json.loads(args.cache.read_text())]
    else:
        items = []
        for name, (questions, corpus) in SETS.items():
            items += collect(name, questions, corpus, args.index_dir / name)
            print(f"{name}: {sum(1 for i in items if i.set_name == name)} questions collected", file=sys.stderr)
        if args.cache:
            args.cache.write_text(json.dumps([i.__dict__ for i in items]))
    trainable = [i for i in items if i.x]
    groups = [f"{i.set_name}/{i.doc}" for i in trainable]
    oof: dict[int, np.ndarray] = {}
    for train, test in GroupKFold(n_splits=args.folds).split(trainable, groups=groups):
        scaler, model = fit([trainable[i] for i in train], args.c)
        for i, p in zip(test, predict(scaler, model, [trainable[i] for i in test]), strict=True):
            if p is not None:
                oof[id(trainable[i])] = p
    oof_probs = [oof.get(id(i)) for i in items]
    scaler, model = fit(trainable, args.c)
    in_probs = predict(scaler, model, items)

    grid = [round(t, 2) for t in np.arange(0.05, 0.96, 0.01)]
    curve = []
    for t in grid:
        right, wrong = counts(items, oof_probs, t)
        m = decide(items, oof_probs, t)
        curve.append((t, right / len(items), wrong / len(items), right - args.wrong_cost * wrong, m))
    threshold = max(curve, key=lambda c: (c[3], -c[0]))[0]

    print(f"\nThreshold {threshold}: the most out-of-fold right answers minus {args.wrong_cost} × wrong answers "
          f"(both sets pooled)\n")
    print("| set | fold | answer acc. | wrong answers | false abstention | abstention recall |")
    print("|---|---|---|---|---|---|")
    for label, probs in (("in-fold", in_probs), ("out-of-fold", oof_probs)):
        for name, m in decide(items, probs, threshold).items():
            print(f"| {name} | {label} | {m['acc']:.3f} | {m['wrong']:.3f} | {m['fa']:.3f} | {m['ar']:.3f} |")
    print("\nOut-of-fold risk–coverage (pooled over all questions: right / wrong answers per threshold)")
    print("| threshold | right | wrong | dev-corpus acc. / wrong | real-dev acc. / wrong |\n|---|---|---|---|---|")
    for t, right, wrong, _, m in curve[::5]:
        d, r = m["dev-corpus"], m["real-dev"]
        print(f"| {t:.2f} | {right:.3f} | {wrong:.3f} | {d['acc']:.3f} / {d['wrong']:.3f} | {r['acc']:.3f} / {r['wrong']:.3f} |")
    weights = sorted(zip(FEATURES, model.coef_[0], strict=True), key=lambda w: -abs(w[1]))
    print("\nWeights (standardised features):", ", ".join(f"{n} {w:+.2f}" for n, w in weights))
    if not args.no_write:
        scorer = FittedScorer(tuple(float(w) for w in model.coef_[0]), float(model.intercept_[0]),
                              tuple(float(m) for m in scaler.mean_), tuple(float(s) or 1.0 for s in scaler.scale_),
                              float(threshold))  # fmt: skip
        WEIGHTS.write_text(json.dumps(scorer.to_dict(), indent=1) + "\n", encoding="utf-8")
        print(f"\nWritten: {WEIGHTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
