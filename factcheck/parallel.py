"""Running rules on a second core: the index is built once, then forked.

The rules only read the scope index, so a forked child can run some of them
on the parent's copy of the index (shared copy-on-write, nothing pickled on
the way in) and send its findings back while the parent goes on with the
others. Only findings cross the pipe, so the child gets the rules that find
few things (hierarchies: conflicts only).

The rules that look at one claim at a time (the quote check) are shared out
in slices of claims: each process, once done with its own rules, takes the
next slice nobody has taken, until none is left. Both processes then finish
at about the same time, whichever has more to do on a given desk.

Where ``fork`` is not available, or the desk is small enough that a second
process costs more than it saves, everything runs here; the findings are the
same either way (the report sorts them).
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Sequence
from typing import Any

from .findings import Finding
from .rules import ClaimRule, Rule
from .scopes import ScopeIndex

#: Below this many claims everything runs in one process.
MIN_CLAIMS = 20_000
#: Claims in each slice of the shared rules.
SLICE = 1_000


class Background:
    """Findings of some rules, computed in a forked child or, failing that, here."""

    def __init__(
        self,
        index: ScopeIndex,
        rules: Sequence[Rule],
        shared: Sequence[ClaimRule],
        workers: int,
    ) -> None:
        self._index = index
        self._rules = rules
        self._shared = shared
        self._reader: Any = None
        self._child: Any = None
        self._next: Any = None
        if (
            workers >= 2
            and len(index.desk.claims) >= MIN_CLAIMS
            and "fork" in multiprocessing.get_all_start_methods()
        ):
            context = multiprocessing.get_context("fork")
            self._next = context.Value("q", 0)  # the first claim of the next slice to take
            self._reader, writer = context.Pipe(duplex=False)
            self._child = context.Process(
                target=_child, args=(index, rules, shared, self._next, writer), daemon=True
            )
            self._child.start()
            writer.close()

    def share(self) -> list[Finding]:
        """This process's part of the shared rules: every slice the child has not taken."""
        if self._child is None:
            return [f for rule in self._shared for f in rule(self._index, self._index.desk.claims)]
        return _slices(self._index, self._shared, self._next)

    def result(self) -> list[Finding]:
        """The child's findings: its rules, and the slices of the shared rules it took."""
        if self._child is None:
            return _run(self._index, self._rules)
        try:
            found: list[Finding] = pickle.loads(self._reader.recv_bytes())
        except (EOFError, OSError, pickle.UnpicklingError):  # the child died: do its part here
            every = self._index.desk.claims  # which slices it took is lost with it
            found = _run(self._index, self._rules)
            found += [f for rule in self._shared for f in rule(self._index, every)]
        finally:
            self._reader.close()
            self._child.join()
        return found


def _run(index: ScopeIndex, rules: Sequence[Rule]) -> list[Finding]:
    return [finding for rule in rules for finding in rule(index)]


def _slices(index: ScopeIndex, shared: Sequence[ClaimRule], next_start: Any) -> list[Finding]:
    claims = index.desk.claims
    found: list[Finding] = []
    while True:
        with next_start.get_lock():
            start = next_start.value
            next_start.value = start + SLICE
        if start >= len(claims):
            return found
        part = claims[start : start + SLICE]
        for rule in shared:
            found.extend(rule(index, part))


def _child(
    index: ScopeIndex,
    rules: Sequence[Rule],
    shared: Sequence[ClaimRule],
    next_start: Any,
    writer: Any,
) -> None:
    try:
        found = _run(index, rules) + _slices(index, shared, next_start)
        writer.send_bytes(pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))
    finally:
        writer.close()
        os._exit(0)  # skip the parent's atexit handlers and buffered output
