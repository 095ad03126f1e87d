"""`factcheck new`: a journalist's path from an article's text to reconciled claims."""

from __future__ import annotations

import re
from pathlib import Path

import jsonschema
import pytest
import yaml
from click.testing import CliRunner

from factcheck import load, reconcile
from factcheck.cli import main
from factcheck.desk.loader import load_for_editing
from factcheck.desk.yamlfile import read_yaml
from factcheck.render.schema import desk_schema

from .conftest import MakeDesk

#: Articles written for these tests, one per language, each stating two figures.
TEXTS = {
    "en": (
        "The Wire reported on Tuesday that Acme spent about 2.5 billion dollars on chips in "
        "2023. Its rival Globex bought at least 40,000 GPUs the same year, according to "
        "analysts who asked not to be named.\n"
    ),
    "fr": (
        "Selon The Wire, Acme a dépensé environ 2,5 milliards de dollars en puces en 2023. "
        "Son concurrent Globex aurait acheté au moins quarante mille GPU la même année, "
        "d'après des analystes.\n"
    ),
    "de": (
        "Laut The Wire hat Acme im Jahr 2023 rund 2,5 Milliarden Dollar für Chips ausgegeben. "
        "Der Konkurrent Globex kaufte demnach mindestens vierzigtausend GPU im selben Jahr.\n"
    ),
}


def run(*args: str, text: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=text)
    return result.exit_code, result.stdout, result.stderr


def _new(claims: Path, lang: str) -> Path:
    code, _, err = run(
        "new", str(claims), "--outlet", "daily", "--date", "2024-01", "--language", lang,
        "--url", "https://example.org/a", text=TEXTS[lang],
    )  # fmt: skip
    assert code == 0, err
    path = claims / "daily-2024-01.yaml"
    assert err == (
        f"wrote {path}: 2 claims, 2 fields to fill in (marked TODO; 'factcheck validate' lists "
        "them)\n"
    )
    return path


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_a_draft_reads_each_figure_with_its_hedge_unit_and_quote(
    make_desk: MakeDesk, lang: str
) -> None:
    claims = make_desk({})
    data, problems = read_yaml(_new(claims, lang))
    assert problems == []
    assert data["article"] == {
        "id": "daily-2024-01", "outlet": "daily", "published": "2024-01", "language": lang,
        "url": "https://example.org/a",
    }  # fmt: skip
    first, second = data["claims"]
    assert (first["value"], first["subject"], first["source"], first["period"]) == (
        "about 2.5 billion USD", "acme", "wire", "2023",
    )  # fmt: skip
    assert first["metric"] == "spend"  # the desk's one metric of money
    assert (second["value"], second["subject"], second["metric"]) == (
        "at least 40,000 GPU", "globex", "units",
    )  # fmt: skip
    assert second["source"] == "TODO: who says it (default: the outlet)"
    assert second["period"] == "TODO: when"  # "the same year": for the journalist to say
    quote = TEXTS[lang].replace("\n", " ")
    assert first["quote"] in quote and second["quote"] in quote  # verbatim
    assert ("2,5" if lang != "en" else "2.5") in first["quote"]


def test_the_journalists_path_new_fill_validate_reconcile(make_desk: MakeDesk) -> None:
    earlier = """
article: {id: wire-1, outlet: wire, published: 2023-12, language: en}
claims:
  - id: wire-acme-2023
    subject: acme
    metric: spend
    period: 2023
    value: about 1 billion USD
    quote: "Acme spent about 1 billion dollars in 2023"
"""
    claims = make_desk({"wire-1.yaml": earlier})
    draft = _new(claims, "en")
    code, _, err = run("validate", str(claims))
    todo = [line for line in err.splitlines() if "still to fill in" in line]
    assert code == 2 and len(todo) == 2 and err.endswith("2 problems found.\n")
    assert todo[0] == (
        f"{draft}:22:13: claim 'daily-2024-01-2': 'source' is still to fill in (TODO: who "
        "says it (default: the outlet)); write it, or delete the claim if the desk does not "
        "need it"
    )
    schema = desk_schema(load_for_editing(claims))
    assert list(jsonschema.Draft7Validator(schema).iter_errors(read_yaml(draft)[0])) == []

    text = draft.read_text(encoding="utf-8")  # the journalist fills in what is marked
    text = re.sub(r'source: "TODO: who says it[^"]*"', "source: daily", text)
    text = re.sub(r'period: "TODO: when[^"]*"', "period: 2023", text)
    draft.write_text(text, encoding="utf-8")
    code, _, err = run("validate", str(claims))
    assert code == 0, err
    report = reconcile(load(claims))
    (conflict,) = report.conflicts
    assert set(conflict.claims) == {"daily-2024-01-1", "wire-acme-2023"}  # 2.5 against 1 billion


def test_a_draft_never_overwrites_a_file(make_desk: MakeDesk) -> None:
    claims = make_desk({})
    path = _new(claims, "en")
    before = path.read_bytes()
    code, _, err = run("new", str(claims), "--outlet", "daily", "--date", "2024-01",
                       "--language", "en", text="Acme spent 3 billion dollars in 2022.")  # fmt: skip
    assert code == 2 and "exists; factcheck new never overwrites a file" in err
    assert path.read_bytes() == before


def test_a_text_without_figures_gives_an_empty_article(make_desk: MakeDesk) -> None:
    claims = make_desk({})
    code, _, err = run("new", str(claims), "--outlet", "daily", "--date", "2024-02",
                       "--language", "en", text="Acme declined to comment.")  # fmt: skip
    assert code == 0 and "0 claims" in err
    assert read_yaml(claims / "daily-2024-02.yaml")[0]["claims"] == []


def test_a_wrong_language_is_refused_with_the_code_to_write(make_desk: MakeDesk) -> None:
    code, _, err = run("new", str(make_desk({})), "--language", "english", text="x")
    assert code == 2 and "write 'en'" in err


def test_a_price_per_unit_is_read_with_its_unit(make_desk: MakeDesk) -> None:
    claims = make_desk({})
    code, _, err = run("new", str(claims), "--id", "p", "--language", "en",
                       text="Acme paid about 10,000 dollars per GPU in 2023.")  # fmt: skip
    assert code == 0, err
    (claim,) = read_yaml(claims / "p.yaml")[0]["claims"]
    assert (claim["value"], claim["metric"], claim["period"]) == (
        "about 10,000 USD/GPU", "price", "2023",
    )  # fmt: skip


SPIEGEL = (  # written for this test, in the manner of a German news report
    "Deutschland hat im Jahr 2021 rund 2,9 Milliarden Euro für Impfstoffe ausgegeben, "
    "berichtet der Spiegel. Der Preis pro Dosis Comirnaty lag demnach bei etwa 15,50 Euro.\n"
)


def test_a_draft_on_a_desk_of_another_domain(tmp_path: Path) -> None:
    import shutil

    from .conftest import REPO

    desk = tmp_path / "vaccines"
    shutil.copytree(REPO / "tests" / "desks" / "vaccines", desk)
    code, _, err = run("new", str(desk / "claims"), "--outlet", "spiegel", "--date", "2022-01",
                       "--language", "de", text=SPIEGEL)  # fmt: skip
    assert code == 0, err
    spend, price = read_yaml(desk / "claims" / "spiegel-2022-01.yaml")[0]["claims"]
    assert (spend["source"], spend["subject"], spend["metric"], spend["period"]) == (
        "spiegel", "germany", "spend", "2021",
    )  # fmt: skip
    assert spend["value"] == "about 2.9 billion EUR"
    # 'pro Dosis' says a price, but 'Dosis' is no alias of the desk's unit: the journalist says
    assert price["value"] == "TODO: the unit of about 15.5 EUR per ... (one of EUR/dose)"
    assert price["subject"] == "comirnaty"


def test_a_text_over_the_limit_is_refused_and_nothing_is_written(
    make_desk: MakeDesk, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck import cli

    monkeypatch.setattr(cli, "MAX_TEXT_CHARS", 100)
    claims = make_desk({})
    code, _, err = run("new", str(claims), "--id", "big", "--language", "en", text="5 GPU " * 30)
    assert code == 2 and "the article's text is over 100 characters" in err
    assert not (claims / "big.yaml").exists()


def test_a_chinese_draft_finds_names_and_hedges_without_spaces() -> None:
    from factcheck.draft import Article, draft

    from .conftest import SEED_CLAIMS

    text = "据集微网报道，字节跳动今年已向英伟达订购了约10亿美元的GPU，约10万块A100和H800。"
    body = draft(load(SEED_CLAIMS), text, Article("zh-1", "jiwei", "2023-08", "zh"))
    first, second = yaml.safe_load(body)["claims"]
    assert (first["source"], first["subject"], first["value"]) == (
        "jiwei", "bytedance", "about 1 billion USD",  # 集微网 and 字节跳动 are the desk's aliases
    )  # fmt: skip
    assert first["quote"] == "字节跳动今年已向英伟达订购了约10亿美元的GPU"
    assert second["value"].startswith("TODO: the unit of about 100,000")  # 块 is a classifier


def test_a_text_that_is_not_utf8_is_refused_and_the_folder_left_as_it_was(
    make_desk: MakeDesk, tmp_path: Path
) -> None:
    claims = make_desk({})
    before = sorted(p.name for p in claims.iterdir())
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Acme a dépensé 5 milliards".encode("latin-1"))
    code, _, err = run("new", str(claims), "--id", "x", "--language", "fr", "--text", str(bad))
    assert code == 2 and "the article's text is not UTF-8: save it as UTF-8" in err
    _new(claims, "fr")
    assert sorted(p.name for p in claims.iterdir()) == sorted([*before, "daily-2024-01.yaml"])


def test_control_characters_in_the_text_give_no_figure_and_no_quote_holds_them(
    make_desk: MakeDesk,
) -> None:
    claims = make_desk({})
    text = "Acme spent about 2.5 billion dollars in 2023.\x1b[2J\x1b[31m Globex\x00 declined.\n"
    code, _, err = run("new", str(claims), "--id", "esc", "--language", "en", text=text)
    assert code == 0, err
    (claim,) = read_yaml(claims / "esc.yaml")[0]["claims"]  # not a figure '2' from '[2J'
    assert claim["value"] == "about 2.5 billion USD" and "\x1b" not in claim["quote"]


def test_a_missing_unit_offers_the_units_of_the_desks_metrics(make_desk: MakeDesk) -> None:
    claims = make_desk({})
    code, _, _ = run("new", str(claims), "--id", "u", "--language", "en",
                     text="Acme burned 12 terajoules of energy in 2023.")  # fmt: skip
    (claim,) = read_yaml(claims / "u.yaml")[0]["claims"]
    assert (
        code == 0 and claim["value"] == "TODO: the unit of 12 (one of GPU, GWh, item, person, unit)"
    )
