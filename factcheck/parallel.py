"""Running work on a second core: a forked child, slices shared between processes,
and a map computed ahead of its reader.

This module only executes; what runs where is decided by its callers (the
loader, the rules' executor). The process forks: the child reads the
parent's memory (shared copy-on-write, nothing pickled on the way in) and
sends back only its results. Three shapes of work:

- ``Child``: one piece of work done while the parent does another (the rules);
- ``Slices``: a list of independent items taken in slices from a shared
  counter, so both processes finish at about the same time whichever has
  more to do (the quote checks);
- ``ahead``: a function mapped over items in order, by a child that stays a
  few items ahead of the parent consuming them (files parsed while the
  parent builds the claims of those before).

Where ``fork`` is not available, or one core is all there is, everything
runs in this process, with the same results.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Callable, Generator, Iterator, Sequence
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def can_fork() -> bool:
    return "fork" in multiprocessing.get_all_start_methods()


def cores() -> int:
    """The cores this process may run on (at most the two this module uses)."""
    try:
        return min(2, len(os.sched_getaffinity(0)))
    except AttributeError:  # no affinity on this system
        return min(2, os.cpu_count() or 1)


def ahead(
    work: Callable[[T], R], items: Sequence[T], fork: bool, batch: int = 16
) -> Generator[R, None, None]:
    """``work(item)`` for each item, yielded in order.

    With ``fork``, a forked child computes them and sends them in batches of
    ``batch``; it stays at most a batch and the pipe's buffer ahead of the
    reader, so results never pile up in memory. If the child dies, or
    ``work`` raises in it, the items it has not delivered are computed here
    (where an exception then reaches the caller as it would have without
    ``fork``). Closing the iterator early ends the child.
    """
    done = 0
    if fork and len(items) > batch:
        context = multiprocessing.get_context("fork")
        reader, writer = context.Pipe(duplex=False)
        process = context.Process(target=_produce, args=(work, items, batch, writer), daemon=True)
        process.start()
        writer.close()
        try:
            while done < len(items):
                try:
                    results: list[R] = pickle.loads(reader.recv_bytes())
                except (EOFError, OSError, pickle.UnpicklingError):
                    break  # the child died: the rest is done here
                yield from results
                done += len(results)
        finally:
            reader.close()
            if process.is_alive():
                process.kill()
            process.join()
    for item in items[done:]:
        yield work(item)


def _produce(work: Callable[[Any], Any], items: Sequence[Any], batch: int, writer: Any) -> None:
    try:  # on any exception the child just ends: the parent computes what was not sent
        for start in range(0, len(items), batch):
            results = [work(item) for item in items[start : start + batch]]
            writer.send_bytes(pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL))
    finally:
        writer.close()
        os._exit(0)  # skip the parent's atexit handlers and buffered output; no traceback


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
