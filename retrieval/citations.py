"""What cites what inside a law: a penalty article names the duty it enforces by its number
(第一百二十五条 违反本法第六十一条规定的，由…责令改正…罚款), and rarely repeats its words, so
a question asking what breaking a duty costs finds the duty and, through its number, the
article that answers."""

from __future__ import annotations

import re
from collections.abc import Sequence

from retrieval.clues import states_penalty
from retrieval.index import SearchIndex
from retrieval.model import Passage
from retrieval.parts import ARTICLE

# a breach of this text's own articles (not another law's: 违反《…》第…条), up to the
# 规定 closing the articles it lists (not the 依照本法第…条 of its penalty), however said:
# 违反本法第六十一条规定, 实施本条例第十四条禁止行为, 有本法第三十条所列行为, 未按照本条例
# 第九条规定
_BREACH = re.compile(
    r"(?:违反|实施|(?<![具享没])有|未(?:按照|依照|依|按))本(?:法|条例|办法|规定|细则|决定)"
    r"([^，。；]*?)(?:规定|禁止|所列)"
)

MAX_ENFORCING = 2  # penalty articles brought for one duty (one per offender is usual)


def article_of(passage: Passage) -> str:
    """The article a passage belongs to (第六十一条), as its headings or opening say; ''."""
    if passage.section and ARTICLE.fullmatch(passage.section[-1]):
        return passage.section[-1]
    opening = ARTICLE.match(passage.text)
    return opening.group(0) if opening else ""


def enforcing(passages: Sequence[Passage], article: str) -> list[Passage]:
    """The passages among `passages` (one document's) that state a penalty for breaching
    `article` of their own text."""
    out = []
    for passage in passages:
        breached = " ".join(m.group(1) for m in _BREACH.finditer(passage.text))
        if article in breached and states_penalty(passage.text):
            out.append(passage)
    return out[:MAX_ENFORCING]


def with_enforcing(
    index: SearchIndex, shown: list[tuple[Passage, float]], leading: int
) -> list[tuple[Passage, float]]:
    """The shown passages, each of the first `leading` that states no penalty preceded by the
    articles penalising a breach of it, for a question asking what a breach costs."""
    out: list[tuple[Passage, float]] = []
    seen: set[tuple[str, int, int]] = set()
    for rank, (passage, score) in enumerate(shown):
        article = article_of(passage)
        if rank < leading and article and not states_penalty(passage.text):
            document = index.document(passage.doc)
            for penalty in enforcing(document.passages, article):
                if penalty.key not in seen:
                    out.append((penalty, score))
                    seen.add(penalty.key)
        if passage.key not in seen:
            out.append((passage, score))
            seen.add(passage.key)
    return out
