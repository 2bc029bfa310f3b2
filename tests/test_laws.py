"""What a question's naming of laws and regulations is read as: short names, editions,
issuers and levels, implementing rules, and the texts that only cite them."""

from __future__ import annotations

from pathlib import Path

from retrieval.laws import law_names, names_a_held_law, outer_titles
from retrieval.model import Document
from retrieval.names import document_names
from retrieval.search import answer
from retrieval.segment import default_segmenter
from retrieval.targets import find_target
from tests.indexing import index_of, read
from tests.test_targets import doc


def test_a_laws_short_name_glued_to_the_next_word_still_names_it() -> None:
    law = doc(
        "kj.md",
        [
            "# 中华人民共和国科学技术进步法",
            "2021年12月24日 第十三届全国人民代表大会常务委员会第三十二次会议第二次修订",
            "第一条 为了全面促进科学技术进步，制定本法。",
            "第一百一十七条 本法自2022年1月1日起施行。",
        ],
    )
    # jieba cuts 科技进步 / 法里: the law is named all the same
    assert find_target("国家层面的科技进步法里怎么说", (law,)).docs == {"kj.md"}
    target = find_target("新修订的科技进步法是从哪天开始施行的", (law,))
    assert target.docs == {"kj.md"} and target.said == ("新修订的科技进步法",)
    # 法援 (法律援助) and 工作法 are no law's end
    assert find_target("公检法必须通知法援机构吗", (law,)).docs is None
    assert not find_target("综治中心的工作法是什么", (law,)).missing


def test_a_regulation_a_study_text_holds_is_what_is_asked_not_the_texts_name() -> None:
    bundle = doc(
        "tx.txt",
        [
            "党内法规体系",
            "《中国共产党问责条例》《中国共产党纪律处分条例》等是党的监督保障法规。",
            "党章在党内法规体系中位阶最高。",
        ],
    )
    target = find_target("问责条例在党内法规体系中属于哪一类", (bundle,))
    # named by its own title, not by the regulation it holds
    assert target.docs == {"tx.txt"} and not any("问责条例" in s for s in target.said)


def test_an_issuer_and_a_kind_name_no_document() -> None:
    rules = doc(
        "zj.md",
        [
            "# 宗教事务条例",
            "2017年6月14日 国务院第176次常务会议修订通过",
            "第六条 乡级人民政府应当做好本行政区域的宗教事务管理工作。",
        ],
    )
    # 国务院条例 is the State Council's regulation, not one called so
    assert not find_target("按国务院条例，乡镇政府承担什么角色", (rules,)).missing
    assert find_target("按宗教工作条例，乡镇政府承担什么角色", (rules,)).missing


def test_the_implementing_rules_of_a_text_held_are_another_text() -> None:
    regulation = doc(
        "jj.txt",
        [
            "医疗保障基金使用监督管理条例",
            "第一条 为了加强医疗保障基金使用监督管理，制定本条例。",
            "第二条 本条例适用于中华人民共和国境内基本医疗保险基金使用的监督管理。",
        ],
    )
    asked = "医疗保障基金使用监督管理条例实施细则对飞行检查是怎么规定的"
    assert find_target(asked, (regulation,)).missing == "《医疗保障基金使用监督管理条例实施细则》"
    assert find_target("医疗保障基金使用监督管理条例对飞行检查怎么规定", (regulation,)).docs
    rules = doc(
        "ss.txt", ["浙江省实施《中华人民共和国村民委员会组织法》办法", "第一条 为了…制定本办法。"]
    )
    held = find_target("这个浙江的村委会组织法实施办法从哪天开始施行", (regulation, rules))
    assert held.docs == {"ss.txt"} and not held.missing
    # the law quoted inside the name (北京实施《种子法》办法) is part of it
    seeds = doc("zz.txt", ["北京市实施《中华人民共和国种子法》办法", "第一条 为了…制定本办法。"])
    later = doc("tl.txt", ["北京市种子条例", "第一条 为了…制定本条例。"])
    asked = "北京实施《种子法》办法从哪天起施行，同时废止的是哪部条例？"
    assert find_target(asked, (seeds, later)).docs == {"zz.txt"}


def test_a_law_named_with_and_and_cited_only_by_another_is_not_held() -> None:
    rules = doc(
        "zj.txt",
        [
            "浙江省医疗保障条例",
            "第一条 根据《中华人民共和国基本医疗卫生与健康促进法》等有关法律，制定本条例。",
            "第四十三条 定点医药机构应当建立医疗保障基金使用内部管理制度。",
        ],
    )
    # its own 第四十三条 is no citation of the law's
    asked = "基本医疗卫生与健康促进法第四十三条对公立医院是怎么规定的"
    assert find_target(asked, (rules,)).missing == "《基本医疗卫生与健康促进法》"
    case = doc(
        "al.txt",
        [
            "违反《医疗保障基金使用监督管理条例》案例评析",
            "某医院违反《医疗保障基金使用监督管理条例》第三十八条，被处以罚款。",
        ],
    )
    # a case study citing the article asked holds what it says of it
    assert not find_target("医疗保障基金使用监督管理条例第三十八条怎么规定", (case,)).missing


def test_a_question_asking_of_the_national_text_prefers_it_to_a_places() -> None:
    national = doc(
        "gj.txt", ["宗教事务条例", "第四十七条 从事互联网宗教信息服务，应当经省级以上审核同意。"]
    )
    local = doc(
        "zj.txt",
        ["浙江省宗教事务条例", "第二十五条 从事互联网宗教信息服务，应当经省宗教事务部门审核同意。"],
    )
    both = (national, local)
    assert find_target("按国务院条例，互联网宗教信息服务谁审核", both).preferred == {"gj.txt"}
    assert find_target("国家层面对互联网宗教信息服务怎么规定", both).preferred == {"gj.txt"}
    assert find_target("浙江对互联网宗教信息服务怎么规定", both).docs == {"zj.txt"}
    assert find_target("互联网宗教信息服务谁审核", both).preferred == frozenset()


def test_the_state_councils_text_named_by_its_short_name_is_preferred_to_a_citys() -> None:
    national = doc(
        "gj.md",
        [
            "城市市容和环境卫生管理条例",
            "第二十条 城市人民政府市容环境卫生行政主管部门，应当设置公共厕所。",
        ],
    )
    city = doc(
        "ly.md",
        ["洛阳市城市市容和环境卫生管理条例", "第二十八条 公共厕所应当设置明显标志，推行昼夜开放。"],
    )
    both = (national, city)
    # 城市 / 市容: 城市 is no place's name (jieba tags 城市 a place, but knows no 城市市), so
    # the national regulation names no place and is the State Council's
    target = find_target("国务院市容环卫条例里，公共厕所归谁管？", both)
    assert target.preferred == {"gj.md"}
    # counter-examples: a city named is its own, with 国务院 in the question or not
    assert find_target("洛阳的市容环卫条例里公共厕所归谁管", both).docs == {"ly.md"}
    assert find_target("公共厕所归谁管", both).preferred == frozenset()
    assert find_target("按国务院批准的洛阳市容条例，公共厕所归谁管", both).docs == {"ly.md"}


def test_a_level_and_a_kind_name_no_document() -> None:
    rules = doc(
        "wy.txt",
        ["物业管理条例", "第十四条 召开业主大会会议，应当于会议召开15日以前通知全体业主。"],
    )
    for asked in ("国家条例要求提前几天通知业主", "按省里的条例提前几天通知业主"):
        assert not find_target(asked, (rules,)).missing, asked


def test_a_year_between_two_editions_asks_of_the_one_then_in_force() -> None:
    def edition(name: str, history: str) -> Document:
        return doc(
            name, ["# 北京市审计条例", history, "第二十七条 市和区人民政府应当督促被审计单位整改。"]
        )

    old = edition(
        "bj2012.txt", "2012年7月27日 北京市第十三届人民代表大会常务委员会第三十四次会议通过"
    )
    new = edition("bj2023.txt", "2023年11月24日 北京市第十六届人民代表大会常务委员会第六次会议修正")
    both = (old, new)
    assert find_target("2017年版北京市审计条例第二十七条讲的是什么", both).docs == {"bj2012.txt"}
    assert find_target("2024年北京市审计条例第二十七条讲的是什么", both).docs == {"bj2023.txt"}
    # before them all: the corpus lacks it
    assert find_target("2005年北京市审计条例第二十七条讲的是什么", both).missing
    # an edition word inside the name names no other text
    assert not find_target("北京现行审计条例里能约谈负责人吗", both).missing


def test_a_places_law_named_in_full_is_not_the_one_regulation_of_that_place_held() -> None:
    henan = doc(
        "hn.md",
        [
            "# 河南省劳动保障监察条例",
            "第一条 为了规范劳动保障监察工作，制定本条例。",
            "第二条 就业困难人员的认定，由人力资源社会保障部门负责。",
        ],
    )
    shandong = doc(
        "sd.md",
        ["# 山东省法治宣传教育条例", "第一条 实行谁执法谁普法的普法责任制。"],
    )
    corpus = (henan, shandong)
    target = find_target("河南省就业促进条例对就业困难人员是怎么认定的", corpus)
    assert target.missing == "《河南省就业促进条例》" and target.docs is None
    # the place's own regulation, named or described, is still the one held
    assert find_target("河南省劳动保障监察条例怎么认定就业困难人员", corpus).docs == {"hn.md"}
    assert find_target("河南那个条例怎么认定就业困难人员", corpus).docs == {"hn.md"}
    assert find_target("山东那个普法条例里谁执法谁普法怎么规定", corpus).docs == {"sd.md"}


def test_a_laws_name_jieba_tags_as_a_proper_noun_names_no_place() -> None:
    data = doc("sj.md", ["# 中华人民共和国数据安全法", "第一条 为了规范数据处理活动，制定本法。"])
    net = doc("wl.md", ["# 中华人民共和国网络安全法", "第二十一条 网络日志留存不少于六个月。"])
    # jieba cuts 数据 / 安全法 and tags 安全法 a name: 网络安全法 holds it, and is another law
    assert find_target("网络安全法规定网络日志至少要留存多长时间", (data, net)).docs == {"wl.md"}
    assert find_target("数据安全法是为了什么制定的", (data, net)).docs == {"sj.md"}


def test_a_year_after_the_only_edition_held_asks_of_it_unless_a_revision_is_asked() -> None:
    net = doc(
        "wl.md",
        [
            "# 中华人民共和国网络安全法",
            "2016年11月7日 第十二届全国人民代表大会常务委员会第二十四次会议通过",
            "第八条 国家网信部门负责统筹协调网络安全工作和相关监督管理工作。",
        ],
    )
    one = doc(
        "yh.txt",
        [
            "中共中央 国务院关于做好2023年全面推进乡村振兴重点工作的意见",
            "（2023年1月2日）",
            "一、抓紧抓好粮食和重要农产品稳产保供。",
        ],
    )
    corpus = (net, one)
    asked = find_target("17年6月起施行的网络安全法里，哪个部门统筹协调网络安全工作", corpus)
    assert asked.docs == {"wl.md"} and not asked.missing
    # counter-examples: a revision the corpus may not hold, and one year's 意见 in another year
    assert find_target("2025年修正后的网络安全法把罚款上限提高到多少", corpus).missing
    assert find_target("2024年中央一号文件提出了什么", corpus).missing


def test_a_regulation_whose_name_ends_in_a_word_jieba_keeps_whole_is_named() -> None:
    held = doc(
        "bj.md",
        [
            "# 北京市统计条例",
            "2015年5月29日 北京市第十四届人民代表大会常务委员会第十九次会议通过",
            "第二十条 统计调查对象迟报统计资料的，由市统计局责令改正。",
        ],
    )
    # jieba keeps 管理条例 whole: 重庆市统计管理条例 is still a regulation, and not held
    asked = find_target("重庆市统计管理条例对迟报统计资料的企业怎么罚", (held,))
    assert asked.missing == "《重庆市统计管理条例》"
    # counter-examples: 管理条例 or 管理办法 alone names none
    assert not find_target("按管理条例，迟报统计资料怎么罚", (held,)).missing
    assert not find_target("哪几种税的征收管理办法由国务院另行制定", (held,)).missing


def test_two_names_said_apart_name_two_texts_and_one_inside_another_names_one() -> None:
    law = doc(
        "qs.md",
        [
            "# 中华人民共和国契税法",
            "第一条 在境内转移土地、房屋权属，承受的单位和个人为契税的纳税人。",
        ],
    )
    old = doc(
        "zx.md",
        [
            "# 中华人民共和国契税暂行条例",
            "第一条 转移土地、房屋权属，承受的单位和个人应当缴纳契税。",
        ],
    )
    both = find_target("契税法从哪天开始施行？原来那个契税暂行条例还管用吗", (law, old))
    assert both.docs == {"qs.md", "zx.md"}
    assert set(both.said) == {"契税法", "契税暂行条例"}
    # counter-example: 契税 inside 契税暂行条例 does not also name the law
    assert find_target("契税暂行条例第一条怎么规定", (law, old)).docs == {"zx.md"}


def test_another_places_regulation_named_in_full_is_not_held() -> None:
    shandong = doc(
        "sd.txt",
        [
            "山东省企业国有资产监督管理条例",
            "第二十条 履行出资人职责的机构对企业负责人实行任期考核。",
        ],
    )
    asked = find_target("浙江省企业国有资产监督管理条例有没有规定任期考核", (shandong,))
    assert asked.missing == "《浙江省企业国有资产监督管理条例》"
    # counter-examples: its own place's, in full or shortened, names it
    own = find_target("山东省企业国有资产监督管理条例对任期考核怎么规定", (shandong,))
    assert own.docs == {"sd.txt"}
    assert find_target("山东国资条例对任期考核怎么规定", (shandong,)).docs == {"sd.txt"}
    # and a place said without 市 before a word starting with 城 is still that place
    renewal = doc("sh.md", ["# 上海市城市更新条例", "第一条 为了推进城市更新，制定本条例。"])
    assert find_target("上海城市更新条例一开头说了什么", (renewal,)).docs == {"sh.md"}


def test_the_one_implementing_regulation_held_is_named_by_its_kind_alone() -> None:
    law = doc("fa.md", ["# 中华人民共和国食品安全法", "第一条 为了保证食品安全，制定本法。"])
    rules = doc(
        "tl.md", ["# 中华人民共和国食品安全法实施条例", "第一条 根据食品安全法，制定本条例。"]
    )
    assert find_target("实施条例里说的回收食品指什么", (law, rules)).docs == {"tl.md"}
    # counter-example: of two, the kind alone names neither, nor is it a text the corpus lacks
    other = doc(
        "yp.md", ["# 中华人民共和国药品管理法实施条例", "第一条 根据药品管理法，制定本条例。"]
    )
    asked = find_target("实施条例里说的回收食品指什么", (law, rules, other))
    assert asked.docs is None and not asked.missing


def test_a_short_name_of_a_law_held_in_two_editions_names_the_one_its_year_or_new_picks() -> None:
    def edition(name: str, history: str) -> Document:
        return doc(name, ["# 中华人民共和国保守国家秘密法", history, "第三条 国家秘密受法律保护。"])

    old = edition("bm2010.md", "2010年4月29日 第十一届全国人民代表大会常务委员会第十四次会议修订")
    new = edition("bm2024.md", "2024年2月27日 第十四届全国人民代表大会常务委员会第八次会议修订")
    rules = doc(
        "tl.md",
        [
            "# 中华人民共和国保守国家秘密法实施条例",
            "第一条 根据《中华人民共和国保守国家秘密法》（以下简称保密法）的规定，制定本条例。",
        ],
    )
    held = (old, new, rules)
    assert find_target("2024年保密法第三条讲的是什么", held).docs == {"bm2024.md"}
    # a three-character short name counts after a word dating or citing it
    assert find_target("2010年版保密法里定密责任人是谁", held).docs == {"bm2010.md"}
    assert find_target("新保密法把涉密人员分成哪几类", held).docs == {"bm2024.md"}
    # jieba glues 按新: the edition word is still no part of the name
    assert find_target("按新保密法，网站应该怎么做", held).docs == {"bm2024.md"}
    assert find_target("这句话是哪一版保密法的说法", held).docs == {"bm2010.md", "bm2024.md"}
    assert find_target("按保密法，涉密电脑能上网吗", held).docs == {"bm2010.md", "bm2024.md"}
    # nor is a method a law (新方法, 老办法)
    assert find_target("有什么新方法能管好涉密电脑", held).docs is None


def test_a_revision_its_history_records_names_the_text_when_its_making_is_asked() -> None:
    law = doc(
        "yw.md",
        [
            "# 中华人民共和国义务教育法",
            "1986年4月12日 第六届全国人民代表大会第四次会议通过",
            "2006年6月29日 第十届全国人民代表大会常务委员会第二十二次会议修订",
            "2018年12月29日 第十三届全国人民代表大会常务委员会第七次会议第二次修正",
            "第六十三条 本法自2006年9月1日起施行。",
        ],
    )
    target = find_target("2006年修订的义务教育法从哪天起施行", (law,))
    assert target.docs == {"yw.md"} and not target.missing
    # counter-example: what the 2006 text said is not what the amended one says
    assert find_target("2006年版义务教育法里学校能收杂费吗", (law,)).missing


def test_a_revision_two_editions_record_names_the_nearer_and_no_passage_need_say_it() -> None:
    def edition(name: str, history: list[str], last: str) -> Document:
        return doc(name, ["# 中华人民共和国反不正当竞争法", *history, last])

    h2017 = "2017年11月4日 第十二届全国人民代表大会常务委员会第三十次会议修订"
    h2019 = "2019年4月23日 第十三届全国人民代表大会常务委员会第十次会议修正"
    h2025 = "2025年6月27日 第十四届全国人民代表大会常务委员会第十六次会议修订"
    old = edition("f2019.md", [h2017, h2019], "第三十三条 本法自2018年1月1日起施行。")
    new = edition("f2025.md", [h2017, h2019, h2025], "第四十一条 本法自2025年10月15日起施行。")
    target = find_target("2017年修订的反不正当竞争法是从哪天开始施行的", (old, new))
    assert target.docs == {"f2019.md"}
    assert target.years == () and target.soft_years == (2017,)


def test_a_two_character_short_name_names_the_one_law_it_abbreviates() -> None:
    law = doc(
        "xf.md",
        [
            "# 中华人民共和国消费者权益保护法",
            "第二十四条 经营者提供的商品不符合质量要求的，消费者可以退货。",
        ],
    )
    rules = doc(
        "cf.md",
        ["# 侵害消费者权益行为处罚办法", "第一条 为依法制止侵害消费者权益行为，制定本办法。"],
    )
    held = (law, rules)
    # 消法 is no 处罚办法, though both end in 法 and hold 消
    assert find_target("按消法，商家几天内要退款", held).docs == {"xf.md"}
    # counter-examples: 旧法 and 学法 name no law
    assert find_target("旧法里商家几天内要退款", held).docs is None
    assert find_target("学法用法有什么要求", held).docs is None


def test_a_laws_name_inside_a_local_texts_name_keeps_the_kind_after_it() -> None:
    local = doc(
        "zj.txt",
        [
            "浙江省实施《中华人民共和国村民委员会组织法》办法",
            "第十二条 村民委员会成员实行任期和离任经济责任审计。",
        ],
    )
    law = doc("cw.md", ["# 中华人民共和国村民委员会组织法", "第十二条 村民委员会每届任期五年。"])
    assert find_target("浙江实施村委会组织法办法第十二条讲的什么", (local, law)).docs == {"zj.txt"}


def test_a_long_history_is_still_a_history_naming_the_revision_asked() -> None:
    acts = [
        "1987年9月5日 第六届全国人民代表大会常务委员会第二十二次会议通过",
        "1995年8月29日 第八届全国人民代表大会常务委员会第十五次会议《关于修改〈中华人民共和国"
        "大气污染防治法〉的决定》第一次修正",
        "2000年4月29日 第九届全国人民代表大会常务委员会第十五次会议第一次修订",
        "2015年8月29日 第十二届全国人民代表大会常务委员会第十六次会议第二次修订",
        "2018年10月26日 第十三届全国人民代表大会常务委员会第六次会议《关于修改〈中华人民共和国"
        "野生动物保护法〉等十五部法律的决定》第二次修正",
    ]
    law = doc(
        "dq.md",
        ["# 中华人民共和国大气污染防治法", *acts, "第一百二十九条 本法自2016年1月1日起施行。"],
    )
    target = find_target("2015年修订的大气污染防治法什么时候开始施行", (law,))
    assert target.docs == {"dq.md"} and not target.missing


def test_a_laws_two_character_name_names_it_but_not_inside_its_implementing_texts_name() -> None:
    law = doc("sf.md", ["# 中华人民共和国水法", "第八十二条 本法自2002年10月1日起施行。"])
    local = doc(
        "bj.md",
        ["# 北京市实施《中华人民共和国水法》办法", "第六十九条 本办法自2005年1月1日起施行。"],
    )
    held = (law, local)
    assert find_target("现行的水法是从哪一天开始施行的", held).docs == {"sf.md"}
    assert find_target("北京实施水法办法从什么时候施行", held).docs == {"bj.md"}
    # counter-example: 节水 / 法规 says no 水法
    assert find_target("节水法规有哪些", held).docs is None


ENERGY = Path(__file__).resolve().parent / "data" / "corpora" / "energy_resources_folder"


def test_a_text_implementing_a_law_is_named_as_itself_not_as_the_law() -> None:

    segmenter = default_segmenter()
    index = index_of([read(p) for p in sorted((ENERGY / "docs").iterdir())], segmenter)
    province = index.document("zhejiang_shishi_jieyue_nengyuan_fa_banfa_2021.md")
    # its title quotes the law it implements: the quote is not its name, nor an edition
    assert "节约能源法" not in province.meta.names
    assert "浙江省实施节约能源法办法" in province.meta.names
    assert law_names("按浙江省实施道交法办法，出了事故") == ("浙江省实施道交法办法",)
    assert law_names("北京2004年版实施水法办法的第六章") == ("水法办法",)
    law = answer(index, "现行节约能源法是从哪天起施行的？", segmenter).hits[0].passage
    assert law.doc == "jieyue_nengyuan_fa_2018.md" and "2008年4月1日" in law.text
    own = answer(index, "浙江省实施节约能源法办法是从什么时候开始施行的？", segmenter)
    assert own.hits[0].passage.doc == province.doc and "2011年9月1日" in own.hits[0].passage.text


def test_a_three_character_law_name_counts_after_its_edition() -> None:

    assert law_names("2020年修正的选举法对境外资助怎么处理？") == ("选举法",)
    assert law_names("2024年新修订的保密法里，绝密级的期限多长？") == ("保密法",)
    assert law_names("2025年修改后的代表法要求设立什么机构？") == ("代表法",)
    # a longer name goes on past it; a method or a demonstrative names no law
    assert law_names("修订后的保密法实施条例从哪天施行？") == ("保密法实施条例",)
    assert law_names("全国人大常委会2008年通过的那部法") == ()
    assert law_names("马克思主义的辩证法怎么理解？") == ()
    assert law_names("总书记讲的辩证法里有什么？") == ()


def test_a_law_whose_name_ends_like_a_held_ones_is_missing_not_that_law() -> None:
    special = doc(
        "tz.md",
        ["# 中华人民共和国特种设备安全法", "第三十三条 特种设备使用单位应当办理使用登记。"],
    )
    # 安全法, the tail jieba tags a name, is no token naming 特种设备安全法
    asked = find_target("食品安全法规定食品生产许可证有效期是几年？", (special,))
    assert asked.missing == "《食品安全法》" and asked.docs is None
    # counter-example: the law itself, by its name, is held
    assert find_target("特种设备安全法规定使用单位要办理什么登记", (special,)).docs == {"tz.md"}


def test_a_places_measures_implementing_a_held_law_are_another_text() -> None:
    energy = doc(
        "jn.md",
        ["# 中华人民共和国节约能源法", "第三十五条 公共建筑应当实行室内温度控制制度。"],
    )
    asked = find_target("北京市实施节约能源法办法对公共建筑空调温度有什么规定？", (energy,))
    assert asked.missing == "《北京市实施节约能源法办法》"
    # counter-examples: the law named alone, and a place's measures the corpus holds
    assert find_target("节约能源法对公共建筑温度有什么规定", (energy,)).docs == {"jn.md"}
    seeds = doc(
        "bj.md",
        ["# 北京市实施《中华人民共和国种子法》办法", "第十条 禁止销售下列种子。"],
    )
    held = find_target("北京市实施种子法办法里禁止销售哪些种子", (energy, seeds))
    assert held.docs == {"bj.md"}


def test_a_place_said_before_a_regulations_name_is_that_places_regulation() -> None:
    henan = doc("hn.md", ["# 河南省盐业管理条例", "第十二条 工业盐的运输应当持有准运证。"])
    asked = find_target("广东省的盐业管理条例对工业盐跨区销售有什么规定？", (henan,))
    assert asked.missing == "《广东省盐业管理条例》" and asked.docs is None
    # counter-examples: its own place said so, and no place said
    assert find_target("河南省的盐业管理条例对工业盐有什么规定", (henan,)).docs == {"hn.md"}
    assert find_target("盐业管理条例对工业盐运输有什么规定", (henan,)).docs == {"hn.md"}


def test_a_short_name_names_the_text_whose_name_ends_with_it() -> None:
    deputies = doc(
        "db.md",
        ["# 中华人民共和国全国人民代表大会和地方各级人民代表大会代表法", "第一条 制定本法。"],
    )
    elections = doc(
        "xj.md",
        ["# 中华人民共和国全国人民代表大会和地方各级人民代表大会选举法", "第一条 制定本法。"],
    )
    # 代表法's characters are in both names; only one ends with it
    assert find_target("代表法第五章是讲什么内容的", (deputies, elections)).docs == {"db.md"}
    # counter-example: a short name both end with names neither
    assert find_target("人民代表大会法第一条讲什么", (deputies, elections)).docs is None


def test_a_law_shortened_with_a_stage_of_life_is_named_by_it() -> None:
    # jieba tags 老年 a time word; as the start of 老年人权益保障法's short name it is a noun
    assert law_names("旧版老年法第五章第一条") == ("老年法",)
    assert law_names("按现行老年法，子女虐待老人要担什么责任") == ("老年法",)
    # counter-example: a year pointed at names no law
    assert law_names("今年法治建设有什么新进展") == ()
    lines = ["中华人民共和国老年人权益保障法", "（2015年4月24日修正）", "第五章 社会优待"]
    article = "第五十二条 县级以上人民政府及其有关部门根据经济社会发展情况，制定优待老年人的办法。"
    index = index_of([doc("ln2015.md", [*lines, article])], default_segmenter())
    got = answer(index, "旧版老年法（2015）第五章第一条", default_segmenter())
    assert got.hits and got.hits[0].passage.text.startswith("第五十二条")


def test_when_a_named_law_takes_effect_is_its_own_article_of_entry_into_force() -> None:
    law = doc(
        "fjb.md",
        [
            "# 中华人民共和国反家庭暴力法",
            "第二条 本法所称家庭暴力，是指家庭成员之间以殴打、限制人身自由等方式实施的侵害行为。",
            "第三十三条 加害人实施家庭暴力，构成违反治安管理行为的，依法给予治安管理处罚。",
            "第三十六条 各地可以根据本法，结合各自实际情况，制定反家庭暴力实施办法。",
            "第三十二条 人身安全保护令由人民法院以裁定形式作出，自作出之日起生效。",
            "第三十七条 本法施行前设立的庇护机构，自本法施行之日起一年内重新登记。",
            "第三十八条 本法自2016年3月1日起施行。",
        ],
    )
    index = index_of([law], default_segmenter())
    # asked with 实施, where the article says 施行; not 各自…实施 nor a term counted from it
    got = answer(index, "反家庭暴力法哪年哪天开始实施的？", default_segmenter())
    assert [h.passage.text for h in got.hits] == ["第三十八条 本法自2016年3月1日起施行。"]
    # a question about something the law governs taking effect is not about the law's own
    # entry into force (counter-example)
    got = answer(index, "反家庭暴力法里庇护机构什么时候开始重新登记？", default_segmenter())
    assert got.hits[0].passage.text.startswith("第三十七条")
    got = answer(index, "反家庭暴力法里人身安全保护令从什么时候开始生效？", default_segmenter())
    assert got.hits[0].passage.text.startswith("第三十二条")


def test_a_title_nested_in_a_revision_decision_names_the_decision_not_the_law() -> None:
    law = doc(
        "cb.md",
        [
            "中华人民共和国农村土地承包法",
            "第三十一条 承包期内，妇女结婚，在新居住地未取得承包地的，发包方不得收回其原承包地。",
        ],
    )
    local = doc(
        "zj.md",
        [
            "浙江省实施《中华人民共和国农村土地承包法》办法",
            "2009年12月30日 浙江省人民代表大会常务委员会第十五次会议《关于修改＜浙江省实施"
            "《中华人民共和国农村土地承包法》办法＞的决定》修正",
            "第十五条 承包期内，妇女结婚，在新居住地无承包地的，发包方不得收回其原承包地。",
        ],
    )
    # a 《 never closed leaves the titles after it found
    assert outer_titles("依据《中华人民共和国 … 印发了《纪律处分条例》") == ["纪律处分条例"]
    assert outer_titles("《关于修改《实施《甲法》办法》的决定》与《乙法》") == [
        "关于修改《实施《甲法》办法》的决定",
        "乙法",
    ]
    # the law's short name names the law, not the measures implementing it
    assert find_target("按国家的土地承包法，女儿嫁到外村，承包地会被收回吗", (law, local)).docs == {
        "cb.md"
    }
    # counter-example: the measures named with their place are the measures
    assert find_target("浙江实施土地承包法办法对出嫁妇女怎么规定", (law, local)).docs == {"zj.md"}


def test_a_sites_tag_around_a_laws_title_is_no_part_of_its_name() -> None:
    tagged = doc(
        "zq2005.txt",
        ["[法律法规]中华人民共和国证券法(新)(一)", "第一条 为了规范证券发行和交易行为，制定本法。"],
    )
    reprint = doc(
        "qw2005.txt",
        [
            "中华人民共和国证券法全文【优秀4篇】",
            "第四十二条 证券交易以现货和国务院规定的其他方式进行交易。",
        ],
    )
    for page in (tagged, reprint):
        assert "证券法" in document_names(page), page.title
    # a tag that is the name stays (【民法典】全文)
    assert "民法典" in document_names(
        doc("mfd.txt", ["【民法典】全文", "第一条 为了保护民事主体的合法权益，制定本法。"])
    )
    # the tag is dropped from the names only: the page shows its title as written
    assert tagged.title == "[法律法规]中华人民共和国证券法(新)(一)"
    assert find_target("2005年版证券法第一条怎么说的", (tagged,)).docs == {"zq2005.txt"}


def test_why_a_named_law_was_made_is_its_article_saying_so() -> None:
    old = doc(
        "hb1989.txt",
        [
            "中华人民共和国环境保护法（1989年）",
            "第一条 为保护和改善生活环境与生态环境，防治污染和其他公害，制定本法。",
            "第二条 本法所称环境，是指影响人类生存和发展的各种自然因素的总体。",
            "第二十九条 国家在重点生态功能区划定生态保护红线，实行严格保护的红线制度。",
            "第四十七条 本法自公布之日起施行。",
        ],
    )
    index = index_of([old], default_segmenter())
    hits = answer(index, "1989年版环保法的立法目的是什么？", default_segmenter()).hits
    assert hits and hits[0].passage.text.startswith("第一条")
    # counter-examples: asked when it takes effect, its article of entry into force; asked
    # why it made something it governs, what it says of that
    hits = answer(index, "1989年版环保法从哪天开始施行", default_segmenter()).hits
    assert hits and hits[0].passage.text.startswith("第四十七条")
    hits = answer(index, "环保法为什么要制定生态保护红线制度", default_segmenter()).hits
    assert hits and hits[0].passage.text.startswith("第二十九条")


def test_a_short_name_names_a_laws_editions_and_a_page_naming_it_in_full() -> None:
    new = doc(
        "hzs2017.md",
        [
            "# 中华人民共和国农民专业合作社法",
            "第一条 为了规范农民专业合作社的组织和行为，制定本法。",
            "第七十条 提供虚假登记材料或者采取其他欺诈手段取得登记的，由登记机关责令改正。",
        ],
    )
    # the first edition, titled after a list numeral in traditional characters
    old = doc(
        "hzs2006.txt",
        [
            "Ⅰ 中華人民共和國農民專業合作社法",
            "第一條 為了支持、引導農民專業合作社的發展，制定本法。",
        ],
    )
    page = doc(
        "xinwen.txt",
        [
            "全国农民专业合作社数量达193万家",
            "《中华人民共和国农民专业合作社法》实施十周年,全国合作社数量达193万家。",
        ],
    )
    other = doc(
        "dengji.md",
        ["# 农民专业合作社登记管理条例", "第一条 为了确认农民专业合作社的法人资格，制定本条例。"],
    )
    target = find_target(
        "按合作社法，拿假材料骗取合作社登记的，最多罚多少钱？", (new, old, page, other)
    )
    assert target.docs == {"hzs2017.md", "hzs2006.txt", "xinwen.txt"}
    # counter-example: two laws sharing the short name's characters are not one text
    deputies = doc(
        "dbf.md",
        [
            "# 全国人民代表大会和地方各级人民代表大会代表法",
            "第一条 为保证代表依法行使职权，制定本法。",
        ],
    )
    elections = doc(
        "xjf.md", ["# 全国人民代表大会和地方各级人民代表大会选举法", "第一条 根据宪法，制定本法。"]
    )
    assert find_target("代表法规定代表有哪些权利", (deputies, elections)).docs == {"dbf.md"}


def test_a_name_jieba_glues_to_the_verb_before_a_laws_name_is_no_part_of_it() -> None:
    law = doc(
        "jt.md",
        [
            "# 中华人民共和国家庭教育促进法",
            "第一条 为了发扬中华民族重视家庭教育的优良传统，制定本法。",
            "第二条 本法所称家庭教育，是指父母或者其他监护人对未成年人实施的培育和引导。",
            "第五十五条 本法自2022年1月1日起施行。",
        ],
    )
    draft = doc(
        "shuoming.txt",
        [
            "关于家庭教育法草案的说明",
            "——2021年1月20日在第十三届全国人民代表大会常务委员会第二十五次会议上",
            "我受全国人大社会建设委员会委托,作关于《中华人民共和国家庭教育法(草案)》的说明。",
            "家庭教育是教育的开端,关乎未成年人的终身发展。",
        ],
    )
    segmenter = default_segmenter()
    asked = "何毅亭作家庭教育法草案说明是在哪天、哪次会议上？"
    hits = answer(index_of([law, draft], segmenter), asked, segmenter).hits
    assert hits and hits[0].passage.doc == "shuoming.txt"
    # counter-example: a new noun jieba does not know is part of the name (网约车 / 安全法)
    assert not names_a_held_law("网约车安全法", ["中华人民共和国网络安全法"])
