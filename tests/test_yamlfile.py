from __future__ import annotations

import time
from pathlib import Path

from factcheck.desk.yamlfile import MAX_FILE_BYTES, YList, YMap, read_yaml


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "f.yaml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_values_stay_text_and_know_their_place(tmp_path: Path) -> None:
    data, problems = read_yaml(
        write(tmp_path, "a:\n  country: NO\n  when: 2023-08-09\n  n: 1e9\n  b: [x, y]\n")
    )
    assert problems == []
    inner = data["a"]
    assert isinstance(inner, YMap) and isinstance(inner["b"], YList)
    assert inner == {"country": "NO", "when": "2023-08-09", "n": "1e9", "b": ["x", "y"]}
    assert str(inner.where("when")).endswith("f.yaml:3:9")
    assert str(inner["b"].where(1)).endswith("f.yaml:5:10")


def test_broken_yaml_says_where(tmp_path: Path) -> None:
    data, problems = read_yaml(write(tmp_path, "claims:\n  - id: a\n   value: 5\n"))
    assert data is None
    assert len(problems) == 1
    assert problems[0].location.line == 3
    assert problems[0].message.startswith("not valid YAML")


def test_not_utf8_says_where(tmp_path: Path) -> None:
    data, problems = read_yaml(write(tmp_path, b"a: ok\nb: caf\xe9\n"))
    assert data is None
    assert (problems[0].location.line, problems[0].location.col) == (2, 7)
    assert problems[0].message == "not UTF-8 text (byte 0xe9)"


def test_duplicate_keys_are_reported(tmp_path: Path) -> None:
    _, problems = read_yaml(write(tmp_path, "a: 1\nb: 2\na: 3\n"))
    assert [str(p.message) for p in problems] == [
        "'a' is given twice in one mapping (first on line 1)"
    ]


def test_alias_bomb_fails_fast(tmp_path: Path) -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 20):
        prev, name = f"l{i - 1}" if i > 1 else "a", f"l{i}"
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 10) + "]")
    started = time.process_time()
    data, problems = read_yaml(write(tmp_path, "\n".join(lines) + "\n"))
    assert time.process_time() - started < 5  # 10**20 values if expanded: must not be
    assert data is None
    assert "alias bomb" in problems[0].message


def test_a_few_aliases_are_fine(tmp_path: Path) -> None:
    data, problems = read_yaml(write(tmp_path, "base: &b {unit: USD}\nx: *b\ny: *b\n"))
    assert problems == [] and data["x"] == {"unit": "USD"}


def test_huge_file_is_refused_before_parsing(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    data, problems = read_yaml(path)
    assert data is None and "over the limit" in problems[0].message


def test_merge_keys_are_honoured(tmp_path: Path) -> None:
    data, problems = read_yaml(
        write(tmp_path, "base: &b {unit: USD, kind: x}\nm: {<<: *b, kind: y}\n")
    )
    assert problems == [] and data["m"] == {"unit": "USD", "kind": "y"}


def test_python_tags_are_refused(tmp_path: Path) -> None:
    data, problems = read_yaml(write(tmp_path, "a: !!python/object/apply:os.system [echo hi]\n"))
    assert data is None
    assert "is not plain data" in problems[0].message and problems[0].location.line == 1


def test_one_document_per_file(tmp_path: Path) -> None:
    data, problems = read_yaml(write(tmp_path, "a: 1\n---\nb: 2\n"))
    assert data is None and "single document" in problems[0].message
    assert problems[0].location.line == 2


def test_undefined_alias(tmp_path: Path) -> None:
    data, problems = read_yaml(write(tmp_path, "a: *nowhere\n"))
    assert data is None and "refers to an anchor '&" in problems[0].message


def test_empty_file_is_no_data(tmp_path: Path) -> None:
    assert read_yaml(write(tmp_path, "# only a comment\n")) == (None, [])


def test_null_is_none_but_a_quoted_null_is_text(tmp_path: Path) -> None:
    data, _ = read_yaml(write(tmp_path, "a:\nb: ~\nc: 'null'\nd: null\n"))
    assert data == {"a": None, "b": None, "c": "null", "d": None}
