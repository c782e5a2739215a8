"""Dataclasses that flow between pipeline stages.

files ─ingest→ Document(pages) ─structure→ Part ─chunking→ Chunk ─index→
  ─retrieve→ Passage ─answer→ Answer(citations, figures)
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

PART_LABELS = ("vraag", "antwoord", "rapport")


@dataclass(frozen=True)
class Page:
    number: int  # 1-based; text files are one page
    text: str
    start: int  # character offset of this page in Document.text


@dataclass(frozen=True)
class Document:
    doc_id: str  # path relative to the corpus, posix
    title: str
    text: str
    pages: tuple[Page, ...]
    metadata: dict[str, str] = field(default_factory=dict)
    paged: bool = False  # PDFs have pages; plain text files do not

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

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Chunk:
        return cls(**data)


@dataclass(frozen=True)
class Passage:
    chunk: Chunk
    score: float  # fused score
    bm25: float = 0.0
    dense: float = 0.0
    rank: int = 0


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
    quote: str  # the cited sentence(s) inside ``passage``
    score: float


@dataclass(frozen=True)
class Operand:
    value: float
    unit: str
    year: str
    text: str  # as printed in the source
    citation: int
    role: str  # part / whole / before / after / item


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
    reason: str = ""
    timings: dict[str, float] = field(default_factory=dict)
    passages: list[Passage] = field(default_factory=list)

    def to_dict(self, include_passages: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "question": self.question,
            "text": self.text,
            "language": self.language,
            "abstained": self.abstained,
            "reason": self.reason,
            "citations": [asdict(c) for c in self.citations],
            "figures": [{**asdict(f), "operands": [asdict(o) for o in f.operands]} for f in self.figures],
            "timings": {k: round(v, 4) for k, v in self.timings.items()},
        }
        if include_passages:
            data["passages"] = [
                {"rank": p.rank, "score": p.score, "bm25": p.bm25, "dense": p.dense, **p.chunk.to_dict()}
                for p in self.passages
            ]
        return data
