"""The terminal report: conflicts and warnings in full, then tables, ``width`` columns wide.

Every line fits the width (100 columns unless told otherwise; the command
line passes the terminal's): sentences wrap at spaces, a word longer than a
whole line is cut, and a table whose columns cannot fit side by side is
written as one small block per row instead.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterator, Sequence

from tabulate import tabulate

from ..engine.findings import Finding
from ..engine.report import Report
from . import LIMIT
from .messages import Phrasebook
from .sections import (
    BLOCKS,
    TABLES,
    VERDICTS,
    Section,
    headline,
    in_conflict,
    more,
    recheck_line,
    verdict_rows,
)
from .words import visible

WIDTH = 100
#: What ``_greedy`` leaves to ``textwrap``: control characters, and other spaces (a
#: no-break space) beside a space or at either end, which textwrap drops at a line's end.
_BREAKS_OR_CONTROLS = re.compile(
    "[\x00-\x1f\x7f-\x9f]|[^\\S ](?= )|(?<= )[^\\S ]|^[^\\S ]|[^\\S ]$"
)
#: The narrowest report written: below it, lines of 40 columns are kept.
MIN_WIDTH = 40


def render_text(
    report: Report,
    limit: int | None = LIMIT,
    width: int = WIDTH,
    lang: str | None = None,
    only: tuple[str, ...] | None = None,
) -> Iterator[str]:
    """The terminal report in ``lang``: the sections named in ``only`` (all by
    default), conflicts and warnings always in full, at most ``limit`` rows per
    informational table (None: all), the single-origin table cut to the figures in
    conflict unless ``limit`` is None; no line over ``width``."""
    width = max(width, MIN_WIDTH)
    book = Phrasebook(report, lang)
    _ = book._
    out: list[str] = [*_wrap(headline(book), "", "    ", width), ""]
    if line := recheck_line(book):
        out[-1:-1] = _wrap(line, "", "    ", width)
    for section in BLOCKS:
        found = section.findings(report)
        if not found or not chosen(section, only):
            continue
        out += _heading(f"{_(section.title)} ({book.words.digits(len(found))})", width)
        for number, finding in enumerate(found, 1):
            out += _block(book, number, finding, width)
    verdicts = verdict_rows(book) if chosen(VERDICTS, only) else []
    if verdicts:
        out += _heading(f"{_(VERDICTS.title)} ({book.words.digits(len(verdicts))})", width)
        headers = tuple(_(h) for h in VERDICTS.headers)
        out += [_table(verdicts, headers, VERDICTS.widths, width), ""]
    for section in TABLES:
        found = section.findings(report)
        if not found or not chosen(section, only):
            continue
        shown, note = table_rows(book, section, found, limit)
        headers = tuple(_(h) for h in section.headers)
        out += _heading(f"{_(section.title)} ({book.words.digits(len(found))})", width)
        if shown:
            out.append(_table(rows(book, shown), headers, section.widths, width))
        out += [*_wrap(note, "", "", width), ""]
    yield visible("\n".join(out).rstrip() + "\n")  # no control character reaches a terminal


def chosen(section: Section, only: tuple[str, ...] | None) -> bool:
    return only is None or section.id in only


def table_rows(
    book: Phrasebook, section: Section, found: list[Finding], limit: int | None
) -> tuple[list[Finding], str]:
    """The rows a table shows and the line under it. The single-origin table shows
    only the figures that sit in a conflict, and counts the rest (all with --all);
    the others show their first ``limit`` rows."""
    if limit is None:
        return found, ""
    if section.id != "single-origin":
        shown = found[:limit]
        return shown, more(book, len(found) - len(shown))
    shown = in_conflict(book.report, found)[0][:limit]
    rest = len(found) - len(shown)
    if not rest:
        return shown, ""
    if shown:
        note = book.n_(
            "These sit in a conflict; {n} other figure rests on a single origin (all of "
            "them with --all)",
            "These sit in a conflict; {n} other figures rest on a single origin (all of "
            "them with --all)",
            rest,
        )
    else:
        note = book.n_(
            "{n} figure rests on a single origin, none of them in a conflict (all of "
            "them with --all)",
            "{n} figures rest on a single origin, none of them in a conflict (all of "
            "them with --all)",
            rest,
        )
    return shown, note


def _heading(title: str, width: int) -> list[str]:
    lines = _wrap(title, "", "", width)
    return [*lines, "=" * max(len(line) for line in lines)]


def rows(book: Phrasebook, findings: list[Finding]) -> list[tuple[str, str, str]]:
    """A table's rows: claims, origins, what (a single origin's row omits its origin)."""
    return [
        (
            book.words.listed(f.claims),
            book.words.sources(f.origins),
            book.single_origin_what(f) if f.kind == "single-origin" else book.message(f),
        )
        for f in findings
    ]


def _block(book: Phrasebook, number: int, finding: Finding, width: int) -> list[str]:
    _ = book._
    said = book.wording(finding)
    lines = _wrap(f"{number}. [{finding.rule}] {said.message}", "", "    ", width)
    detail: list[str] = [*said.arithmetic]
    detail += [_("assumption: {text}").format(text=a) for a in said.assumptions]
    detail += [
        _("{label}: {claims}; {origins}").format(
            label=label,
            claims=book.words.listed(side.claims),
            origins=book.independent(side.origins),
        )
        for side, label in zip(finding.sides, said.labels, strict=True)
    ]
    if finding.removal:
        detail.append(removal(book, finding.removal))
    for line in detail:
        lines += _wrap(line, "   - ", "     ", width)
    return [*lines, ""]


def removal(book: Phrasebook, claims: tuple[str, ...]) -> str:
    """``removing any one of a, b would restore consistency`` (of one claim: ``removing
    a would restore consistency``)."""
    if len(claims) == 1:
        return book._("removing {claim} would restore consistency").format(claim=claims[0])
    return book._("removing any one of {claims} would restore consistency").format(
        claims=", ".join(claims)
    )


def _wrap(text: str, first: str, rest: str, width: int = WIDTH) -> list[str]:
    """``text`` wrapped at spaces to ``width`` columns, ``first`` before its first
    line and ``rest`` before the others; only a word longer than a line is cut.
    A line that fits, as most do, is kept as it is: what ``textwrap`` would make
    of it, without its cost."""
    if len(first) + len(text) <= width and text.isprintable() and text.strip(" ") == text:
        return [first + text] if text else []
    if text.strip(" ") == text and "  " not in text and not _BREAKS_OR_CONTROLS.search(text):
        fast = _greedy(text, first, rest, width)
        if fast is not None:
            return fast
    return textwrap.wrap(
        text,
        width,
        initial_indent=first,
        subsequent_indent=rest,
        break_on_hyphens=False,
        break_long_words=True,
    )


def _greedy(text: str, first: str, rest: str, width: int) -> list[str] | None:
    """What ``textwrap.wrap`` makes of words separated by single spaces, filled
    greedily, at a tenth of its cost; None when a word is longer than a line (for
    textwrap to cut). The line breaks are found by position, word after word."""
    lines: list[str] = []
    start, lead = 0, first  # the current line: text[start:end] after ``lead``
    end = text.find(" ")
    end = len(text) if end < 0 else end
    if len(lead) + end > width:
        return None
    while end < len(text):
        after = text.find(" ", end + 1)
        after = len(text) if after < 0 else after
        if len(lead) + after - start <= width:
            end = after
            continue
        lines.append(lead + text[start:end])
        start, lead, end = end + 1, rest, after
        if len(lead) + end - start > width:
            return None
    lines.append(lead + text[start:end])
    return lines


def _table(
    rows: Sequence[tuple[str, ...]],
    headers: tuple[str, ...],
    widths: tuple[int, ...],
    width: int = WIDTH,
) -> str:
    """A plain table whose cells wrap at spaces only (ids keep their hyphens), its
    columns narrowed to fit ``width``; one block per row when they cannot fit."""
    gaps = 2 * (len(widths) - 1)  # tabulate's "simple" puts two spaces between columns
    if sum(widths) + gaps > width:
        room = width - gaps
        widths = tuple(max(1, w * room // sum(widths)) for w in widths)
    cells = [
        [
            textwrap.wrap(cell, w, break_on_hyphens=False, break_long_words=False)
            for cell, w in zip(row, widths, strict=True)
        ]
        for row in rows
    ]
    too_long = any(
        len(line) > w
        for row in [*cells, [[h] for h in headers]]
        for lines, w in zip(row, widths, strict=True)
        for line in lines
    )  # a word (an id) wider than its column: the table cannot fit
    if too_long:
        return _stacked(rows, headers, width)
    return tabulate([tuple("\n".join(c) for c in row) for row in cells], headers, "simple")


def _stacked(rows: Sequence[tuple[str, ...]], headers: tuple[str, ...], width: int) -> str:
    """A table too wide for the terminal, one block per row: 'claim: …', 'origin: …'."""
    lines: list[str] = []
    for row in rows:
        for index, (header, cell) in enumerate(zip(headers, row, strict=True)):
            if cell:
                lead = "- " if index == 0 else "  "
                lines += _wrap(f"{header}: {cell}", lead, "    ", width)
    return "\n".join(lines)
