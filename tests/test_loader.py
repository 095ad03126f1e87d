from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from factcheck import DeskError, load, reconcile
from factcheck.values.amounts import Amount, Category, DateValue

from .conftest import MakeDesk

GOOD = """
article:
  id: daily-1
  outlet: daily
  published: 2023-08
  language: fr
  cites: [wire]
claims:
  - id: c1
    subject: Acme Corp
    metric: spend
    period: 2023
    value: about 1 billion USD
    quote: "environ 1 milliard de dollars"
  - id: c2
    source: daily
    subject: acme
    metric: units
    product: [chip]
    value: at least 100000 GPUs
    quote: "au moins 100.000 GPU"
  - id: c3
    source: TW
    subject: acme
    metric: launch
    value: before 2022-09
    quote: "avant septembre 2022"
  - id: c4
    subject: acme
    metric: status
    value: Restricted
    quote: "restreint"
    derived_from: [c1]
"""


def problems(claims: Path) -> list[str]:
    with pytest.raises(DeskError) as info:
        load(claims)
    root = claims.parent
    return [str(p).replace(str(root) + "/", "") for p in info.value.problems]


def test_a_good_desk_loads_into_typed_claims(make_desk: MakeDesk) -> None:
    desk = load(make_desk({"daily.yaml": GOOD}))
    c1, c2, c3, c4 = desk.claims
    assert c1.source == "wire"  # the article's single cites entry
    assert c1.subject == "acme"  # resolved through the display name
    assert c1.quote_lang == "fr" and c1.article == "daily-1"
    assert isinstance(c1.value, Amount) and c1.value.interval.lo == pytest.approx(8e8)
    assert c2.source == "daily" and c2.product == ("chip",) and c2.value.unit == "GPU"
    assert c3.source == "wire" and isinstance(c3.value, DateValue)
    assert isinstance(c4.value, Category) and c4.value.word == "restricted"
    assert desk.entities["group"].members == ("acme", "globex")
    assert desk.articles["daily-1"].published is not None
    assert [r.text for r in desk.relations] == ["spend = units * price"]


def test_the_desk_root_or_its_claims_folder(make_desk: MakeDesk) -> None:
    claims = make_desk({"daily.yaml": GOOD})
    assert len(load(claims.parent).claims) == len(load(claims).claims) == 4


def test_csv_claims_with_article_columns(make_desk: MakeDesk) -> None:
    table = (
        "id,article,outlet,published,subject,metric,period,value,product\n"
        "t1,daily-2,daily,2023-09,acme,spend,2023-H1,2 billion USD,chip;chip\n"
        "t2,daily-2,daily,2023-09,globex,spend,2023-H2,3 billion USD,\n"
    )
    desk = load(make_desk({"bulk.csv": table}))
    t1, t2 = desk.claims
    assert t1.article == "daily-2" and t1.source == "daily" and t1.product == ("chip",)
    assert t2.period is not None and t2.period.text == "2023-H2"


def test_loading_never_writes_to_the_desk(make_desk: MakeDesk) -> None:
    claims = make_desk({"daily.yaml": GOOD, "bad.yaml": "claims: [\n"})

    def snapshot() -> dict[str, str]:
        return {
            str(p): hashlib.sha256(p.read_bytes()).hexdigest() + str(p.stat().st_mtime_ns)
            for p in claims.parent.rglob("*")
            if p.is_file()
        }

    before = snapshot()
    with pytest.raises(DeskError):
        load(claims)
    assert snapshot() == before


# -- every bad input of the issue, each reported with its place -------------------


def test_broken_yaml(make_desk: MakeDesk) -> None:
    found = problems(make_desk({"a.yaml": "claims:\n  - id: x\n    value: [1\n"}))
    assert found == [
        "claims/a.yaml:3:12: not valid YAML: the '[' opened here (line 3) is never closed; "
        "close it with ']' (and separate items with commas)"
    ]


def test_not_utf8(make_desk: MakeDesk) -> None:
    found = problems(make_desk({"a.yaml": b"claims:\n  - quote: d\xe9j\xe0\n"}))
    assert found == [
        "claims/a.yaml:2:13: not UTF-8 text (byte 0xe9); save the file as UTF-8 in your editor"
    ]


def test_top_level_list(make_desk: MakeDesk) -> None:
    found = problems(make_desk({"a.yaml": "- id: c1\n- id: c2\n"}))
    assert found == [
        "claims/a.yaml:1:1: a desk file holds named sections, not a list; "
        "start with 'article:', 'claims:', 'sources:' or another section name"
    ]


def test_alias_bomb(make_desk: MakeDesk) -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    lines += [f"b{i}: &b{i} [" + ",".join([f"*{'a' if i == 0 else f'b{i - 1}'}"] * 10) + "]"
              for i in range(9)]  # fmt: skip
    found = problems(make_desk({"a.yaml": "\n".join(lines)}))
    assert len(found) == 1 and "alias bomb" in found[0] and found[0].startswith("claims/a.yaml:1:1")


def test_missing_required_field(make_desk: MakeDesk) -> None:
    text = (
        "claims:\n  - id: c1\n    source: wire\n    subject: acme\n    value: 5 USD\n    quote: q\n"
    )
    assert problems(make_desk({"a.yaml": text})) == [
        "claims/a.yaml:2:5: claim 'c1' has no 'metric'; add 'metric:'"
    ]


def _claim(value: str, metric: str = "spend", **extra: str) -> str:
    fields = {"id": "c1", "source": "wire", "subject": "acme", "metric": metric,
              "value": value, "quote": "q", **extra}  # fmt: skip
    return "claims:\n  - " + "\n    ".join(f"{k}: {v}" for k, v in fields.items()) + "\n"


def test_unknown_unit(make_desk: MakeDesk) -> None:
    assert problems(make_desk({"a.yaml": _claim("5 widgetz", "units")})) == [
        "claims/a.yaml:6:12: claim 'c1': unknown unit 'widgetz'; "
        "declare it under 'units:' (kind: count or currency)"
    ]


def test_value_whose_dimension_does_not_fit_its_metric(make_desk: MakeDesk) -> None:
    assert problems(make_desk({"a.yaml": _claim("5 GWh")})) == [
        "claims/a.yaml:6:12: claim 'c1': '5 GWh' is in GWh, which does not fit a metric in currency; "
        "write an amount of money, in USD or another currency"
    ]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("about about 5 USD", "claims/a.yaml:6:18: claim 'c1': two hedges in 'about about 5 USD' "
         "('about' and 'about'); keep one of them"),
        ("60 .. 40 USD", "claims/a.yaml:6:12: claim 'c1': '60 .. 40 USD': the range starts above where "
         "it ends; write the smaller number first ('40 .. 60 USD')"),
    ],
)  # fmt: skip
def test_malformed_value(make_desk: MakeDesk, value: str, expected: str) -> None:
    assert problems(make_desk({"a.yaml": _claim(value)})) == [expected]


def test_impossible_period(make_desk: MakeDesk) -> None:
    assert problems(make_desk({"a.yaml": _claim("5 USD", period="2023-13")})) == [
        "claims/a.yaml:8:13: claim 'c1': '2023-13': there is no month 13; months run from 01 to 12 (YYYY-MM)"
    ]


def test_duplicate_id_across_files_names_both_places(make_desk: MakeDesk) -> None:
    found = problems(make_desk({"a.yaml": _claim("5 USD"), "b.yaml": _claim("6 USD")}))
    assert len(found) == 1
    assert found[0].startswith("claims/b.yaml:2:9: claim id 'c1' is already used at ")
    assert found[0].endswith("claims/a.yaml:2:9; give each one its own id")


def test_duplicate_source_between_claims_and_sources(make_desk: MakeDesk) -> None:
    found = problems(make_desk({"a.yaml": "sources:\n  wire: {name: Another wire}\n"}))
    assert len(found) == 1
    # claim files are read before sources/, so the second place is in sources/
    assert found[0].startswith("sources/sources.yaml:3:9: source id 'wire' is already used at ")
    assert found[0].endswith("claims/a.yaml:2:9; give each one its own id")


def test_unknown_name_suggests(make_desk: MakeDesk) -> None:
    text = _claim("5 USD").replace("subject: acme", "subject: Voltaries")
    assert problems(make_desk({"a.yaml": text})) == [
        "claims/a.yaml:4:14: claim 'c1': unknown subject 'Voltaries'; did you mean 'voltaris'?"
    ]


def test_cycle_in_part_of(make_desk: MakeDesk) -> None:
    text = "entities:\n  a: {part_of: [b]}\n  b: {part_of: [c]}\n  c: {part_of: [a]}\n"
    assert problems(make_desk({"a.yaml": text})) == [
        "claims/a.yaml:2:6: entities form a cycle through part_of/members: "
        "'a' → 'b' → 'c' → 'a'; a whole cannot be part of its own part; remove one link"
    ]


def test_every_problem_at_once(make_desk: MakeDesk) -> None:
    files = {
        "a.yaml": _claim("about about 5 USD", period="2023-13"),
        "b.yaml": "- x\n",
        "c.yaml": b"q: \xff\n",
        "d.yaml": _claim("5 GWh").replace("c1", "c2").replace("acme", "Voltaries"),
    }
    found = problems(make_desk(files))
    assert [f.split(":")[0] for f in found] == [
        "claims/a.yaml", "claims/a.yaml", "claims/b.yaml", "claims/c.yaml",
        "claims/d.yaml", "claims/d.yaml",
    ]  # fmt: skip


def test_unknown_fields_and_sections_suggest(make_desk: MakeDesk) -> None:
    text = _claim("5 USD", perod="2023") + "entites:\n  x: {}\n"
    assert problems(make_desk({"a.yaml": text})) == [
        "claims/a.yaml:8:5: unknown field 'perod' in claim 'c1'; did you mean 'period'?",
        "claims/a.yaml:9:1: unknown section 'entites'; did you mean 'entities'?",
    ]


def test_unknown_metric_and_relation(make_desk: MakeDesk) -> None:
    text = _claim("5 USD", "spendd") + "relations:\n  - spend = units + price\n"
    assert problems(make_desk({"a.yaml": text})) == [
        "claims/a.yaml:5:13: claim 'c1': unknown metric 'spendd'; did you mean 'spend'?",
        "claims/a.yaml:9:5: relation 'spend = units + price': the units do not match "
        "(GPU + USD / GPU is not currency)".replace("USD", "currency"),
    ]


def test_article_text_must_stay_inside_the_desk(make_desk: MakeDesk) -> None:
    text = "article:\n  outlet: daily\n  text: ../../outside.txt\n"
    found = problems(make_desk({"a.yaml": text}))
    assert found == [
        "claims/a.yaml:3:9: article 'a': text '../../outside.txt' lies outside the desk"
    ]


def test_derived_from_names_a_known_claim(make_desk: MakeDesk) -> None:
    text = _claim("5 USD", derived_from="[c9]")
    found = problems(make_desk({"a.yaml": text}))
    assert found == [
        "claims/a.yaml:8:19: claim 'c1': unknown claim 'c9' in derived_from; "
        "no claim in the desk has this id"
    ]


def test_a_bulk_table_without_ids_names_each_row_by_its_place(make_desk: MakeDesk) -> None:
    table = (
        "source,subject,metric,period,value\n"
        "wire,acme,spend,2023,about 1 billion USD\n"
        "daily,acme,spend,2023,3 billion USD\n"
    )
    desk = load(make_desk({"bulk.csv": table}))
    assert [c.id for c in desk.claims] == ["bulk-2", "bulk-3"]  # file and line
    assert reconcile(desk).conflicts[0].claims == ("bulk-2", "bulk-3")


def test_a_row_without_its_value_is_said_once(make_desk: MakeDesk) -> None:
    table = "source,subject,metric,period,value\nwire,acme,spend,2023,\n"
    with pytest.raises(DeskError) as caught:
        load(make_desk({"bulk.csv": table}))
    assert [p.message for p in caught.value.problems] == ["claim 'bulk-2' has no 'value'"]


def _parquet(path: Path, table: str) -> None:
    duckdb = pytest.importorskip("duckdb")
    source = path.with_suffix(".source.csv")
    source.write_text(table, encoding="utf-8")
    duckdb.execute(
        f"COPY (SELECT * FROM read_csv('{source}', all_varchar=true)) TO '{path}' (FORMAT parquet)"
    )
    source.unlink()


def test_a_parquet_table_holds_claims_as_a_csv_table_does(make_desk: MakeDesk) -> None:
    table = (
        "source,subject,metric,period,value,product\n"
        "wire,acme,spend,2023,about 1 billion USD,chip\n"
        "daily,acme,spend,2023,3 billion USD,chip\n"
    )
    claims = make_desk({})
    _parquet(claims / "bulk.parquet", table)
    desk = load(claims)
    assert [(c.id, c.value.text, c.product, c.where.line) for c in desk.claims] == [
        ("bulk-1", "about 1 billion USD", ("chip",), 1),  # named by its row
        ("bulk-2", "3 billion USD", ("chip",), 2),
    ]
    assert reconcile(desk).conflicts[0].claims == ("bulk-1", "bulk-2")


def test_a_bad_parquet_row_is_located(make_desk: MakeDesk) -> None:
    claims = make_desk({})
    _parquet(
        claims / "bulk.parquet",
        "source,subject,metric,value\nwire,acme,spend,1 USD\nwire,acme,spend,lots\n",
    )
    with pytest.raises(DeskError) as caught:
        load(claims)
    (problem,) = caught.value.problems
    assert str(problem).split("bulk.parquet:")[1].startswith("2:4: claim 'bulk-2'")


def test_without_duckdb_a_parquet_table_says_how_to_read_it(
    make_desk: MakeDesk, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    claims = make_desk({})
    _parquet(claims / "bulk.parquet", "source,subject,metric,value\nwire,acme,spend,1 USD\n")
    monkeypatch.setitem(sys.modules, "duckdb", None)
    with pytest.raises(DeskError) as caught:
        load(claims)
    assert "reading a Parquet table needs DuckDB" in str(caught.value.problems[0])
    assert "pip install 'factcheck[duckdb]'" in str(caught.value.problems[0])
