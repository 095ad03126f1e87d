"""Value expressions (spec section 3) and the intervals they mean (section 4).

Reading happens in two steps:

1. ``read_amount(text)`` is the grammar alone: qualifier, numbers with their
   scale words, the unit as written, a range or a ``±`` spread. It needs no
   desk, so it is what the property-based tests hammer.
2. ``to_amount(reading, ...)`` resolves the unit in the desk's unit book,
   checks it fits the metric, converts to the metric's unit and applies the
   hedge's tolerance, giving an ``Amount`` that holds an ``Interval``.

Dates (``before 2022-09``) and categories (``cloud``) are values too.
Numbers are in English notation here; the languages of quotes are read
elsewhere.
"""

from __future__ import annotations

import math
import re
import sys
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal

from ..errors import ValueSyntaxError
from ..suggest import did_you_mean
from .intervals import Interval, at_least, at_most, decimal, outward
from .periods import parse_period
from .units import CURRENCY_SIGNS, Unit, UnitBook, concrete, currency_hint, fit

#: Written hedge -> qualifier. Longest phrases are tried first.
QUALIFIERS: dict[str, str] = {
    "exactly": "exact", "=": "exact",
    "~": "approximate", "≈": "approximate", "about": "approximate", "around": "approximate",
    "approximately": "approximate", "roughly": "approximate", "some": "approximate",
    "circa": "approximate", "ca.": "approximate",
    "nearly": "nearly", "almost": "nearly", "close to": "nearly",
    "at least": "at-least", ">=": "at-least", "≥": "at-least", "no less than": "at-least",
    "not less than": "at-least", "no fewer than": "at-least",
    "more than": "more-than", "over": "more-than", ">": "more-than", "above": "more-than",
    "at most": "at-most", "<=": "at-most", "≤": "at-most", "up to": "at-most",
    "no more than": "at-most", "not more than": "at-most",
    "less than": "less-than", "under": "less-than", "<": "less-than", "below": "less-than",
    "fewer than": "less-than",
}  # fmt: skip

SCALES: dict[str, float] = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "Mn": 1e6,
    "billion": 1e9, "bn": 1e9, "Bn": 1e9, "trillion": 1e12, "tn": 1e12, "Tn": 1e12,
}  # fmt: skip

_WORD_SCALES = ("thousand", "million", "billion", "trillion")
_QUALIFIER = re.compile(
    r"\s*("
    + "|".join(
        re.escape(q) + (r"(?![\w.])" if q[-1].isalpha() else "")
        for q in sorted(QUALIFIERS, key=len, reverse=True)
    )
    + r")\s*",
    re.IGNORECASE,
)
_PREFIX = re.compile(
    r"\s*(US\$|CN¥|JP¥|HK\$|CA\$|AU\$|NZ\$|NT\$|R\$|C\$|A\$|S\$|\$|€|¥|£|₩|₹|₽)\s*"
)
_NUMBER = re.compile(
    r"[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+(?:_\d+)*|(?=\.\d))(?:\.\d+(?:_\d+)*)?(?:[eE][-+]?\d+)?"
)
_SCALE = re.compile(
    r"\s*(" + "|".join(_WORD_SCALES) + r"|k|mn|Mn|bn|Bn|tn|Tn)(?![\w])",
    re.IGNORECASE,
)
_RANGE = re.compile(r"\s*(?:\.\.|…)\s*")
_SPREAD = re.compile(r"\s*(?:±|\+/-|\+-)\s*")
_STOP = re.compile(r"\s*(?:\.\.|…|±|\+/-|\+-|$)")


@dataclass(frozen=True, slots=True)
class Reading:
    """A value expression as written, before any unit or tolerance is applied."""

    text: str
    qualifier: str  # "plain" when none is written, or "range" / "plus-minus"
    low: float  # the number; the lower end for a range
    high: float  # equal to low unless a range
    unit: str  # unit text as written, currency signs made codes ("" when none)
    spread: float = 0.0  # for "x ± d"; a fraction of x when spread_relative
    spread_relative: bool = False


@dataclass(frozen=True, slots=True)
class Amount:
    """A numeric value: the interval it means, in the metric's concrete unit."""

    text: str
    interval: Interval
    unit: str  # e.g. "USD", "USD / GPU", "GWh"
    qualifier: str
    nominal: float  # the number stated, in ``unit`` (midpoint for a range)
    currency: str = ""  # the currency ``unit`` is in ("" when none)
    #: the numbers the value states as written, after its scale word and before any
    #: unit conversion (what a quote must support); for a structured value, its
    #: bounds and nominal figure in the metric's unit
    stated: tuple[float, ...] = ()


@dataclass(frozen=True, slots=True)
class DateValue:
    """A date or span of dates, as an interval of day ordinals."""

    text: str
    interval: Interval
    qualifier: str

    @staticmethod
    def day(ordinal: float) -> str:
        return date.fromordinal(int(ordinal)).isoformat()


@dataclass(frozen=True, slots=True)
class TimeValue(DateValue):
    """A time of day (``kind`` ``time``: minutes since midnight) or a date and time
    (``datetime``: minutes since 0001-01-01), to the minute, as an interval of
    minutes, both ends included."""

    kind: str = "time"

    def minute(self, x: float) -> str:
        """Minute ``x`` as written: ``13:55``, or ``2011-12-01T13:55``."""
        return minute_text(x, self.kind)


def minute_text(x: float, kind: str) -> str:
    """Minute ``x`` of a time (``13:55``) or a datetime (``2011-12-01T13:55``)."""
    minutes = int(x)
    clock = f"{minutes % 1440 // 60:02d}:{minutes % 60:02d}"
    if kind == "time":
        return clock
    return f"{date.fromordinal(minutes // 1440).isoformat()}T{clock}"


@dataclass(frozen=True, slots=True)
class Category:
    """A word from a closed or open set, compared without case."""

    text: str
    word: str


Value = Amount | DateValue | Category


def read_amount(text: str) -> Reading:
    """Read a value expression's grammar; raise ``ValueSyntaxError`` if wrong."""
    if not isinstance(text, str):
        raise ValueSyntaxError("a value must be text")
    raw = text.strip()
    if not raw:
        raise ValueSyntaxError("the value is empty", "write a number, e.g. 'about 1 billion USD'")
    pos, qualifier = _read_qualifier(raw, 0)
    if qualifier:
        nxt, again = _read_qualifier(raw, pos)
        if again:
            raise ValueSyntaxError(
                f"two hedges in '{raw}' ('{raw[:pos].strip()}' and '{raw[pos:nxt].strip()}')",
                "keep one of them",
                pos,
            )
    pos, low, low_scale, unit = _read_side(raw, pos)
    dots = _RANGE.match(raw, pos)
    if dots:
        return _read_range(raw, qualifier, dots.end(), low, low_scale, unit)
    spread = _SPREAD.match(raw, pos)
    if spread:
        if qualifier:
            raise ValueSyntaxError(f"'{raw}': a value with ± takes no hedge", "drop the hedge", 0)
        return _read_spread(raw, spread.end(), low, unit)
    if pos != len(raw):
        raise ValueSyntaxError(f"cannot read '{raw[pos:]}' in '{raw}'", col=pos)
    return Reading(raw, QUALIFIERS[qualifier.lower()] if qualifier else "plain", low, low, unit)


_UNIT_FIRST = re.compile(r"\s*([^\W\d]+\.?)\s+([-+−]?[\d.,]+.*)")


def _found(rest: str) -> str:
    return f"'{rest.strip()}'" if rest.strip() else "nothing"


def _number_first(before: str, rest: str) -> str:
    """The hint for a value that does not start with a number: 'USD 5bn' is '5bn USD'."""
    unit_first = _UNIT_FIRST.fullmatch(rest)
    if unit_first is not None:
        unit, number = unit_first.groups()
        fixed = " ".join(p for p in (before, number.strip(), unit) if p)
        return f"write the number first, then the unit: '{fixed}'"
    return "write a number such as 100000, 100,000, 1.5 or 1e9"


def _read_qualifier(raw: str, pos: int) -> tuple[int, str]:
    match = _QUALIFIER.match(raw, pos)
    if match is None:
        return pos, ""
    return match.end(), match.group(1)


def _read_side(raw: str, pos: int) -> tuple[int, float, float, str]:
    """``[sign] number [scale] [unit]`` -> (end, number, scale used, unit text)."""
    prefix = _PREFIX.match(raw, pos)
    currency = ""
    if prefix:
        currency = CURRENCY_SIGNS[prefix.group(1)]
        pos = prefix.end()
    number = _NUMBER.match(raw, pos)
    if number is None or not number.group(0).strip("+-−"):
        before = raw[:pos].strip()
        message = (
            f"expected a number after '{before}' in '{raw}', found {_found(raw[pos:])}"
            if before
            else f"a value starts with a number (or a hedge), not '{raw.split()[0]}'"
        )
        raise ValueSyntaxError(message, _number_first(before, raw[pos:]), pos)
    digits = number.group(0)
    pos = number.end()
    if raw[pos : pos + 1] == "," and raw[pos + 1 : pos + 2].isdigit():
        raise ValueSyntaxError(
            f"'{raw}': numbers in values use English notation",
            f"write '{digits}.{raw[pos + 1 :].split()[0]}' for a decimal, "
            "or group thousands by three ('100,000')",
            pos,
        )
    value = float(digits.replace(",", "").replace("_", "").replace("−", "-"))
    if math.isinf(value):
        raise ValueSyntaxError(f"'{digits}' is too large", col=pos)
    rest = raw[pos:]
    if rest[:1].isspace() and rest.strip()[:1].isdigit():
        raise ValueSyntaxError(
            f"'{raw}': a number is written without spaces in a value",
            "write 100000 or 100,000 (the quote keeps the article's spelling)",
            pos,
        )
    multiplier, pos = _read_scale(raw, pos)
    value *= multiplier
    if math.isinf(value):
        raise ValueSyntaxError(
            f"'{raw}' is too large: it is beyond {sys.float_info.max:.3g}", col=number.start()
        )
    stop = _STOP.search(raw, pos)
    end = stop.start() if stop else len(raw)
    unit = raw[pos:end].strip()
    if unit and currency:
        unit = f"{currency} {unit}" if unit.startswith(("/", "per ")) else unit
        if not unit.startswith(currency):
            raise ValueSyntaxError(
                f"'{raw}': two units given ('{prefix.group(1).strip()}' and '{unit}')",  # type: ignore[union-attr]
                "keep one",
                pos,
            )
    elif currency:
        unit = currency
    if unit and re.match(r"^[\d.,]", unit):
        raise ValueSyntaxError(f"cannot read '{unit}' in '{raw}'", col=pos)
    return end, value, multiplier, unit


def _read_scale(raw: str, pos: int) -> tuple[float, int]:
    """The scale word at ``pos``, if any: (multiplier, position after it).

    Words are read in any case; abbreviations only as listed, so ``K`` stays
    a kelvin and ``MN`` a meganewton.
    """
    match = _SCALE.match(raw, pos)
    if match is None:
        return 1.0, pos
    word = match.group(1)
    key = word.lower() if word.lower() in _WORD_SCALES else word
    if key not in SCALES:
        return 1.0, pos
    return SCALES[key], match.end()


def _read_range(
    raw: str, qualifier: str, pos: int, low: float, low_scale: float, low_unit: str
) -> Reading:
    if qualifier:
        raise ValueSyntaxError(
            f"'{raw}': a range takes no hedge", "a range already says how precise it is", 0
        )
    end, high, high_scale, high_unit = _read_side(raw, pos)
    if end != len(raw):
        raise ValueSyntaxError(f"cannot read '{raw[end:]}' in '{raw}'", col=end)
    if low_scale != 1.0 and high_scale == 1.0:
        raise ValueSyntaxError(
            f"'{raw}': the scale word is on the first number only",
            "write it on both ('1.2 billion .. 1.5 billion') or after the second",
            pos,
        )
    if high_scale != 1.0 and low_scale == 1.0:
        low *= high_scale  # "1.2 .. 1.5 billion": the scale covers both
    if low_unit and high_unit and low_unit != high_unit:
        raise ValueSyntaxError(f"'{raw}': the two ends have different units", col=pos)
    unit = high_unit or low_unit
    if low > high:
        numbers = [m for m in _NUMBER.finditer(raw) if m.group(0).strip("+-−")]
        hint = "write the smaller number first"
        if len(numbers) == 2:
            a, b = numbers
            swapped = raw[: a.start()] + b.group(0) + raw[a.end() : b.start()] + a.group(0)
            hint += f" ('{swapped + raw[b.end() :]}')"
        raise ValueSyntaxError(f"'{raw}': the range starts above where it ends", hint, 0)
    return Reading(raw, "range", low, high, unit)


def _read_spread(raw: str, pos: int, centre: float, unit: str) -> Reading:
    number = _NUMBER.match(raw, pos)
    if number is None or not number.group(0):
        raise ValueSyntaxError(f"expected a number after ± in '{raw}'", col=pos)
    spread = float(number.group(0).replace(",", "").replace("_", ""))
    if math.isinf(spread):
        raise ValueSyntaxError(f"'{raw}': the spread is too large", col=pos)
    pos = number.end()
    rest = raw[pos:].strip()
    if rest.startswith("%"):  # N UNIT ± P% or N ± P% UNIT: a share of N
        if spread < 0:
            raise ValueSyntaxError(f"'{raw}': the spread cannot be negative", col=pos)
        written = rest[1:].strip()
        if written and unit and written != unit:
            raise ValueSyntaxError(
                f"'{raw}': two units given ('{unit}' and '{written}')", "keep one", col=pos
            )
        return Reading(raw, "plus-minus", centre, centre, unit or written, spread / 100, True)
    multiplier, after = _read_scale(raw, pos)
    if multiplier != 1.0:
        spread *= multiplier
        rest = raw[after:].strip()
        if math.isinf(spread):
            raise ValueSyntaxError(f"'{raw}': the spread is too large", col=pos)
    if rest and not unit:
        unit = rest  # "10000 ± 500 USD/GPU": the unit written once, at the end
    elif rest and rest != unit:
        raise ValueSyntaxError(
            f"'{raw}': the spread's unit '{rest}' differs from the value's '{unit}'", col=pos
        )
    if spread < 0:
        raise ValueSyntaxError(f"'{raw}': the spread cannot be negative", col=pos)
    return Reading(raw, "plus-minus", centre, centre, unit, spread, False)


def reading_from_mapping(fields: dict[str, str], text: str) -> Reading:
    """A structured value: ``{amount, unit, qualifier}`` or ``{min, max, unit}``."""
    unit = fields.get("unit", "")
    if "amount" in fields:
        if "min" in fields or "max" in fields:
            raise ValueSyntaxError("give either 'amount' or 'min'/'max', not both")
        hedge = fields.get("qualifier", "")
        return replace(read_amount(f"{hedge} {fields['amount']} {unit}".strip()), text=text)
    if "min" not in fields and "max" not in fields:
        raise ValueSyntaxError(
            "a structured value needs 'amount', or 'min' and/or 'max'",
            "e.g. {amount: 1e9, unit: USD, qualifier: about}",
        )
    ends = {k: read_amount(fields[k]) for k in ("min", "max") if k in fields}
    for key, end in ends.items():
        if end.qualifier != "plain":
            raise ValueSyntaxError(
                f"{key} '{fields[key]}' is a bound already: write it without a hedge or range"
            )
        if end.unit and unit and end.unit != unit:
            raise ValueSyntaxError(
                f"{key} '{fields[key]}' is in {end.unit}, but the value's unit is {unit}",
                f"write {key} in {unit}, or drop its unit",
            )
    units = {end.unit for end in ends.values() if end.unit}
    if len(units) > 1:
        raise ValueSyntaxError(
            f"min '{fields['min']}' and max '{fields['max']}' are in different units",
            "write both in one unit",
        )
    unit = unit or next(iter(units), "")
    low = ends["min"].low if "min" in ends else -math.inf
    high = ends["max"].low if "max" in ends else math.inf
    if low > high:
        raise ValueSyntaxError(f"min {fields['min']} is above max {fields['max']}")
    if math.isinf(high):
        return Reading(text, "at-least", low, low, unit)
    if math.isinf(low):
        return Reading(text, "at-most", high, high, unit)
    return Reading(text, "range", low, high, unit)


def to_amount(
    reading: Reading,
    *,
    metric_unit: Unit,
    book: UnitBook,
    plain: float,
    approximate: float,
    signed: bool = False,
    structured: bool = False,
) -> Amount:
    """The interval a reading means on a metric; raise if the unit does not fit.

    ``structured``: the reading comes from a structured value (``{amount, unit}``),
    whose numbers are in the metric's unit rather than as an article wrote them."""
    if reading.unit:
        unit = book.parse(reading.unit)
    elif metric_unit.currencies or dict(metric_unit.dims).get("[currency]"):
        raise ValueSyntaxError(
            f"'{reading.text}' has no currency", "add one, e.g. 'USD' or '$' before the number"
        )
    else:
        unit = metric_unit  # a bare number is in the metric's unit
    currency = fit(unit, metric_unit)
    if currency is None:
        hint = f"write it in {metric_unit.text}" if metric_unit.text else "write a plain number"
        if dict(metric_unit.dims).get("[currency]"):
            wanted = metric_unit.text.replace("currency", "USD")
            hint = f"write an amount of money, in {wanted} or another currency"
        if re.search(r"(^|\s)m\b", reading.unit):
            hint = "for millions write 'million' or 'mn': a bare 'm' is a metre"
        if dict(metric_unit.dims).get("[currency]") and currency_hint(reading.unit):
            hint = currency_hint(reading.unit)  # 'pounds' is read as lb
        raise ValueSyntaxError(
            f"'{reading.text}' is in {unit.text or 'no unit'}, "
            f"which does not fit a metric in {metric_unit.text or 'no unit'}",
            hint,
        )
    target = concrete(metric_unit.text, currency)
    try:
        k = book.factor(unit.text, target)
    except ValueSyntaxError as exc:
        raise ValueSyntaxError(f"'{reading.text}': {exc.message}", exc.hint) from exc
    low, high = reading.low * k, reading.high * k
    if math.isinf(low) or math.isinf(high):
        raise ValueSyntaxError(
            f"'{reading.text}' is too large once converted to {target}: beyond "
            f"{sys.float_info.max:.3g}"
        )
    if not signed and low < 0:
        raise ValueSyntaxError(
            f"'{reading.text}' is negative, but this metric cannot be",
            "declare the metric with 'signed: true' if it can go below zero",
        )
    interval = _hedged(reading, low, high, k, plain, approximate, signed)
    if k != 1.0:  # converted to the metric's unit, every bound is computed: rounded outward
        interval = outward(interval)
    nominal = (low + high) / 2
    if structured:
        stated = tuple(b for b in (interval.lo, interval.hi, nominal) if math.isfinite(b))
    else:
        stated = (reading.low,) if reading.low == reading.high else (reading.low, reading.high)
    return Amount(reading.text, interval, target, reading.qualifier, nominal, currency, stated)


def _hedged(
    reading: Reading,
    low: float,
    high: float,
    k: float,
    plain: float,
    approximate: float,
    signed: bool,
) -> Interval:
    """The interval a hedge means around ``low`` (and ``high`` for a range)."""
    x = low
    floor = -math.inf if signed else 0.0
    match reading.qualifier:
        case "exact":
            return Interval(x, x)
        case "plain":
            return _around(x, plain)
        case "approximate":
            return _around(x, approximate)
        case "nearly":
            a, b = sorted((_times(x, 1 - decimal(approximate)), decimal(x)))
            return Interval(at_least(a), at_most(b))
        case "at-least":
            return Interval(x, math.inf)
        case "more-than":
            return Interval(x, math.inf, lo_open=True)
        case "at-most":
            return Interval(min(floor, x), x)
        case "less-than":
            if x <= floor:
                raise ValueSyntaxError(f"'{reading.text}' leaves no possible value")
            return Interval(floor, x, hi_open=True)
        case "range":
            return Interval(low, high)
        case "plus-minus":
            d = (
                abs(decimal(x)) * decimal(reading.spread)
                if reading.spread_relative
                else decimal(reading.spread * k)
            )
            low_end = decimal(x) - d
            if not signed and low_end < 0:
                raise ValueSyntaxError(
                    f"'{reading.text}' reaches below zero ({low_end.normalize():f}), "
                    "but this metric cannot be negative",
                    "narrow the spread, or declare the metric with 'signed: true'",
                )
            return Interval(at_least(low_end), at_most(decimal(x) + d))
    raise ValueSyntaxError(f"unknown qualifier {reading.qualifier}")  # pragma: no cover


def _around(x: float, tolerance: float) -> Interval:
    """``x`` give or take ``tolerance`` (a fraction), computed exactly from the
    decimals written (``4 billion`` ± 5% is exactly 3.8 to 4.2 billion), each bound
    the nearest float on the outer side."""
    share = decimal(tolerance)
    a, b = sorted((_times(x, 1 - share), _times(x, 1 + share)))
    return Interval(at_least(a), at_most(b))


def _times(x: float, factor: Decimal) -> Decimal:
    return decimal(x) * factor


_DATE_HEDGES = {
    "before": "before", "after": "after", "by": "by", "no later than": "by",
    "not after": "by", "until": "by", "since": "since", "from": "since",
    "no earlier than": "since", "not before": "since",
}  # fmt: skip
_DATE_HEDGE = re.compile(
    r"\s*(" + "|".join(sorted(_DATE_HEDGES, key=len, reverse=True)) + r")\s+", re.IGNORECASE
)


def read_date(text: str) -> DateValue:
    """``2023-03``, ``before 2022-09``, ``after 2023-03-01``, ``by 2023``, ..."""
    raw = text.strip()
    match = _DATE_HEDGE.match(raw)
    hedge = _DATE_HEDGES[match.group(1).lower()] if match else "within"
    period = parse_period(raw[match.end() :] if match else raw)
    start, end = float(period.start.toordinal()), float(period.end.toordinal())
    interval = {
        "within": lambda: Interval(start, end),
        "before": lambda: Interval(-math.inf, start, hi_open=True),
        "after": lambda: Interval(end, math.inf, lo_open=True),
        "by": lambda: Interval(-math.inf, end),
        "since": lambda: Interval(start, math.inf),
    }[hedge]()
    return DateValue(raw, interval, hedge)


_CLOCK = re.compile(
    r"(?:(?P<noon>noon)|(?P<midnight>midnight)|(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*"
    r"(?P<ampm>[ap])?\.?\s*(?:m\.?)?)$",
    re.IGNORECASE,
)
_TIME_HEDGES = {
    **_DATE_HEDGES, "at": "within", "exactly": "within", "about": "about", "around": "about",
    "approximately": "about", "circa": "about", "~": "about",
}  # fmt: skip
_TIME_HEDGE = re.compile(
    r"\s*(" + "|".join(re.escape(h) for h in sorted(_TIME_HEDGES, key=len, reverse=True))
    + r")\s*(?=\d|noon|midnight)",
    re.IGNORECASE,
)  # fmt: skip
_SPAN = re.compile(r"\s*(?:from\s+|between\s+)?(.+?)\s+(?:to|and|-|–)\s+(.+)$", re.IGNORECASE)
#: "about 13:55" is within this many minutes of it, either way.
ABOUT_MINUTES = 5


def _clock(text: str) -> int:
    """Minutes since midnight of ``13:55``, ``1:55 PM``, ``1:55pm``, ``9 a.m.``, ``noon``."""
    match = _CLOCK.match(text.strip())
    if match is None:
        raise ValueSyntaxError(
            f"cannot read the time '{text.strip()}'", "write it as 13:55 or 1:55 PM"
        )
    if match.group("noon"):
        return 720
    if match.group("midnight"):
        return 0
    hour, minute = int(match.group("h")), int(match.group("m") or 0)
    ampm = (match.group("ampm") or "").lower()
    if ampm:
        if not 1 <= hour <= 12:
            raise ValueSyntaxError(f"'{text.strip()}': a 12-hour clock has no hour {hour}")
        hour = hour % 12 + (12 if ampm == "p" else 0)
    elif match.group("m") is None:
        raise ValueSyntaxError(
            f"cannot read the time '{text.strip()}'", "write the minutes too: 13:00"
        )
    if hour > 23 or minute > 59:
        raise ValueSyntaxError(f"'{text.strip()}' is not a time of day", "write it as 13:55")
    return hour * 60 + minute


def _moment(text: str, kind: str) -> int:
    """Minutes of a time of day, or of a date and time (``2011-12-01 13:55``)."""
    if kind == "time":
        return _clock(text)
    day, _sep, clock = text.strip().replace("T", " ", 1).partition(" ")
    try:
        when = date.fromisoformat(day)
    except ValueError as exc:
        raise ValueSyntaxError(
            f"cannot read the date and time '{text.strip()}'", "write it as 2011-12-01 13:55"
        ) from exc
    return when.toordinal() * 1440 + _clock(clock or "")


def read_time(text: str, kind: str = "time") -> TimeValue:
    """A time of day (``kind`` ``time``) or a date and time (``datetime``), to the
    minute: ``13:55``, ``1:55 PM``, ``about 14:00`` (within ``ABOUT_MINUTES``),
    ``before 14:00``, ``after 13:30``, ``by 14:00``, ``since 13:30``, ``13:50 to 14:10``;
    ``2011-12-01 13:55`` for a datetime."""
    raw = text.strip()
    if not raw:
        raise ValueSyntaxError("the value is empty", "write a time, e.g. 13:55")
    span = _SPAN.match(raw)
    if span is not None:
        lo, hi = _moment(span.group(1), kind), _moment(span.group(2), kind)
        if hi < lo:
            raise ValueSyntaxError(f"'{raw}' ends before it starts")
        return TimeValue(raw, Interval(float(lo), float(hi)), "within", kind)
    match = _TIME_HEDGE.match(raw)
    hedge = _TIME_HEDGES[match.group(1).lower()] if match else "within"
    at = float(_moment(raw[match.end() :] if match else raw, kind))
    interval = {
        "within": lambda: Interval(at, at),
        "about": lambda: Interval(at - ABOUT_MINUTES, at + ABOUT_MINUTES),
        "before": lambda: Interval(-math.inf, at, hi_open=True),
        "after": lambda: Interval(at, math.inf, lo_open=True),
        "by": lambda: Interval(-math.inf, at),
        "since": lambda: Interval(at, math.inf),
    }[hedge]()
    return TimeValue(raw, interval, hedge, kind)


def read_category(text: str, allowed: tuple[str, ...] = ()) -> Category:
    """A category word; when the metric lists its words, one of them."""
    raw = " ".join(text.split())
    if not raw:
        raise ValueSyntaxError("the value is empty")
    word = raw.casefold()
    if allowed:
        by_fold = {a.casefold(): a for a in allowed}
        if word not in by_fold:
            raise ValueSyntaxError(
                f"'{raw}' is not one of this metric's values ({', '.join(allowed)})",
                did_you_mean(raw, allowed, limit=1),
            )
        word = by_fold[word].casefold()
    return Category(raw, word)
