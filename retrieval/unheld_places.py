"""A place a question asks about that no text of the corpus is of (浙江今年…, 青岛房屋…条例
where the corpus holds 杭州's and 郑州's): said so, not answered from another place's text."""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.catalog import memo
from retrieval.metadata import GENRES, kind_words
from retrieval.model import Document
from retrieval.normalize import fold, plain_text
from retrieval.places import NATIONAL
from retrieval.regulations import mentioned_titles
from retrieval.title_tokens import place_tokens, whose

# a place's own party committee (江苏省委经济工作会议, 洛阳市委) asks of that place, as its
# report or its year does
_OWN = r"(?:县|区|州)?委(?:员会)?(?![员托])"
_COMMITTEE = re.compile(r"[省市县区州]委(?:员会)?(?![员托])")


# a place's own rules named right after it (青岛房屋使用安全条例, 哈尔滨的育儿补贴征求意见稿,
# 南京共享电单车新规, 北京对…是怎么规定的), not the nation's said between (青岛按国家规定…)
_OWN_RULES = re.compile(
    r"^(?:省|市|自治区)?的?(?:那个|这个)?(?P<name>(?:(?!国家|全国|国务院|中央)[\u4e00-\u9fff]){0,16}?"
    r"(?:条例|办法|规定|细则|实施方案|新规|征求意见稿))"
)


def missing_place(documents: Sequence[Document], folded: str, years: Sequence[int]) -> str:
    """A place the question asks about (浙江今年…, 北京市2026年…, 青岛…条例) whose documents
    the corpus lacks, while it holds other places' documents of the kind: their text never
    mentions it either, so no answer is about it."""
    from retrieval.segment import default_segmenter

    if not (
        years
        or "今年" in folded
        or kind_words(folded)
        or "新规" in folded
        or _COMMITTEE.search(folded)
    ):
        return ""
    local, known, _ = memo(documents, "local", lambda: local_documents(documents))
    if not local:
        return ""
    for place in default_segmenter().proper_nouns(folded, kinds=("ns",)):
        stem = place[:-1] if len(place) >= 2 and place[-1] in "省市" else place
        if len(stem) < 2 or stem in NATIONAL or stem in known or place in known:
            continue
        # 天津港 is in 天津; 山镇 is jieba's cut of a place known and said whole (修 / 山镇)
        if any(stem.startswith(k) or (place in k and k in folded) for k in known if len(k) >= 2):
            continue
        rules = _OWN_RULES.search(folded[folded.find(place) + len(place) :])
        if not re.search(
            rf"{re.escape(stem)}(省|市|自治区)?(今年|去年|\d{{4}}年|的?政府|的?报告|{_OWN})", folded
        ) and not (rules and plain_text(rules["name"]) not in mentioned_titles(documents)):
            # a place mentioned (浙江工作, 广义货币), not the place asked about; nor a text
            # the corpus speaks of by the name asked (甘肃那个进一步加强…的实施方案: a page
            # on it says only 我省)
            continue
        # 北京市政府工作报告, 上海今年要…: the place's own plans, which only its own
        # report holds, however often the corpus mentions the place
        genres = "|".join(GENRES)
        own = re.search(
            rf"{re.escape(stem)}(省|市|自治区)?((\d{{4}}年)?的?({genres})|今年|去年|\d{{4}}年)",
            folded,
        )
        # (a place heading a text counts: 上海市农田建设…办法 under a page's search box)
        if not own and (
            any(stem in p.text for d in documents for p in d.passages)
            or any(stem in h.path[-1] for d in documents for h in d.headings)
        ):
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
