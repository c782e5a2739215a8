"""Every printed number in a text, read once and classified.

A printed number is one of:

* a **quantity** — it counts or measures something: ``f 58,3 min.`` (58 300 000 gulden),
  ``46 890``, ``€ 2,8 miljard``, ``63,4%``, ``vijftig miljoen``, ``ruim 1,4 miljoen``
  (approximate), ``550.000 -600.000 m3`` (a range: two bounds);
* an **identifier** — a dossier, Kamerstuk, article, question or page number, a phone
  number, postcode or print code (``Kamerstuk 36 410 VIII, nr. 112``, ``artikel 11.04``);
* a **date** (``21 mei 1974``, ``1 september``) or a **year** (``2019``, ``2025–2026``);
* a **heading** number (``Antwoord 8``, ``1.`` or ``3 Bent u …`` at the start of a line,
  ``… besproken. 5 en 6 Het …`` or ``1 Ja, …`` run on in OCR text, a section number in a table
  of contents);
* a **name**'s number (an identifier): ``Lijn 3`` where the document numbers that word as a
  series from 1 (``lijn 1``, ``Lijn 2``), an item a cross-reference points to (``de onder 3
  genoemde resolutie``), a page number in a table of contents.

The words that decide (currency marks, scale words, identifier cues, qualifiers) come from
:mod:`qa_bot.lang`. :func:`read_numbers` is a pure function of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

from qa_bot import lang


class Kind(StrEnum):
    QUANTITY = "quantity"
    IDENTIFIER = "identifier"
    DATE = "date"
    YEAR = "year"
    HEADING = "heading"
    FOOTNOTE = "footnote"


@dataclass(frozen=True)
class Printed:
    """One printed number and what it is."""

    kind: Kind
    text: str  # as printed, with its currency mark, scale word and unit
    start: int
    end: int
    value: float | None = None  # quantities: the value in base units (guilders, euro, a count)
    unit: str = ""  # "gulden", "euro", "%" or "" (a count, a measure: see ``measure``)
    scale: float = 1.0  # value = printed number × scale ("58,3 min." → 1e6)
    approx: bool = False  # "ruim", "circa", "bijna"
    bound: str = ""  # "lower" / "upper" ("meer dan"), "from" / "to" (a range's ends)
    negative: bool = False
    words: bool = False  # written in words ("vijftig miljoen")


def _alternation(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


@lru_cache(maxsize=4)
def _patterns(language: str = "nl") -> dict[str, re.Pattern[str]]:
    currency_prefix = _alternation(k.rstrip(".") for k in lang.union("CURRENCY_PREFIXES"))
    scale = _alternation(set(lang.union("SCALE_WORDS")) | set(lang.union("OCR_SCALE_WORDS")))
    unit_words = _alternation(set(lang.union("CURRENCY_WORDS")) | {"procent", "percent"} | set(lang.union("POINT_WORDS")))
    number = (r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0]\d{3})+(?:,\d+)?(?![\d.,]\d)"
              r"|\d+(?:[.,]\d+)?")  # fmt: skip
    # number words in the text's own language only: Dutch "ten einde" is no English ten
    stems = lang.get(language).NUMBER_WORD_STEMS
    word_number = rf"(?:{stems})(?:(?:en|ën|-)?(?:{stems}))*"
    articles = _alternation(lang.get(language).ARTICLE_ONE)
    return {
        "number": re.compile(
            r"(?<![\w.,/-])"
            rf"(?:(?P<cur>(?<![\w])(?:{currency_prefix})\.?)\s?)?"
            r"(?P<sign>[-−+]\s?)?"
            rf"(?P<num>{number})"
            r"(?P<dash>,[-–])?"
            r"(?![\d])"
            rf"(?:\s?(?P<mult>(?:{scale})(?:\.|(?![\w])))(?!\w))?"
            rf"(?:\s?(?P<unit>%|€(?!\s?[-−+]?\d)|(?:{unit_words})(?![\w])))?",
            re.IGNORECASE,
        ),
        "words": re.compile(
            rf"(?<![\w-])(?:(?P<article>{articles})\s+(?=(?:{stems})))?(?P<run>{word_number}(?:\s+{word_number})*)"
            rf"(?![\w-])(?:\s(?P<unit>(?:{unit_words})(?![\w])))?",
            re.IGNORECASE,
        ),
        "fraction": re.compile(
            r"(?<![\w-])(?:" + _alternation(lang.union("FRACTION_WORDS")).replace(r"\ ", r"\s+") + r")(?![\w-])",
            re.IGNORECASE,
        ),
    }


@lru_cache(maxsize=1)
def qa_headings() -> tuple[re.Pattern[str], ...]:
    """Per language, a numbered question or answer heading at the start of a line."""
    return tuple(re.compile(r"[ \t]*(?:" + m.QA_HEADING + r")", re.IGNORECASE) for m in lang.LANGUAGES.values())


_MONTHS = frozenset(lang.union("MONTHS")) if hasattr(lang.en, "MONTHS") else frozenset(lang.nl.MONTHS)
_DATE_NUMERIC = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b")
_YEAR_RANGE = re.compile(r"(?<![\d.,])((?:19|20)\d{2})\s?[-–/]\s?((?:19|20)?\d{2})(?![\d])")
_PHONE = re.compile(r"(?<!\d)(?:0\d{1,3}[- ]?\d{6,8}|0\d{2,3}\s?-\s?\d{2,3}\s?\d{2}\s?\d{2})(?!\d)")
_POSTCODE = re.compile(r"\b\d{4}\s?[A-Z]{2}\b")
_YEAR_NEIGHBOUR_AFTER = re.compile(r"[ \t]*[|\t][ \t]*(?:19|20)\d{2}(?!\d)")  # "| 1981 | 1982 |": a header of years
_YEAR_NEIGHBOUR_BEFORE = re.compile(r"(?<!\d)(?:19|20)\d{2}[ \t]*[|\t][ \t]*$")
_ROMAN = re.compile(r"\s*(?:[IVXLC]{1,6})\b(?![.,]?\s*[a-z])")
# a footnote marker glued to the end of a question or a bracket: "goedkope woning?2", "(€ 1,59 mld.)1 die"
_FOOTNOTE = re.compile(r"(?:(?<=[^\W\d_][?!])|(?<=[^\d\s(]\)))(\d{1,2})(?=\s|$)")
# the first cell of a table row numbering the row: "| 6 | Long-term preparation … |", or an
# article number in a budget table "| 24 | 1 554 000 |" (kept only where rows count up by one)
_ROW_NUMBER = re.compile(r"^\|[ \t]*(\d{1,3})[ \t]*\|", re.MULTILINE)
# a number alone on its line between a line of words and a capitalised line: a page number
# in a running head ("Tweede Kamer der Staten-Generaal\n2\nVergaderjaar …") or a question's
# number on a line of its own; amounts under their label end the label with ":" or stand in a table
_LONE_NUMBER = re.compile(r"(?:(?<=[^\W\d_]{3}\n)|(?<=[^\W\d_]{3}[^\n:\d\w]\n))[ \t]*(\d{1,3})[ \t]*(?=\n[ \t]*[A-ZÀ-Ý])")
# a line of a table of contents: a title, dot leaders and its page ("3 DE MIDDELENBEGROTING ..... 6"),
# or a section number, a title and a page ("3.1 Totale Middelen 6") among such lines
_LEADERS = re.compile(r"(?:\.[ \t]?){4,}|…{2,}")
_LEADER_PAGE = re.compile(r"(?:(?:\.[ \t]?){4,}|…{2,})[ \t]*(?P<page>\d{1,4})[ \t]*$")
_SECTION = re.compile(r"[ \t]*(?P<sec>\d{1,2}(?:\.\d{1,2})*\.?(?=[ \t]))")
_PLAIN_ENTRY = re.compile(r"[ \t]*(?P<sec>\d{1,2}(?:\.\d{1,2})*\.?)[ \t]+[^\W\d_][^\d]*?[^\W\d_)][ \t]+"
                          r"(?P<page>\d{1,4})[ \t]*")
_CONTENTS_LINE = 240  # longer lines are running text, no entries
# a word and the small number that names one of its series ("Lijn 3", "sleutel 2", "C 1")
_NAMED = re.compile(r"(?<![\w.,/-])([^\W\d_][\w'-]*)[ \t]+(\d{1,2})(?![\w]|[.,]\d)")
_CELL_MINUS = re.compile(r"(?:^|(?<=\|))[ \t]*([—–_])[ \t]?$", re.MULTILINE)
_WORD_BEFORE = re.compile(r"([^\W\d][\w'.]*)[\s(:]*$")


@lru_cache(maxsize=1)
def _page_of() -> re.Pattern[str]:
    return re.compile("|".join(m.PAGE_OF for m in lang.LANGUAGES.values()), re.IGNORECASE)


@lru_cache(maxsize=1)
def _one_in() -> re.Pattern[str]:
    ones = "|".join(m.ONE_IN for m in lang.LANGUAGES.values())
    return re.compile(rf"(?<![\w-])(?:{ones})(?P<n>\d+|[^\W\d_]+)(?![\w-])", re.IGNORECASE)


def read_numbers(text: str, language: str = "nl") -> list[Printed]:
    """Every number printed in ``text``, classified, in text order."""
    return list(_read_numbers(text, language))


@lru_cache(maxsize=50_000)
def _read_numbers(text: str, language: str) -> tuple[Printed, ...]:
    p = _patterns(language if language in lang.LANGUAGES else "nl")
    found: list[Printed] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return not any(x < b and a < y for x, y in taken)

    def add(item: Printed) -> None:
        found.append(item)
        taken.append((item.start, item.end))

    for a, b in _date_spans(text):
        if free(a, b):
                add(Printed(Kind.DATE, text[a:b], a, b))
    for m in _page_of().finditer(text):
        for d in re.finditer(r"\d+", m.group(0)):
            if free(m.start() + d.start(), m.start() + d.end()):
                add(Printed(Kind.IDENTIFIER, d.group(0), m.start() + d.start(), m.start() + d.end()))
    for m in _one_in().finditer(text):
        from text_to_num import text2num

        word = m.group("n")
        try:
            n = float(word) if word.isdigit() else float(text2num(word.lower(), "nl" if m.group(0)[:1] in "eé" else "en"))
        except ValueError:
            continue
        if n > 1 and free(*m.span()):
            add(Printed(Kind.QUANTITY, m.group(0), *m.span(), value=round(100 / n, 4), unit="%", words=True))
    for m in _FOOTNOTE.finditer(text):
        if free(*m.span(1)):
            add(Printed(Kind.FOOTNOTE, m.group(1), *m.span(1)))
    for kind, a, b in _contents(text):
        if free(a, b):
            add(Printed(kind, text[a:b], a, b))
    for m in _LONE_NUMBER.finditer(text):
        if free(*m.span(1)):
            add(Printed(Kind.IDENTIFIER, m.group(1), *m.span(1)))
    for a, b in _row_numbers(text):
        if free(a, b):
            add(Printed(Kind.IDENTIFIER, text[a:b], a, b))
    for m in _PHONE.finditer(text):
        dashed = re.fullmatch(r"0\d{1,3}\s?-\s?\d[\d ]{5,9}", m.group(0)) is not None
        if free(*m.span()) and (dashed or _cue_before(text, m.start()) in lang.union("IDENTIFIER_BEFORE")):
            add(Printed(Kind.IDENTIFIER, m.group(0), *m.span()))
    for m in _POSTCODE.finditer(text):
        if free(*m.span()):
            add(Printed(Kind.IDENTIFIER, m.group(0), *m.span()))
    for m in _YEAR_RANGE.finditer(text):
        first, second = m.group(1), m.group(2)
        second = first[:2] + second if len(second) == 2 else second
        if free(*m.span()) and 0 < int(second) - int(first) <= 10:
            add(Printed(Kind.YEAR, m.group(0), *m.span()))
    for m in p["fraction"].finditer(text):
        if free(*m.span()):
            key = re.sub(r"\s+", " ", m.group(0).lower())
            value = next((v for mod in lang.LANGUAGES.values() for k, v in mod.FRACTION_WORDS.items() if k == key), None)
            if value is not None:
                add(Printed(Kind.QUANTITY, m.group(0), *m.span(), value=round(value * 100, 4), unit="%", words=True))
    series = _named_series(text, language)
    for m in p["number"].finditer(text):
        if free(m.start("num"), m.end("num")):
            item = _classify(text, m, language, series)
            if item is not None and free(item.start, item.end):
                add(item)
    for m in p["words"].finditer(text):
        if free(*m.span()):
            item = _word_quantity(text, m)
            if item is not None:
                add(item)
    found.sort(key=lambda r: r.start)
    return tuple(_ranges(text, found))


def _row_numbers(text: str) -> list[tuple[int, int]]:
    """Row numbers of a table: first cells that count up by one from row to row."""
    rows: list[tuple[int, int, tuple[int, int]]] = []
    line, seen = 0, 0
    for m in _ROW_NUMBER.finditer(text):
        line, seen = line + text.count("\n", seen, m.start()), m.start()
        rows.append((line, int(m.group(1)), m.span(1)))
    out = []
    for i, (line, n, at) in enumerate(rows):
        before = i > 0 and rows[i - 1][0] == line - 1 and rows[i - 1][1] == n - 1
        after = i + 1 < len(rows) and rows[i + 1][0] == line + 1 and rows[i + 1][1] == n + 1
        if before or after:
            out.append(at)
    return out


class _Entry:
    """A contents line with leaders: its section number and page, as a match would give them."""

    def __init__(self, sec: re.Match[str] | None, page: re.Match[str]) -> None:
        self.spans = {"page": page.span("page"), "sec": sec.span("sec") if sec else (-1, -1)}
        self.texts = {"page": page.group("page"), "sec": sec.group("sec") if sec else None}

    def group(self, name: str) -> str | None:
        return self.texts[name]

    def start(self, name: str) -> int:
        return self.spans[name][0]

    def end(self, name: str) -> int:
        return self.spans[name][1]


def _leader_entry(line: str) -> _Entry | None:
    """'3.1 Totale Middelen ........ 6': words, dot leaders, a page at the end (found from the
    end of the line: one pattern with lazy parts before the leaders backtracked for a third of
    a second on long lines of dots)."""
    page = _LEADER_PAGE.search(line)
    if page is None or not re.search(r"[^\W\d_]", line[: page.start()]):
        return None
    return _Entry(_SECTION.match(line), page)


def _contents(text: str) -> list[tuple[Kind, int, int]]:
    """A table of contents: its page numbers are identifiers and its section numbers headings.
    A line with dot leaders before its last number is an entry; so are the lines around it,
    without leaders, that start with a section number and end with a page, as long as the
    pages do not go down ("3 DE MIDDELENBEGROTING ..... 6", "3.1 Totale Middelen 6",
    "3.2 Bruto-opcentiemen 8"). Rows of a numbered table run without leaders and are left alone."""
    entries: dict[int, tuple[re.Match[str] | _Entry, int, bool]] = {}  # line number → entry, its offset, has leaders
    starts: list[int] = []
    offset = 0
    for i, line in enumerate(text.split("\n")):
        starts.append(offset)
        if len(line) <= _CONTENTS_LINE and line[:1].strip() != "|":
            leaders = _LEADERS.search(line) is not None
            m = _leader_entry(line) if leaders else _PLAIN_ENTRY.fullmatch(line)
            if m:
                entries[i] = (m, offset, leaders)
        offset += len(line) + 1
    starts.append(offset)
    out: list[tuple[Kind, int, int]] = []
    lines = sorted(entries)
    runs: list[list[int]] = []
    for i in lines:  # runs of entry lines, blank lines between them allowed
        if runs and all(not text[starts[j] : starts[j + 1]].strip() for j in range(runs[-1][-1] + 1, i)):
            runs[-1].append(i)
        else:
            runs.append([i])
    for run in runs:
        anchors = [i for i in run if entries[i][2]]
        if not anchors:
            continue
        pages = [int(entries[i][0].group("page") or 0) for i in run]
        whole = all(a <= b for a, b in zip(pages, pages[1:], strict=False))
        for i in run if whole else anchors:
            m, at, _ = entries[i]
            out.append((Kind.IDENTIFIER, at + m.start("page"), at + m.end("page")))
            section = m.group("sec")
            if section:
                out.append((Kind.HEADING, at + m.start("sec"), at + m.start("sec") + len(section.rstrip("."))))
    return out


def _named_series(text: str, language: str) -> frozenset[str]:
    """Words the text numbers as a series of names from 1: "lijn 1 … Lijn 2 … Lijn 3", "HRF
    sleutel 1 … sleutel 2", "C 1 … C 2". A word directly followed by a small number names
    the n-th of its kind when the same text also prints it with 1 and 2. Function words,
    qualifiers and currency marks ("ruim 1 … ruim 2", "f 1 … f 2") precede counts instead,
    and so does a word whose number the text once puts before a plural noun ("kreeg 1
    subsidie … kreeg 2 subsidies"): that number counts."""
    found: dict[str, set[int]] = {}
    counts: set[str] = set()
    module = lang.get(language)
    for m in _NAMED.finditer(text):
        word, n = m.group(1).lower(), int(m.group(2))
        found.setdefault(word, set()).add(n)
        after = re.match(r"[ \t]+([a-zà-ÿ][\w'’]*)", text[m.end() : m.end() + 40])
        if n > 1 and after and after.group(1) not in module.STOP_WORDS and after.group(1).endswith(module.PLURAL_ENDINGS):
            counts.add(word)
    excluded = _counting_words() | counts
    return frozenset(w for w, numbers in found.items() if {1, 2} <= numbers and w not in excluded)


@lru_cache(maxsize=1)
def _counting_words() -> frozenset[str]:
    """Words that may stand right before a count: function words, qualifiers, bounds, currency marks."""
    bounds = {w for m in lang.LANGUAGES.values() for words in m.BOUND_BEFORE for w in words.split()}
    marks = {k.rstrip(".") for k in lang.union("CURRENCY_PREFIXES")}
    return lang.union("STOP_WORDS") | lang.union("APPROX_BEFORE") | frozenset(bounds) | frozenset(marks)


def _names_item(text: str, m: re.Match[str], series: frozenset[str]) -> bool:
    """Whether a bare small number names a thing: the n-th of a series the text numbers
    ("Lijn 3"), or the item a cross-reference points to ("de onder 3 genoemde resolutie")."""
    if not re.fullmatch(r"\d{1,2}", m.group("num")) or m.group("sign") or m.group("mult"):
        return False
    word = re.search(r"(?<![\w.,/-])([^\W\d_][\w'-]*)[ \t]+$", text[max(0, m.start("num") - 40) : m.start("num")])
    if word and word.group(1).lower() in series:
        return True
    before = text[max(0, m.start("num") - 40) : m.start("num")]
    for module in lang.LANGUAGES.values():
        ahead, behind = module.ITEM_REFERENCE
        if re.search(ahead, before, re.IGNORECASE) and re.match(behind, text[m.end("num") :], re.IGNORECASE):
            return True
    return False


def quantities_only(text: str, language: str = "nl") -> list[Printed]:
    return [r for r in read_numbers(text, language) if r.kind == Kind.QUANTITY]


def _hyphenable(word: str) -> str:
    """A word that PDF line breaks may have hyphenated anywhere ("ok-tober")."""
    return "-?".join(re.escape(c) for c in word)


@lru_cache(maxsize=1)
def _month_pattern() -> str:
    return "|".join(_hyphenable(m) for m in sorted(lang.union("MONTHS"), key=len, reverse=True))


def _date_spans(text: str) -> list[tuple[int, int]]:
    months = _month_pattern()
    en_months = "january|february|march|april|may|june|july|august|september|october|november|december"
    # "16 juni 1978", also glued or hyphenated by extraction: "16juni1978", "8 ok-tober1979"
    spans = [m.span() for m in re.finditer(
        rf"\b\d{{1,2}}\s*(?:{months})\.?(?:\s*(?:19|20)\d{{2}}|\s+1\s?9\d{{2}})?(?!\w)", text, re.I)]
    spans += [m.span() for m in re.finditer(rf"\b(?:{en_months})\s+\d{{1,2}},?\s+(?:19|20)\d{{2}}\b", text, re.I)]
    spans += [m.span() for m in re.finditer(rf"\b(?:{months}|{en_months})\s+(?:19|20)\d{{2}}\b", text, re.I)]
    spans += [m.span() for m in _DATE_NUMERIC.finditer(text)]
    return sorted(set(spans), key=lambda s: (s[0], -s[1]))


def _cue_before(text: str, start: int) -> str:
    """The word just before a number, lower case ('nr.', 'artikel'), skipping '(' and ':'."""
    m = _WORD_BEFORE.search(text[max(0, start - 40) : start])
    return m.group(1).lower() if m else ""


def _identifier_cue(text: str, start: int) -> bool:
    """Whether an identifier cue governs the number at ``start``: right before it
    ('nr. 40', 'artikel 11.04'), or before a list of numbers it is part of
    ('nrs. 1-2', 'Stb. 2024, 153', 'vragen 2 en 3', 'Kamerstuk 12 600 hoofdstuk V nr. 40')."""
    cues = lang.union("IDENTIFIER_BEFORE")
    cue = _cue_before(text, start)
    if cue in cues or cue.rstrip(".") in cues:
        return True
    end = re.match(r"[\d .,]*", text[start:]).end()  # type: ignore[union-attr]
    if re.match(r"\s*,\s*(?:nrs?|nos?)\b", text[start + end - 1 : start + end + 8], re.I):
        return True  # '19 827,nrs. 1-2': a dossier number before its item numbers
    back = re.search(r"([^\W\d][\w.]*?)\d*\.?,?(?:\s+[IVX]{1,4},?)?\s*((?:\d[\d .]*(?:\s*(?:,|-|–|/|en|and|t/m)\s*)?){0,4})$",
                     text[max(0, start - 60) : start])
    if back and "\n" not in back.group(0):
        word = back.group(1).lower()
        return word in cues or word.rstrip(".") in cues
    return False


def _is_heading(text: str, m: re.Match[str]) -> bool:
    """'1.', '2)' or '3 Bent u …' at the start of a line; 'Antwoord 8', 'Vraag 2 en 3'."""
    line_start = text.rfind("\n", 0, m.start()) + 1
    before = text[line_start : m.start()]
    after = text[m.end() : m.end() + 3]
    plain = not (m.group("cur") or m.group("mult") or m.group("unit") or m.group("sign"))
    short = plain and len(m.group("num")) <= 2
    # one heading may number several answers ("5 en 6 Het ligt …"): read past the list's other numbers
    lead = list_lead().search(before) if short else None
    head = before[: lead.start()] if lead else before
    tail = _list_tail().match(text, m.end()).end() if short else m.end()  # type: ignore[union-attr]
    if not head.strip():
        if not lead and (re.match(r"[.)]\s", after) or re.match(r"[.)]$", after)):
            return True
        if short and re.match(r"[ \t]+[A-ZÀ-Ý]", text[tail : tail + 12]):
            return True
    elif short and re.search(r"[.?!)]\s+$", head) and re.match(r"\s+[A-ZÀ-Ý][a-zà-ÿ]", text[tail : tail + 4]):
        return True  # "… bevestigd. 2 Ja. 3 Los van …": numbered answers run on in OCR text
    if short and _reply().match(text, tail) and re.search(r"(?:^|[\d.?!)\]])\s*$", head):
        return True  # "… Vergaderjaar 1994-1995 1 Ja, …": an answer opens with a reply word
    return any(h.fullmatch(text, line_start, m.end()) for h in qa_headings())


@lru_cache(maxsize=1)
def _list_joiner() -> str:
    return "(?:" + "|".join(module.NUMBER_LIST_JOINERS for module in lang.LANGUAGES.values()) + ")"


@lru_cache(maxsize=1)
def list_lead() -> re.Pattern[str]:
    """Earlier numbers of a list right before a number: the "5 en " of "5 en 6"."""
    return re.compile(rf"(?<![\w.,])(?:\d{{1,2}}[ \t]*{_list_joiner()}[ \t]*)+$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _list_tail() -> re.Pattern[str]:
    """Later numbers of a list right after a number: the " en 6" of "5 en 6"."""
    return re.compile(rf"(?:[ \t]*{_list_joiner()}[ \t]*\d{{1,2}}(?![\w.,]\w))*", re.IGNORECASE)


@lru_cache(maxsize=1)
def _reply() -> re.Pattern[str]:
    """A capitalised reply word and its punctuation: " Ja,", " Nee."."""
    words = "|".join(re.escape(w.capitalize()) for w in lang.union("REPLY_WORDS"))
    return re.compile(rf"[ \t]+(?:{words})[,.;!]")


def _classify(text: str, m: re.Match[str], language: str, series: frozenset[str] = frozenset()) -> Printed | None:
    from qa_bot.read.numbers import parse_number

    raw = m.group("num")
    cur = (m.group("cur") or "").lower().rstrip(".")
    mult = (m.group("mult") or "").lower().rstrip(".")
    unit_word = (m.group("unit") or "").lower()
    start, end = m.start(), m.end()
    if not cur:
        start = m.start("sign") if m.group("sign") else m.start("num")
    if _is_heading(text, m):
        return Printed(Kind.HEADING, raw, m.start("num"), m.end("num"))
    if not cur and not unit_word and _identifier_cue(text, m.start("num")):
        end = m.end("num")
        roman = _ROMAN.match(text, end)
        return Printed(Kind.IDENTIFIER, text[m.start("num") : roman.end() if roman else end], m.start("num"),
                       roman.end() if roman else end)  # fmt: skip
    if not cur and not unit_word and _names_item(text, m, series):
        return Printed(Kind.IDENTIFIER, raw, m.start("num"), m.end("num"))
    nxt = text[m.end("num") : m.end("num") + 1]
    after_nxt = text[m.end("num") + 1 : m.end("num") + 2]
    if not cur and not mult and not unit_word and nxt.isalpha() and (nxt.isupper() or not after_nxt.isalpha()):
        return Printed(Kind.IDENTIFIER, raw + nxt, m.start("num"), m.end("num") + 1)  # "910259F", "132b", "3e"
    if not cur and not mult and not unit_word and _ROMAN.match(text, m.end("num")) and " " in raw:
        return Printed(Kind.IDENTIFIER, raw, m.start("num"), m.end("num"))  # a dossier: "36 410 VIII"
    try:
        value = parse_number(raw.replace("\u00a0", " ").replace(" ", ""), language)
    except ValueError:
        return None
    digits_only = re.fullmatch(r"\d{4}|1 9\d\d", raw) is not None  # "1 989": an OCR'd year
    if digits_only and not cur and not mult and not unit_word and 1800 <= value <= 2100:
        from qa_bot.read.numbers import _reads_as_year, _words_after

        if (_reads_as_year(_cue_before(text, m.start()), _words_after(text, m.end(), 3))
                or re.match(r"\s*[,;:).]|\s*[€ƒ]\s?[-−+]?\d", text[m.end() : m.end() + 6])
                or _YEAR_NEIGHBOUR_AFTER.match(text, m.end()) or _YEAR_NEIGHBOUR_BEFORE.search(text[max(0, m.start() - 12) : m.start()])):
            return Printed(Kind.YEAR, raw, m.start("num"), m.end("num"))
    currencies = {**lang.nl.CURRENCY_PREFIXES, **lang.en.CURRENCY_PREFIXES}
    words = {**lang.nl.CURRENCY_WORDS, **lang.en.CURRENCY_WORDS}
    unit = currencies.get(cur, "") or currencies.get(cur + ".", "")
    if unit_word:
        unit = _unit_of_word(unit_word) or unit or "euro"
    scales = {**lang.nl.SCALE_WORDS, **lang.en.SCALE_WORDS}
    scale = scales.get(mult, 1.0)
    if mult in lang.union("OCR_SCALE_WORDS"):
        near = text[max(0, m.start() - 80) : m.end() + 30].lower()
        if not (cur or unit in ("gulden", "euro") or any(re.search(rf"(?<!\w){re.escape(w)}", near)
                                                          for w in lang.union("MONEY_NOUNS"))):
            # "30 min." are minutes: the number stands, the word is no scale
            return _quantity(text, m.start("num"), m.end("num"), value, "", 1.0, bool(m.group("sign")))
        scale = 1e6
    if not unit:
        after = _next_word(text, m.end())
        unit = words.get(after, "")
    negative = (m.group("sign") or "").strip() in ("-", "−") and (bool(cur) or not _range_before(text, m.start(), value))
    if m.group("sign") and not negative:
        start = m.start("num")  # "550.000 -600.000": a range, not a negative number
    cell_sign = _CELL_MINUS.search(text, max(0, m.start() - 6), m.start()) if not (cur or m.group("sign")) else None
    if cell_sign:
        negative, start = True, cell_sign.start(1)  # "| — 28 000 |", OCR'd "| _ 4 000 |": a minus in a table
    return _quantity(text, start, end, round(value * scale, 6), unit, scale, negative)


def _range_before(text: str, start: int, value: float) -> bool:
    """Whether the '-' before a number closes a range ("550.000 -600.000") rather than signs
    it: a range starts on the same line with an unsigned, smaller number. In a row of figures
    ("-97.511 -97.511", "12 -3") the dash is a minus."""
    from qa_bot.read.numbers import parse_number

    m = re.search(r"(?<![\d.,])([-−]?)[ \t]?(\d[\d.,]*)[ \t]*$", text[max(0, start - 24) : start])
    if not m or m.group(1):
        return False
    try:
        first = parse_number(m.group(2).rstrip(".,"))
    except ValueError:
        return False
    return first < value


def _quantity(text: str, start: int, end: int, value: float, unit: str, scale: float, negative: bool) -> Printed:
    before = text[max(0, start - 30) : start].lower()
    approx = any(re.search(rf"(?<![\w]){re.escape(w)}\s*$", before) for w in lang.union("APPROX_BEFORE"))
    bound = ""
    for module in lang.LANGUAGES.values():
        for words, kind in module.BOUND_BEFORE.items():
            if re.search(rf"(?<![\w]){re.escape(words)}\s*$", before):
                bound = kind
    printed = text[start:end].rstrip()
    return Printed(Kind.QUANTITY, printed, start, start + len(printed), value=-value if negative else value,
                   unit=unit, scale=scale, approx=approx, bound=bound, negative=negative)  # fmt: skip


def _next_word(text: str, end: int) -> str:
    m = re.match(r"\s*([^\W\d][\w]*)", text[end : end + 30])
    return m.group(1).lower() if m else ""


def _unit_of_word(word: str) -> str:
    """The unit a word after a number names: "procent" → %, "procentpunt" → pp, "gulden"."""
    if word in ("%", "procent", "percent"):
        return "%"
    if word in lang.union("POINT_WORDS"):
        return "pp"
    return {**lang.nl.CURRENCY_WORDS, **lang.en.CURRENCY_WORDS}.get(word, "")


def _word_quantity(text: str, m: re.Match[str]) -> Printed | None:
    """'vijftig miljoen gulden', 'drie leegstaande woningen', 'één opleiding'; 'een' alone is an article."""
    from text_to_num import text2num

    run = m.group("run")
    article = m.group("article")
    if run.lower() in lang.union("ARTICLE_ONE"):
        return None
    language = "nl" if re.fullmatch(f"(?:{lang.nl.NUMBER_WORD_STEMS}|en|ën|-|\\s)+", run, re.I) else "en"
    spoken = f"{article} {run}" if article else run
    try:
        digits = str(text2num(re.sub(r"\s+", " ", spoken.lower()), language))
    except ValueError:
        return None
    unit = _unit_of_word((m.group("unit") or "").lower())
    item = _quantity(text, m.start(), m.end(), float(digits), unit, 1.0, False)
    return Printed(item.kind, item.text, item.start, item.end, item.value, item.unit, 1.0, item.approx, item.bound,
                   words=True)  # fmt: skip


def _ranges(text: str, items: list[Printed]) -> list[Printed]:
    """'550.000 -600.000 m3', '30–45 mln. euro', 'tussen 10 en 14': the first end takes the
    second's scale and unit, and both are marked as a range's ends."""
    out = list(items)
    for i in range(len(out) - 1):
        a, b = out[i], out[i + 1]
        if a.kind != Kind.QUANTITY or b.kind != Kind.QUANTITY:
            continue
        gap = text[a.end : b.start]
        coordinated = re.fullmatch(r"\s+(?:en|and)\s+", gap) is not None
        between = coordinated and re.search(r"(?:tussen|between)\s+(?:de\s+)?$", text[max(0, a.start - 15) : a.start])
        if not (re.fullmatch(r"\s*[-–]\s*|\s+(?:tot|à|a|to)\s+", gap) or coordinated):
            continue
        if coordinated and (a.unit or a.scale != 1.0) and not between:
            continue  # "2 en 1,5 graden" shares; "f 2 min. en 3 scholen" does not; "tussen 60% en 100%" is a range
        scale, unit = a.scale, a.unit
        if a.scale == 1.0 and b.scale != 1.0 and a.value is not None:
            scale = b.scale
        if not unit:
            unit = b.unit
        value = (a.value or 0.0) * (scale / a.scale)
        ends = ("from", "to") if not coordinated or between else (a.bound, b.bound)
        out[i] = Printed(a.kind, a.text, a.start, a.end, value, unit, scale, a.approx, ends[0], a.negative, a.words)
        out[i + 1] = Printed(b.kind, b.text, b.start, b.end, b.value, b.unit, b.scale, b.approx, ends[1], b.negative,
                             b.words)  # fmt: skip
    return out
