"""The desk's tables as pandas DataFrames, for a notebook.

pandas is an optional extra (``pip install 'factcheck[pandas]'``). Each column
gets the dtype its table declares: ``string`` for text, nullable ``Int64`` for
counts, ``float64`` for interval bounds (NaN where unbounded), ``boolean`` for
yes/no, ``datetime64`` for dates, which never share a column with numbers.
A table with a key (claims, findings, sources, articles, entities) is indexed
by it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from .tables import TABLES, rows

if TYPE_CHECKING:
    from ..engine.report import Report

_DTYPES = {"TEXT": "string", "INTEGER": "Int64", "REAL": "float64", "BOOL": "boolean"}


@dataclass(frozen=True, slots=True)
class Frames:
    """One DataFrame per table of ``factcheck export`` (docs/publishing.md)."""

    claims: Any
    findings: Any
    finding_claims: Any
    sources: Any
    articles: Any
    entities: Any
    edges: Any


def to_frames(report: Report, lang: str | None = None) -> Frames:
    """The report's tables as DataFrames, the findings' words in ``lang``."""
    try:
        import pandas as pd
    except ImportError as exc:
        raise UsageError(
            "DataFrames need pandas, an optional extra: pip install 'factcheck[pandas]'"
        ) from exc
    made = rows(report, lang)
    frames = {}
    for table in TABLES:
        body = list(made[table.name]())
        columns = list(zip(*body, strict=True)) if body else [()] * len(table.columns)
        data = {}
        for column, values in zip(table.columns, columns, strict=True):
            if column.type == "DATE":
                data[column.name] = pd.to_datetime(pd.Series(values, dtype="object"))
            else:
                data[column.name] = pd.Series(values, dtype=_DTYPES[column.type])
        frame = pd.DataFrame(data, columns=list(table.names))
        if table.key:
            frame = frame.set_index(table.key)
        frames[table.name] = frame
    return Frames(**frames)
