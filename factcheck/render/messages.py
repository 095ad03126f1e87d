"""The words of findings: one template per kind of finding detail.

A rule yields a ``Finding`` holding data (``factcheck.engine.findings``); the
``Phrasebook`` of a report turns it into a ``Wording``: the message, the lines
of arithmetic a reader can redo, the assumptions and the label of each side.
Every output format (text, Markdown, JSON, HTML, the graph, ``explain``) takes
its words from here, so a finding reads the same everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..desk.model import Claim
from ..engine.findings import (
    AliasSuggestion,
    ArchiveMiss,
    Assumption,
    Circular,
    CommonGround,
    Cover,
    Disagreement,
    Finding,
    Incomparable,
    PartsSum,
    PartWhole,
    RelationAgreement,
    RelationConflict,
    RelayLoop,
    Scope,
    Side,
    SingleOrigin,
    Undecidable,
    UnsupportedQuote,
    WordConflict,
)
from ..engine.report import Report
from ..values.amounts import Category
from . import words
from .words import plural, quantity, scientific

#: How each operator of a relation is printed.
SYMBOL = {"*": "×", "/": "÷", "+": "+", "-": "−"}


@dataclass(frozen=True, slots=True)
class Wording:
    """A finding in words: what every renderer shows of it."""

    message: str
    arithmetic: tuple[str, ...] = ()
    assumptions: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()  # one per side, in order


#: How a claim that is not simply reported is said.
MODALITY_WORDS = {"expected": "a forecast", "estimated": "an estimate"}


class Phrasebook:
    """The words for one report's findings and claims (each made once, remembered)."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.claims = report.desk.by_id
        self._said: dict[str, str] = {}
        self._read: dict[int, str] = {}  # by value: claims share their value objects
        self._words: dict[int, Wording] = {}

    def claim(self, claim_id: str) -> Claim:
        return self.claims[claim_id]

    def said(self, claim_id: str) -> str:
        """``id (origins): 'value as written', read as ...``, then what the reader needs
        to judge the claim: a forecast or an estimate, where it was derived from, the
        article's words and the desk's note."""
        found = self._said.get(claim_id)
        if found is None:
            claim = self.claims[claim_id]
            origins = ", ".join(self.report.origins.get(claim_id, ()))
            found = f"{claim.id} ({origins}): '{claim.value.text}', read as {self.reading(claim)}"
            found = "; ".join([found, *self.context(claim)])
            self._said[claim_id] = found
        return found

    def context(self, claim: Claim) -> list[str]:
        """What a reading leaves out: ``a forecast``, ``derived from x``, ``quoted "..."``
        (in the article's language), ``note: ...``."""
        found = []
        if claim.modality != "reported":
            found.append(MODALITY_WORDS.get(claim.modality, claim.modality))
        if claim.derived_from:
            found.append("derived from " + ", ".join(claim.derived_from))
        if claim.quote:
            lang = f" ({claim.quote_lang})" if claim.quote_lang else ""
            found.append(f"quoted{lang} “{claim.quote}”")
        if claim.note:
            found.append(f"note: {claim.note}")
        return found

    def reading(self, claim: Claim) -> str:
        """The interval a claim's value was read as, in words (made once per value:
        the loader reads each value text once, and claims share it)."""
        key = id(claim.value)
        found = self._read.get(key)
        if found is None:
            found = self._read[key] = words.read_as(claim)
        return found

    def read_as(self, claim_id: str) -> str:
        return self.reading(self.claims[claim_id])

    def text(self, claim_id: str) -> str:
        """The value as written, quoted: ``'4 billion USD'``."""
        return f"'{self.claims[claim_id].value.text}'"

    def wording(self, finding: Finding) -> Wording:
        """The finding in words (made once per finding)."""
        key = id(finding)
        found = self._words.get(key)
        if found is None:
            message, arithmetic = TEMPLATES[type(finding.detail)](self, finding, finding.detail)
            if finding.whichever:
                message, arithmetic = self._whichever(finding, message, arithmetic)
            found = Wording(
                message,
                arithmetic,
                tuple(assumption(a) for a in finding.assumptions),
                tuple(self.label(finding, side) for side in finding.sides),
            )
            self._words[key] = found
        return found

    def _whichever(
        self, finding: Finding, message: str, arithmetic: tuple[str, ...]
    ) -> tuple[str, tuple[str, ...]]:
        """A conflict that holds across a dispute: say so, and show every alternative."""
        either = "; ".join(
            "whichever of " + " or ".join(f"{c} ({self.text(c)})" for c in group) + " is true"
            for group in finding.whichever
        )
        shown = set(finding.claims)
        more = tuple(self.said(c) for g in finding.whichever for c in g if c not in shown)
        return f"{message} ({either})", (*arithmetic, *more)

    def either(self, finding: Finding, claim_id: str) -> str:
        """A claim's reading, or its disputed scope's alternatives' readings."""
        for group in finding.whichever:
            if claim_id in group:
                return " or ".join(self.read_as(c) for c in group)
        return self.read_as(claim_id)

    def message(self, finding: Finding) -> str:
        return self.wording(finding).message

    def label(self, finding: Finding, side: Side) -> str:
        role = side.role
        if role in ("floor", "ceiling"):
            return self.claims[side.key].value.text
        if role in ("word", "unit", "result"):
            return side.key
        if role in ("implied", "stated"):
            return f"{side.key} {role}"
        if role == "operands":
            relation = finding.detail.relation  # type: ignore[union-attr]
            return f"{relation.left} {SYMBOL[relation.op]} {relation.right}"
        return role  # agree, part, whole, parts, claim, loop, relays

    def single_origin_what(self, finding: Finding) -> str:
        """A single-origin finding without its origin (shown in a column of its own)."""
        detail = finding.detail
        assert isinstance(detail, SingleOrigin)
        return f"{words.scope(detail.scope)}: {self._value(finding.claims[0])}" + _repeated(detail)

    def _value(self, claim_id: str) -> str:
        claim = self.claims[claim_id]
        if isinstance(claim.value, Category):
            return f"'{claim.value.text}'"
        return f"'{claim.value.text}' ({self.reading(claim)})"


def assumption(made: Assumption) -> str:
    """``broader-scope``: a claim on a broader scope stands in for a missing one."""
    return (
        f"{made.metric} stated for {words.scope(made.stated)} ({', '.join(made.claims)}) "
        f"is assumed to hold for {words.scope(made.applied)}"
    )


Lines = tuple[str, tuple[str, ...]]


def _disagreement(book: Phrasebook, finding: Finding, d: Disagreement) -> Lines:
    return (
        f"{words.scope(d.scope)}: {d.floor} and {d.ceiling} cannot both be true",
        (book.said(d.floor), book.said(d.ceiling), "the two readings share no value"),
    )


def _common_ground(book: Phrasebook, finding: Finding, d: CommonGround) -> Lines:
    origins = finding.sides[0].origins
    where = words.scope(d.scope)
    if d.ground is None:  # a category: one word
        return f"{where}: all say '{d.word}' ({plural(len(origins), 'independent origin')})", ()
    what = (
        f"{len(origins)} independent origins agree"
        if finding.kind == "agreement"
        else f"one origin ({origins[0]}) repeated"
    )
    ground = words.interval_in(d.ground.interval, d.ground.unit)
    loose = " (open-ended: the readings agree only on a bound)" if d.strength == "loose" else ""
    return f"{where}: {what}; common ground {ground}{loose}", tuple(book.said(c) for c in d.terms)


def _word_conflict(book: Phrasebook, finding: Finding, d: WordConflict) -> Lines:
    return (
        f"{words.scope(d.scope)}: '{d.words[0]}' and '{d.words[1]}' cannot both be true",
        (book.said(d.first), book.said(d.second)),
    )


def _incomparable(book: Phrasebook, finding: Finding, d: Incomparable) -> Lines:
    return (
        f"{words.scope(d.scope)}: claims in different currencies ({', '.join(d.units)}) "
        "are not compared; factcheck never converts currencies",
        tuple(book.said(c) for c in d.terms),
    )


def _base(relation_result: str, base: tuple[str, str, tuple[str, ...], str]) -> str:
    return words.scope((relation_result, *base), metric=False)


def _undecidable(book: Phrasebook, finding: Finding, d: Undecidable) -> Lines:
    relation = d.relation
    reading = words.interval(d.reading, book.claim(d.divisor[0]).value.unit)  # type: ignore[union-attr]
    why = "is zero" if d.reading.lo == d.reading.hi == 0 else "may be of either sign"
    return (
        f"{relation.text} cannot be checked for {_base(relation.result, d.base)}: "
        f"{relation.right} ({reading}) {why}, and nothing can be divided by zero",
        tuple(book.said(c) for c in d.divisor),
    )


def _relation_conflict(book: Phrasebook, finding: Finding, d: RelationConflict) -> Lines:
    relation, symbol = d.relation, SYMBOL[d.relation.op]
    implied = words.interval(d.implied.interval, d.implied.unit)
    result = book.read_as(d.result)
    return (
        f"{relation.text} cannot hold for {_base(relation.result, d.base)}: {relation.left} and "
        f"{relation.right} imply {implied}, but {relation.result} is {result}",
        (
            f"{relation.left} {symbol} {relation.right}: {book.either(finding, d.left)} {symbol} "
            f"{book.either(finding, d.right)} = {implied}",
            f"but {relation.result} is {book.either(finding, d.result)} ({d.result})",
            book.said(d.result),
            book.said(d.left),
            book.said(d.right),
        ),
    )


def implied_figure(d: RelationAgreement) -> str:
    """The figure a relation implies, in words: from the stated numbers when they
    are single numbers (``1 billion USD ÷ 100,000 GPU = 10,000 USD/GPU (as
    stated)``), else the interval the hedges allow."""
    unit = d.implied.unit
    if d.nominal is None:
        return f"with the hedges: {d.metric} is {words.interval(d.implied.interval, unit)}"
    given = f" {SYMBOL[d.op]} ".join(quantity(n, u) for n, u in d.given)
    return f"{given} = {quantity(d.nominal, unit)} (as stated)"


def _relation_agreement(book: Phrasebook, finding: Finding, d: RelationAgreement) -> Lines:
    unit = d.implied.unit
    implied = words.interval(d.implied.interval, unit)
    stated = ", ".join(book.text(c) for c in d.stated)
    lines = []
    if d.nominal is not None:
        lines.append(implied_figure(d))
        near = (
            f"{quantity(d.nominal, unit)}, {'within' if d.inside else 'outside'} "
            f"the stated {stated}"
        )
    else:
        near = f"{implied}, consistent with the stated {stated}"
    lines.append(f"with the hedges: {d.metric} is {implied}")
    lines.extend(book.said(c) for c in sorted(d.stated))
    everyone = len(finding.origins)
    return (
        f"{d.relation.text} holds for {_base(d.relation.result, d.base)}: the figures of "
        f"{', '.join(d.given_by)} imply {d.metric} of {near} "
        f"({plural(everyone, 'independent origin')}){_rests_on(book, finding, d)}",
        tuple(lines),
    )


#: Hedges that leave one side of a value open.
_OPEN = {"at-least": "at least", "more-than": "more than", "at-most": "at most",
         "less-than": "less than"}  # fmt: skip


def _rests_on(book: Phrasebook, finding: Finding, d: RelationAgreement) -> str:
    """What a relation's agreement rests on, in words (``STRENGTHS``)."""
    if d.strength == "hedges":
        return "; the hedges alone imply it"
    if d.strength == "stated":
        used = next(side.claims for side in finding.sides if side.role == "implied")
        hedges = [
            _OPEN[q]
            for q in dict.fromkeys(getattr(book.claim(c).value, "qualifier", "") for c in used)
            if q in _OPEN
        ]
        which = f" ({', '.join(hedges)})" if hedges else ""
        return f"; only the stated figures agree: their hedges{which} do not bound it"
    return "; neither the hedges nor the stated figures pin it down"


def why_part(part: Scope, whole: Scope) -> str:
    """Why one scope is part of another, in words."""
    reasons = []
    if part[1] != whole[1]:
        reasons.append(f"{part[1]} is part of {whole[1]}")
    if part[2] != whole[2]:
        reasons.append(f"{part[2]} lies within {whole[2]}")
    if part[3] != whole[3]:
        reasons.append(
            f"{words.products(part[3])} is among {words.products(whole[3]) or 'all products'}"
        )
    if part[4] != whole[4]:
        reasons.append(f"{part[4]} is one of all counterparties")
    return "; ".join(reasons)


def _part_whole(book: Phrasebook, finding: Finding, d: PartWhole) -> Lines:
    part, whole = book.read_as(d.part), book.read_as(d.whole)
    return (
        f"a part cannot exceed its whole ({why_part(d.part_scope, d.whole_scope)}): {d.part} "
        f"puts {words.scope(d.part_scope)} at {part}, but {d.whole} puts the whole, "
        f"{words.scope(d.whole_scope)}, at {whole}",
        (f"part ≤ whole, but {part} > {whole}", book.said(d.part), book.said(d.whole)),
    )


def _parts_sum(book: Phrasebook, finding: Finding, d: PartsSum) -> Lines:
    stated = words.sum_of(
        [(words.along(t.scope, d.axis), t.stated) for t in d.terms], d.nominal, d.unit
    )
    total, ceiling = quantity(d.total, d.unit), book.read_as(d.ceiling)
    return (
        f"disjoint parts of {words.scope(d.whole_scope)} add up to more than the whole: "
        f"at least {total}, but {d.ceiling} says {ceiling}",
        (
            f"{stated} as stated, at least {total} with the hedges (the lowest reading "
            f"of each), but the whole is {ceiling}",
            *(book.said(t.claim) for t in d.terms),
            book.said(d.ceiling),
        ),
    )


def _cover(book: Phrasebook, finding: Finding, d: Cover) -> Lines:
    stated = words.sum_of(
        [(words.along(scope, d.axis), x) for (scope, _), x in zip(d.parts, d.stated, strict=True)],
        d.nominal,
        d.unit,
    )
    whole = ", ".join(book.text(c) for c in d.whole_claims)
    return (
        f"the parts of {words.scope(d.whole_scope)} add up to less than the whole",
        (
            f"{stated} as stated, {words.interval(d.total, d.unit)} with the hedges, "
            f"but {words.along(d.whole_scope, d.axis)} is {whole} "
            f"({words.interval(d.whole_reading, d.unit)})",
            *(book.said(c) for _, claims in d.parts for c in claims),
            *(book.said(c) for c in d.whole_claims),
        ),
    )


def _unsupported_quote(book: Phrasebook, finding: Finding, d: UnsupportedQuote) -> Lines:
    claim = book.claim(d.claim)
    written = scientific(d.stated[0])
    if d.nearest >= 0:
        nearest = d.numbers[d.nearest]
        tail = f": a factor of {words.power_of_ten(d.factor)}" if d.factor else ""
        message = (
            f"{d.claim}: quote says {scientific(nearest.value)} ('{nearest.text}'), "
            f"value is {written}{tail}"
        )
        read = "; ".join(f"'{n.text}' = {scientific(n.value)}" for n in d.numbers)
    else:
        message = f"{d.claim}: the quote states no number, value is {written}"
        read = "no number"
    return message, (
        f"value '{claim.value.text}' states {', '.join(scientific(s) for s in d.stated)}",
        f'quote ({claim.quote_lang}): "{claim.quote}"',
        f"numbers read in the quote: {read}",
    )


def _archive_miss(book: Phrasebook, finding: Finding, d: ArchiveMiss) -> Lines:
    nearest = (
        f'nearest passage, line {d.line} of {d.file} ({d.score:.0f}% alike): "{d.passage}"'
        if d.passage
        else f"{d.file} has no passage like it"
    )
    return (
        f"{d.claim}: the quote is not in the archived text of {d.article}",
        (f'quote: "{book.claim(d.claim).quote}"', nearest),
    )


def _alias_suggestion(book: Phrasebook, finding: Finding, d: AliasSuggestion) -> Lines:
    source = book.report.desk.sources[d.source]
    return (
        f"the quote of {d.claim} names '{d.word}', which looks like source "
        f"'{source.id}' ({source.name}); add '{d.word}' to its aliases",
        (),
    )


def _relay_loop(book: Phrasebook, finding: Finding, d: RelayLoop) -> Lines:
    loop = " → ".join([*d.cycle, d.cycle[0]])
    return (
        f"articles relay each other in a circle ({loop}): the origin of "
        f"{plural(len(finding.claims), 'claim')} cannot be traced",
        (),
    )


def _repeated(d: SingleOrigin) -> str:
    if not d.repeated_by:
        return ""
    rest = d.repeats - len(d.repeated_by)
    others = f" and {rest:,} other{'s' if rest != 1 else ''}" if rest > 0 else ""
    return f"; repeated by {', '.join(d.repeated_by)}{others} from the same origin"


def _single_origin(book: Phrasebook, finding: Finding, d: SingleOrigin) -> Lines:
    value = book._value(finding.claims[0])
    return f"{words.scope(d.scope)}: {value} rests on one origin, {d.origin}{_repeated(d)}", ()


def _circular(book: Phrasebook, finding: Finding, d: Circular) -> Lines:
    return (
        f"{words.listed(finding.claims)} come from {len(d.speakers)} speakers "
        f"({', '.join(d.speakers)}) but all relay {', '.join(d.origins)}: "
        "one origin, not corroboration",
        (book.message(d.basis),),
    )


#: The template of each kind of detail.
TEMPLATES: dict[type, Callable[[Phrasebook, Finding, Any], Lines]] = {
    Disagreement: _disagreement,
    CommonGround: _common_ground,
    WordConflict: _word_conflict,
    Incomparable: _incomparable,
    RelationConflict: _relation_conflict,
    Undecidable: _undecidable,
    RelationAgreement: _relation_agreement,
    PartWhole: _part_whole,
    PartsSum: _parts_sum,
    Cover: _cover,
    UnsupportedQuote: _unsupported_quote,
    ArchiveMiss: _archive_miss,
    AliasSuggestion: _alias_suggestion,
    RelayLoop: _relay_loop,
    SingleOrigin: _single_origin,
    Circular: _circular,
}
