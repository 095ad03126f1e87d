"""The consistency rules: each a small unit that reads the scope index and yields findings.

Every rule declares its traits, and the executor (``factcheck.engine.executor``)
schedules rules from them alone:

- ``per``: ``"claim"`` (checks each claim alone: ``check(index, claims)`` on
  any slice of the desk's claims), ``"scope"`` (reads scopes and their
  neighbours: ``check(index)``), or ``"findings"`` (reads what other rules
  found: ``check(index, findings)``);
- ``reads``: the parts of the desk it reads (``scopes``, ``hierarchies``,
  ``relations``, ``origins``, ``quotes``, ``archive``, ``articles``, ``sources``);
- ``finds``: the kinds of finding it may make;
- ``needs``: the kinds of finding it reads, so it runs after the rules that
  find them.

``RULES`` lists them all; a rule's name is the ``rule`` of its findings.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ...errors import UsageError
from ...suggest import did_you_mean
from ..findings import Finding
from . import (
    archived_quotes,
    currencies,
    hierarchy,
    independence,
    quote_names,
    quote_support,
    relations,
    relays,
    same_scope,
)  # fmt: skip

PER = ("claim", "scope", "findings")


@dataclass(frozen=True, slots=True)
class Rule:
    """A rule and the traits the executor schedules it by."""

    name: str
    check: Callable[..., Iterator[Finding]]
    per: str
    reads: frozenset[str]
    finds: frozenset[str]
    needs: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if self.per not in PER:
            raise ValueError(f"rule {self.name}: 'per' must be one of {PER}")


def _rule(
    name: str,
    check: Callable[..., Iterator[Finding]],
    per: str,
    reads: str,
    finds: str,
    needs: str = "",
) -> Rule:
    return Rule(
        name, check, per, frozenset(reads.split()), frozenset(finds.split()),
        frozenset(needs.split()),
    )  # fmt: skip


RULES: tuple[Rule, ...] = (
    _rule("same-scope", same_scope.check, "scope", "scopes origins",
          "conflict agreement repetition"),
    _rule("currency", currencies.check, "scope", "scopes origins", "incomparable"),
    _rule("relation", relations.check, "scope", "scopes hierarchies relations origins",
          "conflict agreement repetition undecidable"),
    _rule("part-whole", hierarchy.part_whole, "scope", "scopes hierarchies origins", "conflict"),
    _rule("parts-sum", hierarchy.parts_sum, "scope", "scopes hierarchies origins", "conflict"),
    _rule("cover", hierarchy.cover, "scope", "scopes hierarchies origins", "conflict"),
    _rule("quote", quote_support.check, "claim", "quotes origins", "unsupported-quote"),
    _rule("archive", archived_quotes.check, "claim", "quotes archive articles origins",
          "quote-not-in-archive"),
    _rule("quote-names", quote_names.check, "scope", "quotes sources entities origins",
          "alias-suggestion"),
    _rule("relays", relays.check, "scope", "articles origins", "relay-loop"),
    _rule("independence", independence.check, "findings", "origins",
          "single-origin circular-reporting", needs="agreement repetition"),
)  # fmt: skip

RULE_NAMES = tuple(rule.name for rule in RULES)


def select(names: Iterable[str] | None) -> tuple[Rule, ...]:
    """The rules named (all when ``names`` is None), in ``RULES`` order; an
    unknown name is a ``UsageError`` with the nearest names."""
    if names is None:
        return RULES
    wanted = list(names)
    for name in wanted:
        if name not in RULE_NAMES:
            hint = did_you_mean(name, RULE_NAMES, f"rules: {', '.join(RULE_NAMES)}")
            raise UsageError(f"unknown rule '{name}'; {hint}")
    return tuple(rule for rule in RULES if rule.name in wanted)
