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
from collections.abc import Iterator
from dataclasses import fields, is_dataclass
from datetime import date
from typing import Any

from ..desk.model import Claim, Relation
from ..engine.findings import Figure, Finding
from ..engine.report import Report
from ..values.amounts import Amount, Category, DateValue
from ..values.intervals import Interval
from . import words
from .messages import Phrasebook
from .words import RelativePaths

FORMAT_VERSION = 1


def render_json(report: Report) -> Iterator[str]:
    """The JSON report piece by piece (equal to ``report_dict`` once parsed)."""
    book = Phrasebook(report)
    paths = RelativePaths(report.desk.root)
    yield "{\n"
    yield '"format": "factcheck-report",\n'
    yield f'"version": {FORMAT_VERSION},\n'
    yield f'"summary": {_dump(report.summary())},\n'
    yield '"claims": [\n'
    claims = sorted(report.desk.claims, key=lambda c: c.id)
    for number, claim in enumerate(claims, 1):
        end = ",\n" if number < len(claims) else "\n"
        yield _dump(claim_dict(report, claim, paths)) + end
    yield "],\n"
    yield '"findings": [\n'
    for number, finding in enumerate(report.findings, 1):
        end = ",\n" if number < len(report.findings) else "\n"
        yield _dump(finding_dict(book, finding)) + end
    yield "]\n}\n"


def report_dict(report: Report) -> dict[str, Any]:
    """The JSON report as Python data."""
    parsed: dict[str, Any] = json.loads("".join(render_json(report)))
    return parsed


def claim_dict(report: Report, claim: Claim, relative: RelativePaths) -> dict[str, Any]:
    value = claim.value
    return {
        "id": claim.id,
        "file": relative(claim.where.path),
        "line": claim.where.line,
        "source": claim.source,
        "origin": list(report.origins.get(claim.id, ())),
        "article": claim.article or None,
        "subject": claim.subject,
        "metric": claim.metric,
        "period": claim.period.text if claim.period else None,
        "product": list(claim.product),
        "counterparty": claim.counterparty or None,
        "modality": claim.modality,
        "value": value.text,
        "interval": _interval_dict(value),
        "unit": value.unit if isinstance(value, Amount) else None,
        "quote": claim.quote or None,
        "quote_lang": claim.quote_lang or None,
        "derived_from": list(claim.derived_from),
    }


def finding_dict(book: Phrasebook, finding: Finding) -> dict[str, Any]:
    said = book.wording(finding)
    return {
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
        "data": data(finding.detail),
    }


def _camel_to_kebab(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


def data(value: Any, dates: bool = False) -> Any:
    """A finding's detail as JSON data: dataclasses as objects (with their
    ``type``), intervals as bounds (ISO dates where the unit is ``date``,
    ``null`` for an infinite bound), relations as their text."""
    if isinstance(value, Interval):
        return {
            "lo": _bound(value.lo, dates),
            "hi": _bound(value.hi, dates),
            "lo_open": value.lo_open,
            "hi_open": value.hi_open,
        }
    if isinstance(value, Figure):
        dated = value.unit == "date"
        return {"interval": data(value.interval, dated), "unit": None if dated else value.unit}
    if isinstance(value, Relation):
        return value.text
    if isinstance(value, Finding):  # a finding another one rests on: its identity
        return {"kind": value.kind, "rule": value.rule, "claims": list(value.claims)}
    if is_dataclass(value):
        found = {"type": _camel_to_kebab(type(value).__name__)}
        found.update({f.name: data(getattr(value, f.name), dates) for f in fields(value)})
        return found
    if isinstance(value, tuple | list):
        return [data(item, dates) for item in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _bound(x: float, dates: bool) -> float | str | None:
    if math.isinf(x):
        return None
    if dates:
        return date.fromordinal(int(x)).isoformat()
    return x


def _interval_dict(value: Amount | DateValue | Category) -> dict[str, Any] | None:
    if isinstance(value, Category):
        return None
    interval: Interval = value.interval
    dates = isinstance(value, DateValue)
    return {
        "lo": _bound(interval.lo, dates),
        "hi": _bound(interval.hi, dates),
        "lo_open": interval.lo_open,
        "hi_open": interval.hi_open,
        "text": words.days(interval) if dates else words.interval(interval, value.unit),  # type: ignore[union-attr]
    }
