"""The language a report is written in: its sentences (gettext) and its number forms (Babel).

``language("fr")`` gives a ``Language``: the French catalog of the report's
sentences (``factcheck/locale/fr/LC_MESSAGES/factcheck.po``, compiled to
``.mo`` beside it) and Babel's French locale, which knows the decimal comma,
the narrow no-break space between thousands, "milliards" and its plural rule,
and the names of months. English is the language the sentences are written in
in the code: it needs no catalog.

A ``Language`` is made for one report and handed down to the words that
render it; nothing is kept between reports.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..suggest import did_you_mean

if TYPE_CHECKING:
    from babel import Locale

#: The languages reports are written in, English first (the default).
LANGUAGES = ("en", "fr", "de")
#: Where the compiled catalogs are (``<code>/LC_MESSAGES/factcheck.mo``).
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "factcheck"
#: The scale words a number is written with, largest first (Babel's long compact forms).
SCALES = (10**12, 10**9, 10**6)


@dataclass(frozen=True, slots=True)
class Language:
    """One language's sentences and number forms."""

    code: str
    locale: Locale
    translations: gettext.NullTranslations

    def gettext(self, message: str) -> str:
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return self.translations.ngettext(singular, plural, count)

    @property
    def decimal(self) -> str:
        return str(self.locale.number_symbols["latn"]["decimal"])

    @property
    def group(self) -> str:
        return str(self.locale.number_symbols["latn"]["group"])

    def digits(self, text: str) -> str:
        """Digits written the English way (``1,234.5``) in this language's marks
        (``1 234,5`` in French, ``1.234,5`` in German)."""
        if self.code == "en":
            return text
        return text.translate({ord(","): "\0", ord("."): self.decimal}).replace("\0", self.group)

    def scale_word(self, scale: int, digits: str) -> str:
        """The word for ``scale`` (10^6, 10^9, 10^12) after ``digits`` (written the
        English way): "million", "milliards", "Milliarde", by the language's plural rule."""
        form = self.locale.plural_form(Decimal(digits.replace(",", "")))
        patterns = self.locale.compact_decimal_formats["long"]
        pattern = (patterns.get(form) or patterns["other"])[str(scale)]
        return str(pattern.pattern).replace("0", "", 1).strip()


def language(code: str | None = None) -> Language:
    """The language called ``code`` (ISO 639-1; English when None); a code with
    no catalog is a ``UsageError`` naming the languages there are."""
    from babel import Locale

    chosen = (code or "en").strip().lower()
    if chosen not in LANGUAGES:
        hint = did_you_mean(chosen, LANGUAGES, f"languages: {', '.join(LANGUAGES)}")
        raise UsageError(f"reports are not written in '{chosen}'; {hint}")
    if chosen == "en":
        translations: gettext.NullTranslations = gettext.NullTranslations()
    else:
        translations = gettext.translation(DOMAIN, LOCALE_DIR, languages=[chosen])
    return Language(chosen, Locale.parse(chosen), translations)
