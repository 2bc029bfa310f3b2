"""A text named by its number: the decree that made it (国务院令第888号, 888号令) or the serial
number it was issued under (园发〔2021〕12号, 12号文); not a number another text only cites."""

from __future__ import annotations

import pytest

from retrieval.corpus import read_document
from retrieval.doc_numbers import Number, numbered, own_numbers
from retrieval.model import Document
from retrieval.normalize import fold
from retrieval.search import answer
from retrieval.segment import default_segmenter
from tests.indexing import index_of

FIRST_EDITION = """城市绿地养护管理条例
2010年3月1日 中华人民共和国国务院令第888号公布
第一章 总则
第一条 为了加强城市绿地的养护管理，改善人居环境，制定本条例。
第五条 绿地养护单位应当每季度巡查一次所养护的绿地，发现损毁及时补植。
"""
LATER_EDITION = (
    "城市绿地养护管理条例\n"
    "2010年3月1日 中华人民共和国国务院令第888号公布 "
    "根据2020年5月6日《国务院关于修改部分行政法规的决定》（国务院令第901号）修订\n"
    """第一章 总则
第一条 为了加强城市绿地的养护管理，改善人居环境，制定本条例。
第五条 绿地养护单位应当每月巡查一次所养护的绿地，发现损毁及时补植。
"""
)
CITING = """某市关于贯彻落实绿地养护工作的通知
为贯彻《城市绿地养护管理条例》（国务院令第888号），现就有关事项通知如下：
一、各区绿化部门每周巡查一次主干道两侧绿地，巡查记录存档备查。
"""
SERIAL = """关于加强社区花园建设的通知
园发〔2021〕12号
各区园林部门：
各社区每年至少新建一处社区花园，所需经费由区财政统筹安排。
"""
# a law's history on one line, commas between its steps; a site's labelled number
HISTORY = (
    "城市古树保护法\n"
    "(2008年6月28日第十一届全国人民代表大会常务委员会第三次会议通过,"
    "2008年6月28日中华人民共和国主席令第777号公布,自2008年10月1日起施行)\n"
    "第一条 为了保护城市古树，制定本法。\n"
)
LABELLED = (
    "城市花卉市场管理办法\n【颁布文号】:园林部令第66号\n第一条 为了规范花卉市场，制定本办法。\n"
)
REPORTING = """社区花园建设提速
记者从园林局获悉，根据园发〔2021〕12号文件要求，今年全市新建社区花园40处。
"""
# numbers other texts only cite: in a title's middle, opening a sentence, in a list item, in a
# commentary's sentence on the decree
IMPLEMENTING = """关于贯彻落实园发〔2021〕12号文件的实施意见
按照园发〔2021〕12号文件规定，各街道每年至少新建两处社区花园。
一、认真学习《城市绿地养护管理条例》（国务院令第888号）。
2020年5月6日，国务院审议通过了《关于修改部分行政法规的决定》,以国务院令第901号公布。
"""


@pytest.fixture(scope="module")
def documents() -> list[Document]:
    texts = {
        "lvdi_2010.txt": FIRST_EDITION,
        "lvdi_2020.txt": LATER_EDITION,
        "shi_tongzhi.txt": CITING,
        "huayuan_tongzhi.txt": SERIAL,
        "huayuan_xinwen.txt": REPORTING,
        "huayuan_shishi.txt": IMPLEMENTING,
        "gushu_fa.txt": HISTORY,
        "huahui_banfa.txt": LABELLED,
    }
    return [read_document(name, text.encode()) for name, text in texts.items()]


def by_name(documents: list[Document], name: str) -> Document:
    return next(d for d in documents if d.doc == name)


def test_a_text_carries_its_decree_and_serial_number(documents: list[Document]) -> None:
    assert own_numbers(by_name(documents, "lvdi_2010.txt")) == (Number("令", 888, "国务院", 2010),)
    assert [n.n for n in own_numbers(by_name(documents, "lvdi_2020.txt"))] == [888, 901]
    assert own_numbers(by_name(documents, "huayuan_tongzhi.txt")) == (
        Number("文", 12, "园发", 2021),
    )


def test_a_decree_in_a_history_line_or_after_a_label_is_the_texts(
    documents: list[Document],
) -> None:
    assert own_numbers(by_name(documents, "gushu_fa.txt")) == (Number("令", 777, "主席", 2008),)
    assert own_numbers(by_name(documents, "huahui_banfa.txt")) == (Number("令", 66, "园林部"),)


def test_a_number_cited_in_a_sentence_is_another_texts(documents: list[Document]) -> None:
    assert own_numbers(by_name(documents, "shi_tongzhi.txt")) == ()
    assert own_numbers(by_name(documents, "huayuan_xinwen.txt")) == ()
    assert own_numbers(by_name(documents, "huayuan_shishi.txt")) == ()


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # the edition the decree made, not the later one keeping it in its history
        ("888号令规定多久巡查一次", ["lvdi_2010.txt"]),
        ("国务院令第888号第五条", ["lvdi_2010.txt"]),
        # another edition asked, by a word or a year: every text carrying it, to pick from
        ("修订后的888号令怎么规定巡查", ["lvdi_2010.txt", "lvdi_2020.txt"]),
        ("2020年修订的888号令怎么规定巡查", ["lvdi_2010.txt", "lvdi_2020.txt"]),
        ("2010年国务院令第888号", ["lvdi_2010.txt"]),
        ("国务院901号令改了什么", ["lvdi_2020.txt"]),
        ("园发〔2021〕12号要求每年建几处花园", ["huayuan_tongzhi.txt"]),
        ("按12号文，社区花园的钱谁出", ["huayuan_tongzhi.txt"]),
        # another issuer's or year's number of the same count names nothing held
        ("国发〔2021〕12号要求什么", []),
        ("园发〔2019〕12号要求什么", []),
        ("教育部令第888号", []),
        ("2015年国务院令第888号", []),
        ("国园发〔2021〕12号", ["huayuan_tongzhi.txt"]),
        ("园林发〔2021〕12号", []),
        ("2023年中央12号文件", []),
        ("哪个通知是为贯彻国务院令第888号发的", []),
        # (but which body, under the decree, asks of the decree's text)
        ("根据国务院令第888号,哪个部门负责巡查", ["lvdi_2010.txt"]),
        ("今年的1号文件讲了什么", []),  # the 中央一号文件 kind, no serial
        ("几号开始巡查", []),
    ],
)
def test_questions_name_texts_by_number(
    documents: list[Document], question: str, expected: list[str]
) -> None:
    named, _ = numbered(documents, fold(question))
    assert [d.doc for d in named] == expected


def test_a_question_by_decree_is_answered_from_the_edition_it_made(
    documents: list[Document],
) -> None:
    index = index_of(documents, default_segmenter())
    result = answer(index, "888号令规定多久巡查一次？", default_segmenter())
    assert result.hits[0].passage.doc == "lvdi_2010.txt"
    assert "每季度" in result.hits[0].passage.text
