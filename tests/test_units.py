from __future__ import annotations

import pytest

from factcheck.errors import ValueSyntaxError
from factcheck.units import UnitBook, combine, define_unit, factor, fit


@pytest.fixture
def book() -> UnitBook:
    book = UnitBook()
    book.add("GPU", "count", ("GPUs", "accelerator"))
    return book


def test_each_currency_is_its_own_dimension(book: UnitBook) -> None:
    usd, eur = book.parse("USD"), book.parse("EUR")
    assert usd.dims != eur.dims
    assert fit(usd, book.parse("currency")) == "USD"
    assert fit(eur, book.parse("currency")) == "EUR"
    assert fit(usd, book.parse("EUR")) is None


def test_each_count_unit_is_its_own_dimension(book: UnitBook) -> None:
    assert book.parse("GPUs") == book.parse("GPU")
    assert book.parse("accelerator").dims == book.parse("GPU").dims
    assert book.parse("GPU").dims != book.parse("people").dims
    assert fit(book.parse("GPU"), book.parse("percent")) is None
    assert book.parse("unit").dims == (("[count_unit]", 1),)  # not pint's micro-nit


def test_signs_and_compound_units(book: UnitBook) -> None:
    assert book.parse("$").currencies == ("USD",)
    assert book.parse("€").currencies == ("EUR",)
    assert book.parse("¥").currencies == ("CNY",)
    per = book.parse("USD per GPU")
    assert per == book.parse("USD/GPU")
    assert fit(per, book.parse("currency/GPU")) == "USD"
    assert fit(book.parse("USD*GPU"), book.parse("currency/GPU")) is None


def test_conversion_factors() -> None:
    assert factor("MWh", "GWh") == pytest.approx(1e-3)
    assert factor("USD", "USD") == 1.0


def test_relations_combine_dimensions(book: UnitBook) -> None:
    spend, units, price = book.parse("currency"), book.parse("GPU"), book.parse("currency/GPU")
    assert combine(units, "*", price) == spend.dims
    assert combine(spend, "/", units) == price.dims
    assert combine(spend, "+", units) is None


def test_unknown_units_suggest(book: UnitBook) -> None:
    with pytest.raises(ValueSyntaxError) as info:
        book.parse("GPUz")
    assert info.value.message == "unknown unit 'GPUz'"
    assert "'GPU'" in info.value.hint


def test_a_desk_cannot_redefine_a_known_unit() -> None:
    with pytest.raises(ValueSyntaxError) as info:
        define_unit("m", "count")
    assert info.value.message.startswith("'m' is already a unit")
    with pytest.raises(ValueSyntaxError):
        define_unit("USD", "count")
    define_unit("GPU", "count")  # the same definition twice is harmless
