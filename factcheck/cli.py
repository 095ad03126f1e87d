"""The command line: a thin shell over the public API.

Each command parses options, calls the library, renders, and sets the exit
status: 0 clean, 1 conflicts found (reconcile), 2 invalid input or usage.
Problems in a desk go to stderr as ``file:line:col: message``; a traceback
only with ``--debug``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

import click

from .atomic import write_atomic
from .errors import DeskError, FactcheckError
from .explanation import explain_claim
from .exports import FORMATS, export_lines, write_export
from .graph import build_graph
from .html import to_html
from .loader import load
from .reconcile import reconcile as run_reconcile
from .report import FAIL_ON, LIMIT, Report

F = TypeVar("F", bound=Callable[..., Any])


def _desk_options(command: F) -> F:
    command = click.option(
        "--sources",
        type=click.Path(file_okay=False, path_type=Path),
        help="Folder of source records (default: sources/ beside the claims folder).",
    )(command)
    return click.argument("path", type=click.Path(path_type=Path))(command)


def _output_option(what: str) -> Callable[[F], F]:
    return click.option(
        "-o",
        "--output",
        type=click.Path(dir_okay=False, path_type=Path),
        help=f"Write the {what} to this file (atomically) instead of the terminal.",
    )


def _reconciled(path: Path, sources: Path | None) -> Report:
    """The desk at ``path`` loaded and reconciled, on two cores where there are two."""
    return run_reconcile(load(path, sources), workers=min(2, os.cpu_count() or 1))


class _Group(click.Group):
    """Shows failures in one place: problems as a list, tracebacks only with --debug."""

    def invoke(self, ctx: click.Context) -> Any:
        debug = "--debug" in sys.argv[1:] or bool(ctx.params.get("debug"))
        try:
            return super().invoke(ctx)
        except DeskError as exc:
            if debug:
                raise
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            count = len(exc.problems)
            click.echo(f"{count} problem{'s' if count != 1 else ''} found.", err=True)
            ctx.exit(exc.exit_code)
        except FactcheckError as exc:
            if debug:
                raise
            click.echo(f"error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except OSError as exc:
            if debug:
                raise
            click.echo(f"error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), err=True)
            ctx.exit(2)


@click.group(cls=_Group)
@click.option("--debug", is_flag=True, help="Show the full traceback of an error.")
@click.version_option(package_name="factcheck")
def main(debug: bool) -> None:
    """Check what many sources say about the same figures: conflicts, arithmetic, origins."""


@main.command()
@_desk_options
def validate(path: Path, sources: Path | None) -> None:
    """Check a desk's files and list every problem (exit 2), or say it is clean (exit 0).

    PATH is the desk (holding claims/), its claims folder, or one claim file.
    """
    desk = load(path, sources)
    articles = len(desk.articles)
    click.echo(
        f"{path}: {len(desk.claims)} claims, {articles} article{'s' if articles != 1 else ''}, "
        f"{len(desk.sources)} sources, {len(desk.entities)} entities, "
        f"{len(desk.metrics)} metrics: no problems."
    )


@main.command()
@_desk_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "json", "html"]),
    default="text",
    show_default=True,
    help="Report format.",
)
@_output_option("report")
@click.option(
    "--fail-on",
    type=click.Choice(FAIL_ON),
    default="conflict",
    show_default=True,
    help="Exit 1 when findings of this severity or worse are found.",
)
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help="List every single-origin figure and agreement (default: the first 100 of each).",
)
def reconcile(
    path: Path, sources: Path | None, fmt: str, output: Path | None, fail_on: str, show_all: bool
) -> None:
    """Find claims that cannot all be true, explain why, and count independent origins.

    Exit 0 with no conflict, 1 with conflicts (see --fail-on), 2 on invalid input.
    """
    report = _reconciled(path, sources)
    limit = None if show_all else LIMIT
    pieces: Iterable[str]
    if fmt == "json":
        pieces = report.json_lines()
    elif fmt == "html":
        pieces = [to_html(report)]
    else:
        pieces = [report.to_text(limit) if fmt == "text" else report.to_markdown(limit)]
    if output is None:
        sys.stdout.writelines(pieces)
        sys.stdout.flush()
    else:
        write_atomic(output, pieces)
        click.echo(f"wrote {output}", err=True)
    sys.exit(report.exit_code(fail_on))


@main.command()
@click.argument("claim_id")
@click.argument("path", type=click.Path(path_type=Path), default="claims", required=False)
@click.option(
    "--sources",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of source records (default: sources/ beside the claims folder).",
)
def explain(claim_id: str, path: Path, sources: Path | None) -> None:
    """Show where one claim comes from, how it was read, and what agrees or conflicts with it.

    PATH is the desk (default: claims). Exit 2 when the claim is unknown.
    """
    report = _reconciled(path, sources)
    click.echo(explain_claim(report, build_graph(report), claim_id), nl=False)


@main.command()
@_desk_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    default="graphml",
    show_default=True,
    help="graphml and gexf (Gephi), dot (Graphviz), json (node-link, D3), prov-json (W3C PROV).",
)
@_output_option("graph")
def graph(path: Path, sources: Path | None, fmt: str, output: Path | None) -> None:
    """Export the provenance graph: sources, articles, claims and findings, and how they relate."""
    report = _reconciled(path, sources)
    provenance = build_graph(report)
    if output is None:
        sys.stdout.writelines(export_lines(provenance, fmt))
        sys.stdout.flush()
    else:
        write_export(output, provenance, fmt)
        click.echo(f"wrote {output}", err=True)
