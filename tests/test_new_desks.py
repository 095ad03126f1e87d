"""Two desks written from scratch, away from GPUs, full of disputed figures
inside relations, covers and part-wholes (``tests/desks/``). Every planted
conflict is found with its minimal set and exact removal, and nothing else is
flagged. Figures by hand: a plain number is read within 5 %, "about" within 20 %.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from factcheck import Desk, load, reconcile

DESKS = Path(__file__).parent / "desks"

VACCINES = [
    # 11.0 + 39.2 + 45.1 + 14.9 = 110.2 (104.7 to 115.7) < 123.7: the Q4 typo
    ("cover", ("fr-q1", "fr-q2", "fr-q3", "fr-q4", "fr-year"),
     ("fr-q1", "fr-q2", "fr-q3", "fr-q4", "fr-year"), ()),
    # Comirnaty 96.14 + Spikevax at least 70 = 166.1 > 156.6 (149.1 + 5 %)
    ("parts-sum", ("de-comirnaty", "de-spikevax", "de-year"),
     ("de-comirnaty", "de-spikevax", "de-year"), ()),
    # 14.63 + 80 + 30.3 + 38.76 = 163.7 > 156.6 with Bild's second quarter
    ("parts-sum", ("de-q1", "de-q2-bild", "de-q3", "de-q4", "de-year"),
     ("de-q1", "de-q2-bild", "de-q3", "de-q4", "de-year"), ()),
    # 96.14 to 106.26 M doses x 11.4 to 16.275 EUR = 1.096 to 1.729 bn < 2.32 bn: either price
    ("relation", ("de-comirnaty", "de-spend", "price-politico"), ("de-comirnaty", "de-spend"),
     (("price-politico", "price-reuters"),)),
    ("same-scope", ("de-q2", "de-q2-bild"), ("de-q2", "de-q2-bild"), ()),
    ("same-scope", ("price-politico", "price-reuters"), ("price-politico", "price-reuters"), ()),
]  # fmt: skip

ENERGY = [
    # 28.1 (26.7 to 29.5) + 21.2 (20.14 to 22.26) at most 51.77 < 56.3 (59.3 - 5 %)
    ("cover", ("h1", "h2-wire", "year"), ("h1", "h2-wire", "year"), ()),
    # offshore's first half, 35 (at least 33.25), above the group's 28.1 (at most 29.5)
    ("part-whole", ("h1", "offshore-h1"), ("h1", "offshore-h1"), ()),
    # 56.3 to 62.3 TWh x 80.75 to 89.25 EUR/MWh is at least 4.5 bn EUR > 3.6 bn
    ("relation", ("price-blog", "revenue", "year"), ("price-blog", "revenue", "year"), ()),
    ("same-scope", ("h2", "h2-wire"), ("h2", "h2-wire"), ()),
    ("same-scope", ("price", "price-blog"), ("price", "price-blog"), ()),
]  # fmt: skip


def sub(desk: Desk, ids: frozenset[str]) -> Desk:
    return dataclasses.replace(desk, claims=tuple(c for c in desk.claims if c.id in ids), by_id={})


@pytest.mark.parametrize(("name", "expected"), [("vaccines", VACCINES), ("energy", ENERGY)])
def test_every_planted_conflict_and_nothing_else(name: str, expected: list[tuple]) -> None:
    desk = load(DESKS / name / "claims")
    report = reconcile(desk)
    found = [(f.rule, f.claims, f.removal, f.whichever) for f in report.conflicts]
    assert found == expected
    for finding in report.conflicts:
        for ids in finding.sets():
            assert reconcile(sub(desk, ids)).conflicts, f"{sorted(ids)} holds"
            for claim in ids:
                assert not reconcile(sub(desk, ids - {claim})).conflicts, (sorted(ids), claim)


def test_rechecking_starts_with_what_resolves_most() -> None:
    vaccines = reconcile(load(DESKS / "vaccines" / "claims"))
    # removing the Comirnaty doses resolves the relation and the product sum at once;
    # neither price is blamed for the relation, which fails whichever is true
    assert vaccines.recheck.ranking[0].claim == "de-comirnaty"
    ranked = {s.claim: s for s in vaccines.recheck.ranking}
    assert ranked["price-politico"].conflicts == 1  # only its dispute with Reuters
    energy = reconcile(load(DESKS / "energy" / "claims"))
    assert energy.recheck.ranking[0].claim == "price-blog"
