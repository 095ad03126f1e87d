"""Numbers in quotes, read the way each language writes them.

``read_numbers(quote, lang)`` finds the amounts a quote states: digits with
the language's decimal and grouping marks (Babel's locale data: ``,`` and a
narrow space in French, ``.`` and ``,`` in German, ``’`` in Swiss German),
the scale words that follow (English ``billion`` is 10^9, French and German
``billion`` 10^12; ``milliard``, ``Mrd.``, ``Mio.``, ``bn``, ``k``; Chinese
``万`` 10^4 and ``亿`` 10^8, with Chinese or Arabic digits), small numbers
written as words before a scale word ("cinq milliards"), and the hedge
before them ("près de", "rund", "约"). Years, dates, times and ordinals are
not amounts.

Babel supplies the locale's symbols; the scale words, number words, hedges
and the reading of quotes are ours: no library reads numbers out of running
text (see docs/decisions.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.numbers import get_decimal_symbol, get_group_symbol

#: Languages whose scale words, number words and hedges we know.
LANGUAGES = ("en", "fr", "de", "zh")

_SPACES = " \u00a0\u202f\u2009"
#: Grouping marks accepted in each language besides the locale's own.
_EXTRA_GROUPS = {"en": ",", "fr": _SPACES + ".", "de": _SPACES + ".'’", "zh": ",，"}

_SCALES: dict[str, dict[str, float]] = {
    "en": {"thousand": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "mn": 1e6, "m": 1e6,
           "billion": 1e9, "billions": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12,
           "trillions": 1e12, "tn": 1e12},
    "fr": {"mille": 1e3, "k": 1e3, "million": 1e6, "millions": 1e6, "m": 1e6, "mn": 1e6,
           "milliard": 1e9, "milliards": 1e9, "md": 1e9, "mds": 1e9, "mrd": 1e9, "mrds": 1e9,
           "billion": 1e12, "billions": 1e12},
    "de": {"tausend": 1e3, "tsd": 1e3, "mio": 1e6, "million": 1e6, "millionen": 1e6,
           "mrd": 1e9, "milliarde": 1e9, "milliarden": 1e9, "bio": 1e12, "billion": 1e12,
           "billionen": 1e12},
}  # fmt: skip
_CJK_SCALES = {"千": 1e3, "万": 1e4, "萬": 1e4, "百万": 1e6, "千万": 1e7, "亿": 1e8, "億": 1e8,
               "万亿": 1e12}  # fmt: skip

_WORDS: dict[str, dict[str, float]] = {
    "en": {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100},
    "fr": {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
           "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "quinze": 15,
           "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "cent": 100},
    "de": {"ein": 1, "eine": 1, "einer": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5,
           "sechs": 6, "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12,
           "zwanzig": 20, "dreißig": 30, "vierzig": 40, "fünfzig": 50, "hundert": 100},
}  # fmt: skip

#: The parts number words are made of, for text2num to read: a run of them (joined
#: by spaces, hyphens, "et", "and"; in German, one compound word) is one number.
_NUMBER_PARTS: dict[str, tuple[str, ...]] = {
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
           "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
           "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
           "eighty", "ninety", "hundred", "thousand"),
    "fr": ("zéro", "un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf",
           "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "vingt", "vingts",
           "trente", "quarante", "cinquante", "soixante", "cent", "cents", "mille"),
    "de": ("null", "eins", "ein", "eine", "zwei", "drei", "vier", "fünf", "sechs", "sieben",
           "acht", "neun", "zehn", "elf", "zwölf", "dreizehn", "vierzehn", "fünfzehn",
           "sechzehn", "siebzehn", "achtzehn", "neunzehn", "zwanzig", "dreißig", "vierzig",
           "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig", "hundert", "tausend", "und"),
}  # fmt: skip
_JOINERS = {"en": ("and",), "fr": ("et",), "de": ()}

_HEDGES: dict[str, dict[str, str]] = {
    "en": {"about": "approximate", "around": "approximate", "approximately": "approximate",
           "roughly": "approximate", "some": "approximate", "nearly": "nearly",
           "almost": "nearly", "close to": "nearly", "more than": "more-than",
           "over": "more-than", "at least": "at-least", "no less than": "at-least",
           "up to": "at-most", "at most": "at-most", "less than": "less-than",
           "under": "less-than", "fewer than": "less-than", "exactly": "exact"},
    "fr": {"environ": "approximate", "d'environ": "approximate", "autour de": "approximate",
           "quelque": "approximate", "quelques": "approximate", "approximativement": "approximate",
           "près de": "nearly", "presque": "nearly", "quasiment": "nearly",
           "plus de": "more-than", "plus d'": "more-than", "au moins": "at-least",
           "pas moins de": "at-least", "jusqu'à": "at-most", "au plus": "at-most",
           "moins de": "less-than", "moins d'": "less-than", "exactement": "exact"},
    "de": {"rund": "approximate", "etwa": "approximate", "ungefähr": "approximate",
           "circa": "approximate", "ca.": "approximate", "fast": "nearly", "knapp": "nearly",
           "beinahe": "nearly", "mehr als": "more-than", "über": "more-than",
           "mindestens": "at-least", "bis zu": "at-most", "höchstens": "at-most",
           "weniger als": "less-than", "unter": "less-than", "genau": "exact"},
    "zh": {"约": "approximate", "大约": "approximate", "左右": "approximate", "近": "nearly",
           "将近": "nearly", "接近": "nearly", "超过": "more-than", "逾": "more-than",
           "多于": "more-than", "至少": "at-least", "不少于": "at-least", "不到": "less-than",
           "不足": "less-than", "少于": "less-than", "最多": "at-most"},
}  # fmt: skip

#: Hedges written after the number (and its unit): "10亿美元左右", "100,000 or more".
_HEDGES_AFTER: dict[str, dict[str, str]] = {
    "en": {"or so": "approximate", "or more": "at-least", "or less": "at-most",
           "at least": "at-least", "at most": "at-most"},
    "fr": {"environ": "approximate", "ou plus": "at-least", "au moins": "at-least",
           "au plus": "at-most"},
    "de": {"etwa": "approximate", "ungefähr": "approximate", "oder mehr": "at-least",
           "und mehr": "at-least", "mindestens": "at-least", "höchstens": "at-most"},
    "zh": {"左右": "approximate", "上下": "approximate", "以上": "at-least",
           "以下": "at-most", "多": "more-than", "余": "more-than", "出头": "more-than"},
}  # fmt: skip

_MONTHS = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|"
    "décembre|decembre|january|february|march|april|may|june|july|august|september|october|"
    "november|december|januar|februar|märz|juni|juli|oktober|dezember|jan|feb|mar|apr|jun|jul|"
    "aug|sep|sept|oct|nov|dec"
)
_CJK_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
               "七": 7, "八": 8, "九": 9}  # fmt: skip
_CJK_UNITS = {"十": 10, "百": 100, "千": 1000}


@dataclass(frozen=True, slots=True)
class QuoteNumber:
    """An amount a quote states: its value after scale, the hedge before it, where."""

    value: float
    qualifier: str  # as in values.QUALIFIERS' meanings; "plain" when no hedge
    start: int
    end: int
    text: str


def base_language(lang: str) -> str:
    return lang.replace("_", "-").split("-")[0].lower()


@lru_cache(maxsize=256)
def readable(lang: str) -> bool:
    """Whether quotes in this language (BCP 47) can be read."""
    return base_language(lang) in LANGUAGES


@lru_cache(maxsize=64)
def _symbols(lang: str) -> tuple[str, str]:
    """(decimal mark, grouping marks) of a language, from Babel's locale data."""
    try:
        locale = Locale.parse(lang.replace("-", "_"))
        decimal, group = get_decimal_symbol(locale), get_group_symbol(locale)
    except (UnknownLocaleError, ValueError):
        decimal, group = get_decimal_symbol("en"), get_group_symbol("en")
    groups = "".join(dict.fromkeys(group + _EXTRA_GROUPS.get(base_language(lang), "")))
    return decimal, groups.replace(decimal, "")


@lru_cache(maxsize=64)
def _pattern(lang: str) -> re.Pattern[str]:
    """Numbers, number words and Chinese numerals, with the scale word after them.

    The pattern starts with the number itself (a small set of first
    characters), so the regex engine skips the rest of a quote quickly; the
    hedge before a number is read separately (``_hedge``)."""
    base = base_language(lang)
    decimal, groups = _symbols(lang)
    other_decimal = "." if decimal == "," else ","
    group_class = "[" + re.escape(groups) + "]"
    scales = sorted(_SCALES.get(base, {}), key=len, reverse=True)
    words = sorted(_WORDS.get(base, {}), key=len, reverse=True)
    alternatives = [
        rf"(?P<digits>\d{{1,3}}(?:{group_class}\d{{3}})+(?!\d)(?:{re.escape(decimal)}\d+)?"
        rf"|\d+(?:{re.escape(decimal)}\d+|{re.escape(other_decimal)}(?!\d{{3}}(?!\d))\d+)?)"
    ]
    if words:
        alternatives.append(rf"\b(?P<word>{_word_run(base)})(?=\s|$|[,.;:!?)])")
    if base == "zh":
        alternatives.append("(?P<cjk>[零〇一二两三四五六七八九十百千]+)")
    text = "(?:" + "|".join(alternatives) + ")"
    if scales:
        scale = "|".join(re.escape(s) for s in scales)
        text += rf"(?:[{_SPACES}]?(?P<scale>{scale})(?![^\W\d_])\.?)?"
    text += r"(?:\s*(?P<cjkscale>万亿|百万|千万|[千万萬亿億]))?"
    return re.compile(text, re.IGNORECASE)


def _word_run(base: str) -> str:
    """A number in words: parts of ``_NUMBER_PARTS`` (or a word of ``_WORDS``, such as
    'a' before a scale word), joined as the language joins them."""
    parts = sorted({*_NUMBER_PARTS.get(base, ()), *_WORDS.get(base, {})}, key=len, reverse=True)
    part = "(?:" + "|".join(re.escape(w) for w in parts) + ")"
    if base == "de":  # one compound word: zweihundertfünfzig
        return rf"{part}+(?![^\W\d_])"
    joiners = "".join(rf"(?:\s+{j})?" for j in _JOINERS.get(base, ()))
    return rf"{part}(?![^\W\d_])(?:(?:{joiners}[\s-]+){part}(?![^\W\d_]))*"


def _words_value(run: str, base: str) -> tuple[float, int] | None:
    """The number a run of number words says, and how many parts it has (text2num
    reads it; a single word of ``_WORDS`` such as 'a' is read from there)."""
    word = run.lower()
    if word in _WORDS.get(base, {}):
        return float(_WORDS[base][word]), 1
    from text_to_num import text2num  # reads French, English, German... number words

    text = " ".join(run.replace("-", " ").split())
    try:
        value = float(text2num(text, base))
    except ValueError:
        return None
    return value, len(_parts_pattern(base).findall(word)) or 1


@lru_cache(maxsize=8)
def _parts_pattern(base: str) -> re.Pattern[str]:
    parts = sorted(_NUMBER_PARTS.get(base, ()), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, parts)) or "(?!)")


@lru_cache(maxsize=64)
def _hedge_pattern(lang: str) -> re.Pattern[str] | None:
    hedges = sorted(_HEDGES.get(base_language(lang), {}), key=len, reverse=True)
    if not hedges:
        return None
    alternatives = "|".join(re.escape(h).replace("'", "['’]") for h in hedges)
    # Chinese writes no space between words: a hedge may follow any character
    start = "" if base_language(lang) == "zh" else r"(?:^|(?<=[\s(«\"'’]))"
    return re.compile(rf"{start}(?P<hedge>{alternatives})\s*(?:US\$|[$€£¥])?\s*$", re.IGNORECASE)


@lru_cache(maxsize=64)
def _after_pattern(lang: str) -> re.Pattern[str] | None:
    """A hedge after the number, perhaps after its unit: '10亿美元左右', '5 milliards environ'."""
    base = base_language(lang)
    hedges = sorted(_HEDGES_AFTER.get(base, {}), key=len, reverse=True)
    if not hedges:
        return None
    alternatives = "|".join(re.escape(h) for h in hedges)
    if base == "zh":  # no spaces, and a unit before the hedge is usual
        gap = r"(?:美元|欧元|人民币|元|台|块|张|个|颗|部|片|枚|辆|吨|美金)?"
        return re.compile(rf"(?:{gap})(?P<hedge>{alternatives})")
    return re.compile(
        rf"(?:[\s\u00a0]*(?:[$€£¥%]|[A-Z]{{3}}\b|[^\W\d_]{{1,14}}\.?)){{0,2}}[\s\u00a0,-]*"
        rf"(?P<hedge>{alternatives})(?![^\W\d_])",
        re.IGNORECASE,
    )


_BEFORE = re.compile(r"[0-9A-Za-zÀ-ÿ_.,]$|\d[" + re.escape(_SPACES) + "]$")


def read_numbers(quote: str, lang: str) -> list[QuoteNumber]:
    """Every amount stated in ``quote``; [] for a language that cannot be read."""
    if not readable(lang):
        return []
    base = base_language(lang)
    decimal, groups = _symbols(lang)
    found = []
    hedges = _hedge_pattern(lang)
    for match in _pattern(lang).finditer(quote):
        start = match.start()
        if start and _BEFORE.search(quote, max(0, start - 2), start):
            continue  # inside a word or a longer number: A100, 2023-08
        parts = match.groupdict()
        value: float | None
        if parts.get("word"):
            said = _words_value(parts["word"] or "", base)
            if said is None:
                continue
            value, pieces = said
            if pieces < 2 and not (parts.get("scale") or match["cjkscale"]):
                continue  # "deux nouvelles puces": one word alone is not an amount we check
        else:
            value = _value(parts, base, decimal, groups)
        if value is None or _not_an_amount(quote, match, parts):
            continue
        scale = parts.get("scale")
        if scale:
            value *= _SCALES[base][scale.lower()]
        if match["cjkscale"]:
            value *= _CJK_SCALES[match["cjkscale"]]
        qualifier, begin, end = "plain", start, match.end()
        before = hedges.search(quote, max(0, start - 24), start) if hedges else None
        if before is not None:
            key = before["hedge"].lower().replace("’", "'")
            qualifier, begin = _HEDGES[base].get(key, "plain"), before.start()
        elif (after := _after(quote, end, lang)) is not None:
            qualifier, end = after
        text = quote[begin:end].strip()
        found.append(QuoteNumber(value, qualifier, begin, end, text))
    return found


def _after(quote: str, end: int, lang: str) -> tuple[str, int] | None:
    """The hedge written after a number that ends at ``end``, and where it ends."""
    pattern = _after_pattern(lang)
    found = pattern.match(quote, end, min(len(quote), end + 28)) if pattern else None
    if found is None:
        return None
    return _HEDGES_AFTER[base_language(lang)][found["hedge"].lower()], found.end()


def _value(parts: dict[str, str | None], base: str, decimal: str, groups: str) -> float | None:
    cjk = parts.get("cjk")
    if cjk:
        return _cjk_number(cjk)
    digits = parts.get("digits")
    if digits is None:
        return None
    for mark in groups:
        digits = digits.replace(mark, "")
    digits = digits.replace(decimal, ".").replace(",", ".")
    try:
        return float(digits)
    except ValueError:
        return None


_ORDINAL = re.compile(
    r"(?:(?:er|re|e|ème|eme|st|nd|rd|th)\b|\.(?=\s*(?:" + _MONTHS + r")\b))", re.I
)
_DATE_AFTER = re.compile(r"[\s\u00a0]*(?:" + _MONTHS + r")\b|[-/:]\d|年|月|日|号|時|时", re.I)
_MONEY_AFTER = re.compile(r"[\s\u00a0]*(?:[$€£¥%]|[A-Z]{3}\b)")
_DATE_BEFORE = re.compile(r"(?:\d[-/:]|(?:" + _MONTHS + r")\.?[\s\u00a0]*)$", re.I)


def _not_an_amount(quote: str, match: re.Match[str], parts: dict[str, str | None]) -> bool:
    """Years, dates, times and ordinals."""
    if parts.get("scale") or parts.get("cjkscale"):
        return False
    end, start = match.end(), match.start()
    after = quote[end : end + 12]
    digits = parts.get("digits")
    if digits and len(digits) == 4 and digits.isdigit() and 1800 <= int(digits) <= 2199:
        return not _MONEY_AFTER.match(after)  # a year, unless "2000 $"
    if after and (_ORDINAL.match(after) or _DATE_AFTER.match(after)):
        return True
    return start > 0 and _DATE_BEFORE.search(quote, max(0, start - 12), start) is not None


def _cjk_number(text: str) -> float | None:
    """Chinese numerals below ten thousand: 三, 十二, 两千五百, 一〇〇."""
    if all(ch in _CJK_DIGITS for ch in text):  # digit by digit: 一〇〇 = 100
        return float("".join(str(_CJK_DIGITS[ch]) for ch in text))
    total, digit = 0, 0
    for ch in text:
        if ch in _CJK_DIGITS:
            digit = _CJK_DIGITS[ch]
        elif ch in _CJK_UNITS:
            total += (digit or 1) * _CJK_UNITS[ch]
            digit = 0
        else:
            return None
    return float(total + digit)
