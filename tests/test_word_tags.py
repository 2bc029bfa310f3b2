"""The part-of-speech table read without jieba.posseg is posseg's own, entry for entry."""

from __future__ import annotations

from retrieval.segment import default_segmenter, word_tags


def test_the_tag_table_is_jiebas_posseg_table() -> None:
    from jieba import posseg

    assert word_tags() == dict(posseg.dt.word_tag_tab)


def test_its_words_are_the_tokenizers_own_strings() -> None:
    # sharing them is what keeps the table small; a copy would cost ~20 MB per process
    keys = {id(k) for k in default_segmenter()._load().FREQ}
    sample = list(word_tags())[:1000]
    assert all(id(w) in keys for w in sample)
