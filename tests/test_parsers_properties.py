"""Property tests for the readers added with the journalist's workbench: none of them
crashes on any input, and what they promise holds for every input."""

from __future__ import annotations

import re

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck import ValueSyntaxError, load, read_amount
from factcheck.desk.yamlfile import plain_syntax_error
from factcheck.draft import Article, draft
from factcheck.values.languages import language_problem

from .conftest import SEED_CLAIMS

SEED = load(SEED_CLAIMS)
PROSE = st.text(
    alphabet=st.sampled_from(list("Acme ByteDance Nvidia a dépensé environ 5,2 milliards $€ "
                                  "GPU 100 000 about twenty-five billion, 2023. ;:\n\"'«»()-–")),
    max_size=300,
)  # fmt: skip


@settings(max_examples=150)
@given(PROSE, st.sampled_from(["en", "fr", "de", "zh"]))
def test_a_draft_of_any_text_is_yaml_whose_quotes_are_the_texts_words(text: str, lang: str) -> None:
    body = draft(SEED, text, Article("x-1", "fr-outlet-000", "2023-08", lang))
    data = yaml.safe_load(body)
    words = " ".join(text.split())
    for claim in data["claims"]:
        assert " ".join(claim["quote"].split()) in words  # verbatim, never made up
        assert isinstance(claim["value"], str) and claim["value"]


@given(st.text(alphabet=st.sampled_from(list("ab: -\t\n'\"[]{},%@`*&|>#\\")), max_size=80))
def test_a_yaml_error_in_plain_words_is_located_in_the_file(text: str) -> None:
    try:
        yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        line, col, what, _ = plain_syntax_error(exc, text)
        assert what and 1 <= line <= text.count("\n") + 2 and col >= 1
    except yaml.YAMLError:
        pass


@given(st.text(max_size=20))
def test_any_language_tag_is_accepted_or_given_a_fix(tag: str) -> None:
    found = language_problem(tag)
    if found is not None:
        message, hint = found
        assert message.startswith("unknown language") and hint.startswith("write ")
    else:
        assert re.fullmatch(r"[A-Za-z]{2}([-_][A-Za-z0-9]{2,8})*", tag.strip())


@given(st.text(max_size=40))
def test_any_value_text_is_read_or_refused_with_a_hint(text: str) -> None:
    try:
        read_amount(text)
    except ValueSyntaxError as exc:
        assert exc.message
