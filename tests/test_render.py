from qa_bot.render import chart_svg, chat_markdown, figures_html, highlight, sources_html
from qa_bot.types import Answer, Citation, Figure, Operand

EVIL = '<img src=x onerror="alert(1)"><script>alert(2)</script>'


def citation(passage: str, quote: str) -> Citation:
    return Citation(1, "c1", "a b.txt", f"Titel {EVIL}", "antwoord", "schriftelijke vraag", "2025-01-02", 3, passage,
                    quote, 1.0)  # fmt: skip


def test_document_text_is_escaped_everywhere() -> None:
    passage = f"Inleiding. Er waren 77 scholen {EVIL}. Slot."
    answer = Answer("v", f"**77 scholen** — Volgens: „Er waren 77 scholen {EVIL}.” [1]", "nl",
                    citations=[citation(passage, f"Er waren 77 scholen {EVIL}.")])  # fmt: skip
    html = sources_html(answer)
    assert "<img" not in html and "<script" not in html
    assert "&lt;img src=x onerror=" in html
    md = chat_markdown(answer)
    assert "<img" not in md and "<script" not in md
    assert "**77 scholen**" in md and "[[1]](#bron-1)" in md


def test_source_card_has_meta_highlight_and_link() -> None:
    html = sources_html(Answer("v", "x [1]", "nl", citations=[citation("Een. Twee drie. Vier.", "Twee drie.")]))
    assert 'id="bron-1"' in html
    assert "antwoord · schriftelijke vraag · 2025-01-02 · p. 3" in html
    assert "<mark>Twee drie.</mark>" in html
    assert 'href="/sources/a%20b.txt#page=3"' in html


def test_highlight_without_quote_is_plain_escaped_text() -> None:
    assert highlight("a < b", "niet aanwezig") == "a &lt; b"


def test_abstention_looks_different() -> None:
    answer = Answer("v", "Dat staat niet in de bronnen.", "nl", abstained=True)
    assert chat_markdown(answer).startswith("> ⚠️")
    assert "qa-abstained" in sources_html(answer)


def test_figures_html_and_charts() -> None:
    operands = (Operand(5171, "", "2025", "5171", 1, "part"), Operand(8159, "", "2025", "8159", 1, "whole"))
    chart = {"type": "bar", "title": EVIL, "series": [{"label": EVIL, "value": 5171}, {"label": "b", "value": 8159}]}
    figure = Figure("Aandeel", 63.38, "%", "share", "5171 / 8159 = 63,4%", operands, chart, "63,4%")
    html = figures_html(Answer("v", "t", "nl", figures=[figure]))
    assert "5171 / 8159 = 63,4%" in html and "uit [1]" in html and "<svg" in html
    assert "<img" not in html and "<script" not in html
    assert chart_svg({**chart, "type": "line"}).count("<circle") == 2
    assert chart_svg({"series": []}) == ""
