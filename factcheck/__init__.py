"""factcheck: reconcile the figures that many sources publish about the same thing.

The public API::

    import factcheck
    desk = factcheck.load("claims/")        # a typed Desk, or DeskError listing every problem

The command line (``factcheck validate``, ``factcheck reconcile``) is a thin
shell over these functions.
"""

from .errors import DeskError, FactcheckError, Location, Problem, ValueSyntaxError
from .intervals import Interval
from .loader import load
from .model import Article, Claim, Desk, Entity, Metric, Policy, Relation, Source
from .periods import Period, parse_period
from .values import Amount, Category, DateValue, read_amount

__all__ = [
    "Amount", "Article", "Category", "Claim", "DateValue", "Desk", "DeskError", "Entity",
    "FactcheckError", "Interval", "Location", "Metric", "Period", "Policy", "Problem",
    "Relation", "Source", "ValueSyntaxError", "load", "parse_period", "read_amount",
]  # fmt: skip
__version__ = "0.1.0"
