"""The desk's tables as CSV files (one per table, in a folder) or as one XLSX
workbook (one sheet per table, through openpyxl).

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and,
in some, a tab or carriage return) as a formula: a claim's quote from a
hostile page could run ``=HYPERLINK(...)`` on a reader's machine. Every text
cell that starts so is written with a leading apostrophe in CSV (the mark
spreadsheets read as "this is text", OWASP's advice) and as a string cell in
XLSX, never a formula. Numbers and dates stay numbers and dates.
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
from .tables import TABLES, Row, rows

#: What a spreadsheet reads as the start of a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_CELL = 32_767  # the most characters an Excel cell holds


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
    build_atomic(path, lambda temporary: _workbook(report, temporary, lang), shown)


def _workbook(report: Report, path: Path, lang: str | None) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

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
    if isinstance(value, bool):
        return int(value)
    if not isinstance(value, str):
        return value
    text = value[:MAX_CELL]
    cell = make(sheet, value=text)
    cell.data_type = "s"  # a string, whatever it starts with: never a formula
    return cell
