"""Any input through the answer pipeline and renderer: no passage, or valid Telegram HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot import keyboards, render
from retrieval.index import SearchIndex
from retrieval.search import answer
from retrieval.segment import default_segmenter
from tests.botapi import parse_html, utf16_len
from tests.indexing import index_of, read

CORPUS_FILE = (
    Path(__file__).resolve().parent.parent / "corpus" / "lianzheng-tanhua-jiating-zhulian.txt"
)
SEGMENTER = default_segmenter()

# Unicode with the awkward parts weighted in: controls, bidi marks, CJK, emoji, surrogates.
awkward = st.sampled_from(
    [
        "\u202e",
        "\u200f",
        "\u200b",
        "\x00",
        "\x1b",
        "<",
        ">",
        "&",
        "&amp;",
        "<b>",
        "</i>",
        "\ufeff",
        "👨‍👩‍👧",
        "家属",
        "配偶",
        "\ud800",  # what Telegram's JSON escape \\ud800, a lone surrogate, decodes to
    ]
)
texts = st.lists(st.one_of(st.text(max_size=20), awkward), max_size=40).map("".join)


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return index_of([read(CORPUS_FILE)], SEGMENTER)


def assert_valid_reply(index: SearchIndex, question: str) -> None:
    got = answer(index, question, SEGMENTER, top_k=9)
    for text in render.answer_html(got):
        plain, _ = parse_html(text)  # raises on anything Telegram would reject
        assert 0 < utf16_len(plain) <= render.MAX_MESSAGE_UNITS
    if got.hits:
        markup = keyboards.answer_keyboard(got, 2**62, 0, render.HITS_PER_MESSAGE)
        for row in markup.inline_keyboard:
            for button in row:
                assert isinstance(button.callback_data, str)
                assert 1 <= len(button.callback_data.encode()) <= keyboards.MAX_CALLBACK_BYTES
        for hit in got.hits:
            parse_html(render.passage_html(hit.passage, hit.spans))


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(question=texts)
def test_any_question_renders_as_valid_telegram_html(index: SearchIndex, question: str) -> None:
    assert_valid_reply(index, question)


def test_digits_int_cannot_read_are_no_numbers(index: SearchIndex) -> None:
    # (found by the fuzzing above: ❶ and ² are str.isdigit() but not numbers int() reads)
    for question in ("❶", "第²条", "❶❷❸年"):
        assert_valid_reply(index, question)


def test_a_question_of_100000_characters(index: SearchIndex) -> None:
    assert_valid_reply(index, "家属应该做什么？<b>&" * 10_000)


@settings(max_examples=200, deadline=None)
@given(
    blocks=st.lists(
        st.lists(st.one_of(st.text(max_size=50), awkward), min_size=1, max_size=400)
        .map("".join)
        .filter(str.strip)
        .map(render.escape)
        .map(render.bold),
        max_size=8,
    )
)
def test_packing_keeps_every_message_valid_and_within_the_limit(blocks: list[str]) -> None:
    for message in render.pack(blocks):
        plain, _ = parse_html(message)
        assert utf16_len(message) <= render.MAX_MESSAGE_UNITS
        assert utf16_len(plain) <= render.MAX_MESSAGE_UNITS
