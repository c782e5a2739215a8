from html import escape

from qa_bot.serve.render import (
    chart_svg,
    chat_markdown,
    conversation_sources,
    document_page,
    figures_html,
    highlight,
    plain_text,
    sources_html,
    table_html,
)
from qa_bot.types import Answer, Cell, Citation, Figure, Operand, Table

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
    assert "**77 scholen**" in md and "[[1]](#bron-1-1)" in md


def test_each_answer_links_to_its_own_cards() -> None:
    first = Answer("v1", "a [1]", "nl", citations=[citation("Een.", "Een.")])
    second = Answer("v2", "b [1]", "nl", citations=[citation("Twee.", "Twee.")])
    assert "(#bron-2-1)" in chat_markdown(second, turn=2)
    panel = conversation_sources([(1, first), (2, second)])
    assert panel.index('id="bron-2-1"') < panel.index('id="bron-1-1"')  # newest first, older ones kept


def test_source_card_has_meta_highlight_and_link() -> None:
    html = sources_html(Answer("v", "x [1]", "nl", citations=[citation("Een. Twee drie. Vier.", "Twee drie.")]))
    assert 'id="bron-1-1"' in html
    assert "antwoord · schriftelijke vraag · 2025-01-02 · p. 3" in html
    assert "<mark>Twee drie.</mark>" in html
    assert 'href="/view/a%20b.txt?chunk=c1&amp;at=5-15#cited"' in html  # the quote inside the passage


TABLE = Table("Tabel 1 — Beurzen", ("Provincie", "2024", "2025"),
              ((Cell("Limburg"), Cell("410", 410.0), Cell("455", 455.0)),
               (Cell(EVIL), Cell("–", missing=True), Cell("12", 12.0))))  # fmt: skip


def test_table_marks_the_cited_cells_and_escapes_text() -> None:
    html = table_html(TABLE, [(0, 2)])
    assert '<td data-row="0" data-col="2"><mark>455</mark></td>' in html
    assert '<tr class="qa-cited-row">' in html and html.count("<mark>") == 1
    assert "<script" not in html and "<caption>Tabel 1 — Beurzen</caption>" in html


def test_plain_text_has_answer_formula_and_full_citations() -> None:
    operands = (Operand(5171, "", "2025", "5171", 1, "part"), Operand(8159, "", "2025", "8159", 1, "whole"))
    figure = Figure("Aandeel", 63.38, "%", "share", "5171 / 8159 = 63,4%", operands, {}, "63,4%")
    c = Citation(1, "c1", "a b.txt", "Beurzen", "antwoord", "schriftelijke vraag", "2025-01-02", 3, "p", "q", 1.0,
                 doc_number="521")  # fmt: skip
    text = plain_text(Answer("v", "**63,4%** van de aanvragen [1]", "nl", citations=[c], figures=[figure]),
                      "https://qa.example")  # fmt: skip
    assert text.startswith("63,4% van de aanvragen [1]")
    assert "5171 / 8159 = 63,4%" in text
    assert "[1] Beurzen (antwoord, vraag nr. 521, schriftelijke vraag, 2025-01-02, p. 3)" in text
    assert "https://qa.example/view/a%20b.txt?chunk=c1#cited" in text


def test_document_page_marks_the_cited_passage() -> None:
    text = f"Titel\n\nEerste alinea {EVIL}.\n\nDe geciteerde zin.\n\nSlot."
    at = text.index("De geciteerde")
    page = document_page("Doc", {"number": "521", "date": "2025-01-02"}, text, [], (at, at + 18), [])
    assert "<mark id='cited'>De geciteerde zin.</mark>" in page
    assert "<script" not in page and "521" in page and "lang='nl'" in page


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


# ---------------------------------------------------------------- issue 16, items 6, 7, 9, 10


def test_the_copied_text_has_the_formula_once_and_absolute_links() -> None:
    operands = (Operand(5171, "", "2025", "5171", 1, "part"), Operand(8159, "", "2025", "8159", 1, "whole"))
    figure = Figure("Aandeel", 63.38, "%", "share", "5171 / 8159 = 63,4%", operands, {}, "63,4%")
    c = Citation(1, "c1", "a b.txt", "Beurzen", "antwoord", "schriftelijke vraag", "2025-01-02", 3, "p", "q", 1.0)
    answer = Answer("v", "Aandeel: **63,4%** [1].\n\nBerekening: 5171 / 8159 = 63,4% — 5171 en 8159 uit [1].", "nl",
                    citations=[c], figures=[figure])  # fmt: skip
    text = plain_text(answer, "http://127.0.0.1:7860/")
    assert text.count("5171 / 8159 = 63,4%") == 1
    assert "— http://127.0.0.1:7860/view/a%20b.txt?chunk=c1#cited" in text


def test_a_chart_has_a_text_alternative_and_a_y_axis_label() -> None:
    chart = {"type": "bar", "title": "Aandeel", "y_label": "mobiliteiten", "description": f"Staafdiagram {EVIL}",
             "series": [{"label": "toegekend 2025", "value": 5171}, {"label": "gevraagd 2025", "value": 8159}]}
    svg = chart_svg(chart)
    assert f'aria-label="Staafdiagram {escape(EVIL)}"' in svg and f"<title>Staafdiagram {escape(EVIL)}</title>" in svg
    assert 'class="qa-axis-label"' in svg and ">mobiliteiten</text>" in svg
    assert ">toegekend 2025</text>" in svg and ">gevraagd 2025</text>" in svg


def test_older_answers_sources_are_folded() -> None:
    c = citation("Een zin.", "Een zin.")
    turns = [(n, Answer("v", "t [1]", "nl", citations=[c])) for n in (1, 2, 3)]
    html = conversation_sources(turns)
    assert html.index('id="bron-3-1"') < html.index('id="bron-2-1"') < html.index('id="bron-1-1"')
    assert html.count("<details") == 2 and " open" not in html
    latest = html[: html.index("<details")]
    assert 'id="bron-3-1"' in latest and "Vraag 3" in latest


def test_the_viewer_fits_a_phone() -> None:
    page = document_page("Doc", {}, "Tekst.", [], None, [])
    assert "<meta name='viewport' content='width=device-width, initial-scale=1'>" in page
    assert "<main>" in page and "<h1>Doc</h1>" in page
