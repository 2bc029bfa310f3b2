"""A place a question asks about that no text of the corpus is of (浙江今年…, 青岛房屋…条例
where the corpus holds 杭州's and 郑州's): said so, not answered from another place's text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from itertools import chain

from retrieval.catalog import memo
from retrieval.metadata import KIND_WORDS, PROVINCE_SHORT
from retrieval.model import Document
from retrieval.normalize import fold, plain_text, simplified
from retrieval.places import NATIONAL, is_place_name
from retrieval.regulations import mentioned_titles
from retrieval.title_tokens import place_tokens, whose

# a place's own party committee (江苏省委经济工作会议, 洛阳市委) asks of that place, as its
# report or its year does
_OWN = r"(?:县|区|州)?委(?:员会)?(?![员托])"
# the genres whose texts every year or place has one of, named by the genre alone
GENRES = ("中央一号文件", "一号文件", "政府工作报告", "党章")


@cache
def kind_words(question: str) -> tuple[str, ...]:
    """The kinds of text a question's words say (条例, 报告, 文件)."""
    return tuple(w for w in KIND_WORDS if w in question)


# (this year's plans, its new rules, its committee's: a place's own, whatever kind of text)
_ASKS_OWN = re.compile(r"今年|新规|[省市县区州]委(?:员会)?(?![员托])")


# a place's own rules named right after it (青岛房屋使用安全条例, 哈尔滨的育儿补贴征求意见稿,
# 南京共享电单车新规, 北京对…是怎么规定的), not the nation's said between (青岛按国家规定…),
# nor another's the place follows (青岛也参照执行这个条例吗, 像青岛那样的…, 北京时间…)
_OWN_RULES = re.compile(
    r"^(?!也|参照|执行|适用|那样|这样|时间)(?:省|市|自治区)?的?(?:那个|这个)?"
    r"(?P<name>(?:(?!国家|全国|国务院|中央)[\u4e00-\u9fff]){0,16}?"
    r"(?P<kind>条例|办法|规定|细则|实施方案|新规|征求意见稿))"
)


# what a place the question opens with may be followed by that asks of others' texts (青岛按
# 国家规定…, 青岛也参照…, 北京时间…) or names a page by where it comes from (陕西工人报那条…,
# 云南那边的问答说…, 云南省…管理网站说…)
_NOT_ITS_OWN = re.compile(
    r"也|参照|执行|适用|按|依|根据|那样|这样|时间|那边|\w{0,8}?(?:[日晚时商]报|工人报|报道|网站|问答|解答)"
)
_ASKING = re.compile(r"对|什么|怎么|怎样|如何|哪|吗|有没有|是否|能否")


def _own_rules_unheld(
    documents: Sequence[Document],
    folded: str,
    place: str,
    stem: str,
    known: frozenset[str],
    national: frozenset[str],
) -> bool:
    """Whether the question asks for the place's own rules, which no text the corpus holds
    can be. Where it names no text of the place's own, not when the nation's texts are held
    (在青岛…领施工许可证有什么规定: the 建筑法 answers it) or a province's while a city is asked
    (株洲对居民自建房是怎么规定的: 湖南's rules may be its); nor a rules' name the corpus
    speaks of (甘肃那个进一步加强…的实施方案: a page on it says only 我省)."""
    rules = _OWN_RULES.search(folded[folded.find(place) + len(place) :])
    if not rules or not is_place_name(stem):  # (长江, 黄河流域: no place's rules)
        return False
    if any(k in folded for k in known if len(k) >= 2):  # (北京、上海、广州…: 上海's held)
        return False
    # (a text's name: 房屋使用安全条例, 育儿补贴征求意见稿; not 对…是怎么规定, 领…有什么规定)
    named = len(rules["name"]) > len(rules["kind"]) + 1 and not _ASKING.search(rules["name"])
    # (株洲 may be 湖南's: with no table of cities' provinces, any province's text may be a
    # city's, 济南's beside 浙江's too)
    within = stem not in PROVINCE_SHORT and known & PROVINCE_SHORT.keys()
    if not named and (national or within):
        return False
    return plain_text(rules["name"]) not in mentioned_titles(documents)


def missing_place(documents: Sequence[Document], folded: str, years: Sequence[int]) -> str:
    """A place the question asks about (浙江今年…, 北京市2026年…, 青岛…条例, or opens with:
    江苏省最新公布的…) whose documents the corpus lacks, while it holds other places'
    documents of the kind: their text never mentions it either, so no answer is about it."""
    from retrieval.segment import default_segmenter

    local, known, national = memo(documents, "local", lambda: local_documents(documents))
    if not local:
        return ""
    asks_own = years or kind_words(folded) or _ASKS_OWN.search(folded)
    for place in default_segmenter().proper_nouns(folded, kinds=("ns",)):
        stem = place[:-1] if len(place) >= 2 and place[-1] in "省市" else place
        opens = _opens_with(documents, folded, place, stem, known)
        if not (asks_own or opens):
            continue
        if len(stem) < 2 or stem in NATIONAL or stem in known or place in known:
            continue
        # 天津港 is in 天津; 山镇 is jieba's cut of a place known and said whole (修 / 山镇)
        if any(stem.startswith(k) or (place in k and k in folded) for k in known if len(k) >= 2):
            continue
        if (
            not opens
            and not re.search(
                rf"{re.escape(stem)}(省|市|自治区)?(今年|去年|\d{{4}}年|的?政府|的?报告|{_OWN})",
                folded,
            )
            and not _own_rules_unheld(documents, folded, place, stem, known, national)
        ):
            continue  # a place mentioned (浙江工作, 广义货币), not the place asked about
        # 北京市政府工作报告, 上海今年要…: the place's own plans, which only its own
        # report holds, however often the corpus mentions the place
        genres = "|".join(GENRES)
        own = re.search(
            rf"{re.escape(stem)}(省|市|自治区)?((\d{{4}}年)?的?({genres})|今年|去年|\d{{4}}年)",
            folded,
        )
        # (a place heading a text counts: 上海市农田建设…办法 under a page's search box; read in
        # Simplified characters: a Traditional page names 重庆 as 重慶; and by its core: 萧山区's
        # text says 萧山)
        core = re.sub(r"(?:自治州|自治县|新区|区|县|州)$", "", stem)
        written = memo(documents, "written", lambda: _written(documents))
        if not own and any(name in written for name in {stem, core} if len(name) >= 2):
            continue
        # nor where a page whose title names no place opens by naming it (1月4日,郑州市委
        # 经济工作会议提出…): the place's own page, whatever its headline (`whose`: the
        # titles of the others, which name places the corpus knows already)
        openings = memo(documents, "whose", lambda: [whose(d) for d in documents])
        if any(stem in opening for opening in openings):
            continue
        kinds = {n for d in local for n in GENRES if n in fold(d.title)}
        return f"{place}的" + (kinds.pop() if len(kinds) == 1 else "文件")
    return ""


def local_documents(
    documents: Sequence[Document],
) -> tuple[list[Document], frozenset[str], frozenset[str]]:
    """The documents naming a place, the places they name, and the nation's (where some do):
    kept with the catalog, since every question naming nothing asks for the nation's."""
    local = [d for d in documents if place_tokens(d)]
    national = frozenset(d.doc for d in documents if not place_tokens(d)) if local else frozenset()
    return local, frozenset().union(*(place_tokens(d) for d in local)), national


def _written(documents: Sequence[Document]) -> str:
    """Every title, heading and passage of the corpus's texts in Simplified characters, one a
    line: read once per catalog."""
    titles = (d.title for d in documents)
    headings = (h.path[-1] for d in documents for h in d.headings)
    passages = (p.text for d in documents for p in d.passages)
    return simplified("\n".join(chain(titles, headings, passages)))


def _opens_with(
    documents: Sequence[Document], folded: str, place: str, stem: str, known: frozenset[str]
) -> bool:
    """Whether the question opens with the place as what it asks about (江苏省最新公布的地价…,
    上海每年哪天试鸣警报): a province or city, not followed by words asking of others' texts
    or naming a page by its source (青岛按国家规定…, 陕西工人报那条…), nor said with a place
    the corpus holds (山西河津…), nor a city in a province whose texts are held (株洲, 湖南),
    nor naming a text the corpus speaks of (a page on 甘肃's plan may say only 我省)."""
    return (
        folded.startswith(place)
        and not _NOT_ITS_OWN.match(folded, len(place))
        and not re.search(r"[区县镇乡]$", place)
        and is_place_name(stem)
        and not any(k in folded for k in known if len(k) >= 2)
        and (stem in PROVINCE_SHORT or not known & PROVINCE_SHORT.keys())
        and not any(title in plain_text(folded) for title in mentioned_titles(documents))
    )
