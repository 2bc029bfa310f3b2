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
