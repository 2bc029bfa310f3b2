"""jieba's guesses at words it does not know, read again with the corpus's own words."""

from __future__ import annotations

from retrieval.search import DEFAULT_RANKING, answer, read_question
from retrieval.segment import default_segmenter
from retrieval.structure import parse
from tests.indexing import index_of

SEGMENTER = default_segmenter()
DRUGS = [
    "药品管理法",
    "第一百一十七条 生产、销售劣药的，没收违法生产、销售的药品和违法所得，并处罚款。",
    "第一百一十九条 药品使用单位使用假药、劣药的，按照销售假药、零售劣药的规定处罚。",
    "第二十条 药品经营企业应当建立进货检查验收制度。",
]


def _words(lines: list[str], question: str) -> list[str]:
    index = index_of([parse("t.md", lines)], SEGMENTER)
    query, _ = read_question(index, question, SEGMENTER, DEFAULT_RANKING)
    return [w.text for w in query.words]


def test_a_guess_no_passage_holds_is_read_with_the_corpus_words_across_it() -> None:
    # jieba's HMM cuts 卖劣药罚多少钱 into 卖劣 / 药罚 / 多少 / 钱
    assert "卖劣" in [w for w, _ in SEGMENTER.words("卖劣药罚多少钱")]
    words = _words(DRUGS, "卖劣药罚多少钱")
    assert "劣药" in words and "卖劣" not in words and "药罚" not in words
    index = index_of([parse("t.md", DRUGS)], SEGMENTER)
    hits = answer(index, "卖劣药罚多少钱", SEGMENTER).hits
    assert hits and "劣药" in hits[0].passage.text


def test_a_guess_the_corpus_holds_nothing_of_stays_and_an_uncovered_character_stays() -> None:
    # a name jieba guesses (夏海钧) that no passage holds is still what the question asks of,
    # though a passage holds the pairs of its characters (宁夏海原: 夏海)
    assert "夏海钧" in _words(
        [*DRUGS, "第九十条 宁夏海原县药品监督管理部门负责本县药品监督。"], "夏海钧被罚了多少"
    )
    # the characters of a guess no corpus word takes stay alone: 伞 of 带伞
    lines = [*DRUGS, "第三十条 不要带入有害物品。"]
    words = _words(lines, "明天要不要带伞")
    assert "伞" in words
    assert not answer(index_of([parse("t.md", lines)], SEGMENTER), "明天要不要带伞", SEGMENTER).hits
