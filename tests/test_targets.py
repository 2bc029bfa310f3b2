"""Questions that name a document, a year, a place or a phrase: read by general rules from
each document's own metadata, with the counter-examples each rule must not break."""

from __future__ import annotations

from pathlib import Path

import pytest

from retrieval.corpus import read_document
from retrieval.dates import question_years
from retrieval.metadata import read_front_matter
from retrieval.model import Document
from retrieval.quotes import quoted_phrases
from retrieval.search import answer
from retrieval.segment import default_segmenter
from retrieval.structure import parse
from retrieval.targets import find_target
from tests.indexing import index_of


def doc(name: str, lines: list[str]) -> Document:
    return parse(name, lines)


REPORT = [
    "政府工作报告",
    "——2021年3月5日在第十三届全国人民代表大会第四次会议上",
    "一、2020年工作回顾",
    "过去一年，经济运行稳定恢复，城镇新增就业1186万人，脱贫攻坚战取得全面胜利。",
    "二、2021年重点工作",
    "今年赤字率拟按3.2%左右安排，不再发行抗疫特别国债，保持宏观政策连续性。",
]
PROVINCE = [
    "2026年政府工作报告",
    "——2026年1月28日在云南省第十四届人民代表大会第四次会议上",
    "一、2025年工作回顾",
    "全省生产总值增长5%左右，旅居人数持续增加，城乡居民收入稳步增长。",
    "深化与上海、广东等地的合作，共建产业园区。",
]
REGULATION = [
    "干部人事档案工作条例",
    "第一章 总则",
    "第一条 为了加强干部人事档案工作，根据有关党内法规和法律，制定本条例。",
]


@pytest.fixture(scope="module")
def corpus() -> tuple[Document, ...]:
    return (
        doc("report2021.txt", REPORT),
        doc("yunnan.txt", PROVINCE),
        doc("dangan.txt", REGULATION),
    )


@pytest.mark.parametrize(
    ("question", "years"),
    [
        ("2019年的目标", [2019]),
        ("二〇一九年的目标", [2019]),
        ("19年那份报告", [2019]),
        ("过去15年来的变化", []),  # a span of years, not a year
        ("近20年间", []),
        ("98年的洪水", [1998]),
        ("土地承包到期后再延长30年", []),  # a span after 延长, not 2030
        ("新中国成立70周年那年的报告", [2019]),  # dated by an anniversary
        ("改革开放40周年大会的讲话", [2018]),
        ("办法自 2015 年 10 月 3 日起施行", [2015]),  # spaced as PDFs and web pages set it
        ("第 2015 号文件，共 12 年", []),  # a number with no 年 after it is no year
        ("09版统计法里怎么规定", [2009]),  # an edition's year
        ("2024版的条例", [2024]),
        ("人民日报第10版的评论", []),  # a page, not an edition
    ],
)
def test_years_in_questions(question: str, years: list[int]) -> None:
    assert [m.year for m in question_years(question)] == years


def test_front_matter_reads_title_date_and_occasion() -> None:
    front = read_front_matter("r.txt", REPORT[0], REPORT[1:2])
    assert front.meta.date == "2021-03-05" and front.meta.kind == "报告"
    assert "2021年政府工作报告" in front.meta.names
    assert [what for _, what in front.consumed] == ["副标题"]


def test_a_generic_title_shows_its_year_and_place(corpus: tuple[Document, ...]) -> None:
    report, province, _ = corpus
    assert report.title == "政府工作报告（2021年）"
    assert province.title == "2026年政府工作报告（云南）"
    assert "云南省政府工作报告" in province.meta.names


@pytest.mark.parametrize(
    ("question", "docs"),
    [
        ("21年那份报告里赤字率是多少", {"report2021.txt"}),
        ("2021年政府工作报告说了什么", {"report2021.txt"}),
        ("云南省政府工作报告提了什么", {"yunnan.txt"}),
        ("档案条例第一条是什么", {"dangan.txt"}),  # an abbreviation of the regulation's name
        ("按档案条例，能不能把档案带到国外去", {"dangan.txt"}),
        ("赤字率是多少", None),  # names nothing: all documents
        # the genre's name (the national report's title) asked of a place is that place's
        ("云南今年的政府工作报告说旅居人数怎样", {"yunnan.txt"}),
        ("哪个省的政府工作报告讲了旅居", None),  # asks of the provinces', not the national
    ],
)
def test_named_documents(
    corpus: tuple[Document, ...], question: str, docs: set[str] | None
) -> None:
    target = find_target(question, corpus)
    assert target.missing == ""
    assert (set(target.docs) if target.docs is not None else None) == docs


@pytest.mark.parametrize(
    ("question", "docs", "missing"),
    [
        ("云南今年的政府工作报告说旅居人数怎样", {"yunnan.txt"}, ""),
        ("云南2026年政府工作报告定的目标是多少", {"yunnan.txt"}, ""),
        ("云南省优化营商环境条例第一条是什么", {"rule.txt"}, ""),
        # the place before the year: the place's report of another year is not held
        ("云南省2025年政府工作报告定的目标是多少", None, "云南省2025年政府工作报告"),
        ("云南2026年政府工作报告说2025年增长多少", {"yunnan.txt"}, ""),
    ],
)
def test_a_place_with_documents_of_several_kinds(
    corpus: tuple[Document, ...], question: str, docs: set[str] | None, missing: str
) -> None:
    rule = ["云南省优化营商环境条例", "第一章 总则", "第一条 为了持续优化营商环境，制定本条例。"]
    target = find_target(question, (corpus[0], corpus[1], doc("rule.txt", rule)))
    assert target.missing == missing
    assert (set(target.docs) if target.docs is not None else None) == docs


@pytest.mark.parametrize(
    ("question", "missing"),
    [
        ("2019年政府工作报告的赤字率是多少", "2019年政府工作报告"),  # another year
        ("2019年全国两会的政府工作报告定的赤字率", "2019年政府工作报告"),
        ("公务员法规定辞职要提前多少天", "《公务员法》"),  # a law the corpus lacks
        ("2026年中央一号文件的主题是什么", "2026年中央一号文件"),  # a genre it lacks
        ("浙江省2026年的GDP增长目标是多少", "浙江省的政府工作报告"),  # another place
        ("2026年北京市政府工作报告的目标是多少", "北京市政府工作报告"),  # its own report
        ("上海今年要筹集多少套保障性租赁住房", "上海的政府工作报告"),  # mentioned, not held
        ("河北省今年的政府工作报告办了多少件实事", "河北省政府工作报告"),
        ("2025年云南省政府工作报告定的目标是多少", "2025年云南省政府工作报告"),  # 2026 held
        ("监察法规定留置期限最长是多久", "《监察法》"),  # 监察法规定: jieba cuts 法规
        ("请问监察法规定了什么", "《监察法》"),  # not 《请问监察法》
        # the issuer every party regulation shares does not make one another's short form
        ("《中国共产党问责条例》规定的问责方式有哪些", "《中国共产党问责条例》"),
        # a regulation's name with verbs in it, not the 工作条例 the corpus holds
        ("党政领导干部选拔任用工作条例对破格提拔有什么规定", "《党政领导干部选拔任用工作条例》"),
        # regulations named 管理办法, 工作规则, 学习规则; 规定 as what they stipulate
        ("浙江省机关事务管理办法对公务用车是怎么规定的", "《浙江省机关事务管理办法》"),
        ("国务院工作规则规定常务会议多长时间开一次", "《国务院工作规则》"),
    ],
)
def test_documents_the_corpus_lacks_are_said_to_be_missing(
    corpus: tuple[Document, ...], question: str, missing: str
) -> None:
    assert find_target(question, corpus).missing == missing


@pytest.mark.parametrize(
    "question",
    [
        "对浙江工作提了什么要求",  # a place mentioned, not the place asked about
        "广义货币增长多少",  # jieba may take 广义 for a place
        "过去一年用了什么方法",  # 方法 ends in 法 but is no law
        "这个问题有什么解决办法",  # 办法 of a way to do something, 规则 of a game
        "档案工作要遵守哪些游戏规则",
        "报告里国家监察法是在哪段提的",  # a law asked about as a mention
        "云南省政府工作报告说2025年做了什么",  # a year inside a named report, not its name
        "政府工作报告说“十五五”要实施哪十大工程",  # 十大 of 十大工程 is no party congress
        "孙洪亮2019年述职里讲了哪些做法",  # a person (洪亮 is tagged a name), not a place
        "根据这个办法规定要交什么材料",  # 办法规定 names no law
        "今年是不是打算修订档案条例",  # the question's own words are no part of the name
        "去烈士纪念场所祭扫，这是条例第几条规定的",  # 这是 points at a regulation, names none
    ],
)
def test_what_only_looks_like_a_missing_document_is_not(
    corpus: tuple[Document, ...], question: str
) -> None:
    assert find_target(question, corpus).missing == ""


def test_quoted_phrases_are_kept_whole() -> None:
    assert quoted_phrases("“三个务必”是什么") == ("三个务必",)
    assert quoted_phrases("「行百里者半九十」出自哪里") == ("行百里者半九十",)
    assert quoted_phrases("没有引号的问题") == ()
    # a quote pointing at where to look names no wording the passage must hold
    assert quoted_phrases("“保增长”那年的报告里中央投资多少") == ()
    assert quoted_phrases("条例“网络素养促进”这一章对学校提了什么要求") == ()
    # ... but names the document whose title holds it
    page = doc("nx.txt", ["习近平总书记送给劳动者的“暖心”话语", "劳动是一切幸福的源泉。"])
    report = doc("bg.txt", ["政府工作报告", "今年中央预算内投资安排5000亿元。"])
    assert find_target("“暖心话语”那篇学习材料是哪天发的", (page, report)).docs == {"nx.txt"}
    assert find_target("“保增长”那年的报告里中央投资多少", (page, report)).docs is None


@pytest.mark.parametrize(
    ("text", "name"),
    [("张某收了多少钱", "张某"), ("李某某和他的家属", "李某某"), ("x某的案子", "x某")],
)
def test_anonymised_names_stay_whole(text: str, name: str) -> None:
    words = [w for w, _ in default_segmenter().words(text)]
    assert name in words


def test_words_that_start_with_mou_are_not_names() -> None:
    words = [w for w, _ in default_segmenter().words("在某些地方某种情况")]
    assert "某些" in words and "某种" in words


def test_a_banner_and_a_repeated_title_are_not_the_title() -> None:
    document = doc(
        "rule.txt",
        [
            "每周一学（2021年10月18日—24日）",
            "每周一学（2021年10月18日—24日）",
            "中国共产党纪律处分条例",
            "第一编 总则",
            "第一条 为了维护党章和其他党内法规，严肃党的纪律，制定本条例。",
        ],
    )
    assert document.title.startswith("中国共产党纪律处分条例")
    assert "纪律处分条例" in document.meta.names
    assert find_target("纪律处分条例第一条讲的什么", (document,)).docs == {"rule.txt"}


def test_a_genre_the_corpus_lacks_beside_a_held_text_is_what_that_text_applies() -> None:
    rules = [
        doc(
            f"chufen_{year}.txt",
            [
                "中国共产党纪律处分条例",
                f"（{year}年10月18日中共中央政治局会议审议通过）",
                "第一章 总则",
                "第一条 对违纪后下落不明的党员，应当区别情况作出处理，按照党章规定予以除名。",
            ],
        )
        for year in (2003, 2015)
    ]
    question = "2015年版处分条例规定，党员违纪后下落不明，超过多长时间就按党章除名？"
    target = find_target(question, rules)
    assert target.docs == {"chufen_2015.txt"} and not target.missing
    # counter-examples: the 党章 asked of itself, or with a year, is still missing
    assert find_target("党章规定预备党员的预备期是多长时间？", rules).missing == "党章"
    assert find_target("2023年党章规定预备期多长？", rules).missing == "2023年党章"


def test_a_speaker_named_alone_names_the_speech() -> None:
    report = doc(
        "r2003.txt",
        [
            "2003年政府工作报告",
            "——2003年3月5日在第十届全国人民代表大会第一次会议上",
            "国务院总理 朱镕基　  各位代表:",  # the salutation glued to the speaker's line
            "本届政府1998年3月就职，任期即将结束。现在，我代表国务院作政府工作报告。",
        ],
    )
    later = doc(
        "r2004.txt",
        ["2004年政府工作报告", "国务院总理温家宝", "各位代表：", "本届政府履行职责已经一年。"],
    )
    memorial = doc(
        "m.txt",
        [
            "在纪念胡耀邦同志诞辰100周年座谈会上的讲话",
            "习近平",
            "胡耀邦同志是久经考验的忠诚的共产主义战士。",
        ],
    )
    corpus = (report, later, memorial)
    assert (report.meta.speaker, later.meta.speaker) == ("朱镕基", "温家宝")
    assert find_target("朱镕基那届政府对工作人员提了什么要求", corpus).docs == {"r2003.txt"}
    # a person the title speaks of is not its speaker: named only with the kind of text
    assert find_target("胡耀邦同志是什么样的人", corpus).docs is None
    assert find_target("胡耀邦座谈会讲话说了什么", corpus).docs == {"m.txt"}
    # a body of thought named after a speaker is not his speech
    assert find_target("习近平同志怎么评价胡耀邦", corpus).docs == {"m.txt"}
    assert find_target("习近平文化思想是在哪次会上提出的", corpus).docs is None
    assert find_target("习近平谈胡耀邦的思想作风", corpus).docs == {"m.txt"}


def test_a_party_document_no_text_is_of_or_about_is_missing(corpus: tuple[Document, ...]) -> None:
    assert find_target("二十大报告里关于全面从严治党讲了哪几条", corpus).missing == "二十大报告"
    assert find_target("十九届五中全会公报提出了哪些目标", corpus).missing == "十九届五中全会公报"
    # a congress spoken of, not a document named; a question about a mention
    assert find_target("十八大以来全面从严治党有什么成效", corpus).missing == ""
    assert find_target("哪份文件提到了二十大报告", corpus).missing == ""
    # a text about the plenum (the 说明 of its 决定) may answer
    explanation = doc(
        "s.txt",
        [
            "关于《中共中央关于全面深化改革若干重大问题的决定》的说明",
            "党的十八大之后，中央即着手考虑十八届三中全会的议题。",
            "中央政治局决定党的十八届三中全会研究全面深化改革问题，成立文件起草组。",
            "党的十八届三中全会重点研究全面深化改革问题，起草组历时7个月。",
        ],
    )
    asked = "十八届三中全会决定的起草组花了多长时间？"
    assert find_target(asked, (*corpus, explanation)).missing == ""


def test_a_period_or_a_question_word_numbers_no_missing_session(
    corpus: tuple[Document, ...],
) -> None:
    speech = doc(
        "jiwei.txt",
        [
            "在十九届中央纪委六次全会上的讲话",
            "一、党的十八大以来全面从严治党取得历史性成就",
            "全面从严治党永远在路上，党的自我革命永远在路上。",
        ],
    )
    held = (*corpus, speech)
    # the speech of another numbered session is missing…
    assert find_target("二十届中央纪委三次全会上的讲话讲了什么", held).missing
    # …but 十八大以来 dates a period, and 哪一届 asks which session: neither names one,
    # nor takes the speech of the 十九届 session named otherwise away
    assert find_target("讲话里总结党的十八大以来管党治党的规律性认识", held).missing == ""
    assert find_target("这篇讲话是在哪一届中央纪委全会上讲的", held).missing == ""
    since = find_target("中央纪委六次全会的讲话说十八大以来有哪些成就", held)
    assert since.docs == {"jiwei.txt"}


def test_the_nations_report_is_not_a_provinces() -> None:
    # the national reports of 2023–2025 and two provinces' of 2026, as published
    folder = Path(__file__).parent / "data" / "corpora" / "reports_2023_2025" / "docs"
    corpus = tuple(read_document(p.name, p.read_bytes()) for p in sorted(folder.glob("*.txt")))
    lacking = find_target("2026年全国政府工作报告的赤字率安排是多少？", corpus)
    assert lacking.missing == "2026年全国政府工作报告" and lacking.docs is None
    national = find_target("2024年国务院的政府工作报告里赤字率", corpus)
    assert national.docs == {"zhengfu_gongzuo_baogao_2024.txt"}
    # counter-examples: the province's report, whatever national words come near it
    jiangxi = {"jiangxi_zhengfu_gongzuo_baogao_2026.txt"}
    assert find_target("2026年江西省政府工作报告的赤字率", corpus).docs == jiangxi
    assert find_target("全国人大代表热议的2026年江西省政府工作报告", corpus).docs == jiangxi


def test_a_place_named_without_province_or_region_asks_of_its_own_report() -> None:
    folder = Path(__file__).parent / "data" / "corpora" / "reports_2023_2025" / "docs"
    corpus = tuple(read_document(p.name, p.read_bytes()) for p in sorted(folder.glob("*.txt")))
    # the corpus holds 江西's and 辽宁's 2026 reports, not 西藏's
    for question in ("2026年西藏政府工作报告的就业目标", "西藏自治区2026年政府工作报告的就业目标"):
        target = find_target(question, corpus)
        assert "西藏" in target.missing and target.docs is None
    jiangxi = {"jiangxi_zhengfu_gongzuo_baogao_2026.txt"}
    assert find_target("江西2026年政府工作报告的就业目标", corpus).docs == jiangxi
    # the nation is no place: 中国政府工作报告 is the national report
    national = find_target("2024年中国政府工作报告的赤字率", corpus)
    assert not national.missing and national.docs == {"zhengfu_gongzuo_baogao_2024.txt"}
    assert find_target("今年的江西政府工作报告讲了什么", corpus).docs == jiangxi


def test_the_year_said_with_the_kind_names_the_report_and_another_is_asked_of() -> None:
    reports = [
        doc(
            f"gd{year}.txt",
            [
                f"广东省{year}年政府工作报告",
                f"{year - 1}年全省地区生产总值增长{growth}%。",
                f"{year}年主要预期目标：地区生产总值增长5%以上。",
            ],
        )
        for year, growth in ((2022, 8.0), (2023, 1.9))
    ]
    assert find_target("2023年报告说2022年全省生产总值增长多少", reports).docs == {"gd2023.txt"}
    # counter-example: with no year beside the kind, either year may name it
    named = find_target("2022年和2023年的报告说生产总值增长多少", reports).docs
    assert named == {"gd2022.txt", "gd2023.txt"}


def test_a_day_names_the_issue_of_a_weekly_column_dated_so() -> None:
    issues = [
        doc(
            f"jd{n}.txt",
            [
                f"每周一学（2024年4月{day}日-{end}）《中国共产党纪律处分条例》增改重点条文解读{n}",
                f"2024-04-{day}",
                f"本期解读第{article}条。",
            ],
        )
        for n, day, end, article in ((1, 22, "4月28日", "十九"), (2, 29, "5月5日", "三十"))
    ]
    assert find_target("2024年4月29日那期纪律处分条例解读讲哪一条", issues).docs == {"jd2.txt"}
    # counter-example: the year alone tells neither
    assert find_target("2024年纪律处分条例解读讲哪一条", issues).docs == {"jd1.txt", "jd2.txt"}


def test_an_anniversary_and_its_event_tell_two_speeches_of_one_week_apart() -> None:
    rally = doc(
        "rally.txt",
        [
            "习近平在纪念中国人民抗日战争暨世界反法西斯战争胜利70周年大会上的讲话",
            "（2015年9月3日）",
            "前进道路上，全国各族人民要在中国共产党领导下，弘扬伟大的爱国主义精神。",
        ],
    )
    reception = doc(
        "reception.txt",
        [
            "在纪念中国人民抗日战争暨世界反法西斯战争胜利70周年招待会上的讲话",
            "（2015年9月3日）",
            "我代表中国政府和中国人民，向远道而来的各位嘉宾表示热烈的欢迎。",
        ],
    )
    corpus = (rally, reception)
    assert find_target("70周年大会那篇讲话结尾号召什么", corpus).docs == {"rally.txt"}
    assert find_target("70周年招待会上的讲话欢迎了谁", corpus).docs == {"reception.txt"}
    assert find_target("70周年纪念大会上的讲话号召什么", corpus).docs == {"rally.txt"}
    # the anniversary alone tells neither from the other
    assert find_target("70周年的讲话", corpus).docs is None


def test_a_birth_anniversary_names_the_speech_of_that_person_and_number() -> None:
    folder = Path(__file__).parent / "data" / "corpora" / "speeches_by_occasion" / "docs"
    corpus = tuple(read_document(p.name, p.read_bytes()) for p in sorted(folder.glob("*.txt")))
    mao = {"mao_zedong_120_zuotanhui_jianghua_2013.txt"}
    assert find_target("纪念毛主席诞辰120周年座谈会上讲了什么", corpus).docs == mao
    assert find_target("毛泽东诞辰一百二十周年座谈会讲话的结尾", corpus).docs == mao
    hu = {"hu_yaobang_110_zuotanhui_jianghua_2025.txt"}
    assert find_target("纪念胡耀邦同志诞辰110周年的讲话", corpus).docs == hu
    # another number, or another person, than the speeches held: missing
    assert find_target("纪念毛泽东同志诞辰130周年座谈会讲了什么", corpus).missing
    assert find_target("纪念周恩来同志诞辰120周年座谈会讲了什么", corpus).missing
    # counter-examples: a question about a mention, and a corpus with no such speech
    assert not find_target("哪篇讲话提到纪念周恩来同志诞辰120周年", corpus).missing
    reports = Path(__file__).parent / "data" / "corpora" / "reports_2023_2025" / "docs"
    others = tuple(read_document(p.name, p.read_bytes()) for p in sorted(reports.glob("*.txt")))
    assert not find_target("纪念周恩来同志诞辰120周年座谈会讲了什么", others).missing


def test_a_rule_that_stipulates_is_no_second_document(corpus: tuple[Document, ...]) -> None:
    # 第七条规定的: 规定 is what the article does, so the question names one regulation
    lacking = find_target("《中国共产党问责条例》第七条规定的问责方式有哪几种", corpus)
    assert lacking.missing == "《中国共产党问责条例》"
    held = find_target("干部人事档案工作条例第一条规定了什么", corpus)
    assert not held.missing and held.docs == {"dangan.txt"}


def test_a_speaker_is_no_place_and_a_title_repeated_with_other_spacing_is_one_title() -> None:
    first = doc(
        "kaixue2019.txt",
        [
            "竖直脊梁 立定脚跟 心怀梦想 勇敢前行——2019学年第一学期开学典礼讲话",
            "竖直脊梁  立定脚跟  心怀梦想  勇敢前行",
            "——2019学年第一学期开学典礼讲话",
            "各位嘉宾、家长、老师们、同学们，大家好！",
            "今天开学典礼我的讲话题目为“竖直脊梁，立定脚跟，心怀梦想，勇敢前行”。",
        ],
    )
    assert first.title == "竖直脊梁 立定脚跟 心怀梦想 勇敢前行"
    second = doc(
        "kaixue2021.txt",
        [
            "乘风破浪，逐梦扬帆——在2020学年第二学期开学典礼上的讲话",
            "王琛",
            "老师们、同学们：今天，新的学期、新的征程已经开启，希望全体师生发扬“三牛”精神。",
        ],
    )
    assert second.meta.speaker == "王琛"
    # the one speaker's name does not make the other speech "another place's"
    question = "王琛校长2019学年第一学期开学典礼讲话的题目是什么？"
    assert find_target(question, (first, second)).docs == {"kaixue2019.txt"}


def test_a_speech_asked_for_by_an_occasion_no_document_comes_near_is_missing() -> None:
    speeches = (
        doc(
            "kaixue.txt",
            [
                "乘风破浪，逐梦扬帆——在2020学年第二学期开学典礼上的讲话",
                "王琛",
                "老师们、同学们：今天，新的学期、新的征程已经开启，希望全体师生发扬“三牛”精神。",
            ],
        ),
        doc(
            "bundle.txt",
            [
                "【2019年1月学习材料】",
                "本月推荐的是市长1月21日在市政府八届五次全体会议上的讲话，供大家学习。",
                "大道至简、实干为要。刚刚闭幕的市“两会”，描绘了今年发展的蓝图，我们要只争朝夕。",
            ],
        ),
    )
    lacking = find_target("王琛在2020届高三毕业典礼上的讲话说了什么？", speeches)
    assert lacking.missing == "在2020届高三毕业典礼上的讲话"
    # counter-examples: an occasion held (in a title, or in a bundle's opening lines), and
    # one too vague to name any
    assert not find_target("在2020学年第二学期开学典礼上的讲话讲了什么", speeches).missing
    assert not find_target("市长在市政府全体会议上的讲话分哪三个方面？", speeches).missing
    assert not find_target("在这次会上讲了什么", speeches).missing
    # what was said at an occasion, asked with 提了 as with 讲了; a news report of a meeting
    # makes it held (…工作会议在杭召开): 网信工作会议 abbreviates it
    asked = "习近平在庆祝共青团成立100周年大会上对团员青年提了哪些要求？"
    assert find_target(asked, speeches).missing == "在庆祝共青团成立100周年大会上的讲话"
    news = doc(
        "wangxin.txt",
        [
            "【2018年7月学习材料】",
            "6月29日下午，全省网络安全和信息化工作会议在杭召开。省委书记在会上强调，要建设网络强省。",
            "省长主持会议并强调，要提高政治站位，压实网信工作责任。",
        ],
    )
    assert not find_target("网信工作会议上省长强调了哪几点？", (*speeches, news)).missing
    # …also where a later part of a bundle begins with the report of the meeting
    bundle = doc(
        "b.txt",
        [
            "【2018年8月学习材料】",
            "01习近平：推动共建“一带一路”走深走实造福人民",
            "推进“一带一路”建设工作5周年座谈会27日在北京召开，习近平出席座谈会并发表重要讲话。",
            "02习近平：举旗帜聚民心育新人兴文化展形象",
            "全国宣传思想工作会议8月21日至22日在北京召开，习近平出席会议并发表重要讲话。",
        ],
    )
    asked = "总书记在全国宣传思想工作会议上对县级融媒体中心提了什么要求？"
    assert not find_target(asked, (*speeches, bundle)).missing


def test_an_autonomous_region_is_named_without_its_people_and_a_year_inside_a_name() -> None:
    reports = (
        doc("ningxia.txt", ["2026年宁夏回族自治区政府工作报告", "全区地区生产总值增长5%左右。"]),
        doc("hainan.txt", ["2026年海南省政府工作报告", "全省地区生产总值增长6%左右。"]),
    )
    assert find_target("宁夏2026年政府工作报告里GDP目标", reports).docs == {"ningxia.txt"}
    this_year = find_target("宁夏今年的政府工作报告定的目标", reports)
    assert "ningxia.txt" in (this_year.docs or this_year.preferred)
    # counter-example: a region the corpus does not hold is still missing
    assert find_target("广西壮族自治区政府工作报告的目标", reports).missing


def test_a_speaker_names_no_speech_of_another_anniversary() -> None:
    sun = doc(
        "sun.txt",
        [
            "习近平：在纪念孙中山先生诞辰150周年大会上的讲话",
            "150年前，孙中山先生出生之时，中国正遭受帝国主义列强的野蛮侵略。",
        ],
    )
    bundle = doc(
        "wusi.txt",
        [
            "【2019年5月学习材料】",
            "在纪念五四运动100周年大会上的讲话",
            "今年是五四运动100周年，新时代中国青年要听党话、跟党走。",
        ],
    )
    held = (sun, bundle)
    asked = find_target("习近平在纪念五四运动100周年大会上对青年提了哪几点要求", held)
    assert "sun.txt" not in (asked.docs or frozenset())
    # counter-examples: the same anniversary, or the speaker alone, still name the speech
    assert find_target("习近平在纪念孙中山150周年大会上讲了什么", held).docs == {"sun.txt"}
    assert find_target("习近平的讲话怎么评价孙中山", held).docs == {"sun.txt"}


def test_a_news_report_is_named_by_the_meeting_it_reports() -> None:
    news = doc(
        "cewc.txt",
        [
            "中央经济工作会议在北京举行 习近平发表重要讲话",
            "（2025年12月11日）",
            "新华社北京12月11日电 中央经济工作会议12月10日至11日在北京举行。",
            "会议指出，我国经济发展中老问题、新挑战仍然不少，外部环境变化影响加深。",
        ],
    )
    assert {"中央经济工作会议", "2025年中央经济工作会议"} <= set(news.meta.names)
    asked = find_target("2025年中央经济工作会议认为经济发展面临哪些挑战？", (news,))
    assert asked.docs == {"cewc.txt"}
    # counter-example: a title about a person's visit names no meeting
    visit = doc(
        "visit.txt", ["习近平在黑龙江考察时强调", "习近平在黑龙江考察时首次提出新质生产力。"]
    )
    assert not any(n.endswith(("会议", "大会")) for n in visit.meta.names)


def test_a_places_regulation_is_not_the_national_one_of_that_name() -> None:
    national = doc(
        "yingshang.txt",
        ["优化营商环境条例", "第一章 总则", "第一条 为了持续优化营商环境，制定本条例。"],
    )
    news = doc(
        "cewc.txt",
        ["中央经济工作会议在北京举行", "中央经济工作会议12月10日至11日在北京举行。"],
    )
    held = (national, news)
    asked = find_target("北京市优化营商环境条例是哪年通过的？", held)
    # missing, and not the report of a meeting that was held in 北京
    assert asked.missing == "《北京市优化营商环境条例》"
    assert find_target("北京市政府工作报告提出了哪些任务", held).missing
    # counter-examples: the national one, by its name or with its issuer
    assert find_target("优化营商环境条例第三条", held).docs == {"yingshang.txt"}
    assert find_target("国务院优化营商环境条例第三条", held).docs == {"yingshang.txt"}


def test_a_law_is_the_version_of_its_last_revision_and_named_by_its_short_name() -> None:
    def law(name: str, revised: list[str]) -> Document:
        lines = [
            "# 中华人民共和国公司法",
            "1993年12月29日 第八届全国人民代表大会常务委员会第五次会议通过",
        ]
        lines += [*revised, "第一章 总则", "第一条 为了规范公司的组织和行为，制定本法。"]
        return doc(name, lines)

    old = law(
        "gs2018.txt",
        [
            "2013年12月28日 第十二届全国人民代表大会常务委员会第六次会议《关于修改〈中华人民共和国"
            "海洋环境保护法〉等七部法律的决定》第三次修正",
            "根据2018年10月26日第十三届全国人民代表大会常务委员会第六次会议《关于修改〈中华人民共和国"
            "公司法〉的决定》第四次修正",
        ],
    )
    new = law("gs2023.txt", ["2023年12月29日 第十四届全国人民代表大会常务委员会第七次会议修订"])
    assert (old.meta.year, old.meta.kind, new.meta.year) == (2018, "法律", 2023)
    assert {"公司法", "2018年公司法"} <= set(old.meta.names)
    laws = (old, new)
    assert find_target("2018年版公司法规定董事任期最长几年", laws).docs == {"gs2018.txt"}
    assert find_target("2023年公司法规定的工会集体合同", laws).docs == {"gs2023.txt"}
    assert find_target("公司法规定董事会几个人", laws).docs == {"gs2018.txt", "gs2023.txt"}
    # the new or current edition is the latest; the old one the others
    assert find_target("新公司法里党组织是什么定位", laws).docs == {"gs2023.txt"}
    assert find_target("新修订的公司法从哪天起施行", laws).docs == {"gs2023.txt"}
    assert find_target("按现行公司法，章程由谁制定", laws).docs == {"gs2023.txt"}
    assert find_target("旧公司法规定董事会几个人", laws).docs == {"gs2018.txt"}
    assert find_target("修订后的公司法从哪天起施行", laws).docs == {"gs2023.txt"}
    assert find_target("新旧公司法有什么区别", laws).docs == {"gs2018.txt", "gs2023.txt"}
    # a revision 根据 a decision, and a history written on one line, date the law too
    securities = doc(
        "zq.txt",
        [
            "中华人民共和国证券法",
            "（1998年12月29日第九届全国人民代表大会常务委员会第六次会议通过 2019年12月28日"
            "第十三届全国人民代表大会常务委员会第十五次会议修订）",
            "第一条 为了规范证券发行和交易行为，制定本法。",
        ],
    )
    assert securities.meta.year == 2019
    with_securities = (*laws, securities)
    both = find_target("新公司法和证券法怎么衔接", with_securities).docs
    assert both == {"gs2023.txt", "zq.txt"}  # the other law named stays
    # 公司法人 and 中华人民共和国成立 name no law
    assert find_target("公司法人财产权是什么", with_securities).docs is None
    assert find_target("中华人民共和国成立以来取得了哪些成就", with_securities).docs is None
    # counter-example: a title that only ends in 法 is no law
    method = doc("m.txt", ["新时代群众工作方法", "群众工作要讲究方法，深入基层，倾听群众呼声。"])
    assert method.meta.kind != "法律"


def test_a_speechs_own_opening_does_not_make_another_occasion_held() -> None:
    tsinghua = doc(
        "qinghua.txt",
        [
            "胡锦涛在庆祝清华大学建校100周年大会上的讲话",
            "90年前，中国共产党应运而生。今天我们在这里隆重集会，庆祝清华大学建校100周年。",
        ],
    )
    asked = "胡锦涛在庆祝中国共产党成立90周年大会上的讲话讲了什么？"
    assert find_target(asked, (tsinghua,)).missing == "在庆祝中国共产党成立90周年大会上的讲话"
    assert not find_target("胡锦涛在清华大学建校100周年大会上的讲话", (tsinghua,)).missing


def test_a_short_year_the_corpus_never_speaks_of_is_a_number_of_years() -> None:
    summary = doc(
        "zs2024.txt",
        [
            "新中国成立75周年卫生健康事业发展综述（2024年）",
            "新中国成立75年来，我国用相对较少的投入解决了约六分之一人口的看病就医问题。",
        ],
    )
    report = doc(
        "r2022.txt",
        [
            "2022年政府工作报告",
            "今年发展主要预期目标是国内生产总值增长5.5%左右。",
            "城镇新增就业1100万人以上，城镇调查失业率全年控制在5.5%以内。",
            "居民消费价格涨幅3%左右，粮食产量保持在1.3万亿斤以上。",
            "赤字率拟按2.8%左右安排，比去年有所下调。",
            "1978年改革开放以来，我国经济持续较快增长。",
        ],
    )
    index = index_of([summary, report], default_segmenter())
    said = index.years_said
    assert 2023 in said and 2019 in said  # near the documents' own years
    assert 1975 not in said
    assert 1998 not in said  # far from the documents' years and written nowhere
    assert 1978 in said  # far from them, but a passage writes it
    # 75年 of 75年卫生健康综述 is no year; 23年 of 23年政府工作报告 is, and one the corpus lacks
    assert (
        find_target("75年卫生健康综述说解决了多少人口的看病问题", index.catalog, said).years == ()
    )
    missing = find_target("23年政府工作报告的GDP目标", index.catalog, said).missing
    assert missing == "2023年政府工作报告"
    hits = answer(
        index, "75年卫生健康综述说用较少投入解决了多少人口的看病问题", default_segmenter()
    ).hits
    assert hits and "六分之一" in hits[0].passage.text
