"""A batch pauses the collector, and what was built is not scanned after; library
calls leave the collector alone."""

from __future__ import annotations

import gc

from factcheck import load, reconcile
from factcheck.batch import batch

from .conftest import SEED_CLAIMS


def test_what_is_built_inside_is_not_scanned_on_leaving() -> None:
    scans: list[dict[str, int]] = []

    def record(phase: str, info: dict[str, int]) -> None:
        scans.append(info)

    gc.collect()
    gc.callbacks.append(record)
    try:
        with batch():
            assert not gc.isenabled()
            built = [[i] for i in range(5_000)]
        after = [[i] for i in range(100)]  # would start a scan of `built` at once
    finally:
        gc.callbacks.remove(record)
    assert gc.isenabled() and scans == []
    assert all(gc.is_tracked(b) for b in [*built, *after])  # still collectable


def test_objects_the_application_froze_stay_frozen() -> None:
    kept = [["an object of the application"]]
    gc.freeze()
    try:
        with batch():
            reconcile(load(SEED_CLAIMS))
        assert not any(o is kept for generation in range(3) for o in gc.get_objects(generation))
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_a_collector_switched_off_stays_off() -> None:
    gc.disable()
    try:
        with batch():
            load(SEED_CLAIMS)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_library_calls_leave_the_collector_alone() -> None:
    paused: list[bool] = []
    gc.callbacks.append(lambda phase, info: None)
    try:
        desk = load(SEED_CLAIMS)
        paused.append(not gc.isenabled())
        reconcile(desk)
        paused.append(not gc.isenabled())
    finally:
        gc.callbacks.pop()
    assert paused == [False, False] and gc.get_freeze_count() == 0
