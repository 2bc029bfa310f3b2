"""A question asking only for a figure (多少钱, 多少天内, 几岁, 多少平方米) is answered by a
passage giving one of its kind; where none does, the corpus does not say."""

from __future__ import annotations

from bot.render import explanation
from retrieval.explanation import explain
from retrieval.index import SearchIndex
from retrieval.search import answer
from retrieval.segment import default_segmenter
from retrieval.structure import parse
from retrieval.units import Unit, asked_unit, gives_unit
from tests.indexing import index_of

SEGMENTER = default_segmenter()

FERRY = [
    "某市水路旅客运输管理办法",
    "第十条 客船船票应当载明船名、航次、开航日期、席位和旅客须知，船票由经营者统一印制。",
    "第十一条 经营者应当按照船票载明的船名、航次、日期和席位运送旅客，不得超员载客。",
    "第十二条 旅客应当持有效船票乘船，并遵守船上的安全规定，不得携带危险品上船。",
    "第十三条 客运码头应当设置候船场所，公布船舶班次和开航时间。",
    "第十四条 交通运输主管部门应当自受理船舶营运证申请之日起二十日内作出决定。",
    "第十五条 经营者申请船舶营运证，交通运输主管部门应当审查其船舶、船员和安全管理制度。",
    "第三十条 本办法自2020年1月1日起施行。",
]
FARES = "第十六条 内河普通客船船票实行政府指导价，每人每公里不超过0.5元。"


def index(lines: list[str]) -> SearchIndex:
    return index_of([parse("ferry.txt", lines)], SEGMENTER)


def test_a_price_asked_of_rules_giving_none_is_not_found() -> None:
    rules = index(FERRY)
    assert answer(rules, "客船船票多少钱一张？", SEGMENTER).hits == ()
    # counter-examples: what a ticket must say is answered from the same rules, and so is a
    # question asking a price beside something else the rules do say
    assert (
        answer(rules, "客船船票上要载明什么？", SEGMENTER).hits[0].passage.text.startswith("第十条")
    )
    assert answer(rules, "客船船票由谁印制？多少钱一张？", SEGMENTER).hits


def test_the_hit_test_says_why_a_passage_giving_no_figure_is_not_shown() -> None:
    question = "客船船票多少钱一张？"
    lines = explanation(question, explain(index(FERRY), question, SEGMENTER))
    dropped = [line for line in lines if "第十条" in line]
    assert dropped and "此段没有给出" in dropped[0]


def test_the_passage_giving_the_figure_asked_leads() -> None:
    fares = index([*FERRY[:-1], FARES, FERRY[-1]])
    assert answer(fares, "客船船票多少钱？", SEGMENTER).hits[0].passage.text.startswith("第十六条")
    # how long the office may take is the article counting its days, not the one on what it
    # examines, though that holds as many of the question's words
    reply = answer(fares, "申请船舶营运证，交通运输主管部门多少天内作出决定？", SEGMENTER)
    assert reply.hits[0].passage.text.startswith("第十四条")
    assert all(gives_unit(Unit.SPAN, h.passage.text) for h in reply.hits)


def test_the_figure_a_question_asks_for() -> None:
    assert asked_unit("船票多少钱一张") is Unit.MONEY
    assert asked_unit("旅客行李丢了最多赔多少") is Unit.MONEY
    assert asked_unit("特聘农技员每人每年能拿多少补贴") is Unit.MONEY
    assert asked_unit("预算支出多少亿") is Unit.MONEY
    assert asked_unit("多少天内给答复") is Unit.SPAN
    assert asked_unit("高校教资考试多久考一次") is Unit.SPAN
    assert asked_unit("单身男性收养女孩年龄要差几岁") is Unit.AGE
    assert asked_unit("几周岁可以考驾照") is Unit.AGE
    assert asked_unit("墓穴最多占多少平方米") is Unit.MEASURE
    # not a figure of these kinds: a count, a share, an ordinal, a while, a date, a grade
    for question in (
        "补贴多少人",
        "加梯补助几层以上的楼才能申请",
        "把出生时间改小几岁晚点退，行不行",
        # and a fine: its article, shown with the duty it penalises, need not state the amount
        "在海塘上挖堤顶会被罚多少钱",
        "欠款达到总价多少比例",
        "第几次常务会议审议的",
        "为什么这几年好多省市禁止楼道充电",
        "几年前出台的条例现在还有效吗",
        "多少年来一直没变的规定是什么",
        "胎儿出生没多久就死了遗产归谁",
        "几月几日开始施行",
        "宣传周是每年几月的第几周",
        "党代会是哪几天开的",
        "几年级开始上",
        # nor where the question asks something else too: that may be what a passage answers
        "架桥要海事批准吗？海事多少天内答复？",
        "目录是谁来定、多久调整一次",
        "申请行政复议需要什么材料要交多少钱",
        "何时办理？需交多少钱？",
        "多少万辆汽车上路",
    ):
        assert asked_unit(question) is None, question


def test_what_gives_the_figure_asked() -> None:
    money, span = Unit.MONEY, Unit.SPAN
    assert gives_unit(money, "每张不超过五十元")
    assert gives_unit(money, "中央财政大概拿出两个多亿")
    assert not gives_unit(money, "惠及五千万人")
    assert not gives_unit(money, "千万不要轻信")
    assert gives_unit(money, "每日按罚款数额的百分之三加处罚款")
    assert gives_unit(money, "有关机关应当免收相关费用")
    assert gives_unit(money, "具体数额由乡镇人民政府根据当地情况确定")
    assert not gives_unit(money, "增加的费用由国家承担")
    assert gives_unit(money, "行政复议机关受理申请，不得向申请人收取任何费用")
    assert not gives_unit(span, "本办法自2020年1月1日起施行")  # a day, no span
    assert not gives_unit(span, "第二十一条 老年人应当受到尊重")  # an article's number
    assert gives_unit(span, "每年至少进行一次检测评估")
    assert gives_unit(span, "应当自受理之日起二十日内作出决定")
    assert gives_unit(span, "高等学校教师资格考试根据需要举行")
    assert not gives_unit(span, "高等学校教师资格考试由省级教育行政部门组织")
    assert gives_unit(span, "建筑物与电力线路的安全距离如下：")  # its items follow
    assert gives_unit(Unit.AGE, "年龄应当相差40周岁以上")
    assert gives_unit(Unit.MEASURE, "每个墓穴占地不得超过1平方米")
    assert gives_unit(Unit.MEASURE, "按照不低于工资标准的300%支付")  # 几倍, said as a share
    assert gives_unit(money, "赔偿责任限额为332计算单位")
