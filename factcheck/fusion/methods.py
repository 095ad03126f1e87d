"""Truth-discovery methods, one interface: ``method(observations) -> (value scores,
source reliabilities, iterations)``, then ``fuse`` picks each item's best value.

- ``vote``: the value most sources give.
- ``investment`` and ``pooled-investment`` (Pasternack and Roth, COLING 2010):
  sources invest their trust in their claims, values pay it back in proportion
  to the belief they gathered, grown by an exponent (1.2; pooled, 1.4 and shared
  out among an item's values).
- ``accu``: each source has an accuracy; a claim votes ln(n·A/(1−A)); an item's
  values get probabilities by a softmax of their votes; a source's accuracy is
  the mean probability of its values (Dong, Berti-Equille and Srivastava,
  VLDB 2009, without dependence).
- ``accu-copy``: ``accu`` with support between near values (their AccuSim: a
  value gets ``SIMILARITY`` times a near value's vote, scaled by how near, for
  times within 10 minutes and numbers within 5 %) and copy detection in the
  manner of their AccuCopy,
  from shared values, errors included: two prolific sources that agree on
  virtually every item they share are mirrors of one feed, and where they
  agree only one of them votes. (The paper's Bayesian dependence, from shared
  true and false values, was measured too: on the Flight data it took good
  sources that share the airlines' data for copiers, and lost accuracy; see
  docs/fusion.md.)

Each runs in time proportional to the claims per iteration (``accu-copy``: plus
the items times the pairs of prolific sources).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import UsageError
from ..suggest import did_you_mean
from .observations import Item, Observations

ITERATIONS = 20
FALSE_VALUES = 3  # n: how many false values an item may take (the paper's domain size)
SIMILARITY = 0.8  # rho: the share of a near value's vote a value gets (accu-copy)
PROLIFIC = 0.02  # a source gives at least this share of the items to be checked for copying
SHARED = 100  # and two sources share at least this many items
MAX_PROLIFIC = 64  # the most prolific sources checked for copying (by claims)
MAX_PAIR_CELLS = 600_000_000  # and at most this many (pair of sources, item) comparisons
SAME_FEED = 0.999  # the share of those on which two mirrors of one feed agree
NEAR_MINUTES = 10  # two times of one item this close lend each other support
SCALE_MINUTES = 2.0  # ... the more the closer: exp(-minutes apart / this)
NEAR_SHARE = 0.05  # two numbers of one item within this share of each other too
SCALE_SHARE = 0.01
MAX_NEAR = 50  # a value lends to at most this many neighbours each way (bounded work)


@dataclass(frozen=True, slots=True)
class ValueScore:
    """An item's best value, its confidence (0 to 1), the sources that give it, and
    how many claims the item has and how many different values."""

    item: Item
    value: str
    confidence: float
    sources: tuple[str, ...]
    claims: int
    values: int


@dataclass(frozen=True, slots=True)
class SourceScore:
    """A source's estimated reliability, and its support: how many claims it made
    and how many of them are the best values."""

    source: str
    reliability: float
    claims: int
    agreed: int


@dataclass(frozen=True, slots=True)
class Fusion:
    method: str
    values: tuple[ValueScore, ...]  # by item, in the order items were first seen
    sources: tuple[SourceScore, ...]  # most reliable first
    iterations: int
    copying: tuple[tuple[str, str, float], ...] = ()  # pairs found dependent, with probability


Scores = tuple[Any, Any, int, tuple[tuple[int, int, float], ...]]


def _per_item_sum(obs: Observations, per_value: Any) -> Any:
    return np.bincount(obs.value_item, weights=per_value, minlength=len(obs.items))


def _per_item_max(obs: Observations, per_value: Any) -> Any:
    top = np.full(len(obs.items), -np.inf)
    np.maximum.at(top, obs.value_item, per_value)
    return top


def _softmax(obs: Observations, votes: Any) -> Any:
    shifted = np.exp(votes - _per_item_max(obs, votes)[obs.value_item])
    return shifted / _per_item_sum(obs, shifted)[obs.value_item]


def best_values(obs: Observations, scores: Any) -> Any:
    """Each item's best value: the highest score, ties to the value seen first."""
    order = np.lexsort((np.arange(len(scores)), -scores, obs.value_item))
    first = np.ones(len(order), dtype=bool)
    first[1:] = obs.value_item[order[1:]] != obs.value_item[order[:-1]]
    best = np.empty(len(obs.items), dtype=np.int64)
    best[obs.value_item[order[first]]] = order[first]
    return best


def _vote(obs: Observations) -> Scores:
    counts = np.bincount(obs.claim_value, minlength=len(obs.shown)).astype(float)
    return counts / _per_item_sum(obs, counts)[obs.value_item], None, 1, ()


def _investment(obs: Observations, growth: float = 1.2, pooled: bool = False) -> Scores:
    per_source = np.bincount(obs.claim_source, minlength=len(obs.sources)).astype(float)
    trust: Any = np.ones(len(obs.sources))
    belief: Any = np.zeros(len(obs.shown))
    for _round in range(ITERATIONS):
        share = trust[obs.claim_source] / per_source[obs.claim_source]
        pooled_in = np.bincount(obs.claim_value, weights=share, minlength=len(obs.shown))
        if pooled:
            grown = pooled_in**growth
            belief = (
                pooled_in * grown / np.maximum(_per_item_sum(obs, grown)[obs.value_item], 1e-300)
            )
        else:
            belief = pooled_in**growth
        paid = belief[obs.claim_value] * share / np.maximum(pooled_in[obs.claim_value], 1e-300)
        trust = np.bincount(obs.claim_source, weights=paid, minlength=len(obs.sources))
        trust = trust / max(trust.max(), 1e-300)
    confidence = belief / np.maximum(_per_item_sum(obs, belief)[obs.value_item], 1e-300)
    return confidence, trust, ITERATIONS, ()


def _accuracy(
    obs: Observations,
    copies: bool = False,
    false_values: float = FALSE_VALUES,
    same_feed: float = SAME_FEED,
    similarity: float = 0.0,
) -> Scores:
    per_source = np.bincount(obs.claim_source, minlength=len(obs.sources)).astype(float)
    accuracy = np.full(len(obs.sources), 0.8)
    discount, found = _copy_discount(obs, same_feed) if copies else (np.ones(obs.claims), ())
    near: Any = None
    close: Any = None
    sim: Any = None
    if similarity:
        near, close, sim = _similar_pairs(obs)
    probability = np.zeros(len(obs.shown))
    rounds = 0
    for rounds in range(1, ITERATIONS + 1):
        weight = np.log(false_values * accuracy / (1 - accuracy))
        votes: Any = np.bincount(
            obs.claim_value, weights=weight[obs.claim_source] * discount, minlength=len(obs.shown)
        )
        if near is not None and len(near):  # a near value lends a share of its vote
            votes = votes + similarity * np.bincount(
                near, weights=sim * votes[close], minlength=len(obs.shown)
            )
        probability = _softmax(obs, votes)
        before = accuracy
        accuracy = np.bincount(
            obs.claim_source, weights=probability[obs.claim_value], minlength=len(obs.sources)
        ) / np.maximum(per_source, 1)
        accuracy = np.clip(accuracy, 0.05, 0.99)
        if np.abs(accuracy - before).max() < 1e-4 and rounds > 2:
            break
    return probability, accuracy, rounds, found


def _copy_discount(
    obs: Observations, same_feed: float = SAME_FEED
) -> tuple[Any, tuple[tuple[int, int, float], ...]]:
    """Each claim's weight once copying is known, and the pairs found copying.

    Two prolific sources that give the same value on at least ``SAME_FEED`` of the
    (at least ``SHARED``) items they both speak of, errors included, are one feed:
    where they agree, only the source with more claims votes. Independent sources
    differ now and then, in a minute or a format; mirrors of one feed do not."""
    items = len(obs.items)
    claim_item = obs.value_item[obs.claim_value]
    per_source = np.bincount(obs.claim_source, minlength=len(obs.sources))
    prolific = np.flatnonzero(per_source >= max(SHARED, PROLIFIC * items))
    discount = np.ones(obs.claims)
    if len(prolific) < 2:
        return discount, ()
    prolific = prolific[np.argsort(-per_source[prolific], kind="stable")]  # most claims first
    # bounded work: at most MAX_PAIR_CELLS comparisons of two sources' values on an item
    most = max(2, min(MAX_PROLIFIC, math.isqrt(2 * MAX_PAIR_CELLS // max(items, 1))))
    prolific = prolific[:most]
    column = np.full(len(obs.sources), -1)
    column[prolific] = np.arange(len(prolific))
    table = np.full((items, len(prolific)), -1, dtype=np.int64)  # items x prolific sources
    index = np.full((items, len(prolific)), -1, dtype=np.int64)  # the claim behind each cell
    mine = np.flatnonzero(column[obs.claim_source] >= 0)
    cells = (claim_item[mine], column[obs.claim_source[mine]])
    table[cells] = obs.claim_value[mine]
    index[cells] = mine
    found = []
    for i in range(len(prolific)):
        a = table[:, i]
        for j in range(i + 1, len(prolific)):
            b = table[:, j]
            both = (a >= 0) & (b >= 0)
            shared = int(np.count_nonzero(both))
            if shared < SHARED:
                continue
            same = both & (a == b)
            rate = np.count_nonzero(same) / shared
            if rate < same_feed:
                continue
            found.append((int(prolific[i]), int(prolific[j]), round(float(rate), 4)))
            discount[index[same, j]] = 0.0  # j has fewer claims: its agreeing votes go
    return discount, tuple(found)


def _similar_pairs(obs: Observations) -> tuple[Any, Any, Any]:
    """Pairs of values of one item that are near (times within ``NEAR_MINUTES``,
    numbers within the share ``NEAR_SHARE`` of each other) and at most ``MAX_NEAR``
    apart in the item's values sorted by magnitude, both ways, with their
    similarity, exp(−distance / scale): (value, near value, similarity)."""
    magnitude = obs.magnitude if obs.magnitude is not None else np.full(len(obs.shown), np.nan)
    timed = np.array([obs.kinds.get(item[1]) == "time" for item in obs.items])[obs.value_item]
    order = np.flatnonzero(np.isfinite(magnitude))
    order = order[np.lexsort((magnitude[order], obs.value_item[order]))]
    firsts, seconds, sims = [], [], []
    for offset in range(1, min(len(order), MAX_NEAR + 1)):
        a, b = order[:-offset], order[offset:]
        same = obs.value_item[a] == obs.value_item[b]
        gap = np.abs(magnitude[b] - magnitude[a])
        share = gap / np.maximum(np.maximum(np.abs(magnitude[a]), np.abs(magnitude[b])), 1e-300)
        within = same & np.where(timed[a], gap <= NEAR_MINUTES, share <= NEAR_SHARE)
        if not within.any():
            break  # sorted by item and magnitude: farther neighbours are farther apart
        distance = np.where(timed[a], gap / SCALE_MINUTES, share / SCALE_SHARE)[within]
        firsts += [a[within], b[within]]
        seconds += [b[within], a[within]]
        sims += [np.exp(-distance)] * 2
    if not firsts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0)
    return np.concatenate(firsts), np.concatenate(seconds), np.concatenate(sims)


METHODS: dict[str, Callable[..., Scores]] = {
    "vote": _vote,
    "investment": _investment,
    "pooled-investment": lambda obs: _investment(obs, 1.4, pooled=True),
    "accu": _accuracy,
    "accu-copy": lambda obs, **tuning: _accuracy(
        obs, copies=True, **{"similarity": SIMILARITY, **tuning}
    ),
}


def fuse(obs: Observations, method: str = "accu-copy", **tuning: float) -> Fusion:
    """Each item's best value and each source's reliability, by ``method``;
    ``tuning`` sets the accuracy model's ``false_values`` (default ``FALSE_VALUES``),
    ``similarity`` (``accu``: 0; ``accu-copy``: ``SIMILARITY``) and, with copy
    detection, ``same_feed`` (``SAME_FEED``)."""
    run = METHODS.get(method)
    if run is None:
        hint = did_you_mean(method, METHODS, "methods: " + ", ".join(METHODS))
        raise UsageError(f"unknown fusion method '{method}'; {hint}")
    if tuning and method not in ("accu", "accu-copy"):
        raise UsageError(f"the method '{method}' takes no tuning ({', '.join(tuning)})")
    if not obs.claims:  # a table of a header alone: nothing to weigh
        return Fusion(method, (), (), 0)
    confidence, trust, rounds, copying = run(obs, **tuning)
    best = best_values(obs, confidence)
    on_best = obs.claim_value == best[obs.value_item[obs.claim_value]]
    per_source = np.bincount(obs.claim_source, minlength=len(obs.sources))
    agreed = np.bincount(obs.claim_source[on_best], minlength=len(obs.sources))
    if trust is None:  # vote: a source is as reliable as its agreement with the vote
        trust = agreed / np.maximum(per_source, 1)
    claim_item = obs.value_item[obs.claim_value]
    per_item = np.bincount(claim_item, minlength=len(obs.items))
    values_per_item = np.bincount(obs.value_item, minlength=len(obs.items))
    backers: list[list[str]] = [[] for _ in obs.items]
    for claim in np.flatnonzero(on_best):
        backers[claim_item[claim]].append(obs.sources[obs.claim_source[claim]])
    values = tuple(
        ValueScore(
            item=obs.items[k],
            value=obs.shown[best[k]],
            confidence=round(float(confidence[best[k]]), 6),
            sources=tuple(sorted(set(backers[k]))),
            claims=int(per_item[k]),
            values=int(values_per_item[k]),
        )
        for k in range(len(obs.items))
    )
    sources = tuple(
        sorted(
            (
                SourceScore(
                    obs.sources[s], round(float(trust[s]), 6), int(per_source[s]), int(agreed[s])
                )
                for s in range(len(obs.sources))
            ),
            key=lambda x: (-x.reliability, x.source),
        )
    )
    pairs = tuple((obs.sources[a], obs.sources[b], round(p, 4)) for a, b, p in copying)
    return Fusion(method, values, sources, rounds, pairs)
