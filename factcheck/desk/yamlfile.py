"""Reading one YAML file safely, keeping the line and column of every value.

PyYAML's C parser (libyaml) is the fastest reader measured (see
docs/performance.md); its nodes carry marks, so positions are recorded while
mappings are built and no second, slower line-aware pass is needed.

Safety:
- only plain data (``CSafeLoader``): no Python objects;
- every scalar stays the text the journalist wrote (no YAML 1.1 guessing:
  ``NO`` stays Norway's code, ``2023-08-09`` stays a string, ``1e9`` is read
  by our own value grammar); only ``null``/``~``/empty become ``None``;
- files over ``MAX_FILE_BYTES`` are refused before parsing, and values nested
  deeper than ``MAX_DEPTH`` while parsing (before Python's stack runs out);
- aliases are followed without copying, and a file whose aliases expand to
  more than ``MAX_EXPANDED_NODES`` values (an "alias bomb") or refer to
  themselves is refused, in time linear in the file's size.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from yaml._yaml import CParser  # libyaml, the C parser PyYAML ships

from ..errors import Location, Problem

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_EXPANDED_NODES = 1_000_000
MAX_DEPTH = 64  # mappings and lists inside one another (a desk needs about five)
MAX_VALUES = 1_000_000  # values in one file, before aliases (10 MB of real claims: 600,000)


class _TooDeep(Exception):
    """Values nested deeper than ``MAX_DEPTH``, where the deepest one starts."""

    def __init__(self, mark: Any) -> None:
        super().__init__()
        self.mark = mark


class _TooMany(_TooDeep):
    """More than ``MAX_VALUES`` values in one file, where the first one over starts."""


class YMap(dict[str, Any]):
    """A mapping from a YAML file that knows where it and its values are."""

    __slots__ = ("col", "key_positions", "line", "path", "positions")

    def __init__(self) -> None:
        super().__init__()
        self.path = ""
        self.line = 0
        self.col = 0
        self.positions: dict[str, tuple[int, int]] = {}
        self.key_positions: dict[str, tuple[int, int]] = {}

    def where(self, key: str | None = None) -> Location:
        """Location of the value under ``key``, or of the mapping itself."""
        if key is not None and key in self.positions:
            line, col = self.positions[key]
            return Location(self.path, line, col)
        return Location(self.path, self.line, self.col)

    def where_key(self, key: str) -> Location:
        """Location of the key itself (where a misspelt field name is)."""
        if key in self.key_positions:
            return Location(self.path, *self.key_positions[key])
        return self.where(key)


class YList(list[Any]):
    """A sequence that knows where each of its items is."""

    __slots__ = ("col", "line", "path", "positions")

    def __init__(self) -> None:
        super().__init__()
        self.path = ""
        self.line = 0
        self.col = 0
        self.positions: list[tuple[int, int]] = []

    def where(self, index: int | None = None) -> Location:
        if index is not None and 0 <= index < len(self.positions):
            line, col = self.positions[index]
            return Location(self.path, line, col)
        return Location(self.path, self.line, self.col)


_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{t}"
    for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq", "value")
)


class _Builder:
    """Builds YMap/YList from libyaml's events, recording every mark.

    libyaml parses in C; building from its events directly is faster than
    PyYAML's generic constructor (see docs/performance.md) and keeps lines
    and columns without a second pass. Anchors are shared objects, as in
    PyYAML; ``<<`` merge keys are honoured; explicit tags other than the
    standard ones are refused (nothing but plain data is ever built).
    """

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self.anchors: dict[str, Any] = {}
        self.depth = 0  # containers open around the current event
        self.values = 0  # values built so far

    def _problem(self, mark: Any, message: str, hint: str = "") -> None:
        self.problems.append(
            Problem(Location(self.path, mark.line + 1, mark.column + 1), message, hint)
        )

    def build(self, parser: Any) -> Any:
        parser.get_event()  # stream start
        if parser.check_event(yaml.StreamEndEvent):
            return None
        parser.get_event()  # document start
        data = self._node(parser, parser.get_event())
        parser.get_event()  # document end
        if not parser.check_event(yaml.StreamEndEvent):
            event = parser.get_event()
            raise yaml.MarkedYAMLError(
                "expected a single document in the file", None,
                "but found another document", event.start_mark,
            )  # fmt: skip
        return data

    def _node(self, parser: Any, event: Any) -> Any:
        self.values += 1
        if self.values > MAX_VALUES:  # refused before the file's values fill the memory
            raise _TooMany(event.start_mark)
        kind = type(event)
        if kind is yaml.ScalarEvent:
            self._check_tag(event)
            value: Any = event.value
            if not event.style and value in _NULLS and event.tag is None:  # plain null
                value = None
        elif kind is yaml.AliasEvent:
            if event.anchor not in self.anchors:
                raise yaml.MarkedYAMLError(
                    None, None,
                    f"'*{event.anchor}' refers to an anchor '&{event.anchor}' the file does not "
                    "define (put the value in quotes if '*' is part of the text)",
                    event.start_mark,
                )  # fmt: skip
            return self.anchors[event.anchor]
        elif kind is yaml.SequenceStartEvent:
            value = self._container(YList(), event)
            while not parser.check_event(yaml.SequenceEndEvent):
                child = parser.get_event()
                value.positions.append((child.start_mark.line + 1, child.start_mark.column + 1))
                value.append(self._node(parser, child))
            parser.get_event()
            self.depth -= 1
            return value
        else:  # a mapping
            value = self._container(YMap(), event)
            self._fill(parser, value)
            self.depth -= 1
            return value
        if event.anchor is not None:
            self.anchors[event.anchor] = value
        return value

    def _container(self, value: Any, event: Any) -> Any:
        """A new mapping or sequence, placed where its event starts and anchored."""
        self.depth += 1
        if self.depth > MAX_DEPTH:  # refused before Python's own stack runs out
            raise _TooDeep(event.start_mark)
        self._check_tag(event)
        value.path, value.line, value.col = (
            self.path, event.start_mark.line + 1, event.start_mark.column + 1,
        )  # fmt: skip
        if event.anchor is not None:
            self.anchors[event.anchor] = value
        return value

    def _fill(self, parser: Any, data: YMap) -> None:
        merges: list[Any] = []
        while not parser.check_event(yaml.MappingEndEvent):
            key_event = parser.get_event()
            key = self._node(parser, key_event)
            value_event = parser.get_event()
            value = self._node(parser, value_event)
            if not isinstance(key, str):
                self._problem(key_event.start_mark, "a key must be a word, not a list or a mapping")
                continue
            if key == "<<" and type(key_event) is yaml.ScalarEvent and not key_event.style:
                merges.append((value, value_event.start_mark))
                continue
            if key in data:
                line = data.key_positions[key][0]
                self._problem(
                    key_event.start_mark,
                    f"'{key}' is given twice in one mapping (first on line {line})",
                    "keep one of them",
                )
                continue
            data[key] = value
            data.positions[key] = (
                value_event.start_mark.line + 1,
                value_event.start_mark.column + 1,
            )
            data.key_positions[key] = (
                key_event.start_mark.line + 1,
                key_event.start_mark.column + 1,
            )
        parser.get_event()
        for merged, mark in merges:
            for source in merged if isinstance(merged, list) else [merged]:
                if not isinstance(source, YMap):
                    self._problem(mark, "'<<' merges a mapping or a list of mappings only")
                    continue
                for key, item in source.items():
                    if key not in data:
                        data[key] = item
                        data.positions[key] = source.positions[key]
                        data.key_positions[key] = source.key_positions[key]

    def _check_tag(self, event: Any) -> None:
        tag = event.tag
        if tag is not None and tag != "!" and tag not in _PLAIN_TAGS:
            raise yaml.MarkedYAMLError(
                None, None, f"the tag {tag} is not plain data; factcheck reads plain data only",
                event.start_mark,
            )  # fmt: skip


def read_yaml(path: Path) -> tuple[Any, list[Problem]]:
    """Read one YAML file: its data (None when unreadable) and its problems."""
    name = str(path)
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        return None, [
            Problem(
                Location(name, 1, 1),
                f"file is {size:,} bytes, over the limit of {MAX_FILE_BYTES:,} for a YAML file",
                "split it into several files, or use a CSV table for bulk claims",
            )
        ]
    raw = path.read_bytes()
    text, problem = decode_utf8(raw, name)
    if problem is not None:
        return None, [problem]
    parser = CParser(text)
    builder = _Builder(name)
    try:
        data = builder.build(parser)
    except yaml.MarkedYAMLError as exc:
        line, col, what, hint = plain_syntax_error(exc, text)
        return None, [Problem(Location(name, line, col), f"not valid YAML: {what}", hint)]
    except yaml.reader.ReaderError as exc:  # a character YAML refuses: say where, in words
        before = text[: exc.position]
        line, col = before.count("\n") + 1, exc.position - (before.rfind("\n") + 1) + 1
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1])
        return None, [
            Problem(
                Location(name, line, col),
                f"not valid YAML: the control character U+{code:04X}, which YAML refuses",
                "delete it: most editors do not show it",
            )
        ]
    except yaml.YAMLError as exc:
        return None, [Problem(Location(name, 1, 1), f"not valid YAML: {exc}")]
    except _TooDeep as exc:
        where = Location(name, exc.mark.line + 1, exc.mark.column + 1)
        if isinstance(exc, _TooMany):
            message = f"the file holds more than {MAX_VALUES:,} values; refused"
            hint = "split it into several files, or use a CSV table for bulk claims"
        else:
            message = f"values nested more than {MAX_DEPTH} levels deep; refused"
            hint = "a desk file needs a few levels: sections, claims, their fields"
        return None, [Problem(where, message, hint)]
    finally:
        parser.dispose()
    problems = builder.problems
    if "&" not in text:  # no anchor, no alias: nothing can expand
        return data, problems
    expansion = _expanded_size(data)
    if expansion is None:
        return None, [*problems, Problem(Location(name, 1, 1), "an alias refers to itself")]
    if expansion > MAX_EXPANDED_NODES:
        return None, [
            *problems,
            Problem(
                Location(name, 1, 1),
                f"aliases expand this file to over {MAX_EXPANDED_NODES:,} values "
                "(an alias bomb?); refused",
                "write the values out, or use fewer nested aliases",
            ),
        ]
    return data, problems


def decode_utf8(raw: bytes, name: str) -> tuple[str, Problem | None]:
    """Decode UTF-8 (a BOM allowed), or say where the first bad byte is."""
    try:
        return raw.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace")) + 1
        return "", Problem(
            Location(name, line, col),
            f"not UTF-8 text (byte 0x{raw[exc.start]:02x})",
            "save the file as UTF-8 in your editor",
        )


_CLOSERS = {"[": "]", "{": "}"}


def plain_syntax_error(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, int, str, str]:
    """libyaml's complaint in a journalist's words: (line, col, what, the likely fix).

    The place is where the fix goes: the opening quote or bracket that is
    never closed, the line whose field has no ':', the character to quote.
    """
    problem, context = exc.problem or "", exc.context or ""
    mark = exc.problem_mark or exc.context_mark
    opened = exc.context_mark or mark
    at = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    start = (opened.line + 1, opened.column + 1) if opened else at
    lines = text.splitlines()
    row = lines[at[0] - 1] if 0 < at[0] <= len(lines) else ""
    char = row[at[1] - 1 : at[1]]
    rest = row[at[1] - 1 :].rstrip()
    if "cannot start any token" in problem:
        if char == "\t":
            return *at, "a tab in the indentation", "indent with spaces, not tabs"
        key = re.search(r"([^\s{},\[\]]+:)\s*$", row[: at[1] - 1])
        value = re.match(r"[^,}\]]*", rest).group().rstrip()  # type: ignore[union-attr]
        return (
            *at, f"'{char}' cannot start a value",
            f'put the value in quotes: {key.group(1)} "{value}"' if key
            else f'put the value in quotes: "{value}"',
        )  # fmt: skip
    if "quoted scalar" in context and "end of stream" in problem:
        quote = _char_at(lines, start)
        inside = "write it twice ('')" if quote == "'" else 'write it \\"'
        return (
            *start, f"the quote opened here (line {start[0]}) is never closed",
            f"end the text with {quote}; for a {quote} inside the text, {inside}",
        )  # fmt: skip
    if "unknown escape character" in problem:
        return (
            *at, "a backslash in double quotes starts an escape",
            "use single quotes around this text, or write each \\ twice",
        )  # fmt: skip
    if "mapping values are not allowed" in problem:
        return (
            *at, "a ': ' inside a value, where YAML expects one per line",
            "put the whole value in quotes (quote: \"Il a dit : oui\"), "
            "or check this line's indentation",
        )  # fmt: skip
    if "could not find expected ':'" in problem:
        return (
            *start, f"line {start[0]} has no ':' after its field name",
            "write 'field: value'; a value goes on to the next line only inside quotes",
        )  # fmt: skip
    if "flow sequence" in context or "flow mapping" in context:
        bracket = _char_at(lines, start)
        return (
            *start, f"the '{bracket}' opened here (line {start[0]}) is never closed",
            f"close it with '{_CLOSERS.get(bracket, ']')}' (and separate items with commas)",
        )  # fmt: skip
    if "alias" in context or "anchor" in context:
        return *start, f"'{_char_at(lines, start)}' cannot start a value", "put the value in quotes"
    if "expected '-' indicator" in problem or "did not find expected key" in problem:
        if row[: at[1] - 1].strip():  # something follows a value on its line
            return (
                *at, f"'{rest}' follows the end of a value",
                "put the whole value in quotes, or move this to a line of its own",
            )  # fmt: skip
        return (
            *at, "this line does not line up with the one before",
            "indent each field like the others of its claim or section",
        )  # fmt: skip
    what = " ".join(p for p in (context, problem) if p)
    return *at, what, ""


def _char_at(lines: list[str], place: tuple[int, int]) -> str:
    line, col = place
    return lines[line - 1][col - 1 : col] if 0 < line <= len(lines) else ""


def _expanded_size(data: Any) -> int | None:
    """How many values the data holds once aliases are expanded.

    Shared containers are counted once per reference without being copied
    (memoised by identity), so this runs in time linear in the file even when
    the expansion is astronomically large. None when a container contains
    itself.
    """
    sizes: dict[int, int] = {}
    active: set[int] = set()
    # iterative post-order walk, so deep nesting cannot exhaust the stack
    stack: list[tuple[Any, bool]] = [(data, False)]
    while stack:
        node, done = stack.pop()
        if not isinstance(node, dict | list):
            continue
        key = id(node)
        children = list(node.values()) if isinstance(node, dict) else list(node)
        if done:
            active.discard(key)
            total = 1
            for child in children:
                total += sizes.get(id(child), 1) if isinstance(child, dict | list) else 1
            sizes[key] = min(total, MAX_EXPANDED_NODES + 1)
            continue
        if key in sizes:
            continue
        if key in active:
            return None
        active.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in children)
    return sizes.get(id(data), 1)
