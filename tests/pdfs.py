"""Real PDF files for tests, written with fpdf2 (and encrypted with pypdf)."""

from __future__ import annotations

from pathlib import Path


def write_pdf(path: Path, pages: list[str], footer: bool = True) -> Path:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(False)
    for number, text in enumerate(pages, start=1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=11)
        pdf.set_xy(15, 15)
        pdf.multi_cell(180, 6, text)
        if footer:
            pdf.set_xy(15, 280)
            pdf.cell(0, 5, f"Pagina {number} van {len(pages)}")
    pdf.output(str(path))
    return path


def write_encrypted_pdf(path: Path, text: str) -> Path:
    from pypdf import PdfReader, PdfWriter

    plain = write_pdf(path.with_suffix(".plain.pdf"), [text])
    writer = PdfWriter()
    for page in PdfReader(str(plain)).pages:
        writer.add_page(page)
    writer.encrypt(user_password="geheim", owner_password="eigenaar")
    with path.open("wb") as handle:
        writer.write(handle)
    plain.unlink()
    return path


SCOREBOARD_PAGES = [
    "Mobility Scoreboard - rapport over beroepsopleidingen\n"
    "Het rapport beschrijft de leer-\nmobiliteit van leerlingen in het beroepsonderwijs.",
    "In 2023 namen 2950 leerlingen deel aan een buitenlandse stage, tegenover 2400 in 2021.\n"
    "De Commissie gebruikt hiervoor 14 indicatoren.",
]
