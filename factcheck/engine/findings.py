"""Findings: what reconciling a desk found, as data and never as sentences.

A finding is a record in the report, not an exception. It carries its kind,
the rule that made it, the claims involved, the sides with the independent
origins behind each, the claims whose removal alone would restore
consistency, the assumptions made (as codes with parameters) and, in
``detail``, the numbers a reader can redo: the scope, the claims in the
order the arithmetic takes them, computed sums and implied figures with
their units. One frozen dataclass per kind of detail.

Words are made in ``factcheck.render.messages``, one template per detail
type, in the manner of frictionless-py's errors: no renderer parses a
finding, because a finding holds nothing to parse.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..desk.model import Relation
from ..values.intervals import Interval
from ..values.quote_numbers import QuoteNumber

#: Kinds of finding, and the severity each has.
KINDS = {
    "conflict": "conflict",  # claims that cannot all be true
    "incomparable": "warning",  # claims on one scope in different currencies or units
    "undecidable": "warning",  # a relation that divides by a figure that may be zero
    "unsupported-quote": "warning",  # no number in the quote matches the value
    "quote-not-in-archive": "warning",  # the quote is not in the article's archived text
    "circular-reporting": "warning",  # different speakers agree, but all relay one origin
    "relay-loop": "warning",  # articles that cite each other in a circle
    "agreement": "info",  # claims from two or more independent origins that agree
    "repetition": "info",  # claims that agree but come from one origin
    "single-origin": "info",  # a figure that only one origin stands behind
    "alias-suggestion": "info",  # a quote names a source under a spelling not in its aliases
}
_ORDER = {kind: i for i, kind in enumerate(KINDS)}

#: The most claims a finding's detail lists by name where it could list thousands
#: (the claims repeating a figure); the rest are counted.
LISTED = 5

#: What an agreement rests on (docs/decisions.md):
#: - ``hedges``: the claims' intervals force it. Same scope: the value they all
#:   allow is bounded on both sides (a category: one word). Relation: the
#:   figure the hedges imply is bounded on both sides and lies within the
#:   stated claims' interval widened ``policy.agreement_factor`` times.
#: - ``stated``: only the stated figures agree: the figure they imply lies
#:   within the stated claims' interval, while the hedges leave it open.
#: - ``loose``: the intervals merely overlap; neither forces the agreement.
STRENGTHS = ("hedges", "stated", "loose")

#: (metric, subject, period, product, counterparty): what a value is about.
Scope = tuple[str, str, str, tuple[str, ...], str]


@dataclass(frozen=True, slots=True)
class Side:
    """One side of a finding: its claims and the independent origins behind them.

    ``role`` says what the side is (``floor``, ``ceiling``, ``agree``, ``word``,
    ``unit``, ``result``, ``operands``, ``implied``, ``stated``, ``part``,
    ``whole``, ``parts``, ``claim``, ``loop``, ``relays``); ``key`` is the datum
    that names it where the role needs one (the claim whose reading bounds the
    side, the category word, the unit, the metric id)."""

    role: str
    claims: tuple[str, ...]
    origins: tuple[str, ...]
    key: str = ""


@dataclass(frozen=True, slots=True)
class Figure:
    """A number a rule computed, as data: the interval and the unit it is in."""

    interval: Interval
    unit: str


@dataclass(frozen=True, slots=True)
class Assumption:
    """``broader-scope``: a claim on ``metric`` for ``stated`` (a broader scope:
    a whole, a containing period, all products) stands in for ``applied``."""

    code: str
    metric: str
    stated: Scope
    applied: Scope
    claims: tuple[str, ...]


# -- details: the data each kind of finding carries ---------------------------------------


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Same scope, numbers or dates: ``floor`` (the highest lower bound) and
    ``ceiling`` (the lowest upper bound) share no value."""

    scope: Scope
    floor: str
    ceiling: str


@dataclass(frozen=True, slots=True)
class CommonGround:
    """Same scope: the claims agree; ``ground`` is the value all of them allow
    (None for categories, whose common word is ``word``). ``strength``: see
    ``STRENGTHS``."""

    scope: Scope
    ground: Figure | None
    word: str = ""
    terms: tuple[str, ...] = ()  # the claims in the order their readings are shown
    strength: str = "hedges"


@dataclass(frozen=True, slots=True)
class WordConflict:
    """Same scope, categories: ``words`` from most to least claimed; ``first`` and
    ``second`` are a claim of each of the two most claimed."""

    scope: Scope
    words: tuple[str, ...]
    first: str
    second: str


@dataclass(frozen=True, slots=True)
class Incomparable:
    """Claims on one scope in different currencies: never converted."""

    scope: Scope
    units: tuple[str, ...]
    terms: tuple[str, ...]  # the claims, unit by unit


@dataclass(frozen=True, slots=True)
class Undecidable:
    """``relation`` cannot be checked on ``base``: it divides by ``divisor`` (the
    metric on the right), whose claims allow zero (``reading``)."""

    relation: Relation
    base: tuple[str, str, tuple[str, ...], str]
    divisor: tuple[str, ...]  # the claims of the divisor's scope
    reading: Interval


@dataclass(frozen=True, slots=True)
class RelationConflict:
    """``relation`` cannot hold on ``base`` (subject, period, product, party): the
    operands' intervals give ``implied`` for the result, which ``result`` says
    is otherwise. ``result``, ``left`` and ``right`` are claim ids."""

    relation: Relation
    base: tuple[str, str, tuple[str, ...], str]
    result: str
    left: str
    right: str
    implied: Figure


@dataclass(frozen=True, slots=True)
class RelationAgreement:
    """``relation`` holds on ``base``: the metric in ``role`` (0 result, 1 left,
    2 right) is implied by the others' claims as ``implied`` (with the hedges)
    and as ``nominal`` (the stated figures: ``given`` combined by ``op``; None
    when a stated figure is not one number). ``inside``: whether ``nominal``
    lies within the stated claims' common reading."""

    relation: Relation
    base: tuple[str, str, tuple[str, ...], str]
    role: int
    metric: str
    implied: Figure
    stated: tuple[str, ...]  # the claims stating the metric in ``role``
    given_by: tuple[str, ...]  # origins of the figures that imply it
    nominal: float | None = None
    given: tuple[tuple[float, str], ...] = ()
    op: str = ""
    inside: bool = False
    strength: str = "hedges"


@dataclass(frozen=True, slots=True)
class PartWhole:
    """``part`` (a claim on ``part_scope``) is above ``whole`` (on ``whole_scope``)."""

    part_scope: Scope
    whole_scope: Scope
    part: str
    whole: str


@dataclass(frozen=True, slots=True)
class Term:
    """One part in a sum: its scope, the claim, the figure it enters with (its
    lowest reading) and the figure the claim states."""

    scope: Scope
    claim: str
    figure: float
    stated: float


@dataclass(frozen=True, slots=True)
class PartsSum:
    """Disjoint parts of ``whole_scope`` along ``axis`` add up, at their lowest
    readings, to ``total``: more than ``ceiling`` (a claim on the whole) allows.
    ``terms`` are in the reader's order (members as the desk lists them, periods
    by date); ``nominal`` is the sum of the figures they state."""

    whole_scope: Scope
    axis: str
    unit: str
    terms: tuple[Term, ...]
    total: float
    ceiling: str
    nominal: float


@dataclass(frozen=True, slots=True)
class Cover:
    """Parts that cover ``whole_scope`` along ``axis`` add up to ``total`` (their
    stated figures, ``stated`` part by part, to ``nominal``), less than the
    whole's ``whole_reading``. Parts are in the reader's order."""

    whole_scope: Scope
    axis: str
    unit: str
    parts: tuple[tuple[Scope, tuple[str, ...]], ...]  # each part's scope and claims
    stated: tuple[float, ...]  # each part's stated figure (the mean where claims differ)
    whole_claims: tuple[str, ...]
    nominal: float
    total: Interval
    whole_reading: Interval


@dataclass(frozen=True, slots=True)
class UnsupportedQuote:
    """No number read in the quote is within tolerance of ``stated`` (the
    numbers the value states as written). ``nearest`` indexes ``numbers``
    (-1 when the quote states none); ``factor`` is the power of ten between
    the nearest number and the value (0 when they differ otherwise)."""

    claim: str
    stated: tuple[float, ...]
    numbers: tuple[QuoteNumber, ...]
    nearest: int
    factor: int


@dataclass(frozen=True, slots=True)
class ArchiveMiss:
    """A quote not found in ``article``'s archived text ``file`` (a file name);
    the most alike passage, when any, at ``line`` and ``score`` percent."""

    claim: str
    article: str
    file: str
    line: int = 0
    score: float = 0.0
    passage: str = ""


@dataclass(frozen=True, slots=True)
class AliasSuggestion:
    """A quote names ``word``, which looks like a spelling of source ``source``."""

    claim: str
    word: str
    source: str


@dataclass(frozen=True, slots=True)
class RelayLoop:
    """Articles that relay each other in a circle, in the order of ``cycle``."""

    cycle: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SingleOrigin:
    """A figure only ``origin`` stands behind; ``repeated_by``: the first claims
    repeating it (at most ``LISTED``), of ``repeats`` in all."""

    scope: Scope
    origin: str
    repeated_by: tuple[str, ...] = ()
    repeats: int = 0


@dataclass(frozen=True, slots=True)
class Circular:
    """Claims from several ``speakers`` that all relay ``origins``; ``basis`` is
    the repetition finding that shows they agree."""

    speakers: tuple[str, ...]
    origins: tuple[str, ...]
    basis: Finding


Detail = (
    Disagreement | CommonGround | WordConflict | Incomparable | Undecidable | RelationConflict
    | RelationAgreement | PartWhole | PartsSum | Cover | UnsupportedQuote | ArchiveMiss
    | AliasSuggestion | RelayLoop | SingleOrigin | Circular
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Finding:
    """One thing the rules found: data a renderer turns into words."""

    kind: str
    rule: str
    claims: tuple[str, ...]
    detail: Detail
    sides: tuple[Side, ...] = ()
    removal: tuple[str, ...] = ()  # removing any one of these restores consistency
    assumptions: tuple[Assumption, ...] = ()
    #: Disputed scopes the conflict holds across: for each, the claims any one of
    #: which completes the set in place of the one in ``claims`` ("whichever of X
    #: or Y is true"). Each choice gives another minimal set.
    whichever: tuple[tuple[str, ...], ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown finding kind {self.kind!r}")

    @property
    def severity(self) -> str:
        return KINDS[self.kind]

    @property
    def identity(self) -> str:
        """What names this finding across runs and re-orderings: its rule and its
        sorted claim ids, ``part-whole:ft-deliveries-2022+jiwei-china-market-2022``
        (docs/report-format.md)."""
        return identity_of(self.rule, self.claims)

    @property
    def strength(self) -> str | None:
        """What an agreement or repetition rests on (``STRENGTHS``); None for others."""
        found: str | None = getattr(self.detail, "strength", None)
        return found

    @property
    def origins(self) -> tuple[str, ...]:
        """Every independent origin on any side, sorted."""
        return tuple(sorted({o for side in self.sides for o in side.origins}))

    @property
    def core(self) -> tuple[str, ...]:
        """The claims every set of the finding holds: ``claims`` less the disputed
        alternatives of ``whichever`` (it holds whichever of them is true)."""
        varying = {c for group in self.whichever for c in group}
        return tuple(c for c in self.claims if c not in varying)

    def sets(self) -> list[frozenset[str]]:
        """Every minimal set of claims the finding stands for: ``claims``, and the
        sets made by swapping in each alternative of ``whichever``."""
        return [frozenset((*self.core, *pick)) for pick in itertools.product(*self.whichever)]

    def sort_key(self) -> tuple[int, str, tuple[str, ...]]:
        """Conflicts first, then by rule and claims (ties, which are rare, are
        ordered by their data: see ``sort_findings``)."""
        return (_ORDER[self.kind], self.rule, self.claims)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Findings in report order: by ``sort_key``, ties by their data, so the
    order never depends on which rule or process found them first."""
    keyed = sorted(zip(map(Finding.sort_key, findings), range(len(findings)), strict=True))
    ordered = [findings[i] for _, i in keyed]
    start = 0
    for end in range(1, len(keyed) + 1):
        if end == len(keyed) or keyed[end][0] != keyed[start][0]:
            if end - start > 1:
                ordered[start:end] = sorted(ordered[start:end], key=repr)
            start = end
    return ordered


def finding_ids(findings: Sequence[Finding]) -> list[str]:
    """Each finding's stable identity; a second finding of the same rule and claims
    (rare) takes ``#2``, and so on, in report order."""
    seen: dict[str, int] = {}
    found = []
    for finding in findings:
        identity = finding.identity
        count = seen[identity] = seen.get(identity, 0) + 1
        found.append(identity if count == 1 else f"{identity}#{count}")
    return found


def identity_of(rule: str, claims: Iterable[str]) -> str:
    """A finding's identity from its rule and claims (docs/report-format.md)."""
    return f"{rule}:{'+'.join(sorted(claims))}"
