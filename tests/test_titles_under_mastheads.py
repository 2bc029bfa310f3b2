"""Titles under what a page or a paper prints above them: a site's masthead or channel, a
speech's salutation, a related item printed twice lower down, a title in two lines in
Traditional characters, and a page with no title named by the text it adopts. Each rule
beside the page it must leave as it was."""

from __future__ import annotations

from retrieval.corpus import read_document
from tests.indexing import read_lines


def test_a_sites_masthead_and_a_speechs_salutation_are_no_title() -> None:
    # 法搜网--中国法律信息搜索网 over the law's name: a masthead, not its title's first half
    title, _ = read_lines(
        "yanhua.txt",
        [
            "法搜网--中国法律信息搜索网",
            "烟花爆竹安全管理条例",
            "第一条 为了加强烟花爆竹安全管理,制定本条例。",
        ],
    )
    assert title.startswith("烟花爆竹安全管理条例")
    # a title broken over two lines whose first half ends in 网 is joined still
    title, _ = read_lines(
        "suanli.txt",
        ["全国一体化算力网", "建设实施方案", "一、总体要求", "加快构建全国一体化算力网。"],
    )
    assert title == "全国一体化算力网建设实施方案"
    # the speech's salutation heads no page (its file name does); a title above it does
    speech = ["同志们,各位新闻媒体朋友们:", "大家上午好!今天我们召开新闻发布会。"]
    assert read_lines("fabuhui_jianghua.txt", speech)[0] == "fabuhui_jianghua"
    assert (
        read_lines("t.txt", ["在条例新闻发布会上的讲话", *speech])[0] == "在条例新闻发布会上的讲话"
    )


def test_a_headline_printed_twice_over_its_posting_line_wins_over_an_advert_title() -> None:
    # a mirror's advert title, then the site's name (a source line), then the page's own
    # headline twice (its <title> and <h1>) over its posting line
    page = [
        "电竞下注-中国电竞赛事及体育赛事平台",
        "中华网",
        "設為書簽Ctrl+D將本頁面保存為書簽,全面了解最新資訊,方便快捷。",
        "教育部:“十三五” 我國學前三年毛入園率達83.4%",
        "教育部:“十三五” 我國學前三年毛入園率達83.4%",
        "2020-12-10 15:32:21 央視網",
        "10日上午,教育部在京召開新聞發布會,介紹“十三五”期間基礎教育改革發展的情況。",
    ]
    assert read_lines("news.txt", page)[0] == "教育部:“十三五” 我國學前三年毛入園率達83.4%"
    # a first line with its own day under it keeps the title from a related item printed
    # twice lower down
    related = [
        "市政府召开常务会议研究部署春耕生产工作",
        "来源：人民网 2024-03-01",
        "会议指出，要抓好春耕生产。",
        "相关新闻",
        "全省春耕生产工作现场会在南昌召开",
        "全省春耕生产工作现场会在南昌召开",
        "2024-02-28 新华网",
        "现场会要求各地抓好春耕备耕。",
    ]
    assert read_lines("chungeng.txt", related)[0] == "市政府召开常务会议研究部署春耕生产工作"
    # a headline over its source line stays the title when the text quotes it again
    news = [
        "电子停车收费覆盖全市",
        "人民网",
        "记者报道：电子停车收费覆盖全市。",
        "电子停车收费覆盖全市",
    ]
    assert read_lines("n.txt", news)[0] == "电子停车收费覆盖全市"


def test_a_page_with_no_title_is_named_by_the_text_it_adopts() -> None:
    # a WeChat post printing a city's regulation under the sentence adopting it
    page = [
        "文明习惯的养成,是一个长期的渐进的过程。文明,让我们的生活更美好。",
        "每天一小步,",
        "《郑州市文明行为促进条例》已经郑州市第十四届人民代表大会常务委员会第三十三次会议于"
        "2017年12月21日通过,现予公布,自2018年7月1日起施行。",
        "第一章 总 则",
        "第一条 为了培育和践行社会主义核心价值观,制定本条例。",
    ]
    document = read_document("zhengzhou_2018_post.txt", "\n".join(page).encode())
    assert document.title.startswith("郑州市文明行为促进条例")
    assert document.meta.kind == "条例" and document.meta.year == 2018
    # a sentence about a text adopted, with no text printed under it, names no page (its
    # lead does)
    news = [
        "据报道,全市文明创建工作稳步推进。",
        "《郑州市文明行为促进条例》已经市人大常委会会议通过,将于明年施行。",
        "市民普遍表示支持。",
    ]
    assert read_lines("zhengzhou_news.txt", news)[0] == "据报道,全市文明创建工作稳步推进"


def test_an_explainer_under_a_texts_adoption_is_not_that_text() -> None:
    page = [
        "据报道,全市文明创建工作稳步推进。",
        "《郑州市文明行为促进条例》已经市人大常委会会议通过,将于明年施行。",
        "一、条例出台的背景",
        "近年来,我市文明城市创建工作取得长足进展,群众对文明出行的要求越来越高。",
    ]
    assert read_lines("zhengzhou_jiedu.txt", page)[0] == "据报道,全市文明创建工作稳步推进"


def test_traditional_titles_in_two_lines_and_under_a_channels_masthead() -> None:
    # a title broken over two lines, read in Simplified characters for its kind
    title, _ = read_lines(
        "neilao.txt",
        ["國務院辦公廳關于加強城市", "內澇治理的實施意見", "國辦發〔2021〕11號", "一、總體要求"],
    )
    assert title == "國務院辦公廳關于加強城市內澇治理的實施意見"
    # a site's channel over a two-line headline is no half of it, nor a record's field
    title, _ = read_lines(
        "laojiu.txt",
        [
            "人民網健康·生活",
            "國務院辦公廳印發指導意見",
            "全面推進城鎮老舊小區改造工作",
            "2020年07月21日08:28 來源:人民網-人民日報海外版",
            "據新華社北京7月20日電 國務院辦公廳日前印發《關于全面推進城鎮老舊小區改造工作的"
            "指導意見》。",
        ],
    )
    assert title == "全面推進城鎮老舊小區改造工作"
    # (a headline naming someone with a middle dot joins its second line still)
    title, _ = read_lines("wente.txt", ["对话互联网之父温特·瑟夫", "谈网络治理的意见", "一、背景"])
    assert title == "对话互联网之父温特·瑟夫谈网络治理的意见"
    title, _ = read_lines(
        "caoyuan.txt",
        ["【有 效 性】有效", "【標 題】草原防火條例", "【頒布日期】1993-10-05", "第一章 總 則"],
    )
    assert title.startswith("草原防火條例")


def test_a_sites_day_of_the_week_anchors_no_title_and_a_bulleted_posting_line_does() -> None:
    # the site's slogan over the day it was read, its trail, then the headline over its
    # posting line set as a bullet
    page = [
        "新闻源 财富源",
        "2024年04月27日 星期六",
        "财经 > 滚动新闻 > 正文",
        "加快推进以航空港实验区为统揽的郑州都市区建设",
        "• 发布时间:2015-07-22 03:29:39 来源:郑州晚报 作者:佚名",
        "昨日上午,市委、市政府召开全市2015年上半年经济工作会议,总结上半年工作。",
    ]
    document = read_document("zhengzhou_2015.txt", "\n".join(page).encode())
    assert document.title == "加快推进以航空港实验区为统揽的郑州都市区建设"
    assert document.meta.year == 2015
    dotted = [line.replace("• ", "· ") for line in page]  # a middle dot as its bullet
    assert read_lines("zz.txt", dotted)[0] == "加快推进以航空港实验区为统揽的郑州都市区建设"
    # counter-example: a text's own date line under its title still anchors it
    notice = [
        "关于做好春节期间安全生产工作的通知",
        "2024年1月26日",
        "各县区:现将有关事项通知如下。",
    ]
    assert read_lines("tongzhi.txt", notice)[0].startswith("关于做好春节期间安全生产工作的通知")
