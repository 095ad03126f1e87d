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
- ``accu-copy``: ``accu`` with copy detection in the manner of their AccuCopy:
  for each pair of prolific sources, the items both give, and on those the
  values they share that are true, that are false, and that differ; sharing
  false values is what copiers do, so a pair's probability of dependence comes
  from those counts (the Bayesian model of the paper), and the vote of the less
  accurate source of a dependent pair is discounted where the two agree.

Each runs in time proportional to the claims per iteration (``accu-copy``: plus
the items times the pairs of prolific sources).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..errors import UsageError
from ..suggest import did_you_mean
from .observations import Item, Observations

ITERATIONS = 20
FALSE_VALUES = 20  # n: how many false values an item may take (the paper's domain size)
PRIOR_COPY = 0.2  # alpha: the prior probability that two sources are dependent
COPY_RATE = 0.8  # c: how much of its data a copier copies
PROLIFIC = 0.02  # a source gives at least this share of the items to be checked for copying


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
    trust = np.ones(len(obs.sources))
    belief = np.zeros(len(obs.shown))
    for _round in range(ITERATIONS):
        share = trust[obs.claim_source] / per_source[obs.claim_source]
        pooled_in = np.bincount(obs.claim_value, weights=share, minlength=len(obs.shown))
        if pooled:
            grown = pooled_in**growth
            belief = pooled_in * grown / np.maximum(_per_item_sum(obs, grown)[obs.value_item], 1e-300)
        else:
            belief = pooled_in**growth
        paid = belief[obs.claim_value] * share / np.maximum(pooled_in[obs.claim_value], 1e-300)
        trust = np.bincount(obs.claim_source, weights=paid, minlength=len(obs.sources))
        trust = trust / max(trust.max(), 1e-300)
    confidence = belief / np.maximum(_per_item_sum(obs, belief)[obs.value_item], 1e-300)
    return confidence, trust, ITERATIONS, ()


def _accuracy(obs: Observations, copies: bool = False) -> Scores:
    per_source = np.bincount(obs.claim_source, minlength=len(obs.sources)).astype(float)
    accuracy = np.full(len(obs.sources), 0.8)
    discount = np.ones(obs.claims)
    probability = np.zeros(len(obs.shown))
    found: tuple[tuple[int, int, float], ...] = ()
    rounds = 0
    for rounds in range(1, ITERATIONS + 1):  # noqa: B007
        weight = np.log(FALSE_VALUES * accuracy / (1 - accuracy))
        votes = np.bincount(
            obs.claim_value, weights=weight[obs.claim_source] * discount, minlength=len(obs.shown)
        )
        probability = _softmax(obs, votes)
        before = accuracy
        accuracy = np.bincount(
            obs.claim_source, weights=probability[obs.claim_value], minlength=len(obs.sources)
        ) / np.maximum(per_source, 1)
        accuracy = np.clip(accuracy, 0.05, 0.99)
        if copies:
            discount, found = _copy_discount(obs, accuracy, best_values(obs, probability))
        if np.abs(accuracy - before).max() < 1e-4 and rounds > 2:
            break
    return probability, accuracy, rounds, found


def _copy_discount(
    obs: Observations, accuracy: Any, best: Any
) -> tuple[Any, tuple[tuple[int, int, float], ...]]:
    """Each claim's discount for copying, and the dependent pairs found."""
    items = len(obs.items)
    claim_item = obs.value_item[obs.claim_value]
    per_source = np.bincount(obs.claim_source, minlength=len(obs.sources))
    prolific = np.flatnonzero(per_source >= max(2, PROLIFIC * items))
    discount = np.ones(obs.claims)
    if len(prolific) < 2:
        return discount, ()
    column = np.full(len(obs.sources), -1)
    column[prolific] = np.arange(len(prolific))
    table = np.full((items, len(prolific)), -1, dtype=np.int64)  # items x prolific sources
    index = np.full((items, len(prolific)), -1, dtype=np.int64)  # the claim behind each cell
    mine = column[obs.claim_source] >= 0
    table[claim_item[mine], column[obs.claim_source[mine]]] = obs.claim_value[mine]
    index[claim_item[mine], column[obs.claim_source[mine]]] = np.flatnonzero(mine)
    is_true = table == best[:, None]
    c, n, alpha = COPY_RATE, FALSE_VALUES, PRIOR_COPY
    found = []
    for i in range(len(prolific)):
        a = table[:, i]
        for j in range(i + 1, len(prolific)):
            b = table[:, j]
            both = (a >= 0) & (b >= 0)
            same = both & (a == b)
            kt = int(np.count_nonzero(same & is_true[:, i]))
            kf = int(np.count_nonzero(same)) - kt
            kd = int(np.count_nonzero(both)) - kt - kf
            if kf == 0:
                continue  # no false value shared: nothing that copying explains better
            ai, aj = accuracy[prolific[i]], accuracy[prolific[j]]
            pt, pf = ai * aj, (1 - ai) * (1 - aj) / n
            pd = max(1 - pt - pf, 1e-9)
            best_odds = -np.inf
            for original in (aj, ai):  # either may be the copier
                dt, df, dd = original * c + pt * (1 - c), (1 - original) * c + pf * (1 - c), pd * (1 - c)
                odds = np.log(alpha / (1 - alpha)) + kt * np.log(dt / pt) + kf * np.log(df / pf)
                best_odds = max(best_odds, odds + kd * np.log(dd / pd))
            dependence = float(1 / (1 + np.exp(-np.clip(best_odds, -50, 50))))
            if dependence < 0.5:
                continue
            found.append((int(prolific[i]), int(prolific[j]), dependence))
            copier = j if aj <= ai else i  # the less accurate one's shared votes are discounted
            shared = index[same, copier]
            discount[shared] *= 1 - c * dependence
    return discount, tuple(found)


METHODS: dict[str, Callable[[Observations], Scores]] = {
    "vote": _vote,
    "investment": _investment,
    "pooled-investment": lambda obs: _investment(obs, 1.4, pooled=True),
    "accu": _accuracy,
    "accu-copy": lambda obs: _accuracy(obs, copies=True),
}


def fuse(obs: Observations, method: str = "accu-copy") -> Fusion:
    """Each item's best value and each source's reliability, by ``method``."""
    run = METHODS.get(method)
    if run is None:
        hint = did_you_mean(method, METHODS, "methods: " + ", ".join(METHODS))
        raise UsageError(f"unknown fusion method '{method}'; {hint}")
    confidence, trust, rounds, copying = run(obs)
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
                SourceScore(obs.sources[s], round(float(trust[s]), 6), int(per_source[s]), int(agreed[s]))
                for s in range(len(obs.sources))
            ),
            key=lambda x: (-x.reliability, x.source),
        )
    )
    pairs = tuple((obs.sources[a], obs.sources[b], round(p, 4)) for a, b, p in copying)
    return Fusion(method, values, sources, rounds, pairs)
