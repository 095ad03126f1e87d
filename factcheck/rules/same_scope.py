"""Rule: claims on one scope must share a value (numbers and dates), or agree (categories).

In one dimension, intervals that pairwise intersect share a point, so a
conflict always has a witness pair: the claim with the highest lower bound
and the one with the lowest upper bound. That pair is the smallest set
reported.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, Side
from ..intervals import Interval
from ..model import Claim
from ..phrases import extreme_high, extreme_low, interval_words, said, scope_words
from ..scopes import Cell, ScopeIndex
from ..values import Amount, Category, DateValue

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


def _bounds(claim: Claim) -> Interval:
    value = claim.value
    assert isinstance(value, Amount | DateValue)
    return value.interval


def _consistent(claims: list[Claim]) -> bool:
    if not claims:
        return True
    # all share a point iff the one pushing up most meets the one holding down most
    return _bounds(extreme_low(claims)).intersects(_bounds(extreme_high(claims)))


def _conflict(index: ScopeIndex, cell: Cell) -> Finding:
    up, down = extreme_low(cell.claims), extreme_high(cell.claims)
    removal = tuple(
        sorted(c.id for c in (up, down) if _consistent([o for o in cell.claims if o is not c]))
    )
    side_up = [c for c in cell.claims if _bounds(c).intersects(_bounds(up))]
    side_down = [c for c in cell.claims if _bounds(c).intersects(_bounds(down))]
    only_up = [c for c in side_up if c not in side_down]
    only_down = [c for c in side_down if c not in side_up]
    where = scope_words(index, cell.scope)
    return Finding(
        kind="conflict",
        rule=RULE,
        claims=tuple(sorted((up.id, down.id))),
        message=f"{where}: {up.id} and {down.id} cannot both be true",
        arithmetic=(
            said(index, up),
            said(index, down),
            "the two readings share no value",
        ),
        sides=(
            *(
                Side(f"{claim.value.text}", tuple(c.id for c in only), index.origins.behind(only))
                for claim, only in ((up, only_up), (down, only_down))
            ),
        ),
        removal=removal,
    )


def _agreement(index: ScopeIndex, cell: Cell, common: Interval) -> Finding:
    ids = tuple(sorted(c.id for c in cell.claims))
    origins = index.origins.behind(cell.claims)
    kind = "agreement" if len(origins) > 1 else "repetition"
    where = scope_words(index, cell.scope)
    what = (
        f"{len(origins)} independent origins agree"
        if kind == "agreement"
        else f"one origin ({origins[0]}) repeated"
    )
    return Finding(
        kind=kind,
        rule=RULE,
        claims=ids,
        message=f"{where}: {what}; common ground {interval_words(common, cell.unit)}",
        arithmetic=tuple(said(index, c) for c in sorted(cell.claims, key=lambda c: c.id)),
        sides=(Side("agree", ids, origins),),
    )


def _categories(index: ScopeIndex, cell: Cell) -> Finding:
    by_word: dict[str, list[Claim]] = {}
    for claim in cell.claims:
        value = claim.value
        assert isinstance(value, Category)
        by_word.setdefault(value.word, []).append(claim)
    if len(by_word) == 1:
        common = next(iter(by_word))
        ids = tuple(sorted(c.id for c in cell.claims))
        origins = index.origins.behind(cell.claims)
        kind = "agreement" if len(origins) > 1 else "repetition"
        return Finding(
            kind=kind,
            rule=RULE,
            claims=ids,
            message=f"{scope_words(index, cell.scope)}: all say '{common}' "
            f"({len(origins)} independent origin{'s' if len(origins) != 1 else ''})",
            sides=(Side(common, ids, origins),),
        )
    words = sorted(by_word, key=lambda w: (-len(by_word[w]), w))
    first, second = by_word[words[0]][0], by_word[words[1]][0]
    sides = tuple(
        Side(
            word,
            tuple(sorted(c.id for c in by_word[word])),
            index.origins.behind(by_word[word]),
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
        message=f"{scope_words(index, cell.scope)}: "
        f"'{words[0]}' and '{words[1]}' cannot both be true",
        arithmetic=(said(index, first), said(index, second)),
        sides=sides,
        removal=removal,
    )
