"""What changed between two reports: ``factcheck diff`` and ``reconcile --since``."""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import load, reconcile, render
from factcheck.cli import main
from factcheck.errors import UsageError
from factcheck.publish.changes import compare, read_report, render_changes

from .conftest import SEED_CLAIMS

#: An article the seed desk does not have: the WSJ puts the whole Chinese market's
#: 2022 orders at five times Jiwei's figure.
WSJ_ARTICLE = """
article:
  outlet: wsj
  published: 2023-09
  language: en
claims:
  - id: wsj-china-market-2022
    subject: china-market
    metric: gpu_spend
    period: 2022
    value: about 5 billion USD
    quote: "Chinese companies ordered about $5 billion of Nvidia chips in 2022"
"""


def _seed_copy(tmp_path: Path) -> Path:
    """A copy of the seed desk (claims and sources), its claims folder returned."""
    root = tmp_path / "desk"
    shutil.copytree(SEED_CLAIMS, root / "claims")
    shutil.copytree(SEED_CLAIMS.parent / "sources", root / "sources")
    return root / "claims"


def _report(claims: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(render(reconcile(load(claims)), "json"))
    return data


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    return _report(SEED_CLAIMS)


def test_one_added_article_shows_exactly_what_it_added(
    seed: dict[str, Any], tmp_path: Path
) -> None:
    claims = _seed_copy(tmp_path)
    (claims / "2023-09-wsj.yaml").write_text(WSJ_ARTICLE, encoding="utf-8")
    changes = compare(seed, _report(claims))
    assert [c["id"] for c in changes.claims_added] == ["wsj-china-market-2022"]
    assert changes.claims_removed == () and changes.claims_changed == ()
    assert changes.resolved_conflicts == () and changes.findings_changed == ()
    assert [f["id"] for f in changes.new_conflicts] == [
        "same-scope:jiwei-china-market-2022+wsj-china-market-2022"
    ]
    assert changes.exit_code == 1


def test_the_same_report_reordered_has_no_change(seed: dict[str, Any]) -> None:
    shuffled = json.loads(json.dumps(seed))
    random.Random(4).shuffle(shuffled["findings"])
    random.Random(5).shuffle(shuffled["claims"])
    changes = compare(seed, shuffled)
    assert changes.nothing and changes.exit_code == 0
    assert "Nothing changed." in "".join(render_changes(changes))


def test_an_older_report_without_finding_ids_still_matches(seed: dict[str, Any]) -> None:
    older = json.loads(json.dumps(seed))
    for finding in older["findings"]:
        del finding["id"]
    assert compare(older, seed).nothing


def test_a_changed_value_names_the_claim_its_fields_and_its_findings(
    seed: dict[str, Any], tmp_path: Path
) -> None:
    claims = _seed_copy(tmp_path)
    path = next(claims.glob("2023-08-tomshw-bytedance.yaml"))
    text = path.read_text(encoding="utf-8")
    assert "value: about 100000 GPU" in text
    path.write_text(text.replace("value: about 100000 GPU", "value: about 90000 GPU"), "utf-8")
    changes = compare(seed, _report(claims))
    (change,) = changes.claims_changed
    assert change.claim == "jiwei-bytedance-units-2023"
    assert change.fields == ("value", "interval")
    assert [c["id"] for c in changes.claims_added + changes.claims_removed] == []
    touched = {f["id"]: hit for f, hit in changes.findings_changed}
    assert all(hit == ("jiwei-bytedance-units-2023",) for hit in touched.values())
    assert any(key.startswith("relation:") for key in touched)
    said = "".join(render_changes(changes, width=200))
    assert "value: 'about 100000 GPU' → 'about 90000 GPU'" in said


def test_moving_a_claim_in_its_file_is_not_a_change(seed: dict[str, Any]) -> None:
    moved = json.loads(json.dumps(seed))
    for claim in moved["claims"]:
        claim["line"] += 3
        claim["interval"] = claim["interval"] and {**claim["interval"], "text": "in words"}
    assert compare(seed, moved).nothing


def test_removing_a_claim_resolves_its_conflict(seed: dict[str, Any], tmp_path: Path) -> None:
    newer = json.loads(json.dumps(seed))
    newer["claims"] = [c for c in newer["claims"] if c["id"] != "ft-deliveries-2022"]
    newer["findings"] = [f for f in newer["findings"] if "ft-deliveries-2022" not in f["claims"]]
    changes = compare(seed, newer)
    assert [c["id"] for c in changes.claims_removed] == ["ft-deliveries-2022"]
    assert [f["kind"] for f in changes.resolved_conflicts] == ["conflict"]
    assert changes.exit_code == 0  # nothing new to worry about


def test_diff_and_since_on_the_command_line(seed: dict[str, Any], tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    old.write_text(json.dumps(seed), encoding="utf-8")
    claims = _seed_copy(tmp_path)
    (claims / "2023-09-wsj.yaml").write_text(WSJ_ARTICLE, encoding="utf-8")
    new = tmp_path / "new.json"
    new.write_text(json.dumps(_report(claims)), encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["diff", str(old), str(new), "--format", "json"])
    assert result.exit_code == 1  # a conflict appeared
    data = json.loads(result.stdout)
    assert data["claims_added"] == ["wsj-china-market-2022"] and data["claims_removed"] == []
    since = runner.invoke(main, ["reconcile", str(claims), "--since", str(old), "--format", "json"])
    assert since.exit_code == 1 and json.loads(since.stdout) == data
    text = runner.invoke(main, ["diff", str(old), str(new)], env={"COLUMNS": "60"})
    assert "New conflicts (1)" in text.stdout and "Claims added (1)" in text.stdout
    assert max(len(line) for line in text.stdout.splitlines()) <= 60
    markdown = runner.invoke(main, ["diff", str(old), str(new), "--format", "markdown"])
    assert (
        "## New conflicts (1)" in markdown.stdout and "`wsj-china-market-2022`" in markdown.stdout
    )
    same = runner.invoke(main, ["diff", str(old), str(old)])
    assert same.exit_code == 0 and "Nothing changed." in same.stdout


def test_what_is_not_a_report_is_refused_with_its_name(tmp_path: Path) -> None:
    for name, content in (
        ("broken.json", '{"format": '),
        ("other.json", json.dumps({"format": "something-else"})),
        ("list.json", "[1, 2]"),
        ("hollow.json", json.dumps({"format": "factcheck-report"})),
    ):
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        result = CliRunner().invoke(main, ["diff", str(path), str(path)])
        assert result.exit_code == 2, name
        assert name in result.output and "Traceback" not in result.output


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=10),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
#: Files that look like reports, with claims and findings of any shape.
_REPORTS = st.fixed_dictionaries(
    {
        "format": st.just("factcheck-report"),
        "claims": st.lists(
            _JSON | st.fixed_dictionaries({"id": st.text(max_size=5)}, optional={"value": _JSON}),
            max_size=4,
        ),
        "findings": st.lists(
            _JSON
            | st.fixed_dictionaries(
                {"claims": st.lists(st.text(max_size=5), max_size=3)},
                optional={
                    "id": _JSON,
                    "kind": st.just("conflict") | _JSON,
                    "rule": _JSON,
                    "message": _JSON,
                },
            ),
            max_size=4,
        ),
    }
)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300) | (_JSON | _REPORTS).map(lambda v: json.dumps(v).encode()))
def test_reading_any_file_gives_a_report_or_a_clear_error(
    tmp_path_factory: Any, content: bytes
) -> None:
    path = tmp_path_factory.mktemp("r") / "r.json"
    path.write_bytes(content)
    try:
        data = read_report(path)
    except UsageError as exc:
        assert str(path) in str(exc)
    else:
        assert data["format"] == "factcheck-report"
        for fmt in ("text", "markdown", "json"):  # whatever it holds compares and renders
            "".join(render_changes(compare(data, data), fmt))
            "".join(render_changes(compare({**data, "claims": [], "findings": []}, data), fmt))


def test_a_report_reformatted_by_hand_reads_the_same(seed: dict[str, Any], tmp_path: Path) -> None:
    as_written = tmp_path / "written.json"
    as_written.write_text(render(reconcile(load(SEED_CLAIMS)), "json"), encoding="utf-8")
    pretty = tmp_path / "pretty.json"
    pretty.write_text(json.dumps(seed, indent=2, ensure_ascii=False), encoding="utf-8")
    one_line = tmp_path / "one-line.json"
    one_line.write_text(json.dumps(seed), encoding="utf-8")
    read = [read_report(p) for p in (as_written, pretty, one_line)]
    assert read[0] == read[1] == read[2]
    assert (
        len(read[0]["claims"]) == len(seed["claims"]) and "arithmetic" not in read[0]["findings"][0]
    )
