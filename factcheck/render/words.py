"""Numbers, intervals, scopes and counts in words a reader can check by hand.

``4.2e9`` in USD reads "4.2 billion USD"; an interval reads "3.8 to 4.2
billion USD", "at least 100,000 GPU", "more than 1 billion USD"; a scope
reads "gpu_spend of big-four in 2022 (product A800)".
"""

from __future__ import annotations

import math
import re
from datetime import date
from pathlib import Path

from ..desk.model import Claim
from ..engine.findings import Scope
from ..values.amounts import Amount, Category, DateValue
from ..values.intervals import Interval

_SCALE_WORDS = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
#: The place of each axis in a scope.
AXIS = {"subject": 1, "period": 2, "product": 3, "counterparty": 4}


#: Control characters (C0 but tab and line feed, DEL, C1) as visible escapes:
#: a terminal would act on them (ESC starts a colour or a cursor move).
_CONTROLS = str.maketrans(
    {c: f"\\x{c:02x}" for c in (*range(32), *range(127, 160)) if c not in (9, 10)}
)


#: Any character ``_CONTROLS`` escapes (a search in C: a report of megabytes holding
#: none, as most do, is returned as it is).
_ANY_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str, lines: bool = True) -> str:
    """``text`` with every control character written as an escape (``\\x1b``);
    line feeds too unless ``lines``. Terminal output goes through this."""
    if _ANY_CONTROL.search(text) is None:
        return text if lines or "\n" not in text else text.replace("\n", "\\n")
    shown = text.translate(_CONTROLS)
    return shown if lines else shown.replace("\n", "\\n")


def listed(ids: tuple[str, ...] | list[str], most: int = 5) -> str:
    """Ids joined by commas, at most ``most`` of them and a count of the rest."""
    if len(ids) <= most + 1:
        return ", ".join(ids)
    return f"{', '.join(ids[:most])} and {len(ids) - most:,} others"


def plural(count: int, word: str, many: str = "") -> str:
    """``1 origin``, ``2 origins`` (``many``: the plural when not ``word + 's'``)."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def _scaled(x: float) -> tuple[str, str]:
    """A number as (digits, scale word): (4.2, billion), (100,000, '')."""
    if math.isinf(x):
        return ("∞" if x > 0 else "-∞"), ""
    size = abs(x)
    for scale, word in _SCALE_WORDS:
        if size >= scale:
            return f"{x / scale:.4g}", word
    if size >= 1000:
        return f"{x:,.0f}", ""
    if x == int(x):
        return f"{int(x)}", ""
    return f"{x:.4g}", ""


def number(x: float) -> str:
    """A number as a journalist writes it: 4.2 billion, 100,000, 0.35."""
    digits, word = _scaled(x)
    return f"{digits} {word}" if word else digits


def unit(text: str) -> str:
    return text.replace(" / ", "/").replace(" * ", "·")


def quantity(x: float, unit_text: str) -> str:
    shown = unit(unit_text)
    return f"{number(x)} {shown}".strip()


def sum_of(terms: list[tuple[str, float]], total: float, unit_text: str) -> str:
    """A sum as a reader writes it: ``2021-Q1 15.4 + 2021-Q2 61 = 76.4 million
    doses``, the scale word and the unit once at the end when every figure has
    the same scale; each figure in full otherwise."""
    scaled = [_scaled(x) for _, x in terms]
    total_digits, total_word = _scaled(total)
    if all(word == total_word for _, word in scaled):
        pairs = zip(terms, scaled, strict=True)
        body = " + ".join(f"{label} {digits}" for (label, _), (digits, _) in pairs)
        tail = " ".join(t for t in (total_digits, total_word, unit(unit_text)) if t)
        return f"{body} = {tail}"
    body = " + ".join(f"{label} {quantity(x, unit_text)}" for label, x in terms)
    return f"{body} = {quantity(total, unit_text)}"


def interval(value: Interval, unit_text: str) -> str:
    """An interval in words, with its unit."""
    shown = unit(unit_text)
    tail = f" {shown}" if shown else ""
    if math.isinf(value.hi) and math.isinf(value.lo):
        return "any value"
    if math.isinf(value.hi):
        return f"{'more than' if value.lo_open else 'at least'} {number(value.lo)}{tail}"
    if math.isinf(value.lo):
        return f"{'less than' if value.hi_open else 'at most'} {number(value.hi)}{tail}"
    if value.lo == value.hi or _rounding_apart(value.lo, value.hi):
        return f"exactly {number(value.lo / 2 + value.hi / 2)}{tail}"
    (lo_digits, lo_word), (hi_digits, hi_word) = _scaled(value.lo), _scaled(value.hi)
    low = f"{lo_digits} {lo_word}" if lo_word else lo_digits
    high = f"{hi_digits} {hi_word}" if hi_word else hi_digits
    # "3.8 to 4.2 billion", not "3.8 billion to 4.2 billion"
    first = lo_digits if lo_word and lo_word == hi_word else low
    text = f"{first} to {high}{tail}"
    excluded = [b for b, is_open in ((low, value.lo_open), (high, value.hi_open)) if is_open]
    if excluded:
        text += f" ({' and '.join(excluded)} excluded)"
    return text


def _rounding_apart(lo: float, hi: float) -> bool:
    """Bounds a few floats apart: one figure, widened only by outward rounding."""
    return math.isclose(lo, hi, rel_tol=1e-14, abs_tol=0.0)


def day(ordinal: float) -> str:
    return date.fromordinal(int(ordinal)).isoformat()


def days(value: Interval) -> str:
    """An interval of day ordinals as dates."""
    if math.isinf(value.lo) and math.isinf(value.hi):
        return "any date"
    if math.isinf(value.lo):
        return f"{'before' if value.hi_open else 'on or before'} {day(value.hi)}"
    if math.isinf(value.hi):
        return f"{'after' if value.lo_open else 'on or after'} {day(value.lo)}"
    if value.lo == value.hi:
        return day(value.lo)
    return f"{day(value.lo)} to {day(value.hi)}"


def interval_in(value: Interval, unit_text: str) -> str:
    """An interval of a number (in ``unit_text``) or of dates (unit ``date``)."""
    return days(value) if unit_text == "date" else interval(value, unit_text)


def read_as(claim: Claim) -> str:
    """The interval a claim's value was read as, in words."""
    value = claim.value
    if isinstance(value, Amount):
        return interval(value.interval, value.unit)
    if isinstance(value, DateValue):
        return days(value.interval)
    assert isinstance(value, Category)
    return f"'{value.word}'"


def scientific(x: float) -> str:
    """4.4e12 as '4.4 × 10^12'; small numbers as written."""
    if x == 0 or 1e-3 <= abs(x) < 1e4:
        return f"{x:g}"
    exponent = math.floor(math.log10(abs(x)))
    return f"{x / 10**exponent:.4g} × 10^{exponent}"


def power_of_ten(exponent: int) -> str:
    """3 as '1,000', -3 as '1/1,000'."""
    power = f"{10 ** abs(exponent):,}"
    return power if exponent > 0 else f"1/{power}"


def products(product: tuple[str, ...]) -> str:
    return " + ".join(product)


def scope(where: Scope, metric: bool = True) -> str:
    """``gpu_spend of big-four in 2022, product A800`` (without ``gpu_spend of``
    when ``metric`` is False)."""
    metric_id, subject, period, product, counterparty = where
    text = f"{metric_id} of {subject}" if metric else subject
    text += f" in {period}" if period else " (no period stated)"
    if product:
        text += f", product {products(product)}"
    if counterparty:
        text += f", counterparty {counterparty}"
    return text


def along(where: Scope, axis: str) -> str:
    """A scope's value along one axis: the subject, the period, the products."""
    value = where[AXIS[axis]]
    return products(value) if isinstance(value, tuple) else str(value)


class RelativePaths:
    """Claim files' paths relative to the desk root, as reports show them (each
    resolved once)."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self._cache: dict[str, str] = {}

    def __call__(self, path: str) -> str:
        found = self._cache.get(path)
        if found is None:
            try:
                found = Path(path).resolve().relative_to(self.root).as_posix()
            except ValueError:
                found = Path(path).as_posix()
            self._cache[path] = found
        return found
