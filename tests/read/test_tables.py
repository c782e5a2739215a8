"""Tables: cells, units and scales, the three text layouts, CSV, PDF grids across pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from qa_bot.read.files import read_document
from qa_bot.read.tablecells import table_from_csv
from qa_bot.read.tables import column_unit, decimal_convention, find_tables, parse_cell, render


@pytest.mark.parametrize(
    ("raw", "value", "unit", "note", "missing"),
    [
        ("1.234", 1234.0, "", "", False),
        ("63,4%", 63.4, "%", "", False),
        ("€ 14.862.300", 14862300.0, "euro", "", False),
        ("12,4 a)", 12.4, "", "a", False),
        ("2.2 u", None, "", "", False),  # read with the English convention below
        ("n.b.", None, "", "", True),
        ("–", None, "", "", True),
        (":", None, "", "", True),
        ("Limburg", None, "", "", False),
    ],
)
def test_parse_cell(raw: str, value: float | None, unit: str, note: str, missing: bool) -> None:
    cell = parse_cell(raw)
    if raw == "2.2 u":
        cell = parse_cell(raw, decimal="en")
        value, note = 2.2, "u"
    assert cell.value == value and cell.unit == unit and cell.note == note and cell.missing is missing
    assert cell.text == raw  # the cell is cited as printed


def test_a_missing_cell_is_never_zero() -> None:
    assert parse_cell("n.b.").value is None and not parse_cell("n.b.").is_number


def test_scale_and_unit_from_the_caption() -> None:
    unit, scale = column_unit("2024", "Tabel 2: Budget per programma (in miljoen euro)")
    assert (unit, scale) == ("euro", 1e6)
    assert parse_cell("14,5", unit, scale).value == pytest.approx(14_500_000)
    assert column_unit("Aandeel (%)") == ("%", 1.0)


def test_decimal_convention_is_read_from_the_table() -> None:
    assert decimal_convention(["2.0", "3.7", "12.5"]) == "en"
    assert decimal_convention(["2,0", "3,7", "1.234"]) == "nl"


MARKDOWN = """Inleiding.

Tabel 1: Toegekende beurzen per provincie, 2022-2023

| Provincie | 2022 | 2023 |
|---|---|---|
| Antwerpen | 120 | 150 |
| Limburg | 80 | 95 a) |
| Namen | n.b. | 12 |
| Totaal | 270 | 257 |

a) voorlopig cijfer

Slot."""


def test_pipe_table_with_caption_footnote_and_totals_row() -> None:
    [(start, end, table)] = find_tables(MARKDOWN)
    assert table.caption == "Tabel 1: Toegekende beurzen per provincie, 2022-2023"
    assert table.header == ("Provincie", "2022", "2023")
    assert [table.label(r) for r in range(len(table.rows))] == ["Antwerpen", "Limburg", "Namen", "Totaal"]
    assert table.total_rows == (3,)
    assert table.notes == ("a) voorlopig cijfer",)
    assert table.rows[1][2].value == 95 and table.rows[1][2].note == "a"
    assert table.rows[2][1].missing
    assert MARKDOWN[start:end].startswith("Tabel 1") and MARKDOWN[start:end].rstrip().endswith("voorlopig cijfer")


def test_a_totals_row_is_found_by_its_sum_without_a_label() -> None:
    text = "| Sector | Aantal |\n|---|---|\n| Zorg | 40 |\n| Bouw | 60 |\n| | 100 |\n"
    [(_, _, table)] = find_tables(text)
    assert table.total_rows == (2,)


ALIGNED = """Table A1: Early leavers, by country, 2023 and 2024 (%)

Rank   Country       2023     2024
----------------------------------
1      Croatia        2.0    2.2 u
2      Greece         3.7      3.4
3      Poland         3.7      :
"""


def test_space_aligned_table_with_flags_and_english_decimals() -> None:
    [(_, _, table)] = find_tables(ALIGNED)
    assert table.header == ("Rank", "Country", "2023", "2024")
    croatia = table.rows[0]
    assert croatia[3].value == pytest.approx(2.2) and croatia[3].note == "u" and croatia[3].unit == "%"
    assert table.rows[2][3].missing
    assert "Croatia" in table.label(0)


def test_tab_separated_table() -> None:
    text = "Tabel 1: verkeersdoden per provincie, 2022-2023\nProvincie\t2022\t2023\nAntwerpen\t66\t61\nLimburg\t39\t37\n"
    [(_, _, table)] = find_tables(text)
    assert table.rows[1][2].value == 37 and table.caption.startswith("Tabel 1")


def test_a_table_renders_one_row_per_line() -> None:
    [(_, _, table)] = find_tables(MARKDOWN)
    lines = render(table).splitlines()
    assert lines[0] == table.caption and "Limburg | 80 | 95 a)" in lines


def test_csv_with_semicolons_decimal_commas_and_descriptions() -> None:
    raw = "land;aandeel_2023_pct;aantal_2023\nAT;7,5;3015\nBE;4,3;3023\nMT;:;12\n"
    table = table_from_csv(raw, "Leermobiliteit per land", {"aandeel_2023_pct": "aandeel mobiele lerenden (%)"})
    assert table is not None
    assert table.rows[0][1].value == pytest.approx(7.5) and table.rows[0][1].unit == "%"
    assert table.rows[2][1].missing and table.rows[1][2].value == 3023
    assert "aandeel mobiele lerenden" in table.header[1]


def test_pdf_table_split_over_two_pages_is_one_table(tmp_path: Path) -> None:
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_auto_page_break(False)
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(180, 6, "Jaarrapport stages\n\nDe tabel toont de stages per provincie.\n\n"
                           "Tabel 4: Stages per provincie, 2022-2023")  # fmt: skip
    rows = [["Antwerpen", "120", "150"], ["Limburg", "80", "95 a)"], ["Namen", "n.b.", "12"], ["Totaal", "200", "257"]]
    for part, chunk in enumerate((rows[:2], rows[2:])):
        if part:
            pdf.add_page()
            pdf.set_font("Helvetica", size=10)
        with pdf.table(col_widths=(60, 30, 30)) as grid:
            for row in [["Provincie", "2022", "2023"], *chunk]:  # the header repeats on the next page
                cells = grid.row()
                for value in row:
                    cells.cell(value)
    pdf.output(str(tmp_path / "rapport.pdf"))
    doc = read_document(tmp_path / "rapport.pdf", tmp_path)
    [table] = doc.tables
    assert table.caption == "Tabel 4: Stages per provincie, 2022-2023"
    assert [table.label(r) for r in range(len(table.rows))] == ["Antwerpen", "Limburg", "Namen", "Totaal"]
    assert table.total_rows == (3,) and table.page == 1
    assert doc.text[table.start : table.end].count("Provincie | 2022 | 2023") == 1


def test_a_drawn_table_groups_thousands_with_spaces_and_an_aligned_one_does_not() -> None:
    # Old budget tables print "48 220 000" and "— 63 000" in pipe cells: they were read as text,
    # so no figure could be made from a 1983 budget amendment.
    text = ("| Artikel | Vastgesteld | Wijziging | Voorgesteld |\n|---|---|---|---|\n"
            "| 18 | 48 220 000 | + 8 800 000 | 57 020 000 |\n| 20 | 244 000 | _ 4 000 | 240 000 |\n"
            "| 8 | Memorie | + 2 900 000 | 2 900 000 |\n")  # fmt: skip
    table = find_tables(text)[0][2]
    assert [c.value for c in table.rows[0][1:]] == [48_220_000, 8_800_000, 57_020_000]
    assert table.rows[1][2].value == -4_000  # OCR's "_" for a minus
    assert table.rows[2][1].missing  # "Memorie" (pro memorie): no amount
    assert parse_cell("268 171").value is None  # found by layout alone, a space may part two cells


def test_a_spaced_amount_whose_leading_group_ocr_split_is_one_number() -> None:
    # "| 58 | 1 27 503 000 | + 19 443 000 | 146 946 000 |": the first cell was read as text,
    # so the 1983 amendment of article 58 had no level to grow from
    assert parse_cell("1 27 503 000", spaced=True).value == 127_503_000
    assert parse_cell("1 70 000", spaced=True).value == 170_000
    assert parse_cell("12 34 567", spaced=True).value is None  # groups that make no thousands stay text
    assert parse_cell("1 27 503 000").value is None  # found by layout alone, spaces may part cells
