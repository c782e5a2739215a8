"""Reading and writing numbers in Dutch and English text. Pure functions only.

A printed number's value (``5.171``, ``63,4``), numbers written back for people, years and
the periods a text names. What a number counts (its unit, noun and year) is a quantity:
:mod:`qa_bot.read.quantities`.
"""

from __future__ import annotations

import functools
import math
import re

from qa_bot import lang

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
_INDEX_BEFORE = frozenset("nr nr. nummer artikel art art. punt vraag hoofdstuk bijlage pagina blz p".split())
_NOT_NOUNS = frozenset(
    """
    in op van voor met tot naar uit bij aan door over om en of maar dan als te t.o.v. het de een via zonder sinds vanaf nu thans
    werden waren zijn hebben kregen is was werd wordt worden kan konden zouden zal zullen ten tegen
    meer minder more less fewer per jaar procent percent euro eur miljoen miljard duizend on of for with to from and the a
    were was are have had been by at in
    waarbij waarvan waarmee waardoor waarop waarin waaronder waaraan die dat welke which who that
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
_DATE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b")
_FRACTION = re.compile(r"\b(?:" + "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in WORD_FRACTIONS) + r")\b",
                       re.IGNORECASE)  # fmt: skip
_WORD = re.compile(r"[^\W\d_][\w/+-]*", re.UNICODE)


MONEY = frozenset({"euro", "gulden"})


def is_money(unit: str) -> bool:
    """Whether a unit is a currency (euro, or guilders in older documents)."""
    return unit in MONEY


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
_NUMERIC_DATE = re.compile(r"(?<![\d/.,-])(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)\d{2}|\d{2})(?![\d/.,-]?\d)")
_MONTH_YEAR = re.compile(r"\b(" + "|".join(_MONTH_NUMBER) + r")\s+((?:19|20)\d{2})\b", re.IGNORECASE)
_SCHOOL_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d{2})\s*[-–/]\s*((?:19|20)\d{2}|\d{2})(?![\d])")
_PLAIN_YEAR = re.compile(r"(?<![\d.,])((?:19|20)\d{2})(?![\d.,]\d)")


def sole_period(text: str) -> list[str]:
    """The period of a text that names exactly one ("Vlaamse begroting 2026", "… (1971)"), else []."""
    found = periods_in(text)
    return found if len(set(found)) == 1 else []


def periods_in(text: str) -> list[str]:
    """Periods a text names, normalised: ISO dates ('1 januari 2024' → '2024-01-01'), school
    years ('2022-2023', '2022–23'), and years; a longer range ('2021-2024') gives its ends."""
    return list(_periods_in(text))


@functools.lru_cache(maxsize=50_000)  # pure; the same sentences are read for every question about them
def _periods_in(text: str) -> tuple[str, ...]:
    found: list[str] = []
    for value, _ in period_spans(text):
        if value not in found:
            found.append(value)
    return tuple(found)


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
    for m in _NUMERIC_DATE.finditer(text):  # "16/11/92", "1-2-1986": day, month, year
        day, month, year = int(m.group(1)), int(m.group(3)), m.group(4)
        if len(year) == 2:
            year = ("19" if int(year) >= 50 else "20") + year
        if 1 <= day <= 31 and 1 <= month <= 12 and not any(a <= m.start() < b for a, b in taken):
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
    laws = [m.span(1) for m in _LAW_YEAR.finditer(text)]
    for m in _PLAIN_YEAR.finditer(text):
        if not any(a <= m.start() < b for a, b in taken + laws):
            add(m.group(1), m.span())
    return sorted(out, key=lambda item: item[1][0])


# "artikel 12 CW 1976", "artikel 4 van de Wet 1976": the year names the law an article is of
_LAW_YEAR = re.compile(r"(?i:\b(?:" + "|".join(re.escape(w) for w in sorted(lang.union("ARTICLE_WORDS"), key=len, reverse=True))
                       + r"))\s+\d+[a-z]?\s+(?:[a-z]+\s+){0,2}[A-Z][\w-]*\s+((?:19|20)\d{2})\b")


def dated(period: str) -> bool:
    """Whether a period names a month or a day ('2024-10', '2024-10-01'), not only years."""
    return re.fullmatch(r"\d{4}-\d{2}(?:-\d{2})?", period) is not None


def period_years(period: str) -> set[str]:
    """The calendar years a period touches."""
    if dated(period):
        return {period[:4]}
    return set(re.findall(r"(?:19|20)\d{2}", period))


def period_matches(asked: str, printed: list[str]) -> bool:
    """Whether a period the question asks about is among the periods a text prints: exactly,
    or one that a printed, more precise period falls in ('2024' and '31 december 2024';
    'oktober 2024' and '1 oktober 2024'). A school or parliamentary year ('1992-1993') is its
    own period, which a printed date falls in from August of its first year to August of its
    second ('16/11/92', '03/06/93')."""
    if asked in printed:
        return True
    if re.fullmatch(r"\d{4}(?:-\d{2})?", asked):
        return any(dated(p) and p.startswith(asked + "-") for p in printed)
    two_years = re.fullmatch(r"(\d{4})-(\d{4})", asked)
    if two_years and int(two_years.group(2)) == int(two_years.group(1)) + 1:
        first, second = two_years.groups()
        return any(re.fullmatch(r"\d{4}-\d{2}-\d{2}", p) and (
            (p[:4] == first and p[5:7] >= "08") or (p[:4] == second and p[5:7] <= "08")) for p in printed)  # fmt: skip
    return False


def _words_after(text: str, end: int, n: int) -> list[str]:
    return [m.group(0) for m in _WORD.finditer(text[end : end + 80])][:n]


def _reads_as_year(before: str, after: list[str]) -> bool:
    """A bare 1900–2100 integer is a year unless it is followed by what it counts (a noun,
    not a verb: "de lijst 2024 telt …")."""
    if after and _is_verb(after[0]):
        return True
    if before in _YEAR_BEFORE or before in MONTHS or before.endswith(("(", "jaar", "jaren")) or before in (
            "oproep", "oproepen", "editie", "cohorte", "call", "year"):  # fmt: skip
        return True
    if before in lang.union("APPROX_BEFORE") or before in {k.split()[-1] for k in lang.union("BOUND_BEFORE")}:
        return False  # "bijna 2000 unieke BSN's", "meer dan 1900 scholen"
    if not (after and after[0][0].islower() and after[0].lower() not in _NOT_NOUNS):
        return True
    # what a bare 1900–2100 number counts is plural ("1500 woningen", "2000 unieke BSN's");
    # "the 2022 assessment" names a year
    counted = after[1] if len(after) > 1 and after[0].endswith("e") else after[0]
    return not counted.lower().endswith(tuple(lang.union("PLURAL_ENDINGS")))


def _is_verb(word: str) -> bool:
    from qa_bot.read.text import lemma_of

    lower = word.lower()
    if lower in _PLURAL_VERBS:  # "bij de begrotingsopmaak 2026 liggen de kredieten …": a plural verb, no counted noun
        return True
    lemma = lemma_of(lower)
    return lemma.endswith("en") and lemma != lower and not lower.endswith(("en", "s"))


_PLURAL_VERBS = lang.union("PLURAL_VERBS")


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
