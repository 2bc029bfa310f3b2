"""The tables a catalog keeps for its documents give what the rules compute afresh: the
same documents named, places, missing documents and structure answers."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from retrieval.catalog import Catalog, Substrings, memo
from retrieval.corpus import read_document, scan
from retrieval.evaluate import load_questions
from retrieval.normalize import fold
from retrieval.parts import heading_named, headings_named
from retrieval.quotes import holds_quote, quoted_phrases
from retrieval.segment import default_segmenter
from retrieval.structure_answers import documents_quoting
from retrieval.targets import find_target
from retrieval.title_tokens import named_by_fragment

CORPORA = Path(__file__).parent / "data" / "corpora"

TEXT = st.text(alphabet="甲乙丙丁戊ab", max_size=12)


@given(st.lists(TEXT, max_size=40), TEXT)
def test_substrings_finds_exactly_the_strings_a_text_holds(strings: list[str], text: str) -> None:
    assert Substrings(strings).within(text) == {s for s in strings if s and s in text}


def test_a_table_is_built_once_per_catalog_and_afresh_for_a_plain_list() -> None:
    calls: list[int] = []

    def build() -> int:
        calls.append(1)
        return len(calls)

    catalog = Catalog(())
    assert memo(catalog, "n", build) == memo(catalog, "n", build) == 1
    assert memo([], "n", build) == 2 and memo([], "n", build) == 3


@pytest.mark.parametrize(
    "name", ["provincial_2026", "reports_2008_2013", "study_bundles", "lianzheng_speeches"]
)
def test_a_catalog_reads_every_question_as_a_plain_list_does(name: str) -> None:
    folder = CORPORA / name
    documents = tuple(read_document(f.doc, f.path.read_bytes()) for f in scan(folder / "docs"))
    catalog = Catalog(documents)
    for question in load_questions(folder / "questions.jsonl"):
        words = [w for w, _ in default_segmenter().words(fold(question.q)) if len(w) > 1]
        for _ in range(2):  # the second time from the tables
            assert find_target(question.q, catalog) == find_target(question.q, documents)
            assert named_by_fragment(catalog, question.q) == named_by_fragment(
                documents, question.q
            )
            assert named_by_fragment(catalog, question.q, headings=True) == named_by_fragment(
                documents, question.q, headings=True
            )
            assert headings_named(catalog, words) == [
                d for d in documents if heading_named(d, words)
            ]
            phrases = quoted_phrases(question.q) or tuple(words[:1])
            assert documents_quoting(catalog, phrases) == [
                d
                for d in documents
                if all(
                    holds_quote(p, fold("\n".join(h.path[-1] for h in d.headings))) for p in phrases
                )
            ]
