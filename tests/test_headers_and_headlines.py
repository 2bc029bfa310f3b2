"""What a file's name, its header and its headline say of a text: a law's edition by the file
named for it, a provincial plenum by its short name, a year's speech named in a headline, a
headline that asks or exclaims, and a heading word under a headline that is no speaker."""

from __future__ import annotations

from pathlib import Path

from retrieval.corpus import read_document
from retrieval.names import document_names
from retrieval.search import answer
from retrieval.segment import default_segmenter
from retrieval.structure import parse
from retrieval.targets import find_target
from tests.indexing import index_of

SEGMENTER = default_segmenter()
CORPORA = Path(__file__).parent / "data" / "corpora"
SOCIETIES = [
    "# 社会团体登记管理条例",
    "1998年10月25日 中华人民共和国国务院令第250号发布",
    "第一条 为了保障公民的结社自由，制定本条例。",
    "第十二条 登记管理机关应当自收到全部有效文件之日起60日内，作出准予或者不予登记的决定。",
]


def test_a_law_file_named_for_a_later_edition_than_its_header_is_that_edition() -> None:
    # LawRefBook's 社会团体登记管理条例(2016-02-06).md opens with the 1998 decree alone
    revised = parse("shehui_tuanti_tiaoli_2016.md", SOCIETIES)
    assert revised.meta.year == 2016
    original = parse("shehui_tuanti_tiaoli_1998.txt", [SOCIETIES[0], SOCIETIES[1], SOCIETIES[2]])
    assert find_target("2016年版社团登记条例规定多少天内答复？", [original, revised]).docs == {
        revised.doc
    }
    # a file named for an earlier year than its header is not an edition before it
    assert parse("shehui_tuanti_tiaoli_1990.md", SOCIETIES).meta.year == 1998
    # nor is a speech given in December on the New Year its file is named for
    speech = ["在全国政协新年茶话会上的讲话", "（2019年12月31日）", "2019年，是新中国成立70周年。"]
    assert parse("chahuahui_2020.txt", speech).meta.year == 2019


def test_a_provincial_plenum_goes_by_the_short_name_people_say() -> None:
    full = parse(
        "sichuan.txt",
        [
            "中国共产党四川省第十二届委员会第二次全体会议公报",
            "中国共产党四川省第十二届委员会第二次全体会议，于2022年11月28日至29日在成都举行。",
        ],
    )
    names = document_names(full)
    assert {"四川省委十二届二次全会", "省委十二届二次全会", "十二届二次全会公报"} <= set(names)
    assert "四川省委全会" in names  # any of the province's plenums, as 政府工作报告 is any year's
    short = parse("fabuhui.txt", ["省委十二届四次全会有哪些重大意义", "全会在成都举行。"])
    assert "省委十二届四次全会" in document_names(short)
    assert "省委全会" not in document_names(short)  # every province's: it names none
    # the nation's plenum keeps its own short name (二中全会), not a province's
    national = parse("ershijie.txt", ["中国共产党第二十届中央委员会第二次全体会议公报", "全会。"])
    assert "二十届二中全会" in document_names(national)
    assert not any("次全会" in n for n in document_names(national))
    assert find_target("十二届二次全会是谁主持的", [full, short]).docs == {full.doc}


def _greeting(year: int, title: str) -> list[str]:
    return [
        title,
        f"{year - 1}年，我们走过了不平凡的一年。",
        f"祝愿{year}年风调雨顺，台湾同胞幸福安康。",
    ]


def test_a_years_speech_a_headline_names_goes_by_that_name_not_by_a_place_after_it() -> None:
    greetings = [
        parse("heci_2022.md", _greeting(2022, "国家主席习近平发表二〇二二年新年贺词（双语全文）")),
        parse("heci_2023.md", _greeting(2023, "国家主席习近平发表二〇二三年新年贺词")),
        parse("heci_2020.md", _greeting(2020, "习近平2020年新年贺词：只争朝夕，不负韶华！")),
    ]
    assert "2022年新年贺词" in document_names(greetings[0])
    assert "2020年新年贺词" in document_names(greetings[2])  # a headline that exclaims
    taiwan = parse("taiwan.txt", ["习近平称2025年不平凡 办大事特别提到台湾", "台湾问题。"])
    corpus = [*greetings, taiwan]
    # the place after the name is what is asked of it, not whose greeting it is
    assert find_target("2022年新年贺词里关于台湾讲了什么", corpus).docs == {greetings[0].doc}
    # a place's report of a year keeps to the place's names, not the year's report
    report = parse("gd.txt", ["广东省2022年政府工作报告", "2021年全省地区生产总值增长8%。"])
    assert "2022年政府工作报告" not in document_names(report)


def test_a_headline_may_ask_but_a_heading_word_under_it_is_no_speaker() -> None:
    case = parse(
        "case.txt",
        [
            "医院副院长、处方医生、药房工作人员各构成什么罪？",
            "典型案例",
            "唐某系某药品公司的医药代表，负责甲县中心医院的销售业务。",
        ],
    )
    assert case.title == "医院副院长、处方医生、药房工作人员各构成什么罪？"
    assert case.meta.speaker == ""
    speech = parse("speech.txt", ["在全省工作会议上的讲话", "王晓晖", "同志们：今天召开会议。"])
    assert speech.meta.speaker == "王晓晖"
    # a line ending in a full stop is the text's first sentence, not its title
    assert parse("plain.txt", ["会议于广州召开。", "全会指出，要走在前列。"]).title == "plain"


def test_the_edition_a_file_is_named_for_answers_its_year() -> None:
    older = parse(
        "tiaoli_1998.txt",
        [*SOCIETIES[:2], "第十二条 登记管理机关应当在30日内作出批准或者不批准筹备的决定。"],
    )
    index = index_of([older, parse("tiaoli_2016.md", SOCIETIES)], SEGMENTER)
    hits = answer(index, "2016年版的条例里登记机关多少天内答复？", SEGMENTER).hits
    assert hits and hits[0].passage.doc == "tiaoli_2016.md"


def test_a_file_named_for_the_year_a_law_takes_effect_is_no_later_edition() -> None:
    code = ["中华人民共和国民法典", "（2020年5月28日第十三届全国人民代表大会第三次会议通过）"]
    code.append("第一条 为了保护民事主体的合法权益，制定本法。")
    assert parse("minfadian_2021.md", code).meta.year == 2020
    # a law collection's dated file name (…(2016-02-06).md) names the edition as well
    assert parse("社会团体登记管理条例(2016-02-06).md", SOCIETIES).meta.year == 2016
    # a page on a regulation is no edition of it
    page = ["《社会团体登记管理条例》解读", *SOCIETIES[1:]]
    assert parse("tiaoli_jiedu_2024.md", page).meta.year == 1998


def test_a_plenum_of_another_place_or_a_local_greeting_is_not_named_for_them() -> None:
    sichuan = parse(
        "sichuan.txt",
        ["中国共产党四川省第十二届委员会第三次全体会议公报", "全会在成都举行。"],
    )
    assert find_target("湖北省委十二届三次全会强调了什么", [sichuan]).docs is None
    assert find_target("十二届三次全会强调了什么", [sichuan]).docs == {sichuan.doc}
    study = parse("study.txt", ["学习贯彻四川省委十二届二次全会精神", "全会精神要学深悟透。"])
    assert "四川省委全会" in document_names(study)
    hongkong = parse("hk.txt", ["香港特区行政长官李家超发表2024年新年贺词", "新年快乐。"])
    assert "2024年新年贺词" not in document_names(hongkong)


def test_a_place_said_after_a_reports_name_still_picks_its_report() -> None:
    national = parse("gov_2023.txt", ["政府工作报告", "（2023年3月5日）", "经济增长5%左右。"])
    guangdong = parse("gd_2023.txt", ["广东省2023年政府工作报告", "地区生产总值增长5%以上。"])
    docs = [national, guangdong]
    assert find_target("政府工作报告广东省的增长目标是多少", docs).docs == {guangdong.doc}


def test_greetings_questions_and_a_speakers_long_name_under_a_title() -> None:
    assert parse("jianghua.txt", ["大家好！", "今天我们在这里集会。"]).title == "jianghua"
    lines = ["关于加强作风建设的讲话", "——在自治区干部大会上", "洛桑江村", "（2018年1月20日）"]
    speech = parse("talk.txt", [*lines, "同志们：开会。"])
    assert speech.meta.speaker == "洛桑江村" and speech.meta.year == 2018


def test_a_notice_title_is_whole_and_a_pages_link_under_it_is_no_banner() -> None:
    page = parse(
        "nishui_tongbao_2012.txt",
        [
            "教育部办公厅关于近期连续发生两起小学生溺水身亡事故的通报",
            "通知公告更多>>",
            "- 关于全国示范性特色学校拟推荐名单的公示2025-11-25",
            "- 教育部办公厅关于开展全国示范性特色学校创建的通知2025-11-14",
            "教育部办公厅关于近期连续发生两起小学生溺水身亡事故的通报",
            "来源:湖北继续教育网 更新时间:2012-06-01",
            "5月27日，湖北省孝感市孝昌县季店乡5名小学女生相约到河边游泳时不幸溺亡。",
        ],
    )
    assert page.title == "教育部办公厅关于近期连续发生两起小学生溺水身亡事故的通报"
    assert page.meta.year == 2012
    # counter-example: a banner above a title ending in its kind and a note is still a banner
    bundle = parse(
        "b.txt",
        [
            "党员学习材料",
            "中国共产党纪律处分条例（节选）",
            "第一条 为了维护党的章程，严肃党的纪律。",
        ],
    )
    assert bundle.title == "中国共产党纪律处分条例（节选）"


def test_a_law_the_national_congress_passed_without_the_states_name_is_a_law() -> None:
    law = parse(
        "fan_fenlie_guojia_fa_2005.md",
        [
            "# 反分裂国家法",
            "2005年3月14日 第十届全国人民代表大会第三次会议通过",
            "第一条 为了反对和遏制“台独”分裂势力分裂国家，促进祖国和平统一，制定本法。",
            "第五条 坚持一个中国原则，是实现祖国和平统一的基础。",
        ],
    )
    assert law.meta.kind == "法律"
    asked = find_target("反分裂国家法第五条讲了哪几层意思？", [law])
    assert not asked.missing and asked.docs == {law.doc}
    # counter-examples: a view or a way dated at a congress's session is no law, and a national
    # law under a banner keeps its title
    view = parse(
        "v.txt",
        ["代表们的看法", "2020年5月22日 第十三届全国人民代表大会第三次会议", "要走好群众路线。"],
    )
    assert view.meta.kind == ""
    bannered = parse(
        "c.md",
        ["法律法规", "中华人民共和国公司法", "第一条 为了规范公司的组织和行为，制定本法。"],
    )
    assert (bannered.title, bannered.meta.kind) == ("中华人民共和国公司法", "法律")


def test_a_day_the_title_gives_dates_the_text_not_the_pages_date_lines() -> None:
    paper = parse(
        "baipishu_1993.txt",
        [
            "《台湾问题与中国的统一》白皮书(1993年8月31日)",
            "2000年",
            "12月29日",
            "一、台湾是中国不可分割的一部分",
            "台湾地处中国大陆的东南缘，是中国第一大岛。",
        ],
    )
    assert paper.meta.year == 1993
    # counter-examples: a year alone in a title's brackets does not date the text, nor does a
    # law's day of adoption in its title: it is the edition of its last revision
    rules = parse(
        "r.md", ["某某条例（2020年修订）", "2023年5月1日 某某会议通过", "第一条 为了规范。"]
    )
    assert rules.meta.year == 2023
    constitution = parse(
        "x.md",
        [
            "中华人民共和国宪法（1982年12月4日）",
            "1982年12月4日第五届全国人民代表大会第五次会议通过",
            "2018年3月11日第十三届全国人民代表大会第一次会议通过的《中华人民共和国宪法修正案》修正",
            "第一条 中华人民共和国是工人阶级领导的、以工农联盟为基础的人民民主专政的社会主义国家。",
        ],
    )
    assert constitution.meta.year == 2018


def test_a_notice_issued_by_many_offices_keeps_its_long_title() -> None:
    offices = " ".join(
        f"广东省{office}"
        for office in (
            *("卫生健康委", "发展改革委", "民政厅", "财政厅", "人力资源社会保障厅"),
            *("生态环境厅", "应急管理厅", "医疗保障局", "总工会"),
        )
    )
    title = f"{offices} 关于印发广东省尘肺病防治攻坚行动实施方案的通知"
    notice = parse(
        "n.txt", [title, "各地级以上市卫生健康局：", "现将方案印发给你们，请认真贯彻执行。"]
    )
    assert notice.title == title
    # counter-example: a long first line that is a sentence is text, not a title
    long_line = (
        "为贯彻落实国家卫生健康委等十部门关于印发尘肺病防治攻坚行动方案的通知精神，" * 3
        + "特制定本方案。"
    )
    assert parse("s.txt", [long_line, "一、总体要求"]).title == "s"


def test_a_title_line_giving_a_files_name_is_that_name() -> None:
    page = parse(
        "paimai.txt",
        [
            "中华人民共和国拍卖法.doc",
            "文档名称:中华人民共和国拍卖法.doc",
            "全国人民代表大会常务委员会关于修改《中华人民共和国拍卖法》的决定",
            "(2004年8月28日第十届全国人民代表大会常务委员会第十一次会议通过)",
            "一、删去第五条第三款。",
        ],
    )
    assert page.title == "中华人民共和国拍卖法"
    assert "拍卖法" in document_names(page)
    # counter-example: a dotted abbreviation in a title is no file's name
    assert parse("x.txt", ["关于印发《U.S.贸易报告》的通知", "正文。"]).title.endswith("通知")


def test_a_table_of_contents_is_no_part_of_the_text() -> None:
    lines = [
        "中华人民共和国拍卖法",
        "目录",
        "第一章总则",
        "第二章拍卖标的",
        "第三章拍卖当事人",
        "第一节拍卖人",
        "第四章拍卖程序",
        "第一节拍卖委托",
        "第一章总则",
        "第一条为了规范拍卖行为,维护拍卖秩序,制定本法。",
        "第三条拍卖是指以公开竞价的形式,将特定物品或者财产权利转让给最高应价者的买卖方式。",
        "第二章拍卖标的",
        "第六条拍卖标的应当是委托人所有或者依法可以处分的物品或者财产权利。",
    ]
    law = parse("pm.txt", lines)
    texts = [p.text for p in law.passages]
    assert not any(t.startswith(("第一节", "第四章", "目录")) for t in texts)
    assert [p.section[-1] for p in law.passages] == ["第一条", "第三条", "第六条"]
    index = index_of([law], SEGMENTER)
    hits = answer(index, "拍卖法是怎么给“拍卖”下定义的？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第三条")
    # a table of contents whose first entry has no marker (序言) too
    constitution = parse(
        "xf.txt",
        [
            "中华人民共和国宪法",
            "目录",
            "序言",
            "第一章总纲",
            "第二章公民的基本权利和义务",
            "序言",
            "中国是世界上历史最悠久的国家之一。",
            "第一章总纲",
            "第一条 中华人民共和国是社会主义国家。",
        ],
    )
    assert not any(p.text.startswith("第二章") for p in constitution.passages)
    # counter-example: a 目录 line followed by text, not a run of headings, stays
    kept = parse("ml.txt", ["工作手册", "目录", "本手册收录常用文件。", "一、总则", "正文。"])
    assert any("本手册收录常用文件" in p.text for p in kept.passages)


def test_a_national_laws_full_name_is_a_whole_title_not_the_first_half_of_one() -> None:
    page = parse(
        "guohuifa_2009.txt",
        [
            "中华人民共和国国徽法",
            "以文本方式查看主题",
            "--  作者:黄献华律师",
            "(1991年3月2日第七届全国人民代表大会常务委员会第十八次会议通过 根据2009年8月27日"
            "第十一届全国人民代表大会常务委员会第十次会议通过的《关于修改部分法律的决定》修正)",
            "第一条 为了维护国徽的尊严,正确使用国徽,根据宪法,制定本法。",
        ],
    )
    assert page.title.startswith("中华人民共和国国徽法") and "主题" not in page.title
    assert "国徽法" in document_names(page)
    # counter-example: a speech's title in two lines, its subtitle under them, is joined
    speech = parse(
        "bg.txt",
        [
            "高举中国特色社会主义伟大旗帜",
            "为全面建设社会主义现代化国家而团结奋斗",
            "——在中国共产党第二十次全国代表大会上的报告",
            "同志们：现在，我代表第十九届中央委员会向大会作报告。",
        ],
    )
    assert speech.title.startswith("高举中国特色社会主义伟大旗帜") and "团结奋斗" in speech.title


def test_a_texts_opening_is_its_first_sentence_past_a_breadcrumb_and_a_byline() -> None:
    report = parse(
        "mutang_2024.txt",
        [
            "2024年木棠镇人民政府工作报告",
            "当前位置:首页 > 信息公开 > 市政府 > 市政府工作报告 > 2024年乡镇政府工作报告",
            "发布时间:2024-03-18 08:55",
            "木棠镇人民政府镇长 羊金万",
            "在木棠镇第十七届人民代表大会第五次会议上的报告",
            "各位代表:",
            "现在,我代表木棠镇人民政府,向大会报告政府工作,请予审议。",
            "一、2023年工作回顾",
            "一年来,全镇经济社会发展保持稳中有进的良好态势。",
        ],
    )
    index = index_of([report], SEGMENTER)
    hits = answer(index, "木棠镇2024年报告开头,镇长请谁来审议?", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("现在,我代表木棠镇人民政府")


def test_a_span_of_years_in_a_title_dates_the_text_by_its_first_year() -> None:
    outline = parse(
        "gangyao.txt",
        ["中国妇女发展纲要(2011—2020年)", "一、指导思想", "高举中国特色社会主义伟大旗帜。"],
    )
    assert outline.title == "中国妇女发展纲要(2011—2020年)" and outline.meta.year == 2011
    assert "2020年" not in document_names(outline)
    # counter-example: a history's span of decades is of its last year
    history = parse("ls.txt", ["辉煌七十年(1949—2019年)", "七十年来，我们取得了举世瞩目的成就。"])
    assert history.meta.year == 2019
    # and a dash after the brackets still opens a subtitle
    plan = parse(
        "gh.txt", ["十四五规划(2021—2025年)——在全市干部大会上的说明", "同志们：现在我作说明。"]
    )
    assert (
        plan.title.startswith("十四五规划(2021—2025年)")
        and plan.meta.subtitle == "在全市干部大会上的说明"
    )
    # counter-example: a dash before a date outside brackets still opens a subtitle
    report = parse(
        "bg.txt",
        ["政府工作报告——2017年3月5日在第十二届全国人民代表大会第五次会议上", "各位代表："],
    )
    assert report.title.startswith("政府工作报告") and report.meta.year == 2017
    assert report.meta.subtitle.startswith("2017年3月5日")


def test_a_note_of_the_edition_in_a_title_names_no_one() -> None:
    amended = parse(
        "fq_2005.txt",
        ["中华人民共和国妇女权益保障法(修正)", "第一条 为了保障妇女的合法权益，制定本法。"],
    )
    current = parse(
        "fq_2018.md", ["# 中华人民共和国妇女权益保障法", "第四十条 禁止对妇女实施性骚扰。"]
    )
    asked = find_target("2018年修正本对性骚扰只规定了什么？", (amended, current))
    assert asked.docs in (None, frozenset({"fq_2018.md"}))
    # counter-example: a person the title names in a note that is no edition's still names it
    speech = parse("ma.txt", ["全市干部大会上的讲话(马卫光)", "同志们：今天召开全市干部大会。"])
    assert find_target("马卫光讲话说了什么", (speech, current)).docs == frozenset({"ma.txt"})


def test_a_report_every_place_gives_is_its_speakers_places() -> None:
    lines = [
        "政府工作报告",
        "甘肃省代省长 任振鹤",
        "各位代表：",
        "我代表省人民政府，向大会报告工作。",
    ]
    report = read_document("bg_2021.txt", "\n".join(lines).encode())
    assert report.title == "政府工作报告（甘肃，2021年）"
    asked = find_target("2021年甘肃政府工作报告里说了什么", (report,))
    assert not asked.missing and asked.docs == {"bg_2021.txt"}
    # counter-examples: an office of no place (国务院总理) adds none, nor does a title of
    # its own (…关于…的报告) take its speaker's place
    national = read_document(
        "zf_2021.txt",
        "\n".join(
            [
                "政府工作报告",
                "国务院总理 李克强",
                "各位代表：",
                "我代表国务院，向大会报告政府工作。",
            ]
        ).encode(),
    )
    assert national.title == "政府工作报告（2021年）"
    own = read_document(
        "gz_2021.txt",
        "\n".join(
            ["关于全省安全生产工作情况的报告", "甘肃省副省长 张三", "主任、各位副主任："]
        ).encode(),
    )
    assert own.meta.occasion == ""
    # and the congress a subtitle names stays the occasion
    dated = read_document(
        "gs_2026.txt",
        "\n".join(
            [
                "政府工作报告",
                "甘肃省省长 任振鹤",
                "——2026年1月27日在甘肃省第十四届人民代表大会第四次会议上",
                "各位代表：",
                "我代表省人民政府，向大会报告工作。",
            ]
        ).encode(),
    )
    assert dated.meta.occasion == "甘肃省第十四届人民代表大会第四次会议"
    # and the congress its opening names replaces the office (a party congress's report)
    congress = read_document(
        "dd_2021.txt",
        "\n".join(
            [
                "报告",
                "甘肃省委书记 尹弘",
                "同志们：",
                "现在，我代表中国共产党甘肃省第十三届委员会向大会作报告。",
            ]
        ).encode(),
    )
    assert "代表大会" in congress.meta.occasion
    # the office said otherwise (中共…省委书记, …人民政府省长) names the same place; a title of
    # no report's genre (讲话) and an office of the country's (中国市长协会) none
    for office in ("中共甘肃省委书记 尹弘", "甘肃省人民政府省长 任振鹤"):
        other = read_document("bg_2021.txt", "\n".join([lines[0], office, *lines[2:]]).encode())
        assert other.title == "政府工作报告（甘肃，2021年）"
    for title, office in (("讲话", "兰州市委书记 张伟"), ("政府工作报告", "中国市长协会主席 张三")):
        none = read_document("jh_2021.txt", "\n".join([title, office, *lines[2:]]).encode())
        assert none.meta.occasion == "" and "（2021年）" in none.title


def test_a_lists_bullets_and_a_headings_deployment_are_no_front_matter() -> None:
    document = read_document(
        "zhaiyao.txt",
        "\n".join(
            [
                "李强主持召开国务院常务会议 对抓紧做好春节假期后政府工作作出部署等",
                "新华社·2026-02-24 20:57",
                "政府工作部署",
                "- 强调树立正确政绩观,坚持从实际出发、按规律办事,为人民出政绩、以实干出政绩",
                "- 要求以创新思路优化管理和服务,支持地方与企业探索新增长点",
            ]
        ).encode(),
    )
    texts = [p.text for p in document.passages]
    # a Markdown list's bullet is no subtitle's dash, 部署 no office like 审计署
    assert any("为人民出政绩、以实干出政绩" in t for t in texts)
    assert document.meta.subtitle == ""
    # counter-example: a subtitle's dash under a title is still its subtitle
    speech = read_document(
        "jh.txt",
        "\n".join(
            ["坚定信心 奋发有为", "——在全市经济工作会议上的讲话", "同志们：今天的会议很重要。"]
        ).encode(),
    )
    assert speech.meta.subtitle.startswith("在全市经济工作会议上")


def test_a_headline_saying_who_issued_a_text_names_it() -> None:
    page = read_document(
        "crntt.txt",
        "\n".join(
            [
                "兩部門印發網絡主播行為規範",
                "中評社北京6月23日電/國家廣播電視總局、文化和旅遊部聯合發布《網絡主播行為規範》。",
                "第三條 網絡主播應當遵守網絡實名制註冊賬號的有關規定。",
            ]
        ).encode(),
    )
    assert "网络主播行为规范" in document_names(page)
    asked = find_target("按网络主播行为规范，当主播必须实名注册账号吗？", [page])
    assert asked.docs == frozenset({"crntt.txt"})
    # counter-example: a headline on something else done (市长发布会上谈就业) names no text
    talk = read_document(
        "talk.txt", "市长在发布会上谈稳就业\n市长表示，今年要新增就业岗位两万个。".encode()
    )
    assert len(document_names(talk)) == 1  # its headline only
    press = read_document(
        "fbh.txt", "国新办举行发布会解读新修订的殡葬管理条例\n发布会上，民政部介绍了条例。".encode()
    )
    assert len(document_names(press)) == 1


def test_a_records_posting_fields_head_no_text_and_join_the_headline_over_them() -> None:
    # a notice's record fields above its text: no heading of what follows
    notice = parse(
        "wuxi.txt",
        [
            "文件名称:《无锡市低空经济高质量发展三年行动方案(2024—2026年)》",
            "发文字号:锡政办发〔2024〕17号",
            "发布日期:2024年4月2日",
            "发文单位:无锡市人民政府办公室",
            "无锡市低空经济高质量发展三年行动方案(2024—2026年)",
            "为贯彻落实国家、省关于低空经济产业发展的战略部署,抢抓低空经济产业密集创新和高速"
            "增长的战略机遇,制定本方案。",
            "一、总体思路",
            "以壮大产业为核心,以技术创新为驱动,以空域优化为突破。",
        ],
    )
    assert all(not part.startswith(("发文", "发布")) for p in notice.passages for part in p.section)
    assert notice.passages[-1].section == ("一、总体思路",)
    # a paper's headline keeps the posting lines under it in its passage
    paper = read_document(
        "baotou.txt",
        "\n".join(
            [
                "电子报阅读机",
                "2024-11-06",  # (the page's day under its first line: that line is its title)
                "当前报纸名称:包头晚报",
                "拟扩大幼儿园托班招收儿童范围",
                "日期:11-05",
                "版面:第12版:天下",
                "学前教育法草案三次审议稿4日提请全国人大常委会会议审议。为解决托育服务供给不足的"
                "问题，草案拟扩大托班招收儿童范围。",
            ]
        ).encode(),
    )
    [headed] = [p for p in paper.passages if "日期:11-05" in p.text]
    assert headed.text.startswith("拟扩大幼儿园托班招收儿童范围")
    assert "版面:第12版" in headed.text


def test_a_traditional_reports_title_takes_no_speaker_line_and_a_laws_no_link() -> None:
    # Wikisource prints a report's title three times, then its speaker and day
    report = parse(
        "yanglao_baogao_2024.txt",
        [
            "國務院關於推進養老服務體系建設情況的報告",
            "國務院關於推進養老服務體系建設情況的報告",
            "民政部部長陸治原(受國務院委託)",
            "2024年9月10日於人民大會堂",
            "全國人民代表大會常務委員會:",
            "我受國務院委託,向全國人大常委會報告養老服務體系建設情況,請審議。",
        ],
    )
    assert report.title == "國務院關於推進養老服務體系建設情況的報告"
    # and a law's title, then its other editions' links and its enacting organ
    law = parse(
        "bingyifa_1984.txt",
        [
            "中華人民共和國兵役法 (1984年)",
            "中華人民共和國兵役法 (1955年) 中華人民共和國兵役法",
            "制定機關:全國人民代表大會",
            "中華人民共和國兵役法 (1998年)",
            "第一章 總則",
            "第一條 根據中華人民共和國憲法,制定本法。",
        ],
    )
    assert law.title.startswith("中華人民共和國兵役法 (1984年)")
