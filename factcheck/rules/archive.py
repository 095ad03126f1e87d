"""Rule: where an article has an archived text, each quote must be found in it.

``factcheck.archive`` does the finding; this rule reports quotes that are not
there, with the nearest passage and its line, so a journalist can see whether
the quote was mistyped or belongs to another article.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..archive import locate
from ..findings import Finding, Side
from ..scopes import ScopeIndex

RULE = "archive"


def check(index: ScopeIndex) -> Iterator[Finding]:
    articles = index.desk.articles
    for claim in index.desk.claims:
        article = articles.get(claim.article)
        if article is None or article.text is None or not claim.quote:
            continue
        match = locate(article.text, claim.quote)
        if match.found:
            continue
        where = article.text.name
        nearest = (
            f"nearest passage, line {match.line} of {where} ({match.score:.0f}% alike): "
            f'"{match.passage}"'
            if match.passage
            else f"{where} has no passage like it"
        )
        yield Finding(
            kind="quote-not-in-archive",
            rule=RULE,
            claims=(claim.id,),
            message=f"{claim.id}: the quote is not in the archived text of {article.id}",
            arithmetic=(f'quote: "{claim.quote}"', nearest),
            sides=(Side("claim", (claim.id,), index.origins.behind((claim,))),),
        )
