"""Computed figures: one registry entry per operation (roles, arithmetic, unit, formula,
chart), and the pure arithmetic itself.

Cues that ask for an operation live with the language (``lang/*.py: OPERATION_CUES``),
labels too (``LABELS["operations"]``); everything else about an operation is here, in
one :class:`OperationSpec`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from qa_bot import lang
from qa_bot.read.numbers import format_count, format_number
from qa_bot.types import Figure, Operand


class Operation(StrEnum):
    SHARE = "share"
    SHARE_OF_SUM = "share_of_sum"  # one item of a list whose total the source does not print
    JOINED_SHARE = "joined_share"  # two things together, of a whole ("20 en 13 van de 43")
    COMPLEMENT_SHARE = "complement_share"
    COMPLEMENT = "complement"
    GROWTH = "growth"
    GROWTH_FROM_CHANGE = "growth_from_change"  # a level and the change that led to it
    CAGR = "cagr"
    RATIO = "ratio"
    DIFFERENCE = "difference"
    GAP = "gap"  # distance of a value to a target named in the question
    SUM = "sum"
    AVERAGE = "average"  # an amount divided by a count ("gemiddeld per aanvraag")


class Unit(StrEnum):
    COUNT = ""
    PERCENT = "%"
    PP = "pp"
    EURO = "euro"
    GULDEN = "gulden"  # amounts in older documents
    PER_YEAR = "%/jaar"
    TIMES = "×"


# ---------------------------------------------------------------- arithmetic (pure)


def share(part: float, whole: float) -> float:
    """part / whole × 100 (percent)."""
    return part / whole * 100


def complement(part: float, whole: float) -> float:
    """whole − part."""
    return whole - part


def complement_share(part: float, whole: float) -> float:
    """(whole − part) / whole × 100 (percent)."""
    return (whole - part) / whole * 100


def growth(before: float, after: float) -> float:
    """(after − before) / before × 100 (percent)."""
    return (after - before) / before * 100


def growth_from_change(change: float, after: float) -> float:
    """change / (after − change) × 100 (percent): the growth that a change to a level was."""
    return change / (after - change) * 100


def cagr(before: float, after: float, years: float) -> float:
    """((after / before)^(1 / years) − 1) × 100 (percent per year, compound)."""
    return ((after / before) ** (1 / years) - 1) * 100


def ratio(a: float, b: float) -> float:
    """a / b."""
    return a / b


def difference(before: float, after: float) -> float:
    """after − before."""
    return after - before


def total(items: Sequence[float]) -> float:
    """Σ items."""
    return float(sum(items))


def average(amount: float, count: float) -> float:
    """amount / count."""
    return amount / count


# ---------------------------------------------------------------- registry


@dataclass(frozen=True)
class OperationSpec:
    operation: Operation
    roles: tuple[str, ...]  # operand roles, in formula order ("item" repeats for a sum)
    compute: Callable[[dict[str, list[Operand]]], float]
    unit: Callable[[str], Unit]  # result unit from the operands' unit
    formula: Callable[[dict[str, list[str]]], str]  # expression from the operands' printed values
    chart: str  # "bar" (a comparison) or "line" (a trend)


def _one(values: dict[str, list[Operand]], role: str) -> float:
    return values[role][0].value


def _percent(_: str) -> Unit:
    return Unit.PERCENT


def _same(unit: str) -> Unit:
    return Unit(unit) if unit in {u.value for u in Unit} else Unit.COUNT


def _difference_unit(unit: str) -> Unit:
    return Unit.PP if unit == Unit.PERCENT.value else _same(unit)


def _cagr(values: dict[str, list[Operand]]) -> float:
    years = _span(values["before"][0].year, values["after"][0].year)
    return cagr(_one(values, "before"), _one(values, "after"), years)


def _span(before: str, after: str) -> int:
    """Years between two periods: 2019 → 2023 is 4; 2019-2020 → 2023-2024 is 4."""
    return int(after[:4]) - int(before[:4])


REGISTRY: dict[Operation, OperationSpec] = {
    spec.operation: spec
    for spec in (
        OperationSpec(Operation.SHARE, ("part", "whole"), lambda v: share(_one(v, "part"), _one(v, "whole")),
                      _percent, lambda t: f"{t['part'][0]} / {t['whole'][0]}", "bar"),
        OperationSpec(Operation.SHARE_OF_SUM, ("part", "other"),
                      lambda v: share(_one(v, "part"), total([o.value for o in v["part"] + v["other"]])), _percent,
                      lambda t: f"{t['part'][0]} / ({' + '.join(t['part'] + t['other'])})", "bar"),
        OperationSpec(Operation.JOINED_SHARE, ("item", "whole"),
                      lambda v: share(total([o.value for o in v["item"]]), _one(v, "whole")), _percent,
                      lambda t: f"({' + '.join(t['item'])}) / {t['whole'][0]}", "bar"),
        OperationSpec(Operation.COMPLEMENT_SHARE, ("part", "whole"),
                      lambda v: complement_share(_one(v, "part"), _one(v, "whole")), _percent,
                      lambda t: f"({t['whole'][0]} − {t['part'][0]}) / {t['whole'][0]}", "bar"),
        OperationSpec(Operation.COMPLEMENT, ("part", "whole"), lambda v: complement(_one(v, "part"), _one(v, "whole")),
                      _same, lambda t: f"{t['whole'][0]} − {t['part'][0]}", "bar"),
        OperationSpec(Operation.GROWTH, ("before", "after"), lambda v: growth(_one(v, "before"), _one(v, "after")),
                      _percent, lambda t: f"({t['after'][0]} − {t['before'][0]}) / {t['before'][0]}", "line"),
        OperationSpec(Operation.GROWTH_FROM_CHANGE, ("change", "after"),
                      lambda v: growth_from_change(_one(v, "change"), _one(v, "after")), _percent,
                      lambda t: f"{t['change'][0]} / ({t['after'][0]} − {t['change'][0]})", "bar"),
        OperationSpec(Operation.CAGR, ("before", "after"), _cagr, lambda _: Unit.PER_YEAR,
                      lambda t: f"({t['after'][0]} / {t['before'][0]})^(1/{t['years'][0]}) − 1", "line"),
        OperationSpec(Operation.RATIO, ("numerator", "denominator"),
                      lambda v: ratio(_one(v, "numerator"), _one(v, "denominator")), lambda _: Unit.TIMES,
                      lambda t: f"{t['numerator'][0]} / {t['denominator'][0]}", "bar"),
        OperationSpec(Operation.DIFFERENCE, ("before", "after"),
                      lambda v: difference(_one(v, "before"), _one(v, "after")), _difference_unit,
                      lambda t: f"{t['after'][0]} − {t['before'][0]}", "bar"),
        OperationSpec(Operation.GAP, ("value", "target"), lambda v: difference(_one(v, "target"), _one(v, "value")),
                      _difference_unit, lambda t: f"{t['value'][0]} − {t['target'][0]}", "bar"),
        OperationSpec(Operation.SUM, ("item",), lambda v: total([o.value for o in v["item"]]), _same,
                      lambda t: " + ".join(t["item"]), "bar"),
        OperationSpec(Operation.AVERAGE, ("amount", "count"), lambda v: average(_one(v, "amount"), _one(v, "count")),
                      _same, lambda t: f"{t['amount'][0]} / {t['count'][0]}", "bar"),
    )
}  # fmt: skip


# ---------------------------------------------------------------- presentation


def fmt_value(value: float, unit: str, language: str) -> str:
    """A value as shown to the user: '63,4%', '2,5 procentpunt', '€ 1.616.540', '2,05×'."""
    labels = lang.get(language).LABELS
    if unit == Unit.PERCENT:
        return f"{format_number(round(value, 1), language, 1)}%"
    if unit == Unit.PER_YEAR:
        return f"{format_number(round(value, 1), language, 1)}% {labels['per_year']}"
    if unit == Unit.PP:
        return f"{format_number(round(value, 1), language, 1)} {labels['pp']}"
    if unit == Unit.TIMES:
        return f"{format_number(round(value, 2), language, 2)}×"
    if float(value).is_integer():
        number = format_count(value, language)
    else:
        decimals = 2 if abs(value) < 10 and round(value, 2) != round(value, 1) else 1
        number = format_number(round(value, decimals), language, decimals)
    if unit == Unit.GULDEN:
        return f"ƒ {number}"
    return f"€ {number}" if unit == Unit.EURO else number


def operand_text(op: Operand, language: str) -> str:
    """An operand as printed in its source when that is a plain number, else formatted."""
    if op.unit in (Unit.PERCENT, Unit.EURO, Unit.GULDEN) or not op.text:
        return fmt_value(op.value, op.unit, language)
    return format_count(op.value, language) if float(op.value).is_integer() else op.text


def build_figure(operation: Operation, operands: list[Operand], language: str, *, absolute: bool = False) -> Figure:
    """A :class:`Figure` from operands with their roles; ``absolute`` reports the size of a
    difference ("hoeveel lager", "verschil tussen A en B") rather than its sign."""
    spec = REGISTRY[operation]
    by_role: dict[str, list[Operand]] = {}
    for op in operands:
        by_role.setdefault(op.role, []).append(op)
    value = spec.compute(by_role)
    if absolute:
        value = abs(value)
    unit = spec.unit(operands[0].unit)
    texts: dict[str, list[str]] = {role: [operand_text(o, language) for o in ops] for role, ops in by_role.items()}
    if operation == Operation.CAGR:
        texts["years"] = [str(_span(by_role["before"][0].year, by_role["after"][0].year))]
    expr = spec.formula(texts)
    if absolute and operation in (Operation.DIFFERENCE, Operation.GAP):
        expr = f"|{expr}|"
    display = fmt_value(value, unit, language)
    label = figure_label(lang.get(language).LABELS["operations"][operation.value], operands)
    return Figure(
        label=label,
        value=round(value, 4),
        unit=unit.value,
        operation=operation.value,
        formula=f"{expr} = {display}",
        operands=tuple(operands),
        chart=chart_data(spec.chart, label, operands, language),
        display=display,
    )


def chart_data(kind: str, title: str, operands: Sequence[Operand], language: str) -> dict[str, object]:
    """The chart of a figure: one bar or point per operand, labelled by what tells it apart
    from the others ("toegekend 2025" / "gevraagd 2025"); what they share ("mobiliteiten")
    and the unit label the y axis; ``description`` is its text alternative."""
    words = [(o.label or o.role).split() for o in operands]
    shared = [w for w in words[0] if w not in "—–-" and all(w in other for other in words[1:])] if len(words) > 1 else []
    shared_nouns = [w for w in shared if not _PERIOD.match(w)]

    def own(label_words: list[str]) -> str:
        rest = " ".join(w for w in label_words if w not in shared_nouns).strip(" —–-")
        return rest or " ".join(label_words)

    series = [{"label": own(w), "value": o.value} for w, o in zip(words, operands, strict=True)]
    if kind == "line":  # a trend runs in time
        order = sorted(range(len(operands)), key=lambda i: (operands[i].year or str(series[i]["label"])))
        series = [series[i] for i in order]
    axis_unit = _axis_unit(operands[0].unit, language)
    y_label = " ".join(shared_nouns)
    y_label = f"{y_label} ({axis_unit})" if y_label and axis_unit else y_label or axis_unit
    names = lang.get(language).LABELS["chart"]
    values = "; ".join(f"{p['label']}: {fmt_value(float(p['value']), operands[0].unit, language)}"  # type: ignore[arg-type]
                       for p in series)  # fmt: skip
    axis = f" ({names['axis']}: {y_label})" if y_label else ""
    description = f"{names[kind]} — {title}{axis}: {values}."
    return {"type": kind, "title": title, "series": series, "unit": axis_unit, "y_label": y_label,
            "description": description}  # fmt: skip


_PERIOD = re.compile(r"^(?:19|20)\d{2}(?:[-/–](?:19|20)?\d{2})?$")


def _segments(label: str) -> list[str]:
    """'BE-VL — België – Vlaamse Gemeenschap — mobiele_lerenden_2023 (aantal …)' → its parts,
    descriptions in brackets dropped and underscores read as spaces."""
    parts = [re.sub(r"\s*\(.*?\)\s*", " ", p).replace("_", " ").strip() for p in label.split(" — ")]
    return [p for p in parts if p]


def figure_label(name: str, operands: Sequence[Operand]) -> str:
    """'Groei leerlingen, 2019–2023', 'Aandeel Limburg / Totaal, 2023': the operation, what
    tells the operands apart (or what they share), and the periods they span."""
    labels = [_segments(o.label) for o in operands if o.label]
    if not labels:
        return name
    words = [w for parts in labels for p in parts for w in p.split()]
    periods = sorted({w for w in words if _PERIOD.match(w)})

    def plain(part: str) -> str:
        return " ".join(w for w in part.split() if not _PERIOD.match(w))

    if all(len(parts) > 1 for parts in labels):  # table cells: row — column
        differing = [[p for p in parts if any(p not in other for other in labels)] for parts in labels]
        shown = list(dict.fromkeys(plain(d[-1]) for d in differing if d and plain(d[-1])))
        shared = [plain(p) for p in labels[0] if all(p in other for other in labels) and plain(p)]
        subject = " / ".join(shown) if shown else " ".join(shared)
    else:  # text: the words all operands share, else the first one's
        nouns = [[w for p in parts for w in p.split() if not _PERIOD.match(w)] for parts in labels]
        common = [w for w in nouns[0] if all(w in other for other in nouns[1:])]
        subject = " ".join(common or nouns[0])
    span = f"{periods[0]}–{periods[-1]}" if len(periods) > 1 else "".join(periods)
    return ", ".join(p for p in (f"{name} {subject}".strip(), span) if p)


def _axis_unit(unit: str, language: str) -> str:
    return {"%": "%", "euro": "€", "gulden": "ƒ", "pp": lang.get(language).LABELS["pp"]}.get(unit, "")
