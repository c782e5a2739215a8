"""Question → :class:`QuestionAnalysis`, built once per question; every later decision reads it.

What a question asks is kept apart from where it says the answer comes from:

- **terms**: the information need, each with its matching keys (the same keys as BM25:
  :func:`qa_bot.read.text.key`), its compound pieces, its translations, and a weight from how
  informative it is in the index (inverse document frequency);
- **attribution**: a document number ("vraag nr. 312"), persons ("minister Crevits",
  "Mr Peeters"), source nouns ("jaarrapport", "monitor") and source dates ("het artikel
  van juni 2020") — they select documents and are never required in a passage;
- **years**: the periods of the *data* ("in 2023", "2022-2023", "op 1 januari 2024"),
  apart from dates of the *source*;
- the expected **answer type**, an **operation** (only from explicit cues), a
  **superlative**, a **target** named in the question ("het streefdoel van 45%"), and
  whether a **total** is asked for.

Follow-ups ("En in 2018?", "What about Limburg?") are resolved against the previous
question's analysis: same need, new year or place.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace

from qa_bot import lang
from qa_bot.answer.operations import Operation
from qa_bot.answer.question import (
    _WORD,
    CAUSE_QUESTION,
    AnswerType,
    DocumentFrequency,
    QuestionAnalysis,
    Term,
    _all,
    _cues,
)
from qa_bot.answer.slots import _attribution, _part_terms, _terms, _verb_like, _whole_terms, _years
from qa_bot.read.numbers import parse_number
from qa_bot.read.text import key, keys


def analyze(question: str, language: str, idf: DocumentFrequency | None = None,
            knows: Callable[[frozenset[str]], bool] | None = None) -> QuestionAnalysis:  # fmt: skip
    """The typed analysis of ``question`` (``idf`` weighs terms, ``knows`` checks names)."""
    text = _strip_prefix(question)
    lower = text.lower()
    attribution, attribution_spans = _attribution(text)
    years, source_years, year_range = _years(text, attribution_spans)
    attribution = replace(attribution, source_years=tuple(source_years))
    operation, negated = _operation(lower, language)
    target, target_unit = _target(lower, language)
    if target is not None and operation in (None, Operation.DIFFERENCE):
        operation = Operation.GAP
    cause = bool(CAUSE_QUESTION.search(lower))
    if cause:
        operation = None  # "hoe verklaart de minister de lage gemiddelde prijs": a cause, no computation
    superlative = _superlative(lower)
    answer_type = _answer_type(lower, language, operation)
    value_asked = answer_type == AnswerType.COUNT and bool(_VALUE_QUESTION.search(lower))
    if value_asked:
        answer_type = AnswerType.NUMBER  # "hoeveel trok de EU uit", "op hoeveel raamt …": a value, not a count of things
    asked_kind = _asked_kind(lower)
    if superlative and re.search(r"^\s*(?:in |on |op )?(?:welk|welke|which)\b", lower):
        answer_type = AnswerType.YEAR if re.search(r"\b(?:jaar|year)\b", lower[:40]) else AnswerType.NAME
    terms, unknown = _terms(text, attribution_spans, idf, knows, language)
    counted = _counted(lower, terms)
    if answer_type == AnswerType.COUNT and counted is not None and _money_noun(counted.text):
        answer_type = AnswerType.AMOUNT  # "hoeveel winst", "hoeveel saneringssteun": money, not a count
    if value_asked and any(_money_noun(t.text) for t in terms if not t.verb):
        answer_type = AnswerType.AMOUNT  # "op hoeveel raamt de regering de ESR-ontvangsten": money
    shares = operation in (Operation.SHARE, Operation.COMPLEMENT_SHARE)
    whole = _whole_terms(text, terms, language) if shares else ()
    part = _part_terms(text, terms, language) if shares else ()
    absolute = operation in (Operation.DIFFERENCE, Operation.GAP) and _comparative(lower)
    return QuestionAnalysis(
        question=question,
        language=language,
        terms=tuple(terms),
        attribution=attribution,
        years=tuple(years),
        answer_type=answer_type,
        operation=operation,
        superlative=superlative,
        range_ends=_range_ends(lower),
        asked_kind=asked_kind,
        measure_unit=_measure_unit(lower),
        total=_asks_total(lower),
        joined=_joined(text, terms),
        negated=negated,
        absolute=absolute,
        target=target,
        target_unit=target_unit,
        year_range=year_range,
        per=_per(lower),
        whole_terms=tuple(whole),
        part_terms=tuple(part),
        counted=counted,
        since=_since(lower, years),
        unknown_names=tuple(unknown),
        cause=cause,
        dated_terms=_dated_terms(text, terms),
    )


def _strip_prefix(question: str) -> str:
    """'Vraag: Hoeveel …' → 'Hoeveel …': a label before a colon is not part of the question,
    unless the colon ends an attribution ('Volgens het antwoord op vraag nr. 312: hoeveel …')."""
    match = re.match(r"^\s*([^\W\d_][\w-]*(?:\s+[\w-]+){0,2})\s*:\s+(?=\S)", question)
    if match and not re.search(r"\d", match.group(1)) and len(match.group(1).split()) <= 2:
        return question[match.end() :]
    return question.strip()


# ---------------------------------------------------------------- operation, type, target


def _operation(lower: str, language: str) -> tuple[Operation | None, bool]:
    negated = any(re.search(rf"\b{re.escape(n)}\b", lower) for n in _all("NEGATIONS"))
    if any(re.search(p, lower) for p in _cues(language, "LOOKUP_OVERRIDES")):
        return None, negated
    module = lang.get(language)
    no_average = any(re.search(p, lower) for p in _cues(language, "AVERAGE_OVERRIDES"))
    for name in module.OPERATION_ORDER:
        if name in ("average", "cagr") and no_average:
            continue
        if any(re.search(p, lower) for p in module.OPERATION_CUES.get(name, [])):
            return Operation(name), negated
    if any(re.search(module.SUM_CUES, lower) for module in lang.LANGUAGES.values()):
        return Operation.SUM, negated
    return None, negated


def _target(lower: str, language: str) -> tuple[float | None, str]:
    for cue in _cues(language, "TARGET_CUES"):
        match = re.search(cue + r"(\d+(?:[.,]\d+)?)\s*(%|procent|percent)?", lower)
        if match:
            try:
                return parse_number(match.group(1), language), "%" if match.group(2) else ""
            except ValueError:
                return None, ""
    return None, ""


def _superlative(lower: str) -> str:
    """'max' or 'min'; a superlative after a number ('de tien grootste') selects a list instead."""
    numbers = _all("NUMBER_WORDS")
    words = re.findall(r"[^\W\d_]+|\d+", lower)
    for i, word in enumerate(words):
        previous = words[i - 1] if i else ""
        if previous in numbers or previous.isdigit():
            continue
        if word in _all("SUPERLATIVE_MAX") or (word == "meest" and i + 1 < len(words)) or (
                word == "most" and i + 1 < len(words) and words[i + 1] == "popular"):  # fmt: skip
            return "max"
        if word in _all("SUPERLATIVE_MIN") and previous not in ("at", "ten"):  # "at least one"
            return "min"
    return ""


def _range_ends(lower: str) -> tuple[str, ...]:
    """The ends of a printed range ("van f 150 tot f 700 miljoen") the question's superlatives
    name: "de hoogste schatting" the upper ("to"), "de laagste" the lower ("from"), "het
    verschil tussen de laagste en de hoogste" both."""
    words = re.findall(r"[^\W\d_]+|\d+", lower)
    ends: set[str] = set()
    for previous, word in zip(["", *words], words, strict=False):
        if previous in _all("NUMBER_WORDS") or previous.isdigit() or previous in ("at", "ten"):
            continue  # "de tien grootste", "at least"
        if word in _all("SUPERLATIVE_MIN"):
            ends.add("from")
        if word in _all("SUPERLATIVE_MAX"):
            ends.add("to")
    return tuple(sorted(ends))


def _answer_type(lower: str, language: str, operation: Operation | None) -> AnswerType:
    if operation in (Operation.SHARE, Operation.COMPLEMENT_SHARE, Operation.GROWTH, Operation.CAGR):
        return AnswerType.PERCENTAGE
    for pattern, name in lang.get(language).ANSWER_TYPE_CUES:
        if re.search(pattern, lower):
            return AnswerType(name)
    return AnswerType.OTHER


def _since(lower: str, years: list[str]) -> str:
    """'Met hoeveel procent is X gestegen sinds 2018?': one year asked, as the start of a change."""
    if len(years) != 1:
        return ""
    match = re.search(r"\b(?:sinds|sedert|vanaf|since)\s+(?:\w+\s+){0,2}?((?:19|20)\d{2})\b", lower)
    return match.group(1) if match and years[0].startswith(match.group(1)) else ""


_VALUE_QUESTION = re.compile("|".join(f"(?:{m.VALUE_QUESTION})" for m in lang.LANGUAGES.values()))


def _money_noun(word: str) -> bool:
    """A noun of money, or a compound ending in one ("saneringssteun", "elektriciteitswinst")."""
    lower = word.lower()
    return any(lower == n or (lower.endswith(n) and len(n) >= 4) for n in _all("MONEY_NOUNS"))


def _counted(lower: str, terms: list[Term]) -> Term | None:
    """The term a "hoeveel X" / "how many X" question counts: the first noun after it (an
    inflected adjective like 'nieuwe' or 'erkende' is skipped)."""
    match = re.search(r"\b(?:hoeveel|how many)\s+((?:[\w+-]+\s+){0,3})", lower + " ")
    if not match:
        return None
    for word in match.group(1).split():
        if word in _all("STOP_WORDS") or word in _all("FILLERS"):
            return None
        if re.fullmatch(r"[^\W\d]{3,}e", word) and word not in ("leerlinge",):
            continue  # nieuwe, unieke, erkende
        head = re.split(r"-", word)[-1]
        return next((t for t in terms if key(head) in t.keys or key(word) in t.keys), None)
    return None


def _asked_kind(lower: str) -> frozenset[str]:
    """Keys of the noun after 'welk(e)' / 'which': what kind of thing the answer names
    ('welke provincie telt' → provincie; 'welke duale studierichting' → duaal, studierichting)."""
    match = re.search(r"\b(?:welk|welke|which|what)\s+([\w-]+)(?:\s+([\w-]+))?", lower)
    if not match:
        return frozenset()
    words = [w for w in match.groups() if w and w not in _all("STOP_WORDS") and not _verb_like(w)
             and w not in ("aandeel", "share", "percentage", "procent")]  # fmt: skip
    return frozenset(key(p) for w in words for p in re.split(r"-", w) if p)


def _measure_unit(lower: str) -> str:
    """The unit of what a ranking or a look-up measures: 'het hoogste aandeel' → %."""
    if re.search(r"\b(?:aandeel|percentage|procent|share|rate|proportion)\b", lower):
        return "%"
    if re.search(r"\b(?:bedrag|budget|euro|amount)\b", lower):
        return "euro"
    return ""


def _comparative(lower: str) -> bool:
    words = set(re.findall(r"[^\W\d_]+", lower))
    return bool(words & (_all("BELOW_CUES") | _all("ABOVE_CUES"))) or bool(
        re.search(r"\bverschil\w*\b|\bverschilt\b|\bdifference\b|\bgap\b", lower)
    )


def _asks_total(lower: str) -> bool:
    return bool(re.search(r"\bin (?:totaal|total)\b|\bsamen\b|\bcombined\b|\baltogether\b|\bopgeteld\b|"
                          r"\btotaal aantal\b|\btotale\b|\btotal\b|\bhet totaal\b", lower))  # fmt: skip


def _joined(text: str, terms: Sequence[Term]) -> tuple[Term, ...]:
    """The two things a sum joins ("de opcentiemen en de gewestbelastingen samen", "samen voor
    Eindhoven en de Zeeuwse economie", "Midden- en Zuid-Oost Noord-Brabant samen"): the terms
    right before and after the conjunction, with a sum cue (``lang.*.SUM_CUES``) at most three
    words before or after. Each must be at a number that answers."""
    cue = "|".join(f"(?:{m.SUM_CUES})" for m in lang.LANGUAGES.values())
    conjunctions = "|".join(sorted({c for m in lang.LANGUAGES.values() for c in m.NAME_CONJUNCTIONS}))
    for match in re.finditer(rf"([\w'’+-]+)\s+(?:{conjunctions})\s+(?:[^\W\d_]{{1,3}}\s+)?([\w'’+-]+)", text, re.I):
        before = " ".join(text[: match.start()].split()[-4:])
        after = " ".join(text[match.end() :].split()[:3])
        if not (re.search(cue, before, re.I) or re.search(cue, after, re.I)):
            continue
        pair = [_term_for(match.group(1), terms), _term_for(match.group(2), terms)]
        if all(pair):
            return tuple(t for t in pair if t is not None)
    return ()


def _dated_terms(text: str, terms: Sequence[Term]) -> tuple[tuple[str, str], ...]:
    """The terms the question dates with a year right after them ("bij de begrotingsaanpassing
    2026", "de BA 2026", "de Miljoenennota 2025"): a budget or report of that year, not of another."""
    out = []
    for match in re.finditer(r"([^\W\d_][\w-]{1,})\s+((?:19|20)\d{2})(?![\d/–-])", text):
        term = next((t for t in terms if t.text.lower() == match.group(1).lower()), None)
        if term is not None:
            out.append((term.text, match.group(2)))
    return tuple(out)


def _term_for(word: str, terms: Sequence[Term]) -> Term | None:
    """The question's term for a word ("Midden-" of an elided compound, "Zuid-Oost")."""
    pieces = {key(p) for p in re.split(r"[-+]", word.lower()) if p}
    return next((t for t in terms if t.keys & pieces or key(t.text.lower()) in pieces), None)


def _per(lower: str) -> str:
    match = re.search(r"\bper\s+((?:[\w-]+\s+){0,2}[\w-]+)", lower)
    if not match or re.match(r"(?:jaar|year|maand|month|provincie|province|sector|land|country)\b", match.group(1)):
        return ""
    return match.group(1)


# ---------------------------------------------------------------- follow-ups


def is_follow_up(question: str, language: str) -> bool:
    """'En in 2018?', 'En voor Limburg?', 'What about 2019?': elliptical, needs the previous question."""
    pattern = lang.get(language).FOLLOW_UP + "|" + lang.get("en" if language == "nl" else "nl").FOLLOW_UP
    return bool(re.search(pattern, question, re.I)) and len(_WORD.findall(question)) <= 7


def resolve_follow_up(current: QuestionAnalysis, previous: QuestionAnalysis) -> QuestionAnalysis | None:
    """The previous question's need with this question's new years or terms; None if this
    question adds nothing to substitute."""
    new_years = current.years
    new_terms = [t for t in current.terms if not any(t.keys & p.keys for p in previous.terms)]
    if not new_years and not new_terms:
        return None
    terms = list(previous.terms)
    if new_terms:
        # A new place or name replaces the previous question's name terms of the same kind.
        replaced = [t for t in terms if t.name] if any(t.name for t in new_terms) else []
        terms = [t for t in terms if t not in replaced[:len(new_terms)]] + new_terms
    return replace(
        previous,
        question=current.question,
        terms=tuple(terms),
        years=new_years or previous.years,
        unknown_names=current.unknown_names,
        follow_up_of=previous.question,
    )


def describe(analysis: QuestionAnalysis) -> str:
    """The analysis in one line (for logs and the follow-up notice)."""
    parts = [" ".join(t.text for t in analysis.terms)]
    if analysis.years:
        parts.append(", ".join(analysis.years))
    return " — ".join(p for p in parts if p)


def idf_from(frequency: Mapping[str, int], documents: int) -> DocumentFrequency:
    return DocumentFrequency(frequency, documents)



def with_abbreviations(analysis: QuestionAnalysis, defined: dict[str, str]) -> QuestionAnalysis:
    """The analysis with each term that is a one-word long form the corpus abbreviates also
    matching the abbreviation, and each abbreviation also its long form: asked about the
    "begrotingsaanpassing", a report that writes "Bij BA2026 …" speaks of it (it defines
    "begrotingsaanpassing (BA)" somewhere)."""
    if not defined:
        return analysis
    by_long = {keys(long_form): abbr for abbr, long_form in defined.items() if " " not in long_form}
    terms = []
    for term in analysis.terms:
        extra: frozenset[str] = frozenset()
        abbr = by_long.get(keys(term.text))
        if abbr:
            extra = keys(abbr)
        elif term.text in defined and " " not in defined[term.text]:
            extra = keys(defined[term.text])
        terms.append(replace(term, keys=term.keys | extra) if extra - term.keys else term)
    return replace(analysis, terms=tuple(terms))
