"""What the coverage-guided fuzzer feeds: the value grammar and the YAML reader.

Each target takes raw bytes and must end normally or with the package's own
``ValueSyntaxError``: anything else is a finding. ``tests/test_fuzz_corpus.py``
replays the kept corpus through them in every CI run; ``tests/fuzz/run.py``
runs atheris on them.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from factcheck.desk.yamlfile import read_yaml
from factcheck.errors import ValueSyntaxError
from factcheck.values.amounts import read_amount, read_date, to_amount
from factcheck.values.periods import parse_period
from factcheck.values.units import UnitBook

BOOK = UnitBook()
BOOK.add("GPU", "count", ("GPUs",))
METRIC_UNITS = [BOOK.parse(u) for u in ("currency", "GPU", "currency/GPU", "GWh", "degC", "")]


def values(data: bytes) -> None:
    """A value, a period, a date and a unit, read from the same text."""
    text = data.decode("utf-8", "replace")
    for read in (parse_period, read_date, BOOK.parse):
        with contextlib.suppress(ValueSyntaxError):
            read(text)
    try:
        reading = read_amount(text)
    except ValueSyntaxError:
        return
    assert reading.low <= reading.high or reading.qualifier != "range"
    for unit in METRIC_UNITS:
        for signed in (False, True):
            try:
                amount = to_amount(
                    reading, metric_unit=unit, book=BOOK, plain=0.05, approximate=0.2,
                    signed=signed,
                )  # fmt: skip
            except ValueSyntaxError:
                continue
            assert amount.interval.lo <= amount.interval.hi


def yaml_file(data: bytes) -> None:
    """A whole file through the YAML reader: data and problems, never an exception."""
    handle, name = tempfile.mkstemp(suffix=".yaml", dir=_scratch())
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        _parsed, problems = read_yaml(Path(name))
        # an empty file is no data and no problem; every problem is located in the file
        assert all(p.location.path == name and p.location.line >= 0 for p in problems)
    finally:
        os.unlink(name)


def _scratch() -> str:
    """A RAM-backed folder where there is one: a file per input."""
    return "/dev/shm" if os.path.isdir("/dev/shm") else tempfile.gettempdir()


TARGETS = {"values": values, "yaml": yaml_file}
