"""Publishing what a desk found, beyond the report: the report as tables (for
SQLite and Datasette, CSV, spreadsheets and pandas), ClaimReview for the
desk's verdicts, and what changed between two reports.

``tables.py`` turns a reconciled desk into rows, once; ``database.py``,
``sheets.py`` and ``frames.py`` write those rows; ``claimreview.py`` writes
schema.org JSON-LD; ``changes.py`` compares two JSON reports. This layer sits
above ``render`` (it takes the words of findings from there) and below the
command line.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..suggest import did_you_mean

if TYPE_CHECKING:
    from ..engine.report import Report

#: What ``factcheck export`` writes: a database file, a folder of CSV files, a
#: workbook, a JSON-LD file.
EXPORT_FORMATS = ("sqlite", "csv", "xlsx", "claimreview")


def export(
    report: Report,
    format: str,
    path: Path | str,
    lang: str | None = None,
    shown: Path | None = None,
) -> list[Path]:
    """Write ``report`` as ``format`` at ``path`` (for ``csv``, a folder of one file
    per table), atomically; the files written. ``sqlite`` also writes Datasette's
    metadata beside the database (``desk.metadata.json`` for ``desk.db``)."""
    path = Path(path)
    if format not in EXPORT_FORMATS:
        hint = did_you_mean(format, EXPORT_FORMATS, "formats: " + ", ".join(EXPORT_FORMATS))
        raise UsageError(f"unknown export format '{format}'; {hint}")
    if format == "sqlite":
        from .database import write_metadata, write_sqlite

        write_sqlite(report, path, lang, shown)
        meta = metadata_path(path)
        write_metadata(meta, path, f"factcheck: {report.desk.root.name}")
        return [path, meta]
    if format == "csv":
        from .sheets import write_csv

        return write_csv(report, path, lang, shown)
    if format == "xlsx":
        from .sheets import write_xlsx

        write_xlsx(report, path, lang, shown)
        return [path]
    from ..render.atomic import write_atomic
    from .claimreview import render_claimreview

    write_atomic(path, render_claimreview(report), shown)
    return [path]


def metadata_path(database: Path) -> Path:
    """Where Datasette's metadata for ``database`` goes: ``desk.metadata.json``
    beside ``desk.db``."""
    return database.with_name(database.stem + ".metadata.json")
