"""The fusion's iterations as SQL give the numpy answer: on DuckDB in-process, and on
a local Spark where pyspark and Java are installed (docs/scaling.md)."""

from __future__ import annotations

import shutil
from typing import Any

import pytest

from factcheck.fusion import from_rows
from factcheck.fusion.sql import Spark, fuse_sql, numpy_answer


def _desk_of_flights() -> list[tuple[str, str, str, str, str]]:
    """Five sources on 300 flights: two honest ones that slip once in 40 items, a
    third that is wrong on one in ten, and two mirrors of one feed that is wrong on
    one in five (one claim per source and item, as the SQL expects)."""
    rows = []
    for n in range(300):
        truth = f"{8 + n % 12:02d}:{n % 60:02d}"
        off = f"{8 + n % 12:02d}:{(n + 9) % 60:02d}"
        slip = f"{8 + n % 12:02d}:{(n + 1) % 60:02d}"
        rows += [
            ("honest-1", f"f{n}", "departure", "", slip if n % 40 == 3 else truth),
            ("honest-2", f"f{n}", "departure", "", slip if n % 40 == 11 else truth),
            ("sloppy", f"f{n}", "departure", "", off if n % 10 == 7 else truth),
        ]
        feed = off if n % 5 == 0 else truth
        rows += [(f"mirror-{k}", f"f{n}", "departure", "", feed) for k in (1, 2)]
    return rows


def _same(obs: Any, sql: tuple[dict[int, int], dict[int, float], int]) -> None:
    best, accuracy = numpy_answer(obs)
    got_best, got_accuracy, _rounds = sql
    assert got_best == best
    assert got_accuracy.keys() == accuracy.keys()
    assert max(abs(got_accuracy[s] - accuracy[s]) for s in accuracy) < 1e-9


def test_duckdb_gives_the_numpy_answer() -> None:
    duckdb = pytest.importorskip("duckdb")
    obs = from_rows(_desk_of_flights())
    connection = duckdb.connect()
    found = fuse_sql(obs, connection)
    _same(obs, found)
    feeds = connection.execute("SELECT original, copy FROM feeds").fetchall()
    assert [(obs.sources[a], obs.sources[b]) for a, b in feeds] == [("mirror-1", "mirror-2")]
    best = found[0]
    for k, (flight, _metric, _period) in enumerate(obs.items):
        n = int(flight[1:])
        assert obs.shown[best[k]] == f"{8 + n % 12:02d}:{n % 60:02d}"  # the feed counted once


@pytest.mark.skipif(shutil.which("java") is None, reason="Spark needs Java")
def test_spark_gives_the_same_answer() -> None:
    pyspark = pytest.importorskip("pyspark.sql")
    session = (
        pyspark.SparkSession.builder.master("local[2]")
        .appName("factcheck-fusion-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    try:
        obs = from_rows(_desk_of_flights())
        _same(obs, fuse_sql(obs, Spark(session)))
    finally:
        session.stop()
