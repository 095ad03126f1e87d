"""Rule: claims on one scope must share a value (numbers and dates), or agree (categories).

In one dimension, intervals that pairwise intersect share a point, so a
conflict always has a witness pair: the claim with the highest lower bound
(the floor) and the one with the lowest upper bound (the ceiling). That pair
is the smallest set reported.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from ...desk.model import Claim
from ...values.amounts import Category
from ...values.intervals import Interval
from ..findings import CommonGround, Disagreement, Figure, Finding, Side, WordConflict
from ..scopes import Cell, ScopeIndex, bounds, ceiling_of, floor_of

RULE = "same-scope"


def check(index: ScopeIndex) -> Iterator[Finding]:
    for cell in index.cells.values():
        if len(cell.claims) < 2:
            continue
        if cell.unit == "category":
            yield _categories(index, cell)
        elif cell.interval is None:
            yield _conflict(index, cell)
        else:
            yield _agreement(index, cell, cell.interval)


def _consistent(claims: list[Claim]) -> bool:
    if not claims:
        return True
    # all share a point iff the one pushing up most meets the one holding down most
    return bounds(floor_of(claims)).intersects(bounds(ceiling_of(claims)))


def _conflict(index: ScopeIndex, cell: Cell) -> Finding:
    up, down = floor_of(cell.claims), ceiling_of(cell.claims)
    removal = tuple(
        sorted(c.id for c in (up, down) if _consistent([o for o in cell.claims if o is not c]))
    )
    side_up = [c for c in cell.claims if bounds(c).intersects(bounds(up))]
    side_down = [c for c in cell.claims if bounds(c).intersects(bounds(down))]
    only_up = [c for c in side_up if c not in side_down]
    only_down = [c for c in side_down if c not in side_up]
    return Finding(
        kind="conflict",
        rule=RULE,
        claims=tuple(sorted((up.id, down.id))),
        detail=Disagreement(cell.scope, up.id, down.id),
        sides=tuple(
            Side(role, tuple(c.id for c in only), index.origins.behind(only), claim.id)
            for role, claim, only in (("floor", up, only_up), ("ceiling", down, only_down))
        ),
        removal=removal,
    )


def _agreement(index: ScopeIndex, cell: Cell, common: Interval | None, word: str = "") -> Finding:
    """Claims that share a value (``common``) or say one word: corroboration when
    two or more independent origins stand behind them, else repetition."""
    ids = tuple(sorted(c.id for c in cell.claims))
    origins = index.origins.behind(cell.claims)
    if common is None:
        detail = CommonGround(cell.scope, None, word=word)
        side = Side("word", ids, origins, word)
    else:
        bounded = math.isfinite(common.lo) and math.isfinite(common.hi)
        strength = "hedges" if bounded else "loose"
        detail = CommonGround(cell.scope, Figure(common, cell.unit), terms=ids, strength=strength)
        side = Side("agree", ids, origins)
    return Finding(
        kind="agreement" if len(origins) > 1 else "repetition",
        rule=RULE,
        claims=ids,
        detail=detail,
        sides=(side,),
    )


def _categories(index: ScopeIndex, cell: Cell) -> Finding:
    by_word: dict[str, list[Claim]] = {}
    for claim in cell.claims:
        value = claim.value
        assert isinstance(value, Category)
        by_word.setdefault(value.word, []).append(claim)
    if len(by_word) == 1:
        return _agreement(index, cell, None, next(iter(by_word)))
    words = sorted(by_word, key=lambda w: (-len(by_word[w]), w))
    first, second = by_word[words[0]][0], by_word[words[1]][0]
    sides = tuple(
        Side(
            "word",
            tuple(sorted(c.id for c in by_word[word])),
            index.origins.behind(by_word[word]),
            word,
        )
        for word in words
    )
    removal: tuple[str, ...] = ()
    if len(words) == 2:
        removal = tuple(sorted(c.id for w in words if len(by_word[w]) == 1 for c in by_word[w]))
    return Finding(
        kind="conflict",
        rule=RULE,
        claims=tuple(sorted((first.id, second.id))),
        detail=WordConflict(cell.scope, tuple(words), first.id, second.id),
        sides=sides,
        removal=removal,
    )
