"""The command line: a thin shell over the public API.

Each command parses options, calls the library, renders, and sets the exit
status: 0 clean, 1 conflicts found (reconcile), 2 invalid input, usage or a
refused output, 3 an internal error (a bug of ours). Problems in a desk go
to stderr as ``file:line:col: message``; a traceback only with ``--debug``.
Every command runs as one batch (``factcheck.batch``): the collector is
paused here, and only here.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from .batch import batch
from .desk.loader import load
from .engine.report import FAIL_ON, Report
from .engine.runner import reconcile as run_reconcile
from .errors import DeskError, FactcheckError
from .render.atomic import write_atomic
from .render.explain import explain_claim
from .render.registry import choices, render_lines, renderer
from .render.sections import LIMIT
from .render.words import plural

F = TypeVar("F", bound=Callable[..., Any])

#: What an internal error asks the user to do.
BUG_REPORT = (
    "this is a bug in factcheck, not a problem in your desk: please report it to the "
    "factcheck maintainers (the issue tracker of the repository you installed it from) "
    "with the command you ran and the output of the same command with --debug"
)


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
    return run_reconcile(load(path, sources))


def _emit(pieces: Any, output: Path | None) -> None:
    if output is None:
        sys.stdout.writelines(pieces)
        sys.stdout.flush()
    else:
        write_atomic(output, pieces)
        click.echo(f"wrote {output}", err=True)


class _Group(click.Group):
    """Runs each command as one batch and shows failures in one place: problems as
    a list, tracebacks only with --debug, our own bugs with exit 3."""

    def invoke(self, ctx: click.Context) -> Any:
        debug = "--debug" in sys.argv[1:] or bool(ctx.params.get("debug"))
        try:
            with batch():
                return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except DeskError as exc:
            if debug:
                raise
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            click.echo(f"{plural(len(exc.problems), 'problem')} found.", err=True)
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
        except Exception as exc:
            if debug:
                raise
            click.echo(f"internal error: {type(exc).__name__}: {exc}", err=True)
            click.echo(BUG_REPORT, err=True)
            ctx.exit(3)


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
    click.echo(
        f"{path}: {plural(len(desk.claims), 'claim')}, {plural(len(desk.articles), 'article')}, "
        f"{plural(len(desk.sources), 'source')}, "
        f"{plural(len(desk.entities), 'entity', 'entities')}, "
        f"{plural(len(desk.metrics), 'metric')}: no problems."
    )


@main.command()
@_desk_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(choices("report")),
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
    help=f"List every single-origin figure and agreement (default: the first {LIMIT} of each).",
)
def reconcile(
    path: Path, sources: Path | None, fmt: str, output: Path | None, fail_on: str, show_all: bool
) -> None:
    """Find claims that cannot all be true, explain why, and count independent origins.

    Exit 0 with no conflict, 1 with conflicts (see --fail-on), 2 on invalid input.
    """
    report = _reconciled(path, sources)
    format_name = renderer(fmt, "report").name
    _emit(render_lines(report, format_name, limit=None if show_all else LIMIT), output)
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
    click.echo(explain_claim(report, claim_id), nl=False)


@main.command()
@_desk_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(choices("graph")),
    default="graphml",
    show_default=True,
    help="graphml and gexf (Gephi), dot (Graphviz), json (node-link, D3), prov-json (W3C PROV).",
)
@_output_option("graph")
def graph(path: Path, sources: Path | None, fmt: str, output: Path | None) -> None:
    """Export the provenance graph: sources, articles, claims and findings, and how they relate."""
    report = _reconciled(path, sources)
    _emit(render_lines(report, renderer(fmt, "graph").name), output)
