"""How long a command takes before it reads a file: ``factcheck --version``, and the imports.

    python benchmarks/startup.py [--runs 20] [--python PATH]

Runs ``factcheck --version`` (``python -m factcheck.cli --version``) ``--runs``
times in fresh processes and prints the median wall time, then the slowest
imports that ``python -X importtime`` reports for ``import factcheck.cli``.
``--python`` times another installation (a previous release) the same way.
Every run starts in an empty folder, so that the installation is imported,
never a source tree the script happens to be run from.

``--desk PATH`` also times ``factcheck validate PATH`` (the unit registry,
the desk read and checked).
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--desk", help="also time 'factcheck validate DESK'")
    args = parser.parse_args()
    empty = tempfile.mkdtemp()
    commands = {"factcheck --version": ["--version"]}
    if args.desk:
        commands[f"factcheck validate {args.desk}"] = ["validate", str(Path(args.desk).resolve())]
    for label, argv in commands.items():
        command = [args.python, "-c", f"from factcheck.cli import main; main({argv!r})"]
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            subprocess.run(command, check=False, capture_output=True, cwd=empty)
            times.append(time.perf_counter() - started)
        median, low, high = (x * 1000 for x in (statistics.median(times), min(times), max(times)))
        print(f"{label}: median {median:.0f} ms (min {low:.0f}, max {high:.0f})")
    done = subprocess.run(
        [args.python, "-X", "importtime", "-c", "import factcheck.cli"],
        capture_output=True,
        text=True,
        check=True,
        cwd=empty,
    )
    rows = []
    for line in done.stderr.splitlines()[1:]:
        _, cumulative, name = line.split("|")
        rows.append((int(cumulative), name.strip()))
    top = sorted(rows, reverse=True)[:10]
    print("slowest imports (cumulative ms):")
    for cumulative, name in top:
        print(f"  {cumulative / 1000:7.1f}  {name}")


if __name__ == "__main__":
    main()
