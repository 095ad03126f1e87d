"""Rule: where an article has an archived text, each quote must be found in it.

``factcheck.desk.texts`` does the finding; this rule reports quotes that are
not there, with the nearest passage and its line, so a journalist can see
whether the quote was mistyped or belongs to another article.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ...desk.model import Claim
from ..findings import ArchiveMiss, Finding, Side
from ..scopes import ScopeIndex

RULE = "archive"


def check(index: ScopeIndex, claims: Sequence[Claim] | None = None) -> Iterator[Finding]:
    """Quotes missing from their article's archived text, among the desk's claims
    or among ``claims`` only (each claim is checked alone)."""
    articles = index.desk.articles
    for claim in index.desk.claims if claims is None else claims:
        article = articles.get(claim.article)
        if article is None or article.text is None or not claim.quote:
            continue
        match = index.texts.locate(article.text, claim.quote, claim.quote_lang)
        if match.found:
            continue
        yield Finding(
            kind="quote-not-in-archive",
            rule=RULE,
            claims=(claim.id,),
            detail=ArchiveMiss(
                claim.id, article.id, article.text.name, match.line, match.score, match.passage
            ),
            sides=(Side("claim", (claim.id,), index.origins.behind((claim,))),),
        )
