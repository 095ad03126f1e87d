"""How far a long run has got: reported to a callback the caller passes, if any.

The library never prints: ``load`` and ``reconcile`` call ``progress(what,
done, total)`` as they go (``total`` 0 when unknown), and the command line
turns that into a line on a terminal's stderr for runs over two seconds.
"""

from __future__ import annotations

from collections.abc import Callable

#: ``progress("reading files", 1200, 5000)``; ``total`` is 0 for a stage without a count.
Progress = Callable[[str, int, int], None]


def silent(what: str, done: int, total: int) -> None:
    """The progress nobody watches."""
