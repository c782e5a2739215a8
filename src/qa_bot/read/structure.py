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
from dataclasses import dataclass, replace
from functools import lru_cache

from qa_bot import lang
from qa_bot.read.printed import Kind, list_lead, qa_headings, read_numbers
from qa_bot.read.text import split_sentences
from qa_bot.types import Document, Part

_HEADING = re.compile(r"^[ \t]*(?P<label>vragen|vraag|antwoorden|antwoord|questions|question|answers|answer)\b[^\n]{0,80}$",
                      re.IGNORECASE | re.MULTILINE)  # fmt: skip


def split_parts(doc: Document) -> list[Part]:
    body_start = _body_start(doc)
    if any(t in doc.doc_type.lower() for t in lang.union("REPORT_DOC_TYPES")):
        return [_part(doc, "rapport", body_start, len(doc.text))]
    parts = _by_headings(doc, body_start) or _by_question_mark(doc, body_start)
    if not parts:
        return [_part(doc, "rapport", body_start, len(doc.text))]
    # Numbered questions are read item by item to pair them with their answers, but stay one
    # part: the member's question is retrieved and cited whole, as before.
    questions = {n: p.text for part in parts if part.label == "vraag" for p in numbered_items(doc, part)
                 for n in p.numbers}  # fmt: skip
    items = [item for part in parts for item in (numbered_items(doc, part) if part.label != "vraag" else [part])]
    return link_pairs(items, questions)


def numbered_items(doc: Document, part: Part) -> list[Part]:
    """A part that runs numbered questions or answers together ("1 Is het u bekend … 2 Bent
    u …", "1 Ja. … 2 Ja. 3 Los van …") → one part per item, numbered. Markers are the heading
    numbers the reader found (:mod:`qa_bot.read.printed`), taken only while they count up
    from 1 (or from the part's own number), so a stray number does not split a part."""
    if part.numbers:
        return [part]
    markers: list[tuple[int, int]] = []
    expected = 1
    for item in read_numbers(part.text):
        if item.kind != Kind.HEADING or not item.text.isdigit():
            continue
        n = int(item.text)
        if n == expected or (markers and n == markers[-1][0] + 1):
            markers.append((n, item.start))
            expected = n + 1
    if len(markers) < 2:
        return [part]
    items: list[Part] = []
    if part.text[: markers[0][1]].strip():
        items.append(_part(doc, part.label, part.start, part.start + markers[0][1]))
    numbers: tuple[int, ...] = ()
    begin = 0
    for i, (n, at) in enumerate(markers):
        end = markers[i + 1][1] if i + 1 < len(markers) else len(part.text)
        numbers, begin = numbers + (n,), begin if numbers else at
        if end < len(part.text) and list_lead().fullmatch(part.text[at:end].strip() + " "):
            continue  # "2 en 3 De verhoging …": one answer to questions 2 and 3, not an empty "2 en"
        items.append(replace(_part(doc, part.label, part.start + begin, part.start + end), numbers=numbers))
        numbers = ()
    return [p for p in items if p.text]


def link_pairs(parts: list[Part], items: dict[int, str] | None = None) -> list[Part]:
    """Each numbered answer carries the text of the question(s) with its number as context
    ("Antwoord 2 en 3" ← "Vraag 2 en 3"; "3 Los van …" ← "3 Bent u …"): for matching and
    retrieval, never quoted. ``items`` are numbered questions read inside a question part.
    Only the first 600 characters of the questions are kept."""
    questions: dict[int, list[str]] = {n: [text] for n, text in (items or {}).items()}
    for part in parts:
        if part.label == "vraag":
            for n in part.numbers:
                questions.setdefault(n, []).append(part.text)
    out = []
    for part in parts:
        if part.label == "antwoord" and part.numbers:
            texts = list(dict.fromkeys(t for n in part.numbers for t in questions.get(n, [])))
            if texts:
                part = replace(part, context=" ".join(texts)[:600])
        out.append(part)
    return out


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
    heads = [_Head(m.group("label").lower(), m.start(), m.end(), m.group(0))
             for m in _HEADING.finditer(doc.text, start) if _looks_like_heading(m.group(0))]  # fmt: skip
    seen = {h.start for h in heads}
    heads += [_Head(m.group("label").lower(), m.start(), m.end("label"), m.group(0))
              for pattern in _answer_by() for m in pattern.finditer(doc.text, start)
              if m.start() not in seen and (m.group("label")[0].isupper() or doc.text[m.start() - 1 : m.start()] in "\n")]  # fmt: skip
    heads.sort(key=lambda h: h.start)
    if not any(h.label in ("antwoord", "answer") for h in heads):
        return []
    parts: list[Part] = []
    for i, head in enumerate(heads):
        end = heads[i + 1].start if i + 1 < len(heads) else len(doc.text)
        label = "vraag" if head.label in lang.union("QUESTION_LABELS") else "antwoord"
        part = replace(_part(doc, label, head.end, end), numbers=_heading_numbers(head.line))
        if part.text:
            parts.append(part)
    preamble = doc.text[start : heads[0].start].strip()
    if preamble and parts and parts[0].label == "vraag" and not parts[0].numbers:
        # Text between title and the first heading belongs to the question.
        parts[0] = _part(doc, "vraag", start, parts[0].start + len(parts[0].text))
    elif preamble:
        # The questions before a lone "Antwoord" heading, or the preamble before "Vraag 1".
        parts.insert(0, _part(doc, "vraag", start, heads[0].start))
    return parts


@dataclass(frozen=True)
class _Head:
    label: str  # "vraag", "antwoord", … as printed, lower case
    start: int
    end: int  # where the part's text may begin
    line: str  # the heading as printed, for its numbers


@lru_cache(maxsize=1)
def _answer_by() -> tuple[re.Pattern[str], ...]:
    """Per language, the header that opens the government's answer at the start of a line or,
    capitalised, of a sentence in a scan read as one paragraph, however long it runs
    ("… de landbouwregeling. Antwoord Antwoord van Staatssecretaris X (Financiën), …")."""
    return tuple(re.compile(r"(?:^[ \t]*|(?<=[.?!)»”] ))(?:" + m.ANSWER_BY + ")", re.IGNORECASE | re.MULTILINE)
                 for m in lang.LANGUAGES.values())  # fmt: skip


def _heading_numbers(heading: str) -> tuple[int, ...]:
    """'Vraag 2 en 3' → (2, 3); 'Antwoord op vraag 4' → (4,); 'Vragen 1 t/m 3' → (1, 2, 3)."""
    for pattern in qa_headings():
        m = pattern.match(heading)
        if m and m.group("numbers"):
            found = [int(n) for n in re.findall(r"\d+", m.group("numbers"))]
            if len(found) == 2 and re.search(r"t/m|tot en met|-|–", m.group("numbers")) and found[0] < found[1] <= 30:
                return tuple(range(found[0], found[1] + 1))
            return tuple(found)
    return ()


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
