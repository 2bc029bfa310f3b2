"""A quote's source: the passage saying it word for word, wherever the question points."""

from __future__ import annotations

from retrieval.search import answer
from retrieval.segment import default_segmenter
from retrieval.structure import parse
from tests.indexing import index_of

SEGMENTER = default_segmenter()


def test_a_quote_said_word_for_word_beats_passages_holding_most_of_it() -> None:
    # another province's article holds most of the quote in runs, and more of the question's
    # words; the long article whose last line says it word for word is its source
    shanghai = parse(
        "sh.md",
        [
            "# 上海市宗教事务条例",
            "第十九条 宗教团体申请筹备设立宗教活动场所的，向区宗教事务部门提出，"
            "不得由非宗教团体代为申请。",
            "第三十条 宗教院校应当按照审批核定的招生对象和规模招生。",
            "第四十一条 宗教团体可以依法兴办公益慈善事业。",
        ],
    )
    items = [f"（{n}）第{n}项应当提交的材料；" for n in "一二三四五六七八"]
    henan = parse(
        "hn.md",
        [
            "# 河南省宗教事务条例",
            "第十五条 筹备设立宗教活动场所，应当提交下列材料：",
            *items,
            "非宗教团体不得申请筹备设立宗教活动场所。",
            "第二十二条 宗教活动场所应当建立健全财务管理制度。",
            "第五十条 本条例自2019年1月1日起施行。",
        ],
    )
    index = index_of([shanghai, henan], SEGMENTER)
    asked = "“非宗教团体不得申请筹备设立宗教活动场所”这句是哪个省的宗教事务条例里的？"
    assert answer(index, asked, SEGMENTER).hits[0].passage.doc == "hn.md"
    # counter-example: a quote misremembered by a few characters is still found where most of it is
    misremembered = "“宗教团体申请筹备设立宗教活动场所向区宗教部门提出”出自哪里"
    assert answer(index, misremembered, SEGMENTER).hits[0].passage.doc == "sh.md"


def test_a_quote_no_part_of_the_text_asked_holds_is_found_where_it_is_said() -> None:
    ending = "各位代表！大道至简，实干为要。让我们更加紧密地团结起来，奋力谱写新篇章！"
    jiangxi = parse(
        "jx.txt", ["江西省政府工作报告", "一、2025年工作回顾", "过去一年经济回升。", ending]
    )
    decision = parse(
        "sh.txt",
        ["上海市一网通办决定", "一、总体要求", "推进改革。", "本决定自2021年7月1日起施行。"],
    )
    index = index_of([jiangxi, decision], SEGMENTER)
    got = answer(index, "“大道至简，实干为要”是哪个省的政府工作报告结尾说的？", SEGMENTER)
    assert got.hits[0].passage.text == ending
    # counter-example: the ending asked without a quote is still the ending
    got = answer(index, "一网通办决定的结尾说了什么", SEGMENTER)
    assert "本决定自" in got.hits[0].passage.text


def test_a_quote_the_named_text_never_says_is_found_in_the_text_that_says_it() -> None:
    rules = parse(
        "jx_tiaoli.md",
        [
            "江西省家庭教育促进条例",
            "第一条 为了注重家庭、注重家教、注重家风,推进家庭教育发展,制定本条例。",
            "第五条 家庭教育应当传承红色基因,弘扬井冈山精神、苏区精神。",
            "第八条 每年5月15日所在周为家庭教育宣传周。",
        ],
    )
    news = parse(
        "jx_xinwen.txt",
        [
            "江西省家庭教育促进条例新闻发布会召开",
            "“三个写入、三个率先”成条例特色亮点。“三个写入”是指将立德树人、"
            "家风建设和红色基因写入条例。",
            "据了解,条例是在全国教育大会之后出台的首部地方性家庭教育法规。",
        ],
    )
    index = index_of([rules, news], SEGMENTER)
    got = answer(index, "江西条例的“三个写入、三个率先”具体指什么？", SEGMENTER)
    assert got.hits and got.hits[0].passage.doc == "jx_xinwen.txt"
    # counter-example: what a text changed a quote into asks of the text named
    old = parse(
        "jieyue_2013.txt",
        [
            "党政机关厉行节约反对浪费条例(2013年)",
            "第四条 党政机关厉行节约反对浪费,应当遵循下列原则:坚持总量控制,严格执行预算。",
            "第十条 党政机关应当严格控制国内差旅人数和天数。",
            "第二十条 党政机关应当严格执行公务接待制度。",
        ],
    )
    new = parse(
        "jieyue_2025.txt",
        [
            "党政机关厉行节约反对浪费条例(2025年)",
            "第四条 党政机关厉行节约反对浪费,应当遵循下列原则:坚持从严从简,勤俭办一切事业。",
            "第十一条 出差人员应当按规定乘坐交通工具,住宿标准内的房间。",
            "第二十五条 会议应当精简,能合并的合并召开。",
        ],
    )
    index = index_of([old, new], SEGMENTER)
    got = answer(index, "新条例里把“坚持总量控制”换成了什么原则？", SEGMENTER)
    assert got.hits and got.hits[0].passage.doc == "jieyue_2025.txt"
