"""The sections of a report, in order: defined once for every format.

Blocks show each finding in full (conflicts, warnings); tables show one row
per finding (single origins, agreements, repetitions, suggested aliases),
at most ``LIMIT`` rows unless all are asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..engine.findings import KINDS, Finding
from ..engine.report import Report
from .words import plural


@dataclass(frozen=True, slots=True)
class Section:
    id: str  # the anchor in HTML
    title: str
    kinds: tuple[str, ...]
    table: bool = False
    headers: tuple[str, ...] = ()  # a table's columns
    widths: tuple[int, ...] = ()  # a table's column widths in the terminal

    def findings(self, report: Report) -> list[Finding]:
        return report.of_kind(*self.kinds)


SECTIONS = (
    Section("conflicts", "Conflicts: claims that cannot all be true", ("conflict",)),
    Section("warnings", "Warnings", tuple(k for k, s in KINDS.items() if s == "warning")),
    Section("single", "Figures that rest on a single origin", ("single-origin",), True,
            ("claim", "origin", "what"), (30, 24, 40)),
    Section("agreements", "Corroborated: independent origins agree", ("agreement",), True,
            ("claims", "origins", "what"), (30, 20, 44)),
    Section("repetitions", "Repeated, not corroborated: one origin", ("repetition",), True,
            ("claims", "origin", "what"), (30, 20, 44)),
    Section("suggestions", "Suggested aliases", ("alias-suggestion",), True,
            ("claim", "origin", "what"), (30, 20, 44)),
)  # fmt: skip
BLOCKS = tuple(s for s in SECTIONS if not s.table)
TABLES = tuple(s for s in SECTIONS if s.table)


def headline(report: Report) -> str:
    """The one line that opens every report."""
    s = report.summary()
    return (
        f"{plural(s['claims'], 'claim')}, {plural(s['origins'], 'origin')}: "
        f"{plural(s['conflicts'], 'conflict')}, "
        f"{plural(len(report.warnings), 'warning')}, {s['agreements']} corroborated, "
        f"{s['single_origin']} single-origin; {s['quotes'] - s['quotes_unread']}/"
        f"{s['quotes']} quotes read"
    )


#: How many claims the "re-check first" line names.
RECHECK_SHOWN = 3


def recheck_line(report: Report) -> str:
    """``Re-check first: X (1 origin; contradicted by 2 independent origins in 2
    conflicts)``, or '' when there is no conflict."""
    shown = [s for s in report.recheck.ranking if s.in_smallest][:RECHECK_SHOWN]
    if not shown:
        return ""
    reasons = [
        f"{s.claim} ({plural(len(s.origins), 'origin')}; contradicted by "
        f"{plural(len(s.against), 'independent origin')} in {plural(s.conflicts, 'conflict')})"
        for s in shown
    ]
    return "Re-check first: " + reasons[0] + "".join(f"; then {r}" for r in reasons[1:])


def more(hidden: int) -> str:
    """The line under a table cut at ``LIMIT`` rows."""
    if hidden <= 0:
        return ""
    return f"... and {hidden:,} more (all of them with --all, or in --format json)"
