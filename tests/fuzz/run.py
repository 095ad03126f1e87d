"""Coverage-guided fuzzing of the value grammar and the YAML reader, with atheris.

    python tests/fuzz/run.py values [libFuzzer options]   # e.g. -max_total_time=600
    python tests/fuzz/run.py yaml -max_total_time=600

The kept corpus is ``tests/fuzz/corpus/TARGET/``; new inputs are written to a
scratch folder, ``-merge=1`` keeps those that add coverage (see
docs/limits.md, "Fuzzing"). atheris is a test extra (``pip install -e .[fuzz]``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

with atheris.instrument_imports(include=["factcheck"]):
    from tests.fuzz.targets import TARGETS


def main() -> None:
    name = sys.argv.pop(1) if len(sys.argv) > 1 else "values"
    target = TARGETS[name]
    corpus = [a for a in sys.argv[1:] if not a.startswith("-")]
    if not corpus:
        sys.argv.append(str(HERE / "corpus" / name))
    atheris.Setup(sys.argv, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
