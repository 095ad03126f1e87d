"""Truth discovery on Wikipedia's city populations (Pasternack and Roth, COLING 2010),
scored against the gold standard.

    python benchmarks/population.py --data ../shared/benchmarks/population
    python benchmarks/population.py --data DIR --table population.csv

DIR holds ``population-new.txt`` (tab-separated: ``city_year``, ``contributor #id:
name``, value, year) and ``population-gd.txt`` (CSV: city, state, year, value).
Each edit is a claim (source: the contributor; subject: the city; period: the
year); every method fuses them, and each is scored on the gold items, exact
and within 1 %, with runtime and peak memory.
"""

from __future__ import annotations

import argparse
import csv
import resource
import sys
import time
from pathlib import Path


def read_claims(data: Path) -> list[tuple[str, str, str, str, str]]:
    rows = []
    with open(data / "population-new.txt", encoding="utf-8", errors="replace") as handle:
        for line in handle:
            cells = line.rstrip("\n").split("\t")
            if len(cells) != 4:
                continue
            city_year, contributor, value, year = cells
            city = city_year.rsplit("_", 1)[0].strip().lower()
            rows.append((contributor.strip(), city, "population", year.strip(), value.strip()))
    return rows


def read_gold(data: Path) -> dict[tuple[str, str], float]:
    gold = {}
    with open(data / "population-gd.txt", encoding="utf-8", errors="replace") as handle:
        for cells in csv.reader(handle):
            if len(cells) < 4:
                continue
            city, state, year, value = (c.strip() for c in cells[:4])
            try:
                gold[(f"{city}, {state}".lower(), year)] = float(value)
            except ValueError:
                continue
    return gold


def score(best: dict[tuple[str, str], str], gold: dict[tuple[str, str], float]) -> dict[str, float]:
    judged = [(key, truth) for key, truth in gold.items() if key in best]
    exact = near = 0
    for key, truth in judged:
        guess = float(best[key].replace(",", ""))
        exact += guess == truth
        near += abs(guess - truth) <= 0.01 * abs(truth)
    total = max(len(judged), 1)
    return {"items": len(judged), "exact": exact / total, "within1": near / total}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--table", type=Path, help="also write the claims table here")
    parser.add_argument(
        "--tolerance", type=float, default=0.0, help="a fraction: values within it are one"
    )
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from factcheck.fusion import METHODS, from_rows, fuse

    started = time.perf_counter()
    rows = read_claims(args.data)
    gold = read_gold(args.data)
    if args.table:
        with open(args.table, "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(("source", "subject", "metric", "period", "value"))
            writer.writerows(rows)
    obs = from_rows(rows, args.tolerance)
    typed = time.perf_counter()
    print(
        f"{len(rows):,} claims, {len(obs.sources):,} sources, {len(obs.items):,} items, "
        f"{len(gold):,} gold items; reading and typing {typed - started:.2f} s"
    )
    print(f"{'method':18} {'exact':>6} {'1 %':>6} {'seconds':>8} {'peak MB':>8}")
    for method in METHODS:
        began = time.perf_counter()
        fusion = fuse(obs, method)
        took = time.perf_counter() - began
        best = {(v.item[0], v.item[2]): v.value for v in fusion.values}
        result = score(best, gold)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(
            f"{method:18} {result['exact']:6.3f} {result['within1']:6.3f} {took:8.2f} {peak:8.0f}"
        )


if __name__ == "__main__":
    main()
