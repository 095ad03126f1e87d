"""A fusion's results in words and tables: text, Markdown, JSON and CSV.

The text and Markdown reports lead with the sources by reliability, then the
items least certain first (where the sources disagree most); JSON and CSV hold
every item, in the order of the input.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from tabulate import tabulate

from ..errors import UsageError
from ..fusion import Fusion
from . import LIMIT
from .language import language
from .markdown import escape
from .words import Words, visible

FORMATS = ("text", "markdown", "json", "csv")
CSV_COLUMNS = ("subject", "metric", "period", "value", "confidence", "sources")


def render_fusion(
    fusion: Fusion, format: str = "text", lang: str | None = None, limit: int | None = LIMIT
) -> Iterator[str]:
    """``fusion`` in ``format``; text and Markdown show at most ``limit`` items (None: all)."""
    if format == "json":
        yield json.dumps(fusion_dict(fusion), ensure_ascii=False, indent=1) + "\n"
    elif format == "csv":
        yield from _csv(fusion)
    elif format in ("text", "markdown"):
        yield visible(_document(fusion, format == "markdown", lang, limit))
    else:
        raise UsageError(f"unknown format '{format}' for fusion; formats: {', '.join(FORMATS)}")


def fusion_dict(fusion: Fusion) -> dict[str, Any]:
    return {
        "format": "factcheck-fusion",
        "version": 1,
        "method": fusion.method,
        "iterations": fusion.iterations,
        "sources": [
            {
                "source": s.source,
                "reliability": s.reliability,
                "claims": s.claims,
                "agreed": s.agreed,
            }
            for s in fusion.sources
        ],
        "values": [
            {
                "subject": v.item[0],
                "metric": v.item[1],
                "period": v.item[2] or None,
                "value": v.value,
                "confidence": v.confidence,
                "sources": list(v.sources),
                "claims": v.claims,
                "values": v.values,
            }
            for v in fusion.values
        ],
        "copying": [{"sources": [a, b], "agreement": p} for a, b, p in fusion.copying],
    }


def _csv(fusion: Fusion) -> Iterator[str]:
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\n")
    out.writerow(CSV_COLUMNS)
    for v in fusion.values:
        out.writerow((*v.item, v.value, f"{v.confidence:.4f}", "; ".join(v.sources)))
        if buffer.tell() > 1 << 16:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def _document(fusion: Fusion, markdown: bool, lang: str | None, limit: int | None) -> str:
    words = Words(language(lang))
    _, n_, digits = words._, words.n_, words.digits
    claims = sum(s.claims for s in fusion.sources)
    head = _("Fused by {method}: {items} from {claims} of {sources}").format(
        method=fusion.method,
        items=n_("{n} item", "{n} items", len(fusion.values)),
        claims=n_("{n} claim", "{n} claims", claims),
        sources=n_("{n} source", "{n} sources", len(fusion.sources)),
    )
    table = "github" if markdown else "simple"
    out = [f"# {escape(head)}" if markdown else head, ""]
    if fusion.copying:
        pairs = ", ".join(f"{a} = {b}" for a, b, _p in fusion.copying[:10])
        more = len(fusion.copying) - 10
        line = _("Mirrors of one feed, counted once where they agree: {pairs}").format(pairs=pairs)
        if more > 0:
            line += " " + n_("(and {n} more pair)", "(and {n} more pairs)", more)
        out += [escape(line) if markdown else line, ""]
    title = _("Sources by reliability")
    out += [f"## {title}" if markdown else title, ""]
    rows = [
        (
            escape(s.source) if markdown else s.source,
            f"{s.reliability:.3f}",
            digits(s.claims),
            digits(s.agreed),
        )
        for s in fusion.sources
    ]
    headers = (_("source"), _("reliability"), _("claims"), _("on the best value"))
    out += [tabulate(rows, headers, tablefmt=table, disable_numparse=True), ""]
    title = _("Best values, least certain first")
    out += [f"## {title}" if markdown else title, ""]
    ranked = sorted(fusion.values, key=lambda v: (v.confidence, -v.claims))
    shown = ranked if limit is None else ranked[:limit]
    cells: list[tuple[str, ...]] = [
        (
            " / ".join(p for p in v.item if p),
            v.value,
            f"{v.confidence:.2f}",
            digits(v.values),
            "; ".join(v.sources[:4]) + (" …" if len(v.sources) > 4 else ""),
        )
        for v in shown
    ]
    if markdown:
        cells = [tuple(escape(c) for c in row) for row in cells]
    columns = (_("item"), _("value"), _("confidence"), _("values"), _("sources"))
    out += [tabulate(cells, columns, tablefmt=table, disable_numparse=True), ""]
    if len(shown) < len(ranked):
        hidden = len(ranked) - len(shown)
        out.append(
            n_(
                "... and {n} more (all of them with --all, or in --format csv)",
                "... and {n} more (all of them with --all, or in --format csv)",
                hidden,
            )
        )
    return "\n".join(out).rstrip() + "\n"
