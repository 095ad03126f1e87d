from __future__ import annotations

from factcheck import load
from factcheck.origins import Origins

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
    assert origins.count(["a", "b", "c", "d"]) == 1
