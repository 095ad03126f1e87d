"""Origins: who really stands behind a claim, once relays are followed.

A claim's origin is its ``source``; when that source is an article, the
article stands for what it relays, so its ``cites`` are followed (through
other articles, as far as they go; an article that cites nothing is its own
origin). A claim ``derived_from`` other claims has their origins instead:
an outlet's computation adds no evidence. Agreement between claims of one
origin is repetition, not corroboration.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

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
            _walk(source, self._of_source, self._cited, self._outlet)
            found = self._of_source[source]
        return found

    def _cited(self, source: str) -> tuple[str, ...]:
        article = self._desk.articles.get(source)
        return article.cites if article else ()

    def _outlet(self, source: str) -> frozenset[str]:
        """A source's origin on its own: an article's outlet, or the source itself."""
        article = self._desk.articles.get(source)
        return frozenset({(article.outlet if article else "") or source})

    def of_claim(self, claim_id: str) -> frozenset[str]:
        """Source ids behind a claim (usually one)."""
        found = self._of_claim.get(claim_id)
        if found is None:
            _walk(claim_id, self._of_claim, self._parents, self._own)
            found = self._of_claim[claim_id]
        return found

    def _parents(self, claim_id: str) -> list[str]:
        claims = self._claims
        return [p for p in claims[claim_id].derived_from if p in claims and p != claim_id]

    def _own(self, claim_id: str) -> frozenset[str]:
        """A claim's origins on its own: its source's."""
        return self.of_source(self._claims[claim_id].source)

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


def _walk(
    start: str,
    memo: dict[str, frozenset[str]],
    children: Callable[[str], Sequence[str]],
    alone: Callable[[str], frozenset[str]],
) -> None:
    """Remember in ``memo`` the origins of ``start`` and of everything it rests on:
    a node's ``children`` (the articles it cites, the claims it derives from)
    together, or ``alone(node)`` when it has none. The walk is post-order and
    without recursion, so a chain of thousands of relays is fine. A child met
    again on the way (a circle: articles citing each other) stands for itself
    alone."""
    on_path: set[str] = set()
    stack = [(start, False)]
    while stack:
        node, done = stack.pop()
        if node in memo:
            continue
        kids = children(node)
        if not kids:
            memo[node] = alone(node)
        elif done:
            on_path.discard(node)
            found: set[str] = set()
            for kid in kids:
                found |= memo[kid] if kid in memo else alone(kid)
            memo[node] = frozenset(found)
        else:
            on_path.add(node)
            stack.append((node, True))
            stack.extend((k, False) for k in kids if k not in memo and k not in on_path)
