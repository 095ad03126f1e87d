"""Outputs that cannot hurt (docs/limits.md, "Outputs"): ``-o`` never writes inside
the desk being read, never over what is not a regular file, keeps symlinks,
asks for --force before replacing a read-only file, and leaves nothing behind
when the run is stopped. A closed pipe ends the run quietly."""

from __future__ import annotations

import hashlib
import os
import signal
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import ExportError
from factcheck.cli import main
from factcheck.render.atomic import target

from .conftest import MakeDesk

CLAIM = """\
claims:
  - {id: a, source: wire, subject: acme, metric: units, period: 2021,
     value: 5 GPU, quote: "5 GPU"}
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def fingerprint(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def desk(make_desk: MakeDesk) -> Path:
    return make_desk({"a.yaml": CLAIM}).parent


@pytest.mark.parametrize(
    ("command", "inside"),
    [
        ("reconcile", "claims/world.yaml"),  # an existing desk file
        ("graph", "sources/sources.yaml"),
        ("reconcile", "claims/report.yaml"),  # a new file the next run would read
        ("graph", "claims/sub/graph.graphml"),
    ],
)
def test_an_output_inside_the_desk_is_refused_and_the_desk_unchanged(
    desk: Path, command: str, inside: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(desk)
    (desk / "claims" / "sub").mkdir()
    before = fingerprint(desk)
    code, out, err = run(command, "claims", "-o", inside)
    assert code == 2 and out == ""
    assert err.startswith(f"error: refusing to write {inside}: it is inside the desk being read")
    assert fingerprint(desk) == before
    assert run("validate", "claims")[0] == 0


def test_an_output_through_a_symlink_into_the_desk_is_refused(desk: Path, tmp_path: Path) -> None:
    link = tmp_path / "innocent.txt"
    link.symlink_to(desk / "claims" / "world.yaml")
    before = fingerprint(desk)
    code, _, err = run("reconcile", str(desk / "claims"), "-o", str(link))
    assert code == 2 and "inside the desk being read" in err
    assert fingerprint(desk) == before and link.is_symlink()


def test_an_archived_text_is_never_overwritten(make_desk: MakeDesk) -> None:
    claims = make_desk(
        {
            "a.yaml": "article: {id: art, outlet: wire, text: ../texts/art.txt}\n" + CLAIM,
            "texts/art.txt": "Acme bought 5 GPU.\n",
        }
    )
    text = claims.parent / "texts" / "art.txt"
    code, _, err = run("reconcile", str(claims), "-o", str(text))
    assert code == 2 and "inside the desk being read" in err
    assert text.read_text(encoding="utf-8") == "Acme bought 5 GPU.\n"


def test_an_output_beside_the_desk_is_written(desk: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(desk)
    code, _, err = run("reconcile", "claims", "--format", "json", "-o", "report.json")
    assert code == 0, err
    assert err == "wrote report.json\n"
    assert (desk / "report.json").read_text(encoding="utf-8").startswith("{")


def test_a_named_pipe_is_refused_without_blocking(desk: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, _, err = run("reconcile", str(desk / "claims"), "-o", str(fifo))
    assert code == 2
    assert err == f"error: refusing to write {fifo}: it is a named pipe, not a regular file\n"
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_device_is_refused() -> None:
    # asked of ``target`` alone: a failing version of the command would replace the device
    with pytest.raises(ExportError) as caught:
        target(Path("/dev/null"))
    assert str(caught.value) == "refusing to write /dev/null: it is a device, not a regular file"


def test_a_folder_is_refused(desk: Path, tmp_path: Path) -> None:
    code, _, err = run("reconcile", str(desk / "claims"), "-o", str(tmp_path))
    assert code == 2 and "is a directory" in err  # click refuses it before the run
    with pytest.raises(ExportError, match="it is a folder, not a regular file"):
        target(tmp_path)


def test_a_read_only_output_needs_force(desk: Path, tmp_path: Path) -> None:
    out = tmp_path / "report.txt"
    out.write_text("last week's report\n", encoding="utf-8")
    out.chmod(0o444)
    code, _, err = run("reconcile", str(desk / "claims"), "-o", str(out))
    assert code == 2
    assert err == (
        f"error: refusing to write {out}: the file is read-only; give --force to replace it\n"
    )
    assert out.read_text(encoding="utf-8") == "last week's report\n"
    code, _, err = run("reconcile", str(desk / "claims"), "-o", str(out), "--force")
    assert code == 0, err
    assert "last week" not in out.read_text(encoding="utf-8")
    assert stat.S_IMODE(out.stat().st_mode) == 0o444  # its mode is kept


def test_a_symlink_is_kept_and_its_target_written(desk: Path, tmp_path: Path) -> None:
    real = tmp_path / "reports" / "latest.json"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.json"
    link.symlink_to(real)
    code, _, err = run("reconcile", str(desk / "claims"), "--format", "json", "-o", str(link))
    assert code == 0, err
    assert link.is_symlink() and link.resolve() == real
    assert real.read_text(encoding="utf-8").startswith("{")
    assert sorted(p.name for p in real.parent.iterdir()) == ["latest.json"]


def test_sigterm_during_a_write_leaves_no_temporary_file(tmp_path: Path) -> None:
    script = textwrap.dedent(
        f"""
        import os, signal
        from pathlib import Path
        from factcheck.cli import _terminated
        from factcheck.render.atomic import write_atomic

        def pieces():
            yield "first half\\n"
            os.kill(os.getpid(), signal.SIGTERM)
            yield "second half\\n"

        signal.signal(signal.SIGTERM, _terminated)
        write_atomic(Path({str(tmp_path / "out.txt")!r}), pieces())
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 128 + signal.SIGTERM, done.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_closed_pipe_ends_quietly(desk: Path) -> None:
    command = [sys.executable, "-c", "from factcheck.cli import main; main()"]
    proc = subprocess.Popen(
        [*command, "reconcile", str(desk / "claims"), "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.close()  # the reader goes away before a byte is read (| head -0)
    with proc.stderr:
        err = proc.stderr.read().decode()
    assert proc.wait() == 0
    assert err == ""


def test_the_cli_puts_back_the_callers_sigterm_handler(desk: Path) -> None:
    # a test runner or notebook that calls the CLI keeps its own way of being stopped
    before = signal.getsignal(signal.SIGTERM)
    run("reconcile", str(desk / "claims"))
    assert signal.getsignal(signal.SIGTERM) is before
