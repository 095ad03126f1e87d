"""Loading and rules on two cores give the same desk and report as on one, and survive a
child that dies."""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path

import pytest

from factcheck import DeskError, UsageError, load, parallel, reconcile, render
from factcheck.desk import loader
from factcheck.engine import executor

from .conftest import SEED_CLAIMS, MakeDesk


def test_two_cores_give_the_same_report(monkeypatch: pytest.MonkeyPatch) -> None:
    desk = load(SEED_CLAIMS)
    alone = reconcile(desk, workers=1)
    monkeypatch.setattr(executor, "MIN_CLAIMS", 0)  # fork even for the small seed desk
    forked = reconcile(desk, workers=2)
    assert render(forked, "json") == render(alone, "json")
    assert forked.flatten() == alone.flatten() and forked.conflicts


def _misquoted(make_desk: MakeDesk, count: int) -> str:
    claims = "".join(
        f"""
          - id: c{i}
            source: wire
            subject: acme
            metric: spend
            period: {2000 + i}
            value: {i + 1} billion USD
            quote: "Acme a dépensé {i + 20} milliards de dollars"
        """
        for i in range(count)
    )
    return str(make_desk({"a.yaml": f"article:\n  language: fr\nclaims:{claims}"}))


def test_the_claim_rules_are_shared_slice_by_slice(
    make_desk: MakeDesk, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    desk = load(_misquoted(make_desk, 11))
    alone = reconcile(desk, workers=1)
    assert len(alone.of_kind("unsupported-quote")) == 11
    monkeypatch.setattr(executor, "MIN_CLAIMS", 0)
    monkeypatch.setattr(executor, "SLICE", 2)  # six slices: both processes take some
    log = tmp_path / "slices"
    sliced = executor._sliced

    def logged(index, rules, parts):  # type: ignore[no-untyped-def]
        def each():  # type: ignore[no-untyped-def]
            for part in parts:
                with log.open("a", encoding="utf-8") as out:  # the child writes here too
                    out.write(f"{os.getpid()} {part.start}\n")
                yield part
                time.sleep(0.15)  # slow slices: neither process can take them all

        return sliced(index, rules, each())

    monkeypatch.setattr(executor, "_sliced", logged)
    shared = reconcile(desk, workers=2)
    taken = [line.split() for line in log.read_text(encoding="utf-8").splitlines()]
    assert sorted(int(start) for _pid, start in taken) == [0, 2, 4, 6, 8, 10]  # each once
    assert len({pid for pid, _start in taken}) == 2  # the work was split between two
    assert render(shared, "json") == render(alone, "json")  # the child's findings arrived


def test_a_child_that_dies_is_replaced_by_the_parent(
    make_desk: MakeDesk, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = load(_misquoted(make_desk, 5))
    monkeypatch.setattr(executor, "MIN_CLAIMS", 0)
    monkeypatch.setattr(executor, "SLICE", 1)

    def take_then_die(work, writer):  # type: ignore[no-untyped-def]
        assert work()  # takes every slice, then is lost with its findings
        os._exit(1)

    monkeypatch.setattr(parallel, "_child", take_then_die)
    report = reconcile(desk, workers=2)
    assert len(report.of_kind("unsupported-quote")) == 5
    assert render(report, "json") == render(reconcile(desk, workers=1), "json")


# Loading: files parsed on a second core, a few ahead of the claims being built.


def _many_files(make_desk: MakeDesk, count: int, bad: dict[int, str] | None = None) -> Path:
    files = {
        f"a{i:03}.yaml": f"""
            article: {{outlet: wire, published: 2023-01-{1 + i % 28:02}, language: en}}
            claims:
              - id: c{i}
                source: wire
                subject: acme
                metric: spend
                period: {2000 + i}
                value: about {i + 1} billion USD
                quote: "Acme spent about {i + 1} billion dollars"
            """
        for i in range(count)
    }
    for i, text in (bad or {}).items():
        files[f"a{i:03}.yaml"] = text
    return make_desk(files)


def _pids_of_parsing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Record in a file the process that parses each file (the child writes there too)."""
    log = tmp_path / "pids"
    parse = loader._parse

    def logged(file: Path):  # type: ignore[no-untyped-def]
        with log.open("a", encoding="utf-8") as out:
            out.write(f"{os.getpid()}\n")
        return parse(file)

    monkeypatch.setattr(loader, "_parse", logged)
    monkeypatch.setattr(loader, "MIN_FILES_TO_FORK", 0)
    return log


def test_a_desk_of_many_files_is_parsed_on_a_second_core_into_the_same_desk(
    make_desk: MakeDesk, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    claims = _many_files(make_desk, 60)
    alone = load(claims, workers=1)
    log = _pids_of_parsing(monkeypatch, tmp_path)
    forked = load(claims, workers=2)
    pids = log.read_text().split()
    assert pids.count(str(os.getpid())) == 2  # the world and the sources, read first here
    assert len(pids) == 62 and len(set(pids)) == 2  # and every claim file by one child
    assert forked.claims == alone.claims and [c.id for c in forked.claims][:3] == [
        "c0", "c1", "c2",
    ]  # fmt: skip
    assert render(reconcile(forked), "json") == render(reconcile(alone), "json")
    assert not multiprocessing.active_children()


def test_problems_of_files_parsed_on_a_second_core_are_all_reported_in_order(
    make_desk: MakeDesk, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    bad = {
        7: "claims:\n  - id: broken\n    value: [1, 2\n",  # a YAML syntax error
        30: "claims:\n  - id: c30\n    source: finacial-times\n",  # an unknown source...
        44: "claims:\n  - id: c44\n    value: 12 parsecs\n",
    }
    claims = _many_files(make_desk, 50, bad)
    with pytest.raises(DeskError) as alone:
        load(claims, workers=1)
    _pids_of_parsing(monkeypatch, tmp_path)
    with pytest.raises(DeskError) as forked:
        load(claims, workers=2)
    assert forked.value.problems == alone.value.problems
    files = {Path(p.location.path).name for p in forked.value.problems}
    assert files == {"a007.yaml", "a030.yaml", "a044.yaml"}


def test_a_parsing_child_that_dies_is_replaced_by_the_parent(
    make_desk: MakeDesk, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    claims = _many_files(make_desk, 60)
    alone = load(claims, workers=1)
    log = _pids_of_parsing(monkeypatch, tmp_path)
    produce = parallel._produce

    def one_batch_then_die(work, items, batch, writer):  # type: ignore[no-untyped-def]
        produce(lambda item: work(item) if item in items[:batch] else os._exit(1),
                items, batch, writer)  # fmt: skip

    monkeypatch.setattr(parallel, "_produce", one_batch_then_die)
    forked = load(claims, workers=2)
    assert forked.claims == alone.claims
    pids = log.read_text().split()
    # the world, then every file but those of the child's one batch, redone here
    assert pids.count(str(os.getpid())) == 2 + 60 - 16
    assert not multiprocessing.active_children()


def test_a_world_section_late_in_a_forked_load_starts_again_and_ends_the_child(
    make_desk: MakeDesk, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    late = "{entities: {initech: {name: Initech}}, claims: []}"  # a flow mapping: found late
    claims = _many_files(make_desk, 60, {20: late})
    alone = load(claims, workers=1)
    log = _pids_of_parsing(monkeypatch, tmp_path)
    forked = load(claims, workers=2)
    assert forked.claims == alone.claims and len(forked.claims) == 59
    assert "initech" in forked.entities
    assert log.read_text().split().count(str(os.getpid())) == 2 + 62  # read again, all here
    assert not multiprocessing.active_children()


def test_ahead_keeps_order_and_raises_where_the_work_raises() -> None:
    def work(n: int) -> int:
        if n == 37:
            raise ZeroDivisionError(n)
        return n * n

    assert list(parallel.ahead(work, range(30), fork=True, batch=4)) == [n * n for n in range(30)]
    results = parallel.ahead(work, range(50), fork=True, batch=4)
    assert [next(results) for _ in range(37)] == [n * n for n in range(37)]
    with pytest.raises(ZeroDivisionError):
        next(results)  # the child stopped at 37; the parent met the same error there
    assert not multiprocessing.active_children()


def test_workers_below_one_are_refused(make_desk: MakeDesk) -> None:
    with pytest.raises(UsageError, match="workers must be 1 or more, not 0"):
        load(_many_files(make_desk, 1), workers=0)
