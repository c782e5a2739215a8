"""How the numbers of one text relate: a part and its whole, before and after, items of one
list (siblings), a range's two ends, a change and a level; and which words each number owns.
:mod:`qa_bot.answer.figures` picks operands with these."""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa_bot import lang
from qa_bot.read.quantities import Quantity, printed_figures, quantities, respective

# Sources are Dutch: their numbers are read the Dutch way whatever the question's language.
SOURCE_LANGUAGE = "nl"

def _cues(name: str) -> re.Pattern[str]:
    """One pattern of the cue ``name`` of every language in ``lang``."""
    return re.compile("|".join(f"(?:{getattr(m, name)})" for m in lang.LANGUAGES.values()), re.I)


_PART_WHOLE = re.compile(r"t\.o\.v\.|ten opzichte van|tegenover|\bvan de\b|\bop een totaal van\b|\bop\b|"
                         r"\bout of\b|\bof the\b|compared (?:to|with)|\bversus\b|\bvs\.?|\bvan het totaal\b|"
                         r"\bwaarvan\b|\bdaarvan\b|\binclusief\b|\binclusive of\b|\bincluding\b", re.I)  # fmt: skip
_SIBLINGS = _cues("SIBLING_LINK")
_SIBLING_TAIL = _cues("SIBLING_TAIL")
_CHANGE_LEAD = _cues("CHANGE_LEAD")
_CHANGE_WORDS = _cues("CHANGE_WORDS")
_ITEM_PREPOSITIONS = frozenset(p for m in lang.LANGUAGES.values() for p in m.ITEM_PREPOSITIONS)
_BEFORE_AFTER = re.compile(r"\b(?:tot|naar|to)\b", re.I)
_FROM = re.compile(r"\b(?:van|from|met|stijging van|daling van|groei van)\s*$", re.I)


def compatible(a: Quantity, b: Quantity) -> bool:
    """Same unit, and for counts the same counted noun when both name one."""
    if a.unit != b.unit:
        return False
    if a.unit == "" and a.noun_key and b.noun_key:
        return a.noun_key == b.noun_key or a.noun_key in b.noun_key or b.noun_key in a.noun_key
    return True


def relation(text: str, a: Quantity, b: Quantity) -> str:
    """'part_whole', 'before_after' or '' for two quantities, ``a`` printed first."""
    between = text[a.end : b.start]
    lead = text[max(0, a.start - 20) : a.start]
    if _FROM.search(lead) and _BEFORE_AFTER.search(between) and len(between) < 120:
        return "before_after"
    if _PART_WHOLE.search(between) and len(between) < 120:
        return "part_whole"
    return ""


def own_words(text: str, qs: Sequence[Quantity], q: Quantity) -> str:
    """The words that belong to a quantity: those after it up to the next number or the end
    of its clause, and, for the first number of a clause, the clause's words before it
    ("… zijn er 33 afkomstig uit het Corop-gebied Twente; 1 project valt onder …": Twente is
    33's, not 1's)."""
    paired = respective(text).get(q.start)
    if paired is not None:  # "3,5% en 5% voor resp. de overheidstarieven en …": 3,5% is the overheidstarieven'
        return f"{paired[0]} {paired[1]}"
    clause_start = max(text.rfind(";", 0, q.start), text.rfind(". ", 0, q.start)) + 1
    earlier = [x.end for x in qs if clause_start <= x.end <= q.start]
    start = q.start if earlier else clause_start
    ends = [x.start for x in qs if x.start >= q.end] + [i for i in (text.find(";", q.end), text.find(". ", q.end)) if i >= 0]
    return text[start : min(ends, default=len(text))]


def named_siblings(text: str, a: Quantity, b: Quantity) -> bool:
    """Two numbers joined as a pair, each with a noun of its own: "3,034 miljard euro VAK en
    1,081 miljard euro VEK", "100 leerlingen en 20 leraren": siblings, neither the other's whole."""
    if not (a.noun and b.noun) or a.noun_key == b.noun_key:
        return False
    between = text[a.end : b.start].strip()
    if not between.startswith(a.noun):
        return False
    return bool(_SIBLINGS.match(between[len(a.noun) :]))


def listed(text: str, a: Quantity, b: Quantity) -> bool:
    """Two items of one list, each followed by its own words in the same way ("f 2 mln. voor
    de FAO, f 2 mln. voor Unicef en f 1 mln. voor het ICRC", "20 projecten in Twente en 13 in
    Zwolle"): siblings, neither the other's whole. A part and its whole are told apart by
    different words ("100 aanvragen ingediend en 60 goedgekeurd")."""
    qs = [q for q in printed_figures(quantities(text, SOURCE_LANGUAGE)) if a.start <= q.start <= b.start]
    if len(qs) < 2 or qs[0].start != a.start or qs[-1].start != b.start:
        return False
    ends = [q.start for q in qs[1:]] + [len(text)]
    first = _item_link(text, a, ends[0])
    for x, y, end in zip(qs, qs[1:], ends[1:], strict=False):  # every neighbour in between belongs to the list too
        between = text[x.end : y.start]
        if len(between) > 120 or not _SIBLING_TAIL.search(between) or not first or _item_link(text, y, end) != first:
            return False
    return True


def _item_link(text: str, q: Quantity, end: int) -> str:
    """What an item of a list is linked by: the first preposition among the six words after
    it ("f 2 mln. voor …", "9 woningen verkocht aan …", "13 in Zwolle"), before ``end``."""
    words = re.findall(r"[^\W\d_]+", text[q.end : end].lower())[:6]
    return next((w for w in words if w in _ITEM_PREPOSITIONS), "")


def is_change(text: str, q: Quantity) -> bool:
    """A number printed as a change ("een daling van 152,7 miljoen euro", "an increase of 5%"),
    or listed right after one ("een stijging van 3.034 miljoen euro VAK en 1.081 miljoen euro VEK")."""
    if "+" in q.text or text[max(0, q.start - 2) : q.start].strip() == "+":
        return True  # "€ +117 mln t.o.v. BO 2026", "Lantis: +2.513,8 miljoen euro": signed, a change
    before = [p for p in printed_figures(quantities(text, SOURCE_LANGUAGE)) if p.end <= q.start]
    current = q
    while True:  # back over the items listed before it, to the first
        if _CHANGE_LEAD.search(text[max(0, current.start - 40) : current.start]):
            return True
        if not before:
            return False
        previous = before.pop()
        between = text[previous.end : current.start]
        if len(between) >= 60 or "." in between or not _SIBLING_TAIL.search(between):
            return False
        current = previous


def stated_change(text: str, q: Quantity) -> bool:
    """A percentage printed as a change: "de verhoging van de taxitarieven met 10%", "gestegen
    met 4%", "een stijging van 5%" (a word of change before it and "met"/"van" right before)."""
    lead, tail = text[max(0, q.start - 80) : q.start], text[q.end : q.end + 40]
    return bool(re.search(r"\b(?:met|van|by|of)\s+(?:\w+\s+)?$", lead, re.I)) and bool(
        _CHANGE_WORDS.search(lead) or _CHANGE_WORDS.match(tail.strip()))  # "met 5% gestegen"


_COMPARED_AFTER = re.compile(r"^\s*(?:\w+\s+)?(?:" + "|".join(sorted(lang.union("BELOW_CUES") | lang.union("ABOVE_CUES")))
                             + r")\b", re.I)  # fmt: skip


def stated_difference(text: str, q: Quantity) -> bool:
    """A number printed as a change or a difference: "neemt toe met € 5,36 mld.", "€ 139 mln.
    hoger geraamd", "665 miljoen euro meer dan bij de BO 2026", "5 procentpunt lager"."""
    return stated_change(text, q) or bool(_COMPARED_AFTER.match(text[q.end : q.end + 30]))


_COMPARED_WITH = re.compile(r"\b(?:" + "|".join(sorted(lang.union("COMPARED_WITH"))) + r")\s+([^.;:?!]{3,80})", re.I)


def compared_with(text: str, start: int = 0) -> str:
    """What a comparison at or after ``start`` is made with: "… hoger dan bij de BO 2025" →
    "bij de BO 2025"; "" when the text compares with nothing."""
    m = _COMPARED_WITH.search(text, start)
    return m.group(1) if m else ""


def ranges(text: str) -> list[tuple[Quantity, Quantity]]:
    """The printed ranges of a text ("van circa f 150 tot f 700 miljoen"): each range's lower
    and upper end, two comparable quantities the reader marked as its ends."""
    qs = printed_figures(quantities(text, SOURCE_LANGUAGE))
    return [(a, b) for a, b in zip(qs, qs[1:], strict=False)
            if a.bound == "from" and b.bound == "to" and a.unit == b.unit and a.value < b.value]  # fmt: skip


TABULAR_SHARE = 0.2  # numbers among the words of a text flattened from a table
TABULAR_MIN = 6


def tabular(text: str) -> bool:
    """Text that is a table or a chart flattened into prose by extraction, whose numbers have
    lost their rows and columns: many numbers for its words ("Uitbreiding 2.442.984 2.261.779
    Extra maatregelen 1.415.741 1.500.741 …"), or a chart's axis (three or more numbers side
    by side in equal steps: "0 4.000.000 8.000.000 12.000.000"). Sentences give no operands there."""
    qs = printed_figures(quantities(text, SOURCE_LANGUAGE))
    words = len(text.split())
    if len(qs) >= TABULAR_MIN and len(qs) / max(words, 1) > TABULAR_SHARE:
        return True
    for a, b, c in zip(qs, qs[1:], qs[2:], strict=False):
        side_by_side = not text[a.end : b.start].strip() and not text[b.end : c.start].strip()
        if side_by_side and b.value - a.value == c.value - b.value != 0:
            return True
    return False


def range_end(text: str, q: Quantity) -> str:
    """"from" or "to" when ``q`` is an end of a range ("tussen 60% en 100%", "van circa f 150 tot
    f 700 miljoen"); "" for a number that is none, or an end of a change over time ("daalde van
    1.652 in 2021 naar 993 in 2022", "steeg van 40 tot 50": its ends are two states, not a range)."""
    if q.bound not in ("from", "to"):
        return ""
    qs = printed_figures(quantities(text, SOURCE_LANGUAGE))
    at = next((i for i, x in enumerate(qs) if x.start == q.start), None)
    if at is None:
        return ""
    partner = qs[at + 1] if q.bound == "from" and at + 1 < len(qs) else qs[at - 1] if at > 0 else None
    low = q if q.bound == "from" else partner
    if partner is None or low is None:
        return q.bound
    if q.year and partner.year and q.year != partner.year:
        return ""  # two years: a change over time
    if _CHANGE_WORDS.search(text[max(0, low.start - 40) : low.start]):
        return ""  # "steeg van 40 tot 50"
    return q.bound
