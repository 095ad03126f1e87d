"""Where factcheck may keep what it can rebuild: the user's cache folder, never a desk.

``FACTCHECK_CACHE_DIR`` names another folder; ``FACTCHECK_NO_CACHE=1`` (or the
command line's ``--no-cache``) turns every cache off. What is kept there is
keyed by the content it was made from and checked on reading: an entry that
is stale or cannot be read is ignored and made again, never trusted.
"""

from __future__ import annotations

import os
from pathlib import Path

#: The environment variables that move or turn off the caches.
DIR_VARIABLE = "FACTCHECK_CACHE_DIR"
OFF_VARIABLE = "FACTCHECK_NO_CACHE"


def folder(name: str) -> Path | None:
    """The cache folder for ``name`` (not created), or None when caching is off."""
    if os.environ.get(OFF_VARIABLE, "").strip() not in ("", "0"):
        return None
    base = os.environ.get(DIR_VARIABLE, "").strip()
    if base:
        return Path(base) / name
    import platformdirs  # pint's own dependency: the platform's cache folder

    return Path(platformdirs.user_cache_dir("factcheck", appauthor=False)) / name
