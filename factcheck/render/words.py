"""Numbers, intervals, periods, scopes and counts in words a reader can check by hand.

A ``Words`` speaks one language (``factcheck.render.language``) about one
desk, whose names it uses. In English ``4.2e9`` USD reads "4.2 billion USD",
in French "4,2 milliards USD", in German "4,2 Milliarden USD"; an interval
reads "3.8 to 4.2 billion USD", "at least 100,000 GPUs", "more than 1
billion USD"; a period reads "August 2023", "août 2023", "Q3 2023"; a scope
reads "Spend on GPUs (Big Four, 2022, product Nvidia A800)": the names the
desk gives, its ids where it gives none.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date
from pathlib import Path

from ..desk.model import Claim, Desk
from ..engine.findings import Scope
from ..errors import ValueSyntaxError
from ..values.amounts import Amount, Category, DateValue, TimeValue, minute_text
from ..values.intervals import Interval
from ..values.periods import Period, parse_period
from .language import SCALES, Language, language

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


def plural(count: int, word: str, many: str = "") -> str:
    """``1 origin``, ``2 origins`` in English (``many``: the plural when not
    ``word + 's'``): for the command line's own messages. Reports count with
    ``Words.n_``, in their language."""
    return f"{count} {word if count == 1 else many or word + 's'}"


def _scaled(x: float) -> tuple[str, int]:
    """A number as (digits written the English way, scale): ("4.2", 10^9), ("100,000", 1)."""
    if math.isinf(x):
        return ("∞" if x > 0 else "-∞"), 1
    size = abs(x)
    for scale in SCALES:
        if size >= scale:
            return f"{x / scale:.4g}", scale
    if size >= 1000:
        return f"{x:,.0f}", 1
    if x == int(x):
        return f"{int(x)}", 1
    return f"{x:.4g}", 1


def _rounding_apart(lo: float, hi: float) -> bool:
    """Bounds a few floats apart: one figure, widened only by outward rounding."""
    return math.isclose(lo, hi, rel_tol=1e-14, abs_tol=0.0)


class Words:
    """Numbers, units, intervals, periods and scopes in one language, with one
    desk's names (made once per report, remembered)."""

    def __init__(self, speaking: Language | None = None, desk: Desk | None = None) -> None:
        self.language = speaking or language()
        self._ = self.language.gettext
        self.desk = desk
        self._entities: Mapping[str, object] = desk.entities if desk else {}
        self._periods: dict[str, str] = {}
        self._scopes: dict[tuple[Scope, bool], str] = {}
        self._scale_words: dict[tuple[str, int], str] = {}  # Babel's plural rules are slow

    # -- counts -------------------------------------------------------------------

    def n_(self, singular: str, plural: str, count: int, **values: str) -> str:
        """A counted phrase from the catalog, ``{n}`` the count in the language's
        digits, the other fields from ``values``."""
        phrase = self.language.ngettext(singular, plural, count)
        return phrase.format(n=self.digits(count), **values)

    def digits(self, count: int) -> str:
        return self.language.digits(f"{count:,}")

    def listed(self, ids: tuple[str, ...] | list[str], most: int = 5) -> str:
        """Ids joined by commas, at most ``most`` of them and a count of the rest."""
        if len(ids) <= most + 1:
            return ", ".join(ids)
        rest = len(ids) - most
        return self.n_("{shown} and {n} other", "{shown} and {n} others", rest,
                       shown=", ".join(ids[:most]))  # fmt: skip

    # -- numbers ------------------------------------------------------------------

    def number(self, x: float) -> str:
        """A number as a journalist writes it: 4.2 billion, 100,000, 0.35."""
        digits, scale = _scaled(x)
        return self._scaled_words(digits, scale)

    def _scaled_words(self, digits: str, scale: int) -> str:
        found = self._scale_words.get((digits, scale))
        if found is None:
            shown = self.language.digits(digits)
            if scale != 1:
                shown = f"{shown} {self.language.scale_word(scale, digits)}"
            found = self._scale_words[(digits, scale)] = shown
        return found

    def unit(self, text: str, x: float = 2.0) -> str:
        """A unit as shown after ``x``: ``USD/GPU``; a count unit in the plural where
        the language puts it there ("GPUs", "doses"; French and German keep the
        desk's word, but a French word of letters takes an s)."""
        shown = text.replace(" / ", "/").replace(" * ", "·")
        if abs(x) == 1 or self.desk is None or not shown.isalpha():
            return shown
        if self.desk.units.kinds.get(shown) != "count":
            return shown
        code = self.language.code
        if code == "en" and not shown.endswith("s"):
            return shown + "s"
        if code == "fr" and shown.islower() and shown[-1] not in "sxz":
            return shown + "s"
        return shown

    def quantity(self, x: float, unit_text: str) -> str:
        return f"{self.number(x)} {self.unit(unit_text, x)}".strip()

    def sum_of(self, terms: list[tuple[str, float]], total: float, unit_text: str) -> str:
        """A sum as a reader writes it: ``Q1 2021 15.4 + Q2 2021 61 = 76.4 million
        doses``, the scale word and the unit once at the end when every figure has
        the same scale; each figure in full otherwise."""
        scaled = [_scaled(x) for _, x in terms]
        total_digits, total_scale = _scaled(total)
        if all(scale == total_scale for _, scale in scaled):
            pairs = zip(terms, scaled, strict=True)
            body = " + ".join(
                f"{label} {self.language.digits(digits)}" for (label, _), (digits, _) in pairs
            )
            tail = " ".join(
                t
                for t in (self._scaled_words(total_digits, total_scale), self.unit(unit_text))
                if t
            )
            return f"{body} = {tail}"
        body = " + ".join(f"{label} {self.quantity(x, unit_text)}" for label, x in terms)
        return f"{body} = {self.quantity(total, unit_text)}"

    def interval(self, value: Interval, unit_text: str) -> str:
        """An interval in words, with its unit."""
        _ = self._
        lo, hi = value.lo, value.hi
        shown = self.unit(unit_text, hi if math.isinf(lo) else lo if math.isinf(hi) else 2.0)
        tail = f" {shown}" if shown else ""
        if math.isinf(hi) and math.isinf(lo):
            return _("any value")
        if math.isinf(hi):
            bound = _("more than {x}") if value.lo_open else _("at least {x}")
            return bound.format(x=self.number(lo)) + self._unit_tail(unit_text, lo)
        if math.isinf(lo):
            bound = _("less than {x}") if value.hi_open else _("at most {x}")
            return bound.format(x=self.number(hi)) + self._unit_tail(unit_text, hi)
        if lo == hi or _rounding_apart(lo, hi):
            middle = lo / 2 + hi / 2
            return _("exactly {x}").format(x=self.number(middle)) + self._unit_tail(
                unit_text, middle
            )
        (lo_digits, lo_scale), (hi_digits, hi_scale) = _scaled(lo), _scaled(hi)
        low, high = self._scaled_words(lo_digits, lo_scale), self._scaled_words(hi_digits, hi_scale)
        # "3.8 to 4.2 billion", not "3.8 billion to 4.2 billion", where the word is the same
        first = low
        if lo_scale == hi_scale != 1:
            word = self.language.scale_word(lo_scale, lo_digits)
            if word == self.language.scale_word(hi_scale, hi_digits):
                first = self.language.digits(lo_digits)
        text = _("{low} to {high}").format(low=first, high=high) + tail
        excluded = [b for b, is_open in ((low, value.lo_open), (high, value.hi_open)) if is_open]
        if len(excluded) == 2:
            text += " " + _("({low} and {high} excluded)").format(low=low, high=high)
        elif excluded:
            text += " " + _("({x} excluded)").format(x=excluded[0])
        return text

    def _unit_tail(self, unit_text: str, x: float) -> str:
        shown = self.unit(unit_text, x)
        return f" {shown}" if shown else ""

    def plain(self, x: float) -> str:
        """A number read in a quote or stated by a value, as a reader writes it."""
        return self.number(x)

    def times(self, exponent: int) -> str:
        """A power of ten as a count of times: 3 as '1,000'."""
        return self.language.digits(f"{10 ** abs(exponent):,}")

    def scale_name(self, x: float) -> str:
        """The plural scale word of a number ("millions"), '' below a million."""
        _digits, scale = _scaled(x)
        if scale == 1:
            return ""
        word = self.language.scale_word(scale, "2")
        return word + "s" if self.language.code == "en" else word  # CLDR's English is invariable

    # -- dates and periods ----------------------------------------------------------

    def day(self, ordinal: float) -> str:
        return self._date(date.fromordinal(int(ordinal)), "long")

    def calendar(self, when: date) -> str:
        """A calendar date as the language writes it: 12 September 2023, 1er septembre 2022."""
        return self._date(when, "long")

    def _date(self, when: date, pattern: str) -> str:
        from babel.dates import format_date

        text = str(format_date(when, pattern, locale=self.language.locale))
        if self.language.code == "fr" and when.day == 1 and text.startswith("1 "):
            text = "1er" + text[1:]  # French writes the first of the month as an ordinal
        return text

    def days(self, value: Interval) -> str:
        """An interval of day ordinals as dates."""
        _ = self._
        if math.isinf(value.lo) and math.isinf(value.hi):
            return _("any date")
        if math.isinf(value.lo):
            bound = _("before {day}") if value.hi_open else _("on or before {day}")
            return bound.format(day=self.day(value.hi))
        if math.isinf(value.hi):
            bound = _("after {day}") if value.lo_open else _("on or after {day}")
            return bound.format(day=self.day(value.lo))
        if value.lo == value.hi:
            return self.day(value.lo)
        return _("from {start} to {end}").format(start=self.day(value.lo), end=self.day(value.hi))

    def interval_in(self, value: Interval, unit_text: str) -> str:
        """An interval of a number (in ``unit_text``), of dates (unit ``date``), or of
        minutes (units ``time`` and ``datetime``)."""
        if unit_text == "date":
            return self.days(value)
        if unit_text in ("time", "datetime"):
            return self.moments(value, unit_text)
        return self.interval(value, unit_text)

    def moment(self, minute: float, kind: str) -> str:
        """A minute as a reader writes it: 13:55; 1 December 2011, 13:55."""
        clock = minute_text(minute, "time")
        if kind == "time":
            return clock
        day = self.calendar(date.fromordinal(int(minute) // 1440))
        return self._("{day}, {time}").format(day=day, time=clock)

    def moments(self, value: Interval, kind: str) -> str:
        """An interval of minutes: 13:55, 13:50 to 14:10, before 14:00, ..."""
        _ = self._
        if math.isinf(value.lo) and math.isinf(value.hi):
            return _("any time")
        if math.isinf(value.lo):
            bound = _("before {time}") if value.hi_open else _("at or before {time}")
            return bound.format(time=self.moment(value.hi, kind))
        if math.isinf(value.hi):
            bound = _("after {time}") if value.lo_open else _("at or after {time}")
            return bound.format(time=self.moment(value.lo, kind))
        if value.lo == value.hi:
            return self.moment(value.lo, kind)
        return _("{start} to {end}").format(
            start=self.moment(value.lo, kind), end=self.moment(value.hi, kind)
        )

    def period(self, text: str) -> str:
        """A period as a reader writes it: "2022", "H1 2022", "Q3 2023", "August
        2023", "15 August 2023", "January 2023 to August 2023"; as written when it
        cannot be read."""
        found = self._periods.get(text)
        if found is None:
            try:
                found = self._period(parse_period(text))
            except ValueSyntaxError:
                found = text
            self._periods[text] = found
        return found

    def _period(self, period: Period) -> str:
        _ = self._
        start = period.start
        kind = period.kind
        if kind == "year":
            return str(start.year)
        if kind == "half":
            return _("H{half} {year}").format(half=1 if start.month == 1 else 2, year=start.year)
        if kind == "quarter":
            return self._date(start, "QQQ y")
        if kind == "month":
            return self._date(start, "LLLL y")
        if kind == "day":
            return self._date(start, "long")
        return _("{start} to {end}").format(**self._span(start, period.end))

    def _span(self, start: date, end: date) -> dict[str, str]:
        """The two ends of a span, as wide as both go: years, months or days."""
        following = date.fromordinal(end.toordinal() + 1)
        if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
            return {"start": str(start.year), "end": str(end.year)}
        pattern = "LLLL y" if start.day == 1 and following.day == 1 else "long"
        return {"start": self._date(start, pattern), "end": self._date(end, pattern)}

    # -- claims and scopes ----------------------------------------------------------

    def read_as(self, claim: Claim) -> str:
        """The interval a claim's value was read as, in words."""
        value = claim.value
        if isinstance(value, Amount):
            return self.interval(value.interval, value.unit)
        if isinstance(value, TimeValue):
            return self.moments(value.interval, value.kind)
        if isinstance(value, DateValue):
            return self.days(value.interval)
        assert isinstance(value, Category)
        return f"'{value.word}'"

    def entity(self, ident: str) -> str:
        """An entity's name ("Big Four"), its id where the desk names none."""
        found = self._entities.get(ident)
        name = getattr(found, "name", "")
        return str(name) if name else ident

    def metric(self, ident: str) -> str:
        found = self.desk.metrics.get(ident) if self.desk else None
        return found.name if found is not None and found.name else ident

    def source(self, ident: str) -> str:
        """A source's name ("Financial Times"), or an article's id, as the desk gives it."""
        found = self.desk.sources.get(ident) if self.desk else None
        return found.name if found is not None and found.name else ident

    def sources(self, idents: tuple[str, ...] | list[str]) -> str:
        return ", ".join(self.source(i) for i in idents)

    def products(self, product: tuple[str, ...]) -> str:
        return " + ".join(self.entity(p) for p in product)

    def scope(self, where: Scope, metric: bool = True) -> str:
        """``Spend on GPUs (Big Four, 2022, product Nvidia A800)`` (the parenthesis
        alone, without its brackets, when ``metric`` is False)."""
        key = (where, metric)
        found = self._scopes.get(key)
        if found is None:
            _ = self._
            metric_id, subject, period, product, counterparty = where
            parts = [self.entity(subject)]
            parts.append(self.period(period) if period else _("no period stated"))
            if product:
                parts.append(_("product {product}").format(product=self.products(product)))
            if counterparty:
                parts.append(_("counterparty {party}").format(party=self.entity(counterparty)))
            inside = ", ".join(parts)
            found = f"{self.metric(metric_id)} ({inside})" if metric else inside
            self._scopes[key] = found
        return found

    def along(self, where: Scope, axis: str) -> str:
        """A scope's value along one axis: the subject, the period, the products."""
        value = where[AXIS[axis]]
        if isinstance(value, tuple):
            return self.products(value)
        if axis == "period":
            return self.period(str(value))
        return self.entity(str(value)) if axis in ("subject", "counterparty") else str(value)


#: English words with no desk: for tests and for callers outside a report.
def english(desk: Desk | None = None) -> Words:
    return Words(language(), desk)


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
