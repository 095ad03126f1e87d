"""The Flight benchmark's hand-written conversions: every time format the three
shared days hold (one example of each of its 125 shapes, read by hand), and the
gates' spellings."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest


def _flight() -> ModuleType:
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "flight.py"
    spec = importlib.util.spec_from_file_location("flight_benchmark", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


FLIGHT = _flight()

#: (as a site printed it, HH:MM as read; None: no time stated)
TIMES = [
    ("12/01/2011 01:55 PM", "13:55"),
    ("12/1/2011 2:07PM EST", "14:07"),
    ("12/1/11 2:06 PM (-05:00)", "14:06"),
    ("2011-12-01 02:07 PM", "14:07"),
    ("2:07 PMDec 01", "14:07"),
    ("Dec 01 - 1:55pm", "13:55"),
    ("1:55pDec 1", "13:55"),
    ("3:00P 12-01-11", "15:00"),
    ("2011-12-01  2:57P", "14:57"),
    ("12/1/2011 12:18PM CST", "12:18"),
    ("12/1/11 12:18 PM (-06:00)", "12:18"),
    ("2011-12-01 12:10PM CST", "12:10"),
    ("2011-12-01 02:46PM EST", "14:46"),
    ("12:10 PM  Thu 01-Dec-2011", "12:10"),
    ("2011-12-01 3:10 PM", "15:10"),
    ("12:10 PM, Dec 01", "12:10"),
    ("3:10 PM, Dec 01", "15:10"),
    ("Dec 01 - 12:10pm", "12:10"),
    ("12:10pDec 1", "12:10"),
    ("2011-12-01 12:10 pm", "12:10"),
    ("Thu, Dec 1 6:20 PM", "18:20"),
    ("2011-12-01 6:20 PM (Estimated)", "18:20"),
    ("Not Available", None),
    ("Dec 01 - Contact Airline", None),
    ("Thu, Dec 1 6:00 AM", "06:00"),
    ("Thu, Dec 1 12:18 PM", "12:18"),
    ("12/1/2011 6:24AM PST", "06:24"),
    ("12/1/11 6:25 AM (-08:00)", "06:25"),
    ("2011-12-01 06:04 AM", "06:04"),
    ("12:09 PMDec 01", "12:09"),
    ("Dec 01 - 6:25am", "06:25"),
    ("2011-12-01 6:00 AM", "06:00"),
    ("Thu., Dec.01, 2011 1:55 p.m.", "13:55"),
    ("12/1/2011 9:26AM MST", "09:26"),
    ("2011-12-01 08:36AM MST", "08:36"),
    ("08:36 AM  Thu 01-Dec-2011", "08:36"),
    ("8:36 AM, Dec 01", "08:36"),
    ("2011-12-01 13:52 ", "13:52"),
    ("Thu, Dec 1 2:37 PM            On Time", "14:37"),
    ("12/1/2011 7:49PM CST", "19:49"),
    ("12/02/2011 12:23 AM", "00:23"),
    ("11/30/2011 9:32PM EST", "21:32"),
    ("12/1/2011 12:08AM PST", "00:08"),
    ("2011-12-01 11:31PM PST", "23:31"),
    ("2011-12-01 9:04 PM (Estimated runway)", "21:04"),
    ("2011-12-01 11:35 PM (Estimated runway)", "23:35"),
    ("12:23 AM, Dec 02", "00:23"),
    ("Dec 02 - 12:23am", "00:23"),
    ("12/1/2011 9:01AM EST", "09:01"),
    ("2011-12-01 08:41AM EST", "08:41"),
    ("Thu, Dec 1 11:45 AM", "11:45"),
    ("12/1/11 11:45 AM (-05:00)", "11:45"),
    ("12/1/2011 7:07AM CST", "07:07"),
    ("2011-12-01 06:55AM CST", "06:55"),
    ("12/1/2011 2:27PM PST", "14:27"),
    ("Thu, Dec 1 1:25 PM            Delayed", "13:25"),
    ("7:03 PM, Dec 01&nbsp(Estimated)", "19:03"),
    ("Dec 01 - 7:10pm*", "19:10"),
    ("12/1/2011 10:15PM PST", "22:15"),
    ("2011-12-01 10:25 PM (Estimated)", "22:25"),
    ("Thu., Dec.01, 2011 9:30 a.m.", "09:30"),
    ("Thu., Dec.01, 2011 11:16 a.m.", "11:16"),
    ("2011-12-01 10:57AM PST", "10:57"),
    ("Thu, Dec 1 11:59 PM            On Time", "23:59"),
    ("12/1/2011 7:48PM MST", "19:48"),
    ("12/1/2011 11:53PM EST", "23:53"),
    ("2011-12-01 07:20PM MST", "19:20"),
    ("11:53 PM, Dec 01&nbsp(Estimated)", "23:53"),
    ("12/1/11 4:55 PM (+08:00)", "16:55"),
    ("2011-12-01 Thu  16:17", "16:17"),
    ("12/2/11 9:49 AM (+01:00)", "09:49"),
    ("Thu., Dec.01, 2011 12:19 p.m.", "12:19"),
    ("Dec 01 - 12:00noon", "12:00"),
    ("Thu, Dec 1 8:55 AM            On Time", "08:55"),
    ("2011-12-01 11/30 5:20 PM", "17:20"),
    ("12/2/2011 12:32AM EST", "00:32"),
    ("12:26 AM  Fri 02-Dec-2011 (Runway)", "00:26"),
    ("2011-12-01 12:26 AM (runway)", "00:26"),
    ("Dec 01 - 12:38am*", "00:38"),
    ("2011-12-01 8:40 pm", "20:40"),
    ("2011-12-01 Cancelled", None),
    ("Dec 01 - Canceled", None),
    ("12/1/2011 12:54PM MST", "12:54"),
    ("2011-12-01  12:58P", "12:58"),
    ("Thu, Dec 1 12:35 PM            Delayed", "12:35"),
    ("12/1/2011 12:05AM MST", "00:05"),
    ("2011-12-01 5:31 AM (Estimated)", "05:31"),
    ("2011-12-01 5:43 AM (Estimated runway)", "05:43"),
    ("Thu, Dec 1 11:50 AM            Delayed", "11:50"),
    ("12/1/2011 11:41AM CST", "11:41"),
    ("11/30/2011 10:35PM PST", "22:35"),
    ("11:30A 12-01-11", "11:30"),
    ("2011-12-01  11:14A", "11:14"),
    ("Thu, Dec 1 9:16 AM            Delayed", "09:16"),
    ("2011-12-01 10:35 am", "10:35"),
    ("Thu, Dec 1 11:26 AM            On Time", "11:26"),
    ("2011-12-01 11/30 11:25 AM", "11:25"),
    ("1:17 AM, Dec 02&nbsp(Estimated)", "01:17"),
    ("Dec 01 - 1:24am*", "01:24"),
    ("2011-12-01 11/30 10:30 PM", "22:30"),
    ("11/30/2011 5:18PM PST", "17:18"),
    ("03:20 PM  Thu 01-Dec-2011 (Runway)", "15:20"),
    ("11:00 AM, Dec 01&nbsp(Estimated)", "11:00"),
    ("9:20A 12-01-11", "09:20"),
    ("2011-12-01  9:04A", "09:04"),
    ("11/30/2011 9:31PM HST", "21:31"),
    ("12/1/2011 9:31PM HST", "21:31"),
    ("Dec 02 - 11:52pm*", "23:52"),
    ("2011-12-01 12:00 AM (Estimated runway)", "00:00"),
    ("11:20P 11-30-11", "23:20"),
    ("11/30/2011 11:02PM CST", "23:02"),
    ("12/1/2011 10:45PM HST", "22:45"),
    ("11/30/2011 8:50PM CST", "20:50"),
    ("12/2/11 11:45 AM (+01:00)", "11:45"),
    ("11/30/2011 10:01PM EST", "22:01"),
    ("12/1/11 11:20 PM (+02:00)", "23:20"),
    ("Thu, Dec 1 Cancelled", None),
    ("11:20pNov 30", "23:20"),
    ("12/1/2011 11:15AM AST", "11:15"),
    ("2011-12-01 12/2 1:15 AM", "01:15"),
    ("11/30/11 5:11 PM (-08:00)", "17:11"),
    ("2011-12-02 12/1 12:18 PM", "12:18"),
    ("12/3/2011 1:09AM AST", "01:09"),
    ("2011-12-02 12/1 3:25 PM", "15:25"),
    ("2011-12-02 12/1 11:35 AM", "11:35"),
]


@pytest.mark.parametrize(("raw", "expected"), TIMES)
def test_every_time_format_of_the_three_days(raw: str, expected: str | None) -> None:
    assert FLIGHT.clock(raw) == expected


def test_an_offset_is_never_read_as_the_time() -> None:
    assert FLIGHT.clock("(-05:00)") is None
    assert FLIGHT.clock("12/1/11 2:06 PM (-05:00)") == "14:06"


def test_hours_that_cannot_be_are_no_time() -> None:
    assert FLIGHT.clock("13:10 PM") is None and FLIGHT.clock("25:10") is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("F78", "F78"), (" C35 ", "C35"), (" F78", "F78"), ("4", "4"), ("27A", "27A"),
        ("Term B - B69", "B69"), ("Terminal D - D60", "D60"), ("Terminal 3 - 69", "69"),
        ("Terminal T4 - 48A", "48A"), ("Main Term - A3", "A3"), ("Term 2 - D6", "D6"),
        ("Terminal Conc B - B20", "B20"), ("C35/C", "C35"), ("47B/T4", "47B"), ("H8/T3", "H8"),
        ("46/8", "46"), ("C-41", "C41"), (" C-43", "C43"), ("39?", "39"),
        (" -", None), ("--", None), ("Not provided by airline", None), ("Terminal 8", None),
        ("Terminal B", None), ("CHK", None), ("HOLD", None), ("", None),
    ],
)  # fmt: skip
def test_gates_are_one_token(raw: str, expected: str | None) -> None:
    assert FLIGHT.gate(raw) == expected


def test_scoring_counts_exact_and_within_ten_minutes() -> None:
    gold = {
        ("d/f", "actual_departure"): "14:07",
        ("d/f", "departure_gate"): "F78",
        ("d/g", "actual_departure"): "23:58",
    }
    best = {
        ("d/f", "actual_departure"): "14:12",
        ("d/f", "departure_gate"): "F78",
        ("d/g", "actual_departure"): "00:03",
    }  # five minutes later, past midnight
    result = FLIGHT.score(best, gold)
    assert result["items"] == 3 and result["exact"] == pytest.approx(1 / 3)
    assert result["within10"] == 1.0
    wrong_gate = {**best, ("d/f", "departure_gate"): "F79"}
    assert FLIGHT.score(wrong_gate, gold)["within10"] == pytest.approx(2 / 3)  # gates: exact only
