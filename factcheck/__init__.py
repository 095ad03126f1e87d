"""factcheck: reconcile the figures that many sources publish about the same thing.

The public API (``__all__`` is the whole of it)::

    import factcheck
    problems = factcheck.validate("claims/")   # [] when the desk is clean
    desk = factcheck.load("claims/")           # a typed Desk, or DeskError listing every problem
    report = factcheck.reconcile(desk)         # findings as data: conflicts, agreements, origins
    print(factcheck.render(report, "text"))    # or markdown, json, html, graphml, ...

The layers, each a package that imports only the ones below it::

    cli.py       the command line, a thin shell over this API
    render/      words and formats: text, Markdown, JSON, HTML, the graph and its exports
    engine/      the scope index, the rules, the runner: a Report of findings as data
    desk/        files to a typed, checked Desk
    values/      the grammar of values, units, periods and intervals
    errors.py, suggest.py, parallel.py, batch.py   shared by all: failures, "did you mean",
                 a second core, the batch
"""

from __future__ import annotations

from pathlib import Path

from .batch import batch
from .desk.loader import load
from .desk.model import Article, Claim, Desk, Entity, Metric, Policy, Relation, Source
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
from .render.registry import RENDERERS, render
from .values.amounts import Amount, Category, DateValue, read_amount
from .values.intervals import Interval
from .values.periods import Period, parse_period


def validate(path: Path | str, sources: Path | str | None = None) -> list[Problem]:
    """Every problem in the desk at ``path``, sorted by place; [] when it is clean."""
    try:
        load(path, sources)
    except DeskError as exc:
        return list(exc.problems)
    return []


__all__ = [
    "RENDERERS", "RULE_NAMES", "Amount", "Article", "Assumption", "Category", "Claim",
    "DateValue", "Desk", "DeskError", "Entity", "ExportError", "FactcheckError", "Figure",
    "Finding", "Interval", "Location", "Metric", "Period", "Policy", "Problem", "Relation",
    "Report", "Side", "Source", "UnknownClaimError", "UsageError", "ValueSyntaxError",
    "batch", "load", "parse_period", "read_amount", "reconcile", "render", "validate",
]  # fmt: skip
__version__ = "0.1.0"
