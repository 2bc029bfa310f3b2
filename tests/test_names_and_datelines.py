"""What a question names (a law's short name before its edition, a judicial interpretation, a
five-year plan's proposal, a bulletin by the year it reports, a document by what its names call
it, the text itself before a page about it) and the dateline under a title, which answers when
and at which meeting a text was given and nothing else."""

from __future__ import annotations

import pytest

from retrieval.datelines import asks_given, asks_occasion, is_dateline
from retrieval.laws import law_names
from retrieval.model import Document
from retrieval.names import document_names
from retrieval.search import answer
from retrieval.segment import default_segmenter
from retrieval.structure import parse
from retrieval.targets import find_target
from tests.indexing import index_of

SEGMENTER = default_segmenter()

REPORT = [
    "政府工作报告",
    "——2024年1月22日在四川省第十四届人民代表大会第二次会议上",
    "四川省人民政府省长 黄强",
    "现在，我代表省人民政府，向大会报告工作，请予审议。",
    "一、2023年工作回顾",
    "稳就业方面，我们落实援企稳岗政策，城镇新增就业106万人，零就业家庭动态清零。",
    "二、2024年工作安排",
    "全力稳就业，实施就业优先政策，确保城镇新增就业85万人以上。",
    "加快科技创新，建设具有全国影响力的科技创新中心，研发经费投入增长10%。",
    "推进乡村全面振兴，粮食播种面积稳定在9600万亩以上，建设高标准农田420万亩。",
    "持续改善生态环境，长江干流水质保持Ⅱ类，空气质量优良天数率达到90%。",
    "扩大高水平对外开放，进出口总额增长5%，实际利用外资稳中提质。",
    "办好人民满意的教育，新建改扩建公办幼儿园200所，义务教育学校300所。",
]


def test_the_dateline_answers_when_and_where_a_text_was_given_and_nothing_else() -> None:
    report = parse("sichuan_2024.txt", REPORT)
    first = report.passages[0]
    assert first.text == "——2024年1月22日在四川省第十四届人民代表大会第二次会议上"
    assert is_dateline(first) and report.meta.date == "2024-01-22"
    index = index_of([report], SEGMENTER)
    asked = answer(index, "2024年那份省政府工作报告是在哪次会议上作的？", SEGMENTER)
    assert asked.hits[0].passage == first
    # a question about what the report says never gets the dateline
    for question in (
        "城镇新增就业多少万人？",
        "四川省第十四届人民代表大会第二次会议上讲了稳就业吗",
    ):
        got = answer(index, question, SEGMENTER)
        assert got.hits and all(h.passage != first for h in got.hits)


def test_a_dated_line_further_down_is_text() -> None:
    lines = [
        "劳动者暖心话语",
        "【前言】党的十八大以来，总书记在多个场合都表达过尊重劳动的思想。",
        "习近平：社会主义是干出来的",
        "时间：2018年4月30日 场合：回信勉励中国劳动关系学院劳模本科班学员",
        "话语：社会主义是干出来的，新时代也是干出来的。",
    ]
    page = parse("p.txt", lines)
    assert not any(is_dateline(p) for p in page.passages)


@pytest.mark.parametrize(
    ("question", "occasion", "given"),
    [
        ("2024年的政府工作报告是在哪次会议上作的？", True, True),
        ("那篇评论是哪天发的", True, True),
        ("施小琳2026年的政府工作报告是哪天作的?", True, True),
        # 工作报告 holds 作报告: not asked when it was given
        ("2016年政府工作报告里营改增是从什么时候扩大到哪些行业的？", False, False),
        # when a meeting opened: no text named as one
        ("2024年四川省人代会哪天开幕，谁主持的会议？", False, False),
        ("省人代会是哪天召开的？", True, False),
        # which issue or page of a paper printed it
        ("2021—2030年的妇女发展纲要收在国务院公报哪一期？", True, True),
        ("包头晚报哪个版面登了扩大托班招收范围的消息", True, False),
        # not a part of a plan, a course's fee, an edition or a download
        ("二期工程哪一期收费", False, False),
        ("第几期培训班收多少钱", False, False),
        ("这是哪个版本的收费标准", False, False),
        ("哪一期的课件可以下载", False, False),
    ],
)
def test_which_questions_ask_when_or_where_a_text_was_given(
    question: str, occasion: bool, given: bool
) -> None:
    assert (asks_occasion(question), asks_given(question)) == (occasion, given)


def elderly(year: int, article_75: str) -> Document:
    return parse(
        f"laonianren_{year}.md",
        [
            "中华人民共和国老年人权益保障法",
            f"{year}年12月28日 第十二届全国人民代表大会常务委员会第三十次会议修正",
            "第七十五条 " + article_75,
            "第七十六条 干涉老年人婚姻自由的，由有关单位给予批评教育。",
        ],
    )


def test_an_article_asked_of_a_law_held_in_two_editions_is_the_one_in_force() -> None:
    old = elderly(2015, "干涉老年人婚姻自由的，由有关单位给予批评教育。")
    new = elderly(2018, "老年人与家庭成员因赡养发生纠纷，可以申请调解。")
    index = index_of([old, new], SEGMENTER)
    got = answer(index, "老年法第七十五条", SEGMENTER)
    assert got.hits[0].passage.doc == new.doc and got.hits[0].passage.text.startswith("第七十五条")
    # the edition said right after the short name picks it (2015年修正本, 2015年版)
    assert law_names("老年法2015年修正本第七十五条") == ("老年法",)
    for question in ("老年法2015年修正本第七十五条", "老年法2015年版第七十五条"):
        hit = answer(index, question, SEGMENTER).hits[0].passage
        assert (hit.doc, hit.text[:5]) == (old.doc, "第七十五条")


def test_a_judicial_interpretation_goes_by_its_laws_name_and_number_not_the_law_itself() -> None:
    law = parse("hetongfa.md", ["中华人民共和国合同法", "第五十二条 有下列情形之一的，合同无效。"])
    interpretation = parse(
        "jieshi2.md",
        [
            "最高人民法院关于适用《中华人民共和国合同法》若干问题的解释（二）",
            "2009年2月9日 最高人民法院审判委员会第1462次会议通过",
            "第一条 当事人对合同是否成立存在争议，能够确定当事人名称的，一般应当认定合同成立。",
        ],
    )
    names = document_names(interpretation)
    assert {"合同法解释二", "合同法司法解释二", "合同法若干问题的解释二"} <= set(names)
    assert "合同法" not in names and "合同法" in document_names(law)
    held = [law, interpretation]
    assert find_target("合同法司法解释二里合同什么时候算成立？", held).docs == {interpretation.doc}
    assert find_target("合同法第五十二条说了什么", held).docs == {law.doc}


def test_editions_under_one_title_with_a_bracketed_note_and_the_earliest_of_them() -> None:
    first = parse(
        "xiaofa_1993.txt",
        ["中华人民共和国消费者权益保护法 (1993年)", "第五条 国家保护消费者的合法权益不受侵害。"],
    )
    later = parse(
        "xiaofa_2013.md",
        [
            "中华人民共和国消费者权益保护法",
            "2013年10月25日 第十二届全国人民代表大会常务委员会第五次会议修正",
            "第五条 国家保护消费者的合法权益不受侵害。国家倡导文明、健康的消费方式。",
        ],
    )
    held = [first, later]
    assert find_target("1993年版消法第五条原文是怎么写的？", held).docs == {first.doc}
    assert find_target("最早那版消保法第五条", held).docs == {first.doc}
    assert find_target("第一部消保法第五条怎么写的", held).docs == {first.doc}
    assert find_target("新消保法第五条", held).docs == {later.doc}


def test_a_bulletin_goes_by_the_year_it_reports_and_the_text_itself_before_a_page_on_it() -> None:
    national = parse(
        "gongbao_2022.txt",
        [
            "中华人民共和国2022年国民经济和社会发展统计公报",
            "2023年2月28日",
            "初步核算，全年国内生产总值1210207亿元，比上年增长3.0%。",
        ],
    )
    page = parse(
        "toushi_2022.txt",
        [
            "经济总量再上新台阶——透视2022年国民经济和社会发展统计公报",
            "公报显示，2022年我国国内生产总值达121万亿元。",
        ],
    )
    city = parse(
        "chongqing_2022.txt",
        [
            "2022年重庆市国民经济和社会发展统计公报",
            "初步核算，全年实现地区生产总值29129.03亿元。",
        ],
    )
    held = [national, page, city]
    target = find_target("2022年统计公报里国内生产总值是多少？", held)
    assert target.docs is not None and national.doc in target.docs
    assert target.preferred == {national.doc}
    index = index_of(held, SEGMENTER)
    got = answer(index, "2022年统计公报里国内生产总值是多少？", SEGMENTER)
    assert got.hits[0].passage.doc == national.doc
    # asked of the page about it, or of a place, that one is meant
    assert page.doc in find_target("透视2022年统计公报的文章怎么说GDP", held).preferred | {page.doc}
    assert national.doc not in find_target("2022年重庆统计公报里GDP是多少", held).preferred


def test_a_document_is_of_the_kind_its_names_call_it() -> None:
    def rural(year: int) -> Document:
        return parse(
            f"yihao_{year}.txt",
            [
                f"中共中央 国务院关于做好{year}年乡村振兴重点工作的意见",
                f"（{year}年1月2日）",
                f"{year}年要推进农村充电桩建设。",
            ],
        )

    held = [rural(2023), rural(2025)]
    assert "中央一号文件" in held[1].meta.names
    assert find_target("2025年文件对农村充电桩有什么安排？", held).docs == {held[1].doc}


def test_the_civil_code_is_named_by_three_characters_and_a_goal_year_dates_nothing() -> None:
    code = parse(
        "minfadian.md", ["中华人民共和国民法典", "第四百六十三条 本编调整因合同产生的民事关系。"]
    )
    assert "民法典" in document_names(code)
    assert find_target("民法典合同编调整什么关系？", [code]).docs == {code.doc}
    assert "大词典" not in document_names(parse("cidian.txt", ["汉语大词典", "凡例。"]))
    proposal = parse(
        "jianyi.txt",
        [
            "中共中央关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议",
            "一、全面建成小康社会。",
        ],
    )
    assert proposal.meta.year != 2035
    assert {"十四五规划建议", "十四五建议"} <= set(proposal.meta.names)
    explanation = parse(
        "shuoming.txt",
        [
            "关于《中共中央关于制定国民经济和社会发展第十四个五年规划和二〇三五年远景目标的建议》的说明",
            "受中央政治局委托，我就建议起草的有关情况向全会作说明。",
        ],
    )
    assert "十四五建议的说明" in explanation.meta.names
    assert "十四五建议" not in explanation.meta.names
    held = [proposal, explanation]
    assert find_target("按十四五建议的说明，起草组组长是谁", held).docs == {explanation.doc}
    assert find_target("十四五建议对区域协调发展怎么说", held).docs == {proposal.doc}


def test_the_first_paragraph_of_a_speech_is_past_its_dateline() -> None:
    from retrieval.parts import read_place

    assert read_place("讲话第一段说开这个会是为了什么").start
    assert read_place("第一段讲了什么").start
    assert not read_place(
        "旧章程总纲第一段说统一战线是怎么结成的"
    ).start  # a part's, not the text's
    speech = parse(
        "jiaoyu.txt",
        [
            "在全市教育大会上的讲话",
            "（2019年9月10日）",
            "今天召开全市教育大会，主要任务是部署加快推进教育现代化。",
            "过去五年，全市教育事业取得长足进步，新建改扩建学校120所。",
            "下一步，要坚持立德树人，深化教育评价改革，办好人民满意的教育。",
        ],
    )
    assert is_dateline(speech.passages[0])
    index = index_of([speech], SEGMENTER)
    got = answer(index, "讲话第一段讲了什么", SEGMENTER)
    assert got.hits[0].passage.text.startswith("今天召开全市教育大会")


def test_an_anniversary_meeting_is_held_when_a_report_of_it_says_so_in_its_lead() -> None:
    report = parse(
        "maozedong_120.txt",
        [
            "习近平：新形势下要坚持和运用好毛泽东思想活的灵魂",
            "中共中央举行纪念毛泽东同志诞辰120周年座谈会",
            "12月26日，中共中央在北京人民大会堂举行纪念毛泽东同志诞辰120周年座谈会。刘云山主持座谈会。",
        ],
    )
    speech = parse(
        "maozedong_130.txt",
        [
            "在纪念毛泽东同志诞辰130周年座谈会上的讲话",
            "（2023年12月26日）",
            "今天，我们在这里隆重集会，纪念毛泽东同志诞辰130周年。",
        ],
    )
    held = [report, speech]
    assert find_target("纪念毛泽东诞辰120周年座谈会是谁主持的？", held).docs == {report.doc}
    assert find_target("纪念毛泽东诞辰110周年座谈会是谁主持的？", held).missing
