"""FastAPI app: JSON API, offline API docs, embed page, source viewer, and the Gradio chat at ``/``.

Access (see README "Access"):

- Only the origins in ``QA_BOT_ALLOWED_ORIGINS`` may frame the chat (CSP ``frame-ancestors``)
  or call the API from a browser (CORS); every response carries the same security headers,
  errors included.
- One rule: when a login (``QA_BOT_UI_USER`` / ``QA_BOT_UI_PASSWORD``) or an API token
  (``QA_BOT_API_TOKEN``) is configured, every route that answers a question or shows a
  document or its metadata needs a credential (the chat and its Gradio routes, ``/api/ask``,
  ``/view``, ``/sources``, ``/docs``, ``/openapi.json``, ``/embed``, ``/config``,
  ``/monitoring``, the detailed ``/api/health``). The token (``Authorization: Bearer …``)
  opens the JSON API; the login opens everything. Without either, the server only starts on
  a loopback address unless ``QA_BOT_OPEN=1``. :mod:`qa_bot.serve.guard` applies this to
  every route, with the rate limits, the login throttle and the body time-out.
- The chat publishes no Gradio API, accepts no uploads, and feedback refers to an answer
  by the id the server gave it, never to text the client sends.
"""

from __future__ import annotations

import json
import logging
import re
from html import escape
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel, ConfigDict, Field
from starlette.routing import Mount

from qa_bot import __version__
from qa_bot.config import force_offline
from qa_bot.errors import ConfigError, InvalidQuestionError, QaBotError
from qa_bot.lang import nl
from qa_bot.qa import QaBot
from qa_bot.serve.guard import (
    MAX_BODY_BYTES,
    Guard,
    check_exposure,
    invalid_request,
    limits_report,
    server_options,
    token_matches,
)

log = logging.getLogger(__name__)

STATIC = Path(__file__).parent / "static"


class AskFilters(BaseModel):
    """Typed filters, so a wrong type is a 422 that names the field (never a 500)."""

    model_config = ConfigDict(extra="allow")  # unknown names: Filters.from_dict lists the valid ones

    doc_types: list[str] | str | None = Field(None, description="documenttypes, bv. [\"schriftelijke vraag\"]")
    parts: list[str] | str | None = Field(None, description="vraag, antwoord en/of rapport")
    doc_ids: list[str] | str | None = Field(None, description="bestandsnamen uit het corpus")
    date_from: str | None = Field(None, description="JJJJ, JJJJ-MM of JJJJ-MM-DD")
    date_to: str | None = Field(None, description="JJJJ, JJJJ-MM of JJJJ-MM-DD")


class AskRequest(BaseModel):
    question: str = Field(..., description="De vraag, in het Nederlands of Engels", examples=[
        "Hoeveel mobiliteiten kregen in 2025 een beurs?"])  # fmt: skip
    filters: AskFilters | None = Field(None, description="doc_types, parts, doc_ids, date_from, date_to")
    k: int | None = Field(None, ge=1, le=50, description="aantal passages (standaard 5)")
    previous: str | None = Field(None, description="de vorige vraag, voor een vervolgvraag ('En in 2018?')")


def _gradio_frontend() -> Path:
    import gradio

    return Path(gradio.__file__).parent / "templates" / "frontend"


def content_security_policy(allowed_origins: tuple[str, ...]) -> str:
    """As strict as Gradio allows: its front end needs inline scripts and styles."""
    ancestors = " ".join(["'self'", *allowed_origins])
    return (
        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval' blob:; "
        "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
        "media-src 'self' blob:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; "
        f"base-uri 'self'; form-action 'self'; frame-ancestors {ancestors}"
    )


def create_app(bot: QaBot) -> FastAPI:
    force_offline()
    import gradio as gr

    settings = bot.settings
    login_required = bool(settings.ui_user)
    open_access = not (login_required or settings.api_token)
    exposure = check_exposure(settings)  # a ConfigError without any credential on a network address
    if exposure:
        log.warning(exposure)
    _ = bot.reader  # fail now, with the command to run, when there is no index

    # FastAPI's /docs and /redoc load Swagger/ReDoc from a CDN: replaced by an offline page.
    app = FastAPI(title="qa-bot API", version=__version__, docs_url=None, redoc_url=None, openapi_url=None,
                  description="Geciteerde antwoorden uit parlementaire documenten.")  # fmt: skip
    headers = {
        "Content-Security-Policy": content_security_policy(settings.allowed_origins),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
        "X-Frame-Options": "SAMEORIGIN" if not settings.allowed_origins else "",
        "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    }
    headers = {k: v for k, v in headers.items() if v}
    gradio_app: dict[str, Any] = {}

    def has_session(request: Request) -> bool:
        """A login session (only where a login is configured)."""
        if not login_required:
            return False
        mounted = gradio_app.get("app")
        if mounted is None:
            return False
        cookie = mounted.cookie_id
        token = request.cookies.get(f"access-token-{cookie}") or request.cookies.get(f"access-token-unsecure-{cookie}")
        return bool(token) and mounted.tokens.get(token) is not None

    def has_token(request: Request) -> bool:
        return token_matches(request.headers.get("authorization", ""), settings.api_token)

    def guarded(request: Request) -> None:
        """Routes that show documents or answers: the login, when any credential is configured."""
        if not (open_access or has_session(request)):
            raise HTTPException(401, nl.SERVER["login_required" if login_required else "login_missing"])

    def check_token(request: Request) -> None:
        """The JSON API and its docs: the bearer token or the login, when either is configured."""
        if not (open_access or has_token(request) or has_session(request)):
            raise HTTPException(401, nl.SERVER["token_required" if settings.api_token else "login_required"])

    @app.middleware("http")
    async def security(request: Request, call_next):  # type: ignore[no-untyped-def]
        """Body cap, no uploads, no Gradio API info, security headers on every response (errors too)."""
        path = request.url.path
        length = request.headers.get("content-length", "")
        if (length.isdigit() and int(length) > MAX_BODY_BYTES) or (
                request.method in ("POST", "PUT") and not length and request.headers.get("transfer-encoding")):  # fmt: skip
            response: Response = JSONResponse({"detail": "Het verzoek is te groot."}, status_code=413)
        elif path.rstrip("/").endswith(("/upload", "/upload_progress")) or "/file=" in path or "/mcp" in path:
            response = JSONResponse({"detail": "Uploaden kan hier niet."}, status_code=403)
        elif path.rstrip("/").endswith(("/gradio_api/info", "/gradio_api/openapi.json")):
            response = JSONResponse({"detail": "Niet gepubliceerd."}, status_code=404)
        else:
            try:
                response = await call_next(request)
            except Exception:  # noqa: BLE001 — an unexpected error still gets the headers and no trace
                log.exception("Fout bij %s", path)
                response = JSONResponse({"detail": "Interne fout."}, status_code=500)
        if response.headers.get("content-type", "").startswith("text/html"):
            response = await _dutch_page(response)
        for key, value in headers.items():
            response.headers[key] = value
        return response

    # Adding our own CORS middleware makes Gradio skip its own (which echoes any Origin).
    app.add_middleware(
        CORSMiddleware,
        allow_origins=list(settings.allowed_origins),
        allow_methods=["GET", "POST"],
        allow_headers=["Authorization", "Content-Type"],
        allow_credentials=False,
    )

    @app.post("/api/ask", dependencies=[Depends(check_token)], tags=["api"])
    def api_ask(body: AskRequest) -> dict[str, Any]:
        """Stel een vraag; het antwoord is ``Answer.to_dict()`` (tekst, bronnen met tabelcellen, figuren)."""
        filters = body.filters.model_dump(exclude_none=True) if body.filters else None
        try:
            return bot.ask(body.question, filters, k=body.k, previous=body.previous).to_dict()
        except (InvalidQuestionError, ConfigError) as exc:
            raise HTTPException(422, str(exc)) from None
        except QaBotError as exc:
            raise HTTPException(503, str(exc)) from None

    @app.api_route("/api/ask", methods=["GET", "PUT", "DELETE", "PATCH"], include_in_schema=False)
    def api_ask_other() -> Response:
        return JSONResponse({"detail": "Gebruik POST /api/ask."}, status_code=405, headers={"Allow": "POST"})

    @app.options("/api/ask", include_in_schema=False)
    def api_ask_options(request: Request) -> Response:
        # A CORS preflight from an allowed origin is answered by the CORS middleware before this.
        return JSONResponse({"detail": "Gebruik POST /api/ask."}, status_code=405, headers={"Allow": "POST"})

    @app.get("/api/health", tags=["api"])
    def api_health(request: Request) -> dict[str, Any]:
        """Status; index, model, versie, toegang en limieten alleen met een login of token (als er een is)."""
        if not (open_access or has_session(request) or has_token(request)):
            return {"status": "ok"}
        try:
            data = bot.health()
        except QaBotError as exc:
            raise HTTPException(503, str(exc)) from None
        data["access"] = {
            "chat": "login" if login_required else ("gesloten (geen login)" if settings.api_token else "open"),
            "api": "token" if settings.api_token else ("login" if login_required else "open"),
            "origins": list(settings.allowed_origins),
        }
        data["limits"] = limits_report(settings)
        return data

    @app.get("/openapi.json", include_in_schema=False, dependencies=[Depends(check_token)])
    def openapi() -> dict[str, Any]:
        return app.openapi()

    @app.get("/sources/{doc_id:path}", include_in_schema=False, dependencies=[Depends(guarded)])
    def source(doc_id: str):  # type: ignore[no-untyped-def]
        path = _document_path(bot, doc_id)
        if path.suffix.lower() == ".pdf":
            return FileResponse(path, media_type="application/pdf")
        return PlainTextResponse(path.read_text(encoding="utf-8", errors="replace"))

    @app.get("/view/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False,
             dependencies=[Depends(guarded)])  # fmt: skip
    def view(doc_id: str, chunk: str = "", cells: str = "", at: str = "") -> str:
        """The source viewer: the document with the cited passage (or table cells) marked."""
        from qa_bot.read.files import read_document
        from qa_bot.serve.render import document_page

        path = _document_path(bot, doc_id)
        try:
            doc = read_document(path, settings.corpus_dir.resolve())
        except QaBotError as exc:
            raise HTTPException(404, str(exc)) from None
        reader = bot.reader
        cited_chunk = reader.chunks[reader.position[chunk]] if chunk in reader.position else None
        cited = (cited_chunk.start, cited_chunk.end) if cited_chunk and cited_chunk.doc_id == doc_id else None
        if cited and _cell_ref(at):  # the cited sentence(s) inside the passage
            a, b = (int(x) for x in at.split("-"))
            if 0 <= a < b <= cited[1] - cited[0]:
                cited = (cited[0] + a, cited[0] + b)
        marked = [tuple(int(x) for x in pair.split("-", 1)) for pair in cells.split(",") if _cell_ref(pair)]
        meta = {**doc.metadata, **reader.doc_meta(doc_id)}
        return document_page(doc.title, meta, doc.text, list(doc.tables), cited, marked)  # type: ignore[arg-type]

    @app.get("/static/viewer.css", include_in_schema=False)
    def viewer_css() -> Response:
        return FileResponse(STATIC / "viewer.css", media_type="text/css")

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False, dependencies=[Depends(check_token)])
    def docs() -> str:
        return api_docs_html(app.openapi(), bool(settings.api_token))

    frontend = _gradio_frontend()

    @app.get("/gradio.js", include_in_schema=False)
    def gradio_js():  # type: ignore[no-untyped-def]
        return FileResponse(frontend / "gradio.js", media_type="application/javascript")

    @app.get("/embed", response_class=HTMLResponse, include_in_schema=False, dependencies=[Depends(guarded)])
    def embed(request: Request) -> str:
        base = str(request.base_url).rstrip("/")
        return EMBED_PAGE.format(base=escape(base))

    from qa_bot.serve.chat import CSS, build_ui, theme

    auth = (settings.ui_user, settings.ui_password) if login_required else None
    demo = build_ui(bot)
    demo.queue(default_concurrency_limit=settings.concurrency, max_size=settings.queue_max)  # a bounded queue
    # show_error=False: an unexpected error in a chat event sends no Python text (gr.Error still shows).
    mounted = gr.mount_gradio_app(app, demo, path="/", auth=auth, css=CSS, theme=theme(), footer_links=[],
                                  auth_message="Log in om vragen te stellen over de bronnen.",
                                  max_file_size=1, show_error=False)  # fmt: skip
    for route in mounted.routes:
        if isinstance(route, Mount) and route.path in ("", "/"):
            gradio_app["app"] = route.app
            if isinstance(route.app, FastAPI):  # Gradio's own routes: the same Dutch 422
                route.app.add_exception_handler(RequestValidationError, invalid_request)
    app.add_exception_handler(RequestValidationError, invalid_request)
    # Outermost, so its refusals and every other response (CORS preflights too) carry the headers.
    app.add_middleware(Guard, settings=settings, has_session=has_session, has_token=has_token, headers=headers)
    return mounted


# Gradio's front end picks its language (labels, the login form, <html lang>) from the
# browser's: the interface is Dutch whatever the browser says. Runs before Gradio's scripts.
DUTCH_FRONTEND = (b"<script>try{Object.defineProperty(Navigator.prototype,'language',{get:()=>'nl'});"
                  b"Object.defineProperty(Navigator.prototype,'languages',{get:()=>['nl']});}catch(e){}</script>")
PAGE_TITLE = b"<title>qa-bot \xe2\x80\x94 parlementaire vragen</title>"


async def _dutch_page(response: Response) -> Response:
    """Gradio's pages (the chat, the login) say lang="en", have no <title> until the app has
    loaded, and would follow the browser's language: the interface is Dutch."""
    body = b"".join([chunk async for chunk in response.body_iterator])  # type: ignore[attr-defined]
    body = re.sub(rb'<html(\s+)lang="en"', rb'<html\1lang="nl"', body, count=1)
    if b"window.gradio_config" in body:
        extra = DUTCH_FRONTEND + (b"" if re.search(rb"<title>", body) else PAGE_TITLE)
        body = body.replace(b"<head>", b"<head>" + extra, 1)
    clean = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
    return Response(body, status_code=response.status_code, headers=clean, media_type=response.media_type)


def _cell_ref(pair: str) -> bool:
    parts = pair.split("-")
    return len(parts) == 2 and all(p.isdigit() for p in parts)


def _document_path(bot: QaBot, doc_id: str) -> Path:
    """Only indexed documents, never arbitrary paths (nor links that leave the corpus)."""
    if doc_id not in bot.reader.manifest["files"]:
        raise HTTPException(404, "Onbekend document.")
    root = bot.settings.corpus_dir.resolve()
    path = (bot.settings.corpus_dir / doc_id).resolve()
    if not path.is_relative_to(root) or not path.is_file():
        raise HTTPException(404, "Het document staat niet meer in het corpus.")
    return path


EMBED_PAGE = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>qa-bot insluiten</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{{font-family:sans-serif;max-width:960px;margin:2em auto}} pre{{background:#f4f4f4;padding:1em}}</style>
</head><body><main>
<h1>qa-bot insluiten op een intranetpagina</h1>
<p>De pagina die insluit, moet in <code>QA_BOT_ALLOWED_ORIGINS</code> staan; andere sites kunnen de chat
niet tonen en de API niet aanroepen.</p>
<h2>1. Als iframe</h2>
<pre tabindex="0">&lt;iframe src="{base}/" title="qa-bot" width="100%" height="720" style="border:0"&gt;&lt;/iframe&gt;</pre>
<iframe id="qa-embed-iframe" title="qa-bot chat (voorbeeld)" src="{base}/" width="100%" height="720"
 style="border:1px solid #ccc"></iframe>
<h2>2. Als web component</h2>
<pre tabindex="0">&lt;script type="module" src="{base}/gradio.js"&gt;&lt;/script&gt;
&lt;gradio-app src="{base}/"&gt;&lt;/gradio-app&gt;</pre>
<p>Hieronder draait het web component zelf:</p>
<script type="module" src="{base}/gradio.js"></script>
<gradio-app id="qa-embed-component" src="{base}/"></gradio-app>
<p>Alles komt van deze server: geen externe scripts, lettertypes of CDN.</p>
</main></body></html>
"""

_EXAMPLE_REQUEST = {"question": "Welk aandeel van de gevraagde mobiliteiten kon in 2025 gefinancierd worden?",
                    "filters": {"parts": ["antwoord"], "date_from": "2024"}, "k": 5}  # fmt: skip
_EXAMPLE_RESPONSE = {
    "question": _EXAMPLE_REQUEST["question"], "language": "nl", "abstained": False, "reason": "",
    "text": "Aandeel mobiliteiten 2025: **63,4%** [1]. Berekening: 5171 / 8159 = 63,4% — 5171 en 8159 uit [1]. …",
    "confidence": 0.93, "answer_id": "3f2c…",
    "citations": [{"number": 1, "doc_id": "beroepsopleidingen-slechte-leermobiliteit.txt", "part": "antwoord",
                   "title": "Beroepsopleidingen - Slechte leermobiliteit", "page": None, "quote": "Zo kon er …",
                   "table": None, "cells": []}],
    "figures": [{"label": "Aandeel mobiliteiten 2025", "value": 63.3779, "unit": "%", "operation": "share",
                 "formula": "5171 / 8159 = 63,4%", "display": "63,4%",
                 "operands": [{"value": 5171, "role": "part", "citation": 1, "row": -1, "column": -1},
                              {"value": 8159, "role": "whole", "citation": 1, "row": -1, "column": -1}]}],
}  # fmt: skip


def api_docs_html(schema: dict[str, Any], token: bool) -> str:
    """A readable, self-contained API page: endpoints, request and response examples."""
    auth = ("<p>Stuur <code>Authorization: Bearer &lt;QA_BOT_API_TOKEN&gt;</code> mee (of gebruik de login).</p>"
            if token else "<p>Zonder <code>QA_BOT_API_TOKEN</code> opent de login (als die er is) de API.</p>")  # fmt: skip
    endpoints = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            endpoints.append(f"<li><code>{escape(method.upper())} {escape(path)}</code> — "
                             f"{escape(op.get('summary', ''))}: {escape(op.get('description', ''))}</li>")  # fmt: skip
    request = escape(json.dumps(_EXAMPLE_REQUEST, indent=2, ensure_ascii=False))
    response = escape(json.dumps(_EXAMPLE_RESPONSE, indent=2, ensure_ascii=False))
    curl = escape("curl -s -X POST http://127.0.0.1:7860/api/ask -H 'Content-Type: application/json' "
                  "-d '{\"question\": \"Hoeveel mobiliteiten kregen in 2025 een beurs?\"}'")  # fmt: skip
    return (
        "<!doctype html><html lang='nl'><head><meta charset='utf-8'><title>qa-bot API</title>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<style>body{font-family:system-ui,sans-serif;max-width:900px;margin:2em auto;line-height:1.5}"
        "pre{background:#f4f4f4;padding:1em;overflow:auto}</style></head><body><main>"
        f"<h1>qa-bot API {escape(schema['info']['version'])}</h1>"
        "<p>Geciteerde antwoorden uit de geïndexeerde documenten. Alle antwoorden zijn JSON.</p>"
        f"<h2>Toegang</h2>{auth}<h2>Endpoints</h2><ul>{''.join(endpoints)}</ul>"
        f"<h2>Voorbeeld: vraag</h2><pre tabindex='0'>{curl}</pre><pre tabindex='0'>{request}</pre>"
        "<p>Velden: <code>question</code> (verplicht, max. 2000 tekens), <code>filters</code> (doc_types, parts, "
        "doc_ids, date_from, date_to), <code>k</code> (1–50), <code>previous</code> (vorige vraag, voor een "
        "vervolgvraag).</p>"
        f"<h2>Voorbeeld: antwoord</h2><pre tabindex='0'>{response}</pre>"
        "<p>Een weigering heeft <code>abstained: true</code> en een <code>reason</code>-code (bv. "
        "<code>missing_year</code>, <code>not_kept</code>, <code>low_confidence</code>). Fouten: 401 (token of login), "
        "405 (andere methode dan POST), 408 (verzoek te traag), 413 (te groot), 422 (lege, te lange of ongeldige "
        "vraag of filter; bericht in <code>detail</code>), 429 (te veel vragen of mislukte aanmeldingen; wacht "
        "<code>Retry-After</code> seconden), 503 (geen index).</p>"
        "<p>Het volledige schema: <a href='/openapi.json'>/openapi.json</a>.</p></main></body></html>"
    )


def serve(bot: QaBot) -> None:
    import uvicorn

    bot.warm_up()
    app = create_app(bot)
    settings = bot.settings
    log.warning("qa-bot op http://%s:%s (API-documentatie: /docs)", settings.host, settings.port)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning", **server_options(settings))
