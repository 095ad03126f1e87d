"""Running rules on a second core: the index is built once, then forked.

The rules only read the scope index, so a forked child can run some of them
on the parent's copy of the index (shared copy-on-write, nothing pickled on
the way in) and send its findings back while the parent goes on with the
others. Only findings cross the pipe, so the child gets the rules that find
few things (hierarchies: conflicts only). Where ``fork`` is not available,
or the desk is small enough that a second process costs more than it saves,
the rules run here when their results are asked for; the findings are the
same either way.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Sequence
from typing import Any

from .findings import Finding
from .rules import Rule
from .scopes import ScopeIndex

#: Below this many claims everything runs in one process.
MIN_CLAIMS = 20_000


class Background:
    """Findings of some rules, computed in a forked child or, failing that, here."""

    def __init__(self, index: ScopeIndex, rules: Sequence[Rule], workers: int) -> None:
        self._index = index
        self._rules = rules
        self._reader: Any = None
        self._child: Any = None
        if (
            workers >= 2
            and len(index.desk.claims) >= MIN_CLAIMS
            and "fork" in multiprocessing.get_all_start_methods()
        ):
            context = multiprocessing.get_context("fork")
            self._reader, writer = context.Pipe(duplex=False)
            self._child = context.Process(target=_child, args=(index, rules, writer), daemon=True)
            self._child.start()
            writer.close()

    def result(self) -> list[Finding]:
        if self._child is None:
            return _run(self._index, self._rules)
        try:
            found: list[Finding] = pickle.loads(self._reader.recv_bytes())
        except (EOFError, OSError, pickle.UnpicklingError):  # the child died: do its part here
            found = _run(self._index, self._rules)
        finally:
            self._reader.close()
            self._child.join()
        return found


def _run(index: ScopeIndex, rules: Sequence[Rule]) -> list[Finding]:
    return [finding for rule in rules for finding in rule(index)]


def _child(index: ScopeIndex, rules: Sequence[Rule], writer: Any) -> None:
    try:
        writer.send_bytes(pickle.dumps(_run(index, rules), protocol=pickle.HIGHEST_PROTOCOL))
    finally:
        writer.close()
        os._exit(0)  # skip the parent's atexit handlers and buffered output
