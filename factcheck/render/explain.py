"""``factcheck explain``: one claim's chain of custody, reading, findings and support."""

from __future__ import annotations

import textwrap
from typing import Any

from ..engine.report import Report
from .graph import build_graph, chain_of_custody, describe
from .messages import Phrasebook
from .words import plural, read_as, scope

_STEP = {
    "quoted-from": "quoted in",
    "attributed-to": "attributed to",
    "cites": "which relays",
}


def explain_claim(report: Report, claim_id: str, graph: Any | None = None) -> str:
    """The explanation of one claim as text (at most 100 columns); an unknown
    id raises ``UnknownClaimError`` naming the nearest ids."""
    claim = report.desk.claim(claim_id)
    book = Phrasebook(report)
    graph = build_graph(report, book) if graph is None else graph
    origins = report.origins.get(claim_id, ())
    out = [f"Claim {claim.id} ({claim.where})"]
    out += [f"  {scope(claim.scope)}", f"  value '{claim.value.text}', read as {read_as(claim)}"]
    if claim.quote:
        out += _wrap(f'quote ({claim.quote_lang or "?"}): "{claim.quote}"', "  ")
    out += ["", "Chain of custody:", f"  {claim.id}"]
    for relation, ident in chain_of_custody(graph, claim.id):
        out.append(f"  ← {_STEP.get(relation, relation)} {describe(report, graph, ident)}")
    for parent in claim.derived_from:
        out.append(f"  ← computed from claim {parent}")
    out += ["", f"Origin: {', '.join(origins)} ({plural(len(origins), 'independent origin')})"]
    involved = [f for f in report.findings if claim_id in f.claims and f.kind != "single-origin"]
    out += ["", f"Findings ({len(involved)}):"]
    for finding in involved:
        said = book.wording(finding)
        out += _wrap(f"[{finding.kind}, {finding.rule}] {said.message}", "  ")
        for line in said.arithmetic:
            out += _wrap(line, "    - ")
    agreeing = sorted(
        {c for f in involved if f.kind in ("agreement", "repetition") for c in f.claims}
        - {claim_id}
    )
    if agreeing:
        names_behind = sorted({o for c in [claim_id, *agreeing] for o in report.origins.get(c, ())})
        out += [
            "",
            f"Agreeing claims: {', '.join(agreeing)}",
            f"  together from {plural(len(names_behind), 'independent origin')} "
            f"({', '.join(names_behind)})",
        ]
    else:
        out += ["", "No other claim agrees with it."]
    return "\n".join(out) + "\n"


def _wrap(text: str, indent: str) -> list[str]:
    return textwrap.wrap(
        text,
        width=100,
        initial_indent=indent,
        subsequent_indent=" " * len(indent) + "  ",
        break_on_hyphens=False,
        break_long_words=False,
    )
