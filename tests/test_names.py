from __future__ import annotations

import pytest

from factcheck.desk.names import Names, UnknownName
from factcheck.errors import Location


@pytest.fixture
def names() -> Names:
    found = Names("entity")
    found.add("voltaris", Location("w.yaml", 1, 1), aliases=("Voltaris SA",), name="Voltaris")
    found.add("bytedance", Location("w.yaml", 2, 1), aliases=("字节跳动",), name="ByteDance")
    return found


def test_resolution_by_id_alias_and_case(names: Names) -> None:
    assert names.resolve("voltaris") == "voltaris"
    assert names.resolve("Voltaris SA") == "voltaris"
    assert names.resolve("字节跳动") == "bytedance"
    assert names.resolve("BYTEDANCE") == "bytedance"
    assert names.resolve("voltaris sa") == "voltaris"


def test_unknown_name_suggests_the_nearest(names: Names) -> None:
    with pytest.raises(UnknownName) as info:
        names.resolve("Voltaries", "subject")
    assert (info.value.message, info.value.hint) == (
        "unknown subject 'Voltaries'",
        "did you mean 'voltaris'?",
    )
    with pytest.raises(UnknownName) as info:
        names.resolve("zzzz")
    assert info.value.hint == "declare it under 'entities:'"


def test_a_duplicate_returns_the_first_place(names: Names) -> None:
    assert names.add("voltaris", Location("x.yaml", 9, 1)) == Location("w.yaml", 1, 1)


def test_an_ambiguous_name_is_an_error() -> None:
    names = Names("source")
    names.add("ft", Location("s", 1, 1), name="Times")
    names.add("nyt", Location("s", 2, 1), name="times")
    with pytest.raises(UnknownName) as info:
        names.resolve("TIMES")
    assert info.value.message == "source 'TIMES' could be 'ft', 'nyt'"
