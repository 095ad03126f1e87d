"""The JSON report: the stable, documented format (docs/report-format.md).

One claim or finding per line, so that it diffs well, encodes fast (the C
encoder) and streams to a file without the whole report in memory. Each
finding carries its words (``message``, ``arithmetic``, ``assumptions``, side
labels) and, in ``data``, the typed detail they were made from.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import fields, is_dataclass
from datetime import date
from functools import cache
from typing import Any

from ..desk.model import Claim, Relation
from ..engine.findings import Figure, Finding, Scope, finding_ids
from ..engine.report import Report
from ..engine.scopes import NOT_AMOUNTS
from ..values.amounts import Amount, Category, DateValue, TimeValue, minute_text
from ..values.intervals import Interval
from .messages import Phrasebook
from .words import RelativePaths

FORMAT_VERSION = 1


def render_json(report: Report, lang: str | None = None) -> Iterator[str]:
    """The JSON report piece by piece: one claim or finding a line. Its data is
    the same in every language; its words (``message``, ``text``) are in ``lang``."""
    book = Phrasebook(report, lang)
    paths = RelativePaths(report.desk.root)
    yield "{\n"
    yield '"format": "factcheck-report",\n'
    yield f'"version": {FORMAT_VERSION},\n'
    yield f'"language": "{book.language.code}",\n'
    yield f'"summary": {_dump(report.summary())},\n'
    yield f'"recheck": {_dump(recheck_dict(report))},\n'
    yield '"claims": [\n'
    claims = sorted(report.desk.claims, key=lambda c: c.id)
    for number, claim in enumerate(claims, 1):
        end = ",\n" if number < len(claims) else "\n"
        yield _dump(claim_dict(book, claim, paths)) + end
    yield "],\n"
    yield '"findings": [\n'
    identities = finding_ids(report.findings)
    for number, (finding, identity) in enumerate(zip(report.findings, identities, strict=True), 1):
        end = ",\n" if number < len(report.findings) else "\n"
        yield _dump(finding_dict(book, finding, identity)) + end
    yield "]\n}\n"


def recheck_dict(report: Report) -> dict[str, Any]:
    """What to doubt first, as data (docs/report-format.md)."""
    return {
        "removals": [{"claims": list(r.claims), "exact": r.exact} for r in report.recheck.removals],
        "ranking": [
            {
                "claim": s.claim,
                "origins": list(s.origins),
                "against": list(s.against),
                "conflicts": s.conflicts,
                "in_smallest": s.in_smallest,
                "reliability": s.reliability,
            }
            for s in report.recheck.ranking
        ],
    }


def claim_dict(book: Phrasebook, claim: Claim, relative: RelativePaths) -> dict[str, Any]:
    value = claim.value
    return {
        "id": claim.id,
        "file": relative(claim.where.path),
        "line": claim.where.line,
        "source": claim.source,
        "origin": list(book.report.origins.get(claim.id, ())),
        "article": claim.article or None,
        "subject": claim.subject,
        "metric": claim.metric,
        "period": claim.period.text if claim.period else None,
        "product": list(claim.product),
        "counterparty": claim.counterparty or None,
        "modality": claim.modality,
        "value": value.text,
        "interval": _interval_dict(value, book.reading(claim)),
        "unit": value.unit if isinstance(value, Amount) else None,
        "quote": claim.quote or None,
        "quote_lang": claim.quote_lang or None,
        "derived_from": list(claim.derived_from),
        "review": _review_dict(claim),
    }


def _review_dict(claim: Claim) -> dict[str, Any] | None:
    review = claim.review
    if review is None:
        return None
    return {
        "rating": review.rating,
        "rating_value": review.position,
        "rating_scale": review.scale,
        "verdict": review.verdict or None,
        "reviewer": review.reviewer or None,
        "date": review.date.isoformat() if review.date else None,
        "url": review.url or None,
    }


def finding_dict(book: Phrasebook, finding: Finding, identity: str = "") -> dict[str, Any]:
    """A finding as JSON data; ``identity`` as ``finding_ids`` gives it (default: its own)."""
    said = book.wording(finding)
    return {
        "id": identity or finding.identity,
        "kind": finding.kind,
        "severity": finding.severity,
        "rule": finding.rule,
        "claims": list(finding.claims),
        "message": said.message,
        "arithmetic": list(said.arithmetic),
        "assumptions": list(said.assumptions),
        "sides": [
            {"label": label, "claims": list(s.claims), "origins": list(s.origins)}
            for s, label in zip(finding.sides, said.labels, strict=True)
        ],
        "removal": list(finding.removal),
        "whichever": [list(group) for group in finding.whichever],
        "strength": finding.strength,
        "data": data(finding.detail),
    }


def data(value: Any) -> Any:
    """A finding's detail as JSON data: an object with its ``type`` (``PartWhole``:
    ``part-whole``) and its fields, each converted by its declared type:
    scopes and ids as lists, intervals as bounds (``null`` for an infinite
    one; ISO dates where the unit is a date), relations as their text, a
    finding another rests on as its identity."""
    kind: type = type(value)
    name, converters = _converters(kind)
    found: dict[str, Any] = {"type": name}
    for field_name, convert in converters:
        found[field_name] = convert(getattr(value, field_name))
    return found


@cache
def _converters(kind: type) -> tuple[str, tuple[tuple[str, Callable[[Any], Any]], ...]]:
    name = re.sub(r"(?<!^)(?=[A-Z])", "-", kind.__name__).lower()
    return name, tuple((f.name, _converter(str(f.type))) for f in fields(kind))


def _converter(annotation: str) -> Callable[[Any], Any]:
    """How a field declared as ``annotation`` becomes JSON data."""
    simple: dict[str, Callable[[Any], Any]] = {
        "str": _same, "int": _same, "bool": _same, "float": _number, "float | None": _number,
        "tuple[str, ...]": list, "tuple[float, ...]": _numbers, "Scope": _scope,
        "tuple[str, str, tuple[str, ...], str]": _base, "Interval": _interval,
        "Figure": _figure, "Figure | None": _figure, "Relation": _relation,
        "Finding": _identity,
    }  # fmt: skip
    return simple.get(annotation, _nested)


def _same(value: Any) -> Any:
    return value


def _number(value: float | None) -> float | None:
    return value if value is None or math.isfinite(value) else None


def _numbers(values: tuple[float, ...]) -> list[float | None]:
    return [_number(v) for v in values]


def _scope(scope: Scope) -> list[Any]:
    metric, subject, period, product, counterparty = scope
    return [metric, subject, period, list(product), counterparty]


def _base(base: tuple[str, str, tuple[str, ...], str]) -> list[Any]:
    subject, period, product, counterparty = base
    return [subject, period, list(product), counterparty]


def _interval(value: Interval, kind: str = "") -> dict[str, Any]:
    """Bounds as JSON: numbers, or for ``kind`` ``date`` ISO dates, for ``time`` and
    ``datetime`` ``13:55`` and ``2011-12-01T13:55``; ``null`` where unbounded."""
    return {
        "lo": _bound(value.lo, kind),
        "hi": _bound(value.hi, kind),
        "lo_open": value.lo_open,
        "hi_open": value.hi_open,
    }


def _figure(value: Figure | None) -> dict[str, Any] | None:
    if value is None:
        return None
    timed = value.unit in NOT_AMOUNTS
    return {
        "interval": _interval(value.interval, value.unit if timed else ""),
        "unit": None if timed else value.unit,
    }


def _relation(value: Relation) -> str:
    return value.text


def _identity(value: Finding) -> dict[str, Any]:
    return {"kind": value.kind, "rule": value.rule, "claims": list(value.claims)}


def _nested(value: Any) -> Any:
    """Tuples of dataclasses or of plain values, converted item by item."""
    if isinstance(value, tuple | list):
        return [_nested(item) for item in value]
    if isinstance(value, Interval):
        return _interval(value)
    if isinstance(value, float):
        return _number(value)
    if is_dataclass(value):
        return data(value)
    return value


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _bound(x: float, kind: str) -> float | str | None:
    if math.isinf(x):
        return None
    if kind == "date":
        return date.fromordinal(int(x)).isoformat()
    if kind in ("time", "datetime"):
        return minute_text(x, kind)
    return x


def _interval_dict(value: Amount | DateValue | Category, text: str) -> dict[str, Any] | None:
    """A claim's interval, with ``text``: the interval in words."""
    if isinstance(value, Category):
        return None
    kind = (
        value.kind
        if isinstance(value, TimeValue)
        else "date"
        if isinstance(value, DateValue)
        else ""
    )
    return {**_interval(value.interval, kind), "text": text}
