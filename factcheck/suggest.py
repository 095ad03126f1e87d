"""Suggestions for mistyped names: the one "did you mean" matcher every message uses.

Names, fields, sections, units, choices and claim ids are all matched the
same way, so a typo gets the same help wherever it is made: rapidfuzz's
``ratio`` (the normalised edit similarity, 0 to 100) of the two names with
case folded and ``-``, ``_`` and spaces taken as one, at one cutoff.

The cutoff was tuned on a list of real typos and of words that must get no
suggestion (``tests/test_suggest.py``): every typo there scores 66 or more
against the name meant, and no unrelated word more than 57 against any name
("cell" against "ceo"). ``WRatio``, used before, also scores a word inside a
longer name highly, which suggested "cell_shipments" for "cell" and an
article's long id for an outlet's name.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rapidfuzz import fuzz, process

#: How alike (0 to 100) a known name must be to be suggested.
CUTOFF = 62.0


def _folded(name: str) -> str:
    return name.casefold().replace("_", " ").replace("-", " ")


def nearest(word: str, choices: Iterable[str], limit: int = 3) -> list[str]:
    """Up to ``limit`` known names like ``word``, most alike first."""
    found = process.extract(
        word,
        list(choices),
        scorer=fuzz.ratio,
        processor=_folded,
        limit=limit,
        score_cutoff=CUTOFF,
    )
    return [match[0] for match in found]


def did_you_mean(
    word: str,
    choices: Iterable[str],
    otherwise: str = "",
    tail: str = "",
    limit: int = 3,
    ids: Mapping[str, str] | None = None,
) -> str:
    """``did you mean 'a' or 'b'?`` (followed by ``tail``), or ``otherwise`` when
    nothing known is alike. With ``ids`` (words such as names and aliases, each to
    its id), the ids of the nearest words are suggested."""
    found = nearest(word, choices, limit)
    if ids is not None:
        found = [ids[name] for name in found]
    found = list(dict.fromkeys(found))
    if not found:
        return otherwise
    return "did you mean " + " or ".join(f"'{name}'" for name in found) + "?" + tail
