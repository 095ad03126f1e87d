from __future__ import annotations

import math
import sys
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from factcheck.errors import FactcheckError
from factcheck.values.intervals import OPERATIONS, Interval, add, div, intersection, mul, sub

INF = math.inf


def test_open_and_closed_bounds_decide_contact() -> None:
    assert Interval(1, 5).intersects(Interval(5, 7))
    assert not Interval(1, 5, hi_open=True).intersects(Interval(5, 7))
    assert not Interval(1, 5).intersects(Interval(5, 7, lo_open=True))
    assert Interval(0, INF).hi_open  # infinite bounds are always open


def test_an_empty_interval_is_refused() -> None:
    with pytest.raises(FactcheckError):
        Interval(2, 1)
    with pytest.raises(FactcheckError):
        Interval(1, 1, lo_open=True)


def test_intersection_keeps_the_tighter_bound() -> None:
    assert intersection(Interval(1, 5), Interval(3, INF, lo_open=True)) == Interval(
        3, 5, True, False
    )
    assert intersection(Interval(1, 5, hi_open=True), Interval(5, 7)) is None


def below(x: float) -> float:
    return math.nextafter(x, -INF)


def above(x: float) -> float:
    return math.nextafter(x, INF)


def test_arithmetic_rounds_outward() -> None:
    """Each computed bound is one float wider: the exact result is always inside."""
    assert add(Interval(1, 2), Interval(3, 4, lo_open=True)) == Interval(
        below(4), above(6), True, False
    )
    assert sub(Interval(10, 20), Interval(1, 2)) == Interval(below(8), above(19))
    assert mul(Interval(1e5, INF), Interval(8000, 12000)) == Interval(below(8e8), INF)
    assert mul(Interval(0, 2), Interval(0, 3)).lo == 0  # an exact zero stays exact
    assert div(Interval(8e8, 1.2e9), Interval(8e4, 1.2e5)).lo == pytest.approx(6666.666, rel=1e-6)
    more = div(Interval(1e9, INF, lo_open=True), Interval(1e5, INF))
    assert (more.lo, more.lo_open, more.hi) == (0, True, INF)


def test_dividing_by_zero_or_across_zero_claims_nothing() -> None:
    assert div(Interval(1, 2), Interval(0, 0)) == Interval(-INF, INF)
    assert div(Interval(1, 2), Interval(-1, 3)) == Interval(-INF, INF)


def test_zero_at_one_end_of_a_divisor_is_left_out() -> None:
    # 1 to 2 divided by 0 to 3 (the divisor is not zero): at least 1/3
    quotient = div(Interval(1, 2), Interval(0, 3))
    assert quotient.lo == pytest.approx(1 / 3) and quotient.lo <= 1 / 3
    assert quotient.hi == INF


finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False)


@given(finite, finite, finite, finite, st.floats(0, 1), st.floats(0, 1), st.sampled_from("+-*/"))
def test_every_result_of_two_members_lies_in_the_result_interval(
    a: float, b: float, c: float, d: float, s: float, t: float, op: str
) -> None:
    """Interval arithmetic is sound, exactly: the exact result of any two members
    (computed with fractions, no float rounding) lies in the result interval."""
    x_int, y_int = Interval(min(a, b), max(a, b)), Interval(min(c, d), max(c, d))
    x = min(max(x_int.lo + s * (x_int.hi - x_int.lo), x_int.lo), x_int.hi)
    y = min(max(y_int.lo + t * (y_int.hi - y_int.lo), y_int.lo), y_int.hi)
    assume(op != "/" or y != 0)
    fx, fy = Fraction(x), Fraction(y)
    value = {"+": fx + fy, "-": fx - fy, "*": fx * fy, "/": fx / fy if fy else fx}[op]
    result = OPERATIONS[op](x_int, y_int)
    assert math.isinf(result.lo) or Fraction(result.lo) <= value
    assert math.isinf(result.hi) or value <= Fraction(result.hi)


def test_a_divisor_so_small_that_its_reciprocal_overflows_still_gives_a_sound_quotient() -> None:
    """1 / 2.2e-311 is beyond the largest float: the bound becomes that float (looser,
    still sound), never an empty interval (the property test above found it)."""
    tiny = 2.225073858507e-311
    assert div(Interval(0.0, 0.0), Interval(-tiny, 0.0)) == Interval(0.0, 0.0)
    positive = div(Interval(1.0, 2.0), Interval(tiny / 2, tiny))
    below_max = math.nextafter(sys.float_info.max, 0)  # max × 1, rounded down
    assert below_max <= positive.lo <= sys.float_info.max and positive.hi == math.inf
    negative = div(Interval(1.0, 2.0), Interval(-tiny, -tiny / 2))
    assert negative.lo == -math.inf and -sys.float_info.max <= negative.hi <= -below_max
