"""The desk as an SQLite database, with the metadata Datasette shows.

Written with the standard library's ``sqlite3``: one transaction, rows
streamed from ``tables.rows`` through ``executemany``, indexes made after the
rows are in (cheaper than keeping them up to date row by row). Foreign keys
tie finding_claims to findings and claims, claims to articles and entities,
articles to sources. Quotes, notes and verdicts are searchable (FTS5, in the
layout Datasette and sqlite-utils recognise: ``claims_fts``).

``write_metadata`` writes the ``metadata.json`` Datasette reads with ``-m``:
table descriptions, column descriptions and labels, facets, full-text search.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..engine.report import Report
from ..render.atomic import build_atomic, write_atomic
from .tables import TABLES, Row, Table, rows

_SQL_TYPES = {
    "TEXT": "TEXT",
    "INTEGER": "INTEGER",
    "REAL": "REAL",
    "DATE": "TEXT",
    "BOOL": "INTEGER",
}


def write_sqlite(
    report: Report, path: Path, lang: str | None = None, shown: Path | None = None
) -> None:
    """Write the desk's tables to a new SQLite database at ``path``, atomically."""
    build_atomic(path, lambda temporary: _build(report, temporary, lang), shown)


def _build(report: Report, path: Path, lang: str | None) -> None:
    made = rows(report, lang)
    db = sqlite3.connect(path, isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode = OFF")  # a new file, renamed into place when whole
        db.execute("PRAGMA synchronous = OFF")
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("BEGIN")
        for table in TABLES:
            db.execute(_create(table))
            marks = ", ".join("?" * len(table.columns))
            dated = [n for n, c in enumerate(table.columns) if c.type == "DATE"]
            body = made[table.name]()
            db.executemany(
                f"INSERT INTO [{table.name}] VALUES ({marks})",
                _iso_dates(body, dated) if dated else body,
            )
        for table in TABLES:
            indexed = [c.name for c in table.columns if c.refers]
            indexed += [c for c in table.facets if c not in indexed]
            for column in indexed:
                db.execute(
                    f"CREATE INDEX [idx_{table.name}_{column}] ON [{table.name}] ([{column}])"
                )
            if table.searchable:
                names = ", ".join(f"[{c}]" for c in table.searchable)
                db.execute(
                    f"CREATE VIRTUAL TABLE [{table.name}_fts] USING FTS5 ({names}, "
                    f"content=[{table.name}])"
                )
                db.execute(
                    f"INSERT INTO [{table.name}_fts] ([{table.name}_fts]) VALUES ('rebuild')"
                )
        problems = db.execute("PRAGMA foreign_key_check").fetchall()
        if problems:  # a bug of ours: every id the desk names was checked on load
            raise AssertionError(f"the database's foreign keys do not hold: {problems[:3]}")
        db.execute("COMMIT")
    finally:
        db.close()


def _create(table: Table) -> str:
    columns = []
    for column in table.columns:
        text = f"[{column.name}] {_SQL_TYPES[column.type]}"
        if column.name == table.key:
            text += " PRIMARY KEY"
        columns.append(text)
    for column in table.columns:
        if column.refers:
            other, key = column.refers.split(".")
            columns.append(f"FOREIGN KEY ([{column.name}]) REFERENCES [{other}]([{key}])")
    return f"CREATE TABLE [{table.name}] ({', '.join(columns)})"


def _iso_dates(body: Iterator[Row], dated: list[int]) -> Iterator[Row]:
    """Rows with their date columns as ISO text (SQLite has no date type)."""
    for row in body:
        cells = list(row)
        for n in dated:
            if cells[n] is not None:
                cells[n] = cells[n].isoformat()
        yield tuple(cells)


def metadata(database: str, title: str) -> dict[str, Any]:
    """Datasette's metadata for a database named ``database`` (its file's stem)."""
    tables: dict[str, Any] = {}
    for table in TABLES:
        entry: dict[str, Any] = {
            "description": table.description,
            "columns": {c.name: f"{c.label}: {c.description}" for c in table.columns},
        }
        if table.facets:
            entry["facets"] = list(table.facets)
        if table.key:
            entry["label_column"] = "name" if "name" in table.names else table.key
        if table.searchable:
            entry["fts_table"] = f"{table.name}_fts"
        tables[table.name] = entry
        if table.searchable:
            tables[f"{table.name}_fts"] = {"hidden": True}
    return {
        "title": title,
        "description": "What factcheck found on a desk: claims, findings and who said what.",
        "databases": {database: {"tables": tables}},
    }


def write_metadata(path: Path, database: Path, title: str) -> None:
    """``metadata.json`` for Datasette (``datasette DB -m PATH``), atomically."""
    data = metadata(database.stem, title)
    write_atomic(path, json.dumps(data, indent=2, ensure_ascii=False) + "\n")
