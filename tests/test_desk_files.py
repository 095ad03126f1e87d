"""Nothing lost silently: every file of a desk is read, or the reason it cannot be
is a problem with its path (docs/limits.md). Tests run as root in CI, where
permissions do not stop a read, so unreadable places are simulated."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from factcheck import DeskError, load
from factcheck.desk import loader

from .conftest import MakeDesk

CLAIM = """\
claims:
  - {id: a, source: wire, subject: acme, metric: units, period: 2021,
     value: 5 GPU, quote: "5 GPU"}
"""


def problems(claims: Path) -> list[str]:
    with pytest.raises(DeskError) as info:
        load(claims)
    root = str(claims.parent) + "/"
    return [str(p).replace(root, "") for p in info.value.problems]


def refuse(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Make ``os.scandir`` fail on ``folder`` as it does on a folder without permission."""
    real = os.scandir

    def scandir(path: os.PathLike[str] | str) -> object:
        if Path(path) == folder:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(loader.os, "scandir", scandir)


def test_an_unreadable_folder_is_a_problem_not_an_empty_one(
    make_desk: MakeDesk, monkeypatch: pytest.MonkeyPatch
) -> None:
    claims = make_desk({"a.yaml": CLAIM, "claims/2022/b.yaml": CLAIM.replace("id: a", "id: b")})
    refuse(monkeypatch, claims / "2022")
    assert problems(claims) == ["claims/2022: cannot read this folder: Permission denied"]


def test_an_unreadable_sources_folder_is_one_problem(
    make_desk: MakeDesk, monkeypatch: pytest.MonkeyPatch
) -> None:
    claims = make_desk({"a.yaml": CLAIM})
    refuse(monkeypatch, claims.parent / "sources")
    assert problems(claims) == ["sources: cannot read this folder: Permission denied"]


def test_an_unreadable_file_is_a_problem_with_its_path(
    make_desk: MakeDesk, monkeypatch: pytest.MonkeyPatch
) -> None:
    claims = make_desk({"a.yaml": CLAIM, "b.yaml": CLAIM.replace("id: a", "id: b")})
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.name == "b.yaml":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    assert problems(claims) == ["claims/b.yaml: cannot read this file: Permission denied"]


def test_a_dangling_link_is_a_problem(make_desk: MakeDesk) -> None:
    claims = make_desk({"a.yaml": CLAIM})
    (claims / "b.yaml").symlink_to(claims / "gone.yaml")
    assert problems(claims) == ["claims/b.yaml: a link to 'claims/gone.yaml', which does not exist"]


def test_a_named_pipe_among_the_claims_is_refused_without_blocking(make_desk: MakeDesk) -> None:
    claims = make_desk({"a.yaml": CLAIM})
    os.mkfifo(claims / "b.yaml")
    assert problems(claims) == ["claims/b.yaml: a named pipe, not a regular file; refused"]


def test_a_claim_file_linked_from_outside_the_desk_is_refused(
    make_desk: MakeDesk, tmp_path_factory: pytest.TempPathFactory
) -> None:
    outside = tmp_path_factory.mktemp("elsewhere") / "b.yaml"
    outside.write_text(CLAIM.replace("id: a", "id: b"), encoding="utf-8")
    claims = make_desk({"a.yaml": CLAIM})
    (claims / "b.yaml").symlink_to(outside)
    assert problems(claims) == [
        f"claims/b.yaml: a link to '{outside}', outside the desk; refused; "
        "copy the file into the desk"
    ]


def test_links_inside_the_desk_are_followed_once(make_desk: MakeDesk) -> None:
    claims = make_desk({"claims/2021/a.yaml": CLAIM})
    (claims / "latest").symlink_to(claims / "2021")  # a folder link, inside the desk
    (claims / "loop").symlink_to(claims)  # and one back to the top
    desk = load(claims)
    assert [c.id for c in desk.claims] == ["a"]


def test_a_duplicated_csv_column_is_a_problem(make_desk: MakeDesk) -> None:
    claims = make_desk(
        {
            "t.csv": "id,source,subject,metric,period,value,quote,value\n"
            "a,wire,acme,units,2021,5 GPU,5 GPU,50 GPU\n"
        }
    )
    assert problems(claims) == [
        "claims/t.csv:1:45: column 'value' is named twice in the header (columns 6 and 8); "
        "rename or remove one of them: a row cannot hold two values of one field"
    ]
