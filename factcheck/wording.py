"""Numbers, intervals and scopes in words a reader can check by hand.

``4.2e9`` in USD reads "4.2 billion USD"; an interval reads "3.8 to 4.2
billion USD", "at least 100,000 GPU", "more than 1 billion USD".
"""

from __future__ import annotations

import math
from datetime import date

from .intervals import Interval

_SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))


def number(x: float) -> str:
    """A number as a journalist writes it: 4.2 billion, 100,000, 0.35."""
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    size = abs(x)
    for scale, word in _SCALE_WORDS:
        if size >= scale:
            return f"{x / scale:.4g} {word}"
    if size >= 1000:
        return f"{x:,.0f}"
    if x == int(x):
        return f"{int(x)}"
    return f"{x:.4g}"


def unit(text: str) -> str:
    return text.replace(" / ", "/").replace(" * ", "·")


def quantity(x: float, unit_text: str) -> str:
    shown = unit(unit_text)
    return f"{number(x)} {shown}".strip()


def interval(value: Interval, unit_text: str) -> str:
    """An interval in words, with its unit."""
    shown = unit(unit_text)
    tail = f" {shown}" if shown else ""
    if math.isinf(value.hi) and math.isinf(value.lo):
        return "any value"
    if math.isinf(value.hi):
        return f"{'more than' if value.lo_open else 'at least'} {number(value.lo)}{tail}"
    if math.isinf(value.lo):
        return f"{'less than' if value.hi_open else 'at most'} {number(value.hi)}{tail}"
    if value.lo == value.hi:
        return f"exactly {number(value.lo)}{tail}"
    low, hi = number(value.lo), number(value.hi)
    lo_word, hi_word = low.partition(" ")[2], hi.partition(" ")[2]
    # "3.8 to 4.2 billion", not "3.8 billion to 4.2 billion"
    lo = low.partition(" ")[0] if lo_word and lo_word == hi_word else low
    text = f"{lo} to {hi}{tail}"
    excluded = [b for b, is_open in ((low, value.lo_open), (hi, value.hi_open)) if is_open]
    if excluded:
        text += f" ({' and '.join(excluded)} excluded)"
    return text


def days(value: Interval) -> str:
    """An interval of day ordinals as dates."""

    def day(x: float) -> str:
        return date.fromordinal(int(x)).isoformat()

    if math.isinf(value.lo) and math.isinf(value.hi):
        return "any date"
    if math.isinf(value.lo):
        return f"{'before' if value.hi_open else 'on or before'} {day(value.hi)}"
    if math.isinf(value.hi):
        return f"{'after' if value.lo_open else 'on or after'} {day(value.lo)}"
    if value.lo == value.hi:
        return day(value.lo)
    return f"{day(value.lo)} to {day(value.hi)}"
