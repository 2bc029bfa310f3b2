"""A year said once at the head of a report's list of results dates the lines under it: a
question naming that year finds them, though they never say it again."""

from __future__ import annotations

from retrieval.corpus import read_document
from retrieval.model import Document
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


def test_a_days_page_on_a_report_every_year_has_where_the_day_is_said_apart() -> None:
    """A day said apart from a report's generic name (2026年1月28日…除了政府工作报告) asks of
    that day's page on it; a bare year a report tells of (2023年…按政府工作报告) asks of the
    report still."""
    from retrieval.structure import parse
    from retrieval.targets import find_target

    report = parse(
        "hn_2024.txt",
        [
            "政府工作报告——2024年1月23日在海南省第七届人民代表大会第三次会议上",
            "2023年农村居民人均可支配收入增长7.8%。",
            "自2023年12月1日起施行的海南自由贸易港条例为开放提供法治保障。",
        ],
    )

    def page(name: str, day: str) -> Document:
        return parse(
            name,
            [
                "省人大会议各代表团继续审议政府工作报告等",
                f"{day} 来源:海南日报",
                "各代表团继续分组审议政府工作报告,并对计划报告、预算报告进行审议。",
            ],
        )

    held = [report, page("shenyi_2026.txt", "2026-01-29"), page("shenyi_2023.txt", "2023-01-15")]
    day = find_target("2026年1月28日各代表团除了政府工作报告还审了哪些文件？", held)
    assert day.docs == {"shenyi_2026.txt"}
    year = find_target("2023年农村居民收入涨了多少?按政府工作报告原文", held)
    assert year.docs == {"hn_2024.txt"}
    # nor a day the report tells of, weeks from any page's (a congress page of that year)
    told = find_target("政府工作报告提到2023年12月1日起施行的是哪部条例？", held)
    assert told.docs == {"hn_2024.txt"}


def test_a_years_text_named_without_its_places_level_is_that_years() -> None:
    """2021年上海民政工作总结 names the one titled 2021年上海市民政工作总结 beside the 2022
    one titled as said; another place's of that year is not it."""
    from retrieval.structure import parse
    from retrieval.targets import find_target

    def summary(name: str, title: str) -> Document:
        return parse(name, [title, "一年来,各级民政部门扎实推进养老服务。"])

    held = [
        summary("sh_2022.txt", "2022年上海民政工作总结"),
        summary("sh_2021.txt", "上海市民政局关于印发《2021年上海市民政工作总结》的通知"),
    ]
    asked = find_target("2021年上海民政工作总结是什么时候印发的？", held)
    assert not asked.missing and asked.docs == {"sh_2021.txt"}
    assert find_target("2021年北京民政工作总结是什么时候印发的？", held).docs != {"sh_2021.txt"}


def test_a_years_report_the_corpus_lacks_is_told_of_by_the_pages_of_its_congress() -> None:
    """2023年西藏政府工作报告 is held as the page on the congress it was given at (严金海所作的
    政府工作报告分为…); a year no page tells of is missing, named as the question names it
    (西藏, not the 藏 inside it that is the region's short name)."""
    report = read_document(
        "xz_2026.txt",
        "\n".join(
            [
                "2026年西藏自治区政府工作报告",
                "2025年全区地区生产总值增长7%。",
                "城乡居民人均可支配收入分别增长6%和8%。",
                "粮食产量稳定在110万吨以上。",
                "新建改建农村公路3000公里。",
            ]
        ).encode(),
    )
    congress = read_document(
        "xz_2023.txt",
        "\n".join(
            [
                "西藏自治区十二届人大一次会议开幕",
                "2023-01-13 来源:西藏日报",
                "严金海所作的政府工作报告分为2022年及过去五年工作、今后五年目标任务、2023年重点工作三大部分。",
            ]
        ).encode(),
    )
    from retrieval.targets import find_target

    documents = [report, congress]
    target = find_target("2023年西藏政府工作报告分成哪几个部分", documents)
    assert target.docs == frozenset({"xz_2023.txt"}) and not target.missing
    hits = answer(
        index_of(documents, SEGMENTER), "2023年西藏政府工作报告分成哪几个部分", SEGMENTER
    ).hits
    assert "三大部分" in hits[0].passage.text
    missing = find_target("2024年西藏政府工作报告从几个方面总结了2023年的工作", documents).missing
    assert missing == "2024年西藏政府工作报告"
    missing = find_target("2022年的增长在2025年西藏政府工作报告里怎么说的", documents).missing
    assert missing == "2025年西藏政府工作报告"  # the year said before the name


def test_a_month_asked_with_its_year_prefers_that_months_text() -> None:
    from retrieval.dates import month_asked

    assert month_asked("王晓晖在2022年11月全会上作的报告") == "2022-11"
    assert month_asked("2022年11月29日全会") == ""  # a day: the day rules see to it
    assert month_asked("2022年13月") == ""
    assert month_asked("2022年十一月的全会") == "2022-11"
    assert month_asked("2023年1月至11月的数据") == ""  # a span's start
    plenums = [
        read_document(
            f"plenum_{m}.txt",
            "\n".join(
                [
                    f"中共四川省委第十二届{n}次全体会议公报",
                    f"（2022年{m}月28日中国共产党四川省第十二届委员会第{n}次全体会议通过）",
                    "全会听取和讨论了王晓晖受省委常委会委托作的工作报告。",
                    "全会认为，要坚定不移推动高质量发展。",
                    "全会号召，全省各级党组织要团结奋斗。",
                ]
            ).encode(),
        )
        for m, n in (("6", "一"), ("11", "二"))
    ]
    index = index_of(plenums, SEGMENTER)
    hits = answer(index, "王晓晖在2022年11月全会上作的报告是受谁委托的", SEGMENTER).hits
    assert hits[0].passage.doc == "plenum_11.txt"
    hits = answer(index, "王晓晖在2022年6月全会上作的报告是受谁委托的", SEGMENTER).hits
    assert hits[0].passage.doc == "plenum_6.txt"
