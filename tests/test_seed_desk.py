"""The seed desk in claims/ loads and says what the two articles say."""

from __future__ import annotations

import pytest

from factcheck import load
from factcheck.values.amounts import Amount

from .conftest import SEED_CLAIMS


@pytest.fixture(scope="module")
def desk():  # type: ignore[no-untyped-def]
    return load(SEED_CLAIMS)


def test_seed_desk_attributes_every_claim_to_its_origin(desk) -> None:  # type: ignore[no-untyped-def]
    by_source: dict[str, set[str]] = {}
    for claim in desk.claims:
        by_source.setdefault(claim.source, set()).add(claim.id)
    assert {"financial-times", "wsj", "jiwei", "nvidia", "mckinsey", "tomshardware-fr",
            "fr-outlet-000"} <= set(by_source)  # fmt: skip
    assert all(claim.quote and claim.quote_lang == "fr" for claim in desk.claims)


def test_last_year_is_the_year_before_publication(desk) -> None:  # type: ignore[no-untyped-def]
    claim = desk.claim("ft-deliveries-2022")
    assert claim.period.text == "2022"
    assert desk.articles[claim.article].published.text == "2023-08"


def test_key_figures_are_read_as_intervals(desk) -> None:  # type: ignore[no-untyped-def]
    units = desk.claim("ft-a800-units-2023").value
    assert isinstance(units, Amount) and units.interval.lo == 100_000 and units.interval.hi_open
    price = desk.claim("tomshw-asp-2023").value
    assert isinstance(price, Amount) and price.unit == "USD / GPU"
    assert (price.interval.lo, price.interval.hi) == pytest.approx((8000, 12000))
    mckinsey = desk.claim("mckinsey-ai-value").value
    assert isinstance(mckinsey, Amount) and mckinsey.nominal == pytest.approx(4.4e12)


def test_the_world_of_the_seed_desk(desk) -> None:  # type: ignore[no-untyped-def]
    assert desk.entities["big-four"].members == ("alibaba", "tencent", "bytedance", "baidu")
    assert desk.entities["big-four"].part_of == ("china-market",)
    assert desk.entities["H800"].derived_from == "H100"
    assert [r.text for r in desk.relations] == ["gpu_spend = gpu_units * gpu_asp"]
