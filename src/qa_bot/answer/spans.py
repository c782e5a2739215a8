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
from dataclasses import dataclass, field, replace

from qa_bot import lang
from qa_bot.answer.matching import coverage, term_matches, text_keys
from qa_bot.answer.operations import Operation
from qa_bot.answer.question import AnswerType, QuestionAnalysis
from qa_bot.answer.relations import range_end, stated_difference
from qa_bot.read.numbers import is_money, period_matches, periods_in, sole_period
from qa_bot.read.quantities import Quantity, printed_figures, quantities
from qa_bot.read.text import remember_sentences, split_sentences
from qa_bot.types import Passage

DocKeys = Callable[[str, str], frozenset[str]]  # (doc_id, part or "") → keys

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


_REJECTED = re.compile("|".join(f"(?:{m.REJECTED_BEFORE})" for m in lang.LANGUAGES.values()), re.I)
_LIST_ITEM = re.compile(r"^\s*(?:[-•*▪–]|\d{1,2}[.)]|[a-z]\))\s+")


def _context_before(text: str, spans: Sequence[tuple[int, int]], i: int) -> tuple[str, bool]:
    """The sentence this one continues: the one before it in its paragraph, or, for a list
    item ('- 2023-2024: 1.872 studenten'), the line that opens the list. The flag says
    whether it carries over fully (a list item belongs to its intro)."""
    start = spans[i][0]
    if _LIST_ITEM.match(text[start : spans[i][1]]):
        for j in range(i - 1, max(-1, i - 12), -1):
            a, b = spans[j]
            if text[a:b].rstrip().endswith(":"):
                return text[a:b], True
            if not _LIST_ITEM.match(text[a:b]):
                break
    if i and "\n\n" not in text[spans[i - 1][1] : start]:
        return text[spans[i - 1][0] : spans[i - 1][1]], False
    return "", False


def _layers(sentence: str, previous: str, passage: Passage, doc_keys: DocKeys | None,
            listed: bool = False) -> list[tuple[frozenset[str], float]]:  # fmt: skip
    """Where a term may be found, and its credit: the sentence itself; the sentence before
    it, which a sentence refers back to ("Daarvan waren er …"); the passage; the document's
    title; the rest of the document. Context flows backwards: a qualifier in a later
    sentence ("… en 837 voor personeel") does not describe this sentence's number."""
    from qa_bot.answer.figures import refers_back

    chunk = passage.chunk
    carried = 0.9 if listed or refers_back(sentence) else 0.6  # "Daarvan …", a list item: the subject carries over
    layers = [(text_keys(sentence), 1.0), (text_keys(previous), carried), (text_keys(chunk.text), 0.5),
              (text_keys(chunk.title), 0.6)]  # fmt: skip
    if doc_keys is not None:
        # The same part of the document (a chunk boundary splits one topic) and the whole document.
        layers += [(doc_keys(chunk.doc_id, chunk.part), 0.45), (doc_keys(chunk.doc_id, ""), 0.3)]
    return layers


def candidates(analysis: QuestionAnalysis, passages: Sequence[Passage], doc_keys: DocKeys | None) -> list[SpanCandidate]:
    """Every sentence of the text passages, scored; best first."""
    found: list[SpanCandidate] = []
    for passage in passages:
        chunk = passage.chunk
        if chunk.kind != "text":
            continue
        spans = list(chunk.sentences or split_sentences(chunk.text))
        remember_sentences(chunk.text, spans)
        for a, b in spans:  # each sentence is one sentence, as read at index time
            remember_sentences(chunk.text[a:b], [(0, b - a)])
        passage_periods = periods_in(chunk.text) + periods_in(chunk.title)  # "Vlaamse begroting 2026": the document's own year
        passage_ok = all(period_matches(p, passage_periods) for p in analysis.years)
        for i, (start, end) in enumerate(spans):
            sentence = chunk.text[start:end]
            own = periods_in(sentence)
            if not own and i and "\n\n" not in chunk.text[spans[i - 1][1] : start]:
                own = periods_in(chunk.text[spans[i - 1][0] : spans[i - 1][1]])  # "Daarvan waren er …"
            if not own:
                own = sole_period(chunk.title)  # a document about one year ("Vlaamse begroting 2026") speaks of that year
            previous, listed = _context_before(chunk.text, spans, i)
            cand = SpanCandidate(
                passage=passage, start=start, end=end,
                coverage=coverage(analysis.terms, _layers(sentence, previous, passage, doc_keys, listed)),
                periods_ok=passage_ok, not_kept=bool(_NOT_KEPT.search(sentence)), sentences=spans,
            )  # fmt: skip
            if analysis.answer_type.numeric or analysis.operation is not None:
                cand.quantity, cand.quantity_score = best_quantity(analysis, sentence, own)
            elif analysis.answer_type in _SPAN_ANSWERS:
                _widen(cand, analysis, previous, doc_keys, listed)
            found.append(cand)
    found.sort(key=lambda c: (-(c.coverage + 0.02 * c.passage.score), c.passage.rank, c.start))
    return found


# Answers that are a short span of prose: what a term means, what someone does or why.
_SPAN_ANSWERS = (AnswerType.EXPLANATION, AnswerType.DEFINITION, AnswerType.OTHER)


def _widen(cand: SpanCandidate, analysis: QuestionAnalysis, previous: str, doc_keys: DocKeys | None,
           listed: bool) -> None:  # fmt: skip
    """Score an explanation as the sentence and the one or two after it in its paragraph,
    when they cover the question better together ("Vanuit Epos worden infosessies
    georganiseerd … Tussen 2022 en 2025 werden 83 nieuwe scholen betrokken")."""
    text = cand.passage.chunk.text
    index = next((i for i, (a, _) in enumerate(cand.sentences) if a == cand.start), None)
    if index is None:
        return
    end = cand.end
    for j in range(index + 1, min(index + 3, len(cand.sentences))):
        start, stop = cand.sentences[j]
        if "\n\n" in text[end:start]:
            break
        end = stop
        layers = _layers(text[cand.start : end], previous, cand.passage, doc_keys, listed)
        wider = 0.97 ** (j - index) * coverage(analysis.terms, layers)  # a tighter span is preferred
        if wider > cand.coverage + 0.05:
            cand.coverage, cand.end = wider, end


def _change_between(analysis: QuestionAnalysis, sentence: str, q: Quantity, periods: Sequence[str]) -> bool:
    """A change printed between the two periods the question asks about ("neemt in 2026 toe met
    € 5,36 mld. ten opzichte van 2025"): the number of both periods of its sentence."""
    return (len(analysis.years) == 2 and analysis.operation in (Operation.DIFFERENCE, Operation.GROWTH)
            and all(period_matches(p, list(periods)) for p in analysis.years) and stated_difference(sentence, q))  # fmt: skip


def best_quantity(analysis: QuestionAnalysis, sentence: str, periods: Sequence[str]) -> tuple[Quantity | None, float]:
    """The quantity of the sentence the question asks for, and how sure that pick is (0–1).

    Eligible: the right kind (a percentage, an amount, a count) for the asked period (its
    own year, or the sentence's). Among several, the words right after a number say what
    it counts ("837 voor personeel") and weigh most; words before it less; an item of a
    list without a noun of its own ("61 in 2022 en 79 in 2023") borrows the list's noun.
    A pick is less sure when it ties with another number, when its noun is not what the
    question counts, when the sentence names several years and it has none of its own,
    or when it is approximate ("ruim de helft").
    """
    found = printed_figures(quantities(sentence))
    content = [replace(t, weight=t.weight * 2) if t.name else t for t in analysis.terms]  # a name at a number decides
    total = max(sum(t.weight for t in content), 1e-9)
    scored: list[tuple[float, float, Quantity]] = []
    for q in found:
        if not _kind_fits(analysis.answer_type, q):
            continue
        if analysis.answer_type == AnswerType.COUNT and _a_duration(sentence, q):
            continue  # "werknemers die langer dan 5 jaar hier werken": 5 is no count of werknemers
        end = range_end(sentence, q)
        if end and (len(analysis.range_ends) != 1 or end not in analysis.range_ends):
            continue  # "de hoogste vraagprijs": not the lower end of "tussen 60% en 100%"; no end asked: a range is no one value
        if _REJECTED.search(sentence[max(0, q.start - 25) : q.start]):
            continue  # "… is 1.864 en niet 1.684": the sentence itself rejects this number
        factor = 1.0
        if analysis.years:
            if q.year:
                ends = set(re.findall(r"(?:19|20)\d{2}", q.year))
                spans_asked = "-" in q.year and len(ends) == 2 and ends <= analysis.year_set()  # "tussen 2022 en 2025"
                if not spans_asked and not any(period_matches(p, [q.year]) or period_matches(q.year, [p])
                                               for p in analysis.years):  # fmt: skip
                    continue
            elif not any(period_matches(p, list(periods)) for p in analysis.years):
                continue
            elif len({p[:4] for p in periods}) > 1 and not _change_between(analysis, sentence, q, periods):
                continue  # the sentence names several periods and this number has none of its own: whose is it?
        others = [o for o in found if o is not q]
        left_edge = max([o.end for o in others if o.end <= q.start], default=0)
        right_edge = min([o.start for o in others if o.start >= q.end], default=len(sentence))
        after_text = " ".join([q.noun] + re.findall(r"\S+", sentence[q.end : right_edge])[:6])
        if not q.noun:
            head = next((o for o in found if o.unit == q.unit and o.noun and o.start < q.start), None)
            if head is not None:
                after_text += " " + head.noun
        after = text_keys(after_text)
        before = text_keys(" ".join(re.findall(r"\S+", sentence[left_edge : q.start])[-6:]))
        local = sum(t.weight * (1.0 if term_matches(t.keys, after) else 0.6 if term_matches(t.keys, before) else 0.0)
                    for t in content) / total  # fmt: skip
        if analysis.answer_type == AnswerType.COUNT and q.noun and not _counts(analysis, q.noun):
            factor *= 0.3  # "hoeveel leerlingen" is not answered by "347 vestigingsplaatsen"
        if _APPROXIMATE.search(sentence[max(0, q.start - 20) : q.start]) or q.text.lower().startswith(("een ", "de ")):
            factor *= 0.8  # "ruim de helft", "ongeveer 2,9 miljoen": not an exact figure (quoted as printed)
        scored.append((local, factor, q))
    if not scored:
        return None, 0.0
    scored.sort(key=lambda item: (-(item[0] * item[1]), item[2].start))
    local, factor, q = scored[0]
    ties = [s for s in scored[1:] if abs(s[0] * s[1] - local * factor) < 1e-9]
    return q, factor * (0.75 if ties else 1.0)


_TIME_NOUNS = lang.union("TIME_UNITS")


def _counts(analysis: QuestionAnalysis, noun: str) -> bool:
    """Whether a number's noun is something the question counts: the same word, a compound
    of it, or the head of a question word ('beroepen' for 'knelpuntberoepen')."""
    noun_keys = text_keys(noun)
    for term in analysis.terms:
        if term_matches(term.keys, noun_keys):
            return True
        if any(k.endswith(n) and len(n) >= 4 for k in term.keys for n in noun_keys):
            return True
    return False


def _a_duration(sentence: str, q: Quantity) -> bool:
    """A number of years, months or days ("langer dan 5 jaar"): a length of time, not a count."""
    if q.noun.lower() in _TIME_NOUNS:
        return True
    following = re.match(r"\s*([^\W\d_]+)", sentence[q.end :])
    return not q.unit and following is not None and following.group(1).lower() in _TIME_NOUNS


def _kind_fits(answer: AnswerType, q: Quantity) -> bool:
    if answer == AnswerType.DURATION:
        return q.unit == "" and q.noun.lower() in _TIME_NOUNS
    if answer == AnswerType.PERCENTAGE:
        return q.unit == "%"
    if answer == AnswerType.PP:
        return q.unit in ("%", "pp")
    if answer == AnswerType.AMOUNT:
        return is_money(q.unit)
    if answer in (AnswerType.COUNT, AnswerType.SCORE):
        return q.unit == ""
    return True


CAUSE_CUE = re.compile("|".join(f"(?:{m.CAUSE_CUES})" for m in lang.LANGUAGES.values()), re.I)
_CAUSE_FOLLOWS = re.compile("|".join(f"(?:{m.CAUSE_FOLLOWS})" for m in lang.LANGUAGES.values()), re.I)
_EFFECT_FOLLOWS = re.compile("|".join(f"(?:{m.EFFECT_FOLLOWS})" for m in lang.LANGUAGES.values()), re.I)


def cause_and_effect(sentence: str) -> tuple[str, str] | None:
    """The cause and the effect that the sentence's first causal conjunction joins:
    "Y, omdat X" and "Omdat X, Y" → (X, Y); "X, waardoor Y" → (X, Y). None when no
    conjunction joins two clauses ("Daardoor Y" takes its cause from the sentence before)."""
    found = [m for m in (_CAUSE_FOLLOWS.search(sentence), _EFFECT_FOLLOWS.search(sentence)) if m]
    if not found:
        return None
    first = min(found, key=lambda m: m.start())
    before, after = sentence[: first.start()], sentence[first.end() :]
    opens = not re.search(r"[^\W\d_]", before)  # nothing but a number or a quote mark before it
    if _CAUSE_FOLLOWS.fullmatch(first.group(0)):
        if not opens:
            return after, before
        cause, comma, effect = after.partition(",")
        return (cause, effect) if comma and effect.strip() else None
    return None if opens else (before, after)


def asked_as_cause(analysis: QuestionAnalysis, sentence: str) -> float:
    """How much of what a "waarom …?" asks about stands on the cause's side of the sentence's
    conjunction (0 when none does, or no conjunction joins two clauses): "De gemeente heeft de
    tarieven verhoogd, waardoor de winst stijgt" gives an effect of the asked raise (1.0), not
    its reason."""
    split = cause_and_effect(sentence)
    if split is None:
        return 0.0
    cause, effect = (sum(t.weight for t in analysis.terms if term_matches(t.keys, text_keys(side))) for side in split)
    return cause / (cause + effect) if cause else 0.0


def next_sentence(cand: SpanCandidate) -> str:
    """The sentence after the candidate's, within its paragraph ("" when none)."""
    index = next((i for i, (s, _) in enumerate(cand.sentences) if s == cand.start), None)
    if index is None or index + 1 >= len(cand.sentences):
        return ""
    start, stop = cand.sentences[index + 1]
    text = cand.passage.chunk.text
    return "" if "\n\n" in text[cand.end : start] else text[start:stop]


def antecedent_start(cand: SpanCandidate) -> int:
    """Where the quote of a sentence starts: at the sentence before it, within its paragraph,
    when it takes its subject from that one ("… een berekening gemaakt voor de directe kosten.
    Deze kwam uit op 10 miljoen gulden."), else at the sentence itself."""
    from qa_bot.answer.figures import refers_back

    index = next((i for i, (s, _) in enumerate(cand.sentences) if s == cand.start), None)
    if not index or not refers_back(cand.text):
        return cand.start
    before = cand.sentences[index - 1][0]
    return cand.start if "\n\n" in cand.passage.chunk.text[before : cand.start] else before


def explanation_span(cand: SpanCandidate, cause: bool = False) -> tuple[int, int]:
    """The best sentence and the one or two after it that continue it ('Daarnaast …',
    a list), within its paragraph: definitions and 'wat onderneemt X' need more than one.
    ``cause`` (a "waarom" question): a sentence that restates what is asked is continued by
    the next one when that gives the cause ("… hogere inflatie. Dat komt door de timing.")."""
    spans = cand.sentences
    index = next((i for i, (s, _) in enumerate(spans) if s == cand.start), None)
    if index is None:
        return cand.start, cand.end
    end = cand.end
    text = cand.passage.chunk.text
    lead = text[cand.start : cand.end].rstrip()
    limit = 7 if lead.endswith(":") else 3  # a sentence that opens a list brings the list
    for j in range(index + 1, min(index + limit, len(spans))):
        start, stop = spans[j]
        if "\n\n" in text[end:start] and not lead.endswith(":"):
            break
        nxt = text[start:stop]
        gives_cause = cause and j == index + 1 and not CAUSE_CUE.search(lead) and CAUSE_CUE.search(nxt)
        if lead.endswith(":") or _CONTINUATION.match(nxt) or text[end:start].count("\n") == 1 or gives_cause:
            end = stop
        else:
            break
    return cand.start, end
