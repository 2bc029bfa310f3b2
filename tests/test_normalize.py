"""Folding many texts at once, and NFKC by table, give exactly what folding each text does."""

from __future__ import annotations

from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from retrieval.normalize import _aligned, _nfkc, _nfkc_aligned, fold, fold_many

DATA = Path(__file__).parent / "data"
CORPUS = Path(__file__).parent.parent / "corpus"

# characters where folding is not one table lookup: full-width forms, traditional characters
# alone and in OpenCC phrases, combining marks and what they compose with, Hangul jamo, a
# letter that lower-cases to two, a lone surrogate, ligatures, the separator itself
TRICKY = list(
    "臺灣乾隆藉口髮後发后ＡＢ，：１２…①ﬁİIaBe年二〇一九\x01 \n"
    "x\u0323\u0301\u0308\u0b47\u0b3e\u1100\u1161\u11a8\uac00\u3131\ud800\U0001d400"
)
texts = st.text(alphabet=st.sampled_from(TRICKY) | st.characters(), max_size=12)


# marks NFKC puts in order (x, acute, dot below: x, dot below, acute) keep the length
# of the text but not each character's own form
@settings(max_examples=400)
@example(["x\u0301\u0323", "，"])
@example(["가\u11a8", "İ"])
@given(st.lists(texts, max_size=6))
def test_folding_together_is_folding_each(batch: list[str]) -> None:
    assert fold_many(batch) == [fold(t) for t in batch]


@settings(max_examples=400)
@example("x\u0301\u0323，")
@given(texts)
def test_nfkc_by_table_is_nfkc_of_the_whole_text_or_char_by_char(text: str) -> None:
    text = text.replace("\ud800", "")  # fold replaces lone surrogates before this step
    assert _nfkc_aligned(text) == _aligned(text, _nfkc)


def test_real_paragraphs_fold_the_same_together_and_alone() -> None:
    paragraphs = [
        p
        for f in sorted([*DATA.rglob("*.txt"), *CORPUS.glob("*.txt")])
        for p in f.read_text(encoding="utf-8", errors="replace").split("\n\n")
    ]
    assert len(paragraphs) > 1000
    for start in range(0, len(paragraphs), 200):
        batch = paragraphs[start : start + 200]
        assert fold_many(batch) == [fold(t) for t in batch]
    assert fold_many(["臺灣的ＧＤＰ增長", "乾隆年間"]) == ["台湾的gdp增长", "乾隆年间"]
