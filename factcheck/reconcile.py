"""Reconciling a desk: run every rule over the scope index and gather the findings.

``reconcile(desk)`` is the entry point: it returns a ``Report``. Each rule is a
small unit in ``factcheck.rules``; this module only runs them, removes
duplicates, and adds what needs the agreement rules first: which claims rest
on a single origin.
"""

from __future__ import annotations

from .explain import read_as, scope_words
from .findings import Finding, Side
from .gcpause import paused
from .model import Claim, Desk
from .parallel import Background
from .report import Report
from .rules import AGREEMENT_RULES, HIERARCHY_RULES
from .scopes import ScopeIndex
from .values import Category


def reconcile(desk: Desk, workers: int = 1) -> Report:
    """Check every claim of a desk against the others; findings sorted, conflicts first.

    With ``workers=2`` a large desk's rules run on two cores (see
    ``factcheck.parallel``); the report is the same either way.
    """
    with paused():
        return _reconcile(desk, workers)


def _reconcile(desk: Desk, workers: int) -> Report:
    index = ScopeIndex(desk)
    background = Background(index, HIERARCHY_RULES, workers)
    here = [finding for rule in AGREEMENT_RULES for finding in rule(index)]
    single = _single_origin(index, here)  # needs only the rules that find agreement
    origins = {claim.id: index.origins.names([claim.id]) for claim in desk.claims}
    found: dict[tuple[str, str, tuple[str, ...], str], Finding] = {}
    for finding in [*here, *background.result(), *single]:
        found.setdefault((finding.kind, finding.rule, finding.claims, finding.message), finding)
    findings = sorted(found.values(), key=Finding.sort_key)
    return Report(desk=desk, findings=tuple(findings), origins=origins)


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
        origins = index.origins.names([claim.id])
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
