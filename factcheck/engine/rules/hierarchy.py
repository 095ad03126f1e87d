"""Rules for additive metrics along the desk's hierarchies (spec section 5.3).

- ``part_whole``: a part is at most its whole (an entity ``part_of`` or member
  of another, a period inside another, one product among all products, one
  counterparty among all), along the axes the metric adds up on.
- ``parts_sum``: disjoint parts together are at most the whole (members of a
  group, periods that do not overlap, distinct products).
- ``cover``: parts that cover the whole add up to it (all members of a group;
  H1 + H2, four quarters or twelve months of a year, ...).

Each rule looks parts and wholes up in the scope index, so it visits each
claim a bounded number of times.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator

from ...desk.model import Claim
from ...values.amounts import Amount
from ...values.intervals import Interval, add, outward, sum_down, up
from ...values.periods import Period
from ..findings import Cover, Finding, PartsSum, PartWhole, Scope, Side, Term
from ..scopes import Cell, Level, ScopeIndex, bounds, ceiling_of, floor_of, in_unit


def _exceeds(low: Interval, high: Interval) -> bool:
    """Whether every value of ``low`` is above every value of ``high``."""
    return low.lo > high.hi or (low.lo == high.hi and (low.lo_open or high.hi_open))


def _additive_cells(index: ScopeIndex) -> Iterator[tuple[Cell, frozenset[str]]]:
    """Numeric cells of additive metrics, subject by subject: neighbours stay in cache."""
    metrics = index.desk.metrics
    for (metric, _), level in index.tree.items():
        axes = metrics[metric].additive
        if not axes:
            continue
        for variants in level.values():
            for cells in variants.values():
                for cell in cells:
                    if cell.unit not in ("date", "category"):
                        yield cell, axes


# -- a part is at most its whole -------------------------------------------------------


def part_whole(index: ScopeIndex) -> Iterator[Finding]:
    metrics = index.desk.metrics
    tree = index.tree
    for (metric, subject), periods in tree.items():  # neighbours together: cache-friendly
        axes = metrics[metric].additive
        if not axes:
            continue
        wholes_of_subject = (
            [subject, *index.subject_wholes(subject)] if "subject" in axes else [subject]
        )
        levels = [tree[(metric, s)] for s in wholes_of_subject if (metric, s) in tree]
        for variants in periods.values():
            for cells in variants.values():
                for cell in cells:
                    if cell.unit in ("date", "category"):
                        continue
                    for _, whole_cells in _wholes(
                        index, cell.scope, axes, wholes_of_subject, levels
                    ):
                        whole = in_unit(whole_cells, cell.unit)
                        if whole is None:
                            continue
                        part_claim, whole_claim = cell.floor_claim, whole.ceiling_claim
                        if _exceeds(bounds(part_claim), bounds(whole_claim)):
                            yield _part_conflict(index, cell, whole, part_claim, whole_claim)


def _wholes(
    index: ScopeIndex,
    scope: Scope,
    axes: frozenset[str],
    subjects: list[str],
    levels: list[Level],
) -> Iterator[tuple[Scope, list[Cell]]]:
    """Scopes with claims that contain ``scope`` along the metric's additive axes,
    looked up in the tree below each whole subject (``levels``)."""
    metric, subject, period, product, party = scope
    periods = [period]
    if "period" in axes and period:
        periods += index.containing_periods(metric, period)
    products = [product]
    if "product" in axes and product:
        products += [*index.wider_products(product), ()]
    parties = [party, ""] if "counterparty" in axes and party else [party]
    present = [s for s in subjects if (metric, s) in index.tree]
    for s, level in zip(present, levels, strict=True):
        for p in periods:
            variants = level.get(p)
            if variants is None:
                continue
            for prod in products:
                for c in parties:
                    cells = variants.get((prod, c))
                    if cells is not None and (s, p, prod, c) != (subject, period, product, party):
                        yield (metric, s, p, prod, c), cells


def _part_conflict(
    index: ScopeIndex, part: Cell, whole: Cell, part_claim: Claim, whole_claim: Claim
) -> Finding:
    ids = (part_claim.id, whole_claim.id)
    return Finding(
        kind="conflict",
        rule="part-whole",
        claims=tuple(sorted(ids)),
        detail=PartWhole(part.scope, whole.scope, part_claim.id, whole_claim.id),
        sides=(
            Side("part", (part_claim.id,), index.origins.behind((part_claim,))),
            Side("whole", (whole_claim.id,), index.origins.behind((whole_claim,))),
        ),
        removal=tuple(sorted(ids)),
    )


# -- disjoint parts add up to at most the whole ----------------------------------------------


def parts_sum(index: ScopeIndex) -> Iterator[Finding]:
    for whole, axes in _additive_cells(index):
        for axis in sorted(axes):
            parts = _disjoint_parts(index, whole, axis)
            if len(parts) < 2:
                continue
            ceiling = whole.ceiling_claim
            pushing = sorted(
                ((p.floor_claim, p) for p in parts),
                key=lambda t: (-bounds(t[0]).lo, t[0].id),
            )
            if _sum_exceeds([c for c, _ in pushing[:1]], ceiling):
                continue  # one part alone exceeds the whole: the part-whole rule says so
            for size in range(2, len(pushing) + 1):
                if _sum_exceeds([c for c, _ in pushing[:size]], ceiling):
                    yield _sum_conflict(index, whole, parts, pushing[:size], ceiling, axis)
                    break


def _sum_exceeds(claims: list[Claim], ceiling: Claim) -> bool:
    lows = [bounds(c) for c in claims]
    total = sum_down([i.lo for i in lows])  # no conflict from binary rounding
    top = bounds(ceiling)
    ceiling_hi = up(top.hi)  # the whole's decimal may lie up to half a float above it
    return total > ceiling_hi or (
        total == ceiling_hi and (any(i.lo_open for i in lows) or top.hi_open)
    )


def _restores(parts: list[Cell], whole: Cell, removed: Claim) -> bool:
    """Whether the desk without ``removed`` satisfies 'parts add up to at most the whole'."""
    rest = [c for c in whole.claims if c is not removed]
    if not rest:
        return True
    lows = []
    for cell in parts:
        kept = [c for c in cell.claims if c is not removed]
        if kept:
            lows.append(floor_of(kept))
    return not _sum_exceeds(lows, ceiling_of(rest))


def _disjoint_parts(index: ScopeIndex, whole: Cell, axis: str) -> list[Cell]:
    scope = whole.scope
    if axis == "subject":
        entity = index.desk.entities.get(scope[1])
        members = entity.members if entity else ()
        found = [index.beside(whole, 1, m) for m in members]
        return [c for c in found if c is not None]
    if axis == "period" and scope[2]:
        inside = [(p, index.beside(whole, 2, p.text)) for p in index.sub_periods(scope[2])]
        return _heaviest_disjoint([(p, c) for p, c in inside if c is not None])
    if axis == "product" and not scope[3]:
        variants = index.tree[(scope[0], scope[1])][scope[2]]  # same metric, subject, period
        singles = sorted(k for k in variants if len(k[0]) == 1 and k[1] == scope[4])
        found = [in_unit(variants[k], whole.unit) for k in singles]
        return [c for c in found if c is not None]
    return []


def _heaviest_disjoint(weighted: list[tuple[Period, Cell]]) -> list[Cell]:
    """Non-overlapping periods whose lower bounds add up the most (weighted
    interval scheduling, O(n log n))."""
    items = sorted(weighted, key=lambda t: (t[0].end, t[0].start))
    best: list[tuple[float, list[Cell]]] = [(0.0, [])]
    ends = [p.end for p, _ in items]
    for i, (period, cell) in enumerate(items):
        weight = bounds(cell.floor_claim).lo
        j = bisect.bisect_left(ends, period.start, 0, i)
        take = (best[j][0] + weight, [*best[j][1], cell])
        best.append(take if take[0] > best[i][0] else best[i])
    return best[-1][1]


def _sum_conflict(
    index: ScopeIndex,
    whole: Cell,
    parts: list[Cell],
    used: list[tuple[Claim, Cell]],
    ceiling: Claim,
    axis: str,
) -> Finding:
    place = {id(cell): i for i, cell in enumerate(parts)}  # the reader's order
    used = sorted(used, key=lambda t: place[id(t[1])])
    lows = [bounds(c).lo for c, _ in used]
    stated = [_stated(c) for c, _ in used]
    ids = [c.id for c, _ in used]
    return Finding(
        kind="conflict",
        rule="parts-sum",
        claims=tuple(sorted({*ids, ceiling.id})),
        detail=PartsSum(
            whole_scope=whole.scope,
            axis=axis,
            unit=whole.unit,
            terms=tuple(
                Term(cell.scope, claim.id, lo, figure)
                for (claim, cell), lo, figure in zip(used, lows, stated, strict=True)
            ),
            total=sum(lows),
            ceiling=ceiling.id,
            nominal=sum(stated),
        ),
        sides=(
            Side("parts", tuple(sorted(ids)), index.origins.behind(c for c, _ in used)),
            Side("whole", (ceiling.id,), index.origins.behind((ceiling,))),
        ),
        removal=tuple(
            sorted(c.id for c in [*(c for c, _ in used), ceiling] if _restores(parts, whole, c))
        ),
    )


# -- parts that cover the whole add up to it ------------------------------------------------


def cover(index: ScopeIndex) -> Iterator[Finding]:
    for whole, axes in _additive_cells(index):
        if whole.interval is None:
            continue
        for axis, parts in _covers(index, whole, axes):
            intervals = [p.interval for p in parts]
            total: Interval | None = Interval(0.0, 0.0)
            for part in intervals:  # each enters the sum one float wider, see _holds
                total = None if part is None or total is None else add(total, outward(part))
            if total is not None and _exceeds(outward(whole.interval), total):
                yield _cover_conflict(index, whole, parts, total, axis)


def _covers(
    index: ScopeIndex, whole: Cell, axes: frozenset[str]
) -> Iterator[tuple[str, list[Cell]]]:
    scope = whole.scope
    if "subject" in axes:
        entity = index.desk.entities.get(scope[1])
        if entity and entity.members:
            found = [index.beside(whole, 1, m) for m in entity.members]
            present = [c for c in found if c is not None]
            if len(present) == len(found):
                yield "subject", present
    if "period" in axes and scope[2]:
        outer = index.periods[scope[2]]
        by_kind: dict[str, list[tuple[Period, Cell]]] = {}
        for period in index.sub_periods(scope[2]):
            cell = index.beside(whole, 2, period.text)
            if cell is not None:
                by_kind.setdefault(period.kind, []).append((period, cell))
        for kind in sorted(by_kind):
            tiles = by_kind[kind]  # sorted by start already
            if _tiles(outer, [p for p, _ in tiles]):
                yield "period", [c for _, c in tiles]


def _tiles(outer: Period, parts: list[Period]) -> bool:
    """Whether sorted, non-overlapping parts cover every day of ``outer``."""
    if not parts or parts[0].start != outer.start or parts[-1].end != outer.end:
        return False
    return all(b.start.toordinal() == a.end.toordinal() + 1 for a, b in itertools.pairwise(parts))


def _cover_conflict(
    index: ScopeIndex, whole: Cell, parts: list[Cell], total: Interval, axis: str
) -> Finding:
    part_claims = [c for p in parts for c in p.claims]
    ids = [c.id for c in part_claims]
    whole_ids = [c.id for c in whole.claims]
    assert whole.interval is not None  # checked by the caller
    return Finding(
        kind="conflict",
        rule="cover",
        claims=tuple(sorted({*ids, *whole_ids})),
        detail=Cover(
            whole_scope=whole.scope,
            axis=axis,
            unit=whole.unit,
            parts=tuple((p.scope, tuple(c.id for c in p.claims)) for p in parts),
            stated=tuple(_nominal(p) for p in parts),
            whole_claims=tuple(whole_ids),
            nominal=sum(_nominal(p) for p in parts),
            total=total,
            whole_reading=whole.interval,
        ),
        sides=(
            Side("parts", tuple(sorted(ids)), index.origins.behind(part_claims)),
            Side("whole", tuple(sorted(whole_ids)), index.origins.behind(whole.claims)),
        ),
        removal=tuple(sorted(whole_ids)) if len(whole_ids) == 1 else (),
    )


def _stated(claim: Claim) -> float:
    assert isinstance(claim.value, Amount)
    return claim.value.nominal


def _nominal(cell: Cell) -> float:
    values = [c.value.nominal for c in cell.claims if isinstance(c.value, Amount)]
    return sum(values) / len(values) if values else 0.0
