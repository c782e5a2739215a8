"""The Gradio chat: a thin layer over :class:`QaBot`; rendering lives in :mod:`qa_bot.render`.

Each answer keeps its own sources: the panel lists every answer's cards (ids per answer,
``bron-<turn>-<n>``), newest first, so an older answer's ``[n]`` still finds its card. The
session remembers which answer the server gave at each turn (a ``gr.State``): feedback
and "Kopieer" use that record, never text the browser sends. The previous question goes
with each new one, so "En in 2018?" is understood.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from pathlib import Path
from typing import Any

import gradio as gr

from qa_bot.errors import QaBotError
from qa_bot.qa import QaBot, validate_question
from qa_bot.render import chat_markdown, conversation_sources, figures_html, plain_text
from qa_bot.retrieve import Filters

log = logging.getLogger(__name__)

EXAMPLES = [
    "Hoeveel mobiliteiten kregen in 2025 een Erasmus+-beurs in het beroepsonderwijs?",
    "Welk aandeel van de gevraagde mobiliteiten kon in 2025 gefinancierd worden?",
    "Met hoeveel procent is het aantal Europass Mobiliteiten gestegen sinds 2018?",
    "How many mobilities were requested by schools in 2025?",
]
CSS = """
.qa-card { border: 1px solid #ccd; border-radius: 6px; padding: 8px; margin-bottom: 8px; }
.qa-card:target { outline: 2px solid #3b6ea5; }
.qa-meta { color: #556; font-size: 0.85em; }
.qa-passage { margin: 6px 0; font-size: 0.9em; }
.qa-passage mark, .qa-table mark { background: #fff2a8; }
.qa-cited-row { background: #fffbe0; }
.qa-table table { border-collapse: collapse; font-size: 0.85em; margin: 6px 0; }
.qa-table th, .qa-table td { border: 1px solid #dde; padding: 2px 5px; }
.qa-table caption { text-align: left; font-weight: 600; }
.qa-abstained { background: #fff4e5; border-left: 4px solid #e69500; padding: 8px; }
.qa-figure { margin-bottom: 10px; }
.qa-formula code { white-space: normal; }
.qa-example { text-align: left !important; white-space: normal !important; }
"""
THANKS = {"up": "Bedankt! Uw positieve feedback is bewaard.", "down": "Bedankt! Uw feedback is bewaard."}


class FeedbackLog:
    """Thumbs up/down appended to a local JSON Lines file, for answers this server gave."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def append(self, answer_id: str, question: str, answer: str, verdict: str) -> None:
        record = {"time": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "answer_id": answer_id, "question": question,
                  "answer": answer, "verdict": verdict}  # fmt: skip
        with self._lock, self.path.open("a", encoding="utf-8") as handle:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


def _filters(doc_types: list[str] | None, parts: list[str] | None, date_from: str, date_to: str) -> Filters:
    return Filters.from_dict({"doc_types": doc_types or [], "parts": parts or [], "date_from": date_from or "",
                              "date_to": date_to or ""})  # fmt: skip


def build_ui(bot: QaBot) -> gr.Blocks:
    feedback = FeedbackLog(bot.settings.feedback_file)
    reader = bot.reader
    doc_types = sorted({c.doc_type for c in reader.chunks if c.doc_type})
    max_chars = bot.settings.max_question_chars

    def validate(question: str, *_: Any):  # type: ignore[no-untyped-def]
        try:
            validate_question(question, max_chars)
        except QaBotError as exc:
            return [gr.validate(False, str(exc))] + [gr.validate(True, "")] * 7
        return [gr.validate(True, "")] * 8

    def turns_of(ids: list[str]) -> list[tuple[int, Any]]:
        out = []
        for turn, answer_id in enumerate(ids, start=1):
            answer = bot.answered(answer_id)
            if answer is not None:
                out.append((turn, answer))
        return out

    def respond(question, history, ids, previous, types, parts, date_from, date_to):  # type: ignore[no-untyped-def]
        history = list(history or [])
        ids = list(ids or [])
        try:
            answer = bot.ask(question, _filters(types, parts, date_from, date_to), previous=previous or None)
        except QaBotError as exc:  # also checked server-side when the validator is bypassed
            history += [{"role": "user", "content": question or ""}, {"role": "assistant", "content": f"⚠️ {exc}"}]
            return history, ids, previous, conversation_sources(turns_of(ids)), "", "", ""
        ids.append(answer.answer_id)
        message = chat_markdown(answer, len(ids))
        if answer.resolved:
            message = f"_{'Vervolgvraag opgevat als' if answer.language == 'nl' else 'Follow-up read as'}: " \
                      f"{answer.resolved}_\n\n{message}"  # fmt: skip
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": message}]
        return (history, ids, answer.question, conversation_sources(turns_of(ids)), figures_html(answer),
                plain_text(answer), "")  # fmt: skip

    def on_like(ids, data: gr.LikeData):  # type: ignore[no-untyped-def]
        index = data.index if isinstance(data.index, int) else data.index[0]
        turn = index // 2
        answer = bot.answered(ids[turn]) if ids and 0 <= turn < len(ids) else None
        if answer is None:
            raise gr.Error("Dit antwoord is niet meer bekend bij de server; stel de vraag opnieuw.")
        verdict = "up" if data.liked else "down"
        feedback.append(answer.answer_id, answer.question, answer.text, verdict)
        gr.Info(THANKS[verdict])

    def clear():  # type: ignore[no-untyped-def]
        return [], [], "", "", "", "", ""

    with gr.Blocks(title="qa-bot — parlementaire vragen") as demo:
        gr.Markdown("## qa-bot\nVragen over parlementaire vragen, antwoorden en rapporten — met bronnen.")
        ids = gr.State([])
        previous = gr.State("")
        with gr.Row():
            with gr.Column(scale=3):
                gr.Markdown("### Gesprek")
                chat = gr.Chatbot(show_label=False, height=440, buttons=["copy"],
                                  feedback_options=("Like", "Dislike"), elem_id="qa-chat")  # fmt: skip
                question = gr.Textbox(label="Uw vraag", placeholder="Stel een vraag in het Nederlands of Engels…",
                                      max_length=max_chars, elem_id="qa-question")  # fmt: skip
                with gr.Row():
                    ask = gr.Button("Vraag", variant="primary", elem_id="qa-ask")
                    copy = gr.Button("Kopieer antwoord", elem_id="qa-copy")
                    wipe = gr.Button("Wissen", elem_id="qa-clear")
                plain = gr.Textbox(visible=False, elem_id="qa-plain")
                gr.Markdown("**Voorbeeldvragen** (klik om te vragen)")
                examples = [gr.Button(text, size="sm", elem_classes=["qa-example"]) for text in EXAMPLES]
            with gr.Column(scale=2):
                figures = gr.HTML(elem_id="qa-figures")
                sources = gr.HTML(elem_id="qa-sources")
        with gr.Accordion("Filters", open=False, elem_id="qa-filters"):
            types = gr.CheckboxGroup(doc_types, label="Documenttype")
            parts = gr.CheckboxGroup(["vraag", "antwoord", "rapport"], label="Deel")
            with gr.Row():
                date_from = gr.Textbox(label="Vanaf (JJJJ of JJJJ-MM-DD)", elem_id="qa-date-from")
                date_to = gr.Textbox(label="Tot en met", elem_id="qa-date-to")
        inputs = [question, chat, ids, previous, types, parts, date_from, date_to]
        outputs = [chat, ids, previous, sources, figures, plain, question]
        for trigger in (ask.click, question.submit):
            trigger(respond, inputs, outputs, validator=validate, api_visibility="private")
        for button, text in zip(examples, EXAMPLES, strict=True):
            button.click(lambda t=text: t, None, question, api_visibility="private").then(
                respond, inputs, outputs, validator=validate, api_visibility="private")  # fmt: skip
        chat.like(on_like, [ids], None, api_visibility="private")
        copy.click(None, [plain], None, js="(text) => { navigator.clipboard.writeText(text || ''); }",
                   api_visibility="private")  # fmt: skip
        wipe.click(clear, None, [chat, ids, previous, sources, figures, plain, question], api_visibility="private")
    demo.queue(default_concurrency_limit=bot.settings.concurrency)
    return demo
