"""What a newspaper's or a site's page puts around the text it prints: the issue that printed it
(when, on which page), its copy and search buttons and menu bar, a headline run into the text's
first words, and the text it is on (the one it gives a short name, 以下简称); each rule with the
counter-example it must not break."""

from __future__ import annotations

import pytest

from retrieval.boilerplate import clean
from retrieval.corpus import read_document
from retrieval.datelines import asks_occasion
from retrieval.dates import first_date
from retrieval.imprint import is_issue_line
from retrieval.model import Document
from retrieval.search import answer
from retrieval.segment import default_segmenter
from retrieval.targets import find_target
from tests.indexing import index_of

SEGMENTER = default_segmenter()


def page(name: str, lines: list[str]) -> Document:
    return read_document(name, "\n".join(lines).encode())


REPORT = [
    "最高人民法院工作报告",
    "正文复制",
    "人民日报/2024 年/3 月/16 日/第 004 版要闻",
    "最高人民法院工作报告",
    "——2024 年 3 月 8 日在第十四届全国人民代表大会第二次会议上",
    "最高人民法院院长 张军",
    "现在，我代表最高人民法院，向大会报告工作，请予审议。",
    "一、2023年主要工作",
    "全年受理案件4557.4万件，审结、执结4526.8万件，同比分别增长15.6%和13.7%。",
]


def test_a_papers_issue_dates_the_print_beside_the_dateline() -> None:
    document = page("fy_2024.txt", REPORT)
    assert document.title.startswith("最高人民法院工作报告")
    assert document.meta.date == "2024-03-08"  # the report's day, not the paper's
    assert document.meta.speaker == "张军"
    assert all("正文复制" not in p.text for p in document.passages)
    index = index_of([document], SEGMENTER)
    hits = answer(index, "最高法2024年的工作报告登在人民日报哪天、第几版？", SEGMENTER).hits
    assert "第 004 版" in hits[0].passage.text and "3 月 8 日" in hits[0].passage.text
    # and, not asked when it was given or printed, the dateline and the issue are not shown
    hits = answer(index, "最高法全年受理了多少案件", SEGMENTER).hits
    assert hits[0].passage.text.startswith("全年受理案件")
    assert all("第 004 版" not in h.passage.text for h in hits)


@pytest.mark.parametrize(
    ("line", "issue"),
    [
        ("人民日报/2024 年/3 月/16 日/第 004 版要闻", True),
        ("深圳特区报/2024 年/2 月/17 日/第 A02 版文件", True),
        ("新华日报 2024年3月6日 第01版", True),
        ("《人民日报》（2024年03月16日 第01版）", True),
        ("人民日报海外版 2024年3月6日 第03版", True),
        ("人民日报第5版刊发了评论员文章。", False),  # a sentence about a paper
        ("情况通报第3版", False),  # a report's edition: no day of an issue
        ("第5版", False),
    ],
)
def test_an_issue_line_is_a_papers_name_day_and_page_alone(line: str, issue: bool) -> None:
    assert is_issue_line(line) is issue


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("报告登在人民日报哪天", True),
        ("这篇讲话哪天刊发的", True),
        ("人民日报登了哪些内容", False),  # no when or where
        ("登记手续哪天办", False),  # 登记 is no printing
    ],
)
def test_printed_when_asks_the_dateline(question: str, asks: bool) -> None:
    assert asks_occasion(question) is asks


def test_a_letter_spaced_date_is_a_date() -> None:
    assert first_date("——2025 年 1 月 15 日在上海市第十六届人民代表大会第三次会议上") == (
        2025,
        1,
        15,
    )
    assert first_date("2019年 3月") == (2019, 3, None)


def test_a_sites_buttons_and_menu_bar_are_controls_not_title() -> None:
    lines = [
        "首 页     教育信息     政务公开     网上办事     互动交流  ",
        "本站网站:高级搜索 网上投稿",
        "首页",
        "> 政务公开 > 政策法规",
        "湖北省全民阅读促进办法",
        "第一条 为了推动全民阅读，制定本办法。",
    ]
    assert list(clean(lines).lines)[-2:] == lines[-2:]
    assert page("hb_banfa.txt", lines).title.startswith("湖北省全民阅读促进办法")
    # a sentence about a site's menus and search is text
    text = ["首页显示的内容包括政务公开、网上办事等栏目。", "网站搜索功能已升级。"]
    assert list(clean(text).lines) == text


def test_a_trail_ending_on_its_labels_line_leaves_the_headline_under_it() -> None:
    lines = [
        "所在位置:大风车考试网 > 档案管理制度 > 正文",
        "深圳全民阅读条例全文",
        "2023-06-05 13:09:25 文/大风车考试网",
        "第一条 为了促进全民阅读，制定本条例。",
    ]
    assert page("sz.txt", lines).title.startswith("深圳全民阅读条例全文")
    # a trail broken after its label goes on under it (当前位置： / 首页 / 新闻)
    vertical = [
        "当前位置：",
        "首页",
        "新闻中心",
        "县政府召开第三十次常务会议研究春耕",
        "会议研究了春耕生产。",
    ]
    assert list(clean(vertical).lines)[-2:] == vertical[-2:]
    assert "新闻中心" not in clean(vertical).lines


def test_a_headline_run_into_the_texts_first_words_is_the_title() -> None:
    document = page(
        "sz_2024.txt",
        [
            "2024年深圳市政府工作报告全文发布现在,我代表深圳市人民政府,向大会报告政府工作,请予审议。",
            "2023年全市地区生产总值3.46万亿元、增长6.0%。",
        ],
    )
    assert document.title.startswith("2024年深圳市政府工作报告全文发布")
    assert document.passages[0].text.startswith("现在,我代表深圳市人民政府")
    # a sentence before the opening words is no headline, nor a salutation's list
    speech = page("kh.txt", ["会议开始。同志们，今天我们召开全县大会。", "一要抓好安全生产。"])
    assert not speech.title.startswith("会议开始")
    from retrieval.title_lines import unglued_headline

    for line in (
        "各位领导、各位来宾、各位代表：大家好！",
        "尊敬的各位领导、各位代表：今天召开大会。",
    ):
        assert unglued_headline([line]) == [line]


NEWS = [
    "“林长制条例”下月起施行",
    "6月27日,记者从省政府新闻办获悉,5月31日,省人大常委会会议通过《江西省林长制条例》"
    "(以下简称《条例》)。《条例》自2022年7月1日起施行,系全国第二部省级林长制法规。",
    "2018年7月,省委、省政府出台《关于全面推行林长制的意见》,全面建立林长制。",
    "《条例》规定,总林长由省委书记、省长担任。",
]
ANNUAL = [
    "上海市2023年政府信息公开工作年度报告",
    "本年度报告根据《中华人民共和国政府信息公开条例》(以下简称《条例》)和《上海市政府信息"
    "公开规定》(以下简称《规定》)编制。",
    "2023年，全市主动公开政府信息12万条。",
]


def test_a_page_holds_the_text_it_gives_a_short_name_not_those_it_rests_on() -> None:
    documents = [page("jx_news.txt", NEWS), page("sh_nianbao.txt", ANNUAL)]
    target = find_target("江西省林长制条例哪天开始施行？", documents)
    assert target.docs == frozenset({"jx_news.txt"}) and not target.missing
    hits = answer(index_of(documents, SEGMENTER), "江西省林长制条例哪天开始施行？", SEGMENTER).hits
    assert "2022年7月1日起施行" in hits[0].passage.text
    # the annual report rests on the 规定, it is no copy of it; nor is a page on a local rule
    # one of the law that rule carries out (为贯彻实施《…森林法》(以下简称…))
    target = find_target("《上海市政府信息公开规定》第十条是怎么规定的？", documents)
    assert target.missing == "《上海市政府信息公开规定》"
    rule = [
        "某市印发林长制实施办法",
        "为贯彻实施《中华人民共和国森林法》（以下简称《森林法》），市政府近日印发了《某市林长制"
        "实施办法》（以下简称《办法》）。",
        "《办法》规定，市长任总林长。",
    ]
    documents = [page("rule.txt", rule)]
    asked = "《中华人民共和国森林法》对林木采伐许可是怎么规定的？"
    assert find_target(asked, documents).missing == "《中华人民共和国森林法》"
    assert not find_target("《某市林长制实施办法》是谁印发的", documents).missing


def test_a_title_named_whole_is_held_whatever_its_kind() -> None:
    """A page introducing an 意见 holds it: 《关于全面推行林长制的意见》 is not missing."""
    opinion = [
        "国家林业和草原局:全国全面建立林长制的目标如期实现",
        "在今天举行的新闻发布会上,《关于全面推行林长制的意见》(以下简称《意见》)印发以来,"
        "各地全面推行林长制改革。",
        "2020年12月29日,中共中央办公厅、国务院办公厅印发《意见》。",
    ]
    documents = [page("ly.txt", opinion)]
    assert not find_target("《关于全面推行林长制的意见》是哪天印发的？", documents).missing
    assert find_target("《关于全面推行河长制的意见》是哪天印发的？", documents).missing


def test_a_years_text_reported_in_a_pages_first_sentence_is_no_missing_text() -> None:
    held = page(
        "sz_2024.txt",
        [
            "政府工作报告",
            "——2024年1月30日在深圳市第七届人民代表大会第五次会议上",
            "2023年全市地区生产总值3.46万亿元。",
        ],
    )
    news = page(
        "sz_2025_news.txt",
        [
            "广东深圳2025年工作安排:虚拟电厂可调负荷提升至100万千瓦",
            "3月10日,2025年深圳市政府工作报告全文发布。报告明确了2025年工作安排。",
        ],
    )
    question = "2025年深圳市政府工作报告全文是哪天公布的?"
    assert find_target(question, [held]).missing.startswith("2025年")
    assert not find_target(question, [held, news]).missing
    # a page passing the report on (传达学习…精神) is not on it
    passing = page(
        "sz_2025_cwh.txt",
        ["深圳市委常委会召开会议", "会议传达学习2025年深圳市政府工作报告精神，研究部署有关工作。"],
    )
    assert find_target(question, [held, passing]).missing.startswith("2025年")


def test_a_congress_announcement_heads_the_law_it_promulgates() -> None:
    """The announcement's header is no title: the law under it is the text (its issuer signing
    below the header is no repeat of it); a headline about an announcement stays a headline."""
    law = [
        "北京市人民代表大会常务委员会公告〔十五届〕第88号",
        "字体大小:",
        "《北京市城市更新条例》已由北京市第十五届人民代表大会常务委员会第四十五次会议于2022年"
        "11月25日通过,现予公布,自2023年3月1日起施行。",
        "北京市人民代表大会常务委员会",
        "2022年11月25日",
        "北京市城市更新条例",
        "(2022年11月25日北京市第十五届人民代表大会常务委员会第四十五次会议通过)",
        "第一条 为了推动城市更新，制定本条例。",
    ]
    assert page("bj.txt", law).title.startswith("北京市城市更新条例")
    news = [
        "市人大常委会发布公告公布城市更新条例",
        "2022年11月25日",
        "会议表决通过了城市更新条例。",
    ]
    assert page("bj_news.txt", news).title.startswith("市人大常委会发布公告")


def test_a_trail_in_traditional_characters_is_furniture() -> None:
    lines = [
        "當前位置: 華文頭條 > 推薦",
        "全國人大常委會法工委:用十五年時間,逐步延遲法定退休年齡",
        "今天上午,會議表決通過了決定。",
    ]
    assert list(clean(lines).lines) == lines[1:]
    assert page("gm.txt", lines).title.startswith("全國人大常委會法工委")


def test_a_pages_tags_are_no_title() -> None:
    lines = [
        "关键词: 国防目标 国防白皮书 国防政策",
        "中国发表第7部国防白皮书",
        "3月31日，白皮书发表。",
    ]
    assert "关键词" not in page("bps.txt", lines).title
    # counter-example: a title with a colon and spaces is a title (习近平：在…上的讲话)
    speech = ["习近平：在庆祝改革开放40周年大会上的讲话", "同志们：", "今天，我们隆重集会。"]
    assert page("jh.txt", speech).title.startswith("习近平：在庆祝改革开放40周年大会上的讲话")


def test_a_title_the_corpus_names_in_quotes_is_asked_of_where_it_is_named() -> None:
    """《关于…的意见》是哪一年印发的: the texts naming it answer, though none is it; what it
    stipulates (its articles) is its own, which the corpus lacks."""
    page_on = page(
        "qs.txt",
        [
            "选人用人的导向",
            "2018年5月，中共中央办公厅印发《关于进一步激励广大干部新时代新担当新作为的意见》，"
            "提出建立激励机制和容错纠错机制。",
            "干部考核是干部管理的基础性工作。",
        ],
    )
    asked = "《关于进一步激励广大干部新时代新担当新作为的意见》是哪一年、由哪个部门印发的？"
    assert not find_target(asked, [page_on]).missing
    stipulated = "《关于进一步激励广大干部新时代新担当新作为的意见》第五条是怎么规定的？"
    assert find_target(stipulated, [page_on]).missing


def test_a_title_a_text_only_rests_on_tells_nothing_of_when_it_was_made() -> None:
    rule = page(
        "qx.txt",
        [
            "上海市实施《中华人民共和国气象法》办法",
            "第一条 根据《中华人民共和国气象法》，结合本市实际，制定本办法。",
            "第二条 从事气象探测活动，应当遵守《中华人民共和国气象法》和本办法。",
        ],
    )
    asked = "《中华人民共和国气象法》是哪一年通过的？一共有多少条？"
    assert find_target(asked, [rule]).missing == "《中华人民共和国气象法》"


def test_a_places_rule_a_report_quotes_is_asked_when_it_was_made_of_the_report() -> None:
    """甘肃省法律援助条例是哪次会议修订通过的, where the corpus holds the national 条例 and a
    report quoting 甘肃's: the report answers, with the title unquoted in the question."""
    national = page(
        "gj.md",
        ["法律援助条例", "第一条 为了保障经济困难的公民获得必要的法律服务，制定本条例。"],
    )
    report = page(
        "gs.txt",
        [
            "中国甘肃网3月31日讯 据兰州晚报报道",
            "3月30日,《甘肃省法律援助条例》由甘肃省第十四届人民代表大会常务委员会第二次会议"
            "修订通过,自2023年5月1日起施行。",
        ],
    )
    held = [national, report]
    for asked in (
        "甘肃省法律援助条例是哪次会议修订通过的？什么时候施行？",
        "甘肃省法律援助条例是什么时候修订的？",
        "甘肃省法律援助条例是谁修订通过的？",
    ):
        assert not find_target(asked, held).missing, asked
    # counter-examples: what it stipulates is its own articles, which the corpus lacks, also
    # asked when or who (什么时候可以申请, 谁可以申请: what it says, not how it was made)
    for asked in (
        "甘肃省法律援助条例对法律援助人员有什么规定？",
        "甘肃省法律援助条例里，公民什么时候可以获得法律援助？",
        "谁可以申请甘肃省法律援助条例里的法律援助",
    ):
        assert find_target(asked, held).missing == "《甘肃省法律援助条例》", asked
