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

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import orjson

from .atomic import write_atomic
from .gcpause import paused

FORMATS = ("graphml", "gexf", "dot", "json", "prov-json")
NAMESPACE = "https://factcheck.invalid/ns#"


def export_lines(graph: Any, fmt: str) -> Iterator[str]:
    """The graph in ``fmt``, piece by piece."""
    with paused():
        yield from _export(graph, fmt)


def _export(graph: Any, fmt: str) -> Iterator[str]:
    if fmt == "graphml":
        yield from _graphml(graph)
    elif fmt == "gexf":
        for line in nx.generate_gexf(graph, prettyprint=True):
            yield line + "\n"
    elif fmt == "dot":
        yield from _dot(graph)
    elif fmt == "json":
        yield from _node_link(graph)
    elif fmt == "prov-json":
        yield _prov(graph).serialize(format="json") + "\n"
    else:
        raise ValueError(f"unknown graph format {fmt!r}; formats: {', '.join(FORMATS)}")


def write_export(path: Path, graph: Any, fmt: str) -> None:
    write_atomic(path, export_lines(graph, fmt))


def _node_link(graph: Any) -> Iterator[str]:
    """Node-link JSON as networkx reads it (``links``), encoded by orjson: compact
    UTF-8, three times as fast as the standard library's encoder on large graphs."""
    head = {"directed": True, "multigraph": True, "graph": dict(graph.graph)}
    yield orjson.dumps(head).decode()[:-1] + ',\n"nodes":'
    nodes = [{**data, "id": ident} for ident, data in graph.nodes(data=True)]
    yield orjson.dumps(nodes).decode()
    yield ',\n"links":'
    links = [
        {**data, "source": tail, "target": head_node, "key": key}
        for tail, head_node, key, data in graph.edges(keys=True, data=True)
    ]
    yield orjson.dumps(links).decode()
    yield "}\n"


_XML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml(value: object) -> str:
    text = str(value).lower() if isinstance(value, bool) else str(value)
    if not text.isprintable():  # characters XML 1.0 cannot hold are dropped, not written
        text = _NOT_XML.sub("", text)
    return text.translate(_XML)


def _escape_all(values: list[object]) -> list[str]:
    """Many values escaped for XML at once (one translate per node or edge)."""
    texts = [str(v).lower() if isinstance(v, bool) else str(v) for v in values]
    joined = "\x1e".join(texts)
    if not joined.replace("\x1e", "").isprintable():
        joined = "\x1e".join(_NOT_XML.sub("", t) for t in texts)
    return joined.translate(_XML).split("\x1e")


def _types(items: Iterator[dict[str, Any]]) -> dict[str, str]:
    found: dict[str, str] = {}
    for data in items:
        for key, value in data.items():
            kind = (
                "boolean"
                if isinstance(value, bool)
                else "int"
                if isinstance(value, int)
                else ("double" if isinstance(value, float) else "string")
            )
            if found.get(key, kind) != kind:
                kind = "string"
            found[key] = kind
    return found


def _graphml(graph: Any) -> Iterator[str]:
    """GraphML, streamed: typed keys (int, boolean, string), escaped values."""
    node_types = _types(d for _, d in graph.nodes(data=True))
    edge_types = _types(d for _, _, d in graph.edges(data=True))
    yield '<?xml version="1.0" encoding="utf-8"?>\n'
    yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
    for scope, types in (("node", node_types), ("edge", edge_types)):
        for key, kind in types.items():
            yield (
                f'  <key id="{scope}-{_xml(key)}" for="{scope}" attr.name="{_xml(key)}" '
                f'attr.type="{kind}"/>\n'
            )
    yield '  <graph edgedefault="directed">\n'
    opening = {key: f'<data key="node-{_xml(key)}">' for key in node_types}
    for ident, data in graph.nodes(data=True):
        texts = _escape_all([ident, *data.values()])
        values = "".join(f"{opening[k]}{v}</data>" for k, v in zip(data, texts[1:], strict=True))
        yield f'    <node id="{texts[0]}">{values}</node>\n'
    cache: dict[str, str] = {}  # node ids recur on many edges: escape each once

    def escaped(text: str) -> str:
        found = cache.get(text)
        if found is None:
            found = cache[text] = _xml(text)
        return found

    for tail, head, key, data in graph.edges(keys=True, data=True):
        values = "".join(
            f'<data key="edge-{escaped(name)}">{escaped(str(v))}</data>' for name, v in data.items()
        )
        yield (
            f'    <edge source="{escaped(tail)}" target="{escaped(head)}" id="{escaped(key)}">'
            f"{values}</edge>\n"
        )
    yield "  </graph>\n</graphml>\n"


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
