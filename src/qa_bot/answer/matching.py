"""Does a piece of text cover a question's terms? Keys come from :func:`qa_bot.read.text.keys`,
the same keys BM25 indexes, so retrieval and the composer agree on what matches.

A term matches a text when one of its keys is a key of the text, or a compound contains
it ('leermobiliteit' covers 'mobiliteit'; 'vraag' is inside 'gevraagd'), but a generic
head does not cover a specific word ('onderwijs' does not cover 'beroepsonderwijs').
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from qa_bot import lang
from qa_bot.answer.question import Attribution, Term
from qa_bot.read.text import acronyms, joined_keys, key, keys


@functools.lru_cache(maxsize=200_000)
def term_matches(forms: frozenset[str], text_keys: frozenset[str]) -> bool:
    """Exact key, a compound that contains it, or an inflected form of it."""
    if forms & text_keys:
        return True
    joined = _joined(text_keys)
    return any(form in joined or _inflection_in(form, text_keys)
               for form in forms if len(form) >= 4 and not form.isdigit())  # fmt: skip


@functools.lru_cache(maxsize=200_000)  # pure; a document's keys are weighed against the same terms again and again
def strength(forms: frozenset[str], text_keys_: frozenset[str]) -> float:
    """How well a term's forms match a text's keys:

    1 for the same word; 0.6 when the text word is a compound with this word as its head
    ('mobiliteit' in 'leermobiliteit') or an inflection of it; 0.5/0.3 when it is only a
    modifier of a text word ('opleiding' in 'opleidingsvorm'); for a question compound, 0.8
    when the text has its head and its modifier ('fietsinvesteringen': 'investeringen' and
    'fietsinfrastructuur'), 0.2 for the head alone ('basisonderwijs': 'onderwijs'); else 0.
    """
    if forms & text_keys_:
        return 1.0
    joined = _joined(text_keys_)
    best = 0.0
    for form in forms:
        if len(form) < 4 or form.isdigit():
            continue
        if form + _SEP in joined or _inflection_in(form, text_keys_):
            return 0.6  # a compound with this head, or an inflection of it
        if form in joined:
            best = max(best, 0.5 if len(form) >= 6 else 0.3)  # a long word inside a compound is still specific
        for cut in range(4, len(form) - 4):  # a head of this compound the text has ("onderwijs" of "basisonderwijs")
            head = form[cut:]
            if head in text_keys_:
                modifier = form[:cut]
                has_modifier = len(modifier) >= 3 and _other_starts_with(joined, modifier[:4], head)
                best = max(best, 0.8 if has_modifier else 0.2)
    return best


_SEP = "\x00"


@functools.lru_cache(maxsize=50_000)
def _joined(text_keys_: frozenset[str]) -> str:
    """A text's keys in one string, each closed by a separator: substring tests run in C."""
    return _SEP + _SEP.join(text_keys_) + _SEP


def _inflection_in(form: str, text_keys_: frozenset[str]) -> bool:
    """A key of four letters or more that ``form`` contains and that is at most three letters
    shorter: an inflected or stemmed form of it ("woning" for "woningen")."""
    size = len(form)
    if len(text_keys_) < 4 * size:  # a sentence's few keys: look at each
        for key_ in text_keys_:  # noqa: SIM110 — a plain loop: this runs some 300 000 times per eval
            if len(key_) >= 4 and size - len(key_) <= 3 and key_ in form:
                return True
        return False
    for n in range(max(4, size - 3), size + 1):  # a document's many keys: look up each piece of the form
        for i in range(size - n + 1):
            if form[i : i + n] in text_keys_:
                return True
    return False


def _other_starts_with(joined: str, prefix: str, other_than: str) -> bool:
    """Whether a key other than ``other_than`` starts with ``prefix``."""
    at = joined.find(_SEP + prefix)
    while at >= 0:
        end = joined.find(_SEP, at + 1)
        if joined[at + 1 : end] != other_than:
            return True
        at = joined.find(_SEP + prefix, end)
    return False


@functools.lru_cache(maxsize=50_000)
def text_keys(text: str) -> frozenset[str]:
    """A text's keys for matching: its words' keys and its hyphenated compounds' joined ones."""
    return keys(text) | joined_keys(text)


def hits(terms: Sequence[Term], text_keys_: frozenset[str]) -> list[bool]:
    return [term_matches(t.keys, text_keys_) for t in terms]


def weight(terms: Sequence[Term], mask: Iterable[bool]) -> float:
    return sum(t.weight for t, hit in zip(terms, mask, strict=True) if hit)


def coverage(terms: Sequence[Term], layers: Sequence[tuple[frozenset[str], float]]) -> float:
    """Σ weight · credit / Σ weight, each term credited by the first layer it matches
    (e.g. sentence 1.0, passage 0.6, document title 0.6, document 0.3), times how strongly
    it matches there (:func:`strength`)."""
    total = sum(t.weight for t in terms)
    if total <= 0:
        return 1.0
    ordered = sorted(layers, key=lambda layer: -layer[1])
    got = 0.0
    for term in terms:
        best = 0.0
        for layer_keys, credit in ordered:
            if credit <= best:
                break  # a layer credits at most its credit: no wider layer can do better (a whole document's keys are many)
            best = max(best, credit * strength(term.keys, layer_keys))
        got += term.weight * best
    return got / total


def unmatched_names(terms: Sequence[Term], context: frozenset[str]) -> list[str]:
    """Specific names (capitalised words, acronyms) the context does not contain."""
    return [t.text for t in terms if t.name and t.specific and not term_matches(t.keys, context)]


_WORDS = re.compile(r"[^\W\d_][\w-]*", re.UNICODE)


def contrasted(terms: Sequence[Term], text: str) -> Term | None:
    """A compound the question names that ``text`` does not say, while it says another compound
    with the same head: asked for the "verkooprecht", a sentence on the "verdeelrecht" is about
    something else (a contradiction, not a missing word). None when there is none."""
    from qa_bot.read.normalise import compound_split

    words = {w.lower() for w in _WORDS.findall(text)}
    found = text_keys(text)
    for t in terms:
        if t.name or t.verb or term_matches(t.keys, found):
            continue
        split = compound_split(t.text)
        if split is None:
            continue
        for w in words:
            other = compound_split(w) if w != t.text.lower() and w.endswith(split[1]) else None
            if other is not None and other[1] == split[1] and other[0] != split[0]:
                return t  # two known words each: 'verdeel' + 'recht' (not 'ICRC-operatie' for 'hulpoperatie')
    return None


_LABELLED = re.compile(r"\b([^\W\d_][\w-]*)\s+(\d{1,3}[A-Za-z]?)\b(?![.,]\d)")


@functools.lru_cache(maxsize=1)
def _not_labels() -> frozenset[str]:
    """Words before a number that count or bound it rather than name its kind ("meer dan 5")."""
    return (lang.union("STOP_WORDS") | lang.union("NUMBER_WORDS") | lang.union("APPROX_BEFORE")
            | lang.union("TIME_UNITS") | lang.union("MEASURE_WORDS") | lang.union("QUESTION_WORDS"))  # fmt: skip


def _labelled_numbers(text: str) -> set[tuple[str, str]]:
    """'artikel 58', 'C 2', 'groep 4': a word and the small number that names one of its kind."""
    skip = _not_labels()
    return {(m.group(1).lower(), m.group(2).lower()) for m in _LABELLED.finditer(text) if m.group(1).lower() not in skip}


def contrasted_number(question: str, text: str) -> str:
    """An item the question names by number that ``text`` names by another number of the same
    kind ("het C 2-examen" asked, "het examen C 1" said): the text is about another item. The
    question's label and number ("C 2") when so, else ""."""
    said = _labelled_numbers(text)
    for label, number in _labelled_numbers(question):
        others = {n for lbl, n in said if lbl == label}
        if others and number not in others:
            return f"{label} {number}"
    return ""


def contradicted(terms: Sequence[Term], question: str, text: str) -> bool:
    """Whether ``text`` is about another thing than the question names: another compound with
    the same head (:func:`contrasted`), another number of the same kind (:func:`contrasted_number`)
    or another complement of the same noun (:func:`contrasted_complement`)."""
    return (contrasted(terms, text) is not None or bool(contrasted_number(question, text))
            or bool(contrasted_complement(question, text)))  # fmt: skip


_OF = "|".join(sorted({w for m in lang.LANGUAGES.values() for w in m.OF_WORDS}))
# "levering van (de) gas": a noun, "van"/"of", and the next word or two (an article or "hun" is skipped)
_COMPLEMENT = re.compile(rf"\b([^\W\d_]{{4,}})\s+(?:{_OF})\s+([^\W\d_][\w/'’-]*)(?:\s+([^\W\d_][\w/'’-]*))?", re.I)
_NO_COMPLEMENT = lang.union("STOP_WORDS") | {a for m in lang.LANGUAGES.values() for a in m.ARTICLES}


def contrasted_complement(question: str, text: str) -> str:
    """A noun's complement the question names that ``text`` replaces by another: asked for "de
    levering van gas", a sentence on "de levering van elektriciteit" is about something else.
    The asked complement, or "" when there is none."""
    said: dict[str, set[str]] = {}
    for head, _, written in _complements(text):
        said.setdefault(head, set()).add(written.lower())
    found = text_keys(text)
    for head, asked, written in _complements(question):
        if head not in said or asked in found:
            continue
        if not any(_same_kind(written.lower(), other) for other in said[head]):
            return written
    return ""


def _complements(text: str) -> list[tuple[str, str, str]]:
    """(noun key, complement key, complement as written) of each "<noun> van <complement>"."""
    out = []
    for m in _COMPLEMENT.finditer(text):
        word = m.group(2) if m.group(2).lower() not in _NO_COMPLEMENT else (m.group(3) or "")
        if len(word) >= 3 and word.lower() not in _NO_COMPLEMENT:  # "van hun cursus": the complement is "cursus"
            out.append((key(m.group(1).lower()), key(word.lower()), word))
    return out


def _same_kind(a: str, b: str) -> bool:
    """The same word or two compounds with one head ("hulpoperatie", "Unicef/ICRC-operatie")."""
    return key(a) == key(b) or a[-5:] == b[-5:] and len(a) >= 6 and len(b) >= 6


@functools.cache
def _generic_attribution() -> frozenset[str]:
    """The keys of the attribution words that name no document ("volgens", "antwoord")."""
    return keys(" ".join(lang.union("ATTRIBUTION_GENERIC")))


def title_named(attribution: Attribution, title: str) -> bool:
    """Whether the question's attribution phrase names a document by its title: two of its
    words ("volgens het jaarverslag van de VDAB"), or the initials the title spells out or
    prints ("According to the SERV evaluation" for "SERV-evaluatie van …")."""
    source_keys = keys(" ".join(attribution.source_words)) - _generic_attribution()
    title_keys = text_keys(title)
    if len([k for k in source_keys if len(k) > 3 and term_matches(frozenset({k}), title_keys)]) >= 2:
        return True
    asked = [p for w in attribution.source_words for p in w.split("-") if len(p) >= 3 and p.isupper()]
    spelled = text_keys(" ".join(acronyms(title))) if asked else frozenset()
    return any(text_keys(a) & spelled or re.search(rf"(?<![^\W_]){re.escape(a)}(?![^\W_])", title) for a in asked)
