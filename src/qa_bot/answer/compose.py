"""Passages + :class:`QuestionAnalysis` → :class:`Answer`: a cited value, a computed figure,
or an abstention with a reason code.

Candidates come from tables (:mod:`qa_bot.answer.tablequery`: a cell, a superlative, operands
over cells) and from prose (:mod:`qa_bot.answer.spans` and :mod:`qa_bot.answer.figures`): stated
ones in :mod:`.candidates`, computed ones in :mod:`.figure_candidates`, worded by
:mod:`.wording`. Each gets a
confidence from its features (:func:`.choice.confidence`): how much of the question it covers,
whether it holds every name the question uses, whether its value is of the asked kind,
its retrieval rank, whether the question itself selected it, and whether it comes from
the document the question names. The best candidate answers when its confidence reaches
the threshold (``QA_BOT_MIN_CONFIDENCE``, chosen from the risk–coverage curve in
``benchmarks/risk_coverage.py``); otherwise the composer abstains. Hard rules remain only
where they are principled: a period asked must be printed, an operand must be cited,
and no answer may print a number that neither a cited passage nor a cited figure holds.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum

from qa_bot import lang
from qa_bot.answer.choice import Choice
from qa_bot.answer.figure_candidates import FigureCandidates
from qa_bot.answer.figures import unsupported_numbers
from qa_bot.answer.matching import title_named
from qa_bot.answer.operations import Operation
from qa_bot.answer.question import AnswerType, QuestionAnalysis
from qa_bot.answer.scorer import FittedScorer, features, fitted
from qa_bot.answer.spans import candidates
from qa_bot.answer.tablequery import TableView
from qa_bot.read.numbers import dated, parse_number, period_matches, periods_in
from qa_bot.types import Answer, Passage

DEFAULT_THRESHOLD = 0.60


class Reason(StrEnum):
    """Why the composer abstained; each has a message per language (``lang/*.py: REASONS``)."""

    NO_PASSAGES = "no_passages"
    NOT_COVERED = "not_covered"
    UNKNOWN_NAME = "unknown_name"
    MISSING_YEAR = "missing_year"
    NO_NUMBER = "no_number"
    NOT_KEPT = "not_kept"
    LOW_CONFIDENCE = "low_confidence"
    NO_OPERANDS = "no_operands"
    UNSUPPORTED = "unsupported"
    FOLLOW_UP = "follow_up"
    EMPTY_INDEX = "empty_index"
    FILTERED = "filtered"


def message(reason: Reason, language: str, detail: str = "") -> str:
    return lang.get(language).REASONS[reason.value].format(detail=detail)


def abstain(question: str, language: str, reason: Reason, detail: str = "", passages: Sequence[Passage] = (),
            confidence: float = 0.0) -> Answer:  # fmt: skip
    return Answer(question=question, text=message(reason, language, detail), language=language, abstained=True,
                  reason=reason.value, passages=list(passages), confidence=round(confidence, 4))  # fmt: skip


_CORRECTION = [
    re.compile(r"(?:juiste|correcte|werkelijke)\b[^.]{0,80}?\b(?:is|bedraagt|was)\s+([\d.,]+)\s+en\s+niet\s+([\d.,]+)", re.I),
    re.compile(r"\b([\d.,]+)\s+in plaats van\s+([\d.,]+)", re.I),
    re.compile(r"\bniet\s+([\d.,]+)\s*,?\s+maar\s+([\d.,]+)", re.I),
]


def corrections(passages: Sequence[Passage]) -> dict[float, float]:
    """Figures a source corrects ('het juiste aantal is 1.864 en niet 1.684'): wrong → right."""
    out: dict[float, float] = {}
    for p in passages:
        for i, pattern in enumerate(_CORRECTION):
            for m in pattern.finditer(p.chunk.text):
                try:
                    a, b = parse_number(m.group(1).rstrip(".,")), parse_number(m.group(2).rstrip(".,"))
                except ValueError:
                    continue
                right, wrong = (b, a) if i == 2 else (a, b)
                out[wrong] = right
    return out


@dataclass
class Composer(FigureCandidates):
    threshold: float | None = None  # None: the fitted scorer's threshold
    doc_keys: Callable[[str, str], frozenset[str]] | None = None  # (doc_id, part or "") → keys
    doc_meta: Callable[[str], dict[str, str]] | None = None
    scorer: FittedScorer | None | bool = True  # True: the committed one; None/False: the hand-set prior
    _choices: list[Choice] = field(default_factory=list)
    titled: frozenset[str] = frozenset()
    doc_dated: Callable[[str], frozenset[tuple[str, str]]] | None = None  # doc_id → (key, year) printed together

    def __post_init__(self) -> None:
        if self.scorer is True:
            self.scorer = fitted()
        if self.scorer is False:
            self.scorer = None
        if self.threshold is None:
            self.threshold = self.scorer.threshold if isinstance(self.scorer, FittedScorer) else DEFAULT_THRESHOLD

    def choices(self, analysis: QuestionAnalysis, passages: list[Passage]) -> list[Choice]:
        """Every candidate for the question, with its prior, features and probability (for
        fitting the scorer and for debugging); no decision is taken."""
        self.titled = self._titled(analysis, passages)
        choices = self._choices_for(analysis, passages)
        self._score(analysis, passages, choices)
        return choices

    def _titled(self, analysis: QuestionAnalysis, passages: list[Passage]) -> frozenset[str]:
        """The retrieved documents whose title the question's attribution names."""
        if not analysis.attribution.source_words or self.doc_meta is None:
            return frozenset()
        meta = self.doc_meta
        return frozenset(d for d in {p.chunk.doc_id for p in passages}
                         if title_named(analysis.attribution, meta(d).get("title", "")))  # fmt: skip

    def _score(self, analysis: QuestionAnalysis, passages: list[Passage], choices: list[Choice]) -> None:
        corrected = corrections(passages)
        for choice in choices:
            if corrected and any(any(abs(v - w) < 1e-9 for w in corrected) for v in choice.values):
                choice.confidence = choice.prior = choice.prior * 0.4  # a figure a source itself corrects
                choice.features["corrected"] = 1.0
        if isinstance(self.scorer, FittedScorer):
            contexts = {p.chunk.chunk_id: p.chunk.context for p in passages}
            for c in choices:
                if not c.not_kept:
                    c.rendered = c.render()
                    c.features["paired"] = float(any(contexts.get(x.chunk_id) for x in c.rendered.citations))
            vectors = [features(c, choices, analysis) for c in choices]
            for choice, x in zip(choices, vectors, strict=True):
                if not choice.not_kept:
                    choice.confidence = self.scorer.probability(x)

    # -- entry point ----------------------------------------------------------------------

    def compose(self, analysis: QuestionAnalysis, passages: list[Passage]) -> Answer:
        """An answer, a figure or an abstention; never an answer with a number that no cited
        passage prints and no cited figure computed."""
        question, language = analysis.question, analysis.language
        if not passages:
            return abstain(question, language, Reason.NO_PASSAGES)
        if analysis.unknown_names:
            return abstain(question, language, Reason.UNKNOWN_NAME, ", ".join(analysis.unknown_names), passages)
        missing = self._missing_periods(analysis, passages)
        if missing:
            return abstain(question, language, Reason.MISSING_YEAR, f" {lang.get(language).LABELS['and']} ".join(missing),
                           passages)  # fmt: skip
        choices = self.choices(analysis, passages)
        self._choices = choices
        if not choices:
            reason = Reason.NO_OPERANDS if analysis.operation else Reason.NOT_COVERED
            detail = lang.get(language).DETAILS["no_match"] if analysis.operation else ""
            return abstain(question, language, reason, detail, passages)
        threshold = DEFAULT_THRESHOLD if self.threshold is None else float(self.threshold)  # 0 is a threshold too
        real = max((c for c in choices if not c.not_kept), key=lambda c: float(c.confidence), default=None)
        refused = max((c for c in choices if c.not_kept), key=lambda c: c.prior, default=None)
        best_real = max((c.prior for c in choices if not c.not_kept), default=None)
        if refused is not None and refused.prior >= DEFAULT_THRESHOLD * 0.8 and (
                best_real is None or refused.prior >= best_real - 0.05):  # fmt: skip
            return abstain(question, language, Reason.NOT_KEPT, refused.detail, passages, refused.prior)
        if real is None or float(real.confidence) < threshold:
            score = float(real.confidence) if real else 0.0
            return abstain(question, language, Reason.LOW_CONFIDENCE, "", passages, score)
        best = real
        answer = best.rendered or best.render()
        answer.passages = passages
        answer.confidence = round(float(best.confidence), 4)
        if unsupported_numbers(answer.text, answer.citations, answer.figures, language, question):
            return abstain(question, language, Reason.UNSUPPORTED, "", passages, float(best.confidence))
        return answer

    # -- candidates -------------------------------------------------------------------------

    def _choices_for(self, analysis: QuestionAnalysis, passages: list[Passage]) -> list[Choice]:
        choices: list[Choice] = []
        views = [TableView(p.chunk.table, p, analysis) for p in passages if p.chunk.kind == "table" and p.chunk.table]
        spans = candidates(analysis, passages, self.doc_keys)
        operation = analysis.operation
        if analysis.superlative and analysis.answer_type in (AnswerType.NAME, AnswerType.YEAR, AnswerType.OTHER):
            operation = None  # "welk land had het hoogste aandeel": a ranking, not a share
        if operation is not None:
            if operation in (Operation.SHARE, Operation.COMPLEMENT_SHARE) and not analysis.negated:
                choices += self._table_lookups(analysis, views, stated=True)
                choices += self._span_values(analysis, spans, stated=True)
            if operation == Operation.GAP:
                choices += self._gaps(analysis, views, spans, passages)
            elif operation == Operation.SUM:
                choices += self._totals(analysis, views, spans)
            else:
                choices += self._table_figures(analysis, views)
                choices += self._span_figures(analysis, spans)
                choices += self._given_figures(analysis, spans, passages)
                if operation in (Operation.SHARE, Operation.COMPLEMENT_SHARE):
                    choices += self._part_of_table_total(analysis, operation, views, spans)
            if operation in (Operation.AVERAGE, Operation.DIFFERENCE) or (
                    operation == Operation.GROWTH and analysis.answer_type == AnswerType.PERCENTAGE):  # fmt: skip
                choices += self._span_values(analysis, spans, stated=True)  # "… verhoogd met 10%": the change is stated
        elif analysis.total and analysis.answer_type.numeric:
            choices += self._totals(analysis, views, spans)
        elif analysis.superlative:
            choices += self._table_superlatives(analysis, views)
            ranked = [c for c in spans if _SUPERLATIVE_CUE[analysis.superlative].search(c.text)]
            choices += self._span_values(analysis, ranked)
        else:
            choices += self._table_lookups(analysis, views)
            choices += self._span_values(analysis, spans)
        return choices

    # -- periods ----------------------------------------------------------------------------

    def _missing_periods(self, analysis: QuestionAnalysis, passages: Sequence[Passage]) -> list[str]:
        """Periods the question asks about that no retrieved passage prints."""
        if not analysis.years:
            return []
        printed: list[str] = []
        for p in passages:
            printed += periods_in(p.chunk.text) + periods_in(p.chunk.title)
        return [_show_period(y, analysis.language) for y in analysis.years if not period_matches(y, printed)]


# ---------------------------------------------------------------- helpers


_SUPERLATIVE_CUE = {
    "max": re.compile(r"\b(?:" + "|".join(sorted(lang.union("SUPERLATIVE_MAX"))) + r"|meest\w*|most)\b", re.I),
    "min": re.compile(r"\b(?:" + "|".join(sorted(lang.union("SUPERLATIVE_MIN"))) + r")\b", re.I),
}


def _show_period(period: str, language: str) -> str:
    """A period as the user reads it: "8 juli 1986", "november 1992", "2023-2024"."""
    if dated(period):
        year, month, *day = period.split("-")
        names = [m for m, n in (lang.nl.MONTHS if language == "nl" else lang.en.MONTHS).items() if n == int(month)]
        shown = f"{names[0] if names else month} {year}"
        return f"{int(day[0])} {shown}" if day else shown
    return period
