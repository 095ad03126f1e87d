"""Intervals: what every value means once its hedge is read (spec section 4)."""

from __future__ import annotations

import math
import sys
from dataclasses import dataclass

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

_Bound = tuple[float, bool]  # (value, open)


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
    return _make(a.lo + b.lo, a.hi + b.hi, a.lo_open or b.lo_open, a.hi_open or b.hi_open)


def sub(a: Interval, b: Interval) -> Interval:
    return _make(a.lo - b.hi, a.hi - b.lo, a.lo_open or b.hi_open, a.hi_open or b.lo_open)


def _times(x: float, y: float) -> float:
    if x == 0 or y == 0:
        return 0.0  # 0 × ∞ counts as 0: the bound is reached at the finite end
    return x * y


def _from_bounds(bounds: list[_Bound]) -> Interval:
    lo = min(bounds, key=lambda t: (t[0], not t[1]))
    hi = max(bounds, key=lambda t: (t[0], not t[1]))
    return _make(lo[0], hi[0], lo[1], hi[1])


def mul(a: Interval, b: Interval) -> Interval:
    bounds = [
        (_times(x, y), xo or yo)
        for x, xo in ((a.lo, a.lo_open), (a.hi, a.hi_open))
        for y, yo in ((b.lo, b.lo_open), (b.hi, b.hi_open))
    ]
    return _from_bounds(bounds)


def div(a: Interval, b: Interval) -> Interval:
    """a / b; when b holds zero the quotient is unbounded, so nothing is claimed."""
    if b.contains(0.0) or (b.lo == 0 and b.hi == 0):
        return Interval(-math.inf, math.inf)
    if b.lo == 0 or b.hi == 0:  # an open bound at zero: the quotient is unbounded on one side
        inverse = (
            Interval(1 / b.hi, math.inf, b.hi_open, True)
            if b.lo == 0
            else Interval(-math.inf, 1 / b.lo, True, b.lo_open)
        )
    else:
        inverse = _from_bounds(
            [
                (0.0 if math.isinf(x) else 1 / x, xo)
                for x, xo in ((b.lo, b.lo_open), (b.hi, b.hi_open))
            ]
        )
    return mul(a, inverse)


OPERATIONS = {"+": add, "-": sub, "*": mul, "/": div}
