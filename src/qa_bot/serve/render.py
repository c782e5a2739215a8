"""HTML and text for people: chat markdown, source cards, tables with cited cells, figures
with a small SVG chart, the plain text that "Kopieer" puts on the clipboard, and the
source viewer page.

Document text is untrusted. Every piece of it goes through :func:`html.escape` before it
is put in HTML: Gradio's ``gr.HTML`` does not sanitise. Pure functions, no Gradio import.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any
from urllib.parse import quote

from qa_bot.types import Answer, Citation, Table

PART_NAMES = {
    "nl": {"vraag": "vraag", "antwoord": "antwoord", "rapport": "rapport"},
    "en": {"vraag": "question", "antwoord": "answer", "rapport": "report"},
}
TEXTS = {
    "nl": {"sources": "Bronnen", "page": "p.", "open": "volledige tekst", "figures": "Berekende cijfers",
           "formula": "Berekening", "none": "Geen bronnen: de vraag is niet beantwoord.", "operands": "uit",
           "number": "vraag nr.", "answer": "Antwoord", "question": "Vraag", "asked_by": "Vraagsteller",
           "minister": "Minister", "date": "Datum", "type": "Type", "back": "terug naar de chat",
           "turn": "Vraag {n}"},
    "en": {"sources": "Sources", "page": "p.", "open": "full text", "figures": "Computed figures",
           "formula": "Calculation", "none": "No sources: the question was not answered.", "operands": "from",
           "number": "question no.", "answer": "Answer", "question": "Question", "asked_by": "Asked by",
           "minister": "Minister", "date": "Date", "type": "Type", "back": "back to the chat",
           "turn": "Question {n}"},
}  # fmt: skip


def anchor(turn: int, number: int) -> str:
    """The id of a source card: per answer, so every answer's [n] finds its own sources."""
    return f"bron-{turn}-{number}"


def chat_markdown(answer: Answer, turn: int = 1) -> str:
    """The answer for the chat: ``[n]`` markers link to that answer's source cards; abstentions are set apart."""
    if answer.abstained:
        return "> ⚠️ " + _escape_md(answer.text)
    text = _escape_md(answer.text).replace("\\*\\*", "**")
    return re.sub(r"\\\[(\d+)\\\]", lambda m: f"[[{m.group(1)}]](#{anchor(turn, int(m.group(1)))})", text)


def _escape_md(text: str) -> str:
    """Neutralise markdown/HTML in quoted document text; our own ** and [n] are restored."""
    text = escape(text, quote=False)
    return re.sub(r"([\\`*_{}\[\]()#+!|<>~])", r"\\\1", text)


def viewer_link(citation: Citation, base: str = "/view/") -> str:
    """The source viewer, scrolled to the cited sentence(s) (offsets inside the passage), or
    to the cited table."""
    at = citation.passage.find(citation.quote) if citation.quote and citation.table is None else -1
    span = f"&at={at}-{at + len(citation.quote)}" if at >= 0 else ""
    cells = "&cells=" + ",".join(f"{r}-{c}" for r, c in citation.cells) if citation.cells else ""
    return f"{base}{quote(citation.doc_id)}?chunk={quote(citation.chunk_id)}{span}{cells}#cited"


def sources_html(answer: Answer, turn: int = 1, heading: bool = True) -> str:
    """The source cards of one answer (ids per answer: ``bron-<turn>-<n>``)."""
    t = TEXTS[answer.language]
    if answer.abstained or not answer.citations:
        return f'<div class="qa-sources qa-abstained" data-turn="{turn}"><p>{escape(t["none"])}</p></div>'
    cards = [_card(c, answer.language, turn) for c in answer.citations]
    title = f"<h3>{escape(t['sources'])} — {escape(t['turn'].format(n=turn))}</h3>" if heading else ""
    return f'<div class="qa-sources" data-turn="{turn}">{title}{"".join(cards)}</div>'


def conversation_sources(turns: list[tuple[int, Answer]]) -> str:
    """The source panel: every answer's cards, newest first, so older answers keep theirs;
    only the latest answer's are open, each older answer's fold into a ``<details>`` (a
    click on an older ``[n]`` opens it: see ``ui.CHAT_JS``)."""
    blocks = []
    for i, (turn, answer) in enumerate(reversed(turns)):
        if i == 0:
            blocks.append(sources_html(answer, turn))
            continue
        t = TEXTS[answer.language]
        count = len(answer.citations) if not answer.abstained else 0
        summary = f"{t['sources']} — {t['turn'].format(n=turn)} ({count})"
        blocks.append(f'<details class="qa-older" data-turn="{turn}"><summary>{escape(summary)}</summary>'
                      f"{sources_html(answer, turn, heading=False)}</details>")  # fmt: skip
    return "".join(blocks)


def _meta(c: Citation, language: str) -> list[str]:
    t = TEXTS[language]
    meta = [PART_NAMES[language].get(c.part, c.part)]
    if c.doc_number:
        meta.append(f"{t['number']} {c.doc_number}")
    if c.doc_type:
        meta.append(c.doc_type)
    if c.date:
        meta.append(c.date)
    if c.page:
        meta.append(f"{t['page']} {c.page}")
    return meta


def _card(c: Citation, language: str, turn: int) -> str:
    t = TEXTS[language]
    body = table_html(c.table, c.cells) if c.table is not None else (
        f'<blockquote class="qa-passage">{highlight(c.passage, c.quote)}</blockquote>')  # fmt: skip
    return (
        f'<div class="qa-card" id="{anchor(turn, c.number)}">'
        f'<div class="qa-card-head"><span class="qa-num">[{c.number}]</span> <b>{escape(c.title)}</b></div>'
        f'<div class="qa-meta">{escape(" · ".join(_meta(c, language)))}</div>'
        f"{body}"
        f'<a class="qa-open" href="{escape(viewer_link(c))}" target="_blank" rel="noopener">{escape(t["open"])}</a>'
        "</div>"
    )


def highlight(passage: str, quote_text: str) -> str:
    """The passage, escaped, with the cited sentence in ``<mark>``."""
    at = passage.find(quote_text) if quote_text else -1
    if at < 0:
        return escape(passage)
    end = at + len(quote_text)
    return f"{escape(passage[:at])}<mark>{escape(passage[at:end])}</mark>{escape(passage[end:])}"


def table_html(table: Table, cells: tuple[tuple[int, int], ...] | list[tuple[int, int]] = (), anchor_id: str = "") -> str:
    """A table as HTML: the cited cells marked, their rows highlighted; text escaped."""
    cited = set(cells)
    rows = {r for r, _ in cited}
    head = "".join(f"<th>{escape(h)}</th>" for h in table.header)
    body = []
    for r, row in enumerate(table.rows):
        tds = []
        for c, cell in enumerate(row):
            inner = escape(cell.text)
            if (r, c) in cited:
                inner = f"<mark>{inner}</mark>"
            tag = "th" if c in table.label_columns else "td"
            tds.append(f'<{tag} data-row="{r}" data-col="{c}">{inner}</{tag}>')
        css = ' class="qa-cited-row"' if r in rows else ""
        body.append(f"<tr{css}>{''.join(tds)}</tr>")
    caption = f"<caption>{escape(table.caption)}</caption>" if table.caption else ""
    notes = "".join(f'<div class="qa-note">{escape(n)}</div>' for n in table.notes)
    ident = f' id="{escape(anchor_id)}"' if anchor_id else ""
    return (f'<div class="qa-table"{ident}><table>{caption}<thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(body)}</tbody></table>{notes}</div>")  # fmt: skip


def figures_html(answer: Answer) -> str:
    if not answer.figures:
        return ""
    t = TEXTS[answer.language]
    blocks = []
    for f in answer.figures:
        sources = ", ".join(sorted({f"[{op.citation}]" for op in f.operands if op.citation}))
        blocks.append(
            f'<div class="qa-figure"><div class="qa-figure-value"><b>{escape(f.label)}</b>: {escape(f.display)}</div>'
            f'<div class="qa-formula">{escape(t["formula"])}: <code>{escape(f.formula)}</code> — '
            f"{escape(t['operands'])} {escape(sources)}</div>{chart_svg(f.chart)}</div>"
        )
    return f'<div class="qa-figures"><h3>{escape(t["figures"])}</h3>{"".join(blocks)}</div>'


def chart_svg(chart: dict[str, Any], width: int = 340, height: int = 180) -> str:
    """A bar chart (comparison) or line chart (trend) as inline SVG: each bar or point named
    by what tells it apart ("toegekend 2025" / "gevraagd 2025"), the y axis by what is
    counted and its unit, and the chart's ``description`` as its text alternative (the
    SVG's accessible name and ``<title>``). Labels are escaped."""
    series = [(str(p["label"]), float(p["value"])) for p in chart.get("series", [])]
    if not series:
        return ""
    top = max(v for _, v in series) or 1.0
    pad, base = 40, height - 30
    step = (width - pad - 12) / max(len(series), 1)
    y_label = str(chart.get("y_label") or chart.get("unit", ""))
    alt = str(chart.get("description") or chart.get("title", ""))
    parts = [f'<svg class="qa-chart" role="img" aria-label="{escape(alt)}" '
             f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
             f"<title>{escape(alt)}</title>"]  # fmt: skip
    parts.append(f'<line x1="{pad}" y1="{base}" x2="{width - 12}" y2="{base}" stroke="#595959"/>')
    parts.append(f'<line x1="{pad}" y1="12" x2="{pad}" y2="{base}" stroke="#595959"/>')
    if y_label:
        short_axis = y_label if len(y_label) <= 30 else y_label[:28] + "…"
        parts.append(f'<text class="qa-axis-label" x="{-(12 + base) / 2:.1f}" y="14" font-size="10" '
                     f'text-anchor="middle" transform="rotate(-90)">{escape(short_axis)}</text>')  # fmt: skip
    points = []
    for i, (label, value) in enumerate(series):
        x = pad + step * i + step / 2
        y = base - (value / top) * (base - 18)
        points.append((x, y))
        if chart.get("type") == "bar":
            parts.append(f'<rect x="{x - step / 4:.1f}" y="{y:.1f}" width="{step / 2:.1f}" height="{base - y:.1f}" '
                         f'fill="#2f5d8c"/>')  # fmt: skip
        short = label if len(label) <= 28 else label[:26] + "…"
        parts.append(f'<text class="qa-bar-label" x="{x:.1f}" y="{height - 14}" font-size="10" '
                     f'text-anchor="middle">{escape(short)}</text>')  # fmt: skip
        parts.append(f'<text x="{x:.1f}" y="{y - 4:.1f}" font-size="10" text-anchor="middle">{value:g}</text>')
    if chart.get("type") == "line":
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="#2f5d8c" stroke-width="2"/>')
        parts += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#2f5d8c"/>' for x, y in points]
    parts.append("</svg>")
    return "".join(parts)


def plain_text(answer: Answer, base_url: str = "") -> str:
    """The answer as plain text for the clipboard: the answer, the formula (once), and every
    citation in full (title, number, part, date, page, link). Links are absolute when
    ``base_url`` ("http://host:port") is given: a pasted ``/view/…`` leads nowhere."""
    t = TEXTS[answer.language]
    lines = [re.sub(r"\*\*", "", answer.text)]
    for figure in answer.figures:
        if figure.formula not in answer.text:  # the answer usually states it already
            lines += ["", f"{t['formula']}: {figure.formula}"]
    if answer.citations:
        lines += ["", f"{t['sources']}:"]
        for c in answer.citations:
            meta = ", ".join(_meta(c, answer.language))
            lines.append(f"[{c.number}] {c.title} ({meta}) — {base_url.rstrip('/')}{viewer_link(c)}")
    return "\n".join(lines)


def document_page(title: str, meta: dict[str, str], text: str, tables: list[Table], cited: tuple[int, int] | None,
                  cells: list[tuple[int, int]], language: str = "nl") -> str:  # fmt: skip
    """The source viewer: a document's title and metadata, its text with the cited passage
    marked (``id="cited"``) and its tables as tables with the cited cells marked."""
    t = TEXTS[language]
    labels = {"number": t["number"], "asked_by": t["asked_by"], "minister": t["minister"], "date": t["date"],
              "doc_type": t["type"]}  # fmt: skip
    rows = "".join(f"<tr><th>{escape(labels[k])}</th><td>{escape(meta[k])}</td></tr>" for k in labels if meta.get(k))
    body: list[str] = []
    position = 0
    spans = sorted([(tb.start, tb.end, tb) for tb in tables], key=lambda x: x[0])
    for start, end, table in spans:
        body.append(_text_html(text, position, start, cited))
        table_cited = cited is not None and cited[0] <= start and cited[1] >= end
        body.append(table_html(table, cells if table_cited else (), "cited" if table_cited else ""))
        position = end
    body.append(_text_html(text, position, len(text), cited))
    url = meta.get("url", "")
    link = f'<p><a href="{escape(url)}" rel="noopener">{escape(url)}</a></p>' if url.startswith(("http://", "https://")) else ""
    return (f"<!doctype html><html lang='{language}'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>{escape(title)}</title>"
            "<link rel='stylesheet' href='/static/viewer.css'></head><body>"
            f"<nav><a href='/'>{escape(t['back'])}</a></nav><main><h1>{escape(title)}</h1>"
            f"<table class='qa-meta'>{rows}</table>{link}<div class='qa-document'>{''.join(body)}</div>"
            "</main></body></html>")  # fmt: skip


def _text_html(text: str, start: int, end: int, cited: tuple[int, int] | None) -> str:
    if start >= end:
        return ""
    if cited is None or cited[1] <= start or cited[0] >= end:
        return f"<div class='qa-text'>{escape(text[start:end])}</div>"
    a, b = max(cited[0], start), min(cited[1], end)
    return (f"<div class='qa-text'>{escape(text[start:a])}<mark id='cited'>{escape(text[a:b])}</mark>"
            f"{escape(text[b:end])}</div>")  # fmt: skip
