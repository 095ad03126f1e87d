"""Reconciling a desk: run every rule over the scope index and gather the findings.

``reconcile(desk)`` is the entry point: it returns a ``Report``. Each rule is a
small unit in ``factcheck.rules``; this module only runs them, removes
duplicates, and adds what needs the agreement rules first: which claims rest
on a single origin.
"""

from __future__ import annotations

from .findings import Finding
from .gcpause import paused
from .independence import independence
from .model import Desk
from .parallel import Background
from .report import Report
from .rules import AGREEMENT_RULES, CLAIM_RULES, HIERARCHY_RULES
from .scopes import ScopeIndex


def reconcile(desk: Desk, workers: int = 1) -> Report:
    """Check every claim of a desk against the others; findings sorted, conflicts first.

    With ``workers=2`` a large desk's rules run on two cores (see
    ``factcheck.parallel``); the report is the same either way.
    """
    with paused():
        return _reconcile(desk, workers)


def _reconcile(desk: Desk, workers: int) -> Report:
    index = ScopeIndex(desk)
    background = Background(index, HIERARCHY_RULES, CLAIM_RULES, workers)
    here = [finding for rule in AGREEMENT_RULES for finding in rule(index)]
    single = independence(index, here)  # needs only the rules that find agreement
    behind = index.origins.behind
    origins = {claim.id: behind((claim,)) for claim in desk.claims}
    shared = background.share()  # slices of the claim rules, until none is left
    found: dict[tuple[str, str, tuple[str, ...], str], Finding] = {}
    for finding in [*here, *shared, *background.result(), *single]:
        found.setdefault((finding.kind, finding.rule, finding.claims, finding.message), finding)
    findings = sorted(found.values(), key=Finding.sort_key)
    return Report(desk=desk, findings=tuple(findings), origins=origins)
