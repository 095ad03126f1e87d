"""Many claims on one scope: time and peak memory grow linearly with their number.

    python benchmarks/one_scope.py --claims 65000 [--sources 3]

Writes a desk whose claims all state one figure (acme's units in 2021), from
``--sources`` sources in turn, in one YAML file (65,000 claims are about 10 MB,
the YAML limit), then runs `factcheck reconcile` on it in a fresh process and
prints its wall time and peak memory, and the memory per claim.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORLD = """\
units:
  GPU: {kind: count}
metrics:
  units: {name: Units bought, unit: GPU, additive: true}
entities:
  acme: {name: Acme}
"""


def write_desk(root: Path, claims: int, sources: int) -> None:
    (root / "claims").mkdir(parents=True)
    (root / "sources").mkdir()
    (root / "claims" / "world.yaml").write_text(WORLD, encoding="utf-8")
    names = [f"s{i}" for i in range(sources)]
    (root / "sources" / "sources.yaml").write_text(
        "sources:\n" + "".join(f"  {n}: {{name: Source {n}}}\n" for n in names), encoding="utf-8"
    )
    rows = "".join(
        f"  - {{id: c{i:06d}, source: {names[i % sources]}, subject: acme, metric: units, "
        f'period: 2021, value: about 5000 GPU, quote: "about 5000 GPU"}}\n'
        for i in range(claims)
    )
    (root / "claims" / "one.yaml").write_text("claims:\n" + rows, encoding="utf-8")


def timed_reconcile(claims: Path, report: Path) -> tuple[float, float]:
    """`factcheck reconcile CLAIMS -o REPORT` in a fresh process: its wall time
    (s) and the peak memory (MB) of the largest process it ran."""
    command = [sys.executable, "-c", "from factcheck.cli import main; main()"]
    start = time.perf_counter()
    done = subprocess.run(
        [*command, "reconcile", str(claims), "-o", str(report)], capture_output=True, text=True
    )
    elapsed = time.perf_counter() - start
    if done.returncode not in (0, 1):
        sys.exit(f"reconcile failed ({done.returncode}): {done.stderr[-2000:]}")
    return elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=65_000)
    parser.add_argument("--sources", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_desk(root, args.claims, args.sources)
        size = (root / "claims" / "one.yaml").stat().st_size
        elapsed, peak = timed_reconcile(root / "claims", root / "report.txt")
        report = (root / "report.txt").stat().st_size
    print(
        f"{args.claims:,} claims on one scope ({size / 1e6:.1f} MB, {args.sources} sources): "
        f"{elapsed:.2f} s, peak {peak:.0f} MB ({peak * 1024 / args.claims:.2f} KB a claim), "
        f"report {report / 1e6:.1f} MB"
    )


if __name__ == "__main__":
    main()
