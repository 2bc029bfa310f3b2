"""Session and congress numbers (十九届, 二十大) that a question or a document names.

A question naming one picks the document of that session among others of the same kind
(二十届四中全会 is not 十九届四中全会); a number the corpus's documents of that kind never
carry names a document it lacks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.dates import CN_NUMBER
from retrieval.model import Document
from retrieval.normalize import fold

# a session (十九届) or a party congress (十九大: its number has a 十 in it, unlike 七大战略)
_ORDINAL = re.compile(
    # 哪一届, 上一届, 每一届 ask or point; they number no session
    r"(?<![哪每同上下这那一二三四五六七八九十])"
    r"([一二三四五六七八九十]+届|[一二]?十[一二三四五六七八九]?大"
    # 十九大报告, 二十大以来; not 十大工程 or 七大战略
    r"(?=报告|精神|以来|上|期间|召开|代表|党章|通过|提出|强调|部署|的|前|后|和|、|[^\u4e00-\u9fff]|$))"
)


def ordinals(text: str) -> set[str]:
    """Session and congress numbers a text names: 十九届, 二十大."""
    return {m.group(0) for m in _ORDINAL.finditer(text)}


_SINCE = re.compile(r"以来|以后|之后|以前|之前|期间|前|后")


def naming_ordinals(text: str) -> set[str]:
    """`ordinals` that name a document or meeting, not a period (十八大以来, 十九届六中全会后)."""
    return {m.group(0) for m in _ORDINAL.finditer(text) if not _SINCE.match(text, m.end())}


def named_ordinals(document: Document) -> set[str]:
    return ordinals(" ".join(document.meta.names))


def contradicts(document: Document, plain: str) -> bool:
    """Whether the question names another session or congress than the document's own
    (二十届四中全会 is not 十九届四中全会, though both are 四中全会; 十八大以来 names none)."""
    asked = naming_ordinals(plain)
    own = ordinals(" ".join((*document.meta.names, fold(document.title), document.meta.occasion)))
    return bool(asked and own and not asked & own)


def ordinal_name(plain: str) -> str:
    """The session's document as the question names it (二十届四中全会公报), for the reply."""
    m = re.search(
        r"[一二三四五六七八九十]+届[^，。？?]{0,8}?(全会|全体会议)(公报|决定|报告|决议|讲话)?"
        r"|[一二]?十[一二三四五六七八九]?大(报告)?",
        plain,
    )
    return m.group(0) if m else "所问的文件"


# a numbered edition of an event or award: 第二届全国文明家庭, 第三批试点
_NUMBERED = re.compile(rf"第([{CN_NUMBER}\d]+)(届|次|批|期|轮)([\u4e00-\u9fff]{{2}})")


def asked_ordinals(question: str) -> list[tuple[str, str, str]]:
    """The numbered editions a question asks about: (number, unit, the noun after them),
    as in 第二届全国文明家庭 → (二, 届, 全国)."""
    return [(m.group(1), m.group(2), m.group(3)) for m in _NUMBERED.finditer(question)]


def other_edition(asked: Sequence[tuple[str, str, str]], texts: Sequence[str]) -> bool:
    """Whether the passages speak of other editions of what the question numbers (第一届
    全国文明家庭 for 第二届…) and never of the one asked: the corpus does not hold it."""
    for number, unit, noun in asked:
        said = {
            m.group(1)
            for text in texts
            for m in _NUMBERED.finditer(text)
            if (m.group(2), m.group(3)) == (unit, noun)
        }
        if said and number not in said:
            return True
    return False
