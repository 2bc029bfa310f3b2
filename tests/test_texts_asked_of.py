"""Texts a question asks of that the corpus holds otherwise: the nation's rules where pages of no
place quote them, and a law the corpus holds no text of, reported on by pages naming it."""

from __future__ import annotations

from retrieval.targets import find_target
from tests.test_targets import doc


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
