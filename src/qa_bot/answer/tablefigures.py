"""Figures from table cells: the operands of every operation of
:mod:`qa_bot.answer.operations` (growth, a difference, a share, a sum, an average …),
each citing its cell, selected the way :mod:`.tablequery` selects a look-up's cell."""

from __future__ import annotations

import re
from collections.abc import Sequence

from qa_bot.answer.matching import term_matches, text_keys
from qa_bot.answer.operations import Operation
from qa_bot.answer.question import AnswerType
from qa_bot.answer.tablequery import (
    TableResult,
    TableView,
    _period_axes,
    _period_filter,
    _tightest,
    _unit_for,
)
from qa_bot.types import Operand


def figure_operands(view: TableView, operation: Operation | None = None) -> TableResult | None:
    """Operands for the question's operation (or ``operation``) from this table's cells, or None."""
    operation = operation or view.analysis.operation
    if operation is None:
        return None
    if operation == Operation.CAGR:
        return _over_periods(view, operation)
    if operation == Operation.GROWTH:  # between years, or "van de vastgestelde begroting naar de thans voorgestelde"
        return _over_periods(view, operation) or _between_items(view, operation)
    if operation in (Operation.DIFFERENCE, Operation.RATIO):
        return _over_periods(view, operation) or _between_items(view, operation)
    if operation == Operation.GAP:
        return None  # needs the target: see gap_operand
    if operation in (Operation.SHARE, Operation.COMPLEMENT_SHARE):
        return _share(view, operation)
    if operation == Operation.COMPLEMENT:
        return _complement(view)
    if operation == Operation.SUM:
        return _sum(view)
    if operation == Operation.AVERAGE:
        return _average(view)
    return None


def _figure(view: TableView, operation: Operation, operands: list[Operand], exact: bool = True) -> TableResult:
    cells = [(o.row, o.column) for o in operands]
    return TableResult(kind="figure", passage=view.passage, table=view.table, cells=cells,
                       coverage=view.cell_coverage(cells), operation=operation, operands=operands,
                       exact=exact)  # fmt: skip


def _numbers(view: TableView, cells: Sequence[tuple[int, int]]) -> bool:
    return all(view.cell(r, c).is_number for r, c in cells)


def _over_periods(view: TableView, operation: Operation) -> TableResult | None:
    """Two periods of one row (or one column): growth, CAGR, a change between years."""
    periods = list(view.analysis.years)
    if len(periods) == 1 and view.analysis.since:
        latest = _latest_period(view, periods[0])  # "sinds 2018": from 2018 to the latest figure
        if latest is None:
            return None
        periods.append(latest)
    if len(periods) != 2:
        return None
    first, second = _period_axes(view, periods)
    if first[0] != second[0] or first[0] not in ("col", "row"):
        return None
    if first[0] == "col":
        rows, exact = view.best_rows(view.rows)
        unit = "%" if view.analysis.answer_type == AnswerType.PP else None
        c1 = view.best_cols(first[1], unit)
        c2 = view.best_cols(second[1], unit)
        if len(rows) != 1 or len(c1) != 1 or len(c2) != 1 or c1 == c2:
            return None
        cells = [(rows[0], c1[0]), (rows[0], c2[0])]
    else:
        unit = "%" if view.analysis.answer_type == AnswerType.PP else None
        cols = view.best_cols(view.value_cols, unit)
        r1, _ = view.best_rows(first[1])
        r2, _ = view.best_rows(second[1])
        if len(cols) != 1 or len(r1) != 1 or len(r2) != 1 or r1 == r2:
            return None
        cells = [(r1[0], cols[0]), (r2[0], cols[0])]
        exact = True
    if not _numbers(view, cells):
        return None
    (ra, ca), (rb, cb) = cells
    a, b = view.operand(ra, ca, "before"), view.operand(rb, cb, "after")
    a_period, b_period = periods
    if _period_key(a_period) > _period_key(b_period):
        a, b = view.operand(rb, cb, "before"), view.operand(ra, ca, "after")
        a_period, b_period = b_period, a_period
    a = _with_year(a, a_period)
    b = _with_year(b, b_period)
    if operation == Operation.RATIO:
        a, b = _role(b, "numerator"), _role(a, "denominator")
    return _figure(view, operation, [a, b], exact)


def _latest_period(view: TableView, start: str) -> str | None:
    """The latest period a table prints after ``start``, on the axis that carries periods."""
    printed = [p for c in view.value_cols for p in view.col_periods[c]] or [p for ps in view.row_periods for p in ps]
    later = sorted(p for p in printed if p[:4] > start[:4])
    return later[-1] if later else None


def _period_key(period: str) -> str:
    return period


def _with_year(op: Operand, period: str) -> Operand:
    from dataclasses import replace

    return replace(op, year=period)


def _role(op: Operand, role: str) -> Operand:
    from dataclasses import replace

    return replace(op, role=role)


def _pair(view: TableView, axis: str, slots: Sequence[int]) -> tuple[int, int] | None:
    """Two items of one axis that the question names with different terms (the best-named pair)."""
    selectors = view.row_selectors() if axis == "row" else view.col_selectors()

    def hit(i: int, s: int) -> float:
        return view.in_row[i][s] if axis == "row" else view.in_col[i].get(s, 0.0)

    hits: dict[int, set[int]] = {}
    for i in selectors:
        for s in slots:
            if hit(i, s):
                hits.setdefault(s, set()).add(i)
    best: tuple[float, tuple[int, int]] | None = None
    tied = False
    items = sorted(hits)
    for x in range(len(items)):
        for y in range(x + 1, len(items)):
            a, b = items[x], items[y]
            own_a, own_b = hits[a] - hits[b], hits[b] - hits[a]
            if not own_a or not own_b:
                continue
            score = sum(view._selector_weight(i) * hit(i, a) for i in own_a) + sum(
                view._selector_weight(i) * hit(i, b) for i in own_b)  # fmt: skip
            if best is None or score > best[0] + 1e-9:
                best, tied = (score, (a, b)), False
            elif abs(score - best[0]) <= 1e-9:
                tied = True
    return None if best is None or tied else best[1]


def _between_items(view: TableView, operation: Operation) -> TableResult | None:
    """Two rows (or two columns) the question names, in one period: 'België en het EU-gemiddelde',
    or two states of one item ('van de vastgestelde begroting naar de thans voorgestelde raming')."""
    allowed = _period_filter(view, view.analysis.years)
    if allowed is None or len(view.analysis.years) > 1:
        return None
    rows, cols = allowed
    options: list[tuple[float, list[tuple[int, int]]]] = []
    pair = _pair(view, "row", rows)
    if pair:
        chosen = view.best_cols(cols, "%" if view.analysis.answer_type == AnswerType.PP else None)
        if len(chosen) == 1:
            options.append((_pair_score(view, "row", pair), [(pair[0], chosen[0]), (pair[1], chosen[0])]))
    levels = additive_columns(view) if operation in (Operation.GROWTH, Operation.DIFFERENCE) else None
    pair = _pair(view, "col", [c for c in cols if levels is None or c in levels])  # a change is no state
    if pair:
        chosen_rows, _ = view.best_rows(rows)
        if len(chosen_rows) == 1:
            options.append((_pair_score(view, "col", pair), [(chosen_rows[0], pair[0]), (chosen_rows[0], pair[1])]))
    elif levels and not options and not _names_a_change(view, levels):
        chosen_rows, named = view.best_rows(rows)
        cells = [(chosen_rows[0], levels[0]), (chosen_rows[0], levels[1])] if len(chosen_rows) == 1 else []
        if named and cells and _numbers(view, cells):  # "met hoeveel procent stijgt artikel 11 door de wijziging"
            return _states(view, operation, cells)
    options = [o for o in options if _numbers(view, o[1])]
    if not options:
        return None
    options.sort(key=lambda o: -o[0])
    if len(options) > 1 and options[0][0] == options[1][0]:
        return None
    cells = options[0][1]
    first, second = _in_question_order(view, cells)
    if operation == Operation.RATIO:
        return _figure(view, operation, [view.operand(*first, "numerator"), view.operand(*second, "denominator")])
    if operation == Operation.GROWTH:  # "van <first> naar <second>": two levels, not a level and its change
        return _states(view, operation, [first, second])
    return _figure(view, operation, [view.operand(*second, "before"), view.operand(*first, "after")])


def _states(view: TableView, operation: Operation, cells: Sequence[tuple[int, int]]) -> TableResult | None:
    """A change from the first cell's level to the second's; two levels, never a level and its change."""
    if any(re.match(r"[+\-−–—_]", view.cell(*cell).text) or (view.cell(*cell).value or 0) <= 0 for cell in cells):
        return None
    return _figure(view, operation, [view.operand(*cells[0], "before"), view.operand(*cells[1], "after")])


ADDITIVE_AGREEMENT = 0.8  # share of a table's rows whose last column adds up the others
ADDITIVE_MIN_ROWS = 3


def additive_columns(view: TableView) -> tuple[int, int] | None:
    """The first and last value columns of a table whose last column adds up the ones before
    it in (nearly) every row: an amended budget ("Vastgestelde begroting | Nadere raming |
    Thans voorgesteld"), where the first column is the level before, the last the level after,
    and the columns between are changes. None for any other table."""
    cols = view.value_cols
    if len(cols) < 3:
        return None
    checked = agreeing = 0
    for r in view.data_rows(view.rows):
        row = view.table.rows[r]
        if cols[-1] >= len(row) or not row[cols[-1]].is_number:
            continue
        parts = [row[c].value or 0.0 for c in cols[:-1] if c < len(row) and row[c].is_number]
        if len(parts) < 2:
            continue
        checked += 1
        result = row[cols[-1]].value or 0.0
        agreeing += abs(sum(parts) - result) <= 0.001 * max(abs(result), 1.0)
    return (cols[0], cols[-1]) if checked >= ADDITIVE_MIN_ROWS and agreeing >= ADDITIVE_AGREEMENT * checked else None


def _names_a_change(view: TableView, levels: tuple[int, int]) -> bool:
    """Whether the question names one of the columns of changes between the two levels."""
    return any(view.in_col[i].get(c, 0.0) for i in view.col_selectors() for c in view.value_cols if c not in levels)


def _pair_score(view: TableView, axis: str, pair: tuple[int, int]) -> float:
    """How clearly the question names the two items: names count most."""
    selectors = view.row_selectors() if axis == "row" else view.col_selectors()

    def hit(i: int, slot: int) -> float:
        return view.in_row[i][slot] if axis == "row" else view.in_col[i].get(slot, 0.0)

    return sum(view._selector_weight(i) * max(hit(i, pair[0]), hit(i, pair[1])) for i in selectors)


def _in_question_order(view: TableView, cells: list[tuple[int, int]]) -> tuple[tuple[int, int], tuple[int, int]]:
    """The item the question names first comes first."""
    question = view.analysis.question.lower()

    def position(cell: tuple[int, int]) -> int:
        r, c = cell
        keys = view.row_keys[r] | view.col_keys[c]
        found = [question.find(t.text.lower()) for t in view.analysis.terms if term_matches(t.keys, keys)]
        found = [f for f in found if f >= 0]
        return min(found) if found else 10_000

    a, b = cells
    return (a, b) if position(a) <= position(b) else (b, a)


def _share(view: TableView, operation: Operation) -> TableResult | None:
    """Part of a whole in one column (a row of the totals row, or of the row the question
    names as the whole) or in one row (a column of the totals column)."""
    analysis = view.analysis
    allowed = _period_filter(view, analysis.years)
    if allowed is None:
        return None
    rows, cols = allowed
    whole_terms = {i for i, t in enumerate(analysis.terms) if t in analysis.whole_terms}
    count_cols = [c for c in cols if view._col_unit(c) != "%"]
    part_rows, row_exact = view.best_rows(rows, exclude_terms=tuple(whole_terms))
    part_cols = view.best_cols(count_cols, None, exclude_terms=tuple(whole_terms))
    if len(part_cols) != 1:  # part and whole in two rows share their column: the whole's words pick it
        part_cols = view.best_cols(count_cols, None)
    cells: list[tuple[int, int]] | None = None
    if len(part_rows) == 1 and row_exact and len(part_cols) == 1:
        r, c = part_rows[0], part_cols[0]
        whole_row = _whole_row(view, r, rows, whole_terms, analysis.total)
        if whole_row is not None:
            cells = [(r, c), (whole_row, c)]
    if cells is None and len(part_rows) == 1 and view.total_cols:
        part = [c for c in view.best_cols([c for c in count_cols if c not in view.total_cols], None,
                                          exclude_terms=tuple(whole_terms))]  # fmt: skip
        whole = [c for c in count_cols if c in view.total_cols]
        if len(part) == 1 and len(whole) == 1 and view.col_score(part[0]) > 0:
            cells = [(part_rows[0], part[0]), (part_rows[0], whole[0])]
    if cells is None or not _numbers(view, cells):
        return None
    part_op, whole_op = view.operand(*cells[0], "part"), view.operand(*cells[1], "whole")
    if part_op.value > whole_op.value:
        return None
    return _figure(view, operation, [part_op, whole_op])


def total_cell(view: TableView) -> tuple[int, int] | None:
    """The table's total for the period the question asks: its totals row at the period's
    column, or its totals column at the period's row."""
    for period in view.analysis.years:
        axis, slots = view.period_slots(period)
        if axis == "col" and view.totals:
            cells = [(view.totals[-1], c) for c in slots]
        elif axis == "row" and view.total_cols:
            cells = [(r, view.total_cols[-1]) for r in slots]
        else:
            continue
        cells = [rc for rc in cells if view.cell(*rc).is_number]
        if len(cells) == 1:
            return cells[0]
    return None


def whole_row_named(view: TableView) -> int | None:
    """The row a share question names as its whole ('Belgium' in 'share of Belgium's
    learners'): the tightest row its names match, if they match any."""
    analysis = view.analysis
    names = [i for i, t in enumerate(analysis.terms) if t in analysis.whole_terms and t.name and any(view.in_row[i])]
    rows = [r for r in view.rows if names and all(view.in_row[i][r] >= 1.0 for i in names)]
    tight = _tightest(rows, view, names)
    return tight[0] if len(tight) == 1 else None


def _whole_row(view: TableView, part: int, rows: Sequence[int], whole_terms: set[int], total: bool = False) -> int | None:
    """The row the part is a share of: the one the question names as the whole, or the totals
    row (always, when the question says "totale …": "belastingen" also names Verkeersbelasting)."""
    if whole_terms and not (total and any(r != part for r in view.totals)):
        named = [r for r in rows if r != part and any(view.in_row[i][r] for i in whole_terms)]
        named = _tightest(named, view, sorted(whole_terms))
        if len(named) == 1 and named[0] not in view.totals:
            return named[0]
    totals = [r for r in view.totals if r != part]
    return totals[0] if totals else None


def _complement(view: TableView) -> TableResult | None:
    """What is left of a whole: two columns of one row ('aangevraagd' − 'toegekend')."""
    allowed = _period_filter(view, view.analysis.years)
    if allowed is None:
        return None
    rows, cols = allowed
    chosen, exact = view.best_rows(rows)
    if len(chosen) != 1:
        return None
    r = chosen[0]
    pair = _pair(view, "col", cols)
    if not pair:
        return None
    cells = [(r, pair[0]), (r, pair[1])]
    if not _numbers(view, cells):
        return None
    small, large = sorted(cells, key=lambda rc: view.cell(*rc).value or 0.0)
    return _figure(view, Operation.COMPLEMENT, [view.operand(*small, "part"), view.operand(*large, "whole")], exact)


def _sum(view: TableView) -> TableResult | None:
    """A row over a range of years, or the items of a column (a stated total is a look-up)."""
    analysis = view.analysis
    if analysis.year_range and len(analysis.years) == 2:
        first, last = sorted(int(p[:4]) for p in analysis.years)
        chosen, exact = view.best_rows(view.rows)
        if len(chosen) != 1 or not exact:
            return None
        r = chosen[0]
        cols = [c for c in view.value_cols if view.col_periods[c]
                and all(first <= int(p[:4]) <= last for p in view.col_periods[c])]  # fmt: skip
        if len(cols) < 2 or not _numbers(view, [(r, c) for c in cols]):
            return None
        return _figure(view, Operation.SUM, [view.operand(r, c, "item") for c in cols])
    allowed = _period_filter(view, analysis.years)
    if allowed is None:
        return None
    rows, cols = allowed
    chosen_cols = view.best_cols(cols, _unit_for(analysis))
    if len(chosen_cols) != 1:
        return None
    c = chosen_cols[0]
    everything = bool(re.search(r"\b(?:alle|all|every|elke)\b", analysis.question, re.I))
    named = [] if everything else [r for r in rows if any(
        view.in_row[i][r] and analysis.terms[i].name for i in view.row_selectors())]  # fmt: skip
    items = named if len(named) >= 2 else view.data_rows(rows)
    if view.totals and len(named) < 2:
        return None  # the table states its total: a look-up answers
    cells = [(r, c) for r in items]
    if len(cells) < 2 or not _numbers(view, cells):
        return None
    return _figure(view, Operation.SUM, [view.operand(r, c, "item") for r, c in cells])


def _average(view: TableView) -> TableResult | None:
    """An amount column divided by a count column, in one row ('per goedgekeurde aanvraag')."""
    analysis = view.analysis
    allowed = _period_filter(view, analysis.years)
    if allowed is None:
        return None
    rows, cols = allowed
    chosen, exact = view.best_rows(rows)
    if len(chosen) != 1:
        return None
    r = chosen[0]
    amounts = [c for c in cols if view._col_unit(c) == "euro"]
    counts = [c for c in cols if view._col_unit(c) == ""]
    if analysis.per:
        per_keys = text_keys(analysis.per)
        by_per = [c for c in counts if term_matches(per_keys, view.col_keys[c]) or any(
            term_matches(frozenset({k}), view.col_keys[c]) for k in per_keys if len(k) > 4)]  # fmt: skip
        counts = by_per or counts
    amounts = view.best_cols(amounts, None) if len(amounts) > 1 else amounts
    counts = view.best_cols(counts, None) if len(counts) > 1 else counts
    if len(amounts) != 1 or len(counts) != 1:
        return None
    cells = [(r, amounts[0]), (r, counts[0])]
    if not _numbers(view, cells):
        return None
    return _figure(view, Operation.AVERAGE, [view.operand(*cells[0], "amount"), view.operand(*cells[1], "count")],
                   exact)
