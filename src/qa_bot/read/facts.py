"""What was read from a document, once: its parts and numbered Q/A pairs, its tables, and
every printed number with its kind and context.

:func:`read_facts` is what ``qa-bot facts FILE`` prints, for the staff member who wonders
why a figure was not found. :func:`chunk_facts` is what the index stores with each chunk
(``Chunk.facts``): its quantities (value in base units, printed form, unit, scale, counted
noun, period, qualifiers) and identifiers.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from qa_bot.read.printed import Kind, read_numbers
from qa_bot.read.quantities import quantities
from qa_bot.types import Chunk, Document, Part


@dataclass(frozen=True)
class QuantityFact:
    value: float  # in base units (guilders, euro, a count, a percentage)
    unit: str  # "gulden", "euro", "%", "pp" or "" (a count or a measure)
    printed: str
    noun: str  # what is counted or measured ("studenten", "hectare")
    period: str  # "1989", "2022-2023" or ""
    start: int  # offsets in the text it was read from
    end: int
    approx: bool = False
    bound: str = ""
    scale: float = 1.0


@dataclass(frozen=True)
class OtherNumber:
    kind: str  # identifier, date, year, heading
    printed: str
    start: int
    end: int


@dataclass(frozen=True)
class TextFacts:
    quantities: tuple[QuantityFact, ...] = ()
    others: tuple[OtherNumber, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"quantities": [asdict(q) for q in self.quantities], "others": [asdict(o) for o in self.others]}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TextFacts:
        return cls(tuple(QuantityFact(**q) for q in data.get("quantities", ())),
                   tuple(OtherNumber(**o) for o in data.get("others", ())))  # fmt: skip


def text_facts(text: str, language: str = "nl") -> TextFacts:
    """Every printed number of ``text``: quantities with their context, and the rest by kind."""
    qs = tuple(
        QuantityFact(value=q.value, unit=q.unit, printed=q.text, noun=q.noun, period=q.year, start=q.start, end=q.end,
                     approx=q.approx, bound=q.bound, scale=q.scale)  # fmt: skip
        for q in quantities(text, language)
    )
    others = tuple(OtherNumber(r.kind.value, r.text, r.start, r.end) for r in read_numbers(text, language)
                   if r.kind != Kind.QUANTITY)  # fmt: skip
    return TextFacts(qs, others)


def chunk_facts(chunk: Chunk, language: str = "nl") -> TextFacts:
    return text_facts(chunk.text, language)


@dataclass
class DocumentFacts:
    document: Document
    parts: list[Part]
    facts: TextFacts
    problems: list[str] = field(default_factory=list)


def read_facts(path: Path, corpus_dir: Path | None = None) -> DocumentFacts:
    """Read one file as the indexer does and return what was found in it."""
    from qa_bot.read.files import read_document
    from qa_bot.read.structure import split_parts
    from qa_bot.read.text import detect_language

    corpus_dir = corpus_dir or path.parent
    doc = read_document(path, corpus_dir)
    parts = split_parts(doc)
    return DocumentFacts(doc, parts, text_facts(doc.text, detect_language(doc.text[:5000])))


def format_facts(found: DocumentFacts, width: int = 60) -> str:
    """A readable report: parts and pairs, tables, quantities in context, other numbers."""
    doc, text = found.document, found.document.text
    lines = [f"{doc.doc_id} — {doc.title}", ""]
    lines.append(f"Delen ({len(found.parts)}):")
    for part in found.parts:
        numbers = f" {'/'.join(map(str, part.numbers))}" if part.numbers else ""
        paired = "  ← vraag: " + _short(part.context, 50) if part.context else ""
        lines.append(f"  {part.label}{numbers}: {_short(part.text, width)}{paired}")
    lines.append("")
    lines.append(f"Tabellen ({len(doc.tables)}):")
    for table in doc.tables:
        lines.append(f"  {table.caption or '(zonder titel)'} — {len(table.rows)} rijen × {len(table.header)} kolommen"
                     f"{', totaalrij' if table.total_rows else ''}")  # fmt: skip
    lines.append("")
    lines.append(f"Hoeveelheden ({len(found.facts.quantities)}):")
    for q in found.facts.quantities:
        flags = ", ".join(x for x in ("ongeveer" if q.approx else "", q.bound, q.unit, q.noun, q.period) if x)
        lines.append(f"  {q.printed!r:<22} = {q.value:,.6g}  [{flags}]  …{_around(text, q.start, q.end)}…")
    lines.append("")
    lines.append(f"Geen hoeveelheid ({len(found.facts.others)}):")
    for o in found.facts.others:
        lines.append(f"  {o.kind:<10} {o.printed!r:<22} …{_around(text, o.start, o.end)}…")
    return "\n".join(lines)


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _around(text: str, start: int, end: int, margin: int = 30) -> str:
    return " ".join(text[max(0, start - margin) : min(len(text), end + margin)].split())
