"""The fitted scorer: features recorded without thread-local state, a logistic model read
from the committed weights, and the threshold that comes with them."""

from __future__ import annotations

import json

import pytest

from qa_bot.answer.choice import Choice, Score, confidence
from qa_bot.answer.scorer import FEATURES, WEIGHTS, FittedScorer, fitted


def test_a_rule_that_weakens_a_candidate_is_recorded_as_adjust() -> None:
    score = confidence(0.8, names_ok=0.9, rank=2)
    weakened = 0.85 * (score * 0.9)
    assert isinstance(weakened, Score)
    assert weakened.value == pytest.approx(score.value * 0.85 * 0.9)
    assert weakened.features["adjust"] == pytest.approx(0.765)
    assert weakened.features["coverage"] == 0.8 and weakened.features["rank"] == 2.0


def test_a_choice_keeps_its_own_features_and_prior() -> None:
    a = Choice(confidence(0.9), render=lambda: None, kind="cell")  # type: ignore[arg-type,return-value]
    b = Choice(confidence(0.5, names_ok=0.5), render=lambda: None, kind="sentence")  # type: ignore[arg-type,return-value]
    assert (a.features["coverage"], b.features["coverage"]) == (0.9, 0.5)  # no state shared between candidates
    assert a.prior == pytest.approx(0.9) and b.prior == pytest.approx(0.25)


def test_probability_is_logistic_in_the_standardised_features() -> None:
    n = len(FEATURES)
    scorer = FittedScorer((2.0,) + (0.0,) * (n - 1), -1.0, (0.5,) * n, (0.25,) * n, 0.5)
    low, high = [0.5] * n, [1.0] + [0.5] * (n - 1)
    assert scorer.probability(low) == pytest.approx(1 / (1 + 2.718281828**1))
    assert scorer.probability(high) == pytest.approx(1 / (1 + 2.718281828**-3))  # (1 − 0.5) / 0.25 · 2 − 1 = 3


def test_weights_of_other_features_are_refused() -> None:
    data = FittedScorer((0.0,) * len(FEATURES), 0.0, (0.0,) * len(FEATURES), (1.0,) * len(FEATURES), 0.5).to_dict()
    data["features"] = ["coverage"]
    with pytest.raises(ValueError, match="fit_scorer"):
        FittedScorer.from_dict(data)


def test_the_committed_weights_match_the_features() -> None:
    data = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURES)
    scorer = fitted()
    assert scorer is not None and 0.0 < scorer.threshold < 1.0
