"""Batch evaluation of a JSON Lines question set (the format is a contract, see README).

``evaluate(bot, questions, k)`` returns per-question records and the totals; the CLI
prints and writes them. Expected strings match case-insensitively, with numbers
compared by value across Dutch and English notation (``5.171`` = ``5171``,
``63,4`` = ``63.4``, ``12 procent`` = ``12%``). A number matches a whole number only
("5,0" does not match "5,3"), and a plain space never joins two numbers (``1 684 803``
is three cells of a table row); a non-breaking space may separate thousands.

``wrong_answer_rate`` counts answers given (not abstained) that are not correct, over all
questions: for staff a wrong number is worse than "dat staat niet in de bronnen".
"""

from __future__ import annotations

import json
import math
import re
import statistics
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qa_bot.answer.figures import unsupported_numbers
from qa_bot.errors import ConfigError
from qa_bot.qa import QaBot
from qa_bot.read.numbers import MULTIPLIERS, parse_number
from qa_bot.types import Answer

HIGHER_IS_BETTER = ("hit@k", "mrr", "answer_accuracy", "answer_accuracy_no_figure", "citation_support",
                    "abstention_recall", "figure_accuracy", "faithfulness", "answered_rate")  # fmt: skip
LOWER_IS_BETTER = ("false_abstention_rate", "wrong_answer_rate", "latency_p50_ms", "latency_p95_ms")

_NUM = re.compile(r"(?<![\w.,])(\d{1,3}(?:[.\u00a0\u202f]\d{3})+(?:,\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)"
                  r"(?![\d])(?:\s?(" + "|".join(MULTIPLIERS) + r")\b)?", re.I)
# The same with thousands separated by plain spaces, as older documents print them ("79 805").
_SPACED_NUM = re.compile(r"(?<![\w.,])(\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?![\d])|\d{1,3}(?:[.\u00a0\u202f]\d{3})+"
                         r"(?:,\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)(?![\d])(?:\s?(" + "|".join(MULTIPLIERS)
                         + r")\b)?", re.I)
_PERCENT = re.compile(r"\s*(?:%|procent\b|percent\b)", re.I)
# Unit names that mean the same thing, for comparing an expected figure's unit.
UNIT_SYNONYMS = {
    "%": "%", "procent": "%", "percent": "%", "pct": "%",
    "pp": "pp", "procentpunt": "pp", "procentpunten": "pp", "percentage point": "pp", "percentage points": "pp",
    "euro": "euro", "eur": "euro", "€": "euro",
    "gulden": "gulden", "guldens": "gulden", "f": "gulden", "ƒ": "gulden", "fl": "gulden", "fl.": "gulden",
    "hfl": "gulden", "hfl.": "gulden", "gld": "gulden", "gld.": "gulden", "nlg": "gulden",
    "": "", "aantal": "", "count": "", "score": "",
}  # fmt: skip


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    answerable: bool = True
    expect_answer: tuple[str, ...] = ()
    expect_figure: dict[str, Any] | None = None
    expect_source: tuple[str, ...] = ()
    filters: dict[str, Any] = field(default_factory=dict)
    doc: str = ""  # the document the question is about (reporting only)


def load_questions(path: Path) -> list[Question]:
    questions: list[Question] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
            questions.append(
                Question(
                    id=str(data.get("id", number)),
                    question=data["question"],
                    answerable=bool(data.get("answerable", True)),
                    expect_answer=tuple(data.get("expect_answer", ())),
                    expect_figure=data.get("expect_figure"),
                    expect_source=tuple(data.get("expect_source", ())),
                    filters=data.get("filters") or {},
                    doc=str(data.get("doc", "")),
                )
            )
        except (ValueError, KeyError, TypeError) as exc:
            raise ConfigError(f"{path}:{number}: geen geldige vraagregel ({exc.__class__.__name__}: {exc})") from None
    return questions


def canonical(text: str, language: str = "nl", scaled: bool = True, spaced: bool = False) -> str:
    """Lower case, number words as digits ("vijftig miljoen" = 50000000), numbers as plain
    values (in base units when ``scaled``: '12,4 miljoen' is 12400000; with ``spaced``,
    '79 805' is one number), percent signs unified, spaces collapsed."""

    def number(match: re.Match[str]) -> str:
        try:
            value = parse_number(match.group(1).replace("\u00a0", " ").replace("\u202f", " ").replace(" ", ""), language)
        except ValueError:
            return match.group(0)
        if match.group(2) and scaled:
            value *= MULTIPLIERS[match.group(2).lower()]
        if value >= 1e15:
            return match.group(0)
        return str(round(value)) if abs(value - round(value)) < 1e-9 else f"{value:.6f}".rstrip("0")

    text = _number_words(text.lower(), language)
    text = (_SPACED_NUM if spaced else _NUM).sub(number, text)
    text = _PERCENT.sub("%", text)
    return re.sub(r"\s+", " ", text).strip()


def _number_words(text: str, language: str) -> str:
    """'vijftig miljoen' → '50000000', 'drie' → '3', as the reader reads them; digits with a
    scale word ('12,4 miljoen') are left to the number pattern."""
    from qa_bot.read.printed import Kind, read_numbers

    out, last = [], 0
    for item in read_numbers(text, language):
        if item.kind == Kind.QUANTITY and item.words and item.value is not None and item.unit != "%":
            out.append(text[last : item.start])
            value = item.value
            out.append(str(round(value)) if abs(value - round(value)) < 1e-9 else str(value))
            if item.unit:  # "vijftig miljoen gulden": the unit word stays
                out.append(" " + item.text.rsplit(" ", 1)[-1])
            last = item.end
    out.append(text[last:])
    return "".join(out)


def contains(text: str, expected: str, language: str = "nl") -> bool:
    """Whether ``text`` holds ``expected``; a number must match a whole number. Values
    compare in base units ('12,4 miljoen euro' = '12.400.000 euro') or as printed ('113,6'
    in '113,6 miljoen euro'), and number words by value. An answer in English may quote Dutch
    numbers ('21.483'), so both notations are read. An expected number with space-separated
    thousands ('79 805') is one number, and so is one printed that way in the answer; the
    cells of a table row ('2025 4535 5171') stay separate."""
    spaced = _SPACED_NUM.search(expected) is not None and re.search(r"\d[ \u00a0\u202f]\d{3}(?!\d)", expected) is not None
    for scaled in (True, False):
        needle = canonical(expected, "nl", scaled, spaced)
        pattern = re.compile(r"(?<![\d.])" + re.escape(needle) + r"(?![\d]|[.,]\d)")
        for reading in dict.fromkeys((language, "nl")):
            for text_spaced in dict.fromkeys((False, spaced)):
                if pattern.search(canonical(text, reading, scaled, text_spaced)):
                    return True
    return False


def same_unit(a: str, b: str) -> bool:
    """'pp' = 'procentpunt' = 'percentage points'; '%' = 'procent'; 'euro' = 'EUR' = '€'."""

    def norm(unit: str) -> str:
        unit = unit.strip().lower()
        return UNIT_SYNONYMS.get(unit, unit)

    return norm(a) == norm(b)


def passage_matches(passage: str, expected: tuple[str, ...]) -> bool:
    """Whether a passage holds every expected source string. The strings are quoted from the
    files as printed ("catego-rieën", "De 330betrokken"); the passage is the text as read, so
    each string is repaired the same way (:func:`qa_bot.read.normalise.repair`) and may match
    either way."""
    from qa_bot.read.normalise import repair

    return bool(expected) and all(contains(passage, e) or contains(passage, repair(e)) for e in expected)


def figure_matches(answer: Answer, expected: dict[str, Any]) -> bool:
    tolerance = float(expected.get("tolerance", 0.05))
    unit = str(expected.get("unit", ""))
    return any(
        math.isclose(f.value, float(expected["value"]), abs_tol=tolerance) and same_unit(f.unit.split("/")[0], unit)
        for f in answer.figures
    )


def score_question(q: Question, answer: Answer, k: int) -> dict[str, Any]:
    ranks = [p.rank for p in answer.passages[:k] if passage_matches(p.chunk.text, q.expect_source)]
    record: dict[str, Any] = {
        "id": q.id,
        "doc": q.doc,
        "question": q.question,
        "answerable": q.answerable,
        "abstained": answer.abstained,
        "answer": answer.text,
        "reason": answer.reason,
        "confidence": answer.confidence,
        "latency_ms": round(answer.timings.get("total", 0.0) * 1000, 1),
        "hit": bool(ranks) if q.expect_source else None,
        "rr": (1 / min(ranks) if ranks else 0.0) if q.expect_source else None,
        "figures": [{"value": f.value, "unit": f.unit, "formula": f.formula} for f in answer.figures],
    }
    if not q.answerable:
        record["correct"] = answer.abstained
        return record
    answers_ok = all(contains(answer.text, e, answer.language) for e in q.expect_answer)
    figure_ok = figure_matches(answer, q.expect_figure) if q.expect_figure else None
    record["figure_ok"] = figure_ok
    record["correct"] = not answer.abstained and answers_ok and figure_ok is not False
    if not answer.abstained:
        record["cited_support"] = (
            any(passage_matches(c.passage, q.expect_source) for c in answer.citations) if q.expect_source else None
        )
        record["unsupported_numbers"] = unsupported_numbers(
            answer.text, answer.citations, answer.figures, answer.language, q.question
        )
    return record


def _rate(values: list[bool]) -> float | None:
    return round(sum(values) / len(values), 4) if values else None


def _percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    if len(values) == 1:
        return values[0]
    return round(statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1], 1)


def totals(records: list[dict[str, Any]]) -> dict[str, Any]:
    answerable = [r for r in records if r["answerable"]]
    unanswerable = [r for r in records if not r["answerable"]]
    answered = [r for r in records if not r["abstained"]]
    with_source = [r for r in answerable if r["hit"] is not None]
    latencies = [r["latency_ms"] for r in records]
    return {
        "questions": len(records),
        "hit@k": _rate([r["hit"] for r in with_source]),
        "mrr": round(sum(r["rr"] for r in with_source) / len(with_source), 4) if with_source else None,
        "answer_accuracy": _rate([r["correct"] for r in answerable]),
        "answer_accuracy_no_figure": _rate([r["correct"] for r in answerable if r.get("figure_ok") is None]),
        "citation_support": _rate(
            [r["cited_support"] for r in answerable if not r["abstained"] and r.get("cited_support") is not None]
        ),  # fmt: skip
        "abstention_recall": _rate([r["abstained"] for r in unanswerable]),
        "false_abstention_rate": _rate([r["abstained"] for r in answerable]),
        "figure_accuracy": _rate([bool(r["figure_ok"]) for r in answerable if r.get("figure_ok") is not None]),
        "faithfulness": _rate([not r.get("unsupported_numbers") for r in answered]),
        "answered_rate": _rate([not r["abstained"] for r in records]),
        "wrong_answer_rate": _rate([not r["abstained"] and not r["correct"] for r in records]),
        "latency_p50_ms": _percentile(latencies, 50),
        "latency_p95_ms": _percentile(latencies, 95),
    }


def evaluate(bot: QaBot, questions: list[Question], k: int = 5) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    records = []
    bot.warm_up()  # latency is per question, not model loading
    started = time.perf_counter()
    for q in questions:
        answer = bot.ask(q.question, q.filters, k=k)
        records.append(score_question(q, answer, k))
    summary = totals(records)
    summary["k"] = k
    summary["seconds"] = round(time.perf_counter() - started, 2)
    return records, summary


def parse_thresholds(items: list[str], allowed: tuple[str, ...]) -> dict[str, float]:
    out: dict[str, float] = {}
    for item in items:
        name, sep, value = item.partition("=")
        if not sep or name not in allowed:
            raise ConfigError(
                f"Ongeldige drempel {item!r}; gebruik METRIEK=WAARDE met METRIEK uit: {', '.join(allowed)}"
            )
        try:
            out[name] = float(value)
        except ValueError:
            raise ConfigError(f"Ongeldige drempel {item!r}: {value!r} is geen getal") from None
    return out


def failed_thresholds(summary: dict[str, Any], minimum: dict[str, float], maximum: dict[str, float]) -> list[str]:
    failed = []
    for name, bar in minimum.items():
        value = summary.get(name)
        if value is not None and value < bar:
            failed.append(f"{name} = {value} < {bar}")
    for name, bar in maximum.items():
        value = summary.get(name)
        if value is not None and value > bar:
            failed.append(f"{name} = {value} > {bar}")
    return failed


def markdown_report(records: list[dict[str, Any]], summary: dict[str, Any]) -> str:
    lines = ["# qa-bot evaluation", "", "| metric | value |", "|---|---|"]
    lines += [f"| {k} | {v} |" for k, v in summary.items()]
    lines += ["", "| id | correct | abstained | hit | answer |", "|---|---|---|---|---|"]
    for r in records:
        answer = r["answer"].replace("\n", " ").replace("|", "\\|")[:160]
        lines.append(f"| {r['id']} | {r['correct']} | {r['abstained']} | {r['hit']} | {answer} |")
    return "\n".join(lines) + "\n"


def write_outputs(out_dir: Path, records: list[dict[str, Any]], summary: dict[str, Any]) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "results.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    (out_dir / "summary.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    (out_dir / "report.md").write_text(markdown_report(records, summary), encoding="utf-8")
