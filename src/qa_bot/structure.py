"""Document → parts: ``vraag`` and ``antwoord`` for written questions, else ``rapport``.

Two layouts are recognised:

* explicit headings on their own line ("Vraag", "Antwoord", "Vraag nr. 12", "Antwoord
  van de minister"), and
* no headings (the Flemish parliament's export): the question part ends with the
  sentence(s) ending in "?" that put the question to the minister, and the answer
  follows.
"""

from __future__ import annotations

import re

from qa_bot.text import split_sentences
from qa_bot.types import Document, Part

_HEADING = re.compile(r"^[ \t]*(?P<label>vraag|antwoord|question|answer)\b[^\n]{0,80}$", re.IGNORECASE | re.MULTILINE)
REPORT_TYPES = ("rapport", "report", "verslag", "scoreboard")


def split_parts(doc: Document) -> list[Part]:
    body_start = _body_start(doc)
    if any(t in doc.doc_type.lower() for t in REPORT_TYPES):
        return [_part(doc, "rapport", body_start, len(doc.text))]
    parts = _by_headings(doc, body_start) or _by_question_mark(doc, body_start)
    return parts or [_part(doc, "rapport", body_start, len(doc.text))]


def _body_start(doc: Document) -> int:
    """Skip the first line when it is the title, so it is not counted as question text
    (unless a table starts there: a CSV's caption is its title)."""
    if any(t.start == 0 for t in doc.tables):
        return 0
    first_line_end = doc.text.find("\n")
    first = doc.text[: first_line_end if first_line_end >= 0 else len(doc.text)]
    if first.strip() and re.sub(r"\s+", " ", first).strip() == doc.title and first_line_end > 0:
        return first_line_end + 1
    return 0


def _by_headings(doc: Document, start: int) -> list[Part]:
    heads = [m for m in _HEADING.finditer(doc.text, start) if _looks_like_heading(m.group(0))]
    if not any(m.group("label").lower() in ("antwoord", "answer") for m in heads):
        return []
    parts: list[Part] = []
    for i, head in enumerate(heads):
        end = heads[i + 1].start() if i + 1 < len(heads) else len(doc.text)
        label = "vraag" if head.group("label").lower() in ("vraag", "question") else "antwoord"
        part = _part(doc, label, head.end(), end)
        if part.text:
            parts.append(part)
    preamble = doc.text[start : heads[0].start()].strip()
    if preamble and parts and parts[0].label == "vraag":
        # Text between title and the first heading belongs to the question.
        parts[0] = _part(doc, "vraag", start, parts[0].start + len(parts[0].text))
    return parts


def _looks_like_heading(line: str) -> bool:
    words = line.split()
    return len(words) <= 8 and not line.rstrip().endswith((".", "?", ","))


def _by_question_mark(doc: Document, start: int) -> list[Part]:
    spans = split_sentences(doc.text[start:])
    ends_q = [doc.text[start + e - 1] == "?" for _, e in spans]
    if not any(ends_q):
        return []
    last = ends_q.index(True)
    # A numbered list of questions: keep going while another "?" follows closely.
    j = last + 1
    while j < len(spans) and j <= last + 2:
        if ends_q[j]:
            last = j
        j += 1
    split_at = start + spans[last][1]
    if not doc.text[split_at:].strip():
        return []
    return [_part(doc, "vraag", start, split_at), _part(doc, "antwoord", split_at, len(doc.text))]


def _part(doc: Document, label: str, start: int, end: int) -> Part:
    raw = doc.text[start:end]
    lead = len(raw) - len(raw.lstrip())
    return Part(doc_id=doc.doc_id, label=label, text=raw.strip(), start=start + lead)
