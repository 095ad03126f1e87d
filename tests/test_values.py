from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.errors import ValueSyntaxError
from factcheck.values.amounts import (
    QUALIFIERS,
    SCALES,
    DateValue,
    read_amount,
    read_category,
    read_date,
    reading_from_mapping,
    to_amount,
)
from factcheck.values.intervals import Interval
from factcheck.values.units import UnitBook

BOOK = UnitBook()
BOOK.add("GPU", "count", ("GPUs", "accelerators"))


def interval(text: str, unit: str = "currency", signed: bool = False) -> Interval:
    return to_amount(
        read_amount(text),
        metric_unit=BOOK.parse(unit),
        book=BOOK,
        plain=0.05,
        approximate=0.20,
        signed=signed,
    ).interval


def close(a: Interval, b: Interval) -> bool:
    return (
        math.isclose(a.lo, b.lo, rel_tol=1e-9, abs_tol=1e-12)
        and math.isclose(a.hi, b.hi, rel_tol=1e-9)
        and (a.lo_open, a.hi_open) == (b.lo_open, b.hi_open)
    )


# every qualifier of spec section 3 and the interval of section 4
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("exactly 100 USD", Interval(100, 100)),
        ("= 100 USD", Interval(100, 100)),
        ("100 USD", Interval(95, 105)),
        ("~100 USD", Interval(80, 120)),
        ("about 100 USD", Interval(80, 120)),
        ("around 100 USD", Interval(80, 120)),
        ("approximately 100 USD", Interval(80, 120)),
        ("roughly 100 USD", Interval(80, 120)),
        ("some 100 USD", Interval(80, 120)),
        ("nearly 100 USD", Interval(80, 100)),
        ("almost 100 USD", Interval(80, 100)),
        ("close to 100 USD", Interval(80, 100)),
        ("at least 100 USD", Interval(100, math.inf)),
        (">= 100 USD", Interval(100, math.inf)),
        ("≥ 100 USD", Interval(100, math.inf)),
        ("no less than 100 USD", Interval(100, math.inf)),
        ("more than 100 USD", Interval(100, math.inf, lo_open=True)),
        ("over 100 USD", Interval(100, math.inf, lo_open=True)),
        ("> 100 USD", Interval(100, math.inf, lo_open=True)),
        ("at most 100 USD", Interval(0, 100)),
        ("<= 100 USD", Interval(0, 100)),
        ("≤ 100 USD", Interval(0, 100)),
        ("up to 100 USD", Interval(0, 100)),
        ("less than 100 USD", Interval(0, 100, hi_open=True)),
        ("under 100 USD", Interval(0, 100, hi_open=True)),
        ("< 100 USD", Interval(0, 100, hi_open=True)),
        ("80 .. 120 USD", Interval(80, 120)),
        ("100 USD ± 10", Interval(90, 110)),
        ("100 USD ± 10%", Interval(90, 110)),
    ],
)
def test_every_qualifier_gives_the_interval_of_the_spec(text: str, expected: Interval) -> None:
    assert close(interval(text), expected), interval(text)


def test_every_documented_qualifier_is_tested() -> None:
    spec_words = {
        "exactly", "=", "~", "about", "around", "approximately", "roughly", "some", "nearly",
        "almost", "close to", "at least", ">=", "≥", "no less than", "more than", "over", ">",
        "at most", "<=", "≤", "up to", "less than", "under", "<",
    }  # fmt: skip
    assert spec_words <= set(QUALIFIERS)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 thousand USD", 1e3), ("1k USD", 1e3), ("2 million USD", 2e6), ("2 mn USD", 2e6),
        ("2 Mn USD", 2e6), ("1.5 billion USD", 1.5e9), ("1.5 bn USD", 1.5e9),
        ("1.5 Billion USD", 1.5e9), ("4.4 trillion USD", 4.4e12), ("4.4 tn USD", 4.4e12),
        ("100,000 USD", 1e5), ("100_000 USD", 1e5), ("1e9 USD", 1e9), ("$1bn", 1e9),
        ("US$ 5 million", 5e6), ("€3bn", 3e9),
    ],
)  # fmt: skip
def test_numbers_scales_and_currency_signs(text: str, value: float) -> None:
    reading = read_amount(text)
    assert reading.low == pytest.approx(value)
    assert {scale for scale in SCALES} >= {"thousand", "k", "million", "mn", "billion", "bn"}


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("~1 billion USD", "currency", Interval(8e8, 1.2e9)),
        ("at least 100000 GPU", "GPU", Interval(1e5, math.inf)),
        ("less than 40 accelerators", "GPU", Interval(0, 40, hi_open=True)),
        ("10000 USD/GPU ± 10%", "currency/GPU", Interval(9000, 11000)),
        ("10000 ± 500 USD per GPU", "currency/GPU", Interval(9500, 10500)),
        ("exactly 500 MWh", "GWh", Interval(0.5, 0.5)),
        ("exactly 5", "GPU", Interval(5, 5)),
        ("exactly 12 %", "percent", Interval(12, 12)),
        ("exactly ¥ 7", "currency", Interval(7, 7)),
        ("1.2 .. 1.5 billion USD", "currency", Interval(1.2e9, 1.5e9)),
    ],
)
def test_units_convert_to_the_metric(text: str, unit: str, expected: Interval) -> None:
    assert close(interval(text, unit), expected)


def test_currency_metric_keeps_the_currency_used() -> None:
    amount = to_amount(
        read_amount("¥ 7 billion"), metric_unit=BOOK.parse("currency"), book=BOOK,
        plain=0.05, approximate=0.2,
    )  # fmt: skip
    assert amount.unit == "CNY" and amount.currency == "CNY"


@pytest.mark.parametrize(
    ("text", "unit", "message"),
    [
        ("about about 5 USD", "currency", "two hedges in 'about about 5 USD' ('about' and 'about')"),
        ("60 .. 40", "GPU", "'60 .. 40': the range starts above where it ends"),
        ("5 GWh", "currency", "'5 GWh' is in GWh, which does not fit a metric in currency"),
        ("5", "currency", "'5' has no currency"),
        ("5 widgetz", "GPU", "unknown unit 'widgetz'"),
        ("1,5 billion USD", "currency", "'1,5 billion USD': numbers in values use English notation"),
        ("100 000 GPU", "GPU", "'100 000 GPU': a number is written without spaces in a value"),
        ("-5 USD", "currency", "'-5 USD' is negative, but this metric cannot be"),
        ("about", "currency", "expected a number after 'about' in 'about', found nothing"),
        ("", "currency", "the value is empty"),
        ("1.5 billion .. 2 USD", "currency", "'1.5 billion .. 2 USD': the scale word is on the first number only"),
        ("about 5 .. 6 USD", "currency", "'about 5 .. 6 USD': a range takes no hedge"),
        ("less than 0 USD", "currency", "'less than 0 USD' leaves no possible value"),
    ],
)  # fmt: skip
def test_malformed_values_say_what_is_wrong(text: str, unit: str, message: str) -> None:
    with pytest.raises(ValueSyntaxError) as info:
        interval(text, unit)
    assert info.value.message == message


def test_hints_name_the_fix() -> None:
    with pytest.raises(ValueSyntaxError) as info:
        interval("60 .. 40 USD")
    assert info.value.hint == "write the smaller number first ('40 .. 60 USD')"
    with pytest.raises(ValueSyntaxError) as info:
        interval("5 m USD")
    assert "'million' or 'mn'" in info.value.hint
    with pytest.raises(ValueSyntaxError) as info:
        interval("5 GPUz", "GPU")
    assert info.value.hint.startswith("did you mean 'GPU")


def test_signed_metric_takes_negative_values() -> None:
    assert close(interval("exactly -5 USD", signed=True), Interval(-5, -5))
    assert close(interval("at most -5 USD", signed=True), Interval(-math.inf, -5))


def test_structured_values() -> None:
    about = reading_from_mapping({"amount": "1e9", "unit": "USD", "qualifier": "about"}, "{...}")
    assert (about.qualifier, about.low, about.unit) == ("approximate", 1e9, "USD")
    span = reading_from_mapping({"min": "1e9", "max": "1.5e9", "unit": "USD"}, "{...}")
    assert (span.qualifier, span.low, span.high) == ("range", 1e9, 1.5e9)
    floor = reading_from_mapping({"min": "7", "unit": "GPU"}, "{...}")
    assert floor.qualifier == "at-least"
    with pytest.raises(ValueSyntaxError):
        reading_from_mapping({"unit": "USD"}, "{...}")


def test_dates_as_values() -> None:
    day = read_date("2023-03").interval
    assert DateValue.day(day.lo) == "2023-03-01"
    assert DateValue.day(day.hi) == "2023-03-31"
    before = read_date("before 2022-09").interval
    assert before.hi_open and DateValue.day(before.hi) == "2022-09-01"
    after = read_date("after 2023-03-01").interval
    assert after.lo_open and DateValue.day(after.lo) == "2023-03-01"
    assert not read_date("before 2022-09").interval.intersects(read_date("2022-09").interval)
    assert read_date("2022").interval.intersects(read_date("2022-09").interval)


def test_categories() -> None:
    assert read_category("Restricted", ("restricted", "unrestricted")).word == "restricted"
    with pytest.raises(ValueSyntaxError) as info:
        read_category("restricetd", ("restricted", "unrestricted"))
    assert info.value.hint == "did you mean 'restricted'?"


@given(st.text(max_size=40))
def test_no_string_crashes_the_value_grammar(text: str) -> None:
    try:
        reading = read_amount(text)
    except ValueSyntaxError:
        return
    assert reading.low <= reading.high


_pieces = st.sampled_from(
    ["about", "at least", "~", ">", "<", "1", "1.5", "100,000", "1e9", "billion", "bn", "k",
     "USD", "$", "€", "GPU", "/", "per", "..", "±", "%", " ", "-", "m", "GWh", "1,5", "=", "¥"]
)  # fmt: skip


@given(st.lists(_pieces, max_size=8).map(" ".join))
def test_no_value_made_of_grammar_words_crashes_interpretation(text: str) -> None:
    """Near-miss expressions either mean an interval or raise our own error."""
    try:
        result = interval(text, "currency")
    except ValueSyntaxError:
        return
    assert result.lo <= result.hi


@given(
    st.floats(min_value=1e-3, max_value=1e15, allow_nan=False),
    st.sampled_from(["", "about ", "at least ", "nearly ", "exactly "]),
)
def test_stated_number_lies_in_its_interval(number: float, hedge: str) -> None:
    text = f"{hedge}{number!r} USD"
    result = interval(text)
    assert result.contains(number) or (hedge == "" and result.lo <= number <= result.hi)
