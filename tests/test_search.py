"""The answer pipeline on the bundled speech: right passages, honest refusals, any input."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from retrieval.clues import defines
from retrieval.coverage import coverage
from retrieval.explanation import explain
from retrieval.index import SearchIndex
from retrieval.normalize import fold
from retrieval.question import Query, Word, asks_definition
from retrieval.search import DEFAULT_RANKING, answer, parse_question
from retrieval.segment import default_segmenter
from retrieval.structure import parse
from tests.indexing import index_of, read

CORPUS_FILE = (
    Path(__file__).resolve().parent.parent / "corpus" / "lianzheng-tanhua-jiating-zhulian.txt"
)
P4 = "四、以警惕之心对待诱惑"
FAMILY = (P4, "三要树立良好家风")
SEGMENTER = default_segmenter()


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    doc = read(CORPUS_FILE)
    return index_of([doc], SEGMENTER)


def sections(index: SearchIndex, question: str) -> list[tuple[str, ...]]:
    return [h.passage.section for h in answer(index, question, SEGMENTER).hits]


@pytest.mark.parametrize(
    ("question", "section"),
    [
        ("家属应该做什么？", FAMILY),
        ("干部家属如何提醒配偶", (*FAMILY, "要提醒好配偶")),
        ("老婆怎么吹枕边风才对", FAMILY),
        ("孩子的教育怎么抓", (*FAMILY, "要教育好子女")),
        ("亲戚找上门办事怎么办", (*FAMILY, "要引导好亲朋")),
        ("为什么要坚定理想信念", ("一、以赤诚之心对待组织", "一要坚定理想信念")),
        ("会后为什么检查笔记本", ("二、以责任之心对待工作", "二要作风过硬肯做事")),
        ("90后干部贪污丧葬费", ("三、以敬畏之心对待权力", "二要正确看待权力")),
        ("杨溥的故事", (P4, "二要珍视个人声誉")),
    ],
)
def test_top_passage_sits_in_the_right_section(
    index: SearchIndex, question: str, section: tuple[str, ...]
) -> None:
    top = sections(index, question)[0]
    assert top[: len(section)] == section


def test_the_four_duties_come_back_for_the_family_question(index: SearchIndex) -> None:
    got = answer(index, "家属应该做什么？", SEGMENTER, top_k=5)
    assert all(h.passage.section[:2] == FAMILY for h in got.hits[:3])
    assert got.hits[0].passage.title == "在全市新任科级领导干部廉政谈话暨家庭助廉活动上的讲话"


def test_traditional_characters_find_what_simplified_find(index: SearchIndex) -> None:
    simplified = answer(index, "家属应该做什么？", SEGMENTER)
    traditional = answer(index, "家屬應該做什麼？", SEGMENTER)
    assert [h.passage.key for h in traditional.hits] == [h.passage.key for h in simplified.hits]
    assert traditional.terms == simplified.terms


def test_full_width_and_case_are_folded() -> None:
    assert fold("ＡＢＣ１２３") == "abc123"
    assert fold("幹部") == "干部"
    assert len(fold("家屬應該做什麼？")) == len("家屬應該做什麼？")


@pytest.mark.parametrize(
    "question", ["今天股市行情如何", "帮我写一首诗", "weather tomorrow", "明天北京会下雨吗"]
)
def test_out_of_scope_questions_get_no_passage(index: SearchIndex, question: str) -> None:
    got = answer(index, question, SEGMENTER)
    assert got.hits == ()
    assert got.reason in ("weak", "no_terms")


@pytest.mark.parametrize(
    "question",
    # each shares a word or two with the speech (内容, 时候, 党员), never what it asks about
    [
        "八项规定具体有哪几条内容",
        "主题教育什么时候开始，怎么安排",
        "党员每月党费怎么交，按什么比例",
    ],
)
def test_a_weak_match_without_the_telling_word_is_no_answer(
    index: SearchIndex, question: str
) -> None:
    report = explain(index, question, SEGMENTER)
    assert report.rows and any(row.matched for row in report.rows)
    assert answer(index, question, SEGMENTER).hits == ()


def test_a_weak_match_holding_the_telling_word_is_an_answer(index: SearchIndex) -> None:
    question = "信念这东西光挂在嘴上喊口号行不行"
    (top, *_) = explain(index, question, SEGMENTER).rows
    assert top.coverage < DEFAULT_RANKING.weak_coverage and "信念" in top.matched
    assert answer(index, question, SEGMENTER).hits[0].passage.section[-1] == "一要坚定理想信念"


def test_a_question_of_common_words_only_must_be_matched_whole(index: SearchIndex) -> None:
    # 今天 opens two paragraphs, but nothing says 中午 or 吃
    assert explain(index, "今天中午吃什么", SEGMENTER).rows
    assert answer(index, "今天中午吃什么", SEGMENTER).hits == ()
    hits = answer(index, "工作", SEGMENTER).hits  # one common word, and a whole part about it
    assert hits and all("工作" in "".join((*h.passage.section, h.passage.text)) for h in hits)


@pytest.mark.parametrize(
    ("question", "reason"),
    [("", "empty"), ("   \n\t", "empty"), ("😀😀😀", "no_terms"), ("？！。", "no_terms")],
)
def test_questions_without_search_terms(index: SearchIndex, question: str, reason: str) -> None:
    got = answer(index, question, SEGMENTER)
    assert got.hits == () and got.reason == reason


@pytest.mark.parametrize(
    "question",
    [
        "<b>家属</b>应该做什么？<script>alert(1)</script>",
        "家属'; DROP TABLE passages; --",
        "家属应该做什么？" * 1250,  # 10,000 characters
    ],
)
def test_hostile_or_huge_questions_are_answered_normally(index: SearchIndex, question: str) -> None:
    got = answer(index, question, SEGMENTER)
    assert got.hits and got.hits[0].passage.section[:2] == FAMILY


def test_matched_words_are_located_in_the_passage(index: SearchIndex) -> None:
    hit = answer(index, "如何防止子女成为衙内", SEGMENTER).hits[0]
    marked = {fold(hit.passage.text[s:e]) for s, e in hit.spans}
    assert {"子女", "衙内"} <= marked
    assert set(hit.matched) == marked
    start, end = hit.snippet
    assert 0 <= start < end <= len(hit.passage.text)
    assert any(start <= s < end for s, _ in hit.spans)


def test_question_words_and_expansions() -> None:
    query = parse_question("老婆应该怎么做", SEGMENTER)
    words = {w.text: w for w in query.words}
    assert "应该" not in words and "怎么" not in words
    assert "配偶" in words["老婆"].expansions
    # everyday words for what regulations name formally
    residents = {w.text: w for w in parse_question("户口不在本村能参加选举吗", SEGMENTER).words}
    assert "户籍" in residents["户口"].expansions


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=300))
def test_any_text_gets_an_answer_object(index: SearchIndex, text: str) -> None:
    got = answer(index, text, SEGMENTER)
    assert len(got.hits) <= 5
    for hit in got.hits:
        assert hit.score > 0
        assert all(0 <= s < e <= len(hit.passage.text) for s, e in hit.spans)


REALDEV = Path(__file__).resolve().parent.parent.parent / "shared" / "realdev" / "docs"


@pytest.fixture(scope="module")
def real_index() -> SearchIndex:
    if not REALDEV.is_dir():
        pytest.skip("../shared/realdev is not beside")
    from retrieval.corpus import read_document

    docs = [read_document(p.name, p.read_bytes()) for p in sorted(REALDEV.glob("*.txt"))]
    return index_of(docs, SEGMENTER)


def test_a_year_written_short_picks_that_years_report(real_index: SearchIndex) -> None:
    got = answer(real_index, "21年那份报告里赤字率按多少安排的？", SEGMENTER)
    assert got.hits and {h.passage.doc for h in got.hits} == {"zhengfu_gongzuo_baogao_2021.txt"}
    assert "3.2%" in got.hits[0].passage.text
    assert got.understood == ("政府工作报告（2021年）",)


def test_a_report_the_corpus_lacks_is_said_to_be_missing(real_index: SearchIndex) -> None:
    got = answer(real_index, "2023年政府工作报告的赤字率是多少", SEGMENTER)
    assert not got.hits and got.note == "资料库中没有2023年政府工作报告"
    other = answer(real_index, "十九届三中全会决定提出了什么", SEGMENTER)
    assert not other.hits and other.note == "资料库中没有十九届三中全会决定"


def test_a_named_congress_report_is_searched_alone(real_index: SearchIndex) -> None:
    got = answer(real_index, "十九大报告里说第二轮土地承包到期后再延长多少年？", SEGMENTER)
    assert got.hits and all(h.passage.doc == "shijiuda_baogao_2017.txt" for h in got.hits)
    assert "三十年" in got.hits[0].passage.text


def test_a_quoted_phrase_of_common_characters_is_found_whole(real_index: SearchIndex) -> None:
    got = answer(real_index, "“行百里者半九十”是在哪里说的？", SEGMENTER)
    assert got.hits and all("行百里者半九十" in h.passage.text for h in got.hits)


def test_off_topic_questions_get_nothing_in_a_large_corpus(real_index: SearchIndex) -> None:
    for question in ("红烧肉怎么做才能又香又不腻？", "怎么在家练英语口语比较有效？"):
        assert not answer(real_index, question, SEGMENTER).hits, question


def test_a_year_in_chinese_numerals_is_one_word(real_index: SearchIndex) -> None:
    # 二〇二一年 would otherwise be 二 / 〇 / 〇 / 一年, whose rare 〇 outweighs the question
    assert parse_question("二〇二一年的赤字率", SEGMENTER).words[0].text == "2021"
    got = answer(real_index, "二〇二一年的报告里赤字率按多少安排的？", SEGMENTER)
    assert got.hits and got.hits[0].passage.doc == "zhengfu_gongzuo_baogao_2021.txt"
    assert "3.2%" in got.hits[0].passage.text


def test_a_question_asking_how_much_prefers_the_passage_giving_the_figure() -> None:
    lines = [
        "政府工作报告",
        "一、过去一年工作回顾",
        "研发支出占国内生产总值比重提高。",
        "经济运行稳中向好，发展质量稳步提升。国内生产总值达到56.9万亿元。",
        "二、今年的工作",
        "深化重点领域改革。推进财税金融体制改革，激发各类经营主体活力。",
        "扎实推进乡村全面振兴。稳定粮食播种面积，加强高标准农田建设。",
        "持续保障和改善民生。办好民生实事，兜牢基本民生底线。",
    ]
    index = index_of([parse("r.txt", lines)], SEGMENTER)
    question = "国内生产总值是多少？"
    got = answer(index, question, SEGMENTER)
    assert got.hits[0].passage.text.startswith("经济运行稳中向好")
    # word statistics alone put the passage that says the words twice first
    plain = answer(index, question, SEGMENTER, ranking=replace(DEFAULT_RANKING, quantity_boost=1))
    assert plain.hits[0].passage.text.startswith("研发支出")


def test_a_figure_may_stand_before_the_word_it_counts() -> None:
    from retrieval.clues import gives_quantity

    query = parse_question("我们党有多少名党员？", SEGMENTER)
    weights = [5.0] * len(query.words)  # every word telling
    # Chinese puts the count before its noun, with its measure word
    assert gives_quantity(query, weights, "一个拥有九千六百多万名党员的马克思主义政党")
    assert gives_quantity(query, weights, "全国共有党员9671.2万名")
    # a vague quantity word is no figure
    assert not gives_quantity(query, weights, "教育引导一些党员、干部增强不想腐的自觉")
    # a span of days or months in Chinese numerals is one (a deadline: 三十日内, 六个月)
    query = parse_question("临时广告有效期几天？", SEGMENTER)
    weights = [5.0] * len(query.words)
    assert gives_quantity(query, weights, "临时广告设置有效期不超过三十日。")
    assert not gives_quantity(query, weights, "临时广告设置有效期届满应当拆除。")
    assert not gives_quantity(query, weights, "临时广告设置有效期届满后统一日期拆除。")


def test_a_question_asking_when_prefers_the_passage_giving_the_date() -> None:
    from retrieval.question import asks_time

    lines = [
        "在纪念座谈会上的讲话",
        "王明同志加入中国共产党后，王明同志长期从事组织工作。",
        "王明同志1925年加入中国共产党，从此为党和人民的事业奋斗了一生。",
        "王明同志一生做了大量工作，留下了宝贵的精神财富。",
    ]
    index = index_of([parse("s.txt", lines)], SEGMENTER)
    got = answer(index, "王明同志是哪年加入中国共产党的？", SEGMENTER)
    assert got.hits[0].passage.text.startswith("王明同志1925年")
    plain = replace(DEFAULT_RANKING, quantity_boost=1)  # word statistics alone
    got = answer(index, "王明同志是哪年加入中国共产党的？", SEGMENTER, ranking=plain)
    assert got.hits[0].passage.text.startswith("王明同志加入")
    assert asks_time("座谈会是哪天开的") and asks_time("什么时候提出的")
    # not a question of when: 哪些 and 几年 (a number of years) ask otherwise
    assert not asks_time("王明同志有哪些精神") and not asks_time("干了几年")


def test_a_day_fixed_by_the_week_is_a_date() -> None:
    from retrieval.clues import gives_time

    query = parse_question("全民国防教育日是哪一天", SEGMENTER)
    weights = tuple(5.0 for _ in query.words)
    assert gives_time(query, weights, "每年九月的第三个星期六为全民国防教育日。")
    # counter-example: a week named without its month is no date
    assert not gives_time(query, weights, "在全民国防教育日所在的第三个星期开展活动。")


def test_what_a_quoted_term_refers_to_asks_its_definition() -> None:

    assert asks_definition("条例里的“军属”指哪些人") and asks_definition("退役军人具体指什么")
    # counter-examples: 指出 and 指标 ask what was said, what the target is
    assert not asks_definition("报告指出了什么问题") and not asks_definition("指标是什么")
    assert not asks_definition("手指什么时候能恢复")


def test_words_naming_the_document_asked_about_do_not_rank_its_passages() -> None:
    speech = [
        "在全市廉政工作会议上的讲话",
        "今天召开全市廉政工作会议，这次全市廉政工作会议的主要任务是总结工作、部署任务。",
        "家风是领导干部作风的重要表现，领导干部要管好家属子女，严守家规。",
        "要加强对权力运行的监督，扎紧制度笼子。",
    ]
    other = ["在全市经济工作会议上的讲话", "今年经济工作要稳中求进，扩大有效需求。"]
    index = index_of([parse("a.txt", speech), parse("b.txt", other)], SEGMENTER)
    got = answer(index, "在全市廉政工作会议上的讲话是怎么谈家风的？", SEGMENTER)
    assert got.understood == ("在全市廉政工作会议上的讲话",)
    assert got.hits[0].passage.text.startswith("家风是领导干部作风")


def test_the_year_a_question_names_is_a_constraint_not_its_topic() -> None:
    from retrieval.corpus import read_document

    folder = Path(__file__).resolve().parent / "data" / "corpora" / "reports_2009_2011" / "docs"
    names = ("zhongyang_yihao_wenjian_2023.txt", "zhengfu_gongzuo_baogao_2011.txt")
    index = index_of([read_document(n, (folder / n).read_bytes()) for n in names], SEGMENTER)
    # the passage giving the target never writes 2023: the year's own document does
    got = answer(index, "2023年一号文件要求全国粮食产量保持在多少以上？", SEGMENTER)
    assert got.hits[0].passage.text.startswith("（一）全力抓好粮食生产")


def test_the_year_said_of_an_undated_page_it_names_is_the_pages_date() -> None:
    page = [
        "守卫舌尖上的安全——我校开展食品安全知识培训",
        "为深化落实餐饮单位管理办法，学校组织食堂员工集中学习食品安全知识。",
        "培训结束后，全体员工进行了食品安全知识测试。",
    ]
    dated = [
        "护航高考食品安全检查",
        "2018年6月5日",
        "市场监督管理局到学校食堂检查食品安全工作。",
        "检查组查看了食堂员工集中学习食品安全知识的记录。",
    ]
    index = index_of([parse("a.txt", page), parse("b.txt", dated)], SEGMENTER)
    got = answer(index, "守卫舌尖上的安全那篇，2019年3月员工集中学习什么？", SEGMENTER)
    assert got.hits and got.hits[0].passage.text.startswith("为深化落实")
    # counter-example: a page dated 2018, named with an earlier year, is held to that year
    got = answer(index, "护航高考食品安全检查2017年检查了哪些记录？", SEGMENTER)
    assert not got.hits


def test_a_year_written_in_chinese_digits_in_the_text_meets_the_questions() -> None:
    from retrieval.dates import digit_years

    assert (
        digit_years("到二〇三五年基本实现，二0一一年达到，15年来")
        == "到2035年基本实现，2011年达到，15年来"
    )
    # a year of the 1900s has no 〇; runs longer than a year, and numbers out of range, stay
    assert digit_years("一九四九年十月，一二三四五年，三四五六年，2019年") == (
        "1949年十月，一二三四五年，三四五六年，2019年"
    )
    lines = [
        "报告",
        "到二〇三五年，我国发展的总体目标是：经济实力、科技实力、综合国力大幅跃升。",
        "我们要坚持以人民为中心的发展思想，不断实现人民对美好生活的向往。",
        "全面从严治党永远在路上，党的自我革命永远在路上。",
    ]
    index = index_of([parse("r.txt", lines)], SEGMENTER)
    got = answer(index, "到2035年的总体目标是什么？", SEGMENTER)
    assert got.hits and got.hits[0].passage.text.startswith("到二〇三五年")


@pytest.fixture(scope="module")
def congress_index() -> SearchIndex:
    folder = Path(__file__).resolve().parent / "data" / "corpora" / "congress_plenums" / "docs"
    return index_of([read(p) for p in sorted(folder.glob("*.txt"))], SEGMENTER)


def test_a_question_naming_a_document_and_asking_nothing_else_gets_its_opening(
    congress_index: SearchIndex,
) -> None:
    got = answer(congress_index, "十九届六中全会是哪天到哪天开的？", SEGMENTER)
    assert got.hits and got.hits[0].passage.text.startswith("中国共产党第十九届中央委员会第六次")


def test_a_later_year_in_a_named_document_is_a_goal_not_a_filter(
    congress_index: SearchIndex,
) -> None:
    # the 2020 goals are announced once; the item on the economy does not repeat the year
    question = "十八大报告提出到2020年国内生产总值和城乡居民人均收入要比哪一年翻一番？"
    got = answer(congress_index, question, SEGMENTER)
    assert got.hits and got.hits[0].passage.text.startswith("——经济持续健康发展")


def test_a_place_alone_is_no_topic() -> None:
    folder = Path(__file__).resolve().parent / "data" / "corpora" / "provincial_2026" / "docs"
    index = index_of([read(p) for p in sorted(folder.glob("*.txt"))], SEGMENTER)
    # 下雨 is nowhere in the corpus: matching 广州 alone says nothing about the weather
    assert not answer(index, "明天广州会不会下雨？", SEGMENTER).hits
    got = answer(index, "广州要实现老城市新活力，报告怎么说的？", SEGMENTER)
    assert got.hits and "广州" in got.hits[0].passage.text


def test_an_edition_the_corpus_speaks_of_only_otherwise_is_not_held() -> None:
    folder = Path(__file__).resolve().parent / "data" / "corpora" / "lianzheng_speeches" / "docs"
    index = index_of([read(p) for p in sorted(folder.glob("*.txt"))], SEGMENTER)
    # the speech congratulates the 第一届 families: the 第二届 is not in the corpus
    assert not answer(index, "第二届全国文明家庭是哪一年表彰的？", SEGMENTER).hits
    assert answer(index, "第一届全国文明家庭受到表彰时总书记说了什么？", SEGMENTER).hits


def test_a_readers_scope_names_nothing_in_the_question(index: SearchIndex) -> None:
    doc = index.documents[0].doc
    question = "家属要守得住清廉吗"
    scoped = answer(index, question, SEGMENTER, docs=frozenset({doc}))
    assert [h.passage.key for h in scoped.hits] == [
        h.passage.key for h in answer(index, question, SEGMENTER).hits
    ]
    # a scope that still lists a removed document is no error
    assert answer(index, question, SEGMENTER, docs=frozenset({"removed.txt"})).hits == ()


def test_a_one_character_word_inside_a_longer_word_is_not_the_word_asked() -> None:
    lines = [
        "在全市作风建设大会上的讲话",
        "各位代表！今年我们大力加强政府自身建设，坚决反对弄虚作假，干部作风明显提升。",
        "党是最高政治领导力量，坚持党的全面领导是做好一切工作的根本保证。",
        "要加强对权力运行的监督，扎紧制度笼子，让权力在阳光下运行。",
        "家风是领导干部作风的重要表现，领导干部要管好家属子女，严守家规。",
        "今年经济工作要稳中求进，扩大有效需求，稳定粮食播种面积。",
    ]
    index = index_of([parse("a.txt", lines)], SEGMENTER)
    # 假 asked alone (a holiday) is not the 假 of 作假
    assert not answer(index, "今年的中秋节放几天假？高速公路免费吗？", SEGMENTER).hits
    # a character the passage holds as a word of its own still counts
    got = answer(index, "党是什么力量？", SEGMENTER)
    assert got.hits and got.hits[0].passage.text.startswith("党是最高政治领导力量")


def test_hedges_and_quoting_frames_are_not_what_a_question_is_about() -> None:
    hedged = parse_question("好像有句话说要把权力关进制度的笼子，是哪篇讲话？", SEGMENTER)
    plain = parse_question("要把权力关进制度的笼子，是哪篇讲话？", SEGMENTER)
    assert [w.text for w in hedged.words] == [w.text for w in plain.words]


def test_a_verb_about_the_text_listing_is_not_what_a_question_asks() -> None:
    # 列出 was the most telling word of the question and outweighed 亟待解决
    plain = parse_question("2002年政府工作报告的当前亟待解决的问题有哪些？", SEGMENTER)
    for verb in ("列出", "列举"):
        asked = parse_question(f"2002年政府工作报告{verb}的当前亟待解决的问题有哪些？", SEGMENTER)
        assert [w.text for w in asked.words] == [w.text for w in plain.words]


def test_a_plenums_short_name_is_held_by_the_text_writing_it_out() -> None:
    text = "中国共产党第十九届中央委员会第五次全体会议，于2020年10月26日至29日在北京举行。"
    query = parse_question("十九届五中全会", SEGMENTER)
    weights = [1.0] * len(query.words)
    written_out = coverage(query, weights, [fold(text)], DEFAULT_RANKING, [frozenset()])[0]
    assert written_out == 1.0
    # counter-example: another plenum written out is not the one asked
    other = fold(text.replace("第五次", "第四次"))
    assert coverage(query, weights, [other], DEFAULT_RANKING, [frozenset()])[0] < 1.0


def test_a_named_documents_passage_holding_what_is_asked_is_kept_without_the_name() -> None:
    law = [
        "中华人民共和国乡村振兴促进法",
        "第一章 总则",
        "第一条 为了全面实施乡村振兴战略，促进乡村产业、人才、文化、生态、组织振兴，制定本法。",
        "第二条 全面实施乡村振兴战略，开展促进乡村产业、人才、文化、生态、组织振兴的活动。",
        "第十条 国务院农业农村主管部门负责全国乡村振兴促进工作的统筹协调和监督检查。",
        "第二章 附则",
        "第七十四条 本法自2021年6月1日起施行。",
    ]
    other = ["村民委员会组织法", "第一条 为了保障农村村民实行自治，制定本法。"]
    index = index_of([parse("law.txt", law), parse("cun.txt", other)], SEGMENTER)
    got = answer(index, "乡村振兴促进法是从哪天开始施行的？", SEGMENTER)
    assert got.hits[0].passage.text.startswith("第七十四条")


def test_a_question_of_the_meeting_adopting_a_regulation_gets_its_adoption_line() -> None:
    regulation = [
        "山东省企业国有资产监督管理条例",
        "2011年11月25日 山东省第十一届人民代表大会常务委员会第二十七次会议通过",
        "第一条 为了规范企业国有资产监督管理，实现企业国有资产保值增值，制定本条例。",
        "第二条 县级以上人民政府对国家出资企业的国有资产进行监督管理，适用本条例。",
        "第三条 国有资产监督管理机构应当定期召开会议，研究企业国有资产监督管理中的重大问题。",
    ]
    index = index_of([parse("sd.txt", regulation)], SEGMENTER)
    got = answer(index, "山东省企业国有资产监督管理条例是哪次会议通过的？", SEGMENTER)
    assert got.hits[0].passage.text.startswith("2011年11月25日")


def test_coverage_counts_a_word_whole_by_its_parts_or_half_inside_longer_words() -> None:
    market = Word("股市行情", frozenset({"股市行情", "股市", "行情"}), frozenset())
    today = Word("今天", frozenset({"今天"}), frozenset())
    query = Query((market, today), ())
    texts = ["今天股市行情很好", "股市的行情，今天", "行情", "", "今天"]
    inside = [frozenset(), frozenset(), frozenset(), frozenset(), frozenset({today})]
    shares = coverage(query, (3.0, 1.0), texts, DEFAULT_RANKING, inside)
    part = DEFAULT_RANKING.part_match
    assert shares == [1.0, (3.0 * part + 1.0) / 4, 0.0, 0.0, part * 1.0 / 4]


def test_a_number_counts_only_whole_not_inside_a_longer_one() -> None:
    three = Word("3", frozenset({"3"}), frozenset())
    query = Query((three,), ())
    texts = ["2023年施行", "3个月", "30个", "3.5%", "第3条"]
    shares = coverage(query, (4.0,), texts, DEFAULT_RANKING, [frozenset()] * 5)
    # (第3条 is an article's place, not the number 3, unless asked as one: 第3条)
    assert shares == [0.0, 1.0, 0.0, 0.0, 0.0]
    ordinal = parse_question("第3条", SEGMENTER)
    weights = [4.0] * len(ordinal.words)
    assert coverage(ordinal, weights, texts[-1:], DEFAULT_RANKING, [frozenset()])[0] > 0.5


def test_a_question_asking_what_a_term_means_gets_its_definition() -> None:
    lines = [
        "政府督查工作条例",
        "第二条 本条例所称政府督查，是指县级以上人民政府在法定职权范围内组织开展的监督检查。",
        "第八条 县级以上人民政府可以派出督查组。督查组开展政府督查，政府督查工作应当依法进行。",
        "第十六条 政府督查工作结束后应当作出督查结论。督查结论应当向督查对象反馈。",
    ]
    index = index_of([parse("ducha.txt", lines)], SEGMENTER)
    assert answer(index, "什么叫政府督查？", SEGMENTER).hits[0].passage.text.startswith("第二条")
    # counter-example: a question about something else about the term is not sent there
    got = answer(index, "政府督查结束后督查结论要反馈给谁？", SEGMENTER)
    assert got.hits[0].passage.text.startswith("第十六条")


def test_a_laws_list_of_terms_defines_them_also_when_the_term_is_quoted_and_common() -> None:
    lines = [
        "中华人民共和国食品安全法",
        "第二章 食品安全风险监测",
        "第十四条 国家建立食品安全风险监测制度，对食品安全状况进行监测，食品安全工作要加强。",
        "第十五条 食品安全风险监测工作应当按照食品安全标准进行，食品安全信息应当公开。",
        "第十章 附则",
        "第一百五十条 本法下列用语的含义：",
        "食品安全，指食品无毒、无害，符合应当有的营养要求，对人体健康不造成任何危害。",
        "食品安全事故，指食源性疾病、食品污染等源于食品的事故。",
    ]
    index = index_of([parse("sp.md", lines)], SEGMENTER)
    got = answer(index, "“食品安全”这个词是怎么定义的？", SEGMENTER)
    assert "\n食品安全，指" in got.hits[0].passage.text
    # counter-examples: 指出 is no definition, nor is a longer term's (食品安全事故，指)
    query = Query((), ())
    assert defines(query, (), "食品安全，指食品无毒", ("食品安全",))
    assert not defines(query, (), "食品安全，指出了方向", ("食品安全",))
    assert not defines(query, (), "食品安全事故，指食源性疾病", ("食品安全",))


def test_a_texts_history_answers_questions_about_its_history() -> None:
    lines = [
        "# 上海市科学技术进步条例",
        "1996年6月20日 上海市第十届人民代表大会常务委员会第二十八次会议通过",
        "2010年9月17日 上海市第十三届人民代表大会常务委员会第二十一次会议第一次修订",
        "2024年5月10日 上海市第十六届人民代表大会常务委员会第十三次会议第二次修订",
        "第一条 为了全面促进科学技术进步，制定本条例。",
        "第二条 全社会研究与试验发展经费支出占全市生产总值的比例应当逐步提高。",
        "第三条 市人民政府应当建立稳定支持的基础研究投入机制。",
        "第四条 本条例自2024年6月1日起施行。",
    ]
    index = index_of([parse("sh.md", lines)], SEGMENTER)
    hits = answer(index, "上海市科学技术进步条例修订过几次？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("1996年6月20日")
    # (that it answers nothing else is held by science_technology_folder's out-of-scope
    # floor in test_quality: 2024年全国科技大会上颁发的…奖得主是谁)


def test_a_quoted_word_is_asked_though_it_is_in_the_name() -> None:
    lines = ["物业管理条例", "第一条 为了规范物业管理活动，制定本条例。"]
    lines += ["第二条 本条例所称物业管理，是指业主通过选聘物业服务企业进行维修、养护、管理的活动。"]
    lines += ["第三条 国家提倡业主通过公开、公平、公正的市场竞争机制选择物业服务企业。"]
    lines += ["第四条 国家鼓励采用新技术、新方法，依靠科技进步提高物业管理和服务水平。"]
    index = index_of([parse("wy.txt", lines)], SEGMENTER)
    hits = answer(index, "《物业管理条例》里“物业管理”这个概念是怎么定义的？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第二条")


def test_an_aside_in_brackets_is_read_without_it_too() -> None:
    from retrieval.index import searchable_text, without_asides

    assert without_asides("村（社区）级河长每周巡查") == "村级河长每周巡查"
    assert without_asides("（一）开展巡查") == "（一）开展巡查"  # a list's number, no aside
    assert without_asides("下列职责（一）开展巡查") == "下列职责（一）开展巡查"
    lines = [
        "河长制条例",
        "第十三条 村（社区）级河长履行下列主要职责：开展河湖日常巡查，每周不少于一次。",
    ]
    lines += ["第十四条 市级河长每季度巡查不少于一次。", "第十五条 县级河长每月巡查不少于一次。"]
    index = index_of([parse("hz.txt", lines)], SEGMENTER)
    assert "村级河长" in searchable_text(index.passages[0])
    hits = answer(index, "村级河长多久巡查一次？", SEGMENTER).hits
    assert hits and hits[0].passage.text.startswith("第十三条")


def test_an_article_listing_the_kinds_asked_leads() -> None:
    lines = [
        "中华人民共和国公务员法",
        "第五十一条 对工作表现突出的公务员，给予奖励。奖励坚持精神奖励与物质奖励相结合。",
        "第五十二条 公务员集体的奖励适用于按照编制序列设置的机构。",
        "第五十三条 奖励分为：嘉奖、记三等功、记二等功、记一等功、授予称号。",
        "第五十五条 对受奖励的公务员予以表彰，并给予一次性奖金。",
    ]
    index = index_of([parse("gwy.txt", lines)], SEGMENTER)
    got = answer(index, "奖励有哪几种？", SEGMENTER)
    assert got.hits[0].passage.text.startswith("第五十三条")
    # counter-example: asked no kinds, the article that says more of the question leads
    got = answer(index, "公务员集体的奖励适用于哪些机构？", SEGMENTER)
    assert got.hits[0].passage.text.startswith("第五十二条")


def test_a_word_only_the_documents_title_holds_counts_in_part() -> None:
    query = parse_question("公务员的奖励怎么定", SEGMENTER)
    weights = [1.0] * len(query.words)
    texts = ["奖励分为：嘉奖、记三等功", "奖励分为：嘉奖、记三等功"]
    titled = [frozenset(w for w in query.words if w.text == "公务员"), frozenset()]
    inside: list[frozenset[Word]] = [frozenset(), frozenset()]
    of_law, of_other = coverage(query, weights, texts, DEFAULT_RANKING, inside, titled)
    assert of_law > of_other > 0


def test_what_a_question_asks_the_kinds_of() -> None:
    from retrieval.clues import classifies
    from retrieval.question import kinds_asked_of

    assert kinds_asked_of("监察官具体包括哪些人员？") == "监察官"
    assert kinds_asked_of("公务员法规定的处分有哪几种？") == "公务员法规定的处分"
    assert kinds_asked_of("家属应该做什么？") == ""
    assert classifies("公务员法规定的处分", "第六十二条 处分分为：警告、记过、记大过")
    assert classifies("监察官", "第三条 监察官包括下列人员：")
    assert not classifies("监察官", "第四条 监察官应当忠诚坚定。")
    # a definition going on to its members: 法官是…的审判人员，包括…
    assert kinds_asked_of("法官法说的法官具体指哪些人？") == "法官法说的法官"
    assert classifies(
        "法官法说的法官", "第二条 法官是依法行使国家审判权的审判人员，包括最高人民法院"
    )
    assert not classifies("法官", "法官是依法行使职权的人员，有权调阅案卷。")


def test_a_question_asking_the_penalty_prefers_the_article_stating_it() -> None:
    lines = [
        "中华人民共和国农产品质量安全法",
        "第三十九条 农民专业合作社应当开具承诺达标合格证。",
        "第七十三条 违反本法规定，农产品生产企业、农民专业合作社未按照规定开具承诺达标合格证的，"
        "由县级以上地方人民政府农业农村主管部门按照职责给予批评教育，责令限期改正；逾期不改正的，"
        "处一百元以上一千元以下罚款。",
        "第四十条 农产品生产经营者通过网络平台销售农产品的，应当依法开展经营活动。",
        "第四十一条 国家对列入农产品质量安全追溯目录的农产品实施追溯管理。",
        "第五十七条 农业农村主管部门应当加强对执法人员的专业技术培训。",
        "第八十一条 本法自2023年1月1日起施行。",
    ]
    index = index_of([parse("ncp.txt", lines)], SEGMENTER)
    got = answer(index, "合作社没按规定开承诺达标合格证，会被罚多少钱？", SEGMENTER)
    assert got.hits[0].passage.text.startswith("第七十三条")
    # counter-example: asked what the duty is, the duty leads
    got = answer(index, "合作社要开承诺达标合格证吗？", SEGMENTER)
    assert got.hits[0].passage.text.startswith("第三十九条")


def test_what_asks_a_penalty() -> None:
    from retrieval.question import asks_penalty

    assert asks_penalty("没有动物诊疗许可证就开宠物医院，会怎么罚？")
    assert asks_penalty("在山东拒绝配合调查，罚多少钱？")
    assert asks_penalty("上班时间打麻将赌钱，公务员会受什么处分？")
    assert not asks_penalty("罚款决定书上没盖章，这个决定还算数吗？")
    assert not asks_penalty("群众投诉以后，河长要怎么处理？")
    # what will be done to one who did something is its penalty (会被怎么处理); what is done
    # with a thing, a complaint or a duty is no penalty
    assert asks_penalty("不及时更新政府信息公开目录会被怎么处理")
    assert asks_penalty("娱乐场所里有人提供有偿陪侍，公安会怎么处理这家店？")
    assert not asks_penalty("过期了的疫苗，接种点要怎么处理")
    assert not asks_penalty("我的投诉会怎么处理")
    assert not asks_penalty("我投诉了以后，市场监管局会怎么处理")
    assert asks_penalty("被举报的无证诊所会被怎么处理")  # (举报 said of the offender)
    assert asks_penalty("提供虚假材料骗取补贴会被怎么处理")
    assert not asks_penalty("治安案件罚款到多少钱以上，当事人可以要求开听证会？")
    assert not asks_penalty("拘留多少小时内要通知家属")
    # what follows a breach, asked at a clause's end, is its penalty; how a thing goes is not
    assert asks_penalty("从强戒所逃跑又被抓回来会怎么样？")
    assert asks_penalty("不配合尿检会怎样，会被拘留吗")
    assert not asks_penalty("今后几年经济会怎样发展？")
    assert not asks_penalty("延迟退休以后我的社保会怎么样？")  # no breach told
    assert not asks_penalty("十八大报告讲反腐败，说这个问题解决不好会怎样？")  # a text reported
    # how much a fine is, however asked
    for asked in (
        "罚款是多少？",
        "罚款幅度是多少",
        "最高能罚到多少钱",
        "我没造假，也要罚吗",
        "会被拘留几天",
    ):
        assert asks_penalty(f"景区不符合开放条件就开门接待游客，{asked}"), asked
