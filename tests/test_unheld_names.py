"""A question naming a text, a plenum or a place the corpus does not hold is told so, not
answered from a text that only shares some of its words; each rule beside the question it
must still answer."""

from __future__ import annotations

from retrieval.corpus import read_document
from retrieval.model import NoAnswer
from retrieval.search import answer
from retrieval.segment import default_segmenter
from retrieval.structure import parse
from tests.indexing import index_of

SEGMENTER = default_segmenter()

RIGHTS = parse(
    "quanli.txt",
    [
        "中国共产党党员权利保障条例（试行）",
        "第六条 党员有权参加党小组会、支部大会、党员大会。",
        "第三十七条 本条例由中央纪委商中央组织部解释。《中国共产党党员权利保障条例（试行）》"
        "同时废止。",
    ],
)
PAGE = parse(
    "gushi.txt",
    [
        "讲好中国故事,展现中国形象",
        "宣传思想工作要把握大势,讲好中国故事,传播好中国声音。",
        "要创新对外话语表达方式,增强国际传播能力。",
        "国家网信办等七部门联合发布《网络直播营销管理办法（试行）》,对直播营销人员提出要求。",
    ],
)
FITNESS = parse(
    "jianshen.md",
    [
        "全民健身条例",
        "第二十条 国家推行全民健身计划,鼓励公民参加健身活动。",
        "第二十一条 学校应当按照《中华人民共和国体育法》和《学校体育工作条例》的规定,"
        "组织实施体育课教学,开展广播体操、眼保健操等体育活动。",
        "第二十二条 公共体育设施应当向社会开放。",
    ],
)


def test_a_title_in_book_marks_no_text_is_or_writes_is_missing() -> None:
    index = index_of([RIGHTS, PAGE, FITNESS], SEGMENTER)
    for asked, missing in (
        ("《中国共产党支部工作条例（试行）》规定正式党员几人以上应当成立党支部？", "支部工作条例"),
        ("《中国共产党宣传工作条例》是哪一年印发的", "宣传工作条例"),
        # a text a page cites, asked what it stipulates: the page quotes no rule of it
        ("《学校体育工作条例》规定中学每周上几节体育课？", "学校体育工作条例"),
    ):
        got = answer(index, asked, SEGMENTER)
        assert got.reason is NoAnswer.MISSING and missing in got.note, asked
    # counter-examples: the text held, with the note of its edition or without it, or named
    # after a title the corpus does not hold
    for asked in (
        "《中国共产党党员权利保障条例（试行）》规定党员有权参加哪些会议？",
        "《中国共产党党员权利保障条例》规定党员有权参加哪些会议？",
        "《中国共产党章程》之外，《中国共产党党员权利保障条例》规定党员有权参加哪些会议？",
    ):
        hits = answer(index, asked, SEGMENTER).hits
        assert hits and hits[0].passage.doc == "quanli.txt", asked
    # a place's rule is not the rule of that name the corpus cites (北京's cites the nation's)
    property_rules = parse(
        "bj.md",
        [
            "北京市物业管理条例",
            "第一条 根据《物业管理条例》，结合本市实际，制定本条例。",
            "第十条 业主大会由物业管理区域内全体业主组成。",
        ],
    )
    got = answer(
        index_of([property_rules], SEGMENTER), "《上海市物业管理条例》第十条怎么规定", SEGMENTER
    )
    assert got.reason is NoAnswer.MISSING
    # a text the corpus cites, as the page cites it
    hits = answer(
        index, "《网络直播营销管理办法（试行）》对直播营销人员有什么要求？", SEGMENTER
    ).hits
    assert hits and hits[0].passage.doc == "gushi.txt"


def _page(doc: str, lines: list[str]) -> object:
    return read_document(doc, "\n".join(lines).encode())


PLENUMS = [
    _page(
        "xs2022.txt",
        [
            "萧山区纪委十六届二次全会召开",
            "区纪委十六届二次全会召开,会议总结了2021年纪检监察工作。",
            "全会强调,要以清廉萧山建设为主线,构筑亲清政商关系。",
            "全会要求,派驻机构要聚焦主责主业,强化日常监督。",
        ],
    ),
    _page(
        "xs2024.txt",
        [
            "萧山区纪委十六届四次全会召开",
            "中国共产党杭州市萧山区第十六届纪律检查委员会第四次全体会议召开,会议回顾了2023年工作。",
            "全会部署了勤廉萧山建设,要求以钉钉子精神纠治四风。",
            "全会号召全区纪检监察干部忠诚干净担当。",
        ],
    ),
]


def test_a_plenum_no_text_speaks_of_beside_others_of_its_term_is_missing() -> None:
    index = index_of(PLENUMS, SEGMENTER)
    got = answer(index, "萧山区纪委十六届三次全会是哪天开的？", SEGMENTER)
    assert got.reason is NoAnswer.MISSING and "十六届三次全会" in got.note
    # nor one the corpus writes as its party committee's plenum (十六届三中全会), nor a
    # sitting of a plenum held (十六届二次全会第二次全体会议)
    index = index_of(
        [*PLENUMS, _page("qw.txt", ["萧山区委十六届三中全会召开", "全会审议了决定。"])]
    )
    for asked in ("萧山区纪委十六届三次全会是哪天开的？", "十六届二次全会第二次全体会议讲了什么？"):
        assert answer(index, asked, SEGMENTER).reason is not NoAnswer.MISSING, asked
    # nor a school's meeting of a class (2024届) beside another class's, nor a local plenum
    # beside only the party's 中全会 of that number
    others = [
        _page("xs.txt", ["2024届毕业典礼", "2024届毕业生第二次全体会议在礼堂举行。"]),
        _page("dw.txt", ["二十届三中全会精神宣讲", "党的二十届三中全会通过了决定。"]),
    ]
    index = index_of(others, SEGMENTER)
    for asked in ("2024届新生第一次全体会议上校长讲了什么", "区委二十届三次全会提出了什么"):
        assert answer(index, asked, SEGMENTER).reason is not NoAnswer.MISSING, asked
    index = index_of(PLENUMS, SEGMENTER)
    # counter-examples: a session held, named short or written out in full
    for asked, doc in (
        ("萧山区纪委十六届四次全会部署了什么建设？", "xs2024.txt"),
        ("萧山区纪委十六届二次全会以什么为主线？", "xs2022.txt"),
    ):
        hits = answer(index, asked, SEGMENTER).hits
        assert hits and hits[0].passage.doc == doc, asked


CONFERENCES = [
    _page(
        "huangshi_2019.txt",
        [
            "黄石市委十三届七次全会暨全市经济工作会议召开",
            "全会部署了2019年经济工作,黄石要在对接武汉中加快建设鄂东特大城市。",
        ],
    ),
    # a page with no title: its first line is its text, naming its city
    _page(
        "zz_2018.txt",
        [
            "1月4日,郑州市委经济工作会议提出,今年郑州经济增长预期目标确定为8.5%左右。",
            "初步统计,2017年郑州GDP增长约8.2%,8.5%的增速与郑州市的潜在增长率基本吻合。",
        ],
    ),
]


def test_a_place_whose_own_committee_is_asked_and_no_text_is_of_is_missing() -> None:
    index = index_of(CONFERENCES, SEGMENTER)
    got = answer(index, "洛阳市委经济工作会议部署了哪些工作？", SEGMENTER)
    assert got.reason is NoAnswer.MISSING and "洛阳" in got.note
    # counter-example: the untitled page opening with its city is that city's
    hits = answer(index, "郑州2018年的GDP增长目标定的是多少？", SEGMENTER).hits
    assert hits and hits[0].passage.doc == "zz_2018.txt"
