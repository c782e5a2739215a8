"""Words and sentences: one tokeniser for BM25 and for the answer composer.

Every word becomes a *key*: its Dutch lemma (simplemma: beurzen → beurs, toegekend →
toekennen) run through the Dutch Snowball stemmer, with doubled vowels folded
(vraag/gevraagd meet). BM25 and the composer's term matching both use :func:`key`, so
the index and the composer never disagree about whether two words are the same.
Numbers get one canonical form (``5.171`` and ``5171`` are the same token), and
adjectives of place become their place (Limburgse → limburg) on both sides.

Sentence spans come from pysbd (Dutch rules: "(o.a. Dhr. Peeters)" does not end a
sentence) inside paragraphs and list items; a hard line break always ends a sentence.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from importlib import resources

from qa_bot import lang

STOP_WORDS = lang.union("STOP_WORDS") | lang.union("QUESTION_WORDS")

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_HYPHENATED = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+|[^\W\d_]{4,}", re.UNICODE)
_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")
_LINE = re.compile(r"[^\n]+")
# a currency mark with its full stop right before an amount ("Hfl. 1 miljoen", "fl. 250")
_CURRENCY_MARK = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(re.escape(m.rstrip(".")) for m in sorted(lang.union("CURRENCY_PREFIXES"), key=len, reverse=True))
    + r")\.$", re.IGNORECASE)  # fmt: skip


# ---------------------------------------------------------------- sentences


@functools.lru_cache(maxsize=1)
def _segmenter():  # type: ignore[no-untyped-def]
    import pysbd

    return pysbd.Segmenter(language="nl", clean=False, char_span=True)


_KNOWN_SENTENCES: dict[str, tuple[tuple[int, int], ...]] = {}
_KNOWN_LIMIT = 100_000


def remember_sentences(text: str, spans: Iterable[tuple[int, int]]) -> None:
    """Sentence spans read at index time for ``text`` (a chunk, or a sentence or window of it):
    :func:`split_sentences` returns them instead of splitting again (a question reads facts,
    it does not parse them anew)."""
    if len(_KNOWN_SENTENCES) >= _KNOWN_LIMIT:
        _KNOWN_SENTENCES.clear()
    _KNOWN_SENTENCES[text] = tuple((int(a), int(b)) for a, b in spans)


def split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans ``(start, end)`` in ``text`` (those read at index time when known)."""
    known = _KNOWN_SENTENCES.get(text)
    return known if known is not None else _split_sentences(text)


@functools.lru_cache(maxsize=20_000)
def _split_sentences(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans ``(start, end)`` in ``text``, stripped of surrounding white space.

    Each line (paragraph or list item, after :func:`qa_bot.read.files.clean_text`) is split
    by pysbd; a line is never joined to the next.
    """
    spans: list[tuple[int, int]] = []
    for match in _LINE.finditer(text):
        line, start_of_line = match.group(0), match.start()
        if not line.strip():
            continue
        if len(line) < 40 or not re.search(r"[.!?]\s", line):
            spans.append(_strip(text, start_of_line, match.end()))
            continue
        for piece_start, piece_end in _line_sentences(line):
            a, b = _strip(text, start_of_line + piece_start, start_of_line + piece_end)
            if b > a:
                spans.append((a, b))
    return tuple(spans)


@functools.lru_cache(maxsize=50_000)
def _line_sentences(line: str) -> tuple[tuple[int, int], ...]:
    """pysbd's sentences of one line: the same lines come back in many texts (a passage, its
    sentences, a window of two), and pysbd builds its patterns anew on every call."""
    pieces: list[tuple[int, int]] = []
    for piece in _segmenter().segment(line):
        text = line[piece.start : piece.end]
        before = line[: piece.start].rstrip()
        if pieces and before.endswith(".") and (text[:1].islower() or (text[:1].isdigit() and _CURRENCY_MARK.search(before))):
            # "€ 5,36 mld. ten opzichte van …", "Hfl. 1 miljoen": an abbreviation, no end
            pieces[-1] = (pieces[-1][0], piece.end)
        else:
            pieces.append((piece.start, piece.end))
    return tuple(pieces)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# ---------------------------------------------------------------- tokens and keys


def normalize_number_token(token: str) -> str:
    """``5.171`` → ``5171``; ``63,4`` → ``63.4``; other numbers unchanged."""
    if _THOUSANDS.match(token):
        return token.replace(".", "")
    if re.fullmatch(r"\d+,\d+", token):
        return token.replace(",", ".")
    return token


@functools.lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    table: dict[str, str] = {}
    for module in lang.LANGUAGES.values():
        table.update(module.PLACE_ADJECTIVES)
    return table


@functools.lru_cache(maxsize=200_000)
def place_of(word: str) -> str | None:
    """The place an adjective or inhabitant names: 'West-Vlaamse' → 'west-vlaanderen'."""
    lower = word.lower()
    places = _places()
    if lower in places:
        return places[lower]
    lemma = lemma_of(lower)
    return places.get(lemma)


def _with_places(text: str) -> str:
    return _HYPHENATED.sub(lambda m: place_of(m.group(0)) or m.group(0), text)


def raw_tokens(text: str) -> Iterator[str]:
    """Lower-case words and canonical numbers, places resolved."""
    for match in _TOKEN.finditer(_with_places(text).lower()):
        token = re.sub(r"['’]s$", "", match.group(0))  # English possessive: Belgium's
        yield normalize_number_token(token) if token[0].isdigit() else token


@functools.lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    # pystemmer is pinned below 3: PyStemmer 3 changes Dutch stems ("mobiliteiten" → "mobil").
    import Stemmer

    return Stemmer.Stemmer("dutch")


@functools.lru_cache(maxsize=200_000)
def lemma_of(word: str) -> str:
    """Dutch lemma, lower case: beurzen → beurs, toegekend → toekennen; an inflected
    adjective or participle the lemmatiser does not know loses its -e first
    (aangevraagde → aangevraagd → aanvragen)."""
    import simplemma

    lemma = str(simplemma.lemmatize(word, lang="nl")).lower().replace("_", "")
    if lemma == word and len(word) > 5 and word.endswith("e"):
        shorter = str(simplemma.lemmatize(word[:-1], lang="nl")).lower().replace("_", "")
        if shorter != word[:-1]:
            return shorter
    return lemma


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    if not word or word[0].isdigit():
        return word
    return str(_stemmer().stemWord(word))


@functools.lru_cache(maxsize=500_000)
def key(token: str) -> str:
    """The matching key of a (lower-case) token: stem of its lemma, doubled vowels folded."""
    if not token or token[0].isdigit():
        return token
    return re.sub(r"([aeiou])\1", r"\1", stem(lemma_of(token)))


def keys(text: str) -> frozenset[str]:
    """Every key of ``text`` (stop words included: a passage is matched, not ranked)."""
    return frozenset(key(t) for t in raw_tokens(text))


def joined_keys(text: str) -> frozenset[str]:
    """The keys of compounds that ``text`` writes apart, written as one word: a hyphenated one
    ("taxi-tarieven" meets a question's "taxitarieven") and two content words side by side
    ("openbaar vervoertarieven" meets "openbaarvervoertarieven")."""
    found = {key(m.group(0).replace("-", "").lower()) for m in _COMPOUND.finditer(text)} if "-" in text else set()
    words = list(_WORD.finditer(text))
    for a, b in zip(words, words[1:], strict=False):
        first, second = a.group(0), b.group(0)
        if (text[a.end() : b.start()] == " " and len(first) >= 4 and len(second) >= 4 and first.islower()
                and second.islower() and first not in STOP_WORDS and second not in STOP_WORDS):  # fmt: skip
            found.add(key(first + second))
    return frozenset(found)


_WORD = re.compile(r"[^\W\d_]+")


_COMPOUND = re.compile(r"(?<![\w-])(?=[^\W\d_A-Z])[^\W\d_]{2,}(?:-[^\W\d_]{2,})+(?![\w-])")  # not a name: "Oost-Vlaanderen"


def content_tokens(text: str) -> list[str]:
    return [t for t in raw_tokens(text) if t not in STOP_WORDS and (len(t) > 1 or t.isdigit())]


def bm25_tokens(text: str) -> list[str]:
    """Keys of the content words of ``text`` (Dutch and English stop words removed)."""
    return [key(t) for t in content_tokens(text)]


# ---------------------------------------------------------------- languages


def detect_language(text: str) -> str:
    """``"en"`` when English function words outnumber Dutch ones, else ``"nl"``."""
    words = [t for t in raw_tokens(text) if not t[0].isdigit()]
    english = sum(w in _EN_MARKERS for w in words)
    dutch = sum(w in _NL_MARKERS for w in words)
    return "en" if english > dutch else "nl"


_EN_MARKERS = frozenset(
    "the of and to in is was were are how many much what which who by did does from with "
    "for this that share number since".split()
)
_NL_MARKERS = frozenset(
    "de het een van en in is was waren hoeveel welk welke wat wie door deed naar met voor "
    "dit dat aandeel aantal sinds zijn werd werden".split()
)


@functools.lru_cache(maxsize=1)
def glossary() -> dict[str, tuple[str, ...]]:
    """English word → Dutch words, from the packaged ``glossary_en_nl.tsv`` (repeated
    entries are merged)."""
    table: dict[str, list[str]] = {}
    raw = resources.files("qa_bot").joinpath("glossary_en_nl.tsv").read_text(encoding="utf-8")
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        english, dutch = line.split("\t", 1)
        words = table.setdefault(english.strip().lower(), [])
        words += [d.strip() for d in dutch.split(",") if d.strip() and d.strip() not in words]
    return {k: tuple(v) for k, v in table.items()}


@functools.lru_cache(maxsize=1)
def reverse_glossary() -> dict[str, tuple[str, ...]]:
    """Dutch key → English words: a Dutch question also reaches an English report."""
    table: dict[str, list[str]] = {}
    for english, dutch_words in glossary().items():
        for dutch in dutch_words:
            for token in raw_tokens(dutch):
                if token not in STOP_WORDS:
                    table.setdefault(key(token), []).append(english)
    return {k: tuple(dict.fromkeys(v)) for k, v in table.items()}


def translations(word: str, language: str = "en") -> tuple[str, ...]:
    """Words in the other language for ``word`` (the glossary knows plural and singular forms)."""
    lower = word.lower()
    if language != "en":
        return reverse_glossary().get(key(lower), ())
    table = glossary()
    if lower in table:
        return table[lower]
    for suffix in ("s", "es"):
        if lower.endswith(suffix) and lower[: -len(suffix)] in table:
            return table[lower[: -len(suffix)]]
    return ()


def noun_in(noun: str, language: str) -> str:
    """A counted noun of a (Dutch) source as the answer's language names it: itself in a
    Dutch answer; its glossary translation in an English one ("mobiliteiten" →
    "mobilities"), a plural for a plural; "" when the glossary does not know it, so no
    Dutch word is mixed into an English sentence."""
    if language != "en" or not noun:
        return noun
    if noun.lower() in glossary() or not translations(noun, "nl"):  # already English, or unknown
        return noun if noun.lower() in glossary() else ""
    nouns = [w for w in translations(noun, "nl") if not w.endswith("ed")]
    if not nouns:
        return ""
    plural = noun.lower().endswith(("en", "s"))
    return next((w for w in nouns if w.endswith("s") == plural), nouns[0])


def expand_query(question: str, language: str) -> str:
    """Add the glossary's translations of the question's words (English ↔ Dutch)."""
    extra = [d for word in content_tokens(question) for d in translations(word, language)]
    return question + (" " + " ".join(extra) if extra else "")


def acronyms(text: str) -> tuple[str, ...]:
    """The initials of each run of capitalised words (hyphenated pieces count one by one,
    name particles inside a run are skipped), also without the run's first word (a title's
    or sentence's first word is capitalised anyway): a title that spells out
    "Sociaal-Economische Raad van Vlaanderen" is what a question calls "SERV"."""
    particles = {p for module in lang.LANGUAGES.values() for p in module.NAME_PARTICLES | module.NAME_CONJUNCTIONS}
    out: list[str] = []
    run: list[str] = []  # the initials of each capitalised word of the current run
    for word in [*re.findall(r"[^\W\d_][\w'-]*", text), ""]:
        if word and word[0].isupper():
            run.append("".join(piece[0] for piece in word.split("-") if piece))
            continue
        if word.lower() in particles and run:
            continue  # "Raad van Vlaanderen", "Sociale Zaken en Werkgelegenheid"
        for initials in ("".join(run), "".join(run[1:])):
            if len(initials) >= 3 and initials not in out:
                out.append(initials)
        run = []
    return tuple(out)


_DEFINED = re.compile(r"\(([A-Z]{2,6})\)")


def abbreviations(text: str) -> dict[str, str]:
    """The abbreviations a text defines, each with its long form, lower case: "bij de
    begrotingsaanpassing (BA)" → {"BA": "begrotingsaanpassing"}, "de Nationale Bank van België
    (NBB)" → {"NBB": "nationale bank van belgië"}. The long form is the word or the words right
    before the brackets whose letters spell the abbreviation: one compound word that starts
    with its first letter and holds the others in order, or a run of words with its initials
    (name particles skipped)."""
    particles = {p for module in lang.LANGUAGES.values() for p in module.NAME_PARTICLES | module.NAME_CONJUNCTIONS}
    found: dict[str, str] = {}
    for m in _DEFINED.finditer(text):
        abbr = m.group(1)
        words = re.findall(r"[^\W\d_][\w-]*", text[max(0, m.start() - 160) : m.start()])
        if not words or abbr in found:
            continue
        long_form = _spelled_by_words(abbr, words, particles) or _spelled_by_compound(abbr, words[-1])
        if long_form:
            found[abbr] = long_form.lower()
    return found


def _spelled_by_words(abbr: str, words: list[str], particles: set[str]) -> str:
    """The shortest run of words before the brackets whose initials (particles skipped, a
    hyphenated word's pieces one by one) are the abbreviation."""
    for n in range(2, min(len(words), 8) + 1):
        run = words[-n:]
        if run[0].lower() in particles:
            continue
        initials = "".join(p[0] for w in run if w.lower() not in particles for p in w.split("-") if p)
        if initials.upper() == abbr:
            return " ".join(run)
    return ""


def _spelled_by_compound(abbr: str, word: str) -> str:
    """A compound that starts with the abbreviation's first letter and holds its other letters
    in order ("begrotingsaanpassing" for BA, "vastleggingskredieten" for VAK)."""
    lower = word.lower()
    if len(lower) < 3 * len(abbr) or lower[0] != abbr[0].lower():
        return ""
    at = 0
    for letter in abbr[1:].lower():
        at = lower.find(letter, at + 1)
        if at < 0:
            return ""
    return word
