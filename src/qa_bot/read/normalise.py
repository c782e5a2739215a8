"""Repairs of extracted text: what PDF extraction and OCR did to words, undone once, at reading.

Each repair is decided by word frequencies (``wordfreq``'s Dutch and English lists), not
by a hand list of words:

* **glue** — spaces lost between words ("amendementvan" → "amendement van", "in2023" →
  "in 2023", "2025eenopmerkelijke" → "2025 een opmerkelijke"): an unknown word is split where
  both pieces are known words and one of them is a frequent (function) word, or where a
  letter meets a digit;
* **hyphenation inside a line** (OCR keeps the break's hyphen: "winstbe-drag",
  "meegewo-gen"): joined when a piece is no word on its own;
* **footnote markers** stuck to a word ("toeslagenfraude?1", "vorig jaar5"): removed, and
  returned so that a reader can show them.

All functions are pure; :func:`repair` applies them in order to a block of prose.
"""

from __future__ import annotations

import re
from functools import lru_cache

from qa_bot import lang

# A word is "known" above this Zipf frequency (3 = once per million words); a "frequent"
# word, one that glue attaches to, is among the few dozen most common (function words:
# de 7.7, van 7.5, dat 7.1, aan 6.8; a content word such as jaar is 6.3).
KNOWN = 2.5
FREQUENT = 6.5
_MIN_GLUED = 6  # shorter unknown words are left alone (abbreviations, names)

_MONTHS = "|".join(sorted(lang.nl.MONTHS, key=len, reverse=True))
_WORD = re.compile(r"(?<![\w/@%.#=&-])([^\W\d_]{" + str(_MIN_GLUED) + r",})(?![\w/@%#=&-])")
_INLINE_HYPHEN = re.compile(r"(?<![\w-])([A-ZÀ-Ýa-zà-ÿ][a-zà-ÿ]+)-([a-zà-ÿ]{2,})(?![\w-])")
# letters then digits: "in2023", "er10,4", "juni1978", "van12 april"
_LETTER_DIGIT = re.compile(r"(?<![\w/@.%#=&-])([^\W\d_]{2,})(\d[\d.,]*)(?=[\s.,;:!?)»”’]|$)")
# digits then letters: "2026–2027gaat", "21procentpunten", "(13)auteurs", "330betrokken"
_DIGIT_LETTER = re.compile(r"(?<![\w/@.%#=&-])(\d[\d.,–-]*\d|\d)(\)?)([^\W\d_]{2,})(?![\w/@%#=&])")
_AFTER_PUNCT_FOOTNOTE = re.compile(r"(?<=[^\W\d_][?!.,;:])(\d{1,2})(?=\s|$)")
_URL = re.compile(r"\S*(?:https?://|www\.|%20|@)\S*|\S+\.(?:nl|be|com|org|eu|net|int)\b\S*")


@lru_cache(maxsize=1)
def _zipf():  # type: ignore[no-untyped-def]
    from wordfreq import zipf_frequency

    return zipf_frequency


@lru_cache(maxsize=200_000)
def frequency(word: str, language: str = "nl") -> float:
    """Zipf frequency of ``word`` in the text's language (0 when unknown)."""
    return float(_zipf()(word.lower(), language if language in ("nl", "en") else "nl"))


def is_word(word: str, threshold: float = KNOWN, language: str = "nl") -> bool:
    return frequency(word, language) >= threshold


@lru_cache(maxsize=50_000)
def split_glued(word: str, language: str = "nl") -> tuple[str, ...]:
    """The words an unknown, glued ``word`` was made of, or ``(word,)`` when it is no glue.

    A split is taken when both pieces are known and at least one is frequent (glue loses the
    space next to a function word: "datdaarmee", "amendementvan"); of several splits the one
    whose rarer piece is most frequent wins. A compound of two content words
    ("winstafspraak") is left whole: Dutch writes compounds together."""
    if len(word) < _MIN_GLUED or is_word(word, 1.0, language) or not word.isalpha():
        return (word,)
    prefixes = lang.get(language).VERB_PREFIXES
    best: tuple[float, int] | None = None
    for cut in range(2, len(word) - 2):
        left, right = word[:cut], word[cut:]
        fl, fr = frequency(left, language), frequency(right, language)
        if min(fl, fr) < KNOWN:
            continue
        # a function word glued on: before a word ("eentotaalbedrag") unless it is also a
        # prefix ("ontraad", "heropen"), or after one ("amendementvan") unless it is also
        # an ending ("constaterende")
        glued_before = fl >= FREQUENT and left not in prefixes
        glued_after = fr >= FREQUENT and len(right) >= 3
        if not (glued_before or glued_after):
            continue
        score = min(fl, fr)
        if best is None or score > best[0]:
            best = (score, cut)
    if best is None:
        return (word,)
    cut = best[1]
    right_parts = split_glued(word[cut:], language)
    return (word[:cut], *right_parts)


def _two_words(word: str, language: str = "nl") -> bool:
    """'procentpunten' = 'procent' + 'punten': a compound of two known words."""
    return any(is_word(word[:cut], language=language) and is_word(word[cut:], language=language)
               for cut in range(3, len(word) - 2))


def join_inline_hyphens(text: str, language: str = "nl") -> str:
    """'winstbe-drag' → 'winstbedrag': a hyphen inside a line is an OCR'd line-end break when
    a piece is no word of its own, or when the joined word is more common than a piece
    ('ad-vies' → 'advies'); 'oud-minister' keeps its hyphen."""

    def join(m: re.Match[str]) -> str:
        left, right = m.group(1), m.group(2)
        joined = left + right
        fl, fr = frequency(left, language), frequency(right, language)
        if not left.islower() and fr >= KNOWN:
            # "Corop-gebied", "Erasmus-programma": a name joined to a word; "Neder-land" was one word
            return joined if is_word(joined, KNOWN, language) else m.group(0)
        if min(fl, fr) >= KNOWN and not frequency(joined, language) > min(fl, fr):
            return m.group(0)
        return joined

    return _INLINE_HYPHEN.sub(join, text)


def split_glue(text: str, language: str = "nl") -> str:
    """Put back the spaces that extraction lost between words and next to numbers."""
    protected = [m.span() for m in _URL.finditer(text)]

    def free(pos: int) -> bool:
        return not any(a <= pos < b for a, b in protected)

    def letters_digits(m: re.Match[str]) -> str:
        if not free(m.start()):
            return m.group(0)
        word, digits = m.group(1), m.group(2)
        if word.lower() in lang.union("CURRENCY_PREFIXES") or not word.islower() and len(word) <= 3:
            return m.group(0)  # "f45", "CO2", "A2"
        if len(word) <= 2 and len(digits) == 1:
            return m.group(0)  # "co2", "m3"
        return f"{word} {digits}"

    def digits_letters(m: re.Match[str]) -> str:
        if not free(m.start()):
            return m.group(0)
        digits, close, word = m.group(1), m.group(2), m.group(3)
        if not close and word.lower() in lang.union("ORDINAL_SUFFIXES"):
            return m.group(0)
        if not (is_word(word, 1.0, language) or _two_words(word, language) or word.lower() in lang.union("SCALE_WORDS")):
            return m.group(0)  # "3x", "8bbc": not a word after the number
        return f"{digits}{close} {word}"

    text = _LETTER_DIGIT.sub(letters_digits, text)
    text = _DIGIT_LETTER.sub(digits_letters, text)

    def words(m: re.Match[str]) -> str:
        if not free(m.start()):
            return m.group(0)
        word = m.group(1)
        if not word.islower():
            return word
        return " ".join(split_glued(word, language))

    return _WORD.sub(words, text)


_STUCK_FOOTNOTE = re.compile(r"(?<![\w/@.%#=&-])([^\W\d_]{3,})(\d{1,2})(?=[\s.,;:!?)]|$)")


def strip_footnote_markers(text: str, language: str = "nl") -> tuple[str, list[str]]:
    """Remove footnote markers stuck to a word or its punctuation ("vorig jaar5",
    "toeslagenfraude?1"); a number that glue put there is kept ("juni1978", "van12 april").
    Returns the text and the markers removed, in order."""
    markers: list[str] = []
    protected = [m.span() for m in _URL.finditer(text)]
    month_after = re.compile(rf"\s+(?:{_MONTHS})\b", re.I)

    def stuck(m: re.Match[str]) -> str:
        word, digits = m.group(1), m.group(2)
        if any(a <= m.start() < b for a, b in protected) or not word.islower() and len(word) <= 3:
            return m.group(0)
        if month_after.match(text, m.end()):
            return m.group(0)  # "van12 april 2024" is glue before a date
        if not is_word(word, 1.0, language) and not any(is_word(p, language=language) for p in split_glued(word, language)):
            return m.group(0)
        markers.append(digits)
        return word

    def after_punct(m: re.Match[str]) -> str:
        if any(a <= m.start() < b for a, b in protected):
            return m.group(0)
        markers.append(m.group(1))
        return ""

    def year_marker(m: re.Match[str]) -> str:
        markers.append(m.group(3))
        return m.group(1) + m.group(2)

    text = _STUCK_FOOTNOTE.sub(stuck, text)
    text = _AFTER_PUNCT_FOOTNOTE.sub(after_punct, text)
    text = _year_footnote().sub(year_marker, text)
    return text, markers


@lru_cache(maxsize=1)
def _year_footnote() -> re.Pattern[str]:
    """A year after its preposition with a footnote marker stuck to it: "in 202910," is 2029
    and note 10 (before punctuation or a line end: "in 201512 gevallen" stays a count)."""
    words = "|".join(sorted(lang.union("YEAR_PREPOSITIONS"), key=len, reverse=True))
    return re.compile(rf"(\b(?:{words})\s)((?:19|20)\d{{2}})([1-9]\d?)(?=[.,;:!?)]|[ \t]*(?:\n|$))", re.IGNORECASE)


COMPOUND_PIECE = 3.0  # Zipf frequency of each piece of a compound (once per million words)


@lru_cache(maxsize=50_000)
def compound_split(word: str, language: str = "nl") -> tuple[str, str] | None:
    """A closed compound's modifier and head ('verkooprecht' → 'verkoop', 'recht';
    'uitvoeringsbudget' → 'uitvoering', 'budget'): both known words of four letters or more
    (a linking 's' allowed), the longest head first; None for a word that is no compound."""
    word = word.lower()
    for cut in range(4, len(word) - 3):
        first, last = word[:cut], word[cut:]
        if frequency(last, language) < COMPOUND_PIECE:
            continue
        if frequency(first, language) >= COMPOUND_PIECE:
            return first, last
        if first.endswith("s") and frequency(first[:-1], language) >= COMPOUND_PIECE:
            return first[:-1], last
    return None


@lru_cache(maxsize=1)
def _lost_group_space() -> re.Pattern[str]:
    """An amount whose thousands are written with spaces, one of them lost ("f6381 032",
    "ƒ 11316 776"): after a currency mark, or before a group that starts with a zero (no
    number of its own does)."""
    marks = "|".join(re.escape(m.rstrip(".")) for m in sorted(lang.union("CURRENCY_PREFIXES"), key=len, reverse=True))
    return re.compile(rf"(?:(?<![\w])((?:{marks})\.?\s?)|(?<![\w.,]))(\d{{4,6}})((?:[ \u00a0]\d{{3}})+)(?![\d]|[.,]\d)", re.I)


def regroup_thousands(text: str) -> str:
    """Put back a lost thousands space: "f6381 032" → "f6 381 032"."""

    def fix(match: re.Match[str]) -> str:
        mark, digits, rest = match.group(1), match.group(2), match.group(3)
        if not mark and rest.lstrip()[:1] != "0":
            return match.group(0)
        head = len(digits) % 3 or 3
        groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
        return (mark or "") + " ".join(groups) + rest

    return _lost_group_space().sub(fix, text)


def repair(text: str, language: str = "nl") -> str:
    """Every repair, in order: lost thousands spaces, inline hyphens, footnote markers, glue
    (frequencies of the text's own language: English "stage" is frequent, Dutch "stagebeurs"
    is one word)."""
    text = regroup_thousands(text)
    text = join_inline_hyphens(text, language)
    text, _ = strip_footnote_markers(text, language)
    return split_glue(text, language)
