"""Pages reporting on a text: a question that asks what the news said of a law (新闻里说黄河
保护法一共几章) asks of the pages whose headline names it, not of the law itself."""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.laws import LAW_ENDINGS, abbreviates_any, law_names
from retrieval.metadata import HEADLINE_ACTS
from retrieval.model import Document
from retrieval.names import document_names
from retrieval.normalize import plain_text

# a question pointing at a report, not at the text it reports on (新闻里说…, 那篇报道, 新华社报道)
# (not 新闻 or 报道 as what is asked about: 对新闻报道中歪曲英烈事迹怎么处罚, 一篇文章丑化…)
# (and a law's draft, 国歌法草案, 修正草案二审稿: the pages on it, not the law adopted)
_LAW_DRAFT = r"(?:法|条例|办法|修正案)(?:\(|（)?(?:修正|修订)?草案|征求意见稿|审议稿"
_REPORT_ASKED = re.compile(
    r"(?:新闻|报道|文章|稿子|新闻稿)(?:里|上|说|称|提到|讲到)"
    # (the report ending the phrase: 那条…的稿子, not 这条规定对新闻媒体)
    r"|(?:那篇|这篇|那条|这条|写的)(?:[^，。？！,?!]{0,12}?的)?(?:新闻|报道|文章|稿子)"
    r"(?!媒体|单位|出版|工作|记者|发布)"
    r"|(?:新华社|央视网?|人民网|新华网)的?(?:报道|新闻|消息)"
    rf"|{_LAW_DRAFT}"
)


# words of a commentary or news on a text (解读, 答记者问, 报道)
COMMENTARY = r"解读|透视|解析|述评|读懂|速览|答记者问|评论|综述|新闻|报道|发布会"
# a page about a text rather than the text: a commentary, or a headline on a text it quotes
# (《彩票管理条例》公布; not the notice carrying it, …》的通知)
# (or, unquoted, a headline telling of its making: 北京市中医药条例通过,不允许…, …办法正式
# 出台, …条例今起施行; not a word ending in 法: 依法通过, nor a text's own title: …施行细则)
_ABOUT_A_TEXT = re.compile(
    rf"{COMMENTARY}|》(?!的|全文|原文|节选|正文)[\u4e00-\u9fff]"
    rf"|(?:(?<![依方做合非违])法|条例|规定|细则){HEADLINE_ACTS}(?![(（]?全文)"
)


# a text's draft asked of (条例草案, 修订草案, 征求意见稿), and a title saying it holds one
_DRAFT_ASKED = re.compile(rf"{_LAW_DRAFT}|规定(?:\(|（)?(?:修正|修订)?草案|送审稿")
_DRAFT_TITLE = re.compile(r"草案|征求意见|送审稿|审议稿")


def draft_unheld(named: Sequence[Document], folded: str) -> bool:
    """Whether the question asks of a text's draft and none of the documents naming the text
    is one (威海温泉保护条例草案征求意见截止到几号 of the 条例 adopted): the adopted text does
    not say what its draft said, the pages on the draft may, whatever their headline."""
    return bool(_DRAFT_ASKED.search(folded)) and not any(
        _DRAFT_TITLE.search(d.title) for d in named
    )


def reports_on_a_text(document: Document) -> bool:
    return bool(_ABOUT_A_TEXT.search(document.title))


def reports_on(
    documents: Sequence[Document], named: Sequence[Document], folded: str
) -> list[Document]:
    """Of the corpus, the pages whose headline names a text the question names and that the
    question asks of as reported ([] when it asks of the text itself)."""
    if not named or not _REPORT_ASKED.search(folded):
        return []
    plain = plain_text(folded)
    # (its names the question says, or says short: 北京中医药条例 of 北京市中医药条例)
    short = law_names(folded)
    said = {
        n
        for d in named
        for n in document_names(d)
        if n in plain or any(abbreviates_any(s, (n,)) for s in short)
    }
    # a page of no kind of text (a headline: 我国出台黄河保护法守护母亲河) or about one, not a
    # text implementing the law (河南省实施职业教育法办法), nor a copy of the text titled by its
    # name alone (Ⅰ 中華人民共和國農民專業合作社法)
    return [
        d
        for d in documents
        if (not d.meta.kind or reports_on_a_text(d)) and _headline_naming(plain_text(d.title), said)
    ]


def _headline_naming(title: str, names: set[str]) -> bool:
    """Whether a title names one of `names`, a rule's with words of its own besides (a
    headline, not a copy of the rule)."""
    held = [n for n in names if n in title]
    if not held:
        return False
    name = max(held, key=len)
    rest = _NOT_HEADLINE.sub("", title.replace(name, ""))
    return not name.endswith(_RULES) or bool(_HEADLINE_WORDS.search(rest))


_RULES = (*LAW_ENDINGS, "办法", "规定", "细则")
# what may follow a rule's name in its own title (…全文, …法（2018年修正）)
_NOT_HEADLINE = re.compile(r"全文|原文|节选|正文|修订|修正|草案|\d+年")
_HEADLINE_WORDS = re.compile(r"[\u4e00-\u9fff]{2}")
