"""Editions of one text told apart by year, by 新/旧 or by the words naming them, and the
short names national texts go by."""

from __future__ import annotations

import pytest

from retrieval.editions import asks_older
from retrieval.history import asks_history
from retrieval.model import Document
from retrieval.normalize import fold
from retrieval.search import answer, parse_question
from retrieval.segment import default_segmenter
from retrieval.structure import parse
from retrieval.targets import find_target
from tests.indexing import index_of

SEGMENTER = default_segmenter()


def doc(name: str, lines: list[str]) -> Document:
    return parse(name, lines)


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("统计法修订过几次？", True),
        ("节约能源法是哪一年全面修订的？", True),
        ("这部法是2018年修正的吗？", True),  # asks whether that revision was made
        ("统计法2009年修订的具体日期是哪天？", True),  # asks of the revision itself
        ("统计法是2009年修订的还是1996年？", True),
        ("按照现行（2024年修正）统计法，统计员可以不亮证吗？", False),
        ("2015年修正的代表法里，代表建议的答复期限是多久？", False),
        ("新修订的保密法要求多久审核一次？", False),
    ],
)
def test_an_edition_named_before_the_texts_name_does_not_ask_of_its_history(
    question: str, asks: bool
) -> None:
    assert asks_history(question) is asks


def test_editions_named_by_their_year_or_as_new_or_old_when_the_kind_alone_names_them() -> None:
    def interpretation(name: str, year: int, article: str) -> Document:
        return doc(
            name,
            [
                "最高人民法院、最高人民检察院关于办理危害食品安全刑事案件适用法律若干问题的解释",
                f"{year}年12月30日 最高人民法院审判委员会通过",
                f"第一条 {article}",
            ],
        )

    old = interpretation(
        "j2013.md", 2013, "生产、销售不符合食品安全标准的食品，足以造成严重食物中毒事故。"
    )
    new = interpretation(
        "j2021.md", 2021, "在食品中掺入有毒、有害的非食品原料的，应当认定为有毒、有害的非食品原料。"
    )
    held = (old, new)
    assert (old.meta.kind, new.meta.kind) == ("解释", "解释")
    assert find_target("2013年的解释开头说了什么", held).docs == {"j2013.md"}
    assert find_target("按新的司法解释，注水肉定什么罪", held).docs == {"j2021.md"}
    assert find_target("旧解释对婴幼儿食品怎么规定", held).docs == {"j2013.md"}
    # the edition in force in the year it took effect
    assert find_target("22年开始施行的那个解释怎么认定明知", held).docs == {"j2021.md"}
    # counter-examples: 解释 as a verb names nothing, nor does 新条例 of two different texts
    assert find_target("怎么解释有毒有害的非食品原料", held).docs is None
    rules = (
        doc("a.md", ["北京市统计条例", "2015年5月29日通过", "第一条 为了保障统计资料。"]),
        doc("b.md", ["广东省食品安全条例", "2022年3月1日通过", "第一条 为了保证食品安全。"]),
    )
    assert find_target("新条例对统计资料怎么规定", rules).docs is None


def test_a_national_texts_name_without_the_states_and_the_words_naming_its_edition() -> None:
    rules = doc(
        "ss.md",
        [
            "中华人民共和国统计法实施条例",
            "2017年4月12日国务院第168次常务会议通过",
            "第三章 统计资料的管理和公布",
            "第四条 统计调查对象应当依照统计法和国家有关规定，真实、准确地提供统计资料。",
        ],
    )
    assert "统计法实施条例" in rules.meta.names
    assert find_target("统计法实施条例第四条讲什么", (rules,)).docs == {"ss.md"}
    # counter-example: a speech's title does not lose the state's name
    speech = doc("p.md", ["中华人民共和国成立70周年大会上的讲话", "同志们，朋友们。"])
    assert not any(n.startswith("成立") for n in speech.meta.names)
    # the year and act picking an edition name it: they are not what is asked
    target = find_target("2009年修订的统计法从哪天起施行", (_statistics_law(),))
    assert target.said == ("2009年修订的统计法",)
    assert find_target("统计法（2024年修正）第三条", (_statistics_law(),)).said == (
        "统计法(2024年修正)",  # folded
    )


def test_a_year_before_its_revision_needs_no_nian() -> None:
    from retrieval.dates import question_years

    assert [m.year for m in question_years("统计法（2024修正）规定")] == [2024]  # as texts cite
    assert question_years("2024修") == []  # not a revision


def test_the_law_now_in_force_is_the_latest_edition() -> None:
    old, new = (
        _statistics_law(),
        doc(
            "tj24.md",
            [
                "中华人民共和国统计法",
                "2024年9月13日 第十四届全国人民代表大会常务委员会第十一次会议修正",
                "第一条 为了科学、有效地组织统计工作，制定本法。",
            ],
        ),
    )
    for question in (
        "现在的统计法第一条讲什么",
        "目前的统计法第一条讲什么",
        "统计法（2024修正）第一条",
    ):
        assert find_target(question, (old, new)).docs == {"tj24.md"}, question
    assert find_target("统计法第一条讲什么", (old, new)).docs == {"tj.md", "tj24.md"}


def _statistics_law() -> Document:
    return doc(
        "tj.md",
        [
            "中华人民共和国统计法",
            "1983年12月8日 第六届全国人民代表大会常务委员会第三次会议通过 2009年6月27日 "
            "第十一届全国人民代表大会常务委员会第九次会议修订",
            "第一条 为了科学、有效地组织统计工作，制定本法。",
            "第五十条 本法自2010年1月1日起施行。",
        ],
    )


def test_the_documents_full_name_is_said_where_a_shorter_one_is_read_inside_it() -> None:
    rules = doc(
        "zb.md",
        [
            "# 征兵工作条例",
            "1985年10月24日 国务院、中央军委发布",
            "2023年4月1日 国务院、中央军委令第759号第二次修订",
            "第七十四条 本条例自2023年5月1日起施行。",
        ],
    )
    said = find_target("2023年修订的征兵工作条例从什么时候开始施行", (rules,)).said
    assert "2023年修订的征兵工作条例" in said


def test_a_kind_with_a_place_and_a_year_names_that_places_report_of_that_year() -> None:
    def report(name: str, city: str, year: int, text: str) -> Document:
        return doc(name, [f"{year}年{city}市政府工作报告", "各位代表：", text])

    reports = (
        report("bj24.txt", "北京", 2024, "2023年地区生产总值增长5.2%，新增中小学学位3万个。"),
        report("bj25.txt", "北京", 2025, "今年新增中小学学位2万个，城镇新增就业26万人。"),
        report("sh25.txt", "上海", 2025, "今年新增中小学学位1万个，城镇新增就业60万人。"),
        report("tj25.txt", "天津", 2025, "天津港集装箱吞吐量突破2300万标准箱。"),
    )
    rules = doc("tl.md", ["# 北京市接诉即办工作条例", "第一条 为了规范接诉即办工作，制定本条例。"])
    held = (*reports, rules)
    assert find_target("北京2025年报告里说今年要新增多少个中小学学位", held).docs == {"bj25.txt"}
    # counter-examples: a year alone names every report of that year; a place within a place
    # held (天津港 of 天津) is no place whose report the corpus lacks
    assert find_target("2025年报告里新增多少中小学学位", held).docs == {
        "bj25.txt",
        "sh25.txt",
        "tj25.txt",
    }
    assert not find_target("天津港2024年集装箱吞吐量是多少", held).missing


def test_implementing_rules_held_as_a_xize_are_named_by_year_and_edition() -> None:
    law = doc("fa.txt", ["# 中华人民共和国专利法", "第一条 为了保护专利权人的合法权益，制定本法。"])

    def rules(name: str, year: int) -> Document:
        return doc(
            name,
            [
                "# 中华人民共和国专利法实施细则",
                f"{year}年1月9日 《国务院关于修改〈中华人民共和国专利法实施细则〉的决定》修订",
                "第一条 根据专利法，制定本细则。",
            ],
        )

    held = (law, rules("x2010.txt", 2010), rules("x2023.txt", 2023))
    old = find_target("2010年修订的专利法实施细则规定的奖金最低多少", held)
    assert old.docs == {"x2010.txt"} and not old.missing
    assert find_target("23年版实施细则对报酬怎么规定", held).docs == {"x2023.txt"}
    assert find_target("新版实施细则第五章讲的是什么", held).docs == {"x2023.txt"}
    # counter-example: with the law alone held, its implementing rules are missing
    assert find_target("专利法实施细则规定的奖金最低多少", (law,)).missing == "《专利法实施细则》"


def test_a_place_said_with_a_kind_names_that_places_text_of_the_kind() -> None:
    zhejiang = doc(
        "zj.md",
        [
            "# 浙江省实施《中华人民共和国道路交通安全法》办法",
            "第一条 根据道路交通安全法，制定本办法。",
        ],
    )
    shandong = doc(
        "sd.md",
        [
            "# 山东省实施《中华人民共和国道路交通安全法》办法",
            "第一条 根据道路交通安全法，结合本省实际。",
        ],
    )
    news = doc("xw.txt", ["浙江开展全国交通安全日宣传活动", "浙江各地开展礼让斑马线宣传。"])
    held = (zhejiang, shandong, news)
    assert find_target("浙江办法对危险品运输车限速多少", held).docs == {"zj.md"}
    assert find_target("山东省的实施办法对校车怎么规定", held).docs == {"sd.md"}
    # counter-example: a place said apart from the kind names none of its texts
    assert find_target("浙江跟国家的办法比多了哪些规定", held).docs is None


def test_a_date_the_file_name_gives_dates_a_text_that_gives_none() -> None:
    lines = [
        "# 最高人民法院关于办理减刑、假释案件具体应用法律的规定",
        "第一条 为确保依法公正办理减刑、假释案件，制定本规定。",
    ]
    named = parse("减刑假释规定(2016-11-14).md", lines)
    assert (named.meta.date, named.meta.year) == ("2016-11-14", 2016)
    # counter-examples: a date the text gives wins, and a number that is no date is none
    dated = parse(
        "监狱法(2012-10-26).md",
        [
            "# 监狱法",
            "1994年12月29日 第八届全国人民代表大会常务委员会第十一次会议通过",
            "第一条 制定本法。",
        ],
    )
    assert dated.meta.year == 1994
    assert parse("规定_2016-13-45.md", lines).meta.year is None


def test_a_word_naming_the_edition_asked_is_no_topic_of_the_question() -> None:
    def edition(name: str, year: int, fine: str) -> Document:
        return parse(
            name,
            [
                "中华人民共和国治安管理处罚法",
                f"{year}年6月27日 全国人民代表大会常务委员会通过",
                f"第四十三条 殴打他人的，处五日以上十日以下拘留，并处{fine}罚款。",
                "第九十七条 询问查证的时间不得超过八小时。",
            ],
        )

    old, new = (
        edition("old.md", 2012, "二百元以上五百元以下"),
        edition("new.md", 2025, "五百元以上一千元以下"),
    )
    page = parse(
        "page.txt", ["新法解读", "新法新增正当防卫条款，新法还提高了罚款。", "新法自2026年起施行。"]
    )
    index = index_of([old, new, page], SEGMENTER)
    got = answer(index, "旧法规定殴打他人罚多少钱", SEGMENTER)
    # 旧法 picks the edition and says nothing of what is asked: the article, not a page on editions
    assert "新法" not in parse_question("旧法规定殴打他人罚多少钱", SEGMENTER, ()).terms
    assert got.hits and got.hits[0].passage.doc == "old.md"
    # counter-example: a year still picks its edition
    assert answer(index, "2025年版规定殴打他人罚多少钱", SEGMENTER).hits[0].passage.doc == "new.md"


def test_an_article_kept_word_for_word_is_shown_from_the_newest_edition_first() -> None:
    def law(name: str, year: int, number: str) -> Document:
        return parse(
            name,
            [
                "中华人民共和国残疾人保障法",
                f"（{year}年修正）",
                "第一章 总则",
                f"第{number}条 每年5月的第三个星期日为全国助残日。",
                "第八条 中国残疾人联合会及其地方组织，代表残疾人的共同利益。",
                "第九条 残疾人的扶养人必须对残疾人履行扶养义务。",
            ],
        )

    # the older file first, its article numbered otherwise: only the edition's year decides
    index = index_of([law("cj2008.md", 2008, "十四"), law("cj2018.md", 2018, "十五")], SEGMENTER)
    hits = answer(index, "全国助残日是哪一天？", SEGMENTER).hits
    assert [h.passage.doc for h in hits[:2]] == ["cj2018.md", "cj2008.md"]
    # counter-example: an edition asked by its year is that edition's article
    hits = answer(index, "2008年的残疾人保障法里全国助残日是哪一天？", SEGMENTER).hits
    assert hits[0].passage.doc == "cj2008.md"


def _school_rules(year: int, article: str) -> Document:
    return doc(
        f"shanghai_{year}.md",
        [
            "上海市中小学校学生伤害事故处理条例",
            f"（{year}年6月1日上海市人民代表大会常务委员会第十次会议通过）",
            f"第十二条 {article}",
        ],
    )


def test_the_text_before_a_revision_named_is_the_edition_that_revision_replaced() -> None:
    old = _school_rules(2011, "完全由学校的过错造成学生伤害事故的，学校应当依法承担全部责任。")
    new = _school_rules(2024, "学生伤害事故的责任人依照民法典的相关规定承担相应责任。")
    held = (old, new)
    # the year of the revision dates the edition it replaced, not the one asked
    asked = find_target("2024年修改以前的上海条例，学校过错时担多少责任", held)
    assert asked.docs == {"shanghai_2011.md"} and 2024 not in asked.years
    assert find_target("修订前的上海市中小学校学生伤害事故处理条例怎么规定", held).docs == {
        "shanghai_2011.md"
    }
    # an edition's word between the place and the kind names the old edition, no missing text
    old_one = find_target("上海旧条例里学校的过错怎么担责", held)
    assert not old_one.missing and old_one.docs == {"shanghai_2011.md"}
    # counter-examples: the edition of that year itself, and a revision asked of, not before
    assert find_target("2024年修改的上海条例怎么规定", held).docs == {"shanghai_2024.md"}
    assert find_target("上海条例在2024年修改之后怎么规定", held).docs == {"shanghai_2024.md"}
    # a year with its month still dates the revision; 修订前后 asks of both editions
    assert find_target("2024年1月修订前的上海条例怎么规定", held).docs == {"shanghai_2011.md"}
    both = find_target("上海市中小学校学生伤害事故处理条例修订前后有什么变化", held).docs
    assert both == {"shanghai_2011.md", "shanghai_2024.md"}


def test_a_first_edition_asked_by_its_year_is_missing_when_every_edition_held_is_later() -> None:
    def accounting(year: int) -> Document:
        return doc(
            f"kuaiji_fa_{year}.md",
            [
                "中华人民共和国会计法",
                f"（1985年1月21日通过 {year}年6月27日第三次修正）",
                "第一条 为了规范会计行为，保证会计资料真实、完整，制定本法。",
            ],
        )

    held = (accounting(2017), accounting(2024))
    asked = find_target("1985年最早通过的那版会计法一共有多少条？", held)
    assert asked.missing == "1985年的最初版本《中华人民共和国会计法》" and asked.docs is None
    index = index_of(list(held), SEGMENTER)
    assert not answer(index, "1985年最早那版会计法第一条怎么写的？", SEGMENTER).hits
    # counter-examples: a first edition held, and a year naming the text in force, not its first
    first = accounting(1985)
    assert find_target("1985年最早那版会计法第一条怎么写的？", (first, *held)).docs == {first.doc}
    assert not find_target("2020年施行的会计法第一条怎么写的？", held).missing


def test_a_short_year_in_chinese_digits_names_that_year() -> None:
    from retrieval.dates import question_years

    assert [m.year for m in question_years("九三年消法规定经营者要遵循哪些原则？")] == [1993]
    assert [m.year for m in question_years("一八年那版公司法规定一人公司几个？")] == [2018]
    assert [m.year for m in question_years("九零年版国旗法里有哪些机关？")] == [1990]
    # counter-examples: school grades and a span of years are no year
    assert question_years("一二年级小孩放学，老师能把他交给邻居吗？") == []
    assert question_years("三五年内能完成吗？") == []
    assert question_years("我在单位干了七八年，辞职有没有补偿？") == []
    flags = [
        parse(
            "guoqifa_1990.txt",
            ["中华人民共和国国旗法（1990年）", "第五条 下列场所应当每日升挂国旗。"],
        ),
        parse(
            "guoqifa_2020.md",
            ["中华人民共和国国旗法（2020年）", "第五条 下列场所或者机构所在地应当每日升挂国旗。"],
        ),
    ]
    assert find_target("九零年版国旗法第五条怎么说？", flags).docs == {"guoqifa_1990.txt"}


def test_an_older_edition_asked_without_the_texts_name_is_shown_first() -> None:
    def rules(name: str, year: int) -> Document:
        return parse(
            name,
            [
                f"上海市殡葬管理条例（{year}年）",
                "第一章 总则",
                "第十七条 殡仪馆应当自接到通知后十二小时内接运遗体。",
                "第十八条 遗体应当在殡仪馆火化。",
                "第十九条 骨灰应当妥善安放。",
            ],
        )

    index = index_of([rules("sh1997.md", 1997), rules("sh2025.md", 2025)], SEGMENTER)
    hits = answer(index, "老版本里殡仪馆接到通知后多长时间内要来接遗体？", SEGMENTER).hits
    assert [h.passage.doc for h in hits[:2]] == ["sh1997.md", "sh2025.md"]
    # counter-examples: asked of neither, or with 旧 and 原来 in other words, the text in force
    for asked in (
        "殡仪馆接到通知后多长时间内要来接遗体？",
        "殡仪馆接到通知后多长时间内要来接遗体？火化设备折旧办法有吗",
        "原来的法定代表人走了，殡仪馆接到通知后多长时间内要来接遗体？",
    ):
        hits = answer(index, asked, SEGMENTER).hits
        assert [h.passage.doc for h in hits[:2]] == ["sh2025.md", "sh1997.md"], asked


def test_an_article_amended_since_is_shown_in_its_older_wording_first_for_the_older_law() -> None:
    def law(name: str, year: int, article: str) -> Document:
        return parse(
            name,
            [
                "中华人民共和国治安管理处罚法",
                f"（{year}年修订）",
                "第一章 总则",
                f"第八十三条 {article}",
                "第八十四条 询问笔录应当交被询问人核对。",
                "第八十五条 公安机关应当在作出处罚决定前告知违反治安管理行为人。",
                "第八十六条 违反治安管理行为人有权陈述和申辩。",
                "第八十七条 对处罚决定不服的，可以依法申请行政复议。",
            ],
        )

    # (most of the wording kept: the amendment changes the longest time allowed)
    amended = (
        "对违反治安管理行为人，询问查证的时间不得超过八小时；情况复杂，依照本法规定可能适用"
        "行政拘留处罚的，询问查证的时间不得超过"
    )
    index = index_of(
        [
            law("za2012.md", 2012, amended + "二十四小时。"),
            law(
                "za2025.md",
                2025,
                amended + "十二小时；涉案人数众多的，询问查证的时间不得超过十二小时。",
            ),
        ],
        SEGMENTER,
    )
    for asked in ("旧法规定询问查证最多几个小时", "修订前询问查证最多几个小时"):
        hits = answer(index, asked, SEGMENTER).hits
        assert [h.passage.doc for h in hits[:2]] == ["za2012.md", "za2025.md"], asked
    # counter-examples: asked of no edition or of the new one, the text in force
    for asked in ("询问查证最多几个小时", "新法规定询问查证最多几个小时"):
        hits = answer(index, asked, SEGMENTER).hits
        assert [h.passage.doc for h in hits[:2]] == ["za2025.md", "za2012.md"], asked


def test_an_older_edition_is_asked_by_its_words_not_by_words_holding_them() -> None:
    for asked in (
        "旧法规定询问查证最长多久",
        "以前的法律是怎么规定的",
        "修订前的体育法",
        "老版本里",
    ):
        assert asks_older(fold(asked)), asked
    for asked in (
        "养老办法规定缴费多少",
        "敬老条例有哪些",
        "固定资产折旧办法",
        "原来的法定代表人走了",
    ):
        assert not asks_older(fold(asked)), asked


def test_a_page_quoting_an_article_in_its_own_print_comes_after_the_text() -> None:
    """A study page prints the article as 第18条 with half-width commas: the same words, so
    the text itself leads, as it does over a page quoting it word for word."""
    law = parse(
        "tiaoli_2017.md",
        [
            "中华人民共和国自然保护区条例",
            "第二章 自然保护区的建设",
            "第十七条 国务院有关部门应当拟订国家自然保护区发展规划。",
            "第十八条 自然保护区可以分为核心区、缓冲区和实验区。原批准建立自然保护区的人民政府"
            "认为必要时，可以在自然保护区的外围划定一定面积的外围保护地带。",
        ],
    )
    page = parse(
        "kaodian.txt",
        [
            "环评考试考点",
            "第18条 自然保护区可以分为核心区,缓冲区和实验区.原批准建立自然保护区的人民政府"
            "认为必要时,可以在自然保护区的外围划定一定面积的外围保护地带.",
        ],
    )
    other = parse(
        "shidi.md",
        [
            "湿地保护法",
            "第一条 为了加强湿地保护，维护湿地生态功能及生物多样性，制定本法。",
            "第二条 在中华人民共和国领域及管辖的其他海域内从事湿地保护、利用、修复及相关管理活动，"
            "适用本法。",
            "第三条 湿地保护应当坚持保护优先、严格管理、系统治理、科学修复、合理利用的原则。",
        ],
    )
    index = index_of([law, page, other], SEGMENTER)
    hits = answer(index, "外围保护地带是在什么情况下划定的？", SEGMENTER).hits
    assert [h.passage.doc for h in hits[:2]] == ["tiaoli_2017.md", "kaodian.txt"]


def test_a_page_reporting_on_a_text_is_no_newer_edition_unless_it_tells_of_a_revision() -> None:
    law = doc(
        "zaoshengfa_2021.md",
        [
            "中华人民共和国噪声污染防治法",
            "2021年12月24日第十三届全国人民代表大会常务委员会第三十二次会议通过",
            "第一条 为了防治噪声污染，保障公众健康，制定本法。",
            "第九十条 本法自2022年6月5日起施行。",
        ],
    )
    report = [
        "噪声扰民有的治!《噪声污染防治法》今日正式实施",
        "2022-06-05 来源:央广网",
        "据央广网消息,今日起,《噪声污染防治法》开始正式实施。",
    ]
    news = doc("zaoshengfa_shishi_2022.txt", report)
    # the page of 2022 reports on the law of 2021: the new law is the law's own text
    target = find_target("新的噪声污染防治法哪天开始实施", (law, news))
    assert target.preferred == {"zaoshengfa_2021.md"}
    # a copy of a newer edition titled in 《》 prints its articles: an edition of its own
    copy = doc(
        "zaoshengfa_copy_2023.txt",
        [
            "《中华人民共和国噪声污染防治法》",
            "2023年5月10日 来源:法律图书馆",
            "第一条 为了防治噪声污染，保障公众健康，制定本法。",
            "第九十条 本法自2022年6月5日起施行。",
        ],
    )
    assert copy.meta.kind == ""
    assert find_target("新的噪声污染防治法哪天开始实施", (law, copy)).docs == {
        "zaoshengfa_copy_2023.txt"
    }
    # and a report quoting an article or two on their own lines is still a report
    quoting = doc(
        "zaoshengfa_shishi_2022.txt",
        [*report, "第八十七条 违反本法规定，产生社会生活噪声，经劝阻未能制止的，由公安机关处理。"],
    )
    target = find_target("新的噪声污染防治法哪天开始实施", (law, quoting))
    assert target.preferred == {"zaoshengfa_2021.md"}
    # a page telling of a revision the corpus does not hold is the newest word on it
    old = doc(
        "zhianfa_2012.md",
        [
            "中华人民共和国治安管理处罚法",
            "2012年10月26日第十一届全国人民代表大会常务委员会第二十九次会议修正",
            "第一百一十九条 本法自2006年3月1日起施行。",
        ],
    )
    revised = doc(
        "zhianfa_jiedu_2026.txt",
        [
            "新修订的《治安管理处罚法》解读",
            "2026-01-02 来源:司法部",
            "新修订的治安管理处罚法自2026年1月1日起施行。",
        ],
    )
    target = find_target("新修订的治安管理处罚法哪天开始施行", (old, revised))
    assert target.docs == {"zhianfa_jiedu_2026.txt"}


def test_a_decision_amending_a_text_is_no_old_edition_of_it() -> None:
    # 国务院关于修改《…条例》的决定 holds the changes, not the articles: 老版…第一条 asks of the
    # edition before the one in force, never of the decision (资料库中的…决定没有第一条)
    new = doc(
        "w2008.md",
        [
            "中华人民共和国外汇管理条例",
            "2008年8月1日国务院第20次常务会议修订通过",
            "第一条 为了加强外汇管理，促进国际收支平衡，促进国民经济健康发展，制定本条例。",
        ],
    )
    old = doc(
        "w1996.md",
        [
            "中华人民共和国外汇管理条例",
            "1996年1月29日中华人民共和国国务院令第193号发布",
            "第一条 为了加强外汇管理，保持国际收支平衡，促进国民经济的健康发展，制定本条例。",
        ],
    )
    decision = doc(
        "j1997.md",
        [
            "国务院关于修改《中华人民共和国外汇管理条例》的决定",
            "1997年1月14日中华人民共和国国务院令第211号发布",
            "国务院决定对《中华人民共和国外汇管理条例》作如下修改：",
            "一、增加一条，作为第五条：“国家对经常性国际支付和转移不予限制。”",
        ],
    )
    held = (new, old, decision)
    for name in ("外汇条例", "外汇管理条例"):
        assert find_target(f"老版{name}第一条是怎么写的", held).docs == {"w1996.md"}
        assert find_target(f"新{name}第一条是怎么写的", held).docs == {"w2008.md"}
    # a decision printing the amended text whole is an edition of it
    whole = doc(
        "x2017.md",
        [
            "中共中央关于修改《中国共产党巡视工作条例》的决定",
            "2017年7月1日中共中央印发",
            "第一条 为落实全面从严治党要求，制定本条例。",
        ],
    )
    earlier = doc(
        "x2015.md",
        [
            "中国共产党巡视工作条例",
            "2015年8月3日中共中央印发",
            "第一条 为了加强党内监督，制定本条例。",
        ],
    )
    assert find_target("老版巡视工作条例第一条是怎么写的", (whole, earlier)).docs == {"x2015.md"}


def test_an_edition_called_old_or_new_as_a_version() -> None:
    # 老版本 / 原版 / 新版本 before the name pick the editions as 老 / 新 do
    def rules(name: str, year: int, article: str) -> Document:
        return doc(
            name,
            ["企业信息公示暂行条例", f"{year}年8月7日国务院令公布", f"第十七条 {article}"],
        )

    held = (
        rules("q2014.md", 2014, "有下列情形之一的，由县级以上工商行政管理部门列入经营异常名录。"),
        rules("q2024.md", 2024, "任何公民、法人或者其他组织不得非法修改公示的企业信息。"),
    )
    assert find_target("老版本企业信息公示暂行条例第十七条怎么规定", held).docs == {"q2014.md"}
    assert find_target("原版企业信息公示暂行条例第十七条怎么规定", held).docs == {"q2014.md"}
    assert find_target("新版本企业信息公示暂行条例第十七条怎么规定", held).docs == {"q2024.md"}
    # both asked (新旧版本…有什么区别); 原版 of three editions is the first
    both = find_target("新旧版本企业信息公示暂行条例第十七条有什么区别", held).docs
    assert both is None or both == {"q2014.md", "q2024.md"}
    first = rules("q2004.md", 2004, "企业应当按照规定报送年度报告。")
    assert find_target("原版企业信息公示暂行条例第十七条怎么规定", (first, *held)).docs == {
        "q2004.md"
    }


def test_an_older_edition_said_as_the_text_before_or_the_earlier_one() -> None:
    # 原来的 / 以前那部 before the name pick the older editions as 旧 does
    def rules(name: str, year: int, article: str) -> Document:
        return doc(
            name,
            ["中华人民共和国生物安全法", f"{year}年10月17日通过", f"第五十六条 {article}"],
        )

    held = (
        rules("b2020.md", 2020, "从事下列活动，应当经国务院科学技术主管部门批准。"),
        rules("b2024.md", 2024, "从事下列活动，应当经国务院卫生健康主管部门批准。"),
    )
    for asked in ("原来的生物安全法第五十六条要谁批准", "以前那部生物安全法第五十六条要谁批准"):
        assert find_target(asked, held).docs == {"b2020.md"}, asked
    # counter-examples: 原来 not right before the name, or alone (原来…也管: "so it turns
    # out"), picks no edition: both stay asked, the text in force first as ever
    for asked in (
        "原来需要备案的，生物安全法第五十六条现在要谁批准",
        "原来生物安全法也管实验室啊，第五十六条怎么说",
    ):
        assert find_target(asked, held).docs == {"b2020.md", "b2024.md"}, asked


def test_an_older_edition_asked_by_its_kind_leads_with_its_reworded_article() -> None:
    # 老版条例 names no text (a city's 条例 is held too): of two editions whose article was
    # reworded (no twin to group), the older edition's article leads, not the one in force
    def rules(name: str, year: int, article: str) -> Document:
        return parse(
            name,
            [
                f"生猪屠宰管理条例（{year}年）",
                "第二章 生猪定点屠宰",
                f"第十四条 {article}",
                "第十五条 生猪定点屠宰厂应当建立严格的肉品品质检验管理制度。",
            ],
        )

    index = index_of(
        [
            rules(
                "sz2016.md",
                2016,
                "对病害生猪进行无害化处理的费用和损失，按照国务院财政部门的规定，由国家财政"
                "予以适当补助。",
            ),
            rules(
                "sz2021.md",
                2021,
                "对病害生猪进行无害化处理的费用和损失，由地方各级人民政府结合本地实际予以"
                "适当补贴。",
            ),
            parse(
                "qd2018.md",
                ["青岛市畜禽屠宰管理条例（2018年）", "第九条 畜禽屠宰厂应当配备检疫室。"],
            ),
        ],
        SEGMENTER,
    )
    hits = answer(index, "老版条例里病害猪无害化处理的费用和损失由谁负担？", SEGMENTER).hits
    assert hits and hits[0].passage.doc == "sz2016.md"
    # counter-example: asked of no edition, the text in force
    hits = answer(index, "病害猪无害化处理的费用和损失由谁补贴？", SEGMENTER).hits
    assert hits and hits[0].passage.doc == "sz2021.md"
