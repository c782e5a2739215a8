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
from qa_bot.read.text import acronyms, key, keys


@functools.lru_cache(maxsize=200_000)
def term_matches(forms: frozenset[str], text_keys: frozenset[str]) -> bool:
    """Exact key, a compound that contains it, or an inflected form of it."""
    if forms & text_keys:
        return True
    for form in forms:
        if len(form) < 4 or form.isdigit():
            continue
        for candidate in text_keys:
            if form in candidate or (len(candidate) >= 4 and candidate in form and len(form) - len(candidate) <= 3):
                return True
    return False


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
    best = 0.0
    for form in forms:
        if len(form) < 4 or form.isdigit():
            continue
        for candidate in text_keys_:
            if candidate.endswith(form) or (len(candidate) >= 4 and candidate in form and len(form) - len(candidate) <= 3):
                return 0.6
            if form in candidate:
                best = max(best, 0.5 if len(form) >= 6 else 0.3)  # a long word inside a compound is still specific
            elif len(candidate) >= 5 and form.endswith(candidate):
                modifier = form[: -len(candidate)]
                has_modifier = len(modifier) >= 3 and any(k != candidate and k.startswith(modifier[:4]) for k in text_keys_)
                best = max(best, 0.8 if has_modifier else 0.2)
    return best


@functools.lru_cache(maxsize=50_000)
def text_keys(text: str) -> frozenset[str]:
    return keys(text)


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
    got = 0.0
    for term in terms:
        got += term.weight * max((credit * strength(term.keys, layer_keys) for layer_keys, credit in layers),
                                 default=0.0)  # fmt: skip
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


def title_named(attribution: Attribution, title: str) -> bool:
    """Whether the question's attribution phrase names a document by its title: two of its
    words ("volgens het jaarverslag van de VDAB"), or the initials the title spells out or
    prints ("According to the SERV evaluation" for "SERV-evaluatie van …")."""
    generic = keys(" ".join(lang.union("ATTRIBUTION_GENERIC")))
    source_keys = keys(" ".join(attribution.source_words)) - generic
    title_keys = text_keys(title)
    if len([k for k in source_keys if len(k) > 3 and term_matches(frozenset({k}), title_keys)]) >= 2:
        return True
    asked = [p for w in attribution.source_words for p in w.split("-") if len(p) >= 3 and p.isupper()]
    spelled = text_keys(" ".join(acronyms(title))) if asked else frozenset()
    return any(text_keys(a) & spelled or re.search(rf"(?<![^\W_]){re.escape(a)}(?![^\W_])", title) for a in asked)
