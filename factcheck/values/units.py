"""Units as a desk writes them, resolved by pint in a registry each desk owns.

- Every currency is its own dimension (``USD = [currency_USD]``): pint can
  never convert dollars to euros, so no rate is ever applied silently.
- Every count unit is its own dimension too (``GPU = [count_GPU]``): GPUs do
  not add to people or to percentages.
- ``currency`` is a placeholder dimension used only in metric definitions
  (``unit: currency/GPU``); a value fits it with any one currency.
- Unit expressions are cached per desk: pint's string parser is slow, a desk
  repeats the same few units, and the desk's own aliases are applied first.
- pint is imported, and its registry built, on first use: commands that read
  no value (``--version``, ``--help``) do not pay for it.
"""

from __future__ import annotations

import copy
import re
import shutil
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..caches import folder
from ..errors import ValueSyntaxError
from ..suggest import did_you_mean

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

#: Currency words that name more than one currency (which dollar?) or are spelt many
#: ways: not read, but the message says which code to write.
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "usd": "USD", "us-dollar": "USD", "us-dollars": "USD",
    "euro": "EUR", "euros": "EUR", "eur": "EUR", "pound": "GBP", "pounds": "GBP",
    "sterling": "GBP", "livre": "GBP", "livres": "GBP", "pfund": "GBP", "franc": "CHF",
    "francs": "CHF", "franken": "CHF", "yuan": "CNY", "yuans": "CNY", "renminbi": "CNY",
    "rmb": "CNY", "元": "CNY", "yen": "JPY", "円": "JPY", "won": "KRW", "rupee": "INR",
    "rupees": "INR", "rouble": "RUB", "roubles": "RUB", "ruble": "RUB", "rubles": "RUB",
    "rubel": "RUB", "real": "BRL", "reais": "BRL",
}  # fmt: skip


def currency_hint(word: str) -> str:
    """The code to write for a currency in words ('dollars', 'Euro'), or ''."""
    code = CURRENCY_WORDS.get(word.strip().casefold())
    if code == "USD":
        return "write the currency's code: USD for US dollars (CAD, AUD, HKD... for others)"
    return f"write the currency's code: {code}" if code else ""


#: Count units known without a declaration, and their spellings.
COUNT_UNITS = {"unit": ("units",), "item": ("items",), "person": ("persons", "people")}

MAX_UNIT_LENGTH = 64  # characters in one unit expression
MAX_EXPONENT = 12  # the largest power a unit may be raised to (m**3, s**-2)
MAX_UNIT_DEPTH = 4  # brackets inside one another in a unit

_INTEGER = re.compile(r"-?[0-9]+")
_ATOM = re.compile(r"\s*(\*\*|\^|[*/·()]|per\b|[^\s*/^()·]+)")
#: Units every desk knows: the placeholder ``currency``, the currencies, the count units.
BUILT_IN: dict[str, str] = {
    "currency": "currency",
    **{code: "currency" for code in CURRENCIES},
    **{name: "count" for name in COUNT_UNITS},
}


def _definition(name: str, kind: str) -> str:
    dimension = "currency" if name == "currency" else f"{kind}_{name}"
    return f"{name} = [{dimension}]"


@cache
def _base_registry() -> Any:
    """pint's units plus the built-in currencies and count units, built once per
    process on first use and never changed afterwards: desks that declare units
    of their own define them in a copy (see ``UnitBook``)."""
    import pint

    registry: Any = None
    cached = folder("pint")  # pint's parsed definitions, keyed by their content and version
    for attempt in range(2 if cached is not None else 0):
        try:
            registry = pint.UnitRegistry(cache_folder=cached)
            break
        except Exception:  # an entry that cannot be read: made again once, else no cache
            if attempt == 0:
                shutil.rmtree(cached, ignore_errors=True)  # type: ignore[arg-type]
    if registry is None:
        registry = pint.UnitRegistry(cache_folder=None)
    for name, kind in BUILT_IN.items():
        registry.define(_definition(name, kind))
    return registry


@dataclass(frozen=True, slots=True)
class Unit:
    """A unit expression, resolved: its short form and its dimensions."""

    text: str  # canonical short form, e.g. "USD / GPU", "GWh", "%"
    dims: tuple[tuple[str, int], ...]

    @property
    def currencies(self) -> tuple[str, ...]:
        return tuple(d[10:-1] for d, _ in self.dims if d.startswith("[currency_"))


DIMENSIONLESS = Unit("", ())


class UnitBook:
    """A desk's units: the shared base registry, the units the desk declares, and
    its spellings (aliases).

    Each desk owns its book, so two desks may give one name different meanings
    (``widget`` a count in one, a currency in the other) in one process. A book
    reads the shared base registry until its desk declares a unit; it then
    defines it in a copy of its own (pint supports ``deepcopy`` of a registry:
    35 ms, against 165 ms for a fresh registry; see docs/performance.md).
    """

    def __init__(self) -> None:
        self.aliases: dict[str, str] = dict(CURRENCY_SIGNS)
        for name, spellings in COUNT_UNITS.items():
            for spelling in spellings:
                self.aliases[spelling] = name
        self.kinds: dict[str, str] = dict(BUILT_IN)  # names defined here -> their kind
        self._registry: Any = None  # the base registry, or this desk's copy of it
        self._own = False  # whether ``_registry`` is this desk's copy
        self._cache: dict[str, Unit] = {}
        self._units: dict[str, Unit] = {}  # pint expression -> Unit
        self._factors: dict[tuple[str, str], float] = {}

    @property
    def registry(self) -> Any:
        if self._registry is None:
            self._registry = _base_registry()
        return self._registry

    def is_currency(self, name: str) -> bool:
        """Whether a unit name is a currency (built in, or declared by this desk)."""
        return self.kinds.get(name) == "currency" and name != "currency"

    def currency_of(self, unit_text: str) -> str:
        """The currency a unit such as ``USD / GPU`` is in ('' when none)."""
        words = unit_text.replace("/", " ").replace("*", " ").split()
        return next((w for w in words if self.is_currency(w)), "")

    def add(self, name: str, kind: str, aliases: tuple[str, ...] = ()) -> None:
        """Make a desk's own count unit or currency known, with its spellings.

        Declaring a built-in name with its own kind is harmless (``USD`` as a
        currency); a name pint already knows otherwise is refused.
        """
        self._define(name, kind)
        for alias in aliases:
            self.aliases[alias] = name
        self._cache.clear()

    def _define(self, name: str, kind: str) -> None:
        if self.kinds.get(name) == kind:
            return
        if name in self.kinds:
            raise ValueSyntaxError(f"'{name}' is already a {self.kinds[name]} unit")
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise ValueSyntaxError(
                f"'{name}' cannot be a unit name", "use letters, digits and '_' only"
            )
        if name in self.registry:
            meaning = self.registry.get_name(name)
            raise ValueSyntaxError(
                f"'{name}' is already a unit ({meaning})",
                "pick another name and list the word among its aliases",
            )
        if not self._own:
            self._registry, self._own = copy.deepcopy(self.registry), True
            self._units.clear()
            self._factors.clear()
        self._registry.define(_definition(name, kind))
        self.kinds[name] = kind

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
        if len(stripped) > MAX_UNIT_LENGTH:
            raise ValueSyntaxError(
                f"the unit '{stripped[:20]}…' is {len(stripped)} characters long, "
                f"over the limit of {MAX_UNIT_LENGTH}",
                "write a unit such as USD, GWh or USD/GPU",
            )
        parts: list[str] = []
        position = 0
        depth = 0
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
            elif atom in ("^", "**"):
                if parts and _INTEGER.fullmatch(parts[-1]) and parts[-2:-1] == ["**"]:
                    raise ValueSyntaxError(
                        f"unit '{stripped}': a power of a power", "write one exponent"
                    )
                parts.append("**")
            elif _INTEGER.fullmatch(atom):  # ASCII digits only: '²' is a digit to Python
                if parts[-1:] == ["**"] and abs(int(atom)) > MAX_EXPONENT:
                    raise ValueSyntaxError(
                        f"unit '{stripped}': the exponent {atom} is beyond ±{MAX_EXPONENT}"
                    )
                parts.append(atom)
            elif atom in "*/()":
                depth += {"(": 1, ")": -1}.get(atom, 0)
                if depth > MAX_UNIT_DEPTH:
                    raise ValueSyntaxError(
                        f"unit '{stripped}': brackets nested over {MAX_UNIT_DEPTH} deep"
                    )
                parts.append(atom)
            else:
                parts.append(self._atom(atom, stripped))
        expression = " ".join(parts)
        import pint

        try:
            return self._pint_unit(expression)
        except (pint.errors.UndefinedUnitError, pint.errors.DefinitionSyntaxError) as exc:
            raise ValueSyntaxError(f"unknown unit in '{stripped}'") from exc
        except Exception as exc:  # pint raises many kinds on odd input
            raise ValueSyntaxError(f"cannot read unit '{stripped}'") from exc

    def _pint_unit(self, expression: str) -> Unit:
        found = self._units.get(expression)
        if found is None:
            unit = self.registry.parse_units(expression)
            dims = tuple(sorted((str(k), int(v)) for k, v in unit.dimensionality.items()))
            found = self._units[expression] = Unit(format(unit, "~"), dims)
        return found

    def _atom(self, atom: str, whole: str) -> str:
        name = self.aliases.get(atom, atom)
        try:
            known = name in self.registry
        except Exception:  # pint's parser asserts on some symbols ('=')
            known = False
        if known:
            return name
        if name == atom and atom.endswith("s") and atom[:-1] in self.aliases:
            return self.aliases[atom[:-1]]
        phrase = "-".join(whole.split())  # "US dollars": a currency in words
        if phrase.casefold() in CURRENCY_WORDS:
            raise ValueSyntaxError(f"unknown unit '{whole}'", self.suggest(phrase))
        raise ValueSyntaxError(f"unknown unit '{atom}'", self.suggest(atom))

    def suggest(self, word: str) -> str:
        hint = currency_hint(word)
        if hint:
            return hint
        known = sorted({*self.aliases, *self.kinds} - {"currency"})
        return did_you_mean(
            word,
            known,
            otherwise="declare it under 'units:' (kind: count or currency)",
            tail=" Otherwise declare it under 'units:'",
        )

    def factor(self, source: str, target: str) -> float:
        """Multiply a magnitude in ``source`` units by this to get ``target`` units."""
        if source == target:
            return 1.0
        key = (source, target)
        found = self._factors.get(key)
        if found is None:
            found = self._factors[key] = self._factor(source, target)
        return found

    def _factor(self, source: str, target: str) -> float:
        quantity = self.registry.Quantity
        try:
            zero = float(quantity(0.0, source or "dimensionless").to(target or "dimensionless").m)
            one = float(quantity(1.0, source or "dimensionless").to(target or "dimensionless").m)
        except Exception as exc:  # pint refuses some offset arithmetic outright
            raise ValueSyntaxError(f"cannot convert {source} to {target}") from exc
        if zero != 0.0:  # °F to °C, K to °C: another zero point, not a factor
            raise ValueSyntaxError(
                f"cannot convert {source} to {target}: the two scales have different "
                "zero points, and factcheck does not convert between them",
                f"write the value in {target}",
            )
        return one


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
