"""How long `factcheck reconcile` takes on N claims, against the YAML parser alone.

    python benchmarks/reconcile_scale.py --claims 100000 --files 5000
    python benchmarks/reconcile_scale.py --desk PATH          # an existing desk

Generates a synthetic desk (benchmarks/generate.py) unless one is given, then
runs, each in a fresh process so that its peak memory is its own:

- parse: read every YAML file of the desk with PyYAML's CSafeLoader, nothing else;
- reconcile: what `factcheck reconcile PATH` does: load and check the desk,
  reconcile it (on two cores, as the command does), render the terminal
  report, and stream the JSON report (timed apart);
- the same without the quote, archive and quote-name checks, to show what
  they add.

Prints seconds, claims per second, the ratio to the parse-only time, and
the peak resident memory of each process.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def phase_parse(desk: Path) -> dict[str, float]:
    import yaml

    files = sorted(p for p in desk.rglob("*") if p.suffix in (".yaml", ".yml"))
    started = time.perf_counter()
    for path in files:
        yaml.load(path.read_bytes().decode("utf-8"), Loader=yaml.CSafeLoader)
    return {"parse": time.perf_counter() - started, "files": len(files), "peak_mb": peak_mb()}


def phase_reconcile(desk: Path, quotes: bool = True) -> dict[str, float]:
    import factcheck
    from factcheck.render.graph import build_graph
    from factcheck.render.registry import render_lines

    rules = None  # every rule
    if not quotes:  # the same run without the quote, archive and quote-name checks
        rules = [r for r in factcheck.RULE_NAMES if r not in ("quote", "archive", "quote-names")]
    with factcheck.batch():  # as the command line runs
        started = time.perf_counter()
        loaded = factcheck.load(desk)
        after_load = time.perf_counter()
        report = factcheck.reconcile(loaded, rules=rules)  # two cores where there are two
        after_rules = time.perf_counter()
        factcheck.render(report, "text")
        after_text = time.perf_counter()
        with open(os.devnull, "w", encoding="utf-8") as sink:
            sink.writelines(render_lines(report, "json"))  # as `--format json` streams it
        after_json = time.perf_counter()
        peak_reconcile = peak_mb()
        graph = build_graph(report)
        after_graph = time.perf_counter()
        del graph
        gc.collect()  # a graph holds reference cycles: free it before the exports
        exports = {}
        for fmt in ("graphml", "node-link"):  # each builds its graph, as `factcheck graph` does
            started_export = time.perf_counter()
            with open(os.devnull, "w", encoding="utf-8") as sink:
                sink.writelines(render_lines(report, fmt))
            exports[fmt] = time.perf_counter() - started_export - (after_graph - after_json)
            gc.collect()
    return {
        "load": after_load - started,
        "rules": after_rules - after_load,
        "text": after_text - after_rules,
        "total": after_text - started,
        "json": after_json - after_text,
        "graph": after_graph - after_json,
        "graphml": exports["graphml"],
        "nodelink": exports["node-link"],
        "claims": len(loaded.claims),
        "conflicts": len(report.conflicts),
        "peak_mb": peak_reconcile,
        "peak_graph_mb": peak_mb(),
    }


def run_phase(name: str, desk: Path) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--phase", name, "--desk", str(desk)],
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, float] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--files", type=int, default=5_000)
    parser.add_argument("--desk", type=Path, help="an existing desk instead of a generated one")
    parser.add_argument(
        "--phase", choices=["parse", "reconcile", "noquotes"], help=argparse.SUPPRESS
    )
    args = parser.parse_args()
    if args.phase:
        if args.phase == "parse":
            print(json.dumps(phase_parse(args.desk)))
        else:
            print(json.dumps(phase_reconcile(args.desk, quotes=args.phase == "reconcile")))
        return
    with tempfile.TemporaryDirectory() as folder:
        desk = args.desk
        if desk is None:
            from generate import generate

            desk = Path(folder)
            started = time.perf_counter()
            generate(desk, args.claims, args.files, seed=1, planted=0.005)
            print(f"generated {args.claims:,} claims in {args.files:,} files "
                  f"({time.perf_counter() - started:.1f} s)")  # fmt: skip
        parse = run_phase("parse", desk)
        full = run_phase("reconcile", desk)
        bare = run_phase("noquotes", desk)
    ratio = full["total"] / parse["parse"]
    print(f"parse only (CSafeLoader)  {parse['parse']:8.2f} s   peak {parse['peak_mb']:7.0f} MB")
    print(f"reconcile (load+rules+text) {full['total']:6.2f} s   peak {full['peak_mb']:7.0f} MB"
          f"   = {ratio:.2f} x parse")  # fmt: skip
    print(f"  load and check desk     {full['load']:8.2f} s")
    print(f"  rules                   {full['rules']:8.2f} s")
    print(f"  terminal report         {full['text']:8.2f} s")
    print(f"  JSON report (apart)     {full['json']:8.2f} s")
    for fmt in ("graphml", "nodelink"):
        cost = full["graph"] + full[fmt]
        print(
            f"  graph built + {fmt:8}  {cost:8.2f} s   (+{cost / full['total']:.0%} over reconcile)"
        )
    extra = full["total"] - bare["total"]
    print(f"  of which quote checks   {extra:8.2f} s   (+{extra / bare['total']:.0%} over "
          f"{bare['total']:.2f} s without them)")  # fmt: skip
    print(f"{int(full['claims']):,} claims, {full['claims'] / full['total']:,.0f} claims/s, "
          f"{int(full['conflicts']):,} conflicts")  # fmt: skip


if __name__ == "__main__":
    main()
