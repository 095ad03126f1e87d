"""Reading one YAML file safely, keeping the line and column of every value.

PyYAML's C parser (libyaml) is the fastest reader measured (see
docs/performance.md); its nodes carry marks, so positions are recorded while
mappings are built and no second, slower line-aware pass is needed.

Safety:
- only plain data (``CSafeLoader``): no Python objects;
- every scalar stays the text the journalist wrote (no YAML 1.1 guessing:
  ``NO`` stays Norway's code, ``2023-08-09`` stays a string, ``1e9`` is read
  by our own value grammar); only ``null``/``~``/empty become ``None``;
- files over ``MAX_FILE_BYTES`` are refused before parsing;
- aliases are followed without copying, and a file whose aliases expand to
  more than ``MAX_EXPANDED_NODES`` values (an "alias bomb") or refer to
  themselves is refused, in time linear in the file's size.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Location, Problem

MAX_FILE_BYTES = 10 * 1024 * 1024
MAX_EXPANDED_NODES = 1_000_000


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


@dataclass
class _Context:
    path: str
    problems: list[Problem] = field(default_factory=list)


class _Loader(yaml.CSafeLoader):
    """CSafeLoader that builds YMap/YList and keeps every scalar as text."""

    context: _Context

    def _mark(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def construct_ymap(self, node: yaml.MappingNode) -> Any:
        data = YMap()
        data.path = self.context.path
        data.line, data.col = self._mark(node)
        yield data
        self.flatten_mapping(node)
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=False)
            if not isinstance(key, str):
                self.context.problems.append(
                    Problem(
                        Location(data.path, *self._mark(key_node)),
                        "a key must be a word, not a list or a mapping",
                    )
                )
                continue
            if key in data:
                line, _ = data.positions[key]
                self.context.problems.append(
                    Problem(
                        Location(data.path, *self._mark(key_node)),
                        f"'{key}' is given twice in one mapping (first on line {line})",
                        "keep one of them",
                    )
                )
                continue
            data[key] = self.construct_object(value_node, deep=False)
            data.positions[key] = self._mark(value_node)
            data.key_positions[key] = self._mark(key_node)

    def construct_ylist(self, node: yaml.SequenceNode) -> Any:
        data = YList()
        data.path = self.context.path
        data.line, data.col = self._mark(node)
        yield data
        for child in node.value:
            data.append(self.construct_object(child, deep=False))
            data.positions.append(self._mark(child))

    def construct_text(self, node: yaml.ScalarNode) -> str:
        return str(self.construct_scalar(node))


for _tag in ("int", "float", "bool", "timestamp", "binary", "value"):
    _Loader.add_constructor(f"tag:yaml.org,2002:{_tag}", _Loader.construct_text)
_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_ymap)
_Loader.add_constructor("tag:yaml.org,2002:omap", _Loader.construct_ylist)
_Loader.add_constructor("tag:yaml.org,2002:seq", _Loader.construct_ylist)
_Loader.add_constructor("tag:yaml.org,2002:set", _Loader.construct_ymap)


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
    loader = _Loader(text)
    loader.context = _Context(name)
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(p for p in (exc.context, exc.problem) if p)
        return None, [
            Problem(Location(name, line, col), f"not valid YAML: {what}", _yaml_hint(what))
        ]
    except yaml.YAMLError as exc:
        return None, [Problem(Location(name, 1, 1), f"not valid YAML: {exc}")]
    finally:
        loader.dispose()
    problems = loader.context.problems
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


def _yaml_hint(what: str) -> str:
    if "mapping values are not allowed" in what:
        return "put text that holds ': ' in quotes"
    if "found character '\\t'" in what:
        return "indent with spaces, not tabs"
    if "could not find expected ':'" in what:
        return "check the indentation of this line and the one before"
    return ""


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
