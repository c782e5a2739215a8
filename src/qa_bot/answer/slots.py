"""What a question names: the source it is attributed to, the periods of its data, and its
terms (the information need) with their keys and weights. Each reads the question's text;
:func:`qa_bot.answer.analysis.analyze` puts them together."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import replace

from qa_bot import lang
from qa_bot.answer.question import _WORD, _YEAR, Attribution, DocumentFrequency, Term, _all, _cues
from qa_bot.read.numbers import period_spans
from qa_bot.read.text import key, lemma_of, place_of, raw_tokens, translations

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


# ---------------------------------------------------------------- terms


_ELIDED_BEFORE = re.compile(
    r"\s*(?:" + "|".join(sorted({c for m in lang.LANGUAGES.values() for c in m.NAME_CONJUNCTIONS})) + r")\s", re.I)


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
        elided = match.group(0).endswith("-") and bool(_ELIDED_BEFORE.match(text, match.end()))
        if (lower in skip and not elided) or (lower in operation_words and lower not in ("aandeel", "share")):
            continue  # (the "Midden-" of "Midden- en Zuid-Oost Noord-Brabant" is a name, not "midden 2023")
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
            if (is_name and knows is not None and not knows(term.keys) and not knows(_adjective_bases(term.keys))
                    and _must_be_printed(piece, language)):  # fmt: skip
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
    if re.fullmatch(r"\w{3,}ed", token):
        return True
    return bool(re.fullmatch(r"(?:ge|be|ver|toe|uit|op|aan)\w{3,}[dt]", token)) and not _compound_noun(token)


def _compound_noun(token: str) -> bool:
    """Two known words ('verkoop' + 'recht'): a compound noun that only looks like a
    participle (verkocht, uitgevoerd) by its prefix and final t."""
    from qa_bot.read.normalise import compound_split

    return compound_split(token) is not None


def _whole_terms(text: str, terms: list[Term], language: str) -> list[Term]:
    """The terms of 'aandeel van <whole>' / 'share of <whole>' / 'percentage van <whole>'."""
    match = re.search(r"\b(?:aandeel|deel|percentage|procent|share|proportion|fraction)\s+(?:van|of)\s+"
                      r"((?:[\w'’+-]+\s+){0,6}?[\w'’+-]+?)(?=\s+(?:in|op|uit|van|bij|die|dat|was|is|werd|kwam|came|ging|"
                      r"zat|had|in|from|who|that|were|was|[0-9])\b|[?,])", text, re.I)  # fmt: skip
    if not match:
        return []
    words = {key(w.lower()) for w in _WORD.findall(match.group(1))}
    return [t for t in terms if t.keys & words]


def _part_terms(text: str, terms: list[Term], language: str) -> list[Term]:
    """The terms after a share's part cue: "welk deel van de stijging is toe te schrijven aan
    <Lantis>", "… ging naar <West-Vlaanderen>", "… comes from <item d>" (cues in ``lang``)."""
    cues = "|".join(c for m in lang.LANGUAGES.values() for c in m.SHARE_PART_CUES)
    found = list(re.finditer(rf"\b(?:{cues})\b", text, re.I))
    if not found:
        return []
    def keys_of(phrase: str) -> set[str]:
        return {key(piece) for w in _WORD.findall(phrase) for piece in w.lower().split("-") if piece}

    words = keys_of(text[found[-1].end() :])
    part = [t for t in terms if t.keys & words]
    # a word the question also says before the cue names the whole as much as the part
    # ("… van de ontvangsten uit spelen … komt uit de tariefverhoging voor online spelen")
    before = keys_of(text[: found[-1].start()])
    telling = [t for t in part if not t.keys & before]
    return telling or part


def _adjective_bases(keys: frozenset[str]) -> frozenset[str]:
    """What an adjective of a name may be made from: "Terneuzense" (stem "terneuzen") of
    Terneuzen (stem "terneuz"), "Brabantse" of Brabant; a name is known by its adjective."""
    return frozenset(k[:-cut] for k in keys for cut in (1, 2, 3) if len(k) - cut >= 5)
