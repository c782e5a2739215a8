"""The FastAPI app with a fake embedder: API contract, validation, token, origins, sources."""

import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from conftest import FakeEmbedder
from qa_bot.config import Settings
from qa_bot.qa import QaBot
from qa_bot.web import create_app

ALLOWED = "https://intranet.example"


@pytest.fixture
def make_client(settings: Settings, fake_embedder: FakeEmbedder, tmp_path: Path):  # type: ignore[no-untyped-def]
    def make(**changes: object) -> TestClient:
        s = settings.replace(allowed_origins=(ALLOWED,), feedback_file=tmp_path / "fb.jsonl", **changes)
        bot = QaBot(s, fake_embedder)
        bot.index()
        return TestClient(create_app(bot))

    return make


def test_ask_returns_the_answer_contract(make_client) -> None:  # type: ignore[no-untyped-def]
    client = make_client()
    response = client.post("/api/ask", json={"question": "Welk aandeel van de gevraagde mobiliteiten kon in 2025 "
                                                         "gefinancierd worden?"})  # fmt: skip
    assert response.status_code == 200
    data = response.json()
    assert set(data) >= {"text", "citations", "figures", "abstained", "reason", "timings", "language"}
    assert data["figures"][0]["display"] == "63,4%"


def test_ask_with_filters_and_k(make_client) -> None:  # type: ignore[no-untyped-def]
    response = make_client().post("/api/ask", json={"question": "Hoeveel cursisten ontvingen in 2024 een beurs?",
                                                    "filters": {"parts": ["antwoord"]}, "k": 3})  # fmt: skip
    assert response.status_code == 200
    assert all(c["part"] == "antwoord" for c in response.json()["citations"])


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"question": ""}, "leeg"),
        ({"question": "   "}, "leeg"),
        ({"question": "x" * 2001}, "te lang"),
        ({"question": "Hoeveel?", "filters": {"parts": ["bijlage"]}}, "Onbekend deel"),
    ],
)
def test_bad_questions_get_422_with_a_message(make_client, body: dict, message: str) -> None:  # type: ignore[no-untyped-def, type-arg]
    response = make_client().post("/api/ask", json=body)
    assert response.status_code == 422
    assert message in response.json()["detail"]


def test_health(make_client) -> None:  # type: ignore[no-untyped-def]
    data = make_client().get("/api/health").json()
    assert data["status"] == "ok" and data["model"] == "fake-trigram" and data["index"]["documents"] == 5


def test_api_token(make_client) -> None:  # type: ignore[no-untyped-def]
    client = make_client(api_token="geheim")
    assert client.post("/api/ask", json={"question": "Hoeveel?"}).status_code == 401
    ok = client.post("/api/ask", json={"question": "Hoeveel?"}, headers={"Authorization": "Bearer geheim"})
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
    assert page.headers["content-security-policy"] == f"frame-ancestors 'self' {ALLOWED}"
    assert page.headers.get("access-control-allow-origin") in (None, ALLOWED)


def test_sources_only_serves_indexed_documents(make_client) -> None:  # type: ignore[no-untyped-def]
    client = make_client()
    ok = client.get("/sources/volwassenenonderwijs-leermobiliteit.txt")
    assert ok.status_code == 200 and ok.headers["content-type"].startswith("text/plain")
    assert client.get("/sources/../pyproject.toml").status_code == 404
    assert client.get("/sources/%2e%2e/pyproject.toml").status_code == 404
    assert client.get("/sources/bestaat-niet.txt").status_code == 404


def test_docs_and_embed_pages_are_offline(make_client) -> None:  # type: ignore[no-untyped-def]
    client = make_client()
    docs = client.get("/docs").text
    assert "/api/ask" in docs and "cdn" not in docs.lower() and "<script" not in docs
    embed = client.get("/embed").text
    assert "&lt;iframe" in embed and "gradio-app" in embed and "/gradio.js" in embed
    links = re.findall(r'(?:src|href)="([^"]+)"', embed)
    assert links and all(link.startswith(("http://testserver/", "/")) for link in links), links
    assert client.get("/gradio.js").status_code == 200


def test_missing_index_is_a_503_with_the_command(tmp_path: Path, fake_embedder: FakeEmbedder) -> None:
    settings = Settings(corpus_dir=tmp_path, index_dir=tmp_path / "leeg")
    from qa_bot.web import AskRequest  # noqa: F401 — the request model is importable for clients

    bot = QaBot(settings, fake_embedder)
    with pytest.raises(Exception, match="qa-bot index"):
        create_app(bot)


def test_optional_login_protects_the_chat_but_not_health(make_client) -> None:  # type: ignore[no-untyped-def]
    client = make_client(ui_user="staf", ui_password="geheim")
    assert client.get("/config").status_code in (401, 403)
    assert client.get("/api/health").status_code == 200
    login = client.post("/login", data={"username": "staf", "password": "geheim"})
    assert login.status_code == 200
    assert client.get("/config").status_code == 200
    assert make_client().get("/config").status_code == 200  # off by default
