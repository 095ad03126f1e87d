"""A JSON Schema (draft 7) of a desk's article files, for editors that complete YAML.

YAML language servers (VS Code's YAML extension, and editors that embed the
same server) read a schema named on a file's first line::

    # yaml-language-server: $schema=../claims.schema.json

and then complete field names, offer the desk's ids where an id goes, show
each field's description, and mark a typo. The desk's entity, metric, source
and unit ids come from its world; aliases are offered too, since the loader
resolves them. Scalars a YAML server reads as numbers (``period: 2023``,
``value: 5``) are allowed as numbers as well as text.

The schema helps writing; ``factcheck validate`` stays the check: a value's
grammar, a period's dates and the arithmetic are not in it.
"""

from __future__ import annotations

from typing import Any

from ..desk.claims import CLAIM_FIELDS
from ..desk.model import MODALITIES, SOURCE_KINDS, Desk
from ..values.amounts import QUALIFIERS

#: The language subtag of a BCP 47 tag, then optional subtags.
LANGUAGE_PATTERN = r"^[A-Za-z]{2}([-_][A-Za-z0-9]{2,8})*$"
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"

_SCALAR: dict[str, Any] = {"type": ["string", "number"]}
#: What a draft of ``factcheck new`` leaves to fill: valid to the editor, listed by validate.
_LEFT_TO_FILL: dict[str, Any] = {"pattern": "^TODO:"}


def _names(ids: list[str], aliases: list[str], what: str) -> dict[str, Any]:
    """One of the desk's ids (or aliases); any text when the desk has none yet."""
    known = list(dict.fromkeys([*sorted(ids), *sorted(aliases)]))  # ids first
    if not known:
        return {"type": "string", "description": f"a {what} id"}
    return {
        "type": "string",
        "anyOf": [{"enum": known}, _LEFT_TO_FILL],
        "description": f"one of the desk's {what} ids",
    }


def _one_or_more(item: dict[str, Any], description: str) -> dict[str, Any]:
    return {
        "description": description,
        "anyOf": [item, {"type": "array", "items": item, "uniqueItems": True}],
    }


def desk_schema(desk: Desk) -> dict[str, Any]:
    """The schema of an article file of ``desk`` (its world gives the ids)."""
    sources = _names(
        [*desk.sources, *desk.articles],
        [a for s in desk.sources.values() for a in s.aliases],
        "source (or article)",
    )
    entities = _names(
        list(desk.entities), [a for e in desk.entities.values() for a in e.aliases], "entity"
    )
    metrics = _names(list(desk.metrics), [], "metric")
    units = sorted({*desk.units.kinds, *desk.units.aliases} - {"currency"})
    claim: dict[str, Any] = {
        "type": "object",
        "description": "one figure an article states, typed and quoted",
        "required": ["id", "subject", "metric", "value", "quote"],
        "additionalProperties": False,
        "properties": {
            "id": {"type": "string", "pattern": ID_PATTERN,
                   "description": "the claim's id, unique in the desk"},
            "source": {**sources, "description": "who says it (default: the article's "
                       "single 'cites' entry, else its outlet); one of the desk's sources "
                       "or articles"},
            "subject": {**entities, "description": "what the figure is about"},
            "metric": {**metrics, "description": "what is measured"},
            "value": {
                "description": "the figure with its hedge and unit: 'about 5 billion USD', "
                "'at least 100000 GPU', '3 .. 4 million', '1.2 billion ± 10%'; units of this "
                f"desk: {', '.join(units) or 'none declared'}",
                "anyOf": [
                    _SCALAR,
                    {
                        "type": "object",
                        "additionalProperties": False,
                        "properties": {
                            "amount": _SCALAR,
                            "qualifier": {"type": "string", "enum": sorted(QUALIFIERS)},
                            "unit": {"anyOf": [{"type": "string", "enum": units},
                                               {"type": "string"}]},
                            "min": _SCALAR,
                            "max": _SCALAR,
                        },
                    },
                ],
            },
            "period": {**_SCALAR, "description": "when: 2023, 2023-H1, 2023-Q3, 2023-08, "
                       "2023-08-09, or a span '2022-07 .. 2023-06'"},
            "product": _one_or_more(entities, "the product or products the figure is about"),
            "counterparty": {**entities, "description": "the other side (a buyer, a seller)"},
            "modality": {"type": "string", "enum": list(MODALITIES),
                         "description": "reported (default), expected (a forecast) or "
                         "estimated"},
            "quote": {"type": "string", "description": "the article's words, verbatim"},
            "quote_lang": {"type": "string", "pattern": LANGUAGE_PATTERN,
                           "description": "the quote's language when not the article's "
                           "(ISO 639-1: en, fr, de, zh)"},
            "derived_from": _one_or_more({"type": "string"},
                                         "the claims this figure was computed from"),
            "note": {"type": "string", "description": "the desk's own note on the claim"},
            "review": {
                "type": "object", "additionalProperties": False, "required": ["rating"],
                "description": "the desk's verdict on the claim",
                "properties": {
                    "rating": {"type": "string", "description": "a rating of the policy's scale",
                               **({"enum": list(desk.policy.ratings)}
                                  if desk.policy.ratings else {})},
                    "verdict": {"type": "string", "description": "the verdict in words"},
                    "reviewer": {"type": "string", "description": "who reviewed it"},
                    "date": {"type": "string", "description": "when: 2023-09-01"},
                    "url": {"type": "string", "description": "the published fact-check"},
                },
            },
        },
    }  # fmt: skip
    assert set(claim["properties"]) == set(CLAIM_FIELDS)
    article = {
        "type": "object",
        "description": "the article this file transcribes",
        "additionalProperties": False,
        "properties": {
            "id": {"type": "string", "pattern": ID_PATTERN,
                   "description": "the article's id (default: the file's name)"},
            "outlet": {**_names(list(desk.sources),
                                [a for s in desk.sources.values() for a in s.aliases],
                                "source"),
                       "description": "who published it: one of the desk's sources"},
            "published": {**_SCALAR, "description": "when: 2023-08 or 2023-08-09"},
            "language": {"type": "string", "pattern": LANGUAGE_PATTERN,
                         "description": "the article's language (ISO 639-1: en, fr, de, zh)"},
            "url": {"type": "string", "description": "where it was published"},
            "cites": _one_or_more(sources, "the sources it relays"),
            "text": {"type": "string",
                     "description": "its archived text, a file relative to this one"},
            "note": {"type": "string", "description": "the desk's own note on the article"},
        },
    }  # fmt: skip
    mapping = {"type": "object", "additionalProperties": {"type": "object"}}
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "factcheck desk file",
        "description": "An article and its claims (or a part of the desk's world) for "
        "factcheck; 'factcheck validate' checks what a schema cannot.",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "article": article,
            "claims": {"type": "array", "items": claim, "description": "the article's claims"},
            "sources": {
                **mapping,
                "description": "who says things",
                "additionalProperties": {
                    "type": "object",
                    "properties": {
                        "kind": {"type": "string", "enum": list(SOURCE_KINDS)},
                    },
                },
            },
            "entities": {**mapping, "description": "what claims are about"},
            "units": {**mapping, "description": "units of this desk"},
            "metrics": {**mapping, "description": "what is measured"},
            "relations": {
                "type": "array",
                "items": {"type": "string"},
                "description": "equations between metrics: 'spend = units * price'",
            },
            "policy": {
                "type": "object",
                "description": "tolerances, report language and verdict scale of this desk",
            },
        },
    }
