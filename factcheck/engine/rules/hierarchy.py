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
from collections.abc import Iterator, Sequence

from ...desk.model import Claim
from ...values.amounts import Amount
from ...values.intervals import Interval, add, outward, sum_down, up
from ...values.periods import Period
from .. import disputes
from ..findings import Cover, Finding, PartsSum, PartWhole, Scope, Side, Term
from ..scopes import Cell, Level, ScopeIndex, bounds, in_unit


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
                        # the claims that push the part up and hold the whole down most
                        if _exceeds(bounds(cell.floor_claim), bounds(whole.ceiling_claim)):
                            yield from _part_conflicts(index, cell, whole)


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


def _part_fails(readings: Sequence[Interval | None]) -> bool:
    part, whole = readings
    return part is not None and whole is not None and _exceeds(part, whole)


def _part_conflicts(index: ScopeIndex, part: Cell, whole: Cell) -> Iterator[Finding]:
    slots = (part.claims, whole.claims)
    for breach in disputes.breaches(slots, _part_fails):
        (part_claim,), (whole_claim,) = breach.chosen
        yield Finding(
            kind="conflict",
            rule="part-whole",
            claims=tuple(sorted((part_claim.id, whole_claim.id))),
            detail=PartWhole(part.scope, whole.scope, part_claim.id, whole_claim.id),
            sides=_sides(index, breach, ("part", "whole")),
            removal=disputes.removal(slots, _part_fails, breach),
            whichever=_whichever(breach),
        )


def _sides(index: ScopeIndex, breach: disputes.Breach, roles: tuple[str, str]) -> tuple[Side, ...]:
    """The parts' side and the whole's, each with every claim that may stand in it."""
    last = len(breach.chosen) - 1
    groups = ([c for i in range(last) for c in breach.alternatives(i)], breach.alternatives(last))
    return tuple(
        Side(role, tuple(sorted(c.id for c in claims)), index.origins.behind(claims))
        for role, claims in zip(roles, groups, strict=True)
    )


def _whichever(breach: disputes.Breach) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(c.id for c in alts) for _, alts in breach.whichever)


# -- disjoint parts add up to at most the whole ----------------------------------------------


def parts_sum(index: ScopeIndex) -> Iterator[Finding]:
    for whole, axes in _additive_cells(index):
        for axis in sorted(axes):
            parts = _disjoint_parts(index, whole, axis)
            if len(parts) < 2:
                continue
            # the most the parts can push against the least the whole allows
            if _sum_exceeds([p.floor_claim for p in parts], whole.ceiling_claim):
                yield from _sum_conflicts(index, whole, parts, axis)


def _sum_exceeds(claims: list[Claim], ceiling: Claim) -> bool:
    return _sum_fails([*(bounds(c) for c in claims), bounds(ceiling)])


def _sum_fails(readings: Sequence[Interval | None]) -> bool:
    """Whether parts (each read as at least 0 where it says less) add up to more
    than the whole (the last reading); a part without a claim adds nothing."""
    *parts, top = readings
    if top is None:
        return False
    lows = [p for p in parts if p is not None and (p.lo > 0 or (p.lo == 0 and p.lo_open))]
    total = sum_down([p.lo for p in lows])  # no conflict from binary rounding
    ceiling_hi = up(top.hi)  # the whole's decimal may lie up to half a float above it
    return total > ceiling_hi or (
        total == ceiling_hi and (any(p.lo_open for p in lows) or top.hi_open)
    )


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


def _sum_conflicts(
    index: ScopeIndex, whole: Cell, parts: list[Cell], axis: str
) -> Iterator[Finding]:
    # a part claim above every claim of the whole conflicts with each alone (part-whole)
    highest = max((bounds(c) for c in whole.claims), key=lambda i: (i.hi, not i.hi_open))
    slots = [tuple(c for c in p.claims if not _exceeds(bounds(c), highest)) for p in parts]
    slots.append(tuple(whole.claims))
    for breach in disputes.breaches(slots, _sum_fails):
        used = [i for i in range(len(parts)) if breach.chosen[i]]
        if len(used) < 2:
            continue  # one part alone exceeds the whole: the part-whole rule says so
        (ceiling_claim,) = breach.chosen[-1]
        terms = [(breach.chosen[i][0], parts[i]) for i in used]  # in the reader's order
        yield Finding(
            kind="conflict",
            rule="parts-sum",
            claims=tuple(sorted(c.id for c in breach.claims)),
            detail=PartsSum(
                whole_scope=whole.scope,
                axis=axis,
                unit=whole.unit,
                terms=tuple(
                    Term(cell.scope, claim.id, bounds(claim).lo, _stated(claim))
                    for claim, cell in terms
                ),
                total=sum(bounds(c).lo for c, _ in terms),
                ceiling=ceiling_claim.id,
                nominal=sum(_stated(c) for c, _ in terms),
            ),
            sides=_sides(index, breach, ("parts", "whole")),
            removal=disputes.removal(slots, _sum_fails, breach),
            whichever=_whichever(breach),
        )


# -- parts that cover the whole add up to it ------------------------------------------------


def cover(index: ScopeIndex) -> Iterator[Finding]:
    for whole, axes in _additive_cells(index):
        for axis, parts in _covers(index, whole, axes):
            readings = [p.interval for p in parts]
            agreed = whole.interval is not None and None not in readings
            if agreed and not _cover_fails([*readings, whole.interval]):
                continue  # no dispute and the parts allow the whole: the usual case
            yield from _cover_conflicts(index, whole, parts, axis)


def _cover_fails(readings: Sequence[Interval | None]) -> bool:
    """Whether the parts, each entering the sum one float wider (see relations'
    ``_holds``), add up to less than every value the whole (the last) allows."""
    *parts, whole = readings
    if whole is None:
        return False
    total = Interval(0.0, 0.0)
    for part in parts:
        if part is None:
            return False  # a part nobody claims: the sum is open
        total = add(total, outward(part))
    return _exceeds(outward(whole), total)


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


def _cover_conflicts(
    index: ScopeIndex, whole: Cell, parts: list[Cell], axis: str
) -> Iterator[Finding]:
    slots = [*(p.claims for p in parts), whole.claims]
    for breach in disputes.breaches(slots, _cover_fails):
        readings = [breach.reading(i) for i in range(len(slots))]
        total = Interval(0.0, 0.0)
        for reading in readings[:-1]:
            assert reading is not None  # a cover needs every part
            total = add(total, outward(reading))
        whole_reading = readings[-1]
        assert whole_reading is not None
        chosen = breach.chosen
        yield Finding(
            kind="conflict",
            rule="cover",
            claims=tuple(sorted(c.id for c in breach.claims)),
            detail=Cover(
                whole_scope=whole.scope,
                axis=axis,
                unit=whole.unit,
                parts=tuple(
                    (p.scope, tuple(c.id for c in group))
                    for p, group in zip(parts, chosen, strict=False)
                ),
                stated=tuple(_nominal(group) for group in chosen[:-1]),
                whole_claims=tuple(c.id for c in chosen[-1]),
                nominal=sum(_nominal(group) for group in chosen[:-1]),
                total=total,
                whole_reading=whole_reading,
            ),
            sides=_sides(index, breach, ("parts", "whole")),
            removal=disputes.removal(slots, _cover_fails, breach),
            whichever=_whichever(breach),
        )


def _stated(claim: Claim) -> float:
    assert isinstance(claim.value, Amount)
    return claim.value.nominal


def _nominal(claims: Sequence[Claim]) -> float:
    values = [c.value.nominal for c in claims if isinstance(c.value, Amount)]
    return sum(values) / len(values) if values else 0.0
