"""Questions about a document's structure are answered from its structure."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.index import SearchIndex
from retrieval.parts import Place, place_passages, read_place
from retrieval.pieces import MAX_PASSAGE_CHARS
from retrieval.search import answer
from retrieval.segment import default_segmenter
from retrieval.structure import parse
from tests.indexing import index_of, read
from tests.test_structure import BUNDLE

SPEECH = Path(__file__).resolve().parent.parent / "corpus" / "lianzheng-tanhua-jiating-zhulian.txt"
SEGMENTER = default_segmenter()
P2, P3, P4 = "二、以责任之心对待工作", "三、以敬畏之心对待权力", "四、以警惕之心对待诱惑"


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return index_of([read(SPEECH)], SEGMENTER)


@pytest.mark.parametrize(
    ("question", "place"),
    [
        ("第三部分讲了什么", Place(part=3)),
        ("第二部分的第一点是什么", Place(part=2, point=1)),
        ("第四章第二节讲了什么", Place(part=4, division=2)),
        ("第二节讲了什么", Place()),  # a division of no part named: a lesson's, a meeting's
        ("第十条规定了什么", Place(point=10, article="第十条")),
        ("讲话讲了哪几个方面", Place(listing=True)),
        ("讲话结尾提了什么要求", Place(end=True)),
        ("那次讲话最后号召大家干什么", Place(end=True)),
        ("讲话最后是怎么号召的", Place(end=True)),
        ("这件事最后是怎么处理的", Place()),  # how it ended, not the text's end
        ("讲话一开始讲了什么", Place(start=True)),
        ("千万工程一开始是怎么部署的", Place()),  # how it began, not the text's start
        ("最后一个问题是什么", Place()),
        ("土地管理法一共多少条？最后一条讲的什么", Place(how_many=True, last="条")),
        ("最后一章是什么", Place(last="章")),
        ("家属应该做什么", Place()),  # not about the structure
        ("有哪些少部分同志的问题", Place()),
    ],
)
def test_places_are_read_from_questions(question: str, place: Place) -> None:
    assert read_place(question) == place


def test_a_part_is_its_opening_then_its_points_in_order(index: SearchIndex) -> None:
    got = answer(index, "第三部分讲了什么", SEGMENTER)
    assert [h.passage.section[:1] for h in got.hits] == [(P3,)] * 4
    assert [h.passage.section[-1] for h in got.hits[1:]] == [
        "一要乐于接受监督",
        "二要正确看待权力",
        "三要带头遵纪守法",
    ]


def test_a_point_of_a_part(index: SearchIndex) -> None:
    got = answer(index, "第二部分的第一点是什么", SEGMENTER)
    assert got.hits[0].passage.section == (P2, "一要担当作为敢做事")


def test_a_list_question_about_a_named_part_gets_its_points(index: SearchIndex) -> None:
    got = answer(index, "以警惕之心对待诱惑讲了哪几点", SEGMENTER)
    assert [h.passage.section[1] for h in got.hits] == [
        "一要珍惜工作机会",
        "二要珍视个人声誉",
        "三要树立良好家风",
    ]


def test_the_end_of_a_speech_is_its_closing_remarks(index: SearchIndex) -> None:
    got = answer(index, "讲话最后结尾要求大家做到什么", SEGMENTER)
    assert got.hits[0].passage.text.startswith("同志们，今天借此机会")


def test_a_list_asked_of_what_the_document_does_not_name_is_not_answered(
    index: SearchIndex,
) -> None:
    # 八项规定 is nowhere in the speech: listing its parts would be noise
    assert not answer(index, "八项规定具体有哪几条内容", SEGMENTER).hits


def test_an_announced_list_brings_its_items(index: SearchIndex) -> None:
    got = answer(index, "家属应该做什么？", SEGMENTER)
    sections = [h.passage.section[-1] for h in got.hits[:5]]
    # the items answer; their bare announcement (…主要有这么四件事) follows them
    assert sections[:4] == ["要守得住清廉", "要提醒好配偶", "要教育好子女", "要引导好亲朋"]
    assert sections[4] == "三要树立良好家风" and "四件事" in got.hits[4].passage.text
    # asked how many, the announcement answers first
    counted = answer(index, "对家属一共提了几件事？", SEGMENTER)
    assert "四件事" in counted.hits[0].passage.text


# --- lists in a corpus of several documents ---------------------------------------------

TEACHERS = [
    "在教师座谈会上的讲话",
    "今天是教师节，我向全国广大教师致以节日的问候。",
    "第一，做好老师，要有理想信念。好老师心中要有国家和民族，要有坚定的理想。",
    "第二，做好老师，要有道德情操。老师的人格力量是一种无声的教育。",
    "第三，做好老师，要有扎实学识。知识储备要广博，教学能力要过硬。",
    "各位老师、同学们!",
    "希望大家努力成为党和人民满意的好老师，谱写教育事业新篇章。",
]
REPORT = [
    "2026年江南省政府工作报告",
    "一、2025年工作回顾",
    "过去一年，全省经济运行稳中有进，发展质量稳步提升。",
    "一是扩大内需。消费持续回暖，投资结构优化。",
    "二是创新驱动。研发投入强度提高，科技成果转化加快。",
    "三是民生改善。城镇新增就业70万人，居民收入稳步增长。",
    "二、2026年工作安排",
    "做好今年工作意义重大，要重点抓好四个方面工作：",
    "（一）全力推动经济稳定增长。把稳增长作为工作重心。",
    "充分释放消费潜力。落实消费政策，办好各类促消费活动。",
    "（二）加快建设现代化产业体系。巩固壮大实体经济根基。",
    "（三）深入推进创新驱动发展。全面增强自主创新能力。",
    "（四）持续保障和改善民生。办好民生实事，兜牢民生底线。",
    "安全生产必须标本兼治。第一，压实企业主体责任；第二，严格监管执法；第三，加强应急救援。",
]


@pytest.fixture(scope="module")
def corpus() -> SearchIndex:
    return index_of([parse("teachers.txt", TEACHERS), parse("report.txt", REPORT)], SEGMENTER)


def test_points_sharing_the_questions_wording_are_the_list(corpus: SearchIndex) -> None:
    got = answer(corpus, "做好老师要有哪几条？", SEGMENTER)
    assert [h.passage.text[:2] for h in got.hits] == ["第一", "第二", "第三"]


def test_a_stated_count_picks_the_list_of_that_many_points(corpus: SearchIndex) -> None:
    got = answer(corpus, "江南省的报告今年工作分了哪四个方面？", SEGMENTER)
    assert [h.passage.text[:3] for h in got.hits[:4]] == ["（一）", "（二）", "（三）", "（四）"]


def test_an_announcement_brings_one_passage_per_point(corpus: SearchIndex) -> None:
    got = answer(corpus, "做好今年工作要重点抓好哪几个方面？", SEGMENTER)
    heads = [h.passage.text[:3] for h in got.hits]
    assert heads[:4] == ["（一）", "（二）", "（三）", "（四）"]
    assert not any(h.passage.text.startswith("充分释放") for h in got.hits[:4])


def test_a_passage_that_lists_its_points_itself_is_the_answer(corpus: SearchIndex) -> None:
    got = answer(corpus, "安全生产标本兼治具体提了哪几条措施？", SEGMENTER)
    assert got.hits[0].passage.text.startswith("安全生产必须标本兼治")


def test_a_place_only_one_document_has_names_it(corpus: SearchIndex) -> None:
    # the speech has no second part: the report's is meant
    got = answer(corpus, "第二部分的第一点讲的是什么？", SEGMENTER)
    assert got.hits[0].passage.text.startswith("（一）全力推动经济稳定增长")


def test_a_part_is_found_by_its_own_number() -> None:
    lines = ["政府工作报告", "一、去年工作回顾", "经济平稳较快发展。", "三、关于规划纲要的说明"]
    lines += ["纲要草案的编制过程和主要特点如下，请各位代表审议。"]
    index = index_of([parse("r.txt", lines)], SEGMENTER)
    got = answer(index, "第三部分讲的是什么？", SEGMENTER)
    assert got.hits[0].passage.section[0] == "三、关于规划纲要的说明"


def test_a_point_of_a_part_without_headings_is_its_paragraph_stating_it() -> None:
    lines = [
        "政府工作报告",
        "一、扩大内需",
        "扩大内需。首先必须增加城乡居民特别是低收入群体的收入。",
        "二、推进结构调整和体制改革",
        "进一步解决制约经济发展的结构性矛盾和体制性障碍，是促进经济持续增长的根本措施。",
        "加快产业结构优化升级。一要采用高新技术改造和提升传统产业。",
        "继续实施西部大开发战略，促进地区协调发展。加快西部地区基础设施建设。",
    ]
    index = index_of([parse("r.txt", lines)], SEGMENTER)
    first = answer(index, "第二部分的第一点讲的是什么？", SEGMENTER)
    assert first.hits[0].passage.text.startswith("加快产业结构优化升级")
    second = answer(index, "第二部分第二点是什么", SEGMENTER)
    assert second.hits[0].passage.text.startswith("继续实施西部大开发战略")
    # and its points are those paragraphs, without the opening
    listed = answer(index, "第二部分讲了哪几点", SEGMENTER)
    assert [h.passage.text[:4] for h in listed.hits] == ["加快产业", "继续实施"]
    # counter-example: one paragraph stating a point makes no list of points
    assert place_passages(index.documents[0], read_place("第一部分的第二点是什么")) == []


REVIEW = [
    "政府工作报告",
    "一、过去五年工作回顾",
    "——经济跨上新台阶。国内生产总值年均增长10%以上。",
    "——人民生活明显改善。城乡居民收入较快增长。",
    "五年来的实践，使我们积累了宝贵经验。主要体会是：",
    "第一，必须坚持解放思想。解放思想是发展中国特色社会主义的强大思想武器。",
    "第二，必须坚持改革开放。改革开放是决定当代中国命运的关键抉择。",
    "二、今年的主要任务",
    "（一）加快行政管理体制改革。行政管理体制改革是深化改革的重要环节。",
    "第一，加快转变政府职能。这是深化行政管理体制改革的核心。",
    "第二，深化政府机构改革。探索实行职能有机统一的大部门体制。",
    "（二）加强廉政建设。坚持标本兼治、综合治理。",
    "各位代表！",
    "我们要坚持以人民为中心，不断增进民生福祉，让发展成果更多惠及全体人民。",
    "我们要团结一心，埋头苦干，为全面建设小康社会而努力奋斗！",
]


@pytest.fixture(scope="module")
def review() -> SearchIndex:
    return index_of([parse("r.txt", REVIEW)], SEGMENTER)


def test_the_points_of_a_numbered_point(review: SearchIndex) -> None:
    got = answer(review, "第二部分第一个方面讲了哪几点？", SEGMENTER)
    assert [h.passage.text[:4] for h in got.hits] == ["第一，加", "第二，深"]


def test_a_list_inside_the_part_named_found_by_the_questions_other_words(
    review: SearchIndex,
) -> None:
    got = answer(review, "过去五年工作回顾里总结了哪几条主要体会？", SEGMENTER)
    assert [h.passage.text[:4] for h in got.hits][:2] == ["第一，必", "第二，必"]


def test_the_ending_is_the_last_paragraph(review: SearchIndex) -> None:
    got = answer(review, "报告结尾提了什么号召？", SEGMENTER)
    assert got.hits[0].passage.text.startswith("我们要团结一心")


def test_a_shortened_title_names_its_speech() -> None:
    from retrieval.targets import find_target

    docs = [
        parse(
            "a.txt", ["在庆祝五一国际劳动节暨表彰全国劳动模范和先进工作者大会上的讲话", "正文。"]
        ),
        parse("b.txt", ["在全国科技创新大会上的讲话", "正文。"]),
    ]
    assert find_target("五一劳模表彰大会讲话结尾提了什么要求", docs).docs == {"a.txt"}
    resolution = parse("c.txt", ["中共中央关于党的百年奋斗重大成就和历史经验的决议", "正"])
    communique = parse("d.txt", ["中国共产党第十九届中央委员会第六次全体会议公报", "正"])
    # a short name: the one 决议 whose title has 历史 (not the 公报 of the same plenum)
    assert find_target("历史决议对文化大革命是怎么定性的", [resolution, communique]).docs == {
        "c.txt"
    }


def test_which_ones_asked_of_a_named_part_lists_its_points(index: SearchIndex) -> None:
    got = answer(index, "第一部分具体提了哪几个“要”？", SEGMENTER)
    assert [h.passage.section[-1][:2] for h in got.hits] == ["一要", "二要", "三要"]


def test_a_point_whose_heading_stands_alone_is_shown_by_its_text() -> None:
    lines = [
        "2005年政府工作报告",
        "六、加强行政能力建设和政风建设",
        "第一，深化政府机构改革。",
        "按照精简、统一、效能的原则，完善机构设置，理顺职能分工，提高行政效率。",
        "第二，加快转变政府职能。",
        "进一步推进政企分开、政资分开、政事分开，减少和规范行政审批。",
    ]
    index = index_of([parse("r.txt", lines)], SEGMENTER)
    got = answer(index, "第六部分讲了哪几个方面？", SEGMENTER)
    # the header shows 第一，深化政府机构改革; the passage is what it says
    assert [h.passage.text[:4] for h in got.hits[:2]] == ["按照精简", "进一步推"]
    assert got.hits[0].passage.section[-1].startswith("第一，深化政府机构改革")


def test_a_paragraph_introducing_items_brings_the_run_after_it() -> None:
    lines = [
        "二十大报告",
        "三、新时代新征程中国共产党的使命任务",
        "中国式现代化，既有各国现代化的共同特征，更有基于自己国情的中国特色。",
        "——中国式现代化是人口规模巨大的现代化。我国十四亿多人口整体迈进现代化社会。",
        "——中国式现代化是全体人民共同富裕的现代化。共同富裕是中国特色社会主义的本质要求。",
        "——中国式现代化是走和平发展道路的现代化。我国不走一些国家通过战争实现现代化的老路。",
        "中国式现代化的本质要求是：坚持中国共产党领导，坚持中国特色社会主义。",
        "——坚持和加强党的全面领导。坚决维护党中央权威和集中统一领导。",
        "——坚持深化改革开放。深入推进改革创新，坚定不移扩大开放。",
        "——坚持发扬斗争精神。增强全党全国各族人民的志气、骨气、底气。",
    ]
    index = index_of([parse("r.txt", lines)], SEGMENTER)
    got = answer(index, "中国式现代化有哪几个方面的中国特色？", SEGMENTER)
    assert [h.passage.text[2:8] for h in got.hits[:3]] == ["中国式现代化"] * 3
    # the paragraph after the last item is not the item's: the second list starts anew
    after = next(p for p in index.passages if p.text.startswith("中国式现代化的本质要求"))
    assert after.section == ("三、新时代新征程中国共产党的使命任务",)


def test_an_article_is_one_passage_and_a_long_ones_paragraph_about_what_is_asked_leads() -> None:
    lines = [
        "干部人事档案工作条例",
        "第四章 日常管理",
        "第二十二条 干部人事档案实行集中统一管理。",
        "首次参加工作被录用的人员，由相应的工作机构为其建立档案。",
        "工作机构根据工作需要，可以为副处级以上干部建立档案副本，副本由正本主要材料的复制件构成。",
        "第二十三条 档案材料应当及时归档。",
    ]
    index = index_of([parse("r.txt", lines)], SEGMENTER)
    # the corpus's size, which the bars for off-topic questions grow with, counts the
    # article's lines, not its one passage
    assert (len(index.passages), index.paragraphs) == (2, 4)
    # a paragraph that says only later what it is about is read with its article's lead
    got = answer(index, "第二十二条里说的档案副本由什么构成？", SEGMENTER)
    first = got.hits[0].passage
    assert first.text.startswith("第二十二条") and "副本由正本主要材料的复制件构成" in first.text
    assert first.section == ("第四章 日常管理", "第二十二条")
    # an article too long for one passage is cut between its paragraphs, and of its
    # pieces the one about what else is asked leads
    duties = ("接收", "整理", "保管", "利用")
    filler = [
        f"工作机构应当按照规定做好档案的{duty}工作，{'确保档案真实完整安全，' * 12}不得遗漏。"
        for duty in duties
    ]
    long_article = [
        "干部人事档案工作条例",
        "第四章 日常管理",
        "第二十二条 干部人事档案实行集中统一管理。",
        *filler,
        "工作机构根据工作需要，可以为副处级以上干部建立档案副本，副本由正本主要材料的复制件构成。",
        "第二十三条 档案材料应当及时归档。",
    ]
    index = index_of([parse("r.txt", long_article)], SEGMENTER)
    pieces = [p for p in index.passages if p.section[-1:] == ("第二十二条",)]
    assert len(pieces) == 2 and all(len(p.text) <= MAX_PASSAGE_CHARS for p in pieces)
    got = answer(index, "第二十二条里说的档案副本由什么构成？", SEGMENTER)
    assert "副本由正本主要材料的复制件构成" in got.hits[0].passage.text
    assert not got.hits[0].passage.text.startswith("第二十二条")


def test_a_chapters_division_and_its_first_article() -> None:
    lines = [
        "食品安全条例",
        "第一章 总则",
        "第一条 为了保证食品安全，制定本条例。",
        "第二章 生产经营",
        "第一节 一般规定",
        "第二条 食品生产经营应当符合食品安全标准。",
        "第三条 食品生产经营实行许可制度。",
        "第二节 食品摊贩",
        "第四条 区人民政府应当确定食品摊贩的固定经营场所。",
        "第五条 食品摊贩应当登记相关信息，冷链食品的贮存应当符合温度要求。",
    ]
    index = index_of([parse("t.md", lines)], SEGMENTER)
    got = answer(index, "第二章第二节的第一条要求区政府做什么？", SEGMENTER)
    assert got.hits[0].passage.text.startswith("第四条")
    # counter-example: without the division, the chapter's first article
    got = answer(index, "第二章的第一条讲了什么？", SEGMENTER)
    assert got.hits[0].passage.text.startswith("第二条")
    # what else is asked picks among the division's articles
    got = answer(index, "第二章第二节里冷链食品的贮存有什么要求？", SEGMENTER)
    assert got.hits[0].passage.text.startswith("第五条")


def test_the_last_article_and_the_last_chapter_are_the_texts_own() -> None:
    lines = [
        "食品安全条例",
        "第一章 总则",
        "第一条 为了保证食品安全，制定本条例。",
        "第二章 附则",
        "第二条 本条例下列用语的含义：食品，指各种供人食用的物品。",
        "第三条 本条例自2020年1月1日起施行。",
    ]
    index = index_of([parse("t.md", lines)], SEGMENTER)
    got = answer(index, "条例一共多少条？最后一条讲的什么？", SEGMENTER)
    assert got.hits[0].passage.text.startswith("第三条")
    got = answer(index, "条例最后一章是什么？", SEGMENTER)
    assert [h.passage.text[:3] for h in got.hits[:2]] == ["第二条", "第三条"]


def test_what_else_is_asked_picks_among_all_of_a_long_chapters_articles() -> None:
    duties = ["制定规划", "组织协调", "宣传教育", "统计分析", "督促整改", "表彰奖励"]
    lines = ["土地管理条例", "第一章 总则", "第一条 为了加强土地管理，制定本条例。"]
    lines.append("第二章 监督检查")
    lines += [f"第{n}条 主管部门负责{d}工作。" for n, d in zip("二三四五六七", duties, strict=True)]
    lines.append("第八条 主管部门进行检查时，可以采取查阅、复制有关文件和资料等措施。")
    index = index_of([parse("t.md", lines)], SEGMENTER)
    got = answer(index, "第二章监督检查里，主管部门能不能复制有关文件？", SEGMENTER)
    assert got.hits[0].passage.text.startswith("第八条")
    # counter-example: nothing else asked, the chapter's articles in order
    got = answer(index, "第二章讲了什么？", SEGMENTER)
    assert [h.passage.text[:3] for h in got.hits[:2]] == ["第二条", "第三条"]


def test_the_nth_article_of_a_decision_numbering_its_clauses_is_its_nth_clause() -> None:
    decision = [
        "关于进一步促进和保障改革的决定",
        "一、本市推进改革，坚持整体协同、高效便捷。",
        "二、本市推进改革，加强工作领导、建立协调机制。",
        "三、本市推进改革，强化平台建设、深度融合。",
    ]
    index = index_of([parse("d.txt", decision)], SEGMENTER)
    for question, opening in (("决定第二条讲什么？", "二、"), ("决定第三条讲什么？", "三、")):
        assert answer(index, question, SEGMENTER).hits[0].passage.text.startswith(opening)


def test_an_article_of_a_bundle_is_the_one_of_the_regulation_asked() -> None:
    bundle = index_of([parse("bundle.txt", BUNDLE)], SEGMENTER)
    asked = answer(bundle, "意识形态工作责任制实施办法第十二条是什么", SEGMENTER)
    assert asked.hits[0].passage.text.startswith("第十二条对领导班子")
    other = answer(bundle, "党员教育管理工作条例第十二条是什么", SEGMENTER)
    assert other.hits[0].passage.text.startswith("第十二条　加强党的作风教育")


def test_the_parts_of_a_bundles_one_speech_are_counted_below_its_title() -> None:
    lines = [
        "【2021年3月学习材料】",
        "理论学习中心组学习材料第二专题",
        "习近平：在党史学习教育动员大会上的讲话",
        "一、开展党史学习教育意义重大",
        "党的历史是最生动、最有说服力的教科书，我们党历来重视党史学习教育，注重用党的奋斗历程鼓舞斗志。",
        "二、开展党史学习教育要突出重点",
        "第一，进一步感悟思想伟力，增强用党的创新理论武装全党的政治自觉，深入学习党的创新理论。",
        "第二，进一步把握历史发展规律和大势，始终掌握党和国家事业发展的历史主动。",
    ]
    bundle = index_of([parse("bundle.txt", lines)], SEGMENTER)
    got = answer(bundle, "党史学习教育动员大会讲话第二部分的第一点是什么", SEGMENTER)
    assert got.hits[0].passage.text.startswith("第一，进一步感悟思想伟力")


PLAN = [
    "关于制定国民经济和社会发展规划的建议",
    "一、过去五年的发展成就",
    "过去五年，经济实力、科技实力、综合国力跃上新台阶。",
    "二、新时期经济社会发展的指导方针和主要目标",
    "（4）新时期经济社会发展的指导思想。坚持以人民为中心的发展思想，统筹发展和安全。",
    "（5）新时期经济社会发展必须遵循的原则。",
    "——坚持党的全面领导。坚决维护党中央权威和集中统一领导。",
    "——坚持人民至上。尊重人民主体地位，紧紧依靠人民。",
    "（6）新时期经济社会发展的主要目标。",
    "——高质量发展取得显著成效。经济增长保持在合理区间。",
    "——科技自立自强水平大幅提高。国家创新体系更加完善。",
]


def test_a_list_below_the_part_named_is_found_by_the_questions_other_words() -> None:
    """The part is named by the words its heading shares with the question; its point that
    the other words (遵循, 原则) name is the list asked, while a part whose points no other
    word names lists its points (以警惕之心对待诱惑讲了哪几点, above)."""
    plan = index_of([parse("plan.txt", PLAN)], SEGMENTER)
    got = answer(plan, "新时期经济社会发展必须遵循哪几条原则？", SEGMENTER)
    assert [h.passage.text[:6] for h in got.hits][:2] == ["——坚持党的", "——坚持人民"]
    got = answer(plan, "新时期的指导方针和主要目标讲了哪几个方面？", SEGMENTER)
    assert [h.passage.section[1][:3] for h in got.hits][:3] == ["（4）", "（5）", "（6）"]


def test_the_parts_of_a_document_named_by_speaker_and_date_are_its_parts() -> None:
    speech = parse(
        "s.txt",
        [
            "在中央政治局常委会会议研究应对疫情工作时的讲话",
            "（2020年2月3日）",
            "习近平",
            "疫情发生后，我主持召开中央政治局常委会会议，对防控工作作出部署。",
            "一、关于疫情防控形势和重点工作",
            "做好疫情防控工作，直接关系人民生命安全和身体健康。",
            "第一，加强对疫情防控工作的统一领导。疫情防控要坚持全国一盘棋。",
            "第二，维护正常交通秩序。要保障医疗防护物资和群众生活物资运输畅通。",
            "二、关于做好维护社会稳定工作",
            "做好维护社会稳定工作，是有效应对重大疫情的重要保障。",
            "三、关于保持经济平稳运行",
            "目前看，我们仍然要坚持今年经济社会发展目标任务。",
        ],
    )
    paper = parse(
        "w.txt",
        [
            "抗击疫情的中国行动",
            "（2020年6月）",
            "2月3日，中央政治局常委会召开会议，研究加强疫情防控工作。",
            "2月5日，中央全面依法治国委员会召开会议，强调依法防控。",
            "2月10日，习近平在北京调研指导疫情防控工作。",
        ],
    )
    corpus = index_of([speech, paper], default_segmenter())
    question = "习近平总书记2020年2月3日在中央政治局常委会会议上的讲话分了哪几个部分？"
    hits = answer(corpus, question, default_segmenter()).hits
    assert [h.passage.section for h in hits] == [
        ("一、关于疫情防控形势和重点工作",),
        ("二、关于做好维护社会稳定工作",),
        ("三、关于保持经济平稳运行",),
    ]
    # asked about something besides the list: the points that hold it, not the parts
    hits = answer(corpus, "2月3日讲话对交通秩序提了哪几点要求？", default_segmenter()).hits
    assert any("交通秩序" in h.passage.text for h in hits)
    assert {h.passage.section[0] for h in hits} == {"一、关于疫情防控形势和重点工作"}


def test_the_nth_article_of_a_chapter_is_counted_within_it() -> None:
    lines = ["宗教事务条例", "第一章 总则", "第一条 为了保障公民宗教信仰自由，制定本条例。"]
    lines += ["第二条 公民有宗教信仰自由。", "第二章 宗教团体"]
    lines += ["第三条 宗教团体的成立、变更和注销，应当办理登记。", "第四条 宗教团体应当制定章程。"]
    index = index_of([parse("zj.txt", lines)], SEGMENTER)
    # articles are numbered through the text: the chapter's first is its 第三条
    hits = answer(index, "第二章的第一条是怎么规定的？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第三条")
    hits = answer(index, "第二章的第四条是怎么规定的？", SEGMENTER).hits  # numbered so in it
    assert hits and hits[0].passage.text.startswith("第四条")


def test_the_opening_of_a_regulation_is_past_its_history() -> None:
    lines = [
        "# 上海市城市更新条例",
        "2021年8月25日 上海市第十五届人民代表大会常务委员会第三十四次会议通过",
    ]
    lines += [
        "第一条 为了践行人民城市重要理念，推动城市更新，制定本条例。",
        "第二条 本条例适用于本市建成区内开展的城市更新活动。",
    ]
    index = index_of([parse("gx.md", lines)], SEGMENTER)
    hits = answer(index, "这个条例一开头说立法目的是什么？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第一条")


def test_a_chapter_is_not_the_article_of_its_number_where_the_first_chapter_lost_its_heading() -> (
    None
):
    lines = [
        "# 某省实施节约能源法办法",
        *(f"第{n}条 第{n}条的内容，关于节能工作的一般要求。" for n in "一二三四五"),
        "## 第二章　节能管理",
        "第六条 用能单位应当加强节能管理。",
        "## 第三章　合理使用与节约能源",
        "第七条 用能单位应当合理使用能源。",
        "## 第四章　激励措施",
        "第八条 县级以上人民政府应当安排节能专项资金。",
    ]
    index = index_of([parse("x.md", lines)], SEGMENTER)
    hits = answer(index, "第四章讲什么？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第八条")
    assert answer(index, "第四条讲什么？", SEGMENTER).hits[0].passage.text.startswith("第四条")


def test_a_word_said_twice_does_not_name_a_heading_holding_it() -> None:
    document = parse(
        "tz.md",
        [
            "特种设备安全法",
            "第二章 生产、经营、使用",
            "第一节 一般规定",
            "第十三条 特种设备生产、经营、使用单位对其特种设备安全负责。",
            "第二节 生产",
            "第十八条 特种设备生产单位应当具备下列条件，并经许可，方可从事生产活动：",
            "（一）有与生产相适应的专业技术人员；",
            "（二）有与生产相适应的设备、设施和工作场所；",
            "第三节 经营",
            "第二十七条 特种设备销售单位销售的特种设备，应当符合安全技术规范。",
            "第三章 监督管理",
            "第五十七条 负责特种设备安全监督管理的部门依法对特种设备生产实施监督检查。",
        ],
    )
    index = index_of([document], SEGMENTER)
    got = answer(index, "特种设备生产单位要拿到生产许可得具备哪些条件？", SEGMENTER)
    assert got.hits[0].passage.text.startswith("第十八条")


def test_a_list_asked_of_a_named_part_is_the_article_listing_it() -> None:
    document = parse(
        "zj.md",
        [
            "重庆市宗教事务条例",
            "第三章 宗教活动场所",
            "第二十条 本条例所称宗教活动场所，是指按照国家有关规定登记的寺观教堂。",
            "第二十一条 宗教活动场所应当接受宗教事务部门的管理。",
            "第二十二条 设立宗教活动场所，应当具备以下条件：\n（一）设立宗旨不违背本条例的规定；"
            "\n（二）当地信教公民有经常进行集体宗教活动的需要；",
            "第四章 宗教教职人员",
            "第三十条 宗教教职人员经宗教团体认定。",
            "第三十一条 宗教教职人员主持宗教活动，应当遵守法律、法规和规章。",
            "第三十二条 宗教教职人员依法参加社会保险。",
            "第五章 宗教财产",
            "第四十条 宗教团体、宗教活动场所合法使用的土地受法律保护。",
            "第四十一条 宗教团体、宗教活动场所可以按照国家有关规定接受捐赠。",
        ],
    )
    index = index_of([document], SEGMENTER)
    got = answer(index, "设立宗教活动场所需要满足哪几个条件？", SEGMENTER)
    assert got.hits[0].passage.text.startswith("第二十二条")


def test_the_parts_of_several_peoples_reports_on_one_page_are_named_by_their_headings() -> None:
    reports = parse(
        "shuzhi.txt",
        [
            "学校党委班子成员年度述职报告展示",
            "现将班子成员的述职报告予以展示，请全体教职工评议。",
            "2022年度述职述廉报告",
            "孙洪亮",
            "一、履行岗位职责情况",
            "一年来，我牢记肩上责任，更好履职尽责，做到带头讲政治、带头讲法治、带头讲担当。",
            "二、存在问题",
            "回顾一年来的工作，个人在以下几个方面仍然存在差距和不足，学习的系统性还要加强。",
            "2022年度述职述廉报告",
            "王月琴",
            "一、思想政治情况",
            "积极参加学习教育，积极参加各项政治理论学习，坚持读原著学原文悟原理，做到学深悟透。",
            "二、产生问题的主要原因",
            "1.学习主动性不强。虽然意识到加强理论学习的重要性，但常常以工作忙、事情多为借口。",
            "2.党性修养不深。由于对加强党性修养和党性锻炼重视不够，缺乏共产党人的心胸和襟怀。",
        ],
    )
    meeting = parse(
        "fenxihui.txt",
        [
            "学校党风廉政建设情况分析会",
            "一、会议基本情况",
            "此次党风廉政建设情况分析会经过前期精心筹备、有效组织，开出了很好的成效，班子成员参加。",
            "二、会议的主要收获",
            "此次分析会强化了党委班子接受监督的自觉意识，有以下四个方面的整改收获，逐一分析原因。",
            "三、问题产生的原因分析",
            "班子成员对照检查，认为问题产生的原因主要在于学习不够深入、制度执行不够严格。",
        ],
    )
    index = index_of([reports, meeting], SEGMENTER)
    # a part of one person's report: the name alone under the headline (no word jieba
    # knows: 月琴 is a lute) files it under that person's headline
    got = answer(index, "王月琴分析问题产生的原因，总结了几条？", SEGMENTER)
    assert [h.passage.text[:2] for h in got.hits][:2] == ["1.", "2."]
    assert got.hits[0].passage.section[0] == "2022年度述职述廉报告（王月琴）"
    # counter-example: a top-level part of another document is still named by its heading
    got = answer(index, "分析会的主要收获有哪几个方面？", SEGMENTER)
    assert got.hits[0].passage.doc == "fenxihui.txt"


def test_the_nth_point_of_a_list_its_words_find() -> None:
    speech = [
        "在第三届“一带一路”国际合作高峰论坛开幕式上的主旨演讲",
        "各位嘉宾，朋友们：",
        "十年来，共建“一带一路”取得了丰硕成果。",
        "在这里，我愿宣布中国支持高质量共建“一带一路”的八项行动：",
        "一、构建“一带一路”立体互联互通网络。中方将加快推进中欧班列高质量发展。",
        "二、支持建设开放型世界经济。中方将创建“丝路电商”合作先行区。",
        "三、开展务实合作。中方将统筹推进标志性工程和“小而美”民生项目。",
        "四、促进绿色发展。中方将持续深化绿色基建、绿色能源、绿色交通等领域合作。",
        "五、推动科技创新。中方将继续实施“一带一路”科技创新行动计划。",
        "朋友们！让我们携手推动共建“一带一路”进入高质量发展的新阶段。",
    ]
    review = [
        "王毅谈2023年中国外交六大亮点",
        "王毅在研讨会上发表演讲时表示，回顾这一年来，有六大亮点值得特别回顾。",
        "第一，元首外交精彩纷呈。",
        "第二，人类命运共同体建设扎实推进。",
        "第三，“一带一路”国际合作高峰论坛成功举行。",
        "第四，金砖机制实现历史性扩员。",
        "王毅说，这六大亮点体现了鲜明的中国特色。",
    ]
    index = index_of([parse("speech.txt", speech), parse("review.txt", review)], SEGMENTER)
    got = answer(index, "八项行动的第五项是什么内容？", SEGMENTER)
    assert got.hits[0].passage.text.startswith("五、推动科技创新")
    got = answer(index, "2023年外交六大亮点中第四个是什么？", SEGMENTER)
    assert got.hits[0].passage.text.startswith("第四，金砖机制")
    # counter-example: 第一个 before a noun is no point asked (亚洲第一个共和国)
    assert read_place("建立了亚洲第一个什么国家？").point is None


def test_a_paragraph_ending_in_what_follows_announces_it() -> None:
    from retrieval.markers import announces

    assert announces("会议确定，明年要抓好以下重点任务。")
    # counter-example: 以下 after a figure is "at most"
    assert not announces("违反本条规定的，处五日以下拘留。")
    assert not announces("罚款金额在一万元以下。")


def test_the_last_point_of_a_text_without_articles() -> None:
    lines = [
        "公共机构节能倡议书",
        "为深入推进公共机构节能工作，特向全市公共机构发出如下倡议：",
        "一、强化节能意识。各级公共机构要把节能作为一项重要工作来抓。",
        "二、节约办公用电。办公区域做到人走灯灭，空调温度夏季不低于26度。",
        "三、强化能耗分析。各级公共机构要定期对本单位能耗情况进行统计分析。",
        "倡议就是承诺，承诺就是责任，让我们积极行动起来，全面推进公共机构节能工作。",
    ]
    index = index_of([parse("cy.txt", lines), parse("bundle.txt", BUNDLE)], SEGMENTER)
    got = answer(index, "公共机构节能倡议书最后一条倡议是什么内容？", SEGMENTER)
    assert got.hits[0].passage.text.startswith("三、强化能耗分析")


def test_who_told_of_a_texts_content_asks_no_outline() -> None:
    from retrieval.parts import list_asked, read_place

    question = "发布会上是谁出来介绍决定主要内容的？"
    assert list_asked(question) == "" and not read_place(question).listing
    # counter-example: the content itself asked, and a count asked beside who
    assert list_asked("这个决定的主要内容是什么？") == "主要内容"
    assert list_asked("谁提出了哪几点要求") == "哪几点"
    assert list_asked("条例的主要内容是什么，由谁负责组织实施？") == "主要内容"
