"""Questions about a document's structure, answered from its structure.

"第三部分讲了什么", "第二部分的第一点是什么", "讲了哪几个方面", "结尾提了什么要求",
"第十条规定了什么": the words of such a question say where to look, not what to look for,
so word statistics cannot answer them (BM25 finds a paragraph that says "少部分同志").
They are read here into a place in the heading tree, and the answer is that place's
passages in reading order: its heading and, for a list question, its points.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from retrieval.catalog import memo
from retrieval.dates import CN_NUMBER, chinese_number
from retrieval.model import Document, Passage
from retrieval.normalize import fold
from retrieval.structure import announces

MAX_PASSAGES = 6  # a section's passages shown for a question about it
_N = rf"([{CN_NUMBER}]+|\d+)"
_PART = re.compile(rf"第{_N}(?:大)?(?:部分|章|篇|编)")
_POINT = re.compile(rf"第{_N}(?:点|个方面|方面|项|件事|条)")
_ARTICLE = re.compile(rf"第{_N}条")
_LIST = re.compile(
    # 哪几点, 几个方面, 哪三个问题; not 哪一部分 (which part says X: a question about content)
    r"(哪几|哪些|几|哪[二三四五六七八九十两\d]+)个?(点|方面|部分|条|项|件事|大块|问题)"
    r"(?!钟|开始|到|了)"
    r"|主要内容|内容是什么|框架|结构"
)
# a paragraph that says how many points follow (我再强调四个方面的意见)
_ANNOUNCED = re.compile(rf"[{CN_NUMBER}\d几]+(个方面|点|件事|个问题)的?(意见|要求|体会|想法)?")
_END = re.compile(r"结尾|最后(?:一段|部分|提|讲|说|要求)|末尾|结束时|收尾")
_START = re.compile(r"开头|开篇|一开始|开场")


@dataclass(frozen=True)
class Place:
    """Where in a document a structure question points."""

    part: int | None = None  # 1-based top-level part
    point: int | None = None  # 1-based point within the part (or the document)
    article: str = ""  # 第十条
    listing: bool = False  # asks for the list of parts or points
    end: bool = False
    start: bool = False

    @property
    def asked(self) -> bool:
        return bool(
            self.part or self.point or self.article or self.listing or self.end or self.start
        )


def read_place(question: str) -> Place:
    q = fold(question)
    part = _PART.search(q)
    article = _ARTICLE.search(q)
    point = _POINT.search(q, part.end() if part else 0)
    return Place(
        part=chinese_number(part.group(1)) if part else None,
        point=chinese_number(point.group(1)) if point else None,
        article=f"第{article.group(1)}条" if article else "",
        listing=bool(_LIST.search(q)),
        end=bool(_END.search(q)),
        start=bool(_START.search(q)),
    )


def _children(passages: Sequence[Passage], depth: int) -> list[tuple[str, ...]]:
    """The distinct section paths one level below `depth`, in reading order."""
    seen: dict[tuple[str, ...], None] = {}
    for p in passages:
        if len(p.section) > depth:
            seen.setdefault(p.section[: depth + 1], None)
    return list(seen)


def _under(passages: Sequence[Passage], path: tuple[str, ...]) -> list[Passage]:
    return [p for p in passages if p.section[: len(path)] == path]


def _heads(passages: Sequence[Passage], paths: Sequence[tuple[str, ...]]) -> list[Passage]:
    """The first passage under each path: a list's points, one passage each."""
    return [next(p for p in passages if p.section[: len(path)] == path) for path in paths]


def _best_heading(
    paths: Sequence[tuple[str, ...]],
    words: Sequence[str],
    names: set[str] | None = None,
    folded: Sequence[str] | None = None,
) -> tuple[str, ...] | None:
    """The one top-level heading that holds the most of `words` (two at least, all of them,
    or a name or word of three characters or more: 马卫光同志的讲话摘要 for 马卫光), or None
    when none or several do. `names`: the proper nouns of `words`, and `folded`: the paths'
    last headings folded, when already known."""
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
    if best == 0 or len(winners) != 1:
        return None
    heading = winners[0][1]
    # one word names it when it is a name or long enough to be telling (马卫光)
    named = any(n in heading for n in names) or any(len(w) >= 3 and w in heading for w in words)
    if best < 2 and best < len(words) and not named:
        return None
    return winners[0][0]


def _names_in(words: Sequence[str]) -> set[str]:
    from retrieval.segment import default_segmenter

    return set(default_segmenter().proper_nouns("".join(words)))


def heading_named(document: Document, words: Sequence[str]) -> bool:
    """Whether one of the document's top-level headings is named by the question's words."""
    return _best_heading(_children(document.passages, 0), words) is not None


def headings_named(documents: Sequence[Document], words: Sequence[str]) -> list[Document]:
    """The documents `heading_named` by the question's words: their top-level headings
    worked out once per catalog, the words' names once per question."""
    # only documents with headings: one without has none to be named
    tops = memo(documents, "top_headings", lambda: _top_headings(documents))
    names = _names_in(words)
    kept = {
        i for i, paths, folded in tops if _best_heading(paths, words, names, folded) is not None
    }
    return [documents[i] for i in sorted(kept)]


def _top_headings(
    documents: Sequence[Document],
) -> list[tuple[int, list[tuple[str, ...]], list[str]]]:
    """(position, top-level heading paths, their headings folded) of each document that has
    any."""
    tops = ((i, _children(d.passages, 0)) for i, d in enumerate(documents))
    return [(i, paths, [fold(p[-1]) for p in paths]) for i, paths in tops if paths]


def place_passages(document: Document, place: Place, words: Sequence[str] = ()) -> list[Passage]:
    """The passages a structure question asks for, in reading order; [] when the document
    has no such place. `words` are the question's other words: a list question about a
    named section ("以警惕之心对待诱惑讲了哪几点") lists that section's points."""
    passages = list(document.passages)
    if not passages:
        return []
    if place.article:
        article = [p for p in passages if place.article in p.section]
        if article or place.point is None:
            return article[:MAX_PASSAGES]
        # 第三条 of a speech's 九条经验 is its third point
    scope: tuple[str, ...] = ()
    if place.part is not None:
        parts = _children(passages, 0)
        if not 1 <= place.part <= len(parts):
            return []
        scope = parts[place.part - 1]
    elif words and (place.listing or place.point is not None):
        # "以警惕之心对待诱惑讲了哪几点", "重点工作里第一项": the part its words name
        scope = _best_heading(_children(passages, 0), words) or ()
    inside = _under(passages, scope)
    if place.point is not None:
        points = _children(inside, len(scope))
        if not 1 <= place.point <= len(points):
            return []
        return _under(inside, points[place.point - 1])[:MAX_PASSAGES]
    if place.end and not scope:
        # the closing remarks: the passages after the last one filed under a heading
        tail: list[Passage] = []
        for p in reversed(passages):
            if p.section:
                break
            tail.insert(0, p)
        return tail[-MAX_PASSAGES:] or passages[-1:]
    if place.start and not scope:
        return passages[:2]
    if place.listing or place.part is not None:
        points = _children(inside, len(scope))
        if not points:
            return inside[:MAX_PASSAGES]
        # a list question gets the points, after the passage that announces them if one does
        # ("下面，我讲四个方面的意见"); "第三部分讲了什么" the part's opening, then them
        first = next(p for p in inside if p.section[: len(scope) + 1] == points[0])
        opening = [p for p in inside if p.section == scope and p.key < first.key]
        if place.listing:
            lead = [p for p in opening if announces(p.text) or _ANNOUNCED.search(p.text)][-1:]
        else:
            lead = opening[:1]
        return (lead + _heads(inside, points))[:MAX_PASSAGES]
    return []
