"""The terminal report: conflicts and warnings in full, then tables, 100 columns wide."""

from __future__ import annotations

import textwrap
from collections.abc import Iterator, Sequence

from tabulate import tabulate

from ..engine.findings import Finding
from ..engine.report import Report
from . import LIMIT
from .messages import Phrasebook
from .sections import BLOCKS, TABLES, headline, more, recheck_line
from .words import listed, plural, visible

WIDTH = 100


def render_text(report: Report, limit: int | None = LIMIT) -> Iterator[str]:
    """The terminal report; at most ``limit`` rows per informational table
    (None: all), conflicts and warnings always in full."""
    book = Phrasebook(report)
    out: list[str] = [headline(report), ""]
    if line := recheck_line(report):
        out[1:1] = textwrap.wrap(line, WIDTH, subsequent_indent="    ", break_on_hyphens=False)
    for section in BLOCKS:
        found = section.findings(report)
        if not found:
            continue
        heading = f"{section.title} ({len(found)})"
        out += [heading, "=" * len(heading)]
        for number, finding in enumerate(found, 1):
            out += _block(book, number, finding)
    for section in TABLES:
        found = section.findings(report)
        if not found:
            continue
        heading = f"{section.title} ({len(found)})"
        shown = found if limit is None else found[:limit]
        table = _table(rows(book, shown), section.headers, section.widths)
        out += [heading, "=" * len(heading), table, more(len(found) - len(shown)), ""]
    yield visible("\n".join(out).rstrip() + "\n")  # no control character reaches a terminal


def rows(book: Phrasebook, findings: list[Finding]) -> list[tuple[str, str, str]]:
    """A table's rows: claims, origins, what (a single origin's row omits its origin)."""
    return [
        (
            listed(f.claims),
            ", ".join(f.origins),
            book.single_origin_what(f) if f.kind == "single-origin" else book.message(f),
        )
        for f in findings
    ]


def _block(book: Phrasebook, number: int, finding: Finding) -> list[str]:
    said = book.wording(finding)
    lines = _wrap(f"{number}. [{finding.rule}] {said.message}", "", "    ")
    detail: list[str] = [*said.arithmetic]
    detail += [f"assumption: {assumption}" for assumption in said.assumptions]
    detail += [
        f"{label}: {listed(side.claims)}; "
        f"{plural(len(side.origins), 'independent origin')} ({', '.join(side.origins)})"
        for side, label in zip(finding.sides, said.labels, strict=True)
    ]
    if finding.removal:
        detail.append(f"removing any one of {', '.join(finding.removal)} would restore consistency")
    for line in detail:
        lines += _wrap(line, "   - ", "     ")
    return [*lines, ""]


def _wrap(text: str, first: str, rest: str) -> list[str]:
    """``text`` wrapped at spaces to ``WIDTH`` columns, ``first`` before its first
    line and ``rest`` before the others. A line that fits, as most do, is kept
    as it is: what ``textwrap`` would make of it, without its cost."""
    if len(first) + len(text) <= WIDTH and text.isprintable() and text.strip(" ") == text:
        return [first + text] if text else []
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent=first,
        subsequent_indent=rest,
        break_on_hyphens=False,
        break_long_words=False,
    )


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
