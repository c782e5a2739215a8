"""One fitted scorer for every candidate: a logistic regression over the candidate's features.

The weights are fitted by ``benchmarks/fit_scorer.py`` on the candidates of the two
development sets, cross-validated with folds grouped by document, and committed with the
threshold taken from the out-of-fold risk–coverage curve (``scorer_weights.json``). Nothing
here is set by hand: the composer's rules only describe a candidate (coverage, names, fit,
kind, …); whether to trust it is learnt.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from qa_bot.answer.choice import Choice
    from qa_bot.answer.question import QuestionAnalysis

WEIGHTS = Path(__file__).with_name("scorer_weights.json")
KINDS = ("cell", "superlative", "table-figure", "gap", "sentence", "text-figure", "text-table-figure")
FEATURES = (
    "coverage", "names", "type_ok", "rank_inv", "exact", "fit", "source", "adjust", "log_prior",
    *(f"kind:{k}" for k in KINDS),
    "operation", "numeric", "english", "top", "margin", "alternatives", "same_value_votes", "corrected",
    "part:vraag", "part:rapport", "paired", "quote_coverage", "log_quote_chars", "citations", "share_extreme",
    "negative_figure", "approx", "prior", "prior_squared", "prior_numeric",
)  # fmt: skip


def features(choice: Choice, choices: Sequence[Choice], analysis: QuestionAnalysis) -> list[float]:
    """The feature vector of one candidate among the question's candidates (``FEATURES`` order)."""
    f = choice.features
    real = [c for c in choices if not c.not_kept]
    priors = sorted((c.prior for c in real), reverse=True)
    best_other = next((p for p in priors if p != choice.prior), 0.0) if priors and priors[0] == choice.prior else (
        priors[0] if priors else 0.0)  # fmt: skip
    votes = sum(1 for c in real if c is not choice and c.values and set(c.values) & set(choice.values))
    return [
        float(f.get("coverage", 0.0)),
        float(f.get("names", 1.0)),
        float(f.get("type_ok", 1.0)),
        1.0 / max(float(f.get("rank", 1.0)), 1.0),
        float(f.get("exact", 1.0)),
        float(f.get("fit", 1.0)),
        float(f.get("source", 1.0)),
        float(f.get("adjust", 1.0)),
        math.log(max(choice.prior, 1e-4)),
        *(1.0 if choice.kind == k else 0.0 for k in KINDS),
        1.0 if analysis.operation is not None else 0.0,
        1.0 if analysis.answer_type.numeric else 0.0,
        1.0 if analysis.language == "en" else 0.0,
        1.0 if priors and choice.prior >= priors[0] else 0.0,
        choice.prior - best_other,
        math.log(1 + len(real)),
        math.log(1 + votes),
        float(f.get("corrected", 0.0)),
        *_answer_features(choice, analysis),
        choice.prior,
        choice.prior**2,
        choice.prior * (1.0 if analysis.answer_type.numeric else 0.0),
    ]


def _answer_features(choice: Choice, analysis: QuestionAnalysis) -> list[float]:
    """What the candidate's own answer shows: the part it quotes, whether that passage answers
    a numbered question, how much of the question the quote holds, and whether a computed
    share is degenerate (0 % or 100 %: a part that is its own whole)."""
    from qa_bot.answer.matching import coverage, text_keys

    answer = choice.rendered
    if answer is None or not answer.citations:
        return [0.0] * 9
    first = answer.citations[0]
    quote = " ".join(c.quote for c in answer.citations)
    figure = answer.figures[0] if answer.figures else None
    extreme = bool(figure and figure.unit == "%" and figure.operation in ("share", "complement_share")
                   and (figure.value >= 99.95 or figure.value < 0.05))  # fmt: skip
    paired = bool(choice.features.get("paired", 0.0))
    return [
        1.0 if first.part == "vraag" else 0.0,
        1.0 if first.part == "rapport" else 0.0,
        1.0 if paired else 0.0,
        coverage(analysis.terms, [(text_keys(quote), 1.0)]),
        math.log(1 + len(quote)),
        float(len(answer.citations)),
        1.0 if extreme else 0.0,
        1.0 if figure is not None and figure.value < 0 else 0.0,
        float(choice.features.get("approx", 0.0)),
    ]


@dataclass(frozen=True)
class FittedScorer:
    """Logistic regression on standardised features: p = σ(w · (x − μ) / s + b)."""

    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    threshold: float
    names: tuple[str, ...] = FEATURES

    def probability(self, x: Sequence[float]) -> float:
        z = self.bias + sum(w * (v - m) / s for w, v, m, s in zip(self.weights, x, self.mean, self.scale, strict=True))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_dict(self) -> dict[str, object]:
        return {"features": list(self.names), "weights": list(self.weights), "bias": self.bias, "mean": list(self.mean),
                "scale": list(self.scale), "threshold": self.threshold}  # fmt: skip

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> FittedScorer:
        names: tuple[str, ...] = tuple(data["features"])  # type: ignore[arg-type]
        if names != FEATURES:
            raise ValueError("scorer_weights.json belongs to other features: run benchmarks/fit_scorer.py")
        return cls(tuple(data["weights"]), float(data["bias"]), tuple(data["mean"]),  # type: ignore[arg-type]
                   tuple(data["scale"]), float(data["threshold"]), names)  # type: ignore[arg-type]


@lru_cache(maxsize=1)
def fitted() -> FittedScorer | None:
    """The committed scorer, or None when no weights have been fitted yet."""
    if not WEIGHTS.exists():
        return None
    return FittedScorer.from_dict(json.loads(WEIGHTS.read_text(encoding="utf-8")))
