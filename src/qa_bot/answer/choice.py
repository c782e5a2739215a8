"""A candidate answer (:class:`Choice`) and its prior (:func:`confidence`): the features
the fitted scorer (:mod:`.scorer`) reads, and how a composer rule weakened it (:class:`Score`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from qa_bot.types import Answer


@dataclass(frozen=True)
class Score:
    """A candidate's prior confidence and the features it was computed from. Multiplying it
    (a composer rule that weakens a candidate) keeps the features and records the factor as
    ``adjust``, so the fitted scorer sees what each rule did."""

    value: float
    features: dict[str, float] = field(default_factory=dict)

    def __mul__(self, factor: float) -> Score:
        adjust = self.features.get("adjust", 1.0) * factor
        return Score(max(0.0, min(1.0, self.value * factor)), {**self.features, "adjust": adjust})

    __rmul__ = __mul__

    def __float__(self) -> float:
        return self.value


def confidence(coverage: float, *, names_ok: float = 1.0, type_ok: bool = True, rank: int = 1, exact: bool = True,
               fit: float = 1.0, source: float = 1.0) -> Score:  # fmt: skip
    """A prior in [0, 1] from a candidate's features:

    coverage × fit × names (see ``_names_ok``: 1 when every name the question uses is at the
    answer, less when one is only nearby or elsewhere in its document) × (0.6 if the value is of
    another kind than asked) × (0.92 if the selection fell back to a default, e.g. the totals
    row) × (1 − 0.03 · (rank − 1)) × source, where ``source`` is 1.15 for the document the
    question names and 0.6 for another one (capped at 1 overall). The decision itself is the
    fitted scorer's (:mod:`qa_bot.answer.scorer`), which reads these features one by one.
    """
    features = {"coverage": round(coverage, 3), "names": float(names_ok), "type_ok": float(type_ok),
                "rank": float(rank), "exact": float(exact), "fit": round(fit, 3), "source": float(source),
                "adjust": 1.0}  # fmt: skip
    value = coverage * fit
    value *= names_ok
    value *= 1.0 if type_ok else 0.6
    value *= 1.0 if exact else 0.92
    value *= 1.0 - 0.03 * (max(rank, 1) - 1)
    value *= source
    return Score(max(0.0, min(1.0, value)), features)


@dataclass
class Choice:
    confidence: float | Score
    render: Callable[[], Answer]
    kind: str
    not_kept: bool = False
    detail: str = ""
    values: tuple[float, ...] = ()  # the numbers this answer would assert
    features: dict[str, float] = field(default_factory=dict)
    prior: float = 0.0  # the hand-set prior, kept beside the fitted probability
    rendered: Answer | None = None  # the answer it would give, once rendered for the scorer

    def __post_init__(self) -> None:
        if isinstance(self.confidence, Score):
            self.features = {**self.confidence.features, **self.features}
            self.confidence = self.confidence.value
        self.prior = float(self.confidence)
