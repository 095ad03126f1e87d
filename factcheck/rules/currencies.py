"""Rule: claims on one scope in different currencies are incomparable.

factcheck never converts between currencies, so such claims are neither
agreement nor conflict: the finding says so, and names the claims, so that a
journalist can add the comparison by hand if a dated rate is known.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, Side
from ..phrases import said, scope_words
from ..scopes import ScopeIndex

RULE = "currency"


def check(index: ScopeIndex) -> Iterator[Finding]:
    for scope, cells in index.by_scope.items():
        numeric = [c for c in cells if c.unit not in ("date", "category")]
        if len(numeric) < 2:
            continue
        numeric.sort(key=lambda c: c.unit)
        ids = tuple(sorted(claim.id for cell in numeric for claim in cell.claims))
        units = ", ".join(c.unit for c in numeric)
        yield Finding(
            kind="incomparable",
            rule=RULE,
            claims=ids,
            message=f"{scope_words(index, scope)}: claims in different currencies ({units}) "
            "are not compared; factcheck never converts currencies",
            arithmetic=tuple(said(index, claim) for cell in numeric for claim in cell.claims),
            sides=tuple(
                Side(
                    cell.unit,
                    tuple(sorted(c.id for c in cell.claims)),
                    index.origins.behind(cell.claims),
                )
                for cell in numeric
            ),
        )
