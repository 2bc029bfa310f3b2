"""Which text a question means: the year's text on a page that lost its title, an older
edition rather than a page citing it, the edition in force where none is said, a text
implementing a law said with a 的, a quote a page's headline holds. Each rule beside the
question it must still answer as before."""

from __future__ import annotations

from retrieval.clues import defines_term
from retrieval.dates import year_spans
from retrieval.index import SearchIndex
from retrieval.model import Document, NoAnswer
from retrieval.search import answer
from retrieval.segment import default_segmenter
from retrieval.structure import parse
from tests.indexing import index_of

SEGMENTER = default_segmenter()


# other texts, so that a word of the few documents a test is about is rare in its corpus
FILLER = parse(
    "qita.txt",
    [
        "其他工作安排",
        "一、推进乡村振兴，发展特色产业，促进农民增收。",
        "二、加强生态保护，治理水土流失，改善人居环境。",
        "三、办好民生实事，完善养老服务，提高医疗保障水平。",
        "四、深化改革开放，优化营商环境，扩大有效投资。",
        "五、加强作风建设，落实安全生产责任，维护社会稳定。",
    ],
)


def _index(*documents: Document) -> SearchIndex:
    return index_of([*documents, FILLER], SEGMENTER)


def _first_doc(index: SearchIndex, question: str) -> str:
    hits = answer(index, question, SEGMENTER).hits
    return hits[0].passage.doc if hits else ""


SHAOXING_2025 = parse(
    "shaoxing_renda_2025.txt",
    [
        "绍兴市人民代表大会常务委员会工作报告",
        "2025年1月21日在绍兴市第九届人民代表大会第五次会议上",
        "受绍兴市人民代表大会常务委员会的委托,现在,我向大会报告工作,请予审议。",
        "2024年,常委会制定实施地方性法规2部,审议专项工作报告12项。",
    ],
)
SHAOXING_2018 = parse(
    "shaoxing_renda_2018.txt",
    [
        "谭志桂作工作报告。 首席记者袁云摄",
        "我受绍兴市人民代表大会常务委员会的委托,向大会报告工作,请予审议。",
        "过去的一年,是市八届人大常委会的开局之年。常委会制定实施地方性法规3部,任免国家机关"
        "工作人员126人次。",
    ],
)
HANGZHOU_2018 = parse(
    "hangzhou_renda_2018.txt",
    [
        "杭州市人民代表大会常务委员会工作报告",
        "2018年2月在杭州市第十三届人民代表大会第二次会议上",
        "过去的一年,常委会制定实施地方性法规5部,任免国家机关工作人员200人次。",
    ],
)


def test_the_years_text_on_a_page_that_lost_its_title() -> None:
    index = _index(SHAOXING_2025, SHAOXING_2018)
    asked = "2018年的绍兴市人大常委会报告里，上一年制定实施了几部地方性法规"
    assert _first_doc(index, asked) == "shaoxing_renda_2018.txt"
    # counter-example: another place's report of that year, titled with its place, is
    # another text, not 绍兴's
    index = _index(SHAOXING_2025, HANGZHOU_2018)
    assert _first_doc(index, asked) != "hangzhou_renda_2018.txt"
    # nor is another body's report of that year and place (the government's)
    government = parse(
        "shaoxing_zhengfu_2018.txt",
        [
            "2018年政府工作报告",
            "各位代表:现在,我代表绍兴市人民政府,向大会报告工作,请予审议。",
            "过去的一年,我们制定实施地方性法规配套政策12项。",
        ],
    )
    index = _index(SHAOXING_2025, government)
    assert _first_doc(index, asked) != "shaoxing_zhengfu_2018.txt"


BEIJING_2006 = parse(
    "beijing_ranqi_2006.txt",
    [
        "北京市燃气管理条例",
        "（2006年11月3日北京市第十二届人民代表大会常务委员会第三十二次会议通过）",
        "第四条 本市燃气管理遵循安全第一、预防为主、统一规划、协调发展、保障供应、节能高效的原则。",
    ],
)
BEIJING_2020 = parse(
    "beijing_ranqi_2020.txt",
    [
        "北京市燃气管理条例",
        "（2020年9月25日北京市第十五届人民代表大会常务委员会第二十四次会议修订）",
        "第三条 本市燃气管理遵循统筹规划、科学发展，安全第一、规范服务，保障供应、节能高效的原则。",
    ],
)
ACCIDENT = parse(
    "tongzhou_shigu.txt",
    [
        "北京市通州区马驹桥镇“5.11”燃气爆燃事故调查报告",
        "依据《北京市燃气管理条例》相关规定,通州区人民政府成立了事故调查组,遵循管理原则开展调查。",
        "事故造成1人受伤。",
    ],
)


def test_an_older_edition_asked_is_that_edition_not_a_page_citing_the_text() -> None:
    index = _index(BEIJING_2006, BEIJING_2020, ACCIDENT)
    assert _first_doc(index, "旧版北京燃气条例规定的燃气管理原则有哪些") == "beijing_ranqi_2006.txt"
    # counter-example: a page whose headline names the text is still among those asked
    qa = parse(
        "xinxi_gongkai_dawen.txt",
        [
            "司法部负责人就政府信息公开条例修订答记者问",
            "2019年国务院总理李克强签署国务院令,公布了修订后的《中华人民共和国政府信息公开条例》。",
        ],
    )
    rules = [
        parse(
            f"xinxi_gongkai_{year}.md",
            [
                "中华人民共和国政府信息公开条例",
                f"（{year}年4月5日中华人民共和国国务院令公布）",
                "第十二条 行政机关编制、公布的政府信息公开指南和政府信息公开目录应当及时更新。",
            ],
        )
        for year in (2007, 2019)
    ]
    index = _index(qa, *rules)
    asked = "新修订的信息公开条例是哪位总理签署公布的？"
    assert _first_doc(index, asked) == "xinxi_gongkai_dawen.txt"


FIRE_1993 = parse(
    "fanghuo_1993.txt",
    [
        "草原防火条例",
        "（1993年10月5日中华人民共和国国务院令第130号发布）",
        "第二条 本条例适用于一切草原的火灾的预防和扑救;但是,林区除外。",
    ],
)
FIRE_2008 = parse(
    "fanghuo_2008.md",
    [
        "草原防火条例",
        "（2008年11月29日中华人民共和国国务院令第542号公布）",
        "第二条 本条例适用于中华人民共和国境内草原火灾的预防和扑救。但是，林区和城市市区的除外。",
    ],
)


def test_a_regulation_named_without_an_edition_is_the_one_in_force() -> None:
    index = _index(FIRE_1993, FIRE_2008)
    assert _first_doc(index, "草原防火条例管不管林区的火？") == "fanghuo_2008.md"
    # counter-examples: an older edition asked, and the oldest's own words quoted
    assert _first_doc(index, "老的草原防火条例管不管林区的火？") == "fanghuo_1993.txt"
    quoted = "“一切草原的火灾”是哪一年的草原防火条例说的？"
    assert _first_doc(index, quoted) == "fanghuo_1993.txt"
    # nor is a report of one year in force: the words decide between two years' reports
    reports = [
        parse(
            f"baogao_{year}.txt",
            ["政府工作报告", f"（{year}年3月5日在全国人民代表大会上）", text],
        )
        for year, text in (
            (2020, "近14亿中国人的饭碗，必须牢牢端在自己手里。稳定粮食播种面积。"),
            (2021, "实施就业优先政策，城镇新增就业1100万人以上。"),
        )
    ]
    index = _index(*reports)
    assert _first_doc(index, "政府工作报告里说饭碗要端在谁手里？") == "baogao_2020.txt"


LAW = parse(
    "dongzhiwu_jianyifa.md",
    [
        "中华人民共和国进出境动植物检疫法",
        "第四十九条 国务院根据本法制定实施条例。",
        "第五十条 本法自1992年4月1日起施行。",
    ],
)
IMPLEMENTING = parse(
    "dongzhiwu_jianyifa_shishi_tiaoli.md",
    [
        "中华人民共和国进出境动植物检疫法实施条例",
        "第二条 进出境的动植物,依照本条例实施检疫。",
        "第六十八条 本条例自1997年1月1日起施行。",
    ],
)


def test_a_law_said_with_a_de_before_its_implementing_text_names_that_text() -> None:
    index = _index(LAW, IMPLEMENTING)
    for asked in ("动植物检疫法的实施条例从什么时候起施行", "动植物检疫法实施条例从什么时候起施行"):
        assert _first_doc(index, asked) == "dongzhiwu_jianyifa_shishi_tiaoli.md", asked
    # counter-example: the law itself, asked of with a 的
    assert _first_doc(index, "动植物检疫法的规定从什么时候起施行") == "dongzhiwu_jianyifa.md"
    # an implementing text the corpus does not hold is missing, not the law's article
    index = _index(LAW)
    got = answer(index, "进出境动植物检疫法的实施细则什么时候出台？", SEGMENTER)
    assert got.reason is NoAnswer.MISSING


def test_a_quote_only_a_pages_headline_holds_points_at_that_page() -> None:
    page = parse(
        "longhua.txt",
        [
            "252名“无袍法官”上任!深圳市龙华法院新任陪审员宣誓就职",
            "5月17日,深圳市龙华区人民法院举行新一届人民陪审员就职宣誓仪式,法官代表领誓。",
        ],
    )
    law = parse(
        "peishenyuan_fa.md",
        [
            "中华人民共和国人民陪审员法",
            "第十四条 人民陪审员和法官组成合议庭审判案件，由法官担任审判长。",
        ],
    )
    index = _index(page, law)
    assert _first_doc(index, "新闻里说的“无袍法官”是指什么人") == "longhua.txt"
    # counter-example: a passage saying the quote leads over a headline holding it
    said = parse(
        "pinglun.txt",
        ["人民陪审员制度述评", "人民陪审员被称为“无袍法官”,他们来自各行各业。"],
    )
    index = _index(page, law, said)
    assert _first_doc(index, "新闻里说的“无袍法官”是指什么人") == "pinglun.txt"


def test_a_kind_of_place_names_no_document() -> None:
    news = parse(
        "ranqi_shigu.txt",
        [
            "城市燃气事故追踪:今年7起较大事故敲响警钟",
            "6月13日清早,湖北省十堰市一处集贸市场发生重大燃气爆炸事故。",
        ],
    )
    rule = parse(
        "shandong_ranqi.md",
        [
            "山东省燃气管理条例",
            "第十四条 在城市燃气管网规划范围内不得建设瓶组气化站；已经建成的，在城市燃气管网"
            "建成后应当停止使用。",
        ],
    )
    index = _index(news, rule)
    assert _first_doc(index, "城市燃气管网规划范围里还能建瓶组气化站吗") == "shandong_ranqi.md"
    # counter-example: a place's name is one still
    assert SEGMENTER.is_place("十堰") and not SEGMENTER.is_place("城市")


def test_a_quoted_term_is_defined_with_zhi_alone() -> None:
    assert defines_term("就地诊验", "“就地诊验”指一个人在卫生检疫机关指定的期间接受诊察。")
    # counter-examples: 指出 says something else, and an unquoted word runs on
    assert not defines_term("查验", "“查验”指出了口岸存在的问题。")
    assert not defines_term("诊验", "就地诊验指标正常。")
    for text in ("“双碳”指向明确。", "“双碳”指数持续上升。", "《“一网通办”指南》已发布。"):
        assert not defines_term(text[text.index("“") + 1 : text.index("”")], text), text


def test_a_places_rule_a_text_cites_is_asked_of_where_it_is_cited() -> None:
    meeting = parse(
        "tongcheng_huiyi.txt",
        [
            "桐城市商品房预售资金监管工作会议",
            "8月6日下午,市住建局组织召开桐城市商品房预售资金监管工作会议。",
            "会议传达学习了《桐城市商品房预售资金监管银行信用考评暂行规定》,通报了监管账户情况。",
        ],
    )
    index = _index(meeting)
    asked = "《桐城市商品房预售资金监管银行信用考评暂行规定》是在什么场合传达的"
    assert _first_doc(index, asked) == "tongcheng_huiyi.txt"
    # counter-example: what the rule stipulates is the rule's, which the corpus lacks
    stipulated = "《桐城市商品房预售资金监管银行信用考评暂行规定》里扣分是怎么规定的"
    assert answer(index, stipulated, SEGMENTER).reason is NoAnswer.MISSING


def _rule(name: str, year: int, article: str) -> Document:
    return parse(
        f"{name}_{year}.md",
        [
            "城市供水条例" if "city" in name else name,
            f"（{year}年3月1日国务院令公布）",
            article,
            "第二条 本条例适用于城市供水的规划、建设和管理。",
        ],
    )


def test_an_article_amended_in_the_edition_in_force_leads_its_older_wording() -> None:
    older = _rule(
        "city",
        1994,
        "第三十三条 擅自停止供水或者在停水前未通知用户的，由城市供水行政主管部门责令改正，"
        "可以处以罚款。",
    )
    newer = _rule(
        "city",
        2020,
        "第三十五条 擅自停止供水或者在停水前未通知用户的，由城市供水行政主管部门责令改正，"
        "处一万元以上五万元以下罚款；情节严重的，报经批准，可以责令停业整顿。",
    )
    index = _index(older, newer)
    assert _first_doc(index, "擅自停止供水的怎么处罚") == "city_2020.md"
    # counter-examples: an older edition asked, however loosely, and another text's
    # article alike (a place's regulation is no edition of the nation's)
    assert _first_doc(index, "最初那版条例里擅自停止供水的怎么处罚") == "city_1994.md"
    assert _first_doc(index, "上一版条例里擅自停止供水的怎么处罚") == "city_1994.md"
    # and a word holding 老 or 以前 says no edition
    for asked in ("供水企业老是擅自停止供水怎么处罚", "停水以前没通知用户的怎么处罚"):
        assert _first_doc(index, asked) == "city_2020.md", asked
    local = parse(
        "zhejiang_gongshui_2021.md",
        [
            "浙江省城市供水管理条例",
            "（2021年5月1日浙江省人民代表大会常务委员会公布）",
            "第三十三条 供水企业擅自停止供水或者在停水前未通知用户的，由市、县供水主管部门"
            "责令限期改正，处二千元以上一万元以下罚款；造成损失的，依法承担赔偿责任。",
        ],
    )
    index = _index(older, local)
    assert _first_doc(index, "擅自停止供水的怎么处罚") == "city_1994.md"


def test_an_article_is_not_joined_to_a_longer_one_that_quotes_it() -> None:
    crime = "违反本条例规定，构成犯罪的，依法追究刑事责任。"
    older = _rule("city", 1994, f"第四十条 {crime}")
    newer = parse(
        "city_2020.md",
        [
            "城市供水条例",
            "（2020年3月1日国务院令公布）",
            f"第四十条 {crime}",
            "第三十五条 擅自停止供水或者在停水前未通知用户的，由城市供水行政主管部门责令改正，"
            f"处一万元以上五万元以下罚款；{crime}",
        ],
    )
    hits = answer(_index(older, newer), "违反本条例构成犯罪的怎么办", SEGMENTER).hits
    texts = [h.passage.text for h in hits[:2]]
    assert all(t.startswith("第四十条") for t in texts), texts


def _notice(year: int, item: str, school: str = "第一中学") -> Document:
    return parse(
        f"{school}_{year}.txt",
        [
            f"关于开展{school}党支部{year}年度组织生活会的通知",
            "各支部：",
            item,
        ],
    )


def test_a_yearly_notices_reworded_item_leads_from_its_newest_issue() -> None:
    """Issues of a yearly text titled alike but for their dates are editions of it: an item
    reworded in the newest leads its older wording where no year is said; a year said, or
    another body's notice alike, keeps the ranking as it was."""
    older = _notice(
        2024, "4.党员批评与自我批评文字材料及党员评议表，以支部为单位汇总，纸质稿交党政办。"
    )
    newer = _notice(
        2025, "3.党员批评与自我批评文字材料及党员评议表，以支部为单位汇总，电子稿交党政办。"
    )
    index = _index(older, newer)
    assert _first_doc(index, "党员评议表交纸质的还是电子的") == "第一中学_2025.txt"
    assert _first_doc(index, "2024年度党员评议表交纸质的还是电子的") == "第一中学_2024.txt"
    other = _notice(
        2025,
        "3.党员批评与自我批评文字材料及党员评议表，以支部为单位汇总，电子稿交办公室。",
        "实验小学",
    )
    assert _first_doc(_index(older, other), "党员评议表纸质稿交给谁") == "第一中学_2024.txt"
    # nor a text titled alike but filed otherwise (two bureaus' 政府信息公开工作年度报告)
    twin = parse(
        "shiyan_2025.txt", [newer.title.split("（")[0], "各支部：", newer.passages[-1].text]
    )
    assert twin.title.startswith(older.title[:8]) and twin.meta.year == 2025
    assert _first_doc(_index(older, twin), "党员评议表交纸质的还是电子的") == "第一中学_2024.txt"


def test_a_word_of_one_places_title_names_no_text_when_the_question_says_another_place() -> None:
    from retrieval.targets import find_target

    guangzhou = parse(
        "gz.md",
        [
            "广州市幼儿园条例",
            "第一条 为了规范幼儿园的管理，制定本条例。",
            "第四十三条 幼儿园应当加强食品安全日常管理。",
        ],
    )
    shenzhen = parse(
        "sz.md",
        [
            "深圳经济特区学前教育条例",
            "2021年12月28日深圳市第七届人民代表大会常务委员会第六次会议通过",
            "第一条 为了发展学前教育，制定本条例。",
            "第四十条 幼儿园应当定期开展膳食调查和营养评估，并将结果告知学前儿童父母。",
        ],
    )
    news = parse(
        "sz_news.txt", ["深圳市市场监管局通报学校午餐情况", "多名学生在校午餐后呕吐腹泻。"]
    )
    held = (guangzhou, shenzhen, news)
    # 幼儿园 is a word of 广州's title alone, but the question says 深圳
    asked = "深圳学前教育条例规定幼儿园多久做一次膳食调查？"
    assert find_target(asked, held).docs == {"sz.md"}
    index = index_of([*held, FILLER], SEGMENTER)
    hits = answer(index, asked, SEGMENTER).hits
    assert hits and hits[0].passage.doc == "sz.md"
    # counter-examples: said with no other place, the word still names 广州's text, and a
    # place's name inside another word (中山 of 中山大学) is no place said
    assert find_target("幼儿园条例第一条讲什么", held).docs == {"gz.md"}
    zhongshan = parse("zs.md", ["中山市文明行为促进条例", "第一条 为了促进文明行为，制定本条例。"])
    named = find_target("中山大学附属幼儿园适用幼儿园条例吗", (*held, zhongshan)).docs
    assert named and "gz.md" in named
    heping = parse("hp.md", ["天津市和平区养犬管理办法", "第一条 为了规范养犬，制定本办法。"])
    named = find_target("幼儿园条例里怎么促进幼儿和平相处", (*held, heping)).docs
    assert named and "gz.md" in named
    # a place said at the start of a place's word is said (深圳特区)
    assert find_target("深圳特区学前教育条例规定幼儿园多久做一次膳食调查？", held).docs == {"sz.md"}


PLAN_2016 = parse(
    "jianshen_jihua_2016_2020.txt",
    [
        "全民健身计划(2016—2020年)",
        "(二)发展目标。到2020年,每周参加1次及以上体育锻炼的人数达到7亿,经常参加体育锻炼的人数"
        "达到4.35亿,社会体育指导员队伍不断壮大。",
    ],
)
PLAN_2021_PAGE = parse(
    "jianshen_jihua_xinwen.txt",
    [
        "重磅!国务院印发健身计划,产业链发展可期",
        "您当前的位置:首页 > 科学健身",
        "国务院印发《全民健身计划(2021-2025年)》。《计划》明确,到2025年,经常参加体育锻炼人数比例"
        "达到38.5%,每千人拥有社会体育指导员2.16名。",
    ],
)
CITY_PLAN_2021 = parse(
    "nanchang_jianshen_2021_2025.txt",
    [
        "南昌市全民健身实施计划(2021―2025年)",
        "根据《全民健身计划(2021—2025年)》,结合我市实际,制定本实施计划。",
        "到2025年,全市经常参加体育锻炼人数比例达到40%,每千人拥有社会体育指导员2.5名。",
    ],
)


def test_a_plan_is_named_by_its_span_of_years_however_written() -> None:
    assert year_spans("2021到2025年的计划") == year_spans("全民健身计划(2021-2025年)")
    assert year_spans("2016~20年") == {(2016, 2020)}
    assert not year_spans("2020年至2019年") and not year_spans("2025年的计划")
    assert not year_spans("发布时间：2010-11-05") and not year_spans("月薪2000到2020元")
    index = _index(PLAN_2016, PLAN_2021_PAGE, CITY_PLAN_2021)
    # the period's text is held only as a page opening on it (its headline names no span):
    # the span asked names that page, not "资料库中没有2025年全民健身计划", nor the city's plan
    for question in (
        "2021到2025年的全民健身计划里，每千人要有多少名社会体育指导员？",
        "2021—2025年全民健身计划要求经常参加体育锻炼的人数比例达到多少？",
    ):
        assert _first_doc(index, question) == "jianshen_jihua_xinwen.txt", question
    assert _first_doc(index, "2016—2020年全民健身计划里经常参加锻炼的人数要达到多少？") == (
        "jianshen_jihua_2016_2020.txt"
    )
    # a period the corpus holds no text of is still said to be missing, by its span; so is one
    # the corpus only tells of being made under it (the city's) or reviews (…实施以来)
    missing = answer(index, "2026—2030年全民健身计划要求每千人有几名社会体育指导员？", SEGMENTER)
    assert missing.note == "资料库中没有全民健身计划（2026—2030年）"
    review = parse(
        "review.txt",
        [
            "全民健身计划(2021—2025年)",
            "《全民健身计划(2016—2020年)》实施以来,经常参加体育锻炼人数比例达到37.2%。",
        ],
    )
    for held, asked in (
        ((PLAN_2016, CITY_PLAN_2021), "2021—2025年全民健身计划"),
        ((review,), "2016—2020年全民健身计划"),
    ):
        got = answer(_index(*held), f"{asked}要求经常参加体育锻炼的人数比例达到多少？", SEGMENTER)
        assert got.reason == NoAnswer.MISSING, asked
