"""Pausing Python's cyclic garbage collector while a desk is built or checked.

Loading and reconciling allocate hundreds of thousands of small objects that
live until the end and form no cycles worth collecting; the collector would
scan them over and over (a third of the run time on 100,000 claims, see
docs/performance.md). Reference counting still frees everything as usual.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Disable the cyclic collector inside the block, restoring its state after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
