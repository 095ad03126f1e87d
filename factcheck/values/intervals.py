"""Intervals: what every value means once its hedge is read (spec section 4)."""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass
from decimal import Decimal

from ..errors import FactcheckError


@dataclass(frozen=True, slots=True)
class Interval:
    """A set of reals between ``lo`` and ``hi``; each bound open or closed.

    Unbounded sides are ``-inf``/``inf`` and always open.
    """

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    def __post_init__(self) -> None:
        if math.isnan(self.lo) or math.isnan(self.hi):
            raise FactcheckError("an interval bound is not a number")
        if math.isinf(self.lo) and not self.lo_open:
            object.__setattr__(self, "lo_open", True)
        if math.isinf(self.hi) and not self.hi_open:
            object.__setattr__(self, "hi_open", True)
        if self.lo > self.hi or (self.lo == self.hi and (self.lo_open or self.hi_open)):
            raise FactcheckError(f"empty interval {self}")

    def intersects(self, other: Interval) -> bool:
        """Whether the two intervals share at least one point."""
        if self.hi < other.lo or other.hi < self.lo:
            return False
        if self.hi == other.lo:
            return not (self.hi_open or other.lo_open)
        if other.hi == self.lo:
            return not (other.hi_open or self.lo_open)
        return True

    def contains(self, x: float) -> bool:
        above = x > self.lo or (x == self.lo and not self.lo_open)
        below = x < self.hi or (x == self.hi and not self.hi_open)
        return above and below

    def __str__(self) -> str:
        left = "(" if self.lo_open else "["
        right = ")" if self.hi_open else "]"
        return f"{left}{_num(self.lo)}, {_num(self.hi)}{right}"


def _num(x: float) -> str:
    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    return f"{x:.6g}"


# -- arithmetic (for relations and sums) ---------------------------------------------
#
# Bounds are rounded outward at every operation: a computed lower bound one float
# down, an upper bound one float up (``math.nextafter``), so that the interval
# always holds the exact result and binary rounding never makes a conflict
# (0.1 + 0.2 is 0.30000000000000004 in floats). A result that is exactly zero,
# or infinite, stays as it is.

_Bound = tuple[float, bool]  # (value, open)


def down(x: float) -> float:
    """``x`` rounded outward as a lower bound: the next float below (0 and ±∞ kept)."""
    return math.nextafter(x, -math.inf) if x != 0 and math.isfinite(x) else x


def up(x: float) -> float:
    """``x`` rounded outward as an upper bound: the next float above (0 and ±∞ kept)."""
    return math.nextafter(x, math.inf) if x != 0 and math.isfinite(x) else x


def outward(interval: Interval) -> Interval:
    """``interval`` with each finite, non-zero bound one float wider."""
    return Interval(down(interval.lo), up(interval.hi), interval.lo_open, interval.hi_open)


def at_least(exact: Decimal) -> float:
    """The largest float not above a decimal (a lower bound's float)."""
    x = float(exact)
    return math.nextafter(x, -math.inf) if Decimal(x) > exact else x


def at_most(exact: Decimal) -> float:
    """The smallest float not below a decimal (an upper bound's float)."""
    x = float(exact)
    return math.nextafter(x, math.inf) if Decimal(x) < exact else x


def decimal(x: float) -> Decimal:
    """The decimal a float was read from: its shortest representation (``0.1``)."""
    return Decimal(repr(x))


def sum_down(values: list[float]) -> float:
    """A lower bound of the exact sum of decimals that ``values`` approximate:
    each addition rounded down, and one float more for the decimals themselves
    (each float is within half a step of the decimal the desk wrote)."""
    total = 0.0
    for x in values:
        total = down(total + x)
    return down(total)


def intersection(a: Interval, b: Interval) -> Interval | None:
    """The common part of two intervals, or None when they share no point."""
    if not a.intersects(b):
        return None
    lo, lo_open = max((a.lo, a.lo_open), (b.lo, b.lo_open), key=lambda t: (t[0], t[1]))
    hi, hi_open = min((a.hi, not a.hi_open), (b.hi, not b.hi_open), key=lambda t: (t[0], t[1]))
    return Interval(lo, hi, lo_open, not hi_open)


def _make(lo: float, hi: float, lo_open: bool, hi_open: bool) -> Interval:
    """An interval from computed bounds; a bound that overflowed to the wrong
    infinity becomes the largest float, open, so the result stays sound."""
    if lo == math.inf:
        lo, lo_open = sys.float_info.max, True
    if hi == -math.inf:
        hi, hi_open = -sys.float_info.max, True
    if lo == hi:
        return Interval(lo, hi)
    return Interval(lo, hi, lo_open, hi_open)


def add(a: Interval, b: Interval) -> Interval:
    return _make(down(a.lo + b.lo), up(a.hi + b.hi), a.lo_open or b.lo_open, a.hi_open or b.hi_open)


def sub(a: Interval, b: Interval) -> Interval:
    return _make(down(a.lo - b.hi), up(a.hi - b.lo), a.lo_open or b.hi_open, a.hi_open or b.lo_open)


def _times(x: float, y: float) -> float:
    if x == 0 or y == 0:
        return 0.0  # 0 × ∞ counts as 0: the bound is reached at the finite end
    return x * y


def _from_bounds(bounds: list[_Bound]) -> Interval:
    lo = min(bounds, key=lambda t: (t[0], not t[1]))
    hi = max(bounds, key=lambda t: (t[0], not t[1]))
    return _make(lo[0], hi[0], lo[1], hi[1])


def mul(a: Interval, b: Interval) -> Interval:
    corners = [
        (x, y, xo or yo)
        for x, xo in ((a.lo, a.lo_open), (a.hi, a.hi_open))
        for y, yo in ((b.lo, b.lo_open), (b.hi, b.hi_open))
    ]
    lows = [(_down_product(x, y), is_open) for x, y, is_open in corners]
    highs = [(_up_product(x, y), is_open) for x, y, is_open in corners]
    lo = min(lows, key=lambda t: (t[0], not t[1]))
    hi = max(highs, key=lambda t: (t[0], not t[1]))
    return _make(lo[0], hi[0], lo[1], hi[1])


def _down_product(x: float, y: float) -> float:
    """``x × y`` rounded down: exact when a factor is 0; a product that underflowed
    to 0 becomes the smallest normal float on its side of 0 (a looser, still
    sound bound)."""
    p = _times(x, y)
    if x == 0 or y == 0:
        return p
    if p == 0:
        return 0.0 if (x > 0) == (y > 0) else -sys.float_info.min
    return down(p)


def _up_product(x: float, y: float) -> float:
    """``x × y`` rounded up (see ``_down_product``)."""
    p = _times(x, y)
    if x == 0 or y == 0:
        return p
    if p == 0:
        return sys.float_info.min if (x > 0) == (y > 0) else 0.0
    return up(p)


def div(a: Interval, b: Interval) -> Interval:
    """a / b, for the values of b other than zero (a relation that divides says its
    divisor is not zero). When b is only zero, or holds values of both signs,
    the quotient is unbounded both ways, so nothing is claimed."""
    if (b.lo == 0 and b.hi == 0) or b.lo < 0 < b.hi:
        return Interval(-math.inf, math.inf)
    if b.lo == 0 or b.hi == 0:  # a bound at zero: the quotient is unbounded on one side
        inverse = (
            Interval(_lower_reciprocal(b.hi), math.inf, b.hi_open, True)
            if b.lo == 0
            else Interval(-math.inf, _upper_reciprocal(b.lo), True, b.lo_open)
        )
    else:
        inverse = _from_bounds(
            [(_lower_reciprocal(b.hi), b.hi_open), (_upper_reciprocal(b.lo), b.lo_open)]
        )
    return mul(a, inverse)


def _lower_reciprocal(x: float) -> float:
    """``1 / x`` rounded down, for ``x`` not zero: 0 for an infinite ``x``; the largest
    float where ``1 / x`` overflows (x below 5.6e-309, a subnormal: a looser, still
    sound bound)."""
    if math.isinf(x):
        return 0.0
    value = 1 / x
    return sys.float_info.max if value == math.inf else down(value)


def _upper_reciprocal(x: float) -> float:
    """``1 / x`` rounded up (see ``_lower_reciprocal``)."""
    if math.isinf(x):
        return 0.0
    value = 1 / x
    return -sys.float_info.max if value == -math.inf else up(value)


OPERATIONS = {"+": add, "-": sub, "*": mul, "/": div}
