"""A year said once at the head of a report's list of results dates the lines under it: a
question naming that year finds them, though they never say it again."""

from __future__ import annotations

from retrieval.corpus import read_document
from retrieval.search import answer
from retrieval.segment import default_segmenter
from tests.indexing import index_of

SEGMENTER = default_segmenter()

REPORT = [
    "通州围绕“1+4”工作体系实干前行",
    "突出目标导向,经济发展高质量再上台阶",
    "认真落实“六稳”要求,切实提升经济运行质效。据初步统计,2019年实现地区生产总值1360亿元、"
    "同比增长6.8%;一般公共预算收入66.7亿元。",
    "扎实开展“重大项目突破年”活动,全年新签约重大项目27个,新开工重大项目11个。",
    "优化科技创新体系,新入选省“双创计划”15人;新认定高新技术企业114家,全市第一。",
    "2020年,要加快推进产业转型升级,力争新增高新技术企业100家。",
    "坚持招商引资不动摇,引进一批重大项目。",
]


def test_lines_under_a_years_results_are_of_that_year() -> None:
    report = read_document("tongzhou_lianghui_2020.txt", "\n".join(REPORT).encode())
    index = index_of([report], SEGMENTER)
    hits = answer(index, "通州2019年新认定了多少家高新技术企业？", SEGMENTER).hits
    assert hits and "114家" in hits[0].passage.text
    # counter-example: a line after another year's plan is not of the year before it
    later = answer(index, "通州2019年招商引资引进了什么？", SEGMENTER).hits
    assert later and all("引进一批重大项目" not in h.passage.text for h in later)
    # nor one after the document's own year said as 今年 (its plan, not the year before)
    planned = read_document(
        "tongzhou_lianghui_2020.txt",
        "\n".join(
            [*REPORT[:5], "今年,要加快推进产业转型升级,力争新增高新技术企业100家。"]
        ).encode(),
    )
    index = index_of([planned], SEGMENTER)
    hits = answer(index, "通州2019年力争新增多少家高新技术企业？", SEGMENTER).hits
    assert hits and all("力争" not in h.passage.text for h in hits)
