"""The typed desk: what the loader builds and everything else reads.

Every record is a frozen dataclass that knows where it was written
(``where``), so a finding can point a journalist at the line. No raw
mapping from a file gets past the loader.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import FactcheckError, Location, UnknownClaimError
from ..suggest import did_you_mean
from ..values.amounts import Value
from ..values.periods import Period
from ..values.units import Unit, UnitBook

#: Kinds of source the spec names.
SOURCE_KINDS = (
    "newspaper", "agency", "trade-press", "company", "government", "analyst", "other",
)  # fmt: skip
#: How a claim was made.
MODALITIES = ("reported", "expected", "estimated")
#: Axes along which a scope can be broken down (spec section 5).
AXES = ("subject", "period", "product", "counterparty")
#: Types of metric value.
METRIC_TYPES = ("number", "date", "time", "datetime", "category")


@dataclass(frozen=True, slots=True)
class Source:
    """Someone who says things: an outlet, an agency, a company, an analyst."""

    id: str
    name: str
    kind: str = "other"
    country: str = ""
    aliases: tuple[str, ...] = ()
    where: Location = field(default=Location(""), compare=False)

    def __post_init__(self) -> None:
        if self.kind not in SOURCE_KINDS:
            raise FactcheckError(f"unknown source kind {self.kind!r}")


@dataclass(frozen=True, slots=True)
class Article:
    """A publication transcribed in a claim file; it relays what it ``cites``."""

    id: str
    outlet: str = ""  # a source id
    published: Period | None = None
    language: str = ""
    url: str = ""
    cites: tuple[str, ...] = ()  # source ids or article ids
    text: Path | None = None  # archived copy, for quote checks
    where: Location = field(default=Location(""), compare=False)


@dataclass(frozen=True, slots=True)
class Entity:
    """What claims are about: a company, a group, a market, a product."""

    id: str
    name: str
    kind: str = ""
    aliases: tuple[str, ...] = ()
    members: tuple[str, ...] = ()  # a complete, disjoint split of this group
    part_of: tuple[str, ...] = ()  # wholes this is a subset of
    derived_from: str = ""  # for products: the product this one was made from
    where: Location = field(default=Location(""), compare=False)


@dataclass(frozen=True, slots=True)
class Metric:
    """What is measured, in which unit, and along which axes it adds up."""

    id: str
    name: str
    unit: Unit
    type: str = "number"
    additive: frozenset[str] = frozenset()  # axes it sums along (empty: not additive)
    signed: bool = False
    values: tuple[str, ...] = ()  # allowed words of a category metric
    where: Location = field(default=Location(""), compare=False)

    def __post_init__(self) -> None:
        if self.type not in METRIC_TYPES:
            raise FactcheckError(f"unknown metric type {self.type!r}")
        if not self.additive <= set(AXES):
            raise FactcheckError(f"unknown axes {sorted(self.additive - set(AXES))}")

    @property
    def intensive(self) -> bool:
        """A number that does not add up (a price, a share): it may apply to narrower scopes."""
        return self.type == "number" and not self.additive


@dataclass(frozen=True, slots=True)
class Relation:
    """``result = left op right`` between metrics, on one scope.

    ``left_scale`` and ``right_scale`` bring each operand, in its metric's unit,
    into the result's: ``TWh × EUR/MWh`` is a million EUR, so ``revenue =
    generation * price`` holds as ``revenue = (generation × 10⁶) × price``."""

    text: str
    result: str
    left: str
    op: str  # one of + - * /
    right: str
    where: Location = field(default=Location(""), compare=False)
    left_scale: float = 1.0
    right_scale: float = 1.0

    def __post_init__(self) -> None:
        if self.op not in ("+", "-", "*", "/"):
            raise FactcheckError(f"unknown operator {self.op!r}")


@dataclass(frozen=True, slots=True)
class Policy:
    """How hedged numbers become intervals (spec section 4), and when hedges are
    said to force an agreement: when the figure they imply lies within the
    stated one's interval widened ``agreement_factor`` times (down and up)."""

    plain: float = 0.05
    approximate: float = 0.20
    agreement_factor: float = 2.0
    language: str = ""  # the newsroom's (ISO 639-1): reports are written in it where they can be
    ratings: tuple[str, ...] = ()  # the desk's verdict scale, worst first

    def __post_init__(self) -> None:
        for name in ("plain", "approximate"):
            if not 0 <= getattr(self, name) < 1:
                raise FactcheckError(f"tolerance {name} must be between 0% and 100%")
        if not 1 <= self.agreement_factor < float("inf"):
            raise FactcheckError("the agreement factor must be a number of 1 or more")


@dataclass(frozen=True, slots=True)
class Review:
    """A journalist's verdict on a claim: a rating of the desk's scale (its
    ``position``, 1 the worst, of ``scale`` ratings), the verdict in words, who
    reviewed it, when, and where the fact-check is published."""

    rating: str
    position: int
    scale: int
    verdict: str = ""
    reviewer: str = ""
    date: datetime.date | None = None
    url: str = ""

    def __post_init__(self) -> None:
        if not 1 <= self.position <= self.scale:
            raise FactcheckError(f"rating {self.rating!r} is not on the desk's scale")


@dataclass(frozen=True, slots=True)
class Claim:
    """One typed assertion: a value on a scope, said by a source, quoted."""

    id: str
    source: str  # a source id or an article id
    subject: str  # an entity id
    metric: str  # a metric id
    value: Value
    period: Period | None = None
    product: tuple[str, ...] = ()  # entity ids (their union); () means all products
    counterparty: str = ""  # an entity id; "" means all counterparties
    modality: str = "reported"
    quote: str = ""
    quote_lang: str = ""
    derived_from: tuple[str, ...] = ()
    note: str = ""
    article: str = ""  # the article whose file holds the claim
    review: Review | None = None  # the desk's verdict, where one is given
    where: Location = field(default=Location(""), compare=False)

    def __post_init__(self) -> None:
        if self.modality not in MODALITIES:
            raise FactcheckError(f"unknown modality {self.modality!r}")

    @property
    def scope(self) -> tuple[str, str, str, tuple[str, ...], str]:
        """(metric, subject, period, product, counterparty): what the value is about."""
        period = self.period.text if self.period else ""
        return (self.metric, self.subject, period, self.product, self.counterparty)


@dataclass(frozen=True, slots=True)
class Desk:
    """A whole desk, loaded and checked: read it, never mutate it."""

    root: Path
    sources: Mapping[str, Source]
    articles: Mapping[str, Article]
    entities: Mapping[str, Entity]
    metrics: Mapping[str, Metric]
    relations: tuple[Relation, ...]
    policy: Policy
    claims: tuple[Claim, ...]
    units: UnitBook = field(compare=False, repr=False)
    files: tuple[Path, ...] = ()
    by_id: Mapping[str, Claim] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.by_id and self.claims:
            object.__setattr__(self, "by_id", {claim.id: claim for claim in self.claims})

    def claim(self, claim_id: str) -> Claim:
        """The claim with this id; ``UnknownClaimError`` (a ``KeyError``) naming
        the nearest ids when there is none."""
        found = self.by_id.get(claim_id)
        if found is None:
            hint = did_you_mean(claim_id, self.by_id, "no claim in the desk has this id")
            raise UnknownClaimError(f"no claim '{claim_id}' in the desk; {hint}")
        return found
