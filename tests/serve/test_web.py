"""The FastAPI app: API contract, validation, and access control on every route.

The index is built once for the module with the test embedder; each test makes an app with
the settings it needs. ``test_access_with_login_and_token`` runs against a real uvicorn
server with ``QA_BOT_UI_USER``, ``QA_BOT_UI_PASSWORD`` and ``QA_BOT_API_TOKEN`` set.
"""

from __future__ import annotations

import json
import re
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from conftest import EVAL_CORPUS, FakeEmbedder, free_port
from qa_bot.config import Settings
from qa_bot.errors import QaBotError
from qa_bot.qa import QaBot
from qa_bot.serve.web import create_app

ALLOWED = "https://intranet.example"
DOC = "volwassenenonderwijs-leermobiliteit.txt"
QUESTION = "Hoeveel cursisten ontvingen in 2024 een beurs?"
SECURITY_HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy")


@pytest.fixture(scope="module")
def base_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    base = tmp_path_factory.mktemp("web")
    corpus = base / "corpus"
    shutil.copytree(EVAL_CORPUS, corpus)
    settings = Settings(corpus_dir=corpus, index_dir=base / "index", feedback_file=base / "fb.jsonl",
                        allowed_origins=(ALLOWED,))  # fmt: skip
    QaBot(settings, FakeEmbedder()).index()
    return settings


@pytest.fixture(scope="module")
def make_client(base_settings: Settings) -> Callable[..., TestClient]:
    def make(**changes: object) -> TestClient:
        bot = QaBot(base_settings.replace(**changes), FakeEmbedder())
        return TestClient(create_app(bot), raise_server_exceptions=False)

    return make


def test_ask_returns_the_answer_contract(make_client) -> None:  # type: ignore[no-untyped-def]
    response = make_client().post("/api/ask", json={"question": QUESTION})
    assert response.status_code == 200
    data = response.json()
    assert set(data) >= {"text", "citations", "figures", "abstained", "reason", "timings", "language", "answer_id"}
    assert not data["abstained"] and "410" in data["text"]
    assert data["citations"][0]["doc_id"] == DOC


def test_ask_with_filters_and_k(make_client) -> None:  # type: ignore[no-untyped-def]
    response = make_client().post("/api/ask", json={"question": QUESTION, "filters": {"parts": ["antwoord"]}, "k": 3})
    assert response.status_code == 200
    citations = response.json()["citations"]
    assert citations and all(c["part"] == "antwoord" for c in citations)


def test_a_follow_up_is_resolved_from_the_previous_question(make_client) -> None:  # type: ignore[no-untyped-def]
    response = make_client().post("/api/ask", json={"question": "En in 2025?", "previous": QUESTION})
    data = response.json()
    assert response.status_code == 200 and "2025" in data["resolved"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"question": ""}, "leeg"),
        ({"question": "   "}, "leeg"),
        ({"question": "\u200b\u200b\x00"}, "leeg"),  # zero-width and NUL alone are empty
        ({"question": "x" * 2001}, "te lang"),
        ({"question": "Hoeveel?", "filters": {"parts": ["bijlage"]}}, "Onbekend deel"),
        ({"question": "Hoeveel?", "filters": {"date_from": "2025-13-40"}}, "datum"),
        ({"question": "Hoeveel?", "filters": {"date_from": "2025", "date_to": "2020"}}, "na"),
    ],
)
def test_bad_questions_get_422_with_a_message(make_client, body: dict, message: str) -> None:  # type: ignore[no-untyped-def, type-arg]
    response = make_client().post("/api/ask", json=body)
    assert response.status_code == 422
    assert message in response.json()["detail"]
    assert all(h in response.headers for h in SECURITY_HEADERS)


def test_a_lone_surrogate_is_a_422_not_a_500(make_client) -> None:  # type: ignore[no-untyped-def]
    response = make_client().post("/api/ask", content=b'{"question": "\\ud83d"}',
                                  headers={"content-type": "application/json"})  # fmt: skip
    assert response.status_code == 422 and "ongeldige tekens" in response.json()["detail"]
    assert all(h in response.headers for h in SECURITY_HEADERS)


def test_a_huge_body_is_refused_before_it_is_parsed(make_client) -> None:  # type: ignore[no-untyped-def]
    body = b'{"question": "' + b"x" * 5_000_000 + b'"}'
    response = make_client().post("/api/ask", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 413
    assert all(h in response.headers for h in SECURITY_HEADERS)


@pytest.mark.parametrize("method", ["GET", "PUT", "OPTIONS"])
def test_other_methods_on_ask_are_405(make_client, method: str) -> None:  # type: ignore[no-untyped-def]
    response = make_client().request(method, "/api/ask")
    assert response.status_code == 405 and response.headers["allow"] == "POST"


def test_an_unexpected_error_is_a_500_with_the_headers_and_no_trace(make_client, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("geheime details")

    monkeypatch.setattr(QaBot, "ask", broken)
    response = make_client().post("/api/ask", json={"question": QUESTION})
    assert response.status_code == 500 and "geheime" not in response.text
    assert all(h in response.headers for h in SECURITY_HEADERS)


def test_uploads_and_the_gradio_api_description_are_refused(make_client) -> None:  # type: ignore[no-untyped-def]
    client = make_client()
    assert client.post("/gradio_api/upload", files={"files": ("a.txt", b"hallo")}).status_code == 403
    assert client.get("/gradio_api/info").status_code == 404


def test_health_names_the_model_and_says_what_the_token_guards(make_client) -> None:  # type: ignore[no-untyped-def]
    client = make_client(api_token="geheim")
    assert client.get("/api/health").json() == {"status": "ok"}  # details only with a credential
    data = client.get("/api/health", headers={"Authorization": "Bearer geheim"}).json()
    assert data["status"] == "ok" and data["model"] == "fake-trigram" and data["index"]["documents"] == 5
    assert data["access"]["api"] == "token" and data["access"]["chat"].startswith("gesloten")
    assert data["limits"]["ask_per_minute"] == 60 and data["limits"]["login"]["max_failures"] == 10


def test_api_token_guards_the_json_api(make_client) -> None:  # type: ignore[no-untyped-def]
    client = make_client(api_token="geheim")
    assert client.post("/api/ask", json={"question": QUESTION}).status_code == 401
    assert client.post("/api/ask", json={"question": QUESTION},
                       headers={"Authorization": "Bearer fout"}).status_code == 401  # fmt: skip
    ok = client.post("/api/ask", json={"question": QUESTION}, headers={"Authorization": "Bearer geheim"})
    assert ok.status_code == 200


def test_origins_and_framing(make_client) -> None:  # type: ignore[no-untyped-def]
    client = make_client()
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
    allowed = client.options("/api/ask", headers={"Origin": ALLOWED, **preflight})
    assert allowed.headers.get("access-control-allow-origin") == ALLOWED
    refused = client.options("/api/ask", headers={"Origin": "https://evil.example", **preflight})
    assert "access-control-allow-origin" not in refused.headers
    simple = client.get("/api/health", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in simple.headers
    page = client.get("/", headers={"Origin": "https://evil.example"})
    csp = page.headers["content-security-policy"]
    assert "default-src 'self'" in csp and f"frame-ancestors 'self' {ALLOWED}" in csp
    assert re.search(r'<html\s+lang="nl"', page.text)


def test_sources_only_serves_indexed_documents(make_client) -> None:  # type: ignore[no-untyped-def]
    client = make_client()
    ok = client.get(f"/sources/{DOC}")
    assert ok.status_code == 200 and ok.headers["content-type"].startswith("text/plain")
    assert client.get("/sources/../pyproject.toml").status_code == 404
    assert client.get("/sources/%2e%2e/pyproject.toml").status_code == 404
    assert client.get("/sources/bestaat-niet.txt").status_code == 404


def test_viewer_marks_the_cited_passage(make_client) -> None:  # type: ignore[no-untyped-def]
    client = make_client()
    answer = client.post("/api/ask", json={"question": QUESTION}).json()
    citation = answer["citations"][0]
    page = client.get(f"/view/{citation['doc_id']}", params={"chunk": citation["chunk_id"]})
    assert page.status_code == 200 and "<mark id='cited'>" in page.text
    assert "410 cursisten" in page.text.split("<mark id='cited'>", 1)[1].split("</mark>", 1)[0]
    at = citation["passage"].find(citation["quote"])
    sentence = client.get(f"/view/{citation['doc_id']}",
                          params={"chunk": citation["chunk_id"], "at": f"{at}-{at + len(citation['quote'])}"})  # fmt: skip
    assert sentence.text.split("<mark id='cited'>", 1)[1].split("</mark>", 1)[0] == citation["quote"]
    assert client.get("/view/bestaat-niet.txt").status_code == 404


def test_docs_and_embed_pages_are_offline_and_readable(make_client) -> None:  # type: ignore[no-untyped-def]
    client = make_client()
    docs = client.get("/docs").text
    assert "/api/ask" in docs and "cdn" not in docs.lower() and "<script" not in docs
    assert "<h2" in docs and "&quot;question&quot;" in docs  # endpoints with request examples, not a JSON dump
    embed = client.get("/embed").text
    assert "&lt;iframe" in embed and "gradio-app" in embed and "/gradio.js" in embed
    links = re.findall(r'(?:src|href)="([^"]+)"', embed)
    assert links and all(link.startswith(("http://testserver/", "/")) for link in links), links
    assert client.get("/gradio.js").status_code == 200


def test_missing_index_says_which_command_builds_it(tmp_path: Path) -> None:
    bot = QaBot(Settings(corpus_dir=tmp_path, index_dir=tmp_path / "leeg"), FakeEmbedder())
    with pytest.raises(QaBotError, match="qa-bot index"):
        create_app(bot)


# -- the access matrix against a real server -------------------------------------------------

GUARDED = ["/docs", "/openapi.json", "/embed", f"/sources/{DOC}", f"/view/{DOC}", "/config"]


@contextmanager
def serving(bot: QaBot) -> Iterator[str]:
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(bot), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def _join_queue(client: httpx.Client) -> httpx.Response:
    """The chat's own function, called the way the Gradio front end calls it."""
    body = {"data": [QUESTION, [], [], "", [], [], "", ""], "fn_index": 0, "session_hash": "probe123"}
    return client.post("/gradio_api/queue/join", json=body)


def test_access_with_login_and_token(base_settings: Settings) -> None:
    settings = base_settings.replace(ui_user="staf", ui_password="geheim", api_token="token")
    with serving(QaBot(settings, FakeEmbedder())) as url, httpx.Client(base_url=url) as anonymous:
        # Without the login: no answer and no document text on any route, a minimal health check.
        for path in GUARDED:
            response = anonymous.get(path)
            assert response.status_code in (401, 403), path
            assert "cursisten" not in response.text, path
            assert all(h in response.headers for h in SECURITY_HEADERS), path
        assert anonymous.get("/api/health").json() == {"status": "ok"}
        assert anonymous.post("/api/ask", json={"question": QUESTION}).status_code == 401
        queued = _join_queue(anonymous)
        assert queued.status_code in (401, 403) and "410" not in queued.text
        assert anonymous.post("/gradio_api/upload", files={"files": ("a.txt", b"x")}).status_code == 403
        # The token opens the JSON API, and only that.
        bearer = {"Authorization": "Bearer token"}
        assert anonymous.post("/api/ask", json={"question": QUESTION}, headers=bearer).status_code == 200
        assert anonymous.get(f"/view/{DOC}", headers=bearer).status_code == 401
        # The login opens everything.
        with httpx.Client(base_url=url) as staff:
            assert staff.post("/login", data={"username": "staf", "password": "fout"}).status_code in (400, 401)
            assert staff.post("/login", data={"username": "staf", "password": "geheim"}).status_code == 200
            for path in GUARDED:
                assert staff.get(path).status_code == 200, path
            assert "cursisten" in staff.get(f"/view/{DOC}").text
            assert staff.get("/api/health").json()["access"] == {"chat": "login", "api": "token", "origins": [ALLOWED]}
            assert staff.post("/api/ask", json={"question": QUESTION}).status_code == 200


def test_the_gradio_api_is_not_published(base_settings: Settings) -> None:
    client = TestClient(create_app(QaBot(base_settings, FakeEmbedder())))
    assert client.get("/gradio_api/info").status_code == 404  # the chat's functions are not published
    config = json.dumps(client.get("/config").json())
    assert '"api_visibility": "private"' in config or '"show_api": false' in config.lower()
