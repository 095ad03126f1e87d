"""The shape of the package: layers, findings as data, words only where they are rendered."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest

import factcheck
from factcheck import Finding, load, reconcile, render
from factcheck.engine import findings as finding_data

from .conftest import MakeDesk

PACKAGE = Path(factcheck.__file__).parent
#: Calls that take a text apart: a renderer that makes them parses what it was given.
PARSING = {"split", "rsplit", "partition", "rpartition", "splitlines", "findall", "finditer"}


def _modules(folder: str) -> list[Path]:
    return sorted((PACKAGE / folder).rglob("*.py"))


def _imports(path: Path) -> list[str]:
    """Every module ``path`` imports, made absolute."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(("factcheck", *path.relative_to(PACKAGE).parent.parts))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            parts = package.split(".")
            base = parts[: len(parts) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            found += [module, *(f"{module}.{alias.name}" for alias in node.names)]
    return found


def test_the_folders_are_the_layers() -> None:
    listed = {p.name for p in PACKAGE.iterdir() if not p.name.startswith("__")}
    assert {"values", "desk", "engine", "render", "cli.py"} <= listed
    for layer in ("values", "desk", "engine", "render"):
        assert (PACKAGE / layer / "__init__.py").read_text(encoding="utf-8").startswith('"""')


@pytest.mark.parametrize("path", _modules("engine") + _modules("desk") + _modules("values"))
def test_no_rule_or_reader_imports_the_renderers(path: Path) -> None:
    rendering = [m for m in _imports(path) if m.startswith(("factcheck.render", "factcheck.cli"))]
    assert rendering == [], f"{path.relative_to(PACKAGE)} imports {rendering}"


@pytest.mark.parametrize("path", _modules("render"))
def test_no_renderer_takes_a_text_apart(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = [
        f"line {node.lineno}: .{node.func.attr}()"
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in PARSING
    ]
    assert calls == [], f"{path.relative_to(PACKAGE)} parses text: {calls}"


def test_a_finding_holds_no_sentence() -> None:
    """Findings carry ids, codes and numbers; every sentence is made by a template."""
    names = {f.name for f in dataclasses.fields(Finding)}
    assert not names & {"message", "arithmetic", "label", "text"}
    details = [
        obj
        for obj in vars(finding_data).values()
        if isinstance(obj, type)
        and dataclasses.is_dataclass(obj)
        and obj.__module__ == finding_data.__name__
    ]
    assert len(details) > 15
    for detail in details:
        assert not {f.name for f in dataclasses.fields(detail)} & {"message", "arithmetic"}


def test_every_kind_of_detail_has_a_template() -> None:
    from factcheck.render.messages import TEMPLATES

    details = set(finding_data.Detail.__args__)  # type: ignore[attr-defined]
    assert details == set(TEMPLATES)


WIDGET = """
units:
  widget: {{kind: {kind}}}
metrics:
  output: {{name: Output, unit: {unit}}}
entities:
  acme: {{name: Acme}}
sources:
  wire: {{name: The Wire}}
claims:
  - {{id: a, source: wire, subject: acme, metric: output, period: 2023, value: '{value}', quote: q}}
  - {{id: b, source: wire, subject: acme, metric: output, period: 2023, value: '{other}', quote: q}}
"""


def test_two_desks_with_conflicting_units_in_one_process(tmp_path: Path) -> None:
    """One desk's `widget` is a count, the other's a currency: each loads as if alone."""
    counts, money = tmp_path / "counts", tmp_path / "money"
    for folder, kind, unit, value, other in (
        (counts, "count", "widget", "5 widget", "50 widget"),
        (money, "currency", "currency", "5 widget", "5.1 widget"),
    ):
        (folder / "claims").mkdir(parents=True)
        text = WIDGET.format(kind=kind, unit=unit, value=value, other=other)
        (folder / "claims" / "desk.yaml").write_text(text, encoding="utf-8")
    rules = ["same-scope"]
    first = reconcile(load(counts), rules=rules)
    second = reconcile(load(money), rules=rules)
    assert first.flatten() == [("conflict", "same-scope", ("a", "b"))]  # 5 and 50 widgets
    assert second.flatten() == [("repetition", "same-scope", ("a", "b"))]  # 5 and 5.1 widget
    assert second.desk.by_id["a"].value.currency == "widget"  # type: ignore[union-attr]
    assert first.desk.by_id["a"].value.currency == ""  # type: ignore[union-attr]
    assert reconcile(load(counts), rules=rules).flatten() == first.flatten()  # and back again


def test_the_public_api(make_desk: MakeDesk) -> None:
    desk_path = make_desk({"bad.yaml": "claims:\n  - {id: x, subject: nobody}\n"})
    problems = factcheck.validate(desk_path)
    assert problems and all(isinstance(p, factcheck.Problem) for p in problems)
    (desk_path / "bad.yaml").unlink()
    assert factcheck.validate(desk_path) == []
    make_desk({"c.yaml": CONFLICT})
    desk = load(desk_path)
    assert desk.claim("acme-2").id == "acme-2"
    with pytest.raises(factcheck.UnknownClaimError, match="did you mean 'acme-1' or 'acme-2'"):
        desk.claim("acme-3")
    only = reconcile(desk, rules=["same-scope"])
    assert {f.rule for f in only.findings} == {"same-scope"}
    # independence needs the agreement rules: they run, but only its findings are reported
    assert {f.rule for f in reconcile(desk, rules=["independence"]).findings} == {"independence"}
    with pytest.raises(factcheck.UsageError, match="did you mean 'same-scope'"):
        reconcile(desk, rules=["same_scope"])
    assert render(only, "json").startswith("{")
    with pytest.raises(factcheck.UsageError, match="unknown format 'jsn'; did you mean 'json'"):
        render(only, "jsn")
    assert set(factcheck.__all__) <= set(dir(factcheck))


CONFLICT = """
claims:
  - {id: acme-1, source: wire, subject: acme, metric: spend, period: 2023, value: exactly 1 USD, quote: q}
  - {id: acme-2, source: daily, subject: acme, metric: spend, period: 2023, value: exactly 2 USD, quote: q}
"""
