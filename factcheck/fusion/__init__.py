"""Which source to believe: each source's reliability and each scope's best value,
estimated from many sources that report on the same things (truth discovery).

``observations.py`` turns claims (a desk's, or a bare table's rows) into
arrays: one row per claim, its source, its item (the scope it is about) and its
value; ``methods.py`` holds the methods, each a function of those arrays with
one interface (vote, Investment, PooledInvestment, an accuracy model, and the
accuracy model with copy detection); ``fuse()`` runs one and returns a
``Fusion`` as data. Every step costs in proportion to the number of claims
(and, for copy detection, of pairs of prolific sources), never claims by claims.

This layer sits above the engine (it reads a reconciled desk: its claims and
their independent origins) and below the renderers, which write its results.
"""

from __future__ import annotations

from .learned import learn
from .methods import METHODS, Fusion, SourceScore, ValueScore, fuse
from .observations import Observations, from_desk, from_rows, read_table

__all__ = [
    "METHODS", "Fusion", "Observations", "SourceScore", "ValueScore", "from_desk", "from_rows",
    "fuse", "learn", "read_table",
]  # fmt: skip
