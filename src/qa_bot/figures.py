"""Computed figures: which operation a question asks for, which cited numbers feed it,
and the arithmetic itself. Arithmetic and formatting are pure functions.

Operands get their roles from the sentence that states them ("X ... t.o.v. een vraag
naar Y" gives part and whole, "van X in 2018 tot Y in 2025" gives before and after);
without such a phrase, years order before/after and magnitude orders part/whole.
When the operands do not fit the question (other year, other unit, one missing) no
figure is made and the reason says what is missing.
"""

from __future__ import annotations

import re

from qa_bot.numbers import Quantity, format_count, format_number, numbers_in, quantities, same_value
from qa_bot.types import Citation, Figure, Operand

# Sources are Dutch: their numbers are read the Dutch way whatever the question's language.
SOURCE_LANGUAGE = "nl"
OPERATIONS = ("cagr", "growth", "ratio", "complement_share", "complement", "share", "difference", "sum")

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("cagr", re.compile(r"gemiddeld\w*\s+(?:\w+\s+){0,3}(?:per jaar|jaarlijks)|jaarlijkse (?:groei|stijging)"
                        r"|gemiddelde jaarlijkse|average (?:annual|yearly)|per year on average|\bcagr\b"
                        r"|compound annual", re.I)),
    ("growth", re.compile(r"(?:hoeveel|welk) (?:procent|percentage)\b.*\b(?:gestegen|gedaald|gegroeid|toegenomen|"
                          r"afgenomen|verhoogd|gezakt|steeg|stegen|daalde|daalden|groeide|groeiden)\b|procentuele (?:stijging|groei|daling|toename)|"
                          r"groeipercentage|\bgroei\b.*\bprocent|by (?:how much|what percent(?:age)?)|"
                          r"percent(?:age)? (?:increase|growth|decrease|rise|change)|"
                          r"how much did .* (?:grow|increase|rise|fall|decrease)", re.I)),
    ("ratio", re.compile(r"verhouding|hoeveel keer|\bratio\b|how many times", re.I)),
    ("complement_share", re.compile(r"(?:aandeel|percentage|procent|share|proportion).*\b(?:niet|geen|zonder|not|"
                                    r"without|no)\b", re.I)),
    ("complement", re.compile(r"(?:hoeveel|how many)\b.*\b(?:niet|geen|zonder|not|without|no|left without|"
                              r"uit de boot)\b", re.I)),
    ("share", re.compile(r"\baandeel\b|welk (?:deel|percentage)|hoeveel procent van|wat is het percentage|"
                         r"what (?:share|percentage|proportion|fraction)|\bshare of\b|percentage of", re.I)),
    ("difference", re.compile(r"\bverschil\b|hoeveel (?:meer|minder)|how many (?:more|fewer)|\bdifference\b|"
                              r"\bgap\b|\btekort\b|how much (?:more|less|higher|lower)", re.I)),
    ("sum", re.compile(r"\bsamen\b|in totaal|opgeteld|\btotaal\b|\btotal\b|combined|altogether|\bsum\b", re.I)),
]  # fmt: skip

_PART_WHOLE = re.compile(r"t\.o\.v\.|ten opzichte van|tegenover|\bvan de\b|\bop een totaal van\b|\bop\b|"
                         r"\bout of\b|\bof the\b|compared (?:to|with)|\bversus\b|\bvs\.?|\bvan het totaal\b", re.I)  # fmt: skip
_BEFORE_AFTER = re.compile(r"\b(?:tot|naar|to)\b", re.I)
_FROM = re.compile(r"\b(?:van|from|met|stijging van|daling van|groei van)\s*$", re.I)

LABELS = {
    "nl": {"share": "Aandeel", "complement_share": "Aandeel zonder", "complement": "Verschil (niet gedekt)",
           "growth": "Groei", "cagr": "Gemiddelde jaarlijkse groei", "ratio": "Verhouding",
           "difference": "Verschil", "sum": "Totaal"},
    "en": {"share": "Share", "complement_share": "Share without", "complement": "Shortfall",
           "growth": "Growth", "cagr": "Average annual growth", "ratio": "Ratio",
           "difference": "Difference", "sum": "Total"},
}  # fmt: skip


def detect_operation(question: str) -> str | None:
    """The computation a question asks for, or None for a plain look-up."""
    for name, pattern in _PATTERNS:
        if pattern.search(question):
            return name
    return None


# ---------------------------------------------------------------- arithmetic (pure)


def share(part: float, whole: float) -> float:
    """part / whole × 100 (percent)."""
    return part / whole * 100


def complement(part: float, whole: float) -> float:
    """whole − part."""
    return whole - part


def complement_share(part: float, whole: float) -> float:
    """(whole − part) / whole × 100 (percent)."""
    return (whole - part) / whole * 100


def growth(before: float, after: float) -> float:
    """(after − before) / before × 100 (percent)."""
    return (after - before) / before * 100


def cagr(before: float, after: float, years: float) -> float:
    """((after / before)^(1 / years) − 1) × 100 (percent per year, compound)."""
    return ((after / before) ** (1 / years) - 1) * 100


def ratio(a: float, b: float) -> float:
    """a / b."""
    return a / b


def difference(before: float, after: float) -> float:
    """after − before."""
    return after - before


# ---------------------------------------------------------------- operand selection


def compatible(a: Quantity, b: Quantity) -> bool:
    """Same unit, and for counts the same counted noun when both name one."""
    if a.unit != b.unit:
        return False
    if a.unit == "" and a.noun_key and b.noun_key:
        return a.noun_key == b.noun_key or a.noun_key in b.noun_key or b.noun_key in a.noun_key
    return True


def relation(sentence: str, a: Quantity, b: Quantity) -> str:
    """'part_whole', 'before_after' or '' for two quantities, ``a`` printed first."""
    between = sentence[a.end : b.start]
    lead = sentence[max(0, a.start - 20) : a.start]
    if _FROM.search(lead) and _BEFORE_AFTER.search(between):
        return "before_after"
    if _PART_WHOLE.search(between) and len(between) < 120:
        return "part_whole"
    return ""


def pairs(sentence: str, language: str = SOURCE_LANGUAGE) -> list[tuple[Quantity, Quantity, str]]:
    """Comparable quantity pairs of a sentence with their relation; nouns are shared.

    Counts of different nouns pair only under an explicit part/whole phrase
    ("6240 studenten ... op een totaal van 9100 aanvragen").
    """
    qs = quantities(sentence, language)
    found = []
    for i, a in enumerate(qs):
        for b in qs[i + 1 :]:
            rel = relation(sentence, a, b)
            if a.unit != b.unit or not (compatible(a, b) or rel == "part_whole"):
                continue
            noun = a.noun or b.noun
            a2 = Quantity(a.value, a.unit, a.noun or noun, a.year, a.text, a.start, a.end)
            b2 = Quantity(b.value, b.unit, b.noun or noun, b.year, b.text, b.start, b.end)
            found.append((a2, b2, rel))
    return found


def _year_start(year: str) -> int:
    return int(year[:4]) if year[:4].isdigit() else 0


def _year_end(year: str) -> int:
    return int(year[-4:]) if year[-4:].isdigit() else 0


def operands_for(
    operation: str, sentence: str, question_years: list[str], language: str = SOURCE_LANGUAGE
) -> tuple[list[tuple[Quantity, str]], str]:
    """Operands with roles for ``operation`` from one (Dutch) source sentence, or [] and the reason."""
    if operation == "sum":
        qs = [q for q in quantities(sentence, language) if q.unit != "%"]
        nouns = [q.noun_key for q in qs if q.noun_key]
        head = max(set(nouns), key=nouns.count) if nouns else ""
        items = [q for q in qs if q.unit == (qs[0].unit if qs else "") and q.noun_key in ("", head)]
        return ([(q, "item") for q in items], "") if len(items) >= 2 else ([], "geen lijst van aantallen")
    reason = "geen twee vergelijkbare getallen"
    for a, b, rel in pairs(sentence, language):
        years_differ = bool(a.year and b.year and a.year != b.year)
        if operation in ("growth", "cagr") or (operation == "difference" and (rel != "part_whole" or years_differ)):
            if years_differ:
                before, after = (a, b) if _year_start(a.year) < _year_start(b.year) else (b, a)
            elif rel == "before_after":
                before, after = a, b
            else:
                reason = "geen getallen voor twee verschillende jaren"
                continue
            if question_years and not _years_fit(question_years, [before.year, after.year]):
                reason = "geen cijfers voor " + " en ".join(question_years)
                continue
            return [(before, "before"), (after, "after")], ""
        # share, complement, complement_share, ratio, difference between part and whole
        if years_differ and operation != "ratio":
            reason = "de getallen horen bij verschillende jaren"
            continue
        if question_years and not _years_fit(question_years, [a.year, b.year]):
            reason = "geen cijfers voor " + " en ".join(question_years)
            continue
        small, large = (a, b) if a.value <= b.value else (b, a)
        if operation == "ratio":
            return [(large, "numerator"), (small, "denominator")], ""
        if a.unit == "%" and operation != "difference":
            reason = "een aandeel van percentages is geen zinvolle berekening"
            continue
        return [(small, "part"), (large, "whole")], ""
    return [], reason


def _years_fit(question_years: list[str], operand_years: list[str]) -> bool:
    covered: set[int] = set()
    for year in operand_years:
        if year:
            covered.update({_year_start(year), _year_end(year)})
    return all(int(y) in covered for y in question_years)


# ---------------------------------------------------------------- presentation


def fmt_value(value: float, unit: str, language: str) -> str:
    if unit == "%":
        return f"{format_number(round(value, 1), language, 1)}%"
    if unit == "%/jaar":
        return f"{format_number(round(value, 1), language, 1)}% " + ("per jaar" if language == "nl" else "per year")
    if unit == "pp":
        return f"{format_number(round(value, 1), language, 1)} " + (
            "procentpunt" if language == "nl" else "percentage points"
        )
    if unit == "×":
        return f"{format_number(round(value, 2), language, 2)}×"
    number = format_count(value, language) if float(value).is_integer() else format_number(value, language, 1)
    return f"€ {number}" if unit == "euro" else number


def _operand_text(q: Quantity, language: str) -> str:
    return fmt_value(q.value, q.unit, language) if q.unit else format_count(q.value, language)


def build_figure(operation: str, operands: list[tuple[Quantity, str]], citation: int, language: str) -> Figure:
    values = {role: q for q, role in operands}
    texts = {role: _operand_text(q, language) for q, role in operands}
    unit = ""
    chart_type = "bar"
    if operation in ("share", "complement_share"):
        part, whole = values["part"].value, values["whole"].value
        value = share(part, whole) if operation == "share" else complement_share(part, whole)
        unit = "%"
        expr = (f"{texts['part']} / {texts['whole']}" if operation == "share"
                else f"({texts['whole']} − {texts['part']}) / {texts['whole']}")  # fmt: skip
    elif operation == "complement":
        value = complement(values["part"].value, values["whole"].value)
        unit = values["whole"].unit
        expr = f"{texts['whole']} − {texts['part']}"
    elif operation == "difference":
        first, second = (values["before"], values["after"]) if "before" in values else (values["part"], values["whole"])
        value = difference(first.value, second.value)
        unit = "pp" if first.unit == "%" else first.unit
        a, b = ("before", "after") if "before" in values else ("part", "whole")
        expr = f"{texts[b]} − {texts[a]}"
    elif operation == "growth":
        value = growth(values["before"].value, values["after"].value)
        unit = "%"
        chart_type = "line"
        expr = f"({texts['after']} − {texts['before']}) / {texts['before']}"
    elif operation == "cagr":
        years = _year_start(values["after"].year) - _year_start(values["before"].year)
        value = cagr(values["before"].value, values["after"].value, years)
        unit = "%/jaar"
        chart_type = "line"
        expr = f"({texts['after']} / {texts['before']})^(1/{years}) − 1"
    elif operation == "ratio":
        value = ratio(values["numerator"].value, values["denominator"].value)
        unit = "×"
        expr = f"{texts['numerator']} / {texts['denominator']}"
    elif operation == "sum":
        items = [q for q, _ in operands]
        value = sum(q.value for q in items)
        unit = items[0].unit
        expr = " + ".join(_operand_text(q, language) for q in items)
    else:
        raise ValueError(f"onbekende bewerking {operation!r}")
    display = fmt_value(value, unit, language)
    formula = f"{expr} = {display}"
    first = operands[0][0]
    noun = next((q.noun for q, _ in operands if q.noun), "")
    years = sorted({q.year for q, _ in operands if q.year})
    label = (
        f"{LABELS[language][operation]}" + (f" {noun}" if noun else "") + (f" ({', '.join(years)})" if years else "")
    )
    chart_label = {"nl": {"part": "deel", "whole": "geheel"}, "en": {"part": "part", "whole": "whole"}}[language]
    series = [
        {"label": (q.year if chart_type == "line" and q.year else f"{chart_label.get(role, role)}"
                   + (f" ({q.year})" if q.year and chart_type != "line" else "")), "value": q.value}
        for q, role in operands
    ]  # fmt: skip
    return Figure(
        label=label,
        value=round(value, 4),
        unit=unit,
        operation=operation,
        formula=formula,
        operands=tuple(
            Operand(value=q.value, unit=q.unit or q.noun, year=q.year, text=q.text, citation=citation, role=role)
            for q, role in operands
        ),
        chart={"type": chart_type, "title": label, "series": series, "unit": first.unit or first.noun},
        display=display,
    )


# ---------------------------------------------------------------- faithfulness


def unsupported_numbers(text: str, citations: list[Citation], figures: list[Figure], language: str) -> list[float]:
    """Numbers in ``text`` that no cited passage prints and no cited figure computed.

    A figure counts only when every operand's value is printed in the passage of the
    citation it names; then the numbers of its formula (operands, years span, result)
    are supported.
    """
    cited: dict[int, list[float]] = {c.number: numbers_in(c.passage) for c in citations}
    allowed = [v for values in cited.values() for v in values]
    for figure in figures:
        if all(any(same_value(op.value, v) for v in cited.get(op.citation, [])) for op in figure.operands):
            allowed += numbers_in(figure.formula, language) + [figure.value, round(figure.value, 1)]
    body = re.sub(r"\[\d+\]", " ", text)
    for quoted in re.findall(r"[„\"“]([^”\"]+)[”\"]", body):
        if any(quoted in c.passage for c in citations):  # a verbatim quote is checked as printed
            body = body.replace(quoted, " ")
    return [v for v in numbers_in(body, language) if not any(same_value(v, a, 1e-6) for a in allowed)]
