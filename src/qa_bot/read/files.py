"""Files → :class:`Document`: plain text, Markdown, PDF and CSV, with their tables.

A file that cannot be read becomes a :class:`DocumentError` in the result, named
with its reason, and the rest of the corpus is read as usual.

Metadata per document comes from ``NAME.meta.json`` beside the file or YAML front
matter (``---`` block) at the top of a text file: title, doc_type, number, date,
asked_by, minister, url. Without a title, the first line is the title.

Tables are found before the prose is cleaned (cleaning joins wrapped lines and would
flatten them): pipe tables in Markdown, tab-separated or space-aligned columns in text,
drawn tables in PDFs (pdfplumber: cells with their borders, continued over page breaks),
and CSV files (the sidecar title is the caption; a companion text that lists the column
names, e.g. ``NAME_toelichting.md``, describes the columns). Each table is rendered into
``Document.text`` as one block (see :func:`qa_bot.read.tables.render`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path

from qa_bot import lang
from qa_bot.errors import DocumentError
from qa_bot.read.normalise import repair
from qa_bot.read.tablecells import table_from_csv, tables_from_cells
from qa_bot.read.tables import caption_above, find_tables, is_footnote, render
from qa_bot.read.text import detect_language
from qa_bot.types import Document, Page, Table

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".md", ".pdf", ".csv")
META_KEYS = ("title", "doc_type", "number", "date", "asked_by", "minister", "url")
MAX_FILE_BYTES = 100 * 1024 * 1024

_FOOTER = re.compile(r"^\s*(pagina|page|blz\.?)\s*\d+(\s*(van|of|/)\s*\d+)?\s*$", re.IGNORECASE)
_HYPHEN_BREAK = re.compile(r"(\w)-[ \t]*\n[ \t]*(\w)")
_PARAGRAPH = re.compile(r"[ \t]*\n[ \t]*\n\s*")
_LIST_ITEM = re.compile(r"\n[ \t]*(?=(?:[-•*▪–]|\d{1,2}[.)]|[a-z]\))[ \t]+\S)")
# a page number alone on its line in a running head, between a line ending in a word and a capitalised
# line ("Tweede Kamer der Staten-Generaal\n2\nVergaderjaar …", "… gegeven antwoorden\n280\nVragen van …"):
# dropped before wrapped lines are joined, where it would read as "2 Vergaderjaar"
_RUNNING_PAGE = re.compile(r"(?<=[^\W\d_]{3})[ \t]*\n[ \t]*\d{1,3}[ \t]*\n(?=[ \t]*[A-ZÀ-Ý])")
_NUMBERED_LINE = re.compile(r"(?<=[.?!:;])[ \t]*\n[ \t]*(?=\d{1,2}[ \t]+[A-ZÀ-Ý])")
_MARKER = re.compile(r"\x00T(\d+)\x00")


@dataclass
class IngestResult:
    documents: list[Document] = field(default_factory=list)
    problems: list[DocumentError] = field(default_factory=list)


def corpus_files(corpus_dir: Path) -> list[Path]:
    """Readable document files under ``corpus_dir``, sorted; sidecars, hidden files and
    links that point outside the corpus excluded."""
    if not corpus_dir.is_dir():
        return []
    root = corpus_dir.resolve()
    found = []
    for p in corpus_dir.rglob("*"):
        if p.suffix.lower() not in SUFFIXES or any(part.startswith(".") for part in p.relative_to(corpus_dir).parts):
            continue
        try:
            target = p.resolve()
        except OSError:
            continue
        if not target.is_relative_to(root):
            log.warning("Overgeslagen: %s wijst buiten het corpus", p.relative_to(corpus_dir))
            continue
        if target.is_file():
            found.append(p)
    return sorted(found)


def file_hash(path: Path) -> str:
    """SHA-256 of the file, its metadata sidecar and its companion text (for a CSV)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    for extra in (_sidecar(path), *_companions(path)):
        if extra.exists():
            digest.update(extra.read_bytes())
    return digest.hexdigest()


def _sidecar(path: Path) -> Path:
    return path.with_name(path.stem + ".meta.json")


def _companions(path: Path) -> list[Path]:
    """Texts that describe a CSV file: same folder, name starting with the CSV's name."""
    if path.suffix.lower() != ".csv":
        return []
    return sorted(p for p in path.parent.glob(path.stem + "*") if p.suffix.lower() in (".md", ".txt"))


def read_corpus(corpus_dir: Path, paths: Iterable[Path] | None = None) -> IngestResult:
    result = IngestResult()
    for path in corpus_files(corpus_dir) if paths is None else paths:
        try:
            result.documents.append(read_document(path, corpus_dir))
        except DocumentError as problem:
            log.warning("Overgeslagen: %s", problem)
            result.problems.append(problem)
    return result


def read_document(path: Path, corpus_dir: Path) -> Document:
    doc_id = path.relative_to(corpus_dir).as_posix()
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DocumentError(doc_id, f"niet leesbaar ({exc.strerror})") from exc
    if size == 0:
        raise DocumentError(doc_id, "leeg bestand (0 bytes)")
    if size > MAX_FILE_BYTES:
        raise DocumentError(doc_id, f"te groot ({size // 2**20} MB; limiet {MAX_FILE_BYTES // 2**20} MB)")
    meta = _read_sidecar(path, doc_id)
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        pages, page_tables = _pdf_pages(path, doc_id)
        paged = True
    elif suffix == ".csv":
        raw = _read_text(path, doc_id, meta)
        table = table_from_csv(raw, meta.get("title", path.stem), _column_descriptions(path, raw))
        if table is None:
            raise DocumentError(doc_id, "CSV zonder tabel (minstens een kopregel en een rij nodig)")
        pages, page_tables, paged = ["\x00T0\x00"], [[table]], False
    else:
        raw = _read_text(path, doc_id, meta)
        if suffix == ".md":
            raw = _unmark(raw)
        pages, page_tables = [], []
        texts = _text_pages(raw)
        for page_raw in texts:
            found = find_tables(page_raw)
            for n, (start, end, _) in reversed(list(enumerate(found))):
                page_raw = page_raw[:start] + f"\n\n\x00T{n}\x00\n\n" + page_raw[end:]
            pages.append(page_raw)
            page_tables.append([t for _, _, t in found])
        paged = len(texts) > 1
    document_pages: list[Page] = []
    tables: list[Table] = []
    text = ""
    language = detect_language(" ".join(pages)[:5000])
    for number, (raw_page, raw_tables) in enumerate(zip(pages, page_tables, strict=True), start=1):
        page_text, placed = _assemble(raw_page, raw_tables, len(text) + (2 if text else 0), number if paged else None,
                                      language)  # fmt: skip
        if text:
            text += "\n\n"
        document_pages.append(Page(number=number, text=page_text, start=len(text)))
        text += page_text
        tables += placed
    if not text.strip():
        raise DocumentError(doc_id, "bevat geen tekst (gescand PDF zonder tekstlaag?)")
    if not meta.get("title"):
        meta["title"] = text.strip().splitlines()[0].strip()[:200]
    meta["title"] = re.sub(r"\s+", " ", meta["title"].replace("**", "")).strip().lstrip("# ")
    return Document(doc_id=doc_id, title=meta["title"], text=text, pages=tuple(document_pages), metadata=meta,
                    paged=paged, tables=tuple(tables))  # fmt: skip


def _assemble(raw: str, tables: list[Table], offset: int, page: int | None,
              language: str = "nl") -> tuple[str, list[Table]]:  # fmt: skip
    """Clean the prose around table markers and render each table in its place.

    A caption line ("Tabel 2: …") just above a table and footnote lines just below it
    ("a) voorlopig cijfer", "Bron: …") become part of the table. Returns the page text
    and the tables with their offsets in the document (``offset``: where the page starts)."""
    tables = list(tables)
    pieces = _MARKER.split(raw)  # prose, index, prose, index, …
    for k in range(1, len(pieces), 2):
        index = int(pieces[k])
        table = tables[index]
        before = pieces[k - 1].rstrip().split("\n")
        if not table.caption:
            line, caption = caption_above(before)
            if caption:
                table = replace(table, caption=caption)
                pieces[k - 1] = "\n".join(before[:line]) + "\n\n"
        after = pieces[k + 1].lstrip("\n").split("\n")
        notes = list(table.notes)
        while after and after[0].strip() and is_footnote(after[0]):
            notes.append(after.pop(0).strip())
        pieces[k + 1] = "\n\n" + "\n".join(after)
        tables[index] = replace(table, notes=tuple(notes))
    out = ""
    placed: list[Table] = []
    for k, piece in enumerate(pieces):
        if k % 2 == 0:
            prose = clean_text(piece, language)
            if prose:
                out += ("\n\n" if out else "") + prose
            continue
        table = tables[int(piece)]
        if out and not table.intro:
            table = replace(table, intro=_intro(out))
        if out:
            out += "\n\n"
        block = render(table)
        start = len(out)
        out += block
        placed.append(replace(table, start=offset + start, end=offset + start + len(block), page=page or table.page))
    return out, placed


def _text_pages(raw: str) -> list[str]:
    """A text export of a paged document ('Pagina 2 van 5' lines) is split into its pages,
    and its running headers and footers are dropped; other text is one page."""
    lines = raw.split("\n")
    breaks = [i for i, line in enumerate(lines) if _FOOTER.match(line)]
    if len(breaks) < 2:
        return [raw]
    pages, start = [], 0
    for i in breaks:
        pages.append("\n".join(lines[start : i + 1]))
        start = i + 1
    if "\n".join(lines[start:]).strip():
        pages.append("\n".join(lines[start:]))
    return strip_repeated_lines(pages)


def _intro(before: str) -> str:
    """The last paragraph before a table, when it presents the table ('Tabel 2 geeft …')
    or is short enough to be about it: it describes what the table counts."""
    paragraph = before.rstrip().rsplit("\n\n", 1)[-1]
    if re.search(r"\b(?:tabel|table)\s*[a-z]?\d", paragraph, re.I) or len(paragraph) < 400:
        return paragraph[-600:]
    return ""


def _unmark(raw: str) -> str:
    """Markdown emphasis and heading marks are layout, not text ('**Datum vraag:**')."""
    raw = re.sub(r"^(#{1,6})\s+", "", raw, flags=re.MULTILINE)
    return re.sub(r"(?<!\|)\*\*(?=\S)(.+?)(?<=\S)\*\*", r"\1", raw)


_LONE_LINE = re.compile(r"[ \t]*[\d.,]+[ \t]*")


def _running_page(match: re.Match[str]) -> str:
    """Drop a running head's page number, but keep a value under its label in a table that OCR
    wrote one cell a line ("Aantal kandidaten\n158\nDirect geslaagd\n59"): there another lone
    number stands two lines before or after it."""
    text, start, end = match.string, match.start(), match.end()
    before = text[:start].split("\n")[-2:-1]  # the line before the label line
    after = text[end:].split("\n")[1:2]  # the line after the next one
    if any(_LONE_LINE.fullmatch(line) for line in before + after):
        return match.group(0)
    return "\n"


def clean_text(raw: str, language: str = "nl") -> str:
    """Join hyphenated line breaks and soft-wrapped lines; keep paragraph breaks, list items and
    numbered question/answer headings; repair what extraction did to words (:mod:`qa_bot.read.normalise`)."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u00ad", "")

    def join(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        # "leer-\nmobiliteit" was one word; "VET-\nleerlingen" keeps its hyphen.
        return left + right if left.islower() and right.islower() else left + "-" + right

    text = _RUNNING_PAGE.sub(_running_page, text)
    text = _HYPHEN_BREAK.sub(join, text)
    text = _qa_heading_lines().sub(lambda m: "\n\n" + m.group(0).strip() + "\n\n", text)
    text = _NUMBERED_LINE.sub("\n\n", text)  # "? \n3 Bent u …": a numbered question or answer
    text = _PARAGRAPH.sub("\x01", text)  # keep paragraph breaks while joining wrapped lines
    text = _LIST_ITEM.sub("\x02", text)  # a list item starts a line of its own
    text = re.sub(r"[ \t]*\n[ \t]*", " ", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    paragraphs = (repair(p.strip(), language) for p in text.split("\x01"))
    return "\n\n".join(re.sub(r"\s*\x02\s*", "\n", p).strip() for p in paragraphs if p.strip())


@lru_cache(maxsize=1)
def _qa_heading_lines() -> re.Pattern[str]:
    """A numbered question or answer heading alone on its line ("Vraag 2 en 3", "Antwoord 4")."""
    heads = "|".join(f"(?:{m.QA_HEADING})" for m in lang.LANGUAGES.values())
    heads = re.sub(r"\(\?P<\w+>", "(?:", heads)
    return re.compile(rf"^[ \t]*(?:{heads})[ \t]*:?[ \t]*$", re.IGNORECASE | re.MULTILINE)


def _read_text(path: Path, doc_id: str, meta: dict[str, str]) -> str:
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(doc_id, f"geen geldige UTF-8-tekst (byte {exc.start})") from exc
    if raw.startswith("---\n"):
        end = raw.find("\n---", 4)
        if end > 0:
            meta.update({k: v for k, v in _front_matter(raw[4:end], doc_id).items() if k not in meta})
            raw = raw[end + 4 :].lstrip("\n")
    return raw


def _front_matter(block: str, doc_id: str) -> dict[str, str]:
    import yaml

    try:
        data = yaml.safe_load(block) or {}
    except yaml.YAMLError as exc:
        raise DocumentError(doc_id, f"ongeldige front matter ({exc.__class__.__name__})") from exc
    if not isinstance(data, dict):
        raise DocumentError(doc_id, "front matter is geen sleutel/waarde-lijst")
    return {k: str(v) for k, v in data.items() if k in META_KEYS and v is not None}


def _read_sidecar(path: Path, doc_id: str) -> dict[str, str]:
    sidecar = _sidecar(path)
    if not sidecar.exists():
        return {}
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as exc:
        raise DocumentError(doc_id, f"metadata {sidecar.name} is geen geldige JSON") from exc
    if not isinstance(data, dict):
        raise DocumentError(doc_id, f"metadata {sidecar.name} is geen JSON-object")
    return {k: str(v) for k, v in data.items() if k in META_KEYS and v is not None}


def _column_descriptions(path: Path, raw: str) -> dict[str, str]:
    """Column name → description, from a companion text's table that lists the CSV's columns."""
    first_line = raw.splitlines()[0] if raw.strip() else ""
    names = {n.strip() for n in re.split(r"[;,\t]", first_line) if n.strip()}
    for companion in _companions(path):
        try:
            text = _unmark(companion.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            continue
        for _, _, table in find_tables(text):
            listed = {row[0].text.strip("`") for row in table.rows if row}
            if len(names & listed) >= max(2, len(names) // 2):
                out: dict[str, str] = {}
                previous = ""
                for row in table.rows:
                    described = ", ".join(c.text for c in row[1:] if c.text and c.text != "tekst")
                    if re.match(r"(?i)idem\b", described) and previous:
                        # "idem, 2022": the description above, for another year
                        described = re.sub(r"(?:19|20)\d{2}", "", previous).strip(" ,") + described[4:]
                    out[row[0].text.strip("`")] = described
                    previous = described
                return out
    return {}


def _pdf_pages(path: Path, doc_id: str) -> tuple[list[str], list[list[Table]]]:
    """Per page: the prose (pypdf, in reading order) with a marker where each drawn table
    stood, and the tables (pdfplumber cells)."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(doc_id, "PDF is versleuteld (wachtwoord nodig)")
        boxes, grids = _pdf_table_cells(path)
        pages = []
        for number, page in enumerate(reader.pages):
            pages.append(_page_prose(page, boxes[number] if number < len(boxes) else []))
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise DocumentError(doc_id, f"onleesbaar PDF ({exc.__class__.__name__}: {exc})") from exc
    except Exception as exc:  # noqa: BLE001 — pypdf and pdfminer raise many types on broken files
        if "encrypt" in str(exc).lower() or "crypt" in exc.__class__.__name__.lower():
            raise DocumentError(doc_id, "PDF is versleuteld (wachtwoord nodig)") from exc
        raise DocumentError(doc_id, f"onleesbaar PDF ({exc.__class__.__name__})") from exc
    pages = strip_repeated_lines(pages)
    tables, owners = tables_from_cells(grids)
    per_page: list[list[Table]] = [[] for _ in pages]
    out_pages = []
    for number, text in enumerate(pages):

        def swap(match: re.Match[str], number: int = number) -> str:
            owner = owners.get((number, int(match.group(1))))
            if owner is None or not owner[1]:  # not a table, or the continuation of one
                return ""
            per_page[number].append(tables[owner[0]])
            return f"\n\n\x00T{len(per_page[number]) - 1}\x00\n\n"

        out_pages.append(_MARKER.sub(swap, text))
    return out_pages, per_page


def _pdf_table_cells(path: Path) -> tuple[list[list[tuple[float, float]]], list[list[list[list[str | None]]]]]:
    """Vertical extents (PDF user space, bottom-up) and cell grids of the drawn tables per page."""
    import pdfplumber

    boxes: list[list[tuple[float, float]]] = []
    grids: list[list[list[list[str | None]]]] = []
    with pdfplumber.open(str(path)) as pdf:
        for page in pdf.pages:
            found = page.find_tables()
            height = float(page.height)
            boxes.append([(height - t.bbox[3], height - t.bbox[1]) for t in found])
            grids.append([t.extract() for t in found])
    return boxes, grids


def _page_prose(page, boxes: list[tuple[float, float]]) -> str:  # type: ignore[no-untyped-def]
    """pypdf's text in reading order, lines inside table boxes replaced by one marker per
    table, and a blank line where the vertical gap between lines shows a new paragraph."""
    lines: list[list[object]] = [["", None]]  # [text, baseline y]

    def visit(text: str, cm: list[float], tm: list[float], *_: object) -> None:
        if text == "\n" or "\n" in text:
            for i, part in enumerate(text.split("\n")):
                if i:
                    lines.append(["", None])
                lines[-1][0] = str(lines[-1][0]) + part
            return
        if text and lines[-1][1] is None and text.strip():
            lines[-1][1] = tm[5] * cm[3] + tm[4] * cm[1] + cm[5]
        lines[-1][0] = str(lines[-1][0]) + text

    page.extract_text(visitor_text=visit)
    ys = [float(y) for _, y in lines if y is not None]  # type: ignore[arg-type]
    gaps = sorted(a - b for a, b in zip(ys, ys[1:], strict=False) if 0 < a - b < 40)
    usual = gaps[len(gaps) // 2] if gaps else 14.0
    out: list[str] = []
    placed: set[int] = set()
    previous: float | None = None
    for text, y in lines:
        if y is None:
            if str(text).strip():
                out.append(str(text))
            continue
        baseline = float(y)  # type: ignore[arg-type]
        inside = next((i for i, (low, high) in enumerate(boxes) if low - 2 <= baseline <= high + 2), None)
        if inside is not None:
            if inside not in placed:
                placed.add(inside)
                out.append(f"\n\x00T{inside}\x00\n")
            previous = None
            continue
        if previous is not None and previous - baseline > 1.45 * usual:
            out.append("")
        out.append(str(text))
        previous = baseline
    return "\n".join(out)


def strip_repeated_lines(pages: list[str]) -> list[str]:
    """Drop page footers/headers: 'Pagina N van M' and edge lines repeated on most pages."""

    def key(line: str) -> str:
        return re.sub(r"\d+", "#", line.strip().lower())

    edges: Counter[str] = Counter()
    for page in pages:
        lines = [ln for ln in page.splitlines() if ln.strip() and "\x00" not in ln]
        edges.update({key(ln) for ln in lines[:2] + lines[-2:]})
    threshold = max(2, (len(pages) + 1) // 2)
    repeated = {k for k, n in edges.items() if n >= threshold and len(pages) >= 2}
    cleaned = []
    for page in pages:
        lines = [ln for ln in page.splitlines() if not _FOOTER.match(ln) and key(ln) not in repeated]
        cleaned.append("\n".join(lines))
    return cleaned
