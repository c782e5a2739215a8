"""Reading and writing numbers in Dutch and English text. Pure functions only.

A *quantity* is a number that counts or measures something (``5171 mobiliteiten``,
``63,4%``, ``9,4 miljoen euro``); years (``2018``, ``2022-2023``), dates, list
numbering and article numbers are not quantities. Each quantity keeps its unit or
counted noun, the year(s) it refers to and its character span.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from qa_bot import lang
from qa_bot.read.text import split_sentences, stem

MULTIPLIERS = {
    "duizend": 1e3, "thousand": 1e3,
    "miljoen": 1e6, "million": 1e6, "mio": 1e6, "mln": 1e6,
    "miljard": 1e9, "billion": 1e9, "mld": 1e9, "mrd": 1e9,
}  # fmt: skip
WORD_FRACTIONS = {"één derde": 1 / 3, "een derde": 1 / 3, "twee derde": 2 / 3, "de helft": 0.5, "een kwart": 0.25,
                  "one third": 1 / 3, "two thirds": 2 / 3}  # fmt: skip
MONTHS = frozenset(
    "januari februari maart april mei juni juli augustus september oktober november december "
    "jan feb mrt apr jun jul aug sep sept okt nov dec january february march may june july "
    "october".split()
)
_YEAR_BEFORE = frozenset(
    "in tot sinds van tegen jaar schooljaar academiejaar begrotingsjaar en tussen vanaf "
    "since from to by until between and of end eind begin voor na t/m per".split()
)
_MEASURES = frozenset().union(*(m.MEASURE_WORDS for m in lang.LANGUAGES.values()))
_INDEX_BEFORE = frozenset("nr nr. nummer artikel art art. punt vraag hoofdstuk bijlage pagina blz p".split())
_NOT_NOUNS = frozenset(
    """
    in op van voor met tot naar uit bij aan door over om en of maar dan als te t.o.v. het de een
    werden waren zijn hebben kregen is was werd wordt worden kan konden zouden ten tegen
    meer minder more less fewer per jaar procent percent euro eur miljoen miljard duizend on of for with to from and the a
    were was are have had been by at in
    """.split()
)

_NUMBER = re.compile(
    r"(?<![\w.,/-])"
    r"(?P<cur>€\s?)?"
    r"(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?:,\d+)?(?!\d)"
    r"|\d+(?:[.,]\d+)?)"
    r"(?![\d])"
    r"(?:\s?(?P<mult>miljoen|miljard|duizend|million|billion|thousand|mio)\b)?"
    r"(?:\s?(?P<unit>%|procent\b|percent\b|euro\b|eur\b|€))?",
    re.IGNORECASE,
)
_YEAR_RANGE = re.compile(r"(?<![\d.,])((?:19|20)\d{2})\s?[-–/]\s?((?:19|20)?\d{2})(?![\d])")
_DATE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b")
_FRACTION = re.compile(r"\b(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in WORD_FRACTIONS) + r")\b",
                       re.IGNORECASE)  # fmt: skip
_BETWEEN_YEARS = re.compile(
    r"(?:tussen|between|van|from)\s+((?:19|20)\d{2})\s+(?:en|and|tot|to)\s+((?:19|20)\d{2})", re.IGNORECASE
)
_WORD = re.compile(r"[^\W\d_][\w/+-]*", re.UNICODE)


MONEY = frozenset({"euro", "gulden"})


def is_money(unit: str) -> bool:
    """Whether a unit is a currency (euro, or guilders in older documents)."""
    return unit in MONEY


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
    vacatures" names a top ten, not how many there are)."""
    small = [q for q in qs if q.words and not q.unit and q.scale == 1.0 and q.value <= 20]
    if any(not q.words for q in qs):
        return [q for q in qs if q not in small]
    return [q for q in qs if q not in small or not q.selection]


def noun_key(noun: str) -> str:
    """Stem of the head word: 'VET-scholen' → 'schol', 'mobiliteiten' → 'mobiliteit'."""
    if not noun:
        return ""
    head = re.split(r"[-/]", noun.lower())
    return stem(head[-1] if head[-1] else head[0])


def parse_number(raw: str, language: str = "nl") -> float:
    """Value of a printed number.

    Dutch: ``5.171`` = 5171, ``63,4`` = 63.4, ``8.159,5`` = 8159.5, ``5 171`` = 5171.
    English: ``5,171`` = 5171, ``63.4`` = 63.4. A lone separator followed by exactly
    three digits is a thousands separator in Dutch text (``5.171``), and in English
    text when it is a comma (``5,171``).
    """
    s = raw.strip().replace("\u00a0", " ").replace(" ", "")
    if not s or not re.fullmatch(r"\d[\d.,]*", s):
        raise ValueError(f"geen getal: {raw!r}")
    dots, commas = s.count("."), s.count(",")
    if dots and commas:
        decimal = "," if s.rfind(",") > s.rfind(".") else "."
    elif dots > 1:
        decimal = ","
    elif commas > 1:
        decimal = "."
    elif dots == 1:
        decimal = "," if language == "nl" and re.fullmatch(r"\d{1,3}\.\d{3}", s) else "."
    elif commas == 1:
        decimal = "." if language == "en" and re.fullmatch(r"\d{1,3},\d{3}", s) else ","
    else:
        return float(s)
    thousands = "." if decimal == "," else ","
    return float(s.replace(thousands, "").replace(decimal, "."))


def format_number(value: float, language: str = "nl", decimals: int | None = None) -> str:
    """Dutch ``63,4`` / ``8.159`` or English ``63.4`` / ``8,159``; integers without decimals.

    Not babel: two fixed conventions need four lines, where babel adds a 30 MB dependency
    with CLDR data, and the counts must follow the sources' own habit (``format_count``)
    rather than the locale's."""
    if decimals is None:
        decimals = 0 if float(value).is_integer() else 1
    text = f"{value:,.{decimals}f}"
    if language == "nl":
        text = text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return text


def format_count(value: float, language: str = "nl") -> str:
    """Counts as printed in the sources: no thousands separator below 10,000 (``5171``)."""
    if float(value).is_integer() and abs(value) < 10_000:
        return str(int(value))
    return format_number(value, language)


def is_year(value: float) -> bool:
    return float(value).is_integer() and 1900 <= value <= 2100


def years_in(text: str) -> list[str]:
    """Years mentioned in ``text``, in order, each once (ranges give both ends)."""
    found: list[str] = []
    for match in re.finditer(r"(?<![\d.,])((?:19|20)\d{2})(?![\d.,]\d)", text):
        if match.group(1) not in found:
            found.append(match.group(1))
    return found


_MONTH_NUMBER = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7, "augustus": 8,
    "september": 9, "oktober": 10, "november": 11, "december": 12, "january": 1, "february": 2, "march": 3,
    "may": 5, "june": 6, "july": 7, "august": 8, "october": 10,
}  # fmt: skip
_DATE_WORDS = re.compile(
    r"\b(\d{1,2})\s+(" + "|".join(_MONTH_NUMBER) + r")\s+((?:19|20)\d{2})\b|\b(" + "|".join(_MONTH_NUMBER)
    + r")\s+(\d{1,2}),?\s+((?:19|20)\d{2})\b|\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(r"\b(" + "|".join(_MONTH_NUMBER) + r")\s+((?:19|20)\d{2})\b", re.IGNORECASE)
_SCHOOL_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d{2})\s*[-–/]\s*((?:19|20)\d{2}|\d{2})(?![\d])")
_PLAIN_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d{2})(?![\d.,]\d)")


def periods_in(text: str) -> list[str]:
    """Periods a text names, normalised: ISO dates ('1 januari 2024' → '2024-01-01'), school
    years ('2022-2023', '2022–23'), and years; a longer range ('2021-2024') gives its ends."""
    found: list[str] = []
    for value, _ in period_spans(text):
        if value not in found:
            found.append(value)
    return found


def period_spans(text: str) -> list[tuple[str, tuple[int, int]]]:
    """Each period :func:`periods_in` finds, with its character span, in text order."""
    out: list[tuple[str, tuple[int, int]]] = []
    taken: list[tuple[int, int]] = []

    def add(value: str, span: tuple[int, int]) -> None:
        taken.append(span)
        out.append((value, span))

    for m in _DATE_WORDS.finditer(text):
        if m.group(1):
            day, month, year = int(m.group(1)), _MONTH_NUMBER[m.group(2).lower()], m.group(3)
        elif m.group(4):
            day, month, year = int(m.group(5)), _MONTH_NUMBER[m.group(4).lower()], m.group(6)
        else:
            day, month, year = int(m.group(9)), int(m.group(8)), m.group(7)
        if 1 <= day <= 31 and 1 <= month <= 12:
            add(f"{year}-{month:02d}-{day:02d}", m.span())
    for m in _MONTH_YEAR.finditer(text):
        if not any(a <= m.start() < b for a, b in taken):
            add(f"{m.group(2)}-{_MONTH_NUMBER[m.group(1).lower()]:02d}", m.span())
    for m in _SCHOOL_YEAR.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        a, b = m.group(1), m.group(2)
        b = a[:2] + b if len(b) == 2 else b
        if int(b) - int(a) == 1:
            add(f"{a}-{b}", m.span())
        elif int(b) > int(a):
            add(a, m.span())
            add(b, m.span())
    for m in _PLAIN_YEAR.finditer(text):
        if not any(a <= m.start() < b for a, b in taken):
            add(m.group(1), m.span())
    return sorted(out, key=lambda item: item[1][0])


def period_years(period: str) -> set[str]:
    """The calendar years a period touches."""
    if re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", period):
        return {period[:4]}
    return set(re.findall(r"(?:19|20)\d{2}", period))


def period_matches(asked: str, printed: list[str]) -> bool:
    """Whether a period the question asks about is among the periods a text prints: exactly,
    or one that a printed, more precise period falls in ('2024' and '31 december 2024';
    'oktober 2024' and '1 oktober 2024'). A school year ('2023-2024') is its own period."""
    if asked in printed:
        return True
    if re.fullmatch(r"\d{4}(?:-\d{2})?", asked):
        return any(re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", p) and p.startswith(asked + "-") for p in printed)
    return False


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
    out = []
    for q in found:
        sentence = _sentence_of(sentences, q.start, len(text))
        q = _with_year(text, q, sentence)
        if not q.noun and not q.unit:
            q = _noun_before(text, q, sentence[0])
        out.append(q)
    return tuple(_partitive_nouns(text, _share_nouns(text, out)))


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


def _words_after(text: str, end: int, n: int) -> list[str]:
    return [m.group(0) for m in _WORD.finditer(text[end : end + 80])][:n]


def _is_list_number(text: str, start: int, end: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and bool(re.match(r"[.)]\s", text[end : end + 2]))


def _reads_as_year(before: str, after: list[str]) -> bool:
    """A bare 1900–2100 integer is a year unless it is followed by what it counts (a noun,
    not a verb: "de lijst 2024 telt …")."""
    if after and _is_verb(after[0]):
        return True
    if before in _YEAR_BEFORE or before in MONTHS or before.endswith(("(", "jaar", "jaren")) or before in (
            "oproep", "oproepen", "editie", "cohorte", "call", "year"):  # fmt: skip
        return True
    return not (after and after[0][0].islower() and after[0].lower() not in _NOT_NOUNS)


def _is_verb(word: str) -> bool:
    from qa_bot.read.text import lemma_of

    lower = word.lower()
    lemma = lemma_of(lower)
    return lemma.endswith("en") and lemma != lower and not lower.endswith(("en", "s"))


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
    if ranges and (not prior or ranges[-1].group(1) in prior[-2:]):
        a, b = ranges[-1].group(1), ranges[-1].group(2)
        return _replace_year(q, f"{a}-{a[:2] + b if len(b) == 2 else b}")
    if prior:
        return _replace_year(q, prior[-1])
    later = years_in(text[q.end : sent_end])
    if len(later) == 1:
        return _replace_year(q, later[0])
    return q


def _replace_year(q: Quantity, year: str) -> Quantity:
    return replace(q, year=year)


def numbers_in(text: str, language: str = "nl") -> list[float]:
    """Every number printed in ``text`` (quantities and years alike), for faithfulness checks."""
    from qa_bot.read.printed import read_numbers

    values: list[float] = []
    for match in _NUMBER.finditer(text):
        try:
            value = parse_number(match.group("num"), language)
        except ValueError:
            continue
        values.append(value)
        if match.group("mult"):
            values.append(value * MULTIPLIERS[match.group("mult").lower()])
    values += [abs(r.value) for r in read_numbers(text, language) if r.value is not None]
    return values


def number_readings(text: str) -> list[set[float]]:
    """Each number printed in ``text`` with every value it can be read as (Dutch and English
    conventions, with and without its multiplier): '21.483' is 21483 or 21.483."""
    readings: list[set[float]] = []
    for match in _NUMBER.finditer(text):
        values: set[float] = set()
        for language in ("nl", "en"):
            try:
                value = parse_number(match.group("num"), language)
            except ValueError:
                continue
            values.add(value)
            if match.group("mult"):
                values.add(value * MULTIPLIERS[match.group("mult").lower()])
        if values:
            readings.append(values)
    return readings


def same_value(a: float, b: float, rel: float = 1e-9) -> bool:
    return math.isclose(a, b, rel_tol=rel, abs_tol=1e-9)
