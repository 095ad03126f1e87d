"""``factcheck explain``: one claim's chain of custody, reading, findings and support."""

from __future__ import annotations

import textwrap
from typing import Any

from .errors import FactcheckError
from .graph import chain_of_custody, describe
from .names import Names
from .phrases import read_as
from .report import Report

_STEP = {
    "quoted-from": "quoted in",
    "attributed-to": "attributed to",
    "cites": "which relays",
}


def explain_claim(report: Report, graph: Any, claim_id: str) -> str:
    """The explanation of one claim as text (at most 100 columns)."""
    claims = {c.id: c for c in report.desk.claims}
    if claim_id not in claims:
        names = Names("claim")
        for ident, claim in claims.items():
            names.add(ident, claim.where)
        raise FactcheckError(f"no claim '{claim_id}' in the desk; {names.suggest(claim_id)}")
    claim = claims[claim_id]
    origins = report.origins.get(claim_id, ())
    out = [f"Claim {claim.id} ({claim.where})"]
    scope = f"{claim.metric} of {claim.subject}"
    scope += f" in {claim.period.text}" if claim.period else " (no period stated)"
    if claim.product:
        scope += f", product {' + '.join(claim.product)}"
    out += [f"  {scope}", f"  value '{claim.value.text}', read as {read_as(claim)}"]
    if claim.quote:
        out += _wrap(f'quote ({claim.quote_lang or "?"}): "{claim.quote}"', "  ")
    out += ["", "Chain of custody:", f"  {claim.id}"]
    for relation, ident in chain_of_custody(graph, claim.id):
        out.append(f"  ← {_STEP.get(relation, relation)} {describe(graph, ident)}")
    for parent in claim.derived_from:
        out.append(f"  ← computed from claim {parent}")
    count = len(origins)
    out += [
        "",
        f"Origin: {', '.join(origins)} ({count} independent origin{'s' if count != 1 else ''})",
    ]
    involved = [f for f in report.findings if claim_id in f.claims and f.kind != "single-origin"]
    out += ["", f"Findings ({len(involved)}):"]
    for finding in involved:
        out += _wrap(f"[{finding.kind}, {finding.rule}] {finding.message}", "  ")
        for line in finding.arithmetic:
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
            f"  together from {len(names_behind)} independent origin"
            f"{'s' if len(names_behind) != 1 else ''} ({', '.join(names_behind)})",
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
