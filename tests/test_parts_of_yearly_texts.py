"""A part asked of a place's text of a year (龙华区司法局2022年报告第三部分) is found in that
text, where no title names either."""

from __future__ import annotations

from retrieval.model import Document
from retrieval.search import answer
from retrieval.segment import default_segmenter
from retrieval.structure import parse
from tests.indexing import index_of

SEGMENTER = default_segmenter()

_HEADINGS = ("学习贯彻工作", "普法宣传工作", "述法考核工作")


def _summary(unit: str, year: int, parts: tuple[str, str, str]) -> Document:
    """A bureau's yearly summary as a site posts it: under its breadcrumb, no title of its own."""
    lines = [f"{unit} > 规划计划 > 年度工作计划及总结", f"{year}年,{unit}全面完成年度任务。"]
    for label, heading, text in zip("一二三", _HEADINGS, parts, strict=True):
        lines += [f"{label}、{heading}", f"{year}年{text}"]
    return parse(f"{unit}_{year}.txt", lines)


def test_a_part_asked_of_a_place_and_year_is_of_their_summary() -> None:
    """A part asked of a unit and a year is that year's summary's part, where no title names
    either (the unit's pages have its breadcrumb for a title)."""
    index = index_of(
        [
            _summary("龙华区司法局", 2022, ("学习十二次。", "讲座四十场。", "四家单位述法。")),
            _summary("龙华区司法局", 2023, ("集中学习九次。", "法治讲座六十场。", "述法评议。")),
            _summary("坪山区司法局", 2022, ("学习七次。", "讲座二十场。", "述法一次。")),
        ],
        SEGMENTER,
    )
    got = answer(index, "龙华区司法局2022年报告第三部分讲的什么内容", SEGMENTER).hits
    assert got[0].passage.doc == "龙华区司法局_2022.txt"
    assert got[0].passage.section == ("三、述法考核工作",)
