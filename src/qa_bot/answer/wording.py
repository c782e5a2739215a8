"""Wording: a chosen candidate as a cited answer — a cell, a ranked item, a sentence or a
computed figure with its formula — each citation quoting the rows or sentence it rests on."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from qa_bot import lang
from qa_bot.answer.operations import Operation, build_figure, operand_text
from qa_bot.answer.question import AnswerType, QuestionAnalysis
from qa_bot.answer.spans import SpanCandidate, antecedent_start, explanation_span
from qa_bot.answer.tablequery import TableResult
from qa_bot.read.tables import render, row_line_offsets
from qa_bot.read.text import noun_in
from qa_bot.types import Answer, Citation, Operand, Passage


class Wording:
    """The rendering half of :class:`qa_bot.answer.compose.Composer`."""

    doc_meta: Callable[[str], dict[str, str]] | None

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
            start, end = explanation_span(cand, cause=analysis.cause)
        start = min(start, antecedent_start(cand))  # "Deze kwam uit op …" is quoted with what "deze" is
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


def _quote(text: str, language: str) -> str:
    return f"„{text}”" if language == "nl" else f'"{text}"'


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
