"""Reading the fields of one record (a YAML mapping or a CSV row), collecting problems.

A ``FieldReader`` never raises for bad input: it records a ``Problem`` with
the field's place and returns a neutral value, so the loader can go on and
report every problem in the desk in one pass.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..errors import Location, Problem, Problems
from ..suggest import did_you_mean
from ..values.languages import language_problem
from .yamlfile import YMap

#: Characters that no report or export can show: XML 1.0 cannot hold them at all
#: (C0 controls but tab and line breaks, lone surrogates, U+FFFE and U+FFFF).
UNSHOWABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


class FieldReader:
    """Typed access to the fields of located records; problems pile up in ``problems``."""

    def __init__(self) -> None:
        self.problems: list[Problem] = Problems()

    def report(self, where: Location, message: str, hint: str = "") -> None:
        self.problems.append(Problem(where, message, hint))

    def check(
        self, rec: YMap, what: str, allowed: Iterable[str], required: Iterable[str] = ()
    ) -> bool:
        """Report unknown fields (with the nearest known one) and missing required ones.

        Returns False when a required field is missing.
        """
        allowed = tuple(allowed)
        unknown = rec.keys() - set(allowed)
        for key in sorted(unknown):
            hint = did_you_mean(key, allowed, f"known fields: {', '.join(allowed)}", limit=1)
            if key[:1].isdigit():  # "value: 120,000 bikes" inside { }: the comma split it
                hint = (
                    "a comma inside { } starts a new field: put the value in quotes "
                    '(value: "120,000 bikes")'
                )
            self.report(rec.where_key(key), f"unknown field '{key}' in {what}", hint)
        complete = True
        for key in required:
            if rec.get(key) in (None, ""):
                complete = False
                self.report(rec.where(), f"{what} has no '{key}'", f"add '{key}:'")
        return complete

    def text(self, rec: YMap, key: str, what: str, prose: bool = False) -> str:
        """A scalar field as text ('' when absent or not text).

        ``prose``: free text that reaches reports as it is (a quote, a name, a
        url), checked for characters no output can show; ids, names to
        resolve, values and periods are refused by their own grammars."""
        value = rec.get(key)
        if value is None:
            return ""
        if isinstance(value, str):
            text = value.strip()
            if prose and not text.isprintable():
                self._showable(text, rec, key, what)
            return text
        self.report(
            rec.where(key),
            f"'{key}' of {what} must be a single value, not a {_shape(value)}",
            "write it on one line after the colon",
        )
        return ""

    def words(self, rec: YMap, key: str, what: str) -> tuple[str, ...]:
        """A field that is one word or a list of them (``;``-separated in CSV)."""
        value = rec.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            parts = value.split(";") if rec.path.endswith((".csv", ".parquet")) else [value]
            if not value.isprintable():
                self._showable(value, rec, key, what)
            return tuple(p.strip() for p in parts if p.strip())
        if isinstance(value, list):
            items = []
            for index, item in enumerate(value):
                if isinstance(item, str) and item.strip():
                    if not item.isprintable():
                        self._showable(item, rec, key, what)
                    items.append(item.strip())
                else:
                    where = value.where(index) if hasattr(value, "where") else rec.where(key)
                    self.report(where, f"each entry of '{key}' in {what} must be a name")
            return tuple(items)
        self.report(rec.where(key), f"'{key}' of {what} must be a name or a list of names")
        return ()

    def _showable(self, text: str, rec: YMap, key: str, what: str) -> None:
        """Report a character no report or export can show (tests ``isprintable`` first)."""
        bad = UNSHOWABLE.search(text)
        if bad is not None:
            self.report(
                rec.where(key),
                f"'{key}' of {what} holds the control character "
                f"U+{ord(bad.group()):04X}, which no report or export can show",
                "delete it: most editors do not show it",
            )

    def choice(self, rec: YMap, key: str, what: str, choices: tuple[str, ...], default: str) -> str:
        """A word from a fixed list; an unknown one is reported and None returned."""
        value = self.text(rec, key, what) or default
        if value in choices:
            return value
        hint = did_you_mean(value, choices, f"write one of {', '.join(choices)}", limit=1)
        self.report(rec.where(key), f"{what}: unknown {key} '{value}'", hint)
        return ""

    def left_to_fill(self, rec: YMap, what: str, hint: str) -> bool:
        """Report each field a draft of ``factcheck new`` left to fill ("TODO: ...");
        True when there is one."""
        left = [key for key, value in rec.items() if isinstance(value, str) and is_todo(value)]
        for key in left:
            self.report(
                rec.where(key), f"{what}: '{key}' is still to fill in ({rec[key].strip()})", hint
            )
        return bool(left)

    def language(self, rec: YMap, key: str, what: str) -> str:
        """A language tag (ISO 639-1, with optional subtags: 'fr', 'de-CH'); a wrong
        one is reported with the code it most likely means, and '' returned."""
        tag = self.text(rec, key, what)
        found = language_problem(tag) if tag else None
        if found is None:
            return tag
        self.report(rec.where(key), f"{what}: {found[0]}", found[1])
        return ""

    def flag(self, rec: YMap, key: str, what: str) -> bool:
        value = self.text(rec, key, what).lower()
        if value in ("", "false", "no", "off"):
            return False
        if value in ("true", "yes", "on"):
            return True
        self.report(rec.where(key), f"'{key}' of {what} must be true or false, not '{value}'")
        return False

    def mapping(self, value: Any, where: Location, what: str) -> YMap | None:
        """The value as a located mapping, or None (with a problem) when it is not one."""
        if isinstance(value, YMap):
            return value
        if value is None:
            empty = YMap()
            empty.path, empty.line, empty.col = where.path, where.line, where.col
            return empty
        self.report(where, f"{what} must be a mapping of fields, not a {_shape(value)}")
        return None


#: How a draft marks what is left to fill (``factcheck new``): "TODO: the unit of 5".
TODO_MARK = "TODO"


def is_todo(text: str) -> bool:
    return text.lstrip().startswith(TODO_MARK + ":") or text.strip() == TODO_MARK


def _shape(value: Any) -> str:
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "mapping"
    return "single value"
