"""A real headless Chromium driving the real UI, served by the real app with the real model."""

from __future__ import annotations

import http.server
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from conftest import EVAL_CORPUS, ROOT, free_port
from qa_bot.config import Settings
from qa_bot.qa import QaBot

pytestmark = [pytest.mark.browser, pytest.mark.integration]

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"
XSS_DOC = """Limburg - Stages in het buitenland (TESTFIXTUUR)

TESTFIXTUUR: fictieve tekst met opzettelijk gevaarlijke HTML om de weergave te testen.

Hoeveel Limburgse scholen kregen een beurs?

In 2024 kregen 77 Limburgse scholen een beurs <img src=x onerror="window.__xss=1"> voor stages <script>window.__xss=2</script> in het buitenland.
"""


@pytest.fixture(scope="module")
def ports() -> dict[str, int]:
    return {"qa": free_port(), "host": free_port()}


@pytest.fixture(scope="module")
def server(ports: dict[str, int], real_embedder, tmp_path_factory: pytest.TempPathFactory) -> Iterator[QaBot]:  # type: ignore[no-untyped-def]
    import uvicorn

    from qa_bot.web import create_app

    if not CHROMIUM.exists():
        pytest.fail("Debian's chromium is missing: make test installs it (apt-get install chromium)")
    base = tmp_path_factory.mktemp("web")
    corpus = base / "corpus"
    corpus.mkdir()
    for path in EVAL_CORPUS.iterdir():
        shutil.copy(path.resolve(), corpus / path.name)
    (corpus / "limburg-xss.txt").write_text(XSS_DOC, encoding="utf-8")
    settings = Settings(corpus_dir=corpus, index_dir=base / "index", feedback_file=base / "feedback.jsonl",
                        allowed_origins=(f"http://allowed.test:{ports['host']}",))  # fmt: skip
    bot = QaBot(settings, real_embedder)
    bot.index()
    bot.warm_up()
    config = uvicorn.Config(create_app(bot), host="127.0.0.1", port=ports["qa"], log_level="warning")
    uv = uvicorn.Server(config)
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not uv.started and time.time() < deadline:
        time.sleep(0.1)
    yield bot
    uv.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def host_site(ports: dict[str, int]) -> Iterator[None]:
    """Another site (allowed.test / evil.test) that frames the chat and calls the API."""
    page = f"""<!doctype html><html><body><h1>Intranet</h1>
<iframe id="qa" src="http://qa.test:{ports["qa"]}/" width="900" height="700"></iframe>
<script>
fetch("http://qa.test:{ports["qa"]}/api/health").then(r => r.json())
  .then(d => {{ window.__cors = "ok:" + d.status; }}).catch(e => {{ window.__cors = "blocked"; }});
</script></body></html>"""

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            body = page.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", ports["host"]), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        context = p.chromium.launch_persistent_context(
            profile,
            executable_path=str(CHROMIUM),
            headless=True,
            viewport={"width": 1400, "height": 1000},
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--disable-dev-shm-usage",
                  "--host-resolver-rules=MAP qa.test 127.0.0.1, MAP allowed.test 127.0.0.1, "
                  "MAP evil.test 127.0.0.1, MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"],
        )  # fmt: skip
        yield context
        context.close()


@pytest.fixture
def page(browser, server):  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.requests = []  # type: ignore[attr-defined]
    page.on("request", lambda r: page.requests.append(r.url))  # type: ignore[attr-defined]
    yield page
    page.close()


def ask(page, url: str, question: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url)
    page.locator("#qa-question textarea").fill(question)
    page.locator("#qa-ask").click()
    page.locator("#qa-chat .message-row").nth(1).wait_for(timeout=30_000)


def test_answer_with_citation_and_source_card(page, ports) -> None:  # type: ignore[no-untyped-def]
    ask(page, f"http://127.0.0.1:{ports['qa']}/", "Hoeveel mobiliteiten kregen in 2025 een Erasmus+-beurs?")
    bot_message = page.locator("#qa-chat .message-row").nth(1)
    assert "5171" in bot_message.inner_text()
    link = bot_message.locator("a[href='#bron-1-1']")
    assert link.count() >= 1
    card = page.locator("#bron-1-1")
    card.wait_for()
    assert "antwoord" in card.inner_text()
    assert "5171 mobiliteiten" in card.locator("mark").inner_text()
    assert card.locator("a.qa-open").get_attribute("href").startswith("/view/")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "chat-answer.png"), full_page=True)
    hosts = {urlparse(u).hostname for u in page.requests if u.startswith("http")}
    assert hosts == {"127.0.0.1"}, hosts


def test_figure_with_formula_and_chart(page, ports) -> None:  # type: ignore[no-untyped-def]
    ask(
        page,
        f"http://127.0.0.1:{ports['qa']}/",
        "Met hoeveel procent is het aantal Europass Mobiliteiten gestegen sinds 2018?",
    )
    figures = page.locator("#qa-figures")
    figures.locator("svg.qa-chart").wait_for()
    text = figures.inner_text()
    assert "105,1%" in text and "(4535 − 2211) / 2211 = 105,1%" in text
    assert figures.locator("polyline").count() == 1  # a trend is a line
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "chat-figure.png"), full_page=True)


def test_abstention_looks_different(page, ports) -> None:  # type: ignore[no-untyped-def]
    ask(page, f"http://127.0.0.1:{ports['qa']}/", "Wie won de Ronde van Vlaanderen in 2024?")
    assert "Dat staat niet in de bronnen" in page.locator("#qa-chat .message-row").nth(1).inner_text()
    assert page.locator("#qa-chat blockquote").count() == 1
    assert page.locator("#qa-sources .qa-abstained").count() == 1


def test_document_html_is_shown_as_text_and_runs_nothing(page, ports) -> None:  # type: ignore[no-untyped-def]
    ask(page, f"http://127.0.0.1:{ports['qa']}/", "Hoeveel Limburgse scholen kregen in 2024 een beurs?")
    page.locator("#bron-1-1").wait_for()
    card = page.locator("#bron-1-1").inner_text()
    assert '<img src=x onerror="window.__xss=1">' in card and "<script>" in card
    assert '<img src=x onerror="window.__xss=1">' in page.locator("#qa-chat .message-row").nth(1).inner_text()
    page.wait_for_timeout(500)
    assert page.evaluate("window.__xss") is None
    assert page.locator("#qa-sources img, #qa-chat img[src='x']").count() == 0


def test_server_side_validation_message(page, ports) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"http://127.0.0.1:{ports['qa']}/")
    page.locator("#qa-ask").click()
    page.get_by_text("het vraagveld is leeg").first.wait_for(timeout=10_000)
    assert page.locator("#qa-chat .message-row").count() == 0  # nothing was asked


def test_thumbs_feedback_is_logged(page, ports, server) -> None:  # type: ignore[no-untyped-def]
    ask(page, f"http://127.0.0.1:{ports['qa']}/", "Hoeveel Certificaatsupplementen werden in 2023 uitgereikt?")
    page.locator("#qa-chat .message-row").nth(1).hover()
    page.locator("#qa-chat button[aria-label='Like'], #qa-chat button[title='Like']").first.click()
    deadline = time.time() + 10
    log = server.settings.feedback_file
    while not (log.exists() and log.read_text(encoding="utf-8").strip()) and time.time() < deadline:
        time.sleep(0.2)
    record = log.read_text(encoding="utf-8").strip().splitlines()[-1]
    assert '"verdict": "up"' in record and "Certificaatsupplementen" in record


def test_widget_in_iframe_from_allowed_origin_only(page, ports, host_site) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"http://allowed.test:{ports['host']}/")
    frame = page.frame_locator("#qa")
    frame.locator("#qa-question textarea").wait_for(timeout=30_000)
    page.wait_for_function("window.__cors !== undefined", timeout=10_000)
    assert page.evaluate("window.__cors") == "ok:ok"

    page.goto(f"http://evil.test:{ports['host']}/")
    page.wait_for_function("window.__cors !== undefined", timeout=10_000)
    assert page.evaluate("window.__cors") == "blocked"
    page.wait_for_timeout(2000)
    child = next(f for f in page.frames if f != page.main_frame)
    assert child.locator("#qa-question").count() == 0  # framing refused by CSP frame-ancestors
    hosts = {urlparse(u).hostname for u in page.requests if u.startswith("http")}
    assert hosts <= {"allowed.test", "evil.test", "qa.test"}, hosts


def test_embed_page_web_component_works_offline(page, ports) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"http://127.0.0.1:{ports['qa']}/embed")
    component = page.locator("#qa-embed-component")
    component.scroll_into_view_if_needed()  # Gradio renders the component once it is visible
    component.locator("textarea").first.wait_for(timeout=30_000)
    hosts = {urlparse(u).hostname for u in page.requests if u.startswith("http")}
    assert hosts == {"127.0.0.1"}, hosts


def ask_more(page, question: str, turn: int) -> None:  # type: ignore[no-untyped-def]
    """Ask in the same conversation; wait for the answer of this turn."""
    page.locator("#qa-question textarea").fill(question)
    page.locator("#qa-ask").click()
    page.locator("#qa-chat .message-row").nth(2 * turn - 1).wait_for(timeout=30_000)
    page.locator(f"#bron-{turn}-1, #qa-sources .qa-abstained[data-turn='{turn}']").first.wait_for(timeout=30_000)


def screenshot(page, name: str) -> None:  # type: ignore[no-untyped-def]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=True)


def test_each_answer_keeps_its_own_sources_over_three_turns(page, ports) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"http://127.0.0.1:{ports['qa']}/")
    ask_more(page, "Hoeveel mobiliteiten kregen in 2025 een Erasmus+-beurs?", 1)
    ask_more(page, "Hoeveel Certificaatsupplementen werden in 2023 uitgereikt?", 2)
    ask_more(page, "Hoeveel cursisten ontvingen in 2024 een beurs?", 3)
    rows = page.locator("#qa-chat .message-row")
    for turn, number in ((1, "5171"), (2, "12.400"), (3, "410")):
        message = rows.nth(2 * turn - 1)
        assert number in message.inner_text()
        assert message.locator(f"a[href='#bron-{turn}-1']").count() >= 1
        assert number in page.locator(f"#bron-{turn}-1").inner_text()
    # the first answer's [1] still leads to the first answer's card
    rows.nth(1).locator("a[href='#bron-1-1']").first.click()
    page.wait_for_timeout(300)
    assert page.locator("#bron-1-1").is_visible() and "5171" in page.locator("#bron-1-1").inner_text()
    screenshot(page, "chat-three-turns.png")
    page.locator("#qa-clear").click()
    page.wait_for_timeout(500)
    assert page.locator("#qa-sources .qa-card").count() == 0 and page.locator("#qa-chat .message-row").count() == 0


def test_a_follow_up_is_read_from_the_previous_question(page, ports) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"http://127.0.0.1:{ports['qa']}/")
    ask_more(page, "Hoeveel cursisten vertrokken in 2024 naar Duitsland?", 1)
    ask_more(page, "En naar Frankrijk?", 2)
    second = page.locator("#qa-chat .message-row").nth(3).inner_text()
    assert "Vervolgvraag opgevat als" in second and "95" in second
    screenshot(page, "chat-follow-up.png")


def test_the_source_viewer_marks_the_cited_passage(page, ports) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"http://127.0.0.1:{ports['qa']}/")
    ask_more(page, "Hoeveel cursisten ontvingen in 2024 een beurs?", 1)
    with page.context.expect_page() as opened:
        page.locator("#bron-1-1 a.qa-open").click()
    viewer = opened.value
    viewer.wait_for_load_state()
    assert viewer.locator("h1").inner_text().startswith("Volwassenenonderwijs")
    marked = viewer.locator("mark#cited")
    assert "410 cursisten" in marked.inner_text()
    assert viewer.evaluate("document.documentElement.lang") == "nl"
    screenshot(viewer, "source-viewer.png")
    viewer.close()


def test_copy_gives_the_answer_formula_and_full_citations(page, ports) -> None:  # type: ignore[no-untyped-def]
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=f"http://127.0.0.1:{ports['qa']}")
    page.goto(f"http://127.0.0.1:{ports['qa']}/")
    ask_more(page, "Welk aandeel van de gevraagde mobiliteiten kon in 2025 gefinancierd worden?", 1)
    page.locator("#qa-figures svg.qa-chart").wait_for()
    page.locator("#qa-copy").click()
    page.wait_for_timeout(300)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "63,4%" in copied and "Berekening: 5171 / 8159 = 63,4%" in copied
    assert "[1] Beroepsopleidingen - Slechte leermobiliteit (antwoord" in copied and "/view/" in copied
    assert "**" not in copied
    screenshot(page, "chat-copy.png")


def test_a_filter_that_leaves_nothing_says_so(page, ports) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"http://127.0.0.1:{ports['qa']}/")
    page.locator("#qa-filters").get_by_text("Filters").first.click()
    page.locator("#qa-date-from input, #qa-date-from textarea").first.fill("2030")
    ask_more(page, "Hoeveel cursisten ontvingen in 2024 een beurs?", 1)
    message = page.locator("#qa-chat .message-row").nth(1).inner_text()
    assert "vanaf 2030" in message and "0 document" in message
    screenshot(page, "chat-filter-empty.png")


def test_an_example_question_asks_when_clicked(page, ports) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"http://127.0.0.1:{ports['qa']}/")
    page.locator(".qa-example").nth(1).click()
    page.locator("#qa-chat .message-row").nth(1).wait_for(timeout=30_000)
    assert "63,4%" in page.locator("#qa-chat .message-row").nth(1).inner_text()


def test_on_a_phone_the_sources_come_before_the_filters(browser, server, ports) -> None:  # type: ignore[no-untyped-def]
    phone = browser.new_page()
    phone.set_viewport_size({"width": 390, "height": 844})
    phone.goto(f"http://127.0.0.1:{ports['qa']}/")
    ask_more(phone, "Hoeveel cursisten ontvingen in 2024 een beurs?", 1)
    sources = phone.locator("#bron-1-1").bounding_box()
    filters = phone.locator("#qa-filters").bounding_box()
    assert sources is not None and filters is not None and sources["y"] < filters["y"]
    screenshot(phone, "phone.png")
    phone.close()
