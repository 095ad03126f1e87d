"""The registry of renderers: every format a report or its graph can be written in.

One table feeds the command line's ``--format`` choices, ``factcheck.render``
and the table of formats in docs/commands.md (a test keeps them equal), in
the manner of Datasette's output renderers: a format is added here, without
touching the commands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ..engine.report import Report
from ..errors import UsageError
from ..suggest import did_you_mean
from . import exports
from .github import render_github
from .graph import build_graph
from .html import render_html
from .json_report import render_json
from .markdown import render_markdown
from .sections import LIMIT
from .text import render_text

#: Languages reports are written in (more come with translations).
LANGUAGES = ("en",)


@dataclass(frozen=True, slots=True)
class Options:
    """How a report is rendered: rows per table (None: all) and the language."""

    limit: int | None = LIMIT
    lang: str = "en"


@dataclass(frozen=True, slots=True)
class Renderer:
    """A format: its name, what it is for, and the function that writes it."""

    name: str
    kind: str  # "report" or "graph"
    description: str
    write: Callable[[Report, Options], Iterable[str]]
    cli_name: str = ""  # the name on the command line, when it differs

    @property
    def choice(self) -> str:
        return self.cli_name or self.name


def _graph(export: Callable[[Report, object], Iterator[str]]) -> Callable[..., Iterator[str]]:
    def write(report: Report, options: Options) -> Iterator[str]:
        yield from export(report, build_graph(report))

    return write


RENDERERS: tuple[Renderer, ...] = (
    Renderer("text", "report", "the terminal report (default), at most 100 columns wide",
             lambda r, o: render_text(r, o.limit)),
    Renderer("markdown", "report", "the same as a Markdown document",
             lambda r, o: render_markdown(r, o.limit)),
    Renderer("json", "report", "the stable format of report-format.md",
             lambda r, o: render_json(r)),
    Renderer("html", "report", "one self-contained page with the graph, safe to share",
             lambda r, o: render_html(r)),
    Renderer("github", "report", "GitHub Actions annotations on the claims of each conflict "
             "and warning (`::error file=…,line=…`)", lambda r, o: render_github(r)),
    Renderer("graphml", "graph", "GraphML, for Gephi or yEd (default)",
             _graph(exports.graphml)),
    Renderer("gexf", "graph", "GEXF, for Gephi", _graph(exports.gexf)),
    Renderer("dot", "graph", "Graphviz DOT (`dot -Tsvg graph.dot > graph.svg`)",
             _graph(exports.dot)),
    Renderer("node-link", "graph", "node-link JSON (`nodes`, `links`) for D3 and Observable",
             _graph(exports.node_link), cli_name="json"),
    Renderer("prov-json", "graph", "W3C PROV-JSON, for archives", _graph(exports.prov_json)),
)  # fmt: skip


def table() -> str:
    """The formats as the Markdown table in docs/commands.md (a test keeps them equal)."""
    rows = ["| command | `--format` | API name | what it is |", "|---|---|---|---|"]
    for entry in RENDERERS:
        command = "reconcile" if entry.kind == "report" else "graph"
        rows.append(f"| {command} | `{entry.choice}` | `{entry.name}` | {entry.description} |")
    return "\n".join(rows)


def choices(kind: str) -> tuple[str, ...]:
    """The names the command line offers for ``kind`` (``report`` or ``graph``)."""
    return tuple(r.choice for r in RENDERERS if r.kind == kind)


def renderer(name: str, kind: str | None = None) -> Renderer:
    """The renderer called ``name`` (or, with ``kind``, its command-line name)."""
    for entry in RENDERERS:
        if (kind is None and entry.name == name) or (entry.kind == kind and entry.choice == name):
            return entry
    known = [r.name for r in RENDERERS] if kind is None else list(choices(kind))
    hint = did_you_mean(name, known, f"formats: {', '.join(known)}")
    raise UsageError(f"unknown format '{name}'; {hint}")


def render_lines(
    report: Report, format: str = "text", lang: str | None = None, limit: int | None = LIMIT
) -> Iterable[str]:
    """``report`` in ``format``, piece by piece (to stream to a file)."""
    entry = renderer(format)
    chosen = lang or "en"
    if chosen not in LANGUAGES:
        hint = did_you_mean(chosen, LANGUAGES, f"languages: {', '.join(LANGUAGES)}")
        raise UsageError(f"reports are not written in '{chosen}' yet; {hint}")
    return entry.write(report, Options(limit, chosen))


def render(
    report: Report, format: str = "text", lang: str | None = None, limit: int | None = LIMIT
) -> str:
    """``report`` in ``format`` (a name of ``RENDERERS``), as one string.

    ``lang``: the language of the words (default English); ``limit``: rows per
    informational table of the text and Markdown reports (None: all).
    """
    return "".join(render_lines(report, format, lang, limit))
