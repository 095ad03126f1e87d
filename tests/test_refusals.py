"""Readings that are right or refused (issue "Never misread"): each case a
hostile or careless user wrote, read as the journalist meant it or refused
with a located message, every problem of the desk listed at once."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck import DeskError, Report, load, reconcile
from factcheck.render.messages import Phrasebook

from .conftest import MakeDesk

TEMPERATURE = """\
metrics:
  temp: {name: Temperature, unit: degC, signed: true}
"""

DIVIDING = """\
units:
  GPU: {kind: count}
metrics:
  spend: {name: Money spent, unit: currency, additive: true}
  units: {name: Units bought, unit: GPU, additive: true}
  price: {name: Average price, unit: currency/GPU}
relations:
  - price = spend / units
entities:
  acme: {name: Acme}
"""


def claim(ident: str, metric: str, value: str, period: str = "2021") -> str:
    return (
        f"  - {{id: {ident}, source: wire, subject: acme, metric: {metric}, "
        f"period: {period}, value: {value}, quote: q}}\n"
    )


def problems(claims: Path) -> list[str]:
    with pytest.raises(DeskError) as info:
        load(claims)
    return [p.message for p in info.value.problems]


def test_a_relative_spread_before_the_unit_is_a_share_of_the_value(make_desk: MakeDesk) -> None:
    desk = load(
        make_desk(
            {
                "a.yaml": "claims:\n"
                + claim("s", "spend", "1 billion ± 10% USD")
                + claim("p", "price", "10000 ± 10% USD/GPU")
                + claim("q", "price", "10000 USD/GPU ± 10%", "2022")
            }
        )
    )
    spend, price, after = (desk.claim(i).value.interval for i in ("s", "p", "q"))  # type: ignore[union-attr]
    assert (spend.lo, spend.hi) == (900_000_000, 1_100_000_000)
    assert (price.lo, price.hi) == (9_000, 11_000) == (after.lo, after.hi)


def test_a_spread_that_crosses_zero_is_refused(make_desk: MakeDesk) -> None:
    claims = make_desk({"a.yaml": "claims:\n" + claim("s", "spend", "5 USD ± 200%")})
    assert problems(claims) == [
        "claim 's': '5 USD ± 200%' reaches below zero (-5), but this metric cannot be negative"
    ]


def test_temperatures_are_never_converted_as_factors(make_desk: MakeDesk) -> None:
    claims = make_desk(
        {
            "t.yaml": TEMPERATURE
            + "claims:\n"
            + claim("f", "temp", "50 degF")
            + claim("k", "temp", "300 K", "2022")
            + claim("c", "temp", "10 degC", "2023")
        }
    )
    assert problems(claims) == [
        "claim 'f': '50 degF': cannot convert °F to °C: the two scales have different zero "
        "points, and factcheck does not convert between them",
        "claim 'k': '300 K': cannot convert K to °C: the two scales have different zero "
        "points, and factcheck does not convert between them",
    ]


def test_structured_bounds_carry_their_own_units(make_desk: MakeDesk) -> None:
    claims = make_desk(
        {
            "a.yaml": "claims:\n"
            + claim("s", "spend", "{min: '5 USD', max: '6 EUR', unit: GPU}")
            + claim("t", "spend", "{min: '5 USD', max: '6 EUR'}", "2022")
        }
    )
    assert problems(claims) == [
        "claim 's': min '5 USD' is in USD, but the value's unit is GPU",
        "claim 't': min '5 USD' and max '6 EUR' are in different units",
    ]
    good = make_desk({"a.yaml": "claims:\n" + claim("s", "spend", "{min: '5 USD', max: '6'}")})
    value = load(good).claim("s").value
    assert (value.interval.lo, value.interval.hi, value.unit) == (5, 6, "USD")  # type: ignore[union-attr]


def test_overflow_is_located_and_the_other_problems_still_listed(make_desk: MakeDesk) -> None:
    claims = make_desk(
        {
            "a.yaml": "claims:\n"
            + claim("big", "spend", "1e308 billion USD")
            + claim("low", "spend", "{min: '-1e308 billion', max: '6', unit: USD}", "2022")
            + claim("typo", "spend", "about 5 UDS", "2023")
        }
    )
    with pytest.raises(DeskError) as info:
        load(claims)
    found = [(p.location.line, p.message) for p in info.value.problems]
    assert found[0] == (2, "claim 'big': '1e308 billion USD' is too large: it is beyond 1.8e+308")
    assert found[1] == (3, "claim 'low': '-1e308 billion' is too large: it is beyond 1.8e+308")
    assert found[2][0] == 4 and "UDS" in found[2][1]


def dividing(make_desk: MakeDesk, *rows: str) -> Report:
    """The claims reconciled on a desk whose relation divides: price = spend / units."""
    claims = make_desk(
        {
            "world.yaml": DIVIDING,
            "sources/s.yaml": "sources:\n  wire: {name: Wire}\n",
            "a.yaml": "claims:\n" + "".join(rows),
        },
        world=False,
    )
    return reconcile(load(claims))


def test_division_by_zero_is_undecidable_not_an_agreement(make_desk: MakeDesk) -> None:
    report = dividing(
        make_desk,
        claim("s", "spend", "1000 USD"),
        claim("u", "units", "exactly 0 GPU"),
        claim("p", "price", "10 USD/GPU"),
    )
    assert [f.kind for f in report.findings if f.rule == "relation"] == ["undecidable"]
    (finding,) = report.of_kind("undecidable")
    assert Phrasebook(report).message(finding) == (
        "price = spend / units cannot be checked for Acme, 2021: units (exactly 0 GPUs) "
        "is zero, and nothing can be divided by zero"
    )
    assert report.exit_code("conflict") == 0 and report.exit_code("warning") == 1


def test_a_divisor_at_most_some_figure_still_bounds_the_quotient(make_desk: MakeDesk) -> None:
    # at most 5 GPU for 950 to 1,050 USD: at least 190 USD/GPU, not 9.5 to 10.5
    report = dividing(
        make_desk,
        claim("s", "spend", "1000 USD"),
        claim("u", "units", "at most 5 GPU"),
        claim("p", "price", "10 USD/GPU"),
        claim("s2", "spend", "1000 USD", "2022"),
        claim("u2", "units", "at most 5 GPU", "2022"),
        claim("p2", "price", "300 USD/GPU", "2022"),
    )
    # 300 USD/GPU fits "at least 190" in 2022: one origin, a repetition, not a conflict
    assert [(f.kind, f.claims) for f in report.findings if f.rule == "relation"] == [
        ("conflict", ("p", "s", "u")),
        ("repetition", ("p2", "s2", "u2")),
    ]


# -- what reconcile would crash on, validate refuses -----------------------------------------


def test_a_relation_naming_one_metric_twice_is_refused(make_desk: MakeDesk) -> None:
    world = "metrics:\n  ma: {name: A}\nrelations:\n  - ma = ma * ma\n"
    claims = make_desk({"w.yaml": world, "a.yaml": "claims:\n" + claim("x", "ma", "5")})
    assert problems(claims) == ["relation 'ma = ma * ma' names metric 'ma' more than once"]


def test_claims_deriving_from_each_other_in_a_circle_are_refused(make_desk: MakeDesk) -> None:
    def derived(ident: str, parent: str) -> str:
        return claim(ident, "units", "5 GPU")[:-2] + f", derived_from: {parent}}}\n"

    claims = make_desk(
        {"a.yaml": "claims:\n" + derived("d1", "d2") + derived("d2", "d3") + derived("d3", "d1")}
    )
    assert problems(claims) == [
        "claims derive from each other in a circle: 'd1' → 'd2' → 'd3' → 'd1'"
    ]


def test_a_long_chain_of_derivations_is_read_without_recursion(make_desk: MakeDesk) -> None:
    rows = [claim("c0", "units", "5 GPU")]
    rows += [
        claim(f"c{i}", "units", "5 GPU")[:-2] + f", derived_from: c{i - 1}}}\n"
        for i in range(1, 3000)
    ]
    report = reconcile(load(make_desk({"a.yaml": "claims:\n" + "".join(rows)})))
    assert report.origins["c2999"] == ("wire",)


@pytest.mark.parametrize(
    "text",
    [
        "claims:\n" + "".join(" " * (2 * i + 2) + "a:\n" for i in range(600)),
        "claims: " + "{a: " * 2000 + "1" + "}" * 2000 + "\n",
        "claims: " + "[" * 2000 + "]" * 2000 + "\n",
    ],
    ids=["block", "flow-mapping", "flow-list"],
)
def test_deep_nesting_is_a_located_problem(make_desk: MakeDesk, text: str) -> None:
    (message,) = problems(make_desk({"deep.yaml": text}))
    assert message in (
        "values nested more than 64 levels deep; refused",
        "not valid YAML: while increasing flow level exceeded maximum nesting depth",
    )


def test_a_value_that_overflows_once_converted_is_refused(make_desk: MakeDesk) -> None:
    row = claim("e", "energy", "1e306 TWh")
    assert problems(make_desk({"a.yaml": "claims:\n" + row})) == [
        "claim 'e': '1e306 TWh' is too large once converted to GWh: beyond 1.8e+308"
    ]


def test_a_long_chain_of_citing_articles_is_read_without_recursion(make_desk: MakeDesk) -> None:
    files = {
        f"art{i}.yaml": f"article: {{id: a{i}, outlet: wire, cites: [a{i + 1}]}}\n"
        for i in range(2_000)
    }
    files["art2000.yaml"] = "article: {id: a2000, outlet: wire}\n"
    files["claims.yaml"] = "article: {id: top, outlet: daily, cites: [a0]}\nclaims:\n" + claim(
        "c", "units", "5 GPU"
    ).replace("source: wire, ", "")
    report = reconcile(load(make_desk(files)))
    assert report.origins["c"] == ("wire",)  # through 2,001 relays, to the first outlet


def test_a_thousands_comma_in_a_flow_mapping_gets_the_fix(make_desk: MakeDesk) -> None:
    row = "  - {id: y, source: wire, subject: acme, metric: units, period: 2024, value: 120,000 GPU, quote: q}\n"
    with pytest.raises(DeskError) as info:
        load(make_desk({"a.yaml": "claims:\n" + row}))
    (problem,) = info.value.problems
    assert problem.message == "unknown field '000 GPU' in claim 'y'"
    assert problem.hint == (
        'a comma inside { } starts a new field: put the value in quotes (value: "120,000 bikes")'
    )
