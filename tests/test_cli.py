from __future__ import annotations

from importlib import metadata
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli import main
from factcheck.engine import runner
from factcheck.render.registry import choices, table

from .conftest import SEED_CLAIMS, MakeDesk


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_validate_the_seed_desk_is_clean() -> None:
    code, out, err = run("validate", str(SEED_CLAIMS))
    assert code == 0, err
    assert "no problems" in out and err == ""


def test_validate_lists_every_problem_and_exits_2(make_desk: MakeDesk, tmp_path: Path) -> None:
    claims = make_desk({"a.yaml": "- x\n", "b.yaml": "claims: [\n"})
    code, out, err = run("validate", str(claims))
    assert code == 2
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 3 and lines[-1] == "2 problems found."
    assert "a.yaml:1:1: a desk file holds named sections, not a list" in lines[0]
    assert "b.yaml:" in lines[1] and "not valid YAML" in lines[1]
    assert "Traceback" not in err


def test_debug_shows_the_traceback(make_desk: MakeDesk) -> None:
    claims = make_desk({"a.yaml": "- x\n"})
    result = CliRunner().invoke(main, ["--debug", "validate", str(claims)])
    assert result.exit_code != 0 and result.exc_info is not None
    assert result.exc_info[0].__name__ == "DeskError"


def test_a_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = run("validate", str(tmp_path / "nowhere"))
    assert code == 2 and "no such file or folder" in err


def test_every_command_has_help_and_a_page_in_docs() -> None:
    docs = (SEED_CLAIMS.parent / "docs").glob("*.md")
    text = "\n".join(p.read_text(encoding="utf-8") for p in docs)
    for name, command in main.commands.items():
        assert command.help, name
        assert f"factcheck {name}" in text, f"docs/ never shows 'factcheck {name}'"


def test_an_internal_error_exits_3_and_says_where_to_report_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def broken(desk: object) -> None:
        raise RuntimeError("the index tripped over itself")

    monkeypatch.setattr(runner, "ScopeIndex", broken)
    code, out, err = run("reconcile", str(SEED_CLAIMS))
    assert code == 3 and out == ""
    assert "internal error: RuntimeError: the index tripped over itself" in err
    version = metadata.version("factcheck")
    assert err.splitlines()[1] == (
        f"sorry: this is a bug in factcheck {version}, not a problem in your desk; run the "
        "same command with --debug for the traceback and report it to the factcheck maintainers"
    )
    assert "Traceback" not in err
    result = CliRunner().invoke(main, ["--debug", "reconcile", str(SEED_CLAIMS)])
    assert isinstance(result.exception, RuntimeError)


def test_an_output_that_cannot_be_written_exits_2_naming_it(tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "folder" / "report.json"
    code, _, err = run("reconcile", str(SEED_CLAIMS), "--format", "json", "-o", str(target))
    assert code == 2
    assert err.startswith(f"error: cannot write {target}: No such file or directory")


def test_the_formats_table_in_the_docs_is_the_registry() -> None:
    docs = (SEED_CLAIMS.parent / "docs" / "commands.md").read_text(encoding="utf-8")
    assert table() in docs
    for name in ("reconcile", "graph"):
        option = next(p for p in main.commands[name].params if p.name == "fmt")
        assert tuple(option.type.choices) == choices("report" if name == "reconcile" else "graph")
