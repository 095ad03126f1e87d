from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import DeskError, load, reconcile, render
from factcheck.cli import main

from .conftest import SEED_CLAIMS, MakeDesk

CONFLICT = """
claims:
  - {id: c1, source: wire, subject: acme, metric: spend, period: 2023, value: exactly 1 USD, quote: "a | b"}
  - {id: c2, source: daily, subject: acme, metric: spend, period: 2023, value: exactly 2 USD, quote: "<b>"}
"""


def test_json_report_holds_the_documented_fields() -> None:
    data = json.loads(render(reconcile(load(SEED_CLAIMS)), "json"))
    assert data["format"] == "factcheck-report" and data["version"] == 1
    assert data["summary"]["claims"] == len(data["claims"]) == 23
    claim = next(c for c in data["claims"] if c["id"] == "ft-a800-units-2023")
    assert claim["file"] == "claims/2023-08-fr-nvidia-chine.yaml"
    assert claim["line"] > 0 and claim["origin"] == ["financial-times"]
    assert claim["interval"]["lo"] == 100000 and claim["interval"]["hi"] is None
    assert claim["interval"]["hi_open"] is True and claim["unit"] == "GPU"
    assert claim["product"] == ["A800"] and claim["quote"].startswith("Nvidia devrait")
    finding = data["findings"][0]
    assert {"kind", "severity", "rule", "claims", "message", "arithmetic"} <= set(finding)
    assert finding["kind"] == "conflict" and finding["severity"] == "conflict"


def test_identical_input_gives_a_byte_identical_report() -> None:
    first = CliRunner().invoke(main, ["reconcile", str(SEED_CLAIMS), "--format", "json"])
    second = CliRunner().invoke(main, ["reconcile", str(SEED_CLAIMS), "--format", "json"])
    assert first.stdout == second.stdout
    assert json.loads(first.stdout) == json.loads(render(reconcile(load(SEED_CLAIMS)), "json"))


def test_exit_codes_and_fail_on(make_desk: MakeDesk) -> None:
    claims = str(make_desk({"c.yaml": CONFLICT}))
    runner = CliRunner()
    assert runner.invoke(main, ["reconcile", claims]).exit_code == 1
    assert runner.invoke(main, ["reconcile", claims, "--fail-on", "never"]).exit_code == 0
    clean = str(make_desk({"c.yaml": CONFLICT.replace("exactly 2", "exactly 1")}))
    assert runner.invoke(main, ["reconcile", clean]).exit_code == 0
    bad = str(make_desk({"c.yaml": "- x\n"}))
    result = runner.invoke(main, ["reconcile", bad])
    assert result.exit_code == 2 and "Traceback" not in result.stderr


def test_output_file_is_written_whole(make_desk: MakeDesk, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    out.write_text("old", encoding="utf-8")
    claims = str(make_desk({"c.yaml": CONFLICT}))
    result = CliRunner().invoke(main, ["reconcile", claims, "--format", "markdown", "-o", str(out)])
    assert result.exit_code == 1 and result.stdout == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# factcheck report") and "## Conflicts" in text
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".report")] == []


def test_markdown_escapes_what_the_desk_wrote(make_desk: MakeDesk) -> None:
    text = CONFLICT.replace("exactly 1 USD", "'< 1 USD'").replace("exactly 2 USD", "'> 2 USD'")
    report = reconcile(load(make_desk({"c.yaml": text})))
    assert "'< 1 USD'" in render(report, "text")
    markdown = render(report, "markdown")
    assert re.search(r"(?<!\\)[<>]", markdown.replace("`c1`", "")) is None  # all escaped
    assert "'\\< 1 USD'" in markdown


def test_ids_are_plain_words(make_desk: MakeDesk) -> None:
    with pytest.raises(DeskError) as info:
        load(make_desk({"c.yaml": CONFLICT.replace("id: c1", "id: 'x|<b>'")}))
    (problem,) = info.value.problems
    assert (
        problem.message == "claim id 'x|<b>' must be one word of letters, digits, '-', '_' or '.'"
    )


def test_terminal_report_fits_100_columns() -> None:
    text = render(reconcile(load(SEED_CLAIMS)), "text")
    assert max(len(line) for line in text.splitlines()) <= 100
    assert text.index("Conflicts") < text.index("single origin") < text.index("Corroborated")


def test_the_same_desk_gives_the_same_report_whatever_the_hash_seed(tmp_path: Path) -> None:
    """Two processes with different string hashing (the order of sets and dicts of
    strings) write the same JSON and text reports, byte for byte."""
    import os
    import subprocess
    import sys

    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed{seed}"
        out.mkdir()
        env = {**os.environ, "PYTHONHASHSEED": seed}
        for fmt in ("json", "text"):
            subprocess.run(
                [sys.executable, "-c", "from factcheck.cli import main; main()", "reconcile",
                 str(SEED_CLAIMS), "--format", fmt, "-o", str(out / f"report.{fmt}")],
                env=env, check=False, capture_output=True,
            )  # fmt: skip
        outputs.append([(out / f"report.{fmt}").read_bytes() for fmt in ("json", "text")])
    assert outputs[0] == outputs[1]
    assert outputs[0][0].startswith(b"{")  # a report was written
