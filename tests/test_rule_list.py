from __future__ import annotations

from factcheck.rules import AGREEMENT_RULES, HIERARCHY_RULES, RULES


def test_the_two_groups_run_every_listed_rule_once() -> None:
    def base(rule: object) -> object:
        return getattr(rule, "func", rule)

    grouped = [base(r) for r in (*AGREEMENT_RULES, *HIERARCHY_RULES)]
    listed = [rule for _, rule in RULES]
    assert set(grouped) == set(listed)
    shared = [r for r in grouped if grouped.count(r) > 1]
    assert {getattr(r, "__module__", "") for r in shared} <= {"factcheck.rules.quotes"}
