"""A page with no title line is named by its lead, the first sentence of its text, rather
than by its file's name: a reply's header says what the page is, and a question naming the
place or meeting the lead names finds the page. Beside each rule, the pages it must leave as
they were: a title lower down, a salutation, a history line, a long sentence, Latin text,
and a forum's sign-up prompts, which are furniture."""

from __future__ import annotations

from retrieval.corpus import read_document
from retrieval.search import answer
from retrieval.segment import default_segmenter
from tests.indexing import index_of, read_lines

LEAD = "记者近日获悉,《海口市噪声污染防治办法》(以下简称《办法》)将于2025年2月1日起施行"
HAIKOU = [
    f"{LEAD}。",
    "根据《办法》,建设单位、施工单位在噪声敏感建筑物集中区域12时至14时进行产生噪声的建筑施工"
    "作业的,处一万元以上十万元以下的罚款。",
]


def test_a_page_without_a_title_line_is_named_by_its_lead_which_stays_its_text() -> None:
    document = read_document("haikou_zaosheng_2024.txt", "\n".join(HAIKOU).encode())
    assert document.title == LEAD
    assert document.passages[0].text.startswith(LEAD)  # still text to search and show
    # the lead is read for no date: 2025 is when the rules take effect, the page is of 2024
    assert document.meta.year == 2024
    assert document.meta.kind == ""  # nor for a kind: a page about the 办法 is no 办法
    # a close button above it says nothing; the lead under it names the page
    assert read_lines("p.txt", ["x", *HAIKOU])[0] == LEAD
    # a meeting's report opening with one short sentence
    plenum = ["中共广东省委第十三届第三次全会于广州召开。", "全会审议通过了有关决定。"]
    assert read_lines("gd_2023.txt", plenum)[0] == "中共广东省委第十三届第三次全会于广州召开"


def test_lines_that_cannot_name_a_page_leave_its_file_name_or_its_own_title() -> None:
    # a title with no sentence in it below a control names the page, as before
    notice = [
        "EN",
        "湖北省人民政府办公厅关于印发《湖北省以旧换新实施方案》的通知",
        "各市、州、县人民政府:现将《湖北省以旧换新实施方案》印发给你们,请认真贯彻落实。",
    ]
    title, _ = read_lines("hubei.txt", notice)
    assert title == "湖北省人民政府办公厅关于印发《湖北省以旧换新实施方案》的通知"
    body = "第一条 为了加强家庭教育工作,制定本条例。"
    history = "(2018年9月30日江西省第十三届人民代表大会常务委员会第六次会议通过)"
    long_lead = (
        "从2018年秋季入学的高一年级学生起,普通高中学业水平考试分为合格性考试和选择性考试两类,"
        "合格性考试成绩作为毕业的重要依据。"
    )
    for first in (
        history,  # a text's history in brackets
        long_lead,  # a first sentence too long to be a name
        "Government Work Report Focus: Driving the AI+ Initiative, in brief.",  # Latin text
        "同志们,各位代表:",  # a speech's salutation
        "尊敬的各位领导、各位来宾，大家好！",  # and its greeting
        "尊敬的各位领导、各位来宾，大家好。",
    ):
        assert read_lines("jiangxi_2018.txt", [first, body])[0] == "jiangxi_2018"
    # a file's name a person gave in Chinese names the page better than its lead; a name
    # no person chose does not
    assert read_lines("学习材料.txt", HAIKOU)[0] == "学习材料"
    assert read_lines("新建文本文档 (2).txt", HAIKOU)[0] == LEAD


def test_a_forums_sign_up_prompts_are_furniture_not_a_lead() -> None:
    page = [
        "马上注册,结交更多好友,享用更多功能,让你轻松玩转社区。",
        "您需要 登录 才可以下载或查看,没有账号?立即注册",
        "9月10日,江安中学在运动场举行了教师节表彰大会。",
        "上午8时,老师们迎着鲜花与掌声步入会场。",
    ]
    title, texts = read_lines("jiangan.txt", page)
    assert title == "9月10日,江安中学在运动场举行了教师节表彰大会"
    assert not any("注册" in t for t in texts)
    assert read_lines("bbs.txt", ["没有账号？立即注册 | 找回密码", *page[2:]])[1] == texts
    # a sentence about registering is text (a notice's 立即注册 of an account stays)
    notice = [
        "各单位:",
        "请志愿者于3月1日前登录平台,没有账号的请立即注册并完善信息。",
        "立即注册，加入社区志愿服务队伍。",
    ]
    kept = read_lines("notice.txt", notice)[1]
    assert any("没有账号的请立即注册" in t for t in kept)
    assert any("加入社区志愿服务队伍" in t for t in kept)


def test_a_question_naming_the_place_of_a_lead_finds_that_page() -> None:
    beijing = [
        "北京市环境噪声污染防治办法",
        "第十九条 进行夜间施工作业的,应当向周围居民公告施工项目名称和夜间施工起止时间。",
        "第四十一条 违反本办法第十九条规定,进行夜间施工作业未向周围居民公告的,处1000元以上"
        "5000元以下罚款。",
    ]
    documents = [
        read_document("beijing_zaosheng_2006.md", "\n".join(beijing).encode()),
        read_document("haikou_zaosheng_2024.txt", "\n".join(HAIKOU).encode()),
    ]
    segmenter = default_segmenter()
    index = index_of(documents, segmenter)
    hits = answer(index, "海口中午能不能施工", segmenter, top_k=3).hits
    assert hits
    assert hits[0].passage.doc == "haikou_zaosheng_2024.txt"
    # and the place's own question of the other page still finds that one
    hits = answer(index, "北京夜间施工不公告罚多少", segmenter, top_k=3).hits
    assert hits
    assert hits[0].passage.doc == "beijing_zaosheng_2006.md"


def test_a_page_without_a_title_giving_out_a_plan_is_named_by_the_plan() -> None:
    plan = [
        "为进一步加强塑料污染全链条治理，我们制定了《“十四五”塑料污染治理行动方案》，现予印发，"
        "请认真组织实施。",
        "一、总体要求",
        "坚持以人民为中心的发展思想，推动塑料污染全链条治理。",
    ]
    title, texts = read_lines("xingdong_fangan_2021.txt", plan)
    assert title == "“十四五”塑料污染治理行动方案"
    assert texts[0].startswith("为进一步加强")  # the notice's sentence stays text
    given = "现将《“十四五”塑料污染治理行动方案》印发给各区人民政府、市政府各部门，请认真执行。"
    assert read_lines("tongzhi.txt", [given, *plan[1:]])[0] == "“十四五”塑料污染治理行动方案"
    # counter-example: a page reporting on a plan prints no plan under its 一、
    for lead in (
        "近日，两部门印发了《“十四五”塑料污染治理行动方案》。",
        "近日，市政府制定了《“十四五”塑料污染治理行动方案》，并于日前发布。",
    ):
        report = [lead, *plan[1:]]
        assert read_lines("jiedu_2021.txt", report)[0] != "“十四五”塑料污染治理行动方案"
