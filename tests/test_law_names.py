"""The laws a question names, and the words that begin no law's name."""

from __future__ import annotations

from retrieval.laws import law_names


def test_a_court_or_explaining_the_law_names_no_law() -> None:
    # 最高法 is a court, 以案释法 explaining the law by cases
    assert law_names("2025年最高法报告里最高法自己一年收案多少件？") == ()
    assert law_names("以案释法制度是哪一条规定的？") == ()
    # counter-example: 适用 / 法 ends a law's name
    assert law_names("涉外民事关系法律适用法第十条规定了什么？") == ("民事关系法律适用法",)


def test_what_is_done_to_a_text_or_sets_it_apart_begins_no_name() -> None:
    # 印发, 报道 are done to a text, 除了 sets it apart; 法律 before 和 is a text of its own
    assert law_names("2023年印发培训条例的通知说了什么？") == ("培训条例",)
    assert law_names("2009年经济日报报道条例时怎么讲开奖的？") == ()
    assert law_names("那次会议除了实施细则还审议了什么文件？") == ("实施细则",)
    assert law_names("香港本地法律和国安法规定不一致时以哪个为准？") == ("国安法",)
    # counter-example: 与 between two nouns of one name
    assert law_names("基本医疗卫生与健康促进法第几条") == ("基本医疗卫生与健康促进法",)


def test_which_version_is_no_part_of_a_name() -> None:
    # 版本 (哪个版本, 老版本) says which edition, as 现行 and 旧版 do
    assert law_names("老版本合作社法对农民专业合作社是怎么下定义的？") == ("合作社法",)
    assert law_names("这句话是哪个版本人口计生法的说法？") == ("人口计生法",)
    assert law_names("这句话是哪个版本条例里的话？") == ()
    # counter-example: a name that is a version's own (版本管理条例) keeps it whole
    assert law_names("软件版本管理条例第三条") == ("软件版本管理条例",)


def test_a_citing_word_jieba_glues_to_a_name_is_no_part_of_it() -> None:
    # 按 / 人遗条例 cut 按人 / 遗 / 条例: 按人 is no word
    assert law_names("外国机构采集我国人类遗传资源，按人遗条例罚多少？") == ("人遗条例",)
    # counter-example: a word that opens with 按 opens the name (按揭)
    assert law_names("按揭贷款管理条例第三条") == ("按揭贷款管理条例",)


def test_a_name_asked_which_or_pointed_at_by_a_measure_word() -> None:
    # 哪个城市条例 asks which city's regulation: it names none
    assert law_names("这个方针是哪个城市条例里的") == ()
    assert law_names("是哪个地方阅读条例里的原则？") == ()
    # the measure word of 那部 is no part of the name; 正式版 and 现行 say which edition
    assert law_names("国务院那部阅读条例里有没有写这句话？") == ("阅读条例",)
    assert law_names("2025年无锡正式版条例怎么定义低空经济？") == ("无锡条例",)
    assert law_names("按现行法，建设单位最多罚多少？") == ()
    assert law_names("老矿法规定矿区范围有争议由谁处理？") == ()  # 矿法: too short to tell
    # a local text implementing a law, with 的 before its kind
    assert law_names("北京那个实施种子法的办法里许可证有效期几年") == ("实施种子法办法",)
    # counter-examples: a name said after 哪 (哪些…条款), a version said before the name, and
    # a name after 这 with no measure
    assert law_names("哪些住房公积金管理条例条款规定了缴存比例") == ("住房公积金管理条例",)
    assert law_names("这句话是哪个版本人口计生法的说法？") == ("人口计生法",)
    assert law_names("这部档案条例第几条") == ("档案条例",)


def test_a_name_begins_after_the_according_to_inside_it() -> None:
    # 按 (according to) before a law's name, glued by jieba to its first character or not
    assert law_names("这种情况按人遗条例还要不要走审批？") == ("人遗条例",)
    assert law_names("情况按档案条例怎么办") == ("档案条例",)
    # counter-example: 按揭 is a word of the name
    assert law_names("按揭贷款管理条例第三条") == ("按揭贷款管理条例",)


def test_a_ministry_and_a_kind_name_no_text() -> None:
    # who made it and a kind (交通部暂行办法), as 国务院条例 is
    assert law_names("交通部暂行办法里，有过酒驾记录的人还能当网约车司机吗") == ()
    # counter-examples: a ministry's words inside a longer name, and 干部 (no ministry)
    assert law_names("交通运输部门规章管理办法第三条") == ("交通运输部门规章管理办法",)
    assert law_names("按国务院殡葬条例，火葬区可以卖棺材吗？") == ("国务院殡葬条例",)


def test_an_anti_laws_prefix_and_a_short_name_no_dictionary_knows_are_names() -> None:
    # 反 / 家暴 / 法里: 反 begins the name of an anti- law (反家庭暴力法's short form)
    assert law_names("反家暴法里保护令可以包括哪些措施") == ("反家暴法",)
    assert law_names("按反垄断法规定，经营者集中怎么申报") == ("反垄断法",)
    # 未保法 is one word jieba does not know: a short name as people say it
    assert law_names("未保法允许网吧招个16岁的小网管吗") == ("未保法",)
    # counter-examples: 违反 before a name is no part of it; a verb 反对 and an adverb
    # 反正 begin none, and a known word ending in 法 (看法, 做法) is no law
    assert law_names("违反食品安全法要罚多少") == ("食品安全法",)
    assert law_names("反对这个做法的人多吗") == ()
    assert law_names("他的看法对吗") == ()


def test_a_number_s_year_or_edition_jieba_glues_to_a_name_is_no_part_of_it() -> None:
    # 2000 / 年老 / 版本 / 杭州 / 公园 / 条例 and 15 / 版武 / 科大 / 章程: a year or an edition
    assert law_names("2000年老版本杭州公园条例第五条怎么写的？") == ("杭州公园条例",)
    assert law_names("15版武科大章程对高水平运动员有什么要求") == ("武科大章程",)
    assert law_names("十五版武科大章程对高水平运动员有什么要求") == ("武科大章程",)
    # counter-examples: 年度 parted whole (2024 / 年度预算), and a name's own word opening
    # with 年 after no number (年金管理办法)
    assert law_names("2024年度预算管理办法第三条") == ("年度预算管理办法",)
    assert law_names("企业年金管理办法第三条") == ("企业年金管理办法",)


def test_a_verb_glued_to_its_aspect_is_no_part_of_a_name() -> None:
    # 社团 / 改了 / 章程: what was done to the rules, not their name
    assert law_names("社团改了章程，多长时间内要报登记机关核准？") == ()
    # counter-example: a verb of the name with no aspect (登记, 管理) stays in it
    assert law_names("社会团体登记管理条例第十八条") == ("社会团体登记管理条例",)


def test_an_adjective_of_a_name_is_part_of_it() -> None:
    # jieba tags 危险 an adjective-noun and 民营, 公共 distinguishing words: a name's own
    assert law_names("危险化学品安全法是哪天通过的？") == ("危险化学品安全法",)
    assert law_names("民营经济促进法什么时候出台") == ("民营经济促进法",)
    assert law_names("公共文化服务保障法一共几章") == ("公共文化服务保障法",)
    # counter-examples: an adjective or a distinguishing word right before the kind names no
    # text (主要 and 上述 are tagged as 民营 is)
    assert law_names("重要条例有哪些？") == ()
    assert law_names("主要条例有哪些？") == ()
    assert law_names("按上述条例规定，要罚多少？") == ()
