"""Headings numbered by decimals (1 总则 / 1.1 编制目的 / 2.1.1 …), as emergency plans and
standards number them: each depth is a level of the outline."""

from __future__ import annotations

from retrieval.search import answer
from retrieval.segment import default_segmenter
from retrieval.structure import parse
from tests.indexing import index_of

SEGMENTER = default_segmenter()

PLAN = [
    "某市自然灾害救助应急预案",
    "1 总则",
    "1.1 编制目的",
    "建立健全应对突发自然灾害救助体系和运行机制，规范应急救助行为，提高应急救助能力。",
    "1.2 工作原则",
    "（1）坚持以人为本，确保受灾人员基本生活。",
    "（2）坚持统一领导、综合协调、分级负责、属地管理为主。",
    "2 组织指挥体系",
    "2.1 领导机构",
    "2.1.1 成立市自然灾害救助应急指挥部，负责组织、领导和协调自然灾害救助工作。",
    "2.1.2 市指挥部指挥长由分管民政工作的副市长担任，副指挥长由市民政局局长担任。",
    "2.2 办事机构",
    "市指挥部办公室设在市民政局，承担指挥部日常工作。",
]


def test_each_depth_of_decimal_numbering_is_a_level_of_the_outline() -> None:
    plan = parse("yuan.txt", PLAN)

    def section(opening: str) -> tuple[str, ...]:
        return next(p.section for p in plan.passages if p.text.startswith(opening))

    assert section("建立健全") == ("1 总则", "1.1 编制目的")
    assert section("（1）坚持")[:2] == ("1 总则", "1.2 工作原则")
    # 2 组织指挥体系 closes 1.2 and what was under it; 2.1.1 is a numbered paragraph
    assert section("2.1.2")[:2] == ("2 组织指挥体系", "2.1 领导机构")
    assert section("市指挥部办公室") == ("2 组织指挥体系", "2.2 办事机构")
    index = index_of([plan], SEGMENTER)
    hits = answer(index, "预案的工作原则有哪几条？", SEGMENTER).hits
    assert hits and hits[0].passage.section[:2] == ("1 总则", "1.2 工作原则")


def test_figures_a_lone_decimal_and_a_table_of_contents_are_no_outline() -> None:
    # counter-examples: a figure opening a line (2.5万元), a version (3.0), one decimal
    # line alone; and a page listing its parts (a run of headings with nothing between)
    text = parse(
        "t.txt",
        [
            "某市统计公报",
            "一、总体情况",
            "2.5万元以上的项目共计120个，比上年增长3.5%。",
            "3.0 朝花夕拾 2023-09-10",
            "1.5 亿元用于改造老旧小区，惠及居民2万户。",
        ],
    )
    assert all(p.section == ("一、总体情况",) for p in text.passages)
    contents = parse(
        "mulu.txt",
        [
            "某省应急预案",
            "1 总则",
            "1.1 编制目的",
            "1.2 编制依据",
            "2 组织指挥体系",
            "2.1 领导机构",
            "2.2 办事机构",
        ],
    )
    assert not any(p.section for p in contents.passages)


def test_an_outline_numbers_its_parts_in_order() -> None:
    def sections(lines: list[str]) -> list[tuple[str, ...]]:
        return [p.section for p in parse("t.txt", lines).passages]

    # dates and figures opening lines are no outline (5.21, 3.15, 12.4, 2.5公里, 1.2公顷)
    news = [
        "某校新闻",
        "5.21高三下午临时课表[05-18]",
        "3.15 消费者权益日活动通知",
        "12.4 国家宪法日",
    ]
    assert not any(sections([*news, "正文第一段，讲了一些事情。"]))
    figures = [
        "报告",
        "一、道路建设",
        "2.5公里城市道路完成改造，出行更加便利",
        "1.2公顷绿地建成开放",
    ]
    assert set(sections(figures)) == {("一、道路建设",)}
    # numbered clauses ending their sentences are parts, not a table of contents
    rules = [
        "某某规范",
        "1 总则",
        "1.1 为规范供热服务，制定本规范。",
        "2 服务要求",
        *[f"2.{n} 供热企业应当做好第{n}项服务。" for n in range(1, 5)],
        "3 投诉处理",
        "投诉应在3日内答复。",
    ]
    assert sections(rules)[-1] == ("3 投诉处理",)
    assert sections(rules)[3][:2] == ("2 服务要求", "2.3 供热企业应当做好第3项服务")
    # a stack only going deeper opens an outline; a list of contents ends where the text's
    # own numbering starts again
    deep = [
        "某标准",
        "3 术语",
        "3.1 一般术语",
        "3.1.1 基本概念",
        "3.1.1.1 供热",
        "指向用户供应热能的活动。",
    ]
    assert sections(deep) == [("3 术语", "3.1 一般术语", "3.1.1 基本概念", "3.1.1.1 供热")]
    listed = ["1 总则", "1.1 编制目的", "1.2 编制依据", "2 组织体系", "2.1 领导机构"]
    body = [
        "1 总则",
        "1.1 编制目的",
        "为了做好工作，制定本预案。",
        "2 组织体系",
        "2.1 领导机构",
        "指挥部负责领导。",
    ]
    assert sections(["预案", "目录", *listed, *body])[-2:] == [
        ("1 总则", "1.1 编制目的"),
        ("2 组织体系", "2.1 领导机构"),
    ]
