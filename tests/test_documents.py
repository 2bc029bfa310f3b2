"""Real documents: metadata, structure that closes what it opens, and clutter removed by
general rules, checked on the shared real corpus and on counter-examples the rules must
not break."""

from __future__ import annotations

import re
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from retrieval.boilerplate import clean
from retrieval.corpus import read_document
from retrieval.datelines import is_dateline
from retrieval.history import is_history
from retrieval.ingest import text_lines
from retrieval.model import Document
from retrieval.structure import parse, parse_lines
from retrieval.targets import find_target

REALDEV = Path(__file__).resolve().parent.parent.parent / "shared" / "realdev" / "docs"
needs_realdev = pytest.mark.skipif(not REALDEV.is_dir(), reason="../shared/realdev is not beside")
SALUTATION = re.compile(r"^(同志们|朋友们|各位代表|代表们)[、，,！!：:]*(朋友们)?[！!：:]?$")


@cache
def real(name: str) -> Document:
    return read_document(name, (REALDEV / name).read_bytes())


def real_names() -> list[str]:
    return sorted(p.name for p in REALDEV.glob("*.txt")) if REALDEV.is_dir() else []


@needs_realdev
@pytest.mark.parametrize("name", real_names())
def test_no_passage_is_a_salutation_dateline_page_line_or_widget(name: str) -> None:
    for p in real(name).passages:
        text = p.text.strip()
        assert not SALUTATION.match(text), text
        assert not re.search(r"^[（(]?新华社\S{0,8}\d+月\d+日电[）)]?$", text), text
        assert not re.search(r"《\s*人民日报\s*》\s*[（(]", text), text
        assert not re.match(r"^[（(]?(来源|责编|编辑)[:：]", text), text
        assert text not in ("下载", "打印", "全屏", "收藏", "】", "相关报道：")
        assert len(re.sub(r"\W", "", text)) >= 4, text  # no bare fragment


@needs_realdev
@pytest.mark.parametrize("name", real_names())
def test_nothing_of_the_text_is_lost(name: str) -> None:
    """Every line longer than a credit or an advert comes back in some passage, and every
    removed line is short."""
    raw = text_lines(name, (REALDEV / name).read_bytes())
    cleaned = clean(raw)
    assert all(len(r.line) <= 60 for r in cleaned.removed)
    passages = "\n".join(p.text for p in real(name).passages)
    for line in raw:
        if len(line) > 60:
            assert line[:60].strip() in passages or line.strip()[:30] in passages, line[:40]


@needs_realdev
def test_front_matter_describes_the_document() -> None:
    speech = real("jiandang_95zhounian_jianghua_2016.txt")
    assert speech.meta.speaker == "习近平"
    assert (speech.meta.date, speech.meta.year, speech.meta.kind) == ("2016-07-01", 2016, "讲话")
    assert "庆祝中国共产党成立95周年大会" in speech.meta.occasion
    texts = {p.text for p in speech.passages}
    assert not texts & {"习近平", "在庆祝中国共产党成立95周年大会上的讲话"}
    # the date line under the title is its dateline: one passage, which only answers when
    # the speech was given
    assert speech.passages[0].text == "（2016年7月1日）" and is_dateline(speech.passages[0])
    assert not any(is_dateline(p) for p in speech.passages[1:])

    report = real("zhengfu_gongzuo_baogao_2021.txt")
    assert report.title == "政府工作报告（2021年）"
    assert report.meta.date == "2021-03-05"
    assert "2021年政府工作报告" in report.meta.names

    congress = real("shijiuda_baogao_2017.txt")
    assert {"十九大", "十九大报告"} <= set(congress.meta.names)
    assert congress.meta.subtitle == "在中国共产党第十九次全国代表大会上的报告"

    decision = real("ershijie_sanzhong_quanhui_jueding_2024.txt")
    assert {"二十届三中全会", "三中全会决定"} <= set(decision.meta.names)
    # no title halves: the adoption line, then the text
    assert decision.passages[0].text.endswith("第三次全体会议通过）")
    assert decision.passages[1].text.startswith("为贯彻落实党的二十大")

    rural = real("zhongyang_yihao_wenjian_2025.txt")
    assert "2025年中央一号文件" in rural.meta.names


@needs_realdev
def test_enumerations_close_and_salutations_open_the_next_stretch() -> None:
    report = real("zhengfu_gongzuo_baogao_2017.txt")

    def section(opening: str) -> tuple[str, ...]:
        return next(p.section for p in report.passages if p.text.startswith(opening))

    # after 各位代表！ in part one: back to the part, not under the last 八是
    assert section("过去一年取得的成绩") == ("一、2016年工作回顾",)
    # after the last heading's salutations: the closing parts belong to the whole report
    closing = [p for p in report.passages if "国防" in p.text[:30] or "港澳" in p.text[:30]]
    assert closing and all(p.section == () for p in closing)
    # a list announcer does not fall under the item before it
    assert section("一年来，我们主要做了") == ("一、2016年工作回顾",)


@needs_realdev
def test_lead_sentences_keep_their_words() -> None:
    speech = real("zhongjiwei_liuci_quanhui_jianghua_2016.txt")
    labels = {label for p in speech.passages for label in p.section}
    assert any(label.startswith("第一，严明党的政治纪律，") for label in labels)
    assert not any(re.fullmatch(r"第[一二三四五六七八九十]+[，,]?", label) for label in labels)


@needs_realdev
def test_a_regulation_files_each_article_under_its_chapter() -> None:
    rule = real("lixing_jieyue_fandui_langfei_tiaoli_2025.txt")
    tenth = [p for p in rule.passages if p.section[-1:] == ("第十条",)]
    assert tenth and tenth[0].text.startswith("第十条")
    assert "第二章 经费管理" in tenth[0].section
    cases = next(p for p in rule.passages if p.text.startswith("第五十八条"))
    assert "（一）未经审批列支财政性资金" in cases.text  # the cases belong to their article


def test_a_heading_broken_over_two_lines_is_joined() -> None:
    doc = parse("a.txt", ["学习提纲", "一、坚持和完善", "制度体系", "要把制度优势转化为治理效能。"])
    assert doc.passages[0].section == ("一、坚持和完善制度体系",)


def test_another_platforms_contact_lines_are_not_the_title() -> None:
    lines = [
        "更多范文请关注公众号：xuexi123",
        "加微信 abc12345 获取全套资料",
        "关于加强理论学习的通知",
        "各支部要认真组织学习，每月不少于一次。",
        "关注我们的公众号，获取更多材料",
    ]
    cleaned = clean(lines)
    doc = parse("n.txt", list(cleaned.lines))
    assert doc.title == "关于加强理论学习的通知"
    assert [p.text for p in doc.passages] == ["各支部要认真组织学习，每月不少于一次。"]
    assert len(cleaned.removed) == 3


def test_clutter_rules_keep_their_counter_examples() -> None:
    keep = [
        "要关注群众的呼声，回应群众的期盼。",  # 关注 in a sentence
        "时间：3月5日下午两点",  # a notice's time, not a timestamp
        "一、做好党报党刊订阅工作",  # 订阅 with no platform signature
        "下载工作要在月底前完成。",  # a widget word inside a sentence
        "2021年来源于群众的意见有120条。",  # 来源 in a sentence after a year
    ]
    assert list(clean(keep).lines) == keep
    # a page's date and source on one line is clutter
    assert not clean(["2021-08-28来源：“学习强国”学习平台"]).lines


def test_a_line_too_short_to_quote_joins_its_neighbour() -> None:
    doc = parse("r.txt", ["条例", "全文如下：", "第一条 为了加强管理，制定本条例。"])
    assert len(doc.passages) == 1
    assert doc.passages[0].text.startswith("全文如下：\n第一条")


@needs_realdev
def test_outline_shows_metadata_tree_passages_and_removed_lines() -> None:
    path = REALDEV / "zhengfu_gongzuo_baogao_2021.txt"
    out = subprocess.run(
        [sys.executable, "-m", "bot.cli", "outline", str(path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "标题：政府工作报告（2021年）" in out
    assert "2021年政府工作报告" in out
    assert "三、2021年重点工作" in out
    assert "[新闻附注：报纸版面] 《 人民日报 》（ 2021年03月13日 01 版）" in out
    assert "[称呼语，开启下一部分] 各位代表！" in out


def test_back_matter_is_outside_the_numbered_parts() -> None:
    doc = parse(
        "r.txt",
        [
            "政府工作报告",
            "一、2026年重点工作",
            "（一）稳住经济大盘，促进经济运行在合理区间。今年要继续实施积极的财政政策。",
            "名词解释",
            "1.“两新”：是指大规模设备更新和消费品以旧换新。",
        ],
    )
    first, glossary = doc.passages
    # a numbered heading that runs on into its text keeps its whole first sentence
    assert first.section == ("一、2026年重点工作", "（一）稳住经济大盘，促进经济运行在合理区间")
    assert glossary.section[0] == "名词解释"


def test_a_numbered_heading_is_never_inside_a_run_in_item() -> None:
    lines = [
        "政府工作报告",
        "一、过去五年工作回顾",
        "——这五年，综合国力显著提高。经济总量跃上新台阶。",
        "——这五年，改革开放取得重大进展。重点领域改革实现新突破。",
        "（一）加强和改善宏观调控。我们及时调整政策取向，保持经济平稳较快发展。",
        "二、今年的工作",
        "第一，稳增长。要扩大有效需求，下面讲三点：",
        "1．扩大消费。" + "提高居民收入，增强消费能力，" * 8 + "让消费成为主引擎。",
        "2．扩大投资。" + "用好地方政府专项债券，" * 10 + "带动社会投资。",
    ]
    sections = {p.text[:4]: p.section for p in parse("r.txt", lines).passages}
    assert sections["（一）加"] == ("一、过去五年工作回顾", "（一）加强和改善宏观调控")
    # an item that announces its sub-points keeps them
    assert sections["1．扩大"][:2] == ("二、今年的工作", "第一，稳增长")


def test_a_lone_numbered_line_after_a_colon_is_a_heading_and_a_list_of_cases_is_not() -> None:
    lines = [
        "政府工作报告",
        "三、今年的工作",
        "完成全年目标，要重点抓好两个方面工作：",
        "（一）全力推动经济稳定增长。把稳增长作为工作重心，带动全局。",
        "充分释放消费潜力。落实消费政策，实施提振消费行动。",
        "（二）加快建设现代化产业体系。巩固壮大实体经济根基。",
        "第十条 有下列情形之一的，不得录用：",
        "（一）受过刑事处罚的；",
        "（二）被开除公职的。",
    ]
    doc = parse("r.txt", lines)
    sections = {p.text[:4]: p.section for p in doc.passages}
    assert sections["充分释放"][-1] == "（一）全力推动经济稳定增长"
    cases = next(p for p in doc.passages if p.text.startswith("第十条"))
    assert "（二）被开除公职的。" in cases.text


def test_any_form_of_address_is_a_salutation() -> None:
    lines = [
        "在座谈会上的讲话",
        "第一，要有理想信念。理想信念是根本。",
        "各位老师、同学们!",
        "好老师不是天生的，是在实践中成长起来的。",
    ]
    parsed = parse_lines("t.txt", lines)
    assert parsed.salutations == ("各位老师、同学们!",)
    closing = parsed.document.passages[-1]
    assert closing.text.startswith("好老师") and closing.section == ()


def test_points_sharing_their_opening_clause_are_told_apart() -> None:
    lines = [
        "在大会上的讲话",
        "——在前进道路上，我们要始终弘扬劳模精神、劳动精神，为中国经济社会发展汇聚强大正能量。",
        "——在前进道路上，我们要始终坚持人民主体地位，充分调动工人阶级和广大劳动群众的积极性。",
    ]
    sections = [p.section[-1] for p in parse("t.txt", lines).passages]
    assert len(set(sections)) == 2 and all(s.startswith("在前进道路上") for s in sections)


def test_the_last_item_of_a_list_keeps_no_more_than_its_siblings_did() -> None:
    lines = [
        "政府工作报告",
        "一是有效应对国际金融危机。过去五年，我们沉着应对冲击。",
        "我们果断调整宏观经济政策，实施一揽子计划。",
        "二是切实加强政府自身建设。我们推进依法行政。",
        "我们坚持科学民主决策，自觉接受监督。",
        "今年经济社会发展的主要预期目标是：国内生产总值增长7.5%左右。",
        "继续实施积极的财政政策。今年拟安排财政赤字1.2万亿元。",
    ]
    sections = {p.text[:4]: p.section for p in parse("r.txt", lines).passages}
    assert sections["我们果断"] == ("一是有效应对国际金融危机",)  # an item spans paragraphs
    assert sections["我们坚持"] == ("二是切实加强政府自身建设",)
    assert sections["今年经济"] == () and sections["继续实施"] == ()


def test_a_headline_of_two_parallel_phrases_heads_its_text() -> None:
    lines = [
        "警示教育",
        "他曾是一名优秀的年轻干部，却在金钱面前迷失了方向。",
        "放松学习，私欲膨胀",
        "2011年初，他与侄子商议，在自己辖区开了一家汽车美容店，利用职权为店里招揽生意，从中牟利。",
        "自视高明，隐蔽受贿",
        "快递邮寄，是他为规避查处而采取的另一种受贿方式，中秋节前的月饼礼盒里塞满了现金和购物卡。",
    ]
    sections = [p.section for p in parse("c.txt", lines).passages]
    assert sections[1:] == [("放松学习，私欲膨胀",), ("自视高明，隐蔽受贿",)]


def test_a_congress_report_is_named_by_the_congress_its_opening_names() -> None:
    lines = [
        "高举中国特色社会主义伟大旗帜",
        "为全面建设社会主义现代化国家而团结奋斗",
        "——在中国共产党第二十次全国代表大会上的报告",
        "（2022年10月16日）",
        "同志们：",
        "现在，我代表第十九届中央委员会向大会作报告。",
        "一、过去五年的工作和新时代十年的伟大变革",
        "十八大召开已经十年了。十年来，我们经历了对党和人民事业具有重大现实意义的三件大事。",
    ]
    doc = parse("r.txt", lines)
    assert doc.title == "高举中国特色社会主义伟大旗帜 为全面建设社会主义现代化国家而团结奋斗"
    assert "二十大报告" in doc.meta.names
    # without a subtitle, the opening says it: on behalf of the 17th committee, to the 18th
    bare = parse("s.txt", ["坚定不移沿着中国特色社会主义道路前进", lines[4], lines[5]])
    assert "二十大报告" in bare.meta.names
    older = parse("t.txt", ["报告", "同志们：", "现在，我代表第十七届中央委员会向大会作报告。"])
    assert "十八大报告" in older.meta.names


def test_a_broken_title_under_a_banner_is_the_title() -> None:
    lines = [
        "每周一学（2023年3月6日-3月12日）",
        "中国共产党第二十届中央委员会",
        "第二次全体会议公报",
        "（2023年2月28日中国共产党第二十届中央委员会第二次全体会议通过）",
        "中国共产党第二十届中央委员会第二次全体会议，于2023年2月26日至28日在北京举行。",
    ]
    doc = parse("g.txt", lines)
    assert doc.title == "中国共产党第二十届中央委员会第二次全体会议公报"
    assert "二十届二中全会公报" in doc.meta.names


def test_a_provincial_report_titled_with_its_year_inside_is_named_by_its_place() -> None:
    doc = parse(
        "sx.txt", ["陕西省2026年政府工作报告", "各位代表：", "现在，我代表省人民政府作工作报告。"]
    )
    assert "陕西省政府工作报告" in doc.meta.names and "陕政府工作报告" in doc.meta.names


def test_a_news_headline_names_the_report_by_the_congress_it_was_given_at() -> None:
    doc = parse(
        "gd.txt",
        [
            "2022年1月20日广东省代省长王伟中在广东省第十三届人民代表大会第五次会议上作政府工作报告",
            "各位代表：",
            "现在，我代表省人民政府作工作报告。",
        ],
    )
    assert "广东省政府工作报告" in doc.meta.names and doc.meta.year == 2022
    region = parse(
        "gx.txt",
        ["2026年1月20日自治区主席在广西壮族自治区第十四届人民代表大会第五次会议上作政府工作报告"],
    )
    assert "广西政府工作报告" in region.meta.names
    # counter-example: the nation's report names no province
    nation = parse(
        "gov.txt", ["政府工作报告", "——2021年3月5日在第十三届全国人民代表大会第四次会议上"]
    )
    assert not any(n.endswith("省政府工作报告") for n in nation.meta.names)


@pytest.mark.parametrize(
    ("first", "title"),
    [
        ("全文来了！2025年广东省政府工作报告|大力|巴黎奥运会_网易订阅", "2025年广东省政府工作报告"),
        ("警示教育 | 心生攀比入歧途 不知收敛坠深渊", "心生攀比入歧途 不知收敛坠深渊"),
        ("广东省2021年政府工作报告_中国能源网", "广东省2021年政府工作报告"),
        ("关于加强基层治理的意见 广东省人民政府门户网站", "关于加强基层治理的意见"),
        # counter-examples: a title's own words, a short headline kept whole
        ("坚定理想信念 补足精神之钙", "坚定理想信念 补足精神之钙"),
        ("重要！通知", "重要！通知"),
        ("坚持系统观念 织密织牢基层监督网", "坚持系统观念 织密织牢基层监督网"),
    ],
)
def test_a_web_pages_title_is_its_headline_without_the_sites_words(first: str, title: str) -> None:
    from retrieval.metadata import page_headline

    assert page_headline(first) == title
    doc = parse("page.txt", [first, "各位代表：", "现在，我代表省人民政府作工作报告。"])
    assert doc.title.startswith(title)


def test_a_date_before_an_underscore_is_no_site_name() -> None:
    from retrieval.metadata import page_headline

    title = "2013-04-28_在同全国劳动模范代表座谈时的讲话"
    assert page_headline(title) == title


def test_a_dated_title_inside_a_bundle_heads_its_text() -> None:
    lines = [
        "【2019年11月学习材料】",
        "党员学习推荐材料",
        "全会认为，中国特色社会主义制度是党和人民在长期实践探索中形成的科学制度体系，具有显著优势。",
        "■ 坚持和完善中国特色社会主义制度、推进国家治理体系和治理能力现代化的总体目标",
        "中国共产党第十九届中央委员会第四次全体会议公报",
        "（2019年10月31日中国共产党第十九届中央委员会第四次全体会议通过）",
        "中国共产党第十九届中央委员会第四次全体会议，于2019年10月28日至31日在北京举行。",
    ]
    sections = [p.section for p in parse("b.txt", lines).passages]
    # the dated title follows an unfinished bullet line and is still the next text's title
    assert sections[-1] == ("中国共产党第十九届中央委员会第四次全体会议公报",)
    # a title with only a year in it is no date line: a reporter's page keeps its sections
    report = [
        "述职报告展示",
        "根据市教育局党委开展年度述职述廉工作的要求，现将班子成员的述职报告展示如下",
        "党政办",
        "2022年度述职述廉述德述法报告",
        "孙洪亮",
        "一年来，我牢记肩上责任，更好履职尽责，做到带头讲政治、带头讲法治、带头讲担当。",
    ]
    assert all(p.section == () for p in parse("r.txt", report).passages)


def test_a_study_page_of_numbered_excerpts_with_their_sources() -> None:
    lines = [
        "每周一学（2021年9月27日-10月03日）",
        "总结党的历史经验 加强党的政治建设",
        "一",
        "遵义会议作为我们党历史上一次具有伟大转折意义的重要会议，确立了正确路线。",
        "(2015年6月16日至18日在贵州调研时的讲话)",
        "二",
        "毛主席在党的七大预备会议上讲过一段名言，一个队伍经常是不纯洁的。",
        "(2015年12月11日在全国党校工作会议上的讲话)",
    ]
    passages = parse("p.txt", lines).passages
    # a bare number heads its excerpt; the source line stays with the excerpt it names
    assert [p.section[-1] for p in passages] == ["一", "二"]
    assert passages[1].text.endswith("(2015年12月11日在全国党校工作会议上的讲话)")
    # a lone number is text, not a heading
    lone = parse("q.txt", ["讲话", "第几条？", "十", "这一条讲的是纪律，纪律是党的生命线。"])
    assert all(p.section == () for p in lone.passages)


def test_a_speech_titled_under_a_dated_columns_banner_is_titled_so() -> None:
    lines = [
        "每周一学（2021年10月11日—17日）",
        "每周一学（2021年10月11日—17日）",
        "在纪念辛亥革命110周年大会上的讲话",
        "习近平",
        "同志们，朋友们：",
        "110年前，以孙中山先生为代表的革命党人发动了震惊世界的辛亥革命。",
    ]
    speech = parse("x.txt", lines)
    assert speech.title == "在纪念辛亥革命110周年大会上的讲话"
    assert (speech.meta.kind, speech.meta.speaker) == ("讲话", "习近平")
    # counter-example: under a title in two lines, 在…上的讲话 is its subtitle
    titled = parse(
        "t.txt",
        [
            "坚定理想信念",
            "补足精神之钙",
            "在全市党员干部大会上的讲话",
            "同志们：",
            "理想信念是共产党人精神上的钙。",
        ],
    )
    assert titled.title != "在全市党员干部大会上的讲话"


def test_bulleted_cases_are_siblings() -> None:
    lines = [
        "违反中央八项规定精神典型问题",
        "中央纪委国家监委公开通报违反中央八项规定精神典型问题：",
        "●湖北省黄梅县有关党员干部违规吃喝问题",
        "2025年4月5日，黄梅县有关党员干部违规聚餐饮酒，造成严重后果。",
        "●农业农村部原部长唐仁健接受宴请问题。2018年至2023年，唐仁健多次接受宴请。",
    ]
    sections = [p.section for p in parse("c.txt", lines).passages]
    assert sections[-2] == ("湖北省黄梅县有关党员干部违规吃喝问题",)
    # the next bullet closes the one before instead of being filed under it
    assert sections[-1] == ("农业农村部原部长唐仁健接受宴请问题",)


def test_the_adoption_line_is_metadata_and_a_passage() -> None:
    lines = [
        "# 重庆市优化营商环境条例",
        "2021年3月31日 重庆市第五届人民代表大会常务委员会第二十五次会议通过",
        "## 第一章 总 则",
        "第一条 为了持续优化营商环境，结合本市实际，制定本条例。",
    ]
    doc = parse("r.txt", lines)
    assert doc.meta.date == "2021-03-31"
    # 哪次会议通过的 is asked: the line is searchable too
    assert doc.passages[0].text == lines[1]
    # a speech's subtitle and date line, metadata too, are its dateline: one passage
    opening = "同志们，今天召开全市教育大会。"
    speech = parse(
        "s.txt", ["全市教育大会讲话", "——在全市教育大会上的讲话", "（2019年9月10日）", opening]
    )
    assert [p.text for p in speech.passages] == [
        "——在全市教育大会上的讲话 （2019年9月10日）",
        opening,
    ]
    assert speech.meta.date == "2019-09-10" and is_dateline(speech.passages[0])
    assert not is_dateline(speech.passages[1]) and not is_history(speech.passages[0].text)


def test_a_bilingual_markdown_constitution() -> None:
    lines = [
        "## 中国共产党章程",
        "中国共产党章程",  # the page repeats its heading
        "CONSTITUTION OF THE COMMUNIST PARTY OF CHINA",
        "第一章　党员",
        "Chapter I Membership",
        "第七条　预备党员的预备期为一年。党组织对预备党员应当认真教育和考察。",
        "5. Firmness in exercising strict self-supervision and self-governance.",
        "第八条　每个党员，不论职务高低，都必须编入党的一个支部。",
    ]
    doc = parse("c.txt", lines)
    assert doc.title == "中国共产党章程" and "党章" in doc.meta.names
    # an English line numbered 5. is the translation, not a heading of the Chinese text
    sections = {p.text[:3]: p.section for p in doc.passages}
    assert sections["第八条"] == ("第一章　党员", "第八条")


def test_a_title_under_a_banner_and_the_series_line_is_the_title() -> None:
    lines = [
        "【2020年2月学习材料】",
        "【2020年2月学习材料】",
        "某校党委理论学习中心组学习材料 第二专题（2月份党员学习推荐材料）",
        "在中央政治局常委会会议研究应对疫情工作时的讲话",
        "（2020年2月3日）",
        "习近平",
        "疫情发生后，我主持召开中央政治局常委会会议，对疫情防控工作作出部署。",
    ]
    doc = parse("s.txt", lines)
    assert doc.title == "在中央政治局常委会会议研究应对疫情工作时的讲话"
    assert (doc.meta.date, doc.meta.speaker, doc.meta.kind) == ("2020-02-03", "习近平", "讲话")
    assert doc.meta.occasion == "中央政治局常委会会议研究应对疫情工作"  # 在…时的讲话
    # a white paper under its series line, its source's name under it
    paper = parse(
        "w.txt",
        [
            "【2020年6月学习材料】",
            "某校党委理论学习中心组学习材料第六专题",
            "《抗击疫情的中国行动》白皮书（部分）",
            "共产党员网",
            "国务院新闻办公室6月7日发布白皮书。",
        ],
    )
    assert paper.meta.kind == "白皮书" and "抗击疫情的中国行动" in paper.title


def test_a_subtitle_under_a_title_in_two_lines_is_no_title() -> None:
    lines = [
        "坚定理想信念",
        "补足精神之钙",
        "在全省组织工作会议上的讲话",
        "（2019年3月1日）",
        "同志们：今天我们召开这次会议。",
    ]
    assert parse("t.txt", lines).title.startswith("坚定理想信念")


def test_a_two_character_heading_spaced_out_is_closed_up() -> None:
    lines = text_lines("law.md", "## 第一章 总　　则\n第一条 为了……制定本法。\n附　则\n".encode())
    assert lines[:1] == ["## 第一章 总则"] and "附则" in lines
    assert text_lines("n.txt", "张三 李四\n".encode())[0] == "张三 李四"  # words, not one word


def test_a_regulations_history_is_one_passage_and_dates_it_by_its_last_revision() -> None:
    lines = [
        "# 宗教事务条例",
        "2004年11月30日 中华人民共和国国务院令第426号公布",
        "2017年6月14日 国务院第176次常务会议修订通过",
        "2017年8月26日 中华人民共和国国务院令第686号公布",
        "2018年2月1日 施行",
        "第一条 为了保障公民宗教信仰自由，制定本条例。",
    ]
    doc = parse("t.md", lines)
    history = doc.passages[0]
    assert history.section == () and history.text.startswith("2004年11月30日")
    assert "第686号公布" in history.text and history.text.endswith("2018年2月1日 施行")
    assert doc.passages[1].section == ("第一条",)  # no history line is a heading
    assert doc.meta.year == 2017  # the edition of its last revision


@pytest.mark.parametrize(
    "broken",
    [
        ["〈中华人民共和国城市房地产管理法〉的决定》第三次修正"],
        # a decision revising three laws, each named on a line of its own
        ["<中华人民共和国城市房地产管理法>", "<中华人民共和国城乡规划法>的决定》第三次修正"],
    ],
)
def test_a_history_line_broken_over_lines_dates_the_law_by_its_last_revision(
    broken: list[str],
) -> None:
    lines = [
        "# 中华人民共和国土地管理法",
        "1986年6月25日 第六届全国人民代表大会常务委员会第十六次会议通过",
        "2004年8月28日 第十届全国人大常委会第十一次会议《关于修改〈土地管理法〉的决定》第二次修正",
        "2019年8月26日 第十三届全国人民代表大会常务委员会第十二次会议《关于修改〈土地管理法〉",
        *broken,
        "第一条 为了加强土地管理，制定本法。",
    ]
    doc = parse("t.md", lines)
    assert doc.meta.year == 2019
    assert doc.passages[0].text.endswith("第三次修正")  # the broken line's pieces are history
    assert doc.passages[1].section == ("第一条",)


def test_a_dated_line_closed_by_no_revision_is_no_history() -> None:
    lines = [
        "# 中华人民共和国土地管理法",
        "1986年6月25日 第六届全国人民代表大会常务委员会第十六次会议通过",
        "2019年8月26日 第十三届全国人民代表大会常务委员会第十二次会议审议",
        "有关方面提出了意见",
        "第一条 为了加强土地管理，制定本法。",
    ]
    doc = parse("t.md", lines)
    assert doc.meta.year == 1986


def test_a_text_adopted_again_is_the_edition_of_its_last_adoption() -> None:
    meeting = "北京市第十五届人民代表大会常务委员会第{}次会议通过"
    lines = [
        "# 北京市实施《中华人民共和国水法》办法",
        "2004年5月27日 北京市第十二届人民代表大会常务委员会第十二次会议通过",
        "2019年7月26日 " + meeting.format("十四"),
        "2022年11月25日 " + meeting.format("四十五"),
        "第一条 为了实施《中华人民共和国水法》，制定本办法。",
    ]
    assert parse("t.md", lines).meta.year == 2022
    # the day it took effect, in a later year, is the same edition
    effective = [*lines[:2], "2005年3月1日 施行", lines[-1]]
    assert parse("t.md", effective).meta.year == 2004


def test_rules_implementing_a_law_go_by_their_own_name_not_the_laws() -> None:
    from retrieval.names import document_names

    rules = parse(
        "gz.md",
        ["# 国务院实施《中华人民共和国民族区域自治法》若干规定", "第一条 为了帮助…制定本规定。"],
    )
    assert "民族区域自治法" not in document_names(rules)
    assert "国务院实施民族区域自治法若干规定" in document_names(rules)
    law = parse("zz.md", ["# 中华人民共和国民族区域自治法", "第一条 为了…制定本法。"])
    assert find_target("民族区域自治法第一条讲什么", (law, rules)).docs == {"zz.md"}
    # a 的 inside the rules' name
    asked = "国务院实施民族区域自治法的若干规定第一条讲什么"
    assert find_target(asked, (law, rules)).docs == {"gz.md"}


def test_a_date_under_a_markdown_title_is_its_history_not_the_titles_second_half() -> None:
    lines = [
        "# 中华人民共和国传染病防治法实施办法",
        "1991年10月4日 国务院批准",
        "1991年12月6日 卫生部令第17号发布",
        "## 第一章 总则",
        "第一条 根据《中华人民共和国传染病防治法》的规定，制定本办法。",
    ]
    doc = parse("t.md", lines)
    assert doc.title == "中华人民共和国传染病防治法实施办法"
    assert doc.passages[0].text.startswith("1991年10月4日 国务院批准")


def test_a_history_line_above_the_first_article_is_no_heading() -> None:
    lines = [
        "国务院关于特大安全事故行政责任追究的规定",
        "2001年4月21日 中华人民共和国国务院令第302号公布",
        "第一条 为了有效地防范特大安全事故的发生，制定本规定。",
        "第二条 地方人民政府主要领导人对特大安全事故的防范依法承担行政责任。",
    ]
    doc = parse("t.txt", lines)
    assert [p.section for p in doc.passages] == [(), ("第一条",), ("第二条",)]


def test_a_sites_menu_at_the_head_of_a_page_is_clutter() -> None:
    menu = ["公共文件夹 |", "智慧校园 |", "教学平台 |", "办公电话 |", "作息时间 |", "图书馆 |"]
    menu += [
        "软件下载 |",
        "网上报修",
        "登录|注册",
        "设为首页 | 加入收藏 -->",
        "首页新闻中心",
        "学校公告",
    ]
    text = [
        "每周一学（2022年5月9日）",
        *menu,
        "今天，我们隆重集会，庆祝中国共产主义青年团成立100周年。",
    ]
    assert list(clean(text).lines) == [text[0], text[-1]]
    # a document's own short lines stay: after its text has begun, and before it with no
    # widget among them (a table of contents, a list of points); a table's rows stay
    names = [text[-1], "刘明玉", "祝智浩", "孙鸣谦", "任宇颖", "王君", "李明", "张华", "陈晨"]
    assert list(clean(names).lines) == names
    contents = [
        "宗教事务条例",
        "目录",
        *(f"第{n}章 总则" for n in "一二三四五六七八九"),
        "第一条 为了…制定本条例。",
    ]
    assert list(clean(contents).lines) == contents
    points = ["2024年工作要点", "总体要求", "加强党建", "深化改革", "稳定增长", "改善民生"]
    points += ["防范风险", "生态保护", "安全生产", "作风建设", "各单位要抓好落实。"]
    assert list(clean(points).lines) == points
    table = ["| 名称 | 数量 |", "| 党员 | 120 |"]
    assert list(clean(table).lines) == table
