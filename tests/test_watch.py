"""`factcheck watch`: the report again after each save."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from .conftest import MakeDesk

CLAIM = """
article: {{id: {ident}, outlet: daily, published: 2023-05, language: en}}
claims:
  - id: {ident}-c
    source: {source}
    subject: acme
    metric: spend
    period: 2023
    value: {value}
    quote: "Acme spent {value}"
"""


def _watch(claims: Path, *options: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", "from factcheck.cli import main; main()", "watch", str(claims),
         "--max-runs", "2", *options],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def _until_watching(process: subprocess.Popen[str]) -> list[str]:
    lines = []
    deadline = time.monotonic() + 60
    assert process.stderr is not None
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        lines.append(line)
        if "watching for changes" in line:
            time.sleep(0.5)  # the watcher is set up just after the line
            return lines
    raise AssertionError("watch never started watching: " + "".join(lines))


def _after_a_save(claims: Path, name: str, text: str, *options: str) -> tuple[str, str, int]:
    """What ``watch`` prints over two runs: the first, then one after ``name`` is saved."""
    process = _watch(claims, *options)
    try:
        _until_watching(process)
        (claims / name).write_text(text, encoding="utf-8")
        out, err = process.communicate(timeout=60)
    finally:
        process.kill()
    return out, err, process.returncode


def test_a_save_reruns_the_report(make_desk: MakeDesk) -> None:
    claims = make_desk({"a.yaml": CLAIM.format(ident="a", source="wire", value="1 billion USD")})
    out, err, code = _after_a_save(
        claims, "b.yaml", CLAIM.format(ident="b", source="daily", value="5 billion USD")
    )
    assert out.startswith("1 claim, 1 origin: 0 conflicts")
    assert "2 claims, 2 origins: 1 conflict," in out
    assert code == 0 and err.count("reconcile") == 1  # the second run's header


def test_watching_with_validate_lists_the_new_problem(make_desk: MakeDesk) -> None:
    claims = make_desk({"a.yaml": CLAIM.format(ident="a", source="wire", value="1 billion USD")})
    out, err, _ = _after_a_save(
        claims, "a.yaml", CLAIM.format(ident="a", source="wrie", value="1 billion USD"),
        "--validate",
    )  # fmt: skip
    assert out.count("no problems") == 1
    assert "claim 'a-c': unknown source 'wrie'; did you mean 'wire'?" in err
