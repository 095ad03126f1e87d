"""The French and German catalogs hold every sentence of the report, translated, with
the same fields, and the compiled ``.mo`` files are the ``.po`` files of the repository."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from factcheck.render.language import LANGUAGES, LOCALE_DIR

ROOT = LOCALE_DIR.parent.parent
KEYWORDS = {"_": None, "gettext": None, "ngettext": (1, 2), "N_": None, "n_": (1, 2)}
METHODS = [
    ("factcheck/render/**.py", "python"),
    ("factcheck/publish/**.py", "python"),
    ("factcheck/render/templates/**.j2", "jinja2"),
]  # as factcheck/locale/babel.cfg
FIELD = re.compile(r"\{(\w*)\}")


def _key(message_id: str | tuple[str, ...]) -> str:
    return message_id[0] if isinstance(message_id, tuple) else message_id


def _in_code() -> set[str]:
    found = extract_from_dir(ROOT, METHODS, keywords=KEYWORDS)
    return {_key(message) for _file, _line, message, _comments, _context in found}


def _catalog(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle)


def _ids(catalog: Catalog) -> set[str]:
    return {_key(m.id) for m in catalog if m.id}


def test_the_template_holds_exactly_the_sentences_of_the_code() -> None:
    code = _in_code()
    template = _ids(_catalog(LOCALE_DIR / "factcheck.pot"))
    assert sorted(code - template) == [], "run the extraction of docs/translating.md"
    assert sorted(template - code) == []
    assert len(code) > 150  # the extraction found the report's sentences


@pytest.mark.parametrize("code", [c for c in LANGUAGES if c != "en"])
def test_every_sentence_is_translated_with_the_same_fields(code: str) -> None:
    catalog = _catalog(LOCALE_DIR / code / "LC_MESSAGES" / "factcheck.po")
    assert _ids(catalog) == _in_code()
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings), f"{code}: {ids[0]!r} is not translated"
        wanted = set(FIELD.findall(ids[-1]))
        for text in strings:
            assert set(FIELD.findall(text)) == wanted, f"{code}: {ids[0]!r} -> {text!r}"
        assert not message.fuzzy, f"{code}: {ids[0]!r} is marked fuzzy"


@pytest.mark.parametrize("code", [c for c in LANGUAGES if c != "en"])
def test_the_compiled_catalog_is_the_po_file(code: str) -> None:
    folder = LOCALE_DIR / code / "LC_MESSAGES"
    compiled = io.BytesIO()
    write_mo(compiled, _catalog(folder / "factcheck.po"))
    assert (folder / "factcheck.mo").read_bytes() == compiled.getvalue(), (
        "compile the catalogs (docs/translating.md)"
    )
