"""The Gradio chat: a thin layer over :class:`QaBot`; rendering lives in :mod:`qa_bot.render`."""

import json
import logging
import threading
import time
from pathlib import Path
from typing import Any

import gradio as gr

from qa_bot.errors import QaBotError
from qa_bot.qa import QaBot, validate_question
from qa_bot.render import chat_markdown, figures_html, sources_html
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
.qa-passage mark { background: #fff2a8; }
.qa-abstained { background: #fff4e5; border-left: 4px solid #e69500; padding: 8px; }
.qa-figure { margin-bottom: 10px; }
.qa-formula code { white-space: normal; }
"""


class FeedbackLog:
    """Thumbs up/down appended to a local JSON Lines file."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()

    def append(self, question: str, answer: str, verdict: str) -> None:
        record = {"time": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "question": question, "answer": answer,
                  "verdict": verdict}  # fmt: skip
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
            return [gr.validate(False, str(exc))] + [gr.validate(True, "")] * 5
        return [gr.validate(True, "")] * 6

    def respond(question, history, types, parts, date_from, date_to):  # type: ignore[no-untyped-def]
        history = list(history or [])
        try:
            answer = bot.ask(question, _filters(types, parts, date_from, date_to))
        except QaBotError as exc:  # also checked server-side when the validator is bypassed
            history += [{"role": "user", "content": question or ""}, {"role": "assistant", "content": f"⚠️ {exc}"}]
            return history, "", "", ""
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": chat_markdown(answer)}]
        return history, sources_html(answer), figures_html(answer), ""

    def on_like(history, data: gr.LikeData):  # type: ignore[no-untyped-def]
        index = data.index if isinstance(data.index, int) else data.index[0]
        question = history[index - 1]["content"] if index > 0 else ""
        feedback.append(str(question), str(history[index]["content"]), "up" if data.liked else "down")

    with gr.Blocks(title="qa-bot — parlementaire vragen") as demo:
        gr.Markdown("## qa-bot\nVragen over parlementaire vragen, antwoorden en rapporten — met bronnen.")
        with gr.Row():
            with gr.Column(scale=3):
                chat = gr.Chatbot(label="Gesprek", height=420, buttons=["copy"], feedback_options=("Like", "Dislike"),
                                  elem_id="qa-chat")  # fmt: skip
                question = gr.Textbox(label="Uw vraag", placeholder="Stel een vraag in het Nederlands of Engels…",
                                      max_length=max_chars, elem_id="qa-question")  # fmt: skip
                with gr.Row():
                    ask = gr.Button("Vraag", variant="primary", elem_id="qa-ask")
                    gr.ClearButton([chat, question], value="Wissen")
                gr.Examples(EXAMPLES, inputs=question, label="Voorbeeldvragen")
                with gr.Accordion("Filters", open=False):
                    types = gr.CheckboxGroup(doc_types, label="Documenttype")
                    parts = gr.CheckboxGroup(["vraag", "antwoord", "rapport"], label="Deel")
                    with gr.Row():
                        date_from = gr.Textbox(label="Vanaf (JJJJ of JJJJ-MM-DD)")
                        date_to = gr.Textbox(label="Tot en met")
            with gr.Column(scale=2):
                figures = gr.HTML(elem_id="qa-figures")
                sources = gr.HTML(elem_id="qa-sources")
        inputs = [question, chat, types, parts, date_from, date_to]
        for trigger in (ask.click, question.submit):
            trigger(respond, inputs, [chat, sources, figures, question], validator=validate, api_name=False)
        chat.like(on_like, [chat], None, api_name=False)
    demo.queue(default_concurrency_limit=bot.settings.concurrency)
    return demo
