"""Disputed scopes: rules that read a disputed neighbour keep reasoning, and every
conflict names a minimal set of claims and exactly the claims whose removal
alone would restore consistency (docs/decisions.md, "Disputed scopes").

Figures are worked by hand: a plain number is read within 5 %, "about" within
20 % (the default policy)."""

from __future__ import annotations

from factcheck import Finding, Report, load, reconcile

from .conftest import MakeDesk, said


def desk(make_desk: MakeDesk, *rows: str) -> Report:
    text = "claims:\n"
    for row in rows:
        name, rest = row.split(":", 1)
        source = "" if "source:" in rest else "source: wire, "
        text += f"  - {{id: {name}, {source}quote: q, {rest.strip()}}}\n"
    return reconcile(load(make_desk({"c.yaml": text})))


def conflicts(report: Report, rule: str) -> list[Finding]:
    return [f for f in report.conflicts if f.rule == rule]


SPEND = "spend: subject: acme, metric: spend, period: 2021, value: about 2.9 billion USD"
UNITS = "units: source: daily, subject: acme, metric: units, period: 2021, value: 101.2 million GPU"


def price(name: str, value: str, source: str = "wire") -> str:
    return f"{name}: source: {source}, subject: acme, metric: price, period: 2021, value: {value}"


# -- relations ---------------------------------------------------------------------------


def test_a_relation_that_fails_whichever_disputed_price_is_true(make_desk: MakeDesk) -> None:
    # 96.14 to 106.26 million GPU x 11.4 to 16.275 USD/GPU = 1.096 to 1.729 billion USD,
    # below 2.32 to 3.48 billion USD: true for either price
    report = desk(make_desk, SPEND, UNITS, price("p15", "15.50 USD/GPU"),
                  price("p12", "12 USD/GPU", "daily"))  # fmt: skip
    assert [f.claims for f in conflicts(report, "same-scope")] == [("p12", "p15")]
    (finding,) = conflicts(report, "relation")
    assert finding.whichever == (("p15", "p12"),)
    assert finding.claims in (("p15", "spend", "units"), ("p12", "spend", "units"))
    assert set(finding.sets()) == {
        frozenset({"spend", "units", "p15"}),
        frozenset({"spend", "units", "p12"}),
    }
    # removing a price leaves the other, which fails too: only spend or units restore it
    assert finding.removal == ("spend", "units")
    words = said(report, finding)
    assert "1.096 to 1.729 billion USD" in words.message
    assert "whichever of p15 ('15.50 USD/GPU') or p12 ('12 USD/GPU') is true" in words.message


def test_a_relation_that_fails_for_one_disputed_price_names_that_price(
    make_desk: MakeDesk,
) -> None:
    # 2.9 billion / 101.2 million = 28.66 USD/GPU: 28.5 fits, 12 (1.096 to 1.339 billion) not
    report = desk(make_desk, SPEND, UNITS, price("p28", "28.5 USD/GPU"),
                  price("p12", "12 USD/GPU", "daily"))  # fmt: skip
    (finding,) = conflicts(report, "relation")
    assert finding.claims == ("p12", "spend", "units")
    assert finding.whichever == ()
    # without p12 the price is 28.5 and the relation holds; without spend or units too
    assert finding.removal == ("p12", "spend", "units")
    assert "1.096 to 1.339 billion USD" in said(report, finding).message


def test_a_relation_on_two_disputed_metrics(make_desk: MakeDesk) -> None:
    # units disputed (101.2 or 50 million), prices disputed (15.50 or 12): no
    # combination reaches 2.32 billion USD
    report = desk(make_desk, SPEND, UNITS, price("p15", "15.50 USD/GPU"),
                  price("p12", "12 USD/GPU", "daily"),
                  "half: subject: acme, metric: units, period: 2021, value: 50 million GPU")  # fmt: skip
    (finding,) = conflicts(report, "relation")
    assert sorted(map(sorted, finding.whichever)) == [["half", "units"], ["p12", "p15"]]
    assert len(finding.sets()) == 4
    assert finding.removal == ("spend",)


def test_agreeing_twins_are_not_each_removable(make_desk: MakeDesk) -> None:
    # two origins say about 2.9 billion: removing either leaves the other
    report = desk(make_desk, SPEND, UNITS, price("p12", "12 USD/GPU"),
                  "twin: source: daily, subject: acme, metric: spend, period: 2021, "
                  "value: about 2.9 billion USD")  # fmt: skip
    (finding,) = conflicts(report, "relation")
    assert len(finding.claims) == 3  # one spend claim is enough to show it
    assert finding.removal == ("p12", "units")


def test_a_relation_that_holds_for_every_disputed_price_is_not_flagged(
    make_desk: MakeDesk,
) -> None:
    spend = "spend: subject: acme, metric: spend, period: 2021, value: 1..2 billion USD"
    report = desk(make_desk, spend, UNITS, price("p15", "15.50 USD/GPU"),
                  price("p12", "12 USD/GPU", "daily"))  # fmt: skip
    assert conflicts(report, "relation") == []


# -- covers, parts and wholes -----------------------------------------------------------


def quarter(name: str, q: int, value: str, source: str = "wire") -> str:
    return (
        f"{name}: source: {source}, subject: acme, metric: units, period: 2021-Q{q}, "
        f"value: {value} million GPU"
    )


YEAR = "year: source: daily, subject: acme, metric: units, period: 2021, value: 130.2 million GPU"
QUARTERS = (quarter("q1", 1, "11.0"), quarter("q2", 2, "39.2"), quarter("q3", 3, "45.1"))


def test_a_typo_in_a_quarter_makes_every_quarter_removable(make_desk: MakeDesk) -> None:
    # 11.0 + 39.2 + 45.1 + 14.9 = 110.2 (104.7 to 115.7) < 123.7 to 136.7: removing any
    # quarter leaves no cover to check, removing the year leaves nothing to cover
    report = desk(make_desk, *QUARTERS, quarter("q4", 4, "14.9"), YEAR)
    (finding,) = conflicts(report, "cover")
    assert finding.removal == ("q1", "q2", "q3", "q4", "year")
    assert finding.claims == ("q1", "q2", "q3", "q4", "year")


def test_a_disputed_quarter_still_gets_its_cover_checked(make_desk: MakeDesk) -> None:
    # Q4 is 14.9 (typo) or 34.9: 34.9 makes 130.2 and fits; 14.9 does not
    report = desk(make_desk, *QUARTERS, quarter("q4", 4, "14.9"),
                  quarter("q4b", 4, "34.9", "daily"), YEAR)  # fmt: skip
    (finding,) = conflicts(report, "cover")
    assert finding.claims == ("q1", "q2", "q3", "q4", "year")
    assert finding.whichever == ()
    assert "q4" in finding.removal  # without the typo, Q4 is 34.9 and the year adds up


def test_a_cover_that_fails_whichever_quarter_is_true(make_desk: MakeDesk) -> None:
    # Q4 is 14.9 or 20: 11.0 + 39.2 + 45.1 + 20 = 115.3 (at most 121.1) < 123.7
    report = desk(make_desk, *QUARTERS, quarter("q4", 4, "14.9"),
                  quarter("q4b", 4, "20", "daily"), YEAR)  # fmt: skip
    (finding,) = conflicts(report, "cover")
    assert finding.whichever == (("q4", "q4b"),)
    assert finding.removal == ("q1", "q2", "q3", "year")
    assert "whichever of q4" in said(report, finding).message


def test_a_disputed_year_is_checked_against_its_quarters(make_desk: MakeDesk) -> None:
    report = desk(make_desk, *QUARTERS, quarter("q4", 4, "34.9"), YEAR,
                  "old: subject: acme, metric: units, period: 2021, value: 200 million GPU")  # fmt: skip
    (finding,) = conflicts(report, "cover")
    assert finding.claims == ("old", "q1", "q2", "q3", "q4")
    assert "old" in finding.removal


def test_a_part_above_a_disputed_whole(make_desk: MakeDesk) -> None:
    # the group is 50 or 40 million; acme alone is 70 million: above either
    report = desk(
        make_desk,
        "acme: subject: acme, metric: units, period: 2021, value: 70 million GPU",
        "g50: subject: group, metric: units, period: 2021, value: 50 million GPU",
        "g40: source: daily, subject: group, metric: units, period: 2021, value: 40 million GPU",
    )
    (finding,) = conflicts(report, "part-whole")
    assert finding.whichever == (("g50", "g40"),)
    assert finding.removal == ("acme",)


def test_a_disputed_part_against_a_disputed_whole_names_every_pair(make_desk: MakeDesk) -> None:
    # acme is 20, 30 or 100 million; the group 10 or 30 million or "at most 20"
    # (the 10 and the "at most 20" agree). A part above its whole: 20, 30 and
    # 100 are above 10; 30 and 100 above "at most 20"; 100 above 30. Not 20
    # against "at most 20", nor 30 against 30.
    def acme(name: str, value: str, source: str) -> str:
        return (
            f"{name}: source: {source}, subject: acme, metric: units, period: 2021, value: {value}"
        )

    def group(name: str, value: str, source: str) -> str:
        return (
            f"{name}: source: {source}, subject: group, metric: units, period: 2021, value: {value}"
        )

    report = desk(
        make_desk,
        acme("a20", "exactly 20 million GPU", "wire"),
        acme("a30", "exactly 30 million GPU", "daily"),
        acme("a100", "exactly 100 million GPU", "daily"),
        group("g10", "exactly 10 million GPU", "wire"),
        group("g30", "exactly 30 million GPU", "daily"),
        group("g20", "at most 20 million GPU", "daily"),
    )
    sets = {s for f in conflicts(report, "part-whole") for s in f.sets()}
    assert sets == {
        frozenset(pair)
        for pair in [
            ("a20", "g10"), ("a30", "g10"), ("a100", "g10"),
            ("a30", "g20"), ("a100", "g20"),
            ("a100", "g30"),
        ]
    }  # fmt: skip


def test_members_against_a_disputed_group(make_desk: MakeDesk) -> None:
    # acme 30 + globex 30 = 60 (57 to 63) against a group of 50 or 100 million:
    # only the 50 is exceeded
    report = desk(
        make_desk,
        "acme: subject: acme, metric: units, period: 2021, value: 30 million GPU",
        "globex: subject: globex, metric: units, period: 2021, value: 30 million GPU",
        "g50: subject: group, metric: units, period: 2021, value: 50 million GPU",
        "g100: source: daily, subject: group, metric: units, period: 2021, value: 100 million GPU",
    )
    rules = sorted(f.rule for f in report.conflicts)
    assert rules == ["cover", "parts-sum", "same-scope"]
    (finding,) = conflicts(report, "parts-sum")
    assert finding.claims == ("acme", "g50", "globex")
    assert finding.removal == ("acme", "g50", "globex")


def test_parts_at_the_edge_of_their_whole_are_not_flagged(make_desk: MakeDesk) -> None:
    report = desk(
        make_desk,
        "a: subject: acme, metric: units, period: 2021, value: exactly 0.1 GPU",
        "b: subject: globex, metric: units, period: 2021, value: exactly 0.2 GPU",
        "g: subject: group, metric: units, period: 2021, value: exactly 0.3 GPU",
    )
    assert report.conflicts == []
