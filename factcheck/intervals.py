"""Intervals: what every value means once its hedge is read (spec section 4)."""

from __future__ import annotations

import math
from dataclasses import dataclass

from .errors import FactcheckError


@dataclass(frozen=True)
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

    @classmethod
    def point(cls, x: float) -> Interval:
        return cls(x, x)

    def scaled(self, k: float) -> Interval:
        """The interval multiplied by a positive factor (a unit conversion)."""
        if k <= 0:
            raise FactcheckError("an interval is scaled by a positive factor only")
        return Interval(self.lo * k, self.hi * k, self.lo_open, self.hi_open)

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
