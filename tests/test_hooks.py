"""The pre-commit hook, run by pre-commit itself in a desk's git repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import REPO, SEED_CLAIMS

PRE_COMMIT = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which(
    "pre-commit"
)
pytestmark = pytest.mark.skipif(PRE_COMMIT is None, reason="pre-commit is not installed")


def _git(folder: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=desk@example.org", "-c", "user.name=desk", *args],
        cwd=folder, check=True, capture_output=True,
    )  # fmt: skip


def _committed(folder: Path) -> Path:
    _git(folder, "init", "-q")
    _git(folder, "add", "-A")
    _git(folder, "commit", "-qm", "files")
    return folder


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This checkout's package and hook manifest, committed in a repository of their own
    (pre-commit installs a hook from a git commit)."""
    repo = tmp_path_factory.mktemp("hook")
    for name in ("setup.cfg", "pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy(REPO / name, repo / name)
    shutil.copytree(REPO / "factcheck", repo / "factcheck",
                    ignore=shutil.ignore_patterns("__pycache__"))  # fmt: skip
    return _committed(repo)


def _run_hook(hook_repo: Path, desk: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(hook_repo.parent / "pre-commit-home")}
    return subprocess.run(
        [str(PRE_COMMIT), "try-repo", str(hook_repo), "factcheck-validate", "--all-files"],
        cwd=desk, capture_output=True, text=True, env=env, timeout=600,
    )  # fmt: skip


def test_the_hook_passes_a_clean_desk_and_stops_a_broken_one(
    hook_repo: Path, tmp_path: Path
) -> None:
    desk = tmp_path / "desk"
    shutil.copytree(SEED_CLAIMS, desk / "claims")
    shutil.copytree(REPO / "sources", desk / "sources")
    _committed(desk)
    clean = _run_hook(hook_repo, desk)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "factcheck validate" in clean.stdout and "Passed" in clean.stdout

    (desk / "claims" / "new.yaml").write_text(
        "claims:\n  - id: n1\n    source: finacial-times\n", encoding="utf-8"
    )
    _git(desk, "add", "-A")
    broken = _run_hook(hook_repo, desk)
    assert broken.returncode == 1 and "Failed" in broken.stdout
    assert (
        "claims/new.yaml:3:13: claim 'n1': unknown source 'finacial-times'; "
        "did you mean 'financial-times'?"
    ) in broken.stdout
