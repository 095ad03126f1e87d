"""The HTML report: one self-contained page, safe to open whatever the desk holds.

Rendered with Jinja2, which escapes every value by default; the page's own
script and style are read from this package and inlined, and a Content
Security Policy allows exactly those (by their SHA-256), no network request
and no other script: a quote holding ``<script>`` is text, and would not run
even if it were not. Links are made only for ``http`` and ``https`` urls.

The provenance graph travels as JSON inside the page (every ``<``, ``>`` and
``&`` escaped) and is drawn by the page's script as SVG, in columns (sources,
articles, claims, findings) that a reader can pan, zoom and click. On large
desks it holds the part around conflicts first, up to ``GRAPH_NODES`` nodes.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterator
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from ..engine.findings import Finding
from ..engine.report import Report
from .graph import build_graph, describe, graph_findings, node
from .messages import Phrasebook
from .sections import BLOCKS, TABLES, VERDICTS, Section, headline, in_conflict, recheck_line
from .text import chosen, removal
from .words import RelativePaths

GRAPH_NODES = 600  # the most nodes the page's graph draws
ROWS = 500  # the most rows of each informational table

_ENV = Environment(
    loader=PackageLoader("factcheck.render", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)


def safe_url(url: str) -> str:
    """The url when it is http(s), else '' (no javascript:, data: or file: links)."""
    lowered = url.strip().lower()
    return url.strip() if lowered.startswith(("http://", "https://")) else ""


def _asset(name: str) -> str:
    return (
        resources.files("factcheck.render").joinpath("templates", name).read_text(encoding="utf-8")
    )


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def _json_for_script(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render_html(
    report: Report,
    graph: Any | None = None,
    lang: str | None = None,
    only: tuple[str, ...] | None = None,
) -> Iterator[str]:
    """The report as one HTML page, in ``lang``, with the sections of ``only`` (all
    by default)."""
    yield to_html(report, graph, lang, only)


def to_html(
    report: Report,
    graph: Any | None = None,
    lang: str | None = None,
    only: tuple[str, ...] | None = None,
) -> str:
    """The report as one HTML page, as one string."""
    book = Phrasebook(report, lang)
    paths = RelativePaths(report.desk.root)
    graph = build_graph(report, book) if graph is None else graph
    desk = report.desk
    claims = {c.id: c for c in desk.claims}
    numbered = {id(f): n for n, f in enumerate(graph_findings(report), 1)}
    script, style = _asset("report.js"), _asset("report.css")
    data = _graph_data(report, graph, book)
    _ = book._
    page = _ENV.get_template("report.html.j2").render(
        _=_,
        n_=book.n_,
        lang=book.language.code,
        w=book.words,
        book=book,
        report=report,
        summary=report.summary(),
        claims=claims,
        articles=desk.articles,
        sources=desk.sources,
        headline=headline(book),
        recheck=recheck_line(book),
        blocks=[(s.id, _(s.title), s.findings(report)) for s in BLOCKS if chosen(s, only)],
        tables=[_table(book, s) for s in TABLES if chosen(s, only)],
        verdicts=[c for c in sorted(desk.claims, key=lambda c: c.id) if c.review]
        if chosen(VERDICTS, only)
        else [],
        said=book.wording,
        sides=lambda finding: zip(finding.sides, book.wording(finding).labels, strict=True),
        removal=lambda finding: removal(book, finding.removal),
        number=lambda f: numbered.get(id(f), 0),
        read_as=book.reading,
        where=lambda claim: f"{paths(claim.where.path)}:{claim.where.line}",
        safe_url=safe_url,
        origins=report.origins,
        source_ids=sorted({o for names in report.origins.values() for o in names}),
        kinds=sorted({f.kind for f in report.findings}),
        graph_json=_json_for_script(data),
        graph_shown=len(data["nodes"]),
        graph_total=graph.number_of_nodes(),
        script=script,
        style=style,
        csp=f"default-src 'none'; script-src '{_sha256(script)}'; "
        f"style-src '{_sha256(style)}'; img-src data:; base-uri 'none'; form-action 'none'",
    )
    return page


def _table(
    book: Phrasebook, section: Section
) -> tuple[str, str, list[Finding], list[Finding], list[Finding], str, int]:
    """A table's section: its id, title and findings, the rows shown open, the rows
    folded under a summary line, that line, and how many rows are left out. The
    single-origin table opens on the figures that sit in a conflict and folds the
    rest; the others show their first ``ROWS`` rows."""
    found = section.findings(book.report)
    if section.id != "single-origin":
        return section.id, book._(section.title), found, found[:ROWS], [], "", len(found[ROWS:])
    lead, rest = in_conflict(book.report, found)
    if lead:
        folded = book.n_(
            "{n} other figure rests on a single origin",
            "{n} other figures rest on a single origin",
            len(rest),
        )
    else:
        folded = book.n_(
            "{n} figure rests on a single origin, none of them in a conflict",
            "{n} figures rest on a single origin, none of them in a conflict",
            len(rest),
        )
    return section.id, book._(section.title), found, lead, rest[:ROWS], folded, len(rest[ROWS:])


def _graph_data(report: Report, graph: Any, book: Phrasebook) -> dict[str, Any]:
    """The part of the graph the page draws: around conflicts first, then the rest."""
    chosen: dict[str, None] = {}
    findings = graph_findings(report)
    order = sorted(range(len(findings)), key=lambda i: findings[i].sort_key())
    for index in order:  # conflicts first, then warnings, agreements...
        ident = node("finding", index + 1)
        around = [ident, *graph.predecessors(ident)]
        for claim in list(around):
            around += [h for _, h in graph.out_edges(claim)]
        for n in around:
            chosen.setdefault(n, None)
        if len(chosen) >= GRAPH_NODES:
            break
    for n in graph.nodes:
        if len(chosen) >= GRAPH_NODES:
            break
        chosen.setdefault(n, None)
    keep = list(chosen)[:GRAPH_NODES]
    kept = set(keep)
    by_node = {node("finding", n): f for n, f in enumerate(findings, 1)}
    nodes = [
        {"id": n, **graph.nodes[n], **_in_words(report, graph, book, n, by_node)} for n in keep
    ]
    links = [
        {"source": a, "target": b, "relation": r}
        for a, b, r in graph.edges(keys=True)
        if a in kept and b in kept
    ]
    return {"nodes": nodes, "links": links}


def _in_words(
    report: Report, graph: Any, book: Phrasebook, ident: str, findings: dict[str, Any]
) -> dict[str, Any]:
    """What the page shows of a node when it is clicked: a title and its lines, in the
    report's language (never its raw attributes)."""
    _ = book._
    data = graph.nodes[ident]
    kind = data.get("kind", "")
    if kind == "claim":
        claim = report.desk.by_id[data["label"]]
        lines = [book.scope(claim.scope), book.said(claim.id)]
        return {"title": _("Claim {claim}").format(claim=claim.id), "details": lines}
    if kind == "finding":
        finding = findings[ident]
        said = book.wording(finding)
        title = _("Finding: {kind}").format(kind=finding.kind)
        return {"title": title, "details": [said.message, *said.arithmetic]}
    if kind == "derived":
        return {"title": str(data["label"]), "details": [str(data["value"])]}
    if kind == "source":
        title = _("Source {name}").format(name=data["label"])
        return {"title": title, "details": [describe(report, graph, ident, book)]}
    if kind == "article":
        title = _("Article {id}").format(id=data["label"])
        return {"title": title, "details": [describe(report, graph, ident, book)]}
    return {"title": ident, "details": []}
