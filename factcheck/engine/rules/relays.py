"""Rule: articles that relay each other in a circle.

When article A cites B and B (directly or through others) cites A, the
origin of what they say cannot be traced: each points at the other. The
finding names the loop and the claims that rest on it.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from ..findings import Finding, RelayLoop, Side
from ..scopes import ScopeIndex

RULE = "relays"


def check(index: ScopeIndex) -> Iterator[Finding]:
    articles = index.desk.articles
    graph = nx.DiGraph()
    for article in articles.values():
        graph.add_edges_from((article.id, cited) for cited in article.cites if cited in articles)
    for component in sorted(nx.strongly_connected_components(graph), key=min):
        first = min(component)
        if len(component) == 1 and not graph.has_edge(first, first):
            continue
        cycle = tuple(a for a, _ in nx.find_cycle(graph.subgraph(component), source=first))
        claims = tuple(
            sorted(
                c.id for c in index.desk.claims if c.article in component or c.source in component
            )
        )
        yield Finding(
            kind="relay-loop",
            rule=RULE,
            claims=claims,
            detail=RelayLoop(cycle),
            sides=(Side("loop", claims, index.origins.names(list(claims))),),
        )
