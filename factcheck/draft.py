"""A draft article file: one claim per figure of an article's text, to be checked by hand.

``draft(desk, text, article)`` finds every amount the text states, in its
language (the quote reader of ``factcheck.values.quote_numbers``: digits
with the language's marks, numbers in words, scale words, hedges before and
after), and writes one claim for each:

- ``quote``: the clause around the figure, verbatim (the sentence when the
  clause is too short to stand alone);
- ``value``: the figure with its hedge and unit, in the value grammar
  ("about 25 billion USD"); a currency is read from its sign or word next
  to the figure, another unit from the desk's units and their aliases;
- ``subject``, ``source`` and ``metric``: the desk's ids whose names or
  aliases the sentence holds, and the metric whose unit fits the value;
- ``period``: a year the sentence names.

What could not be told is written ``"TODO: …"`` with what is known (the
candidates), which ``factcheck validate`` lists as a problem at its line
until a journalist fills it in. The draft is YAML a journalist edits: every
string is written as a JSON string (valid YAML, any character escaped).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from .desk.fields import TODO_MARK as TODO
from .desk.model import Desk
from .values.quote_numbers import QuoteNumber, read_numbers
from .values.units import CURRENCY_SIGNS, CURRENCY_WORDS

#: Our qualifier words for the meanings the quote reader finds.
_HEDGE_WORDS = {
    "plain": "", "approximate": "about", "nearly": "nearly", "more-than": "more than",
    "at-least": "at least", "at-most": "at most", "less-than": "less than", "exact": "exactly",
}  # fmt: skip
#: Where a sentence ends: . ! ? before a space or the end (not the point of 2.5),
#: the Chinese stops and semicolons, or a line break.
_SENTENCE_END = re.compile(r"[.!?]+(?=\s|$)|[。！？;；]+|\n")
_CLAUSE_BREAKS = re.compile(r"[,，:：—–()«»\"“”]")
_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
#: A clause shorter than this many words is quoted with its whole sentence.
MIN_QUOTE_WORDS = 6
_CJK_CURRENCIES = {"美元": "USD", "美金": "USD", "欧元": "EUR", "人民币": "CNY", "元": "CNY",
                   "日元": "JPY", "英镑": "GBP"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Article:
    """What the journalist says of the article (the command's options)."""

    id: str
    outlet: str
    published: str
    language: str
    url: str = ""


#: Control characters (a terminal's escape sequences, NUL): a quote never holds them.
_CONTROLS = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def draft(desk: Desk, text: str, article: Article) -> str:
    """The YAML text of a new article file for ``text`` (control characters, and the
    escape sequences they start, taken out first: no figure is read from them)."""
    text = _CONTROLS.sub(" ", text)
    lines = [
        "# Drafted by 'factcheck new' from the article's text: check every claim against",
        "# the article, fill each TODO, delete the claims the desk does not need, then",
        "# run 'factcheck validate'.",
        "",
        "article:",
        f"  id: {_string(article.id)}",
        f"  outlet: {_string(article.outlet or f'{TODO}: the source that published it')}",
        f"  published: {_string(article.published or f'{TODO}: YYYY-MM or YYYY-MM-DD')}",
        f"  language: {_string(article.language)}",
    ]
    if article.url:
        lines.append(f"  url: {_string(article.url)}")
    lines += ["", "claims:"]
    count = 0
    for sentence in _sentences(text):
        for number in read_numbers(sentence, article.language):
            count += 1
            lines += _claim(desk, article, sentence, number, f"{article.id}-{count}")
    if count == 0:
        lines[-1] = "claims: []  # no figure found in the text"
    return "\n".join(lines) + "\n"


def _claim(
    desk: Desk, article: Article, sentence: str, number: QuoteNumber, ident: str
) -> list[str]:
    quote = _quote(sentence, number)
    value = _value(desk, sentence, number, article.language)
    subject = _named(sentence, ((e.id, (e.id, e.name, *e.aliases)) for e in desk.entities.values()))
    source = _named(sentence, ((s.id, (s.id, s.name, *s.aliases)) for s in desk.sources.values()))
    period = sorted(set(_YEAR.findall(sentence)) - {_year_in(number)})
    fields = [
        ("id", ident),
        ("source", source[0] if len(source) == 1 else _todo("who says it", source, "the outlet")),
        ("subject", subject[0] if len(subject) == 1 else _todo("what it is about", subject)),
        ("metric", _metric(desk, value)),
        ("period", period[0] if len(period) == 1 else _todo("when", period)),
        ("value", value),
        ("quote", quote),
    ]
    out = [f"  - {fields[0][0]}: {_string(fields[0][1])}"]
    out += [f"    {key}: {_string(text)}" for key, text in fields[1:]]
    return [*out, ""]


def _sentences(text: str) -> Iterable[str]:
    start = 0
    for end in [*(m.end() for m in _SENTENCE_END.finditer(text)), len(text)]:
        sentence = " ".join(text[start:end].split())
        start = end
        if sentence:
            yield sentence


def _quote(sentence: str, number: QuoteNumber) -> str:
    """The clause of ``sentence`` around the figure, or the sentence when it is short."""
    starts = [0, *(m.end() for m in _CLAUSE_BREAKS.finditer(sentence, 0, number.start))]
    after = _CLAUSE_BREAKS.search(sentence, number.end)
    clause = sentence[starts[-1] : after.start() if after else len(sentence)].strip(" .;")
    if _words(clause) < MIN_QUOTE_WORDS:
        return sentence.strip()
    return clause


def _words(text: str) -> int:
    """Words in ``text``; in Chinese, which writes none apart, two characters a word."""
    return len(_CJK.findall(text)) // 2 + len(_CJK.sub(" ", text).split())


def _year_in(number: QuoteNumber) -> str:
    found = _YEAR.search(number.text)
    return found.group() if found else ""


#: "15,50 Euro pro Dosis", "10,000 dollars per GPU": a price, per a unit.
_PER = re.compile(r"\s*(?:per|pro|par|je|每)\s*([^\W\d_][\w-]*)", re.I)
_PER_BEFORE = re.compile(r"(?:^|\s)(?:per|pro|par|je)\s+[^\W\d_][\w-]*\b[^.]*$", re.I)


def _value(desk: Desk, sentence: str, number: QuoteNumber, lang: str) -> str:
    hedge = _HEDGE_WORDS.get(number.qualifier, "")
    amount = " ".join(p for p in (hedge, _figure(number.value)) if p)
    unit = _unit(desk, sentence, number)
    if not unit:
        counts = {k for k, kind in desk.units.kinds.items() if kind == "count"}
        used = {u for m in desk.metrics.values() for u in m.unit.text.replace(" ", "").split("/")}
        known = sorted((counts | used) - {"currency", ""})
        return f"{TODO}: the unit of {amount}" + (f" (one of {', '.join(known)})" if known else "")
    if desk.units.kinds.get(unit) != "currency":
        return f"{amount} {unit}"
    per = _per(desk, sentence, number)
    if per is None:
        return f"{amount} {unit}"
    if per:
        return f"{amount} {unit}/{per}"
    prices = sorted(
        m.unit.text.replace(" ", "") for m in desk.metrics.values() if "/" in m.unit.text
    )
    listed = ", ".join(p.replace("currency", unit) for p in prices)
    return f"{TODO}: the unit of {amount} {unit} per ..." + (
        f" (one of {listed})" if listed else ""
    )


def _per(desk: Desk, sentence: str, number: QuoteNumber) -> str | None:
    """What a money figure is per: a unit of the desk ('10,000 dollars per GPU'), '' when
    a 'per' names no unit it knows ('pro Dosis' before or after the figure), None when
    the sentence says no 'per' next to the figure."""
    after = re.sub(r"^\s*[^\W\d_]+\.?", "", sentence[number.end : number.end + 40])  # 'Euro'
    found = _PER.match(after)
    if found is None:
        return (
            "" if _PER_BEFORE.search(sentence[max(0, number.start - 40) : number.start]) else None
        )
    word = found.group(1)
    book = desk.units
    if word in book.aliases:
        return str(book.aliases[word])
    return word if book.kinds.get(word) == "count" else ""


def _figure(value: float) -> str:
    """25000000000.0 -> '25 billion'; 1234.5 -> '1,234.5'."""
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"{value / scale:.6g} {word}"
    return f"{value:,.6g}" if value != int(value) else f"{int(value):,}"


def _unit(desk: Desk, sentence: str, number: QuoteNumber) -> str:
    """The unit written next to the figure: a currency sign or word, or a unit of the
    desk (its id or an alias) among the two words after the figure."""
    before = sentence[max(0, number.start - 4) : number.start]
    for sign in sorted(CURRENCY_SIGNS, key=len, reverse=True):
        if sign in number.text or before.rstrip().endswith(sign):
            return CURRENCY_SIGNS[sign]
    after = sentence[number.end : number.end + 40]
    for word, code in _CJK_CURRENCIES.items():
        if after.startswith(word) or word in number.text:
            return code
    words: list[str] = re.findall(r"[^\W\d_][\w'’.-]*", after)[:3]
    book = desk.units
    for word in words:
        bare = word.rsplit("'", 1)[-1].rsplit("’", 1)[-1].strip(".")  # d'euros -> euros
        folded = bare.casefold()
        if folded in CURRENCY_WORDS:
            return str(CURRENCY_WORDS[folded])
        if bare in CURRENCY_SIGNS:
            return str(CURRENCY_SIGNS[bare])
        if bare.upper() in book.kinds and book.kinds[bare.upper()] == "currency":
            return bare.upper()
        if bare in book.aliases:
            return str(book.aliases[bare])
        if bare in book.kinds and bare != "currency":
            return bare
    return ""


def _named(sentence: str, records: Iterable[tuple[str, tuple[str, ...]]]) -> list[str]:
    """The ids whose names or aliases the sentence holds (as whole words, any case; a
    Chinese name anywhere, since Chinese writes no space around words)."""
    folded = sentence.casefold()
    found = []
    for ident, names in records:
        for name in names:
            word = re.escape(name.casefold())
            pattern = word if _CJK.search(name) else rf"(?<![^\W_]){word}(?![^\W_])"
            if len(name) >= 2 and re.search(pattern, folded):
                found.append(ident)
                break
    return found


def _metric(desk: Desk, value: str) -> str:
    """The desk's metric whose unit fits the value's unit, when there is one."""
    if value.startswith(TODO):
        return _todo("what is measured", sorted(desk.metrics))
    parts = value.rsplit(" ", 1)[-1].split("/")  # 'USD/GPU': currency per GPU
    kinds = desk.units.kinds
    shape = "/".join("currency" if kinds.get(part) == "currency" else part for part in parts)
    fitting = sorted(
        m.id
        for m in desk.metrics.values()
        if m.type == "number" and m.unit.text.replace(" ", "") == shape
    )
    return fitting[0] if len(fitting) == 1 else _todo("what is measured", fitting)


def _todo(what: str, candidates: Iterable[str], otherwise: str = "") -> str:
    listed = list(candidates)
    if listed:
        return f"{TODO}: {what}, one of {', '.join(listed)}"
    return f"{TODO}: {what}" + (f" (default: {otherwise})" if otherwise else "")


def _string(text: str) -> str:
    """A YAML scalar for ``text``: plain when it is a safe word, else a JSON string."""
    if re.fullmatch(r"[A-Za-z][\w.-]*", text) and text.lower() not in (
        "null",
        "true",
        "false",
        "yes",
        "no",
        "on",
        "off",
    ):
        return text
    return json.dumps(text, ensure_ascii=False)
