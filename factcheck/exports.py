"""Exports of the provenance graph for the tools newsrooms use.

- ``graphml`` and ``gexf`` (Gephi, yEd): networkx's own writers;
- ``dot`` (Graphviz): written here, every id and label quoted and escaped;
- ``json``: node-link JSON for D3 and Observable (``nodes`` and ``links``);
- ``prov-json``: W3C PROV, written with the ``prov`` package: sources are
  agents; articles, claims, origins and derived values are entities; findings
  are activities that used the claims they involve; relations
  ``wasAttributedTo``, ``wasQuotedFrom``, ``wasDerivedFrom`` and
  ``hadPrimarySource`` (a claim's origin).

Every export is text; ``write_export`` writes it atomically.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx

from .atomic import write_atomic

FORMATS = ("graphml", "gexf", "dot", "json", "prov-json")
NAMESPACE = "https://factcheck.invalid/ns#"


def export_lines(graph: Any, fmt: str) -> Iterator[str]:
    """The graph in ``fmt``, piece by piece."""
    if fmt == "graphml":
        for line in nx.generate_graphml(graph, prettyprint=True):
            yield line + "\n"
    elif fmt == "gexf":
        for line in nx.generate_gexf(graph, prettyprint=True):
            yield line + "\n"
    elif fmt == "dot":
        yield from _dot(graph)
    elif fmt == "json":
        yield json.dumps(nx.node_link_data(graph, edges="links"), ensure_ascii=False) + "\n"
    elif fmt == "prov-json":
        yield _prov(graph).serialize(format="json") + "\n"
    else:
        raise ValueError(f"unknown graph format {fmt!r}; formats: {', '.join(FORMATS)}")


def write_export(path: Path, graph: Any, fmt: str) -> None:
    write_atomic(path, export_lines(graph, fmt))


def _quote(text: object) -> str:
    escaped = str(text).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


_SHAPES = {"source": "box", "article": "note", "claim": "ellipse", "finding": "diamond",
           "derived": "hexagon"}  # fmt: skip


def _dot(graph: Any) -> Iterator[str]:
    yield "digraph provenance {\n"
    yield "  rankdir=RL;\n"
    for ident, data in graph.nodes(data=True):
        attributes = {"shape": _SHAPES.get(data.get("kind", ""), "ellipse"), **data}
        shown = ", ".join(f"{_quote(k)}={_quote(v)}" for k, v in attributes.items())
        yield f"  {_quote(ident)} [{shown}];\n"
    for tail, head, relation in graph.edges(keys=True):
        yield f"  {_quote(tail)} -> {_quote(head)} [label={_quote(relation)}];\n"
    yield "}\n"


def _prov(graph: Any) -> Any:
    from prov.model import ProvDocument

    document = ProvDocument()
    document.add_namespace("fc", NAMESPACE)

    def qualified(ident: str) -> str:
        kind, _, rest = ident.partition(":")
        return f"fc:{kind}-{rest}"

    def attributes(data: dict[str, Any]) -> dict[str, Any]:
        return {f"fc:{k}": v for k, v in data.items() if v != ""}

    for ident, data in graph.nodes(data=True):
        kind = data.get("kind")
        if kind == "source":
            document.agent(qualified(ident), attributes(data))
        elif kind == "finding":
            document.activity(qualified(ident), other_attributes=attributes(data))
        else:
            document.entity(qualified(ident), attributes(data))
    for tail, head, relation in graph.edges(keys=True):
        a, b = qualified(tail), qualified(head)
        head_kind = graph.nodes[head].get("kind")
        if relation in ("published-by", "attributed-to") and head_kind == "source":
            document.wasAttributedTo(a, b)
        elif relation in ("attributed-to", "cites") and head_kind == "article":
            document.wasDerivedFrom(a, b)  # relayed from that article
        elif relation == "cites":
            document.wasAttributedTo(a, b)
        elif relation == "quoted-from":
            document.wasQuotedFrom(a, b)
        elif relation == "derived-from":
            document.wasDerivedFrom(a, b)
        elif head_kind == "finding":
            document.used(b, a)
    for ident, data in graph.nodes(data=True):
        if data.get("kind") != "claim":
            continue
        for origin in filter(None, data.get("origins", "").split("; ")):
            origin_entity = f"fc:origin-{origin}"
            document.entity(origin_entity, {"fc:kind": "origin", "fc:source": origin})
            document.wasAttributedTo(origin_entity, qualified(f"source:{origin}"))
            document.hadPrimarySource(qualified(ident), origin_entity)
    return document
