"""Rules on two cores give the same report as on one, and survive a child that dies."""

from __future__ import annotations

import os

import pytest

from factcheck import load, reconcile, render
from factcheck.engine import executor, parallel

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
    make_desk: MakeDesk, monkeypatch: pytest.MonkeyPatch
) -> None:
    desk = load(_misquoted(make_desk, 11))
    alone = reconcile(desk, workers=1)
    assert len(alone.of_kind("unsupported-quote")) == 11
    monkeypatch.setattr(executor, "MIN_CLAIMS", 0)
    monkeypatch.setattr(executor, "SLICE", 2)  # six slices: both processes take some
    assert render(reconcile(desk, workers=2), "json") == render(alone, "json")


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
