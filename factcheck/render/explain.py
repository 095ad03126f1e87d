"""``factcheck explain``: one claim's chain of custody, reading, findings and support."""

from __future__ import annotations

import textwrap
from typing import Any

from ..engine.report import Report
from .graph import build_graph, chain_of_custody, describe
from .messages import N_, Phrasebook

_STEP = {
    "quoted-from": N_("quoted in"),
    "attributed-to": N_("attributed to"),
    "cites": N_("which relays"),
}


def explain_claim(
    report: Report, claim_id: str, graph: Any | None = None, lang: str | None = None
) -> str:
    """The explanation of one claim as text (at most 100 columns), in ``lang``; an
    unknown id raises ``UnknownClaimError`` naming the nearest ids."""
    claim = report.desk.claim(claim_id)
    book = Phrasebook(report, lang)
    _, w = book._, book.words
    graph = build_graph(report, book) if graph is None else graph
    origins = report.origins.get(claim_id, ())
    out = [_("Claim {claim} ({where})").format(claim=claim.id, where=claim.where)]
    out += _wrap(book.scope(claim.scope), "  ")
    out += _wrap(
        _("value '{value}', read as {reading}").format(
            value=claim.value.text, reading=book.reading(claim)
        ),
        "  ",
    )
    for line in book.context(claim):
        out += _wrap(line, "  ")
    out += ["", _("Chain of custody:"), f"  {claim.id}"]
    for relation, ident in chain_of_custody(graph, claim.id):
        step = _(_STEP[relation]) if relation in _STEP else relation
        out += _wrap(f"← {step} {describe(report, graph, ident, book)}", "  ")
    for parent in claim.derived_from:
        out += _wrap("← " + _("computed from claim {claim}").format(claim=parent), "  ")
    out += ["", *_wrap(_("Origin: {origins}").format(origins=book.independent(origins)), "")]
    involved = [f for f in report.findings if claim_id in f.claims and f.kind != "single-origin"]
    out += ["", _("Findings ({n}):").format(n=w.digits(len(involved)))]
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
        names_behind = tuple(
            sorted({o for c in [claim_id, *agreeing] for o in report.origins.get(c, ())})
        )
        out += ["", *_wrap(_("Agreeing claims: {claims}").format(claims=", ".join(agreeing)), "")]
        out += _wrap(
            _("together from {origins}").format(origins=book.independent(names_behind)), "  "
        )
    else:
        out += ["", _("No other claim agrees with it.")]
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
