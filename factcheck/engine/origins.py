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
            self._follow_sources(source)
            found = self._of_source[source]
        return found

    def _follow_sources(self, start: str) -> None:
        """Remember the origins of ``start`` and of every article it relays, by a
        walk without recursion (a chain of thousands of relays is fine). An
        article cited again on the way (a circle) stands for its own outlet."""
        articles = self._desk.articles
        memo = self._of_source
        on_path: set[str] = set()
        stack = [(start, False)]
        while stack:
            source, done = stack.pop()
            if source in memo:
                continue
            article = articles.get(source)
            if article is None or not article.cites:
                memo[source] = frozenset({(article.outlet or source) if article else source})
                continue
            if done:
                on_path.discard(source)
                found: set[str] = set()
                for cited in article.cites:
                    known = memo.get(cited)
                    if known is None:  # on the path: articles citing each other in a circle
                        loop = articles.get(cited)
                        known = frozenset({(loop.outlet if loop else "") or cited})
                    found |= known
                memo[source] = frozenset(found)
                continue
            on_path.add(source)
            stack.append((source, True))
            stack.extend((c, False) for c in article.cites if c not in memo and c not in on_path)

    def of_claim(self, claim_id: str) -> frozenset[str]:
        """Source ids behind a claim (usually one)."""
        found = self._of_claim.get(claim_id)
        if found is None:
            self._follow_claims(claim_id)
            found = self._of_claim[claim_id]
        return found

    def _follow_claims(self, start: str) -> None:
        """Remember the origins of ``start`` and of the claims it derives from, by
        a walk without recursion. (The loader refuses circles of derivations; a
        desk built by hand with one gets each claim's own source there.)"""
        claims = self._claims
        memo = self._of_claim
        on_path: set[str] = set()
        stack = [(start, False)]
        while stack:
            claim_id, done = stack.pop()
            if claim_id in memo:
                continue
            claim = claims[claim_id]
            parents = [p for p in claim.derived_from if p in claims and p != claim_id]
            if not parents:
                memo[claim_id] = self.of_source(claim.source)
                continue
            if done:
                on_path.discard(claim_id)
                found: set[str] = set()
                for parent in parents:
                    found |= memo.get(parent, frozenset())
                memo[claim_id] = frozenset(found) or self.of_source(claim.source)
                continue
            on_path.add(claim_id)
            stack.append((claim_id, True))
            stack.extend((p, False) for p in parents if p not in memo and p not in on_path)

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
