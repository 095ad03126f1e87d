"""The consistency rules, each a small unit that reads the scope index and yields findings.

Order matters only for reading the code: the report sorts findings itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from ..findings import Finding
from ..model import Claim
from ..scopes import ScopeIndex
from . import (
    archive,
    currencies,
    hierarchy,
    quote_names,
    quotes,
    relations,
    relays,
    same_scope,
)  # fmt: skip

Rule = Callable[[ScopeIndex], Iterator[Finding]]
#: A rule that checks each claim alone, on the desk's claims or on a slice of them.
ClaimRule = Callable[[ScopeIndex, Sequence[Claim]], Iterator[Finding]]

RULES: tuple[tuple[str, Rule], ...] = (
    ("same-scope", same_scope.check),
    ("currency", currencies.check),
    ("relation", relations.check),
    ("part-whole", hierarchy.part_whole),
    ("parts-sum", hierarchy.parts_sum),
    ("cover", hierarchy.cover),
    ("quote", quotes.check),
    ("archive", archive.check),
    ("quote-names", quote_names.check),
    ("relays", relays.check),
)

#: Rules that find agreements (single-origin needs their findings), and the rules whose
#: findings the report reuses (archive matches are remembered): they run in this process.
AGREEMENT_RULES: tuple[Rule, ...] = (
    same_scope.check, currencies.check, relations.check, archive.check, quote_names.check,
    relays.check,
)  # fmt: skip
#: Rules that find few things (conflicts): they may run on a second core.
HIERARCHY_RULES: tuple[Rule, ...] = (hierarchy.part_whole, hierarchy.parts_sum, hierarchy.cover)
#: Rules that check each claim alone (few findings, bad quotes): both cores share them
#: out slice by slice once done with their own group.
CLAIM_RULES: tuple[ClaimRule, ...] = (quotes.check,)
