"""A year's text asked that the corpus holds under another name, or only as pages on it: its
kin of the same place under a fuller title, the page that lost its title, and pages whose
headline or first sentence names it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.catalog import memo
from retrieval.dates import year_spans
from retrieval.model import Document
from retrieval.names import document_names, plain_titles, without_level
from retrieval.normalize import fold, plain_text
from retrieval.title_tokens import place_tokens, whose


def kin_of_year(
    documents: Sequence[Document], named: Sequence[Document], name: str, years: Sequence[int]
) -> list[Document]:
    """Documents of a year asked, of the places of all the documents `named`, with a name
    ending like the one said (四川省人民政府工作报告 for 政府工作报告, 上海市… for 上海…)."""
    if not (places := [place_tokens(d) for d in named]) or not all(places):
        return []
    shared = frozenset.intersection(*places)
    return [
        d
        for d in documents
        if d.meta.year in years
        and shared & place_tokens(d)
        and any(without_level(n, place_tokens(d)).endswith(name) for n in document_names(d))
    ]


def headless_of_year(
    documents: Sequence[Document], named: Sequence[Document], years: Sequence[int]
) -> list[Document]:
    """Documents of a year asked, of the kind of all those `named`, whose headline names no
    place while their opening names the body the named texts are of, with its place: the
    year's text on a page that lost its title (谭志桂作工作报告 over 绍兴's 2018 report: 我受
    绍兴市人民代表大会常务委员会的委托, beside the 2025 绍兴市人民代表大会常务委员会工作报告).
    Not a text titled with a place, nor another body's (我代表绍兴市人民政府 is the
    government's)."""
    kinds = {d.meta.kind for d in named}
    bodies = {_body(d) for d in named}
    if len(kinds) != 1 or not all(kinds) or len(bodies) != 1 or not all(bodies):
        return []
    places = frozenset.intersection(*(place_tokens(d) for d in named))
    body = bodies.pop()
    return [
        d
        for d in documents
        if d.meta.year in years
        and d.meta.kind in kinds
        and not place_tokens(d)
        and any(p + body in plain_text(whose(d)) for p in places)
    ]


def _body(document: Document) -> str:
    """The body a title says a text is of, its place and year and kind left out (人民代表大会
    常务委员会 of 绍兴市人民代表大会常务委员会工作报告); '' when it says none."""
    title = re.sub(r"^\d{4}年", "", plain_text(document.title))
    for place in sorted(place_tokens(document), key=len, reverse=True):
        title = title.removeprefix(place)
    body = (
        re.sub(rf"(?:工作)?{re.escape(document.meta.kind)}$", "", title)
        if document.meta.kind
        else ""
    )
    return body if len(body) >= MIN_BODY_CHARS else ""


MIN_BODY_CHARS = 4  # 人民政府, 人民代表大会常务委员会; not 市委 alone


def pages_on(documents: Sequence[Document], name: str, years: Sequence[int]) -> list[Document]:
    """Pages of a year asked whose headline names the text asked (2022年中央一号文件公布…), or
    whose first sentence tells of it being given or published (3月10日,2025年深圳市政府工作报告
    全文发布 under another headline; not 传达学习2025年深圳市政府工作报告精神): what the
    corpus holds of a year's text it does not hold itself."""
    titles = plain_titles(documents)
    firsts = memo(
        documents,
        "first_passages",
        lambda: [plain_text(d.passages[0].text) if d.passages else "" for d in documents],
    )
    said = re.escape(name)
    told = re.compile(
        rf"(?:颁布|发布|公布|印发|发表|作|审议|通过).{{0,12}}{said}"
        rf"|{said}.{{0,16}}?(?:全文|发布|公布|出炉|印发|举行|召开|开幕|闭幕|施行|通过)"
    )
    return [
        d
        for d, t, first in zip(documents, titles, firsts, strict=True)
        if d.meta.year in years and (name in t or told.search(first))
    ]


def of_span(
    documents: Sequence[Document], names: Sequence[str], spans: set[tuple[int, int]]
) -> list[Document]:
    """The texts of no place titled with a name said and a span of years asked, and the pages
    whose opening tells of such a text being issued (a page's breadcrumb may come first):
    全民健身计划(2021—2025年) for 2021到2025年的全民健身计划, a page opening 国务院印发
    《全民健身计划(2021-2025年)》 or telling it will be (…即将颁布); not a place's plan
    (杭州市全民健身计划(2021—2025年)), nor one made after it (根据《全民健身计划(2021—2025
    年)》) or reviewing it (…实施以来)."""
    if not spans or not names:
        return []
    openings = memo(
        documents,
        "span_openings",
        lambda: [[(plain_text(t), year_spans(fold(t))) for t in _opening(d)] for d in documents],
    )
    said = "|".join(map(re.escape, names))
    issued = re.compile(rf"(?:{ISSUING})(?:{said})|(?:{said}).{{0,16}}?(?:{ISSUING})")
    return [
        d
        for d, ((title, titled), *passages) in zip(documents, openings, strict=True)
        if not place_tokens(d)
        and (
            (spans & titled and any(n in title for n in names))
            or any(spans & s and issued.search(t) for t, s in passages)
        )
    ]


ISSUING = "印发|发布|公布|颁布|出台|出炉"


def _opening(document: Document) -> list[str]:
    # (the title, then the first passages: a page's breadcrumb may come before its lead)
    return [document.title, *(p.text for p in document.passages[:OPENING_PASSAGES])]


OPENING_PASSAGES = 2
