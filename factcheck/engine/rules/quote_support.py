"""Rule: a claim's value must be supported by a number in its quote (spec 5.5).

The quote is read in its own language (``factcheck.values.quote_numbers``); the value is
supported when a number the quote states, after its scale word, lies within
the claim's tolerance of the number the claim states (before any unit
conversion: the quote and the value are written in the same unit). Only
amounts are checked; a quote in a language that cannot be read gets no
finding, and the report counts such quotes. A claim ``derived_from`` others
whose quote states no number is not checked: its value was computed, and the
quote says how ("already matches what the whole market ordered").
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

from ...desk.model import Claim, Policy
from ...values.amounts import Amount
from ...values.quote_numbers import QuoteNumber, read_numbers, readable
from ..findings import Finding, Side, UnsupportedQuote
from ..scopes import ScopeIndex

RULE = "quote"


def check(index: ScopeIndex, claims: Sequence[Claim] | None = None) -> Iterator[Finding]:
    """Unsupported quotes among the desk's claims, or among ``claims`` only: each
    claim is checked alone, so two processes can share the work slice by slice."""
    policy = index.desk.policy
    for claim in index.desk.claims if claims is None else claims:
        value = claim.value
        if not isinstance(value, Amount) or not claim.quote or not readable(claim.quote_lang):
            continue
        stated = value.stated or (value.nominal,)
        tolerance = _tolerance(value.qualifier, policy)
        numbers = read_numbers(claim.quote, claim.quote_lang)
        if any(_close(n.value, s, tolerance) for n in numbers for s in stated):
            continue
        if claim.derived_from and not numbers:
            continue  # a value computed from other claims; the quote says how, not how much
        yield _unsupported(index, claim, stated, numbers)


def _tolerance(qualifier: str, policy: Policy) -> float:
    if qualifier in ("approximate", "nearly"):
        return policy.approximate
    return 1e-9 if qualifier == "exact" else policy.plain


def _close(found: float, stated: float, tolerance: float) -> bool:
    return abs(found - stated) <= tolerance * abs(stated) + 1e-12


def _unsupported(
    index: ScopeIndex, claim: Claim, stated: tuple[float, ...], numbers: list[QuoteNumber]
) -> Finding:
    written = stated[0]
    nearest, factor = -1, 0
    if numbers:
        nearest = min(range(len(numbers)), key=lambda i: _distance(numbers[i].value, written))
        factor = _factor(numbers[nearest].value, written)
    return Finding(
        kind="unsupported-quote",
        rule=RULE,
        claims=(claim.id,),
        detail=UnsupportedQuote(claim.id, stated, tuple(numbers), nearest, factor),
        sides=(Side("claim", (claim.id,), index.origins.behind((claim,))),),
    )


def _distance(a: float, b: float) -> float:
    if a <= 0 or b <= 0:
        return abs(a - b)
    return abs(math.log10(a / b))


def _factor(found: float, written: float) -> int:
    """The power of ten between two numbers (3 for a thousand times more, -3 for
    a thousand times less), or 0 when they differ by something else."""
    if found <= 0 or written <= 0:
        return 0
    exponent = math.log10(found / written)
    rounded = round(exponent)
    if abs(exponent - rounded) > 0.01:
        return 0
    return rounded
