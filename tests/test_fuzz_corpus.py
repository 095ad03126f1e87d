"""The coverage-guided fuzzer's kept corpus, replayed in every run: each input it
found interesting stays a test (tests/fuzz/targets.py says what must hold)."""

from __future__ import annotations

from pathlib import Path

import pytest

from .fuzz.targets import TARGETS

CORPUS = Path(__file__).resolve().parent / "fuzz" / "corpus"
INPUTS = sorted((t.name, p) for t in CORPUS.iterdir() if t.is_dir() for p in t.iterdir())


def test_the_corpus_is_kept() -> None:
    assert {name for name, _ in INPUTS} == set(TARGETS)


@pytest.mark.parametrize(("target", "path"), INPUTS, ids=[f"{t}/{p.name}" for t, p in INPUTS])
def test_every_corpus_input_is_read_or_refused(target: str, path: Path) -> None:
    check = TARGETS[target]  # each target asserts what must hold of its input
    assert check(path.read_bytes()) is None
