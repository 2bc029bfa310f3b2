"""Abbreviations (法援, 刑诉法) found as the phrases the documents write out."""

from __future__ import annotations

import pytest

from retrieval.abbreviations import spelled_out, unknown_words
from retrieval.model import Document
from retrieval.search import DEFAULT_RANKING, answer, parse_question, read_question
from retrieval.segment import default_segmenter
from retrieval.structure import parse
from tests.indexing import index_of

SEGMENTER = default_segmenter()
TEXTS = [
    "法律援助机构应当自收到法律援助申请之日起七日内进行审查。",
    "刑事诉讼法第二百九十一条规定了缺席审判。刑事诉讼法修改后，检察院的侦查权有调整。",
    "中央纪律检查委员会第五次全体会议召开。中央纪律检查委员会委员出席。",
    "大力发展天然气和煤层气，天然气管网加快建设。",
    "年末出生人口有所下降。",
]


@pytest.mark.parametrize(
    ("short", "phrase"),
    [("法援", "法律援助"), ("刑诉法", "刑事诉讼法"), ("中纪委", "中央纪律检查委员会")],
)
def test_a_short_form_is_found_as_the_phrase_it_shortens(short: str, phrase: str) -> None:
    assert spelled_out(short, TEXTS, SEGMENTER) == phrase


@pytest.mark.parametrize(
    "word",
    [
        "天气",  # 天然 + 气: a two-character short form ends in a word, not a character
        "出人",  # 出生人口 is written once: chance, not the phrase meant
        "股市",  # nothing here begins with 股
    ],
)
def test_words_that_shorten_nothing_here_are_not_spelled_out(word: str) -> None:
    assert spelled_out(word, TEXTS, SEGMENTER) is None


def test_only_rare_unknown_words_without_numbers_are_taken_for_short_forms() -> None:
    index = index_of([parse("a.txt", TEXTS)], SEGMENTER)
    vocabulary = index.postings.vocabulary
    query = parse_question("法援和天气，二五年的法律援助", SEGMENTER)
    words = [w.text for w in unknown_words(query, vocabulary, SEGMENTER)]
    assert "法援" in words
    assert "天气" not in words  # common in general Chinese: a word of its own
    assert "法律援助" not in words  # the corpus holds it
    assert "五年" not in words  # a number of years (二五年 is cut 二 / 五年), no short form


def test_a_question_in_short_forms_is_answered_from_the_phrase_written_out() -> None:
    lines = [
        "法律援助条例",
        "第一条 为了规范法律援助工作，制定本条例。",
        "第二条 法律援助机构应当自收到法律援助申请之日起七日内进行审查，作出决定。",
        "第三条 申请人对行政机关的决定不服的，可以在六十日内申请复议。",
        "第四条 法律援助人员不得收取受援人财物。",
    ]
    index = index_of([parse("aid.txt", lines)], SEGMENTER)
    hits = answer(index, "法援中心收到申请后几天内答复？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第二条")


def test_an_abbreviation_is_spelled_out_from_the_readers_scope_only() -> None:
    from retrieval.search import DEFAULT_RANKING, read_question

    aid = parse(
        "aid.txt",
        ["法律援助条例", "第一条 法律援助机构受理法律援助申请。", "第二条 法律援助应当免费。"],
    )
    other = parse(
        "fw.txt", ["服务条例", "第一条 服务中心受理申请。", "第二条 服务中心应当公开办事流程。"]
    )
    index = index_of([aid, other], SEGMENTER)

    def expansions(docs: frozenset[str] | None) -> frozenset[str]:
        query, _ = read_question(index, "法援中心受理申请吗", SEGMENTER, DEFAULT_RANKING, docs)
        return next(w for w in query.words if w.text == "法援").expansions

    assert "法律援助" in expansions(None)
    assert "法律援助" not in expansions(frozenset({"fw.txt"}))  # not written out in the scope


def test_a_word_general_chinese_knows_a_little_may_shorten_a_phrase_the_corpus_writes() -> None:
    # 社团 (jieba 420) for 社会团体, which regulations write out; 天气 (2657) stays a word
    lines = [
        "社会团体登记管理条例",
        "第十四条 社会团体的章程应当包括下列事项：名称、住所；宗旨、业务范围和活动地域。",
        "第二十一条 社会团体应当自清算结束之日起15日内向登记管理机关办理注销登记。",
        "第十八条 基金会在办理注销登记前，应当成立清算组织，完成清算工作。",
        "第二十条 大力发展天然气，天然气管网加快建设，天然气价格保持稳定。",
    ]
    index = index_of([parse("shetuan.md", lines)], SEGMENTER)
    query = parse_question("社团清算结束后几天内办注销，天气如何", SEGMENTER)
    words = [w.text for w in unknown_words(query, index.postings.vocabulary, SEGMENTER)]
    assert "社团" in words and "天气" not in words
    hits = answer(index, "社团清算结束后几天内得去办注销", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第二十一条")


LAW = [
    "中华人民共和国人民武装警察法",
    "第八条 人民武装警察享有法律、法规规定的现役军人的权益。",
    "第十九条 人民武装警察执行任务时，可以依法查验有关人员的身份证件。",
    "第二十四条 人民武装警察因执行任务的紧急需要，经出示证件，可以优先乘坐公共交通工具。",
    "第二十九条 人民武装警察不得非法剥夺、限制他人人身自由，不得非法搜查他人的身体、物品。",
    "第三十三条 国家建立与经济社会发展相适应的人民武装警察部队经费保障机制。",
]
NEWS = [
    "武警法通过",
    "新华社电 全国人大常委会今天表决通过人民武装警察法，武警执行任务有了法律保障。",
]


def test_a_short_form_the_corpus_writes_seldom_is_also_read_as_its_phrase() -> None:
    def reading(documents: list[Document]) -> frozenset[str]:
        index = index_of(documents, SEGMENTER)
        query, _ = read_question(index, "武警执行任务时有哪些权益？", SEGMENTER, DEFAULT_RANKING)
        return next(w.expansions for w in query.words if w.text == "武警")

    # 武警 is written once (a news page), 人民武装警察 in every article of the law
    assert reading([parse("wujingfa.md", LAW), parse("xinwen.txt", NEWS)]) == {"武装警察"}
    # counter-example: where the corpus writes the short form in as many passages as the
    # phrase (a page about 武警 itself), it is read as said
    often = [f"第{n}条 武警部队执行任务，武装警察依法履职。" for n in "一二三四五六七"]
    page = parse("wujing.txt", ["武警部队简介", *often])
    assert reading([parse("wujingfa.md", LAW), page]) == frozenset()
