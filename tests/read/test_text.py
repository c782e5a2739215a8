import pytest

from qa_bot.read.text import (
    acronyms,
    bm25_tokens,
    detect_language,
    expand_query,
    key,
    noun_in,
    split_sentences,
    translations,
)


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_abbreviations_do_not_end_a_sentence() -> None:
    text = (
        "Zo kon er in 2025 voor 5171 mobiliteiten een beurs toegekend worden t.o.v. een vraag naar "
        "8159 mobiliteiten vanuit de scholen. Vanuit Epos vzw worden infosessies georganiseerd."
    )
    assert sentences(text) == [
        "Zo kon er in 2025 voor 5171 mobiliteiten een beurs toegekend worden t.o.v. een vraag naar "
        "8159 mobiliteiten vanuit de scholen.",
        "Vanuit Epos vzw worden infosessies georganiseerd.",
    ]


def test_a_sentence_goes_on_in_lower_case_after_a_scale_abbreviation() -> None:
    # "… toe met € 5,36 mld. ten opzichte van …" was split after "mld.", and a chunk began at
    # "ten opzichte van": the change and what it is compared with were in two passages
    text = ("In de begrotingsopmaak 2026 neemt de schuld toe met € 5,36 mld. ten opzichte van de "
            "begrotingsaanpassing 2025. Deze groei wordt veroorzaakt door investeringen.")
    assert sentences(text) == [
        "In de begrotingsopmaak 2026 neemt de schuld toe met € 5,36 mld. ten opzichte van de begrotingsaanpassing 2025.",
        "Deze groei wordt veroorzaakt door investeringen.",
    ]


def test_a_currency_mark_with_its_full_stop_does_not_end_a_sentence_before_its_amount() -> None:
    # real-dev rd087: "… bestemd: 16/11/92: Hfl. 1 miljoen, gekanaliseerd via …; 07/05/93: Hfl. 200000 …"
    # was cut after every "Hfl.", so the list of amounts never stood in one sentence
    text = ("De volgende bedragen werden bestemd: 16/11/92: Hfl. 1 miljoen via de PAHO; 07/05/93: Hfl. 200000 "
            "t.b.v. de VN/OAS missie. Dat kost fl. 20. En dan 5 man.")
    assert sentences(text) == [
        "De volgende bedragen werden bestemd: 16/11/92: Hfl. 1 miljoen via de PAHO; 07/05/93: Hfl. 200000 "
        "t.b.v. de VN/OAS missie.",
        "Dat kost fl. 20.",
        "En dan 5 man.",
    ]


def test_honorifics_inside_brackets_do_not_end_a_sentence() -> None:
    text = "Dat zei de coördinator (o.a. Dhr. Peeters) gisteren. Er zijn 12 scholen."
    assert sentences(text) == ["Dat zei de coördinator (o.a. Dhr. Peeters) gisteren.", "Er zijn 12 scholen."]


def test_empty_text_has_no_sentences() -> None:
    assert split_sentences("") == () and split_sentences("  \n ") == ()


def test_question_mark_and_paragraph_break_end_sentences() -> None:
    text = (
        "Hoe evalueert de minister het scoreboard?\nHet CEDEFOP-rapport geeft 1 dataset.\n\nNieuwe alinea zonder punt"
    )
    assert sentences(text) == [
        "Hoe evalueert de minister het scoreboard?",
        "Het CEDEFOP-rapport geeft 1 dataset.",
        "Nieuwe alinea zonder punt",
    ]


def test_spans_point_into_the_text() -> None:
    text = "  Eerste zin. Tweede zin!  "
    for start, end in split_sentences(text):
        assert text[start:end] == text[start:end].strip()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("mobiliteiten", "mobiliteit"),
        ("5.171 beurzen", "5171 beurzen"),
        ("De scholen", "school scholen"),
    ],
)
def test_bm25_tokens_share_stems_and_numbers(a: str, b: str) -> None:
    assert set(bm25_tokens(a)) & set(bm25_tokens(b))


@pytest.mark.parametrize(("a", "b"), [("mobiliteiten", "mobiliteit"), ("leerkrachten", "leerkracht"),
                                      ("minister's", "minister")])  # fmt: skip
def test_inflections_share_one_key(a: str, b: str) -> None:
    assert key(a) == key(b)


def test_different_words_keep_different_keys() -> None:
    assert len({key(w) for w in ("school", "student", "beurs", "mobiliteit")}) == 4


def test_stop_words_are_dropped() -> None:
    assert bm25_tokens("de het een van en") == []


@pytest.mark.parametrize(
    ("question", "language"),
    [
        ("Hoeveel mobiliteiten kregen in 2025 een beurs?", "nl"),
        ("Wat is de Europass-Mobiliteit?", "nl"),
        ("How many mobilities were requested by schools in 2025?", "en"),
        ("What is the share of the grants?", "en"),
    ],
)
def test_detect_language(question: str, language: str) -> None:
    assert detect_language(question) == language


def test_english_questions_are_expanded_with_dutch_words() -> None:
    expanded = expand_query("How many mobilities were requested by schools?", "en")
    assert "mobiliteiten" in expanded and "scholen" in expanded
    # … and Dutch ones with English words, for English documents
    assert "schools" in expand_query("Hoeveel scholen?", "nl").split()


def test_glossary_translates_both_ways() -> None:
    assert "leerkrachten" in translations("teachers", "en")
    assert "teachers" in translations("leerkrachten", "nl")


@pytest.mark.parametrize(
    ("noun", "language", "shown"),
    [("mobiliteiten", "en", "mobilities"), ("scholen", "en", "schools"), ("mobiliteiten", "nl", "mobiliteiten"),
     ("zzzonbekend", "en", ""), ("mobilities", "en", "mobilities"), ("", "en", "")],
)  # fmt: skip
def test_a_source_noun_in_the_answer_language(noun: str, language: str, shown: str) -> None:
    assert noun_in(noun, language) == shown


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Evaluatie van de Sociaal-Economische Raad van Vlaanderen over het begrotingsbeleid", ("ESERV", "SERV")),
        ("Vragen over het Centraal Informatiepunt Voetbalvandalisme", ("CIV",)),
        ("Antwoord op vraag nr. 88 over stagebeurzen", ()),  # no run of capitalised words
    ],
)
def test_acronyms_of_a_title(title: str, expected: tuple[str, ...]) -> None:
    assert acronyms(title) == expected


def test_a_conjunction_inside_a_name_joins_its_initials() -> None:
    from qa_bot.read.text import acronyms

    assert "SZW" in acronyms("Wijziging van de begroting van Sociale Zaken en Werkgelegenheid: overzicht")


def test_sentences_read_at_index_time_are_not_split_again() -> None:
    from qa_bot.read.text import remember_sentences, split_sentences

    text = "Dit is zin één met ca. 800 woningen. Dit is zin twee."
    remember_sentences(text, [(0, len(text))])  # as the index read it: one sentence
    assert split_sentences(text) == ((0, len(text)),)


def test_a_text_defines_abbreviations_by_a_compound_or_by_initials() -> None:
    from qa_bot.read.text import abbreviations

    text = ("De ontvangsten liggen hoger dan bij de begrotingsaanpassing (BA) en de begrotingsopmaak (BO). "
            "Volgens de Nationale Bank van België (NBB) groeit het bruto regionaal product (BRP). "
            "De vastleggingskredieten (VAK) stijgen. Het woord kat (KAT) is te kort; zie ook (XYZ).")
    assert abbreviations(text) == {"BA": "begrotingsaanpassing", "BO": "begrotingsopmaak",
                                   "NBB": "nationale bank van belgië", "BRP": "bruto regionaal product",
                                   "VAK": "vastleggingskredieten"}  # fmt: skip
