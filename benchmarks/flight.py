"""Truth discovery on the Flight data (Li, Dong, Lyons, Meng, Srivastava, VLDB 2012),
scored against the airlines' own values.

    python benchmarks/flight.py --data ../shared/benchmarks/flight
    python benchmarks/flight.py --data DIR --no-airline          # without aa, ua, CO
    python benchmarks/flight.py --data DIR --table flights.csv   # the claims table too

DIR holds ``claims/YYYYMMDD.txt`` (tab-separated: source, flight, scheduled
departure, actual departure, departure gate, scheduled arrival, actual arrival,
arrival gate) and ``gold/YYYYMMDD.txt`` (the same without the source), any
number of days. The raw values are converted into a claims table (``source,
subject, metric, value``; subjects ``YYYY-MM-DD/FLIGHT``; times as ``HH:MM``,
24-hour, local time as printed; gates normalised), which ``factcheck fuse``
reads as it is. Then every method fuses it, and each is scored on the gold
items: exact, and within 10 minutes for times; per attribute; with runtime
and peak memory.
"""

from __future__ import annotations

import argparse
import csv
import re
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

METRICS = (
    "scheduled_departure", "actual_departure", "departure_gate",
    "scheduled_arrival", "actual_arrival", "arrival_gate",
)  # fmt: skip
TIMES = {"scheduled_departure", "actual_departure", "scheduled_arrival", "actual_arrival"}
AIRLINES = ("aa", "ua", "CO")  # the sites the gold comes from

#: A time of day as the sites print it: 1:55 PM, 1:55pm, 1:55p, 1:55 p.m., 3:00P,
#: 13:52, 12:00noon; never the hours of an offset like (-05:00).
_CLOCK = re.compile(
    r"(?<![\d:+\-])(\d{1,2}):(\d{2})(?!\d)\s*(?:(noon)|([ap])\.?\s*(?:m\b\.?)?)?", re.IGNORECASE
)
_NOT_A_GATE = re.compile(r"^(term(inal)?\.?\s*\S*|not provided.*|n/?a|tba|tbd|hold|chk|-+)$", re.I)
_TERMINAL = re.compile(r"^(main\s+)?term(inal)?\.?(\s+conc\.?)?(\s+\S+)?\s*-\s*", re.IGNORECASE)


def clock(raw: str) -> str | None:
    """``HH:MM`` (24-hour) of a time as printed, or None when it states no time
    (``Contact Airline``, ``Not Available``, ``Cancelled``)."""
    text = raw.replace("&nbsp", " ")
    match = _CLOCK.search(text)
    if match is None:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    if match.group(3):  # noon
        hour = 12
    elif match.group(4):
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if match.group(4).lower() == "p" else 0)
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def gate(raw: str) -> str | None:
    """A gate as one token, ``B69`` for ``Term B - B69``, ``C35`` for ``C35/C`` or
    `` C35 ``, ``C41`` for ``C-41``; None for no gate (``--``, ``Not provided by
    airline``, a terminal alone)."""
    text = raw.strip()
    if not text or _NOT_A_GATE.match(text):
        return None
    text = _TERMINAL.sub("", text)
    text = text.split("/")[0]
    text = re.sub(r"[\s\-?*]", "", text).upper()
    return text if re.search(r"\d", text) else None


def _day(path: Path) -> str:
    stem = path.stem
    return f"{stem[:4]}-{stem[4:6]}-{stem[6:8]}"


def days(data: Path) -> list[str]:
    return [p.stem for p in sorted((data / "claims").glob("*.txt"))]


def _records(
    folder: Path, width: int, only: list[str] | None = None
) -> Iterator[tuple[str, list[str]]]:
    """(day, cells) of each line of each day's file in ``folder``, ``width`` cells."""
    for path in sorted(folder.glob("*.txt")):
        if only is not None and path.stem not in only:
            continue
        day = _day(path)
        with open(path, encoding="utf-8", errors="replace") as handle:
            for line in handle:
                cells = line.rstrip("\n").split("\t")
                if len(cells) >= 2:
                    yield day, cells + [""] * (width - len(cells))


def read_claims(
    data: Path, airlines: bool = True, only: list[str] | None = None
) -> list[tuple[str, str, str, str]]:
    """(source, subject, metric, value) of every day's claims (of the days ``only``)."""
    rows = []
    seen: dict[tuple[bool, str], str | None] = {}  # a site prints the same text many times
    for day, cells in _records(data / "claims", 8, only):
        source = cells[0].strip()
        if not airlines and source in AIRLINES:
            continue
        subject = f"{day}/{cells[1].strip()}"
        for metric, raw in zip(METRICS, cells[2:8], strict=True):
            if not raw:
                continue
            timed = metric in TIMES
            value = seen.get((timed, raw), "")
            if value == "":
                value = seen[(timed, raw)] = clock(raw) if timed else gate(raw)
            if value is not None:
                rows.append((source, subject, metric, value))
    return rows


def read_gold(data: Path) -> dict[tuple[str, str], str]:
    """The airlines' own values: (subject, metric) -> value."""
    gold = {}
    for day, cells in _records(data / "gold", 7):
        subject = f"{day}/{cells[0].strip()}"
        for metric, raw in zip(METRICS, cells[1:7], strict=True):
            value = clock(raw) if metric in TIMES else gate(raw)
            if value is not None:
                gold[(subject, metric)] = value
    return gold


def _minutes(value: str) -> int:
    hours, minutes = value.split(":")
    return int(hours) * 60 + int(minutes)


def score(best: dict[tuple[str, str], str], gold: dict[tuple[str, str], str]) -> dict[str, float]:
    """Accuracy on the gold items the sources speak of: exact, and within 10 minutes
    (times; a gate must be exact), overall and per attribute."""
    judged = [(key, truth) for key, truth in gold.items() if key in best]
    out: dict[str, float] = {"items": len(judged)}
    exact = near = 0
    per: dict[str, list[int]] = {m: [0, 0] for m in METRICS}
    for (subject, metric), truth in judged:
        guess = best[(subject, metric)]
        hit = guess == truth
        close = hit
        if metric in TIMES and not hit:  # a gate must be exact
            apart = abs(_minutes(guess) - _minutes(truth)) % 1440
            close = min(apart, 1440 - apart) <= 10  # around midnight too
        exact += hit
        near += close
        per[metric][0] += hit
        per[metric][1] += 1
    out["exact"] = exact / max(len(judged), 1)
    out["within10"] = near / max(len(judged), 1)
    for metric, (hits, total) in per.items():
        out[metric] = hits / max(total, 1)
    return out


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True)
    parser.add_argument("--no-airline", action="store_true", help="leave out aa, ua and CO")
    parser.add_argument("--table", type=Path, help="also write the claims table here")
    parser.add_argument("--method", action="append", help="only these methods")
    parser.add_argument(
        "--tolerance", type=float, default=0.0, help="minutes within which times are one value"
    )
    parser.add_argument(
        "--holdout", action="store_true", help="tune accu-copy on all days but one, score that one"
    )
    args = parser.parse_args()
    if args.holdout:
        holdout(args.data, not args.no_airline)
        return
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from factcheck.fusion import METHODS, from_rows, fuse

    started = time.perf_counter()
    rows = read_claims(args.data, airlines=not args.no_airline)
    gold = read_gold(args.data)
    converted = time.perf_counter()
    if args.table:
        with open(args.table, "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            writer.writerow(("source", "subject", "metric", "value"))
            writer.writerows(rows)
    obs = from_rows([(s, subject, m, "", v) for s, subject, m, v in rows], args.tolerance)
    typed = time.perf_counter()
    sources = len(obs.sources)
    print(
        f"{len(rows):,} claims, {sources} sources, {len(obs.items):,} items, {len(gold):,} gold "
        f"items; conversion {converted - started:.2f} s, typing {typed - converted:.2f} s"
        + (" (without aa, ua, CO)" if args.no_airline else "")
    )
    header = f"{'method':18} {'exact':>6} {'10 min':>7} " + " ".join(f"{m[:9]:>9}" for m in METRICS)
    print(header + f" {'seconds':>8} {'peak MB':>8}")
    for method in args.method or METHODS:
        began = time.perf_counter()
        fusion = fuse(obs, method)
        took = time.perf_counter() - began
        best = {(v.item[0], v.item[1]): v.value for v in fusion.values}
        result = score(best, gold)
        print(
            f"{method:18} {result['exact']:6.3f} {result['within10']:7.3f} "
            + " ".join(f"{result[m]:9.3f}" for m in METRICS)
            + f" {took:8.2f} {peak_mb():8.0f}"
        )


#: What the hold-out tunes: the false values, the feed threshold, the similarity.
GRID = [(n, feed, rho) for n in (3, 5, 10) for feed in (0.995, 0.999) for rho in (0.0, 0.5, 0.8)]


def holdout(data: Path, airlines: bool) -> None:
    """For each day: tune accu-copy on the other days, then score the day it never saw."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from factcheck.fusion import from_rows, fuse

    gold = read_gold(data)
    read: dict[tuple[str, ...], object] = {}

    def accuracy(only: list[str], n: float, feed: float, rho: float) -> dict[str, float]:
        obs = read.get(tuple(only))
        if obs is None:
            rows = read_claims(data, airlines, only)
            obs = read[tuple(only)] = from_rows([(s, subj, m, "", v) for s, subj, m, v in rows])
        fusion = fuse(obs, "accu-copy", false_values=n, same_feed=feed, similarity=rho)  # type: ignore[arg-type]
        return score({(v.item[0], v.item[1]): v.value for v in fusion.values}, gold)

    print(
        f"{'held out':10} {'tuned n':>8} {'feed':>6} {'rho':>5} {'exact':>6} {'10 min':>7}"
        + ("" if airlines else "  (without aa, ua, CO)")
    )
    exact = near = items = 0.0
    for day in days(data):
        others = [d for d in days(data) if d != day]
        n, feed, rho = max(GRID, key=lambda g: accuracy(others, *g)["exact"])
        result = accuracy([day], n, feed, rho)
        print(
            f"{day:10} {n:8g} {feed:6g} {rho:5g} {result['exact']:6.3f} {result['within10']:7.3f}"
        )
        exact += result["exact"] * result["items"]
        near += result["within10"] * result["items"]
        items += result["items"]
    print(f"{'all days':10} {'':8} {'':6} {'':5} {exact / items:6.3f} {near / items:7.3f}")


if __name__ == "__main__":
    main()
