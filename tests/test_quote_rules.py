"""The quote, archive and quote-name checks, on the seed desk and on small desks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from factcheck import DeskError, Report, load, reconcile

from .conftest import SEED_CLAIMS, MakeDesk, said


def seed_copy(tmp_path: Path) -> Path:
    root = tmp_path / "desk"
    shutil.copytree(SEED_CLAIMS, root / "claims")
    shutil.copytree(SEED_CLAIMS.parent / "sources", root / "sources")
    return root


def test_the_seed_quotes_support_their_values() -> None:
    report = reconcile(load(SEED_CLAIMS))
    assert report.of_kind("unsupported-quote") == []
    assert report.summary()["quotes"] == report.summary()["claims"] == 23
    assert report.summary()["quotes_unread"] == 0


@pytest.mark.parametrize(
    ("written", "typed", "says"),
    [
        ("value: at least 100000 GPU", "value: at least 100 GPU",
         "quote says 100,000 ('pas moins de 100.000'), value is 100: 1,000 times less than the quote"),
        ("value: 4.4 trillion USD", "value: 4.4 billion USD",
         "quote says 4.4 trillion ('4,4 billions'), value is 4.4 billion: 1,000 times less than the "
         "quote (trillions in the quote, billions in the value?)"),
    ],
)  # fmt: skip
def test_a_mistyped_value_is_caught_by_its_quote(
    tmp_path: Path, written: str, typed: str, says: str
) -> None:
    root = seed_copy(tmp_path)
    for path in (root / "claims").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(written, typed), encoding="utf-8")
    report = reconcile(load(root))
    (finding,) = report.of_kind("unsupported-quote")
    assert said(report, finding).message.endswith(says)
    assert report.exit_code("warning") == 1 and finding.severity == "warning"


def _claims(quote: str, value: str, lang: str = "fr", extra: str = "") -> str:
    return f"""
article:
  outlet: daily
  language: {lang}
{extra}claims:
  - id: c1
    source: wire
    subject: acme
    metric: spend
    value: {value}
    quote: "{quote}"
"""


def run(make_desk: MakeDesk, files: dict[str, str]) -> Report:
    return reconcile(load(make_desk(files)))


@pytest.mark.parametrize(
    ("quote", "value", "lang"),
    [
        ("environ 2,1 milliards d'euros", "about 2.1 billion EUR", "fr"),
        ("rund 1,5 Mrd. Euro", "about 1.5 billion EUR", "de"),
        ("约10亿美元", "about 1 billion USD", "zh"),
        ("some $1.1bn", "about 1 billion USD", "en"),  # within the 20% of 'about'
    ],
)
def test_supported_quotes_are_not_flagged(
    make_desk: MakeDesk, quote: str, value: str, lang: str
) -> None:
    assert (
        run(make_desk, {"a.yaml": _claims(quote, value, lang)}).of_kind("unsupported-quote") == []
    )


def test_a_million_typed_for_a_milliard(make_desk: MakeDesk) -> None:
    report = run(make_desk, {"a.yaml": _claims("2,1 milliards d'euros", "2.1 million EUR")})
    (finding,) = report.of_kind("unsupported-quote")
    assert said(report, finding).message == (
        "c1: quote says 2.1 billion ('2,1 milliards'), value is 2.1 million: 1,000 times less than "
        "the quote (billions in the quote, millions in the value?)"
    )


def test_a_quote_in_an_unknown_language_is_counted_not_flagged(make_desk: MakeDesk) -> None:
    report = run(make_desk, {"a.yaml": _claims("約1000億円", "exactly 5 JPY", "ja")})
    assert report.of_kind("unsupported-quote") == []
    assert report.summary()["quotes_unread"] == 1


ARCHIVE = """Un titre

Selon le « Daily », Acme a dépensé environ 2,1 milliards d’euros en 2023, un record
pour le groupe, qui prévoit de recommencer.

Un autre paragraphe sur un tout autre su-
jet, sans chiffre.
"""


def archived(make_desk: MakeDesk, quote: str, value: str) -> Report:
    """A one-claim desk whose article has ARCHIVE as its archived text."""
    files = {
        "a.yaml": _claims(quote, value, extra="  text: texts/a.txt\n"),
        "claims/texts/a.txt": ARCHIVE,
    }
    return run(make_desk, files)


def test_a_quote_found_in_the_archive_despite_typography(make_desk: MakeDesk) -> None:
    quote = "Acme a dépensé environ 2,1 milliards d'euros en 2023, un record pour le groupe"
    report = archived(make_desk, quote, "about 2.1 billion EUR")
    assert report.of_kind("quote-not-in-archive") == []


def test_a_quote_missing_from_the_archive_shows_the_nearest_passage(make_desk: MakeDesk) -> None:
    quote = "Acme a dépensé environ 3,1 milliards d'euros en 2021, un record absolu"
    report = archived(make_desk, quote, "about 3.1 billion EUR")
    (finding,) = report.of_kind("quote-not-in-archive")
    assert said(report, finding).message == "c1: the quote is not in the archived text of a"
    assert said(report, finding).arithmetic[1].startswith("nearest passage, line 3 of a.txt")
    assert "2,1 milliards" in said(report, finding).arithmetic[1]


def test_a_hyphenated_word_across_lines_is_found(make_desk: MakeDesk) -> None:
    quote = "Un autre paragraphe sur un tout autre sujet, sans chiffre."
    report = archived(make_desk, quote, "about 2.1 billion EUR")
    assert report.of_kind("quote-not-in-archive") == []


def test_an_archive_outside_the_desk_is_refused(make_desk: MakeDesk) -> None:
    with pytest.raises(DeskError) as info:
        load(make_desk({"a.yaml": _claims("x", "5 USD", extra="  text: ../../../etc/passwd\n")}))
    assert "lies outside the desk" in str(info.value)


def test_a_variant_spelling_of_a_source_suggests_an_alias(make_desk: MakeDesk) -> None:
    quote = "selon la publication Dailly, environ 2,1 milliards d'euros"
    report = run(make_desk, {"a.yaml": _claims(quote, "about 2.1 billion EUR")})
    (finding,) = report.of_kind("alias-suggestion")
    assert said(report, finding).message == (
        "the quote of c1 names 'Dailly', which looks like source 'daily' (The Daily); "
        "add 'Dailly' to its aliases"
    )
    known = run(
        make_desk, {"a.yaml": _claims(quote.replace("Dailly", "Daily"), "about 2.1 billion EUR")}
    )
    assert known.of_kind("alias-suggestion") == []


def test_a_quote_that_turns_the_archives_hedge_around_is_not_found(make_desk: MakeDesk) -> None:
    """The digits and most words match; the hedge does not ('plus de', not 'environ')."""
    quote = "Acme a dépensé plus de 2,1 milliards d'euros en 2023, un record pour le groupe"
    report = archived(make_desk, quote, "more than 2.1 billion EUR")
    (finding,) = report.of_kind("quote-not-in-archive")
    assert "environ 2,1 milliards" in said(report, finding).arithmetic[1]


def test_an_english_quote_with_the_opposite_hedge_is_not_found(make_desk: MakeDesk) -> None:
    text = "The survey found that more than 70 percent of the firms had bought chips.\n"
    files = {
        "a.yaml": _claims("fewer than 70 percent of the firms had bought chips", "5 USD", "en",
                          extra="  text: texts/a.txt\n"),
        "claims/texts/a.txt": text,
    }  # fmt: skip
    assert len(run(make_desk, files).of_kind("quote-not-in-archive")) == 1
    files["a.yaml"] = files["a.yaml"].replace("fewer than", "more than")
    assert run(make_desk, files).of_kind("quote-not-in-archive") == []


@pytest.mark.parametrize(
    ("quote", "lang", "source"),
    [
        ("les géants de la Chine ont commandé environ 2,1 milliards d'euros", "fr",
         "chinese-industry-sources: {name: Chinese industry sources}"),
        ("European carmakers spent about 2.1 billion euros", "en",
         "autonews: {name: Automotive News Europe, aliases: [Autonews Europe]}"),
        ("Germans received about 2.1 billion doses", "en",
         "german-health-ministry: {name: German health ministry}"),
    ],
)  # fmt: skip
def test_an_ordinary_word_near_a_source_name_is_no_alias(
    make_desk: MakeDesk, quote: str, lang: str, source: str
) -> None:
    files = {
        "a.yaml": _claims(quote, "about 2.1 billion EUR", lang),
        "sources/more.yaml": f"sources:\n  {source}\n",
    }
    assert run(make_desk, files).of_kind("alias-suggestion") == []
