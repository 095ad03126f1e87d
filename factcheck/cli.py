"""The command line: a thin shell over the public API.

Each command parses options, calls the library, renders, and sets the exit
status: 0 clean, 1 conflicts found (reconcile), 2 invalid input or usage.
Problems in a desk go to stderr as ``file:line:col: message``; a traceback
only with ``--debug``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from .errors import DeskError, FactcheckError
from .loader import load

F = TypeVar("F", bound=Callable[..., Any])


def _desk_options(command: F) -> F:
    command = click.option(
        "--sources",
        type=click.Path(file_okay=False, path_type=Path),
        help="Folder of source records (default: sources/ beside the claims folder).",
    )(command)
    return click.argument("path", type=click.Path(path_type=Path))(command)


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
