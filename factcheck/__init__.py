"""factcheck: reconcile the figures that many sources publish about the same thing.

The public API (``__all__`` is the whole of it)::

    import factcheck
    problems = factcheck.validate("claims/")   # [] when the desk is clean
    desk = factcheck.load("claims/")           # a typed Desk, or DeskError listing every problem
    report = factcheck.reconcile(desk)         # findings as data: conflicts, agreements, origins
    print(factcheck.render(report, "text"))    # or markdown, json, html, graphml, ...

The layers, each a package that imports only the ones below it::

    cli.py       the command line, a thin shell over this API
    publish/     the report as tables (SQLite, CSV, XLSX, pandas), ClaimReview, report diffs
    render/      words and formats: text, Markdown, JSON, HTML, the graph and its exports
    fusion/      which source to believe: reliabilities and best values from many sources
    engine/      the scope index, the rules, the runner: a Report of findings as data
    desk/        files to a typed, checked Desk
    values/      the grammar of values, units, periods and intervals
    draft.py     factcheck new: an article's text to a draft article file (beside render/)
    errors.py, suggest.py, parallel.py, caches.py, progress.py, batch.py   shared by all:
                 failures, "did you mean", a second core, the cache folder, progress, the batch
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

# Two names of the API are also modules (factcheck/batch.py, factcheck/render/):
# both are imported here, before the functions of those names are bound, so that
# the package's attributes stay the functions (a later import rebinds nothing).
from .batch import batch
from .render import LIMIT

if TYPE_CHECKING:  # for type checkers; at run time each name is imported on first use
    from .desk.loader import load
    from .desk.model import (
        Article,
        Claim,
        Desk,
        Entity,
        Metric,
        Policy,
        Relation,
        Review,
        Source,
    )
    from .engine.findings import Assumption, Figure, Finding, Side
    from .engine.report import Report
    from .engine.rules import RULE_NAMES
    from .engine.runner import reconcile
    from .errors import (
        DeskError,
        ExportError,
        FactcheckError,
        Location,
        Problem,
        UnknownClaimError,
        UsageError,
        ValueSyntaxError,
    )
    from .render.registry import RENDERERS
    from .values.amounts import Amount, Category, DateValue, read_amount
    from .values.intervals import Interval
    from .values.periods import Period, parse_period

#: Where each name of the API lives: imported when first asked for, so that a
#: command starts without importing what it does not use (docs/performance.md).
_HOMES = {
    "load": ".desk.loader",
    **dict.fromkeys(("Article", "Claim", "Desk", "Entity", "Metric", "Policy", "Relation",
                     "Review", "Source"), ".desk.model"),
    **dict.fromkeys(("Assumption", "Figure", "Finding", "Side"), ".engine.findings"),
    "Report": ".engine.report", "RULE_NAMES": ".engine.rules", "reconcile": ".engine.runner",
    **dict.fromkeys(("DeskError", "ExportError", "FactcheckError", "Location", "Problem",
                     "UnknownClaimError", "UsageError", "ValueSyntaxError"), ".errors"),
    "RENDERERS": ".render.registry",
    **dict.fromkeys(("Amount", "Category", "DateValue", "read_amount"), ".values.amounts"),
    "Interval": ".values.intervals", "Period": ".values.periods",
    "parse_period": ".values.periods",
}  # fmt: skip


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
    value = getattr(import_module(home, __name__), name)
    globals()[name] = value  # once imported, an ordinary attribute
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


def render(
    report: Report,
    format: str = "text",
    lang: str | None = None,
    limit: int | None = LIMIT,
    only: Iterable[str] | None = None,
) -> str:
    """``report`` in ``format`` (a name of ``RENDERERS``), as one string.

    ``lang``: the language of the words, ``en``, ``fr`` or ``de`` (default: the
    desk's ``policy.language`` when reports are written in it, else English);
    ``limit``: rows per informational table of the text and Markdown reports, the
    single-origin table cut to the figures in conflict (None: all); ``only``: the
    sections shown (``conflicts``, ``warnings``, ``single-origin``, ``agreements``,
    ``repetitions``, ``suggestions``; None: all).
    """
    from .render.registry import render as rendered

    return rendered(report, format, lang, limit, only)


def export(report: Report, format: str, path: Path | str, lang: str | None = None) -> list[Path]:
    """Write ``report`` as ``format`` (``sqlite``, ``csv``, ``xlsx``, ``claimreview``)
    at ``path`` (a folder for ``csv``), atomically; the files written. See
    docs/publishing.md."""
    from .publish import export as write

    return write(report, format, path, lang)


def validate(path: Path | str, sources: Path | str | None = None) -> list[Problem]:
    """Every problem in the desk at ``path``, sorted by place; [] when it is clean."""
    from .desk.loader import load
    from .errors import DeskError

    try:
        load(path, sources)
    except DeskError as exc:
        return list(exc.problems)
    return []


__all__ = [
    "RENDERERS",
    "RULE_NAMES",
    "Amount",
    "Article",
    "Assumption",
    "Category",
    "Claim",
    "DateValue",
    "Desk",
    "DeskError",
    "Entity",
    "ExportError",
    "FactcheckError",
    "Figure",
    "Finding",
    "Interval",
    "Location",
    "Metric",
    "Period",
    "Policy",
    "Problem",
    "Relation",
    "Report",
    "Review",
    "Side",
    "Source",
    "UnknownClaimError",
    "UsageError",
    "ValueSyntaxError",
    "batch",
    "export",
    "load",
    "parse_period",
    "read_amount",
    "reconcile",
    "render",
    "validate",
]  # fmt: skip
__version__ = "0.1.0"
