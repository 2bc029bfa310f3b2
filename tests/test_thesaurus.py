"""Everyday words read as the synonyms a corpus writes (老师 → 教师), and only those."""

from __future__ import annotations

from bot.render import explanation
from retrieval.explanation import explain
from retrieval.search import DEFAULT_RANKING, answer, read_question
from retrieval.segment import default_segmenter
from retrieval.structure import parse
from retrieval.thesaurus import synonyms
from tests.indexing import index_of

SEGMENTER = default_segmenter()
TEACHERS = [
    "教师条例",
    "第一条 学校应当对教师的政治思想、业务水平、工作态度和工作成绩进行考核。",
    "第二条 教师考核结果是受聘任教、晋升工资、实施奖惩的依据。",
    "第三条 各级人民政府应当采取措施，改善教师的住房条件。",
    "第四条 公务员不得赌博。单位应当保障职工的休息休假。",
]


def _kin(lines: list[str], question: str) -> dict[str, frozenset[str]]:
    index = index_of([parse("t.txt", lines)], SEGMENTER)
    query, _ = read_question(index, question, SEGMENTER, DEFAULT_RANKING)
    return {w.text: w.kin for w in query.words}


def test_a_word_the_corpus_never_uses_is_searched_as_its_synonyms_it_does() -> None:
    kin = _kin(TEACHERS, "对老师的考核结果拿来干什么用")
    assert "教师" in kin["老师"]
    # only synonyms the corpus writes, and none of one character (师)
    assert all(len(s) >= 2 and s in "".join(TEACHERS) for s in kin["老师"])
    index = index_of([parse("t.txt", TEACHERS)], SEGMENTER)
    hits = answer(index, "老师的考核结果有什么用", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第二条")
    hits = answer(index, "公务员上班时间赌钱行不行", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第四条")
    # the admins' hit test says how the word was read
    lines = explanation(
        "老师的考核结果有什么用", explain(index, "老师的考核结果有什么用", SEGMENTER)
    )
    assert any(line.startswith("资料中没有的词按近义词查找：老师 → ") for line in lines)


def test_a_word_the_corpus_uses_keeps_its_own_meaning() -> None:
    lines = [*TEACHERS, "第五条 遇到恶劣天气，学校可以停课，并及时告知老师和家长。"]
    kin = _kin(lines, "老师遇到恶劣天气怎么办")
    assert kin["老师"] == frozenset() and kin["天气"] == frozenset()


def test_only_true_synonyms_count_not_related_words() -> None:
    assert "教师" in synonyms("老师") and "赌博" in synonyms("赌钱")
    # 世界杯 and 亚运会 share a group of related words (#), not of synonyms (=)
    assert "亚运会" not in synonyms("世界杯")
    assert "老师" not in synonyms("老师") and all(len(s) >= 2 for s in synonyms("老师"))


def test_an_off_topic_question_stays_unanswered_though_a_synonym_is_written() -> None:
    lines = [
        "关于防汛工作的通知",
        "一、今年汛期降雨偏多，各地要做好防汛准备。",
        "二、党员干部要带头值守，确保群众安全。",
    ]
    index = index_of([parse("f.txt", lines)], SEGMENTER)
    assert "降雨" in _kin(lines, "明天北京会下雨吗")["下雨"]
    # 降雨 is found for 下雨, as part of it: the question's other words are not
    assert not answer(index, "明天北京会下雨吗，要不要带伞", SEGMENTER).hits


def test_a_passage_holding_only_a_synonym_of_the_question_is_no_answer() -> None:
    lines = [*TEACHERS, "第五条 要以新气象新作为推动各项工作，教师身上的担子更重，要求更高。"]
    index = index_of([parse("s.txt", lines)], SEGMENTER)
    # 新气象 holds 气象, a synonym of 天气 in another sense: nothing the question itself says
    assert "气象" in _kin(lines, "明天北京天气怎么样")["天气"]
    assert not answer(index, "明天北京天气怎么样", SEGMENTER).hits
    # counter-example: a passage with the question's own words besides the synonym
    hits = answer(index, "担子更重的时候天气怎么样", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第五条")


def test_everyday_names_of_institutions_find_the_words_laws_use() -> None:
    lines = [
        "老年人权益保障法",
        "第四十一条 政府投资兴办的养老机构，应当优先保障经济困难的孤寡、失能、高龄老年人。",
        "第四十二条 国务院有关部门制定养老服务设施建设、养老服务质量和养老服务职业等标准。",
        "第二十一条 老年人的婚姻自由受法律保护。子女或者其他亲属不得干涉老年人离婚、再婚。",
        "第六十条 农村老年人不承担兴办公益事业的筹劳义务。",
        "第七十六条 干涉老年人婚姻自由，对老年人负有赡养义务的人拒绝赡养的，依法给予处罚。",
    ]
    index = index_of([parse("ln.md", lines), parse("t.txt", TEACHERS)], SEGMENTER)
    hits = answer(index, "政府出钱办的养老院优先照顾哪些老人？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第四十一条")
    # counter-example: a word the corpus writes keeps its own meaning (养老服务, not 养老院)
    hits = answer(index, "养老服务的标准由谁来定？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第四十二条")


def test_the_short_names_of_state_bodies_find_their_full_names() -> None:
    lines = [
        "民营经济促进法",
        "2025年4月30日 第十四届全国人民代表大会常务委员会第十五次会议通过",
        "第七条 工商业联合会发挥在促进民营经济健康发展中的重要作用。",
        "第六十六条 检察机关依法对涉及民营经济组织的诉讼活动实施法律监督。",
        "第六十八条 中国人民政治协商会议委员可以就民营经济发展提出提案。",
    ]
    index = index_of([parse("t.md", lines)], SEGMENTER)
    hits = answer(index, "这部法律是哪次人大常委会会议通过的", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("2025年4月30日")
    hits = answer(index, "检察院对涉民企案件起什么监督作用", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第六十六条")
    # each short name finds its own body, not another's (政协 is no 人民代表大会)
    hits = answer(index, "政协委员能不能就民企发展提提案", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第六十八条")


def test_what_people_call_fees_and_papers_find_what_the_texts_call_them() -> None:
    lines = [
        "收费公路管理条例",
        "第十五条 车辆通行费的收费标准，应当依照价格法律、行政法规的规定进行听证。",
        "第十六条 收费公路新增车道的，不得因此提高收费标准。",
        "第二十条 机动车驾驶证被吊销的，二年内不得重新申领。",
        "第四十三条 香港特别行政区行政长官由中央人民政府任命，任期五年。",
    ]
    index = index_of([parse("t.md", lines)], SEGMENTER)
    hits = answer(index, "定过路费标准要不要开听证会？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第十五条")
    hits = answer(index, "驾照被吊销了几年能重新考？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第二十条")
    hits = answer(index, "香港特首一届干几年？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第四十三条")


def test_what_people_call_venues_and_everyday_acts_find_what_the_rules_call_them() -> None:
    lines = [
        "学校安全条例",
        "第二十八条 距中小学周围最近路程二百米范围内不得设立互联网上网服务营业场所。",
        "第二十九条 学校周边不得设立歌舞娱乐场所。",
        "第三十条 开展森林景观利用活动，不得擅自采伐林木。",
        "第三十一条 学校应当建立安全工作档案。",
        "第三十二条 旅店、娱乐场所的经营者应当对其场所内的人员进行禁毒宣传。",
        "第三十三条 强制隔离戒毒人员脱逃的，强制隔离戒毒场所应当立即通知公安机关。",
    ]
    index = index_of([parse("t.md", lines)], SEGMENTER)
    hits = answer(index, "学校附近多少米内不能开网吧？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第二十八条")
    hits = answer(index, "学校旁边能开歌舞厅吗", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第二十九条")
    hits = answer(index, "搞森林旅游可以随便砍树吗", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第三十条")
    hits = answer(index, "酒店老板在禁毒上要负什么责任？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第三十二条")
    hits = answer(index, "强戒人员逃跑了怎么办", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第三十三条")
    # counter-example: a synonym's topic the rules never speak of finds nothing
    assert not answer(index, "网吧晚上几点关门？", SEGMENTER).hits


def test_what_people_call_drones_lots_and_boundary_stones_find_the_rules_words() -> None:
    lines = [
        "飞行管理条例",
        "第二十四条 微型无人驾驶航空器在适飞空域内飞行，无需提出飞行活动申请。",
        "第四十八条 拍卖人应当在拍卖前展示拍卖标的，展示时间不得少于两日。",
        "第三十条 界标被移动、损毁、遗失的，由有关部门负责恢复、修理或者重建。",
        "第三十一条 学校应当建立安全工作档案。",
    ]
    index = index_of([parse("t.md", lines)], SEGMENTER)
    hits = answer(index, "微型无人机在适飞空域飞要不要申请？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第二十四条")
    hits = answer(index, "拍品展示时间最少几天", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第四十八条")
    hits = answer(index, "界碑被人挪了谁来负责重建？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第三十条")
    # counter-example: a synonym's topic the rules never speak of finds nothing
    assert not answer(index, "无人机多少钱一台？", SEGMENTER).hits


def test_everyday_words_in_the_table_count_as_the_texts_formal_ones() -> None:
    # a word of the table counts as the question's own word where a passage is judged for
    # holding the question's words (a thesaurus synonym does not): 抽烟 finds 吸烟, 狗 finds 犬
    rules = parse(
        "kongyan.md",
        [
            "北京市控制吸烟条例",
            "第十条 幼儿园、中小学校的室外区域禁止吸烟。",
            "第二十五条 个人在中小学校吸烟的，由卫生健康部门责令改正，处五十元以上二百元以下罚款。",
            "第三十条 携犬出户应当束犬链，犬链长度不超过一点五米。",
            "第三十一条 禁止在禁放区域燃放烟花爆竹。",
        ],
    )
    news = parse("xinwen.txt", ["动物园设吸烟区", "两游客在北京动物园吸烟区抽烟。"])
    index = index_of([rules, news], SEGMENTER)
    hits = answer(index, "在中小学校园里抽烟会罚多少钱？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第二十五条")
    hits = answer(index, "狗的链子长度不超过多少米", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第三十条")
    # counter-example: a synonym's topic the rules never speak of finds nothing
    assert not answer(index, "抽烟对肺有什么危害？吸二手烟会得什么病", SEGMENTER).hits


def test_a_two_character_word_is_held_by_a_list_naming_each_character_as_an_item() -> None:
    law = parse(
        "daibiao.md",
        [
            "代表法",
            "第十九条 县级以上的各级人民代表大会常务委员会组织本级代表开展闭会期间的活动。",
            "第二十条 代表在闭会期间的活动以集体活动为主，以代表小组活动为基本形式。",
            "第三十条 乡、民族乡、镇的人民代表大会代表在闭会期间，开展调研等活动。",
            "第三十一条 代表应当与原选区选民保持密切联系，听取和反映他们的意见。",
            "第三十二条 个人、民营企业可以向代表反映意见。",
        ],
    )
    index = index_of([law], SEGMENTER)
    rows = explain(index, "乡镇人大代表在闭会期间做什么？", SEGMENTER).rows
    # the whole question is held: 乡镇 as 乡 and 镇 listed, not only its characters apart
    assert rows[0].passage.text.startswith("第三十条") and rows[0].coverage > 0.95
    # counter-example: characters ending and opening words of a list are no items (个人、
    # 民营 holds no 人民)
    rows = explain(index, "人民企业反映意见", SEGMENTER).rows
    assert rows[0].passage.text.startswith("第三十二条") and rows[0].coverage < 0.9


def test_a_list_holds_a_compound_only_where_both_characters_are_words_of_their_own() -> None:
    from retrieval.coverage import Joined, listed

    texts = [
        "第一条 为了规范管理，制定本条例。",
        "乡、镇人民政府负责本行政区域内的工作。",  # a list opening a later text
        "禁止在城区饲养牛、羊。",  # 牛 ends no word here, though 养牛 is one elsewhere
        "个人、民营企业可以反映意见。",  # 人 ends 个人
        "开设语文、数学、生物课程。",  # 学 ends 数学, 生 opens 生物
    ]
    joined = Joined.of(texts)
    assert listed("乡镇", texts, joined).tolist() == [False, True, False, False, False]
    assert listed("牛羊", texts, joined).tolist() == [False, False, True, False, False]
    assert not listed("人民", texts, joined).any()
    assert not listed("学生", texts, joined).any()
    # each text alone reads the same
    assert listed("乡镇", texts).tolist() == listed("乡镇", texts, joined).tolist()
