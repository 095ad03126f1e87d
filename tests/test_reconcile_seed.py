"""What the report must show on the real seed desk (issue: reconcile)."""

from __future__ import annotations

import pytest

from factcheck import Report, load, reconcile

from .conftest import SEED_CLAIMS, said


@pytest.fixture(scope="module")
def report() -> Report:
    return reconcile(load(SEED_CLAIMS))


def test_the_4_billion_of_last_year_cannot_be_reconciled_with_jiwei(report: Report) -> None:
    """FT (via the French article): ~4 bn USD in 2022 for the four; Jiwei: ByteDance's
    ~1 bn of 2023 already matches the whole Chinese market's 2022."""
    (conflict,) = report.conflicts
    assert conflict.rule == "part-whole"
    assert conflict.claims == ("ft-deliveries-2022", "jiwei-china-market-2022")
    assert (
        "Alibaba, Tencent, ByteDance and Baidu is part of Chinese market"
        in said(report, conflict).message
    )
    assert [(s.role, s.origins) for s in conflict.sides] == [
        ("part", ("financial-times",)),
        ("whole", ("jiwei",)),
    ]
    assert "3.8 to 4.2 billion USD" in said(report, conflict).message
    assert "800 million to 1.2 billion USD" in said(report, conflict).message


def test_units_and_amounts_imply_the_stated_price_from_two_origins(report: Report) -> None:
    relations = [f for f in report.findings if f.rule == "relation"]
    by_kind = {f.kind: f for f in relations}
    ft = by_kind["agreement"]
    assert set(ft.claims) == {"ft-a800-spend-2023", "ft-a800-units-2023", "tomshw-asp-2023"}
    assert "10,000 USD/GPU" in said(report, ft).arithmetic[0]
    assert sorted({o for s in ft.sides for o in s.origins}) == ["financial-times", "jiwei"]
    assert said(report, ft).assumptions  # the Chinese market's price applied to the four's A800
    jiwei = by_kind["repetition"]  # Jiwei's own figures and the price read from them
    assert set(jiwei.claims) == {
        "jiwei-bytedance-spend-2023", "jiwei-bytedance-units-2023", "tomshw-asp-2023",
    }  # fmt: skip
    assert "10,000 USD/GPU" in said(report, jiwei).arithmetic[0]


def test_the_ft_agreement_rests_on_the_stated_figures_not_the_hedges(report: Report) -> None:
    """The FT's 'more than 1 billion USD' for 'at least 100,000' A800 imply 10,000 USD/GPU
    as stated, Jiwei's price; their hedges leave the price anywhere above 0. Jiwei's
    own 'about' figures imply 6,667 to 15,000 USD/GPU, within the stated 8,000 to 12,000
    widened twice: that repetition rests on the hedges."""
    by_kind = {f.kind: f for f in report.findings if f.rule == "relation"}
    ft, jiwei = by_kind["agreement"], by_kind["repetition"]
    assert (ft.strength, jiwei.strength) == ("stated", "hedges")
    assert said(report, ft).message.endswith(
        "(2 independent origins); only the stated figures agree: their hedges "
        "(more than, at least) do not bound it"
    )
    assert said(report, jiwei).message.endswith("; the hedges alone imply it")


def test_single_origin_figures_are_named(report: Report) -> None:
    single = {f.claims[0] for f in report.of_kind("single-origin")}
    assert {"mckinsey-ai-value", "nvidia-export-loss", "ft-big-four-orders"} <= single
    assert "tomshw-asp-2023" not in single  # the FT's figures back it up
    assert "fr000-export-ban-start" not in single  # two outlets agree on 2022-09


def test_nothing_else_is_flagged(report: Report) -> None:
    assert report.exit_code("conflict") == 1
    assert report.of_kind("incomparable") == []
