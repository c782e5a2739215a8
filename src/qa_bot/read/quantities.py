"""Quantities in Dutch and English text. Pure functions only.

A *quantity* is a number that counts or measures something (``5171 mobiliteiten``,
``63,4%``, ``9,4 miljoen euro``); years (``2018``, ``2022-2023``), dates, list
numbering and article numbers are not quantities. Each quantity keeps its unit or
counted noun, the year(s) it refers to and its character span.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from qa_bot import lang
from qa_bot.read.numbers import _NOT_NOUNS, MONEY, _words_after, years_in
from qa_bot.read.text import split_sentences, stem

_MEASURES = frozenset().union(*(m.MEASURE_WORDS for m in lang.LANGUAGES.values()))


_YEAR_RANGE = re.compile(r"(?<![\d.,])((?:19|20)\d{2})\s?[-–/]\s?((?:19|20)?\d{2})(?![\d])")


_BETWEEN_YEARS = re.compile(
    r"(?:tussen|between|van|from)\s+((?:19|20)\d{2})\s+(?:en|and|tot|to)\s+((?:19|20)\d{2})", re.IGNORECASE
)


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str  # "%", "euro" or "" (a count)
    noun: str  # counted noun as written ("mobiliteiten"), may be ""
    year: str  # "2025", "2022-2025" or ""
    text: str  # as printed
    start: int
    end: int
    approx: bool = False  # "ruim", "circa", "bijna"
    bound: str = ""  # "lower"/"upper" ("meer dan"), "from"/"to" (a range's ends)
    scale: float = 1.0  # value = printed number × scale
    words: bool = False  # written in words ("drie", "vijftig miljoen")
    selection: bool = False  # after a definite article: "de tien grootste …"

    @property
    def noun_key(self) -> str:
        return noun_key(self.noun)


def printed_figures(qs: Sequence[Quantity]) -> list[Quantity]:
    """The quantities that can be figures of a text. Small counts written in words ("twee
    indieningsrondes", "vier jaar") tell a story when the same text prints figures in digits:
    only the digits then. A text without digits keeps its words ("drie leegstaande woningen"),
    except a selection after a definite article ("de tien knelpuntberoepen met de meeste
    vacatures" names a top ten, not how many there are). A word that counts what a printed
    figure counts stays ("9 woningen … en drie leegstaande woningen")."""
    counted = {q.noun_key for q in qs if not q.words and not q.unit and q.noun_key}
    small = [q for q in qs if q.words and not q.unit and q.scale == 1.0 and q.value <= 20
             and not (q.noun_key and q.noun_key in counted and not q.selection)]  # fmt: skip
    if any(not q.words for q in qs):
        return [q for q in qs if q not in small]
    return [q for q in qs if q not in small or not q.selection]


def noun_key(noun: str) -> str:
    """Stem of the head word: 'VET-scholen' → 'schol', 'mobiliteiten' → 'mobiliteit'."""
    if not noun:
        return ""
    head = re.split(r"[-/]", noun.lower())
    return stem(head[-1] if head[-1] else head[0])


def quantities(text: str, language: str = "nl") -> list[Quantity]:
    """Every quantity in ``text`` with its unit, counted noun and year. Which printed numbers
    are quantities (not identifiers, dates, years or headings), their values in base units
    and their currencies come from :func:`qa_bot.read.printed.read_numbers`. A text is read
    once: the composer asks for the same sentences again and again."""
    return list(_quantities(text, language))


@lru_cache(maxsize=50_000)
def _quantities(text: str, language: str) -> tuple[Quantity, ...]:
    from qa_bot.read.printed import Kind, read_numbers

    found: list[Quantity] = []
    for item in read_numbers(text, language):
        if item.kind != Kind.QUANTITY or item.value is None:
            continue
        start, end, unit = item.start, item.end, item.unit
        after_words = _words_after(text, end, 3)
        if unit == "" and item.scale == 1.0 and not item.words and _is_list_number(text, start, end):
            continue
        if unit == "%":
            noun = "" if not after_words else _noun(after_words, "%")
        else:
            noun = _noun(after_words, "euro" if unit in MONEY else unit)
        found.append(Quantity(value=item.value, unit=unit, noun=noun, year="", text=item.text, start=start, end=end,
                              approx=item.approx, bound=item.bound, scale=item.scale, words=item.words,
                              selection=_word_before(text, start) in lang.union("DEFINITE_ARTICLES")))  # fmt: skip
    found.sort(key=lambda q: q.start)
    sentences = split_sentences(text)
    paired = _respective(text, found, sentences) if _RESPECTIVELY.search(text) else {}
    out = []
    for q in found:
        sentence = _sentence_of(sentences, q.start, len(text))
        item_years = years_in(paired.get(q.start, ("", ""))[0])
        q = _replace_year(q, item_years[0]) if len(item_years) == 1 else _with_year(text, q, sentence)
        if not q.noun and not q.unit:
            q = _noun_before(text, q, sentence[0])
        out.append(q)
    return tuple(_partitive_nouns(text, _share_nouns(text, out)))


@lru_cache(maxsize=50_000)
def respective(text: str) -> dict[int, tuple[str, str]]:
    """What "respectievelijk" pairs each number with: {start of the number: (its item, the
    words its clause shares with the other items)}. "De rekenregel van 3,5% en 5% geldt voor
    resp. de overheidstarieven en de openbaar vervoertarieven": 3,5% is the
    overheidstarieven'; "Voor 2025 en 2026 wordt de inflatie respectievelijk 0,1 en 0,4
    procentpunt hoger ingeschat": 0,4 is 2026's."""
    if not _RESPECTIVELY.search(text):
        return {}
    return _respective(text, list(_quantities(text, "nl")), split_sentences(text))


def _respective(text: str, qs: Sequence[Quantity], sentences: Sequence[tuple[int, int]]) -> dict[int, tuple[str, str]]:
    out: dict[int, tuple[str, str]] = {}
    for cue in _RESPECTIVELY.finditer(text):
        start, end = _sentence_of(sentences, cue.start(), len(text))
        inside = [q for q in qs if start <= q.start < end]
        after = [q for q in inside if q.start >= cue.end()]
        before = [q for q in inside if q.end <= cue.start()]
        if after and len(text[cue.end() : after[0].start].split()) <= 2:  # "respectievelijk 0,1 en 0,4"
            run = _run(text, after)
            clause_start = max(start, *(text.rfind(mark, start, cue.start()) + 1 for mark in ";:"))
            items = _items_before(text[clause_start : cue.start()], len(run))
            shared = text[clause_start : cue.start()]
        elif before and len(text[before[-1].end : cue.start()].split()) <= 2:
            run = _run(text, before[::-1])[::-1]
            clause = re.split(r"[.;:(]", text[cue.end() : end])[0]
            if clause.strip():  # "3,5% en 5% voor resp. de overheidstarieven en de openbaar vervoertarieven"
                items = [i for i in re.split(_ITEM_SPLIT, clause) if i.strip()]
                shared = text[start : cue.start()]
            else:  # "Belgium and the Netherlands rose by 4% and 6% respectively."
                clause_start = max(start, *(text.rfind(mark, start, run[0].start) + 1 for mark in ";:"))
                items = _items_before(text[clause_start : run[0].start], len(run))
                shared = text[clause_start : run[0].start]
        else:
            continue
        if len(run) < 2 or len(items) != len(run):
            continue
        for item in items:
            shared = shared.replace(item, " ")  # what the items share, without any of them
        for q, item in zip(run, items, strict=True):
            out[q.start] = (item.strip(), " ".join(shared.split()))
    return out


def _run(text: str, qs: Sequence[Quantity]) -> list[Quantity]:
    """The numbers of one list from the first of ``qs`` on ("0,1 en 0,4", "1,3 miljard euro
    en 0,8 miljard euro"), in the order given."""
    run = [qs[0]]
    for q in qs[1:]:
        a, b = sorted((run[-1], q), key=lambda x: x.start)
        if not _LIST_LINK.match(text[a.end : b.start]):
            break
        run.append(q)
    return run


def _items_before(clause: str, n: int) -> list[str]:
    """The ``n`` items a clause names before its "respectievelijk": its years when it names
    exactly ``n`` ("Bij de begrotingsaanpassing 2025 en de begrotingsopmaak 2026 …"), else,
    for two, what stands on each side of its last "en" ("In de bachelors kleuteronderwijs en
    lager onderwijs ligt dat aandeel lager, op …")."""
    years = years_in(clause)
    if len(years) == n and not _YEAR_RANGE.search(clause):
        return years
    if n != 2:
        return []
    links = list(re.finditer(_CONJUNCTION, clause))
    if not links:
        return []
    last = links[-1]
    left = clause[: last.start()].rsplit(",", 1)[-1]
    right = clause[last.end() :].split(",", 1)[0]
    return [left, right] if left.strip() and right.strip() else []


_RESPECTIVELY = re.compile("|".join(f"(?:{m.RESPECTIVELY})" for m in lang.LANGUAGES.values()), re.I)
_LIST_LINK = re.compile(r"^\s*(?:,|;|&|" + "|".join(sorted(lang.union("LIST_CONJUNCTIONS"))) + r")?\s*$", re.I)
_CONJUNCTION = r"\s+(?:" + "|".join(sorted(lang.union("LIST_CONJUNCTIONS"))) + r")\s+"
_ITEM_SPLIT = r"\s*,\s*|" + _CONJUNCTION


_COORDINATED = re.compile(r"^[^.;:!?]{0,30}?(?:\btot\b|\bnaar\b|\ben\b|\bto\b|\band\b|,)[^.;:!?]{0,25}$", re.I)


def _share_nouns(text: str, qs: list[Quantity]) -> list[Quantity]:
    """Coordinated numbers share one noun: 'van 2211 in 2018 tot 4535 mobiliteiten',
    '120 cursisten naar Duitsland, 95 naar Frankrijk en 40 naar Spanje'."""
    out = list(qs)
    for i in range(len(out) - 2, -1, -1):  # from a later noun to an earlier number
        a, b = out[i], out[i + 1]
        if not a.noun and b.noun and a.unit == b.unit and _COORDINATED.match(text[a.end : b.start]):
            out[i] = replace(a, noun=b.noun)
    for i in range(1, len(out)):  # from an earlier noun to a later number
        a, b = out[i - 1], out[i]
        if not b.noun and a.noun and a.unit == b.unit and _COORDINATED.match(text[a.end : b.start]):
            out[i] = replace(b, noun=a.noun)
    return out


def _partitive_nouns(text: str, qs: list[Quantity]) -> list[Quantity]:
    """'Van deze 40 projecten zijn er 33 afkomstig uit …': a number after the partitive "er"
    counts the noun of the number before it in the sentence, whatever word follows it."""
    out = list(qs)
    partitive = lang.union("PARTITIVE_BEFORE")
    for i in range(1, len(out)):
        q, before = out[i], out[i - 1]
        between = text[before.end : q.start]
        words = re.findall(r"[^\W\d_]+", between)
        if (before.noun and words and words[-1].lower() in partitive and q.unit == before.unit
                and not re.search(r"[.;:!?]", between)):  # fmt: skip
            out[i] = replace(q, noun=before.noun)
    return out


_COUNTED_BEFORE = re.compile(r"\b(?:aantal|number of)\s+(?:[^\W\d]+e\s+)?([^\W\d][\w/-]*)", re.I)


def _noun_before(text: str, q: Quantity, sentence_start: int) -> Quantity:
    """'Het aantal uitgaande studenten steeg van 4100 ...': the noun came first."""
    found = list(_COUNTED_BEFORE.finditer(text[sentence_start : q.start]))
    if not found:
        return q
    return replace(q, noun=found[-1].group(1))


def _sentence_of(sentences: Sequence[tuple[int, int]], offset: int, length: int) -> tuple[int, int]:
    for start, end in sentences:
        if start <= offset < end:
            return start, end
    return 0, length


def _unit(unit: str | None, currency: str | None) -> str:
    if unit:
        u = unit.lower()
        if u in ("%", "procent", "percent"):
            return "%"
        return "euro"
    return "euro" if currency else ""


def _word_before(text: str, start: int) -> str:
    words = re.findall(r"\S+", text[max(0, start - 40) : start])
    return words[-1].strip("(").lower() if words else ""


def _is_list_number(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and bool(re.match(r"[.)]\s", text[end : end + 2]))


_ADJECTIVES = frozenset("nieuwe extra bijkomende verschillende andere new additional".split())


def _noun(after: list[str], unit: str) -> str:
    """The counted noun after a number, skipping a leading adjective ('83 nieuwe scholen',
    '77 Limburgse scholen': an inflected adjective ends in -e and has a word after it)."""
    for i, word in enumerate(after[:3]):
        lower = word.lower()
        if lower in _NOT_NOUNS:
            return ""
        if lower in _MEASURES:
            return word  # "2.520 hectare overstromingsgebied": the unit is what is counted
        has_next = i + 1 < len(after) and after[i + 1].lower() not in _NOT_NOUNS
        if lower in _ADJECTIVES or (i < 2 and has_next and re.fullmatch(r"[^\W\d_]{3,}e", lower)):
            continue
        return word.strip("-/")
    return ""


def _with_year(text: str, q: Quantity, sentence: tuple[int, int]) -> Quantity:
    """Attach the year a quantity refers to (same sentence only)."""
    sent_start, sent_end = sentence
    after = text[q.end : min(sent_end, q.end + 80)]
    # "2211 in 2018", "4535 mobiliteiten in 2025", "12% (2024)", "38 organisaties over een accreditatie in 2021"
    direct = re.match(r"\s*(?:[^\W\d][\w-]*\s){0,4}\s*(?:in|\(|anno)\s*((?:19|20)\d{2})(?![\d])", after)
    if direct:
        return _replace_year(q, direct.group(1))
    before = text[sent_start : q.start]
    span = list(_BETWEEN_YEARS.finditer(before))
    if span:
        return _replace_year(q, f"{span[-1].group(1)}-{span[-1].group(2)}")
    ranges = list(_YEAR_RANGE.finditer(before))
    prior = years_in(before)
    if _periods_since_last_number(before) > 1:
        return q  # "de inzet in het seizoen 1989-1990 was gelijk aan die in 1986-1987 en kostte 11,2 miljoen": whose?
    if ranges and (not prior or ranges[-1].group(1) in prior[-2:]):
        a, b = ranges[-1].group(1), ranges[-1].group(2)
        return _replace_year(q, f"{a}-{a[:2] + b if len(b) == 2 else b}")
    if prior:
        if _PRESENT.search(before[before.rfind(prior[-1]) :]):
            return q  # "bij BO 2025 werd gerekend met 1,92 procent, nu wordt dat bijgesteld naar 1,49 procent"
        return _replace_year(q, prior[-1])
    later = years_in(text[q.end : sent_end])
    if len(later) == 1:
        return _replace_year(q, later[0])
    own = _year_of_clause(text[q.end : sent_end])
    return _replace_year(q, own) if own else q


def _year_of_clause(after: str) -> str:
    """The year that closes a quantity's clause before the next number's ("91,9% van de
    ontvangsten bij begrotingsopmaak 2026 en tot 108,6% in 2030": 2026 is 91,9%'s), or ""."""
    number = next((m for m in re.finditer(r"\d[\d.,]*", after) if not years_in(m.group(0))), None)
    if number is None:
        return ""
    clause = after[: number.start()]
    found = list(re.finditer(r"(?<![\d.,])((?:19|20)\d{2})(?![\d.,]\d)", clause))
    if len(found) != 1:
        return ""
    tokens = re.findall(r"[,;]|[^\W\d_]+", clause[found[0].end() :])[:3]  # "2026 en", "the 2026 budget and"
    return found[0].group(1) if any(t.lower() in _CLAUSE_LINKS for t in tokens) else ""


_CLAUSE_LINKS = lang.union("CLAUSE_LINKS") | {",", ";"}
_PRESENT = re.compile(r"[,;]\s*(?:[^\W\d_]+\s+){0,2}?(?:" + "|".join(sorted(lang.union("PRESENT_TIME"))) + r")\b", re.I)


def _periods_since_last_number(before: str) -> int:
    """How many different periods a sentence names between its previous number (or its start)
    and a quantity: with two or more, the quantity's own period is not told."""
    numbers = [m for m in re.finditer(r"\d[\d.,]*", before) if not re.fullmatch(r"(?:19|20)\d{2}", m.group(0).rstrip(".,"))
               and before[max(0, m.start() - 1) : m.start()] not in ("-", "/", "–")]  # fmt: skip
    tail = before[numbers[-1].end() :] if numbers else before
    periods = {m.group(0) for m in _YEAR_RANGE.finditer(tail)}
    covered = "".join(periods)
    periods |= {y for y in years_in(tail) if y not in covered}
    return len(periods)


def _replace_year(q: Quantity, year: str) -> Quantity:
    return replace(q, year=year)
