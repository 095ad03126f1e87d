"""The desk's verdicts (``review:`` of a claim, rated on ``policy.ratings``): read,
checked, and shown in every report."""

from __future__ import annotations

import html
import json

from click.testing import CliRunner

from factcheck import load, reconcile, render
from factcheck.cli import main

from .conftest import SEED_CLAIMS, MakeDesk
from .test_publish import REVIEWED

#: Two figures that cannot both hold, one of them judged.
CONFLICTING = REVIEWED.replace(
    "period: 2022\n    value: about 2 billion USD", "period: 2023\n    value: about 2 billion USD"
).replace(
    "source: wire\n    subject: acme\n    metric: spend\n    period: 2023\n    value: about 2",
    "source: daily\n    subject: acme\n    metric: spend\n    period: 2023\n    value: about 2",
)


def test_a_review_is_read_with_its_place_on_the_scale(make_desk: MakeDesk) -> None:
    desk = load(make_desk({"a.yaml": REVIEWED}))
    review = desk.claim("c1").review
    assert review is not None
    assert (review.rating, review.position, review.scale) == ("misleading", 2, 4)
    assert review.date is not None and review.date.isoformat() == "2023-09-12"
    assert desk.claim("c2").review is None


def test_every_report_shows_the_verdict(make_desk: MakeDesk) -> None:
    report = reconcile(load(make_desk({"a.yaml": REVIEWED})))
    text = " ".join(render(report, "text").split())
    assert "Verdicts of the desk (1)" in text
    assert "misleading (2 of 4) The billion is a forecast, not spending." in text
    assert "reviewed by The Daily's fact-check desk, September 12, 2023" in text
    markdown = render(report, "markdown")
    assert "## Verdicts of the desk (1)" in markdown and "| `c1`" in markdown
    page = html.unescape(render(report, "html"))
    assert 'id="verdicts"' in page and 'href="https://daily.example/check/acme"' in page
    data = json.loads(render(report, "json"))
    claims = {c["id"]: c for c in data["claims"]}
    assert claims["c1"]["review"] == {
        "rating": "misleading", "rating_value": 2, "rating_scale": 4,
        "verdict": "The billion is a forecast, not spending.",
        "reviewer": "The Daily's fact-check desk", "date": "2023-09-12",
        "url": "https://daily.example/check/acme",
    }  # fmt: skip
    assert claims["c2"]["review"] is None


def test_the_verdict_in_french(make_desk: MakeDesk) -> None:
    report = reconcile(load(make_desk({"a.yaml": REVIEWED})))
    text = " ".join(render(report, "text", lang="fr").split())
    assert "Verdicts de la rédaction (1)" in text and "misleading (2 sur 4)" in text
    assert "12 septembre 2023" in text


def test_a_judged_claim_in_a_conflict_says_its_verdict(make_desk: MakeDesk) -> None:
    report = reconcile(load(make_desk({"a.yaml": CONFLICTING})))
    assert report.conflicts, "the two figures should conflict"
    text = " ".join(render(report, "text", only=["conflicts"]).split())
    assert "verdict: misleading (2 of 4)" in text
    page = html.unescape(render(report, "html"))
    assert (
        '<p class="verdict"><span class="label">verdict</span> <strong>misleading (2 of 4)' in page
    )
    result = CliRunner().invoke(main, ["explain", "c1", str(make_desk({"a.yaml": CONFLICTING}))])
    assert "verdict: misleading (2 of 4)" in result.output


def test_only_verdicts(make_desk: MakeDesk) -> None:
    report = reconcile(load(make_desk({"a.yaml": REVIEWED})))
    text = render(report, "text", only=["verdicts"])
    assert "Verdicts of the desk" in text and "single origin" not in text


def test_a_desk_without_verdicts_has_no_verdict_section() -> None:
    report = reconcile(load(SEED_CLAIMS))
    for fmt in ("text", "markdown", "html"):
        out = render(report, fmt)
        assert "Verdicts" not in out and 'id="verdicts"' not in out, fmt


def test_every_problem_of_a_review_is_located(make_desk: MakeDesk) -> None:
    bad = (
        REVIEWED.replace("      rating: Misleading\n", "      rating: misleadin\n")
        .replace("date: 2023-09-12", "date: 12/09/2023")
        .replace("url: https://daily.example/check/acme", "url: javascript:alert(1)")
    )
    result = CliRunner().invoke(main, ["validate", str(make_desk({"a.yaml": bad}))])
    assert result.exit_code == 2
    out = result.output
    assert "unknown rating 'misleadin'; did you mean 'misleading'?" in out
    assert "cannot read the review's date '12/09/2023'" in out
    assert "the review's url 'javascript:alert(1)' is not a web address" in out
    assert out.count("a.yaml:") == 3  # all at once, each at its place


def test_a_rating_needs_a_scale(make_desk: MakeDesk) -> None:
    desk = make_desk(
        {
            "a.yaml": REVIEWED.replace(
                'policy:\n  ratings: [false, misleading, mostly true, "true"]\n', ""
            )
        }
    )
    result = CliRunner().invoke(main, ["validate", str(desk)])
    assert result.exit_code == 2 and "the policy declares no ratings" in result.output


def test_a_scale_is_two_distinct_ratings_or_more(make_desk: MakeDesk) -> None:
    for scale, said in (
        ("[false, False]", "the rating 'False' is on the scale twice"),
        ("[true]", "the ratings are a scale of at least two, worst first"),
    ):
        desk = make_desk(
            {"a.yaml": REVIEWED.replace('[false, misleading, mostly true, "true"]', scale)}
        )
        result = CliRunner().invoke(main, ["validate", str(desk)])
        assert result.exit_code == 2 and said in result.output, scale


def test_the_editor_schema_offers_the_desks_ratings(make_desk: MakeDesk) -> None:
    from factcheck.desk.loader import load_for_editing
    from factcheck.render.schema import desk_schema

    schema = desk_schema(load_for_editing(make_desk({"a.yaml": REVIEWED})))
    review = schema["properties"]["claims"]["items"]["properties"]["review"]
    assert review["properties"]["rating"]["enum"] == ["false", "misleading", "mostly true", "true"]
