"""HTML for the chat: answer markdown, source cards, figures with a small SVG chart.

Document text is untrusted. Every piece of it goes through :func:`html.escape` before it
is put in HTML: Gradio's ``gr.HTML`` does not sanitise. Pure functions, no Gradio import.
"""

from __future__ import annotations

import re
from html import escape
from typing import Any
from urllib.parse import quote

from qa_bot.types import Answer, Citation

PART_NAMES = {
    "nl": {"vraag": "vraag", "antwoord": "antwoord", "rapport": "rapport"},
    "en": {"vraag": "question", "antwoord": "answer", "rapport": "report"},
}
TEXTS = {
    "nl": {"sources": "Bronnen", "page": "p.", "open": "volledige tekst", "figures": "Berekende cijfers",
           "formula": "Berekening", "none": "Geen bronnen: de vraag is niet beantwoord.", "operands": "uit"},
    "en": {"sources": "Sources", "page": "p.", "open": "full text", "figures": "Computed figures",
           "formula": "Calculation", "none": "No sources: the question was not answered.", "operands": "from"},
}  # fmt: skip


def chat_markdown(answer: Answer) -> str:
    """The answer for the chat: ``[n]`` markers link to the source cards; abstentions are set apart."""
    if answer.abstained:
        return "> ⚠️ " + _escape_md(answer.text)
    text = _escape_md(answer.text).replace("\\*\\*", "**")
    return re.sub(r"\\\[(\d+)\\\]", r"[[\1]](#bron-\1)", text)


def _escape_md(text: str) -> str:
    """Neutralise markdown/HTML in quoted document text; our own ** and [n] are restored."""
    text = escape(text, quote=False)
    return re.sub(r"([\\`*_{}\[\]()#+!|<>~])", r"\\\1", text)


def sources_html(answer: Answer, source_url: str = "/sources/") -> str:
    t = TEXTS[answer.language]
    if answer.abstained or not answer.citations:
        return f'<div class="qa-sources qa-abstained"><p>{escape(t["none"])}</p></div>'
    cards = [_card(c, answer.language, source_url) for c in answer.citations]
    return f'<div class="qa-sources"><h3>{escape(t["sources"])}</h3>{"".join(cards)}</div>'


def _card(c: Citation, language: str, source_url: str) -> str:
    t = TEXTS[language]
    meta = [PART_NAMES[language].get(c.part, c.part)]
    if c.doc_type:
        meta.append(c.doc_type)
    if c.date:
        meta.append(c.date)
    if c.page:
        meta.append(f"{t['page']} {c.page}")
    href = source_url + quote(c.doc_id) + (f"#page={c.page}" if c.page else "")
    return (
        f'<div class="qa-card" id="bron-{c.number}">'
        f'<div class="qa-card-head"><span class="qa-num">[{c.number}]</span> <b>{escape(c.title)}</b></div>'
        f'<div class="qa-meta">{escape(" · ".join(meta))}</div>'
        f'<blockquote class="qa-passage">{highlight(c.passage, c.quote)}</blockquote>'
        f'<a class="qa-open" href="{escape(href)}" target="_blank" rel="noopener">{escape(t["open"])}</a>'
        "</div>"
    )


def highlight(passage: str, quote_text: str) -> str:
    """The passage, escaped, with the cited sentence in ``<mark>``."""
    at = passage.find(quote_text) if quote_text else -1
    if at < 0:
        return escape(passage)
    end = at + len(quote_text)
    return f"{escape(passage[:at])}<mark>{escape(passage[at:end])}</mark>{escape(passage[end:])}"


def figures_html(answer: Answer) -> str:
    if not answer.figures:
        return ""
    t = TEXTS[answer.language]
    blocks = []
    for f in answer.figures:
        sources = ", ".join(sorted({f"[{op.citation}]" for op in f.operands}))
        blocks.append(
            f'<div class="qa-figure"><div class="qa-figure-value"><b>{escape(f.label)}</b>: {escape(f.display)}</div>'
            f'<div class="qa-formula">{escape(t["formula"])}: <code>{escape(f.formula)}</code> — '
            f"{escape(t['operands'])} {escape(sources)}</div>{chart_svg(f.chart)}</div>"
        )
    return f'<div class="qa-figures"><h3>{escape(t["figures"])}</h3>{"".join(blocks)}</div>'


def chart_svg(chart: dict[str, Any], width: int = 320, height: int = 150) -> str:
    """A bar chart (comparison) or line chart (trend) as inline SVG; labels escaped."""
    series = [(str(p["label"]), float(p["value"])) for p in chart.get("series", [])]
    if not series:
        return ""
    top = max(v for _, v in series) or 1.0
    pad, base = 30, height - 25
    step = (width - 2 * pad) / max(len(series), 1)
    parts = [f'<svg class="qa-chart" role="img" aria-label="{escape(str(chart.get("title", "")))}" '
             f'width="{width}" height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">']  # fmt: skip
    parts.append(f'<line x1="{pad}" y1="{base}" x2="{width - pad}" y2="{base}" stroke="#888"/>')
    points = []
    for i, (label, value) in enumerate(series):
        x = pad + step * i + step / 2
        y = base - (value / top) * (base - 15)
        points.append((x, y))
        if chart.get("type") == "bar":
            parts.append(f'<rect x="{x - step / 4:.1f}" y="{y:.1f}" width="{step / 2:.1f}" height="{base - y:.1f}" '
                         f'fill="#3b6ea5"/>')  # fmt: skip
        parts.append(f'<text x="{x:.1f}" y="{height - 8}" font-size="11" text-anchor="middle">{escape(label)}</text>')
        parts.append(f'<text x="{x:.1f}" y="{y - 4:.1f}" font-size="11" text-anchor="middle">{value:g}</text>')
    if chart.get("type") == "line":
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        parts.append(f'<polyline points="{path}" fill="none" stroke="#3b6ea5" stroke-width="2"/>')
        parts += [f'<circle cx="{x:.1f}" cy="{y:.1f}" r="3" fill="#3b6ea5"/>' for x, y in points]
    parts.append("</svg>")
    return "".join(parts)
