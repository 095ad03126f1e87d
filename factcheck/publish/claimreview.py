"""The desk's verdicts as schema.org ClaimReview, in JSON-LD: what Google's Fact
Check Explorer and other fact-check aggregators read.

One ``ClaimReview`` per reviewed claim: ``claimReviewed`` (the claim as the
article printed it, else as the desk typed it), ``reviewRating`` (its place on
the desk's scale, ``alternateName`` the rating's word), ``itemReviewed`` (a
``Claim`` with its ``author``, the claim's source, and its ``datePublished`` and
``appearance``, from the article), and the review's ``url``, ``author``,
``datePublished`` and ``reviewBody`` where the desk gives them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from ..desk.model import Claim, Desk
from ..engine.report import Report

CONTEXT = "https://schema.org"
PEOPLE = frozenset({"person", "analyst"})  # source kinds that are people, not organisations


def claim_reviews(report: Report) -> list[dict[str, Any]]:
    """Every reviewed claim of the desk as a ClaimReview object, by claim id."""
    desk = report.desk
    return [_review(desk, c) for c in sorted(desk.claims, key=lambda c: c.id) if c.review]


def render_claimreview(report: Report, lang: str | None = None) -> Iterator[str]:
    """The JSON-LD document: an array of ClaimReview objects (``[]`` without verdicts)."""
    yield json.dumps(claim_reviews(report), indent=2, ensure_ascii=False) + "\n"


def _review(desk: Desk, claim: Claim) -> dict[str, Any]:
    review = claim.review
    assert review is not None
    found: dict[str, Any] = {"@context": CONTEXT, "@type": "ClaimReview"}
    if review.url:
        found["url"] = review.url
    found["claimReviewed"] = claim.quote or f"{claim.subject} {claim.metric}: {claim.value.text}"
    if review.reviewer:
        found["author"] = {"@type": "Organization", "name": review.reviewer}
    if review.date:
        found["datePublished"] = review.date.isoformat()
    if review.verdict:
        found["reviewBody"] = review.verdict
    found["reviewRating"] = {
        "@type": "Rating",
        "ratingValue": review.position,
        "bestRating": review.scale,
        "worstRating": 1,
        "alternateName": review.rating,
    }
    found["itemReviewed"] = _claim(desk, claim)
    return found


def _claim(desk: Desk, claim: Claim) -> dict[str, Any]:
    item: dict[str, Any] = {"@type": "Claim"}
    speaker = _speaker(desk, claim.source)
    if speaker:
        item["author"] = speaker
    article = desk.articles.get(claim.article)
    if article is not None:
        if article.published is not None:
            item["datePublished"] = article.published.start.isoformat()
        appearance: dict[str, Any] = {"@type": "CreativeWork"}
        if article.url:
            appearance["url"] = article.url
        outlet = desk.sources.get(article.outlet)
        if outlet is not None:
            appearance["publisher"] = {"@type": "Organization", "name": outlet.name}
        if article.published is not None:
            appearance["datePublished"] = article.published.start.isoformat()
        if len(appearance) > 1:
            item["appearance"] = appearance
    if claim.quote_lang:
        item["inLanguage"] = claim.quote_lang
    return item


def _speaker(desk: Desk, ident: str) -> dict[str, Any] | None:
    """Who made the claim: its source, or the outlet of the article it is attributed to."""
    if ident in desk.articles:
        ident = desk.articles[ident].outlet
    source = desk.sources.get(ident)
    if source is None:
        return None
    kind = "Person" if source.kind in PEOPLE else "Organization"
    return {"@type": kind, "name": source.name}
