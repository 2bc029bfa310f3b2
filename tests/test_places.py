"""The places a document's title spells out, and the common nouns jieba tags as places."""

from __future__ import annotations

import pytest

from retrieval.places import is_place_name, place_before, places_of


@pytest.mark.parametrize(
    ("title", "places"),
    [
        ("2025年北京市政府工作报告", {"北京"}),  # jieba cuts 北京 / 市政府
        ("浙江省学前教育条例", {"浙江"}),
        ("宁夏回族自治区禁毒条例", {"宁夏"}),
        # the name ending the run, not the words before it (…王伟中在广东省…)
        ("2023年1月12日广东省省长王伟中在广东省第十四届人民代表大会第一次会议上", {"广东"}),
        # counter-examples: a common noun before a word starting with 市 or 省
        ("城市市容和环境卫生管理条例", set()),
        # a town said with its ending as a body or a meeting (木棠镇人民政府, 在修山镇第七届…)
        ("2024年木棠镇人民政府工作报告", {"木棠", "木棠镇"}),
        ("2024年4月29日在修山镇第七届人民代表大会第四次会议上", {"修山", "修山镇"}),
        # counter-examples: a common noun or a longer name's tail before 街道 is no town
        ("城市街道办事处组织条例", set()),
        ("新区街道办事处2024年工作总结", set()),
        ("关于木棠镇人民政府2023年工作情况的报告", {"木棠", "木棠镇"}),
        ("中共木棠镇委员会2024年工作报告", {"木棠", "木棠镇"}),
        ("北京市街道办事处条例", {"北京"}),
        ("全国人民代表大会常务委员会关于节约省钱的决定", set()),
        ("中华人民共和国城市房地产管理法", set()),
        ("关于规范开发市场的通知", set()),  # 开发区 is a word, not a place
        # a county whose party committee or conference meets (澧县县委…全体会议召开)
        ("澧县县委十二届八次全体(扩大)会议召开", {"澧县"}),
        ("中国人民政治协商会议 渠县第十五届委员会第五次会议决议", {"渠县"}),
        # counter-examples: a county named in no meeting's title, and every county
        ("澧县召开学习交流会", set()),
        ("全县县委书记座谈会召开", set()),
        # nor a county another body's committee speaks of
        ("国家卫生健康委员会关于命名大宁县等为国家卫生县城的通报", set()),
        ("市纪律检查委员会通报海淀区三起典型问题", set()),
        ("省委全会在西湖区召开", set()),
    ],
)
def test_places_spelled_in_a_title(title: str, places: set[str]) -> None:
    assert places_of(title, "", "") == places


def test_a_common_noun_jieba_tags_a_place_names_none() -> None:
    assert is_place_name("绍兴") and is_place_name("内蒙古") and is_place_name("郑州市")
    assert not is_place_name("城市") and not is_place_name("海洋") and not is_place_name("长城")
    assert not is_place_name("开发") and not is_place_name("工业区")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("广东省的盐业管理条例", "广东省"),
        ("在广东省的盐业管理条例", "广东省"),  # the shortest stem when a longer is no place
        ("黑龙江省的盐业管理条例", "黑龙江省"),  # the longest that is one (龙江 is a county)
        ("新疆维吾尔自治区《盐业管理条例》", "新疆维吾尔自治区"),
        # counter-examples: no place, or none right before the name
        ("省里的盐业管理条例", ""),
        ("广东省去年出台的盐业管理条例", ""),
    ],
)
def test_the_place_said_right_before_a_name(text: str, place: str) -> None:
    assert place_before(text, text.index("盐业管理条例")) == place
