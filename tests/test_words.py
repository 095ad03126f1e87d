"""Numbers, sums and intervals in words a reader can check by hand."""

from __future__ import annotations

import math

from factcheck.render.words import interval, number, plural, sum_of
from factcheck.values.intervals import Interval, mul


def test_a_sum_names_its_scale_and_unit_once() -> None:
    terms = [("Q1", 15.4e6), ("Q2", 61.0e6), ("Q3", 31.9e6), ("Q4", 40.8e6)]
    assert (
        sum_of(terms, 149.1e6, "dose") == "Q1 15.4 + Q2 61 + Q3 31.9 + Q4 40.8 = 149.1 million dose"
    )


def test_a_sum_of_mixed_scales_names_each() -> None:
    assert sum_of([("a", 5e5), ("b", 2e6)], 2.5e6, "USD") == (
        "a 500,000 USD + b 2 million USD = 2.5 million USD"
    )


def test_an_interval_only_a_rounding_wide_reads_exactly() -> None:
    product = mul(Interval(10, 10), Interval(100, 100))  # rounded outward: two floats apart
    assert product.lo < 1000 < product.hi
    assert interval(product, "USD") == "exactly 1,000 USD"
    assert interval(Interval(999, 1001), "USD") == "999 to 1,001 USD"


def test_numbers_and_plurals() -> None:
    assert number(4.2e9) == "4.2 billion" and number(100_000) == "100,000"
    assert number(math.inf) == "∞"
    assert (plural(1, "origin"), plural(2, "origin"), plural(0, "entity", "entities")) == (
        "1 origin", "2 origins", "0 entities",
    )  # fmt: skip
