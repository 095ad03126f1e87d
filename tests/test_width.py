"""The terminal report fits the terminal: no line longer than its width."""

from __future__ import annotations

import textwrap

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from factcheck import load, reconcile, render
from factcheck.cli import main
from factcheck.render.registry import render_lines
from factcheck.render.text import _wrap

from .conftest import SEED_CLAIMS

SEED = reconcile(load(SEED_CLAIMS))


@pytest.mark.parametrize("width", [100, 80, 60, 40])
def test_no_line_is_longer_than_the_width(width: int) -> None:
    text = "".join(render_lines(SEED, "text", width=width, limit=None))
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= width
    words = " ".join(text.split())  # every word is still there, only the lines moved
    for needle in ("ft-deliveries-2022", "jiwei-china-market-2022", "would restore consistency"):
        assert needle in words


def test_columns_and_width_choose_the_width() -> None:
    narrow = CliRunner().invoke(main, ["reconcile", str(SEED_CLAIMS)], env={"COLUMNS": "60"})
    assert max(len(line) for line in narrow.stdout.splitlines()) <= 60
    assert "- claim: ft-deliveries-2022" in narrow.stdout  # a table as blocks
    forced = CliRunner().invoke(
        main, ["reconcile", str(SEED_CLAIMS), "--width", "80"], env={"COLUMNS": "60"}
    )
    lines = forced.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80 and max(len(line) for line in lines) > 60


def test_the_default_report_is_the_one_of_100_columns() -> None:
    assert render(SEED, "text") == "".join(render_lines(SEED, "text", width=100))


def test_the_headline_says_one_claim_not_one_claims(make_desk) -> None:  # type: ignore[no-untyped-def]
    claims = make_desk(
        {
            "a.yaml": """
article: {id: a, outlet: daily, published: 2023-05, language: en}
claims:
  - id: c
    source: wire
    subject: acme
    metric: spend
    period: 2023
    value: 1 billion USD
    quote: "Acme spent 1 billion dollars"
"""
        }
    )
    assert render(reconcile(load(claims)), "text").startswith("1 claim, 1 origin: 0 conflicts")


@given(
    st.lists(st.text(alphabet="abcé-,’“≤\u00a0\u202f", min_size=1, max_size=30), min_size=1,
             max_size=40),
    st.sampled_from([40, 60, 80, 100]),
    st.sampled_from([("", "    "), ("   - ", "     ")]),
)  # fmt: skip
def test_the_fast_wrap_is_textwraps(words: list[str], width: int, indents: tuple[str, str]) -> None:
    text = " ".join(words).strip(" ")
    first, rest = indents
    expected = textwrap.wrap(text, width, initial_indent=first, subsequent_indent=rest,
                             break_on_hyphens=False, break_long_words=True)  # fmt: skip
    assert _wrap(text, first, rest, width) == expected
