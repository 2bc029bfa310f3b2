"""When no passage passes the bar: the one that stands out is shown alone, as the closest, and
in a document the question names, its closest passages, said to be so; and the bar for a long
question telling its situation, and for a rule's article asked what it allows."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

from bot.render import explanation
from retrieval.explanation import explain
from retrieval.search import CLOSEST_NOTE, DEFAULT_RANKING, NAMED_CLOSEST_NOTE, answer
from retrieval.segment import default_segmenter
from tests.indexing import index_of, read

SEGMENTER = default_segmenter()


CONSUMERS = Path(__file__).resolve().parent / "data" / "corpora" / "consumer_markets_folder"


def test_a_passage_standing_out_below_the_bar_is_shown_alone_as_the_closest() -> None:
    index = index_of([read(p) for p in sorted((CONSUMERS / "docs").iterdir())], SEGMENTER)
    # an everyday question: 自动续费 is the law's, the rest (视频会员, 扣了钱, 合规) its own
    question = "视频会员到期自动续费扣了钱，事先一点提醒都没有，这合规吗？"
    report = explain(index, question, SEGMENTER)
    assert not any(row.kept for row in report.rows)
    first, second = report.rows[:2]
    assert first.score >= DEFAULT_RANKING.standout_gap * second.score
    got = answer(index, question, SEGMENTER)
    assert [h.passage for h in got.hits] == [report.closest]
    assert "自动续费" in got.hits[0].passage.text and got.note == CLOSEST_NOTE
    without = replace(DEFAULT_RANKING, standout_gap=math.inf)
    assert not answer(index, question, SEGMENTER, ranking=without).hits
    # asked what breaking it costs, the law's articles pass the lower bar of a question a
    # rule answers (`rule_coverage`), as when said with the everyday word for the law's 经营者
    # (商家): the penalty article first, then the duty it penalises
    cost = "自动续费前没提醒扣了钱，要受什么处罚？"
    for asked in (cost, "自动续费前没提醒扣了钱，商家要受什么处罚？"):
        got = answer(index, asked, SEGMENTER)
        assert not got.note
        assert [h.passage.text[:4] for h in got.hits[:2]] == ["第五十条", "第十条 "]
    # by the corpus's own bar, the closest passage comes alone (the penalty articles,
    # announced items and labelled passages are not brought along)
    alone = answer(index, cost, SEGMENTER, ranking=replace(DEFAULT_RANKING, rule_coverage=1.0))
    assert alone.note == CLOSEST_NOTE and len(alone.hits) == 1


def test_an_off_topic_question_whose_words_spread_over_many_passages_gets_nothing() -> None:
    folder = CONSUMERS.parent / "housing_property_folder" / "docs"
    index = index_of([read(p) for p in sorted(folder.iterdir())], SEGMENTER)
    # the folder's texts speak of 缴费, 比例 and 单位 in many articles alike (住房公积金,
    # 物业费), never of the pension contributions of public institutions
    question = "机关事业单位养老保险个人缴费比例是多少？"
    report = explain(index, question, SEGMENTER)
    (first, second, *_), weight = report.rows, sum(w for _, w in report.words)
    assert not report.target.missing and not any(row.kept for row in report.rows)
    assert first.coverage * weight >= DEFAULT_RANKING.standout_information
    assert first.score < DEFAULT_RANKING.standout_gap * second.score
    assert report.closest is None and not answer(index, question, SEGMENTER).hits


def test_a_long_question_telling_its_situation_is_covered_as_a_short_ones_whole() -> None:
    folder = CONSUMERS.parent / "house_safety_folder" / "docs"
    index = index_of([read(p) for p in sorted(folder.iterdir())], SEGMENTER)
    told = (
        "我老家在浙江农村，家里三层自建房当年没办施工许可证，现在想一楼开个小超市、"
        "楼上租给外地打工的住，听说得先做什么鉴定，不做的话会不会被罚，大概罚多少？"
    )
    first = answer(index, told, SEGMENTER).hits[0].passage
    assert "未依法取得建筑工程施工许可证的农（居）民自建住宅" in first.text
    whole = replace(DEFAULT_RANKING, told_information=math.inf)
    assert not answer(index, told, SEGMENTER, ranking=whole).hits
    # counter-example: a long question about something else still gets nothing
    trip = (
        "我下周要去杭州出差三天，想问问西湖边上现在还有没有好吃的杭帮菜馆，"
        "楼外楼要不要提前订位，周末人多不多，坐地铁过去方便吗？"
    )
    assert not answer(index, trip, SEGMENTER).hits


def test_a_rule_asked_what_it_allows_passes_a_lower_bar_than_other_passages() -> None:
    folder = CONSUMERS.parent / "culture_sport_folder" / "docs"
    index = index_of([read(p) for p in sorted(folder.iterdir())], SEGMENTER)
    # asked in the asker's words (总拿…去上主科, 合法吗), the law's article (体育课时不被占用)
    # covers less of the question than the corpus's bar asks of any passage
    question = "学校总拿体育课去上主科，这样合法吗？"
    report = explain(index, question, SEGMENTER)
    first = report.rows[0]
    assert report.rule_threshold <= first.coverage < report.threshold and first.kept
    bar = f"法规条文的阈值为覆盖率 ≥ {report.rule_threshold:.2f}"
    assert bar in explanation(question, report)[3]
    hits = answer(index, question, SEGMENTER).hits
    assert hits and hits[0].passage.doc == "tiyu_fa_2022.md"
    assert "体育课时不被占用" in hits[0].passage.text
    strict = replace(DEFAULT_RANKING, rule_coverage=1.0)
    assert not answer(index, question, SEGMENTER, ranking=strict).hits
    # counter-examples: asked something no rule says (what teachers think), the bar is the
    # corpus's, which no passage passes
    opinion = explain(index, "学校总拿体育课去上主科，老师怎么看？", SEGMENTER)
    assert not opinion.rule_threshold and not any(row.kept for row in opinion.rows)
    assert not any("法规条文" in line for line in explanation("老师怎么看", opinion))
    # and the lower bar is an article's: a rule text's page header (上一版 3 4 下一版 2009年5月…)
    # that shares a number and a common word with an off-topic question passes no lower bar
    lotteries = CONSUMERS.parent / "lotteries_folder" / "docs"
    index = index_of([read(p) for p in sorted(lotteries.iterdir())], SEGMENTER)
    fever = "5岁孩子发烧要不要马上去医院？"
    assert explain(index, fever, SEGMENTER).rule_threshold
    assert not answer(index, fever, SEGMENTER).hits


def test_a_document_named_shows_its_closest_passages_when_none_passes_the_bar() -> None:
    folder = CONSUMERS.parent / "minors_women_elderly_folder" / "docs"
    index = index_of([read(p) for p in sorted(folder.iterdir())], SEGMENTER)
    # asked in everyday words (半大孩子, 开房, 前台) of a law the corpus holds: its article on
    # hotels, with the note that nothing matched exactly, under the header naming the law
    got = answer(index, "按未成年人保护法，几个半大孩子去酒店开房，前台应该问清楚什么？", SEGMENTER)
    assert got.note == NAMED_CLOSEST_NOTE and got.understood
    assert got.hits[0].passage.text.startswith("第五十七条 旅馆、宾馆、酒店")
    # the admins' hit test says so, beside the bar it states
    asked = "按未成年人保护法，几个半大孩子去酒店开房，前台应该问清楚什么？"
    report = explain(index, asked, SEGMENTER)
    assert any(row.loose for row in report.rows) and not any(
        row.kept and not row.loose for row in report.rows
    )
    lines = explanation(asked, report)
    assert any("作为最接近的内容显示" in line for line in lines)
    assert any(line.startswith("✅（未达阈值，最接近）") for line in lines)
    # counter-examples: one about what no passage of it speaks of is still refused
    for off_topic in (
        "未成年人保护法对周杰伦演唱会门票怎么规定",
        "未成年人保护法里说明天北京天气怎么样",
    ):
        assert not answer(index, off_topic, SEGMENTER).hits, off_topic
    # nor is a passage that holds only the words of the law's name (长江 of 长江保护法, whose
    # text here has no article of entry into force)
    folder = CONSUMERS.parent / "river_basins_folder" / "docs"
    rivers = index_of([read(p) for p in sorted(folder.iterdir())], SEGMENTER)
    assert not answer(rivers, "长江保护法是从哪天起施行的？", SEGMENTER).hits
    # and where a passage passes the bar, the ones below it are not shown beside it: the law's
    # article on pop-up adverts leads, not the articles sharing only 广告 with the question
    folder = CONSUMERS.parent / "advertising_folder" / "docs"
    index = index_of([read(p) for p in sorted(folder.iterdir())], SEGMENTER)
    plain = answer(index, "现行广告法对网页弹窗广告有什么要求？", SEGMENTER)
    assert plain.hits[0].passage.text.startswith("第四十四条") and not plain.note
