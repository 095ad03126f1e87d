"""Every problem at once, in words a journalist can act on (each message pinned whole)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from factcheck import DeskError, load, validate
from factcheck.desk.csvfile import separator
from factcheck.suggest import nearest
from factcheck.values.languages import language_problem

from .conftest import SEED_CLAIMS, MakeDesk


def problems(claims: Path) -> list[str]:
    with pytest.raises(DeskError) as info:
        load(claims)
    root = str(claims.parent) + "/"
    return [str(p).replace(root, "") for p in info.value.problems]


def _claim(ident: str, **fields: str) -> str:
    base = {"source": "wire", "subject": "acme", "metric": "spend", "period": "2023",
            "value": "5 billion USD", "quote": '"5 billion"'}  # fmt: skip
    base.update(fields)
    return f"  - id: {ident}\n" + "".join(f"    {k}: {v}\n" for k, v in base.items())


def test_every_problem_of_every_claim_is_listed_with_its_claim(make_desk: MakeDesk) -> None:
    claims = make_desk(
        {
            "a.yaml": "claims:\n"
            + _claim("c1", source="wrie", value="5 billion dollars")
            + _claim("c2", source="dialy", subject="acmee", period="2023-13")
        }
    )
    assert problems(claims) == [
        "claims/a.yaml:3:13: claim 'c1': unknown source 'wrie'; did you mean 'wire'?",
        "claims/a.yaml:7:12: claim 'c1': unknown unit 'dollars'; write the currency's code: "
        "USD for US dollars (CAD, AUD, HKD... for others)",
        "claims/a.yaml:10:13: claim 'c2': unknown source 'dialy'; did you mean 'daily'?",
        "claims/a.yaml:11:14: claim 'c2': unknown subject 'acmee'; did you mean 'acme'?",
        "claims/a.yaml:13:13: claim 'c2': '2023-13': there is no month 13; months run from 01 "
        "to 12 (YYYY-MM)",
    ]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("USD 5bn", "claim 'c1': a value starts with a number (or a hedge), not 'USD'; "
         "write the number first, then the unit: '5bn USD'"),
        ("about EUR 2.9 billion", "claim 'c1': expected a number after 'about' in "
         "'about EUR 2.9 billion', found 'EUR 2.9 billion'; write the number first, then the "
         "unit: 'about 2.9 billion EUR'"),
        ("5 billion US dollars", "claim 'c1': unknown unit 'US dollars'; write the currency's "
         "code: USD for US dollars (CAD, AUD, HKD... for others)"),
        ("5 billion Euro", "claim 'c1': unknown unit 'Euro'; write the currency's code: EUR"),
        ("5 billion pounds", "claim 'c1': '5 billion pounds' is in lb, which does not fit a "
         "metric in currency; write the currency's code: GBP"),
        ("5 milliards yuans", None),  # French scale words are not value words: no currency hint
    ],
)  # fmt: skip
def test_currencies_in_words_get_their_code(make_desk: MakeDesk, value: str, message: str) -> None:
    found = problems(make_desk({"a.yaml": "claims:\n" + _claim("c1", value=f"'{value}'")}))
    if message is None:
        assert len(found) == 1 and "unit 'yuans'" not in found[0]
    else:
        assert [f.split(": ", 1)[1] for f in found] == [message]


def test_currency_words_and_signs_that_are_one_currency_read_as_it(make_desk: MakeDesk) -> None:
    claims = make_desk(
        {
            "a.yaml": "claims:\n"
            + _claim("c1", value="5 billion euros")
            + _claim("c2", value="'$5bn'", period="2022")
        }
    )
    desk = load(claims)
    assert [c.value.unit for c in desk.claims] == ["EUR", "USD"]  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("fr", None), ("de-CH", None), ("zh-Hans", None), ("pt_BR", None), ("EN", None),
        ("english", ("unknown language 'english': languages are ISO 639-1 codes", "write 'en'")),
        ("Français", ("unknown language 'Français': languages are ISO 639-1 codes",
                      "write 'fr'")),
        ("Deutsch", ("unknown language 'Deutsch': languages are ISO 639-1 codes", "write 'de'")),
        ("allemand", ("unknown language 'allemand': languages are ISO 639-1 codes",
                      "write 'de'")),
        ("fre", ("unknown language 'fre': languages are ISO 639-1 codes", "write 'fr'")),
        ("xx", ("unknown language 'xx': languages are ISO 639-1 codes",
                "write a two-letter code such as en, fr, de or zh")),
    ],
)  # fmt: skip
def test_language_codes_are_iso_639_1(tag: str, expected: tuple[str, str] | None) -> None:
    assert language_problem(tag) == expected


def test_a_wrong_language_is_located_in_the_article_and_the_claim(make_desk: MakeDesk) -> None:
    article = "article:\n  id: a-1\n  outlet: daily\n  published: 2023\n  language: english\n"
    claims = make_desk({"a.yaml": article + "claims:\n" + _claim("c1", quote_lang="francais")})
    assert problems(claims) == [
        "claims/a.yaml:5:13: article 'a-1': unknown language 'english': languages are ISO "
        "639-1 codes; write 'en'",
        "claims/a.yaml:14:17: claim 'c1': unknown language 'francais': languages are ISO "
        "639-1 codes; write 'fr'",
    ]


def test_an_unknown_outlet_is_to_be_added_to_sources_not_matched_to_an_article(
    make_desk: MakeDesk,
) -> None:
    other = "article:\n  id: reuters-2023-09-nvidia-china\n  outlet: wire\n" + "claims: []\n"
    mine = "article:\n  id: mine\n  outlet: reuters\n" + "claims: []\n"
    assert problems(make_desk({"a.yaml": other, "b.yaml": mine})) == [
        "claims/b.yaml:3:11: article 'mine': unknown outlet 'reuters'; add it to a file in "
        "sources/, for example 'reuters: {name: Reuters, kind: newspaper}' under 'sources:'"
    ]


def test_an_outlet_typo_is_matched_to_a_source(make_desk: MakeDesk) -> None:
    mine = "article:\n  id: mine\n  outlet: The Dialy\n" + "claims: []\n"
    assert problems(make_desk({"b.yaml": mine})) == [
        "claims/b.yaml:3:11: article 'mine': unknown outlet 'The Dialy'; did you mean 'daily'?"
    ]


# YAML syntax errors, in plain words, where the fix goes.


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("claims:\n  - id: c1\n    value: {amount: 5, unit: %}\n",
         "claims/a.yaml:3:30: not valid YAML: '%' cannot start a value; put the value in "
         'quotes: unit: "%"'),
        ('claims:\n  - id: c1\n    quote: "il a dit\n    value: 5\n',
         "claims/a.yaml:3:12: not valid YAML: the quote opened here (line 3) is never closed; "
         'end the text with "; for a " inside the text, write it \\"'),
        ("claims:\n  - id: c1\n    quote: 'l'an passé'\n",
         "claims/a.yaml:3:15: not valid YAML: 'an passé'' follows the end of a value; put the "
         "whole value in quotes, or move this to a line of its own"),
        ("claims:\n\t- id: c1\n",
         "claims/a.yaml:2:1: not valid YAML: a tab in the indentation; indent with spaces, not "
         "tabs"),
        ("claims:\n  - id: c1\n    quote: Il a dit: oui\n",
         "claims/a.yaml:3:20: not valid YAML: a ': ' inside a value, where YAML expects one per "
         'line; put the whole value in quotes (quote: "Il a dit : oui"), or check this line\'s '
         "indentation"),
        ("claims:\n  - id: c1\n    value 5\n    quote: x\n",
         "claims/a.yaml:3:5: not valid YAML: line 3 has no ':' after its field name; write "
         "'field: value'; a value goes on to the next line only inside quotes"),
        ("claims:\n  - id: c1\n    product: [A800, H800\n    quote: x\n",
         "claims/a.yaml:3:14: not valid YAML: the '[' opened here (line 3) is never closed; "
         "close it with ']' (and separate items with commas)"),
        ('claims:\n  - id: c1\n    quote: "C:\\dossier"\n',
         "claims/a.yaml:3:15: not valid YAML: a backslash in double quotes starts an escape; "
         "use single quotes around this text, or write each \\ twice"),
    ],
)  # fmt: skip
def test_yaml_syntax_errors_in_plain_words(make_desk: MakeDesk, text: str, expected: str) -> None:
    assert problems(make_desk({"a.yaml": text})) == [expected]


def test_a_world_that_cannot_be_read_is_reported_alone(make_desk: MakeDesk) -> None:
    """One unquoted '%' in the world would otherwise make every claim's metric unknown."""
    world = "metrics:\n  share: {name: Share, unit: %}\n  spend: {unit: currency}\n"
    claims = make_desk(
        {
            "world.yaml": world,
            "a.yaml": "claims:\n"
            + "".join(_claim(f"c{i}", period=str(2000 + i)) for i in range(30)),
            "b.yaml": "claims:\n  - id: [oops\n",
        },
        world=False,
    )
    assert problems(claims) == [
        "claims/b.yaml:2:9: not valid YAML: the '[' opened here (line 2) is never closed; "
        "close it with ']' (and separate items with commas)",
        "claims/world.yaml:2:30: not valid YAML: '%' cannot start a value; put the value in "
        'quotes: unit: "%"',
    ]


# Validating one file reads its desk's world.


def test_one_seed_file_validates_with_its_desk_world() -> None:
    assert validate(SEED_CLAIMS / "2023-08-tomshw-bytedance.yaml") == []
    desk = load(SEED_CLAIMS / "2023-08-fr-nvidia-chine.yaml")
    assert {c.article for c in desk.claims} == {"fr-2023-08-nvidia-chine"}  # its claims only


def test_a_file_in_a_subfolder_reads_the_world_of_its_claims_folder(make_desk: MakeDesk) -> None:
    claims = make_desk(
        {"claims/2023/08/a.yaml": "claims:\n" + _claim("c1"), "b.yaml": "claims:\n" + _claim("b")}
    )
    nested = claims / "2023" / "08" / "a.yaml"
    desk = load(nested)  # the world in claims/world.yaml, the sources in sources/ beside
    assert [(c.id, c.source, c.metric) for c in desk.claims] == [("c1", "wire", "spend")]


# CSV tables as spreadsheets save them.


@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_csv_separator_and_excel_bom_are_accepted(make_desk: MakeDesk, sep: str) -> None:
    rows = [
        ["id", "source", "subject", "metric", "period", "value", "quote"],
        ["c1", "wire", "acme", "spend", "2023", "about 5 billion USD", "environ 5 milliards"],
        ["c2", "daily", "acme", "spend", "2022", '"1,000 USD"', "mille dollars"],
    ]
    text = "\r\n".join(sep.join(r) for r in rows) + "\r\n"
    claims = make_desk({"t.csv": "\ufeff".encode() + text.encode("utf-8")})
    desk = load(claims)
    assert [(c.id, c.value.interval.hi) for c in desk.claims] == [  # type: ignore[union-attr]
        ("c1", 6e9), ("c2", 1050.0),  # the desk's policy: about is ±20 %, a plain figure ±5 %
    ]  # fmt: skip


def test_a_semicolon_table_locates_its_cells(make_desk: MakeDesk) -> None:
    text = "id;source;subject;metric;period;value\nc1;wire;acme;spend;2023;5 widgets\n"
    assert problems(make_desk({"t.csv": text})) == [
        "claims/t.csv:2:25: claim 'c1': unknown unit 'widgets'; declare it under 'units:' "
        "(kind: count or currency)"
    ]


@given(st.lists(st.sampled_from(["id", "value", "a b", '"x;y"', '"p,q"']), min_size=1, max_size=8),
       st.sampled_from([",", ";", "\t"]))  # fmt: skip
def test_the_separator_is_the_one_the_header_uses(names: list[str], sep: str) -> None:
    line = sep.join(names)
    found = separator(line)
    if len(names) > 1:
        assert found == sep
    else:
        assert found == ","  # a single column holds no separator: comma, the default


# "Did you mean": one matcher, its cutoff tuned on real typos.

TYPOS = [  # (typed, the desk's names, the one meant)
    ("finacial-times", ["financial-times", "wsj", "jiwei", "nvidia", "fr-outlet-000"],
     "financial-times"),
    ("financal-times", ["financial-times", "wsj", "jiwei"], "financial-times"),
    ("financial_times", ["financial-times", "wsj", "jiwei"], "financial-times"),
    ("Financial Times", ["financial-times", "wsj", "jiwei"], "financial-times"),
    ("bytedanse", ["bytedance", "baidu", "alibaba", "tencent", "big-four"], "bytedance"),
    ("gpu_spned", ["gpu_spend", "gpu_units", "gpu_asp", "export_loss"], "gpu_spend"),
    ("spnd", ["spend", "units", "price", "energy"], "spend"),
    ("reuter", ["reuters", "afp", "ap"], "reuters"),
    ("alibba", ["alibaba", "baidu", "tencent"], "alibaba"),
    ("tencnet", ["alibaba", "baidu", "tencent"], "tencent"),
    ("gpu_unit", ["gpu_spend", "gpu_units", "gpu_asp"], "gpu_units"),
    ("quote_lnag", ["quote", "quote_lang", "derived_from", "note", "period"], "quote_lang"),
    ("derivd_from", ["quote", "quote_lang", "derived_from", "note", "period"], "derived_from"),
    ("modalty", ["modality", "period", "metric", "subject"], "modality"),
    ("perod", ["modality", "period", "metric", "subject", "product"], "period"),
    ("subjet", ["modality", "period", "metric", "subject", "source"], "subject"),
    ("sorce", ["source", "subject", "value", "quote"], "source"),
    ("valeu", ["source", "subject", "value", "quote"], "value"),
    ("pubished", ["outlet", "published", "language", "url", "cites", "text"], "published"),
    ("langauge", ["outlet", "published", "language", "url", "cites", "text"], "language"),
    ("outlt", ["outlet", "published", "language", "url", "cites", "text"], "outlet"),
    ("GPUS", ["GPU", "GPUs", "accelerator"], "GPUs"),
    ("restriced", ["restricted", "unrestricted"], "restricted"),
    ("expectd", ["reported", "expected", "estimated"], "expected"),
    ("entites", ["article", "claims", "sources", "entities", "units", "metrics"], "entities"),
    ("claim", ["article", "claims", "sources", "entities", "units", "metrics"], "claims"),
    ("nvida", ["nvidia", "wsj", "jiwei"], "nvidia"),
    ("wjs", ["wsj", "ft", "jiwei"], "wsj"),
    ("euros", ["EUR", "USD", "GPU"], "EUR"),
]  # fmt: skip

UNRELATED = [  # (typed, the desk's names): no one would accept a suggestion here
    ("sales", ["cell_shipments", "ceo", "gpu_spend"]),
    ("cell", ["cell_shipments", "ceo"]),
    ("revenue", ["gpu_spend", "gpu_units", "gpu_asp", "export_loss"]),
    ("bloomberg", ["financial-times", "wsj", "jiwei", "nvidia"]),
    ("reuters", ["reuters-2023-09-nvidia-china", "financial-times", "wsj"]),
    ("date", ["outlet", "published", "language", "url", "cites", "text"]),
    ("apple", ["alibaba", "baidu", "tencent", "big-four"]),
    ("samsung", ["alibaba", "baidu", "tencent", "bytedance"]),
    ("ft", ["financial-times", "wsj", "jiwei"]),
    ("germany", ["china-market", "big-four", "alibaba"]),
    ("doses", ["gpu_spend", "gpu_units", "gpu_asp"]),
    ("price", ["gpu_spend", "gpu_units", "gpu_asp", "export_loss"]),
    ("total", ["tencent", "alibaba"]),
]  # fmt: skip


@pytest.mark.parametrize(("typed", "names", "meant"), TYPOS)
def test_a_typo_gets_the_name_meant_first(typed: str, names: list[str], meant: str) -> None:
    assert nearest(typed, names)[:1] == [meant]


@pytest.mark.parametrize(("typed", "names"), UNRELATED)
def test_an_unrelated_word_gets_no_suggestion(typed: str, names: list[str]) -> None:
    assert nearest(typed, names) == []


def test_a_control_character_yaml_refuses_is_located_in_words(make_desk: MakeDesk) -> None:
    claims = make_desk({"a.yaml": "claims:\n  - id: c1\x1b[31m\n"})
    assert problems(claims) == [
        "claims/a.yaml:2:11: not valid YAML: the control character U+001B, which YAML refuses; "
        "delete it: most editors do not show it"
    ]
