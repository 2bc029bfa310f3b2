"""Questions about a document's structure, answered from its structure.

"第三部分讲了什么", "第二部分的第一点是什么", "讲了哪几个方面", "结尾提了什么要求",
"第十条规定了什么": the words of such a question say where to look, not what to look for,
so word statistics cannot answer them (BM25 finds a paragraph that says "少部分同志").
They are read here into a place in the heading tree, and the answer is that place's
passages in reading order: its heading and, for a list question, its points.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

from retrieval.catalog import memo
from retrieval.datelines import is_dateline
from retrieval.dates import CN_NUMBER, chinese_number
from retrieval.history import is_history
from retrieval.markers import CN_NUM, legal_rank, simplified_units
from retrieval.model import Document, Passage
from retrieval.normalize import fold

MAX_PASSAGES = 6  # a section's passages shown for a question about it
_SENTENCE = re.compile(r"[，。；！？,;!?]")
_N = rf"([{CN_NUM}]+|\d+)"
_PART = re.compile(rf"第{_N}(?:大)?(?:部分|章|篇|编)")
_POINT = re.compile(rf"第{_N}(?:点|个方面|方面|项|件事|条|个(?=是|讲|说|呢|[^一-鿿]|$))")
_DIVISION = re.compile(rf"第{_N}节")  # a chapter's division (第四章第二节)
ARTICLE = re.compile(rf"第{_N}条")
_LAST = re.compile(r"最后一(条|章|部分|编)")  # the text's last article or part
_LIST = re.compile(
    # 哪几点, 几个方面, 哪三个问题; not 哪一部分 (which part says X: a question about content)
    r"(哪几|哪些|(?<!第)几|哪[二三四五六七八九十两\d]+)个?(点|方面|部分|条|项|件事|大块|问题)"
    r"(?!钟|开始|到|了)"
    r"|主要内容|内容是什么|框架|结构"
)
# a paragraph that says how many points follow (我再强调四个方面的意见)
_ANNOUNCED = re.compile(
    r"(?:[二三四五六七八九两\d几]|十[一二三四五六七八九]?)个?(方面|点|件事|问题)的?"
    r"(意见|要求|体会|想法|内容)?"
)
# 哪三点 / 分了哪十个方面 / 三个务必 is no count: the number must be asked with 哪 or 几
_COUNT = re.compile(rf"哪([{CN_NUMBER}]+|\d+)个?(?:点|方面|部分|条|项|件事|大块|问题|个)")
_WHICH = re.compile(r"哪几|哪些")


def list_asked(question: str) -> str:
    """The words asking for a list (哪几个部分), '' when there are none; nor where the
    question asks who told of a text's content (发布会上是谁介绍决定主要内容的)."""
    found = _LIST.search(question)
    if found and found.group(0) in _CONTENTS and _WHO.search(question):
        return ""
    return found.group(0) if found else ""


_CONTENTS = ("主要内容", "内容是什么", "框架", "结构")
# who told of it (谁介绍的, 哪位出来解读); not who carries a text out beside its content asked
_WHO = re.compile(r"(?:谁|哪位|何人)(?:来|出来)?(?:介绍|解读|说明|宣布|发布|通报|讲解)")


_HOW_MANY = re.compile(r"一共|总共|多少个|(?<!哪)几个")
_END = re.compile(
    r"结尾|最后(?:是|又)?(?:怎么|怎样|如何)?(?:一段|部分|提|讲|说|要求|号召|强调|希望|呼吁)|末尾|结束时|收尾"
)
# the text's opening; 一开始 and 第一段 only of the text (讲话一开始, 报告第一段), not of what it
# tells (工程一开始计划…) or of a part it names (总纲第一段)
_START = re.compile(
    r"开头|开篇|开场|^(?:第一|头一|首)段"
    r"|(?:讲话|报告|文章|发言|致辞|党课|全文|文件|通知|公报|决定|材料)的?(?:一开始|第一(?:自然)?段)"
)


@dataclass(frozen=True)
class Place:
    """Where in a document a structure question points."""

    part: int | None = None  # 1-based top-level part
    division: int | None = None  # 1-based division (节) of the part
    point: int | None = None  # 1-based point within the part (or the document)
    article: str = ""  # 第十条
    listing: bool = False  # asks for the list of parts or points
    count: int | None = None  # how many points it says there are (哪三点, 分了哪十个方面)
    how_many: bool = False  # asks how many (一共讲了几个方面): the announcement answers it
    end: bool = False
    start: bool = False
    last: str = ""  # 条 or 章 (部分, 编): 最后一条讲的什么, 最后一章是什么
    # a chapter asked by what it is called, not its number (法律责任那一章的第一条)
    chapter_named: bool = False

    @property
    def asked(self) -> bool:
        return bool(
            self.part
            or self.point
            or self.article
            or self.listing
            or self.end
            or self.start
            or self.last
        )


# a chapter called by its name (附则一章, “法律责任”那一章, 这章, “法律责任”部分), not 文章,
# 章程 or 规章, nor a part of something (少部分, 第三部分)
_NAMED_CHAPTER = re.compile(
    r"(?<![第文规印篇同每十])(?:[那这]?一|[那这])章(?![程节])"
    # (not 这部分人员, “双减”部分学校)
    r"|(?:”|[那这]一?)部分(?=(?:的|[里中]面?的?)?(?:第|开头|头一条|首条|从哪一?条开始))"
)
# ... and its first article asked (这一章第一条, 开头那条, 头一条, 从哪条开始)
_CHAPTER_OPENING = re.compile(r"第一条|开头|头一条|首条|从哪一?条开始")


@lru_cache(maxsize=256)  # one question asks it of several steps of the pipeline
def read_place(question: str) -> Place:
    q = fold(question)
    part = _PART.search(q)
    article = ARTICLE.search(q)
    named = None if part else _NAMED_CHAPTER.search(q)
    if article and named and article.start() < named.start():
        named = None  # 第九条在哪一章 asks where an article is
    if named and (article or _CHAPTER_OPENING.search(q, named.end())):
        # "法律责任那一章的第一条": that chapter's n-th article, not the text's
        return Place(article=f"第{article.group(1)}条" if article else "第一条", chapter_named=True)
    point = _POINT.search(q, part.end() if part else 0)
    division = _DIVISION.search(q, part.end()) if part else None
    return Place(
        part=chinese_number(part.group(1)) if part else None,
        division=chinese_number(division.group(1)) if division else None,
        point=chinese_number(point.group(1)) if point else None,
        article=f"第{article.group(1)}条" if article else "",
        # a part or point named: 哪几个“要” lists its points whatever they are called
        listing=bool(list_asked(q) or ((part or point) and _WHICH.search(q))),
        count=chinese_number(count.group(1)) if (count := _COUNT.search(q)) else None,
        how_many=bool(_HOW_MANY.search(q)),
        end=bool(_END.search(q)),
        start=bool(_START.search(q)),
        last=last.group(1)[:1] if (last := _LAST.search(q)) and not (part or article) else "",
    )


def _children(passages: Sequence[Passage], depth: int) -> list[tuple[str, ...]]:
    """The distinct section paths one level below `depth`, in reading order."""
    seen: dict[tuple[str, ...], None] = {}
    for p in passages:
        if len(p.section) > depth:
            seen.setdefault(p.section[: depth + 1], None)
    return list(seen)


def _parts_level(passages: Sequence[Passage]) -> int:
    """The depth of a text's parts: below an unnumbered heading that stands alone at its
    level (a bundle's one speech, 习近平：在…上的讲话 › 一、… 二、…), the parts are its
    children."""
    depth = 0
    while (
        len(alone := _children(passages, depth)) == 1
        and _label_number(alone[0][-1]) is None  # 六、… alone is still the sixth part
        and _children(passages, depth + 1)
    ):
        depth += 1
    return depth


def _under(passages: Sequence[Passage], path: tuple[str, ...]) -> list[Passage]:
    return [p for p in passages if p.section[: len(path)] == path]


def _heads(passages: Sequence[Passage], paths: Sequence[tuple[str, ...]]) -> list[Passage]:
    """The first passage under each path that says more than its heading: a list's points,
    one passage each (第一，深化政府机构改革。 alone on its line is the header shown)."""
    heads = []
    for path in paths:
        under = (p for p in passages if p.section[: len(path)] == path)
        first = next(under)
        if _words(first.text) == _words(path[-1]):
            first = next(under, first)
        heads.append(first)
    return heads


def _words(text: str) -> str:
    return re.sub(r"[\W_]+", "", text)


_INLINE_ITEMS = re.compile(
    rf"(?:^|[。；;，,：:\s])(?:[{CN_NUMBER}][是要]|第[{CN_NUMBER}]+[，,、])"
    rf"|[（(][{CN_NUMBER}\d]+[）)]|[①②③④⑤⑥⑦⑧⑨⑩]"
)
MIN_INLINE_ITEMS = 2


def holds_inline_list(text: str) -> bool:
    """Whether a paragraph lists its points itself (一是…二是…, （一）…（二）…)."""
    return len(_INLINE_ITEMS.findall(text)) >= MIN_INLINE_ITEMS


def _counts_points(text: str) -> bool:
    """Whether a paragraph's last sentence says how many points follow (下面，我再强调四个
    方面的意见): the author's own summary of the list, shown before it. A bare lead-in
    (主要体现在以下方面。/ 要努力实现以下目标任务：) is not."""
    if not _ANNOUNCED.search(text):
        return False  # most paragraphs: no count anywhere, no sentence to split
    last = re.split(r"(?<=[。！？!?])", text.rstrip())
    tail = next((s for s in reversed(last) if s.strip()), "")
    return bool(_ANNOUNCED.search(tail))


@dataclass(frozen=True)
class Listing:
    """A list in a document: the passage announcing it (if it says more than "如下："),
    then its points' first passages, in reading order."""

    lead: tuple[Passage, ...]
    points: tuple[Passage, ...]
    scope: tuple[str, ...] = ()  # the section the points are under

    def passages(self, with_lead: bool = False) -> list[Passage]:
        """The points; after their announcement when asked how many there are."""
        return [*(self.lead if with_lead else ()), *self.points][:MAX_PASSAGES]


def _listing(
    passages: Sequence[Passage], scope: tuple[str, ...], points: Sequence[tuple[str, ...]]
) -> Listing:
    inside = _under(passages, scope)
    at = next(i for i, p in enumerate(inside) if p.section[: len(scope) + 1] == points[0])
    # the last paragraph of the scope's own before its first point that counts them
    lead = next(
        (p for p in reversed(inside[:at]) if p.section == scope and _counts_points(p.text)), None
    )
    return Listing((lead,) if lead else (), tuple(_heads(inside, points)), scope)


def _named(
    paths: Sequence[tuple[str, ...]],
    words: Sequence[str],
    names: set[str] | None = None,
    folded: Sequence[str] | None = None,
) -> tuple[tuple[str, ...], list[tuple[str, ...]] | None] | None:
    """The heading among sibling `paths` that holds the most of `words` (two at least, all
    of them, or a name or word of three characters or more: 马卫光同志的讲话摘要 for 马卫光),
    as (that path, None). When several siblings hold them alike they are points of a list
    sharing its wording (做好老师，要有… for 做好老师要有哪几条): (their parent, them).
    None when no heading is named. `names` (the proper nouns of `words`) and `folded` (the
    paths' last headings folded) when already known."""
    words = list(dict.fromkeys(words))  # 生产 said twice names no more than once
    if names is None:
        names = _names_in(words)
    if folded is None:
        folded = [fold(path[-1]) for path in paths]
    scored = [
        (sum(w in heading for w in words), path, heading)
        for path, heading in zip(paths, folded, strict=True)
    ]
    best = max((n for n, _, _ in scored), default=0)
    winners = [(path, heading) for n, path, heading in scored if n == best]
    if best == 0:
        return None
    if len(winners) > 1:
        return (winners[0][0][:-1], [path for path, _ in winners]) if best >= 2 else None
    path, heading = winners[0]
    # one word names it when it is a name or long enough to be telling (马卫光)
    named = any(n in heading for n in names) or any(len(w) >= 3 and w in heading for w in words)
    if best < 2 and best < len(words) and not named:
        return None
    return path, None


def _names_in(words: Sequence[str]) -> set[str]:
    from retrieval.segment import default_segmenter

    return set(default_segmenter().proper_nouns("".join(words)))


def heading_named(document: Document, words: Sequence[str]) -> bool:
    """Whether one of the document's top-level headings is named by the question's words."""
    return _named(_children(document.passages, 0), words) is not None


def headings_named(documents: Sequence[Document], words: Sequence[str]) -> list[Document]:
    """The documents `heading_named` by the question's words: their top-level headings
    worked out once per catalog, the words' names once per question."""
    # only documents with headings: one without has none to be named
    tops = memo(documents, "top_headings", lambda: _top_headings(documents))
    names = _names_in(words)
    kept = {i for i, paths, folded in tops if _named(paths, words, names, folded) is not None}
    return [documents[i] for i in sorted(kept)]


def _top_headings(
    documents: Sequence[Document],
) -> list[tuple[int, list[tuple[str, ...]], list[str]]]:
    """(position, top-level heading paths, their headings folded) of each document that has
    any."""
    tops = ((i, _children(d.passages, 0)) for i, d in enumerate(documents))
    return [(i, paths, [fold(p[-1]) for p in paths]) for i, paths in tops if paths]


def announced_list(document: Document, passage: Passage) -> Listing | None:
    """The points that follow a passage announcing them (…重点抓好十个方面工作：), one
    passage each, after it; None when no points follow it."""
    after = [p for p in _under(document.passages, passage.section) if p.key > passage.key]
    points = _children(after, len(passage.section))
    if not points:
        return None
    return Listing((passage,), tuple(_heads(after, points)), passage.section)


def list_of(document: Document, passage: Passage) -> Listing | None:
    """The list a list question's best passage belongs to: the points under its section
    when it opens one that has them (三、关于2026年工作 for 分了哪十个方面), else the points
    beside it (一是… for 哪几条体会). None when the passage is in no such list."""
    if (following := _items_after(document, passage)) is not None:
        return following
    if not passage.section or passage not in _heads(document.passages, [passage.section]):
        return None
    for scope in (passage.section, passage.section[:-1]):
        points = _children(_under(document.passages, scope), len(scope))
        if len(points) >= 2:
            return _listing(document.passages, scope, points)
    return None


def _items_after(document: Document, passage: Passage) -> Listing | None:
    """The run of items right after a paragraph that introduces them (中国式现代化…更有
    基于自己国情的中国特色。 before ——中国式现代化是人口规模巨大的现代化…): up to the
    first paragraph back at the paragraph's own level."""
    passages = document.passages
    at = _position(passages, passage)
    depth = len(passage.section)
    points: dict[tuple[str, ...], None] = {}
    for p in passages[at + 1 :]:
        if len(p.section) <= depth or p.section[:depth] != passage.section:
            break
        points.setdefault(p.section[: depth + 1], None)
    if len(points) < 2:
        return None
    lead = (passage,) if _counts_points(passage.text) else ()
    return Listing(lead, tuple(_heads(passages[at + 1 :], list(points))), passage.section)


def _position(passages: Sequence[Passage], passage: Passage) -> int:
    """Where a passage stands in its document's passages, which are in reading order: by
    bisection, not by comparing it with every passage before it."""
    at = bisect_left(passages, (passage.paragraph, passage.part), key=_reading_order)
    return at if at < len(passages) and passages[at] == passage else passages.index(passage)


def _reading_order(passage: Passage) -> tuple[int, int]:
    return passage.paragraph, passage.part


def sized_list(document: Document, count: int, words: Sequence[str]) -> Listing | None:
    """The list of exactly `count` points ("分了哪十个方面"): the only one, or of several the
    one whose heading holds most of `words`; None when there is none or no way to choose."""
    passages = document.passages
    scopes = [(), *(h.path for h in document.headings)]
    sized = []
    for scope in scopes:
        points = _children(_under(passages, scope), len(scope))
        if len(points) == count:
            sized.append((sum(w in fold(" ".join(scope)) for w in words), scope, points))
    if not sized:
        return None
    best = max(n for n, _, _ in sized)
    winners = [(scope, points) for n, scope, points in sized if n == best]
    return _listing(passages, *winners[0]) if len(winners) == 1 else None


def named_list(document: Document, words: Sequence[str]) -> tuple[Listing | None, bool]:
    """The list a list question asks of `document`: the points of the part its words name
    (以警惕之心对待诱惑讲了哪几点), or the points whose headings share them, or the
    document's top-level parts; and whether the words named it."""
    passages = document.passages
    named = _named(_children(passages, 0), words) if words else None
    scope, chosen = named if named else ((), None)
    if named and chosen is None:
        scope = _named_within(passages, scope, words)
    points = chosen or _children(_under(passages, scope), len(scope))
    if not points:
        return None, named is not None
    return _listing(passages, scope, points), named is not None


def _named_within(
    passages: Sequence[Passage], scope: tuple[str, ...], words: Sequence[str]
) -> tuple[str, ...]:
    """The heading below a named part that the question's other words name ("十五五时期必须
    遵循哪几条原则": the part 指导方针和主要目标 is named by 十五五, its point 必须遵循的原则
    by 遵循 and 原则), as long as there is one with points of its own; else `scope`."""
    while True:
        heading = fold(" ".join(scope))
        rest = [w for w in words if w not in heading]
        children = _children(_under(passages, scope), len(scope))
        deeper = _named(children, rest) if rest and children else None
        if deeper is None or deeper[1] is not None:
            return scope
        if not _children(_under(passages, deeper[0]), len(deeper[0])):
            return scope  # a point without points: the list is the part's
        scope = deeper[0]


_LABEL_NUMBER = re.compile(
    rf"^(?:第?([{CN_NUMBER}]+|\d+)(?:[、．.，,：:是要]|部分|章|节|篇|编|条|个问题|方面)"
    rf"|[（(]([{CN_NUMBER}]+|\d+)[）)])"
)


def _label_number(label: str) -> int | None:
    m = _LABEL_NUMBER.match(simplified_units(label))  # (第二節 of a Traditional text)
    return chinese_number(m.group(1) or m.group(2)) if m else None


MAX_LEAD_POINT_CHARS = 30  # a paragraph's opening sentence this short states its point


def _led_points(inside: Sequence[Passage], scope: tuple[str, ...]) -> list[Passage]:
    """The points of a part whose points are paragraphs, each opening with a short sentence
    that states it (加快产业结构优化升级。一要…), not headings: each one's first passage.
    The part's opening paragraph, a longer sentence, is none of them; one such paragraph
    makes no list."""
    led = [p for p in inside if p.section == scope and p.part == 1 and _states_a_point(p.text)]
    return led if len(led) >= 2 else []


def _paragraph_of(inside: Sequence[Passage], first: Passage) -> list[Passage]:
    return [p for p in inside if p.paragraph == first.paragraph][:MAX_PASSAGES]


def _states_a_point(text: str) -> bool:
    end = re.search(r"[。！？!?]", text)
    return end is not None and end.start() <= MAX_LEAD_POINT_CHARS and end.end() < len(text)


def _article_of_part(passages: Sequence[Passage], place: Place) -> list[Passage]:
    """第二章的第一条: the chapter's own n-th article where the one numbered so lies
    elsewhere (articles are numbered through the whole text); [] when it lies there."""
    part = _part_path(passages, place)
    n = chinese_number(place.article[1:-1])
    inside = _under(passages, part) if part else []
    if not n or any(is_article(p, place.article) for p in inside):
        return []
    return _nth_article(inside, n)


def is_article(passage: Passage, article: str) -> bool:
    """Whether the passage lies in the article asked, however either writes its number
    (第1162条 asked of 第一千一百六十二条, 第十八条 of a page's 第18条)."""
    if article in passage.section:
        return True
    n = chinese_number(article[1:-1])
    return any(ARTICLE.fullmatch(s) and chinese_number(s[1:-1]) == n for s in passage.section)


def _nth_article(inside: Sequence[Passage], n: int) -> list[Passage]:
    """The passages of the n-th article among `inside` (a chapter's own first, second…);
    [] when it has fewer."""
    labels = list(dict.fromkeys(s for p in inside for s in p.section if ARTICLE.fullmatch(s)))
    return [p for p in inside if labels[n - 1] in p.section] if len(labels) >= n else []


def _article_of_named_chapter(
    passages: Sequence[Passage], place: Place, words: Sequence[str]
) -> list[Passage]:
    """The n-th article of the chapter the question calls by its name (法律责任那一章的第一条),
    or the chapter's opening where it has no articles; [] when no chapter is so called."""
    chapter = _chapter_named(passages, words)
    if chapter is None:
        return []
    inside = _under(passages, chapter)
    if not any(ARTICLE.fullmatch(s) for p in inside for s in p.section):
        return inside[:MAX_PASSAGES]
    return _nth_article(inside, chinese_number(place.article[1:-1]) or 1)[:MAX_PASSAGES]


def _chapter_named(passages: Sequence[Passage], words: Sequence[str]) -> tuple[str, ...] | None:
    """The path of the chapter, at any depth (a code's 编 › 章), whose name (its heading past
    第四章) holds the most of the question's words of two characters or more, if one alone does;
    a chapter whose number was lost (法律责任) is the heading right above its articles."""
    paths = dict.fromkeys(
        p.section[: k + 1]
        for p in passages
        for k, label in enumerate(p.section)
        if legal_rank(label) == 0
        or (legal_rank(label) is None and _is_article_at(p.section, k + 1))
    )
    names = {path: fold(_LABEL_NUMBER.sub("", simplified_units(path[-1]))) for path in paths}
    held = [
        (sum(len(w) > 1 and fold(w) in name for w in words), path) for path, name in names.items()
    ]
    best = max((k for k, _ in held), default=0)
    winners = [path for k, path in held if k == best]
    return winners[0] if best and len(winners) == 1 else None


def _is_article_at(section: tuple[str, ...], k: int) -> bool:
    return k < len(section) and bool(ARTICLE.fullmatch(section[k]))


def _the_last(passages: Sequence[Passage], place: Place) -> Place:
    """最后一条 as the text's last article (第八十七条), or its last point where it has no
    articles (八项规定's 八、…); 最后一章 as its last part."""
    if place.last == "条":
        labels = [s for p in passages for s in p.section if ARTICLE.fullmatch(s)]
        if labels:
            return replace(place, article=labels[-1])
    parts = _children(passages, _parts_level(passages))
    return replace(place, part=len(parts)) if parts else place


def _part_path(passages: Sequence[Passage], place: Place) -> tuple[str, ...] | None:
    """The heading path of the part asked (第四章), or of its division (第四章第二节)."""
    part = _nth(_children(passages, _parts_level(passages)), place.part or 0)
    if part is None or place.division is None:
        return part
    return _nth(_children(_under(passages, part), len(part)), place.division)


def _nth(paths: Sequence[tuple[str, ...]], n: int) -> tuple[str, ...] | None:
    """The n-th of sibling headings: the one numbered n (三、… is the third part even where
    the source lost 二、), else the n-th in reading order."""
    numbered = [p for p in paths if _label_number(p[-1]) == n]
    if len(numbered) > 1:
        # a text whose first chapter lost its heading sets its first articles beside its
        # chapters: 第四章 is not 第四条
        numbered = [p for p in numbered if not ARTICLE.fullmatch(p[-1])]
    if len(numbered) == 1:
        return numbered[0]
    return paths[n - 1] if 1 <= n <= len(paths) else None


TELLING_INFORMATION = 7.0  # a word this rare in general Chinese says what is asked about


def _telling(words: Sequence[str]) -> list[str]:
    """The words of a question that say what it asks about, not where (结尾) or how
    (提了, 要求, 建设: too common to tell)."""
    from retrieval.segment import default_segmenter

    information = default_segmenter().information
    return [
        w
        for w in words
        if not (_END.search(w) or _START.search(w)) and information(w) >= TELLING_INFORMATION
    ]


# kinds of text whose numbered clauses are its articles (八项规定 一、…八、)
RULE_KINDS = frozenset(("决定", "规定", "条例", "办法", "意见", "准则", "细则", "章程", "解释"))


def _under_named(
    found: list[Passage], passages: Sequence[Passage], words: Sequence[str]
) -> list[Passage]:
    """Of `found`, those under the top heading naming most of the question's words, or all
    of them when none names any. A heading's name includes the short lines right under it
    (党员教育管理工作条例（节选） below a bundle's banner)."""
    names: dict[str, str] = {}
    for p in passages:
        if p.section and (len(p.section) == 1 and len(p.text) <= MAX_NAME_LINE_CHARS):
            names[p.section[0]] = names.get(p.section[0], p.section[0]) + " " + p.text

    def named(top: str) -> int:
        return sum(fold(w) in fold(names.get(top, top)) for w in words)

    most = max(named(p.section[0]) for p in found)
    return [p for p in found if named(p.section[0]) == most] if most else found


MAX_NAME_LINE_CHARS = 40


def place_passages(
    document: Document, place: Place, words: Sequence[str] = (), naming: Sequence[str] = ()
) -> list[Passage]:
    """The passages a structure question asks for, in reading order; [] when the document
    has no such place. `words` are the question's other words: a list question about a
    named section ("以警惕之心对待诱惑讲了哪几点") lists that section's points."""
    passages = list(document.passages)
    if not passages:
        return []
    if place.last:
        place = _the_last(passages, place)
    if place.chapter_named:
        return _article_of_named_chapter(passages, place, words)
    if place.article:
        article = [p for p in passages if is_article(p, place.article)]
        if place.part is not None:
            article = _article_of_part(passages, place) or article
        if (
            not article
            and document.meta.kind in RULE_KINDS
            and not any(ARTICLE.search(" ".join(p.section)) for p in passages)
        ):
            # a 决定 numbering its clauses 一、二、… has no 第六条: its sixth clause is meant
            n = chinese_number(place.article[1:-1])
            clause = _nth(_children(passages, 0), n) if n is not None else None
            article = _under(passages, clause) if clause else []
        if len({p.section[0] for p in article}) > 1:
            # two texts of a bundle each with a 第十二条: the one under the title asked
            article = _under_named(article, passages, words)
        if article or place.point is None:
            return article[:MAX_PASSAGES]
        # 第三条 of a speech's 九条经验 is its third point
    scope: tuple[str, ...] = ()
    top = _parts_level(passages)
    if place.part is not None:
        found = _part_path(passages, place)
        if found is None:
            return []
        scope = found
    elif words and place.listing and place.point is None:
        listing, _ = named_list(document, words)
        if listing:
            return listing.passages(place.how_many)
        # a part named whose points are inline (一是…二是…): the part itself
        named = _named(_children(passages, top), words)
        return _under(passages, named[0] if named else ())[:MAX_PASSAGES]
    elif words and place.point is not None:
        # "重点工作里第一项": the part its words name, with the words naming the document
        # too when the others name none (2014年报告的重点工作: 三、2014年重点工作)
        parts = _children(passages, top)
        named = _named(parts, words) or _named(parts, naming)
        scope = named[0] if named and named[1] is None else ()
    inside = _under(passages, scope)
    if place.point is not None:
        points = _children(inside, len(scope))
        point = _nth(points, place.point)
        if point is None and scope and not points:
            led = _led_points(inside, scope)
            n = place.point
            return _paragraph_of(inside, led[n - 1]) if 1 <= n <= len(led) else []
        if point is None:
            return []
        sub = _children(_under(inside, point), len(point))
        if place.listing and len(sub) >= 2:  # "第九个方面讲了哪几点": its points
            return _listing(passages, point, sub).passages(place.how_many)
        return _under(inside, point)[:MAX_PASSAGES]
    if place.end and not scope:
        # the closing remarks: the passages after the last one filed under a heading
        tail: list[Passage] = []
        for p in reversed(passages):
            if p.section:
                break
            tail.insert(0, p)
        # the paragraph holding most of what is asked about (结尾对政府自身建设提了什么要求),
        # else the last one, whose call (号召) is the ending; the closing remarks follow
        tail = tail[-MAX_PASSAGES:] or passages[-1:]
        asked = _telling(words)
        held = [sum(w in fold(p.text) for w in asked) for p in tail]
        ending = max(range(len(tail)), key=lambda i: (held[i], i))
        return [tail[ending], *(p for i, p in enumerate(tail) if i != ending)]
    if place.start and not scope:  # its first words, past a regulation's history
        opening = [p for p in passages if not (is_history(p.text) or is_dateline(p))]
        # and past the lines that say nothing in a sentence (a breadcrumb trail, a byline:
        # 当前位置:首页 > …, 木棠镇人民政府镇长 羊金万)
        return ([p for p in opening if _SENTENCE.search(p.text)] or opening)[:2]
    if place.listing or place.part is not None:
        points = _children(inside, len(scope))
        if not points:
            led = _led_points(inside, scope) if scope and place.listing else []
            return (led or inside)[:MAX_PASSAGES]
        if place.listing:  # the points, after the passage announcing them (四个方面的意见)
            return _listing(passages, scope, points).passages(place.how_many)
        # "第三部分讲了什么": the part's opening, then its points; the rest of it after them,
        # for what else a question asks to pick from (第五章里检查时可以采取哪些措施)
        first = next(p for p in inside if p.section[: len(scope) + 1] == points[0])
        opening = [p for p in inside if p.section == scope and p.key < first.key]
        shown = (opening[:1] + _heads(inside, points))[:MAX_PASSAGES]
        chosen = set(shown)
        return shown + [p for p in inside if p not in chosen]
    return []
