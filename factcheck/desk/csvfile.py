"""Reading one CSV table of claims, keeping the line and column of every cell.

Rows become ``YMap`` records, the same shape the YAML reader gives, so the
rest of the loader does not care where a claim was written. Empty cells are
absent fields. The header row is required; its names are matched to claim
and article fields by the loader, which suggests the nearest for a typo.

The separator is the one the header uses: a comma, a semicolon (what French
and German Excel save) or a tab, whichever of them it holds most of outside
quotes (a comma when it holds none). Excel's UTF-8 byte-order mark is skipped.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from ..errors import Location, Problem
from .yamlfile import YMap, decode_utf8

MAX_FILE_BYTES = 512 * 1024 * 1024


def read_csv(path: Path) -> tuple[list[YMap], list[Problem]]:
    """Rows of a CSV file as located records, and the file's problems."""
    problems: list[Problem] = []
    rows = list(iter_csv(path, problems))
    return rows, problems


def header(path: Path) -> list[str]:
    """The column names of a CSV file ([] when it has no readable header)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            first = handle.readline()
        return [h.strip() for h in next(csv.reader([first], delimiter=separator(first)), [])]
    except (OSError, UnicodeDecodeError, csv.Error):
        return []


#: The separators a header may use, and their names in messages.
SEPARATORS = {",": "comma", ";": "semicolon", "\t": "tab"}


def separator(line: str) -> str:
    """The separator a header line uses: the one of ``SEPARATORS`` it holds most of
    outside double quotes; a comma on a tie or when it holds none."""
    counts = dict.fromkeys(SEPARATORS, 0)
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif char in counts and not quoted:
            counts[char] += 1
    return max(SEPARATORS, key=lambda sep: (counts[sep], sep == ","))


def iter_csv(path: Path, problems: list[Problem]) -> Iterator[YMap]:
    """Rows of a CSV file as located records, one at a time (a table of a million
    rows is never all in memory as records); its problems go to ``problems``."""
    for item in _rows(path):
        if isinstance(item, Problem):
            problems.append(item)
        else:
            yield item


def _rows(path: Path) -> Iterator[YMap | Problem]:
    name = str(path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        yield Problem(
            Location(name, 1, 1),
            f"file is {size:,} bytes, over the limit of {MAX_FILE_BYTES:,} for a CSV table",
            "split the table into several files",
        )
        return
    text, problem = decode_utf8(path.read_bytes(), name)
    if problem is not None:
        yield problem
        return
    lines = text.splitlines(keepends=True)
    sep = separator(lines[0] if lines else "")
    reader = csv.reader(io.StringIO(text), strict=True, delimiter=sep)
    try:
        names = next(reader, None)
    except csv.Error as exc:
        yield Problem(Location(name, 1, 1), f"not a valid CSV header: {exc}")
        return
    if not names or not any(h.strip() for h in names):
        yield Problem(
            Location(name, 1, 1),
            "a CSV table needs a header row naming its columns",
            "start with e.g. 'id,source,subject,metric,period,value,quote'",
        )
        return
    columns = [h.strip() for h in names]
    offsets = _cell_offsets(lines[0] if lines else "", sep)
    first_seen: dict[str, int] = {}
    for index, column in enumerate(columns):
        if not column:
            continue
        if column in first_seen:
            col = offsets[index] if index < len(offsets) else 1
            yield Problem(
                Location(name, 1, col),
                f"column '{column}' is named twice in the header "
                f"(columns {first_seen[column] + 1} and {index + 1})",
                "rename or remove one of them: a row cannot hold two values of one field",
            )
            return
        first_seen[column] = index
    first_line = reader.line_num + 1
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            yield Problem(Location(name, reader.line_num, 1), f"not valid CSV: {exc}")
            break
        line = first_line
        first_line = reader.line_num + 1
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > len(columns):
            yield Problem(
                Location(name, line, 1),
                f"row has {len(cells)} cells but the header names {len(columns)} columns",
                f"put a cell holding a {SEPARATORS[sep]} in double quotes",
            )
            continue
        offsets = _cell_offsets(lines[line - 1] if line - 1 < len(lines) else "", sep)
        row = YMap()
        row.path, row.line, row.col = name, line, 1
        for index, (column, cell) in enumerate(zip(columns, cells, strict=False)):
            value = cell.strip()
            if not column or not value:
                continue
            row[column] = value
            col = offsets[index] if index < len(offsets) else 1
            row.positions[column] = (line, col)
        yield row


def _cell_offsets(line: str, sep: str) -> list[int]:
    """1-based column where each cell of a (single-line) CSV row starts."""
    offsets = [1]
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == sep and not quoted:
            offsets.append(index + 2)
    return offsets
