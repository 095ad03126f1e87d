"""Every test can fail: each test function asserts, expects an exception, or calls a
helper of its module that does."""

from __future__ import annotations

import ast
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHECKS = {"raises", "fail", "warns", "approx"}


def _checks(node: ast.AST, helpers: set[str]) -> bool:
    for child in ast.walk(node):
        if isinstance(child, ast.Assert):
            return True
        if isinstance(child, ast.Call):
            name = (
                child.func.attr
                if isinstance(child.func, ast.Attribute)
                else getattr(child.func, "id", "")
            )
            if name in CHECKS or name in helpers:
                return True
    return False


def _silent_tests(source: str) -> list[str]:
    tree = ast.parse(source)
    functions = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]
    helpers: set[str] = set()
    while True:  # helpers that check, or that call helpers that check
        found = {
            f.name for f in functions if not f.name.startswith("test_") and _checks(f, helpers)
        }
        if found <= helpers:
            break
        helpers |= found
    return [f.name for f in functions if f.name.startswith("test_") and not _checks(f, helpers)]


def test_every_test_function_checks_something() -> None:
    silent = {
        f"{path.name}::{name}"
        for path in sorted(HERE.glob("test_*.py"))
        for name in _silent_tests(path.read_text(encoding="utf-8"))
    }
    assert sorted(silent) == []


def test_the_check_finds_a_test_that_cannot_fail() -> None:
    source = """
def helper(x):
    assert x

def test_calls_a_helper():
    helper(1)

def test_asserts():
    assert 1

def test_nothing():
    sum([1, 2])
"""
    assert _silent_tests(source) == ["test_nothing"]
