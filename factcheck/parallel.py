"""Running the rules on two cores: the index is built once, then forked.

The rules only read the scope index, so a forked child can run half of them
on the parent's copy of the index (shared copy-on-write, nothing pickled on
the way in) and send its findings back, while the parent runs the other
half. Only findings cross the pipe. Where ``fork`` is not available, or the
desk is small enough that a second process costs more than it saves, the
rules simply run one after the other; either way the findings are the same.
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

#: Below this many claims the rules run in one process.
MIN_CLAIMS = 20_000


def run_rules(index: ScopeIndex, groups: Sequence[Sequence[Rule]], workers: int) -> list[Finding]:
    """Findings of every rule; the first group runs here, the second in a child."""
    if (
        workers < 2
        or len(groups) < 2
        or len(index.desk.claims) < MIN_CLAIMS
        or "fork" not in multiprocessing.get_all_start_methods()
    ):
        return [f for group in groups for rule in group for f in rule(index)]
    reader, writer = multiprocessing.get_context("fork").Pipe(duplex=False)
    child = multiprocessing.get_context("fork").Process(
        target=_child, args=(index, groups[1:], writer), daemon=True
    )
    child.start()
    writer.close()
    found = [f for rule in groups[0] for f in rule(index)]
    try:
        others: list[Finding] = pickle.loads(reader.recv_bytes())
    except (EOFError, OSError, pickle.UnpicklingError):  # the child died: do its part here
        others = [f for group in groups[1:] for rule in group for f in rule(index)]
    finally:
        reader.close()
        child.join()
    return found + others


def _child(index: ScopeIndex, groups: Sequence[Sequence[Rule]], writer: Any) -> None:
    try:
        found = [f for group in groups for rule in group for f in rule(index)]
        writer.send_bytes(pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))
    finally:
        writer.close()
        os._exit(0)  # skip the parent's atexit handlers and buffered output
