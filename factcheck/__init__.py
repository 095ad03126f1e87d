"""factcheck: reconcile the figures that many sources publish about the same thing.

The public API::

    import factcheck
    desk = factcheck.load("claims/")        # a typed Desk, or DeskError listing every problem
    report = factcheck.reconcile(desk)      # findings: conflicts, agreements, single origins
    print(report.to_text())                 # or to_markdown(), to_json(), to_dict()

The command line (``factcheck validate``, ``factcheck reconcile``) is a thin
shell over these functions.
"""

from .errors import DeskError, FactcheckError, Location, Problem, ValueSyntaxError
from .findings import Finding, Side
from .intervals import Interval
from .loader import load
from .model import Article, Claim, Desk, Entity, Metric, Policy, Relation, Source
from .periods import Period, parse_period
from .reconcile import reconcile
from .report import Report
from .values import Amount, Category, DateValue, read_amount

__all__ = [
    "Amount", "Article", "Category", "Claim", "DateValue", "Desk", "DeskError", "Entity",
    "FactcheckError", "Finding", "Interval", "Location", "Metric", "Period", "Policy",
    "Problem", "Relation", "Report", "Side", "Source", "ValueSyntaxError", "load",
    "parse_period", "read_amount", "reconcile",
]  # fmt: skip
__version__ = "0.1.0"
