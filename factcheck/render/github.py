"""GitHub Actions annotations: problems and findings on the lines of the desk's files.

Each line is a workflow command (``::error file=…,line=…,col=…::message``)
that GitHub shows on the file in a pull request and in the run's summary.
Problems in the desk are errors; a conflict is an error on each claim it
names (five at most: the message names the rest), a warning a warning.
Informational findings (single origins, agreements) are not annotations.
Data and properties are escaped as GitHub's toolkit does (``%``, line breaks,
and in properties ``:`` and ``,``), so no claim text can end a command or
start another.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..engine.report import Report
from ..errors import Location, Problem
from .messages import Phrasebook
from .text import removal
from .words import visible

#: Claims of one finding that get an annotation of their own.
MOST_CLAIMS = 5


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, where: Location, message: str, title: str = "factcheck") -> str:
    """One workflow command at ``where`` (line and column left out when unknown)."""
    place = [f"file={_property(where.path)}"]
    if where.line:
        place.append(f"line={where.line}")
        if where.col:
            place.append(f"col={where.col}")
    place.append(f"title={_property(title)}")
    return f"::{level} {','.join(place)}::{_data(visible(message))}\n"


def problem_lines(problems: Iterable[Problem], more: int = 0) -> Iterator[str]:
    """Problems in a desk as error annotations, and a notice of those not shown."""
    for problem in problems:
        message = f"{problem.message}; {problem.hint}" if problem.hint else problem.message
        yield command("error", problem.location, message, "factcheck: invalid desk")
    if more:
        yield f"::error title=factcheck::{more:,} more problems not shown\n"


def render_github(report: Report, lang: str | None = None) -> Iterator[str]:
    """Conflicts and warnings as annotations on the claims they name, in ``lang``."""
    book = Phrasebook(report, lang)
    for finding in report.findings:
        if finding.severity not in ("conflict", "warning"):
            continue
        said = book.wording(finding)
        level = "error" if finding.severity == "conflict" else "warning"
        details = [said.message, *said.arithmetic]
        if finding.removal:
            details.append(removal(book, finding.removal))
        text = "\n".join(details)
        title = f"factcheck: {finding.kind} ({finding.rule})"
        for ident in finding.claims[:MOST_CLAIMS]:
            yield command(level, report.desk.claim(ident).where, text, title)
