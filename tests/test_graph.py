"""The provenance graph, its exports read back by real readers, and explain."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner
from prov.model import ProvDocument

from factcheck import Report, load, reconcile, render
from factcheck.cli import main
from factcheck.render.graph import build_graph
from factcheck.render.registry import choices

from .conftest import SEED_CLAIMS, MakeDesk, said


@pytest.fixture(scope="module")
def seed_report() -> Report:
    return reconcile(load(SEED_CLAIMS))


@pytest.fixture(scope="module")
def seed_graph(seed_report: Report):  # type: ignore[no-untyped-def]
    return build_graph(seed_report)


def edges(graph) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return {(a, b, d["relation"]) for a, b, d in graph.edges(data=True)}


def test_the_graph_holds_who_said_what(seed_graph) -> None:  # type: ignore[no-untyped-def]
    found = edges(seed_graph)
    assert ("claim:jiwei-bytedance-spend-2023", "source:jiwei", "attributed-to") in found
    assert (
        "claim:jiwei-bytedance-spend-2023",
        "article:tomshw-fr-2023-bytedance",
        "quoted-from",
    ) in found
    assert ("article:tomshw-fr-2023-bytedance", "source:tomshardware-fr", "published-by") in found
    assert ("article:fr-2023-08-nvidia-chine", "source:financial-times", "cites") in found
    assert ("claim:tomshw-asp-2023", "claim:jiwei-bytedance-units-2023", "derived-from") in found
    conflicts = [(a, b) for a, b, r in found if r == "conflicts-with"]
    assert sorted(a for a, _ in conflicts) == [
        "claim:ft-deliveries-2022", "claim:jiwei-china-market-2022",
    ]  # fmt: skip
    derived = [n for n, d in seed_graph.nodes(data=True) if d["kind"] == "derived"]
    assert len(derived) == 2  # the price implied by units and spend, FT's and Jiwei's
    assert all(v is not None for _, d in seed_graph.nodes(data=True) for v in d.values())


def _write(report: Report, fmt: str, tmp_path: Path) -> Path:
    path = tmp_path / f"graph.{fmt}"
    path.write_text(render(report, "node-link" if fmt == "json" else fmt), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "json"])
def test_networkx_reads_back_the_same_graph(
    seed_report, seed_graph, fmt: str, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = _write(seed_report, fmt, tmp_path)
    if fmt == "graphml":
        back = nx.read_graphml(path)
    elif fmt == "gexf":
        back = nx.read_gexf(path)
    else:
        back = nx.node_link_graph(json.loads(path.read_text(encoding="utf-8")), edges="links")
    assert set(back.nodes) == set(seed_graph.nodes)
    assert back.number_of_edges() == seed_graph.number_of_edges()
    assert back.nodes["claim:ft-a800-units-2023"]["value"] == "at least 100000 GPU"


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz not installed")
def test_graphviz_reads_back_the_dot_export(seed_report, seed_graph, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _write(seed_report, "dot", tmp_path)
    rendered = json.loads(
        subprocess.run(
            ["dot", "-Tjson", str(path)], capture_output=True, text=True, check=True
        ).stdout
    )
    assert {o["name"] for o in rendered["objects"]} == set(seed_graph.nodes)
    assert len(rendered["edges"]) == seed_graph.number_of_edges()


def test_prov_reads_back_the_prov_json_export(seed_report: Report, tmp_path: Path) -> None:
    path = _write(seed_report, "prov-json", tmp_path)
    document = ProvDocument.deserialize(source=str(path), format="json")
    agents = {
        str(r.identifier) for r in document.get_records() if r.get_type().localpart == "Agent"
    }
    assert "fc:source-jiwei" in agents
    relations = {r.get_type().localpart for r in document.get_records()}
    assert {"Attribution", "Derivation", "Usage"} <= relations
    subtypes = {t.localpart for r in document.get_records() for t in r.get_asserted_types()}
    assert {"Quotation", "PrimarySource"} <= subtypes  # wasQuotedFrom, hadPrimarySource


def test_every_format_is_offered_and_written_atomically(tmp_path: Path) -> None:
    out = tmp_path / "g.graphml"
    for fmt in choices("graph"):
        result = CliRunner().invoke(
            main, ["graph", str(SEED_CLAIMS), "--format", fmt, "-o", str(out)]
        )
        assert result.exit_code == 0, result.stderr
        assert out.stat().st_size > 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["g.graphml"]


def test_explain_follows_the_chain_of_custody() -> None:
    result = CliRunner().invoke(main, ["explain", "jiwei-bytedance-spend-2023", str(SEED_CLAIMS)])
    assert result.exit_code == 0
    text = result.stdout
    assert (
        "← quoted in article tomshw-fr-2023-bytedance (published by Tom's Hardware (French edition)"
        in text
    )
    assert "← attributed to source jiwei (Jiwei (JW Insights), trade-press)" in text
    assert "Origin: 1 independent origin (Jiwei (JW Insights))" in text
    assert "read as 800 million to 1.2 billion USD" in text
    assert max(len(line) for line in text.splitlines()) <= 100


def test_explain_an_unknown_claim_suggests() -> None:
    result = CliRunner().invoke(main, ["explain", "jiwei-bytedanse", str(SEED_CLAIMS)])
    assert result.exit_code == 2
    assert "did you mean 'jiwei-bytedance-spend-2023'" in result.stderr


CHAIN = """
article:
  id: {id}
  outlet: {outlet}
  cites: [{cites}]
claims:
  - {{id: {claim}, source: {id}, subject: acme, metric: spend, period: 2023,
      value: about 1 billion USD, quote: q}}
"""


def test_a_three_outlet_relay_chain_is_one_origin(make_desk: MakeDesk) -> None:
    files = {
        "a1.yaml": CHAIN.format(id="a1", outlet="daily", cites="wire", claim="c1"),
        "a2.yaml": CHAIN.format(id="a2", outlet="daily", cites="a1", claim="c2"),
        "a3.yaml": CHAIN.format(id="a3", outlet="daily", cites="a2", claim="c3"),
    }
    report = reconcile(load(make_desk(files)))
    assert {report.origins[c] for c in ("c1", "c2", "c3")} == {("wire",)}
    (repetition,) = report.of_kind("repetition")
    assert repetition.claims == ("c1", "c2", "c3")
    (circular,) = report.of_kind("circular-reporting")
    assert (
        "come from 3 speakers (a1, a2, a3) but all relay The Wire" in said(report, circular).message
    )
    assert report.of_kind("agreement") == []


def test_articles_citing_each_other_in_a_circle(make_desk: MakeDesk) -> None:
    files = {
        "a1.yaml": CHAIN.format(id="a1", outlet="daily", cites="a2", claim="c1"),
        "a2.yaml": CHAIN.format(id="a2", outlet="daily", cites="a1", claim="c2"),
    }
    report = reconcile(load(make_desk(files)))
    (loop,) = report.of_kind("relay-loop")
    assert said(report, loop).message == (
        "articles relay each other in a circle (a1 → a2 → a1): the origin of 2 claims "
        "cannot be traced"
    )
