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

from ..desk.model import Claim, Review
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
from .language import Language, language
from .words import Words

#: How each operator of a relation is printed.
SYMBOL = {"*": "×", "/": "÷", "+": "+", "-": "−"}


def N_(message: str) -> str:
    """Marks an English sentence for the catalogs; it is translated where it is shown."""
    return message


@dataclass(frozen=True, slots=True)
class Wording:
    """A finding in words: what every renderer shows of it."""

    message: str
    arithmetic: tuple[str, ...] = ()
    assumptions: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()  # one per side, in order


#: How a claim that is not simply reported is said.
MODALITY_WORDS = {"expected": N_("a forecast"), "estimated": N_("an estimate")}


class Phrasebook:
    """The words for one report's findings and claims, in one language (each made
    once, remembered)."""

    def __init__(self, report: Report, speaking: Language | str | None = None) -> None:
        self.report = report
        self.claims = report.desk.by_id
        chosen = speaking if isinstance(speaking, Language) else language(speaking)
        self.words = Words(chosen, report.desk)
        self._ = chosen.gettext
        self.n_ = self.words.n_
        self.sep = chosen.gettext("; ")  # between the parts of a sentence ("\u00a0; " in French)
        self._said: dict[str, str] = {}
        self._read: dict[int, str] = {}  # by value: claims share their value objects
        self._words: dict[int, Wording] = {}

    @property
    def language(self) -> Language:
        return self.words.language

    def claim(self, claim_id: str) -> Claim:
        return self.claims[claim_id]

    def origins(self, claim_id: str) -> str:
        """A claim's independent origins by name: ``Financial Times, Jiwei``."""
        return self.words.sources(self.report.origins.get(claim_id, ()))

    def said(self, claim_id: str) -> str:
        """A claim as the article said it and as it was read: ``id (origins): “the
        quote” (fr) → 3.8 to 4.2 billion USD`` (``'value as written', read as ...``
        where the claim has no quote), then what the reader needs to judge it: a
        forecast or an estimate, where it was derived from, and the desk's note."""
        found = self._said.get(claim_id)
        if found is None:
            claim = self.claims[claim_id]
            _ = self._
            fields = {
                "claim": claim.id,
                "origins": self.origins(claim_id),
                "reading": self.reading(claim),
            }
            if not claim.quote:
                found = _("{claim} ({origins}): '{value}', read as {reading}").format(
                    value=claim.value.text, **fields
                )
            elif claim.quote_lang:
                found = _("{claim} ({origins}): {quote} ({lang}) → {reading}").format(
                    quote=self.quoted(claim), lang=claim.quote_lang, **fields
                )
            else:
                found = _("{claim} ({origins}): {quote} → {reading}").format(
                    quote=self.quoted(claim), **fields
                )
            found = self.sep.join([found, *self.context(claim, quote=False)])
            self._said[claim_id] = found
        return found

    def quoted(self, claim: Claim) -> str:
        """The article's words between the language's quotation marks."""
        return self._("“{quote}”").format(quote=claim.quote)

    def context(self, claim: Claim, quote: bool = True) -> list[str]:
        """What a reading leaves out: ``a forecast``, ``derived by Jiwei from its
        figure for ByteDance (id)``, ``quoted (fr) “...”`` (in the article's language;
        left out with ``quote=False``), ``note: ...``."""
        _ = self._
        found = []
        if claim.modality != "reported":
            found.append(_(MODALITY_WORDS.get(claim.modality, claim.modality)))
        if claim.derived_from:
            found.append(self.derivation(claim))
        if claim.quote and quote:
            if claim.quote_lang:
                found.append(
                    _("quoted ({lang}) {quote}").format(
                        lang=claim.quote_lang, quote=self.quoted(claim)
                    )
                )
            else:
                found.append(_("quoted {quote}").format(quote=self.quoted(claim)))
        if claim.note:
            found.append(_("note: {note}").format(note=claim.note))
        if claim.review:
            found.append(_("verdict: {rating}").format(rating=self.rating(claim.review)))
        return found

    def rating(self, review: Review) -> str:
        """``misleading (2 of 4)``: the rating and its place on the desk's scale."""
        return self._("{rating} ({position} of {scale})").format(
            rating=review.rating,
            position=self.words.digits(review.position),
            scale=self.words.digits(review.scale),
        )

    def verdict(self, review: Review) -> str:
        """The verdict in words, then who gave it, when, and where it is published."""
        who = [self._("reviewed by {reviewer}").format(reviewer=review.reviewer)] * bool(
            review.reviewer
        )
        if review.date:
            who.append(self.words.calendar(review.date))
        parts = [review.verdict, ", ".join(who), review.url]
        return " — ".join(p for p in parts if p)

    def derivation(self, claim: Claim) -> str:
        """``derived by Jiwei from its figure for ByteDance (jiwei-bytedance-spend-2023)``;
        the figures of one entity together: ``ByteDance (a, b)``."""
        own: dict[str, list[str]] = {}
        other: dict[str, list[str]] = {}
        for ident in claim.derived_from:
            base = self.claims.get(ident)
            if base is None:
                other.setdefault("", []).append(ident)
                continue
            side = own if base.source == claim.source else other
            side.setdefault(self.words.entity(base.subject), []).append(ident)
        parts = []
        if own:
            parts.append(self.n_(
                "derived by {source} from its figure for {figures}",
                "derived by {source} from its figures for {figures}",
                sum(map(len, own.values())),
                source=self.words.source(claim.source),
                figures=_figures(own),
            ))  # fmt: skip
        if other:
            parts.append(self.n_(
                "derived from the figure for {figures}",
                "derived from the figures for {figures}",
                sum(map(len, other.values())),
                figures=_figures(other),
            ))  # fmt: skip
        return self.sep.join(parts)

    def reading(self, claim: Claim) -> str:
        """The interval a claim's value was read as, in words (made once per value:
        the loader reads each value text once, and claims share it)."""
        key = id(claim.value)
        found = self._read.get(key)
        if found is None:
            found = self._read[key] = self.words.read_as(claim)
        return found

    def read_as(self, claim_id: str) -> str:
        return self.reading(self.claims[claim_id])

    def text(self, claim_id: str) -> str:
        """The value as written, quoted: ``'4 billion USD'``."""
        return f"'{self.claims[claim_id].value.text}'"

    def scope(self, where: Scope, metric: bool = True) -> str:
        return self.words.scope(where, metric)

    def independent(self, origins: tuple[str, ...]) -> str:
        """``2 independent origins (Financial Times, Jiwei)``."""
        count = self.n_("{n} independent origin", "{n} independent origins", len(origins))
        return f"{count} ({self.words.sources(origins)})"

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
                tuple(assumption(self, a) for a in finding.assumptions),
                tuple(self.label(finding, side) for side in finding.sides),
            )
            self._words[key] = found
        return found

    def _whichever(
        self, finding: Finding, message: str, arithmetic: tuple[str, ...]
    ) -> tuple[str, tuple[str, ...]]:
        """A conflict that holds across a dispute: say so, and show every alternative."""
        _ = self._
        either = self.sep.join(
            _("whichever of {claims} is true").format(
                claims=_(" or ").join(f"{c} ({self.text(c)})" for c in group)
            )
            for group in finding.whichever
        )
        shown = set(finding.claims)
        more = tuple(self.said(c) for g in finding.whichever for c in g if c not in shown)
        return f"{message} ({either})", (*arithmetic, *more)

    def either(self, finding: Finding, claim_id: str) -> str:
        """A claim's reading, or its disputed scope's alternatives' readings."""
        for group in finding.whichever:
            if claim_id in group:
                return self._(" or ").join(self.read_as(c) for c in group)
        return self.read_as(claim_id)

    def message(self, finding: Finding) -> str:
        return self.wording(finding).message

    def label(self, finding: Finding, side: Side) -> str:
        _ = self._
        role = side.role
        if role in ("floor", "ceiling"):
            return self.claims[side.key].value.text
        if role in ("word", "unit", "result"):
            return side.key
        if role == "implied":
            return _("{metric} implied").format(metric=side.key)
        if role == "stated":
            return _("{metric} stated").format(metric=side.key)
        if role == "operands":
            relation = finding.detail.relation  # type: ignore[union-attr]
            return f"{relation.left} {SYMBOL[relation.op]} {relation.right}"
        return _(ROLE_WORDS.get(role, role))

    def single_origin_what(self, finding: Finding) -> str:
        """A single-origin finding without its origin (shown in a column of its own)."""
        detail = finding.detail
        assert isinstance(detail, SingleOrigin)
        value = self._value(finding.claims[0])
        said = self._("{scope}: {value}").format(scope=self.scope(detail.scope), value=value)
        return said + _repeated(self, detail)

    def _value(self, claim_id: str) -> str:
        claim = self.claims[claim_id]
        if isinstance(claim.value, Category):
            return f"'{claim.value.text}'"
        return f"'{claim.value.text}' ({self.reading(claim)})"


#: The label of each side role, as a reader reads it.
ROLE_WORDS = {
    "agree": N_("agree"), "part": N_("part"), "whole": N_("whole"), "parts": N_("parts"),
    "claim": N_("claim"), "loop": N_("loop"), "relays": N_("relays"),
}  # fmt: skip


def assumption(book: Phrasebook, made: Assumption) -> str:
    """``broader-scope``: a claim on a broader scope stands in for a missing one."""
    return book._(
        "{metric} stated for {stated} ({claims}) is assumed to hold for {applied}"
    ).format(
        metric=book.words.metric(made.metric),
        stated=book.scope(made.stated, metric=False),
        claims=", ".join(made.claims),
        applied=book.scope(made.applied, metric=False),
    )


Lines = tuple[str, tuple[str, ...]]


def _disagreement(book: Phrasebook, finding: Finding, d: Disagreement) -> Lines:
    _ = book._
    return (
        _("{scope}: {floor} and {ceiling} cannot both be true").format(
            scope=book.scope(d.scope), floor=d.floor, ceiling=d.ceiling
        ),
        (book.said(d.floor), book.said(d.ceiling), _("the two readings share no value")),
    )


def _common_ground(book: Phrasebook, finding: Finding, d: CommonGround) -> Lines:
    _ = book._
    origins = finding.sides[0].origins
    where = book.scope(d.scope)
    if d.ground is None:  # a category: one word
        count = book.n_("{n} independent origin", "{n} independent origins", len(origins))
        return _("{scope}: all say '{word}' ({origins})").format(
            scope=where, word=d.word, origins=count
        ), ()
    if finding.kind == "agreement":
        what = book.n_("{n} independent origin agrees", "{n} independent origins agree",
                       len(origins))  # fmt: skip
    else:
        what = _("one origin ({origin}) repeated").format(origin=book.words.source(origins[0]))
    ground = book.words.interval_in(d.ground.interval, d.ground.unit)
    loose = (
        " " + _("(open-ended: the readings agree only on a bound)") if d.strength == "loose" else ""
    )
    return (
        _("{scope}: {what}; common ground {ground}").format(scope=where, what=what, ground=ground)
        + loose,
        tuple(book.said(c) for c in d.terms),
    )


def _word_conflict(book: Phrasebook, finding: Finding, d: WordConflict) -> Lines:
    return (
        book._("{scope}: '{first}' and '{second}' cannot both be true").format(
            scope=book.scope(d.scope), first=d.words[0], second=d.words[1]
        ),
        (book.said(d.first), book.said(d.second)),
    )


def _incomparable(book: Phrasebook, finding: Finding, d: Incomparable) -> Lines:
    return (
        book._(
            "{scope}: claims in different currencies ({units}) are not compared; "
            "factcheck never converts currencies"
        ).format(scope=book.scope(d.scope), units=", ".join(d.units)),
        tuple(book.said(c) for c in d.terms),
    )


def _base(
    book: Phrasebook, relation_result: str, base: tuple[str, str, tuple[str, ...], str]
) -> str:
    return book.scope((relation_result, *base), metric=False)


def _undecidable(book: Phrasebook, finding: Finding, d: Undecidable) -> Lines:
    _ = book._
    relation = d.relation
    reading = book.words.interval(d.reading, book.claim(d.divisor[0]).value.unit)  # type: ignore[union-attr]
    zero = d.reading.lo == d.reading.hi == 0
    template = (
        _("{relation} cannot be checked for {base}: {divisor} ({reading}) is zero, and "
          "nothing can be divided by zero")
        if zero
        else _("{relation} cannot be checked for {base}: {divisor} ({reading}) may be of "
               "either sign, and nothing can be divided by zero")
    )  # fmt: skip
    return (
        template.format(
            relation=relation.text,
            base=_base(book, relation.result, d.base),
            divisor=relation.right,
            reading=reading,
        ),
        tuple(book.said(c) for c in d.divisor),
    )


def _relation_conflict(book: Phrasebook, finding: Finding, d: RelationConflict) -> Lines:
    _ = book._
    relation, symbol = d.relation, SYMBOL[d.relation.op]
    implied = book.words.interval(d.implied.interval, d.implied.unit)
    result = book.read_as(d.result)
    return (
        _(
            "{relation} cannot hold for {base}: {left} and {right} imply {implied}, but "
            "{result} is {reading}"
        ).format(
            relation=relation.text,
            base=_base(book, relation.result, d.base),
            left=relation.left,
            right=relation.right,
            implied=implied,
            result=relation.result,
            reading=result,
        ),
        (
            f"{relation.left} {symbol} {relation.right}: {book.either(finding, d.left)} {symbol} "
            f"{book.either(finding, d.right)} = {implied}",
            _("but {result} is {reading} ({claim})").format(
                result=relation.result, reading=book.either(finding, d.result), claim=d.result
            ),
            book.said(d.result),
            book.said(d.left),
            book.said(d.right),
        ),
    )


def implied_figure(book: Phrasebook, d: RelationAgreement) -> str:
    """The figure a relation implies, in words: from the stated numbers when they
    are single numbers (``1 billion USD ÷ 100,000 GPUs = 10,000 USD/GPU (as
    stated)``), else the interval the hedges allow."""
    _ = book._
    unit = d.implied.unit
    if d.nominal is None:
        return _("with the hedges: {metric} is {implied}").format(
            metric=d.metric, implied=book.words.interval(d.implied.interval, unit)
        )
    given = f" {SYMBOL[d.op]} ".join(book.words.quantity(n, u) for n, u in d.given)
    return _("{given} = {figure} (as stated)").format(
        given=given, figure=book.words.quantity(d.nominal, unit)
    )


def _relation_agreement(book: Phrasebook, finding: Finding, d: RelationAgreement) -> Lines:
    _ = book._
    unit = d.implied.unit
    implied = book.words.interval(d.implied.interval, unit)
    stated = ", ".join(book.text(c) for c in d.stated)
    lines = []
    if d.nominal is not None:
        lines.append(implied_figure(book, d))
        near = (
            _("{figure}, within the stated {stated}")
            if d.inside
            else _("{figure}, outside the stated {stated}")
        ).format(figure=book.words.quantity(d.nominal, unit), stated=stated)
    else:
        near = _("{implied}, consistent with the stated {stated}").format(
            implied=implied, stated=stated
        )
    lines.append(
        _("with the hedges: {metric} is {implied}").format(metric=d.metric, implied=implied)
    )
    lines.extend(book.said(c) for c in sorted(d.stated))
    everyone = len(finding.origins)
    return (
        _(
            "{relation} holds for {base}: the figures of {given} imply {metric} of {near} "
            "({origins})"
        ).format(
            relation=d.relation.text,
            base=_base(book, d.relation.result, d.base),
            given=book.words.sources(d.given_by),
            metric=d.metric,
            near=near,
            origins=book.n_("{n} independent origin", "{n} independent origins", everyone),
        )
        + _rests_on(book, finding, d),
        tuple(lines),
    )


#: Hedges that leave one side of a value open.
_OPEN = {"at-least": N_("at least"), "more-than": N_("more than"), "at-most": N_("at most"),
         "less-than": N_("less than")}  # fmt: skip


def _rests_on(book: Phrasebook, finding: Finding, d: RelationAgreement) -> str:
    """What a relation's agreement rests on, in words (``STRENGTHS``)."""
    _ = book._
    if d.strength == "hedges":
        return book.sep + _("the hedges alone imply it")
    if d.strength == "stated":
        used = next(side.claims for side in finding.sides if side.role == "implied")
        hedges = [
            _(_OPEN[q])
            for q in dict.fromkeys(getattr(book.claim(c).value, "qualifier", "") for c in used)
            if q in _OPEN
        ]
        if hedges:
            return book.sep + _(
                "only the stated figures agree: their hedges ({hedges}) do not bound it"
            ).format(hedges=", ".join(hedges))
        return book.sep + _("only the stated figures agree: their hedges do not bound it")
    return book.sep + _("neither the hedges nor the stated figures pin it down")


def why_part(book: Phrasebook, part: Scope, whole: Scope) -> str:
    """Why one scope is part of another, in words."""
    _, w = book._, book.words
    reasons = []
    if part[1] != whole[1]:
        reasons.append(_("{part} is part of {whole}").format(
            part=w.entity(part[1]), whole=w.entity(whole[1])))  # fmt: skip
    if part[2] != whole[2]:
        reasons.append(_("{part} lies within {whole}").format(
            part=w.period(part[2]), whole=w.period(whole[2])))  # fmt: skip
    if part[3] != whole[3]:
        reasons.append(_("{part} is among {whole}").format(
            part=w.products(part[3]), whole=w.products(whole[3]) or _("all products")))  # fmt: skip
    if part[4] != whole[4]:
        reasons.append(_("{part} is one of all counterparties").format(part=w.entity(part[4])))
    return book.sep.join(reasons)


def _part_whole(book: Phrasebook, finding: Finding, d: PartWhole) -> Lines:
    _ = book._
    part, whole = book.read_as(d.part), book.read_as(d.whole)
    return (
        _(
            "a part cannot exceed its whole ({why}): {part} puts {part_scope} at {part_reading}, "
            "but {whole} puts the whole, {whole_scope}, at {whole_reading}"
        ).format(
            why=why_part(book, d.part_scope, d.whole_scope),
            part=d.part,
            part_scope=book.scope(d.part_scope),
            part_reading=part,
            whole=d.whole,
            whole_scope=book.scope(d.whole_scope),
            whole_reading=whole,
        ),
        (
            _("part ≤ whole, but {part} > {whole}").format(part=part, whole=whole),
            book.said(d.part),
            book.said(d.whole),
        ),
    )


def _parts_sum(book: Phrasebook, finding: Finding, d: PartsSum) -> Lines:
    _, w = book._, book.words
    stated = w.sum_of([(w.along(t.scope, d.axis), t.stated) for t in d.terms], d.nominal, d.unit)
    total, ceiling = w.quantity(d.total, d.unit), book.read_as(d.ceiling)
    return (
        _(
            "disjoint parts of {scope} add up to more than the whole: at least {total}, but "
            "{claim} says {ceiling}"
        ).format(scope=book.scope(d.whole_scope), total=total, claim=d.ceiling, ceiling=ceiling),
        (
            _(
                "{stated} as stated, at least {total} with the hedges (the lowest reading of "
                "each), but the whole is {ceiling}"
            ).format(stated=stated, total=total, ceiling=ceiling),
            *(book.said(t.claim) for t in d.terms),
            book.said(d.ceiling),
        ),
    )


def _cover(book: Phrasebook, finding: Finding, d: Cover) -> Lines:
    _, w = book._, book.words
    stated = w.sum_of(
        [(w.along(scope, d.axis), x) for (scope, _c), x in zip(d.parts, d.stated, strict=True)],
        d.nominal,
        d.unit,
    )
    whole = ", ".join(book.text(c) for c in d.whole_claims)
    return (
        _("the parts of {scope} add up to less than the whole").format(
            scope=book.scope(d.whole_scope)
        ),
        (
            _(
                "{stated} as stated, {total} with the hedges, but {whole} is {claims} ({reading})"
            ).format(
                stated=stated,
                total=w.interval(d.total, d.unit),
                whole=w.along(d.whole_scope, d.axis),
                claims=whole,
                reading=w.interval(d.whole_reading, d.unit),
            ),
            *(book.said(c) for _s, claims in d.parts for c in claims),
            *(book.said(c) for c in d.whole_claims),
        ),
    )


def _figures(by_entity: dict[str, list[str]]) -> str:
    """``ByteDance (a, b), Alibaba (c)``: claim ids under their entity's name."""
    return ", ".join(
        f"{name} ({', '.join(ids)})" if name else ", ".join(ids) for name, ids in by_entity.items()
    )


def _factor(book: Phrasebook, exponent: int, quoted: float, written: float) -> str:
    """How far the value is from the quote's number, and the likely slip: ``1,000
    times less than the quote (millions in the quote, billions in the value?)``."""
    _, w = book._, book.words
    times = w.times(exponent)
    said = (_("{times} times less than the quote") if exponent > 0
            else _("{times} times more than the quote")).format(times=times)  # fmt: skip
    in_quote, in_value = w.scale_name(quoted), w.scale_name(written)
    if in_quote and in_value and in_quote != in_value:
        said += " " + _("({quote} in the quote, {value} in the value?)").format(
            quote=in_quote, value=in_value
        )
    return said


def _unsupported_quote(book: Phrasebook, finding: Finding, d: UnsupportedQuote) -> Lines:
    _, w = book._, book.words
    claim = book.claim(d.claim)
    written = w.plain(d.stated[0])
    if d.nearest >= 0:
        nearest = d.numbers[d.nearest]
        message = _("{claim}: quote says {quoted} ('{text}'), value is {value}").format(
            claim=d.claim, quoted=w.plain(nearest.value), text=nearest.text, value=written
        )
        if d.factor:
            message += ": " + _factor(book, d.factor, nearest.value, d.stated[0])
        read = book.sep.join(f"'{n.text}' = {w.plain(n.value)}" for n in d.numbers)
    else:
        message = _("{claim}: the quote states no number, value is {value}").format(
            claim=d.claim, value=written
        )
        read = _("no number")
    return message, (
        _("value '{value}' states {numbers}").format(
            value=claim.value.text, numbers=", ".join(w.plain(s) for s in d.stated)
        ),
        _("quote ({lang}): {quote}").format(
            lang=claim.quote_lang, quote=_("“{quote}”").format(quote=claim.quote)
        ),
        _("numbers read in the quote: {numbers}").format(numbers=read),
    )


def _archive_miss(book: Phrasebook, finding: Finding, d: ArchiveMiss) -> Lines:
    _ = book._
    quote = _("“{quote}”")
    nearest = (
        _("nearest passage, line {line} of {file} ({score}% alike): {passage}").format(
            line=d.line,
            file=d.file,
            score=f"{d.score:.0f}",
            passage=quote.format(quote=d.passage),
        )
        if d.passage
        else _("{file} has no passage like it").format(file=d.file)
    )
    return (
        _("{claim}: the quote is not in the archived text of {article}").format(
            claim=d.claim, article=d.article
        ),
        (
            _("quote: {quote}").format(quote=quote.format(quote=book.claim(d.claim).quote)),
            nearest,
        ),
    )


def _alias_suggestion(book: Phrasebook, finding: Finding, d: AliasSuggestion) -> Lines:
    source = book.report.desk.sources[d.source]
    return (
        book._(
            "the quote of {claim} names '{word}', which looks like source '{source}' "
            "({name}); add '{word}' to its aliases"
        ).format(claim=d.claim, word=d.word, source=source.id, name=source.name),
        (),
    )


def _relay_loop(book: Phrasebook, finding: Finding, d: RelayLoop) -> Lines:
    loop = " → ".join([*d.cycle, d.cycle[0]])
    return (
        book.n_(
            "articles relay each other in a circle ({loop}): the origin of {n} claim "
            "cannot be traced",
            "articles relay each other in a circle ({loop}): the origin of {n} claims "
            "cannot be traced",
            len(finding.claims),
            loop=loop,
        ),
        (),
    )


def _repeated(book: Phrasebook, d: SingleOrigin) -> str:
    if not d.repeated_by:
        return ""
    rest = d.repeats - len(d.repeated_by)
    by = ", ".join(d.repeated_by)
    if rest > 0:
        by = book.n_("{shown} and {n} other", "{shown} and {n} others", rest, shown=by)
    return book.sep + book._("repeated by {claims} from the same origin").format(claims=by)


def _single_origin(book: Phrasebook, finding: Finding, d: SingleOrigin) -> Lines:
    value = book._value(finding.claims[0])
    return (
        book._("{scope}: {value} rests on one origin, {origin}").format(
            scope=book.scope(d.scope), value=value, origin=book.words.source(d.origin)
        )
        + _repeated(book, d),
        (),
    )


def _circular(book: Phrasebook, finding: Finding, d: Circular) -> Lines:
    return (
        book.n_(
            "{claims} come from {n} speaker ({speakers}) but all relay {origins}: one origin, "
            "not corroboration",
            "{claims} come from {n} speakers ({speakers}) but all relay {origins}: one "
            "origin, not corroboration",
            len(d.speakers),
            claims=book.words.listed(finding.claims),
            speakers=book.words.sources(d.speakers),
            origins=book.words.sources(d.origins),
        ),
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
