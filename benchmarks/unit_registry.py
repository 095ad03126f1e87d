"""What a desk-scoped unit registry costs: a fresh pint registry against a copy of a shared base.

    python benchmarks/unit_registry.py [--runs 10]

Each desk owns its unit definitions (two desks may give one name different
meanings in one process). Two ways to give it that, timed here on the
definitions factcheck makes (pint's units, the ISO currencies, the count
units), then one declared unit:

- fresh: a new ``pint.UnitRegistry`` for the desk, the built-ins defined again;
- copy: ``copy.deepcopy`` of one shared base registry, built once per process
  (what ``UnitBook`` does, and only for a desk that declares units: the
  others read the base itself).

Prints milliseconds per desk (median of ``--runs``) and the peak memory of
one registry of each kind.
"""

from __future__ import annotations

import argparse
import copy
import statistics
import time
import tracemalloc
from collections.abc import Callable
from typing import Any


def _fresh() -> Any:
    import pint

    from factcheck.values.units import BUILT_IN, _definition

    registry: Any = pint.UnitRegistry(cache_folder=None)
    for name, kind in BUILT_IN.items():
        registry.define(_definition(name, kind))
    return registry


def _timed(make: Callable[[], Any], runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        registry = make()
        registry.define("widget = [count_widget]")
        registry.parse_units("widget / USD")
        times.append(time.perf_counter() - started)
    tracemalloc.start()
    kept = make()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    del kept
    return statistics.median(times) * 1000, peak / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    from factcheck.values.units import _base_registry

    started = time.perf_counter()
    base = _base_registry()
    took = (time.perf_counter() - started) * 1000
    print(f"shared base registry, built once per process: {took:.0f} ms")
    fresh = _timed(_fresh, args.runs)
    copied = _timed(lambda: copy.deepcopy(base), args.runs)
    print(f"fresh registry per desk   {fresh[0]:7.1f} ms   peak {fresh[1]:5.1f} MB")
    print(f"copy of the shared base   {copied[0]:7.1f} ms   peak {copied[1]:5.1f} MB")


if __name__ == "__main__":
    main()
