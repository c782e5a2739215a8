"""FastAPI app: JSON API, embed page, source texts, and the Gradio chat mounted at ``/``.

Only the origins in ``QA_BOT_ALLOWED_ORIGINS`` may frame the chat (CSP
``frame-ancestors``) or call the API from a browser (CORS); everything else is refused.
"""

import logging
import secrets
from html import escape
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, HTMLResponse, PlainTextResponse
from pydantic import BaseModel, Field

from qa_bot.config import force_offline
from qa_bot.errors import ConfigError, InvalidQuestionError, QaBotError
from qa_bot.qa import QaBot, __version__

log = logging.getLogger(__name__)


class AskRequest(BaseModel):
    question: str = Field(..., description="De vraag, in het Nederlands of Engels")
    filters: dict[str, Any] | None = Field(None, description="doc_types, parts, doc_ids, date_from, date_to")
    k: int | None = Field(None, ge=1, le=50)


def _gradio_frontend() -> Path:
    import gradio

    return Path(gradio.__file__).parent / "templates" / "frontend"


def create_app(bot: QaBot) -> FastAPI:
    force_offline()
    import gradio as gr

    settings = bot.settings

    # FastAPI's /docs and /redoc load Swagger/ReDoc from a CDN: replaced by an offline page.
    app = FastAPI(title="qa-bot API", version=__version__, docs_url=None, redoc_url=None,
                  description="Geciteerde antwoorden uit parlementaire documenten.")  # fmt: skip

    frame_ancestors = " ".join(["'self'", *settings.allowed_origins])

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = f"frame-ancestors {frame_ancestors}"
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "same-origin"
        return response

    # Adding our own CORS middleware makes Gradio skip its own (which echoes any Origin).
    app.add_middleware(
        CORSMiddleware,
        allow_origins=list(settings.allowed_origins),
        allow_methods=["GET", "POST"],
        allow_headers=["Authorization", "Content-Type"],
        allow_credentials=False,
    )

    def check_token(request: Request) -> None:
        if not settings.api_token:
            return
        given = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        if not secrets.compare_digest(given, settings.api_token):
            raise HTTPException(401, "Ongeldige of ontbrekende API-token (Authorization: Bearer …).")

    @app.post("/api/ask", dependencies=[Depends(check_token)], tags=["api"])
    def api_ask(body: AskRequest) -> dict[str, Any]:
        """Stel een vraag; het antwoord is ``Answer.to_dict()``."""
        try:
            return bot.ask(body.question, body.filters, k=body.k).to_dict()
        except (InvalidQuestionError, ConfigError) as exc:
            raise HTTPException(422, str(exc)) from None
        except QaBotError as exc:
            raise HTTPException(503, str(exc)) from None

    @app.get("/api/health", tags=["api"])
    def api_health() -> dict[str, Any]:
        """Indexgrootte, model en versie."""
        try:
            return bot.health()
        except QaBotError as exc:
            raise HTTPException(503, str(exc)) from None

    @app.get("/sources/{doc_id:path}", include_in_schema=False)
    def source(doc_id: str):  # type: ignore[no-untyped-def]
        if doc_id not in bot.reader.manifest["files"]:  # only indexed documents, never arbitrary paths
            raise HTTPException(404, "Onbekend document.")
        path = settings.corpus_dir / doc_id
        if not path.is_file():
            raise HTTPException(404, "Het document staat niet meer in het corpus.")
        if path.suffix.lower() == ".pdf":
            return FileResponse(path, media_type="application/pdf")
        return PlainTextResponse(path.read_text(encoding="utf-8", errors="replace"))

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs() -> str:
        return api_docs_html(app.openapi())

    frontend = _gradio_frontend()

    @app.get("/gradio.js", include_in_schema=False)
    def gradio_js():  # type: ignore[no-untyped-def]
        return FileResponse(frontend / "gradio.js", media_type="application/javascript")

    @app.get("/embed", response_class=HTMLResponse, include_in_schema=False)
    def embed(request: Request) -> str:
        base = str(request.base_url).rstrip("/")
        return EMBED_PAGE.format(base=escape(base))

    from qa_bot.ui import CSS, build_ui

    auth = (settings.ui_user, settings.ui_password) if settings.ui_user else None
    return gr.mount_gradio_app(app, build_ui(bot), path="/", auth=auth, css=CSS, footer_links=["api"])


EMBED_PAGE = """<!doctype html>
<html lang="nl"><head><meta charset="utf-8"><title>qa-bot insluiten</title>
<style>body{{font-family:sans-serif;max-width:960px;margin:2em auto}} pre{{background:#f4f4f4;padding:1em}}</style>
</head><body>
<h1>qa-bot insluiten op een intranetpagina</h1>
<p>De pagina die insluit, moet in <code>QA_BOT_ALLOWED_ORIGINS</code> staan; andere sites kunnen de chat
niet tonen en de API niet aanroepen.</p>
<h2>1. Als iframe</h2>
<pre>&lt;iframe src="{base}/" width="100%" height="720" style="border:0"&gt;&lt;/iframe&gt;</pre>
<iframe id="qa-embed-iframe" src="{base}/" width="100%" height="720" style="border:1px solid #ccc"></iframe>
<h2>2. Als web component</h2>
<pre>&lt;script type="module" src="{base}/gradio.js"&gt;&lt;/script&gt;
&lt;gradio-app src="{base}/"&gt;&lt;/gradio-app&gt;</pre>
<p>Hieronder draait het web component zelf:</p>
<script type="module" src="{base}/gradio.js"></script>
<gradio-app id="qa-embed-component" src="{base}/"></gradio-app>
<p>Alles komt van deze server: geen externe scripts, lettertypes of CDN.</p>
</body></html>
"""


def api_docs_html(schema: dict[str, Any]) -> str:
    """The OpenAPI description as a self-contained page (no external scripts)."""
    import json

    rows = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            rows.append(f"<h2><code>{escape(method.upper())} {escape(path)}</code></h2><p>{escape(op.get('summary', ''))}</p>"
                        f"<p>{escape(op.get('description', ''))}</p>")  # fmt: skip
    body = json.dumps(schema, indent=2, ensure_ascii=False)
    return (f"<!doctype html><html lang='nl'><head><meta charset='utf-8'><title>qa-bot API</title></head><body>"
            f"<h1>qa-bot API {escape(schema['info']['version'])}</h1>{''.join(rows)}"
            f"<h2>OpenAPI (<a href='/openapi.json'>/openapi.json</a>)</h2><pre>{escape(body)}</pre></body></html>")  # fmt: skip


def serve(bot: QaBot) -> None:
    import uvicorn

    bot.warm_up()
    app = create_app(bot)
    settings = bot.settings
    log.warning("qa-bot op http://%s:%s (API-documentatie: /docs)", settings.host, settings.port)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")
