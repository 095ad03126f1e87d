"""The accuracy model with copy detection (``accu-copy``) as SQL, so that an engine
made for data larger than one machine's memory runs it: DuckDB in-process
(spilling to disk), Spark SQL on many machines (docs/scaling.md).

Each step is one query over a ``claims(source, item, value)`` table of integer
ids; Python only drives the iterations and checks when they have settled. The
queries are plain SQL (joins, ``GROUP BY``, window functions, ``ln`` and
``exp``), the same text on DuckDB and Spark. ``fuse_sql`` gives the same best
values and accuracies as ``methods.fuse(obs, "accu-copy")`` (a test checks it).

``connection`` is anything with ``execute(sql)`` returning rows through
``fetchall()`` (a DuckDB connection); the ``claims`` and ``vals`` tables (the
values' items and magnitudes) are made from the observations, or are already
there (``load=False``), as they would be on a cluster.
"""

from __future__ import annotations

import math
import re
from typing import Any

import numpy as np

from .methods import (
    FALSE_VALUES,
    ITERATIONS,
    MAX_NEAR,
    MAX_PAIR_CELLS,
    MAX_PROLIFIC,
    NEAR_MINUTES,
    NEAR_SHARE,
    PROLIFIC,
    SAME_FEED,
    SCALE_MINUTES,
    SCALE_SHARE,
    SHARED,
    SIMILARITY,
)
from .observations import Observations

#: Mirrors of one feed: pairs of prolific sources that agree on nearly every item
#: they share. The one with fewer claims (on a tie, the later id) is the copy.
FEEDS = """
CREATE OR REPLACE TABLE feeds AS
WITH counts AS (SELECT source, count(*) AS n FROM claims GROUP BY source),
prolific AS (
    SELECT source, n FROM counts
    WHERE n >= greatest({shared}, {prolific} * (SELECT count(DISTINCT item) FROM claims))
    ORDER BY n DESC, source LIMIT {most}
),
mine AS (SELECT c.source, c.item, c.value, p.n FROM claims c JOIN prolific p USING (source)),
pairs AS (
    SELECT a.source AS a, b.source AS b, a.n AS na, b.n AS nb, count(*) AS shared,
           sum(CASE WHEN a.value = b.value THEN 1 ELSE 0 END) AS same
    FROM mine a JOIN mine b ON a.item = b.item AND a.source < b.source
    GROUP BY a.source, b.source, a.n, b.n
)
SELECT CASE WHEN na >= nb THEN a ELSE b END AS original,
       CASE WHEN na >= nb THEN b ELSE a END AS copy
FROM pairs WHERE shared >= {shared} AND same >= {same_feed} * shared
"""

#: Each claim's weight: 0 where a copy agrees with its original, else 1.
WEIGHTS = """
CREATE OR REPLACE TABLE weighted AS
SELECT c.source, c.item, c.value, CASE WHEN m.copy IS NULL THEN 1.0 ELSE 0.0 END AS weight
FROM claims c LEFT JOIN (
    SELECT DISTINCT f.copy, o.item, o.value FROM feeds f JOIN claims o ON o.source = f.original
) m ON m.copy = c.source AND m.item = c.item AND m.value = c.value
"""

#: Near values of one item (times within minutes, numbers within a share), both ways,
#: with their similarity, from ``vals(value, item, magnitude, measured, timed)``.
NEAR = """
CREATE OR REPLACE TABLE near AS
WITH ranked AS (
    SELECT *, row_number() OVER (PARTITION BY item ORDER BY magnitude, value) AS r
    FROM vals WHERE measured
),
pairs AS (
    SELECT a.value, b.value AS other, a.timed, abs(a.magnitude - b.magnitude) AS gap,
           abs(a.magnitude - b.magnitude)
             / greatest(abs(a.magnitude), abs(b.magnitude), 1e-300) AS share
    FROM ranked a JOIN ranked b
      ON a.item = b.item AND a.value <> b.value AND abs(a.r - b.r) <= {max_near}
)
SELECT value, other,
       exp(-(CASE WHEN timed THEN gap / {scale_minutes} ELSE share / {scale_share} END)) AS sim
FROM pairs
WHERE CASE WHEN timed THEN gap <= {near_minutes} ELSE share <= {near_share} END
"""

#: One round: votes from accuracies (and a share of near values' votes), probabilities
#: by item, accuracies from those.
ROUND = """
CREATE OR REPLACE TABLE probability AS
WITH votes AS (
    SELECT w.item, w.value, sum(ln({n} * a.accuracy / (1 - a.accuracy)) * w.weight) AS vote
    FROM weighted w JOIN accuracy a ON a.source = w.source
    GROUP BY w.item, w.value
),
lent AS (
    SELECT n.value, sum(n.sim * v.vote) AS lent FROM near n JOIN votes v ON v.value = n.other
    GROUP BY n.value
),
total AS (
    SELECT v.item, v.value, v.vote + {rho} * coalesce(l.lent, 0) AS vote
    FROM votes v LEFT JOIN lent l ON l.value = v.value
),
shifted AS (
    SELECT item, value, exp(vote - max(vote) OVER (PARTITION BY item)) AS e FROM total
)
SELECT item, value, e / sum(e) OVER (PARTITION BY item) AS p FROM shifted
"""
ACCURACY = """
CREATE OR REPLACE TABLE next_accuracy AS
SELECT c.source, least(0.99, greatest(0.05, avg(p.p))) AS accuracy
FROM claims c JOIN probability p ON p.item = c.item AND p.value = c.value
GROUP BY c.source
"""


def fuse_sql(
    obs: Observations, connection: Any, load: bool = True
) -> tuple[dict[int, int], dict[int, float], int]:
    """``accu-copy`` run as SQL on ``connection``: each item's best value id, each
    source's accuracy (by id), and the rounds it took."""
    run = connection.execute
    if load:  # columns handed over as arrays: no row-by-row insert
        columns = {
            "source": obs.claim_source,
            "item": obs.value_item[obs.claim_value],
            "value": obs.claim_value,
        }
        connection.register("observed", columns)
        run("CREATE OR REPLACE TABLE claims AS SELECT * FROM observed")
        connection.unregister("observed")
    if load:
        magnitude = obs.magnitude if obs.magnitude is not None else np.full(len(obs.shown), np.nan)
        timed = np.array([obs.kinds.get(item[1]) == "time" for item in obs.items], dtype=bool)
        connection.register(
            "observed_values",
            {
                "value": np.arange(len(obs.shown)),
                "item": obs.value_item,
                "magnitude": np.nan_to_num(magnitude),
                "measured": np.isfinite(magnitude),
                "timed": timed[obs.value_item],
            },
        )
        run("CREATE OR REPLACE TABLE vals AS SELECT * FROM observed_values")
        connection.unregister("observed_values")
    most = max(2, min(MAX_PROLIFIC, math.isqrt(2 * MAX_PAIR_CELLS // max(len(obs.items), 1))))
    run(FEEDS.format(shared=SHARED, prolific=PROLIFIC, same_feed=SAME_FEED, most=most))
    run(WEIGHTS)
    run(
        NEAR.format(
            near_minutes=NEAR_MINUTES, scale_minutes=SCALE_MINUTES, near_share=NEAR_SHARE,
            scale_share=SCALE_SHARE, max_near=MAX_NEAR,
        )
    )  # fmt: skip
    run("CREATE OR REPLACE TABLE accuracy AS SELECT DISTINCT source, 0.8 AS accuracy FROM claims")
    rounds = 0
    for rounds in range(1, ITERATIONS + 1):
        run(ROUND.format(n=FALSE_VALUES, rho=SIMILARITY))
        run(ACCURACY)
        (change,) = run(
            "SELECT max(abs(n.accuracy - a.accuracy)) AS change "
            "FROM next_accuracy n JOIN accuracy a ON n.source = a.source"
        ).fetchall()[0]
        run("CREATE OR REPLACE TABLE accuracy AS SELECT * FROM next_accuracy")
        if change < 1e-4 and rounds > 2:
            break
    best = run(
        "SELECT item, value FROM (SELECT item, value, row_number() OVER "
        "(PARTITION BY item ORDER BY p DESC, value) AS r FROM probability) WHERE r = 1"
    ).fetchall()
    accuracy = run("SELECT source, accuracy FROM accuracy").fetchall()
    return (
        {int(item): int(value) for item, value in best},
        {int(source): float(a) for source, a in accuracy},
        rounds,
    )


_MADE = re.compile(r"CREATE OR REPLACE TABLE\s+(\w+)\s+AS\s+(.*)", re.DOTALL | re.IGNORECASE)


class Spark:
    """A Spark session seen as a connection: ``CREATE OR REPLACE TABLE name AS query``
    becomes the query's result, materialised (``localCheckpoint``) and named as a
    temporary view, so that each round reads the last one's numbers, not its plan."""

    def __init__(self, session: Any) -> None:
        self.session = session

    def execute(self, sql: str) -> Any:
        made = _MADE.fullmatch(sql.strip())
        if made is not None:
            result = self.session.sql(made.group(2)).localCheckpoint()
            result.createOrReplaceTempView(made.group(1))
            return _Rows([])
        return _Rows([tuple(row) for row in self.session.sql(sql).collect()])

    def register(self, name: str, columns: dict[str, Any]) -> None:
        names = list(columns)
        rows = list(zip(*(columns[n].tolist() for n in names), strict=True))
        self.session.createDataFrame(rows, names).createOrReplaceTempView(name)

    def unregister(self, name: str) -> None:
        self.session.catalog.dropTempView(name)


class _Rows:
    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        self.rows = rows

    def fetchall(self) -> list[tuple[Any, ...]]:
        return self.rows


def numpy_answer(obs: Observations) -> tuple[dict[int, int], dict[int, float]]:
    """The same quantities from ``methods``, for comparison."""
    from .methods import _accuracy, best_values

    probability, accuracy, _rounds, _found = _accuracy(obs, copies=True, similarity=SIMILARITY)
    best = best_values(obs, probability)
    return {k: int(best[k]) for k in range(len(obs.items))}, {
        s: float(accuracy[s]) for s in range(len(obs.sources)) if np.any(obs.claim_source == s)
    }
