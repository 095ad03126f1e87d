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

from collections.abc import Iterator, Sequence

from ..findings import Circular, Finding, Side, SingleOrigin
from ..scopes import ScopeIndex


def check(index: ScopeIndex, findings: Sequence[Finding]) -> Iterator[Finding]:
    yield from _circular(index, findings)
    yield from _single_origin(index, findings)


def _single_origin(index: ScopeIndex, findings: Sequence[Finding]) -> Iterator[Finding]:
    """A finding for each claim that no independent origin backs up."""
    backed: set[str] = set()
    repeated: dict[str, set[str]] = {}
    for finding in findings:
        if finding.kind == "agreement":
            backed.update(finding.claims)
        elif finding.kind == "repetition":
            for claim_id in finding.claims:
                repeated.setdefault(claim_id, set()).update(finding.claims)
    for claim in index.desk.claims:
        if claim.id in backed:
            continue
        origins = index.origins.behind((claim,))
        if len(origins) > 1:
            continue
        also = tuple(sorted(repeated.get(claim.id, set()) - {claim.id}))
        yield Finding(
            kind="single-origin",
            rule="independence",
            claims=(claim.id,),
            detail=SingleOrigin(claim.scope, origins[0], also),
            sides=(Side("claim", (claim.id,), origins),),
        )


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
