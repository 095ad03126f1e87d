"""Times of day and datetimes as desk values: read to the minute, checked, shown."""

from __future__ import annotations

import json
import math

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from factcheck import load, reconcile, render
from factcheck.cli import main
from factcheck.errors import ValueSyntaxError
from factcheck.values.amounts import ABOUT_MINUTES, read_time

from .conftest import MakeDesk


@pytest.mark.parametrize(
    ("text", "lo", "hi", "lo_open", "hi_open"),
    [
        ("13:55", 835, 835, False, False),
        ("1:55 PM", 835, 835, False, False),
        ("1:55pm", 835, 835, False, False),
        ("1:55 p.m.", 835, 835, False, False),
        ("9 a.m.", 540, 540, False, False),
        ("12:10 AM", 10, 10, False, False),  # ten past midnight
        ("12:10 PM", 730, 730, False, False),  # ten past noon
        ("noon", 720, 720, False, False),
        ("midnight", 0, 0, False, False),
        ("at 13:55", 835, 835, False, False),
        ("about 14:00", 840 - ABOUT_MINUTES, 840 + ABOUT_MINUTES, False, False),
        ("~14:00", 835, 845, False, False),
        ("before 14:00", -math.inf, 840, True, True),
        ("by 14:00", -math.inf, 840, True, False),  # an unbounded side is open
        ("after 13:30", 810, math.inf, True, True),
        ("since 13:30", 810, math.inf, False, True),
        ("13:50 to 14:10", 830, 850, False, False),
        ("from 1:50 PM to 2:10 PM", 830, 850, False, False),
        ("between 13:50 and 14:10", 830, 850, False, False),
    ],
)  # fmt: skip
def test_times_of_day(text: str, lo: float, hi: float, lo_open: bool, hi_open: bool) -> None:
    value = read_time(text)
    interval = value.interval
    assert (interval.lo, interval.hi, interval.lo_open, interval.hi_open) == (
        lo, hi, lo_open, hi_open,
    )  # fmt: skip


def test_datetimes_count_minutes_from_the_calendar() -> None:
    value = read_time("2011-12-01 13:55", "datetime")
    assert value.minute(value.interval.lo) == "2011-12-01T13:55"
    late = read_time("2011-12-02T00:05", "datetime")
    assert late.interval.lo - value.interval.lo == 10 * 60 + 10  # across midnight


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("25:00", "is not a time of day"), ("13:61", "is not a time of day"),
        ("13", "write the minutes too"), ("0:30 PM", "a 12-hour clock has no hour 0"),
        ("13:00 to 12:00", "ends before it starts"), ("", "the value is empty"),
        ("lunchtime", "cannot read the time"),
    ],
)  # fmt: skip
def test_what_is_not_a_time_is_refused_with_why(text: str, said: str) -> None:
    with pytest.raises(ValueSyntaxError) as caught:
        read_time(text)
    assert said in str(caught.value.message) + " " + str(caught.value.hint)


@given(st.text(max_size=30))
def test_any_text_is_a_time_or_a_clear_error(text: str) -> None:
    try:
        value = read_time(text)
    except ValueSyntaxError:
        return
    assert value.interval.lo <= value.interval.hi


@given(st.integers(0, 23), st.integers(0, 59))
def test_every_minute_reads_back(hour: int, minute: int) -> None:
    value = read_time(f"{hour}:{minute:02d}")
    assert value.minute(value.interval.lo) == f"{hour:02d}:{minute:02d}"
    twelve = f"{(hour % 12) or 12}:{minute:02d} {'PM' if hour >= 12 else 'AM'}"
    assert read_time(twelve).interval == value.interval


WORLD = """
metrics:
  departure: {name: Actual departure, type: time}
  landed: {name: Landing, type: datetime}
entities:
  flight: {name: AA 1007}
"""
SOURCES = """
sources:
  wire: {name: The Wire, kind: agency}
  daily: {name: The Daily, kind: newspaper}
"""


def _desk(make_desk: MakeDesk, daily: str, wire: str) -> object:
    claims = f"""
article:
  outlet: daily
  language: en
claims:
  - id: daily-dep
    subject: flight
    metric: departure
    period: 2011-12-01
    value: {daily}
    quote: "It left at {daily}"
  - id: wire-dep
    source: wire
    subject: flight
    metric: departure
    period: 2011-12-01
    value: {wire}
    quote: "It left at {wire}"
  - id: daily-landed
    subject: flight
    metric: landed
    value: 2011-12-01 14:57
    quote: "It landed at 14:57 on December 1"
"""
    return make_desk({"world.yaml": WORLD, "sources/sources.yaml": SOURCES, "a.yaml": claims})


def test_two_times_that_cannot_both_hold_conflict(make_desk: MakeDesk) -> None:
    report = reconcile(load(_desk(make_desk, "2:07 PM", "before 13:30")))
    (conflict,) = report.conflicts
    assert set(conflict.claims) == {"daily-dep", "wire-dep"}
    text = " ".join(render(report, "text").split())
    assert "→ 14:07" in text and "→ before 13:30" in text
    french = " ".join(render(report, "text", lang="fr").split())
    assert "→ avant 13:30" in french and "1er décembre 2011" in french


def test_times_within_a_hedge_agree(make_desk: MakeDesk) -> None:
    report = reconcile(load(_desk(make_desk, "14:03", "about 14:00")))
    assert not report.conflicts  # 14:03 is within five minutes of 14:00


def test_times_in_the_json_report_and_the_tables(make_desk: MakeDesk, tmp_path: object) -> None:
    report = reconcile(load(_desk(make_desk, "2:07 PM", "about 14:00")))
    claims = {c["id"]: c for c in json.loads(render(report, "json"))["claims"]}
    assert claims["daily-dep"]["interval"]["lo"] == "14:07" and claims["daily-dep"]["unit"] is None
    assert claims["wire-dep"]["interval"]["text"] == "13:55 to 14:05"
    assert claims["daily-landed"]["interval"]["hi"] == "2011-12-01T14:57"
    frames = report.to_frames()
    assert frames.claims.loc["wire-dep", "lo_time"] == "13:55"
    assert frames.claims["lo"].isna().loc["wire-dep"]  # no number in a number's column


def test_a_bad_time_in_a_desk_is_located(make_desk: MakeDesk) -> None:
    desk = _desk(make_desk, "25:07", "about 14:00")
    result = CliRunner().invoke(main, ["validate", str(desk)])
    assert result.exit_code == 2
    assert "a.yaml:10:12: claim 'daily-dep': '25:07' is not a time of day" in result.output
