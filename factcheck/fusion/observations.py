"""Claims as arrays for fusion: one entry per claim (its source and its value), one
per distinct value of an item (the item it belongs to), one per item.

Two ways in:

- ``read_table(path)``: a bare claims table (CSV with the columns ``source,
  subject, metric, value`` and optionally ``period, unit, quote``), each
  metric's value type inferred from its values: times of day (``13:55``, read
  to the minute), numbers (``4.2e9``, ``1,583``, with an optional unit column),
  or else words (compared without case).
- ``from_desk(report)``: a reconciled desk's claims, each counted for its
  independent origin (the provenance graph already says who relays whom, so a
  relay adds no vote), on its scope; values that overlap within the desk's
  hedges and tolerances are one value.

Values of one item are grouped into the same value when they are equal, or,
with a ``tolerance`` (minutes for times, a fraction for numbers), when they lie
within it of the group's first (smallest) value.
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import DeskError, Location, Problem

if TYPE_CHECKING:
    from ..engine.report import Report

#: The largest claims table ``fuse`` reads, and the most rows.
MAX_TABLE_BYTES = 2**31  # 2 GiB: a month of the Flight data is about 110 MB
MAX_ROWS = 50_000_000
REQUIRED = ("source", "subject", "metric", "value")
OPTIONAL = ("period", "unit", "quote")
_TIME = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")
_NUMBER = re.compile(r"[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][-+]?\d+)?")

Item = tuple[str, str, str]  # subject, metric, period


@dataclass(frozen=True, slots=True)
class Observations:
    """Claims as arrays: ``claim_source[i]`` and ``claim_value[i]`` for claim ``i``;
    ``value_item[v]`` and ``shown[v]`` for value ``v``; ``items[k]`` for item ``k``."""

    sources: tuple[str, ...]
    items: tuple[Item, ...]
    shown: tuple[str, ...]  # each value as a reader writes it
    value_item: Any  # numpy int array, one per value
    claim_source: Any  # numpy int array, one per claim
    claim_value: Any  # numpy int array, one per claim
    kinds: dict[str, str]  # metric -> time | number | words | interval

    @property
    def claims(self) -> int:
        return len(self.claim_source)


def read_table(path: Path | str, tolerance: float = 0.0) -> Observations:
    """A claims table read and typed; its bad rows are a ``DeskError`` listing each
    as ``file:line``."""
    path = Path(path)
    problems: list[Problem] = []
    try:
        size = path.stat().st_size
        if size > MAX_TABLE_BYTES:
            raise DeskError(
                [
                    Problem(
                        Location(str(path)),
                        f"the table is {size:,} bytes, over the limit of {MAX_TABLE_BYTES:,}",
                    )
                ]
            )
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DeskError(
            [Problem(Location(str(path), 1, 1), "the table is not UTF-8", "save it as UTF-8")]
        ) from exc
    except OSError as exc:
        raise DeskError(
            [Problem(Location(str(path)), f"cannot read this table: {exc.strerror or exc}")]
        ) from exc
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, None)
    if header is None:
        raise DeskError(
            [
                Problem(
                    Location(str(path), 1, 1),
                    "the table is empty",
                    "write a header: " + ",".join(REQUIRED),
                )
            ]
        )
    names = [h.strip().lower() for h in header]
    missing = [c for c in REQUIRED if c not in names]
    unknown = [c for c in names if c not in (*REQUIRED, *OPTIONAL)]
    for column in missing:
        problems.append(
            Problem(
                Location(str(path), 1, 1),
                f"the table has no '{column}' column",
                "columns: " + ", ".join((*REQUIRED, *OPTIONAL)),
            )
        )
    for column in unknown:
        problems.append(
            Problem(
                Location(str(path), 1, names.index(column) + 1),
                f"unknown column '{column}'",
                "columns: " + ", ".join((*REQUIRED, *OPTIONAL)),
            )
        )
    if problems:
        raise DeskError(problems)
    at = {name: names.index(name) for name in names}
    rows: list[tuple[str, str, str, str, str]] = []
    for line, row in enumerate(reader, 2):
        if not any(cell.strip() for cell in row):
            continue
        if len(rows) >= MAX_ROWS:
            problems.append(
                Problem(
                    Location(str(path), line, 1), f"over {MAX_ROWS:,} rows; the rest is not read"
                )
            )
            break
        if len(row) != len(names):
            problems.append(
                Problem(
                    Location(str(path), line, 1),
                    f"the row has {len(row)} cells, the header {len(names)}",
                )
            )
            continue
        cells = {name: row[at[name]].strip() for name in names}
        empty = [c for c in REQUIRED if not cells[c]]
        if empty:
            problems.append(
                Problem(Location(str(path), line, at[empty[0]] + 1), f"no {empty[0]} in this row")
            )
            continue
        value = cells["value"] + (f" {cells['unit']}" if cells.get("unit") else "")
        rows.append(
            (cells["source"], cells["subject"], cells["metric"], cells.get("period", ""), value)
        )
    if problems:
        raise DeskError(problems)
    return from_rows(rows, tolerance)


def _time(text: str) -> int | None:
    match = _TIME.fullmatch(text.strip())
    return int(match.group(1)) * 60 + int(match.group(2)) if match else None


def _number(text: str) -> float | None:
    head = text.strip().split(" ")[0]
    if not _NUMBER.fullmatch(head):
        return None
    value = float(head.replace(",", ""))
    return value if math.isfinite(value) else None


def kind_of(values: Iterable[str]) -> str:
    """The value type of a metric from its values: ``time`` when every value is a
    time of day, ``number`` when every one is a number (with the same unit, if
    any), else ``words``."""
    seen = list(values)
    if seen and all(_time(v) is not None for v in seen):
        return "time"
    units = {v.strip().partition(" ")[2] for v in seen}
    if seen and len(units) == 1 and all(_number(v) is not None for v in seen):
        return "number"
    return "words"


def from_rows(
    rows: Sequence[tuple[str, str, str, str, str]], tolerance: float = 0.0
) -> Observations:
    """Observations from (source, subject, metric, period, value) rows; a source's
    second value for one item is kept (it counts for that value too)."""
    by_metric: dict[str, set[str]] = {}
    for _s, _subject, metric, _p, value in rows:
        by_metric.setdefault(metric, set()).add(value)
    kinds = {metric: kind_of(values) for metric, values in by_metric.items()}
    keys: list[tuple[int, int, Any, str]] = []  # (source, item, key, shown)
    sources: dict[str, int] = {}
    items: dict[Item, int] = {}
    for source, subject, metric, period, value in rows:
        s = sources.setdefault(source, len(sources))
        k = items.setdefault((subject, metric, period), len(items))
        kind = kinds[metric]
        if kind == "time":
            minutes = _time(value)
            assert minutes is not None
            keys.append((s, k, minutes, f"{minutes // 60:02d}:{minutes % 60:02d}"))
        elif kind == "number":
            number = _number(value)
            assert number is not None
            keys.append((s, k, number, value.strip()))
        else:
            keys.append((s, k, value.strip().casefold(), value.strip()))
    return _grouped(tuple(sources), tuple(items), keys, kinds, tolerance)


def _grouped(
    sources: tuple[str, ...],
    items: tuple[Item, ...],
    keys: list[tuple[int, int, Any, str]],
    kinds: dict[str, str],
    tolerance: float,
) -> Observations:
    """Claims' keys grouped into values per item: equal keys, or keys within
    ``tolerance`` of the group's first (for times, minutes; for numbers, a fraction)."""
    order = sorted(range(len(keys)), key=lambda i: (keys[i][1], _sortable(keys[i][2])))
    claim_value = np.empty(len(keys), dtype=np.int64)
    value_item: list[int] = []
    shown: list[str] = []
    first: Any = None
    current_item = -1
    for i in order:
        _s, k, key, text = keys[i]
        kind = kinds.get(items[k][1], "words")
        same = k == current_item and (
            key == first
            or (tolerance and kind in ("time", "number") and _near(first, key, kind, tolerance))
        )
        if not same:
            value_item.append(k)
            shown.append(text)
            first, current_item = key, k
        claim_value[i] = len(value_item) - 1
    return Observations(
        sources=sources,
        items=items,
        shown=tuple(shown),
        value_item=np.asarray(value_item, dtype=np.int64),
        claim_source=np.asarray([k[0] for k in keys], dtype=np.int64),
        claim_value=claim_value,
        kinds=kinds,
    )


def _sortable(key: Any) -> tuple[int, Any]:
    return (0, key) if isinstance(key, int | float) else (1, str(key))


def _near(first: Any, key: Any, kind: str, tolerance: float) -> bool:
    if not isinstance(first, int | float) or not isinstance(key, int | float):
        return False
    if kind == "time":
        return abs(key - first) <= tolerance
    return abs(key - first) <= tolerance * max(abs(first), abs(key))


def from_desk(report: Report) -> Observations:
    """A reconciled desk's claims, each for its independent origin(s) joined, on its
    scope; values of a scope whose intervals overlap are one value."""
    from ..values.amounts import Amount, Category, DateValue

    keys: list[tuple[int, int, Any, str]] = []
    sources: dict[str, int] = {}
    items: dict[Item, int] = {}
    kinds: dict[str, str] = {}
    spans: dict[int, list[tuple[float, float, int]]] = {}
    for claim in report.desk.claims:
        origin = " + ".join(report.origins.get(claim.id, ())) or claim.source
        s = sources.setdefault(origin, len(sources))
        scope = "/".join(
            p
            for p in (claim.period.text if claim.period else "", *claim.product, claim.counterparty)
            if p
        )
        k = items.setdefault((claim.subject, claim.metric, scope), len(items))
        value = claim.value
        if isinstance(value, Category):
            kinds[claim.metric] = "words"
            keys.append((s, k, value.word.casefold(), value.word))
        elif isinstance(value, Amount | DateValue):
            kinds[claim.metric] = "interval"
            spans.setdefault(k, []).append((value.interval.lo, value.interval.hi, len(keys)))
            keys.append((s, k, None, value.text))
    for found in spans.values():  # overlapping intervals are one value
        found.sort()
        group_hi = -math.inf
        label = ""
        for lo, hi, index in found:
            if lo > group_hi:
                label, group_hi = keys[index][3], hi
            else:
                group_hi = min(group_hi, hi) if hi >= lo else group_hi
            s, item, _key, text = keys[index]
            keys[index] = (s, item, label, text)
    return _grouped(tuple(sources), tuple(items), keys, kinds, 0.0)
