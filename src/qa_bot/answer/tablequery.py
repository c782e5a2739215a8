"""Answers from table cells: a look-up by row × column, a superlative over a column, and
(in :mod:`.tablefigures`) every operation of :mod:`qa_bot.answer.operations` over cells,
each operand citing its cell.

A question selects cells along two axes. Its periods ("2023", "2022-2023", "1 januari
2024") select the columns or the rows that carry them (or the caption, for a table of one
period). Its terms select rows and columns: a term that matches some row labels but not
all is a *row selector* ("Limburg", "bso"), and likewise for column headers ("EU-gemiddelde",
"Toegekend"). Without a row selector the totals row answers ("hoeveel leerlingen in 2023?");
if the selection is still ambiguous, there is no answer from this table. A totals row is
never counted twice, and a missing cell ("n.b.") is never read as a number.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from qa_bot import lang
from qa_bot.answer.matching import coverage, strength, term_matches, text_keys
from qa_bot.answer.operations import Operation
from qa_bot.answer.question import AnswerType, QuestionAnalysis, Term
from qa_bot.read.numbers import period_matches, periods_in, sole_period
from qa_bot.types import Cell, Operand, Passage, Table

_AGGREGATE = re.compile(r"\b(?:overige|andere|other|others|rest|eu-?27|eu|gemiddelde|average|europese unie|"
                        r"totaal|total)\b", re.I)  # fmt: skip


@dataclass
class TableResult:
    """What a table says to a question: a value (look-up, superlative) or operands (figure)."""

    kind: str  # "lookup", "superlative" or "figure"
    passage: Passage
    table: Table
    cells: list[tuple[int, int]]
    coverage: float
    operation: Operation | None = None
    operands: list[Operand] = field(default_factory=list)
    value: Cell | None = None
    answer: str = ""  # the printed answer: a value or, for a superlative, a row label
    label: str = ""  # row and column of the answer ("Bso — 2023")
    missing: bool = False  # the cell the question asks for is not available (n.b., –)
    type_ok: bool = True
    exact: bool = True  # every selection was made by the question, not by a fallback
    counts: float = 1.0  # 1: the caption, headers or row name what "hoeveel X" counts; 0.9 the intro only; 0.8 none


class TableView:
    """One table seen from one question: which terms and periods match which rows and columns."""

    def __init__(self, table: Table, passage: Passage, analysis: QuestionAnalysis) -> None:
        self.table = table
        self.passage = passage
        self.analysis = analysis
        terms = analysis.terms
        n_rows = len(table.rows)
        self.rows = list(range(n_rows))
        # Running numbers ('Nr', 'Rang') are values only when the question asks for them.
        asks_rank = bool(re.search(r"\b(?:rang|rank|plaats|place|positie|position)\b", analysis.question, re.I))
        self.value_cols = [c for c in table.value_columns()
                           if any(c < len(r) and (r[c].is_number or r[c].missing) for r in table.rows)
                           and (asks_rank or not _is_index_header(table.header[c]))]  # fmt: skip
        self.value_cols = [c for c in self.value_cols if not _other_stage(analysis.question, table.header[c])]
        self.text_cols = [c for c in table.value_columns() if c not in self.value_cols]
        self.row_keys = [text_keys(" ".join(cell.text for cell in row if not cell.is_number)) for row in table.rows]
        self.col_keys = {c: text_keys(table.header[c]) for c in range(len(table.header))}
        self.ctx_keys = text_keys(" ".join([table.caption, *table.notes]))
        self.intro_keys = text_keys(table.intro)
        self.title_keys = text_keys(passage.chunk.title)
        # A term the caption already names describes the table rather than picking a row or column.
        self.in_context = [term_matches(t.keys, self.ctx_keys | self.title_keys | self.intro_keys) for t in terms]
        self.row_periods = [periods_in(table.label(r)) for r in self.rows]
        self.col_periods = {c: periods_in(table.header[c]) for c in self.value_cols}
        self.ctx_periods = periods_in(table.caption)
        if not self.ctx_periods and not any(self.row_periods) and not any(self.col_periods.values()):
            self.ctx_periods = sole_period(passage.chunk.title)  # a table in a document about one year speaks of that year
        # How strongly each term matches each row label and column header: 1 the same word, 0.6 a compound.
        # A word in a remark column ("inclusief Duitstalige Gemeenschap") names the row less than its label does.
        label_keys = [text_keys(table.label(r)) for r in self.rows]
        self.in_row = [[max(strength(t.keys, label_keys[r]), 0.5 * strength(t.keys, self.row_keys[r]))
                        for r in self.rows] for t in terms]  # fmt: skip
        self.in_col = [{c: strength(t.keys, self.col_keys[c]) for c in self.value_cols} for t in terms]
        self.totals = [r for r in table.total_rows if r < n_rows]
        self.total_cols = [c for c in self.value_cols
                           if any(w in lang.union("TOTAL_ROW") for w in re.findall(r"[^\W\d_]+", table.header[c].lower()))]  # fmt: skip

    # -- selection --------------------------------------------------------------------

    def _kind_term(self, i: int) -> bool:
        """'welk land': the kind of thing asked names no row."""
        kind = self.analysis.asked_kind
        if self.analysis.answer_type not in (AnswerType.NAME, AnswerType.YEAR):
            return False  # "welke score": the kind picks the column
        return bool(kind) and bool(self.analysis.terms[i].keys & kind)

    def row_selectors(self) -> list[int]:
        """Terms that match some rows but not all: they pick rows."""
        n = len(self.rows)
        return [i for i, hits in enumerate(self.in_row) if 0 < sum(1 for h in hits if h) < n and not self._kind_term(i)]

    def col_selectors(self) -> list[int]:
        n = len(self.value_cols)
        return [i for i, hits in enumerate(self.in_col)
                if 0 < sum(1 for h in hits.values() if h) < n and not self._kind_term(i)]  # fmt: skip

    def _selector_weight(self, i: int) -> float:
        term = self.analysis.terms[i]
        return term.weight * (0.5 if self.in_context[i] else 1.0) * (1.5 if term.name else 1.0)

    def row_score(self, r: int, terms: Sequence[int] | None = None) -> float:
        chosen = self.row_selectors() if terms is None else terms
        return sum(self._selector_weight(i) * self.in_row[i][r] for i in chosen)

    def col_score(self, c: int, terms: Sequence[int] | None = None) -> float:
        chosen = self.col_selectors() if terms is None else terms
        return sum(self._selector_weight(i) * self.in_col[i].get(c, 0.0) for i in chosen)

    def period_slots(self, period: str) -> tuple[str, list[int]]:
        """Where a period sits: ('col', columns), ('row', rows), ('ctx', []) or ('', []).
        A date asked ('1 september 2017') falls back to its year when the table only prints
        years (the caption then gives the day: 'toestand op 1 september')."""
        for asked in (period, period[:4]) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", period) else (period,):
            cols = [c for c in self.value_cols if period_matches(asked, self.col_periods[c])]
            if cols:
                return "col", cols
            rows = [r for r in self.rows if period_matches(asked, self.row_periods[r])]
            if rows:
                return "row", rows
            if period_matches(asked, self.ctx_periods) and not any(self.col_periods.values()):
                return "ctx", []
        return "", []

    def data_rows(self, rows: Sequence[int]) -> list[int]:
        """Rows that are items, not totals or aggregates ('Totaal', 'Overige landen', 'EU-27')."""
        return [r for r in rows if r not in self.totals and not _AGGREGATE.search(self.table.label(r))]

    def best_rows(self, rows: Sequence[int], exclude_terms: Sequence[int] = ()) -> tuple[list[int], bool]:
        """Rows with the highest selector weight; with no selector, the totals row or the
        only row. The flag says whether the question itself selected the row."""
        selectors = [i for i in self.row_selectors() if i not in exclude_terms]
        scores = {r: self.row_score(r, selectors) for r in rows}
        top = max(scores.values(), default=0.0)
        if top >= 0.5:  # a compound modifier alone ('opleiding' in 'opleidingsvorm') picks no row
            best = [r for r in rows if scores[r] == top]
            return _tightest(best, self, selectors), True
        totals = [r for r in rows if r in self.totals]
        if totals:
            return totals[-1:], self.analysis.total  # the (grand) totals row, after any subtotal: asked for, or the default
        return (list(rows) if len(rows) == 1 else []), False

    def best_cols(self, cols: Sequence[int], unit: str | None, exclude_terms: Sequence[int] = ()) -> list[int]:
        """Columns with the highest selector weight (of the asked unit, if any); with no
        selector, or for a total asked for, the totals column."""
        selectors = [i for i in self.col_selectors() if i not in exclude_terms]
        if unit is not None:
            typed = [c for c in cols if self._col_unit(c) == unit]
            cols = typed or ([] if unit in ("%", "euro") and self.analysis.operation is None else cols)
        scores = {c: self.col_score(c, selectors) for c in cols}
        top = max(scores.values(), default=0.0)
        best = [c for c in cols if scores[c] == top] if top > 0 else list(cols)
        totals = [c for c in cols if c in self.total_cols]
        if totals and (top == 0 or (self.analysis.total and len(best) >= 1 and not self._own_selector(best, selectors))):
            best = totals[:1]
        if len(best) > 1:
            hinted = [c for c in best if any(period_matches(p, self.col_periods[c])
                                             for p in self.analysis.attribution.source_years)]  # fmt: skip
            best = hinted or best
        if len(best) > 1 and top == 0:  # "1990" and "Aantal in 1990": the column that is only the year
            plain = [c for c in best if self.col_periods[c] and not _words(self.table.header[c])]
            best = plain if len(plain) == 1 else best
        return best

    def _own_selector(self, cols: Sequence[int], selectors: Sequence[int]) -> bool:
        """Whether a term that the caption does not already name picks these columns."""
        return any(not self.in_context[i] and any(self.in_col[i].get(c) for c in cols) for i in selectors)

    def _col_unit(self, c: int) -> str:
        units = {row[c].unit for row in self.table.rows if c < len(row) and row[c].is_number}
        return units.pop() if len(units) == 1 else ""

    # -- helpers ------------------------------------------------------------------------

    def cell(self, r: int, c: int) -> Cell:
        row = self.table.rows[r]
        return row[c] if c < len(row) else Cell("", missing=True)

    def cell_coverage(self, cells: Sequence[tuple[int, int]], terms: Sequence[Term] | None = None) -> float:
        """How much of the question the cells' row labels, headers and the table's caption cover
        (the document's title counts for less: it speaks for every table in the document)."""
        keys = set(self.ctx_keys)
        for r, c in cells:
            keys |= self.row_keys[r] | self.col_keys[c]
        # A table has few verbs: "hoeveel leerlingen waren ingeschreven" is covered by its headers,
        # so a verb weighs half again here.
        chosen = [replace(t, weight=t.weight * 0.5) if t.verb else t
                  for t in (terms if terms is not None else self.analysis.terms)]  # fmt: skip
        return coverage(chosen, [(frozenset(keys), 1.0), (self.intro_keys, 0.8), (self.title_keys, 0.6)])

    def operand(self, r: int, c: int, role: str) -> Operand:
        cell = self.cell(r, c)
        period = ", ".join(self.row_periods[r] or self.col_periods.get(c, []) or self.ctx_periods[:1])
        label = f"{self.table.label(r)} — {self.table.header[c]}" if self.table.header[c] else self.table.label(r)
        return Operand(value=float(cell.value or 0.0), unit=cell.unit, year=_first_period(period), text=cell.text,
                       citation=1, role=role, label=label, row=r, column=c, scale=cell.scale)  # fmt: skip

    def label(self, r: int, c: int) -> str:
        return f"{self.table.label(r)} — {self.table.header[c]}"


_STAGED_YEAR = re.compile(r"\b([A-Z]{2,5})\s*((?:19|20)\d{2})\b")


def _other_stage(question: str, header: str) -> bool:
    """A column of another stage of the same year: asked for "BA 2026" (the budget adjustment),
    the column "BO 2026" (the initial budget) is another figure, however alike its year."""
    asked = {(m.group(1), m.group(2)) for m in _STAGED_YEAR.finditer(question)}
    here = {(m.group(1), m.group(2)) for m in _STAGED_YEAR.finditer(header)}
    return bool(here) and any(y == year and (p, y) not in here for p, y in asked for _, year in here)


def _words(header: str) -> list[str]:
    """The words of a header beside its periods and numbers."""
    return re.findall(r"[^\W\d_]{2,}", header)


def _is_index_header(header: str) -> bool:
    words = header.lower().split()
    return bool(words) and words[0].strip(".") in {h.strip(".") for h in lang.union("INDEX_HEADERS")}


def _first_period(text: str) -> str:
    return text.split(",")[0].strip()


def _tightest(rows: list[int], view: TableView, selectors: Sequence[int]) -> list[int]:
    """Among equally matched rows, the one whose label the question covers most fully
    ('Provincie Antwerpen' over 'Stad Antwerpen' for 'provincie Antwerpen')."""
    if len(rows) <= 1:
        return rows
    terms = [view.analysis.terms[i] for i in selectors]

    def covered(r: int) -> float:
        label = view.row_keys[r]
        if not label:
            return 0.0
        return sum(1 for k in label if any(term_matches(t.keys, frozenset({k})) for t in terms)) / len(label)

    best = max(covered(r) for r in rows)
    return [r for r in rows if covered(r) == best]


def _unit_for(analysis: QuestionAnalysis) -> str | None:
    """The unit the answer type asks cells to have ('' for a count: not a percentage); None
    when any will do."""
    units = {AnswerType.PERCENTAGE: "%", AnswerType.AMOUNT: "euro", AnswerType.PP: "%", AnswerType.COUNT: ""}
    return units.get(analysis.answer_type)


def _in_time_units(view: TableView, r: int, c: int) -> bool:
    """'Hoe lang …?' is answered by a cell its header, row or caption says is in days, weeks …"""
    words = {w.lower() for w in re.findall(r"[^\W\d_]+", f"{view.table.header[c]} {view.table.label(r)} "
                                                         f"{view.table.caption}")}  # fmt: skip
    return bool(words & lang.union("TIME_UNITS"))


def _type_ok(analysis: QuestionAnalysis, cell: Cell) -> bool:
    wanted = analysis.answer_type
    if wanted == AnswerType.PERCENTAGE:
        return cell.unit == "%"
    if wanted == AnswerType.AMOUNT:
        return cell.unit == "euro"
    if wanted in (AnswerType.COUNT, AnswerType.SCORE):
        return cell.unit != "%" or not cell.is_number
    return True


# ---------------------------------------------------------------- look-up


def _period_filter(view: TableView, periods: Sequence[str]) -> tuple[list[int], list[int]] | None:
    """Rows and value columns allowed by the asked periods, or None when a period is not in the table."""
    rows, cols = list(view.rows), list(view.value_cols)
    for axis, slots in _period_axes(view, periods):
        if axis == "col":
            cols = [c for c in cols if c in slots]
        elif axis == "row":
            rows = [r for r in rows if r in slots]
        elif axis != "ctx":
            return None
    return rows, cols


def _period_axes(view: TableView, periods: Sequence[str]) -> list[tuple[str, list[int]]]:
    """Where each asked period sits, on one axis for all of them when the table allows it."""
    found = [view.period_slots(p) for p in periods]
    axes = {axis for axis, _ in found}
    if len(axes) > 1 and "" not in axes:
        # e.g. "1 september 2017" in the caption but 2021 as a row: read both as rows (years).
        years = [view.period_slots(p[:4]) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", p) else view.period_slots(p)
                 for p in periods]  # fmt: skip
        if len({axis for axis, _ in years}) == 1:
            return years
    return found


def lookup(view: TableView) -> TableResult | None:
    """The one cell the question asks for, or None when the table does not pin it down."""
    analysis = view.analysis
    allowed = _period_filter(view, analysis.years)
    if allowed is None:
        return None
    rows, cols = allowed
    by_period = len(rows) == 1 and len(view.rows) > 1  # the asked period picked the row
    rows, row_exact = view.best_rows(rows)
    row_exact = row_exact or by_period
    cols = view.best_cols(cols, _unit_for(analysis))
    if len(rows) != 1 or len(cols) != 1:
        return None
    r, c = rows[0], cols[0]
    cell = view.cell(r, c)
    counted = analysis.counted
    # What the numbers count is named by the caption, headers or row; a sentence before the
    # table ("… en het aantal knelpuntberoepen") may speak of something else.
    own = view.ctx_keys | view.row_keys[r] | view.col_keys[c]
    counts = 1.0 if counted is None or term_matches(counted.keys, own) else (
        0.9 if term_matches(counted.keys, view.intro_keys) else 0.8)
    return TableResult(
        kind="lookup", passage=view.passage, table=view.table, cells=[(r, c)],
        coverage=view.cell_coverage([(r, c)]), value=cell, answer=cell.text, label=view.label(r, c),
        missing=cell.missing, exact=row_exact,
        type_ok=_type_ok(analysis, cell if not cell.missing else Cell("0", 0.0, view._col_unit(c)))
        and (analysis.answer_type != AnswerType.DURATION or _in_time_units(view, r, c)),
        counts=counts,
    )  # fmt: skip


def superlative(view: TableView) -> TableResult | None:
    """The row (or, for 'in welk jaar', the column) with the highest or lowest value."""
    analysis = view.analysis
    allowed = _period_filter(view, analysis.years)
    if allowed is None:
        return None
    rows, cols = allowed
    pick = max if analysis.superlative == "max" else min
    if analysis.answer_type == AnswerType.YEAR and any(view.col_periods.values()) and not analysis.years:
        chosen, _ = view.best_rows(rows)
        if len(chosen) != 1:
            return None
        r = chosen[0]
        dated = [c for c in cols if view.col_periods[c] and view.cell(r, c).is_number]
        if len(dated) < 2:
            return None
        c = pick(dated, key=lambda k: view.cell(r, k).value or 0.0)
        return _superlative_result(view, r, c, view.table.header[c], [(r, k) for k in dated])
    unit = analysis.measure_unit or _unit_for(analysis)
    chosen_cols = view.best_cols(cols, unit or None)
    if len(chosen_cols) != 1:
        return None
    c = chosen_cols[0]
    items = [r for r in view.data_rows(rows) if view.cell(r, c).is_number]
    if len(items) < 2:
        return None
    values = [view.cell(r, c).value or 0.0 for r in items]
    best = pick(values)
    if values.count(best) > 1:
        return None
    r = items[values.index(best)]
    return _superlative_result(view, r, c, view.table.label(r), [(k, c) for k in items])


def _superlative_result(view: TableView, r: int, c: int, answer: str, scanned: list[tuple[int, int]]) -> TableResult:
    """The ranked item; its kind must be the kind asked ('welk land' and a 'Land' column)."""
    cell = view.cell(r, c)
    kind = view.analysis.asked_kind
    label_header = text_keys(" ".join(view.table.header[k] for k in view.table.label_columns))
    kind_ok = not kind or term_matches(kind, label_header | view.ctx_keys) or any(
        term_matches(kind, view.row_keys[k]) for k in view.rows)  # fmt: skip
    return TableResult(kind="superlative", passage=view.passage, table=view.table, cells=[(r, c)],
                       coverage=view.cell_coverage(scanned), value=cell, answer=answer,
                       label=view.label(r, c), type_ok=kind_ok)  # fmt: skip
