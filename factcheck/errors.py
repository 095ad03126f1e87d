"""Failures: one root exception, and problems in a desk that say where they are.

A *problem* is one thing wrong with the input, located as ``file:line:col``.
The loader collects every problem in a desk, then raises one ``DeskError``
holding all of them, so a journalist fixes a file in one pass.

The exception tree, each with built-in parents so callers may catch either::

    FactcheckError                      exit 2: the run cannot go on as asked
    ├── DeskError (ValueError)          problems in the desk, all of them
    ├── ValueSyntaxError (ValueError)   a value, period or unit that cannot be read
    ├── UsageError (ValueError)         an unknown format, rule or language
    ├── UnknownClaimError (KeyError)    no claim with that id in the desk
    └── ExportError (OSError)           an output that cannot be written

Anything else escaping the library is a bug of ours: the command line exits 3.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True, order=True)
class Location:
    """A place in a file: 1-based line and column (0 when unknown)."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        shown = _display_path(self.path)
        if self.line <= 0:
            return shown
        return f"{shown}:{self.line}:{max(self.col, 1)}"


def _display_path(path: str) -> str:
    """The path relative to the working directory when it lies below it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if rel.startswith("..") else rel


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong with a desk: where, what, and the fix when known."""

    location: Location
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.location}: {self.message}"
        return f"{text}; {self.hint}" if self.hint else text


class FactcheckError(Exception):
    """Root of every error this package raises on purpose."""

    exit_code = 2


class ValueSyntaxError(FactcheckError, ValueError):
    """A value, period or unit expression that cannot be read.

    ``col`` is the 0-based offset in the text where reading failed.
    """

    def __init__(self, message: str, hint: str = "", col: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.col = col


class UsageError(FactcheckError, ValueError):
    """A call that asks for something that does not exist: a format, a rule, a language."""


class UnknownClaimError(FactcheckError, KeyError):
    """No claim in the desk has the id asked for; the message suggests near ids."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class ExportError(FactcheckError, OSError):
    """An output file that cannot be written; names the path the user gave."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


#: Problems kept and shown for one desk; the rest are counted (docs/limits.md).
MAX_PROBLEMS = 200


class Problems(list[Problem]):
    """Problems in the order they are found: the first ``MAX_PROBLEMS`` kept, the
    rest only counted (``more``), so that a desk of junk cannot fill the memory."""

    def __init__(self) -> None:
        super().__init__()
        self.more = 0

    def append(self, problem: Problem) -> None:
        if len(self) < MAX_PROBLEMS:
            super().append(problem)
        else:
            self.more += 1

    def extend(self, problems: Iterable[Problem]) -> None:
        for problem in problems:
            self.append(problem)


class DeskError(FactcheckError, ValueError):
    """A desk with one or more problems: the first ``MAX_PROBLEMS`` of them, sorted
    by place, and how many more there are (``more``)."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        found = sorted(set(problems))
        self.problems: tuple[Problem, ...] = tuple(found[:MAX_PROBLEMS])
        self.more: int = len(found) - len(self.problems) + getattr(problems, "more", 0)
        count = len(self.problems) + self.more
        super().__init__(f"{count} problem{'s' if count != 1 else ''} in the desk")

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


def here(path: Path | str, line: int = 0, col: int = 0) -> Location:
    return Location(str(path), line, col)
