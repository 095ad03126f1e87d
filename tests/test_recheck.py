"""What to doubt first: the fewest claims whose removal leaves the desk without conflict."""

from __future__ import annotations

import json

from factcheck import load, reconcile, render
from factcheck.engine.findings import Disagreement, Finding, Side
from factcheck.engine.recheck import EXACT_CLAIMS, recheck

from .conftest import SEED_CLAIMS, MakeDesk


def test_the_claim_three_origins_contradict_comes_first(make_desk: MakeDesk) -> None:
    """acme's spend: 10 USD says the wire; 20 USD say the daily and an agency.
    Only removing the wire's claim restores the scope: it is contradicted by two
    independent origins."""
    desk = make_desk({
        "s.yaml": "sources:\n  agency: {name: An Agency}\n",
        "c.yaml": """
            claims:
              - {id: low, source: wire, subject: acme, metric: spend, period: 2023, value: exactly 10 USD, quote: q}
              - {id: high, source: daily, subject: acme, metric: spend, period: 2023, value: exactly 20 USD, quote: q}
              - {id: high-too, source: agency, subject: acme, metric: spend, period: 2023, value: exactly 20 USD, quote: q}
        """,
    })  # fmt: skip
    report = reconcile(load(desk))
    assert [r.claims for r in report.recheck.removals] == [("low",)]
    first = report.recheck.ranking[0]
    assert (first.claim, first.against, first.conflicts) == ("low", ("agency", "daily"), 1)
    text = render(report, "text").splitlines()
    assert text[1] == (
        "Re-check first: low (1 origin; contradicted by 2 independent origins in 1 conflict)"
    )
    data = json.loads(render(report, "json"))
    assert data["recheck"]["removals"] == [{"claims": ["low"], "exact": True}]
    assert data["recheck"]["ranking"][0]["against"] == ["agency", "daily"]


def test_a_claim_in_two_conflicts_resolves_both(make_desk: MakeDesk) -> None:
    """The group's 100 USD is below acme's 150 and globex's 120, each a part of it:
    removing the group's figure alone resolves both conflicts."""
    desk = make_desk({"c.yaml": """
        claims:
          - {id: group-total, source: wire, subject: group, metric: spend, period: 2023, value: exactly 100 USD, quote: q}
          - {id: acme-part, source: daily, subject: acme, metric: spend, period: 2023, value: exactly 150 USD, quote: q}
          - {id: globex-part, source: daily, subject: globex, metric: spend, period: 2023, value: exactly 120 USD, quote: q}
    """})  # fmt: skip
    report = reconcile(load(desk))
    assert len(report.conflicts) >= 2
    assert [r.claims for r in report.recheck.removals] == [("group-total",)]
    assert report.recheck.ranking[0].claim == "group-total"
    assert report.recheck.ranking[0].conflicts == len(report.conflicts)


def test_no_conflict_no_line(make_desk: MakeDesk) -> None:
    desk = make_desk({"c.yaml": """
        claims:
          - {id: a, source: wire, subject: acme, metric: spend, period: 2023, value: about 10 USD, quote: q}
    """})  # fmt: skip
    report = reconcile(load(desk))
    assert report.recheck.removals == () and report.recheck.ranking == ()
    assert "Re-check" not in render(report, "text")


def test_the_seed_desk_names_both_sides_of_its_one_conflict() -> None:
    report = reconcile(load(SEED_CLAIMS))
    removals = [r.claims for r in report.recheck.removals]
    assert removals == [("ft-deliveries-2022",), ("jiwei-china-market-2022",)]
    assert (
        render(report, "text")
        .splitlines()[1]
        .startswith(
            "Re-check first: ft-deliveries-2022 (1 origin; contradicted by 1 independent origin"
        )
    )


def _pair(a: str, b: str) -> Finding:
    scope = ("m", "s", "", (), "")
    sides = (Side("floor", (a,), (a,), a), Side("ceiling", (b,), (b,), b))
    return Finding("conflict", "same-scope", (a, b), Disagreement(scope, a, b), sides)


def test_smallest_sets_are_exact_on_small_components_and_greedy_beyond() -> None:
    # a cycle of five pairs: any hitting set needs three claims; there are five of them
    cycle = [_pair(f"c{i}", f"c{(i + 1) % 5}") for i in range(5)]
    found = recheck(cycle, {f"c{i}": (f"o{i}",) for i in range(5)})
    assert {len(r.claims) for r in found.removals} == {3} and len(found.removals) == 5
    assert all(r.exact for r in found.removals)
    # a star around 'hub' larger than the exact bound: the greedy choice is the hub
    star = [_pair("hub", f"leaf{i:02d}") for i in range(EXACT_CLAIMS + 4)]
    (greedy,) = recheck(star, {}).removals
    assert greedy == type(greedy)(("hub",), exact=False)
