"""A web page's title below its furniture: the line of a kind of text with its date, posting
line, record or first article under it, a record's title field, a news headline over its
posting line; breadcrumbs in their other forms. Each rule beside the page it must leave as
it was."""

from __future__ import annotations

from retrieval.boilerplate import clean
from retrieval.corpus import read_document
from retrieval.metadata import page_headline
from retrieval.names import document_names
from retrieval.targets import find_target
from tests.indexing import read_lines
from tests.test_targets import doc

LAW_PAGE = [
    "立即咨询",
    "招商加盟",
    "电话咨询",
    "Day1赠送 法务官针对所需合同制定法律风险提示版1份",
    "商品房销售管理办法",
    "1. 发布部门: 建设部(已撤销)",
    "2. 发布日期: 2001-04-04",
    "第四十三条 房地产中介服务机构代理销售不符合销售条件的商品房的,处以警告,责令停止销售。",
]


def test_a_title_of_a_kind_with_its_record_under_it_is_the_page_title() -> None:
    title, passages = read_lines("p5.txt", LAW_PAGE)
    assert title.startswith("商品房销售管理办法")
    assert not any("立即咨询" in p or "招商加盟" in p or "Day1赠送" in p for p in passages)
    assert any(p.startswith("第四十三条") for p in passages)
    # its record's fields are text still (发文字号 answers 第几号令)
    assert any("发布部门" in p for p in passages)


def test_a_title_of_a_kind_over_a_notice_and_its_first_article() -> None:
    title, passages = read_lines(
        "bj.txt",
        [
            "备注:本法规已于2020年9月25日被《北京市燃气管理条例(2020年修订)》废止。",
            "《北京市燃气管理条例》已由北京市第十二届人民代表大会常务委员会第三十二次会议于"
            "2006年9月29日通过，现予公布，自2007年5月1日起施行。",
            "北京市第十二届人民代表大会常务委员会",
            "2006年11月3日",
            "北京市燃气管理条例",
            "第一条 为了加强燃气管理,保障公民生命、财产安全,制定本条例。",
            "第二条 本条例适用于本市行政区域内燃气的规划、供应和使用。",
        ],
    )
    assert title.startswith("北京市燃气管理条例")
    # a sentence above the title stays text; the lines saying nothing in one are furniture
    assert passages[0].startswith("备注:本法规已于")
    assert not any(p.startswith("北京市第十二届") for p in passages)


def test_a_page_keeps_its_headline_where_it_has_its_own_anchor_or_comes_again() -> None:
    # the page's own headline with its posting line under it, though a text it prints
    # has a title over its first article further down
    news = [
        "志愿服务记录如何出具?八问答为您详解!",
        "2020-12-25 17:23:06 来源:山东省雷锋志愿服务队",
        "近日,民政部印发《志愿服务记录与证明出具办法(试行)》。",
        "志愿服务记录与证明出具办法(试行)",
        "第一条 为了规范志愿服务记录和志愿服务记录证明出具工作,制定本办法。",
    ]
    assert read_lines("wenda.txt", news)[0] == news[0]
    # the headline printed again below (the page's <title> and <h1>)
    again = [news[0], "山东省雷锋志愿服务队", news[0], *news[2:]]
    assert read_lines("wenda2.txt", again)[0] == news[0]
    # a bracketed banner names the bundle the page is
    bundle = [
        "【2019年11月学习材料】",
        "全会听取和讨论了习近平受中央政治局委托作的工作报告。",
        "中国共产党第十九届中央委员会第四次全体会议公报",
        "2019年11月01日07:20 来源:人民网",
        "中国共产党第十九届中央委员会第四次全体会议,于2019年10月28日至31日在北京举行。",
    ]
    assert read_lines("bundle.txt", bundle)[0] == "【2019年11月学习材料】"


def test_a_records_title_field_names_the_text() -> None:
    title, passages = read_lines(
        "fanghuo.txt",
        [
            "【有 效 性】有效",
            "【標 題】草原防火條例",
            "【頒布日期】1993-10-05",
            "第一條 為了加強草原防火工作,積極預防和撲救草原火災,制定本條例。",
        ],
    )
    assert title.startswith("草原防火條例")
    assert any(p.startswith("第一條") for p in passages)
    # the fields numbered as a page's list numbers them, under its menu's links
    title, _ = read_lines(
        "weihai_2025.txt",
        [
            "• 法律图书馆",
            "• 新法规速递",
            "1. 【颁布时间】2025-11-20",
            "2. 【标题】威海市温泉资源保护条例",
            "3. 【颁布单位】山东省威海市人大常委会",
            "第一条 为了加强温泉资源保护，制定本条例。",
            "第二条 本条例适用于本市行政区域内温泉资源的保护活动。",
        ],
    )
    assert title.startswith("威海市温泉资源保护条例")
    # counter-example: a numbered list of notes on a document's parts, bracketed like fields
    for notes in (
        [
            "1. 【标题】由发文机关、事由和文种三部分组成，不能随意省略。",
            "2. 【主送机关】写在标题之下，顶格。",
        ],
        ["1. 【标题】简明扼要", "2. 【主送机关】写在标题之下"],
    ):
        title, _ = read_lines("gongwen.txt", ["公文写作要点", *notes, "3. 【正文】是公文的主体。"])
        assert title == "公文写作要点"


def test_a_news_headline_over_its_posting_line_below_a_menu() -> None:
    title, _ = read_lines(
        "lanzhou.txt",
        [
            "兰州新闻 永登新闻 皋兰新闻 榆中新闻",
            "新颖!7人合议庭审理环境公益诉讼案",
            "来源:兰州晚报 2018-08-31 03:47",
            "兰州晚报讯 8月29日上午,城关法院启用“3名法官+4名人民陪审员”组成7人合议庭。",
        ],
    )
    assert title.endswith("7人合议庭审理环境公益诉讼案")  # (a hook, 新颖!, is no part of it)
    title, _ = read_lines(
        "shenzhen.txt",
        [
            "读创",
            "Home",
            "252名“无袍法官”上任!深圳市龙华法院新任陪审员宣誓就职",
            "2024/05/21 11:18 读创深圳 张玮玮",
            "5月17日,深圳市龙华区人民法院举行新一届人民陪审员就职宣誓仪式。",
        ],
    )
    assert title.startswith("252名“无袍法官”上任")
    # a record's field over another is no headline
    title, _ = read_lines(
        "chufa.txt",
        [
            "行政处罚法全文",
            "【颁布单位】:全国人大常委会",
            "【颁布文号】:主席令第76号",
            "第一条 为了规范行政处罚的设定和实施,制定本法。",
        ],
    )
    assert "颁布单位" not in title


def test_breadcrumbs_slashed_continued_or_ending_in_the_title() -> None:
    crumbs = [
        "首页/ 政府信息公开 / 法定主动公开内容 / 政府工作报告 / 正文",
        "首页 > 法律法规 > 行政法类 > 最高人民法院、司法部关于人民陪审员选任、培训、考核工作的"
        "实施意见",
    ]
    text = [
        "办理流程：申请>受理>审查>决定>送达",
        "和/或/以及",
        "首页/通知",
        "> 注意事项",
        "> 一、总体要求 > 二、主要任务",
        "首页 > 新闻 > 本地 > 今天我们在公园里走了一整天，看到了很多花。",
    ]
    cleaned = clean(crumbs + text)
    assert list(cleaned.lines) == text


def test_a_sites_name_after_an_underscore_is_no_part_of_the_headline() -> None:
    assert page_headline("甘肃省草原条例_CmsTop") == "甘肃省草原条例"
    assert page_headline("2024年政府工作报告_2024") == "2024年政府工作报告_2024"


def test_a_news_headline_stays_over_what_its_page_prints_or_links_below_its_text() -> None:
    sidebar = [
        "全市安全生产工作会议召开",
        "会议要求，各地各部门要压紧压实责任。",
        "会议强调，要狠抓落实。",
        "相关阅读",
        "应急管理部关于加强安全生产的通知",
        "2024-05-21",
        "市交通局关于做好春运工作的通知",
        "2024-01-21",
    ]
    assert read_lines("anquan.txt", sidebar)[0] == sidebar[0]
    printed = [
        "我市出台新规规范网约车经营服务",
        "记者从市交通运输局获悉，新规自下月起施行。",
        "网约车经营服务管理暂行办法",
        "第一条 为了规范网约车经营服务，制定本办法。",
    ]
    assert read_lines("wangyueche.txt", printed)[0] == printed[0]
    # a record's field over another is no headline, bracketed or not
    fields = [
        "立即咨询",
        "发布部门：中华人民共和国住房和城乡建设部",
        "发布日期：2001-04-04",
        "第一条 为了规范商品房销售行为，制定本办法。",
    ]
    assert "发布部门" not in read_lines("fields.txt", fields)[0]


def test_a_page_opening_with_a_heading_keeps_it_and_its_title() -> None:
    plan = [
        "一、学习内容",
        "（一）学习习近平法治思想",
        "各支部要认真组织学习。",
        "（二）学习安全生产法律法规",
        "重点学习以下法规。",
        "中华人民共和国安全生产法",
        "（2021年6月10日第十三届全国人民代表大会常务委员会第二十九次会议修正）",
        "第一条 为了加强安全生产工作，制定本法。",
    ]
    document = read_document("plan.txt", "\n".join(plan).encode())
    assert "安全生产法" not in document.title
    assert any(p.section and p.section[0] == "一、学习内容" for p in document.passages)


def test_a_trails_rest_is_one_only_under_its_label() -> None:
    kept = ["流程：", "> 受理登记 > 审查核实 > 作出决定", "> > 中华人民共和国公司法"]
    assert list(clean(kept).lines) == kept
    # (the label's line goes too: 您的当前位置 is a trail's label as 您的位置 and 当前位置 are)
    assert list(
        clean(["您的当前位置:首页", "> 绍兴动态 > 热点专题 > 重要专题", "正文。"]).lines
    ) == ["正文。"]


def test_a_law_databases_record_above_a_text_tells_its_page_from_a_news_page() -> None:
    title, passages = read_lines(
        "caoyuanfa_1985.txt",
        [
            "哇,我可以拥有自己的法规库!",
            "如果您发现我们没有收录到的法规,您可以在此提交。",
            "【颁布部门】 全国人大常委会",
            "【发文字号】 中华人民共和国主席令第二十六号",
            "中华人民共和国草原法",
            "第一条 为了加强草原的保护、管理、建设和合理利用,制定本法。",
        ],
    )
    assert title.startswith("中华人民共和国草原法")
    assert any("主席令第二十六号" in p for p in passages)


def test_a_reports_title_with_its_day_meeting_and_posting_fields_on_one_line() -> None:
    """A report's title run together with the day and meeting it was given on, the speaker
    and the page's posting fields (HTML flattened to one line) is its title; a long line
    with a dash that is a sentence of text is not."""
    document = read_document(
        "hn.txt",
        "\n".join(
            [
                "政府工作报告 ——二○二二年一月二十一日在海南省第六届人民代表大会第五次会议上 "
                "海南省省长 冯飞 作者: 发布时间:2022-01-27 09:32:05 "
                "信息来源:海南日报客户端 浏览量:",
                "各位代表:",
                "现在,我代表省人民政府,向大会报告政府工作,请予审议。",
            ]
        ).encode(),
    )
    assert document.title.startswith("政府工作报告")
    assert "发布时间" not in document.title
    assert document.meta.year == 2022
    assert (
        document.meta.subtitle
        == "二○二二年一月二十一日在海南省第六届人民代表大会第五次会议上 海南省省长 冯飞"
    )
    title, _ = read_lines(
        "s.txt",
        [
            "会议强调——2022年以来，我们在全省代表大会上提出的目标如期实现，全省经济运行稳中"
            "有进，民生保障有力有效，各项改革扎实推进，基层治理不断加强，社会大局和谐稳定，人民群众获得感不断增强",
            "各地要抓好落实。",
        ],
    )
    assert title == "s"  # (a sentence before its meeting: its file's name)
    title, _ = read_lines(
        "s2.txt",
        [
            "会议强调——2022年以来在全省上下共同努力下全省经济运行稳中有进，民生保障有力有效，"
            "各项改革扎实推进，基层治理不断加强，社会大局和谐稳定，人民群众获得感不断增强",
            "各地要抓好落实。",
        ],
    )
    assert title == "s2"  # (在…上下 is no meeting)
    document = read_document(
        "hn2.txt",
        "\n".join(
            [
                "政府工作报告 ——二零二二年一月二十一日在海南省第六届人民代表大会第五次会议上 "
                "海南省省长 冯飞 发布时间:2022-01-27 09:32:05 信息来源:海南日报客户端 浏览量:",
                "各位代表:",
                "现在,我代表省人民政府,向大会报告政府工作,请予审议。",
            ]
        ).encode(),
    )
    assert document.title.startswith("政府工作报告") and "发布时间" not in document.title


def test_a_catalogues_title_cell_among_its_record_rows_names_the_text() -> None:
    """A disclosure catalogue's record as table rows (索引号: | |, 标题:… | |) gives the title,
    and its rows are no headings; 标题： in a sentence of a text is no field."""
    document = read_document(
        "tongjiju.txt",
        "\n".join(
            [
                "当前位置:首页>政府信息公开>部门信息公开目录>统计局>年度报告",
                "索引号: | |",
                "发文字号: | 发文时间:2020-12-31 |",
                "发文机关:长治市上党区统计局 | 主题词: |",
                "标题:长治市上党区统计局2020年工作总结暨2021年工作计划 | |",
                "发布日期:2020-12-31 | |",
                "在区委、区政府的坚强领导下,以提高统计数据质量为核心,强化统计服务。",
                "一、主要指标完成情况",
                "2020年全年,我区地区生产总值完成220.1亿元,居全市第3位。",
            ]
        ).encode(),
    )
    assert document.title == "长治市上党区统计局2020年工作总结暨2021年工作计划"
    assert all(not p.section or p.section[0] == "一、主要指标完成情况" for p in document.passages)
    assert any("发文时间:2020-12-31" in p.text for p in document.passages)
    # counter-examples: 标题 in a sentence, or a field's explanation beside another's, is no
    # cell; and a menu item over a catalogue's record is not its title
    title, _ = read_lines(
        "xiezuo.txt",
        ["公文写作要点", "标题:要简洁明了,概括全文。", "正文要条理清楚。"],
    )
    assert title == "公文写作要点"
    title, passages = read_lines(
        "geshi.txt",
        [
            "公文格式要素讲解",
            "发文字号：由发文机关代字、年份和发文顺序号组成",
            "标题：由发文机关名称、事由和文种组成",
            "主送机关：公文的主要受理机关",
        ],
    )
    assert title == "公文格式要素讲解"
    assert any(p.startswith("标题：") for p in passages)
    title, _ = read_lines(
        "shilin.txt",
        [
            "政府信息公开指南",
            "政府信息公开制度",
            "索引号: 015125076-2020-00037 主题分类: 2020年",
            "发布机构: 石林县卫生健康局 发布日期: 2020-08-20",
            "石林县卫生健康局关于县十七届人大五次会议第37号建议答复的函",
            "发布时间: 2020-08-20",
            "陈云会代表:你提出的关于大哨村卫生室建设的建议收悉,现答复如下。",
        ],
    )
    assert title.startswith("石林县卫生健康局关于")


def test_a_headline_printed_twice_over_its_posting_line_under_furniture_sentences() -> None:
    """A headline printed twice in a row over its posting line is the page's, below an
    advert for a first line and furniture that says something in a sentence."""
    title, passages = read_lines(
        "zhonghua.txt",
        [
            "电竞下注-中国电竞赛事及体育赛事平台",
            "设为书签Ctrl+D将本页面保存为书签,全面了解最新资讯,方便快捷。",
            "当前位置:新闻 > 中国新闻 >",
            "教育部:“十三五”我国学前三年毛入园率达83.4%",
            "教育部:“十三五”我国学前三年毛入园率达83.4%",
            "2020-12-10 15:32:21 央视网",
            "10日上午,教育部在京召开新闻发布会,介绍“十三五”期间基础教育改革发展的情况。",
        ],
    )
    assert title.startswith("教育部:“十三五”")
    assert not any("电竞" in p for p in passages)


def test_an_orders_header_heads_the_text_it_promulgates() -> None:
    title, texts = read_lines(
        "banfa_2011.txt",
        [
            "杭州市人民政府令",
            "([2011]263号)",
            "《杭州市电梯安全监察办法》已经2010年12月17日市人民政府第58次常务会议审议通过,"
            "现予公布,自2011年3月1日起施行。",
            "代 市 长",
            "二○一一年一月十日",
            "杭州市电梯安全监察办法",
            "第一章 总则",
            "第一条 为加强电梯的安全监察,预防和减少事故,制定本办法。",
        ],
    )
    assert title.startswith("杭州市电梯安全监察办法")
    # the order's sentence stays text: it says when the text was adopted and takes effect
    assert any(t.startswith("《杭州市电梯安全监察办法》已经") for t in texts)
    # and with its number on the header's line, of a bureau
    title, _ = read_lines(
        "guiding.txt",
        [
            "国家知识产权局令第七十五号",
            "《专利审查指南》已经局务会审议通过,现予公布,自2024年1月20日起施行。",
            "专利代理管理办法",
            "第一条 为了规范专利代理行为,制定本办法。",
        ],
    )
    assert title.startswith("专利代理管理办法")
    # counter-example: a news headline about signing an order is the news page's title
    title, _ = read_lines(
        "xinwen.txt",
        [
            "李强签署国务院令",
            "证券时报·2026-02-09 11:09",
            "国务院总理李强日前签署国务院令,公布修订后的《中华人民共和国自然保护区条例》。",
            "中华人民共和国自然保护区条例",
            "第一条 为了加强自然保护区的建设和管理,制定本条例。",
        ],
    )
    assert title.startswith("李强签署国务院令")


def test_a_pages_sharing_buttons_are_no_title() -> None:
    title, texts = read_lines(
        "wuyishan.txt",
        [
            "点击右上角微信好友",
            "朋友圈",
            "请使用浏览器分享功能进行分享",
            "正在阅读:破解“一园两治”,看武夷山国家公园如何“答卷”?",
            "首页> 地方频道> 社会 > 正文",
            "破解“一园两治”,看武夷山国家公园如何“答卷”?",
            "来源:中国新闻网2024-06-08 17:09",
            "武夷山国家公园跨江西、福建两省,是地球同纬度生态保护最好之地。",
        ],
    )
    assert title.startswith("破解“一园两治”")
    assert not any("分享" in t or t == "朋友圈" for t in texts)
    # counter-example: a how-to step naming the buttons stays, ended or not
    step = "点击右上角“分享”按钮,可将电子社保卡二维码发送给好友"
    assert clean([step, "朋友圈"]).lines == (step,)
    assert clean(["本网站支持IPv6 | 无障碍阅读 | 适老化模式"]).lines == ()
    # a prompt to follow the site's account is a button too; caring about something is text
    heading = "关注青少年过度使用微博"
    assert clean(["关注向日葵微信号", "要关注群众呼声", heading]).lines == (
        "要关注群众呼声",
        heading,
    )


def test_a_reprinting_sites_words_and_year_after_a_title_name_nothing() -> None:
    document = read_document(
        "shennongjia.txt",
        "\n".join(
            [
                "神农架国家公园保护条例最新全文2023",
                "第一条 为了规范神农架国家公园管理和服务活动,制定本条例。",
            ]
        ).encode(),
    )
    assert "神农架国家公园保护条例" in document.meta.names


def test_a_disclosure_catalogues_name_field_titles_the_page_below_its_modes() -> None:
    title, texts = read_lines(
        "dafu_2016.txt",
        [
            "无障碍 | 长者版",
            "当前位置: 首页>政府信息公开>银川市交通运输局>法定主动公开内容",
            "索 引 号:640100-115/2016-04042 发布日期:2016-08-20",
            "发布机构: 银川市交通运输局 责任部门: 交通局",
            "名 称:关于对银川市第十四届人民代表大会第五次会议第89号代表建议的答复",
            "李海星代表:",
            "《关于建设永宁立掌公路至永宁东线公路连接线工程的建议》收悉,我局组织人员进行了调研。",
        ],
    )
    assert title.startswith("关于对银川市第十四届人民代表大会第五次会议第89号代表建议的答复")
    assert "无障碍 | 长者版" not in texts
    # counter-example: a 名称 field with no catalogue's field beside it (a form's row)
    title, _ = read_lines(
        "shenqingbiao.txt",
        [
            "民办非企业单位登记申请表",
            "名称:阳光社区养老服务中心",
            "住所:幸福路1号",
            "业务范围:养老服务",
        ],
    )
    assert title == "民办非企业单位登记申请表"


def test_a_law_page_greeting_and_trail_above_a_title_with_its_history_in_brackets() -> None:
    document = read_document(
        "guangdong_2016.txt",
        "\n".join(
            [
                "您好,欢迎访问三七文档",
                "当前位置:首页 > 商业/管理/HR > 薪酬管理 > 广东省工资支付条例(2016.9.29修正)",
                "广东省工资支付条例(2005年1月19日广东省第十届人民代表大会常务委员会第十六次会议通过"
                "根据2016年9月29日广东省第十二届人民代表大会常务委员会第二十八次会议"
                "《关于修改〈广东省工资支付条例〉的决定》修正)",
                "第一章总则",
                "第一条为规范工资支付,保障劳动者取得劳动报酬的权利,根据《中华人民共和国劳动法》,制定本条例。",
            ]
        ).encode(),
    )
    assert document.title.startswith("广东省工资支付条例")
    texts = [p.text for p in document.passages]
    assert not any("欢迎访问" in t for t in texts)
    # the brackets are the text's history, which 哪次会议通过的 asks
    assert any(t.startswith("(2005年1月19日") and t.endswith("修正)") for t in texts)
    # counter-examples: a speech welcoming its hearers keeps the line; a sentence with a
    # date in brackets is no title with its history
    _, texts = read_lines(
        "kaixue.txt",
        ["在2023级新生开学典礼上的讲话", "欢迎来到清华园", "同学们，今天我们在这里相聚。"],
    )
    assert "欢迎来到清华园" in texts
    _, texts = read_lines(
        "t.txt",
        [
            "某某市养犬管理条例",
            "第一条 为规范养犬行为，制定本条例。",
            "本条例自公布之日起施行(2005年1月19日市人大常委会通过)",
        ],
    )
    assert any("本条例自公布之日起施行(2005年1月19日市人大常委会通过)" in t for t in texts)


def test_a_history_alone_is_no_title_and_a_title_in_a_cell_is_no_menu_item() -> None:
    title, texts = read_lines(
        "jiangxi_tielu_2021.txt",
        [
            "(2021年11月19日江西省第十三届人民代表大会常务委员会第三十四次会议通过)",
            "第一章 总 则",
            "第一条 为了加强铁路安全管理,结合本省实际,制定本条例。",
        ],
    )
    assert title == "jiangxi_tielu_2021"
    assert any(t.startswith("(2021年11月19日") for t in texts)
    title, texts = read_lines(
        "tielufa.txt",
        [
            "官网首页 » 文章中心 » 法规速递 » 交通安全法类 » 铁路交通 |",
            "中华人民共和国铁路法 |",
            "【发布单位】全国人大常委会 【发布文号】中华人民共和国主席令第32号",
            "第二条 本法所称铁路,包括国家铁路、地方铁路、专有铁路和铁路专用线。",
        ],
    )
    assert title.startswith("中华人民共和国铁路法")
    assert not any("文章中心" in t for t in texts)
    # counter-example: a menu's short items are still furniture (政策法规 |)
    _, texts = read_lines(
        "menu.txt",
        ["政策法规 |", "通知公告 |", "某某市养犬管理条例", "第一条 为规范养犬行为，制定本条例。"],
    )
    assert not any(t.startswith(("政策法规", "通知公告")) for t in texts)


def test_a_first_line_saying_nothing_in_chinese_leaves_the_headline_under_it() -> None:
    title, texts = read_lines(
        "haixi.txt",
        [
            "website qrcode",
            "为什么说住房公积金缴存具有强制性?",
            "国务院《住房公积金管理条例》规定各单位都应缴存。",
        ],
    )
    assert title == "为什么说住房公积金缴存具有强制性?"
    assert "website qrcode" not in texts
    # a headline with its posting line under it beats an office's name over a search box
    title, _ = read_lines(
        "gaoping.txt",
        [
            "Document",
            "高平市卫生健康和体育局",
            "搜索位置",
            "高平市卫生健康和体育局关于对市七届政协三次会议第83号提案的答复",
            "发布日期: 2023-10-26 发布机构: 高平市卫生健康和体育局",
            "您所提出的提案已收悉。",
        ],
    )
    assert title.startswith("高平市卫生健康和体育局关于对市七届政协三次会议第83号提案的答复")


def test_a_year_over_a_title_and_a_dated_headline_are_titles() -> None:
    title, _ = read_lines(
        "h2.txt",
        [
            "2024年",
            "政府工作报告",
            "——2024年3月5日在第十四届全国人民代表大会第二次会议上",
            "各位代表：",
        ],
    )
    assert title.startswith("2024年政府工作报告")
    title, _ = read_lines(
        "a.txt", ["2024年1月1日起这些新规正式施行", "来源：新华网", "一批新规将于1月1日起施行。"]
    )
    assert title == "2024年1月1日起这些新规正式施行"
    # a history in Chinese numerals, or after a name in 《》, is parted from the title too
    for line in (
        "中华人民共和国铁路法（一九九〇年九月七日第七届全国人民代表大会常务委员会第十五次会议通过）",
        "《中华人民共和国铁路法》（1990年9月7日第七届全国人民代表大会常务委员会第十五次会议通过）",
    ):
        title, texts = read_lines("tl.txt", [line, "第一条 为了保障铁路运输，制定本法。"])
        assert title.startswith("中华人民共和国铁路法") and "通过" not in title
        assert texts[0].endswith("通过）")


def test_a_reprints_title_keywords_are_no_part_of_its_name() -> None:
    """A page's <title> listing keywords after the reprint's 全文 is named by the text."""
    keyworded = doc(
        "sy.txt",
        ["2016年收养法全文,收养法实施细则条例", "第一条 为保护合法的收养关系，制定本法。"],
    )
    assert "收养法" in document_names(keyworded)
    assert find_target("收养法第一条讲的是什么", (keyworded,)).missing == ""
    short = doc("xt.txt", ["信托法全文,信托法司法解释", "第一条 为了调整信托关系，制定本法。"])
    assert "信托法" in document_names(short)
    # a headline with a comma keeps its words (收养法修订,这些变化要知道 is no reprint)
    news = doc("xw.txt", ["收养法修订,这些变化要知道", "记者获悉，收养法修订后有三点变化。"])
    assert "收养法" not in document_names(news)
