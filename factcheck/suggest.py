"""Suggestions for mistyped names: the one "did you mean" matcher every message uses.

Names, fields, sections, units, choices and claim ids are all matched the
same way (rapidfuzz's ``WRatio``, case folded, at one cutoff), so a typo gets
the same help wherever it is made.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import fuzz, process

#: How alike (0 to 100) a known name must be to be suggested.
CUTOFF = 70.0


def nearest(word: str, choices: Iterable[str], limit: int = 3) -> list[str]:
    """Up to ``limit`` known names like ``word``, most alike first."""
    found = process.extract(
        word,
        list(choices),
        scorer=fuzz.WRatio,
        processor=str.casefold,
        limit=limit,
        score_cutoff=CUTOFF,
    )
    return [match[0] for match in found]


def did_you_mean(
    word: str, choices: Iterable[str], otherwise: str = "", tail: str = "", limit: int = 3
) -> str:
    """``did you mean 'a' or 'b'?`` (followed by ``tail``), or ``otherwise`` when
    nothing known is alike."""
    found = list(dict.fromkeys(nearest(word, choices, limit)))
    if not found:
        return otherwise
    return "did you mean " + " or ".join(f"'{name}'" for name in found) + "?" + tail
