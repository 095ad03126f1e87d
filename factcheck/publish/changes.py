"""What changed between two JSON reports of a desk: the daily question on a live
story ("what is new since yesterday's report?").

``compare(old, new)`` reads two reports (as ``json.load`` gives them) into a
``Changes``, as data: conflicts that appeared and that went away, claims
added, removed or changed (and which of their fields), and findings present
in both whose claims changed. Findings are matched by their stable identity
(rule and sorted claim ids), so the comparison survives any re-ordering; a
report written before identities were added gets them computed the same way.
Claims are matched by id; moving a claim to another file or line is not a
change. ``render_changes`` writes it as text, Markdown or JSON.
"""

from __future__ import annotations

import json
import os
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..engine.findings import identity_of
from ..errors import UsageError
from ..render.language import language
from ..render.markdown import escape as _escape
from ..render.words import Words, visible

#: The largest report ``diff`` reads (a report of 100,000 claims is about 120 MB).
MAX_REPORT_BYTES = 2**30  # 1 GiB
#: What a claim is, for a comparison: the rest (file, line, the reading in words) is
#: where it is written and how it is said.
CLAIM_FIELDS = (
    "source", "subject", "metric", "period", "product", "counterparty", "modality",
    "value", "interval", "unit", "quote", "quote_lang", "derived_from", "origin", "review",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class ClaimChange:
    claim: str
    fields: tuple[str, ...]  # the fields that differ
    before: tuple[Any, ...]
    after: tuple[Any, ...]


@dataclass(frozen=True, slots=True)
class Changes:
    """Two reports compared: each list holds findings or claims as the reports
    wrote them (dicts), in the newer report's order."""

    new_conflicts: tuple[dict[str, Any], ...]
    resolved_conflicts: tuple[dict[str, Any], ...]
    claims_added: tuple[dict[str, Any], ...]
    claims_removed: tuple[dict[str, Any], ...]
    claims_changed: tuple[ClaimChange, ...]
    findings_changed: tuple[
        tuple[dict[str, Any], tuple[str, ...]], ...
    ]  # (finding, its changed claims)
    new_findings: int  # findings of any kind that appeared
    gone_findings: int  # and that went away

    @property
    def exit_code(self) -> int:
        """1 when a conflict appeared, else 0."""
        return 1 if self.new_conflicts else 0

    @property
    def nothing(self) -> bool:
        return not (
            self.new_conflicts or self.resolved_conflicts or self.claims_added
            or self.claims_removed or self.claims_changed or self.findings_changed
            or self.new_findings or self.gone_findings
        )  # fmt: skip


def read_report(path: Path) -> dict[str, Any]:
    """A JSON report read from ``path``; anything else is a ``UsageError`` naming it."""
    try:
        size = os.stat(path).st_size
        if size > MAX_REPORT_BYTES:
            raise UsageError(
                f"{path}: the report is {size:,} bytes, over the limit of {MAX_REPORT_BYTES:,}"
            )
        with open(path, "rb") as handle:
            data = _by_lines(handle)
            if data is None:  # laid out otherwise (edited, or written by another tool)
                handle.seek(0)
                data = json.load(handle)
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from exc
    except (ValueError, RecursionError) as exc:
        raise UsageError(
            f"{path}: not a JSON report ({exc})",
        ) from exc
    if not isinstance(data, dict) or data.get("format") != "factcheck-report":
        raise UsageError(
            f"{path}: not a factcheck JSON report; write one with "
            "'factcheck reconcile --format json -o FILE'"
        )
    if not isinstance(data.get("claims"), list) or not isinstance(data.get("findings"), list):
        raise UsageError(f"{path}: a factcheck report without its claims and findings")
    for number, claim in enumerate(data["claims"], 1):
        if not isinstance(claim, dict) or not isinstance(claim.get("id"), str):
            raise UsageError(f"{path}: claim {number} of the report has no id")
    for number, finding in enumerate(data["findings"], 1):
        claims = finding.get("claims") if isinstance(finding, dict) else None
        if not isinstance(claims, list) or not all(isinstance(c, str) for c in claims):
            raise UsageError(f"{path}: finding {number} of the report has no list of claims")
    return slim(data)


def _by_lines(handle: Any) -> dict[str, Any] | None:
    """The report as factcheck writes it (one claim or finding a line), read line by
    line and each claim and finding slimmed as soon as it is read: a large report
    never stands whole in memory. None when the file is laid out otherwise."""
    data: dict[str, Any] = {}
    filling: list[dict[str, Any]] | None = None
    kept: tuple[str, ...] = ()
    try:
        for raw in handle:
            line = raw.strip()
            if filling is not None:
                if line in (b"]", b"],"):
                    filling = None
                    continue
                item = json.loads(line[:-1] if line.endswith(b",") else line)
                if not isinstance(item, dict):
                    return None
                filling.append({k: item[k] for k in kept if k in item})
            elif line in (b"{", b"}", b""):
                continue
            elif line.endswith(b"["):  # "claims": [
                key = json.loads(line[:-1].rstrip().rstrip(b":"))
                if key not in ("claims", "findings") or key in data:
                    return None
                filling = data[key] = []
                kept = _KEPT_CLAIM if key == "claims" else _KEPT_FINDING
            else:  # "format": "factcheck-report",
                data.update(json.loads(b"{" + line.rstrip(b",") + b"}"))
    except (ValueError, TypeError, RecursionError):
        return None
    return data if filling is None and "claims" in data and "findings" in data else None


#: What a comparison reads of a claim and of a finding; the rest is let go as soon
#: as a report is read, so that two large reports fit in memory side by side.
_KEPT_CLAIM = ("id", "file", "line", *CLAIM_FIELDS)
_KEPT_FINDING = ("id", "kind", "rule", "claims", "message")


def slim(report: dict[str, Any]) -> dict[str, Any]:
    """A report with only what ``compare`` reads."""
    return {
        "format": report.get("format"),
        "language": report.get("language"),
        "claims": [{k: c[k] for k in _KEPT_CLAIM if k in c} for c in report["claims"]],
        "findings": [{k: f[k] for k in _KEPT_FINDING if k in f} for f in report["findings"]],
    }


def _identity(finding: dict[str, Any]) -> str:
    found = finding.get("id")
    if isinstance(found, str) and found:
        return found
    return identity_of(str(finding.get("rule", "")), finding.get("claims", ()))


def _comparable(claim: dict[str, Any]) -> tuple[Any, ...]:
    values = []
    for name in CLAIM_FIELDS:
        value = claim.get(name)
        if name == "interval" and isinstance(value, dict):
            value = {k: v for k, v in value.items() if k != "text"}  # words, not data
        values.append(json.dumps(value, sort_keys=True, ensure_ascii=False))
    return tuple(values)


def compare(old: dict[str, Any], new: dict[str, Any]) -> Changes:
    """What changed from report ``old`` to report ``new``."""
    before = {c["id"]: c for c in old["claims"]}
    after = {c["id"]: c for c in new["claims"]}
    added = tuple(c for i, c in after.items() if i not in before)
    removed = tuple(c for i, c in before.items() if i not in after)
    changed = []
    for ident, claim in after.items():
        if ident not in before:
            continue
        was, now = _comparable(before[ident]), _comparable(claim)
        if was != now:
            fields = tuple(n for n, a, b in zip(CLAIM_FIELDS, was, now, strict=True) if a != b)
            changed.append(
                ClaimChange(
                    ident,
                    fields,
                    tuple(before[ident].get(f) for f in fields),
                    tuple(claim.get(f) for f in fields),
                )
            )
    touched = {c.claim for c in changed}
    old_findings = {_identity(f): f for f in old["findings"]}
    new_findings = {_identity(f): f for f in new["findings"]}
    appeared = [f for i, f in new_findings.items() if i not in old_findings]
    gone = [f for i, f in old_findings.items() if i not in new_findings]
    moved = []
    for ident, finding in new_findings.items():
        if ident in old_findings:
            hit = tuple(c for c in finding.get("claims", ()) if c in touched)
            if hit:
                moved.append((finding, hit))
    return Changes(
        new_conflicts=tuple(f for f in appeared if f.get("kind") == "conflict"),
        resolved_conflicts=tuple(f for f in gone if f.get("kind") == "conflict"),
        claims_added=added,
        claims_removed=removed,
        claims_changed=tuple(changed),
        findings_changed=tuple(moved),
        new_findings=len(appeared),
        gone_findings=len(gone),
    )


# -- words ------------------------------------------------------------------------------


def render_changes(
    changes: Changes,
    format: str = "text",
    lang: str | None = None,
    since: str = "",
    width: int = 100,
) -> Iterator[str]:
    """``changes`` as ``text`` (no line over ``width``), ``markdown`` or ``json``;
    ``since`` names the older report in the opening line."""
    if format == "json":
        yield json.dumps(changes_dict(changes), indent=1, ensure_ascii=False) + "\n"
        return
    if format not in ("text", "markdown"):
        raise UsageError(f"unknown format '{format}' for changes; formats: text, markdown, json")
    words = _Words(lang, markdown=format == "markdown")
    lines = words.document(changes, since)
    if format == "text":
        lines = [wrapped for line in lines for wrapped in _wrap(line, max(width, 40))]
    yield visible("\n".join(lines).rstrip() + "\n")


def _wrap(line: str, width: int) -> list[str]:
    """A line cut at spaces to ``width``, continued under its text (after ``- `` or
    ``1. ``)."""
    if len(line) <= width:
        return [line]
    indent = " " * (len(line) - len(line.lstrip(" -0123456789.")) or 4)
    return textwrap.wrap(
        line, width, subsequent_indent=indent, break_on_hyphens=False, break_long_words=True
    )


def changes_dict(changes: Changes) -> dict[str, Any]:
    """The changes as data (docs/report-format.md, "What changed")."""
    return {
        "format": "factcheck-changes",
        "version": 1,
        "new_conflicts": [_brief(f) for f in changes.new_conflicts],
        "resolved_conflicts": [_brief(f) for f in changes.resolved_conflicts],
        "claims_added": [c["id"] for c in changes.claims_added],
        "claims_removed": [c["id"] for c in changes.claims_removed],
        "claims_changed": [
            {
                "claim": c.claim,
                "fields": list(c.fields),
                "before": dict(zip(c.fields, c.before, strict=True)),
                "after": dict(zip(c.fields, c.after, strict=True)),
            }
            for c in changes.claims_changed
        ],
        "findings_changed": [
            {**_brief(f), "changed_claims": list(hit)} for f, hit in changes.findings_changed
        ],
        "new_findings": changes.new_findings,
        "gone_findings": changes.gone_findings,
    }


def _brief(finding: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": _identity(finding),
        "kind": finding.get("kind"),
        "rule": finding.get("rule"),
        "claims": list(finding.get("claims", ())),
        "message": finding.get("message"),
    }


class _Words:
    """The changes in words, in a report language, as text or Markdown."""

    def __init__(self, lang: str | None, markdown: bool) -> None:
        words = Words(language(lang))
        self._, self.n_, self.digits = words._, words.n_, words.digits
        self.sep = self._("; ")
        self.markdown = markdown

    def code(self, text: str) -> str:
        return f"`{text}`" if self.markdown else text

    def heading(self, title: str, count: int) -> list[str]:
        line = f"{title} ({self.digits(count)})"
        if self.markdown:
            return [f"## {_escape(line)}", ""]
        return [line, "=" * len(line)]

    def document(self, changes: Changes, since: str) -> list[str]:
        _, n_ = self._, self.n_
        summary = self.sep.join(
            [
                n_("{n} new conflict", "{n} new conflicts", len(changes.new_conflicts)),
                n_("{n} resolved", "{n} resolved", len(changes.resolved_conflicts)),
                n_("{n} claim added", "{n} claims added", len(changes.claims_added)),
                n_("{n} removed", "{n} removed", len(changes.claims_removed)),
                n_("{n} changed", "{n} changed", len(changes.claims_changed)),
            ]
        )
        first = (
            _("Since {report}: {summary}").format(report=since, summary=summary)
            if since
            else summary
        )
        out = [f"# {_escape(first)}" if self.markdown else first, ""]
        if changes.nothing:
            return [*out, _("Nothing changed.")]
        for title, found in (
            (_("New conflicts"), changes.new_conflicts),
            (_("Resolved conflicts"), changes.resolved_conflicts),
        ):
            if found:
                out += self.heading(title, len(found))
                for number, finding in enumerate(found, 1):
                    out += self.finding(number, finding)
                out.append("")
        for title, claims in (
            (_("Claims added"), changes.claims_added),
            (_("Claims removed"), changes.claims_removed),
        ):
            if claims:
                out += self.heading(title, len(claims))
                out += [self.claim(c) for c in claims]
                out.append("")
        if changes.claims_changed:
            out += self.heading(_("Claims changed"), len(changes.claims_changed))
            out += [self.change(c) for c in changes.claims_changed]
            out.append("")
        if changes.findings_changed:
            out += self.heading(_("Findings whose claims changed"), len(changes.findings_changed))
            for finding, hit in changes.findings_changed:
                out.append(
                    "- "
                    + _("[{kind}] {message} (changed: {claims})").format(
                        kind=self.text(finding.get("kind", "")),
                        message=self.text(finding.get("message", "")),
                        claims=", ".join(self.code(c) for c in hit),
                    )
                )
            out.append("")
        others = changes.new_findings - len(changes.new_conflicts)
        gone = changes.gone_findings - len(changes.resolved_conflicts)
        if others or gone:
            out.append(
                n_(
                    "{n} other finding appeared and {gone} went away (agreements, repetitions, "
                    "single origins, warnings): see the reports",
                    "{n} other findings appeared and {gone} went away (agreements, repetitions, "
                    "single origins, warnings): see the reports",
                    others,
                    gone=self.digits(gone),
                )
            )
        return out

    def text(self, value: Any) -> str:
        """A value of the report as text (a report edited by hand may hold anything)."""
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
        return _escape(text) if self.markdown else text

    def finding(self, number: int, finding: dict[str, Any]) -> list[str]:
        claims = ", ".join(self.code(c) for c in finding.get("claims", ()))
        return [
            f"{number}. [{self.text(finding.get('rule', ''))}] "
            f"{self.text(finding.get('message', ''))}",
            "   - " + self._("claims: {claims}").format(claims=claims),
        ]

    def claim(self, claim: dict[str, Any]) -> str:
        where = f"{claim.get('file', '')}:{claim.get('line', '')}"
        scope = " ".join(str(claim.get(k)) for k in ("subject", "metric", "period") if claim.get(k))
        return "- " + self._("{claim} ({where}): {scope}, '{value}'").format(
            claim=self.code(claim["id"]), where=where, scope=self.text(scope),
            value=self.text(str(claim.get("value", ""))),
        )  # fmt: skip

    def change(self, change: ClaimChange) -> str:
        parts = []
        for name, was, now in zip(change.fields, change.before, change.after, strict=True):
            parts.append(
                self._("{field}: {before} → {after}").format(
                    field=name, before=self.text(_shown(was)), after=self.text(_shown(now))
                )
            )
        return f"- {self.code(change.claim)}: " + "; ".join(parts)


def _shown(value: Any) -> str:
    """A claim's field as a reader compares it: text as it is, the rest as JSON."""
    if value is None:
        return "—"
    if isinstance(value, str):
        return f"'{value}'"
    if isinstance(value, dict) and "lo" in value:
        return f"[{value.get('lo')}, {value.get('hi')}]"
    return json.dumps(value, ensure_ascii=False)
