"""Exports of the provenance graph for the tools newsrooms use.

- ``graphml`` and ``gexf`` (Gephi, yEd): networkx's own writers;
- ``dot`` (Graphviz): written here, every id and label quoted and escaped;
- ``json``: node-link JSON for D3 and Observable (``nodes`` and ``links``);
- ``prov-json``: W3C PROV, written with the ``prov`` package: sources are
  agents; articles, claims, origins and derived values are entities; findings
  are activities that used the claims they involve; relations
  ``wasAttributedTo``, ``wasQuotedFrom``, ``wasDerivedFrom`` and
  ``hadPrimarySource`` (a claim's origin).

Each export is a function ``(report, graph) -> pieces of text``, listed in
the renderer registry (``factcheck.render.registry``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import networkx as nx
import orjson

from ..engine.report import Report

NAMESPACE = "https://factcheck.invalid/ns#"


def gexf(report: Report, graph: Any) -> Iterator[str]:
    """GEXF 1.2 (Gephi), by networkx's own writer, on a graph whose strings hold
    only what XML 1.0 can (networkx writes any character as it is)."""
    for line in nx.generate_gexf(_xml_safe(graph), prettyprint=True):
        yield line + "\n"


def _xml_safe(graph: Any) -> Any:
    """``graph``, or a copy whose string attributes lose what XML cannot hold."""

    def bad(data: dict[str, Any]) -> bool:
        return any(isinstance(v, str) and _NOT_XML.search(v) for v in data.values())

    nodes = [n for n, d in graph.nodes(data=True) if bad(d)]
    edges = [e for *e, d in graph.edges(keys=True, data=True) if bad(d)]
    if not nodes and not edges:
        return graph
    safe = graph.copy()
    for data in [*(safe.nodes[n] for n in nodes), *(safe.edges[e] for e in edges)]:
        for key, value in data.items():
            if isinstance(value, str):
                data[key] = _NOT_XML.sub("", value)
    return safe


def prov_json(report: Report, graph: Any) -> Iterator[str]:
    """W3C PROV as PROV-JSON, by the ``prov`` package."""
    yield _prov(report, graph).serialize(format="json") + "\n"


def node_link(report: Report, graph: Any) -> Iterator[str]:
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


#: XML escapes; a carriage return as a character reference, since parsers turn a
#: written one into a line feed.
_XML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;"})
#: What XML 1.0 cannot hold at all; the desk refuses it, so only a graph built by
#: hand can bring it here, and it is dropped rather than written.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml(value: object) -> str:
    """One value escaped for XML, on its own (values are never joined and split)."""
    text = str(value).lower() if isinstance(value, bool) else str(value)
    if not text.isprintable():
        text = _NOT_XML.sub("", text)
    return text.translate(_XML)


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


def graphml(report: Report, graph: Any) -> Iterator[str]:
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
        values = "".join(f"{opening[k]}{_xml(v)}</data>" for k, v in data.items())
        yield f'    <node id="{_xml(ident)}">{values}</node>\n'
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


_DOT_UNSAFE = re.compile(r'\\(?:"|\n|$)')


def _quote(value: object) -> str:
    """A DOT string Graphviz reads back as exactly ``value``.

    In a quoted DOT string only ``\\"`` is an escape, so every character but the
    double quote is written as it is. A backslash right before a double quote,
    a line break or the end cannot be written there; such a value is written
    as an HTML-like string, ``<...>``, which Graphviz keeps as it is when its
    angle brackets pair up. The rare value that fits neither form keeps its
    text with each such backslash doubled (see docs/graph.md).
    """
    text = str(value)
    if "\\" in text and _DOT_UNSAFE.search(text):
        if _paired(text):
            return f"<{text}>"
        text = _DOT_UNSAFE.sub(lambda m: "\\" + m.group(), text)
    return '"' + text.replace('"', '\\"') + '"'


def _paired(text: str) -> bool:
    """Whether every ``<`` has its ``>`` after it (an HTML-like DOT string's rule)."""
    depth = 0
    for char in text:
        depth += (char == "<") - (char == ">")
        if depth < 0:
            return False
    return depth == 0


_SHAPES = {"source": "box", "article": "note", "claim": "ellipse", "finding": "diamond",
           "derived": "hexagon"}  # fmt: skip


def dot(report: Report, graph: Any) -> Iterator[str]:
    yield "digraph provenance {\n"
    yield "  rankdir=RL;\n"
    for ident, data in graph.nodes(data=True):
        attributes = {"shape": _SHAPES.get(data.get("kind", ""), "ellipse"), **data}
        shown = ", ".join(f"{_quote(k)}={_quote(v)}" for k, v in attributes.items())
        yield f"  {_quote(ident)} [{shown}];\n"
    for tail, head, relation in graph.edges(keys=True):
        yield f"  {_quote(tail)} -> {_quote(head)} [label={_quote(relation)}];\n"
    yield "}\n"


def _prov(report: Report, graph: Any) -> Any:
    from prov.model import ProvDocument

    document = ProvDocument()
    document.add_namespace("fc", NAMESPACE)

    def qualified(ident: str) -> str:
        return "fc:" + ident.replace(":", "-", 1)  # node ids are KIND:ID

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
    for claim in report.desk.claims:
        ident = "claim:" + claim.id
        for origin in report.origins.get(claim.id, ()):
            origin_entity = f"fc:origin-{origin}"
            document.entity(origin_entity, {"fc:kind": "origin", "fc:source": origin})
            document.wasAttributedTo(origin_entity, qualified(f"source:{origin}"))
            document.hadPrimarySource(qualified(ident), origin_entity)
    return document
