"""Dataclasses that flow between pipeline stages.

files ─ingest→ Document(pages, tables) ─structure→ Part ─chunking→ Chunk ─index→
  ─retrieve→ Passage ─answer→ Answer(citations, figures)

A :class:`Table` keeps its cells with their headers: chunking never cuts it, the index
also holds one searchable unit per row, and an answer cites cells by row and column.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields
from typing import Any

PART_LABELS = ("vraag", "antwoord", "rapport")


@dataclass(frozen=True)
class Page:
    number: int  # 1-based; text files are one page
    text: str
    start: int  # character offset of this page in Document.text


@dataclass(frozen=True)
class Cell:
    """One table cell: the text as printed and, for a number, its value in base units."""

    text: str
    value: float | None = None  # None for text and missing cells
    unit: str = ""  # "%", "euro" or "" (a count, a score)
    note: str = ""  # footnote mark or flag stripped from the text ("a", "p")
    missing: bool = False  # "n.b.", "–", ":" — never read as 0
    scale: float = 1.0  # value = printed number × scale ("in miljoen euro")

    @property
    def is_number(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class Table:
    """A table with its caption, one header per column and rows of cells.

    ``label_columns`` are the text columns that name a row ("Provincie", "Sector",
    "Kernactie"); ``total_rows`` are rows recognised as totals (by their label or because
    they equal the sum of the other rows); their values are used as printed.
    """

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    label_columns: tuple[int, ...] = (0,)
    total_rows: tuple[int, ...] = ()
    notes: tuple[str, ...] = ()
    page: int | None = None
    start: int = 0  # offsets of the rendered table in Document.text
    end: int = 0
    intro: str = ""  # the sentence(s) before the table that present it ("Tabel 3 toont welk deel …")

    def label(self, row: int) -> str:
        cells = self.rows[row]
        return " — ".join(cells[c].text for c in self.label_columns if c < len(cells) and cells[c].text)

    def value_columns(self) -> list[int]:
        return [c for c in range(len(self.header)) if c not in self.label_columns]

    def to_dict(self) -> dict[str, Any]:
        return {
            "caption": self.caption,
            "header": list(self.header),
            "rows": [[asdict(c) for c in row] for row in self.rows],
            "label_columns": list(self.label_columns),
            "total_rows": list(self.total_rows),
            "notes": list(self.notes),
            "page": self.page,
            "start": self.start,
            "end": self.end,
            "intro": self.intro,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Table:
        return cls(
            caption=data["caption"],
            header=tuple(data["header"]),
            rows=tuple(tuple(Cell(**c) for c in row) for row in data["rows"]),
            label_columns=tuple(data["label_columns"]),
            total_rows=tuple(data["total_rows"]),
            notes=tuple(data["notes"]),
            page=data["page"],
            start=data["start"],
            end=data["end"],
            intro=data.get("intro", ""),
        )


@dataclass(frozen=True)
class Document:
    doc_id: str  # path relative to the corpus, posix
    title: str
    text: str
    pages: tuple[Page, ...]
    metadata: dict[str, str] = field(default_factory=dict)
    paged: bool = False  # PDFs have pages; plain text files do not
    tables: tuple[Table, ...] = ()

    @property
    def doc_type(self) -> str:
        return self.metadata.get("doc_type", "")

    def page_at(self, offset: int) -> int | None:
        """Page number holding character ``offset``; None for single-page text files."""
        if not self.paged:
            return None
        number = self.pages[0].number
        for page in self.pages:
            if page.start <= offset:
                number = page.number
        return number


@dataclass(frozen=True)
class Part:
    doc_id: str
    label: str  # one of PART_LABELS
    text: str
    start: int  # offset in Document.text
    numbers: tuple[int, ...] = ()  # "Vraag 2 en 3" / "Antwoord 3" / a numbered item: the pair it belongs to
    context: str = ""  # an answer's own question(s), for matching and retrieval; never quoted


@dataclass(frozen=True)
class Chunk:
    chunk_id: str
    doc_id: str
    part: str
    text: str
    start: int  # offsets in Document.text
    end: int
    page: int | None
    title: str
    doc_type: str
    date: str  # ISO date or ""
    kind: str = "text"  # "text", "table" (a whole table) or "row" (one searchable table row)
    table: Table | None = None  # the whole table, on "table" chunks
    parent: str = ""  # a row's table chunk
    row: int = -1  # a row's index in its table
    context: str = ""  # the question a numbered answer answers: matched and embedded, never quoted
    sentences: tuple[tuple[int, int], ...] = ()  # sentence spans in ``text``, read at index time

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["table"] = self.table.to_dict() if self.table else None
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Chunk:
        table = data.get("table")
        sentences = tuple(tuple(span) for span in data.get("sentences", ()))
        return cls(**{**data, "table": Table.from_dict(table) if table else None, "sentences": sentences})


@dataclass(frozen=True)
class Passage:
    chunk: Chunk
    score: float  # fused score
    bm25: float = 0.0
    dense: float = 0.0
    rank: int = 0
    rows: tuple[int, ...] = ()  # table rows whose own units matched, best first


@dataclass(frozen=True)
class Citation:
    number: int
    chunk_id: str
    doc_id: str
    title: str
    part: str
    doc_type: str
    date: str
    page: int | None
    passage: str
    quote: str  # the cited sentence(s) inside ``passage`` (for a table: the cited rows)
    score: float
    doc_number: str = ""  # "vraag nr." of a written question
    url: str = ""
    table: Table | None = None  # a cited table, shown whole with its cited cells marked
    cells: tuple[tuple[int, int], ...] = ()  # (row, column) of each cited cell

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["table"] = self.table.to_dict() if self.table else None
        data["cells"] = [list(c) for c in self.cells]
        return data


@dataclass(frozen=True)
class Operand:
    value: float  # in base units (euro, not million euro)
    unit: str
    year: str
    text: str  # as printed in the source
    citation: int
    role: str  # part / whole / before / after / item / amount / count / value / target …
    label: str = ""  # what the number is ("Bso 2023", "toegekend 2025")
    row: int = -1  # the table cell it comes from, if any
    column: int = -1
    scale: float = 1.0  # value = printed number × scale ("in miljoen euro")


@dataclass(frozen=True)
class Figure:
    label: str
    value: float
    unit: str
    operation: str
    formula: str
    operands: tuple[Operand, ...]
    chart: dict[str, Any]
    display: str


@dataclass
class Answer:
    question: str
    text: str
    language: str
    citations: list[Citation] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    abstained: bool = False
    reason: str = ""  # a reason code (answer.Reason) when abstained
    timings: dict[str, float] = field(default_factory=dict)
    passages: list[Passage] = field(default_factory=list)
    confidence: float = 0.0
    answer_id: str = ""  # the server's record of this answer (feedback refers to it)
    resolved: str = ""  # a follow-up question as it was understood

    def to_dict(self, include_passages: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "question": self.question,
            "text": self.text,
            "language": self.language,
            "abstained": self.abstained,
            "reason": self.reason,
            "confidence": self.confidence,
            "answer_id": self.answer_id,
            "resolved": self.resolved,
            "citations": [c.to_dict() for c in self.citations],
            "figures": [{**asdict(f), "operands": [asdict(o) for o in f.operands]} for f in self.figures],
            "timings": {k: round(v, 4) for k, v in self.timings.items()},
        }
        if include_passages:
            data["passages"] = [
                {"rank": p.rank, "score": p.score, "bm25": p.bm25, "dense": p.dense, **p.chunk.to_dict()}
                for p in self.passages
            ]
        return data
