"""Documents named by a shortened title and a year, and a year no text of that kind has."""

from __future__ import annotations

from retrieval.metadata import derived_names
from retrieval.model import Document
from retrieval.targets import find_target
from tests.test_targets import doc


def test_a_shortened_title_and_a_year_name_that_years_text_or_say_it_is_missing() -> None:
    def report(name: str, title: str, year: int) -> Document:
        return doc(
            name,
            [title, f"——{year}年3月8日在全国人民代表大会上", "一、过去一年的工作", "审结案件。"],
        )

    court_2021 = report("fy2021.txt", "最高人民法院工作报告(摘要)", 2021)
    court_2024 = report("fy2024.txt", "最高人民法院工作报告", 2024)
    procuracy = report("jc2024.txt", "最高人民检察院工作报告", 2024)
    congress = report("rd2023.txt", "全国人民代表大会常务委员会工作报告", 2023)
    corpus = (court_2021, court_2024, procuracy, congress)
    assert find_target("2024年最高法工作报告收了多少案子", corpus).docs == {"fy2024.txt"}
    lacking = find_target("2022年最高法工作报告里审结了多少案件", corpus)
    assert lacking.missing == "2022年最高法工作报告" and lacking.docs is None
    # counter-examples: a year some text of that kind has is not missing, and the congress
    # standing committee's report is no 工作报告 of 2023 that every report would be
    assert not find_target("2024年最高检工作报告起诉了多少人", corpus).missing
    names = derived_names(congress.title, congress.meta)
    assert not {"工作报告", "2023年工作报告"} & set(names)


def test_a_year_asked_of_a_places_report_finds_it_under_a_fuller_title() -> None:
    generic = doc(
        "sc2026.txt",
        [
            "政府工作报告",
            "2026年2月3日在四川省第十四届人民代表大会第五次会议上",
            "一、2025年工作回顾",
            "全省地区生产总值增长5.5%。",
        ],
    )
    fuller = doc(
        "sc2024.txt",
        [
            "(四川省)四川省人民政府工作报告(2024年1月22日)",
            "刚刚过去的2023年，生产总值突破6万亿元。",
        ],
    )
    corpus = (generic, fuller)
    got = find_target("2024年的省政府工作报告里说去年GDP突破了多少", corpus)
    assert got.docs == {"sc2024.txt"} and not got.missing
    # counter-example: a year no report of that place has is still missing
    assert find_target("2022年的省政府工作报告里说了什么", corpus).missing


def test_an_organisations_national_congress_goes_by_its_name_not_the_partys() -> None:
    union = doc(
        "gh2018.txt",
        ["中国工会第十七次全国代表大会在京开幕", "王沪宁代表党中央发表了题为《新风采》的致词。"],
    )
    later = doc(
        "gh2023.txt",
        ["中国工会第十八次全国代表大会在京开幕", "蔡奇代表党中央发表了题为《书写新篇章》的致词。"],
    )
    assert {"工会十七大", "中国工会十七大"} <= set(union.meta.names)
    assert not {"十七大", "党的十七大"} & set(union.meta.names)
    assert find_target("工会十七大上王沪宁致词的题目叫什么", (union, later)).docs == {"gh2018.txt"}
    # counter-example: the party's congress, named with or without 中国共产党, is the 十九大
    for title in ("在中国共产党第十九次全国代表大会上的报告", "在第十九次全国代表大会上的报告"):
        names = derived_names(title, doc("r.txt", [title, "正文。"]).meta)
        assert {"十九大", "党的十九大"} <= set(names), title
