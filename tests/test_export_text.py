"""Any text a desk accepts comes back unchanged from every export of the graph."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck import DeskError, load, reconcile, render
from factcheck.desk.fields import UNSHOWABLE
from factcheck.render import exports
from factcheck.render.graph import build_graph

#: Free-text fields of a desk that reach the graph, as (node, attribute).
FIELDS = {
    "name": ("source:wire", "label"),
    "alias": ("source:wire", "aliases"),
    "country": ("source:wire", "country"),
    "url": ("article:a", "url"),
    "quote": ("claim:c1", "quote"),
}
DESK = """
metrics:
  spend: {{name: Money spent, unit: currency}}
entities:
  acme: {{name: Acme}}
sources:
  wire: {{name: {name}, aliases: [{alias}], country: {country}}}
article:
  id: a
  outlet: wire
  url: {url}
claims:
  - {{id: c1, subject: acme, metric: spend, period: 2023, value: 1 billion USD, quote: {quote}}}
  - {{id: c2, subject: acme, metric: spend, period: 2023, value: 3 billion USD, quote: '3'}}
"""


def yaml_string(text: str) -> str:
    """``text`` as a YAML double-quoted scalar, every unusual character escaped."""
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif code < 0x20 or 0x7F <= code <= 0xA0 or not char.isprintable():
            out.append(f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


#: Any text but what no export can hold (the desk refuses it, see below).
texts = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30).filter(
    lambda t: t.strip() != "" and UNSHOWABLE.search(t) is None
)


def _desk(tmp_path: Path, values: dict[str, str]) -> Path:
    folder = tmp_path / "claims"
    folder.mkdir(parents=True, exist_ok=True)
    text = DESK.format(**{key: yaml_string(value) for key, value in values.items()})
    (folder / "desk.yaml").write_text(text, encoding="utf-8")
    return folder


def _prov_value(value: Any) -> Any:
    return value["$"] if isinstance(value, dict) else value


def read_back(fmt: str, path: Path, node: str, attribute: str) -> Any:
    if fmt == "graphml":
        return nx.read_graphml(path).nodes[node][attribute]
    if fmt == "gexf":
        return nx.read_gexf(path).nodes[node][attribute]
    if fmt == "node-link":
        graph = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="links")
        return graph.nodes[node][attribute]
    if fmt == "prov-json":
        document = json.loads(path.read_text(encoding="utf-8"))
        ident = "fc:" + node.replace(":", "-", 1)
        records = document["agent"] if node.startswith("source:") else document["entity"]
        return _prov_value(records[ident][f"fc:{attribute}"])
    assert fmt == "dot"
    rendered = subprocess.run(["dot", "-Tjson", str(path)], capture_output=True, check=True)
    objects = json.loads(rendered.stdout.decode("utf-8"))["objects"]
    return next(o for o in objects if o["name"] == node)[attribute]


def dot_can_hold(text: str) -> bool:
    """DOT's one limit: a backslash before a double quote, a line break or the end,
    in a value whose angle brackets do not pair up (see docs/graph.md)."""
    if not re.search(r'\\(?:"|\n|$)', text):
        return True
    depth = 0
    for char in text:
        depth += (char == "<") - (char == ">")
        if depth < 0:
            return False
    return depth == 0


FORMATS = ["graphml", "gexf", "node-link", "prov-json"]
if shutil.which("dot"):
    FORMATS.append("dot")


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.fixed_dictionaries({key: texts for key in FIELDS}))
def test_any_text_comes_back_from_every_export(tmp_path: Path, values: dict[str, str]) -> None:
    report = reconcile(load(_desk(tmp_path, values)), workers=1)
    graph = build_graph(report)
    for fmt in FORMATS:
        path = tmp_path / f"graph.{fmt}"
        path.write_text(render(report, fmt), encoding="utf-8")
        for field, (node, attribute) in FIELDS.items():
            expected = graph.nodes[node][attribute]
            assert expected == values[field].strip()
            if fmt == "dot" and not dot_can_hold(expected):
                continue
            assert read_back(fmt, path, node, attribute) == expected, (fmt, field)


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz not installed")
def test_graphviz_reads_backslashes_and_quotes_as_written(tmp_path: Path) -> None:
    values = {
        "name": 'say "hi"\\',
        "alias": "a\\b",
        "country": "<b>\\",
        "url": 'x\\"y',
        "quote": "z",
    }
    report = reconcile(load(_desk(tmp_path, values)), workers=1)
    path = tmp_path / "graph.dot"
    path.write_text(render(report, "dot"), encoding="utf-8")
    for field, (node, attribute) in FIELDS.items():
        assert read_back("dot", path, node, attribute) == values[field], field


def test_the_record_separator_that_crashed_graphml(tmp_path: Path) -> None:
    """It used to join values with U+001E and split them again: one in a value made the
    export crash. The desk now refuses the character (below); a graph built by hand
    with it gets a well-formed file without it."""
    values = dict.fromkeys(FIELDS, "one two; three")
    report = reconcile(load(_desk(tmp_path, values)), workers=1)
    graph = build_graph(report)
    graph.nodes["claim:c1"]["quote"] = "one\x1etwo\x1ethree"
    path = tmp_path / "graph.graphml"
    path.write_text("".join(exports.graphml(report, graph)), encoding="utf-8")
    back = nx.read_graphml(path).nodes["claim:c1"]
    assert back["quote"] == "onetwothree" and back["value"] == "1 billion USD"


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\ufffe"])
def test_a_character_no_export_can_show_is_a_located_problem(tmp_path: Path, char: str) -> None:
    values = dict.fromkeys(FIELDS, "fine")
    values["quote"] = f"bad{char}quote"
    with pytest.raises(DeskError) as info:
        load(_desk(tmp_path, values))
    (problem,) = info.value.problems
    assert (problem.location.line, problem.location.col) == (13, 87)  # the quote
    assert problem.message == (
        f"'quote' of claim 'c1' holds the control character U+{ord(char):04X}, "
        "which no report or export can show"
    )
    assert problem.hint == "delete it: most editors do not show it"
