"""Numbers, sums, intervals and periods in words a reader can check by hand, in
English, French and German."""

from __future__ import annotations

import math

import pytest

from factcheck.errors import UsageError
from factcheck.render.language import language
from factcheck.render.words import Words, plural
from factcheck.values.intervals import Interval, mul

EN, FR, DE = (Words(language(code)) for code in ("en", "fr", "de"))
NNBSP = "\u202f"  # French thousands: a narrow no-break space (CLDR)


def test_a_sum_names_its_scale_and_unit_once() -> None:
    terms = [("Q1", 15.4e6), ("Q2", 61.0e6), ("Q3", 31.9e6), ("Q4", 40.8e6)]
    assert (
        EN.sum_of(terms, 149.1e6, "dose")
        == "Q1 15.4 + Q2 61 + Q3 31.9 + Q4 40.8 = 149.1 million dose"
    )
    assert FR.sum_of(terms, 149.1e6, "USD") == (
        "Q1 15,4 + Q2 61 + Q3 31,9 + Q4 40,8 = 149,1 millions USD"
    )


def test_a_sum_of_mixed_scales_names_each() -> None:
    assert EN.sum_of([("a", 5e5), ("b", 2e6)], 2.5e6, "USD") == (
        "a 500,000 USD + b 2 million USD = 2.5 million USD"
    )


def test_an_interval_only_a_rounding_wide_reads_exactly() -> None:
    product = mul(Interval(10, 10), Interval(100, 100))  # rounded outward: two floats apart
    assert product.lo < 1000 < product.hi
    assert EN.interval(product, "USD") == "exactly 1,000 USD"
    assert EN.interval(Interval(999, 1001), "USD") == "999 to 1,001 USD"


def test_numbers_and_plurals() -> None:
    assert EN.number(4.2e9) == "4.2 billion" and EN.number(100_000) == "100,000"
    assert EN.number(math.inf) == "∞"
    assert (plural(1, "origin"), plural(2, "origin"), plural(0, "entity", "entities")) == (
        "1 origin", "2 origins", "0 entities",
    )  # fmt: skip


def test_french_numbers_use_the_decimal_comma_and_french_scale_words() -> None:
    # "milliard" is 10^9 in French: "billion" would be a thousand times too much
    assert FR.number(4.2e9) == "4,2 milliards"
    assert FR.number(1e9) == "1 milliard"
    assert FR.number(1.5e6) == "1,5 million"  # French singular below 2
    assert FR.number(2e6) == "2 millions"
    assert FR.number(3e12) == "3 billions"
    assert FR.number(100_000) == f"100{NNBSP}000"
    assert FR.number(0.35) == "0,35"


def test_german_numbers_use_german_marks_and_plurals() -> None:
    assert DE.number(4.2e9) == "4,2 Milliarden"
    assert DE.number(1e9) == "1 Milliarde"
    assert DE.number(1.5e6) == "1,5 Millionen"  # German plural for any fraction
    assert DE.number(1e6) == "1 Million"
    assert DE.number(100_000) == "100.000"


def test_ranges_share_the_scale_word_only_when_it_is_the_same_word() -> None:
    assert (
        FR.interval(Interval(3.8e9, 4.2e9), "USD") == "3,8 à 4,2 milliards USD"
    )  # as a French reader writes a range
    assert DE.interval(Interval(3.8e9, 4.2e9), "USD") == "3,8 bis 4,2 Milliarden USD"
    assert EN.interval(Interval(3.8e9, 4.2e9), "USD") == "3.8 to 4.2 billion USD"
    # 1 million, 2 millions: the words differ, each is written
    assert FR.interval(Interval(1e6, 2e6), "USD") == "1 million à 2 millions USD"
    assert EN.interval(Interval(8e8, 1.2e9), "USD") == "800 million to 1.2 billion USD"


def test_open_intervals_in_each_language() -> None:
    above = Interval(1e5, math.inf)
    assert EN.interval(above, "GPU") == "at least 100,000 GPU"
    assert FR.interval(above, "GPU") == f"au moins 100{NNBSP}000 GPU"
    assert DE.interval(above, "GPU") == "mindestens 100.000 GPU"
    strictly = Interval(1e9, math.inf, lo_open=True)
    assert FR.interval(strictly, "USD") == "plus de 1 milliard USD"
    assert DE.interval(strictly, "USD") == "mehr als 1 Milliarde USD"


def test_periods_read_as_a_reader_writes_them() -> None:
    assert [EN.period(p) for p in ("2022", "2022-H1", "2023-Q3", "2023-08", "2023-08-15")] == [
        "2022", "H1 2022", "Q3 2023", "August 2023", "August 15, 2023",
    ]  # fmt: skip
    assert [FR.period(p) for p in ("2022-H1", "2023-Q3", "2023-08", "2023-08-15")] == [
        "S1 2022", "T3 2023", "août 2023", "15 août 2023",
    ]  # fmt: skip
    assert [DE.period(p) for p in ("2022-H2", "2023-Q3", "2023-08", "2023-08-15")] == [
        "2. Halbjahr 2022", "Q3 2023", "August 2023", "15. August 2023",
    ]  # fmt: skip
    assert FR.period("2023-01/2023-08") == "de janvier 2023 à août 2023"
    assert FR.period("2022-09-01") == "1er septembre 2022"  # the first of the month, an ordinal
    assert FR.period("2022-09-11") == "11 septembre 2022"
    assert EN.period("not a period") == "not a period"  # as written when it cannot be read


def test_counts_follow_each_languages_plural_rule() -> None:
    assert EN.n_("{n} origin", "{n} origins", 1) == "1 origin"
    assert FR.n_("{n} conflict", "{n} conflicts", 0) == "0 conflit"  # French: 0 is singular
    assert FR.n_("{n} conflict", "{n} conflicts", 2) == "2 conflits"
    assert DE.n_("{n} conflict", "{n} conflicts", 0) == "0 Widersprüche"
    assert DE.n_("{n} claim", "{n} claims", 12_000) == "12.000 Angaben"


def test_a_language_without_a_catalog_is_refused_with_the_ones_there_are() -> None:
    with pytest.raises(UsageError, match=r"reports are not written in 'es'; .*en, fr, de"):
        language("es")
    with pytest.raises(UsageError, match="did you mean 'fr'"):
        language("frr")
