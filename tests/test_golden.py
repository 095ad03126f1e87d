"""The seed desk's terminal report in English, French and German, as reviewed golden
files: a change to any word of the report shows here, in every language.

``FACTCHECK_UPDATE_GOLDEN=1 pytest tests/test_golden.py`` rewrites them; read the
difference before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from factcheck import load, reconcile
from factcheck.render.language import LANGUAGES
from factcheck.render.registry import render_lines

from .conftest import SEED_CLAIMS

GOLDEN = Path(__file__).parent / "golden"
SEED = reconcile(load(SEED_CLAIMS))


def _report(lang: str, width: int = 100, fmt: str = "text") -> str:
    return "".join(render_lines(SEED, fmt, lang, width=width))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_seed_report_reads_as_reviewed(lang: str) -> None:
    golden = GOLDEN / f"seed-report.{lang}.txt"
    text = _report(lang)
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("width", [80, 60])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_line_is_longer_than_the_width_in_any_language(lang: str, width: int) -> None:
    lines = _report(lang, width).splitlines()
    assert max(len(line) for line in lines) <= width
    assert len(lines) > 20  # the report, not an error


def test_the_french_report_writes_french_numbers_and_quotes() -> None:
    text = " ".join(_report("fr").split())
    assert "3,8 à 4,2 milliards USD" in text  # decimal comma, "milliards"
    assert "« Les livraisons prévues l’an passé" in text  # guillemets, no-break space inside
    assert "une prévision" in text and "déduit par Jiwei (JW Insights)" in text
    assert "» (fr) → 3,8 à 4,2 milliards USD" in text  # the quote, then its reading in French
    assert "1er septembre" in text  # the first of the month as French writes it


def test_the_german_report_writes_german_numbers() -> None:
    text = " ".join(_report("de").split())
    assert "3,8 bis 4,2 Milliarden USD" in text and "800 Millionen bis 1,2 Milliarden USD" in text
    assert (
        "eine Prognose" in text and "Widersprüche: Angaben, die nicht alle stimmen können" in text
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_json_report_is_the_same_data_in_every_language(lang: str) -> None:
    import json

    english, other = json.loads(_report("en", fmt="json")), json.loads(_report(lang, fmt="json"))
    assert other["language"] == lang

    def data(report: dict) -> dict:  # type: ignore[type-arg]
        report = dict(report, language="")
        report["findings"] = [
            {
                **{
                    k: v
                    for k, v in f.items()
                    if k not in ("message", "arithmetic", "assumptions", "sides")
                },
                "sides": [dict(side, label="") for side in f.get("sides", [])],
            }
            for f in report["findings"]
        ]
        report["claims"] = [
            dict(c, interval=dict(c["interval"], text="")) if c.get("interval") else c
            for c in report["claims"]
        ]
        return report

    assert data(other) == data(english)
    if lang != "en":
        assert [f["message"] for f in other["findings"]] != [
            f["message"] for f in english["findings"]
        ]
