"""The report: findings and claims, rendered as a terminal table, Markdown or JSON.

The report renders itself (``to_text``, ``to_markdown``, ``to_json``) and is
deterministic: the same desk gives a byte-identical report. The JSON form is
the stable format documented field by field in docs/report-format.md.
"""

from __future__ import annotations

import json
import math
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from tabulate import tabulate

from . import wording
from .findings import KINDS, Finding
from .intervals import Interval
from .model import Claim, Desk
from .quotes import readable
from .values import Amount, Category, DateValue

FORMAT_VERSION = 1
#: The summary's key for the count of each kind of finding.
SUMMARY_KEYS = {
    "conflict": "conflicts", "incomparable": "incomparables",
    "unsupported-quote": "unsupported_quotes", "quote-not-in-archive": "quotes_not_in_archive",
    "agreement": "agreements", "repetition": "repetitions", "single-origin": "single_origin",
    "alias-suggestion": "alias_suggestions", "circular-reporting": "circular_reporting",
    "relay-loop": "relay_loops",
}  # fmt: skip
WIDTH = 100
FAIL_ON = ("never", "warning", "conflict")
LIMIT = 100  # rows per informational table in the text and Markdown reports


@dataclass(frozen=True, slots=True)
class Report:
    desk: Desk
    findings: tuple[Finding, ...]
    origins: dict[str, tuple[str, ...]]
    _paths: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    # -- facts ---------------------------------------------------------------------

    def of_kind(self, *kinds: str) -> list[Finding]:
        return [f for f in self.findings if f.kind in kinds]

    @property
    def conflicts(self) -> list[Finding]:
        return self.of_kind("conflict")

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

    # -- JSON ----------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": "factcheck-report",
            "version": FORMAT_VERSION,
            "summary": self.summary(),
            "claims": [self._claim_dict(c) for c in sorted(self.desk.claims, key=lambda c: c.id)],
            "findings": [_finding_dict(f) for f in self.findings],
        }

    def to_json(self) -> str:
        """The JSON report as one string (equal to ``to_dict()`` once parsed)."""
        return "".join(self.json_lines())

    def json_lines(self) -> Iterator[str]:
        """The JSON report line by line: one claim or finding per line, so that it
        diffs well, encodes fast (the C encoder) and streams to a file without
        the whole report in memory."""
        yield "{\n"
        yield '"format": "factcheck-report",\n'
        yield f'"version": {FORMAT_VERSION},\n'
        yield f'"summary": {_dump(self.summary())},\n'
        yield '"claims": [\n'
        claims = sorted(self.desk.claims, key=lambda c: c.id)
        for number, claim in enumerate(claims, 1):
            yield _dump(self._claim_dict(claim)) + (",\n" if number < len(claims) else "\n")
        yield "],\n"
        yield '"findings": [\n'
        for number, finding in enumerate(self.findings, 1):
            end = ",\n" if number < len(self.findings) else "\n"
            yield _dump(_finding_dict(finding)) + end
        yield "]\n}\n"

    def relative_path(self, path: str) -> str:
        """A claim file's path relative to the desk root, as reports show it."""
        cache = self._paths
        if path not in cache:
            cache[path] = _relative(path, self.desk.root)
        return cache[path]

    def _claim_dict(self, claim: Claim) -> dict[str, Any]:
        value = claim.value
        return {
            "id": claim.id,
            "file": self.relative_path(claim.where.path),
            "line": claim.where.line,
            "source": claim.source,
            "origin": list(self.origins.get(claim.id, ())),
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

    # -- terminal ------------------------------------------------------------------

    def to_text(self, limit: int | None = LIMIT) -> str:
        """The terminal report; at most ``limit`` rows per informational table
        (None: all), conflicts and warnings always in full."""
        out: list[str] = [self._headline(), ""]
        for title, kinds in _BLOCKS:
            found = self.of_kind(*kinds)
            if not found:
                continue
            heading = f"{title} ({len(found)})"
            out += [heading, "=" * len(heading)]
            for number, finding in enumerate(found, 1):
                out += _block(number, finding)
        for title, kind, headers, widths in _TABLES:
            found = self.of_kind(kind)
            if not found:
                continue
            heading = f"{title} ({len(found)})"
            shown = found if limit is None else found[:limit]
            out += [heading, "=" * len(heading), _table(_rows(shown), headers, widths)]
            out += [_more(len(found) - len(shown)), ""]
        return "\n".join(out).rstrip() + "\n"

    def _headline(self) -> str:
        s = self.summary()
        warnings = sum(1 for f in self.findings if f.severity == "warning")
        return (
            f"{s['claims']} claims, {s['origins']} origins: {s['conflicts']} conflict"
            f"{'s' if s['conflicts'] != 1 else ''}, {warnings} warning"
            f"{'s' if warnings != 1 else ''}, {s['agreements']} corroborated, "
            f"{s['single_origin']} single-origin; {s['quotes'] - s['quotes_unread']}/"
            f"{s['quotes']} quotes read"
        )

    # -- Markdown ------------------------------------------------------------------

    def to_markdown(self, limit: int | None = LIMIT) -> str:
        """The report as a Markdown document; ``limit`` as for ``to_text``."""
        out = ["# factcheck report", "", self._headline() + ".", ""]
        for title, kinds in _BLOCKS:
            found = self.of_kind(*kinds)
            if not found:
                continue
            out += [f"## {title}", ""]
            for number, finding in enumerate(found, 1):
                out += [f"### {number}. {_md(finding.message)}", ""]
                out += [f"- rule: `{finding.rule}`; claims: {_md_ids(finding.claims)}"]
                out += [f"- {_md(line)}" for line in finding.arithmetic]
                out += [f"- assumption: {_md(a)}" for a in finding.assumptions]
                out += [
                    f"- side {_md(s.label)}: {_md_ids(s.claims)}, "
                    f"{len(s.origins)} origin{'s' if len(s.origins) != 1 else ''} "
                    f"({_md(', '.join(s.origins))})"
                    for s in finding.sides
                ]
                if finding.removal:
                    out.append(
                        f"- removing any one of {_md_ids(finding.removal)} restores consistency"
                    )
                out.append("")
        for title, kind, headers, _ in _TABLES:
            found = self.of_kind(kind)
            if not found:
                continue
            shown = found if limit is None else found[:limit]
            rows = [tuple(_md(cell) for cell in row) for row in _rows(shown)]
            out += [f"## {title} ({len(found)})", "", tabulate(rows, headers, tablefmt="github")]
            out += ["", _more(len(found) - len(shown)), ""]
        return "\n".join(out).rstrip() + "\n"


_BLOCKS = (
    ("Conflicts: claims that cannot all be true", ("conflict",)),
    (
        "Warnings",
        (
            "incomparable",
            "unsupported-quote",
            "quote-not-in-archive",
            "circular-reporting",
            "relay-loop",
        ),
    ),
)
_TABLES = (
    ("Figures that rest on a single origin", "single-origin", ("claim", "origin", "what"),
     (30, 24, 40)),
    ("Corroborated: independent origins agree", "agreement", ("claims", "origins", "what"),
     (30, 20, 44)),
    ("Repeated, not corroborated: one origin", "repetition", ("claims", "origin", "what"),
     (30, 20, 44)),
    ("Suggested aliases", "alias-suggestion", ("claim", "origin", "what"), (30, 20, 44)),
)  # fmt: skip


def _rows(findings: list[Finding]) -> list[tuple[str, str, str]]:
    return [
        (", ".join(f.claims), ", ".join(_origins(f)), _short(f) if f.kind == "single-origin"
         else f.message)
        for f in findings
    ]  # fmt: skip


def _more(hidden: int) -> str:
    if hidden <= 0:
        return ""
    return f"... and {hidden:,} more (all of them with --all, or in --format json)"


def _short(finding: Finding) -> str:
    """A single-origin finding's message without the origin, shown in its own column."""
    head, _, tail = finding.message.partition(" rests on one origin")
    return head + tail.partition(";")[1] + tail.partition(";")[2]


def _origins(finding: Finding) -> list[str]:
    return sorted({o for side in finding.sides for o in side.origins})


def _block(number: int, finding: Finding) -> list[str]:
    wrap = textwrap.TextWrapper(
        width=WIDTH, subsequent_indent="    ", break_on_hyphens=False, break_long_words=False
    )
    lines = wrap.wrap(f"{number}. [{finding.rule}] {finding.message}")
    detail = textwrap.TextWrapper(
        width=WIDTH,
        initial_indent="   - ",
        subsequent_indent="     ",
        break_on_hyphens=False,
        break_long_words=False,
    )
    for line in finding.arithmetic:
        lines += detail.wrap(line)
    for assumption in finding.assumptions:
        lines += detail.wrap(f"assumption: {assumption}")
    for side in finding.sides:
        count = len(side.origins)
        lines += detail.wrap(
            f"{side.label}: {', '.join(side.claims)}; {count} independent origin"
            f"{'s' if count != 1 else ''} ({', '.join(side.origins)})"
        )
    if finding.removal:
        lines += detail.wrap(
            f"removing any one of {', '.join(finding.removal)} would restore consistency"
        )
    return [*lines, ""]


def _table(
    rows: Sequence[tuple[str, ...]], headers: tuple[str, ...], widths: tuple[int, ...]
) -> str:
    """A plain table whose cells wrap at spaces only (ids keep their hyphens)."""
    wrapped = [
        tuple(
            "\n".join(textwrap.wrap(cell, width, break_on_hyphens=False, break_long_words=False))
            for cell, width in zip(row, widths, strict=True)
        )
        for row in rows
    ]
    return tabulate(wrapped, headers, tablefmt="simple")


def _md(text: str) -> str:
    """Text safe inside Markdown (and its tables)."""
    out = text.replace("\\", "\\\\")
    for char in "|*_`[]<>#":
        out = out.replace(char, "\\" + char)
    return out.replace("\n", " ")


def _md_ids(ids: tuple[str, ...]) -> str:
    return ", ".join(f"`{i}`" for i in ids)


def _dump(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _finding_dict(finding: Finding) -> dict[str, Any]:
    return {
        "kind": finding.kind,
        "severity": finding.severity,
        "rule": finding.rule,
        "claims": list(finding.claims),
        "message": finding.message,
        "arithmetic": list(finding.arithmetic),
        "assumptions": list(finding.assumptions),
        "sides": [
            {"label": s.label, "claims": list(s.claims), "origins": list(s.origins)}
            for s in finding.sides
        ],
        "removal": list(finding.removal),
    }


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
        "text": wording.days(interval) if dates else wording.interval(interval, value.unit),  # type: ignore[union-attr]
    }


def _relative(path: str, root: Path) -> str:
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return Path(path).as_posix()
