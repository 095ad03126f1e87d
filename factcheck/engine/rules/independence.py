"""Rule: which figures rest on one origin, and reporting that only looks independent.

It reads what the rules that find agreement found (same scope and relations):

- ``single-origin`` (info): a claim no independent origin backs up;
- ``circular-reporting`` (warning): claims from different speakers that
  agree, but all relay one origin: five outlets relaying one Jiwei report are
  one source, not five. Claims declared ``derived_from`` others are known
  repetitions and do not count as speakers.

Relay loops between articles are found by ``relays``.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Iterator, Sequence

from ..findings import LISTED, Circular, Finding, Side, SingleOrigin
from ..scopes import ScopeIndex


def check(index: ScopeIndex, findings: Sequence[Finding]) -> Iterator[Finding]:
    yield from _circular(index, findings)
    yield from _single_origin(index, findings)


def _single_origin(index: ScopeIndex, findings: Sequence[Finding]) -> Iterator[Finding]:
    """A finding for each claim that no independent origin backs up, naming the
    first few claims that repeat it and counting them all. A scope of n claims
    from one origin costs n, not n²: each repetition's claims are held once."""
    backed: set[str] = set()
    repeated: dict[str, list[tuple[str, ...]]] = {}
    for finding in findings:
        if finding.kind == "agreement":
            backed.update(finding.claims)
        elif finding.kind == "repetition":
            for claim_id in finding.claims:
                repeated.setdefault(claim_id, []).append(finding.claims)
    sets: dict[int, frozenset[str]] = {}
    for claim in index.desk.claims:
        if claim.id in backed:
            continue
        origins = index.origins.behind((claim,))
        if len(origins) > 1:
            continue
        named, count = _repeats(claim.id, repeated.get(claim.id, []), sets)
        yield Finding(
            kind="single-origin",
            rule="independence",
            claims=(claim.id,),
            detail=SingleOrigin(claim.scope, origins[0], named, count),
            sides=(Side("claim", (claim.id,), origins),),
        )


def _repeats(
    claim_id: str, groups: list[tuple[str, ...]], sets: dict[int, frozenset[str]]
) -> tuple[tuple[str, ...], int]:
    """The first ``LISTED`` claims (by id) of ``groups`` other than ``claim_id``,
    and how many there are in all. The largest group is counted by its size, the
    others by what they add to it (``sets`` holds each large group's set once)."""
    if not groups:
        return (), 0
    groups = sorted(groups, key=len, reverse=True)
    first = heapq.nsmallest(
        LISTED + 1, {c for g in groups for c in itertools.islice(g, LISTED + 1)}
    )
    named = tuple(c for c in first if c != claim_id)[:LISTED]
    largest = groups[0]
    if len(groups) == 1:
        return named, len(largest) - 1
    big = sets.get(id(largest))
    if big is None:
        big = sets[id(largest)] = frozenset(largest)
    extra = {c for g in groups[1:] for c in g if c not in big}
    return named, len(largest) + len(extra) - 1


def _circular(index: ScopeIndex, findings: Sequence[Finding]) -> Iterator[Finding]:
    claims = index.desk.by_id
    for finding in findings:
        if finding.kind != "repetition":
            continue
        # claims declared derived_from others are known repetitions, not hidden ones
        speakers = sorted({claims[c].source for c in finding.claims if not claims[c].derived_from})
        if len(speakers) < 2:
            continue
        origins = finding.origins
        yield Finding(
            kind="circular-reporting",
            rule="independence",
            claims=finding.claims,
            detail=Circular(tuple(speakers), origins, finding),
            sides=(Side("relays", finding.claims, origins),),
        )
