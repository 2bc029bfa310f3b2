"""Document structure: title, heading tree and the place of every paragraph."""

from __future__ import annotations

from pathlib import Path

from retrieval import corpus
from retrieval.search import answer
from retrieval.segment import default_segmenter
from retrieval.structure import MAX_PASSAGE_CHARS, parse, split_passage
from retrieval.targets import find_target
from tests.indexing import index_of

CORPUS_FILE = (
    Path(__file__).resolve().parent.parent / "corpus" / "lianzheng-tanhua-jiating-zhulian.txt"
)

P1 = "一、以赤诚之心对待组织"
P2 = "二、以责任之心对待工作"
P3 = "三、以敬畏之心对待权力"
P4 = "四、以警惕之心对待诱惑"
FAMILY = (P4, "三要树立良好家风")

# (paragraph number, opening characters, expected section path) for every body paragraph.
SEED_PATHS: list[tuple[int, str, tuple[str, ...]]] = [
    (1, "根据党内监督制度的规定", ()),
    (2, "去年X月以来", ()),
    (3, "习近平总书记强调，“领导", (P1,)),
    (4, "一要坚定理想信念。", (P1, "一要坚定理想信念")),
    (5, "二要加强理论学习。", (P1, "二要加强理论学习")),
    (6, "三要保持政治定力。", (P1, "三要保持政治定力")),
    (7, "政贵在行,事成于实。", (P2,)),
    (8, "一要担当作为敢做事。", (P2, "一要担当作为敢做事")),
    (9, "二要作风过硬肯做事。", (P2, "二要作风过硬肯做事")),
    (10, "三要创造业绩做成事。", (P2, "三要创造业绩做成事")),
    # continues the third point until the next part heading
    (11, "说到这里我想再讲两件事", (P2, "三要创造业绩做成事")),
    (12, "权力意味着责任", (P3,)),
    (13, "一要乐于接受监督。", (P3, "一要乐于接受监督")),
    (14, "二要正确看待权力。", (P3, "二要正确看待权力")),
    (15, "三要带头遵纪守法。", (P3, "三要带头遵纪守法")),
    (16, "人生的道路艰辛坎坷", (P4,)),
    (17, "一要珍惜工作机会。", (P4, "一要珍惜工作机会")),
    (18, "二要珍视个人声誉。", (P4, "二要珍视个人声誉")),
    (19, "三要树立良好家风。", FAMILY),
    (20, "如何才能发挥好家庭助廉的作用", FAMILY),
    (21, "要守得住清廉。", (*FAMILY, "要守得住清廉")),
    (22, "要提醒好配偶。", (*FAMILY, "要提醒好配偶")),
    (23, "要教育好子女。", (*FAMILY, "要教育好子女")),
    (24, "要引导好亲朋。", (*FAMILY, "要引导好亲朋")),
    # closing remarks belong to the whole speech
    (25, "同志们，今天借此机会", ()),
]


def test_every_seed_paragraph_has_its_expected_place() -> None:
    doc = corpus.read_document("speech.txt", CORPUS_FILE.read_bytes())
    assert doc.title == "在全市新任科级领导干部廉政谈话暨家庭助廉活动上的讲话"
    got = [(p.paragraph, p.section) for p in doc.passages]
    assert got == [(n, path) for n, _, path in SEED_PATHS]
    for passage, (_, opening, _) in zip(doc.passages, SEED_PATHS, strict=True):
        assert passage.text.startswith(opening)
        assert passage.title == doc.title and passage.doc == "speech.txt" and passage.part == 1


def test_passages_are_the_paragraphs_verbatim() -> None:
    lines = CORPUS_FILE.read_text(encoding="utf-8").splitlines()
    doc = parse("speech.txt", lines)
    headings = {P1, P2, P3, P4}
    assert [p.text for p in doc.passages] == [ln for ln in lines[1:] if ln not in headings]


def test_heading_tree_lists_parts_points_and_sub_points() -> None:
    doc = corpus.read_document("speech.txt", CORPUS_FILE.read_bytes())
    paths = [h.path for h in doc.headings]
    assert paths[0] == (P1,)
    assert [p for p in paths if len(p) == 1] == [(P1,), (P2,), (P3,), (P4,)]
    assert (*FAMILY, "要提醒好配偶") in paths
    first = {h.path: h.first_paragraph for h in doc.headings}
    assert first[(P1,)] == 3
    assert first[FAMILY] == 19
    assert first[(*FAMILY, "要提醒好配偶")] == 22


def test_a_preface_holds_no_chapters() -> None:
    lines = [
        "# 某某法",
        "## 序言",
        "序言的第一段话比较长，讲了这部法律的由来和意义。",
        "## 第一章 总则",
        "第一条 为了某某，制定本法。",
        "## 第二章 管理",
        "第二条 国家管理某某事项。",
    ]
    assert [p.section for p in parse("law.md", lines).passages] == [
        ("序言",),
        ("第一章 总则", "第一条"),
        ("第二章 管理", "第二条"),
    ]


def test_a_table_of_contents_is_no_passage() -> None:
    lines = [
        "# 某某条例",
        "## 第一章 总则",
        "## 第二章 扶持与保障",
        "## 第一章 总则",
        "第一条 为了某某，制定本条例。",
        "## 第二章 扶持与保障",
        "第二条 本市扶持某某事业。",
        "## 第三章 附则",  # a last heading with nothing under it stays
    ]
    assert [(p.section, p.text) for p in parse("toc.md", lines).passages] == [
        (("第一章 总则", "第一条"), "第一条 为了某某，制定本条例。"),
        (("第二章 扶持与保障", "第二条"), "第二条 本市扶持某某事业。"),
        (("第三章 附则",), "第三章 附则"),
    ]


def test_official_heading_levels_nest_and_may_skip() -> None:
    lines = [
        "关于某项工作的通知",
        "一、总体要求",
        "（一）指导思想",
        "坚持稳中求进。",
        "1.基本原则",
        "（1）坚持问题导向",
        "聚焦突出问题。",
        "（二）目标任务",
        "到年底完成任务。",
        "二、重点工作",
        "1.加强学习",  # skips （一）
        "每月学习一次。",
    ]
    doc = parse("notice.md", lines)
    assert doc.title == "关于某项工作的通知"
    assert [(p.text, p.section) for p in doc.passages] == [
        ("坚持稳中求进。", ("一、总体要求", "（一）指导思想")),
        ("聚焦突出问题。", ("一、总体要求", "（一）指导思想", "1.基本原则", "（1）坚持问题导向")),
        ("到年底完成任务。", ("一、总体要求", "（二）目标任务")),
        ("每月学习一次。", ("二、重点工作", "1.加强学习")),
    ]


def test_paragraph_enumerations() -> None:
    lines = [
        "在学习会上的讲话",
        "第一，提高政治站位。我们要站在全局看问题。",
        "第二，狠抓工作落实。落实是关键。",
        "这一点大家都要记住。",
        "首先，要学深悟透。学习要系统。",
        "其次，要学以致用。学用结合。",
        "一是健全制度。制度管根本。",
        "二是强化监督。监督不能缺位。",
    ]
    doc = parse("talk.txt", lines)
    sections = [p.section for p in doc.passages]
    assert sections[0] == ("第一，提高政治站位",)
    assert sections[1] == ("第二，狠抓工作落实",)
    assert sections[2] == ("第二，狠抓工作落实",)  # continues the item
    assert sections[3] == ("第二，狠抓工作落实", "首先，要学深悟透")
    assert sections[4] == ("第二，狠抓工作落实", "其次，要学以致用")
    assert sections[5][-1] == "一是健全制度"
    assert sections[6][-1] == "二是强化监督"
    assert len(sections[6]) == len(sections[5])


def test_markdown_headings_and_title() -> None:
    doc = parse(
        "notes.md", ["# 党课讲稿", "## 第一部分", "正文第一段。", "### 小节", "正文第二段。"]
    )
    assert doc.title == "党课讲稿"
    assert [p.section for p in doc.passages] == [("第一部分",), ("第一部分", "小节")]


def test_title_falls_back_to_the_file_name() -> None:
    doc = parse("dir/学习材料.txt", ["这是一个很长的正文段落，没有标题行。它以句号结束。"])
    assert doc.title == "学习材料"
    assert doc.passages[0].paragraph == 1


def test_two_parallel_sentences_are_not_a_run() -> None:
    lines = ["标题", "要守得住清廉。正文。", "要提醒好配偶。正文。"]
    doc = parse("a.txt", lines)
    assert all(p.section == () for p in doc.passages)


def test_long_paragraphs_are_split_at_sentence_ends() -> None:
    sentence = "这是一句用来测试的完整句子，长度适中。"
    paragraph = sentence * 60
    pieces = split_passage(paragraph)
    assert "".join(pieces) == paragraph
    assert len(pieces) > 1
    assert all(len(p) <= MAX_PASSAGE_CHARS for p in pieces)
    assert all(p.endswith("。") for p in pieces)
    doc = parse("long.txt", ["标题", paragraph, "一个不长也不短的段落。"])
    assert [(p.paragraph, p.part) for p in doc.passages][-2:] == [(1, len(pieces)), (2, 1)]


def test_paragraphs_without_sentence_ends_are_still_cut_to_size() -> None:
    for paragraph in ("字" * 5000, ("一个没有句号的很长分句" * 30 + "，") * 8):
        pieces = split_passage(paragraph)
        assert "".join(pieces) == paragraph
        assert all(len(p) <= MAX_PASSAGE_CHARS for p in pieces)


def test_headings_with_nothing_under_them_are_passages() -> None:
    doc = parse(
        "outline.md",
        ["# 学习提纲", "一、坚定理想信念", "（一）学习党章", "（二）学习讲话", "二、加强作风建设"],
    )
    assert doc.title == "学习提纲"
    assert [(p.paragraph, p.section, p.text) for p in doc.passages] == [
        (1, ("一、坚定理想信念", "（一）学习党章"), "（一）学习党章"),
        (2, ("一、坚定理想信念", "（二）学习讲话"), "（二）学习讲话"),
        (3, ("二、加强作风建设",), "二、加强作风建设"),
    ]


def test_a_rule_list_inside_a_speech_keeps_every_rule() -> None:
    lines = [
        "关于会议的要求",
        "一、会前准备",
        "（1）会前要广泛征求意见。",
        "（2）会上要开展批评和自我批评。",
        "二、会后整改",
        "整改要有台账，逐项销号。",
    ]
    doc = parse("rules.txt", lines)
    assert [(p.section, p.text) for p in doc.passages] == [
        (("一、会前准备", "（1）会前要广泛征求意见"), "（1）会前要广泛征求意见。"),
        (("一、会前准备", "（2）会上要开展批评和自我批评"), "（2）会上要开展批评和自我批评。"),
        (("二、会后整改",), "整改要有台账，逐项销号。"),
    ]


def test_a_paragraph_styled_as_a_heading_stays_a_paragraph() -> None:
    long_title = "长" * 200  # a Word paragraph in the Title style
    long_heading = "节" * 100 + "。"
    doc = parse("notes.md", [f"# {long_title}", f"## {long_heading}", "## 一、要求", "正文。"])
    assert doc.title == "notes"
    assert [(p.section, p.text) for p in doc.passages] == [
        ((), long_title),
        ((), long_heading),
        (("一、要求",), "正文。"),
    ]


def test_a_heading_that_is_its_own_passage_is_indexed_once() -> None:
    from retrieval.index import HEADING_REPEAT, passage_terms
    from retrieval.segment import default_segmenter

    doc = parse("rules.txt", ["规定", "一、会议纪律", "（1）会上要开展批评和自我批评。"])
    (rule,) = doc.passages
    assert rule.section == ("一、会议纪律", "（1）会上要开展批评和自我批评")
    terms = passage_terms(rule, default_segmenter())
    assert terms.count("批评") == 2  # in the text, 批评和自我批评: not again from the heading
    assert terms.count("纪律") == HEADING_REPEAT  # the heading above counts as before


BUNDLE = [
    "【2019年8月学习材料】",
    "守初心 担使命",
    "坚持实事求是。实事求是是马克思主义的根本观点，是中国共产党人认识世界、改造世界的根本要求。",
    "党员教育管理工作条例（节选）",
    "第十一条　加强党的宗旨教育，引导党员践行全心全意为人民服务的根本宗旨，密切联系服务群众。",
    "第十二条　加强党的作风教育，引导党员发扬党的优良作风，做到忠诚干净担当。",
    "20190813党委班子会议学习材料",
    "微学习：“意识形态工作专题”",
    "《党委（党组）意识形态工作责任制实施办法》",
    "第一条为进一步加强和改进意识形态工作，落实党管意识形态原则，制定本办法。",
    "第二条意识形态工作是党的一项极端重要的工作，关乎旗帜、关乎道路、关乎国家政治安全。",
    "第三条各级党委（党组）应当把意识形态工作作为党的建设和政权建设的重要内容。",
    "第十二条对领导班子、领导干部进行问责，应当按照干部管理权限实施。",
]


def test_a_title_in_book_marks_heads_the_regulation_whose_articles_run_on() -> None:
    doc = parse("bundle.txt", BUNDLE)
    banfa = "《党委（党组）意识形态工作责任制实施办法》"
    by_text = {p.text[:4]: p.section for p in doc.passages}
    assert by_text["第一条为"] == (banfa, "第一条")
    assert by_text["第十二条对"[:4]] == (banfa, "第十二条")
    # the banner and the column line stay as a line of that text
    assert any(p.text.startswith("20190813") and p.section == (banfa,) for p in doc.passages)


def test_a_line_that_only_opens_with_an_ordinal_and_tiao_is_text() -> None:
    lines = [
        "在全市组织工作会议上的讲话",
        "同志们：",
        "第二条战线上的同志们同样辛苦，要关心他们的学习和生活，帮助解决实际困难。",
        "第三条路是走不通的，我们要坚定不移走中国特色社会主义道路，这一点必须讲清楚。",
    ]
    assert all(p.section == () for p in parse("speech.txt", lines).passages)


def test_a_preface_is_a_part_beside_the_numbered_parts_and_an_office_line_is_the_author() -> None:
    doc = parse(
        "tixi.txt",
        [
            "每周一学（2022年6月20日——6月26日）",
            "中国共产党党内法规体系",
            "（二〇二一年七月）",
            "中共中央办公厅法规局",
            "前  言",
            "党内法规具有强烈政治属性、鲜明价值导向、科学治理逻辑、统一规范功能，是管党治党的重要依据。",
            "一、党内法规体系的发展历程",
            "党内法规因党而生、因党而立、因党而兴，始终与党的奋斗历程相伴随，不断发展完善。",
            "二、党内法规体系的框架构成",
            "党内法规体系以党章为根本，以民主集中制为核心，以准则、条例等中央党内法规为主干。",
        ],
    )
    assert "党内法规体系" in doc.meta.names  # not 每周一学 中国共产党…
    assert doc.meta.speaker == "中共中央办公厅法规局"
    assert [h.path for h in doc.headings] == [
        ("前言",),
        ("一、党内法规体系的发展历程",),
        ("二、党内法规体系的框架构成",),
    ]


def test_a_bundle_under_a_banner_is_named_by_the_speech_it_holds() -> None:
    doc = parse(
        "bundle.txt",
        [
            "【2021年3月学习材料】",
            "理论学习中心组学习材料第二专题",
            "习近平：在党史学习教育动员大会上的讲话",
            "（2021年2月20日）",
            "今年是中国共产党成立一百周年。在全党开展党史学习教育，是党中央立足党的百年历史新起点作出的重大决策。",
            "一、开展党史学习教育意义重大",
            "党的历史是最生动、最有说服力的教科书。我们党历来重视党史学习教育，注重用党的奋斗历程和伟大成就鼓舞斗志。",
        ],
    )
    speech = "习近平：在党史学习教育动员大会上的讲话"
    assert doc.title == speech  # the speech's title, not the banner's or the series' line
    assert doc.meta.occasion == "党史学习教育动员大会" and doc.meta.kind == "讲话"
    assert "党史学习教育动员大会讲话" in doc.meta.names
    # counter-example: a headline with a kind word inside a line is no title
    report = parse(
        "news.txt",
        [
            "每周一学（2021年12月6日—12月12日）",
            "省委召开专题学习会深入学习领会全会精神",
            "袁家军主持并讲话 王浩出席",
            "浙江在线11月27日讯 26日至27日，省委利用两天时间举行专题学习会，开展研讨交流。",
        ],
    )
    assert report.headings[0].path == ("省委召开专题学习会深入学习领会全会精神",)


def test_a_speech_under_a_pages_banner_is_named_by_the_subtitle_below_its_title() -> None:
    speech = [
        "为实现党的二十大确定的目标任务而团结奋斗",
        "——在党的二十届一中全会上的讲话 习近平",
        "这次中央全会已经完成了选举产生新一届中央领导机构的任务。",
        "贯彻党的二十大精神，要认真学习贯彻党章。全党要把学习贯彻党章作为重要内容。",
    ]
    sidebar = ["每周一学（2026年6月1日-6月7日）义乌发展经验[06-01]"]
    doc = parse("page.txt", ["每周一学（2022年12月26日-2023年1月1日）", *sidebar, *speech])
    assert doc.meta.occasion == "党的二十届一中全会" and doc.meta.kind == "讲话"
    # the plenum goes by its short names, with and without its session
    assert {"二十届一中全会", "一中全会", "一中全会讲话"} <= set(doc.meta.names)
    # so a question naming the speech is asked of it, not of the 党章 it tells to study
    target = find_target("2022年一中全会那篇讲话对学习贯彻党章提了什么要求？", [doc])
    assert target.docs == {"page.txt"} and not target.missing
    # counter-examples: a page of two speeches is named by neither; a study session about a
    # plenum is not the plenum (五中全会 is no name of it)
    other = [
        "守正创新",
        "——在全国宣传思想工作会议上的讲话 习近平",
        "宣传思想工作是一项极端重要的工作。",
    ]
    bundle = parse(
        "two.txt", ["每周一学（2022年12月26日-2023年1月1日）", *sidebar, *speech, *other]
    )
    assert bundle.meta.occasion == ""
    study = parse(
        "study.txt",
        [
            "习近平在省部级主要领导干部学习贯彻党的十八届五中全会精神专题研讨班上的讲话",
            "这次研讨班的主题是学习贯彻党的十八届五中全会精神。",
        ],
    )
    assert "十八届五中全会" in study.meta.names and "五中全会" not in study.meta.names
    # nor is a page whose dash line gives an excerpt's source
    excerpt = parse(
        "excerpt.txt",
        [
            "每周一学（2023年3月6日-3月12日）",
            *sidebar,
            "习近平关于调查研究论述摘编",
            "调查研究是谋事之基、成事之道。",
            "——摘自习近平在中央党校2023年春季学期开学典礼上的讲话",
        ],
    )
    assert excerpt.meta.occasion == ""


def test_a_pages_headline_printed_again_below_its_menus_is_no_passage() -> None:
    doc = parse(
        "page.txt",
        [
            "2021年新年献词--校长专栏-绍兴市第一中学",
            "2024年新年献词：启航新征程，踏歌向未来[01-10]",
            "2021年新年献词",
            "这一年，我们的教学业绩创造新辉煌。2020届高考一段录取率86%。",
        ],
    )
    assert "2021年新年献词" not in [p.text for p in doc.passages]
    # a page printing its title line twice, then its sidebar's links, is titled by it, not
    # by a link that names a kind of text (…开学典礼讲话[02-28])
    twice = parse(
        "twice.txt",
        [
            "2021年新年献词--校长专栏-绍兴市第一中学",
            "2021年新年献词--校长专栏-绍兴市第一中学",
            "2024学年第二学期开学典礼讲话[02-28]",
            "这一年，我们的教学业绩创造新辉煌。",
        ],
    )
    assert twice.title.startswith("2021年新年献词")
    # counter-example: a bundle's page names the text it holds, whose own title heads it
    bundle = parse(
        "bundle.txt",
        [
            "每周一学（2025年6月23日-6月29日）中共中央 国务院印发《党政机关厉行节约反对浪费条例》",
            "近日，中共中央、国务院印发了修订后的《党政机关厉行节约反对浪费条例》。",
            "党政机关厉行节约反对浪费条例",
            "第一章 总则",
            "第一条 为了进一步弘扬艰苦奋斗、勤俭节约的优良作风，制定本条例。",
        ],
    )
    texts = [p.text for p in bundle.passages] + [h.path[-1] for h in bundle.headings]
    assert any(t == "党政机关厉行节约反对浪费条例" for t in texts)


def test_an_interviewers_question_heads_the_answers_after_it() -> None:
    lines = [
        "中央办公厅负责人就《意见》答记者问",
        "问：请介绍一下《意见》出台的背景和主要特点。",
        "答：党的十八大以来，党中央把党的政治建设摆在首位，《意见》主要有4个特点。",
        "采访组：请您谈谈他作为省委书记第一次到企业考察的情况。",
        "南存辉：2002年12月22日，习书记在温州调研期间，专程到我们集团考察。",
        "那时他刚到浙江工作不久，就来看民营企业。",
        "记者：王小明",
    ]
    document = parse("qa.txt", lines)
    by_text = {p.text[:3]: p for p in document.passages}
    assert by_text["答：党"].section == ("问：请介绍一下《意见》出台的背景和主要特点",)
    asked = "采访组：请您谈谈他作为省委书记第一次到企业考察的情况"
    assert by_text["南存辉"].section == by_text["那时他"].section == (asked,)
    # the questions are headings, not passages; a byline asks nothing and stays text
    assert not any(p.text.startswith(("问：", "采访组：")) for p in document.passages)
    assert by_text["记者："].text == "记者：王小明"


def test_a_question_and_answer_pages_question_heads_its_answer() -> None:
    lines = [
        "高校学生资助政策问答",
        "**【问】助学贷款最长还多少年？**",
        "**【答】** 期限学制加15年，最长不超过22年；毕业后按合同还款。",
        "**【问】绿色通道是什么？**",
        "**【答】** 家庭经济特别困难新生可在报到时通过高校绿色通道先办理入学。",
    ]
    document = corpus.read_document("wenda.md", "\n".join(lines).encode())
    (answer_passage,) = [p for p in document.passages if "22年" in p.text]
    assert answer_passage.section[-1] == "【问】助学贷款最长还多少年？"
    # on the page itself, the answer is what a question like it is answered with
    aid = Path(__file__).parent / "data" / "corpora" / "student_aid_folder" / "docs"
    page = aid / "gaoxiao_benzhuanke_zizhu_zhengce_jianjie_wenda_2025.md"
    index = index_of([corpus.read_document(page.name, page.read_bytes())], default_segmenter())
    hits = answer(index, "助学贷款最长能还多少年？", default_segmenter()).hits
    assert hits and hits[0].passage.text.startswith("【答】") and "22年" in hits[0].passage.text


def test_a_byline_under_a_headline_names_the_text_and_tells_a_bundles_texts_apart() -> None:
    lines = [
        "学校班子成员年度述职报告",
        "根据上级党委的通知要求，现将班子成员述职报告予以展示，请全体教职工评议。",
        "2024年度述职述廉报告",
        "绍兴市第一中学副校长杨佩琼",
        "一年来，我担任党委委员、纪委书记和副校长职务，分管德育、纪检、行政、高一年段等工作，认真履行一岗双责。",
        "一、直面存在问题",
        "回顾一年来的工作，个人在以下几个方面仍然存在差距和不足。",
        "2024年度述职述廉报告",
        "绍兴市第一中学副校长 冯王亮",
        "2024年8月，我开始担任副校长，分管教学、体育、艺术工作，同时分管高三年级，各项工作得以顺利进行。",
    ]
    document = parse("shuzhi.txt", lines)
    sections = {p.text[:4]: p.section for p in document.passages}
    assert sections["一年来，"] == ("2024年度述职述廉报告（绍兴市第一中学副校长杨佩琼）",)
    assert sections["回顾一年"][0] == "2024年度述职述廉报告（绍兴市第一中学副校长杨佩琼）"
    # counter-example: the next text's headline closes the part above it
    assert sections["2024"] == ("2024年度述职述廉报告（绍兴市第一中学副校长 冯王亮）",)
    # the bylines are in the headings, not passages of their own
    assert not any(p.text.startswith("绍兴市第一中学") for p in document.passages)
    # the month it was signed may follow the name
    signed = parse(
        "s.txt",
        [*lines[:2], "2025年度述职报告", "绍兴市第一中学副校长朱水军", "2026年2月", lines[4]],
    )
    assert signed.passages[-1].section == (
        "2025年度述职报告（绍兴市第一中学副校长朱水军 2026年2月）",
    )
    # counter-examples: the rest of a headline broken in two, a subhead saying what was done
    for under in ("中央八项规定精神典型问题的通报", "袁家军主持并讲话 王浩出席"):
        broken = parse("t.txt", [*lines[:2], "中共绍兴市纪委关于五起违反", under, *lines[4:5]])
        assert all("（" not in h.path[0] for h in broken.headings)


def test_a_signed_headline_over_numbered_parts_holds_them_until_the_next_one() -> None:
    report = [
        "2020年度述职述廉报告",
        "孙洪亮",
        "一、履行岗位职责情况",
        "一年来，我牢记肩上责任，更好履职尽责，做到带头讲政治、带头讲法治、带头讲担当、带头讲执行。",
        "二、存在问题",
        "回顾一年来的工作，个人在以下几个方面仍然存在差距和不足，学习的系统性还要加强。",
        "2020年度述职述廉报告",
        "俞奇弘",
        "一、加强学习，努力提高自身素质",
        "一年来，本人紧紧围绕学校中心工作，积极协助校长做好分管工作，较好地完成了各项工作目标任务。",
    ]
    lines = [
        "学校班子成员年度述职报告",
        "现将班子成员的述职报告予以展示，请全体教职工评议。",
        *report,
    ]
    sections = {p.text[:6]: p.section for p in parse("shuzhi.txt", lines).passages}
    # a name alone under the headline (one jieba does not know as a word) signs it; the
    # numbered parts below are that person's, and the next report's headline closes them
    assert sections["一年来，我牢"] == ("2020年度述职述廉报告（孙洪亮）", "一、履行岗位职责情况")
    assert sections["回顾一年来的"] == ("2020年度述职述廉报告（孙洪亮）", "二、存在问题")
    assert sections["一年来，本人"] == (
        "2020年度述职述廉报告（俞奇弘）",
        "一、加强学习，努力提高自身素质",
    )
    # counter-example: an unsigned headline over a numbered part heads no text of its own
    unsigned = parse("u.txt", [*lines[:2], report[0], *report[2:6]])
    assert all(
        p.section[0].startswith("一、") or p.section[0].startswith("二、")
        for p in unsigned.passages
        if p.text.startswith(("一年来", "回顾"))
    )
    # nor does a word on a line of its own (安全 starts with a surname, but is a word)
    for word in ("安全", "会议稿"):
        worded = parse("w.txt", [*lines[:2], report[0], word, *report[2:6]])
        assert not any(f"（{word}）" in h for p in worded.passages for h in p.section)


def test_an_attachment_heads_what_follows_it() -> None:
    lines = [
        "关于学习典型问题通报的通知",
        "各位老师：",
        "教育局党委下发了预警通知书，要求每一位党员干部认真学习以下通报内容，引以为戒，严守纪律。",
        "党政办",
        "2021年12月29日",
        "附：中央纪委国家监委对10起典型问题进行公开通报。具体如下：",
        "贵州省政协原党组书记、主席王富玉违规收受礼品、礼金，长期违规打高尔夫球，生活奢靡。",
    ]
    document = parse("notice.txt", lines)
    case = next(p for p in document.passages if "王富玉" in p.text)
    assert case.section == ("附：中央纪委国家监委对10起典型问题进行公开通报",)
    # the office signing the notice heads nothing; a headline with its date heads its text
    assert all("党政办" not in h.path[0] for h in document.headings)
    dated = parse(
        "d.txt",
        [
            "学习材料",
            "这是本月的学习材料，请各支部认真组织学习讨论，并及时报送学习情况和心得体会。",
            "中共十九届五中全会在京举行",
            "2020年10月29日",
            "中国共产党第十九届中央委员会第五次全体会议，于2020年10月26日至29日在北京举行。",
        ],
    )
    assert any(h.path[0] == "中共十九届五中全会在京举行" for h in dated.headings)


def test_a_bundles_items_numbered_01_02_head_their_texts() -> None:
    lines = [
        "【2018年8月学习材料】",
        "01习近平：推动共建“一带一路”走深走实造福人民",
        "资料来源：共产党员网",
        "推进“一带一路”建设工作5周年座谈会27日在北京召开，习近平出席座谈会并发表重要讲话。",
        "02习近平：举旗帜聚民心育新人兴文化展形象 更好完成新形势下宣传思想工作使命任务",
        "资料来源：共产党员网",
        "全国宣传思想工作会议8月21日至22日在北京召开，习近平出席会议并发表重要讲话。",
        "01月份的工作安排已经下发，请各支部按照安排认真组织学习，并于月底前报送学习情况。",
        "03期学习材料已经印发，请各支部结合本月的学习安排认真组织学习，及时报送学习情况。",
    ]
    document = corpus.read_document("bundle.txt", "\n".join(lines).encode())
    meeting = next(p for p in document.passages if p.text.startswith("全国宣传思想工作会议"))
    assert meeting.section[0].startswith("02习近平：举旗帜聚民心")
    # the credit line is clutter, not a heading
    assert not any("资料来源" in h.path[-1] for h in document.headings)
    # a month (01月份) or an issue (03期) numbers no item
    for month_or_issue in document.passages[-2:]:
        assert month_or_issue.text.startswith(("01月份", "03期"))
        assert month_or_issue.section == meeting.section


def test_a_chapter_holds_the_articles_after_it_when_the_first_chapter_is_missing() -> None:
    lines = [
        "# 浙江省医疗保障条例",
        "第一条 为了保障公民基本医疗需求，制定本条例。",
        "第二条 本条例适用于本省行政区域内的医疗保障工作。",
        "## 第二章　医疗保障体系",
        "第三条 本省依法建立健全以基本医疗保险为主体的医疗保障制度体系。",
        "### 第一节　基本医疗保险",
        "第四条 基本医疗保险包括职工基本医疗保险和城乡居民基本医疗保险。",
        "## 第三章　医疗保障基金",
        "第五条 基本医疗保险基金的筹集和使用应当坚持收支平衡原则。",
    ]
    sections = {p.text[:3]: p.section for p in parse("zj.md", lines).passages}
    assert sections["第一条"] == ("第一条",)
    assert sections["第三条"] == ("第二章　医疗保障体系", "第三条")
    assert sections["第四条"] == ("第二章　医疗保障体系", "第一节　基本医疗保险", "第四条")
    # counter-example: a chapter closes the section before it, not only articles
    assert sections["第五条"] == ("第三章　医疗保障基金", "第五条")


def test_a_short_line_heads_the_list_of_items_under_it() -> None:
    digest = parse(
        "jijianban.txt",
        [
            "最高检工作报告极简版来了",
            "3月8日，最高检检察长在十四届全国人大二次会议上作工作报告。极简版来了！",
            "维护稳定促发展",
            "●批捕72.6万人，起诉168.8万人",
            "●起诉涉黑涉恶犯罪1.5万人",
            "检察履职保民生",
            "●起诉重大责任事故、危险作业等犯罪4750人",
            "●起诉故意伤医扰医犯罪226人",
        ],
    )
    sections = {p.text[1:5]: p.section[0] for p in digest.passages if p.section}
    assert sections["起诉涉黑"] == "维护稳定促发展"
    assert sections["起诉故意"] == "检察履职保民生"
    # counter-examples: a record's fields, by label (• 发布机构:) or in brackets (【审批类型】),
    # head nothing: they stay passages of their own
    record = parse(
        "xuke.txt",
        [
            "护士执业注册许可",
            "【实施机关】执业所在地的县级卫生行政部门。",
            "【审批类型】国务院决定方式保留的行政许可项目",
            "1.《国务院对确需保留的行政审批项目设定行政许可的决定》",
            "2.《中华人民共和国护士管理办法》",
        ],
    )
    assert any(p.text.startswith("【审批类型】") for p in record.passages)
    catalogue = parse(
        "tongbao.txt",
        [
            "• 文件名称:",
            "中共某区文化和旅游体育局党组关于巡察整改情况的通报",
            "• 发布机构:",
            "某区文旅体局",
        ],
    )
    assert not any("通报" in label for p in catalogue.passages for label in p.section)
    # nor an encyclopedia page's fields (• 中文名:…) under a short line, which would then hold
    # the whole text after them
    page = parse(
        "baike.txt",
        [
            "某市养犬管理条例_百科",
            "这是一段介绍文字，说明条例的来历。",
            "基本介绍",
            "• 中文名:某市养犬管理条例",
            "• 施行时间:2011年5月15日",
            "第一章 总则",
            "第一条 为了规范养犬行为，制定本条例。",
        ],
    )
    assert page.passages[-1].section == ("第一章 总则", "第一条")
