"""Each consistency rule on small desks: what it must flag, and what it must not."""

from __future__ import annotations

import json

import pytest

from factcheck import DeskError, Finding, Report, load, reconcile, render
from factcheck.engine.findings import STRENGTHS

from .conftest import MakeDesk, said


def claims(*rows: str) -> str:
    text = "claims:\n"
    for number, row in enumerate(rows, 1):
        source = "" if "source:" in row else "source: wire, "
        text += f"  - {{id: c{number}, {source}quote: q, {row}}}\n"
    return text


def run(make_desk: MakeDesk, *rows: str, extra: str = "") -> Report:
    return reconcile(load(make_desk({"c.yaml": claims(*rows) + extra})))


def kinds(report: Report, kind: str = "conflict") -> list[tuple[str, tuple[str, ...]]]:
    return [(f.rule, f.claims) for f in report.findings if f.kind == kind]


# -- same scope ---------------------------------------------------------------------


def test_disjoint_readings_conflict_with_the_smallest_pair(make_desk: MakeDesk) -> None:
    report = run(
        make_desk,
        "subject: acme, metric: spend, period: 2023, value: about 1 billion USD",
        "subject: acme, metric: spend, period: 2023, value: 1.1 billion USD",
        "subject: acme, metric: spend, period: 2023, value: at least 4 billion USD",
    )
    assert kinds(report) == [("same-scope", ("c2", "c3"))]
    (conflict,) = report.conflicts
    assert conflict.removal == ("c3",)  # without c3 the other two agree
    assert "3.8 to 4.2" not in said(report, conflict).message
    assert "at least 4 billion USD" in " ".join(said(report, conflict).arithmetic)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("about 1 billion USD", "1.15 billion USD"),  # [0.8, 1.2] meets [1.0925, 1.2075]
        ("at most 100 USD", "exactly 100 USD"),  # closed bounds touch
        ("nearly 5 billion USD", "exactly 4 billion USD"),  # nearly: 20% below, not above
    ],
)
def test_overlapping_readings_are_not_flagged(make_desk: MakeDesk, a: str, b: str) -> None:
    report = run(
        make_desk,
        f"subject: acme, metric: spend, period: 2023, value: {a}",
        f"subject: acme, metric: spend, period: 2023, value: {b}",
    )
    assert kinds(report) == []


def test_open_bounds_that_only_touch_conflict(make_desk: MakeDesk) -> None:
    report = run(
        make_desk,
        "subject: acme, metric: spend, period: 2023, value: less than 100 USD",
        "subject: acme, metric: spend, period: 2023, value: exactly 100 USD",
    )
    assert kinds(report) == [("same-scope", ("c1", "c2"))]


def test_different_scopes_are_never_compared(make_desk: MakeDesk) -> None:
    report = run(
        make_desk,
        "subject: acme, metric: spend, period: 2023, value: exactly 1 USD",
        "subject: acme, metric: spend, period: 2022, value: exactly 9 USD",
        "subject: globex, metric: spend, period: 2023, value: exactly 9 USD",
        "subject: acme, metric: spend, value: exactly 9 USD",
    )
    assert kinds(report) == []


def test_dates_and_categories(make_desk: MakeDesk) -> None:
    report = run(
        make_desk,
        "subject: acme, metric: launch, value: before 2022-09",
        "subject: acme, metric: launch, value: 2022-09",
        "subject: globex, metric: launch, value: 2022",
        "subject: globex, metric: launch, value: 2022-09",
        "subject: acme, metric: status, period: 2023, value: restricted",
        "subject: acme, metric: status, period: 2023, value: Unrestricted",
        "subject: globex, metric: status, period: 2023, value: restricted",
        "subject: globex, metric: status, period: 2023, value: RESTRICTED",
    )
    assert kinds(report) == [("same-scope", ("c1", "c2")), ("same-scope", ("c5", "c6"))]


def test_agreement_counts_origins_not_claims(make_desk: MakeDesk) -> None:
    rows = [
        "subject: acme, metric: spend, period: 2023, value: about 1 billion USD",
        "subject: acme, metric: spend, period: 2023, value: 1 billion USD",
    ]
    same = run(make_desk, *rows)
    assert kinds(same, "repetition") == [("same-scope", ("c1", "c2"))]
    assert kinds(same, "agreement") == []
    other = run(make_desk, rows[0], rows[1] + ", source: daily")
    assert kinds(other, "agreement") == [("same-scope", ("c1", "c2"))]
    assert kinds(other, "single-origin") == []


# -- currencies ------------------------------------------------------------------------


def test_different_currencies_are_incomparable_not_a_conflict(make_desk: MakeDesk) -> None:
    report = run(
        make_desk,
        "subject: acme, metric: spend, period: 2023, value: exactly 1 billion USD",
        "subject: acme, metric: spend, period: 2023, value: exactly 7 billion CNY",
    )
    assert kinds(report) == []
    assert kinds(report, "incomparable") == [("currency", ("c1", "c2"))]
    assert report.exit_code("conflict") == 0 and report.exit_code("warning") == 1


# -- relations ----------------------------------------------------------------------------


def test_units_times_price_must_match_spend(make_desk: MakeDesk) -> None:
    report = run(
        make_desk,
        "subject: acme, metric: units, period: 2023, value: about 100000 GPU",
        "subject: acme, metric: price, period: 2023, value: about 10000 USD/GPU",
        "subject: acme, metric: spend, period: 2023, value: 5 billion USD",
    )
    assert kinds(report) == [("relation", ("c1", "c2", "c3"))]
    (conflict,) = report.conflicts
    assert said(report, conflict).arithmetic[0] == (
        "units × price: 80,000 to 120,000 GPUs × 8,000 to 12,000 USD/GPU = 640 million to "
        "1.44 billion USD"
    )
    assert set(conflict.removal) == {"c1", "c2", "c3"}


def test_a_relation_that_holds_is_an_agreement_with_the_implied_figure(
    make_desk: MakeDesk,
) -> None:
    report = run(
        make_desk,
        "subject: acme, metric: units, period: 2023, value: about 100000 GPU",
        "subject: acme, metric: price, period: 2023, value: about 10000 USD/GPU, source: daily",
        "subject: acme, metric: spend, period: 2023, value: about 1 billion USD",
    )
    assert kinds(report) == []
    (agreement,) = report.of_kind("agreement")
    assert (
        said(report, agreement).arithmetic[0]
        == "1 billion USD ÷ 100,000 GPUs = 10,000 USD/GPU (as stated)"
    )
    assert "within the stated 'about 10000 USD/GPU'" in said(report, agreement).message


def test_a_broader_price_applies_as_a_stated_assumption(make_desk: MakeDesk) -> None:
    report = run(
        make_desk,
        "subject: acme, metric: units, period: 2023-H1, product: chip, value: exactly 1000 GPU",
        "subject: market, metric: price, period: 2023, value: exactly 10 USD/GPU",
        "subject: acme, metric: spend, period: 2023-H1, product: chip, value: exactly 1 million USD",
    )
    (conflict,) = report.conflicts
    assert conflict.rule == "relation"
    assert said(report, conflict).assumptions == (
        "Average price stated for Market, 2023 (c2) is assumed to hold for Acme Corp, H1 2023, "
        "product Chip",
    )


def test_a_broader_additive_figure_is_not_used_in_a_relation(make_desk: MakeDesk) -> None:
    report = run(
        make_desk,
        "subject: acme, metric: units, period: 2023, value: exactly 1000 GPU",
        "subject: acme, metric: price, period: 2023, value: exactly 10 USD/GPU",
        "subject: market, metric: spend, period: 2023, value: exactly 1 million USD",
    )
    assert kinds(report) == []


# -- additive hierarchies ---------------------------------------------------------------------


def test_a_part_cannot_exceed_its_whole(make_desk: MakeDesk) -> None:
    report = run(
        make_desk,
        "subject: group, metric: spend, period: 2022, value: 4 billion USD",
        "subject: market, metric: spend, period: 2022, value: about 1 billion USD",
        "subject: acme, metric: spend, period: 2022-Q3, value: about 100 million USD",
    )
    assert kinds(report) == [("part-whole", ("c1", "c2"))]
    (conflict,) = report.conflicts
    assert "The group is part of Market" in said(report, conflict).message


def test_members_add_up_to_at_most_the_group(make_desk: MakeDesk) -> None:
    report = run(
        make_desk,
        "subject: acme, metric: spend, period: 2022, value: exactly 6 USD",
        "subject: globex, metric: spend, period: 2022, value: exactly 5 USD",
        "subject: group, metric: spend, period: 2022, value: exactly 10 USD",
    )
    assert kinds(report) == [("parts-sum", ("c1", "c2", "c3"))]


def test_halves_cover_the_year(make_desk: MakeDesk) -> None:
    report = run(
        make_desk,
        "subject: acme, metric: energy, period: 2023-H1, value: 30 GWh",
        "subject: acme, metric: energy, period: 2023-H2, value: 12 GWh",
        "subject: acme, metric: energy, period: 2023, value: 48 GWh",
    )
    assert kinds(report) == [("cover", ("c1", "c2", "c3"))]
    (conflict,) = report.conflicts
    assert said(report, conflict).arithmetic[0] == (
        "H1 2023 30 + H2 2023 12 = 42 GWh as stated, 39.9 to 44.1 GWh with the hedges, "
        "but 2023 is '48 GWh' (45.6 to 50.4 GWh)"
    )


def test_quarters_are_summed_in_the_order_of_the_year(make_desk: MakeDesk) -> None:
    """All four quarters are needed to exceed the year's 135 million: their lowest
    readings add up to 0.95 × 149.1 = 141.6 million. They are listed Q1 to Q4, not by
    size, with the sum of the figures stated (149.1) next to the hedged bound."""
    report = run(
        make_desk,
        "subject: acme, metric: units, period: 2021-Q1, value: 15.4 million GPU",
        "subject: acme, metric: units, period: 2021-Q2, value: 61.0 million GPU",
        "subject: acme, metric: units, period: 2021-Q3, value: 31.9 million GPU",
        "subject: acme, metric: units, period: 2021-Q4, value: 40.8 million GPU",
        "subject: acme, metric: units, period: 2021, value: at most 135 million GPU",
    )
    assert kinds(report) == [("parts-sum", ("c1", "c2", "c3", "c4", "c5"))]
    (conflict,) = report.conflicts
    assert said(report, conflict).arithmetic[0] == (
        "Q1 2021 15.4 + Q2 2021 61 + Q3 2021 31.9 + Q4 2021 40.8 = 149.1 million GPUs as "
        "stated, at least 141.6 million GPUs with the hedges (the lowest reading of each), "
        "but the whole is 0 to 135 million GPUs"
    )
    assert [line.split(" ")[0] for line in said(report, conflict).arithmetic[1:5]] == [
        "c1", "c2", "c3", "c4",
    ]  # fmt: skip


def test_members_are_summed_in_the_order_the_desk_lists_them(make_desk: MakeDesk) -> None:
    report = run(
        make_desk,
        "subject: acme, metric: spend, period: 2022, value: exactly 5 USD",
        "subject: globex, metric: spend, period: 2022, value: exactly 6 USD",
        "subject: group, metric: spend, period: 2022, value: exactly 10 USD",
    )
    (conflict,) = report.conflicts
    assert (
        said(report, conflict)
        .arithmetic[0]
        .startswith("Acme Corp 5 + Globex 6 = 11 USD as stated, at least 11 USD with the hedges")
    )


def test_parts_that_do_not_cover_are_not_required_to_add_up(make_desk: MakeDesk) -> None:
    report = run(
        make_desk,
        "subject: acme, metric: energy, period: 2023-H1, value: 30 GWh",
        "subject: acme, metric: energy, period: 2023-Q3, value: 5 GWh",
        "subject: acme, metric: energy, period: 2023, value: 48 GWh",
    )
    assert kinds(report) == []


def test_quarters_overlapping_a_half_are_not_summed_twice(make_desk: MakeDesk) -> None:
    report = run(
        make_desk,
        "subject: acme, metric: energy, period: 2023-H1, value: exactly 30 GWh",
        "subject: acme, metric: energy, period: 2023-Q1, value: exactly 15 GWh",
        "subject: acme, metric: energy, period: 2023-Q2, value: exactly 15 GWh",
        "subject: acme, metric: energy, period: 2023, value: at most 40 GWh",
    )
    assert kinds(report) == []


def test_additive_axes_limit_the_checks(make_desk: MakeDesk) -> None:
    stock = "metrics:\n  staff: {unit: person, additive: [subject]}\n"
    report = run(
        make_desk,
        "subject: acme, metric: staff, period: 2023-Q1, value: exactly 100 people",
        "subject: acme, metric: staff, period: 2023, value: exactly 100 people",
        "subject: acme, metric: staff, period: 2023-Q2, value: exactly 100 people",
        extra=stock,
    )
    assert kinds(report) == []
    report = run(
        make_desk,
        "subject: acme, metric: staff, period: 2023, value: exactly 100 people",
        "subject: group, metric: staff, period: 2023, value: exactly 50 people",
        extra=stock,
    )
    assert kinds(report) == [("part-whole", ("c1", "c2"))]


def test_a_product_is_part_of_all_products(make_desk: MakeDesk) -> None:
    report = run(
        make_desk,
        "subject: acme, metric: units, period: 2023, product: chip, value: exactly 500 GPU",
        "subject: acme, metric: units, period: 2023, value: exactly 100 GPU",
    )
    assert kinds(report) == [("part-whole", ("c1", "c2"))]


# -- what an agreement rests on ---------------------------------------------------------------


def _relation_agreement(report: Report) -> Finding:
    (found,) = [f for f in report.findings if f.rule == "relation"]
    assert found.kind in ("agreement", "repetition")
    return found


@pytest.mark.parametrize(
    ("spend", "units", "price", "extra", "strength"),
    [
        # 800..1200 / 8..12 = 66.7..150, within 100 widened twice (50..200): the hedges
        ("about 1000 USD", "about 10 GPU", "exactly 100 USD/GPU", "", "hedges"),
        # the same within 100 widened only 1.2 times (83.3..120)? no: the stated 1000 / 10
        ("about 1000 USD", "about 10 GPU", "exactly 100 USD/GPU",
         "policy:\n  agreement_factor: 1.2\n", "stated"),
        # at least 1000 / 9.5..10.5 = 95.2..∞: open, but 1000 / 10 = 100 is within 80..120
        ("at least 1000 USD", "10 GPU", "about 100 USD/GPU", "", "stated"),
        # 95.2..∞ meets 160..240, but 1000 / 10 = 100 is not within it: nothing firm
        ("at least 1000 USD", "10 GPU", "about 200 USD/GPU", "", "loose"),
    ],
)  # fmt: skip
def test_an_agreement_says_what_it_rests_on(
    make_desk: MakeDesk, spend: str, units: str, price: str, extra: str, strength: str
) -> None:
    report = run(
        make_desk,
        f"subject: acme, metric: spend, period: 2023, value: {spend}",
        f"subject: acme, metric: units, period: 2023, value: {units}",
        f"subject: acme, metric: price, period: 2023, value: {price}, source: daily",
        extra=extra,
    )
    agreement = _relation_agreement(report)
    assert agreement.strength == strength
    tail = {
        "hedges": "; the hedges alone imply it",
        "stated": "; only the stated figures agree: their hedges",
        "loose": "; neither the hedges nor the stated figures pin it down",
    }[strength]
    assert tail in said(report, agreement).message
    data = json.loads(render(report, "json"))
    (row,) = [f for f in data["findings"] if f["rule"] == "relation"]
    assert row["strength"] == strength


def test_an_open_common_ground_is_a_loose_agreement(make_desk: MakeDesk) -> None:
    report = run(
        make_desk,
        "subject: acme, metric: spend, period: 2023, value: at least 5 USD",
        "subject: acme, metric: spend, period: 2023, value: more than 4 USD, source: daily",
    )
    (agreement,) = report.of_kind("agreement")
    assert agreement.strength == "loose"
    assert said(report, agreement).message.endswith(
        "common ground at least 5 USD (open-ended: the readings agree only on a bound)"
    )
    assert report.of_kind("conflict") == [] and agreement.strength in STRENGTHS


def test_an_agreement_factor_below_one_is_a_located_problem(make_desk: MakeDesk) -> None:
    with pytest.raises(DeskError) as info:
        load(make_desk({"p.yaml": "policy:\n  agreement_factor: 0.5\n"}))
    (problem,) = info.value.problems
    assert problem.message == "cannot read agreement_factor '0.5'"
    assert problem.location.line == 2


def test_a_relation_converts_its_units(make_desk: MakeDesk) -> None:
    """59.3 TWh at 50 EUR/MWh is 59.3 million MWh × 50 EUR = 2.965 billion EUR, within
    'about 3 billion EUR' (2.55 to 3.45 billion): an agreement. As stated, 3 billion EUR
    over 59.3 TWh implies 50.59 EUR/MWh. The factor of a million between TWh × EUR/MWh
    and EUR must not be lost (it was: 2,965 EUR against 3 billion made a false conflict)."""
    world = """
metrics:
  generation: {name: Generation, unit: TWh, additive: true}
  revenue: {name: Revenue, unit: currency, additive: true}
  capture: {name: Capture price, unit: currency/MWh}
relations:
  - revenue = generation * capture
"""
    report = run(
        make_desk,
        "subject: acme, metric: generation, period: 2024, value: exactly 59.3 TWh",
        "subject: acme, metric: revenue, period: 2024, value: about 3 billion EUR",
        "subject: acme, metric: capture, period: 2024, value: exactly 50 EUR/MWh, source: daily",
        extra=world,
    )
    assert report.conflicts == []
    agreement = _relation_agreement(report)
    assert said(report, agreement).arithmetic[0] == (
        "3 billion EUR ÷ 59.3 TWh = 50.59 EUR/MWh (as stated)"
    )
    off = run(
        make_desk,
        "subject: acme, metric: generation, period: 2024, value: exactly 59.3 TWh",
        "subject: acme, metric: revenue, period: 2024, value: exactly 4.1 billion EUR",
        "subject: acme, metric: capture, period: 2024, value: exactly 50 EUR/MWh, source: daily",
        extra=world,
    )
    (conflict,) = off.conflicts
    assert "imply exactly 2.965 billion EUR, but revenue is exactly 4.1 billion EUR" in (
        said(off, conflict).message
    )
