"""A document the question names loosely (执法检查发现防震减灾法, 广州那场座谈会, 成都市委…全会
of a page whose name lacks 成都, a speaker whom another page reports) is the one held, not a
missing one; each rule with the counter-example it must not break."""

from __future__ import annotations

from retrieval.search import Ranking, answer, read_question
from retrieval.segment import default_segmenter
from retrieval.structure import parse
from retrieval.targets import find_target
from tests.indexing import index_of

SEGMENTER = default_segmenter()

ENERGY = parse(
    "jn.md",
    ["# 中华人民共和国节约能源法", "第七十九条 节能咨询机构提供虚假信息的，责令改正。"],
)
# a news page naming the law in its opening, the law itself not held
QUAKES = parse(
    "fz.txt",
    [
        "中国地震死亡率占自然灾害的52%",
        "全国人大常委会执法检查组对《中华人民共和国防震减灾法》实施情况开展了执法检查。",
        "报告指出，全国大部分地区地震监测能力达到2.5级。",
    ],
)
PENALTIES = parse(
    "cf.md",
    ["# 中华人民共和国行政处罚法", "第九条 行政处罚的种类：警告、通报批评；罚款。"],
)


def test_a_law_said_after_a_verb_or_a_national_issuer_is_the_held_law() -> None:
    catalog = (ENERGY, QUAKES, PENALTIES)
    for question, held in (
        ("节能咨询机构出具假数据，依照节能法怎么罚？", "jn.md"),
        ("2018年执法检查发现防震减灾法实施中还存在哪些问题？", "fz.txt"),
        ("2018年全国人大防震减灾法执法检查时，地震监测能力能到几级？", "fz.txt"),
    ):
        asked = find_target(question, catalog)
        assert not asked.missing, question
        assert asked.docs in (None, frozenset({held})), question
    # counter-examples: a law whose name only ends like a held one (治安管理处罚法 is no
    # 行政处罚法), and a place's text (北京市…条例), are missing
    assert find_target("治安管理处罚法对打架怎么罚？", catalog).missing == "《治安管理处罚法》"
    # nor is a law of its own whose name starts like an issuer's (国家安全法 is no 网络安全法)
    network = parse(
        "wl.md", ["# 中华人民共和国网络安全法", "第九条 网络运营者应当履行网络安全保护义务。"]
    )
    asked = find_target("国家安全法规定公民有哪些义务？", (network,))
    assert asked.missing == "《国家安全法》"
    secrets = parse(
        "bm.md",
        ["# 中华人民共和国保守国家秘密法实施条例", "第十条 涉密人员出境应当经批准。"],
    )
    asked = find_target("北京市保守国家秘密条例对涉密人员出境怎么规定？", (secrets,))
    assert asked.missing == "《北京市保守国家秘密条例》"


SPEECH = [
    "在全市高质量发展大会上的讲话",
    "（2024年2月19日）",
    "同志们：今天召开全市高质量发展大会，动员全市上下拼经济、抓项目。",
]
MEETING = [
    "坚持产业第一、制造业立市",
    "近日，市政府分别召开大型制造业企业、民营企业等系列企业代表座谈会，听取企业代表的意见建议。",
    "代表们分别就推动稳增长稳就业、强化科技创新、稳定产业链供应链等方面提出意见建议。",
]


def test_an_occasion_pointed_at_with_a_demonstrative_is_taken_as_held() -> None:
    catalog = (parse("jh.txt", SPEECH), parse("zth.txt", MEETING))
    asked = find_target("广州那场座谈会上企业代表都提了哪些方面的建议？", catalog)
    assert not asked.missing
    index = index_of(list(catalog), SEGMENTER)
    hits = answer(index, "广州那场座谈会上企业代表都提了哪些方面的建议？", SEGMENTER).hits
    assert hits and hits[0].passage.doc == "zth.txt"
    # counter-example: an occasion named outright that no text was given at is missing
    lacking = find_target("在2020届高三毕业典礼上的讲话说了什么？", catalog)
    assert lacking.missing == "在2020届高三毕业典礼上的讲话"


def test_a_places_plenum_is_a_pages_whose_title_names_the_place() -> None:
    page = parse(
        "dw.txt",
        [
            "中共成都市委召开党外人士座谈会,征求对市委十四届二次全会文件和经济工作的意见",
            "中共成都市委十四届二次全会暨市委经济工作会议举行前夕,市委召开党外人士座谈会,"
            "就全会文件听取各民主党派市委、市工商联负责人和无党派人士代表的意见建议。",
        ],
    )
    question = "成都市委十四届二次全会暨市委经济工作会议开之前，市委先开了个什么会听意见？"
    asked = find_target(question, (page,))
    assert not asked.missing and asked.docs == {"dw.txt"}
    # counter-example: another place's plenum of the same number is not this page's
    other = find_target("湖北省委十四届二次全会听取了什么意见？", (page,))
    assert other.docs != {"dw.txt"}


def test_a_speaker_whom_another_page_reports_does_not_narrow_the_question_to_his_speech() -> None:
    report = parse(
        "bg.txt",
        [
            "牢记嘱托踔厉奋发 全面建设践行新发展理念的公园城市示范区",
            "——在中国共产党成都市第十四次代表大会上的报告",
            "施小琳",
            "过去五年，市委坚持以习近平新时代中国特色社会主义思想为指导，各项工作取得明显成效。",
        ],
    )
    news = parse(
        "xw.txt",
        [
            "中共成都市委召开党外人士座谈会",
            "市委召开党外人士座谈会，听取意见建议。省委常委、市委书记施小琳主持座谈会并讲话。",
            "施小琳指出，大家提出了很多有价值的意见建议，起草组要逐条梳理、充分吸纳。",
        ],
    )
    index = index_of([report, news], SEGMENTER)
    question = "施小琳听完党外人士发言后，对起草组提了什么要求？"
    hits = answer(index, question, SEGMENTER).hits
    assert hits and hits[0].passage.doc == "xw.txt"
    assert any("起草组" in h.passage.text for h in hits)
    # counter-examples: his speech asked by its kind, and a speaker no other page speaks of,
    # still name the speech
    assert find_target("施小琳的报告讲过去五年怎么样", index.catalog).docs == {"bg.txt"}
    alone = index_of([report], SEGMENTER)
    assert find_target("施小琳讲过去五年怎么样", alone.catalog).docs == {"bg.txt"}


def test_a_plenum_said_with_its_place_is_a_pages_that_names_the_place_in_its_opening() -> None:
    page = parse(
        "zt.txt",
        [
            "县委召开党外人士座谈会 就县委十四届八次全会文件听取意见建议",
            "中共渠县县委第十四届八次全会举行前夕,11月13日上午,县委召开党外人士座谈会,"
            "就全会文件听取各民主党派县委会、县工商联负责人和无党派人士代表的意见建议。",
        ],
    )
    asked = find_target("渠县县委十四届八次全会开之前，征求过党外人士意见吗？", (page,))
    assert not asked.missing and asked.docs == {"zt.txt"}
    # counter-example: another place's plenum of the same number is not this page's
    other = find_target("达州市委十四届八次全会开之前征求过意见吗？", (page,))
    assert other.docs != {"zt.txt"}


def test_a_genre_told_by_a_page_of_the_place_asked_is_no_missing_text() -> None:
    congress = parse(
        "qx_renda_2024.txt",
        [
            "【聚焦渠县两会】渠县第十九届人民代表大会第四次会议开幕",
            "6月25日上午,渠县第十九届人民代表大会第四次会议在县委党校初心楼报告厅开幕。",
            "本次大会应到代表398人,因事因病请假27人,实到371人,符合法定人数。",
            "县长王飞代表渠县第十九届人民政府向大会作政府工作报告。",
            "王飞说,2023年是全面贯彻党的二十大精神的开局之年,全年地区生产总值增长7%。",
        ],
    )
    other = parse(
        "tz_zhengxie_2021.txt",
        [
            "政协南通市通州区第十三届委员会第五次会议胜利闭幕",
            "1月14日上午,政协南通市通州区第十三届委员会第五次会议在区行政中心多功能报告厅闭幕。",
            "会议期间,政协委员们列席了区十六届人大五次会议,听取并讨论了代区长王少勇所作的政府工作报告。",
        ],
    )
    resolution = parse(
        "qx_zhengxie_2025.txt",
        [
            "中国人民政治协商会议 渠县第十五届委员会第五次会议决议",
            "中国人民政治协商会议渠县第十五届委员会第五次会议于2025年2月23日至26日在渠县举行。",
        ],
    )
    index = index_of([congress, resolution, other], SEGMENTER)
    question = "渠县2024年人代会的政府工作报告是谁作的？"
    assert not find_target(question, index.catalog).missing
    hits = answer(index, question, SEGMENTER).hits
    assert hits and "王飞" in hits[0].passage.text
    # counter-examples: another place's report, and the place's report of a year no page of it
    # is of, stay missing
    assert find_target("北京2024年政府工作报告说了什么", index.catalog).missing
    assert find_target("渠县2026年政府工作报告提出了哪些目标", index.catalog).missing


def test_a_genre_told_by_a_page_of_the_place_asked_beside_other_places_reports() -> None:
    """Where the corpus holds other counties' reports, one asked of a county it holds none
    of is its congress page telling of it, not missing; a county with no page is missing."""
    report = parse(
        "dx_2023.txt",
        [
            "政府工作报告",
            "——2023年2月22日在代县第十七届人民代表大会第三次会议上",
            "一、2022年工作回顾",
            "全县地区生产总值增长6%。",
        ],
    )
    congress = parse(
        "jx_renda_2025.txt",
        [
            "佳县第十九届人民代表大会第四次会议隆重开幕",
            "根据会议议程,县长任向军代表县政府向大会作政府工作报告。报告共分四个部分。",
        ],
    )
    index = index_of([report, congress], SEGMENTER)
    asked = find_target("佳县的政府工作报告分几部分？", index.catalog)
    assert not asked.missing and asked.docs == {"jx_renda_2025.txt"}
    assert find_target("清涧县的政府工作报告分几部分？", index.catalog).missing
    # nor where its only page cites the report without telling of it being given
    cites = parse(
        "jx_changweihui_2025.txt",
        [
            "佳县第十九届人民代表大会常务委员会第二十次会议召开",
            "会议要求，各乡镇要认真落实政府工作报告部署，压实防汛责任。",
        ],
    )
    citing = index_of([report, cites], SEGMENTER)
    assert find_target("佳县的政府工作报告分几部分？", citing.catalog).missing


def test_a_pages_opening_introduces_one_text_not_a_list_of_those_a_meeting_reviewed() -> None:
    law = [
        "# 中华人民共和国科学技术普及法",
        "第十三条 对在科普工作中做出突出贡献的组织和个人给予表彰。",
    ]
    catalog = (
        parse("kp_2002.md", [law[0], "第十三条 科普工作应当坚持群众性、社会性和经常性。"]),
        parse("kp_2024.md", law),
        parse(
            "hy.txt",
            [
                "2022年全国科普工作联席会议在京召开",
                "会议审议《全国科普工作联席会议制度》《“十四五”国家科普发展规划》，"
                "学习《中华人民共和国科学技术普及法》。",
            ],
        ),
    )
    assert find_target("2024年科普法第十三条讲什么", catalog).docs == {"kp_2024.md"}
    # counter-examples: a bundle introducing the rule it holds beside a newspaper's name, and
    # a page introducing the one law it reports on, still name them
    bundle = parse(
        "xx.txt",
        [
            "学习材料（2024年第1期）",
            "中共中央印发了修订后的《中国共产党纪律处分条例》，《人民日报》发表评论员文章。",
            "第一条 为了维护党的章程和其他党内法规，严肃党的纪律，制定本条例。",
        ],
    )
    assert find_target("纪律处分条例第一条怎么写的", (bundle, ENERGY)).docs == {"xx.txt"}
    quakes = find_target("2018年执法检查发现防震减灾法实施中还存在哪些问题？", (ENERGY, QUAKES))
    assert not quakes.missing and quakes.docs in (None, frozenset({"fz.txt"}))


def test_a_place_of_a_speakers_report_does_not_name_it_for_another_kind_he_gave() -> None:
    report = parse(
        "bg.txt",
        [
            "中国人民政治协商会议湖北省第十一届委员会常务委员会工作报告",
            "（2014年1月16日在政协湖北省第十一届委员会第二次会议上）",
            "杨松",
            "各位委员：我代表政协湖北省第十一届委员会常务委员会，向大会报告工作，请予审议。",
            "过去一年，常委会坚持团结和民主两大主题，围绕中心、服务大局，各项工作取得新进展。",
        ],
    )
    news = parse(
        "bm.txt",
        [
            "政协湖北省十一届二次会议闭幕",
            "1月20日上午，政协湖北省十一届二次会议圆满完成各项议程闭幕。省政协主席杨松作闭幕讲话。",
            "杨松说，2014年是贯彻落实中共十八届三中全会精神、全面深化改革的开局之年。",
        ],
    )
    index = index_of([report, news], SEGMENTER)
    hits = answer(index, "杨松闭幕讲话里，2014年对湖北来说是怎样的一年？", SEGMENTER).hits
    assert hits and hits[0].passage.doc == "bm.txt"
    # counter-examples: his report asked by its kind is still his report, and so it is when the
    # question says a word of another kind that is no speech (意见建议)
    assert find_target("杨松的工作报告说湖北政协过去一年怎么样", index.catalog).docs == {"bg.txt"}
    asked = find_target("杨松说湖北政协常委会过去一年提出了哪些意见建议", index.catalog)
    assert asked.docs == {"bg.txt"}


def test_the_nation_said_before_a_regulations_short_name_is_no_part_of_it() -> None:
    funerals = parse(
        "bz.md", ["# 殡葬管理条例", "第十三条 外商投资建设殡仪服务设施，须经国务院民政部门批准。"]
    )
    asked = find_target("国家殡葬条例里，利用外资建殡仪馆要谁审批", (funerals,))
    assert not asked.missing
    # counter-example: a law of its own (国家安全法) stays missing beside 网络安全法
    network = parse(
        "wl.md", ["# 中华人民共和国网络安全法", "第九条 网络运营者应当履行网络安全保护义务。"]
    )
    assert find_target("国家安全法规定公民有哪些义务？", (network,)).missing == "《国家安全法》"
    # nor a national text only a place's text shares a name with
    awards = parse("jl.md", ["# 上海市科学技术奖励条例", "第三条 本市设立科学技术奖。"])
    asked = find_target("国家科学技术奖励条例规定了哪些奖项", (awards,))
    assert asked.missing == "《国家科学技术奖励条例》"


def test_a_laws_draft_is_held_by_the_pages_reporting_it() -> None:
    page = parse(
        "npc.txt",
        [
            "用法治“托”起“最柔软的群体”",
            "托育服务法草案于2025年6月首次提请全国人大常委会审议，草案共8章76条。",
        ],
    )
    assert not find_target("托育服务法草案一共几章几条？", (page,)).missing
    # counter-examples: the law itself asked, which no page holds, and what the draft
    # stipulates, which no report gives, are missing
    assert find_target("托育服务法第十条规定了什么？", (page,)).missing == "《托育服务法》"
    assert find_target("托育服务法草案第三章具体规定了哪些内容", (page,)).missing
    # a revision's draft in 《》 too; not a law a page only cites, whose draft it never names
    meeting = parse(
        "gwy.txt",
        [
            "李强主持召开国务院常务会议",
            "会议讨论并原则通过《军人抚恤优待条例（修订草案）》。会议依据《中华人民共和国民用航空法》部署工作。",
        ],
    )
    assert not find_target("军人抚恤优待条例修订草案是哪天审议通过的", (meeting,)).missing
    assert find_target("民用航空法修订草案加了哪些条款", (meeting,)).missing


def test_a_rule_named_by_its_kind_alone_or_a_body_charter_is_no_missing_text() -> None:
    societies = parse(
        "st.md",
        [
            "# 社会团体登记管理条例",
            "第十四条 社会团体的章程应当包括下列事项：（一）名称、住所；（二）宗旨、业务范围。",
        ],
    )
    detail = parse(
        "xz.md",
        [
            "# 北京市实施《旅馆业治安管理办法》细则",
            "第一条 为实施《旅馆业治安管理办法》，制定本细则。",
        ],
    )
    catalog = (societies, detail)
    for question in (
        "社团章程里必须写清楚哪些事项？",  # each society's charter, not a text of that name
        "北京市实施细则的开头说制定细则是为了实施什么",  # the place's text of that kind
        "这个条例的具体实施办法由哪个部门来定？",  # whichever there is
        "社会团体跟条例不一致、违反条例会怎样",  # (违反 introduces a name, of none here)
        "社会团体的分支机构适用暂行办法吗",  # whether it falls under the one there is
    ):
        assert not find_target(question, catalog).missing, question
    # counter-examples: a charter naming one body, and a place's rule named in full, are
    # texts the corpus may lack
    assert find_target("中山大学章程规定校长怎么产生？", catalog).missing
    assert find_target("少先队章程规定队员几岁离队？", catalog).missing  # one body's
    assert find_target("西湖管理条例对游船怎么规定？", catalog).missing  # a sight, no place's
    assert find_target("住宅小区管理办法怎么规定停车？", catalog).missing  # 小区 is no place
    assert find_target("涉外民事关系法律适用法怎么规定的？", catalog).missing
    assert find_target("上海市旅馆业治安管理条例规定了什么？", catalog).missing


def test_a_places_text_is_named_with_its_place_said_without_its_level() -> None:
    law = parse(
        "zj.md",
        ["# 中华人民共和国职业教育法", "第八条 职业教育实行政府统筹、分级管理的原则。"],
    )
    implementing = parse(
        "hn.md",
        [
            "# 河南省实施《中华人民共和国职业教育法》办法",
            "第三十二条 本办法具体应用中的问题由省人民政府教育行政部门负责解释。",
        ],
    )
    # a page on the law's passing, which reads the law's names (职业教育法) as its subject
    news = parse("xw.txt", ["新《职业教育法》获得通过", "新修订的职业教育法自2022年5月1日起施行。"])
    catalog = (law, implementing, news)
    for question in (
        "河南实施职业教育法的办法，具体应用问题由谁负责解释？",
        "河南实施职业教育法办法由谁解释",
    ):
        assert find_target(question, catalog).docs == {"hn.md"}, question
    # counter-examples: the law named alone is the law, and another place's text is not this
    named = find_target("职业教育法实行什么原则？", catalog).docs or set()
    assert "zj.md" in named and "hn.md" not in named
    assert "hn.md" not in (find_target("河北实施职业教育法办法由谁解释", catalog).docs or ())


def test_a_city_named_as_its_province_keeps_its_level() -> None:
    province = parse(
        "jls.md",
        [
            "# 吉林省实施《中华人民共和国水法》办法",
            "第一条 为了实施水法，结合本省实际，制定本办法。",
        ],
    )
    city = parse(
        "jlc.md",
        [
            "# 吉林市实施《中华人民共和国水法》办法",
            "第一条 为了实施水法，结合本市实际，制定本办法。",
        ],
    )
    # 吉林 said short is the province, whose level people leave out; not also the city 吉林市
    assert find_target("吉林实施水法办法是怎么制定的", (province, city)).docs == {"jls.md"}


def test_a_name_only_a_page_on_the_named_law_says_is_asked_of_that_page() -> None:
    law = parse(
        "gf.md",
        [
            "# 中华人民共和国国防交通法",
            "第一条 为了加强国防交通建设，保障国防活动顺利进行，制定本法。",
            "第八条 各级人民政府应当将国防交通教育纳入全民国防教育，普及国防交通知识。",
        ],
    )
    news = parse(
        "xw.txt",
        [
            "国防交通法获通过系十八大以来第一部国防军事立法",
            "会议表决通过了国防交通法。国家交通战备办公室副主任黄伟业接受了采访，介绍了该法出台的背景。",
        ],
    )
    drill = parse(
        "yl.txt",
        ["交通战备演练在兰州举行", "演练由国家交通战备办公室组织，副主任黄伟业到场观摩。"],
    )
    index = index_of([law, news, drill], SEGMENTER)
    question = "国防交通法通过那天接受采访的黄伟业是什么职务？"
    # the news page on the law, not the drill's, which holds the name but not the law's
    assert read_question(index, question, SEGMENTER, Ranking())[1].docs == {"gf.md", "xw.txt"}
    reply = answer(index, question, SEGMENTER)
    assert reply.hits and reply.hits[0].passage.doc == "xw.txt"
    # counter-examples: what the law itself says is the law's
    assert (
        answer(index, "国防交通法对国防交通教育怎么规定？", SEGMENTER).hits[0].passage.doc
        == "gf.md"
    )
