from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck.errors import ValueSyntaxError
from factcheck.values.periods import parse_period


@pytest.mark.parametrize(
    ("text", "start", "end", "kind"),
    [
        ("2023", date(2023, 1, 1), date(2023, 12, 31), "year"),
        ("2023-H1", date(2023, 1, 1), date(2023, 6, 30), "half"),
        ("2023-h2", date(2023, 7, 1), date(2023, 12, 31), "half"),
        ("2023-Q3", date(2023, 7, 1), date(2023, 9, 30), "quarter"),
        ("2023-08", date(2023, 8, 1), date(2023, 8, 31), "month"),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month"),
        ("2023-08-09", date(2023, 8, 9), date(2023, 8, 9), "day"),
        ("2023-01/2023-08", date(2023, 1, 1), date(2023, 8, 31), "span"),
    ],
)
def test_period_forms(text: str, start: date, end: date, kind: str) -> None:
    period = parse_period(text)
    assert (period.start, period.end, period.kind) == (start, end, kind)


def test_containment_follows_the_calendar() -> None:
    year, h1, q3, aug, day = map(
        parse_period, ["2023", "2023-H1", "2023-Q3", "2023-08", "2023-08-09"]
    )
    assert year.contains(h1) and year.contains(q3) and q3.contains(aug) and aug.contains(day)
    assert not h1.contains(aug)
    assert not h1.overlaps(q3)
    assert parse_period("2023-01/2023-08").contains(parse_period("2023-H1"))
    assert not parse_period("2023-01/2023-08").contains(parse_period("2023-Q3"))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2023-13", "'2023-13': there is no month 13"),
        ("2023-H3", "'2023-H3': a year has halves H1 and H2 only"),
        ("2023-Q5", "'2023-Q5': a year has quarters Q1 to Q4 only"),
        ("2023-02-30", "'2023-02-30': February 2023 has 28 days"),
        ("2023-08/2023-01", "period '2023-08/2023-01' ends before it starts"),
        ("last year", "cannot read period 'last year'"),
        # one grammar: a span is two single periods, nothing else
        ("2021/2022/2023", "cannot read period '2021/2022/2023': a span has two ends, not 3"),
        ("2021//2022", "cannot read period '2021//2022': a span has two ends, not 3"),
        ("2021/", "cannot read period '2021/': the span has no end"),
        ("/2021", "cannot read period '/2021': the span has no start"),
        ("21", "cannot read period '21'"),
        ("0000", "year 0 does not exist"),
        ("2023-W05", "cannot read period '2023-W05'"),
        ("FY2023", "cannot read period 'FY2023'"),
        ("2021–2022", "cannot read period '2021–2022'"),
        ("2021..2022", "cannot read period '2021..2022'"),
        ("2023-H1-01", "cannot read period '2023-H1-01'"),
        ("2023-001", "cannot read period '2023-001'"),
        ("", "cannot read period ''"),
    ],
)
def test_impossible_periods_say_why(text: str, message: str) -> None:
    with pytest.raises(ValueSyntaxError) as info:
        parse_period(text)
    assert info.value.message == message


@given(st.text(max_size=30))
def test_any_text_is_a_period_or_our_error(text: str) -> None:
    try:
        period = parse_period(text)
    except ValueSyntaxError:
        return
    assert period.start <= period.end


@given(st.integers(1900, 2100), st.integers(1, 12))
def test_a_month_lies_in_its_quarter_and_half(year: int, month: int) -> None:
    m = parse_period(f"{year}-{month:02d}")
    assert parse_period(f"{year}-Q{(month - 1) // 3 + 1}").contains(m)
    assert parse_period(f"{year}-H{(month - 1) // 6 + 1}").contains(m)
    assert not parse_period(f"{year}-H{2 - (month - 1) // 6}").overlaps(m)
