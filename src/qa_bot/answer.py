"""Passages + :class:`QuestionAnalysis` → :class:`Answer`: a cited value, a computed figure,
or an abstention with a reason code.

Candidates come from tables (:mod:`qa_bot.tablequery`: a cell, a superlative, operands
over cells) and from prose (:mod:`qa_bot.spans` and :mod:`qa_bot.figures`). Each gets a
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
from dataclasses import dataclass, field
from enum import Enum

from qa_bot import lang
from qa_bot.analysis import AnswerType, QuestionAnalysis
from qa_bot.figures import operands_for, unsupported_numbers
from qa_bot.matching import term_matches, text_keys, unmatched_names
from qa_bot.numbers import Quantity, period_matches, periods_in
from qa_bot.operations import Operation, build_figure, fmt_value, operand_text
from qa_bot.spans import SpanCandidate, candidates, explanation_span
from qa_bot.tablequery import TableResult, TableView, figure_operands, lookup, superlative
from qa_bot.tables import render, row_line_offsets
from qa_bot.types import Answer, Citation, Operand, Passage

DEFAULT_THRESHOLD = 0.62


class Reason(str, Enum):
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


def confidence(coverage: float, *, names_ok: bool = True, type_ok: bool = True, rank: int = 1, exact: bool = True,
               fit: float = 1.0, source: float = 1.0) -> float:  # fmt: skip
    """One number in [0, 1] from a candidate's features:

    coverage × fit × (0.5 if a name the question uses is missing) × (0.6 if the value is of
    another kind than asked) × (0.92 if the selection fell back to a default, e.g. the totals
    row) × (1 − 0.03 · (rank − 1)) × source, where ``source`` is 1.15 for the document the
    question names and 0.6 for another one (capped at 1 overall).
    """
    value = coverage * fit
    value *= 1.0 if names_ok else 0.5
    value *= 1.0 if type_ok else 0.6
    value *= 1.0 if exact else 0.92
    value *= 1.0 - 0.03 * (max(rank, 1) - 1)
    value *= source
    return max(0.0, min(1.0, value))


@dataclass
class Choice:
    confidence: float
    render: Callable[[], Answer]
    kind: str
    not_kept: bool = False
    detail: str = ""


@dataclass
class Composer:
    threshold: float = DEFAULT_THRESHOLD
    doc_keys: Callable[[str], frozenset[str]] | None = None
    doc_meta: Callable[[str], dict[str, str]] | None = None
    _choices: list[Choice] = field(default_factory=list)

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
        choices = self._choices_for(analysis, passages)
        if not choices:
            reason = Reason.NO_OPERANDS if analysis.operation else Reason.NOT_COVERED
            detail = lang.get(language).DETAILS["no_match"] if analysis.operation else ""
            return abstain(question, language, reason, detail, passages)
        best = max(choices, key=lambda c: c.confidence)
        if best.not_kept and best.confidence >= self.threshold * 0.8:
            return abstain(question, language, Reason.NOT_KEPT, best.detail, passages, best.confidence)
        if best.confidence < self.threshold:
            return abstain(question, language, Reason.LOW_CONFIDENCE, "", passages, best.confidence)
        answer = best.render()
        answer.passages = passages
        answer.confidence = round(best.confidence, 4)
        if unsupported_numbers(answer.text, answer.citations, answer.figures, language, question):
            return abstain(question, language, Reason.UNSUPPORTED, "", passages, best.confidence)
        return answer

    # -- candidates -------------------------------------------------------------------------

    def _choices_for(self, analysis: QuestionAnalysis, passages: list[Passage]) -> list[Choice]:
        choices: list[Choice] = []
        views = [TableView(p.chunk.table, p, analysis) for p in passages if p.chunk.kind == "table" and p.chunk.table]
        spans = candidates(analysis, passages, self.doc_keys)
        operation = analysis.operation
        if operation is not None:
            if operation in (Operation.SHARE, Operation.COMPLEMENT_SHARE) and not analysis.negated:
                choices += self._table_lookups(analysis, views, stated=True)
                choices += self._span_values(analysis, spans, stated=True)
            if operation == Operation.GAP:
                choices += self._gaps(analysis, views, spans, passages)
            elif operation == Operation.SUM or analysis.total:
                choices += self._table_lookups(analysis, views, stated=True)
                choices += self._table_figures(analysis, views)
                choices += self._span_figures(analysis, spans)
            else:
                choices += self._table_figures(analysis, views)
                choices += self._span_figures(analysis, spans)
            if operation == Operation.AVERAGE:
                choices += self._span_values(analysis, spans, stated=True)
        elif analysis.superlative:
            choices += self._table_superlatives(analysis, views)
            choices += self._span_values(analysis, spans)
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

    def _names_ok(self, analysis: QuestionAnalysis, context: frozenset[str]) -> bool:
        return not unmatched_names(analysis.terms, context)

    def _table_context(self, view: TableView, cells: Sequence[tuple[int, int]]) -> frozenset[str]:
        keys = set(view.ctx_keys)
        for r, c in cells:
            keys |= view.row_keys[r] | view.col_keys[c]
        return frozenset(keys)

    def _table_confidence(self, analysis: QuestionAnalysis, result: TableResult, scanned: Sequence[tuple[int, int]] = ()) -> float:
        view_context = text_keys(" ".join([result.table.caption, result.passage.chunk.title, *result.table.notes]))
        keys = set(view_context)
        for r, c in list(result.cells) + list(scanned):
            keys |= text_keys(result.table.label(r)) | text_keys(result.table.header[c])
        return confidence(result.coverage, names_ok=self._names_ok(analysis, frozenset(keys)), type_ok=result.type_ok,
                          rank=result.passage.rank, exact=result.exact,
                          source=self._source_factor(result.passage, analysis))  # fmt: skip

    def _table_lookups(self, analysis: QuestionAnalysis, views: list[TableView], stated: bool = False) -> list[Choice]:
        out = []
        for view in views:
            result = lookup(view)
            if result is None:
                continue
            if stated and (result.value is None or (analysis.answer_type == AnswerType.PERCENTAGE and result.value.unit != "%")):
                if not (analysis.total and result.value is not None and result.value.is_number):
                    continue
            score = self._table_confidence(analysis, result)
            if result.missing:
                out.append(Choice(score, lambda: Answer("", "", ""), "cell", not_kept=True, detail=result.answer))
                continue
            out.append(Choice(score, lambda r=result: self._render_cell(analysis, r), "cell"))
        return out

    def _table_superlatives(self, analysis: QuestionAnalysis, views: list[TableView]) -> list[Choice]:
        out = []
        for view in views:
            result = superlative(view)
            if result is None:
                continue
            out.append(Choice(self._table_confidence(analysis, result), lambda r=result: self._render_superlative(analysis, r),
                              "superlative"))  # fmt: skip
        return out

    def _table_figures(self, analysis: QuestionAnalysis, views: list[TableView]) -> list[Choice]:
        out = []
        for view in views:
            result = figure_operands(view)
            if result is None or result.operation is None:
                continue
            out.append(Choice(self._table_confidence(analysis, result),
                              lambda r=result: self._render_figure(analysis, r.operation, r.operands, [r.passage],
                                                                   table=r), "table-figure"))  # fmt: skip
        return out

    def _gaps(self, analysis: QuestionAnalysis, views: list[TableView], spans: list[SpanCandidate],
              passages: list[Passage]) -> list[Choice]:  # fmt: skip
        """The distance of a cell (or a stated value) to the target the question names."""
        out = []
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
            out.append(Choice(score, lambda v=value_op, t=target_op, c=cited, r=result: self._render_figure(
                analysis, Operation.GAP, [v, t], c, table=r), "gap"))  # fmt: skip
        return out

    def _span_values(self, analysis: QuestionAnalysis, spans: list[SpanCandidate], stated: bool = False) -> list[Choice]:
        out = []
        numeric = analysis.answer_type.numeric or stated
        for cand in spans[:12]:
            if not cand.periods_ok:
                continue
            context = text_keys(cand.text) | text_keys(cand.passage.chunk.text) | text_keys(cand.passage.chunk.title)
            names_ok = self._names_ok(analysis, context)
            source = self._source_factor(cand.passage, analysis)
            if cand.not_kept:
                score = confidence(cand.coverage, names_ok=names_ok, rank=cand.passage.rank, source=source)
                out.append(Choice(score, lambda: Answer("", "", ""), "sentence", not_kept=True))
                continue
            if numeric:
                if cand.quantity is None:
                    continue
                fit = 0.55 + 0.45 * cand.quantity_score
                score = confidence(cand.coverage, names_ok=names_ok, rank=cand.passage.rank, fit=fit, source=source)
                if stated:
                    score *= 0.97  # a stated value competes with a computed figure on equal terms, just below it
                out.append(Choice(score, lambda c=cand: self._render_sentence(analysis, c, highlight=True), "sentence"))
            else:
                fit = 0.9 if analysis.answer_type in (AnswerType.DATE, AnswerType.YEAR) and not re.search(
                    r"\d{4}", cand.text) else 1.0  # fmt: skip
                score = confidence(cand.coverage, names_ok=names_ok, rank=cand.passage.rank, fit=fit, source=source)
                out.append(Choice(score, lambda c=cand: self._render_sentence(analysis, c, highlight=False), "sentence"))
        return out

    def _span_figures(self, analysis: QuestionAnalysis, spans: list[SpanCandidate]) -> list[Choice]:
        """Operands from one sentence, or from two sentences of the same passage."""
        out = []
        operation = analysis.operation
        if operation is None:
            return out
        seen: set[tuple[str, int]] = set()
        for cand in spans[:12]:
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
                found, _ = operands_for(operation, window, analysis.years, local)
                if not found:
                    continue
                operands = [_quantity_operand(q, role, start) for q, role in found]
                coverage = cand.coverage if lo == hi else cand.coverage * 0.95
                names_ok = self._names_ok(analysis, text_keys(text) | text_keys(cand.passage.chunk.title))
                fit = 1.0 if _nouns_fit(analysis, found) else 0.8
                score = confidence(coverage, names_ok=names_ok, rank=cand.passage.rank, fit=fit,
                                   source=self._source_factor(cand.passage, analysis))  # fmt: skip
                quote = (start, end)
                out.append(Choice(score, lambda ops=operands, c=cand, q=quote: self._render_figure(
                    analysis, operation, ops, [c.passage], quote=q), "text-figure"))  # fmt: skip
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
        if analysis.answer_type in (AnswerType.EXPLANATION, AnswerType.DEFINITION, AnswerType.OTHER) and not highlight:
            start, end = explanation_span(cand)
        quote = cand.passage.chunk.text[start:end]
        citation = self._citation(1, cand.passage, quote)
        lead = self._lead(cand.passage, analysis.language)
        shown = _quote(quote, analysis.language)
        bold = ""
        if highlight and cand.quantity is not None:
            q = cand.quantity
            bold = f"**{q.text} {q.noun}".strip() + "** — " if q.unit == "" and q.noun else f"**{q.text}** — "
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


def _quote(text: str, language: str) -> str:
    return f"„{text}”" if language == "nl" else f'"{text}"'


def _show_period(period: str, language: str) -> str:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", period):
        year, month, day = period.split("-")
        names = [m for m, n in (lang.nl.MONTHS if language == "nl" else lang.en.MONTHS).items() if n == int(month)]
        return f"{int(day)} {names[0] if names else month} {year}"
    return period


def _row_quote(table, rows: Sequence[int]) -> str:  # type: ignore[no-untyped-def]
    """The cited rows of a table as printed in its rendering (caption and header above them)."""
    text = render(table)
    offsets = row_line_offsets(table)
    return "\n".join(text[offsets[r][0] : offsets[r][1]] for r in rows if r < len(offsets))


def _sentence_with(text: str, printed: str) -> str:
    from qa_bot.text import split_sentences

    for start, end in split_sentences(text):
        if printed and printed in text[start:end]:
            return text[start:end]
    return text[:300]


def _renumber(op: Operand, number: int) -> Operand:
    from dataclasses import replace

    return replace(op, citation=number)


def _quantity_operand(q: Quantity, role: str, offset: int) -> Operand:
    label = " ".join(x for x in (q.noun, q.year) if x)
    return Operand(value=q.value, unit=q.unit, year=q.year, text=q.text, citation=1, role=role, label=label)


def _nouns_fit(analysis: QuestionAnalysis, found: Sequence[tuple[Quantity, str]]) -> bool:
    nouns = [q.noun for q, _ in found if q.noun]
    if not nouns:
        return True
    keys = text_keys(" ".join(nouns))
    return any(term_matches(t.keys, keys) for t in analysis.terms)


def _find_value(passages: Sequence[Passage], value: float, unit: str) -> Passage | None:
    """A passage that prints the target value ('12%')."""
    from qa_bot.numbers import numbers_in

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

