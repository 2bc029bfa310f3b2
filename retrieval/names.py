"""The names a question may use for a document, in plain folded form: its title, the names
its metadata gives, its subtitle, each with and without a year before it."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from retrieval.catalog import memo
from retrieval.laws import EDITION_NOTE, LONGER_NAME
from retrieval.metadata import PROVINCE_SHORT, REGION_PEOPLE
from retrieval.model import Document
from retrieval.normalize import fold, plain_text
from retrieval.places import is_place_name

MIN_NAME_CHARS = 4  # a shorter "name" (报告) says what kind of document, not which


def share_a_name(documents: Sequence[Document]) -> bool:
    """Whether the documents have a name in common: editions of one text, not several texts."""
    return bool(documents) and bool(set.intersection(*(set(document_names(d)) for d in documents)))


def year_free(name: str) -> str:
    return re.sub(r"^(19|20)\d\d年", "", name)


def document_names(document: Document) -> tuple[str, ...]:
    """Names a question may use for the document, in plain folded form."""
    return _names(document.title, document.meta.names, document.meta.subtitle)


@cache
def _names(title: str, given: tuple[str, ...], subtitle: str) -> tuple[str, ...]:
    names = {title, *given}
    if subtitle:
        names.add(subtitle)
    names |= {year_free(n) for n in names}
    plain = {plain_text(n) for n in names}
    plain |= {short for n in plain if (short := _place_said_short(n))}
    # a law is named by two or three characters (水法, 公司法, 民法典); other short "names"
    # (报告) name a kind
    return tuple(
        sorted(
            n
            for n in plain
            if len(n) >= MIN_NAME_CHARS or (len(n) in (2, 3) and n.endswith(("法", "法典")))
        )
    )


# a place's text implementing a law, its name opening with the place and its level
# (河南省实施职业教育法办法, 内蒙古自治区实施…); not the place's other texts, whose short names
# the readers of a year's or a genre's text match against titles spelling the level
_PLACE_LEVEL = re.compile(
    rf"^([\u4e00-\u9fff]{{2,3}}?){REGION_PEOPLE}(?:省|市|自治区)(?=实施.{{4}})"
)
MUNICIPALITIES = frozenset({"北京", "天津", "上海", "重庆"})  # provinces whose level is 市


def _place_said_short(name: str) -> str:
    """The name of a place's text implementing a law with the place said without its level, as
    people say it (河南实施职业教育法办法, 内蒙古实施防沙治沙法办法), or ''."""
    opening = _PLACE_LEVEL.match(name)
    if not opening or not is_place_name(place := opening.group(1)):
        return ""
    if opening.group(0).endswith("市") and place in PROVINCE_SHORT and place not in MUNICIPALITIES:
        return ""  # (吉林市's text said short would be the province's: 吉林省…)
    return place + name[opening.end() :]


def without_level(name: str, places: Iterable[str]) -> str:
    """A name with its places' 省 or 市 left out, as people say them (上海民政工作总结 for
    上海市民政工作总结)."""
    for place in places:
        name = name.replace(f"{place}市", place).replace(f"{place}省", place)
    return name


def said_as_word(name: str, plain: str) -> bool:
    """Whether a short name is said in the question as itself: a two-character law's (水法)
    only where jieba reads it as a word (not 节水 / 法规), and not inside the name of the
    text implementing it (北京实施水法办法, 水法实施细则)."""
    if len(name) > 2:
        return True
    from retrieval.segment import default_segmenter

    words = {w for w, _ in default_segmenter().words(plain)}
    longer = "|".join(LONGER_NAME)
    return name in words and not re.search(rf"实施{name}|{name}(?:{longer})", plain)


def plain_titles(documents: Sequence[Document]) -> list[str]:
    """Each document's title in plain folded form, worked out once per catalog."""
    return memo(documents, "plain_titles", lambda: [plain_text(d.title) for d in documents])


def titled(documents: Sequence[Document], quotes: Sequence[str]) -> list[Document]:
    """The documents whose title holds a quote pointing at them (“暖心话语”那篇)."""
    if not quotes:
        return []
    titles = plain_titles(documents)
    return [d for d, t in zip(documents, titles, strict=True) if any(q in t for q in quotes)]


def outermost(names: set[str]) -> list[str]:
    """The names not inside a longer one (政府工作报告 of 四川省政府工作报告), in order."""
    return sorted(n for n in names if not any(n != m and n in m for m in names))


def names_said(named: Sequence[Document], written: str) -> list[str]:
    """The names of the documents named that the question uses, but those inside another."""
    return outermost({n for d in named for n in document_names(d) if n in written})


def says_dated_name(document: Document, plain: str, years: Sequence[int] = ()) -> bool:
    """Whether the question says a dated name of the document (2021年政府工作报告), or one of
    its `years` that the title opens with (2026年政府工作报告, given in December 2025)."""
    dated = (n for n in document_names(document) if re.match(r"(19|20)\d\d年", n))
    return any(n in plain for n in dated) or any(document.title.startswith(f"{y}年") for y in years)


# a text on a law, of another kind, said after the law's name (继承法的意见, 贯彻执行继承法若干
# 问题的意见, 继承法意见): a court's or ministry's 意见, 解释, 批复 on it
_ON_LAW = r"(?:若干问题|有关问题|相关问题)?的?(?:那个|这个|那份)?(意见|解释|批复|答复|说明)"


def texts_on_law(
    documents: Sequence[Document], named: Sequence[Document], plain: str
) -> list[Document]:
    """The documents titled as a text of the kind said after a named law's name and holding
    that name (最高人民法院关于贯彻执行《中华人民共和国继承法》若干问题的意见 for 继承法的意见),
    not the law; `named` where the question says no such kind after the name, or none is held."""
    laws = {n for d in named for n in document_names(d) if n.endswith(_LAW_NAME_ENDS)}
    for name in laws:
        on = re.compile(rf"{re.escape(name)}{_ON_LAW}")
        said = on.search(plain)
        if not said:
            continue
        # (its edition's note aside: …若干问题的意见（试行）, …继承编的解释（一）)
        titles = {
            d.doc: plain_text(EDITION_NOTE.sub("", fold(d.title)))
            for d in documents
            if d not in named and name in plain_text(d.title)
        }
        found = [d for d in documents if titles.get(d.doc, "").endswith(said.group(1))]
        # (the one titled with the kind right after the name, as said: 关于贯彻执行《…继承法》
        # 若干问题的意见, not a court's 意见 on that 意见)
        if found:
            return [d for d in found if on.search(titles[d.doc])] or found
    return list(named)


_LAW_NAME_ENDS = ("法", "法典", "条例", "通则")
