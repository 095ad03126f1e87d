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
from ...values.intervals import Interval, add, down, outward, sum_down, up
from ...values.periods import Period
from .. import disputes
from ..findings import Cover, Finding, PartsSum, PartWhole, Scope, Side, Term
from ..scopes import NOT_AMOUNTS, Cell, Level, ScopeIndex, bounds, floor_of, in_unit


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
                    if cell.unit not in NOT_AMOUNTS:
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
                    if cell.unit in NOT_AMOUNTS:
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
    memo: dict[tuple[int, str], bool] = {}
    for breach in disputes.breaches(slots, _part_fails):
        (part_claim,), (whole_claim,) = breach.chosen
        yield Finding(
            kind="conflict",
            rule="part-whole",
            claims=tuple(sorted((part_claim.id, whole_claim.id))),
            detail=PartWhole(part.scope, whole.scope, part_claim.id, whole_claim.id),
            sides=_sides(index, breach, ("part", "whole")),
            removal=disputes.removal(slots, _part_fails, breach, memo=memo),
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
    """Each way the parts exceed the whole: one claim per part (two parts or more,
    none above the whole alone: that is the part-whole rule's) against one
    claim of the whole. Only lower bounds of parts and upper bounds of the whole
    matter, so single claims make every minimal set, and no candidates are needed."""
    slots = [tuple(p.claims) for p in parts]
    # each claim of the whole, the lowest first: a part above one alone may fit
    # under another; on an agreed whole, the first that makes a set stands for the rest
    tops = sorted(whole.claims, key=lambda c: (bounds(c).hi, not bounds(c).hi_open, c.id))
    found: dict[tuple[str, ...], tuple[list[tuple[int, Claim]], list[Claim]]] = {}
    for top in tops:
        pushing = _pushing(slots, top)
        if pushing is not None:
            key = tuple(c.id for _, c in pushing)
            wholes = found.setdefault(key, (pushing, []))[1]
            if not wholes or whole.interval is None:
                wholes.append(top)
    for pushing, wholes in found.values():
        for breach in _sum_breaches(parts, whole, pushing, wholes):
            yield _sum_conflict(index, whole, parts, axis, slots, breach)


def _sum_conflict(
    index: ScopeIndex,
    whole: Cell,
    parts: list[Cell],
    axis: str,
    slots: list[tuple[Claim, ...]],
    breach: disputes.Breach,
) -> Finding:
    terms = [(breach.chosen[i][0], parts[i]) for i in range(len(parts)) if breach.chosen[i]]
    return Finding(
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
            ceiling=breach.chosen[-1][0].id,
            nominal=sum(_stated(c) for c, _ in terms),
        ),
        sides=_sides(index, breach, ("parts", "whole")),
        removal=disputes.removal(
            [*slots, whole.claims],
            _sum_fails,
            breach,
            lambda c: _sum_breaks(slots, whole.claims, c),
        ),
        whichever=_whichever(breach),
    )


def _pushing(slots: Sequence[Sequence[Claim]], top: Claim) -> list[tuple[int, Claim]] | None:
    """The fewest parts, each by its highest claim not above ``top`` alone, whose lower
    bounds add up to more than ``top`` allows (None when two or more cannot)."""
    best = []
    for i, claims in enumerate(slots):
        fitting = [c for c in claims if not _exceeds(bounds(c), bounds(top))]
        if fitting:
            best.append((i, floor_of(fitting)))
    best.sort(key=lambda t: (-bounds(t[1]).lo, t[1].id))
    for size in range(2, len(best) + 1):
        if _sum_exceeds([c for _, c in best[:size]], top):
            return sorted(best[:size])
    return None


def _sum_breaks(slots: Sequence[Sequence[Claim]], tops: Sequence[Claim], gone: Claim) -> bool:
    """Whether parts still exceed the whole without the claim ``gone``."""
    rest = [[c for c in claims if c is not gone] for claims in slots]
    return any(_pushing(rest, top) is not None for top in tops if top is not gone)


def _sum_breaches(
    parts: list[Cell], whole: Cell, pushing: list[tuple[int, Claim]], wholes: list[Claim]
) -> list[disputes.Breach]:
    """The set as a breach, with the claims of disputed scopes that may stand in
    for the chosen ones (each choice again a minimal set)."""
    chosen: list[tuple[Claim, ...]] = [() for _ in parts]
    for i, claim in pushing:
        chosen[i] = (claim,)
    chosen.append((wholes[0],))
    groups: list[tuple[int, tuple[Claim, ...]]] = []
    if len(wholes) > 1:
        groups.append((len(parts), tuple(wholes)))
    for i, claim in pushing:
        if parts[i].interval is not None:
            continue  # agreeing claims stand for each other
        alternatives = tuple(
            c for c in parts[i].claims
            if c is claim or disputes.is_minimal(
                _sum_fails, [(c,) if j == i else g for j, g in enumerate(chosen)])
        )  # fmt: skip
        if len(alternatives) > 1:
            groups.append((i, alternatives))
    named = disputes.combine(_sum_fails, [list(g) for g in chosen], groups)
    return [disputes.Breach(tuple(chosen), groups) for groups in named]


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
    hi, hi_open = 0.0, False  # the upper bound of ``_total(parts)``, without the rest
    for part in parts:
        if part is None:
            return False
        hi = up(hi + up(part.hi))
        hi_open = hi_open or part.hi_open
    lo = down(whole.lo)
    return lo > hi or (lo == hi and (whole.lo_open or hi_open))


def _total(parts: Sequence[Interval | None]) -> Interval | None:
    """The sum of the parts, each one float wider (None where a part has no claim:
    the sum is open)."""
    total = Interval(0.0, 0.0)
    for part in parts:
        if part is None:
            return None
        total = add(total, outward(part))
    return total


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
    memo: dict[tuple[int, str], bool] = {}
    for breach in disputes.breaches(slots, _cover_fails):
        readings = [breach.reading(i) for i in range(len(slots))]
        total, whole_reading = _total(readings[:-1]), readings[-1]
        assert total is not None and whole_reading is not None  # a cover needs them all
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
            removal=disputes.removal(slots, _cover_fails, breach, memo=memo),
            whichever=_whichever(breach),
        )


def _stated(claim: Claim) -> float:
    assert isinstance(claim.value, Amount)
    return claim.value.nominal


def _nominal(claims: Sequence[Claim]) -> float:
    values = [c.value.nominal for c in claims if isinstance(c.value, Amount)]
    return sum(values) / len(values) if values else 0.0
