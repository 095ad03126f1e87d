"""Independence: which figures rest on one origin, and reporting that only looks independent.

Run after the rules that find agreement (same scope and relations):

- ``single-origin`` (info): a claim no independent origin backs up;
- ``circular-reporting`` (warning): claims from different speakers that
  agree, but all relay one origin: five outlets relaying one Jiwei report are
  one source, not five. Claims declared ``derived_from`` others are known
  repetitions and do not count as speakers.

Relay loops between articles are found by ``rules/relays.py``.
"""

from __future__ import annotations

from .findings import Finding, Side
from .model import Claim
from .phrases import read_as, scope_words
from .scopes import ScopeIndex
from .values import Category


def independence(index: ScopeIndex, findings: list[Finding]) -> list[Finding]:
    return [*_circular(index, findings), *_single_origin(index, findings)]


def _single_origin(index: ScopeIndex, findings: list[Finding]) -> list[Finding]:
    """A finding for each claim that no independent origin backs up."""
    backed: set[str] = set()
    repeated: dict[str, set[str]] = {}
    for finding in findings:
        if finding.kind == "agreement":
            backed.update(finding.claims)
        elif finding.kind == "repetition":
            for claim_id in finding.claims:
                repeated.setdefault(claim_id, set()).update(finding.claims)
    result = []
    for claim in index.desk.claims:
        if claim.id in backed:
            continue
        origins = index.origins.behind((claim,))
        if len(origins) > 1:
            continue
        also = sorted(repeated.get(claim.id, set()) - {claim.id})
        tail = f"; repeated by {', '.join(also)} from the same origin" if also else ""
        result.append(
            Finding(
                kind="single-origin",
                rule="independence",
                claims=(claim.id,),
                message=f"{scope_words(index, claim.scope)}: {_value(claim)} "
                f"rests on one origin, {origins[0]}{tail}",
                sides=(Side("claim", (claim.id,), origins),),
            )
        )
    return result


def _value(claim: Claim) -> str:
    if isinstance(claim.value, Category):
        return f"'{claim.value.text}'"
    return f"'{claim.value.text}' ({read_as(claim)})"


def _circular(index: ScopeIndex, findings: list[Finding]) -> list[Finding]:
    claims = {c.id: c for c in index.desk.claims}
    result = []
    for finding in findings:
        if finding.kind != "repetition":
            continue
        # claims declared derived_from others are known repetitions, not hidden ones
        speakers = sorted({claims[c].source for c in finding.claims if not claims[c].derived_from})
        if len(speakers) < 2:
            continue
        origins = sorted({o for side in finding.sides for o in side.origins})
        result.append(
            Finding(
                kind="circular-reporting",
                rule="independence",
                claims=finding.claims,
                message=f"{', '.join(finding.claims)} come from {len(speakers)} speakers "
                f"({', '.join(speakers)}) but all relay {', '.join(origins)}: "
                "one origin, not corroboration",
                arithmetic=(finding.message,),
                sides=(Side("relays", finding.claims, tuple(origins)),),
            )
        )
    return result
