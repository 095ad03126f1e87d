"""A reconciled desk as tables: one definition of each table and its columns,
read by every writer (SQLite, CSV, XLSX, pandas) and by Datasette's metadata.

Each column has a type (``TEXT``, ``INTEGER``, ``REAL``, ``DATE``, ``BOOL``),
a label and a description. Numbers stay numbers: an interval's bounds are
``REAL`` in the unit of ``unit`` (empty where unbounded), a date value's
bounds are ``DATE`` columns of their own, never mixed with numbers. Lists
are joined with ``"; "``. Findings carry their words (``message``,
``arithmetic``) in the language asked for, and their ``id`` is their stable
identity (rule and sorted claim ids).
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from ..desk.model import Claim
from ..engine.findings import finding_ids
from ..engine.report import Report
from ..render.messages import Phrasebook
from ..render.words import RelativePaths
from ..values.amounts import Amount, Category, DateValue, TimeValue

Row = tuple[Any, ...]
SEP = "; "


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    type: str  # TEXT | INTEGER | REAL | DATE | BOOL
    label: str
    description: str
    refers: str = ""  # "table.column" this one points to (a foreign key)


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    description: str
    columns: tuple[Column, ...]
    key: str = ""  # the primary key column, if any
    facets: tuple[str, ...] = ()  # columns worth a facet in Datasette
    searchable: tuple[str, ...] = ()  # columns of full-text search

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


def _c(name: str, type: str, label: str, description: str, refers: str = "") -> Column:
    return Column(name, type, label, description, refers)


SOURCES = Table(
    "sources",
    "Who says things: outlets, agencies, companies, analysts.",
    (
        _c("id", "TEXT", "Source", "the source's id in the desk"),
        _c("name", "TEXT", "Name", "its name"),
        _c("kind", "TEXT", "Kind", "news, wire, trade-press, company, government, ..."),
        _c("country", "TEXT", "Country", "its country, where the desk gives it"),
        _c("aliases", "TEXT", "Aliases", "other spellings the desk knows, '; '-separated"),
    ),
    key="id",
    facets=("kind", "country"),
)
ARTICLES = Table(
    "articles",
    "The articles the desk transcribes, one file each.",
    (
        _c("id", "TEXT", "Article", "the article's id"),
        _c("outlet", "TEXT", "Outlet", "the source that published it", "sources.id"),
        _c("published", "TEXT", "Published", "when, as written (2023-08)"),
        _c("published_start", "DATE", "Published from", "first day of that period"),
        _c("published_end", "DATE", "Published to", "last day of that period"),
        _c("language", "TEXT", "Language", "the language of its quotes (ISO 639-1)"),
        _c("url", "TEXT", "URL", "where it was published"),
        _c("cites", "TEXT", "Cites", "the sources or articles it relays, '; '-separated"),
        _c("file", "TEXT", "File", "its file, relative to the desk"),
    ),
    key="id",
    facets=("outlet", "language"),
)
ENTITIES = Table(
    "entities",
    "What claims are about: companies, markets, products, groups.",
    (
        _c("id", "TEXT", "Entity", "the entity's id"),
        _c("name", "TEXT", "Name", "its name"),
        _c("kind", "TEXT", "Kind", "its kind, where the desk gives it"),
        _c("part_of", "TEXT", "Part of", "the wholes it is part of, '; '-separated"),
        _c("members", "TEXT", "Members", "its complete, disjoint split, '; '-separated"),
    ),
    key="id",
    facets=("kind",),
)
CLAIMS = Table(
    "claims",
    "Every claim of the desk: what a source says about a scope, typed and quoted.",
    (
        _c("id", "TEXT", "Claim", "the claim's id"),
        _c("file", "TEXT", "File", "its file, relative to the desk"),
        _c("line", "INTEGER", "Line", "its line in that file"),
        _c("article", "TEXT", "Article", "the article that quotes it", "articles.id"),
        _c("source", "TEXT", "Source", "who it is attributed to (a source or an article)"),
        _c("source_name", "TEXT", "Source name", "that source's or article's name"),
        _c("origins", "TEXT", "Origins", "the independent origins behind it, '; '-separated"),
        _c("origin_count", "INTEGER", "Origin count", "how many independent origins"),
        _c("subject", "TEXT", "Subject", "what it is about", "entities.id"),
        _c("subject_name", "TEXT", "Subject name", "that entity's name"),
        _c("metric", "TEXT", "Metric", "what is measured"),
        _c("metric_name", "TEXT", "Metric name", "that metric's name"),
        _c("period", "TEXT", "Period", "when, as written (2023-H1)"),
        _c("period_start", "DATE", "Period from", "first day of the period"),
        _c("period_end", "DATE", "Period to", "last day of the period"),
        _c("product", "TEXT", "Product", "the products it is about, '; '-separated"),
        _c("counterparty", "TEXT", "Counterparty", "the other side (a buyer, a seller)"),
        _c("modality", "TEXT", "Modality", "reported, expected (a forecast) or estimated"),
        _c("value", "TEXT", "Value", "the value as the desk wrote it"),
        _c("unit", "TEXT", "Unit", "the unit of lo and hi"),
        _c("lo", "REAL", "Low", "the interval's low bound, in unit (empty: unbounded)"),
        _c("hi", "REAL", "High", "the interval's high bound, in unit (empty: unbounded)"),
        _c("lo_open", "BOOL", "Low excluded", "1 when the low bound is excluded"),
        _c("hi_open", "BOOL", "High excluded", "1 when the high bound is excluded"),
        _c("lo_date", "DATE", "From date", "for a date value: its first possible day"),
        _c("hi_date", "DATE", "To date", "for a date value: its last possible day"),
        _c(
            "lo_time",
            "TEXT",
            "From time",
            "for a time value: its first minute (13:55, or 2011-12-01T13:55)",
        ),
        _c("hi_time", "TEXT", "To time", "for a time value: its last minute"),
        _c("category", "TEXT", "Category", "for a category value: its word"),
        _c("reading", "TEXT", "Read as", "the interval in words"),
        _c("quote", "TEXT", "Quote", "the article's words, verbatim"),
        _c("quote_lang", "TEXT", "Quote language", "the quote's language"),
        _c("note", "TEXT", "Note", "the desk's own note"),
        _c("derived_from", "TEXT", "Derived from", "claims it was computed from, '; '-separated"),
        _c("rating", "TEXT", "Rating", "the desk's verdict, a rating of its scale"),
        _c("rating_value", "INTEGER", "Rating value", "its place on the scale, 1 the worst"),
        _c("rating_scale", "INTEGER", "Scale size", "how many ratings the scale has"),
        _c("verdict", "TEXT", "Verdict", "the verdict in words"),
        _c("reviewer", "TEXT", "Reviewer", "who reviewed it"),
        _c("reviewed", "DATE", "Reviewed", "when"),
        _c("review_url", "TEXT", "Fact-check", "the published fact-check"),
    ),
    key="id",
    facets=("metric", "subject", "source", "modality", "origin_count", "rating"),
    searchable=("quote", "note", "verdict"),
)
FINDINGS = Table(
    "findings",
    "What the checks found: conflicts first, then warnings, then information.",
    (
        _c("id", "TEXT", "Finding", "its stable identity: rule and sorted claim ids"),
        _c("position", "INTEGER", "Position", "its place in the report, 1 first"),
        _c("kind", "TEXT", "Kind", "conflict, agreement, repetition, single-origin, ..."),
        _c("severity", "TEXT", "Severity", "conflict, warning or info"),
        _c("rule", "TEXT", "Rule", "the check that found it"),
        _c("message", "TEXT", "Message", "the finding in one sentence"),
        _c("arithmetic", "TEXT", "Arithmetic", "lines a reader can check by hand"),
        _c("assumptions", "TEXT", "Assumptions", "what the check assumed"),
        _c("strength", "TEXT", "Strength", "what an agreement rests on: hedges, stated, loose"),
        _c("claim_count", "INTEGER", "Claims", "how many claims it involves"),
        _c("removal", "TEXT", "Removal", "claims whose removal alone restores consistency"),
    ),
    key="id",
    facets=("kind", "severity", "rule", "strength"),
)
FINDING_CLAIMS = Table(
    "finding_claims",
    "Which claims each finding involves, and on which side.",
    (
        _c("finding", "TEXT", "Finding", "the finding", "findings.id"),
        _c("claim", "TEXT", "Claim", "a claim it involves", "claims.id"),
        _c("side", "TEXT", "Side", "the claim's side: part, whole, floor, ceiling, ..."),
        _c(
            "in_removal",
            "BOOL",
            "Removal restores",
            "1 when removing it alone restores consistency",
        ),
    ),
    facets=("side",),
)
EDGES = Table(
    "edges",
    "The provenance graph's edges: who said what, who relayed whom, what agrees or conflicts.",
    (
        _c("source", "TEXT", "From", "a node: source:, article:, claim:, finding:, derived:"),
        _c("target", "TEXT", "To", "a node"),
        _c("relation", "TEXT", "Relation", "published-by, cites, attributed-to, quoted-from, ..."),
    ),
    facets=("relation",),
)

TABLES = (SOURCES, ARTICLES, ENTITIES, CLAIMS, FINDINGS, FINDING_CLAIMS, EDGES)


def rows(report: Report, lang: str | None = None) -> dict[str, Callable[[], Iterator[Row]]]:
    """Each table's rows, made when asked (a writer streams them)."""
    book = Phrasebook(report, lang)
    identities = finding_ids(report.findings)
    return {
        "sources": lambda: _sources(report),
        "articles": lambda: _articles(report),
        "entities": lambda: _entities(report),
        "claims": lambda: _claims(report, book),
        "findings": lambda: _findings(report, book, identities),
        "finding_claims": lambda: _finding_claims(report, identities),
        "edges": lambda: _edges(report, identities),
    }


def sizes(report: Report) -> dict[str, int]:
    """How many rows each table has, without making them."""
    from ..render.graph import graph_edges

    desk = report.desk
    return {
        "sources": len(desk.sources),
        "articles": len(desk.articles),
        "entities": len(desk.entities),
        "claims": len(desk.claims),
        "findings": len(report.findings),
        "finding_claims": sum(len(f.claims) for f in report.findings),
        "edges": len(graph_edges(report)),
    }


def _sources(report: Report) -> Iterator[Row]:
    for s in report.desk.sources.values():
        yield s.id, s.name, s.kind, s.country or None, SEP.join(s.aliases) or None


def _articles(report: Report) -> Iterator[Row]:
    paths = RelativePaths(report.desk.root)
    for a in report.desk.articles.values():
        published = a.published
        yield (
            a.id,
            a.outlet or None,
            published.text if published else None,
            published.start if published else None,
            published.end if published else None,
            a.language or None,
            a.url or None,
            SEP.join(a.cites) or None,
            paths(a.where.path) if a.where.path else None,
        )


def _entities(report: Report) -> Iterator[Row]:
    for e in report.desk.entities.values():
        yield e.id, e.name, e.kind or None, SEP.join(e.part_of) or None, SEP.join(e.members) or None


def _bound(x: float) -> float | None:
    return x if math.isfinite(x) else None


def _day(x: float) -> datetime.date | None:
    return datetime.date.fromordinal(int(x)) if math.isfinite(x) else None


def _minute(x: float, value: TimeValue) -> str | None:
    return value.minute(x) if math.isfinite(x) else None


def _claims(report: Report, book: Phrasebook) -> Iterator[Row]:
    desk = report.desk
    paths = RelativePaths(desk.root)
    words = book.words
    for claim in sorted(desk.claims, key=lambda c: c.id):
        origins = report.origins.get(claim.id, ())
        value = claim.value
        lo = hi = lo_date = hi_date = lo_time = hi_time = category = unit = None
        lo_open = hi_open = None
        if isinstance(value, Amount):
            unit = value.unit
            lo, hi = _bound(value.interval.lo), _bound(value.interval.hi)
            lo_open, hi_open = value.interval.lo_open, value.interval.hi_open
        elif isinstance(value, TimeValue):
            lo_time, hi_time = _minute(value.interval.lo, value), _minute(value.interval.hi, value)
            lo_open, hi_open = value.interval.lo_open, value.interval.hi_open
        elif isinstance(value, DateValue):
            lo_date, hi_date = _day(value.interval.lo), _day(value.interval.hi)
            lo_open, hi_open = value.interval.lo_open, value.interval.hi_open
        elif isinstance(value, Category):
            category = value.word
        period = claim.period
        metric = desk.metrics.get(claim.metric)
        yield (
            claim.id,
            paths(claim.where.path),
            claim.where.line,
            claim.article or None,
            claim.source,
            words.source(claim.source),
            SEP.join(origins),
            len(origins),
            claim.subject,
            words.entity(claim.subject),
            claim.metric,
            metric.name if metric else claim.metric,
            period.text if period else None,
            period.start if period else None,
            period.end if period else None,
            SEP.join(claim.product) or None,
            claim.counterparty or None,
            claim.modality,
            value.text,
            unit,
            lo,
            hi,
            lo_open,
            hi_open,
            lo_date,
            hi_date,
            lo_time,
            hi_time,
            category,
            book.reading(claim) if category is None else value.text,
            claim.quote or None,
            claim.quote_lang or None,
            claim.note or None,
            SEP.join(claim.derived_from) or None,
            *_review(claim),
        )


def _review(claim: Claim) -> Row:
    r = claim.review
    if r is None:
        return (None,) * 7
    return (
        r.rating,
        r.position,
        r.scale,
        r.verdict or None,
        r.reviewer or None,
        r.date,
        r.url or None,
    )


def _findings(report: Report, book: Phrasebook, identities: list[str]) -> Iterator[Row]:
    for position, (finding, identity) in enumerate(
        zip(report.findings, identities, strict=True), 1
    ):
        said = book.wording(finding)
        yield (
            identity,
            position,
            finding.kind,
            finding.severity,
            finding.rule,
            said.message,
            "\n".join(said.arithmetic) or None,
            "\n".join(said.assumptions) or None,
            finding.strength,
            len(finding.claims),
            SEP.join(finding.removal) or None,
        )


def _finding_claims(report: Report, identities: list[str]) -> Iterator[Row]:
    for finding, identity in zip(report.findings, identities, strict=True):
        removal = set(finding.removal)
        sided: dict[str, str] = {}
        for side in finding.sides:
            for claim in side.claims:
                sided.setdefault(claim, side.role)
        for claim in finding.claims:
            yield identity, claim, sided.get(claim), claim in removal


def _edges(report: Report, identities: list[str]) -> Iterator[Row]:
    """The graph's edges, a finding's node named by its identity (``finding:rule:a+b``)
    so that an edge joins the findings table."""
    from ..render.graph import graph_edges, graph_findings

    named = dict(zip(map(id, report.findings), identities, strict=True))
    numbered = {
        f"finding:{n}": "finding:" + named[id(f)] for n, f in enumerate(graph_findings(report), 1)
    }
    for source, target, relation in graph_edges(report):
        yield numbered.get(source, source), numbered.get(target, target), relation
