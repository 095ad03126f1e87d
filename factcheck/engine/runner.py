"""Reconciling a desk: build the scope index, run the chosen rules, gather the findings.

``reconcile(desk)`` is the entry point: it returns a ``Report``. Each rule is a
small unit in ``factcheck.engine.rules``; the executor schedules them; this
module keeps the findings of the rules asked for, and
sorts them.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..desk.model import Desk
from ..errors import UsageError
from ..parallel import cores
from ..progress import Progress, silent
from .executor import execute
from .findings import sort_findings
from .recheck import recheck
from .report import Report
from .rules import select
from .scopes import ScopeIndex


def reconcile(
    desk: Desk,
    rules: Iterable[str] | None = None,
    workers: int | None = None,
    progress: Progress | None = None,
) -> Report:
    """Check every claim of a desk against the others; findings sorted, conflicts first.

    ``rules`` names the rules to run (default: all, see ``RULE_NAMES``); a rule
    that needs others' findings (independence needs agreements) has them run
    too, but only the named rules' findings are reported. ``workers``: 1 runs
    everything here; 2 runs a large desk's rules on two cores (see
    ``factcheck.parallel``); None (the default) takes 2 where the
    machine has two cores. The report is the same either way. ``progress`` is
    called as each stage starts (indexing, the rules, the ranking).
    """
    chosen = select(rules)
    if workers is None:
        workers = cores()
    elif workers < 1:
        raise UsageError(f"workers must be 1 or more, not {workers}")
    progress = progress or silent
    progress("indexing claims", 0, 0)
    index = ScopeIndex(desk)
    names = {rule.name for rule in chosen}
    progress("checking claims against each other", 0, 0)
    findings = sort_findings([f for f in execute(index, chosen, workers) if f.rule in names])
    progress("ranking what to re-check", 0, 0)
    behind = index.origins.behind
    origins = {claim.id: behind((claim,)) for claim in desk.claims}
    return Report(desk, tuple(findings), origins, recheck(findings, origins))
