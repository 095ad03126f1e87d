"""What to doubt first: the fewest claims whose removal leaves the desk without conflict.

Each conflict names the claims that can resolve it: those whose removal alone
restores consistency (its ``removal``), or, when no single claim can, the
claims of its minimal set, of which at least one must go. A conflict that
holds whichever of a dispute's claims is true (``Finding.whichever``) does
not count against those claims: it stands on the rest of its set. A set of claims
that meets every conflict (a hitting set) is a way to restore consistency by
removing it; the smallest ones are the likeliest explanations. Conflicts that
share no claim are independent, so the search runs on each group of
conflicts that share claims (a component of the conflict graph):

- exactly, on a component of at most ``EXACT_CLAIMS`` claims: every smallest
  hitting set is found by trying sets of one claim, then two, ...;
- greedily beyond that (the claim in the most remaining conflicts first):
  the set found is at most ln(n) + 1 times the smallest, n the conflicts of
  the component, and is marked ``exact=False``.

Claims are then ranked for re-checking: those in a smallest set first, then
by the independent origins that contradict them (most first), their own
independent origins (fewest first) and the conflicts they sit in (most
first). Everything is data; the words are made in ``factcheck.render``.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from .findings import Finding

#: Components with at most this many claims are solved exactly.
EXACT_CLAIMS = 16
#: The most smallest sets listed for one component (ties beyond are not listed).
MAX_SETS = 20


@dataclass(frozen=True, slots=True)
class Suspect:
    """A claim to re-check, with the reasons it ranks where it does."""

    claim: str
    origins: tuple[str, ...]  # its own independent origins
    against: tuple[str, ...]  # independent origins on the other side of its conflicts
    conflicts: int  # how many conflicts it sits in
    in_smallest: bool  # whether it is in a smallest set whose removal restores consistency
    reliability: float | None = None  # its origins' reliability, learned by fusion, if asked


@dataclass(frozen=True, slots=True)
class Removal:
    """A smallest set of claims whose removal resolves every conflict of a component."""

    claims: tuple[str, ...]
    exact: bool  # found by exhaustive search (else greedily, within ln(n) + 1)


@dataclass(frozen=True, slots=True)
class Recheck:
    """The smallest removals, component by component, and the claims ranked."""

    removals: tuple[Removal, ...]
    ranking: tuple[Suspect, ...]


def recheck(findings: Sequence[Finding], origins: Mapping[str, tuple[str, ...]]) -> Recheck:
    conflicts = [f for f in findings if f.kind == "conflict"]
    removals: list[Removal] = []
    chosen: set[str] = set()
    for component in _components(conflicts):
        found = _smallest(component)
        removals.extend(found)
        chosen.update(c for removal in found for c in removal.claims)
    return Recheck(tuple(removals), _ranking(conflicts, origins, chosen))


def _components(conflicts: list[Finding]) -> list[list[frozenset[str]]]:
    """The conflicts' claim sets, grouped where they share claims (union-find)."""
    parent: dict[str, str] = {}

    def root(claim: str) -> str:
        while parent.setdefault(claim, claim) != claim:
            parent[claim] = parent[parent[claim]]
            claim = parent[claim]
        return claim

    sets = [frozenset(f.removal or f.core or f.claims) for f in conflicts]
    for claims in sets:
        first, *rest = sorted(claims)
        for other in rest:
            parent[root(other)] = root(first)
    groups: dict[str, list[frozenset[str]]] = {}
    for claims in dict.fromkeys(sets):
        groups.setdefault(root(min(claims)), []).append(claims)
    return [groups[key] for key in sorted(groups)]


def _smallest(component: list[frozenset[str]]) -> list[Removal]:
    claims = sorted(set().union(*component))
    if len(claims) > EXACT_CLAIMS:
        return [Removal(_greedy(component), exact=False)]
    for size in range(1, len(claims) + 1):
        hitting = (
            Removal(tuple(chosen), exact=True)
            for chosen in itertools.combinations(claims, size)
            if all(not claim_set.isdisjoint(chosen) for claim_set in component)
        )
        found = list(itertools.islice(hitting, MAX_SETS))
        if found:
            return found
    return []  # pragma: no cover - the whole component always meets every conflict


def _greedy(component: Iterable[frozenset[str]]) -> tuple[str, ...]:
    left = list(component)
    chosen: list[str] = []
    while left:
        counts: dict[str, int] = {}
        for claim_set in left:
            for claim in claim_set:
                counts[claim] = counts.get(claim, 0) + 1
        best = min(counts, key=lambda c: (-counts[c], c))
        chosen.append(best)
        left = [s for s in left if best not in s]
    return tuple(sorted(chosen))


def _ranking(
    conflicts: list[Finding], origins: Mapping[str, tuple[str, ...]], chosen: set[str]
) -> tuple[Suspect, ...]:
    against: dict[str, set[str]] = {}
    count: dict[str, int] = {}
    for finding in conflicts:
        for claim in finding.core:  # not a dispute's alternatives: it holds across them
            count[claim] = count.get(claim, 0) + 1
            mine = set(origins.get(claim, ()))
            others = {o for side in finding.sides if claim not in side.claims for o in side.origins}
            against.setdefault(claim, set()).update(others - mine)
    suspects = [
        Suspect(
            claim,
            tuple(origins.get(claim, ())),
            tuple(sorted(against[claim])),
            count[claim],
            claim in chosen,
        )
        for claim in count
    ]
    suspects.sort(key=_order)
    return tuple(suspects)


def _order(s: Suspect) -> tuple[object, ...]:
    """In a smallest set first; then, where reliabilities were learned, the least
    reliable origin first (to two decimals: a nuance of the model orders nothing);
    then the most independent origins against, the fewest for, the most conflicts."""
    trust = round(s.reliability, 2) if s.reliability is not None else 0.0
    return (not s.in_smallest, trust, -len(s.against), len(s.origins), -s.conflicts, s.claim)


def rerank(found: Recheck, reliability: Mapping[str, float]) -> Recheck:
    """The same removals, the claims ranked again with each one's ``reliability``
    (a claim id -> its origins' reliability, learned from the whole desk)."""
    suspects = [
        replace(s, reliability=reliability.get(s.claim)) if s.claim in reliability else s
        for s in found.ranking
    ]
    return Recheck(found.removals, tuple(sorted(suspects, key=_order)))
