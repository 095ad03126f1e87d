from __future__ import annotations

import itertools

from factcheck import load
from factcheck.engine.origins import Origins

from .conftest import MakeDesk

ARTICLES = """
article:
  id: relay
  outlet: daily
  cites: [first]
claims:
  - {id: a, subject: acme, metric: spend, value: 5 USD, quote: q}
  - {id: b, source: relay, subject: acme, metric: spend, value: 5 USD, quote: q}
  - {id: c, source: daily, subject: acme, metric: spend, value: 5 USD, quote: q, derived_from: [a]}
"""
FIRST = """
article:
  id: first
  outlet: wire
claims:
  - {id: d, subject: globex, metric: spend, value: 5 USD, quote: q}
"""


def test_origins_follow_cites_through_articles_and_derivations(make_desk: MakeDesk) -> None:
    origins = Origins(load(make_desk({"relay.yaml": ARTICLES, "first.yaml": FIRST})))
    assert origins.of_claim("a") == {"wire"}  # relay cites first, which cites nothing: its outlet
    assert origins.of_claim("b") == {"wire"}  # an article as source stands for what it relays
    assert origins.of_claim("c") == {"wire"}  # a computation from 'a' adds no origin
    assert origins.of_claim("d") == {"wire"}
    assert origins.names(["a", "b", "c", "d"]) == ("wire",)


OTHER = """
article:
  id: other
  outlet: daily
claims:
  - {id: e, subject: acme, metric: spend, value: 5 USD, quote: q}
  - {id: f, source: wire, subject: acme, metric: units, value: 5 GPU, quote: q}
  - {id: g, source: daily, subject: acme, metric: price, value: 1 USD/GPU, quote: q,
     derived_from: [e, f]}
"""


def test_origins_looked_up_by_source_are_those_followed_claim_by_claim(
    make_desk: MakeDesk,
) -> None:
    desk = load(make_desk({"relay.yaml": ARTICLES, "first.yaml": FIRST, "other.yaml": OTHER}))
    origins = Origins(desk)
    assert origins.behind([desk.claim("g")]) == ("daily", "wire")  # derived from both
    assert origins.behind([desk.claim("e"), desk.claim("a")]) == ("daily", "wire")
    assert origins.behind([]) == ()
    for size in range(1, 4):
        for group in itertools.combinations(desk.claims, size):
            assert origins.behind(group) == origins.names([c.id for c in group])
