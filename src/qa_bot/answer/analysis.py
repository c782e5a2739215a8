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

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from enum import StrEnum

from qa_bot import lang
from qa_bot.answer.operations import Operation
from qa_bot.read.numbers import parse_number, period_spans, period_years
from qa_bot.read.text import key, lemma_of, place_of, raw_tokens, translations


class AnswerType(StrEnum):
    COUNT = "count"
    AMOUNT = "amount"
    PERCENTAGE = "percentage"
    PP = "pp"
    SCORE = "score"
    NUMBER = "number"  # a value of any unit ("wat was het EU-gemiddelde")
    NAME = "name"
    YEAR = "year"
    DATE = "date"
    DURATION = "duration"
    DEFINITION = "definition"
    EXPLANATION = "explanation"
    OTHER = "other"

    @property
    def numeric(self) -> bool:
        return self in (AnswerType.COUNT, AnswerType.AMOUNT, AnswerType.PERCENTAGE, AnswerType.PP, AnswerType.SCORE,
                        AnswerType.NUMBER, AnswerType.DURATION)


@dataclass(frozen=True)
class Term:
    text: str  # as written in the question
    keys: frozenset[str]  # the word's key, its compound pieces and translations
    weight: float  # informativeness (idf), halved for verb forms
    name: bool = False  # capitalised or an acronym: the corpus must know it
    verb: bool = False  # a verb form: prose may say it, a table never does
    qualifier: bool = False  # the specific part of a compound ('bso' in 'bso-leerlingen'): it must be at the number
    head: str = ""  # for a qualifier: the compound's last piece ('leerlingen')
    place: bool = False  # a province, city or country: figures are split by place
    specific: bool = True  # a name in fewer than half of the documents: it picks which one answers


@dataclass(frozen=True)
class Attribution:
    number: str = ""  # "312" from "vraag nr. 312"
    persons: tuple[str, ...] = ()
    source_words: tuple[str, ...] = ()  # words of the phrase that names the source
    source_years: tuple[str, ...] = ()

    @property
    def present(self) -> bool:
        return bool(self.number or self.persons or self.source_words or self.source_years)


@dataclass(frozen=True)
class QuestionAnalysis:
    question: str
    language: str
    terms: tuple[Term, ...]
    attribution: Attribution
    years: tuple[str, ...]  # data periods: "2023", "2022-2023"
    answer_type: AnswerType
    operation: Operation | None = None
    superlative: str = ""  # "max" or "min"
    asked_kind: frozenset[str] = frozenset()  # keys of "welk(e) <noun>": what kind of thing is asked
    measure_unit: str = ""  # the unit of what is measured ("het hoogste aandeel" → "%")
    total: bool = False  # "in totaal", "samen", "in total"
    negated: bool = False
    absolute: bool = False  # "hoeveel lager", "verschil tussen": the size of a difference
    target: float | None = None  # "het streefdoel van 45%"
    target_unit: str = ""
    year_range: bool = False  # "over de jaren 2020 tot 2023": every year in between
    counted: Term | None = None  # what "hoeveel X" counts
    since: str = ""  # "gestegen sinds 2018": the start of a change up to the latest figure
    per: str = ""  # "per goedgekeurde aanvraag": the count an average divides by
    whole_terms: tuple[Term, ...] = ()  # "aandeel van <whole>": what a share is a share of
    unknown_names: tuple[str, ...] = ()
    follow_up_of: str = ""  # the previous question this one completes

    @property
    def weight(self) -> float:
        return sum(t.weight for t in self.terms)

    def year_set(self) -> set[str]:
        """Every calendar year the data periods touch ('2022-2023' → 2022, 2023)."""
        out: set[str] = set()
        for period in self.years:
            out |= period_years(period)
        return out


@dataclass(frozen=True)
class DocumentFrequency:
    """idf(k) = log(1 + N / (1 + df(k))): rare words weigh more; an unseen word weighs most."""

    frequency: Mapping[str, int]
    documents: int

    def __call__(self, k: str) -> float:
        return math.log(1 + self.documents / (1 + self.frequency.get(k, 0)))

    def specific(self, k: str) -> bool:
        """In fewer than half of the documents ("Vlaanderen" in most of them picks none)."""
        return self.frequency.get(k, 0) < self.documents / 2

_YEAR = r"(?:19|20)\d{2}"
_WORD = re.compile(r"[^\W\d_][\w'’+-]*", re.UNICODE)


def _cues(language: str, name: str) -> list[str]:
    module = lang.get(language)
    other = lang.get("en" if language == "nl" else "nl")
    return list(getattr(module, name)) + list(getattr(other, name))


def _all(name: str) -> frozenset[str]:
    return lang.union(name)


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
    superlative = _superlative(lower)
    answer_type = _answer_type(lower, language, operation)
    if answer_type == AnswerType.COUNT and re.search(r"\b(?:hoeveel|how much)\s+(?:\w+\s+)?(?:bedroeg|bedraagt|trok|trokken|"
                                                     r"kost|kostte|werd|werden|is|was|ging|gaat|bracht)\b", lower):
        answer_type = AnswerType.NUMBER  # "hoeveel trok de EU uit": an amount, not a count of things
    asked_kind = _asked_kind(lower)
    if superlative and re.search(r"^\s*(?:in |on |op )?(?:welk|welke|which)\b", lower):
        answer_type = AnswerType.YEAR if re.search(r"\b(?:jaar|year)\b", lower[:40]) else AnswerType.NAME
    terms, unknown = _terms(text, attribution_spans, idf, knows, language)
    whole = _whole_terms(text, terms, language) if operation in (Operation.SHARE, Operation.COMPLEMENT_SHARE) else ()
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
        asked_kind=asked_kind,
        measure_unit=_measure_unit(lower),
        total=_asks_total(lower),
        negated=negated,
        absolute=absolute,
        target=target,
        target_unit=target_unit,
        year_range=year_range,
        per=_per(lower),
        whole_terms=tuple(whole),
        counted=_counted(lower, terms),
        since=_since(lower, years),
        unknown_names=tuple(unknown),
    )


def _strip_prefix(question: str) -> str:
    """'Vraag: Hoeveel …' → 'Hoeveel …': a label before a colon is not part of the question,
    unless the colon ends an attribution ('Volgens het antwoord op vraag nr. 312: hoeveel …')."""
    match = re.match(r"^\s*([^\W\d_][\w-]*(?:\s+[\w-]+){0,2})\s*:\s+(?=\S)", question)
    if match and not re.search(r"\d", match.group(1)) and len(match.group(1).split()) <= 2:
        return question[match.end() :]
    return question.strip()


# ---------------------------------------------------------------- attribution


def _attribution(text: str) -> tuple[Attribution, list[tuple[int, int]]]:
    """The source the question names, and the character spans that name it."""
    spans: list[tuple[int, int]] = []
    number = ""
    found = re.search(
        r"\b(?:vraag|vragen|question|nr|nummer|number|no)\.?\s*(?:nr\.?|no\.?|nummer|number)?\s*(\d{1,5})\b", text, re.I
    )
    if found and not re.match(rf"{_YEAR}$", found.group(1)):
        number = found.group(1)
        spans.append(found.span())
    persons: list[str] = []
    honorifics = _all("HONORIFICS")
    particles = _all("NAME_PARTICLES")
    for match in re.finditer(r"\b((?i:" + "|".join(sorted(honorifics, key=len, reverse=True)) + r"))\.?\s+((?:[A-Z][\w'’-]+|"
                             + "|".join(sorted(particles, key=len, reverse=True)) + r")(?:\s+(?:[A-Z][\w'’-]+|"
                             + "|".join(sorted(particles, key=len, reverse=True)) + r"))*)", text):  # fmt: skip
        name = match.group(2).strip()
        if any(w[0].isupper() for w in name.split()):
            persons.append(name)
            spans.append(match.span())
    source_words: list[str] = []
    leads = [re.escape(x) for x in sorted({*lang.nl.ATTRIBUTION_LEADS, *lang.en.ATTRIBUTION_LEADS}, key=len, reverse=True)]
    for match in re.finditer(r"\b(?:" + "|".join(leads) + r")\b", text, re.I):
        phrase_end = _phrase_end(text, match.end())
        spans.append((match.start(), phrase_end))
        source_words += [w for w in _WORD.findall(text[match.end() : phrase_end])]
    for match in re.finditer(r"\b(?:van|of|door|by|op)\s+(?:de|het|the)?\s*(?:vraag|question|vraagsteller)\s+van\s+"
                             r"((?:[A-Z][\w'’-]+\s*)+)", text):  # fmt: skip
        persons.append(match.group(1).strip())
        spans.append(match.span())
    return Attribution(number=number, persons=tuple(persons), source_words=tuple(source_words)), spans


def _phrase_end(text: str, start: int) -> int:
    """An attribution phrase ('het antwoord op vraag nr. 403', 'minister Crevits', 'de
    IVET-scorekaart 2022') runs over articles, source nouns, names, numbers and the small
    words that join them, and stops at the first other word."""
    source_nouns = _all("SOURCE_NOUNS") | _all("ATTRIBUTION_WORDS")
    joiners = {"de", "het", "een", "the", "a", "an", "op", "van", "to", "of", "nr", "no", "nummer", "number", "uit", "in",
               *_all("NAME_PARTICLES")}  # "Van der Linden"
    end = start
    for match in re.finditer(r"\S+", text[start:]):
        word = match.group(0).strip(".,:;?!()\"'’“”")
        lower = word.lower()
        is_number = bool(re.fullmatch(r"\d+[.,]?\d*", word))
        if not (lower in joiners or is_number or _source_noun(lower, source_nouns) or (word[:1].isupper() and
                                                                                     lower not in _all("STOP_WORDS"))):
            break
        end = start + match.end()
        if re.search(r"[,:;?]$", match.group(0)):
            break
    return end


# ---------------------------------------------------------------- years


def _years(text: str, attribution_spans: list[tuple[int, int]]) -> tuple[list[str], list[str], bool]:
    """Data periods, source years, and whether a range of years is meant ('2020 tot 2023')."""
    source_nouns = _all("SOURCE_NOUNS")
    months = set(lang.nl.MONTHS) | set(lang.en.MONTHS)
    target_spans = [m.span() for cue in _cues("nl", "TARGET_CUES") for m in re.finditer(cue + r".{0,40}", text, re.I)]
    data: list[str] = []
    source: list[str] = []
    for period, (start, end) in period_spans(text):
        if any(a <= start < b for a, b in target_spans) and re.search(r"\b(?:voor|tegen|by|for)\s*$", text[:start]):
            continue  # "het streefcijfer van 12% voor 2030": the target's year
        if _is_source_date(text, start, end, source_nouns, months, attribution_spans):
            source.append(period)
        elif period not in data:
            data.append(period)
    year_range = (
        len(data) == 2
        and bool(re.search(r"(?:tot en met|t/m|tot|to|through|until)\s+(?:\w+\s+)?(?:19|20)\d{2}", text, re.I))
        and bool(re.search(r"\b(?:jaren|years|periode|period|over|from|sinds|since)\b", text, re.I))
    )
    return data, source, year_range


def _is_source_date(text: str, start: int, end: int, source_nouns: frozenset[str], months: set[str],
                    attribution_spans: list[tuple[int, int]]) -> bool:  # fmt: skip
    """'het artikel van juni 2020', 'de monitor 2023', 'the 2022 scorecard', 'volgens het
    indicatorenrapport duaal leren 2025': the year dates the source, not the data. A year
    right after 'in', 'op', 'tussen', 'eind' … is data whatever comes before it."""
    before = [w.lower() for w in _WORD.findall(text[max(0, start - 80) : start])]
    after = [w.lower() for w in _WORD.findall(text[end : end + 30])]
    before = [w for w in before if w not in months and not w.isdigit()]
    if before and before[-1] in _DATA_MARKERS:
        return False
    window = before[-5:]
    nouns = [i for i, w in enumerate(window) if _source_noun(w, source_nouns)]
    if nouns and not any(w in _DATA_MARKERS for w in window[nouns[-1] + 1 :]):
        return True
    return bool(after) and _source_noun(after[0], source_nouns) and (not before or before[-1] in ("the", "de", "het"))


_DATA_MARKERS = frozenset(
    "in op tussen eind begin sinds vanaf tot en per tegen t/m between since from to until by at on end during "
    "oproepjaar oproep oproepen schooljaar academiejaar kalenderjaar begrotingsjaar jaar year call".split()
)


def _source_noun(word: str, source_nouns: frozenset[str]) -> bool:
    pieces = re.split(r"[-+]", word.lower())
    return any(p in source_nouns or (len(p) > 6 and any(p.endswith(n) for n in source_nouns if len(n) > 5))
               for p in pieces)  # fmt: skip


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


def _per(lower: str) -> str:
    match = re.search(r"\bper\s+((?:[\w-]+\s+){0,2}[\w-]+)", lower)
    if not match or re.match(r"(?:jaar|year|maand|month|provincie|province|sector|land|country)\b", match.group(1)):
        return ""
    return match.group(1)


# ---------------------------------------------------------------- terms


def _terms(text: str, attribution_spans: list[tuple[int, int]], idf: DocumentFrequency | None,
           knows: Callable[[frozenset[str]], bool] | None, language: str) -> tuple[list[Term], list[str]]:  # fmt: skip
    skip = (_all("STOP_WORDS") | _all("QUESTION_WORDS") | _all("FILLERS") | _all("ATTRIBUTION_WORDS")
            | _all("HONORIFICS") | set(lang.nl.MONTHS) | set(lang.en.MONTHS) | _all("SUPERLATIVE_MAX")
            | _all("SUPERLATIVE_MIN") | _all("NEGATIONS"))  # fmt: skip
    operation_words = set(_all("OPERATION_WORDS"))
    comparatives = _all("BELOW_CUES") | _all("ABOVE_CUES")
    operation_words = operation_words - comparatives
    terms: list[Term] = []
    unknown: list[str] = []
    seen: set[str] = set()
    first_word = True
    for number in _number_terms(text, attribution_spans):
        terms.append(number)
        seen.add(next(iter(number.keys)))
    for match in _WORD.finditer(text):
        word = re.sub(r"['’]s$", "", match.group(0)).strip("'’-+")
        at_start = first_word
        first_word = False
        if not word or any(a <= match.start() < b for a, b in attribution_spans):
            continue
        lower = word.lower()
        if lower in skip or (lower in operation_words and lower not in ("aandeel", "share")):
            continue
        if lower in comparatives and _used_comparatively(text, match.start(), match.end()):
            continue  # "hoeveel punt hoger … dan": a comparison, not "hoger onderwijs"
        capital = (not at_start and word[0].isupper()) or bool(re.fullmatch(r"[A-Z]{2,}[\w+-]*", word))
        pieces = _pieces(word, skip)
        for position, (piece, piece_name) in enumerate(pieces):
            place = place_of(piece)
            piece_lower = piece.lower()
            keys = {key(t) for t in raw_tokens(place)} if place else set()
            keys |= {key(t) for t in raw_tokens(piece_lower)} | {key(piece_lower)}
            noun = lang.get(language).NOMINALISATIONS.get(piece_lower)
            if noun:
                keys.add(key(noun))  # "gebaseerd" also matches "op basis van"
            translated = translations(piece_lower, language)
            for t in translated:  # English words for English reports, Dutch words for Dutch ones
                keys |= {key(x) for x in raw_tokens(t)}
            main = key(place or piece_lower)
            if not main or main in seen or main.isdigit():
                continue
            seen.add(main)
            is_name = bool(place) or piece_name or (capital and piece[:1].isupper())
            weight = _weight(idf, main, keys, translated, knows, language)
            verb = _verb_like(piece_lower)
            if verb:
                weight *= 0.35
            is_place = bool(place) or piece_lower in _all("PLACES") or any(
                t.lower() in _all("PLACES") for t in translated)  # fmt: skip
            specific = is_name and (idf is None or idf.specific(main))
            term = Term(text=piece, keys=frozenset(keys), weight=weight, name=is_name, verb=verb,
                        qualifier=position < len(pieces) - 1, place=is_place, specific=specific,
                        head=pieces[-1][0] if position < len(pieces) - 1 else "")  # fmt: skip
            if is_name and knows is not None and not knows(term.keys) and _must_be_printed(piece, language):
                unknown.append(piece)
            terms.append(term)
    return _joined_compounds(terms, language), unknown


def _must_be_printed(name: str, language: str) -> bool:
    """A name the documents must print for the question to be answerable: not a lone letter
    ("B.V.", "hoofdstuk VII B": the index keeps no one-letter keys, so it cannot be looked
    up), and in an English question not a common English word ("North Brabant" is
    "Noord-Brabant" in a Dutch source: Zipf frequency ≥ 4 in English)."""
    from qa_bot.read.normalise import frequency

    if len(name) < 2:
        return False
    return not (language == "en" and frequency(name.lower(), "en") >= 4.0)


def _joined_compounds(terms: list[Term], language: str) -> list[Term]:
    """Two neighbouring words may be one Dutch compound ('internship grant' → 'stagebeurs',
    'stage beurs' → 'stagebeurs'): both words then also match that compound in full."""
    out = list(terms)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.name or b.name or not a.text.isalpha() or not b.text.isalpha():
            continue
        firsts = {a.text.lower(), *translations(a.text.lower(), language)}
        seconds = {b.text.lower(), *translations(b.text.lower(), language)}
        joined = {key(x + y) for x in firsts for y in seconds if " " not in x + y}
        joined |= {key(x + "s" + y) for x in firsts for y in seconds if " " not in x + y}
        out[i], out[i + 1] = replace(a, keys=a.keys | joined), replace(b, keys=b.keys | joined)
    return out


def _pieces(word: str, skip: frozenset[str]) -> list[tuple[str, bool]]:
    """A hyphenated compound is several terms ('bso-leerlingen' → 'bso', 'leerlingen';
    'Erasmus+-leermobiliteit' → 'Erasmus', 'leermobiliteit'): a passage must cover the
    specific part too. A place ('West-Vlaanderen') and a compound whose first part is a
    function word ('zij-instromers') stay whole. Returns (piece, is an acronym)."""
    if "-" not in word or place_of(word):
        return [(word, bool(re.fullmatch(r"[A-Z]{2,}[\w+]*", word)))]
    parts = [p.strip("+") for p in word.split("-") if p.strip("+")]
    if len(parts) < 2 or parts[0].lower() in skip or len(parts[0]) < 2 or any(p.isdigit() for p in parts):
        return [(word, False)]
    # Inside a compound a filler is content: 'EU-gemiddelde' is a column, not "on average".
    return [(p, bool(re.fullmatch(r"[A-Z]{2,}[\w+]*", p))) for p in parts if p.lower() not in _all("STOP_WORDS")]


def _weight(idf: DocumentFrequency | None, main: str, keys: set[str], translated: tuple[str, ...],
            knows: Callable[[frozenset[str]], bool] | None, language: str) -> float:  # fmt: skip
    """√idf: rare words weigh more, but no single word decides. An English word weighs as its
    Dutch translation; one the glossary cannot carry weighs little (the dense side covers it)."""
    if idf is None:
        return 1.0
    if language == "en" and translated:
        known = [k for k in keys if k != main]
        value = min((idf(k) for k in known), default=idf(main))
    elif language == "en" and knows is not None and not knows(frozenset(keys)):
        return 0.3 * math.sqrt(idf(main))
    else:
        value = idf(main)
    return math.sqrt(value)


def _number_terms(text: str, attribution_spans: list[tuple[int, int]]) -> list[Term]:
    """Small numbers that name something ('type 9', 'categorie 4', 'prioriteitengroep 1'): terms."""
    out = []
    for match in re.finditer(r"\b([^\W\d_]{3,})\s+(\d{1,2})(?![\d.,%]|\s*(?:%|procent|jaar|dagen|weken|maanden|"
                             r"uur|km|euro|miljoen|years|days|weeks|months|percent))", text):  # fmt: skip
        noun = match.group(1).lower()
        if any(a <= match.start() < b for a, b in attribution_spans):
            continue
        if noun in _all("STOP_WORDS") or noun in _all("NUMBER_WORDS") or noun in ("minstens", "ruim", "bijna",
                                                                                    "least", "than", "dan"):  # fmt: skip
            continue
        out.append(Term(text=f"{match.group(1)} {match.group(2)}", keys=frozenset({match.group(2)}), weight=1.0,
                        name=True))  # fmt: skip
    return out


def _used_comparatively(text: str, start: int, end: int) -> bool:
    after = text[end : end + 60].lower()
    before = text[max(0, start - 30) : start].lower()
    return bool(re.match(r"(?:\s+\S+){0,5}?\s+(?:dan|than)\b", after)) or bool(
        re.search(r"(?:punt|punten|procentpunt\w*|procent|keer|hoeveel|much|many|points?)\s*$", before)
    ) or bool(re.match(r"\s+(?:het|de|the)\s+(?:eu-gemiddelde|europese gemiddelde|eu average|streef\w+|target)", after))


def _verb_like(token: str) -> bool:
    """Verb forms (trokken → trekken, kwam → komen), participles (gebaseerd, toegekend) and
    English -ed forms weigh half: they vary more between question and source than nouns."""
    lemma = lemma_of(token)
    if lemma.endswith("en") and lemma != token and not token.endswith("s"):
        return True
    return bool(re.fullmatch(r"(?:ge|be|ver|toe|uit|op|aan)\w{3,}[dt]", token) or re.fullmatch(r"\w{3,}ed", token))


def _whole_terms(text: str, terms: list[Term], language: str) -> list[Term]:
    """The terms of 'aandeel van <whole>' / 'share of <whole>' / 'percentage van <whole>'."""
    match = re.search(r"\b(?:aandeel|deel|percentage|procent|share|proportion|fraction)\s+(?:van|of)\s+"
                      r"((?:[\w'’+-]+\s+){0,6}?[\w'’+-]+?)(?=\s+(?:in|op|uit|van|die|dat|was|is|werd|kwam|came|ging|"
                      r"zat|had|in|from|who|that|were|was|[0-9])\b|[?,])", text, re.I)  # fmt: skip
    if not match:
        return []
    words = {key(w.lower()) for w in _WORD.findall(match.group(1))}
    return [t for t in terms if t.keys & words]


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


