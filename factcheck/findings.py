"""Findings: what reconciling a desk found, as data.

A finding is never an exception: it is a record in the report, with its kind,
its severity, the rule that made it, the claims involved, a message in words,
the arithmetic a reader can redo, and for a conflict the claims whose removal
would restore consistency and the independent origins on each side.
"""

from __future__ import annotations

from dataclasses import dataclass

#: Kinds of finding, and the severity each has.
KINDS = {
    "conflict": "conflict",  # claims that cannot all be true
    "incomparable": "warning",  # claims on one scope in different currencies or units
    "unsupported-quote": "warning",  # no number in the quote matches the value
    "quote-not-in-archive": "warning",  # the quote is not in the article's archived text
    "circular-reporting": "warning",  # different speakers agree, but all relay one origin
    "relay-loop": "warning",  # articles that cite each other in a circle
    "agreement": "info",  # claims from two or more independent origins that agree
    "repetition": "info",  # claims that agree but come from one origin
    "single-origin": "info",  # a figure that only one origin stands behind
    "alias-suggestion": "info",  # a quote names a source under a spelling not in its aliases
}
_ORDER = {kind: i for i, kind in enumerate(KINDS)}


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a finding: its claims and the independent origins behind them."""

    label: str
    claims: tuple[str, ...]
    origins: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Finding:
    kind: str
    rule: str
    claims: tuple[str, ...]
    message: str
    arithmetic: tuple[str, ...] = ()
    sides: tuple[Side, ...] = ()
    removal: tuple[str, ...] = ()  # removing any one of these restores consistency
    assumptions: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown finding kind {self.kind!r}")

    @property
    def severity(self) -> str:
        return KINDS[self.kind]

    def sort_key(self) -> tuple[int, str, tuple[str, ...], str]:
        return (_ORDER[self.kind], self.rule, self.claims, self.message)
