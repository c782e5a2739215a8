"""Tables: found in text (pipe, tab-separated, space-aligned and flattened PDF lines: see
:mod:`.linetables`), read from CSV and from PDF cells, parsed into :class:`~qa_bot.types.Table`,
rendered back as text.

A cell keeps its printed text and gets a value in base units: ``€ 14.862.300`` is
14862300 euro, ``14,5`` in a table "in miljoen euro" is 14 500 000 euro, ``12,4 a)`` is
12.4 with footnote ``a``, and ``n.b.``, ``–`` or ``:`` are missing (never 0). Inside a
table, ``268 171`` is two cells, never one number.

Rendering puts one row per line with `` | `` between cells, under the caption and the
header, so that a table is cited as printed and never cut inside a row.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from qa_bot import lang
from qa_bot.read.linetables import captions_below, line_block
from qa_bot.read.numbers import parse_number
from qa_bot.types import Cell, Table

SEPARATOR = " | "

_CAPTION = re.compile(r"^\s*(?:#+\s*)?\**\s*(" + "|".join(m.CAPTION for m in lang.LANGUAGES.values()) + r")", re.I)
_FOOTNOTE = re.compile("|".join(m.FOOTNOTE_LINE for m in lang.LANGUAGES.values()), re.I)
_MISSING = lang.union("MISSING_CELLS")
_TOTAL = lang.union("TOTAL_ROW")
_INDEX = lang.union("INDEX_HEADERS")
_CELL_NUMBER = re.compile(
    r"^(?P<sign>[+\-−–—]?|_(?=\s*\d))\s*(?P<cur>€)?\s*(?P<num>\d[\d.,\u00a0\u202f]*)\s*(?P<unit>%|€|euro\b|eur\b|procent\b)?"
    r"\s*(?:(?P<mark>[a-z])\)|(?P<flag>[a-z])|(?P<stars>\*+))?$",
    re.I,
)
_SPACED = re.compile(r"^([+\-−–—_]?\s*(?:€\s*)?)(\d{1,3}(?: \d{3})+)(?=(?:,\d+)?\s*(?:%|€|euro)?$)", re.I)
_MISSING_NOTE = re.compile(r"^(?P<m>n\.?b\.?|n\.v\.t\.?|n/a|[–—\-:x]|\.\.\.?)\s*(?:(?P<mark>[a-z])\))?$", re.I)
_ALIGNED_GAP = re.compile(r"\S+(?: \S+)*")  # fields separated by two or more spaces
_RULE = re.compile(r"^[\s\-=_|:+]+$")
_THOUSANDS = re.compile(r"\b(?:in|x)\s+(?:€\s*)?(?:" + "|".join(  # "(in duizend euro)", "in € dz"
    w for m in lang.LANGUAGES.values() for w, v in m.SCALE_WORDS.items() if v == 1e3) + r")\b")


# ---------------------------------------------------------------- cells


def parse_cell(raw: str, unit: str = "", scale: float = 1.0, decimal: str = "nl", spaced: bool = False) -> Cell:
    """A cell from its printed text; ``unit`` and ``scale`` come from the column or caption.
    ``spaced``: the table draws its cell borders (pipes, tabs, a CSV, a PDF grid), so a space
    inside a cell groups thousands ("48 220 000", "— 63 000"); in a table found by its layout
    alone a space may separate two cells, and such a cell stays text."""
    text = re.sub(r"\s+", " ", raw.replace("**", "").replace("__", "")).strip()
    if not text:
        return Cell("", missing=True)
    missing = _MISSING_NOTE.match(text)
    if missing or text.lower() in _MISSING:
        return Cell(text, missing=True, note=(missing.group("mark") or "") if missing else "")
    match = _CELL_NUMBER.match(text)
    if not match and spaced:
        grouped = _SPLIT_GROUP.sub(_join_split_group, text)  # OCR's "1 27 503 000" is 127 503 000
        if _SPACED.match(grouped):
            match = _CELL_NUMBER.match(_SPACED.sub(lambda m: m.group(1) + m.group(2).replace(" ", ""), grouped))
    if not match:
        return Cell(text)
    try:
        number = parse_number(match.group("num").replace("\u00a0", "").replace("\u202f", ""), decimal)
    except ValueError:
        return Cell(text)
    if match.group("sign") in ("-", "−", "–", "—", "_"):  # "_ 4 000": OCR's minus
        number = -number
    own = match.group("unit") or match.group("cur")
    cell_unit = ("%" if own.lower() in ("%", "procent") else "euro") if own else unit
    note = match.group("mark") or match.group("flag") or match.group("stars") or ""
    cell_scale = scale if cell_unit == unit else 1.0
    return Cell(text, value=number * cell_scale, unit=cell_unit, note=note, scale=cell_scale)


_SPLIT_GROUP = re.compile(r"^([+\-−–—_]?\s*(?:€\s*)?)(\d{1,2}) (\d{1,2})(?=(?: \d{3})+(?:,\d+)?$)")


def _join_split_group(m: re.Match[str]) -> str:
    """The leading group of a spaced number that OCR split in two ("1 27" of "1 27 503 000"), joined
    when the two parts make one group of at most three digits; else the text as printed."""
    head = m.group(2) + m.group(3)
    return m.group(1) + head if len(head) <= 3 else m.group(0)


def column_unit(header: str, caption: str = "") -> tuple[str, float]:
    """Unit and scale a header or caption gives its numbers: '(%)', 'in miljoen euro', 'pct'."""
    for text in (header, caption):
        lower = text.lower()
        scale = 1e9 if "miljard" in lower or "billion" in lower else 1e6 if "miljoen" in lower or "million" in lower else \
            1e3 if _THOUSANDS.search(lower) else 1.0
        money = re.search(r"\beuro\b|\beur\b|€", lower)
        if re.search(r"%|\bpct\b|_pct\b|\bprocent\b|\bpercent\b|\(in %\)", lower) and not (text is caption and money):
            return "%", 1.0  # a caption "in € dz en %": the amounts are euro, a percentage prints its %
        if money:
            return "euro", scale
        # A header that names its own unit ("(km)", "Aantal") decides; the caption does not.
        if text is header and header and re.search(r"\((?:km|aantal|n|dagen|jaar)\)", lower):
            return "", 1.0
    return "", 1.0


def decimal_convention(cells: Iterable[str]) -> str:
    """'nl' (63,4 and 5.171) or 'en' (63.4 and 5,171) for the numbers of one table."""
    dutch = english = 0
    for text in cells:
        if re.search(r"\d,\d{1,2}(?!\d)|\d\.\d{3}(?![\d,])", text):
            dutch += 1
        if re.search(r"(?<![\d.])\d{1,3}\.\d{1,2}(?![\d.])|\d,\d{3}(?![\d,])", text):
            english += 1
    return "en" if english > dutch else "nl"


# ---------------------------------------------------------------- building


def build_table(
    header_rows: Sequence[Sequence[str]],
    body: Sequence[Sequence[str]],
    caption: str = "",
    notes: Sequence[str] = (),
    page: int | None = None,
    descriptions: dict[str, str] | None = None,
    require_numbers: bool = True,
    spaced: bool = True,
) -> Table | None:
    """A :class:`Table` from raw header rows and body rows (strings), or None if it is no table.

    Text found by layout alone must hold numbers to count as a table (``require_numbers``);
    a drawn PDF table or a CSV file is a table whatever it holds."""
    width = max([len(r) for r in header_rows] + [len(r) for r in body], default=0)
    if width < 2 or not body:
        return None
    header = _merge_header([list(r) + [""] * (width - len(r)) for r in header_rows], width)
    if descriptions:
        header = [f"{h} ({descriptions[h]})" if descriptions.get(h) else h for h in header]
    body = [list(r) + [""] * (width - len(r)) for r in body]
    decimal = decimal_convention(c for r in body for c in r)
    units = [column_unit(h, caption) for h in header]
    rows = [tuple(parse_cell(c, *units[i], decimal=decimal, spaced=spaced) for i, c in enumerate(r)) for r in body]
    labels = _label_columns(header, rows) or [0]
    if not require_numbers:
        labels = labels if len(labels) < width else [0]
    elif all(c in labels for c in range(width)):
        return None
    if require_numbers and not any(cell.is_number or cell.missing for row in rows for i, cell in enumerate(row) if i not in labels):
        return None
    table = Table(caption=caption, header=tuple(header), rows=tuple(rows), label_columns=tuple(labels),
                  notes=tuple(n for n in notes if n.strip()), page=page)  # fmt: skip
    return replace(table, total_rows=tuple(_total_rows(table)))


def _merge_header(rows: list[list[str]], width: int) -> list[str]:
    """One header per column: stacked header rows are joined ('Score' over '2024' → 'Score 2024')."""
    if not rows:
        return [""] * width
    merged = []
    for col in range(width):
        parts = [re.sub(r"\s+", " ", r[col].replace("**", "")).strip() for r in rows if r[col].strip()]
        merged.append(" ".join(parts))
    return merged


def _is_index_column(header: str, cells: list[Cell]) -> bool:
    """'Nr', 'Rang 2024': running numbers, not values; they do not name the row either."""
    words = header.lower().split()
    return bool(words) and words[0].strip(".") in {h.strip(".") for h in _INDEX}


def _label_columns(header: list[str], rows: list[tuple[Cell, ...]]) -> list[int]:
    """The leading text columns name a row; an index column ('Nr', 'Rang') is skipped."""
    labels: list[int] = []
    for col in range(len(header)):
        cells = [r[col] for r in rows]
        texty = sum(1 for c in cells if c.text and not c.is_number and not c.missing)
        if _is_index_column(header[col], cells):
            continue
        if texty >= max(1, len(cells) // 2) or (col == 0 and _years_like(cells)):
            labels.append(col)
            continue
        break
    return labels


def _years_like(cells: list[Cell]) -> bool:
    """Rows named by a year or school year ('2019', '2022-2023')."""
    return all(re.fullmatch(r"(?:19|20)\d{2}(?:\s*[-–/]\s*(?:19|20)?\d{2})?(?:\s*\(.*\))?", c.text) for c in cells if c.text)


def _total_rows(table: Table) -> list[int]:
    """Rows labelled as a total, or whose every value is the sum of the other rows above it."""
    totals = []
    for r in range(len(table.rows)):
        first = table.label(r).lower().split(" — ")[0]
        words = re.findall(r"[^\W\d_]+", first)
        if words and (words[0] in _TOTAL or (len(words) <= 2 and any(w in _TOTAL for w in words))):
            totals.append(r)
    if totals:
        return totals
    last = len(table.rows) - 1
    columns = [c for c in table.value_columns() if all(row[c].is_number for row in table.rows)]
    if last >= 2 and columns and all(table.rows[last][c].unit != "%" for c in columns):
        sums_match = all(
            abs(sum(table.rows[r][c].value or 0.0 for r in range(last)) - (table.rows[last][c].value or 0.0))
            <= 0.005 * abs(table.rows[last][c].value or 1.0) + 0.05
            for c in columns
        )
        if sums_match:
            return [last]
    return []


# ---------------------------------------------------------------- finding tables in text


def is_caption(line: str) -> bool:
    return bool(_CAPTION.match(line))


def is_footnote(line: str) -> bool:
    return bool(_FOOTNOTE.match(line.strip()))


def clean_caption(line: str) -> str:
    return re.sub(r"\s+", " ", line.replace("**", "").replace("__", "").lstrip("#").strip().strip("*_")).strip()


def _pipe_cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [c.strip() for c in inner.split("|")]


def _aligned_fields(line: str) -> list[tuple[int, int, str]]:
    """Fields of a space-aligned line with their character spans (two or more spaces apart)."""
    fields = []
    for match in re.finditer(r"\S+(?: \S+)*", line.replace("\t", "    ")):
        fields.append((match.start(), match.end(), match.group(0)))
    return fields


def _numeric(field: str) -> bool:
    return bool(_CELL_NUMBER.match(field.strip()) or _MISSING_NOTE.match(field.strip()))


class _Block:
    def __init__(self, kind: str, first: int, last: int, header: list[list[str]], body: list[list[str]]) -> None:
        self.kind, self.first, self.last, self.header, self.body = kind, first, last, header, body


def _pipe_block(lines: list[str], i: int) -> _Block | None:
    j = i
    while j < len(lines) and lines[j].strip().startswith("|"):
        j += 1
    block = lines[i:j]
    if len(block) < 3:
        return None
    rule = next((k for k, ln in enumerate(block) if re.fullmatch(r"\s*\|?\s*:?-{2,}.*", ln) and _RULE.match(ln)), -1)
    if rule < 1:
        return None
    header = [_pipe_cells(ln) for ln in block[:rule]]
    body = [_pipe_cells(ln) for ln in block[rule + 1 :] if not _RULE.match(ln)]
    return _Block("pipe", i, j - 1, header, body)


def _tab_block(lines: list[str], i: int) -> _Block | None:
    j = i
    while j < len(lines) and "\t" in lines[j]:
        j += 1
    if j - i < 2:
        return None
    rows = [[c.strip() for c in ln.split("\t")] for ln in lines[i:j]]
    return _Block("tab", i, j - 1, rows[:1], rows[1:])


def _aligned_block(lines: list[str], i: int) -> _Block | None:
    """Consecutive lines whose fields sit in columns (two or more spaces apart), with numbers."""
    j = i
    while j < len(lines) and lines[j].strip() and (len(_aligned_fields(lines[j])) >= 2 or _RULE.match(lines[j])):
        j += 1
    block = [ln for ln in lines[i:j] if not _RULE.match(ln)]
    if len(block) < 3:
        return None
    head = _aligned_fields(block[0])
    data = [_aligned_fields(ln) for ln in block[1:]]
    numeric_rows = sum(1 for fields in data if any(_numeric(f[2]) for f in fields[1:]))
    if numeric_rows < max(2, len(data) // 2) or len(head) < 2:
        return None
    spans = [(a, b) for a, b, _ in head]
    body = [_assign(fields, spans) for fields in data]
    return _Block("aligned", i, j - 1, [[h for _, _, h in head]], body)


def _assign(fields: list[tuple[int, int, str]], spans: list[tuple[int, int]]) -> list[str]:
    """Put each field under the header column it overlaps most (or lies nearest to)."""
    out = [""] * len(spans)
    if len(fields) == len(spans):
        return [f[2] for f in fields]
    for a, b, text in fields:

        def distance(span: tuple[int, int], a: int = a, b: int = b) -> float:
            overlap = min(b, span[1]) - max(a, span[0])
            return -overlap if overlap > 0 else min(abs(a - span[1]), abs(span[0] - b)) + 0.5

        col = min(range(len(spans)), key=lambda k: distance(spans[k]))
        out[col] = (out[col] + " " + text).strip()
    return out


def find_tables(text: str, page: int | None = None) -> list[tuple[int, int, Table]]:
    """Tables in ``text`` as ``(start, end, table)``: character offsets of the whole block
    (caption and footnotes included) and the parsed table."""
    lines = text.split("\n")
    offsets = []
    pos = 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    found: list[tuple[int, int, Table]] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        block = None
        if line.strip().startswith("|"):
            block = _pipe_block(lines, i)
        elif "\t" in line:
            block = _tab_block(lines, i)
        elif len(_aligned_fields(line)) >= 2:
            block = _aligned_block(lines, i)
        if block is None and (flat := line_block(lines, i, lambda ln: is_caption(ln) or is_footnote(ln))):
            block = _Block("lines", flat.first, flat.last, [flat.header], flat.body)
        if block is None:
            i += 1
            continue
        below = block.kind == "lines" and captions_below(lines, is_caption)  # a PDF's caption under its table
        first, caption = (block.first, "") if below else _caption_above(lines, block.first)
        last, notes = _notes_below(lines, block.last)
        if below and last + 1 < len(lines) and is_caption(lines[last + 1]):
            last, caption = last + 1, clean_caption(lines[last + 1])
        table = build_table(block.header, block.body, caption, notes, page, require_numbers=block.kind != "pipe",
                            spaced=block.kind != "aligned")  # fmt: skip
        if table is None:
            i = block.last + 1
            continue
        found.append((offsets[first], offsets[last] + len(lines[last]), table))
        i = last + 1
    return found


def caption_above(lines: list[str]) -> tuple[int, str]:
    """The caption among the last three lines above a table ('Tabel 4: … per land, oproep'
    may wrap onto the next line, and a subtitle may follow it): its index and text."""
    for back in range(1, min(3, len(lines)) + 1):
        k = len(lines) - back
        if is_caption(lines[k]):
            text = " ".join(ln.strip() for ln in lines[k:] if ln.strip())
            return k, clean_caption(text)
    return len(lines), ""


def _caption_above(lines: list[str], first: int) -> tuple[int, str]:
    k = first
    while k > 0 and not lines[k - 1].strip() and first - k < 2:
        k -= 1
    above = lines[max(0, k - 3) : k]
    index, caption = caption_above(above)
    if not caption:
        return first, ""
    return k - len(above) + index, caption


def _notes_below(lines: list[str], last: int) -> tuple[int, list[str]]:
    """Footnotes ('a) voorlopig cijfer', 'n.b. = …', 'Bron: …') right under a table."""
    notes: list[str] = []
    k = last + 1
    end = last
    while k < len(lines):
        line = lines[k].strip()
        if not line:
            if notes or k - end <= 1:
                k += 1
                continue
            break
        if is_footnote(line) or re.match(r"^\*[^*].*\*$", line):
            notes.append(line.strip("*_ "))
            end = k
            k += 1
            continue
        break
    return end, notes


# ---------------------------------------------------------------- rendering


def render(table: Table) -> str:
    """Caption, header and rows, one line each, cells as printed, then the notes."""
    lines = [table.caption] if table.caption else []
    lines.append(SEPARATOR.join(h or "–" for h in table.header))
    lines += [SEPARATOR.join(c.text or "" for c in row) for row in table.rows]
    lines += list(table.notes)
    return "\n".join(lines)


def row_line_offsets(table: Table) -> list[tuple[int, int]]:
    """Offsets of each row's line inside :func:`render` output."""
    text = render(table)
    lines = text.split("\n")
    first = (1 if table.caption else 0) + 1
    out = []
    pos = sum(len(ln) + 1 for ln in lines[:first])
    for line in lines[first : first + len(table.rows)]:
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def row_text(table: Table, row: int, title: str = "") -> str:
    """One row as a searchable unit: 'caption — label — header: value; header: value'."""
    cells = table.rows[row]
    values = "; ".join(
        f"{table.header[c]}: {cells[c].text}" for c in table.value_columns() if c < len(cells) and cells[c].text
    )
    parts = [p for p in (table.caption or title, table.label(row), values) if p]
    return " — ".join(parts)
