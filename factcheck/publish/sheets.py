"""The desk's tables as CSV files (one per table, in a folder) or as one XLSX
workbook (one sheet per table, through openpyxl).

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and,
in some, a tab or carriage return) as a formula: a claim's quote from a
hostile page could run ``=HYPERLINK(...)`` on a reader's machine. In CSV,
where every cell is text until the spreadsheet reads it, each text cell that
starts so is written with a leading apostrophe (the mark spreadsheets read as
"this is text", OWASP's advice). In XLSX a cell carries its type: every text
is written as a string cell, which no spreadsheet runs, and the one start
openpyxl would otherwise store as a formula (``=``) is typed as a string
explicitly. Numbers and dates stay numbers and dates.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..engine.report import Report
from ..errors import ExportError
from ..render.atomic import build_atomic, write_atomic
from .tables import TABLES, Row, rows, sizes

#: What a spreadsheet reads as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL = 32_767  # the most characters an Excel cell holds
MAX_ROWS = 1_048_576  # the most rows of an Excel sheet, its header included


def inert(value: Any) -> Any:
    """A text cell a spreadsheet will show, not run: ``'=1+1`` for ``=1+1``."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv_value(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return inert(value)


def write_csv(
    report: Report, folder: Path, lang: str | None = None, shown: Path | None = None
) -> list[Path]:
    """One CSV file per table in ``folder`` (made if need be), each written
    atomically; the paths written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ExportError(f"cannot write {shown or folder}: {exc.strerror or exc}") from exc
    if not folder.is_dir():
        raise ExportError(f"cannot write {shown or folder}: it is not a folder")
    made = rows(report, lang)
    written = []
    for table in TABLES:
        path = folder / f"{table.name}.csv"
        write_atomic(path, _csv_lines(table.names, made[table.name]()), path)
        written.append(path)
    return written


def _csv_lines(header: tuple[str, ...], body: Iterator[Row]) -> Iterator[str]:
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\n")
    out.writerow(header)
    yield buffer.getvalue()
    for row in body:
        buffer.seek(0)
        buffer.truncate()
        out.writerow([_csv_value(v) for v in row])
        yield buffer.getvalue()


def write_xlsx(
    report: Report, path: Path, lang: str | None = None, shown: Path | None = None
) -> None:
    """One sheet per table in a new workbook at ``path``, atomically."""
    build_atomic(path, lambda temporary: _workbook(report, temporary, lang, shown or path), shown)


def _workbook(report: Report, path: Path, lang: str | None, shown: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    for name, count in sizes(report).items():  # refused before a byte is written
        if count + 1 > MAX_ROWS:
            raise ExportError(
                f"cannot write {shown}: the {name} table has {count:,} rows, over the "
                f"{MAX_ROWS - 1:,} a spreadsheet holds; export it as sqlite or csv"
            )
    book = Workbook(write_only=True)  # streamed: memory stays flat on large desks
    made = rows(report, lang)
    bold = Font(bold=True)
    for table in TABLES:
        sheet = book.create_sheet(table.name)
        sheet.freeze_panes = "A2"
        header = []
        for name in table.names:
            cell = WriteOnlyCell(sheet, value=name)
            cell.font = bold
            header.append(cell)
        sheet.append(header)
        for row in made[table.name]():
            sheet.append([_xlsx_cell(sheet, v, WriteOnlyCell) for v in row])
    book.save(path)


def _xlsx_cell(sheet: Any, value: Any, make: Any) -> Any:
    """A value as openpyxl writes it: numbers, dates and most text as they are (a
    string cell is never run, whatever it starts with); text openpyxl would take
    for a formula (``=...``) as an explicit string cell; booleans as 1 and 0."""
    if isinstance(value, bool):
        return int(value)
    if not isinstance(value, str):
        return value
    if len(value) > MAX_CELL:
        value = value[:MAX_CELL]
    if not value.startswith("="):
        return value
    cell = make(sheet, value=value)
    cell.data_type = "s"
    return cell
