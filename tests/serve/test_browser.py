"""A real headless Chromium driving the real UI, served by the real app with the real model."""

from __future__ import annotations

import http.server
import shutil
import subprocess
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

    from qa_bot.serve.web import create_app

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
    answered(page, 1)


def answered(page, turn: int) -> None:  # type: ignore[no-untyped-def]
    """Wait for the answer of this turn: the question shows at once with a "bezig" message."""
    row = page.locator("#qa-chat .message-row").nth(2 * turn - 1)
    row.wait_for(timeout=30_000)
    page.wait_for_function(f"""() => {{ const rows = document.querySelectorAll("#qa-chat .message-row");
        return rows.length > {2 * turn - 1} && !rows[{2 * turn - 1}].innerText.includes("Bezig met zoeken"); }}""",
                           timeout=30_000)  # fmt: skip


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
    page.locator("#qa-chat button[aria-label='Vind ik leuk'], #qa-chat button[aria-label='Like']").first.click()
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
    answered(page, turn)
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
        assert number in page.locator(f"#bron-{turn}-1").text_content()  # older answers' cards are folded
    # the first answer's [1] still leads to the first answer's card
    rows.nth(1).locator("a[href='#bron-1-1']").first.click()
    page.wait_for_timeout(300)
    assert page.locator("#bron-1-1").is_visible() and "5171" in page.locator("#bron-1-1").inner_text()
    # only the latest answer's sources are open; the panel does not grow without bound (issue 16, item 10)
    assert page.locator("#qa-sources details.qa-older").count() == 2
    assert page.locator("#qa-sources details.qa-older[open]").count() == 1  # the one the click above opened
    assert page.locator("#qa-sources").bounding_box()["height"] <= 700
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
    assert copied.count("5171 / 8159 = 63,4%") == 1  # the formula once (issue 16, item 7)
    assert "[1] Beroepsopleidingen - Slechte leermobiliteit (antwoord" in copied
    assert f"— http://127.0.0.1:{ports['qa']}/view/" in copied  # a link that works where it is pasted
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
    answered(page, 1)
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


# ---------------------------------------------------------------- issue 16: chat and accessibility

AXE_DIR = ARTIFACTS / "axe"
LOGIN = ("lezer", "een-lang-wachtwoord")


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe-core 4 from npm, installed once into test-artifacts/ (no CDN at test time)."""
    script = AXE_DIR / "node_modules" / "axe-core" / "axe.min.js"
    if not script.exists():
        npm = shutil.which("npm")
        if npm is None:
            pytest.fail("npm is missing: axe-core is installed from npm for the accessibility tests (apt-get install npm)")
        AXE_DIR.mkdir(parents=True, exist_ok=True)
        done = subprocess.run([npm, "install", "--prefix", str(AXE_DIR), "--no-audit", "--no-fund", "axe-core@4"],
                              capture_output=True, text=True, timeout=300)  # fmt: skip
        if done.returncode != 0 or not script.exists():
            pytest.fail(f"npm install axe-core@4 failed (is the npm registry reachable?):\n{done.stderr[-2000:]}")
    return script


def serious_violations(page, axe_script: Path) -> list[str]:  # type: ignore[no-untyped-def]
    """axe-core's serious and critical violations on the page as it is now."""
    page.add_script_tag(path=str(axe_script))
    found = page.evaluate("""async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
        .filter(v => v.impact === "serious" || v.impact === "critical")
        .map(v => v.id + ": " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", "))""")
    return list(found)


@pytest.fixture(scope="module")
def login_port(server: QaBot) -> Iterator[int]:
    """The same index served with a login."""
    import uvicorn

    from qa_bot.serve.web import create_app

    bot = QaBot(server.settings.replace(ui_user=LOGIN[0], ui_password=LOGIN[1]), server.embedder)
    port = free_port()
    uv = uvicorn.Server(uvicorn.Config(create_app(bot), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not uv.started and time.time() < deadline:
        time.sleep(0.1)
    yield port
    uv.should_exit = True
    thread.join(10)


def test_axe_chat_after_an_answer_with_a_figure(page, ports, axe_script) -> None:  # type: ignore[no-untyped-def]
    ask_more_at(page, ports, "Welk aandeel van de gevraagde mobiliteiten kon in 2025 gefinancierd worden?")
    chart = page.locator("#qa-figures svg.qa-chart")
    chart.wait_for()
    assert page.locator("#qa-figures .qa-bar-label").all_text_contents() == ["toegekend 2025", "gevraagd 2025"]
    assert page.locator("#qa-figures .qa-axis-label").text_content() == "mobiliteiten"
    assert "toegekend 2025: 5171" in chart.get_attribute("aria-label")
    assert page.locator("h1").count() == 1
    page.wait_for_function("!document.querySelector('#qa-ask').disabled", timeout=10_000)
    assert serious_violations(page, axe_script) == []


def test_axe_viewer_on_a_phone(browser, server, ports, axe_script) -> None:  # type: ignore[no-untyped-def]
    phone = browser.new_page()
    # a phone's screen: without a viewport meta the page is laid out 980 px wide and shrunk
    cdp = phone.context.new_cdp_session(phone)
    cdp.send("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 3, "mobile": True})
    phone.goto(f"http://127.0.0.1:{ports['qa']}/view/beroepsopleidingen-slechte-leermobiliteit.txt", wait_until="load")
    assert phone.evaluate("[window.innerWidth, document.documentElement.scrollWidth]") == [390, 390]
    assert serious_violations(phone, axe_script) == []
    phone.close()


@pytest.mark.parametrize("path", ["/docs", "/embed"])
def test_axe_docs_and_embed(page, ports, axe_script, path: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"http://127.0.0.1:{ports['qa']}{path}", wait_until="load")
    if path == "/embed":
        component = page.locator("#qa-embed-component")
        component.scroll_into_view_if_needed()
        component.locator("textarea").first.wait_for(timeout=30_000)
        page.frame_locator("#qa-embed-iframe").locator("#qa-question textarea").wait_for(timeout=30_000)
    assert serious_violations(page, axe_script) == []


def test_the_login_page_is_dutch_titled_and_passes_axe(browser, login_port, axe_script) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(f"http://127.0.0.1:{login_port}/", wait_until="load")
    page.get_by_text("Gebruikersnaam").first.wait_for(timeout=30_000)
    assert page.title() == "qa-bot — parlementaire vragen"
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert serious_violations(page, axe_script) == []
    page.locator("input[type=text], input:not([type])").first.fill(LOGIN[0])
    page.locator("input[type=password]").fill("fout")
    page.get_by_role("button", name="Inloggen").click()
    page.get_by_text("Onjuiste inloggegevens").wait_for(timeout=10_000)
    page.close()


def ask_more_at(page, ports, question: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"http://127.0.0.1:{ports['qa']}/", wait_until="load")
    ask_more(page, question, 1)


def test_the_question_shows_at_once_and_the_button_waits(page, ports) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"http://127.0.0.1:{ports['qa']}/", wait_until="load")
    page.locator("#qa-question textarea").wait_for()
    # every change of the page, recorded as it happens: what the chat shows and whether one can ask again
    page.evaluate("""() => { window.__states = [];
        new MutationObserver(() => { const chat = document.querySelector("#qa-chat");
          window.__states.push({chat: chat ? chat.innerText : "", disabled: document.querySelector("#qa-ask").disabled});
        }).observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true}); }""")
    page.locator("#qa-question textarea").fill("Hoeveel cursisten ontvingen in 2024 een beurs?")
    page.locator("#qa-ask").click()
    page.locator("#bron-1-1").wait_for(timeout=30_000)
    page.wait_for_function("!document.querySelector('#qa-ask').disabled", timeout=10_000)
    states = page.evaluate("window.__states")
    waiting = [s for s in states if "Hoeveel cursisten" in s["chat"] and "Bezig" in s["chat"] and "410" not in s["chat"]]
    assert waiting and any(s["disabled"] for s in waiting), states[-5:]
    assert "Bezig" not in page.locator("#qa-chat").inner_text()
    assert page.locator("#qa-chat .message-row").count() == 2


def test_lang_stays_dutch_and_follows_an_english_answer(page, ports) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"http://127.0.0.1:{ports['qa']}/", wait_until="load")
    page.locator("#qa-question textarea").wait_for()
    page.wait_for_timeout(1000)  # Gradio's start-up is over
    assert page.evaluate("document.documentElement.lang") == "nl"
    ask_more(page, "How many mobilities were requested by schools in 2025?", 1)
    page.wait_for_function("document.documentElement.lang === 'en'", timeout=10_000)
    assert "8159 mobilities — According to" in page.locator("#qa-chat .message-row").nth(1).inner_text()
    ask_more(page, "Hoeveel cursisten ontvingen in 2024 een beurs?", 2)
    page.wait_for_function("document.documentElement.lang === 'nl'", timeout=10_000)


def test_the_chat_copy_icon_copies_plain_text(page, ports) -> None:  # type: ignore[no-untyped-def]
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=f"http://127.0.0.1:{ports['qa']}")
    ask_more_at(page, ports, "Hoeveel cursisten ontvingen in 2024 een beurs?")
    page.locator("#qa-chat .message-row").nth(1).hover()
    page.locator("#qa-chat .message-buttons-left button[aria-label='Copy message']").first.click()
    page.wait_for_timeout(300)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "410" in copied and "[1]" in copied
    assert "**" not in copied and "](#bron-" not in copied and "\\" not in copied
