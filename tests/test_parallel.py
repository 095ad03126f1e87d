from __future__ import annotations

import pytest

from factcheck import load, parallel, reconcile

from .conftest import SEED_CLAIMS


def test_two_cores_give_the_same_report(monkeypatch: pytest.MonkeyPatch) -> None:
    desk = load(SEED_CLAIMS)
    alone = reconcile(desk, workers=1)
    monkeypatch.setattr(parallel, "MIN_CLAIMS", 0)  # fork even for the small seed desk
    forked = reconcile(desk, workers=2)
    assert forked.to_json() == alone.to_json()
    assert forked.flatten() == alone.flatten() and forked.conflicts


def test_a_child_that_dies_is_replaced_by_the_parent(monkeypatch: pytest.MonkeyPatch) -> None:
    desk = load(SEED_CLAIMS)
    monkeypatch.setattr(parallel, "MIN_CLAIMS", 0)
    monkeypatch.setattr(parallel, "_child", lambda index, rules, writer: parallel.os._exit(1))
    assert reconcile(desk, workers=2).to_json() == reconcile(desk).to_json()
