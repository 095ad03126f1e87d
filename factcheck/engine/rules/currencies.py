"""Rule: claims on one scope in different currencies are incomparable.

factcheck never converts between currencies, so such claims are neither
agreement nor conflict: the finding says so, and names the claims, so that a
journalist can add the comparison by hand if a dated rate is known.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, Incomparable, Side
from ..scopes import NOT_AMOUNTS, ScopeIndex

RULE = "currency"


def check(index: ScopeIndex) -> Iterator[Finding]:
    for scope, cells in index.by_scope.items():
        numeric = [c for c in cells if c.unit not in NOT_AMOUNTS]
        if len(numeric) < 2:
            continue
        numeric.sort(key=lambda c: c.unit)
        yield Finding(
            kind="incomparable",
            rule=RULE,
            claims=tuple(sorted(claim.id for cell in numeric for claim in cell.claims)),
            detail=Incomparable(
                scope,
                tuple(c.unit for c in numeric),
                tuple(claim.id for cell in numeric for claim in cell.claims),
            ),
            sides=tuple(
                Side(
                    "unit",
                    tuple(sorted(c.id for c in cell.claims)),
                    index.origins.behind(cell.claims),
                    cell.unit,
                )
                for cell in numeric
            ),
        )
