"""What a passage is to a question: the definition of the term it asks about, or a label over
the passage that answers."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from retrieval.citations import article_of, enforcing
from retrieval.clues import defines, enumerates
from retrieval.explanation import explain
from retrieval.normalize import fold
from retrieval.question import asks_list, defined_term
from retrieval.search import DEFAULT_RANKING, answer, parse_question
from retrieval.segment import default_segmenter
from retrieval.structure import parse
from retrieval.structure_answers import asks_of_question, labels
from tests.indexing import index_of, read

SEGMENTER = default_segmenter()


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("政府信息是什么意思？", "政府信息"),
        ("干部人事档案到底指的是什么？", "干部人事档案"),
        ("旧版农产品质量安全法是怎么定义农产品的？", "农产品"),
        ("什么叫疫点？它和疫区有什么不一样？", "疫点"),
        ("新的文化使命具体指什么？", "新的文化使命"),
        ("什么是政府信息呢？", "政府信息"),  # not its particle
        ("学生欺凌在法律上是怎么定义的？", "学生欺凌"),  # not where it is defined
        ("山东条例里失能老年人是怎么定义的？", "失能老年人"),  # not the text it is asked in
        ("法律里文明行为是怎么定义的？", "文明行为"),
        ("非法上访是怎么定义的？", "非法上访"),  # a word ending in 法 names no text
        ("在线中介是怎么定义的？", "在线中介"),
        ("特种设备定义", "特种设备"),  # the noun and 定义 with nothing between
        ("自然保护区的概念是什么", "自然保护区"),
        ("如何下定义", ""),  # how to define, of no term
        ("为什么是他来负责？", ""),  # 为什么 asks why
        ("政府信息公开的范围有哪些？", ""),  # asks no meaning
    ],
)
def test_the_term_a_definition_question_asks_of(question: str, term: str) -> None:

    assert defined_term(fold(question)) == term


def test_a_definition_is_found_for_a_term_of_common_words() -> None:
    lines = [
        "政府信息公开条例",
        "第一章 总则",
        "第二条 本条例所称政府信息，是指行政机关在履行行政管理职能过程中制作或者获取的信息。",
        "第十条 行政机关制作的政府信息，由制作该政府信息的行政机关负责公开。",
        "第八条 各级人民政府应当加强政府信息资源的规范化管理，推进政府信息公开平台建设。",
        "第二十四条 各级人民政府应当加强依托政府门户网站公开政府信息的工作。",
    ]
    index = index_of([parse("x.txt", lines)], SEGMENTER)
    question = "政府信息是什么意思？"
    # 意思 asks for the meaning; no passage is to hold it
    assert [w.text for w in parse_question(question, SEGMENTER).words] == ["政府", "信息"]
    assert answer(index, question, SEGMENTER).hits[0].passage.text.startswith("第二条")


@pytest.mark.parametrize(
    "definition",
    [
        "（三）渔业水域，是指鱼虾类的产卵场、索饵场。",
        "（三）“渔业水域”，是指鱼虾类的产卵场、索饵场。",
        "本细则所称“渔业水域”，包括鱼虾类的产卵场、索饵场。",
        "（三）渔业水域:指鱼虾类的产卵场、索饵场。",  # a list of terms set with colons
    ],
)
def test_a_term_defined_in_quotes_is_defined_as_one_without(definition: str) -> None:
    lead = "第二条 本细则中下列用语的含义是：\n（一）“内水”，是指领海基线向陆一侧的海域。"
    text = f"{lead}\n{definition}"
    query = parse_question("“渔业水域”是怎么定义的？", SEGMENTER)
    assert defines(query, [1.0] * len(query.words), text, quoted=("渔业水域",))
    # a passage that only speaks of the term does not define it
    other = "第二十八条 在重点“渔业水域”不得从事拆船业，是指定的禁区。"
    assert not defines(query, [1.0] * len(query.words), other, quoted=("渔业水域",))


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("场合：深度贫困地区脱贫攻坚座谈会", True),
        ("**历史上的纠风、整风运动**", True),
        ("大力提振消费。", True),  # a report's lead sentence over its paragraph
        ("5.宣布大会闭幕，奏唱团歌", False),  # a list's item is content
        ("最后，预祝大会圆满成功！", False),
        ("2016年9月12日", False),
        ("本法自2021年6月1日起施行。", False),
        ("第三条 本条例由省政府解释。", False),  # a short article is content
        ("关于营商环境，我讲三点意见：", False),  # an announcement brings its items
        # a line of running text cut at a width holds a sentence's end: no label
        ("治之时,典型的往枪口上撞。第三,发生在化工大省强省", False),
        ("“人间自有公道在！”", True),  # counter-example: a quoted slogan ends inside its quotes
        ("别怕!猪瘟不传人 猪肉可以吃", True),  # and a headline exclaims inside
    ],
)
def test_a_short_line_that_is_no_sentence_labels_what_follows(text: str, label: bool) -> None:

    assert labels(text) is label


def test_a_label_the_question_matches_gives_way_to_the_passage_it_heads() -> None:
    lines = [
        "习近平总书记关于劳动的重要论述",
        "场合：2018年春节团拜会",
        "话语：奋斗者是精神最为富足的人，也是最懂得幸福、最享受幸福的人。",
        "场合：深度贫困地区脱贫攻坚座谈会",
        "话语：一个健康向上的民族，就应该鼓励劳动、鼓励就业、鼓励靠自己的努力养活家庭。",
        "场合：同全国劳动模范代表座谈",
        "话语：劳动是财富的源泉，也是幸福的源泉。",
    ]
    index = index_of([parse("x.txt", lines)], SEGMENTER)
    question = "在深度贫困地区脱贫攻坚座谈会上，总书记关于劳动说了什么？"
    assert explain(index, question, SEGMENTER).rows[0].passage.text.startswith("场合：深度")
    hits = answer(index, question, SEGMENTER).hits
    assert hits[0].passage.text.startswith("话语：一个健康向上的民族")
    assert all(not h.passage.text.startswith("场合：深度") for h in hits)


def test_a_label_over_a_byline_heads_the_speech_after_it() -> None:
    # a school site's page: its menus, then the speech's title, subtitle and byline as lines
    speeches = Path(__file__).resolve().parent / "data" / "corpora" / "school_ceremony_speeches"
    index = index_of([read(speeches / "docs" / "biye_dianli_jianghua_2020jie.txt")], SEGMENTER)
    hits = answer(index, "2020届毕业典礼为什么要提前开？", SEGMENTER).hits
    assert "提前进行" in hits[0].passage.text
    assert all(not h.passage.text.startswith("王 琛") for h in hits)  # the byline heads nothing


MINORS = Path(__file__).resolve().parent / "data" / "corpora" / "minors_women_elderly_folder"


def test_the_article_penalising_a_duty_answers_what_breaching_it_costs() -> None:
    index = index_of([read(p) for p in sorted((MINORS / "docs").iterdir())], SEGMENTER)
    cost = "违法招用未满十六周岁童工的，未成年人保护法规定怎么处罚、罚多少？"
    # the duty holds the question's words; the penalty names it only by its number
    duty = explain(index, cost, SEGMENTER).rows[0].passage
    assert article_of(duty) == "第六十一条" and "罚款" not in duty.text
    first = answer(index, cost, SEGMENTER).hits[0].passage
    assert first.text.startswith("第一百二十五条 违反本法第六十一条规定的")
    # asking what the duty is, not what breaching it costs: the duty
    rule = "未成年人保护法对招用未满十六周岁的未成年人有什么规定？"
    assert answer(index, rule, SEGMENTER).hits[0].passage.text.startswith("第六十一条")


def test_a_penalty_article_enforces_only_its_own_texts_articles() -> None:
    own = "第八十一条 违反本法第二十六条规定，未履行报告义务的，依法对直接负责的主管人员给予处分。"
    other = "第九十条 违反《中华人民共和国治安管理处罚法》第二十六条规定的，依照其规定处罚款。"
    unpunished = "第九十一条 违反本法第二十六条规定的，由有关部门责令改正。"
    passages = [parse("x.txt", ["某法", line]).passages[0] for line in (own, other, unpunished)]
    assert [p.text for p in enforcing(passages, "第二十六条")] == [own]
    assert enforcing(passages, "第六条") == []  # 第二十六条 is not 第六条
    # the breach said otherwise: the acts an article forbids, done
    done = "第四十三条 娱乐场所实施本条例第十四条禁止行为的，由县级公安部门没收违法所得，并处罚款。"
    passages = [parse("x.txt", ["某条例", done]).passages[0]]
    assert enforcing(passages, "第十四条") == passages
    # not a case that spares one (没有本法第三十九条规定的情形的, 具有…情形的，免予处分)
    spared = "第四十条 劳动者没有本法第三十九条规定的情形的，用人单位可以解除劳动合同，并处罚款。"
    passages = [parse("x.txt", ["某法", spared]).passages[0]]
    assert enforcing(passages, "第三十九条") == []
    # the article whose penalty it applies is not breached
    applied = "第九十二条 违反本法第二十条规定的，依照本法第六十一条的规定处罚款。"
    (passage,) = parse("x.txt", ["某法", applied]).passages
    assert (
        enforcing([passage], "第二十条") == [passage] and enforcing([passage], "第六十一条") == []
    )


@pytest.mark.parametrize(
    ("text", "lists"),
    [
        ("第九条 有下列情形之一的，不予登记：\n（一）未满十八周岁的；", True),
        ("第十八条 特种设备生产单位应当具备下列条件：", True),
        ("申请人应当提交材料：\n（一）申请书；\n（二）身份证明。", True),
        ("今年重点做好以下工作：\n一是扩大有效投资", True),
        # a passage naming no cases, and one numbering a single point, set out none
        ("第十二条 登记机关应当在收到申请之日起十五日内作出决定。", False),
        ("（一）丧葬补助金为6个月的统筹地区上年度职工月平均工资。", False),
    ],
)
def test_a_passage_that_sets_out_cases(text: str, lists: bool) -> None:
    assert enumerates(text) is lists


@pytest.mark.parametrize(
    ("question", "asks"),
    [("合伙协议必须写明哪些事项？", True), ("讲了哪几点？", True), ("合伙协议要写明什么？", False)],
)
def test_a_question_asking_for_a_lists_members(question: str, asks: bool) -> None:
    assert asks_list(question) is asks


def test_a_question_asking_which_ones_prefers_the_article_listing_them() -> None:
    lines = [
        "接诉即办条例",
        "第三章 办理",
        "第十条 承办单位的行为应当规范、高效，办理过程应当全程留痕，不规范的予以追责。",
        "第三十条 承办单位在接诉即办工作中有下列行为之一的，予以追责：",
        "（一）推诿、敷衍诉求人的；",
        "（二）弄虚作假的。",
        *(
            f"第{n}条 市民热线的{topic}工作由市政务服务部门统筹。"
            for n, topic in enumerate(["受理", "派单", "回访", "考核", "公开", "培训"], 31)
        ),
    ]
    index = index_of([parse("j.txt", lines)], SEGMENTER)
    question = "承办单位有哪些行为会被追责？"
    first = answer(index, question, SEGMENTER).hits[0].passage
    assert first.text.startswith("第三十条")
    # without the preference the article merely naming the words leads: the rule decides
    plain = answer(index, question, SEGMENTER, ranking=replace(DEFAULT_RANKING, list_boost=1.0))
    assert plain.hits[0].passage.text.startswith("第十条")
    # a question asking something else reads in the plain order
    why = answer(index, "承办单位的行为为什么会被追责？", SEGMENTER).hits[0].passage
    assert why.text.startswith("第十条")


def test_an_article_stating_what_a_thing_is_says_what_it_is() -> None:
    from retrieval.clues import states_what

    query = parse_question("什么叫民族乡？", SEGMENTER)
    weights = [1.0] * len(query.words)
    text = "第二条 民族乡是在少数民族聚居的地方建立的乡级行政区域。"
    assert states_what(query, weights, text, term="民族乡")
    assert not defines(query, weights, text, term="民族乡")  # a weaker answer than 是指
    assert states_what(query, weights, "第十五条 民族自治地方的自治机关是…", quoted=("自治机关",))
    # a passage saying something else of it does not: 民族乡是否…, or it in mid-sentence
    assert not states_what(query, weights, "第三条 民族乡是否建立，由省政府决定。", term="民族乡")
    assert not states_what(query, weights, "第八条 财政支持民族乡是各级政府的责任。", term="民族乡")


PRESS_CONFERENCE = [
    "外交部发言人4月19日主持例行记者会",
    "外交部发言人主持例行记者会。以下为部分内容。",
    "总台央视记者：近日，一季度中国经济数据陆续发布，国际舆论认为中国经济表现超出预期。你对此有何评论？",
    "汪文斌：在当前世界经济增速放缓的情况下，中国经济整体呈现恢复向好态势，为世界经济注入动力。",
    "法新社记者：有报道说某国将举行选举，中方是否会派观察员？",
    "汪文斌：我们不评论别国内政。",
]


def test_a_press_conferences_question_gives_way_to_its_answer() -> None:
    index = index_of([parse("jizhehui.txt", PRESS_CONFERENCE)], SEGMENTER)
    got = answer(index, "国际舆论说中国经济超出预期，发言人怎么回应？", SEGMENTER)
    assert got.hits[0].passage.text.startswith("汪文斌：在当前世界经济增速放缓")
    assert all(not h.passage.text.startswith("总台央视记者") for h in got.hits)
    # asked how the reporter was answered, the answer still; 记者会 is the occasion, no reporter
    got = answer(index, "发言人怎么回答记者关于中国经济超出预期的提问？", SEGMENTER)
    assert got.hits[0].passage.text.startswith("汪文斌：在当前世界经济增速放缓")
    assert not asks_of_question("记者会上发言人说了什么")
    # asked what the reporter asked, the question itself (counter-example)
    got = answer(index, "总台央视记者在记者会上问了什么经济问题？", SEGMENTER)
    assert got.hits[0].passage.text.startswith("总台央视记者")
