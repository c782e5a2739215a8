"""Passages → :class:`Answer`: extractive, cited, with computed figures, or an abstention.

A sentence may answer only when it *covers* the question: the question's content
words (stemmed; English words also through the glossary) occur in the sentence (full
credit), elsewhere in its passage (¾) or elsewhere in its document (½). Verb forms
weigh half: they vary more and say less about the topic. Every year the question
names must occur in the passage: a question about 2019 is not answered with 2025
figures. Below ``min_coverage`` the composer abstains.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

from qa_bot.figures import build_figure, detect_operation, fmt_value, operands_for, unsupported_numbers
from qa_bot.numbers import Quantity, quantities, years_in
from qa_bot.text import (
    DUTCH_STOPWORDS,
    ENGLISH_STOPWORDS,
    QUESTION_FILLERS,
    glossary,
    raw_tokens,
    split_sentences,
    stem,
)
from qa_bot.types import Answer, Citation, Passage

DocTerms = Callable[[str], frozenset[str]]

MESSAGES = {
    "nl": {
        "abstain": "Dat staat niet in de bronnen: ik vond geen passage die deze vraag beantwoordt.",
        "abstain_years": "Dat staat niet in de bronnen: ze geven geen cijfers voor {years}.",
        "no_figure": "Dat kan ik niet berekenen uit de bronnen: {reason}.",
        "empty_index": "De index is leeg: er zijn nog geen documenten geïndexeerd.",
        "according": {"antwoord": "het antwoord van de minister", "vraag": "de vraag", "rapport": "het rapport"},
        "lead": "Volgens {part}",
        "calc": "Berekening",
        "from": "uit",
        "and": "en",
        "source": "Bron",
    },
    "en": {
        "abstain": "The sources do not say: I found no passage that answers this question.",
        "abstain_years": "The sources do not say: they give no figures for {years}.",
        "no_figure": "I cannot compute that from the sources: {reason}.",
        "empty_index": "The index is empty: no documents have been indexed yet.",
        "according": {"antwoord": "the minister's answer", "vraag": "the question", "rapport": "the report"},
        "lead": "According to {part} (quoted in Dutch)",
        "calc": "Calculation",
        "from": "from",
        "and": "and",
        "source": "Source",
    },
}
REASONS_EN = {
    "geen twee vergelijkbare getallen": "no two comparable numbers",
    "geen getallen voor twee verschillende jaren": "no numbers for two different years",
    "de getallen horen bij verschillende jaren": "the numbers belong to different years",
    "geen lijst van aantallen": "no list of amounts",
    "de berekening steunt niet volledig op geciteerde getallen": "the calculation does not rest entirely on cited numbers",
    "geen passende getallen": "no matching numbers",
    "een aandeel van percentages is geen zinvolle berekening": "a share of percentages is not meaningful",
}
_DEFINITION = re.compile(
    r"^\s*(?:wat|wie) (?:is|zijn|betekent|was) (?:de |het |een )?(?P<x>.+?)\s*\?*\s*$|"
    r"^\s*(?:what|who) (?:is|are|was) (?:the |a |an )?(?P<y>.+?)\s*\?*\s*$",
    re.I,
)
_NUMBER_QUESTION = re.compile(
    r"\bhoeveel\b|\bhoe groot\b|\bhoe hoog\b|welk (?:bedrag|aantal|percentage|streefcijfer|cijfer)|"
    r"\bhow (?:many|much|large|high)\b|what (?:number|amount|target|percentage)|\bop hoeveel\b",
    re.I,
)


@dataclass(frozen=True)
class TermGroup:
    forms: frozenset[str]
    weight: float


def term_groups(question: str) -> list[TermGroup]:
    """Content words of the question, each with its Dutch/English variants (stemmed)."""
    groups: list[TermGroup] = []
    seen: set[str] = set()
    for token in raw_tokens(question):
        if token in QUESTION_FILLERS or token in DUTCH_STOPWORDS or token in ENGLISH_STOPWORDS:
            continue
        if len(token) < 2 and not token.isdigit():
            continue
        key = match_key(token)
        if key in seen:
            continue
        seen.add(key)
        groups.append(TermGroup(_forms_of(token), 0.5 if _verb_like(token) else 1.0))
    return groups


_HOW_MANY = re.compile(r"\b(?:hoeveel|how many)\s+((?:[\w+-]+\s+){0,3})", re.I)


def counted_noun(question: str) -> frozenset[str]:
    """Match keys of the noun a "hoeveel X" / "how many X" question counts, or empty.

    Adjectives ('nieuwe', 'uitgaande') are skipped; a word that does not look like a
    plural noun or a name ('hoeveel bedraagt', 'hoeveel trok') means there is none.
    """
    match = _HOW_MANY.search(question)
    if not match:
        return frozenset()
    forms: set[str] = set()
    for word in match.group(1).split():
        lower = word.lower()
        if lower in ("more", "fewer", "meer", "minder", "keer", "times"):
            return frozenset()
        if not forms and re.fullmatch(r"\w+e", lower) and lower not in DUTCH_STOPWORDS:
            continue  # leading adjective: nieuwe, uitgaande
        if lower in QUESTION_FILLERS or lower in DUTCH_STOPWORDS or lower in ENGLISH_STOPWORDS:
            break
        if not (word[0].isupper() or re.search(r"(?:en|s)$", lower)):
            break
        for piece in (p for p in re.split(r"[-/]", lower) if p):
            forms |= _forms_of(piece)
    return frozenset(forms)


def _counts(qs: tuple[Quantity, ...], noun: frozenset[str], q_years: list[str]) -> bool:
    """Whether one of a sentence's quantities counts ``noun`` for the years asked about."""
    for q in qs:
        if not (q.noun and term_matches(noun, stems_of(q.noun.replace("-", " ").replace("/", " ")))):
            continue
        if not q_years or _year_ok(q.year, q_years):
            return True
    return False


def _forms_of(word: str) -> frozenset[str]:
    """Match keys of a word and its compound pieces, plus the Dutch words the glossary gives."""
    lower = word.lower()
    pieces = [p for p in re.split(r"[-+/]", lower) if p]
    translated = {match_key(t) for w in glossary().get(lower, ()) for t in raw_tokens(w)}
    return frozenset({match_key(p) for p in pieces} | translated)


def _verb_like(token: str) -> bool:
    """Participles (gebaseerd, toegekend) and English past forms weigh half."""
    if token.isdigit():
        return False
    return bool(re.fullmatch(r"(?:ge|be|ver|toe|uit|op|aan)\w{3,}[dt]", token) or re.fullmatch(r"\w{3,}ed", token))


def term_matches(forms: frozenset[str], terms: frozenset[str]) -> bool:
    """Exact stem, a compound that contains it, or an inflected form of it."""
    if forms & terms:
        return True
    for form in forms:
        if len(form) < 4 or form.isdigit():
            continue
        for term in terms:
            # The passage word may be more specific ('leermobiliteit' for 'mobiliteit'), or an
            # inflection ('vrag' in 'gevragd'), but not a generic head ('onderwijs' for
            # 'beroepsonderwijs').
            if form in term or (len(term) >= 4 and term in form and len(form) - len(term) <= 3):
                return True
    return False


def match_key(token: str) -> str:
    """Stem with doubled vowels folded: Snowball turns 'vraag' into 'vrag' but leaves
    'gevraagd', so folding both lets the compound test see one inside the other."""
    return re.sub(r"([aeiou])\1", r"\1", stem(token))


def stems_of(text: str) -> frozenset[str]:
    return frozenset(match_key(t) for t in raw_tokens(text))


def coverage(groups: list[TermGroup], sentence: frozenset[str], passage: frozenset[str],
             document: frozenset[str]) -> float:  # fmt: skip
    """Σ weight · credit / Σ weight, credit 1 (sentence), ¾ (passage), ½ (document), else 0."""
    total = sum(g.weight for g in groups)
    if total == 0:
        return 0.0
    got = 0.0
    for g in groups:
        if term_matches(g.forms, sentence):
            got += g.weight
        elif term_matches(g.forms, passage):
            got += 0.75 * g.weight
        elif term_matches(g.forms, document):
            got += 0.5 * g.weight
    return got / total


@dataclass
class Candidate:
    passage: Passage
    start: int  # sentence span inside the chunk text
    end: int
    coverage: float
    bonus: float = 0.0

    @property
    def sentence(self) -> str:
        return self.passage.chunk.text[self.start : self.end]

    @property
    def score(self) -> float:
        return self.coverage + 0.02 * self.passage.score + self.bonus

    @functools.cached_property
    def quantities(self) -> tuple[Quantity, ...]:
        """Parsed once: scoring, the counted-noun check and the highlight all use them."""
        return tuple(quantities(self.sentence))


def proper_names(question: str) -> list[str]:
    """Capitalised words and acronyms after the first word: names the corpus must know
    ('Wallonia', 'Ronde', 'BSO')."""
    words = re.findall(r"[^\W\d_][\w+-]*", question)
    return [w for w in words[1:] if w[0].isupper() and w.lower() not in ENGLISH_STOPWORDS]


@dataclass
class Composer:
    min_coverage: float = 0.6
    doc_terms: DocTerms | None = None
    knows: Callable[[frozenset[str]], bool] | None = None  # does the corpus contain one of these forms?

    def compose(self, question: str, passages: list[Passage], language: str) -> Answer:
        """An answer, a figure or an abstention; never an answer with a number that no cited
        passage prints and no cited figure computed."""
        answer = self._compose(question, passages, language)
        if not answer.abstained and unsupported_numbers(answer.text, answer.citations, answer.figures, language):
            return _abstain(question, language, MESSAGES[language]["abstain"], "ongedekte getallen", passages)
        return answer

    def _compose(self, question: str, passages: list[Passage], language: str) -> Answer:
        msg = MESSAGES[language]
        if not passages:
            return _abstain(question, language, msg["abstain"], "geen passages gevonden", passages)
        groups = term_groups(question)
        q_years = years_in(question)
        if self.knows is not None:
            unknown = [n for n in proper_names(question) if not self.knows(_forms_of(n))]
            if unknown:
                return _abstain(question, language, msg["abstain"], f"onbekend in de bronnen: {', '.join(unknown)}",
                                passages)  # fmt: skip
        wants_number = bool(_NUMBER_QUESTION.search(question))
        definition = _DEFINITION.match(question)
        subject = (definition.group("x") or definition.group("y")) if definition else ""
        candidates, missing_years = self._candidates(groups, q_years, passages, wants_number, subject)
        if not candidates:
            if missing_years:
                text = msg["abstain_years"].format(years=f" {msg['and']} ".join(missing_years))
                return _abstain(
                    question, language, text, f"jaar niet in de bronnen: {', '.join(missing_years)}", passages
                )
            return _abstain(question, language, msg["abstain"], "geen passage dekt de vraag", passages)
        best = candidates[0]
        if best.coverage < self.min_coverage:
            return _abstain(question, language, msg["abstain"],
                            f"dekking {best.coverage:.2f} < {self.min_coverage:.2f}", passages)  # fmt: skip
        operation = detect_operation(question)
        if operation:
            return self._figure_answer(question, language, operation, candidates, groups, q_years, passages)
        if wants_number:
            noun = counted_noun(question)
            numbered = [c for c in candidates
                        if c.quantities and (not noun or _counts(c.quantities, noun, q_years))]  # fmt: skip
            if not numbered or numbered[0].coverage < self.min_coverage:
                return _abstain(question, language, msg["abstain"], "geen getal in de passende passages", passages)
            best = numbered[0]
        return self._sentence_answer(question, language, best, groups, q_years, wants_number, passages)

    def _candidates(
        self,
        groups: list[TermGroup],
        q_years: list[str],
        passages: list[Passage],
        wants_number: bool,
        subject: str = "",
    ) -> tuple[list[Candidate], list[str]]:
        defines = _defines_pattern(subject) if subject else None
        found: list[Candidate] = []
        missing: set[str] = set(q_years)
        for passage in passages:
            chunk = passage.chunk
            passage_terms = stems_of(chunk.text) | stems_of(chunk.title)
            passage_years = set(years_in(chunk.text))
            missing -= passage_years
            if not set(q_years) <= passage_years:
                continue
            doc = self.doc_terms(chunk.doc_id) if self.doc_terms else passage_terms
            for start, end in split_sentences(chunk.text):
                sentence = chunk.text[start:end]
                cand = Candidate(passage, start, end, coverage(groups, stems_of(sentence), passage_terms, doc))
                if wants_number and cand.quantities:
                    cand.bonus += 0.1
                if defines is not None and defines.search(sentence):
                    cand.bonus += 0.2  # "De Europass-Mobiliteit is een certificaat ..." answers "Wat is ...?"
                found.append(cand)
        found.sort(key=lambda c: (-c.score, c.passage.rank, c.start))
        return found, sorted(missing)

    def _sentence_answer(self, question: str, language: str, best: Candidate, groups: list[TermGroup],
                         q_years: list[str], wants_number: bool, passages: list[Passage]) -> Answer:  # fmt: skip
        msg = MESSAGES[language]
        citation = _citation(1, best)
        lead = msg["lead"].format(part=msg["according"].get(best.passage.chunk.part, best.passage.chunk.part))
        quote = _quote(best.sentence, language)
        highlight = _highlight(best, groups, q_years) if wants_number else ""
        text = (f"**{highlight}** — " if highlight else "") + f"{lead}: {quote} [1]"
        return Answer(question=question, text=text, language=language, citations=[citation],
                      passages=passages)  # fmt: skip

    def _figure_answer(self, question: str, language: str, operation: str, candidates: list[Candidate],
                       groups: list[TermGroup], q_years: list[str], passages: list[Passage]) -> Answer:  # fmt: skip
        msg = MESSAGES[language]
        reason = ""
        for cand in candidates:
            if cand.coverage < self.min_coverage:
                break
            operands, why = operands_for(operation, cand.sentence, q_years)
            if not operands:
                reason = reason or why
                continue
            citation = _citation(1, cand)
            figure = build_figure(operation, operands, 1, language)
            numbers = f" {msg['and']} ".join(fmt_value(o.value, o.unit if o.unit in ("%", "euro") else "", language)
                                              for o in figure.operands)  # fmt: skip
            text = (
                f"{figure.label}: **{figure.display}** [1].\n\n"
                f"{msg['calc']}: {figure.formula} — {numbers} {msg['from']} [1].\n\n"
                f"{msg['source']}: {_quote(cand.sentence, language)} [1]"
            )
            answer = Answer(question=question, text=text, language=language, citations=[citation],
                            figures=[figure], passages=passages)  # fmt: skip
            if unsupported_numbers(answer.text, answer.citations, answer.figures, language):
                reason = "de berekening steunt niet volledig op geciteerde getallen"
                continue  # another sentence may still carry the figure
            return answer
        if operation in ("share", "complement_share"):
            # "Welk aandeel ...?" answered outright by a printed percentage needs no arithmetic.
            stated = [c for c in candidates if c.coverage >= self.min_coverage
                      and any(q.unit == "%" and (not q_years or _year_ok(q.year, q_years)) for q in c.quantities)]  # fmt: skip
            if stated:
                return self._sentence_answer(question, language, stated[0], groups, q_years, True, passages)
        reason = reason or "geen passende getallen"
        shown = (
            REASONS_EN.get(reason, reason.replace("geen cijfers voor", "no figures for"))
            if language == "en"
            else reason
        )
        return _abstain(question, language, msg["no_figure"].format(reason=shown), reason, passages)


def _defines_pattern(subject: str) -> re.Pattern[str]:
    words = [re.escape(w) for w in re.findall(r"[^\W_]+", subject)]
    return re.compile(r"[\s-]+".join(words) + r"\w*,?\s+(?:is|zijn|betekent|was|refers to|are)\b", re.I)


def _highlight(cand: Candidate, groups: list[TermGroup], q_years: list[str]) -> str:
    """The one quantity in the sentence that the question is after, if it stands out."""
    sentence = cand.sentence
    qs = [q for q in cand.quantities if not q_years or _year_ok(q.year, q_years)]
    if not qs:
        return ""
    scored = []
    for q in qs:
        window = " ".join(re.findall(r"\S+", sentence[: q.start])[-5:] + re.findall(r"\S+", sentence[q.end :])[:5])
        terms = stems_of(window)
        scored.append((sum(g.weight for g in groups if term_matches(g.forms, terms)), q))
    scored.sort(key=lambda s: -s[0])
    if len(scored) > 1 and scored[0][0] == scored[1][0]:
        return ""
    q = scored[0][1]
    return f"{q.text} {q.noun}".strip()


def _year_ok(year: str, q_years: list[str]) -> bool:
    """A quantity of unknown year may serve; a single year must be asked about; a range
    ('2022-2025', a total over years) only when the question names both its ends."""
    if not year:
        return True
    if "-" in year:
        return all(end in q_years for end in year.split("-"))
    return year in q_years


def _quote(sentence: str, language: str) -> str:
    return f"„{sentence}”" if language == "nl" else f'"{sentence}"'


def _citation(number: int, cand: Candidate) -> Citation:
    chunk = cand.passage.chunk
    return Citation(
        number=number,
        chunk_id=chunk.chunk_id,
        doc_id=chunk.doc_id,
        title=chunk.title,
        part=chunk.part,
        doc_type=chunk.doc_type,
        date=chunk.date,
        page=chunk.page,
        passage=chunk.text,
        quote=cand.sentence,
        score=round(cand.passage.score, 4),
    )


def _abstain(question: str, language: str, text: str, reason: str, passages: list[Passage]) -> Answer:
    return Answer(question=question, text=text, language=language, abstained=True, reason=reason,
                  passages=passages)  # fmt: skip
