"""Passages + :class:`QuestionAnalysis` → :class:`Answer`: a cited value, a computed figure,
or an abstention with a reason code.

Candidates come from tables (:mod:`qa_bot.answer.tablequery`: a cell, a superlative, operands
over cells) and from prose (:mod:`qa_bot.answer.spans` and :mod:`qa_bot.answer.figures`). Each gets a
confidence from its features (:func:`confidence`): how much of the question it covers,
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
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import partial

from qa_bot import lang
from qa_bot.answer.figures import operands_for, qualifiers, refers_back, unsupported_numbers
from qa_bot.answer.matching import coverage, term_matches, text_keys, unmatched_names
from qa_bot.answer.operations import Operation, build_figure, fmt_value, operand_text
from qa_bot.answer.question import AnswerType, QuestionAnalysis
from qa_bot.answer.scorer import FittedScorer, features, fitted
from qa_bot.answer.spans import _REJECTED, SpanCandidate, _context_before, candidates, explanation_span
from qa_bot.answer.tablefigures import figure_operands, total_cell, whole_row_named
from qa_bot.answer.tablequery import TableResult, TableView, lookup, superlative
from qa_bot.read.numbers import parse_number, period_matches, periods_in
from qa_bot.read.quantities import Quantity, printed_figures, quantities
from qa_bot.read.tables import render, row_line_offsets
from qa_bot.read.text import noun_in
from qa_bot.types import Answer, Citation, Operand, Passage

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
class Composer:
    threshold: float | None = None  # None: the fitted scorer's threshold
    doc_keys: Callable[[str, str], frozenset[str]] | None = None  # (doc_id, part or "") → keys
    doc_meta: Callable[[str], dict[str, str]] | None = None
    scorer: FittedScorer | None | bool = True  # True: the committed one; None/False: the hand-set prior
    _choices: list[Choice] = field(default_factory=list)

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
        choices = self._choices_for(analysis, passages)
        self._score(analysis, passages, choices)
        return choices

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
        threshold = float(self.threshold or DEFAULT_THRESHOLD)
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
                if operation in (Operation.SHARE, Operation.COMPLEMENT_SHARE):
                    choices += self._part_of_table_total(analysis, operation, views, spans)
            if operation == Operation.AVERAGE:
                choices += self._span_values(analysis, spans, stated=True)
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

    def _source_factor(self, passage: Passage, analysis: QuestionAnalysis) -> float:
        """1.15 for the document the question names (by number or person), 0.6 for another."""
        attribution = analysis.attribution
        if not (attribution.number or attribution.persons) or self.doc_meta is None:
            return 1.0
        meta = self.doc_meta(passage.chunk.doc_id)
        named = False
        if attribution.number:
            named = meta.get("number", "").lstrip("0") == attribution.number.lstrip("0")
        if attribution.persons and not named:
            people = text_keys(" ".join(meta.get(k, "") for k in ("asked_by", "minister")))
            named = any(term_matches(text_keys(p), people) for p in attribution.persons)
        return 1.15 if named else 0.6

    def _names_ok(self, analysis: QuestionAnalysis, context: frozenset[str], doc_id: str = "",
                  near: frozenset[str] = frozenset(), strict: bool = False) -> float:  # fmt: skip
        """1 when the context holds every name of the question; when a missing one is nearby
        (the passage, or its part of the document) 0.95, or elsewhere in the same document
        (which is about it) 0.9; else 0.5.
        ``strict`` (a number from a sentence): a name not at the number means the number is
        probably about something else — 0.7 nearby, 0.6 in the document."""
        missing = [t for t in analysis.terms if t.text in unmatched_names(analysis.terms, context)]
        if not missing:
            return 1.0
        strict = strict and any(t.place for t in missing)  # a place splits figures; an organisation is the topic
        if near and not unmatched_names(missing, near):
            return 0.7 if strict else 0.95
        if doc_id and self.doc_keys is not None and not unmatched_names(missing, self.doc_keys(doc_id, "")):
            return 0.6 if strict else 0.9
        return 0.5

    def _table_confidence(self, analysis: QuestionAnalysis, result: TableResult, scanned: Sequence[tuple[int, int]] = ()) -> Score:
        view_context = text_keys(" ".join([result.table.caption, result.passage.chunk.title, result.table.intro,
                                           *result.table.notes]))  # fmt: skip
        keys = set(view_context)
        for r, c in list(result.cells) + list(scanned):
            keys |= text_keys(result.table.label(r)) | text_keys(result.table.header[c])
        return confidence(result.coverage, names_ok=self._names_ok(analysis, frozenset(keys), result.passage.chunk.doc_id),
                          type_ok=result.type_ok, fit=result.counts,
                          rank=result.passage.rank, exact=result.exact,
                          source=self._source_factor(result.passage, analysis))  # fmt: skip

    def _table_lookups(self, analysis: QuestionAnalysis, views: list[TableView], stated: bool = False) -> list[Choice]:
        out = []
        for view in views:
            result = lookup(view)
            if result is None:
                continue
            wrong_kind = result.value is None or (
                analysis.answer_type == AnswerType.PERCENTAGE and result.value.unit != "%")
            if stated and wrong_kind and not (analysis.total and result.value is not None and result.value.is_number):
                continue
            row_label = text_keys(" ".join(f"{view.table.label(r)} {view.table.header[c]}" for r, c in result.cells))
            if stated and analysis.whole_terms and (
                    unmatched_names(_part_names(analysis), row_label)
                    or whole_row_named(view) not in (None, *[r for r, _ in result.cells])):  # fmt: skip
                continue  # "share of Belgium's learners from Flanders": a percentage printed for either is not it
            if analysis.total and not _is_total(view, result) and not (view.totals or view.total_cols):
                continue  # one item is not the total; the sum of the items answers
            score = self._table_confidence(analysis, result)
            if analysis.total and not _is_total(view, result):
                score *= 0.85
            if result.missing:
                out.append(Choice(score, partial(Answer, "", "", ""), "cell", not_kept=True, detail=result.answer))
                continue
            out.append(Choice(score, partial(self._render_cell, analysis, result), "cell",
                              values=(result.value.value,) if result.value and result.value.value is not None else ()))
        return out

    def _totals(self, analysis: QuestionAnalysis, views: list[TableView], spans: list[SpanCandidate]) -> list[Choice]:
        """A total: stated (a totals row or column, a sentence) or summed from the items."""
        choices = [c for c in self._table_lookups(analysis, views, stated=True)]
        choices += self._table_figures(analysis, views, Operation.SUM)
        choices += self._span_values(analysis, spans)
        choices += self._span_figures(analysis, spans, Operation.SUM)
        return choices

    def _table_superlatives(self, analysis: QuestionAnalysis, views: list[TableView]) -> list[Choice]:
        out = []
        for view in views:
            result = superlative(view)
            if result is None:
                continue
            everything = [(r, c) for r in view.rows for c in view.value_cols]  # "welk EU-land": the EU row counts
            out.append(Choice(self._table_confidence(analysis, result, everything),
                              partial(self._render_superlative, analysis, result), "superlative"))  # fmt: skip
        return out

    def _table_figures(self, analysis: QuestionAnalysis, views: list[TableView],
                       operation: Operation | None = None) -> list[Choice]:  # fmt: skip
        out = []
        for view in views:
            result = figure_operands(view, operation)
            if result is None or result.operation is None:
                continue
            score = self._table_confidence(analysis, result)
            if analysis.total and result.operation != Operation.SUM and not any(
                    r in view.totals or c in view.total_cols for r, c in result.cells):  # fmt: skip
                score *= 0.85
            out.append(Choice(score, partial(self._render_figure, analysis, result.operation, result.operands,
                                                      [result.passage], table=result), "table-figure",
                              values=tuple(o.value for o in result.operands)))  # fmt: skip
        return out

    def _gaps(self, analysis: QuestionAnalysis, views: list[TableView], spans: list[SpanCandidate],
              passages: list[Passage]) -> list[Choice]:  # fmt: skip
        """The distance of a cell (or a stated value) to the target the question names."""
        out: list[Choice] = []
        target = analysis.target
        if target is None:
            return out
        target_passage = _find_value(passages, target, analysis.target_unit)
        for view in views:
            result = lookup(view)
            if result is None or result.value is None or not result.value.is_number or result.missing:
                continue
            value_op = view.operand(*result.cells[0], "value")
            if analysis.target_unit and value_op.unit != analysis.target_unit:
                continue
            target_op = _target_operand(target, value_op.unit, target_passage, analysis.language)
            cited = [view.passage] + ([target_passage] if target_passage and target_passage is not view.passage else [])
            score = self._table_confidence(analysis, result)
            out.append(Choice(score, partial(self._render_figure,
                analysis, Operation.GAP, [value_op, target_op], cited, table=result), "gap"))  # fmt: skip
        return out

    def _span_values(self, analysis: QuestionAnalysis, spans: list[SpanCandidate], stated: bool = False) -> list[Choice]:
        out = []
        numeric = analysis.answer_type.numeric or stated
        for cand in spans[:40]:
            if not cand.periods_ok or cand.text.rstrip().endswith("?"):
                continue  # a question in the source is not an answer to it
            if numeric:  # a name qualifies the number: it must be in the sentence or the one it refers back to
                context = text_keys(cand.text) | text_keys(_previous_sentence(cand)) | text_keys(cand.passage.chunk.title)
            else:
                context = text_keys(cand.text) | text_keys(cand.passage.chunk.text) | text_keys(cand.passage.chunk.title)
            chunk = cand.passage.chunk
            near = text_keys(chunk.text) | (self.doc_keys(chunk.doc_id, chunk.part) if self.doc_keys else frozenset())
            names_ok = self._names_ok(analysis, context, chunk.doc_id, near=near, strict=numeric)
            source = self._source_factor(cand.passage, analysis)
            if cand.passage.chunk.part == "vraag":
                source *= 0.85  # the member's question states what is asked, the answer what is known
            if cand.not_kept:
                if coverage(analysis.terms, [(text_keys(cand.text), 1.0)]) >= 0.6:
                    score = confidence(cand.coverage, names_ok=names_ok, rank=cand.passage.rank, source=source)
                    out.append(Choice(score, partial(Answer, "", "", ""), "sentence", not_kept=True))
                continue
            if numeric:
                if cand.quantity is None:
                    continue
                if stated and analysis.operation == Operation.AVERAGE and not _AVERAGE_CUE.search(cand.text):
                    continue  # "gemiddeld …?" is not answered by a total
                if not _counts_what_is_asked(analysis, cand):
                    continue  # "hoeveel kinderen": 1.906 uithuiszettingen is another count
                fit = cand.quantity_score
                local = text_keys(cand.text) | (text_keys(_previous_sentence(cand)) if _carries(cand) else frozenset())
                wider = text_keys(cand.passage.chunk.text) | text_keys(cand.passage.chunk.title)
                for t in analysis.terms:
                    counted = analysis.counted.text if analysis.counted else ""
                    if (t.qualifier and analysis.language == "nl" and t.head == (counted or t.head) and t.weight >= 0.8
                            and not term_matches(t.keys, local)):  # ("first-time" in English is no compound)
                        # "bso" of "bso-leerlingen" is not at this number: it may count something wider
                        fit *= 0.85 if term_matches(t.keys, wider) else 0.6
                if stated and analysis.operation == Operation.SUM:
                    fit *= 0.9  # "samen" asks to add up the items
                if analysis.total and not _TOTAL_CUE.search(cand.text):
                    fit *= 0.85  # a total is asked; this sentence states no total
                score = confidence(cand.coverage, names_ok=names_ok, rank=cand.passage.rank, fit=fit, source=source)
                if stated:
                    score *= 0.97  # a stated value competes with a computed figure on equal terms, just below it
                out.append(Choice(score, partial(self._render_sentence, analysis, cand, highlight=True), "sentence",
                                  values=(cand.quantity.value,), features={"approx": float(cand.quantity.approx)}))
            else:
                fit = 1.0
                if analysis.answer_type in (AnswerType.DATE, AnswerType.YEAR):
                    since = _SINCE_DATE.search(cand.text)
                    if re.search(r"\b(?:sinds|vanaf|since)\b", analysis.question, re.I):
                        starts = since and since.group(1).lower() in ("sinds", "vanaf", "sedert", "since")
                        fit = 1.0 if starts else 0.6 if periods_in(cand.text) else 0.4
                    else:
                        fit = 1.0 if periods_in(cand.text) else 0.4
                if analysis.superlative:
                    fit *= 0.85  # a sentence says less precisely than a ranked table
                if _CAUSE_QUESTION.search(analysis.question) and not _CAUSE_CUE.search(cand.text):
                    fit *= 0.85  # "waarom …?": a sentence that gives no cause explains less
                score = confidence(cand.coverage, names_ok=names_ok, rank=cand.passage.rank, fit=fit, source=source)
                out.append(Choice(score, partial(self._render_sentence, analysis, cand, highlight=False), "sentence"))
        return out

    def _span_figures(self, analysis: QuestionAnalysis, spans: list[SpanCandidate],
                      operation: Operation | None = None) -> list[Choice]:  # fmt: skip
        """Operands from one sentence, or from two sentences of the same passage."""
        out: list[Choice] = []
        operation = operation or analysis.operation
        if operation is None:
            return out
        seen: set[tuple[str, int]] = set()
        for cand in spans[:30]:
            if not cand.periods_ok or (cand.passage.chunk.chunk_id, cand.start) in seen:
                continue
            seen.add((cand.passage.chunk.chunk_id, cand.start))
            text = cand.passage.chunk.text
            index = next((i for i, (s, _) in enumerate(cand.sentences) if s == cand.start), 0)
            for lo, hi in ((index, index), (index - 1, index), (index, index + 1)):
                if lo < 0 or hi >= len(cand.sentences):
                    continue
                start, end = cand.sentences[lo][0], cand.sentences[hi][1]
                window = text[start:end]
                local = [(s - start, e - start) for s, e in cand.sentences[lo : hi + 1]]
                found, _ = operands_for(operation, window, analysis.years, local, analysis.since,
                                        relevance=partial(_relevance, analysis))  # fmt: skip
                if not found:
                    continue
                if lo != hi and not _pair_about(analysis, [text[a:b] for a, b in cand.sentences[lo : hi + 1]]):
                    continue
                kinds = qualifiers(window, [q for q, _ in found], local)
                operands = [_quantity_operand(q, role, start, analysis.language, kind)
                            for (q, role), kind in zip(found, kinds, strict=True)]  # fmt: skip
                covered = cand.coverage if lo == hi else cand.coverage * 0.95
                names_ok = self._names_ok(analysis, text_keys(text) | text_keys(cand.passage.chunk.title),
                                          cand.passage.chunk.doc_id)
                fit = 1.0 if _nouns_fit(analysis, found) else 0.9
                score = confidence(covered, names_ok=names_ok, rank=cand.passage.rank, fit=fit,
                                   source=self._source_factor(cand.passage, analysis))  # fmt: skip
                quote = (start, end)
                out.append(Choice(score, partial(self._render_figure,
                    analysis, operation, operands, [cand.passage], quote=quote), "text-figure",
                    values=tuple(o.value for o in operands)))  # fmt: skip
                break
        return out

    def _part_of_table_total(self, analysis: QuestionAnalysis, operation: Operation, views: list[TableView],
                             spans: list[SpanCandidate]) -> list[Choice]:  # fmt: skip
        """A share whose part a sentence gives and whose whole is the total a table of the
        same document prints for the asked period ("2.547 van de zij-instromers van
        2021-2022" over Tabel 1's total 3.591). Each operand cites its own source."""
        out: list[Choice] = []
        whole_terms = list(analysis.whole_terms) or list(analysis.terms)
        for view in views:
            at = total_cell(view)
            if at is None:
                continue
            total = view.cell(*at)
            context = frozenset(view.ctx_keys | view.intro_keys | view.col_keys[at[1]] | view.title_keys)
            if coverage(whole_terms, [(context, 1.0)]) < 0.6:
                continue  # the table must count what the question takes a share of
            for cand in spans[:20]:
                chunk = cand.passage.chunk
                if chunk.doc_id != view.passage.chunk.doc_id or not cand.periods_ok or cand.coverage < 0.6:
                    continue
                if not any(period_matches(p, periods_in(cand.text)) for p in analysis.years):
                    continue
                counts = [q for q in printed_figures(quantities(cand.text)) if q.unit == "" and q.value < (total.value or 0.0)
                          and not _REJECTED.search(cand.text[max(0, q.start - 25) : q.start])]  # fmt: skip
                if len(counts) != 1:
                    continue  # one number in the sentence, or it is unclear which is the part
                q = counts[0]
                part = _quantity_operand(q, "part", 0, analysis.language)
                whole = replace(view.operand(*at, "whole"), citation=2)
                names_ok = self._names_ok(analysis, text_keys(cand.text) | context, chunk.doc_id)
                score = 0.95 * confidence(cand.coverage, names_ok=names_ok, rank=min(cand.passage.rank,
                                          view.passage.rank), source=self._source_factor(cand.passage, analysis))  # fmt: skip
                out.append(Choice(score, partial(self._render_figure, analysis, operation, [part, whole],
                                                 [cand.passage, view.passage], quote=(cand.start, cand.end)),
                                  "text-table-figure", values=(part.value, whole.value)))  # fmt: skip
                break
        return out

    # -- periods ----------------------------------------------------------------------------

    def _missing_periods(self, analysis: QuestionAnalysis, passages: Sequence[Passage]) -> list[str]:
        """Periods the question asks about that no retrieved passage prints."""
        if not analysis.years:
            return []
        printed: list[str] = []
        for p in passages:
            printed += periods_in(p.chunk.text) + periods_in(p.chunk.title)
        return [_show_period(y, analysis.language) for y in analysis.years if not period_matches(y, printed)]

    # -- rendering ----------------------------------------------------------------------------

    def _citation(self, number: int, passage: Passage, quote: str, cells: Sequence[tuple[int, int]] = ()) -> Citation:
        chunk = passage.chunk
        meta = self.doc_meta(chunk.doc_id) if self.doc_meta else {}
        return Citation(number=number, chunk_id=chunk.chunk_id, doc_id=chunk.doc_id, title=chunk.title, part=chunk.part,
                        doc_type=chunk.doc_type, date=chunk.date, page=chunk.page, passage=chunk.text, quote=quote,
                        score=round(passage.score, 4), doc_number=meta.get("number", ""), url=meta.get("url", ""),
                        table=chunk.table if chunk.kind == "table" else None, cells=tuple(cells))  # fmt: skip

    def _lead(self, passage: Passage, language: str) -> str:
        labels = lang.get(language).LABELS
        chunk = passage.chunk
        if chunk.kind == "table" and chunk.table is not None:
            return labels["table_lead"].format(caption=chunk.table.caption or chunk.title)
        return labels["lead"].format(part=labels["according"].get(chunk.part, chunk.part))

    def _render_cell(self, analysis: QuestionAnalysis, result: TableResult) -> Answer:
        r, c = result.cells[0]
        quote = _row_quote(result.table, [r])
        citation = self._citation(1, result.passage, quote, result.cells)
        value = result.answer
        text = (f"**{value}** — {self._lead(result.passage, analysis.language)}: {result.table.label(r)} — "
                f"{result.table.header[c]}: {value} [1]")  # fmt: skip
        return Answer(question=analysis.question, text=text, language=analysis.language, citations=[citation])

    def _render_superlative(self, analysis: QuestionAnalysis, result: TableResult) -> Answer:
        labels = lang.get(analysis.language).LABELS
        r, c = result.cells[0]
        quote = _row_quote(result.table, [r])
        citation = self._citation(1, result.passage, quote, result.cells)
        value = result.value.text if result.value else ""
        extreme = labels["highest"] if analysis.superlative == "max" else labels["lowest"]
        text = (f"**{result.answer}** ({value}) — {self._lead(result.passage, analysis.language)}: {extreme} "
                f"{labels['column']} „{result.table.header[c]}”: {result.table.label(r)} — {value} [1]")  # fmt: skip
        return Answer(question=analysis.question, text=text, language=analysis.language, citations=[citation])

    def _render_sentence(self, analysis: QuestionAnalysis, cand: SpanCandidate, highlight: bool) -> Answer:
        start, end = (cand.start, cand.end)
        if not highlight and (analysis.answer_type in (AnswerType.EXPLANATION, AnswerType.DEFINITION, AnswerType.OTHER)
                              or cand.text.rstrip().endswith(":")):  # fmt: skip
            start, end = explanation_span(cand)
        quote = cand.passage.chunk.text[start:end]
        citation = self._citation(1, cand.passage, quote)
        lead = self._lead(cand.passage, analysis.language)
        shown = _quote(quote, analysis.language)
        bold = ""
        if highlight and cand.quantity is not None:
            q = cand.quantity
            noun = noun_in(q.noun, analysis.language) if q.unit == "" else ""
            bold = f"**{q.text} {noun}".strip() + "** — "
        text = f"{bold}{lead}: {shown} [1]"
        return Answer(question=analysis.question, text=text, language=analysis.language, citations=[citation])

    def _render_figure(self, analysis: QuestionAnalysis, operation: Operation, operands: list[Operand],
                       passages: list[Passage], table: TableResult | None = None,
                       quote: tuple[int, int] | None = None) -> Answer:  # fmt: skip
        language = analysis.language
        labels = lang.get(language).LABELS
        citations: list[Citation] = []
        numbered: list[Operand] = []
        for op in operands:
            if op.citation == 0:  # given in the question
                numbered.append(op)
                continue
            passage = passages[min(op.citation, len(passages)) - 1]
            number = next((c.number for c in citations if c.chunk_id == passage.chunk.chunk_id), 0)
            if not number:
                number = len(citations) + 1
                cells = [(o.row, o.column) for o in operands if o.row >= 0 and passages[min(o.citation, len(passages)) - 1] is passage]
                if passage.chunk.kind == "table" and passage.chunk.table is not None:
                    shown = _row_quote(passage.chunk.table, sorted({r for r, _ in cells}))
                elif quote is not None and passage is passages[0]:
                    shown = passage.chunk.text[quote[0] : quote[1]]
                else:
                    shown = _sentence_with(passage.chunk.text, op.text)
                citations.append(self._citation(number, passage, shown, cells))
            numbered.append(_renumber(op, number))
        figure = build_figure(operation, numbered, language, absolute=analysis.absolute)
        refs = " ".join(f"[{c.number}]" for c in citations)
        numbers = f" {labels['and']} ".join(operand_text(o, language) for o in figure.operands)
        sources = " ".join(f"{labels['source']}: {_quote(c.quote, language)} [{c.number}]" for c in citations)
        text = (f"{figure.label}: **{figure.display}** {refs}.\n\n"
                f"{labels['calc']}: {figure.formula} — {numbers} {labels['from']} {refs}.\n\n{sources}")
        return Answer(question=analysis.question, text=text, language=language, citations=citations, figures=[figure])


# ---------------------------------------------------------------- helpers


_AVERAGE_CUE = re.compile(r"\b(?:gemiddeld\w*|per|average|on average)\b", re.I)
_SINCE_DATE = re.compile(r"\b(sinds|vanaf|sedert|op|since|from|as of)\s+(?:\d{1,2}\s+\w+\s+)?(?:19|20)\d{2}\b", re.I)
_CAUSE_QUESTION = re.compile("|".join(f"(?:{m.CAUSE_QUESTION})" for m in lang.LANGUAGES.values()), re.I)
_CAUSE_CUE = re.compile("|".join(f"(?:{m.CAUSE_CUES})" for m in lang.LANGUAGES.values()), re.I)
_TOTAL_CUE = re.compile(r"\b(?:in totaal|totaal|samen|in total|total|altogether|combined|alle)\b", re.I)
_SUPERLATIVE_CUE = {
    "max": re.compile(r"\b(?:" + "|".join(sorted(lang.union("SUPERLATIVE_MAX"))) + r"|meest\w*|most)\b", re.I),
    "min": re.compile(r"\b(?:" + "|".join(sorted(lang.union("SUPERLATIVE_MIN"))) + r")\b", re.I),
}


def _counts_what_is_asked(analysis: QuestionAnalysis, cand: SpanCandidate) -> bool:
    """A stated count answers "hoeveel X" only when X is named at it: in its sentence, the
    sentence it continues, or the question it answers (a numbered answer's context)."""
    counted, q = analysis.counted, cand.quantity
    if counted is None or q is None or q.unit or analysis.answer_type != AnswerType.COUNT:
        return True
    context = text_keys(" ".join((cand.text, _previous_sentence(cand), cand.passage.chunk.context)))
    return term_matches(counted.keys, context) or (bool(q.noun) and term_matches(counted.keys, text_keys(q.noun)))


def _relevance(analysis: QuestionAnalysis, text: str) -> float:
    """How much of the question a piece of text holds (weighted coverage of its terms)."""
    return coverage(analysis.terms, [(text_keys(text), 1.0)])


def _pair_about(analysis: QuestionAnalysis, sentences: Sequence[str]) -> bool:
    """Each sentence of a pair must itself be about the question, or refer back to the one
    before it ("Daarvan gingen er …"); a sentence referred back to is its antecedent and
    needs less of the question's words."""
    first, second = sentences[0], sentences[-1]
    cover = [coverage(analysis.terms, [(text_keys(x), 1.0)]) for x in (first, second)]
    if refers_back(second):  # the antecedent names something asked; together they cover the question
        return cover[0] > 0 and coverage(analysis.terms, [(text_keys(f"{first} {second}"), 1.0)]) >= 0.5
    return min(cover) >= 0.5


def _part_names(analysis: QuestionAnalysis) -> list:  # type: ignore[type-arg]
    """The names of a share question that are not its whole: what the share is *of the whole*."""
    whole = {t.text for t in analysis.whole_terms}
    return [t for t in analysis.terms if t.name and t.text not in whole]


def _is_total(view: TableView, result: TableResult) -> bool:
    return any(r in view.totals or c in view.total_cols for r, c in result.cells)


def _quote(text: str, language: str) -> str:
    return f"„{text}”" if language == "nl" else f'"{text}"'


def _show_period(period: str, language: str) -> str:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", period):
        year, month, day = period.split("-")
        names = [m for m, n in (lang.nl.MONTHS if language == "nl" else lang.en.MONTHS).items() if n == int(month)]
        return f"{int(day)} {names[0] if names else month} {year}"
    return period


def _previous_sentence(cand: SpanCandidate) -> str:
    """The sentence a candidate continues (for a list item: the line that opens the list)."""
    index = next((i for i, (s, _) in enumerate(cand.sentences) if s == cand.start), 0)
    return _context_before(cand.passage.chunk.text, cand.sentences, index)[0]


def _carries(cand: SpanCandidate) -> bool:
    index = next((i for i, (s, _) in enumerate(cand.sentences) if s == cand.start), 0)
    return refers_back(cand.text) or _context_before(cand.passage.chunk.text, cand.sentences, index)[1]


def _row_quote(table, rows: Sequence[int]) -> str:  # type: ignore[no-untyped-def]
    """The cited rows of a table as printed in its rendering (caption and header above them)."""
    text = render(table)
    offsets = row_line_offsets(table)
    return "\n".join(text[offsets[r][0] : offsets[r][1]] for r in rows if r < len(offsets))


def _sentence_with(text: str, printed: str) -> str:
    from qa_bot.read.text import split_sentences

    for start, end in split_sentences(text):
        if printed and printed in text[start:end]:
            return text[start:end]
    return text[:300]


def _renumber(op: Operand, number: int) -> Operand:
    from dataclasses import replace

    return replace(op, citation=number)


def _quantity_operand(q: Quantity, role: str, offset: int, language: str = "nl", kind: str = "") -> Operand:
    """An operand from prose, labelled by what it counts, what tells it apart and its year
    ("mobiliteiten toegekend 2025"), in the answer's language."""
    noun = noun_in(q.noun, language)
    qualifier = lang.get(language).LABELS["qualifiers"].get(kind, "") if kind else ""
    label = " ".join(x for x in (noun, qualifier, q.year) if x)
    return Operand(value=q.value, unit=q.unit, year=q.year, text=q.text, citation=1, role=role, label=label)


def _nouns_fit(analysis: QuestionAnalysis, found: Sequence[tuple[Quantity, str]]) -> bool:
    nouns = [q.noun for q, _ in found if q.noun]
    if not nouns:
        return True
    keys = text_keys(" ".join(nouns))
    return any(term_matches(t.keys, keys) for t in analysis.terms)


def _find_value(passages: Sequence[Passage], value: float, unit: str) -> Passage | None:
    """A passage that prints the target value ('12%')."""
    from qa_bot.read.numbers import numbers_in

    for p in passages:
        text = p.chunk.text
        if any(abs(v - value) < 1e-9 for v in numbers_in(text)) and (not unit or re.search(
                rf"{re.escape(fmt_value(value, '', 'nl'))}\s*%|{int(value)}\s*%", text)):  # fmt: skip
            return p
    return None


def _target_operand(target: float, unit: str, passage: Passage | None, language: str) -> Operand:
    printed = fmt_value(target, unit, "nl") if unit != "%" else f"{fmt_value(target, '', 'nl')}%"
    if passage is None:
        return Operand(value=target, unit=unit, year="", text=printed, citation=0, role="target",
                       label=lang.get(language).LABELS["operations"]["gap"].split()[0])  # fmt: skip
    return Operand(value=target, unit=unit, year="", text=printed, citation=2, role="target", label="")

