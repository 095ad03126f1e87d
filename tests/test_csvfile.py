from __future__ import annotations

from pathlib import Path

from factcheck.desk.csvfile import read_csv


def test_rows_become_located_records(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text('id,subject,value,quote\nc1,acme,"1,000 USD",\nc2,globex,5 USD,hi\n', "utf-8")
    rows, problems = read_csv(path)
    assert problems == []
    assert rows[0] == {"id": "c1", "subject": "acme", "value": "1,000 USD"}  # empty cell absent
    assert (rows[1].where("value").line, rows[1].where("value").col) == (3, 11)


def test_missing_header_and_ragged_rows(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("", "utf-8")
    assert read_csv(path)[1][0].message == "a CSV table needs a header row naming its columns"
    path.write_text("id,value\nc1,5,extra\n", "utf-8")
    rows, problems = read_csv(path)
    assert rows == [] and problems[0].message == "row has 3 cells but the header names 2 columns"
