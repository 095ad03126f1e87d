"""Rule: a source named in a quote under a variant spelling is recognised.

A capitalised word of a quote that is not the name, id or alias of any
source or entity, but is close to one of a source's (rapidfuzz ratio ≥ 80,
"Jitwei" for "Jiwei"), is reported with the alias to add, so the next
article that spells it so resolves at once. An ordinary word of the quote's
language ("Chine" near "chinese", "European" near "Europe", "Germans" near
"German"), found in that language's dictionary (pyspellchecker's word lists),
is not a name and is never suggested.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rapidfuzz import fuzz, process

from ...values.languages import is_common_word
from ..findings import AliasSuggestion, Finding, Side
from ..scopes import ScopeIndex

RULE = "quote-names"
SCORE = 80.0
_WORD = re.compile(r"\b[A-Z][\w'’-]{3,}")


def check(index: ScopeIndex) -> Iterator[Finding]:
    desk = index.desk
    known: set[str] = set()
    by_word: dict[str, str] = {}  # a word of a source's names -> the source id
    for source in desk.sources.values():
        for name in (source.id, source.name, *source.aliases):
            for word in re.findall(r"[\w'’-]{4,}", name):
                by_word.setdefault(word.casefold(), source.id)
            known.add(name.casefold())
    for entity in desk.entities.values():
        known.update(n.casefold() for n in (entity.id, entity.name, *entity.aliases))
    known.update(by_word)
    words = list(by_word)
    cache: dict[str, tuple[str, str] | None] = {}
    seen: set[tuple[str, str]] = set()
    for claim in desk.claims:
        for word in _WORD.findall(claim.quote):
            folded = word.casefold()
            if folded in known:
                continue
            if folded not in cache:
                near = process.extractOne(folded, words, scorer=fuzz.ratio, score_cutoff=SCORE)
                cache[folded] = (near[0], by_word[near[0]]) if near else None
            hit = cache[folded]
            if hit is None or (word, hit[1]) in seen:
                continue
            if is_common_word(word, claim.quote_lang):
                continue
            seen.add((word, hit[1]))
            yield Finding(
                kind="alias-suggestion",
                rule=RULE,
                claims=(claim.id,),
                detail=AliasSuggestion(claim.id, word, hit[1]),
                sides=(Side("claim", (claim.id,), index.origins.behind((claim,))),),
            )
