"""The guarded chat in a real headless Chromium: the login page loads, the login opens the chat.

The Guard lets through only what the login page and the chat's front end call; this proves
that list is enough (assets, theme, queue, heartbeat) and that a lock-out reaches the page.
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import EVAL_CORPUS, FakeEmbedder, free_port
from qa_bot.config import Settings
from qa_bot.qa import QaBot

pytestmark = [pytest.mark.browser, pytest.mark.integration]

CHROMIUM = Path("/usr/bin/chromium")
USER, PASSWORD = "staf", "juist-wachtwoord"


@pytest.fixture(scope="module")
def url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from qa_bot.serve.web import create_app

    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: make test installs it (apt-get install chromium)")
    base = tmp_path_factory.mktemp("guarded")
    shutil.copytree(EVAL_CORPUS, base / "corpus")
    settings = Settings(corpus_dir=base / "corpus", index_dir=base / "index", feedback_file=base / "fb.jsonl",
                        ui_user=USER, ui_password=PASSWORD, api_token="tok-browser", login_slow_after=0,
                        login_max_failures=2)  # fmt: skip
    bot = QaBot(settings, FakeEmbedder())
    bot.index()
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(bot), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not server.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture
def context():  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        context = p.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, viewport={"width": 1280, "height": 900},
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage"],
        )  # fmt: skip
        yield context
        context.close()


def _log_in(page, url: str, password: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url + "/")
    page.locator("input[type=password]").wait_for(timeout=20_000)
    page.locator("input[type=text], input:not([type])").first.fill(USER)
    page.locator("input[type=password]").fill(password)
    page.get_by_role("button", name="Inloggen").click()  # the login page is Dutch


def test_the_login_page_loads_and_the_login_opens_the_chat(context, url: str) -> None:  # type: ignore[no-untyped-def]
    page = context.new_page()
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    _log_in(page, url, PASSWORD)
    page.locator("#qa-question textarea").fill("Hoeveel cursisten ontvingen in 2024 een beurs?")
    page.locator("#qa-ask").click()
    page.locator("#qa-chat .message-row").nth(1).wait_for(timeout=30_000)
    # the question shows at once with a busy message; the answer replaces it
    page.wait_for_function("!document.querySelector('#qa-chat').innerText.includes('Bezig')", timeout=60_000)
    assert "410" in page.locator("#qa-chat").inner_text()
    assert not [f for f in failed if "/config" not in f], failed  # /config is 401 until the login, by design


def test_a_locked_out_login_is_refused_in_the_page(context, url: str) -> None:  # type: ignore[no-untyped-def]
    page = context.new_page()
    statuses: list[int] = []
    page.on("response", lambda r: statuses.append(r.status) if r.url.rstrip("/").endswith("/login") else None)
    for _ in range(3):
        _log_in(page, url, "fout")
        page.wait_for_timeout(500)
    assert statuses[:2] == [400, 400] and 429 in statuses
    assert page.locator("#qa-question").count() == 0
