"""How long `factcheck export` takes on N claims, against the JSON report.

    python benchmarks/export_scale.py --claims 100000 --files 5000
    python benchmarks/export_scale.py --desk PATH            # an existing desk
    python benchmarks/export_scale.py --desk PATH --skip xlsx

Generates a synthetic desk (benchmarks/generate.py) unless one is given. Each
format runs in a fresh process, so that its peak memory is its own; each
process loads and reconciles the desk (timed apart, as "desk"), then writes:

- json: the JSON report to a file, as `factcheck reconcile --format json -o`;
- sqlite: the database and its Datasette metadata, as `factcheck export --format sqlite`;
- csv, xlsx: the same tables as CSV files and as a workbook;
- frames: `report.to_frames()` (needs pandas);
- diff: the JSON report compared with itself, as `factcheck diff` (reading both).

Prints, for each, the writing time, the whole command's time (desk + writing),
the ratio of each to the JSON report's, the output's size, and the peak
resident memory.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

FORMATS = ("json", "sqlite", "csv", "xlsx", "frames", "diff")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.iterdir())
    return path.stat().st_size if path.exists() else 0


def phase(desk: Path, fmt: str, out: Path) -> dict[str, float]:
    import factcheck
    from factcheck.render.atomic import write_atomic
    from factcheck.render.registry import render_lines

    with factcheck.batch():  # as the command line runs
        started = time.perf_counter()
        report = factcheck.reconcile(factcheck.load(desk))
        ready = time.perf_counter()
        target = out / f"export.{fmt}"
        if fmt == "json":
            write_atomic(target, render_lines(report, "json"))
        elif fmt == "frames":
            frames = report.to_frames()
            assert len(frames.claims) == len(report.desk.claims)
        elif fmt == "diff":
            from factcheck.publish.changes import compare, read_report, render_changes

            write_atomic(target, render_lines(report, "json"))
            ready = time.perf_counter()  # the diff reads two reports kept from earlier runs
            older, newer = read_report(target), read_report(target)
            changes = compare(older, newer)
            assert changes.nothing
            "".join(render_changes(changes))
        else:
            factcheck.export(report, fmt, target)
        done = time.perf_counter()
    return {
        "desk": ready - started,
        "write": done - ready,
        "claims": len(report.desk.claims),
        "findings": len(report.findings),
        "bytes": _size(target),
        "peak_mb": peak_mb(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--desk", type=Path)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--files", type=int, default=5_000)
    parser.add_argument("--skip", action="append", default=[], choices=FORMATS)
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.phase:
        print(json.dumps(phase(args.desk, args.phase, args.out)))
        return
    with tempfile.TemporaryDirectory() as scratch:
        desk = args.desk
        if desk is None:
            from generate import generate

            desk = Path(scratch) / "desk"
            generate(desk, args.claims, args.files, seed=1, planted=0.005, disputed=0.05)
            desk = desk / "claims"
        out = Path(scratch) / "out"
        out.mkdir()
        results = {}
        for fmt in FORMATS:
            if fmt in args.skip:
                continue
            command = [sys.executable, __file__, "--phase", fmt, "--desk", str(desk)]
            command += ["--out", str(out)]
            done = subprocess.run(command, capture_output=True, text=True, check=True)
            results[fmt] = json.loads(done.stdout.strip().splitlines()[-1])
    base = results["json"]
    first = next(iter(results.values()))
    print(f"{first['claims']:,} claims, {first['findings']:,} findings, {os.cpu_count()} cores")
    print(f"{'format':8} {'desk s':>8} {'write s':>8} {'x json':>7} {'command s':>10} "
          f"{'x json':>7} {'MB out':>8} {'peak MB':>8}")  # fmt: skip
    whole = base["desk"] + base["write"]
    for fmt, r in results.items():
        command = r["desk"] + r["write"]
        print(
            f"{fmt:8} {r['desk']:8.2f} {r['write']:8.2f} {r['write'] / base['write']:7.2f} "
            f"{command:10.2f} {command / whole:7.2f} {r['bytes'] / 1e6:8.1f} {r['peak_mb']:8.0f}"
        )


if __name__ == "__main__":
    main()
