"""Reports and texts read by the conventions of their genre: a budget or plan report is the
report of the year it plans and goes by 预算报告/计划报告; a title in Traditional characters
is of its kind too; a ministry on the line under a title is its author, not a speaker whose
name alone names the text; and a question that names no place asks of the nation's text
before a province's."""

from __future__ import annotations

from retrieval.model import Document
from retrieval.names import document_names
from retrieval.places import places_of
from retrieval.search import answer
from retrieval.segment import default_segmenter
from retrieval.structure import parse
from retrieval.targets import find_target
from tests.indexing import index_of

SEGMENTER = default_segmenter()

BUDGET_2021 = [
    "关于2020年中央和地方预算执行情况与2021年中央和地方预算草案的报告",
    "——2021年3月5日在第十三届全国人民代表大会第四次会议上",
    "财政部",
    "各位代表：",
    "一、2020年中央和地方预算执行情况",
    "2020年全国一般公共预算收入182895亿元，下降3.9%；全国一般公共预算支出245588亿元。",
    "二、2021年中央和地方预算草案",
    "2021年赤字率拟按3.2%左右安排，赤字规模3.57万亿元，比去年减少1900亿元。",
]

REVIEW_2021 = [
    "全国人民代表大会财政经济委员会关于2020年中央和地方预算执行情况与2021年中央和地方预算草案的审查结果报告",
    "财政经济委员会审查了国务院提出的预算报告和预算草案，认为预算草案总体可行。",
]

BUDGET_LAW = [
    "中华人民共和国预算法",
    "第二十三条 国务院编制中央预算、决算草案；组织中央和地方预算的执行。",
    "第五十一条 预算执行中，政府财政部门负责拨付预算资金，监督各部门、各单位预算的执行。",
]


def test_a_budget_report_is_the_report_of_the_year_it_plans() -> None:
    report = parse("yusuan_2021.txt", BUDGET_2021)
    assert report.meta.year == 2021
    assert {"预算报告", "2021年预算报告"} <= set(document_names(report))
    # a committee's review of it is a report on it, not the budget report
    review = parse("shencha_2021.txt", REVIEW_2021)
    assert "预算报告" not in document_names(review)
    target = find_target("2021年预算报告的赤字率是多少", [review, report])
    assert target.docs == frozenset({"yusuan_2021.txt"})


def test_a_title_in_traditional_characters_is_of_its_kind() -> None:
    lines = [
        "關於2019年中央和地方預算執行情況與2020年中央和地方預算草案的報告（摘要）",
        "新華社北京5月22日電 受國務院委託，財政部5月22日提請十三屆全國人大三次會議審查預算報告。",
    ]
    report = parse("zhaiyao_2020.txt", lines)
    assert report.meta.kind == "报告" and report.meta.year == 2020
    assert "2020年预算报告" in document_names(report)
    assert report.title == lines[0]  # shown as written


def test_a_ministry_under_a_title_is_its_author_not_a_speaker_named_alone() -> None:
    report = parse("yusuan_2021.txt", BUDGET_2021)
    law = parse("yusuanfa.md", BUDGET_LAW)
    index = index_of([report, law], SEGMENTER)
    # 财政部门 of a question about the law's duties names no report
    target = find_target("预算执行过程中财政部门主要负责哪些事", index.catalog)
    assert target.docs is None
    got = answer(index, "预算执行过程中财政部门主要负责哪些事", SEGMENTER)
    assert got.hits[0].passage.doc == "yusuanfa.md"
    # a person on that line still names the speech (counter-example)
    speech = parse(
        "jianghua.txt", ["在全省财政工作会议上的讲话", "王明远", "同志们：今年财政收入增长5%。"]
    )
    assert find_target("王明远讲了什么", [speech, law]).docs == frozenset({"jianghua.txt"})


NATIONAL = [
    "中华人民共和国反家庭暴力法",
    "第二十五条 人身安全保护令案件由申请人居住地的基层人民法院管辖。",
    "第二十八条 人民法院受理申请后，应当在七十二小时内作出人身安全保护令或者驳回申请。",
]
PROVINCIAL = [  # the same rule, said more briefly: BM25 alone puts it first
    "山东省反家庭暴力条例",
    "第三十八条 人身安全保护令案件由基层人民法院管辖。",
    "第四十六条 被申请人在人身安全保护令生效期间继续骚扰申请人的，由公安机关依法处理。",
]


def test_a_question_naming_no_place_asks_of_the_nations_text() -> None:
    index = index_of([parse("fanjiabao.md", NATIONAL), parse("shandong.md", PROVINCIAL)], SEGMENTER)
    got = answer(index, "人身安全保护令案件由哪个法院管辖？", SEGMENTER)
    assert got.hits[0].passage.doc == "fanjiabao.md"
    # a question naming the province asks of its regulation (counter-example)
    got = answer(index, "山东的人身安全保护令案件由哪个法院管辖？", SEGMENTER)
    assert got.hits[0].passage.doc == "shandong.md"


def test_a_year_a_figure_is_only_compared_with_is_not_the_year_it_gives() -> None:
    page = parse(
        "jiuye_2021.txt",
        [
            "人社部举行2021年一季度新闻发布会",
            "一季度，城镇新增就业297万人，比2019年同期增加10万人，完成全年目标任务的27%。",
            "3月份，全国城镇调查失业率为5.3%，比上月下降0.2个百分点。",
            "一季度，全国共为企业减负增效，阶段性降低失业保险费率政策延续实施。",
            "技能培训方面，开展职业技能提升行动，补贴性职业技能培训超过300万人次。",
            "社会保障方面，基本养老保险参保人数稳步增加，养老金按时足额发放。",
            "劳动关系方面，各地持续开展根治欠薪行动，维护农民工合法权益。",
        ],
    )
    index = index_of([page], SEGMENTER)
    # the 2019 figure is not given: no passage of the year asked
    assert not answer(index, "2019年一季度城镇新增就业多少人？", SEGMENTER).hits
    # a question comparing with that year asks of the year it compares (counter-example),
    # and one comparing two years asks of both
    assert find_target("2021年一季度城镇新增就业比2019年同期多了多少？", [page]).years == (2021,)
    assert find_target("比较2019年和2021年的城镇新增就业", [page]).years == (2019, 2021)
    got = answer(index, "2021年一季度城镇新增就业比2019年同期多了多少？", SEGMENTER)
    assert got.hits[0].passage.text.startswith("一季度，城镇新增就业297万人")


def test_a_year_asked_is_a_constraint_more_than_a_word_to_match() -> None:
    page = parse(
        "tongjiju_2018.txt",
        [
            "国家统计局介绍2018年一季度国民经济运行情况",
            "国家统计局新闻发言人今天表示，2018年一季度中国经济运行的特点，可以用“稳、新、优、好”"
            "四个字来概括，2018年经济开局良好。",
            "经济增长平稳，今年一季度我国经济增长6.8%，这个增速和上季度持平。",
            "就业扩大，一季度全国城镇新增就业322万人，比上年同期增加3万人。",
            "物价稳定，一季度居民消费价格比上年同期上涨2.1%。",
            "国际收支改善，一季度货物进出口总额增长9.4%。",
        ],
    )
    index = index_of([page], SEGMENTER)
    got = answer(index, "2018年一季度经济增速是多少", SEGMENTER)
    assert got.hits[0].passage.text.startswith("经济增长平稳")
    # a year the corpus never speaks of still finds nothing (counter-example)
    assert not answer(index, "2016年一季度我国经济增长了多少？", SEGMENTER).hits


def test_a_page_reprinting_a_text_is_named_by_the_text() -> None:
    page = parse(
        "renyong_2014.txt",
        [
            "新修订党政领导干部选拔任用工作条例全文",
            "第一条 为了建设一支信念坚定、为民服务、勤政务实、敢于担当、清正廉洁的高素质干部队伍，"
            "制定本条例。",
            "第二条 选拔任用党政领导干部，必须坚持下列原则。",
        ],
    )
    assert "党政领导干部选拔任用工作条例" in document_names(page)
    # a title that is only a kind and 全文 keeps its words (counter-example)
    short = parse("quanwen.txt", ["条例全文", "第一条 为了规范管理，制定本条例。"])
    assert "条例" not in document_names(short)


def test_a_text_made_of_a_quoted_report_is_named_by_its_whole_title() -> None:
    tasks = parse(
        "fengong_2025.txt",
        [
            "2025年省《政府工作报告》重点工作分工方案(一)",
            "一、对地区生产总值增长5%以上的目标，省发展改革委牵头负责。",
        ],
    )
    report = parse(
        "hlj_2023.txt",
        [
            "政府工作报告（黑龙江，2023年）",
            "——2023年1月12日在黑龙江省第十四届人民代表大会第一次会议上",
            "过去的五年，是我省发展进程中极不寻常、极不平凡的五年。",
        ],
    )
    names = document_names(tasks)
    assert "2025年省政府工作报告重点工作分工方案" in names
    assert not {"政府工作报告", "2025年政府工作报告"} & set(names)
    # the report named is the report, not the task list made of it
    target = find_target("黑龙江2023年的政府工作报告是哪天作的", [tasks, report])
    assert target.docs == {"hlj_2023.txt"}
    # counter-example: a notice issuing a text in 《》 goes by the text's name
    notice = parse("tz.txt", ["关于印发《党政机关厉行节约反对浪费条例》的通知", "各地区各部门："])
    assert "党政机关厉行节约反对浪费条例" in document_names(notice)


def test_a_city_named_with_its_suffix_is_a_place_whose_report_the_corpus_lacks() -> None:
    report = parse(
        "changchun_2025.txt",
        ["长春市政府工作报告(2025年)", "——2025年1月8日在长春市第十六届人民代表大会第四次会议上"],
    )
    # jieba tags 大连市 a place, not 大连 alone
    target = find_target("大连市2025年政府工作报告的主要预期目标有哪些", [report])
    assert target.missing == "大连市政府工作报告"
    # counter-example: the city the corpus holds is found
    assert find_target("长春市2025年政府工作报告的主要预期目标", [report]).docs == {
        "changchun_2025.txt"
    }


def test_which_places_report_says_a_quote_asks_every_places_report() -> None:
    bare = parse(
        "hlj_2023.txt",
        [
            "政府工作报告（黑龙江，2023年）",
            "——2023年1月12日在黑龙江省第十四届人民代表大会第一次会议上",
            "五年来，现代农业加快发展，坚决当好维护国家粮食安全压舱石。",
        ],
    )
    titled = parse(
        "jl_2026.txt",
        [
            "2026年吉林省政府工作报告",
            "当好清正廉洁的守护人。始终把纪律规矩挺在前面，坚决扛起全面从严治党政治责任。",
        ],
    )
    question = "“当好清正廉洁的守护人”是哪个省的政府工作报告提的？"
    # the genre's name alone is no name of the one report titled by it
    assert find_target(question, [bare, titled]).docs is None
    hits = answer(index_of([bare, titled], SEGMENTER), question, SEGMENTER).hits
    assert hits and hits[0].passage.doc == "jl_2026.txt"
    # counter-examples: a place asked of the text, not of which place's text, leaves it named
    asked = find_target("黑龙江2023年政府工作报告里哪个城市获评了什么", [bare, titled])
    assert asked.docs == {"hlj_2023.txt"}
    asked = find_target("黑龙江2023年政府工作报告说哪些城市要出台落户办法", [bare, titled])
    assert asked.docs == {"hlj_2023.txt"}


def test_a_countys_report_is_of_its_county_and_of_the_year_its_title_opens_with() -> None:
    def county(name: str, title: str, day: str, text: str) -> Document:
        return parse(name, [title, f"——{day}在{title[5:8]}第十七届人民代表大会第四次会议上", text])

    xia = county(
        "xia_2024.txt", "2024年夏县政府工作报告", "2024年1月9日", "全县地区生产总值增长5.1%。"
    )
    ling = county(
        "ling_2026.txt", "2026年陵川县政府工作报告", "2025年12月22日", "全县生产总值增长6%。"
    )
    dan = county(
        "dan_2024.txt", "2024年大宁县政府工作报告", "2024年3月11日", "全县生产总值增长4%。"
    )
    corpus = [xia, ling, dan]
    assert {"夏县"} <= places_of(xia.title, "", "") and {"陵川县", "陵川"} <= places_of(
        ling.title, "", ""
    )
    # a county the corpus holds is no place it lacks, and the county said picks its own report
    assert find_target("夏县2023年GDP多少", corpus).missing == ""
    assert find_target("大宁县2024年政府工作报告是哪天作的", corpus).docs == {"dan_2024.txt"}
    # the 2026 report given in December 2025 is the 2026年 report its title says
    assert find_target("陵川县2026年的政府工作报告是哪天作的", corpus).docs == {"ling_2026.txt"}
    # counter-examples: 全县, 城区 and 社区 are no places, nor the counties a national text is
    # about (贫困县, 山区, 新区, 自治县); a county the corpus lacks is missing
    assert places_of("全县城区社区开发区政府工作报告", "", "") == frozenset()
    national = "国务院关于支持贫困县、山区、国家级新区和民族自治县发展的意见"
    assert places_of(national, "", "") == frozenset()
    assert places_of("长阳土家族自治县政府工作报告", "", "") == frozenset()
    assert find_target("交口县2023年政府工作报告是哪天作的", corpus).missing
