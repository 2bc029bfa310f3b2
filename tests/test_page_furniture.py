"""What a web page or a crawler puts around a text is no part of it: a breadcrumb trail on one
line, a newspaper page's label, a marker where the text starts, a record's fields above it,
the day a copy was posted; each rule with the counter-example it must not break."""

from __future__ import annotations

from pathlib import Path

from retrieval.boilerplate import clean
from retrieval.corpus import read_document
from retrieval.search import answer
from retrieval.segment import default_segmenter
from tests.indexing import index_of

CORPORA = Path(__file__).parent / "data" / "corpora"

SEGMENTER = default_segmenter()


def test_a_breadcrumb_a_page_label_and_a_start_marker_are_removed() -> None:
    labels = ["第B08版:向两会报告", "A01版", "==== 正文开始 ====", "正文开始:"]
    crumbs = [
        "您的位置: 首页 >常德资讯>区县动态>详细内容",
        "您现在所在位置:首页 > 学习好宣传好贯彻好党的二十大精神",
        "位置:首页 > 生活在线 > 百科",
        "中国西藏网 > 新闻 > 原创",
        "您现在所在位置:佳木斯市佳兴塑业集团有限公司 >> 行业资讯",  # the site's whole name
    ]
    text = [
        "位置：位于县城东部，交通便利。",  # a sentence about where something is
        "所在位置：渠县渠江镇文化路12号",  # an address
        "办理流程：申请>受理>审查>决定>送达",  # a process
        "第3版要闻摘编了全会公报。",
        "正文开始前先宣读了会议议程。",
    ]
    for furniture, rules in (
        (labels, {"新闻附注：报纸版面", "新闻附注：正文标记"}),
        (crumbs, {"网页控件：导航路径"}),
    ):
        cleaned = clean(furniture + text)
        assert list(cleaned.lines) == text
        assert {r.rule for r in cleaned.removed} == rules


def test_a_breadcrumb_line_is_no_heading_of_the_text_under_it() -> None:
    page = read_document(
        "qh_2020.txt",
        "\n".join(
            [
                "澧县县委十二届八次全体(扩大)会议召开",
                "×",
                "用户登录",
                "您的位置: 首页 >常德资讯>区县动态>详细内容",
                "12月25日上午,中国共产党澧县委员会第十二届委员会第八次全体(扩大)会议在县总工会"
                "工人文化宫召开。",
            ]
        ).encode(),
    )
    assert page.headings == ()
    assert [p.text[:6] for p in page.passages] == ["12月25日"]


RECORD = [
    "网络交易监督管理办法",
    "【文件名称】网络交易监督管理办法",
    "【颁布机构】国家市场监督管理总局令第37号",
    "【施行日期】2021年5月1日",
    "【条款数】56",
    "==== 正文开始 ====",
    "网络交易监督管理办法",
    "（2021年3月15日国家市场监督管理总局令第37号公布 自2021年5月1日起施行）",
    "第一章 总 则",
    "第一条 为了规范网络交易活动，维护网络交易秩序，制定本办法。",
    "第四章 法律责任",
    "第三十九条 法律、行政法规对网络交易违法行为的处罚已有规定的，依照其规定。",
]


def test_a_records_fields_above_a_text_are_no_heading_of_it() -> None:
    document = read_document("wljy_2021.txt", "\n".join(RECORD).encode())
    assert [h.path[0] for h in document.headings if len(h.path) == 1] == [
        "第一章 总则",
        "第四章 法律责任",
    ]
    index = index_of([document], SEGMENTER)
    hits = answer(index, "网络交易监督管理办法第四章法律责任的第一条说了什么？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第三十九条")
    # counter-example: one tagged headline over a page (【聚焦渠县两会】…) still heads it
    tagged = read_document(
        "rd.txt",
        "\n".join(
            [
                "渠县两会专题",
                "【聚焦渠县两会】渠县第十九届人民代表大会第四次会议开幕",
                "6月25日上午,渠县第十九届人民代表大会第四次会议在县委党校初心楼报告厅开幕,"
                "来自全县各地、各条战线的县人大代表齐聚一堂。",
            ]
        ).encode(),
    )
    assert [h.path[0] for h in tagged.headings] == [
        "【聚焦渠县两会】渠县第十九届人民代表大会第四次会议开幕"
    ]
    # nor is an editor's note opening the text a field beside it
    noted = read_document(
        "bz.txt",
        "\n".join(
            [
                "理论学习专栏",
                "【理论学习】深入学习贯彻党的二十届三中全会精神",
                "【编者按】党的二十届三中全会是在以中国式现代化全面推进强国建设、民族复兴伟业的"
                "关键时期召开的一次十分重要的会议，本期选编有关文章，供大家学习。",
                "全会审议通过了《中共中央关于进一步全面深化改革、推进中国式现代化的决定》。",
            ]
        ).encode(),
    )
    assert [h.path[0] for h in noted.headings] == ["【理论学习】深入学习贯彻党的二十届三中全会精神"]


def test_a_copys_posting_day_does_not_date_the_law_its_file_is_named_for() -> None:
    page = "\n".join(
        [
            "中华人民共和国公证法",
            "中华人民共和国公证法",
            "时间:2024-05-19 22:30:38 来源: 法律资料网 作者:法律资料网 阅读:8076",
            "全国人民代表大会常务委员会",
            "第一条 为规范公证活动，保障公证机构和公证员依法履行职责，制定本法。",
        ]
    )
    law = read_document("gongzheng_fa_2005.txt", page.encode())
    assert law.meta.year == 2005
    # counter-example: a news page is of the day it was posted
    news = read_document(
        "xinwen_2018.txt",
        "\n".join(
            [
                "区司法局深化公证便民服务",
                "时间:2019-06-03 10:00:00 来源: 区司法局 阅读:120",
                "区司法局为特殊群体开辟绿色通道，上门办理公证。",
            ]
        ).encode(),
    )
    assert news.meta.year == 2019


def test_pinyin_a_mirror_page_glued_after_characters_is_no_part_of_the_text() -> None:
    page = read_document(
        "fq_1992.txt",
        "\n".join(
            [
                "婦女權益保障法",
                "第一條 為了保障婦女的合法權益,促進男女平等,制定本法。",
                "第四條 國務院和省、自治區(qū)、直轄市人民政府,採取措施,"
                "組織、協調(tiáo)有關(guān)部門做好婦女權益的保障工作。",
                "第五條 國家保障婦女享有與男子平等的權利,國内生产总值(GDP)与第(一)项照常。",
            ]
        ).encode(),
    )
    texts = [p.text for p in page.passages]
    assert texts[1].startswith("第四條 國務院和省、自治區、直轄市人民政府,")
    assert "(tiáo)" not in texts[1]
    # counter-example: brackets that are no pinyin stay
    assert "(GDP)" in texts[2] and "第(一)项" in texts[2]
    index = index_of([page], SEGMENTER)
    hits = answer(index, "谁来组织协调有关部门做好妇女权益的保障工作？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第四條")


def test_a_pages_reader_counters_are_controls() -> None:
    """A page's counters of its readers (阅读次数:, 浏览量:34) are controls, not a heading or a
    passage's opening; a sentence counting readers is text."""
    counters = ["阅读次数:", "浏览量:34", "访问量:52034", "阅读量：", "点击数: 1,203 次"]
    text = ["全年图书馆接待读者12万人次，阅读量比上年增长两成。", "浏览量超过100万次的稿件有12篇。"]
    cleaned = clean(counters + text)
    assert list(cleaned.lines) == text
    assert {r.rule for r in cleaned.removed} == {"网页控件"}


def test_a_disclosure_catalogues_fields_answer_only_when_asked_for() -> None:
    lines = [
        "名 称:关于对第40号代表建议办理情况的答复",
        "索 引 号:640100-115/2017-22498 发布日期:2017-09-14",
        "发布机构: 银川市交通运输局 责任部门: 银川市交通局",
        "刘鲜兰代表:",
        "您提出的《关于解决福通ABC区居民出行难的建议》收悉。银川市交通运输局组织人员调研,"
        "新开通公交线路两条,方便居民出行。",
    ]
    other = read_document(
        "tongzhi.txt",
        "\n".join(["关于做好春运工作的通知", "各区县交通局要做好春运保障。"]).encode(),
    )
    index = index_of([read_document("dafu.txt", "\n".join(lines).encode()), other], SEGMENTER)
    top = answer(index, "银川市交通运输局的答复", SEGMENTER).hits[0]
    assert top.passage.text.startswith("您提出的")
    # counter-example: a field asked for is shown
    hits = answer(index, "这份答复的发布机构是哪个单位", SEGMENTER).hits
    assert any(h.passage.text.startswith(("索 引 号", "发布机构")) for h in hits)


def test_a_page_in_traditional_characters_has_the_same_furniture() -> None:
    page = [
        "久久国产精品一区二区_欧美成年网站_国产精品成人国产_亚洲欧美日韩在线观看a三区_在线成人动漫",
        "欧美日韩精品一区二区高清视频 _国产成人精品不卡_另类人妖一区_亚洲精品久久_日韩在线",
        "首頁外貿學堂 > 上海直播政策 > 直播帶貨規定",
        "】 【打 印】",
        "【 第1頁 第2頁 第3頁 第4頁 】",
        "扫一扫,关注海西住房公积金手机网!",
        "进入老年模式",
        "上一篇 目錄 下一篇 2021-11-10",
        "兩部門印發網絡主播行為規範",
        "中評社北京6月23日電/據央視網報導,國家廣播電視總局、文化和旅遊部聯合發布《網絡主播行為規範》。",
    ]
    kept = list(clean(page).lines)
    assert kept == page[-2:]  # the text as written, in Traditional characters
    # counter-examples: words with underscores that are no list of keywords, a line naming
    # pages in a sentence, and a welcome no site prints stay
    text = ["变量名_甲_乙", "本书第1页至第3页是序言。", "欢迎来到清华园"]
    assert list(clean(text).lines) == text


def test_a_dateline_before_the_text_stays_in_it() -> None:
    # 新华社是几号发的 is asked of the dateline: it is part of the report's first paragraph
    line = "新华社北京3月8日电 最高人民检察院检察长应勇8日上午向大会作工作报告。"
    assert list(clean([line]).lines) == [line]
    # counter-examples: a dateline alone on its line is still furniture, and one before a
    # headline leaves the headline a heading
    assert list(clean(["新华社北京3月8日电", "正文。"]).lines) == ["正文。"]
    headline = "新华社北京10月29日电  中国共产党第十九届中央委员会第五次全体会议公报"
    assert list(clean([headline]).lines) == ["中国共产党第十九届中央委员会第五次全体会议公报"]


def test_a_guides_steps_and_a_sites_title_with_its_columns_are_text() -> None:
    text = [
        "登录官网首页>网上办事大厅>提取业务",
        "进入首页>个人业务>公积金提取>提交申请",
        "殡葬管理条例_法律法规_政务公开_某市民政局",
        "欢迎光临第二届中国国际进口博览会",
    ]
    assert list(clean(text).lines) == text
    # counter-examples: a PDF's page footer, and a Traditional credit line beside a line a
    # Word file broke softly
    page = ["第1页 共10页", "來源：新華網", "堅持黨的全面領導。\n加強基層治理。"]
    assert list(clean(page).lines) == page[-1:]


def test_a_wiki_pages_furniture_and_edit_links_are_no_text() -> None:
    # a Wikisource page: skip link, motto, proofreading state, editions link, edit links
    page = [
        "跳转到内容",
        "",
        "深圳市养犬管理条例",
        "",
        "維基文庫,自由的圖書館",
        "深圳市养犬管理条例",
        "沿革和最新版",
        "本页已校对",
        "第一章 总则",
        "[编辑]",
        "第一条 为了规范养犬行为,保障人体健康和人身安全,制定本条例。",
        "[編輯]第二条 本市行政区域内养犬登记、免疫检疫,适用本条例。",
        # the link's word alone under a heading, its brackets lost with the page: not the
        # second half of the heading (第一章 总则编辑)
        "第二章 登记",
        "编辑",
        "第三条 养犬实行登记制度。",
    ]
    document = read_document("shenzhen.txt", "\n".join(page).encode())
    assert document.title.startswith("深圳市养犬管理条例")
    assert [p.section[-2:] for p in document.passages] == [
        ("第一章 总则", "第一条"),
        ("第一章 总则", "第二条"),
        ("第二章 登记", "第三条"),
    ]
    # a page whose only edit links are the bare word (no bracket anywhere on it)
    bare = ["某某条例", "第一章 总则", "编辑", "第一条 为了规范管理，制定本条例。"]
    assert [p.section for p in read_document("w.txt", "\n".join(bare).encode()).passages] == [
        ("第一章 总则", "第一条")
    ]
    # a text saying the words in a sentence, or a bracket of its own, keeps them
    text = [
        "点击跳转到内容页面后，按提示填写申请表。",
        "维基百科是一部自由的百科全书。",
        "第三条 [编辑]人员应当核对稿件。",
    ]
    assert [p.text for p in read_document("t.txt", "\n".join(text).encode()).passages] == text


def test_a_mirrors_pinyin_and_a_portals_widgets_hide_no_trail_nor_headline() -> None:
    # a mirror glued pinyin into the trail (當(dāng)前位置); a portal's city switch and
    # its hot searches sit above the headline, the posting line is in Traditional
    page = [
        "• [南京] 切換",
        "熱搜詞:榮威 Smart 上汽 比亞迪",
        "當(dāng)前位置: 首頁 » 汽車 » 法規(guī)服務(wù) » 正文",
        "電子停車收費昨起覆蓋全北京",
        "發(fā)布日期:2019-12-05 來源:人民網(wǎng)",
        "從昨天開始,第三批道路停車改革在門頭溝、房山等區實施。",
    ]
    document = read_document("page.txt", "\n".join(page).encode())
    assert document.title == "電子停車收費昨起覆蓋全北京"
    assert all("切換" not in p.text and "首頁" not in p.text for p in document.passages)
    # a sentence naming a city's switch or hot words is text
    text = ["市民可在首页切换城市查看本地政策。", "热搜词显示，停车收费最受关注。"]
    assert list(clean(text).lines) == text
    # the hot searches under a shorter label, above a law site's trail and the text's title
    page = [
        "热搜: 食品  烟台  奶粉  保健品  海产品",
        "当前位置: 首页 » 食品法规 » 地方食品法规 » 正文",
        "贵州省茶产业发展条例",
        "第一条 为了保障茶产业持续健康发展，制定本条例。",
    ]
    assert read_document("page.txt", "\n".join(page).encode()).title.startswith("贵州省茶产业")
    text = [
        "热搜：某地暴雨冲上榜首。",
        "热门关键词：茶叶，绿茶，红茶。",
        "热门：故宫、长城、颐和园、天坛",
        "热搜：“淄博烧烤”话题阅读量突破10亿次",
    ]
    assert list(clean(text).lines) == text


def test_a_bulletins_page_header_with_its_issue_and_day_is_no_title() -> None:
    page = [
        "二版:综合新闻总第1086期 >2013-01-07编印",
        "",
        "警方查扣200余箱非法烟花爆竹",
        "刊发日期:2013-01-07 阅读次数: 作者:lxxwzx",
        "通过正规渠道采购烟花爆竹销售利润太少,杂货店的女老板就从外地非法采购了烟花爆竹。",
    ]
    document = read_document("laixi.txt", "\n".join(page).encode())
    assert document.title == "警方查扣200余箱非法烟花爆竹"
    text = ["二版稿件由编辑部统一审定。", "总第1086期刊登了这篇报道。"]
    assert list(clean(text).lines) == text


def test_an_editors_placeholder_title_is_no_headline() -> None:
    page = [
        "无标题文档",
        "无标题文档",
        "  当前位置: 首页>> 今日中国>> 中国要闻",
        "我国首次交通战备综合应急保障演练在兰州举行",
        "中央政府门户网站   2011年09月21日 20时03分   来源:新华社",
        "新华社兰州9月21日电 我国首次战时军事交通综合应急保障演练日前在甘肃兰州结束。",
    ]
    document = read_document("yanlian.txt", "\n".join(page).encode())
    assert document.title == "我国首次交通战备综合应急保障演练在兰州举行"
    assert not any("无标题" in p.text for p in document.passages)
    # counter-example: a title saying 无标题 among its other words is a title
    poem = ["无标题的诗", "这是一首没有标题的诗，写在一个冬天的早晨，诗人后来也没有给它起名。"]
    assert read_document("poem.txt", "\n".join(poem).encode()).title == "无标题的诗"


def test_a_pages_fold_and_its_follow_us_footer_are_no_last_paragraph() -> None:
    page = [
        "这届进博会,不一般!",
        "第三届中国国际进口博览会在上海开幕,展览面积比上届扩大近3万平方米。",
        "进博会的大门越开越大,世界各国共享中国大市场的机遇。",
        "查看余下全文",
        "更多精彩资讯请关注tft每日頭條,我们将持续为您更新最新资讯!",
    ]
    cleaned = clean(page)
    assert list(cleaned.lines) == page[:3]
    # the words in a sentence of the text stay
    text = [
        "请查看全文件内容。",
        "考生可登录省教育考试院网站报名，更多信息请关注省教育考试院官方网站。",
        "更多相关信息可关注市场监管局发布的消费提示，谨防上当受骗。",
    ]
    assert list(clean(text).lines) == text


def test_a_news_sites_day_line_with_its_buttons_is_no_text() -> None:
    furniture = ["2012年7月27日  星期五 收藏首頁|簡體繁體", "2024年3月1日 星期五 设为首页 加入收藏"]
    # the day alone may be the text's (a dateline, a diary's day)
    text = ["2012年7月27日 星期五", "2024年3月1日 星期五 晴"]
    assert list(clean(furniture + text).lines) == text


def test_a_sites_keywords_at_a_pages_head_are_no_title_nor_text() -> None:
    keywords = "精品视频在线看,免费一区二区,日韩欧美一区,国产精品久久久久久精,最大网址导航"
    headline = "天津发布互联网租赁自行车新规征求意见稿"
    page = [keywords, "", headline, "意见指出，运营车辆三年强制报废。"]
    document = read_document("tj.txt", "\n".join(page).encode())
    assert document.title == headline
    assert all("精品" not in p.text for p in document.passages)
    # counter-examples: a slogan of even parts, a sentence a report's line breaks cut, a
    # regulation's opening written with HTML's commas
    for head in (
        "守初心,担使命,找差距,抓落实",
        "现在，我代表市政府，向大会报告，请予审议，并请",
        "为加强房屋使用安全管理,保障人民生命财产安全,根据《中华人民共和国建筑法》,结合本市实际",
        "坚持稳中求进,推动高质量发展,奋力谱写新篇章,加快建设现代化强市",
        "房子漏水,楼上邻居不管,物业也不管,该找谁,急,在线等",
    ):
        assert list(clean([head, "正文。"]).lines) == [head, "正文。"]


def test_a_sites_menu_bar_and_calendar_at_a_pages_head_are_no_title() -> None:
    menu = "投保知识手册 | 报销型医疗保险 | 重大疾病保险 | 津贴型医疗保险 | 护理保险 | 产品"
    page = [menu, "今天是", "15城市开展长期护理保险制度试点", "此次开展试点的城市共15个。"]
    document = read_document("xiangrikui.txt", "\n".join(page).encode())
    assert document.title == "15城市开展长期护理保险制度试点"
    # and a trail's items with no label over the headline
    page = ["> 金融观察 > 金融动态", "单用途预付卡管理办法发布", "商务部昨天发布了办法。"]
    assert read_document("sohu.txt", "\n".join(page).encode()).title.startswith("单用途")
    # menus of two rows, or with an item in Latin letters, and a trail under a search box
    for head in (
        [
            "网站首页 | 学校概况 | 机构设置 | 教育教学 | 招生",
            "党建工作 | 校园文化 | 信息公开 | 联系我们 | 信箱",
        ],
        ["首页 | English | 无障碍 | 长者模式 | 登录"],
        ["站内搜索", "> 金融观察 > 金融动态"],
    ):
        assert clean([*head, "某中学召开秋季运动会", "正文。"]).lines[0] == "某中学召开秋季运动会"
    # counter-examples: a column's name and keywords beside the headline are its <title>, a
    # table's head over its rows is text, and so is an address written with a slash
    assert clean(["党史学习教育|不忘初心、牢记使命", "正文。"]).lines[0].startswith("党史")
    for table in (
        ["序号 | 城市 | 试点时间 | 筹资标准 | 待遇水平", "1 | 承德 | 2016 | 90元 | 70%"],
        [
            "地区 | 政策名称 | 补贴对象 | 补贴标准 | 发布时间",
            "北京 | 以旧换新 | 个人 | 2000元 | 2024年",
        ],
    ):
        assert clean(table).lines == tuple(table)
    address = "所在位置：杭州市西湖区文三路与学院路交叉口/东北角"
    assert clean([address]).lines == (address,)


def test_a_sidebar_links_day_does_not_date_the_page() -> None:
    page = [
        "2019年秋季运动会竞赛规程--教学处",
        "2026年7月学考试场布置要求[07-01]",
        "2019年秋季运动会竞赛规程",
        "一、运动会于10月举行。",
    ]
    assert read_document("guicheng.txt", "\n".join(page).encode()).meta.year == 2019
    # and the page's own day under the link still dates it
    page = [page[0].removeprefix("2019年"), page[1], "2019年9月20日", page[3]]
    assert read_document("guicheng.txt", "\n".join(page).encode()).meta.year == 2019


def test_a_law_librarys_record_fields_spaced_to_one_width_head_nothing() -> None:
    # 類      別: / 文      號: / 頒發日期: / 地   區: / 行   業: / 時效性: are the page's record
    # of the text, none of them a headline over it (a real page, in traditional characters)
    page = (
        CORPORA
        / "farmland_tax_folder/docs/guangxi_gengdi_zhanyongshui_shiyong_shuie_jueding_2019.txt"
    )
    document = read_document(page.name, page.read_bytes())
    fields = ("類", "文", "頒", "地", "行", "時")
    assert document.passages
    assert not any(s.startswith(fields) for p in document.passages for s in p.section)


def test_a_pages_stamps_over_a_headline_head_nothing() -> None:
    # a posting time, a credit, a count, a trail or a 正文 label above a page's headline is
    # the page's, not what its text is called: the headline under them heads the text
    for stamp in (
        "06.09.2017 15:52",
        "中国新闻网| 2025-04-22 10:34:41",
        "新华社 05-19 03:05",
        "1 / 3",
        "首頁>要聞 要聞",
        "新華網 正文",
        "404 Not Found",
    ):
        page = read_document(
            "hezuoshe_2017.txt",
            "\n".join(
                [
                    "全国农民专业合作社达193万多家",
                    stamp,
                    "本文来源: 人力资源和社会保障厅",
                    "全国农民专业合作社达193万多家",
                    "46.8%的农户入社",
                    "据工商总局最新统计,全国农民专业合作社数量有193.3万家,入社农户占全国农户总数的"
                    "46.8%。",
                    "在数量猛增的同时,合作社的合作水平显著提升,逐步向一二三产业融合多种形式发展。",
                ]
            ).encode(),
        )
        assert page.passages[-1].section == ("46.8%的农户入社",), stamp
    # a headline with a time, a ">" or a number in it, and a number alone, still head their text
    for headline in (
        "1+1>2：协同发展的新路径",
        "直播：3月5日 9:00 十四届全国人大二次会议开幕会",
        "3.",
        "2019",
    ):
        page = read_document(
            "xietong.txt",
            "\n".join(
                [
                    "区域协调发展观察",
                    "前言部分说明了写作的背景和目的，并介绍了本文各部分的主要内容。",
                    headline,
                    "京津冀三地打破行政壁垒，推动产业链、创新链深度融合，实现了一加一大于二的协同效应。",
                ]
            ).encode(),
        )
        assert page.passages[-1].section == (headline,), headline


def test_a_day_alone_under_a_decree_heads_nothing_after_it() -> None:
    page = read_document(
        "jinan_guanqu_2005.txt",
        "\n".join(
            [
                "濟南市邢家渡引黃灌區管理辦法",
                "引言",
                "經2005年2月17日市政府第21次常務會議審議通過, 現予以發布,自2005年5月1日起施行。",
                "二○○五年三月十六日",
                "具體內容",
                "第一條 為加強邢家渡引黃灌區管理,充分發揮灌區工程設施的綜合效益,促進經濟發展,"
                "制定本辦法。",
                "第二條 市水利局是邢家渡引黃灌區的行政主管部門。",
            ]
        ).encode(),
    )
    articles = [p for p in page.passages if p.text.startswith("第")]
    assert [p.section for p in articles] == [("具體內容", "第一条"), ("具體內容", "第二条")]
    assert all("二○○五年三月十六日" not in label for p in page.passages for label in p.section)


def test_those_addressed_alone_on_a_line_are_no_passage() -> None:
    # 亲爱的同学们: opens a speech as 同志们： does; 联系我们 is a page's link, not an address
    speech = read_document(
        "kaixue_2019.txt",
        "\n".join(
            [
                "在2019级新生开学典礼上的讲话",
                "亲爱的同学们、老师们:",
                "今天，我们在这里隆重举行开学典礼，热烈欢迎来自全国各地的新同学加入这个大家庭。",
                "共青团员们，青年朋友们，同志们：",
                "希望大家珍惜时光，刻苦学习，在奋斗中实现自己的人生价值，不负青春，不负韶华。",
            ]
        ).encode(),
    )
    texts = [p.text for p in speech.passages]
    assert not any(t.endswith(("们:", "们：")) for t in texts)
    assert any(t.startswith("今天，我们在这里") for t in texts)
    # a title or a heading naming those it is for is no salutation
    letter = read_document(
        "zhi_jiazhang.txt",
        "\n".join(
            [
                "致家长们",
                "暑假即将来临，为了让孩子们度过一个安全、快乐、充实的假期，特向各位家长提出以下建议。",
                "写给孩子们",
                "假期里要合理安排作息时间，按时完成作业，多读书，多参加有益的社会实践活动，"
                "注意交通安全和防溺水安全。",
            ]
        ).encode(),
    )
    assert letter.title == "致家长们"
    assert letter.passages[-1].section == ("写给孩子们",)


def test_a_news_apps_prompt_and_a_font_size_widget_are_no_text() -> None:
    furniture = [
        "打开网易新闻 查看精彩图片",
        "扫码阅读《意见》全文",
        "字號:默認 超大 | 打印 |",
        "更多>>",
    ]
    text = [  # (no sentence ends: a line ending 。 is kept before any rule is tried)
        "打开城市发展新大门",
        "扫码支付",
        "扫码查看核酸检测结果",
        "特大暴雨",
        "超大城市",
        "更多精彩",
    ]
    cleaned = clean(furniture + text)
    assert list(cleaned.lines) == text
