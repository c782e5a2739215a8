"""Parts → chunks: whole sentences packed up to the embedder's budget, one sentence
overlap; a table is one chunk, never cut, plus one searchable unit per row.

The budget is counted in the embedder's own word pieces (``count_tokens``). A table
chunk holds the whole table (caption, header, rows, notes) for display and for answers
over all its cells; its rows are also indexed one by one ("Tabel 2 — Limburg —
2022: 1.204; 2023: 1.377"), so a question about one row finds it, and a row hit is
shown as its table with the row marked.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import replace

from qa_bot.read.tables import row_line_offsets, row_text
from qa_bot.read.text import split_sentences
from qa_bot.types import Chunk, Document, Part, Table

TokenCounter = Callable[[str], int]


def approx_tokens(text: str) -> int:
    """Rough word-piece count for Dutch: 2.35 pieces a word, rounded up."""
    return int(len(text.split()) * 2.35 + 0.999)


def chunk_document(
    doc: Document,
    parts: Iterable[Part],
    max_tokens: int,
    overlap_sentences: int = 1,
    count_tokens: TokenCounter = approx_tokens,
) -> list[Chunk]:
    chunks: list[Chunk] = []
    for part in parts:
        part_end = part.start + len(part.text)
        inside = [t for t in doc.tables if t.start < part_end and t.end > part.start]
        cursor = part.start
        first = len(chunks)
        for table in inside:
            chunks += _text_chunks(doc, part.label, cursor, max(cursor, table.start), max_tokens, overlap_sentences,
                                   count_tokens)  # fmt: skip
            chunks += _table_chunks(doc, part.label, table)
            cursor = max(cursor, table.end)
        chunks += _text_chunks(doc, part.label, cursor, part_end, max_tokens, overlap_sentences, count_tokens)
        if part.context:
            # The question's words go with the chunk that opens the answer ("Dat aantal bedroeg
            # 260.") and with the answer's tables, not with every chunk of it: the rest must be
            # found on its own words.
            for i in range(first, len(chunks)):
                c = chunks[i]
                if i == first and c.kind == "text":  # embedded with its question: a vector of its own
                    chunks[i] = replace(c, context=part.context, chunk_id=chunk_id(
                        doc.doc_id, f"{part.label}/{c.kind}", c.start, c.text + "\x00" + part.context))
                elif c.kind == "table":  # a table is embedded as printed; its rows keep their parent
                    chunks[i] = replace(c, context=part.context)
    return chunks


def _chunk(doc: Document, part: str, start: int, end: int, text: str, **extra: object) -> Chunk:
    return Chunk(
        chunk_id=chunk_id(doc.doc_id, f"{part}/{extra.get('kind', 'text')}", start, text),
        doc_id=doc.doc_id,
        part=part,
        text=text,
        start=start,
        end=end,
        page=doc.page_at(start),
        title=doc.title,
        doc_type=doc.doc_type,
        date=doc.metadata.get("date", ""),
        **extra,  # type: ignore[arg-type]
    )


def _text_chunks(doc: Document, part: str, start: int, end: int, max_tokens: int, overlap: int,
                 count_tokens: TokenCounter) -> list[Chunk]:  # fmt: skip
    segment = doc.text[start:end]
    if not segment.strip():
        return []
    spans = _sentence_spans(segment, max_tokens, count_tokens)
    # Paragraph starts, except after a sentence that opens a list ("… de meeste leerlingen:").
    paragraphs = {k for k in range(1, len(spans)) if "\n\n" in segment[spans[k - 1][1] : spans[k][0]]
                  and not segment[spans[k - 1][0] : spans[k - 1][1]].rstrip().endswith(":")}
    chunks = []
    for a, b in pack(spans, [count_tokens(segment[s:e]) for s, e in spans], max_tokens, overlap, paragraphs):
        begin, finish = start + a, start + b
        text = doc.text[begin:finish]
        # the sentences are read once, here: answering reads them from the chunk
        chunks.append(_chunk(doc, part, begin, finish, text, sentences=split_sentences(text)))
    return chunks


def _table_chunks(doc: Document, part: str, table: Table) -> list[Chunk]:
    text = doc.text[table.start : table.end]
    whole = _chunk(doc, part, table.start, table.end, text, kind="table", table=table)
    rows = [
        _chunk(doc, part, table.start + a, table.start + b, row_text(table, r, doc.title), kind="row",
               parent=whole.chunk_id, row=r)  # fmt: skip
        for r, (a, b) in enumerate(row_line_offsets(table))
    ]
    return [whole, *rows]


def chunk_id(doc_id: str, part: str, start: int, text: str) -> str:
    """Content-addressed id: unchanged chunks keep their id (and their vector) across runs."""
    return hashlib.sha1(f"{doc_id}\x00{part}\x00{start}\x00{text}".encode()).hexdigest()[:24]


def pack(spans: list[tuple[int, int]], sizes: list[int], max_tokens: int, overlap: int,
         paragraphs: set[int] | frozenset[int] = frozenset()) -> list[tuple[int, int]]:  # fmt: skip
    """Group consecutive sentence spans into windows of at most ``max_tokens``.

    A window that would end inside a paragraph ends at the paragraph's start instead
    (``paragraphs``: indices of spans that open one), when that keeps it at least half
    full: an answer and the sentences that continue it stay together. Each window after
    the first repeats the last ``overlap`` sentences of the one before, if they fit.
    Returns ``(start, end)`` of each window.
    """
    windows: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        total, j = 0, i
        while j < len(spans) and (j == i or total + sizes[j] <= max_tokens):
            total += sizes[j]
            j += 1
        if j < len(spans) and j not in paragraphs:
            starts = [k for k in range(j - 1, i, -1) if k in paragraphs and sum(sizes[i:k]) >= max_tokens // 2]
            if starts:
                j = starts[0]
        windows.append((spans[i][0], spans[j - 1][1]))
        if j >= len(spans):
            break
        if j in paragraphs:
            i = j  # a new paragraph needs no overlap
            continue
        back = j - overlap
        # Overlap only when it still leaves room for progress.
        i = back if back > i and sum(sizes[back:j]) < max_tokens // 2 else j
    return windows


def _sentence_spans(text: str, max_tokens: int, count_tokens: TokenCounter) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for start, end in split_sentences(text):
        if count_tokens(text[start:end]) <= max_tokens:
            spans.append((start, end))
        else:
            spans.extend(_split_long(text, start, end, max_tokens, count_tokens))
    return spans


def _split_long(text: str, start: int, end: int, max_tokens: int, count_tokens: TokenCounter) -> list[tuple[int, int]]:
    """A sentence over budget (a long list) is cut at word boundaries."""
    words = [(m.start() + start, m.end() + start) for m in re.finditer(r"\S+", text[start:end])]
    pieces: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        j = i + 1
        while j < len(words) and count_tokens(text[words[i][0] : words[j][1]]) <= max_tokens:
            j += 1
        pieces.append((words[i][0], words[j - 1][1]))
        i = j
    return pieces
