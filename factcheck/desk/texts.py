"""Finding a quote in an article's archived text, robust to typography.

Both sides are normalised (curly and straight quotes and apostrophes alike,
dashes, spaces of every width, soft hyphens, words hyphenated across a line
break), then the quote is looked for exactly, and failing that fuzzily,
paragraph by paragraph (rapidfuzz ``partial_ratio_alignment``), so that a
long text stays fast and the place found is a paragraph a reader can open.
A fuzzy match counts only if its digits are the quote's digits, and its
hedges the quote's hedges (read in the quote's language): "3,1 milliards" is
not found where the text says "2,1 milliards", nor "fewer than 70 percent"
where it says "more than 70 percent".
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from ..values.quote_numbers import read_numbers

#: Score (0 to 100) from which a fuzzy match counts as the quote being there.
FOUND_SCORE = 90.0

_TRANSLATE = str.maketrans(
    {
        "’": "'", "‘": "'", "‚": "'", "′": "'", "`": "'", "´": "'",
        "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‹": '"', "›": '"',
        "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
        "\u00ad": None,
    }
)  # fmt: skip
_HYPHENATED = re.compile(r"(\w)-\s*\n\s*(\w)")
_SPACE = re.compile(r"\s+")
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class Match:
    """Where a quote is in a text: the line, the score, and the passage there."""

    found: bool
    line: int
    score: float
    passage: str


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text).translate(_TRANSLATE)
    text = _HYPHENATED.sub(r"\1\2", text)
    text = text.replace('"', "")
    return _SPACE.sub(" ", text).strip().casefold()


def paragraphs(path: Path) -> tuple[tuple[int, str], ...]:
    """(first line, normalised text) of each paragraph of an archived article."""
    text = path.read_text(encoding="utf-8", errors="replace")
    found = []
    line = 1
    for block in re.split(r"(\n\s*\n)", text):
        if block.strip() and not re.fullmatch(r"\n\s*\n", block):
            lead = len(block) - len(block.lstrip("\n"))
            found.append((line + lead, normalise(block)))
        line += block.count("\n")
    return tuple(found)


class ArchivedTexts:
    """The archived texts of one desk, each read once, and the quotes found in them.

    One per reconciliation (the scope index holds it), so a text edited
    between two runs in one process is read afresh."""

    def __init__(self) -> None:
        self._paragraphs: dict[Path, tuple[tuple[int, str], ...]] = {}
        self._found: dict[tuple[Path, str, str], Match] = {}

    def locate(self, path: Path, quote: str, lang: str = "") -> Match:
        """Where ``quote`` (in ``lang``) is in the text at ``path``, or the nearest passage."""
        key = (path, quote, lang)
        found = self._found.get(key)
        if found is None:
            if path not in self._paragraphs:
                self._paragraphs[path] = paragraphs(path)
            found = self._found[key] = locate(self._paragraphs[path], quote, lang)
        return found


def locate(text: tuple[tuple[int, str], ...], quote: str, lang: str = "") -> Match:
    """Where ``quote`` is among a text's ``paragraphs``, or the nearest passage; a
    passage that states the quote's numbers with other hedges is not the quote."""
    wanted = normalise(quote)
    best = Match(False, 0, 0.0, "")
    if not wanted:
        return best
    for line, paragraph in text:
        if wanted in paragraph:
            return Match(True, line, 100.0, wanted)
    for line, paragraph in text:
        alignment = fuzz.partial_ratio_alignment(wanted, paragraph, score_cutoff=best.score)
        if alignment is not None and alignment.score > best.score:
            passage = paragraph[alignment.dest_start : alignment.dest_end]
            same_numbers = _DIGITS.findall(wanted) == _DIGITS.findall(passage)
            found = alignment.score >= FOUND_SCORE and same_numbers
            if found and lang:
                found = _hedges(wanted, lang) == _hedges(passage, lang)
            best = Match(found, line, alignment.score, passage)
    return best


def _hedges(text: str, lang: str) -> list[str]:
    return [number.qualifier for number in read_numbers(text, lang)]
