"""Building claims on top of the desk's world, and the finished ``Desk``.

A claim's value is read once per (text, metric): a desk repeats the same
expressions, and reading a value is the costly part of loading a claim.
"""

from __future__ import annotations

import datetime
from dataclasses import replace
from pathlib import Path
from typing import Any, Literal

from ..errors import Location, ValueSyntaxError
from ..suggest import did_you_mean
from ..values.amounts import (
    Value,
    read_amount,
    read_category,
    read_date,
    read_time,
    reading_from_mapping,
    to_amount,
)
from ..values.periods import parse_period
from .circles import circles, spelt
from .model import MODALITIES, Claim, Desk, Metric, Policy, Review
from .names import UnknownName
from .world import ARTICLE_FIELDS, WorldBuilder, id_problem, valid_id
from .yamlfile import YMap

CLAIM_FIELDS = (
    "id", "source", "subject", "metric", "value", "period", "product", "counterparty",
    "modality", "quote", "quote_lang", "derived_from", "note", "review",
)  # fmt: skip
REVIEW_FIELDS = ("rating", "verdict", "reviewer", "date", "url")
_REQUIRED = ("id", "subject", "metric", "value")
PENDING = "\0pending"  # a source to resolve once every file is read
_VALUE_FIELDS = ("amount", "qualifier", "unit", "min", "max")


class DeskBuilder(WorldBuilder):
    """Adds claims to the world; ``desk()`` returns the finished desk."""

    def __init__(self, root: Path, reader: Any) -> None:
        super().__init__(root, reader)
        self.claim_ids: dict[str, Location] = {}
        self.claim_list: list[Claim] = []
        self._derived: list[tuple[Claim, Location]] = []
        self._values: dict[tuple[Any, str], Value | ValueSyntaxError] = {}
        # sources named before the article they refer to was read: (claim index, name, place)
        self._pending: list[tuple[int, str, Location, str]] = []
        self._article_defaults: dict[str, tuple[str, str, Location]] = {}

    def claim(self, rec: YMap, file: Path, is_csv: bool) -> None:
        ident = self.r.text(rec, "id", "a claim")
        if is_csv and not ident and "id" not in rec:  # a bulk table: each row named by its place
            ident = f"{file.stem}-{rec.line}"
        what = f"claim '{ident}'" if ident else "a claim"
        allowed = (*CLAIM_FIELDS, *ARTICLE_FIELDS) if is_csv else CLAIM_FIELDS
        required: tuple[str, ...] = (*_REQUIRED, "quote")
        if is_csv:
            required = _REQUIRED[1:] if "id" not in rec else _REQUIRED
        complete = self.r.check(rec, what, allowed, required)
        if self.r.left_to_fill(
            rec, what, "write it, or delete the claim if the desk does not need it"
        ):
            return  # checked for the rest once filled in
        if ident and not valid_id(ident):
            self.r.report(rec.where("id"), *id_problem("claim", ident))
            complete = False
        elif ident in self.claim_ids:
            first = self.claim_ids[ident]
            self.r.report(
                rec.where("id"),
                f"claim id '{ident}' is already used at {first}",
                "give each one its own id",
            )
            complete = False
        elif ident:
            self.claim_ids[ident] = rec.where("id")
        article = self._claim_article(rec, file, is_csv)
        source, source_name, source_where = self._claim_source(rec, article, what)
        subject = self._entity(rec, "subject", what)
        product = tuple(
            sorted(
                {
                    self._entity_name(rec, "product", p, what)
                    for p in self.r.words(rec, "product", what)
                }
                - {""}
            )
        )
        counterparty = self._entity(rec, "counterparty", what)
        metric = self._metric(rec, what)
        value = self._value(rec, metric, what) if metric is not None else None
        period = None
        period_text = self.r.text(rec, "period", what)
        if period_text:
            try:
                period = parse_period(period_text)
            except ValueSyntaxError as exc:
                self.r.report(rec.where("period"), f"{what}: {exc.message}", exc.hint)
                complete = False
        modality = self.r.choice(rec, "modality", what, MODALITIES, "reported")
        complete = complete and bool(modality)
        review = self._review(rec, what)
        complete = complete and review is not False
        if not (complete and source and subject and metric and value is not None):
            if source == PENDING:  # still checked once every file is read: all problems at once
                self._pending.append((-1, source_name, source_where, what))
            return
        language = self._defaults(article)[0] if article in self.article_recs else ""
        claim = Claim(
            id=ident,
            source=source,
            subject=subject,
            metric=metric.id,
            value=value,
            period=period,
            product=product,
            counterparty=counterparty,
            modality=modality,
            quote=self.r.text(rec, "quote", what, prose=True),
            quote_lang=self.r.language(rec, "quote_lang", what) or language,
            derived_from=self.r.words(rec, "derived_from", what),
            note=self.r.text(rec, "note", what, prose=True),
            article=article,
            review=review or None,
            where=rec.where(),
        )
        if source == PENDING:
            self._pending.append((len(self.claim_list), source_name, source_where, what))
        self.claim_list.append(claim)
        if claim.derived_from:
            self._derived.append((claim, rec.where("derived_from")))

    def _review(self, rec: YMap, what: str) -> Review | Literal[False] | None:
        """The claim's ``review:`` (None when it has none, False when it is wrong,
        every problem of it reported): a rating of the policy's scale, and
        optionally the verdict, the reviewer, the date and the url of the
        published fact-check."""
        if rec.get("review") is None:
            return None
        label = f"the review of {what}"
        review = self.r.mapping(rec.get("review"), rec.where("review"), label)
        if review is None:
            return False
        right = self.r.check(review, label, REVIEW_FIELDS, ("rating",))
        scale = self.policy_value.ratings
        rating = self.r.text(review, "rating", label)
        folded = [r.casefold() for r in scale]
        if rating and not scale:
            right = False
            self.r.report(
                review.where("rating"),
                f"{what}: the rating '{rating}' is on no scale: the policy declares no ratings",
                "declare the desk's scale, worst first: policy: {ratings: [false, misleading, "
                "true]}",
            )
        elif rating and rating.casefold() not in folded:
            right = False
            self.r.report(
                review.where("rating"),
                f"{what}: unknown rating '{rating}'",
                did_you_mean(rating, scale, f"the ratings are {', '.join(scale)}", limit=1),
            )
        when = None
        written = self.r.text(review, "date", label)
        if written:
            try:
                when = datetime.date.fromisoformat(written)
            except ValueError:
                right = False
                self.r.report(
                    review.where("date"),
                    f"{what}: cannot read the review's date '{written}'",
                    "write it as year-month-day, e.g. 2023-09-01",
                )
        url = self.r.text(review, "url", label, prose=True)
        if url and not url.lower().startswith(("https://", "http://")):
            right = False
            self.r.report(
                review.where("url"),
                f"{what}: the review's url '{url}' is not a web address",
                "write the published fact-check's address, starting with https://",
            )
        if not right or not rating:
            return False
        position = folded.index(rating.casefold()) + 1
        return Review(
            rating=scale[position - 1],
            position=position,
            scale=len(scale),
            verdict=self.r.text(review, "verdict", label, prose=True),
            reviewer=self.r.text(review, "reviewer", label, prose=True),
            date=when,
            url=url,
        )

    def _claim_article(self, rec: YMap, file: Path, is_csv: bool) -> str:
        if is_csv:
            ident = self.r.text(rec, "article", "the row") or file.stem
            return ident if ident in self.article_recs else ""
        return self.article_of_file.get(file, "")

    def _claim_source(self, rec: YMap, article: str, what: str) -> tuple[str, str, Location]:
        """The claim's source id (or PENDING when it may be an article read later),
        with the name as written and where."""
        name, where = self.r.text(rec, "source", what), rec.where("source")
        if not name and article in self.article_recs:
            _, name, where = self._defaults(article)
        if not name:
            self.r.report(
                rec.where(),
                f"{what} has no source",
                "add 'source:', or an 'article:' with an outlet or a single 'cites' entry",
            )
            return "", "", where
        try:
            return self.source_names.resolve(name, "source"), name, where
        except UnknownName:
            return PENDING, name, where  # perhaps an article in a file not read yet

    def _defaults(self, article: str) -> tuple[str, str, Location]:
        """What an article gives its claims: (language, default source name, where
        that name is written), read once per article rather than once per claim."""
        found = self._article_defaults.get(article)
        if found is None:
            data = self.article_recs[article][0]
            what = f"article '{article}'"
            cites = self.r.words(data, "cites", what)
            name, where = (
                (cites[0], data.where("cites"))
                if len(cites) == 1
                else (self.r.text(data, "outlet", what), data.where("outlet"))
            )
            found = (self._language(article, data, what), name, where)
            self._article_defaults[article] = found
        return found

    def resolve_pending(self) -> None:
        """Resolve sources that named articles read later; report those still unknown."""
        for index, name, where, what in self._pending:
            try:
                source = self.source_names.resolve(name, "source")
            except UnknownName as exc:
                self.r.report(where, f"{what}: {exc.message}", exc.hint)
                continue
            if index >= 0:  # a claim built (the others were checked for their problems only)
                self.claim_list[index] = replace(self.claim_list[index], source=source)

    def _entity(self, rec: YMap, key: str, what: str) -> str:
        return self._entity_name(rec, key, self.r.text(rec, key, what), what)

    def _entity_name(self, rec: YMap, key: str, name: str, what: str) -> str:
        if not name:
            return ""
        try:
            return self.entity_names.resolve(name, key)
        except UnknownName as exc:
            self.r.report(rec.where(key), f"{what}: {exc.message}", exc.hint)
            return ""

    def _metric(self, rec: YMap, what: str) -> Metric | None:
        name = self.r.text(rec, "metric", what)
        if not name:
            return None
        try:
            return self.metric_list[self.metric_names.resolve(name, "metric")]
        except UnknownName as exc:
            self.r.report(rec.where("metric"), f"{what}: {exc.message}", exc.hint)
            return None

    def _value(self, rec: YMap, metric: Metric, what: str) -> Value | None:
        raw = rec.get("value")
        where = rec.where("value")
        if raw is None or raw == "":
            return None  # reported once, as a missing field
        if isinstance(raw, dict):
            key: Any = tuple(sorted(raw.items()))
            if not all(isinstance(v, str) for v in raw.values()):
                self.r.report(where, f"{what}: each part of a structured value is one word")
                return None
            self.r.check(raw, f"the value of {what}", _VALUE_FIELDS)  # type: ignore[arg-type]
        elif isinstance(raw, str):
            key = raw
        else:
            self.r.report(where, f"{what}: a value is an expression, not a list")
            return None
        found = self._values.get((key, metric.id))
        if found is None:
            found = self._values[(key, metric.id)] = self._read_value(raw, metric)
        if isinstance(found, ValueSyntaxError):
            col = where.col + found.col if isinstance(raw, str) else where.col
            place = Location(where.path, where.line, col)
            self.r.report(place, f"{what}: {found.message}", found.hint)
            return None
        return found

    def _read_value(self, raw: Any, metric: Metric) -> Value | ValueSyntaxError:
        try:
            return typed_value(raw, metric, self.book, self.policy_value)
        except ValueSyntaxError as exc:
            return exc

    def check_derivations(self) -> None:
        links: list[tuple[str, str]] = []
        places: dict[str, Location] = {}
        for claim, where in self._derived:
            places[claim.id] = where
            for other in claim.derived_from:
                if other == claim.id:
                    self.r.report(where, f"claim '{claim.id}' derives from itself")
                elif other not in self.claim_ids:
                    self.r.report(
                        where,
                        f"claim '{claim.id}': unknown claim '{other}' in derived_from",
                        _suggest_claim(other, self.claim_ids),
                    )
                else:
                    links.append((claim.id, other))
        # a claim cannot come, through others, from itself: its origin would
        # depend on where the walk began
        for cycle in circles(links):
            path = spelt(cycle)
            self.r.report(
                places[cycle[0]],
                f"claims derive from each other in a circle: {path}",
                "derived_from points to the earlier claim only; remove one link",
            )

    def desk(self, files: tuple[Path, ...]) -> Desk:
        return Desk(
            root=self.root,
            sources=dict(sorted(self.source_list.items())),
            articles=dict(sorted(self.article_list.items())),
            entities=dict(sorted(self.entity_list.items())),
            metrics=dict(sorted(self.metric_list.items())),
            relations=tuple(self.relation_list),
            policy=self.policy_value,
            claims=tuple(self.claim_list),
            units=self.book,
            files=files,
        )


def _suggest_claim(name: str, known: dict[str, Location]) -> str:
    return did_you_mean(name, known, otherwise="no claim in the desk has this id", limit=1)


def _plain(raw: Any) -> str:
    if not isinstance(raw, str):
        raise ValueSyntaxError("a date or category value is one word or date, not a mapping")
    return raw


def typed_value(raw: Any, metric: Metric, book: Any, policy: Policy) -> Value:
    """A value as written (text, or a structured mapping) read on ``metric``: a date,
    a category, or an amount with its unit, hedge and interval, in the units of
    ``book`` and the tolerances of ``policy``; raise ``ValueSyntaxError`` if wrong."""
    if metric.type == "date":
        return read_date(_plain(raw))
    if metric.type in ("time", "datetime"):
        return read_time(_plain(raw), metric.type)
    if metric.type == "category":
        return read_category(_plain(raw), metric.values)
    if isinstance(raw, dict):
        text = ", ".join(f"{k}: {v}" for k, v in raw.items())
        reading = reading_from_mapping(raw, "{" + text + "}")
    else:
        reading = read_amount(raw)
    return to_amount(
        reading,
        metric_unit=metric.unit,
        book=book,
        plain=policy.plain,
        approximate=policy.approximate,
        signed=metric.signed,
        structured=isinstance(raw, dict),
    )
