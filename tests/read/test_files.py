from pathlib import Path

import pytest

from pdfs import SCOREBOARD_PAGES, write_encrypted_pdf, write_pdf
from qa_bot.errors import DocumentError
from qa_bot.read.files import clean_text, read_corpus, read_document, strip_repeated_lines


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("de leer-\nmobiliteit stijgt", "de leermobiliteit stijgt"),
        ("12% VET-\nleerlingen", "12% VET-leerlingen"),
        ("een zin\nloopt door\n\nNieuwe alinea", "een zin loopt door\n\nNieuwe alinea"),
        ("tekst\r\nmet CRLF", "tekst met CRLF"),
    ],
)
def test_clean_text(raw: str, clean: str) -> None:
    assert clean_text(raw) == clean


def test_repeated_footers_and_headers_are_dropped() -> None:
    pages = ["Vlaams Parlement\nInhoud een\nPagina 1 van 3", "Vlaams Parlement\nInhoud twee\nPagina 2 van 3",
             "Vlaams Parlement\nInhoud drie\nPagina 3 van 3"]  # fmt: skip
    assert strip_repeated_lines(pages) == ["Inhoud een", "Inhoud twee", "Inhoud drie"]


def test_real_pdf_pages_text_and_dehyphenation(tmp_path: Path) -> None:
    pdf = write_pdf(tmp_path / "scoreboard.pdf", SCOREBOARD_PAGES)
    doc = read_document(pdf, tmp_path)
    assert doc.paged and len(doc.pages) == 2
    assert "leermobiliteit" in doc.text
    assert "Pagina" not in doc.text
    offset = doc.text.index("2950")
    assert doc.page_at(offset) == 2
    assert doc.page_at(0) == 1
    assert doc.title.startswith("Mobility Scoreboard")


def test_text_file_has_no_page_numbers(tmp_path: Path) -> None:
    (tmp_path / "vraag.txt").write_text("Titel\n\nHoeveel scholen? Er zijn 83 scholen.", encoding="utf-8")
    doc = read_document(tmp_path / "vraag.txt", tmp_path)
    assert doc.title == "Titel" and doc.page_at(10) is None


def test_metadata_from_sidecar_and_front_matter(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Eerste regel\nTekst.", encoding="utf-8")
    (tmp_path / "a.meta.json").write_text('{"title": "Echte titel", "doc_type": "rapport", "date": "2024-06-01"}')
    (tmp_path / "b.md").write_text("---\ntitle: Titel B\nminister: Ben Weyts\n---\nTekst B.", encoding="utf-8")
    a = read_document(tmp_path / "a.txt", tmp_path)
    b = read_document(tmp_path / "b.md", tmp_path)
    assert (a.title, a.doc_type, a.metadata["date"]) == ("Echte titel", "rapport", "2024-06-01")
    assert b.title == "Titel B" and b.metadata["minister"] == "Ben Weyts"
    assert b.text == "Tekst B."


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("leeg.pdf", b"", "leeg bestand"),
        ("kapot.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\ntrailer\n%%EOF", "onleesbaar PDF"),
        ("latin1.txt", b"Beroepsopleidingen en leermobiliteit" + b" caf\xe9", "geen geldige UTF-8"),
        ("spaties.txt", b"   \n\n  ", "bevat geen tekst"),
    ],
)
def test_bad_files_raise_a_named_error(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    (tmp_path / name).write_bytes(content)
    with pytest.raises(DocumentError, match=reason) as info:
        read_document(tmp_path / name, tmp_path)
    assert info.value.path == name


def test_encrypted_pdf_is_reported(tmp_path: Path) -> None:
    write_encrypted_pdf(tmp_path / "geheim.pdf", "Vertrouwelijk antwoord van de minister.")
    with pytest.raises(DocumentError, match="versleuteld"):
        read_document(tmp_path / "geheim.pdf", tmp_path)


def test_pdf_without_text_is_reported(tmp_path: Path) -> None:
    write_pdf(tmp_path / "scan.pdf", [""], footer=False)
    with pytest.raises(DocumentError, match="geen tekst"):
        read_document(tmp_path / "scan.pdf", tmp_path)


def test_read_corpus_skips_bad_files_and_keeps_the_rest(tmp_path: Path) -> None:
    (tmp_path / "goed.txt").write_text("Goed document\n\nEr zijn 14 indicatoren.", encoding="utf-8")
    (tmp_path / "kapot.pdf").write_bytes(b"%PDF-1.4 rommel")
    (tmp_path / ".verborgen.txt").write_text("niet lezen", encoding="utf-8")
    result = read_corpus(tmp_path)
    assert [d.doc_id for d in result.documents] == ["goed.txt"]
    assert [p.path for p in result.problems] == ["kapot.pdf"]


def test_links_that_leave_the_corpus_are_not_followed(tmp_path: Path) -> None:
    from qa_bot.read.files import corpus_files

    corpus, outside = tmp_path / "corpus", tmp_path / "geheim"
    corpus.mkdir()
    outside.mkdir()
    (outside / "wachtwoorden.txt").write_text("Titel\n\ngeheim", encoding="utf-8")
    (corpus / "doc.txt").write_text("Titel\n\nTekst.", encoding="utf-8")
    (corpus / "link.txt").symlink_to(outside / "wachtwoorden.txt")
    (corpus / "intern.txt").symlink_to(corpus / "doc.txt")
    assert [p.name for p in corpus_files(corpus)] == ["doc.txt", "intern.txt"]


def test_a_running_head_s_page_number_is_dropped_before_lines_are_joined() -> None:
    # Joined with its neighbours, "Staten-Generaal\n2\nVergaderjaar" read as the quantity "2 Vergaderjaar"
    # (answered as "**2 Vergaderjaar**" in real-dev); a question's number after a question mark stays.
    from qa_bot.read.files import clean_text

    raw = ("Tweede Kamer der Staten-Generaal\n2\nVergaderjaar 1991-1992\nAanhangsel van de Handelingen\n"
           "met de daarop door de regering gegeven antwoorden\n280\nVragen van het lid Lankhorst\n"
           "Bent u daarvan op de hoogte?\n3\nBent u bereid om 45 woningen terug te kopen?")
    text = clean_text(raw)
    assert "Staten-Generaal Vergaderjaar 1991-1992" in text and "280" not in text, text
    assert "3" in text and "45 woningen" in text, text


def test_values_on_lines_of_their_own_under_their_labels_stay() -> None:
    # An OCR'd table written one cell a line is no running head: its numbers are kept.
    from qa_bot.read.files import clean_text

    text = clean_text("Resultaten\nAantal kandidaten\n158\nDirect geslaagd\n59\nOpgelegde herexamens\n42\nDe minister")
    assert "158" in text and "59" in text and "42" in text, text
