"""A text in Traditional characters is read as its Simplified twin is: its articles are
articles, asked by number in either script; and where a corpus holds both copies, a reader
gets the one in the script the question is written in first."""

from __future__ import annotations

from retrieval.corpus import read_document
from retrieval.law_layout import parted_articles
from retrieval.model import Document
from retrieval.normalize import written_traditional
from retrieval.search import answer
from retrieval.segment import default_segmenter
from tests.indexing import index_of

SEGMENTER = default_segmenter()

SIMPLIFIED = [
    "棉花质量监督管理条例",
    "第一章 总则",
    "第一条 为了加强对棉花质量的监督管理，维护棉花市场秩序，制定本条例。",
    "第二条 棉花经营者从事棉花经营活动，必须遵守本条例。",
    "第三条 国务院质量监督部门主管全国棉花质量监督工作，由其所属的纤维检验机构负责组织实施。",
    "省级质量监督部门负责本行政区域内棉花质量监督工作。",
    "第四条 任何单位和个人对棉花质量违法行为，均有权检举。",
]
TRADITIONAL = [
    "《棉花質量監督管理條例》修訂版(全文)",
    "第一章 總則",
    "第一條 為了加強對棉花質量的監督管理,維護棉花市場秩序,制定本條例。",
    "第二條 棉花經營者從事棉花經營活動,必須遵守本條例。",
    "第三條 國務院質量監督部門主管全國棉花質量監督工作,由其所屬的纖維檢驗機構負責組織實施。",
    "省級質量監督部門負責本行政區域內棉花質量監督工作。",
    "第四條 任何單位和個人對棉花質量違法行為,均有權檢舉。",
]


def _document(name: str, lines: list[str]) -> Document:
    return read_document(name, "\n".join(lines).encode())


def test_a_traditional_texts_articles_are_articles_holding_their_paragraphs() -> None:
    passages = _document("fanti.txt", TRADITIONAL).passages
    third = next(p for p in passages if p.text.startswith("第三條"))
    assert third.section == ("第一章 總則", "第三条")
    # the article's second paragraph is part of it, as in the simplified text
    assert "省級質量監督部門" in third.text
    assert [p.section[-1] for p in passages if p.text.startswith("第")] == [
        "第一条",
        "第二条",
        "第三条",
        "第四条",
    ]
    # counter-example: a line of prose opening with 第二條 outside a run of articles is text
    prose = _document(
        "news.txt", ["棉花新聞", "第二條戰線的同志們在收購站忙碌。", "記者走訪了三個縣。"]
    )
    assert all(len(p.section) == 0 or p.section[-1] != "第二条" for p in prose.passages)


def test_an_article_asked_by_number_of_a_traditional_text_comes_whole() -> None:
    index = index_of([_document("fanti.txt", TRADITIONAL)], SEGMENTER)
    hits = answer(index, "棉花质量监督管理条例第三条怎么规定的", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第三條")
    assert "省級質量監督部門" in hits[0].passage.text


def test_a_question_gets_the_copy_in_its_own_script_first() -> None:
    index = index_of(
        [_document("fanti.txt", TRADITIONAL), _document("tiaoli.md", SIMPLIFIED)], SEGMENTER
    )
    for question, first, second in (
        ("全国的棉花质量监督工作是哪个部门在管", "tiaoli.md", "fanti.txt"),
        ("全國的棉花質量監督工作是哪個部門在管", "fanti.txt", "tiaoli.md"),
    ):
        docs = [h.passage.doc for h in answer(index, question, SEGMENTER).hits]
        assert docs[:2] == [first, second], question


def test_a_text_is_traditional_when_enough_of_its_characters_are() -> None:
    assert written_traditional("全國的棉花質量監督工作是哪個部門在管")
    assert not written_traditional("全国的棉花质量监督工作是哪个部门在管")
    # counter-example: one character both scripts use in a long simplified sentence
    assert not written_traditional("他在著作权法的讨论中提出了三条意见，并且得到了大家的支持。")


def test_a_traditional_article_citing_the_next_stays_one_line() -> None:
    lines = ["第五條 本條例所稱溫泉資源，是指地熱水資源。第六條規定的情形除外。"]
    assert parted_articles(lines) == lines
    # counter-example: the next article run into the line is parted, in either script
    for five, six in (
        ("第五條 本條例所稱溫泉資源。", "第六條 本條例自公布之日起施行。"),
        ("第五条 本条例所称温泉资源。", "第六条 本条例自公布之日起施行。"),
    ):
        assert parted_articles([five + six.replace(" ", "")]) == [five, six]


def test_a_traditional_section_is_asked_by_its_number() -> None:
    document = _document(
        "hangkong.txt",
        [
            "某某航空條例",
            "第二章 航空器",
            "第二節 權利",
            "第五條 航空器所有權的取得、轉讓和消滅，應當向主管部門登記。",
            "第三節 適航管理",
            "第七條 航空器應當取得適航證書，方可飛行。",
        ],
    )
    hits = answer(index_of([document]), "某某航空条例第二章第二节讲了什么", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第五條")


def test_a_newer_edition_leads_whatever_the_script() -> None:
    newer = _document("tiaoli_2017.md", ["棉花质量监督管理条例（2017年修订）", *SIMPLIFIED[1:]])
    older = _document("fanti_2006.txt", ["棉花質量監督管理條例（2006年修訂）", *TRADITIONAL[1:]])
    index = index_of([older, newer], SEGMENTER)
    for question in (
        "全国的棉花质量监督工作是哪个部门在管",
        "全國的棉花質量監督工作是哪個部門在管",
    ):
        docs = [h.passage.doc for h in answer(index, question, SEGMENTER).hits]
        assert docs[:2] == ["tiaoli_2017.md", "fanti_2006.txt"], question
