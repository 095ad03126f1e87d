"""Compare YAML parsers on a claim file: speed, and whether they keep line numbers.

    python benchmarks/yaml_parsers.py [--claims 20] [--repeat 200]

Prints milliseconds per file for each candidate and the peak memory of the
run. ruamel.yaml is measured when installed (``pip install ruamel.yaml``).
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from factcheck.desk.yamlfile import read_yaml

CLAIM = """  - id: c{i}
    source: wire
    subject: company-{i}
    metric: gpu_spend
    period: 2023-Q{q}
    product: [A800, H800]
    value: about {i}.5 billion USD
    quote: "ont commandé pour près de {i} milliards de dollars de puces"
"""


def claim_file(claims: int) -> str:
    head = "article:\n  id: a\n  outlet: daily\n  published: 2023-08\n  language: fr\nclaims:\n"
    return head + "".join(CLAIM.format(i=i, q=i % 4 + 1) for i in range(claims))


def candidates(path: Path) -> dict[str, tuple[Callable[[], Any], str]]:
    text = path.read_text(encoding="utf-8")
    found: dict[str, tuple[Callable[[], Any], str]] = {
        "PyYAML CSafeLoader (libyaml)": (lambda: yaml.load(text, yaml.CSafeLoader), "no"),
        "PyYAML SafeLoader (pure Python)": (lambda: yaml.load(text, yaml.SafeLoader), "no"),
        "factcheck.read_yaml (CSafeLoader + marks)": (lambda: read_yaml(path), "yes"),
    }
    try:
        from ruamel.yaml import YAML
    except ImportError:
        return found
    safe, rt = YAML(typ="safe", pure=True), YAML(typ="rt")
    found["ruamel.yaml safe (pure)"] = (lambda: safe.load(io.StringIO(text)), "no")
    found["ruamel.yaml round-trip"] = (lambda: rt.load(io.StringIO(text)), "yes (lc)")
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.yaml"
        path.write_text(claim_file(args.claims), encoding="utf-8")
        print(f"one file of {args.claims} claims, {path.stat().st_size:,} bytes")
        print(f"{'parser':45} {'ms/file':>8} {'peak KB':>8}  line numbers")
        for name, (run, lines) in candidates(path).items():
            run()
            started = time.perf_counter()
            for _ in range(args.repeat):
                run()
            elapsed = (time.perf_counter() - started) / args.repeat * 1000
            tracemalloc.start()
            run()
            peak = tracemalloc.get_traced_memory()[1]
            tracemalloc.stop()
            print(f"{name:45} {elapsed:8.2f} {peak / 1e3:8.0f}  {lines}")


if __name__ == "__main__":
    main()
