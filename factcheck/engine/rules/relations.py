"""Rule: arithmetic the desk declares between metrics (``spend = units * price``)
must be satisfiable on every scope where all three are claimed.

The three intervals are checked with interval arithmetic: the relation holds
for some values iff the result's interval meets ``left op right``. A claim on
an intensive metric (a price) whose scope is broader (a whole the subject is
part of, a period containing this one, all products) stands in for a missing
one, and the finding says so as an assumption.

Where the relation holds and two origins stand on the two sides, the finding
is a corroborated agreement: the FT's units and amount imply the price another
origin states.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Sequence

from ...desk.model import Metric, Policy, Relation
from ...values.amounts import Amount
from ...values.intervals import (
    OPERATIONS,
    Interval,
    add,
    div,
    mul,
    outward,
    sub,
)
from ...values.units import concrete
from .. import disputes
from ..findings import (
    Assumption,
    Figure,
    Finding,
    RelationAgreement,
    RelationConflict,
    Scope,
    Side,
    Undecidable,
)
from ..scopes import Cell, ScopeIndex, in_unit

RULE = "relation"

Base = tuple[str, str, tuple[str, ...], str]  # subject, period, product, counterparty


def check(index: ScopeIndex) -> Iterator[Finding]:
    for relation in index.desk.relations:
        yield from _relation(index, relation)


def _relation(index: ScopeIndex, relation: Relation) -> Iterator[Finding]:
    metrics = [index.desk.metrics[m] for m in (relation.result, relation.left, relation.right)]
    anchors = [m for m in metrics if not m.intensive] or metrics
    # every anchor metric must be claimed on the exact scope: start from the rarest
    anchors.sort(key=lambda m: len(index.by_metric.get(m.id, ())))
    others = [m.id for m in anchors[1:]]
    order = {m.id: i for i, m in enumerate(metrics)}
    lookup = sorted(metrics, key=lambda m: (m.intensive, order[m.id]))  # exact ones first
    tree = index.tree
    currency_of = index.desk.units.currency_of
    # walk the rarest anchor's scopes subject by subject: neighbours stay in cache
    for (metric_id, subject), level in tree.items():
        if metric_id != anchors[0].id:
            continue
        other_levels = [lv for m in others if (lv := tree.get((m, subject))) is not None]
        if len(other_levels) != len(others):
            continue
        for period, variants in level.items():
            for (product, party), cells in variants.items():
                beside = [
                    group
                    for o in other_levels
                    if (group := o.get(period, {}).get((product, party))) is not None
                ]
                if len(beside) != len(other_levels):
                    continue
                units = {currency_of(c.unit) for group in (cells, *beside) for c in group}
                for currency in sorted(units - {""} or {""}):
                    base: Base = (subject, period, product, party)
                    yield from _at(index, relation, lookup, order, base, currency)


def _at(
    index: ScopeIndex,
    relation: Relation,
    lookup: list[Metric],
    order: dict[str, int],
    base: Base,
    currency: str,
) -> list[Finding]:
    found: list[tuple[Cell, Assumption | None] | None] = [None, None, None]
    for metric in lookup:
        found[order[metric.id]] = _find(index, metric, base, currency)
        if found[order[metric.id]] is None:
            return []
    cells = [f[0] for f in found if f is not None]
    assumptions = tuple(f[1] for f in found if f is not None and f[1] is not None)
    return list(_check(index, relation, base, cells, assumptions))


def _find(
    index: ScopeIndex, metric: Metric, base: Base, currency: str
) -> tuple[Cell, Assumption | None] | None:
    """The cell of ``metric`` on ``base`` (or, for an intensive metric, on a broader
    scope), with the assumption that makes (None when exact)."""
    unit = concrete(metric.unit.text, currency) if "currency" in metric.unit.text else None
    subject, period, product, party = base
    exact = index.tree.get((metric.id, subject), {}).get(period, {}).get((product, party))
    if exact:
        cell = in_unit(exact, unit)
        return (cell, None) if cell is not None else None
    if not metric.intensive:
        return None
    periods = [period, *index.containing_periods(metric.id, period)] if period else [""]
    for s in (subject, *index.subject_wholes(subject)):
        for p in periods:
            for prod in dict.fromkeys((product, ())):
                for c in dict.fromkeys((party, "")):
                    scope: Scope = (metric.id, s, p, prod, c)
                    cell = in_unit(index.by_scope.get(scope, []), unit)
                    if cell is not None:
                        ids = tuple(sorted(x.id for x in cell.claims))
                        applied: Scope = (metric.id, *base)
                        return cell, Assumption("broader-scope", metric.id, scope, applied, ids)
    return None


def _scaled(x: Interval, k: float) -> Interval:
    """``x`` times a unit factor (rounded outward; unchanged when the factor is 1)."""
    return x if k == 1.0 else mul(x, Interval(k, k))


def _operands(relation: Relation, a: Interval, b: Interval) -> tuple[Interval, Interval]:
    """The operands in the result's unit (see ``Relation.left_scale``)."""
    return _scaled(a, relation.left_scale), _scaled(b, relation.right_scale)


def _combined(relation: Relation, a: Interval, b: Interval) -> Interval:
    """``left op right`` in the result's unit."""
    return OPERATIONS[relation.op](*_operands(relation, a, b))


def _implied(relation: Relation, role: int, r: Interval, a: Interval, b: Interval) -> Interval:
    """The interval of the result (role 0), left (1) or right (2) from the other
    two, each in its own metric's unit."""
    op = relation.op
    a, b = _operands(relation, a, b)
    if role == 0:
        return OPERATIONS[op](a, b)
    if role == 1:  # left from result and right
        left = {"+": sub, "-": add, "*": div, "/": mul}[op](r, b)
        return _scaled(left, 1 / relation.left_scale)
    # right from result and left
    right = {"+": lambda r_, a_: sub(r_, a_), "-": lambda r_, a_: sub(a_, r_),
             "*": lambda r_, a_: div(r_, a_),
             "/": lambda r_, a_: div(a_, r_)}[op](r, a)  # fmt: skip
    return _scaled(right, 1 / relation.right_scale)


def _nominal(relation: Relation, role: int, r: float, a: float, b: float) -> float | None:
    """The figure the stated numbers imply for ``role``, in its metric's unit."""
    a, b = a * relation.left_scale, b * relation.right_scale
    found = _nominal_scaled(relation, role, r, a, b)
    if found is None or role == 0:
        return found
    return found / (relation.left_scale if role == 1 else relation.right_scale)


def _nominal_scaled(relation: Relation, role: int, r: float, a: float, b: float) -> float | None:
    try:
        if role == 0:
            return {"+": a + b, "-": a - b, "*": a * b, "/": a / b if b else None}[relation.op]
        if role == 1:
            return {"+": r - b, "-": r + b, "*": r / b if b else None, "/": r * b}[relation.op]
        return {"+": r - a, "-": a - r, "*": r / a if a else None, "/": a / r if r else None}[
            relation.op
        ]
    except (OverflowError, ZeroDivisionError):  # pragma: no cover - guarded above
        return None


def _holds(relation: Relation, r: Interval, a: Interval, b: Interval) -> bool:
    """Whether some values of the three intervals satisfy the relation. Each enters
    the arithmetic one float wider (it stands for a decimal within half a float of
    its bounds), and the arithmetic rounds outward: binary rounding never makes a
    conflict."""
    return _combined(relation, outward(a), outward(b)).intersects(outward(r))


def _zero(divisor: Interval) -> bool:
    """Whether dividing by ``divisor`` says nothing: it can only be zero, or it
    may be of either sign (zero at one end is left out: see ``div``)."""
    return (divisor.lo == 0 and divisor.hi == 0) or divisor.lo < 0 < divisor.hi


def _check(
    index: ScopeIndex,
    relation: Relation,
    base: Base,
    cells: list[Cell],
    assumptions: tuple[Assumption, ...],
) -> Iterator[Finding]:
    r, a, b = (c.interval for c in cells)
    if relation.op == "/" and b is not None and _zero(b):
        # nothing can be divided by zero: the relation says nothing here
        yield Finding(
            kind="undecidable",
            rule="relation",
            claims=tuple(sorted(c.id for cell in cells for c in cell.claims)),
            detail=Undecidable(relation, base, tuple(c.id for c in cells[2].claims), b),
        )
        return
    if r is not None and a is not None and b is not None and _holds(relation, r, a, b):
        yield _agreement(index, relation, base, cells, assumptions)
        return
    slots = [c.claims for c in cells]

    def fails(readings: Sequence[Interval | None]) -> bool:
        r, a, b = readings
        return r is not None and a is not None and b is not None and not _holds(relation, r, a, b)

    memo: dict[tuple[int, str], bool] = {}
    for breach in disputes.breaches(slots, fails):
        removal = disputes.removal(slots, fails, breach, memo=memo)
        yield _conflict(index, relation, base, cells, assumptions, breach, removal)


def _conflict(
    index: ScopeIndex,
    relation: Relation,
    base: Base,
    cells: list[Cell],
    assumptions: tuple[Assumption, ...],
    breach: disputes.Breach,
    removal: tuple[str, ...],
) -> Finding:
    """A minimal set of claims on the three metrics that the relation cannot hold
    for; a disputed metric's alternatives are read as their hull."""
    left_reading, right_reading = breach.reading(1), breach.reading(2)
    assert left_reading is not None and right_reading is not None  # the relation needs both
    implied = Figure(_combined(relation, left_reading, right_reading), cells[0].unit)
    result, left, right = (breach.chosen[i][0] for i in range(3))
    sides = []
    for role, roles, key in (("result", (0,), relation.result), ("operands", (1, 2), "")):
        claims = [c for i in roles for c in breach.alternatives(i)]
        ids = tuple(sorted(c.id for c in claims))
        sides.append(Side(role, ids, index.origins.behind(claims), key))
    return Finding(
        kind="conflict",
        rule=RULE,
        claims=tuple(sorted(c.id for c in breach.claims)),
        detail=RelationConflict(relation, base, result.id, left.id, right.id, implied),
        sides=tuple(sides),
        removal=removal,
        assumptions=assumptions,
        whichever=tuple(tuple(c.id for c in alts) for _, alts in breach.whichever),
    )


def _agreement(
    index: ScopeIndex,
    relation: Relation,
    base: Base,
    cells: list[Cell],
    assumptions: tuple[Assumption, ...],
) -> Finding:
    metrics = [index.desk.metrics[c.metric] for c in cells]
    role = next((i for i, m in enumerate(metrics) if m.intensive), 0)
    target = cells[role]
    inputs = [c for i, c in enumerate(cells) if i != role]
    stated = [c.id for c in target.claims]
    used = [c.id for cell in inputs for c in cell.claims]
    origins_used = index.origins.behind(c for cell in inputs for c in cell.claims)
    origins_stated = index.origins.behind(target.claims)
    nominal = [_nominal_of(c) for c in cells]
    known = [n for i, n in enumerate(nominal) if i != role]
    others = [n for n in known if n is not None]
    implied_nominal = (
        _nominal(relation, role, *_slots(nominal)) if len(others) == len(known) else None
    )
    r, a, b = (c.interval for c in cells)
    assert r is not None and a is not None and b is not None  # checked by the caller
    given: list[tuple[float, str]] = []
    inside = False
    if implied_nominal is not None:
        given = [(n, c.unit) for n, c in zip(others, inputs, strict=True)]
        if role == 2 and relation.op in "-/":  # right = left - result, left / result
            given.reverse()
        inside = target.interval is not None and target.interval.contains(implied_nominal)
    everyone = {*origins_used, *origins_stated}
    implied = _implied(relation, role, r, a, b)
    assert target.interval is not None  # checked by the caller
    strength = _strength(implied, target.interval, implied_nominal, index.desk.policy)
    return Finding(
        kind="agreement" if len(everyone) > 1 else "repetition",
        rule=RULE,
        claims=tuple(sorted({*used, *stated})),
        detail=RelationAgreement(
            relation=relation,
            base=base,
            role=role,
            metric=metrics[role].id,
            implied=Figure(implied, target.unit),
            stated=tuple(stated),
            given_by=origins_used,
            nominal=implied_nominal,
            given=tuple(given),
            op=_inverse(relation, role),
            inside=inside,
            strength=strength,
        ),
        sides=(
            Side("implied", tuple(sorted(used)), origins_used, metrics[role].id),
            Side("stated", tuple(sorted(stated)), origins_stated, metrics[role].id),
        ),
        assumptions=assumptions,
    )


def _strength(implied: Interval, stated: Interval, nominal: float | None, policy: Policy) -> str:
    """What the agreement rests on (``STRENGTHS`` in ``findings``): the hedges when
    the implied interval is bounded and within the stated one widened
    ``policy.agreement_factor`` times; the stated figures when only the nominal
    figure they imply lands within the stated interval; else nothing firm."""
    factor = policy.agreement_factor
    if math.isfinite(implied.lo) and math.isfinite(implied.hi):
        low = stated.lo / factor if stated.lo >= 0 else stated.lo * factor
        high = stated.hi * factor if stated.hi >= 0 else stated.hi / factor
        if low <= implied.lo and implied.hi <= high:
            return "hedges"
    if nominal is not None and stated.contains(nominal):
        return "stated"
    return "loose"


def _nominal_of(cell: Cell) -> float | None:
    values = {c.value.nominal for c in cell.claims if isinstance(c.value, Amount)}
    return values.pop() if len(values) == 1 else None


def _slots(nominal: list[float | None]) -> tuple[float, float, float]:
    filled = [0.0 if n is None else n for n in nominal]
    return filled[0], filled[1], filled[2]


def _inverse(relation: Relation, role: int) -> str:
    """The operation that gives the metric in ``role`` from the other two."""
    if role == 0:
        return relation.op
    if role == 1:
        return {"+": "-", "-": "+", "*": "/", "/": "*"}[relation.op]
    return {"+": "-", "-": "-", "*": "/", "/": "/"}[relation.op]
