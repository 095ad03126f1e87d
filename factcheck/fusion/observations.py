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
import math
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..errors import DeskError, Location, Problem, Problems, UsageError, ValueSyntaxError

if TYPE_CHECKING:
    from ..desk.model import Claim, Desk
    from ..engine.report import Report

#: The largest claims table ``fuse`` reads, and the most rows.
MAX_TABLE_BYTES = 2**31  # 2 GiB: a month of the Flight data is 172 MB of CSV
MAX_ROWS = 50_000_000
DUCKDB_MEMORY = "1GB"  # what DuckDB may hold while it numbers a Parquet table's claims
REQUIRED = ("source", "subject", "metric", "value")
OPTIONAL = ("period", "unit", "quote")
_TIME = re.compile(r"([01]?\d|2[0-3]):([0-5]\d)")
_NUMBER = re.compile(r"[-+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?([eE][-+]?\d+)?")

Item = tuple[str, str, str]  # subject, metric, period
Row = tuple[str, str, str, str, str]  # source, subject, metric, period, value
Entry = tuple[str, Item, Any, str]  # source, item, the value's key, the value as shown


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
    magnitude: Any = None  # per value: minutes of a time, a number's value; NaN otherwise

    @property
    def claims(self) -> int:
        return len(self.claim_source)


def read_table(path: Path | str, tolerance: float = 0.0, world: Desk | None = None) -> Observations:
    """A claims table read and typed: a CSV file streamed twice (once to check it and
    learn each metric's value type, once to build the arrays), so that it never
    stands whole in memory; a ``.parquet`` file through DuckDB. Its problems are a
    ``DeskError`` listing each as ``file:line:col``; its size is limited to
    ``MAX_TABLE_BYTES`` either way."""
    path = Path(path)
    where = str(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DeskError(
            [Problem(Location(where), f"cannot read this table: {exc.strerror or exc}")]
        ) from exc
    if size > MAX_TABLE_BYTES:
        raise DeskError(
            [
                Problem(
                    Location(where),
                    f"the table is {size:,} bytes, over the limit of {MAX_TABLE_BYTES:,}",
                )
            ]
        )
    if path.suffix.lower() == ".parquet":
        return _read_parquet(path, tolerance, _WorldValues(world))
    problems = Problems()
    by_metric: dict[str, set[str]] = {}
    typed = _WorldValues(world)
    for _s, _subject, metric, _p, value in _table_rows(path, problems, typed):
        by_metric.setdefault(metric, set()).add(value)
    if problems:
        raise DeskError(problems)
    kinds = {metric: typed.kind(metric) or kind_of(values) for metric, values in by_metric.items()}
    return _build(_table_rows(path, None), kinds, tolerance, typed)


def _read_parquet(path: Path, tolerance: float, typed: _WorldValues) -> Observations:
    """A Parquet claims table, read by DuckDB (an optional dependency): the columns
    checked, every claim given its source, item and value ids in SQL, in the order
    the rows first name them (as the CSV reader does), and each distinct value text
    typed once in Python. A row's problems are located by its row number."""
    try:
        import duckdb
    except ImportError as exc:
        raise UsageError(
            "reading Parquet needs DuckDB, an optional extra: pip install 'factcheck[duckdb]'"
        ) from exc
    where = str(path)
    connection = duckdb.connect()
    connection.execute("SET enable_progress_bar = false")  # the command line has its own
    connection.execute(f"SET memory_limit = '{DUCKDB_MEMORY}'")  # beyond it, DuckDB spills
    try:
        connection.execute(
            "CREATE TABLE raw AS SELECT row_number() OVER () AS row, * FROM read_parquet(?)",
            [where],
        )
    except duckdb.Error as exc:
        raise DeskError(
            [Problem(Location(where), f"cannot read this Parquet table: {exc}")]
        ) from exc
    names = [row[0].lower() for row in connection.execute("DESCRIBE raw").fetchall()][1:]
    columns = ", ".join((*REQUIRED, *OPTIONAL))
    problems = Problems()
    for column in REQUIRED:
        if column not in names:
            problems.append(
                Problem(
                    Location(where), f"the table has no '{column}' column", "columns: " + columns
                )
            )
    for column in names:
        if column not in (*REQUIRED, *OPTIONAL):
            problems.append(
                Problem(Location(where), f"unknown column '{column}'", "columns: " + columns)
            )
    if problems:
        raise DeskError(problems)

    def text(column: str) -> str:
        return f"trim(CAST({column} AS VARCHAR))"

    value = text("value") + (
        f" || coalesce(' ' || nullif({text('unit')}, ''), '')" if "unit" in names else ""
    )
    period = text("period") if "period" in names else "''"
    connection.execute(
        f"CREATE TABLE t AS SELECT row, {text('source')} AS source, {text('subject')} AS subject, "
        f"{text('metric')} AS metric, coalesce({period}, '') AS period, {value} AS value FROM raw"
    )
    for row, column in connection.execute(
        "SELECT row, CASE WHEN coalesce(source, '') = '' THEN 'source' "
        "WHEN coalesce(subject, '') = '' THEN 'subject' WHEN coalesce(metric, '') = '' "
        "THEN 'metric' ELSE 'value' END FROM t WHERE coalesce(source, '') = '' OR "
        "coalesce(subject, '') = '' OR coalesce(metric, '') = '' OR coalesce(value, '') = '' "
        "ORDER BY row LIMIT 201"
    ).fetchall():
        problems.append(Problem(Location(where, int(row)), f"no {column} in row {row}"))
    distinct = connection.execute("SELECT DISTINCT metric, value FROM t").fetchall()
    by_metric: dict[str, list[str]] = {}
    for metric, written in distinct:
        by_metric.setdefault(metric, []).append(written)
    kinds = {m: typed.kind(m) or kind_of(values) for m, values in by_metric.items()}
    keyed: dict[str, tuple[Any, str]] = {}
    codes: list[tuple[str, str, str, str]] = []  # metric, text, key code, shown
    for metric, written in distinct:
        if typed.kind(metric):
            found = typed.value(metric, written)
            if isinstance(found, ValueSyntaxError):
                (row,) = connection.execute(
                    "SELECT min(row) FROM t WHERE metric = ? AND value = ?", [metric, written]
                ).fetchall()[0]
                problems.append(
                    Problem(Location(where, int(row)), f"{metric}: {found.message}", found.hint)
                )
                continue
        pair = _keyed(metric, written, kinds, typed)
        code = repr(pair[0])
        keyed[code] = pair
        codes.append((metric, written, code, pair[1]))
    if problems:
        raise DeskError(problems)
    connection.register(
        "keys",
        {
            name: np.asarray([c[n] for c in codes], dtype=object)
            for n, name in enumerate(("metric", "value", "code", "shown"))
        },
    )
    connection.execute(
        """
        CREATE TABLE ided AS
        WITH j AS (SELECT t.row, t.source, t.subject, t.metric, t.period, k.code, k.shown
                   FROM t JOIN keys k ON k.metric = t.metric AND k.value = t.value),
        f AS (SELECT *, min(row) OVER (PARTITION BY source) AS fs,
                        min(row) OVER (PARTITION BY subject, metric, period) AS fi,
                        min(row) OVER (PARTITION BY subject, metric, period, code) AS fv FROM j)
        SELECT row, source, subject, metric, period, code, shown,
               dense_rank() OVER (ORDER BY fs) - 1 AS s, dense_rank() OVER (ORDER BY fi) - 1 AS k,
               dense_rank() OVER (ORDER BY fv) - 1 AS v
        FROM f
        """
    )
    ids: Any = connection.execute("SELECT s, k, v FROM ided ORDER BY row").fetchnumpy()
    named = connection.execute(
        "SELECT s, any_value(source) FROM ided GROUP BY s ORDER BY s"
    ).fetchall()
    items = connection.execute(
        "SELECT k, any_value(subject), any_value(metric), any_value(period) FROM ided "
        "GROUP BY k ORDER BY k"
    ).fetchall()
    values = connection.execute(
        "SELECT v, any_value(k), any_value(code), arg_min(shown, row) FROM ided "
        "GROUP BY v ORDER BY v"
    ).fetchall()
    connection.close()
    obs = Observations(
        sources=tuple(str(row[1]) for row in named),
        items=tuple((str(a), str(b), str(c)) for _k, a, b, c in items),
        shown=tuple(str(row[3]) for row in values),
        value_item=np.asarray([int(row[1]) for row in values], dtype=np.int64),
        claim_source=np.asarray(ids["s"], dtype=np.int64),
        claim_value=np.asarray(ids["v"], dtype=np.int64),
        kinds=kinds,
    )
    keys = [(int(k), keyed[str(code)][0]) for _v, k, code, _shown in values]
    return _merged(obs, keys, tolerance)


class _WorldValues:
    """Values read by a desk world's metrics (amounts with units and hedges, dates,
    categories), each distinct text once; metrics the world does not declare are
    typed from their values."""

    def __init__(self, world: Desk | None) -> None:
        self.world = world
        self.read: dict[tuple[str, str], Any] = {}

    def kind(self, metric: str) -> str:
        if self.world is None or metric not in self.world.metrics:
            return ""
        return "words" if self.world.metrics[metric].type == "category" else "interval"

    def value(self, metric: str, text: str) -> Any:
        """The value, or the ``ValueSyntaxError`` that says why it cannot be read."""
        from ..desk.claims import typed_value

        found = self.read.get((metric, text))
        if found is None:
            assert self.world is not None
            try:
                found = typed_value(
                    text, self.world.metrics[metric], self.world.units, self.world.policy
                )
            except ValueSyntaxError as exc:
                found = exc
            self.read[(metric, text)] = found
        return found


def _table_rows(
    path: Path, problems: Problems | None, typed: _WorldValues | None = None
) -> Iterator[Row]:
    """The table's rows as (source, subject, metric, period, value); each problem
    goes to ``problems`` (None: the table was checked already)."""
    where = str(path)
    columns = ", ".join((*REQUIRED, *OPTIONAL))

    def report(line: int, col: int, message: str, hint: str = "") -> None:
        if problems is not None:
            problems.append(Problem(Location(where, line, col), message, hint))

    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header is None:
                report(1, 1, "the table is empty", "write a header: " + ",".join(REQUIRED))
                return
            names = [h.strip().lower() for h in header]
            for column in REQUIRED:
                if column not in names:
                    report(1, 1, f"the table has no '{column}' column", "columns: " + columns)
            for number, column in enumerate(names, 1):
                if column not in (*REQUIRED, *OPTIONAL):
                    report(1, number, f"unknown column '{column}'", "columns: " + columns)
            if any(c not in names for c in REQUIRED) or problems:
                return
            at = {name: names.index(name) for name in names}
            unit = at.get("unit")
            period = at.get("period")
            count = 0
            for row in reader:
                line = reader.line_num
                if not any(cell.strip() for cell in row):
                    continue
                count += 1
                if count > MAX_ROWS:
                    report(line, 1, f"over {MAX_ROWS:,} rows; the rest is not read")
                    return
                if len(row) != len(names):
                    report(line, 1, f"the row has {len(row)} cells, the header {len(names)}")
                    continue
                cells = [row[at[c]].strip() for c in REQUIRED]
                empty = next((c for c, cell in zip(REQUIRED, cells, strict=True) if not cell), "")
                if empty:
                    report(line, at[empty] + 1, f"no {empty} in this row")
                    continue
                value = cells[3]
                if unit is not None and row[unit].strip():
                    value += " " + row[unit].strip()
                when = row[period].strip() if period is not None else ""
                if typed is not None and typed.kind(cells[2]):
                    found = typed.value(cells[2], value)
                    if isinstance(found, ValueSyntaxError):
                        report(line, at["value"] + 1, f"{cells[2]}: {found.message}", found.hint)
                        continue
                yield cells[0], cells[1], cells[2], when, value
    except UnicodeDecodeError:
        report(0, 0, "the table is not UTF-8", "save it as UTF-8")
    except OSError as exc:
        report(0, 0, f"cannot read this table: {exc.strerror or exc}")
    except csv.Error as exc:
        report(0, 0, f"not a CSV table: {exc}")


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


def from_rows(rows: Sequence[Row], tolerance: float = 0.0) -> Observations:
    """Observations from (source, subject, metric, period, value) rows; a source's
    second value for one item is kept (it counts for that value too)."""
    by_metric: dict[str, set[str]] = {}
    for _s, _subject, metric, _p, value in rows:
        by_metric.setdefault(metric, set()).add(value)
    kinds = {metric: kind_of(values) for metric, values in by_metric.items()}
    return _build(iter(rows), kinds, tolerance)


def _build(
    rows: Iterable[Row],
    kinds: dict[str, str],
    tolerance: float,
    typed: _WorldValues | None = None,
) -> Observations:
    """Rows read: each value keyed (a time's minutes, a number, a word, a
    world-typed value's interval), each distinct text read once."""
    read: dict[tuple[str, str], tuple[Any, str]] = {}

    def entries() -> Iterator[Entry]:
        for source, subject, metric, period, text in rows:
            found = read.get((metric, text))
            if found is None:
                found = read[(metric, text)] = _keyed(metric, text, kinds, typed)
            yield source, (subject, metric, period), found[0], found[1]

    return _assemble(entries(), kinds, tolerance)


def _assemble(entries: Iterable[Entry], kinds: dict[str, str], tolerance: float) -> Observations:
    """Observations from (source, item, key, shown) entries: equal keys of one item
    are one value, and so are keys within ``tolerance`` (times, numbers) or whose
    intervals overlap (a tuple key: the bounds of a desk-typed value)."""
    sources: dict[str, int] = {}
    items: dict[Item, int] = {}
    values: dict[tuple[int, Any], int] = {}
    shown: list[str] = []
    value_item: list[int] = []
    claim_source: list[int] = []
    claim_value: list[int] = []
    for source, item, key, written in entries:
        s = sources.get(source)
        if s is None:
            s = sources[source] = len(sources)
        k = items.get(item)
        if k is None:
            k = items[item] = len(items)
        v = values.get((k, key))
        if v is None:
            v = values[(k, key)] = len(shown)
            shown.append(written)
            value_item.append(k)
        claim_source.append(s)
        claim_value.append(v)
    obs = Observations(
        sources=tuple(sources),
        items=tuple(items),
        shown=tuple(shown),
        value_item=np.asarray(value_item, dtype=np.int64),
        claim_source=np.asarray(claim_source, dtype=np.int64),
        claim_value=np.asarray(claim_value, dtype=np.int64),
        kinds=kinds,
    )
    keys = [key for key, _v in sorted(values.items(), key=lambda x: x[1])]
    return _merged(obs, keys, tolerance)


def _merged(obs: Observations, keys: list[tuple[int, Any]], tolerance: float) -> Observations:
    """``obs`` (whose value ``v`` is ``keys[v]``, an (item, key)) with the values
    within ``tolerance`` or whose intervals overlap made one, and each value's
    magnitude (minutes of a time, a number's value; NaN for words and intervals),
    which similarity between values reads."""
    merged = _overlapping(keys, _within(obs, keys, tolerance))
    if not np.array_equal(merged, np.arange(len(keys))):
        obs = _renumbered(obs, merged)
        keys = [keys[v] for v in np.unique(merged)]
    magnitude = np.array(
        [
            float(key) if isinstance(key, int | float) and not isinstance(key, bool) else np.nan
            for _item, key in keys
        ],
        dtype=float,
    )
    return replace(obs, magnitude=magnitude)


def _overlapping(keys: list[tuple[int, Any]], merged: Any) -> Any:
    """``merged`` with the world-typed values of one item whose intervals overlap
    made one value (the first, by low bound, names it), as on a desk."""
    order = sorted(
        (v for v, (_item, key) in enumerate(keys) if isinstance(key, tuple)),
        key=lambda v: (keys[v][0], keys[v][1]),
    )
    current, first, high = -1, -1, -math.inf
    for v in order:
        item, (lo, hi) = keys[v]
        if item == current and lo <= high:
            merged[v] = first
            high = min(high, hi)
        else:
            current, first, high = item, v, hi
    return merged


def _time_key(text: str) -> tuple[Any, str]:
    minutes = _time(text)
    assert minutes is not None
    return minutes, f"{minutes // 60:02d}:{minutes % 60:02d}"


def _number_key(text: str) -> tuple[Any, str]:
    return _number(text), text.strip()


def _words_key(text: str) -> tuple[Any, str]:
    return text.strip().casefold(), text.strip()


def _keyed(
    metric: str, text: str, kinds: dict[str, str], typed: _WorldValues | None
) -> tuple[Any, str]:
    """A value's key and the value as shown: read by the world where it declares the
    metric (a category's word, or an interval's bounds), else by the metric's kind."""
    if typed is not None and typed.kind(metric):
        value = typed.value(metric, text)
        key = value.word if kinds[metric] == "words" else (value.interval.lo, value.interval.hi)
        return key, text.strip()
    readers = {"time": _time_key, "number": _number_key, "words": _words_key}
    key_and_text: tuple[Any, str] = readers[kinds[metric]](text)
    return key_and_text


def _within(obs: Observations, keys: list[tuple[int, Any]], tolerance: float) -> Any:
    """Which value each value is merged into: values of one item within
    ``tolerance`` of their group's first (smallest) one are one value (times:
    minutes; numbers: a fraction); ``keys[v]`` is value ``v``'s (item, key)."""
    merged = np.arange(len(keys))
    if not tolerance:
        return merged
    order = sorted(range(len(keys)), key=lambda v: (keys[v][0], _sortable(keys[v][1])))
    first_key: Any = None
    first = current = -1
    for v in order:
        item, key = keys[v]
        kind = obs.kinds.get(obs.items[item][1], "words")
        if (
            item == current
            and kind in ("time", "number")
            and _near(first_key, key, kind, tolerance)
        ):
            merged[v] = first
        else:
            first, first_key, current = v, key, item
    return merged


def _renumbered(obs: Observations, merged: Any) -> Observations:
    """``obs`` with value ``v`` made value ``merged[v]``."""
    kept = np.unique(merged)
    renumber = np.full(len(merged), -1)
    renumber[kept] = np.arange(len(kept))
    return Observations(
        sources=obs.sources,
        items=obs.items,
        shown=tuple(obs.shown[v] for v in kept),
        value_item=obs.value_item[kept],
        claim_source=obs.claim_source,
        claim_value=renumber[merged[obs.claim_value]],
        kinds=obs.kinds,
    )


def _sortable(key: Any) -> tuple[int, Any]:
    return (0, key) if isinstance(key, int | float) else (1, str(key))


def _near(first: Any, key: Any, kind: str, tolerance: float) -> bool:
    if not isinstance(first, int | float) or not isinstance(key, int | float):
        return False
    if kind == "time":
        return abs(key - first) <= tolerance
    return abs(key - first) <= tolerance * max(abs(first), abs(key))


def origin_key(report: Report, claim: Claim) -> str:
    """The source a desk's claim counts for: its independent origins, joined."""
    return " + ".join(report.origins.get(claim.id, ())) or claim.source


def from_desk(report: Report) -> Observations:
    """A reconciled desk's claims, each for its independent origin(s) joined, on its
    scope; values of a scope whose intervals overlap are one value."""
    from ..values.amounts import Category

    kinds: dict[str, str] = {}

    def entries() -> Iterator[Entry]:
        for claim in report.desk.claims:
            period = claim.period.text if claim.period else ""
            scope = "/".join(p for p in (period, *claim.product, claim.counterparty) if p)
            value = claim.value
            item = (claim.subject, claim.metric, scope)
            if isinstance(value, Category):
                kinds[claim.metric] = "words"
                yield origin_key(report, claim), item, value.word.casefold(), value.word
            else:
                kinds[claim.metric] = "interval"
                bounds = (value.interval.lo, value.interval.hi)
                yield origin_key(report, claim), item, bounds, value.text

    return _assemble(entries(), kinds, 0.0)
