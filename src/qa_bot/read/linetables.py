"""Tables that PDF extraction flattened to one line per row, values single-spaced at the end:

    VAK VEK
    Uitbreiding netto-beleidsruimte 2.442.984 2.261.779
    Extra maatregelen BO 2026 1.415.741 1.500.741
    Ingrijpen op uitgaven en subsidies
    Subsidies en efficiënte overheid 350.000 350.000
    Tabel 2-1: Uitbreiding netto-beleidsruimte (in duizend euro)

A block is a header line that names the value columns ("VAK VEK", "BA 2025 BO 2026",
"2025 2026 2027") followed by at least three rows whose last ``k`` tokens are numbers. The
number of columns comes from the header's years or from the most common count of trailing
numbers; a year inside a label ("BO 2026") stays in the label. A label that wraps onto the
next line ("Saldo voor onderbenut-" / "ting en ESR-correcties -4.403.547 …") or that stands
alone above its numbers is joined; a label line with no numbers of its own heads a section
(a row without values); formula lines ("(3)=(2)-(1)") and footnotes inside the block are
skipped. A row with fewer numbers than columns cannot be placed: its numbers stay in its
label, never guessed into a column.

Lines that write thousands with spaces ("f 1 211 000") are never read this way: there a
space does not separate cells.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

_VALUE = re.compile(r"^[+\-−–]?€?\d(?:[\d.,]*\d)?%?$")
_YEAR = re.compile(r"^(?:19|20)\d{2}$")
_LEADER = re.compile(r"\.{4,}|…{2,}")
_FORMULA = re.compile(r"^\s*(?:\(\d+\)\s*)+(?:=.*)?$")
_SPACE_THOUSANDS = re.compile(r"(?<![\d.,])\d{1,3} \d{3}(?![\d])")
MIN_ROWS = 3
MAX_LABEL_LINES = 2  # label-only lines in a row before the block ends
MAX_LABEL_WORDS = 10  # a longer line ending in a number is wrapped prose ("… in de periode 2025")


@dataclass(frozen=True)
class LineBlock:
    first: int  # the header line
    last: int  # the last row line
    header: list[str]  # the label column's header, then one per value column
    body: list[list[str]]


def _trailing(tokens: list[str]) -> int:
    """How many tokens at the end are numbers of one kind (all percentages or none)."""
    if not tokens or not _VALUE.match(tokens[-1]):
        return 0
    percent = tokens[-1].endswith("%")
    n = 0
    for token in reversed(tokens):
        if not _VALUE.match(token) or token.endswith("%") != percent:
            break
        n += 1
    return n


def _year_header(tokens: list[str]) -> int:
    """The number of years that end a header line ('Economische groei (bbp) 2025 2026 2027')."""
    n = 0
    for token in reversed(tokens):
        if not _YEAR.match(token):
            break
        n += 1
    years = [int(t) for t in tokens[len(tokens) - n :]]
    return n if n >= 2 and years == sorted(years) and len(set(years)) == n else 0


def _row_numbers(tokens: list[str]) -> int:
    """How many numbers end a table row (0: not a row): a short label, numbers that are not
    all years, and no space-written thousands."""
    n = _trailing(tokens)
    if not n or _year_header(tokens) or len(tokens) - n > MAX_LABEL_WORDS:
        return 0
    if all(_YEAR.match(t) for t in tokens[len(tokens) - n :]):
        return 0
    return n


def _is_value_line(line: str) -> bool:
    return _row_numbers(line.split()) > 0 and not _SPACE_THOUSANDS.search(line) and not _LEADER.search(line)


def _header_units(tokens: list[str]) -> list[str]:
    """A header line's tokens in column headers: a year keeps the name before it ('BA 2025',
    'SERV 2026'), a dash joins two names ('BO - BA')."""
    units: list[str] = []
    k = len(tokens) - 1
    while k >= 0:
        token = tokens[k]
        if _YEAR.match(token) and k > 0 and tokens[k - 1][:1].isupper() and not _YEAR.match(tokens[k - 1]):
            units.insert(0, f"{tokens[k - 1]} {token}")
            k -= 2
        elif k > 1 and tokens[k - 1] in ("-", "–") and token[:1].isupper() and tokens[k - 2][:1].isupper():
            units.insert(0, f"{tokens[k - 2]} - {token}")
            k -= 3
        else:
            units.insert(0, token)
            k -= 1
    return units


def _header_columns(tokens: list[str], k: int) -> list[str] | None:
    """The label column's header and ``k`` value headers from a header line, or None when its
    last ``k`` units are not column names ('VAK', 'BA 2025', '2026') but the end of a sentence."""
    years = _year_header(tokens)
    if years >= 2 and years == k:
        label, columns = tokens[: len(tokens) - k], tokens[len(tokens) - k :]
    else:
        units = _header_units(tokens)
        if len(units) < k:
            return None
        words = len(" ".join(units[len(units) - k :]).split())
        label, columns = tokens[: len(tokens) - words], units[len(units) - k :]
    if not all(c[:1].isupper() or c[:1].isdigit() for c in columns) or len(label) > MAX_LABEL_WORDS:
        return None
    return [" ".join(label)] + list(columns)


def _sentence(line: str) -> bool:
    return line.rstrip().endswith(".") and len(line.split()) >= 5


def line_block(lines: list[str], i: int, is_stop: Callable[[str], bool] | None = None) -> LineBlock | None:
    """The table whose header is ``lines[i]``, or None. ``is_stop(line)`` ends a block
    (a caption or footnote line)."""
    head = lines[i].strip()
    head_tokens = head.split()
    if not head_tokens or _is_value_line(head) or _SPACE_THOUSANDS.search(head) or head.endswith((".", ",", ":", ";")) \
            or i + 1 >= len(lines) or not _is_value_line(lines[i + 1].strip()):
        return None  # a header is a short line right above the first row
    rows: list[tuple[str, list[str]]] = []  # (label, trailing numbers)
    pending: list[str] = []
    j = i + 1
    loose = 0
    last = i
    while j < len(lines):
        line = lines[j].strip()
        if not line or (is_stop is not None and is_stop(line)) or _SPACE_THOUSANDS.search(line):
            break
        tokens = line.split()
        if _LEADER.search(line):
            break  # a table of contents ('3.1 Totale Middelen ........ 6')
        n = _row_numbers(tokens)
        if _FORMULA.match(line) or (n == 0 and _sentence(line)):
            loose += 1
        elif n:
            label_tokens = tokens[: len(tokens) - n]
            label = " ".join(pending + label_tokens) if (pending and _continues(pending[-1], label_tokens)) else None
            if label is None:
                rows += [(p, []) for p in pending]
                label = " ".join(label_tokens)
            if not label:
                break  # numbers without a label: a chart's axis, not a row
            rows.append((_dehyphenate(label), tokens[len(tokens) - n :]))
            pending, loose, last = [], 0, j
        else:
            if _trailing(tokens) or len(pending) >= MAX_LABEL_LINES:
                break
            pending.append(line)
            loose = 0
        if loose > MAX_LABEL_LINES:
            break
        j += 1
    valued = [numbers for _, numbers in rows if numbers]
    if len(valued) < MIN_ROWS:
        return None
    k = _year_header(head_tokens) or Counter(len(v) for v in valued).most_common(1)[0][0]
    header = _header_columns(head_tokens, k)
    if header is None or sum(1 for v in valued if len(v) >= k) < MIN_ROWS:
        return None
    pages = [int(v[-1]) for v in valued if re.fullmatch(r"\d+", v[-1])]
    if k == 1 and len(pages) == len(valued) and pages == sorted(pages):
        return None  # page numbers counting up: a table of contents
    body = []
    for label, numbers in rows:
        if len(numbers) > k:  # a number in the label ('Extra maatregelen BO 2026')
            label, numbers = f"{label} {' '.join(numbers[: len(numbers) - k])}".strip(), numbers[len(numbers) - k :]
        # a row that cannot be placed keeps its numbers in its label: nothing printed is lost
        body.append([label] + numbers if len(numbers) == k else [" ".join([label] + numbers)] + [""] * k)
    return LineBlock(i, last, header, body)


def captions_below(lines: list[str], is_caption: Callable[[str], bool]) -> bool:
    """Whether this text puts captions under its flattened tables (a PDF's "Tabel 4-1: …" after
    the last row) rather than above them: counted over the captions whose place is clear, a
    row on one side and prose on the other."""
    above = below = 0
    for c, line in enumerate(lines):
        if not is_caption(line) or c == 0 or c + 1 >= len(lines) or _LEADER.search(line) or _trailing(line.split()):
            continue  # not a caption, or an entry in a list of tables ('Tabel 1: … 11')
        wrapped = c + 2 < len(lines) and not _is_value_line(lines[c + 1].strip())  # a caption on two lines
        row_before = _is_value_line(lines[c - 1].strip())
        table_after = line_block(lines, c + 1) is not None or (wrapped and line_block(lines, c + 2) is not None)
        above += table_after and not row_before
        below += row_before and not table_after
    return below > above


def _continues(previous: str, label_tokens: list[str]) -> bool:
    """A label line that goes on in the next row ('… Landbouw en' / 'Sociale Economie 6.146.716'),
    or a label that stands alone above its numbers ('Vorderingensaldo' / '-2.820.221 …')."""
    if not label_tokens:
        return True
    return previous.endswith(("-", ",")) or previous.split()[-1].islower() and len(previous.split()[-1]) <= 3 \
        or label_tokens[0][:1].islower()


def _dehyphenate(label: str) -> str:
    return re.sub(r"(\w)- (\w)", lambda m: m.group(1) + m.group(2) if m.group(2).islower() else m.group(0), label)
