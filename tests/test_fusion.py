"""Which source to believe: fusion on tables and desks small enough to check by hand."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import load, reconcile
from factcheck.cli import main
from factcheck.errors import DeskError, UsageError
from factcheck.fusion import METHODS, from_desk, from_rows, fuse, read_table
from factcheck.fusion.observations import kind_of

from .conftest import SEED_CLAIMS, MakeDesk

#: Three sources on three cities' populations: a and b agree on two, c is alone on
#: each. Every method takes the values a and b give.
SMALL = [
    ("a", "paris", "population", "2020", "2,100,000"),
    ("b", "paris", "population", "2020", "2,100,000"),
    ("c", "paris", "population", "2020", "2,200,000"),
    ("a", "lyon", "population", "2020", "520,000"),
    ("b", "lyon", "population", "2020", "520,000"),
    ("c", "lyon", "population", "2020", "500,000"),
    ("a", "nice", "population", "2020", "340,000"),
    ("c", "nice", "population", "2020", "345,000"),
]


@pytest.mark.parametrize("method", list(METHODS))
def test_the_majority_of_reliable_sources_wins(method: str) -> None:
    fusion = fuse(from_rows(SMALL), method)
    best = {v.item[0]: v.value for v in fusion.values}
    assert best["paris"] == "2,100,000" and best["lyon"] == "520,000"
    reliability = {s.source: s.reliability for s in fusion.sources}
    assert reliability["a"] > reliability["c"] and reliability["b"] > reliability["c"]
    paris = next(v for v in fusion.values if v.item[0] == "paris")
    assert paris.sources == ("a", "b") and paris.claims == 3 and paris.values == 2


def test_vote_by_hand() -> None:
    fusion = fuse(from_rows(SMALL), "vote")
    paris = next(v for v in fusion.values if v.item[0] == "paris")
    assert paris.confidence == pytest.approx(2 / 3)  # two of its three claims
    scores = {s.source: (s.reliability, s.claims, s.agreed) for s in fusion.sources}
    assert scores["b"] == (1.0, 2, 2)
    assert scores["a"] == (1.0, 3, 3)  # nice: a tie, the first value seen (a's) wins
    assert scores["c"] == (0.0, 3, 0)


def test_accuracy_breaks_a_tie_for_the_source_that_was_right_elsewhere() -> None:
    fusion = fuse(from_rows(SMALL), "accu")
    nice = next(v for v in fusion.values if v.item[0] == "nice")
    assert nice.value == "340,000" and nice.sources == ("a",)  # a was right twice, c never
    assert nice.confidence > 0.5


def _mirrored(copies: int) -> list[tuple[str, str, str, str, str]]:
    """Two honest sources that slip once in 40 items, and ``copies`` mirrors of one
    feed that is wrong on every fifth: enough claims for copy detection (100 shared
    items)."""
    rows = []
    for n in range(200):
        truth = f"{10 + n % 12:02d}:{n % 60:02d}"
        wrong = f"{10 + n % 12:02d}:{(n + 7) % 60:02d}"
        slip = f"{10 + n % 12:02d}:{(n + 1) % 60:02d}"  # honest sources slip now and then
        rows += [("honest-1", f"flight-{n}", "departure", "", slip if n % 40 == 3 else truth)]
        rows += [("honest-2", f"flight-{n}", "departure", "", slip if n % 40 == 1 else truth)]
        feed = wrong if n % 5 == 0 else truth
        rows += [(f"mirror-{k}", f"flight-{n}", "departure", "", feed) for k in range(copies)]
    return rows


def test_mirrors_of_one_feed_are_found_and_counted_once() -> None:
    rows = _mirrored(3)
    vote = fuse(from_rows(rows), "vote")
    wrong = [v for v in vote.values if int(v.item[0].split("-")[1]) % 5 == 0]
    assert all(v.sources == ("mirror-0", "mirror-1", "mirror-2") for v in wrong)  # 3 beat 2
    copied = fuse(from_rows(rows), "accu-copy")
    assert {(a, b) for a, b, _rate in copied.copying} == {
        ("mirror-0", "mirror-1"), ("mirror-0", "mirror-2"), ("mirror-1", "mirror-2"),
    }  # fmt: skip
    right = [v for v in copied.values if int(v.item[0].split("-")[1]) % 5 == 0]
    assert all(v.sources == ("honest-1", "honest-2") for v in right)  # the feed counts once
    assert {s.source: s.reliability for s in copied.sources}["honest-1"] > 0.95


def test_honest_sources_that_differ_now_and_then_are_not_mirrors() -> None:
    rows = [r for r in _mirrored(1) if r[0] != "honest-2"]
    rows += [("honest-2", f"flight-{n}", "departure", "", f"{10 + n % 12:02d}:{n % 60:02d}")
             for n in range(200) if n % 50]  # fmt: skip
    rows += [
        ("honest-2", f"flight-{n}", "departure", "", "09:00") for n in range(200) if not n % 50
    ]
    copied = fuse(from_rows(rows), "accu-copy")
    assert copied.copying == ()  # 4 differences in 200: two sources, not one feed


def test_value_types_are_inferred_per_metric() -> None:
    assert kind_of(["13:55", "9:05"]) == "time"
    assert kind_of(["2,100,000", "4.2e9"]) == "number"
    assert kind_of(["5 USD", "6 USD"]) == "number"
    assert kind_of(["5 USD", "6 EUR"]) == "words"  # units differ: compared as written
    assert kind_of(["F78", "12"]) == "words"
    obs = from_rows([("a", "f", "t", "", "9:05"), ("b", "f", "t", "", "09:05")])
    assert len(obs.shown) == 1 and obs.shown[0] == "09:05"  # one time, two spellings


def test_a_tolerance_makes_near_values_one() -> None:
    rows = [
        ("a", "f", "t", "", "14:07"),
        ("b", "f", "t", "", "14:09"),
        ("c", "f", "t", "", "15:00"),
    ]
    assert len(from_rows(rows).shown) == 3
    near = from_rows(rows, tolerance=5)
    assert len(near.shown) == 2
    best = fuse(near, "vote").values[0]
    assert best.value == "14:07" and best.sources == ("a", "b")


def test_a_desk_counts_each_claim_for_its_independent_origin() -> None:
    obs = from_desk(reconcile(load(SEED_CLAIMS)))
    assert "tomshardware-fr" in obs.sources and "jiwei" in obs.sources
    assert "fr-2023-08-nvidia-chine" not in obs.sources  # an article relays; its origin votes
    fusion = fuse(obs, "accu-copy")
    assert len(fusion.values) == len(obs.items) and all(
        0 < s.reliability <= 1 for s in fusion.sources
    )


def test_overlapping_readings_on_a_desk_are_one_value(make_desk: MakeDesk) -> None:
    rows = "".join(
        f"c{n},{source},acme,spend,2023,{value}\n"
        for n, (source, value) in enumerate(
            [("wire", "about 1 billion USD"), ("daily", "1.05 billion USD"),
             ("wire", "about 3 billion USD")]
        )
    )  # fmt: skip
    desk = make_desk({"t.csv": "id,source,subject,metric,period,value\n" + rows})
    obs = from_desk(reconcile(load(desk)))
    assert len(obs.items) == 1 and len(obs.shown) == 2  # ~1 billion (two sources) and 3 billion


def test_a_bad_table_is_located(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("source,subject,metric,value,colour\na,b,c,1,red\n", encoding="utf-8")
    with pytest.raises(DeskError) as caught:
        read_table(path)
    assert str(caught.value.problems[0]).endswith(
        "t.csv:1:5: unknown column 'colour'; columns: source, subject, metric, value, period, unit, quote"
    )
    path.write_text("source,subject,metric,value\na,b,c,1\na,b,,2\na,b,c\n", encoding="utf-8")
    with pytest.raises(DeskError) as caught:
        read_table(path)
    said = [str(p).split("t.csv:")[1] for p in caught.value.problems]
    assert said == ["3:3: no metric in this row", "4:1: the row has 3 cells, the header 4"]


def test_the_command_writes_every_format(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    with open(path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(("source", "subject", "metric", "period", "value"))
        writer.writerows(SMALL)
    runner = CliRunner()
    text = runner.invoke(main, ["fuse", str(path), "--method", "vote"])
    assert text.exit_code == 0, text.output
    assert "Sources by reliability" in text.stdout and "paris / population / 2020" in text.stdout
    data = json.loads(runner.invoke(main, ["fuse", str(path), "--format", "json"]).stdout)
    assert data["format"] == "factcheck-fusion" and data["method"] == "accu-copy"
    assert {v["subject"]: v["value"] for v in data["values"]}["lyon"] == "520,000"
    table = runner.invoke(
        main, ["fuse", str(path), "--format", "csv", "-o", str(tmp_path / "out.csv")]
    )
    assert table.exit_code == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "out.csv").read_text(encoding="utf-8"))))
    assert list(rows[0]) == ["subject", "metric", "period", "value", "confidence", "sources"]
    assert rows[0]["subject"] == "paris" and rows[0]["sources"] == "a; b"
    french = runner.invoke(main, ["fuse", str(path), "--lang", "fr"])
    assert "Sources par fiabilité" in french.stdout
    refused = runner.invoke(main, ["fuse", str(path), "-o", str(path)])
    assert refused.exit_code == 2  # never over the table it reads


def test_an_unknown_method_names_the_nearest() -> None:
    with pytest.raises(UsageError, match="did you mean 'accu'"):
        fuse(from_rows(SMALL), "acu")


_ROWS = st.lists(
    st.tuples(
        st.sampled_from(["a", "b", "c", "d"]),
        st.sampled_from(["x", "y", "z"]),
        st.sampled_from(["m", "n"]),
        st.just(""),
        st.sampled_from(["1", "2", "3", "10:00", "10:05", "red", "Red", "1,000"]),
    ),
    min_size=0,
    max_size=40,
)


@settings(max_examples=150, deadline=None)
@given(_ROWS, st.sampled_from(list(METHODS)), st.sampled_from([0.0, 0.1, 10.0]))
def test_any_table_fuses_to_one_best_value_per_item(rows, method, tolerance) -> None:  # type: ignore[no-untyped-def]
    obs = from_rows(rows, tolerance)
    fusion = fuse(obs, method)
    assert len(fusion.values) == len({(r[1], r[2]) for r in rows})  # none for no rows
    for value in fusion.values:
        assert 0 <= value.confidence <= 1 + 1e-9 and value.sources
    assert all(0 <= s.reliability <= 1 + 1e-9 for s in fusion.sources)
    assert sum(s.claims for s in fusion.sources) == len(rows)


#: Three sources on four scopes: the Herald and the Wire agree where the Daily differs,
#: three times; on the fourth, only the Wire and the Daily speak, and disagree.
TRACK_SOURCES = """
sources:
  wire: {name: The Wire, kind: agency}
  daily: {name: The Daily, kind: newspaper}
  herald: {name: The Herald, kind: newspaper}
"""


def _track_record() -> str:
    claims = []
    for subject in ("acme", "globex", "voltaris"):
        for source, word in (
            ("wire", "restricted"),
            ("herald", "restricted"),
            ("daily", "unrestricted"),
        ):
            claims.append((f"{source}-{subject}", source, subject, "2021", word))
    claims.append(("a-wire-2023", "wire", "acme", "2023", "restricted"))
    claims.append(("b-daily-2023", "daily", "acme", "2023", "unrestricted"))
    rows = "".join(f"{i},{s},{subj},status,{p},{w}\n" for i, s, subj, p, w in claims)
    return "id,source,subject,metric,period,value\n" + rows


def test_reconcile_ranks_the_less_reliable_origin_first_and_says_so(make_desk: MakeDesk) -> None:
    from factcheck.fusion import learn

    desk = make_desk({"t.csv": _track_record(), "sources/sources.yaml": TRACK_SOURCES})
    report = reconcile(load(desk))
    plain = [s.claim for s in report.recheck.ranking if "2023" in s.claim]
    assert plain == ["a-wire-2023", "b-daily-2023"]  # a tie, broken by id
    learned = learn(report)
    ranked = [s for s in learned.recheck.ranking if "2023" in s.claim]
    assert [s.claim for s in ranked] == [
        "b-daily-2023",
        "a-wire-2023",
    ]  # the Daily was wrong 3 times
    daily, wire = ranked
    assert daily.reliability is not None and wire.reliability is not None
    assert daily.reliability < 0.5 < wire.reliability
    result = CliRunner().invoke(main, ["reconcile", str(desk), "--width", "200"])
    line = next(line for line in result.stdout.splitlines() if line.startswith("Re-check first"))
    assert "reliability 0." in line and "learned from the desk" in line
    data = json.loads(CliRunner().invoke(main, ["reconcile", str(desk), "--format", "json"]).stdout)
    assert all("reliability" in s for s in data["recheck"]["ranking"])


def test_nothing_to_learn_leaves_the_ranking_as_it_was() -> None:
    from factcheck.fusion import learn

    report = reconcile(load(SEED_CLAIMS))
    assert learn(report) is report  # every origin as reliable as the others


HEDGED = """source,subject,metric,period,value
wire,acme,spend,2023,about 1 billion USD
daily,acme,spend,2023,1.05 billion USD
herald,acme,spend,2023,3 billion USD
herald,acme,status,2023,Restricted
wire,acme,status,2023,restricted
"""
TABLE_WORLD = """
metrics:
  spend: {name: Money spent, unit: currency}
  status: {name: Status, type: category, values: [restricted, unrestricted]}
"""


def test_a_world_reads_a_tables_hedged_amounts_as_a_desk_does(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text(HEDGED, encoding="utf-8")
    (tmp_path / "world.yaml").write_text(TABLE_WORLD, encoding="utf-8")
    bare = read_table(table)
    assert bare.kinds["spend"] == "words" and len(bare.shown) == 4  # every spelling its own
    world = load(tmp_path / "world.yaml")
    typed = read_table(table, world=world)
    assert typed.kinds == {"spend": "interval", "status": "words"}
    assert len(typed.shown) == 3  # ~1 billion (overlapping readings), 3 billion, restricted
    best = {v.item[1]: v for v in fuse(typed, "vote").values}
    assert best["spend"].value == "about 1 billion USD" and best["spend"].sources == (
        "daily",
        "wire",
    )
    result = CliRunner().invoke(
        main, ["fuse", str(table), "--world", str(tmp_path / "world.yaml"), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.stdout)["values"]) == 2


def test_a_value_the_world_cannot_read_is_located(tmp_path: Path) -> None:
    table = tmp_path / "t.csv"
    table.write_text(HEDGED + "daily,acme,spend,2022,lots of money\n", encoding="utf-8")
    (tmp_path / "world.yaml").write_text(TABLE_WORLD, encoding="utf-8")
    with pytest.raises(DeskError) as caught:
        read_table(table, world=load(tmp_path / "world.yaml"))
    (problem,) = caught.value.problems
    assert str(problem).split("t.csv:")[1].startswith("7:5: spend: ")


def test_a_parquet_table_reads_as_its_csv(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    table = tmp_path / "t.csv"
    table.write_text(HEDGED, encoding="utf-8")
    parquet = tmp_path / "t.parquet"
    duckdb.execute(
        f"COPY (SELECT * FROM read_csv('{table}', all_varchar=true)) TO '{parquet}' (FORMAT parquet)"
    )
    (tmp_path / "world.yaml").write_text(TABLE_WORLD, encoding="utf-8")
    world = load(tmp_path / "world.yaml")
    for declared in (None, world):
        a, b = read_table(table, world=declared), read_table(parquet, world=declared)
        assert (a.sources, a.items, a.shown, a.kinds) == (b.sources, b.items, b.shown, b.kinds)
        assert a.claim_value.tolist() == b.claim_value.tolist()
        assert fuse(a).values == fuse(b).values


def test_a_bad_parquet_row_is_located_by_its_row(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    parquet = tmp_path / "t.parquet"
    duckdb.execute(
        "COPY (SELECT * FROM (VALUES ('a', 'x', 'm', '1'), ('b', 'x', '', '2')) "
        f"AS t(source, subject, metric, value)) TO '{parquet}' (FORMAT parquet)"
    )
    with pytest.raises(DeskError) as caught:
        read_table(parquet)
    assert [str(p).split("t.parquet:")[1] for p in caught.value.problems] == [
        "2:1: no metric in row 2"
    ]


def test_near_times_lend_each_other_support() -> None:
    rows = [
        ("c", "f", "t", "", "14:30"),
        ("a", "f", "t", "", "14:08"),
        ("b", "f", "t", "", "14:07"),
    ]
    obs = from_rows(rows)
    assert fuse(obs, "accu", similarity=0.0).values[0].value == "14:30"  # a tie: the first seen
    near = fuse(obs, "accu", similarity=0.8).values[0]
    assert near.value == "14:08" and near.sources == ("a",)  # 14:07 and 14:08 back each other
    far = [("c", "f", "t", "", "14:30"), ("a", "f", "t", "", "14:08"), ("b", "f", "t", "", "13:50")]
    assert (
        fuse(from_rows(far), "accu", similarity=0.8).values[0].value == "14:30"
    )  # 18 min: not near


def test_numbers_within_five_percent_are_near() -> None:
    rows = [("c", "x", "n", "", "900"), ("a", "x", "n", "", "1,000"), ("b", "x", "n", "", "1,020")]
    assert fuse(from_rows(rows), "accu", similarity=0.8).values[0].value == "1,000"
    assert fuse(from_rows(rows), "accu", similarity=0.0).values[0].value == "900"


def test_only_the_accuracy_models_take_tuning() -> None:
    with pytest.raises(UsageError, match="takes no tuning"):
        fuse(from_rows(SMALL), "vote", similarity=0.5)


def test_copy_detection_checks_a_bounded_number_of_sources(monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.fusion import methods

    assert len(fuse(from_rows(_mirrored(3)), "accu-copy").copying) == 3
    monkeypatch.setattr(methods, "MAX_PROLIFIC", 2)  # all have 200 claims: the first two seen
    copied = fuse(from_rows(_mirrored(3)), "accu-copy")
    assert copied.copying == ()  # only honest-1 and honest-2 were compared


def test_near_values_are_bounded_on_an_item_with_thousands_of_values() -> None:
    from factcheck.fusion.methods import MAX_NEAR, _similar_pairs

    rows = [(f"s{n}", "city", "population", "2020", f"{100_000 + n}") for n in range(3000)]
    obs = from_rows(rows)  # 3,000 figures, every two within 5% of each other
    near, _close, _sim = _similar_pairs(obs)
    assert len(near) <= 2 * MAX_NEAR * len(obs.shown)  # not 9 million pairs
    assert fuse(obs, "accu-copy").values[0].claims == 3000


def test_a_table_of_a_header_alone_fuses_to_nothing(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("source,subject,metric,value\n", encoding="utf-8")
    for fmt in ("text", "markdown", "json", "csv"):
        result = CliRunner().invoke(main, ["fuse", str(path), "--format", fmt])
        assert result.exit_code == 0, (fmt, result.output)
    assert (
        "0 items from 0 claims of 0 sources" in CliRunner().invoke(main, ["fuse", str(path)]).stdout
    )
