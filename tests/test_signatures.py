"""A decree's or notice's signature (总理 李强 / 2025年12月9日) stays with the text it signs and
heads nothing after it; a speaker under a headline and a title under its signers are no
signature."""

from __future__ import annotations

from pathlib import Path

from retrieval.corpus import read_document
from retrieval.structure import parse

CORPORA = Path(__file__).parent / "data" / "corpora"


def test_a_decrees_signature_closes_its_header_and_heads_nothing() -> None:
    # 总理 李强 over the date signs the decree: the articles after it are under their own
    # chapters, not under 总理 李强 nor the decree's 中华人民共和国国务院令
    decree = parse(
        "t.txt",
        [
            "全民阅读促进条例",
            "中华人民共和国国务院令",
            "第823号",
            "《全民阅读促进条例》已经2025年11月27日国务院第73次常务会议通过，现予公布。",
            "总理 李强",
            "2025年12月9日",
            "第一章 总则",
            "第一条 为了促进全民阅读，制定本条例。",
            "第二条 全民阅读促进工作坚持中国共产党的领导。",
        ],
    )
    articles = [p for p in decree.passages if p.text.startswith(("第一条", "第二条"))]
    assert [p.section for p in articles] == [("第一章 总则", "第一条"), ("第一章 总则", "第二条")]
    # a body signing its notice (…人民代表大会常务委员会 / 2017年8月21日) heads nothing either
    notice = parse(
        "n.txt",
        [
            "某市户外广告设置管理条例",
            "《某市户外广告设置管理条例》已经市人民代表大会常务委员会通过，现予公布。",
            "某市人民代表大会常务委员会",
            "2017年8月21日",
            "第一条 为了规范户外广告设置，制定本条例。",
        ],
    )
    assert [p.section for p in notice.passages if p.text.startswith("第一条")] == [("第一条",)]
    # a letter's co-signers and date stay under it, and the page's widgets after them do not
    # (a real page: 中共安康市委 / 安康市人民政府 / 2010年9月9日 / 扫一扫…)
    page = (
        CORPORA / "greetings_letters_pages" / "docs" / "ankang_shiwei_jiaoshijie_weiwenxin_2010.txt"
    )
    letter = read_document(page.name, page.read_bytes())
    sections = {p.text: p.section for p in letter.passages}
    assert sections["安康市人民政府"] == ("市委、市政府致全市广大教师和教育工作者慰问信",)
    assert next(s for text, s in sections.items() if text.startswith("扫一扫")) == ()
    # a bundle's part above a signed notice stays open after the signature
    bundle = parse(
        "p.txt",
        [
            "文件汇编",
            "第一部分 通知",
            "本部分收录国务院办公厅的通知一件。",
            "《防治艾滋病行动计划》已经国务院同意，现印发给你们，请认真贯彻执行。",
            "国务院办公厅",
            "二○一二年一月十三日",
            "近年来各地认真落实各项综合防治措施。",
        ],
    )
    assert bundle.passages[-1].section == ("第一部分 通知",)
    # the plan a notice's signature is over heads its own text (a real page: 国务院办公厅 /
    # 二○一二年一月十三日 / 中国遏制与防治艾滋病“十二五”行动计划 / …一、防治现状)
    page = CORPORA / "aids_prevention_folder/docs/shierwu_xingdong_jihua_2012_shuiwu114.txt"
    plan = read_document(page.name, page.read_bytes())
    status = next(p for p in plan.passages if "一、防治现状" in p.section)
    assert status.section[0] == "中国遏制与防治艾滋病“十二五”行动计划"


def test_a_speakers_line_and_a_signers_title_are_no_signature() -> None:
    # 市长 王明 / 2024年12月20日 under a speech's headline is its speaker, not a signature: the
    # bundle's part holds the speech's parts after it
    bundle = parse(
        "b.txt",
        [
            "学习材料汇编",
            "第一部分 会议精神",
            "要深刻领会会议精神，把思想和行动统一到市委的决策部署上来。",
            "在全市经济工作会议上的讲话",
            "市长 王明",
            "2024年12月20日",
            "同志们：",
            "今年全市经济运行稳中有进，主要经济指标好于预期，高质量发展迈出坚实步伐，"
            "民生福祉持续增进，社会大局保持稳定。",
            "一、今年经济工作的主要成效",
            "全市地区生产总值增长百分之六，固定资产投资增长百分之八。",
        ],
    )
    last = bundle.passages[-1]
    assert (
        last.section[0] == "第一部分 会议精神" and last.section[-1] == "一、今年经济工作的主要成效"
    )
    # signers over the title they issue and its date (中共柳河县委 柳河县人民政府 / 关于…的
    # 实施意见 / (2023年2月8日)): the title heads the text, as before
    opinion = parse(
        "o.txt",
        [
            "柳河县人民政府网",
            "政策文件。",
            "中共柳河县委 柳河县人民政府",
            "关于支持重点产业加快发展的实施意见",
            "(2023年2月8日)",
            "为抢抓新一轮东北振兴战略机遇，全力支持重点产业规模化、集群化发展，制定如下实施意见。",
            "一、政策支持",
            "设立总规模不低于1亿元的重点产业发展引导资金，列入县财政预算。",
        ],
    )
    assert "关于支持重点产业加快发展的实施意见" in opinion.passages[-1].section
    # in traditional characters too: 總 理 溫家寶 signs, and heads nothing
    page = [
        "個體工商戶條例",
        "中華人民共和國國務院令",
        "《個體工商戶條例》已經2011年3月30日國務院第149次常務會議通過，現予公佈。",
        "總 理 溫家寶",
        "二○一一年四月十六日",
        "第一條 為了保護個體工商戶的合法權益，制定本條例。",
    ]
    decree = read_document("f.txt", "\n".join(page).encode())
    article = next(p for p in decree.passages if p.text.startswith("第一條"))
    assert not any(("溫家寶" in s or "國務院令" in s) for s in article.section)


def test_the_text_a_signed_decree_issues_heads_its_chapters() -> None:
    # 部长 薄熙来 / 二00四年十二月二日 signs the decree; the 暂行办法 it issues heads its first
    # chapter and the articles under it
    decree = parse(
        "d.txt",
        [
            "*注:本篇法规已被新办法废止",
            "商务部令2004年第23号",
            "《成品油市场管理暂行办法》已经商务部部务会议审议通过，现予公布。",
            "部长 薄熙来",
            "二00四年十二月二日",
            "成品油市场管理暂行办法",
            "第一章 总则",
            "第一条 为加强成品油市场监督管理，制定本办法。",
        ],
    )
    article = next(p for p in decree.passages if p.text.startswith("第一条"))
    assert article.section == ("成品油市场管理暂行办法", "第一章 总则", "第一条")
    # counter-examples: a label (规定全文) over the chapters heads nothing, nor does the
    # page's own title printed again
    for line, title in (("规定全文", "城市轨道交通运营管理规定"), ("旅行社条例", "旅行社条例")):
        text = parse(
            "t.txt",
            [
                title,
                "《旅行社条例》已经国务院常务会议通过，现予公布。",
                "总理 温家宝",
                "二○○九年二月二十日",
                line,
                "第一章 总则",
                "第一条 为了加强对旅行社的管理，制定本条例。",
            ],
        )
        article = next(p for p in text.passages if "第一条" in p.text)
        assert article.section == ("第一章 总则", "第一条"), line
