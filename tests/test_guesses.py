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


ROADS = [
    "公路安全保护条例",
    "第二十七条 进行下列涉路施工活动，建设单位应当向公路管理机构提出申请："
    "在公路用地范围内架设、埋设电缆等设施。",
    "第二十八条 申请进行涉路施工活动的建设单位应当提交施工方案。",
    "第三十条 公路养护作业需要封闭公路的，应当提前公告。",
]


def test_a_longer_word_the_dictionary_barely_knows_is_read_with_the_corpus_words_too() -> None:
    # 埋电缆 is in jieba's dictionary (3) but in no passage: 电缆 is what the passages say
    assert "埋电缆" in [w for w, _ in SEGMENTER.words("要在公路底下埋电缆")]
    words = _words(ROADS, "要在公路底下埋电缆，得向谁提申请？")
    assert "电缆" in words and "埋电缆" not in words
    index = index_of([parse("t.md", ROADS)], SEGMENTER)
    hits = answer(index, "要在公路底下埋电缆，得向谁提申请？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第二十七条")


def test_a_common_two_character_word_is_not_cut_as_a_guess() -> None:
    # 车把 (a handlebar, 31) is a word of its own, however rare here: not 车 / 把
    assert "车把" in _words(ROADS, "车把坏了怎么修")
