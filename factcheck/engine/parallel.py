"""Running work on a second core: a forked child, and slices shared between processes.

This module only executes; what runs where is decided by the executor. The
scope index is built once, then the process forks: the child reads the
parent's copy of the index (shared copy-on-write, nothing pickled on the way
in) and sends back only its result. Work that is a list of independent items
is taken in slices from a shared counter, so both processes finish at about
the same time whichever has more to do.

Where ``fork`` is not available, everything runs in this process.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Callable, Iterator
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


class Slices:
    """Ranges of ``size`` items out of ``total``, each handed out once: across a
    forked child and its parent when ``shared``, else in this process."""

    def __init__(self, total: int, size: int, shared: bool) -> None:
        self.total = total
        self.size = size
        self._next: Any = multiprocessing.get_context("fork").Value("q", 0) if shared else None
        self._local = 0
        self.taken: list[range] = []  # the slices this process took

    def rest(self) -> list[range]:
        """The slices this process did not take (the other process's share)."""
        mine = {r.start for r in self.taken}
        starts = range(0, self.total, self.size)
        return [range(s, min(s + self.size, self.total)) for s in starts if s not in mine]

    def take(self) -> Iterator[range]:
        while True:
            if self._next is None:
                start, self._local = self._local, self._local + self.size
            else:
                with self._next.get_lock():
                    start = self._next.value
                    self._next.value = start + self.size
            if start >= self.total:
                return
            part = range(start, min(start + self.size, self.total))
            self.taken.append(part)
            yield part


class Child(Generic[T]):
    """``work()`` computed in a forked child while this process goes on.

    ``result()`` waits for the child's answer; if the child died, it calls
    ``redo()`` here instead (which must give the child's whole share)."""

    def __init__(self, work: Callable[[], T], redo: Callable[[], T]) -> None:
        self._redo = redo
        context = multiprocessing.get_context("fork")
        self._reader, writer = context.Pipe(duplex=False)
        self._process = context.Process(target=_child, args=(work, writer), daemon=True)
        self._process.start()
        writer.close()

    def result(self) -> T:
        try:
            found: T = pickle.loads(self._reader.recv_bytes())
        except (EOFError, OSError, pickle.UnpicklingError):  # the child died: do its part here
            found = self._redo()
        finally:
            self._reader.close()
            self._process.join()
        return found


def _child(work: Callable[[], Any], writer: Any) -> None:
    try:
        writer.send_bytes(pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL))
    finally:
        writer.close()
        os._exit(0)  # skip the parent's atexit handlers and buffered output
