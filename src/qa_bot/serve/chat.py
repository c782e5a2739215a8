"""The Gradio chat: a thin layer over :class:`QaBot`; rendering lives in :mod:`qa_bot.serve.render`.

Each answer keeps its own sources: the panel lists every answer's cards (ids per answer,
``bron-<turn>-<n>``), newest first, so an older answer's ``[n]`` still finds its card. The
session remembers which answer the server gave at each turn (a ``gr.State``): feedback
and "Kopieer" use that record, never text the browser sends. The previous question goes
with each new one, so "En in 2018?" is understood.

Asking is two steps: the question shows in the chat at once with a "bezig" message and
the button disabled; the answer replaces that message, then the button comes back. The
page's ``lang`` follows the latest answer (Dutch until an English answer), and the chat's
own copy icon copies the message as shown (plain text, no markdown): see ``CHAT_JS``.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from pathlib import Path
from typing import Any

import gradio as gr

from qa_bot import lang
from qa_bot.errors import QaBotError
from qa_bot.qa import QaBot, validate_question
from qa_bot.retrieve import Filters
from qa_bot.serve.render import chat_markdown, conversation_sources, figures_html, plain_text

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
.qa-chart { max-width: 100%; height: auto; }
.qa-formula code { white-space: normal; }
.qa-example { text-align: left !important; white-space: normal !important; }
#qa-sources { max-height: 640px; overflow-y: auto; }
.qa-older { border-top: 1px solid #ccd; padding: 4px 0; }
.qa-older summary { cursor: pointer; color: #2f4f7a; }
/* Gradio's orange primary buttons ("Vraag", "Inloggen") have 2.8:1 contrast with white text;
   this blue has 6.7:1. */
button.primary, button.primary:hover, #qa-ask, #qa-ask:hover {
  background: #1d4ed8 !important; border-color: #1d4ed8 !important; color: #fff !important; }
#qa-ask:disabled { background: #4b5563 !important; border-color: #4b5563 !important; }
#qa-ask { transition: none !important; }  /* no half-faded, low-contrast moment after an answer */
"""
# Runs once when the page has loaded. (1) Keeps <html lang> at the answer language (Dutch
# unless the latest answer is English): Gradio's i18n sets it from the browser's language.
# (2) A click on an older answer's [n] opens its folded sources. (3) The chat's own copy
# icon copies the message as shown (Gradio's copies the raw markdown).
CHAT_JS = """() => {
  const keep = () => {
    if (window.__gradio_mode__ !== "app") return;  // embedded as a web component: the host page owns <html lang>
    const want = window.__qaLang || "nl";
    if (document.documentElement.lang !== want) document.documentElement.lang = want;
  };
  new MutationObserver(keep).observe(document.documentElement, {attributes: true, attributeFilter: ["lang"]});
  keep();
  document.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const link = target.closest("a[href^='#bron-']");
    if (link) {
      const card = document.getElementById(link.getAttribute("href").slice(1));
      const folded = card && card.closest("details");
      if (folded) folded.open = true;
    }
    const copy = target.closest("#qa-chat .message-buttons button");
    if (copy && /cop|kopi/i.test((copy.getAttribute("aria-label") || "") + (copy.getAttribute("title") || ""))) {
      // the buttons follow the message they belong to
      let row = copy.closest(".message-buttons");
      while (row && !(row.matches(".message-row") || row.querySelector(".message-content"))) row = row.previousElementSibling;
      const all = row ? row.querySelectorAll(".message-content") : [];
      const shown = all.length ? all[all.length - 1] : null;
      if (shown) {
        event.stopPropagation();
        event.preventDefault();
        navigator.clipboard.writeText(shown.innerText.trim());
      }
    }
  }, true);
}"""
SET_LANG_JS = """(language) => { window.__qaLang = language || "nl";
  if (window.__gradio_mode__ === "app") document.documentElement.lang = window.__qaLang; }"""
THANKS = {"up": "Bedankt! Uw positieve feedback is bewaard.", "down": "Bedankt! Uw feedback is bewaard."}
BUSY = "⏳ _Bezig met zoeken in de bronnen…_"
ASK, ASKING = "Vraag", "Bezig…"


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


def theme() -> gr.themes.Base:
    """Gradio's default look with primary buttons dark enough for white text (the login page
    takes the theme, not the app's CSS)."""
    blue, darker = "#1d4ed8", "#1e40af"
    return gr.themes.Default().set(
        button_primary_background_fill=blue, button_primary_background_fill_hover=darker,
        button_primary_border_color=blue, button_primary_text_color="#ffffff",
        button_primary_background_fill_dark=blue, button_primary_background_fill_hover_dark=darker,
        button_primary_border_color_dark=blue, button_primary_text_color_dark="#ffffff",
    )  # fmt: skip


def _content(message: dict[str, Any]) -> str:
    """A chat message's text (Gradio hands content back as a list of typed parts)."""
    content = message.get("content")
    if isinstance(content, list):
        return "".join(str(part.get("text", "")) for part in content if isinstance(part, dict))
    return str(content or "")


def _base_url(request: gr.Request | None) -> str:
    """Where this server is reached ("http://host:port"), for absolute links in copied text."""
    inner = getattr(request, "request", None) if request is not None else None
    return str(inner.base_url).rstrip("/") if inner is not None else ""


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

    def show_question(question, history, *_: Any):  # type: ignore[no-untyped-def]
        """At once: the question in the chat with a "bezig" message, the button disabled."""
        history = list(history or []) + [{"role": "user", "content": question or ""},
                                         {"role": "assistant", "content": BUSY}]  # fmt: skip
        return history, gr.Button(value=ASKING, interactive=False), gr.Textbox(interactive=False)

    def done():  # type: ignore[no-untyped-def]
        return gr.Button(value=ASK, interactive=True), gr.Textbox(interactive=True)

    def respond(question, history, ids, previous, types, parts, date_from, date_to,  # type: ignore[no-untyped-def]
                request: gr.Request):
        history = list(history or [])
        if len(history) >= 2 and _content(history[-1]) == BUSY:
            history = history[:-2]  # the pending question: replaced by the question and its answer
        ids = list(ids or [])
        try:
            answer = bot.ask(question, _filters(types, parts, date_from, date_to), previous=previous or None)
        except QaBotError as exc:  # also checked server-side when the validator is bypassed
            history += [{"role": "user", "content": question or ""}, {"role": "assistant", "content": f"⚠️ {exc}"}]
            return history, ids, previous, conversation_sources(turns_of(ids)), "", "", "", "nl"
        ids.append(answer.answer_id)
        message = chat_markdown(answer, len(ids))
        if answer.resolved:
            message = f"_{lang.get(answer.language).LABELS['follow_up']}: {answer.resolved}_\n\n{message}"
        history += [{"role": "user", "content": question}, {"role": "assistant", "content": message}]
        return (history, ids, answer.question, conversation_sources(turns_of(ids)), figures_html(answer),
                plain_text(answer, _base_url(request)), "", answer.language)  # fmt: skip

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
        return [], [], "", "", "", "", "", "nl"

    with gr.Blocks(title="qa-bot — parlementaire vragen") as demo:
        gr.Markdown("# qa-bot\nVragen over parlementaire vragen, antwoorden en rapporten — met bronnen.")
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
                language = gr.Textbox("nl", visible=False, elem_id="qa-lang")
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
        outputs = [chat, ids, previous, sources, figures, plain, question, language]

        def asking(event):  # type: ignore[no-untyped-def]
            """Question shown and button disabled, then the answer, then the button back. Showing
            the question has no concurrency limit: it must not wait behind answers being made."""
            event.success(respond, inputs, outputs, api_visibility="private").then(
                done, None, [ask, question], api_visibility="private").then(
                None, [language], None, js=SET_LANG_JS, api_visibility="private")  # fmt: skip

        for trigger in (ask.click, question.submit):
            asking(trigger(show_question, inputs, [chat, ask, question], validator=validate, concurrency_limit=None,
                           api_visibility="private"))  # fmt: skip
        for button, text in zip(examples, EXAMPLES, strict=True):
            asking(button.click(lambda t=text: t, None, question, api_visibility="private").then(
                show_question, inputs, [chat, ask, question], validator=validate, concurrency_limit=None,
                api_visibility="private"))  # fmt: skip
        demo.load(None, None, None, js=CHAT_JS, api_visibility="private")
        chat.like(on_like, [ids], None, api_visibility="private")
        copy.click(None, [plain], None, js="(text) => { navigator.clipboard.writeText(text || ''); }",
                   api_visibility="private")  # fmt: skip
        wipe.click(clear, None, [chat, ids, previous, sources, figures, plain, question, language],
                   api_visibility="private").then(None, [language], None, js=SET_LANG_JS, api_visibility="private")  # fmt: skip
    demo.queue(default_concurrency_limit=bot.settings.concurrency)
    return demo
