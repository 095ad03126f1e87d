from __future__ import annotations

from factcheck.rules import AGREEMENT_RULES, CLAIM_RULES, HIERARCHY_RULES, RULES


def test_the_groups_run_every_listed_rule_once() -> None:
    grouped = [*AGREEMENT_RULES, *HIERARCHY_RULES, *CLAIM_RULES]
    listed = [rule for _, rule in RULES]
    assert sorted(grouped, key=id) == sorted(listed, key=id)
