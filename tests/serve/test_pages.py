"""The HTML of the pages outside the chat app (issue 16, items 8 and 9): the login page is
Dutch and has a title, /docs and /embed are usable by keyboard and screen reader. The
browser tests run axe-core over the same pages; these pin the markup without a browser."""

from __future__ import annotations

import shutil

import pytest
from fastapi.testclient import TestClient

from conftest import EVAL_CORPUS, FakeEmbedder
from qa_bot.config import Settings
from qa_bot.qa import QaBot
from qa_bot.serve.web import create_app


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    base = tmp_path_factory.mktemp("pages")
    shutil.copytree(EVAL_CORPUS, base / "corpus")
    settings = Settings(corpus_dir=base / "corpus", index_dir=base / "index", feedback_file=base / "fb.jsonl")
    QaBot(settings, FakeEmbedder()).index()
    return settings


def client(settings: Settings, **changes: object) -> TestClient:
    return TestClient(create_app(QaBot(settings.replace(**changes), FakeEmbedder())))


@pytest.mark.parametrize("login", [False, True])
def test_gradio_pages_are_dutch_with_a_title(settings: Settings, login: bool) -> None:
    changes = {"ui_user": "lezer", "ui_password": "geheim-wachtwoord"} if login else {}
    page = client(settings, **changes).get("/").text
    assert '<html\n\tlang="nl"' in page or '<html lang="nl"' in page
    head = page[page.index("<head>") : page.index("window.gradio_config")]
    assert "get:()=>'nl'" in head  # Gradio's front end (login form, <html lang>) follows this, not the browser
    assert "<title>qa-bot — parlementaire vragen</title>" in head


def test_docs_code_blocks_are_reachable_by_keyboard(settings: Settings) -> None:
    page = client(settings).get("/docs").text
    assert page.count("<pre") == page.count("<pre tabindex='0'>") > 0
    assert "<main>" in page and "name='viewport'" in page


def test_embed_frame_has_a_title(settings: Settings) -> None:
    page = client(settings).get("/embed").text
    assert '<iframe id="qa-embed-iframe" title="qa-bot chat (voorbeeld)"' in page
    assert page.count("<pre") == page.count('<pre tabindex="0">') > 0
