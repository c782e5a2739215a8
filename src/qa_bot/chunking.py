"""Parts → chunks: whole sentences packed up to the embedder's budget, one sentence overlap.

The budget is counted in the embedder's own word pieces (``count_tokens``), because
Dutch text costs MiniLM about 2.35 pieces a word and anything past 256 pieces is
never embedded.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable

from qa_bot.text import split_sentences
from qa_bot.types import Chunk, Document, Part

TokenCounter = Callable[[str], int]


def approx_tokens(text: str) -> int:
    """Rough MiniLM word-piece count for Dutch: 2.35 pieces a word, rounded up."""
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
        spans = _sentence_spans(part, max_tokens, count_tokens)
        for start, end in pack(spans, [count_tokens(part.text[s:e]) for s, e in spans], max_tokens, overlap_sentences):
            begin, finish = part.start + start, part.start + end
            text = doc.text[begin:finish]
            chunks.append(
                Chunk(
                    chunk_id=chunk_id(doc.doc_id, part.label, begin, text),
                    doc_id=doc.doc_id,
                    part=part.label,
                    text=text,
                    start=begin,
                    end=finish,
                    page=doc.page_at(begin),
                    title=doc.title,
                    doc_type=doc.doc_type,
                    date=doc.metadata.get("date", ""),
                )
            )
    return chunks


def chunk_id(doc_id: str, part: str, start: int, text: str) -> str:
    """Content-addressed id: unchanged chunks keep their id (and their vector) across runs."""
    return hashlib.sha1(f"{doc_id}\x00{part}\x00{start}\x00{text}".encode()).hexdigest()[:24]


def pack(spans: list[tuple[int, int]], sizes: list[int], max_tokens: int, overlap: int) -> list[tuple[int, int]]:
    """Group consecutive sentence spans into windows of at most ``max_tokens``.

    Each window after the first repeats the last ``overlap`` sentences of the one
    before, if they fit. Returns ``(start, end)`` of each window.
    """
    windows: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        total, j = 0, i
        while j < len(spans) and (j == i or total + sizes[j] <= max_tokens):
            total += sizes[j]
            j += 1
        windows.append((spans[i][0], spans[j - 1][1]))
        if j >= len(spans):
            break
        back = j - overlap
        # Overlap only when it still leaves room for progress.
        i = back if back > i and sum(sizes[back:j]) < max_tokens // 2 else j
    return windows


def _sentence_spans(part: Part, max_tokens: int, count_tokens: TokenCounter) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for start, end in split_sentences(part.text):
        if count_tokens(part.text[start:end]) <= max_tokens:
            spans.append((start, end))
        else:
            spans.extend(_split_long(part.text, start, end, max_tokens, count_tokens))
    return spans


def _split_long(text: str, start: int, end: int, max_tokens: int, count_tokens: TokenCounter) -> list[tuple[int, int]]:
    """A sentence over budget (a table row run, a list) is cut at word boundaries."""
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
