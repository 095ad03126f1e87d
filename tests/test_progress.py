"""The progress line: on a terminal's stderr for long runs only, never in pipes or JSON."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

from .conftest import SEED_CLAIMS


def _run(args: list[str], tty: bool, after: str = "0") -> tuple[int, str, str]:
    """The CLI in a fresh process, its stderr a terminal (a pseudo-terminal) or a pipe."""
    env = {**os.environ, "FACTCHECK_PROGRESS_AFTER": after}
    command = [sys.executable, "-c", "from factcheck.cli import main; main()", *args]
    if not tty:
        done = subprocess.run(command, capture_output=True, text=True, env=env)
        return done.returncode, done.stdout, done.stderr
    leader, follower = pty.openpty()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=follower, env=env)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed its end
            break
        if not chunk:
            break
        chunks.append(chunk)
    assert process.stdout is not None
    with process.stdout:
        out = process.stdout.read().decode()
    process.wait()
    os.close(leader)
    return process.returncode, out, b"".join(chunks).decode()


def test_a_terminal_sees_each_stage_then_a_clean_line() -> None:
    code, out, err = _run(["reconcile", str(SEED_CLAIMS)], tty=True)
    assert code == 1 and out.startswith("23 claims")
    assert "reading files 0/2" in err and "checking claims against each other" in err
    assert err.endswith("\r\x1b[2K")  # wiped before the report


def test_a_pipe_json_or_a_short_run_sees_none(tmp_path: Path) -> None:
    assert "\x1b" not in _run(["reconcile", str(SEED_CLAIMS)], tty=False)[2]
    assert _run(["reconcile", str(SEED_CLAIMS), "--format", "json"], tty=True)[2] == ""
    assert _run(["reconcile", str(SEED_CLAIMS)], tty=True, after="2")[2] == ""  # under 2 s
    code, _, err = _run(["validate", str(SEED_CLAIMS)], tty=True)
    assert code == 0 and "reading files" in err
