"""Tables that PDF extraction flattened to one line per row (values single-spaced at the end)."""

from qa_bot.read.tables import find_tables, render

BELOW = """De regering neemt maatregelen die de beleidsruimte vergroten.
KAP BET
Ruimte voor nieuw beleid 1.234.567 1.111.000
Bijkomende maatregelen BO 2027 800.000 900.000
Ingrepen in de uitgaven
Minder subsidies 300.000 250.000
Uitstel van projecten 500.000 650.000
Tabel 7-1: Ruimte voor beleid (in duizend euro)
Dit is de tekst na de tabel, die over iets anders gaat en eindigt met een punt.
Jaar A Jaar B
Inkomsten uit heffingen 40.000 42.000
Uitgaven aan personeel 30.000 31.000
Overige uitgaven 10.000 9.000
Tabel 7-2: Tweede overzicht (in duizend euro)
"""


def test_a_flattened_table_is_read_with_its_header_sections_and_caption_below() -> None:
    found = find_tables(BELOW)
    assert [t.caption for _, _, t in found] == ["Tabel 7-1: Ruimte voor beleid (in duizend euro)",
                                                 "Tabel 7-2: Tweede overzicht (in duizend euro)"]  # fmt: skip
    table = found[0][2]
    assert table.header == ("", "KAP", "BET")
    labels = [table.label(r) for r in range(len(table.rows))]
    assert labels == ["Ruimte voor nieuw beleid", "Bijkomende maatregelen BO 2027", "Ingrepen in de uitgaven",
                      "Minder subsidies", "Uitstel van projecten"]  # fmt: skip
    cell = table.rows[1][1]
    assert cell.text == "800.000" and cell.value == 800_000_000 and cell.unit == "euro"  # in duizend euro
    assert all(c.missing for c in table.rows[2][1:])  # a section line heads rows, it has no values
    assert "Dit is de tekst na de tabel" not in render(table)


ABOVE = """Zoals de tabel toont, daalt het saldo.
Tabel 3: Saldo per jaar, in € dz en %
Raming saldo RAM 2026 RAM 2027 RAM 2028
Uitgaven (1) 66.092.416 67.154.733 69.233.051
Ontvangsten (2) 61.688.870 63.724.121 65.494.214
Saldo voor onderbenut-
ting en correcties -4.403.547 -3.430.612 -3.738.837
(3)=(2)-(1)
Vorderingensaldo
-2.820.221 -1.679.846 -2.024.831
Idem, in % ontvangsten -4,6% -2,6% -3,1%
Bron: eigen berekeningen
Tabel 4: Een tweede tabel, in %
Groei 2026 2027 2028
Land A 1,1% 1,0% 1,2%
Land B 0,2% 0,6% 1,3%
Land C 1,7% 1,2%
Land D 0,9% 1,0% 1,1%
"""


def test_captions_above_wrapped_labels_and_labels_above_their_numbers() -> None:
    found = find_tables(ABOVE)
    assert [t.caption for _, _, t in found] == ["Tabel 3: Saldo per jaar, in € dz en %", "Tabel 4: Een tweede tabel, in %"]
    table = found[0][2]
    assert table.header == ("Raming saldo", "RAM 2026", "RAM 2027", "RAM 2028")
    labels = [table.label(r) for r in range(len(table.rows))]
    assert labels == ["Uitgaven (1)", "Ontvangsten (2)", "Saldo voor onderbenutting en correcties", "Vorderingensaldo",
                      "Idem, in % ontvangsten"]  # fmt: skip
    assert table.rows[0][1].value == 66_092_416_000 and table.rows[0][1].unit == "euro"  # "€ dz": amounts in thousands
    assert table.rows[4][3].value == -3.1 and table.rows[4][3].unit == "%"
    second = found[1][2]
    # a row with fewer numbers than columns is not guessed into columns: its numbers stay in its label
    land_c = next(r for r in second.rows if r[0].text.startswith("Land C"))
    assert land_c[0].text == "Land C 1,7% 1,2%" and all(c.missing for c in land_c[1:])


def test_prose_a_table_of_contents_and_space_thousands_are_no_flattened_table() -> None:
    prose = ("De minister schreef op 12 maart dat het aantal aanvragen steeg tot\n"
             "een niveau dat sinds 2019 niet meer was gezien, en zij verwacht in 2025\n"
             "dat de kosten verder toenemen tot in de periode na 2027\n"
             "omdat de vraag blijft groeien en de prijzen stijgen in 2028\n")  # fmt: skip
    toc = "Inhoud\nInleiding 3\nHet beleid 7\nDe cijfers 12\nBijlagen 20\n"
    guilders = "Uitgaven\nPost A f 1 211 000 f 88 000\nPost B f 2 000 000 f 9 000\nPost C f 3 100 000 f 7 000\n"
    assert find_tables(prose) == []
    assert find_tables(toc) == []
    assert find_tables(guilders) == []
