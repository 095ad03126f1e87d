"""No conflict comes from binary rounding: desks whose decimals add up or multiply
exactly hold exactly, at the edges of their tolerances too, and a real gap is
still found."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from factcheck import load, reconcile

WORLD = """
metrics:
  share: {{name: Share, unit: "%", additive: [subject]}}
  spend: {{name: Spend, unit: currency}}
  units: {{name: Units, unit: item}}
  price: {{name: Price, unit: currency/item}}
relations:
  - spend = units * price
entities:
  whole: {{name: Whole, members: [{members}]}}
{entities}
sources:
  wire: {{name: The Wire}}
  daily: {{name: The Daily}}
claims:
{claims}
"""

#: Decimals as a desk writes them: up to four significant digits, 0.001 to 9,999.
decimals = st.builds(
    lambda digits, exponent: Decimal(digits).scaleb(exponent),
    st.integers(1, 9999),
    st.integers(-6, 0),
)


RULES = ["same-scope", "relation", "part-whole", "parts-sum", "cover"]


def _text(x: Decimal) -> str:
    return format(x.normalize(), "f")


def _reconcile(claims: list[str], parts: int = 0) -> list[tuple[str, str, tuple[str, ...]]]:
    members = ", ".join(f"m{i}" for i in range(parts)) or "m0"
    entities = "\n".join(f"  m{i}: {{name: M{i}}}" for i in range(max(parts, 1)))
    text = WORLD.format(members=members, entities=entities, claims="\n".join(claims))
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "claims").mkdir()
        (Path(folder) / "claims" / "desk.yaml").write_text(text, encoding="utf-8")
        report = reconcile(load(Path(folder)), rules=RULES)
    return [(f.kind, f.rule, f.claims) for f in report.findings if f.kind == "conflict"]


def _claim(ident: str, subject: str, metric: str, value: str, source: str = "wire") -> str:
    return (
        f"  - {{id: {ident}, source: {source}, subject: {subject}, metric: {metric}, "
        f"period: 2023, value: '{value}', quote: q}}"
    )


@given(st.lists(decimals, min_size=2, max_size=8))
def test_parts_that_add_up_exactly_hold(parts: list[Decimal]) -> None:
    total = sum(parts, Decimal(0))
    claims = [
        _claim(f"p{i}", f"m{i}", "share", f"exactly {_text(x)} %") for i, x in enumerate(parts)
    ]
    claims.append(_claim("w", "whole", "share", f"exactly {_text(total)} %"))
    assert _reconcile(claims, len(parts)) == []


@given(st.lists(decimals, min_size=2, max_size=8))
def test_parts_at_the_edge_of_their_tolerance_hold_and_a_gap_does_not(
    parts: list[Decimal],
) -> None:
    """'about x' reads as 0.8x to 1.2x: parts whose lowest readings add up to the
    whole's ceiling touch it (no conflict); a whole a thousandth lower is exceeded."""
    edge = sum(parts, Decimal(0)) * Decimal("0.8")
    claims = [_claim(f"p{i}", f"m{i}", "share", f"about {_text(x)} %") for i, x in enumerate(parts)]
    held = [*claims, _claim("w", "whole", "share", f"at most {_text(edge)} %")]
    assert _reconcile(held, len(parts)) == []
    lower = edge * Decimal("0.999")
    exceeded = [*claims, _claim("w", "whole", "share", f"at most {_text(lower)} %")]
    found = _reconcile(exceeded, len(parts))
    # the parts exceed the whole together, or the largest alone (then part-whole says so)
    assert len(found) >= 1 and all(rule in ("parts-sum", "part-whole") for _, rule, _ in found)
    assert all("w" in claims for _, _, claims in found)


@given(decimals, decimals)
def test_a_product_that_is_exact_holds_and_one_a_thousandth_off_does_not(
    units: Decimal, price: Decimal
) -> None:
    spend = units * price
    claims = [
        _claim("u", "m0", "units", f"exactly {_text(units)} item"),
        _claim("p", "m0", "price", f"exactly {_text(price)} USD/item", "daily"),
    ]
    assert _reconcile([*claims, _claim("s", "m0", "spend", f"exactly {_text(spend)} USD")]) == []
    # at the edge of 'about': 0.8 × units × price is the lowest spend 'about' allows
    edge = [
        _claim("u", "m0", "units", f"about {_text(units)} item"),
        _claim("p", "m0", "price", f"exactly {_text(price)} USD/item", "daily"),
        _claim("s", "m0", "spend", f"exactly {_text(spend * Decimal('0.8'))} USD"),
    ]
    assert _reconcile(edge) == []
    off = _claim("s", "m0", "spend", f"exactly {_text(spend * Decimal('0.999'))} USD")
    assert _reconcile([*claims, off]) == [("conflict", "relation", ("p", "s", "u"))]
