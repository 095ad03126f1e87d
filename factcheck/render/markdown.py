"""The report as a Markdown document: the same sections as the terminal report."""

from __future__ import annotations

from collections.abc import Iterator

from tabulate import tabulate

from ..engine.report import Report
from . import LIMIT
from .messages import Phrasebook
from .sections import BLOCKS, TABLES, headline, more, recheck_line
from .text import rows
from .words import plural, visible


def render_markdown(report: Report, limit: int | None = LIMIT) -> Iterator[str]:
    """The report in Markdown; ``limit`` as for the terminal report."""
    book = Phrasebook(report)
    out = ["# factcheck report", "", headline(report) + ".", ""]
    if line := recheck_line(report):
        out += [f"**{escape(line)}**", ""]
    for section in BLOCKS:
        found = section.findings(report)
        if not found:
            continue
        out += [f"## {section.title}", ""]
        for number, finding in enumerate(found, 1):
            said = book.wording(finding)
            out += [f"### {number}. {escape(said.message)}", ""]
            out += [f"- rule: `{finding.rule}`; claims: {_ids(finding.claims)}"]
            out += [f"- {escape(line)}" for line in said.arithmetic]
            out += [f"- assumption: {escape(a)}" for a in said.assumptions]
            out += [
                f"- side {escape(label)}: {_ids(s.claims)}, "
                f"{plural(len(s.origins), 'origin')} ({escape(', '.join(s.origins))})"
                for s, label in zip(finding.sides, said.labels, strict=True)
            ]
            if finding.removal:
                out.append(f"- removing any one of {_ids(finding.removal)} restores consistency")
            out.append("")
    for section in TABLES:
        found = section.findings(report)
        if not found:
            continue
        shown = found if limit is None else found[:limit]
        cells = [tuple(escape(cell) for cell in row) for row in rows(book, shown)]
        out += [f"## {section.title} ({len(found)})", ""]
        out += [tabulate(cells, section.headers, tablefmt="github")]
        out += ["", more(len(found) - len(shown)), ""]
    yield visible("\n".join(out).rstrip() + "\n")


def escape(text: str) -> str:
    """Text safe inside Markdown (and its tables)."""
    out = text.replace("\\", "\\\\")
    for char in "|*_`[]<>#":
        out = out.replace(char, "\\" + char)
    return out.replace("\n", " ")


def _ids(ids: tuple[str, ...], most: int = 5) -> str:
    """Ids as code, at most ``most`` of them and a count of the rest."""
    shown = ", ".join(f"`{i}`" for i in ids[: most if len(ids) > most + 1 else None])
    return shown if len(ids) <= most + 1 else f"{shown} and {len(ids) - most:,} others"
