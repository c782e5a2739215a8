"""Answers from prose: candidate spans of one to three sentences, scored on how they cover
the question, with the quantity the question asks for picked out of them.

A sentence covers a question term fully, its passage and its document's title partly
(¾), the rest of its document a little (0.35). Every period the question asks about must
be printed in the sentence or its passage. For a number question, the span must hold a
quantity of the right kind (a percentage, an amount, a count of the asked noun) for the
asked period; that quantity is highlighted. A sentence that says the figure is not kept
("Deze gegevens worden niet bijgehouden") is a reason to refuse.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from qa_bot import lang
from qa_bot.analysis import AnswerType, QuestionAnalysis, Term
from qa_bot.matching import coverage, hits, term_matches, text_keys
from qa_bot.numbers import Quantity, period_matches, periods_in, quantities
from qa_bot.text import split_sentences
from qa_bot.types import Passage

DocKeys = Callable[[str], frozenset[str]]

_NOT_KEPT = re.compile("|".join(p for m in lang.LANGUAGES.values() for p in m.NOT_KEPT), re.I)
_CONTINUATION = re.compile("|".join(m.CONTINUATION for m in lang.LANGUAGES.values()), re.I)
_APPROXIMATE = re.compile(r"\b(?:ongeveer|ruim|bijna|circa|ca\.|rond|zowat|meer dan|minder dan|about|nearly|"
                          r"almost|over|around|some)\s*$", re.I)  # fmt: skip


@dataclass
class SpanCandidate:
    passage: Passage
    start: int  # span in the chunk text
    end: int
    coverage: float
    periods_ok: bool
    quantity: Quantity | None = None
    quantity_score: float = 0.0
    not_kept: bool = False
    sentences: list[tuple[int, int]] = field(default_factory=list)  # sentence spans in the chunk

    @property
    def text(self) -> str:
        return self.passage.chunk.text[self.start : self.end]


def _layers(sentence: str, passage: Passage, doc_keys: DocKeys | None) -> list[tuple[frozenset[str], float]]:
    chunk = passage.chunk
    layers = [(text_keys(sentence), 1.0), (text_keys(chunk.text), 0.75), (text_keys(chunk.title), 0.75)]
    if doc_keys is not None:
        layers.append((doc_keys(chunk.doc_id), 0.35))
    return layers


def candidates(analysis: QuestionAnalysis, passages: Sequence[Passage], doc_keys: DocKeys | None) -> list[SpanCandidate]:
    """Every sentence of the text passages, scored; best first."""
    found: list[SpanCandidate] = []
    for passage in passages:
        chunk = passage.chunk
        if chunk.kind != "text":
            continue
        spans = list(split_sentences(chunk.text))
        passage_periods = periods_in(chunk.text)
        passage_ok = all(period_matches(p, passage_periods) for p in analysis.years)
        for i, (start, end) in enumerate(spans):
            sentence = chunk.text[start:end]
            cand = SpanCandidate(
                passage=passage, start=start, end=end,
                coverage=coverage(analysis.terms, _layers(sentence, passage, doc_keys)),
                periods_ok=passage_ok, not_kept=bool(_NOT_KEPT.search(sentence)), sentences=spans,
            )  # fmt: skip
            if analysis.answer_type.numeric or analysis.operation is not None:
                cand.quantity, cand.quantity_score = best_quantity(analysis, sentence, spans, i, chunk.text)
            found.append(cand)
    found.sort(key=lambda c: (-(c.coverage + 0.02 * c.passage.score), c.passage.rank, c.start))
    return found


def best_quantity(analysis: QuestionAnalysis, sentence: str, spans: Sequence[tuple[int, int]], index: int,
                  chunk_text: str) -> tuple[Quantity | None, float]:  # fmt: skip
    """The quantity of the sentence the question asks for, and how well it fits (0–1):
    right kind, right period, its words near the number matching the question's terms."""
    best: tuple[float, Quantity | None] = (0.0, None)
    years = analysis.year_set()
    for q in quantities(sentence):
        if not _kind_fits(analysis.answer_type, q):
            continue
        if analysis.years:
            if q.year and not (set(re.findall(r"\d{4}", q.year)) & years):
                continue
            if not q.year and not any(period_matches(p, periods_in(sentence)) for p in analysis.years):
                continue
        window = " ".join(re.findall(r"\S+", sentence[: q.start])[-6:] + [q.noun] + re.findall(r"\S+", sentence[q.end :])[:6])
        near = text_keys(window)
        content = [t for t in analysis.terms if not t.name] or list(analysis.terms)
        fit = sum(t.weight for t in content if term_matches(t.keys, near)) / max(sum(t.weight for t in content), 1e-9)
        if _APPROXIMATE.search(sentence[max(0, q.start - 20) : q.start]) or q.text.lower().startswith(("een ", "de ")):
            fit *= 0.5  # "ruim de helft", "ongeveer 2,9 miljoen": not an exact figure
        if fit > best[0]:
            best = (fit, q)
    return best[1], best[0]


def _kind_fits(answer: AnswerType, q: Quantity) -> bool:
    if answer in (AnswerType.PERCENTAGE, AnswerType.PP):
        return q.unit == "%"
    if answer == AnswerType.AMOUNT:
        return q.unit == "euro"
    if answer in (AnswerType.COUNT, AnswerType.SCORE):
        return q.unit == ""
    return True


def explanation_span(cand: SpanCandidate) -> tuple[int, int]:
    """The best sentence and the one or two after it that continue it ('Daarnaast …',
    a list), within its paragraph: definitions and 'wat onderneemt X' need more than one."""
    spans = cand.sentences
    index = next((i for i, (s, _) in enumerate(spans) if s == cand.start), None)
    if index is None:
        return cand.start, cand.end
    end = cand.end
    text = cand.passage.chunk.text
    for j in range(index + 1, min(index + 3, len(spans))):
        start, stop = spans[j]
        if "\n\n" in text[end:start]:
            break
        nxt = text[start:stop]
        if _CONTINUATION.match(nxt) or text[end:start].count("\n") == 1 or text[cand.start:cand.end].rstrip().endswith(":"):
            end = stop
        else:
            break
    return cand.start, end


def term_hits(terms: Sequence[Term], text: str) -> list[bool]:
    return hits(terms, text_keys(text))
