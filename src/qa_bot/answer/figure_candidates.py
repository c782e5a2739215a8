"""Candidates computed from operands: a figure over table cells, over one or two sentences,
a sentence's part over a table's total, the gap to a target the question names, and a
total (stated or summed); each operand cites where it was read."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import partial

from qa_bot import lang
from qa_bot.answer.candidates import Candidates, _terms_in, part_named
from qa_bot.answer.choice import Choice, confidence
from qa_bot.answer.figures import (
    change_and_level,
    contrast_operands,
    enumerated_share,
    joined_share,
    joined_shares,
    operands_for,
    qualifiers,
    refers_back,
)
from qa_bot.answer.matching import contradicted, coverage, term_matches, text_keys
from qa_bot.answer.operations import Operation, fmt_value
from qa_bot.answer.question import AnswerType, QuestionAnalysis, Term
from qa_bot.answer.relations import SOURCE_LANGUAGE, own_words, tabular
from qa_bot.answer.spans import _REJECTED, SpanCandidate
from qa_bot.answer.tablefigures import figure_operands, total_cell
from qa_bot.answer.tablequery import TableView, lookup
from qa_bot.read.numbers import is_money, period_matches, periods_in
from qa_bot.read.quantities import Quantity, printed_figures, quantities
from qa_bot.read.text import noun_in, remember_sentences
from qa_bot.types import Operand, Passage


class FigureCandidates(Candidates):
    """The computed candidates of :class:`qa_bot.answer.compose.Composer`."""

    def _totals(self, analysis: QuestionAnalysis, views: list[TableView], spans: list[SpanCandidate]) -> list[Choice]:
        """A total: stated (a totals row or column, a sentence) or summed from the items."""
        choices = [c for c in self._table_lookups(analysis, views, stated=True)]
        choices += self._table_figures(analysis, views, Operation.SUM)
        choices += self._span_values(analysis, spans)
        choices += self._span_figures(analysis, spans, Operation.SUM)
        return choices

    def _table_figures(self, analysis: QuestionAnalysis, views: list[TableView],
                       operation: Operation | None = None) -> list[Choice]:  # fmt: skip
        out = []
        for view in views:
            result = figure_operands(view, operation)
            if result is None or result.operation is None:
                continue
            labels = " ".join(f"{view.table.label(r)} {view.table.header[c]}" for r, c in result.cells)
            if not part_named(analysis, text_keys(labels) | view.title_keys):
                continue  # the share's part is another row
            if not units_fit(analysis, [o.unit for o in result.operands]):
                continue  # "hoeveel procentpunt": a difference of amounts is not asked
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
                remember_sentences(window, local)  # its sentences as read at index time
                if tabular(window):
                    continue  # a flattened table or chart: its numbers lost their rows
                found, used = _window_operands(analysis, operation, window, local)
                if not found or _other_than_given(analysis, [q for q, _ in found]):
                    continue
                if lo != hi and used == operation and not _pair_about(analysis, [text[a:b] for a, b in cand.sentences[lo : hi + 1]]):
                    continue  # (the shares of joined things name one thing each: the pair is about the question together)
                if not part_named(analysis, text_keys(window)):
                    continue  # the share's part is not what these sentences give
                if not units_fit(analysis, [q.unit for q, _ in found]) or contradicted(analysis.terms, analysis.question, window):
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
                    analysis, used, operands, [cand.passage], quote=quote), "text-figure",
                    values=tuple(o.value for o in operands)))  # fmt: skip
                break
        return out

    def _given_figures(self, analysis: QuestionAnalysis, spans: list[SpanCandidate],
                       passages: list[Passage]) -> list[Choice]:  # fmt: skip
        """A share or a difference with an operand the question itself gives ("dan de bijdrage van
        125 miljoen euro", "welk deel van de oorspronkelijk 57 woningen"), printed in a retrieved
        passage that is cited for it; the other operand is the number of a sentence about the
        question, of the same unit (and, for a count, of the same noun)."""
        operation = analysis.operation
        if operation not in (Operation.SHARE, Operation.DIFFERENCE) or len(analysis.years) > 1:
            return []
        given = given_quantities(analysis.question, analysis.language)
        if len(given) != 1:
            return []
        g = given[0]
        at = _find_value(passages, g.value, "%" if g.unit == "%" else "")
        if at is None:
            return []  # a number the sources do not print is no operand to cite
        out: list[Choice] = []
        for cand in spans[:20]:
            text = cand.text
            if not cand.periods_ok or cand.passage.chunk.doc_id != at.chunk.doc_id or tabular(text):
                continue  # the given number and the other are of one document
            if not part_named(analysis, text_keys(text)) or contradicted(analysis.terms, analysis.question, text):
                continue
            qs = printed_figures(quantities(text, SOURCE_LANGUAGE))
            others = [x for x in qs if _same_kind(x, g) and abs(x.value - g.value) > 1e-9]
            if not others:
                continue
            q = max(others, key=lambda x: _relevance(analysis, own_words(text, qs, x)))  # the first of a tie
            if operation == Operation.SHARE:
                if q.value > g.value:
                    continue  # "welk deel van de 57 woningen": the given number is the whole
                roles = [(q, "part", 1), (g, "whole", 2)]
            else:
                roles = [(g, "before", 2), (q, "after", 1)]
            operands = [replace(_quantity_operand(x, role, 0, analysis.language), citation=citation)
                        for x, role, citation in roles]  # fmt: skip
            cited = [cand.passage, at]
            if at is cand.passage:
                operands = [replace(o, citation=1) for o in operands]
                cited = [cand.passage]
            names_ok = self._names_ok(analysis, text_keys(cand.passage.chunk.text) | text_keys(cand.passage.chunk.title),
                                      cand.passage.chunk.doc_id)  # fmt: skip
            score = confidence(cand.coverage, names_ok=names_ok, rank=cand.passage.rank,
                               source=self._source_factor(cand.passage, analysis))  # fmt: skip
            out.append(Choice(score, partial(self._render_figure, analysis, operation, operands, cited,
                                             quote=(cand.start, cand.end)), "text-figure",
                              values=tuple(o.value for o in operands)))  # fmt: skip
            break  # the best sentence about the question gives the other operand
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
                if not part_named(analysis, text_keys(cand.text)):
                    continue
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


def _window_operands(analysis: QuestionAnalysis, operation: Operation, window: str,
                     local: Sequence[tuple[int, int]]) -> tuple[list[tuple[Quantity, str]], Operation]:  # fmt: skip
    """The operands of one window of sentences, and the operation they make (a growth from a
    change and its level; the shares of joined things added up)."""
    found, _ = operands_for(operation, window, analysis.years, local, analysis.since,
                            relevance=partial(_relevance, analysis), ends=analysis.range_ends)  # fmt: skip
    if found and not _part_at_part(analysis, window, found):
        found = []  # the pair's part is another item ("Hfl. 200000 t.b.v. …"): the asked one may be a list's
    if operation == Operation.SHARE and analysis.joined:
        named = [partial(_names_term, t) for t in analysis.joined]
        together = joined_share(window, named)
        if together:  # "respectievelijk 20 en 13 projecten onder … Midden- en Zuid-Oost", "samen" asked
            return together, Operation.JOINED_SHARE
        part = next((q for q, role in found if role == "part"), None)
        qs = printed_figures(quantities(window, SOURCE_LANGUAGE))
        if part is None or not all(names(own_words(window, qs, part)) for names in named):
            found = []  # one of the two things is no share of both together
    if not found and operation == Operation.DIFFERENCE and not analysis.range_ends:
        found = contrast_operands(window, partial(_names_in, analysis)) if len(analysis.years) < 2 else []
        if not found and analysis.absolute:  # "hoeveel procentpunt groter is A dan B": by their words
            found = contrast_operands(window, partial(_terms_in, analysis))
            if analysis.answer_type == AnswerType.PP and any(q.unit not in ("%", "pp") for q, _ in found):
                found = []  # points from words: only of two percentages
    used = operation
    if not found and operation == Operation.GROWTH and not analysis.years[1:]:
        found = change_and_level(window, local)  # "toe met € 23,4 mld. … tot € 74,6 mld."
        used = Operation.GROWTH_FROM_CHANGE
    if not found and operation == Operation.SHARE and analysis.joined:
        found = joined_shares(window, [partial(_names_term, t) for t in analysis.joined])
        used = Operation.SUM  # the shares of the things added up, of one whole
        if found and analysis.whole_terms and not _whole_named(analysis, window):
            found = []  # the whole must be named
    if not found and operation == Operation.SHARE and not analysis.joined and analysis.part_terms:
        found = enumerated_share(window, lambda words: part_named(analysis, text_keys(words)))
        used = Operation.SHARE_OF_SUM  # "f 2 mln. voor de FAO, f 2 mln. voor Unicef en f 1 mln. voor het ICRC"
        if found and not _whole_named(analysis, window):
            found = []  # the whole must be named: the list is what it is made of
    return found, used


def _whole_named(analysis: QuestionAnalysis, window: str) -> bool:
    """Whether the sentences name a share's whole ("welk deel van de noodhulp …": "noodhulpfondsen")."""
    keys = text_keys(window)
    return any(term_matches(t.keys, keys) for t in analysis.whole_terms)


@functools.lru_cache(maxsize=1024)
def given_quantities(question: str, language: str) -> tuple[Quantity, ...]:
    """The numbers a question gives ("de bijdrage van 125 miljoen euro", "de oorspronkelijk 57
    woningen"); never a label's number ("C 2-kandidaten", "artikel 11": a capital or an identifier before it)."""
    return tuple(q for q in quantities(question, language)
                 if not re.search(r"(?:^|\s)[A-Z]\s*$", question[: q.start]) and q.unit != "pp")  # fmt: skip


def _part_at_part(analysis: QuestionAnalysis, window: str, found: Sequence[tuple[Quantity, str]]) -> bool:
    """A share's part is named at the part's own number ("− indexatie: +331 miljoen euro"), not
    only somewhere in its sentences (where another item, "− Lantis: +2.513,8 miljoen", is the part)."""
    part = next((q for q, role in found if role == "part"), None)
    if part is None or analysis.operation not in (Operation.SHARE, Operation.COMPLEMENT_SHARE) or not analysis.part_terms:
        return True
    if not part_named(analysis, text_keys(window)):
        return True  # (refused elsewhere: the part is not in these sentences at all)
    return part_named(analysis, text_keys(own_words(window, printed_figures(quantities(window, SOURCE_LANGUAGE)), part)))


def _other_than_given(analysis: QuestionAnalysis, found: Sequence[Quantity]) -> bool:
    """Whether a share's operands leave out the number the question gives of the same kind
    ("welk deel van de bijkomende maatregelen van € 2,55 mld.": a share of € 1,77 mld. is of another whole)."""
    if analysis.operation != Operation.SHARE:
        return False
    given = given_quantities(analysis.question, analysis.language)
    return len(given) == 1 and all(_same_kind(q, given[0]) and abs(q.value - given[0].value) > 1e-9 for q in found)


def _same_kind(a: Quantity, b: Quantity) -> bool:
    """Two amounts of money, two percentages, or two counts of the same thing."""
    if is_money(a.unit) or is_money(b.unit):
        return is_money(a.unit) and is_money(b.unit)
    if a.unit != b.unit:
        return False
    return a.unit == "%" or bool(a.noun_key and a.noun_key == b.noun_key)


def units_fit(analysis: QuestionAnalysis, units: Sequence[str]) -> bool:
    """Whether operands can give the unit the question asks for: points are no difference of
    amounts, an amount comes from amounts (a share or a growth rate has a unit of its own)."""
    if analysis.answer_type == AnswerType.PP:
        return not any(is_money(u) for u in units)  # points of a percentage or of a score
    if analysis.answer_type == AnswerType.AMOUNT and analysis.operation in (Operation.DIFFERENCE, Operation.SUM):
        return all(is_money(u) for u in units)
    return True


def _names_in(analysis: QuestionAnalysis, text: str) -> frozenset[int]:
    """Which of the question's names (places, groups, organisations) a text holds, by their
    order in the question."""
    return frozenset(i for i in _terms_in(analysis, text) if analysis.terms[i].name or analysis.terms[i].place)


def _names_term(term: Term, text: str) -> bool:
    """Whether a text names one term of the question."""
    return term_matches(term.keys, text_keys(text))


def _relevance(analysis: QuestionAnalysis, text: str) -> float:
    """How much of the question a piece of text holds (weighted coverage of its terms)."""
    return coverage(analysis.terms, [(text_keys(text), 1.0)])


_LIST_AFTER_COLON = re.compile(r":\s*[−–•*-]\s*\w")  # "De verklaring … is: − Lantis: …": it breaks down what came before


def _pair_about(analysis: QuestionAnalysis, sentences: Sequence[str]) -> bool:
    """Each sentence of a pair must itself be about the question, or refer back to the one
    before it ("Daarvan gingen er …"); a sentence referred back to is its antecedent and
    needs less of the question's words."""
    first, second = sentences[0], sentences[-1]
    cover = [coverage(analysis.terms, [(text_keys(x), 1.0)]) for x in (first, second)]
    breakdown = analysis.operation in (Operation.SHARE, Operation.COMPLEMENT_SHARE) and _LIST_AFTER_COLON.search(second)
    if refers_back(second) or breakdown:  # the antecedent names something asked; together they cover the question
        return cover[0] > 0 and coverage(analysis.terms, [(text_keys(f"{first} {second}"), 1.0)]) >= 0.5
    return min(cover) >= 0.5


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
