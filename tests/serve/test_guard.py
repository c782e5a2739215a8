"""Access, throttling and hostile input, against real uvicorn servers (issue 16, security half).

Each server is started with the settings a test needs (credentials, low limits). Request
loops are small and bounded; nothing here asserts how long something took.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest

from conftest import EVAL_CORPUS, FakeEmbedder, free_port
from qa_bot.cli import main
from qa_bot.config import Settings, load_settings
from qa_bot.errors import ConfigError
from qa_bot.qa import QaBot
from qa_bot.serve.guard import bearer_token, check_exposure, login_delay, refusal_status, server_options
from qa_bot.serve.web import create_app

ALLOWED = "https://intranet.example"
DOC = "volwassenenonderwijs-leermobiliteit.txt"
QUESTION = "Hoeveel cursisten ontvingen in 2024 een beurs?"
SECURITY_HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy")
USER, PASSWORD, TOKEN = "staf", "juist-wachtwoord", "tok-3f9a1c"
LOGIN = {"ui_user": USER, "ui_password": PASSWORD}
CONFIGS = {"login": LOGIN, "token": {"api_token": TOKEN}, "both": {**LOGIN, "api_token": TOKEN}, "open": {}}
# Routes that answer or show a document or its metadata (GET), beside /api/ask and the chat queue.
DATA_ROUTES = ["/config", "/docs", "/openapi.json", "/embed", f"/sources/{DOC}", f"/view/{DOC}",
               "/monitoring", "/monitoring/summary"]  # fmt: skip


@pytest.fixture(scope="module")
def base_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    base = tmp_path_factory.mktemp("guard")
    shutil.copytree(EVAL_CORPUS, base / "corpus")
    settings = Settings(corpus_dir=base / "corpus", index_dir=base / "index", feedback_file=base / "fb.jsonl",
                        allowed_origins=(ALLOWED,))  # fmt: skip
    QaBot(settings, FakeEmbedder()).index()
    return settings


@contextmanager
def serving(settings: Settings) -> Iterator[str]:
    """A real uvicorn server with the options ``qa-bot serve`` uses."""
    import uvicorn

    port = free_port()
    app = create_app(QaBot(settings, FakeEmbedder()))
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", **server_options(settings))
    server = uvicorn.Server(config)
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


@pytest.fixture(scope="module")
def server(base_settings: Settings) -> Callable[..., Any]:
    def start(**changes: object) -> Any:
        return serving(base_settings.replace(**changes))

    return start


def fn_index(client: httpx.Client, trigger: str, elem_id: str = "") -> int:
    """The chat's event for ``trigger`` (of the component ``elem_id``), as the front end finds it."""
    config = client.get("/config").json()
    ids = {c["id"]: c.get("props", {}).get("elem_id") for c in config["components"]}
    for dep in config["dependencies"]:
        for target, event in dep["targets"]:
            if event == trigger and (not elem_id or ids.get(target) == elem_id):
                return int(dep["id"])
    raise AssertionError(f"no {trigger} event")


def answer_fn(client: httpx.Client) -> int:
    """The event that answers a question: it runs after the one that shows the question at once."""
    shown = fn_index(client, "click", "qa-ask")
    for dep in client.get("/config").json()["dependencies"]:
        if dep.get("trigger_after") == shown:
            return int(dep["id"])
    raise AssertionError("no answering event after the question is shown")


def chat(client: httpx.Client, data: list[Any], fn: int = 0, event_data: Any = None) -> tuple[httpx.Response, str]:
    """Join the chat queue as the Gradio front end does; return the join answer and the event stream."""
    session = uuid.uuid4().hex[:10]
    body = {"data": data, "fn_index": fn, "session_hash": session, "event_data": event_data}
    joined = client.post("/gradio_api/queue/join", json=body)
    if joined.status_code != 200:
        return joined, ""
    lines = []
    with client.stream("GET", "/gradio_api/queue/data", params={"session_hash": session}, timeout=30) as stream:
        for line in stream.iter_lines():
            lines.append(line)
            if "process_completed" in line:
                break
    return joined, "\n".join(lines)


def ask_data(question: str = QUESTION) -> list[Any]:
    return [question, [], [], "", [], [], "", ""]


def login(client: httpx.Client, password: str = PASSWORD, user: str = USER) -> httpx.Response:
    return client.post("/login", data={"username": user, "password": password})


# -- 1. one rule for access ---------------------------------------------------------------------


@pytest.mark.parametrize("name", list(CONFIGS))
def test_the_access_rule_route_by_route(server, name: str) -> None:  # type: ignore[no-untyped-def]
    changes = CONFIGS[name]
    closed = bool(changes)
    with server(**changes) as url, httpx.Client(base_url=url) as anonymous:
        for path in DATA_ROUTES:
            response = anonymous.get(path)
            assert all(h in response.headers for h in SECURITY_HEADERS), path
            if closed:
                assert response.status_code == 401, (path, response.status_code)
                assert "cursisten" not in response.text and "wv" not in response.text, path
                assert "log" in response.json()["detail"].lower(), path  # Dutch: log in / login
            else:  # Gradio's monitoring wants its own key (403) even when open
                assert response.status_code in ((200, 403) if "monitoring" in path else (200,)), path
        page = anonymous.get("/")
        if closed:  # the login page where a login exists, else nothing; never the chat's configuration
            assert page.status_code == (200 if "ui_user" in changes else 401)
            assert "qa-question" not in page.text and "Voorbeeldvragen" not in page.text
        else:
            assert page.status_code == 200 and "qa-question" in page.text
        health = anonymous.get("/api/health").json()
        assert (health == {"status": "ok"}) == closed
        asked = anonymous.post("/api/ask", json={"question": QUESTION})
        assert asked.status_code == (401 if closed else 200)
        joined, stream = chat(anonymous, ask_data(), 0 if closed else answer_fn(anonymous))
        assert joined.status_code == (401 if closed else 200)
        assert ("410" in stream) == (not closed)

        if "api_token" in changes:  # the token opens the JSON API and only that
            bearer = {"Authorization": f"Bearer {TOKEN}"}
            assert anonymous.post("/api/ask", json={"question": QUESTION}, headers=bearer).status_code == 200
            assert "limits" in anonymous.get("/api/health", headers=bearer).json()
            for path in ("/docs", "/openapi.json"):
                assert anonymous.get(path, headers=bearer).status_code == 200, path
            for path in ["/config", "/embed", f"/sources/{DOC}", f"/view/{DOC}", "/monitoring"]:
                assert anonymous.get(path, headers=bearer).status_code == 401, path
            with httpx.Client(base_url=url, headers=bearer) as with_token:
                assert chat(with_token, ask_data())[0].status_code == 401

        if "ui_user" in changes:  # the login opens everything
            with httpx.Client(base_url=url) as staff:
                assert login(staff).status_code == 200
                for path in DATA_ROUTES:  # Gradio's monitoring also wants its own key (403)
                    assert staff.get(path).status_code in ((200, 403) if "monitoring" in path else (200,)), path
                assert "cursisten" in staff.get(f"/view/{DOC}").text
                assert staff.post("/api/ask", json={"question": QUESTION}).status_code == 200
                assert "limits" in staff.get("/api/health").json()
                joined, stream = chat(staff, ask_data(), answer_fn(staff))
                assert joined.status_code == 200 and "410" in stream


def test_a_token_needs_the_bearer_scheme(server) -> None:  # type: ignore[no-untyped-def]
    with server(api_token=TOKEN) as url, httpx.Client(base_url=url) as client:
        for header in (TOKEN, f"Token {TOKEN}", f"Basic {TOKEN}", f"Bearer{TOKEN}", f"Bearer {TOKEN} x", "Bearer"):
            response = client.post("/api/ask", json={"question": QUESTION}, headers={"Authorization": header})
            assert response.status_code == 401, header
        ok = client.post("/api/ask", json={"question": QUESTION}, headers={"Authorization": f"Bearer {TOKEN}"})
        assert ok.status_code == 200


@pytest.mark.parametrize(
    ("header", "token"),
    [("Bearer abc", "abc"), ("bearer abc", "abc"), ("abc", ""), ("Token abc", ""), ("Bearer", ""), ("Bearer a b", "")],
)
def test_bearer_token_parsing(header: str, token: str) -> None:
    assert bearer_token(header) == token


def test_serving_a_network_address_without_a_credential_needs_an_explicit_opt_in(base_settings: Settings) -> None:
    exposed = base_settings.replace(host="0.0.0.0")
    with pytest.raises(ConfigError, match=r"zonder login of API-token.*QA_BOT_OPEN=1"):
        check_exposure(exposed)
    with pytest.raises(ConfigError, match="QA_BOT_OPEN"):
        create_app(QaBot(exposed, FakeEmbedder()))
    assert "open" in (check_exposure(exposed.replace(open_access=True)) or "")
    assert check_exposure(exposed.replace(api_token=TOKEN)) is None
    assert check_exposure(base_settings.replace(host="::1")) is None
    assert check_exposure(base_settings.replace(host="localhost")) is None
    assert load_settings({"QA_BOT_OPEN": "1"}).open_access


def test_the_cli_refuses_an_exposed_server_before_indexing(monkeypatch, capsys, tmp_path) -> None:  # type: ignore[no-untyped-def]
    for name in ("QA_BOT_UI_USER", "QA_BOT_UI_PASSWORD", "QA_BOT_API_TOKEN", "QA_BOT_OPEN"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("QA_BOT_CORPUS", str(tmp_path / "geen-corpus"))
    assert main(["serve", "--host", "0.0.0.0"]) == 2
    assert "QA_BOT_OPEN=1" in capsys.readouterr().err


def test_a_login_needs_both_name_and_password() -> None:
    with pytest.raises(ConfigError, match="QA_BOT_UI_PASSWORD"):
        load_settings({"QA_BOT_UI_USER": "staf"})


# -- 2. throttling --------------------------------------------------------------------------------


def test_failed_logins_lock_out_per_client_and_per_user_name(server) -> None:  # type: ignore[no-untyped-def]
    with server(**LOGIN, login_slow_after=0, login_max_failures=3, login_lockout_s=60) as url:
        with httpx.Client(base_url=url) as attacker:
            assert [login(attacker, "fout").status_code for _ in range(3)] == [400, 400, 400]
            locked = login(attacker)  # even the right password, once locked out
            assert locked.status_code == 429 and "Te veel mislukte aanmeldingen" in locked.json()["detail"]
            assert 1 <= int(locked.headers["retry-after"]) <= 60
            assert all(h in locked.headers for h in SECURITY_HEADERS)
            assert login(attacker, user="iemand-anders").status_code == 429  # this client is locked out
        # From another address: the user name is locked, another name is not.
        other = httpx.HTTPTransport(local_address="127.0.0.2")
        with httpx.Client(base_url=url, transport=other) as elsewhere:
            assert login(elsewhere).status_code == 429
            assert login(elsewhere, "fout", user="iemand-anders").status_code == 400


def test_wrong_api_tokens_count_as_failed_logins(server) -> None:  # type: ignore[no-untyped-def]
    with server(api_token=TOKEN, login_slow_after=0, login_max_failures=2) as url, httpx.Client(base_url=url) as c:
        wrong = {"Authorization": "Bearer geraden"}
        tries = [c.post("/api/ask", json={"question": QUESTION}, headers=wrong).status_code for _ in range(2)]
        assert tries == [401, 401]
        response = c.post("/api/ask", json={"question": QUESTION}, headers={"Authorization": f"Bearer {TOKEN}"})
        assert response.status_code == 429 and "retry-after" in response.headers


@pytest.mark.parametrize(("failures", "slow_after", "delay"), [(0, 3, 0.0), (2, 3, 0.0), (3, 3, 0.5), (4, 3, 1.0),
                                                               (50, 3, 4.0), (9, 0, 0.0)])  # fmt: skip
def test_failed_logins_slow_down_before_the_lock_out(failures: int, slow_after: int, delay: float) -> None:
    assert login_delay(failures, slow_after) == delay


def test_questions_are_rate_limited_per_client(server) -> None:  # type: ignore[no-untyped-def]
    with server(ask_per_minute=2, chat_per_minute=1) as url, httpx.Client(base_url=url) as client:
        statuses = [client.post("/api/ask", json={"question": QUESTION}).status_code for _ in range(3)]
        assert statuses == [200, 200, 429]
        limited = client.post("/api/ask", json={"question": QUESTION})
        assert limited.status_code == 429 and "Te veel vragen" in limited.json()["detail"]
        assert 1 <= int(limited.headers["retry-after"]) <= 60
        assert all(h in limited.headers for h in SECURITY_HEADERS)
        assert chat(client, ask_data())[0].status_code == 200
        queued, _ = chat(client, ask_data())
        assert queued.status_code == 429 and "retry-after" in queued.headers
        health = client.get("/api/health").json()["limits"]
        assert health["ask_per_minute"] == 2 and health["chat_per_minute"] == 1 and health["queue_max"] == 64


def test_the_chat_queue_is_bounded(base_settings: Settings) -> None:
    from starlette.routing import Mount

    app = create_app(QaBot(base_settings.replace(queue_max=7), FakeEmbedder()))
    gradio = next(r.app for r in app.routes if isinstance(r, Mount))
    assert gradio.get_blocks()._queue.max_size == 7  # type: ignore[attr-defined]


def _raw(url: str, request: bytes, pause_after: bool = True) -> bytes:
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=15) as sock:
        sock.sendall(request)
        chunks = []
        while True:
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        return b"".join(chunks)


def test_a_slow_body_is_cut_off_with_408(server) -> None:  # type: ignore[no-untyped-def]
    with server(body_timeout_s=0.5) as url:
        head = (b"POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b"Content-Length: 200\r\n\r\n{\"question\": ")  # fmt: skip
        answer = _raw(url, head)  # the rest never comes
        assert answer.startswith(b"HTTP/1.1 408") and b"te traag" in answer
        assert b"content-security-policy" in answer.lower()


def test_a_chunked_body_over_the_cap_is_refused(server) -> None:  # type: ignore[no-untyped-def]
    with server() as url:
        chunk = b"x" * 40_000
        body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(2)) + b"0\r\n\r\n"
        head = (b"POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n")  # fmt: skip
        assert _raw(url, head + body).startswith(b"HTTP/1.1 413")


# -- 3. no 500 from input, nothing unpublished ------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"question": QUESTION, "filters": {"doc_types": 5}}, "filters.doc_types"),
        ({"question": QUESTION, "filters": {"doc_ids": 5}}, "filters.doc_ids"),
        ({"question": QUESTION, "filters": {"parts": 5}}, "filters.parts"),
        ({"question": QUESTION, "filters": {"doc_types": True}}, "filters.doc_types"),
        ({"question": QUESTION, "filters": {"date_from": ["geheim-1234"]}}, "filters.date_from"),
        ({"question": QUESTION, "filters": "geheim-1234"}, "filters"),
        ({"question": ["geheim-1234"]}, "question"),
        ({"question": QUESTION, "k": "geheim-1234"}, "k"),
        ({"question": QUESTION, "k": 0}, "k"),
        ({"vraag": "geheim-1234"}, "question"),
        ([1, 2, "geheim-1234"], "verzoek"),
    ],
)
def test_type_errors_are_a_dutch_422_that_does_not_echo_the_body(server, body: Any, field: str) -> None:  # type: ignore[no-untyped-def]
    with server() as url, httpx.Client(base_url=url) as client:
        response = client.post("/api/ask", json=body)
        assert response.status_code == 422, response.text
        detail = response.json()["detail"]
        assert isinstance(detail, str) and detail.startswith("Ongeldig verzoek") and field in detail
        assert "geheim-1234" not in response.text and "Input should" not in response.text
        broken = b'{"question": "geheim-1234"'
        invalid_json = client.post("/api/ask", content=broken, headers={"content-type": "application/json"})
        assert invalid_json.status_code == 422 and "geheim-1234" not in invalid_json.text


def test_unpublished_gradio_routes_are_404_and_deep_links_are_off(server) -> None:  # type: ignore[no-untyped-def]
    with server() as url, httpx.Client(base_url=url) as client:
        for path in ("/gradio_api/run/predict", "/gradio_api/api/predict", "/gradio_api/call/predict",
                     "/gradio_api/run/respond"):  # fmt: skip
            response = client.post(path, json={"data": [QUESTION]})
            assert response.status_code == 404, path
            assert all(h in response.headers for h in SECURITY_HEADERS), path
        for path in ("/gradio_api/deep_link?session_hash=abc", "/gradio_api/info", "/gradio_api/runs",
                     "/gradio_api/bestaat-niet", "/gradio_api/mcp/schema", "/gradio_api/vibe-code"):  # fmt: skip
            assert client.get(path).status_code in (403, 404), path
        config = client.get("/config", params={"deep_link": "abc123"})
        assert config.status_code == 200 and "deep_link_state" not in config.json()
        bad_join = client.post("/gradio_api/queue/join", json={"data": [], "fn_index": "a", "session_hash": "x"})
        assert bad_join.status_code == 422 and "Ongeldig verzoek" in bad_join.json()["detail"]


def test_a_like_with_a_bad_index_sends_no_python_error_text(server) -> None:  # type: ignore[no-untyped-def]
    with server() as url, httpx.Client(base_url=url) as client:
        like = fn_index(client, "like")
        _, stream = chat(client, [[]], fn=like, event_data={"index": "a", "value": "x", "liked": True})
        assert "process_completed" in stream
        for leak in ("TypeError", "Traceback", "unsupported operand", "not subscriptable", "str"):
            assert leak not in stream.replace('"success"', ""), leak


# -- 4. headers on every response, preflights included ---------------------------------------------


@pytest.mark.parametrize("origin", [ALLOWED, "https://evil.example"])
def test_a_cors_preflight_carries_the_security_headers(server, origin: str) -> None:  # type: ignore[no-untyped-def]
    preflight = {"Origin": origin, "Access-Control-Request-Method": "POST",
                 "Access-Control-Request-Headers": "content-type, authorization"}  # fmt: skip
    with server(**LOGIN, api_token=TOKEN) as url, httpx.Client(base_url=url) as client:
        response = client.options("/api/ask", headers=preflight)
        assert all(h in response.headers for h in SECURITY_HEADERS)
        assert (response.headers.get("access-control-allow-origin") == ALLOWED) == (origin == ALLOWED)


@pytest.mark.parametrize(
    ("path", "status"),
    [("/gradio_api/queue/join", None), ("/gradio_api/queue/data", None), ("/gradio_api/heartbeat/abc", None),
     ("/gradio_api/run/predict", 404), ("/gradio_api/deep_link", 404), ("/gradio_api/queue/status", 404),
     ("/gradio_api/upload", 403), ("/gradio_api/file=/etc/passwd", 403), ("/view/x.txt", None)],
)  # fmt: skip
def test_only_what_the_chat_front_end_calls_is_published(path: str, status: int | None) -> None:
    assert refusal_status(path) == status


def test_websockets_are_refused(base_settings: Settings) -> None:
    from fastapi.testclient import TestClient
    from starlette.websockets import WebSocketDisconnect

    client = TestClient(create_app(QaBot(base_settings.replace(**LOGIN), FakeEmbedder())))
    with pytest.raises(WebSocketDisconnect), client.websocket_connect("/gradio_api/queue/join"):
        pass
