"""What a question asks decides which passage answers first: the duty or the penalty for breaking
it, the definition of a term or the pages repeating it, the list of kinds asked."""

from __future__ import annotations

from retrieval.index import SearchIndex
from retrieval.model import Passage
from retrieval.search import answer
from retrieval.segment import default_segmenter
from retrieval.structure import parse
from tests.indexing import index_of

SEGMENTER = default_segmenter()


def first(index: SearchIndex, question: str) -> Passage:
    """The passage the answer shows first."""
    return answer(index, question, SEGMENTER).hits[0].passage


def test_a_question_speaking_of_no_sanction_prefers_the_duty_to_its_penalty() -> None:
    lines = [
        "危险化学品安全管理条例",
        "第二十四条 危险化学品应当储存在专用仓库内，并由专人负责管理；剧毒化学品应当在专用仓库内"
        "单独存放，不得与其他物品混合储存，实行双人收发、双人保管制度。",
        "第八十条 生产、储存危险化学品的单位有下列情形之一的，由安全生产监督管理部门责令改正，"
        "处5万元以上10万元以下的罚款：未将剧毒化学品储存在专用仓库内单独存放的；剧毒化学品与"
        "其他物品混合储存的；未对剧毒化学品实行双人收发、双人保管制度的。",
        "第二十条 生产、储存危险化学品的单位，应当根据其生产、储存的危险化学品的种类设置安全设施。",
        "第二十二条 生产、储存危险化学品的企业，应当委托具备资格的机构进行安全评价。",
        "第一百零二条 本条例自2011年12月1日起施行。",
    ]
    index = index_of([parse("whp.txt", lines)], SEGMENTER)
    assert first(index, "剧毒化学品能跟其他物品混合储存吗？要几个人保管？").text.startswith(
        "第二十四条"
    )
    # counter-examples: asked what the breach costs, or speaking of its sanction, the penalty
    assert first(index, "剧毒化学品跟其他物品混合储存，罚多少？").text.startswith("第八十条")
    assert first(index, "剧毒化学品与其他物品混合储存，违法吗？").text.startswith("第八十条")


def test_what_speaks_of_a_sanction() -> None:
    from retrieval.question import speaks_of_sanction

    for asked in (
        "合格证罚款",
        "超范围行医会被暂停执业多久",
        "被开除的公务员还能再考吗",
        "逾期不改会怎么样",
        "律师收钱办事会被停止执业多久",
        "医院这么做能构成单位受贿罪吗",
    ):
        assert speaks_of_sanction(asked)
    assert not speaks_of_sanction("剧毒化学品能不能和别的东西混放")
    assert not speaks_of_sanction("当公证员有年龄限制吗")


def test_the_definition_leads_however_often_other_pages_repeat_the_term() -> None:
    rule = [
        "禁止传销条例",
        "第二条 本条例所称传销，是指组织者或者经营者发展人员，通过对被发展人员以其直接或者间接"
        "发展的人员数量或者销售业绩为依据计算和给付报酬，或者要求被发展人员以交纳一定费用为条件"
        "取得加入资格等方式牟取非法利益，扰乱经济秩序，影响社会稳定的行为。",
        "第七条 下列行为，属于传销行为：组织者或者经营者通过发展人员牟取非法利益的。",
    ]
    news = [
        "打击传销专项行动方案",
        "依法坚决取缔传销，严厉打击传销，传销活动反复的地区要重点整治。",
        "各地区传销活动数量明显减少，传销势头基本得到遏制。",
    ]
    index = index_of([parse("tiaoli.txt", rule), parse("fangan.txt", news)], SEGMENTER)
    assert first(index, "什么是传销？").text.startswith("第二条")
    # counter-example: asked something else of the term, the definition does not lead
    assert first(index, "传销活动数量减少了吗").doc == "fangan.txt"


def test_the_list_of_kinds_asked_leads_however_often_other_passages_repeat_the_word() -> None:
    rules = [
        "中国共产党纪律处分条例",
        "第八条 对党员的纪律处分分为：（一）警告；（二）严重警告；（三）撤销党内职务；"
        "（四）留党察看；（五）开除党籍。",
        "第十条 对于违犯党纪的党组织，上级党组织应当责令其作出书面检查或者给予通报批评。",
    ]
    talk = [
        "纪律处分工作座谈会讲话",
        "纪律处分要准确，纪律处分要及时。",
        "几种纪律处分都要严肃，纪律处分不是儿戏。",
        "纪律处分决定要向本人宣布。",
    ]
    index = index_of([parse("tiaoli.txt", rules), parse("jianghua.txt", talk)], SEGMENTER)
    assert first(index, "纪律处分有哪几种？").text.startswith("第八条")


def test_a_passage_saying_what_the_term_is_comes_before_pages_repeating_it() -> None:
    rules = [
        "民族乡行政工作条例",
        "第二条 民族乡是在少数民族聚居的地方建立的乡级行政区域，依照法律规定行使职权。",
        "第五条 民族乡的乡长由建立民族乡的少数民族公民担任。",
    ]
    news = [
        "民族乡工作座谈会",
        "民族乡要发展，民族乡要团结，民族乡工作很重要。",
        "各民族乡干部参加了座谈，民族乡代表发言。",
    ]
    index = index_of([parse("tiaoli.txt", rules), parse("news.txt", news)], SEGMENTER)
    assert first(index, "什么是民族乡？").text.startswith("第二条")
    # counter-example: asked something else of the term, the statement does not lead
    assert first(index, "民族乡的乡长由谁担任？").text.startswith("第五条")


def test_the_definition_is_found_below_the_many_articles_repeating_the_term() -> None:
    articles = [
        f"第{n + 3}条 信托财产{n}号，信托当事人应当按照信托文件管理信托事务。" for n in range(120)
    ]
    law = [
        "某信托法",
        "第一条 为了调整信托关系，规范信托行为，制定本法。",
        "第二条 本法所称信托，是指委托人基于对受托人的信任，将其财产权委托给受托人，由受托人按"
        "委托人的意愿以自己的名义，为受益人的利益或者特定目的，进行管理或者处分的行为。",
        *articles,
    ]
    index = index_of([parse("xt.md", law)], SEGMENTER)
    assert first(index, "法律上信托是怎么定义的？").text.startswith("第二条")
