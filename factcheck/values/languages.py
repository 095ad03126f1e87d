"""Language codes: a desk names languages as BCP 47 tags whose language is ISO 639-1.

``fr``, ``de-CH``, ``zh-Hans`` and ``pt_BR`` are fine; ``english``,
``français``, ``fre`` or ``EN-`` are not, and get the code they most likely
mean. The codes and the languages' names (in English and in the languages of
the newsrooms we know) come from Babel's locale data (CLDR), read on first use.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..suggest import nearest

#: ``xx``, then optional subtags (script, region, variant) of 2 to 8 letters or digits.
_TAG = re.compile(r"([A-Za-z]{2})(?:[-_][A-Za-z0-9]{2,8})*")
#: Languages whose own names for languages are also recognised ("anglais", "Englisch").
_NAMED_IN = ("en", "fr", "de", "es", "it", "pt", "nl", "zh")
#: Three-letter codes (ISO 639-2) a journalist may write for the two-letter one.
_THREE = {
    "eng": "en", "fra": "fr", "fre": "fr", "deu": "de", "ger": "de", "spa": "es", "ita": "it",
    "por": "pt", "nld": "nl", "dut": "nl", "zho": "zh", "chi": "zh", "rus": "ru", "ara": "ar",
    "jpn": "ja", "kor": "ko", "pol": "pl", "tur": "tr", "ukr": "uk", "swe": "sv",
}  # fmt: skip


@lru_cache(maxsize=1)
def codes() -> frozenset[str]:
    """Every ISO 639-1 code CLDR names."""
    from babel import Locale

    return frozenset(k for k in _names(Locale("en")) if len(k) == 2 and k.isalpha())


@lru_cache(maxsize=1)
def _by_name() -> dict[str, str]:
    from babel import Locale

    found: dict[str, str] = {}
    for lang in _NAMED_IN:
        for code, name in _names(Locale(lang)).items():
            if code in codes():
                found.setdefault(name.casefold(), code)
    for code in codes():  # each language's name for itself ("Deutsch", "español")
        try:
            own = Locale(code).get_display_name(code)
        except Exception:  # CLDR has no locale data for a few codes
            continue
        if own:
            found.setdefault(own.casefold(), code)
    return found


def _names(locale: Any) -> dict[str, str]:
    """A locale's names of languages, by code (only text keys and names)."""
    return {k: v for k, v in locale.languages.items() if isinstance(k, str) and isinstance(v, str)}


def language_problem(tag: str) -> tuple[str, str] | None:
    """None when ``tag`` is a language tag we accept, else (message, hint)."""
    match = _TAG.fullmatch(tag.strip())
    if match and match.group(1).lower() in codes():
        return None
    word = tag.strip().casefold()
    code = _THREE.get(word) or _by_name().get(word)
    if code is None and match is None and "-" not in word and "_" not in word:
        near = nearest(word, _by_name(), limit=1)
        code = _by_name()[near[0]] if near else None
    message = f"unknown language '{tag}': languages are ISO 639-1 codes"
    if code:
        return message, f"write '{code}'"
    return message, "write a two-letter code such as en, fr, de or zh"


#: Languages whose dictionary of common words pyspellchecker ships.
DICTIONARIES = ("en", "fr", "de", "es", "it", "pt", "nl", "ru", "ar", "lv", "eu", "fa")


@lru_cache(maxsize=len(DICTIONARIES))
def _dictionary(base: str) -> Any:
    from spellchecker import SpellChecker  # its word lists, read on first use (0.2 s each)

    return SpellChecker(language=base, distance=1)


def is_common_word(word: str, lang: str) -> bool:
    """Whether ``word`` is an ordinary word of ``lang`` ("Chine", "European",
    "Germans"), not a name; False where the language has no dictionary here."""
    base = lang.replace("_", "-").split("-")[0].lower()
    if base not in DICTIONARIES:
        return False
    return word.casefold() in _dictionary(base)
