"""The telling word a passage short of the coverage bar must hold is one the corpus writes: a
question's most telling word the texts never use (补票, where a rule says 补交票款) judges
nothing, and the next one does."""

from __future__ import annotations

from retrieval.model import Document
from retrieval.search import answer
from retrieval.segment import default_segmenter
from retrieval.structure import parse
from tests.indexing import index_of

SEGMENTER = default_segmenter()

METRO = [
    "上海市轨道交通管理条例",
    "第二条 本条例所称轨道交通，是指本市地铁、轻轨等城市轨道公共客运系统。",
    "第二十五条 车站、车辆的广告设置应当合法、规范。广告设置不得影响服务标志的识别。",
    "第三十条 乘客应当持有效车票乘车，乘客越站乘车的，应当补交超过部分的票款。",
    "乘客无车票或者持无效车票乘车的，轨道交通企业可以按照轨道交通线网单程最高票价加收五倍票款。",
    "第四十二条 轨道交通企业应当开展日常安全隐患排查，并定期对轨道交通设施进行安全检查。",
]
BUSES = [
    "城市公共交通条例",
    "第十四条 城市公共交通票价依法实行政府定价或者政府指导价。",
    "第三十五条 乘客应当遵守乘车规范，维护乘车秩序。乘客不得携带危险物品乘车。",
]


def many_texts() -> list[Document]:
    """The metro and bus rules among the regulations of fifty other cities' markets (the
    fallback is for a corpus of many texts: in a few, a word they never write is what
    they are not about)."""
    markets = [
        parse(
            f"shichang{n}.md",
            [f"第{n}号城市集贸市场管理办法"]
            + [
                f"第{k}条 集贸市场经营者应当亮照经营，明码标价，第{n}号市场第{k}项。"
                for k in range(1, 11)
            ],
        )
        for n in range(1, 51)
    ]
    return [parse("shanghai.md", METRO), parse("gongjiao.md", BUSES), *markets]


def test_a_telling_word_the_corpus_never_writes_gives_way_to_the_next() -> None:
    index = index_of(many_texts(), SEGMENTER)
    hits = answer(index, "在上海坐地铁没买票被查到了，除了补票还会被加收多少？", SEGMENTER).hits
    assert hits and "加收五倍票款" in hits[0].passage.text
    # counter-examples: questions mostly in words the corpus never writes stay unanswered,
    # whatever word of theirs it does write (坐高铁能带充电宝吗: 宝, 明天下雨吗: 上海); and in
    # the two rules alone, a word they never write is what they are not about
    assert not answer(index, "坐高铁能带充电宝吗", SEGMENTER).hits
    assert not answer(index, "上海明天下雨吗？要不要带伞？", SEGMENTER).hits
    few = index_of([parse("shanghai.md", METRO), parse("gongjiao.md", BUSES)], SEGMENTER)
    assert not answer(few, "在上海坐地铁没买票被查到了，除了补票还会被加收多少？", SEGMENTER).hits


def test_the_admins_explanation_names_the_telling_word_that_judged() -> None:
    from retrieval.explanation import explain

    index = index_of(many_texts(), SEGMENTER)
    seen = explain(index, "在上海坐地铁没买票被查到了，除了补票还会被加收多少？", SEGMENTER)
    assert seen.telling == ("加收",)
    assert any(row.kept and "加收五倍票款" in row.passage.text for row in seen.rows)
