"""The report: a reconciled desk's findings and origins, as data.

What the report says in words, and in which format, is made by
``factcheck.render`` (``factcheck.render(report, "json")``); its tables, by
``factcheck.publish`` (``report.to_frames()``). The report itself only counts,
selects and decides the exit status.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..desk.model import Desk
from ..values.quote_numbers import readable
from .findings import KINDS, Finding
from .recheck import Recheck

if TYPE_CHECKING:
    from ..publish.frames import Frames

#: The summary's key for the count of each kind of finding.
SUMMARY_KEYS = {
    "conflict": "conflicts", "incomparable": "incomparables",
    "undecidable": "undecidable",
    "unsupported-quote": "unsupported_quotes", "quote-not-in-archive": "quotes_not_in_archive",
    "agreement": "agreements", "repetition": "repetitions", "single-origin": "single_origin",
    "alias-suggestion": "alias_suggestions", "circular-reporting": "circular_reporting",
    "relay-loop": "relay_loops",
}  # fmt: skip
#: Severities at which ``exit_code`` fails.
FAIL_ON = ("never", "warning", "conflict")


@dataclass(frozen=True, slots=True)
class Report:
    """Findings sorted in report order (conflicts first), and each claim's origins."""

    desk: Desk
    findings: tuple[Finding, ...]
    origins: dict[str, tuple[str, ...]]
    recheck: Recheck = field(default=Recheck((), ()))  # what to doubt first

    def of_kind(self, *kinds: str) -> list[Finding]:
        return [f for f in self.findings if f.kind in kinds]

    @property
    def conflicts(self) -> list[Finding]:
        return self.of_kind("conflict")

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "warning"]

    def to_frames(self, lang: str | None = None) -> Frames:
        """The report's tables as pandas DataFrames (claims, findings, finding_claims,
        sources, articles, entities, edges), the findings' words in ``lang``; pandas
        is an optional extra (docs/publishing.md)."""
        # The one call up the layers, allowed in pyproject.toml: a convenience for
        # notebooks, made by the publishing layer that owns the tables.
        from ..publish.frames import to_frames

        return to_frames(self, lang)

    def summary(self) -> dict[str, int]:
        counts = {kind: 0 for kind in KINDS}
        for finding in self.findings:
            counts[finding.kind] += 1
        quoted = [c for c in self.desk.claims if c.quote]
        return {
            "claims": len(self.desk.claims),
            "articles": len(self.desk.articles),
            "sources": len(self.desk.sources),
            "origins": len({o for names in self.origins.values() for o in names}),
            **{SUMMARY_KEYS[kind]: n for kind, n in counts.items()},
            "quotes": len(quoted),
            "quotes_unread": sum(1 for c in quoted if not readable(c.quote_lang)),
        }

    def exit_code(self, fail_on: str = "conflict") -> int:
        """0 when nothing at or above ``fail_on`` severity was found, else 1."""
        if fail_on not in FAIL_ON:
            raise ValueError(f"fail_on must be one of {FAIL_ON}")
        if fail_on == "never":
            return 0
        severities = {"conflict"} if fail_on == "conflict" else {"conflict", "warning"}
        return int(any(f.severity in severities for f in self.findings))

    def flatten(self) -> list[tuple[str, str, tuple[str, ...]]]:
        """(kind, rule, claims) of every finding: compact for tests and scripts."""
        return [(f.kind, f.rule, f.claims) for f in self.findings]
