"""The reader's classification of printed numbers (issue 15, classes 1, 2 and 4): real
parliamentary text prints headings, identifiers, dates and amounts in many forms, and only
quantities may become operands."""

from __future__ import annotations

import pytest

from qa_bot.read.printed import Kind, read_numbers
from qa_bot.read.quantities import quantities


def kinds(text: str) -> list[tuple[str, str]]:
    return [(r.kind.value, r.text) for r in read_numbers(text)]


def values(text: str) -> list[tuple[float, str]]:
    return [(round(q.value, 6), q.unit) for q in quantities(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # 1. numbered headings are no quantities
        ("Antwoord 8\nInmiddels is het besluit genomen.", []),
        ("Antwoord 5 Op 1 september 2023 is aan 50.324 studenten een beurs toegekend.", [(50324.0, "")]),
        ("Vraag 2 en 3\nKunt u bevestigen dat het klopt?", []),
        ("1 Ja. In 1977 is afgesproken dat het mag. 2 Ja. 3 Los van genoemde f45 min. is Rotterdam gestart.",
         [(45e6, "gulden")]),
        ("1. Hoeveel scholen?\n2. Welke scholen?", []),
        # 2. identifiers and dates are no operands
        ("(Kamerstuk 12 600 hoofdstuk V nr. 40)", []),
        ("Kamerstuk 36 410 VIII, nr. 112", []),
        ("kamerstukken II 1986/87, 19 827, nrs. 1-2", []),
        ("Zoals bepaald in artikel 11.04 en in antwoord op vraag nr. 3.", []),
        ("Het besluit van 21 mei 1974 geldt nog.", []),
        ("Het doel is 2 en 1,5 graden in 2019.", [(2.0, ""), (1.5, "")]),
        ("ISSN 0921 - 7398 910259F", []),
        ("Bel 070-3456789 of schrijf naar postbus 20018, 2500 EA Den Haag.", []),
        ("Zie Tabel 3 en bijlage 2 op pagina 2 van 5.", []),
        # 4. amount formats
        ("een winst ter grootte van f45 min. en f 58,3 min., waarvan f8,3 min. aan precariorechten",
         [(45e6, "gulden"), (58.3e6, "gulden"), (8.3e6, "gulden")]),
        ("f 1 211 000 en ƒ 88 657 000 en f372,45", [(1211000.0, "gulden"), (88657000.0, "gulden"), (372.45, "gulden")]),
        ("Hfl. 233 500,- voor 46 890 woningen", [(233500.0, "gulden"), (46890.0, "")]),
        ("EUR 319 miljoen, € 2,8 miljard, 688 mln euro en € -2,82 mld.",
         [(319e6, "euro"), (2.8e9, "euro"), (688e6, "euro"), (-2.82e9, "euro")]),
        ("een bedrag tussen de 50 en 100 min.", [(50e6, ""), (100e6, "")]),
        ("30–45 mln. euro", [(30e6, "euro"), (45e6, "euro")]),
        ("vijftig miljoen gulden voor drie leegstaande woningen", [(50e6, "gulden"), (3.0, "")]),
        ("respectievelijk 0,1 en 0,4 procentpunt hoger", [(0.1, "pp"), (0.4, "pp")]),
        ("een daling met één procentpunt en met twee procent", [(1.0, "pp"), (2.0, "%")]),
        ("een op de vier leerlingen", [(25.0, "%")]),
        ("de pauze duurt 45 min. langer", [(45.0, "")]),
    ],
)
def test_only_quantities_are_read_as_quantities(text: str, expected: list[tuple[float, str]]) -> None:
    assert values(text) == expected


def test_qualifiers_and_range_bounds_are_kept() -> None:
    read = {r.text: r for r in read_numbers("ruim 1,4 miljoen, circa 600 en meer dan 20 procent; 550.000 -600.000 m3")}
    assert read["1,4 miljoen"].approx and read["600"].approx and not read["20 procent"].approx
    assert read["20 procent"].bound == "lower"
    assert (read["550.000"].bound, read["600.000"].bound) == ("from", "to")
    assert read["550.000"].value == 550000 and not read["600.000"].negative


def test_dutch_words_are_not_english_numbers() -> None:
    assert [r for r in read_numbers("Wat denkt u te doen ten einde dit ten laste te brengen?") if r.kind == Kind.QUANTITY] == []


def test_years_in_a_header_row_and_before_punctuation_are_years() -> None:
    assert {k for k, _ in kinds("| 1981 | 1982 | 1983 |")} == {"year"}
    assert kinds("overgenomen uit de BA 2025, aangezien") == [("year", "2025")]
    assert kinds("voor 1 989 is inclusief") == [("year", "1 989")]


@pytest.mark.parametrize(
    "text, figures",
    [
        ("In de twee indieningsrondes werden 1.187 aanvragen ingediend, waarvan 402 gehonoreerd.", [1187.0, 402.0]),
        ("Op 31 december stonden 41.287 kandidaten vier jaar of langer ingeschreven.", [41287.0]),
        ("In totaal zijn drie leegstaande woningen verkocht.", [3.0]),
        ("Tabel 2 geeft de tien knelpuntberoepen met de meeste vacatures.", []),
        ("Er werd vijftig miljoen gulden uitgetrokken voor twee projecten en 12 studies.", [50e6, 12.0]),
    ],
)
def test_small_counts_in_words_are_no_figures_beside_digits_or_after_an_article(text: str, figures: list[float]) -> None:
    from qa_bot.read.quantities import printed_figures

    assert [q.value for q in printed_figures(quantities(text))] == figures


@pytest.mark.parametrize(
    "text, kind, printed",
    [
        # dates glued or hyphenated by PDF extraction are dates, not a day count
        ("voor energiedragers. (Ingezonden 16juni1978) 1 Realiseren", "date", "16juni1978"),
        ("werk. (Ingezonden 8 ok-tober1979)\nWil de Staatssecretaris", "date", "8 ok-tober1979"),
        # a footnote marker glued to a bracket or a question mark
        ("beleidsbeslissingen (€ +1,59 mld.)1 die werden genomen", "footnote", "1"),
        ("onder uw definitie van een goedkope woning?2\nBent u van mening", "footnote", "2"),
        # a table's row numbers count up row by row
        ("| 5 | Recognition | 3.0 |\n| 6 | Long-term preparation | 3.3 |", "identifier", "6"),
        ("| 23 | 20 975 000 |\n| 24 | 1 554 000 |  | — 26 000 |", "identifier", "24"),
        # a number alone between a running head and a capitalised line is a page number
        ("Tweede Kamer der Staten-Generaal\n2\nVergaderjaar 1987-1988", "identifier", "2"),
        # a bare 1900–2100 number before a singular noun names a year
        ("It compares the 2022 assessment with the first", "year", "2022"),
    ],
)
def test_extraction_forms_of_non_quantities(text: str, kind: str, printed: str) -> None:
    assert (kind, printed) in kinds(text)
    assert not [q for q in quantities(text) if q.text.strip("()") == printed]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("bijna 2000 unieke BSN’s", [(2000.0, "")]),  # a qualifier makes it a count
        ("er zijn 1500 woningen verkocht", [(1500.0, "")]),  # what it counts is plural
        ("| 1 | Aantal | 12 |", [(1.0, ""), (12.0, "")]),  # one row is no numbering
        ("Aantal aanvragen:\n12\nAantal toekenningen:\n7", [(12.0, ""), (7.0, "")]),  # amounts under their label
    ],
)
def test_quantities_that_look_like_those_forms_stay_quantities(text: str, expected: list[tuple[float, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a row of figures: the second dash is a minus, not a range
        ("MI Kasreeks Nieuwe Sluis Terneuzen -54.357 -54.357", [-54357.0, -54357.0]),
        ("550.000 -600.000", [550000.0, 600000.0]),  # a range: the second end is larger
        ("totaal\n-47.212", [-47212.0]),  # a line break ends a range
        # a dash at the start of a table cell signs the amount (OCR prints it as "_")
        ("| 21 | 12 496 000 |  | — 28 000 | 12 468 000 |", [21.0, 12496000.0, -28000.0, 12468000.0]),
        ("|  | _ 4 000 | 240 000 |", [-4000.0, 240000.0]),
    ],
)
def test_minus_signs_in_rows_of_figures(text: str, expected: list[float]) -> None:
    assert [q.value for q in quantities(text)] == expected


@pytest.mark.parametrize(
    "text, kind, printed",
    [
        # a word the text numbers as a series from 1 names the n-th of its kind
        ("Spoor 1 gaat over de wachttijden. Spoor 2 omvat de financiering. Verder richt spoor 3 zich op de "
         "opleiding van begeleiders.", "identifier", "3"),
        ("Scenario 1 3,2%\nScenario 2 2,8%\nVerschil 0,4%", "identifier", "2"),
        # an item a cross-reference points to
        ("Het onder 2 bedoelde verslag verschijnt in het voorjaar.", "identifier", "2"),
        # several answers numbered by one run-on heading
        ("Die afspraken zijn inmiddels vastgelegd. 3 en 4 De gemeente heeft laten weten", "heading", "4"),
        ("de procedure is afgerond.\n2, 3 en 5 Over de kosten is nog geen besluit", "heading", "3"),
        # an answer opening with a reply word after the answer's header
        ("Zitting 1989-1990 2 Nee, de regeling geldt niet voor huurders.", "heading", "2"),
        # a table of contents: pages and section numbers, with and without dot leaders
        ("Inhoud\n1 Inleiding ............ 3\n1.1 Aanleiding 3\n1.2 Aanpak 5\n2 Resultaten ........... 7",
         "identifier", "5"),
        ("Inhoud\n1 Inleiding ............ 3\n1.1 Aanleiding 3\n1.2 Aanpak 5\n2 Resultaten ........... 7",
         "heading", "1.2"),
    ],
)
def test_numbers_that_name_number_or_page_a_thing(text: str, kind: str, printed: str) -> None:
    assert (kind, printed) in kinds(text)
    assert not [q for q in quantities(text) if q.text == printed]


@pytest.mark.parametrize(
    "text, expected",
    [
        # counts after the same word are no series: a function word, a qualifier, a plural noun after it
        ("Er kwam 1 klacht binnen en er kwamen ruim 2 klachten bij.", [(1.0, ""), (2.0, "")]),
        ("In maart kreeg de school 1 subsidie; in mei kreeg zij 2 subsidies.", [(1.0, ""), (2.0, "")]),
        # a count of the items named, not a reference to one
        ("In de 3 genoemde gemeenten is het tekort opgelopen.", [(3.0, "")]),
        # a count after a sentence that is followed by a unit or a lower-case word is no heading
        ("Het tekort is opgelopen. 12 en 14 procent van de gemeenten", [(12.0, "%"), (14.0, "%")]),
        ("Het voorstel werd aangenomen met 12 Ja, 3 Nee en 1 onthouding.", [(12.0, ""), (3.0, ""), (1.0, "")]),
        # a numbered table without dot leaders is no table of contents
        ("1 Personeel 12\n2 Werking 15\n3 Investeringen 20", [(12.0, ""), (15.0, ""), (20.0, "")]),
    ],
)
def test_counts_near_names_lists_and_contents_stay_quantities(text: str, expected: list[tuple[float, str]]) -> None:
    assert values(text) == expected
