"""Texts a question asks of that the corpus holds otherwise: the nation's rules where pages of no
place quote them (asked of by name, or by naming no place), and a law the corpus holds no text
of, reported on by pages naming it."""

from __future__ import annotations

from retrieval.search import answer
from retrieval.segment import default_segmenter
from retrieval.targets import find_target
from tests.indexing import index_of
from tests.test_targets import doc
from tests.test_texts_named import FILLER

SEGMENTER = default_segmenter()


def test_the_national_text_asked_of_is_its_rule_not_a_page_of_no_place_quoting_it() -> None:
    national = doc("gj.md", ["森林防火条例", "第二十五条 森林防火期内，禁止在森林防火区野外用火。"])
    forum = doc(
        "lt.txt", ["网友问答：防火期能不能烧荒", "答：森林防火期内，禁止在森林防火区野外用火。"]
    )
    local = doc(
        "gd.md", ["广东省森林防火条例", "第二十条 森林防火期内，禁止在森林防火区野外用火。"]
    )
    assert find_target("按国务院条例，防火期能野外用火吗", (national, forum, local)).preferred == {
        "gj.md"
    }
    # counter-example: where the nation has no rule text, its pages are what it has
    assert find_target("按国家规定，防火期能野外用火吗", (forum, local)).preferred == {"lt.txt"}


def test_when_a_text_was_made_is_asked_of_pages_naming_it_in_full_by_its_short_name() -> None:
    # a news page under a site's clutter, naming the law in full (中华人民共和国…) in 《》
    news = doc(
        "xw.txt",
        [
            "批发网1688官网",
            "adminweb",
            "2025年12月27日,据新华社消息,十四届全国人大常委会第十九次会议表决通过"
            "《中华人民共和国危险化学品安全法》,自2026年5月1日起施行。",
            "危险化学品安全法共10章127条,包括总则、规划布局、生产和储存安全等。",
        ],
    )
    rules = doc(
        "tl.md",
        ["危险化学品安全管理条例", "第二十四条 剧毒化学品应当在专用仓库内单独存放。"],
    )
    both = (news, rules)
    assert not find_target("危化品安全法是哪天通过的？", both).missing
    assert not find_target("危险化学品安全法从哪天开始施行？", both).missing
    # counter-example: a corpus that never speaks of it lacks it
    assert find_target("危化品安全法是哪天通过的？", (rules,)).missing == "《危化品安全法》"


def test_a_question_naming_no_place_asks_first_of_the_nations_rule_text() -> None:
    national = doc(
        "gj.md",
        [
            "森林防火条例",
            "第二十五条 森林防火期内，禁止在森林防火区野外用火。因防治病虫鼠害、冻害等特殊情况"
            "确需野外用火的，应当经县级人民政府批准，并按照要求采取防火措施，严防失火。",
        ],
    )
    forum = doc(
        "lt.txt",
        ["网友问答：防火期能不能烧荒", "答：防火期内禁止野外用火，特殊情况确需用火要经县里批准。"],
    )
    local = doc(
        "gd.md",
        [
            "广东省森林防火条例",
            "第二十条 森林防火期内，禁止在森林防火区野外用火。确需野外用火的，应当经县级人民"
            "政府批准。",
        ],
    )
    index = index_of([national, forum, local, FILLER], SEGMENTER)
    # neither the forum page of no place quoting the rule nor the province's rule
    question = "防火期内确需野外用火的要经谁批准？"
    assert answer(index, question, SEGMENTER).hits[0].passage.doc == "gj.md"
    # counter-example: a place said asks of its own rule
    local_first = answer(index, "广东防火期内确需野外用火的要经谁批准？", SEGMENTER).hits[0]
    assert local_first.passage.doc == "gd.md"


def test_implementing_rules_held_only_as_reported_are_asked_of_the_reports() -> None:
    # a name whose first word is a verb (报废), which the reading of law names leaves out
    rules = doc(
        "bf.md",
        [
            "报废机动车回收管理办法",
            "第二十八条 本办法自2019年6月1日起施行。",
            "第四条 国务院负责报废机动车回收管理的部门主管全国报废机动车回收监督管理工作。",
        ],
    )
    news = doc(
        "xw.txt",
        [
            "商务部等7部门联合发布实施细则",
            "据商务部网站消息,《报废机动车回收管理办法实施细则》已经审议通过,自2020年9月1日"
            "起施行。",
        ],
    )
    index = index_of([rules, news, FILLER], SEGMENTER)
    asked = "报废机动车回收管理办法实施细则是哪年几月开始施行的？"
    got = answer(index, asked, SEGMENTER)
    assert got.hits and got.hits[0].passage.doc == "xw.txt"
    # counter-example: a corpus that never tells of the rules lacks them, named in full
    alone = answer(index_of([rules, FILLER], SEGMENTER), asked, SEGMENTER)
    assert not alone.hits and alone.note == "资料库中没有《报废机动车回收管理办法实施细则》"
