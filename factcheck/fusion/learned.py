"""What a desk's track record says about its conflicts: the re-check ranking of a
report ordered also by each claim's origins' reliability, learned by fusing all
of the desk's claims (``accu-copy``)."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..engine.recheck import rerank
from .methods import fuse
from .observations import from_desk, origin_key

if TYPE_CHECKING:
    from ..engine.report import Report


def learn(report: Report, method: str = "accu-copy") -> Report:
    """``report`` with its claims to re-check ranked also by their origins' learned
    reliability, the least reliable first among equals in the smallest sets. The
    same report when there is nothing to learn: no conflict, or every origin of the
    claims to re-check as reliable as the others (to two decimals)."""
    suspects = [s.claim for s in report.recheck.ranking]
    if not suspects:
        return report
    fusion = fuse(from_desk(report), method)
    by_origin = {s.source: s.reliability for s in fusion.sources}
    claims = report.desk.by_id
    reliability = {
        claim: by_origin[origin_key(report, claims[claim])] for claim in suspects if claim in claims
    }
    if len({round(r, 2) for r in reliability.values()}) <= 1:
        return report
    return replace(report, recheck=rerank(report.recheck, reliability))
