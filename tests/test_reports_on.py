"""A question asking what the news said of a law is asked of the page reporting it."""

from __future__ import annotations

from retrieval.reports_on import reports_on_a_text
from retrieval.structure import parse
from retrieval.targets import find_target


def test_what_the_news_said_of_a_law_is_asked_of_the_page_reporting_it() -> None:
    law = parse(
        "huanghe_baohufa_2022.md",
        [
            "中华人民共和国黄河保护法",
            "2022年10月30日 第十三届全国人民代表大会常务委员会第三十七次会议通过",
            "第一条 为了加强黄河流域生态环境保护，制定本法。",
        ],
    )
    news = parse(
        "huanghe_xinwen_2022.txt",
        [
            "我国出台黄河保护法守护母亲河",
            "黄河保护法包括总则、规划与管控等11章122条。",
        ],
    )
    held = [law, news]
    assert find_target("新闻里说黄河保护法一共几章多少条？", held).docs == {news.doc}
    assert find_target("新华社报道黄河保护法是哪天通过的？", held).docs == {news.doc}
    # counter-examples: the law asked of itself, and news or an article as what a rule is about
    assert find_target("黄河保护法第一条怎么说的？", held).docs == {law.doc}
    assert find_target("黄河保护法对新闻报道中歪曲事实怎么处罚？", held).docs == {law.doc}
    assert find_target("黄河保护法关于一篇文章造谣有什么规定？", held).docs == {law.doc}


def test_a_text_named_is_answered_first_from_itself_not_a_headline_quoting_it() -> None:
    from retrieval.search import answer
    from retrieval.segment import default_segmenter
    from tests.indexing import index_of

    segmenter = default_segmenter()
    rules = parse(
        "caipiao_tiaoli_2009.md",
        [
            "彩票管理条例",
            "2009年5月4日 中华人民共和国国务院令第554号公布",
            "第三十三条 彩票公益金专项用于社会福利、体育等社会公益事业，不用于平衡财政一般预算。",
        ],
    )
    headline = parse(
        "caipiao_gongbu_2009.txt",
        [
            "《彩票管理条例》公布",
            "在彩票资金管理方面，条例明确，彩票公益金按照政府性基金管理办法纳入预算，不用于平衡财政一般预算。",
        ],
    )
    index = index_of([rules, headline], segmenter)
    hits = answer(index, "《彩票管理条例》规定公益金能不能拿去平衡财政一般预算？", segmenter).hits
    assert hits and hits[0].passage.doc == rules.doc
    # counter-example: asked of what was reported, the headline's page answers
    asked = find_target("新闻里说彩票管理条例对公益金怎么规定？", [rules, headline])
    assert asked.docs == {headline.doc}


def test_a_report_pointed_at_or_a_laws_draft_is_asked_of_the_pages_on_it() -> None:
    law = parse(
        "guogefa_2017.md",
        [
            "中华人民共和国国歌法",
            "2017年9月1日 第十二届全国人民代表大会常务委员会第二十九次会议通过",
            "第十一条 国歌纳入中小学教育。",
        ],
    )
    draft = parse(
        "guogefa_caoan_2017.txt",
        [
            "国歌法草案:国家级电视广播重要节日定时播放国歌",
            "中国网新闻6月22日讯(记者 魏婧)国歌法草案首次提请全国人大常委会审议。",
            "草案规定，将国歌纳入小学音乐教材。",
        ],
    )
    held = [law, draft]
    assert find_target("国歌法草案原本打算把国歌编进小学几年级的音乐教材？", held).docs == {
        draft.doc
    }
    assert find_target("中国网那篇国歌法草案报道的作者是谁？", held).docs == {draft.doc}
    assert find_target("魏婧写的那条关于国歌法的稿子是哪天发的？", held).docs == {draft.doc}
    # counter-example: the law asked of itself, with no draft or report said
    assert find_target("国歌法规定国歌要纳入哪里的教育？", held).docs == {law.doc}
    assert find_target("国歌法这条规定对新闻媒体有什么要求？", held).docs == {law.doc}


def test_a_headline_on_a_rule_named_short_is_the_page_the_news_question_asks_of() -> None:
    rules = parse(
        "beijing_tiaoli_2020.md",
        ["北京市中医药条例（2020年）", "第十七条 二级以上中医医院应当设置发热门诊。"],
    )
    # a headline telling of the rule's adoption, the rule unquoted
    news = parse(
        "beijing_xinwen_2020.txt",
        [
            "北京市中医药条例通过,不允许存在虚假、夸大宣传行为",
            "他说，二级以上中医医院要设发热门诊。",
        ],
    )
    # a copy of another rule, titled by its name alone with a mark before it
    copy = parse(
        "hezuoshe_fa_2006.txt",
        [
            "Ⅰ 中華人民共和國農民專業合作社法",
            "第一条 为了支持、引导农民专业合作社的发展，制定本法。",
        ],
    )
    law = parse(
        "hezuoshe_fa_2017.md",
        ["中华人民共和国农民专业合作社法", "第一条 为了规范农民专业合作社的组织和行为，制定本法。"],
    )
    held = [rules, news, copy, law]
    asked = "北京中医药条例通过的报道里，说二级以上中医医院要设什么科？"
    assert find_target(asked, held).docs == {news.doc}
    # counter-examples: the rule asked of itself; a copy of a law titled by its name alone is
    # no page reporting on it
    assert find_target("北京中医药条例第十七条", held).docs == {rules.doc}
    asked = "那篇报道说，合作社法实施十年时全国有多少家合作社？"
    assert find_target(asked, held).docs == {copy.doc, law.doc}
    # nor is a text whose own title goes on past its name (施行细则), or a word ending in 法
    for title in ("城市房屋拆迁管理条例施行细则", "关于引导群众依法通过法定途径反映诉求的意见"):
        assert not reports_on_a_text(parse("t.md", [title, "第一条 为了规范管理，制定本细则。"]))
    # while a headline on a rule's making or taking effect is one, its kind whatever
    for title in ("深圳市停车管理办法正式出台", "北京市中医药条例今起施行", "《体育法》修订通过"):
        assert reports_on_a_text(parse("t.txt", [title, "记者从市政府获悉。"]))


def test_a_headline_reprinting_a_rule_whole_is_a_copy_of_it() -> None:
    # a page announcing a rule with its full text below (…条例公布(全文)) holds the rule and
    # goes by its name, so a year asked of the rule can pick it
    page = parse(
        "yule_2006.txt",
        ["娱乐场所管理条例公布(全文)", "第一条 为了加强对娱乐场所的管理，制定本条例。"],
    )
    assert "娱乐场所管理条例" in page.meta.names
    assert not reports_on_a_text(page)
    # counter-example: the same headline with no 全文 is news on the rule, named by nothing
    news = parse("caipiao.txt", ["彩票管理条例公布", "记者从国务院法制办获悉。"])
    assert reports_on_a_text(news)
    assert "彩票管理条例" not in news.meta.names


def test_a_draft_asked_of_is_not_the_adopted_text_it_became() -> None:
    adopted = parse(
        "weihai_2025.txt",
        [
            "威海市温泉资源保护条例",
            "第一条 为了加强温泉资源保护，制定本条例。",
            "第二条 温泉资源属于国家所有。",
        ],
    )
    draft = parse(
        "caoan_2025.txt",
        [
            "威海市自然资源和规划局关于对《威海市温泉保护条例(草案)》公开征求意见的公告",
            "征求意见截止时间为2025年4月30日。",
            "第四条〔资源权属〕温泉资源属于国家所有。",
        ],
    )
    documents = [adopted, draft]
    # the draft asked: not answered from the adopted text as if it were it
    assert find_target("威海温泉保护条例草案征求意见截止到几号", documents).docs is None
    # counter-example: the adopted text asked, or a draft held under its own title
    assert find_target("威海温泉资源保护条例第二条怎么说", documents).docs == {"weihai_2025.txt"}
    titled = parse(
        "caoan_titled.txt",
        ["威海市温泉资源保护条例（草案征求意见稿）", "第四条 温泉资源属于国家所有。"],
    )
    asked = find_target("威海温泉资源保护条例草案第四条怎么写的", [adopted, titled]).docs
    assert asked is not None and "caoan_titled.txt" in asked
