"""What a question asks, typed: the records :func:`qa_bot.answer.analysis.analyze` fills once
per question and every later decision reads, and the cue look-ups both sides of the
analysis share (:mod:`.slots` reads what the question names, :mod:`.analysis` what it asks)."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from qa_bot import lang
from qa_bot.answer.operations import Operation
from qa_bot.read.numbers import period_years


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
    range_ends: tuple[str, ...] = ()  # "de hoogste schatting" → ("to",): which end of a printed range is asked
    asked_kind: frozenset[str] = frozenset()  # keys of "welk(e) <noun>": what kind of thing is asked
    measure_unit: str = ""  # the unit of what is measured ("het hoogste aandeel" → "%")
    total: bool = False  # "in totaal", "samen", "in total"
    joined: tuple[Term, ...] = ()  # "de opcentiemen en de gewestbelastingen samen": things added up, each needed
    negated: bool = False
    absolute: bool = False  # "hoeveel lager", "verschil tussen": the size of a difference
    target: float | None = None  # "het streefdoel van 45%"
    target_unit: str = ""
    year_range: bool = False  # "over de jaren 2020 tot 2023": every year in between
    counted: Term | None = None  # what "hoeveel X" counts
    since: str = ""  # "gestegen sinds 2018": the start of a change up to the latest figure
    per: str = ""  # "per goedgekeurde aanvraag": the count an average divides by
    whole_terms: tuple[Term, ...] = ()  # "aandeel van <whole>": what a share is a share of
    part_terms: tuple[Term, ...] = ()  # "welk deel … ging naar <part>": what the share's part is
    unknown_names: tuple[str, ...] = ()
    follow_up_of: str = ""  # the previous question this one completes
    cause: bool = False  # "waarom …", "hoe verklaart …": a cause is asked, nothing is computed
    dated_terms: tuple[tuple[str, str], ...] = ()  # (term, year) printed together: "begrotingsaanpassing 2026"

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
CAUSE_QUESTION = re.compile("|".join(f"(?:{m.CAUSE_QUESTION})" for m in lang.LANGUAGES.values()), re.I)


def _cues(language: str, name: str) -> list[str]:
    module = lang.get(language)
    other = lang.get("en" if language == "nl" else "nl")
    return list(getattr(module, name)) + list(getattr(other, name))


def _all(name: str) -> frozenset[str]:
    return lang.union(name)
