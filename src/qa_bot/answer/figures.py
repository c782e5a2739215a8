"""Operands from prose, and the faithfulness check every answer passes.

Operands get their roles from the sentence that states them ("X ... t.o.v. een vraag
naar Y" gives part and whole, "van X in 2018 tot Y in 2025" gives before and after);
without such a phrase, years order before/after and magnitude orders part/whole. Two
numbers in different sentences of one passage may also pair, when their unit, counted
noun and years line up ("In 2023 ontving De Lijn 15.284 klachten. In 2024 daalde dat
aantal tot 12.931."). When the operands do not fit the question no figure is made, and
the reason says what is missing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from qa_bot import lang
from qa_bot.answer.operations import Operation
from qa_bot.answer.relations import (
    _BEFORE_AFTER,
    _PART_WHOLE,
    _SIBLINGS,
    SOURCE_LANGUAGE,
    _cues,
    compatible,
    is_change,
    listed,
    named_siblings,
    own_words,
    ranges,
    relation,
    stated_difference,
)
from qa_bot.read.numbers import is_money, number_readings, numbers_in, same_value
from qa_bot.read.quantities import Quantity, printed_figures, quantities
from qa_bot.types import Citation, Figure

_OF_WHICH = _cues("OF_WHICH")  # "Eind 2023 was daarvan 1.642 hectare gerealiseerd"
_BACK_REFERENCE = _cues("BACK_REFERENCE")  # "In 2024 daalde dat aantal tot 12.931"
_OPENS_WITH_DEMONSTRATIVE = _cues("DEMONSTRATIVE_OPENING")  # "Deze kwam uit op 10 miljoen gulden."


def refers_back(sentence: str) -> bool:
    """'In 2024 daalde dat aantal tot 12.931', 'Daarvan gingen er 1.942 …', 'Deze kwam uit op
    10 miljoen gulden': the sentence continues the subject of the one before."""
    return bool(_OF_WHICH.search(sentence) or _BACK_REFERENCE.search(sentence)
                or _OPENS_WITH_DEMONSTRATIVE.match(sentence))  # fmt: skip


_QUALIFIERS = [(name, re.compile(cue, re.I)) for module in lang.LANGUAGES.values()
               for name, cue in getattr(module, "QUALIFIER_CUES", {}).items()]  # fmt: skip


def qualifiers(text: str, found: Sequence[Quantity], sentences: Sequence[tuple[int, int]] = ()) -> list[str]:
    """What tells each quantity apart, from its own words ("toegekend" for "5171
    mobiliteiten een beurs toegekend", "gevraagd" for "een vraag naar 8159 mobiliteiten"):
    a qualifier name (``lang.*.QUALIFIER_CUES``) per quantity, or "".

    Each quantity owns the words from the relation phrase (or the midpoint) before it to the
    one after it, within its sentence. Only quantities that their noun and year do not tell
    apart get one; a qualifier that all of them share tells nothing."""
    if len({(q.noun_key, q.year) for q in found}) == len(found):
        return [""] * len(found)
    order = sorted(range(len(found)), key=lambda i: found[i].start)
    bounds: dict[int, list[int]] = {}
    for pos, i in enumerate(order):
        q = found[i]
        start, end = next(((s, e) for s, e in sentences if s <= q.start < e), (0, len(text)))
        bounds[i] = [start, end]
        if pos > 0:
            prev = found[order[pos - 1]]
            between = text[prev.end : q.start]
            link = _PART_WHOLE.search(between) or _BEFORE_AFTER.search(between)
            bounds[i][0] = max(start, prev.end + (link.end() if link else len(between) // 2))
        if pos + 1 < len(order):
            nxt = found[order[pos + 1]]
            between = text[q.end : nxt.start]
            link = _PART_WHOLE.search(between) or _BEFORE_AFTER.search(between)
            bounds[i][1] = min(end, q.end + (link.start() if link else len(between) // 2))
    names = []
    for i in range(len(found)):
        clause = text[bounds[i][0] : bounds[i][1]]
        hits = sorted((m.start(), name) for name, cue in _QUALIFIERS if (m := cue.search(clause)))
        names.append(hits[0][1] if hits else "")
    if len(set(names)) == 1:
        return [""] * len(found)
    return names


def _share_noun(a: Quantity, b: Quantity) -> tuple[Quantity, Quantity]:
    noun = a.noun or b.noun
    return replace(a, noun=a.noun or noun), replace(b, noun=b.noun or noun)


def pairs(text: str, sentences: Sequence[tuple[int, int]] = ()) -> list[tuple[Quantity, Quantity, str]]:
    """Comparable quantity pairs of a text with their relation; nouns are shared.

    Within one sentence, counts of different nouns pair only under an explicit part/whole
    phrase ("6240 studenten ... op een totaal van 9100 aanvragen"). Across sentences (when
    ``sentences`` gives their spans), a pair needs the same unit and either the same noun or
    a back reference ("dat aantal"), or an "of which" opening ("Daarvan gingen er 1.942 …").
    """
    qs = printed_figures(quantities(text, SOURCE_LANGUAGE))
    found = []

    def sentence_of(q: Quantity) -> int:
        return next((i for i, (s, e) in enumerate(sentences) if s <= q.start < e), 0)

    for i, a in enumerate(qs):
        for b in qs[i + 1 :]:
            if a.unit != b.unit:
                continue
            same_sentence = sentence_of(a) == sentence_of(b)
            if same_sentence:
                rel = relation(text, a, b)
                if not (compatible(a, b) or rel == "part_whole"):
                    continue
            else:
                if sentence_of(b) - sentence_of(a) > 2:
                    continue
                start_b = sentences[sentence_of(b)][0]
                opening = text[start_b : b.start]
                rel = "part_whole" if _OF_WHICH.search(opening) or _breakdown(opening, a, b) else ""
                referenced = bool(_BACK_REFERENCE.search(opening))
                if not (rel or referenced or (a.noun_key and a.noun_key == b.noun_key)):
                    continue
                if not (compatible(a, b) or rel or referenced):
                    continue
            found.append((*_share_noun(a, b), rel))
    return found


_BREAKDOWN_ITEM = re.compile(r":\s*(?:[−–•*-]\s*)?[^:;.]{1,60}:\s*[+−–-]?\s*(?:€\s*)?[+−–-]?\s*$|[;:]\s*[−–•*-]\s*[^:;.]{1,60}:\s*[+−–-]?\s*(?:€\s*)?[+−–-]?\s*$")


def _breakdown(opening: str, whole: Quantity, item: Quantity) -> bool:
    """An item of a list that breaks down the amount of the sentence before ("We zien een
    stijging van 3,034 miljard euro VAK … De verklaring … is: − Lantis: +2.513,8 miljoen euro …;
    − indexatie: +331 miljoen euro"): a labelled item after a colon, smaller than that amount."""
    return whole.value > item.value > 0 and bool(_BREAKDOWN_ITEM.search(opening))


def _year_start(year: str) -> int:
    return int(year[:4]) if year[:4].isdigit() else 0


def _years_fit(question_years: Sequence[str], operand_years: Sequence[str]) -> bool:
    covered: set[str] = set()
    for year in operand_years:
        if year:
            covered |= {year, year[:4], year[-4:]}
    return all(q in covered or q[:4] in covered for q in question_years)


def operands_for(operation: Operation, text: str, question_years: Sequence[str],
                 sentences: Sequence[tuple[int, int]] = (), since: str = "",
                 relevance: Callable[[str], float] | None = None,
                 ends: Sequence[str] = ()) -> tuple[list[tuple[Quantity, str]], str]:  # fmt: skip
    """Operands with roles for ``operation`` from a (Dutch) source text, or [] and a reason code.

    ``since`` ("gestegen sinds 2018") makes the one asked year the start of a change.
    ``relevance`` scores a text by the question's words: among the pairs that fit, the one
    whose operands' own words (:func:`own_words`) hold most of the question wins (the part
    of a share is the number the question's qualifier is at); without it, the first pair.
    ``ends`` are the ends of a printed range the question names (``QuestionAnalysis.range_ends``)."""
    found, reason = _fitting_operands(operation, text, question_years, sentences, since, ends)
    if not found or relevance is None or operation in (Operation.SUM, Operation.AVERAGE):
        return (found[0] if found else []), reason
    qs = printed_figures(quantities(text, SOURCE_LANGUAGE))

    def score(operands: list[tuple[Quantity, str]]) -> float:
        # a share is decided by its part: the whole is the wider number the part is counted in
        if operation in (Operation.SHARE, Operation.COMPLEMENT_SHARE, Operation.COMPLEMENT):
            return sum(relevance(own_words(text, qs, q)) for q, role in operands if role == "part")
        return sum(relevance(own_words(text, qs, q)) for q, _ in operands)

    return max(found, key=score), reason


def one_part(text: str, at: int, named: Callable[[str], frozenset[int]]) -> bool:
    """Whether the number printed at ``at`` holds only one of the things a sum joins ("In totaal
    zijn 9 woningen verkocht aan zittende huurders en drie … aan individuele kopers", asked for
    both): another comparable number of the text owns words of the question that this one's own
    words (:func:`own_words`) lack, and this one owns words the other's lack. A number that is
    the others' total ("50 woningen, waarvan 30 aan huurders en 20 aan kopers") is no part."""
    qs = printed_figures(quantities(text, SOURCE_LANGUAGE))
    me = next((q for q in qs if q.start == at), None)
    if me is None:
        return False
    others = [q for q in qs if q.start != at and compatible(me, q)]
    if others and same_value(me.value, sum(q.value for q in others)):
        return False
    mine = named(own_words(text, qs, me))
    return any((theirs := named(own_words(text, qs, q))) - mine and mine - theirs for q in others)


def joined_shares(text: str, joined: Sequence[Callable[[str], bool]]) -> list[tuple[Quantity, str]]:
    """The shares of the things a question adds up ("welk aandeel van de ontvangsten vertegenwoordigen
    de opcentiemen en de gewestbelastingen samen"), each printed at its own words: "de opcentiemen
    17% … van de ontvangsten. Het belang van de gewestbelastingen bedraagt 13%." One percentage per
    joined thing, each a different one; [] otherwise. ``joined`` tells, per thing, whether words name it."""
    qs = [q for q in printed_figures(quantities(text, SOURCE_LANGUAGE)) if q.unit == "%"]
    picked: list[Quantity] = []
    for names in joined:
        at = [q for q in qs if names(own_words(text, qs, q))]
        if len(at) != 1 or any(at[0].start == p.start for p in picked):
            return []
        picked.append(at[0])
    return [(q, "item") for q in picked] if len(picked) >= 2 else []


def joined_share(text: str, joined: Sequence[Callable[[str], bool]]) -> list[tuple[Quantity, str]]:
    """The share of two things together whose numbers stand side by side ("Van deze 43
    projecten vallen respectievelijk 20 en 13 projecten onder de COROP-gebieden Midden- en
    Zuid-Oost"): the pair's words name every joined thing, and a larger number of the same
    kind before them is their whole. Roles "item" (the pair) and "whole"; [] otherwise."""
    qs = printed_figures(quantities(text, SOURCE_LANGUAGE))
    for a, b in zip(qs, qs[1:], strict=False):
        if a.unit != b.unit or a.unit == "%" or not _SIBLINGS.match(text[a.end : b.start]):
            continue
        if not all(names(own_words(text, qs, b)) for names in joined):
            continue
        wholes = [w for w in qs if w.end <= a.start and w.unit == a.unit and w.value >= a.value + b.value]
        if len(wholes) == 1:
            return [(a, "item"), (b, "item"), (wholes[0], "whole")]
    return []


def enumerated_share(text: str, names_part: Callable[[str], bool]) -> list[tuple[Quantity, str]]:
    """One item's share of a list of amounts whose total the source does not print: "f 2 mln.
    voor de FAO, f 2 mln. voor Unicef en f 1 mln. voor het ICRC" — the item whose own words
    name the question's part is the "part", the others ("other") add up to the whole with it.
    [] unless exactly one item of one list is named (a list: items of one unit, each linked to
    its own words in the same way, :func:`listed`)."""
    qs = printed_figures(quantities(text, SOURCE_LANGUAGE))
    amounts = [q for q in qs if q.unit != "%" and not q.approx]
    for i, first in enumerate(amounts):
        run = [first]
        for later in amounts[i + 1 :]:
            if later.unit != first.unit or not listed(text, first, later):
                break
            run.append(later)
        if len(run) < 2:
            run = _colon_list(text, amounts[i:])
        if len(run) < 2:
            continue
        named = [q for q in run if names_part(own_words(text, qs, q))]
        if len(named) != 1:
            return []
        return [(named[0], "part")] + [(q, "other") for q in run if q is not named[0]]
    return []


def _colon_list(text: str, amounts: Sequence[Quantity]) -> list[Quantity]:
    """The amounts of a list after a colon, one per item between semicolons, all of one unit
    ("… de volgende bedragen bestemd: 16/11/92: Hfl. 1 miljoen, via …; 07/05/93: Hfl. 200000
    t.b.v. …; 03/06/93: Hfl. 233 500 t.b.v. …"), when the first of ``amounts`` opens it."""
    first = amounts[0]
    sentence = max(text.rfind(". ", 0, first.start), text.rfind("\n", 0, first.start)) + 1
    colon = text.find(":", sentence, first.start)  # the sentence's first colon opens the list
    stop = re.search(r"\.(?:\s+[A-Z]|\s*$)", text[first.end :])
    end = first.end + stop.start() if stop else len(text)
    if colon < 0 or ";" in text[colon : first.start]:
        return []
    run, at = [], colon + 1
    for piece in text[colon + 1 : end].split(";"):
        inside = [q for q in amounts if at <= q.start < at + len(piece)]
        if len(inside) != 1 or inside[0].unit != first.unit:
            return []
        run.append(inside[0])
        at += len(piece) + 1
    return run if len(run) >= 2 and run[0] is first else []


_SUMMING_UP = re.compile(r"^\W*(?:" + "|".join(sorted(lang.union("SUMMING_UP_OPENINGS"))) + r")\b", re.I)


def change_and_level(text: str, sentences: Sequence[tuple[int, int]] = ()) -> list[tuple[Quantity, str]]:
    """A level and the change that led to it, for a growth the source does not print: "… toe te
    nemen met € 23,4 mld. … tot € 74,6 mld." (the level after "tot" in the change's sentence), or
    "… op 62,2 miljard euro geraamd. Dat is 665 miljoen euro meer dan bij de BO 2026." (the level
    the sentence before states, which the change's sentence sums up). Roles "change" and "after";
    [] unless exactly one such pair fits."""
    qs = printed_figures(quantities(text, SOURCE_LANGUAGE))
    spans = list(sentences) or [(0, len(text))]

    def sentence_of(q: Quantity) -> int:
        return next((i for i, (a, b) in enumerate(spans) if a <= q.start < b), -1)

    fitting = []
    for change in qs:
        if change.unit == "%" or not stated_difference(text, change):
            continue
        at = sentence_of(change)
        for level in qs:
            if level is change or level.unit != change.unit or level.value <= change.value or stated_difference(text, level):
                continue
            if sentence_of(level) == at and level.start > change.end and _BEFORE_AFTER.search(
                    text[max(change.end, level.start - 12) : level.start]):  # fmt: skip
                fitting.append([(change, "change"), (level, "after")])  # "toe met X … tot Y"
            elif at > 0 and sentence_of(level) == at - 1 and _SUMMING_UP.match(text[spans[at][0] : change.start]):
                fitting.append([(change, "change"), (level, "after")])  # "Y. Dat is X meer dan …"
            elif sentence_of(level) == at and level.end <= change.start and _apposition(text, level, change, qs):
                fitting.append([(change, "change"), (level, "after")])  # "op Y geraamd, X meer dan …"
    return fitting[0] if len(fitting) == 1 else []


def _apposition(text: str, level: Quantity, change: Quantity, qs: Sequence[Quantity]) -> bool:
    """A change set right after a level, after a comma, with no number between ("… op 62,2
    miljard euro geraamd, 665 miljoen euro meer dan bij de BO 2026")."""
    between = text[level.end : change.start]
    return ("," in between and len(between.split()) <= 4 and not any(level.end <= q.start < change.start for q in qs)
            and "." not in between)  # fmt: skip


def contrast_operands(text: str, named: Callable[[str], frozenset[int]]) -> list[tuple[Quantity, str]]:
    """Two comparable quantities that differ in what the question names ("hoeveel hoger was de
    claim van Noord-Brabant dan die van Overijssel"): each one's own words (:func:`own_words`)
    name something of the question the other's do not. ``named(text)`` gives the indices of
    the question's names a text holds. Roles: the one named first in the question is "after"
    (so after − before is first − second); [] when no pair, or more than one, fits."""
    qs = printed_figures(quantities(text, SOURCE_LANGUAGE))
    fitting = []
    for a, b in ((a, b) for i, a in enumerate(qs) for b in qs[i + 1 :] if compatible(a, b)):
        if relation(text, a, b) == "part_whole" or (a.year and b.year and a.year != b.year):
            continue  # a part and its whole, or a change over time, is no contrast of two things
        if is_change(text, a) and is_change(text, b):
            continue  # two changes are each a difference already
        if stated_difference(text, a) != stated_difference(text, b):
            continue  # "62,2 miljard …, 665 miljoen euro hoger": a level and its change are no two things
        na, nb = named(own_words(text, qs, a)), named(own_words(text, qs, b))
        if na - nb and nb - na:
            first = min(na - nb) < min(nb - na)
            fitting.append([(b, "before"), (a, "after")] if first else [(a, "before"), (b, "after")])
    return fitting[0] if len(fitting) == 1 else []


def _fitting_operands(operation: Operation, text: str, question_years: Sequence[str],
                      sentences: Sequence[tuple[int, int]], since: str,
                      ends: Sequence[str] = ()) -> tuple[list[list[tuple[Quantity, str]]], str]:  # fmt: skip
    """Every pair (or list) of operands that fits ``operation``, in text order."""
    if operation == Operation.DIFFERENCE and set(ends) == {"from", "to"}:
        found = [[(low, "before"), (high, "after")] for low, high in ranges(text)]
        return found, ("" if found else "no_range")  # "tussen de laagste en de hoogste schatting"
    out: list[list[tuple[Quantity, str]]] = []
    operands, reason = _first_operands(operation, text, question_years, sentences, since, out, ends)
    return (out or ([operands] if operands else [])), reason


def _first_operands(operation: Operation, text: str, question_years: Sequence[str],
                    sentences: Sequence[tuple[int, int]] = (), since: str = "",
                    collect: list[list[tuple[Quantity, str]]] | None = None,
                    ends: Sequence[str] = ()) -> tuple[list[tuple[Quantity, str]], str]:  # fmt: skip
    """The operands of the first fitting pair (all of them into ``collect`` when given)."""
    if operation == Operation.SUM:
        qs = [q for q in printed_figures(quantities(text, SOURCE_LANGUAGE)) if q.unit != "%"]
        for low, high in ranges(text):
            if len(ends) != 1:
                return [], "range"  # a range is no one number to add up
            dropped = high if ends[0] == "from" else low  # "de hoogste schatting": the range's upper end
            qs = [q for q in qs if q.start != dropped.start]
        nouns = [q.noun_key for q in qs if q.noun_key]
        head = max(dict.fromkeys(nouns), key=nouns.count) if nouns else ""  # a tie goes to the first: no hash order
        items = [q for q in qs if q.unit == (qs[0].unit if qs else "") and q.noun_key in ("", head)]
        if question_years:  # a total for one year is not a sum over years
            items = [q for q in items if not q.year or _years_fit(question_years, [q.year])]
        return ([(q, "item") for q in items], "") if len(items) >= 2 else ([], "no_list")
    if operation == Operation.AVERAGE:
        qs = printed_figures(quantities(text, SOURCE_LANGUAGE))
        amounts = [q for q in qs if is_money(q.unit)]
        counts = [q for q in qs if q.unit == "" and q.noun]
        if len(amounts) == 1 and len(counts) == 1:
            return [(amounts[0], "amount"), (counts[0], "count")], ""
        return [], "no_two_numbers"
    reason = "no_two_numbers"
    for a, b, rel in pairs(text, sentences):
        years_differ = bool(a.year and b.year and a.year != b.year)
        over_time = operation in (Operation.GROWTH, Operation.CAGR) or (
            operation == Operation.DIFFERENCE and (rel != "part_whole" or years_differ))  # fmt: skip
        if over_time:
            if ends and a.bound == "from" and b.bound == "to":
                reason = "no_two_numbers"  # "de hoogste vraagprijs": one end of the range, not a change from one to the other
                continue
            if years_differ:
                before, after = (a, b) if _year_start(a.year) < _year_start(b.year) else (b, a)
            elif rel == "before_after":
                before, after = a, b
            else:
                reason = "no_two_years"
                continue
            if question_years and not _years_fit(question_years, [before.year, after.year]):
                reason = "no_figures_for"
                continue
            if len(question_years) == 1 and years_differ and not (since and before.year[:4] == since[:4]):
                reason = "no_two_numbers"  # one period asked: a comparison within it, not a change
                continue
            if len(question_years) == 2 and not (_years_fit(question_years[:1], [before.year, after.year])
                                                 and _years_fit(question_years[1:], [before.year, after.year])):  # fmt: skip
                reason = "no_figures_for"
                continue
            result = [(before, "before"), (after, "after")]
            if collect is None:
                return result, ""
            collect.append(result)
            continue
        if years_differ and operation != Operation.RATIO:
            reason = "years_differ"
            continue
        if a.bound == "from" and b.bound == "to" and any(x.start == a.start and y.start == b.start for x, y in ranges(text)):
            reason = "range"  # "100 à 120 miljoen euro": the two ends of one estimate, no part and whole
            continue
        if rel == "before_after" and operation in (Operation.SHARE, Operation.COMPLEMENT, Operation.COMPLEMENT_SHARE):
            reason = "no_two_numbers"  # "van X tot Y" is a change, not a part of a whole
            continue
        if question_years and (a.year or b.year) and not _years_fit(question_years, [a.year or b.year, b.year or a.year]):
            reason = "no_figures_for"  # (two numbers without a year are of the period the passage prints)
            continue
        small, large = (a, b) if a.value <= b.value else (b, a)
        if operation in (Operation.SHARE, Operation.RATIO, Operation.COMPLEMENT_SHARE) and (
                same_value(small.value, large.value) or small.value <= 0 or small.value / large.value < 0.001):  # fmt: skip
            reason = "no_two_numbers"  # a number by itself, or a part a thousand times smaller, is no share
            continue
        if operation == Operation.RATIO:
            result = [(large, "numerator"), (small, "denominator")]
            if collect is None:
                return result, ""
            collect.append(result)
            continue
        if operation == Operation.DIFFERENCE:
            if is_change(text, a) and is_change(text, b):
                reason = "two_changes"  # "€ +117 mln … en € +25 mln (t.o.v. BO 2026)": each is already a difference
                continue
            if stated_difference(text, a) != stated_difference(text, b):
                reason = "no_two_numbers"  # "op 62,2 miljard geraamd, 665 miljoen hoger": a level and its change
                continue
            result = [(small, "before"), (large, "after")]
            if collect is None:
                return result, ""
            collect.append(result)
            continue
        if a.unit == "%" and operation != Operation.DIFFERENCE:
            reason = "share_of_percentages"
            continue
        if _SIBLINGS.match(text[a.end : b.start]) or listed(text, a, b) or named_siblings(text, a, b):
            reason = "no_two_numbers"  # "20 en 13 projecten": two parts side by side, neither is the whole
            continue
        if is_change(text, a) != is_change(text, b):
            reason = "no_two_numbers"  # "97,6 miljoen euro …; een daling van 152,7 miljoen": a level and a change
            continue
        result = [(small, "part"), (large, "whole")]
        if collect is None:
            return result, ""
        collect.append(result)
        continue
    if collect:
        return collect[0], ""
    return [], reason


# ---------------------------------------------------------------- faithfulness


def unsupported_numbers(text: str, citations: list[Citation], figures: list[Figure], language: str,
                        question: str = "") -> list[float]:  # fmt: skip
    """Numbers in ``text`` that no cited passage prints and no cited figure computed.

    A figure counts only when every operand's printed value is in the passage of the
    citation it names (or, for a target the user gave, in the question); then the numbers
    of its formula (operands, years span, result) are supported.
    """
    cited: dict[int, list[float]] = {c.number: numbers_in(c.passage) for c in citations}
    allowed = [v for values in cited.values() for v in values]
    asked = numbers_in(question) if question else []
    for figure in figures:
        if all(_operand_cited(op, cited.get(op.citation, []), asked) for op in figure.operands):
            allowed += numbers_in(figure.formula, language) + [figure.value, round(figure.value, 1)]
            allowed += [op.value for op in figure.operands]
    body = re.sub(r"\[\d+\]", " ", text)
    for title in sorted({c.title for c in citations if c.title}, key=len, reverse=True):
        body = body.replace(title, " ")  # "Volgens <title> (1981): …" names the source, it states no number
    for quoted in re.findall(r"[„\"“]([^”\"]+)[”\"]", body):
        if any(quoted in c.passage for c in citations):  # a verbatim quote is checked as printed
            body = body.replace(quoted, " ")
    # A number is supported when one of its readings is: source numbers keep their Dutch
    # notation inside an English answer.
    return [min(values) for values in number_readings(body)
            if not any(same_value(v, a, 1e-6) for v in values for a in allowed)]


def _operand_cited(op, printed: list[float], asked: list[float]) -> bool:  # type: ignore[no-untyped-def]
    values = [op.value, op.value / op.scale if op.scale else op.value]
    if op.citation == 0:  # a value the question itself gives (a target)
        return any(same_value(v, a, 1e-6) for v in values for a in asked)
    return any(same_value(v, p, 1e-6) for v in values for p in printed)
