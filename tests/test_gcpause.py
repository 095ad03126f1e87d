"""The collector is paused while a desk is built, and what was built is not scanned after."""

from __future__ import annotations

import gc

from factcheck import load, reconcile
from factcheck.gcpause import paused

from .conftest import SEED_CLAIMS


def test_what_is_built_inside_is_not_scanned_on_leaving() -> None:
    scans: list[dict[str, int]] = []

    def record(phase: str, info: dict[str, int]) -> None:
        scans.append(info)

    gc.collect()
    gc.callbacks.append(record)
    try:
        with paused():
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
        reconcile(load(SEED_CLAIMS))
        assert not any(o is kept for generation in range(3) for o in gc.get_objects(generation))
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_a_collector_switched_off_stays_off() -> None:
    gc.disable()
    try:
        load(SEED_CLAIMS)
        assert not gc.isenabled()
    finally:
        gc.enable()
