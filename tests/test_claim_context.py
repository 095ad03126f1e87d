"""What the judgement of the seed conflict rests on reaches every format: the article's
words, the forecast, the derivation and the desk's note."""

from __future__ import annotations

import html
import json

import pytest
from click.testing import CliRunner

from factcheck import load, reconcile, render
from factcheck.cli import main

from .conftest import SEED_CLAIMS

SEED = reconcile(load(SEED_CLAIMS))
#: FT's 2022 figure is a forecast whose "l'an passé" the desk doubts; Jiwei's market
#: figure is derived from its ByteDance figure.
NEEDED = (
    "ft-deliveries-2022 (Financial Times): “Les livraisons prévues l’an passé devraient se "
    "chiffrer à quatre milliards de dollars.” (fr) → 3.8 to 4.2 billion USD; a forecast; "
    'note: "L\'an passé" in an article of August 2023 is 2022.',
    "jiwei-china-market-2022 (Jiwei (JW Insights)): “a déjà rattrapé (en dollars purs) ce que "
    "l’ensemble du marché chinois a commandé à Nvidia en 2022” (fr) → 800 million to 1.2 "
    "billion USD; derived by Jiwei (JW Insights) from its figure for ByteDance "
    "(jiwei-bytedance-spend-2023)",
)
#: The same, piece by piece, as the HTML cards and ``explain`` lay them out.
PIECES = (
    "a forecast",
    "Les livraisons prévues l’an passé devraient se chiffrer à quatre milliards de dollars.",
    '"L\'an passé" in an article of August 2023 is 2022.',
    "derived by Jiwei (JW Insights) from its figure for ByteDance (jiwei-bytedance-spend-2023)",
    "a déjà rattrapé (en dollars purs)",
)


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_the_seed_conflict_says_what_its_claims_rest_on(fmt: str) -> None:
    out = render(SEED, fmt)
    if fmt == "json":
        out = json.dumps(json.loads(out), ensure_ascii=False)
        out = out.replace('\\"', '"')
    if fmt == "markdown":
        out = out.replace("\\_", "_").replace("\\", "")
    for needed in NEEDED:
        assert needed in _words(out), fmt


def test_the_html_cards_say_it_piece_by_piece() -> None:
    page = _words(html.unescape(render(SEED, "html")))
    for piece in PIECES:
        assert piece in page


def test_explain_says_it_too() -> None:
    for claim in ("ft-deliveries-2022", "jiwei-china-market-2022"):
        result = CliRunner().invoke(main, ["explain", claim, str(SEED_CLAIMS)])
        assert result.exit_code == 0
        said = _words(result.stdout)
        assert [p for p in PIECES if p not in said] == []


def test_a_plainly_reported_claim_says_only_its_words_more(make_desk) -> None:  # type: ignore[no-untyped-def]
    from factcheck.render.messages import Phrasebook

    claims = make_desk(
        {
            "a.yaml": """
claims:
  - id: a
    source: wire
    subject: acme
    metric: spend
    period: 2023
    value: 1 billion USD
    quote: "Acme spent a billion dollars"
""",
            "bulk.csv": "id,source,subject,metric,period,value\nb,wire,acme,spend,2022,2 billion USD\n",
        }
    )
    report = reconcile(load(claims))
    book = Phrasebook(report)
    # the article's words first, then how they were read; nothing else to say
    assert (
        book.said("a")
        == "a (The Wire): “Acme spent a billion dollars” → 950 million to 1.05 billion USD"
    )
    # without a quote, the value as the desk wrote it
    assert book.said("b") == "b (The Wire): '2 billion USD', read as 1.9 to 2.1 billion USD"


def test_figures_of_one_entity_are_named_once() -> None:
    from factcheck.render.messages import Phrasebook

    said = Phrasebook(SEED).said("tomshw-asp-2023")
    assert "derived from the figures for ByteDance (jiwei-bytedance-spend-2023, " in said
    assert said.count("ByteDance") == 1
    french = Phrasebook(SEED, "fr").said("tomshw-asp-2023")
    assert "déduit des chiffres pour ByteDance" in french
