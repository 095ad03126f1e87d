"""A large CSV table of claims: load and reconcile time, peak memory, memory per row.

    python benchmarks/csv_rows.py --rows 1000000

Writes one CSV table (`claims/bulk.csv`) of ``--rows`` claims about many
companies, products and months (a few claims per scope, as a bulk import
from a spreadsheet would have), then runs `factcheck reconcile` on it in a
fresh process and prints wall time, peak memory and memory per row.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from one_scope import timed_reconcile

WORLD = """\
units:
  GPU: {kind: count}
metrics:
  units: {name: Units bought, unit: GPU, additive: true}
"""


def write_desk(root: Path, rows: int) -> None:
    (root / "claims").mkdir(parents=True)
    (root / "sources").mkdir()
    companies = max(10, rows // 200)
    entities = "".join(f"  co{i:05d}: {{name: Company {i}}}\n" for i in range(companies))
    (root / "claims" / "world.yaml").write_text(WORLD + "entities:\n" + entities, encoding="utf-8")
    (root / "sources" / "sources.yaml").write_text(
        "sources:\n" + "".join(f"  s{i}: {{name: Source {i}}}\n" for i in range(20)),
        encoding="utf-8",
    )
    rng = random.Random(1)
    with (root / "claims" / "bulk.csv").open("w", encoding="utf-8") as out:
        out.write("id,source,subject,metric,period,value,quote\n")
        for i in range(rows):
            company = rng.randrange(companies)
            month = rng.randrange(1, 13)
            value = (company * 7 + month * 13) % 900 + 100
            out.write(
                f"r{i:07d},s{rng.randrange(20)},co{company:05d},units,2023-{month:02d},"
                f"about {value} GPU,about {value} GPU\n"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        write_desk(root, args.rows)
        size = (root / "claims" / "bulk.csv").stat().st_size
        elapsed, peak = timed_reconcile(root / "claims", root / "report.txt")
    print(
        f"{args.rows:,} CSV rows ({size / 1e6:.0f} MB): {elapsed:.1f} s, peak {peak:,.0f} MB "
        f"({peak * 1024 / args.rows:.2f} KB a row)"
    )


if __name__ == "__main__":
    main()
