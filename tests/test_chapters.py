"""A chapter asked (第三章第一条) is of the text in chapters, not of a page's numbered parts."""

from __future__ import annotations

from retrieval.search import answer
from retrieval.segment import default_segmenter
from retrieval.structure import parse
from tests.indexing import index_of

SEGMENTER = default_segmenter()


def test_a_chapter_asked_is_of_the_text_in_chapters_not_a_pages_numbered_parts() -> None:
    rules = parse(
        "tiaoli.md",
        [
            "政府信息公开条例",
            "## 第一章 总则",
            "第一条 为了保障公民依法获取政府信息，制定本条例。",
            "## 第二章 公开的主体和范围",
            "第十条 行政机关制作的政府信息，由制作该政府信息的行政机关负责公开。",
            "## 第三章 主动公开",
            "第十九条 对涉及公众利益调整的政府信息，行政机关应当主动公开。",
            "第二十条 行政机关应当依照本条例第十九条的规定，主动公开本行政机关的政府信息。",
        ],
    )
    guide = parse(
        "zhinan.txt",
        [
            "政府信息公开条例实施指南",
            "一、主动公开",
            "本机关主动公开的政府信息，通过门户网站公开。",
            "二、依申请公开",
            "公民可以向本机关申请获取政府信息。",
            "三、监督和救济",
            "第一条 公民认为本机关侵犯其合法权益的，可以依法申请行政复议。",
        ],
    )
    index = index_of([rules, guide], SEGMENTER)
    hits = answer(index, "条例第三章第一条是怎么规定的？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第十九条")
    # counter-example: a part asked by its number alone still finds the page's part
    hits = answer(index, "实施指南的第三部分讲了什么？", SEGMENTER).hits
    assert hits and hits[0].passage.doc == "zhinan.txt"


def test_a_chapter_of_the_kind_named_is_of_that_kind_not_the_rules_beside_it() -> None:
    rules = parse(
        "tiaoli.md",
        [
            "彩票管理条例",
            "## 第一章 总则",
            "第一条 为了加强彩票管理，制定本条例。",
            "## 第二章 彩票发行和销售管理",
            "第六条 国务院民政部门依法设立的福利彩票发行机构，负责全国的福利彩票发行。",
        ],
    )
    measures = parse(
        "banfa.md",
        [
            "彩票公益金管理办法",
            "## 第一章 总则",
            "第一条 为了规范彩票公益金筹集、分配和使用管理，制定本办法。",
            "## 第二章 收缴管理",
            "第五条 彩票公益金按照政府性基金管理办法纳入预算。",
        ],
    )
    index = index_of([rules, measures], SEGMENTER)
    hits = answer(index, "条例第二章第一条规定了什么？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第六条")
    hits = answer(index, "办法第二章第一条规定了什么？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第五条")


def _rules_in_chapters() -> list:
    return [
        parse(
            "minhang_fa.md",
            [
                "中华人民共和国民用航空法",
                "## 第一章 总则",
                "第一条 为了维护国家的领空主权和民用航空权利，制定本法。",
                "第二条 本法所称民用航空器，是指除用于执行军事、海关、警察飞行任务外的航空器。",
                "## 第二章 民用航空器国籍",
                "第五条 本法所称民用航空器，是指除用于执行军事任务外的航空器。",
                "第六条 经中华人民共和国国务院民用航空主管部门依法进行国籍登记的民用航空器。",
                "## 第三章 法律责任",
                "第七条 以暴力、胁迫或者其他方法劫持航空器的，依法追究刑事责任。",
                "第八条 隐匿携带炸药、雷管或者其他危险品乘坐民用航空器的，依法追究刑事责任。",
                "## 第四章 附则",
                "第九条 本法自1996年3月1日起施行。",
            ],
        )
    ]


def test_a_chapter_called_by_its_name_gives_its_own_first_article_not_the_texts() -> None:
    index = index_of(_rules_in_chapters(), SEGMENTER)
    for question, first in (
        ("民用航空法“法律责任”那一章的第一条讲什么？", "第七条"),
        ("民用航空法附则一章的第一条讲什么？", "第九条"),
        ("民用航空法哪一章讲国籍？这一章开头那条怎么说的？", "第五条"),
        ("民航法法律责任那章第二条说的什么", "第八条"),
    ):
        hits = answer(index, question, SEGMENTER).hits
        assert hits and hits[0].passage.text.startswith(first), question
    # counter-examples: the text's own 第一条, and a chapter by number, are read as before
    hits = answer(index, "民用航空法第一条讲什么？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第一条")
    hits = answer(index, "民用航空法第三章第一条讲什么？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第七条")
    # nor does asking where an article is, or of the same chapter, call a chapter by name
    hits = answer(index, "民用航空法第九条在哪一章？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第九条")


def test_a_chapter_called_by_its_name_is_found_under_a_codes_parts_too() -> None:
    code = parse(
        "xingfa.md",
        [
            "中华人民共和国刑法",
            "## 第一编 总则",
            "## 第一章 刑法的任务、基本原则和适用范围",
            "第一条 为了惩罚犯罪，保护人民，制定本法。",
            "## 第二编 分则",
            "## 第一章 危害国家安全罪",
            "第一百零二条 勾结外国，危害中华人民共和国的主权、领土完整和安全的，处无期徒刑。",
            "第一百零三条 组织、策划、实施分裂国家的，处无期徒刑。",
        ],
    )
    index = index_of([code], SEGMENTER)
    hits = answer(index, "刑法危害国家安全罪那一章第一条怎么规定？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第一百零二条")


# a regulation copied with its chapters' numbers lost: 第一章 总则, then each chapter's name
# alone on its line between two articles
LOST_NUMBERS = [
    "未成年人网络保护条例",
    "## 第一章 总 则",
    "第一条 为了营造有利于未成年人身心健康的网络环境，制定本条例。",
    "第二条 未成年人网络保护工作应当坚持中国共产党的领导。",
    "网络素养促进",
    "第三条 国务院教育部门应当将网络素养教育纳入学校素质教育内容。",
    "第四条 学校应当将提高学生网络素养等内容纳入教育教学活动。",
    "法律责任",
    "第五条 学校、社区、图书馆违反本条例规定的，由主管部门责令改正。",
    "第六条 网络产品和服务提供者违反本条例规定的，由网信部门责令改正，处五十万元以下罚款。",
    "附则",
    "第七条 本条例自2024年1月1日起施行。",
]


def test_a_chapters_name_alone_between_articles_heads_its_articles() -> None:
    rules = parse("wangbao.md", LOST_NUMBERS)
    sections = {p.text[:3]: p.section for p in rules.passages}
    assert sections["第二条"] == ("第一章 总 则", "第二条")
    assert sections["第三条"] == ("网络素养促进", "第三条")
    assert sections["第六条"] == ("法律责任", "第六条")
    assert sections["第七条"] == ("附则", "第七条")
    assert not any(p.text.startswith(("法律责任", "附则")) for p in rules.passages)
    index = index_of([rules], SEGMENTER)
    for question, first in (
        ("网保条例“法律责任”部分第一条讲什么？", "第五条"),
        ("网络素养促进那一部分第二条是什么？", "第四条"),
        ("网保条例“法律责任”部分从哪条开始？", "第五条"),
        ("网保条例“法律责任”部分里的第二条是什么", "第六条"),
        # counter-example: 这部分 of "some of them" calls no part; the text's article is asked
        ("这部分学校适用网保条例第三条吗", "第三条"),
    ):
        hits = answer(index, question, SEGMENTER).hits
        assert hits and hits[0].passage.text.startswith(first), question


def test_lost_chapters_hold_the_articles_after_them_when_no_numbered_chapter_came_first() -> None:
    # the whole text copied with its chapters' numbers lost: the first chapter's name (总则)
    # above 第一条, the others between two articles; each holds the articles after it, not
    # the one before (a chapter never sits inside an article), and 总则 names no speaker
    lines = [ln for ln in LOST_NUMBERS if not ln.startswith("## ")]
    rules = parse("wangbao.md", [lines[0], "总则", *lines[1:]])
    sections = {p.text[:3]: p.section for p in rules.passages}
    assert sections["第一条"] == ("总则", "第一条")
    assert sections["第二条"] == ("总则", "第二条")
    assert sections["第三条"] == ("网络素养促进", "第三条")
    assert sections["第四条"] == ("网络素养促进", "第四条")
    assert sections["第六条"] == ("法律责任", "第六条")
    assert rules.meta.speaker == ""
    # counter-example: with no 总则 line, the articles before the first lost chapter are under
    # no chapter, and the title line above 第一条 stays the title
    rules = parse("wangbao.md", lines)
    sections = {p.text[:3]: p.section for p in rules.passages}
    assert rules.title == "未成年人网络保护条例"
    assert sections["第二条"] == ("第二条",)
    assert sections["第三条"] == ("网络素养促进", "第三条")


def test_a_lone_or_numbered_first_chapters_name_is_no_lost_chapter() -> None:
    # a page keeping only the first chapter's name files nothing under it (its 法律责任
    # articles are no 总则), nor reads it as a speaker; 第一章 / 总则 on two lines is one heading
    alone = parse(
        "t.md",
        ["某条例", "总则", "第一条 为了规范管理，制定本条例。", "第九条 违反本条例的，处罚款。"],
    )
    assert [p.section for p in alone.passages] == [("第一条",), ("第九条",)]
    assert alone.meta.speaker == ""
    split = parse(
        "t.md",
        [
            "某条例",
            "第一章",
            "总则",
            "第一条 为了规范管理，制定本条例。",
            "第二章",
            "附则",
            "第二条 本条例自公布之日起施行。",
        ],
    )
    assert [p.section[0] for p in split.passages] == ["第一章总则", "第二章附则"]


def test_an_article_titled_in_brackets_is_no_half_of_the_chapters_heading() -> None:
    # 第一条(目的和依据) under 第一章 总则 is the chapter's first article, not the rest of
    # its heading (第一章 总则第一条(目的和依据) heading the chapter)
    rules = parse(
        "t.txt",
        [
            "某市管理办法",
            "第一章 总则",
            "第一条(目的和依据)",
            "为了规范管理，根据有关法律，制定本办法。",
            "第二条(管理权限)",
            "市商务部门负责本办法的实施。",
        ],
    )
    assert rules.passages
    assert {p.section[0] for p in rules.passages} == {"第一章 总则"}
    # a line that only begins with an article's number is the rest of a heading still
    # (一、关于《条例》 / 第四十条的理解)
    notes = parse(
        "n.txt", ["解读", "一、关于《条例》", "第四十条的理解", "本条规定了外汇管理机关的职责。"]
    )
    assert notes.passages[-1].section == ("一、关于《条例》第四十条的理解",)


def test_a_short_line_that_is_no_chapters_name_stays_text() -> None:
    # a title over the first article, a subtitle under a chapter's heading, and a line
    # with a sentence in it, are no lost chapters
    rules = parse(
        "t.md",
        [
            "某市养犬管理条例",
            "第一条 为了规范养犬行为，制定本条例。",
            "## 第二章 登记",
            "养犬登记",
            "第二条 养犬人应当办理养犬登记。",
            "第三条 登记应当提交下列材料：",
            "犬只免疫证明。",
            "第四条 养犬人应当遵守下列规定：",
            "不得遗弃犬只",
            "第五条 本条例自公布之日起施行。",
            "某市犬只收容办法",
            "第一条 为了规范犬只收容，制定本办法。",
        ],
    )
    assert rules.title == "某市养犬管理条例"
    sections = {p.text[:3]: p.section for p in rules.passages}
    assert sections["第五条"][0].startswith("第二章")  # (a list's item is no chapter)
    assert any(p.text.startswith("第三条") and "犬只免疫证明" in p.text for p in rules.passages)
    assert not any(p.section[:1] == ("某市犬只收容办法",) for p in rules.passages)


def test_a_letter_spaced_chapters_name_is_found_by_its_name() -> None:
    spaced = [line.replace("法律责任", "法 律 责 任") for line in LOST_NUMBERS]
    index = index_of([parse("wangbao.md", spaced)], SEGMENTER)
    hits = answer(index, "网保条例“法律责任”部分第一条讲什么？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第五条")


def test_a_chapter_asked_of_the_national_text_is_of_the_one_holding_it_not_a_page_or_province() -> (
    None
):
    def rules(name: str, title: str, chapters: int) -> list[str]:
        lines = [title]
        for n, (heading, article) in enumerate(
            [
                ("总则", "为了加强历史文化名城、名镇、名村的保护与管理，制定本条例。"),
                ("申报与批准", "具备下列条件的城市、镇、村庄，可以申报历史文化名城、名镇、名村。"),
                ("保护规划", "历史文化名城批准公布后，应当组织编制历史文化名城保护规划。"),
            ][:chapters]
        ):
            number = "一二三"[n]
            lines += [f"## 第{number}章 {heading}", f"第{n * 10 + 1}条 {name}{article}"]
        return lines

    national = parse("guojia.md", rules("", "历史文化名城名镇名村保护条例", 3))
    # a page printing the national text's opening only, its title naming the State Council
    page = parse(
        "yemian.txt",
        [
            "国务院:《历史文化名城名镇名村保护条例》",
            "中华人民共和国国务院令 第524号",
            *rules("", "# 历史文化名城名镇名村保护条例", 1),
            "第二条 历史文化名城、名镇、名村的申报、批准、规划、保护，适用本条例。",
            "第三条 历史文化名城、名镇、名村的保护应当遵循科学规划、严格保护的原则。",
        ],
    )
    province = parse(
        "zhejiang.md", rules("名城名镇名村保护条例：", "浙江省历史文化名城名镇名村保护条例", 3)
    )
    index = index_of([national, page, province], SEGMENTER)
    hits = answer(index, "国务院名城名镇名村保护条例第三章是关于什么的？", SEGMENTER).hits
    # the chapter itself, from the text holding it (not the best passages of all three)
    assert [(h.passage.doc, h.passage.section[0][:3]) for h in hits] == [("guojia.md", "第三章")]
    # counter-example: the province's chapter, asked with its name
    hits = answer(index, "浙江名城名镇名村保护条例第三章是关于什么的？", SEGMENTER).hits
    assert hits and hits[0].passage.doc == "zhejiang.md"


def test_a_case_a_page_opens_on_holds_no_articles_after_it() -> None:
    # page 2 of a regulation opens inside an article's list: (五)… is that list's last case,
    # not a heading over 第十二条 and 第十三条
    page = parse(
        "p2.txt",
        [
            "某自治区耕地占用税实施办法",
            "(五)县级以上人民政府卫生行政部门批准设立的医院内专门用于提供医护服务的场所。",
            "学校内经营性场所和教职工住房占用耕地的，按照当地适用税额缴纳耕地占用税。",
            "第十二条 村民或者村级合作组织集资修建的村级道路，暂免征耕地占用税。",
            "第十三条 属下列占用耕地情形之一的，减按每平方米2元税额征收耕地占用税：",
        ],
    )
    articles = [p for p in page.passages if p.text.startswith("第十")]
    assert [p.section for p in articles] == [("第十二条",), ("第十三条",)]
    # a heading numbered as a case, over the articles of its part, still holds them
    opinion = parse(
        "o.txt",
        [
            "关于支持重点产业加快发展的实施意见",
            "一、政策支持",
            "(六)鼓励乡镇、街道开展招商引资",
            "第19条 对各乡镇招商引进落户到经济开发区的固定资产投资项目，计算为乡镇招商引资任务。",
        ],
    )
    assert opinion.passages[-1].section[-2:] == ("(六)鼓励乡镇、街道开展招商引资", "第19条")
