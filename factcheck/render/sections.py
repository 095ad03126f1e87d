"""The sections of a report, in order: defined once for every format.

Blocks show each finding in full (conflicts, warnings); tables show one row
per finding (single origins, agreements, repetitions, suggested aliases),
at most ``LIMIT`` rows unless all are asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..engine.findings import KINDS, Finding
from ..engine.report import Report
from .messages import N_, Phrasebook


@dataclass(frozen=True, slots=True)
class Section:
    id: str  # the anchor in HTML, the name ``--only`` takes
    title: str  # in English; translated where it is shown
    kinds: tuple[str, ...]
    table: bool = False
    headers: tuple[str, ...] = ()  # a table's columns
    widths: tuple[int, ...] = ()  # a table's column widths in the terminal

    def findings(self, report: Report) -> list[Finding]:
        return report.of_kind(*self.kinds)


SECTIONS = (
    Section("conflicts", N_("Conflicts: claims that cannot all be true"), ("conflict",)),
    Section("warnings", N_("Warnings"), tuple(k for k, s in KINDS.items() if s == "warning")),
    Section("single-origin", N_("Figures that rest on a single origin"), ("single-origin",), True,
            (N_("claim"), N_("origin"), N_("what")), (30, 24, 40)),
    Section("agreements", N_("Corroborated: independent origins agree"), ("agreement",), True,
            (N_("claims"), N_("origins"), N_("what")), (30, 20, 44)),
    Section("repetitions", N_("Repeated, not corroborated: one origin"), ("repetition",), True,
            (N_("claims"), N_("origin"), N_("what")), (30, 20, 44)),
    Section("suggestions", N_("Suggested aliases"), ("alias-suggestion",), True,
            (N_("claim"), N_("origin"), N_("what")), (30, 20, 44)),
)  # fmt: skip
#: The desk's own verdicts (``review:`` of claims): a table of claims, not of findings,
#: shown after the warnings.
VERDICTS = Section("verdicts", N_("Verdicts of the desk"), (), True,
                   (N_("claim"), N_("rating"), N_("verdict")), (30, 20, 44))  # fmt: skip
SECTION_IDS = (*(s.id for s in SECTIONS[:2]), VERDICTS.id, *(s.id for s in SECTIONS[2:]))
BLOCKS = tuple(s for s in SECTIONS if not s.table)
TABLES = tuple(s for s in SECTIONS if s.table)


def verdict_rows(book: Phrasebook) -> list[tuple[str, str, str]]:
    """One row per reviewed claim, by id: the claim, its rating on the desk's scale,
    and the verdict with who gave it, when and where it is published."""
    found = []
    for claim in sorted(book.report.desk.claims, key=lambda c: c.id):
        review = claim.review
        if review is None:
            continue
        found.append((claim.id, book.rating(review), book.verdict(review)))
    return found


def headline(book: Phrasebook) -> str:
    """The one line that opens every report."""
    report, n_ = book.report, book.n_
    s = report.summary()
    return book._(
        "{claims}, {origins}: {conflicts}, {warnings}, {agreements} corroborated, "
        "{single} single-origin; {read}/{quotes} quotes read"
    ).format(
        claims=n_("{n} claim", "{n} claims", s["claims"]),
        origins=n_("{n} origin", "{n} origins", s["origins"]),
        conflicts=n_("{n} conflict", "{n} conflicts", s["conflicts"]),
        warnings=n_("{n} warning", "{n} warnings", len(report.warnings)),
        agreements=book.words.digits(s["agreements"]),
        single=book.words.digits(s["single_origin"]),
        read=book.words.digits(s["quotes"] - s["quotes_unread"]),
        quotes=book.words.digits(s["quotes"]),
    )


#: How many claims the "re-check first" line names.
RECHECK_SHOWN = 3


def recheck_line(book: Phrasebook) -> str:
    """``Re-check first: X (1 origin; contradicted by 2 independent origins in 2
    conflicts)``, or '' when there is no conflict."""
    _, n_ = book._, book.n_
    shown = [s for s in book.report.recheck.ranking if s.in_smallest][:RECHECK_SHOWN]
    if not shown:
        return ""
    reasons = [
        (
            _("{claim} ({origins}; contradicted by {against} in {conflicts})")
            if s.reliability is None
            else _(
                "{claim} ({origins}, reliability {reliability} learned from the desk; "
                "contradicted by {against} in {conflicts})"
            )
        ).format(
            claim=s.claim,
            origins=n_("{n} origin", "{n} origins", len(s.origins)),
            against=n_("{n} independent origin", "{n} independent origins", len(s.against)),
            conflicts=n_("{n} conflict", "{n} conflicts", s.conflicts),
            reliability=book.words.language.digits(f"{s.reliability or 0:.2f}"),
        )
        for s in shown
    ]
    then = "".join(book.sep + _("then {claim}").format(claim=r) for r in reasons[1:])
    return _("Re-check first: {claim}").format(claim=reasons[0]) + then


def more(book: Phrasebook, hidden: int) -> str:
    """The line under a table cut at ``LIMIT`` rows."""
    if hidden <= 0:
        return ""
    return book.n_(
        "... and {n} more (all of them with --all, or in --format json)",
        "... and {n} more (all of them with --all, or in --format json)",
        hidden,
    )


def in_conflict(report: Report, found: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """Single-origin findings split in two: those whose figure sits in a conflict,
    which a page shows first, and the others, which it folds away."""
    disputed = {c for f in report.conflicts for c in f.claims}
    lead = [f for f in found if f.claims[0] in disputed]
    return lead, [f for f in found if f.claims[0] not in disputed]
