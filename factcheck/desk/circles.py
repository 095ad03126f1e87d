"""Circles in the desk's links (entities' part_of/members, claims' derived_from).

A desk almost never holds one, so the check is the standard library's
topological sort (``graphlib``), and networkx, 0.1 s to import, is asked
only to spell out a circle that was found.
"""

from __future__ import annotations

from collections.abc import Iterable
from graphlib import CycleError, TopologicalSorter


def circles(edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Each circle among ``edges`` (a → b), once per strongly connected part: its
    nodes in order, from the part's smallest id. [] when there is none."""
    edges = list(edges)
    sorter: TopologicalSorter[str] = TopologicalSorter()
    for a, b in edges:
        sorter.add(a, b)
    try:
        sorter.prepare()
        return []
    except CycleError:
        pass
    import networkx as nx

    graph = nx.DiGraph(edges)
    found = []
    for component in nx.strongly_connected_components(graph):
        first = min(component)
        if len(component) == 1 and not graph.has_edge(first, first):
            continue
        cycle = nx.find_cycle(graph.subgraph(component), source=first)
        found.append([a for a, _ in cycle])
    return sorted(found)


def spelt(cycle: list[str]) -> str:
    """A circle as a message shows it: 'a' → 'b' → 'a'."""
    return " → ".join(f"'{node}'" for node in [*cycle, cycle[0]])
