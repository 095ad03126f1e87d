"""Minimal sets of claims that break a rule, when some of its scopes are disputed.

A rule that reads several cells (a relation's three metrics, a part and its
whole, parts and their whole) is a test on one reading per cell, its *slot*.
A slot whose claims share a value reads as that value. A *disputed* slot, whose
claims share none, has several candidate readings: its agreeing groups (the
largest sets of its claims that share a value). ``breaches`` checks, in this
order (docs/decisions.md, "Disputed scopes"):

1. the **hull**: each disputed slot may take any value one of its claims
   allows. If the rule fails even so, the failure does not depend on the
   dispute: one breach, naming the disputed claims as alternatives
   ("whichever of X or Y is true");
2. otherwise each **candidate** combination that makes the rule fail, each its
   own breach with that candidate's claims in the set. At most
   ``MAX_CANDIDATES`` candidates per slot and ``MAX_COMBINATIONS`` combinations
   per rule and scope are tried.

Every breach's set is minimal: removing any one claim lets the rule hold. A
test is monotone (more claims narrow the readings and can only make a rule
fail more), so one pass of deletion finds a minimal set. The work per scope is
bounded; scopes without a dispute cost what they did before.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..desk.model import Claim
from ..values.intervals import Interval, intersection

MAX_CANDIDATES = 8  # agreeing groups tried per disputed slot (the best supported first)
MAX_COMBINATIONS = 64  # candidate combinations tried per rule and scope, sets named per finding
MAX_ALTERNATIVES = 64  # claims named as alternatives for one disputed scope
MAX_SCANNED = 64  # claims of a disputed scope tried as alternatives
MAX_PAIRED = 3  # rules of at most this many slots name every pairing of two disputed ones

#: A rule's test: True when the rule fails with these readings, one per slot
#: (None where the slot has no claim in the set: the rule knows nothing of it).
Test = Callable[[Sequence[Interval | None]], bool]

Selection = tuple[tuple[Claim, ...], ...]  # per slot, the claims in a set


@dataclass(frozen=True, slots=True)
class Breach:
    """A minimal set of claims that breaks a rule, slot by slot.

    ``chosen`` holds, per slot, the claims of the set (empty where the rule does
    not need the slot). ``whichever`` holds, for disputed slots, the claims any
    one of which may take the place of that slot's chosen claim: each choice is
    another minimal set (the chosen claim is among them)."""

    chosen: Selection
    whichever: tuple[tuple[int, tuple[Claim, ...]], ...] = ()

    @property
    def claims(self) -> tuple[Claim, ...]:
        return tuple(c for group in self.chosen for c in group)

    def alternatives(self, slot: int) -> tuple[Claim, ...]:
        """The claims that may stand in ``slot`` (its chosen claims when no dispute)."""
        for i, claims in self.whichever:
            if i == slot:
                return claims
        return self.chosen[slot]

    def reading(self, slot: int) -> Interval | None:
        """What the slot reads as in this breach: its chosen claims' common value,
        or the hull of its alternatives where it is disputed."""
        for i, claims in self.whichever:
            if i == slot:
                return hull(claims)
        return common(self.chosen[slot])

    def sets(self) -> Iterable[frozenset[str]]:
        """Every minimal set the breach stands for, as claim ids."""
        slots = [i for i, _ in self.whichever]
        fixed = [c.id for i, g in enumerate(self.chosen) if i not in slots for c in g]
        for pick in itertools.product(*(alts for _, alts in self.whichever)):
            yield frozenset((*fixed, *(c.id for c in pick)))


# -- readings --------------------------------------------------------------------------


def bounds(claim: Claim) -> Interval:
    return claim.value.interval  # type: ignore[union-attr]


def common(claims: Iterable[Claim]) -> Interval | None:
    """The values every claim allows (None when they share none, or for no claim)."""
    found: Interval | None = None
    for claim in claims:
        found = bounds(claim) if found is None else intersection(found, bounds(claim))
        if found is None:
            return None
    return found


def hull(claims: Iterable[Claim]) -> Interval:
    """The smallest interval holding every value one of the claims allows."""
    items = [bounds(c) for c in claims]
    lo = min(items, key=lambda i: (i.lo, i.lo_open))  # a closed end reaches further
    hi = max(items, key=lambda i: (i.hi, not i.hi_open))
    return Interval(lo.lo, hi.hi, lo.lo_open, hi.hi_open)


def candidates(claims: Sequence[Claim]) -> list[tuple[Claim, ...]]:
    """The agreeing groups of a slot: the largest sets of its claims that share a
    value, found in one sweep along the line (the maximal cliques of an interval
    graph). At most ``MAX_CANDIDATES``, the most supported first, in the order
    of their values."""
    # at one coordinate: open ends close first, then closed starts, closed ends, open starts
    events = []
    for n, claim in enumerate(claims):
        i = bounds(claim)
        events.append((i.lo, 3 if i.lo_open else 1, n, True))
        events.append((i.hi, 0 if i.hi_open else 2, n, False))
    events.sort(key=lambda e: (e[0], e[1]))
    active: dict[int, None] = {}
    groups: list[tuple[Claim, ...]] = []
    opened = False
    for _, _, n, start in events:
        if start:
            active[n] = None
            opened = True
        else:
            if opened:
                groups.append(tuple(claims[k] for k in sorted(active)))
                opened = False
            del active[n]
    if len(groups) > MAX_CANDIDATES:
        keep = sorted(range(len(groups)), key=lambda g: (-len(groups[g]), g))[:MAX_CANDIDATES]
        groups = [groups[g] for g in sorted(keep)]
    return groups


def _tight(claims: Sequence[Claim]) -> tuple[Claim, ...]:
    """The claims that bound an agreeing group: the highest floor and the lowest ceiling."""
    if len(claims) == 1:
        return tuple(claims)
    up = max(claims, key=lambda c: (bounds(c).lo, bounds(c).lo_open, c.id))
    down = min(claims, key=lambda c: (bounds(c).hi, not bounds(c).hi_open, c.id))
    return (up,) if up is down else (up, down)


def _readings(selection: Sequence[Sequence[Claim]]) -> list[Interval | None]:
    return [common(g) if g else None for g in selection]


# -- the search --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Slot:
    """What a search needs of one slot, computed once: its claims, their common
    value (None when disputed), their hull, and their agreeing groups."""

    claims: Sequence[Claim]
    reading: Interval | None
    hull: Interval | None
    groups: tuple[tuple[Claim, ...], ...]
    readings: tuple[Interval | None, ...]  # each group's common value

    @classmethod
    def of(cls, claims: Sequence[Claim]) -> Slot:
        reading = common(claims) if claims else None
        if reading is not None or not claims:
            return cls(claims, reading, reading, (tuple(claims),), (reading,))
        groups = tuple(candidates(claims))
        return cls(claims, None, hull(claims), groups, tuple(common(g) for g in groups))

    @property
    def disputed(self) -> bool:
        return self.reading is None and bool(self.claims)


def breaks(slots: Sequence[Sequence[Claim]], fails: Test) -> bool:
    """Whether some agreeing reading of the slots makes the rule fail."""
    return _breaks([Slot.of(s) for s in slots], fails)


def _breaks(slots: Sequence[Slot], fails: Test) -> bool:
    readings = [s.reading for s in slots]
    if not any(s.disputed for s in slots):
        return fails(readings)
    if fails([s.hull for s in slots]):
        return True
    options = [s.readings for s in slots]
    combos = itertools.islice(itertools.product(*options), MAX_COMBINATIONS)
    return any(fails(readings) for readings in combos)


def breaches(claims: Sequence[Sequence[Claim]], fails: Test) -> list[Breach]:
    """The minimal sets of claims that break the rule (see the module's docstring)."""
    slots = [Slot.of(s) for s in claims]
    disputed = [i for i, s in enumerate(slots) if s.disputed]
    if not disputed:
        if not fails([s.reading for s in slots]):
            return []
        return _breach(slots, fails, [_tight(s.claims) for s in slots], disputed, set())
    found: list[Breach] = []
    if fails([s.hull for s in slots]):
        start = [
            (min(s.claims, key=lambda c: c.id),) if i in disputed else _tight(s.claims)
            for i, s in enumerate(slots)
        ]
        found = _breach(slots, fails, start, disputed, set())
        whole = found and all(
            len(found[0].alternatives(i)) >= min(len(slots[i].claims), MAX_ALTERNATIVES)
            for i in disputed
            if found[0].chosen[i]
        )
        if whole:
            return found  # the failure does not depend on the dispute: one breach says it
    seen = {s for b in found for s in b.sets()}

    def add(start: Sequence[Sequence[Claim]]) -> None:
        for breach in _breach(slots, fails, start, disputed, seen):
            sets = set(breach.sets())
            if not sets <= seen:
                found.append(breach)
                seen.update(sets)

    for combo, readings in _combinations(slots):
        if fails(readings):
            add([_tight(g) for g in combo])
    # a disputed claim that breaks the rule only beside claims the sets above left
    # out (a floor where they kept a ceiling): start from it
    tries = 0
    named = {c for s in seen for c in s}
    for i in disputed:
        for claim in slots[i].claims:
            if claim.id in named:
                continue
            for combo, readings in _combinations(slots, skip=i):
                tries += 1
                if tries > MAX_COMBINATIONS:
                    return found
                combo[i] = (claim,)
                readings[i] = bounds(claim)
                if fails(readings):
                    add([g if j == i else _tight(g) for j, g in enumerate(combo)])
                    named = {c for s in seen for c in s}
                    break
    return found


def _combinations(
    slots: Sequence[Slot], skip: int = -1
) -> Iterable[tuple[list[tuple[Claim, ...]], list[Interval | None]]]:
    """Combinations of the slots' agreeing groups, with their readings (``skip``'s
    taken whole, to be replaced by the caller)."""
    options = [
        [((), None)] if i == skip else list(zip(s.groups, s.readings, strict=True))
        for i, s in enumerate(slots)
    ]
    for combo in itertools.islice(itertools.product(*options), MAX_COMBINATIONS):
        yield [g for g, _ in combo], [r for _, r in combo]


def _minimal(fails: Test, start: Sequence[Sequence[Claim]]) -> list[list[Claim]]:
    """``start`` (which breaks the rule) less every claim the failure does not need.
    One pass suffices: the test is monotone, so a claim kept once stays needed.
    Only the reading of the slot a claim leaves is computed again."""
    chosen = [list(g) for g in start]
    readings = _readings(chosen)
    for i, group in enumerate(chosen):
        for claim in list(group):
            group.remove(claim)
            trial = list(readings)
            trial[i] = common(group) if group else None
            if fails(trial):
                readings = trial
            else:
                group.append(claim)
    return chosen


def is_minimal(fails: Test, selection: Sequence[Sequence[Claim]]) -> bool:
    """Whether the claims break the rule and every one of them is needed."""
    readings = _readings(selection)
    if not fails(readings):
        return False
    for i, group in enumerate(selection):
        for claim in group:
            rest = [c for c in group if c is not claim]
            trial = list(readings)
            trial[i] = common(rest) if rest else None
            if fails(trial):
                return False
    return True


def _breach(
    slots: Sequence[Slot],
    fails: Test,
    start: Sequence[Sequence[Claim]],
    disputed: list[int],
    seen: set[frozenset[str]],
) -> list[Breach]:
    """A minimal set from ``start``, and the claims of disputed slots that may stand
    in for its own (one breach, or more where they cannot all be named at once);
    nothing when the set is one ``seen`` already."""
    if not fails(_readings(start)):
        return []  # a start that holds has no minimal set to give (never expected)
    chosen = _minimal(fails, start)
    if frozenset(c.id for g in chosen for c in g) in seen:
        return []
    order = [sorted(g, key=lambda c: c.id) for g in chosen]
    single = [i for i in disputed if len(order[i]) == 1]
    groups = _groups(slots, fails, order, single)
    found = [Breach(_frozen(order), named) for named in combine(fails, order, groups)]
    if len(single) > 1 and len(order) <= MAX_PAIRED:
        # with two disputed slots, what may stand in one depends on the other's
        # claim (a larger part fails against more wholes): name each pairing
        named = {s for b in found for s in b.sets()}
        for i, alts in groups:
            for other in alts:
                if other is order[i][0]:
                    continue
                pivot = [list(g) for g in order]
                pivot[i] = [other]
                rest = _groups(slots, fails, pivot, [j for j in single if j != i])
                for chosen_groups in combine(fails, pivot, rest):
                    breach = Breach(_frozen(pivot), chosen_groups)
                    sets = set(breach.sets())
                    if not sets <= named | seen:
                        found.append(breach)
                        named |= sets
    return found


def _frozen(order: Sequence[Sequence[Claim]]) -> Selection:
    return tuple(tuple(g) for g in order)


def _groups(
    slots: Sequence[Slot], fails: Test, order: list[list[Claim]], among: Iterable[int]
) -> list[tuple[int, tuple[Claim, ...]]]:
    """For each disputed slot in ``among`` (one claim chosen in ``order``), the
    claims of the slot that may stand in for it: each gives a minimal set."""
    groups: list[tuple[int, tuple[Claim, ...]]] = []
    for i in among:
        here = order[i][0]
        alts = []
        for other in slots[i].claims[:MAX_SCANNED]:
            trial = [list(g) for g in order]
            trial[i] = [other]
            if other is here or is_minimal(fails, trial):
                alts.append(other)
                if len(alts) == MAX_ALTERNATIVES:
                    break
        if here not in alts:
            alts.append(here)
        if len(alts) > 1:
            groups.append((i, tuple(alts)))
    return groups


Groups = tuple[tuple[int, tuple[Claim, ...]], ...]


def combine(
    fails: Test, order: list[list[Claim]], groups: list[tuple[int, tuple[Claim, ...]]]
) -> list[Groups]:
    """The groups of alternatives breaches can name: the largest first, each kept
    with the others when every choice across them is still a minimal set; a
    group that cannot be is named by a breach of its own."""
    kept: list[tuple[int, tuple[Claim, ...]]] = []
    alone: list[Groups] = []
    for group in sorted(groups, key=lambda g: (-len(g[1]), g[0])):
        trial = [*kept, group]
        fits = math.prod(len(a) for _, a in trial) <= MAX_COMBINATIONS
        if not kept or (fits and all_minimal(fails, order, trial)):
            kept = trial
        else:
            alone.append((group,))
    return [tuple(sorted(kept)), *alone]


def all_minimal(
    fails: Test, order: list[list[Claim]], groups: list[tuple[int, tuple[Claim, ...]]]
) -> bool:
    """Whether every choice of one alternative per group gives a minimal set."""
    for pick in itertools.product(*(alts for _, alts in groups)):
        trial = [list(g) for g in order]
        for (i, _), claim in zip(groups, pick, strict=True):
            trial[i] = [claim]
        if not is_minimal(fails, trial):
            return False
    return True


def removal(
    slots: Sequence[Sequence[Claim]],
    fails: Test,
    breach: Breach,
    still_breaks: Callable[[Claim], bool] | None = None,
    memo: dict[tuple[int, str], bool] | None = None,
) -> tuple[str, ...]:
    """The claims of ``breach`` whose removal alone lets the rule hold at this scope
    whatever the disputed slots read (sorted ids). ``still_breaks(claim)`` says
    whether the rule fails without ``claim``; by default, ``breaks`` on the slots
    without it (each other slot read once). ``memo``, shared by the breaches of
    one scope, keeps each claim's answer: it does not depend on the breach."""
    read: list[Slot] = []
    memo = {} if memo is None else memo

    def without(i: int, claim: Claim) -> bool:
        if not read:
            read.extend(Slot.of(s) for s in slots)
        rest = list(read)
        rest[i] = Slot.of([c for c in slots[i] if c is not claim])
        return _breaks(rest, fails)

    def test(i: int, claim: Claim) -> bool:
        key = (i, claim.id)
        if key not in memo:
            memo[key] = still_breaks(claim) if still_breaks else without(i, claim)
        return memo[key]

    varying = {i for i, _ in breach.whichever}
    found = [
        claim.id
        for i, group in enumerate(breach.chosen)
        if i not in varying
        for claim in group
        if not test(i, claim)
    ]
    return tuple(sorted(found))
