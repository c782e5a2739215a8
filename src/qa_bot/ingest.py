"""Files → :class:`Document`: plain text, Markdown and PDF (pypdf).

A file that cannot be read becomes a :class:`DocumentError` in the result, named
with its reason, and the rest of the corpus is read as usual.

Metadata per document comes from ``NAME.meta.json`` beside the file or YAML front
matter (``---`` block) at the top of a text file: title, doc_type, number, date,
asked_by, minister, url. Without a title, the first line is the title.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from qa_bot.errors import DocumentError
from qa_bot.types import Document, Page

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".md", ".pdf")
META_KEYS = ("title", "doc_type", "number", "date", "asked_by", "minister", "url")
MAX_FILE_BYTES = 100 * 1024 * 1024

_FOOTER = re.compile(r"^\s*(pagina|page|blz\.?)\s*\d+(\s*(van|of|/)\s*\d+)?\s*$", re.IGNORECASE)
_HYPHEN_BREAK = re.compile(r"(\w)-[ \t]*\n[ \t]*(\w)")
_PARAGRAPH = re.compile(r"[ \t]*\n[ \t]*\n\s*")


@dataclass
class IngestResult:
    documents: list[Document] = field(default_factory=list)
    problems: list[DocumentError] = field(default_factory=list)


def corpus_files(corpus_dir: Path) -> list[Path]:
    """Readable document files under ``corpus_dir``, sorted; sidecars and hidden files excluded."""
    if not corpus_dir.is_dir():
        return []
    return sorted(
        p
        for p in corpus_dir.rglob("*")
        if p.is_file()
        and p.suffix.lower() in SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(corpus_dir).parts)
    )


def file_hash(path: Path) -> str:
    """SHA-256 of the file and its metadata sidecar, so a metadata edit counts as a change."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    sidecar = _sidecar(path)
    if sidecar.exists():
        digest.update(sidecar.read_bytes())
    return digest.hexdigest()


def _sidecar(path: Path) -> Path:
    return path.with_name(path.stem + ".meta.json")


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
    if path.suffix.lower() == ".pdf":
        raw_pages = _pdf_pages(path, doc_id)
        paged = True
    else:
        raw_pages = [_read_text(path, doc_id, meta)]
        paged = False
    pages: list[Page] = []
    text = ""
    for number, raw in enumerate(raw_pages, start=1):
        cleaned = clean_text(raw)
        if text:
            text += "\n\n"
        pages.append(Page(number=number, text=cleaned, start=len(text)))
        text += cleaned
    if not text.strip():
        raise DocumentError(doc_id, "bevat geen tekst (gescand PDF zonder tekstlaag?)")
    if not meta.get("title"):
        meta["title"] = text.strip().splitlines()[0].strip()[:200]
    meta["title"] = re.sub(r"\s+", " ", meta["title"]).strip()
    return Document(doc_id=doc_id, title=meta["title"], text=text, pages=tuple(pages), metadata=meta, paged=paged)


def clean_text(raw: str) -> str:
    """Join hyphenated line breaks and soft-wrapped lines; keep paragraph breaks."""
    text = raw.replace("\r\n", "\n").replace("\r", "\n").replace("\u00ad", "")

    def join(match: re.Match[str]) -> str:
        left, right = match.group(1), match.group(2)
        # "leer-\nmobiliteit" was one word; "VET-\nleerlingen" keeps its hyphen.
        return left + right if left.islower() and right.islower() else left + "-" + right

    text = _HYPHEN_BREAK.sub(join, text)
    text = _PARAGRAPH.sub("\x00", text)  # keep paragraph breaks while joining wrapped lines
    text = re.sub(r"[ \t]*\n[ \t]*", " ", text)
    text = re.sub(r"[ \t]{2,}", " ", text)
    return "\n\n".join(p.strip() for p in text.split("\x00") if p.strip())


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


def _pdf_pages(path: Path, doc_id: str) -> list[str]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise DocumentError(doc_id, "PDF is versleuteld (wachtwoord nodig)")
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise DocumentError(doc_id, f"onleesbaar PDF ({exc.__class__.__name__}: {exc})") from exc
    except Exception as exc:  # noqa: BLE001 — pypdf raises many types on broken files
        if "encrypt" in str(exc).lower() or "crypt" in exc.__class__.__name__.lower():
            raise DocumentError(doc_id, "PDF is versleuteld (wachtwoord nodig)") from exc
        raise DocumentError(doc_id, f"onleesbaar PDF ({exc.__class__.__name__})") from exc
    return strip_repeated_lines(pages)


def strip_repeated_lines(pages: list[str]) -> list[str]:
    """Drop page footers/headers: 'Pagina N van M' and edge lines repeated on most pages."""

    def key(line: str) -> str:
        return re.sub(r"\d+", "#", line.strip().lower())

    edges: Counter[str] = Counter()
    for page in pages:
        lines = [ln for ln in page.splitlines() if ln.strip()]
        edges.update({key(ln) for ln in lines[:2] + lines[-2:]})
    threshold = max(2, (len(pages) + 1) // 2)
    repeated = {k for k, n in edges.items() if n >= threshold and len(pages) >= 2}
    cleaned = []
    for page in pages:
        lines = [ln for ln in page.splitlines() if not _FOOTER.match(ln) and key(ln) not in repeated]
        cleaned.append("\n".join(lines))
    return cleaned
