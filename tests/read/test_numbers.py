import pytest
from hypothesis import given
from hypothesis import strategies as st

from qa_bot.read.numbers import format_number, numbers_in, parse_number, periods_in, years_in
from qa_bot.read.quantities import quantities


@pytest.mark.parametrize(
    ("raw", "language", "value"),
    [
        ("5171", "nl", 5171),
        ("5.171", "nl", 5171),
        ("5 171", "nl", 5171),
        ("8.159,5", "nl", 8159.5),
        ("63,4", "nl", 63.4),
        ("1.234.567", "nl", 1234567),
        ("63.4", "en", 63.4),
        ("5,171", "en", 5171),
        ("8,159.5", "en", 8159.5),
        ("2,5", "en", 2.5),
    ],
)
def test_parse_number(raw: str, language: str, value: float) -> None:
    assert parse_number(raw, language) == pytest.approx(value)


def test_parse_number_rejects_text() -> None:
    with pytest.raises(ValueError, match="geen getal"):
        parse_number("twaalf")


@given(st.floats(min_value=0, max_value=1e9, allow_nan=False).map(lambda x: round(x, 1)), st.sampled_from(["nl", "en"]))
def test_format_then_parse_gives_the_same_value(value: float, language: str) -> None:
    assert parse_number(format_number(value, language, 1), language) == pytest.approx(value)


@given(st.integers(min_value=0, max_value=10**9), st.sampled_from(["nl", "en"]))
def test_integers_round_trip(value: int, language: str) -> None:
    assert parse_number(format_number(value, language), language) == value


def test_format_number_dutch_and_english() -> None:
    assert format_number(63.4, "nl") == "63,4"
    assert format_number(8159, "nl") == "8.159"
    assert format_number(8159, "en") == "8,159"


def q(text: str) -> list[tuple[float, str, str, str]]:
    return [(x.value, x.unit, x.noun, x.year) for x in quantities(text)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Zo kon er in 2025 voor 5171 mobiliteiten een beurs toegekend worden t.o.v. een vraag naar 8159 "
            "mobiliteiten vanuit de scholen.",
            [(5171, "", "mobiliteiten", "2025"), (8159, "", "mobiliteiten", "2025")],
        ),
        (
            "De evolutie geeft een stijging aan, met 2211 in 2018 tot 4535 mobiliteiten in 2025.",
            [(2211, "", "mobiliteiten", "2018"), (4535, "", "mobiliteiten", "2025")],
        ),
        ("Tussen 2022 en 2025 werden 83 nieuwe VET-scholen betrokken.", [(83, "", "VET-scholen", "2022-2025")]),
        ("In schooljaar 2024-2025 ging 9,4 miljoen euro naar scholen.", [(9_400_000, "euro", "", "2024-2025")]),
        ("Dat kost € 1.200 per leerling.", [(1200, "euro", "", "")]),
        ("Het streefcijfer is 12 procent tegen 2030.", [(12, "%", "", "2030")]),
        ("Het streefcijfer is 12 % tegen 2030.", [(12, "%", "", "2030")]),
        ("In 2024 kregen 77 Limburgse scholen een beurs.", [(77, "", "scholen", "2024")]),
        ("In 2023 kreeg één derde van de scholen een beurs.", [(33.3333, "%", "", "2023")]),
        ("De helft van de aanvragen werd in 2024 goedgekeurd.", [(50.0, "%", "", "2024")]),
        (
            "In 2024 vertrokken 120 cursisten naar Duitsland, 95 naar Frankrijk en 40 naar Spanje.",
            [(120, "", "cursisten", "2024"), (95, "", "cursisten", "2024"), (40, "", "cursisten", "2024")],
        ),
        (
            "Het aantal uitgaande studenten steeg van 4100 in 2019 tot 6240 in 2025.",
            [(4100, "", "studenten", "2019"), (6240, "", "studenten", "2025")],
        ),
    ],
)
def test_quantities(sentence: str, expected: list[tuple[float, str, str, str]]) -> None:
    assert q(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Die aanbeveling dateert van 2024.",
        "In 2018 en 2025 was dat anders.",
        "Volgens artikel 5 van het decreet.",
        "Het decreet van 14 maart 2025 geldt.",
        "Zie vraag nr. 123.",
        "1. Hoe evalueert de minister dit?",
        "Het rapport verscheen op 03/04/2024.",
        "Voor het schooljaar 2022-2023 is er niets.",
    ],
)
def test_years_dates_and_numbering_are_not_quantities(sentence: str) -> None:
    assert quantities(sentence) == []


def test_years_in() -> None:
    assert years_in("tussen 2018 en 2025, niet 5171") == ["2018", "2025"]


def test_numbers_in_reads_millions() -> None:
    assert 9_400_000 in numbers_in("9,4 miljoen euro")


def test_a_relative_adverb_after_an_amount_is_no_counted_noun() -> None:
    # "f 6 381 032, waarbij 2197 mensen …" labelled the claim's figure "Verschil waarbij"
    from qa_bot.read.quantities import quantities

    found = quantities("Er is een claim ingediend van f 6 381 032, waarbij 2197 mensen betrokken zijn.")
    assert [(q.value, q.noun) for q in found] == [(6381032, ""), (2197, "mensen")]


@pytest.mark.parametrize(("sentence", "years"), [
    # real-dev rd056: the 11,2 miljoen of the 1989-1990 season was read as 1986-1987's (the last period named)
    ("De politie-inzet in het seizoen 1989-1990 was nagenoeg gelijk aan het eerder genoemde seizoen 1986-1987 en "
     "de directe kosten bedroegen 11,2 miljoen gulden.", [""]),
    ("In 2022 waren er 100 aanvragen, in 2023 waren er 150 aanvragen.", ["2022", "2023"]),
    ("In 2022 waren er 45 aanvragen, in 2023 waren er 50 aanvragen.", ["2022", "2023"]),
    ("In het schooljaar 2022-2023 waren er 300 leerlingen.", ["2022-2023"]),
    ("Tussen 2018 en 2022 steeg het aantal tot 500.", ["2018-2022"]),
])  # fmt: skip
def test_a_number_after_two_periods_has_no_period_of_its_own(sentence: str, years: list[str]) -> None:
    from qa_bot.read.quantities import quantities

    assert [q.year for q in quantities(sentence)] == years


@pytest.mark.parametrize(("sentence", "years"), [
    # real-dev rd169: 91,9% had no year (two years later in the sentence), though 2026 closes its clause
    ("De schuld groeit aan tot 91,9% van de lopende ESR-ontvangsten bij begrotingsopmaak 2026 en tot 108,6% in 2030.",
     ["2026", "2030"]),
    ("The debt rises to 91.9% of receipts at the 2026 budget and to 108.6% in 2030.", ["2026", "2030"]),
    # a year right before the next number is that number's, as before
    ("Het budget bedroeg 5 miljoen euro, waarvan in 2020 3 miljoen euro werd besteed.", ["2020", "2020"]),
    ("Het aantal steeg van 120 in 2019 naar 150 in 2021.", ["2019", "2021"]),
])  # fmt: skip
def test_the_year_that_closes_a_quantitys_clause_is_its_year(sentence: str, years: list[str]) -> None:
    from qa_bot.read.quantities import quantities

    assert [q.year for q in quantities(sentence)] == years


@pytest.mark.parametrize(("sentence", "years"), [
    # real-dev rd147: 1,49 procent was read as BO 2025's, though "nu" sets it apart from that year
    ("Bij BO 2025 werd gerekend met een percentage van 1,92 procent, nu wordt dat percentage bijgesteld naar "
     "1,49 procent.", ["2025", ""]),
    ("In 2019 the rate was 4 percent, but now it stands at 6 percent.", ["2019", ""]),
    ("In 2020 is inmiddels 50% van de woningen gebouwd.", ["2020"]),  # no clause of its own: still 2020's
])  # fmt: skip
def test_a_clause_of_the_present_is_not_of_the_year_named_before(sentence: str, years: list[str]) -> None:
    from qa_bot.read.quantities import quantities

    assert [q.year for q in quantities(sentence)] == years


def test_the_year_of_a_law_an_article_cites_is_no_period() -> None:
    # the header "Toegevoegd ingevolge artikel 12 CW 1976" made 1976 a period of its column, so a
    # table of the 1983 budget was no table of 1983 and no figure was made from it
    assert periods_in("(3) Toegevoegd ingevolge artikel 12 CW 1976") == []
    assert periods_in("artikel 4 van de Wet 1976 geldt in 1983") == ["1983"]
    assert periods_in("In 1976 steeg artikel 12 met 5") == ["1976"]


def test_a_numeric_date_is_a_period() -> None:
    # "16/11/92: Hfl. 1 miljoen, …; 07/05/93: Hfl. 200000": "tussen november 1992 en juni 1993" was
    # refused as a period no source prints
    assert periods_in("16/11/92: Hfl. 1 miljoen; 07/05/93: Hfl. 200000") == ["1992-11-16", "1993-05-07"]
    assert periods_in("ingediend op 1-2-1986") == ["1986-02-01"]
    assert periods_in("een score van 3/4/5 en een verhouding 12/13") == []  # no day, month and year


def test_a_date_falls_in_the_school_or_parliamentary_year_it_belongs_to() -> None:
    # real-dev rd087: "de Nederlandse noodhulp voor Haïti uit 1992-1993" was paid out on 16/11/92,
    # 07/05/93 and 03/06/93; the passage was ruled out as not speaking of 1992-1993
    from qa_bot.read.numbers import period_matches

    assert period_matches("1992-1993", ["1992-11-16", "1993-06-03"])
    assert not period_matches("1992-1993", ["1992-03-01"])  # before that year began
    assert not period_matches("1992-1993", ["1993-11-01"])  # after it ended
    assert not period_matches("1992-1993", ["1992", "1993"])  # two calendar years are no school year
    assert period_matches("2024", ["2024-12-31"]) and not period_matches("2023-2024", ["2025-01-01"])


@pytest.mark.parametrize(("sentence", "years"), [
    # "respectievelijk" pairs the numbers with the years named before it, in order
    ("Voor 2025 en 2026 wordt de inflatie (CPI) respectievelijk 0,1 en 0,4 procentpunt hoger ingeschat.",
     ["2025", "2026"]),
    ("Bij de begrotingsaanpassing 2025 en de begrotingsopmaak 2026 liggen de vastleggingskredieten respectievelijk "
     "1,3 miljard euro en 0,8 miljard euro lager dan de vereffeningskredieten.", ["2025", "2026"]),
    ("In 2023 and 2024 the rates were 4% and 6% respectively.", ["2023", "2024"]),
])  # fmt: skip
def test_respectively_gives_each_number_its_year(sentence: str, years: list[str]) -> None:
    from qa_bot.read.quantities import printed_figures, quantities

    assert [q.year for q in printed_figures(quantities(sentence))] == years


def test_respectively_pairs_each_number_with_its_item() -> None:
    from qa_bot.read.quantities import respective

    text = ("Verder zij opgemerkt dat de rekenregel van 3,5% en 5% voor resp. de overheidstarieven en de openbaar "
            "vervoertarieven geldt.")  # fmt: skip
    items = [item for item, _ in respective(text).values()]
    assert items[0] == "de overheidstarieven" and items[1].startswith("de openbaar vervoertarieven")
    before = "In de bachelors kleuteronderwijs en lager onderwijs ligt dat aandeel lager, op respectievelijk 18,9% en 16,3%."
    first, second = respective(before).values()
    assert "kleuteronderwijs" in first[0] and "lager onderwijs" in second[0] and "kleuteronderwijs" not in second[0]
    assert respective("De groei wordt iets lager geraamd (-0,1 procentpunt resp.), wat weinig uitmaakt.") == {}
    assert respective("Er waren 3,5% en 5% meer aanvragen.") == {}


def test_a_year_before_a_plural_verb_is_no_count() -> None:
    # "begrotingsopmaak 2026 liggen": 2026 was read as a count of "liggen"
    from qa_bot.read.quantities import printed_figures, quantities

    text = "Bij de begrotingsopmaak 2026 liggen de kredieten 0,8 miljard euro lager."
    assert [q.text for q in printed_figures(quantities(text))] == ["0,8 miljard euro"]
    assert [q.value for q in printed_figures(quantities("Er werden 2026 woningen gebouwd."))] == [2026]
