"""Phrases that explain findings: a claim as said, a scope in words, a value read.

Shared by the rules so that every finding names things the same way:
``ft-deliveries-2022 (financial-times): '4 billion USD', read as 3.8 to 4.2 billion USD``.
"""

from __future__ import annotations

from collections.abc import Iterable

from . import wording
from .intervals import Interval
from .model import Claim
from .scopes import Scope, ScopeIndex
from .values import Amount, Category, DateValue


def read_as(claim: Claim) -> str:
    """The interval a claim's value was read as, in words."""
    value = claim.value
    if isinstance(value, Amount):
        return wording.interval(value.interval, value.unit)
    if isinstance(value, DateValue):
        return wording.days(value.interval)
    assert isinstance(value, Category)
    return f"'{value.word}'"


def interval_words(interval: Interval, unit: str) -> str:
    return wording.days(interval) if unit == "date" else wording.interval(interval, unit)


def said(index: ScopeIndex, claim: Claim) -> str:
    """``id (origin): 'value as written', read as ...`` (remembered per claim: the
    same price or total often explains many findings)."""
    found = index.phrases.get(claim.id)
    if found is None:
        origins = ", ".join(index.origins.behind((claim,)))
        found = f"{claim.id} ({origins}): '{claim.value.text}', read as {read_as(claim)}"
        index.phrases[claim.id] = found
    return found


def scope_words(index: ScopeIndex, scope: Scope) -> str:
    """``gpu_spend of big-four in 2022 (product A800)``."""
    metric, subject, period, product, counterparty = scope
    text = f"{metric} of {subject}"
    text += f" in {period}" if period else " (no period stated)"
    if product:
        text += f", product {wording_product(product)}"
    if counterparty:
        text += f", counterparty {counterparty}"
    return text


def wording_product(product: tuple[str, ...]) -> str:
    return " + ".join(product)


def extreme_low(claims: Iterable[Claim]) -> Claim:
    """The claim with the highest lower bound (it pushes a value up the most)."""
    return max(claims, key=lambda c: (_interval(c).lo, _interval(c).lo_open, c.id))


def extreme_high(claims: Iterable[Claim]) -> Claim:
    """The claim with the lowest upper bound (it holds a value down the most)."""
    return min(claims, key=lambda c: (_interval(c).hi, not _interval(c).hi_open, c.id))


def _interval(claim: Claim) -> Interval:
    value = claim.value
    assert isinstance(value, Amount | DateValue)
    return value.interval
