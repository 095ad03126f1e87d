"""The package's one pint registry, and units as a desk writes them.

- Every currency is its own dimension (``USD = [currency_USD]``): pint can
  never convert dollars to euros, so no rate is ever applied silently.
- Every count unit is its own dimension too (``GPU = [count_GPU]``): GPUs do
  not add to people or to percentages.
- ``currency`` is a placeholder dimension used only in metric definitions
  (``unit: currency/GPU``); a value fits it with any one currency.
- Unit expressions are cached: pint's string parser is slow, a desk repeats
  the same few units, and the desk's own aliases are applied first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import pint
from rapidfuzz import process

from .errors import ValueSyntaxError

REGISTRY: Any = pint.UnitRegistry(cache_folder=None)

#: ISO 4217 codes known without a declaration (a desk may declare others).
# fmt: off
CURRENCIES = (
    "USD", "EUR", "CNY", "JPY", "GBP", "CHF", "CAD", "AUD", "NZD", "HKD", "TWD", "KRW", "INR",
    "RUB", "BRL", "MXN", "SGD", "SEK", "NOK", "DKK", "PLN", "CZK", "HUF", "TRY", "ZAR", "ILS",
    "AED", "SAR", "THB", "IDR", "MYR", "PHP", "VND", "NGN", "EGP", "ARS", "CLP", "COP", "UAH",
)
# fmt: on

#: Currency signs and common names, read as the code they stand for.
#: ``$`` is the US dollar and ``¥`` the Chinese yuan (see docs/decisions.md).
CURRENCY_SIGNS = {
    "US$": "USD", "$": "USD", "€": "EUR", "¥": "CNY", "CN¥": "CNY", "RMB": "CNY",
    "yuan": "CNY", "JP¥": "JPY", "yen": "JPY", "£": "GBP", "HK$": "HKD", "C$": "CAD",
    "CA$": "CAD", "A$": "AUD", "AU$": "AUD", "NZ$": "NZD", "S$": "SGD", "NT$": "TWD",
    "₩": "KRW", "₹": "INR", "₽": "RUB", "R$": "BRL", "euro": "EUR", "euros": "EUR",
}  # fmt: skip

#: Count units known without a declaration, and their spellings.
COUNT_UNITS = {"unit": ("units",), "item": ("items",), "person": ("persons", "people")}

_ATOM = re.compile(r"\s*(\*\*|\^|[*/·()]|per\b|[^\s*/^()·]+)")
_defined: dict[str, str] = {}  # names this package defined -> their kind


def _define(name: str, kind: str) -> None:
    dimension = "currency" if name == "currency" else f"{kind}_{name}"
    REGISTRY.define(f"{name} = [{dimension}]")
    _defined[name] = kind


_define("currency", "currency")
for _code in CURRENCIES:
    _define(_code, "currency")
for _name in COUNT_UNITS:
    _define(_name, "count")


def is_currency(name: str) -> bool:
    """Whether a unit name is a currency (built in, or declared by a desk)."""
    return _defined.get(name) == "currency" and name != "currency"


def define_unit(name: str, kind: str) -> None:
    """Make a desk's own count unit or currency known to the registry.

    Defining the same name with the same kind twice is harmless (two desks
    declaring ``GPU``); a name pint already knows otherwise is refused.
    """
    if _defined.get(name) == kind:
        return
    if name in _defined:
        raise ValueSyntaxError(f"'{name}' is already a {_defined[name]} unit")
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise ValueSyntaxError(
            f"'{name}' cannot be a unit name", "use letters, digits and '_' only"
        )
    if name in REGISTRY:
        meaning = REGISTRY.get_name(name)
        raise ValueSyntaxError(
            f"'{name}' is already a unit ({meaning})",
            "pick another name and list the word among its aliases",
        )
    _define(name, kind)


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit expression, resolved: its short form and its dimensions."""

    text: str  # canonical short form, e.g. "USD / GPU", "GWh", "%"
    dims: tuple[tuple[str, int], ...]

    @property
    def currencies(self) -> tuple[str, ...]:
        return tuple(d[10:-1] for d, _ in self.dims if d.startswith("[currency_"))


DIMENSIONLESS = Unit("", ())


@lru_cache(maxsize=4096)
def _pint_unit(expression: str) -> Unit:
    unit = REGISTRY.parse_units(expression)
    dims = tuple(sorted((str(k), int(v)) for k, v in unit.dimensionality.items()))
    return Unit(format(unit, "~"), dims)


class UnitBook:
    """A desk's view of units: the shared registry plus its own aliases."""

    def __init__(self) -> None:
        self.aliases: dict[str, str] = dict(CURRENCY_SIGNS)
        for name, spellings in COUNT_UNITS.items():
            for spelling in spellings:
                self.aliases[spelling] = name
        self._cache: dict[str, Unit] = {}

    def add(self, name: str, kind: str, aliases: tuple[str, ...] = ()) -> None:
        define_unit(name, kind)
        for alias in aliases:
            self.aliases[alias] = name
        self._cache.clear()

    def parse(self, text: str) -> Unit:
        """Resolve a unit expression such as ``USD/GPU`` or ``GPUs``."""
        found = self._cache.get(text)
        if found is None:
            found = self._cache[text] = self._parse(text)
        return found

    def _parse(self, text: str) -> Unit:
        stripped = text.strip()
        if not stripped:
            return DIMENSIONLESS
        parts: list[str] = []
        position = 0
        while position < len(stripped):
            match = _ATOM.match(stripped, position)
            if match is None:  # pragma: no cover - the pattern matches any non-space
                break
            atom = match.group(1)
            position = match.end()
            if atom == "per":
                parts.append("/")
            elif atom == "·":
                parts.append("*")
            elif atom == "^":
                parts.append("**")
            elif atom in "*/()" or atom == "**" or atom.lstrip("-").isdigit():
                parts.append(atom)
            else:
                parts.append(self._atom(atom, stripped))
        expression = " ".join(parts)
        try:
            return _pint_unit(expression)
        except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError) as exc:
            raise ValueSyntaxError(f"unknown unit in '{stripped}'") from exc
        except Exception as exc:  # pint raises many kinds on odd input
            raise ValueSyntaxError(f"cannot read unit '{stripped}'") from exc

    def _atom(self, atom: str, whole: str) -> str:
        name = self.aliases.get(atom, atom)
        try:
            known = name in REGISTRY
        except Exception:  # pint's parser asserts on some symbols ('=')
            known = False
        if known:
            return name
        if name == atom and atom.endswith("s") and atom[:-1] in self.aliases:
            return self.aliases[atom[:-1]]
        raise ValueSyntaxError(f"unknown unit '{atom}'", self.suggest(atom))

    def suggest(self, word: str) -> str:
        known = sorted({*self.aliases, *_defined} - {"currency"})
        matches = process.extract(word, known, limit=3, score_cutoff=60)
        if not matches:
            return "declare it under 'units:' (kind: count or currency)"
        names = " or ".join(f"'{m[0]}'" for m in matches)
        return f"did you mean {names}? Otherwise declare it under 'units:'"


def fit(value: Unit, metric: Unit) -> str | None:
    """Whether a value's unit fits a metric's: the currency it uses ('' if
    none), or None when the dimensions differ.

    ``[currency]`` in the metric matches exactly one currency in the value,
    with the same exponent.
    """
    wanted = dict(metric.dims)
    have = dict(value.dims)
    exponent = wanted.pop("[currency]", 0)
    currency = ""
    if exponent:
        found = [(d, e) for d, e in have.items() if d.startswith("[currency_")]
        if len(found) != 1 or found[0][1] != exponent:
            return None
        dimension, _ = found[0]
        del have[dimension]
        currency = dimension[10:-1]
    return currency if have == wanted else None


def concrete(metric_unit: str, currency: str) -> str:
    """The metric's unit with its ``currency`` placeholder made concrete."""
    return re.sub(r"\bcurrency\b", currency, metric_unit) if currency else metric_unit


@lru_cache(maxsize=65536)
def factor(source: str, target: str) -> float:
    """Multiply a magnitude in ``source`` units by this to get ``target`` units."""
    if source == target:
        return 1.0
    return float(REGISTRY.Quantity(1.0, source or "dimensionless").to(target or "dimensionless").m)


def combine(left: Unit, op: str, right: Unit) -> tuple[tuple[str, int], ...] | None:
    """Dimensions of ``left op right``; None when ``+``/``-`` mixes dimensions."""
    if op in "+-":
        return left.dims if left.dims == right.dims else None
    sign = 1 if op == "*" else -1
    dims = dict(left.dims)
    for name, exponent in right.dims:
        dims[name] = dims.get(name, 0) + sign * exponent
        if dims[name] == 0:
            del dims[name]
    return tuple(sorted(dims.items()))
