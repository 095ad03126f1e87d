"""A second, deliberately simple implementation of what the rules mean, for small desks.

It shares no code with the engine: it reads each generated value from its own
record (number, hedge, tolerance) as an exact interval of fractions, and
decides whether a set of claims can all be true by checking, one by one, every
constraint the spec sets on the claims of the set:

- claims on one scope and unit share a value;
- ``spend = units * price`` on every subject and period where spend and units
  are claimed in one currency, with the price of that scope, or of the
  nearest broader one (a group the subject belongs to, the year of a half);
- a part is at most its whole (a member and its group, a half and its year);
- parts add up to at most their whole (each read as at least zero);
- parts that cover the whole (both members, both halves) add up to at least
  it (no more than it is the parts-sum above: every value here is >= 0).

Each constraint is checked alone (local consistency: see docs/decisions.md,
"The reference checker"). ``lenient`` closes every open bound: at a point
where an open bound meets another bound exactly, the engine, which works in
binary floats rounded outward, may see no conflict, so there the tests allow
either answer.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

INF = math.inf
Bound = Fraction | float  # a fraction, or ±inf

MEMBERS = {"group": ("acme", "globex")}
PARENT = {"acme": "group", "globex": "group"}
HALVES = {"2021": ("2021-H1", "2021-H2")}
YEAR = {"2021-H1": "2021", "2021-H2": "2021"}
ADDITIVE = ("spend", "units")
PLAIN, ABOUT = Fraction(5, 100), Fraction(20, 100)


@dataclass(frozen=True)
class Iv:
    """An exact interval; open ends marked."""

    lo: Bound
    hi: Bound
    lo_open: bool = False
    hi_open: bool = False

    def closed(self) -> Iv:
        return Iv(self.lo, self.hi, self.lo == -INF, self.hi == INF)

    def meets(self, other: Iv) -> bool:
        return below(self, other) and below(other, self)


def below(a: Iv, b: Iv) -> bool:
    """Whether some value of ``a`` is at most some value of ``b`` (a.lo vs b.hi)."""
    if a.lo < b.hi:
        return True
    return a.lo == b.hi and not a.lo_open and not b.hi_open


def meet(a: Iv, b: Iv) -> Iv | None:
    if not a.meets(b):
        return None
    lo = max((a.lo, a.lo_open), (b.lo, b.lo_open))
    hi = min((a.hi, not a.hi_open), (b.hi, not b.hi_open))
    return Iv(lo[0], hi[0], lo[1], not hi[1])


def plus(a: Iv, b: Iv) -> Iv:
    return Iv(a.lo + b.lo, a.hi + b.hi, a.lo_open or b.lo_open, a.hi_open or b.hi_open)


def times(a: Iv, b: Iv) -> Iv:
    """The product of two intervals of values at or above zero."""

    def end(x: Bound, xo: bool, y: Bound, yo: bool) -> tuple[Bound, bool]:
        if (x == 0 and not xo) or (y == 0 and not yo):
            return Fraction(0), False
        if x == INF or y == INF:
            return INF, True
        return x * y, xo or yo  # type: ignore[operator]

    lo, lo_open = end(a.lo, a.lo_open, b.lo, b.lo_open)
    hi, hi_open = end(a.hi, a.hi_open, b.hi, b.hi_open)
    return Iv(lo, hi, lo_open, hi_open)


@dataclass(frozen=True)
class Said:
    """One generated claim: its scope, and its value as a number, hedge and unit."""

    id: str
    source: str
    subject: str
    metric: str
    period: str
    number: Fraction
    hedge: str  # "exactly", "", "about", "nearly", "at least", "more than", "at most", "less than", "range"
    unit: str
    upper: Fraction = Fraction(0)  # the upper end of a range

    @property
    def text(self) -> str:
        if self.hedge == "range":
            return f"{_decimal(self.number)}..{_decimal(self.upper)} {self.unit}"
        return f"{self.hedge} {_decimal(self.number)} {self.unit}".strip()

    @property
    def interval(self) -> Iv:
        x = self.number
        match self.hedge:
            case "exactly":
                return Iv(x, x)
            case "":
                return Iv(x * (1 - PLAIN), x * (1 + PLAIN))
            case "about":
                return Iv(x * (1 - ABOUT), x * (1 + ABOUT))
            case "nearly":
                return Iv(x * (1 - ABOUT), x)
            case "at least":
                return Iv(x, INF, False, True)
            case "more than":
                return Iv(x, INF, True, True)
            case "at most":
                return Iv(Fraction(0), x)
            case "less than":
                return Iv(Fraction(0), x, False, True)
            case "range":
                return Iv(x, self.upper)
        raise ValueError(self.hedge)

    @property
    def cell(self) -> tuple[str, str, str, str]:
        return self.metric, self.subject, self.period, self.unit


def _decimal(x: Fraction) -> str:
    text = f"{float(x):.6f}".rstrip("0").rstrip(".")
    assert Fraction(text) == x, x
    return text


def currency(unit: str) -> str:
    return unit.split("/")[0] if unit != "GPU" else ""


# -- consistency ----------------------------------------------------------------------


def cells(claims: Iterable[Said]) -> dict[tuple[str, str, str, str], list[Said]]:
    found: dict[tuple[str, str, str, str], list[Said]] = {}
    for claim in claims:
        found.setdefault(claim.cell, []).append(claim)
    return found


def common(claims: Sequence[Said], lenient: bool = False) -> Iv | None:
    value: Iv | None = None
    for claim in claims:
        reading = claim.interval.closed() if lenient else claim.interval
        value = reading if value is None else meet(value, reading)
        if value is None:
            return None
    return value


FAMILIES = ("relation", "part-whole", "parts-sum", "cover")


def consistent(
    claims: Sequence[Said],
    lenient: bool = False,
    context: Sequence[Said] = (),
    family: str = "",
) -> bool:
    """Whether the claims can all be true under every constraint, each taken alone.

    A price on a broader scope stands in for one the scope lacks; which scope
    stands in is decided by the claims of ``context`` (the whole desk) when it
    is given, else by ``claims`` themselves. With ``family`` (one of
    ``FAMILIES``), only that kind of constraint is checked, on the scopes
    whose claims agree."""
    priced = {c.cell for c in (context or claims) if c.metric == "price"}
    by_cell = cells(claims)
    value: dict[tuple[str, str, str, str], Iv] = {}
    for key, group in by_cell.items():
        found = common(group, lenient)
        if found is None:
            if not family:
                return False
            continue
        value[key] = found
    return not any(_breaks(value, priced, f) for f in ((family,) if family else FAMILIES))


def _breaks(
    value: dict[tuple[str, str, str, str], Iv],
    priced: set[tuple[str, str, str, str]],
    family: str,
) -> bool:

    for (metric, subject, period, unit), spend in value.items():
        if metric != "spend" or family != "relation":
            continue
        units = value.get(("units", subject, period, "GPU"))
        price = _price(value, priced, subject, period, f"{unit}/GPU")
        if units is not None and price is not None and not times(units, price).meets(spend):
            return True
    for (metric, subject, period, unit), whole in value.items():
        if metric not in ADDITIVE:
            continue
        # a part is at most its whole
        for part_subject in (subject, *MEMBERS.get(subject, ())):
            for part_period in (period, *HALVES.get(period, ())):
                part = value.get((metric, part_subject, part_period, unit))
                if (part_subject, part_period) == (subject, period) or part is None:
                    continue
                if family == "part-whole" and not below(part, whole):
                    return True
        # parts add up to at most the whole, and to the whole where they cover it
        for parts in (
            [(metric, s, period, unit) for s in MEMBERS.get(subject, ())],
            [(metric, subject, p, unit) for p in HALVES.get(period, ())],
        ):
            present = [value[k] for k in parts if k in value]
            lows = [p for p in present if p.lo > 0 or p.lo_open]
            if lows and family == "parts-sum":
                total = Iv(sum((p.lo for p in lows), Fraction(0)), INF,
                           any(p.lo_open for p in lows), True)  # fmt: skip
                if not below(total, whole):
                    return True
            if parts and len(present) == len(parts) and family == "cover":
                total = Iv(Fraction(0), Fraction(0))
                for p in present:
                    total = plus(total, p)
                if not below(whole, total):  # above it is the parts-sum's (values are >= 0)
                    return True
    return False


def _price(
    value: dict[tuple[str, str, str, str], Iv],
    priced: set[tuple[str, str, str, str]],
    subject: str,
    period: str,
    unit: str,
) -> Iv | None:
    """The price on the scope, else on the nearest broader one with a claim
    (``priced``): the subject's group before the year of a half."""
    if any(k[:3] == ("price", subject, period) for k in priced):
        return value.get(("price", subject, period, unit))  # claimed here, if in another currency
    periods = [period, *((YEAR[period],) if period in YEAR else ())]
    periods = [p for p in periods if p == period or any(k[2] == p for k in priced)]
    for s in (subject, *((PARENT[subject],) if subject in PARENT else ())):
        for p in periods:
            if ("price", s, p, unit) in priced:
                return value.get(("price", s, p, unit))
    return None


def minimal_inconsistent(
    claims: Sequence[Said], lenient: bool = False, whole: bool = False, family: str = ""
) -> list[frozenset[str]]:
    """Every minimal set of claims that cannot all be true, by enumerating subsets
    (with ``whole``, prices stand in as they do in the whole desk; with
    ``family``, under that kind of constraint alone)."""
    context = claims if whole else ()
    n = len(claims)
    bad = [False] * (1 << n)
    found = []
    for mask in sorted(range(1 << n), key=lambda m: m.bit_count()):
        if any(bad[mask & ~(1 << i)] for i in range(n) if mask >> i & 1):
            bad[mask] = True  # holds an inconsistent set: not minimal
            continue
        chosen = [claims[i] for i in range(n) if mask >> i & 1]
        if not consistent(chosen, lenient, context, family):
            bad[mask] = True
            found.append(frozenset(c.id for c in chosen))
    return found
