"""The report as a Markdown document: the same sections as the terminal report."""

from __future__ import annotations

from collections.abc import Iterator

from tabulate import tabulate

from ..engine.report import Report
from . import LIMIT
from .messages import Phrasebook
from .sections import BLOCKS, TABLES, VERDICTS, headline, recheck_line, verdict_rows
from .text import chosen, rows, table_rows
from .words import visible


def render_markdown(
    report: Report,
    limit: int | None = LIMIT,
    lang: str | None = None,
    only: tuple[str, ...] | None = None,
) -> Iterator[str]:
    """The report in Markdown; ``limit``, ``lang`` and ``only`` as for the terminal report."""
    book = Phrasebook(report, lang)
    _ = book._
    out = [f"# {_('factcheck report')}", "", headline(book) + ".", ""]
    if line := recheck_line(book):
        out += [f"**{escape(line)}**", ""]
    for section in BLOCKS:
        found = section.findings(report)
        if not found or not chosen(section, only):
            continue
        out += [f"## {_(section.title)}", ""]
        for number, finding in enumerate(found, 1):
            said = book.wording(finding)
            out += [f"### {number}. {escape(said.message)}", ""]
            out += [
                "- "
                + _("rule: {rule}; claims: {claims}").format(
                    rule=f"`{finding.rule}`", claims=_ids(book, finding.claims)
                )
            ]
            out += [f"- {escape(line)}" for line in said.arithmetic]
            out += ["- " + _("assumption: {text}").format(text=escape(a)) for a in said.assumptions]
            out += [
                "- "
                + _("side {label}: {claims}, {origins}").format(
                    label=escape(label),
                    claims=_ids(book, s.claims),
                    origins=escape(book.independent(s.origins)),
                )
                for s, label in zip(finding.sides, said.labels, strict=True)
            ]
            if finding.removal:
                out.append("- " + _removal(book, finding.removal))
            out.append("")
    verdicts = verdict_rows(book) if chosen(VERDICTS, only) else []
    if verdicts:
        judged = [(f"`{claim}`", escape(rating), escape(said)) for claim, rating, said in verdicts]
        out += [f"## {_(VERDICTS.title)} ({book.words.digits(len(verdicts))})", ""]
        out += [tabulate(judged, [_(h) for h in VERDICTS.headers], tablefmt="github"), ""]
    for section in TABLES:
        found = section.findings(report)
        if not found or not chosen(section, only):
            continue
        shown, note = table_rows(book, section, found, limit)
        cells = [tuple(escape(cell) for cell in row) for row in rows(book, shown)]
        out += [f"## {_(section.title)} ({book.words.digits(len(found))})", ""]
        if cells:
            out += [tabulate(cells, [_(h) for h in section.headers], tablefmt="github"), ""]
        out += [escape(note), ""]
    yield visible("\n".join(out).rstrip() + "\n")


def _removal(book: Phrasebook, claims: tuple[str, ...]) -> str:
    if len(claims) == 1:
        return book._("removing {claim} restores consistency").format(claim=f"`{claims[0]}`")
    return book._("removing any one of {claims} restores consistency").format(
        claims=_ids(book, claims)
    )


def escape(text: str) -> str:
    """Text safe inside Markdown (and its tables)."""
    out = text.replace("\\", "\\\\")
    for char in "|*_`[]<>#":
        out = out.replace(char, "\\" + char)
    return out.replace("\n", " ")


def _ids(book: Phrasebook, ids: tuple[str, ...], most: int = 5) -> str:
    """Ids as code, at most ``most`` of them and a count of the rest."""
    return book.words.listed([f"`{i}`" for i in ids], most)
