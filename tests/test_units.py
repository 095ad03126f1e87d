from __future__ import annotations

import pytest

from factcheck.errors import ValueSyntaxError
from factcheck.values.units import UnitBook, combine, fit


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
    assert UnitBook().factor("MWh", "GWh") == pytest.approx(1e-3)
    assert UnitBook().factor("USD", "USD") == 1.0


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
    book = UnitBook()
    with pytest.raises(ValueSyntaxError) as info:
        book.add("m", "count")
    assert info.value.message.startswith("'m' is already a unit")
    with pytest.raises(ValueSyntaxError):
        book.add("USD", "count")
    book.add("GPU", "count")
    book.add("GPU", "count")  # the same definition twice is harmless


def test_each_book_owns_its_units() -> None:
    counts, money = UnitBook(), UnitBook()
    counts.add("widget", "count")
    money.add("widget", "currency")
    assert counts.parse("widget").dims == (("[count_widget]", 1),)
    assert money.parse("widget").dims == (("[currency_widget]", 1),)
    assert money.is_currency("widget") and not counts.is_currency("widget")
    with pytest.raises(ValueSyntaxError):  # a third book never saw either
        UnitBook().parse("widget")
