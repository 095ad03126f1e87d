"""A batch: Python's cyclic garbage collector paused while desks are built and checked.

The command line runs each command inside ``batch()``; a script that loads or
reconciles large desks may do the same (``with factcheck.batch(): ...``).
Library calls never touch the collector themselves.

Loading and reconciling allocate millions of small objects that live until
the end and form no cycles worth collecting; the collector would scan them
over and over (a third of the run time on 100,000 claims, see
docs/performance.md). Reference counting still frees everything as usual.

Leaving the block, what was built is moved to the oldest generation at once,
where it would end up anyway after surviving two collections: otherwise the
first allocation after the block would make the collector scan every object
built inside it (1.2 s after loading 1,000,000 claims, 1.4 s after checking
them). Objects there are still collected, by the occasional full collection.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def batch() -> Iterator[None]:
    """Disable the cyclic collector inside the block, restoring its state after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:  # never thaw what the application froze itself
            gc.freeze()  # young generations, without a scan...
            gc.unfreeze()  # ...into the oldest one
        if enabled:
            gc.enable()
