"""`--format github`: problems and findings as GitHub Actions annotations on desk lines."""

from __future__ import annotations

import re

from click.testing import CliRunner

from factcheck.cli import main
from factcheck.errors import Location
from factcheck.render.github import command

from .conftest import SEED_CLAIMS, MakeDesk

ANNOTATION = re.compile(r"::(error|warning) file=([^,:]+),line=(\d+),col=(\d+),title=([^:]*)::(.*)")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_the_seed_conflict_is_an_error_on_each_of_its_claims() -> None:
    code, out, _ = run("reconcile", str(SEED_CLAIMS), "--format", "github")
    assert code == 1
    found = [ANNOTATION.fullmatch(line) for line in out.splitlines()]
    assert all(found) and len(found) == 2  # one conflict, two claims, no informational line
    places = [(m.group(1), m.group(2).rsplit("/", 1)[-1], m.group(3)) for m in found if m]
    assert places == [
        ("error", "2023-08-fr-nvidia-chine.yaml", "43"),  # ft-deliveries-2022
        ("error", "2023-08-tomshw-bytedance.yaml", "32"),  # jiwei-china-market-2022
    ]
    message = found[0].group(6)  # type: ignore[union-attr]
    assert message.startswith(
        "a part cannot exceed its whole (Alibaba, Tencent, ByteDance and Baidu is part of Chinese "
        "market)"
    )
    assert "%0Apart ≤ whole, but 3.8 to 4.2 billion USD > 800 million to 1.2 billion USD" in message
    assert found[0].group(5) == "factcheck%3A conflict (part-whole)"  # type: ignore[union-attr]


def test_validate_problems_are_error_annotations_and_exit_2(make_desk: MakeDesk) -> None:
    claims = make_desk({"a.yaml": "claims:\n  - id: c1\n    source: dialy\n"})
    code, out, err = run("validate", str(claims), "--format", "github")
    assert code == 2 and err == "5 problems found.\n"
    lines = out.splitlines()
    assert lines[0] == (
        f"::error file={claims}/a.yaml,line=2,col=5,title=factcheck%3A invalid desk::"
        "claim 'c1' has no 'metric'; add 'metric:'"
    )
    assert len(lines) == 5
    assert lines[4].endswith("::claim 'c1': unknown source 'dialy'; did you mean 'daily'?")


def test_reconcile_reports_a_broken_desk_as_annotations_too(make_desk: MakeDesk) -> None:
    claims = make_desk({"a.yaml": "claims:\n  - id: c1\n    value: [1\n"})
    code, out, _ = run("reconcile", str(claims), "--format", "github")
    assert code == 2 and out.startswith(f"::error file={claims}/a.yaml,line=3,col=12,")


def test_no_claim_text_can_end_an_annotation_or_start_another() -> None:
    line = command(
        "error", Location("claims/a,b:c.yaml", 3, 4), "50% said\n::error::forged\r", "t:1,2"
    )
    assert line == (
        "::error file=claims/a%2Cb%3Ac.yaml,line=3,col=4,title=t%3A1%2C2::"
        "50%25 said%0A::error::forged\\x0d\n"  # a control character is shown, never sent
    )
    assert line.count("\n") == 1


def test_a_place_without_line_leaves_line_and_column_out() -> None:
    assert command("error", Location("claims/x.yaml"), "m") == (
        "::error file=claims/x.yaml,title=factcheck::m\n"
    )
