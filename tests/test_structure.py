"""Document structure: title, heading tree and the place of every paragraph."""

from __future__ import annotations

from pathlib import Path

from retrieval import corpus
from retrieval.structure import MAX_PASSAGE_CHARS, parse, split_passage

CORPUS_FILE = (
    Path(__file__).resolve().parent.parent / "corpus" / "lianzheng-tanhua-jiating-zhulian.txt"
)

P1 = "一、以赤诚之心对待组织"
P2 = "二、以责任之心对待工作"
P3 = "三、以敬畏之心对待权力"
P4 = "四、以警惕之心对待诱惑"
FAMILY = (P4, "三要树立良好家风")

# (paragraph number, opening characters, expected section path) for every body paragraph.
SEED_PATHS: list[tuple[int, str, tuple[str, ...]]] = [
    (1, "根据党内监督制度的规定", ()),
    (2, "去年X月以来", ()),
    (3, "习近平总书记强调，“领导", (P1,)),
    (4, "一要坚定理想信念。", (P1, "一要坚定理想信念")),
    (5, "二要加强理论学习。", (P1, "二要加强理论学习")),
    (6, "三要保持政治定力。", (P1, "三要保持政治定力")),
    (7, "政贵在行,事成于实。", (P2,)),
    (8, "一要担当作为敢做事。", (P2, "一要担当作为敢做事")),
    (9, "二要作风过硬肯做事。", (P2, "二要作风过硬肯做事")),
    (10, "三要创造业绩做成事。", (P2, "三要创造业绩做成事")),
    # continues the third point until the next part heading
    (11, "说到这里我想再讲两件事", (P2, "三要创造业绩做成事")),
    (12, "权力意味着责任", (P3,)),
    (13, "一要乐于接受监督。", (P3, "一要乐于接受监督")),
    (14, "二要正确看待权力。", (P3, "二要正确看待权力")),
    (15, "三要带头遵纪守法。", (P3, "三要带头遵纪守法")),
    (16, "人生的道路艰辛坎坷", (P4,)),
    (17, "一要珍惜工作机会。", (P4, "一要珍惜工作机会")),
    (18, "二要珍视个人声誉。", (P4, "二要珍视个人声誉")),
    (19, "三要树立良好家风。", FAMILY),
    (20, "如何才能发挥好家庭助廉的作用", FAMILY),
    (21, "要守得住清廉。", (*FAMILY, "要守得住清廉")),
    (22, "要提醒好配偶。", (*FAMILY, "要提醒好配偶")),
    (23, "要教育好子女。", (*FAMILY, "要教育好子女")),
    (24, "要引导好亲朋。", (*FAMILY, "要引导好亲朋")),
    # closing remarks belong to the whole speech
    (25, "同志们，今天借此机会", ()),
]


def test_every_seed_paragraph_has_its_expected_place() -> None:
    doc = corpus.read_document("speech.txt", CORPUS_FILE.read_bytes())
    assert doc.title == "在全市新任科级领导干部廉政谈话暨家庭助廉活动上的讲话"
    got = [(p.paragraph, p.section) for p in doc.passages]
    assert got == [(n, path) for n, _, path in SEED_PATHS]
    for passage, (_, opening, _) in zip(doc.passages, SEED_PATHS, strict=True):
        assert passage.text.startswith(opening)
        assert passage.title == doc.title and passage.doc == "speech.txt" and passage.part == 1


def test_passages_are_the_paragraphs_verbatim() -> None:
    lines = CORPUS_FILE.read_text(encoding="utf-8").splitlines()
    doc = parse("speech.txt", lines)
    headings = {P1, P2, P3, P4}
    assert [p.text for p in doc.passages] == [ln for ln in lines[1:] if ln not in headings]


def test_heading_tree_lists_parts_points_and_sub_points() -> None:
    doc = corpus.read_document("speech.txt", CORPUS_FILE.read_bytes())
    paths = [h.path for h in doc.headings]
    assert paths[0] == (P1,)
    assert [p for p in paths if len(p) == 1] == [(P1,), (P2,), (P3,), (P4,)]
    assert (*FAMILY, "要提醒好配偶") in paths
    first = {h.path: h.first_paragraph for h in doc.headings}
    assert first[(P1,)] == 3
    assert first[FAMILY] == 19
    assert first[(*FAMILY, "要提醒好配偶")] == 22


def test_official_heading_levels_nest_and_may_skip() -> None:
    lines = [
        "关于某项工作的通知",
        "一、总体要求",
        "（一）指导思想",
        "坚持稳中求进。",
        "1.基本原则",
        "（1）坚持问题导向",
        "聚焦突出问题。",
        "（二）目标任务",
        "到年底完成任务。",
        "二、重点工作",
        "1.加强学习",  # skips （一）
        "每月学习一次。",
    ]
    doc = parse("notice.md", lines)
    assert doc.title == "关于某项工作的通知"
    assert [(p.text, p.section) for p in doc.passages] == [
        ("坚持稳中求进。", ("一、总体要求", "（一）指导思想")),
        ("聚焦突出问题。", ("一、总体要求", "（一）指导思想", "1.基本原则", "（1）坚持问题导向")),
        ("到年底完成任务。", ("一、总体要求", "（二）目标任务")),
        ("每月学习一次。", ("二、重点工作", "1.加强学习")),
    ]


def test_paragraph_enumerations() -> None:
    lines = [
        "在学习会上的讲话",
        "第一，提高政治站位。我们要站在全局看问题。",
        "第二，狠抓工作落实。落实是关键。",
        "这一点大家都要记住。",
        "首先，要学深悟透。学习要系统。",
        "其次，要学以致用。学用结合。",
        "一是健全制度。制度管根本。",
        "二是强化监督。监督不能缺位。",
    ]
    doc = parse("talk.txt", lines)
    sections = [p.section for p in doc.passages]
    assert sections[0] == ("第一，提高政治站位",)
    assert sections[1] == ("第二，狠抓工作落实",)
    assert sections[2] == ("第二，狠抓工作落实",)  # continues the item
    assert sections[3] == ("第二，狠抓工作落实", "首先，要学深悟透")
    assert sections[4] == ("第二，狠抓工作落实", "其次，要学以致用")
    assert sections[5][-1] == "一是健全制度"
    assert sections[6][-1] == "二是强化监督"
    assert len(sections[6]) == len(sections[5])


def test_markdown_headings_and_title() -> None:
    doc = parse(
        "notes.md", ["# 党课讲稿", "## 第一部分", "正文第一段。", "### 小节", "正文第二段。"]
    )
    assert doc.title == "党课讲稿"
    assert [p.section for p in doc.passages] == [("第一部分",), ("第一部分", "小节")]


def test_title_falls_back_to_the_file_name() -> None:
    doc = parse("dir/学习材料.txt", ["这是一个很长的正文段落，没有标题行。它以句号结束。"])
    assert doc.title == "学习材料"
    assert doc.passages[0].paragraph == 1


def test_two_parallel_sentences_are_not_a_run() -> None:
    lines = ["标题", "要守得住清廉。正文。", "要提醒好配偶。正文。"]
    doc = parse("a.txt", lines)
    assert all(p.section == () for p in doc.passages)


def test_long_paragraphs_are_split_at_sentence_ends() -> None:
    sentence = "这是一句用来测试的完整句子，长度适中。"
    paragraph = sentence * 60
    pieces = split_passage(paragraph)
    assert "".join(pieces) == paragraph
    assert len(pieces) > 1
    assert all(len(p) <= MAX_PASSAGE_CHARS for p in pieces)
    assert all(p.endswith("。") for p in pieces)
    doc = parse("long.txt", ["标题", paragraph, "一个不长也不短的段落。"])
    assert [(p.paragraph, p.part) for p in doc.passages][-2:] == [(1, len(pieces)), (2, 1)]


def test_paragraphs_without_sentence_ends_are_still_cut_to_size() -> None:
    for paragraph in ("字" * 5000, ("一个没有句号的很长分句" * 30 + "，") * 8):
        pieces = split_passage(paragraph)
        assert "".join(pieces) == paragraph
        assert all(len(p) <= MAX_PASSAGE_CHARS for p in pieces)


def test_headings_with_nothing_under_them_are_passages() -> None:
    doc = parse(
        "outline.md",
        ["# 学习提纲", "一、坚定理想信念", "（一）学习党章", "（二）学习讲话", "二、加强作风建设"],
    )
    assert doc.title == "学习提纲"
    assert [(p.paragraph, p.section, p.text) for p in doc.passages] == [
        (1, ("一、坚定理想信念", "（一）学习党章"), "（一）学习党章"),
        (2, ("一、坚定理想信念", "（二）学习讲话"), "（二）学习讲话"),
        (3, ("二、加强作风建设",), "二、加强作风建设"),
    ]


def test_a_rule_list_inside_a_speech_keeps_every_rule() -> None:
    lines = [
        "关于会议的要求",
        "一、会前准备",
        "（1）会前要广泛征求意见。",
        "（2）会上要开展批评和自我批评。",
        "二、会后整改",
        "整改要有台账，逐项销号。",
    ]
    doc = parse("rules.txt", lines)
    assert [(p.section, p.text) for p in doc.passages] == [
        (("一、会前准备", "（1）会前要广泛征求意见"), "（1）会前要广泛征求意见。"),
        (("一、会前准备", "（2）会上要开展批评和自我批评"), "（2）会上要开展批评和自我批评。"),
        (("二、会后整改",), "整改要有台账，逐项销号。"),
    ]


def test_a_paragraph_styled_as_a_heading_stays_a_paragraph() -> None:
    long_title = "长" * 200  # a Word paragraph in the Title style
    long_heading = "节" * 100 + "。"
    doc = parse("notes.md", [f"# {long_title}", f"## {long_heading}", "## 一、要求", "正文。"])
    assert doc.title == "notes"
    assert [(p.section, p.text) for p in doc.passages] == [
        ((), long_title),
        ((), long_heading),
        (("一、要求",), "正文。"),
    ]


def test_a_heading_that_is_its_own_passage_is_indexed_once() -> None:
    from retrieval.index import HEADING_REPEAT, passage_terms
    from retrieval.segment import default_segmenter

    doc = parse("rules.txt", ["规定", "一、会议纪律", "（1）会上要开展批评和自我批评。"])
    (rule,) = doc.passages
    assert rule.section == ("一、会议纪律", "（1）会上要开展批评和自我批评")
    terms = passage_terms(rule, default_segmenter())
    assert terms.count("批评") == 2  # in the text, 批评和自我批评: not again from the heading
    assert terms.count("纪律") == HEADING_REPEAT  # the heading above counts as before
