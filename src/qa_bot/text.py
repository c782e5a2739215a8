"""Language helpers: sentence splitting with offsets, BM25 tokens, question terms.

Lexical retrieval leads in this project (the bundled embedder is English-only), so
the tokenizer is where Dutch is handled: Snowball stemming, Dutch stop words,
numbers in one canonical form (``5.171`` and ``5171`` are the same token), and a
small English→Dutch glossary so English questions reach Dutch documents.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from importlib import resources

DUTCH_STOPWORDS = frozenset(
    """
    aan al alles als altijd andere ben bij daar dan dat de der deze die dit doch doen door
    dus een eens en er ge geen geweest haar had heb hebben heeft hem het hier hij hoe hun
    iemand iets ik in is ja je kan kon kunnen maar me meer men met mij mijn moet na naar
    niet niets nog nu of om omdat onder ons ook op over reeds te tegen toch toen tot u uit
    uw van veel voor want waren was wat werd wezen wie wil worden wordt zal ze zelf zich zij
    zijn zo zonder zou t.o.v. ten ter via binnen welke welk worden werden wel hen dezelfde
    """.split()
)

ENGLISH_STOPWORDS = frozenset(
    """
    a an and are as at be been by did do does for from had has have how in is it its many
    much of on or that the their there these this to was were what when where which who
    whom why will with would than into per did get got
    """.split()
)

# Words that frame a question but carry no content; used when judging whether a
# passage covers the question (not for BM25 ranking).
QUESTION_FILLERS = frozenset(
    """
    hoeveel welk welke wat wie waar wanneer waarom hoe hoelang bedraagt bedroeg bedragen
    kreeg kregen krijgt krijgen gekregen geldt gelden golden is zijn was waren werd werden
    worden wordt geworden kan kon konden kunnen heeft hebben had hadden aantal getal
    procent percentage aandeel deel gestegen gedaald stijging daling groei gegroeid
    toegenomen afgenomen verschil gemiddeld gemiddelde jaarlijks jaarlijkse per jaar sinds
    tussen vanaf tot tegen verhouding keer samen totaal totale opgeteld niet geen zonder
    minder meer ongeveer precies exact hoeveelste nieuwe nieuw nog doet doen deed deden
    how many much what which who when where why share percentage percent proportion
    number total sum difference ratio times average annual annually yearly per year since
    between from to by grow grew grown growth increase increased rise rose decrease
    decreased fall fell more fewer less not without left got get receive received
    """.split()
)

_ABBREVIATIONS = frozenset(
    "t.o.v bv b.v o.a nr art e.d vzw enz m.b.t i.p.v d.w.z dhr mevr min p blz e.g i.e etc vs "
    "ca mr st jl resp incl excl zgn m.a.w a.s".split()
)

_SENTENCE_END = re.compile(r"[.!?]+[\"”’)]*\s+|\n\s*\n+")
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+", re.UNICODE)
_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans ``(start, end)`` in ``text``; Dutch abbreviations do not end one."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        end = match.end()
        if "\n\n" not in match.group(0).replace(" ", "") and not _real_boundary(text, match.start(), end):
            continue
        if text[start:end].strip():
            spans.append(_strip_span(text, start, end))
        start = end
    if text[start:].strip():
        spans.append(_strip_span(text, start, len(text)))
    return spans


def _real_boundary(text: str, dot: int, after: int) -> bool:
    word = re.search(r"(\S+)$", text[:dot])
    if word and word.group(1).lower().rstrip(".") in _ABBREVIATIONS:
        return False
    nxt = text[after : after + 1]
    # A lower-case continuation is not a new sentence ("t.o.v. een vraag").
    return not (nxt and nxt.islower())


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def normalize_number_token(token: str) -> str:
    """``5.171`` → ``5171``; ``63,4`` → ``63.4``; other numbers unchanged."""
    if _THOUSANDS.match(token):
        return token.replace(".", "")
    if re.fullmatch(r"\d+,\d+", token):
        return token.replace(",", ".")
    return token


@functools.lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer

    return Stemmer.Stemmer("dutch")


def raw_tokens(text: str) -> Iterator[str]:
    for match in _TOKEN.finditer(text.lower()):
        token = match.group(0)
        yield normalize_number_token(token) if token[0].isdigit() else token


@functools.lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    if word[0].isdigit():
        return word
    return str(_stemmer().stemWord(word))


def bm25_tokens(text: str) -> list[str]:
    """Stemmed content tokens for BM25 (Dutch and English stop words removed)."""
    return [
        stem(t)
        for t in raw_tokens(text)
        if t not in DUTCH_STOPWORDS and t not in ENGLISH_STOPWORDS and (len(t) > 1 or t.isdigit())
    ]


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
    """English word → Dutch words, from the packaged ``glossary_en_nl.tsv``."""
    table: dict[str, tuple[str, ...]] = {}
    raw = resources.files("qa_bot").joinpath("glossary_en_nl.tsv").read_text(encoding="utf-8")
    for line in raw.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        english, dutch = line.split("\t", 1)
        table[english.strip().lower()] = tuple(d.strip() for d in dutch.split(",") if d.strip())
    return table


def expand_query(question: str, language: str) -> str:
    """Add Dutch translations of known English words to an English question."""
    if language != "en":
        return question
    table = glossary()
    extra = [d for word in raw_tokens(question) for d in table.get(word, ())]
    return question + (" " + " ".join(extra) if extra else "")
