"""Fuzz the API from its OpenAPI schema (schemathesis) and with free-form JSON (hypothesis).

Against one real server in its open default (loopback, no credential), so /api/ask and the
chat queue answer; the access rule itself is covered route by route in test_serve_guard.py. The
property: no response is a 5xx, and every response — CORS preflights included — carries
the security headers. Bounded: a fixed, small number of examples, no shrinking deadline.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from schemathesis.generation import GenerationMode

from conftest import EVAL_CORPUS, FakeEmbedder, free_port
from qa_bot.config import Settings
from qa_bot.qa import QaBot
from qa_bot.serve.guard import server_options
from qa_bot.serve.web import create_app

ALLOWED = "https://intranet.example"
SECURITY_HEADERS = ("content-security-policy", "x-content-type-options", "referrer-policy")
FUZZ = settings(max_examples=40, deadline=None, derandomize=True, database=None,
                suppress_health_check=list(HealthCheck))  # fmt: skip


def _check(response: Any, what: str) -> None:
    assert response.status_code < 500, (what, response.status_code, response.text[:300])
    missing = [h for h in SECURITY_HEADERS if h not in {k.lower() for k in response.headers}]
    assert not missing, (what, response.status_code, missing)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, Any]]]:
    import uvicorn

    base = tmp_path_factory.mktemp("fuzz")
    shutil.copytree(EVAL_CORPUS, base / "corpus")
    config = Settings(corpus_dir=base / "corpus", index_dir=base / "index", feedback_file=base / "fb.jsonl",
                      allowed_origins=(ALLOWED,), ask_per_minute=0, chat_per_minute=0)  # fmt: skip
    QaBot(config, FakeEmbedder()).index()
    app = create_app(QaBot(config, FakeEmbedder()))
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error",
                                           **server_options(config)))  # fmt: skip
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}", app.openapi()
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_the_api_schema_fuzzed_gives_no_500_and_always_the_headers(served, mode: GenerationMode) -> None:  # type: ignore[no-untyped-def]
    url, schema_dict = served
    schema = schemathesis.openapi.from_dict(schema_dict)
    seen: set[int] = set()

    @FUZZ
    @given(case=schema.as_strategy(generation_mode=mode))
    def run(case: Any) -> None:
        response = case.call(base_url=url, timeout=30)
        seen.add(response.status_code)
        _check(response, f"{case.method} {case.formatted_path}")

    run()
    assert 200 in seen if mode == GenerationMode.POSITIVE else 422 in seen, seen  # it reached the questions


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
QUESTIONS = st.sampled_from(
    ["Hoeveel cursisten ontvingen in 2024 een beurs?", "En in 2025?", "How many mobilities were requested in 2025?"]
) | st.text(min_size=1, max_size=60)
FILTER_VALUES = {
    "doc_types": st.lists(st.sampled_from(["schriftelijke vraag", "rapport"]), max_size=2),
    "parts": st.lists(st.sampled_from(["vraag", "antwoord", "rapport"]), max_size=2),
    "doc_ids": st.lists(st.just("volwassenenonderwijs-leermobiliteit.txt"), max_size=1),
    "date_from": st.sampled_from(["2020", "2024-05", "2024-05-01"]),
    "date_to": st.sampled_from(["2025", "2025-12"]),
}  # fmt: skip


@st.composite
def ask_bodies(draw: st.DrawFn) -> dict[str, Any]:
    """A valid question with at most one field (or one filter) replaced by arbitrary JSON."""
    body: dict[str, Any] = {"question": draw(QUESTIONS)}
    filters = {name: draw(values) for name, values in FILTER_VALUES.items() if draw(st.booleans())}
    if filters or draw(st.booleans()):
        body["filters"] = filters
    if draw(st.booleans()):
        body["k"] = draw(st.integers(1, 10))
    if draw(st.booleans()):
        body["previous"] = draw(QUESTIONS)
    broken = draw(st.sampled_from(["nothing", "question", "k", "previous", "filters", *FILTER_VALUES]))
    value = draw(st.integers() | st.booleans() | JSON)  # scalars first: they broke the filters (issue 16)
    if broken in FILTER_VALUES:
        body.setdefault("filters", {})[broken] = value
    elif broken != "nothing":
        body[broken] = value
    return body


GRADIO_LIKE = st.fixed_dictionaries(
    {"data": st.lists(JSON, max_size=9), "fn_index": st.integers(-2, 20) | JSON,
     "session_hash": st.text("abcdef0123", min_size=1, max_size=12)},
    optional={"event_data": JSON, "trigger_id": JSON},
)  # fmt: skip


def test_free_form_json_to_the_api_and_the_chat_queue_gives_no_500(served) -> None:  # type: ignore[no-untyped-def]
    url, _ = served
    seen: set[tuple[str, int]] = set()
    requests = st.tuples(st.just("/api/ask"), ask_bodies() | JSON) | st.tuples(
        st.just("/gradio_api/queue/join"), GRADIO_LIKE | JSON)  # fmt: skip
    with httpx.Client(base_url=url, timeout=30) as client:

        @settings(FUZZ, max_examples=80)
        @given(request=requests)
        @example(request=("/api/ask", {"question": "Hoeveel cursisten ontvingen in 2024 een beurs?", "k": 2}))
        def run(request: tuple[str, Any]) -> None:
            path, body = request
            response = client.post(path, json=body)
            seen.add((path, response.status_code))
            _check(response, path)

        run()
    assert ("/api/ask", 200) in seen and ("/api/ask", 422) in seen, seen
    assert any(path.endswith("queue/join") and status != 401 for path, status in seen), seen


def test_preflights_and_odd_requests_always_carry_the_headers(served) -> None:  # type: ignore[no-untyped-def]
    url, _ = served
    origins = st.sampled_from([ALLOWED, "https://evil.example", "null", ""]) | st.text("abcxyz:/.", max_size=20)
    header_text = st.text(st.characters(min_codepoint=33, max_codepoint=126), max_size=30)
    with httpx.Client(base_url=url, timeout=30) as client:

        @FUZZ
        @given(origin=origins, method=st.sampled_from(["POST", "GET", "PUT", "DELETE"]), headers=header_text,
               authorization=header_text,
               path=st.sampled_from(["/api/ask", "/api/health", "/", "/view/x", "/gradio_api/queue/join"]))  # fmt: skip
        def run(origin: str, method: str, headers: str, authorization: str, path: str) -> None:
            preflight = {"Origin": origin, "Access-Control-Request-Method": method,
                         "Access-Control-Request-Headers": headers, "Authorization": authorization}  # fmt: skip
            _check(client.options(path, headers=preflight), f"OPTIONS {path}")
            _check(client.request(method, path, headers={"Authorization": authorization, "Origin": origin}),
                   f"{method} {path}")  # fmt: skip

        run()
