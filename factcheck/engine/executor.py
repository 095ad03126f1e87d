"""Scheduling rules from their traits (``factcheck.engine.rules``), on one or two cores.

The plan, made from each rule's ``per``, ``finds`` and ``needs`` alone:

1. *first*: rules that find what another chosen rule needs (agreements, for
   the independence rule), here;
2. *after*: rules that read findings (``per="findings"``), here, on what the
   first group found;
3. *sliced*: rules that check each claim alone (``per="claim"``), on slices of
   the claims, shared by both processes once each is done with its own group;
4. *background*: every other rule, in a forked child on a large desk (only
   findings cross the pipe), else here.

The findings are the same whichever process ran which rule: the runner
removes duplicates and sorts them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..parallel import Child, Slices, can_fork
from .findings import Finding
from .rules import RULES, Rule
from .scopes import ScopeIndex

#: Below this many claims everything runs in one process.
MIN_CLAIMS = 20_000
#: Claims in each slice of the rules that check one claim at a time.
SLICE = 1_000


@dataclass(frozen=True, slots=True)
class Plan:
    first: tuple[Rule, ...]
    after: tuple[Rule, ...]
    sliced: tuple[Rule, ...]
    background: tuple[Rule, ...]

    @classmethod
    def of(cls, rules: Sequence[Rule]) -> Plan:
        """The plan for ``rules`` plus the rules they need findings from."""
        needed = frozenset().union(*(r.needs for r in rules))
        providers = tuple(r for r in RULES if r.finds & needed and r not in rules)
        rules = tuple(r for r in RULES if r in rules or r in providers)
        after = tuple(r for r in rules if r.per == "findings")
        first = tuple(r for r in rules if r.finds & needed and r not in after)
        sliced = tuple(r for r in rules if r.per == "claim" and r not in first)
        background = tuple(r for r in rules if r not in (*first, *after, *sliced))
        return cls(first, after, sliced, background)


def execute(index: ScopeIndex, rules: Sequence[Rule], workers: int) -> list[Finding]:
    """Every finding of ``rules`` (and of the rules they need, which the caller
    filters out) on the desk of ``index``."""
    plan = Plan.of(rules)
    claims = index.desk.claims
    fork = workers >= 2 and len(claims) >= MIN_CLAIMS and can_fork()
    slices = Slices(len(claims), SLICE, shared=fork)

    def background() -> list[Finding]:
        return _run(index, plan.background) + _sliced(index, plan.sliced, slices.take())

    def redo() -> list[Finding]:  # the child died: its rules, and the slices not taken here
        return _run(index, plan.background) + _sliced(index, plan.sliced, slices.rest())

    child = Child(background, redo) if fork else None
    found = _run(index, plan.first)
    found += [f for rule in plan.after for f in rule.check(index, found)]
    if child is None:
        return found + background()
    found += _sliced(index, plan.sliced, slices.take())
    return found + child.result()


def _run(index: ScopeIndex, rules: Sequence[Rule]) -> list[Finding]:
    return [finding for rule in rules for finding in rule.check(index)]


def _sliced(index: ScopeIndex, rules: Sequence[Rule], parts: Iterable[range]) -> list[Finding]:
    claims = index.desk.claims
    found: list[Finding] = []
    for part in parts:
        chunk = claims[part.start : part.stop]
        for rule in rules:
            found.extend(rule.check(index, chunk))
    return found
