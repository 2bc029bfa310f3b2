"""A page's credits (来源, 作者, 发布时间), clutter to its text, answer a question on who put the
page out and when, and only that question."""

from __future__ import annotations

from bot.render import place
from retrieval.boilerplate import clean
from retrieval.corpus import read_document
from retrieval.search import answer
from retrieval.segment import default_segmenter
from tests.indexing import index_of

SEGMENTER = default_segmenter()
PAGE = "\n".join(
    [
        "每一份献血都是生命的礼物",
        "来源:杭州日报    作者:通讯员 胡秋月 记者 李忠    编辑:郑海云",
        "发布时间:2013-06-14 08:30",
        "6月14日，是第十个世界献血者日，市中心血站为献血者送上纪念徽章。",
        "今年以来，全市无偿献血人次同比增长，血液来源稳定，临床用血得到保障。",
    ]
).encode()
LAW = "\n".join(
    [
        "中华人民共和国献血法",
        "第七条 国家提倡十八周岁至五十五周岁的健康公民自愿献血。",
        "第十四条 公民临床用血时只交付用于血液的采集、储存、分离、检验等费用。",
    ]
).encode()


def test_a_pages_credits_are_kept_with_it_not_among_its_passages() -> None:
    lines = PAGE.decode().split("\n")
    assert clean(lines).credits == (lines[1], lines[2])
    page = read_document("xianxue_xinwen_2013.txt", PAGE)
    assert "杭州日报" in page.meta.source and "2013-06-14" in page.meta.source
    assert not any("作者" in p.text for p in page.passages)
    # counter-example: a sentence of the text speaking of a source is text, no credit
    assert "来源稳定" in page.passages[-1].text


def test_a_question_on_who_put_a_page_out_and_when_gets_its_credits() -> None:
    index = index_of(
        [read_document("xianxue_xinwen_2013.txt", PAGE), read_document("xianxue_fa.md", LAW)],
        SEGMENTER,
    )
    for question in (
        "献血者日那篇稿子是谁写的？",
        "那篇献血者日的新闻是哪天发的，来源是哪家报纸？",
    ):
        hits = answer(index, question, SEGMENTER).hits
        assert hits and hits[0].passage.text.startswith("网页署名："), question
        assert "杭州日报" in hits[0].passage.text and place(hits[0].passage) == "网页署名"
    # counter-examples: a source the text speaks of, and what the law says, are no credits
    for question in ("血液来源稳定吗？", "多大岁数的人可以献血？"):
        hits = answer(index, question, SEGMENTER).hits
        assert hits and not hits[0].passage.text.startswith("网页署名："), question
