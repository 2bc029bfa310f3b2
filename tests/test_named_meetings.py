"""A meeting named by its number (第十三次会议) names the one document reporting it."""

from __future__ import annotations

from retrieval.occasions import meeting_numbers, named_by_meeting
from retrieval.search import answer
from retrieval.segment import default_segmenter
from retrieval.sessions import contradicts
from retrieval.structure import parse
from retrieval.targets import find_target
from tests.indexing import index_of

SEGMENTER = default_segmenter()


def _page(name: str, headline: str, *paragraphs: str) -> list[str]:
    return [f"【{name}学习材料】--学习专栏", headline, *paragraphs]


THIRTEENTH = parse(
    "may.txt",
    _page(
        "2020年5月",
        "习近平主持召开中央全面深化改革委员会第十三次会议强调 深化改革健全制度完善治理体系",
        "中共中央总书记、中央全面深化改革委员会主任习近平4月27日下午主持召开中央全面深化改革委员会第十三次会议并发表重要讲话。",
        "会议听取了党的十八届三中全会以来科技体制改革进展情况和下一步改革思路汇报。",
    ),
)
ELEVENTH = parse(
    "december.txt",
    _page(
        "2019年12月",
        "习近平主持召开中央全面深化改革委员会第十一次会议强调 深化医疗保障制度改革",
        "中共中央总书记、中央全面深化改革委员会主任习近平11月26日下午主持召开中央全面深化改革委员会第十一次会议并发表重要讲话。",
        "会议听取了关于国有企业改革进展情况和下一步工作安排的汇报。",
        "会议指出，医疗保障制度是民生保障制度的重要组成部分，要坚持保障基本、促进公平的原则。",
    ),
)


def test_meeting_numbers_are_read_in_either_script() -> None:
    assert meeting_numbers("第十三次深改委会上听取了什么汇报") == {13}
    assert meeting_numbers("政治局第25次集体学习") == {25}
    assert meeting_numbers("第十二次党代会报告") == {12}
    # counter-examples: a count of times, a law's revision, 会 as "will"
    assert meeting_numbers("开了两次会") == frozenset()
    assert meeting_numbers("统计法第二次修正是在哪次会议上通过的") == frozenset()
    assert meeting_numbers("第一次申领身份证会收费吗") == frozenset()


def test_the_number_of_a_meeting_names_the_page_reporting_it() -> None:
    documents = [THIRTEENTH, ELEVENTH]
    # the headline is a passage of a page titled by its month, not the page's title
    assert [d.doc for d in named_by_meeting(documents, "第十三次深改委会上听取了什么汇报")] == [
        "may.txt"
    ]
    target = find_target("第十一次深改委会上听取了什么汇报？", documents)
    assert target.docs == {"december.txt"}
    index = index_of(documents, SEGMENTER)
    got = answer(index, "第十三次深改委会上听取了什么汇报？", SEGMENTER)
    assert got.hits[0].passage.text.startswith("会议听取了党的十八届三中全会")
    # the headline's words name the page: the paragraph asked outranks the headline
    got = answer(index, "深改委第十一次会议说医疗保障制度改革要坚持哪些原则？", SEGMENTER)
    assert got.hits[0].passage.text.startswith("会议指出，医疗保障制度")


def test_a_number_several_meetings_share_names_none() -> None:
    other = parse(
        "finance.txt",
        _page(
            "2019年11月",
            "习近平主持召开中央财经委员会第十三次会议强调 推动黄河流域生态保护",
            "习近平主持召开中央财经委员会第十三次会议，研究黄河流域生态保护问题并发表重要讲话。",
            "会议听取了关于黄河流域生态保护和高质量发展的汇报。",
        ),
    )
    assert named_by_meeting([THIRTEENTH, ELEVENTH, other], "第十三次会议听取了什么汇报") == []
    # nor does the session that adopted a law (its history line) name the law
    law = parse(
        "law.md",
        [
            "中华人民共和国档案法",
            "（1987年9月5日第六届全国人民代表大会常务委员会第二十二次会议通过）",
            "第一章 总则",
            "第一条 为了加强档案管理，规范档案收集、整理工作，制定本法。",
        ],
    )
    assert named_by_meeting([law, ELEVENTH], "第二十二次会议讲了什么") == []


def test_a_terms_session_named_is_not_another_session_of_that_term() -> None:
    closing = parse(
        "hubei_erci_2014.txt",
        [
            "省政协十一届二次会议闭幕",
            "楚天都市报讯 省政协十一届二次会议昨日在洪山礼堂闭幕。",
            "中共湖北省委书记李鸿忠到会祝贺。",
        ],
    )
    opening = parse(
        "hubei_sanci_2015.txt",
        [
            "湖北省政协十一届三次会议开幕",
            "政协湖北省第十一届委员会第三次会议1月26日上午在武汉开幕。",
        ],
    )
    held = [closing, opening]
    assert find_target("湖北省政协十一届二次会议是在哪里闭幕的？", held).docs == {closing.doc}
    # counter-examples: the other session, and the place alone with a session's name
    assert find_target("湖北省政协十一届三次会议哪天开幕？", held).docs == {opening.doc}
    assert find_target("省政协十一届二次会议哪天闭幕？", held).docs == {closing.doc}
    # one session written two ways is one (十一届全国人大二次会议, 十一届二次会议)
    report = parse(
        "r.txt", ["十一届全国人大二次会议政府工作报告", "各位代表：", "现在我代表国务院作报告。"]
    )
    assert not contradicts(report, "十一届二次会议的政府工作报告")
    assert contradicts(report, "十一届三次会议的政府工作报告")


def test_an_instruction_given_at_a_meeting_asks_no_speech() -> None:
    speech = parse(
        "qingqian.txt",
        [
            "在全市农民工工资清欠工作推进会上的讲话",
            "同志们：总理在国务院根治欠薪领导小组会议上作出批示，要求切实保障农民工工资支付。",
        ],
    )
    # the texts report an instruction (批示) given there, they do not print it as a speech
    asked = "12月29日总理在国务院根治欠薪领导小组会议上的批示讲了什么"
    assert not find_target(asked, [speech]).missing
    # counter-example: what was said there is asked of a speech the corpus lacks
    said = "总理在国务院根治欠薪领导小组会议上讲了什么"
    assert find_target(said, [speech]).missing == "在国务院根治欠薪领导小组会议上的讲话"
    # an occasion asked about (哪一年…联组会上) is named by no question
    assert not find_target("哪一年政协联组会上的讲话强调了粮食安全？", [speech]).missing
