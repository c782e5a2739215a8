"""Candidates stated in the sources: a table cell, a ranked item, a sentence that gives the
value or the explanation asked, each with its prior (:func:`.choice.confidence`) and how
it would be worded (:class:`.wording.Wording`)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import partial

from qa_bot.answer.choice import Choice, Score, confidence
from qa_bot.answer.figures import one_part, refers_back
from qa_bot.answer.matching import contradicted, coverage, term_matches, text_keys, unmatched_names
from qa_bot.answer.operations import Operation
from qa_bot.answer.question import AnswerType, QuestionAnalysis
from qa_bot.answer.relations import compared_with, stated_change, stated_difference
from qa_bot.answer.spans import CAUSE_CUE, SpanCandidate, _context_before, asked_as_cause, next_sentence
from qa_bot.answer.tablefigures import whole_row_named
from qa_bot.answer.tablequery import TableResult, TableView, lookup, superlative
from qa_bot.answer.wording import Wording
from qa_bot.read.numbers import dated, is_money, periods_in
from qa_bot.read.text import key
from qa_bot.types import Answer, Passage


class Candidates(Wording):
    """The stated candidates of :class:`qa_bot.answer.compose.Composer`, and the features
    every candidate shares: coverage, names, source and rank."""

    doc_keys: Callable[[str, str], frozenset[str]] | None  # (doc_id, part or "") → keys
    titled: frozenset[str]  # the retrieved documents the question names by their title ("volgens de SERV-evaluatie")
    doc_dated: Callable[[str], frozenset[tuple[str, str]]] | None  # doc_id → (key, year) printed together

    def _source_factor(self, passage: Passage, analysis: QuestionAnalysis) -> float:
        """1.15 for the document the question names (by number or person), 0.6 for another;
        0 for a document other than the one(s) the question names by its title, when that one
        was retrieved: "According to the SERV evaluation …" is not answered by another report."""
        attribution = analysis.attribution
        if self.titled and passage.chunk.doc_id not in self.titled:
            return 0.0
        if self._of_another_year(passage.chunk.doc_id, analysis):
            return 0.0
        if not (attribution.number or attribution.persons) or self.doc_meta is None:
            return 1.0
        meta = self.doc_meta(passage.chunk.doc_id)
        named = False
        if attribution.number:
            named = meta.get("number", "").lstrip("0") == attribution.number.lstrip("0")
        if attribution.persons and not named:
            people = text_keys(" ".join(meta.get(k) or "" for k in ("asked_by", "minister")))
            if not people and self.doc_keys is not None:  # a debate or a report: its speakers are in its text
                people = self.doc_keys(passage.chunk.doc_id, "")
            named = any(term_matches(text_keys(p), people) for p in attribution.persons)
        return 1.15 if named else 0.6

    def _of_another_year(self, doc_id: str, analysis: QuestionAnalysis) -> bool:
        """Whether the document prints a term the question dates only with other years: asked
        about the "begrotingsaanpassing 2026", a text that speaks of the "begrotingsaanpassing
        2025" (and of the "begrotingsopmaak 2026") is about another budget."""
        if not analysis.dated_terms or self.doc_dated is None:
            return False
        printed = self.doc_dated(doc_id)
        for text, year in analysis.dated_terms:
            term = next((t for t in analysis.terms if t.text == text), None)
            if term is None:
                continue
            forms = {key(text.lower())} | {k for k in term.keys if len(k) <= 4}  # the word, or its abbreviation
            years = {y for k, y in printed if k in forms}
            if years and year not in years:
                return True
        return False

    def _names_ok(self, analysis: QuestionAnalysis, context: frozenset[str], doc_id: str = "",
                  near: frozenset[str] = frozenset(), strict: bool = False) -> float:  # fmt: skip
        """1 when the context holds every name of the question; when a missing one is nearby
        (the passage, or its part of the document) 0.95, or elsewhere in the same document
        (which is about it) 0.9; else 0.5.
        ``strict`` (a number from a sentence): a place not at the number rules the number out."""
        missing = [t for t in analysis.terms if t.text in unmatched_names(analysis.terms, context)]
        if not missing:
            return 1.0
        if strict and any(t.place for t in missing):
            return 0.0  # a place splits figures: this number is another place's, or all places'
        if near and not unmatched_names(missing, near):
            return 0.95  # an organisation is the topic: named nearby
        if doc_id and self.doc_keys is not None and not unmatched_names(missing, self.doc_keys(doc_id, "")):
            return 0.9
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
            if stated and not part_named(analysis, row_label):
                continue
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
                if stated and analysis.operation == Operation.GROWTH and not stated_change(cand.text, cand.quantity):
                    continue  # a growth is answered by a change ("verhoogd met 10%"), not by a share of something
                if stated and analysis.operation == Operation.DIFFERENCE and not (
                        stated_difference(cand.text, cand.quantity) and _stated_unit_fits(analysis, cand.quantity.unit)
                        and _same_base(analysis, cand.text, cand.quantity.end)):  # fmt: skip
                    continue  # "met hoeveel neemt X toe" is answered by a change ("toe met € 5,36 mld."), not a level
                if not _counts_what_is_asked(analysis, cand):
                    continue  # "hoeveel kinderen": 1.906 uithuiszettingen is another count
                if contradicted(analysis.terms, analysis.question, cand.text):
                    continue  # asked for the verkooprecht (the C 2-examen), this is the verdeelrecht's (C 1's)
                if stated and not part_named(analysis, context):
                    continue  # a stated share of something else
                if analysis.joined and not all(term_matches(t.keys, text_keys(cand.text)) for t in analysis.joined):
                    continue  # "de opcentiemen en de gewestbelastingen samen": this sentence has one of them
                if (analysis.total or analysis.operation == Operation.SUM) and one_part(
                        cand.text, cand.quantity.start, partial(_terms_in, analysis)):  # fmt: skip
                    continue  # "in totaal … aan huurders en aan kopers": this number is the huurders' only
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
                    if analysis.answer_type == AnswerType.DATE and not any(map(dated, periods_in(cand.text))):
                        fit *= 0.85  # "per wanneer": a date asked, and this sentence prints no day or month
                if analysis.superlative:
                    fit *= 0.85  # a sentence says less precisely than a ranked table
                as_cause = asked_as_cause(analysis, cand.text) if analysis.cause else 0.0
                if as_cause == 1.0:
                    continue  # "waarom verhoogde X de tarieven?" ← "X verhoogde de tarieven, waardoor …"
                if analysis.cause and (as_cause > 0.5 or not (
                        CAUSE_CUE.search(cand.text) or CAUSE_CUE.search(next_sentence(cand)))):  # fmt: skip
                    # "waarom …?": a sentence that gives no cause (nor the next), or mostly the cause
                    # of something else, explains less
                    fit *= 0.85
                score = confidence(cand.coverage, names_ok=names_ok, rank=cand.passage.rank, fit=fit, source=source)
                out.append(Choice(score, partial(self._render_sentence, analysis, cand, highlight=False), "sentence"))
        return out


def _same_base(analysis: QuestionAnalysis, text: str, end: int) -> bool:
    """A stated difference compares with what the question compares with: "… 0,4 procentpunt
    hoger dan bij de BO 2025" does not answer "… hoger … dan die voor de ontvangsten"."""
    asked, stated = compared_with(analysis.question), compared_with(text, end)
    if not asked or not stated:
        return True
    asked_terms = [t for t in analysis.terms if term_matches(t.keys, text_keys(asked))]
    return not asked_terms or any(term_matches(t.keys, text_keys(stated)) for t in asked_terms)


def _stated_unit_fits(analysis: QuestionAnalysis, unit: str) -> bool:
    """A stated difference answers in the asked unit: points are no growth rate ("met 10%"), an
    amount is money."""
    if analysis.answer_type == AnswerType.PP:
        return unit == "pp"
    if analysis.answer_type == AnswerType.AMOUNT:
        return is_money(unit)
    return unit != "%"


_AVERAGE_CUE = re.compile(r"\b(?:gemiddeld\w*|per|average|on average)\b", re.I)


_SINCE_DATE = re.compile(r"\b(sinds|vanaf|sedert|op|since|from|as of)\s+(?:\d{1,2}\s+\w+\s+)?(?:19|20)\d{2}\b", re.I)






_TOTAL_CUE = re.compile(r"\b(?:in totaal|totaal|samen|in total|total|altogether|combined|alle)\b", re.I)


def _counts_what_is_asked(analysis: QuestionAnalysis, cand: SpanCandidate) -> bool:
    """A stated count answers "hoeveel X" only when X is named at it: in its sentence, the
    sentence it continues, or the question it answers (a numbered answer's context)."""
    counted, q = analysis.counted, cand.quantity
    if counted is None or q is None or q.unit or analysis.answer_type != AnswerType.COUNT:
        return True
    context = text_keys(" ".join((cand.text, _previous_sentence(cand), cand.passage.chunk.context)))
    return term_matches(counted.keys, context) or (bool(q.noun) and term_matches(counted.keys, text_keys(q.noun)))


def _part_names(analysis: QuestionAnalysis) -> list:  # type: ignore[type-arg]
    """The names of a share question that are not its whole: what the share is *of the whole*."""
    whole = {t.text for t in analysis.whole_terms}
    return [t for t in analysis.terms if t.name and t.text not in whole]


_SHARES = (Operation.SHARE, Operation.COMPLEMENT_SHARE)


def part_named(analysis: QuestionAnalysis, keys: frozenset[str]) -> bool:
    """Whether a share's part operand stands where the question's part is named: "welk deel
    van de stijging is toe te schrijven aan Lantis" is not answered by a sentence or a table
    row without Lantis. True when the question names no part (or asks no share)."""
    if analysis.operation not in _SHARES or not analysis.part_terms:
        return True
    return any(term_matches(t.keys, keys) for t in analysis.part_terms)


def _is_total(view: TableView, result: TableResult) -> bool:
    return any(r in view.totals or c in view.total_cols for r, c in result.cells)


def _terms_in(analysis: QuestionAnalysis, text: str) -> frozenset[int]:
    """Which of the question's terms a text holds, by their order in the question."""
    keys = text_keys(text)
    return frozenset(i for i, t in enumerate(analysis.terms) if term_matches(t.keys, keys))


def _previous_sentence(cand: SpanCandidate) -> str:
    """The sentence a candidate continues (for a list item: the line that opens the list)."""
    index = next((i for i, (s, _) in enumerate(cand.sentences) if s == cand.start), 0)
    return _context_before(cand.passage.chunk.text, cand.sentences, index)[0]


def _carries(cand: SpanCandidate) -> bool:
    index = next((i for i, (s, _) in enumerate(cand.sentences) if s == cand.start), 0)
    return refers_back(cand.text) or _context_before(cand.passage.chunk.text, cand.sentences, index)[1]
