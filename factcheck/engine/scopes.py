"""The scope index: claims grouped by what their value is about, and the
hierarchies that relate one scope to another.

A scope is (metric, subject, period, product, counterparty). Within a scope,
claims are grouped again by unit: claims in different currencies cannot be
compared and never are. Each group is a ``Cell``, holding the common part of
its claims' intervals when they share one.

Everything is built in one pass over the claims, with dictionaries keyed by
scope, so rules look their neighbours up instead of comparing every claim
with every other: cost grows with the number of claims, not its square.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property

from ..desk.model import Claim, Desk, Metric
from ..desk.texts import ArchivedTexts
from ..values.amounts import Amount, Category, DateValue, TimeValue
from ..values.intervals import Interval, intersection
from ..values.periods import Period
from .findings import Scope
from .origins import Origins

#: The units of cells that hold no amount: nothing adds them, converts or prices them.
NOT_AMOUNTS = ("date", "time", "datetime", "category")


class Cell:
    """The claims of one scope in one unit ("USD", "GPU", "date", "category").

    Once the index is built, each cell is sealed: ``interval`` (the values all
    its claims allow, None when they share none or are words), ``floor_claim``
    (the claim with the highest lower bound: it sets the floor, pushing the
    value up the most) and ``ceiling_claim`` (the claim with the lowest upper
    bound: it sets the ceiling, holding the value down the most).
    """

    __slots__ = ("ceiling_claim", "claims", "floor_claim", "interval", "scope", "unit")

    def __init__(self, scope: Scope, unit: str) -> None:
        self.scope = scope
        self.unit = unit
        self.claims: list[Claim] = []
        self.interval: Interval | None = None
        self.floor_claim: Claim
        self.ceiling_claim: Claim

    @property
    def metric(self) -> str:
        return self.scope[0]

    def seal(self) -> None:
        claims = self.claims
        first = claims[0]
        self.floor_claim = self.ceiling_claim = first
        if isinstance(first.value, Category):
            return
        if len(claims) == 1:
            self.interval = first.value.interval
            return
        self.floor_claim = floor_of(claims)
        self.ceiling_claim = ceiling_of(claims)
        common: Interval | None = None
        for claim in claims:
            value = claim.value
            assert isinstance(value, Amount | DateValue)
            common = value.interval if common is None else intersection(common, value.interval)
            if common is None:
                return
        self.interval = common


def bounds(claim: Claim) -> Interval:
    """The interval of a claim whose value is a number or a date."""
    value = claim.value
    assert isinstance(value, Amount | DateValue)
    return value.interval


def _floor_key(claim: Claim) -> tuple[float, bool, str]:
    interval = claim.value.interval  # type: ignore[union-attr]
    return interval.lo, interval.lo_open, claim.id


def _ceiling_key(claim: Claim) -> tuple[float, bool, str]:
    interval = claim.value.interval  # type: ignore[union-attr]
    return interval.hi, not interval.hi_open, claim.id


def floor_of(claims: Iterable[Claim]) -> Claim:
    """The claim with the highest lower bound (it pushes a value up the most)."""
    return max(claims, key=_floor_key)


def ceiling_of(claims: Iterable[Claim]) -> Claim:
    """The claim with the lowest upper bound (it holds a value down the most)."""
    return min(claims, key=_ceiling_key)


#: Below one (metric, subject): period -> (product, counterparty) -> cells.
Level = dict[str, dict[tuple[tuple[str, ...], str], list[Cell]]]


def unit_of(claim: Claim) -> str:
    value = claim.value
    if isinstance(value, Amount):
        return value.unit
    if isinstance(value, TimeValue):
        return value.kind  # "time" or "datetime"
    return "date" if isinstance(value, DateValue) else "category"


class ScopeIndex:
    """Claims by scope and unit, with the desk's hierarchies along each axis."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.origins = Origins(desk)
        self.texts = ArchivedTexts()  # archived articles, read once per run
        self.cells: dict[tuple[Scope, str], Cell] = {}
        self.by_scope: dict[Scope, list[Cell]] = {}
        self.by_metric: dict[str, list[Cell]] = {}
        self.periods: dict[str, Period] = {}
        self.metric_periods: dict[str, set[str]] = {}
        for claim in desk.claims:
            scope = claim.scope
            key = (scope, unit_of(claim))
            cell = self.cells.get(key)
            if cell is None:
                cell = self.cells[key] = Cell(scope, key[1])
                self.by_scope.setdefault(scope, []).append(cell)
                self.by_metric.setdefault(scope[0], []).append(cell)
            cell.claims.append(claim)
            if claim.period is not None:
                self.periods[claim.period.text] = claim.period
                self.metric_periods.setdefault(claim.metric, set()).add(claim.period.text)
        for cell in self.cells.values():
            cell.seal()
        self._ancestors: dict[str, tuple[str, ...]] = {}
        self._containing: dict[tuple[str, str], tuple[str, ...]] = {}
        self._inside: dict[str, tuple[Period, ...]] = {}

    def metric(self, scope: Scope) -> Metric:
        return self.desk.metrics[scope[0]]

    def beside(self, cell: Cell, axis: int, value: str | tuple[str, ...]) -> Cell | None:
        """The cell in ``cell``'s unit on its scope with one axis replaced (see
        ``with_axis``), looked up through the tree's small dictionaries."""
        metric, subject, period, product, party = with_axis(cell.scope, axis, value)
        level = self.tree.get((metric, subject))
        variants = None if level is None else level.get(period)
        cells = None if variants is None else variants.get((product, party))
        return None if cells is None else in_unit(cells, cell.unit)

    # -- hierarchies -------------------------------------------------------------

    def subject_wholes(self, subject: str) -> tuple[str, ...]:
        """Every entity ``subject`` is part of (transitively): its wholes and groups."""
        found = self._ancestors.get(subject)
        if found is not None:
            return found
        parents = self.parents(subject)
        result: dict[str, None] = {}
        for parent in parents:
            result[parent] = None
            for above in self.subject_wholes(parent):
                result[above] = None
        found = self._ancestors[subject] = tuple(result)
        return found

    @cached_property
    def _groups_of(self) -> dict[str, list[str]]:
        groups: dict[str, list[str]] = {}
        for entity in self.desk.entities.values():
            for member in entity.members:
                groups.setdefault(member, []).append(entity.id)
        return groups

    def parents(self, subject: str) -> tuple[str, ...]:
        entity = self.desk.entities.get(subject)
        direct = entity.part_of if entity else ()
        return tuple(dict.fromkeys((*direct, *self._groups_of.get(subject, ()))))

    def sub_periods(self, period: str) -> tuple[Period, ...]:
        """Periods claimed anywhere in the desk that lie strictly inside ``period``."""
        found = self._inside.get(period)
        if found is None:
            outer = self.periods[period]
            found = self._inside[period] = tuple(
                sorted(p for p in self.periods.values() if p.text != period and outer.contains(p))
            )
        return found

    def containing_periods(self, metric: str, period: str) -> tuple[str, ...]:
        """Periods with claims on ``metric`` that strictly contain ``period``."""
        key = (metric, period)
        found = self._containing.get(key)
        if found is None:
            inner = self.periods[period]
            found = tuple(
                sorted(
                    other
                    for other in self.metric_periods.get(metric, ())
                    if other != period and self.periods[other].contains(inner)
                )
            )
            self._containing[key] = found
        return found

    @cached_property
    def tree(
        self,
    ) -> dict[tuple[str, str], dict[str, dict[tuple[tuple[str, ...], str], list[Cell]]]]:
        """The cells as (metric, subject) -> period -> (product, counterparty) -> cells.

        Rules that walk hierarchies go through this tree in its own order, so
        that neighbouring scopes are looked up in small dictionaries that stay
        in the processor's cache, rather than in one table of every scope."""
        tree: dict[tuple[str, str], Level] = {}
        for (metric, subject, period, product, party), cells in self.by_scope.items():
            tree.setdefault((metric, subject), {}).setdefault(period, {})[(product, party)] = cells
        return tree

    @cached_property
    def _multi_products(self) -> dict[str, set[tuple[str, ...]]]:
        table: dict[str, set[tuple[str, ...]]] = {}
        for scope in self.by_scope:
            if len(scope[3]) > 1:
                for product in scope[3]:
                    table.setdefault(product, set()).add(scope[3])
        return table

    def wider_products(self, product: tuple[str, ...]) -> list[tuple[str, ...]]:
        """Claimed unions of products that hold every product of ``product``."""
        wanted = set(product)
        return sorted(
            t for t in self._multi_products.get(product[0], ()) if t != product and wanted <= set(t)
        )


def in_unit(cells: list[Cell], unit: str | None) -> Cell | None:
    """The cell in ``unit`` among one scope's cells (the first when unit is None)."""
    for cell in cells:
        if unit is None or cell.unit == unit:
            return cell
    return None


def with_axis(scope: Scope, axis: int, value: str | tuple[str, ...]) -> Scope:
    """The scope with one axis (1 subject, 2 period, 3 product, 4 counterparty) replaced."""
    items: list[object] = list(scope)
    items[axis] = value
    return tuple(items)  # type: ignore[return-value]
