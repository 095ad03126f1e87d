"""Origins: who really stands behind a claim, once relays are followed.

A claim's origin is its ``source``; when that source is an article, the
article stands for what it relays, so its ``cites`` are followed (through
other articles, as far as they go; an article that cites nothing is its own
origin). A claim ``derived_from`` other claims has their origins instead:
an outlet's computation adds no evidence. Agreement between claims of one
origin is repetition, not corroboration.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from ..desk.model import Claim, Desk


class Origins:
    """Origins of every claim of a desk, computed once and remembered.

    Most claims have the origins of their source, so those are remembered per
    source (a few thousand entries that stay in the processor's cache) rather
    than per claim; only claims ``derived_from`` others are followed one by one.
    """

    def __init__(self, desk: Desk) -> None:
        self._desk = desk
        self._of_source: dict[str, frozenset[str]] = {}
        self._named_source: dict[str, tuple[str, ...]] = {}
        self._of_claim: dict[str, frozenset[str]] = {}

    @property
    def _claims(self) -> Mapping[str, Claim]:
        return self._desk.by_id

    def of_source(self, source: str) -> frozenset[str]:
        found = self._of_source.get(source)
        if found is None:
            found = self._of_source[source] = self._follow_source(source, set())
        return found

    def _follow_source(self, source: str, seen: set[str]) -> frozenset[str]:
        article = self._desk.articles.get(source)
        if article is None:
            return frozenset({source})
        if source in seen:  # articles citing each other in a circle: stop at this one
            return frozenset({article.outlet or source})
        seen.add(source)
        if not article.cites:
            return frozenset({article.outlet or source})
        found: set[str] = set()
        for cited in article.cites:
            found |= self._follow_source(cited, seen)
        return frozenset(found)

    def of_claim(self, claim_id: str) -> frozenset[str]:
        """Source ids behind a claim (usually one)."""
        found = self._of_claim.get(claim_id)
        if found is None:
            found = self._of_claim[claim_id] = self._follow_claim(claim_id, set())
        return found

    def _follow_claim(self, claim_id: str, seen: set[str]) -> frozenset[str]:
        claim = self._claims[claim_id]
        parents = [p for p in claim.derived_from if p in self._claims and p not in seen]
        if not parents:
            return self.of_source(claim.source)
        seen.add(claim_id)
        found: set[str] = set()
        for parent in parents:
            known = self._of_claim.get(parent)
            found |= known if known is not None else self._follow_claim(parent, seen)
        return frozenset(found)

    def names(self, claim_ids: list[str] | tuple[str, ...]) -> tuple[str, ...]:
        """The origins behind these claims together, sorted."""
        found: set[str] = set()
        for claim_id in claim_ids:
            found |= self.of_claim(claim_id)
        return tuple(sorted(found))

    def behind(self, claims: Iterable[Claim]) -> tuple[str, ...]:
        """``names`` from the claims themselves: the same answer, looked up by source."""
        named = {self._named(claim) for claim in claims}
        if len(named) == 1:  # the usual case: one source, or sources with one origin
            return named.pop()
        return tuple(sorted({origin for names in named for origin in names}))

    def _named(self, claim: Claim) -> tuple[str, ...]:
        if claim.derived_from:
            return tuple(sorted(self.of_claim(claim.id)))
        named = self._named_source.get(claim.source)
        if named is None:
            named = self._named_source[claim.source] = tuple(sorted(self.of_source(claim.source)))
        return named
