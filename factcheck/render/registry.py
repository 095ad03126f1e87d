"""The registry of renderers: every format a report or its graph can be written in.

One table feeds the command line's ``--format`` choices, ``factcheck.render``
and the table of formats in docs/commands.md (a test keeps them equal), in
the manner of Datasette's output renderers: a format is added here, without
touching the commands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Any

from ..errors import UsageError
from ..suggest import did_you_mean
from . import LIMIT
from .language import LANGUAGES, language

if TYPE_CHECKING:
    from ..engine.report import Report


@dataclass(frozen=True, slots=True)
class Options:
    """How a report is rendered: rows per table (None: all), the language, the
    terminal report's columns and the sections shown (None: all)."""

    limit: int | None = LIMIT
    lang: str = "en"
    width: int = 100
    only: tuple[str, ...] | None = None


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


def _module(name: str) -> Any:
    """A renderer's module, imported when a report is first written in its format
    (Jinja2, tabulate, networkx and prov cost a command that does not use them)."""
    return import_module(f".{name}", __package__)


def _report(
    module: str, function: str, takes: tuple[str, ...] = ("lang",)
) -> Callable[..., Iterable[str]]:
    """A report renderer that takes the options named in ``takes`` as keywords."""

    def write(report: Report, options: Options) -> Iterable[str]:
        render: Callable[..., Iterable[str]] = getattr(_module(module), function)
        return render(report, **{name: getattr(options, name) for name in takes})

    return write


def _graph(export: str) -> Callable[..., Iterator[str]]:
    def write(report: Report, options: Options) -> Iterator[str]:
        graph = _module("graph").build_graph(report)
        yield from getattr(_module("exports"), export)(report, graph)

    return write


RENDERERS: tuple[Renderer, ...] = (
    Renderer("text", "report", "the terminal report (default), at most 100 columns wide",
             _report("text", "render_text", ("limit", "width", "lang", "only"))),
    Renderer("markdown", "report", "the same as a Markdown document",
             _report("markdown", "render_markdown", ("limit", "lang", "only"))),
    Renderer("json", "report", "the stable format of report-format.md",
             _report("json_report", "render_json")),
    Renderer("html", "report", "one self-contained page with the graph, safe to share",
             _report("html", "render_html", ("lang", "only"))),
    Renderer("github", "report", "GitHub Actions annotations on the claims of each conflict "
             "and warning (`::error file=…,line=…`)", _report("github", "render_github")),
    Renderer("graphml", "graph", "GraphML, for Gephi or yEd (default)", _graph("graphml")),
    Renderer("gexf", "graph", "GEXF, for Gephi", _graph("gexf")),
    Renderer("dot", "graph", "Graphviz DOT (`dot -Tsvg graph.dot > graph.svg`)",
             _graph("dot")),
    Renderer("node-link", "graph", "node-link JSON (`nodes`, `links`) for D3 and Observable",
             _graph("node_link"), cli_name="json"),
    Renderer("prov-json", "graph", "W3C PROV-JSON, for archives", _graph("prov_json")),
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
    report: Report,
    format: str = "text",
    lang: str | None = None,
    limit: int | None = LIMIT,
    width: int = 100,
    only: Iterable[str] | None = None,
) -> Iterable[str]:
    """``report`` in ``format``, piece by piece (to stream to a file); ``width``: the
    columns of the terminal report."""
    entry = renderer(format)
    chosen = language(lang or default_language(report)).code  # a UsageError without a catalog
    return entry.write(report, Options(limit, chosen, width, sections(only)))


def default_language(report: Report) -> str:
    """The desk's ``policy.language`` when reports are written in it, else English."""
    wanted = report.desk.policy.language
    return wanted if wanted in LANGUAGES else "en"


def sections(only: Iterable[str] | None) -> tuple[str, ...] | None:
    """The section ids ``only`` names (None: every section); an unknown name is a
    ``UsageError`` with the nearest."""
    if only is None:
        return None
    from .sections import SECTION_IDS

    wanted = tuple(dict.fromkeys(name.strip() for name in only if name.strip()))
    for name in wanted:
        if name not in SECTION_IDS:
            hint = did_you_mean(name, SECTION_IDS, f"sections: {', '.join(SECTION_IDS)}")
            raise UsageError(f"unknown section '{name}'; {hint}")
    return wanted


def render(
    report: Report,
    format: str = "text",
    lang: str | None = None,
    limit: int | None = LIMIT,
    only: Iterable[str] | None = None,
) -> str:
    """``report`` in ``format`` (a name of ``RENDERERS``), as one string.

    ``lang``: the language of the words (``LANGUAGES``; default the desk's
    ``policy.language``, else English); ``limit``: rows per informational table of
    the text and Markdown reports, the single-origin table cut to the figures in
    conflict (None: all); ``only``: the sections shown (``SECTION_IDS``).
    """
    return "".join(render_lines(report, format, lang, limit, only=only))
