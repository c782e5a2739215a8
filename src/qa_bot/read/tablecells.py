"""Tables that come as cells, not as text: a CSV file, and the cell grids pdfplumber reads from
a PDF's drawn tables (continued over page breaks)."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

from qa_bot.read.tables import _total_rows, build_table
from qa_bot.types import Table


def table_from_csv(raw: str, caption: str = "", descriptions: dict[str, str] | None = None) -> Table | None:
    """A CSV file (comma or semicolon, decimal commas allowed) as one table."""
    sample = raw[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=";,\t")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ";" if sample.count(";") > sample.count(",") else ","
    rows = [r for r in csv.reader(io.StringIO(raw), delimiter=delimiter) if any(c.strip() for c in r)]
    if len(rows) < 2:
        return None
    return build_table(rows[:1], rows[1:], caption, (), None, descriptions, require_numbers=False)


def tables_from_cells(
    pages: list[list[list[list[str | None]]]],
) -> tuple[list[Table], dict[tuple[int, int], tuple[int, bool]]]:
    """Tables from PDF cell grids (one list of grids per page), continued over page breaks:
    a grid whose first row repeats the previous table's header continues that table.

    Returns the tables and, per ``(page index, grid index)``, the table it belongs to and
    whether the table starts there."""
    tables: list[Table] = []
    owners: dict[tuple[int, int], tuple[int, bool]] = {}
    previous_header: list[str] | None = None
    for number, grids in enumerate(pages):
        for index, grid in enumerate(grids):
            rows = [[(c or "").strip() for c in r] for r in grid if any((c or "").strip() for c in r)]
            if len(rows) < 2:
                continue
            header, body = rows[:1], rows[1:]
            if previous_header is not None and rows[0] == previous_header and tables:
                last = tables[-1]
                more = build_table(header, body, last.caption, (), last.page, require_numbers=False)
                if more is not None and len(more.header) == len(last.header):
                    merged = replace(last, rows=last.rows + more.rows)
                    tables[-1] = replace(merged, total_rows=tuple(_total_rows(merged)))
                    owners[(number, index)] = (len(tables) - 1, False)
                    continue
            table = build_table(header, body, "", (), number + 1, require_numbers=False)
            if table is not None:
                tables.append(table)
                owners[(number, index)] = (len(tables) - 1, True)
                previous_header = rows[0]
    return tables, owners
