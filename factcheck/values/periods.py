"""Periods: the time a value covers, as a span of days that knows what it contains.

Written forms: ``2023``, ``2023-H1``, ``2023-Q3``, ``2023-08``, ``2023-08-09``,
and a span ``2023-01/2023-08`` (from the start of the first to the end of the
second). Letters may be lower case; the canonical text is upper case.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from ..errors import ValueSyntaxError

_FORM = re.compile(
    r"(?P<year>\d{4})(?:-(?:(?P<half>[Hh]\d+)|(?P<quarter>[Qq]\d+)"
    r"|(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?))?"
)


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """Days from ``start`` to ``end``, both included."""

    start: date
    end: date
    text: str
    kind: str  # year | half | quarter | month | day | span

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueSyntaxError(f"period '{self.text}' ends before it starts")

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def __str__(self) -> str:
        return self.text


@lru_cache(maxsize=8192)
def parse_period(text: str) -> Period:
    """Read a period; raise ``ValueSyntaxError`` saying what is wrong."""
    raw = text.strip()
    if "/" in raw:
        ends = raw.split("/")
        if len(ends) != 2:
            raise ValueSyntaxError(
                f"cannot read period '{raw}': a span has two ends, not {len(ends)}",
                "write a span as its first and last period: 2023-01/2023-08",
            )
        first, second = (end.strip() for end in ends)
        if not first or not second:
            raise ValueSyntaxError(
                f"cannot read period '{raw}': the span has no {'end' if first else 'start'}",
                "write a span as its first and last period: 2023-01/2023-08",
            )
        a, b = _single(first), _single(second)
        if b.end < a.start:
            raise ValueSyntaxError(
                f"period '{raw}' ends before it starts", f"did you mean '{second}/{first}'?"
            )
        return Period(a.start, b.end, f"{a.text}/{b.text}", "span")
    return _single(raw)


def _single(raw: str) -> Period:
    """A period that is not a span: a year, half, quarter, month or day."""
    match = _FORM.fullmatch(raw)
    if match is None:
        raise ValueSyntaxError(
            f"cannot read period '{raw}'",
            "write 2023, 2023-H1, 2023-Q3, 2023-08, 2023-08-09 or 2023-01/2023-08",
        )
    year = int(match["year"])
    if year < 1:
        raise ValueSyntaxError(f"year {year} does not exist")
    if match["half"]:
        half = int(match["half"][1:])
        if half not in (1, 2):
            raise ValueSyntaxError(f"'{raw}': a year has halves H1 and H2 only")
        first_month = 6 * half - 5
        return Period(
            date(year, first_month, 1), _month_end(year, first_month + 5), f"{year}-H{half}", "half"
        )
    if match["quarter"]:
        quarter = int(match["quarter"][1:])
        if quarter not in (1, 2, 3, 4):
            raise ValueSyntaxError(f"'{raw}': a year has quarters Q1 to Q4 only")
        first_month = 3 * quarter - 2
        return Period(
            date(year, first_month, 1),
            _month_end(year, first_month + 2),
            f"{year}-Q{quarter}",
            "quarter",
        )
    if match["month"]:
        month = int(match["month"])
        if not 1 <= month <= 12:
            raise ValueSyntaxError(
                f"'{raw}': there is no month {month}", "months run from 01 to 12 (YYYY-MM)"
            )
        if match["day"]:
            day = int(match["day"])
            last = calendar.monthrange(year, month)[1]
            if not 1 <= day <= last:
                raise ValueSyntaxError(
                    f"'{raw}': {calendar.month_name[month]} {year} has {last} days"
                )
            when = date(year, month, day)
            return Period(when, when, when.isoformat(), "day")
        return Period(date(year, month, 1), _month_end(year, month), f"{year}-{month:02d}", "month")
    return Period(date(year, 1, 1), date(year, 12, 31), f"{year}", "year")


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])
