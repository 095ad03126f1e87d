"""The provenance graph: who said what, who relayed whom, what agrees or conflicts.

One ``networkx.MultiDiGraph`` built from a reconciled desk; the exports
(``factcheck.render.exports``) and ``explain`` read it. Node ids are prefixed by
their kind (``source:jiwei``, ``article:...``, ``claim:...``,
``finding:3``, ``derived:3``); every edge has a ``relation``:

- ``published-by``: article -> its outlet (a source);
- ``cites``: article -> a source or article it relays;
- ``attributed-to``: claim -> its source (a source, or an article standing
  for what it relays);
- ``quoted-from``: claim -> the article whose file holds it;
- ``derived-from``: claim -> claim it was computed from; derived value ->
  the claims it was computed from;
- ``agrees-with`` / ``conflicts-with``: claim -> a finding of agreement or
  conflict (and a derived value -> the claim it agrees with);
- ``involved-in``: claim -> any other finding (warnings, suggestions).

Attributes are plain strings, integers and booleans (lists joined by
``"; "``, nothing missing is ``None``), so that GraphML and GEXF readers
take them as they are.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from ..engine.findings import Finding, RelationAgreement
from ..engine.report import Report
from .messages import Phrasebook, implied_figure

RELATION_OF_KIND = {
    "conflict": "conflicts-with",
    "agreement": "agrees-with",
    "repetition": "agrees-with",
}


def node(kind: str, ident: str | int) -> str:
    return f"{kind}:{ident}"


def graph_findings(report: Report) -> list[Finding]:
    """The findings that become nodes: all but the one-per-claim single-origin ones
    (which are a claim attribute, ``origin_count``)."""
    return [f for f in report.findings if f.kind != "single-origin"]


def build_graph(report: Report, book: Phrasebook | None = None) -> Any:
    """The provenance graph of a reconciled desk."""
    book = Phrasebook(report) if book is None else book
    desk = report.desk
    graph = nx.MultiDiGraph(name="factcheck provenance")
    nodes: list[tuple[str, dict[str, Any]]] = []
    for source in desk.sources.values():
        nodes.append((node("source", source.id), {
            "kind": "source", "label": source.name, "source_kind": source.kind,
            "country": source.country, "aliases": "; ".join(source.aliases),
        }))  # fmt: skip
    for article in desk.articles.values():
        nodes.append((node("article", article.id), {
            "kind": "article", "label": article.id,
            "published": article.published.text if article.published else "",
            "language": article.language, "url": article.url,
        }))  # fmt: skip
    origins_of = report.origins
    for claim in desk.claims:
        origins = origins_of.get(claim.id, ())
        nodes.append(("claim:" + claim.id, {
            "kind": "claim", "label": claim.id, "subject": claim.subject,
            "metric": claim.metric, "period": claim.period.text if claim.period else "",
            "product": "; ".join(claim.product), "counterparty": claim.counterparty,
            "modality": claim.modality, "value": claim.value.text, "read_as": book.reading(claim),
            "quote": claim.quote, "quote_lang": claim.quote_lang, "file": claim.where.path,
            "line": claim.where.line, "origins": "; ".join(origins),
            "origin_count": len(origins),
        }))  # fmt: skip
    for number, finding in enumerate(graph_findings(report), 1):
        _add_finding(book, nodes, number, finding)
    graph.add_nodes_from(nodes)
    graph.add_edges_from((a, b, r, {"relation": r}) for a, b, r in graph_edges(report))
    return graph


def graph_edges(report: Report) -> dict[tuple[str, str, str], None]:
    """The graph's edges, (from, to, relation), in order and without repeats: what
    ``build_graph`` draws, and what the exported edges table holds."""
    desk = report.desk
    edges: dict[tuple[str, str, str], None] = {}
    for article in desk.articles.values():
        here = node("article", article.id)
        if article.outlet:
            edges[(here, node("source", article.outlet), "published-by")] = None
        for cited in article.cites:
            edges[(here, _speaker(desk.articles, cited), "cites")] = None
    for claim in desk.claims:
        ident = "claim:" + claim.id
        edges[(ident, _speaker(desk.articles, claim.source), "attributed-to")] = None
        if claim.article:
            edges[(ident, "article:" + claim.article, "quoted-from")] = None
        for parent in claim.derived_from:
            edges[(ident, "claim:" + parent, "derived-from")] = None
    for number, finding in enumerate(graph_findings(report), 1):
        ident = node("finding", number)
        relation = RELATION_OF_KIND.get(finding.kind, "involved-in")
        for claim_id in finding.claims:
            edges[("claim:" + claim_id, ident, relation)] = None
        if isinstance(finding.detail, RelationAgreement):  # the implied figure's node
            derived = node("derived", number)
            for side in finding.sides:
                relation = {"implied": "derived-from", "stated": "agrees-with"}[side.role]
                for claim_id in side.claims:
                    edges[(derived, "claim:" + claim_id, relation)] = None
    return edges


def _speaker(articles: Any, ident: str) -> str:
    return node("article" if ident in articles else "source", ident)


def _add_finding(
    book: Phrasebook,
    nodes: list[tuple[str, dict[str, Any]]],
    number: int,
    finding: Finding,
) -> None:
    ident = node("finding", number)
    said = book.wording(finding)
    nodes.append((ident, {
        "kind": "finding", "label": f"{finding.kind} ({finding.rule})",
        "finding_kind": finding.kind, "rule": finding.rule, "severity": finding.severity,
        "message": said.message, "arithmetic": "; ".join(said.arithmetic),
        "claims": "; ".join(finding.claims), "origins": "; ".join(finding.origins),
        "strength": finding.strength or "",
    }))  # fmt: skip
    detail = finding.detail
    if isinstance(detail, RelationAgreement):  # the figure the relation implies, as a node
        nodes.append((node("derived", number), {
            "kind": "derived", "label": f"{detail.metric} implied",
            "value": implied_figure(book, detail),
        }))  # fmt: skip


def chain_of_custody(graph: Any, claim_id: str) -> list[tuple[str, str]]:
    """(relation, node) steps from a claim back to where it comes from:
    the article that quotes it, who it is attributed to, and what that relays."""
    start = node("claim", claim_id)
    steps: list[tuple[str, str]] = []
    for _, head, relation in sorted(graph.out_edges(start, keys=True)):
        if relation == "quoted-from":
            steps.append((relation, head))
    frontier = [head for _, head, r in graph.out_edges(start, keys=True) if r == "attributed-to"]
    seen: set[str] = set()
    relation = "attributed-to"
    while frontier:
        following: list[str] = []
        for here in sorted(frontier):
            if here in seen:
                continue
            seen.add(here)
            steps.append((relation, here))
            following += [h for _, h, r in graph.out_edges(here, keys=True) if r == "cites"]
        frontier, relation = following, "cites"
    return steps


def describe(report: Report, graph: Any, ident: str, book: Phrasebook | None = None) -> str:
    """A source or article node in words, for ``explain``."""
    book = Phrasebook(report) if book is None else book
    _ = book._
    desk = report.desk
    names = {node("source", i): i for i in desk.sources} | {
        node("article", i): i for i in desk.articles
    }
    data = graph.nodes[ident]
    kind = data.get("kind", "")
    if kind == "source":
        return _("source {id} ({name}, {kind})").format(
            id=names[ident], name=data["label"], kind=data["source_kind"]
        )
    if kind == "article":
        outlets = [h for _e, h, r in graph.out_edges(ident, keys=True) if r == "published-by"]
        outlet = (
            _("published by {outlet}").format(outlet=book.words.source(names[outlets[0]]))
            if outlets
            else _("no outlet")
        )
        when = f", {book.words.period(data['published'])}" if data.get("published") else ""
        return _("article {id} ({outlet})").format(id=names[ident], outlet=outlet + when)
    return ident
