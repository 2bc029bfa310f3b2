"""When no passage passes the bar: the one that stands out is shown alone, as the closest."""

from __future__ import annotations

import math
from dataclasses import replace
from pathlib import Path

from retrieval.explanation import explain
from retrieval.search import CLOSEST_NOTE, DEFAULT_RANKING, answer
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
    # asked what breaking it costs, the closest passage still comes alone
    # (the penalty articles, announced items and labelled passages are not brought along)
    cost = answer(index, "自动续费前没提醒扣了钱，要受什么处罚？", SEGMENTER)
    assert cost.note == CLOSEST_NOTE and len(cost.hits) == 1
    # said with the everyday word for the law's 经营者 (商家), it is answered: the penalty
    # article first, then the duty it penalises
    named = answer(index, "自动续费前没提醒扣了钱，商家要受什么处罚？", SEGMENTER)
    assert not named.note
    assert [h.passage.text[:4] for h in named.hits[:2]] == ["第五十条", "第十条 "]


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
