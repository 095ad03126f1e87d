"""Parquet claims tables: the same rows as a CSV table, read by DuckDB.

A ``.parquet`` file under ``claims/`` holds claims as a CSV table does (its
columns are claim fields, and article fields where it holds articles); each
row becomes a located record, its row number as its line and its column's
place as its column, fetched in chunks so that a large table is never all in
memory as records. DuckDB is an optional dependency (``factcheck[duckdb]``):
without it, a Parquet table is a problem that says how to install it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from ..errors import Location, Problem
from .csvfile import MAX_FILE_BYTES
from .yamlfile import YMap

CHUNK = 50_000  # rows fetched at a time


def parquet_header(path: Path) -> list[str]:
    """The table's column names ([] when it cannot be read)."""
    try:
        import duckdb
    except ImportError:
        return []
    try:
        rows = (
            duckdb.connect()
            .execute("DESCRIBE SELECT * FROM read_parquet(?)", [str(path)])
            .fetchall()
        )
    except duckdb.Error:
        return []
    return [str(row[0]).strip() for row in rows]


def iter_parquet(path: Path, problems: list[Problem]) -> Iterator[YMap]:
    """Rows of a Parquet table as located records; its problems go to ``problems``."""
    name = str(path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        problems.append(
            Problem(
                Location(name, 1, 1),
                f"file is {size:,} bytes, over the limit of {MAX_FILE_BYTES:,} for a table",
                "split the table into several files",
            )
        )
        return
    try:
        import duckdb
    except ImportError:
        problems.append(
            Problem(
                Location(name, 1, 1),
                "reading a Parquet table needs DuckDB",
                "pip install 'factcheck[duckdb]', or save the table as CSV",
            )
        )
        return
    connection = duckdb.connect()
    connection.execute("SET enable_progress_bar = false")
    try:
        columns = [
            str(row[0]).strip()
            for row in connection.execute(
                "DESCRIBE SELECT * FROM read_parquet(?)", [name]
            ).fetchall()
        ]
        cursor = connection.execute(
            "SELECT " + ", ".join(f'CAST("{_quoted(c)}" AS VARCHAR)' for c in columns)
            + " FROM read_parquet(?)",
            [name],
        )  # fmt: skip
    except duckdb.Error as exc:
        problems.append(Problem(Location(name, 1, 1), f"not a readable Parquet table: {exc}"))
        return
    line = 0
    while True:
        chunk = cursor.fetchmany(CHUNK)
        if not chunk:
            break
        for cells in chunk:
            line += 1
            row = YMap()
            row.path, row.line, row.col = name, line, 1
            for index, (column, cell) in enumerate(zip(columns, cells, strict=True)):
                value = cell.strip() if isinstance(cell, str) else ""
                if not column or not value:
                    continue
                row[column] = value
                row.positions[column] = (line, index + 1)
            if row:
                yield row
    connection.close()


def _quoted(column: str) -> str:
    """A column name inside double quotes, its own double quotes doubled."""
    return column.replace('"', '""')
