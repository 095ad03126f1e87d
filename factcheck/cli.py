"""The command line: a thin shell over the public API.

Each command parses options, calls the library, renders, and sets the exit
status: 0 clean, 1 conflicts found (reconcile), 2 invalid input, usage or a
refused output, 3 an internal error (a bug of ours). Problems in a desk go
to stderr as ``file:line:col: message``; a traceback only with ``--debug``.
Every command runs as one batch (``factcheck.batch``): the collector is
paused here, and only here.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .batch import batch
from .engine.report import FAIL_ON
from .errors import DeskError, FactcheckError
from .errors import UsageError as FactcheckUsageError
from .publish import EXPORT_FORMATS
from .render import LIMIT
from .render.language import LANGUAGES
from .render.registry import choices, render_lines, renderer
from .render.sections import SECTION_IDS
from .render.words import plural, visible

if TYPE_CHECKING:
    from .engine.report import Report

# What a command needs beyond these is imported when it runs, so that every
# command starts fast (``factcheck --version`` imports none of the engine).

F = TypeVar("F", bound=Callable[..., Any])

#: What an internal error tells the user, after what went wrong.
BUG_REPORT = (
    "sorry: this is a bug in factcheck {version}, not a problem in your desk; run the same "
    "command with --debug for the traceback and report it to the factcheck maintainers"
)


def _version() -> str:
    try:
        return metadata.version("factcheck")
    except metadata.PackageNotFoundError:  # run from a source tree
        return "(unknown version)"


def _terminated(signum: int, frame: Any) -> None:
    """SIGTERM ends the run as Ctrl-C does: files half written are removed."""
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def _on_sigterm() -> Iterator[None]:
    """``_terminated`` handles SIGTERM while a command runs; the handler before it
    is put back after, so a program that calls the CLI in its own process (a
    test runner, a notebook) keeps its own way of being stopped."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set a signal handler
        return
    before = signal.signal(signal.SIGTERM, _terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


def _lang_option(command: F) -> F:
    return click.option(
        "--lang",
        type=click.Choice(LANGUAGES),
        help="Language of the report (default: the desk's policy.language, else en).",
    )(command)


def _desk_options(command: F) -> F:
    command = click.option(
        "--sources",
        type=click.Path(file_okay=False, path_type=Path),
        help="Folder of source records (default: sources/ beside the claims folder).",
    )(command)
    return click.argument("path", type=click.Path(path_type=Path))(command)


def _output_option(what: str) -> Callable[[F], F]:
    def decorate(command: F) -> F:
        command = click.option(
            "--force",
            is_flag=True,
            help="Replace the output file even if it is read-only.",
        )(command)
        return click.option(
            "-o",
            "--output",
            type=click.Path(dir_okay=False, path_type=Path),
            help=f"Write the {what} to this file (atomically) instead of the terminal. "
            "Never inside the desk's claims or sources folders.",
        )(command)

    return decorate


class _Bar:
    """Progress on stderr, as one line rewritten in place: only on a terminal, only
    once the run has taken ``after`` seconds, at most ten times a second, and wiped
    before anything else is written. Nothing at all in a pipe or a file."""

    def __init__(self, after: float = 2.0) -> None:
        self.on = sys.stderr.isatty()
        given = os.environ.get("FACTCHECK_PROGRESS_AFTER", "")  # seconds; the tests set 0
        self.after = float(given) if given.replace(".", "", 1).isdigit() else after
        self.start = self.last = time.monotonic()
        self.shown = False
        self.stage = ""

    def __call__(self, what: str, done: int, total: int) -> None:
        now = time.monotonic()
        if not self.on or now - self.start < self.after:
            return
        if self.shown and what == self.stage and now - self.last < 0.1:
            return  # a new stage shows at once; counts within one, ten times a second
        self.last, self.stage = now, what
        count = f" {done:,}/{total:,}" if total else ""
        sys.stderr.write(f"\r\x1b[2K{what}{count} ({now - self.start:.0f} s)")
        sys.stderr.flush()
        self.shown = True

    def close(self) -> None:
        if self.shown:
            sys.stderr.write("\r\x1b[2K")
            sys.stderr.flush()
            self.shown = False


def _reconciled(
    path: Path,
    sources: Path | None,
    output: Path | None = None,
    force: bool = False,
    bar: _Bar | None = None,
    ranked: bool = False,
) -> tuple[Report, Path | None]:
    """The desk at ``path`` loaded and reconciled (on two cores where there are
    two), and the file its output goes to: checked before the work starts,
    and again against every file the desk read. ``ranked``: what to re-check
    first is ordered by the origins' learned reliability too (for the reports
    that show it)."""
    from .desk.loader import desk_places, load
    from .engine.runner import reconcile as run_reconcile
    from .render.atomic import target

    places = desk_places(path, sources)  # every desk file lies in one of them
    if output is not None:
        target(output, places, force)  # refuse early, before the work
    try:
        desk = load(path, sources, progress=bar)
        real = None
        if output is not None:  # and the archived texts the desk read, wherever they are
            texts = [a.text for a in desk.articles.values() if a.text is not None]
            real = target(output, [*places, *texts], force)
        report = run_reconcile(desk, progress=bar)
        if ranked:
            from .fusion import learn

            report = learn(report)
        return report, real
    finally:
        if bar is not None:
            bar.close()


def _emit(pieces: Any, output: Path | None, real: Path | None) -> None:
    if output is None or real is None:
        try:
            sys.stdout.writelines(pieces)
            sys.stdout.flush()
        except BrokenPipeError:
            _quiet_pipe()
    else:
        from .render.atomic import write_atomic

        write_atomic(real, pieces, shown=output)
        click.echo(visible(f"wrote {output}", lines=False), err=True)


def _quiet_pipe() -> None:
    """The reader of our output went away (``| head``): stop writing, say nothing.
    Python would complain again when it flushes stdout at exit, so stdout is
    pointed at the null device first (the Python documentation's recipe)."""
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, sys.stdout.fileno())


class _Group(click.Group):
    """Runs each command as one batch and shows failures in one place: problems as
    a list, tracebacks only with --debug, our own bugs with exit 3."""

    def invoke(self, ctx: click.Context) -> Any:
        debug = "--debug" in sys.argv[1:] or bool(ctx.params.get("debug"))
        try:
            with batch(), _on_sigterm():
                return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:
            _quiet_pipe()  # the reader went away (| head): end quietly
            ctx.exit(0)
        except DeskError as exc:
            if debug:
                raise
            for problem in exc.problems:
                click.echo(visible(str(problem), lines=False), err=True)
            if exc.more:
                click.echo(
                    f"... and {plural(exc.more, 'more problem')} not shown "
                    f"(the first {len(exc.problems)} are above).",
                    err=True,
                )
            click.echo(f"{plural(len(exc.problems) + exc.more, 'problem')} found.", err=True)
            ctx.exit(exc.exit_code)
        except FactcheckError as exc:
            if debug:
                raise
            click.echo(visible(f"error: {exc}", lines=False), err=True)
            ctx.exit(exc.exit_code)
        except OSError as exc:
            if debug:
                raise
            click.echo(f"error: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), err=True)
            ctx.exit(2)
        except Exception as exc:
            if debug:
                raise
            click.echo(visible(f"internal error: {type(exc).__name__}: {exc}", False), err=True)
            click.echo(BUG_REPORT.format(version=_version()), err=True)
            ctx.exit(3)


@click.group(cls=_Group)
@click.option("--debug", is_flag=True, help="Show the full traceback of an error.")
@click.option(
    "--no-cache",
    is_flag=True,
    help="Keep nothing in the user's cache folder, and read nothing from it.",
)
@click.version_option(package_name="factcheck")
def main(debug: bool, no_cache: bool) -> None:
    """Check what many sources say about the same figures: conflicts, arithmetic, origins."""
    if no_cache:
        from .caches import OFF_VARIABLE

        os.environ[OFF_VARIABLE] = "1"  # this process only: the caches read it on first use


@contextlib.contextmanager
def _problems_as(fmt: str) -> Iterator[None]:
    """With ``--format github``, a desk's problems go to stdout as annotations."""
    try:
        yield
    except DeskError as exc:
        if fmt != "github":
            raise
        from .render.github import problem_lines

        sys.stdout.writelines(problem_lines(exc.problems, exc.more))
        click.echo(f"{plural(len(exc.problems) + exc.more, 'problem')} found.", err=True)
        sys.exit(exc.exit_code)


@main.command()
@_desk_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "github"]),
    default="text",
    show_default=True,
    help="text: file:line:col lines on stderr; github: GitHub Actions annotations on stdout.",
)
def validate(path: Path, sources: Path | None, fmt: str) -> None:
    """Check a desk's files and list every problem (exit 2), or say it is clean (exit 0).

    PATH is the desk (holding claims/), its claims folder, or one claim file (read
    with the world its desk declares).
    """
    from .desk.loader import load

    bar = _Bar()
    with _problems_as(fmt):
        try:
            desk = load(path, sources, progress=bar)
        finally:
            bar.close()
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
@click.option(
    "--width",
    type=click.IntRange(40, 1000),
    help="Columns of the text report (default: the terminal's, or $COLUMNS; 100 in a file).",
)
@_lang_option
@click.option(
    "--only",
    metavar="SECTIONS",
    help="Show only these sections, comma-separated: " + ", ".join(SECTION_IDS) + ".",
)
@click.option(
    "--since",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Instead of the report, what changed since this earlier JSON report "
    "(text, markdown or json); exit 1 when a conflict appeared.",
)
def reconcile(
    path: Path,
    sources: Path | None,
    fmt: str,
    output: Path | None,
    force: bool,
    fail_on: str,
    show_all: bool,
    width: int | None,
    lang: str | None,
    only: str | None,
    since: Path | None,
) -> None:
    """Find claims that cannot all be true, explain why, and count independent origins.

    Exit 0 with no conflict, 1 with conflicts (see --fail-on), 2 on invalid input.
    """
    format_name = renderer(fmt, "report").name
    if since is not None and format_name not in ("text", "markdown", "json"):
        raise FactcheckUsageError("--since writes text, markdown or json")
    older = _read_report(since) if since is not None else None
    bar = _Bar() if format_name != "json" else None  # never in JSON
    with _problems_as(format_name):
        report, real = _reconciled(path, sources, output, force, bar, ranked=True)
    if since is not None and older is not None:
        from .publish.changes import compare, render_changes, slim
        from .render.registry import default_language
        from .render.registry import render as render_report

        chosen_lang = lang or default_language(report)
        newer = slim(json.loads(render_report(report, "json", chosen_lang)))
        changes = compare(older, newer)
        columns = width or (_columns() if output is None else 100)
        shown = render_changes(changes, format_name, chosen_lang, str(since), columns)
        _emit(shown, output, real)
        sys.exit(changes.exit_code)
    limit = None if show_all else LIMIT
    columns = width or (_columns() if output is None else 100)
    chosen = only.split(",") if only is not None else None
    lines = render_lines(report, format_name, lang, limit, columns, chosen)
    _emit(lines, output, real)
    sys.exit(report.exit_code(fail_on))


def _columns() -> int:
    """The report's width: $COLUMNS when set, else the terminal's when the report goes
    to one, else 100 (a pipe, a file, a test runner's capture)."""
    given = os.environ.get("COLUMNS", "").strip()
    if given.isdigit():
        return max(40, int(given))
    if sys.stdout.isatty():
        import shutil

        return max(40, shutil.get_terminal_size((100, 24)).columns)
    return 100


@main.command()
@click.argument("claim_id")
@click.argument("path", type=click.Path(path_type=Path), default="claims", required=False)
@click.option(
    "--sources",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of source records (default: sources/ beside the claims folder).",
)
@_lang_option
def explain(claim_id: str, path: Path, sources: Path | None, lang: str | None) -> None:
    """Show where one claim comes from, how it was read, and what agrees or conflicts with it.

    PATH is the desk (default: claims). Exit 2 when the claim is unknown.
    """
    from .render.explain import explain_claim
    from .render.registry import default_language

    report, _ = _reconciled(path, sources)
    text = explain_claim(report, claim_id, lang=lang or default_language(report))
    click.echo(visible(text), nl=False)


@main.command()
@click.argument("path", type=click.Path(path_type=Path), default="claims", required=False)
@click.option(
    "--sources",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of source records, for a desk (default: sources/ beside the claims folder).",
)
@click.option(
    "--method",
    type=click.Choice(("vote", "investment", "pooled-investment", "accu", "accu-copy")),
    default="accu-copy",
    show_default=True,
    help="How sources are weighed (docs/fusion.md).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("text", "markdown", "json", "csv")),
    default="text",
    show_default=True,
    help="text and markdown: sources by reliability, then the least certain items; "
    "json and csv: every item.",
)
@_output_option("results")
@click.option(
    "--tolerance",
    type=float,
    default=0.0,
    help="In a table, times within this many minutes, or numbers within this fraction "
    "of each other, are one value (default: exact).",
)
@click.option(
    "--world",
    type=click.Path(exists=True, path_type=Path),
    help="For a table: a desk file or folder whose metrics (units, hedges, dates, "
    "categories) read the table's values; other metrics are typed from their values.",
)
@click.option("--all", "show_all", is_flag=True, help=f"Every item (default: the first {LIMIT}).")
@_lang_option
def fuse(
    path: Path,
    sources: Path | None,
    method: str,
    fmt: str,
    output: Path | None,
    force: bool,
    tolerance: float,
    world: Path | None,
    show_all: bool,
    lang: str | None,
) -> None:
    """Which source to believe: each source's reliability and each item's best value,
    from a desk or a claims table (CSV: source, subject, metric, value[, period, unit]).

    Exit 0 when fused, 2 on invalid input.
    """
    from .fusion import from_desk, read_table
    from .fusion import fuse as run
    from .render.atomic import target
    from .render.fusion import render_fusion

    if tolerance < 0:
        raise FactcheckUsageError("--tolerance is a number of 0 or more")
    if path.is_file():
        real = target(output, [path], force) if output is not None else None
        from .desk.loader import load

        declared = load(world) if world is not None else None
        observations = read_table(path, tolerance, declared)
    else:
        report, real = _reconciled(path, sources, output, force, _Bar())
        observations = from_desk(report)
    fusion = run(observations, method)
    _emit(render_fusion(fusion, fmt, lang, None if show_all else LIMIT), output, real)


@main.command()
@click.argument("old", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("new", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(("text", "markdown", "json")),
    default="text",
    show_default=True,
    help="Format of the changes.",
)
@_lang_option
def diff(old: Path, new: Path, fmt: str, lang: str | None) -> None:
    """What changed from the JSON report OLD to NEW: conflicts new and resolved, claims
    added, removed or changed, findings whose claims changed.

    Exit 1 when a conflict appeared, else 0; 2 when a file is not a JSON report.
    """
    from .publish.changes import compare, render_changes

    older, newer = _read_report(old), _read_report(new)
    written = newer.get("language")
    chosen = lang or (written if written in LANGUAGES else "en")
    changes = compare(older, newer)
    _emit(render_changes(changes, fmt, chosen, str(old), _columns()), None, None)
    sys.exit(changes.exit_code)


def _read_report(path: Path) -> dict[str, Any]:
    from .publish.changes import read_report

    return read_report(path)


@main.command()
@_desk_options
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    required=True,
    help="sqlite (with Datasette's metadata beside it), csv (a folder of one file per "
    "table), xlsx (one sheet per table), claimreview (schema.org JSON-LD of the desk's "
    "verdicts).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    required=True,
    help="The file to write (for csv, the folder), atomically. Never inside the desk.",
)
@click.option("--force", is_flag=True, help="Replace output files even if they are read-only.")
@_lang_option
def export(
    path: Path, sources: Path | None, fmt: str, output: Path, force: bool, lang: str | None
) -> None:
    """Export the desk's claims, findings, sources, articles, entities and graph edges as
    tables, or its verdicts as ClaimReview."""
    from .desk.loader import desk_places
    from .publish import export as write
    from .publish import metadata_path
    from .publish.tables import TABLES
    from .render.atomic import target

    places = desk_places(path, sources)  # refused before the work: never inside the desk
    real = output
    if fmt == "csv":
        for table in TABLES:
            target(output / f"{table.name}.csv", places, force)
    else:
        real = target(output, places, force)  # a link is kept: its target is written
        if fmt == "sqlite":
            target(metadata_path(output), places, force)
    report, _unused = _reconciled(path, sources, None, force, _Bar())
    written = write(report, fmt, real, lang, shown=output)
    for file in written:
        click.echo(visible(f"wrote {file}", lines=False), err=True)


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
def graph(path: Path, sources: Path | None, fmt: str, output: Path | None, force: bool) -> None:
    """Export the provenance graph: sources, articles, claims and findings, and how they relate."""
    format_name = renderer(fmt, "graph").name
    bar = _Bar() if format_name != "node-link" else None  # never in JSON
    report, real = _reconciled(path, sources, output, force, bar)
    _emit(render_lines(report, format_name), output, real)


@main.command()
@click.argument("path", type=click.Path(path_type=Path), default="claims", required=False)
@click.option(
    "--sources",
    type=click.Path(file_okay=False, path_type=Path),
    help="Folder of source records (default: sources/ beside the claims folder).",
)
@_output_option("schema")
def schema(path: Path, sources: Path | None, output: Path | None, force: bool) -> None:
    """Print a JSON Schema of the desk's article files, for an editor's completion.

    PATH is the desk (default: claims). Its world gives the ids the editor offers,
    even while other files have problems. Name the schema on a file's first line:
    '# yaml-language-server: $schema=../claims.schema.json'.
    """
    from .desk.loader import desk_places, load_for_editing
    from .render.atomic import target
    from .render.schema import desk_schema

    places = desk_places(path, sources)
    real = target(output, places, force) if output is not None else None
    text = json.dumps(desk_schema(load_for_editing(path, sources)), indent=2, ensure_ascii=False)
    _emit([text + "\n"], output, real)


@main.command()
@click.argument("path", type=click.Path(path_type=Path), default="claims", required=False)
@click.option(
    "--text",
    "text_file",
    type=click.File("r", encoding="utf-8"),
    default="-",
    show_default=True,
    help="The article's text, a file or - for standard input.",
)
@click.option("--outlet", default="", help="Who published it: a source of the desk.")
@click.option("--date", "published", default="", help="When: YYYY-MM or YYYY-MM-DD.")
@click.option("--language", required=True, help="The article's language (ISO 639-1: fr, en...).")
@click.option("--url", default="", help="Where it was published.")
@click.option("--id", "ident", default="", help="The article's id (default: outlet and date).")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The new file (default: a file named after the id in the desk's claims folder).",
)
@click.option("--sources", type=click.Path(file_okay=False, path_type=Path), help="Source records.")
def new(
    path: Path,
    text_file: Any,
    outlet: str,
    published: str,
    language: str,
    url: str,
    ident: str,
    output: Path | None,
    sources: Path | None,
) -> None:
    """Draft a new article file from the article's text: one claim per figure.

    Each claim quotes the clause around its figure and reads its value, hedge and
    unit; subject, source, metric and period are the desk's ids found nearby. What
    could not be told is marked TODO, which 'factcheck validate' lists until it is
    filled in. PATH is the desk (default: claims). Never overwrites a file.
    """
    from .desk.loader import desk_places, load_for_editing
    from .draft import Article, draft
    from .values.languages import language_problem

    problem = language_problem(language)
    if problem is not None:
        raise click.BadParameter(f"{problem[0]}; {problem[1]}", param_hint="--language")
    desk = load_for_editing(path, sources)  # its world, even while other files have problems
    try:
        text = text_file.read(MAX_TEXT_CHARS + 1)
    except UnicodeDecodeError:
        raise click.UsageError("the article's text is not UTF-8: save it as UTF-8") from None
    if len(text) > MAX_TEXT_CHARS:
        raise click.UsageError(
            f"the article's text is over {MAX_TEXT_CHARS:,} characters; "
            "draft it in parts (an article is rarely over 100,000)"
        )
    article_id = ident or _article_id(outlet, published)
    claims_dir = desk_places(path, sources)[0]
    chosen = output or claims_dir / f"{article_id}.yaml"
    body = draft(desk, text, Article(article_id, outlet, published, language, url))
    try:
        _write_new(chosen, body)
    except FileExistsError:
        raise click.UsageError(
            f"{chosen} exists; factcheck new never overwrites a file (give --id or -o)"
        ) from None
    count = body.count("\n  - id: ")
    todo = body.count('"TODO: ')
    click.echo(
        f"wrote {chosen}: {plural(count, 'claim')}, {plural(todo, 'field')} to fill in "
        f"(marked TODO; 'factcheck validate' lists them)",
        err=True,
    )


def _write_new(path: Path, body: str) -> None:
    """``body`` as the new file ``path``, whole or not at all, never over a file: written
    beside it first, then linked into place (a link fails where a file exists)."""
    import tempfile

    handle, temporary = tempfile.mkstemp(prefix=".factcheck-", dir=path.parent or ".")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(body)
        try:
            os.link(temporary, path)
        except FileExistsError:
            raise
        except OSError:  # a file system without hard links: create it exclusively instead
            with open(path, "x", encoding="utf-8") as out:
                out.write(body)
    finally:
        os.unlink(temporary)


#: The longest article text ``new`` drafts from (as archived texts: 5 MB).
MAX_TEXT_CHARS = 5 * 1024 * 1024


def _article_id(outlet: str, published: str) -> str:
    words = "-".join(w for w in (outlet, published) if w) or "article"
    return "-".join(re.findall(r"[A-Za-z0-9]+", words)).lower() or "article"


@main.command()
@_desk_options
@click.option(
    "--validate",
    "only_validate",
    is_flag=True,
    help="Only validate on each save (default: reconcile, as 'factcheck reconcile').",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "github"]),
    default="text",
    show_default=True,
    help="Report format.",
)
@click.option("--max-runs", type=int, default=0, hidden=True, help="Stop after N runs (tests).")
def watch(path: Path, sources: Path | None, only_validate: bool, fmt: str, max_runs: int) -> None:
    """Re-run on every save: the report (or, with --validate, the problems) of the desk
    at PATH, each time a claim, source or archived text changes. Ctrl-C stops.
    """
    import watchfiles

    from .desk.loader import desk_places

    places = [p for p in desk_places(path, sources) if p.exists()]
    runs = 0
    while True:
        runs += 1
        stamp = time.strftime("%H:%M:%S")
        click.echo(f"── {stamp} {'validate' if only_validate else 'reconcile'} {path} ──", err=True)
        _watched_run(path, sources, only_validate, fmt)
        if max_runs and runs >= max_runs:
            return
        click.echo("── watching for changes (Ctrl-C to stop) ──", err=True)
        try:
            next(iter(watchfiles.watch(*places, debounce=300, raise_interrupt=False)), None)
        except KeyboardInterrupt:
            return


def _watched_run(path: Path, sources: Path | None, only_validate: bool, fmt: str) -> None:
    """One run of ``watch``: what the command prints, with its problems, never an exit."""
    from .desk.loader import load

    try:
        with _problems_as(fmt):
            if only_validate:
                desk = load(path, sources)
                click.echo(f"{path}: {plural(len(desk.claims), 'claim')}: no problems.")
                return
            report, _ = _reconciled(path, sources, ranked=True)
        sys.stdout.writelines(render_lines(report, renderer(fmt, "report").name, width=_columns()))
        sys.stdout.flush()
    except SystemExit:  # the problems were listed as annotations; keep watching
        return
    except DeskError as exc:
        for problem in exc.problems:
            click.echo(visible(str(problem), lines=False), err=True)
        click.echo(f"{plural(len(exc.problems) + exc.more, 'problem')} found.", err=True)
