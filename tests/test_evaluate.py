from pathlib import Path

import pytest

from qa_bot.errors import ConfigError
from qa_bot.evaluate import (
    canonical,
    contains,
    failed_thresholds,
    load_questions,
    parse_thresholds,
    same_unit,
    totals,
)


@pytest.mark.parametrize(
    ("text", "expected", "language"),
    [
        ("Er waren 5.171 mobiliteiten", "5171", "nl"),
        ("Er waren 5.171 mobiliteiten", "5171", "en"),  # English answers may quote Dutch notation
        ("Er waren 5171 mobiliteiten", "5.171", "nl"),
        ("Aandeel: 63,4%", "63.4", "nl"),
        ("Share: 63.4%", "63,4", "en"),
        ("een streefcijfer van 12 procent", "12%", "nl"),
        ("een streefcijfer van 12 %", "12%", "nl"),
        ("Het is een Certificaat", "certificaat", "nl"),
        ("26,2 miljard euro", "26,2 miljard", "nl"),
        ("Het budget is 12,4 miljoen euro", "12400000 euro", "nl"),  # base units
        ("12.400.000 euro", "12,4 miljoen euro", "nl"),
        ("jaarlijks 113,6 miljoen euro voorzien", "113,6", "nl"),  # the number as printed
    ],
)
def test_contains_matches_numbers_by_value(text: str, expected: str, language: str) -> None:
    assert contains(text, expected, language)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15171 beurzen", "5171"),
        ("63,45%", "63,4"),
        ("112%", "12%"),
        ("gemiddeld 5,3 punten", "5,0"),  # "5,0" is the whole number 5, not a prefix of 5,3
        ("Er waren 5 171 mobiliteiten", "5171"),  # a plain space is no thousands separator
        ("1 684 803 911 497", "1684803911497"),  # … or a PDF row of five cells becomes one number
    ],
)
def test_contains_does_not_match_inside_other_numbers(text: str, expected: str) -> None:
    assert not contains(text, expected)


def test_a_cell_in_a_pdf_row_still_matches() -> None:
    assert contains("1 684 803 911 497", "803")


def test_units_compare_through_synonyms() -> None:
    assert same_unit("pp", "procentpunt") and same_unit("percentage points", "pp")
    assert same_unit("€", "EUR") and same_unit("euro", "eur") and same_unit("%", "procent")
    assert not same_unit("%", "pp") and not same_unit("euro", "%")


def test_canonical() -> None:
    assert canonical("5.171 Mobiliteiten,  12 procent") == "5171 mobiliteiten, 12%"


def test_load_questions_defaults_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "q.jsonl"
    path.write_text('{"id": "a", "question": "Hoeveel?"}\n\n{"question": "Waar?", "answerable": false}\n')
    questions = load_questions(path)
    assert [q.answerable for q in questions] == [True, False]
    assert questions[1].id == "3"
    path.write_text('{"id": "a"}\n')
    with pytest.raises(ConfigError, match="q.jsonl:1"):
        load_questions(path)


def record(**kw):  # type: ignore[no-untyped-def]
    base = {"answerable": True, "abstained": False, "hit": True, "rr": 1.0, "correct": True, "latency_ms": 10.0,
            "figure_ok": None, "cited_support": True, "unsupported_numbers": []}  # fmt: skip
    return {**base, **kw}


def test_totals() -> None:
    records = [
        record(),
        record(hit=True, rr=0.5, correct=False, figure_ok=False),
        record(abstained=True, correct=False, hit=False, rr=0.0, latency_ms=30.0),
        record(answerable=False, abstained=True, hit=None, rr=None),
        record(answerable=False, abstained=False, hit=None, rr=None, correct=False, unsupported_numbers=[7.0]),
    ]
    t = totals(records)
    assert t["hit@k"] == pytest.approx(2 / 3, abs=1e-4)
    assert t["mrr"] == 0.5
    assert t["answer_accuracy"] == pytest.approx(1 / 3, abs=1e-4)
    assert t["answer_accuracy_no_figure"] == 0.5
    assert t["abstention_recall"] == 0.5
    assert t["false_abstention_rate"] == pytest.approx(1 / 3, abs=1e-4)
    assert t["figure_accuracy"] == 0.0
    assert t["faithfulness"] == pytest.approx(2 / 3, abs=1e-4)
    assert t["latency_p50_ms"] == 10.0
    # answered but not correct, over all five questions: the wrong figure and the invented answer
    assert t["wrong_answer_rate"] == pytest.approx(2 / 5, abs=1e-4)
    assert t["answered_rate"] == pytest.approx(3 / 5, abs=1e-4)


def test_thresholds() -> None:
    minimum = parse_thresholds(["hit@k=0.95"], ("hit@k",))
    assert failed_thresholds({"hit@k": 0.9}, minimum, {}) == ["hit@k = 0.9 < 0.95"]
    assert failed_thresholds({"hit@k": 0.96}, minimum, {}) == []
    with pytest.raises(ConfigError, match="METRIEK=WAARDE"):
        parse_thresholds(["onzin"], ("hit@k",))
    with pytest.raises(ConfigError, match="geen getal"):
        parse_thresholds(["hit@k=hoog"], ("hit@k",))
    maximum = parse_thresholds(["wrong_answer_rate=0.03"], ("wrong_answer_rate",))
    assert failed_thresholds({"wrong_answer_rate": 0.05}, {}, maximum) == ["wrong_answer_rate = 0.05 > 0.03"]


@pytest.mark.parametrize(
    "text, expected, ok",
    [
        ("Het waren er 79805.", "79 805", True),  # a document that writes thousands with spaces
        ("Het waren er 79 805.", "79 805", True),
        ("2025 4535 5171 8159", "4535", True),  # the cells of a PDF row stay separate numbers
        ("2025 4535 5171 8159", "45355171", False),
        ("vijftig miljoen gulden", "50 miljoen", True),  # number words compare by value
        ("50.000.000 gulden", "vijftig miljoen", True),
        ("drie woningen", "3", True),
    ],
)
def test_contains_reads_spaced_thousands_and_number_words(text: str, expected: str, ok: bool) -> None:
    assert contains(text, expected) is ok


@pytest.mark.parametrize("unit", ["gulden", "f", "ƒ", "fl.", "hfl.", "gld"])
def test_guilders_are_a_unit(unit: str) -> None:
    assert same_unit(unit, "gulden") and not same_unit(unit, "euro")
